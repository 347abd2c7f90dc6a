//! A field of many paragraphs edited through `FieldText` (the widget holds
//! only the paragraphs around the cursor) against a plain `tui-textarea`
//! holding all of them, driven by the same random keys, jumps, selections,
//! cuts and pastes. After every step:
//! - the paragraphs, the cursor and the selection are the plain widget's;
//! - the counts are those of the whole text counted afresh;
//! - the document's string, written with only the changed paragraphs, is
//!   the plain widget's lines joined, and the text before it as it was;
//! - the view of the field (the rows in view and around the cursor, from
//!   the kept per-paragraph wraps) is the same part of the whole field
//!   wrapped from scratch by `plain_text::wrap_screen_line`.

use proptest::prelude::*;
use tui_textarea::{CursorMove, Input, Key, TextArea, WrapMode};
use zongjie::app::{Entry, FieldEditor};
use zongjie::check::text_counts;
use zongjie::document::Document;
use zongjie::layout::{FieldView, ScreenRow, columns};
use zongjie::plain_text::wrap_screen_line;

#[derive(Debug, Clone)]
enum Step {
    Key(Key, bool, bool, bool),
    Jump(u16, u16),
    SelectAll,
    StartSelection,
    CancelSelection,
    Cut,
    Insert(String),
}

fn key() -> impl Strategy<Value = Key> {
    prop::sample::select(vec![
        Key::Char('中'),
        Key::Char('a'),
        Key::Char('，'),
        Key::Char('X'),
        Key::Char('<'),
        Key::Char('>'),
        Key::Char(']'),
        Key::Char('['),
        Key::Char('k'),
        Key::Char('w'),
        Key::Char('d'),
        Key::Char('f'),
        Key::Char('b'),
        Key::Char('e'),
        Key::Enter,
        Key::Backspace,
        Key::Delete,
        Key::Left,
        Key::Right,
        Key::Up,
        Key::Down,
        Key::Home,
        Key::End,
    ])
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => (key(), any::<bool>(), any::<bool>(), prop::bool::weighted(0.2))
            .prop_map(|(k, shift, ctrl, alt)| {
                // Plain keys mostly; Ctrl and Alt for the widget's own bindings.
                let ctrl = ctrl && matches!(k, Key::Char(_) | Key::Up | Key::Down);
                Step::Key(k, shift, ctrl, alt)
            }),
        3 => (0u16..40, 0u16..12).prop_map(|(r, c)| Step::Jump(r, c)),
        1 => Just(Step::SelectAll),
        1 => Just(Step::StartSelection),
        1 => Just(Step::CancelSelection),
        1 => Just(Step::Cut),
        2 => "[中a，\n]{0,6}".prop_map(Step::Insert),
    ]
}

fn paragraphs() -> impl Strategy<Value = String> {
    prop::collection::vec("[中文a，。X ]{0,9}", 1..30).prop_map(|p| p.join("\n"))
}

/// The plain widget, set up as zongjie sets up its own.
fn plain(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
    area.set_wrap_mode(WrapMode::Glyph);
    area.set_max_histories(0);
    area
}

/// The whole field wrapped from scratch: every row, the row and column of
/// the cursor, the first row shown (as the editor pane has always laid a
/// field out).
fn whole_view(
    lines: &[String],
    at: (usize, usize),
    width: usize,
    height: usize,
) -> (Vec<ScreenRow>, usize, (usize, usize)) {
    let mut rows = Vec::new();
    for (line, text) in lines.iter().enumerate() {
        let shown = text.replace('\t', " ");
        let pieces = wrap_screen_line(&shown, width);
        let mut start = 0;
        for (i, piece) in pieces.iter().enumerate() {
            rows.push(ScreenRow {
                line,
                start,
                text: piece.to_string(),
                last: i + 1 == pieces.len(),
            });
            start += piece.chars().count();
        }
    }
    let index = rows
        .iter()
        .rposition(|r| r.line == at.0 && r.start <= at.1)
        .expect("a row for the cursor's paragraph");
    let col: usize = rows[index]
        .text
        .chars()
        .take(at.1 - rows[index].start)
        .map(columns)
        .sum();
    let cursor = if col >= width {
        (index + 1, 0)
    } else {
        (index, col)
    };
    let continues = rows.get(cursor.0).is_some_and(|r| (r.line, r.start) == at);
    if cursor.0 > 0 && cursor.1 == 0 && !continues {
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
    let top = (cursor.0 + 1).saturating_sub(height);
    (rows, top, cursor)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_windowed_field_edits_as_the_whole_widget(
        text in paragraphs(),
        steps in prop::collection::vec(step(), 1..60),
        width in 4usize..12,
        height in 1usize..6,
    ) {
        let doc = Document { preamble: text.clone(), ..Document::default() };
        let mut doc = doc;
        let mut fields = FieldEditor::new(&doc, Entry::Preamble);
        let mut oracle = plain(&text);
        for step in steps {
            let fa = &mut fields.fields[0];
            match &step {
                Step::Key(k, shift, ctrl, alt) => {
                    let input = Input { key: *k, ctrl: *ctrl, alt: *alt, shift: *shift };
                    let changed = fa.area.input(input.clone());
                    prop_assert_eq!(changed, oracle.input(input), "{:?}", step);
                }
                Step::Jump(r, c) => {
                    fa.area.move_cursor(CursorMove::Jump(*r, *c));
                    oracle.move_cursor(CursorMove::Jump(*r, *c));
                }
                Step::SelectAll => {
                    fa.area.select_all();
                    oracle.select_all();
                }
                Step::StartSelection => {
                    fa.area.start_selection();
                    oracle.start_selection();
                }
                Step::CancelSelection => {
                    fa.area.cancel_selection();
                    oracle.cancel_selection();
                }
                Step::Cut => {
                    prop_assert_eq!(fa.area.cut(), oracle.cut());
                }
                Step::Insert(s) => {
                    prop_assert_eq!(fa.area.insert_str(s), oracle.insert_str(s));
                }
            }
            let fa = &fields.fields[0];
            prop_assert_eq!(fa.area.lines(), oracle.lines(), "after {:?}", step);
            prop_assert_eq!(fa.area.cursor(), oracle.cursor(), "after {:?}", step);
            prop_assert_eq!(fa.area.selection_range(), oracle.selection_range(), "after {:?}", step);
            let joined = oracle.lines().join("\n");
            prop_assert_eq!(fa.area.counts(), text_counts(&joined));

            let was = doc.preamble.clone();
            match fields.write_active(&mut doc, |_| true) {
                Some((_, before)) => {
                    prop_assert_eq!(before.as_deref(), Some(was.as_str()));
                    prop_assert_ne!(&was, &joined);
                }
                None => prop_assert_eq!(&was, &joined),
            }
            prop_assert_eq!(&doc.preamble, &joined, "after {:?}", step);

            let fa = &fields.fields[0];
            let at = fa.area.cursor();
            let view = FieldView::new(&fa.area, (at.0, at.1), width as u16, height as u16, true);
            let c = oracle.cursor();
            let (rows, top, cursor) = whole_view(oracle.lines(), (c.0, c.1), width, height);
            let part = &rows[view.first..view.first + view.rows.len()];
            prop_assert_eq!(&view.rows[..], part, "after {:?}", step);
            prop_assert_eq!(view.first + view.top, top);
            prop_assert_eq!((view.first + view.cursor.0, view.cursor.1), cursor);
            // In view, and three rows either side of the cursor.
            prop_assert!(view.first <= top.min(cursor.0.saturating_sub(3)));
            let end = view.first + view.rows.len();
            prop_assert!(end >= (top + height).max(cursor.0 + 4).min(rows.len()));
        }
    }
}
