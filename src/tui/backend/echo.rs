//! A typed character shown ahead of its frame (issue 23), and the frame
//! after it made right whatever the key turned out to do.

use std::io::{self, Write};

use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect};

use super::{CompactBackend, symbol_width, trusted_width};

impl<W: Write> CompactBackend<W> {
    /// Shows a typed character at the cursor at once, ahead of the frame
    /// that the key brings (issue 23: a writer sees the character as soon
    /// as vim would show it; the counts, the preview and the outline follow
    /// in the frame). `symbol` takes the style of the blank cell it lands
    /// on, as a field's text does.
    ///
    /// Only where nothing can move: the cursor shown at a known place on a
    /// known screen, inside `area` (the text area of the field being typed
    /// in), and every cell from it to the area's right edge blank, so the
    /// character lands at the cursor and pushes nothing along. Returns
    /// whether it was shown. Whatever the key really does, the next frame
    /// makes the screen exactly that frame: it leaves out the cells that
    /// came out as echoed and redraws those that did not.
    pub fn echo(&mut self, area: Rect, symbol: char) -> io::Result<bool> {
        let Some(width) = trusted_width(symbol) else {
            return Ok(false);
        };
        if symbol.is_control() || symbol == ' ' || self.cursor_visible != Some(true) {
            return Ok(false);
        }
        let (Some(at), Some(screen)) = (self.cursor, &self.screen) else {
            return Ok(false);
        };
        let row_blank = |from: u16| {
            (from..area.right()).all(|x| screen.cell((x, at.y)).is_some_and(|c| c.symbol() == " "))
        };
        let under_wide = at.x > 0
            && screen
                .cell((at.x - 1, at.y))
                .is_some_and(|c| symbol_width(c.symbol()) > 1);
        if !area.contains(at)
            || at.x + width > area.right()
            || area.right() > screen.area.width
            || self.unsure.get(usize::from(at.y)) != Some(&false)
            || under_wide
            || !row_blank(at.x)
        {
            return Ok(false);
        }
        let mut cell = screen[(at.x, at.y)].clone();
        let mut bytes = [0; 4];
        cell.set_symbol(symbol.encode_utf8(&mut bytes));
        let was: Vec<(Position, Cell)> = (at.x..at.x + width)
            .map(|x| (Position { x, y: at.y }, screen[(x, at.y)].clone()))
            .collect();
        self.echoed.extend(was);
        self.put_cells(std::iter::once((at.x, at.y, &cell)))?;
        self.writer.flush()?;
        Ok(true)
    }

    /// Makes the frame's changes right for a screen that shows echoed
    /// cells: a change the echo already shows is not sent again, and an
    /// echoed cell the frame did not change (nor cover with a wide
    /// character) is put back as it was.
    pub(super) fn settle_echoes<'c>(
        &self,
        updates: &mut Vec<(u16, u16, &'c Cell)>,
        echoed: &'c [(Position, Cell)],
    ) {
        let Some(screen) = &self.screen else {
            return;
        };
        let covered = |at: Position, updates: &[(u16, u16, &Cell)]| {
            updates.iter().any(|&(x, y, cell)| {
                y == at.y && x <= at.x && at.x < x + symbol_width(cell.symbol())
            })
        };
        let put_back: Vec<(u16, u16, &Cell)> = echoed
            .iter()
            .filter(|(at, _)| !covered(*at, updates))
            .map(|(at, was)| (at.x, at.y, was))
            .collect();
        updates.retain(|&(x, y, cell)| {
            !(echoed.iter().any(|(at, _)| at.x == x && at.y == y)
                && screen.cell((x, y)) == Some(cell))
        });
        if !put_back.is_empty() {
            updates.extend(put_back);
            updates.sort_by_key(|&(x, y, _)| (y, x));
        }
    }
}
