//! The export prompt: the two formats, the selected one highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::app::{App, EXPORT_FORMATS};
use crate::docx::ExportFormat;
use crate::settings::keymap::{Action, Context};

pub fn draw(frame: &mut Frame, app: &App, selected: ExportFormat, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let keymap = &app.settings.keymap;
    let mut lines: Vec<Line> = EXPORT_FORMATS
        .iter()
        .map(|format| {
            let action = match format {
                ExportFormat::Txt => Action::ExportTxt,
                ExportFormat::Docx => Action::ExportDocx,
            };
            // The first key alone: `t`, not `t/1`.
            let key = keymap.key_label(Context::Export, action);
            let words = keymap.words(Context::Export, action, lang);
            let line = Line::from(format!(" {key}  {words}"));
            if *format == selected {
                line.style(theme.selection)
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::from(format!(
        " {}",
        keymap.hint_line(Context::Export, &[Action::Choose, Action::Cancel], lang)
    )));
    let rect = super::popup_area_for(frame, area, &lines, 3);
    let block = super::popup_block(theme, lang.pick(" 导出为 ", " Export as ")).style(theme.text);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
