//! What drawing keeps from one frame to the next, as one value the runner
//! owns and hands to [`super::draw`]: no drawing state hides in the model
//! or in thread-locals. Every memo in it is keyed by the data the drawn
//! thing depends on (the text, widths, theme, language, selection, folds),
//! so a frame drawn with it is cell for cell the frame drawn with a new,
//! empty one ([`super::draw_fresh`]); tests compare the two after every key.

use ratatui::layout::Rect;

use super::outline::OutlineCache;
use super::preview::Rows;

/// The drawing memos of one screen. Make one per terminal and pass it to
/// every frame drawn on it; a new one draws everything from nothing.
#[derive(Default)]
pub struct DrawCache {
    /// The outline pane's cells, for the rows they show.
    pub(super) outline: OutlineCache,
    /// The preview's wrapped paragraphs and their drawn rows.
    pub(super) preview: Rows,
    /// The text area of the field the last frame left the cursor in.
    pub(super) typing_area: Option<Rect>,
}

impl DrawCache {
    pub fn new() -> DrawCache {
        DrawCache::default()
    }

    /// The text area of the field being typed in, as the last frame drew
    /// it (none when the cursor is elsewhere): where a typed character may
    /// be shown ahead of the frame (`tui::CompactBackend::echo`).
    pub fn typing_area(&self) -> Option<Rect> {
        self.typing_area
    }
}
