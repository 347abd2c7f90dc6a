//! The editor's popups: the section-kind list (new section, change kind),
//! the changed-on-disk choice and the delete-section confirmation; the
//! find bar, export and target prompts have files of their own and are
//! dispatched from here.

use crossterm::event::{KeyCode, KeyEvent};

use super::EditorState;
use super::find_bar::handle_find;
use crate::app::Effect;
use crate::app::find::FindState;
use crate::document::SectionKind;

/// A small window over the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// Choose the kind of a new section.
    NewSection { selected: usize },
    /// The find (and replace) bar.
    Find(FindState),
    /// The draft was changed on disk by someone else: overwrite, reload or copy?
    ChangedOnDisk,
    /// Delete a section that still has text? (y/n)
    ConfirmDeleteSection { section: usize },
    /// Choose the kind of the selected section (the same list as for a new one).
    ChangeKind { section: usize, selected: usize },
    /// Export as .txt or .docx?
    Export { selected: crate::docx::ExportFormat },
    /// The target length being typed (for the selected section, or the draft).
    Target { input: String },
}

pub(super) fn handle_popup(
    e: &mut EditorState,
    popup: Popup,
    key: KeyEvent,
    lang: crate::i18n::Lang,
    message: &mut Option<crate::app::Message>,
) -> Vec<Effect> {
    match popup {
        Popup::Find(state) => handle_find(e, state, key, lang, message),
        Popup::Export { selected } => crate::app::export_prompt::handle_key(selected, key)
            .unwrap_or_else(|selected| {
                e.popup = Some(Popup::Export { selected });
                Vec::new()
            }),
        Popup::Target { input } => crate::app::target::handle_target_key(e, input, key),
        Popup::ChangedOnDisk => match key.code {
            KeyCode::Char('o' | 'O') => vec![Effect::SaveOverwrite],
            KeyCode::Char('r' | 'R') => vec![Effect::Reload],
            KeyCode::Char('c' | 'C') => vec![Effect::SaveAsCopy],
            KeyCode::Esc => {
                *message = Some(crate::app::Message {
                    text: lang
                        .pick(
                            "未保存：草稿在磁盘上已被修改，Ctrl+S 重新选择",
                            "Not saved: the draft changed on disk; Ctrl+S to choose again",
                        )
                        .into(),
                    error: true,
                });
                Vec::new()
            }
            _ => {
                e.popup = Some(Popup::ChangedOnDisk);
                Vec::new()
            }
        },
        Popup::ConfirmDeleteSection { section } => match key.code {
            KeyCode::Char('y' | 'Y') => {
                if e.delete_selected() {
                    *message = Some(crate::app::Message {
                        text: lang
                            .pick("已删除，按 u 撤销", "Deleted; press u to undo")
                            .to_string(),
                        error: false,
                    });
                    return vec![Effect::Save];
                }
                Vec::new()
            }
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Vec::new(),
            _ => {
                e.popup = Some(Popup::ConfirmDeleteSection { section });
                Vec::new()
            }
        },
        Popup::NewSection { selected } => {
            match choose_kind(selected, key) {
                KindChoice::Keep(selected) => e.popup = Some(Popup::NewSection { selected }),
                KindChoice::Chosen(kind) => {
                    if e.new_section(kind) {
                        return vec![Effect::Save];
                    }
                }
                KindChoice::Cancel => {}
            }
            Vec::new()
        }
        Popup::ChangeKind { section, selected } => {
            match choose_kind(selected, key) {
                KindChoice::Keep(selected) => {
                    e.popup = Some(Popup::ChangeKind { section, selected })
                }
                KindChoice::Chosen(kind) => {
                    if e.set_kind(section, kind) {
                        return vec![Effect::Save];
                    }
                }
                KindChoice::Cancel => {}
            }
            Vec::new()
        }
    }
}

/// What a key does in the list of section kinds.
#[derive(Debug, PartialEq, Eq)]
enum KindChoice {
    Keep(usize),
    Chosen(SectionKind),
    Cancel,
}

/// The list of section kinds (for a new section, or to change one's kind):
/// ↑↓ (k/j) move, Enter or a digit chooses, Esc cancels.
fn choose_kind(selected: usize, key: KeyEvent) -> KindChoice {
    let n = SectionKind::ALL.len();
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => KindChoice::Keep((selected + n - 1) % n),
        KeyCode::Down | KeyCode::Char('j') => KindChoice::Keep((selected + 1) % n),
        KeyCode::Enter => KindChoice::Chosen(SectionKind::ALL[selected.min(n - 1)]),
        KeyCode::Char(c) if c.is_ascii_digit() => {
            let i = c.to_digit(10).unwrap_or(0) as usize;
            if (1..=n).contains(&i) {
                KindChoice::Chosen(SectionKind::ALL[i - 1])
            } else {
                KindChoice::Keep(selected)
            }
        }
        KeyCode::Esc => KindChoice::Cancel,
        _ => KindChoice::Keep(selected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::editor::test_support::{app, editor, keys, press};
    use crate::app::outline::Entry;

    fn choose(selected: usize, key: &str) -> KindChoice {
        choose_kind(selected, keys(key)[0])
    }

    #[test]
    fn the_kind_list_wraps_and_a_digit_chooses() {
        let n = SectionKind::ALL.len();
        assert_eq!(choose(0, "Up"), KindChoice::Keep(n - 1));
        assert_eq!(choose(0, "k"), KindChoice::Keep(n - 1));
        assert_eq!(choose(n - 1, "Down"), KindChoice::Keep(0));
        assert_eq!(choose(1, "j"), KindChoice::Keep(2));
        assert_eq!(choose(2, "Enter"), KindChoice::Chosen(SectionKind::ALL[2]));
        for (i, kind) in SectionKind::ALL.iter().enumerate() {
            assert_eq!(choose(0, &(i + 1).to_string()), KindChoice::Chosen(*kind));
        }
        assert_eq!(choose(3, "0"), KindChoice::Keep(3));
        assert_eq!(choose(3, "Esc"), KindChoice::Cancel);
        assert_eq!(choose(3, "x"), KindChoice::Keep(3));
    }

    #[test]
    fn changed_on_disk_offers_three_ways_and_esc_decides_later() {
        let mut app = app();
        for (key, effect) in [
            ("o", Effect::SaveOverwrite),
            ("r", Effect::Reload),
            ("c", Effect::SaveAsCopy),
        ] {
            app.editor_mut().expect("editor").popup = Some(Popup::ChangedOnDisk);
            assert_eq!(press(&mut app, key), vec![effect]);
            assert_eq!(editor(&app).popup, None);
        }
        app.editor_mut().expect("editor").popup = Some(Popup::ChangedOnDisk);
        assert_eq!(press(&mut app, "x j Enter"), vec![]);
        assert_eq!(editor(&app).popup, Some(Popup::ChangedOnDisk));
        assert_eq!(press(&mut app, "Esc"), vec![]);
        assert_eq!(editor(&app).popup, None);
        assert!(app.message.as_ref().is_some_and(|m| m.error));
    }

    #[test]
    fn a_section_with_text_is_deleted_only_after_yes() {
        let mut app = app();
        let before = editor(&app).doc.clone();
        press(&mut app, "j j");
        assert_eq!(editor(&app).selected_entry(), Entry::Section(0));
        press(&mut app, "d");
        assert_eq!(
            editor(&app).popup,
            Some(Popup::ConfirmDeleteSection { section: 0 })
        );
        assert_eq!(press(&mut app, "n"), vec![]);
        assert_eq!(editor(&app).doc, before);
        assert_eq!(press(&mut app, "d y"), vec![Effect::Save]);
        assert_eq!(editor(&app).doc.sections.len(), before.sections.len() - 1);
        assert_eq!(editor(&app).doc.sections[0], before.sections[1]);
    }

    #[test]
    fn a_new_section_of_the_chosen_kind_goes_after_the_selected_one() {
        let mut app = app();
        let before = editor(&app).doc.clone();
        press(&mut app, "j j A");
        assert!(matches!(editor(&app).popup, Some(Popup::NewSection { .. })));
        assert_eq!(press(&mut app, "Esc"), vec![]);
        assert_eq!(editor(&app).doc, before);
        assert_eq!(press(&mut app, "A 2"), vec![Effect::Save]);
        let doc = &editor(&app).doc;
        assert_eq!(doc.sections.len(), before.sections.len() + 1);
        assert_eq!(doc.sections[1].kind, SectionKind::ALL[1]);
    }
}
