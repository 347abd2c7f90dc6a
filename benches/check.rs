//! `zongjie check` on long drafts. Run with `cargo bench --bench check`.
//!
//! The documents: the party-branch corpus summary
//! (`tests/corpus/party-branch-2020h1.txt`, real placeholders and
//! real mistakes included), imported, with its sections repeated until the
//! draft has 6,000 or 200,000 characters — so nearly every sentence is also
//! a duplicate, the worst case for the duplicate-sentence check; the
//! generated benchmark document `../shared/bench/doc-200k.txt`, imported,
//! when it is present; and an adversarial 200,000-character body.

use std::path::Path;

use zongjie::check::{CheckOptions, check};
use zongjie::document::{Document, Item, Section, SectionKind};
use zongjie::plain_text::import_text;

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [6_000, 200_000];

/// The document as `zongjie import` reads it.
fn read(text: &str) -> Document {
    import_text(text).document
}

/// The corpus summary with its sections repeated until it has `chars` characters.
fn repeated_corpus(chars: usize) -> Document {
    let original = read(include_str!("../tests/corpus/party-branch-2020h1.txt"));
    let mut doc = original.clone();
    while doc.char_count() < chars {
        doc.sections.extend(original.sections.iter().cloned());
    }
    doc
}

#[divan::bench(args = SIZES)]
fn corpus_repeated(bencher: divan::Bencher, chars: usize) {
    let doc = repeated_corpus(chars);
    bencher.bench(|| check(divan::black_box(&doc), &CheckOptions::default()));
}

#[divan::bench]
fn generated_doc_200k(bencher: divan::Bencher) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/doc-200k.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let doc = read(&text);
    bencher.bench(|| check(divan::black_box(&doc), &CheckOptions::default()));
}

/// One 200,000-character body made of what the checks react to — open
/// brackets of every kind, half-width marks, placeholders, chained year
/// ranges — to show that no check is quadratic in a field's length.
fn adversarial(chars: usize) -> Document {
    let pattern = "“（《【XX,某某2019年至2020年至(\"学习.";
    let body: String = pattern.chars().cycle().take(chars).collect();
    let mut section = Section::new(SectionKind::Work, "工作开展情况");
    section.items.push(Item::new("加强理论学习", body));
    Document {
        title: "县自然资源局党支部2020年上半年党建工作总结".into(),
        sections: vec![section],
        ..Document::default()
    }
}

#[divan::bench]
fn adversarial_200k(bencher: divan::Bencher) {
    let doc = adversarial(200_000);
    bencher.bench(|| check(divan::black_box(&doc), &CheckOptions::default()));
}

#[divan::bench]
fn adversarial_200k_json_and_fix_all(bencher: divan::Bencher) {
    let doc = adversarial(200_000);
    let findings = check(&doc, &CheckOptions::default());
    bencher.bench(|| {
        (
            zongjie::check::to_json(divan::black_box(&doc), &findings, zongjie::i18n::Lang::Zh),
            zongjie::check::fix_all(&doc, &findings),
        )
    });
}
