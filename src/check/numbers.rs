//! A number typed by hand at the start of a heading or section title
//! (`（一）`, `1.`, `一、`, `一是`, `①`): the export numbers every heading, so
//! it would print twice (`（一）（一）…`). Removing it is a safe fix.

use super::scan::{FieldText, digit_value, is_chinese_numeral};
use super::{Code, Detail, Finding, Location};
use crate::document::{Document, Field};

/// The hand-typed number at the start of the field, if the field is one that
/// the export numbers.
pub(super) fn find(doc: &Document, text: &FieldText) -> Option<Finding> {
    let applies = match text.field {
        Field::SectionTitle(_) | Field::ItemHeading(..) | Field::NodeHeading(_) => true,
        // A body pasted with its number, under an empty heading.
        Field::ItemBody(s, i) => doc
            .sections
            .get(s)
            .and_then(|section| section.items.get(i))
            .is_some_and(|item| item.heading.trim().is_empty()),
        Field::NodeBody(at) => doc
            .node(at)
            .is_some_and(|node| node.heading.trim().is_empty()),
        _ => false,
    };
    if !applies {
        return None;
    }
    let start = text.chars.iter().take_while(|c| c.is_whitespace()).count();
    let len = number_at(&text.chars[start..])?;
    Some(Finding::new(
        Code::HandTypedNumber,
        Location::new(text.field, start, len),
        Detail::TypedNumber(text.string(start, start + len)),
    ))
}

/// The length in characters of a hand-typed number at the start of `text`
/// (after leading spaces), including the spaces after it; `None` if there is none.
pub fn typed_number_len(text: &str) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    let start = chars.iter().take_while(|c| c.is_whitespace()).count();
    number_at(&chars[start..]).map(|len| start + len)
}

/// How many characters of `chars` are a number and the spaces after it.
pub(super) fn number_at(chars: &[char]) -> Option<usize> {
    let len = bracketed(chars)
        .or_else(|| circled(chars))
        .or_else(|| arabic(chars))
        .or_else(|| chinese(chars))?;
    let spaces = chars[len..]
        .iter()
        .take_while(|c| c.is_whitespace())
        .count();
    Some(len + spaces)
}

/// `（一）`, `(一)`, `（1）`, `(12)`.
fn bracketed(chars: &[char]) -> Option<usize> {
    let open = *chars.first()?;
    if open != '（' && open != '(' {
        return None;
    }
    let inner = &chars[1..];
    let chinese = inner.iter().take_while(|&&c| is_chinese_numeral(c)).count();
    let digits = inner
        .iter()
        .take_while(|&&c| digit_value(c).is_some())
        .count();
    let n = if chinese > 0 && chinese <= 3 {
        chinese
    } else if digits > 0 && digits <= 2 {
        digits
    } else {
        return None;
    };
    matches!(inner.get(n), Some('）' | ')')).then_some(n + 2)
}

/// ① … ⑳, ⑴ … ⒇, ⒈ … ⒛.
fn circled(chars: &[char]) -> Option<usize> {
    matches!(chars.first(), Some('\u{2460}'..='\u{249B}')).then_some(1)
}

/// `1.`, `1、`, `1．`, `1)`, `1）` — but not `1.5` or `2020年`.
fn arabic(chars: &[char]) -> Option<usize> {
    let digits = chars
        .iter()
        .take_while(|&&c| digit_value(c).is_some())
        .count();
    if digits == 0 || digits > 2 {
        return None;
    }
    match chars.get(digits) {
        Some('.' | '．')
            if chars
                .get(digits + 1)
                .and_then(|&c| digit_value(c))
                .is_none() =>
        {
            Some(digits + 1)
        }
        Some('、' | ')' | '）') => Some(digits + 1),
        _ => None,
    }
}

/// `一、`, `一.`, `一是`, `第一，` — but not `一把手`, `十九大` or `一、二级`.
fn chinese(chars: &[char]) -> Option<usize> {
    let prefix = usize::from(chars.first() == Some(&'第'));
    let n = chars[prefix..]
        .iter()
        .take_while(|&&c| is_chinese_numeral(c))
        .count();
    if n == 0 || n > 3 {
        return None;
    }
    let end = prefix + n;
    let delimiter = chars.get(end)?;
    let ok = match delimiter {
        '、' | '.' | '．' => true,
        '是' => prefix == 0,
        '，' | ',' => prefix == 1,
        _ => false,
    };
    // 一、二级党组织: a range of numbers, not a numbered heading.
    let list = chars.get(end + 1).is_some_and(|&c| is_chinese_numeral(c)) && *delimiter == '、';
    (ok && !list).then_some(end + 1)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::check::{CheckOptions, check};
    use crate::document::History;

    #[test]
    fn recognises_typed_numbers() {
        let cases = [
            ("（一）政治建设", Some(3)),
            ("(一)政治建设", Some(3)),
            ("（十二）政治建设", Some(4)),
            ("（1）政治建设", Some(3)),
            ("(12) 政治建设", Some(5)),
            ("1.政治建设", Some(2)),
            ("1、政治建设", Some(2)),
            ("12．政治建设", Some(3)),
            ("一、工作开展情况", Some(2)),
            ("一. 工作开展情况", Some(3)),
            ("一是加强学习", Some(2)),
            ("十一是加强学习", Some(3)),
            ("第一，加强学习", Some(3)),
            ("①加强学习", Some(1)),
            ("  （二）加强学习", Some(5)),
        ];
        for (text, want) in cases {
            assert_eq!(typed_number_len(text), want, "{text}");
        }
    }

    #[test]
    fn ordinary_openings_are_not_numbers() {
        for text in [
            "2020年上半年工作总结",
            "1.5亿元投入",
            "一把手带头",
            "十九大精神学习",
            "一、二级党组织建设",
            "三会一课",
            "第一书记驻村",
            "（试行）说明",
            "（2020）号文件",
            "3+N主题党日",
            "5G基站建设",
            "一体推进",
        ] {
            assert_eq!(typed_number_len(text), None, "{text}");
        }
    }

    #[test]
    fn found_in_headings_and_titles_not_in_bodies_with_headings() {
        let mut doc = clean_document();
        doc.sections[0].title = "一、党支部基本情况".into();
        doc.sections[1].items[0].heading = "（一）坚持强化理论武装".into();
        doc.sections[1].items[1].body = "1.正文以数字开头不算".into();
        let found = findings(&doc, Code::HandTypedNumber);
        let places: Vec<_> = found.iter().map(|f| f.location.field).collect();
        assert_eq!(
            places,
            vec![Field::SectionTitle(0), Field::ItemHeading(1, 0)]
        );
        let mut doc = clean_document();
        doc.sections[1].items[0].heading.clear();
        doc.sections[1].items[0].body = "（一）坚持强化理论武装。正文".into();
        assert_eq!(
            findings(&doc, Code::HandTypedNumber)[0].location,
            Location::new(Field::ItemBody(1, 0), 0, 3)
        );
        assert!(findings(&clean_document(), Code::HandTypedNumber).is_empty());
    }

    #[test]
    fn fix_removes_the_number_and_undo_restores_it() {
        let original = {
            let mut doc = clean_document();
            doc.sections[1].items[0].heading = "（一） 坚持强化理论武装".into();
            doc
        };
        let mut doc = original.clone();
        let finding = findings(&doc, Code::HandTypedNumber).remove(0);
        let edit = finding.fix(&doc).expect("fixable");
        let mut history = History::default();
        history.apply(&mut doc, edit);
        assert_eq!(doc.sections[1].items[0].heading, "坚持强化理论武装");
        assert!(
            check(&doc, &CheckOptions::default())
                .iter()
                .all(|f| f.code != Code::HandTypedNumber)
        );
        history.undo(&mut doc);
        assert_eq!(doc, original);
    }
}
