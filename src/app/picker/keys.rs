//! The picker's keys and mouse: filter, open, create from a template,
//! copy, rename, delete to the trash and restore.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::{PickerPopup, PickerState, RenameWhat};
use crate::app::{App, Effect, Screen};
use crate::settings::keymap::{Action, Context, Keymap};
use crate::templates::TEMPLATES;

pub(in crate::app) fn handle_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let keymap = app.settings.keymap.clone();
    let Screen::Picker(p) = &mut app.screen else {
        return Vec::new();
    };
    if let Some(popup) = p.popup.clone() {
        // F1 over a popup shows the popup's keys, unless the popup uses it.
        if keymap.action(popup.context(), &key).is_none()
            && keymap.action(Context::Picker, &key) == Some(Action::Help)
        {
            app.help = true;
            return Vec::new();
        }
        return handle_popup(p, popup, key, &keymap);
    }
    if let Some(action) = keymap.action(Context::Picker, &key) {
        let selected = p
            .selected_draft()
            .map(|d| (d.id.clone(), d.summary.is_ok(), d.path.clone()));
        match action {
            Action::Up => p.selected = p.selected.saturating_sub(1),
            Action::Down => p.selected = (p.selected + 1).min(p.visible().len().saturating_sub(1)),
            Action::Open => {
                if let Some((id, ok, _)) = selected {
                    if ok {
                        return vec![Effect::OpenDraft(id)];
                    }
                    let lang = app.settings.lang;
                    let restore = keymap.key_label(Context::Picker, Action::RestoreBackup);
                    app.warn(match (lang, restore.is_empty()) {
                        (crate::i18n::Lang::Zh, true) => "此草稿已损坏，不能打开".into(),
                        (crate::i18n::Lang::Zh, false) => {
                            format!("此草稿已损坏，不能打开；可按 {restore} 恢复上一版本")
                        }
                        (crate::i18n::Lang::En, true) => "This draft is damaged and cannot be opened".into(),
                        (crate::i18n::Lang::En, false) => format!(
                            "This draft is damaged and cannot be opened; {restore} restores the previous version"
                        ),
                    });
                }
            }
            Action::NewDraft => p.popup = Some(PickerPopup::Templates { selected: 0 }),
            Action::RenameDraft => {
                // The title is what the writer sees and means; the id (the
                // file name) changes only when asked for with Tab. A damaged
                // draft has no title to change: its id is offered.
                let title = p
                    .selected_draft()
                    .and_then(|d| d.summary.as_ref().ok())
                    .map(|s| s.title.clone());
                if let Some((id, _, _)) = selected {
                    p.popup = Some(match title {
                        Some(title) => PickerPopup::Rename {
                            id,
                            input: title,
                            what: RenameWhat::Title,
                        },
                        None => PickerPopup::Rename {
                            input: id.to_string(),
                            id,
                            what: RenameWhat::Id,
                        },
                    });
                }
            }
            Action::CopyDraft => {
                if let Some((id, _, _)) = selected {
                    return vec![Effect::CopyDraft(id)];
                }
            }
            Action::SaveAsTemplate => {
                if let Some((id, _, _)) = selected {
                    p.popup = Some(PickerPopup::Rename {
                        input: String::new(),
                        id,
                        what: RenameWhat::Template,
                    });
                }
            }
            Action::NextPeriodDraft => {
                if let Some((id, _, _)) = selected {
                    return vec![Effect::CreateNextDraft(id)];
                }
            }
            Action::DeleteDraft => {
                if let Some((id, _, _)) = selected {
                    p.popup = Some(PickerPopup::ConfirmDelete { id });
                }
            }
            Action::RestoreBackup => {
                if let Some((id, _, _)) = selected {
                    return vec![Effect::RestoreBackup(id)];
                }
            }
            Action::ShowTrash => return vec![Effect::ListTrash],
            Action::ShowHistory => {
                if let Some((id, _, _)) = selected {
                    return vec![Effect::ListHistory(id)];
                }
            }
            Action::Help => app.help = true,
            Action::Exit => {
                if key.code == KeyCode::Esc && !p.filter.is_empty() {
                    p.filter.clear();
                    p.selected = 0;
                } else {
                    return vec![Effect::Quit];
                }
            }
            _ => {}
        }
        return Vec::new();
    }
    // Anything else typed filters the list.
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            p.filter.push(c);
            p.selected = 0;
        }
        KeyCode::Backspace => {
            p.filter.pop();
            p.selected = 0;
        }
        _ => {}
    }
    Vec::new()
}

fn handle_popup(
    p: &mut PickerState,
    popup: PickerPopup,
    key: KeyEvent,
    keymap: &Keymap,
) -> Vec<Effect> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let action = keymap.action(popup.context(), &key);
    match popup {
        PickerPopup::Templates { selected } => {
            let n = TEMPLATES.len();
            match action {
                Some(Action::Up) => {
                    p.popup = Some(PickerPopup::Templates {
                        selected: (selected + n - 1) % n,
                    })
                }
                Some(Action::Down) => {
                    p.popup = Some(PickerPopup::Templates {
                        selected: (selected + 1) % n,
                    })
                }
                Some(Action::Choose) => {
                    p.popup = None;
                    return vec![Effect::CreateDraft {
                        template: TEMPLATES[selected].name.to_string(),
                    }];
                }
                Some(Action::Quit) => return vec![Effect::Quit],
                Some(Action::Cancel) => p.popup = None,
                _ => {}
            }
        }
        PickerPopup::Rename {
            id,
            mut input,
            what,
        } => match action {
            Some(Action::Confirm) => {
                p.popup = None;
                match what {
                    RenameWhat::Id if input != id.as_str() => {
                        return vec![Effect::RenameDraft {
                            from: id,
                            to: input,
                        }];
                    }
                    RenameWhat::Title
                        if p.selected_draft()
                            .and_then(|d| d.summary.as_ref().ok())
                            .map(|s| s.title.as_str())
                            != Some(input.as_str()) =>
                    {
                        return vec![Effect::RetitleDraft { id, title: input }];
                    }
                    RenameWhat::Template if !input.trim().is_empty() => {
                        return vec![Effect::SaveAsTemplate {
                            id,
                            name: input.trim().to_string(),
                        }];
                    }
                    _ => {}
                }
            }
            Some(Action::SwitchInput) => {
                // Switch between the title and the id.
                let (input, what) = match what {
                    RenameWhat::Template => (input, what),
                    RenameWhat::Title => (id.to_string(), RenameWhat::Id),
                    RenameWhat::Id => (
                        p.selected_draft()
                            .and_then(|d| d.summary.as_ref().ok())
                            .map(|s| s.title.clone())
                            .unwrap_or(input),
                        RenameWhat::Title,
                    ),
                };
                p.popup = Some(PickerPopup::Rename { id, input, what });
            }
            Some(Action::Cancel) => p.popup = None,
            // Anything else is text for the name being typed.
            _ => {
                match key.code {
                    KeyCode::Backspace => {
                        input.pop();
                    }
                    KeyCode::Char(c) if !ctrl => input.push(c),
                    _ => {}
                }
                p.popup = Some(PickerPopup::Rename { id, input, what });
            }
        },
        // Any key but the confirming one cancels.
        PickerPopup::ConfirmDelete { id } => {
            p.popup = None;
            if action == Some(Action::Confirm) {
                return vec![Effect::TrashDraft(id)];
            }
        }
        // In the lists, a key that does nothing there closes them.
        PickerPopup::Trash { items, selected } => match action {
            Some(Action::Up | Action::Down) => {
                p.popup = Some(PickerPopup::Trash {
                    selected: step(selected, items.len(), action == Some(Action::Up)),
                    items,
                });
            }
            Some(Action::Restore) => {
                p.popup = None;
                if let Some((name, _)) = items.get(selected) {
                    return vec![Effect::RestoreFromTrash(name.clone())];
                }
            }
            _ => p.popup = None,
        },
        PickerPopup::Rescue { items, selected } => match action {
            Some(Action::Up | Action::Down) => {
                let selected = step(selected, items.len(), action == Some(Action::Up));
                p.popup = Some(PickerPopup::Rescue { items, selected });
            }
            Some(Action::Restore) => {
                p.popup = None;
                if let Some((path, _)) = items.get(selected) {
                    return vec![Effect::RestoreRescue(path.clone())];
                }
            }
            _ => p.popup = None,
        },
        PickerPopup::History {
            id,
            items,
            selected,
            changes,
        } => match action {
            Some(Action::Up | Action::Down) => {
                let selected = step(selected, items.len(), action == Some(Action::Up));
                p.popup = Some(PickerPopup::History {
                    id,
                    items,
                    selected,
                    changes,
                });
            }
            Some(Action::Restore) => {
                p.popup = None;
                if let Some((stamp, _)) = items.get(selected) {
                    return vec![Effect::RestoreVersion {
                        id,
                        stamp: stamp.clone(),
                    }];
                }
            }
            _ => p.popup = None,
        },
    }
    Vec::new()
}

/// One up or down in a list of `len`, stopping at its ends.
fn step(selected: usize, len: usize, up: bool) -> usize {
    if up {
        selected.saturating_sub(1)
    } else {
        (selected + 1).min(len.saturating_sub(1))
    }
}

pub(in crate::app) fn handle_mouse(app: &mut App, mouse: MouseEvent) -> Vec<Effect> {
    let Screen::Picker(p) = &mut app.screen else {
        return Vec::new();
    };
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) if p.popup.is_none() => {
            // The list starts below the title bar and the filter line.
            let row = usize::from(mouse.row);
            if row >= 3 {
                let index = row - 3;
                if index < p.visible().len() {
                    p.selected = index;
                    app.dirty_screen = true;
                }
            }
        }
        MouseEventKind::ScrollDown => {
            p.selected = (p.selected + 1).min(p.visible().len().saturating_sub(1));
            app.dirty_screen = true;
        }
        MouseEventKind::ScrollUp => {
            p.selected = p.selected.saturating_sub(1);
            app.dirty_screen = true;
        }
        _ => {}
    }
    Vec::new()
}
