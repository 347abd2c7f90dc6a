//! The small things a new user tripped over (issue 17's "small ones"),
//! each driven by keys and checked on the document or the screen.

mod common;

use common::{editor, press, render, screen, type_text};
use zongjie::app::{App, Entry, Focus, Popup};
use zongjie::document::{Document, Field, Item, ItemRef, Section, SectionKind};
use zongjie::i18n::Lang;
use zongjie::plain_text::{ExportOptions, export_text};
use zongjie::templates::Template;

fn sample() -> Document {
    Template::find("party-branch")
        .unwrap()
        .document(Some("XX党支部2020年上半年党建工作总结"))
}

fn find_popup(app: &App) -> zongjie::app::FindState {
    match &app.editor().unwrap().popup {
        Some(Popup::Find(state)) => state.clone(),
        other => panic!("no find bar: {other:?}"),
    }
}

#[test]
fn ctrl_r_starts_with_the_ctrl_f_text() {
    let mut app = editor(sample(), Lang::Zh);
    press(&mut app, "C-f");
    type_text(&mut app, "党建");
    press(&mut app, "Esc C-r");
    let state = find_popup(&app);
    assert_eq!(state.query, "党建");
    assert_eq!(state.replacement.as_deref(), Some(""));
    assert!(!state.matches.is_empty(), "already searched");
    // Tab goes on to the replacement with that text; typing a new query
    // instead replaces the recalled one, as a selection would be.
    press(&mut app, "Tab");
    type_text(&mut app, "党的建设");
    let state = find_popup(&app);
    assert_eq!(
        (state.query.as_str(), state.replacement.as_deref()),
        ("党建", Some("党的建设"))
    );
    press(&mut app, "Esc C-r");
    type_text(&mut app, "支部");
    assert_eq!(find_popup(&app).query, "支部");
    // And Ctrl+R inside the find bar turns it into replace, keeping the text.
    press(&mut app, "Esc C-f C-r");
    let state = find_popup(&app);
    assert_eq!(state.query, "支部");
    assert!(state.replacement.is_some());
}

#[test]
fn search_runs_in_reading_order() {
    let doc = Document {
        title: "甲".into(),
        organization: "甲".into(),
        period: "甲".into(),
        preamble: "甲".into(),
        notes: "甲".into(),
        sections: vec![Section {
            items: vec![Item::new("甲", "甲")],
            ..Section::new(SectionKind::Work, "甲")
        }],
        signature: zongjie::document::Signature {
            organization: "甲".into(),
            date: "甲".into(),
        },
        ..Document::default()
    };
    // The order of the outline and of the fields in the editor pane.
    let expected = [
        Field::Title,
        Field::Organization,
        Field::Period,
        Field::Preamble,
        Field::SectionTitle(0),
        Field::ItemHeading(0, 0),
        Field::ItemBody(0, 0),
        Field::SignatureOrganization,
        Field::SignatureDate,
        Field::Notes,
    ];
    let mut app = editor(doc, Lang::Zh);
    press(&mut app, "C-f");
    type_text(&mut app, "甲");
    let mut visited = vec![app.editor().unwrap().fields.active().unwrap().field];
    for _ in 1..expected.len() {
        press(&mut app, "Enter");
        visited.push(app.editor().unwrap().fields.active().unwrap().field);
    }
    assert_eq!(visited, expected);
}

#[test]
fn after_the_last_replacement_the_bar_says_it_is_done() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = editor(sample(), lang);
        press(&mut app, "C-r");
        type_text(&mut app, "专题研讨");
        press(&mut app, "Tab");
        type_text(&mut app, "研讨");
        let n = find_popup(&app).matches.len();
        assert!(n > 0);
        for _ in 0..n {
            press(&mut app, "Enter");
        }
        let shown = screen(&render(&mut app, 100, 30));
        let done = lang
            .pick(
                &format!("已全部替换（{n} 处）"),
                &format!("all replaced ({n})"),
            )
            .to_string();
        assert!(shown.contains(&done), "{shown}");
        assert!(
            !shown.contains(lang.pick("没有找到", "not found")),
            "{shown}"
        );
        let text = export_text(&app.editor().unwrap().doc, &ExportOptions::default());
        assert!(!text.contains("专题研讨"));
    }
}

/// The findings pane (F7) is a list: a letter typed there says so, and
/// which key goes to the selected place, as the outline does.
#[test]
fn typing_in_the_findings_says_why() {
    for lang in [Lang::Zh, Lang::En] {
        let original = sample();
        let mut app = editor(original.clone(), lang);
        press(&mut app, "F7");
        assert_eq!(app.editor().unwrap().focus, zongjie::app::Focus::Findings);
        app.message = None;
        type_text(&mut app, "好");
        let said = app.message.clone().map(|m| m.text).unwrap_or_default();
        assert!(
            said.contains(lang.pick(
                "这里不能输入文字：按 Enter 到所选的一处",
                "cannot be typed here: Enter goes to the selected place"
            )),
            "{said}"
        );
        assert_eq!(app.editor().unwrap().doc, original);
        assert_eq!(app.editor().unwrap().focus, zongjie::app::Focus::Findings);
    }
}

#[test]
fn typing_where_it_cannot_go_says_why() {
    for lang in [Lang::Zh, Lang::En] {
        let original = sample();
        let mut app = editor(original.clone(), lang);
        press(&mut app, "x");
        let said = app.message.clone().unwrap().text;
        assert!(
            said.contains(lang.pick("这里不能输入文字", "cannot be typed here")),
            "{said}"
        );
        // A draft open in another window is read-only: typing says so.
        app.editor_mut().unwrap().read_only = true;
        press(&mut app, "Enter");
        type_text(&mut app, "字");
        let said = app.message.clone().unwrap().text;
        assert!(said.contains(lang.pick("只读", "Read-only")), "{said}");
        assert_eq!(app.editor().unwrap().doc, original);
        // It can still be read: the cursor moves and selects, and nothing
        // changes.
        let field = app.editor().unwrap().fields.active().unwrap().field;
        let before = app.editor().unwrap().fields.active().unwrap().area.cursor();
        press(&mut app, "End");
        let at_end = app.editor().unwrap().fields.active().unwrap().area.cursor();
        assert_ne!(
            at_end, before,
            "End did not move the cursor in a read-only draft"
        );
        press(&mut app, "S-Left S-Left");
        let fa = app.editor().unwrap().fields.active().unwrap();
        assert_eq!(fa.field, field);
        assert!(
            fa.area.selection_range().is_some(),
            "Shift+Left did not select"
        );
        press(&mut app, "Backspace");
        assert_eq!(app.editor().unwrap().doc, original);
    }
}

#[test]
fn page_down_in_the_preview_stops_at_the_end() {
    let mut app = editor(sample(), Lang::Zh);
    render(&mut app, 120, 40);
    // Focus the preview, then far more PgDn than there are pages.
    press(&mut app, "Tab Tab");
    assert_eq!(app.editor().unwrap().focus, Focus::Preview);
    for _ in 0..200 {
        press(&mut app, "PageDown");
    }
    let at_end = app.editor().unwrap().preview_scroll;
    let shown = screen(&render(&mut app, 120, 40));
    // The last line of the export is on screen.
    let text = export_text(&app.editor().unwrap().doc, &ExportOptions::default());
    let last = text.lines().last().unwrap();
    assert!(shown.contains(last), "{last}:\n{shown}");
    // And one PgUp scrolls back at once.
    press(&mut app, "PageUp");
    assert!(app.editor().unwrap().preview_scroll < at_end);
    assert!(at_end < 200, "stopped, at {at_end}");
}

#[test]
fn the_pane_title_says_what_is_edited() {
    let mut app = editor(sample(), Lang::Zh);
    // 二、工作开展情况 › （一）… , the body.
    press(&mut app, "j j j j Enter Down");
    assert_eq!(
        app.editor().unwrap().selected_entry(),
        Entry::Item(ItemRef::new(1, 0))
    );
    let shown = screen(&render(&mut app, 120, 40));
    let first = shown.lines().next().unwrap();
    assert!(
        first.contains("二、工作开展情况 › （一）坚持强化理论武装") && first.contains("· 正文"),
        "{first}"
    );
    // At 80 columns the heading gives way, the field's name stays.
    let shown = screen(&render(&mut app, 80, 24));
    let first = shown.lines().next().unwrap();
    assert!(first.contains("…") && first.contains("· 正文"), "{first}");
}

#[test]
fn the_kind_lists_of_a_and_c_are_one_and_do_not_repeat_names() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = editor(sample(), lang);
        press(&mut app, "j j A");
        let new = screen(&render(&mut app, 100, 30));
        press(&mut app, "Esc c");
        let change = screen(&render(&mut app, 100, 30));
        // The popup's rows, "│ 1 基本情况 │" …, as drawn: one a line.
        let rows = |s: &str| -> Vec<String> {
            let lines: Vec<&str> = s.lines().collect();
            let Some(first) = lines.iter().position(|l| l.contains("│ 1 ")) else {
                return Vec::new();
            };
            (1..=6)
                .filter_map(|n| {
                    let line = lines.get(first + n - 1)?;
                    let at = line.find(&format!(" {n} "))?;
                    let rest = &line[at..];
                    Some(
                        rest[..rest.find('│').unwrap_or(rest.len())]
                            .trim()
                            .to_string(),
                    )
                })
                .collect()
        };
        assert_eq!(rows(&new).len(), 6, "{new}");
        assert_eq!(rows(&new), rows(&change), "{change}");
        let expected = match lang {
            Lang::Zh => "2 工作开展情况",
            Lang::En => "2 Work done (工作开展情况)",
        };
        assert_eq!(rows(&new)[1], expected, "{new}");
        // c then 4: the section's kind is now 存在问题.
        press(&mut app, "4");
        assert_eq!(
            app.editor().unwrap().doc.sections[0].kind,
            SectionKind::Problems
        );
    }
}

#[test]
fn the_english_ui_uses_ascii_punctuation() {
    let mut app = editor(sample(), Lang::En);
    press(&mut app, "Enter");
    let shown = screen(&render(&mut app, 100, 30));
    assert!(shown.contains("Title: "), "{shown}");
    for mark in ["Title：", "Organization：", "Period："] {
        assert!(!shown.contains(mark), "{mark}:\n{shown}");
    }
}

#[test]
fn the_chinese_check_message_says_ju_hao() {
    let mut doc = sample();
    doc.preamble = "支部认真学习.全体党员参加".into();
    let findings = zongjie::check::check(&doc, &Default::default());
    let message = findings
        .iter()
        .find(|f| f.code == zongjie::check::Code::HalfWidthPunctuation)
        .map(|f| f.message(Lang::Zh))
        .unwrap();
    assert!(message.contains("应为句号“。”"), "{message}");
    assert!(!message.contains("点号"), "{message}");
}

#[test]
fn a_long_message_is_never_cut_off() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = editor(sample(), lang);
        let folder = "/media/user/U盘/一个很长的文件夹名称/总结导出/2026年/下半年/第一党支部";
        app.export_done(Err(format!(
            "{}{folder}{}",
            lang.pick("导出目录 ", "the export folder "),
            lang.pick(
                " 不存在，也无法创建：权限不够",
                " does not exist and cannot be made: Permission denied"
            ),
        )));
        let shown = screen(&render(&mut app, 80, 24));
        // The message's characters, in order, over the bottom rows.
        let bottom: String = shown
            .lines()
            .rev()
            .take(3)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .map(str::trim)
            .collect();
        let said = app.message.as_ref().unwrap().text.replace(' ', "");
        assert!(bottom.replace(' ', "").contains(&said), "{said}\n{shown}");
    }
}
