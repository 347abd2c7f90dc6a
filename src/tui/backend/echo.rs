//! A typed character shown ahead of its frame (issue 23), and the frame
//! after it made right whatever the key turned out to do.
//!
//! The backend offers an [`EchoSpot`] where a character can go without
//! moving anything; whoever reads the key (the terminal-reading thread,
//! through [`crate::tui::EchoGate`]) shows it there at once, and the
//! backend [adopts](CompactBackend::adopt) what was shown before its next
//! frame, which then leaves out the cells that came out as echoed and
//! puts back those that did not.

use std::io::{self, Write};

use ratatui::buffer::Cell;
use ratatui::layout::{Position, Rect};

use super::{CompactBackend, Pen, style_change, symbol_width, trusted_width};

/// Where a typed character may be shown ahead of its frame: the cursor's
/// cell on a known screen, with every cell from it to the field's right
/// edge blank, so a character put there moves nothing along.
#[derive(Debug, Clone)]
pub struct EchoSpot {
    at: Position,
    /// The first column past the field's text area.
    right: u16,
    /// The cursor's cell and the one after it (when in the field), as the
    /// screen shows them: a character shown takes the first one's style.
    was: Vec<Cell>,
}

/// A character shown at an [`EchoSpot`].
#[derive(Debug, Clone)]
pub struct Echoed {
    spot: EchoSpot,
    cell: Cell,
    width: u16,
}

impl EchoSpot {
    /// Shows `symbol` at the spot on `out` (where the terminal's cursor
    /// is), in the style of the blank it lands on, if it surely fits:
    /// a character of a width every terminal agrees on, not a blank.
    pub fn show(self, symbol: char, out: &mut impl Write) -> io::Result<Option<Echoed>> {
        let Some(width) = trusted_width(symbol) else {
            return Ok(None);
        };
        if symbol.is_control() || symbol.is_whitespace() || self.at.x + width > self.right {
            return Ok(None);
        }
        let mut cell = self.was[0].clone();
        let mut bytes = [0; 4];
        cell.set_symbol(symbol.encode_utf8(&mut bytes));
        // As the backend writes a cell: from the default pen and back.
        let pen = Pen::of(&cell);
        let mut sgr = Vec::new();
        style_change(Pen::DEFAULT, pen, &mut sgr);
        let mut shown = Vec::with_capacity(16);
        if !sgr.is_empty() {
            shown.extend_from_slice(b"\x1b[");
            shown.extend_from_slice(&sgr);
            shown.push(b'm');
        }
        shown.extend_from_slice(cell.symbol().as_bytes());
        if pen != Pen::DEFAULT {
            shown.extend_from_slice(b"\x1b[0m");
        }
        out.write_all(&shown)?;
        out.flush()?;
        Ok(Some(Echoed {
            spot: self,
            cell,
            width,
        }))
    }
}

impl<W: Write> CompactBackend<W> {
    /// Where a character typed now may be shown ahead of its frame: only
    /// where nothing can move — the cursor shown at a known place on a
    /// known screen, inside `area` (the text area of the field being
    /// typed in), every cell from it to the area's right edge blank.
    pub fn echo_spot(&self, area: Rect) -> Option<EchoSpot> {
        let (Some(at), Some(screen)) = (self.cursor, &self.screen) else {
            return None;
        };
        let under_wide = at.x > 0
            && screen
                .cell((at.x - 1, at.y))
                .is_some_and(|c| symbol_width(c.symbol()) > 1);
        let blank =
            (at.x..area.right()).all(|x| screen.cell((x, at.y)).is_some_and(|c| c.symbol() == " "));
        let usable = self.cursor_visible == Some(true)
            && area.contains(at)
            && area.right() <= screen.area.width
            && self.unsure.get(usize::from(at.y)) == Some(&false)
            && !under_wide
            && blank;
        usable.then(|| EchoSpot {
            at,
            right: area.right(),
            was: (at.x..area.right().min(at.x + 2))
                .map(|x| screen[(x, at.y)].clone())
                .collect(),
        })
    }

    /// Takes in a character shown at a spot this backend offered: the
    /// screen and the cursor as it left them, and the cells the next
    /// frame is to confirm or put back.
    pub fn adopt(&mut self, echoed: Echoed) {
        let Echoed { spot, cell, width } = echoed;
        let at = spot.at;
        for (x, was) in (at.x..).zip(spot.was).take(usize::from(width)) {
            self.echoed.push((Position { x, y: at.y }, was));
        }
        self.note(at.x, at.y, &cell);
        self.cursor = Some(Position {
            x: at.x + width,
            y: at.y,
        });
        self.wide_right = (width == 2).then_some(Position {
            x: at.x + 1,
            y: at.y,
        });
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
