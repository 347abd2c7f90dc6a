//! Every popup's keys come from the key table: each hint a popup shows
//! names a key the keymap binds in that popup's context (the oracle is the
//! table, read through `Keymap::keys`, never the hint strings), a user's
//! override shows in the hints and works, and F1 lists every context with
//! all its keys.

mod common;

use std::collections::HashSet;

use common::{editor, press, render, screen};

use zongjie::app::{App, Popup, Screen, Settings};
use zongjie::document::Document;
use zongjie::i18n::Lang;
use zongjie::settings::keymap::{Action, Context, KeyBinding, KeyOverride, Keymap};
use zongjie::storage::{DraftEntry, DraftId, DraftSummary};

fn document() -> Document {
    zongjie::templates::Template::find("party-branch")
        .expect("the built-in party-branch template")
        .document(Some("XX党支部2020年上半年党建工作总结"))
}

fn settings(lang: Lang, keymap: Keymap) -> Settings {
    Settings {
        lang,
        keymap,
        ..Settings::default()
    }
}

fn drafts() -> Vec<DraftEntry> {
    ["alpha", "beta"]
        .iter()
        .map(|id| DraftEntry {
            id: DraftId::parse(id).expect("an id"),
            path: format!("/nonexistent/{id}.toml").into(),
            modified: None,
            summary: Ok(DraftSummary::of(&document())),
        })
        .collect()
}

/// A screen with a popup open, and the context its keys are in.
struct Scene {
    name: &'static str,
    context: Context,
    open: fn(Lang, Keymap) -> App,
}

fn in_editor(lang: Lang, keymap: Keymap, keys: &str) -> App {
    let mut app = App::with_editor(settings(lang, keymap), document(), common::location());
    press(&mut app, keys);
    app
}

fn in_picker(lang: Lang, keymap: Keymap, keys: &str) -> App {
    let mut app = App::with_picker(settings(lang, keymap), drafts());
    press(&mut app, keys);
    app
}

fn picker_state(app: &mut App) -> &mut zongjie::app::PickerState {
    match &mut app.screen {
        Screen::Picker(p) => p,
        Screen::Editor(_) => panic!("not the picker"),
    }
}

fn scenes() -> Vec<Scene> {
    vec![
        Scene {
            name: "new section",
            context: Context::KindList,
            open: |l, k| in_editor(l, k, "j j A"),
        },
        Scene {
            name: "change kind",
            context: Context::KindList,
            open: |l, k| in_editor(l, k, "j j c"),
        },
        Scene {
            name: "changed on disk",
            context: Context::ChangedOnDisk,
            open: |l, k| {
                let mut app = in_editor(l, k, "");
                app.editor_mut().expect("editor").popup = Some(Popup::ChangedOnDisk);
                app
            },
        },
        Scene {
            name: "delete section",
            context: Context::DeleteSection,
            open: |l, k| {
                let mut app = in_editor(l, k, "j j");
                // The key that deletes, whatever the user bound it to.
                let delete = app
                    .settings
                    .keymap
                    .key_label(Context::Outline, Action::Delete);
                press(&mut app, &config_spelling(&delete));
                app
            },
        },
        Scene {
            name: "find",
            context: Context::Find,
            open: |l, k| {
                let mut app = in_editor(l, k, "");
                let find = app.settings.keymap.keys(Context::Global, Action::Find)[0];
                app.handle_key(event(find));
                app
            },
        },
        Scene {
            name: "replace",
            context: Context::Replace,
            open: |l, k| {
                let mut app = in_editor(l, k, "");
                let replace = app.settings.keymap.keys(Context::Global, Action::Replace)[0];
                app.handle_key(event(replace));
                app
            },
        },
        Scene {
            name: "target",
            context: Context::Target,
            open: |l, k| in_editor(l, k, "j j t"),
        },
        Scene {
            name: "export",
            context: Context::Export,
            open: |l, k| in_editor(l, k, "C-e"),
        },
        Scene {
            name: "templates",
            context: Context::Templates,
            open: |l, k| in_picker(l, k, "C-n"),
        },
        Scene {
            name: "rename",
            context: Context::Rename,
            open: |l, k| in_picker(l, k, "F2"),
        },
        Scene {
            name: "template name",
            context: Context::Rename,
            open: |l, k| in_picker(l, k, "C-t"),
        },
        Scene {
            name: "delete draft",
            context: Context::DeleteDraft,
            open: |l, k| in_picker(l, k, "Delete"),
        },
        Scene {
            name: "trash",
            context: Context::Trash,
            open: |l, k| {
                let mut app = in_picker(l, k, "");
                picker_state(&mut app).show_trash(vec![("a.toml".into(), "甲 (a)".into())]);
                app
            },
        },
        Scene {
            name: "rescue",
            context: Context::Rescue,
            open: |l, k| {
                let mut app = in_picker(l, k, "");
                picker_state(&mut app).show_rescues(vec![("/r.toml".into(), "乙".into())]);
                app
            },
        },
        Scene {
            name: "history",
            context: Context::History,
            open: |l, k| {
                let mut app = in_picker(l, k, "");
                let id = DraftId::parse("alpha").expect("an id");
                picker_state(&mut app).show_history(id, vec![("s1".into(), "丙".into())]);
                app
            },
        },
    ]
}

/// A key as the config spells it (`Ctrl+D` → `C-d`), for `press`.
fn config_spelling(label: &str) -> String {
    label.replace("Ctrl+", "C-").replace("Alt+", "A-")
}

fn event(key: KeyBinding) -> crossterm::event::KeyEvent {
    crossterm::event::KeyEvent::new(key.code, key.modifiers)
}

/// What the popup put on the screen: the text of the smallest rectangle
/// holding every cell that differs from the same screen without it, its
/// border left out.
fn popup_text(app: &mut App) -> Vec<String> {
    let with = render(app, 120, 40).backend().buffer().clone();
    let (editor_popup, picker_popup) = take_popup(app);
    let without = render(app, 120, 40).backend().buffer().clone();
    put_popup(app, editor_popup, picker_popup);
    let changed: Vec<(u16, u16)> = (0..with.area.height)
        .flat_map(|y| (0..with.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| with[(x, y)] != without[(x, y)])
        .collect();
    let left = changed.iter().map(|c| c.0).min().unwrap_or(0);
    let right = changed.iter().map(|c| c.0).max().unwrap_or(0);
    let top = changed.iter().map(|c| c.1).min().unwrap_or(0);
    let bottom = changed.iter().map(|c| c.1).max().unwrap_or(0);
    let mut lines = Vec::new();
    for y in top..=bottom {
        let line = common::row_text(&with, y, left..right + 1);
        let inside = line.trim_matches(|c| "│┌┐└┘─ ".contains(c)).to_string();
        if !inside.is_empty() {
            lines.push(inside);
        }
    }
    lines
}

type Taken = (Option<Popup>, Option<zongjie::app::PickerPopup>);

fn take_popup(app: &mut App) -> Taken {
    match &mut app.screen {
        Screen::Editor(e) => (e.popup.take(), None),
        Screen::Picker(p) => (None, p.popup.take()),
    }
}

fn put_popup(
    app: &mut App,
    editor_popup: Option<Popup>,
    picker_popup: Option<zongjie::app::PickerPopup>,
) {
    match &mut app.screen {
        Screen::Editor(e) => e.popup = editor_popup,
        Screen::Picker(p) => p.popup = picker_popup,
    }
}

/// Every way the table's keys can be written in a hint: each key alone
/// (`Enter`, `y`) and the joined forms hints use (`Enter/↓`, `1-9`).
fn labels(keymap: &Keymap, contexts: &[Context]) -> HashSet<String> {
    let mut out = HashSet::new();
    for context in contexts {
        for (action, keys) in keymap.bindings(*context) {
            for key in keys {
                out.insert(key.to_string());
            }
            out.insert(keymap.hint_keys(*context, action));
        }
    }
    out
}

/// The hints of a popup: each segment between ` · `, its first word the
/// key it names; a line of a choice list (`c  save as …`) is one too.
fn named_keys(text: &[String]) -> Vec<String> {
    text.iter()
        .filter(|line| line.contains(" · ") || line.contains("  "))
        .flat_map(|line| line.split(" · ").map(str::to_string).collect::<Vec<_>>())
        .filter_map(|segment| segment.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn every_hint_in_a_popup_names_a_key_bound_in_its_context() {
    let all: Vec<Context> = Context::ALL.to_vec();
    for lang in [Lang::Zh, Lang::En] {
        for scene in scenes() {
            let keymap = Keymap::default();
            let mut app = (scene.open)(lang, keymap.clone());
            let text = popup_text(&mut app);
            assert!(!text.is_empty(), "{}: no popup drawn", scene.name);
            let bound = labels(&keymap, &[scene.context]);
            let anywhere = labels(&keymap, &all);
            let named = named_keys(&text);
            let keys: Vec<&String> = named.iter().filter(|k| anywhere.contains(*k)).collect();
            assert!(!keys.is_empty(), "{}: no hint in {text:#?}", scene.name);
            for key in keys {
                assert!(
                    bound.contains(key),
                    "{} ({lang:?}): `{key}` is not bound in {:?}: {text:#?}",
                    scene.name,
                    scene.context
                );
            }
            // Function and Ctrl keys are never words: wherever they appear
            // in the popup, they are keys of its context.
            for word in text
                .iter()
                .flat_map(|l| l.split([' ', '/', '（', '）', '(', ')']))
            {
                let is_key = word.starts_with("Ctrl+")
                    || (word.len() >= 2
                        && word.starts_with('F')
                        && word[1..].chars().all(|c| c.is_ascii_digit()));
                if is_key {
                    assert!(
                        bound.contains(word),
                        "{}: `{word}` named but not bound in {:?}",
                        scene.name,
                        scene.context
                    );
                }
            }
        }
    }
}

#[test]
fn a_rebound_key_shows_in_every_hint_and_works() {
    let (keymap, warnings) = Keymap::with_overrides(&[
        KeyOverride::everywhere("cancel", &["C-g"]),
        KeyOverride::everywhere("confirm", &["C-o"]),
    ]);
    assert!(warnings.is_empty(), "{warnings:?}");
    for scene in scenes() {
        let mut app = (scene.open)(Lang::En, keymap.clone());
        let text = popup_text(&mut app).join("\n");
        let hints_cancel = !keymap.keys(scene.context, Action::Cancel).is_empty();
        if hints_cancel && scene.context != Context::KindList {
            assert!(text.contains("Ctrl+G"), "{}: {text}", scene.name);
            assert!(!text.contains("Esc"), "{}: {text}", scene.name);
        }
        if !keymap.keys(scene.context, Action::Confirm).is_empty() {
            assert!(text.contains("Ctrl+O"), "{}: {text}", scene.name);
        }
        if hints_cancel {
            press(&mut app, "C-g");
            let (editor_popup, picker_popup) = take_popup(&mut app);
            assert!(
                editor_popup.is_none() && picker_popup.is_none(),
                "{}: Ctrl+G did not close it",
                scene.name
            );
        }
    }
}

#[test]
fn f1_lists_every_context_with_all_its_keys() {
    let keymap = Keymap::default();
    let mut listed: HashSet<Context> = HashSet::new();
    let mut check = |app: &mut App, contexts: &[Context], what: &str| {
        press(app, "F1");
        assert!(app.help, "{what}: F1 did not open help");
        let shown = screen(&render(app, 120, 60));
        let lang = app.lang();
        for context in contexts {
            assert!(
                shown.contains(context.title(lang)),
                "{what}: {context:?}\n{shown}"
            );
            for (action, keys) in keymap.bindings(*context) {
                let words = keymap.words(*context, action, lang);
                assert!(
                    shown.contains(words),
                    "{what}: {action:?} `{words}`\n{shown}"
                );
                for key in keys {
                    assert!(shown.contains(&key.to_string()), "{what}: {key}\n{shown}");
                }
            }
            listed.insert(*context);
        }
        press(app, "x");
        assert!(!app.help, "{what}: a key closes help");
    };
    for lang in [Lang::Zh, Lang::En] {
        for (keys, pane) in [
            ("", Context::Outline),
            ("Enter", Context::Editor),
            ("Tab Tab", Context::Preview),
            ("F7", Context::Findings),
        ] {
            let mut app = editor(document(), lang);
            press(&mut app, keys);
            check(&mut app, &[pane, Context::Global], keys);
        }
        let mut app = App::with_picker(settings(lang, keymap.clone()), drafts());
        check(&mut app, &[Context::Picker], "picker");
        for scene in scenes() {
            let mut app = (scene.open)(lang, keymap.clone());
            check(&mut app, &[scene.context], scene.name);
            // Help closed, the popup is still there.
            let (editor_popup, picker_popup) = take_popup(&mut app);
            assert!(
                editor_popup.is_some() || picker_popup.is_some(),
                "{}: the popup went with the help",
                scene.name
            );
        }
    }
    let missing: Vec<&Context> = Context::ALL
        .iter()
        .filter(|c| !listed.contains(c))
        .collect();
    assert!(missing.is_empty(), "F1 never lists {missing:?}");
}
