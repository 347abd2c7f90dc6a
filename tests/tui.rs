//! The editor driven by key events, as a writer uses it: the document and
//! the screen after each step.

mod common;

use common::{cursor, editor, keys, press, render, screen, type_text};
use zongjie::app::{Effect, Focus};
use zongjie::document::{Document, Field, Item, NumberingStyle, Section, SectionKind};
use zongjie::docx::ExportFormat;
use zongjie::i18n::Lang;
use zongjie::plain_text::{ExportOptions, export_text};
use zongjie::templates::Template;

fn sample() -> Document {
    Template::find("party-branch")
        .unwrap()
        .document(Some("XX党支部2020年上半年党建工作总结"))
}

fn headings(doc: &Document, section: usize) -> Vec<String> {
    doc.sections[section]
        .items
        .iter()
        .map(|i| i.heading.clone())
        .collect()
}

#[test]
fn key_spelling_helper() {
    let k = keys("J C-s A-Down F1 S-Tab");
    assert_eq!(k.len(), 5);
    assert_eq!(k[0].code, crossterm::event::KeyCode::Char('J'));
    assert!(
        k[0].modifiers
            .contains(crossterm::event::KeyModifiers::SHIFT)
    );
}

#[test]
fn moving_a_section_renumbers_everything() {
    let mut app = editor(sample(), Lang::Zh);
    // Title, preamble, 一、基本情况, 二、工作开展情况 — select 二 and move it up.
    let effects = press(&mut app, "j j j K");
    assert!(
        effects.contains(&Effect::Save),
        "a structural change is saved at once"
    );
    let doc = &app.editor().unwrap().doc;
    assert_eq!(doc.sections[0].title, "工作开展情况");
    let text = export_text(doc, &ExportOptions::default());
    assert!(text.contains("\n一、工作开展情况\n"));
    assert!(text.contains("\n二、党支部基本情况\n"));
    let shown = screen(&render(&mut app, 120, 40));
    assert!(shown.contains("▶一、工作开展情况"), "{shown}");
}

#[test]
fn items_cross_into_the_neighbouring_section_and_undo_restores() {
    let original = sample();
    let mut app = editor(original.clone(), Lang::Zh);
    // Select the last item of 二、工作开展情况 （四） and move it down twice.
    press(&mut app, "j j j j j j j J");
    let doc = &app.editor().unwrap().doc;
    assert_eq!(doc.sections[1].items.len(), 3);
    assert_eq!(headings(doc, 2)[0], "坚持改进作风，不断树立良好形象");
    press(&mut app, "A-Down");
    assert_eq!(
        headings(&app.editor().unwrap().doc, 2)[1],
        "坚持改进作风，不断树立良好形象"
    );
    press(&mut app, "u u");
    assert_eq!(app.editor().unwrap().doc, original);
    press(&mut app, "C-y");
    assert_eq!(
        headings(&app.editor().unwrap().doc, 2)[0],
        "坚持改进作风，不断树立良好形象"
    );
}

#[test]
fn new_item_new_section_delete_and_style() {
    let mut app = editor(sample(), Lang::Zh);
    press(&mut app, "j j j j");
    // `a` adds an item after the selection and starts editing its heading.
    press(&mut app, "a");
    assert_eq!(app.editor().unwrap().focus, Focus::Editor);
    type_text(&mut app, "新的条目");
    press(&mut app, "Esc");
    assert_eq!(headings(&app.editor().unwrap().doc, 1)[1], "新的条目");
    // `A` asks for a kind; 4 = 存在问题.
    press(&mut app, "A 4");
    let doc = &app.editor().unwrap().doc;
    assert_eq!(doc.sections[2].kind, SectionKind::Problems);
    assert_eq!(doc.sections[2].title, "存在的问题");
    // n cycles the numbering style of the section.
    press(&mut app, "n");
    assert_eq!(
        app.editor().unwrap().doc.sections[2].style,
        NumberingStyle::Ordinal
    );
    // `c` opens the same list of kinds as `A`, at the section's kind: ↓ Enter.
    press(&mut app, "c Down Enter");
    assert_eq!(
        app.editor().unwrap().doc.sections[2].kind,
        SectionKind::Next
    );
    let sections = app.editor().unwrap().doc.sections.len();
    press(&mut app, "d");
    assert_eq!(app.editor().unwrap().doc.sections.len(), sections - 1);
    press(&mut app, "u");
    assert_eq!(app.editor().unwrap().doc.sections.len(), sections);
}

#[test]
fn a_typed_phrase_is_one_undo_step_in_the_field_and_in_the_outline() {
    let original = sample();
    let mut app = editor(original.clone(), Lang::Zh);
    press(&mut app, "Enter");
    press(&mut app, "End");
    type_text(&mut app, "（修订）");
    assert_eq!(
        app.editor().unwrap().doc.title,
        "XX党支部2020年上半年党建工作总结（修订）"
    );
    press(&mut app, "C-z");
    assert_eq!(app.editor().unwrap().doc, original);
    press(&mut app, "C-y");
    type_text(&mut app, "版");
    press(&mut app, "Esc u");
    assert!(app.editor().unwrap().doc.title.ends_with("（修订）"));
    press(&mut app, "u");
    assert_eq!(app.editor().unwrap().doc, original);
    press(&mut app, "C-y C-y");
    assert!(app.editor().unwrap().doc.title.ends_with("（修订）版"));
}

#[test]
fn editing_every_kind_of_field() {
    let mut app = editor(sample(), Lang::En);
    // Title entry: Enter moves from title to organization to period.
    press(&mut app, "Enter Enter");
    type_text(&mut app, "市委");
    press(&mut app, "Enter");
    type_text(&mut app, "年度");
    press(&mut app, "Esc G Enter");
    type_text(&mut app, "素材");
    press(&mut app, "Esc k Enter Down");
    type_text(&mut app, "日期");
    press(&mut app, "Esc");
    let doc = &app.editor().unwrap().doc;
    assert!(doc.organization.starts_with("市委"));
    assert!(doc.period.starts_with("年度"));
    assert!(doc.notes.starts_with("素材"));
    assert!(doc.signature.date.starts_with("日期"));
}

#[test]
fn ctrl_s_saves_ctrl_q_saves_and_quits_ctrl_e_exports() {
    let mut app = editor(sample(), Lang::Zh);
    assert_eq!(press(&mut app, "C-s"), vec![Effect::Save]);
    // Ctrl+E asks which format; Enter takes the selected one (.txt first).
    assert_eq!(press(&mut app, "C-e"), vec![]);
    assert_eq!(
        press(&mut app, "Enter"),
        vec![Effect::Export(ExportFormat::Txt)]
    );
    assert_eq!(
        press(&mut app, "C-e Down Enter"),
        vec![Effect::Export(ExportFormat::Docx)]
    );
    assert_eq!(
        press(&mut app, "C-e d"),
        vec![Effect::Export(ExportFormat::Docx)]
    );
    assert_eq!(press(&mut app, "C-e Esc"), vec![]);
    assert!(app.editor().unwrap().popup.is_none());
    assert_eq!(press(&mut app, "C-q"), vec![Effect::SaveAndQuit]);
}

#[test]
fn a_failed_save_keeps_the_text_and_says_so() {
    let mut app = editor(sample(), Lang::Zh);
    press(&mut app, "Enter");
    type_text(&mut app, "改");
    app.save_done(Err("No space left on device (os error 28)".into()));
    let e = app.editor().unwrap();
    assert!(e.dirty, "still unsaved");
    assert!(e.doc.title.starts_with("改"));
    let shown = screen(&render(&mut app, 120, 40));
    assert!(shown.contains("保存失败"), "{shown}");
    app.save_done(Ok("10:42".into()));
    let shown = screen(&render(&mut app, 120, 40));
    assert!(shown.contains("已保存 10:42"), "{shown}");
}

#[test]
fn autosave_after_a_pause() {
    let mut app = editor(sample(), Lang::Zh);
    assert!(app.next_deadline().is_none());
    press(&mut app, "Enter");
    type_text(&mut app, "字");
    let deadline = app.next_deadline().expect("a change schedules a save");
    assert!(
        app.tick(deadline - std::time::Duration::from_millis(1))
            .is_empty()
    );
    assert_eq!(app.tick(deadline), vec![Effect::Save]);
}

#[test]
fn cursor_follows_cjk_text_and_soft_wraps() {
    let mut doc = sample();
    doc.sections[1].items[0].body = String::new();
    let mut app = editor(doc, Lang::Zh);
    // Item （一） of section 二 is entry 4 (section 一 has no items).
    press(&mut app, "j j j j Enter Down");
    let mut t = render(&mut app, 120, 40);
    let (x0, y0) = cursor(&mut t);
    type_text(&mut app, "党建");
    let mut t = render(&mut app, 120, 40);
    assert_eq!(
        cursor(&mut t),
        (x0 + 4, y0),
        "two wide characters move the cursor four columns"
    );
    // Fill more than one row of the body: the cursor wraps to the next row.
    let shown = screen(&t);
    let pane_width = shown.lines().nth(y0 as usize).unwrap().chars().count();
    assert!(pane_width > 0);
    type_text(&mut app, &"学".repeat(60));
    let mut t = render(&mut app, 120, 40);
    let (x, y) = cursor(&mut t);
    assert!(y > y0, "wrapped to a later row ({x}, {y})");
    // The character before the cursor is the last one typed.
    let buffer = t.backend().buffer();
    assert_eq!(buffer[(x - 2, y)].symbol(), "学");
}

#[test]
fn paste_is_text_not_commands() {
    let mut app = editor(sample(), Lang::Zh);
    // In the outline, a paste does nothing (it is not read as keys).
    let before = app.editor().unwrap().doc.clone();
    app.handle_paste("dddd");
    assert_eq!(app.editor().unwrap().doc, before);
    press(&mut app, "j j j j Enter Down");
    app.handle_paste("第一段\r\n第二段\u{1b}[31m");
    let body = &app.editor().unwrap().doc.sections[1].items[0].body;
    assert!(body.starts_with("第一段\n第二段[31m"), "{body:?}");
}

#[test]
fn find_jumps_and_replace_all_is_undoable() {
    let mut app = editor(sample(), Lang::Zh);
    press(&mut app, "C-f");
    type_text(&mut app, "改进作风");
    let e = app.editor().unwrap();
    assert_eq!(e.focus, Focus::Editor);
    assert_eq!(e.fields.active().unwrap().field, Field::ItemHeading(1, 3));
    press(&mut app, "Esc Esc");
    press(&mut app, "C-r");
    type_text(&mut app, "XX");
    press(&mut app, "Tab");
    type_text(&mut app, "某");
    let placeholders = app.editor().unwrap().counts.placeholders;
    assert!(placeholders > 5);
    press(&mut app, "C-a");
    let e = app.editor().unwrap();
    assert!(!export_text(&e.doc, &ExportOptions::default()).contains("XX"));
    assert!(app.message.as_ref().unwrap().text.starts_with("已替换"));
    press(&mut app, "u");
    assert!(export_text(&app.editor().unwrap().doc, &ExportOptions::default()).contains("XX"));
}

#[test]
fn help_is_generated_from_the_keymap_in_both_languages() {
    for (lang, needles) in [
        (Lang::Zh, ["帮助", "上移所选条目或部分", "Alt+↑ / K"]),
        (
            Lang::En,
            ["Help", "Move the item or section up", "Alt+↑ / K"],
        ),
    ] {
        let mut app = editor(sample(), lang);
        press(&mut app, "F1");
        let shown = screen(&render(&mut app, 120, 40));
        for n in needles {
            assert!(shown.contains(n), "{n} in\n{shown}");
        }
        press(&mut app, "x");
        assert!(!app.help);
    }
}

#[test]
fn controls_in_a_draft_never_reach_the_screen_raw() {
    let mut doc = sample();
    doc.title = "标题\u{1b}[2J\u{7}".into();
    doc.sections[0]
        .items
        .push(Item::new("\u{9b}31m", "正文\u{202e}反转"));
    let mut app = editor(doc, Lang::Zh);
    press(&mut app, "Enter");
    for (w, h) in [(120, 40), (80, 24), (40, 12)] {
        let t = render(&mut app, w, h);
        for cell in t.backend().buffer().content() {
            assert!(
                !cell.symbol().chars().any(zongjie::sanitize::needs_escape),
                "{:?}",
                cell.symbol()
            );
        }
    }
}

/// A draft full of what breaks layouts: wide characters, emoji, combining
/// marks, controls, long lines; drawn at every size without a panic, and no
/// wide character split by a border.
#[test]
fn every_size_from_1x1_to_120x40() {
    let mut doc = sample();
    doc.title = "😀👨‍👩‍👧‍👦e\u{301}标题\u{1b}".repeat(5);
    doc.preamble = "长".repeat(3000);
    let mut section = Section::new(SectionKind::Custom, "\u{7}控制\tTab");
    for i in 0..30 {
        section.items.push(Item::new(
            format!("第{i}项😀"),
            "a\u{300}b\u{1b}[1m".repeat(40),
        ));
    }
    doc.sections.push(section);
    for focus_keys in ["", "Enter", "Tab Tab"] {
        let mut app = editor(doc.clone(), Lang::Zh);
        press(&mut app, focus_keys);
        for w in 1..=120u16 {
            for h in 1..=40u16 {
                if w > 30 && h > 12 && (w % 7 != 0 && h % 5 != 0) && w != 120 {
                    continue; // every small size, and a grid of the large ones
                }
                let t = render(&mut app, w, h);
                let buffer = t.backend().buffer();
                for cell in buffer.content() {
                    assert!(!cell.symbol().chars().any(zongjie::sanitize::needs_escape));
                }
            }
        }
    }
}

#[test]
fn a_tiny_window_says_so() {
    let mut app = editor(sample(), Lang::Zh);
    let shown = screen(&render(&mut app, 20, 5));
    assert!(shown.contains("窗口太小"), "{shown}");
    let mut app = editor(sample(), Lang::En);
    let shown = screen(&render(&mut app, 23, 5));
    assert!(shown.contains("Window"), "{shown}");
}

#[test]
fn findings_pane_jumps_fixes_and_undoes() {
    let mut doc = sample();
    doc.sections[1].items[0].body = "学习深入,效果明显。".into();
    let mut app = editor(doc, Lang::Zh);
    let before = app.editor().unwrap().doc.clone();
    press(&mut app, "F7");
    let e = app.editor().unwrap();
    assert_eq!(e.focus, Focus::Findings);
    let index = e
        .findings
        .iter()
        .position(|f| f.code == zongjie::check::Code::HalfWidthPunctuation)
        .expect("the half-width comma is found");
    let shown = screen(&render(&mut app, 120, 40));
    assert!(shown.contains("检查"), "{shown}");
    for _ in 0..index {
        press(&mut app, "Down");
    }
    // Enter jumps to the place, with the cursor on it.
    press(&mut app, "Enter");
    let e = app.editor().unwrap();
    assert_eq!(e.focus, Focus::Editor);
    assert_eq!(e.fields.active().unwrap().field, Field::ItemBody(1, 0));
    assert_eq!(e.fields.active().unwrap().area.cursor(), (0, 5));
    // Back to the pane (the selection is kept), fix it with one key, undo it in the outline.
    press(&mut app, "Esc F7");
    let effects = press(&mut app, "f");
    assert!(effects.contains(&Effect::Save));
    assert_eq!(
        app.editor().unwrap().doc.sections[1].items[0].body,
        "学习深入，效果明显。"
    );
    press(&mut app, "Esc u");
    assert_eq!(app.editor().unwrap().doc, before);
}

#[test]
fn a_click_in_the_editor_puts_the_cursor_there() {
    use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut doc = sample();
    doc.sections[1].items[0].body = "甲乙丙丁戊己".into();
    let mut app = editor(doc, Lang::Zh);
    press(&mut app, "j j j j");
    let t = render(&mut app, 120, 40);
    // Find 丙 on the screen.
    let buffer = t.backend().buffer();
    let (x, y) = (0..40u16)
        .flat_map(|y| (0..120u16).map(move |x| (x, y)))
        .find(|&(x, y)| buffer[(x, y)].symbol() == "丙")
        .expect("the body is on screen");
    let click = |column, row| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(click(x, y));
    let e = app.editor().unwrap();
    assert_eq!(e.focus, Focus::Editor);
    let active = e.fields.active().unwrap();
    assert_eq!(active.field, Field::ItemBody(1, 0));
    assert_eq!(active.area.cursor(), (0, 2), "the cursor is before 丙");
    type_text(&mut app, "子");
    assert_eq!(
        app.editor().unwrap().doc.sections[1].items[0].body,
        "甲乙子丙丁戊己"
    );
}

#[test]
fn typing_in_an_item_keeps_the_preview_of_its_section_whole() {
    let mut doc = sample();
    let body = "第一段。\n第二段。\n第三段。";
    doc.sections[1].items[1].body = body.into();
    let mut app = editor(doc, Lang::Zh);
    // At 120×40 the heading is one row: Down goes on to the body.
    render(&mut app, 120, 40);
    // The second item of 二、工作开展情况, its body: on screen with its
    // section in the preview.
    press(&mut app, "j j j j j Enter Down");
    render(&mut app, 120, 40);
    // A new paragraph in the middle of the body, then text in it.
    press(&mut app, "Down End Enter");
    type_text(&mut app, "新的一段");
    let shown = screen(&render(&mut app, 120, 40));
    let e = app.editor().unwrap();
    assert_eq!(
        e.doc.sections[1].items[1].body,
        "第一段。\n第二段。\n新的一段\n第三段。"
    );
    assert!(shown.contains("新的一段"), "{shown}");
}

#[test]
fn the_preview_scrolls_line_by_line_through_the_wrapped_export() {
    let mut app = editor(sample(), Lang::Zh);
    let layout = zongjie::layout::editor_layout(
        ratatui::layout::Rect::new(0, 0, 120, 40),
        Focus::Preview,
        false,
    );
    let pane = layout.preview.expect("a preview at 120x40");
    let (x, width) = (pane.x + 1, usize::from(pane.width - 2));
    let text = export_text(&app.editor().unwrap().doc, &ExportOptions::default());
    let rows: Vec<String> = text
        .lines()
        .flat_map(|l| zongjie::plain_text::wrap_screen_line(l, width))
        .map(str::to_string)
        .collect();
    let first_row = |app: &mut zongjie::app::App| {
        let t = render(app, 120, 40);
        let buffer = t.backend().buffer();
        let mut first = String::new();
        let mut skip = 0;
        for cx in x..x + width as u16 {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(cx, pane.y + 1)].symbol();
            first.push_str(symbol);
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
        }
        first.trim_end().to_string()
    };
    press(&mut app, "Tab Tab");
    assert_eq!(app.editor().unwrap().focus, Focus::Preview);
    // Down to the last screen, where ↓ stops (issue 17: PgDn stops at the end).
    let last_top = rows.len().saturating_sub(usize::from(pane.height - 2));
    for (scrolled, row) in rows.iter().take(last_top + 1).enumerate() {
        assert_eq!(&first_row(&mut app), row, "scrolled {scrolled}");
        press(&mut app, "j");
    }
    assert_eq!(first_row(&mut app), rows[last_top], "stopped at the end");
    // From an item further down, up through the paragraphs above it.
    press(&mut app, "Esc j j j j j");
    let anchor = rows
        .iter()
        .position(|r| r.starts_with("（二）坚持规范组织建设"))
        .expect("the item's first row");
    press(&mut app, "Tab Tab");
    // Up to the first row (the template's hints are not exported, so the
    // item is fewer rows down than twelve).
    for scrolled in 0..=anchor.min(12) {
        assert_eq!(
            first_row(&mut app),
            rows[anchor - scrolled],
            "up {scrolled}"
        );
        press(&mut app, "k");
    }
    assert!(anchor >= 6, "the test still scrolls a way up: {anchor}");
}
