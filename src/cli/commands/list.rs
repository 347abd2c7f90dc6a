//! `zongjie list` and `zongjie history`: the drafts, and the kept versions
//! of one, as lines or as JSON.

use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::{CommandError, pad, stdout_error};
use crate::check::json_string;
use crate::cli::{HistoryArgs, ListArgs};
use crate::i18n::{Lang, local_time};
use crate::storage::{DraftId, DraftSummary, StorageError, Store};

/// Version of the `list --json` and `history --json` objects; changes only
/// when a field changes meaning or goes away.
const LIST_JSON_VERSION: u32 = 1;

/// `zongjie list`
pub fn list(
    store: &Store,
    args: &ListArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    let drafts = store.list()?;
    for (path, reason) in store.unlisted() {
        let path = crate::sanitize::escape_name(&path.display().to_string()).into_owned();
        let reason = crate::i18n::localized(&reason, lang);
        let _ = writeln!(
            err,
            "zongjie: {}",
            match lang {
                Lang::Zh => format!(
                    "注意：{path} 未列出：{reason}；可按路径打开（zongjie open 路径），或给文件改个名"
                ),
                Lang::En => format!(
                    "warning: {path} is not listed: {reason}; open it by its path (zongjie open PATH) or rename the file"
                ),
            }
        );
    }
    if args.json {
        let entries: Vec<String> = drafts
            .iter()
            .map(|d| {
                let summary = summary_json(&d.summary);
                format!(
                    "{{\"id\":{},\"modified\":{},{summary}}}",
                    json_string(d.id.as_str()),
                    d.modified
                        .map_or("null".to_string(), |t| json_string(&rfc3339(t))),
                )
            })
            .collect();
        return write_json(out, "drafts", &entries);
    }
    if drafts.is_empty() {
        let _ = writeln!(err, "{}", lang.no_drafts_hint(&store.drafts_dir()));
        return Ok(());
    }
    let id_width = drafts
        .iter()
        .map(|d| d.id.as_str().width())
        .max()
        .unwrap_or(0);
    for d in &drafts {
        let modified = d.modified.map(local_time).unwrap_or_else(|| "-".into());
        let line = match &d.summary {
            Ok(s) => format!(
                "{}  {}  {:>7}  {}",
                pad(d.id.as_str(), id_width),
                modified,
                s.chars,
                crate::sanitize::escape_controls(&s.title)
            ),
            Err(reason) => format!(
                "{}  {}  {:>7}  [{}] {}",
                pad(d.id.as_str(), id_width),
                modified,
                "-",
                lang.damaged(),
                crate::sanitize::escape_controls(reason)
            ),
        };
        writeln!(out, "{line}").map_err(stdout_error)?;
    }
    Ok(())
}

/// The fields of a draft's summary, or `"damaged":true` and why, as JSON
/// members without the braces.
fn summary_json<E: std::fmt::Display>(summary: &Result<DraftSummary, E>) -> String {
    match summary {
        Ok(s) => format!(
            "\"title\":{},\"organization\":{},\"period\":{},\"characters\":{},\"damaged\":false,\"reason\":null",
            json_string(&s.title),
            json_string(&s.organization),
            json_string(&s.period),
            s.chars
        ),
        Err(reason) => format!(
            "\"title\":null,\"organization\":null,\"period\":null,\"characters\":null,\"damaged\":true,\"reason\":{}",
            json_string(&reason.to_string())
        ),
    }
}

/// `{"version":1,"<key>":[...]}` and a line end.
fn write_json(out: &mut dyn Write, key: &str, entries: &[String]) -> Result<(), CommandError> {
    writeln!(
        out,
        "{{\"version\":{LIST_JSON_VERSION},\"{key}\":[{}]}}",
        entries.join(",")
    )
    .and_then(|()| out.flush())
    .map_err(stdout_error)
}

/// Local time with its offset, to the second: `2026-11-23T19:50:07+08:00`.
fn rfc3339(t: std::time::SystemTime) -> String {
    chrono::DateTime::<chrono::Local>::from(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// `zongjie history`: the kept versions of a draft, newest first, with
/// what `restore --to` takes.
pub fn history(
    store: &Store,
    args: &HistoryArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    let id = DraftId::parse(&args.draft).map_err(StorageError::from)?;
    let location = store.location(&id);
    let snapshots = store.snapshots(&id);
    if snapshots.is_empty() && !location.path.exists() {
        return Err(StorageError::NotFound {
            id: id.to_string(),
            dir: store.drafts_dir(),
        }
        .into());
    }
    if args.json {
        let entries: Vec<String> = snapshots
            .iter()
            .map(|snapshot| {
                let summary = store
                    .snapshot_summary(snapshot)
                    .map_err(|e| crate::i18n::localized(&e, lang));
                format!(
                    "{{\"stamp\":{},\"time\":{},{}}}",
                    json_string(&snapshot.stamp),
                    json_string(&snapshot.time()),
                    summary_json(&summary)
                )
            })
            .collect();
        return write_json(out, "versions", &entries);
    }
    if snapshots.is_empty() {
        let _ = writeln!(
            err,
            "{}",
            lang.pick(
                "还没有早先的版本：保存时每十分钟留一个版本",
                "No earlier versions yet: saving keeps one every ten minutes"
            )
        );
        return Ok(());
    }
    for snapshot in &snapshots {
        let line = match store.snapshot_summary(snapshot) {
            Ok(s) => format!(
                "{}  {}  {:>7}  {}",
                snapshot.stamp,
                snapshot.time(),
                s.chars,
                crate::sanitize::escape_controls(&s.title)
            ),
            Err(e) => format!(
                "{}  {}  {:>7}  [{}] {}",
                snapshot.stamp,
                snapshot.time(),
                "-",
                lang.damaged(),
                crate::sanitize::escape_controls(&crate::i18n::localized(&e, lang))
            ),
        };
        writeln!(out, "{line}").map_err(stdout_error)?;
    }
    Ok(())
}
