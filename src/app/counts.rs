//! Counting a text for the status bar: its characters (as
//! [`count_chars`](crate::document::count_chars) counts them) and its
//! placeholders (as [`check::count_placeholders`] finds them). Opening a
//! 200,000-character draft counts all of it before the first frame, so one
//! pass over the bytes counts the characters and notices whether any
//! placeholder could start; only then does the check look at the text.

use crate::check::count_placeholders;

/// `(count_chars(text), check::count_placeholders(text))`.
pub fn text_counts(text: &str) -> (usize, usize) {
    let (chars, maybe) = chars_and_candidates(text);
    (chars, if maybe { count_placeholders(text) } else { 0 })
}

/// Characters (not white space), and whether a placeholder could start
/// anywhere: every one starts with X, x, Ｘ, ｘ, 某, _, ＿, 【 or `（写`.
fn chars_and_candidates(text: &str) -> (usize, bool) {
    let b = text.as_bytes();
    let (mut chars, mut maybe) = (0, false);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let rest = &b[i..];
        let len = match c {
            b' ' | b'\t'..=b'\r' => {
                i += 1;
                continue;
            }
            0x00..=0x7F => {
                maybe |= matches!(c, b'X' | b'x' | b'_');
                1
            }
            0xEF => {
                maybe |= matches!(rest, [_, 0xBC, 0xB8 | 0xBF, ..] | [_, 0xBD, 0x98, ..])
                    || rest.starts_with("（写".as_bytes());
                3
            }
            0xE6 => {
                maybe |= rest.starts_with("某".as_bytes());
                3
            }
            0xE3 => {
                maybe |= rest.starts_with("【".as_bytes());
                if is_wide_space(rest) {
                    i += 3;
                    continue;
                }
                3
            }
            0xC2 | 0xE1 | 0xE2 if is_wide_space(rest) => {
                i += utf8_len(c);
                continue;
            }
            _ => utf8_len(c),
        };
        chars += 1;
        i += len;
    }
    (chars, maybe)
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::document::count_chars;

    #[test]
    fn counts_characters_and_placeholders() {
        assert_eq!(text_counts("现有党员XX名，X月X日召开，某某同志"), (19, 3));
        assert_eq!(text_counts("党建 工作\u{3000}\u{a0}😀"), (5, 0));
        assert_eq!(text_counts("（写具体措施。）"), (8, 1));
        assert_eq!(text_counts(""), (0, 0));
    }

    proptest! {
        #[test]
        fn agrees_with_count_chars_and_the_check(pieces in prop::collection::vec(
            prop::sample::select(vec![
                "X", "XX", "x", "Ｘ", "ｘ", "a", "M", "3", "_", "＿", "某", "【", "】", "（", "写",
                "）", "中", "年", "月", " ", "\n", "\u{3000}", "\u{a0}", "\u{2028}", "\u{85}",
                "\u{1680}", "\u{205f}", "\u{200b}", "😀", "é", "\u{7f}", "。", "，", "路",
            ]),
            0..24,
        )) {
            let text = pieces.concat();
            prop_assert_eq!(text_counts(&text), (count_chars(&text), count_placeholders(&text)));
            // A field keeps its counts per paragraph (app/field_text.rs):
            // no placeholder spans a paragraph break.
            let summed = text
                .split('\n')
                .map(text_counts)
                .fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
            prop_assert_eq!(summed, text_counts(&text));
        }
    }
}
