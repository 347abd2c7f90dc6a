//! The summary as data: a [`Document`] of sections and nested items, its
//! signature, and the characters of its parts (counted as `text.rs`
//! counts). Numbers are never stored here (see `numbering.rs`).

use super::text::count_chars;
use super::{NumberingStyle, SectionKind, TopStyle};

use serde::Deserialize;

/// One summary. Numbers are never stored: they are derived from position
/// whenever the document is rendered, so reordering renumbers everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Document {
    /// The title line, e.g. `XX党支部2020年上半年党建工作总结`.
    pub title: String,
    /// Who writes the summary (used by checks and templates).
    pub organization: String,
    /// The period covered, e.g. `2020年上半年`.
    pub period: String,
    /// Preamble paragraphs, separated by `\n`.
    pub preamble: String,
    /// Material (素材) that is kept with the draft but never exported.
    pub notes: String,
    /// Target length in characters, if the writer set one.
    pub target_chars: Option<u32>,
    /// The earlier draft this one continues (`zongjie new --from`): its id,
    /// or its path when it was named by one.
    pub from: Option<String>,
    /// How the top level is numbered: `一、` in most summaries, `（一）` or
    /// `1、` in short ones.
    pub top_style: TopStyle,
    pub sections: Vec<Section>,
    pub signature: Signature,
}

/// A numbered part of the summary: `一、工作开展情况` and what follows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Section {
    pub kind: SectionKind,
    pub title: String,
    pub style: NumberingStyle,
    /// Intro paragraphs before the items, separated by `\n`.
    pub intro: String,
    pub items: Vec<Item>,
    /// Target length of the section in characters, if the writer set one.
    pub target_chars: Option<u32>,
}

/// One numbered point of a section: `（一）heading。body` (level 2), and
/// below it the points of levels 3 and 4 (`1.`, `（1）`), which are items
/// too: a node of the genre's four-level hierarchy (GB/T 9704).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Item {
    pub heading: String,
    /// Body paragraphs, separated by `\n`; the first continues the heading's line.
    pub body: String,
    /// How the children are numbered.
    pub child_style: NumberingStyle,
    /// The points one level below, after the body.
    pub children: Vec<Item>,
}

/// A node below the sections: the same thing as an item.
pub type Node = Item;

/// The deepest level below the title: sections are level 1, items level 2.
pub const MAX_LEVEL: usize = 4;

impl Default for Item {
    fn default() -> Self {
        Item {
            heading: String::new(),
            body: String::new(),
            child_style: default_child_style(3),
            children: Vec::new(),
        }
    }
}

/// The numbering a level usually has below level 2: `1.` at level 3,
/// `（1）` at level 4.
pub fn default_child_style(level: usize) -> NumberingStyle {
    if level >= 4 {
        NumberingStyle::ArabicParen
    } else {
        NumberingStyle::Arabic
    }
}

/// The closing lines: the organization and the date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Signature {
    pub organization: String,
    pub date: String,
}

impl Signature {
    pub fn is_empty(&self) -> bool {
        self.organization.trim().is_empty() && self.date.trim().is_empty()
    }
}

impl Section {
    /// The kind the section plays: its own, or for a custom one, what its title says.
    pub fn effective_kind(&self) -> SectionKind {
        match self.kind {
            SectionKind::Custom => SectionKind::classify(&self.title),
            kind => kind,
        }
    }

    pub fn new(kind: SectionKind, title: impl Into<String>) -> Self {
        Section {
            kind,
            title: title.into(),
            style: kind.default_style(),
            intro: String::new(),
            items: Vec::new(),
            target_chars: None,
        }
    }
}

impl Item {
    pub fn new(heading: impl Into<String>, body: impl Into<String>) -> Self {
        Item {
            heading: heading.into(),
            body: body.into(),
            ..Item::default()
        }
    }

    /// This item with `children`, numbered in `style`.
    pub fn with_children(mut self, style: NumberingStyle, children: Vec<Item>) -> Self {
        self.child_style = style;
        self.children = children;
        self
    }

    /// Characters of the heading, body and every descendant.
    pub fn char_count(&self) -> usize {
        count_chars(&self.heading)
            + count_chars(&self.body)
            + self.children.iter().map(Item::char_count).sum::<usize>()
    }

    /// How many levels of children lie below this item (0 without children).
    pub fn depth_below(&self) -> usize {
        self.children
            .iter()
            .map(|c| 1 + c.depth_below())
            .max()
            .unwrap_or(0)
    }
}

impl Document {
    /// Characters a reader would count: everything exported, without line
    /// breaks and whitespace. Numbers are not counted.
    pub fn char_count(&self) -> usize {
        self.fields()
            .filter(|f| f.is_exported())
            .map(|f| count_chars(self.text(f).unwrap_or("")))
            .sum()
    }

    /// Characters of one section (title, intro, items).
    pub fn section_char_count(&self, section: usize) -> usize {
        let Some(s) = self.sections.get(section) else {
            return 0;
        };
        count_chars(&s.title)
            + count_chars(&s.intro)
            + s.items.iter().map(Item::char_count).sum::<usize>()
    }

    /// The number of items in the whole document.
    pub fn item_count(&self) -> usize {
        self.sections.iter().map(|s| s.items.len()).sum()
    }
}
