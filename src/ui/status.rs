//! The status bar: saved state and time, counts, placeholders left, help hint.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::target::count_of;
use super::truncate;
use crate::app::{App, EditorState};
use crate::sanitize::escape_controls;
use crate::settings::keymap::{Action, Context};

pub fn draw(frame: &mut Frame, app: &App, e: &EditorState, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let (state, state_style) = if let Some(error) = &e.save_error {
        // The message beside it often says the same: then once is enough.
        let said = app.message.as_ref().is_some_and(|m| m.text.contains(error));
        let state = if said {
            lang.pick("保存失败", "Save failed").to_string()
        } else {
            format!("{}{}", lang.pick("保存失败：", "Save failed: "), error)
        };
        (state, theme.error)
    } else if e.read_only {
        let why = e.read_only_why.as_ref().map(|w| match lang {
            crate::i18n::Lang::Zh => format!("（{w}）"),
            crate::i18n::Lang::En => format!(" ({w})"),
        });
        (
            format!(
                "{}{}",
                lang.pick("只读", "Read-only"),
                why.unwrap_or_default()
            ),
            theme.warning,
        )
    } else if e.dirty {
        (lang.pick("未保存", "Unsaved").to_string(), theme.warning)
    } else {
        match &e.saved_at {
            Some(t) => (format!("{} {t}", lang.pick("已保存", "Saved")), theme.ok),
            None => (lang.pick("已保存", "Saved").to_string(), theme.ok),
        }
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(n) = e.section_chars() {
        let n = count_of(n, e.section_target());
        parts.push(match lang {
            crate::i18n::Lang::Zh => format!("本节 {n} 字"),
            crate::i18n::Lang::En => format!("section {n} chars"),
        });
    }
    let total = count_of(e.counts.total, e.doc.target_chars);
    parts.push(match lang {
        crate::i18n::Lang::Zh => format!("全文 {total} 字"),
        crate::i18n::Lang::En => format!("total {total} chars"),
    });
    if e.counts.placeholders > 0 {
        parts.push(match lang {
            crate::i18n::Lang::Zh => format!("{} 处待填", e.counts.placeholders),
            crate::i18n::Lang::En => format!("{} to fill in", e.counts.placeholders),
        });
    }
    if !e.findings.is_empty() {
        let key = app
            .settings
            .keymap
            .key_label(Context::Global, Action::Check);
        parts.push(match lang {
            crate::i18n::Lang::Zh => format!("{key} 检查 {} 处", e.findings.len()),
            crate::i18n::Lang::En => format!("{key} {} findings", e.findings.len()),
        });
    }
    let help_key = app.settings.keymap.key_label(Context::Global, Action::Help);
    parts.push(format!("{help_key} {}", lang.pick("帮助", "Help")));
    let middle = match &app.message {
        Some(m) => escape_controls(&m.text).into_owned(),
        None => parts.join(" · "),
    };
    let message_style = match &app.message {
        Some(m) if m.error => theme.error,
        _ => theme.status,
    };
    let width = usize::from(area.width);
    let state = format!(" {} ", escape_controls(&state));
    let middle = format!("· {middle}");
    let full = state.width() + middle.width();
    // A message or a save error is never cut off: it wraps upwards, over
    // the panes, for as many rows as it needs. The counts simply shorten.
    if full > width && (app.message.is_some() || e.save_error.is_some()) {
        let state_style = state_style.patch(theme.status);
        let message_style = theme.status.patch(message_style);
        draw_wrapped(
            frame,
            &[(&state, state_style), (&middle, message_style)],
            area,
        );
        return;
    }
    let state = truncate(&state, width);
    let rest_width = width.saturating_sub(state.width());
    let line = Line::from(vec![
        Span::styled(state, state_style.patch(theme.status)),
        Span::styled(truncate(&middle, rest_width), message_style),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.status), area);
}

/// Draws `parts` wrapped at the width of the status row `area`, ending on
/// that row and growing upwards (at most to the top of the screen).
pub fn draw_wrapped(frame: &mut Frame, parts: &[(&str, Style)], area: Rect) {
    let width = usize::from(area.width).max(1);
    let mut rows: Vec<Vec<Span>> = vec![Vec::new()];
    let mut used = 0;
    for (text, style) in parts {
        let mut piece = String::new();
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                let last = rows.len() - 1;
                rows[last].push(Span::styled(std::mem::take(&mut piece), *style));
                rows.push(Vec::new());
                used = 0;
            }
            piece.push(c);
            used += w;
        }
        let last = rows.len() - 1;
        rows[last].push(Span::styled(piece, *style));
    }
    let height = u16::try_from(rows.len())
        .unwrap_or(u16::MAX)
        .min(area.y + area.height);
    let top = area.y + area.height - height;
    let block = Rect::new(area.x, top, area.width, height);
    // When the screen is too short, the end of the message is what shows.
    let skip = rows.len() - usize::from(height);
    let lines: Vec<Line> = rows.into_iter().skip(skip).map(Line::from).collect();
    frame.render_widget(Clear, block);
    frame.render_widget(Paragraph::new(lines), block);
}
