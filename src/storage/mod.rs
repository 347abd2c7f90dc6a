//! Where drafts live and how they reach the disk: the data directory, draft
//! ids, the TOML file format, atomic saves with a backup of the previous
//! version, locks against a second writer, and recovery after a crash.

mod atomic;
mod draft_file;
mod export;
mod fingerprint;
pub mod fs;
mod history;
mod id;
mod location;
mod lock;
mod positions;
mod recovery;
pub mod rescue;
mod store;
mod trash;

pub use atomic::{
    WriteError, WriteStep, atomic_write, clean_stale_temp_files, create_atomically, is_temp_name,
    probe_writable, publish_atomically, write_atomically,
};
pub use draft_file::{DraftFileError, FORMAT_VERSION, parse_draft, write_draft};
pub use export::{ExportWriteError, Exports, export_stem};
pub use fingerprint::Fingerprint;
pub use fs::{FaultyFs, FileSystem, FsOp, NewFile, OsFs};
pub use history::{SNAPSHOT_EVERY, SNAPSHOTS_KEPT, Snapshot};
pub use id::{DraftId, IdError};
pub use location::DraftLocation;
pub use lock::{DraftLock, LockError};
pub use positions::Position;
pub use rescue::{RescueFile, Rescued};
pub use store::{DraftEntry, DraftSummary, StorageError, Store, default_data_dir};
pub use trash::{TrashEntry, copy_title};
