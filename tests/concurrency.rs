//! Two writers: a draft locked by another running process is refused with
//! that process's id; the lock of a killed process is taken over; and a
//! draft changed on disk since it was loaded is noticed before saving.
#![cfg(unix)]

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use zongjie::document::Document;
use zongjie::storage::{DraftId, DraftLocation, DraftLock, LockError, StorageError, Store};

const HOLDER: &str = "ZONGJIE_LOCK_HOLDER";

fn doc(title: &str) -> Document {
    Document {
        title: title.into(),
        ..Document::default()
    }
}

fn location_in(dir: &std::path::Path) -> DraftLocation {
    DraftLocation {
        id: None,
        path: dir.join("a.toml"),
        backup: dir.join(".a.toml.bak"),
    }
}

/// The other process: takes the lock, says so, and waits to be killed.
#[test]
fn lock_holder_process() {
    let Ok(dir) = std::env::var(HOLDER) else {
        return;
    };
    let _lock = DraftLock::acquire(&location_in(dir.as_ref())).unwrap();
    println!("locked");
    std::thread::sleep(Duration::from_secs(30));
}

#[test]
fn a_lock_held_by_another_process_is_refused_then_taken_over_after_its_death() {
    let dir = tempfile::tempdir().unwrap();
    let location = location_in(dir.path());
    let mut holder = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "lock_holder_process", "--nocapture"])
        .env(HOLDER, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(holder.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("locked") {
        line.clear();
        assert!(out.read_line(&mut line).unwrap() > 0, "holder gave up");
    }
    match DraftLock::acquire(&location) {
        Err(LockError::Held { pid, draft }) => {
            assert_eq!(pid, Some(holder.id()));
            assert_eq!(draft, location.path);
        }
        other => panic!("expected Held, got {other:?}"),
    }
    holder.kill().unwrap();
    holder.wait().unwrap();
    // The dead holder's file is still there, with its pid: a stale lock.
    assert_eq!(
        fs::read_to_string(location.lock_path()).unwrap().trim(),
        holder.id().to_string()
    );
    let lock = DraftLock::acquire(&location).expect("stale lock taken over");
    assert_eq!(
        fs::read_to_string(lock.path()).unwrap().trim(),
        std::process::id().to_string()
    );
}

/// A data directory holding draft `d`, titled 一.
fn draft_d() -> (tempfile::TempDir, Store, DraftLocation) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("data"));
    let id = store
        .create(Some(DraftId::parse("d").unwrap()), &doc("一"))
        .unwrap();
    let location = store.location(&id);
    (dir, store, location)
}

#[test]
fn a_change_on_disk_is_noticed_before_saving() {
    let (_dir, store, location) = draft_d();
    let (loaded, fingerprint) = store.load_with_fingerprint(&location).unwrap();
    assert_eq!(loaded, doc("一"));
    assert!(!store.changed_on_disk(&location, &fingerprint).unwrap());

    // Rewritten with the same bytes (a touch): not a change.
    let bytes = fs::read(&location.path).unwrap();
    std::thread::sleep(Duration::from_millis(10));
    fs::write(&location.path, &bytes).unwrap();
    assert!(!store.changed_on_disk(&location, &fingerprint).unwrap());

    // Our own saves move the fingerprint along.
    let fingerprint = store
        .save_checked(&location, &doc("二"), Some(&fingerprint))
        .unwrap();
    assert!(!store.changed_on_disk(&location, &fingerprint).unwrap());

    // Another program changes one character, same length: noticed, and
    // the checked save refuses without touching either file.
    let theirs = fs::read_to_string(&location.path)
        .unwrap()
        .replace('二', "三");
    fs::write(&location.path, &theirs).unwrap();
    assert!(store.changed_on_disk(&location, &fingerprint).unwrap());
    let backup = fs::read(&location.backup).unwrap();
    let err = store
        .save_checked(&location, &doc("我的"), Some(&fingerprint))
        .unwrap_err();
    assert!(matches!(err, StorageError::ChangedOnDisk(_)), "{err}");
    assert!(err.to_string().contains("changed on disk"));
    assert_eq!(fs::read_to_string(&location.path).unwrap(), theirs);
    assert_eq!(fs::read(&location.backup).unwrap(), backup);
    // Saving anyway (the writer chose to) keeps their version as the backup.
    store.save_checked(&location, &doc("我的"), None).unwrap();
    assert_eq!(fs::read_to_string(&location.backup).unwrap(), theirs);

    // A deleted draft counts as changed.
    let (_, fingerprint) = store.load_with_fingerprint(&location).unwrap();
    fs::remove_file(&location.path).unwrap();
    assert!(store.changed_on_disk(&location, &fingerprint).unwrap());
}

#[test]
fn recovery_leaves_a_restore_in_progress_alone() {
    let (_dir, store, location) = draft_d();
    store.save(&location, &doc("二")).unwrap();
    // A restore between its first and second step, in "another process"
    // that holds the lock: the current version is in the pending file.
    let current = fs::read(&location.path).unwrap();
    let lock = DraftLock::acquire(&location).unwrap();
    fs::write(location.pending_backup_path(), &current).unwrap();
    store.recover().unwrap();
    assert!(
        location.pending_backup_path().exists(),
        "pending file taken away"
    );
    // The picker's restore is refused meanwhile.
    assert!(matches!(
        store.restore_backup(location.id.as_ref().unwrap()),
        Err(StorageError::Locked(LockError::Held { .. }))
    ));
    // Once the restorer is gone (it died before replacing the draft), the
    // next start drops the pending copy: the draft never changed.
    drop(lock);
    store.recover().unwrap();
    assert!(!location.pending_backup_path().exists());
    assert_eq!(fs::read(&location.path).unwrap(), current);
    assert_eq!(store.load(&location).unwrap(), doc("二"));
    assert_eq!(
        zongjie::storage::parse_draft(&fs::read_to_string(&location.backup).unwrap()).unwrap(),
        doc("一"),
        "backup kept"
    );
}
