//! Every change through the history, by one path: a structural edit, an
//! undo or a redo ends the typing run, is refused on a read-only draft,
//! rebuilds what the change touched and shows where it happened.

use tui_textarea::CursorMove;

use super::EditorState;
use crate::document::Edit;

/// What the writer asks of the history.
#[derive(Debug)]
enum Change {
    Apply(Edit),
    Undo,
    Redo,
}

impl EditorState {
    /// Applies a structural edit through the history; false if it did not apply.
    pub fn apply(&mut self, edit: Edit) -> bool {
        self.change(Change::Apply(edit))
    }

    /// Undoes the last step, text or structure alike.
    pub(in crate::app) fn undo(&mut self) -> bool {
        self.change(Change::Undo)
    }

    /// Redoes the last undone step.
    pub(in crate::app) fn redo(&mut self) -> bool {
        self.change(Change::Redo)
    }

    /// The one path of every change through the history; false if nothing
    /// changed. An undone or redone text change puts the cursor at the end
    /// of what changed in that field.
    fn change(&mut self, change: Change) -> bool {
        self.end_typing_run();
        if self.read_only {
            return false;
        }
        let (stepped, undo) = match change {
            Change::Apply(edit) => (self.history.apply(&mut self.doc, edit), None),
            Change::Undo => (self.history.undo(&mut self.doc), Some(true)),
            Change::Redo => (self.history.redo(&mut self.doc), Some(false)),
        };
        let Some(focus) = stepped else {
            return false;
        };
        // The inverse of what was just undone or redone holds the text it
        // replaced.
        let replaced = match undo {
            Some(true) => self.history.next_redo(),
            Some(false) => self.history.next_undo(),
            None => None,
        };
        let replaced = match replaced {
            Some(Edit::SetText { field, text }) => Some((*field, text.clone())),
            _ => None,
        };
        self.rebuild(focus);
        if let Some((field, before)) = replaced
            && self.fields.activate(field)
        {
            let after = self.doc.text(field).unwrap_or("").to_string();
            let (row, col) = end_of_change(&before, &after);
            if let Some(fa) = self.fields.active_mut() {
                fa.area.move_cursor(CursorMove::Jump(row, col));
            }
        }
        true
    }
}

/// Where the cursor goes after `before` became `after`: the end of the
/// changed part in `after`, as (row, column) in characters.
fn end_of_change(before: &str, after: &str) -> (u16, u16) {
    let b: Vec<char> = before.chars().collect();
    let a: Vec<char> = after.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let end = a.len() - suffix;
    let row = a[..end].iter().filter(|c| **c == '\n').count();
    let col = a[..end].iter().rev().take_while(|c| **c != '\n').count();
    let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    (clamp(row), clamp(col))
}
