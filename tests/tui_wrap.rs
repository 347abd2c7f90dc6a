//! The editor pane wraps a body by the export's Chinese line-breaking rule,
//! and the terminal cursor is exactly at the insertion point: the cell
//! under it holds the character after the insertion point.

mod common;

use common::{cursor, editor, press, render};
use zongjie::document::{Document, Item, Section, SectionKind};
use zongjie::i18n::Lang;
use zongjie::plain_text::NO_START;

const BODY: &str = "学习贯彻党的十九大精神，坚持“三会一课”、主题党日、谈心谈话等制度。\
                    全年开展集中学习十二次，专题党课四次；组织生活会一次！";

fn draft() -> Document {
    let mut section = Section::new(SectionKind::Work, "工作开展情况");
    section.items.push(Item::new("加强理论学习", BODY));
    Document {
        title: "XX党支部2020年上半年党建工作总结".into(),
        sections: vec![section],
        ..Document::default()
    }
}

#[test]
fn no_row_starts_with_closing_punctuation_and_the_cursor_is_at_the_insertion_point() {
    for width in [60u16, 61, 64, 70, 77, 80, 90, 100] {
        let mut app = editor(draft(), Lang::Zh);
        // Outline: title, preamble, the section, its item. Edit the body.
        press(&mut app, "j j j Enter Down");
        let chars: Vec<char> = BODY.chars().collect();
        for (i, _) in chars.iter().enumerate().take(chars.len()) {
            let mut terminal = render(&mut app, width, 30);
            let (x, y) = cursor(&mut terminal);
            let buffer = terminal.backend().buffer().clone();
            // The character after the insertion point is under the cursor.
            assert_eq!(
                buffer[(x, y)].symbol(),
                chars[i].to_string(),
                "at {i} in {width} columns, cursor {x},{y}:\n{}",
                common::screen(&terminal)
            );
            press(&mut app, "Right");
        }
        // No row of the editor pane starts with closing punctuation.
        let terminal = render(&mut app, width, 30);
        let screen = common::screen(&terminal);
        let mut body_rows = 0;
        for line in screen.lines() {
            let Some((_, pane)) = line.rsplit_once("││") else {
                continue;
            };
            if let Some(c) = pane.chars().next() {
                body_rows += usize::from(BODY.contains(c));
                assert!(
                    !NO_START.contains(&c),
                    "a row starts with {c} at {width}:\n{screen}"
                );
            }
        }
        assert!(body_rows >= 2, "the body is wrapped at {width}:\n{screen}");
    }
}

#[test]
fn up_and_down_move_by_the_rows_drawn() {
    let mut app = editor(draft(), Lang::Zh);
    press(&mut app, "j j j Enter Down");
    let mut terminal = render(&mut app, 80, 30);
    let (x0, y0) = cursor(&mut terminal);
    press(&mut app, "Down");
    let mut terminal = render(&mut app, 80, 30);
    let (x1, y1) = cursor(&mut terminal);
    assert_eq!((x1, y1), (x0, y0 + 1), "one row down, same column");
    press(&mut app, "Up");
    let mut terminal = render(&mut app, 80, 30);
    assert_eq!(cursor(&mut terminal), (x0, y0));
    // Up from the body's first row goes to the heading.
    press(&mut app, "Up");
    let e = app.editor().unwrap();
    assert_eq!(e.fields.active, 0);
}
