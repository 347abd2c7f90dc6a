//! Addresses of the text fields of a document, so that the editor, find and
//! replace and the checks can name "where" without borrowing the document.

use super::{Document, Item};

/// Where a node of level 3 or 4 is: its section, its item (level 2), its
/// index among the item's children and, at level 4, among theirs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeRef {
    pub section: usize,
    pub item: usize,
    pub child: usize,
    pub grandchild: Option<usize>,
}

impl NodeRef {
    /// A level-3 node.
    pub fn child(section: usize, item: usize, child: usize) -> Self {
        NodeRef {
            section,
            item,
            child,
            grandchild: None,
        }
    }

    /// A level-4 node.
    pub fn grandchild(section: usize, item: usize, child: usize, grandchild: usize) -> Self {
        NodeRef {
            section,
            item,
            child,
            grandchild: Some(grandchild),
        }
    }

    /// 3 or 4.
    pub fn level(self) -> usize {
        if self.grandchild.is_some() { 4 } else { 3 }
    }

    /// The node's index among its siblings.
    pub fn index(self) -> usize {
        self.grandchild.unwrap_or(self.child)
    }
}

/// One editable text field of a [`Document`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Organization,
    Period,
    Preamble,
    SectionTitle(usize),
    SectionIntro(usize),
    ItemHeading(usize, usize),
    ItemBody(usize, usize),
    /// The heading of a node of level 3 or 4.
    NodeHeading(NodeRef),
    /// The body of a node of level 3 or 4.
    NodeBody(NodeRef),
    SignatureOrganization,
    SignatureDate,
    Notes,
}

impl Field {
    /// Whether the field's text appears in the exported summary.
    pub fn is_exported(self) -> bool {
        !matches!(self, Field::Notes | Field::Organization | Field::Period)
    }

    /// Whether the field holds several paragraphs (a newline is allowed).
    pub fn is_multiline(self) -> bool {
        matches!(
            self,
            Field::Preamble
                | Field::SectionIntro(_)
                | Field::ItemBody(..)
                | Field::NodeBody(_)
                | Field::Notes
        )
    }

    /// The section the field belongs to, if any.
    pub fn section(self) -> Option<usize> {
        match self {
            Field::SectionTitle(s)
            | Field::SectionIntro(s)
            | Field::ItemHeading(s, _)
            | Field::ItemBody(s, _) => Some(s),
            Field::NodeHeading(n) | Field::NodeBody(n) => Some(n.section),
            _ => None,
        }
    }

    /// The item (level 2) the field belongs to, if any, as (section, item):
    /// a node of level 3 or 4 belongs to the item above it.
    pub fn item(self) -> Option<(usize, usize)> {
        match self {
            Field::ItemHeading(s, i) | Field::ItemBody(s, i) => Some((s, i)),
            Field::NodeHeading(n) | Field::NodeBody(n) => Some((n.section, n.item)),
            _ => None,
        }
    }

    /// The node of level 3 or 4 the field belongs to, if any.
    pub fn node(self) -> Option<NodeRef> {
        match self {
            Field::NodeHeading(n) | Field::NodeBody(n) => Some(n),
            _ => None,
        }
    }

    /// Whether the field is the heading of a numbered point at any level.
    pub fn is_heading(self) -> bool {
        matches!(self, Field::ItemHeading(..) | Field::NodeHeading(_))
    }

    /// Whether the field is the body of a numbered point at any level.
    pub fn is_body(self) -> bool {
        matches!(self, Field::ItemBody(..) | Field::NodeBody(_))
    }
}

impl Document {
    /// The text of a field, or `None` when it names a section or item that
    /// does not exist.
    pub fn text(&self, field: Field) -> Option<&str> {
        Some(match field {
            Field::Title => &self.title,
            Field::Organization => &self.organization,
            Field::Period => &self.period,
            Field::Preamble => &self.preamble,
            Field::Notes => &self.notes,
            Field::SectionTitle(s) => &self.sections.get(s)?.title,
            Field::SectionIntro(s) => &self.sections.get(s)?.intro,
            Field::ItemHeading(s, i) => &self.sections.get(s)?.items.get(i)?.heading,
            Field::ItemBody(s, i) => &self.sections.get(s)?.items.get(i)?.body,
            Field::NodeHeading(n) => &self.node(n)?.heading,
            Field::NodeBody(n) => &self.node(n)?.body,
            Field::SignatureOrganization => &self.signature.organization,
            Field::SignatureDate => &self.signature.date,
        })
    }

    /// Mutable access to the text of a field.
    pub fn text_mut(&mut self, field: Field) -> Option<&mut String> {
        Some(match field {
            Field::Title => &mut self.title,
            Field::Organization => &mut self.organization,
            Field::Period => &mut self.period,
            Field::Preamble => &mut self.preamble,
            Field::Notes => &mut self.notes,
            Field::SectionTitle(s) => &mut self.sections.get_mut(s)?.title,
            Field::SectionIntro(s) => &mut self.sections.get_mut(s)?.intro,
            Field::ItemHeading(s, i) => &mut self.sections.get_mut(s)?.items.get_mut(i)?.heading,
            Field::ItemBody(s, i) => &mut self.sections.get_mut(s)?.items.get_mut(i)?.body,
            Field::NodeHeading(n) => &mut self.node_mut(n)?.heading,
            Field::NodeBody(n) => &mut self.node_mut(n)?.body,
            Field::SignatureOrganization => &mut self.signature.organization,
            Field::SignatureDate => &mut self.signature.date,
        })
    }

    /// Every field in reading order: title, preamble, each section's title,
    /// intro and items, the signature, then organization, period and notes.
    pub fn fields(&self) -> impl Iterator<Item = Field> + '_ {
        let head = [Field::Title, Field::Preamble].into_iter();
        let body = self.sections.iter().enumerate().flat_map(|(s, section)| {
            [Field::SectionTitle(s), Field::SectionIntro(s)]
                .into_iter()
                .chain(
                    section
                        .items
                        .iter()
                        .enumerate()
                        .flat_map(move |(i, item)| item_fields(s, i, item)),
                )
        });
        let tail = [
            Field::SignatureOrganization,
            Field::SignatureDate,
            Field::Organization,
            Field::Period,
            Field::Notes,
        ]
        .into_iter();
        head.chain(body).chain(tail)
    }
}

/// The fields of item `i` of section `s` and of its descendants, in order.
fn item_fields(s: usize, i: usize, item: &Item) -> Vec<Field> {
    let mut out = vec![Field::ItemHeading(s, i), Field::ItemBody(s, i)];
    for (c, child) in item.children.iter().enumerate() {
        let at = NodeRef::child(s, i, c);
        out.extend([Field::NodeHeading(at), Field::NodeBody(at)]);
        for g in 0..child.children.len() {
            let at = NodeRef::grandchild(s, i, c, g);
            out.extend([Field::NodeHeading(at), Field::NodeBody(at)]);
        }
    }
    out
}

impl Document {
    /// The node of level 3 or 4 at `at`.
    pub fn node(&self, at: NodeRef) -> Option<&Item> {
        let child = self
            .sections
            .get(at.section)?
            .items
            .get(at.item)?
            .children
            .get(at.child)?;
        match at.grandchild {
            Some(g) => child.children.get(g),
            None => Some(child),
        }
    }

    /// The live numbers of a node of level 3 or 4 below its item: `1.` or
    /// `1.（2）`.
    pub fn node_numbers(&self, at: NodeRef) -> String {
        let Some(item) = self
            .sections
            .get(at.section)
            .and_then(|s| s.items.get(at.item))
        else {
            return String::new();
        };
        let mut out = super::render_item_number(item.child_style, at.child);
        if let (Some(g), Some(child)) = (at.grandchild, item.children.get(at.child)) {
            out.push_str(&super::render_item_number(child.child_style, g));
        }
        out
    }

    /// Mutable access to the node of level 3 or 4 at `at`.
    pub fn node_mut(&mut self, at: NodeRef) -> Option<&mut Item> {
        let child = self
            .sections
            .get_mut(at.section)?
            .items
            .get_mut(at.item)?
            .children
            .get_mut(at.child)?;
        match at.grandchild {
            Some(g) => child.children.get_mut(g),
            None => Some(child),
        }
    }
}
