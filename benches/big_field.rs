//! One key and its frame in a field of 1,000,000 characters (issue 23): the
//! preamble of a small draft made that long, paragraphs of about 800
//! characters, at 120×40 on ratatui's TestBackend. Typing `中` at the start
//! and at the end of the field, then drawing.
//!
//! Before the benchmarks it prints the heap the open editor holds against
//! the size of the text (a counting allocator: live bytes after opening the
//! draft and drawing once, less those before). Run with
//! `cargo bench --bench big_field`.

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::{draw, keystrokes, terminal};
use zongjie::app::App;
use zongjie::document::Document;

/// The system allocator, counting the bytes in use.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to `System` unchanged; only counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is passed on.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract for `dealloc` is passed on.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let now = if new_size >= layout.size() {
            LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size()
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed) - (layout.size() - new_size)
        };
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's contract for `realloc` is passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const FIELD_CHARS: usize = 1_000_000;

fn main() {
    memory_report();
    divan::main();
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

/// A small draft whose preamble has about `FIELD_CHARS` characters, in
/// paragraphs of about 800.
fn big_preamble() -> Document {
    let mut doc = support::generated(6_000);
    let sentence = "坚持以习近平新时代中国特色社会主义思想为指导，认真落实“三会一课”制度，组织集中学习12次、专题研讨4次，党员干部的理论素养进一步提升。";
    let paragraph = sentence.repeat(800 / sentence.chars().count() + 1);
    let per = paragraph.chars().count() + 1;
    doc.preamble = vec![paragraph; FIELD_CHARS / per + 1].join("\n");
    doc
}

/// The app editing the preamble, the cursor at its start or its end.
fn editing(doc: Document, at_end: bool) -> App {
    let mut app = support::editor(doc);
    app.handle_key(key(KeyCode::Down, KeyModifiers::NONE)); // the preamble
    app.handle_key(key(KeyCode::Enter, KeyModifiers::NONE));
    if at_end {
        app.handle_key(key(KeyCode::End, KeyModifiers::CONTROL));
    }
    app
}

/// Heap held by the open editor, against the text's size in UTF-8.
fn memory_report() {
    let doc = big_preamble();
    let text = doc.preamble.len();
    let chars = doc.preamble.chars().count();
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let app = editing(doc, true);
    let mut terminal = terminal();
    draw(&mut terminal, &app);
    let mut app = app;
    app.handle_key(key(KeyCode::Char('中'), KeyModifiers::NONE));
    draw(&mut terminal, &app);
    let held = LIVE.load(Ordering::Relaxed) - before;
    let zongjie::app::Screen::Editor(editor) = &app.screen else {
        panic!("big_field: the draft did not open in the editor");
    };
    assert!(
        editor.doc.preamble.ends_with("。中") && editor.doc.preamble.chars().count() == chars + 1,
        "big_field: the key did not reach the end of the preamble"
    );
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
    println!(
        "memory: a field of {chars} characters ({:.1} MiB of UTF-8, in a draft of ~6,000 more): \
         after one key and its frame the open editor holds {:.1} MiB ({:.1}x the field), peak {:.1} MiB ({:.1}x)",
        mib(text),
        mib(held),
        held as f64 / text as f64,
        mib(peak),
        peak as f64 / text as f64,
    );
    drop((app, terminal));
}

fn keystroke(bencher: divan::Bencher, at_end: bool) {
    keystrokes(bencher, editing(big_preamble(), at_end));
}

/// `中` typed at the start of the 1,000,000-character preamble, then the frame.
#[divan::bench(sample_count = 20)]
fn key_at_start_of_1m_field(bencher: divan::Bencher) {
    keystroke(bencher, false);
}

/// `中` typed at the end of the 1,000,000-character preamble, then the frame.
#[divan::bench(sample_count = 20)]
fn key_at_end_of_1m_field(bencher: divan::Bencher) {
    keystroke(bencher, true);
}
