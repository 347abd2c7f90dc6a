//! The export cut in blocks small enough to render for every frame: the
//! preview renders from the document only the blocks it shows (and PgDn's
//! limit those below the selection), so nothing of the export is kept
//! between frames and nothing is rendered ahead of being shown.

use super::export::{
    Paragraph, head_paragraphs, item_paragraphs, paragraph_index_for, section_head_paragraphs,
    section_paragraphs, tail_paragraphs,
};
use crate::document::{Document, Field, NumberingStyle};

/// A run of the export's paragraphs, in the export's order: the head, then
/// for each section its head and its items (or, when its items run on in
/// one paragraph, the whole section), then the tail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// The title and the preamble.
    Head,
    /// A section's numbered title and intro; its items follow as blocks.
    SectionHead(usize),
    /// An item on a line of its own: its numbered line, the rest of its
    /// body, its children.
    Item(usize, usize),
    /// A section whose items run on (一是……二是……), whole: its first item
    /// joins the intro's last paragraph.
    InlineSection(usize),
    /// The signature.
    Tail,
}

impl Block {
    /// The block that shows `field`: the fields not exported are placed
    /// with the ones beside them (organization and period at the head,
    /// notes at the tail).
    pub fn of_field(doc: &Document, field: Field) -> Block {
        match (field.section(), field.item()) {
            (Some(s), _) if inline(doc, s) => Block::InlineSection(s),
            (Some(_), Some((s, i))) => Block::Item(s, i),
            (Some(s), None) => Block::SectionHead(s),
            (None, _) => match field {
                Field::Title | Field::Organization | Field::Period | Field::Preamble => Block::Head,
                _ => Block::Tail,
            },
        }
    }

    /// The paragraphs of this block of `doc`.
    pub fn paragraphs(self, doc: &Document) -> Vec<Paragraph> {
        match self {
            Block::Head => head_paragraphs(doc),
            Block::SectionHead(s) => section_head_paragraphs(doc, s),
            Block::Item(s, i) => item_paragraphs(doc, s, i).unwrap_or_default(),
            Block::InlineSection(s) => section_paragraphs(doc, s),
            Block::Tail => tail_paragraphs(doc),
        }
    }

    /// The block after this one, `None` after the tail.
    pub fn next(self, doc: &Document) -> Option<Block> {
        let after_section = |s: usize| Some(section_start(doc, s + 1).unwrap_or(Block::Tail));
        match self {
            Block::Head => Some(section_start(doc, 0).unwrap_or(Block::Tail)),
            Block::SectionHead(s) if item_count(doc, s) > 0 => Some(Block::Item(s, 0)),
            Block::Item(s, i) if i + 1 < item_count(doc, s) => Some(Block::Item(s, i + 1)),
            Block::SectionHead(s) | Block::Item(s, _) | Block::InlineSection(s) => after_section(s),
            Block::Tail => None,
        }
    }

    /// The block before this one, `None` before the head.
    pub fn previous(self, doc: &Document) -> Option<Block> {
        let before_section = |s: usize| {
            Some(match s.checked_sub(1) {
                Some(p) => section_end(doc, p),
                None => Block::Head,
            })
        };
        match self {
            Block::Head => None,
            Block::Item(s, 0) => Some(Block::SectionHead(s)),
            Block::Item(s, i) => Some(Block::Item(s, i - 1)),
            Block::SectionHead(s) | Block::InlineSection(s) => before_section(s),
            Block::Tail => before_section(doc.sections.len()),
        }
    }
}

fn inline(doc: &Document, s: usize) -> bool {
    doc.sections
        .get(s)
        .is_some_and(|section| section.style == NumberingStyle::OrdinalInline)
}

fn item_count(doc: &Document, s: usize) -> usize {
    doc.sections.get(s).map_or(0, |section| section.items.len())
}

/// The first block of section `s`, `None` past the last section.
fn section_start(doc: &Document, s: usize) -> Option<Block> {
    (s < doc.sections.len()).then(|| {
        if inline(doc, s) {
            Block::InlineSection(s)
        } else {
            Block::SectionHead(s)
        }
    })
}

/// The last block of section `s`, which exists.
fn section_end(doc: &Document, s: usize) -> Block {
    match item_count(doc, s) {
        _ if inline(doc, s) => Block::InlineSection(s),
        0 => Block::SectionHead(s),
        n => Block::Item(s, n - 1),
    }
}

/// Where the preview shows a field: its block, rendered, and the
/// paragraph of it where the field is shown from.
#[derive(Debug, Clone)]
pub struct Anchor {
    block: Block,
    index: usize,
    paragraphs: Vec<Paragraph>,
}

/// Where `field` is shown: its block and the paragraph in it where the
/// preview starts for it.
pub fn anchor(doc: &Document, field: Field) -> Anchor {
    let block = Block::of_field(doc, field);
    let paragraphs = block.paragraphs(doc);
    let index = paragraph_index_for(&paragraphs, field).min(paragraphs.len());
    Anchor {
        block,
        index,
        paragraphs,
    }
}

impl Anchor {
    /// The export's paragraphs before the anchor, nearest first, each
    /// block rendered when it is reached.
    pub fn before<'a>(&'a self, doc: &'a Document) -> impl Iterator<Item = Paragraph> + 'a {
        let earlier = std::iter::successors(self.block.previous(doc), move |b| b.previous(doc))
            .flat_map(move |b| b.paragraphs(doc).into_iter().rev());
        self.paragraphs[..self.index]
            .iter()
            .rev()
            .cloned()
            .chain(earlier)
    }

    /// The export's paragraphs from the anchor to the end, each block
    /// rendered when it is reached.
    pub fn from(self, doc: &Document) -> impl Iterator<Item = Paragraph> + '_ {
        let later = std::iter::successors(self.block.next(doc), move |b| b.next(doc))
            .flat_map(move |b| b.paragraphs(doc));
        self.paragraphs.into_iter().skip(self.index).chain(later)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Item, Section, SectionKind};
    use crate::plain_text::{ExportOptions, export_text};

    /// A draft with a section of items on their own lines (one with
    /// children), one of items that run on, and one with no items.
    fn sample() -> Document {
        let mut work = Section::new(SectionKind::Work, "工作开展情况");
        work.intro = "一年来，支部做了三件事。\n第二段引言。".into();
        let mut first = Item::new("抓学习", "集中学习12次。\n另起一段。");
        first.children = vec![Item::new("读原文", "读了三本。")];
        work.items = vec![first, Item::new("强组织", "换届一次。")];
        let mut problems = Section::new(SectionKind::Problems, "存在的问题");
        problems.intro = "主要表现在：".into();
        problems.style = NumberingStyle::OrdinalInline;
        problems.items = vec![Item::new("", "学习不深。"), Item::new("", "制度落实不严。")];
        let plans = Section::new(SectionKind::Next, "下一步打算");
        let mut doc = Document {
            title: "XX党支部2026年上半年党建工作总结".into(),
            preamble: "今年以来，支部围绕中心工作。".into(),
            sections: vec![work, problems, plans],
            ..Document::default()
        };
        doc.signature.organization = "XX党支部".into();
        doc.signature.date = "2026年7月1日".into();
        doc
    }

    fn plain() -> ExportOptions {
        ExportOptions {
            indent: false,
            blank_lines: false,
            width: None,
            ..ExportOptions::default()
        }
    }

    fn texts(paragraphs: impl Iterator<Item = Paragraph>) -> Vec<String> {
        paragraphs.map(|p| p.text).collect()
    }

    #[test]
    fn the_blocks_in_order_are_the_exported_text() {
        let doc = sample();
        let export = export_text(&doc, &plain());
        let lines: Vec<&str> = export.lines().collect();
        let forwards = std::iter::successors(Some(Block::Head), |b| b.next(&doc));
        assert_eq!(texts(forwards.flat_map(|b| b.paragraphs(&doc))), lines);
        let backwards = std::iter::successors(Some(Block::Tail), |b| b.previous(&doc));
        let mut backwards = texts(backwards.flat_map(|b| b.paragraphs(&doc).into_iter().rev()));
        backwards.reverse();
        assert_eq!(backwards, lines);
    }

    #[test]
    fn from_any_field_the_walks_meet_at_its_anchor() {
        let doc = sample();
        let export = export_text(&doc, &plain());
        let lines: Vec<&str> = export.lines().collect();
        for field in doc.fields() {
            let at = anchor(&doc, field);
            let mut before = texts(at.before(&doc));
            before.reverse();
            let after = texts(at.from(&doc));
            assert_eq!([before.clone(), after].concat(), lines, "{field:?}");
            // The anchor is where the field's text is.
            if let Some(text) = doc.text(field).filter(|t| !t.trim().is_empty())
                && field.is_exported()
            {
                let first = text.lines().next().unwrap_or("").trim();
                assert!(
                    lines[before.len()..].iter().any(|l| l.contains(first)),
                    "{field:?}: {first} not at or after the anchor"
                );
            }
        }
    }
}
