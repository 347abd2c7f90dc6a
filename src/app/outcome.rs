//! The runner's answers: what came of an [`Effect`](super::Effect) it
//! performed, as typed values. [`App::answer`] decides what each changes
//! in the state and which [`Notice`] the status bar shows; the runner
//! itself never writes into the app or composes a sentence.

use std::error::Error;
use std::path::PathBuf;

use super::{App, Popup, Screen};
use crate::document::Document;
use crate::i18n::{Notice, ReadOnly, rescue_lines, trash_lines, version_lines};
use crate::storage::{
    DraftEntry, DraftId, DraftLocation, DraftSummary, Position, RescueFile, Snapshot, TrashEntry,
};

/// Why an effect failed: the error itself, put in words by the app in the
/// interface language ([`crate::i18n::localized`]).
#[derive(Debug)]
pub struct Failure(Box<dyn Error>);

impl<E: Error + 'static> From<E> for Failure {
    fn from(error: E) -> Failure {
        Failure(Box::new(error))
    }
}

impl Failure {
    pub fn localized(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::localized(&*self.0, lang)
    }
}

/// How the draft that is open now came to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opening {
    /// Chosen in the picker.
    Picked,
    /// New, from a template: the title comes first.
    Created,
    /// The next period's, from an earlier draft: the title comes first.
    NextCreated,
    /// Read from disk again, dropping the editor's changes.
    Reloaded,
    /// The editor's text saved as this new draft.
    SavedAsCopy(DraftId),
}

/// What came of an effect.
#[derive(Debug)]
pub enum Outcome {
    /// The open draft was saved at this local time (`10:42`).
    Saved {
        at: String,
    },
    /// The draft changed on disk since it was loaded: nothing was written.
    SaveConflict,
    SaveFailed(Failure),
    /// The writer may go (the save before quitting, if any, worked).
    Quit,
    Exported(Result<PathBuf, Failure>),
    /// A draft is open for editing now.
    Opened {
        doc: Box<Document>,
        location: DraftLocation,
        how: Opening,
    },
    OpenFailed(Failure),
    /// The open draft cannot be saved from here.
    ReadOnly(ReadOnly),
    /// Where the writer left the open draft the last time.
    Position(Position),
    /// The draft list, read again.
    Drafts(Vec<DraftEntry>),
    /// An effect on a draft in the picker failed.
    Failed(Failure),
    Copied(DraftId),
    Renamed(DraftId),
    /// An effect on a draft in the picker worked; the notice says which.
    Done(Notice),
    Trash(Vec<TrashEntry>),
    /// A draft's kept versions (newest first; `None` for a damaged one) and
    /// the changes each made, as the history popup shows them.
    History {
        id: DraftId,
        versions: Vec<(Snapshot, Option<DraftSummary>)>,
        changes: Vec<Vec<String>>,
    },
    Rescues(Vec<RescueFile>),
    /// The earlier draft for the reference pane.
    Reference(Result<Document, Failure>),
}

impl App {
    /// Takes in what came of an effect.
    pub fn answer(&mut self, outcome: Outcome) {
        self.dirty_screen = true;
        let lang = self.lang();
        match outcome {
            Outcome::Saved { at } => {
                self.close_changed_on_disk();
                self.save_done(Ok(at));
            }
            Outcome::SaveConflict => self.save_conflict(),
            Outcome::SaveFailed(failure) => {
                self.close_changed_on_disk();
                self.save_done(Err(failure.localized(lang)));
            }
            Outcome::Quit => self.quit = true,
            Outcome::Exported(result) => self.export_done(result.map_err(|f| f.localized(lang))),
            Outcome::Opened { doc, location, how } => {
                self.open_done(Ok((*doc, location)));
                let notice = match how {
                    Opening::Picked => None,
                    Opening::Created => Some(Notice::DraftCreated),
                    Opening::NextCreated => Some(Notice::NextDraftCreated),
                    Opening::Reloaded => Some(Notice::Reloaded),
                    Opening::SavedAsCopy(id) => Some(Notice::SavedAsCopy(id)),
                };
                if matches!(
                    notice,
                    Some(Notice::DraftCreated | Notice::NextDraftCreated)
                ) && let Some(e) = self.editor_mut()
                {
                    e.start_with_title();
                }
                if let Some(notice) = notice {
                    self.notify(notice);
                }
            }
            Outcome::OpenFailed(failure) => self.open_done(Err(failure.localized(lang))),
            Outcome::ReadOnly(why) => {
                if let Some(e) = self.editor_mut() {
                    e.read_only = true;
                    e.read_only_why = Some(why.label(lang).to_string());
                }
                self.notify(Notice::ReadOnly(why));
            }
            Outcome::Position(position) => {
                if let Some(e) = self.editor_mut() {
                    e.go_to_position(&position);
                }
            }
            Outcome::Drafts(drafts) => self.drafts_done(drafts),
            Outcome::Failed(failure) => self.warn(failure.localized(lang)),
            Outcome::Copied(id) => {
                self.select_in_picker(&id);
                self.notify(Notice::Copied(id));
            }
            Outcome::Renamed(id) => {
                self.select_in_picker(&id);
                self.notify(Notice::Renamed(id));
            }
            Outcome::Done(notice) => self.notify(notice),
            Outcome::Trash(entries) => {
                if let Screen::Picker(p) = &mut self.screen {
                    p.show_trash(trash_lines(&entries, lang));
                }
            }
            Outcome::History {
                id,
                versions,
                changes,
            } => {
                if let Screen::Picker(p) = &mut self.screen {
                    p.show_history(id, version_lines(&versions, lang));
                    p.show_history_changes(changes);
                }
            }
            Outcome::Rescues(files) => {
                if let Screen::Picker(p) = &mut self.screen {
                    p.show_rescues(rescue_lines(files));
                }
            }
            Outcome::Reference(result) => {
                self.reference_loaded(result.map_err(|f| f.localized(lang)));
            }
        }
    }

    /// Shows a notice in the status bar, as a warning when it is one.
    pub fn notify(&mut self, notice: Notice) {
        let text = notice.text(self.lang(), &self.settings.keymap);
        if notice.is_warning() {
            self.warn(text);
        } else {
            self.say(text);
        }
    }

    /// The changed-on-disk question is answered once a save was tried.
    fn close_changed_on_disk(&mut self) {
        if let Some(e) = self.editor_mut()
            && e.popup == Some(Popup::ChangedOnDisk)
        {
            e.popup = None;
        }
    }

    fn select_in_picker(&mut self, id: &DraftId) {
        if let Screen::Picker(p) = &mut self.screen {
            p.select_id(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Focus, PickerPopup, Settings};
    use crate::i18n::Lang;
    use crate::storage::{StorageError, Store};

    fn settings(lang: Lang) -> Settings {
        Settings {
            lang,
            ..Settings::default()
        }
    }

    fn doc() -> Document {
        crate::templates::Template::find("party-branch")
            .unwrap()
            .document(Some("标题"))
    }

    fn location(name: &str) -> DraftLocation {
        Store::new("/nonexistent").location(&DraftId::parse(name).unwrap())
    }

    fn editor(lang: Lang) -> App {
        App::with_editor(settings(lang), doc(), location("d"))
    }

    fn picker(lang: Lang) -> App {
        let entry = |id: &str| DraftEntry {
            id: DraftId::parse(id).unwrap(),
            path: format!("/nonexistent/{id}.toml").into(),
            modified: None,
            summary: Ok(DraftSummary::of(&doc())),
        };
        App::with_picker(settings(lang), vec![entry("a"), entry("b"), entry("c")])
    }

    fn failure() -> Failure {
        StorageError::NoBackup("/d/x.toml".into()).into()
    }

    fn message(app: &App) -> Option<(String, bool)> {
        app.message.as_ref().map(|m| (m.text.clone(), m.error))
    }

    fn has_chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// One outcome of every kind, for the app it is answered in (picker or
    /// editor), and whether it says something in the status bar.
    fn every_outcome() -> Vec<(Outcome, bool, bool)> {
        let id = || DraftId::parse("d-2").unwrap();
        let opened = |how| Outcome::Opened {
            doc: Box::new(doc()),
            location: location("d-2"),
            how,
        };
        let outcomes = vec![
            // (outcome, answered in the editor, says something)
            (Outcome::Saved { at: "10:42".into() }, true, false),
            (Outcome::SaveConflict, true, false),
            (Outcome::SaveFailed(failure()), true, true),
            (Outcome::Quit, true, false),
            (Outcome::Exported(Ok("/o/T.txt".into())), true, true),
            (Outcome::Exported(Err(failure())), true, true),
            (opened(Opening::Picked), false, false),
            (opened(Opening::Created), false, true),
            (opened(Opening::NextCreated), false, true),
            (opened(Opening::Reloaded), true, true),
            (opened(Opening::SavedAsCopy(id())), true, true),
            (Outcome::OpenFailed(failure()), false, true),
            (
                Outcome::ReadOnly(ReadOnly::Held { pid: Some(7) }),
                true,
                true,
            ),
            (
                Outcome::Position(editor(Lang::En).editor().unwrap().position()),
                true,
                false,
            ),
            (Outcome::Drafts(Vec::new()), false, false),
            (Outcome::Failed(failure()), false, true),
            (Outcome::Copied(id()), false, true),
            (Outcome::Renamed(id()), false, true),
            (Outcome::Done(Notice::Retitled("T".into())), false, true),
            (Outcome::Done(Notice::Trashed(id())), false, true),
            (Outcome::Done(Notice::BackupRestored(id())), false, true),
            (Outcome::Done(Notice::VersionRestored(id())), false, true),
            (Outcome::Done(Notice::RescueRestored(id())), false, true),
            (Outcome::Done(Notice::Untrashed(id())), false, true),
            (
                Outcome::Done(Notice::KeptAsTemplate("/c/t.toml".into())),
                false,
                true,
            ),
            (Outcome::Trash(Vec::new()), false, false),
            (
                Outcome::History {
                    id: id(),
                    versions: Vec::new(),
                    changes: Vec::new(),
                },
                false,
                false,
            ),
            (Outcome::Rescues(Vec::new()), false, false),
            (Outcome::Reference(Ok(doc())), true, false),
            (Outcome::Reference(Err(failure())), true, true),
        ];
        // A new kind of outcome fails to compile here until it is listed above.
        for (outcome, _, _) in &outcomes {
            match outcome {
                Outcome::Saved { .. }
                | Outcome::SaveConflict
                | Outcome::SaveFailed(_)
                | Outcome::Quit
                | Outcome::Exported(_)
                | Outcome::Opened { .. }
                | Outcome::OpenFailed(_)
                | Outcome::ReadOnly(_)
                | Outcome::Position(_)
                | Outcome::Drafts(_)
                | Outcome::Failed(_)
                | Outcome::Copied(_)
                | Outcome::Renamed(_)
                | Outcome::Done(_)
                | Outcome::Trash(_)
                | Outcome::History { .. }
                | Outcome::Rescues(_)
                | Outcome::Reference(_) => {}
            }
        }
        outcomes
    }

    #[test]
    fn every_outcome_that_speaks_has_words_in_both_languages() {
        for lang in [Lang::Zh, Lang::En] {
            for (outcome, in_editor, speaks) in every_outcome() {
                let about = format!("{outcome:?}");
                let mut app = if in_editor {
                    editor(lang)
                } else {
                    picker(lang)
                };
                app.answer(outcome);
                assert!(app.dirty_screen);
                match (message(&app), speaks) {
                    (Some((text, _)), true) => {
                        assert_eq!(has_chinese(&text), lang == Lang::Zh, "{about}: {text}");
                    }
                    (None, false) => {}
                    (said, _) => panic!("{about}: said {said:?}, expected to speak: {speaks}"),
                }
            }
        }
    }

    #[test]
    fn saving_marks_the_draft_and_answers_the_changed_on_disk_question() {
        let mut app = editor(Lang::Zh);
        app.answer(Outcome::SaveConflict);
        let e = app.editor().unwrap();
        assert!(e.conflict);
        assert_eq!(e.popup, Some(Popup::ChangedOnDisk));
        app.answer(Outcome::SaveFailed(failure()));
        let e = app.editor().unwrap();
        assert_eq!(e.popup, None);
        assert!(
            e.save_error
                .as_deref()
                .unwrap()
                .contains("没有可恢复的上一版本")
        );
        let (text, warning) = message(&app).unwrap();
        assert!(
            warning && text.starts_with("保存失败，文字仍在编辑器中："),
            "{text}"
        );
        app.answer(Outcome::SaveConflict);
        app.answer(Outcome::Saved { at: "10:42".into() });
        let e = app.editor().unwrap();
        assert_eq!((e.popup.clone(), e.conflict), (None, false));
        assert_eq!(e.saved_at.as_deref(), Some("10:42"));
        assert_eq!(e.save_error, None);
        assert!(!app.quit);
        app.answer(Outcome::Quit);
        assert!(app.quit);
    }

    #[test]
    fn an_export_names_the_file_and_warns_of_placeholders_left() {
        let mut app = editor(Lang::En);
        app.editor_mut().unwrap().counts.placeholders = 0;
        app.answer(Outcome::Exported(Ok("/o/T.txt".into())));
        assert_eq!(message(&app), Some(("Exported: /o/T.txt".into(), false)));
        app.editor_mut().unwrap().counts.placeholders = 2;
        app.answer(Outcome::Exported(Ok("/o/T.txt".into())));
        let (text, warning) = message(&app).unwrap();
        assert!(
            warning && text.contains('2') && text.ends_with("/o/T.txt"),
            "{text}"
        );
        app.answer(Outcome::Exported(Err(failure())));
        assert_eq!(
            message(&app),
            Some((
                "Export failed: /d/x.toml has no backup to restore".into(),
                true
            ))
        );
    }

    #[test]
    fn a_draft_opened_replaces_the_picker_new_ones_start_at_the_title() {
        for (how, at_title) in [(Opening::Picked, false), (Opening::Created, true)] {
            let mut app = picker(Lang::Zh);
            app.answer(Outcome::Opened {
                doc: Box::new(doc()),
                location: location("d-2"),
                how,
            });
            let e = app.editor().expect("the editor shows the draft");
            assert_eq!(e.location, location("d-2"));
            assert_eq!(e.doc.title, "标题");
            assert_eq!(e.focus == Focus::Editor, at_title);
        }
        let mut app = picker(Lang::Zh);
        app.answer(Outcome::OpenFailed(failure()));
        assert!(app.editor().is_none());
        assert!(message(&app).unwrap().1);
    }

    #[test]
    fn read_only_says_why_and_stays_shown() {
        let mut app = editor(Lang::Zh);
        app.answer(Outcome::ReadOnly(ReadOnly::Held { pid: Some(7) }));
        let e = app.editor().unwrap();
        assert!(e.read_only);
        assert_eq!(e.read_only_why.as_deref(), Some("另一窗口在编辑"));
        let (text, warning) = message(&app).unwrap();
        assert!(warning && text.ends_with("(7)"), "{text}");
    }

    #[test]
    fn the_position_puts_the_cursor_back() {
        let mut there = editor(Lang::Zh);
        for _ in 0..3 {
            there.handle_key(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Down,
            ));
        }
        let position = there.editor().unwrap().position();
        let mut app = editor(Lang::Zh);
        assert_ne!(
            app.editor().unwrap().selected,
            there.editor().unwrap().selected
        );
        app.answer(Outcome::Position(position));
        assert_eq!(
            app.editor().unwrap().selected,
            there.editor().unwrap().selected
        );
    }

    #[test]
    fn picker_outcomes_select_and_list() {
        let mut app = picker(Lang::En);
        app.answer(Outcome::Copied(DraftId::parse("c").unwrap()));
        let Screen::Picker(p) = &app.screen else {
            panic!("picker")
        };
        assert_eq!(p.visible()[p.selected].id.as_str(), "c");
        assert_eq!(message(&app), Some(("Copied as c".into(), false)));
        app.answer(Outcome::Trash(vec![TrashEntry {
            name: "x.toml".into(),
            id: "x".into(),
            title: Ok("T".into()),
            deleted: Some("2026-12-05 10:42".into()),
        }]));
        let Screen::Picker(p) = &app.screen else {
            panic!("picker")
        };
        let Some(PickerPopup::Trash { items, .. }) = &p.popup else {
            panic!("the trash is shown")
        };
        assert_eq!(
            items,
            &[("x.toml".into(), "2026-12-05 10:42  T (x)".into())]
        );
        app.answer(Outcome::Drafts(Vec::new()));
        let Screen::Picker(p) = &app.screen else {
            panic!("picker")
        };
        assert!(p.drafts.is_empty());
    }

    #[test]
    fn lists_of_versions_and_rescue_files_open_their_popups() {
        let mut app = picker(Lang::Zh);
        let snapshot = Snapshot {
            stamp: "20261123-140500".into(),
            path: "/h/x".into(),
        };
        app.answer(Outcome::History {
            id: DraftId::parse("a").unwrap(),
            versions: vec![(snapshot, Some(DraftSummary::of(&doc())))],
            changes: vec![vec!["+ 新的一句".into()]],
        });
        let Screen::Picker(p) = &app.screen else {
            panic!("picker")
        };
        let Some(PickerPopup::History {
            id, items, changes, ..
        }) = &p.popup
        else {
            panic!("the versions are shown")
        };
        assert_eq!(id.as_str(), "a");
        assert_eq!(items[0].0, "20261123-140500");
        assert!(items[0].1.starts_with("2026-11-23 14:05  ") && items[0].1.ends_with("  标题"));
        assert_eq!(changes, &[vec!["+ 新的一句".to_string()]]);
        // No rescue files: nothing pops up; some: they are offered.
        let mut app = picker(Lang::Zh);
        app.answer(Outcome::Rescues(Vec::new()));
        let Screen::Picker(p) = &app.screen else {
            panic!("picker")
        };
        assert!(p.popup.is_none());
        app.answer(Outcome::Rescues(vec![RescueFile {
            path: "/s/d.rescue.toml".into(),
            draft: "d".into(),
            modified: None,
        }]));
        let Screen::Picker(p) = &app.screen else {
            panic!("picker")
        };
        let Some(PickerPopup::Rescue { items, .. }) = &p.popup else {
            panic!("the rescue files are offered")
        };
        assert_eq!(
            items,
            &[("/s/d.rescue.toml".into(), "d    /s/d.rescue.toml".into())]
        );
    }

    #[test]
    fn a_reload_replaces_the_text_and_the_reference_pane_shows_the_earlier_draft() {
        let mut app = editor(Lang::En);
        app.editor_mut().unwrap().doc.title = "changed here".into();
        app.answer(Outcome::Opened {
            doc: Box::new(doc()),
            location: location("d"),
            how: Opening::Reloaded,
        });
        assert_eq!(app.editor().unwrap().doc.title, "标题");
        assert_eq!(
            message(&app),
            Some(("Reloaded the version on disk".into(), false))
        );
        app.answer(Outcome::Reference(Ok(doc())));
        let e = app.editor().unwrap();
        assert!(e.reference.shown && e.reference.doc.is_some());
        app.answer(Outcome::Renamed(DraftId::parse("x").unwrap()));
        assert_eq!(message(&app), Some(("Renamed to x".into(), false)));
        app.answer(Outcome::Failed(failure()));
        assert_eq!(
            message(&app),
            Some(("/d/x.toml has no backup to restore".into(), true))
        );
    }
}
