//! The counts in the status bar, kept live without recounting the whole
//! draft on every key.

use super::EditorState;
use crate::app::counts::text_counts;

/// Counts shown in the status bar, kept without recounting the document on
/// every key: the totals of everything but the entry being edited, plus the
/// entry's own live counts.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub total: usize,
    pub placeholders: usize,
    /// Characters of the section the selection is in.
    pub section: Option<usize>,
    base_total: usize,
    base_placeholders: usize,
    base_section: usize,
}

impl EditorState {
    /// Counts the whole document again (after structural changes), and the
    /// baseline without the selected entry.
    pub(super) fn recount(&mut self) {
        let mut total = 0;
        let mut placeholders = 0;
        for field in self.doc.fields() {
            if field.is_exported() {
                let (chars, found) = text_counts(self.doc.text(field).unwrap_or(""));
                total += chars;
                placeholders += found;
            }
        }
        self.counts.total = total;
        self.counts.placeholders = placeholders;
        self.rebase_counts();
    }

    /// The baselines without the selected entry: the totals, and the
    /// section it is in (counted once, when it is selected).
    pub(super) fn rebase_counts(&mut self) {
        let (own_total, own_placeholders) = self.entry_counts();
        let section = self
            .selected_entry()
            .section()
            .map(|s| self.doc.section_char_count(s));
        let c = &mut self.counts;
        c.base_total = c.total - own_total.min(c.total);
        c.base_placeholders = c.placeholders - own_placeholders.min(c.placeholders);
        c.section = section;
        c.base_section = c.section.map_or(0, |n| n - own_total.min(n));
    }

    fn entry_counts(&self) -> (usize, usize) {
        self.fields
            .fields
            .iter()
            .filter(|fa| fa.field.is_exported())
            .map(|fa| fa.counts(&self.doc))
            .fold((0, 0), |(a, b), (c, d)| (a + c, b + d))
    }

    /// After typing: the live counts from the baseline plus the entry.
    pub(super) fn update_counts(&mut self) {
        let (own_total, own_placeholders) = self.entry_counts();
        let c = &mut self.counts;
        c.total = c.base_total + own_total;
        c.placeholders = c.base_placeholders + own_placeholders;
        if let Some(section) = &mut c.section {
            *section = c.base_section + own_total;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::editor::test_support::{app, editor, press, type_text};

    /// The counts of a state built afresh over the same draft and selection.
    fn from_scratch(e: &EditorState) -> (usize, usize, Option<usize>) {
        let mut fresh = EditorState::new(e.doc.clone(), e.location.clone());
        fresh.select(e.selected);
        let c = fresh.counts;
        (c.total, c.placeholders, c.section)
    }

    #[test]
    fn live_counts_are_the_counts_from_scratch() {
        let mut app = app();
        // 二、工作开展情况 › （一）: its heading, then its body.
        press(&mut app, "j j j j Enter");
        for (typed, keys) in [
            ("增加XX字", "Backspace"),
            ("再写一句。", "Enter"),
            ("XX", "Down"),
        ] {
            type_text(&mut app, typed);
            press(&mut app, keys);
            let e = editor(&app);
            let c = e.counts;
            assert_eq!((c.total, c.placeholders, c.section), from_scratch(e));
        }
        // After selecting elsewhere, and a structural edit.
        press(&mut app, "Esc j J");
        let e = editor(&app);
        let c = e.counts;
        assert_eq!((c.total, c.placeholders, c.section), from_scratch(e));
    }
}
