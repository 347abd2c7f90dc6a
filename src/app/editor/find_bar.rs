//! Keys in the find (and replace) bar: the query and the replacement
//! typed, matches stepped through and shown, one or all replaced.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_textarea::CursorMove;

use super::{EditorState, Focus, Popup};
use crate::app::find::{FindInput, FindState, Match, replace_all, replace_one};
use crate::app::{Effect, Message};
use crate::i18n::Lang;
use crate::settings::keymap::{Action, Context, Keymap};

pub(super) fn handle_find(
    e: &mut EditorState,
    mut state: FindState,
    key: KeyEvent,
    keymap: &Keymap,
    lang: Lang,
    message: &mut Option<Message>,
) -> Vec<Effect> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let mut effects = Vec::new();
    // A recalled query is selected: typing replaces it, other keys keep it.
    if std::mem::take(&mut state.recalled)
        && state.input == FindInput::Query
        && matches!(key.code, KeyCode::Char(_) | KeyCode::Backspace)
        && !ctrl
    {
        state.query.clear();
    }
    let context = if state.replacement.is_some() {
        Context::Replace
    } else {
        Context::Find
    };
    let mut action = keymap.action(context, &key);
    // Nothing to replace (no match, or a read-only draft): Enter goes on.
    if action == Some(Action::ReplaceOne) && (state.current.is_none() || e.read_only) {
        action = Some(Action::FindNext);
    }
    match action {
        Some(Action::Cancel) => return effects,
        // Ctrl+R in the find bar: replace what is being found.
        Some(Action::Replace) => {
            state.replacement = Some(String::new());
            state.input = FindInput::Replacement;
        }
        Some(Action::SwitchInput) => {
            state.input = match state.input {
                FindInput::Query => FindInput::Replacement,
                FindInput::Replacement => FindInput::Query,
            };
        }
        Some(Action::ReplaceAll) => {
            let replacement = state.replacement.clone().unwrap_or_default();
            let replaced = replace_all(&e.doc, &state.query, &replacement)
                .filter(|_| !e.read_only)
                .and_then(|(edit, count)| e.apply(edit).then_some(count));
            match replaced {
                Some(count) => {
                    let undo = keymap.key_label(Context::Outline, Action::Undo);
                    *message = Some(Message {
                        text: match lang {
                            Lang::Zh => format!("已替换 {count} 处（在大纲按 {undo} 可撤销）"),
                            Lang::En => {
                                format!("Replaced {count} ({undo} in the outline undoes it)")
                            }
                        },
                        error: false,
                    });
                    e.focus = Focus::Outline;
                    return vec![Effect::Save];
                }
                None => {
                    *message = Some(Message {
                        text: lang.pick("没有找到", "Not found").into(),
                        error: true,
                    });
                }
            }
        }
        Some(Action::ReplaceOne) => {
            let replacement = state.replacement.clone().unwrap_or_default();
            let current = state.current.unwrap_or(0);
            if let Some(m) = state.matches.get(current).copied()
                && let Some(edit) = replace_one(&e.doc, m, &replacement)
                && e.apply(edit)
            {
                effects.push(Effect::Save);
                state.replaced += 1;
                state.refresh(&e.doc);
                // The next match now has the index of the replaced one.
                if let Some(m) = state.matches.get(current).copied() {
                    state.current = Some(current);
                    jump_to(e, m);
                } else {
                    state.current = None;
                    if let Some(m) = state.step(true) {
                        jump_to(e, m);
                    }
                }
            }
        }
        Some(Action::FindNext) => {
            if let Some(m) = state.step(true) {
                jump_to(e, m);
            }
        }
        Some(Action::FindPrev) => {
            if let Some(m) = state.step(false) {
                jump_to(e, m);
            }
        }
        // Anything else is text for the line being typed.
        _ => match key.code {
            KeyCode::Backspace => {
                edit_find_input(&mut state, |s| {
                    s.pop();
                });
                refresh_find(e, &mut state);
            }
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                edit_find_input(&mut state, |s| s.push(c));
                refresh_find(e, &mut state);
            }
            _ => {}
        },
    }
    e.popup = Some(Popup::Find(state));
    effects
}

fn edit_find_input(state: &mut FindState, f: impl FnOnce(&mut String)) {
    match state.input {
        FindInput::Query => f(&mut state.query),
        FindInput::Replacement => {
            if let Some(r) = state.replacement.as_mut() {
                f(r)
            }
        }
    }
}

/// After the query changed: search again and show the first match.
fn refresh_find(e: &mut EditorState, state: &mut FindState) {
    if state.input == FindInput::Query {
        state.current = None;
        state.refresh(&e.doc);
        if let Some(m) = state.step(true) {
            jump_to(e, m);
        }
    }
}

/// Shows a match: its entry selected, the editor on its field, the match selected.
pub(super) fn jump_to(e: &mut EditorState, m: Match) {
    e.select_field(m.field);
    e.focus = Focus::Editor;
    let Some(fa) = e.fields.active_mut() else {
        return;
    };
    let text = fa.text();
    let before: String = text.chars().take(m.start).collect();
    let row = before.matches('\n').count();
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    fa.area.cancel_selection();
    fa.area.jump(row, col);
    fa.area.start_selection();
    for _ in 0..m.len {
        fa.area.move_cursor(CursorMove::Forward);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::editor::test_support::{app, editor, press, type_text};
    use crate::document::Document;

    /// The oracle: how often `query` occurs in the draft's fields.
    fn occurrences(doc: &Document, query: &str) -> usize {
        doc.fields()
            .filter_map(|f| doc.text(f))
            .map(|t| t.matches(query).count())
            .sum()
    }

    fn find_state(app: &crate::app::App) -> &FindState {
        match &editor(app).popup {
            Some(Popup::Find(state)) => state,
            other => panic!("no find bar: {other:?}"),
        }
    }

    #[test]
    fn the_find_bar_finds_every_occurrence_and_steps_through_them() {
        let mut app = app();
        press(&mut app, "C-f");
        type_text(&mut app, "XX");
        let n = occurrences(&editor(&app).doc, "XX");
        assert!(n > 3, "the sample has placeholders");
        assert_eq!(find_state(&app).matches.len(), n);
        assert_eq!(find_state(&app).current, Some(0));
        press(&mut app, "Down Enter");
        assert_eq!(find_state(&app).current, Some(2));
        press(&mut app, "Up");
        assert_eq!(find_state(&app).current, Some(1));
        // The match shown is selected in the editor.
        let m = find_state(&app).matches[1];
        let e = editor(&app);
        assert_eq!(e.fields.active().map(|fa| fa.field), Some(m.field));
        press(&mut app, "Backspace");
        assert_eq!(
            find_state(&app).matches.len(),
            occurrences(&editor(&app).doc, "X")
        );
        press(&mut app, "Esc");
        assert_eq!(editor(&app).popup, None);
    }

    /// The replace bar open with `query` and `replacement` typed.
    fn replacing(app: &mut crate::app::App, query: &str, replacement: &str) {
        press(app, "C-r");
        type_text(app, query);
        press(app, "Tab");
        type_text(app, replacement);
    }

    #[test]
    fn replace_all_replaces_every_occurrence_in_one_undo_step() {
        let mut app = app();
        let before = editor(&app).doc.clone();
        let n = occurrences(&before, "XX");
        replacing(&mut app, "XX", "某某");
        assert_eq!(press(&mut app, "C-a"), vec![Effect::Save]);
        let doc = &editor(&app).doc;
        assert_eq!(occurrences(doc, "XX"), 0);
        assert_eq!(occurrences(doc, "某某"), n + occurrences(&before, "某某"));
        assert_eq!(editor(&app).focus, Focus::Outline);
        press(&mut app, "u");
        assert_eq!(editor(&app).doc, before);
    }

    #[test]
    fn enter_in_the_replace_bar_replaces_one_and_goes_on() {
        let mut app = app();
        let before = editor(&app).doc.clone();
        let n = occurrences(&before, "XX");
        replacing(&mut app, "XX", "五");
        assert_eq!(
            press(&mut app, "Enter Enter"),
            vec![Effect::Save, Effect::Save]
        );
        assert_eq!(occurrences(&editor(&app).doc, "XX"), n - 2);
        assert_eq!(find_state(&app).replaced, 2);
        assert_eq!(find_state(&app).matches.len(), n - 2);
    }
}
