//! The fast reader answers exactly what the TOML parser answers, or nothing.

use proptest::prelude::*;

use super::super::{parse_draft, parse_with_toml, write_draft};
use super::read;
use crate::document::{Document, Item, NumberingStyle, Section, SectionKind, Signature, TopStyle};

/// Text with everything the writer must escape or keep: quotes, backslashes,
/// line breaks, tabs, carriage returns, C0/C1/DEL controls, CJK, emoji.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "中",
        "党建",
        "\"",
        "\"\"\"",
        "\\",
        "\\u0041",
        "\n",
        "\r",
        "\t",
        "\u{1b}[2J",
        "\u{9b}",
        "\u{7f}",
        "\u{0}",
        " ",
        "X",
        "😀",
        "e\u{301}",
        "'''",
        "#",
        "=",
        "[[sections]]",
        "\u{85}",
        "\u{a0}",
        "\u{3000}",
        "\u{feff}",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

fn long_text() -> impl Strategy<Value = String> {
    (text(), 0usize..3).prop_map(|(t, n)| format!("{t}{}", "长".repeat(n * 20)))
}

fn document() -> impl Strategy<Value = Document> {
    let style = || prop::sample::select(NumberingStyle::ALL.to_vec());
    let leaf = (text(), long_text(), style()).prop_map(|(heading, body, style)| {
        let mut item = Item::new(heading, body);
        item.child_style = style;
        item
    });
    let node = (
        text(),
        long_text(),
        style(),
        prop::collection::vec(leaf, 0..3),
    )
        .prop_map(|(h, b, style, children)| Item::new(h, b).with_children(style, children));
    let item = (
        text(),
        long_text(),
        style(),
        prop::collection::vec(node, 0..3),
    )
        .prop_map(|(h, b, style, children)| Item::new(h, b).with_children(style, children));
    let section = (
        prop::sample::select(SectionKind::ALL.to_vec()),
        text(),
        prop::sample::select(NumberingStyle::ALL.to_vec()),
        long_text(),
        (
            prop::collection::vec(item, 0..3),
            prop::option::of(any::<u32>()),
        ),
    )
        .prop_map(
            |(kind, title, style, intro, (items, target_chars))| Section {
                kind,
                title,
                style,
                intro,
                items,
                target_chars,
            },
        );
    (
        (text(), text(), text(), long_text(), long_text()),
        (
            prop::option::of(any::<u32>()),
            prop::option::of(text()),
            prop::sample::select(TopStyle::ALL.to_vec()),
        ),
        prop::collection::vec(section, 0..3),
        (text(), text()),
    )
        .prop_map(
            |(
                (title, organization, period, preamble, notes),
                (target_chars, from, top_style),
                sections,
                sig,
            )| {
                Document {
                    top_style,
                    title,
                    organization,
                    period,
                    preamble,
                    notes,
                    target_chars,
                    from,
                    sections,
                    signature: Signature {
                        organization: sig.0,
                        date: sig.1,
                    },
                }
            },
        )
}

/// One small edit of a draft's text, at a character boundary.
fn mangle(text: &str, at: usize, edit: usize, piece: &str) -> String {
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let i = boundaries[at % boundaries.len()];
    let j = boundaries[(at + 1 + edit % 4).min(boundaries.len() - 1)].max(i);
    match edit % 3 {
        0 => format!("{}{}", &text[..i], &text[j..]),
        1 => format!("{}{piece}{}", &text[..i], &text[i..]),
        _ => format!("{}{piece}{}", &text[..i], &text[j..]),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn reads_what_the_writer_writes(doc in document()) {
        let text = write_draft(&doc);
        prop_assert_eq!(read(&text), Some(doc.clone()));
        prop_assert_eq!(parse_with_toml(&text), Ok(doc));
    }

    #[test]
    fn answers_like_toml_or_not_at_all(
        doc in document(),
        at in any::<usize>(),
        edit in any::<usize>(),
        piece in prop::sample::select(vec![
            "\"", "\\", "\n", "\r\n", "\\u00", "\\t", "\\x41", "\\U0001F600", "\"\"\"", "[signature]\n",
            "\n[[sections.items]]\nheading = \"h\"\nbody = \"b\"\n", "=", " ", "0", "+1", "中", "\u{1}",
            "\u{9b}", "kind = \"work\"\n",
        ]),
    ) {
        let text = mangle(&write_draft(&doc), at, edit, piece);
        if let Some(fast) = read(&text) {
            prop_assert_eq!(parse_with_toml(&text), Ok(fast));
        }
    }
}

#[test]
fn hand_edited_drafts_go_to_toml() {
    let doc = Document {
        title: "标题".into(),
        sections: vec![Section::new(SectionKind::Work, "工作开展情况")],
        ..Document::default()
    };
    let text = write_draft(&doc);
    assert_eq!(read(&text), Some(doc.clone()));
    let crlf = text.replace('\n', "\r\n");
    assert_eq!(read(&crlf), None);
    assert_eq!(parse_draft(&crlf), Ok(doc.clone()));
    let reordered = text.replacen(
        "title = \"标题\"\norganization = \"\"\n",
        "organization = \"\"\ntitle = \"标题\"\n",
        1,
    );
    assert_eq!(read(&reordered), None);
    assert_eq!(parse_draft(&reordered), Ok(doc));
    assert_eq!(read("format = 2\n"), None);
}
