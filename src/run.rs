//! The interactive session: the event loop that feeds terminal events to
//! the application, draws when something changed, and performs the effects
//! the application asks for (saving, exporting, managing drafts).

use std::collections::HashSet;
use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event;

use crate::app::{App, Effect, Screen};
use crate::commands::write_output;
use crate::document::Document;
use crate::plain_text::{encode, export_text};
use crate::storage::{DraftLocation, Store};
use crate::templates::Template;
use crate::tui::Tui;

/// Runs the full-screen interface until the writer quits.
pub fn run(mut app: App, store: &Store) -> io::Result<()> {
    let mut tui = Tui::init()?;
    let size = tui.terminal.size()?;
    app.size = (size.width, size.height);
    let mut session = Session {
        store,
        exported: HashSet::new(),
    };
    loop {
        if app.dirty_screen {
            tui.terminal.draw(|frame| crate::ui::draw(frame, &app))?;
            app.dirty_screen = false;
        }
        if app.quit {
            break;
        }
        if app.idle_pending() && !event::poll(Duration::ZERO)? {
            app.idle();
            continue;
        }
        let timeout = app
            .next_deadline()
            .map(|d| d.saturating_duration_since(Instant::now()))
            .unwrap_or(Duration::from_secs(60));
        if event::poll(timeout)? {
            // Take every event already waiting before drawing again.
            let mut budget = 256;
            loop {
                let event = event::read()?;
                if matches!(event, event::Event::Resize(..)) {
                    tui.terminal.backend().forget_size();
                }
                let effects = app.handle_event(event);
                session.perform(&mut app, effects);
                budget -= 1;
                if app.quit || budget == 0 || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        } else {
            let effects = app.tick(Instant::now());
            session.perform(&mut app, effects);
        }
    }
    Ok(())
}

struct Session<'a> {
    store: &'a Store,
    /// Export files written in this session, which a new export may replace.
    exported: HashSet<PathBuf>,
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
            Effect::Export => {
                let result = self.export(app);
                app.export_done(result);
            }
            Effect::RefreshDrafts => self.refresh(app),
            Effect::OpenDraft(id) => {
                let location = self.store.location(&id);
                let result = self
                    .store
                    .load(&location)
                    .map(|doc| (doc, location))
                    .map_err(|e| e.to_string());
                app.open_done(result);
            }
            Effect::CreateDraft { template } => {
                let Some(template) = Template::find(&template) else {
                    return;
                };
                let doc = template.document(None);
                match self.store.create(None, &doc) {
                    Ok(id) => {
                        let location = self.store.location(&id);
                        app.open_done(Ok((doc, location)));
                        if let Some(e) = app.editor_mut() {
                            e.start_with_title();
                        }
                        app.say(lang.pick(
                            "已新建草稿，先改标题吧（Enter 到下一栏，Esc 回大纲）",
                            "Draft created: start with the title (Enter next field, Esc outline)",
                        ));
                    }
                    Err(e) => app.warn(e.to_string()),
                }
            }
            Effect::CopyDraft(id) => {
                match self.store.copy(&id) {
                    Ok(new) => app.say(format!("{}{new}", lang.pick("已复制为 ", "Copied as "))),
                    Err(e) => app.warn(e.to_string()),
                }
                self.refresh(app);
            }
            Effect::RenameDraft { from, to } => {
                match self.store.rename(&from, &to) {
                    Ok(new) => app.say(format!("{}{new}", lang.pick("已重命名为 ", "Renamed to "))),
                    Err(e) => app.warn(e.to_string()),
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
                    Err(e) => app.warn(e.to_string()),
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
                    Err(e) => app.warn(e.to_string()),
                }
                self.refresh(app);
            }
            Effect::ListTrash => {
                let items = self.store.trashed();
                if let Screen::Picker(p) = &mut app.screen {
                    p.show_trash(items);
                }
            }
            Effect::RestoreFromTrash(name) => {
                match self.store.untrash(&name) {
                    Ok(id) => app.say(format!("{}{id}", lang.pick("已恢复：", "Restored: "))),
                    Err(e) => app.warn(e.to_string()),
                }
                self.refresh(app);
            }
        }
    }

    fn refresh(&self, app: &mut App) {
        match self.store.list() {
            Ok(drafts) => app.drafts_done(drafts),
            Err(e) => app.warn(e.to_string()),
        }
    }

    /// Saves the open draft; returns whether it worked.
    fn save(&self, app: &mut App) -> bool {
        let Some(e) = app.editor() else { return true };
        if e.read_only {
            return true;
        }
        let result = self
            .store
            .save(&e.location, &e.doc)
            .map(|()| chrono::Local::now().format("%H:%M").to_string())
            .map_err(|e| e.to_string());
        let ok = result.is_ok();
        app.save_done(result);
        ok
    }

    fn export(&mut self, app: &App) -> Result<PathBuf, String> {
        let Some(e) = app.editor() else {
            return Err("no draft".into());
        };
        let options = &app.settings.export;
        let dir = app
            .settings
            .export_dir
            .clone()
            .unwrap_or_else(|| PathBuf::from("."));
        let stem = export_stem(&e.doc, &e.location);
        let bytes = encode(&export_text(&e.doc, options), options.encoding);
        let mut target = dir.join(format!("{stem}.txt"));
        let mut n = 2;
        // Never replace a file this session did not write.
        while target.exists() && !self.exported.contains(&target) {
            target = dir.join(format!("{stem} ({n}).txt"));
            n += 1;
        }
        write_output(&target, &bytes, true).map_err(|e| e.to_string())?;
        self.exported.insert(target.clone());
        Ok(target)
    }
}

/// The export file's name: the title, made safe for file systems, or the id.
fn export_stem(doc: &Document, location: &DraftLocation) -> String {
    let safe: String = doc
        .title
        .trim()
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
        .take(80)
        .collect();
    let safe = safe.trim().trim_start_matches('.').to_string();
    if safe.is_empty() {
        location.name().replace(['/', '\\'], "_")
    } else {
        safe
    }
}
