//! The file-system calls that storage makes, behind a small trait: the real
//! one ([`OsFs`]) and one that fails on purpose ([`FaultyFs`]), so tests can
//! make any step of a save fail with a full disk, an I/O error, a refused
//! permission or a read-only file system, and check that no draft is lost.

use std::collections::HashMap;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// A draft larger than this is refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// What storage needs from the file system. Paths are never followed when
/// they are symbolic links: a link planted in the data directory cannot make
/// zongjie read or overwrite another file.
pub trait FileSystem: fmt::Debug + Send + Sync {
    /// Creates a new file readable only by the user (0600), failing if
    /// anything (a file, a link) is already at `path`.
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn NewFile>>;
    /// Like [`FileSystem::create_new`], for a file made to be shared (an
    /// export, a manual page): 0644 less the umask, as other programs make
    /// files. Drafts stay private.
    fn create_new_shared(&self, path: &Path) -> io::Result<Box<dyn NewFile>> {
        self.create_new(path)
    }
    /// Renames `from` over `to` atomically; a link at `to` is replaced, not followed.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Makes the renames in `dir` durable.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// Reads a whole regular file of at most [`MAX_FILE_BYTES`].
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    fn remove_file(&self, path: &Path) -> io::Result<()>;
    /// Metadata of `path` itself (a link is not followed).
    fn metadata(&self, path: &Path) -> io::Result<fs::Metadata>;
    /// Creates a directory and its parents, private to the user (0700).
    fn create_dir_all(&self, dir: &Path) -> io::Result<()>;
    /// Makes `to` a second name of the file `from`, failing if anything (a
    /// file, a link) is already at `to`: the atomic way to claim a name.
    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::hard_link(from, to)
    }
}

/// A file being written. `sync_all` takes the file: after an fsync failed,
/// the kernel may have dropped the dirty pages and cleared the error, so a
/// second fsync on the same descriptor could succeed without the data being
/// on disk. The only safe course is to drop the file and start again.
pub trait NewFile: Send {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Flushes the file to the disk and closes it.
    fn sync_all(self: Box<Self>) -> io::Result<()>;
}

/// The real file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct OsFs;

impl NewFile for File {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        Write::write_all(self, bytes)
    }

    fn sync_all(self: Box<Self>) -> io::Result<()> {
        File::sync_all(&self)
    }
}

impl FileSystem for OsFs {
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn NewFile>> {
        create_new_with_mode(path, 0o600)
    }

    fn create_new_shared(&self, path: &Path) -> io::Result<Box<dyn NewFile>> {
        // The kernel takes the umask off.
        create_new_with_mode(path, 0o644)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        #[cfg(unix)]
        {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            File::open(dir)?.sync_all()
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            Ok(())
        }
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let mut options = OpenOptions::new();
        options.read(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // No link at the last component; a FIFO must not block the listing.
            options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let mut file = options.open(path).map_err(explain_link)?;
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a regular file",
            ));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "too large for a draft ({} bytes; at most {MAX_FILE_BYTES})",
                    meta.len()
                ),
            ));
        }
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        Read::by_ref(&mut file)
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }

    fn metadata(&self, path: &Path) -> io::Result<fs::Metadata> {
        fs::symlink_metadata(path)
    }

    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
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
}

/// A new file with this mode (before the umask); O_CREAT|O_EXCL, which
/// never follows a link.
fn create_new_with_mode(path: &Path, mode: u32) -> io::Result<Box<dyn NewFile>> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    Ok(Box::new(options.open(path)?))
}

/// `open(O_NOFOLLOW)` on a link fails with ELOOP, whose text ("too many
/// levels of symbolic links") would puzzle a writer.
fn explain_link(e: io::Error) -> io::Error {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return io::Error::new(
            io::ErrorKind::InvalidInput,
            "is a symbolic link, which zongjie does not follow",
        );
    }
    e
}

/// One kind of call on the file system, for counting and failing them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FsOp {
    Create,
    Write,
    Sync,
    Rename,
    SyncDir,
    Read,
    Remove,
    Metadata,
    CreateDir,
    Link,
}

/// The real file system with failures on demand: arm it with
/// [`FaultyFs::fail`] and the chosen call fails with the chosen OS error. A
/// failing write first writes half of its bytes, as a full disk does.
/// Clones share their state: keep one to arm, give one to the store.
#[derive(Debug, Clone, Default)]
pub struct FaultyFs {
    state: Arc<Mutex<FaultState>>,
}

#[derive(Debug, Default)]
struct FaultState {
    /// The call to fail: which op, after how many calls of it since armed, with what errno.
    armed: Option<(FsOp, usize, i32)>,
    counts: HashMap<FsOp, usize>,
    calls: Vec<(FsOp, PathBuf)>,
    fired: usize,
}

impl FaultyFs {
    pub fn new() -> FaultyFs {
        FaultyFs::default()
    }

    /// Makes the `nth` (0-based) call of `op` from now on fail with `errno`.
    pub fn fail(&self, op: FsOp, nth: usize, errno: i32) {
        let mut state = self.state();
        state.armed = Some((op, nth, errno));
        state.counts.clear();
    }

    /// Removes the fault: every call succeeds again.
    pub fn heal(&self) {
        self.state().armed = None;
    }

    /// How many faults have fired so far.
    pub fn fired(&self) -> usize {
        self.state().fired
    }

    /// Every call made, in order, and forgets them.
    pub fn take_calls(&self) -> Vec<(FsOp, PathBuf)> {
        std::mem::take(&mut self.state().calls)
    }

    /// A new file whose writes and syncs can be made to fail too.
    fn watched(&self, path: &Path, file: Box<dyn NewFile>) -> io::Result<Box<dyn NewFile>> {
        Ok(Box::new(FaultyFile {
            owner: self.clone(),
            path: path.to_path_buf(),
            file,
        }))
    }

    fn state(&self) -> MutexGuard<'_, FaultState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records a call and says whether it must fail.
    fn check(&self, op: FsOp, path: &Path) -> io::Result<()> {
        let mut state = self.state();
        state.calls.push((op, path.to_path_buf()));
        let count = state.counts.entry(op).or_insert(0);
        let n = *count;
        *count += 1;
        match state.armed {
            Some((armed, nth, errno)) if armed == op && nth == n => {
                state.armed = None;
                state.fired += 1;
                Err(io::Error::from_raw_os_error(errno))
            }
            _ => Ok(()),
        }
    }
}

/// A file of [`FaultyFs`]: it checks each write and sync with its owner.
struct FaultyFile {
    owner: FaultyFs,
    path: PathBuf,
    file: Box<dyn NewFile>,
}

impl NewFile for FaultyFile {
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let Err(e) = self.owner.check(FsOp::Write, &self.path) {
            let _ = self.file.write_all(&bytes[..bytes.len() / 2]);
            return Err(e);
        }
        self.file.write_all(bytes)
    }

    fn sync_all(self: Box<Self>) -> io::Result<()> {
        self.owner.check(FsOp::Sync, &self.path)?;
        self.file.sync_all()
    }
}

impl FileSystem for FaultyFs {
    fn create_new(&self, path: &Path) -> io::Result<Box<dyn NewFile>> {
        self.check(FsOp::Create, path)?;
        self.watched(path, OsFs.create_new(path)?)
    }

    fn create_new_shared(&self, path: &Path) -> io::Result<Box<dyn NewFile>> {
        self.check(FsOp::Create, path)?;
        self.watched(path, OsFs.create_new_shared(path)?)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check(FsOp::Rename, to)?;
        OsFs.rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.check(FsOp::SyncDir, dir)?;
        OsFs.sync_dir(dir)
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.check(FsOp::Read, path)?;
        OsFs.read(path)
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        self.check(FsOp::Remove, path)?;
        OsFs.remove_file(path)
    }

    fn metadata(&self, path: &Path) -> io::Result<fs::Metadata> {
        self.check(FsOp::Metadata, path)?;
        OsFs.metadata(path)
    }

    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        self.check(FsOp::CreateDir, dir)?;
        OsFs.create_dir_all(dir)
    }

    fn hard_link(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check(FsOp::Link, to)?;
        OsFs.hard_link(from, to)
    }
}
