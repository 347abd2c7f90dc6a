//! Any bytes as a plain-text summary to import: never a panic, and the
//! imported draft saves and loads back exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie::plain_text::{ExportOptions, export_text, import_bytes};
use zongjie::storage::{parse_draft, write_draft};

fuzz_target!(|data: &[u8]| {
    let Ok(imported) = import_bytes(data) else {
        return;
    };
    let doc = imported.document;
    assert_eq!(parse_draft(&write_draft(&doc)).as_ref(), Ok(&doc));
    let _ = export_text(&doc, &ExportOptions::default());
});
