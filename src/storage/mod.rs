//! Where drafts live and how they reach the disk: the data directory, draft
//! ids, the TOML file format, atomic saves with a backup of the previous version.

mod atomic;
mod draft_file;
mod id;
mod store;
mod trash;

pub use atomic::{atomic_write, clean_stale_temp_files};
pub use draft_file::{DraftFileError, FORMAT_VERSION, line_column, parse_draft, write_draft};
pub use id::{DraftId, IdError};
pub use store::{DraftEntry, DraftLocation, DraftSummary, StorageError, Store, default_data_dir};
