//! The data directory: `drafts/<id>.toml`, `backups/<id>.toml` (the version
//! before the last save), all private to the user.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use super::atomic::{WriteError, clean_stale_temp_files, create_atomically, write_atomically};
use super::draft_file::{DraftFileError, parse_draft, write_draft};
use super::fingerprint::Fingerprint;
use super::fs::{FileSystem, OsFs};
use super::id::{DraftId, IdError};
use super::location::{DraftLocation, is_rescue_name};
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
    /// A save or restore step failed; says which file, which step and why.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The previous version could not be kept as the backup, so the draft
    /// was not saved (its file is unchanged).
    #[error("{} was not saved: keeping its previous version failed: {source}", draft.display())]
    Backup { draft: PathBuf, source: WriteError },
    /// The draft on disk is no longer the version that was loaded: someone
    /// else changed it, and saving would overwrite their change.
    #[error("{0} was changed on disk by another program since it was opened")]
    ChangedOnDisk(PathBuf),
    #[error("{0} has no backup to restore")]
    NoBackup(PathBuf),
    #[error("{} has no earlier version {stamp} (see `zongjie history`)", draft.display())]
    NoSnapshot { draft: PathBuf, stamp: String },
    #[error(transparent)]
    Locked(#[from] super::lock::LockError),
    #[error("the backup {path} is damaged and was not restored: {source}")]
    DamagedBackup {
        path: PathBuf,
        source: DraftFileError,
    },
}

impl StorageError {
    pub(crate) fn io(path: &Path) -> impl FnOnce(io::Error) -> StorageError + '_ {
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
    pub organization: String,
    pub period: String,
    pub chars: usize,
}

impl DraftSummary {
    pub fn of(doc: &crate::document::Document) -> DraftSummary {
        DraftSummary {
            title: doc.title.clone(),
            organization: doc.organization.clone(),
            period: doc.period.clone(),
            chars: doc.char_count(),
        }
    }
}

/// The data directory and the drafts in it.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    fs: Arc<dyn FileSystem>,
}

impl Store {
    /// Uses `root` as the data directory. Nothing is created until a draft is saved.
    pub fn new(root: impl Into<PathBuf>) -> Store {
        Store::with_fs(root, Arc::new(OsFs))
    }

    /// A store whose file-system calls go through `fs` (tests inject faults this way).
    pub fn with_fs(root: impl Into<PathBuf>, fs: Arc<dyn FileSystem>) -> Store {
        Store {
            root: root.into(),
            fs,
        }
    }

    pub(crate) fn fs(&self) -> &dyn FileSystem {
        self.fs.as_ref()
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

    /// Refuses `path` inside the data directory when it is a symbolic link:
    /// nothing is written or removed through one (the data directory itself
    /// may be a link the writer chose).
    pub(crate) fn refuse_link(&self, path: &Path) -> Result<(), StorageError> {
        // Straight to the OS, as `create_dir_all` looks: a check, not a step
        // of a save that the fault tests break.
        match fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => Err(StorageError::Io {
                path: path.to_path_buf(),
                source: io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "is a symbolic link, which zongjie does not follow",
                ),
            }),
            Ok(_) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(StorageError::io(path)(e)),
        }
    }

    /// Whether writing a file at `path` would write into the data directory
    /// (its drafts, backups, history, trash or locks) or over one of the
    /// files of `draft` (a draft named by its path, with its backup and
    /// lock). Links are resolved first: a link pointing into the data
    /// directory counts as the file it points to.
    pub fn is_managed(&self, path: &Path, draft: Option<&DraftLocation>) -> bool {
        let target = resolve_for_writing(path);
        if target.starts_with(resolve_for_writing(&self.root)) {
            return true;
        }
        draft.is_some_and(|d| {
            [
                d.path.clone(),
                d.backup.clone(),
                d.lock_path(),
                d.pending_backup_path(),
            ]
            .iter()
            .any(|own| resolve_for_writing(own) == target)
        })
    }

    /// Creates the data folders (0700) if needed and removes temp files left
    /// by an interrupted save.
    pub fn prepare(&self) -> Result<(), StorageError> {
        for dir in [self.root.clone(), self.drafts_dir(), self.backups_dir()] {
            if dir != self.root {
                self.refuse_link(&dir)?;
            }
            self.fs
                .create_dir_all(&dir)
                .map_err(StorageError::io(&dir))?;
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
            let mut path = PathBuf::from(id_or_path);
            if !path.is_file() {
                return Err(StorageError::NoFile(path));
            }
            // A link the writer names on the command line is followed once,
            // here, so that saves go beside the real file; links found in
            // the data directory are never followed.
            if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                path = fs::canonicalize(&path).map_err(StorageError::io(&path))?;
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
        self.load_path(&location.path)
    }

    /// Reads and parses a draft, with the fingerprint of the bytes read, to
    /// ask [`Store::changed_on_disk`] before saving. Never writes.
    pub fn load_with_fingerprint(
        &self,
        location: &DraftLocation,
    ) -> Result<(Document, Fingerprint), StorageError> {
        let bytes = self.read_draft(&location.path)?;
        let meta = self.fs.metadata(&location.path).ok();
        let doc = parse_bytes(&location.path, &bytes)?;
        Ok((doc, Fingerprint::of(&bytes, meta.as_ref())))
    }

    /// Whether the draft on disk differs from the version `loaded` (a
    /// missing draft counts as changed). Reads the file; never writes.
    pub fn changed_on_disk(
        &self,
        location: &DraftLocation,
        loaded: &Fingerprint,
    ) -> Result<bool, StorageError> {
        match self.fs.read(&location.path) {
            Ok(bytes) => Ok(loaded.differs_from(&bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(true),
            Err(e) => Err(StorageError::io(&location.path)(e)),
        }
    }

    /// Saves atomically; the version it replaces becomes the backup.
    pub fn save(&self, location: &DraftLocation, doc: &Document) -> Result<(), StorageError> {
        self.save_checked(location, doc, None).map(|_| ())
    }

    /// Saves like [`Store::save`], but first, when `loaded` is given, refuses
    /// with [`StorageError::ChangedOnDisk`] if the draft on disk is no longer
    /// that version. Returns the fingerprint of what was written, for the next save.
    pub fn save_checked(
        &self,
        location: &DraftLocation,
        doc: &Document,
        loaded: Option<&Fingerprint>,
    ) -> Result<Fingerprint, StorageError> {
        if location.id.is_some() {
            self.prepare()?;
        }
        self.finish_interrupted_restore(location)?;
        let current = self.current_bytes(&location.path)?;
        if let Some(loaded) = loaded {
            let changed = current.as_deref().is_none_or(|c| loaded.differs_from(c));
            if changed {
                return Err(StorageError::ChangedOnDisk(location.path.clone()));
            }
        }
        let text = write_draft(doc);
        self.replace(location, current.as_deref(), text.as_bytes())?;
        let meta = self.fs.metadata(&location.path).ok();
        Ok(Fingerprint::of(text.as_bytes(), meta.as_ref()))
    }

    /// Creates a new draft under `id` (or a fresh dated id) and returns its
    /// id. The id is claimed atomically ([`create_atomically`]): when
    /// several processes create drafts at once, each gets its own id, and
    /// of those asking for the same `id` exactly one succeeds; the others
    /// get [`StorageError::Exists`].
    pub fn create(&self, id: Option<DraftId>, doc: &Document) -> Result<DraftId, StorageError> {
        self.prepare()?;
        let bytes = write_draft(doc).into_bytes();
        match id {
            Some(id) => {
                self.claim(&id, &bytes)?;
                Ok(id)
            }
            None => self.create_fresh(&bytes),
        }
    }

    /// Writes `bytes` as the new draft `id`; [`StorageError::Exists`] if
    /// the id is taken (by a draft, or by anything else at its path).
    pub(crate) fn claim(&self, id: &DraftId, bytes: &[u8]) -> Result<(), StorageError> {
        match create_atomically(self.fs(), &self.location(id).path, bytes) {
            Ok(()) => Ok(()),
            Err(e) if e.name_taken() => Err(StorageError::Exists { id: id.clone() }),
            Err(e) => Err(e.into()),
        }
    }

    /// Writes `bytes` as a new draft under the first free `YYYYMMDD-N`.
    pub(crate) fn create_fresh(&self, bytes: &[u8]) -> Result<DraftId, StorageError> {
        self.first_free(&today(), 1, |id| self.claim(id, bytes))
    }

    /// Tries `take` on `<stem>-N` for N = `from`, `from` + 1, … (starting
    /// at the first N not taken when looked at) until it does not find the
    /// id taken.
    pub(crate) fn first_free(
        &self,
        stem: &str,
        from: u32,
        mut take: impl FnMut(&DraftId) -> Result<(), StorageError>,
    ) -> Result<DraftId, StorageError> {
        let candidate = |n: u32| DraftId::parse(&format!("{stem}-{n}"));
        let mut n = from;
        while candidate(n).is_ok_and(|id| self.location(&id).path.exists()) {
            n += 1;
        }
        // Another process may take each free one first: then go on.
        for _ in 0..10_000 {
            let id = candidate(n)?;
            match take(&id) {
                Err(StorageError::Exists { .. }) => n += 1,
                Err(e) => return Err(e),
                Ok(()) => return Ok(id),
            }
        }
        Err(StorageError::Exists { id: candidate(n)? })
    }

    /// `YYYYMMDD-N`, the first N not yet taken (when looked at: use
    /// [`Store::create`] to claim one).
    pub fn fresh_id(&self) -> DraftId {
        let day = today();
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

    /// Draft files in the drafts folder that [`Store::list`] leaves out
    /// because their name is not a valid id (one made by hand, or by a
    /// zongjie that allowed invisible characters), with the reason. They
    /// can still be opened by path.
    pub fn unlisted(&self) -> Vec<(PathBuf, IdError)> {
        let Ok(entries) = fs::read_dir(self.drafts_dir()) else {
            return Vec::new();
        };
        let mut out: Vec<_> = entries
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let stem = name.strip_suffix(".toml")?;
                if name.starts_with('.') || is_rescue_name(&name) {
                    return None;
                }
                DraftId::parse(stem).err().map(|e| (entry.path(), e))
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
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
            if is_rescue_name(&name) {
                continue;
            }
            let Ok(id) = DraftId::parse(stem) else {
                continue;
            };
            let modified = entry.metadata().and_then(|m| m.modified()).ok();
            let summary = self
                .load_path(&path)
                .map(|doc| DraftSummary::of(&doc))
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

impl Store {
    /// Reads and parses a draft file; refuses anything that is not a regular file.
    pub(crate) fn load_path(&self, path: &Path) -> Result<Document, StorageError> {
        let bytes = self.read_draft(path)?;
        parse_bytes(path, &bytes)
    }

    /// The bytes of a draft file; a missing one is [`StorageError::NoFile`].
    pub(crate) fn read_draft(&self, path: &Path) -> Result<Vec<u8>, StorageError> {
        self.fs.read(path).map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                StorageError::NoFile(path.to_path_buf())
            } else {
                StorageError::io(path)(e)
            }
        })
    }

    /// The bytes of the regular file at `path`, or `None` when there is none
    /// (nothing, or a link or other non-file, which a save replaces).
    pub(crate) fn current_bytes(&self, path: &Path) -> Result<Option<Vec<u8>>, StorageError> {
        match self.fs.metadata(path) {
            Ok(meta) if meta.is_file() => {
                self.fs.read(path).map(Some).map_err(StorageError::io(path))
            }
            Ok(_) => Ok(None),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StorageError::io(path)(e)),
        }
    }

    /// Writes `bytes` over the draft at `location`, which holds `current`:
    /// the version replaced is kept as the backup first (or nothing is
    /// written) and, now and then, in the history.
    pub(crate) fn replace(
        &self,
        location: &DraftLocation,
        current: Option<&[u8]>,
        bytes: &[u8],
    ) -> Result<(), StorageError> {
        if let Some(current) = current {
            self.keep_backup(&location.backup, current)
                .map_err(|e| match e {
                    StorageError::Write(source) => StorageError::Backup {
                        draft: location.path.clone(),
                        source,
                    },
                    other => other,
                })?;
            self.keep_snapshot_now(location, current);
        }
        write_atomically(self.fs(), &location.path, bytes)?;
        Ok(())
    }

    /// Keeps the current bytes as the backup before the draft is replaced. A
    /// damaged current file is kept too: its bytes are never lost by a save.
    fn keep_backup(&self, backup: &Path, current: &[u8]) -> Result<(), StorageError> {
        if let Some(dir) = backup.parent()
            && !dir.as_os_str().is_empty()
        {
            self.fs.create_dir_all(dir).map_err(StorageError::io(dir))?;
        }
        write_atomically(self.fs(), backup, current)?;
        Ok(())
    }
}

/// Where a write to `path` would land: the path with every link resolved,
/// in the file itself when it exists, else in its folder.
fn resolve_for_writing(path: &Path) -> PathBuf {
    let mut absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // A link to a file not there yet (which canonicalize cannot resolve).
    for _ in 0..40 {
        match fs::read_link(&absolute) {
            Ok(to) => absolute = absolute.parent().unwrap_or(Path::new("/")).join(to),
            Err(_) => break,
        }
    }
    if let Ok(real) = fs::canonicalize(&absolute) {
        return real;
    }
    match (absolute.parent(), absolute.file_name()) {
        (Some(dir), Some(name)) => fs::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or(absolute.clone()),
        _ => absolute,
    }
}

/// Today as the stem of fresh ids: `YYYYMMDD`.
fn today() -> String {
    chrono::Local::now().format("%Y%m%d").to_string()
}

/// Parses the bytes of a draft file.
fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<Document, StorageError> {
    // A byte-order mark, as some Windows editors add, is not part of the text.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = crate::document::from_utf8(bytes).map_err(|e| StorageError::Damaged {
        path: path.to_path_buf(),
        source: not_utf8(bytes, e),
    })?;
    parse_draft(text).map_err(|source| StorageError::Damaged {
        path: path.to_path_buf(),
        source,
    })
}

/// Where the first byte that is not UTF-8 sits, as a line and column.
pub(crate) fn not_utf8(bytes: &[u8], e: std::str::Utf8Error) -> DraftFileError {
    let valid = &bytes[..e.valid_up_to()];
    let text = std::str::from_utf8(valid).unwrap_or_default();
    let (line, column) = crate::document::line_column(text, text.len());
    DraftFileError::Syntax {
        line,
        column,
        message: format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        ),
    }
}

/// Creates a directory (and parents) readable only by the user.
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    OsFs.create_dir_all(dir)
}
