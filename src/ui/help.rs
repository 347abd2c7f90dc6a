//! Help (F1): every key of the current pane and the global ones, or of the
//! popup that is open, generated from the keymap that dispatches them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{centered, truncate};
use crate::app::{App, Focus, Screen};
use crate::i18n::Lang;
use crate::settings::keymap::Context;

/// The contexts whose keys apply on the current screen: an open popup's
/// alone (it takes every key), else the pane's and the global ones.
pub fn help_contexts(app: &App) -> Vec<Context> {
    match &app.screen {
        Screen::Picker(p) => match &p.popup {
            Some(popup) => vec![popup.context()],
            None => vec![Context::Picker],
        },
        Screen::Editor(e) if e.popup.is_some() => {
            e.popup.iter().map(|popup| popup.context()).collect()
        }
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

/// The help's lines: each context's keys (one a line, or `packed` several
/// a line within `width`) and its notes.
fn help_lines(app: &App, packed: bool, width: usize) -> Vec<Line<'static>> {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let mut lines: Vec<Line> = Vec::new();
    for context in help_contexts(app) {
        lines.push(Line::from(Span::styled(context.title(lang), theme.title)));
        let mut row: Vec<Span> = Vec::new();
        let mut row_width = 0;
        for (action, keys) in app.settings.keymap.bindings(context) {
            let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            let keys = keys.join(" / ");
            let description = app.settings.keymap.words(context, action, lang).to_string();
            if !packed {
                // A long list of keys keeps a space before its words.
                let column = if keys.width() >= 18 {
                    format!("  {keys} ")
                } else {
                    format!("  {keys:<18}")
                };
                lines.push(Line::from(vec![
                    Span::styled(column, theme.number),
                    Span::raw(description),
                ]));
                continue;
            }
            let item_width = keys.width() + 1 + description.width() + 3;
            if row_width > 0 && row_width + item_width > width {
                lines.push(Line::from(std::mem::take(&mut row)));
                row_width = 0;
            }
            row.push(Span::raw(if row_width == 0 { "  " } else { " · " }));
            row.push(Span::styled(keys, theme.number));
            row.push(Span::raw(format!(" {description}")));
            row_width += item_width;
        }
        if !row.is_empty() {
            lines.push(Line::from(row));
        }
        let notes: &[&str] = match context {
            Context::Editor => editing_model(lang),
            Context::Outline => lang.pick_slice(
                &["  复制、剪切的是整个条目或部分（连同文字），粘贴到所选之后"],
                &["  Copy, cut: the whole item or section with its text; paste: after it"],
            ),
            _ => &[],
        };
        for note in notes {
            lines.push(Line::from(Span::styled(*note, theme.muted)));
        }
        if !packed {
            lines.push(Line::from(""));
        }
    }
    lines
}

/// How typing moves through a draft, as Word and WPS users expect; the
/// keys the widget handles itself, so they are not in the key table.
pub fn editing_model(lang: Lang) -> &'static [&'static str] {
    lang.pick_slice(
        &[
            "  Enter 在正文、导语里分段",
            "  ↓ 在末行、↑ 在首行：到下一栏、下一条（上一栏、上一条）",
            "  Home/End 到本行首尾，再按一次到段首段尾",
            "  Ctrl+Home/End 到本栏首尾 · Shift+方向键 选择",
            "  Ctrl+←/→ 按词移动：停在中文标点和中英文交界处",
            "  复制的文字保留分段；终端支持时同时进入系统剪贴板",
        ],
        &[
            "  Enter in a body, intro or preamble starts a new paragraph",
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
    let inner_width = usize::from(area.width.min(72).saturating_sub(2));
    let mut lines = help_lines(app, false, inner_width);
    if lines.len() + 2 > usize::from(area.height) {
        // A short terminal: several keys a line, so that all are seen.
        lines = help_lines(app, true, inner_width);
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
    super::clear_popup_area(frame, rect);
    let block = super::popup_block(theme, Line::from(lang.pick(" 帮助 ", " Help ")));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
