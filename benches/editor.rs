//! The editor on the 6,000- and 200,000-character drafts at 120×40
//! (ratatui's TestBackend): opening a draft and drawing the first frame,
//! drawing a frame again, and one keystroke (a CJK character typed into an
//! item's body, then the frame it causes). Run with `cargo bench --bench editor`.

mod support;

use crossterm::event::KeyCode;
use support::{SIZES, draw, editor, key, keystrokes, location, terminal};
use zongjie::app::{App, Entry, Settings};
use zongjie::document::{Document, ItemRef};

fn main() {
    divan::main();
}

/// The app with the first item of the first section open for editing, the
/// cursor in its body (at its start, or at its end), as the pty benchmark
/// leaves it before typing.
fn editing_app(doc: Document, at_end: bool) -> App {
    let mut app = editor(doc);
    for code in [KeyCode::Down, KeyCode::Down, KeyCode::Down] {
        app.handle_key(key(code));
    }
    app.handle_key(key(KeyCode::Enter)); // edit the item: its heading
    app.handle_key(key(KeyCode::Enter)); // on to its body
    if at_end {
        app.handle_key(key(KeyCode::End));
    }
    app
}

/// `zongjie open` after loading: the editor state and its first frame.
#[divan::bench(args = SIZES)]
fn open_first_frame(bencher: divan::Bencher, chars: usize) {
    let doc = support::draft(chars);
    bencher
        .with_inputs(|| (doc.clone(), terminal()))
        .bench_local_values(|(doc, mut terminal)| {
            let mut app = App::with_editor(Settings::default(), doc, location());
            app.size = (support::WIDTH, support::HEIGHT);
            draw(&mut terminal, &app);
            (app, terminal)
        });
}

/// One frame again with nothing changed: the cost of laying out the panes.
#[divan::bench(args = SIZES)]
fn frame_redraw(bencher: divan::Bencher, chars: usize) {
    let app = editing_app(support::draft(chars), false);
    let mut terminal = terminal();
    draw(&mut terminal, &app);
    bencher.bench_local(|| draw(&mut terminal, &app));
}

/// One CJK character typed at the start of the body (the whole paragraph
/// reflows in the editor and the preview), then the frame.
#[divan::bench(args = SIZES)]
fn keystroke_start_of_body(bencher: divan::Bencher, chars: usize) {
    keystroke(bencher, chars, false);
}

/// One CJK character typed at the end of the body, then the frame.
#[divan::bench(args = SIZES)]
fn keystroke_end_of_body(bencher: divan::Bencher, chars: usize) {
    keystroke(bencher, chars, true);
}

/// As `keystroke_end_of_body`, on generated drafts whose first item is the
/// same at both sizes: what a key costs when only the document's size
/// differs.
#[divan::bench(args = SIZES)]
fn keystroke_same_paragraph(bencher: divan::Bencher, chars: usize) {
    keystroke_in(bencher, support::generated(chars), true);
}

/// As `keystroke_end_of_body`, on the drafts with all their items in one
/// section: what a key costs does not follow the size of the section.
#[divan::bench(args = SIZES)]
fn keystroke_one_long_section(bencher: divan::Bencher, chars: usize) {
    let mut doc = support::draft(chars);
    let rest: Vec<_> = doc.sections.drain(1..).collect();
    for section in rest {
        doc.sections[0].items.extend(section.items);
    }
    keystroke_in(bencher, doc, true);
}

fn keystroke(bencher: divan::Bencher, chars: usize, at_end: bool) {
    keystroke_in(bencher, support::draft(chars), at_end);
}

fn keystroke_in(bencher: divan::Bencher, doc: Document, at_end: bool) {
    keystrokes(bencher, editing_app(doc, at_end));
}

/// A structural edit and its frame: the first item of the second section
/// moved down (`J`) and back up (`K`) in turn, so the document keeps its
/// shape from sample to sample. Every part of the screen that shows the
/// structure (outline, preview, counts) is brought up to date.
#[divan::bench(args = SIZES)]
fn structural_move_item(bencher: divan::Bencher, chars: usize) {
    let app = selecting(support::draft(chars), Entry::Item(ItemRef::new(1, 0)));
    structural(bencher, app, ['J', 'K']);
}

/// A structural edit undone and done again: the second section moved down
/// (`J`), then undone (`u`), in turn.
#[divan::bench(args = SIZES)]
fn structural_move_section_and_undo(bencher: divan::Bencher, chars: usize) {
    let app = selecting(support::draft(chars), Entry::Section(1));
    structural(bencher, app, ['J', 'u']);
}

/// PgDn in the preview from the title, where the limit (the end of the
/// text) is the whole document away, then the frame; PgUp in turn.
#[divan::bench(args = SIZES)]
fn preview_page_down_from_top(bencher: divan::Bencher, chars: usize) {
    let mut app = editor(support::draft(chars));
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Tab));
    turns(bencher, app, [key(KeyCode::PageDown), key(KeyCode::PageUp)]);
}

/// The editor with `entry` selected in the outline (moved to by keys).
fn selecting(doc: Document, entry: Entry) -> App {
    let mut app = editor(doc);
    let index = app
        .editor()
        .and_then(|e| e.entries.iter().position(|&x| x == entry))
        .expect("the entry in the outline");
    for _ in 0..index {
        app.handle_key(key(KeyCode::Down));
    }
    app
}

/// PgDn in the preview at its end (the selection the title, the preview
/// scrolled down to its last row): every PgDn is clamped, which counts
/// the rows of the whole export. The worst case of PgDn's limit.
#[divan::bench(args = SIZES)]
fn preview_page_down_at_end(bencher: divan::Bencher, chars: usize) {
    let mut app = editor(support::draft(chars));
    app.handle_key(key(KeyCode::Tab));
    app.handle_key(key(KeyCode::Tab));
    let scroll = |app: &App| app.editor().map(|e| e.preview_scroll);
    loop {
        let before = scroll(&app);
        app.handle_key(key(KeyCode::PageDown));
        if scroll(&app) == before {
            break;
        }
    }
    turns(
        bencher,
        app,
        [key(KeyCode::PageDown), key(KeyCode::PageDown)],
    );
}

fn structural(bencher: divan::Bencher, app: App, keys: [char; 2]) {
    turns(bencher, app, keys.map(|c| key(KeyCode::Char(c))));
}

/// Times the keys pressed in turn, each with its frame.
fn turns(bencher: divan::Bencher, app: App, keys: [crossterm::event::KeyEvent; 2]) {
    let app = std::cell::RefCell::new(app);
    let mut terminal = support::terminal();
    draw(&mut terminal, &app.borrow());
    let turn = std::cell::Cell::new(0usize);
    bencher
        .with_inputs(|| {
            turn.set(turn.get() + 1);
            keys[turn.get() % 2]
        })
        .bench_local_values(|k| {
            let mut app = app.borrow_mut();
            app.handle_key(k);
            draw(&mut terminal, &app);
        });
}
