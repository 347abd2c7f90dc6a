//! Key dispatch for the editor screen: popups first, then the global keys,
//! then the focused pane's (outline, editor, preview, findings).

use crossterm::event::KeyEvent;

use super::field_keys::{editor_key, is_typing};
use super::find_bar::jump_to;
use super::popups::{deleted_message, handle_popup};
use super::{EditorState, Focus, Popup, preview_scroll_within};
use crate::app::find::{FindState, Match};
use crate::app::outline::Entry;
use crate::app::{App, Effect, Screen};
use crate::document::SectionKind;
use crate::settings::keymap::{Action, Context};

pub(in crate::app) fn handle_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let keymap = &app.settings.keymap;
    let lang = app.lang();
    let Screen::Editor(e) = &mut app.screen else {
        return Vec::new();
    };

    // F1 over a popup shows the popup's keys, unless the popup uses it.
    if let Some(popup) = &e.popup
        && keymap.action(popup.context(), &key).is_none()
        && keymap.action(Context::Global, &key) == Some(Action::Help)
    {
        app.help = true;
        return Vec::new();
    }
    if let Some(popup) = e.popup.take() {
        let effects = handle_popup(e, popup, key, keymap, lang, &mut app.message);
        // The query is remembered for the next Ctrl+F or Ctrl+R.
        if let Some(Popup::Find(state)) = &e.popup {
            app.typing.last_query.clone_from(&state.query);
        }
        return effects;
    }
    if keymap.action(Context::Global, &key) == Some(Action::ToggleReference) {
        return super::reference::toggle(app);
    }
    // In the outline, Tab folds a row with points below it (else it moves
    // focus, as everywhere) and Shift+Tab folds the whole outline.
    if e.focus == Focus::Outline
        && let Some(action @ (Action::Fold | Action::FoldAll)) =
            keymap.action(Context::Outline, &key)
        && (action == Action::FoldAll || e.selected_entry().has_children(&e.doc))
    {
        let text = if action == Action::Fold {
            e.cycle_fold()
        } else {
            e.cycle_fold_all()
        };
        app.message = Some(crate::app::Message {
            text: text.say(lang).to_string(),
            error: false,
        });
        return Vec::new();
    }
    if let Some(action) = keymap.action(Context::Global, &key) {
        match action {
            Action::Save => {
                e.end_typing_run();
                return vec![Effect::Save];
            }
            Action::Quit => {
                e.end_typing_run();
                return vec![Effect::SaveAndQuit];
            }
            Action::Export => {
                e.end_typing_run();
                e.popup = Some(Popup::Export {
                    selected: crate::docx::ExportFormat::Txt,
                });
                return Vec::new();
            }
            Action::Help => {
                app.help = true;
                return Vec::new();
            }
            Action::Check => {
                e.end_typing_run();
                e.run_check();
                e.show_findings = !e.show_findings || e.focus != Focus::Findings;
                e.focus = if e.show_findings {
                    Focus::Findings
                } else {
                    Focus::Outline
                };
                let n = e.findings.len();
                let jump = keymap.key_label(Context::Findings, Action::Edit);
                let fix = keymap.key_label(Context::Findings, Action::ApplyFix);
                app.message = Some(crate::app::Message {
                    text: match lang {
                        crate::i18n::Lang::Zh if n == 0 => "检查完毕，没有发现问题".to_string(),
                        crate::i18n::Lang::Zh => {
                            format!("检查发现 {n} 处（{jump} 跳转，{fix} 修正）")
                        }
                        crate::i18n::Lang::En if n == 0 => "Checked: nothing found".to_string(),
                        crate::i18n::Lang::En => {
                            format!("{n} findings ({jump} jumps, {fix} fixes)")
                        }
                    },
                    error: false,
                });
                return Vec::new();
            }
            Action::Find | Action::Replace => {
                e.end_typing_run();
                let mut state = FindState::new(action == Action::Replace);
                crate::app::typing::continue_search(&mut state, &app.typing, &e.doc);
                e.popup = Some(Popup::Find(state));
                return Vec::new();
            }
            Action::FocusNext | Action::FocusPrev => {
                let last = if e.show_findings {
                    Focus::Findings
                } else {
                    Focus::Preview
                };
                let order = [Focus::Outline, Focus::Editor, last];
                let i = order.iter().position(|f| *f == e.focus).unwrap_or(0);
                let step = if action == Action::FocusNext {
                    1
                } else {
                    order.len() - 1
                };
                let next = order[(i + step) % order.len()];
                if e.focus == Focus::Editor {
                    e.end_typing_run();
                }
                e.focus = next;
                e.preview_scroll = 0;
                // A change of focus is a moment to save.
                return if e.dirty {
                    vec![Effect::Save]
                } else {
                    Vec::new()
                };
            }
            _ => {}
        }
    }
    let context = match e.focus {
        Focus::Outline => Context::Outline,
        Focus::Editor => Context::Editor,
        Focus::Preview => Context::Preview,
        Focus::Findings => Context::Findings,
    };
    let action = keymap.action(context, &key);
    match e.focus {
        Focus::Outline => {
            let Some(action) = action else {
                if is_typing(&key) {
                    say_why_not_typed(&mut app.message, keymap, Context::Outline, lang);
                }
                return Vec::new();
            };
            if matches!(action, Action::Copy | Action::Cut | Action::Paste) {
                let changed = crate::app::typing::outline_clipboard(
                    e,
                    &mut app.typing,
                    keymap,
                    action,
                    lang,
                    &mut app.message,
                );
                return if changed {
                    vec![Effect::Save]
                } else {
                    Vec::new()
                };
            }
            outline_action(e, action, app.size.1, keymap, lang, &mut app.message)
        }
        Focus::Editor => {
            if let Some(effects) = crate::app::typing::field_key(
                e,
                &mut app.typing,
                app.size,
                keymap,
                action,
                key,
                lang,
                &mut app.message,
            ) {
                // A cursor move, a selection or the clipboard: the typing
                // run ends (a cut or paste is a step of its own already).
                e.end_typing_run();
                return effects;
            }
            editor_key(e, action, key, app.size, lang, &mut app.message)
        }
        Focus::Findings => {
            if action.is_none() && is_typing(&key) {
                say_why_not_typed(&mut app.message, keymap, Context::Findings, lang);
            }
            findings_action(e, action)
        }
        Focus::Preview => {
            match action {
                Some(Action::Up) => e.preview_scroll -= 1,
                Some(Action::Down) => e.preview_scroll += 1,
                Some(Action::PageUp) => e.preview_scroll -= page(app.size.1) as isize,
                Some(Action::PageDown) => e.preview_scroll += page(app.size.1) as isize,
                None if is_typing(&key) => {
                    say_why_not_typed(&mut app.message, keymap, Context::Outline, lang)
                }
                Some(Action::Leave) => {
                    e.focus = Focus::Outline;
                    e.preview_scroll = 0;
                }
                _ => {}
            }
            // PgDn and ↓ stop at the end of the text.
            e.preview_scroll =
                preview_scroll_within(e, app.size, &app.settings.export, e.preview_scroll);
            Vec::new()
        }
    }
}

/// A letter typed where it cannot go (the outline, the preview, the
/// findings, a read-only draft): say why nothing happened, and what to do
/// instead. `Enter` edits the outline's selection; in the findings it
/// goes to the selected place (`context` says which).
fn say_why_not_typed(
    message: &mut Option<crate::app::Message>,
    keymap: &crate::settings::keymap::Keymap,
    context: Context,
    lang: crate::i18n::Lang,
) {
    let edit = keymap.key_label(context, Action::Edit);
    let next = keymap.key_label(Context::Global, Action::FocusNext);
    let help = keymap.key_label(Context::Global, Action::Help);
    let findings = context == Context::Findings;
    *message = Some(crate::app::Message {
        text: match lang {
            crate::i18n::Lang::Zh if findings => {
                format!(
                    "这里不能输入文字：按 {edit} 到所选的一处去修改（{next} 切换窗格，{help} 帮助）"
                )
            }
            crate::i18n::Lang::Zh => {
                format!("这里不能输入文字：按 {edit} 编辑所选部分（{next} 切换窗格，{help} 帮助）")
            }
            crate::i18n::Lang::En if findings => format!(
                "Text cannot be typed here: {edit} goes to the selected place ({next} moves between panes, {help} help)"
            ),
            crate::i18n::Lang::En => format!(
                "Text cannot be typed here: {edit} edits the selection ({next} moves between panes, {help} help)"
            ),
        },
        error: false,
    });
}

fn findings_action(e: &mut EditorState, action: Option<Action>) -> Vec<Effect> {
    let last = e.findings.len().saturating_sub(1);
    match action {
        Some(Action::Up) => e.findings_selected = e.findings_selected.saturating_sub(1),
        Some(Action::Down) => e.findings_selected = (e.findings_selected + 1).min(last),
        Some(Action::Edit) => {
            if let Some(f) = e.findings.get(e.findings_selected) {
                let location = f.location;
                jump_to(
                    e,
                    Match {
                        field: location.field,
                        start: location.start,
                        len: location.len,
                    },
                );
            }
        }
        Some(Action::ApplyFix) => {
            let fix = e
                .findings
                .get(e.findings_selected)
                .and_then(|f| f.fix(&e.doc));
            if let Some(edit) = fix
                && !e.read_only
                && e.apply(edit)
            {
                // apply() checked again; stay in the findings pane.
                e.focus = Focus::Findings;
                return vec![Effect::Save];
            }
        }
        Some(Action::Leave) => e.focus = Focus::Outline,
        _ => {}
    }
    Vec::new()
}

fn page(height: u16) -> usize {
    usize::from(height.saturating_sub(4)).max(1)
}

fn outline_action(
    e: &mut EditorState,
    action: Action,
    height: u16,
    keymap: &crate::settings::keymap::Keymap,
    lang: crate::i18n::Lang,
    message: &mut Option<crate::app::Message>,
) -> Vec<Effect> {
    let last = e.entries.len().saturating_sub(1);
    let structural = match action {
        Action::Up => {
            e.select(e.selected.saturating_sub(1));
            false
        }
        Action::Down => {
            e.select((e.selected + 1).min(last));
            false
        }
        Action::First => {
            e.select(0);
            false
        }
        Action::Last => {
            e.select(last);
            false
        }
        Action::PageUp => {
            e.select(e.selected.saturating_sub(page(height)));
            false
        }
        Action::PageDown => {
            e.select((e.selected + page(height)).min(last));
            false
        }
        Action::Edit => {
            e.start_editing();
            false
        }
        Action::MoveUp => e.move_selected(false),
        Action::MoveDown => e.move_selected(true),
        Action::NewItem => {
            let done = e.new_item();
            if done {
                e.start_editing();
            }
            done
        }
        Action::NewSection => {
            e.popup = Some(Popup::NewSection { selected: 0 });
            false
        }
        Action::NewChild => {
            let done = e.new_child();
            if done {
                e.start_editing();
            } else if let Some(why) = e.why_no_child() {
                *message = Some(crate::app::Message {
                    text: why.say(lang).to_string(),
                    error: true,
                });
            }
            done
        }
        Action::Promote | Action::Demote => {
            let up = action == Action::Promote;
            let done = e.change_level(up);
            if !done && let Some(why) = e.why_not_level(up) {
                *message = Some(crate::app::Message {
                    text: why.say(lang).to_string(),
                    error: true,
                });
            }
            done
        }
        Action::Delete if matches!(e.selected_entry(), Entry::Section(s) if e.section_has_text(s)) =>
        {
            if let Entry::Section(section) = e.selected_entry() {
                e.popup = Some(Popup::ConfirmDeleteSection { section });
            }
            false
        }
        Action::Delete => {
            let done = e.delete_selected();
            if done {
                *message = Some(deleted_message(keymap, lang));
            }
            done
        }
        Action::Undo => e.undo(),
        Action::Redo => e.redo(),
        Action::CycleStyle => e.cycle_style(),
        Action::CycleKind => {
            if let Some(section) = e.current_section() {
                let kind = e.doc.sections[section].kind;
                let selected = SectionKind::ALL
                    .iter()
                    .position(|k| *k == kind)
                    .unwrap_or(0);
                e.popup = Some(Popup::ChangeKind { section, selected });
            }
            false
        }
        Action::SetTarget => {
            e.ask_target();
            false
        }
        _ => false,
    };
    // Every structural change is saved at once.
    if structural && !e.read_only {
        vec![Effect::Save]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::editor::test_support::{app, editor, press};

    #[test]
    fn tab_cycles_the_panes_and_the_findings_take_the_previews_turn() {
        let mut app = app();
        let mut seen = vec![editor(&app).focus];
        for _ in 0..3 {
            press(&mut app, "Tab");
            seen.push(editor(&app).focus);
        }
        assert_eq!(
            seen,
            [
                Focus::Outline,
                Focus::Editor,
                Focus::Preview,
                Focus::Outline
            ]
        );
        // Shift+Tab goes back (in the outline it folds instead).
        press(&mut app, "Tab Tab S-Tab");
        assert_eq!(editor(&app).focus, Focus::Editor);
        // F7 shows the findings: they take the preview's place in the cycle.
        press(&mut app, "F7");
        assert_eq!(editor(&app).focus, Focus::Findings);
        press(&mut app, "Tab Tab Tab");
        assert_eq!(editor(&app).focus, Focus::Findings);
    }

    /// Ctrl+J is the line feed a terminal in cooked mode sends for Enter
    /// (keys typed while zongjie was suspended arrive so): it does what
    /// Enter does, and never deletes the text before the cursor, unless
    /// the writer bound Ctrl+J to something.
    #[test]
    fn a_line_feed_is_enter() {
        let mut by_enter = app();
        let mut by_line_feed = app();
        // The title (one line): type, then go on to the next field and type.
        for (app, key) in [(&mut by_enter, "Enter"), (&mut by_line_feed, "C-j")] {
            press(app, "Enter End");
            crate::app::editor::test_support::type_text(app, "甲");
            press(app, key);
            crate::app::editor::test_support::type_text(app, "乙");
        }
        assert_eq!(editor(&by_line_feed).doc, editor(&by_enter).doc);
        assert!(editor(&by_line_feed).doc.title.ends_with('甲'));
        // Bound by the writer, Ctrl+J does what it is bound to.
        let (keymap, _) = crate::settings::keymap::Keymap::with_overrides(&[
            crate::settings::keymap::KeyOverride::everywhere("down", &["C-j"]),
        ]);
        let mut bound = app();
        bound.settings.keymap = keymap;
        let before = editor(&bound).selected;
        press(&mut bound, "C-j");
        assert_ne!(editor(&bound).selected, before);
    }

    #[test]
    fn a_letter_where_text_cannot_go_says_why_and_changes_nothing() {
        let mut app = app();
        let before = editor(&app).doc.clone();
        for pane in ["", "Tab Tab"] {
            press(&mut app, pane);
            app.message = None;
            press(&mut app, "x");
            assert!(app.message.is_some(), "focus {:?}", editor(&app).focus);
            assert_eq!(editor(&app).doc, before);
        }
    }

    #[test]
    fn outline_keys_move_the_selection_and_structural_ones_save() {
        let mut app = app();
        let last = editor(&app).entries.len() - 1;
        press(&mut app, "j j");
        assert_eq!(editor(&app).selected, 2);
        press(&mut app, "G");
        assert_eq!(editor(&app).selected, last);
        press(&mut app, "g j j j");
        assert_eq!(editor(&app).selected_entry(), Entry::Section(1));
        assert_eq!(press(&mut app, "J"), vec![Effect::Save]);
        assert_eq!(editor(&app).selected_entry(), Entry::Section(2));
        assert_eq!(press(&mut app, "j"), vec![]);
    }

    #[test]
    fn esc_in_the_editor_goes_back_and_saves_what_changed() {
        let mut app = app();
        press(&mut app, "Enter");
        assert_eq!(editor(&app).focus, Focus::Editor);
        assert_eq!(press(&mut app, "Esc"), vec![]);
        press(&mut app, "Enter End");
        crate::app::editor::test_support::type_text(&mut app, "甲");
        assert_eq!(press(&mut app, "Esc"), vec![Effect::Save]);
        assert_eq!(editor(&app).focus, Focus::Outline);
    }
}
