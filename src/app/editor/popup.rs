//! Which popup is open over the editor, and where its keys are in the
//! keymap; their handling is in `popups.rs` and the files it dispatches to.

use crate::app::find::FindState;
use crate::settings::keymap::Context;

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

impl Popup {
    /// Where the popup's keys are in the keymap.
    pub fn context(&self) -> Context {
        match self {
            Popup::NewSection { .. } | Popup::ChangeKind { .. } => Context::KindList,
            Popup::Find(state) if state.replacement.is_some() => Context::Replace,
            Popup::Find(_) => Context::Find,
            Popup::ChangedOnDisk => Context::ChangedOnDisk,
            Popup::ConfirmDeleteSection { .. } => Context::DeleteSection,
            Popup::Export { .. } => Context::Export,
            Popup::Target { .. } => Context::Target,
        }
    }
}
