//! The shapes the importer recognises in a line: section numbers (`一、`),
//! item numbers in every style, dates, and lines that read as a title or
//! an organization. Numbers are only ever matched as the one expected next,
//! so `1.5倍`, `2020年` or a `一、` restarting inside a section stay text.

use crate::document::{NumberingStyle, TopStyle, chinese_numeral};

/// The styles whose items start a paragraph, in the order they are tried.
pub(super) const LINE_STYLES: [NumberingStyle; 5] = [
    NumberingStyle::Paren,
    NumberingStyle::ArabicParen,
    NumberingStyle::Arabic,
    NumberingStyle::ArabicComma,
    NumberingStyle::Ordinal,
];

/// Characters after which an inline `二是` starts a new point.
const INLINE_BOUNDARY: [char; 14] = [
    '。', '；', '：', '！', '？', '，', '）', '”', '’', '》', '」', '』', ' ', '\u{3000}',
];

/// Sentence ends a title never has (a title may end with `）`, as in
/// `2020年上半年党建工作总结 （市直委局）`).
const SENTENCE_ENDS: [char; 12] = [
    '。', '，', '；', '：', '！', '？', '、', '…', '.', ',', ';', ':',
];

/// The longest line that still reads as a title, an organization or a date.
const TITLE_MAX_CHARS: usize = 60;
const ORGANIZATION_MAX_CHARS: usize = 40;

/// If `line` opens section number `n` (`二、…`), the section title after it.
pub(super) fn section_title(line: &str, n: usize) -> Option<&str> {
    let rest = line
        .strip_prefix(chinese_numeral(n as u64).as_str())?
        .strip_prefix('、')?;
    // `二、三季度…` and `一、二月份…` list numbers; they are not sections.
    let mut chars = rest.chars();
    if let (Some(a), Some(b)) = (chars.next(), chars.next())
        && is_numeral_char(a)
        && matches!(b, '季' | '月' | '、' | '年' | '至' | '到')
    {
        return None;
    }
    Some(rest.trim_start())
}

/// If `line` opens section number `n` of a top level numbered in `style`
/// (`二、…`, `（二）…`, `2、…`), the section title after it.
pub(super) fn top_title(line: &str, style: TopStyle, n: usize) -> Option<&str> {
    match style {
        TopStyle::Chinese => section_title(line, n),
        TopStyle::Paren => item_text(line, NumberingStyle::Paren, n),
        TopStyle::ArabicComma => item_text(line, NumberingStyle::ArabicComma, n),
    }
}

fn is_numeral_char(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '两' | '〇' | '零'
    ) || c.is_ascii_digit()
}

/// If `line` opens item number `n` in the family of `style`, the text after
/// the number. `(一)` counts as `（一）`, `1．` as `1.`; whitespace after the
/// number is dropped. `Ordinal` and `OrdinalInline` both match `一是` at the
/// start of the line.
pub(super) fn item_text(line: &str, style: NumberingStyle, n: usize) -> Option<&str> {
    let rest = match style {
        NumberingStyle::Paren => strip_parens(line, &chinese_numeral(n as u64))?,
        NumberingStyle::ArabicParen => strip_parens(line, &n.to_string())?,
        NumberingStyle::Arabic => {
            let rest = line.strip_prefix(n.to_string().as_str())?;
            let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix('．'))?;
            not_followed_by_digit(rest)?
        }
        NumberingStyle::ArabicComma => {
            let rest = line
                .strip_prefix(n.to_string().as_str())?
                .strip_prefix('、')?;
            not_followed_by_digit(rest)?
        }
        NumberingStyle::Ordinal | NumberingStyle::OrdinalInline => {
            line.strip_prefix(ordinal_marker(n).as_str())?
        }
    };
    Some(rest.trim_start())
}

fn strip_parens<'a>(line: &'a str, inner: &str) -> Option<&'a str> {
    let rest = line.strip_prefix('（').or_else(|| line.strip_prefix('('))?;
    let rest = rest.strip_prefix(inner)?;
    rest.strip_prefix('）').or_else(|| rest.strip_prefix(')'))
}

/// `1.5倍` and `1、2月` are numbers in a sentence, not item numbers.
fn not_followed_by_digit(rest: &str) -> Option<&str> {
    match rest.chars().next() {
        Some(c) if c.is_ascii_digit() || ('０'..='９').contains(&c) => None,
        _ => Some(rest),
    }
}

/// `一是`, `十一是`: the number of an ordinal point.
pub(super) fn ordinal_marker(n: usize) -> String {
    format!("{}是", chinese_numeral(n as u64))
}

/// The byte offset of `marker` in `text` where it starts an inline point:
/// after `from`, not at the start of `text`, and right after a boundary
/// character (so `统一是` is not `一是`).
pub(super) fn find_inline(text: &str, marker: &str, from: usize) -> Option<usize> {
    let mut start = from;
    while let Some(found) = text.get(start..)?.find(marker) {
        let at = start + found;
        if at > 0
            && text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| INLINE_BOUNDARY.contains(&c))
        {
            return Some(at);
        }
        start = at + marker.len();
    }
    None
}

/// A short line that does not end like a sentence: the title of the summary.
pub(super) fn is_title_like(line: &str) -> bool {
    let core = line.trim_end_matches(['”', '’', '"', '」', '』']);
    !line.is_empty()
        && line.chars().count() <= TITLE_MAX_CHARS
        && !core.ends_with(SENTENCE_ENDS)
        // `现将有关情况汇报如下` closes a preamble even without its colon.
        && !core.ends_with("如下")
        && section_title(line, 1).is_none()
        && item_text(line, NumberingStyle::Paren, 1).is_none()
}

/// A line that names an organization and nothing else, as the first line
/// of a title set on two lines: `中共XX县自然资源局机关支部委员会`,
/// `XX市人民政府办公室`. Not a site's name, a source or a label.
pub(super) fn names_organization(line: &str) -> bool {
    const ENDS: &[&str] = &[
        "委员会",
        "党委",
        "党组",
        "支部",
        "总支",
        "党工委",
        "机关",
        "局",
        "厅",
        "委",
        "办公室",
        "中心",
        "公司",
        "集团",
        "学院",
        "学校",
        "大学",
        "医院",
        "政府",
        "街道",
        "社区",
        "村",
        "镇",
        "乡",
        "部",
        "处",
        "科",
        "所",
        "院",
        "队",
        "协会",
        "联合会",
    ];
    is_organization_like(line)
        && ENDS.iter().any(|end| line.ends_with(end))
        && !line.contains(['：', ':', '网', '/', ' ', '\u{3000}'])
        && !line.chars().any(|c| c.is_ascii_digit())
}

/// A signature's organization line: short, no sentence end, no number.
pub(super) fn is_organization_like(line: &str) -> bool {
    let starts_like_number = line.starts_with(['（', '(']) || {
        let mut chars = line.chars();
        chars.next().is_some_and(is_numeral_char)
            && chars
                .next()
                .is_some_and(|c| matches!(c, '、' | '是' | '.' | '．'))
    };
    !line.is_empty()
        && line.chars().count() <= ORGANIZATION_MAX_CHARS
        && !line.ends_with(SENTENCE_ENDS)
        && !starts_like_number
}

/// `2020年7月10日`, `2020年07月10日`, `２０２０年７月１０日`, `二〇二〇年七月十日`;
/// the day may be missing (`2020年7月`).
pub(super) fn is_date_line(line: &str) -> bool {
    fn digits(s: &str, min: usize, max: usize, unit: char) -> Option<&str> {
        let end = s.find(unit)?;
        let count = s[..end].chars().count();
        let all_digits = s[..end].chars().all(|c| {
            c.is_ascii_digit() || ('０'..='９').contains(&c) || is_numeral_char(c) || c == '○'
        });
        (all_digits && (min..=max).contains(&count)).then(|| &s[end + unit.len_utf8()..])
    }
    let Some(rest) = digits(line, 4, 4, '年') else {
        return false;
    };
    let Some(rest) = digits(rest, 1, 3, '月') else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    digits(rest, 1, 3, '日').is_some_and(str::is_empty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberingStyle::*;

    #[test]
    fn sections_only_at_the_expected_number() {
        assert_eq!(section_title("一、工作开展情况", 1), Some("工作开展情况"));
        assert_eq!(
            section_title("十一、 下半年工作计划", 11),
            Some("下半年工作计划")
        );
        assert_eq!(section_title("十一、下半年工作计划", 10), None);
        assert_eq!(section_title("十、存在问题", 1), None);
        assert_eq!(section_title("二、三季度完成了任务。", 2), None);
        assert_eq!(section_title("一、二月份，我们……", 1), None);
        assert_eq!(section_title("一是加强学习", 1), None);
    }

    #[test]
    fn items_in_every_style_and_not_numbers_in_sentences() {
        assert_eq!(item_text("（一）政治建设。", Paren, 1), Some("政治建设。"));
        assert_eq!(item_text("(十二) 组织建设", Paren, 12), Some("组织建设"));
        assert_eq!(item_text("（一）", Paren, 2), None);
        assert_eq!(item_text("（1）学习", ArabicParen, 1), Some("学习"));
        assert_eq!(item_text("1.学习", Arabic, 1), Some("学习"));
        assert_eq!(item_text("1．学习", Arabic, 1), Some("学习"));
        assert_eq!(item_text("1.5倍于去年", Arabic, 1), None);
        assert_eq!(item_text("10.学习", Arabic, 1), None);
        assert_eq!(item_text("2020年以来", Arabic, 2), None);
        assert_eq!(item_text("1、学习", ArabicComma, 1), Some("学习"));
        assert_eq!(item_text("1、2月份", ArabicComma, 1), None);
        assert_eq!(item_text("十一是强化学习", Ordinal, 11), Some("强化学习"));
        assert_eq!(item_text("十一是强化学习", Ordinal, 1), None);
    }

    #[test]
    fn inline_points_need_a_boundary() {
        let text = "主要表现在：一是思想统一是前提。二是创新不足，三是";
        let one = find_inline(text, "一是", 0).unwrap();
        assert_eq!(&text[..one], "主要表现在：");
        let two = find_inline(text, "二是", one).unwrap();
        assert!(text[..two].ends_with("前提。"));
        assert!(find_inline(text, "三是", two).is_some());
        assert_eq!(find_inline("一是开头", "一是", 0), None);
        assert_eq!(find_inline("坚持统一是关键", "一是", 0), None);
    }

    #[test]
    fn titles_dates_and_organizations() {
        assert!(is_title_like("XX党支部2020年上半年党建工作总结"));
        assert!(is_title_like("2020年上半年党建工作总结 （市直委局）"));
        assert!(!is_title_like("今年上半年，……现将有关情况总结如下："));
        assert!(!is_title_like("现将有关情况汇报如下"));
        assert!(!is_title_like("会员群：                      免费QQ群："));
        assert!(!is_title_like(&"长".repeat(61)));
        for date in [
            "2020年7月10日",
            "2020年07月10日",
            "２０２０年７月１０日",
            "二〇二〇年七月十日",
            "2020年12月",
        ] {
            assert!(is_date_line(date), "{date}");
        }
        for not_date in [
            "2020年7月10日召开会议",
            "20年7月1日",
            "2020年上半年",
            "7月10日",
        ] {
            assert!(!is_date_line(not_date), "{not_date}");
        }
        assert!(is_organization_like("中共XX党支部"));
        assert!(!is_organization_like("（四）强化支部自身建设"));
        assert!(!is_organization_like("四是加强学习"));
        assert!(!is_organization_like("有计划地培养积极分子。"));
    }
}
