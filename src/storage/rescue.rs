//! Rescue files: when a save failed and the editor must stop anyway (a stop
//! signal, a closed terminal, a panic), the unsaved text is written to a
//! rescue file, a complete draft named `<draft>.rescue-<time>-<pid>.toml`:
//! beside the draft if its folder takes it, else in the state directory's
//! `rescue/`, else in the temp directory's `zongjie-rescue-<uid>/`. One
//! line on stderr names it; `zongjie doctor` and the picker list rescue
//! files and restore them as new drafts. Only when no file at all can be
//! written is the text printed to stderr. Words are never lost silently.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::SystemTime;

use super::atomic::create_atomically;
use super::draft_file::write_draft;
use super::fs::OsFs;
use super::id::DraftId;
pub use super::location::is_rescue_name;
use super::location::{DraftLocation, RESCUE_MARK as MARK};
use super::store::{StorageError, Store, create_private_dir};
use crate::document::Document;
use crate::i18n::Lang;

/// A rescue file found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RescueFile {
    pub path: PathBuf,
    /// The draft it holds text of: its id or file stem.
    pub draft: String,
    pub modified: Option<SystemTime>,
}

/// Where a rescue was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rescued {
    File(PathBuf),
    /// No file could be written: the text went to stderr.
    Printed,
}

/// The state directory's rescue folder (`$XDG_STATE_HOME/zongjie/rescue`),
/// or the cache directory's where the platform has no state directory.
fn state_dir() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "zongjie")?;
    let base = dirs.state_dir().unwrap_or(dirs.cache_dir());
    Some(base.join("rescue"))
}

/// The temp directory's rescue folder, private to this user.
fn temp_dir() -> PathBuf {
    #[cfg(unix)]
    let user = {
        // SAFETY: getuid has no preconditions and cannot fail.
        unsafe { libc::getuid() }
    };
    #[cfg(not(unix))]
    let user = "user";
    std::env::temp_dir().join(format!("zongjie-rescue-{user}"))
}

/// Whether `dir` is a real folder (not a link) that only this user can use:
/// a shared temp directory may hold one planted by someone else.
fn private_folder(dir: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(dir) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        // SAFETY: getuid has no preconditions and cannot fail.
        let me = unsafe { libc::getuid() };
        meta.is_dir() && meta.uid() == me && meta.permissions().mode() & 0o077 == 0
    }
    #[cfg(not(unix))]
    {
        meta.is_dir()
    }
}

impl Store {
    /// Every folder a rescue file of this data directory may be in, in the
    /// order they are tried.
    pub fn rescue_dirs(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.drafts_dir()];
        dirs.extend(state_dir());
        dirs.push(temp_dir());
        dirs
    }

    /// Writes `doc`, which could not be saved at `location`, to a new
    /// rescue file (see the module's documentation); says where on `err`
    /// in one line, or prints the whole draft there when nothing could be
    /// written.
    pub fn rescue(
        &self,
        location: &DraftLocation,
        doc: &Document,
        lang: Lang,
        err: &mut dyn Write,
    ) -> Rescued {
        let text = write_draft(doc);
        let name = rescue_name(location);
        let beside = location.path.parent().map(Path::to_path_buf);
        let mut tried = Vec::new();
        for (n, dir) in beside
            .into_iter()
            .chain(state_dir())
            .chain([temp_dir()])
            .enumerate()
        {
            // Beside the draft it is the draft's own folder; the others
            // are made for rescue files, private to the user.
            let usable = n == 0 || create_private_dir(&dir).is_ok() && private_folder(&dir);
            if !usable || self.refuse_link(&dir).is_err() {
                continue;
            }
            let path = dir.join(&name);
            match create_atomically(&OsFs, &path, text.as_bytes()) {
                Ok(()) => {
                    let _ = writeln!(err, "zongjie: {}", rescued_line(lang, location, &path));
                    return Rescued::File(path);
                }
                Err(e) => tried.push(e.to_string()),
            }
        }
        let _ = writeln!(
            err,
            "zongjie: {} ({})",
            lang.pick(
                "草稿未能保存，也无法写入任何抢救文件；以下是未保存的全文，请复制保存",
                "the draft could not be saved and no rescue file could be written; \
                 here is the unsaved text in full: copy it somewhere safe"
            ),
            crate::sanitize::escape_controls(&tried.join("; "))
        );
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
        Rescued::Printed
    }

    /// The rescue files of this data directory's drafts (and any in the
    /// state and temp folders), newest first.
    pub fn rescue_files(&self) -> Vec<RescueFile> {
        let mut found = Vec::new();
        for dir in self.rescue_dirs() {
            let Ok(entries) = fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !is_rescue_name(&name) || !entry.file_type().is_ok_and(|t| t.is_file()) {
                    continue;
                }
                let draft = name.split(MARK).next().unwrap_or_default().to_string();
                found.push(RescueFile {
                    path: entry.path(),
                    draft,
                    modified: entry.metadata().and_then(|m| m.modified()).ok(),
                });
            }
        }
        found.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
        found
    }

    /// Makes a rescue file a new draft (the draft it came from is left as
    /// it is: it may have been saved since) and removes the rescue file.
    /// Returns the new draft's id. A damaged rescue file is refused and kept.
    pub fn restore_rescue(&self, path: &Path) -> Result<DraftId, StorageError> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_rescue_name(&name) {
            return Err(StorageError::NoFile(path.to_path_buf()));
        }
        let doc = self.load_path(path)?;
        let id = self.create(None, &doc)?;
        fs::remove_file(path).map_err(StorageError::io(path))?;
        Ok(id)
    }
}

/// `<draft>.rescue-<YYYYMMDD-HHMMSS>-<pid>.toml`.
fn rescue_name(location: &DraftLocation) -> String {
    let stem = match &location.id {
        Some(id) => id.as_str().to_string(),
        None => location
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "draft".into()),
    };
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    format!("{stem}{MARK}{stamp}-{}.toml", std::process::id())
}

fn rescued_line(lang: Lang, location: &DraftLocation, path: &Path) -> String {
    let name = crate::sanitize::escape_name(&location.name()).into_owned();
    let path = crate::sanitize::escape_name(&path.display().to_string()).into_owned();
    match lang {
        Lang::Zh => format!(
            "草稿 {name} 未能保存；未保存的文字已存入抢救文件 {path}（恢复：zongjie restore --rescue {path}）"
        ),
        Lang::En => format!(
            "draft {name} could not be saved; the unsaved text is in the rescue file {path} \
             (restore it: zongjie restore --rescue {path})"
        ),
    }
}

/// What a running editor could not save, kept for a panic: the panic's
/// unwinding writes it to a rescue file ([`ExitGuard`]).
struct Pending {
    store: Store,
    location: DraftLocation,
    doc: Document,
    lang: Lang,
}

static PENDING: Mutex<Option<Pending>> = Mutex::new(None);
static NOTES: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// Notes the text a save just failed to write (or, with `None`, that the
/// last save worked), so that a panic does not lose it.
pub fn remember_unsaved(store: &Store, pending: Option<(&DraftLocation, &Document)>, lang: Lang) {
    let mut slot = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
    *slot = pending.map(|(location, doc)| Pending {
        store: store.clone(),
        location: location.clone(),
        doc: doc.clone(),
        lang,
    });
}

/// Writes a rescue file for text that must outlive the editor, with its
/// line held back until the terminal is restored ([`ExitGuard`]).
pub fn rescue_at_exit(store: &Store, location: &DraftLocation, doc: &Document, lang: Lang) {
    let mut notes = Vec::new();
    store.rescue(location, doc, lang, &mut notes);
    NOTES
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .extend(notes);
    remember_unsaved(store, None, lang);
}

/// Held by the editor's event loop, made before the terminal is taken and
/// so dropped after it is given back: on a panic it rescues what a failed
/// save could not write; then it prints the rescue lines to stderr.
#[derive(Debug)]
pub struct ExitGuard(());

impl ExitGuard {
    pub fn new() -> ExitGuard {
        ExitGuard(())
    }
}

impl Default for ExitGuard {
    fn default() -> ExitGuard {
        ExitGuard::new()
    }
}

impl Drop for ExitGuard {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let pending = PENDING
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            if let Some(p) = pending {
                rescue_at_exit(&p.store, &p.location, &p.doc, p.lang);
            }
        }
        let notes = std::mem::take(&mut *NOTES.lock().unwrap_or_else(PoisonError::into_inner));
        let _ = io::stderr().write_all(&notes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str) -> Document {
        Document {
            title: title.into(),
            ..Document::default()
        }
    }

    #[test]
    fn a_rescue_goes_beside_the_draft_and_comes_back_as_a_new_draft() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let id = store
            .create(Some(DraftId::parse("d").unwrap()), &doc("旧"))
            .unwrap();
        let location = store.location(&id);
        let mut err = Vec::new();
        let Rescued::File(path) = store.rescue(&location, &doc("新的文字"), Lang::En, &mut err)
        else {
            panic!("not written")
        };
        assert_eq!(path.parent(), Some(store.drafts_dir().as_path()));
        let line = String::from_utf8(err).unwrap();
        assert_eq!(line.lines().count(), 1);
        assert!(line.contains(&path.display().to_string()), "{line}");
        // Not a draft of the listing, but a rescue file.
        assert_eq!(store.list().unwrap().len(), 1);
        let found = store.rescue_files();
        assert!(found.iter().any(|r| r.path == path && r.draft == "d"));

        let new = store.restore_rescue(&path).unwrap();
        assert_ne!(new, id);
        assert_eq!(store.load(&store.location(&new)).unwrap(), doc("新的文字"));
        assert_eq!(store.load(&location).unwrap(), doc("旧"), "untouched");
        assert!(!path.exists());
        assert!(
            store.restore_rescue(&location.path).is_err(),
            "not a rescue"
        );
    }

    #[test]
    fn a_panic_after_a_failed_save_leaves_a_rescue_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let id = store
            .create(Some(DraftId::parse("p").unwrap()), &doc("旧"))
            .unwrap();
        let location = store.location(&id);
        let (s, l) = (store.clone(), location.clone());
        let panicked = std::thread::spawn(move || {
            let _guard = ExitGuard::new();
            remember_unsaved(&s, Some((&l, &doc("未保存"))), Lang::Zh);
            panic!("a bug in the editor");
        })
        .join();
        assert!(panicked.is_err());
        let mine = |store: &Store| -> Vec<RescueFile> {
            store
                .rescue_files()
                .into_iter()
                .filter(|r| r.draft == "p" && r.path.starts_with(dir.path()))
                .collect()
        };
        let rescued = mine(&store);
        assert_eq!(rescued.len(), 1, "{rescued:?}");
        assert_eq!(store.load_path(&rescued[0].path).unwrap(), doc("未保存"));
        // Without a panic, a guard rescues nothing.
        remember_unsaved(&store, Some((&location, &doc("又一次"))), Lang::Zh);
        drop(ExitGuard::new());
        remember_unsaved(&store, None, Lang::Zh);
        assert_eq!(mine(&store).len(), 1);
    }
}
