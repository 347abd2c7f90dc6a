//! The data directory: `drafts/<id>.toml`, `backups/<id>.toml` (the version
//! before the last save), all private to the user.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::atomic::{atomic_write, clean_stale_temp_files};
use super::draft_file::{DraftFileError, parse_draft, write_draft};
use super::id::{DraftId, IdError};
use crate::document::Document;

/// Why a storage operation failed. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error(transparent)]
    Id(#[from] IdError),
    #[error("no draft `{id}` in {dir}")]
    NotFound { id: String, dir: PathBuf },
    #[error("no draft file at {0}")]
    NoFile(PathBuf),
    #[error("draft `{id}` already exists")]
    Exists { id: DraftId },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: {source}")]
    Damaged {
        path: PathBuf,
        source: DraftFileError,
    },
}

impl StorageError {
    fn io(path: &Path) -> impl FnOnce(io::Error) -> StorageError + '_ {
        move |source| StorageError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The data directory named by `--data-dir`, `ZONGJIE_DATA_DIR`, or the
/// platform's user data directory.
pub fn default_data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ZONGJIE_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "zongjie").map(|d| d.data_dir().to_path_buf())
}

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
}

/// What the listing knows of a draft without opening it in the editor.
#[derive(Debug, Clone)]
pub struct DraftEntry {
    pub id: DraftId,
    pub path: PathBuf,
    pub modified: Option<SystemTime>,
    /// The title and character count, or why the file could not be read.
    pub summary: Result<DraftSummary, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSummary {
    pub title: String,
    pub chars: usize,
}

/// The data directory and the drafts in it.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// Uses `root` as the data directory. Nothing is created until a draft is saved.
    pub fn new(root: impl Into<PathBuf>) -> Store {
        Store { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn drafts_dir(&self) -> PathBuf {
        self.root.join("drafts")
    }

    pub fn backups_dir(&self) -> PathBuf {
        self.root.join("backups")
    }

    /// Creates the data folders (0700) if needed and removes temp files left
    /// by an interrupted save.
    pub fn prepare(&self) -> Result<(), StorageError> {
        for dir in [self.root.clone(), self.drafts_dir(), self.backups_dir()] {
            create_private_dir(&dir).map_err(StorageError::io(&dir))?;
        }
        clean_stale_temp_files(&self.drafts_dir());
        clean_stale_temp_files(&self.backups_dir());
        Ok(())
    }

    pub fn location(&self, id: &DraftId) -> DraftLocation {
        DraftLocation {
            id: Some(id.clone()),
            path: self.drafts_dir().join(id.file_name()),
            backup: self.backups_dir().join(id.file_name()),
        }
    }

    /// Resolves `ID|PATH` of the command line: a value ending in `.toml` is a
    /// path to a draft file; anything else is an id in the data directory.
    pub fn resolve(&self, id_or_path: &str) -> Result<DraftLocation, StorageError> {
        if id_or_path.ends_with(".toml") {
            let path = PathBuf::from(id_or_path);
            if !path.is_file() {
                return Err(StorageError::NoFile(path));
            }
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let backup = path.with_file_name(format!(".{name}.bak"));
            return Ok(DraftLocation {
                id: None,
                path,
                backup,
            });
        }
        let id = DraftId::parse(id_or_path)?;
        let location = self.location(&id);
        if !location.path.is_file() {
            return Err(StorageError::NotFound {
                id: id.to_string(),
                dir: self.drafts_dir(),
            });
        }
        Ok(location)
    }

    /// Reads and parses a draft. Never writes.
    pub fn load(&self, location: &DraftLocation) -> Result<Document, StorageError> {
        load_path(&location.path)
    }

    /// Saves atomically; the version it replaces becomes the backup.
    pub fn save(&self, location: &DraftLocation, doc: &Document) -> Result<(), StorageError> {
        if location.id.is_some() {
            self.prepare()?;
        }
        keep_backup(&location.path, &location.backup)?;
        let text = write_draft(doc);
        atomic_write(&location.path, text.as_bytes()).map_err(StorageError::io(&location.path))
    }

    /// Creates a new draft under `id` (or a fresh dated id) and returns its id.
    pub fn create(&self, id: Option<DraftId>, doc: &Document) -> Result<DraftId, StorageError> {
        self.prepare()?;
        let id = match id {
            Some(id) => {
                if self.location(&id).path.exists() {
                    return Err(StorageError::Exists { id });
                }
                id
            }
            None => self.fresh_id(),
        };
        self.save(&self.location(&id), doc)?;
        Ok(id)
    }

    /// `YYYYMMDD-N`, the first N not yet taken.
    pub fn fresh_id(&self) -> DraftId {
        let day = chrono::Local::now().format("%Y%m%d").to_string();
        let mut n = 1u32;
        loop {
            let candidate = format!("{day}-{n}");
            if let Ok(id) = DraftId::parse(&candidate)
                && !self.location(&id).path.exists()
            {
                return id;
            }
            n += 1;
        }
    }

    /// Every draft in the data directory, newest first; damaged ones carry
    /// their error. A missing drafts folder is an empty list.
    pub fn list(&self) -> Result<Vec<DraftEntry>, StorageError> {
        let dir = self.drafts_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(StorageError::io(&dir)(e)),
        };
        let mut drafts = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".toml") else {
                continue;
            };
            let Ok(id) = DraftId::parse(stem) else {
                continue;
            };
            let modified = entry.metadata().and_then(|m| m.modified()).ok();
            let summary = load_path(&path)
                .map(|doc| DraftSummary {
                    title: doc.title.clone(),
                    chars: doc.char_count(),
                })
                .map_err(|e| match e {
                    StorageError::Damaged { source, .. } => source.to_string(),
                    other => other.to_string(),
                });
            drafts.push(DraftEntry {
                id,
                path,
                modified,
                summary,
            });
        }
        drafts.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| a.id.cmp(&b.id)));
        Ok(drafts)
    }
}

/// Reads a draft file; refuses anything that is not a regular file.
pub(crate) fn load_path(path: &Path) -> Result<Document, StorageError> {
    let bytes = fs::read(path).map_err(|e| {
        if e.kind() == io::ErrorKind::NotFound {
            StorageError::NoFile(path.to_path_buf())
        } else {
            StorageError::io(path)(e)
        }
    })?;
    let text = String::from_utf8(bytes).map_err(|e| StorageError::Damaged {
        path: path.to_path_buf(),
        source: DraftFileError::Syntax {
            line: 1,
            column: 1,
            message: format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        },
    })?;
    parse_draft(&text).map_err(|source| StorageError::Damaged {
        path: path.to_path_buf(),
        source,
    })
}

/// Keeps the current file as the backup before it is replaced. A damaged or
/// missing current file is not a reason to refuse the save.
fn keep_backup(path: &Path, backup: &Path) -> Result<(), StorageError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => {
            let bytes = fs::read(path).map_err(StorageError::io(path))?;
            if let Some(dir) = backup.parent()
                && !dir.as_os_str().is_empty()
                && !dir.exists()
            {
                create_private_dir(dir).map_err(StorageError::io(dir))?;
            }
            atomic_write(backup, &bytes).map_err(StorageError::io(backup))
        }
        _ => Ok(()),
    }
}

/// Creates a directory (and parents) readable only by the user.
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}
