//! Numbers derived from position: `一、` for sections and the five item styles.
//! The one numbering function used by the export, the preview and the outline.

use super::{NumberingStyle, TopStyle};

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Writes `n` (1-based) as a Chinese numeral the way documents number things:
/// 十, 十一, 二十, 二十一, 九十九, 一百, 一百零一, 一百一十, 一千零五, 一万…
/// Zero is `零`.
pub fn chinese_numeral(n: u64) -> String {
    if n == 0 {
        return "零".to_string();
    }
    let mut out = String::new();
    write_numeral(n, &mut out);
    // 一十… reads 十… only when it leads the whole number.
    if out.starts_with("一十") {
        out.replace_range(0.."一".len(), "");
    }
    out
}

/// Writes a non-zero number in groups of 万 and 亿.
fn write_numeral(n: u64, out: &mut String) {
    const GROUPS: [(u64, &str); 3] = [
        (10_u64.pow(16), "京"),
        (10_u64.pow(12), "兆"),
        (10_u64.pow(8), "亿"),
    ];
    for (size, unit) in GROUPS {
        if n >= size {
            write_numeral(n / size, out);
            out.push_str(unit);
            let rest = n % size;
            if rest > 0 {
                if rest < size / 10 {
                    out.push('零');
                }
                write_numeral(rest, out);
            }
            return;
        }
    }
    if n >= 1_0000 {
        write_below_10000(n / 1_0000, out);
        out.push('万');
        let rest = n % 1_0000;
        if rest > 0 {
            if rest < 1000 {
                out.push('零');
            }
            write_below_10000(rest, out);
        }
        return;
    }
    write_below_10000(n, out);
}

/// 1..=9999 without a leading 零; inner zeros collapse to one 零.
fn write_below_10000(n: u64, out: &mut String) {
    let places = [(1000, '千'), (100, '百'), (10, '十'), (1, ' ')];
    let mut pending_zero = false;
    let mut started = false;
    for (value, unit) in places {
        let digit = (n / value % 10) as usize;
        if digit == 0 {
            if started {
                pending_zero = true;
            }
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        out.push(DIGITS[digit]);
        if unit != ' ' {
            out.push(unit);
        }
        started = true;
    }
}

/// `一、` for the section at 0-based `index`.
pub fn render_section_number(index: usize) -> String {
    format!("{}、", chinese_numeral(index as u64 + 1))
}

/// The number of the section at 0-based `index` in a document whose top
/// level is numbered in `style`: `一、`, `（一）` or `1、`.
pub fn render_top_number(style: TopStyle, index: usize) -> String {
    match style {
        TopStyle::Chinese => render_section_number(index),
        TopStyle::Paren => render_item_number(NumberingStyle::Paren, index),
        TopStyle::ArabicComma => render_item_number(NumberingStyle::ArabicComma, index),
    }
}

/// The number that opens the item at 0-based `index` in a section of `style`:
/// `（一）`, `一是`, `1.`, `（1）`, `1、`.
pub fn render_item_number(style: NumberingStyle, index: usize) -> String {
    let n = index as u64 + 1;
    match style {
        NumberingStyle::Paren => format!("（{}）", chinese_numeral(n)),
        NumberingStyle::Ordinal | NumberingStyle::OrdinalInline => {
            format!("{}是", chinese_numeral(n))
        }
        NumberingStyle::Arabic => format!("{n}."),
        NumberingStyle::ArabicParen => format!("（{n}）"),
        NumberingStyle::ArabicComma => format!("{n}、"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_table() {
        let table = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (111, "一百一十一"),
            (1000, "一千"),
            (1005, "一千零五"),
            (1010, "一千零一十"),
            (9999, "九千九百九十九"),
            (10000, "一万"),
            (10001, "一万零一"),
            (100_000, "十万"),
            (110_000, "十一万"),
            (1_0010_0000, "一亿零一十万"),
        ];
        for (n, want) in table {
            assert_eq!(chinese_numeral(n), want, "{n}");
        }
        assert_eq!(chinese_numeral(0), "零");
    }

    #[test]
    fn item_numbers_in_every_style() {
        use NumberingStyle::*;
        let cases = [
            (Paren, 0, "（一）"),
            (Paren, 10, "（十一）"),
            (Paren, 20, "（二十一）"),
            (Ordinal, 10, "十一是"),
            (Ordinal, 20, "二十一是"),
            (OrdinalInline, 10, "十一是"),
            (OrdinalInline, 20, "二十一是"),
            (Arabic, 10, "11."),
            (Arabic, 20, "21."),
            (ArabicParen, 10, "（11）"),
            (ArabicParen, 20, "（21）"),
            (ArabicComma, 0, "1、"),
            (ArabicComma, 10, "11、"),
        ];
        for (style, index, want) in cases {
            assert_eq!(render_item_number(style, index), want, "{style:?} {index}");
        }
        assert_eq!(render_section_number(10), "十一、");
        assert_eq!(render_section_number(20), "二十一、");
        assert_eq!(render_top_number(TopStyle::Chinese, 1), "二、");
        assert_eq!(render_top_number(TopStyle::Paren, 1), "（二）");
        assert_eq!(render_top_number(TopStyle::ArabicComma, 11), "12、");
    }

    #[test]
    fn large_numbers_do_not_panic() {
        assert!(!chinese_numeral(u64::MAX).is_empty());
        assert_eq!(
            render_item_number(NumberingStyle::Paren, 99_999),
            "（十万）"
        );
    }
}
