//! Every change through the history, by one path: a structural edit, an
//! undo or a redo ends the typing run, is refused on a read-only draft,
//! rebuilds what the change touched and shows where it happened.

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
        // The inverse of what was just undone or redone says where the
        // field's text changed: the cursor goes to the end of that stretch.
        let replaced = match undo {
            Some(true) => self.history.next_redo(),
            Some(false) => self.history.next_undo(),
            None => None,
        };
        let changed = match replaced {
            Some(Edit::Splice {
                field, at, remove, ..
            }) => Some((*field, at + remove)),
            _ => None,
        };
        self.rebuild(focus);
        if let Some((field, end)) = changed
            && self.fields.activate(field)
        {
            let after = self.doc.text(field).unwrap_or("");
            let (row, col) = row_and_column(after, end);
            if let Some(fa) = self.fields.active_mut() {
                fa.area.jump(row, col);
            }
        }
        true
    }
}

/// The (row, column) in characters of byte `end` of `text`.
fn row_and_column(text: &str, end: usize) -> (usize, usize) {
    let end = (0..=end.min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let before = &text[..end];
    let row = before.matches('\n').count();
    let col = before
        .rsplit('\n')
        .next()
        .map_or(0, |line| line.chars().count());
    (row, col)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::editor::test_support::{app, editor, press, state, type_text};
    use crate::document::{Item, ItemRef, section_move_down};

    #[test]
    fn undoing_everything_restores_the_draft_and_redoing_repeats_it() {
        let mut e = state();
        let original = e.doc.clone();
        let first = section_move_down(&e.doc, 0).expect("a section below the first");
        assert!(e.apply(first));
        assert!(e.apply(Edit::InsertItem {
            at: ItemRef::new(1, 0),
            item: Item::default(),
        }));
        let style = e.doc.sections[2].style.next();
        assert!(e.apply(Edit::SetStyle { section: 2, style }));
        let changed = e.doc.clone();
        let mut undone = 0;
        while e.undo() {
            undone += 1;
        }
        assert_eq!(undone, 3);
        assert_eq!(e.doc, original);
        while e.redo() {}
        assert_eq!(e.doc, changed);
    }

    #[test]
    fn a_read_only_draft_refuses_every_change() {
        let mut e = state();
        let first = section_move_down(&e.doc, 0).expect("a section below the first");
        assert!(e.apply(first.clone()));
        e.read_only = true;
        let before = e.doc.clone();
        assert!(!e.apply(first));
        assert!(!e.undo());
        assert!(!e.redo());
        assert_eq!(e.doc, before);
    }

    #[test]
    fn undone_typing_puts_the_cursor_where_the_text_changed() {
        let mut app = app();
        // The title, edited at its end: the cursor after the undo is there.
        press(&mut app, "Enter End");
        let title = editor(&app).doc.title.clone();
        type_text(&mut app, "（修订）");
        press(&mut app, "Esc u");
        let e = editor(&app);
        assert_eq!(e.doc.title, title);
        let fa = e.fields.active().expect("the title field");
        let at = fa.area.cursor();
        assert_eq!((at.0, at.1), (0, title.chars().count()));
    }

    /// The cursor's place after `before` became `after`, as the history
    /// finds it: the end of the changed stretch.
    fn end_of_change(before: &str, after: &str) -> (usize, usize) {
        let (_, _, end) = crate::document::differing_stretch(before, after);
        row_and_column(after, end)
    }

    #[test]
    fn the_end_of_a_change_counts_characters_and_lines() {
        assert_eq!(end_of_change("甲乙丙", "甲乙X丙"), (0, 3));
        assert_eq!(end_of_change("甲乙丙", "甲丙"), (0, 1));
        assert_eq!(end_of_change("一\n二三", "一\n二新三"), (1, 2));
        assert_eq!(end_of_change("", "全新\n两行"), (1, 2));
        assert_eq!(end_of_change("同", "同"), (0, 1));
    }
}
