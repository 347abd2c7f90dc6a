//! The gate through which the terminal-reading thread shows a typed
//! character the moment it reads the key (issue 23): vim answers a key on
//! the thread that read it, and handing the key to the event loop first
//! costs a thread's wake-up before anything is shown.
//!
//! The event loop opens the gate with an [`EchoSpot`] when it is about to
//! wait, with the screen drawn and every event read so far taken; the
//! first event read after that closes it, and shows its character there
//! if it is a key that types one. The loop closes the gate when it wakes
//! and has the backend take in what was shown before it draws again. The
//! gate's lock keeps the two threads from writing to the terminal at once.

use std::io::Write;
use std::sync::{Arc, Mutex, PoisonError};

use crossterm::event::{Event, KeyEvent};

use super::{EchoSpot, Echoed};

/// What a key types where the gate opens (the app's keymap decides): the
/// character, when typing it is all the key does.
pub type Types = Arc<dyn Fn(&KeyEvent) -> Option<char> + Send + Sync>;

pub struct EchoGate {
    types: Types,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    spot: Option<EchoSpot>,
    /// Events read from the terminal so far.
    read: u64,
    /// Characters shown since the loop last closed the gate.
    shown: Vec<Echoed>,
}

impl EchoGate {
    pub fn new(types: Types) -> EchoGate {
        EchoGate {
            types,
            state: Mutex::new(State::default()),
        }
    }

    /// Opens the gate at `spot`, if the loop has taken all `taken` events
    /// read so far: a key still on its way may move the cursor.
    pub fn open(&self, spot: EchoSpot, taken: u64) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.spot = (state.read == taken).then_some(spot);
    }

    /// Counts an event read from the terminal (`None`: a failed read), and
    /// shows on `out` the character it types if the gate was open for it.
    pub fn pass(&self, event: Option<&Event>, out: &mut impl Write) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.read += 1;
        let Some(spot) = state.spot.take() else {
            return;
        };
        let Some(Event::Key(key)) = event else {
            return;
        };
        if let Some(c) = (self.types)(key)
            && let Ok(Some(echoed)) = spot.show(c, out)
        {
            state.shown.push(echoed);
        }
    }

    /// Closes the gate; returns what was shown through it, for the
    /// backend to take in before the next frame.
    pub fn close(&self) -> Vec<Echoed> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.spot = None;
        std::mem::take(&mut state.shown)
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyModifiers};
    use ratatui::backend::Backend;
    use ratatui::buffer::Buffer;
    use ratatui::layout::{Rect, Size};

    use super::*;
    use crate::tui::CompactBackend;

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    /// A gate where every letter but `q` types itself, and a spot at the
    /// start of a blank row.
    fn gate_and_spot() -> (EchoGate, EchoSpot) {
        let gate = EchoGate::new(Arc::new(|key: &KeyEvent| match key.code {
            KeyCode::Char(c) if c != 'q' => Some(c),
            _ => None,
        }));
        let area = Rect::new(0, 0, 10, 1);
        let mut backend = CompactBackend::with_size(Vec::new(), Size::new(10, 1));
        backend
            .draw(Buffer::empty(area).diff(&Buffer::empty(area)).into_iter())
            .expect("draw");
        backend.show_cursor().expect("cursor");
        backend.set_cursor_position((2, 0)).expect("cursor");
        let spot = backend.echo_spot(area).expect("a blank row offers a spot");
        (gate, spot)
    }

    #[test]
    fn the_first_key_after_opening_is_shown_and_closes_the_gate() {
        let (gate, spot) = gate_and_spot();
        gate.open(spot, 0);
        let mut out = Vec::new();
        gate.pass(Some(&key('中')), &mut out);
        gate.pass(Some(&key('a')), &mut out);
        assert_eq!(
            String::from_utf8_lossy(&out),
            "中",
            "only the first key is shown"
        );
        assert_eq!(gate.close().len(), 1);
        assert!(
            gate.close().is_empty(),
            "what was shown is handed over once"
        );
    }

    #[test]
    fn a_key_still_on_its_way_keeps_the_gate_shut() {
        let (gate, spot) = gate_and_spot();
        // One event read that the loop has not taken: it may move the cursor.
        gate.pass(Some(&Event::FocusGained), &mut std::io::sink());
        gate.open(spot.clone(), 0);
        let mut out = Vec::new();
        gate.pass(Some(&key('a')), &mut out);
        assert!(out.is_empty(), "shown while an earlier key was on its way");
        // Taken: the next opening shows.
        gate.open(spot, 2);
        gate.pass(Some(&key('a')), &mut out);
        assert_eq!(out, b"a");
    }

    #[test]
    fn any_other_event_first_closes_the_gate() {
        for first in [Some(key('q')), Some(Event::FocusLost), None] {
            let (gate, spot) = gate_and_spot();
            gate.open(spot, 0);
            let mut out = Vec::new();
            gate.pass(first.as_ref(), &mut out);
            gate.pass(Some(&key('a')), &mut out);
            assert!(out.is_empty(), "shown after {first:?}");
            assert!(gate.close().is_empty());
        }
    }
}
