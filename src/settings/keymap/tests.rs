//! The key table's own tests: parsing, matching, overrides and hints.

use crossterm::event::KeyModifiers;

use super::*;

fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, m)
}

#[test]
fn parses_the_spellings_of_the_config() {
    let cases = [
        ("C-s", KeyCode::Char('s'), KeyModifiers::CONTROL),
        ("A-Down", KeyCode::Down, KeyModifiers::ALT),
        ("J", KeyCode::Char('J'), KeyModifiers::NONE),
        ("S-Tab", KeyCode::BackTab, KeyModifiers::NONE),
        ("F1", KeyCode::F(1), KeyModifiers::NONE),
        (
            "C-A-x",
            KeyCode::Char('x'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        ),
        ("Space", KeyCode::Char(' '), KeyModifiers::NONE),
        ("-", KeyCode::Char('-'), KeyModifiers::NONE),
    ];
    for (text, code, modifiers) in cases {
        assert_eq!(
            KeyBinding::parse(text),
            Ok(KeyBinding { code, modifiers }),
            "{text}"
        );
    }
    for bad in ["", "X-s", "F13", "Hyper", "C-"] {
        assert!(KeyBinding::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn events_match_bindings() {
    let map = Keymap::default();
    assert_eq!(
        map.action(
            Context::Outline,
            &key(KeyCode::Char('J'), KeyModifiers::SHIFT)
        ),
        Some(Action::MoveDown)
    );
    assert_eq!(
        map.action(Context::Outline, &key(KeyCode::Down, KeyModifiers::ALT)),
        Some(Action::MoveDown)
    );
    assert_eq!(
        map.action(
            Context::Global,
            &key(KeyCode::Char('s'), KeyModifiers::CONTROL)
        ),
        Some(Action::Save)
    );
    assert_eq!(
        map.action(Context::Global, &key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some(Action::FocusPrev)
    );
    assert_eq!(
        map.action(
            Context::Outline,
            &key(KeyCode::Char('x'), KeyModifiers::NONE)
        ),
        None
    );
}

#[test]
fn the_defaults_have_no_conflicts() {
    let (_, warnings) = Keymap::with_overrides(&[]);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn every_context_has_keys() {
    let map = Keymap::default();
    for context in Context::ALL {
        assert!(map.bindings(*context).next().is_some(), "{context:?}");
    }
}

#[test]
fn hints_name_the_keys_once_and_number_runs_as_a_range() {
    let map = Keymap::default();
    assert_eq!(
        map.hint_keys(Context::ChangedOnDisk, Action::Overwrite),
        "o"
    );
    assert_eq!(map.hint_keys(Context::Find, Action::FindNext), "Enter/↓");
    assert_eq!(
        map.hint_keys(Context::KindList, Action::ChooseNumber),
        "1-6"
    );
    assert_eq!(
        map.hint(Context::Target, Action::Cancel, Lang::En),
        "Esc cancel"
    );
    assert_eq!(
        map.hint(Context::Find, Action::Cancel, Lang::Zh),
        "Esc 关闭"
    );
    assert_eq!(
        map.hint_line(Context::Trash, &[Action::Restore, Action::Cancel], Lang::En),
        "Enter restore · Esc close"
    );
    assert_eq!(map.hint(Context::Trash, Action::Save, Lang::En), "");
}

#[test]
fn a_binding_with_no_usable_key_keeps_the_default() {
    let broken = |name: &str| KeyOverride::everywhere(name, &["Ctrl+Ctrl+Ctrl"]);
    let (map, warnings) = Keymap::with_overrides(&[broken("save"), broken("undo"), broken("find")]);
    let warnings: Vec<String> = warnings.iter().map(|w| w.text(Lang::En)).collect();
    // The oracle: the keymap with no overrides at all.
    assert_eq!(map.listing, Keymap::with_overrides(&[]).0.listing);
    assert_eq!(
        map.action(
            Context::Global,
            &key(KeyCode::Char('s'), KeyModifiers::CONTROL)
        ),
        Some(Action::Save)
    );
    for name in ["save", "undo", "find"] {
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with(&format!("keys.{name}: no usable key"))),
            "{warnings:?}"
        );
    }
}

#[test]
fn overrides_replace_keys_and_report_problems() {
    let (map, warnings) = Keymap::with_overrides(&[
        KeyOverride::everywhere("move_down", &["C-j", "A-Down"]),
        KeyOverride::everywhere("fly", &["x"]),
        KeyOverride::everywhere("undo", &["C-s", "Q-q"]),
    ]);
    let warnings: Vec<String> = warnings.iter().map(|w| w.text(Lang::En)).collect();
    assert_eq!(
        map.action(
            Context::Outline,
            &key(KeyCode::Char('j'), KeyModifiers::CONTROL)
        ),
        Some(Action::MoveDown)
    );
    assert_eq!(
        map.action(
            Context::Outline,
            &key(KeyCode::Char('J'), KeyModifiers::SHIFT)
        ),
        None
    );
    assert!(
        warnings.iter().any(|w| w.contains("unknown action `fly`")),
        "{warnings:?}"
    );
    assert!(warnings.iter().any(|w| w.contains("Q-q")), "{warnings:?}");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`save`") && w.contains("`undo`")),
        "{warnings:?}"
    );
}
