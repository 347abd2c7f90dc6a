//! The document as the genre's plain text: title line, one line per
//! paragraph, numbers derived from position.

use super::{TextEncoding, wrap_line};
use crate::document::{
    Document, Field, Item, NodeRef, NumberingStyle, paragraphs as all_paragraphs,
    render_item_number, render_top_number, writing_hint,
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

/// Options of `zongjie export` (docs/design/export-import.md, "Plain-text export").
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
    match writing_hint(&chars, 0) {
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
    let mut out = section_head_paragraphs(doc, index);
    push_points(
        &mut out,
        &section.items,
        section.style,
        Parent::Section(index),
    );
    out
}

/// The paragraphs of a section before its items: its numbered title and
/// its intro. With items that run on (一是……), the first of them joins the
/// intro's last paragraph: then only [`section_paragraphs`] is the export.
pub fn section_head_paragraphs(doc: &Document, index: usize) -> Vec<Paragraph> {
    let Some(section) = doc.sections.get(index) else {
        return Vec::new();
    };
    let mut out = vec![Paragraph {
        text: format!(
            "{}{}",
            render_top_number(doc.top_style, index),
            section.title.trim()
        ),
        role: Role::Body,
        origin: Field::SectionTitle(index),
    }];
    push_body(&mut out, &section.intro, Field::SectionIntro(index));
    out
}

/// What numbered points hang below: a section (its items), an item or a
/// node of level 3 (their children).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Parent {
    Section(usize),
    Point(Point),
}

/// A numbered point at level 2 (an item) or below (a node).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Point {
    Item(usize, usize),
    Node(NodeRef),
}

impl Point {
    fn heading(self) -> Field {
        match self {
            Point::Item(s, i) => Field::ItemHeading(s, i),
            Point::Node(n) => Field::NodeHeading(n),
        }
    }

    fn body(self) -> Field {
        match self {
            Point::Item(s, i) => Field::ItemBody(s, i),
            Point::Node(n) => Field::NodeBody(n),
        }
    }
}

impl Parent {
    /// The point at `index` below this parent.
    fn point(self, index: usize) -> Point {
        match self {
            Parent::Section(s) => Point::Item(s, index),
            Parent::Point(Point::Item(s, i)) => Point::Node(NodeRef::child(s, i, index)),
            Parent::Point(Point::Node(n)) => {
                Point::Node(NodeRef::grandchild(n.section, n.item, n.child, index))
            }
        }
    }

    /// Whether a paragraph of this origin may open the parent's inline
    /// run of points (`主要表现在：一是…`): the last paragraph of the intro,
    /// or of the heading line and body.
    fn opens_inline(self, origin: Field) -> bool {
        match self {
            Parent::Section(s) => origin == Field::SectionIntro(s),
            Parent::Point(p) => origin == p.heading() || origin == p.body(),
        }
    }
}

/// The numbered points below `parent`, each on its own line or all in one
/// run (一是…二是…).
fn push_points(out: &mut Vec<Paragraph>, items: &[Item], style: NumberingStyle, parent: Parent) {
    if style == NumberingStyle::OrdinalInline {
        push_inline_items(out, items, parent);
    } else {
        for (i, item) in items.iter().enumerate() {
            push_item(out, item, render_item_number(style, i), parent.point(i));
        }
    }
}

/// The paragraphs of item `item` of section `section`, as
/// [`section_paragraphs`] gives them: its numbered line, the rest of its
/// body, then its children. `None` when the section's items run on in one
/// paragraph (一是……二是……) or there is no such item.
pub fn item_paragraphs(doc: &Document, section: usize, item: usize) -> Option<Vec<Paragraph>> {
    let s = doc.sections.get(section)?;
    if s.style == NumberingStyle::OrdinalInline || item >= s.items.len() {
        return None;
    }
    let mut out = Vec::new();
    push_item(
        &mut out,
        &s.items[item],
        render_item_number(s.style, item),
        Point::Item(section, item),
    );
    Some(out)
}

/// A point on a line of its own, the rest of its body, then its children.
fn push_item(out: &mut Vec<Paragraph>, item: &Item, number: String, at: Point) {
    let mut body = split_paragraphs(&item.body);
    let first = body.next().unwrap_or("");
    out.push(Paragraph {
        text: item_line(&number, &item.heading, first),
        role: Role::Body,
        origin: at.heading(),
    });
    push_rest(out, body, at.body());
    push_points(out, &item.children, item.child_style, Parent::Point(at));
}

/// `一是…。二是…。` in one paragraph, opened by the parent's last paragraph
/// (a section's intro, a point's body). A body's further paragraphs break
/// the line, and the next item continues on the line of the last one — the
/// rule import reads back. A point's children break the line too, and the
/// next point then opens a line of its own.
fn push_inline_items(out: &mut Vec<Paragraph>, items: &[Item], parent: Parent) {
    if items.is_empty() {
        return;
    }
    let mut line = match out.last() {
        Some(p) if parent.opens_inline(p.origin) => out.pop().map(|p| (p.text, p.origin)),
        _ => None,
    };
    for (i, item) in items.iter().enumerate() {
        let at = parent.point(i);
        let number = render_item_number(NumberingStyle::OrdinalInline, i);
        let mut body = split_paragraphs(&item.body);
        let first = body.next().unwrap_or("");
        let (text, _) = line.get_or_insert_with(|| (String::new(), at.heading()));
        text.push_str(&item_line(&number, &item.heading, first));
        for rest in body {
            if let Some((text, origin)) = line.take() {
                out.push(Paragraph {
                    text,
                    role: Role::Body,
                    origin,
                });
            }
            line = Some((rest.to_string(), at.body()));
        }
        if !item.children.is_empty() {
            if let Some((text, origin)) = line.take() {
                out.push(Paragraph {
                    text,
                    role: Role::Body,
                    origin,
                });
            }
            push_points(out, &item.children, item.child_style, Parent::Point(at));
        }
    }
    if let Some((text, origin)) = line {
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
        Field::NodeBody(n) => Field::NodeHeading(n),
        other => other,
    };
    for target in [wanted, field] {
        if let Some(i) = paragraphs.iter().position(|p| p.origin == target) {
            return i;
        }
    }
    // An inline node lives in a paragraph of its item.
    if let Some(item) = field.node().map(|n| (n.section, n.item))
        && let Some(i) = paragraphs
            .iter()
            .rposition(|p| p.origin.item() == Some(item))
    {
        return i;
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
    use crate::document::{Section, SectionKind};

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
    fn every_level_is_numbered_in_its_style() {
        use crate::document::{Item, TopStyle};
        let deep = Item::new("加强思想建设", "").with_children(
            NumberingStyle::Arabic,
            vec![
                Item::new("抓学习", "每月一次。"),
                Item::new("抓教育", "").with_children(
                    NumberingStyle::ArabicParen,
                    vec![Item::new("", "党课。"), Item::new("警示", "教育。\n二段。")],
                ),
            ],
        );
        let inline = Item::new("问题", "主要是：").with_children(
            NumberingStyle::OrdinalInline,
            vec![Item::new("学习", ""), Item::new("创新", "不足")],
        );
        let mut work = Section::new(SectionKind::Work, "工作开展情况");
        work.items = vec![deep, inline];
        let mut doc = Document {
            sections: vec![work],
            ..Document::default()
        };
        let lines = |doc: &Document| -> Vec<String> {
            paragraphs(doc).into_iter().map(|p| p.text).collect()
        };
        assert_eq!(
            lines(&doc),
            [
                "一、工作开展情况",
                "（一）加强思想建设。",
                "1.抓学习。每月一次。",
                "2.抓教育。",
                "（1）党课。",
                "（2）警示。教育。",
                "二段。",
                "（二）问题。主要是：一是学习。二是创新。不足",
            ]
        );
        doc.top_style = TopStyle::Paren;
        doc.sections[0].style = NumberingStyle::ArabicComma;
        assert_eq!(
            lines(&doc)[..2],
            ["（一）工作开展情况", "1、加强思想建设。"]
        );
        let ps = paragraphs(&doc);
        let at = crate::document::NodeRef::grandchild(0, 0, 1, 1);
        assert_eq!(
            ps[paragraph_index_for(&ps, Field::NodeBody(at))].text,
            "（2）警示。教育。"
        );
        let inline = crate::document::NodeRef::child(0, 1, 1);
        assert!(
            ps[paragraph_index_for(&ps, Field::NodeBody(inline))]
                .text
                .contains("二是创新")
        );
        assert_eq!(item_paragraphs(&doc, 0, 0).unwrap().len(), 6);
    }

    #[test]
    fn empty_document_exports_nothing() {
        assert_eq!(
            export_text(&Document::default(), &ExportOptions::default()),
            ""
        );
    }
}
