//! A pane whose inputs did not change since the last frame is copied from
//! that frame, cell for cell, instead of being drawn again. While the writer
//! types in a body the outline shows exactly what it showed: drawing it
//! (labels, numbers, widths) was a seventh of every keystroke's work.
//!
//! A pure memo, as long as the key holds everything the pane's drawing
//! reads and the pane is drawn on the background it is given (see
//! [`super::background`]), which is part of the key.

use ratatui::Frame;
use ratatui::buffer::Cell;
use ratatui::layout::Rect;

/// The cells one pane drew for one key.
pub struct PaneCache<K> {
    last: Option<Drawn<K>>,
}

struct Drawn<K> {
    key: K,
    area: Rect,
    background: Cell,
    /// The area's rows, each without the background cells that end it.
    cells: Vec<Cell>,
    /// Where each row ends in `cells`.
    row_ends: Vec<usize>,
}

/// `row` without the background cells that end it: a row is copied onto
/// a blank row of its background, where they already are.
pub fn trimmed<'a>(row: &'a [Cell], background: &Cell) -> &'a [Cell] {
    let used = row
        .iter()
        .rposition(|c| c != background)
        .map_or(0, |i| i + 1);
    &row[..used]
}

impl<K> Default for PaneCache<K> {
    fn default() -> PaneCache<K> {
        PaneCache { last: None }
    }
}

impl<K> PaneCache<K> {
    /// Draws the pane in `area` (all `background` cells) with `draw`, or
    /// copies what was drawn there on the same background for the key
    /// `same` finds unchanged. `key` makes the new key when drawing.
    pub fn draw(
        &mut self,
        frame: &mut Frame,
        area: Rect,
        background: Cell,
        same: impl FnOnce(&K) -> bool,
        key: impl FnOnce() -> K,
        draw: impl FnOnce(&mut Frame),
    ) {
        let area = area.intersection(frame.area());
        if area.is_empty() {
            return;
        }
        if let Some(last) = &self.last
            && last.area == area
            && last.background == background
            && same(&last.key)
        {
            let buf = frame.buffer_mut();
            let mut row_start = 0;
            for (y, &row_end) in (area.top()..area.bottom()).zip(&last.row_ends) {
                let row = &last.cells[row_start..row_end];
                let start = buf.index_of(area.x, y);
                buf.content[start..start + row.len()].clone_from_slice(row);
                row_start = row_end;
            }
            return;
        }
        draw(frame);
        let buf = frame.buffer_mut();
        let mut cells = Vec::with_capacity(usize::from(area.width) * usize::from(area.height));
        let mut row_ends = Vec::with_capacity(usize::from(area.height));
        for y in area.top()..area.bottom() {
            let start = buf.index_of(area.x, y);
            let row = &buf.content[start..start + usize::from(area.width)];
            cells.extend_from_slice(trimmed(row, &background));
            row_ends.push(cells.len());
        }
        self.last = Some(Drawn {
            key: key(),
            area,
            background,
            cells,
            row_ends,
        });
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Stylize;
    use ratatui::widgets::{Block, Paragraph};

    use super::*;

    #[test]
    fn copies_only_for_the_same_key_area_and_background() {
        let mut cache = PaneCache::default();
        let mut terminal = Terminal::new(TestBackend::new(20, 6)).expect("terminal");
        let mut drawn = 0;
        let mut frame_with = |key: &str, area: Rect, blue: bool, drawn: &mut usize| {
            terminal
                .draw(|f| {
                    let mut background = Cell::EMPTY;
                    if blue {
                        f.render_widget(Block::new().on_blue(), f.area());
                        background.set_bg(ratatui::style::Color::Blue);
                    }
                    cache.draw(
                        f,
                        area,
                        background,
                        |k| k == key,
                        || key.to_string(),
                        |f| {
                            *drawn += 1;
                            f.render_widget(
                                Paragraph::new(key.to_string()).block(Block::bordered()),
                                area,
                            );
                        },
                    );
                })
                .expect("draw");
            terminal.backend().buffer().clone()
        };
        let area = Rect::new(1, 1, 10, 4);
        let first = frame_with("一", area, false, &mut drawn);
        let copied = frame_with("一", area, false, &mut drawn);
        assert_eq!((drawn, &first), (1, &copied), "the same key is copied");
        frame_with("二", area, false, &mut drawn);
        assert_eq!(drawn, 2, "another key draws");
        let blue = frame_with("二", area, true, &mut drawn);
        assert_eq!(drawn, 3, "another background draws");
        assert_eq!(blue[(1, 1)].bg, ratatui::style::Color::Blue);
        frame_with("二", Rect::new(2, 1, 10, 4), true, &mut drawn);
        assert_eq!(drawn, 4, "another area draws");
    }
}
