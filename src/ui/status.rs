//! The status bar: saved state and time, counts, placeholders left, help hint.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{thousands, truncate};
use crate::app::{App, EditorState};
use crate::keymap::{Action, Context};
use crate::sanitize::escape_controls;

pub fn draw(frame: &mut Frame, app: &App, e: &EditorState, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let (state, state_style) = if let Some(error) = &e.save_error {
        (
            format!("{}{}", lang.pick("保存失败：", "Save failed: "), error),
            theme.error,
        )
    } else if e.read_only {
        (lang.pick("只读", "Read-only").to_string(), theme.warning)
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
        parts.push(match lang {
            crate::i18n::Lang::Zh => format!("本节 {} 字", thousands(n)),
            crate::i18n::Lang::En => format!("section {} chars", thousands(n)),
        });
    }
    parts.push(match lang {
        crate::i18n::Lang::Zh => format!("全文 {} 字", thousands(e.counts.total)),
        crate::i18n::Lang::En => format!("total {} chars", thousands(e.counts.total)),
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
    let state = truncate(&format!(" {state} "), width);
    let rest_width = width.saturating_sub(unicode_width::UnicodeWidthStr::width(state.as_str()));
    let line = Line::from(vec![
        Span::styled(state, state_style.patch(theme.status)),
        Span::styled(truncate(&format!("· {middle}"), rest_width), message_style),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.status), area);
}
