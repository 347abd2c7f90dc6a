//! A field's text as it is edited: every paragraph of it, with the
//! `tui-textarea` widget holding only the few around the cursor (all of
//! them while text is selected).
//!
//! The widget measures the display width of every line it holds after
//! every edit (its screen map), although zongjie wraps and draws the field
//! itself: in a 1,000,000-character field that was half of a key's time
//! (issue 23). Held to the cursor's paragraph and its neighbours, the
//! widget's keys behave as before at a paragraph's cost. The paragraphs
//! also keep their character and placeholder counts and their wrap, each
//! redone only when that paragraph changes; and the field remembers which
//! paragraphs changed since the document last took its text, so only
//! those are written into the document's string.

use std::cell::RefCell;
use std::sync::Arc;

use ratatui::style::Style;
use tui_textarea::{CursorMove, DataCursor, Input, Key, TextArea, WrapMode};

use crate::check::text_counts;
use crate::layout::{Paragraphs, Piece, wrap_paragraph};

/// Paragraphs the widget holds either side of the cursor's.
const MARGIN: usize = 2;
/// A widget holding more paragraphs than this (after a selection or a
/// paste) is loaded again around the cursor before the next key.
const MOST: usize = 4 * MARGIN + 8;

/// The wrap of every paragraph at one width, each made when first asked for.
#[derive(Debug, Default)]
struct Wraps {
    width: usize,
    lines: Vec<Option<Arc<[Piece]>>>,
}

/// The text of one field being edited.
pub struct FieldText {
    /// Every paragraph; the widget's lines are `lines[lo..lo + held]`.
    lines: Vec<String>,
    widget: TextArea<'static>,
    lo: usize,
    held: usize,
    /// Characters and placeholders of each paragraph, and their sums.
    counts: Vec<(usize, usize)>,
    total: (usize, usize),
    /// Since the document last took the text: the first changed paragraph
    /// and how many at the end are unchanged.
    changed: Option<(usize, usize)>,
    wraps: RefCell<Wraps>,
    /// A paragraph is longer than the widget's `Jump` reaches (65,535
    /// characters): the widget holds them all, as it did before windows,
    /// so that it is never made again with a cursor it cannot place.
    long: bool,
}

/// Whether a paragraph may have more characters than `CursorMove::Jump` reaches.
fn any_long(lines: &[String]) -> bool {
    lines.iter().any(|l| l.len() > usize::from(u16::MAX))
}

fn widget(lines: Vec<String>) -> TextArea<'static> {
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::Glyph);
    // The terminal's own cursor marks the insertion point (for the input
    // method); the widget's drawn cursor would be a second one.
    area.set_cursor_style(Style::default());
    area.set_cursor_line_style(Style::default());
    // One history for text and structure: the editor's (see editor.rs).
    area.set_max_histories(0);
    area
}

impl FieldText {
    /// The paragraphs of `text` (split at newlines), the cursor at the start.
    pub fn new(text: &str) -> FieldText {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let counts: Vec<(usize, usize)> = lines.iter().map(|l| text_counts(l)).collect();
        let total = counts.iter().fold((0, 0), |(a, b), &(c, d)| (a + c, b + d));
        let long = any_long(&lines);
        let held = if long {
            lines.len()
        } else {
            lines.len().min(MARGIN + 1)
        };
        let wraps = Wraps {
            width: 0,
            lines: vec![None; lines.len()],
        };
        FieldText {
            widget: widget(lines[..held].to_vec()),
            lines,
            lo: 0,
            held,
            counts,
            total,
            changed: None,
            wraps: RefCell::new(wraps),
            long,
        }
    }

    /// Every paragraph of the field.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The insertion point: paragraph and character.
    pub fn cursor(&self) -> DataCursor {
        let DataCursor(row, col) = self.widget.cursor();
        DataCursor(self.lo + row, col)
    }

    /// Characters (as `count_chars` counts them) and placeholders of the
    /// whole field (a placeholder never spans paragraphs).
    pub fn counts(&self) -> (usize, usize) {
        self.total
    }

    pub fn is_selecting(&self) -> bool {
        self.widget.is_selecting()
    }

    /// The selected range, from its start to its end (paragraph, character).
    pub fn selection_range(&self) -> Option<((usize, usize), (usize, usize))> {
        let lo = self.lo;
        self.widget
            .selection_range()
            .map(|((r0, c0), (r1, c1))| ((lo + r0, c0), (lo + r1, c1)))
    }

    pub fn cancel_selection(&mut self) {
        self.widget.cancel_selection();
    }

    pub fn start_selection(&mut self) {
        self.widget.start_selection();
        self.hold_selection();
    }

    /// Selects the whole field. (The widget's own `select_all` jumps to
    /// row and column 65,535 at most: in a longer paragraph it selected
    /// only the start.)
    pub fn select_all(&mut self) {
        self.load(0, self.lines.len());
        self.widget.cancel_selection();
        self.widget.move_cursor(CursorMove::Jump(0, 0));
        self.widget.start_selection();
        self.widget.move_cursor(CursorMove::Bottom);
        self.widget.move_cursor(CursorMove::End);
    }

    /// Moves the cursor; `Top` and `Bottom` go to the field's first and last
    /// paragraph, the others as in the widget.
    pub fn move_cursor(&mut self, m: CursorMove) {
        match m {
            CursorMove::Jump(row, col) => self.jump(usize::from(row), usize::from(col)),
            CursorMove::Top => {
                let col = self.widget.cursor().1;
                self.jump(0, col);
            }
            CursorMove::Bottom => {
                let col = self.widget.cursor().1;
                self.jump(self.lines.len() - 1, col);
            }
            m => {
                self.around_cursor();
                self.widget.move_cursor(m);
                self.hold_selection();
            }
        }
    }

    /// Puts the cursor at (paragraph, character), clamped to the text.
    pub fn jump(&mut self, row: usize, col: usize) {
        let row = row.min(self.lines.len() - 1);
        if row < self.lo || row >= self.lo + self.held {
            let lo = row.saturating_sub(MARGIN);
            let hi = (row + MARGIN + 1).min(self.lines.len());
            if self.widget.is_selecting() || self.long {
                self.load(0, self.lines.len());
            } else {
                self.load_at(lo, hi, (row, col));
            }
        }
        self.place(row, col);
        self.hold_selection();
    }

    /// The widget's own key handling, in the paragraphs around the cursor.
    /// Returns whether the text changed.
    pub fn input(&mut self, input: Input) -> bool {
        if let Some((to, shift)) = far_move(&input) {
            let DataCursor(row, col) = self.cursor();
            let target = match to {
                Far::Top => Some(0),
                Far::Bottom => Some(self.lines.len() - 1),
                Far::NextParagraph => Some(self.paragraph_forward(row)),
                Far::PreviousParagraph => self.paragraph_back(row),
            };
            // As the widget does: nothing at all where it cannot move.
            if let Some(row) = target {
                if shift && !self.widget.is_selecting() {
                    self.start_selection();
                } else if !shift {
                    self.widget.cancel_selection();
                }
                self.jump(row, col);
            }
            return false;
        }
        self.around_cursor();
        let changed = self.widget.input(input);
        self.sync();
        self.hold_selection();
        changed
    }

    /// Inserts `text` at the cursor (over the selection's place if the
    /// caller cut it); newlines start paragraphs. Whether anything changed.
    pub fn insert_str(&mut self, text: &str) -> bool {
        self.around_cursor();
        let changed = self.widget.insert_str(text);
        self.sync();
        changed
    }

    /// Deletes the selection. Whether anything changed.
    pub fn cut(&mut self) -> bool {
        self.hold_selection();
        let changed = self.widget.cut();
        self.sync();
        changed
    }

    /// The paragraphs changed since the last call: the first one and how
    /// many at the end are unchanged; `None` when none changed.
    pub fn take_changed(&mut self) -> Option<(usize, usize)> {
        self.changed.take()
    }

    /// The rows of paragraph `line` wrapped to `width` columns, made once
    /// per change of the paragraph (or of the width).
    fn wrap_kept(&self, line: usize, width: usize) -> Arc<[Piece]> {
        let mut wraps = self.wraps.borrow_mut();
        if wraps.width != width {
            wraps.width = width;
            wraps.lines.iter_mut().for_each(|w| *w = None);
        }
        wraps.lines[line]
            .get_or_insert_with(|| wrap_paragraph(&self.lines[line], width).into())
            .clone()
    }

    /// The widget's `ParagraphForward` from paragraph `row`: the next one
    /// that follows an empty one, or the last.
    fn paragraph_forward(&self, row: usize) -> usize {
        let mut prev_empty = self.lines[row].is_empty();
        for (r, line) in self.lines.iter().enumerate().skip(row + 1) {
            if !line.is_empty() && prev_empty {
                return r;
            }
            prev_empty = line.is_empty();
        }
        self.lines.len() - 1
    }

    /// The widget's `ParagraphBack` from paragraph `row`: the start of the
    /// run of non-empty paragraphs above, or the first; `None` at the first.
    fn paragraph_back(&self, row: usize) -> Option<usize> {
        let row = row.checked_sub(1)?;
        let mut prev_empty = self.lines[row].is_empty();
        for r in (0..row).rev() {
            let empty = self.lines[r].is_empty();
            if empty && !prev_empty {
                return Some(r + 1);
            }
            prev_empty = empty;
        }
        Some(0)
    }

    /// The widget's cursor at (row, col) of the field, which it holds.
    fn place(&mut self, row: usize, col: usize) {
        let r = row - self.lo;
        let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
        let line = &self.lines[row];
        // Past Jump's reach: the widget is made again with the text after
        // `col` in the paragraph and the text before it inserted in front,
        // which leaves the cursor at `col`.
        if col > usize::from(u16::MAX)
            && !self.widget.is_selecting()
            && let Some((split, _)) = line.char_indices().nth(col)
        {
            let mut lines = self.lines[self.lo..self.lo + self.held].to_vec();
            lines[r] = line[split..].to_string();
            let before = line[..split].to_string();
            self.widget = widget(lines);
            self.widget.move_cursor(CursorMove::Jump(clamp(r), 0));
            self.widget.insert_str(&before);
            return;
        }
        self.widget.move_cursor(CursorMove::Jump(clamp(r), 0));
        if col >= self.lines[row].chars().count() {
            self.widget.move_cursor(CursorMove::End);
        } else {
            self.widget
                .move_cursor(CursorMove::Jump(clamp(r), clamp(col)));
        }
    }

    /// Loads `lines[lo..hi]` into the widget, keeping the cursor and the
    /// selection (which must lie inside).
    fn load(&mut self, lo: usize, hi: usize) {
        let DataCursor(row, col) = self.cursor();
        self.load_at(lo, hi, (row, col));
    }

    /// As `load`, the cursor put at `(row, col)` (inside `lo..hi`).
    fn load_at(&mut self, lo: usize, hi: usize, (row, col): (usize, usize)) {
        if (lo, hi) == (self.lo, self.lo + self.held) {
            return;
        }
        let anchor = self
            .selection_range()
            .map(|(a, b)| if a == (row, col) { b } else { a });
        self.widget = widget(self.lines[lo..hi].to_vec());
        self.lo = lo;
        self.held = hi - lo;
        if let Some((r, c)) = anchor {
            self.place(r, c);
            self.widget.start_selection();
        }
        self.place(row, col);
    }

    /// Before a key: the widget holds the cursor's paragraph and its
    /// neighbours (all paragraphs while selecting), and not many more.
    fn around_cursor(&mut self) {
        if self.widget.is_selecting() || self.long {
            self.load(0, self.lines.len());
            return;
        }
        let row = self.cursor().0;
        let lo = row.saturating_sub(MARGIN);
        let hi = (row + MARGIN + 1).min(self.lines.len());
        let holds = self.lo <= lo && hi <= self.lo + self.held && self.held <= MOST;
        if !holds {
            self.load(lo, hi);
        }
    }

    /// A selection may reach any paragraph: the widget holds them all.
    fn hold_selection(&mut self) {
        if self.widget.is_selecting() {
            self.load(0, self.lines.len());
        }
    }

    /// After the widget changed: its paragraphs back into the field, the
    /// counts and wraps of those that changed redone.
    fn sync(&mut self) {
        let now = self.widget.lines();
        let before = &self.lines[self.lo..self.lo + self.held];
        let same = now.iter().zip(before).take_while(|(a, b)| a == b).count();
        let most = now.len().min(before.len()) - same;
        let same_end = now
            .iter()
            .rev()
            .zip(before.iter().rev())
            .take(most)
            .take_while(|(a, b)| a == b)
            .count();
        if same == now.len() && now.len() == before.len() {
            return;
        }
        let from = self.lo + same;
        let old = from..self.lo + self.held - same_end;
        let new = &now[same..now.len() - same_end];
        let counts: Vec<(usize, usize)> = new.iter().map(|l| text_counts(l)).collect();
        for &(c, p) in &self.counts[old.clone()] {
            self.total = (self.total.0 - c, self.total.1 - p);
        }
        for &(c, p) in &counts {
            self.total = (self.total.0 + c, self.total.1 + p);
        }
        self.counts.splice(old.clone(), counts);
        self.wraps
            .get_mut()
            .lines
            .splice(old.clone(), std::iter::repeat_n(None, new.len()));
        self.lines.splice(old, new.iter().cloned());
        self.held = now.len();
        self.long = any_long(&self.lines);
        let tail = self.lines.len() - (from + new.len());
        self.changed = Some(match self.changed {
            Some((f, t)) => (f.min(from), t.min(tail)),
            None => (from, tail),
        });
    }
}

/// Where the widget's keys that may leave the paragraphs it holds go.
enum Far {
    Top,
    Bottom,
    NextParagraph,
    PreviousParagraph,
}

/// Whether `input` is one of the widget's keys to the first or last line
/// (Alt+<, Alt+>, Ctrl+Alt+↑/↓/P/N) or to the next or previous paragraph
/// (Alt+], Alt+N, Ctrl+↓; Alt+[, Alt+P, Ctrl+↑), and with Shift: those are
/// done here, over all paragraphs, as the widget does them over its own.
fn far_move(input: &Input) -> Option<(Far, bool)> {
    let to = match (input.key, input.ctrl, input.alt) {
        (Key::Char('<'), false, true) => Far::Top,
        (Key::Char('>'), false, true) => Far::Bottom,
        (Key::Up | Key::Char('p'), true, true) => Far::Top,
        (Key::Down | Key::Char('n'), true, true) => Far::Bottom,
        (Key::Char(']' | 'n'), false, true) | (Key::Down, true, false) => Far::NextParagraph,
        (Key::Char('[' | 'p'), false, true) | (Key::Up, true, false) => Far::PreviousParagraph,
        _ => return None,
    };
    Some((to, input.shift))
}

impl Paragraphs for FieldText {
    fn lines(&self) -> &[String] {
        &self.lines
    }

    fn wrap(&self, line: usize, width: usize) -> Arc<[Piece]> {
        self.wrap_kept(line, width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(key: Key, shift: bool) -> Input {
        Input {
            key,
            ctrl: false,
            alt: false,
            shift,
        }
    }

    /// The widget's `Jump` stops at column 65,535; a paragraph longer than
    /// that is still edited where the cursor is, checked against plain
    /// string edits.
    #[test]
    fn a_paragraph_past_jumps_reach_is_edited_at_the_cursor() {
        let long: String = "党建a".repeat(25_000);
        let mut model: Vec<String> = vec!["甲".into(), long, "乙".into()];
        let mut text = FieldText::new(&model.join("\n"));
        text.jump(1, 70_000);
        assert_eq!(text.cursor(), (1, 70_000));
        assert!(text.input(key(Key::Char('中'), false)));
        let at = model[1].char_indices().nth(70_000).unwrap().0;
        model[1].insert(at, '中');
        assert_eq!(text.lines(), model.as_slice());
        text.input(key(Key::Left, true));
        text.input(key(Key::Left, true));
        assert_eq!(text.selection_range(), Some(((1, 69_999), (1, 70_001))));
        assert!(text.cut());
        let from = model[1].char_indices().nth(69_999).unwrap().0;
        let to = model[1].char_indices().nth(70_001).unwrap().0;
        model[1].replace_range(from..to, "");
        assert_eq!(text.lines(), model.as_slice());
        assert_eq!(text.cursor(), (1, 69_999));
        assert_eq!(text.counts(), text_counts(&model.join("\n")));
        text.select_all();
        let end = model[2].chars().count();
        assert_eq!(text.selection_range(), Some(((0, 0), (2, end))));
        assert!(text.cut());
        assert_eq!(text.lines(), [""]);
    }

    /// A paste that makes a paragraph that long, in a field of many: the
    /// widget takes all paragraphs, the cursor staying after the paste.
    #[test]
    fn a_long_paste_keeps_the_cursor_after_it() {
        let mut model: Vec<String> = (0..12).map(|i| format!("第{i}段")).collect();
        let mut text = FieldText::new(&model.join("\n"));
        text.jump(6, 1);
        let pasted = "中".repeat(70_000);
        assert!(text.insert_str(&pasted));
        model[6].insert_str("第".len(), &pasted);
        assert_eq!(text.cursor(), (6, 70_001));
        text.input(key(Key::Left, false));
        assert!(text.input(key(Key::Char('x'), false)));
        let at = model[6].char_indices().nth(70_000).unwrap().0;
        model[6].insert(at, 'x');
        assert_eq!(text.lines(), model.as_slice());
        assert_eq!(text.cursor(), (6, 70_001));
    }
}
