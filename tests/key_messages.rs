//! Every message that names a key names the key bound in config.toml
//! (issue 21): a writer who rebinds `next_field`, `check`, the picker's
//! keys or the outline's clipboard keys is told the new key, never the old
//! one, in both languages. The keymap comes through the real loading path
//! (`Config::parse`, then `Config::keymap`, as `main` does); the oracle is
//! the config text itself: the keys written there, as the status bar spells
//! them, against the default keys the same message names without it.

mod common;

use common::{press, render, screen};
use zongjie::app::{App, Settings};
use zongjie::document::Document;
use zongjie::i18n::{Lang, Notice};
use zongjie::settings::config::Config;
use zongjie::settings::keymap::{Action, Context, Keymap};
use zongjie::storage::{DraftEntry, DraftId, DraftSummary};

/// Rebinds every action a message names, some for everywhere, some in one
/// context only.
const CONFIG: &str = r#"
[keys]
check = "F10"
next_field = "C-j"
select_all = "C-l"
show_trash = "F11"
restore_backup = "F12"
next_period_draft = "C-p"
new_draft = "C-o"

[keys.editor]
leave = "C-g"

[keys.outline]
copy = "C-k"
paste = "C-b"
undo = "C-u"
edit = "e"

[keys.findings]
edit = "o"
apply_fix = "x"
"#;

/// The keymap of `CONFIG`, read as the editor reads config.toml.
fn rebound() -> Keymap {
    let (config, warnings) = Config::parse(CONFIG, "config.toml");
    assert!(warnings.is_empty(), "{warnings:?}");
    let (keymap, warnings) = config.keymap();
    assert!(warnings.is_empty(), "{warnings:?}");
    keymap
}

fn document() -> Document {
    zongjie::templates::Template::find("party-branch")
        .expect("the built-in party-branch template")
        .document(Some("XX党支部2020年上半年党建工作总结"))
}

fn settings(lang: Lang, keymap: &Keymap) -> Settings {
    Settings {
        lang,
        keymap: keymap.clone(),
        ..Settings::default()
    }
}

fn in_editor(lang: Lang, keymap: &Keymap) -> App {
    App::with_editor(settings(lang, keymap), document(), common::location())
}

/// Presses the key `keymap` binds to `action` in `context`, as a writer
/// who reads the help would.
fn press_action(app: &mut App, keymap: &Keymap, context: Context, action: Action) {
    let key = keymap.keys(context, action)[0];
    app.handle_key(key.event());
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// The words of a text, split where a key name can end.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || "（）()，,;；：:·".contains(c))
        .filter(|t| !t.is_empty())
        .collect()
}

/// One message that names keys: how to make it show, and which keys it
/// names (by default, then as `CONFIG` binds them).
struct Case {
    name: &'static str,
    show: fn(Lang, &Keymap) -> String,
    keys: &'static [(&'static str, &'static str)],
}

fn notice(lang: Lang, keymap: &Keymap, notice: Notice) -> String {
    let mut app = in_editor(lang, keymap);
    app.notify(notice);
    message(&app)
}

fn id() -> DraftId {
    DraftId::parse("d-1").unwrap()
}

fn picker(lang: Lang, keymap: &Keymap, drafts: Vec<DraftEntry>) -> App {
    App::with_picker(settings(lang, keymap), drafts)
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "exported with placeholders left",
            show: |l, k| {
                notice(
                    l,
                    k,
                    Notice::Exported {
                        path: "/o/t.txt".into(),
                        left: 2,
                    },
                )
            },
            keys: &[("F7", "F10")],
        },
        Case {
            name: "new draft",
            show: |l, k| notice(l, k, Notice::DraftCreated),
            keys: &[("Enter", "Ctrl+J"), ("Esc", "Ctrl+G")],
        },
        Case {
            name: "moved to the trash",
            show: |l, k| notice(l, k, Notice::Trashed(id())),
            keys: &[("F8", "F11")],
        },
        Case {
            name: "backup restored",
            show: |l, k| notice(l, k, Notice::BackupRestored(id())),
            keys: &[("F6", "F12")],
        },
        Case {
            name: "earlier version restored",
            show: |l, k| notice(l, k, Notice::VersionRestored(id())),
            keys: &[("F6", "F12")],
        },
        Case {
            name: "zongjie export's placeholders warning",
            show: |l, k| l.placeholders_left(3, k),
            keys: &[("F7", "F10")],
        },
        Case {
            name: "copy with nothing selected",
            show: |l, k| {
                let mut app = in_editor(l, k);
                press_action(&mut app, k, Context::Outline, Action::Edit);
                press_action(&mut app, k, Context::Editor, Action::Copy);
                message(&app)
            },
            keys: &[("Ctrl+A", "Ctrl+L")],
        },
        Case {
            name: "outline copy",
            show: |l, k| {
                let mut app = in_editor(l, k);
                press(&mut app, "j j j");
                press_action(&mut app, k, Context::Outline, Action::Copy);
                message(&app)
            },
            keys: &[("Ctrl+V", "Ctrl+B")],
        },
        Case {
            name: "outline cut",
            show: |l, k| {
                let mut app = in_editor(l, k);
                press(&mut app, "j j j j");
                press_action(&mut app, k, Context::Outline, Action::Cut);
                message(&app)
            },
            keys: &[("Ctrl+V", "Ctrl+B"), ("u", "Ctrl+U")],
        },
        Case {
            name: "outline paste with nothing copied",
            show: |l, k| {
                let mut app = in_editor(l, k);
                press(&mut app, "j j j");
                press_action(&mut app, k, Context::Outline, Action::Paste);
                message(&app)
            },
            keys: &[("Ctrl+C", "Ctrl+K")],
        },
        Case {
            name: "outline delete",
            show: |l, k| {
                let mut app = in_editor(l, k);
                press(&mut app, "j j j j");
                press_action(&mut app, k, Context::Outline, Action::Delete);
                message(&app)
            },
            keys: &[("u", "Ctrl+U")],
        },
        Case {
            name: "typing in the outline",
            show: |l, k| {
                let mut app = in_editor(l, k);
                press(&mut app, "z");
                message(&app)
            },
            keys: &[("Enter", "e")],
        },
        Case {
            name: "no earlier draft to show",
            show: |l, k| {
                let mut app = in_editor(l, k);
                press_action(&mut app, k, Context::Global, Action::ToggleReference);
                message(&app)
            },
            keys: &[("F3", "Ctrl+P")],
        },
        Case {
            name: "check done",
            show: |l, k| {
                let mut app = in_editor(l, k);
                press_action(&mut app, k, Context::Global, Action::Check);
                message(&app)
            },
            keys: &[("Enter", "o"), ("f", "x")],
        },
        Case {
            name: "findings pane title",
            show: |l, k| {
                let mut app = in_editor(l, k);
                press_action(&mut app, k, Context::Global, Action::Check);
                // The title row of the findings pane.
                screen(&render(&mut app, 120, 40))
                    .lines()
                    .find(|row| row.contains(l.pick("检查 ", "Findings ")))
                    .unwrap_or_default()
                    .to_string()
            },
            keys: &[("Enter", "o"), ("f", "x"), ("F7", "F10")],
        },
        Case {
            name: "opening a damaged draft",
            show: |l, k| {
                let damaged = DraftEntry {
                    id: id(),
                    path: "/nonexistent/d-1.toml".into(),
                    modified: None,
                    summary: Err("expected `=`".into()),
                };
                let mut app = picker(l, k, vec![damaged]);
                press_action(&mut app, k, Context::Picker, Action::Open);
                message(&app)
            },
            keys: &[("F6", "F12")],
        },
        Case {
            name: "no drafts yet",
            show: |l, k| screen(&render(&mut picker(l, k, Vec::new()), 120, 30)),
            keys: &[("Ctrl+N", "Ctrl+O")],
        },
        Case {
            name: "picker footer",
            show: |l, k| {
                let draft = DraftEntry {
                    id: id(),
                    path: "/nonexistent/d-1.toml".into(),
                    modified: None,
                    summary: Ok(DraftSummary::of(&document())),
                };
                screen(&render(&mut picker(l, k, vec![draft]), 160, 30))
            },
            keys: &[
                ("Ctrl+N", "Ctrl+O"),
                ("F3", "Ctrl+P"),
                ("F6", "F12"),
                ("F8", "F11"),
            ],
        },
        Case {
            name: "help in the editor",
            show: |l, k| {
                let mut app = in_editor(l, k);
                press_action(&mut app, k, Context::Outline, Action::Edit);
                press_action(&mut app, k, Context::Global, Action::Help);
                screen(&render(&mut app, 120, 60))
            },
            keys: &[("Ctrl+A", "Ctrl+L"), ("Esc", "Ctrl+G")],
        },
    ]
}

#[test]
fn every_message_names_the_key_bound_in_config_toml_not_the_default() {
    let defaults = Keymap::default();
    let rebound = rebound();
    for case in cases() {
        for lang in [Lang::Zh, Lang::En] {
            let before = (case.show)(lang, &defaults);
            let after = (case.show)(lang, &rebound);
            for (old, new) in case.keys {
                // The message names a key at all: the default one.
                assert!(
                    tokens(&before).contains(old),
                    "{} ({lang:?}) does not name {old} by default: {before}",
                    case.name
                );
                assert!(
                    tokens(&after).contains(new),
                    "{} ({lang:?}) does not name the rebound {new}: {after}",
                    case.name
                );
                assert!(
                    !tokens(&after).contains(old),
                    "{} ({lang:?}) still names {old}: {after}",
                    case.name
                );
            }
        }
    }
}

#[test]
fn the_rebound_keys_do_what_the_messages_say() {
    let keymap = rebound();
    // Ctrl+J goes from the title to the next field; Enter no longer does,
    // and does not break the one-line title either.
    let mut app = in_editor(Lang::En, &keymap);
    press(&mut app, "e");
    let field = |app: &App| {
        app.editor()
            .and_then(|e| e.fields.active().map(|f| f.field))
    };
    let title = field(&app);
    press(&mut app, "Enter");
    assert_eq!(field(&app), title);
    assert_eq!(
        app.editor().map(|e| e.doc.title.clone()),
        Some(document().title)
    );
    press(&mut app, "C-j");
    assert_ne!(field(&app), title);
    // Ctrl+G leaves the editor, as the new-draft notice says.
    press(&mut app, "C-g");
    assert_eq!(
        app.editor().map(|e| e.focus),
        Some(zongjie::app::Focus::Outline)
    );
}

#[test]
fn a_message_leaves_out_a_key_that_is_not_bound() {
    let (config, _) = Config::parse("[keys]\nshow_trash = []\ncheck = []\n", "config.toml");
    let (keymap, warnings) = config.keymap();
    assert!(warnings.is_empty(), "{warnings:?}");
    for lang in [Lang::Zh, Lang::En] {
        let trashed = notice(lang, &keymap, Notice::Trashed(id()));
        assert!(!trashed.contains("F8"), "{trashed}");
        assert!(
            !trashed.contains("()") && !trashed.contains("（）"),
            "{trashed}"
        );
        assert!(trashed.contains("d-1"), "{trashed}");
        let warning = lang.placeholders_left(2, &keymap);
        assert!(!warning.contains("F7"), "{warning}");
        assert!(warning.contains("zongjie check"), "{warning}");
    }
}
