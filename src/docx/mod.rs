//! Export to `.docx` in the official-document layout (GB/T 9704-2012 as
//! offices apply it to summaries): the same paragraphs and numbers as the
//! `.txt` export, set on an A4 page with a 22 × 28 grid, the genre's fonts
//! and page numbers. The package is written by the docx-rs crate.

mod format;
mod layout;
mod title;

pub use format::ExportFormat;
pub use layout::{CHARS_PER_LINE, LINES_PER_PAGE};
pub use title::{TITLE_COLUMNS, title_lines};

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrText,
    PageMargin, Paragraph as DocxParagraph, Run, RunFonts, SpecialIndentType,
};

use crate::document::{Document, Field, NumberingStyle};
use crate::plain_text::{HEADING_ENDS, Paragraph, Role, paragraphs};
use layout::{BODY_PT, PAGE_NUMBER_PT, TITLE_PT, half_points, twips};

/// The font of each part, by name; `[docx]` in config.toml changes them for
/// machines that have other fonts (仿宋 and 楷体 without _GB2312, say).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxFonts {
    pub title: String,
    pub body: String,
    /// 一、 headings.
    pub level1: String,
    /// （一） headings, up to their full stop.
    pub level2: String,
    pub page_number: String,
}

impl Default for DocxFonts {
    fn default() -> Self {
        DocxFonts {
            title: "方正小标宋简体".into(),
            body: "仿宋_GB2312".into(),
            level1: "黑体".into(),
            level2: "楷体_GB2312".into(),
            page_number: "宋体".into(),
        }
    }
}

/// The package could not be written (in memory: only a bug gets here).
#[derive(Debug, thiserror::Error)]
#[error("cannot write the .docx package: {0}")]
pub struct DocxError(String);

/// The document as a `.docx` package.
pub fn export_docx(doc: &Document, fonts: &DocxFonts) -> Result<Vec<u8>, DocxError> {
    let mut docx = page(Docx::new(), fonts);
    let paragraphs = paragraphs(doc);
    let mut signature_started = false;
    for p in &paragraphs {
        match p.role {
            Role::Title => {
                docx = docx
                    .add_paragraph(title_paragraph(&p.text, fonts))
                    .add_paragraph(blank_line(fonts));
            }
            Role::Body => docx = docx.add_paragraph(body_paragraph(doc, p, fonts)),
            Role::Signature => {
                if !signature_started {
                    docx = docx.add_paragraph(blank_line(fonts));
                    signature_started = true;
                }
                docx = docx.add_paragraph(signature_paragraph(p, fonts));
            }
        }
    }
    let mut parts = docx.build();
    parts.styles = with_normal_style(&parts.styles, fonts)?;
    let mut bytes = Cursor::new(Vec::with_capacity(64 * 1024));
    parts
        .pack(&mut bytes)
        .map_err(|e| DocxError(e.to_string()))?;
    deflated(&bytes.into_inner()).map_err(|e| DocxError(e.to_string()))
}

/// The package with its parts deflated, in the same order: docx-rs stores
/// them as they are, five to ten times the size.
fn deflated(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 4)));
    // The fastest level: the repetitive XML shrinks nearly as much, in a
    // fraction of the time of the default level.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        if part.is_dir() {
            continue;
        }
        out.start_file(part.name(), options)?;
        std::io::copy(&mut part, &mut out)?;
    }
    Ok(out.finish()?.into_inner())
}

/// docx-rs always writes an empty Normal style, but Word and LibreOffice
/// size the character grid by Normal's font size (LibreOffice by nothing
/// else): without 3号 there, a line holds 19 characters instead of 28.
fn with_normal_style(styles: &[u8], fonts: &DocxFonts) -> Result<Vec<u8>, DocxError> {
    const EMPTY_NORMAL: &[u8] =
        br#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:rPr />"#;
    let at = styles
        .windows(EMPTY_NORMAL.len())
        .position(|w| w == EMPTY_NORMAL)
        .ok_or_else(|| DocxError("docx-rs wrote no empty Normal style to fill in".into()))?;
    let name = xml_attribute(&fonts.body);
    let size = half_points(BODY_PT);
    let filled = format!(
        r#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:rPr><w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}" /><w:sz w:val="{size}" /><w:szCs w:val="{size}" /></w:rPr>"#
    );
    let mut out = Vec::with_capacity(styles.len() + filled.len());
    out.extend_from_slice(&styles[..at]);
    out.extend_from_slice(filled.as_bytes());
    out.extend_from_slice(&styles[at + EMPTY_NORMAL.len()..]);
    Ok(out)
}

/// A font name as an XML attribute value.
fn xml_attribute(name: &str) -> String {
    xml_safe(name)
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A4, the margins, the grid, default fonts and the page-number footers.
fn page(docx: Docx, fonts: &DocxFonts) -> Docx {
    let mut docx = docx
        .page_size(twips(layout::PAGE_WIDTH_MM), twips(layout::PAGE_HEIGHT_MM))
        .page_margin(PageMargin {
            top: twips(layout::MARGIN_TOP_MM) as i32,
            bottom: twips(layout::MARGIN_BOTTOM_MM) as i32,
            left: twips(layout::MARGIN_LEFT_MM) as i32,
            right: twips(layout::MARGIN_RIGHT_MM) as i32,
            header: twips(15.0) as i32,
            footer: layout::footer_distance() as i32,
            gutter: 0,
        })
        .default_fonts(run_fonts(&fonts.body))
        .default_size(half_points(BODY_PT))
        .footer(Footer::new().add_paragraph(page_number(AlignmentType::Right, fonts)))
        .even_footer(Footer::new().add_paragraph(page_number(AlignmentType::Left, fonts)));
    // The grid Word, WPS and LibreOffice all keep: 22 lines of 28 characters.
    docx.document = docx.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::LinesAndChars)
            .line_pitch(layout::line_pitch() as usize)
            .char_space(layout::char_space() as isize),
    );
    docx
}

/// The same name for East Asian and Western text.
fn run_fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(name)
        .ascii(name)
        .hi_ansi(name)
        .cs(name)
}

/// Text on the grid. LibreOffice gives a character as many grid cells as
/// its width needs, and a 16 pt character is wider than the 15.8 pt cell
/// of a 28-character line, so each would take two; at 98 % width it takes
/// one, as Word and WPS place it anyway (the size stays 3号).
fn text_run(text: &str, font: &str, pt: u32) -> Run {
    add_lines(Run::new(), text)
        .fonts(run_fonts(font))
        .size(half_points(pt))
        .stretch(GRID_TEXT_WIDTH_PERCENT)
}

/// The horizontal scale of text on the grid, in per cent.
pub const GRID_TEXT_WIDTH_PERCENT: i32 = 98;

/// The text, a line break where the .txt export breaks the line (a line
/// break inside a one-line field of a hand-edited draft).
fn add_lines(mut run: Run, text: &str) -> Run {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(xml_safe(line));
    }
    run
}

/// XML 1.0 has no place for most control characters: a draft holding one
/// still exports, without it.
fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\t' || !(c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}')))
        .collect()
}

/// Centred 2号, off the grid (on it, each 22 pt line would take two grid
/// lines); a long title in two lines broken where the meaning allows.
fn title_paragraph(text: &str, fonts: &DocxFonts) -> DocxParagraph {
    let mut p = DocxParagraph::new()
        .align(AlignmentType::Center)
        .snap_to_grid(false);
    for (i, line) in title_lines(text).into_iter().enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        p = p.add_run(
            add_lines(run, line)
                .fonts(run_fonts(&fonts.title))
                .size(half_points(TITLE_PT)),
        );
    }
    p
}

fn blank_line(fonts: &DocxFonts) -> DocxParagraph {
    DocxParagraph::new()
        .fonts(run_fonts(&fonts.body))
        .size(half_points(BODY_PT))
}

/// A paragraph on the grid. Without widow and orphan control, as offices
/// set it, every full page holds its 22 lines.
fn grid_paragraph() -> DocxParagraph {
    DocxParagraph::new().widow_control(false)
}

/// A paragraph of the body, its first line indented two characters:
/// 一、 headings in 黑体, （一） headings in 楷体 up to their full stop, all
/// else (1. （1） 一是…, intros, the preamble) in 仿宋.
fn body_paragraph(doc: &Document, p: &Paragraph, fonts: &DocxFonts) -> DocxParagraph {
    let para = grid_paragraph().align(AlignmentType::Both).indent(
        None,
        Some(SpecialIndentType::FirstLine(2 * layout::char_pitch())),
        None,
        None,
    );
    match p.origin {
        Field::SectionTitle(_) => para.add_run(text_run(&p.text, &fonts.level1, BODY_PT)),
        Field::ItemHeading(s, i) if doc.sections[s].style == NumberingStyle::Paren => {
            let (heading, rest) = p.text.split_at(paren_heading_len(doc, s, i, &p.text));
            let para = para.add_run(text_run(heading, &fonts.level2, BODY_PT));
            if rest.is_empty() {
                para
            } else {
                para.add_run(text_run(rest, &fonts.body, BODY_PT))
            }
        }
        _ => para.add_run(text_run(&p.text, &fonts.body, BODY_PT)),
    }
}

/// The bytes of `（一）heading。` at the start of an item's line.
fn paren_heading_len(doc: &Document, section: usize, item: usize, line: &str) -> usize {
    let heading = doc.sections[section].items[item].heading.trim();
    let number = crate::document::render_item_number(NumberingStyle::Paren, item);
    let mut len = number.len() + heading.len();
    if !heading.is_empty() && !heading.ends_with(HEADING_ENDS) {
        len += '。'.len_utf8();
    }
    // The line is built from the same parts; keep to it whatever happens.
    if line.is_char_boundary(len.min(line.len())) {
        len.min(line.len())
    } else {
        line.len()
    }
}

/// The signature right-aligned two characters in, the date four.
fn signature_paragraph(p: &Paragraph, fonts: &DocxFonts) -> DocxParagraph {
    let chars = if p.origin == Field::SignatureDate {
        4
    } else {
        2
    };
    grid_paragraph()
        .align(AlignmentType::Right)
        .indent(None, None, Some(chars * layout::char_pitch()), None)
        .add_run(text_run(&p.text, &fonts.body, BODY_PT))
}

/// `— N —` in 4号 宋体, one character in from the outer edge.
fn page_number(align: AlignmentType, fonts: &DocxFonts) -> DocxParagraph {
    let inset = layout::page_number_inset();
    let (left, right) = match align {
        AlignmentType::Left => (Some(inset), None),
        _ => (None, Some(inset)),
    };
    let run = || {
        Run::new()
            .fonts(run_fonts(&fonts.page_number))
            .size(half_points(PAGE_NUMBER_PT))
    };
    DocxParagraph::new()
        .align(align)
        .snap_to_grid(false)
        .indent(left, None, right, None)
        .add_run(run().add_text("— "))
        .add_run(
            run()
                .add_field_char(FieldCharType::Begin, false)
                .add_instr_text(InstrText::PAGE(docx_rs::InstrPAGE::new()))
                .add_field_char(FieldCharType::Separate, false)
                .add_text("1")
                .add_field_char(FieldCharType::End, false),
        )
        .add_run(run().add_text(" —"))
}
