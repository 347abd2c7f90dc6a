//! The outline: the entries a writer moves between — title, preamble, each
//! section and item, signature, notes — and the fields each one edits.

use crate::document::{Document, Field, ItemRef, NodeRef};
use crate::i18n::Lang;
use crate::sanitize::escape_controls;
use unicode_width::UnicodeWidthChar;

/// One line of the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Title,
    Preamble,
    Section(usize),
    Item(ItemRef),
    /// A node of level 3 or 4 below an item.
    Node(NodeRef),
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
            Entry::Node(at) => vec![Field::NodeHeading(at), Field::NodeBody(at)],
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
            Field::NodeHeading(at) | Field::NodeBody(at) => Entry::Node(at),
            Field::SignatureOrganization | Field::SignatureDate => Entry::Signature,
            Field::Notes => Entry::Notes,
        }
    }

    /// The section the entry is in, if any.
    pub fn section(self) -> Option<usize> {
        match self {
            Entry::Section(s) => Some(s),
            Entry::Item(at) => Some(at.section),
            Entry::Node(at) => Some(at.section),
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
        for (i, item) in section.items.iter().enumerate() {
            out.push(Entry::Item(ItemRef::new(s, i)));
            for (c, child) in item.children.iter().enumerate() {
                out.push(Entry::Node(NodeRef::child(s, i, c)));
                out.extend(
                    (0..child.children.len()).map(|g| Entry::Node(NodeRef::grandchild(s, i, c, g))),
                );
            }
        }
    }
    out.push(Entry::Signature);
    out.push(Entry::Notes);
    out
}

/// What the outline shows of an entry after its number: a title or
/// heading, or the first line of a text with content.
pub fn entry_text(doc: &Document, entry: Entry) -> &str {
    match entry {
        Entry::Title => &doc.title,
        Entry::Preamble => first_line(&doc.preamble),
        Entry::Section(s) => doc.sections.get(s).map_or("", |x| &x.title),
        Entry::Item(at) => match doc
            .sections
            .get(at.section)
            .and_then(|s| s.items.get(at.item))
        {
            Some(i) if i.heading.trim().is_empty() => first_line(&i.body),
            Some(i) => &i.heading,
            None => "",
        },
        Entry::Node(at) => match doc.node(at) {
            Some(n) if n.heading.trim().is_empty() => first_line(&n.body),
            Some(n) => &n.heading,
            None => "",
        },
        Entry::Signature => &doc.signature.organization,
        Entry::Notes => first_line(&doc.notes),
    }
}

/// No outline pane is wider than this (the layout makes it at most 55
/// columns wide).
pub const OUTLINE_TEXT_COLUMNS: usize = 256;

/// An entry's outline text as drawn, cut where no outline pane can show
/// more: two texts with the same key look the same in any outline pane up
/// to [`OUTLINE_TEXT_COLUMNS`] wide.
pub fn outline_text_key(doc: &Document, entry: Entry) -> String {
    let text = escape_controls(entry_text(doc, entry));
    let mut columns = 0;
    let end = text
        .char_indices()
        .find(|&(_, c)| {
            columns += c.width().unwrap_or(0);
            columns > OUTLINE_TEXT_COLUMNS
        })
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    // The section's target mark changes as its text grows or shrinks.
    let mark = match entry.section().and_then(|s| super::target_mark(doc, s)) {
        Some(super::TargetMark::FarUnder) => "\u{0}under",
        Some(super::TargetMark::FarOver) => "\u{0}over",
        None => "",
    };
    format!("{}{mark}", &text[..end])
}

/// The first line of a text with something on it, trimmed.
fn first_line(text: &str) -> &str {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
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
        Field::ItemHeading(..) | Field::NodeHeading(_) => lang.pick("小标题", "Heading"),
        Field::ItemBody(..) | Field::NodeBody(_) => lang.pick("正文", "Body"),
        Field::SignatureOrganization => lang.pick("落款单位", "Signed by"),
        Field::SignatureDate => lang.pick("日期", "Date"),
        Field::Notes => lang.pick("素材", "Notes"),
    }
}
