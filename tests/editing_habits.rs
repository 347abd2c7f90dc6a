//! The editing habits of Word and WPS users, driven by keys: the clipboard,
//! moving on from field to field and part to part, Home/End, Ctrl+arrows,
//! and safe deletes. Each test checks the document against what a plain
//! model of the same keystrokes expects.

mod common;

use common::{editor, press, render, screen, type_text};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use zongjie::app::{App, Effect, Entry, Focus};
use zongjie::document::{Document, Field, Item, ItemRef, Section, SectionKind};
use zongjie::i18n::Lang;

fn doc_with(sections: &[usize]) -> Document {
    Document {
        sections: sections
            .iter()
            .map(|&n| Section {
                items: vec![Item::default(); n],
                ..Section::new(SectionKind::Work, "")
            })
            .collect(),
        ..Document::default()
    }
}

fn doc(app: &App) -> &Document {
    &app.editor().unwrap().doc
}

fn entry(app: &App) -> Entry {
    app.editor().unwrap().selected_entry()
}

fn active_field(app: &App) -> Field {
    app.editor().unwrap().fields.active().unwrap().field
}

fn cursor(app: &App) -> (usize, usize) {
    let c = app.editor().unwrap().fields.active().unwrap().area.cursor();
    (c.0, c.1)
}

/// A field's text as the editor pane holds it.
fn field_text(app: &App) -> String {
    app.editor().unwrap().fields.active().unwrap().text()
}

fn type_paragraphs(app: &mut App, text: &str) {
    for (i, paragraph) in text.split('\n').enumerate() {
        if i > 0 {
            press(app, "Enter");
        }
        type_text(app, paragraph);
    }
}

/// The fields of a document in the order Enter and ↓ visit them.
fn reading_order(doc: &Document) -> Vec<Field> {
    let mut out = vec![
        Field::Title,
        Field::Organization,
        Field::Period,
        Field::Preamble,
    ];
    for (s, section) in doc.sections.iter().enumerate() {
        out.push(Field::SectionTitle(s));
        out.push(Field::SectionIntro(s));
        for i in 0..section.items.len() {
            out.push(Field::ItemHeading(s, i));
            out.push(Field::ItemBody(s, i));
        }
    }
    out.extend([
        Field::SignatureOrganization,
        Field::SignatureDate,
        Field::Notes,
    ]);
    out
}

#[test]
fn a_whole_draft_is_written_with_enter_down_and_typing_alone() {
    let start = doc_with(&[0, 2, 1]);
    let order = reading_order(&start);
    let mut app = editor(start.clone(), Lang::Zh);
    press(&mut app, "Enter");
    // The model: the n-th field gets the n-th text.
    let texts: Vec<String> = (0..order.len())
        .map(|n| {
            if order[n].is_multiline() {
                format!("第{n}栏第一段。\n第{n}栏第二段。")
            } else {
                format!("第{n}栏")
            }
        })
        .collect();
    for (n, (field, text)) in order.iter().zip(&texts).enumerate() {
        assert_eq!(active_field(&app), *field, "field {n}");
        type_paragraphs(&mut app, text);
        // One-line fields end at Enter, bodies at ↓ on their last line.
        press(
            &mut app,
            if field.is_multiline() {
                "Down"
            } else {
                "Enter"
            },
        );
    }
    let written = doc(&app);
    for (field, text) in order.iter().zip(&texts) {
        assert_eq!(written.text(*field), Some(text.as_str()), "{field:?}");
    }
    assert_eq!(app.editor().unwrap().focus, Focus::Editor, "never left");
    // ↑ walks back: from the notes to the end of the signature's date.
    press(&mut app, "Up Up");
    assert_eq!(active_field(&app), Field::SignatureDate);
    assert_eq!(cursor(&app), (0, texts[order.len() - 2].chars().count()));
}

#[test]
fn up_at_the_first_line_goes_to_the_end_of_the_previous_item() {
    let mut start = doc_with(&[2]);
    start.sections[0].items[0].body = "一段\n两段".into();
    start.sections[0].items[1].heading = "第二条".into();
    let mut app = editor(start, Lang::Zh);
    // Title, preamble, section, item 1, item 2.
    press(&mut app, "j j j j Enter");
    assert_eq!(active_field(&app), Field::ItemHeading(0, 1));
    press(&mut app, "Up");
    assert_eq!(entry(&app), Entry::Item(ItemRef::new(0, 0)));
    assert_eq!(active_field(&app), Field::ItemBody(0, 0));
    assert_eq!(cursor(&app), (1, 2), "at the end of the body");
}

#[test]
fn enter_at_the_end_of_a_heading_goes_to_its_body() {
    let mut app = editor(doc_with(&[1]), Lang::En);
    press(&mut app, "j j j Enter");
    type_text(&mut app, "加强理论学习");
    press(&mut app, "Enter");
    assert_eq!(active_field(&app), Field::ItemBody(0, 0));
    type_text(&mut app, "全年组织集中学习12次。");
    let item = &doc(&app).sections[0].items[0];
    assert_eq!(item.heading, "加强理论学习");
    assert_eq!(item.body, "全年组织集中学习12次。");
}

#[test]
fn clipboard_round_trip_keeps_paragraphs() {
    let mut start = doc_with(&[2]);
    let body = "第一段，认真学习。\n第二段，狠抓落实。\n\n第四段。";
    start.sections[0].items[0].body = body.into();
    let mut app = editor(start, Lang::Zh);
    press(&mut app, "j j j Enter Down");
    assert_eq!(active_field(&app), Field::ItemBody(0, 0));
    // Ctrl+A Ctrl+C, then Ctrl+V into the next item's body.
    let effects = press(&mut app, "C-a C-c");
    assert_eq!(effects, vec![Effect::CopyToSystem(body.into())]);
    press(&mut app, "C-End Down Enter");
    assert_eq!(active_field(&app), Field::ItemBody(0, 1));
    press(&mut app, "C-v");
    assert_eq!(doc(&app).sections[0].items[1].body, body);
    // Ctrl+X takes a selection out; Ctrl+V puts it back where it was.
    press(&mut app, "C-Home S-End C-x");
    assert_eq!(
        doc(&app).sections[0].items[1].body,
        "\n第二段，狠抓落实。\n\n第四段。"
    );
    press(&mut app, "C-v");
    assert_eq!(doc(&app).sections[0].items[1].body, body);
    // Into a heading, the paragraphs join as Chinese is written: no spaces.
    press(&mut app, "C-a C-c C-Home Up C-v");
    assert_eq!(
        doc(&app).sections[0].items[1].heading,
        "第一段，认真学习。第二段，狠抓落实。第四段。"
    );
}

#[test]
fn a_paste_into_a_heading_joins_lines_without_ascii_spaces() {
    let mut app = editor(doc_with(&[1]), Lang::Zh);
    press(&mut app, "j j j Enter");
    app.handle_paste("坚持强化理论武装\r\n不断提高政治站位");
    assert_eq!(
        doc(&app).sections[0].items[0].heading,
        "坚持强化理论武装不断提高政治站位"
    );
}

#[test]
fn the_outline_copies_cuts_and_pastes_whole_items_and_sections() {
    let mut start = doc_with(&[2, 1]);
    start.sections[0].title = "工作开展情况".into();
    start.sections[0].items[0] = Item::new("甲", "甲的正文\n第二段");
    start.sections[0].items[1].heading = "乙".into();
    start.sections[1].title = "存在问题".into();
    start.sections[1].items[0].heading = "丙".into();
    let mut app = editor(start.clone(), Lang::Zh);
    // Copy item 甲 and paste it after 丙.
    press(&mut app, "j j j C-c");
    assert_eq!(entry(&app), Entry::Item(ItemRef::new(0, 0)));
    press(&mut app, "j j j C-v");
    assert_eq!(doc(&app).sections[1].items[1], start.sections[0].items[0]);
    // Cut section 一 and paste it after the (now first) section.
    press(&mut app, "g j j C-x");
    assert_eq!(doc(&app).sections.len(), 1);
    assert_eq!(doc(&app).sections[0].title, "存在问题");
    press(&mut app, "C-v");
    assert_eq!(doc(&app).sections[1], start.sections[0]);
    // In the outline the copy is whole: undo takes the paste back.
    press(&mut app, "u");
    assert_eq!(doc(&app).sections.len(), 1);
}

#[test]
fn home_end_ctrl_home_end_and_ctrl_arrows_in_a_field() {
    let mut start = doc_with(&[1]);
    // A paragraph long enough to wrap in the editor pane.
    let long: String = "认真学习党的二十大精神，".repeat(12);
    start.sections[0].items[0].body = format!("{long}\n第二段 Party building，2020年");
    let mut app = editor(start, Lang::Zh);
    press(&mut app, "j j j Enter Down");
    let mut before = render(&mut app, 80, 24);
    let (_, screen_row) = common::cursor(&mut before);
    // End: the end of the first screen line, not of the paragraph; the
    // terminal's cursor stays on that screen line.
    press(&mut app, "End");
    let mut after = render(&mut app, 80, 24);
    assert_eq!(
        common::cursor(&mut after).1,
        screen_row,
        "End stays on the line"
    );
    let (row, first_end) = cursor(&app);
    assert_eq!(row, 0);
    assert!(
        first_end > 0 && first_end < long.chars().count(),
        "{first_end}"
    );
    // End again: the end of the paragraph.
    press(&mut app, "End");
    assert_eq!(cursor(&app), (0, long.chars().count()));
    // Home: the start of the (last) screen line, then of the paragraph.
    render(&mut app, 80, 24);
    press(&mut app, "Home");
    let (_, line_start) = cursor(&app);
    assert!(line_start > 0, "{line_start}");
    press(&mut app, "Home");
    assert_eq!(cursor(&app), (0, 0));
    // Ctrl+→ stops after each run of Chinese and at each punctuation mark.
    press(&mut app, "C-Right");
    assert_eq!(cursor(&app), (0, 11), "认真学习党的二十大精神|，");
    press(&mut app, "C-Right");
    assert_eq!(cursor(&app), (0, 12), "after the comma");
    press(&mut app, "C-Left C-Left");
    assert_eq!(cursor(&app), (0, 0));
    // Ctrl+End / Ctrl+Home: the end and the start of the field.
    press(&mut app, "C-End");
    assert_eq!(
        cursor(&app),
        (1, "第二段 Party building，2020年".chars().count())
    );
    press(&mut app, "C-Left");
    assert_eq!(
        cursor(&app).1,
        "第二段 Party building，2020".chars().count()
    );
    press(&mut app, "C-Left C-Left");
    assert_eq!(cursor(&app).1, "第二段 Party building".chars().count());
    press(&mut app, "C-Left");
    assert_eq!(cursor(&app).1, "第二段 Party ".chars().count());
    press(&mut app, "C-Home");
    assert_eq!(cursor(&app), (0, 0));
    // Nothing of this changed the text.
    assert!(field_text(&app).starts_with(&long));
}

#[test]
fn deleting_an_item_keeps_the_selection_in_place() {
    let mut start = doc_with(&[3, 1]);
    for (i, item) in start.sections[0].items.iter_mut().enumerate() {
        item.heading = format!("条目{i}");
    }
    let mut app = editor(start, Lang::Zh);
    // The middle item: the next one takes its place.
    press(&mut app, "j j j j d");
    assert_eq!(entry(&app), Entry::Item(ItemRef::new(0, 1)));
    assert_eq!(doc(&app).sections[0].items[1].heading, "条目2");
    // The last item: the previous one is selected, not the section.
    press(&mut app, "d");
    assert_eq!(entry(&app), Entry::Item(ItemRef::new(0, 0)));
    // The only item: its section.
    press(&mut app, "d");
    assert_eq!(entry(&app), Entry::Section(0));
}

#[test]
fn deleting_a_section_with_text_asks_first_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let mut start = doc_with(&[1, 0]);
        start.sections[0].title = "工作开展情况".into();
        start.sections[0].items[0].body = "已经写好的一段".into();
        start.sections[1].title = "空的部分".into();
        let mut app = editor(start.clone(), lang);
        press(&mut app, "j j d");
        let shown = screen(&render(&mut app, 100, 30));
        let question = lang.pick("确定删除整个部分吗？", "Delete the whole section?");
        assert!(shown.contains(question), "{shown}");
        assert_eq!(*doc(&app), start, "nothing deleted before the answer");
        press(&mut app, "n");
        assert_eq!(*doc(&app), start, "n keeps it");
        press(&mut app, "d Esc");
        assert_eq!(*doc(&app), start, "Esc keeps it");
        let effects = press(&mut app, "d y");
        assert!(effects.contains(&Effect::Save));
        assert_eq!(doc(&app).sections.len(), 1);
        assert_eq!(entry(&app), Entry::Section(0), "the next section");
        // A section without text goes at once.
        press(&mut app, "d");
        assert!(doc(&app).sections.is_empty());
        press(&mut app, "u u");
        assert_eq!(*doc(&app), start);
    }
}

#[test]
fn copy_without_a_selection_and_paste_when_empty_say_why() {
    let mut app = editor(doc_with(&[1]), Lang::En);
    press(&mut app, "j j j Enter");
    let effects = press(&mut app, "C-c");
    assert!(effects.is_empty());
    let said = app.message.as_ref().unwrap().text.clone();
    assert!(said.contains("Select text first"), "{said}");
    app.handle_key(KeyEvent::new(KeyCode::Char('v'), KeyModifiers::CONTROL));
    let said = app.message.as_ref().unwrap().text.clone();
    assert!(said.contains("clipboard is empty"), "{said}");
}

#[test]
fn reopening_returns_to_the_part_and_cursor_where_it_was_left() {
    let mut start = doc_with(&[3]);
    start.sections[0].items[2].body = "第一段\n第二段写到这里".into();
    let dir = tempfile::tempdir().unwrap();
    let store = zongjie::storage::Store::new(dir.path());
    let id = store.create(None, &start).unwrap();
    let location = store.location(&id);
    let mut app = App::with_editor(Default::default(), start.clone(), location.clone());
    press(&mut app, "j j j j j Enter Down C-End Left Left");
    let left_at = (entry(&app), active_field(&app), cursor(&app));
    assert_eq!(left_at.1, Field::ItemBody(0, 2));
    assert_eq!(left_at.2, (1, 5));
    // Leaving: the runner stores the position beside the drafts.
    store
        .remember_position(&location, app.editor().unwrap().position())
        .unwrap();
    assert!(
        !std::fs::read_to_string(&location.path)
            .unwrap()
            .contains("row"),
        "not in the draft's text"
    );
    let mut again = App::with_editor(Default::default(), start, location.clone());
    let position = store.position(&location).unwrap();
    again.editor_mut().unwrap().go_to_position(&position);
    assert_eq!(
        (entry(&again), active_field(&again), cursor(&again)),
        left_at
    );
    assert_eq!(again.editor().unwrap().focus, Focus::Editor);
    // Typing goes where the cursor was.
    type_text(&mut again, "X");
    assert_eq!(
        doc(&again).sections[0].items[2].body,
        "第一段\n第二段写到X这里"
    );
    // A position in a part that is gone leaves the editor at the start.
    let mut smaller = App::with_editor(Default::default(), doc_with(&[1]), location);
    smaller.editor_mut().unwrap().go_to_position(&position);
    assert_eq!(entry(&smaller), Entry::Title);
}
