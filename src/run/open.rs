//! Opening a draft for the editor: its lock taken (or the draft opened
//! read-only when that cannot be), and the fingerprint of what was loaded,
//! which the session's saves compare the disk with.

use crate::document::Document;
use crate::storage::{DraftLocation, DraftLock, Fingerprint, LockError, StorageError, Store};

/// A draft opened for editing: its lock (none when it is open elsewhere and
/// so read-only here) and the fingerprint of the bytes loaded.
#[derive(Debug, Default)]
pub struct Opened {
    /// Held while the draft is open; dropping it lets others open the draft.
    _lock: Option<DraftLock>,
    pub(super) fingerprint: Option<Fingerprint>,
    /// Set when another zongjie holds the lock, or the lock cannot be
    /// written (a read-only or full file system): the draft opens read-only.
    pub held_elsewhere: Option<LockError>,
}

/// Opens a draft for the editor: takes its lock, or opens it read-only when
/// another running zongjie has it, and remembers what was loaded.
pub fn open_draft(
    store: &Store,
    location: &DraftLocation,
) -> Result<(Document, Opened), StorageError> {
    let dir = location.path.parent().unwrap_or(std::path::Path::new("."));
    let lock = DraftLock::acquire(location).and_then(|lock| {
        // A lock file left from before can be taken in a folder that no
        // longer takes a save: find out now, not at the first save.
        crate::storage::probe_writable(dir)
            .map(|()| lock)
            .map_err(|(path, source)| LockError::Io { path, source })
    });
    let (lock, held_elsewhere) = match lock {
        Ok(lock) => (Some(lock), None),
        // Held elsewhere, or the folder cannot be written: still readable.
        Err(e) => (None, Some(e)),
    };
    let (doc, fingerprint) = store.load_with_fingerprint(location)?;
    Ok((
        doc,
        Opened {
            _lock: lock,
            fingerprint: Some(fingerprint),
            held_elsewhere,
        },
    ))
}
