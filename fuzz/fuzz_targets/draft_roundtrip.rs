//! Any document (any text in any field, any kinds and styles): it saves
//! and loads back exactly, and exports without a panic.
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use zongjie::document::{
    Document, Item, NumberingStyle, Section, SectionKind, Signature, TopStyle,
};
use zongjie::plain_text::{ExportOptions, export_text};
use zongjie::storage::{parse_draft, write_draft};

fn document(u: &mut Unstructured) -> Result<Document> {
    let mut sections = Vec::new();
    for _ in 0..u.int_in_range(0..=4)? {
        let mut items = Vec::new();
        for _ in 0..u.int_in_range(0..=4)? {
            let mut item = Item::new(u.arbitrary::<String>()?, u.arbitrary::<String>()?);
            for _ in 0..u.int_in_range(0..=2)? {
                let mut child = Item::new(u.arbitrary::<String>()?, u.arbitrary::<String>()?);
                for _ in 0..u.int_in_range(0..=2)? {
                    let leaf = Item::new(u.arbitrary::<String>()?, u.arbitrary::<String>()?);
                    child.children.push(leaf);
                }
                child.child_style = *u.choose(&NumberingStyle::ALL)?;
                item.children.push(child);
            }
            item.child_style = *u.choose(&NumberingStyle::ALL)?;
            items.push(item);
        }
        sections.push(Section {
            kind: *u.choose(&SectionKind::ALL)?,
            title: u.arbitrary()?,
            style: *u.choose(&NumberingStyle::ALL)?,
            intro: u.arbitrary()?,
            items,
            target_chars: u.arbitrary()?,
        });
    }
    Ok(Document {
        title: u.arbitrary()?,
        organization: u.arbitrary()?,
        period: u.arbitrary()?,
        preamble: u.arbitrary()?,
        notes: u.arbitrary()?,
        target_chars: u.arbitrary()?,
        from: u.arbitrary()?,
        top_style: *u.choose(&TopStyle::ALL)?,
        sections,
        signature: Signature {
            organization: u.arbitrary()?,
            date: u.arbitrary()?,
        },
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = document(&mut Unstructured::new(data)) else {
        return;
    };
    let written = write_draft(&doc);
    assert_eq!(parse_draft(&written).as_ref(), Ok(&doc));
    let width = data.first().map(|&w| usize::from(w % 60) + 4);
    let _ = export_text(
        &doc,
        &ExportOptions {
            width,
            indent: true,
            ..ExportOptions::default()
        },
    );
});
