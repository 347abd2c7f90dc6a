//! A typed character shown ahead of its frame (issue 23), and the frame
//! after it made right whatever the key turned out to do.
//!
//! The backend offers an [`EchoSpot`] where a character can go without
//! moving anything; whoever reads the key (the terminal-reading thread,
//! through [`crate::tui::EchoGate`]) shows it there at once, and the
//! backend [adopts](CompactBackend::adopt) what was shown before its next
//! frame, which then leaves out the cells that came out as echoed and
//! puts back those that did not.

use std::collections::HashSet;
use std::io::{self, Write};

use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect};

use super::{CompactBackend, Pen, style_change, symbol_width, trusted_width};

/// Where a typed character may be shown ahead of its frame: the cursor's
/// cell on a known screen, in the text area of the field being typed in,
/// with the rest of the cursor's row as the screen shows it.
#[derive(Debug, Clone)]
pub struct EchoSpot {
    at: Position,
    /// The first column past the field's text area.
    right: u16,
    /// The cells from the cursor to the area's right edge.
    row: Vec<Cell>,
}

/// A character shown at an [`EchoSpot`]: the cells written, each with
/// what the screen showed there before.
#[derive(Debug, Clone)]
pub struct Echoed {
    y: u16,
    cells: Vec<(u16, Cell, Cell)>,
    /// Where the terminal's cursor was left.
    cursor: Position,
}

impl EchoSpot {
    /// Shows `symbol` at the spot on `out` (where the terminal's cursor
    /// is), if it surely fits: a character of a width every terminal
    /// agrees on, not a blank. It takes the style of the cell it lands
    /// on, as a field's text does, and the rest of the row moves along by
    /// its width, what no longer fits before the edge dropped (the key's
    /// frame puts that on the next row, and puts right anything the
    /// field's wrapping does otherwise).
    pub fn show(self, symbol: char, out: &mut impl Write) -> io::Result<Option<Echoed>> {
        let Some(width) = trusted_width(symbol) else {
            return Ok(None);
        };
        let Some(first) = self.row.first() else {
            return Ok(None);
        };
        if symbol.is_control() || symbol.is_whitespace() || self.at.x + width > self.right {
            return Ok(None);
        }
        let mut typed = first.clone();
        let mut bytes = [0; 4];
        typed.set_symbol(symbol.encode_utf8(&mut bytes));
        // The row as it is to be: the character, then the row moved along.
        let mut next = vec![typed];
        next.extend((1..width).map(|_| Cell::EMPTY));
        let mut i = 0;
        let mut x = self.at.x + width;
        while let Some(cell) = self.row.get(i) {
            let w = symbol_width(cell.symbol());
            if x + w > self.right {
                break;
            }
            next.push(cell.clone());
            next.extend((1..w).map(|_| Cell::EMPTY));
            x += w;
            i += usize::from(w);
        }
        while x < self.right {
            let mut blank = self.row[self.row.len() - 1].clone();
            blank.set_symbol(" ");
            next.push(blank);
            x += 1;
        }
        // Written up to the last cell that changes; nothing after it.
        let Some(last) = (0..next.len()).rev().find(|&k| next[k] != self.row[k]) else {
            return Ok(None);
        };
        let mut shown = Vec::with_capacity(16);
        let mut pen = Pen::DEFAULT;
        let mut cells = Vec::new();
        let mut k = 0;
        while k <= last {
            let cell = &next[k];
            let next_pen = Pen::of(cell);
            if next_pen != pen {
                let mut sgr = Vec::new();
                style_change(pen, next_pen, &mut sgr);
                shown.extend_from_slice(b"\x1b[");
                shown.extend_from_slice(&sgr);
                shown.push(b'm');
                pen = next_pen;
            }
            shown.extend_from_slice(cell.symbol().as_bytes());
            let w = symbol_width(cell.symbol());
            let covered = k..(k + usize::from(w)).min(next.len());
            for (j, (cell, was)) in next[covered.clone()]
                .iter()
                .zip(&self.row[covered])
                .enumerate()
            {
                cells.push((self.at.x + (k + j) as u16, cell.clone(), was.clone()));
            }
            k += usize::from(w);
        }
        if pen != Pen::DEFAULT {
            shown.extend_from_slice(b"\x1b[0m");
        }
        out.write_all(&shown)?;
        out.flush()?;
        Ok(Some(Echoed {
            y: self.at.y,
            cells,
            cursor: Position {
                x: self.at.x + k as u16,
                y: self.at.y,
            },
        }))
    }
}

impl<W: Write> CompactBackend<W> {
    /// Where a character typed now may be shown ahead of its frame: the
    /// cursor shown at a known place on a known screen, inside `area` (the
    /// text area of the field being typed in), on a row of characters of
    /// sure widths, not inside a wide character.
    pub fn echo_spot(&self, area: Rect) -> Option<EchoSpot> {
        let (Some(at), Some(screen)) = (self.cursor, &self.screen) else {
            return None;
        };
        let under_wide = at.x > 0
            && screen
                .cell((at.x - 1, at.y))
                .is_some_and(|c| symbol_width(c.symbol()) > 1);
        let usable = self.cursor_visible == Some(true)
            && area.contains(at)
            && area.right() <= screen.area.width
            && self.unsure.get(usize::from(at.y)) == Some(&false)
            && !under_wide;
        usable.then(|| EchoSpot {
            at,
            right: area.right(),
            row: (at.x..area.right())
                .map(|x| screen[(x, at.y)].clone())
                .collect(),
        })
    }

    /// Takes in a character shown at a spot this backend offered: the
    /// screen and the cursor as it left them, and the cells the next
    /// frame is to confirm or put back.
    pub fn adopt(&mut self, echoed: Echoed) {
        let Echoed { y, cells, cursor } = echoed;
        for (x, cell, was) in cells {
            self.echoed.push((Position { x, y }, was));
            if let Some(screen) = &mut self.screen
                && x < screen.area.width
                && y < screen.area.height
            {
                screen[(x, y)] = cell;
            }
        }
        self.cursor = Some(cursor);
        self.wide_right = None;
    }

    /// Shows a typed character at the cursor at once, if `area` offers a
    /// spot for it ([`CompactBackend::echo_spot`], [`EchoSpot::show`]), and
    /// takes it in. Returns whether it was shown.
    pub fn echo(&mut self, area: Rect, symbol: char) -> io::Result<bool> {
        let Some(spot) = self.echo_spot(area) else {
            return Ok(false);
        };
        match spot.show(symbol, &mut self.writer)? {
            Some(echoed) => {
                self.adopt(echoed);
                Ok(true)
            }
            None => Ok(false),
        }
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
        if echoed.is_empty() {
            return;
        }
        // One pass over the frame's changes, whatever their number (a
        // paragraph's reflow sends thousands): the echoed places they
        // change or cover with a wide character.
        let echoed_at: HashSet<(u16, u16)> = echoed.iter().map(|(at, _)| (at.x, at.y)).collect();
        let mut covered = HashSet::new();
        for &(x, y, cell) in updates.iter() {
            for column in x..x.saturating_add(symbol_width(cell.symbol())) {
                if echoed_at.contains(&(column, y)) {
                    covered.insert((column, y));
                }
            }
        }
        let put_back: Vec<(u16, u16, &Cell)> = echoed
            .iter()
            .filter(|(at, _)| !covered.contains(&(at.x, at.y)))
            .map(|(at, was)| (at.x, at.y, was))
            .collect();
        updates.retain(|&(x, y, cell)| {
            !(echoed_at.contains(&(x, y)) && screen.cell((x, y)) == Some(cell))
        });
        if !put_back.is_empty() {
            updates.extend(put_back);
            updates.sort_by_key(|&(x, y, _)| (y, x));
        }
    }
}
