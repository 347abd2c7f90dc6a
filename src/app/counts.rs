//! Counting a text for the status bar: its characters (as
//! [`count_chars`](crate::document::count_chars) counts them) and the
//! placeholders a writer still has to fill in, in one pass over the bytes
//! and without allocating — opening a 200,000-character draft counts all
//! of it before the first frame.

/// Characters and placeholders of `text`: `(count_chars(text), count_placeholders(text))`.
pub fn text_counts(text: &str) -> (usize, usize) {
    let b = text.as_bytes();
    let (mut chars, mut placeholders) = (0, 0);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let rest = &b[i..];
        let step = match c {
            b'X' if i == 0 || !b[i - 1].is_ascii_alphabetic() => {
                let n = rest.iter().take_while(|&&c| c == b'X').count();
                // `XML`: a word, not a placeholder — nor is any X in it.
                if !b.get(i + n).is_some_and(u8::is_ascii_alphabetic) {
                    placeholders += 1;
                }
                chars += n;
                n
            }
            b' ' | b'\t'..=b'\r' => 1,
            0x00..=0x7F if c != b'_' => {
                chars += 1;
                1
            }
            b'_' | 0xEF if rest.starts_with(b"_") || rest.starts_with("＿".as_bytes()) => {
                let (len, n) = underscore_run(rest);
                placeholders += usize::from(n >= 2);
                chars += n;
                len
            }
            0xE6 | 0xE3
                if rest.starts_with("某某".as_bytes()) || rest.starts_with("【】".as_bytes()) =>
            {
                placeholders += 1;
                chars += 2;
                6
            }
            // Only these lead bytes start non-ASCII white space.
            0xC2 | 0xE1..=0xE3 => {
                chars += usize::from(!is_wide_space(rest));
                utf8_len(c)
            }
            _ => {
                chars += 1;
                utf8_len(c)
            }
        };
        i += step;
    }
    (chars, placeholders)
}

/// The bytes and the characters of a run of `_` and `＿`.
fn underscore_run(b: &[u8]) -> (usize, usize) {
    let (mut len, mut n) = (0, 0);
    loop {
        if b[len..].starts_with(b"_") {
            len += 1;
        } else if b[len..].starts_with("＿".as_bytes()) {
            len += 3;
        } else {
            return (len, n);
        }
        n += 1;
    }
}

/// Whether the non-ASCII character at the start of `b` is white space.
fn is_wide_space(b: &[u8]) -> bool {
    matches!(
        b,
        [0xC2, 0x85 | 0xA0, ..]
            | [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..]
    )
}

/// The length of the UTF-8 sequence that starts with `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    }
}

/// Placeholders a writer still has to fill in: runs of X (XX, XXX, X月X日),
/// 某某, ＿＿ and ___, and empty 【】.
pub fn count_placeholders(text: &str) -> usize {
    text_counts(text).1
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::document::count_chars;

    /// The definition, as first written: one char at a time.
    fn reference_placeholders(text: &str) -> usize {
        let chars: Vec<char> = text.chars().collect();
        let mut count = 0;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let run = |i: usize, f: &dyn Fn(char) -> bool| {
                chars[i..].iter().take_while(|c| f(**c)).count()
            };
            let boundary_before = i == 0 || !chars[i - 1].is_ascii_alphabetic();
            let n = if c == 'X' && boundary_before {
                let n = run(i, &|c| c == 'X');
                let after = chars.get(i + n).copied();
                if after.is_some_and(|a| a.is_ascii_alphabetic()) {
                    0
                } else {
                    n
                }
            } else if c == '某' && chars.get(i + 1) == Some(&'某') {
                2
            } else if c == '＿' || c == '_' {
                let n = run(i, &|c| c == '＿' || c == '_');
                if n >= 2 { n } else { 0 }
            } else if c == '【' && chars.get(i + 1) == Some(&'】') {
                2
            } else {
                0
            };
            if n > 0 {
                count += 1;
                i += n;
            } else {
                i += 1;
            }
        }
        count
    }

    #[test]
    fn placeholders_are_counted_once_per_run() {
        assert_eq!(count_placeholders("现有党员XX名，X月X日召开，某某同志"), 4);
        assert_eq!(count_placeholders("XML 和 Xbox 不算，XX算"), 1);
        assert_eq!(count_placeholders("填写＿＿＿和【】"), 2);
        assert_eq!(count_placeholders("没有占位符"), 0);
        assert_eq!(text_counts("党建 工作\u{3000}X\u{a0}😀"), (6, 1));
    }

    proptest! {
        #[test]
        fn agrees_with_the_definitions(pieces in prop::collection::vec(prop::sample::select(vec![
            "X", "XX", "a", "M", "_", "＿", "某", "【", "】", "中", " ", "\n", "\u{3000}", "\u{a0}",
            "\u{2028}", "\u{85}", "\u{1680}", "\u{205f}", "\u{200b}", "😀", "é", "\u{7f}", "。",
        ]), 0..24)) {
            let text = pieces.concat();
            prop_assert_eq!(text_counts(&text), (count_chars(&text), reference_placeholders(&text)));
        }
    }
}
