//! Structural edits of the selection in the outline: move, insert, delete,
//! numbering style and section kind, a level up or down, each an
//! [`Edit`] through the history.

use super::EditorState;
use crate::app::outline::{Entry, OutlineNote};
use crate::document::{
    Edit, Item, ItemRef, MAX_LEVEL, Point, Section, SectionKind, default_child_style,
    item_move_down, item_move_up, point_demote, point_promote, section_move_down, section_move_up,
    section_to_item,
};

impl EditorState {
    /// The section to act on for the selection, if any.
    pub(super) fn current_section(&self) -> Option<usize> {
        self.selected_entry().section()
    }

    pub(super) fn move_selected(&mut self, down: bool) -> bool {
        let edit = match self.selected_entry() {
            Entry::Node(at) => crate::document::point_move(&self.doc, Point::Node(at), down),
            Entry::Item(at) => {
                if down {
                    item_move_down(&self.doc, at)
                } else {
                    item_move_up(&self.doc, at)
                }
            }
            Entry::Section(s) => {
                if down {
                    section_move_down(&self.doc, s)
                } else {
                    section_move_up(&self.doc, s)
                }
            }
            _ => None,
        };
        edit.is_some_and(|e| self.apply(e))
    }

    pub(super) fn new_item(&mut self) -> bool {
        if let Entry::Node(at) = self.selected_entry() {
            // A sibling right after the node.
            let Some(at) = Point::Node(at)
                .parent()
                .and_then(|parent| parent.child(at.index() + 1))
            else {
                return false;
            };
            return self.apply(Edit::InsertPoint {
                at,
                item: Item::default(),
            });
        }
        let at = match self.selected_entry() {
            Entry::Item(at) => ItemRef::new(at.section, at.item + 1),
            Entry::Section(s) => ItemRef::new(s, self.doc.sections[s].items.len()),
            _ => match self.doc.sections.len() {
                0 => return false,
                n => ItemRef::new(n - 1, self.doc.sections[n - 1].items.len()),
            },
        };
        self.apply(Edit::InsertItem {
            at,
            item: Item::default(),
        })
    }

    pub(super) fn new_section(&mut self, kind: SectionKind) -> bool {
        let at = self
            .current_section()
            .map_or(self.doc.sections.len(), |s| s + 1);
        self.apply(Edit::InsertSection {
            at,
            section: Box::new(Section::new(kind, kind.standard_title())),
        })
    }

    /// Deletes the selected item or section; the selection stays where it
    /// was: on the next item (or section), else the previous one.
    pub(in crate::app) fn delete_selected(&mut self) -> bool {
        let (done, stay) = match self.selected_entry() {
            Entry::Item(at) => {
                let done = self.apply(Edit::DeleteItem { at });
                let left = self
                    .doc
                    .sections
                    .get(at.section)
                    .map_or(0, |s| s.items.len());
                let stay = match left {
                    0 => Entry::Section(at.section),
                    n => Entry::Item(ItemRef::new(at.section, at.item.min(n - 1))),
                };
                (done, stay)
            }
            Entry::Section(s) => {
                let done = self.apply(Edit::DeleteSection { at: s });
                let stay = match self.doc.sections.len() {
                    0 => Entry::Preamble,
                    n => Entry::Section(s.min(n - 1)),
                };
                (done, stay)
            }
            Entry::Node(at) => {
                let point = Point::Node(at);
                let done = self.apply(Edit::DeletePoint { at: point });
                let parent = point.parent();
                let left = parent
                    .and_then(|p| self.doc.point(p))
                    .map_or(0, |p| p.children.len());
                // The point now in its place, else the one above, else the parent.
                let stay = match left {
                    0 => parent.map_or(Entry::Section(at.section), Entry::of_point),
                    n => parent
                        .and_then(|p| p.child(point.index().min(n - 1)))
                        .map_or(Entry::Section(at.section), Entry::of_point),
                };
                (done, stay)
            }
            _ => return false,
        };
        if done && let Some(index) = self.entries.iter().position(|e| *e == stay) {
            self.select(index);
        }
        done
    }

    /// Whether a section has text besides its title (deleting it asks first).
    pub(in crate::app) fn section_has_text(&self, s: usize) -> bool {
        self.doc.sections.get(s).is_some_and(|section| {
            !section.intro.trim().is_empty()
                // Text at any level below the item counts too.
                || section.items.iter().any(|i| i.char_count() > 0)
        })
    }

    pub(super) fn cycle_style(&mut self) -> bool {
        // A node's list is numbered by its parent.
        if let Some(parent) = self.selected_entry().point().and_then(Point::parent) {
            let Some(style) = self.doc.point(parent).map(|p| p.child_style.next()) else {
                return false;
            };
            return self.apply(Edit::SetChildStyle { at: parent, style });
        }
        let Some(s) = self.current_section() else {
            return false;
        };
        let style = self.doc.sections[s].style.next();
        self.apply(Edit::SetStyle { section: s, style })
    }

    pub(super) fn set_kind(&mut self, section: usize, kind: SectionKind) -> bool {
        self.doc
            .sections
            .get(section)
            .is_some_and(|s| s.kind != kind)
            && self.apply(Edit::SetKind { section, kind })
    }
}

impl EditorState {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::editor::test_support::state;

    fn select(e: &mut EditorState, entry: Entry) {
        let index = e.entries.iter().position(|x| *x == entry).expect("shown");
        e.select(index);
    }

    #[test]
    fn deleting_a_section_selects_the_one_in_its_place() {
        let mut e = state();
        let count = e.doc.sections.len();
        let next = e.doc.sections[2].title.clone();
        select(&mut e, Entry::Section(1));
        assert!(e.delete_selected());
        assert_eq!(e.doc.sections.len(), count - 1);
        assert_eq!(e.selected_entry(), Entry::Section(1));
        assert_eq!(e.doc.sections[1].title, next);
        // The last section: the one above takes the selection.
        select(&mut e, Entry::Section(count - 2));
        assert!(e.delete_selected());
        assert_eq!(e.selected_entry(), Entry::Section(count - 3));
    }

    #[test]
    fn moving_down_and_back_up_changes_nothing() {
        let mut e = state();
        let before = e.doc.clone();
        select(&mut e, Entry::Section(1));
        assert!(e.move_selected(true));
        assert_eq!(e.doc.sections[2], before.sections[1]);
        assert_eq!(e.selected_entry(), Entry::Section(2));
        assert!(e.move_selected(false));
        assert_eq!(e.doc, before);
        // The title has nowhere to move.
        select(&mut e, Entry::Title);
        assert!(!e.move_selected(true));
    }

    #[test]
    fn a_new_item_goes_right_after_the_selected_one() {
        let mut e = state();
        let items = e.doc.sections[1].items.clone();
        select(&mut e, Entry::Item(ItemRef::new(1, 0)));
        assert!(e.new_item());
        let now = &e.doc.sections[1].items;
        assert_eq!(now.len(), items.len() + 1);
        assert_eq!(now[0], items[0]);
        assert_eq!(now[1], Item::default());
        assert_eq!(&now[2..], &items[1..]);
    }

    #[test]
    fn a_section_has_text_when_its_intro_or_an_item_has() {
        let mut e = state();
        let with_text = (0..e.doc.sections.len()).find(|&s| e.section_has_text(s));
        assert!(with_text.is_some(), "the sample has text");
        select(&mut e, Entry::Section(0));
        assert!(e.new_section(SectionKind::ALL[0]));
        let blank = Section::new(SectionKind::ALL[0], SectionKind::ALL[0].standard_title());
        let at = e
            .doc
            .sections
            .iter()
            .position(|s| *s == blank)
            .expect("added");
        assert!(!e.section_has_text(at));
    }

    #[test]
    fn a_kind_that_is_already_set_is_no_change() {
        let mut e = state();
        let kind = e.doc.sections[0].kind;
        assert!(!e.set_kind(0, kind));
        let other = *SectionKind::ALL
            .iter()
            .find(|k| **k != kind)
            .expect("two kinds");
        assert!(e.set_kind(0, other));
        assert_eq!(e.doc.sections[0].kind, other);
    }
}
