//! Drawing: one function per pane, reading the application state and never
//! changing it. Layout is a pure function of the size, shared with mouse
//! handling.

mod chrome;
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

pub use chrome::{
    background, centered, clear_popup_area, pane_block, popup_area_for, popup_block, truncate,
};
pub use draw_cache::DrawCache;
pub use picker::picker_hint_lines;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::{App, Screen};
use crate::layout::editor_layout;

/// Below this size only a short message is drawn.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;

/// Draws the whole screen, with what `cache` kept from the frames drawn
/// before on the same terminal.
pub fn draw(frame: &mut Frame, app: &App, cache: &mut DrawCache) {
    cache.typing_area = None;
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
                cache.typing_area = editor::draw(frame, app, e, r);
            }
            status::draw(frame, app, e, layout.status);
            if let Some(popup) = &e.popup {
                editor::draw_popup(frame, app, popup, area);
                cache.typing_area = None;
            }
        }
    }
    if app.help {
        help::draw(frame, app, area);
        cache.typing_area = None;
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

pub use crate::i18n::thousands;
