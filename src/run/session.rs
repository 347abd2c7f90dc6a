//! The effects the application asks for, performed: saving, exporting,
//! opening and managing drafts. Each is answered with typed
//! [`Outcome`]s ([`App::answer`]); the app decides what they change and
//! what the status bar says.

use std::path::PathBuf;

use crate::app::{App, Effect, Failure, Opening, Outcome};
use crate::document::Document;
use crate::docx::ExportFormat;
use crate::i18n::{Notice, ReadOnly};
use crate::storage::{DraftId, DraftLock, Exports, LockError, StorageError, Store};
use crate::templates::{Template, TemplateError};

use super::open::{Opened, open_draft};

pub(super) struct Session<'a> {
    pub store: &'a Store,
    /// Export files written in this session, which a new export may replace.
    pub exports: Exports,
    /// The open draft's lock and fingerprint.
    pub opened: Opened,
}

impl Session<'_> {
    pub fn perform(&mut self, app: &mut App, effects: Vec<Effect>) {
        for effect in effects {
            self.perform_one(app, effect);
        }
    }

    fn perform_one(&mut self, app: &mut App, effect: Effect) {
        match effect {
            Effect::Save => {
                self.save(app);
            }
            Effect::SaveAndQuit => {
                self.remember_position(app);
                let saved = match app.editor() {
                    Some(e) if e.dirty && !e.read_only => self.save(app),
                    _ => true,
                };
                // A failed save keeps the writer in the editor with the text.
                if saved {
                    app.answer(Outcome::Quit);
                }
            }
            Effect::Quit => app.answer(Outcome::Quit),
            Effect::CopyToSystem(text) => crate::tui::copy_to_system_clipboard(&text),
            Effect::Export(format) => {
                if let Some(result) = self.export(app, format) {
                    app.answer(Outcome::Exported(result));
                }
            }
            Effect::RefreshDrafts => self.refresh(app),
            Effect::OpenDraft(id) => self.open(app, &id),
            Effect::SaveOverwrite => {
                self.opened.fingerprint = None;
                self.save(app);
            }
            Effect::Reload => self.reload(app),
            Effect::SaveAsCopy => self.save_as_copy(app),
            Effect::CreateDraft { template } => {
                if let Some(template) = Template::find(&template) {
                    self.create_and_open(app, &template.document(None), Opening::Created);
                }
            }
            Effect::CreateNextDraft(id) => {
                let next = self
                    .store
                    .load(&self.store.location(&id))
                    .map_err(Failure::from)
                    .and_then(|earlier| {
                        crate::document::next_period_draft(&earlier, id.as_str(), None)
                            .map_err(Failure::from)
                    });
                match next {
                    Ok(doc) => self.create_and_open(app, &doc, Opening::NextCreated),
                    Err(failure) => app.answer(Outcome::Failed(failure)),
                }
            }
            Effect::LoadReference(from) => {
                let earlier = self
                    .store
                    .resolve(&from)
                    .and_then(|location| self.store.load(&location))
                    .map_err(Failure::from);
                app.answer(Outcome::Reference(earlier));
            }
            Effect::SaveAsTemplate { id, name } => {
                let saved = self.save_as_template(&id, &name);
                app.answer(match saved {
                    Ok(path) => Outcome::Done(Notice::KeptAsTemplate(path)),
                    Err(e) => Outcome::Failed(e.into()),
                });
            }
            Effect::CopyDraft(id) => {
                let copied = self.store.copy(&id);
                self.answer_then_refresh(app, copied.map(Outcome::Copied));
            }
            Effect::RenameDraft { from, to } => {
                let renamed = self.store.rename(&from, &to);
                self.answer_then_refresh(app, renamed.map(Outcome::Renamed));
            }
            Effect::RetitleDraft { id, title } => {
                let retitled = self.store.retitle(&id, &title);
                self.answer_then_refresh(
                    app,
                    retitled.map(|()| Outcome::Done(Notice::Retitled(title))),
                );
            }
            Effect::TrashDraft(id) => {
                let trashed = self.store.trash(&id);
                self.answer_then_refresh(app, trashed.map(|_| Outcome::Done(Notice::Trashed(id))));
            }
            Effect::RestoreBackup(id) => {
                let restored = self.store.restore_backup(&id);
                self.answer_then_refresh(
                    app,
                    restored.map(|()| Outcome::Done(Notice::BackupRestored(id))),
                );
            }
            Effect::ListTrash => app.answer(Outcome::Trash(self.store.trash_entries())),
            Effect::ListHistory(id) => {
                let versions = self
                    .store
                    .snapshots(&id)
                    .into_iter()
                    .map(|snapshot| {
                        let summary = self.store.snapshot_summary(&snapshot).ok();
                        (snapshot, summary)
                    })
                    .collect();
                let changes = crate::diff::changes_since_versions(self.store, &id, app.lang());
                app.answer(Outcome::History {
                    id,
                    versions,
                    changes,
                });
            }
            Effect::RestoreVersion { id, stamp } => {
                let location = self.store.location(&id);
                let restored = DraftLock::acquire(&location)
                    .map_err(StorageError::from)
                    .and_then(|_lock| self.store.restore_snapshot(&location, &stamp));
                self.answer_then_refresh(
                    app,
                    restored.map(|()| Outcome::Done(Notice::VersionRestored(id))),
                );
            }
            Effect::RestoreRescue(path) => {
                let restored = self.store.restore_rescue(&path);
                self.answer_then_refresh(
                    app,
                    restored.map(|id| Outcome::Done(Notice::RescueRestored(id))),
                );
                self.offer_rescues(app);
            }
            Effect::RestoreFromTrash(name) => {
                let restored = self.store.untrash(&name);
                self.answer_then_refresh(
                    app,
                    restored.map(|id| Outcome::Done(Notice::Untrashed(id))),
                );
            }
        }
    }

    /// An effect on a draft in the picker: its outcome, then the list read
    /// again (selecting a new draft once the list has it).
    fn answer_then_refresh(&self, app: &mut App, result: Result<Outcome, StorageError>) {
        match result {
            Ok(outcome @ (Outcome::Copied(_) | Outcome::Renamed(_))) => {
                self.refresh(app);
                app.answer(outcome);
            }
            Ok(outcome) => {
                app.answer(outcome);
                self.refresh(app);
            }
            Err(e) => {
                app.answer(Outcome::Failed(e.into()));
                self.refresh(app);
            }
        }
    }

    pub fn refresh(&self, app: &mut App) {
        app.answer(match self.store.list() {
            Ok(drafts) => Outcome::Drafts(drafts),
            Err(e) => Outcome::Failed(e.into()),
        });
    }

    /// Opens the draft chosen in the picker, where the writer left it.
    fn open(&mut self, app: &mut App, id: &DraftId) {
        let location = self.store.location(id);
        match open_draft(self.store, &location) {
            Ok((doc, opened)) => {
                self.opened = opened;
                app.answer(Outcome::Opened {
                    doc: Box::new(doc),
                    location,
                    how: Opening::Picked,
                });
                self.note_read_only(app);
                self.go_back_to_position(app);
            }
            Err(e) => app.answer(Outcome::OpenFailed(e.into())),
        }
    }

    /// The version on disk replaces the editor's text.
    fn reload(&mut self, app: &mut App) {
        let Some(location) = app.editor().map(|e| e.location.clone()) else {
            return;
        };
        match self.store.load_with_fingerprint(&location) {
            Ok((doc, fingerprint)) => {
                self.opened.fingerprint = Some(fingerprint);
                app.answer(Outcome::Opened {
                    doc: Box::new(doc),
                    location,
                    how: Opening::Reloaded,
                });
            }
            Err(e) => app.answer(Outcome::Failed(e.into())),
        }
    }

    /// Saves the open draft unless it changed on disk since it was loaded
    /// (then the writer is asked); returns whether it was saved.
    pub fn save(&mut self, app: &mut App) -> bool {
        let Some(e) = app.editor() else { return true };
        if e.read_only {
            return true;
        }
        match self
            .store
            .save_checked(&e.location, &e.doc, self.opened.fingerprint.as_ref())
        {
            Ok(fingerprint) => {
                self.opened.fingerprint = Some(fingerprint);
                crate::storage::rescue::remember_unsaved(self.store, None, app.lang());
                let at = chrono::Local::now().format("%H:%M").to_string();
                app.answer(Outcome::Saved { at });
                true
            }
            Err(StorageError::ChangedOnDisk(_)) => {
                app.answer(Outcome::SaveConflict);
                false
            }
            Err(err) => {
                // Kept for a panic, which must not lose it either.
                crate::storage::rescue::remember_unsaved(
                    self.store,
                    Some((&e.location, &e.doc)),
                    app.lang(),
                );
                app.answer(Outcome::SaveFailed(err.into()));
                false
            }
        }
    }

    /// Stores `doc` as a new draft and opens it.
    fn create_and_open(&mut self, app: &mut App, doc: &Document, how: Opening) {
        let created = self.store.create(None, doc).and_then(|id| {
            let location = self.store.location(&id);
            open_draft(self.store, &location).map(|(doc, opened)| (doc, opened, location))
        });
        match created {
            Ok((doc, opened, location)) => {
                self.opened = opened;
                app.answer(Outcome::Opened {
                    doc: Box::new(doc),
                    location,
                    how,
                });
            }
            Err(e) => app.answer(Outcome::Failed(e.into())),
        }
    }

    /// Saves the editor's text as a new draft and goes on editing that one;
    /// the draft that changed on disk is left as it is.
    pub fn save_as_copy(&mut self, app: &mut App) {
        let Some(doc) = app.editor().map(|e| e.doc.clone()) else {
            return;
        };
        let created = self.store.create(None, &doc).and_then(|id| {
            let location = self.store.location(&id);
            open_draft(self.store, &location).map(|(doc, opened)| (doc, opened, location, id))
        });
        match created {
            Ok((doc, opened, location, id)) => {
                self.opened = opened;
                app.answer(Outcome::Opened {
                    doc: Box::new(doc),
                    location,
                    how: Opening::SavedAsCopy(id),
                });
            }
            Err(e) => app.answer(Outcome::Failed(e.into())),
        }
    }

    /// Keeps a draft as the user template `name`; returns its file.
    fn save_as_template(&self, id: &DraftId, name: &str) -> Result<PathBuf, TemplateError> {
        let mut doc = self.store.load(&self.store.location(id))?;
        doc.from = None;
        let dir = crate::settings::config::config_dir()
            .ok_or(TemplateError::NoConfigDir)?
            .join("templates");
        crate::templates::save_user_template(&dir, name, &doc)
    }

    /// In the picker, rescue files are offered for restoring.
    pub fn offer_rescues(&self, app: &mut App) {
        if app.editor().is_none() {
            app.answer(Outcome::Rescues(self.store.rescue_files()));
        }
    }

    /// A draft another zongjie has open is shown read-only, and the writer is told.
    pub fn note_read_only(&mut self, app: &mut App) {
        let why = match self.opened.held_elsewhere.take() {
            None => return,
            Some(LockError::Held { pid, .. }) => ReadOnly::Held { pid },
            Some(LockError::Io { path, source }) => ReadOnly::Unwritable {
                folder: path.parent().unwrap_or(&path).to_path_buf(),
                source,
            },
        };
        app.answer(Outcome::ReadOnly(why));
    }

    /// Reopening a draft: back to where the writer left it.
    pub fn go_back_to_position(&self, app: &mut App) {
        if let Some(position) = app.editor().and_then(|e| self.store.position(&e.location)) {
            app.answer(Outcome::Position(position));
        }
    }

    /// Leaving a draft: remember where (best effort, it is not the text).
    pub fn remember_position(&self, app: &App) {
        if let Some(e) = app.editor() {
            let _ = self.store.remember_position(&e.location, e.position());
        }
    }

    /// A stop signal: keep the writer's text. When the draft changed on disk,
    /// the text goes to a new draft instead of over the other version.
    pub fn save_before_stopping(&mut self, app: &mut App) {
        self.remember_position(app);
        let Some(e) = app.editor_mut() else { return };
        e.end_typing_run();
        if !e.dirty || e.read_only {
            return;
        }
        if !self.save(app) && app.editor().is_some_and(|e| e.conflict) {
            self.save_as_copy(app);
        }
        // Neither worked: the text goes to a rescue file before we go.
        if let Some(e) = app.editor().filter(|e| e.dirty) {
            crate::storage::rescue::rescue_at_exit(self.store, &e.location, &e.doc, app.lang());
        }
    }

    /// Renders and writes the open draft; `None` without one.
    fn export(&mut self, app: &App, format: ExportFormat) -> Option<Result<PathBuf, Failure>> {
        let e = app.editor()?;
        let dir = app
            .settings
            .export_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("."));
        let written = format
            .render(&e.doc, &app.settings.export, &app.settings.docx_fonts)
            .map_err(Failure::from)
            .and_then(|bytes| {
                let stem = crate::storage::export_stem(&e.doc.title, &e.location);
                self.exports
                    .write(
                        self.store,
                        &dir,
                        &stem,
                        format.extension(),
                        &bytes,
                        &e.location,
                    )
                    .map_err(Failure::from)
            });
        Some(written)
    }
}
