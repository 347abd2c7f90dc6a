//! A field's text as the editor pane shows it: soft-wrapped by the same
//! Chinese line-breaking rule as the export (no row starts with ，。、；：？！”）》
//! where that can be avoided), scrolled so the cursor is visible, and the
//! cursor's place on screen. Drawing, mouse clicks and ↑/↓ all read this,
//! so what is clicked or moved to is what is drawn.

use unicode_width::UnicodeWidthChar;

use crate::plain_text::wrap_line;

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

/// A field laid out in a text area of `width` columns and `height` rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldView {
    pub rows: Vec<ScreenRow>,
    /// The first row shown.
    pub top: usize,
    /// The insertion point: screen row (from the first row of the field,
    /// not from `top`) and column.
    pub cursor: (usize, usize),
}

/// The columns a character takes on the terminal.
fn columns(c: char) -> usize {
    if c == '\t' { 1 } else { c.width().unwrap_or(0) }
}

/// The rows of `lines` wrapped to `width` columns.
pub fn screen_rows(lines: &[String], width: usize) -> Vec<ScreenRow> {
    let mut rows = Vec::new();
    for (line, text) in lines.iter().enumerate() {
        let shown = text.replace('\t', " ");
        let pieces = wrap_line(&shown, width.max(1));
        let count = pieces.len();
        let mut start = 0;
        for (i, piece) in pieces.into_iter().enumerate() {
            let chars = piece.chars().count();
            rows.push(ScreenRow {
                line,
                start,
                text: piece.to_string(),
                last: i + 1 == count,
            });
            start += chars;
        }
    }
    rows
}

/// How many rows `lines` take in `width` columns, with a row for the
/// insertion point after a last row that fills the width.
pub fn rows_needed(lines: &[String], width: usize) -> usize {
    let rows = screen_rows(lines, width);
    let full = rows
        .last()
        .is_some_and(|r| r.text.chars().map(columns).sum::<usize>() >= width.max(1));
    rows.len() + usize::from(full)
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
    /// Lays out a field's `lines`, its cursor at (line, char) `at`, in
    /// `width`×`height`; `follow_cursor` scrolls so the cursor is on screen
    /// (the active field), else the text is shown from its start.
    pub fn new(
        lines: &[String],
        at: (usize, usize),
        width: u16,
        height: u16,
        follow_cursor: bool,
    ) -> FieldView {
        let width = usize::from(width.max(1));
        let mut rows = screen_rows(lines, width);
        let cursor = screen_position(&rows, width, at);
        // After a row that fills the width, the insertion point starts a
        // row of its own (as in vim), unless its line goes on there.
        let continues = rows.get(cursor.0).is_some_and(|r| (r.line, r.start) == at);
        if follow_cursor && cursor.0 > 0 && cursor.1 == 0 && !continues {
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
        let top = if follow_cursor {
            (cursor.0 + 1).saturating_sub(usize::from(height.max(1)))
        } else {
            0
        };
        FieldView { rows, top, cursor }
    }

    /// The character position under a click at `row`, `col` of the area.
    pub fn position_at(&self, row: usize, col: usize) -> (usize, usize) {
        text_position(&self.rows, self.top + row, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
