//! Structural and text edits as values. Applying an edit returns its inverse,
//! which is what makes undo and redo exact: the history stores inverses, never
//! copies of the whole document.

use super::{Document, Field, Item, NumberingStyle, Section, SectionKind};

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
            Edit::Batch(edits) => edits.first().and_then(Edit::focus),
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
