//! The only place that touches the terminal: raw mode, the alternate
//! screen, bracketed paste and the mouse, put back on every exit — panics
//! included.

use std::io::{self, BufWriter, Stdout, Write};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::{Frame, Terminal};

mod backend;
mod echo_gate;
mod osc52;
pub use echo_gate::{EchoGate, Types};
pub mod signals;

pub use backend::{CompactBackend, EchoSpot, Echoed};

/// Output is buffered and written once per frame: one write per key instead
/// of many small ones, and as few bytes as the frame needs.
pub type Backend = CompactBackend<BufWriter<Stdout>>;

/// The terminal in full-screen mode; dropping it restores the terminal.
pub struct Tui {
    pub terminal: Terminal<Backend>,
}

/// Raw mode, the alternate screen, bracketed paste and the mouse.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    if let Err(e) = execute!(
        stdout,
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture
    ) {
        let _ = restore();
        return Err(e);
    }
    Ok(())
}

/// The terminal's frames made ready, its size asked, and nothing changed
/// on it yet: [`Tui::take`] takes it. Filling the two frame buffers (230 kB
/// each at 120x40) is a fair part of a start, so a thread can do it while
/// the editor is made ([`prepare_in_background`]).
pub type Prepared = Terminal<Backend>;

/// [`Tui::prepare`] on a thread of its own; `join` it for the terminal.
pub fn prepare_in_background() -> std::thread::JoinHandle<io::Result<Prepared>> {
    std::thread::spawn(Tui::prepare)
}

impl Tui {
    /// See [`Prepared`].
    pub fn prepare() -> io::Result<Prepared> {
        Terminal::new(CompactBackend::new(BufWriter::with_capacity(
            1 << 16,
            io::stdout(),
        )))
    }

    /// Full-screen mode on the terminal `prepared` for it.
    pub fn take(prepared: Prepared) -> io::Result<Tui> {
        install_panic_hook();
        enter()?;
        Ok(Tui { terminal: prepared })
    }
}

/// Draws one frame: `render` fills the buffer, the cells hidden under wide
/// characters are settled ([`settle_wide_characters`]), and only what
/// changed since the last frame is sent.
pub fn draw<W: Write>(
    terminal: &mut Terminal<CompactBackend<W>>,
    render: impl FnOnce(&mut Frame),
) -> io::Result<()> {
    terminal.draw(|frame| {
        render(frame);
        settle_wide_characters(frame.buffer_mut());
    })?;
    Ok(())
}

/// Makes every cell under the right half of a wide character a plain blank.
///
/// Such a cell is never shown while its wide character stands, but widgets
/// leave styles on it (a status bar styles its whole row after writing its
/// text). When a later frame overwrites half of that wide character, the
/// terminal erases the other half to a plain blank, and ratatui's diff,
/// comparing the hidden cell with the new one, may see no change and send
/// nothing (issue 23: a reversed blank of the status bar stayed plain after
/// 中 Enter 中). With the hidden cells plain in every frame, what the diff
/// leaves out is exactly what the terminal shows.
pub fn settle_wide_characters(buffer: &mut Buffer) {
    let width = usize::from(buffer.area.width);
    if width == 0 {
        return;
    }
    for row in buffer.content.chunks_mut(width) {
        let mut x = 0;
        while x < row.len() {
            let symbol = row[x].symbol();
            // ASCII is one column: only other symbols are measured.
            let w = if symbol.len() == 1 {
                1
            } else {
                unicode_width::UnicodeWidthStr::width(symbol).max(1)
            };
            for hidden in row.iter_mut().skip(x + 1).take(w - 1) {
                if hidden.diff_option != CellDiffOption::Skip && *hidden != Cell::EMPTY {
                    hidden.reset();
                }
            }
            x += w;
        }
    }
}

/// Asks the terminal to put `text` on the system clipboard (OSC 52). A
/// terminal without it ignores the request: zongjie's own clipboard works
/// either way.
pub fn copy_to_system_clipboard(text: &str) {
    let mut out = io::stdout();
    let _ = out.write_all(osc52::osc52(text).as_bytes());
    let _ = out.flush();
}

impl Tui {
    /// After a resize (or anything else that may have changed the screen
    /// behind our back): the size is asked again and the next frame is
    /// drawn whole, since the terminal may have reflowed what it showed.
    /// Returns the new size.
    pub fn redraw_all(&mut self) -> io::Result<(u16, u16)> {
        self.terminal.backend_mut().forget_state();
        let (width, height) = crossterm::terminal::size()?;
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, width, height))?;
        Ok((width, height))
    }

    /// Puts the terminal back as the shell had it, before the process stops.
    pub fn suspend(&mut self) -> io::Result<()> {
        let _ = self.terminal.show_cursor();
        let _ = ratatui::backend::Backend::flush(self.terminal.backend_mut());
        restore()
    }

    /// Full-screen mode again after the process was continued (the shell may
    /// have put the terminal back in cooked mode, so raw mode is set anew),
    /// and the whole screen drawn at the current size.
    pub fn resume(&mut self) -> io::Result<(u16, u16)> {
        // crossterm sets raw mode only when it thinks it is not on already.
        let _ = disable_raw_mode();
        enter()?;
        self.redraw_all()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = self.terminal.show_cursor();
        let _ = ratatui::backend::Backend::flush(self.terminal.backend_mut());
        let _ = restore();
    }
}

/// Leaves full-screen mode. Safe to call more than once.
pub fn restore() -> io::Result<()> {
    let mut stdout = io::stdout();
    let result = execute!(
        stdout,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = stdout.flush();
    disable_raw_mode()?;
    result
}

/// A panic prints its message on a normal terminal, not into the alternate screen.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = restore();
        previous(info);
    }));
}

/// What waiting on the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Terminal events are waiting in [`Input`].
    Input,
    /// A terminal signal woke the loop (resize, suspend, continue).
    Woken,
    TimedOut,
    /// The terminal is gone (window closed, connection dropped).
    HungUp,
}

/// Terminal events, read on a thread of their own with crossterm's
/// blocking `read`, which hands out every event it has parsed before it
/// waits again. (Asked with a timeout instead, crossterm's level-triggered
/// source may give up before looking at events it already parsed, and its
/// default edge-triggered one loses the terminal's readiness when a resize
/// comes with a key: either way a key waits for the next one.)
pub struct Input {
    events: std::sync::mpsc::Receiver<io::Result<crossterm::event::Event>>,
    /// Events taken so far (the [`EchoGate`] opens only when all are).
    taken: std::cell::Cell<u64>,
    /// Readable when events were sent; its bytes mean nothing.
    #[cfg(unix)]
    ready: std::os::unix::net::UnixStream,
}

impl Input {
    /// Starts reading; every event read passes `gate` first, which shows
    /// the character a key types when it is open.
    pub fn start(gate: std::sync::Arc<EchoGate>) -> io::Result<Input> {
        let (sender, events) = std::sync::mpsc::channel();
        #[cfg(unix)]
        let (ready, notify) = {
            let (ready, notify) = std::os::unix::net::UnixStream::pair()?;
            ready.set_nonblocking(true)?;
            (ready, notify)
        };
        std::thread::Builder::new()
            .name("terminal input".into())
            .spawn(move || {
                // A terminal that hung up is left to the event loop: crossterm
                // would read it for ever.
                while !hung_up() {
                    let event = crossterm::event::read();
                    // Stdout is locked only while a character is written.
                    gate.pass(event.as_ref().ok(), &mut io::stdout());
                    let failed = event.is_err();
                    if sender.send(event).is_err() {
                        break;
                    }
                    #[cfg(unix)]
                    {
                        use std::io::Write;
                        let _ = (&notify).write(&[1]);
                    }
                    if failed {
                        break;
                    }
                }
            })?;
        Ok(Input {
            events,
            taken: std::cell::Cell::new(0),
            #[cfg(unix)]
            ready,
        })
    }

    /// The descriptor that is readable when events wait.
    #[cfg(unix)]
    pub fn ready_fd(&self) -> i32 {
        use std::os::unix::io::AsRawFd;
        self.ready.as_raw_fd()
    }

    /// The next event that arrived, if any.
    pub fn next(&self) -> Option<io::Result<crossterm::event::Event>> {
        let event = self.events.try_recv().ok();
        if event.is_some() {
            self.taken.set(self.taken.get() + 1);
        }
        event
    }

    /// How many events were taken so far.
    pub fn taken(&self) -> u64 {
        self.taken.get()
    }

    /// Empties the wake-up pipe; call before taking the events, so that an
    /// event sent after them wakes the next wait.
    pub fn clear_ready(&self) {
        #[cfg(unix)]
        {
            use std::io::Read;
            let mut buf = [0u8; 256];
            while matches!((&self.ready).read(&mut buf), Ok(n) if n > 0) {}
        }
    }
}

/// Waits for terminal events (`input`, the descriptor of [`Input`]), for
/// one of `wakes` (descriptors that signals make readable), or until
/// `timeout`; `None` waits for ever: an idle editor does not wake up at all
/// (issue 23).
///
/// The kernel is asked directly, level-triggered, and is asked about the
/// terminal too: a hang-up is reported (the draft can be saved) instead of
/// being read for ever.
pub fn wait_for_input(
    timeout: Option<std::time::Duration>,
    input: Option<i32>,
    wakes: &[i32],
) -> Wait {
    #[cfg(unix)]
    {
        let pollfd = |fd: Option<i32>, events| libc::pollfd {
            // A negative descriptor is ignored by poll.
            fd: fd.unwrap_or(-1),
            events,
            revents: 0,
        };
        // On the terminal itself only a hang-up or an error is asked for
        // (they are reported whatever is asked).
        let mut fds = vec![
            pollfd(Some(libc::STDIN_FILENO), 0),
            pollfd(input, libc::POLLIN),
        ];
        fds.extend(wakes.iter().map(|&fd| pollfd(Some(fd), libc::POLLIN)));
        let millis = timeout.map_or(-1, |t| {
            // Rounded up: a deadline 0.4 ms away is not polled for 0 ms again and again.
            i32::try_from(t.as_micros().div_ceil(1000)).unwrap_or(i32::MAX)
        });
        let count = libc::nfds_t::try_from(fds.len()).unwrap_or(2);
        // SAFETY: `count` valid pollfds.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), count, millis) };
        if n < 0 {
            // Interrupted by a signal: its wake-up byte is seen next time.
            return Wait::Woken;
        }
        let hung_up = libc::POLLHUP | libc::POLLERR | libc::POLLNVAL;
        if fds[0].revents & hung_up != 0 {
            return Wait::HungUp;
        }
        if fds[1].revents != 0 {
            Wait::Input
        } else if fds[2..].iter().any(|fd| fd.revents != 0) {
            Wait::Woken
        } else {
            Wait::TimedOut
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (input, wakes);
        let step = std::time::Duration::from_millis(10);
        std::thread::sleep(timeout.unwrap_or(step).min(step));
        Wait::Input
    }
}

/// Whether the terminal has hung up, without waiting.
pub fn hung_up() -> bool {
    wait_for_input(Some(std::time::Duration::ZERO), None, &[]) == Wait::HungUp
}
