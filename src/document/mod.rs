//! The document: pure data for one summary, its numbering, section kinds and
//! structural edits. Nothing here does I/O or knows about the terminal.

mod edit;
mod field;
mod kind;
mod model;
mod next_draft;
mod numbering;
pub mod period;
mod text;

pub use edit::{
    Edit, History, ItemRef, Point, differing_stretch, item_move_down, item_move_up,
    item_to_section, point_demote, point_move, point_promote, section_move_down, section_move_up,
    section_to_item,
};
pub use field::{Field, NodeRef};
pub use kind::{NumberingStyle, SectionKind, TopStyle};
pub use model::{Document, Item, MAX_LEVEL, Node, Section, Signature, default_child_style};
pub use next_draft::{NextDraftError, Promise, next_period_draft, promises};
pub use numbering::{
    chinese_numeral, render_item_number, render_section_number, render_top_number,
};
pub use period::{Period, Span, split_title};
pub use text::{count_chars, from_utf8, is_han, line_column, paragraphs, writing_hint};
