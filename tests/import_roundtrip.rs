//! Properties of import: for generated documents of the genre,
//! `import(export(doc)) == doc` with no warnings; and for any text made of
//! the genre's pieces (numbers, dates, punctuation, indentation), import
//! never panics and never drops or changes a character — everything is
//! exported or kept in the notes, up to the stated normalisations.
//!
//! Generated documents stay within what plain text can say unambiguously:
//! every item has a heading (a text `（一）甲。乙` reads back with heading 甲),
//! headings are at most 40 characters and hold no sentence end but their
//! last character, paragraphs end with 。 or ：, an ordinal-inline section
//! has at least two items (one inline point is just a sentence), a section
//! without items has its kind's default style, and the text has no item
//! numbers of its own (the vocabulary has no numerals).

mod common;

use common::genre::{SECTION_TITLES, comparable, paragraphs, phrase, signature};
use proptest::prelude::*;
use zongjie::document::{Document, Item, NumberingStyle, Section, SectionKind};
use zongjie::plain_text::{ExportOptions, export_text, import_text};

fn item() -> impl Strategy<Value = Item> {
    (
        prop::collection::vec(phrase(1..=3), 1..=2),
        prop::sample::select(vec!["", "", "！", "？", "；", "："]),
        paragraphs(0..=3),
    )
        .prop_map(|(clauses, end, body)| Item::new(format!("{}{end}", clauses.join("，")), body))
}

fn section() -> impl Strategy<Value = Section> {
    (
        prop::sample::select(SECTION_TITLES.to_vec()),
        prop::sample::select(NumberingStyle::ALL.to_vec()),
        paragraphs(0..=2),
        prop::collection::vec(item(), 0..=13),
    )
        .prop_map(|(title, style, intro, items)| {
            let kind = SectionKind::classify(title);
            let style = match (style, items.len()) {
                (_, 0) => kind.default_style(),
                (NumberingStyle::OrdinalInline, 1) => NumberingStyle::Ordinal,
                (style, _) => style,
            };
            Section {
                kind,
                title: title.to_string(),
                style,
                intro,
                items,
                target_chars: None,
            }
        })
}

/// A summary as a writer drafts it; the organization and period are the
/// ones the title names (import reads them from it, as `new --title` does).
fn document() -> impl Strategy<Value = Document> {
    (
        phrase(1..=3),
        prop::sample::select(vec![
            ("2020年上半年", "党建工作总结"),
            ("2021年度", "工作总结"),
            ("", "党建工作总结及下半年工作打算"),
        ]),
        paragraphs(0..=2),
        prop::collection::vec(section(), 1..=12),
        signature(),
    )
        .prop_map(|(org, (period, kind), preamble, sections, signature)| {
            let organization = format!("{org}党委");
            let has_period = !period.is_empty();
            Document {
                title: format!("{organization}{period}{kind}"),
                organization: if has_period {
                    organization
                } else {
                    String::new()
                },
                period: period.to_string(),
                preamble,
                sections,
                signature,
                ..Document::default()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn import_of_export_is_the_document(doc in document()) {
        let text = export_text(&doc, &ExportOptions::default());
        let imported = import_text(&text);
        prop_assert!(imported.warnings.is_empty(), "{:?}\n{}", imported.warnings, text);
        prop_assert_eq!(imported.document, doc, "{}", text);
    }

    /// Indented, blank-line separated, Windows line ends: the same document.
    #[test]
    fn export_options_do_not_change_the_import(doc in document()) {
        let options = ExportOptions { indent: true, blank_lines: true, crlf: true, ..Default::default() };
        let imported = import_text(&export_text(&doc, &options));
        prop_assert_eq!(imported.document, doc);
    }

    /// Any Unicode at all, controls and bidi marks included (those are removed).
    #[test]
    fn any_unicode_keeps_every_visible_character(text in any::<String>()) {
        let imported = import_text(&text);
        let doc = &imported.document;
        let exported = export_text(doc, &ExportOptions::default());
        let visible = |c: &char| {
            !c.is_control()
                && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}')
        };
        let input: String = text.chars().filter(visible).collect();
        prop_assert_eq!(comparable(&format!("{}{}", doc.notes, exported)), comparable(&input));
    }

    #[test]
    fn any_text_keeps_every_character(lines in prop::collection::vec(soup_line(), 0..30)) {
        let text = lines.join("\n");
        let imported = import_text(&text);
        let doc = &imported.document;
        let exported = export_text(doc, &ExportOptions::default());
        prop_assert_eq!(
            comparable(&format!("{}{}", doc.notes, exported)),
            comparable(&text),
            "{:?}", doc
        );
    }
}

/// A line made of the genre's pieces, the traps included.
fn soup_line() -> impl Strategy<Value = String> {
    const PIECES: [&str; 40] = [
        "一、",
        "二、",
        "三、",
        "十一、",
        "（一）",
        "(二)",
        "（三）",
        "（十二）",
        "一是",
        "二是",
        "三是",
        "十一是",
        "1.",
        "2.",
        "1、",
        "2、",
        "（1）",
        "(2)",
        "1.5倍",
        "2020年",
        "2020年7月10日",
        "XX党支部",
        "工作总结",
        "问题",
        "下一步打算",
        "学习",
        "“",
        "”",
        "《",
        "》",
        "。",
        "，",
        "：",
        "；",
        "！",
        " ",
        "　",
        "\t",
        "统一是",
        "如下",
    ];
    prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..8).prop_map(|p| p.concat())
}

/// The generated documents reach every shape the property is meant for.
#[test]
fn the_generator_covers_the_genre() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = document();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..300 {
        let doc = strategy.new_tree(&mut runner).unwrap().current();
        if doc.sections.len() >= 11 {
            seen.insert("section 十一、");
        }
        if !doc.signature.organization.is_empty() {
            seen.insert("signature with organization");
        } else if !doc.signature.date.is_empty() {
            seen.insert("signature date only");
        }
        for s in &doc.sections {
            seen.insert(s.style.key());
            match (s.style, s.intro.is_empty(), s.items.len()) {
                (NumberingStyle::OrdinalInline, false, _) => seen.insert("inline with intro"),
                (NumberingStyle::OrdinalInline, true, _) => seen.insert("inline without intro"),
                (_, false, 0) => seen.insert("intro without items"),
                (_, true, 0) => seen.insert("empty section"),
                (_, _, n) if n >= 11 => seen.insert("item 十一"),
                _ => false,
            };
            if s.items.iter().any(|i| i.body.contains('\n')) {
                seen.insert("body of several paragraphs");
            }
        }
    }
    let wanted = [
        "section 十一、",
        "signature with organization",
        "signature date only",
        "paren",
        "ordinal",
        "ordinal-inline",
        "arabic",
        "arabic-paren",
        "arabic-comma",
        "inline with intro",
        "inline without intro",
        "intro without items",
        "empty section",
        "item 十一",
        "body of several paragraphs",
    ];
    for w in wanted {
        assert!(seen.contains(w), "the generator never made: {w}");
    }
}
