//! The draft picker over a real data directory: the keys a writer presses,
//! the effects they ask for carried out by the store, the list read again.

mod common;

use common::press;
use zongjie::app::{App, Effect, PickerPopup, Screen, Settings};
use zongjie::document::Document;
use zongjie::i18n::Lang;
use zongjie::storage::{DraftId, Store};

fn store_with(titles: &[(&str, &str)]) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    for (id, title) in titles {
        let doc = Document {
            title: title.to_string(),
            ..Document::default()
        };
        store
            .create(Some(DraftId::parse(id).unwrap()), &doc)
            .unwrap();
        // Distinct modification times, so the list has an order.
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    (dir, store)
}

fn picker(store: &Store) -> App {
    App::with_picker(
        Settings {
            lang: Lang::En,
            ..Settings::default()
        },
        store.list().unwrap(),
    )
}

fn selected_id(app: &App) -> String {
    match &app.screen {
        Screen::Picker(p) => p.selected_draft().unwrap().id.to_string(),
        Screen::Editor(_) => panic!("not the picker"),
    }
}

#[test]
fn a_second_f6_undoes_the_first_on_the_same_draft_after_the_list_resorts() {
    let (_dir, store) = store_with(&[("older", "旧的"), ("newer", "新的")]);
    let older = DraftId::parse("older").unwrap();
    // Give "older" a backup: a second version.
    let second = Document {
        title: "旧的第二版".into(),
        ..Document::default()
    };
    store.save(&store.location(&older), &second).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    store
        .save(
            &store.location(&DraftId::parse("newer").unwrap()),
            &Document {
                title: "新的".into(),
                ..Document::default()
            },
        )
        .unwrap();
    let mut app = picker(&store);
    assert_eq!(selected_id(&app), "newer", "newest first");
    press(&mut app, "Down");
    assert_eq!(selected_id(&app), "older");
    let effects = press(&mut app, "F6");
    assert_eq!(effects, vec![Effect::RestoreBackup(older.clone())]);
    store.restore_backup(&older).unwrap();
    // Restoring made "older" the newest: the list sorts it first.
    app.drafts_done(store.list().unwrap());
    assert_eq!(
        selected_id(&app),
        "older",
        "the selection follows the draft"
    );
    let effects = press(&mut app, "F6");
    assert_eq!(effects, vec![Effect::RestoreBackup(older.clone())]);
    store.restore_backup(&older).unwrap();
    assert_eq!(
        store.load(&store.location(&older)).unwrap().title,
        "旧的第二版",
        "the second F6 undid the first"
    );
}

#[test]
fn f2_changes_the_title_and_keeps_the_id_unless_tab_asks_for_the_id() {
    let (_dir, store) = store_with(&[("a", "甲支部总结")]);
    let mut app = picker(&store);
    press(&mut app, "F2");
    match &app.screen {
        Screen::Picker(p) => assert!(
            matches!(&p.popup, Some(PickerPopup::Rename { input, .. }) if input == "甲支部总结"),
            "the title is offered for editing"
        ),
        Screen::Editor(_) => unreachable!(),
    }
    press(&mut app, "Backspace Backspace");
    common::type_text(&mut app, "工作总结");
    let effects = press(&mut app, "Enter");
    let id = DraftId::parse("a").unwrap();
    assert_eq!(
        effects,
        vec![Effect::RetitleDraft {
            id: id.clone(),
            title: "甲支部工作总结".into()
        }]
    );
    store.retitle(&id, "甲支部工作总结").unwrap();
    assert_eq!(
        store.load(&store.location(&id)).unwrap().title,
        "甲支部工作总结"
    );
    assert!(store.location(&id).path.is_file(), "the id stayed");
    // Tab switches to the id.
    app.drafts_done(store.list().unwrap());
    let effects = press(&mut app, "F2 Tab Backspace b Enter");
    assert_eq!(
        effects,
        vec![Effect::RenameDraft {
            from: id,
            to: "b".into()
        }]
    );
}

#[test]
fn a_copy_is_titled_as_a_copy_and_the_trash_shows_titles_and_dates() {
    let (_dir, store) = store_with(&[("a", "甲支部总结")]);
    let id = DraftId::parse("a").unwrap();
    let mut app = picker(&store);
    assert_eq!(press(&mut app, "F5"), vec![Effect::CopyDraft(id.clone())]);
    let copy = store.copy(&id).unwrap();
    assert_eq!(
        store.load(&store.location(&copy)).unwrap().title,
        "甲支部总结（副本）"
    );
    let again = store.copy(&copy).unwrap();
    assert_eq!(
        store.load(&store.location(&again)).unwrap().title,
        "甲支部总结（副本2）"
    );
    store.trash(&copy).unwrap();
    let lines = zongjie::i18n::trash_lines(&store.trash_entries(), Lang::Zh);
    assert_eq!(lines.len(), 1);
    let (name, shown) = &lines[0];
    assert!(name.starts_with("a-2."), "{name}");
    assert!(shown.contains("甲支部总结（副本） (a-2)"), "{shown}");
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    assert!(shown.starts_with(&today), "deleted today: {shown}");
}
