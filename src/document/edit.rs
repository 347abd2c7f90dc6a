//! Structural and text edits as values. Applying an edit returns its inverse,
//! which is what makes undo and redo exact: the history stores inverses, never
//! copies of the whole document.
//!
//! - `point.rs`: where things are ([`ItemRef`], [`Point`]);
//! - `change.rs`: the [`Edit`] values and how each applies;
//! - `moves.rs`: the outline's moves, computed as edits;
//! - `history.rs`: undo and redo.

mod change;
mod history;
mod moves;
mod point;

pub use change::Edit;
pub use history::History;
pub use history::differing_stretch;
pub use moves::{
    item_move_down, item_move_up, item_to_section, point_demote, point_move, point_promote,
    section_move_down, section_move_up, section_to_item,
};
pub use point::{ItemRef, Point};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{
        Document, Field, Item, NodeRef, NumberingStyle, Section, SectionKind, default_child_style,
    };

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
