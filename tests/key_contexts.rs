//! `[keys]` in config.toml binds an action wherever it is; `[keys.CONTEXT]`
//! binds it in one context only (issue 21). Read through the real loading
//! path (`Config::parse`, `Config::keymap`; and the binary's `doctor` for
//! where a warning points), with the failure paths: an unknown context, an
//! action a context does not have, a clash, a key taken from another action.
//! The properties at the end hold the resolution to rules a writer can
//! check by hand, over random bindings.

mod common;

use std::fs;

use common::{Env, press};
use proptest::prelude::*;
use zongjie::app::{App, Popup, Settings};
use zongjie::i18n::Lang;
use zongjie::settings::config::Config;
use zongjie::settings::keymap::{Action, Context, KeyBinding, KeyOverride, Keymap};

/// The keymap and the warnings (in English) of a config.toml.
fn load(text: &str) -> (Keymap, Vec<String>) {
    let (config, warnings) = Config::parse(text, "config.toml");
    assert!(warnings.is_empty(), "{warnings:?}");
    let (keymap, warnings) = config.keymap();
    (keymap, warnings.iter().map(|w| w.text(Lang::En)).collect())
}

fn key(spec: &str) -> crossterm::event::KeyEvent {
    KeyBinding::parse(spec).expect("a key").event()
}

/// What `spec` does in `context`.
fn does(keymap: &Keymap, context: Context, spec: &str) -> Option<Action> {
    keymap.action(context, &key(spec))
}

#[test]
fn a_binding_for_everywhere_holds_in_every_context_of_the_action() {
    let (keymap, warnings) = load("[keys]\nsave = \"C-w\"\nup = [\"Up\", \"C-p\"]\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(does(&keymap, Context::Global, "C-w"), Some(Action::Save));
    assert_eq!(does(&keymap, Context::Global, "C-s"), None);
    for context in [
        Context::Outline,
        Context::KindList,
        Context::Picker,
        Context::Trash,
    ] {
        assert_eq!(
            does(&keymap, context, "C-p"),
            Some(Action::Up),
            "{context:?}"
        );
        // `k` was up in the outline and the kind list: the binding replaced it.
        assert_eq!(does(&keymap, context, "k"), None, "{context:?}");
    }
}

#[test]
fn a_binding_for_one_context_leaves_the_others_alone() {
    let (keymap, warnings) = load("[keys.outline]\nup = [\"Up\", \"C-p\"]\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    let defaults = Keymap::default();
    assert_eq!(does(&keymap, Context::Outline, "C-p"), Some(Action::Up));
    assert_eq!(does(&keymap, Context::Outline, "k"), None);
    for context in Context::ALL.iter().filter(|c| **c != Context::Outline) {
        for (action, keys) in defaults.bindings(*context) {
            assert_eq!(
                keymap.keys(*context, action),
                keys,
                "{context:?} {action:?}"
            );
        }
    }
    // The dotted spellings mean the same.
    for text in [
        "[keys]\noutline.up = [\"Up\", \"C-p\"]\n",
        "[keys]\n\"outline.up\" = [\"Up\", \"C-p\"]\n",
    ] {
        let (dotted, warnings) = load(text);
        assert!(warnings.is_empty(), "{text}: {warnings:?}");
        for context in Context::ALL {
            for (action, keys) in keymap.bindings(*context) {
                assert_eq!(dotted.keys(*context, action), keys, "{text}");
            }
        }
    }
}

#[test]
fn a_context_binding_wins_over_one_for_everywhere() {
    let (keymap, warnings) = load("[keys]\ncancel = \"C-g\"\n[keys.find]\ncancel = \"C-x\"\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(does(&keymap, Context::Find, "C-x"), Some(Action::Cancel));
    assert_eq!(does(&keymap, Context::Find, "C-g"), None);
    assert_eq!(does(&keymap, Context::Replace, "C-g"), Some(Action::Cancel));
    assert_eq!(does(&keymap, Context::Target, "C-g"), Some(Action::Cancel));
}

#[test]
fn enter_for_find_next_everywhere_is_no_clash_and_the_replace_bar_keeps_its_enter() {
    let (keymap, warnings) = load("[keys]\nfind_next = [\"Enter\", \"C-n\"]\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        does(&keymap, Context::Find, "Enter"),
        Some(Action::FindNext)
    );
    assert_eq!(does(&keymap, Context::Find, "C-n"), Some(Action::FindNext));
    assert_eq!(
        does(&keymap, Context::Replace, "Enter"),
        Some(Action::ReplaceOne)
    );
    assert_eq!(
        does(&keymap, Context::Replace, "C-n"),
        Some(Action::FindNext)
    );
    // ↓ was find_next's in both bars: the binding replaced it.
    assert_eq!(does(&keymap, Context::Find, "Down"), None);

    // In the app: the replace bar's Enter still replaces.
    let settings = Settings {
        keymap,
        ..Settings::default()
    };
    let doc = zongjie::templates::Template::find("party-branch")
        .unwrap()
        .document(Some("XX党支部2020年上半年党建工作总结"));
    let before = doc.clone();
    let mut app = App::with_editor(settings, doc, common::location());
    press(&mut app, "C-r");
    common::type_text(&mut app, "XX");
    press(&mut app, "Tab");
    common::type_text(&mut app, "某");
    press(&mut app, "Enter");
    let after = &app.editor().unwrap().doc;
    assert_ne!(after, &before, "Enter did not replace");
    assert!(matches!(app.editor().unwrap().popup, Some(Popup::Find(_))));
}

#[test]
fn taking_a_key_in_one_context_says_what_lost_it() {
    let (keymap, warnings) = load("[keys.replace]\nfind_next = \"Enter\"\n");
    assert_eq!(
        does(&keymap, Context::Replace, "Enter"),
        Some(Action::FindNext)
    );
    assert!(keymap.keys(Context::Replace, Action::ReplaceOne).is_empty());
    assert_eq!(
        warnings,
        [
            "config.toml:2: keys.replace.find_next: Enter was the last key of `replace_one` in Replace bar, which now has none there"
        ]
    );
    // Taking one of several keys is what the writer asked for: no warning.
    let (keymap, warnings) = load("[keys.outline]\nmove_down = \"j\"\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(does(&keymap, Context::Outline, "j"), Some(Action::MoveDown));
    assert_eq!(does(&keymap, Context::Outline, "Down"), Some(Action::Down));
}

#[test]
fn the_failure_paths_are_warnings_at_their_lines_in_both_languages() {
    let text = "[keys]\nchoose = \"Esc\"\n\n[keys.fnd]\nfind_next = \"C-n\"\n\n[keys.find]\nsave = \"C-w\"\nfind_prev = \"C-n\"\nfind_next = [\"C-n\", \"Enter\"]\nfly = \"x\"\n";
    let (config, warnings) = Config::parse(text, "config.toml");
    assert!(warnings.is_empty(), "{warnings:?}");
    let (keymap, warnings) = config.keymap();
    let en: Vec<String> = warnings.iter().map(|w| w.text(Lang::En)).collect();
    let zh: Vec<String> = warnings.iter().map(|w| w.text(Lang::Zh)).collect();
    for expected in [
        "config.toml:4: keys.fnd: unknown context `fnd` (one of: global, outline, editor,",
        "config.toml:8: keys.find.save: `save` does nothing in Find bar",
        "config.toml:11: keys.find.fly: unknown action `fly`",
        "config.toml:1: keys: Ctrl+N is bound to both `find_next` and `find_prev` in Find bar",
        "config.toml:2: keys.choose: Esc stays the only key of `cancel` wherever this action is",
    ] {
        assert!(
            en.iter().any(|w| w.starts_with(expected)),
            "{expected:?} not in {en:#?}"
        );
    }
    for expected in [
        "config.toml:4：keys.fnd：没有名为 `fnd` 的界面",
        "config.toml:8：keys.find.save：`save` 在“查找栏”中不起作用",
        "config.toml:11：keys.find.fly：没有名为 `fly` 的操作",
        "在“查找栏”中 Ctrl+N 同时绑定了 `find_next` 和 `find_prev`",
        "config.toml:2：keys.choose：Esc 在这个操作所在的每处都是 `cancel` 仅有的按键",
    ] {
        assert!(
            zh.iter().any(|w| w.contains(expected)),
            "{expected:?} not in {zh:#?}"
        );
    }
    assert_eq!(warnings.len(), 5, "{en:#?}");
    // What could not be used changed nothing: Esc still cancels, save is
    // still Ctrl+S, and the bad context bound nothing.
    assert_eq!(
        does(&keymap, Context::KindList, "Esc"),
        Some(Action::Cancel)
    );
    assert_eq!(does(&keymap, Context::Global, "C-s"), Some(Action::Save));
    assert_eq!(does(&keymap, Context::Replace, "C-n"), None);
    // The clash goes to the first in the table, find_next; the other keeps Enter.
    assert_eq!(does(&keymap, Context::Find, "C-n"), Some(Action::FindNext));
    assert_eq!(
        does(&keymap, Context::Find, "Enter"),
        Some(Action::FindNext)
    );
}

#[test]
fn doctor_reports_context_problems_with_file_and_line() {
    let env = Env::new();
    let dir = env.dir.path().join("config");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    fs::write(
        &path,
        "lang = \"en\"\n[keys.fnd]\nfind_next = \"C-n\"\n[keys.find]\nsave = \"C-w\"\n",
    )
    .unwrap();
    let file = path.display().to_string();
    let output = env.cmd().args(["--lang", "en", "doctor"]).output().unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    for expected in [
        format!("config problem: {file}:2: keys.fnd: unknown context `fnd`"),
        format!("config problem: {file}:5: keys.find.save: `save` does nothing in Find bar"),
    ] {
        assert!(report.contains(&expected), "{expected:?} not in\n{report}");
    }
    let output = env.cmd().args(["--lang", "zh", "doctor"]).output().unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        report.contains(&format!(
            "配置问题：{file}:2：keys.fnd：没有名为 `fnd` 的界面"
        )),
        "{report}"
    );
}

/// The contexts and actions a random binding is drawn from: a few that
/// share keys with each other (lists, popups, the find and replace bars).
const CONTEXTS: &[&str] = &[
    "outline",
    "find",
    "replace",
    "kind_list",
    "export",
    "picker",
];
const ACTIONS: &[&str] = &[
    "up",
    "down",
    "cancel",
    "choose",
    "find_next",
    "find_prev",
    "replace_one",
    "move_down",
];
const KEYS: &[&str] = &["Up", "Down", "Enter", "Esc", "j", "k", "C-n", "Tab"];

fn a_binding() -> impl Strategy<Value = KeyOverride> {
    (
        prop::option::of(prop::sample::select(CONTEXTS)),
        prop::sample::select(ACTIONS),
        prop::collection::vec(prop::sample::select(KEYS), 0..3),
    )
        .prop_map(|(context, action, keys)| KeyOverride {
            context: context.map(str::to_string),
            action: action.to_string(),
            keys: keys.into_iter().map(str::to_string).collect(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Rules a writer can check by hand:
    /// - a context no binding names keeps its default keys;
    /// - a key a context binding gives its action does that action there,
    ///   unless a warning names the key;
    /// - bindings for everywhere never leave an action with no key in a
    ///   context where it had one, unless a warning says so;
    /// - a key does one thing in a context (what `action` answers is what
    ///   `keys` lists).
    #[test]
    fn bindings_resolve_by_hand_checkable_rules(bindings in prop::collection::vec(a_binding(), 0..6)) {
        let (keymap, warnings) = Keymap::with_overrides(&bindings);
        let warnings: Vec<String> = warnings.iter().map(|w| w.text(Lang::En)).collect();
        let defaults = Keymap::default();
        // The last binding of a (context, action) is the one in force.
        let mut in_force: Vec<&KeyOverride> = Vec::new();
        for b in &bindings {
            in_force.retain(|o| (&o.context, &o.action) != (&b.context, &b.action));
            in_force.push(b);
        }
        for context in Context::ALL {
            let named = in_force.iter().any(|b| {
                b.context.as_deref() == Some(context.name())
                    || b.context.is_none()
                        && defaults
                            .bindings(*context)
                            .any(|(a, _)| a.name() == b.action)
            });
            for (action, keys) in keymap.bindings(*context) {
                if !named {
                    prop_assert_eq!(keys, defaults.keys(*context, action));
                }
                for k in keys {
                    prop_assert_eq!(keymap.action(*context, &k.event()), Some(action));
                }
                let everywhere_only = !in_force
                    .iter()
                    .any(|b| b.context.is_some() && b.context.as_deref() == Some(context.name()));
                if everywhere_only && !defaults.keys(*context, action).is_empty() {
                    let unbound = in_force
                        .iter()
                        .any(|b| b.context.is_none() && b.action == action.name() && b.keys.is_empty());
                    let said = warnings.iter().any(|w| {
                        w.contains(&format!("`{}`", action.name())) && w.contains("none there")
                    });
                    prop_assert!(
                        unbound || said || !keys.is_empty(),
                        "{:?} {:?} lost every key: {:?}", context, action, bindings
                    );
                }
            }
            for b in in_force.iter().filter(|b| b.context.as_deref() == Some(context.name())) {
                let Some(action) = Action::from_name(&b.action) else { continue };
                if defaults.keys(*context, action).is_empty() {
                    continue;
                }
                for spec in &b.keys {
                    let k = KeyBinding::parse(spec).unwrap();
                    let named_in_warning = warnings.iter().any(|w| w.contains(&k.to_string()));
                    prop_assert!(
                        named_in_warning || keymap.action(*context, &k.event()) == Some(action),
                        "{spec} in {:?} is not {:?}: {:?} {:?}", context, action, bindings, warnings
                    );
                }
            }
        }
    }
}
