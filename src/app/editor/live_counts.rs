//! The counts in the status bar, kept live without recounting the whole
//! draft on every key.

use crate::check::text_counts;
use crate::document::Document;

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

impl Counts {
    /// Counts the whole document again (after structural changes); the
    /// baselines are set by [`Counts::rebase`] next.
    pub(super) fn recount(&mut self, doc: &Document) {
        let mut total = 0;
        let mut placeholders = 0;
        for field in doc.fields() {
            if field.is_exported() {
                let (chars, found) = text_counts(doc.text(field).unwrap_or(""));
                total += chars;
                placeholders += found;
            }
        }
        self.total = total;
        self.placeholders = placeholders;
    }

    /// The baselines without the selected entry, whose own counts are
    /// `own`: the totals, and `section`, the characters of the section it
    /// is in (counted once, when it is selected).
    pub(super) fn rebase(
        &mut self,
        (own_total, own_placeholders): (usize, usize),
        section: Option<usize>,
    ) {
        self.base_total = self.total - own_total.min(self.total);
        self.base_placeholders = self.placeholders - own_placeholders.min(self.placeholders);
        self.section = section;
        self.base_section = section.map_or(0, |n| n - own_total.min(n));
    }

    /// After typing: the live counts from the baselines plus the entry's
    /// own counts `own`.
    pub(super) fn update(&mut self, (own_total, own_placeholders): (usize, usize)) {
        self.total = self.base_total + own_total;
        self.placeholders = self.base_placeholders + own_placeholders;
        if let Some(section) = &mut self.section {
            *section = self.base_section + own_total;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::app::editor::EditorState;
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
