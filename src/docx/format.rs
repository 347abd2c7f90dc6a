//! Which file `zongjie export` writes: the genre's plain text or the
//! official-document `.docx`.

use std::path::Path;

use super::{DocxError, DocxFonts, export_docx};
use crate::document::Document;
use crate::plain_text::{ExportOptions, encode_owned, export_text};

/// `--format txt|docx`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    #[default]
    Txt,
    Docx,
}

impl ExportFormat {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Txt => "txt",
            ExportFormat::Docx => "docx",
        }
    }

    /// The document as the bytes of a file in this format: plain text with
    /// `text`'s options, or the .docx with `fonts`.
    pub fn render(
        self,
        doc: &Document,
        text: &ExportOptions,
        fonts: &DocxFonts,
    ) -> Result<Vec<u8>, DocxError> {
        match self {
            ExportFormat::Txt => Ok(encode_owned(export_text(doc, text), text.encoding)),
            ExportFormat::Docx => export_docx(doc, fonts),
        }
    }

    /// `.docx` for a file named `*.docx` (any case), otherwise `None`.
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        path.extension()
            .filter(|e| e.eq_ignore_ascii_case("docx"))
            .map(|_| ExportFormat::Docx)
    }
}
