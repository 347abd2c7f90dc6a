//! `zongjie import`: a summary written elsewhere becomes a draft.

use std::fs;
use std::io::{self, Read, Write};
use std::path::PathBuf;

use super::{CommandError, optional_id, stdout_error};
use crate::cli::ImportArgs;
use crate::i18n::Lang;
use crate::plain_text::{ImportError, MAX_IMPORT_BYTES, import_bytes};
use crate::storage::{DraftLock, StorageError, Store};

/// `zongjie import`: reads the whole input first, so that nothing is stored
/// unless it can be imported; prints the id on `out` and the warnings on `err`.
pub fn import(
    store: &Store,
    args: &ImportArgs,
    lang: Lang,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    let id = optional_id(args.id.as_deref())?;
    if let Some(id) = &id
        && !args.force
        && store.location(id).path.exists()
    {
        return Err(CommandError::DraftExists(id.clone()));
    }
    let from_stdin = args.file.as_os_str() == "-";
    let path = if from_stdin {
        PathBuf::from("<stdin>")
    } else {
        args.file.clone()
    };
    let io_error = |source| CommandError::Io {
        path: path.clone(),
        source,
    };
    let bytes = if from_stdin {
        read_limited(stdin, None).map_err(io_error)?
    } else {
        let mut file = fs::File::open(&args.file).map_err(io_error)?;
        let size = file.metadata().ok().map(|m| m.len());
        read_limited(&mut file, size).map_err(io_error)?
    };
    let imported = bytes
        .map_err(|size| ImportError::TooLarge { size })
        .and_then(|bytes| import_bytes(&bytes))
        .map_err(|source| CommandError::Import {
            path: path.clone(),
            source,
        })?;
    let id = match id {
        Some(id) if args.force => {
            let location = store.location(&id);
            // Never replace a draft that is open in the editor.
            let _lock = if location.path.exists() {
                Some(DraftLock::acquire(&location)?)
            } else {
                None
            };
            store.save(&location, &imported.document)?;
            id
        }
        // The id is claimed atomically: another import may have taken it
        // since the check above.
        id => store.create(id, &imported.document).map_err(|e| match e {
            StorageError::Exists { id } => CommandError::DraftExists(id),
            other => other.into(),
        })?,
    };
    for warning in &imported.warnings {
        let line = crate::sanitize::escape_controls(&warning.describe(lang)).into_owned();
        let _ = writeln!(err, "zongjie: {}{line}", lang.pick("注意：", "warning: "));
    }
    writeln!(out, "{id}").map_err(stdout_error)?;
    Ok(())
}

/// Reads at most [`MAX_IMPORT_BYTES`]; a longer input is `Err(size)`, with
/// its size when known, and is not read to the end.
fn read_limited(
    input: &mut dyn Read,
    size: Option<u64>,
) -> io::Result<Result<Vec<u8>, Option<u64>>> {
    if size.is_some_and(|s| s > MAX_IMPORT_BYTES as u64) {
        return Ok(Err(size));
    }
    let mut bytes = Vec::with_capacity(size.map_or(0, |s| s as usize));
    input
        .take(MAX_IMPORT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > MAX_IMPORT_BYTES {
        // A device or a growing file reports a size it does not keep to.
        return Ok(Err(size.filter(|&s| s > MAX_IMPORT_BYTES as u64)));
    }
    Ok(Ok(bytes))
}
