//! The text of each exported field as characters, with the spans the checks
//! must leave alone (web addresses, e-mail addresses, book titles 《…》).

use crate::document::{Document, Field};

/// One exported field, ready for character-by-character checks.
pub(super) struct FieldText {
    pub field: Field,
    pub chars: Vec<char>,
    /// Inside a web or e-mail address: no check applies.
    pub address: Vec<bool>,
    /// Inside 《…》: quoted verbatim, so its punctuation is not ours to judge.
    pub book_title: Vec<bool>,
}

impl FieldText {
    pub fn new(field: Field, text: &str) -> FieldText {
        let chars: Vec<char> = text.chars().collect();
        let address = address_mask(&chars);
        let book_title = book_title_mask(&chars);
        FieldText {
            field,
            chars,
            address,
            book_title,
        }
    }

    /// The character before `i`, if in the same paragraph.
    pub fn before(&self, i: usize) -> Option<char> {
        let c = *self.chars.get(i.checked_sub(1)?)?;
        (c != '\n').then_some(c)
    }

    /// The character after `i`, if in the same paragraph.
    pub fn after(&self, i: usize) -> Option<char> {
        let c = *self.chars.get(i + 1)?;
        (c != '\n').then_some(c)
    }

    /// `start..end` of every paragraph (the text between line breaks).
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut start = 0;
        let mut done = false;
        std::iter::from_fn(move || {
            if done {
                return None;
            }
            let end = self.chars[start..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(self.chars.len(), |p| start + p);
            let range = (start, end);
            if end >= self.chars.len() {
                done = true;
            } else {
                start = end + 1;
            }
            Some(range)
        })
    }

    pub fn string(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }
}

/// Every exported field with text, in reading order, one at a time: the
/// checks hold one field's characters, not the document's (a
/// 200,000-character draft's, with their masks, took 1.5 MB).
pub(super) fn exported_texts(doc: &Document) -> impl Iterator<Item = FieldText> + '_ {
    doc.fields().filter(|f| f.is_exported()).filter_map(|f| {
        let text = doc.text(f)?;
        (!text.trim().is_empty()).then(|| FieldText::new(f, text))
    })
}

pub(super) use crate::document::is_han;

/// A character that makes its neighbourhood Chinese text: Han, CJK and
/// full-width punctuation, and the quotes and dashes Chinese text uses.
pub(super) fn is_cjk(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{3000}'..='\u{303F}'
            | '\u{FF01}'..='\u{FF60}'
            | '\u{FFE0}'..='\u{FFEF}'
            | '\u{2018}'..='\u{201D}'
            | '…' | '—' | '·')
}

/// Chinese numerals that number things: 一 … 十, 百, 零, 〇 and 两 excluded.
pub(super) fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '零'
    )
}

/// ASCII or full-width digit value.
pub(super) use crate::document::period::digit_value;

fn address_mask(chars: &[char]) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    if !chars.iter().any(|&c| c == ':' || c == '.' || c == '@') {
        return mask;
    }
    let url_char = |c: char| c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>');
    let mut i = 0;
    while i < chars.len() {
        let starts_url = starts_with_ignore_case(&chars[i..], "http://")
            || starts_with_ignore_case(&chars[i..], "https://")
            || starts_with_ignore_case(&chars[i..], "www.");
        if starts_url && (i == 0 || !chars[i - 1].is_ascii_alphanumeric()) {
            let mut end = i;
            while end < chars.len() && url_char(chars[end]) {
                end += 1;
            }
            // A sentence mark right after an address is not part of it.
            while end > i && matches!(chars[end - 1], '.' | ',' | ';' | ':' | '!' | '?' | ')') {
                end -= 1;
            }
            mask[i..end].iter_mut().for_each(|m| *m = true);
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    let email_char =
        |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    for at in (0..chars.len()).filter(|&i| chars[i] == '@') {
        let mut start = at;
        while start > 0 && email_char(chars[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < chars.len() && email_char(chars[end]) {
            end += 1;
        }
        while end > at + 1 && chars[end - 1] == '.' {
            end -= 1;
        }
        if start < at && end > at + 1 {
            mask[start..end].iter_mut().for_each(|m| *m = true);
        }
    }
    mask
}

fn starts_with_ignore_case(chars: &[char], prefix: &str) -> bool {
    chars.len() >= prefix.len()
        && prefix
            .chars()
            .zip(chars)
            .all(|(p, c)| c.to_ascii_lowercase() == p)
}

/// Characters inside a closed 《…》 of one paragraph (the marks themselves
/// excluded). Nesting 《〈〉》 is allowed; an unclosed 《 protects nothing.
fn book_title_mask(chars: &[char]) -> Vec<bool> {
    let mut mask = vec![false; chars.len()];
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '《' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            '》' if depth > 0 => {
                depth -= 1;
                if depth == 0
                    && let Some(start) = open.take()
                {
                    mask[start + 1..i].iter_mut().for_each(|m| *m = true);
                }
            }
            '\n' => {
                depth = 0;
                open = None;
            }
            _ => {}
        }
    }
    mask
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(mask: &[bool], chars: &[char]) -> String {
        chars
            .iter()
            .zip(mask)
            .filter(|(_, m)| **m)
            .map(|(c, _)| *c)
            .collect()
    }

    #[test]
    fn addresses_are_masked_without_trailing_punctuation() {
        let t = FieldText::new(
            Field::Preamble,
            "详见http://www.12371.cn/a.html.或邮件dangjian@example.org.cn。",
        );
        assert_eq!(
            masked(&t.address, &t.chars),
            "http://www.12371.cn/a.htmldangjian@example.org.cn"
        );
    }

    #[test]
    fn book_titles_are_masked_per_paragraph() {
        let t = FieldText::new(Field::Preamble, "学习《条例(试行)》和《未闭合\n正文》");
        assert_eq!(masked(&t.book_title, &t.chars), "条例(试行)");
    }

    #[test]
    fn paragraphs_and_neighbours() {
        let t = FieldText::new(Field::Preamble, "甲乙\n\n丙");
        assert_eq!(
            t.paragraphs().collect::<Vec<_>>(),
            vec![(0, 2), (3, 3), (4, 5)]
        );
        assert_eq!(t.before(0), None);
        assert_eq!(t.after(1), None);
        assert_eq!(t.after(0), Some('乙'));
        let empty = FieldText::new(Field::Title, "");
        assert_eq!(empty.paragraphs().collect::<Vec<_>>(), vec![(0, 0)]);
    }
}
