//! The picker's version list (F4) shows what restoring the selected version
//! would change, as a diff against the current text, before it is restored.

mod common;

use common::{press, render, screen};
use zongjie::app::{App, Screen, Settings};
use zongjie::diff::changes_since_versions;
use zongjie::document::{Document, Item, Section, SectionKind};
use zongjie::i18n::Lang;
use zongjie::storage::{DraftId, Store};

fn doc(work: &str) -> Document {
    let mut s = Section::new(SectionKind::Work, "工作开展情况");
    s.items.push(Item::new("理论学习", work));
    Document {
        title: "XX党支部2020年上半年党建工作总结".into(),
        sections: vec![s],
        ..Document::default()
    }
}

#[test]
fn the_selected_version_is_shown_as_a_diff_before_restoring() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let id = DraftId::parse("d").unwrap();
    store
        .create(Some(id.clone()), &doc("组织学习5次。参学率100%。"))
        .unwrap();
    store
        .save(&store.location(&id), &doc("组织学习6次。参学率100%。"))
        .unwrap();
    assert_eq!(store.snapshots(&id).len(), 1, "the first version is kept");
    let changes = changes_since_versions(&store, &id, Lang::Zh);
    assert_eq!(
        changes,
        vec![vec![
            "@@ 第3段 @@".to_string(),
            "- （一）理论学习。[-组织学习6次。-]参学率100%。".to_string(),
            "+ （一）理论学习。{+组织学习5次。+}参学率100%。".to_string(),
        ]]
    );

    let mut app = App::with_picker(
        Settings {
            lang: Lang::Zh,
            ..Settings::default()
        },
        store.list().unwrap(),
    );
    if let Screen::Picker(p) = &mut app.screen {
        p.show_history(id.clone(), vec![("stamp".into(), "第一个版本".into())]);
        p.show_history_changes(changes);
    }
    let shown = screen(&render(&mut app, 100, 24));
    assert!(shown.contains("与当前版本相比"), "{shown}");
    assert!(
        shown.contains("- （一）理论学习。[-组织学习6次。-]参学率100%。"),
        "{shown}"
    );
    assert!(
        shown.contains("+ （一）理论学习。{+组织学习5次。+}参学率100%。"),
        "{shown}"
    );
    // Moving in the list keeps the changes; Enter still restores.
    press(&mut app, "Down");
    let shown = screen(&render(&mut app, 100, 24));
    assert!(shown.contains("{+组织学习5次。+}"), "{shown}");
    let effects = press(&mut app, "Enter");
    assert_eq!(
        effects,
        [zongjie::app::Effect::RestoreVersion {
            id,
            stamp: "stamp".into()
        }]
    );
}
