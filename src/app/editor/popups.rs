//! The editor's popups: the section-kind list (new section, change kind),
//! the changed-on-disk choice and the delete-section confirmation; the
//! find bar, export and target prompts have files of their own and are
//! dispatched from here.

use crossterm::event::{KeyCode, KeyEvent};

use super::EditorState;
use super::find_bar::handle_find;
use crate::app::Effect;
use crate::app::find::FindState;
use crate::document::SectionKind;

/// A small window over the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// Choose the kind of a new section.
    NewSection { selected: usize },
    /// The find (and replace) bar.
    Find(FindState),
    /// The draft was changed on disk by someone else: overwrite, reload or copy?
    ChangedOnDisk,
    /// Delete a section that still has text? (y/n)
    ConfirmDeleteSection { section: usize },
    /// Choose the kind of the selected section (the same list as for a new one).
    ChangeKind { section: usize, selected: usize },
    /// Export as .txt or .docx?
    Export { selected: crate::docx::ExportFormat },
    /// The target length being typed (for the selected section, or the draft).
    Target { input: String },
}

pub(super) fn handle_popup(
    e: &mut EditorState,
    popup: Popup,
    key: KeyEvent,
    lang: crate::i18n::Lang,
    message: &mut Option<crate::app::Message>,
) -> Vec<Effect> {
    match popup {
        Popup::Find(state) => handle_find(e, state, key, lang, message),
        Popup::Export { selected } => crate::app::export_prompt::handle_key(selected, key)
            .unwrap_or_else(|selected| {
                e.popup = Some(Popup::Export { selected });
                Vec::new()
            }),
        Popup::Target { input } => crate::app::target::handle_target_key(e, input, key),
        Popup::ChangedOnDisk => match key.code {
            KeyCode::Char('o' | 'O') => vec![Effect::SaveOverwrite],
            KeyCode::Char('r' | 'R') => vec![Effect::Reload],
            KeyCode::Char('c' | 'C') => vec![Effect::SaveAsCopy],
            KeyCode::Esc => {
                *message = Some(crate::app::Message {
                    text: lang
                        .pick(
                            "未保存：草稿在磁盘上已被修改，Ctrl+S 重新选择",
                            "Not saved: the draft changed on disk; Ctrl+S to choose again",
                        )
                        .into(),
                    error: true,
                });
                Vec::new()
            }
            _ => {
                e.popup = Some(Popup::ChangedOnDisk);
                Vec::new()
            }
        },
        Popup::ConfirmDeleteSection { section } => match key.code {
            KeyCode::Char('y' | 'Y') => {
                if e.delete_selected() {
                    *message = Some(crate::app::Message {
                        text: lang
                            .pick("已删除，按 u 撤销", "Deleted; press u to undo")
                            .to_string(),
                        error: false,
                    });
                    return vec![Effect::Save];
                }
                Vec::new()
            }
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Vec::new(),
            _ => {
                e.popup = Some(Popup::ConfirmDeleteSection { section });
                Vec::new()
            }
        },
        Popup::NewSection { selected } => {
            match choose_kind(selected, key) {
                KindChoice::Keep(selected) => e.popup = Some(Popup::NewSection { selected }),
                KindChoice::Chosen(kind) => {
                    if e.new_section(kind) {
                        return vec![Effect::Save];
                    }
                }
                KindChoice::Cancel => {}
            }
            Vec::new()
        }
        Popup::ChangeKind { section, selected } => {
            match choose_kind(selected, key) {
                KindChoice::Keep(selected) => {
                    e.popup = Some(Popup::ChangeKind { section, selected })
                }
                KindChoice::Chosen(kind) => {
                    if e.set_kind(section, kind) {
                        return vec![Effect::Save];
                    }
                }
                KindChoice::Cancel => {}
            }
            Vec::new()
        }
    }
}

/// What a key does in the list of section kinds.
enum KindChoice {
    Keep(usize),
    Chosen(SectionKind),
    Cancel,
}

/// The list of section kinds (for a new section, or to change one's kind):
/// ↑↓ (k/j) move, Enter or a digit chooses, Esc cancels.
fn choose_kind(selected: usize, key: KeyEvent) -> KindChoice {
    let n = SectionKind::ALL.len();
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => KindChoice::Keep((selected + n - 1) % n),
        KeyCode::Down | KeyCode::Char('j') => KindChoice::Keep((selected + 1) % n),
        KeyCode::Enter => KindChoice::Chosen(SectionKind::ALL[selected.min(n - 1)]),
        KeyCode::Char(c) if c.is_ascii_digit() => {
            let i = c.to_digit(10).unwrap_or(0) as usize;
            if (1..=n).contains(&i) {
                KindChoice::Chosen(SectionKind::ALL[i - 1])
            } else {
                KindChoice::Keep(selected)
            }
        }
        KeyCode::Esc => KindChoice::Cancel,
        _ => KindChoice::Keep(selected),
    }
}
