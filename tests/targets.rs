//! Target lengths from the editor, as a writer sets them: `t` on a section
//! (or the title, for the whole draft), the status bar's 本节 N/T 字 ·
//! 全文 N/T 字, the outline's marks for sections far under or over, undo,
//! and the target kept in the draft file.

mod common;

use common::{editor, press, render, screen, type_text};
use zongjie::app::Effect;
use zongjie::document::{Document, Item, Section, SectionKind, count_chars};
use zongjie::i18n::Lang;
use zongjie::storage::{parse_draft, write_draft};

fn doc() -> Document {
    let mut work = Section::new(SectionKind::Work, "工作开展情况");
    work.items
        .push(Item::new("理论学习", "组织集中学习十二次。"));
    let mut next = Section::new(SectionKind::Next, "下一步打算");
    next.items.push(Item::new("强化政治建设", "措施。"));
    Document {
        title: "XX党支部2020年上半年党建工作总结".into(),
        sections: vec![work, next],
        ..Document::default()
    }
}

/// The status bar: the last line of the screen.
fn status(app: &mut zongjie::app::App) -> String {
    let screen = screen(&render(app, 120, 30));
    screen.lines().last().unwrap().to_string()
}

#[test]
fn targets_are_set_shown_marked_undone_and_kept() {
    let doc = doc();
    // The oracle: characters counted as a reader would, without the code.
    let section_chars = count_chars("工作开展情况理论学习组织集中学习十二次。");
    let total: usize = [
        "XX党支部2020年上半年党建工作总结",
        "工作开展情况",
        "理论学习",
        "组织集中学习十二次。",
        "下一步打算",
        "强化政治建设",
        "措施。",
    ]
    .iter()
    .map(|t| count_chars(t))
    .sum();
    let mut app = editor(doc, Lang::Zh);
    // The title: the whole draft's target.
    let effects = press(&mut app, "t");
    assert!(effects.is_empty());
    let prompt = screen(&render(&mut app, 120, 30));
    assert!(prompt.contains("目标字数"), "{prompt}");
    type_text(&mut app, "3000");
    assert_eq!(press(&mut app, "Enter"), vec![Effect::Save]);
    assert_eq!(app.editor().unwrap().doc.target_chars, Some(3000));
    assert!(
        status(&mut app).contains(&format!("全文 {total}/3,000 字")),
        "{}",
        status(&mut app)
    );

    // 一、工作开展情况: a target of 100 leaves it far under, and marked.
    press(&mut app, "j j");
    press(&mut app, "t");
    type_text(&mut app, "100");
    press(&mut app, "Enter");
    assert_eq!(
        app.editor().unwrap().doc.sections[0].target_chars,
        Some(100)
    );
    let line = status(&mut app);
    assert!(
        line.contains(&format!("本节 {section_chars}/100 字")),
        "{line}"
    );
    let screen_text = screen(&render(&mut app, 120, 30));
    let outline_line = screen_text
        .lines()
        .find(|l| l.starts_with("│") && l.contains("一、工作开展情况"))
        .unwrap();
    assert!(outline_line.contains("↓字数少"), "{outline_line}");
    // Far over: more than 1.5 times a target of 5.
    press(&mut app, "t BackSpace BackSpace BackSpace");
    type_text(&mut app, "5");
    press(&mut app, "Enter");
    let screen_text = screen(&render(&mut app, 120, 30));
    let outline_line = screen_text
        .lines()
        .find(|l| l.starts_with("│") && l.contains("一、工作开展情况"))
        .unwrap();
    assert!(outline_line.contains("↑字数多"), "{outline_line}");
    // 二、下一步打算 has no target: no mark, no /T.
    let next_line = screen_text
        .lines()
        .find(|l| l.starts_with("│") && l.contains("二、下一步打算"))
        .unwrap();
    assert!(
        !next_line.contains('↓') && !next_line.contains('↑'),
        "{next_line}"
    );

    // Undo puts 100 back; an empty answer clears it.
    press(&mut app, "u");
    assert_eq!(
        app.editor().unwrap().doc.sections[0].target_chars,
        Some(100)
    );
    press(&mut app, "t BackSpace BackSpace BackSpace Enter");
    assert_eq!(app.editor().unwrap().doc.sections[0].target_chars, None);
    assert!(status(&mut app).contains(&format!("本节 {section_chars} 字")));
    // Esc leaves it as it was.
    press(&mut app, "t");
    type_text(&mut app, "42");
    press(&mut app, "Esc");
    assert_eq!(app.editor().unwrap().doc.sections[0].target_chars, None);

    // Kept in the file, with the English status bar too.
    press(&mut app, "t");
    type_text(&mut app, "800");
    press(&mut app, "Enter");
    let saved = write_draft(&app.editor().unwrap().doc);
    assert!(
        saved.contains("style = \"paren\"\ntarget_chars = 800\n"),
        "{saved}"
    );
    let back = parse_draft(&saved).unwrap();
    assert_eq!(back, app.editor().unwrap().doc);
    let mut app = editor(back, Lang::En);
    press(&mut app, "j j");
    let line = status(&mut app);
    assert!(
        line.contains(&format!("section {section_chars}/800 chars")),
        "{line}"
    );
    assert!(
        line.contains(&format!("total {total}/3,000 chars")),
        "{line}"
    );
}
