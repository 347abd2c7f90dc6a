//! Structural and text edits as values. Applying an edit returns its inverse,
//! which is what makes undo and redo exact: the history stores inverses, never
//! copies of the whole document.

use super::{
    Document, Field, Item, MAX_LEVEL, NodeRef, NumberingStyle, Section, SectionKind,
    default_child_style,
};

/// Where an item is: section index and item index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub section: usize,
    pub item: usize,
}

impl ItemRef {
    pub fn new(section: usize, item: usize) -> Self {
        ItemRef { section, item }
    }
}

/// A numbered point at any level below the sections: an item (level 2) or
/// a node (levels 3 and 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Point {
    Item(ItemRef),
    Node(NodeRef),
}

impl Point {
    /// The point at `path` (item, child, grandchild indices) of `section`.
    pub fn from_path(section: usize, path: &[usize]) -> Option<Point> {
        Some(match *path {
            [item] => Point::Item(ItemRef::new(section, item)),
            [item, child] => Point::Node(NodeRef::child(section, item, child)),
            [item, child, grandchild] => {
                Point::Node(NodeRef::grandchild(section, item, child, grandchild))
            }
            _ => return None,
        })
    }

    pub fn section(self) -> usize {
        match self {
            Point::Item(at) => at.section,
            Point::Node(at) => at.section,
        }
    }

    /// The indices below the section: item, then child, then grandchild.
    pub fn path(self) -> Vec<usize> {
        match self {
            Point::Item(at) => vec![at.item],
            Point::Node(at) => {
                let mut path = vec![at.item, at.child];
                path.extend(at.grandchild);
                path
            }
        }
    }

    /// 2 for an item, 3 or 4 for a node.
    pub fn level(self) -> usize {
        match self {
            Point::Item(_) => 2,
            Point::Node(at) => at.level(),
        }
    }

    /// The index among its siblings.
    pub fn index(self) -> usize {
        match self {
            Point::Item(at) => at.item,
            Point::Node(at) => at.index(),
        }
    }

    /// The point this one is a child of (none for an item).
    pub fn parent(self) -> Option<Point> {
        let path = self.path();
        Point::from_path(self.section(), &path[..path.len() - 1])
    }

    /// Child `index` of this point, if it may have children.
    pub fn child(self, index: usize) -> Option<Point> {
        let mut path = self.path();
        path.push(index);
        Point::from_path(self.section(), &path)
    }

    pub fn heading(self) -> Field {
        match self {
            Point::Item(at) => Field::ItemHeading(at.section, at.item),
            Point::Node(at) => Field::NodeHeading(at),
        }
    }
}

impl Document {
    /// The point at `at`.
    pub fn point(&self, at: Point) -> Option<&Item> {
        match at {
            Point::Item(i) => self.sections.get(i.section)?.items.get(i.item),
            Point::Node(n) => self.node(n),
        }
    }

    fn point_mut(&mut self, at: Point) -> Option<&mut Item> {
        match at {
            Point::Item(i) => self.sections.get_mut(i.section)?.items.get_mut(i.item),
            Point::Node(n) => self.node_mut(n),
        }
    }

    /// The list `at` is in: its section's items or its parent's children.
    fn siblings_mut(&mut self, at: Point) -> Option<&mut Vec<Item>> {
        match at.parent() {
            None => Some(&mut self.sections.get_mut(at.section())?.items),
            Some(parent) => Some(&mut self.point_mut(parent)?.children),
        }
    }

    /// Every point of `level` in reading order.
    pub fn points_at(&self, level: usize) -> Vec<Point> {
        let mut out = Vec::new();
        for (s, section) in self.sections.iter().enumerate() {
            for (i, item) in section.items.iter().enumerate() {
                let at = Point::Item(ItemRef::new(s, i));
                if level == 2 {
                    out.push(at);
                    continue;
                }
                for (c, child) in item.children.iter().enumerate() {
                    let at = Point::Node(NodeRef::child(s, i, c));
                    if level == 3 {
                        out.push(at);
                        continue;
                    }
                    out.extend(
                        (0..child.children.len())
                            .map(|g| Point::Node(NodeRef::grandchild(s, i, c, g))),
                    );
                }
            }
        }
        out
    }
}

/// One change to a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Remove the item at `from`, then insert it at `to` (indices after removal).
    MoveItem {
        from: ItemRef,
        to: ItemRef,
    },
    /// Remove the section at `from`, then insert it at `to`.
    MoveSection {
        from: usize,
        to: usize,
    },
    InsertItem {
        at: ItemRef,
        item: Item,
    },
    DeleteItem {
        at: ItemRef,
    },
    InsertSection {
        at: usize,
        section: Box<Section>,
    },
    DeleteSection {
        at: usize,
    },
    SetText {
        field: Field,
        text: String,
    },
    SetKind {
        section: usize,
        kind: SectionKind,
    },
    SetStyle {
        section: usize,
        style: NumberingStyle,
    },
    /// The target length of a section, or of the whole draft (`section: None`).
    SetTarget {
        section: Option<usize>,
        target: Option<u32>,
    },
    /// Remove the point at `from` with everything below it, then insert it
    /// at `to` (a place in the document without it): moves, promotions and
    /// demotions. Refused when it would nest deeper than four levels.
    MovePoint {
        from: Point,
        to: Point,
    },
    InsertPoint {
        at: Point,
        item: Item,
    },
    DeletePoint {
        at: Point,
    },
    /// How the children of the point at `at` are numbered.
    SetChildStyle {
        at: Point,
        style: NumberingStyle,
    },
    /// Several edits applied in order and undone as one (e.g. replace all).
    Batch(Vec<Edit>),
}

impl Edit {
    /// Applies the edit and returns its inverse. Returns `None` and leaves the
    /// document unchanged when the edit does not fit it (an index out of range).
    pub fn apply(self, doc: &mut Document) -> Option<Edit> {
        match self {
            Edit::MoveItem { from, to } => {
                let sections = doc.sections.len();
                if from.section >= sections || to.section >= sections {
                    return None;
                }
                if from.item >= doc.sections[from.section].items.len() {
                    return None;
                }
                let after_removal =
                    doc.sections[to.section].items.len() - usize::from(from.section == to.section);
                if to.item > after_removal {
                    return None;
                }
                let item = doc.sections[from.section].items.remove(from.item);
                doc.sections[to.section].items.insert(to.item, item);
                Some(Edit::MoveItem { from: to, to: from })
            }
            Edit::MoveSection { from, to } => {
                let n = doc.sections.len();
                if from >= n || to >= n {
                    return None;
                }
                let section = doc.sections.remove(from);
                doc.sections.insert(to, section);
                Some(Edit::MoveSection { from: to, to: from })
            }
            Edit::InsertItem { at, item } => {
                let section = doc.sections.get_mut(at.section)?;
                if at.item > section.items.len() {
                    return None;
                }
                section.items.insert(at.item, item);
                Some(Edit::DeleteItem { at })
            }
            Edit::DeleteItem { at } => {
                let section = doc.sections.get_mut(at.section)?;
                if at.item >= section.items.len() {
                    return None;
                }
                let item = section.items.remove(at.item);
                Some(Edit::InsertItem { at, item })
            }
            Edit::InsertSection { at, section } => {
                if at > doc.sections.len() {
                    return None;
                }
                doc.sections.insert(at, *section);
                Some(Edit::DeleteSection { at })
            }
            Edit::DeleteSection { at } => {
                if at >= doc.sections.len() {
                    return None;
                }
                let section = doc.sections.remove(at);
                Some(Edit::InsertSection {
                    at,
                    section: Box::new(section),
                })
            }
            Edit::SetText { field, text } => {
                let slot = doc.text_mut(field)?;
                let old = std::mem::replace(slot, text);
                Some(Edit::SetText { field, text: old })
            }
            Edit::SetKind { section, kind } => {
                let s = doc.sections.get_mut(section)?;
                let old = std::mem::replace(&mut s.kind, kind);
                Some(Edit::SetKind { section, kind: old })
            }
            Edit::SetStyle { section, style } => {
                let s = doc.sections.get_mut(section)?;
                let old = std::mem::replace(&mut s.style, style);
                Some(Edit::SetStyle {
                    section,
                    style: old,
                })
            }
            Edit::SetTarget { section, target } => {
                let slot = match section {
                    Some(s) => &mut doc.sections.get_mut(s)?.target_chars,
                    None => &mut doc.target_chars,
                };
                let old = std::mem::replace(slot, target);
                Some(Edit::SetTarget {
                    section,
                    target: old,
                })
            }
            Edit::MovePoint { from, to } => {
                let depth = doc.point(from)?.depth_below();
                if to.level() + depth > MAX_LEVEL {
                    return None;
                }
                let siblings = doc.siblings_mut(from)?;
                if from.index() >= siblings.len() {
                    return None;
                }
                let item = siblings.remove(from.index());
                match doc.siblings_mut(to) {
                    Some(list) if to.index() <= list.len() => {
                        list.insert(to.index(), item);
                        Some(Edit::MovePoint { from: to, to: from })
                    }
                    _ => {
                        // Put it back: the edit does not fit.
                        doc.siblings_mut(from)?.insert(from.index(), item);
                        None
                    }
                }
            }
            Edit::InsertPoint { at, item } => {
                if at.level() + item.depth_below() > MAX_LEVEL {
                    return None;
                }
                let list = doc.siblings_mut(at)?;
                if at.index() > list.len() {
                    return None;
                }
                list.insert(at.index(), item);
                Some(Edit::DeletePoint { at })
            }
            Edit::DeletePoint { at } => {
                let list = doc.siblings_mut(at)?;
                if at.index() >= list.len() {
                    return None;
                }
                let item = list.remove(at.index());
                Some(Edit::InsertPoint { at, item })
            }
            Edit::SetChildStyle { at, style } => {
                let item = doc.point_mut(at)?;
                let old = std::mem::replace(&mut item.child_style, style);
                Some(Edit::SetChildStyle { at, style: old })
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(doc) {
                        Some(inverse) => inverses.push(inverse),
                        None => {
                            // Roll back what was applied so the batch is all or nothing.
                            for inverse in inverses.into_iter().rev() {
                                inverse.apply(doc);
                            }
                            return None;
                        }
                    }
                }
                inverses.reverse();
                Some(Edit::Batch(inverses))
            }
        }
    }

    /// The field the edit is about, for putting the selection there after an
    /// undo or redo.
    pub fn focus(&self) -> Option<Field> {
        match self {
            Edit::MoveItem { to: at, .. } | Edit::InsertItem { at, .. } => {
                Some(Field::ItemHeading(at.section, at.item))
            }
            Edit::DeleteItem { at } => Some(Field::SectionTitle(at.section)),
            Edit::MoveSection { to: at, .. }
            | Edit::InsertSection { at, .. }
            | Edit::SetKind { section: at, .. }
            | Edit::SetStyle { section: at, .. } => Some(Field::SectionTitle(*at)),
            Edit::DeleteSection { at } => Some(Field::SectionTitle(at.saturating_sub(1))),
            Edit::SetText { field, .. } => Some(*field),
            Edit::SetTarget { section, .. } => {
                Some(section.map_or(Field::Title, Field::SectionTitle))
            }
            Edit::MovePoint { to: at, .. }
            | Edit::InsertPoint { at, .. }
            | Edit::SetChildStyle { at, .. } => Some(at.heading()),
            Edit::DeletePoint { at } => Some(match at.parent() {
                Some(parent) => parent.heading(),
                None => Field::SectionTitle(at.section()),
            }),
            // A structural batch is about the point it moves or inserts.
            Edit::Batch(edits) => edits
                .iter()
                .rev()
                .find(|e| matches!(e, Edit::MovePoint { .. } | Edit::InsertPoint { .. }))
                .or(edits.first())
                .and_then(Edit::focus),
        }
    }
}

/// Where the item at `at` goes when moved down: the next place in its
/// section, or the top of the next section when it is the last one.
pub fn item_move_down(doc: &Document, at: ItemRef) -> Option<Edit> {
    let section = doc.sections.get(at.section)?;
    if at.item >= section.items.len() {
        return None;
    }
    let to = if at.item + 1 < section.items.len() {
        ItemRef::new(at.section, at.item + 1)
    } else if at.section + 1 < doc.sections.len() {
        ItemRef::new(at.section + 1, 0)
    } else {
        return None;
    };
    Some(Edit::MoveItem { from: at, to })
}

/// Where the item at `at` goes when moved up: the previous place in its
/// section, or the end of the previous section when it is the first one.
pub fn item_move_up(doc: &Document, at: ItemRef) -> Option<Edit> {
    let section = doc.sections.get(at.section)?;
    if at.item >= section.items.len() {
        return None;
    }
    let to = if at.item > 0 {
        ItemRef::new(at.section, at.item - 1)
    } else if at.section > 0 {
        ItemRef::new(at.section - 1, doc.sections[at.section - 1].items.len())
    } else {
        return None;
    };
    Some(Edit::MoveItem { from: at, to })
}

/// Where the point at `at` goes when moved down (`down`) or up: the next
/// or previous place among its siblings, or, at the end of its list, the
/// start of the next parent's children (the end of the previous parent's).
/// Items keep the rules of [`item_move_down`] and [`item_move_up`].
pub fn point_move(doc: &Document, at: Point, down: bool) -> Option<Edit> {
    let Point::Node(_) = at else {
        let Point::Item(item) = at else { return None };
        return if down {
            item_move_down(doc, item)
        } else {
            item_move_up(doc, item)
        };
    };
    let parent = at.parent()?;
    let count = doc.point(parent)?.children.len();
    let index = at.index();
    if index >= count {
        return None;
    }
    let to = if down && index + 1 < count {
        parent.child(index + 1)?
    } else if !down && index > 0 {
        parent.child(index - 1)?
    } else {
        let parents = doc.points_at(parent.level());
        let here = parents.iter().position(|p| *p == parent)?;
        let neighbour = if down {
            *parents.get(here + 1)?
        } else {
            *parents.get(here.checked_sub(1)?)?
        };
        let end = if down {
            0
        } else {
            doc.point(neighbour)?.children.len()
        };
        return Some(into(doc, at, neighbour, end));
    };
    Some(Edit::MovePoint { from: at, to })
}

/// Moves `at` to child `index` of `parent`; a parent without children yet
/// numbers them in its level's usual style.
fn into(doc: &Document, at: Point, parent: Point, index: usize) -> Edit {
    let to = parent.child(index).unwrap_or(at);
    let mv = Edit::MovePoint { from: at, to };
    match doc.point(parent) {
        Some(p) if p.children.is_empty() => {
            let style = default_child_style(parent.level() + 1);
            if p.child_style == style {
                mv
            } else {
                Edit::Batch(vec![Edit::SetChildStyle { at: parent, style }, mv])
            }
        }
        _ => mv,
    }
}

/// Promotes the node at `at` one level with everything below it: it
/// follows its parent. An item (level 2) becomes a section of its own
/// after its section.
pub fn point_promote(doc: &Document, at: Point) -> Option<Edit> {
    if let Point::Item(item) = at {
        return item_to_section(doc, item);
    }
    let parent = at.parent()?;
    let item = doc.point(at)?;
    let mut to = parent.path();
    *to.last_mut()? += 1;
    let to = Point::from_path(at.section(), &to)?;
    Some(restyled(Edit::MovePoint { from: at, to }, item, to))
}

/// `mv` followed by the styles of the moved subtree's lists at their new
/// levels: a list numbered as its old level usually is (`1.` at level 3,
/// `（1）` at 4) takes the usual style of its new level.
fn restyled(mv: Edit, item: &Item, to: Point) -> Edit {
    let shift = |at: Point, node: &Item, old_level: usize, out: &mut Vec<Edit>| {
        let (old, new) = (
            default_child_style(old_level + 1),
            default_child_style(at.level() + 1),
        );
        if !node.children.is_empty() && node.child_style == old && old != new {
            out.push(Edit::SetChildStyle { at, style: new });
        }
    };
    let Edit::MovePoint { from, .. } = &mv else {
        return mv;
    };
    let old_level = from.level();
    let mut edits = Vec::new();
    shift(to, item, old_level, &mut edits);
    for (c, child) in item.children.iter().enumerate() {
        if let Some(at) = to.child(c) {
            shift(at, child, old_level + 1, &mut edits);
        }
    }
    if edits.is_empty() {
        return mv;
    }
    edits.insert(0, mv);
    Edit::Batch(edits)
}

/// Demotes the point at `at` one level with everything below it: it becomes
/// the last child of the sibling above it. `None` for a first point, or
/// when the deepest of it would go below level 4.
pub fn point_demote(doc: &Document, at: Point) -> Option<Edit> {
    let item = doc.point(at)?;
    let above = at.index().checked_sub(1)?;
    let mut path = at.path();
    *path.last_mut()? = above;
    let new_parent = Point::from_path(at.section(), &path)?;
    if at.level() + 1 + item.depth_below() > MAX_LEVEL {
        return None;
    }
    let end = doc.point(new_parent)?.children.len();
    let to = new_parent.child(end)?;
    Some(match into(doc, at, new_parent, end) {
        Edit::Batch(mut edits) => match restyled(edits.pop()?, item, to) {
            Edit::Batch(rest) => Edit::Batch(edits.into_iter().chain(rest).collect()),
            mv => Edit::Batch(edits.into_iter().chain([mv]).collect()),
        },
        mv => restyled(mv, item, to),
    })
}

/// The list style a moved list takes at its new level: one numbered as
/// its old level usually is takes the new level's usual style; any other
/// style is the writer's choice and stays.
fn shifted_style(
    style: NumberingStyle,
    old: NumberingStyle,
    new: NumberingStyle,
) -> NumberingStyle {
    if style == old { new } else { style }
}

/// The item at `at` as a section of its own right after its section: its
/// heading the title, its body the intro, its points the section's items
/// (levels 3 and 4 become 2 and 3). The kind is read from the heading.
pub fn item_to_section(doc: &Document, at: ItemRef) -> Option<Edit> {
    let parent = doc.sections.get(at.section)?;
    let item = parent.items.get(at.item)?;
    let kind = SectionKind::classify(&item.heading);
    // Points numbered 1. or （1） become items numbered as the section's
    // own items are (a （一）-topped draft numbers them 1., others （一））;
    // a list the writer styled otherwise (一是…) keeps its style.
    let plain = [default_child_style(3), default_child_style(4)];
    let style = if plain.contains(&item.child_style) {
        parent.style
    } else {
        item.child_style
    };
    let items = item
        .children
        .iter()
        .map(|child| Item {
            child_style: shifted_style(
                child.child_style,
                default_child_style(4),
                default_child_style(3),
            ),
            ..child.clone()
        })
        .collect();
    let section = Section {
        kind,
        title: item.heading.clone(),
        style,
        intro: item.body.clone(),
        items,
        target_chars: None,
    };
    // The section goes in first so that the batch is about it (its focus).
    Some(Edit::Batch(vec![
        Edit::InsertSection {
            at: at.section + 1,
            section: Box::new(section),
        },
        Edit::DeleteItem { at },
    ]))
}

/// The section at `section` as the last item of the section above it: its
/// title the heading, its intro the body, its items the item's points
/// (levels 2 and 3 become 3 and 4). `None` for the first section, or when
/// its deepest point would go below level 4.
pub fn section_to_item(doc: &Document, section: usize) -> Option<Edit> {
    let above = doc.sections.get(section.checked_sub(1)?)?;
    let s = doc.sections.get(section)?;
    if s.items.iter().any(|i| 3 + i.depth_below() > MAX_LEVEL) {
        return None;
    }
    let children = s
        .items
        .iter()
        .map(|item| Item {
            child_style: shifted_style(
                item.child_style,
                default_child_style(3),
                default_child_style(4),
            ),
            ..item.clone()
        })
        .collect();
    // Items numbered as the section above numbers its own become points
    // numbered as that section's points are (1. where it has none yet, or
    // （1） when its items are numbered 1. already); another style stays.
    let usual = above
        .items
        .iter()
        .find(|i| !i.children.is_empty())
        .map(|i| i.child_style)
        .unwrap_or(if above.style == default_child_style(3) {
            default_child_style(4)
        } else {
            default_child_style(3)
        });
    let item = Item {
        heading: s.title.clone(),
        body: s.intro.clone(),
        child_style: if s.style == above.style {
            usual
        } else {
            s.style
        },
        children,
    };
    // The item goes in first so that the batch is about it (its focus).
    Some(Edit::Batch(vec![
        Edit::InsertItem {
            at: ItemRef::new(section - 1, above.items.len()),
            item,
        },
        Edit::DeleteSection { at: section },
    ]))
}

/// Swaps the section with its neighbour below.
pub fn section_move_down(doc: &Document, section: usize) -> Option<Edit> {
    (section + 1 < doc.sections.len()).then_some(Edit::MoveSection {
        from: section,
        to: section + 1,
    })
}

/// Swaps the section with its neighbour above.
pub fn section_move_up(doc: &Document, section: usize) -> Option<Edit> {
    // `then`, not `then_some`: `section - 1` must not be computed for 0.
    (section > 0 && section < doc.sections.len()).then(|| Edit::MoveSection {
        from: section,
        to: section - 1,
    })
}

/// Undo and redo of edits, bounded so a long session cannot grow without end.
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

const HISTORY_LIMIT: usize = 500;

impl History {
    /// Applies a new edit and records it. Returns the field it is about, or
    /// `None` (and records nothing) when the edit did not apply.
    pub fn apply(&mut self, doc: &mut Document, edit: Edit) -> Option<Option<Field>> {
        let focus = edit.focus();
        let inverse = edit.apply(doc)?;
        self.undo.push(inverse);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
        Some(focus)
    }

    /// Records an edit that was already made (e.g. typing in a field), given
    /// its inverse, so that it can be undone as one step.
    pub fn record(&mut self, inverse: Edit) {
        self.undo.push(inverse);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Undoes the last edit; returns the field it touched.
    pub fn undo(&mut self, doc: &mut Document) -> Option<Option<Field>> {
        let edit = self.undo.pop()?;
        let focus = edit.focus();
        let inverse = edit.apply(doc)?;
        self.redo.push(inverse);
        Some(focus)
    }

    /// Redoes the last undone edit; returns the field it touched.
    pub fn redo(&mut self, doc: &mut Document) -> Option<Option<Field>> {
        let edit = self.redo.pop()?;
        let focus = edit.focus();
        let inverse = edit.apply(doc)?;
        self.undo.push(inverse);
        Some(focus)
    }

    /// The edit the next undo applies (the inverse of the last change).
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last()
    }

    /// The edit the next redo applies.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let mut d = Document::default();
        for (s, n) in [("甲", 2), ("乙", 0), ("丙", 1)] {
            let mut section = Section::new(SectionKind::Work, s);
            for i in 0..n {
                section.items.push(Item::new(format!("{s}{i}"), ""));
            }
            d.sections.push(section);
        }
        d
    }

    fn headings(d: &Document) -> Vec<Vec<String>> {
        d.sections
            .iter()
            .map(|s| s.items.iter().map(|i| i.heading.clone()).collect())
            .collect()
    }

    #[test]
    fn moving_down_crosses_into_the_next_section_even_when_empty() {
        let mut d = doc();
        let e = item_move_down(&d, ItemRef::new(0, 1)).unwrap();
        e.apply(&mut d).unwrap();
        assert_eq!(headings(&d), vec![vec!["甲0"], vec!["甲1"], vec!["丙0"]]);
        let e = item_move_down(&d, ItemRef::new(1, 0)).unwrap();
        e.apply(&mut d).unwrap();
        assert_eq!(headings(&d), vec![vec!["甲0"], vec![], vec!["甲1", "丙0"]]);
        assert!(item_move_down(&d, ItemRef::new(2, 1)).is_none());
    }

    #[test]
    fn moving_up_goes_to_the_end_of_the_previous_section() {
        let mut d = doc();
        item_move_up(&d, ItemRef::new(2, 0))
            .unwrap()
            .apply(&mut d)
            .unwrap();
        assert_eq!(headings(&d), vec![vec!["甲0", "甲1"], vec!["丙0"], vec![]]);
        assert!(item_move_up(&d, ItemRef::new(0, 0)).is_none());
        assert!(section_move_up(&d, 0).is_none());
        assert!(section_move_down(&d, 2).is_none());
    }

    #[test]
    fn undo_and_redo_restore_exactly() {
        let original = doc();
        let mut d = original.clone();
        let mut h = History::default();
        let first = item_move_down(&d, ItemRef::new(0, 0)).unwrap();
        h.apply(&mut d, first);
        h.apply(&mut d, Edit::DeleteSection { at: 1 });
        h.apply(
            &mut d,
            Edit::SetText {
                field: Field::Title,
                text: "新".into(),
            },
        );
        let changed = d.clone();
        while h.undo(&mut d).is_some() {}
        assert_eq!(d, original);
        while h.redo(&mut d).is_some() {}
        assert_eq!(d, changed);
    }

    /// 甲 with children 甲0 (with 甲00) and 甲1; 乙 with child 乙0; section 丙.
    fn deep() -> Document {
        let mut d = Document::default();
        let mut s = Section::new(SectionKind::Work, "工作");
        s.items.push(Item::new("甲", "").with_children(
            NumberingStyle::Arabic,
            vec![
                Item::new("甲0", "").with_children(
                    NumberingStyle::ArabicParen,
                    vec![Item::new("甲00", "")],
                ),
                Item::new("甲1", ""),
            ],
        ));
        s.items.push(
            Item::new("乙", "")
                .with_children(NumberingStyle::ArabicComma, vec![Item::new("乙0", "")]),
        );
        d.sections.push(s);
        d
    }

    /// Each point as `level heading`, in reading order.
    fn tree(d: &Document) -> Vec<String> {
        fn walk(out: &mut Vec<String>, items: &[Item], level: usize) {
            for i in items {
                out.push(format!("{level}{}", i.heading));
                walk(out, &i.children, level + 1);
            }
        }
        let mut out = Vec::new();
        for s in &d.sections {
            walk(&mut out, &s.items, 2);
        }
        out
    }

    #[test]
    fn nodes_move_with_their_subtree_and_across_parents() {
        let mut d = deep();
        let original = d.clone();
        let mut h = History::default();
        let first = Point::Node(NodeRef::child(0, 0, 0));
        // Down among its siblings, then across into 乙's children.
        {
            let e = point_move(&d, first, true).unwrap();
            h.apply(&mut d, e)
        };
        assert_eq!(tree(&d), ["2甲", "3甲1", "3甲0", "4甲00", "2乙", "3乙0"]);
        let moved = Point::Node(NodeRef::child(0, 0, 1));
        let focus = {
            let e = point_move(&d, moved, true).unwrap();
            h.apply(&mut d, e)
        };
        assert_eq!(tree(&d), ["2甲", "3甲1", "2乙", "3甲0", "4甲00", "3乙0"]);
        assert_eq!(
            focus,
            Some(Some(Field::NodeHeading(NodeRef::child(0, 1, 0))))
        );
        // Up across back to the end of 甲's children.
        let back = Point::Node(NodeRef::child(0, 1, 0));
        {
            let e = point_move(&d, back, false).unwrap();
            h.apply(&mut d, e)
        };
        assert_eq!(tree(&d), ["2甲", "3甲1", "3甲0", "4甲00", "2乙", "3乙0"]);
        // No parent before 甲 or after 乙.
        assert!(point_move(&d, Point::Node(NodeRef::child(0, 0, 0)), false).is_none());
        assert!(point_move(&d, Point::Node(NodeRef::child(0, 1, 0)), true).is_none());
        while h.undo(&mut d).is_some() {}
        assert_eq!(d, original);
    }

    #[test]
    fn an_item_becomes_a_section_and_a_section_an_item() {
        let mut d = deep();
        let original = d.clone();
        let mut h = History::default();
        // 甲 up: a section of its own after 工作; 甲0 and 甲1 its items, 甲00
        // at level 3, numbered 1. as level 3 is.
        let e = point_promote(&d, Point::Item(ItemRef::new(0, 0))).unwrap();
        assert_eq!(h.apply(&mut d, e), Some(Some(Field::SectionTitle(1))));
        let titles: Vec<_> = d.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["工作", "甲"]);
        assert_eq!(tree(&d), ["2乙", "3乙0", "2甲0", "3甲00", "2甲1"]);
        assert_eq!(d.sections[1].style, d.sections[0].style);
        assert_eq!(d.sections[1].items[0].child_style, default_child_style(3));
        // Back down: the last item of 工作, its points at levels 3 and 4.
        let e = section_to_item(&d, 1).unwrap();
        assert_eq!(h.apply(&mut d, e), Some(Some(Field::ItemHeading(0, 1))));
        assert_eq!(d.sections.len(), 1);
        assert_eq!(tree(&d), ["2乙", "3乙0", "2甲", "3甲0", "4甲00", "3甲1"]);
        // Its points are numbered as 乙's are, the section's other list.
        assert_eq!(
            d.sections[0].items[1].child_style,
            NumberingStyle::ArabicComma
        );
        let child = &d.sections[0].items[1].children[0];
        assert_eq!(child.child_style, NumberingStyle::ArabicParen);
        // The first section has no section above it to go under.
        assert!(section_to_item(&d, 0).is_none());
        while h.undo(&mut d).is_some() {}
        assert_eq!(d, original);
        // A section whose points go two levels deep would reach level 5.
        let mut two = deep();
        two.sections
            .insert(0, Section::new(SectionKind::Basic, "情况"));
        assert!(section_to_item(&two, 1).is_none());
    }

    #[test]
    fn promote_and_demote_change_the_level_of_the_subtree() {
        let mut d = deep();
        let original = d.clone();
        let mut h = History::default();
        // 甲0 with 甲00 up to level 2, after 甲: 甲00 is level 3 now.
        let node = Point::Node(NodeRef::child(0, 0, 0));
        let focus = {
            let e = point_promote(&d, node).unwrap();
            h.apply(&mut d, e)
        };
        assert_eq!(tree(&d), ["2甲", "3甲1", "2甲0", "3甲00", "2乙", "3乙0"]);
        assert_eq!(focus, Some(Some(Field::ItemHeading(0, 1))));
        // Back down: the last child of 甲, 甲00 at level 4 again, numbered （1）.
        let item = Point::Item(ItemRef::new(0, 1));
        {
            let e = point_demote(&d, item).unwrap();
            h.apply(&mut d, e)
        };
        assert_eq!(tree(&d), ["2甲", "3甲1", "3甲0", "4甲00", "2乙", "3乙0"]);
        // 甲1 cannot go under 甲0 (its child would be level 5 then); 乙 can
        // go under 甲 (乙0 at level 4); the first point has no sibling above.
        let deepest = Point::Node(NodeRef::child(0, 0, 1));
        assert!(point_demote(&d, deepest).is_none());
        assert!(point_demote(&d, Point::Item(ItemRef::new(0, 1))).is_some());
        assert!(point_demote(&d, Point::Item(ItemRef::new(0, 0))).is_none());
        // 甲00 up to level 3, after 甲0, then 甲0 (no children now) under 甲1,
        // which had no children: they are numbered （1） as level 4 is.
        let grandchild = Point::Node(NodeRef::grandchild(0, 0, 1, 0));
        let e = point_promote(&d, grandchild).unwrap();
        h.apply(&mut d, e);
        assert_eq!(tree(&d), ["2甲", "3甲1", "3甲0", "3甲00", "2乙", "3乙0"]);
        let e = point_demote(&d, Point::Node(NodeRef::child(0, 0, 1))).unwrap();
        h.apply(&mut d, e);
        assert_eq!(tree(&d), ["2甲", "3甲1", "4甲0", "3甲00", "2乙", "3乙0"]);
        assert_eq!(
            d.sections[0].items[0].children[0].child_style,
            NumberingStyle::ArabicParen
        );
        while h.undo(&mut d).is_some() {}
        assert_eq!(d, original);
    }

    #[test]
    fn out_of_range_edits_change_nothing() {
        let mut d = doc();
        let before = d.clone();
        assert!(
            Edit::DeleteItem {
                at: ItemRef::new(1, 0)
            }
            .apply(&mut d)
            .is_none()
        );
        assert!(Edit::MoveSection { from: 0, to: 3 }.apply(&mut d).is_none());
        let batch = Edit::Batch(vec![
            Edit::SetText {
                field: Field::Title,
                text: "x".into(),
            },
            Edit::DeleteSection { at: 9 },
        ]);
        assert!(batch.apply(&mut d).is_none());
        assert_eq!(d, before);
    }
}
