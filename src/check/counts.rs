//! Counting a text for the status bar and the export's warning: its
//! characters (as [`count_chars`](crate::document::count_chars) counts
//! them) and its placeholders (as [`count_placeholders`] finds them).
//! Opening a 200,000-character draft counts all of it before the first
//! frame, and exporting it counts its placeholders, so one pass over the
//! bytes counts the characters and notices whether any placeholder could
//! start; only then does the check look at the text (a finished draft has
//! none to look for).

use super::count_placeholders;

/// `(count_chars(text), count_placeholders(text))`.
pub fn text_counts(text: &str) -> (usize, usize) {
    let (chars, maybe) = chars_and_candidates(text);
    (chars, if maybe { count_placeholders(text) } else { 0 })
}

/// Characters (not white space), and whether a placeholder could start
/// anywhere: every one starts with X, x, Ｘ, ｘ, 某, _, ＿, 【 or `（写`.
///
/// Opening a 200,000-character draft counts 600 KB before its first
/// frame. A loop that matched on each character's first byte took 0.7 ms
/// of that; this one has no branch per byte and counts in `u8`s, 255 bytes
/// at a time, so the compiler takes 16 bytes a step (0.34 ms).
fn chars_and_candidates(text: &str) -> (usize, bool) {
    let b = text.as_bytes();
    // Each byte with the two after it: all but the last two bytes here,
    // 255 at a time (the most a `u8` counts) ...
    let body = b.len().saturating_sub(2);
    let (mut chars, mut candidates) = (0, 0u8);
    for start in (0..body).step_by(255) {
        let end = (start + 255).min(body);
        let (counted, found) = count_run(
            &b[start..end],
            &b[start + 1..end + 1],
            &b[start + 2..end + 2],
        );
        chars += usize::from(counted);
        candidates |= found;
    }
    // ... and the last two with zeros after them, which start nothing.
    let mut tail = [0u8; 4];
    tail[..b.len() - body].copy_from_slice(&b[body..]);
    let (counted, found) = count_run(&tail[..b.len() - body], &tail[1..], &tail[2..]);
    chars += usize::from(counted);
    candidates |= found;
    // `（写`: `（` alone is too common to stop at, so look for the pair.
    (chars, candidates != 0 || text.contains("（写"))
}

/// For at most 255 bytes `x` (with `y` and `z` the bytes one and two
/// after each): how many start a character that is not white space, and
/// whether any starts a placeholder.
#[inline(always)]
fn count_run(x: &[u8], y: &[u8], z: &[u8]) -> (u8, u8) {
    x.iter()
        .zip(y)
        .zip(z)
        .fold((0u8, 0u8), |(chars, found), ((&x, &y), &z)| {
            // A character has one byte that is not a continuation byte.
            let counted = ((x as i8) >= -0x40)
                & (x != b' ')
                & (x.wrapping_sub(b'\t') > b'\r' - b'\t')
                & !is_wide_space(x, y, z);
            (
                chars + u8::from(counted),
                found | u8::from(starts_candidate(x, y, z)),
            )
        })
}

/// Whether the bytes `x y z` start a white-space character other than
/// ASCII's: U+0085, U+00A0, U+1680, U+2000..=U+200A, U+2028, U+2029,
/// U+202F, U+205F, U+3000.
fn is_wide_space(x: u8, y: u8, z: u8) -> bool {
    (x == 0xC2 && (y == 0x85 || y == 0xA0))
        | (x == 0xE1 && y == 0x9A && z == 0x80)
        | (x == 0xE2
            && y == 0x80
            && ((0x80..=0x8A).contains(&z) || z == 0xA8 || z == 0xA9 || z == 0xAF))
        | (x == 0xE2 && y == 0x81 && z == 0x9F)
        | (x == 0xE3 && y == 0x80 && z == 0x80)
}

/// Whether the bytes `x y z` start X, x, _, Ｘ, ｘ, ＿, 某 or 【.
fn starts_candidate(x: u8, y: u8, z: u8) -> bool {
    (x == b'X' || x == b'x' || x == b'_')
        | (x == 0xEF && y == 0xBC && (z == 0xB8 || z == 0xBF))
        | (x == 0xEF && y == 0xBD && z == 0x98)
        | (x == 0xE6 && y == 0x9F && z == 0x90)
        | (x == 0xE3 && y == 0x80 && z == 0x90)
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
                "\u{2000}", "\u{200a}", "\u{2029}", "\u{202f}", "\u{2060}", "\u{1681}",
                "\u{c0}", "“", "”", "、", "\t", "\r", "\u{b}", "\u{c}", "\u{1c}", "ｘ", "Ｙ",
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
