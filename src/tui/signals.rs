//! Signals that ask zongjie to stop while a draft is open: SIGTERM (a
//! shutdown, `kill`), SIGHUP (the terminal window was closed) and SIGINT.
//! Dying at once would lose the unsaved text, so the handlers only raise a
//! flag and wake the event loop through a pipe ([`StopSignals::wake_fd`]);
//! the loop saves and restores the terminal.
//!
//! A second signal of the same kind while the first is being handled
//! ends the process the default way: a user who insists is obeyed. Saves
//! are atomic, so even that cannot leave a damaged draft.
//!
//! ```no_run
//! # fn main() -> std::io::Result<()> {
//! let signals = zongjie::tui::signals::StopSignals::install()?;
//! loop {
//!     // … wait on terminal events and on signals.wake_fd() …
//!     if let Some(signal) = signals.pending() {
//!         // save the draft if it changed (no question asked), restore the
//!         // terminal, and exit with signal.exit_code()
//!         std::process::exit(signal.exit_code());
//!     }
//! }
//! # }
//! ```

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A request to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopSignal {
    /// SIGINT (not sent by Ctrl+C in raw mode, only by `kill -INT`).
    Interrupt,
    /// SIGTERM.
    Terminate,
    /// SIGHUP: the terminal is gone, so nothing can be drawn or asked.
    Hangup,
}

impl StopSignal {
    /// The conventional exit status after this signal: 128 + its number.
    pub fn exit_code(self) -> i32 {
        128 + self.number()
    }

    fn number(self) -> i32 {
        #[cfg(unix)]
        {
            match self {
                StopSignal::Interrupt => libc::SIGINT,
                StopSignal::Terminate => libc::SIGTERM,
                StopSignal::Hangup => libc::SIGHUP,
            }
        }
        #[cfg(not(unix))]
        {
            match self {
                StopSignal::Interrupt => 2,
                StopSignal::Terminate => 15,
                StopSignal::Hangup => 1,
            }
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            StopSignal::Interrupt => "SIGINT",
            StopSignal::Terminate => "SIGTERM",
            StopSignal::Hangup => "SIGHUP",
        }
    }
}

const ALL: [StopSignal; 3] = [
    StopSignal::Interrupt,
    StopSignal::Terminate,
    StopSignal::Hangup,
];

/// Handlers for the stop signals, installed for as long as this lives.
#[derive(Debug)]
pub struct StopSignals {
    /// The number of the first signal that arrived, or 0.
    first: Arc<AtomicUsize>,
    #[cfg(unix)]
    ids: Vec<signal_hook::SigId>,
    /// Readable once a signal arrived, so the loop needs no timer to
    /// notice it (issue 23); its bytes mean nothing and are not read.
    #[cfg(unix)]
    wake: std::os::unix::net::UnixStream,
}

impl StopSignals {
    /// Installs the handlers.
    pub fn install() -> io::Result<StopSignals> {
        let first = Arc::new(AtomicUsize::new(0));
        #[cfg(unix)]
        {
            use signal_hook::flag;
            let (wake, sender) = std::os::unix::net::UnixStream::pair()?;
            wake.set_nonblocking(true)?;
            sender.set_nonblocking(true)?;
            let mut ids = Vec::new();
            for signal in ALL {
                let number = signal.number();
                let seen = Arc::new(AtomicBool::new(false));
                // Order matters: the check for a second signal runs before
                // the first one is noted.
                ids.push(flag::register_conditional_default(
                    number,
                    Arc::clone(&seen),
                )?);
                ids.push(flag::register(number, seen)?);
                ids.push(register_first(number, Arc::clone(&first))?);
                // After the flag: the loop woken by the pipe must find it set.
                ids.push(signal_hook::low_level::pipe::register(
                    number,
                    sender.try_clone()?,
                )?);
            }
            Ok(StopSignals { first, ids, wake })
        }
        #[cfg(not(unix))]
        {
            Ok(StopSignals { first })
        }
    }

    /// The descriptor that is readable once a stop signal arrived.
    #[cfg(unix)]
    pub fn wake_fd(&self) -> std::os::unix::io::RawFd {
        use std::os::unix::io::AsRawFd;
        self.wake.as_raw_fd()
    }

    /// The first stop signal that arrived since [`StopSignals::install`], if any.
    pub fn pending(&self) -> Option<StopSignal> {
        let number = self.first.load(Ordering::SeqCst);
        ALL.into_iter()
            .find(|s| usize::try_from(s.number()).is_ok_and(|n| n == number))
    }
}

/// Notes `number` in `first` unless an earlier signal is there already.
#[cfg(unix)]
fn register_first(number: i32, first: Arc<AtomicUsize>) -> io::Result<signal_hook::SigId> {
    let value = usize::try_from(number).unwrap_or(usize::MAX);
    let action = move || {
        let _ = first.compare_exchange(0, value, Ordering::SeqCst, Ordering::SeqCst);
    };
    // SAFETY: the action only does an atomic compare-exchange, which is
    // async-signal-safe: no allocation, no lock, no I/O.
    unsafe { signal_hook::low_level::register(number, action) }
}

/// Back to the default: the signals end the process again. (Merely
/// unregistering would leave them ignored.)
#[cfg(unix)]
impl Drop for StopSignals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
        for signal in ALL {
            let always = Arc::new(AtomicBool::new(true));
            let _ = signal_hook::flag::register_conditional_default(signal.number(), always);
        }
    }
}

/// Signals about the terminal itself (issue 15): SIGWINCH (resized),
/// SIGTSTP (asked to suspend, e.g. `kill -TSTP`) and SIGCONT (continued,
/// e.g. `fg`). Each raises its flag and wakes the event loop through a
/// pipe, so the loop needs no polling to notice them: a resize is drawn at
/// once, without waiting for a key.
#[cfg(unix)]
#[derive(Debug)]
pub struct TerminalSignals {
    /// Readable when a signal arrived; its bytes mean nothing.
    wake: std::os::unix::net::UnixStream,
    resized: Arc<AtomicBool>,
    suspend: Arc<AtomicBool>,
    continued: Arc<AtomicBool>,
    ids: Vec<signal_hook::SigId>,
}

/// What the terminal signals asked for since they were last taken.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TerminalEvents {
    pub resized: bool,
    pub suspend: bool,
    pub continued: bool,
}

#[cfg(unix)]
impl TerminalSignals {
    pub fn install() -> io::Result<TerminalSignals> {
        let (wake, sender) = std::os::unix::net::UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        sender.set_nonblocking(true)?;
        let resized = Arc::new(AtomicBool::new(false));
        let suspend = Arc::new(AtomicBool::new(false));
        let continued = Arc::new(AtomicBool::new(false));
        let mut ids = Vec::new();
        for (number, flag) in [
            (libc::SIGWINCH, &resized),
            (libc::SIGTSTP, &suspend),
            (libc::SIGCONT, &continued),
        ] {
            // The flag first: the loop woken by the pipe must find it set.
            ids.push(signal_hook::flag::register(number, Arc::clone(flag))?);
            ids.push(signal_hook::low_level::pipe::register(
                number,
                sender.try_clone()?,
            )?);
        }
        Ok(TerminalSignals {
            wake,
            resized,
            suspend,
            continued,
            ids,
        })
    }

    /// The descriptor to wait on next to the terminal.
    pub fn wake_fd(&self) -> std::os::unix::io::RawFd {
        use std::os::unix::io::AsRawFd;
        self.wake.as_raw_fd()
    }

    /// Takes what arrived, and empties the wake-up pipe.
    pub fn take(&self) -> TerminalEvents {
        use std::io::Read;
        let mut buf = [0u8; 64];
        while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
        TerminalEvents {
            resized: self.resized.swap(false, Ordering::SeqCst),
            suspend: self.suspend.swap(false, Ordering::SeqCst),
            continued: self.continued.swap(false, Ordering::SeqCst),
        }
    }

    /// Stops the process the way SIGTSTP would have (the caller has put
    /// the terminal back first); returns once it is continued.
    pub fn stop_now(&self) -> io::Result<()> {
        signal_hook::low_level::emulate_default_handler(libc::SIGTSTP)
    }
}

/// Back to the default: SIGTSTP stops the process again.
#[cfg(unix)]
impl Drop for TerminalSignals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}
