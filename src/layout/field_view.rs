//! A field's text as the editor pane shows it: soft-wrapped by the same
//! Chinese line-breaking rule as the export (no row starts with ，。、；：？！”）》
//! where that can be avoided), scrolled so the cursor is visible, and the
//! cursor's place on screen. Drawing, mouse clicks and ↑/↓ all read this,
//! so what is clicked or moved to is what is drawn.

use std::ops::Range;
use std::sync::Arc;

use unicode_width::UnicodeWidthChar;

use crate::plain_text::wrap_screen_line;

/// One screen row of a paragraph, wrapped to a width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Its bytes in the paragraph.
    pub bytes: Range<usize>,
    /// Its first character's index in the paragraph.
    pub start: usize,
    /// The columns it takes.
    pub columns: usize,
}

/// A field's paragraphs and their wraps: kept per paragraph while the
/// field is edited (app's `FieldText`), or made when asked (`Vec<String>`).
pub trait Paragraphs {
    fn lines(&self) -> &[String];
    /// Paragraph `line` wrapped to `width` columns.
    fn wrap(&self, line: usize, width: usize) -> Arc<[Piece]>;
}

impl Paragraphs for Vec<String> {
    fn lines(&self) -> &[String] {
        self
    }

    fn wrap(&self, line: usize, width: usize) -> Arc<[Piece]> {
        wrap_paragraph(&self[line], width).into()
    }
}

impl std::fmt::Debug for dyn Paragraphs + '_ {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} paragraphs", self.lines().len())
    }
}

/// The columns a character takes on the terminal (a tab is shown as a space).
pub fn columns(c: char) -> usize {
    if c == '\t' { 1 } else { c.width().unwrap_or(0) }
}

/// The screen rows of one paragraph wrapped to `width` columns, by the
/// export's line-breaking rule (a tab counts as a space).
pub fn wrap_paragraph(line: &str, width: usize) -> Vec<Piece> {
    let shown;
    let text = if line.contains('\t') {
        shown = line.replace('\t', " ");
        shown.as_str()
    } else {
        line
    };
    let mut out = Vec::new();
    let (mut byte, mut start) = (0, 0);
    for piece in wrap_screen_line(text, width.max(1)) {
        let (chars, cols) = piece
            .chars()
            .fold((0, 0), |(n, w), c| (n + 1, w + columns(c)));
        out.push(Piece {
            bytes: byte..byte + piece.len(),
            start,
            columns: cols,
        });
        byte += piece.len();
        start += chars;
    }
    out
}

/// One screen row: a piece of a line of the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenRow {
    /// The line (paragraph) of the field it is part of.
    pub line: usize,
    /// Its first character's index in that line.
    pub start: usize,
    /// Its text as shown (a tab shown as a space).
    pub text: String,
    /// Whether it is the last row of its line.
    pub last: bool,
}

/// A field laid out in a text area of `width` columns and `height` rows:
/// the rows of the paragraphs in view and around the cursor (a few rows
/// either side of both), not the whole field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldView {
    /// Rows of the field from its row `first` on.
    pub rows: Vec<ScreenRow>,
    /// The field's row that `rows[0]` is.
    pub first: usize,
    /// The first row shown (an index into `rows`).
    pub top: usize,
    /// The insertion point: index into `rows` and column.
    pub cursor: (usize, usize),
}

/// Rows kept in a view beyond the ones shown and the cursor's: ↑/↓ and
/// the mouse wheel (3 rows) find theirs in it.
const AROUND: usize = 3;

/// The rows of `lines` wrapped to `width` columns.
pub fn screen_rows(lines: &[String], width: usize) -> Vec<ScreenRow> {
    let mut rows = Vec::new();
    for (line, text) in lines.iter().enumerate() {
        push_rows(&mut rows, line, text, &wrap_paragraph(text, width));
    }
    rows
}

/// The rows of paragraph `line` (`text`, wrapped into `pieces`).
fn push_rows(rows: &mut Vec<ScreenRow>, line: usize, text: &str, pieces: &[Piece]) {
    for (i, piece) in pieces.iter().enumerate() {
        let shown = &text[piece.bytes.clone()];
        rows.push(ScreenRow {
            line,
            start: piece.start,
            text: if shown.contains('\t') {
                shown.replace('\t', " ")
            } else {
                shown.to_string()
            },
            last: i + 1 == pieces.len(),
        });
    }
}

/// How many rows the field takes in `width` columns, with a row for the
/// insertion point after a last row that fills the width.
pub fn rows_needed(text: &dyn Paragraphs, width: usize) -> usize {
    let width = width.max(1);
    let mut rows = 0;
    let mut last_columns = 0;
    for line in 0..text.lines().len() {
        let pieces = text.wrap(line, width);
        rows += pieces.len();
        last_columns = pieces.last().map_or(0, |p| p.columns);
    }
    rows + usize::from(last_columns >= width)
}

/// Where the character position (line, char) is on screen. At the end of a
/// row that fills the width, that is the start of the row below.
pub fn screen_position(rows: &[ScreenRow], width: usize, at: (usize, usize)) -> (usize, usize) {
    let (line, char) = at;
    let Some(index) = rows
        .iter()
        .rposition(|r| r.line == line && r.start <= char)
        .or_else(|| rows.iter().rposition(|r| r.line <= line))
    else {
        return (0, 0);
    };
    let row = &rows[index];
    let col: usize = row
        .text
        .chars()
        .take(char.saturating_sub(row.start))
        .map(columns)
        .sum();
    if col >= width.max(1) {
        (index + 1, 0)
    } else {
        (index, col)
    }
}

/// The character position shown at screen `row` (from the field's first
/// row) and column `col`: the character under it, or the end of the row.
pub fn text_position(rows: &[ScreenRow], row: usize, col: usize) -> (usize, usize) {
    let Some(r) = rows.get(row.min(rows.len().saturating_sub(1))) else {
        return (0, 0);
    };
    let mut used = 0;
    let mut k = 0;
    for c in r.text.chars() {
        let w = columns(c);
        if used + w > col {
            break;
        }
        used += w;
        k += 1;
    }
    // The end of a row that is not its line's last is the next row's start.
    let len = r.text.chars().count();
    if !r.last && k == len && len > 0 {
        k = len - 1;
    }
    (r.line, r.start + k)
}

impl FieldView {
    /// Lays out a field's paragraphs `text`, its cursor at (line, char)
    /// `at`, in `width`×`height`; `follow_cursor` scrolls so the cursor is
    /// on screen (the active field), else the text is shown from its start.
    /// Each paragraph's wrap is the one `text` keeps.
    pub fn new(
        text: &dyn Paragraphs,
        at: (usize, usize),
        width: u16,
        height: u16,
        follow_cursor: bool,
    ) -> FieldView {
        let width = usize::from(width.max(1));
        let height = usize::from(height.max(1));
        let lines = text.lines();
        // The cursor's row in the field, as `screen_position` finds it.
        let wraps: Vec<_> = (0..lines.len()).map(|l| text.wrap(l, width)).collect();
        let above: usize = wraps[..at.0].iter().map(|w| w.len()).sum();
        let pieces = &wraps[at.0];
        let index = pieces.iter().rposition(|p| p.start <= at.1).unwrap_or(0);
        let piece = &pieces[index];
        let col: usize = lines[at.0][piece.bytes.clone()]
            .chars()
            .take(at.1.saturating_sub(piece.start))
            .map(columns)
            .sum();
        let cursor_row = if col >= width {
            above + index + 1
        } else {
            above + index
        };
        let col = if col >= width { 0 } else { col };
        let top = if follow_cursor {
            (cursor_row + 1).saturating_sub(height)
        } else {
            0
        };
        // The paragraphs that hold the rows wanted.
        let (from, to) = if follow_cursor {
            (top.min(cursor_row), (top + height).max(cursor_row + 1))
        } else {
            (0, height)
        };
        let (from, to) = (from.saturating_sub(AROUND), to + AROUND);
        let mut first = 0;
        let mut rows = Vec::new();
        let mut row = 0;
        for (line, pieces) in wraps.iter().enumerate() {
            let next = row + pieces.len();
            if next <= from {
                first = next;
            } else if row < to {
                push_rows(&mut rows, line, &lines[line], pieces);
            } else {
                break;
            }
            row = next;
        }
        let mut cursor = (cursor_row - first, col);
        // After a row that fills the width, the insertion point starts a
        // row of its own (as in vim), unless its line goes on there.
        let continues = rows.get(cursor.0).is_some_and(|r| (r.line, r.start) == at);
        if follow_cursor && cursor_row > 0 && cursor.1 == 0 && !continues {
            rows[cursor.0 - 1].last = false;
            rows.insert(
                cursor.0,
                ScreenRow {
                    line: at.0,
                    start: at.1,
                    text: String::new(),
                    last: true,
                },
            );
        }
        cursor.1 = col;
        FieldView {
            rows,
            first,
            top: top - first,
            cursor,
        }
    }

    /// The character position under a click at `row`, `col` of the area.
    pub fn position_at(&self, row: usize, col: usize) -> (usize, usize) {
        text_position(&self.rows, self.top + row, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_paragraph_matches_wrap_line() {
        let text = "甲乙，丙丁\tab";
        let pieces = wrap_paragraph(text, 4);
        let joined: String = pieces.iter().map(|p| &text[p.bytes.clone()]).collect();
        assert_eq!(joined, text);
        let starts: Vec<usize> = pieces.iter().map(|p| p.start).collect();
        assert_eq!(starts, [0, 1, 3, 5]);
    }

    fn lines(text: &str) -> Vec<String> {
        text.split('\n').map(str::to_string).collect()
    }

    #[test]
    fn rows_never_start_with_closing_punctuation_where_avoidable() {
        // 4 columns: 甲乙 fill a row; the break before ，moves back one.
        let rows = screen_rows(&lines("甲乙，丙丁"), 4);
        let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["甲", "乙，", "丙丁"]);
        assert_eq!(rows[1].start, 1);
        assert!(rows[2].last && !rows[1].last);
    }

    #[test]
    fn the_cursor_is_at_the_insertion_point() {
        let text = lines("甲乙，丙丁\n戊");
        let rows = screen_rows(&text, 4);
        // Every position of the text, with the column its characters give.
        assert_eq!(screen_position(&rows, 4, (0, 0)), (0, 0));
        assert_eq!(screen_position(&rows, 4, (0, 1)), (1, 0));
        assert_eq!(screen_position(&rows, 4, (0, 2)), (1, 2));
        assert_eq!(screen_position(&rows, 4, (0, 3)), (2, 0));
        assert_eq!(screen_position(&rows, 4, (0, 4)), (2, 2));
        // The end of a full row: the start of the row below.
        assert_eq!(screen_position(&rows, 4, (0, 5)), (3, 0));
        assert_eq!(screen_position(&rows, 4, (1, 0)), (3, 0));
        assert_eq!(screen_position(&rows, 4, (1, 1)), (3, 2));
        // And back: the position under each screen place.
        for at in [(0, 0), (0, 1), (0, 2), (0, 3), (0, 4), (1, 0), (1, 1)] {
            let (row, col) = screen_position(&rows, 4, at);
            if row < rows.len() {
                assert_eq!(text_position(&rows, row, col), at);
            }
        }
    }
}
