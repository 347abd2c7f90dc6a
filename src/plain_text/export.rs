//! The document as the genre's plain text: title line, one line per
//! paragraph, numbers derived from position.

use super::{TextEncoding, wrap_line};
use crate::document::{
    Document, Field, NumberingStyle, Section, paragraphs as all_paragraphs, render_item_number,
    render_section_number,
};

/// What a line of the export is, for indentation and display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    /// Preamble, headings, intros, items.
    Body,
    Signature,
}

/// One paragraph of the exported text and the field it starts in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub role: Role,
    pub origin: Field,
}

/// Options of `zongjie export` (DESIGN.md §4).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Two full-width spaces before every paragraph but the title and signature.
    pub indent: bool,
    /// A blank line between paragraphs.
    pub blank_lines: bool,
    /// Hard-wrap at this many display columns.
    pub width: Option<usize>,
    pub encoding: TextEncoding,
    pub crlf: bool,
}

/// The indentation of `--indent`: two full-width spaces.
pub const INDENT: &str = "\u{3000}\u{3000}";
/// A heading gets a full stop unless it ends with one of these.
pub(crate) const HEADING_ENDS: [char; 5] = ['。', '！', '？', '；', '：'];

/// A field's paragraphs as exported: a template's writing hint at the
/// start of a paragraph, `（写具体措施。）`, is guidance for the writer and
/// never printed; a paragraph that was only a hint is left out.
fn split_paragraphs(text: &str) -> impl Iterator<Item = &str> {
    all_paragraphs(text)
        .map(without_writing_hint)
        .filter(|p| !p.trim().is_empty())
}

fn without_writing_hint(paragraph: &str) -> &str {
    let trimmed = paragraph.trim_start();
    if !trimmed.starts_with("（写") {
        return paragraph;
    }
    let chars: Vec<char> = trimmed.chars().collect();
    match crate::check::writing_hint(&chars, 0) {
        Some(end) => {
            let bytes: usize = chars[..end].iter().map(|c| c.len_utf8()).sum();
            trimmed[bytes..].trim_start()
        }
        None => paragraph,
    }
}

/// The whole document as paragraphs, in order.
pub fn paragraphs(doc: &Document) -> Vec<Paragraph> {
    let mut out = head_paragraphs(doc);
    for index in 0..doc.sections.len() {
        out.extend(section_paragraphs(doc, index));
    }
    out.extend(tail_paragraphs(doc));
    out
}

/// The title and the preamble.
pub fn head_paragraphs(doc: &Document) -> Vec<Paragraph> {
    let mut out = Vec::new();
    if !doc.title.trim().is_empty() {
        out.push(Paragraph {
            text: doc.title.trim().to_string(),
            role: Role::Title,
            origin: Field::Title,
        });
    }
    push_body(&mut out, &doc.preamble, Field::Preamble);
    out
}

/// The signature lines.
pub fn tail_paragraphs(doc: &Document) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for (text, origin) in [
        (&doc.signature.organization, Field::SignatureOrganization),
        (&doc.signature.date, Field::SignatureDate),
    ] {
        for p in split_paragraphs(text) {
            out.push(Paragraph {
                text: p.to_string(),
                role: Role::Signature,
                origin,
            });
        }
    }
    out
}

fn push_body(out: &mut Vec<Paragraph>, text: &str, origin: Field) {
    out.extend(split_paragraphs(text).map(|p| Paragraph {
        text: p.to_string(),
        role: Role::Body,
        origin,
    }));
}

/// The paragraphs of one section: its numbered title, intro and items.
pub fn section_paragraphs(doc: &Document, index: usize) -> Vec<Paragraph> {
    let Some(section) = doc.sections.get(index) else {
        return Vec::new();
    };
    let mut out = vec![Paragraph {
        text: format!("{}{}", render_section_number(index), section.title.trim()),
        role: Role::Body,
        origin: Field::SectionTitle(index),
    }];
    push_body(&mut out, &section.intro, Field::SectionIntro(index));
    if section.style == NumberingStyle::OrdinalInline {
        push_inline_items(&mut out, section, index);
    } else {
        for i in 0..section.items.len() {
            push_item(&mut out, section, index, i);
        }
    }
    out
}

/// The paragraphs of item `item` of section `section`, as
/// [`section_paragraphs`] gives them: its numbered line, then the rest of
/// its body. `None` when the section's items run on in one paragraph
/// (一是……二是……) or there is no such item.
pub fn item_paragraphs(doc: &Document, section: usize, item: usize) -> Option<Vec<Paragraph>> {
    let s = doc.sections.get(section)?;
    if s.style == NumberingStyle::OrdinalInline || item >= s.items.len() {
        return None;
    }
    let mut out = Vec::new();
    push_item(&mut out, s, section, item);
    Some(out)
}

/// An item on a line of its own, and the rest of its body.
fn push_item(out: &mut Vec<Paragraph>, section: &Section, index: usize, i: usize) {
    let item = &section.items[i];
    let number = render_item_number(section.style, i);
    let mut body = split_paragraphs(&item.body);
    let first = body.next().unwrap_or("");
    out.push(Paragraph {
        text: item_line(&number, &item.heading, first),
        role: Role::Body,
        origin: Field::ItemHeading(index, i),
    });
    push_rest(out, body, Field::ItemBody(index, i));
}

/// `一是…。二是…。` in one paragraph, opened by the intro's last paragraph.
/// A body's further paragraphs break the line, and the next item continues
/// on the line of the last one — the rule import reads back.
fn push_inline_items(out: &mut Vec<Paragraph>, section: &Section, index: usize) {
    if section.items.is_empty() {
        return;
    }
    let mut line = match out.last() {
        Some(p) if p.origin == Field::SectionIntro(index) => out.pop().map(|p| p.text),
        _ => None,
    };
    let mut origin = if line.is_some() {
        Field::SectionIntro(index)
    } else {
        Field::ItemHeading(index, 0)
    };
    for (i, item) in section.items.iter().enumerate() {
        let number = render_item_number(section.style, i);
        let mut body = split_paragraphs(&item.body);
        let first = body.next().unwrap_or("");
        let text = line.get_or_insert_with(String::new);
        text.push_str(&item_line(&number, &item.heading, first));
        for rest in body {
            if let Some(text) = line.take() {
                out.push(Paragraph {
                    text,
                    role: Role::Body,
                    origin,
                });
            }
            line = Some(rest.to_string());
            origin = Field::ItemBody(index, i);
        }
    }
    if let Some(text) = line {
        out.push(Paragraph {
            text,
            role: Role::Body,
            origin,
        });
    }
}

fn push_rest<'a>(out: &mut Vec<Paragraph>, rest: impl Iterator<Item = &'a str>, origin: Field) {
    out.extend(rest.map(|p| Paragraph {
        text: p.to_string(),
        role: Role::Body,
        origin,
    }));
}

/// `（一）heading。body` with the full-stop rule.
fn item_line(number: &str, heading: &str, body: &str) -> String {
    let heading = heading.trim();
    let mut line = String::with_capacity(number.len() + heading.len() + body.len() + 3);
    line.push_str(number);
    line.push_str(heading);
    if !heading.is_empty() && !heading.ends_with(HEADING_ENDS) {
        line.push('。');
    }
    line.push_str(body);
    line
}

/// The index of the paragraph where `field` is shown (for scrolling the
/// preview): the paragraph it starts, or the one that holds it.
pub fn paragraph_index_for(paragraphs: &[Paragraph], field: Field) -> usize {
    // A body is shown from its item's line.
    let wanted = match field {
        Field::ItemBody(s, i) => Field::ItemHeading(s, i),
        other => other,
    };
    for target in [wanted, field] {
        if let Some(i) = paragraphs.iter().position(|p| p.origin == target) {
            return i;
        }
    }
    // An inline item lives in the paragraph of the intro or an earlier item.
    field
        .section()
        .and_then(|section| {
            paragraphs
                .iter()
                .rposition(|p| p.origin.section() == Some(section))
        })
        .unwrap_or(0)
}

/// The exported text as a string, with every option but the encoding applied.
pub fn export_text(doc: &Document, options: &ExportOptions) -> String {
    let newline = if options.crlf { "\r\n" } else { "\n" };
    let paragraphs = paragraphs(doc);
    let mut out = String::with_capacity(paragraphs.iter().map(|p| p.text.len() + 8).sum());
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 && options.blank_lines {
            out.push_str(newline);
        }
        let indented;
        let text = if options.indent && p.role == Role::Body {
            indented = format!("{INDENT}{}", p.text);
            &indented
        } else {
            &p.text
        };
        match options.width {
            Some(width) => {
                for line in wrap_line(text, width) {
                    out.push_str(line);
                    out.push_str(newline);
                }
            }
            None => {
                out.push_str(text);
                out.push_str(newline);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Item, SectionKind};

    fn sample() -> Document {
        let mut work = Section::new(SectionKind::Work, "工作开展情况");
        work.items.push(Item::new("政治建设方面", "制定《计划》。"));
        work.items
            .push(Item::new("思想建设方面？", "第一段。\n第二段。"));
        let mut problems = Section::new(SectionKind::Problems, "存在问题");
        problems.style = NumberingStyle::OrdinalInline;
        problems.intro = "主要表现在：".into();
        problems.items.push(Item::new("学习不够深入", "有差距"));
        problems.items.push(Item::new("创新不足", ""));
        let mut next = Section::new(SectionKind::Next, "下一步打算");
        next.style = NumberingStyle::Ordinal;
        next.items.push(Item::new("强化学习", "坚持不懈。"));
        Document {
            title: "XX党支部2020年上半年党建工作总结".into(),
            preamble: "今年上半年，……总结如下：".into(),
            sections: vec![work, problems, next],
            signature: crate::document::Signature {
                organization: "中共XX党支部".into(),
                date: "2020年7月10日".into(),
            },
            ..Document::default()
        }
    }

    #[test]
    fn the_genre_line_format() {
        let text = export_text(&sample(), &ExportOptions::default());
        assert_eq!(
            text,
            "XX党支部2020年上半年党建工作总结\n\
             今年上半年，……总结如下：\n\
             一、工作开展情况\n\
             （一）政治建设方面。制定《计划》。\n\
             （二）思想建设方面？第一段。\n\
             第二段。\n\
             二、存在问题\n\
             主要表现在：一是学习不够深入。有差距二是创新不足。\n\
             三、下一步打算\n\
             一是强化学习。坚持不懈。\n\
             中共XX党支部\n\
             2020年7月10日\n"
        );
    }

    #[test]
    fn indent_blank_lines_and_crlf() {
        let mut doc = sample();
        doc.sections.truncate(1);
        doc.signature = Default::default();
        doc.sections[0].items.truncate(1);
        let options = ExportOptions {
            indent: true,
            blank_lines: true,
            crlf: true,
            ..Default::default()
        };
        assert_eq!(
            export_text(&doc, &options),
            "XX党支部2020年上半年党建工作总结\r\n\r\n\
             \u{3000}\u{3000}今年上半年，……总结如下：\r\n\r\n\
             \u{3000}\u{3000}一、工作开展情况\r\n\r\n\
             \u{3000}\u{3000}（一）政治建设方面。制定《计划》。\r\n"
        );
    }

    #[test]
    fn inline_body_paragraphs_break_the_line() {
        let mut section = Section::new(SectionKind::Problems, "存在问题");
        section.style = NumberingStyle::OrdinalInline;
        section.items.push(Item::new("甲", "一段\n二段"));
        section.items.push(Item::new("乙", "丙"));
        let doc = Document {
            sections: vec![section],
            ..Default::default()
        };
        let lines: Vec<String> = paragraphs(&doc).into_iter().map(|p| p.text).collect();
        assert_eq!(lines, ["一、存在问题", "一是甲。一段", "二段二是乙。丙"]);
    }

    #[test]
    fn preview_finds_inline_items() {
        let doc = sample();
        let ps = paragraphs(&doc);
        let i = paragraph_index_for(&ps, Field::ItemBody(1, 1));
        assert!(ps[i].text.contains("二是创新不足"));
        assert_eq!(paragraph_index_for(&ps, Field::ItemBody(0, 1)), 4);
        assert_eq!(paragraph_index_for(&ps, Field::SignatureDate), ps.len() - 1);
    }

    #[test]
    fn empty_document_exports_nothing() {
        assert_eq!(
            export_text(&Document::default(), &ExportOptions::default()),
            ""
        );
    }
}
