//! The findings pane: what `zongjie check` finds, where it is, and whether
//! one key can fix it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::truncate;
use crate::app::{App, EditorState, Focus};
use crate::check::Severity;
use crate::layout::outline_top;
use crate::sanitize::escape_controls;
use crate::settings::keymap::{Action, Context};

pub fn draw(frame: &mut Frame, app: &App, e: &EditorState, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let focused = e.focus == Focus::Findings;
    // The pane's keys as the keymap has them, those that are bound.
    let keymap = &app.settings.keymap;
    let keys: Vec<String> = [
        (Context::Findings, Action::Edit, "跳转", "jump"),
        (Context::Findings, Action::ApplyFix, "修正", "fix"),
        (Context::Global, Action::Check, "关闭", "close"),
    ]
    .into_iter()
    .map(|(context, action, zh, en)| (keymap.key_label(context, action), lang.pick(zh, en)))
    .filter(|(key, _)| !key.is_empty())
    .map(|(key, words)| format!(" · {key} {words}"))
    .collect();
    let n = e.findings.len();
    let count = match lang {
        crate::i18n::Lang::Zh => format!("检查 {n} 处"),
        crate::i18n::Lang::En => format!("Findings {n}"),
    };
    let title = format!(" {count}{} ", keys.concat());
    let block = super::pane_block(
        theme,
        Line::from(truncate(&title, usize::from(area.width.saturating_sub(2)))),
        focused,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    if e.findings.is_empty() {
        let text = lang.pick("没有发现问题。", "Nothing found.");
        frame.render_widget(Paragraph::new(Line::styled(text, theme.ok)), inner);
        return;
    }
    let top = outline_top(e.findings_selected, e.findings.len(), height);
    let lines: Vec<Line> = e
        .findings
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(i, f)| {
            let style = match f.severity {
                Severity::Error => theme.error,
                Severity::Warning => theme.warning,
                _ => theme.muted,
            };
            let mark = if f.is_fixable() { "✓" } else { " " };
            let text = format!(
                "{} {} · {}",
                mark,
                f.short_location(&e.doc, lang),
                f.message(lang)
            );
            let line = Line::from(vec![Span::styled(
                truncate(&escape_controls(&text), width),
                style,
            )]);
            if i == e.findings_selected {
                line.style(theme.selection)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
