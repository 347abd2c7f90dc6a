//! Help (F1): every key of the current pane and the global ones, generated
//! from the keymap that dispatches them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{centered, truncate};
use crate::app::{App, Focus, Screen};
use crate::keymap::Context;

/// The contexts whose keys apply on the current screen.
pub fn help_contexts(app: &App) -> Vec<Context> {
    match &app.screen {
        Screen::Picker(_) => vec![Context::Picker],
        Screen::Editor(e) => {
            let pane = match e.focus {
                Focus::Outline => Context::Outline,
                Focus::Editor => Context::Editor,
                Focus::Preview => Context::Preview,
                Focus::Findings => Context::Findings,
            };
            vec![pane, Context::Global]
        }
    }
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let mut lines: Vec<Line> = Vec::new();
    for context in help_contexts(app) {
        lines.push(Line::from(Span::styled(context.title(lang), theme.title)));
        for (action, keys) in app.settings.keymap.bindings(context) {
            let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<18}", keys.join(" / ")), theme.number),
                Span::raw(action.description(lang)),
            ]));
        }
        if context == Context::Editor {
            let extra = lang.pick(
                "  Enter 下一栏（单行）或分段 · ↑↓ 到达边缘时换栏 · 其余为常用编辑键",
                "  Enter next field (one-line) or new paragraph · ↑↓ at the edge change field",
            );
            lines.push(Line::from(Span::styled(extra, theme.muted)));
        }
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled(
        lang.pick("按任意键关闭", "Press any key to close"),
        theme.muted,
    )));
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = centered(area, 72, height);
    let width = usize::from(rect.width.saturating_sub(2));
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            if unicode_width::UnicodeWidthStr::width(text.as_str()) > width {
                Line::from(truncate(&text, width))
            } else {
                l
            }
        })
        .collect();
    frame.render_widget(Clear, rect);
    let block = super::popup_block(theme, Line::from(lang.pick(" 帮助 ", " Help ")));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
