//! [`Edit`]: one change to a document as a value. Applying it returns its
//! inverse, which is what makes undo and redo exact.

use super::{ItemRef, Point};
use crate::document::{Document, Field, Item, MAX_LEVEL, NumberingStyle, Section, SectionKind};

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
    /// A field's text with one stretch replaced: the `remove` bytes at byte
    /// `at` become `insert`. What the history keeps of a text change (see
    /// `History`): the stretch that changed, not a copy of the whole field.
    Splice {
        field: Field,
        at: usize,
        remove: usize,
        insert: String,
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
            Edit::Splice {
                field,
                at,
                remove,
                insert,
            } => {
                let slot = doc.text_mut(field)?;
                let end = at.checked_add(remove)?;
                if end > slot.len() || !slot.is_char_boundary(at) || !slot.is_char_boundary(end) {
                    return None;
                }
                let removed = slot[at..end].to_string();
                slot.replace_range(at..end, &insert);
                Some(Edit::Splice {
                    field,
                    at,
                    remove: insert.len(),
                    insert: removed,
                })
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
            Edit::SetText { field, .. } | Edit::Splice { field, .. } => Some(*field),
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
