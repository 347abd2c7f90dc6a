//! Any document exports to a .docx whose XML parses and whose paragraphs,
//! read back with an XML parser of their own, say what the .txt export says
//! (control characters aside, which XML cannot hold).

mod common;

use common::docx::{Package, body_paragraphs, text_of, w_all, w_attr, w_child};
use common::strategies;
use proptest::prelude::*;
use zongjie::docx::{DocxFonts, export_docx};
use zongjie::plain_text::paragraphs;

fn text() -> impl Strategy<Value = String> {
    // Chinese, ASCII, XML specials, heading ends, controls, newlines, emoji.
    proptest::string::string_regex(
        "[a-z0-9中文“”《》&<>\"'\\n\\t\\r\\u{1}\\u{1b}\\u{7f}\\u{85}\\u{fffe}😀 。！？（）]{0,40}",
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_document_exports_its_text(doc in strategies::document(text)) {
        let bytes = export_docx(&doc, &DocxFonts::default()).unwrap();
        let package = Package::open(&bytes);
        for (name, part) in &package.parts {
            if name.ends_with(".xml") {
                let xml = std::str::from_utf8(part).unwrap();
                prop_assert!(roxmltree::Document::parse(xml).is_ok(), "{name}");
            }
        }
        let xml = package.xml("word/document.xml");
        let parsed = roxmltree::Document::parse(&xml).unwrap();
        let shown: Vec<String> = body_paragraphs(&parsed)
            .into_iter()
            .map(text_of)
            .filter(|t| !t.is_empty())
            .collect();
        // The .txt export's paragraphs; a line break inside one is a w:br.
        let expected: Vec<String> = paragraphs(&doc)
            .into_iter()
            .map(|p| p.text.chars().filter(|&c| c == '\t' || !(c.is_control() || c == '\u{fffe}')).collect::<String>())
            .filter(|l| !l.is_empty())
            .collect();
        prop_assert_eq!(shown, expected);
        for fonts in w_all(parsed.root(), "rFonts") {
            prop_assert_eq!(w_attr(fonts, "eastAsia"), w_attr(fonts, "ascii"));
            prop_assert_eq!(w_attr(fonts, "eastAsia"), w_attr(fonts, "hAnsi"));
        }
        prop_assert!(w_child(parsed.root(), "docGrid").is_some());
    }
}
