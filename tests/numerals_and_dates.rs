//! Numerals of ten thousand and more, a signature date with a day of three
//! Chinese characters, and the edge of the date check's grace after the
//! period: places a mutation spot-check found no test would notice.

use proptest::prelude::*;
use zongjie::check::{CheckOptions, Code, check};
use zongjie::document::{Document, chinese_numeral};
use zongjie::plain_text::import_bytes;
use zongjie::templates::Template;

/// Reads a Chinese numeral by the rules of writing one, strictly: groups
/// below ten thousand joined by 万, 亿, 兆, 京; in a group, digits with 千,
/// 百, 十 in falling order and one 零 where places are skipped before a
/// non-zero digit; after a unit, 零 exactly when the rest skips the unit's
/// highest place; a bare 十 (for 一十) only at the very start.
fn read_numeral(text: &str) -> Option<u64> {
    read(text, true)
}

fn read(text: &str, at_start: bool) -> Option<u64> {
    const UNITS: [(char, u64); 4] = [
        ('京', 10_000_000_000_000_000),
        ('兆', 1_000_000_000_000),
        ('亿', 100_000_000),
        ('万', 10_000),
    ];
    for (unit, size) in UNITS {
        let Some((high, low)) = text.split_once(unit) else {
            continue;
        };
        let high = read(high, at_start).filter(|h| (1..10_000).contains(h))?;
        let low = match low.strip_prefix('零') {
            _ if low.is_empty() => 0,
            Some(rest) => read(rest, false).filter(|&n| n > 0 && n < size / 10)?,
            None => read(low, false).filter(|&n| n >= size / 10 && n < size)?,
        };
        return high.checked_mul(size)?.checked_add(low);
    }
    read_group(&text.chars().collect::<Vec<_>>(), at_start)
}

/// A number from 1 to 9999.
fn read_group(chars: &[char], at_start: bool) -> Option<u64> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|d| d as u64 + 1)
    };
    let place_of = |c: Option<&char>| match c {
        Some('千') => 1000,
        Some('百') => 100,
        Some('十') => 10,
        _ => 1,
    };
    if at_start && chars.starts_with(&['一', '十']) {
        return None; // written 十… at the start
    }
    let mut value = 0;
    let mut last_place = 0; // none yet
    let mut zero = false;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '零' {
            if zero || last_place == 0 {
                return None;
            }
            zero = true;
            i += 1;
            continue;
        }
        // A bare 十 at the very start stands for 一十.
        let (d, unit_at) = if chars[i] == '十' && i == 0 && at_start {
            (1, i)
        } else {
            (digit(chars[i])?, i + 1)
        };
        let place = place_of(chars.get(unit_at));
        if last_place != 0 && place >= last_place {
            return None;
        }
        let skipped = last_place != 0 && place * 10 < last_place;
        if skipped != zero {
            return None;
        }
        value += d * place;
        last_place = place;
        zero = false;
        i = unit_at + usize::from(place > 1);
    }
    (value > 0 && !zero).then_some(value)
}

#[test]
fn numerals_of_ten_thousand_and_more_are_spelled_as_written() {
    for (n, want) in [
        (10_000, "一万"),
        (10_001, "一万零一"),
        (10_010, "一万零一十"),
        (10_100, "一万零一百"),
        (11_000, "一万一千"),
        (12_345, "一万二千三百四十五"),
        (100_000, "十万"),
        (100_001, "十万零一"),
        (110_000, "十一万"),
        (1_000_000, "一百万"),
        (1_010_000, "一百零一万"),
        (10_000_000, "一千万"),
        (99_999_999, "九千九百九十九万九千九百九十九"),
        (100_000_000, "一亿"),
        (100_000_001, "一亿零一"),
        (100_010_000, "一亿零一万"),
        (110_000_000, "一亿一千万"),
        (1_000_000_000_000, "一兆"),
    ] {
        assert_eq!(chinese_numeral(n), want, "{n}");
        assert_eq!(read_numeral(want), Some(n), "the reader reads {want}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn every_large_numeral_reads_back_by_the_rules(n in 10_000u64..10_000_000_000_000_000) {
        let text = chinese_numeral(n);
        prop_assert_eq!(read_numeral(&text), Some(n), "{}", text);
    }

    #[test]
    fn numerals_below_ten_thousand_read_back_too(n in 1u64..10_000) {
        let text = chinese_numeral(n);
        prop_assert_eq!(read_numeral(&text), Some(n), "{}", text);
    }
}

fn draft_with_signature(date: &str) -> String {
    format!(
        "XX党支部2020年上半年党建工作总结\n\
         2020年上半年，XX党支部扎实推进党建工作。现将有关情况总结如下：\n\
         一、工作开展情况\n\
         （一）加强理论学习\n\
         组织集中学习12次。\n\
         XX党支部\n\
         {date}\n"
    )
}

#[test]
fn a_signature_date_with_a_three_character_day_is_recognised() {
    for date in [
        "二〇二〇年七月三十一日",
        "二〇二〇年十二月三十一日",
        "二〇二〇年八月二十一日",
        "2020年7月31日",
    ] {
        let imported = import_bytes(draft_with_signature(date).as_bytes()).unwrap();
        let doc = imported.document;
        assert_eq!(doc.signature.date, date, "{date}");
        assert_eq!(doc.signature.organization, "XX党支部", "{date}");
    }
}

fn sample() -> Document {
    let mut doc = Template::find("party-branch")
        .unwrap()
        .document(Some("XX党支部2020年上半年党建工作总结"));
    doc.period = "2020年上半年".into();
    doc
}

fn date_findings(doc: &Document) -> Vec<String> {
    check(doc, &CheckOptions::default())
        .into_iter()
        .filter(|f| f.code == Code::DateOutsidePeriod)
        .map(|f| format!("{:?}", f.detail))
        .collect()
}

#[test]
fn the_grace_after_the_period_ends_with_its_second_month() {
    // 2020年上半年 ends in June; July and August are for writing and signing.
    for (date, reported) in [
        ("2020年8月31日", false),
        ("二〇二〇年八月三十一日", false),
        ("2020年8月1日", false),
        ("2020年9月1日", true),
        ("二〇二〇年九月一日", true),
        ("2020年9月", true),
    ] {
        let mut doc = sample();
        doc.signature.date = date.into();
        let found = date_findings(&doc);
        assert_eq!(
            found.iter().any(|f| f.contains(date)),
            reported,
            "{date}: {found:?}"
        );
    }
}
