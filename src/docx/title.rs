//! Where a long title breaks: GB/T 9704 wants a title of two centred lines
//! to break where the meaning allows — before the period (2020年上半年…),
//! after the organization, never inside a number, a word of Latin letters
//! or against the line-breaking rules.

use unicode_width::UnicodeWidthChar;

use crate::plain_text::{NO_END, NO_START};

/// Columns of a 2号 title line (a Chinese character is 2): 20 characters
/// fit the 156 mm type area.
pub const TITLE_COLUMNS: usize = 40;

/// The title as one line, or two when it is too long for one.
pub fn title_lines(title: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    let widths: Vec<usize> = chars
        .iter()
        .map(|&(_, c)| c.width_cjk().unwrap_or(0))
        .collect();
    let total: usize = widths.iter().sum();
    if total <= TITLE_COLUMNS || chars.len() < 2 {
        return vec![title];
    }
    let mut best: Option<(i64, usize)> = None;
    let mut left = 0;
    let mut depth = 0i64;
    for k in 1..chars.len() {
        left += widths[k - 1];
        depth += bracket_depth_change(chars[k - 1].1);
        let (prev, next) = (chars[k - 1].1, chars[k].1);
        if unbreakable(prev, next) {
            continue;
        }
        let right = total - left;
        let mut score = left.abs_diff(right) as i64;
        score += 1000
            * (left.saturating_sub(TITLE_COLUMNS) + right.saturating_sub(TITLE_COLUMNS)) as i64;
        if left < right {
            score += 4; // an upper line at least as long as the lower one
        }
        if depth > 0 {
            score += 60; // inside 《…》 or “…”
        }
        score += boundary_score(&title[..chars[k].0], &title[chars[k].0..]);
        if best.is_none_or(|(s, _)| score < s) {
            best = Some((score, chars[k].0));
        }
    }
    match best {
        Some((_, at)) => vec![&title[..at], &title[at..]],
        None => vec![title],
    }
}

/// Breaks that would cut a word: inside Latin letters or digits, between
/// a number and its unit (2020年, 二〇二〇年), or against 禁则.
fn unbreakable(prev: char, next: char) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十".contains(c);
    (prev.is_ascii_alphanumeric() && next.is_ascii_alphanumeric())
        || (prev.is_ascii_digit() && "年月日号届季期次".contains(next))
        || (numeral(prev)
            && (numeral(next) || next == '年')
            && (prev == '〇' || next == '〇' || next == '年'))
        || NO_START.contains(&next)
        || NO_END.contains(&prev)
}

fn bracket_depth_change(c: char) -> i64 {
    match c {
        '《' | '“' | '（' | '(' => 1,
        '》' | '”' | '）' | ')' => -1,
        _ => 0,
    }
}

/// How good a place the break is by what surrounds it (lower is better).
fn boundary_score(left: &str, right: &str) -> i64 {
    const ORGANIZATION_ENDS: &[&str] = &[
        "委员会",
        "党委",
        "党组",
        "支部",
        "总支",
        "委",
        "局",
        "厅",
        "部",
        "办",
        "院",
        "所",
        "站",
        "中心",
        "公司",
        "集团",
        "学校",
        "大学",
        "医院",
        "社区",
        "村",
        "处",
        "科",
        "室",
        "队",
        "馆",
        "会",
    ];
    let starts_with_year = {
        let digits = right
            .chars()
            .take_while(|c| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(*c))
            .count();
        digits >= 2 && right.chars().nth(digits) == Some('年')
    };
    // The name goes on: 党支部|委员会 is one organization.
    const NAME_GOES_ON: &[&str] = &["委员会", "党委", "党组", "支部", "总支", "机关", "办公室"];
    if NAME_GOES_ON.iter().any(|start| right.starts_with(start)) {
        return 30;
    }
    if starts_with_year
        || ["上半年", "下半年", "全年", "年度"]
            .iter()
            .any(|p| right.starts_with(p))
    {
        -40
    } else if left.ends_with("关于") || right.starts_with("关于") {
        -30
    } else if ORGANIZATION_ENDS.iter().any(|end| left.ends_with(end)) {
        -25
    } else if right.starts_with("党建工作总结") || right.starts_with("工作总结") {
        -15
    } else if left.ends_with(['、', '，', '：', '—']) {
        -10
    } else {
        20 // perhaps inside a word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn width(s: &str) -> usize {
        s.chars().map(|c| c.width_cjk().unwrap_or(0)).sum()
    }

    #[test]
    fn short_titles_stay_on_one_line() {
        assert_eq!(
            title_lines("XX党支部2020年上半年党建工作总结"),
            ["XX党支部2020年上半年党建工作总结"]
        );
    }

    #[test]
    fn long_titles_break_before_the_period() {
        assert_eq!(
            title_lines("中共某某市市场监督管理局机关委员会2020年上半年党建工作总结"),
            [
                "中共某某市市场监督管理局机关委员会",
                "2020年上半年党建工作总结"
            ]
        );
        assert_eq!(
            title_lines("中共某某县委办公室关于2021年度党风廉政建设情况的报告"),
            ["中共某某县委办公室关于", "2021年度党风廉政建设情况的报告"]
        );
        assert_eq!(
            title_lines("中共某某县某某镇某某村党支部委员会上半年党建工作总结"),
            ["中共某某县某某镇某某村党支部委员会", "上半年党建工作总结"]
        );
    }

    #[test]
    fn never_inside_a_number_or_a_word() {
        for title in [
            "市XX局2020年上半年党建工作总结暨下半年工作计划安排ABCDEFGH",
            "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
            "《关于加强和改进新时代基层党组织建设工作的若干意见》贯彻落实情况",
            "2020202020202020202020年上半年党建工作总结汇报材料",
        ] {
            let lines = title_lines(title);
            assert_eq!(lines.concat(), title);
            assert_eq!(lines.len(), 2, "{title}");
            let (a, b) = (lines[0], lines[1]);
            let (end, start) = (a.chars().last().unwrap(), b.chars().next().unwrap());
            assert!(
                !(end.is_ascii_alphanumeric() && start.is_ascii_alphanumeric()),
                "{lines:?}"
            );
            assert!(!(end.is_ascii_digit() && start == '年'), "{lines:?}");
            assert!(
                !NO_START.contains(&start) && !NO_END.contains(&end),
                "{lines:?}"
            );
            assert!(
                width(a) <= TITLE_COLUMNS && width(b) <= TITLE_COLUMNS,
                "{lines:?}"
            );
        }
    }
}
