//! What restoring an earlier version would change, drawn under the picker's
//! version list (F4): the lines of `zongjie diff`, removed text in the error
//! colour, added text in the ok colour, at most a screenful.

use ratatui::text::{Line, Span};

use crate::i18n::Lang;
use crate::sanitize::escape_controls;
use crate::settings::theme::Theme;

/// More changed lines than this are summed up in one line.
const MAX_LINES: usize = 12;

pub fn version_changes(diff: &[String], lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        lang.pick(
            " 与当前版本相比（- 恢复后去掉，+ 恢复后回来）：",
            " Against the current text (- goes, + comes back on restoring):",
        ),
        theme.muted,
    ))];
    if diff.is_empty() {
        lines.push(Line::from(
            lang.pick("   与当前版本相同", "   The same as the current text"),
        ));
        return lines;
    }
    for line in diff.iter().take(MAX_LINES) {
        let style = match line.chars().next() {
            Some('-') => theme.error,
            Some('+') => theme.ok,
            _ => theme.muted,
        };
        lines.push(Line::from(Span::styled(
            format!("   {}", escape_controls(line)),
            style,
        )));
    }
    if diff.len() > MAX_LINES {
        let more = diff.len() - MAX_LINES;
        lines.push(Line::from(Span::styled(
            match lang {
                Lang::Zh => format!("   …还有 {more} 行（zongjie diff 查看全部）"),
                Lang::En => format!("   … {more} more lines (zongjie diff shows all)"),
            },
            theme.muted,
        )));
    }
    lines
}
