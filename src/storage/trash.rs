//! Deleted drafts go to `trash/` in the data directory, from where they can
//! be restored; drafts can also be copied and renamed.

use std::fs;
use std::path::{Path, PathBuf};

use super::id::DraftId;
use super::store::{StorageError, Store};

/// A draft in the trash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrashEntry {
    /// The file name in `trash/`, which restores it.
    pub name: String,
    /// The id it had.
    pub id: String,
    /// Its title, or why the file cannot be read.
    pub title: Result<String, String>,
    /// When it was deleted, `2026-12-05 10:42`, read from the file name.
    pub deleted: Option<String>,
}

/// A copy's title: `标题（副本）`, `标题（副本2）` for a copy of a copy.
pub fn copy_title(title: &str) -> String {
    const MARK: &str = "（副本";
    if let Some(at) = title.rfind(MARK)
        && let Some(rest) = title[at + MARK.len()..].strip_suffix('）')
        && (rest.is_empty() || rest.chars().all(|c| c.is_ascii_digit()))
    {
        let n: u32 = rest.parse().unwrap_or(1);
        return format!("{}{MARK}{}）", &title[..at], n + 1);
    }
    format!("{title}{MARK}）")
}

/// `20261205-104233` → `2026-12-05 10:42`.
fn trash_stamp_time(stamp: &str) -> Option<String> {
    let b = stamp.as_bytes();
    if b.len() < 13 || b[8] != b'-' || !stamp[..8].bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let time = stamp.get(9..13)?;
    if !time.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(format!(
        "{}-{}-{} {}:{}",
        &stamp[..4],
        &stamp[4..6],
        &stamp[6..8],
        &time[..2],
        &time[2..]
    ))
}

impl Store {
    pub fn trash_dir(&self) -> PathBuf {
        self.root().join("trash")
    }

    /// Moves a draft to the trash as `<id>.<timestamp>.toml`; returns that name.
    pub fn trash(&self, id: &DraftId) -> Result<String, StorageError> {
        self.prepare()?;
        let from = self.location(id).path;
        if !from.is_file() {
            return Err(StorageError::NotFound {
                id: id.to_string(),
                dir: self.drafts_dir(),
            });
        }
        let dir = self.trash_dir();
        self.refuse_link(&dir)?;
        super::store::create_private_dir(&dir).map_err(|source| StorageError::Io {
            path: dir.clone(),
            source,
        })?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let mut name = format!("{id}.{stamp}.toml");
        let mut n = 2;
        while !self.move_to_free_name(&from, &dir.join(&name))? {
            name = format!("{id}.{stamp}-{n}.toml");
            n += 1;
        }
        // Its earlier versions go with it (best effort: the draft is in the trash).
        let history = self.history_dir(id);
        if history.is_dir() {
            let _ = self
                .fs()
                .rename(&history, &dir.join(trashed_history(&name)));
        }
        Ok(name)
    }

    /// The drafts in the trash, newest first.
    pub fn trashed(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(self.trash_dir()) else {
            return Vec::new();
        };
        let mut names: Vec<(std::time::SystemTime, String)> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                let modified = e.metadata().and_then(|m| m.modified()).ok()?;
                name.ends_with(".toml").then_some((modified, name))
            })
            .collect();
        names.sort_by(|a, b| b.cmp(a));
        names.into_iter().map(|(_, n)| n).collect()
    }

    /// Puts a trashed draft back under its id (or a fresh one if taken).
    pub fn untrash(&self, name: &str) -> Result<DraftId, StorageError> {
        if name.contains(['/', '\\']) || name.starts_with('.') {
            return Err(StorageError::NoFile(PathBuf::from(name)));
        }
        let from = self.trash_dir().join(name);
        if !from.is_file() {
            return Err(StorageError::NoFile(from));
        }
        let stem = name.split('.').next().unwrap_or("");
        self.prepare()?;
        let moved = |id: &DraftId| match self.move_to_free_name(&from, &self.location(id).path)? {
            true => Ok(()),
            false => Err(StorageError::Exists { id: id.clone() }),
        };
        let today = chrono::Local::now().format("%Y%m%d").to_string();
        let id = match DraftId::parse(stem) {
            // Its own id, unless another draft has it now.
            Ok(id) => match moved(&id) {
                Ok(()) => id,
                Err(StorageError::Exists { .. }) => self.first_free(&today, 1, moved)?,
                Err(e) => return Err(e),
            },
            Err(_) => self.first_free(&today, 1, moved)?,
        };
        let history = self.trash_dir().join(trashed_history(name));
        let back = self.history_dir(&id);
        if history.is_dir() && !back.exists() {
            let _ = self.fs().rename(&history, &back);
        }
        Ok(id)
    }

    /// The drafts in the trash, newest first, each with the title it had
    /// (or why it cannot be read) and when it was deleted.
    pub fn trash_entries(&self) -> Vec<TrashEntry> {
        self.trashed()
            .into_iter()
            .map(|name| {
                let title = self
                    .load_path(&self.trash_dir().join(&name))
                    .map(|doc| doc.title)
                    .map_err(|e| e.to_string());
                // `<id>.<YYYYmmdd-HHMMSS>[-n].toml`
                let mut parts = name.split('.');
                let id = parts.next().unwrap_or("").to_string();
                let deleted = parts.next().and_then(trash_stamp_time);
                TrashEntry {
                    name,
                    id,
                    title,
                    deleted,
                }
            })
            .collect()
    }

    /// Gives a draft a new title; its id (the file name) stays. Refused
    /// while the draft is open in a running zongjie.
    pub fn retitle(&self, id: &DraftId, title: &str) -> Result<(), StorageError> {
        let location = self.location(id);
        let _lock = super::lock::DraftLock::acquire(&location)?;
        let mut doc = self.load(&location)?;
        doc.title = title.to_string();
        self.save(&location, &doc)
    }

    /// Copies a draft to a fresh id, `<id>-2` or the next free one; the
    /// copy's title says it is a copy (“…（副本）”), so the two are told
    /// apart in the list.
    pub fn copy(&self, id: &DraftId) -> Result<DraftId, StorageError> {
        let mut doc = self.load(&self.location(id))?;
        doc.title = copy_title(&doc.title);
        self.prepare()?;
        let bytes = super::draft_file::write_draft(&doc).into_bytes();
        match self.first_free(id.as_str(), 2, |c| self.claim(c, &bytes)) {
            // `<id>-N` would be too long an id.
            Err(StorageError::Id(_)) => self.create_fresh(&bytes),
            other => other,
        }
    }

    /// Renames a draft (its file); the new id must be free. The new name is
    /// claimed atomically: a draft created under it meanwhile is never replaced.
    pub fn rename(&self, from: &DraftId, to: &str) -> Result<DraftId, StorageError> {
        let to = DraftId::parse(to)?;
        let source = self.location(from).path;
        let target = self.location(&to).path;
        if !source.is_file() {
            return Err(StorageError::NotFound {
                id: from.to_string(),
                dir: self.drafts_dir(),
            });
        }
        if !self.move_to_free_name(&source, &target)? {
            return Err(StorageError::Exists { id: to });
        }
        let old_backup = self.location(from).backup;
        if old_backup.exists() {
            let _ = self.fs().rename(&old_backup, &self.location(&to).backup);
        }
        let (old_history, history) = (self.history_dir(from), self.history_dir(&to));
        if old_history.is_dir() && !history.exists() {
            let _ = self.fs().rename(&old_history, &history);
        }
        Ok(to)
    }

    /// Moves `from` to `to` unless something is at `to` already (then
    /// returns false and changes nothing). The name is claimed with a hard
    /// link, which never replaces anything, before `from` goes; on a file
    /// system without links it is looked at first.
    fn move_to_free_name(&self, from: &Path, to: &Path) -> Result<bool, StorageError> {
        match self.fs().hard_link(from, to) {
            Ok(()) => {
                if let Err(e) = self.fs().remove_file(from) {
                    // Back to one name, the old one: the move did not happen.
                    let _ = self.fs().remove_file(to);
                    return Err(StorageError::io(from)(e));
                }
                self.sync_both(from, to)?;
                Ok(true)
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) if super::atomic::links_unsupported(&e) => {
                if self.fs().metadata(to).is_ok() {
                    return Ok(false);
                }
                self.move_file(from, to)?;
                Ok(true)
            }
            Err(e) => Err(StorageError::io(to)(e)),
        }
    }

    /// Renames `from` to `to` and makes it durable in both folders.
    fn move_file(&self, from: &Path, to: &Path) -> Result<(), StorageError> {
        self.fs().rename(from, to).map_err(StorageError::io(from))?;
        self.sync_both(from, to)
    }

    /// Makes a move from `from` to `to` durable in both folders.
    fn sync_both(&self, from: &Path, to: &Path) -> Result<(), StorageError> {
        for dir in [to.parent(), from.parent()].into_iter().flatten() {
            self.fs().sync_dir(dir).map_err(StorageError::io(dir))?;
        }
        Ok(())
    }

    /// Puts the backup (the version before the last save) back; the current
    /// version becomes the backup, so restoring twice undoes it.
    /// Refused while the draft is open in a running zongjie.
    pub fn restore_backup(&self, id: &DraftId) -> Result<(), StorageError> {
        let location = self.location(id);
        let _lock = super::lock::DraftLock::acquire(&location)?;
        self.restore(&location)
    }
}

/// Where the earlier versions of the draft trashed as `name` are kept.
fn trashed_history(name: &str) -> String {
    format!("{}.history", name.strip_suffix(".toml").unwrap_or(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn trash_and_restore_copy_and_rename() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let doc = Document {
            title: "一".into(),
            ..Document::default()
        };
        let id = store
            .create(Some(DraftId::parse("a").unwrap()), &doc)
            .unwrap();
        let copy = store.copy(&id).unwrap();
        assert_eq!(copy.as_str(), "a-2");
        store.save(&store.location(&copy), &doc).unwrap();
        assert_eq!(store.snapshots(&copy).len(), 1);
        let renamed = store.rename(&copy, "b").unwrap();
        assert!(store.location(&renamed).path.is_file());
        assert_eq!(
            store.snapshots(&renamed).len(),
            1,
            "its history is renamed too"
        );
        assert!(matches!(
            store.rename(&renamed, "a"),
            Err(StorageError::Exists { .. })
        ));
        store.save(&store.location(&id), &doc).unwrap();
        let name = store.trash(&id).unwrap();
        assert!(!store.location(&id).path.exists());
        assert!(store.snapshots(&id).is_empty(), "its history went with it");
        assert_eq!(store.trashed(), vec![name.clone()]);
        let back = store.untrash(&name).unwrap();
        assert_eq!(back, id);
        assert_eq!(store.snapshots(&id).len(), 1, "and came back");
        assert_eq!(store.load(&store.location(&id)).unwrap(), doc);
        assert!(store.untrash("../x").is_err());
    }

    #[test]
    fn restoring_the_backup_twice_is_a_no_op() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let one = Document {
            title: "一".into(),
            ..Document::default()
        };
        let two = Document {
            title: "二".into(),
            ..Document::default()
        };
        let id = store.create(None, &one).unwrap();
        let location = store.location(&id);
        store.save(&location, &two).unwrap();
        store.restore_backup(&id).unwrap();
        assert_eq!(store.load(&location).unwrap(), one);
        store.restore_backup(&id).unwrap();
        assert_eq!(store.load(&location).unwrap(), two);
    }
}
