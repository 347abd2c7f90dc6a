//! The outline: the entries a writer moves between — title, preamble, each
//! section and item, signature, notes — and the fields each one edits.

use std::collections::HashSet;

use crate::document::{Document, Field, ItemRef, NodeRef, Point};
use crate::i18n::Lang;

/// One line of the outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

impl Entry {
    /// The numbered point the entry is, if it is one.
    pub fn point(self) -> Option<Point> {
        match self {
            Entry::Item(at) => Some(Point::Item(at)),
            Entry::Node(at) => Some(Point::Node(at)),
            _ => None,
        }
    }

    /// The entry of a point.
    pub fn of_point(point: Point) -> Entry {
        match point {
            Point::Item(at) => Entry::Item(at),
            Point::Node(at) => Entry::Node(at),
        }
    }

    /// The entries above this one: its section, item and level-3 node.
    pub fn ancestors(self) -> Vec<Entry> {
        let mut out = Vec::new();
        let mut point = self.point();
        while let Some(p) = point.and_then(Point::parent) {
            out.push(Entry::of_point(p));
            point = Some(p);
        }
        if let Some(s) = self.point().map(Point::section) {
            out.push(Entry::Section(s));
        }
        out
    }

    /// Whether the entry has entries below it that folding can hide.
    pub fn has_children(self, doc: &Document) -> bool {
        match self {
            Entry::Section(s) => doc.sections.get(s).is_some_and(|x| !x.items.is_empty()),
            _ => self
                .point()
                .and_then(|p| doc.point(p))
                .is_some_and(|item| !item.children.is_empty()),
        }
    }
}

/// The entries the outline shows when the entries in `folded` hide what is
/// below them.
pub fn visible_entries(doc: &Document, folded: &HashSet<Entry>) -> Vec<Entry> {
    let all = entries(doc);
    if folded.is_empty() {
        return all;
    }
    all.into_iter()
        .filter(|e| !e.ancestors().iter().any(|a| folded.contains(a)))
        .collect()
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

/// What a fold or a refused outline key did, for the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineNote {
    Folded,
    Children,
    All,
    Sections,
    Items,
    Everything,
    FourLevelsAtMost,
    FirstCannotDemote,
    SectionsAreTop,
    NoPointHere,
}

impl OutlineNote {
    pub fn say(self, lang: Lang) -> &'static str {
        match self {
            OutlineNote::Folded => lang.pick("已折叠", "Folded"),
            OutlineNote::Children => lang.pick("显示下一级", "Showing the next level"),
            OutlineNote::All => lang.pick("全部展开", "Showing everything below"),
            OutlineNote::Sections => lang.pick("大纲：只显示部分", "Outline: sections only"),
            OutlineNote::Items => lang.pick("大纲：显示到条目", "Outline: sections and items"),
            OutlineNote::Everything => lang.pick("大纲：全部展开", "Outline: everything"),
            OutlineNote::FourLevelsAtMost => lang.pick(
                "最多四级（一、（一）1.（1）），不能再降级",
                "Four levels at most (一、（一）1.（1）): cannot go deeper",
            ),
            OutlineNote::FirstCannotDemote => lang.pick(
                "第一条上面没有同级条目，不能降级",
                "The first point has no point above it to go under",
            ),
            OutlineNote::SectionsAreTop => lang.pick(
                "部分已是最高一级，不能再升级",
                "Sections are the top level: they cannot go higher",
            ),
            OutlineNote::NoPointHere => lang.pick(
                "选中一个部分或条目再操作",
                "Select a section or a point first",
            ),
        }
    }
}
