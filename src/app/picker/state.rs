//! What the picker shows: the drafts, the filter, the selection and the
//! question it is asking.

use crate::settings::keymap::Context;
use crate::storage::{DraftEntry, DraftId};

/// A question the picker is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerPopup {
    /// Choose a template for a new draft.
    Templates { selected: usize },
    /// Type a new title for a draft (or, after Tab, a new id).
    Rename {
        id: DraftId,
        input: String,
        what: RenameWhat,
    },
    /// Confirm moving a draft to the trash.
    ConfirmDelete { id: DraftId },
    /// Drafts in the trash, to restore one: (file name, what to show).
    Trash {
        items: Vec<(String, String)>,
        selected: usize,
    },
    /// Rescue files (text a failed save left), to make one a new draft:
    /// (file, what to show).
    Rescue {
        items: Vec<(std::path::PathBuf, String)>,
        selected: usize,
    },
    /// The kept versions of a draft, newest first: (stamp, what to show).
    History {
        id: DraftId,
        items: Vec<(String, String)>,
        selected: usize,
        /// For each version, what restoring it would change: the lines of
        /// `zongjie diff` against the current text (empty: not known).
        changes: Vec<Vec<String>>,
    },
}

/// What F2 renames: the title inside the draft, or (asked for with Tab)
/// the id, its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenameWhat {
    Title,
    Id,
    /// Not a rename: the name of a new user template made from the draft (Ctrl+T).
    Template,
}

pub struct PickerState {
    pub drafts: Vec<DraftEntry>,
    pub filter: String,
    /// Index into [`PickerState::visible`].
    pub selected: usize,
    pub popup: Option<PickerPopup>,
}

impl PickerState {
    pub fn new(drafts: Vec<DraftEntry>) -> PickerState {
        let popup = drafts
            .is_empty()
            .then_some(PickerPopup::Templates { selected: 0 });
        PickerState {
            drafts,
            filter: String::new(),
            selected: 0,
            popup,
        }
    }

    /// A new list (after a save, copy, restore…): the selection stays on
    /// the same draft wherever the list sorts it, so a second F6 acts on
    /// the draft the first one did.
    pub fn set_drafts(&mut self, drafts: Vec<DraftEntry>) {
        let kept = self.selected_draft().map(|d| d.id.clone());
        self.drafts = drafts;
        match kept {
            Some(id) => self.select_id(&id),
            None => self.selected = self.selected.min(self.visible().len().saturating_sub(1)),
        }
    }

    /// Selects the draft with this id, if it is shown.
    pub fn select_id(&mut self, id: &DraftId) {
        if let Some(i) = self.visible().iter().position(|d| &d.id == id) {
            self.selected = i;
        } else {
            self.selected = self.selected.min(self.visible().len().saturating_sub(1));
        }
    }

    /// The drafts that match the filter (in id or title, any case).
    pub fn visible(&self) -> Vec<&DraftEntry> {
        let needle = self.filter.to_lowercase();
        self.drafts
            .iter()
            .filter(|d| {
                needle.is_empty()
                    || d.id.as_str().to_lowercase().contains(&needle)
                    || d.summary
                        .as_ref()
                        .is_ok_and(|s| s.title.to_lowercase().contains(&needle))
            })
            .collect()
    }

    pub fn selected_draft(&self) -> Option<&DraftEntry> {
        self.visible().get(self.selected).copied()
    }

    pub fn paste(&mut self, text: &str) {
        let clean: String = text.chars().filter(|c| !c.is_control()).collect();
        match &mut self.popup {
            Some(PickerPopup::Rename { input, .. }) => input.push_str(&clean.replace('\n', "")),
            None => {
                self.filter.push_str(&clean);
                self.selected = 0;
            }
            _ => {}
        }
    }

    pub fn show_trash(&mut self, items: Vec<(String, String)>) {
        self.popup = Some(PickerPopup::Trash { items, selected: 0 });
    }

    /// Offers to restore rescue files (shown when the picker starts).
    pub fn show_rescues(&mut self, items: Vec<(std::path::PathBuf, String)>) {
        if !items.is_empty() {
            self.popup = Some(PickerPopup::Rescue { items, selected: 0 });
        }
    }

    pub fn show_history(&mut self, id: DraftId, items: Vec<(String, String)>) {
        self.popup = Some(PickerPopup::History {
            id,
            items,
            selected: 0,
            changes: Vec::new(),
        });
    }

    /// What restoring each listed version would change, shown under the list.
    pub fn show_history_changes(&mut self, diffs: Vec<Vec<String>>) {
        if let Some(PickerPopup::History { changes, .. }) = &mut self.popup {
            *changes = diffs;
        }
    }
}

impl PickerPopup {
    /// Where the popup's keys are in the keymap.
    pub fn context(&self) -> Context {
        match self {
            PickerPopup::Templates { .. } => Context::Templates,
            PickerPopup::Rename { .. } => Context::Rename,
            PickerPopup::ConfirmDelete { .. } => Context::DeleteDraft,
            PickerPopup::Trash { .. } => Context::Trash,
            PickerPopup::Rescue { .. } => Context::Rescue,
            PickerPopup::History { .. } => Context::History,
        }
    }
}
