//! One writer per draft: a lock file beside the draft (`.<name>.lock`)
//! holding the holder's process id. The lock itself is an advisory `flock`
//! on that file, which the kernel releases when the holder exits in any
//! way, so a lock left by a crashed or killed zongjie is simply taken over.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::location::DraftLocation;

/// Why a draft could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another running zongjie has the draft open.
    #[error("{} is open in another zongjie{}", draft.display(), held_by(*pid))]
    Held { pid: Option<u32>, draft: PathBuf },
    #[error("cannot lock {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

fn held_by(pid: Option<u32>) -> String {
    pid.map(|p| format!(" (process {p})")).unwrap_or_default()
}

/// A held lock on one draft; dropping it releases the lock and removes the file.
#[derive(Debug)]
pub struct DraftLock {
    path: PathBuf,
    /// Open for as long as the lock is held: closing it releases the flock.
    file: Option<File>,
}

impl DraftLock {
    /// Takes the lock of `location`'s draft, or says which process holds it.
    pub fn acquire(location: &DraftLocation) -> Result<DraftLock, LockError> {
        let path = location.lock_path();
        let io_error = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        // A holder releasing the lock removes the file; if that happens
        // between our open and our flock we hold a lock on a removed file,
        // so check and start again.
        for _ in 0..8 {
            let mut file = open_lock_file(&path).map_err(io_error)?;
            match try_lock(&file) {
                Ok(true) => {}
                Ok(false) => {
                    return Err(LockError::Held {
                        pid: read_pid(&mut file),
                        draft: location.path.clone(),
                    });
                }
                Err(e) => return Err(io_error(e)),
            }
            if !same_file(&file, &path) {
                continue;
            }
            file.set_len(0).map_err(io_error)?;
            file.rewind().map_err(io_error)?;
            writeln!(file, "{}", std::process::id()).map_err(io_error)?;
            return Ok(DraftLock {
                path,
                file: Some(file),
            });
        }
        Err(io_error(io::Error::new(
            io::ErrorKind::WouldBlock,
            "the lock file keeps changing",
        )))
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for DraftLock {
    fn drop(&mut self) {
        // Remove first, then close: whoever opened the file before it was
        // removed and locks it after we close sees it gone and starts again.
        let _ = fs::remove_file(&self.path);
        drop(self.file.take());
    }
}

/// Opens (creating, 0600) the lock file without following a link there.
fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ELOOP) {
            return io::Error::new(
                io::ErrorKind::InvalidInput,
                "is a symbolic link, which zongjie does not follow",
            );
        }
        e
    })
}

/// `flock(LOCK_EX | LOCK_NB)`: Ok(false) when another open file holds it.
#[cfg(unix)]
fn try_lock(file: &File) -> io::Result<bool> {
    use std::os::unix::io::AsRawFd;
    // SAFETY: flock on a descriptor we own; no memory is passed.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
        Ok(false)
    } else {
        Err(e)
    }
}

#[cfg(not(unix))]
fn try_lock(_file: &File) -> io::Result<bool> {
    Ok(true)
}

/// Whether `file` is still the file at `path`.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, _path: &Path) -> bool {
    true
}

/// The holder's pid. It writes it right after locking, so an empty file
/// is read again a few times before giving up.
fn read_pid(file: &mut File) -> Option<u32> {
    for _ in 0..5 {
        let mut text = String::new();
        if file.rewind().is_ok()
            && file.read_to_string(&mut text).is_ok()
            && let Ok(pid) = text.trim().parse()
        {
            return Some(pid);
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn location(dir: &Path) -> DraftLocation {
        DraftLocation {
            id: None,
            path: dir.join("a.toml"),
            backup: dir.join(".a.toml.bak"),
        }
    }

    #[test]
    fn second_holder_is_refused_until_the_first_drops() {
        let dir = tempfile::tempdir().unwrap();
        let location = location(dir.path());
        let first = DraftLock::acquire(&location).unwrap();
        assert_eq!(
            fs::read_to_string(first.path()).unwrap().trim(),
            std::process::id().to_string()
        );
        match DraftLock::acquire(&location) {
            Err(LockError::Held { pid, .. }) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("{other:?}"),
        }
        drop(first);
        assert!(!location.lock_path().exists(), "released lock file removed");
        let again = DraftLock::acquire(&location).unwrap();
        drop(again);
    }

    #[test]
    fn stale_lock_of_a_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let location = location(dir.path());
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        fs::write(location.lock_path(), format!("{dead}\n")).unwrap();
        let lock = DraftLock::acquire(&location).unwrap();
        assert_eq!(
            fs::read_to_string(lock.path()).unwrap().trim(),
            std::process::id().to_string()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_lock_path_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let location = location(dir.path());
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep me").unwrap();
        std::os::unix::fs::symlink(&victim, location.lock_path()).unwrap();
        let err = DraftLock::acquire(&location).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    }
}
