//! Drafts are private and links are not followed: the data folders are
//! 0700 and every file zongjie writes (drafts, backups, temp, pending and
//! lock files) is 0600; a symbolic link planted at a draft's, backup's,
//! pending or lock path never makes zongjie read or overwrite another file.
#![cfg(unix)]

use std::fs;
use std::io;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use zongjie::document::Document;
use zongjie::storage::{
    DraftId, DraftLocation, DraftLock, FileSystem, NewFile, OsFs, StorageError, Store,
};

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path).unwrap().permissions().mode() & 0o777
}

fn doc(title: &str) -> Document {
    Document {
        title: title.into(),
        ..Document::default()
    }
}

/// The real file system, noting the mode of every file just before it is
/// renamed into place (the temp files) .
#[derive(Debug, Default)]
struct ModeSpy {
    modes: Mutex<Vec<(PathBuf, u32)>>,
}

impl FileSystem for ModeSpy {
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn NewFile>> {
        OsFs.create_new(path)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.modes
            .lock()
            .unwrap()
            .push((from.to_path_buf(), mode(from)));
        OsFs.rename(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        OsFs.sync_dir(dir)
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        OsFs.read(path)
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        OsFs.remove_file(path)
    }
    fn metadata(&self, path: &Path) -> io::Result<fs::Metadata> {
        OsFs.metadata(path)
    }
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        OsFs.create_dir_all(dir)
    }
}

fn setup() -> (tempfile::TempDir, Store, DraftLocation) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("data"));
    store.prepare().unwrap();
    let location = store.location(&DraftId::parse("d").unwrap());
    (dir, store, location)
}

#[test]
fn folders_are_0700_and_every_file_0600() {
    let dir = tempfile::tempdir().unwrap();
    let spy = Arc::new(ModeSpy::default());
    // A nested data dir: every folder zongjie creates is private.
    let root = dir.path().join("usb/zongjie");
    let store = Store::with_fs(&root, spy.clone());
    let id = store.create(None, &doc("一")).unwrap();
    let location = store.location(&id);
    store.save(&location, &doc("二")).unwrap();
    store.restore(&location).unwrap();
    let lock = DraftLock::acquire(&location).unwrap();

    for folder in [
        dir.path().join("usb"),
        root.clone(),
        store.drafts_dir(),
        store.backups_dir(),
    ] {
        assert_eq!(mode(&folder), 0o700, "{folder:?}");
    }
    for file in [&location.path, &location.backup, &lock.path().to_path_buf()] {
        assert_eq!(mode(file), 0o600, "{file:?}");
    }
    let modes = spy.modes.lock().unwrap();
    assert!(modes.len() >= 5, "{modes:?}");
    let pending = location.pending_backup_path();
    assert!(
        modes.iter().any(|(p, _)| *p == pending),
        "restore renames its pending file"
    );
    for (path, m) in modes.iter() {
        assert_eq!(*m, 0o600, "{path:?}");
    }
}

#[test]
fn a_link_at_the_draft_path_is_replaced_not_followed() {
    let (dir, store, location) = setup();
    let victim = dir.path().join("victim.toml");
    fs::write(&victim, "format = 1\ntitle = \"别人的文件\"\n").unwrap();
    let victim_before = fs::read(&victim).unwrap();
    symlink(&victim, &location.path).unwrap();

    // Reading refuses the link (it could point anywhere).
    let err = store.load(&location).unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    let listed = store.list().unwrap();
    let reason = listed[0].summary.as_ref().unwrap_err();
    assert!(reason.contains("symbolic link"), "{reason}");

    store.save(&location, &doc("我的草稿")).unwrap();
    assert_eq!(
        fs::read(&victim).unwrap(),
        victim_before,
        "victim overwritten"
    );
    assert!(fs::symlink_metadata(&location.path).unwrap().is_file());
    assert_eq!(mode(&location.path), 0o600);
    assert_eq!(store.load(&location).unwrap(), doc("我的草稿"));
    // The link was not a draft: nothing of the victim became the backup.
    assert!(!location.backup.exists());
}

#[test]
fn a_link_at_the_backup_or_pending_path_is_not_followed() {
    let (dir, store, location) = setup();
    let victim = dir.path().join("victim");
    fs::write(&victim, "keep me").unwrap();
    store.save(&location, &doc("一")).unwrap();
    symlink(&victim, &location.backup).unwrap();
    symlink(&victim, location.pending_backup_path()).unwrap();

    // A link is no backup to restore.
    assert!(matches!(
        store.restore(&location),
        Err(StorageError::NoBackup(_))
    ));
    store.save(&location, &doc("二")).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(fs::symlink_metadata(&location.backup).unwrap().is_file());
    store.restore(&location).unwrap();
    store.recover().unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!(store.load(&location).unwrap(), doc("一"));
    assert!(!location.pending_backup_path().exists());
}

#[test]
fn a_draft_named_through_a_link_is_saved_beside_the_real_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path().join("data"));
    let real = dir.path().join("real.toml");
    let other = Store::new(dir.path().join("other"));
    fs::write(&real, zongjie::storage::write_draft(&doc("真"))).unwrap();
    let link = dir.path().join("link.toml");
    symlink(&real, &link).unwrap();
    // The writer named the link: it is followed once, when resolving.
    let location = store.resolve(link.to_str().unwrap()).unwrap();
    assert_eq!(location.path, fs::canonicalize(&real).unwrap());
    store.save(&location, &doc("改")).unwrap();
    assert_eq!(other.load(&location).unwrap(), doc("改"));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}
