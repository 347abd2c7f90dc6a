//! Addresses in a document: [`ItemRef`] (section, item) and [`Point`] (a
//! node at any level below the title), with the look-ups edits need.

use crate::document::{Document, Field, Item, NodeRef};

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

    pub(super) fn point_mut(&mut self, at: Point) -> Option<&mut Item> {
        match at {
            Point::Item(i) => self.sections.get_mut(i.section)?.items.get_mut(i.item),
            Point::Node(n) => self.node_mut(n),
        }
    }

    /// The list `at` is in: its section's items or its parent's children.
    pub(super) fn siblings_mut(&mut self, at: Point) -> Option<&mut Vec<Item>> {
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
