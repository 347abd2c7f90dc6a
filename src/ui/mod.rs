//! Drawing: one function per pane, reading the application state and never
//! changing it. Layout is a pure function of the size, shared with mouse
//! handling.

mod diff_lines;
mod draw_cache;
mod editor;
mod export_prompt;
mod findings;
mod help;
mod line_cache;
mod outline;
mod pane_cache;
mod picker;
mod preview;
mod reference;
mod status;
mod target;

pub use draw_cache::DrawCache;
pub use picker::picker_hint_lines;

use ratatui::Frame;
use ratatui::buffer::Cell;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::app::{App, Screen};
use crate::layout::editor_layout;
use crate::settings::theme::Theme;

/// Below this size only a short message is drawn.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;

/// Draws the whole screen, with what `cache` kept from the frames drawn
/// before on the same terminal.
pub fn draw(frame: &mut Frame, app: &App, cache: &mut DrawCache) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(frame, app, area);
        return;
    }
    // A plain text style is what an empty buffer already has.
    if app.settings.theme.text != Style::default() {
        frame.render_widget(Block::new().style(app.settings.theme.text), area);
    }
    match &app.screen {
        Screen::Picker(p) => picker::draw(frame, app, p, area),
        Screen::Editor(e) => {
            let layout = editor_layout(area, e.focus, e.show_findings);
            if let Some(r) = layout.outline {
                outline::draw(frame, app, e, r, &mut cache.outline);
            }
            if let Some(r) = layout.preview {
                match &e.reference {
                    crate::app::Reference {
                        doc: Some(earlier),
                        shown: true,
                    } => reference::draw(frame, app, e, earlier, r),
                    _ => preview::draw(frame, app, e, r, &mut cache.preview),
                }
            }
            if let Some(r) = layout.findings {
                findings::draw(frame, app, e, r);
            }
            if let Some(r) = layout.editor {
                editor::draw(frame, app, e, r);
            }
            status::draw(frame, app, e, layout.status);
            if let Some(popup) = &e.popup {
                editor::draw_popup(frame, app, popup, area);
            }
        }
    }
    if app.help {
        help::draw(frame, app, area);
    }
}

/// Draws the whole screen from nothing, as the first frame on a terminal
/// is drawn: what a frame drawn with a kept [`DrawCache`] must equal.
pub fn draw_fresh(frame: &mut Frame, app: &App) {
    draw(frame, app, &mut DrawCache::new());
}

fn draw_too_small(frame: &mut Frame, app: &App, area: Rect) {
    let text = app.lang().pick("窗口太小，请放大", "Window too small");
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(Line::from(text)).wrap(Wrap { trim: true }),
        area,
    );
}

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

pub use crate::i18n::thousands;

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
