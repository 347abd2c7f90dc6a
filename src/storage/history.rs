//! A short history of each draft, beyond its one backup. The backup is the
//! version just before the last save, and autosave saves after every pause,
//! so it is seconds old; a paragraph deleted by mistake an hour ago is in
//! neither. So a save also keeps the version it replaces here, at most one
//! every [`SNAPSHOT_EVERY`], the newest [`SNAPSHOTS_KEPT`]:
//! `history/<id>/<YYYYMMDD-HHMMSS>.toml` (local time of the save).
//!
//! Keeping a version is best effort: a full disk must not stop the draft
//! itself from being saved.

use std::fs;
use std::path::PathBuf;

use chrono::{Local, NaiveDateTime, TimeDelta};

use super::atomic::{clean_stale_temp_files, write_atomically};
use super::draft_file::parse_draft;
use super::location::DraftLocation;
use super::store::{StorageError, Store, create_private_dir, not_utf8};
use super::{DraftId, DraftSummary};

/// At most one version is kept per this span of time.
pub const SNAPSHOT_EVERY: TimeDelta = TimeDelta::minutes(10);
/// How many versions of a draft are kept.
pub const SNAPSHOTS_KEPT: usize = 20;

const STAMP: &str = "%Y%m%d-%H%M%S";

/// One kept version of a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// `YYYYMMDD-HHMMSS`: when the save that replaced it ran.
    pub stamp: String,
    pub path: PathBuf,
}

impl Snapshot {
    /// When it was replaced, as the writer reads it: `2026-11-23 14:05`.
    pub fn time(&self) -> String {
        NaiveDateTime::parse_from_str(&self.stamp, STAMP).map_or_else(
            |_| self.stamp.clone(),
            |t| t.format("%Y-%m-%d %H:%M").to_string(),
        )
    }
}

impl Store {
    /// Where the versions of draft `id` are kept.
    pub fn history_dir(&self, id: &DraftId) -> PathBuf {
        self.root().join("history").join(id.as_str())
    }

    /// The kept versions of draft `id`, newest first.
    pub fn snapshots(&self, id: &DraftId) -> Vec<Snapshot> {
        let Ok(entries) = fs::read_dir(self.history_dir(id)) else {
            return Vec::new();
        };
        let mut out: Vec<Snapshot> = entries
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                let stamp = name.strip_suffix(".toml")?;
                NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
                Some(Snapshot {
                    stamp: stamp.to_string(),
                    path: e.path(),
                })
            })
            .collect();
        // The stamp's digits sort as its time does.
        out.sort_by(|a, b| b.stamp.cmp(&a.stamp));
        out
    }

    /// Keeps `replaced` (the bytes a save of `id` is about to replace) as a
    /// version, unless one was kept less than [`SNAPSHOT_EVERY`] before
    /// `now`; then drops the oldest beyond [`SNAPSHOTS_KEPT`].
    pub(crate) fn keep_snapshot(
        &self,
        id: &DraftId,
        replaced: &[u8],
        now: NaiveDateTime,
    ) -> Result<(), StorageError> {
        let dir = self.history_dir(id);
        // A link planted there would make a save write and prune elsewhere.
        for d in [self.root().join("history"), dir.clone()] {
            self.refuse_link(&d)?;
        }
        let kept = self.snapshots(id);
        if let Some(newest) = kept.first()
            && let Ok(then) = NaiveDateTime::parse_from_str(&newest.stamp, STAMP)
            // A clock set back by more than the span starts afresh.
            && now - then < SNAPSHOT_EVERY
            && then - now < SNAPSHOT_EVERY
        {
            return Ok(());
        }
        for d in [self.root().join("history"), dir.clone()] {
            create_private_dir(&d).map_err(StorageError::io(&d))?;
        }
        clean_stale_temp_files(&dir);
        let path = dir.join(format!("{}.toml", now.format(STAMP)));
        write_atomically(self.fs(), &path, replaced)?;
        for old in kept.iter().skip(SNAPSHOTS_KEPT - 1) {
            if old.path != path {
                self.fs()
                    .remove_file(&old.path)
                    .map_err(StorageError::io(&old.path))?;
            }
        }
        Ok(())
    }

    /// As [`Store::keep_snapshot`] at the local time, for a save.
    pub(crate) fn keep_snapshot_now(&self, location: &DraftLocation, replaced: &[u8]) {
        if let Some(id) = &location.id {
            // Best effort: the save goes on without it.
            let _ = self.keep_snapshot(id, replaced, Local::now().naive_local());
        }
    }

    /// The title and length of a kept version (it is read and parsed).
    pub fn snapshot_summary(&self, snapshot: &Snapshot) -> Result<DraftSummary, StorageError> {
        Ok(DraftSummary::of(&self.parse_snapshot(snapshot)?))
    }

    /// A kept version, read and parsed (for `zongjie diff --to`).
    pub fn load_snapshot(
        &self,
        snapshot: &Snapshot,
    ) -> Result<crate::document::Document, StorageError> {
        self.parse_snapshot(snapshot)
    }

    fn parse_snapshot(
        &self,
        snapshot: &Snapshot,
    ) -> Result<crate::document::Document, StorageError> {
        let bytes = self
            .fs()
            .read(&snapshot.path)
            .map_err(StorageError::io(&snapshot.path))?;
        let damaged = |source| StorageError::Damaged {
            path: snapshot.path.clone(),
            source,
        };
        let text = crate::document::from_utf8(&bytes).map_err(|e| damaged(not_utf8(&bytes, e)))?;
        parse_draft(text).map_err(damaged)
    }

    /// Puts the version `stamp` of draft `location` back. The version it
    /// replaces becomes the backup (so `zongjie restore` undoes this) and is
    /// kept in the history too. A damaged version is refused, and nothing
    /// is changed. The caller holds the draft's lock.
    pub fn restore_snapshot(
        &self,
        location: &DraftLocation,
        stamp: &str,
    ) -> Result<(), StorageError> {
        let id = location
            .id
            .as_ref()
            .ok_or_else(|| StorageError::NoSnapshot {
                draft: location.path.clone(),
                stamp: stamp.to_string(),
            })?;
        let snapshot = self
            .snapshots(id)
            .into_iter()
            .find(|s| s.stamp == stamp)
            .ok_or_else(|| StorageError::NoSnapshot {
                draft: location.path.clone(),
                stamp: stamp.to_string(),
            })?;
        self.parse_snapshot(&snapshot)?;
        let bytes = self
            .fs()
            .read(&snapshot.path)
            .map_err(StorageError::io(&snapshot.path))?;
        self.finish_interrupted_restore(location)?;
        let current = self.current_bytes(&location.path)?;
        self.replace(location, current.as_deref(), &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    fn at(stamp: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(stamp, STAMP).unwrap()
    }

    fn doc(title: &str) -> Document {
        Document {
            title: title.into(),
            ..Document::default()
        }
    }

    #[test]
    fn one_version_per_ten_minutes_the_newest_twenty() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let id = DraftId::parse("a").unwrap();
        store
            .keep_snapshot(&id, b"one", at("20261123-100000"))
            .unwrap();
        store
            .keep_snapshot(&id, b"two", at("20261123-100500"))
            .unwrap();
        assert_eq!(
            store.snapshots(&id).len(),
            1,
            "five minutes later: not again"
        );
        store
            .keep_snapshot(&id, b"three", at("20261123-101000"))
            .unwrap();
        let kept = store.snapshots(&id);
        assert_eq!(
            kept.iter().map(|s| s.stamp.as_str()).collect::<Vec<_>>(),
            ["20261123-101000", "20261123-100000"]
        );
        assert_eq!(fs::read(&kept[1].path).unwrap(), b"one");
        assert_eq!(kept[0].time(), "2026-11-23 10:10");

        for hour in 11..40 {
            let day = 23 + hour / 24;
            let stamp = format!("202611{day}-{:02}0000", hour % 24);
            store.keep_snapshot(&id, b"x", at(&stamp)).unwrap();
        }
        let kept = store.snapshots(&id);
        assert_eq!(kept.len(), SNAPSHOTS_KEPT);
        assert_eq!(kept[0].stamp, "20261124-150000");
        assert_eq!(kept[SNAPSHOTS_KEPT - 1].stamp, "20261123-200000");
        // A clock set back a day keeps versions again.
        store
            .keep_snapshot(&id, b"y", at("20261123-000000"))
            .unwrap();
        assert!(
            store
                .snapshots(&id)
                .iter()
                .any(|s| s.stamp == "20261123-000000")
        );
    }

    /// A store holding draft `a`, titled 一.
    fn store_with_draft() -> (tempfile::TempDir, Store, DraftId, DraftLocation) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let id = store
            .create(Some(DraftId::parse("a").unwrap()), &doc("一"))
            .unwrap();
        let location = store.location(&id);
        (dir, store, id, location)
    }

    #[test]
    fn saving_keeps_the_replaced_version_and_restoring_one_is_undoable() {
        let (_dir, store, id, location) = store_with_draft();
        assert!(
            store.snapshots(&id).is_empty(),
            "a new draft replaced nothing"
        );
        store.save(&location, &doc("二")).unwrap();
        store.save(&location, &doc("三")).unwrap();
        let kept = store.snapshots(&id);
        assert_eq!(kept.len(), 1, "two saves within ten minutes: one version");
        assert_eq!(store.snapshot_summary(&kept[0]).unwrap().title, "一");

        store.restore_snapshot(&location, &kept[0].stamp).unwrap();
        assert_eq!(store.load(&location).unwrap().title, "一");
        store.restore(&location).unwrap();
        assert_eq!(
            store.load(&location).unwrap().title,
            "三",
            "restore undoes it"
        );

        assert!(matches!(
            store.restore_snapshot(&location, "20000101-000000"),
            Err(StorageError::NoSnapshot { .. })
        ));
    }

    #[test]
    fn a_damaged_version_is_refused_and_nothing_changes() {
        let (_dir, store, id, location) = store_with_draft();
        store.save(&location, &doc("二")).unwrap();
        let kept = store.snapshots(&id);
        fs::write(&kept[0].path, "title = [").unwrap();
        let before = fs::read(&location.path).unwrap();
        let backup = fs::read(&location.backup).unwrap();
        assert!(matches!(
            store.restore_snapshot(&location, &kept[0].stamp),
            Err(StorageError::Damaged { .. })
        ));
        assert_eq!(fs::read(&location.path).unwrap(), before);
        assert_eq!(fs::read(&location.backup).unwrap(), backup);
    }

    #[test]
    fn a_version_that_cannot_be_kept_does_not_stop_the_save() {
        let (dir, store, id, location) = store_with_draft();
        // A file where the history folder should be.
        fs::write(dir.path().join("history"), "").unwrap();
        store.save(&location, &doc("二")).unwrap();
        assert_eq!(store.load(&location).unwrap().title, "二");
        assert!(store.snapshots(&id).is_empty());
    }
}
