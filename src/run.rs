//! The interactive session: the event loop that feeds terminal events to
//! the application, draws when something changed, and has the effects the
//! application asks for performed (`session.rs`: saving, exporting,
//! managing drafts), each answered with a typed outcome.

use std::io;
use std::time::{Duration, Instant};

use crossterm::event;

use crate::app::App;
use crate::storage::{Exports, Store};
use crate::tui::signals::StopSignals;
use crate::tui::{CompactBackend, EchoGate, Prepared, Tui, Wait};

mod open;
mod session;

pub use open::{Opened, open_draft};
use session::Session;

/// Runs the full-screen interface on the terminal `prepared` for it
/// ([`crate::tui::prepare_in_background`]) until the writer quits. Returns
/// the exit code a stop signal asks for, if one ended the session.
///
/// The loop sleeps in one place, on the events a thread reads from the
/// terminal and on the pipes that the terminal and stop signals write to,
/// so none waits on another: a resize is drawn at once, the key after it
/// is handled at once, and an idle editor does not wake up at all (a timer
/// runs only when something has a deadline; issue 23).
pub fn run(
    mut app: App,
    store: &Store,
    opened: Opened,
    prepared: Prepared,
) -> io::Result<Option<i32>> {
    let signals = StopSignals::install().ok();
    // Made before the terminal is taken, dropped after it is given back:
    // the lines naming rescue files are printed where the writer sees them.
    let _rescue = crate::storage::rescue::ExitGuard::new();
    #[cfg(unix)]
    let terminal_signals = crate::tui::signals::TerminalSignals::install().ok();
    #[cfg(unix)]
    let wakes: Vec<i32> = terminal_signals
        .as_ref()
        .map(crate::tui::signals::TerminalSignals::wake_fd)
        .into_iter()
        .chain(signals.as_ref().map(StopSignals::wake_fd))
        .collect();
    #[cfg(not(unix))]
    let wakes: Vec<i32> = Vec::new();
    let mut tui = Tui::take(prepared)?;
    // What a key types, decided by the keymap the session started with.
    let keymap = app.settings.keymap.clone();
    let gate = std::sync::Arc::new(EchoGate::new(std::sync::Arc::new(move |key| {
        crate::app::typed_by(&keymap, key)
    })));
    let input = crate::tui::Input::start(gate.clone())?;
    let size = tui.terminal.size()?;
    app.size = (size.width, size.height);
    let mut session = Session {
        store,
        exports: Exports::default(),
        opened,
    };
    session.note_read_only(&mut app);
    session.offer_rescues(&mut app);
    session.go_back_to_position(&mut app);
    let mut more_input = false;
    // What drawing keeps from frame to frame on this terminal.
    let mut draw_cache = crate::ui::DrawCache::new();
    loop {
        if let Some(signal) = signals.as_ref().and_then(StopSignals::pending) {
            session.save_before_stopping(&mut app);
            return Ok(Some(signal.exit_code()));
        }
        #[cfg(unix)]
        if let Some(terminal_signals) = &terminal_signals {
            answer_terminal_signals(terminal_signals, &mut tui, &mut app);
        }
        if app.dirty_screen {
            crate::tui::draw(&mut tui.terminal, |frame| {
                crate::ui::draw(frame, &app, &mut draw_cache)
            })?;
            app.dirty_screen = false;
        }
        if app.quit {
            break;
        }
        // Work that can wait (checking a draft just opened) runs once the
        // writer pauses, so it never delays the first frame or a key.
        // Signals wake the loop through their pipes: no timer unless a
        // deadline exists.
        let timeout = if app.idle_pending() {
            Some(IDLE_AFTER)
        } else {
            app.next_deadline()
                .map(|d| d.saturating_duration_since(Instant::now()))
        };
        // One wait for everything: the events the input thread read, the
        // terminal and stop signals, a hang-up of the terminal, and the
        // deadline.
        #[cfg(unix)]
        let ready = Some(input.ready_fd());
        #[cfg(not(unix))]
        let ready = None;
        // Events left over from a long batch are taken without waiting.
        let wait = if more_input {
            Wait::Input
        } else {
            // While the loop waits, the reading thread shows a typed
            // character at once (issue 23); the backend takes in what it
            // showed before anything else is written.
            open_gate(&mut tui.terminal, &app, &draw_cache, &gate, input.taken());
            let wait = crate::tui::wait_for_input(timeout, ready, &wakes);
            close_gate(&mut tui.terminal, &gate);
            wait
        };
        match wait {
            Wait::HungUp => {
                // Nothing can be drawn or asked any more: keep the text and go.
                session.save_before_stopping(&mut app);
                return Ok(Some(HANGUP_EXIT));
            }
            Wait::Input => {
                // Take every event already waiting before drawing again.
                input.clear_ready();
                let mut budget = 256;
                while let Some(event) = input.next() {
                    let event = event?;
                    if let event::Event::Resize(width, height) = event {
                        // crossterm's own note of a resize the signal pipe
                        // already brought is not drawn a second time.
                        if (width, height) != app.size {
                            let size = tui.redraw_all().unwrap_or((width, height));
                            app.handle_event(event::Event::Resize(size.0, size.1));
                        }
                    } else {
                        let effects = app.handle_event(event);
                        session.perform(&mut app, effects);
                    }
                    budget -= 1;
                    if app.quit || budget == 0 {
                        break;
                    }
                }
                more_input = budget == 0;
            }
            Wait::Woken => {}
            Wait::TimedOut => {
                if app.idle_pending() {
                    app.idle();
                }
                let now = Instant::now();
                if app.next_deadline().is_some_and(|d| d <= now) {
                    let effects = app.tick(now);
                    session.perform(&mut app, effects);
                }
            }
        }
    }
    Ok(None)
}

/// Opens `gate` where a character typed next may be shown ahead of its
/// frame: the cursor in the field being typed in, as the last frame drew
/// it, when the screen shows the app as it is.
pub(crate) fn open_gate<W: std::io::Write>(
    terminal: &mut ratatui::Terminal<CompactBackend<W>>,
    app: &App,
    cache: &crate::ui::DrawCache,
    gate: &EchoGate,
    taken: u64,
) {
    if app.dirty_screen || !app.typing_here() {
        return;
    }
    if let Some(spot) = cache
        .typing_area()
        .and_then(|area| terminal.backend().echo_spot(area))
    {
        gate.open(spot, taken);
    }
}

/// Closes `gate`; the backend takes in what was shown through it.
pub(crate) fn close_gate<W: std::io::Write>(
    terminal: &mut ratatui::Terminal<CompactBackend<W>>,
    gate: &EchoGate,
) {
    close_gate_with(terminal, gate.close());
}

fn close_gate_with<W: std::io::Write>(
    terminal: &mut ratatui::Terminal<CompactBackend<W>>,
    echoed: Vec<crate::tui::Echoed>,
) {
    for echoed in echoed {
        terminal.backend_mut().adopt(echoed);
    }
}

/// One key through the gate as the session passes it: opened after the
/// frame, the key read (its character shown on the terminal's stream),
/// closed. Returns whether the character was shown.
#[cfg(test)]
pub(crate) fn echo_through_gate(
    terminal: &mut ratatui::Terminal<CompactBackend<Vec<u8>>>,
    app: &App,
    cache: &crate::ui::DrawCache,
    key: crossterm::event::KeyEvent,
) -> bool {
    let keymap = app.settings.keymap.clone();
    let gate = EchoGate::new(std::sync::Arc::new(move |key| {
        crate::app::typed_by(&keymap, key)
    }));
    open_gate(terminal, app, cache, &gate, 0);
    let mut shown = Vec::new();
    gate.pass(Some(&event::Event::Key(key)), &mut shown);
    terminal.backend_mut().writer_mut().extend(shown);
    let echoed = gate.close();
    let any = !echoed.is_empty();
    close_gate_with(terminal, echoed);
    any
}

/// Answers a resize (drawn at once at the new size), a request to suspend
/// (the terminal put back before stopping, as vim does) and a continue
/// (full-screen mode again, drawn whole at the size the window has now).
#[cfg(unix)]
fn answer_terminal_signals(
    signals: &crate::tui::signals::TerminalSignals,
    tui: &mut Tui,
    app: &mut App,
) {
    let mut events = signals.take();
    if events.suspend {
        // Stopped only once the terminal is the shell's again: an editor
        // stopped on a raw terminal would leave the writer stuck.
        if tui.suspend().is_ok() && signals.stop_now().is_ok() {
            // Continued: what arrived while stopped is answered below.
            events = signals.take();
        }
        events.continued = true;
    }
    let size = if events.continued {
        tui.resume()
    } else if events.resized {
        tui.redraw_all()
    } else {
        return;
    };
    // A terminal that cannot be asked its size is drawn as it was; one
    // that is gone is noticed by the next wait, which saves the text.
    match size {
        Ok((width, height)) => {
            app.handle_event(event::Event::Resize(width, height));
        }
        Err(_) => app.dirty_screen = true,
    }
}

/// How long the writer pauses before deferred work runs.
const IDLE_AFTER: Duration = Duration::from_millis(150);
/// The exit status after the terminal hung up, as if by SIGHUP (128 + 1).
const HANGUP_EXIT: i32 = 129;
