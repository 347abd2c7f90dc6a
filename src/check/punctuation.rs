//! Punctuation: half-width marks in Chinese text (with the full-width fix),
//! a mix of “” and "" quotes, and brackets or quotes without a partner.
//! Text inside 《…》 and web addresses is quoted verbatim and left alone;
//! English (`Party, people`) and numbers (`2020.6`, `3.5%`, `10:30`) are not
//! Chinese text.

use super::scan::{FieldText, is_chinese_numeral, is_cjk, is_han};
use super::{Code, Detail, Finding, Location, Mark};

/// Half-width `, . ; : ? ! ( ) "` where Chinese text needs full-width marks.
/// Characters before `skip` (a hand-typed number, reported on its own) are not looked at.
pub(super) fn half_width(text: &FieldText, skip: usize, out: &mut Vec<Finding>) {
    let half_width_mark =
        |c: &char| matches!(c, ',' | '.' | ';' | ':' | '?' | '!' | '(' | ')' | '"');
    if !text.chars.iter().any(half_width_mark) {
        return;
    }
    let ignored = |i: usize| i < skip || text.address[i] || text.book_title[i];
    for (start, end) in text.paragraphs() {
        let mut brackets = Vec::new();
        let mut quotes = Vec::new();
        for i in (start..end).filter(|&i| !ignored(i)) {
            match text.chars[i] {
                '(' => brackets.push(i),
                ')' => match brackets.pop() {
                    Some(open) => pair(text, open, i, ('（', '）'), out),
                    None => single(text, i, '）', out),
                },
                '"' => quotes.push(i),
                _ => {
                    if let Some(full) = single_mark(text, i) {
                        push(text, vec![mark(text, i, full)], out);
                    }
                }
            }
        }
        for open in brackets {
            single(text, open, '（', out);
        }
        for q in quotes.chunks(2) {
            match *q {
                [open, close] => pair(text, open, close, ('“', '”'), out),
                [open] => single(text, open, '“', out),
                _ => {}
            }
        }
    }
}

fn mark(text: &FieldText, offset: usize, replacement: char) -> Mark {
    Mark {
        offset,
        found: text.chars[offset],
        replacement,
    }
}

fn push(text: &FieldText, marks: Vec<Mark>, out: &mut Vec<Finding>) {
    let (Some(first), Some(last)) = (marks.first(), marks.last()) else {
        return;
    };
    out.push(Finding::new(
        Code::HalfWidthPunctuation,
        Location::new(text.field, first.offset, last.offset + 1 - first.offset),
        Detail::HalfWidth(marks),
    ));
}

/// A bracket or quote pair is Chinese when it holds Chinese text or follows
/// it; or when Chinese follows it, unless it belongs to a Latin word before
/// it (`Excel(xlsx)格式`).
fn pair(text: &FieldText, open: usize, close: usize, full: (char, char), out: &mut Vec<Finding>) {
    let cjk = |c: Option<char>| c.is_some_and(is_cjk);
    let latin_before = text.before(open).is_some_and(|c| c.is_ascii_alphanumeric());
    let chinese = cjk(text.before(open))
        || (cjk(text.after(close)) && !latin_before)
        || text.chars[open + 1..close].iter().any(|&c| is_han(c));
    if chinese {
        push(
            text,
            vec![mark(text, open, full.0), mark(text, close, full.1)],
            out,
        );
    }
}

fn single(text: &FieldText, i: usize, full: char, out: &mut Vec<Finding>) {
    let cjk = |c: Option<char>| c.is_some_and(is_cjk);
    if cjk(text.before(i)) || cjk(text.after(i)) {
        push(text, vec![mark(text, i, full)], out);
    }
}

/// The full-width mark for a half-width `, . ; : ? !` at `i`, if it is in
/// Chinese text: a Chinese neighbour on one side and no Latin letter on the other.
fn single_mark(text: &FieldText, i: usize) -> Option<char> {
    let full = match text.chars[i] {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '.' => '。',
        _ => return None,
    };
    let before = text.before(i);
    let after = text.after(i);
    let cjk = |c: Option<char>| c.is_some_and(is_cjk);
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    if full == '。' {
        // A full stop only after Chinese, before Chinese or the end; `..` is not one.
        let ends = after.is_none_or(char::is_whitespace);
        if !cjk(before) || !(cjk(after) || ends) {
            return None;
        }
        // 一.加强学习: a number opening the paragraph takes 、
        if numeral_opens_paragraph(text, i) {
            return Some('、');
        }
        return Some('。');
    }
    let chinese = (cjk(before) && !latin(after)) || (cjk(after) && !latin(before));
    chinese.then_some(full)
}

fn numeral_opens_paragraph(text: &FieldText, i: usize) -> bool {
    let mut n = 0;
    for &c in text.chars[..i].iter().rev() {
        if c == '\n' {
            break;
        }
        if !is_chinese_numeral(c) {
            return false;
        }
        n += 1;
    }
    (1..=3).contains(&n)
}

/// One finding when the document uses both curly “” and straight "" quotes,
/// at the first straight one.
#[derive(Default)]
pub(super) struct Quotes {
    curly: usize,
    straight: usize,
    first_straight: Option<Location>,
}

impl Quotes {
    /// Counts the quotes of one field, the fields in reading order.
    pub(super) fn count(&mut self, text: &FieldText) {
        for (i, &c) in text.chars.iter().enumerate() {
            if text.address[i] || text.book_title[i] {
                continue;
            }
            match c {
                '“' | '”' => self.curly += 1,
                '"' => {
                    self.straight += 1;
                    self.first_straight
                        .get_or_insert(Location::new(text.field, i, 1));
                }
                _ => {}
            }
        }
    }

    /// One finding for the document, at its first straight quote.
    pub(super) fn finish(self, out: &mut Vec<Finding>) {
        if let (true, Some(location)) = (self.curly > 0, self.first_straight) {
            out.push(Finding::new(
                Code::MixedQuotes,
                location,
                Detail::MixedQuotes {
                    curly: self.curly,
                    straight: self.straight,
                },
            ));
        }
    }
}

const PAIRS: [(char, char); 4] = [('“', '”'), ('（', '）'), ('《', '》'), ('【', '】')];

/// “” （） 《》 【】 without a partner in the same paragraph. A closing mark
/// closes the nearest open one of its kind; marks opened after that one and
/// still open are reported: `《细则（试行》` lacks its `）`.
pub(super) fn unbalanced(text: &FieldText, out: &mut Vec<Finding>) {
    if !text
        .chars
        .iter()
        .any(|&c| PAIRS.iter().any(|&(o, cl)| c == o || c == cl))
    {
        return;
    }
    for (start, end) in text.paragraphs() {
        let mut open: Vec<(usize, char)> = Vec::new();
        // Open marks of each kind, so that a closing mark with none open is
        // known at once (no search through a long stack of other kinds).
        let mut open_count = [0usize; PAIRS.len()];
        for i in (start..end).filter(|&i| !text.address[i]) {
            let c = text.chars[i];
            if let Some(k) = PAIRS.iter().position(|&(o, _)| o == c) {
                open.push((i, c));
                open_count[k] += 1;
            } else if let Some(k) = PAIRS.iter().position(|&(_, cl)| cl == c) {
                if open_count[k] == 0 {
                    report(text, i, c, false, out);
                    continue;
                }
                while let Some((j, o)) = open.pop() {
                    let kind = PAIRS.iter().position(|&(op, _)| op == o).unwrap_or(k);
                    open_count[kind] -= 1;
                    if kind == k {
                        break;
                    }
                    report(text, j, o, true, out);
                }
            }
        }
        for (j, o) in open {
            report(text, j, o, true, out);
        }
    }
}

fn report(text: &FieldText, i: usize, found: char, opening: bool, out: &mut Vec<Finding>) {
    let partner = PAIRS
        .iter()
        .find_map(|&(o, c)| match (opening, found == o, found == c) {
            (true, true, _) => Some(c),
            (false, _, true) => Some(o),
            _ => None,
        })
        .unwrap_or(found);
    out.push(Finding::new(
        Code::UnbalancedPair,
        Location::new(text.field, i, 1),
        Detail::Unbalanced {
            found,
            partner,
            opening,
        },
    ));
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::document::Field;

    /// (found, replacement) of every half-width finding in a body.
    fn half_width_in(body: &str) -> Vec<(String, String)> {
        findings(&doc_with_body(body), Code::HalfWidthPunctuation)
            .into_iter()
            .map(|f| match f.detail {
                Detail::HalfWidth(marks) => (
                    marks.iter().map(|m| m.found).collect(),
                    marks.iter().map(|m| m.replacement).collect(),
                ),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn half_width_marks_in_chinese_text() {
        assert_eq!(half_width_in("明规守纪,自觉构建"), pairs(&[(",", "，")]));
        assert_eq!(half_width_in("宗旨意识,改进作风"), pairs(&[(",", "，")]));
        assert_eq!(half_width_in("主要措施:一是"), pairs(&[(":", "：")]));
        assert_eq!(half_width_in("怎么办?必须"), pairs(&[("?", "？")]));
        assert_eq!(half_width_in("守好一卡!"), pairs(&[("!", "！")]));
        assert_eq!(
            half_width_in("加强学习;改进作风."),
            pairs(&[(";", "；"), (".", "。")])
        );
        assert_eq!(half_width_in("达到96%,有效提升"), pairs(&[(",", "，")]));
        assert_eq!(half_width_in("共3次,5人"), pairs(&[(",", "，")]));
        assert_eq!(half_width_in("条例(试行)规定"), pairs(&[("()", "（）")]));
        assert_eq!(half_width_in("学习强国(App)"), pairs(&[("()", "（）")]));
        assert_eq!(
            half_width_in("开展\"读一本好书，写一篇心得\"活动"),
            pairs(&[("\"\"", "“”")])
        );
        assert_eq!(half_width_in("未闭合(括号"), pairs(&[("(", "（")]));
        assert_eq!(half_width_in("一.加强学习"), pairs(&[(".", "、")]));
    }

    #[test]
    fn english_numbers_addresses_and_book_titles_are_left_alone() {
        for body in [
            "截至2020.6，完成3.5%的任务",
            "时间为10:30，地点在三楼",
            "12,500人参加",
            "学习Party building, the people's way.",
            "使用Excel(xlsx)格式",
            "访问http://www.12371.cn/2020/06/a.shtml?id=1,2了解",
            "发送至dangjian@example.org.cn,并抄送",
            "学习《关于加强党的建设的意见(试行)》和《Notes, Vol.2》",
            "等等...",
            "“3+N”主题党日",
            "Mr. Smith",
            "e.g. 例如",
        ] {
            assert_eq!(half_width_in(body), vec![], "{body}");
        }
    }

    #[test]
    fn pair_finding_spans_both_marks() {
        let doc = doc_with_body("条例(试行)规定");
        let f = &findings(&doc, Code::HalfWidthPunctuation)[0];
        assert_eq!(f.location, Location::new(Field::ItemBody(0, 0), 2, 4));
    }

    #[test]
    fn typed_number_brackets_are_not_also_half_width() {
        let mut doc = doc_with_body("正文。");
        doc.sections[0].items[0].heading = "(一)加强理论学习".into();
        assert!(findings(&doc, Code::HalfWidthPunctuation).is_empty());
        assert_eq!(findings(&doc, Code::HandTypedNumber).len(), 1);
    }

    #[test]
    fn mixed_quotes_once_per_document() {
        let mut doc = clean_document();
        doc.sections[3].items[1].body = "开展\"读一本好书\"活动，开展\"学党史\"活动。".into();
        let found = findings(&doc, Code::MixedQuotes);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].location,
            Location::new(Field::ItemBody(3, 1), 2, 1)
        );
        let Detail::MixedQuotes { curly, straight } = found[0].detail else {
            panic!()
        };
        assert_eq!(straight, 4);
        assert!(curly >= 8);
        // Only straight quotes: half-width findings, but nothing is mixed.
        let only_straight = doc_with_body("开展\"读一本好书\"活动");
        assert!(findings(&only_straight, Code::MixedQuotes).is_empty());
        assert!(findings(&clean_document(), Code::MixedQuotes).is_empty());
    }

    fn unbalanced_in(body: &str) -> Vec<(usize, char, bool)> {
        findings(&doc_with_body(body), Code::UnbalancedPair)
            .into_iter()
            .map(|f| match f.detail {
                Detail::Unbalanced { found, opening, .. } => (f.location.start, found, opening),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn unbalanced_pairs() {
        // From the corpus: 《辽宁省党费收缴工作细则（试行》
        assert_eq!(
            unbalanced_in("学习了《细则（试行》，按照"),
            vec![(6, '（', true)]
        );
        assert_eq!(
            unbalanced_in("推进“两学一做“学习教育"),
            vec![(2, '“', true), (7, '“', true)]
        );
        assert_eq!(unbalanced_in("做到两个维护”。"), vec![(6, '”', false)]);
        assert_eq!(unbalanced_in("【通知】【要求"), vec![(4, '【', true)]);
        assert_eq!(
            unbalanced_in("参照《条例\n》"),
            vec![(2, '《', true), (6, '》', false)]
        );
    }

    #[test]
    fn balanced_pairs_are_fine() {
        for body in [
            "重点学习了《习近平谈治国理政（第二卷）》《习近平新时代中国特色社会主义思想三十讲》",
            "“党旗飘扬 XX战役”、“战疫情 保用工 稳就业”",
            "全面落实《支部工作条例（试行）》",
            "“两个维护”（即坚决维护）",
            "【通知】",
        ] {
            assert_eq!(unbalanced_in(body), vec![], "{body}");
        }
        assert!(findings(&clean_document(), Code::UnbalancedPair).is_empty());
    }
}
