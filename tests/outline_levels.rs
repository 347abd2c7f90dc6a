//! The outline at every level, driven by keys as a writer presses them:
//! Tab folds a row (folded / children / all), Shift+Tab the whole outline,
//! J/K and Alt+↑/↓ move a point with its subtree and across to the
//! neighbouring parent, Alt+←/→ promote and demote, `a` adds a sibling and
//! `i` a child, and undo puts everything back. Each result is compared with
//! the tree written out by hand, and the numbers with the drawn outline.

mod common;

use common::{editor, press, render, screen, type_text};
use zongjie::app::{App, Entry, Focus};
use zongjie::document::{Document, Item, ItemRef, NodeRef, NumberingStyle, Section, SectionKind};
use zongjie::i18n::Lang;

/// 工作: 甲 (甲0 with 甲00, 甲1), 乙 (乙0); 问题: 丙.
fn start() -> Document {
    let mut work = Section::new(SectionKind::Work, "工作");
    work.items = vec![
        Item::new("甲", "").with_children(
            NumberingStyle::Arabic,
            vec![
                Item::new("甲0", "")
                    .with_children(NumberingStyle::ArabicParen, vec![Item::new("甲00", "")]),
                Item::new("甲1", ""),
            ],
        ),
        Item::new("乙", "").with_children(NumberingStyle::Arabic, vec![Item::new("乙0", "")]),
    ];
    let mut problems = Section::new(SectionKind::Problems, "问题");
    problems.items = vec![Item::new("丙", "")];
    Document {
        title: "标题".into(),
        sections: vec![work, problems],
        ..Document::default()
    }
}

/// The document as `level heading` lines, in reading order.
fn tree(doc: &Document) -> Vec<String> {
    fn walk(out: &mut Vec<String>, items: &[Item], level: usize) {
        for item in items {
            out.push(format!("{level}{}", item.heading));
            walk(out, &item.children, level + 1);
        }
    }
    let mut out = Vec::new();
    for s in &doc.sections {
        out.push(format!("1{}", s.title));
        walk(&mut out, &s.items, 2);
    }
    out
}

fn doc(app: &App) -> &Document {
    &app.editor().unwrap().doc
}

fn selected(app: &App) -> Entry {
    app.editor().unwrap().selected_entry()
}

/// The outline rows shown, by their text after the number.
fn rows(app: &App) -> Vec<String> {
    let e = app.editor().unwrap();
    e.entries
        .iter()
        .map(|entry| zongjie::app::entry_text(&e.doc, *entry).to_string())
        .collect()
}

/// Selects the row showing `text` by pressing ↓ from the top.
fn go_to(app: &mut App, text: &str) {
    press(app, "Home");
    let index = rows(app).iter().position(|r| r == text).expect(text);
    for _ in 0..index {
        press(app, "Down");
    }
    assert_eq!(rows(app)[app.editor().unwrap().selected], text);
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn tab_cycles_a_row_and_shift_tab_the_whole_outline() {
    let mut app = editor(start(), Lang::Zh);
    let all = rows(&app);
    go_to(&mut app, "甲");
    press(&mut app, "Tab");
    assert_eq!(message(&app), "已折叠");
    assert!(!rows(&app).iter().any(|r| r.starts_with("甲") && r != "甲"));
    assert_eq!(app.editor().unwrap().focus, Focus::Outline);
    // Drawn with + when another row is selected.
    press(&mut app, "Down");
    let drawn = screen(&render(&mut app, 80, 24));
    assert!(drawn.contains("+  （一）甲"), "{drawn}");
    press(&mut app, "Up Tab");
    assert_eq!(message(&app), "显示下一级");
    let shown = rows(&app);
    assert!(shown.contains(&"甲0".to_string()) && shown.contains(&"甲1".to_string()));
    assert!(
        !shown.contains(&"甲00".to_string()),
        "甲0 stays folded: {shown:?}"
    );
    press(&mut app, "Tab");
    assert_eq!(message(&app), "全部展开");
    assert_eq!(rows(&app), all);
    // A row without points below: Tab moves focus as everywhere.
    go_to(&mut app, "甲1");
    press(&mut app, "Tab");
    assert_eq!(app.editor().unwrap().focus, Focus::Editor);

    press(&mut app, "Esc S-Tab");
    assert_eq!(rows(&app), ["标题", "", "工作", "问题", "", ""]);
    assert_eq!(
        selected(&app),
        Entry::Section(0),
        "the row that hid the selection"
    );
    press(&mut app, "S-Tab");
    assert_eq!(
        rows(&app),
        ["标题", "", "工作", "甲", "乙", "问题", "丙", "", ""]
    );
    press(&mut app, "S-Tab");
    assert_eq!(rows(&app), all);
    assert_eq!(doc(&app), &start(), "folding changes nothing in the draft");
}

#[test]
fn nodes_move_with_their_subtree_across_parents_and_undo() {
    let mut app = editor(start(), Lang::Zh);
    go_to(&mut app, "甲0");
    // Down among its siblings (甲00 goes with it), then into 乙 at the top.
    press(&mut app, "J");
    assert_eq!(
        tree(doc(&app)),
        [
            "1工作", "2甲", "3甲1", "3甲0", "4甲00", "2乙", "3乙0", "1问题", "2丙"
        ]
    );
    press(&mut app, "A-Down");
    assert_eq!(
        tree(doc(&app)),
        [
            "1工作", "2甲", "3甲1", "2乙", "3甲0", "4甲00", "3乙0", "1问题", "2丙"
        ]
    );
    assert_eq!(selected(&app), Entry::Node(NodeRef::child(0, 1, 0)));
    let drawn = screen(&render(&mut app, 80, 24));
    assert!(drawn.contains("1.甲0") && drawn.contains("（1）甲00") && drawn.contains("2.乙0"));
    // Up again: the end of 甲's children.
    press(&mut app, "K");
    assert_eq!(selected(&app), Entry::Node(NodeRef::child(0, 0, 1)));
    // The neighbouring parent may be in the next section; 丙 is the last.
    go_to(&mut app, "乙0");
    press(&mut app, "J");
    assert_eq!(selected(&app), Entry::Node(NodeRef::child(1, 0, 0)));
    press(&mut app, "J");
    assert_eq!(
        selected(&app),
        Entry::Node(NodeRef::child(1, 0, 0)),
        "no parent after 丙"
    );
    press(&mut app, "u u u u");
    assert_eq!(doc(&app), &start());
}

#[test]
fn promote_and_demote_renumber_both_levels_and_undo() {
    let mut app = editor(start(), Lang::Zh);
    go_to(&mut app, "甲0");
    press(&mut app, "A-Left");
    assert_eq!(
        tree(doc(&app)),
        [
            "1工作", "2甲", "3甲1", "2甲0", "3甲00", "2乙", "3乙0", "1问题", "2丙"
        ]
    );
    assert_eq!(selected(&app), Entry::Item(ItemRef::new(0, 1)));
    let drawn = screen(&render(&mut app, 80, 24));
    // 甲0 is （二） now, 乙 （三）; 甲1 is 1. alone under 甲, 甲00 is 1. under
    // 甲0 (its list takes level 3's usual numbering).
    for want in ["（二）甲0", "（三）乙", "1.甲1", "1.甲00"] {
        assert!(drawn.contains(want), "{want}\n{drawn}");
    }
    // An item goes up to a section of its own after its section, 甲00 its
    // item; a section goes no higher (the message says why); undo puts the
    // item back.
    press(&mut app, "A-Left");
    assert_eq!(
        tree(doc(&app)),
        [
            "1工作", "2甲", "3甲1", "2乙", "3乙0", "1甲0", "2甲00", "1问题", "2丙"
        ]
    );
    assert_eq!(selected(&app), Entry::Section(1));
    let drawn = screen(&render(&mut app, 80, 24));
    for want in ["二、甲0", "（一）甲00", "三、问题"] {
        assert!(drawn.contains(want), "{want}\n{drawn}");
    }
    press(&mut app, "A-Left");
    assert!(message(&app).contains("最高一级"), "{}", message(&app));
    press(&mut app, "u");
    assert_eq!(
        tree(doc(&app)),
        [
            "1工作", "2甲", "3甲1", "2甲0", "3甲00", "2乙", "3乙0", "1问题", "2丙"
        ]
    );
    go_to(&mut app, "甲0");
    // Back down: the last child of the point above, 甲00 at level 4 again,
    // numbered （1） again.
    press(&mut app, "A-Right");
    assert_eq!(
        tree(doc(&app)),
        [
            "1工作", "2甲", "3甲1", "3甲0", "4甲00", "2乙", "3乙0", "1问题", "2丙"
        ]
    );
    let style = doc(&app).sections[0].items[0].children[1].child_style;
    assert_eq!(style, NumberingStyle::ArabicParen);
    // The first point has nothing to go under.
    go_to(&mut app, "甲00");
    press(&mut app, "A-Right");
    assert!(message(&app).contains("不能降级"), "{}", message(&app));
    // 乙 goes under 甲 with 乙0: levels 3 and 4.
    go_to(&mut app, "乙");
    press(&mut app, "A-Right");
    assert_eq!(
        tree(doc(&app)),
        [
            "1工作", "2甲", "3甲1", "3甲0", "4甲00", "3乙", "4乙0", "1问题", "2丙"
        ]
    );
    let style = doc(&app).sections[0].items[0].children[2].child_style;
    assert_eq!(
        style,
        NumberingStyle::ArabicParen,
        "乙0 is numbered as level 4 is"
    );
    press(&mut app, "u u u");
    assert_eq!(doc(&app), &start());
    press(&mut app, "C-y");
    assert_eq!(tree(doc(&app))[1..4], ["2甲", "3甲1", "2甲0"]);
    let drawn = screen(&render(&mut app, 80, 24));
    assert!(drawn.contains("1.甲00"), "{drawn}");
}

#[test]
fn a_section_goes_down_to_the_last_item_of_the_one_above_and_back_up() {
    let mut app = editor(start(), Lang::Zh);
    // 工作 has points two levels deep: under 问题's neighbour they would
    // reach level 5, so it cannot go down; and it is the first section.
    go_to(&mut app, "工作");
    press(&mut app, "A-Right");
    assert!(message(&app).contains("不能降级"), "{}", message(&app));
    // 问题 goes under 工作 as its last item, 丙 at level 3, numbered 1.
    go_to(&mut app, "问题");
    press(&mut app, "A-Right");
    assert_eq!(
        tree(doc(&app)),
        [
            "1工作", "2甲", "3甲0", "4甲00", "3甲1", "2乙", "3乙0", "2问题", "3丙"
        ]
    );
    assert_eq!(selected(&app), Entry::Item(ItemRef::new(0, 2)));
    let drawn = screen(&render(&mut app, 80, 24));
    for want in ["（三）问题", "1.丙"] {
        assert!(drawn.contains(want), "{want}\n{drawn}");
    }
    // Up again: a section after 工作, 丙 its item (一) again.
    press(&mut app, "A-Left");
    assert_eq!(
        tree(doc(&app)),
        [
            "1工作", "2甲", "3甲0", "4甲00", "3甲1", "2乙", "3乙0", "1问题", "2丙"
        ]
    );
    press(&mut app, "u u");
    assert_eq!(doc(&app), &start());
}

#[test]
fn a_adds_a_sibling_and_i_a_child_at_any_level() {
    let mut app = editor(start(), Lang::En);
    go_to(&mut app, "甲1");
    press(&mut app, "i");
    assert_eq!(app.editor().unwrap().focus, Focus::Editor);
    type_text(&mut app, "新子");
    press(&mut app, "Esc a");
    type_text(&mut app, "新邻");
    press(&mut app, "Esc");
    assert_eq!(
        tree(doc(&app)),
        [
            "1工作", "2甲", "3甲0", "4甲00", "3甲1", "4新子", "4新邻", "2乙", "3乙0", "1问题",
            "2丙"
        ]
    );
    // A first child at level 4 is numbered （1）.
    let child_style = doc(&app).sections[0].items[0].children[1].child_style;
    assert_eq!(child_style, NumberingStyle::ArabicParen);
    // Level 4 takes no child.
    press(&mut app, "i");
    assert!(
        message(&app).contains("Four levels at most"),
        "{}",
        message(&app)
    );
    press(&mut app, "u u u u");
    assert_eq!(doc(&app), &start());
}

#[test]
fn points_of_any_level_are_copied_cut_and_pasted_with_what_is_below() {
    let mut app = editor(start(), Lang::Zh);
    // Cut 甲0 (with 甲00) and paste it after 乙0: level 3 under 乙.
    go_to(&mut app, "甲0");
    press(&mut app, "C-x");
    assert_eq!(
        tree(doc(&app)),
        ["1工作", "2甲", "3甲1", "2乙", "3乙0", "1问题", "2丙"]
    );
    go_to(&mut app, "乙0");
    press(&mut app, "C-v");
    assert_eq!(
        tree(doc(&app)),
        [
            "1工作", "2甲", "3甲1", "2乙", "3乙0", "3甲0", "4甲00", "1问题", "2丙"
        ]
    );
    // A copied level-3 point with children cannot go in at level 4.
    go_to(&mut app, "甲00");
    press(&mut app, "C-v");
    assert_eq!(tree(doc(&app)).len(), 9, "nothing pasted at level 4");
    press(&mut app, "u u");
    assert_eq!(doc(&app), &start());
    // Delete takes a node with what is below it; the selection stays in place.
    go_to(&mut app, "甲0");
    press(&mut app, "d");
    assert_eq!(tree(doc(&app))[1..3], ["2甲", "3甲1"]);
    assert_eq!(selected(&app), Entry::Node(NodeRef::child(0, 0, 0)));
    press(&mut app, "u");
    assert_eq!(doc(&app), &start());
}
