//! The application state (the model) and every change to it. Events come in
//! as key, paste, mouse and tick calls; I/O goes out as [`Effect`]s that the
//! runner performs and answers with an [`Outcome`] ([`App::answer`]).

mod clipboard;
mod editor;
mod effect;
mod export_prompt;
mod field_text;
mod fields;
mod find;
mod message;
mod model;
mod outcome;
mod outline;
mod picker;
mod position;
mod reference;
mod target;
mod typing;

pub use clipboard::{Clipboard, CopiedPart, text_for_field};
pub use editor::{EditorState, Focus, PHRASE_PAUSE, Popup, RunKind, TypingRun, typed_by};
pub use effect::Effect;
pub use export_prompt::EXPORT_FORMATS;
pub use field_text::FieldText;
pub use fields::{FieldArea, FieldEditor};
pub use find::{FindInput, FindState, Match, find_all, replace_all, replace_one};
pub use message::Message;
pub use model::{App, Screen, Settings};
pub use outcome::{Failure, Opening, Outcome};
pub use outline::{Entry, entries, entry_text, field_label, visible_entries};
pub use picker::{PickerPopup, PickerState, RenameWhat};
pub use reference::{Reference, reference_text};
pub use target::{TargetMark, target_mark};
pub use typing::{Typing, next_word_stop, prev_word_stop};

use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseEvent};

/// Keys, paste and mouse go to the screen that shows (and whether a
/// key would type where the cursor is, asked ahead of it).
impl App {
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
        let key = line_feed_as_enter(&self.settings.keymap, key);
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

    /// Whether a key that types a character ([`typed_by`]) puts it into
    /// the field at the cursor as it is, now: the terminal-reading thread
    /// may then show it before the key's frame (issue 23).
    pub fn typing_here(&self) -> bool {
        editor::typing_here(self)
    }
}

/// A line feed (Ctrl+J) is Enter, unless the keymap binds Ctrl+J. A
/// terminal in cooked mode turns Enter into a line feed, and that is how
/// the keys typed while zongjie was suspended reach it when it is
/// continued; unbound, Ctrl+J went to the text widget, which takes it for
/// "delete to the start of the line": a writer's Enter there deleted the
/// line typed before it.
fn line_feed_as_enter(keymap: &crate::settings::keymap::Keymap, key: KeyEvent) -> KeyEvent {
    let line_feed = key.code == crossterm::event::KeyCode::Char('j')
        && key.modifiers == crossterm::event::KeyModifiers::CONTROL;
    if line_feed && !keymap.binds(&key) {
        KeyEvent {
            code: crossterm::event::KeyCode::Enter,
            modifiers: crossterm::event::KeyModifiers::NONE,
            ..key
        }
    } else {
        key
    }
}
