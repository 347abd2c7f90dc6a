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
use ratatui::Terminal;

mod backend;

pub use backend::CompactBackend;

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

impl Tui {
    pub fn init() -> io::Result<Tui> {
        install_panic_hook();
        enter()?;
        let backend = CompactBackend::new(BufWriter::with_capacity(1 << 16, io::stdout()));
        match Terminal::new(backend) {
            Ok(terminal) => Ok(Tui { terminal }),
            Err(e) => {
                let _ = restore();
                Err(e)
            }
        }
    }
}

/// Asks the terminal to put `text` on the system clipboard (OSC 52). A
/// terminal without it ignores the request: zongjie's own clipboard works
/// either way.
pub fn copy_to_system_clipboard(text: &str) {
    let mut out = io::stdout();
    let _ = out.write_all(crate::app::osc52(text).as_bytes());
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
    /// Input is ready (or may be: crossterm is asked next).
    Input,
    /// A terminal signal woke the loop (resize, suspend, continue).
    Woken,
    TimedOut,
    /// The terminal is gone (window closed, connection dropped).
    HungUp,
}

/// Waits up to `timeout` for input on the terminal (standard input), or
/// for `wake` (a descriptor that signals make readable) to be readable.
///
/// The kernel is asked directly, level-triggered: input that is there is
/// always seen, whatever came with it. crossterm's own poll spins for ever
/// on a terminal that has hung up (its reads return 0 and it reads again),
/// so a hang-up is reported instead, and the draft can be saved.
pub fn wait_for_input(timeout: std::time::Duration, wake: Option<i32>) -> Wait {
    #[cfg(unix)]
    {
        let mut fds = [
            libc::pollfd {
                fd: libc::STDIN_FILENO,
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                // A negative descriptor is ignored by poll.
                fd: wake.unwrap_or(-1),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        let millis = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
        // SAFETY: two valid pollfds, and their count is 2.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, millis) };
        if n < 0 {
            // Interrupted by a signal: its wake-up byte is seen next time.
            return Wait::Woken;
        }
        if fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Wait::HungUp;
        }
        if fds[0].revents & libc::POLLIN != 0 {
            Wait::Input
        } else if fds[1].revents != 0 {
            Wait::Woken
        } else {
            Wait::TimedOut
        }
    }
    #[cfg(not(unix))]
    {
        let _ = wake;
        match crossterm::event::poll(timeout) {
            Ok(true) => Wait::Input,
            Ok(false) => Wait::TimedOut,
            Err(_) => Wait::HungUp,
        }
    }
}

/// Whether the terminal has hung up, without waiting.
pub fn hung_up() -> bool {
    wait_for_input(std::time::Duration::ZERO, None) == Wait::HungUp
}

/// Whether crossterm has an event ready now: one it has parsed already, or
/// input waiting on the terminal. (Its level-triggered source only looks
/// when given a timeout above zero; one microsecond polls without waiting.)
pub fn event_ready() -> io::Result<bool> {
    if hung_up() {
        return Ok(false);
    }
    crossterm::event::poll(std::time::Duration::from_micros(1))
}
