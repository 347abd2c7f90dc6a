//! What the benchmarks share: the 6,000- and 200,000-character drafts,
//! and the editor at 120×40 on ratatui's TestBackend with its keystroke
//! loop (a key typed, then the frame it causes).
//!
//! The drafts are the pty harness's own texts, `../shared/bench/doc-6k.txt`
//! and `doc-200k.txt` (`gen_doc.py --seed 1`), read as `zongjie import`
//! reads them; `ZONGJIE_BENCH_TEXTS=DIR` points elsewhere. Without them, a
//! generated document of the same size stands in (and says so).

#![allow(dead_code)] // each bench uses its own part

use std::cell::RefCell;
use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use zongjie::app::{App, Settings};
use zongjie::document::{Document, Item, NumberingStyle, Section, SectionKind};
use zongjie::plain_text::import_text;
use zongjie::storage::{DraftId, DraftLocation};

pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 40;

/// Where the benchmarks' draft would be saved (it never is).
pub fn location() -> DraftLocation {
    DraftLocation {
        id: DraftId::parse("bench").ok(),
        path: "/nonexistent/bench.toml".into(),
        backup: "/nonexistent/bench.bak.toml".into(),
    }
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The editor on `doc` at 120×40, before any key.
pub fn editor(doc: Document) -> App {
    let mut app = App::with_editor(Settings::default(), doc, location());
    app.size = (WIDTH, HEIGHT);
    app
}

/// A test terminal and what drawing keeps between its frames, as the
/// runner holds them.
pub struct Screen {
    terminal: Terminal<TestBackend>,
    cache: zongjie::ui::DrawCache,
}

pub fn terminal() -> Screen {
    Screen {
        terminal: Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal"),
        cache: zongjie::ui::DrawCache::new(),
    }
}

pub fn draw(screen: &mut Screen, app: &App) {
    let Screen { terminal, cache } = screen;
    terminal
        .draw(|frame| zongjie::ui::draw(frame, app, cache))
        .expect("draw");
}

/// Times `中` typed where `app`'s cursor is, then the frame. Before each
/// sample the characters the previous samples typed are deleted again
/// (untimed), so the text does not grow.
pub fn keystrokes(bencher: divan::Bencher, app: App) {
    let app = RefCell::new(app);
    let mut terminal = terminal();
    draw(&mut terminal, &app.borrow());
    let typed = RefCell::new(0usize);
    bencher
        .with_inputs(|| {
            let mut typed = typed.borrow_mut();
            if *typed > 0 {
                app.borrow_mut().handle_key(key(KeyCode::Backspace));
                *typed -= 1;
            }
            key(KeyCode::Char('中'))
        })
        .bench_local_values(|k| {
            let mut app = app.borrow_mut();
            app.handle_key(k);
            *typed.borrow_mut() += 1;
            draw(&mut terminal, &app);
        });
}

pub const SIZES: [usize; 2] = [6_000, 200_000];

/// The draft of about `chars` characters.
pub fn draft(chars: usize) -> Document {
    let name = match chars {
        6_000 => "doc-6k.txt",
        200_000 => "doc-200k.txt",
        _ => return generated(chars),
    };
    let dir = std::env::var_os("ZONGJIE_BENCH_TEXTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/bench"));
    match std::fs::read_to_string(dir.join(name)) {
        Ok(text) => import_text(&text).document,
        Err(_) => {
            eprintln!("note: {} not found, using a generated document", name);
            generated(chars)
        }
    }
}

/// A genre-shaped document of about `chars` characters: sections past 十,
/// items past （十）, one ordinal-inline section, long paragraphs.
pub fn generated(chars: usize) -> Document {
    let sentence = "坚持以习近平新时代中国特色社会主义思想为指导，认真落实“三会一课”制度，组织集中学习12次、专题研讨4次，党员干部的理论素养进一步提升。";
    let mut doc = Document {
        title: "县自然资源局党支部2026年上半年党建工作总结".into(),
        preamble: sentence.repeat(3),
        period: "2026年上半年".into(),
        ..Document::default()
    };
    let mut s = 0;
    while doc.char_count() < chars {
        let kind = SectionKind::ALL[s % SectionKind::ALL.len()];
        let mut section = Section::new(kind, format!("第{s}部分工作开展情况"));
        if s % 5 == 3 {
            section.style = NumberingStyle::OrdinalInline;
        }
        section.intro = sentence.to_string();
        for i in 0..12 {
            section.items.push(Item::new(
                format!("健全长效机制{i}"),
                format!("{}\n{}", sentence.repeat(2), sentence),
            ));
        }
        doc.sections.push(section);
        s += 1;
    }
    doc
}
