//! Undo and redo: the inverses of applied edits, bounded in number.

use super::Edit;
use crate::document::{Document, Field};

/// Undo and redo of edits, bounded so a long session cannot grow without end.
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

const HISTORY_LIMIT: usize = 500;

impl History {
    /// Applies a new edit and records it. Returns the field it is about, or
    /// `None` (and records nothing) when the edit did not apply.
    pub fn apply(&mut self, doc: &mut Document, edit: Edit) -> Option<Option<Field>> {
        let focus = edit.focus();
        let inverse = edit.apply(doc)?;
        self.undo.push(inverse);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Some(focus)
    }

    /// Records an edit that was already made (e.g. typing in a field), given
    /// its inverse, so that it can be undone as one step.
    pub fn record(&mut self, inverse: Edit) {
        self.undo.push(inverse);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Undoes the last edit; returns the field it touched.
    pub fn undo(&mut self, doc: &mut Document) -> Option<Option<Field>> {
        let edit = self.undo.pop()?;
        let focus = edit.focus();
        let inverse = edit.apply(doc)?;
        self.redo.push(inverse);
        Some(focus)
    }

    /// Redoes the last undone edit; returns the field it touched.
    pub fn redo(&mut self, doc: &mut Document) -> Option<Option<Field>> {
        let edit = self.redo.pop()?;
        let focus = edit.focus();
        let inverse = edit.apply(doc)?;
        self.undo.push(inverse);
        Some(focus)
    }

    /// The edit the next undo applies (the inverse of the last change).
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last()
    }

    /// The edit the next redo applies.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
