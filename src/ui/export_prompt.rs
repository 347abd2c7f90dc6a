//! The export prompt: the two formats, the selected one highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::{App, EXPORT_FORMATS};
use crate::docx::ExportFormat;

pub fn draw(frame: &mut Frame, app: &App, selected: ExportFormat, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let mut lines: Vec<Line> = EXPORT_FORMATS
        .iter()
        .map(|format| {
            let text = match format {
                ExportFormat::Txt => lang.pick(
                    " t  纯文本 .txt（按导出设置）",
                    " t  plain text .txt (export settings)",
                ),
                ExportFormat::Docx => lang.pick(
                    " d  Word 文档 .docx（公文格式 GB/T 9704）",
                    " d  Word .docx (official layout, GB/T 9704)",
                ),
            };
            let line = Line::from(text);
            if *format == selected {
                line.style(theme.selection)
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::from(lang.pick(
        " Enter 导出所选 · Esc 取消",
        " Enter export the selected · Esc cancel",
    )));
    let rect = super::popup_area_for(frame, area, &lines, 3);
    let block = super::popup_block(theme, lang.pick(" 导出为 ", " Export as ")).style(theme.text);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
