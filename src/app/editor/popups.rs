//! The keys of the editor's popups (`popup.rs` says which is open): the
//! section-kind list (new section, change kind),
//! the changed-on-disk choice and the delete-section confirmation; the
//! find bar, export and target prompts have files of their own and are
//! dispatched from here.

use crossterm::event::KeyEvent;

use super::find_bar::handle_find;
use super::{EditorState, Popup};
use crate::app::{Effect, Message};
use crate::document::SectionKind;
use crate::i18n::Lang;
use crate::settings::keymap::{Action, Context, KeyBinding, Keymap};

pub(super) fn handle_popup(
    e: &mut EditorState,
    popup: Popup,
    key: KeyEvent,
    keymap: &Keymap,
    lang: Lang,
    message: &mut Option<Message>,
) -> Vec<Effect> {
    match popup {
        Popup::Find(state) => handle_find(e, state, key, keymap, lang, message),
        Popup::Export { selected } => {
            crate::app::export_prompt::handle_key(selected, keymap.action(Context::Export, &key))
                .unwrap_or_else(|selected| {
                    e.popup = Some(Popup::Export { selected });
                    Vec::new()
                })
        }
        Popup::Target { input } => crate::app::target::handle_target_key(e, input, key, keymap),
        Popup::ChangedOnDisk => match keymap.action(Context::ChangedOnDisk, &key) {
            Some(Action::Overwrite) => vec![Effect::SaveOverwrite],
            Some(Action::Reload) => vec![Effect::Reload],
            Some(Action::SaveCopy) => vec![Effect::SaveAsCopy],
            Some(Action::Cancel) => {
                let save = keymap.key_label(Context::Global, Action::Save);
                *message = Some(Message {
                    text: match lang {
                        Lang::Zh => format!("未保存：草稿在磁盘上已被修改，{save} 重新选择"),
                        Lang::En => {
                            format!("Not saved: the draft changed on disk; {save} to choose again")
                        }
                    },
                    error: true,
                });
                Vec::new()
            }
            _ => {
                e.popup = Some(Popup::ChangedOnDisk);
                Vec::new()
            }
        },
        Popup::ConfirmDeleteSection { section } => {
            match keymap.action(Context::DeleteSection, &key) {
                Some(Action::Confirm) => {
                    if e.delete_selected() {
                        *message = Some(deleted_message(keymap, lang));
                        return vec![Effect::Save];
                    }
                    Vec::new()
                }
                Some(Action::Cancel) => Vec::new(),
                _ => {
                    e.popup = Some(Popup::ConfirmDeleteSection { section });
                    Vec::new()
                }
            }
        }
        Popup::NewSection { selected } => {
            match choose_kind(selected, key, keymap) {
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
            match choose_kind(selected, key, keymap) {
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

/// "Deleted; press u to undo", with the outline's undo key.
pub(super) fn deleted_message(keymap: &Keymap, lang: Lang) -> Message {
    let undo = keymap.key_label(Context::Outline, Action::Undo);
    Message {
        text: match lang {
            Lang::Zh => format!("已删除，按 {undo} 撤销"),
            Lang::En => format!("Deleted; press {undo} to undo"),
        },
        error: false,
    }
}

/// What a key does in the list of section kinds.
#[derive(Debug, PartialEq, Eq)]
enum KindChoice {
    Keep(usize),
    Chosen(SectionKind),
    Cancel,
}

/// The list of section kinds (for a new section, or to change one's kind):
/// ↑↓ (k/j) move, Enter or a number key chooses, Esc cancels. The n-th key
/// of `choose_number` chooses the n-th kind.
fn choose_kind(selected: usize, key: KeyEvent, keymap: &Keymap) -> KindChoice {
    let n = SectionKind::ALL.len();
    match keymap.action(Context::KindList, &key) {
        Some(Action::Up) => KindChoice::Keep((selected + n - 1) % n),
        Some(Action::Down) => KindChoice::Keep((selected + 1) % n),
        Some(Action::Choose) => KindChoice::Chosen(SectionKind::ALL[selected.min(n - 1)]),
        Some(Action::ChooseNumber) => {
            let pressed = KeyBinding::from_event(&key);
            keymap
                .keys(Context::KindList, Action::ChooseNumber)
                .iter()
                .position(|k| *k == pressed)
                .and_then(|i| SectionKind::ALL.get(i))
                .map_or(KindChoice::Keep(selected), |kind| KindChoice::Chosen(*kind))
        }
        Some(Action::Cancel) => KindChoice::Cancel,
        _ => KindChoice::Keep(selected),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::editor::test_support::{app, editor, keys, press};
    use crate::app::outline::Entry;

    fn choose(selected: usize, key: &str) -> KindChoice {
        choose_kind(selected, keys(key)[0], &Keymap::default())
    }

    #[test]
    fn the_kind_list_wraps_and_a_digit_chooses() {
        let n = SectionKind::ALL.len();
        assert_eq!(choose(0, "Up"), KindChoice::Keep(n - 1));
        assert_eq!(choose(0, "k"), KindChoice::Keep(n - 1));
        assert_eq!(choose(n - 1, "Down"), KindChoice::Keep(0));
        assert_eq!(choose(1, "j"), KindChoice::Keep(2));
        assert_eq!(choose(2, "Enter"), KindChoice::Chosen(SectionKind::ALL[2]));
        for (i, kind) in SectionKind::ALL.iter().enumerate() {
            assert_eq!(choose(0, &(i + 1).to_string()), KindChoice::Chosen(*kind));
        }
        assert_eq!(choose(3, "0"), KindChoice::Keep(3));
        assert_eq!(choose(3, "Esc"), KindChoice::Cancel);
        assert_eq!(choose(3, "x"), KindChoice::Keep(3));
    }

    #[test]
    fn a_number_key_for_every_kind_and_no_more() {
        let keymap = Keymap::default();
        let numbers = keymap.keys(Context::KindList, Action::ChooseNumber);
        assert_eq!(numbers.len(), SectionKind::ALL.len());
    }

    #[test]
    fn changed_on_disk_offers_three_ways_and_esc_decides_later() {
        let mut app = app();
        for (key, effect) in [
            ("o", Effect::SaveOverwrite),
            ("r", Effect::Reload),
            ("c", Effect::SaveAsCopy),
        ] {
            app.editor_mut().expect("editor").popup = Some(Popup::ChangedOnDisk);
            assert_eq!(press(&mut app, key), vec![effect]);
            assert_eq!(editor(&app).popup, None);
        }
        app.editor_mut().expect("editor").popup = Some(Popup::ChangedOnDisk);
        assert_eq!(press(&mut app, "x j Enter"), vec![]);
        assert_eq!(editor(&app).popup, Some(Popup::ChangedOnDisk));
        assert_eq!(press(&mut app, "Esc"), vec![]);
        assert_eq!(editor(&app).popup, None);
        assert!(app.message.as_ref().is_some_and(|m| m.error));
    }

    #[test]
    fn a_section_with_text_is_deleted_only_after_yes() {
        let mut app = app();
        let before = editor(&app).doc.clone();
        press(&mut app, "j j");
        assert_eq!(editor(&app).selected_entry(), Entry::Section(0));
        press(&mut app, "d");
        assert_eq!(
            editor(&app).popup,
            Some(Popup::ConfirmDeleteSection { section: 0 })
        );
        assert_eq!(press(&mut app, "n"), vec![]);
        assert_eq!(editor(&app).doc, before);
        assert_eq!(press(&mut app, "d y"), vec![Effect::Save]);
        assert_eq!(editor(&app).doc.sections.len(), before.sections.len() - 1);
        assert_eq!(editor(&app).doc.sections[0], before.sections[1]);
    }

    #[test]
    fn a_new_section_of_the_chosen_kind_goes_after_the_selected_one() {
        let mut app = app();
        let before = editor(&app).doc.clone();
        press(&mut app, "j j A");
        assert!(matches!(editor(&app).popup, Some(Popup::NewSection { .. })));
        assert_eq!(press(&mut app, "Esc"), vec![]);
        assert_eq!(editor(&app).doc, before);
        assert_eq!(press(&mut app, "A 2"), vec![Effect::Save]);
        let doc = &editor(&app).doc;
        assert_eq!(doc.sections.len(), before.sections.len() + 1);
        assert_eq!(doc.sections[1].kind, SectionKind::ALL[1]);
    }
}
