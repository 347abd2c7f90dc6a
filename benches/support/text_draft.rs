//! A deliberately small plain-text → draft converter for benchmarks, used
//! until `zongjie import` lands on main. It understands exactly what
//! `../shared/bench/gen_doc.py` writes: a title line, preamble paragraphs,
//! `一、` sections, `（一）` items split into heading and body at the first
//! `。`, other paragraphs of a section (such as the `一是…。二是…。`
//! paragraph) kept as its intro, and a two-line signature at the end.
//! It is not the importer: no encodings, no other numbering styles.

use zongjie::document::{Document, Item, NumberingStyle, Section, SectionKind};

/// The draft for a generated summary.
pub fn draft_from_text(text: &str) -> Document {
    let mut lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_end_matches('\r').trim_start_matches('\u{feff}'))
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut doc = Document::default();
    if lines.is_empty() {
        return doc;
    }
    doc.title = lines.remove(0).trim().to_string();

    // A signature: the last two short lines, the second one a date.
    if lines.len() >= 2 {
        let (org, date) = (lines[lines.len() - 2], lines[lines.len() - 1]);
        let short = |l: &str| l.chars().count() <= 30 && !l.ends_with('。');
        if short(org) && short(date) && date.contains('年') && date.ends_with('日') {
            doc.signature.organization = org.trim().to_string();
            doc.signature.date = date.trim().to_string();
            lines.truncate(lines.len() - 2);
        }
    }

    let mut preamble: Vec<&str> = Vec::new();
    for line in lines {
        if let Some(title) = strip_section_number(line) {
            let mut section = Section::new(SectionKind::classify(title), title);
            section.style = NumberingStyle::Paren;
            doc.sections.push(section);
            continue;
        }
        let Some(section) = doc.sections.last_mut() else {
            preamble.push(line);
            continue;
        };
        if let Some(rest) = strip_item_number(line) {
            let (heading, body) = match rest.find('。') {
                Some(at) => (&rest[..at], &rest[at + '。'.len_utf8()..]),
                None => (rest, ""),
            };
            section.items.push(Item::new(heading, body));
        } else if let Some(item) = section.items.last_mut() {
            item.body.push('\n');
            item.body.push_str(line);
        } else {
            if !section.intro.is_empty() {
                section.intro.push('\n');
            }
            section.intro.push_str(line);
        }
    }
    doc.preamble = preamble.join("\n");
    doc
}

fn is_numeral(c: char) -> bool {
    "一二三四五六七八九十百".contains(c)
}

/// `十一、标题` → `标题`.
fn strip_section_number(line: &str) -> Option<&str> {
    let digits = line.chars().take_while(|c| is_numeral(*c)).count();
    if digits == 0 {
        return None;
    }
    let rest = &line[line.char_indices().nth(digits)?.0..];
    rest.strip_prefix('、')
}

/// `（十二）标题。正文` → `标题。正文`.
fn strip_item_number(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('（')?;
    let digits = rest.chars().take_while(|c| is_numeral(*c)).count();
    if digits == 0 {
        return None;
    }
    let rest = &rest[rest.char_indices().nth(digits)?.0..];
    rest.strip_prefix('）')
}
