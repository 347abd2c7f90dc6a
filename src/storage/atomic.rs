//! Atomic replacement of a file: write a private temp file in the same
//! directory, fsync it, rename it over the target, fsync the directory. A
//! crash at any moment leaves the old file or the new one, never a mix.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use super::fs::{FileSystem, OsFs};

const TEMP_MARK: &str = ".tmp-";

/// `.<name>.tmp-<pid>-<n>` beside `target`: hidden, unique per process and save.
fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}{TEMP_MARK}{}-{n}", std::process::id()))
}

/// The step of an atomic write that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStep {
    CreateTemp,
    Write,
    Sync,
    Rename,
    /// Giving the new file its name, which must be free.
    Claim,
    SyncDir,
}

impl WriteStep {
    fn describe(self) -> &'static str {
        match self {
            WriteStep::CreateTemp => "creating the temporary file",
            WriteStep::Write => "writing the temporary file",
            WriteStep::Sync => "flushing the temporary file to disk",
            WriteStep::Rename => "renaming the temporary file over it",
            WriteStep::Claim => "giving the new file its name",
            WriteStep::SyncDir => "flushing its folder to disk",
        }
    }
}

/// An atomic write that failed: which file, at which step, and why.
#[derive(Debug)]
pub struct WriteError {
    pub target: PathBuf,
    pub step: WriteStep,
    pub source: io::Error,
}

impl WriteError {
    /// Whether the new content replaced the old one despite the error: only
    /// the last step (making the rename durable) fails after the rename.
    pub fn replaced(&self) -> bool {
        self.step == WriteStep::SyncDir
    }

    /// Whether a new file was refused because its name is taken.
    pub fn name_taken(&self) -> bool {
        self.step == WriteStep::Claim && self.source.kind() == io::ErrorKind::AlreadyExists
    }
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot save {}: {} failed: {}; ",
            self.target.display(),
            self.step.describe(),
            self.source
        )?;
        f.write_str(if self.replaced() {
            "the new version is in place but may not survive a power cut"
        } else {
            "the file on disk is unchanged"
        })
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Replaces `target` with `bytes` atomically on the real file system. On
/// failure the temp file is removed and `target` is untouched.
pub fn atomic_write(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically(&OsFs, target, bytes).map_err(|e| io::Error::new(e.source.kind(), e))
}

/// Replaces `target` with `bytes` atomically through `fs`. On failure the
/// temp file is removed; `target` holds the old bytes, or the new ones if
/// only the final directory sync failed ([`WriteError::replaced`]).
pub fn write_atomically(
    fs: &dyn FileSystem,
    target: &Path,
    bytes: &[u8],
) -> Result<(), WriteError> {
    replace_through_temp(fs, target, bytes, Sharing::Private)
}

/// Who may read a file written here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sharing {
    /// The user alone (0600): drafts and everything about them.
    Private,
    /// Others too, as the umask allows (0644 less the umask): exports.
    Shared,
}

/// Writes a file made to be shared (an export, a manual page): atomically,
/// like drafts, but readable by others as the umask allows. With `replace`
/// an existing `target` is replaced ([`write_atomically`]); without, the
/// name must be free ([`create_atomically`]).
pub fn publish_atomically(
    fs: &dyn FileSystem,
    target: &Path,
    bytes: &[u8],
    replace: bool,
) -> Result<(), WriteError> {
    if replace {
        replace_through_temp(fs, target, bytes, Sharing::Shared)
    } else {
        claim_through_temp(fs, target, bytes, Sharing::Shared)
    }
}

fn replace_through_temp(
    fs: &dyn FileSystem,
    target: &Path,
    bytes: &[u8],
    sharing: Sharing,
) -> Result<(), WriteError> {
    through_temp(fs, target, bytes, sharing, |temp| {
        fs.rename(temp, target)
            .map(|()| false)
            .map_err(|e| (WriteStep::Rename, e))
    })
}

/// Writes `bytes` as a new file `target`, which must not exist: the name is
/// claimed atomically, never checked first and written later, so of two
/// processes creating the same name exactly one succeeds and the other gets
/// [`WriteError::name_taken`]. The whole file is written and flushed under a
/// temp name and then hard-linked to `target` (a link never replaces
/// anything), so `target` never exists half written. On a file system
/// without hard links (FAT), `target` is created exclusively (O_EXCL) and
/// written in place; a failed write removes it again.
pub fn create_atomically(
    fs: &dyn FileSystem,
    target: &Path,
    bytes: &[u8],
) -> Result<(), WriteError> {
    claim_through_temp(fs, target, bytes, Sharing::Private)
}

fn claim_through_temp(
    fs: &dyn FileSystem,
    target: &Path,
    bytes: &[u8],
    sharing: Sharing,
) -> Result<(), WriteError> {
    through_temp(fs, target, bytes, sharing, |temp| {
        match fs.hard_link(temp, target) {
            Err(e) if links_unsupported(&e) => {
                create_in_place(fs, target, bytes, sharing).map(|()| true)
            }
            other => other.map(|()| true).map_err(|e| (WriteStep::Claim, e)),
        }
    })
}

/// Writes and flushes `bytes` to a new temp file beside `target`, then lets
/// `place` put it in place (it returns whether the temp file is still there
/// to remove), then makes that durable. On failure the temp file is removed.
fn through_temp(
    fs: &dyn FileSystem,
    target: &Path,
    bytes: &[u8],
    sharing: Sharing,
    place: impl FnOnce(&Path) -> Result<bool, (WriteStep, io::Error)>,
) -> Result<(), WriteError> {
    let temp = temp_path(target);
    let fail = |step| {
        move |source| WriteError {
            target: target.to_path_buf(),
            step,
            source,
        }
    };
    let mut file = create_new(fs, &temp, sharing).map_err(fail(WriteStep::CreateTemp))?;
    let placed = file
        .write_all(bytes)
        .map_err(fail(WriteStep::Write))
        // A failed fsync is never retried: the file is dropped, and the
        // next save starts over with a new one.
        .and_then(|()| file.sync_all().map_err(fail(WriteStep::Sync)))
        .and_then(|()| place(&temp).map_err(|(step, e)| fail(step)(e)));
    // Unless it was renamed away, the temp file goes.
    if !matches!(placed, Ok(false)) {
        let _ = fs.remove_file(&temp);
    }
    placed?;
    let dir = target.parent().unwrap_or(Path::new("."));
    fs.sync_dir(dir).map_err(fail(WriteStep::SyncDir))
}

/// Whether a file can be created in `dir` now: creates a private temp file
/// there and removes it. Says why not (a read-only or full file system, a
/// folder without write permission) with the probe's path.
pub fn probe_writable(dir: &Path) -> Result<(), (PathBuf, io::Error)> {
    let probe = temp_path(&dir.join("probe"));
    match OsFs.create_new(&probe) {
        Ok(file) => {
            drop(file);
            let _ = fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => Err((probe, e)),
    }
}

/// Whether a hard link failed because the file system has none.
pub(crate) fn links_unsupported(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        matches!(
            e.raw_os_error(),
            Some(libc::EPERM | libc::EOPNOTSUPP | libc::ENOSYS | libc::EMLINK)
        )
    }
    #[cfg(not(unix))]
    {
        e.kind() == io::ErrorKind::Unsupported
    }
}

fn create_new(
    fs: &dyn FileSystem,
    path: &Path,
    sharing: Sharing,
) -> io::Result<Box<dyn super::fs::NewFile>> {
    match sharing {
        Sharing::Private => fs.create_new(path),
        Sharing::Shared => fs.create_new_shared(path),
    }
}

/// The O_EXCL fallback of [`create_atomically`].
fn create_in_place(
    fs: &dyn FileSystem,
    target: &Path,
    bytes: &[u8],
    sharing: Sharing,
) -> Result<(), (WriteStep, io::Error)> {
    let mut file = create_new(fs, target, sharing).map_err(|e| (WriteStep::Claim, e))?;
    let written = file
        .write_all(bytes)
        .map_err(|e| (WriteStep::Write, e))
        .and_then(|()| file.sync_all().map_err(|e| (WriteStep::Sync, e)));
    if written.is_err() {
        let _ = fs.remove_file(target);
    }
    written
}

/// Removes temp files left by a save that was cut short (a crash or a kill):
/// those of processes that no longer run, or older than an hour.
pub fn clean_stale_temp_files(dir: &Path) {
    clean_stale_temp_files_of(dir, &[]);
}

/// Like [`clean_stale_temp_files`], limited to the temp files of the files
/// named `targets` when it is not empty (in a folder that is not zongjie's,
/// only its own leftovers are touched).
pub(crate) fn clean_stale_temp_files_of(dir: &Path, targets: &[&Path]) {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefixes: Vec<String> = targets
        .iter()
        .filter_map(|t| t.file_name())
        .map(|n| format!(".{}{TEMP_MARK}", n.to_string_lossy()))
        .collect();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_temp_name(&name) {
            continue;
        }
        if !targets.is_empty() && !prefixes.iter().any(|p| name.starts_with(p.as_str())) {
            continue;
        }
        let Some((_, tail)) = name.rsplit_once(TEMP_MARK) else {
            continue;
        };
        let pid = tail.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let alive = pid.is_some_and(process_alive);
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())
            .is_some_and(|age| age > Duration::from_secs(3600));
        if !alive || old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a file name is one of [`temp_path`]'s.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with('.') && name.contains(TEMP_MARK)
}

/// Whether a process with this id runs (on this machine).
pub(crate) fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        if pid <= 0 {
            return false;
        }
        // Signal 0 checks for existence; EPERM means it exists but is not ours.
        // SAFETY: kill with signal 0 sends nothing and touches no memory.
        let found = unsafe { libc::kill(pid, 0) } == 0;
        found || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        // Without a way to tell, rely on the age check.
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_privately() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.toml");
        atomic_write(&target, b"one").unwrap();
        atomic_write(&target, b"two").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&target).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
    }

    #[test]
    fn a_new_file_claims_its_name_once_with_or_without_hard_links() {
        use crate::storage::{FaultyFs, FsOp};
        let dir = tempfile::tempdir().unwrap();
        let faults = FaultyFs::new();
        for (n, no_links) in [(0, false), (1, true)] {
            let target = dir.path().join(format!("{n}.toml"));
            if no_links {
                // A FAT stick: no hard links; the fallback claims by O_EXCL.
                faults.fail(FsOp::Link, 0, libc::EPERM);
            }
            create_atomically(&faults, &target, b"first").unwrap();
            let again = create_atomically(&faults, &target, b"second").unwrap_err();
            assert!(again.name_taken(), "{again}");
            assert_eq!(fs::read(&target).unwrap(), b"first");
        }
        assert_eq!(faults.fired(), 1);
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 2, "no temp file left");
    }

    #[test]
    fn stale_temp_files_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let dead = dir.path().join(".a.toml.tmp-4000000000-0");
        let mine = dir
            .path()
            .join(format!(".a.toml.tmp-{}-9", std::process::id()));
        let draft = dir.path().join("a.toml");
        for p in [&dead, &mine, &draft] {
            fs::write(p, "x").unwrap();
        }
        clean_stale_temp_files(dir.path());
        assert!(!dead.exists());
        assert!(mine.exists());
        assert!(draft.exists());
    }

    #[test]
    fn outside_the_data_dir_only_our_own_leftovers_go() {
        let dir = tempfile::tempdir().unwrap();
        let ours = dir.path().join(".a.toml.tmp-4000000000-0");
        let theirs = dir.path().join(".notes.txt.tmp-4000000000-0");
        for p in [&ours, &theirs] {
            fs::write(p, "x").unwrap();
        }
        clean_stale_temp_files_of(dir.path(), &[&dir.path().join("a.toml")]);
        assert!(!ours.exists());
        assert!(theirs.exists());
    }

    #[test]
    fn a_finished_process_is_not_alive() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!process_alive(pid));
        assert!(process_alive(std::process::id()));
        assert!(!process_alive(0));
    }
}
