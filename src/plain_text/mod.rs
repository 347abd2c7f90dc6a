//! Plain text in and out: the export of a draft as the genre's `.txt`
//! (line breaking, encodings, line ends) and the import of such text.

mod blocks;
mod decode;
mod encoding;
mod export;
mod import;
mod warning;
mod wrap;

pub use blocks::{Anchor, Block, anchor};
pub use decode::{ImportError, MAX_IMPORT_BYTES, decode};
pub use encoding::{TextEncoding, encode, encode_owned};
pub(crate) use export::HEADING_ENDS;
pub use export::{
    ExportOptions, INDENT, Paragraph, Role, export_text, head_paragraphs, item_paragraphs,
    paragraph_index_for, paragraphs, section_head_paragraphs, section_paragraphs, tail_paragraphs,
};
pub use import::{Imported, import_bytes, import_text};
pub use warning::Warning;
pub use wrap::{NO_END, NO_START, wrap_line, wrap_screen_line};
