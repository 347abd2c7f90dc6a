//! The interactive session: the event loop that feeds terminal events to
//! the application, draws when something changed, and performs the effects
//! the application asks for (saving, exporting, managing drafts).

use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event;

use crate::app::{App, Effect, Screen};
use crate::document::Document;
use crate::docx::ExportFormat;
use crate::storage::{
    DraftLocation, DraftLock, Exports, Fingerprint, LockError, StorageError, Store,
};
use crate::templates::Template;
use crate::tui::signals::StopSignals;
use crate::tui::{Tui, Wait};

/// A draft opened for editing: its lock (none when it is open elsewhere and
/// so read-only here) and the fingerprint of the bytes loaded.
#[derive(Debug, Default)]
pub struct Opened {
    /// Held while the draft is open; dropping it lets others open the draft.
    _lock: Option<DraftLock>,
    fingerprint: Option<Fingerprint>,
    /// Set when another zongjie holds the lock, or the lock cannot be
    /// written (a read-only or full file system): the draft opens read-only.
    pub held_elsewhere: Option<LockError>,
}

/// Opens a draft for the editor: takes its lock, or opens it read-only when
/// another running zongjie has it, and remembers what was loaded.
pub fn open_draft(
    store: &Store,
    location: &DraftLocation,
) -> Result<(Document, Opened), StorageError> {
    let dir = location.path.parent().unwrap_or(std::path::Path::new("."));
    let lock = DraftLock::acquire(location).and_then(|lock| {
        // A lock file left from before can be taken in a folder that no
        // longer takes a save: find out now, not at the first save.
        crate::storage::probe_writable(dir)
            .map(|()| lock)
            .map_err(|(path, source)| LockError::Io { path, source })
    });
    let (lock, held_elsewhere) = match lock {
        Ok(lock) => (Some(lock), None),
        // Held elsewhere, or the folder cannot be written: still readable.
        Err(e) => (None, Some(e)),
    };
    let (doc, fingerprint) = store.load_with_fingerprint(location)?;
    Ok((
        doc,
        Opened {
            _lock: lock,
            fingerprint: Some(fingerprint),
            held_elsewhere,
        },
    ))
}

/// Runs the full-screen interface until the writer quits. Returns the exit
/// code a stop signal asks for, if one ended the session.
///
/// The loop sleeps in one place, on the events a thread reads from the
/// terminal and on a pipe that the terminal signals write to, so neither
/// waits on the other: a resize is drawn at once, the key after it is
/// handled at once, and an idle editor uses no CPU (it wakes four times a
/// second to look at the stop signals).
pub fn run(mut app: App, store: &Store, opened: Opened) -> io::Result<Option<i32>> {
    let signals = StopSignals::install().ok();
    // Made before the terminal is taken, dropped after it is given back:
    // the lines naming rescue files are printed where the writer sees them.
    let _rescue = crate::storage::rescue::ExitGuard::new();
    #[cfg(unix)]
    let terminal_signals = crate::tui::signals::TerminalSignals::install().ok();
    #[cfg(unix)]
    let wake = terminal_signals
        .as_ref()
        .map(crate::tui::signals::TerminalSignals::wake_fd);
    #[cfg(not(unix))]
    let wake = None;
    let mut tui = Tui::init()?;
    let input = crate::tui::Input::start()?;
    let size = tui.terminal.size()?;
    app.size = (size.width, size.height);
    let mut session = Session {
        store,
        exports: Exports::default(),
        opened,
    };
    session.note_read_only(&mut app);
    session.offer_rescues(&mut app);
    session.go_back_to_position(&mut app);
    let mut more_input = false;
    loop {
        if let Some(signal) = signals.as_ref().and_then(StopSignals::pending) {
            session.save_before_stopping(&mut app);
            return Ok(Some(signal.exit_code()));
        }
        #[cfg(unix)]
        if let Some(terminal_signals) = &terminal_signals {
            answer_terminal_signals(terminal_signals, &mut tui, &mut app);
        }
        if app.dirty_screen {
            tui.terminal.draw(|frame| crate::ui::draw(frame, &app))?;
            app.dirty_screen = false;
        }
        if app.quit {
            break;
        }
        // Work that can wait (checking a draft just opened) runs once the
        // writer pauses, so it never delays the first frame or a key.
        let timeout = if app.idle_pending() {
            IDLE_AFTER
        } else {
            // Wake up at least every quarter second to notice a stop signal.
            app.next_deadline()
                .map(|d| d.saturating_duration_since(Instant::now()))
                .unwrap_or(SIGNAL_POLL)
                .min(SIGNAL_POLL)
        };
        // One wait for everything: the events the input thread read, the
        // terminal signals, a hang-up of the terminal, and the deadline.
        #[cfg(unix)]
        let ready = Some(input.ready_fd());
        #[cfg(not(unix))]
        let ready = None;
        // Events left over from a long batch are taken without waiting.
        let wait = if more_input {
            Wait::Input
        } else {
            crate::tui::wait_for_input(timeout, ready, wake)
        };
        match wait {
            Wait::HungUp => {
                // Nothing can be drawn or asked any more: keep the text and go.
                session.save_before_stopping(&mut app);
                return Ok(Some(HANGUP_EXIT));
            }
            Wait::Input => {
                // Take every event already waiting before drawing again.
                input.clear_ready();
                let mut budget = 256;
                while let Some(event) = input.next() {
                    let event = event?;
                    if let event::Event::Resize(width, height) = event {
                        // crossterm's own note of a resize the signal pipe
                        // already brought is not drawn a second time.
                        if (width, height) != app.size {
                            let size = tui.redraw_all().unwrap_or((width, height));
                            app.handle_event(event::Event::Resize(size.0, size.1));
                        }
                    } else {
                        let effects = app.handle_event(event);
                        session.perform(&mut app, effects);
                    }
                    budget -= 1;
                    if app.quit || budget == 0 {
                        break;
                    }
                }
                more_input = budget == 0;
            }
            Wait::Woken => {}
            Wait::TimedOut => {
                if app.idle_pending() {
                    app.idle();
                }
                let now = Instant::now();
                if app.next_deadline().is_some_and(|d| d <= now) {
                    let effects = app.tick(now);
                    session.perform(&mut app, effects);
                }
            }
        }
    }
    Ok(None)
}

/// Answers a resize (drawn at once at the new size), a request to suspend
/// (the terminal put back before stopping, as vim does) and a continue
/// (full-screen mode again, drawn whole at the size the window has now).
#[cfg(unix)]
fn answer_terminal_signals(
    signals: &crate::tui::signals::TerminalSignals,
    tui: &mut Tui,
    app: &mut App,
) {
    let mut events = signals.take();
    if events.suspend {
        // Stopped only once the terminal is the shell's again: an editor
        // stopped on a raw terminal would leave the writer stuck.
        if tui.suspend().is_ok() && signals.stop_now().is_ok() {
            // Continued: what arrived while stopped is answered below.
            events = signals.take();
        }
        events.continued = true;
    }
    let size = if events.continued {
        tui.resume()
    } else if events.resized {
        tui.redraw_all()
    } else {
        return;
    };
    // A terminal that cannot be asked its size is drawn as it was; one
    // that is gone is noticed by the next wait, which saves the text.
    match size {
        Ok((width, height)) => {
            app.handle_event(event::Event::Resize(width, height));
        }
        Err(_) => app.dirty_screen = true,
    }
}

const SIGNAL_POLL: Duration = Duration::from_millis(250);
/// How long the writer pauses before deferred work runs.
const IDLE_AFTER: Duration = Duration::from_millis(150);
/// The exit status after the terminal hung up, as if by SIGHUP (128 + 1).
const HANGUP_EXIT: i32 = 129;

struct Session<'a> {
    store: &'a Store,
    /// Export files written in this session, which a new export may replace.
    exports: Exports,
    /// The open draft's lock and fingerprint.
    opened: Opened,
}

impl Session<'_> {
    fn perform(&mut self, app: &mut App, effects: Vec<Effect>) {
        for effect in effects {
            self.perform_one(app, effect);
        }
    }

    fn perform_one(&mut self, app: &mut App, effect: Effect) {
        let lang = app.lang();
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
                    app.quit = true;
                }
            }
            Effect::Quit => app.quit = true,
            Effect::CopyToSystem(text) => crate::tui::copy_to_system_clipboard(&text),
            Effect::Export(format) => {
                let result = self.export(app, format);
                app.export_done(result);
            }
            Effect::RefreshDrafts => self.refresh(app),
            Effect::OpenDraft(id) => {
                let location = self.store.location(&id);
                match open_draft(self.store, &location) {
                    Ok((doc, opened)) => {
                        self.opened = opened;
                        app.open_done(Ok((doc, location)));
                        self.note_read_only(app);
                        self.go_back_to_position(app);
                    }
                    Err(e) => app.open_done(Err(crate::i18n::localized(&e, app.lang()))),
                }
            }
            Effect::SaveOverwrite => {
                if let Some(e) = app.editor_mut() {
                    e.popup = None;
                }
                self.opened.fingerprint = None;
                self.save(app);
            }
            Effect::Reload => {
                let Some(location) = app.editor().map(|e| e.location.clone()) else {
                    return;
                };
                match self.store.load_with_fingerprint(&location) {
                    Ok((doc, fingerprint)) => {
                        self.opened.fingerprint = Some(fingerprint);
                        app.open_done(Ok((doc, location)));
                        app.say(
                            lang.pick("已重新载入磁盘上的版本", "Reloaded the version on disk"),
                        );
                    }
                    Err(e) => app.warn(crate::i18n::localized(&e, app.lang())),
                }
            }
            Effect::SaveAsCopy => self.save_as_copy(app),
            Effect::CreateDraft { template } => {
                let Some(template) = Template::find(&template) else {
                    return;
                };
                let doc = template.document(None);
                self.create_and_open(
                    app,
                    &doc,
                    lang.pick(
                        "已新建草稿，先改标题吧（Enter 到下一栏，Esc 回大纲）",
                        "Draft created: start with the title (Enter next field, Esc outline)",
                    ),
                );
            }
            Effect::LoadReference(from) => {
                let earlier = self
                    .store
                    .resolve(&from)
                    .and_then(|location| self.store.load(&location))
                    .map_err(|e| crate::i18n::localized(&e, lang));
                app.reference_loaded(earlier);
            }
            Effect::SaveAsTemplate { id, name } => {
                let saved = self
                    .store
                    .load(&self.store.location(&id))
                    .map_err(crate::templates::TemplateError::from)
                    .and_then(|mut doc| {
                        doc.from = None;
                        let dir = crate::settings::config::config_dir()
                            .ok_or(crate::templates::TemplateError::NoConfigDir)?
                            .join("templates");
                        crate::templates::save_user_template(&dir, &name, &doc)
                    });
                match saved {
                    Ok(path) => app.say(format!(
                        "{}{}",
                        lang.pick("已存为模板：", "Kept as a template: "),
                        path.display()
                    )),
                    Err(e) => app.warn(crate::i18n::localized(
                        &crate::cli::commands::CommandError::from(e),
                        app.lang(),
                    )),
                }
            }
            Effect::CreateNextDraft(id) => {
                let location = self.store.location(&id);
                let next = self
                    .store
                    .load(&location)
                    .map_err(crate::cli::commands::CommandError::from)
                    .and_then(|earlier| {
                        crate::document::next_period_draft(&earlier, id.as_str(), None)
                            .map_err(crate::cli::commands::CommandError::from)
                    });
                match next {
                    Ok(doc) => self.create_and_open(
                        app,
                        &doc,
                        lang.pick(
                            "已新建下一期草稿：上一期的每项打算都列在“工作开展情况”里，逐项写进展",
                            "Next period's draft created: each earlier promise is an item of the work section",
                        ),
                    ),
                    Err(e) => app.warn(crate::i18n::localized(&e, app.lang())),
                }
            }
            Effect::CopyDraft(id) => {
                let copied = self.store.copy(&id);
                match &copied {
                    Ok(new) => app.say(format!("{}{new}", lang.pick("已复制为 ", "Copied as "))),
                    Err(e) => app.warn(crate::i18n::localized(e, app.lang())),
                }
                self.refresh(app);
                select_in_picker(app, copied.ok());
            }
            Effect::RenameDraft { from, to } => {
                let renamed = self.store.rename(&from, &to);
                match &renamed {
                    Ok(new) => app.say(format!("{}{new}", lang.pick("已重命名为 ", "Renamed to "))),
                    Err(e) => app.warn(crate::i18n::localized(e, app.lang())),
                }
                self.refresh(app);
                select_in_picker(app, renamed.ok());
            }
            Effect::RetitleDraft { id, title } => {
                match self.store.retitle(&id, &title) {
                    Ok(()) => app.say(format!(
                        "{}{}",
                        lang.pick("标题已改为：", "Title changed to: "),
                        title
                    )),
                    Err(e) => app.warn(crate::i18n::localized(&e, app.lang())),
                }
                self.refresh(app);
            }
            Effect::TrashDraft(id) => {
                match self.store.trash(&id) {
                    Ok(_) => app.say(format!(
                        "{id} {}",
                        lang.pick(
                            "已移入回收站（F8 可恢复）",
                            "moved to the trash (F8 to restore)"
                        )
                    )),
                    Err(e) => app.warn(crate::i18n::localized(&e, app.lang())),
                }
                self.refresh(app);
            }
            Effect::RestoreBackup(id) => {
                match self.store.restore_backup(&id) {
                    Ok(()) => app.say(format!(
                        "{id} {}",
                        lang.pick(
                            "已恢复为上一版本（再按一次可撤回）",
                            "restored to the previous version (again to undo)"
                        )
                    )),
                    Err(e) => app.warn(crate::i18n::localized(&e, app.lang())),
                }
                self.refresh(app);
            }
            Effect::ListTrash => {
                let items = crate::ui::trash_lines(&self.store.trash_entries(), lang);
                if let Screen::Picker(p) = &mut app.screen {
                    p.show_trash(items);
                }
            }
            Effect::ListHistory(id) => {
                let items = self
                    .store
                    .snapshots(&id)
                    .iter()
                    .map(|snapshot| {
                        let about = match self.store.snapshot_summary(snapshot) {
                            Ok(s) => format!(
                                "{}  {} {}  {}",
                                snapshot.time(),
                                crate::ui::thousands(s.chars),
                                lang.pick("字", "chars"),
                                s.title
                            ),
                            Err(_) => format!("{}  [{}]", snapshot.time(), lang.damaged()),
                        };
                        (snapshot.stamp.clone(), about)
                    })
                    .collect();
                let changes = crate::diff::changes_since_versions(self.store, &id, lang);
                if let Screen::Picker(p) = &mut app.screen {
                    p.show_history(id, items);
                    p.show_history_changes(changes);
                }
            }
            Effect::RestoreVersion { id, stamp } => {
                let location = self.store.location(&id);
                let restored = DraftLock::acquire(&location)
                    .map_err(StorageError::from)
                    .and_then(|_lock| self.store.restore_snapshot(&location, &stamp));
                match restored {
                    Ok(()) => app.say(format!(
                        "{id} {}",
                        lang.pick(
                            "已恢复为所选的早先版本（F6 可撤回）",
                            "restored to the chosen earlier version (F6 to undo)"
                        )
                    )),
                    Err(e) => app.warn(crate::i18n::localized(&e, lang)),
                }
                self.refresh(app);
            }
            Effect::RestoreRescue(path) => {
                match self.store.restore_rescue(&path) {
                    Ok(id) => app.say(format!(
                        "{}{id}",
                        lang.pick(
                            "已把抢救文件恢复为新草稿 ",
                            "The rescue file is now a new draft: "
                        )
                    )),
                    Err(e) => app.warn(crate::i18n::localized(&e, lang)),
                }
                self.refresh(app);
                self.offer_rescues(app);
            }
            Effect::RestoreFromTrash(name) => {
                match self.store.untrash(&name) {
                    Ok(id) => app.say(format!("{}{id}", lang.pick("已恢复：", "Restored: "))),
                    Err(e) => app.warn(crate::i18n::localized(&e, app.lang())),
                }
                self.refresh(app);
            }
        }
    }

    fn refresh(&self, app: &mut App) {
        match self.store.list() {
            Ok(drafts) => app.drafts_done(drafts),
            Err(e) => app.warn(crate::i18n::localized(&e, app.lang())),
        }
    }

    /// Saves the open draft; returns whether it worked.
    /// Saves the open draft unless it changed on disk since it was loaded
    /// (then the writer is asked); returns whether it was saved.
    fn save(&mut self, app: &mut App) -> bool {
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
                app.save_done(Ok(chrono::Local::now().format("%H:%M").to_string()));
                true
            }
            Err(StorageError::ChangedOnDisk(_)) => {
                app.save_conflict();
                false
            }
            Err(err) => {
                // Kept for a panic, which must not lose it either.
                crate::storage::rescue::remember_unsaved(
                    self.store,
                    Some((&e.location, &e.doc)),
                    app.lang(),
                );
                app.save_done(Err(crate::i18n::localized(&err, app.lang())));
                false
            }
        }
    }

    /// Saves the editor's text as a new draft and goes on editing that one;
    /// the draft that changed on disk is left as it is.
    /// Stores `doc` as a new draft and opens it with the title selected.
    fn create_and_open(&mut self, app: &mut App, doc: &Document, message: &str) {
        let created = self.store.create(None, doc).and_then(|id| {
            let location = self.store.location(&id);
            open_draft(self.store, &location).map(|(doc, opened)| (doc, opened, location))
        });
        match created {
            Ok((doc, opened, location)) => {
                self.opened = opened;
                app.open_done(Ok((doc, location)));
                if let Some(e) = app.editor_mut() {
                    e.start_with_title();
                }
                app.say(message);
            }
            Err(e) => app.warn(crate::i18n::localized(&e, app.lang())),
        }
    }

    fn save_as_copy(&mut self, app: &mut App) {
        let lang = app.lang();
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
                app.open_done(Ok((doc, location)));
                app.say(format!(
                    "{}{id}",
                    lang.pick("已另存为新草稿 ", "Saved as a new draft: ")
                ));
            }
            Err(e) => app.warn(crate::i18n::localized(&e, app.lang())),
        }
    }

    /// In the picker, rescue files are offered for restoring.
    fn offer_rescues(&self, app: &mut App) {
        let Screen::Picker(p) = &mut app.screen else {
            return;
        };
        let items = self
            .store
            .rescue_files()
            .into_iter()
            .map(|r| {
                let when = r.modified.map(crate::i18n::local_time).unwrap_or_default();
                let about = format!("{}  {when}  {}", r.draft, r.path.display());
                (r.path, about)
            })
            .collect();
        p.show_rescues(items);
    }

    /// A draft another zongjie has open is shown read-only, and the writer is told.
    fn note_read_only(&self, app: &mut App) {
        if let Some(held) = &self.opened.held_elsewhere {
            let lang = app.lang();
            let why = match held {
                LockError::Held { .. } => lang.pick("另一窗口在编辑", "open elsewhere"),
                LockError::Io { .. } => lang.pick("文件夹无法写入", "folder not writable"),
            };
            if let Some(e) = app.editor_mut() {
                e.read_only = true;
                e.read_only_why = Some(why.to_string());
            }
            let message = match held {
                LockError::Held { pid, .. } => format!(
                    "{}{}",
                    lang.pick(
                        "只读打开：这篇草稿正在另一个 zongjie 窗口中编辑",
                        "Opened read-only: this draft is open in another zongjie"
                    ),
                    pid.map(|p| format!(" ({p})")).unwrap_or_default()
                ),
                LockError::Io { path, source } => format!(
                    "{}{}: {source}",
                    lang.pick(
                        "只读打开：草稿所在的文件夹无法写入（只读或已满），改动无法保存。",
                        "Opened read-only: the draft's folder cannot be written (read-only or full), so changes cannot be saved. ",
                    ),
                    path.parent().unwrap_or(path).display()
                ),
            };
            app.warn(message);
        }
    }

    /// Reopening a draft: back to where the writer left it.
    fn go_back_to_position(&self, app: &mut App) {
        if let Some(e) = app.editor_mut()
            && let Some(position) = self.store.position(&e.location)
        {
            e.go_to_position(&position);
        }
    }

    /// Leaving a draft: remember where (best effort, it is not the text).
    fn remember_position(&self, app: &App) {
        if let Some(e) = app.editor() {
            let _ = self.store.remember_position(&e.location, e.position());
        }
    }

    /// A stop signal: keep the writer's text. When the draft changed on disk,
    /// the text goes to a new draft instead of over the other version.
    fn save_before_stopping(&mut self, app: &mut App) {
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

    fn export(&mut self, app: &App, format: ExportFormat) -> Result<PathBuf, String> {
        let Some(e) = app.editor() else {
            return Err("no draft".into());
        };
        let lang = app.lang();
        let dir = app
            .settings
            .export_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("."));
        let bytes = format
            .render(&e.doc, &app.settings.export, &app.settings.docx_fonts)
            .map_err(|e| crate::i18n::localized(&e, lang))?;
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
            .map_err(|e| crate::i18n::localized(&e, lang))
    }
}

/// After a copy or a rename: the new draft selected in the list.
fn select_in_picker(app: &mut App, id: Option<crate::storage::DraftId>) {
    if let (Screen::Picker(p), Some(id)) = (&mut app.screen, id) {
        p.select_id(&id);
    }
}
