//! What a key types, when typing is all it does: the character the
//! terminal-reading thread may show before the key's frame (issue 23).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::Focus;
use super::field_keys::is_typing;
use crate::app::{App, Screen};
use crate::settings::keymap::{Context, Keymap};

/// Whether a key that types a character puts it into the field at the
/// cursor, as it is: no popup or help open, the cursor in a field of a
/// writable draft with nothing selected (typing would replace it).
pub(in crate::app) fn typing_here(app: &App) -> bool {
    let Screen::Editor(e) = &app.screen else {
        return false;
    };
    !app.help
        && e.popup.is_none()
        && e.focus == Focus::Editor
        && !e.read_only
        && e.fields
            .active()
            .is_some_and(|fa| fa.area.selection_range().is_none())
}

/// The character `key` types in a field, if typing it is all the key does
/// there: a printable character, not a blank (a space shows nothing new),
/// bound to nothing in the editor.
pub fn typed_by(keymap: &Keymap, key: &KeyEvent) -> Option<char> {
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    let typable = key.kind == KeyEventKind::Press
        && is_typing(key)
        && !c.is_control()
        && !c.is_whitespace()
        && keymap.action(Context::Global, key).is_none()
        && keymap.action(Context::Editor, key).is_none();
    typable.then_some(c)
}
