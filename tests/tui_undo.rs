//! What the writer sees is what is saved, and undo goes by phrase: keys
//! as a writer presses them, the document and the screen after each.

mod common;

use std::time::{Duration, Instant};

use common::{editor, press, render, screen, type_text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;
use zongjie::app::{App, PHRASE_PAUSE};
use zongjie::document::{Document, Field};
use zongjie::i18n::Lang;
use zongjie::plain_text::{ExportOptions, export_text};
use zongjie::templates::Template;

fn sample() -> Document {
    Template::find("party-branch")
        .unwrap()
        .document(Some("XX党支部2020年上半年党建工作总结"))
}

fn doc(app: &App) -> &Document {
    &app.editor().unwrap().doc
}

fn paste(app: &mut App, text: &str) {
    app.handle_paste(text);
}

/// The title's editor: focus on the title field, cursor at its end.
fn in_title(doc: Document) -> App {
    let mut app = editor(doc, Lang::Zh);
    press(&mut app, "Enter End");
    app
}

/// A pause in typing longer than the one that ends an undo step.
fn pause(app: &mut App) {
    app.tick(Instant::now() + PHRASE_PAUSE + Duration::from_millis(10));
}

/// The preview as the screen shows it equals the export of the document,
/// and the editor pane shows the document's text.
fn assert_screen_shows(app: &mut App, title: &str) {
    assert_eq!(doc(app).title, title);
    let export = export_text(doc(app), &ExportOptions::default());
    assert_eq!(export.lines().next(), Some(title));
    let shown = screen(&render(app, 120, 40));
    let rows_with_title = shown.lines().filter(|l| l.contains(title)).count();
    // The field and the preview's first line.
    assert!(
        rows_with_title >= 2,
        "{title:?} shown {rows_with_title} times:\n{shown}"
    );
    let e = app.editor().unwrap();
    for fa in &e.fields.fields {
        assert_eq!(fa.text(), e.doc.text(fa.field).unwrap());
    }
}

#[test]
fn typing_then_deleting_it_again_leaves_the_original_everywhere() {
    let original = sample();
    let mut app = in_title(original.clone());
    type_text(&mut app, "Z");
    assert_screen_shows(&mut app, "XX党支部2020年上半年党建工作总结Z");
    press(&mut app, "Backspace");
    assert_screen_shows(&mut app, "XX党支部2020年上半年党建工作总结");
    assert_eq!(doc(&app), &original);
    // Saved as shown: leaving the field saves the document it shows.
    let effects = press(&mut app, "Esc");
    assert!(app.editor().unwrap().dirty && !effects.is_empty());
}

#[test]
fn typing_then_undo_and_paste_then_undo_leave_the_original() {
    let original = sample();
    let mut app = in_title(original.clone());
    type_text(&mut app, "Z");
    press(&mut app, "C-z");
    assert_screen_shows(&mut app, "XX党支部2020年上半年党建工作总结");
    assert_eq!(doc(&app), &original);
    paste(&mut app, "（修订稿）");
    assert_screen_shows(&mut app, "XX党支部2020年上半年党建工作总结（修订稿）");
    press(&mut app, "C-z");
    assert_screen_shows(&mut app, "XX党支部2020年上半年党建工作总结");
    assert_eq!(doc(&app), &original);
    press(&mut app, "C-y");
    assert_screen_shows(&mut app, "XX党支部2020年上半年党建工作总结（修订稿）");
}

#[test]
fn an_input_method_phrase_is_undone_at_once() {
    let original = sample();
    let mut app = in_title(original.clone());
    // An input method commits a phrase as characters that arrive together.
    type_text(&mut app, "（第二稿）");
    press(&mut app, "C-z");
    assert_eq!(doc(&app), &original);
}

#[test]
fn a_pause_ends_the_undo_step() {
    let mut app = in_title(sample());
    type_text(&mut app, "甲乙");
    pause(&mut app);
    type_text(&mut app, "丙丁");
    press(&mut app, "C-z");
    assert!(doc(&app).title.ends_with("总结甲乙"), "{}", doc(&app).title);
    press(&mut app, "C-z");
    assert!(doc(&app).title.ends_with("总结"));
}

#[test]
fn deleting_is_a_step_of_its_own_and_a_cursor_move_ends_a_step() {
    let mut app = in_title(sample());
    type_text(&mut app, "甲乙丙");
    press(&mut app, "Backspace Backspace");
    assert!(doc(&app).title.ends_with("总结甲"));
    press(&mut app, "C-z");
    assert!(doc(&app).title.ends_with("总结甲乙丙"));
    // Typed, moved left, typed: two steps.
    press(&mut app, "Left");
    type_text(&mut app, "丁");
    assert!(doc(&app).title.ends_with("总结甲乙丁丙"));
    press(&mut app, "C-z");
    assert!(doc(&app).title.ends_with("总结甲乙丙"));
    press(&mut app, "C-z");
    assert!(doc(&app).title.ends_with("总结"));
}

#[test]
fn enter_ends_the_step_and_a_paste_is_a_step_of_its_own() {
    let mut app = editor(sample(), Lang::Zh);
    // The preamble: a body where Enter starts a paragraph.
    press(&mut app, "j Enter");
    let field = Field::Preamble;
    let original = doc(&app).text(field).unwrap().to_string();
    press(&mut app, "C-End");
    let at_end = |app: &App, tail: &str| {
        let text = doc(app).text(field).unwrap();
        assert_eq!(text, format!("{original}{tail}"), "preamble");
    };
    type_text(&mut app, "甲");
    press(&mut app, "Enter");
    type_text(&mut app, "乙");
    paste(&mut app, "丙\n丁");
    type_text(&mut app, "戊");
    at_end(&app, "甲\n乙丙\n丁戊");
    press(&mut app, "C-z");
    at_end(&app, "甲\n乙丙\n丁");
    press(&mut app, "C-z");
    at_end(&app, "甲\n乙");
    press(&mut app, "C-z");
    at_end(&app, "甲\n");
    press(&mut app, "C-z");
    at_end(&app, "");
}

#[test]
fn one_history_ctrl_z_in_a_field_undoes_a_structural_edit() {
    let original = sample();
    let mut app = editor(original.clone(), Lang::Zh);
    // Select the first item and delete it in the outline.
    let first_item = app
        .editor()
        .unwrap()
        .entries
        .iter()
        .position(|e| matches!(e, zongjie::app::Entry::Item(_)))
        .unwrap();
    for _ in 0..first_item {
        press(&mut app, "j");
    }
    press(&mut app, "d");
    assert_ne!(doc(&app), &original);
    // Into a field, where Ctrl+Z undoes the last thing done: the delete.
    press(&mut app, "k Enter");
    press(&mut app, "C-z");
    assert_eq!(doc(&app), &original);
    // And text typed in a field is undone from the outline.
    press(&mut app, "Enter");
    type_text(&mut app, "新");
    press(&mut app, "Esc u");
    assert_eq!(doc(&app), &original);
}

#[test]
fn after_undo_the_cursor_is_where_the_change_was() {
    let mut app = in_title(sample());
    type_text(&mut app, "（修订）");
    press(&mut app, "Home C-z");
    let e = app.editor().unwrap();
    let fa = e.fields.active().unwrap();
    assert_eq!(fa.field, Field::Title);
    let cursor = fa.area.cursor();
    assert_eq!(
        (cursor.0, cursor.1),
        (0, "XX党支部2020年上半年党建工作总结".chars().count())
    );
}

#[test]
fn deleting_the_last_section_never_leaves_its_fields_on_screen() {
    // Found by the model-based test (tui_model.rs).
    let mut d = sample();
    d.sections.truncate(1);
    d.sections[0].items.clear();
    let mut app = editor(d, Lang::En);
    // A section with text is deleted once the writer says yes.
    press(&mut app, "j j d y");
    let e = app.editor().unwrap();
    assert!(e.doc.sections.is_empty());
    for fa in &e.fields.fields {
        assert!(e.doc.text(fa.field).is_some(), "{:?} has no text", fa.field);
    }
    type_text(&mut app, "x");
}

/// Whether a box-drawing border cell of the frame reached the terminal.
fn borders_reach_the_terminal(width: u16, height: u16) -> (bool, bool) {
    let mut app = editor(sample(), Lang::Zh);
    app.size = (width, height);
    app.idle();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut cache = zongjie::ui::DrawCache::new();
    terminal
        .draw(|f| zongjie::ui::draw(f, &app, &mut cache))
        .unwrap();
    let under = terminal.backend().buffer().clone();
    press(&mut app, "F1");
    let frame = terminal
        .draw(|f| zongjie::ui::draw(f, &app, &mut cache))
        .unwrap()
        .buffer
        .clone();
    let shown = terminal.backend().buffer();
    let mut straddled = false;
    let mut whole = true;
    for y in 0..height {
        for x in 1..width {
            let symbol = frame[(x, y)].symbol();
            if !matches!(symbol, "│" | "┌" | "└" | "┐" | "┘") {
                continue;
            }
            // A wide character under the panes whose right half is here.
            if under[(x - 1, y)].symbol().width() > 1 && frame[(x - 1, y)].symbol() == " " {
                straddled = true;
            }
            whole &= shown[(x, y)].symbol() == symbol && shown[(x - 1, y)].symbol().width() < 2;
        }
    }
    (straddled, whole)
}

#[test]
fn popups_never_cut_a_wide_character_and_keep_their_border() {
    let mut straddled_somewhere = false;
    for width in 100..=130 {
        let (straddled, whole) = borders_reach_the_terminal(width, 40);
        assert!(whole, "a border is missing at {width}×40");
        straddled_somewhere |= straddled;
    }
    assert!(
        straddled_somewhere,
        "no size put the help's border on a wide character: the test shows nothing"
    );
}
