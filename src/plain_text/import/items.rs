//! One section's paragraphs → its intro, numbering style and items: the
//! inverse of the export's `section_paragraphs`. Every reading is checked by
//! exporting it again; one that would not give the same lines back is
//! replaced by the plain reading (all paragraphs as the intro).

use std::borrow::Cow;

use super::heading::make_item;
use super::markers::{LINE_STYLES, find_inline, item_text, ordinal_marker};
use crate::document::{
    Document, Item, MAX_LEVEL, NumberingStyle, Section, SectionKind, TopStyle, render_item_number,
};
use crate::plain_text::section_paragraphs;

/// What was read from a section's paragraphs.
#[derive(Debug)]
pub(super) struct SectionBody {
    pub section: Section,
    /// Items whose heading stands on a line of its own (kept in the body).
    pub headings_in_body: usize,
    /// The items could not be read back exactly; everything is the intro.
    pub kept_as_text: bool,
}

/// How the items of a section are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Each item opens a paragraph, the first at paragraph `first`.
    Lines {
        style: NumberingStyle,
        first: usize,
    },
    /// `一是…二是…` inside paragraphs, `一是` at byte `at` of paragraph `line`.
    Inline {
        line: usize,
        at: usize,
    },
    NoItems,
}

/// Where points are being read: their level (2 for a section's items) and
/// the deepest level to read, and the styles of the levels above, which a
/// level below never takes (a `（一）` inside a `（一）` point is text).
#[derive(Debug, Clone, Copy)]
struct Depth<'s> {
    level: usize,
    max_level: usize,
    above: &'s [NumberingStyle],
}

impl Depth<'_> {
    fn allows(&self, style: NumberingStyle) -> bool {
        let family = |s: NumberingStyle| match s {
            NumberingStyle::OrdinalInline => NumberingStyle::Ordinal,
            s => s,
        };
        !self.above.iter().any(|a| family(*a) == family(style))
    }
}

/// Reads the section titled `title` from its paragraphs (trimmed, non-empty).
/// `above` holds the top level's style when it is an item style (`（一）`
/// or `1、` tops), which the items then do not take. Points below the items
/// (levels 3 and 4) are read when the whole section then exports exactly as
/// it stands; else the section is read with fewer levels, down to its items
/// alone.
pub(super) fn read_section(
    title: &str,
    paragraphs: &[&str],
    above: Option<NumberingStyle>,
) -> SectionBody {
    let above: Vec<NumberingStyle> = above.into_iter().collect();
    let mut last = None;
    for max_level in (2..=MAX_LEVEL).rev() {
        let depth = Depth {
            level: 2,
            max_level,
            above: &above,
        };
        let body = read_section_to(title, paragraphs, depth);
        if !body.kept_as_text {
            return body;
        }
        last = Some(body);
    }
    last.unwrap_or_else(|| {
        read_section_to(
            title,
            paragraphs,
            Depth {
                level: 2,
                max_level: 2,
                above: &above,
            },
        )
    })
}

fn read_section_to(title: &str, paragraphs: &[&str], depth: Depth) -> SectionBody {
    let kind = SectionKind::classify(title);
    let mut section = Section::new(kind, title);
    let fallback_style = fallback_style(kind, depth);
    let layout = detect_layout(paragraphs, depth);
    let reading = match layout {
        Layout::Lines { style, first } => read_lines(paragraphs, style, first, depth),
        Layout::Inline { line, at } if at > 0 || line == 0 => read_inline(paragraphs, line, at),
        // An intro paragraph followed by a separate `一是…二是…` paragraph:
        // the export would join them, so the inline reading cannot be exact.
        Layout::Inline { .. } => None,
        Layout::NoItems => {
            section.style = fallback_style;
            section.intro = paragraphs.join("\n");
            return SectionBody {
                section,
                headings_in_body: 0,
                kept_as_text: false,
            };
        }
    };
    if let Some(reading) = reading {
        section.style = reading.style;
        section.intro = reading.intro;
        section.items = reading.items;
        if exports_as(&mut section, &reading.expected, depth) {
            return SectionBody {
                section,
                headings_in_body: reading.headings_in_body,
                kept_as_text: false,
            };
        }
    }
    section.style = fallback_style;
    section.items.clear();
    section.intro = paragraphs.join("\n");
    SectionBody {
        section,
        headings_in_body: 0,
        kept_as_text: true,
    }
}

/// The style of a section without items: its kind's, unless the top level
/// numbers that way (then `1、`, or `1.` below a `1、` top).
fn fallback_style(kind: SectionKind, depth: Depth) -> NumberingStyle {
    [
        kind.default_style(),
        NumberingStyle::ArabicComma,
        NumberingStyle::Arabic,
    ]
    .into_iter()
    .find(|s| depth.allows(*s))
    .unwrap_or_default()
}

/// One reading of a section, with the lines its export must give back.
struct Reading<'a> {
    style: NumberingStyle,
    intro: String,
    items: Vec<Item>,
    expected: Vec<Cow<'a, str>>,
    headings_in_body: usize,
}

/// The earliest paragraph that opens item 1 (`（一）`, `（1）`, `1.`, `1、`,
/// `一是`) decides the style. A paragraph opening with `一是` is `ordinal`
/// when `二是` opens a later paragraph, and `ordinal-inline` when `二是`
/// follows inside a paragraph. Without any such paragraph, a `一是` inside a
/// paragraph followed by a `二是` makes an `ordinal-inline` section whose
/// intro is the text before `一是`.
fn detect_layout(paragraphs: &[&str], depth: Depth) -> Layout {
    let two = ordinal_marker(2);
    let ordinal = depth.allows(NumberingStyle::Ordinal);
    for (i, p) in paragraphs.iter().enumerate() {
        for style in LINE_STYLES.into_iter().filter(|s| depth.allows(*s)) {
            if let Some(rest) = item_text(p, style, 1) {
                if style != NumberingStyle::Ordinal {
                    return Layout::Lines { style, first: i };
                }
                let offset = p.len() - rest.len();
                let inline = find_inline(p, &two, offset).is_some()
                    || (!paragraphs[i + 1..]
                        .iter()
                        .any(|q| item_text(q, style, 2).is_some())
                        && paragraphs[i + 1..]
                            .iter()
                            .any(|q| find_inline(q, &two, 0).is_some()));
                return if inline {
                    Layout::Inline { line: i, at: 0 }
                } else {
                    Layout::Lines { style, first: i }
                };
            }
        }
    }
    if !ordinal {
        return Layout::NoItems;
    }
    let one = ordinal_marker(1);
    for (i, p) in paragraphs.iter().enumerate() {
        if let Some(at) = find_inline(p, &one, 0) {
            let after = at + one.len();
            let has_two = find_inline(p, &two, after).is_some()
                || paragraphs[i + 1..]
                    .iter()
                    .any(|q| find_inline(q, &two, 0).is_some());
            if has_two {
                return Layout::Inline { line: i, at };
            }
        }
    }
    Layout::NoItems
}

/// Items that each open a paragraph; other paragraphs continue the item
/// before them, or form the intro before the first item.
fn read_lines<'a>(
    paragraphs: &[&'a str],
    style: NumberingStyle,
    first: usize,
    depth: Depth,
) -> Option<Reading<'a>> {
    let mut expected: Vec<Cow<str>> = paragraphs[..first].iter().map(|p| Cow::from(*p)).collect();
    let mut groups: Vec<(Cow<str>, Vec<&str>)> = Vec::new();
    for p in &paragraphs[first..] {
        match item_text(p, style, groups.len() + 1) {
            Some(rest) => {
                let number = render_item_number(style, groups.len());
                let line = if p.starts_with(&number) && p.len() == number.len() + rest.len() {
                    Cow::from(*p)
                } else {
                    Cow::from(format!("{number}{rest}"))
                };
                groups.push((line, vec![rest]));
            }
            None => groups.last_mut()?.1.push(p),
        }
    }
    let mut headings_in_body = 0;
    let mut items = Vec::with_capacity(groups.len());
    let mut above = depth.above.to_vec();
    above.push(style);
    let below = Depth {
        level: depth.level + 1,
        max_level: depth.max_level,
        above: &above,
    };
    for (line, group) in groups {
        let point = make_point(&group, below)?;
        headings_in_body += point.headings_in_body;
        items.push(point.item);
        expected.push(line);
        match point.expected {
            Some(rest) => expected.extend(rest),
            None => expected.extend(group[1..].iter().map(|p| Cow::from(*p))),
        }
    }
    Some(Reading {
        style,
        intro: paragraphs[..first].join("\n"),
        items,
        expected,
        headings_in_body,
    })
}

/// `一是…。二是…。` run on inside paragraphs: the text between one number and
/// the next is an item; a line break inside it separates body paragraphs,
/// as the export writes them.
fn read_inline<'a>(paragraphs: &[&'a str], line: usize, at: usize) -> Option<Reading<'a>> {
    let mut intro: Vec<&str> = paragraphs[..line].to_vec();
    let opening = paragraphs[line];
    if at > 0 {
        intro.push(&opening[..at]);
    }
    let mut groups: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut text = &opening[at + ordinal_marker(1).len()..];
    let mut next_line = line + 1;
    loop {
        let marker = ordinal_marker(groups.len() + 2);
        match find_inline(text, &marker, 0) {
            Some(pos) => {
                current.push(&text[..pos]);
                groups.push(std::mem::take(&mut current));
                text = &text[pos + marker.len()..];
            }
            None => {
                current.push(text);
                let Some(p) = paragraphs.get(next_line) else {
                    break;
                };
                text = p;
                next_line += 1;
            }
        }
    }
    groups.push(current);
    let mut items = Vec::with_capacity(groups.len());
    let mut headings_in_body = 0;
    for group in &groups {
        let (item, heading_in_body) = make_item(group)?;
        headings_in_body += usize::from(heading_in_body);
        items.push(item);
    }
    Some(Reading {
        style: NumberingStyle::OrdinalInline,
        intro: intro.join("\n"),
        items,
        expected: paragraphs.iter().map(|p| Cow::from(*p)).collect(),
        headings_in_body,
    })
}

/// A point read from its paragraphs.
struct Point<'a> {
    item: Item,
    /// Headings that stayed in a body.
    headings_in_body: usize,
    /// The lines after its first that its export must give, when they are
    /// not the paragraphs themselves (its children's numbers normalised).
    expected: Option<Vec<Cow<'a, str>>>,
}

/// A point from its paragraphs, the first being the text after its number,
/// with the points one level below it (at `below.level`) when its body
/// holds numbered paragraphs (`1.`, `（1）`) or an inline run (`一是…二是…`)
/// and that level may be read. A heading alone on its line followed by
/// numbered paragraphs is the heading of a point with those children.
fn make_point<'a>(group: &[&'a str], below: Depth) -> Option<Point<'a>> {
    if below.level <= below.max_level
        && let Some(found) = read_children(group, below)
    {
        return Some(found);
    }
    make_item(group).map(|(item, alone)| Point {
        item,
        headings_in_body: usize::from(alone),
        expected: None,
    })
}

/// The point whose paragraphs are `group` with its children, if it has
/// any that can be read.
fn read_children<'a>(group: &[&'a str], below: Depth) -> Option<Point<'a>> {
    let (first, rest) = group.split_first()?;
    if first.trim().is_empty() {
        return None;
    }
    // `一是…二是…` run on from the point's own line.
    if below.allows(NumberingStyle::Ordinal)
        && let Some(at) = find_inline(first, &ordinal_marker(1), 0)
        && (find_inline(first, &ordinal_marker(2), at).is_some()
            || rest
                .iter()
                .any(|p| find_inline(p, &ordinal_marker(2), 0).is_some()))
        && let Some(found) = read_inline_children(group, 0, at)
    {
        return Some(found);
    }
    match detect_layout(rest, below) {
        Layout::Lines {
            style,
            first: start,
        } => {
            let reading = read_lines(rest, style, start, below)?;
            let (item, alone) = make_item(&group[..1 + start])?;
            Some(Point {
                item: item.with_children(style, reading.items),
                headings_in_body: usize::from(alone) + reading.headings_in_body,
                expected: Some(reading.expected),
            })
        }
        // `一是…二是…` run on from a later paragraph of the point's body.
        Layout::Inline { line, at } if at > 0 => read_inline_children(group, line + 1, at),
        _ => None,
    }
}

/// The point whose paragraphs are `group`, its children running on from
/// byte `at` of paragraph `line` (`主要是：一是…二是…`).
fn read_inline_children<'a>(group: &[&'a str], line: usize, at: usize) -> Option<Point<'a>> {
    let reading = read_inline(group, line, at)?;
    let intro: Vec<&str> = reading.intro.split('\n').collect();
    let (item, alone) = make_item(&intro)?;
    Some(Point {
        item: item.with_children(NumberingStyle::OrdinalInline, reading.items),
        headings_in_body: usize::from(alone) + reading.headings_in_body,
        expected: None,
    })
}

/// Whether the section, exported, gives exactly `expected` after its title.
/// The section is moved into a one-section document and back, not copied.
fn exports_as(section: &mut Section, expected: &[Cow<str>], depth: Depth) -> bool {
    let top_style = match depth.above.first() {
        Some(NumberingStyle::Paren) => TopStyle::Paren,
        Some(_) => TopStyle::ArabicComma,
        None => TopStyle::Chinese,
    };
    let doc = Document {
        top_style,
        sections: vec![std::mem::take(section)],
        ..Document::default()
    };
    let paragraphs = section_paragraphs(&doc, 0);
    let same = paragraphs.len() == expected.len() + 1
        && paragraphs[1..]
            .iter()
            .zip(expected)
            .all(|(p, e)| p.text == e.as_ref());
    if let Some(back) = doc.sections.into_iter().next() {
        *section = back;
    }
    same
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_chosen_by_the_first_item_number() {
        use NumberingStyle::*;
        let cases: [(&[&str], Layout); 7] = [
            (
                &["导语。", "（一）甲。", "1.乙。"],
                Layout::Lines {
                    style: Paren,
                    first: 1,
                },
            ),
            (
                &["1、甲。", "（一）乙。"],
                Layout::Lines {
                    style: ArabicComma,
                    first: 0,
                },
            ),
            (
                &["一是甲。", "二是乙。"],
                Layout::Lines {
                    style: Ordinal,
                    first: 0,
                },
            ),
            (&["一是甲。二是乙。"], Layout::Inline { line: 0, at: 0 }),
            (
                &["一是甲。", "续。二是乙。"],
                Layout::Inline { line: 0, at: 0 },
            ),
            (
                &["导语：一是甲。二是乙。"],
                Layout::Inline { line: 0, at: 9 },
            ),
            (&["导语：一是甲。", "没有第二点。"], Layout::NoItems),
        ];
        for (paragraphs, want) in cases {
            let depth = Depth {
                level: 2,
                max_level: 2,
                above: &[],
            };
            assert_eq!(detect_layout(paragraphs, depth), want, "{paragraphs:?}");
        }
    }

    #[test]
    fn unreadable_items_fall_back_to_intro_text() {
        let body = read_section("工作开展情况", &["（一）", "正文在下一行。"], None);
        assert!(body.kept_as_text);
        assert!(body.section.items.is_empty());
        assert_eq!(body.section.intro, "（一）\n正文在下一行。");
        assert_eq!(body.section.style, NumberingStyle::Paren);
        assert_eq!(body.section.kind, SectionKind::Work);
    }
}
