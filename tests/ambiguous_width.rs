//! East Asian ambiguous characters (“ ” ‘ ’ … · — ○ ★ →) take one column
//! in ratatui's buffer (unicode-width's narrow reading). The editor pane's
//! rows, its cursor and the preview's rows must count them the same way:
//! counted as two, a row of them would end halfway across the pane. The
//! oracle is the drawn buffer itself: each character's cell as ratatui
//! placed it, and rows filled to the pane's width.

mod common;

use common::{cursor, editor, press, render, row_text, type_text};
use ratatui::layout::{Margin, Rect};
use unicode_width::UnicodeWidthStr;
use zongjie::app::App;
use zongjie::document::Document;
use zongjie::i18n::Lang;
use zongjie::layout::{Focus, editor_layout};

/// Ambiguous characters that may start and end a row.
const FREE: &str = "○★→×§°±※αβ";

/// The preamble, holding `text`, being edited.
fn preamble_app(text: &str) -> App {
    let doc = Document {
        preamble: text.to_string(),
        ..Document::default()
    };
    let mut app = editor(doc, Lang::Zh);
    press(&mut app, "j Enter");
    app
}

/// The active field's text area as the pane lays it out at `size`.
fn field_area(app: &mut App, size: (u16, u16)) -> Rect {
    app.size = size;
    let e = app.editor().unwrap();
    let area = Rect::new(0, 0, size.0, size.1);
    let pane = editor_layout(area, e.focus, e.show_findings)
        .editor
        .unwrap();
    let slots = e.fields.slots(pane.inner(Margin::new(1, 1)), Lang::Zh);
    slots[e.fields.active].text
}

/// The rows of `area` as drawn, trailing blanks dropped, empty rows at the end too.
fn drawn_rows(app: &mut App, size: (u16, u16), area: Rect) -> Vec<String> {
    let terminal = render(app, size.0, size.1);
    let buffer = terminal.backend().buffer();
    let mut rows: Vec<String> = (area.y..area.y + area.height)
        .map(|y| {
            row_text(buffer, y, area.x..area.x + area.width)
                .trim_end()
                .to_string()
        })
        .collect();
    while rows.last().is_some_and(String::is_empty) {
        rows.pop();
    }
    rows
}

/// Typed one at a time, each character lands in the cell after the one
/// before (one column each), the cursor right after it; a row takes as
/// many as the text area has columns.
#[test]
fn the_cursor_moves_one_column_per_ambiguous_character() {
    for width in [60u16, 71, 80, 97] {
        let size = (width, 40);
        let mut app = preamble_app("");
        let area = field_area(&mut app, size);
        let w = usize::from(area.width);
        let text: String = FREE.chars().cycle().take(w * 2 + 7).collect();
        for (i, c) in text.chars().enumerate() {
            type_text(&mut app, &c.to_string());
            let mut terminal = render(&mut app, size.0, size.1);
            let n = i + 1;
            let (row, col) = (n / w, n % w);
            assert_eq!(
                cursor(&mut terminal),
                (area.x + col as u16, area.y + row as u16),
                "after {n} characters in {w} columns:\n{}",
                common::screen(&terminal)
            );
            let (x, y) = (area.x + (i % w) as u16, area.y + (i / w) as u16);
            assert_eq!(terminal.backend().buffer()[(x, y)].symbol(), c.to_string());
        }
        let rows = drawn_rows(&mut app, size, area);
        let widths: Vec<usize> = rows.iter().map(|r| r.width()).collect();
        assert_eq!(widths, [w, w, 7], "in {w} columns: {rows:?}");
    }
}

/// A field of quotation marks, ellipses and dashes: every row but the last
/// is full, as far as the line-breaking rule lets it be (a row may give
/// its last character to the next so that none starts with ” ’ … — ·).
#[test]
fn a_field_of_quotes_fills_its_rows() {
    let pieces = ["“", "党建", "”", "‘", "××", "’", "……", "——", "·"];
    let text: String = pieces.iter().cycle().take(120).copied().collect();
    for width in [60u16, 80, 101] {
        let size = (width, 40);
        let mut app = preamble_app(&text);
        let area = field_area(&mut app, size);
        let w = usize::from(area.width);
        let rows = drawn_rows(&mut app, size, area);
        assert_eq!(rows.concat(), text, "nothing lost or added");
        for (k, row) in rows.iter().enumerate() {
            assert!(row.width() <= w, "row {k} overflows {w}: {rows:?}");
            if k + 1 < rows.len() {
                // A row ends short only by what the rule moves on: at most
                // two characters (“ may not end one, ” not start one).
                assert!(row.width() + 4 >= w, "row {k} cut short at {w}: {rows:?}");
            }
        }
    }
}

/// The preview wraps the same paragraph as the pane shows it: rows full
/// to the preview's width, not half of it.
#[test]
fn the_preview_fills_its_rows_with_ambiguous_characters() {
    for width in [100u16, 131] {
        let size = (width, 40);
        let doc = Document {
            preamble: FREE.chars().cycle().take(400).collect(),
            ..Document::default()
        };
        let mut app = editor(doc, Lang::Zh);
        app.size = size;
        press(&mut app, "j Enter");
        let area = Rect::new(0, 0, size.0, size.1);
        let pane = editor_layout(area, Focus::Editor, false).preview.unwrap();
        let inner = pane.inner(Margin::new(1, 1));
        let terminal = render(&mut app, size.0, size.1);
        let buffer = terminal.backend().buffer();
        let rows: Vec<String> = (inner.y..inner.y + inner.height)
            .map(|y| row_text(buffer, y, inner.x..inner.x + inner.width))
            .filter(|r| r.contains(['○', '★']))
            .collect();
        assert!(rows.len() >= 3, "{}", common::screen(&terminal));
        let w = usize::from(inner.width);
        // Every row of the paragraph but its last is full.
        for row in &rows[..rows.len() - 1] {
            assert_eq!(row.trim_end().width(), w, "{rows:?}");
        }
    }
}
