//! A ratatui backend that writes fewer bytes than the stock crossterm one
//! for the same screen. Bytes are what a keystroke costs on a terminal
//! (a pty moves a few KB per millisecond; an ssh link far less), and
//! ratatui's `CrosstermBackend` moves the cursor after every wide character
//! and repeats both colours whenever either changes. This one:
//!
//! - tracks where the terminal's cursor is after each character, so a run
//!   of changed cells — Chinese text included — costs one cursor move;
//! - moves with the shorter of `CSI n C` and `CSI row;col H`;
//! - sends one SGR sequence per style change, with only what changed;
//! - hides/shows the cursor and moves it only when that changes something;
//! - never sends a control character from a cell: C0, DEL and C1 become
//!   U+FFFD, a last safety net behind the escaping the panes do.
//!
//! - when rows of text moved up or down together (a paragraph gained or
//!   lost a row and everything below it shifted), moves them on the
//!   terminal with a scroll region and insert/delete-line (`CSI r`,
//!   `CSI L`, `CSI M`: xterm, VTE, Windows Terminal, tmux, PuTTY and the
//!   Linux console all have them) and sends only what then still differs,
//!   instead of every shifted cell again.
//!
//! Where the terminal might disagree with ratatui about a character's width
//! (emoji, combining sequences, anything but plain narrow characters and
//! East Asian wide ones) the next cell gets an explicit cursor move, as the
//! stock backend does.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthChar;

mod echo;
pub use echo::{EchoSpot, Echoed};
mod shift;

use shift::{SHIFT_MIN_CELLS, plan_shift};
pub(crate) use shift::{Shift, apply_shift};

/// The terminal's drawing state as this backend last left it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const DEFAULT: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// Writes ratatui frames to `W` (stdout in the application) as compactly as
/// it safely can. See the module documentation.
#[derive(Debug)]
pub struct CompactBackend<W: Write> {
    writer: W,
    /// Where the terminal's cursor is, when known for sure.
    cursor: Option<Position>,
    /// Whether the cursor is shown, when known.
    cursor_visible: Option<bool>,
    /// The right half of the wide character printed last, if it was.
    wide_right: Option<Position>,
    /// The terminal's size, asked once: ratatui asks before every frame,
    /// and crossterm answers by opening /dev/tty each time.
    size: std::cell::Cell<Option<Size>>,
    /// What the terminal shows, when known for sure: the frame drawn last
    /// (with the cells under wide characters plain, as `tui::draw` makes
    /// them). Known from a blank screen on, lost when someone else writes.
    screen: Option<Buffer>,
    /// Rows of `screen` where a terminal may show something else: a
    /// symbol of a width terminals disagree on (emoji, combining marks)
    /// was drawn there. Such rows are never moved, only redrawn.
    unsure: Vec<bool>,
    /// The screen is blank (just entered, or cleared) and `screen` is to be
    /// made at the next frame, once the size is known.
    blank: bool,
    /// Cells written ahead of the frame by [`CompactBackend::echo`], with
    /// what the frame before showed there: the next frame confirms them
    /// (and does not send them again) or puts right what differs.
    echoed: Vec<(Position, Cell)>,
}

impl<W: Write> CompactBackend<W> {
    pub fn new(writer: W) -> Self {
        CompactBackend {
            writer,
            cursor: None,
            cursor_visible: None,
            wide_right: None,
            size: std::cell::Cell::new(None),
            screen: None,
            unsure: Vec::new(),
            blank: true,
            echoed: Vec::new(),
        }
    }

    /// A backend for a blank terminal of `size`, never asked its size.
    pub fn with_size(writer: W, size: Size) -> Self {
        let backend = CompactBackend::new(writer);
        backend.size.set(Some(size));
        backend
    }

    pub fn writer(&self) -> &W {
        &self.writer
    }

    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.writer
    }

    /// Asks the terminal's size again at the next frame (after a resize).
    pub fn forget_size(&self) {
        self.size.set(None);
    }

    /// Forgets what it knows of the terminal (after someone else wrote to it).
    pub fn forget_state(&mut self) {
        self.cursor = None;
        self.cursor_visible = None;
        self.wide_right = None;
        self.size.set(None);
        self.screen = None;
        self.blank = false;
        self.echoed.clear();
    }

    /// The screen as known, made blank at the known size after a clear.
    fn know_screen(&mut self) {
        if self.screen.is_none() && self.blank {
            if let Ok(size) = self.size() {
                self.screen = Some(Buffer::empty(Rect::new(0, 0, size.width, size.height)));
                self.unsure = vec![false; usize::from(size.height)];
            }
            self.blank = false;
        }
    }

    /// Moves rows on the terminal as `shift` says, and in the known screen.
    fn send_shift(&mut self, shift: Shift) -> io::Result<()> {
        let (top, bottom) = (shift.top + 1, shift.bottom + 1);
        let (n, op) = if shift.by > 0 {
            (shift.by, 'L')
        } else {
            (-shift.by, 'M')
        };
        // The region homes the cursor; lines are inserted or deleted at
        // its top; the full screen is the region again.
        write!(
            self.writer,
            "\x1b[{top};{bottom}r\x1b[{top}H\x1b[{n}{op}\x1b[r"
        )?;
        self.cursor = None;
        self.wide_right = None;
        if let Some(screen) = &mut self.screen {
            apply_shift(screen, shift);
        }
        // The moved rows were all sure, and blank rows are: nothing to move.
        Ok(())
    }

    /// Draws cells in order, each as little as it costs, and notes them in
    /// the known screen.
    fn put_cells<'a>(
        &mut self,
        content: impl Iterator<Item = (u16, u16, &'a Cell)>,
    ) -> io::Result<()> {
        let mut pen = Pen::DEFAULT;
        let mut sgr = Vec::with_capacity(32);
        for (x, y, cell) in content {
            // A cell under the right half of a wide character just printed
            // is already drawn; writing it would erase that half.
            if self.wide_right == Some(Position { x, y }) {
                continue;
            }
            self.move_to(x, y)?;
            let next = Pen::of(cell);
            if next != pen {
                sgr.clear();
                style_change(pen, next, &mut sgr);
                self.writer.write_all(b"\x1b[")?;
                self.writer.write_all(&sgr)?;
                self.writer.write_all(b"m")?;
                pen = next;
            }
            self.print(x, y, cell.symbol())?;
            self.note(x, y, cell);
        }
        if pen != Pen::DEFAULT {
            self.writer.write_all(b"\x1b[0m")?;
        }
        Ok(())
    }

    /// Notes a cell drawn in the known screen (the cells a wide character
    /// covers become plain blanks, as the frames have them).
    fn note(&mut self, x: u16, y: u16, cell: &Cell) {
        let Some(screen) = &mut self.screen else {
            return;
        };
        let area = screen.area;
        if x >= area.width || y >= area.height {
            // Not the screen it was thought to be.
            self.screen = None;
            return;
        }
        screen[(x, y)] = cell.clone();
        let symbol = cell.symbol();
        let mut chars = symbol.chars();
        let trusted =
            matches!((chars.next(), chars.next()), (Some(c), None) if trusted_width(c).is_some());
        if !trusted && !symbol.is_empty() {
            self.unsure[usize::from(y)] = true;
        }
        let width = symbol_width(symbol);
        for i in 1..width {
            if x + i < area.width {
                screen[(x + i, y)] = Cell::EMPTY;
            }
        }
    }

    fn move_to(&mut self, x: u16, y: u16) -> io::Result<()> {
        match self.cursor {
            Some(p) if p.x == x && p.y == y => {}
            // Forward on the same row: `CSI n C` is shorter than a full address.
            Some(p) if p.y == y && x > p.x && x - p.x < 100 => match x - p.x {
                1 => self.writer.write_all(b"\x1b[C")?,
                n => write!(self.writer, "\x1b[{n}C")?,
            },
            _ if x == 0 => write!(self.writer, "\x1b[{}H", y + 1)?,
            _ => write!(self.writer, "\x1b[{};{}H", y + 1, x + 1)?,
        }
        self.cursor = Some(Position { x, y });
        Ok(())
    }

    /// Prints a cell's symbol and advances the known cursor by its width.
    fn print(&mut self, x: u16, y: u16, symbol: &str) -> io::Result<()> {
        let mut chars = symbol.chars();
        let advance = match (chars.next(), chars.next()) {
            (None, _) => {
                // An empty symbol prints nothing; ratatui means a blank.
                self.writer.write_all(b" ")?;
                Some(1)
            }
            (Some(c), None) if !c.is_control() => {
                let mut bytes = [0; 4];
                self.writer
                    .write_all(c.encode_utf8(&mut bytes).as_bytes())?;
                trusted_width(c)
            }
            _ => {
                for c in symbol.chars() {
                    let c = if c.is_control() { '\u{fffd}' } else { c };
                    let mut bytes = [0; 4];
                    self.writer
                        .write_all(c.encode_utf8(&mut bytes).as_bytes())?;
                }
                None
            }
        };
        self.cursor = advance.map(|w| Position { x: x + w, y });
        self.wide_right = (advance == Some(2)).then_some(Position { x: x + 1, y });
        Ok(())
    }
}

/// How far a terminal surely moves the cursor for `c`: one column for a
/// narrow character, two for an East Asian wide one (Chinese, Japanese,
/// Korean and full-width forms). `None` where terminals disagree.
fn trusted_width(c: char) -> Option<u16> {
    match c.width() {
        Some(1) => Some(1),
        Some(2) if is_east_asian_wide(c) => Some(2),
        _ => None,
    }
}

fn is_east_asian_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}'     // Hangul Jamo initials
        | '\u{2E80}'..='\u{303E}'   // CJK radicals, Kangxi, CJK symbols and punctuation
        | '\u{3041}'..='\u{33FF}'   // kana, bopomofo, CJK compatibility
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{A000}'..='\u{A4CF}'   // Yi
        | '\u{AC00}'..='\u{D7A3}'   // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}'   // CJK compatibility forms
        | '\u{FF01}'..='\u{FF60}'   // full-width forms
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{2FFFD}' // CJK extensions B–F
        | '\u{30000}'..='\u{3FFFD}')
}

/// Columns a symbol takes (at least one), as ratatui measures it.
fn symbol_width(symbol: &str) -> u16 {
    if symbol.len() == 1 {
        return 1;
    }
    u16::try_from(unicode_width::UnicodeWidthStr::width(symbol))
        .unwrap_or(1)
        .max(1)
}

/// Appends the SGR parameters that turn `from` into `to` (none if equal).
fn style_change(from: Pen, to: Pen, out: &mut Vec<u8>) {
    let mut param = |p: &[u8]| {
        if !out.is_empty() {
            out.push(b';');
        }
        out.extend_from_slice(p);
    };
    let removed = from.modifier - to.modifier;
    let added = to.modifier - from.modifier;
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    // Normal intensity removes both bold and dim; put back what stays.
    if reset_intensity {
        param(b"22");
    }
    for (modifier, off) in [
        (Modifier::ITALIC, &b"23"[..]),
        (Modifier::UNDERLINED, b"24"),
        (Modifier::REVERSED, b"27"),
        (Modifier::HIDDEN, b"28"),
        (Modifier::CROSSED_OUT, b"29"),
    ] {
        if removed.contains(modifier) {
            param(off);
        }
    }
    let blink = Modifier::SLOW_BLINK | Modifier::RAPID_BLINK;
    let reset_blink = removed.intersects(blink);
    if reset_blink {
        param(b"25");
    }
    for (modifier, on, again) in [
        (Modifier::BOLD, &b"1"[..], reset_intensity),
        (Modifier::DIM, b"2", reset_intensity),
        (Modifier::ITALIC, b"3", false),
        (Modifier::UNDERLINED, b"4", false),
        (Modifier::SLOW_BLINK, b"5", reset_blink),
        (Modifier::RAPID_BLINK, b"6", reset_blink),
        (Modifier::REVERSED, b"7", false),
        (Modifier::HIDDEN, b"8", false),
        (Modifier::CROSSED_OUT, b"9", false),
    ] {
        if added.contains(modifier) || (again && to.modifier.contains(modifier)) {
            param(on);
        }
    }
    if from.fg != to.fg {
        param(&color_param(to.fg, 30));
    }
    if from.bg != to.bg {
        param(&color_param(to.bg, 40));
    }
    if from.underline != to.underline {
        param(&color_param(to.underline, 50));
    }
}

/// `38;5;n` and friends; `base` is 30 (foreground), 40 (background) or 50
/// (underline). Named colours are sent as palette indices, as crossterm does.
fn color_param(color: Color, base: u8) -> Vec<u8> {
    let index = |n: u8| format!("{};5;{n}", base + 8).into_bytes();
    match color {
        Color::Reset => format!("{}", base + 9).into_bytes(),
        Color::Black => index(0),
        Color::Red => index(1),
        Color::Green => index(2),
        Color::Yellow => index(3),
        Color::Blue => index(4),
        Color::Magenta => index(5),
        Color::Cyan => index(6),
        Color::Gray => index(7),
        Color::DarkGray => index(8),
        Color::LightRed => index(9),
        Color::LightGreen => index(10),
        Color::LightYellow => index(11),
        Color::LightBlue => index(12),
        Color::LightMagenta => index(13),
        Color::LightCyan => index(14),
        Color::White => index(15),
        Color::Indexed(n) => index(n),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base + 8).into_bytes(),
    }
}

impl<W: Write> Backend for CompactBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let echoed = std::mem::take(&mut self.echoed);
        let mut updates: Vec<(u16, u16, &Cell)> = content.collect();
        self.settle_echoes(&mut updates, &echoed);
        // Only a frame that changed several rows can have rows that moved,
        // and only on a screen that shows something: the first frame, on a
        // blank screen, is sent as it is (planning it took a copy of the
        // whole screen, 230 kB at 120x40, for nothing).
        let blank = self.screen.is_none() && self.blank;
        self.know_screen();
        if !blank
            && updates.len() >= SHIFT_MIN_CELLS
            && let Some(screen) = &self.screen
        {
            let mut next = screen.clone();
            let area = next.area;
            let mut fits = true;
            for &(x, y, cell) in &updates {
                if x >= area.width || y >= area.height {
                    fits = false;
                    break;
                }
                next[(x, y)] = cell.clone();
                for i in 1..symbol_width(cell.symbol()) {
                    if x + i < area.width {
                        next[(x + i, y)] = Cell::EMPTY;
                    }
                }
            }
            // Cells to send per row as things stand.
            let mut sent = vec![0; usize::from(area.height)];
            for &(_, y, _) in &updates {
                if let Some(n) = sent.get_mut(usize::from(y)) {
                    *n += 1;
                }
            }
            if fits && let Some(shift) = plan_shift(screen, &next, &sent, &self.unsure) {
                self.send_shift(shift)?;
                let moved = self
                    .screen
                    .as_ref()
                    .map(|s| s.diff(&next))
                    .unwrap_or_default();
                self.put_cells(moved.into_iter())?;
                self.screen = Some(next);
                return Ok(());
            }
        }
        self.put_cells(updates.into_iter())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(false) {
            self.writer.write_all(b"\x1b[?25l")?;
            self.cursor_visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(true) {
            self.writer.write_all(b"\x1b[?25h")?;
            self.cursor_visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.writer.flush()?;
        crossterm::cursor::position()
            .map(|(x, y)| Position { x, y })
            .map_err(io::Error::other)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        // A relative move is only safe from a known position.
        match self.cursor {
            Some(p) if p.x == x && p.y == y => Ok(()),
            _ => {
                write!(self.writer, "\x1b[{};{}H", y + 1, x + 1)?;
                self.cursor = Some(Position { x, y });
                Ok(())
            }
        }
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Only a whole clear leaves a screen known again (blank).
        self.screen = None;
        self.echoed.clear();
        self.blank = clear_type == ClearType::All;
        let code: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.writer.write_all(code)?;
        self.writer.flush()
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            self.writer.write_all(b"\n")?;
        }
        self.cursor = None;
        self.screen = None;
        self.blank = false;
        self.echoed.clear();
        self.writer.flush()
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(size) = self.size.get() {
            return Ok(size);
        }
        let (width, height) = crossterm::terminal::size()?;
        let size = Size { width, height };
        self.size.set(Some(size));
        Ok(size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let crossterm::terminal::WindowSize {
            columns,
            rows,
            width,
            height,
        } = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: columns,
                height: rows,
            },
            pixels: Size { width, height },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

#[cfg(test)]
mod tests;
