//! Export, load and save of a 6,000- and a 200,000-character draft.
//! Run with `cargo bench --bench core`.

use zongjie::document::{Document, Item, NumberingStyle, Section, SectionKind};
use zongjie::plain_text::{ExportOptions, export_text};
use zongjie::storage::{parse_draft, write_draft};

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [6_000, 200_000];

/// A genre-shaped document of about `chars` characters: sections past 十,
/// items past （十）, one ordinal-inline section, long paragraphs.
fn document(chars: usize) -> Document {
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

#[divan::bench(args = SIZES)]
fn export_plain(bencher: divan::Bencher, chars: usize) {
    let doc = document(chars);
    bencher.bench(|| export_text(divan::black_box(&doc), &ExportOptions::default()));
}

#[divan::bench(args = SIZES)]
fn export_width_40(bencher: divan::Bencher, chars: usize) {
    let doc = document(chars);
    let options = ExportOptions {
        width: Some(40),
        indent: true,
        ..ExportOptions::default()
    };
    bencher.bench(|| export_text(divan::black_box(&doc), &options));
}

#[divan::bench(args = SIZES)]
fn save_to_toml(bencher: divan::Bencher, chars: usize) {
    let doc = document(chars);
    bencher.bench(|| write_draft(divan::black_box(&doc)));
}

#[divan::bench(args = SIZES)]
fn load_from_toml(bencher: divan::Bencher, chars: usize) {
    let text = write_draft(&document(chars));
    bencher.bench(|| parse_draft(divan::black_box(&text)));
}
