//! The outline: the entries a writer moves between — title, preamble, each
//! section and item, signature, notes — and the fields each one edits.

use std::collections::HashSet;

use super::EditorState;
use crate::document::{
    Document, Edit, Field, Item, ItemRef, MAX_LEVEL, NodeRef, Point, default_child_style,
    point_demote, point_promote, section_to_item,
};
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

impl EditorState {
    /// Tab on a row with points below it: folded → its children shown (theirs
    /// folded) → everything below shown → folded again.
    pub(super) fn cycle_fold(&mut self) -> OutlineNote {
        let row = self.selected_entry();
        let below: Vec<Entry> = entries(&self.doc)
            .into_iter()
            .filter(|e| e.ancestors().contains(&row) && e.has_children(&self.doc))
            .collect();
        let note = if self.folded.contains(&row) {
            self.folded.remove(&row);
            let children: Vec<Entry> = below
                .iter()
                .copied()
                .filter(|e| e.ancestors().first() == Some(&row) || Self::is_item_of(*e, row))
                .collect();
            self.folded.extend(children);
            OutlineNote::Children
        } else if below.iter().any(|e| self.folded.contains(e)) {
            for e in &below {
                self.folded.remove(e);
            }
            OutlineNote::All
        } else {
            self.folded.insert(row);
            OutlineNote::Folded
        };
        self.refold(row);
        note
    }

    /// Whether `e` is an item directly below section `row`.
    fn is_item_of(e: Entry, row: Entry) -> bool {
        matches!((e, row), (Entry::Item(at), Entry::Section(s)) if at.section == s)
    }

    /// Shift+Tab: sections only → sections and items → everything.
    pub(super) fn cycle_fold_all(&mut self) -> OutlineNote {
        let all = entries(&self.doc);
        let sections: Vec<Entry> = all
            .iter()
            .copied()
            .filter(|e| matches!(e, Entry::Section(_)) && e.has_children(&self.doc))
            .collect();
        let note = if self.folded.is_empty() && !sections.is_empty() {
            self.folded.extend(sections);
            OutlineNote::Sections
        } else if !sections.is_empty() && sections.iter().all(|s| self.folded.contains(s)) {
            self.folded.clear();
            let items = all
                .iter()
                .copied()
                .filter(|e| matches!(e, Entry::Item(_)) && e.has_children(&self.doc));
            self.folded.extend(items);
            OutlineNote::Items
        } else {
            self.folded.clear();
            OutlineNote::Everything
        };
        // The selection stays on its row, or on the row that hides it.
        let row = self.selected_entry();
        let shown = row
            .ancestors()
            .into_iter()
            .rev()
            .find(|a| self.folded.contains(a))
            .unwrap_or(row);
        self.refold(shown);
        note
    }

    /// The outline again after a fold, with `row` selected.
    fn refold(&mut self, row: Entry) {
        self.entries = visible_entries(&self.doc, &self.folded);
        let index = self.entries.iter().position(|e| *e == row).unwrap_or(0);
        self.select(index);
    }

    /// A new point one level below the selected section, item or node (at
    /// the end of its children), numbered in its level's usual style when it
    /// is the first.
    pub(super) fn new_child(&mut self) -> bool {
        match self.selected_entry() {
            Entry::Section(s) => {
                let at = ItemRef::new(s, self.doc.sections[s].items.len());
                self.folded.remove(&Entry::Section(s));
                self.apply(Edit::InsertItem {
                    at,
                    item: Item::default(),
                })
            }
            entry => {
                let Some(parent) = entry.point() else {
                    return false;
                };
                let Some(item) = self.doc.point(parent) else {
                    return false;
                };
                let Some(at) = parent.child(item.children.len()) else {
                    return false;
                };
                let insert = Edit::InsertPoint {
                    at,
                    item: Item::default(),
                };
                let style = default_child_style(parent.level() + 1);
                let edit = if item.children.is_empty() && item.child_style != style {
                    Edit::Batch(vec![Edit::SetChildStyle { at: parent, style }, insert])
                } else {
                    insert
                };
                self.apply(edit)
            }
        }
    }

    /// Why no child can be added to the selection, if none could.
    pub(super) fn why_no_child(&self) -> Option<OutlineNote> {
        match self.selected_entry().point() {
            Some(p) if p.level() >= MAX_LEVEL => Some(OutlineNote::FourLevelsAtMost),
            Some(_) => None,
            None => Some(OutlineNote::NoPointHere),
        }
    }

    /// Alt+← (`up`) or Alt+→: the selected point and everything below it
    /// one level up or down; both levels renumber.
    pub(super) fn change_level(&mut self, up: bool) -> bool {
        let Some(point) = self.selected_entry().point() else {
            return match self.selected_entry() {
                Entry::Section(s) if !up => {
                    section_to_item(&self.doc, s).is_some_and(|e| self.apply(e))
                }
                _ => false,
            };
        };
        let edit = if up {
            point_promote(&self.doc, point)
        } else {
            point_demote(&self.doc, point)
        };
        edit.is_some_and(|e| self.apply(e))
    }

    /// Why the selection cannot change level that way, if it cannot.
    pub(super) fn why_not_level(&self, up: bool) -> Option<OutlineNote> {
        let Some(point) = self.selected_entry().point() else {
            return Some(match self.selected_entry() {
                Entry::Section(_) if up => OutlineNote::SectionsAreTop,
                Entry::Section(0) => OutlineNote::FirstCannotDemote,
                Entry::Section(s) => {
                    let items = self.doc.sections.get(s).map_or(&[][..], |s| &s.items);
                    let depth = items.iter().map(Item::depth_below).max().unwrap_or(0);
                    return (3 + depth > MAX_LEVEL).then_some(OutlineNote::FourLevelsAtMost);
                }
                _ => OutlineNote::NoPointHere,
            });
        };
        if up {
            return None;
        }
        if point.index() == 0 {
            return Some(OutlineNote::FirstCannotDemote);
        }
        let depth = self.doc.point(point).map_or(0, Item::depth_below);
        (point.level() + 1 + depth > MAX_LEVEL).then_some(OutlineNote::FourLevelsAtMost)
    }
}
