//! Export to .docx of the 6,000- and 200,000-character drafts (see
//! `support`). Run with `cargo bench --bench docx`.

mod support;

use support::SIZES;
use zongjie::docx::{DocxFonts, export_docx};

fn main() {
    divan::main();
}

/// `zongjie export --format docx`: the whole package, zipped, in memory.
#[divan::bench(args = SIZES)]
fn export_docx_package(bencher: divan::Bencher, chars: usize) {
    let doc = support::draft(chars);
    let fonts = DocxFonts::default();
    bencher.bench(|| export_docx(divan::black_box(&doc), &fonts).expect("docx"));
}
