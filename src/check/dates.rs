//! Dates that do not fit the period of the summary: `2019年` in a
//! `2020年上半年` summary (last year's text pasted in), `2020年10月` in its
//! work section. The period is the draft's `period`, or read from the title.
//!
//! What is normal and not reported: a date just after the period (the
//! signature of a half-year summary is dated in July), any future date in a
//! 下一步 section, a year-only future date (`到2035年`), comparisons,
//! starting points and baselines (`较2019年同期`, `2019年以来`, `截至2019年底`,
//! `荣获2019年度…`), last year's annual cycle (`2019年度民主评议`), ranges
//! that include the period (`2018—2022年`), and history (`1921年7月1日`).

use super::scan::FieldText;
use super::structure::effective_kind;
use super::{Code, Detail, Finding, Location};
use crate::document::period::{is_range_joiner, quarter, small_number, year_at};
use crate::document::{Document, SectionKind};

/// The months a summary covers, as `year * 12 + month - 1`, inclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub start: i32,
    pub end: i32,
    /// As written: `2020年上半年`.
    pub label: String,
}

/// Months after the period in which dates are still normal (writing and
/// signing the summary).
const GRACE_MONTHS: i32 = 2;

/// Dates more than this many months before the period are history.
const HISTORY_MONTHS: i32 = 36;

/// Reads the first period in `text`: `2020年上半年`, `2020年度`, `2020年`,
/// `2020年第三季度`, `2020年1—6月`, `二〇二〇年`.
pub fn parse_period(text: &str) -> Option<Period> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|i| {
        mention_at(&chars, i).map(|m| Period {
            start: m.from,
            end: m.to,
            label: chars[m.start..m.end].iter().collect(),
        })
    })
}

/// The period of the document: its `period` field, else its title.
pub(super) fn document_period(doc: &Document) -> Option<Period> {
    // The period as offices wrap it (`2020年1月份至6月份`, `2020年前三季度`)
    // first, then any date that names a span.
    let wrapped = |text: &str| {
        crate::document::Period::find(text).map(|found| {
            let (start, end) = found.period.months();
            Period {
                start,
                end,
                label: text[found.start..found.end].to_string(),
            }
        })
    };
    wrapped(&doc.period)
        .or_else(|| wrapped(&doc.title))
        .or_else(|| parse_period(&doc.period))
        .or_else(|| parse_period(&doc.title))
}

/// Which sections are plans (下一步), where any later date is normal.
pub(super) fn plan_sections(doc: &Document) -> Vec<bool> {
    doc.sections
        .iter()
        .map(|s| effective_kind(s) == SectionKind::Next)
        .collect()
}

pub(super) fn check(period: &Period, plans: &[bool], text: &FieldText, out: &mut Vec<Finding>) {
    let plans = text
        .field
        .section()
        .is_some_and(|s| plans.get(s).copied().unwrap_or(false));
    let window_end = if plans {
        i32::MAX
    } else {
        period.end + GRACE_MONTHS
    };
    let chars = &text.chars;
    let mut i = 0;
    while i < chars.len() {
        let Some(m) = mention_at(chars, i) else {
            i += 1;
            continue;
        };
        // Long before the period is history (1921年7月1日), not last year's text.
        let before = m.to < period.start && m.to >= period.start - HISTORY_MONTHS;
        let after = m.from > window_end;
        let reported = if before {
            !is_reference_to_the_past(chars, &m, period)
        } else {
            after && !m.year_only
        };
        if reported {
            out.push(Finding::new(
                Code::DateOutsidePeriod,
                Location::new(text.field, m.start, m.end - m.start),
                Detail::Date {
                    found: text.string(m.start, m.end),
                    period: period.label.clone(),
                },
            ));
        }
        i = m.end;
    }
}

/// Words around a past date that make it a comparison, a starting point or
/// a baseline (`较2019年同期`, `2019年以来`, `截至2019年底`, `荣获2019年度…`),
/// and last year's annual cycle (`2019年度组织生活会`), which is held in the
/// first months of the period.
fn is_reference_to_the_past(chars: &[char], m: &Mention, period: &Period) -> bool {
    const BEFORE: [char; 9] = ['较', '比', '与', '自', '从', '同', '获', '评', '截'];
    const AFTER: [&str; 9] = [
        "以来", "同期", "相比", "比较", "起", "至今", "以前", "底", "末",
    ];
    let before = chars[m.start.saturating_sub(3)..m.start]
        .iter()
        .any(|c| BEFORE.contains(c));
    let rest = &chars[m.end..];
    let after = AFTER
        .iter()
        .any(|w| w.chars().enumerate().all(|(k, c)| rest.get(k) == Some(&c)));
    let last_years_cycle = chars.get(m.end.wrapping_sub(1)) == Some(&'度')
        && m.year_only
        && m.to / 12 == period.start / 12 - 1;
    before || after || last_years_cycle
}

/// A date in the text and the months it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mention {
    start: usize,
    end: usize,
    from: i32,
    to: i32,
    /// Only a year (or years): `2019年`, `2019年度`.
    year_only: bool,
}

fn month(year: i32, m: u32) -> i32 {
    year * 12 + m as i32 - 1
}

/// The date mention starting at `i`, if any: a four-digit year and 年, then
/// what follows it.
fn mention_at(chars: &[char], i: usize) -> Option<Mention> {
    mention_with_range(chars, i, true)
}

/// A mention; with `ranges`, `2018年至2022年` is one (one level deep, so a
/// long chain of years cannot recurse without end).
fn mention_with_range(chars: &[char], i: usize, ranges: bool) -> Option<Mention> {
    let (year, n) = year_at(chars, i)?;
    let mut j = i + n;
    // 2018—2022年
    if is_range_joiner(chars.get(j)) {
        let (year2, n2) = year_at(chars, j + 1)?;
        if chars.get(j + 1 + n2) != Some(&'年') || year2 < year {
            return None;
        }
        return Some(Mention {
            start: i,
            end: j + 2 + n2,
            from: month(year, 1),
            to: month(year2, 12),
            year_only: true,
        });
    }
    if chars.get(j) != Some(&'年') {
        return None;
    }
    j += 1;
    let rest = &chars[j..];
    let starts = |w: &str| {
        let mut k = 0;
        for c in w.chars() {
            if rest.get(k) != Some(&c) {
                return None;
            }
            k += 1;
        }
        Some(k)
    };
    let whole = |end: usize| Mention {
        start: i,
        end,
        from: month(year, 1),
        to: month(year, 12),
        year_only: true,
    };
    let part = |end: usize, from: u32, to: u32| Mention {
        start: i,
        end,
        from: month(year, from),
        to: month(year, to),
        year_only: false,
    };
    if let Some(k) = starts("上半年") {
        return Some(part(j + k, 1, 6));
    }
    if let Some(k) = starts("下半年") {
        return Some(part(j + k, 7, 12));
    }
    if let Some((q, k)) = quarter(rest) {
        return Some(part(j + k, q * 3 - 2, q * 3));
    }
    if let Some(k) = starts("全年").or_else(|| starts("度")) {
        return Some(whole(j + k));
    }
    if let Some((from, to, k)) = months(rest) {
        return Some(part(j + k, from, to));
    }
    // 2018年至2022年
    if is_range_joiner(rest.first())
        && ranges
        && let Some(next) = mention_with_range(chars, j + 1, false)
        && next.year_only
        && next.to >= month(year, 1)
    {
        return Some(Mention {
            end: next.end,
            from: month(year, 1),
            ..next
        });
    }
    Some(whole(j))
}

/// `7月`, `7月10日`, `1—6月`, `1月至6月`: the first and last month and the length.
fn months(rest: &[char]) -> Option<(u32, u32, usize)> {
    let (from, n) = small_number(rest)?;
    if !(1..=12).contains(&from) {
        return None;
    }
    let mut k = n;
    let has_month = rest.get(k) == Some(&'月');
    if has_month {
        k += 1;
    }
    if is_range_joiner(rest.get(k))
        && let Some((to, n2)) = small_number(&rest[k + 1..])
        && rest.get(k + 1 + n2) == Some(&'月')
        && (from..=12).contains(&to)
    {
        return Some((from, to, k + 2 + n2));
    }
    if !has_month {
        return None;
    }
    if let Some((day, n2)) = small_number(&rest[k..])
        && (1..=31).contains(&day)
        && matches!(rest.get(k + n2), Some('日' | '号'))
    {
        k += n2 + 1;
    }
    Some((from, from, k))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::document::Field;

    fn period(text: &str) -> Option<(i32, i32, String)> {
        parse_period(text).map(|p| (p.start, p.end, p.label))
    }

    #[test]
    fn reads_periods() {
        let m = |y, mo| y * 12 + mo - 1;
        assert_eq!(
            period("XX党支部2020年上半年党建工作总结"),
            Some((m(2020, 1), m(2020, 6), "2020年上半年".into()))
        );
        assert_eq!(
            period("2020年下半年"),
            Some((m(2020, 7), m(2020, 12), "2020年下半年".into()))
        );
        assert_eq!(
            period("2020年度").map(|p| (p.0, p.1)),
            Some((m(2020, 1), m(2020, 12)))
        );
        assert_eq!(
            period("2020年第三季度").map(|p| (p.0, p.1)),
            Some((m(2020, 7), m(2020, 9)))
        );
        assert_eq!(
            period("2020年1—6月").map(|p| (p.0, p.1)),
            Some((m(2020, 1), m(2020, 6)))
        );
        assert_eq!(
            period("2020年1月至5月").map(|p| (p.0, p.1)),
            Some((m(2020, 1), m(2020, 5)))
        );
        assert_eq!(
            period("二〇二〇年上半年").map(|p| (p.0, p.1)),
            Some((m(2020, 1), m(2020, 6)))
        );
        assert_eq!(
            period("二〇二〇年十二月三十一日").map(|p| (p.0, p.1)),
            Some((m(2020, 12), m(2020, 12)))
        );
        assert_eq!(period("20XX年上半年"), None);
        assert_eq!(period("党建工作总结"), None);
        assert_eq!(period("编号12020年"), None);
    }

    fn dates_in(body: &str) -> Vec<String> {
        let doc = doc_with_body(body);
        texts_of(&doc, Code::DateOutsidePeriod)
    }

    #[test]
    fn past_years_and_months_outside_the_period_are_found() {
        assert_eq!(dates_in("2019年上半年共收缴党费X元"), ["2019年上半年"]);
        assert_eq!(dates_in("制定《2019年党建工作要点》"), ["2019年"]);
        assert_eq!(dates_in("于2020年10月召开"), ["2020年10月"]);
        assert_eq!(dates_in("于2019年12月30日召开"), ["2019年12月30日"]);
        assert_eq!(dates_in("开展2018年度民主评议"), ["2018年度"]);
        assert_eq!(dates_in("于二〇一九年七月十日召开"), ["二〇一九年七月十日"]);
    }

    #[test]
    fn normal_dates_are_not_reported() {
        for body in [
            "2020年上半年共收缴党费100元",
            "制定《2020年党组理论学习中心组学习计划》",
            "截至2020年7月10日",
            "较2019年同期增长3.5%",
            "2019年以来持续推进",
            "与2019年相比",
            "荣获2019年度先进基层党组织称号",
            "落实《2018—2022年全国干部教育培训规划》",
            "2018年至2022年规划",
            "到2035年基本实现",
            "为2021年工作打下基础",
            "成立于1921年7月1日的中国共产党",
            "截至2019年底，共有党员23名",
            "截至2019年12月31日",
            "召开2019年度组织生活会，开展民主评议党员",
        ] {
            assert_eq!(dates_in(body), Vec::<String>::new(), "{body}");
        }
    }

    #[test]
    fn plans_may_name_any_later_date_and_the_signature_the_month_after() {
        let mut doc = clean_document();
        doc.sections[3].items[0].body =
            "计划于2020年10月召开组织生活会，2021年3月前完成换届。".into();
        doc.signature.date = "2020年7月10日".into();
        assert!(findings(&doc, Code::DateOutsidePeriod).is_empty());
        doc.signature.date = "二〇二〇年七月十日".into();
        assert!(findings(&doc, Code::DateOutsidePeriod).is_empty());
        doc.signature.date = "2020年12月10日".into();
        doc.period.clear();
        let found = findings(&doc, Code::DateOutsidePeriod);
        assert_eq!(found.len(), 1, "the period is read from the title");
        assert_eq!(
            found[0].location,
            Location::new(Field::SignatureDate, 0, 11)
        );
        assert_eq!(
            found[0].detail,
            Detail::Date {
                found: "2020年12月10日".into(),
                period: "2020年上半年".into()
            }
        );
    }

    #[test]
    fn no_period_means_no_date_check() {
        let mut doc = clean_document();
        doc.period = "20XX年上半年".into();
        doc.title = "XX党支部党建工作总结".into();
        doc.preamble = "2019年，我支部……".into();
        assert!(findings(&doc, Code::DateOutsidePeriod).is_empty());
    }
}
