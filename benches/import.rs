//! Import of a 6,000- and a 200,000-character summary (the generated
//! documents in `../shared/bench`, made by `gen_doc.py --seed 1`): the
//! structure parser alone, and decoding plus parsing from bytes, UTF-8 and
//! GB18030. Run with `cargo bench --bench import`.

use std::path::Path;

use zongjie::document::{Document, Item, NumberingStyle, Section, SectionKind};
use zongjie::plain_text::{
    ExportOptions, TextEncoding, encode, export_text, import_bytes, import_text,
};

fn main() {
    divan::main();
}

const DOCS: [&str; 2] = ["doc-6k.txt", "doc-200k.txt"];

/// The benchmark document, or, where `../shared/bench` is absent, a
/// genre-shaped one of about the same size.
fn text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/bench")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|_| {
        let chars = if name.contains("200k") {
            200_000
        } else {
            6_000
        };
        export_text(&generated(chars), &ExportOptions::default())
    })
}

fn generated(chars: usize) -> Document {
    let sentence = "坚持以习近平新时代中国特色社会主义思想为指导，认真落实“三会一课”制度，组织集中学习12次，党员干部的理论素养进一步提升。";
    let mut doc = Document {
        title: "县自然资源局党支部2026年上半年党建工作总结".into(),
        preamble: sentence.repeat(2),
        ..Document::default()
    };
    let mut s = 0;
    while doc.char_count() < chars {
        let mut section = Section::new(SectionKind::Work, "工作开展情况");
        if s % 5 == 3 {
            section.style = NumberingStyle::OrdinalInline;
            section.intro = "主要表现在：".into();
        }
        for _ in 0..12 {
            section
                .items
                .push(Item::new("健全长效机制", sentence.repeat(3)));
        }
        doc.sections.push(section);
        s += 1;
    }
    doc
}

#[divan::bench(args = DOCS)]
fn parse_text(bencher: divan::Bencher, name: &str) {
    let text = text(name);
    bencher
        .counter(divan::counter::CharsCount::new(text.chars().count()))
        .bench(|| import_text(divan::black_box(&text)));
}

#[divan::bench(args = DOCS)]
fn decode_and_parse_utf8(bencher: divan::Bencher, name: &str) {
    let bytes = text(name).into_bytes();
    bencher.bench(|| import_bytes(divan::black_box(&bytes)));
}

#[divan::bench(args = DOCS)]
fn decode_and_parse_gb18030(bencher: divan::Bencher, name: &str) {
    let bytes = encode(&text(name), TextEncoding::Gb18030);
    bencher.bench(|| import_bytes(divan::black_box(&bytes)));
}
