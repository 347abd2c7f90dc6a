//! The reference pane (F9): the earlier draft's text for the selected part,
//! read-only, where the preview is.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, EditorState, Focus, reference_text};
use crate::document::Document;
use crate::sanitize::escape_controls;

pub fn draw(frame: &mut Frame, app: &App, e: &EditorState, earlier: &Document, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let (label, paragraphs) = reference_text(earlier, &e.doc, e.selected_entry(), lang);
    let from = e.doc.from.as_deref().unwrap_or("");
    let title = format!(
        " {} · {} · {} ",
        lang.pick("参考（只读）", "Reference (read-only)"),
        escape_controls(&label),
        escape_controls(from)
    );
    let block = super::pane_block(theme, Line::from(title), e.focus == Focus::Preview);
    let lines: Vec<Line> = paragraphs
        .iter()
        .map(|p| Line::from(escape_controls(p).into_owned()))
        .collect();
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .style(theme.muted)
            .wrap(Wrap { trim: false }),
        area,
    );
}
