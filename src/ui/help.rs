//! Help (F1): every key of the current pane and the global ones, generated
//! from the keymap that dispatches them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{centered, truncate};
use crate::app::{App, Focus, Screen};
use crate::i18n::Lang;
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

/// How typing moves through a draft, as Word and WPS users expect; the
/// keys the widget handles itself, so they are not in the key table.
pub fn editing_model(lang: Lang) -> &'static [&'static str] {
    lang.pick_slice(
        &[
            "  Enter 单行栏（标题、小标题）到下一栏：小标题→正文；正文里分段",
            "  ↓ 在末行、↑ 在首行：到下一栏、下一条（上一栏、上一条）",
            "  Home/End 到本行首尾，再按一次到段首段尾",
            "  Ctrl+Home/End 到本栏首尾 · Shift+方向键 选择",
            "  Ctrl+←/→ 按词移动：停在中文标点和中英文交界处",
            "  复制的文字保留分段；终端支持时同时进入系统剪贴板",
        ],
        &[
            "  Enter in a one-line field (title, heading) goes on: heading→body",
            "  ↓ on the last line, ↑ on the first: next (previous) field and item",
            "  Home/End: start/end of the screen line; again: of the paragraph",
            "  Ctrl+Home/End: start/end of the field · Shift+arrows select",
            "  Ctrl+←/→ by words: stops at Chinese punctuation and script changes",
            "  Copied text keeps its paragraphs; also the system clipboard (OSC 52)",
        ],
    )
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
        let notes: &[&str] = match context {
            Context::Editor => editing_model(lang),
            Context::Outline => lang.pick_slice(
                &["  Ctrl+C/X/V 复制、剪切、粘贴整个条目或部分（连同文字）"],
                &["  Ctrl+C/X/V copy, cut, paste whole items or sections with their text"],
            ),
            _ => &[],
        };
        for note in notes {
            lines.push(Line::from(Span::styled(*note, theme.muted)));
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
