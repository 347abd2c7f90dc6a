//! Plain text in and out: the export of a draft as the genre's `.txt`
//! (line breaking, encodings, line ends) and the import of such text.

mod encoding;
mod export;
mod wrap;

pub use encoding::{TextEncoding, encode};
pub use export::{
    ExportOptions, INDENT, Paragraph, Role, export_text, head_paragraphs, paragraph_index_for,
    paragraphs, section_paragraphs, tail_paragraphs,
};
pub use wrap::{NO_END, NO_START, wrap_line};
