//! What the application asks the runner to do: every piece of I/O, as a
//! value (the runner performs it and answers with an `Outcome`).

use crate::docx::ExportFormat;
use crate::storage::DraftId;

/// I/O the application asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save the open draft.
    Save,
    /// Save, and quit only if the save worked.
    SaveAndQuit,
    /// Save over a draft that was changed on disk, as the writer chose.
    SaveOverwrite,
    /// Read the draft from disk again, dropping the changes in the editor.
    Reload,
    /// Save the editor's text as a new draft, leaving the changed one alone.
    SaveAsCopy,
    /// Export the open draft as text or as a .docx.
    Export(ExportFormat),
    Quit,
    /// Put text on the system clipboard, where the terminal allows (OSC 52).
    CopyToSystem(String),
    /// Read the draft list again.
    RefreshDrafts,
    OpenDraft(DraftId),
    CreateDraft {
        template: String,
    },
    CopyDraft(DraftId),
    /// Create the next period's draft from this one (`new --from`) and open it.
    CreateNextDraft(DraftId),
    /// Load the earlier draft the open one continues (its `from`), for the
    /// reference pane; answered by [`App::reference_loaded`].
    LoadReference(String),
    RenameDraft {
        from: DraftId,
        to: String,
    },
    /// Keep the draft as the user template `name` (config dir's `templates/`).
    SaveAsTemplate {
        id: DraftId,
        name: String,
    },
    /// Give a draft a new title; its id stays.
    RetitleDraft {
        id: DraftId,
        title: String,
    },
    TrashDraft(DraftId),
    RestoreBackup(DraftId),
    ListTrash,
    RestoreFromTrash(String),
    /// Make a rescue file (text a failed save left) a new draft.
    RestoreRescue(std::path::PathBuf),
    /// List the kept versions of a draft.
    ListHistory(DraftId),
    /// Put back the version of a draft with this stamp.
    RestoreVersion {
        id: DraftId,
        stamp: String,
    },
}
