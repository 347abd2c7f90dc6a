//! Leftover placeholders: X, XX, XXX, 20XX年, X月X日, 某某, ＿＿/___, an empty
//! 【】, and the templates' writing hints `（写…）`. An X that belongs to a
//! Latin word (XML, Mac OS X), a Roman numeral (XIV), X光 or 3x3 is not one.

use super::scan::FieldText;
use super::{Code, Detail, Finding, Location};
use crate::document::writing_hint;

pub(super) fn check(text: &FieldText, out: &mut Vec<Finding>) {
    let chars = &text.chars;
    let mut i = 0;
    while i < chars.len() {
        if text.address[i] {
            i += 1;
            continue;
        }
        let end = match chars[i] {
            c if is_x(c) => x_placeholder(text, i),
            '某' => run_end(chars, i, |c| c == '某').filter(|&e| e - i >= 2),
            '_' | '＿' => run_end(chars, i, |c| c == '_' || c == '＿')
                .filter(|&e| e - i >= 2 || chars[i] == '＿')
                .filter(|&e| !text.address[i..e].iter().any(|&m| m)),
            '【' => empty_brackets(chars, i),
            '（' if starts_paragraph(text, i) => writing_hint(chars, i),
            _ => None,
        };
        match end {
            Some(end) => {
                let start = leading_digits(text, i);
                out.push(Finding::new(
                    Code::Placeholder,
                    Location::new(text.field, start, end - start),
                    Detail::Placeholder(text.string(start, end)),
                ));
                i = end;
            }
            None => i += 1,
        }
    }
}

fn is_x(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ')
}

fn run_end(chars: &[char], start: usize, member: impl Fn(char) -> bool) -> Option<usize> {
    let len = chars[start..].iter().take_while(|&&c| member(c)).count();
    (len > 0).then_some(start + len)
}

/// An X run that stands for something to fill in, extended over date units
/// (`X月X日`, `XX年`); `None` when the X is part of Latin text.
fn x_placeholder(text: &FieldText, start: usize) -> Option<usize> {
    let chars = &text.chars;
    let first_end = run_end(chars, start, is_x)?;
    if is_latin_context(text, start, first_end) {
        return None;
    }
    let single = first_end - start == 1;
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    // 3x3, 2X: a multiplication or a model name, not a blank.
    if single && digit(text.after(first_end - 1)) {
        return None;
    }
    if single && digit(text.before(start)) && !chars.get(first_end).is_some_and(|&c| is_unit(c)) {
        return None;
    }
    // X光, X射线, X线: the rays.
    if single && matches!(chars.get(first_end), Some('光' | '射' | '线')) {
        return None;
    }
    let mut end = first_end;
    loop {
        match chars.get(end) {
            Some(&c) if is_unit(c) => end += 1,
            _ => break,
        }
        match run_end(chars, end, is_x) {
            Some(next) if !is_latin_context(text, end, next) => end = next,
            _ => break,
        }
    }
    Some(end)
}

/// Units a date placeholder runs through: XX年X月X日.
fn is_unit(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '号')
}

/// Whether the X run `start..end` touches a Latin word, directly (XML,
/// XIV) or across one space or hyphen (Mac OS X, X-ray).
fn is_latin_context(text: &FieldText, start: usize, end: usize) -> bool {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    let joiner = |c: Option<char>| matches!(c, Some(' ' | '-' | '/' | '.'));
    let before = text.before(start);
    let after = text.after(end - 1);
    if latin(before) || latin(after) {
        return true;
    }
    let before2 = start.checked_sub(1).and_then(|i| text.before(i));
    let after2 = text.after(end);
    (joiner(before) && latin(before2)) || (joiner(after) && latin(after2))
}

/// `20` of `20XX年`: digits directly before a placeholder belong to it.
fn leading_digits(text: &FieldText, start: usize) -> usize {
    if !is_x(text.chars[start]) {
        return start;
    }
    let mut s = start;
    while s > 0 && text.chars[s - 1].is_ascii_digit() && start - s < 4 {
        s -= 1;
    }
    s
}

/// `【】` or `【  】` left empty.
fn empty_brackets(chars: &[char], start: usize) -> Option<usize> {
    let inner = chars[start + 1..]
        .iter()
        .take_while(|c| c.is_whitespace() && **c != '\n')
        .count();
    (chars.get(start + 1 + inner) == Some(&'】')).then_some(start + inner + 2)
}

fn starts_paragraph(text: &FieldText, i: usize) -> bool {
    text.chars[..i]
        .iter()
        .rev()
        .take_while(|&&c| c != '\n')
        .all(|c| c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::document::Field;

    fn found(text: &str) -> Vec<String> {
        placeholders_in(text)
    }

    #[test]
    fn finds_every_kind_of_placeholder() {
        assert_eq!(found("共有党员X名"), ["X"]);
        assert_eq!(found("XX党支部"), ["XX"]);
        assert_eq!(found("XXX局召开会议"), ["XXX"]);
        assert_eq!(found("于X月X日召开"), ["X月X日"]);
        assert_eq!(found("XX年XX月"), ["XX年XX月"]);
        assert_eq!(found("20XX年X月X日"), ["20XX年X月X日"]);
        assert_eq!(found("xx同志"), ["xx"]);
        assert_eq!(found("ＸＸ单位"), ["ＸＸ"]);
        assert_eq!(found("某某同志"), ["某某"]);
        assert_eq!(found("填写＿＿与___"), ["＿＿", "___"]);
        assert_eq!(found("主题为【】和【 】"), ["【】", "【 】"]);
        assert_eq!(found("共 X 次"), ["X"]);
        assert_eq!(
            found("（写具体措施（含时间）。）上半年"),
            ["（写具体措施（含时间）。）"]
        );
        assert_eq!(found("开展“XXX”为主题的大讨论"), ["XXX"]);
        assert_eq!(found("同比增长XX%"), ["XX"]);
    }

    #[test]
    fn latin_words_roman_numerals_and_rays_are_not_placeholders() {
        for text in [
            "用XML格式报送",
            "在Mac OS X上",
            "第XIV届",
            "X-ray检查",
            "X光机",
            "X射线",
            "3x3矩阵",
            "iPhone X发布",
            "访问https://example.com/XX/a查看",
            "某单位",
            "变量a_b",
            "（试行）",
            "【通知】",
            "正文中（写作方法）不算",
            "Xbox与xlsx",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn location_is_in_characters() {
        let doc = doc_with_body("党员干部X名");
        let f = &findings(&doc, crate::check::Code::Placeholder)[0];
        assert_eq!(f.location.field, Field::ItemBody(0, 0));
        assert_eq!((f.location.start, f.location.len), (4, 1));
    }
}
