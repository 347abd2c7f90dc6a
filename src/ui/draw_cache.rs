//! What drawing keeps from one frame to the next, as one value the runner
//! owns and hands to [`super::draw`]: no drawing state hides in the model
//! or in thread-locals. Every memo in it is keyed by the data the drawn
//! thing depends on (the text, widths, theme, language, selection, folds),
//! so a frame drawn with it is cell for cell the frame drawn with a new,
//! empty one ([`super::draw_fresh`]); tests compare the two after every key.

use ratatui::layout::Rect;

use super::outline::OutlineCache;
use super::preview::Rows;
use crate::layout::{EditorLayout, Focus, editor_layout};

/// The drawing memos of one screen. Make one per terminal and pass it to
/// every frame drawn on it; a new one draws everything from nothing.
#[derive(Default)]
pub struct DrawCache {
    /// Solving the layout constraints is a sixth of a frame's work; the
    /// answer only changes with the size, the focus and the findings pane.
    layout: Option<(LayoutKey, EditorLayout)>,
    pub(super) outline: OutlineCache,
    pub(super) preview: Rows,
}

type LayoutKey = (Rect, Focus, bool);

impl DrawCache {
    pub fn new() -> DrawCache {
        DrawCache::default()
    }

    /// [`editor_layout`], solved again only when its inputs change.
    pub(super) fn editor_layout(
        &mut self,
        area: Rect,
        focus: Focus,
        show_findings: bool,
    ) -> EditorLayout {
        let key = (area, focus, show_findings);
        if let Some((last, layout)) = self.layout
            && last == key
        {
            return layout;
        }
        let layout = editor_layout(area, focus, show_findings);
        self.layout = Some((key, layout));
        layout
    }
}
