//! Any bytes as a draft file: loading never panics, an error is one line
//! without control characters, and what loads saves and loads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie::storage::{DraftFileError, parse_draft, write_draft};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_draft(text) {
        Ok(doc) => {
            let written = write_draft(&doc);
            let again = parse_draft(&written).expect("a written draft loads");
            assert_eq!(again, doc, "round trip changed the draft");
        }
        Err(e) => {
            let message = e.to_string();
            assert!(
                !message.chars().any(zongjie::sanitize::needs_escape),
                "raw control in {message:?}"
            );
            if let DraftFileError::Syntax { line, column, .. } = e {
                assert!(line >= 1 && column >= 1);
                assert!(line <= text.split('\n').count());
            }
        }
    }
});
