//! Any text, any size, any keys: the editor never panics and never puts a
//! control character on the screen.

mod common;

use common::{editor, location, press, render, strategies, type_text};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use zongjie::app::{App, Settings};
use zongjie::document::count_chars;
use zongjie::i18n::Lang;
use zongjie::plain_text::{Block, ExportOptions, Paragraph, anchor, export_text};
use zongjie::ui::DrawCache;

fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[a-zX中文“”（）。，\\n\\t\\u{1b}\\u{7}\\u{9b}\\u{202e}😀\\u{301}\\u{200d} ]{0,60}",
    )
    .unwrap()
}

const KEYS: &[&str] = &[
    "j",
    "k",
    "J",
    "K",
    "Enter",
    "Esc",
    "a",
    "A",
    "1",
    "d",
    "u",
    "C-y",
    "n",
    "c",
    "Tab",
    "S-Tab",
    "Down",
    "Up",
    "End",
    "Home",
    "Backspace",
    "x",
    "F1",
    "F7",
    "f",
    "C-f",
    "C-z",
    "PageDown",
    "G",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn no_panic_no_raw_controls(
        doc in strategies::document(text),
        keys in prop::collection::vec(prop::sample::select(KEYS), 0..30),
        width in 1u16..140,
        height in 1u16..50,
        lang in prop::bool::ANY,
    ) {
        let mut app = editor(doc, if lang { Lang::Zh } else { Lang::En });
        for key in keys {
            press(&mut app, key);
            let t = render(&mut app, width, height);
            for cell in t.backend().buffer().content() {
                prop_assert!(!cell.symbol().chars().any(zongjie::sanitize::needs_escape), "{:?}", cell.symbol());
            }
        }
        render(&mut app, width, height);
    }
}

/// The frame drawn (not what the backend shows: the diff leaves the cells
/// behind a wide character as they were).
fn frame(terminal: &mut Terminal<TestBackend>, app: &App, cache: &mut DrawCache) -> Buffer {
    terminal
        .draw(|f| zongjie::ui::draw(f, app, cache))
        .unwrap()
        .buffer
        .clone()
}

/// The counts and what is drawn, computed again from nothing.
fn from_scratch(app: &mut App, width: u16, height: u16) -> (usize, Option<usize>, Buffer) {
    let e = app.editor().expect("editor");
    let total = e
        .doc
        .fields()
        .filter(|f| f.is_exported())
        .map(|f| count_chars(e.doc.text(f).unwrap_or("")))
        .sum();
    let section = e
        .selected_entry()
        .section()
        .map(|s| e.doc.section_char_count(s));
    // A new terminal, drawn with an empty cache.
    let buffer = frame(
        &mut Terminal::new(TestBackend::new(width, height)).unwrap(),
        app,
        &mut DrawCache::new(),
    );
    (total, section, buffer)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// What is kept between keys (the live counts, the drawing caches) is
    /// what recomputing everything gives.
    #[test]
    fn kept_state_matches_recomputing(
        doc in strategies::document(text),
        keys in prop::collection::vec(prop::sample::select(TYPING_KEYS), 0..40),
        width in 24u16..140,
        height in 6u16..50,
        indent in prop::bool::ANY,
        blank_lines in prop::bool::ANY,
    ) {
        let settings = Settings {
            lang: Lang::Zh,
            export: ExportOptions { indent, blank_lines, ..ExportOptions::default() },
            ..Settings::default()
        };
        let mut app = App::with_editor(settings, doc, location());
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut cache = DrawCache::new();
        for key in keys {
            if key.chars().count() == 1 && !key.is_ascii() {
                type_text(&mut app, key);
            } else {
                press(&mut app, key);
            }
            app.size = (width, height);
            app.idle();
            let kept = frame(&mut terminal, &app, &mut cache);
            let e = app.editor().expect("editor");
            let counts = (e.counts.total, e.section_chars());
            let (total, section, fresh) = from_scratch(&mut app, width, height);
            prop_assert_eq!(counts, (total, section));
            prop_assert_eq!(kept, fresh);
        }
    }
}

/// Keys that move about and type, in the outline and in fields.
const TYPING_KEYS: &[&str] = &[
    "j",
    "k",
    "J",
    "Enter",
    "Esc",
    "Tab",
    "S-Tab",
    "Down",
    "Up",
    "End",
    "Home",
    "Backspace",
    "u",
    "C-y",
    "a",
    "d",
    "中",
    "文",
    "X",
    "。",
    "F7",
    "PageUp",
    "PageDown",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// The preview renders the export block by block (a section's head,
    /// each item, a section whose items run on as a whole): walked forwards
    /// from the head, back from the tail, and both ways from the anchor of
    /// every field, the blocks are the lines of the export rendered in one
    /// go.
    #[test]
    fn the_preview_blocks_are_the_export(doc in strategies::document(text)) {
        let plain = ExportOptions {
            indent: false,
            blank_lines: false,
            width: None,
            ..ExportOptions::default()
        };
        let export = export_text(&doc, &plain);
        // A paragraph a line (a heading may hold a line break itself).
        let lines = |paragraphs: Vec<Paragraph>| -> String {
            paragraphs.iter().map(|p| format!("{}\n", p.text)).collect()
        };
        let forwards = std::iter::successors(Some(Block::Head), |b| b.next(&doc));
        prop_assert_eq!(
            lines(forwards.flat_map(|b| b.paragraphs(&doc)).collect()),
            export.clone()
        );
        let backwards = std::iter::successors(Some(Block::Tail), |b| b.previous(&doc));
        let mut back: Vec<Paragraph> = backwards
            .flat_map(|b| b.paragraphs(&doc).into_iter().rev())
            .collect();
        back.reverse();
        prop_assert_eq!(lines(back), export.clone());
        for field in doc.fields() {
            let at = anchor(&doc, field);
            let mut both: Vec<Paragraph> = at.before(&doc).collect();
            both.reverse();
            both.extend(at.from(&doc));
            prop_assert_eq!(lines(both), export.clone(), "{:?}", field);
        }
    }
}
