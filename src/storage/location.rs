//! Where a draft lives, and the names of the files kept beside it: its
//! backup, its lock file (`.<name>.lock`) and rescue files
//! (`<draft>.rescue-<time>-<pid>.toml`). The store, the lock and the rescue
//! all read these names, so they sit below all three.

use std::path::PathBuf;

use super::id::DraftId;

/// Where one draft is stored: in the data directory by id, or anywhere by path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftLocation {
    pub id: Option<DraftId>,
    pub path: PathBuf,
    pub backup: PathBuf,
}

impl DraftLocation {
    /// A short name for messages: the id, or the path.
    pub fn name(&self) -> String {
        match &self.id {
            Some(id) => id.to_string(),
            None => self.path.display().to_string(),
        }
    }

    /// `.<name>.lock` beside the draft.
    pub fn lock_path(&self) -> PathBuf {
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.path.with_file_name(format!(".{name}.lock"))
    }
}

/// What marks a rescue file's name (see `rescue.rs`).
pub(crate) const RESCUE_MARK: &str = ".rescue-";

/// Whether a file name is a rescue file's.
pub fn is_rescue_name(name: &str) -> bool {
    name.ends_with(".toml") && name.contains(RESCUE_MARK) && !name.starts_with('.')
}
