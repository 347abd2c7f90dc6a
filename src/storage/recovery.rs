//! Getting a draft back: restoring the backup (the version before the last
//! save) in a way that is itself undoable and survives a crash at any
//! moment, and tidying up after a save or restore that was cut short.

use std::fs;
use std::path::{Path, PathBuf};

use super::atomic::{clean_stale_temp_files, clean_stale_temp_files_of, write_atomically};
use super::draft_file::parse_draft;
use super::location::DraftLocation;
use super::lock::DraftLock;
use super::store::{StorageError, Store, not_utf8};

impl DraftLocation {
    /// Where a restore keeps the current version until the swap is complete.
    pub fn pending_backup_path(&self) -> PathBuf {
        let mut name = self
            .backup
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        name.push(".pending");
        self.backup.with_file_name(name)
    }
}

impl Store {
    /// Puts the backup back as the draft; the current version becomes the
    /// backup, so restoring again undoes it. A damaged backup is refused; a
    /// damaged draft is fine (that is what restoring is for) and its bytes
    /// are kept, unchanged, as the backup. A missing draft is recreated.
    ///
    /// The swap takes three steps, each atomic, so that a crash anywhere
    /// loses neither version: (1) the current version is written to
    /// [`DraftLocation::pending_backup_path`]; (2) the backup is written over
    /// the draft; (3) the pending file is renamed over the backup. After a
    /// crash, [`Store::recover`] finishes or forgets the swap.
    pub fn restore(&self, location: &DraftLocation) -> Result<(), StorageError> {
        self.finish_interrupted_restore(location)?;
        let backup = match self.current_bytes(&location.backup)? {
            Some(bytes) => bytes,
            None => return Err(StorageError::NoBackup(location.path.clone())),
        };
        let text = std::str::from_utf8(&backup).map_err(|e| StorageError::DamagedBackup {
            path: location.backup.clone(),
            source: not_utf8(&backup, e),
        })?;
        parse_draft(text).map_err(|source| StorageError::DamagedBackup {
            path: location.backup.clone(),
            source,
        })?;
        if let Some(dir) = location.path.parent()
            && location.id.is_some()
        {
            self.fs()
                .create_dir_all(dir)
                .map_err(StorageError::io(dir))?;
        }
        let current = self.current_bytes(&location.path)?;
        let pending = location.pending_backup_path();
        if let Some(current) = &current {
            write_atomically(self.fs(), &pending, current)?;
        }
        write_atomically(self.fs(), &location.path, &backup)?;
        if current.is_some() {
            self.fs()
                .rename(&pending, &location.backup)
                .map_err(StorageError::io(&location.backup))?;
            let dir = location.backup.parent().unwrap_or(Path::new("."));
            self.fs().sync_dir(dir).map_err(StorageError::io(dir))?;
        }
        Ok(())
    }

    /// Completes or rolls back a restore of `location` that was cut short
    /// (and, for a draft outside the data directory, removes its stale temp files).
    /// If the draft still holds the pending (current) version, the restore
    /// never replaced it: the pending copy is dropped. Otherwise the draft
    /// is the restored backup and the pending copy becomes the backup.
    pub(crate) fn finish_interrupted_restore(
        &self,
        location: &DraftLocation,
    ) -> Result<(), StorageError> {
        let pending = location.pending_backup_path();
        if location.id.is_none() {
            // A draft outside the data directory: its folder is not swept
            // at start, so its own leftovers are removed here.
            for dir in [&location.path, &location.backup]
                .iter()
                .filter_map(|p| p.parent())
            {
                clean_stale_temp_files_of(dir, &[&location.path, &location.backup, &pending]);
            }
        }
        let Some(saved) = self.current_bytes(&pending)? else {
            return Ok(());
        };
        let draft = self.current_bytes(&location.path)?;
        if draft.as_deref() == Some(saved.as_slice()) {
            self.fs()
                .remove_file(&pending)
                .map_err(StorageError::io(&pending))?;
        } else {
            self.fs()
                .rename(&pending, &location.backup)
                .map_err(StorageError::io(&location.backup))?;
        }
        let dir = pending.parent().unwrap_or(Path::new("."));
        self.fs().sync_dir(dir).map_err(StorageError::io(dir))
    }

    /// Tidies the data directory after a crash: removes temp files of
    /// saves that were cut short (by processes that no longer run) and
    /// completes interrupted restores (of drafts nobody has locked). Never
    /// touches a draft's bytes; a missing data directory is fine.
    pub fn recover(&self) -> Result<(), StorageError> {
        clean_stale_temp_files(&self.drafts_dir());
        clean_stale_temp_files(&self.backups_dir());
        let Ok(entries) = fs::read_dir(self.backups_dir()) else {
            return Ok(());
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(file_name) = name.strip_suffix(".pending") else {
                continue;
            };
            let Some(stem) = file_name.strip_suffix(".toml") else {
                continue;
            };
            let Ok(id) = super::id::DraftId::parse(stem) else {
                continue;
            };
            let location = self.location(&id);
            // A restore still running elsewhere holds the lock: its
            // pending file is not a leftover.
            let Ok(_lock) = DraftLock::acquire(&location) else {
                continue;
            };
            self.finish_interrupted_restore(&location)?;
        }
        Ok(())
    }
}
