//! The period a summary covers, read whatever words offices wrap it in
//! (`2020年上半年`, `2020年度`, `2020年全年`, `2020年第三季度`, `2020年1—6月`,
//! `2020年1至6月`, `二〇二〇年`), advanced to the next one, and followed by
//! the text that names it (`现将上半年工作总结如下` in a 下半年 draft).

/// A period: a year and the part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i32,
    pub span: Span,
}

/// The part of the year a period covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Span {
    /// The whole year: `2020年度`, `2020年全年`; `bare` for `2020年` alone.
    Year { bare: bool },
    /// `上半年` (1) or `下半年` (2).
    Half(u8),
    /// `第N季度`, 1 to 4.
    Quarter(u8),
    /// `1—6月`: the first and last month, as written.
    Months(u8, u8),
}

/// A period found in a text, with its place (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundPeriod {
    pub period: Period,
    pub start: usize,
    pub end: usize,
}

impl Period {
    pub fn new(year: i32, span: Span) -> Period {
        Period { year, span }
    }

    /// The same part of another year.
    pub fn with_year(self, year: i32) -> Period {
        Period { year, ..self }
    }

    /// Reads the first period in `text`.
    pub fn find(text: &str) -> Option<FoundPeriod> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let only: Vec<char> = chars.iter().map(|&(_, c)| c).collect();
        (0..only.len()).find_map(|i| {
            let (period, n) = period_at(&only, i)?;
            let start = chars[i].0;
            let end = chars.get(i + n).map_or(text.len(), |&(b, _)| b);
            Some(FoundPeriod { period, start, end })
        })
    }

    /// Reads a period given on its own (`--period 2021年上半年`).
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        let found = Period::find(text)?;
        (found.start == 0 && found.end == text.len()).then_some(found.period)
    }

    /// The first and last month, as `year * 12 + month - 1`.
    pub fn months(&self) -> (i32, i32) {
        let (from, to) = match self.span {
            Span::Year { .. } => (1, 12),
            Span::Half(h) => (u32::from(h) * 6 - 5, u32::from(h) * 6),
            Span::Quarter(q) => (u32::from(q) * 3 - 2, u32::from(q) * 3),
            Span::Months(a, b) => (u32::from(a), u32::from(b)),
        };
        (
            self.year * 12 + from as i32 - 1,
            self.year * 12 + to as i32 - 1,
        )
    }

    /// The same months in the usual words: 1—6月 as 上半年, 1—3月 as 第一季度.
    pub fn canonical(&self) -> Period {
        let span = match self.span {
            Span::Months(1, 12) => Span::Year { bare: false },
            Span::Months(1, 6) => Span::Half(1),
            Span::Months(7, 12) => Span::Half(2),
            Span::Months(a, b) if b == a + 2 && a % 3 == 1 => Span::Quarter(b / 3),
            span => span,
        };
        Period::new(self.year, span)
    }

    /// How many months the period covers.
    pub fn len_months(&self) -> i32 {
        let (from, to) = self.months();
        to - from + 1
    }

    /// The period that follows: 上半年 → 下半年 → next year's 上半年,
    /// 年度 → next 年度, 第四季度 → next year's 第一季度, 1—6月 → 7—12月.
    pub fn next(&self) -> Period {
        let year = self.year;
        match self.span {
            Span::Year { bare } => Period::new(year + 1, Span::Year { bare }),
            Span::Half(1) => Period::new(year, Span::Half(2)),
            Span::Half(_) => Period::new(year + 1, Span::Half(1)),
            Span::Quarter(q) if q < 4 => Period::new(year, Span::Quarter(q + 1)),
            Span::Quarter(_) => Period::new(year + 1, Span::Quarter(1)),
            Span::Months(a, b) => {
                let len = b - a + 1;
                if b == 12 {
                    Period::new(year + 1, Span::Months(1, len.min(12)))
                } else {
                    Period::new(year, Span::Months(b + 1, (b + len).min(12)))
                }
            }
        }
    }

    /// As a title writes it: `2020年上半年`, `2021年度`, `2020年第三季度`, `2020年7—12月`.
    pub fn label(&self) -> String {
        match self.span {
            Span::Year { bare: true } => format!("{}年", self.year),
            Span::Year { bare: false } => format!("{}年度", self.year),
            _ => format!("{}年{}", self.year, self.part()),
        }
    }

    /// The period without its year, as a sentence says it: `上半年`,
    /// `全年`, `第三季度`, `7—12月`.
    pub fn part(&self) -> String {
        match self.span {
            Span::Year { .. } => "全年".into(),
            Span::Half(1) => "上半年".into(),
            Span::Half(_) => "下半年".into(),
            Span::Quarter(q) => format!("第{}季度", quarter_numeral(q)),
            Span::Months(a, b) => format!("{a}—{b}月"),
        }
    }

    /// What a plan section calls the period after this one, seen from this
    /// one: `下半年` from 上半年, `明年` from 下半年 or a year.
    pub fn next_part(&self) -> String {
        match self.span {
            Span::Year { .. } | Span::Half(2) => "明年".into(),
            Span::Quarter(4) => "明年第一季度".into(),
            _ => self.next().part(),
        }
    }

    /// The usual date of a summary of this period: the month after it ends,
    /// the day left to fill in (`2026年7月X日`).
    pub fn signing_date(&self) -> String {
        let after = self.months().1 + 1;
        format!(
            "{}年{}月X日",
            after.div_euclid(12),
            after.rem_euclid(12) + 1
        )
    }
}

/// Rewrites `text` written for `old` to speak of `new`: the full label
/// (`2020年上半年` → `2020年下半年`), the part alone (`现将上半年…` →
/// `现将下半年…`) and the plan's period (`下半年工作计划` → `明年工作计划`),
/// all at once so that one replacement never feeds another.
pub fn follow_period(text: &str, old: &Period, new: &Period) -> String {
    if old == new {
        return text.to_string();
    }
    replace_all_at_once(text, &period_pairs(old, new))
}

/// What [`follow_period`] replaces: (words for `old`, words for `new`).
pub fn period_pairs(old: &Period, new: &Period) -> Vec<(String, String)> {
    if old == new {
        return Vec::new();
    }
    let mut pairs = vec![
        (old.label(), new.label()),
        // The plan's period named in full: 2020年下半年工作计划 → 2021年上半年工作计划.
        (old.next().label(), new.next().label()),
        (
            old.canonical().next().label(),
            new.canonical().next().label(),
        ),
        (old.part(), new.part()),
        (old.next_part(), new.next_part()),
    ];
    // 1—6月 is also called 上半年 in the text.
    let (old_c, new_c) = (old.canonical(), new.canonical());
    if (old_c, new_c) != (*old, *new) {
        pairs.push((old_c.part(), new_c.part()));
        pairs.push((old_c.next_part(), new_c.next_part()));
    }
    if let Span::Year { .. } = old_c.span {
        pairs.push((format!("{}年", old.year), format!("{}年", new.year)));
        pairs.push((format!("{}年度", old.year), format!("{}年度", new.year)));
    }
    pairs
}

/// Replaces every `from` with its `to` in one left-to-right pass, the
/// longest `from` first where several start at the same place.
pub fn replace_all_at_once(text: &str, pairs: &[(String, String)]) -> String {
    let mut pairs: Vec<&(String, String)> = pairs.iter().filter(|(f, _)| !f.is_empty()).collect();
    pairs.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'outer: while let Some(c) = rest.chars().next() {
        for (from, to) in &pairs {
            if let Some(after) = rest.strip_prefix(from.as_str()) {
                out.push_str(to);
                rest = after;
                continue 'outer;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Moves a date such as `2020年7月10日` on by `months`; `None` when the
/// text is not such a date (a placeholder `20XX年X月X日`, say).
pub fn shift_date(date: &str, months: i32) -> Option<String> {
    let chars: Vec<char> = date.trim().chars().collect();
    let (year, n) = year_at(&chars, 0)?;
    let rest = chars.get(n..)?;
    if rest.first() != Some(&'年') {
        return None;
    }
    let (month, m) = small_number(&rest[1..])?;
    let rest = &rest[1 + m..];
    if rest.first() != Some(&'月') || !(1..=12).contains(&month) {
        return None;
    }
    let (day, d) = small_number(&rest[1..])?;
    if !matches!(rest.get(1 + d), Some('日' | '号')) || rest.len() != d + 2 {
        return None;
    }
    let index = year * 12 + month as i32 - 1 + months;
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
    let last_day = match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    Some(format!("{year}年{month}月{}日", day.min(last_day)))
}

/// Reads `XX党支部2020年上半年党建工作总结` as (`XX党支部`, `2020年上半年`):
/// the organization before the period and the period as written.
pub fn split_title(title: &str) -> Option<(&str, &str)> {
    let found = Period::find(title)?;
    Some((title[..found.start].trim(), &title[found.start..found.end]))
}

fn quarter_numeral(q: u8) -> &'static str {
    ["一", "二", "三", "四"]
        .get(usize::from(q.max(1) - 1))
        .copied()
        .unwrap_or("四")
}

/// The period starting at character `i`, and how many characters it takes.
fn period_at(chars: &[char], i: usize) -> Option<(Period, usize)> {
    let (year, n) = year_at(chars, i)?;
    let mut j = i + n;
    // 2020 年上半年: a space typed before 年.
    while chars.get(j) == Some(&' ') {
        j += 1;
    }
    if chars.get(j) != Some(&'年') {
        return None;
    }
    j += 1;
    let rest = &chars[j..];
    let starts = |w: &str| {
        let n = w.chars().count();
        (rest.len() >= n && rest[..n].iter().copied().eq(w.chars())).then_some(n)
    };
    let found = |span: Span, k: usize| Some((Period::new(year, span), j + k - i));
    if let Some(k) = starts("上半年") {
        return found(Span::Half(1), k);
    }
    if let Some(k) = starts("下半年") {
        return found(Span::Half(2), k);
    }
    if let Some((q, k)) = quarter(rest) {
        return found(Span::Quarter(q as u8), k);
    }
    if let Some(k) = starts("前三季度") {
        return found(Span::Months(1, 9), k);
    }
    if let Some(k) = starts("度").or_else(|| starts("全年")) {
        return found(Span::Year { bare: false }, k);
    }
    if let Some((a, b, k)) = month_range(rest) {
        return found(Span::Months(a as u8, b as u8), k);
    }
    // `2020年7月` is a date, not a period; `2020年` alone is the year.
    if small_number(rest).is_some_and(|(_, k)| rest.get(k) == Some(&'月')) {
        return None;
    }
    found(Span::Year { bare: true }, 0)
}

/// `1—6月`, `1-6月`, `1至6月`, `1月至6月`, `1月份至6月份`: first and last month.
fn month_range(rest: &[char]) -> Option<(u32, u32, usize)> {
    let (from, mut k) = small_number(rest)?;
    if rest.get(k) == Some(&'月') {
        k += 1;
        if rest.get(k) == Some(&'份') {
            k += 1;
        }
    }
    if !is_range_joiner(rest.get(k)) {
        return None;
    }
    let (to, n) = small_number(&rest[k + 1..])?;
    k += 1 + n;
    if rest.get(k) != Some(&'月') || !(1..=12).contains(&from) || !(from..=12).contains(&to) {
        return None;
    }
    k += 1;
    if rest.get(k) == Some(&'份') {
        k += 1;
    }
    Some((from, to, k))
}

/// A mark between the two ends of a range: `1—6月`, `2018至2022年`.
pub fn is_range_joiner(c: Option<&char>) -> bool {
    matches!(c, Some('-' | '—' | '–' | '－' | '~' | '～' | '至' | '到'))
}

/// An ASCII or full-width digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A Chinese digit, one per place as years are written (二〇二〇).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Four digits (ASCII, full-width, or 〇一二… one per digit), not part of a
/// longer number: a year from 1900 to 2199, and its length.
pub fn year_at(chars: &[char], i: usize) -> Option<(i32, usize)> {
    let digit = |c: char| digit_value(c).or_else(|| chinese_digit(c));
    digit(*chars.get(i)?)?;
    if i > 0 && digit(chars[i - 1]).is_some() {
        return None;
    }
    let mut year = 0i32;
    for k in 0..4 {
        year = year * 10 + digit(*chars.get(i + k)?)? as i32;
    }
    if chars.get(i + 4).and_then(|&c| digit(c)).is_some() {
        return None;
    }
    (1900..=2199).contains(&year).then_some((year, 4))
}

/// 1 … 99 in digits or Chinese (十二, 二十一), and how many characters.
pub fn small_number(chars: &[char]) -> Option<(u32, usize)> {
    let digits = chars
        .iter()
        .take_while(|&&c| digit_value(c).is_some())
        .count();
    if digits > 0 {
        if digits > 2 {
            return None;
        }
        let n = chars[..digits]
            .iter()
            .filter_map(|&c| digit_value(c))
            .fold(0, |n, d| n * 10 + d);
        return Some((n, digits));
    }
    let units = |c: Option<&char>| c.and_then(|&c| chinese_digit(c)).filter(|&d| d > 0);
    match (chars.first(), chars.get(1)) {
        (Some('十'), _) => Some(units(chars.get(1)).map_or((10, 1), |u| (10 + u, 2))),
        (Some(_), Some('十')) => {
            let tens = units(chars.first())?;
            Some(units(chars.get(2)).map_or((tens * 10, 2), |u| (tens * 10 + u, 3)))
        }
        (Some(_), _) => units(chars.first()).map(|u| (u, 1)),
        _ => None,
    }
}

/// `第三季度`, `三季度`, `第3季度`: the quarter and how many characters.
pub fn quarter(rest: &[char]) -> Option<(u32, usize)> {
    let skip = usize::from(rest.first() == Some(&'第'));
    let (q, n) = small_number(&rest[skip..])?;
    let k = skip + n;
    (rest.get(k) == Some(&'季') && rest.get(k + 1) == Some(&'度') && (1..=4).contains(&q))
        .then_some((q, k + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Input as offices write it → (label read, label of the next period).
    const TABLE: &[(&str, &str, &str)] = &[
        ("2020年上半年", "2020年上半年", "2020年下半年"),
        ("2020年下半年", "2020年下半年", "2021年上半年"),
        ("2020年度", "2020年度", "2021年度"),
        ("2020年全年", "2020年度", "2021年度"),
        ("2020年", "2020年", "2021年"),
        ("2020年第一季度", "2020年第一季度", "2020年第二季度"),
        ("2020年一季度", "2020年第一季度", "2020年第二季度"),
        ("2020年第3季度", "2020年第三季度", "2020年第四季度"),
        ("2020年第四季度", "2020年第四季度", "2021年第一季度"),
        ("2020年1—6月", "2020年1—6月", "2020年7—12月"),
        ("2020年1-6月", "2020年1—6月", "2020年7—12月"),
        ("2020年1至6月", "2020年1—6月", "2020年7—12月"),
        ("2020年1月至6月", "2020年1—6月", "2020年7—12月"),
        ("2020年1月份至6月份", "2020年1—6月", "2020年7—12月"),
        ("2020年7—12月", "2020年7—12月", "2021年1—6月"),
        ("2020年10～12月", "2020年10—12月", "2021年1—3月"),
        ("2020年前三季度", "2020年1—9月", "2020年10—12月"),
        ("2019年下半年", "2019年下半年", "2020年上半年"),
        ("1999年度", "1999年度", "2000年度"),
        ("2099年下半年", "2099年下半年", "2100年上半年"),
        ("二〇二〇年上半年", "2020年上半年", "2020年下半年"),
        ("２０２０年下半年", "2020年下半年", "2021年上半年"),
        ("2020 年上半年", "2020年上半年", "2020年下半年"),
    ];

    #[test]
    fn the_table_reads_and_advances() {
        for (input, label, next) in TABLE {
            let period = Period::parse(input).unwrap_or_else(|| panic!("{input}"));
            assert_eq!(period.label(), *label, "{input}");
            assert_eq!(period.next().label(), *next, "{input}");
        }
    }

    #[test]
    fn periods_are_found_inside_titles() {
        let cases = [
            (
                "XX党支部2020年上半年党建工作总结",
                "XX党支部",
                "2020年上半年",
            ),
            ("市X局2020年度工作总结", "市X局", "2020年度"),
            (
                "中共XX县税务局委员会2026年下半年党建工作总结",
                "中共XX县税务局委员会",
                "2026年下半年",
            ),
            ("2020年上半年党建工作总结 （市直委局）", "", "2020年上半年"),
            (
                "某校党委2021年1至6月党建工作总结",
                "某校党委",
                "2021年1至6月",
            ),
            ("XX村党支部2021年全年工作总结", "XX村党支部", "2021年全年"),
        ];
        for (title, org, period) in cases {
            assert_eq!(split_title(title), Some((org, period)), "{title}");
        }
        assert_eq!(split_title("没有年份的总结"), None);
        // A date is not a period; the year of a number is not a year.
        assert_eq!(Period::parse("2020年7月10日"), None);
        assert_eq!(Period::find("共12020人"), None);
        assert_eq!(Period::parse("2020年上半年以来"), None);
    }

    #[test]
    fn months_and_lengths() {
        let h2 = Period::parse("2020年下半年").unwrap();
        assert_eq!(h2.months(), (2020 * 12 + 6, 2020 * 12 + 11));
        assert_eq!(h2.len_months(), 6);
        assert_eq!(Period::parse("2020年第二季度").unwrap().len_months(), 3);
        assert_eq!(h2.signing_date(), "2021年1月X日");
        assert_eq!(
            Period::parse("2020年上半年").unwrap().signing_date(),
            "2020年7月X日"
        );
    }

    #[test]
    fn text_follows_the_period() {
        let h1 = Period::parse("2026年上半年").unwrap();
        let h2 = h1.next();
        assert_eq!(
            follow_period(
                "2026年上半年，现将上半年党建工作总结如下。下半年工作计划",
                &h1,
                &h2
            ),
            "2026年下半年，现将下半年党建工作总结如下。明年工作计划"
        );
        assert_eq!(
            follow_period("二、2026年下半年工作计划", &h1, &h2),
            "二、2027年上半年工作计划"
        );
        let year = Period::parse("2020年度").unwrap();
        assert_eq!(
            follow_period("2020年，全年共开展2020年度评议。", &year, &year.next()),
            "2021年，全年共开展2021年度评议。"
        );
        assert_eq!(follow_period("不变", &h1, &h1), "不变");
    }

    #[test]
    fn dates_move_on() {
        assert_eq!(
            shift_date("2020年7月10日", 6).as_deref(),
            Some("2021年1月10日")
        );
        assert_eq!(
            shift_date("2020年8月31日", 6).as_deref(),
            Some("2021年2月28日")
        );
        assert_eq!(
            shift_date("2023年8月31日", 6).as_deref(),
            Some("2024年2月29日")
        );
        assert_eq!(
            shift_date("2020年12月1号", 12).as_deref(),
            Some("2021年12月1日")
        );
        assert_eq!(shift_date("20XX年X月X日", 6), None);
        assert_eq!(shift_date("2020年7月10日上午", 6), None);
    }
}
