//! Levels 3 and 4 in the .docx (GB/T 9704): after 一、 in 黑体 and （一） in
//! 楷体, `1.` and `（1）` points are set in 仿宋 like the body, in the same
//! order and with the same numbers as the .txt export. Read back with a zip
//! reader and an XML parser of the tests' own.

mod common;

use common::docx::{Package, body_paragraphs, text_of, w_all, w_attr, w_child};
use zongjie::document::{Document, Item, NumberingStyle, Section, SectionKind, TopStyle};
use zongjie::docx::{DocxFonts, export_docx};
use zongjie::plain_text::{ExportOptions, export_text};

fn four_levels(top: TopStyle) -> Document {
    let mut work = Section::new(SectionKind::Work, "主要工作");
    work.style = match top {
        TopStyle::Paren => NumberingStyle::ArabicComma,
        _ => NumberingStyle::Paren,
    };
    work.items = vec![Item::new("加强思想建设", "").with_children(
        NumberingStyle::Arabic,
        vec![
            Item::new("抓学习", "全年集中学习24次。"),
            Item::new("抓教育", "").with_children(
                NumberingStyle::ArabicParen,
                vec![
                    Item::new("讲党课", "书记讲党课4次。"),
                    Item::new("", "警示教育2次。"),
                ],
            ),
        ],
    )];
    Document {
        title: "XX党支部2023年工作总结".into(),
        top_style: top,
        sections: vec![work],
        ..Document::default()
    }
}

/// Each non-empty paragraph as (its text, the fonts of its runs in order).
fn paragraphs(doc: &Document) -> Vec<(String, Vec<(String, String)>)> {
    let bytes = export_docx(doc, &DocxFonts::default()).expect("exported");
    let xml = Package::open(&bytes).xml("word/document.xml");
    let parsed = roxmltree::Document::parse(&xml).unwrap();
    body_paragraphs(&parsed)
        .into_iter()
        .filter(|p| !text_of(*p).is_empty())
        .map(|p| {
            let runs = w_all(p, "r")
                .filter(|r| w_child(*r, "t").is_some())
                .map(|r| {
                    let fonts = w_child(r, "rFonts").expect("fonts");
                    (text_of(r), w_attr(fonts, "eastAsia").unwrap().to_string())
                })
                .collect();
            (text_of(p), runs)
        })
        .collect()
}

#[test]
fn levels_three_and_four_are_fangsong_in_the_txt_order() {
    for top in [TopStyle::Chinese, TopStyle::Paren] {
        let doc = four_levels(top);
        let got = paragraphs(&doc);
        let txt = export_text(&doc, &ExportOptions::default());
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        let lines: Vec<&str> = txt.lines().collect();
        assert_eq!(texts, lines, "the same paragraphs as the .txt");
        let fangsong = "仿宋_GB2312".to_string();
        for (text, runs) in &got[3..] {
            // 1.抓学习。… 2.抓教育。 （1）讲党课。… （2）警示教育2次。
            assert!(
                runs.iter().all(|(_, font)| *font == fangsong),
                "{text}: {runs:?}"
            );
        }
        let section = &got[1].1;
        assert!(section.iter().all(|(_, f)| f == "黑体"), "{section:?}");
        let item = &got[2].1;
        let want_item_font = match top {
            TopStyle::Paren => "仿宋_GB2312",
            _ => "楷体_GB2312",
        };
        assert_eq!(item[0].1, want_item_font, "{item:?}");
        assert_eq!(texts[3], "1.抓学习。全年集中学习24次。");
        assert_eq!(texts[6], "（2）警示教育2次。");
    }
}
