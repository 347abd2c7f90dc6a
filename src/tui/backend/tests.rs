//! The compact backend against the stock crossterm one: both byte streams
//! go through a tiny terminal emulator and must leave the same screen.

use std::io::Write;

use proptest::prelude::*;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::CompactBackend;

mod echo;
mod vt;

use vt::{Shown, Vt};

/// Draws `frames` one after the other (each as a diff from the previous
/// one, as ratatui's Terminal does) and returns the bytes of each frame.
fn render<B: Backend>(
    backend: &mut B,
    frames: &[Buffer],
    take: impl Fn(&mut B) -> Vec<u8>,
) -> Vec<Vec<u8>> {
    let mut previous = Buffer::empty(frames[0].area);
    let mut out = Vec::new();
    for frame in frames {
        backend.draw(previous.diff(frame).into_iter()).ok();
        backend.flush().ok();
        out.push(take(backend));
        previous = frame.clone();
    }
    out
}

/// A writer the test keeps a handle on (the stock backend hides its own).
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub(super) fn stock(frames: &[Buffer]) -> Vec<Vec<u8>> {
    let out = Shared::default();
    render(&mut CrosstermBackend::new(out.clone()), frames, |_| {
        std::mem::take(&mut *out.0.borrow_mut())
    })
}

fn compact(frames: &[Buffer]) -> Vec<Vec<u8>> {
    let area = frames[0].area;
    let size = ratatui::layout::Size::new(area.width, area.height);
    render(
        &mut CompactBackend::with_size(Vec::new(), size),
        frames,
        |b| std::mem::take(b.writer_mut()),
    )
}

/// The screens the two backends leave after each frame.
fn screens(frames: &[Buffer]) -> (Vec<Vec<Shown>>, Vec<Vec<Shown>>) {
    let area = frames[0].area;
    let run = |outputs: Vec<Vec<u8>>| {
        let mut vt = Vt::new(area.width, area.height);
        outputs
            .iter()
            .map(|bytes| {
                vt.feed(bytes);
                vt.cells.clone()
            })
            .collect::<Vec<_>>()
    };
    (run(stock(frames)), run(compact(frames)))
}

fn cursor_moves(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    text.split('\x1b')
        .skip(1)
        .filter(|s| {
            s.strip_prefix('[').is_some_and(|s| {
                let end = s.find(|c: char| !(c.is_ascii_digit() || c == ';'));
                end.is_some_and(|e| matches!(&s[e..e + 1], "H" | "C"))
            })
        })
        .count()
}

fn sample_frames() -> Vec<Buffer> {
    let area = Rect::new(0, 0, 30, 4);
    let mut a = Buffer::empty(area);
    a.set_string(
        0,
        0,
        "┌ 大纲 ─────┐ Outline",
        Style::default().fg(Color::Cyan),
    );
    a.set_string(0, 1, "（一）政治建设方面。制定《方案》", Style::default());
    a.set_string(
        2,
        2,
        "emoji 😀 ❤️ e\u{301}!",
        Style::default().add_modifier(Modifier::BOLD),
    );
    a.set_string(
        0,
        3,
        " 已保存 10:42 · 全文 4,310 字 ",
        Style::default()
            .add_modifier(Modifier::REVERSED)
            .bg(Color::Rgb(10, 20, 30)),
    );
    let mut b = a.clone();
    b.set_string(0, 1, "中（一）政治建设方面。制定《方", Style::default());
    b.set_string(
        2,
        2,
        "ab😀c",
        Style::default()
            .fg(Color::Indexed(200))
            .add_modifier(Modifier::DIM),
    );
    b.set_string(0, 3, " 未保存", Style::default().fg(Color::Yellow));
    vec![a, b]
}

#[test]
fn leaves_the_same_screen_as_the_stock_backend() {
    let (stock, compact) = screens(&sample_frames());
    assert_eq!(stock, compact);
    // And that screen is the buffer.
    let frames = sample_frames();
    let last = frames.last().expect("frames");
    let screen = compact.last().expect("screens");
    for (i, cell) in last.content().iter().enumerate() {
        if !screen[i].continuation {
            assert_eq!(screen[i].text, cell.symbol(), "cell {i}");
        }
    }
}

#[test]
fn a_run_of_chinese_text_costs_one_cursor_move() {
    let area = Rect::new(0, 0, 60, 2);
    let mut frame = Buffer::empty(area);
    frame.set_string(
        4,
        1,
        "对照上级党委要求和群众期盼我们的党建工作",
        Style::default(),
    );
    let stock = stock(std::slice::from_ref(&frame)).remove(0);
    let compact = compact(std::slice::from_ref(&frame)).remove(0);
    assert_eq!(cursor_moves(&compact), 1);
    assert!(cursor_moves(&stock) >= 20);
    assert!(
        compact.len() * 3 < stock.len(),
        "{} vs {}",
        compact.len(),
        stock.len()
    );
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let area = Rect::new(0, 0, 12, 1);
    let mut frame = Buffer::empty(area);
    frame[(0, 0)].set_symbol("\x1b[2J");
    frame[(1, 0)].set_symbol("\u{9b}");
    frame[(2, 0)].set_symbol("\x07");
    frame[(3, 0)].set_symbol("a\u{7f}");
    frame[(4, 0)].set_symbol("ok");
    let bytes = compact(std::slice::from_ref(&frame)).remove(0);
    let mut vt = Vt::new(12, 1);
    vt.feed(&bytes); // panics on any raw control character
    let text: String = vt.cells.iter().map(|c| c.text.as_str()).collect();
    assert!(text.contains("\u{fffd}[2J"), "{text:?}");
    assert!(!text.contains('\x1b') && !text.contains('\u{9b}') && !text.contains('\x07'));
}

#[test]
fn cursor_visibility_and_position_are_sent_only_when_they_change() {
    let mut backend = CompactBackend::new(Vec::new());
    backend.show_cursor().ok();
    backend.set_cursor_position((3, 4)).ok();
    backend.show_cursor().ok();
    backend.set_cursor_position((3, 4)).ok();
    backend.writer_mut().flush().ok();
    assert_eq!(backend.writer(), b"\x1b[?25h\x1b[5;4H");
}

const PALETTE: &[&str] = &[
    "a",
    "Z",
    " ",
    "中",
    "。",
    "（",
    "，",
    "“",
    "😀",
    "❤\u{fe0f}",
    "e\u{301}",
    "─",
    "│",
    "…",
    "ｘ",
];

/// The palette's symbols every terminal gives the same width.
const SURE_PALETTE: &[&str] = &[
    "a", "Z", " ", "中", "。", "（", "，", "“", "─", "│", "…", "ｘ",
];

fn frame_strategy(width: u16, height: u16) -> impl Strategy<Value = Buffer> {
    frame_strategy_of(PALETTE, width, height)
}

pub(super) fn frame_strategy_of(
    palette: &'static [&'static str],
    width: u16,
    height: u16,
) -> impl Strategy<Value = Buffer> {
    let cell = (0..palette.len(), 0u8..4, 0u8..3, 0u8..4);
    prop::collection::vec(cell, usize::from(width) * usize::from(height)).prop_map(move |cells| {
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
        for (i, (symbol, fg, bg, modifier)) in cells.into_iter().enumerate() {
            let x = (i % usize::from(width)) as u16;
            let y = (i / usize::from(width)) as u16;
            let fg = [
                Color::Reset,
                Color::Red,
                Color::Indexed(33),
                Color::Rgb(1, 2, 3),
            ][usize::from(fg)];
            let bg = [Color::Reset, Color::Blue, Color::DarkGray][usize::from(bg)];
            let modifier = [
                Modifier::empty(),
                Modifier::BOLD,
                Modifier::REVERSED | Modifier::DIM,
                Modifier::UNDERLINED | Modifier::ITALIC,
            ][usize::from(modifier)];
            // Through set_string, as widgets write: wide characters take
            // their trailing cell, and do not fit in the last column.
            buffer.set_string(
                x,
                y,
                palette[symbol],
                Style::default().fg(fg).bg(bg).add_modifier(modifier),
            );
        }
        buffer
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_frames_leave_the_same_screen(frames in prop::collection::vec(frame_strategy(9, 3), 1..4)) {
        let (stock, compact) = screens(&frames);
        prop_assert_eq!(stock, compact);
    }
}

/// The editor through this backend, key after key: what the terminal shows
/// after each key's frame (only the cells that changed sent) equals a
/// fresh full redraw of the same state, drawn from nothing (an empty draw
/// cache) and sent to a blank terminal by the stock backend (issue 23).
pub(super) mod whole_frames {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::backend::TestBackend;
    use ratatui::{Terminal, TerminalOptions, Viewport};

    use super::*;
    use crate::app::{App, Settings};
    use crate::storage::{DraftId, DraftLocation};

    pub(super) const WIDTH: u16 = 100;
    pub(super) const HEIGHT: u16 = 30;
    pub(super) const TEXT: &str = "县党支部2026年上半年党建工作总结\n今年上半年，党支部坚持以习近平新时代中国特色社会主义思想为指导。\n一、基本情况\n（一）加强理论学习，筑牢思想根基\n组织集中学习12次、专题研讨4次，党员干部的理论素养进一步提升，群众满意度和获得感持续提升。\n二、存在问题\n一是学习不够深入。二是创新不足。\n三、下一步打算\n（一）继续加强学习\n坚持不懈抓好学习。";

    pub(super) fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn keys() -> impl Strategy<Value = KeyEvent> {
        prop_oneof![
            6 => prop::sample::select(vec!['中', '，', '。', 'a', ' ', 'j', 'k'])
                .prop_map(|c| key(KeyCode::Char(c), KeyModifiers::NONE)),
            6 => prop::sample::select(vec![
                KeyCode::Enter, KeyCode::Backspace, KeyCode::Left, KeyCode::Right,
                KeyCode::Up, KeyCode::Down, KeyCode::End, KeyCode::Home, KeyCode::Esc,
            ])
            .prop_map(|c| key(c, KeyModifiers::NONE)),
            1 => prop::sample::select(vec![KeyCode::Right, KeyCode::End])
                .prop_map(|c| key(c, KeyModifiers::SHIFT)),
        ]
    }

    /// An editor on [`TEXT`] in a window of [`WIDTH`] x [`HEIGHT`].
    pub(super) fn editor_app(id: &str) -> App {
        let doc = crate::plain_text::import_text(TEXT).document;
        let location = DraftLocation {
            id: DraftId::parse(id).ok(),
            path: format!("/nonexistent/{id}.toml").into(),
            backup: format!("/nonexistent/{id}.bak.toml").into(),
        };
        let mut app = App::with_editor(Settings::default(), doc, location);
        app.size = (WIDTH, HEIGHT);
        app
    }

    /// A terminal of [`WIDTH`] x [`HEIGHT`] through the compact backend, with
    /// a fixed viewport: its size is never asked of a real terminal.
    pub(super) fn compact_terminal() -> Terminal<CompactBackend<Vec<u8>>> {
        Terminal::with_options(
            CompactBackend::with_size(Vec::new(), ratatui::layout::Size::new(WIDTH, HEIGHT)),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
            },
        )
        .expect("terminal")
    }

    /// The frame drawn from nothing: a new terminal, an empty draw cache.
    pub(super) fn fresh(app: &App) -> Buffer {
        let mut t = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
        t.draw(|f| crate::ui::draw_fresh(f, app))
            .expect("draw")
            .buffer
            .clone()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn the_screen_after_every_key_is_a_fresh_redraw(steps in prop::collection::vec(keys(), 1..40)) {
            let mut app = editor_app("prop");
            let mut terminal = compact_terminal();
            let mut shown = Vt::new(WIDTH, HEIGHT);
            let mut kept = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
            // The app's screen and a TestBackend, each with a kept draw cache.
            let mut cache = crate::ui::DrawCache::new();
            let mut kept_cache = crate::ui::DrawCache::new();
            for (i, step) in steps.into_iter().enumerate() {
                // As the runner does: the character first, then the frame.
                if i > 0 {
                    crate::run::echo_through_gate(&mut terminal, &app, &cache, step);
                }
                app.handle_key(step);
                crate::tui::draw(&mut terminal, |f| crate::ui::draw(f, &app, &mut cache)).expect("draw");
                app.dirty_screen = false;
                shown.feed(&std::mem::take(terminal.backend_mut().writer_mut()));
                let kept_buffer = kept
                    .draw(|f| crate::ui::draw(f, &app, &mut kept_cache))
                    .expect("draw")
                    .buffer
                    .clone();
                let fresh_buffer = fresh(&app);
                prop_assert_eq!(&kept_buffer, &fresh_buffer, "the buffer after key {} ({:?})", i, step);
                let mut blank = Vt::new(WIDTH, HEIGHT);
                for bytes in stock(&[fresh_buffer]) {
                    blank.feed(&bytes);
                }
                let row = |vt: &Vt, y: usize| {
                    let w = usize::from(WIDTH);
                    vt.cells[y * w..(y + 1) * w].iter().map(|c| c.text.as_str()).collect::<String>()
                };
                let differ: Vec<String> = (0..usize::from(HEIGHT))
                    .filter(|&y| {
                        let w = usize::from(WIDTH);
                        shown.cells[y * w..(y + 1) * w] != blank.cells[y * w..(y + 1) * w]
                    })
                    .map(|y| {
                        let w = usize::from(WIDTH);
                        let x = (0..w).find(|&x| shown.cells[y * w + x] != blank.cells[y * w + x]).unwrap_or(0);
                        format!(
                            "row {y}: shown {:?} / fresh {:?}; column {x}: {:?} / {:?}",
                            row(&shown, y),
                            row(&blank, y),
                            shown.cells[y * w + x],
                            blank.cells[y * w + x]
                        )
                    })
                    .collect();
                prop_assert!(
                    differ.is_empty(),
                    "the screen after key {} ({:?}) is not a fresh redraw: {:#?}",
                    i,
                    step,
                    differ
                );
            }
        }
    }
}

/// A frame of panes as zongjie draws them: `frame`, then rows `top..=bottom`
/// of the columns `left..right` moved down (`by` > 0) or up, the rows left
/// behind filled with new text, and a few cells changed elsewhere (a count).
fn shifted(
    frame: &Buffer,
    (top, bottom, by): (u16, u16, i16),
    (left, right): (u16, u16),
    fill: &str,
) -> Buffer {
    let mut next = frame.clone();
    let area = frame.area;
    let bottom = bottom.min(area.height - 1);
    for y in top..=bottom {
        let from = i32::from(y) - i32::from(by);
        for x in left..right.min(area.width) {
            next[(x, y)] = if (i32::from(top)..=i32::from(bottom)).contains(&from) {
                frame[(x, u16::try_from(from).expect("row"))].clone()
            } else {
                ratatui::buffer::Cell::EMPTY
            };
        }
        if !(i32::from(top)..=i32::from(bottom)).contains(&from) {
            next.set_stringn(
                left,
                y,
                fill,
                usize::from(right.saturating_sub(left)),
                Style::default(),
            );
        }
    }
    next.set_string(
        area.width - 3,
        area.height - 1,
        "42",
        Style::default().add_modifier(Modifier::REVERSED),
    );
    crate::tui::settle_wide_characters(&mut next);
    next
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Rows of one pane moving while the pane beside them stays: the screen
    /// (scroll region, lines inserted or deleted, the rest redrawn) is the
    /// stock backend's, which rewrites every moved cell.
    #[test]
    fn moved_rows_leave_the_same_screen(
        first in prop_oneof![
            4 => frame_strategy_of(SURE_PALETTE, 40, 12),
            1 => frame_strategy(40, 12),
        ],
        top in 0u16..6,
        len in 2u16..10,
        by in prop::sample::select(vec![1i16, -1, 2, -2, 3]),
        left in 0u16..12,
        fill in prop::sample::select(vec!["", "中文一行", "abc 中"]),
    ) {
        let mut first = first;
        crate::tui::settle_wide_characters(&mut first);
        let second = shifted(&first, (top, top + len, by), (left, 40), fill);
        let third = shifted(&second, (top, top + len, -by), (left, 40), fill);
        let frames = [first, second, third];
        let (stock, compact) = screens(&frames);
        for (i, (stock, compact)) in stock.iter().zip(&compact).enumerate() {
            let differ = (0..stock.len()).find(|&c| stock[c] != compact[c]);
            prop_assert!(
                differ.is_none(),
                "frame {}: cell {:?} differs: stock {:?}, compact {:?}; compact bytes {:?}",
                i,
                differ.map(|c| (c % 40, c / 40)),
                differ.map(|c| &stock[c]),
                differ.map(|c| &compact[c]),
                String::from_utf8_lossy(&self::compact(&frames)[i])
            );
        }
    }
}

#[test]
fn a_pane_that_moved_down_a_row_is_moved_not_redrawn() {
    let area = Rect::new(0, 0, 60, 12);
    let mut first = Buffer::empty(area);
    for y in 0..12 {
        first.set_string(0, y, format!("大纲{y:02}"), Style::default());
        let text = "对照上级党委要求和群众期盼我们的党建工作还有差距";
        let from = text
            .char_indices()
            .nth(usize::from(y))
            .map_or(0, |(i, _)| i);
        first.set_string(10, y, format!("│{}", &text[from..]), Style::default());
    }
    let second = shifted(&first, (2, 11, 1), (10, 60), "新的一行");
    let frames = [first, second];
    let (stock_screens, compact_screens) = screens(&frames);
    assert_eq!(stock_screens, compact_screens);
    let stock_bytes = stock(&frames).remove(1);
    let compact_bytes = compact(&frames).remove(1);
    let text = String::from_utf8_lossy(&compact_bytes);
    assert!(
        text.contains("\x1b[3;12r") && text.contains("L"),
        "{text:?}"
    );
    assert!(
        compact_bytes.len() * 3 < stock_bytes.len(),
        "{} vs {}",
        compact_bytes.len(),
        stock_bytes.len()
    );
}
