//! Screen geometry, a pure function of the terminal size and the state's
//! shape: which rectangle is which pane, where each field sits, how text
//! wraps into rows and which text position a screen cell shows. Drawing
//! (`ui`) and mouse and cursor handling (`app`) both read it, so what is
//! clicked is what is drawn; it imports neither.

mod field_slots;
mod field_view;
mod panes;
mod preview;

pub use field_slots::{FieldShape, FieldSlot, field_slots};
pub use field_view::{
    FieldView, Paragraphs, Piece, ScreenRow, columns, rows_needed, screen_position, screen_rows,
    text_position, wrap_paragraph,
};
pub use panes::{EditorLayout, Focus, editor_layout, outline_top};
pub use preview::{paragraph_row_count, paragraph_rows};
