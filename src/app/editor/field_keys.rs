//! Keys in the editor pane's field: moving by screen rows as drawn (and
//! selecting with Shift), the one-line fields' Enter, and everything else
//! through the text widget; a read-only draft only moves and selects.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_textarea::Input;

use super::pointer::jump_cursor;
use super::{EditorState, RunKind};
use crate::app::Effect;
use crate::layout::text_position;
use crate::settings::keymap::Action;

/// A key that moves the cursor (and with Shift, selects): never an edit.
fn is_moving(key: &KeyEvent) -> bool {
    matches!(
        key.code,
        KeyCode::Left
            | KeyCode::Right
            | KeyCode::Up
            | KeyCode::Down
            | KeyCode::Home
            | KeyCode::End
            | KeyCode::PageUp
            | KeyCode::PageDown
    )
}

/// A key that types a character.
pub(super) fn is_typing(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(_))
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

pub(super) fn editor_key(
    e: &mut EditorState,
    action: Option<Action>,
    key: KeyEvent,
    size: (u16, u16),
    lang: crate::i18n::Lang,
    message: &mut Option<crate::app::Message>,
) -> Vec<Effect> {
    match action {
        Some(Action::Leave) => {
            e.leave_editor();
            return if e.dirty && !e.read_only {
                vec![Effect::Save]
            } else {
                Vec::new()
            };
        }
        // One history: the last thing done, text or structure.
        Some(Action::Undo | Action::Redo) => {
            let done = if action == Some(Action::Undo) {
                e.undo()
            } else {
                e.redo()
            };
            return if done { vec![Effect::Save] } else { Vec::new() };
        }
        _ => {}
    }
    // A read-only draft is read: the cursor moves, selects and copies,
    // and only what would change the text is refused.
    if e.read_only && !is_moving(&key) {
        if is_typing(&key)
            || matches!(
                key.code,
                KeyCode::Enter | KeyCode::Backspace | KeyCode::Delete
            )
        {
            crate::app::typing::say(message, crate::app::typing::read_only_here(lang), true);
        }
        return Vec::new();
    }
    let Some(fa) = e.fields.active_mut() else {
        return Vec::new();
    };
    let multiline = fa.field.is_multiline();
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    // A one-line field ends at `next_field` (Enter): go on to the next
    // field (from a heading to its body), and on to the next part after
    // the last.
    if action == Some(Action::NextField) && !multiline {
        e.end_typing_run();
        crate::app::typing::move_across_parts(e, true);
        return Vec::new();
    }
    match key.code {
        // Enter never breaks a one-line field, whatever key goes on.
        KeyCode::Enter if !multiline => return Vec::new(),
        KeyCode::Up | KeyCode::Down if plain => {
            e.typing = None;
            let up = key.code == KeyCode::Up;
            let shift = key.modifiers.contains(KeyModifiers::SHIFT);
            // By screen rows as drawn (wrapped by the line-breaking rule).
            let target = e.active_view(size, lang).and_then(|view| {
                let (row, col) = view.cursor;
                let next = if up {
                    row.checked_sub(1)
                } else {
                    Some(row + 1)
                };
                next.filter(|&r| r < view.rows.len())
                    .map(|r| text_position(&view.rows, r, col))
            });
            let Some(fa) = e.fields.active_mut() else {
                return Vec::new();
            };
            // Shift extends the selection from where it started (or from
            // here); a plain arrow drops it, as every editor does.
            if shift && !fa.area.is_selecting() {
                fa.area.start_selection();
            } else if !shift {
                fa.area.cancel_selection();
            }
            match target {
                Some(at) => jump_cursor(fa, at),
                // Selecting at the edge of the field: on to its start or end,
                // never out of it (a selection lies in one field).
                None if shift => {
                    let lines = fa.area.lines();
                    let last = lines.len() - 1;
                    let end = (last, lines[last].chars().count());
                    jump_cursor(fa, if up { (0, 0) } else { end });
                }
                // At the edge of the field: move to the neighbouring field,
                // and on to the neighbouring part.
                None => {
                    crate::app::typing::move_across_parts(e, !up);
                }
            }
            return Vec::new();
        }
        KeyCode::Tab => return Vec::new(),
        _ => {}
    }
    if fa.area.input(Input::from(key)) {
        let kind = match key.code {
            KeyCode::Char(_) | KeyCode::Enter if plain => Some(RunKind::Typing),
            KeyCode::Backspace | KeyCode::Delete if plain => Some(RunKind::Deleting),
            _ => None,
        };
        e.text_changed(kind);
        // Enter ends the step it belongs to.
        if key.code == KeyCode::Enter {
            e.end_typing_run();
        }
    } else {
        // A cursor move (or a key that did nothing) ends the typing run.
        e.end_typing_run();
    }
    Vec::new()
}
