//! The application state (the model) and every change to it. Events come in
//! as key, paste, mouse and tick calls; I/O goes out as [`Effect`]s that the
//! runner performs and answers with an [`Outcome`] ([`App::answer`]).

mod clipboard;
mod counts;
mod editor;
mod export_prompt;
mod field_text;
mod fields;
mod find;
mod outcome;
mod outline;
mod picker;
mod position;
mod reference;
mod target;
mod typing;

pub use clipboard::{Clipboard, CopiedPart, osc52, text_for_field};
pub use counts::text_counts;
pub use editor::{EditorState, Focus, PHRASE_PAUSE, Popup, RunKind, TypingRun, typed_by};
pub use export_prompt::EXPORT_FORMATS;
pub use field_text::FieldText;
pub use fields::{FieldArea, FieldEditor};
pub use find::{FindInput, FindState, Match, find_all, replace_all, replace_one};
pub use outcome::{Failure, Opening, Outcome};
pub use outline::{Entry, entries, entry_text, field_label, visible_entries};
pub use picker::{PickerPopup, PickerState, RenameWhat};
pub use reference::{Reference, reference_text};
pub use target::{TargetMark, target_mark};
pub use typing::{Typing, next_word_stop, prev_word_stop};

use std::path::PathBuf;
use std::time::Duration;

use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseEvent};

use crate::document::Document;
use crate::docx::{DocxFonts, ExportFormat};
use crate::i18n::Lang;
use crate::plain_text::ExportOptions;
use crate::settings::keymap::Keymap;
use crate::settings::theme::Theme;
use crate::storage::{DraftEntry, DraftId, DraftLocation};

/// I/O the application asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save the open draft.
    Save,
    /// Save, and quit only if the save worked.
    SaveAndQuit,
    /// Save over a draft that was changed on disk, as the writer chose.
    SaveOverwrite,
    /// Read the draft from disk again, dropping the changes in the editor.
    Reload,
    /// Save the editor's text as a new draft, leaving the changed one alone.
    SaveAsCopy,
    /// Export the open draft as text or as a .docx.
    Export(ExportFormat),
    Quit,
    /// Put text on the system clipboard, where the terminal allows (OSC 52).
    CopyToSystem(String),
    /// Read the draft list again.
    RefreshDrafts,
    OpenDraft(DraftId),
    CreateDraft {
        template: String,
    },
    CopyDraft(DraftId),
    /// Create the next period's draft from this one (`new --from`) and open it.
    CreateNextDraft(DraftId),
    /// Load the earlier draft the open one continues (its `from`), for the
    /// reference pane; answered by [`App::reference_loaded`].
    LoadReference(String),
    RenameDraft {
        from: DraftId,
        to: String,
    },
    /// Keep the draft as the user template `name` (config dir's `templates/`).
    SaveAsTemplate {
        id: DraftId,
        name: String,
    },
    /// Give a draft a new title; its id stays.
    RetitleDraft {
        id: DraftId,
        title: String,
    },
    TrashDraft(DraftId),
    RestoreBackup(DraftId),
    ListTrash,
    RestoreFromTrash(String),
    /// Make a rescue file (text a failed save left) a new draft.
    RestoreRescue(std::path::PathBuf),
    /// List the kept versions of a draft.
    ListHistory(DraftId),
    /// Put back the version of a draft with this stamp.
    RestoreVersion {
        id: DraftId,
        stamp: String,
    },
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

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

    /// Handles one terminal event.
    pub fn handle_event(&mut self, event: Event) -> Vec<Effect> {
        self.dirty_screen = true;
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(key),
            Event::Paste(text) => self.handle_paste(&text),
            Event::Mouse(mouse) => self.handle_mouse(mouse),
            Event::Resize(w, h) => {
                self.size = (w, h);
                Vec::new()
            }
            _ => {
                self.dirty_screen = false;
                Vec::new()
            }
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        self.dirty_screen = true;
        if self.help {
            // Any key closes help; F1 toggles it.
            self.help = false;
            return Vec::new();
        }
        // A message answers the last key; the next key makes way for the
        // counts again (a failed save stays shown in the status bar by itself).
        self.message = None;
        match &mut self.screen {
            Screen::Picker(_) => picker::handle_key(self, key),
            Screen::Editor(_) => editor::handle_key(self, key),
        }
    }

    pub fn handle_paste(&mut self, text: &str) -> Vec<Effect> {
        self.dirty_screen = true;
        match &mut self.screen {
            Screen::Picker(p) => {
                p.paste(text);
                Vec::new()
            }
            Screen::Editor(_) => editor::handle_paste(self, text),
        }
    }

    pub fn handle_mouse(&mut self, mouse: MouseEvent) -> Vec<Effect> {
        match &mut self.screen {
            Screen::Picker(_) => picker::handle_mouse(self, mouse),
            Screen::Editor(_) => editor::handle_mouse(self, mouse),
        }
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
    /// Whether a key that types a character ([`typed_by`]) puts it into
    /// the field at the cursor as it is, now: the terminal-reading thread
    /// may then show it before the key's frame (issue 23).
    pub fn typing_here(&self) -> bool {
        editor::typing_here(self)
    }

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
