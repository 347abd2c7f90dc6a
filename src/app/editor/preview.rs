//! The preview memo: the export as paragraphs cut in parts, rendered when
//! first shown and refreshed by the part typed in; and how far the preview
//! can scroll.

use std::cell::OnceCell;

use super::EditorState;
use crate::app::outline::Entry;
use crate::document::{Document, Field};
use crate::layout::editor_layout;
use crate::plain_text::{
    Paragraph, head_paragraphs, item_paragraphs, section_paragraphs, tail_paragraphs,
};

/// The export as paragraphs, cut in parts so that typing in one section
/// renders only that section again: [head, section 0, …, section n-1, tail].
/// A part is rendered when it is first shown, so opening a long draft and
/// every structural edit cost nothing here, and memory holds only what was
/// on screen.
#[derive(Debug, Default)]
pub struct PreviewParts {
    parts: Vec<OnceCell<Vec<Paragraph>>>,
}

impl PreviewParts {
    pub(super) fn build(doc: &Document) -> PreviewParts {
        PreviewParts {
            parts: (0..doc.sections.len() + 2)
                .map(|_| OnceCell::new())
                .collect(),
        }
    }

    /// Renders again what `field` of `doc` shows: the paragraphs of its
    /// item, or else the whole part that holds it, when it is next shown.
    pub(super) fn refresh(&mut self, doc: &Document, field: Field) {
        if let Some((s, i)) = field.item()
            && let Some(paragraphs) = self.parts.get_mut(s + 1).and_then(OnceCell::get_mut)
            && let Some(start) = paragraphs
                .iter()
                .position(|p| p.origin.item() == Some((s, i)))
            && let Some(fresh) = item_paragraphs(doc, s, i)
        {
            let end = start
                + paragraphs[start..]
                    .iter()
                    .take_while(|p| p.origin.item() == Some((s, i)))
                    .count();
            paragraphs.splice(start..end, fresh);
            return;
        }
        let part = match field.section() {
            Some(s) => s + 1,
            None if matches!(field, Field::SignatureOrganization | Field::SignatureDate) => {
                self.parts.len() - 1
            }
            None if matches!(field, Field::Title | Field::Preamble) => 0,
            None => return, // not exported
        };
        if let Some(slot) = self.parts.get_mut(part) {
            slot.take();
        }
    }

    /// How many parts there are.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The paragraphs of part `p` of `doc` (the document these parts are of).
    pub fn part(&self, doc: &Document, p: usize) -> &[Paragraph] {
        let Some(slot) = self.parts.get(p) else {
            return &[];
        };
        slot.get_or_init(|| match p {
            0 => head_paragraphs(doc),
            p if p == self.parts.len() - 1 => tail_paragraphs(doc),
            p => section_paragraphs(doc, p - 1),
        })
    }

    /// The part and paragraph where an entry is shown.
    pub fn anchor(&self, doc: &Document, entry: Entry) -> (usize, usize) {
        let part = match entry {
            Entry::Title | Entry::Preamble => 0,
            Entry::Section(s) => s + 1,
            Entry::Item(at) => at.section + 1,
            Entry::Node(at) => at.section + 1,
            Entry::Signature | Entry::Notes => self.parts.len().saturating_sub(1),
        };
        if part >= self.parts.len() {
            return (0, 0);
        }
        let paragraphs = self.part(doc, part);
        let field = entry.fields()[0];
        let index = match entry {
            Entry::Item(_) | Entry::Node(_) | Entry::Preamble => {
                crate::plain_text::paragraph_index_for(paragraphs, field)
            }
            _ => paragraphs
                .iter()
                .position(|p| p.origin == field)
                .unwrap_or(0),
        };
        (part, index)
    }
}

/// How far the preview can scroll down from the selected entry: the rows
/// from there to the end, less one pane — so PgDn stops at the end.
pub fn preview_max_scroll(
    e: &EditorState,
    size: (u16, u16),
    options: &crate::plain_text::ExportOptions,
) -> isize {
    let layout = editor_layout(
        ratatui::layout::Rect::new(0, 0, size.0, size.1),
        e.focus,
        e.show_findings,
    );
    let Some(area) = layout.preview else {
        return 0;
    };
    let width = usize::from(area.width.saturating_sub(2));
    let height = usize::from(area.height.saturating_sub(2));
    if width == 0 {
        return 0;
    }
    let (part, index) = e.preview.anchor(&e.doc, e.selected_entry());
    let mut rows = 0usize;
    for p in part..e.preview.len() {
        let paragraphs = e.preview.part(&e.doc, p);
        let start = if p == part { index } else { 0 };
        for para in paragraphs.iter().skip(start) {
            if options.blank_lines && rows > 0 {
                rows += 1;
            }
            rows += crate::layout::paragraph_rows(para, width, options.indent).len();
        }
    }
    rows.saturating_sub(height) as isize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::editor::Focus;
    use crate::app::editor::test_support::state;
    use crate::plain_text::{ExportOptions, export_text, wrap_line};

    fn shown(parts: &PreviewParts, doc: &Document) -> Vec<String> {
        (0..parts.len())
            .flat_map(|p| parts.part(doc, p).iter().map(|para| para.text.clone()))
            .collect()
    }

    fn plain() -> ExportOptions {
        ExportOptions {
            indent: false,
            blank_lines: false,
            width: None,
            ..ExportOptions::default()
        }
    }

    #[test]
    fn the_parts_together_are_the_exported_text() {
        let e = state();
        let text = export_text(&e.doc, &plain());
        assert_eq!(shown(&e.preview, &e.doc), text.lines().collect::<Vec<_>>());
    }

    #[test]
    fn a_part_refreshed_after_typing_is_what_the_export_says() {
        let mut e = state();
        for field in [
            Field::Title,
            Field::ItemBody(1, 0),
            Field::SectionIntro(0),
            Field::SignatureOrganization,
        ] {
            // Every part shown once, so the memo holds them all.
            shown(&e.preview, &e.doc);
            let text = e.doc.text_mut(field).expect("a field of the sample");
            text.push_str("又改了一句。");
            e.preview.refresh(&e.doc, field);
            let export = export_text(&e.doc, &plain());
            assert_eq!(
                shown(&e.preview, &e.doc),
                export.lines().collect::<Vec<_>>(),
                "{field:?}"
            );
        }
    }

    #[test]
    fn the_preview_scrolls_to_its_last_row_and_no_further() {
        let mut e = state();
        e.focus = Focus::Preview;
        let options = ExportOptions::default();
        let size = (120, 40);
        let pane = editor_layout(
            ratatui::layout::Rect::new(0, 0, size.0, size.1),
            Focus::Preview,
            false,
        )
        .preview
        .expect("a preview at 120x40");
        let (width, height) = (usize::from(pane.width - 2), usize::from(pane.height - 2));
        // The oracle: the exported text, wrapped as the pane wraps it.
        let rows: usize = export_text(&e.doc, &options)
            .lines()
            .map(|l| wrap_line(l, width).len().max(1))
            .sum();
        assert_eq!(
            preview_max_scroll(&e, size, &options),
            rows.saturating_sub(height) as isize
        );
        // Where the preview is hidden (narrow, the outline focused), it
        // cannot scroll.
        e.focus = Focus::Outline;
        assert_eq!(preview_max_scroll(&e, (40, 12), &options), 0);
    }
}
