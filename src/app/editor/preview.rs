//! How far the preview can scroll: PgDn's limit, from the document as it
//! is, counted only as far as the scroll goes (the preview keeps nothing of the export in the model; drawing
//! renders the blocks it shows, `plain_text::Block`).

use super::EditorState;
use crate::layout::editor_layout;
use crate::plain_text::anchor;

/// The preview's scroll `wanted` (rows down from the selected entry) kept
/// from going past the end: at most the rows from the entry to the end,
/// less one pane, so PgDn stops at the end. Only the rows down to the
/// bottom of the pane scrolled to `wanted` are counted: a PgDn costs the
/// rows it passes, not the rest of the document.
pub fn preview_scroll_within(
    e: &EditorState,
    size: (u16, u16),
    options: &crate::plain_text::ExportOptions,
    wanted: isize,
) -> isize {
    let layout = editor_layout(
        ratatui::layout::Rect::new(0, 0, size.0, size.1),
        e.focus,
        e.show_findings,
    );
    let Some(area) = layout.preview else {
        return wanted.min(0);
    };
    let width = usize::from(area.width.saturating_sub(2));
    let height = usize::from(area.height.saturating_sub(2));
    if width == 0 {
        return wanted.min(0);
    }
    // The rows the pane needs below the entry to show `wanted`.
    let enough = wanted.saturating_add(height as isize);
    let at = anchor(&e.doc, e.selected_entry().fields()[0]);
    let mut rows = 0usize;
    for para in at.from(&e.doc) {
        if options.blank_lines && rows > 0 {
            rows += 1;
        }
        rows += crate::layout::paragraph_row_count(&para, width, options.indent);
        if rows as isize >= enough {
            return wanted;
        }
    }
    wanted.min(rows.saturating_sub(height) as isize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::editor::Focus;
    use crate::app::editor::test_support::state;
    use crate::plain_text::{ExportOptions, export_text, wrap_screen_line};

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
            .map(|l| wrap_screen_line(l, width).len().max(1))
            .sum();
        let end = rows.saturating_sub(height) as isize;
        for wanted in [-5, 0, 1, end - 1, end, end + 1, end + 40, isize::MAX / 2] {
            assert_eq!(
                preview_scroll_within(&e, size, &options, wanted),
                wanted.min(end),
                "{wanted}"
            );
        }
        // Where the preview is hidden (narrow, the outline focused), it
        // cannot scroll.
        e.focus = Focus::Outline;
        assert_eq!(preview_scroll_within(&e, (40, 12), &options, 7), 0);
    }
}
