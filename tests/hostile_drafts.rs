//! Strange and hostile draft files: control characters, escape sequences,
//! bidi overrides, NUL, lone surrogates, huge lines, huge documents and
//! deeply weird TOML. Loading never panics (nor overflows the stack); a
//! file that cannot be read is an error with its line and column, in one
//! line free of control characters; what can be read round-trips.

use std::time::Instant;

use proptest::prelude::*;
use zongjie::document::{Document, Item, Section, SectionKind};
use zongjie::sanitize::needs_escape;
use zongjie::storage::{DraftFileError, parse_draft, write_draft};

/// Parses, and for an error checks that it is located and printable.
fn load(text: &str) -> Result<Document, DraftFileError> {
    let result = parse_draft(text);
    if let Err(e) = &result {
        let message = e.to_string();
        assert!(
            !message.chars().any(needs_escape),
            "raw control in error: {message:?}"
        );
        if let DraftFileError::Syntax { line, column, .. } = e {
            let lines = text.split('\n').count();
            assert!(*line >= 1 && *line <= lines, "line {line} of {lines}");
            assert!(*column >= 1);
        }
    }
    result
}

fn syntax_at(text: &str) -> (usize, usize, String) {
    match load(text) {
        Err(DraftFileError::Syntax {
            line,
            column,
            message,
        }) => (line, column, message),
        other => panic!("expected a syntax error for {text:.80?}, got {other:?}"),
    }
}

#[test]
fn control_characters_escapes_and_bidi_survive_a_round_trip() {
    let hostile =
        "标题\u{1b}[2J\u{1b}]0;pwned\u{7}\u{0}\u{9b}31m\u{202e}txt.exe\u{2066}\u{7f}\r\n\t末";
    let doc = Document {
        title: hostile.into(),
        preamble: hostile.repeat(3),
        sections: vec![{
            let mut s = Section::new(SectionKind::Work, hostile);
            s.items.push(Item::new(hostile, hostile));
            s
        }],
        ..Document::default()
    };
    let text = write_draft(&doc);
    // The file itself shows every control character as an escape.
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "raw control in the file"
    );
    assert_eq!(load(&text).unwrap(), without_cr(doc));
}

/// What a document is once loaded: a carriage return never reaches the
/// editor or the terminal; in paragraphs it is a paragraph break (CRLF
/// too), in one-line fields a space.
fn without_cr(mut doc: Document) -> Document {
    let lines = |t: &mut String| *t = t.replace("\r\n", "\n").replace('\r', "\n");
    let spaces = |t: &mut String| *t = t.replace("\r\n", " ").replace('\r', " ");
    spaces(&mut doc.title);
    lines(&mut doc.preamble);
    lines(&mut doc.notes);
    for s in &mut doc.sections {
        spaces(&mut s.title);
        lines(&mut s.intro);
        for i in &mut s.items {
            spaces(&mut i.heading);
            lines(&mut i.body);
        }
    }
    doc
}

#[test]
fn raw_control_characters_in_the_file_are_located() {
    let (line, column, _) = syntax_at("format = 1\ntitle = \"ab\u{1b}[2J\"\n");
    assert_eq!((line, column), (2, 12));
    let (line, _, _) = syntax_at("format = 1\n\ntitle = \"a\u{0}b\"\n");
    assert_eq!(line, 3);
    let (line, _, _) = syntax_at("format = 1\ntitle = \"a\u{7f}b\"\n");
    assert_eq!(line, 2);
    // Bidi overrides are legal text; they load, and are escaped on display.
    assert_eq!(
        load("format = 1\ntitle = \"a\u{202e}b\"\n").unwrap().title,
        "a\u{202e}b"
    );
}

#[test]
fn lone_surrogates_and_bad_escapes_are_located() {
    for bad in [
        "\\uD800",
        "\\uDFFF",
        "\\UD83D0000",
        "\\U00110000",
        "\\xZZ",
        "\\u12",
        "\\",
    ] {
        let (line, _, message) = syntax_at(&format!("format = 1\n\ntitle = \"x{bad}\"\n"));
        assert_eq!(line, 3, "{bad}: {message}");
    }
    // The escapes of NUL and ESC are valid TOML and load as such.
    assert_eq!(
        load("format = 1\ntitle = \"a\\u0000b\\x1b\"\n")
            .unwrap()
            .title,
        "a\0b\u{1b}"
    );
}

#[test]
fn wrong_types_duplicates_and_unknown_keys_are_located() {
    let cases: &[(&str, usize)] = &[
        ("format = 1\ntitle = \"a\"\ntitle = \"b\"\n", 3),
        ("format = 1\ntitle = 3\n", 2),
        ("format = 1\nsections = \"x\"\n", 2),
        ("format = \"1\"\n", 1),
        ("format = 1\ntarget_chars = -1\n", 2),
        ("format = 1\ntarget_chars = 99999999999999999999\n", 2),
        ("format = 1\ntarget_chars = 1e400\n", 2),
        ("format = 1\n\n[[sections]]\nitems = 5\n", 4),
        ("format = 1\n\n[[sections]]\nkind = \"nonsense\"\n", 4),
        (
            "format = 1\n\n[[sections]]\n[[sections.items]]\nheading = []\n",
            5,
        ),
        ("format = 1\n[signature]\n[signature]\n", 3),
        ("format = 1\n[title]\n", 2),
        ("format = 1\n\"\\u001b[31m\" = 1\n", 2),
        ("format = 1\nsections = [{items = [{body = {}}]}]\n", 2),
    ];
    for (text, line) in cases {
        let (found, _, message) = syntax_at(text);
        assert_eq!(found, *line, "{text:?}: {message}");
    }
    for weird in [
        "",
        "\n\n",
        "format = 1 = 2",
        "[[[",
        "format = 0\n",
        "\u{feff}",
    ] {
        assert!(load(weird).is_err(), "{weird:?}");
    }
    assert!(matches!(
        load("format = 99999999999999999999\n"),
        Err(DraftFileError::NewerFormat { .. } | DraftFileError::Syntax { .. })
    ));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 100_000;
    let cases = [
        format!(
            "format = 1\nx = {}{}\n",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
        format!(
            "format = 1\nx = {}1{}\n",
            "{a = ".repeat(depth),
            "}".repeat(depth)
        ),
        format!("format = 1\nx = {}\n", "[".repeat(depth)),
        format!("format = 1\n{} = 1\n", vec!["a"; depth].join(".")),
        format!("format = 1\n[{}]\n", vec!["a"; depth].join(".")),
        format!("format = 1\nsections = {}\n", "[".repeat(depth)),
    ];
    for text in &cases {
        assert!(load(text).is_err(), "{:.40}", text);
    }
}

#[test]
fn huge_lines_arrays_and_documents_load() {
    // A 1 MB line of text: a draft with a very long paragraph.
    let long = "认真学习贯彻党的二十大精神。".repeat(25_000);
    let doc = Document {
        preamble: long.clone(),
        ..Document::default()
    };
    assert_eq!(load(&write_draft(&doc)).unwrap().preamble, long);
    // A 1 MB line of garbage is an error on that line.
    let (line, _, _) = syntax_at(&format!("format = 1\n{}\n", "线".repeat(350_000)));
    assert_eq!(line, 2);
    // A huge array of an unknown key, and of the wrong type.
    let numbers = vec!["1"; 200_000].join(",");
    assert!(load(&format!("format = 1\nx = [{numbers}]\n")).is_err());
    assert!(load(&format!("format = 1\nsections = [{numbers}]\n")).is_err());

    // 100,000 items.
    let mut section = Section::new(SectionKind::Work, "工作开展情况");
    section.items = (0..100_000)
        .map(|i| Item::new(format!("第{i}项"), "内容"))
        .collect();
    let doc = Document {
        sections: vec![section],
        ..Document::default()
    };
    let started = Instant::now();
    let text = write_draft(&doc);
    let loaded = load(&text).unwrap();
    assert_eq!(loaded.item_count(), 100_000);
    eprintln!(
        "100,000 items: {} bytes written and read in {:?}",
        text.len(),
        started.elapsed()
    );
}

fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        any::<char>(),
        prop::sample::select(vec![
            '\0', '\u{1b}', '\u{7}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}', '\r', '\n', '\t',
            '"', '\\', '\'', '=', '[', ']', '{', '}', '#', '中', '\u{feff}',
        ]),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..60).prop_map(|c| c.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any text at all: an error or a document, never a panic.
    #[test]
    fn any_text_loads_or_is_an_error(body in hostile_text(), prefix in 0..4usize) {
        let head = ["", "format = 1\n", "format = 1\ntitle = \"", "format = 1\n[[sections]]\n"][prefix];
        let _ = load(&format!("{head}{body}"));
    }

    /// Any document with hostile text round-trips exactly.
    #[test]
    fn hostile_documents_round_trip(
        title in hostile_text(),
        heading in hostile_text(),
        body in hostile_text(),
    ) {
        let mut section = Section::new(SectionKind::Problems, heading.clone());
        section.items.push(Item::new(heading, body.clone()));
        let doc = Document { title, notes: body, sections: vec![section], ..Document::default() };
        prop_assert_eq!(load(&write_draft(&doc)).unwrap(), without_cr(doc));
    }
}
