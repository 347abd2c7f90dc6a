//! The application's state: which screen shows (the picker or the editor),
//! the settings it started with, the status line, the terminal size; and
//! the changes the runner's answers make to it. The keys, paste and mouse
//! that change it are dispatched from `app/mod.rs`.

use std::path::PathBuf;
use std::time::Duration;

use super::{EditorState, Effect, Message, PickerState, Popup, Typing};
use crate::document::Document;
use crate::docx::DocxFonts;
use crate::i18n::Lang;
use crate::plain_text::ExportOptions;
use crate::settings::keymap::Keymap;
use crate::settings::theme::Theme;
use crate::storage::{DraftEntry, DraftLocation};

/// Which screen is showing.
pub enum Screen {
    Picker(PickerState),
    Editor(Box<EditorState>),
}

/// Settings the application starts with.
#[derive(Debug, Clone)]
pub struct Settings {
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: Keymap,
    pub export: ExportOptions,
    pub export_dir: Option<PathBuf>,
    /// The fonts of the .docx export (`[docx]` in config.toml).
    pub docx_fonts: DocxFonts,
    pub autosave: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Zh,
            theme: Theme::default(),
            keymap: Keymap::default(),
            export: ExportOptions::default(),
            export_dir: None,
            docx_fonts: DocxFonts::default(),
            autosave: Duration::from_secs(2),
        }
    }
}

pub struct App {
    pub screen: Screen,
    pub settings: Settings,
    pub help: bool,
    pub message: Option<Message>,
    /// The terminal size, for layout-dependent keys (page up, mouse).
    pub size: (u16, u16),
    pub quit: bool,
    /// Whether the screen must be drawn again.
    pub dirty_screen: bool,
    /// The clipboard and what the editing keys remember (see `typing`).
    pub typing: Typing,
}

impl App {
    pub fn with_picker(settings: Settings, drafts: Vec<DraftEntry>) -> App {
        App::new(Screen::Picker(PickerState::new(drafts)), settings)
    }

    pub fn with_editor(settings: Settings, doc: Document, location: DraftLocation) -> App {
        App::new(
            Screen::Editor(Box::new(EditorState::new(doc, location))),
            settings,
        )
    }

    fn new(screen: Screen, settings: Settings) -> App {
        App {
            screen,
            settings,
            help: false,
            message: None,
            size: (80, 24),
            quit: false,
            dirty_screen: true,
            typing: Typing::default(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    /// Time passes: autosave after a pause in typing, and a pause ends
    /// the undo step typing was growing.
    pub fn tick(&mut self, now: std::time::Instant) -> Vec<Effect> {
        if let Screen::Editor(e) = &mut self.screen {
            e.end_typing_run_if_paused(now);
        }
        match &self.screen {
            Screen::Editor(e) if e.autosave_due(now, self.settings.autosave) => vec![Effect::Save],
            _ => Vec::new(),
        }
    }

    /// Whether work waits until the screen is drawn and no key is waiting:
    /// the first check of a draft just opened.
    pub fn idle_pending(&self) -> bool {
        matches!(&self.screen, Screen::Editor(e) if e.findings_pending)
    }

    /// Does the work [`App::idle_pending`] announced.
    pub fn idle(&mut self) {
        if let Screen::Editor(e) = &mut self.screen
            && e.findings_pending
        {
            e.run_check();
            self.dirty_screen = true;
        }
    }

    /// When the runner should call [`App::tick`] next.
    pub fn next_deadline(&self) -> Option<std::time::Instant> {
        match &self.screen {
            Screen::Editor(e) => e.autosave_deadline(self.settings.autosave),
            Screen::Picker(_) => None,
        }
    }

    pub fn editor(&self) -> Option<&EditorState> {
        match &self.screen {
            Screen::Editor(e) => Some(e),
            Screen::Picker(_) => None,
        }
    }

    pub fn editor_mut(&mut self) -> Option<&mut EditorState> {
        match &mut self.screen {
            Screen::Editor(e) => Some(e),
            Screen::Picker(_) => None,
        }
    }

    /// The draft on disk is not the version that was loaded: ask what to do.
    pub fn save_conflict(&mut self) {
        self.dirty_screen = true;
        if let Some(e) = self.editor_mut() {
            e.conflict = true;
            e.popup = Some(Popup::ChangedOnDisk);
        }
    }

    /// The runner saved the open draft (or failed to).
    pub fn save_done(&mut self, result: Result<String, String>) {
        self.dirty_screen = true;
        if let Some(e) = self.editor_mut() {
            match result {
                Ok(time) => {
                    e.mark_saved(time);
                }
                Err(reason) => {
                    e.save_error = Some(reason.clone());
                    self.notify(crate::i18n::Notice::SaveFailed { reason });
                }
            }
        }
    }

    /// The runner exported the draft (or failed to).
    pub fn export_done(&mut self, result: Result<PathBuf, String>) {
        self.dirty_screen = true;
        let left = self.editor().map_or(0, |e| e.counts.placeholders);
        self.notify(match result {
            Ok(path) => crate::i18n::Notice::Exported { path, left },
            Err(reason) => crate::i18n::Notice::ExportFailed { reason },
        });
    }

    /// The runner opened a draft for editing.
    pub fn open_done(&mut self, result: Result<(Document, DraftLocation), String>) {
        self.dirty_screen = true;
        match result {
            Ok((doc, location)) => {
                self.screen = Screen::Editor(Box::new(EditorState::new(doc, location)));
                self.message = None;
            }
            Err(e) => self.warn(e),
        }
    }

    /// The runner read the draft list.
    pub fn drafts_done(&mut self, drafts: Vec<DraftEntry>) {
        self.dirty_screen = true;
        if let Screen::Picker(p) = &mut self.screen {
            p.set_drafts(drafts);
        }
    }
}
