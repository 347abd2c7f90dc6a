//! `zongjie check` on long drafts. Run with `cargo bench --bench check`.
//!
//! The documents are built here, not imported (the import parser is
//! another module): the party-branch corpus summary
//! (`tests/check_corpus/party-branch-2020h1.txt`, real placeholders and
//! real mistakes included) with its sections repeated until the draft has
//! 6,000 or 200,000 characters — so nearly every sentence is also a
//! duplicate, the worst case for the duplicate-sentence check. When
//! `../shared/bench/doc-200k.txt` (the generated benchmark document) is
//! present, it is read the same way and checked too.

use std::path::Path;

use zongjie::check::{CheckOptions, check};
use zongjie::document::{Document, Item, Section, SectionKind};

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [6_000, 200_000];

/// Title, preamble, `一、` sections and `（一）heading。body` items of a text
/// of the genre; other lines go to the intro or the body before them.
fn read(text: &str) -> Document {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut doc = Document {
        title: lines.next().unwrap_or_default().to_string(),
        ..Document::default()
    };
    let append = |field: &mut String, line: &str| {
        if !field.is_empty() {
            field.push('\n');
        }
        field.push_str(line);
    };
    for line in lines {
        let numeral: String = line
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .collect();
        if let Some(title) = line
            .strip_prefix(numeral.as_str())
            .and_then(|rest| rest.strip_prefix('、'))
            .filter(|_| !numeral.is_empty())
        {
            doc.sections
                .push(Section::new(SectionKind::classify(title), title));
            continue;
        }
        let Some(section) = doc.sections.last_mut() else {
            append(&mut doc.preamble, line);
            continue;
        };
        if let Some(rest) = line
            .strip_prefix('（')
            .and_then(|l| l.split_once('）'))
            .map(|(_, rest)| rest)
        {
            let (heading, body) = rest.split_once('。').unwrap_or((rest, ""));
            section.items.push(Item::new(heading, body));
            continue;
        }
        match section.items.last_mut() {
            Some(item) => append(&mut item.body, line),
            None => append(&mut section.intro, line),
        }
    }
    doc
}

/// The corpus summary with its sections repeated until it has `chars` characters.
fn repeated_corpus(chars: usize) -> Document {
    let original = read(include_str!(
        "../tests/check_corpus/party-branch-2020h1.txt"
    ));
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
