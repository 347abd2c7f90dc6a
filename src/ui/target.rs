//! The target-length prompt (`t` in the outline) and the outline's marks
//! for sections far under or over their target.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{popup_area_for, popup_block, thousands};
use crate::app::{App, TargetMark};
use crate::i18n::Lang;
use crate::settings::keymap::{Action, Context};

pub fn draw_prompt(frame: &mut Frame, app: &App, input: &str, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let lines = vec![
        Line::from(lang.pick(
            "所选部分的目标字数（在标题处为全文）：",
            "Target characters of the section (at the title, the draft):",
        )),
        Line::from(vec![
            Span::raw("> "),
            Span::styled(input.to_string(), theme.text),
        ]),
        Line::from(Span::styled(
            app.settings.keymap.hint_line(
                Context::Target,
                &[Action::Confirm, Action::Cancel],
                lang,
            ),
            theme.muted,
        )),
    ];
    let rect = popup_area_for(frame, area, &lines, 4);
    let block = popup_block(
        theme,
        Line::from(lang.pick(" 目标字数 ", " Target length ")),
    );
    frame.render_widget(Paragraph::new(lines).block(block), rect);
    // The cursor after the digits, as in any input line.
    let x = rect.x + 3 + input.len() as u16;
    if rect.height > 2 && x < rect.right().saturating_sub(1) {
        frame.set_cursor_position(Position::new(x, rect.y + 2));
    }
}

/// `N/T` when there is a target, else `N`.
pub fn count_of(chars: usize, target: Option<u32>) -> String {
    match target {
        Some(t) => format!("{}/{}", thousands(chars), thousands(t as usize)),
        None => thousands(chars),
    }
}

/// The outline's mark after a section far from its target.
pub fn mark_text(mark: TargetMark, lang: Lang) -> &'static str {
    match mark {
        TargetMark::FarUnder => lang.pick(" ↓字数少", " ↓short"),
        TargetMark::FarOver => lang.pick(" ↑字数多", " ↑long"),
    }
}
