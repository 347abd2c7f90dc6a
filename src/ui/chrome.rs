//! What every pane and popup is drawn in: the background a pane starts
//! from, pane and popup blocks, a popup's area (centred, cleared, wide
//! characters at its edges cut cleanly) and text cut to a width.

use ratatui::Frame;
use ratatui::buffer::Cell;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::settings::theme::Theme;

/// The cell a pane's area holds before the pane draws on it: a blank cell
/// in the theme's text style, which the whole screen is filled with first.
/// Panes do not overlap, so a pane may draw as if on that.
pub fn background(frame: &mut Frame, area: Rect, theme: &Theme) -> Cell {
    let mut cell = Cell::EMPTY;
    cell.set_style(theme.text);
    debug_assert!(
        {
            let buf = frame.buffer_mut();
            let area = area.intersection(buf.area);
            (area.top()..area.bottom())
                .all(|y| (area.left()..area.right()).all(|x| buf[(x, y)] == cell))
        },
        "a pane is drawn over something else at {area:?}"
    );
    cell
}

/// A pane's frame: its title, and a border that shows whether it has the keyboard.
pub fn pane_block<'a>(theme: &Theme, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    Block::bordered()
        .title(title.into().style(theme.title))
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
}

/// A window over the panes, drawn on a cleared area.
pub fn popup_block<'a>(theme: &Theme, title: impl Into<Line<'a>>) -> Block<'a> {
    Block::bordered()
        .title(title.into().style(theme.title))
        .border_style(theme.border_focus)
        .style(theme.text)
}

/// Clears the area a popup is drawn on. A wide character cut by the
/// popup's left or right edge is replaced by spaces: its other half cannot
/// be shown, and a terminal would draw it over the border.
pub fn clear_popup_area(frame: &mut Frame, rect: Rect) {
    let buf = frame.buffer_mut();
    let rect = rect.intersection(buf.area);
    let bounds = buf.area;
    let wide = |cell: &Cell| cell.symbol().width() > 1;
    for y in rect.top()..rect.bottom() {
        if rect.left() > bounds.left() && wide(&buf[(rect.left() - 1, y)]) {
            buf[(rect.left() - 1, y)].set_symbol(" ");
        }
        if rect.right() < bounds.right() && !rect.is_empty() && wide(&buf[(rect.right() - 1, y)]) {
            buf[(rect.right(), y)].set_symbol(" ");
        }
    }
    frame.render_widget(Clear, rect);
}

/// The area of a popup that shows `lines`: as wide as the widest line plus
/// `padding` columns (borders included), centred in `area`, and cleared
/// with [`clear_popup_area`] so that no wide character is cut at its edges.
pub fn popup_area_for(frame: &mut Frame, area: Rect, lines: &[Line], padding: u16) -> Rect {
    let widest = lines.iter().map(Line::width).max().unwrap_or(0);
    let width = u16::try_from(widest)
        .unwrap_or(u16::MAX)
        .saturating_add(padding);
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let rect = centered(area, width, height);
    clear_popup_area(frame, rect);
    rect
}

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// Cuts `text` to at most `width` display columns, ending with `…` when cut.
/// Wide characters are never split.
pub fn truncate(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let total: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return text.to_string();
    }
    let limit = width.saturating_sub(1);
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > limit {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_respects_wide_characters() {
        assert_eq!(truncate("党建工作总结", 7), "党建工…");
        assert_eq!(truncate("党建", 4), "党建");
        assert_eq!(truncate("党建", 0), "");
    }
}
