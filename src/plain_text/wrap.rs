//! Hard wrapping by display columns with the Chinese line-breaking rules
//! (禁则): no line starts with closing punctuation, none ends with an opening one.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How the columns of East Asian ambiguous characters (“ ” ‘ ’ … · —) are
/// counted: the one difference between the page and the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    /// As the Chinese fonts an exported text is read in print them: two
    /// columns (the export's `--width`).
    Print,
    /// As ratatui's buffer places them (unicode-width's narrow reading):
    /// one column, so that a row of the editor or the preview ends where
    /// it is drawn.
    Screen,
}

impl Measure {
    fn char(self, c: char) -> usize {
        match self {
            Measure::Print => c.width_cjk(),
            Measure::Screen => c.width(),
        }
        .unwrap_or(0)
    }

    fn str(self, s: &str) -> usize {
        match self {
            Measure::Print => s.width_cjk(),
            Measure::Screen => s.width(),
        }
    }
}

/// Characters that must not start a line.
pub const NO_START: &[char] = &[
    '，', '。', '、', '；', '：', '？', '！', '”', '’', '）', '》', '」', '』', '】', '〕', '〉',
    '…', '—', '·', ',', '.', ';', ':', '?', '!', ')', ']', '%', '％',
];
/// Characters that must not end a line.
pub const NO_END: &[char] = &['“', '‘', '（', '《', '「', '『', '【', '〔', '〈', '(', '['];

/// One unbreakable piece of a line: a grapheme cluster.
#[derive(Clone, Copy)]
struct Unit {
    offset: usize,
    width: usize,
    first: char,
    word: bool,
}

/// The line's graphemes with their widths. Most Chinese text has no
/// combining marks, joiners or emoji, and then every char is a grapheme: that
/// common case skips the (much slower) grapheme segmentation.
fn units(line: &str, measure: Measure) -> Vec<Unit> {
    let simple = line.chars().all(|c| {
        c < '\u{300}'
            || ('\u{2000}'..'\u{FE00}').contains(&c) && !('\u{200B}'..='\u{200F}').contains(&c)
            || ('\u{FE30}'..='\u{FFEF}').contains(&c)
    });
    if simple {
        line.char_indices()
            .map(|(offset, c)| Unit {
                offset,
                width: measure.char(c),
                first: c,
                word: c.is_ascii_alphanumeric(),
            })
            .collect()
    } else {
        line.grapheme_indices(true)
            .map(|(offset, g)| {
                let first = g.chars().next().unwrap_or(' ');
                Unit {
                    offset,
                    width: measure.str(g),
                    first,
                    word: g.len() == 1 && first.is_ascii_alphanumeric(),
                }
            })
            .collect()
    }
}

/// Splits `line` into pieces of at most `width` display columns (a CJK
/// character is 2, and so are “ ” … —, as printed), breaking between
/// graphemes and moving characters to the next line where the rules ask for
/// it. A grapheme wider than `width` gets a line of its own; nothing is ever
/// dropped. The export's hard wrap.
pub fn wrap_line(line: &str, width: usize) -> Vec<&str> {
    wrap_by(line, width, Measure::Print)
}

/// [`wrap_line`] for the terminal: “ ” … — take one column, as ratatui
/// draws them. The rows of the editor's fields and of the preview.
pub fn wrap_screen_line(line: &str, width: usize) -> Vec<&str> {
    wrap_by(line, width, Measure::Screen)
}

fn wrap_by(line: &str, width: usize, measure: Measure) -> Vec<&str> {
    let width = width.max(1);
    if line.len() <= width {
        return vec![line];
    }
    let units = units(line, measure);
    if units.iter().map(|u| u.width).sum::<usize>() <= width {
        return vec![line];
    }
    let mut out = Vec::new();
    let mut start = 0; // index into units
    while start < units.len() {
        let mut used = 0;
        let mut end = start;
        while end < units.len() {
            let w = units[end].width;
            if used + w > width && end > start {
                break;
            }
            used += w;
            end += 1;
        }
        if end < units.len() {
            end = adjust_break(&units, start, end);
        }
        let from = units[start].offset;
        let to = units.get(end).map_or(line.len(), |u| u.offset);
        out.push(&line[from..to]);
        start = end;
    }
    out
}

/// Moves a break at `end` earlier until the next line does not start with
/// closing punctuation, this one does not end with an opening one, and an
/// ASCII word or number is not cut. Gives up (keeps `end`) rather than leave
/// an empty line.
fn adjust_break(u: &[Unit], start: usize, end: usize) -> usize {
    let bad = |b: usize| {
        NO_START.contains(&u[b].first)
            || NO_END.contains(&u[b - 1].first)
            || (u[b].word && u[b - 1].word)
    };
    let mut b = end;
    while b > start + 1 && bad(b) {
        b -= 1;
    }
    if bad(b) { end } else { b }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_columns() {
        assert_eq!(wrap_line("一二三四五六七", 6), ["一二三", "四五六", "七"]);
        assert_eq!(wrap_line("一二三", 6), ["一二三"]);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // 。 would start the second line: 三 moves down with it.
        assert_eq!(wrap_line("一二三。四五", 6), ["一二", "三。四", "五"]);
        assert_eq!(wrap_line("一二三”，四", 6), ["一二", "三”，", "四"]);
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        assert_eq!(wrap_line("一二《三》", 6), ["一二", "《三》"]);
    }

    #[test]
    fn numbers_stay_whole() {
        assert_eq!(wrap_line("一二2020年", 6), ["一二", "2020年"]);
        assert_eq!(wrap_line("一二2020年", 8), ["一二2020", "年"]);
    }

    #[test]
    fn quotes_are_two_columns_in_print_and_one_on_screen() {
        assert_eq!(wrap_line("“一”……", 6), ["“一”", "……"]);
        assert_eq!(wrap_screen_line("“一”……", 6), ["“一”……"]);
        assert_eq!(wrap_screen_line("“一”……一", 6), ["“一”……", "一"]);
        // Where nothing is ambiguous the two agree.
        assert_eq!(
            wrap_screen_line("一二三。四五", 6),
            ["一二", "三。四", "五"]
        );
    }

    #[test]
    fn impossible_rules_still_make_progress() {
        assert_eq!(wrap_line("。。。。", 2), ["。", "。", "。", "。"]);
        assert_eq!(wrap_line("一二", 1), ["一", "二"]);
        let all: String = wrap_line("😀e\u{301}中a", 2).concat();
        assert_eq!(all, "😀e\u{301}中a");
    }
}
