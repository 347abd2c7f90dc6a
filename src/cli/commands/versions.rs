//! `zongjie restore` and `zongjie diff`: putting back an earlier version of
//! a draft, and showing what changed since one.

use std::io::Write;
use std::path::Path;

use super::{CommandError, stdout_error};
use crate::cli::{DiffArgs, RestoreArgs};
use crate::i18n::Lang;
use crate::storage::{DraftId, DraftLock, StorageError, Store};

/// `zongjie restore`: the backup becomes the draft and the draft the backup.
/// Refused while the draft is open in a running zongjie.
pub fn restore(
    store: &Store,
    args: &RestoreArgs,
    lang: Lang,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    if args.rescue {
        let id = store.restore_rescue(Path::new(&args.draft))?;
        let _ = writeln!(
            err,
            "{}",
            match lang {
                Lang::Zh => format!("已把抢救文件恢复为新草稿 {id}（原草稿未改动）"),
                Lang::En => format!(
                    "the rescue file is now the new draft {id} (the draft it came from is unchanged)"
                ),
            }
        );
        return Ok(());
    }
    let location = match DraftId::parse(&args.draft) {
        // A draft whose file is gone can still come back from its backup.
        Ok(id) if !args.draft.ends_with(".toml") => {
            let location = store.location(&id);
            if !location.path.exists() && !location.backup.exists() {
                return Err(StorageError::NotFound {
                    id: id.to_string(),
                    dir: store.drafts_dir(),
                }
                .into());
            }
            store.prepare()?;
            location
        }
        _ => store.resolve(&args.draft)?,
    };
    let _lock = DraftLock::acquire(&location)?;
    let name = crate::sanitize::escape_controls(&location.name()).into_owned();
    let message = match &args.to {
        Some(version) => {
            store.restore_snapshot(&location, version)?;
            match lang {
                Lang::Zh => format!(
                    "{name}：已恢复 {version} 的版本，被替换的版本成了备份（运行 `zongjie restore {name}` 可撤销）"
                ),
                Lang::En => format!(
                    "{name}: restored the version of {version}; the replaced one is now the backup \
                     (run `zongjie restore {name}` to undo)"
                ),
            }
        }
        None => {
            store.restore(&location)?;
            match lang {
                Lang::Zh => format!(
                    "{name}：已恢复上一个版本，被替换的版本成了备份（再运行 `zongjie restore {name}` 可撤销）"
                ),
                Lang::En => format!(
                    "{name}: restored the previous version; the replaced one is now the backup \
                     (run `zongjie restore {name}` again to undo)"
                ),
            }
        }
    };
    let _ = writeln!(err, "{message}");
    Ok(())
}

/// `zongjie diff`: the draft against an earlier version (`--to`, default
/// the newest kept one) or another draft (`--with`). Returns whether they differ.
pub fn diff(
    store: &Store,
    args: &DiffArgs,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<bool, CommandError> {
    let location = store.resolve(&args.draft)?;
    let doc = store.load(&location)?;
    let name = location.name();
    let (older, older_name) = match &args.with {
        Some(other) => {
            let other = store.resolve(other)?;
            (store.load(&other)?, other.name())
        }
        None => {
            let snapshots = location
                .id
                .as_ref()
                .map(|id| store.snapshots(id))
                .unwrap_or_default();
            let snapshot = match &args.to {
                Some(stamp) => snapshots
                    .into_iter()
                    .find(|s| &s.stamp == stamp)
                    .ok_or_else(|| StorageError::NoSnapshot {
                        draft: location.path.clone(),
                        stamp: stamp.to_string(),
                    })?,
                None => snapshots
                    .into_iter()
                    .next()
                    .ok_or_else(|| CommandError::NoEarlierVersion(name.clone()))?,
            };
            let older_name = format!("{name} @ {} ({})", snapshot.stamp, snapshot.time());
            (store.load_snapshot(&snapshot)?, older_name)
        }
    };
    let lines = crate::diff::diff_documents(&older, &doc);
    let changed = lines.iter().any(|l| l.is_change());
    let current = lang.pick("当前版本", "current");
    let text = crate::diff::render_diff(&lines, &older_name, &format!("{name} ({current})"), lang);
    for line in text.lines() {
        writeln!(out, "{}", crate::sanitize::escape_controls(line)).map_err(stdout_error)?;
    }
    Ok(changed)
}
