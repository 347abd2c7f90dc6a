//! The structural moves of the outline, each computed as an [`Edit`]
//! without touching the document: up and down (across sections and
//! parents), promote and demote, an item into a section and back.

use super::{Edit, ItemRef, Point};
use crate::document::{
    Document, Item, MAX_LEVEL, NumberingStyle, Section, SectionKind, default_child_style,
};

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
