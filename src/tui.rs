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

impl Tui {
    pub fn init() -> io::Result<Tui> {
        install_panic_hook();
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
    TimedOut,
    /// The terminal is gone (window closed, connection dropped).
    HungUp,
}

/// Waits up to `timeout` for input on the terminal (standard input).
///
/// crossterm's own poll spins for ever on a terminal that has hung up (its
/// reads return 0 and it reads again), so the loop asks the kernel first: a
/// hang-up is reported instead, and the draft can be saved.
pub fn wait_for_input(timeout: std::time::Duration) -> Wait {
    #[cfg(unix)]
    {
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        let millis = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
        // SAFETY: one valid pollfd, and its count is 1.
        let n = unsafe { libc::poll(&mut fd, 1, millis) };
        if n < 0 {
            // Interrupted by a signal: let the loop look at it.
            return Wait::TimedOut;
        }
        if fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Wait::HungUp;
        }
        if n == 0 { Wait::TimedOut } else { Wait::Input }
    }
    #[cfg(not(unix))]
    {
        match crossterm::event::poll(timeout) {
            Ok(true) => Wait::Input,
            Ok(false) => Wait::TimedOut,
            Err(_) => Wait::HungUp,
        }
    }
}

/// Whether the terminal has hung up, without waiting.
pub fn hung_up() -> bool {
    wait_for_input(std::time::Duration::ZERO) == Wait::HungUp
}
