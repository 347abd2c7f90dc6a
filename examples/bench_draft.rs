//! Writes a draft for the pty benchmarks (`scripts/bench-tui`) from one of
//! `../shared/bench/doc-*.txt`, while the binary has no `zongjie import`:
//! `cargo run --release --example bench_draft -- DATA_DIR ID TEXT_FILE`.
//! The draft goes through the ordinary `Store::create`, so it is exactly
//! the file zongjie itself would write; the export of the draft is checked
//! against the text so that every benchmark edits the same document.

#[path = "../benches/support/text_draft.rs"]
mod text_draft;

use std::process::ExitCode;

use zongjie::plain_text::{ExportOptions, export_text};
use zongjie::storage::{DraftId, Store};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, id, file] = args.as_slice() else {
        eprintln!("usage: bench_draft DATA_DIR ID TEXT_FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("bench_draft: {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let doc = text_draft::draft_from_text(&text);
    let exported = export_text(&doc, &ExportOptions::default());
    if exported.trim_end() != text.trim_end() {
        eprintln!("bench_draft: {file}: the draft does not export back to the text");
        return ExitCode::from(1);
    }
    let store = Store::new(dir);
    let result = DraftId::parse(id)
        .map_err(|e| e.to_string())
        .and_then(|id| store.create(Some(id), &doc).map_err(|e| e.to_string()));
    match result {
        Ok(id) => {
            println!("{id}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("bench_draft: {e}");
            ExitCode::from(1)
        }
    }
}
