//! What a key types, when typing is all it does: the character the
//! runner may show before the key's frame (issue 23).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

use super::Focus;
use super::keys::is_typing;
use crate::app::{App, Screen};
use crate::settings::keymap::Context;

/// The character `key` puts into the field being typed in, at the cursor
/// and as it is, if that is all it does: no popup or help open, the
/// cursor in a field of a writable draft with nothing selected (typing
/// would replace it), and the key bound to nothing there. What the runner
/// may show ahead of the frame the key brings (issue 23); a space shows
/// nothing new and is left to the frame.
pub(in crate::app) fn typed_char(app: &App, key: &KeyEvent) -> Option<char> {
    let Screen::Editor(e) = &app.screen else {
        return None;
    };
    let KeyCode::Char(c) = key.code else {
        return None;
    };
    let keymap = &app.settings.keymap;
    let typable = !app.help
        && key.kind == KeyEventKind::Press
        && is_typing(key)
        && !c.is_control()
        && !c.is_whitespace()
        && e.popup.is_none()
        && e.focus == Focus::Editor
        && !e.read_only
        && keymap.action(Context::Global, key).is_none()
        && keymap.action(Context::Editor, key).is_none()
        && e.fields
            .active()
            .is_some_and(|fa| fa.area.selection_range().is_none());
    typable.then_some(c)
}
