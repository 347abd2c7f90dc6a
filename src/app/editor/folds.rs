//! Folding the outline (Tab, Shift+Tab): which rows hide the points
//! below them, the selection kept on its row or the row that hides it.

use super::EditorState;
use crate::app::outline::{Entry, OutlineNote, entries, visible_entries};

impl EditorState {
    /// Tab on a row with points below it: folded → its children shown (theirs
    /// folded) → everything below shown → folded again.
    pub(super) fn cycle_fold(&mut self) -> OutlineNote {
        let row = self.selected_entry();
        let below: Vec<Entry> = entries(&self.doc)
            .into_iter()
            .filter(|e| e.ancestors().contains(&row) && e.has_children(&self.doc))
            .collect();
        let note = if self.folded.contains(&row) {
            self.folded.remove(&row);
            let children: Vec<Entry> = below
                .iter()
                .copied()
                .filter(|e| e.ancestors().first() == Some(&row) || Self::is_item_of(*e, row))
                .collect();
            self.folded.extend(children);
            OutlineNote::Children
        } else if below.iter().any(|e| self.folded.contains(e)) {
            for e in &below {
                self.folded.remove(e);
            }
            OutlineNote::All
        } else {
            self.folded.insert(row);
            OutlineNote::Folded
        };
        self.refold(row);
        note
    }

    /// Whether `e` is an item directly below section `row`.
    fn is_item_of(e: Entry, row: Entry) -> bool {
        matches!((e, row), (Entry::Item(at), Entry::Section(s)) if at.section == s)
    }

    /// Shift+Tab: sections only → sections and items → everything.
    pub(super) fn cycle_fold_all(&mut self) -> OutlineNote {
        let all = entries(&self.doc);
        let sections: Vec<Entry> = all
            .iter()
            .copied()
            .filter(|e| matches!(e, Entry::Section(_)) && e.has_children(&self.doc))
            .collect();
        let note = if self.folded.is_empty() && !sections.is_empty() {
            self.folded.extend(sections);
            OutlineNote::Sections
        } else if !sections.is_empty() && sections.iter().all(|s| self.folded.contains(s)) {
            self.folded.clear();
            let items = all
                .iter()
                .copied()
                .filter(|e| matches!(e, Entry::Item(_)) && e.has_children(&self.doc));
            self.folded.extend(items);
            OutlineNote::Items
        } else {
            self.folded.clear();
            OutlineNote::Everything
        };
        // The selection stays on its row, or on the row that hides it.
        let row = self.selected_entry();
        let shown = row
            .ancestors()
            .into_iter()
            .rev()
            .find(|a| self.folded.contains(a))
            .unwrap_or(row);
        self.refold(shown);
        note
    }

    /// The outline again after a fold, with `row` selected.
    fn refold(&mut self, row: Entry) {
        self.entries = visible_entries(&self.doc, &self.folded);
        let index = self.entries.iter().position(|e| *e == row).unwrap_or(0);
        self.select(index);
    }
}
