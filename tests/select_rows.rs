//! Shift+↑/↓ in a field select by screen rows as drawn, as Shift+←/→
//! do by characters: driven by keys on `App`, against a plain model of
//! rows. The model's text is Chinese characters only (two columns each, no
//! punctuation), so every row of a paragraph holds `width / 2` of them and
//! a row is plain arithmetic on character indices; the selection it
//! predicts is then copied, cut, typed over and deleted through the keys.

mod common;

use common::{editor, press};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use zongjie::app::{App, Effect};
use zongjie::document::Document;
use zongjie::i18n::Lang;
use zongjie::layout::editor_layout;

/// The preamble being edited: outline row 1, Enter.
fn preamble(text: &str, size: (u16, u16)) -> App {
    let doc = Document {
        preamble: text.to_string(),
        ..Document::default()
    };
    let mut app = editor(doc, Lang::Zh);
    app.size = size;
    press(&mut app, "j Enter");
    app
}

/// The columns of the active field's text area, as the pane lays it out.
fn field_width(app: &App) -> usize {
    let e = app.editor().unwrap();
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    let pane = editor_layout(area, e.focus, e.show_findings)
        .editor
        .unwrap();
    let inner = pane.inner(ratatui::layout::Margin::new(1, 1));
    let slots = e.fields.slots(inner, Lang::Zh);
    usize::from(slots[e.fields.active].text.width)
}

fn cursor(app: &App) -> (usize, usize) {
    let c = app.editor().unwrap().fields.active().unwrap().area.cursor();
    (c.0, c.1)
}

fn selection(app: &App) -> Option<((usize, usize), (usize, usize))> {
    app.editor()
        .unwrap()
        .fields
        .active()
        .unwrap()
        .area
        .selection_range()
}

fn field_text(app: &App) -> String {
    app.editor().unwrap().fields.active().unwrap().text()
}

/// The plain model: paragraphs of characters, the cursor and where the
/// selection started, in a text area `width` columns wide (so rows of
/// `width / 2` characters).
#[derive(Debug, Clone)]
struct Model {
    lines: Vec<Vec<char>>,
    at: (usize, usize),
    anchor: Option<(usize, usize)>,
    width: usize,
}

impl Model {
    /// Characters a row holds.
    fn n(&self) -> usize {
        self.width / 2
    }

    fn rows(&self, line: usize) -> usize {
        self.lines[line].len().div_ceil(self.n()).max(1)
    }

    /// The cursor's row in its paragraph and its column in characters.
    /// After a paragraph that fills its last row to the edge, the cursor
    /// is on a row of its own below it.
    fn row_col(&self) -> (usize, usize) {
        let (line, p) = self.at;
        let (len, n) = (self.lines[line].len(), self.n());
        match p == len && len > 0 && len % n == 0 {
            true if 2 * n >= self.width => (len / n, 0),
            true => (len / n - 1, n),
            false => (p / n, p % n),
        }
    }

    /// The position under character column `c` of row `r` of `line`: the
    /// character there, or the row's end (on its last character when the
    /// paragraph goes on in the next row).
    fn at_row(&self, line: usize, r: usize, c: usize) -> (usize, usize) {
        let (len, n) = (self.lines[line].len(), self.n());
        let start = r * n;
        let m = n.min(len - start);
        let mut k = c.min(m);
        if r + 1 < self.rows(line) && k == m && m > 0 {
            k = m - 1;
        }
        (line, start + k)
    }

    /// One screen row down, at the same column; `None` below the last.
    fn down(&self) -> Option<(usize, usize)> {
        let (line, _) = self.at;
        let (r, c) = self.row_col();
        if r + 1 < self.rows(line) {
            return Some(self.at_row(line, r + 1, c));
        }
        (line + 1 < self.lines.len()).then(|| self.at_row(line + 1, 0, c))
    }

    /// One screen row up, at the same column; `None` above the first.
    fn up(&self) -> Option<(usize, usize)> {
        let (line, _) = self.at;
        let (r, c) = self.row_col();
        if r > 0 {
            return Some(self.at_row(line, r - 1, c));
        }
        let prev = line.checked_sub(1)?;
        Some(self.at_row(prev, self.rows(prev) - 1, c))
    }

    fn left(&self) -> Option<(usize, usize)> {
        let (line, p) = self.at;
        match (p, line) {
            (0, 0) => None,
            (0, _) => Some((line - 1, self.lines[line - 1].len())),
            _ => Some((line, p - 1)),
        }
    }

    fn right(&self) -> Option<(usize, usize)> {
        let (line, p) = self.at;
        if p < self.lines[line].len() {
            Some((line, p + 1))
        } else {
            (line + 1 < self.lines.len()).then_some((line + 1, 0))
        }
    }

    fn end(&self) -> (usize, usize) {
        let last = self.lines.len() - 1;
        (last, self.lines[last].len())
    }

    /// A move with Shift (the selection starts here if none did) or
    /// without (it is dropped); where the key cannot move, nothing at all.
    fn go(&mut self, to: Option<(usize, usize)>, shift: bool) {
        let Some(to) = to else { return };
        if shift {
            self.anchor.get_or_insert(self.at);
        } else {
            self.anchor = None;
        }
        self.at = to;
    }

    fn selected(&self) -> Option<((usize, usize), (usize, usize))> {
        let a = self.anchor?;
        Some((a.min(self.at), a.max(self.at)))
    }

    fn text(&self) -> String {
        let lines: Vec<String> = self.lines.iter().map(|l| l.iter().collect()).collect();
        lines.join("\n")
    }

    /// The text from `a` to `b`, paragraphs joined by newlines.
    fn between(&self, a: (usize, usize), b: (usize, usize)) -> String {
        let mut out = String::new();
        for line in a.0..=b.0 {
            let from = if line == a.0 { a.1 } else { 0 };
            let to = if line == b.0 {
                b.1
            } else {
                self.lines[line].len()
            };
            out.extend(&self.lines[line][from..to]);
            if line < b.0 {
                out.push('\n');
            }
        }
        out
    }

    /// The text with the selection replaced by `with`.
    fn replaced(&self, with: &str) -> String {
        let (a, b) = self.selected().unwrap();
        let before = self.between((0, 0), a);
        let after = self.between(b, self.end());
        format!("{before}{with}{after}")
    }
}

#[derive(Debug, Clone, Copy)]
enum Move {
    Up,
    Down,
    Left,
    Right,
}

#[derive(Debug, Clone, Copy)]
enum Then {
    Copy,
    Cut,
    TypeOver,
    Backspace,
}

fn key(app: &mut App, code: KeyCode, shift: bool) -> Vec<Effect> {
    let modifiers = if shift {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    app.handle_key(KeyEvent::new(code, modifiers))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(120))]

    #[test]
    fn shift_arrows_select_what_a_model_of_rows_selects(
        paragraphs in prop::collection::vec("[党建工作学习思想组织]{0,70}", 1..5),
        moves in prop::collection::vec(
            (prop::sample::select(vec![Move::Up, Move::Down, Move::Left, Move::Right]),
             prop::bool::weighted(0.8)),
            1..40,
        ),
        then in prop::sample::select(vec![Then::Copy, Then::Cut, Then::TypeOver, Then::Backspace]),
        width in 60u16..110,
        height in prop::sample::select(vec![12u16, 30]),
    ) {
        let text = paragraphs.join("\n");
        let mut app = preamble(&text, (width, height));
        let mut model = Model {
            lines: paragraphs.iter().map(|p| p.chars().collect()).collect(),
            at: (0, 0),
            anchor: None,
            width: field_width(&app),
        };
        prop_assert_eq!(cursor(&app), model.at);
        for (m, shift) in moves {
            let (code, to) = match m {
                Move::Up => (KeyCode::Up, model.up()),
                Move::Down => (KeyCode::Down, model.down()),
                Move::Left => (KeyCode::Left, model.left()),
                Move::Right => (KeyCode::Right, model.right()),
            };
            // A plain ↑/↓ at the edge leaves the field: not this test's.
            if to.is_none() && !shift && matches!(m, Move::Up | Move::Down) {
                continue;
            }
            // Selecting past the first or last row: to the field's start or end.
            let to = match (m, to) {
                (Move::Up, None) => Some((0, 0)),
                (Move::Down, None) => Some(model.end()),
                _ => to,
            };
            key(&mut app, code, shift);
            model.go(to, shift);
            prop_assert_eq!(cursor(&app), model.at, "after {:?} shift {}", m, shift);
            prop_assert_eq!(selection(&app), model.selected(), "after {:?} shift {}", m, shift);
            prop_assert_eq!(field_text(&app), text.clone());
        }
        // What the selection is for, where something is selected.
        let Some((a, b)) = model.selected().filter(|(a, b)| a != b) else {
            return Ok(());
        };
        match then {
            Then::Copy => {
                let effects = press(&mut app, "C-c");
                let copied = model.between(a, b);
                prop_assert!(effects.contains(&Effect::CopyToSystem(copied)), "{:?}", effects);
                prop_assert_eq!(field_text(&app), text);
            }
            Then::Cut => {
                let effects = press(&mut app, "C-x");
                let cut = model.between(a, b);
                prop_assert!(effects.contains(&Effect::CopyToSystem(cut)), "{:?}", effects);
                prop_assert_eq!(field_text(&app), model.replaced(""));
                prop_assert_eq!(cursor(&app), a);
            }
            Then::TypeOver => {
                key(&mut app, KeyCode::Char('新'), false);
                prop_assert_eq!(field_text(&app), model.replaced("新"));
            }
            Then::Backspace => {
                key(&mut app, KeyCode::Backspace, false);
                prop_assert_eq!(field_text(&app), model.replaced(""));
                prop_assert_eq!(cursor(&app), a);
            }
        }
        // And it reaches the document.
        press(&mut app, "Esc");
        prop_assert_eq!(&app.editor().unwrap().doc.preamble, &field_text_after(&model, then));
    }
}

/// The preamble the model expects after `then`.
fn field_text_after(model: &Model, then: Then) -> String {
    match then {
        Then::Copy => model.text(),
        Then::Cut | Then::Backspace => model.replaced(""),
        Then::TypeOver => model.replaced("新"),
    }
}

/// The edges by hand: Shift+↓ on the last row selects to the field's end
/// and Shift+↑ on the first to its start, staying in the field; a plain
/// arrow then drops the selection.
#[test]
fn shift_at_the_edges_selects_to_the_fields_ends_and_stays() {
    let mut app = preamble("第一段落\n第二段落", (80, 30));
    press(&mut app, "Right");
    press(&mut app, "S-Down");
    assert_eq!(selection(&app), Some(((0, 1), (1, 1))));
    press(&mut app, "S-Down");
    assert_eq!(selection(&app), Some(((0, 1), (1, 4))));
    press(&mut app, "S-Down");
    assert_eq!(
        selection(&app),
        Some(((0, 1), (1, 4))),
        "stays in the field"
    );
    assert_eq!(cursor(&app), (1, 4));
    press(&mut app, "S-Up");
    assert_eq!(selection(&app), Some(((0, 1), (0, 4))));
    press(&mut app, "S-Up");
    assert_eq!(selection(&app), Some(((0, 0), (0, 1))), "to the start");
    let before = app.editor().unwrap().fields.active().unwrap().field;
    press(&mut app, "S-Up");
    assert_eq!(app.editor().unwrap().fields.active().unwrap().field, before);
    press(&mut app, "Down");
    assert_eq!(selection(&app), None, "a plain arrow drops the selection");
    assert_eq!(cursor(&app), (1, 0));
}
