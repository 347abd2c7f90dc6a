//! What each subcommand does, on top of the library, one file a command
//! (or two close ones). Output goes to the writers passed in, so tests and
//! the binary share one path.

mod catalogs;
mod check;
mod error;
mod export;
mod import;
mod list;
mod new;
mod versions;

use std::io;
use std::path::PathBuf;

use unicode_width::UnicodeWidthStr;

use crate::storage::{DraftId, StorageError};

pub use catalogs::{templates, themes};
pub use check::{check, earlier_promises, finding_line, user_wording};
pub use error::{CommandError, in_chinese};
pub use export::{export, export_format, placeholders_left};
pub use import::import;
pub use list::{history, list};
pub use new::new_draft;
pub use versions::{diff, restore};

/// The `--id` of `new` and `import`, checked. An id ending in `.toml`
/// would make `x.toml.toml`, and `x.toml` names a file to every other
/// command, so it is refused.
pub(super) fn optional_id(id: Option<&str>) -> Result<Option<DraftId>, CommandError> {
    if let Some(id) = id
        && let Some(stem) = id.strip_suffix(".toml")
    {
        return Err(CommandError::IdWithExtension(stem.to_string()));
    }
    Ok(id
        .map(DraftId::parse)
        .transpose()
        .map_err(StorageError::from)?)
}

pub(super) fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

pub(super) fn stdout_error(source: io::Error) -> CommandError {
    CommandError::Io {
        path: PathBuf::from("<stdout>"),
        source,
    }
}
