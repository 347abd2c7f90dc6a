//! The outline: the entries a writer moves between — title, preamble, each
//! section and item, signature, notes — and the fields each one edits.

use crate::document::{Document, Field, ItemRef};
use crate::i18n::Lang;

/// One line of the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Title,
    Preamble,
    Section(usize),
    Item(ItemRef),
    Signature,
    Notes,
}

impl Entry {
    /// The fields the editor pane shows for this entry, in order.
    pub fn fields(self) -> Vec<Field> {
        match self {
            Entry::Title => vec![Field::Title, Field::Organization, Field::Period],
            Entry::Preamble => vec![Field::Preamble],
            Entry::Section(s) => vec![Field::SectionTitle(s), Field::SectionIntro(s)],
            Entry::Item(at) => vec![
                Field::ItemHeading(at.section, at.item),
                Field::ItemBody(at.section, at.item),
            ],
            Entry::Signature => vec![Field::SignatureOrganization, Field::SignatureDate],
            Entry::Notes => vec![Field::Notes],
        }
    }

    /// The entry that shows `field`.
    pub fn of_field(field: Field) -> Entry {
        match field {
            Field::Title | Field::Organization | Field::Period => Entry::Title,
            Field::Preamble => Entry::Preamble,
            Field::SectionTitle(s) | Field::SectionIntro(s) => Entry::Section(s),
            Field::ItemHeading(s, i) | Field::ItemBody(s, i) => Entry::Item(ItemRef::new(s, i)),
            Field::SignatureOrganization | Field::SignatureDate => Entry::Signature,
            Field::Notes => Entry::Notes,
        }
    }

    /// The section the entry is in, if any.
    pub fn section(self) -> Option<usize> {
        match self {
            Entry::Section(s) => Some(s),
            Entry::Item(at) => Some(at.section),
            _ => None,
        }
    }
}

/// All entries of a document in outline order.
pub fn entries(doc: &Document) -> Vec<Entry> {
    let mut out = Vec::with_capacity(4 + doc.sections.len() + doc.item_count());
    out.push(Entry::Title);
    out.push(Entry::Preamble);
    for (s, section) in doc.sections.iter().enumerate() {
        out.push(Entry::Section(s));
        out.extend((0..section.items.len()).map(|i| Entry::Item(ItemRef::new(s, i))));
    }
    out.push(Entry::Signature);
    out.push(Entry::Notes);
    out
}

/// The label of a field in the editor pane.
pub fn field_label(field: Field, lang: Lang) -> &'static str {
    match field {
        Field::Title => lang.pick("标题", "Title"),
        Field::Organization => lang.pick("单位", "Organization"),
        Field::Period => lang.pick("时期", "Period"),
        Field::Preamble => lang.pick("导语", "Preamble"),
        Field::SectionTitle(_) => lang.pick("部分标题", "Section title"),
        Field::SectionIntro(_) => lang.pick("引言", "Intro"),
        Field::ItemHeading(..) => lang.pick("小标题", "Heading"),
        Field::ItemBody(..) => lang.pick("正文", "Body"),
        Field::SignatureOrganization => lang.pick("落款单位", "Signed by"),
        Field::SignatureDate => lang.pick("日期", "Date"),
        Field::Notes => lang.pick("素材", "Notes"),
    }
}
