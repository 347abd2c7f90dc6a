//! Characters shown ahead of their frames (issue 23): whatever the frame
//! turns out to be, the screen after it is that frame.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::super::CompactBackend;
use super::vt::{Shown, Vt};
use super::whole_frames::{HEIGHT, WIDTH, compact_terminal, editor_app, fresh, key};
use super::{frame_strategy_of, stock};
use crate::app::App;

/// Mostly blanks, as a field's empty end of row is.
const SPARSE_PALETTE: &[&str] = &[" ", " ", " ", " ", " ", "a", "中", "。", "😀"];

/// One step of typing: where the frame leaves the cursor, the field area
/// the echo is asked for, the character typed, and the frame the key
/// then brings (which may or may not show that character there); `None`
/// for a key that changed nothing, whose frame is the one before.
fn echo_step(
    width: u16,
    height: u16,
) -> impl Strategy<Value = (Option<Buffer>, (u16, u16), Rect, char)> {
    (
        prop::option::weighted(0.6, frame_strategy_of(SPARSE_PALETTE, width, height)),
        (0..width, 0..height),
        (0..width, 0..height, 1..=width, 1..=height),
        prop::sample::select(vec!['中', 'a', '，', '😀', ' ', '\u{301}']),
    )
        .prop_map(move |(frame, cursor, (x, y, w, h), c)| {
            let area = Rect::new(x, y, w.min(width - x), h.min(height - y));
            (frame, cursor, area, c)
        })
}

/// The screen a frame leaves on a blank terminal, drawn whole.
fn fresh_screen(frame: &Buffer) -> Vec<Shown> {
    let mut vt = Vt::new(frame.area.width, frame.area.height);
    for bytes in stock(std::slice::from_ref(frame)) {
        vt.feed(&bytes);
    }
    vt.cells
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Whatever a character shown ahead of its frame turns out to be —
    /// the frame shows it there, in another style, something else, or
    /// nothing (a key that did nothing) — the screen after the frame is
    /// that frame, as a fresh redraw shows it.
    #[test]
    fn echoes_ahead_of_a_frame_leave_the_frame(steps in prop::collection::vec(echo_step(9, 3), 1..6)) {
        let area = Rect::new(0, 0, 9, 3);
        let mut backend = CompactBackend::with_size(Vec::new(), ratatui::layout::Size::new(area.width, area.height));
        let mut vt = Vt::new(area.width, area.height);
        let mut previous = Buffer::empty(area);
        for (i, (frame, cursor, field, c)) in steps.into_iter().enumerate() {
            let mut frame = frame.unwrap_or_else(|| previous.clone());
            crate::tui::settle_wide_characters(&mut frame);
            if i > 0 {
                backend.echo(field, c).expect("echo");
                vt.feed(&std::mem::take(backend.writer_mut()));
            }
            backend.draw(previous.diff(&frame).into_iter()).expect("draw");
            backend.show_cursor().expect("cursor");
            backend.set_cursor_position(cursor).expect("cursor");
            vt.feed(&std::mem::take(backend.writer_mut()));
            prop_assert_eq!(&vt.cells, &fresh_screen(&frame), "after frame {}", i);
            previous = frame;
        }
    }
}

#[test]
fn a_character_echoed_ahead_is_not_sent_again_by_its_frame() {
    let area = Rect::new(0, 0, 12, 2);
    let field = Rect::new(1, 0, 10, 1);
    let mut before = Buffer::empty(area);
    before.set_string(0, 0, "│党建", Style::default());
    before.set_string(
        0,
        1,
        " 12 字",
        Style::default().add_modifier(Modifier::REVERSED),
    );
    let mut after = before.clone();
    after.set_string(5, 0, "中", Style::default());
    after.set_string(
        0,
        1,
        " 13 字",
        Style::default().add_modifier(Modifier::REVERSED),
    );
    let mut backend = CompactBackend::with_size(Vec::new(), ratatui::layout::Size::new(12, 2));
    backend
        .draw(Buffer::empty(area).diff(&before).into_iter())
        .expect("draw");
    backend.show_cursor().expect("cursor");
    backend.set_cursor_position((5, 0)).expect("cursor");
    std::mem::take(backend.writer_mut());

    assert!(
        backend.echo(field, '中').expect("echo"),
        "the character was not shown ahead"
    );
    let echo = std::mem::take(backend.writer_mut());
    assert_eq!(
        String::from_utf8_lossy(&echo),
        "中",
        "the echo is the character alone, at the cursor"
    );
    backend.draw(before.diff(&after).into_iter()).expect("draw");
    backend.set_cursor_position((7, 0)).expect("cursor");
    let frame = String::from_utf8_lossy(backend.writer_mut()).into_owned();
    assert!(
        !frame.contains('中'),
        "the frame sent the echoed character again: {frame:?}"
    );
    assert!(
        frame.contains('3'),
        "the frame did not bring the count: {frame:?}"
    );
    assert!(
        frame.ends_with("\x1b[1;8H"),
        "the cursor is not put back after the echo: {frame:?}"
    );

    // In the middle of the text the rest of the row moves along with it,
    // written up to the last cell that changes.
    std::mem::take(backend.writer_mut());
    backend.set_cursor_position((1, 0)).expect("cursor");
    std::mem::take(backend.writer_mut());
    assert!(
        backend.echo(field, 'a').expect("echo"),
        "not echoed before text"
    );
    assert_eq!(
        String::from_utf8_lossy(&std::mem::take(backend.writer_mut())),
        "a党建中",
        "the row did not move along"
    );
    // Not past the field's edge, nor inside a wide character, nor a
    // character of unsure width.
    backend.set_cursor_position((10, 0)).expect("cursor");
    assert!(
        !backend.echo(field, '中').expect("echo"),
        "echoed past the field's edge"
    );
    backend.set_cursor_position((7, 0)).expect("cursor");
    assert!(
        !backend.echo(field, 'a').expect("echo"),
        "echoed inside a wide character"
    );
    backend.set_cursor_position((9, 0)).expect("cursor");
    assert!(!backend.echo(field, '😀').expect("echo"), "echoed an emoji");
    assert!(
        backend.echo(field, 'a').expect("echo"),
        "did not echo at the end of the text"
    );
}

/// Typing at the end of the title: the character goes out alone, at
/// once, and the key's frame brings the rest without it; a key that
/// opens a popup, or a letter typed in the outline, is not echoed.
#[test]
fn a_character_typed_at_the_end_of_a_field_is_shown_before_its_frame() {
    let mut app = editor_app("echo");
    let mut terminal = compact_terminal();
    let mut cache = crate::ui::DrawCache::new();
    let mut shown = Vt::new(WIDTH, HEIGHT);
    // The same frames drawn without echoes, to see what the echo saved.
    let mut twin = compact_terminal();
    let mut twin_cache = crate::ui::DrawCache::new();
    let mut press = |app: &mut App,
                     key: KeyEvent,
                     terminal: &mut Terminal<CompactBackend<Vec<u8>>>| {
        let echoed = crate::run::echo_through_gate(terminal, app, &cache, key);
        let echo = std::mem::take(terminal.backend_mut().writer_mut());
        app.handle_key(key);
        crate::tui::draw(terminal, |f| crate::ui::draw(f, app, &mut cache)).expect("draw");
        crate::tui::draw(&mut twin, |f| crate::ui::draw(f, app, &mut twin_cache)).expect("draw");
        app.dirty_screen = false;
        let frame = std::mem::take(terminal.backend_mut().writer_mut());
        let unechoed = std::mem::take(twin.backend_mut().writer_mut());
        shown.feed(&echo);
        shown.feed(&frame);
        assert_eq!(
            shown.cells,
            fresh_screen(&fresh(app)),
            "the screen after {key:?}"
        );
        let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("UTF-8");
        (echoed, text(echo), text(frame), text(unechoed))
    };
    let (echoed, ..) = press(
        &mut app,
        key(KeyCode::Char('a'), KeyModifiers::NONE),
        &mut terminal,
    );
    assert!(!echoed, "a letter in the outline was echoed");
    press(
        &mut app,
        key(KeyCode::Enter, KeyModifiers::NONE),
        &mut terminal,
    );
    press(
        &mut app,
        key(KeyCode::End, KeyModifiers::NONE),
        &mut terminal,
    );
    let (echoed, echo, frame, unechoed) = press(
        &mut app,
        key(KeyCode::Char('中'), KeyModifiers::NONE),
        &mut terminal,
    );
    assert!(echoed, "the character was not shown ahead of its frame");
    assert_eq!(echo, "中", "the echo is not the character alone");
    assert_eq!(
        frame.matches('中').count() + 1,
        unechoed.matches('中').count(),
        "the frame sent the character again: {frame:?} (without the echo: {unechoed:?})"
    );
    // At the start of the title the row moves along, shown ahead too: the
    // frame then sends less than it would have.
    press(
        &mut app,
        key(KeyCode::Home, KeyModifiers::NONE),
        &mut terminal,
    );
    let (echoed, echo, frame, unechoed) = press(
        &mut app,
        key(KeyCode::Char('新'), KeyModifiers::NONE),
        &mut terminal,
    );
    assert!(echoed, "not shown ahead at the start of the text");
    assert!(
        echo.starts_with('新'),
        "the echo does not start with the character: {echo:?}"
    );
    assert!(
        frame.len() + echo.len() <= unechoed.len() + 8 && frame.len() < unechoed.len(),
        "the frame sent what the echo showed: {frame:?} (without the echo: {unechoed:?})"
    );
    let (echoed, ..) = press(
        &mut app,
        key(KeyCode::Char('f'), KeyModifiers::CONTROL),
        &mut terminal,
    );
    assert!(!echoed, "Ctrl+F was echoed");
    let (echoed, ..) = press(
        &mut app,
        key(KeyCode::Char('x'), KeyModifiers::NONE),
        &mut terminal,
    );
    assert!(
        !echoed,
        "a letter typed into the find bar was echoed into the field"
    );
}
