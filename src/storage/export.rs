//! Export files reach the disk here, as drafts do: written whole under a
//! temp name beside the target and then put in place, so a reader never
//! sees half an export; readable by others as the umask allows (an export
//! is made to be shared, a draft is not); never over one of zongjie's own
//! files.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use super::atomic::publish_atomically;
use super::fs::OsFs;
use super::location::DraftLocation;
use super::store::Store;

/// Why an export file was not written; nothing was left behind.
#[derive(Debug, thiserror::Error)]
pub enum ExportWriteError {
    #[error(
        "{0} is one of zongjie's own files (drafts, backups, history, trash, locks); export somewhere else"
    )]
    Managed(PathBuf),
    #[error("{0} already exists")]
    Exists(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("the export folder {dir} does not exist and cannot be made: {source}")]
    Folder { dir: PathBuf, source: io::Error },
}

impl Store {
    /// Writes the export `target`, replacing a file there only with
    /// `replace`. Refused for the data directory and for the files of
    /// `draft` (a draft opened by its path), links resolved.
    pub fn write_export(
        &self,
        target: &Path,
        bytes: &[u8],
        replace: bool,
        draft: Option<&DraftLocation>,
    ) -> Result<(), ExportWriteError> {
        if self.is_managed(target, draft) {
            return Err(ExportWriteError::Managed(target.to_path_buf()));
        }
        publish_atomically(&OsFs, target, bytes, replace).map_err(|e| {
            if e.name_taken() {
                ExportWriteError::Exists(target.to_path_buf())
            } else {
                ExportWriteError::Io {
                    path: target.to_path_buf(),
                    source: e.source,
                }
            }
        })
    }
}

/// The editor's exports: where they go, and which files they wrote, which
/// a new export of the same draft may replace. A file this session did not
/// write is never replaced: the next free name `Title (2).txt` is taken.
#[derive(Debug, Default)]
pub struct Exports {
    written: HashSet<PathBuf>,
}

impl Exports {
    /// Writes `bytes` as `<dir>/<stem>.<extension>` (or the next free name)
    /// and returns the path written. A folder named in config.toml that is
    /// not there yet is made.
    pub fn write(
        &mut self,
        store: &Store,
        dir: &Path,
        stem: &str,
        extension: &str,
        bytes: &[u8],
        draft: &DraftLocation,
    ) -> Result<PathBuf, ExportWriteError> {
        if !dir.as_os_str().is_empty() && !dir.is_dir() {
            // Made as other programs make folders (0777 less the umask).
            std::fs::create_dir_all(dir).map_err(|source| ExportWriteError::Folder {
                dir: dir.to_path_buf(),
                source,
            })?;
        }
        let mut n = 1;
        loop {
            let name = match n {
                1 => format!("{stem}.{extension}"),
                n => format!("{stem} ({n}).{extension}"),
            };
            let target = dir.join(name);
            let ours = self.written.contains(&target);
            match store.write_export(&target, bytes, ours, Some(draft)) {
                Ok(()) => {
                    self.written.insert(target.clone());
                    return Ok(target);
                }
                // Taken by someone else's file: the next name.
                Err(ExportWriteError::Exists(_)) if n < MAX_EXPORT_NAMES => n += 1,
                Err(e) => return Err(e),
            }
        }
    }
}

/// How many names `Title (n).txt` are tried before giving up.
const MAX_EXPORT_NAMES: usize = 1000;

/// The export file's name: the title, made safe for file systems, or the
/// draft's name when the title has nothing left.
pub fn export_stem(title: &str, location: &DraftLocation) -> String {
    let safe: String = title
        .trim()
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
        .take(80)
        .collect();
    let safe = safe.trim().trim_start_matches('.').to_string();
    if safe.is_empty() {
        location.name().replace(['/', '\\'], "_")
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::DraftId;
    use std::fs;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("data"));
        (dir, store)
    }

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_file_not_ours_is_never_replaced_ours_is() {
        let (dir, store) = store();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("T.txt"), "someone else's").unwrap();
        let draft = store.location(&DraftId::parse("d").unwrap());
        let mut exports = Exports::default();
        let first = exports
            .write(&store, &out, "T", "txt", b"one", &draft)
            .unwrap();
        assert_eq!(first, out.join("T (2).txt"));
        let again = exports
            .write(&store, &out, "T", "txt", b"two", &draft)
            .unwrap();
        assert_eq!(again, first);
        assert_eq!(fs::read(out.join("T.txt")).unwrap(), b"someone else's");
        assert_eq!(fs::read(&first).unwrap(), b"two");
        assert_eq!(names(&out), ["T (2).txt", "T.txt"], "no temp file left");
    }

    #[test]
    fn exports_into_the_data_dir_are_refused() {
        let (_dir, store) = store();
        store.prepare().unwrap();
        let target = store.drafts_dir().join("x.txt");
        let e = store.write_export(&target, b"x", true, None).unwrap_err();
        assert!(matches!(e, ExportWriteError::Managed(_)), "{e}");
        assert!(!target.exists());
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_said_and_nothing_is_written() {
        let (dir, store) = store();
        let file = dir.path().join("a file");
        fs::write(&file, "x").unwrap();
        let draft = store.location(&DraftId::parse("d").unwrap());
        let e = Exports::default()
            .write(&store, &file.join("out"), "T", "txt", b"x", &draft)
            .unwrap_err();
        assert!(matches!(&e, ExportWriteError::Folder { dir, .. } if dir == &file.join("out")));
        assert!(e.to_string().contains("cannot be made"), "{e}");
        assert_eq!(names(dir.path()), ["a file"]);
    }

    #[test]
    fn stems_are_safe_names() {
        let (_dir, store) = store();
        let draft = store.location(&DraftId::parse("20261123-1").unwrap());
        assert_eq!(export_stem(" a/b:c?.txt ", &draft), "abc.txt");
        assert_eq!(export_stem("..隐藏", &draft), "隐藏");
        assert_eq!(export_stem(" /// ", &draft), "20261123-1");
    }
}
