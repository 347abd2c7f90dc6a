//! Every file-system call of a save and of a restore is made to fail, in
//! turn, with a full disk, an I/O error, a refused permission and a
//! read-only file system. After each failure the draft on disk must be the
//! old version or the new one, never partial; no temp file may be left; the
//! error must name the file and the reason; and the next save must work.
#![cfg(unix)]

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use zongjie::document::{Document, Item, Section, SectionKind};
use zongjie::storage::{
    DraftId, DraftLocation, FaultyFs, FsOp, StorageError, Store, is_temp_name, write_draft,
};

const ERRNOS: [i32; 4] = [libc::ENOSPC, libc::EIO, libc::EACCES, libc::EROFS];

/// A draft large enough that half of it is clearly not all of it.
fn version(n: usize) -> Document {
    let mut section = Section::new(SectionKind::Work, "工作开展情况");
    for i in 0..40 {
        section.items.push(Item::new(
            format!("第{i}项工作（第{n}版）"),
            "认真学习贯彻党的二十大精神，不断提高政治站位。".repeat(10),
        ));
    }
    Document {
        title: format!("XX党支部2020年上半年党建工作总结（第{n}版）"),
        sections: vec![section],
        ..Document::default()
    }
}

fn bytes_of(n: usize) -> Vec<u8> {
    write_draft(&version(n)).into_bytes()
}

struct Setup {
    _dir: tempfile::TempDir,
    root: PathBuf,
    faults: FaultyFs,
    store: Store,
    location: DraftLocation,
}

/// A store whose draft is version 2 with version 1 as its backup.
fn setup() -> Setup {
    let s = created();
    s.store.save(&s.location, &version(2)).unwrap();
    s.faults.take_calls();
    s
}

/// A store whose draft was just created as version 1, never saved again.
fn created() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    let faults = FaultyFs::new();
    let store = Store::with_fs(&root, Arc::new(faults.clone()));
    let id = store
        .create(Some(DraftId::parse("summary").unwrap()), &version(1))
        .unwrap();
    let location = store.location(&id);
    faults.take_calls();
    Setup {
        _dir: dir,
        root,
        faults,
        store,
        location,
    }
}

/// The calls made by one operation, each with its occurrence number (the
/// nth call of that kind), so that every one of them can be made to fail.
fn numbered(calls: &[(FsOp, PathBuf)]) -> Vec<(FsOp, usize, PathBuf)> {
    let mut seen: HashMap<FsOp, usize> = HashMap::new();
    calls
        .iter()
        .map(|(op, path)| {
            let n = seen.entry(*op).or_insert(0);
            *n += 1;
            (*op, *n - 1, path.clone())
        })
        .collect()
}

fn leftovers(root: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for dir in ["drafts", "backups"] {
        for entry in fs::read_dir(root.join(dir)).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_temp_name(&name) || name.ends_with(".pending") {
                found.push(format!("{dir}/{name}"));
            }
        }
    }
    found
}

/// Each temp file may be fsynced once: a failed fsync is never retried on
/// the same file.
fn assert_no_fsync_retry(calls: &[(FsOp, PathBuf)]) {
    let mut synced = HashSet::new();
    for (op, path) in calls {
        if *op == FsOp::Sync {
            assert!(synced.insert(path.clone()), "fsync retried on {path:?}");
        }
    }
}

fn assert_names_file_and_reason(err: &StorageError, root: &Path, errno: i32) {
    let message = err.to_string();
    let reason = io::Error::from_raw_os_error(errno).to_string();
    assert!(message.contains(&reason), "no reason in: {message}");
    assert!(
        message.contains(&root.display().to_string()),
        "no path in: {message}"
    );
}

#[test]
fn every_failing_step_of_a_save_keeps_the_old_or_the_new_version() {
    // What a clean save calls, to know what to break.
    let probe = setup();
    probe
        .store
        .save(&probe.location, &version(3))
        .expect("clean save");
    let steps = numbered(&probe.faults.take_calls());
    assert!(steps.len() >= 12, "a save makes many calls: {steps:?}");

    let (old, new) = (bytes_of(2), bytes_of(3));
    let mut injected = 0;
    let mut failed_saves = 0;
    for (op, nth, path) in &steps {
        for errno in ERRNOS {
            let s = setup();
            s.faults.fail(*op, *nth, errno);
            let result = s.store.save(&s.location, &version(3));
            assert_eq!(s.faults.fired(), 1, "{op:?}#{nth} on {path:?} was reached");
            injected += 1;
            let calls = s.faults.take_calls();
            assert_no_fsync_retry(&calls);

            let draft = fs::read(&s.location.path).unwrap();
            assert!(
                draft == old || draft == new,
                "{op:?}#{nth} {errno}: draft is neither version"
            );
            let backup = fs::read(&s.location.backup).unwrap();
            assert!(backup == bytes_of(1) || backup == old, "backup damaged");
            assert_eq!(leftovers(&s.root), Vec::<String>::new(), "{op:?}#{nth}");
            match &result {
                Err(e) => {
                    failed_saves += 1;
                    assert_names_file_and_reason(e, &s.root, errno);
                    if e.to_string().contains("unchanged") {
                        assert_eq!(draft, old, "said unchanged: {e}");
                    }
                }
                // Only reading the new file's time for its fingerprint may
                // fail without failing the save, which then must be complete.
                Ok(()) => assert_eq!(draft, new, "{op:?}#{nth} failed silently"),
            }

            // The fault is gone: the next save works and keeps the backup.
            s.faults.heal();
            s.store.save(&s.location, &version(4)).unwrap();
            assert_eq!(s.store.load(&s.location).unwrap(), version(4));
            assert_eq!(fs::read(&s.location.backup).unwrap(), draft);
        }
    }
    assert!(failed_saves >= injected - ERRNOS.len());
    eprintln!(
        "save: {injected} faults injected over {} steps",
        steps.len()
    );
}

#[test]
fn every_failing_step_of_a_restore_loses_neither_version() {
    let probe = setup();
    probe.store.restore(&probe.location).expect("clean restore");
    let steps = numbered(&probe.faults.take_calls());
    assert!(steps.len() >= 10, "{steps:?}");

    let (one, two) = (bytes_of(1), bytes_of(2));
    let both: HashSet<Vec<u8>> = [one.clone(), two.clone()].into();
    let mut injected = 0;
    for (op, nth, _) in &steps {
        for errno in ERRNOS {
            let s = setup();
            s.faults.fail(*op, *nth, errno);
            let result = s.store.restore(&s.location);
            assert_eq!(s.faults.fired(), 1);
            injected += 1;
            assert_no_fsync_retry(&s.faults.take_calls());
            let draft = fs::read(&s.location.path).unwrap();
            assert!(draft == one || draft == two, "{op:?}#{nth}: draft damaged");
            if let Err(e) = &result {
                assert_names_file_and_reason(e, &s.root, errno);
            }

            // Tidying up (as the next start does) leaves both versions.
            s.faults.heal();
            s.store.recover().unwrap();
            assert_eq!(leftovers(&s.root), Vec::<String>::new());
            let kept: HashSet<Vec<u8>> = [
                fs::read(&s.location.path).unwrap(),
                fs::read(&s.location.backup).unwrap(),
            ]
            .into();
            assert_eq!(kept, both, "{op:?}#{nth} {errno}: a version was lost");

            // And restoring works again.
            let before = fs::read(&s.location.path).unwrap();
            s.store.restore(&s.location).unwrap();
            assert_eq!(fs::read(&s.location.backup).unwrap(), before);
        }
    }
    eprintln!(
        "restore: {injected} faults injected over {} steps",
        steps.len()
    );
}

#[test]
fn a_failing_read_is_an_error_naming_the_file() {
    for errno in ERRNOS {
        let s = setup();
        s.faults.fail(FsOp::Read, 0, errno);
        let err = s.store.load(&s.location).unwrap_err();
        assert_names_file_and_reason(&err, &s.root, errno);
        s.faults.fail(FsOp::Read, 0, errno);
        let listed = s.store.list().unwrap();
        let reason = listed[0].summary.as_ref().unwrap_err();
        assert!(
            reason.contains(&io::Error::from_raw_os_error(errno).to_string()),
            "{reason}"
        );
        s.faults.heal();
        assert_eq!(s.store.load(&s.location).unwrap(), version(2));
    }
}

#[test]
fn a_failed_fsync_is_followed_by_a_fresh_file() {
    let s = setup();
    s.faults.fail(FsOp::Sync, 1, libc::EIO);
    s.store.save(&s.location, &version(3)).unwrap_err();
    s.faults.heal();
    s.store.save(&s.location, &version(3)).unwrap();
    let calls = s.faults.take_calls();
    let created: Vec<_> = calls
        .iter()
        .filter(|(op, _)| *op == FsOp::Create)
        .map(|(_, p)| p.clone())
        .collect();
    let unique: HashSet<_> = created.iter().collect();
    assert_eq!(unique.len(), created.len(), "a temp file was reused");
    assert_no_fsync_retry(&calls);
}

#[test]
fn the_messages_say_which_file_which_step_and_why() {
    let s = setup();
    let draft = s.location.path.display().to_string();
    // The second write is the draft's (the first is the backup's).
    s.faults.fail(FsOp::Write, 1, libc::ENOSPC);
    let err = s.store.save(&s.location, &version(3)).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "cannot save {draft}: writing the temporary file failed: No space left on device \
             (os error 28); the file on disk is unchanged"
        )
    );
    s.faults.fail(FsOp::Create, 0, libc::EROFS);
    let err = s.store.save(&s.location, &version(3)).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with(&format!(
            "{draft} was not saved: keeping its previous version failed: cannot save "
        )) && message.contains(
            "backups/summary.toml: creating the temporary file failed: Read-only file system"
        ),
        "{message}"
    );
    s.faults.fail(FsOp::SyncDir, 1, libc::EIO);
    let err = s.store.save(&s.location, &version(3)).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("the new version is in place but may not survive a power cut"),
        "{err}"
    );
    assert_eq!(s.store.load(&s.location).unwrap(), version(3));
}

#[test]
fn a_failing_step_of_keeping_an_earlier_version_never_fails_the_save() {
    // Its first save keeps version 1 in the history.
    let fresh = created;
    let probe = fresh();
    probe.store.save(&probe.location, &version(2)).unwrap();
    let history = probe.root.join("history");
    let steps: Vec<_> = numbered(&probe.faults.take_calls())
        .into_iter()
        .filter(|(_, _, path)| path.starts_with(&history))
        .collect();
    assert!(
        steps.len() >= 4,
        "keeping a version writes a file: {steps:?}"
    );

    for (op, nth, path) in &steps {
        for errno in ERRNOS {
            let s = fresh();
            s.faults.fail(*op, *nth, errno);
            s.store
                .save(&s.location, &version(2))
                .unwrap_or_else(|e| panic!("{op:?}#{nth} on {path:?} failed the save: {e}"));
            assert_eq!(s.faults.fired(), 1, "{op:?}#{nth} was reached");
            assert_eq!(fs::read(&s.location.path).unwrap(), bytes_of(2));
            assert_eq!(fs::read(&s.location.backup).unwrap(), bytes_of(1));
            let dir = s.root.join("history").join("summary");
            for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                assert!(!is_temp_name(&name), "{op:?}#{nth}: {name} left");
                // A version kept is whole.
                assert_eq!(fs::read(entry.path()).unwrap(), bytes_of(1), "{name}");
            }
        }
    }
}

#[test]
fn every_failing_step_of_trash_rename_and_untrash_keeps_the_draft_whole() {
    /// Where the draft's bytes are now: every .toml under drafts/ and trash/.
    fn copies(root: &Path) -> Vec<Vec<u8>> {
        let mut found = Vec::new();
        for dir in ["drafts", "trash"] {
            for entry in fs::read_dir(root.join(dir)).into_iter().flatten().flatten() {
                if entry.file_name().to_string_lossy().ends_with(".toml") {
                    found.push(fs::read(entry.path()).unwrap());
                }
            }
        }
        found
    }
    type Op = fn(&Store) -> Result<(), StorageError>;
    let id = || DraftId::parse("summary").unwrap();
    let ops: [(&str, Op); 3] = [
        ("trash", |s| {
            s.trash(&DraftId::parse("summary").unwrap()).map(drop)
        }),
        ("rename", |s| {
            s.rename(&DraftId::parse("summary").unwrap(), "other")
                .map(drop)
        }),
        ("untrash", |s| {
            let name = s.trashed().pop().expect("a trashed draft");
            s.untrash(&name).map(drop)
        }),
    ];
    let mut injected = 0;
    for (name, op) in ops {
        let prepare = |s: &Setup| {
            if name == "untrash" {
                s.store.trash(&id()).unwrap();
            }
            s.faults.take_calls();
        };
        let probe = setup();
        prepare(&probe);
        op(&probe.store).unwrap_or_else(|e| panic!("clean {name}: {e}"));
        let steps = numbered(&probe.faults.take_calls());
        assert!(!steps.is_empty(), "{name} goes through the file system");
        for (fs_op, nth, _) in &steps {
            for errno in ERRNOS {
                let s = setup();
                prepare(&s);
                s.faults.fail(*fs_op, *nth, errno);
                let result = op(&s.store);
                assert_eq!(s.faults.fired(), 1);
                injected += 1;
                assert_eq!(
                    copies(&s.root),
                    vec![bytes_of(2)],
                    "{name} {fs_op:?}#{nth}: the draft is in one place, whole"
                );
                if let Err(e) = result {
                    assert_names_file_and_reason(&e, &s.root, errno);
                }
            }
        }
    }
    eprintln!("trash, rename, untrash: {injected} faults injected");
}
