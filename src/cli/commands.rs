//! What each subcommand does, on top of the library. Output goes to the
//! writers passed in, so tests and the binary share one path.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthStr;

use crate::check::json_string;
use crate::check::{CheckOptions, Finding};
use crate::cli::{
    CheckArgs, DiffArgs, ExportArgs, HistoryArgs, ImportArgs, ListArgs, NewArgs, RestoreArgs,
};
use crate::document::Document;
use crate::document::{NextDraftError, Period, next_period_draft};
use crate::docx::{DocxError, ExportFormat};
use crate::i18n::Lang;
use crate::plain_text::{ImportError, MAX_IMPORT_BYTES, import_bytes};
use crate::settings::config::Config;
use crate::storage::{
    DraftId, DraftLock, DraftSummary, LockError, OsFs, StorageError, Store, create_atomically,
    write_atomically,
};
use crate::templates::{Library, TemplateError, save_user_template};

/// A command that could not do its work; printed as one line on stderr.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("{0} already exists; use --force to overwrite it")]
    OutputExists(PathBuf),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("no data directory: pass --data-dir DIR or set ZONGJIE_DATA_DIR")]
    NoDataDir,
    #[error("{path}: {source}")]
    Import { path: PathBuf, source: ImportError },
    #[error(
        "draft `{0}` already exists; use --force to replace it (its current version is kept as the backup)"
    )]
    DraftExists(DraftId),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(
        "{0} is one of zongjie's own files (drafts, backups, history, trash, locks); export somewhere else"
    )]
    ManagedFile(PathBuf),
    #[error("a draft id does not end in .toml (that names a file): use --id {0}")]
    IdWithExtension(String),
    #[error("{0} is an option of plain text; a .docx has the official-document layout")]
    TextOnlyOption(&'static str),
    #[error(
        "a .docx is not shown in a terminal: write it with -o FILE.docx, or redirect the output"
    )]
    DocxToTerminal,
    #[error(transparent)]
    Docx(#[from] DocxError),
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error(transparent)]
    NextDraft(#[from] NextDraftError),
    #[error(
        "cannot read the period `{0}` (e.g. 2021年上半年, 2021年度, 2021年第一季度, 2021年1—6月)"
    )]
    BadPeriod(String),
    #[error(
        "{0} has no earlier versions yet: saving keeps one every ten minutes (see `zongjie history`)"
    )]
    NoEarlierVersion(String),
}

/// The `--id` of `new` and `import`, checked. An id ending in `.toml`
/// would make `x.toml.toml`, and `x.toml` names a file to every other
/// command, so it is refused.
fn optional_id(id: Option<&str>) -> Result<Option<DraftId>, CommandError> {
    if let Some(id) = id
        && let Some(stem) = id.strip_suffix(".toml")
    {
        return Err(CommandError::IdWithExtension(stem.to_string()));
    }
    Ok(id
        .map(DraftId::parse)
        .transpose()
        .map_err(StorageError::from)?)
}

/// `zongjie new`: a draft from a template, from a draft used as one, or
/// the next period's from an earlier draft; kept as a user template instead
/// with `--save-as-template`. `templates_dir` is `<config dir>/templates`.
pub fn new_draft(
    store: &Store,
    templates_dir: Option<&Path>,
    args: &NewArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    let id = optional_id(args.id.as_deref())?;
    let doc = match &args.from {
        Some(from) => {
            let period = args
                .period
                .as_deref()
                .map(|p| Period::parse(p).ok_or_else(|| CommandError::BadPeriod(p.to_string())))
                .transpose()?;
            let location = store.resolve(from)?;
            let earlier = store.load(&location)?;
            let link = location
                .id
                .as_ref()
                .map_or_else(|| location.path.display().to_string(), |id| id.to_string());
            let mut doc = next_period_draft(&earlier, &link, period)?;
            if let Some(title) = args
                .title
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty())
            {
                doc.title = title.to_string();
            }
            doc
        }
        None => {
            let name = args.template.as_deref().unwrap_or("party-branch");
            let library = Library::load(templates_dir);
            for warning in library.warnings() {
                let line = crate::sanitize::escape_controls(&warning).into_owned();
                let _ = writeln!(err, "zongjie: {}{line}", lang.pick("注意：", "warning: "));
            }
            match library.find(name) {
                Ok(template) => template.document(args.title.as_deref()),
                // A draft of one's own, named like `open` names it, is a template too.
                Err(TemplateError::Unknown(_)) if store.resolve(name).is_ok() => {
                    let location = store.resolve(name)?;
                    crate::templates::fill(store.load(&location)?, args.title.as_deref())
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    if let Some(name) = &args.save_as_template {
        let dir = templates_dir.ok_or(TemplateError::NoConfigDir)?;
        let mut template = doc;
        template.from = None;
        let path = save_user_template(dir, name, &template)?;
        writeln!(out, "{name}").map_err(stdout_error)?;
        let _ = writeln!(err, "{}", path.display());
        return Ok(());
    }
    let id = store.create(id, &doc)?;
    writeln!(out, "{id}").map_err(stdout_error)?;
    Ok(())
}

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
        let modified = d.modified.map(format_time).unwrap_or_else(|| "-".into());
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

fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

/// Local time as `2026-11-23 19:50`.
pub fn format_time(t: std::time::SystemTime) -> String {
    chrono::DateTime::<chrono::Local>::from(t)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// `zongjie export`
pub fn export(
    store: &Store,
    args: &ExportArgs,
    config: &Config,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    let format = export_format(args);
    if format == ExportFormat::Docx
        && let Some(flag) = text_only_flag(args)
    {
        return Err(CommandError::TextOnlyOption(flag));
    }
    let location = store.resolve(&args.draft)?;
    let doc = store.load(&location)?;
    // Exported all the same (a draft is often exported to be finished in
    // Word), but never without saying so — once the export is written.
    let left = placeholders_left(&doc);
    let warn_left = |err: &mut dyn Write| {
        if left > 0 {
            let _ = writeln!(err, "zongjie: {}", lang.placeholders_left(left));
        }
    };
    // Flags win over the defaults of config.toml.
    let options = args.options(&config.export);
    let bytes = format.render(&doc, &options, &config.docx_fonts)?;
    let target = match &args.output {
        Some(p) if p.as_os_str() == "-" => {
            out.write_all(&bytes)
                .and_then(|_| out.flush())
                .map_err(stdout_error)?;
            warn_left(err);
            return Ok(());
        }
        Some(p) => p.clone(),
        None => {
            let stem = location
                .id
                .as_ref()
                .map(|id| id.to_string())
                .unwrap_or_else(|| {
                    location
                        .path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default()
                });
            config
                .export_dir
                .clone()
                .unwrap_or_default()
                .join(format!("{stem}.{}", format.extension()))
        }
    };
    // Not even --force writes over a draft, its backups or its history.
    if store.is_managed(&target, Some(&location)) {
        return Err(CommandError::ManagedFile(target));
    }
    write_output(&target, &bytes, args.force)?;
    warn_left(err);
    let _ = writeln!(err, "{}", target.display());
    Ok(())
}

/// `--format`, else `docx` for an output named `*.docx`, else `txt`.
pub fn export_format(args: &ExportArgs) -> ExportFormat {
    args.format
        .or_else(|| args.output.as_deref().and_then(ExportFormat::from_path))
        .unwrap_or_default()
}

/// The first option given that only plain text has.
fn text_only_flag(args: &ExportArgs) -> Option<&'static str> {
    [
        (args.encoding.is_some(), "--encoding"),
        (args.crlf, "--crlf"),
        (args.indent, "--indent"),
        (args.blank_lines, "--blank-lines"),
        (args.width.is_some(), "--width"),
    ]
    .into_iter()
    .find_map(|(given, flag)| given.then_some(flag))
}

/// How many placeholders (XX, X月X日, 某某, ＿＿…) and template hints
/// （写…） are left in the exported fields of a draft.
pub fn placeholders_left(doc: &Document) -> usize {
    doc.fields()
        .filter(|f| f.is_exported())
        .map(|f| crate::check::count_placeholders(doc.text(f).unwrap_or("")))
        .sum()
}

/// Writes an export file atomically, as drafts are saved: the reader of
/// `target` sees the old file or the new one, never half of it. An
/// existing file is replaced only with `force` (a link there is replaced,
/// not followed).
pub fn write_output(target: &Path, bytes: &[u8], force: bool) -> Result<(), CommandError> {
    let written = if force {
        write_atomically(&OsFs, target, bytes)
    } else {
        create_atomically(&OsFs, target, bytes)
    };
    written.map_err(|e| {
        if e.name_taken() {
            CommandError::OutputExists(target.to_path_buf())
        } else {
            CommandError::Io {
                path: target.to_path_buf(),
                source: e.source,
            }
        }
    })
}

/// `zongjie import`: reads the whole input first, so that nothing is stored
/// unless it can be imported; prints the id on `out` and the warnings on `err`.
pub fn import(
    store: &Store,
    args: &ImportArgs,
    lang: Lang,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    let id = optional_id(args.id.as_deref())?;
    if let Some(id) = &id
        && !args.force
        && store.location(id).path.exists()
    {
        return Err(CommandError::DraftExists(id.clone()));
    }
    let from_stdin = args.file.as_os_str() == "-";
    let path = if from_stdin {
        PathBuf::from("<stdin>")
    } else {
        args.file.clone()
    };
    let io_error = |source| CommandError::Io {
        path: path.clone(),
        source,
    };
    let bytes = if from_stdin {
        read_limited(stdin, None).map_err(io_error)?
    } else {
        let mut file = fs::File::open(&args.file).map_err(io_error)?;
        let size = file.metadata().ok().map(|m| m.len());
        read_limited(&mut file, size).map_err(io_error)?
    };
    let imported = bytes
        .map_err(|size| ImportError::TooLarge { size })
        .and_then(|bytes| import_bytes(&bytes))
        .map_err(|source| CommandError::Import {
            path: path.clone(),
            source,
        })?;
    let id = match id {
        Some(id) if args.force => {
            let location = store.location(&id);
            // Never replace a draft that is open in the editor.
            let _lock = if location.path.exists() {
                Some(DraftLock::acquire(&location)?)
            } else {
                None
            };
            store.save(&location, &imported.document)?;
            id
        }
        // The id is claimed atomically: another import may have taken it
        // since the check above.
        id => store.create(id, &imported.document).map_err(|e| match e {
            StorageError::Exists { id } => CommandError::DraftExists(id),
            other => other.into(),
        })?,
    };
    for warning in &imported.warnings {
        let line = crate::sanitize::escape_controls(&warning.describe(lang)).into_owned();
        let _ = writeln!(err, "zongjie: {}{line}", lang.pick("注意：", "warning: "));
    }
    writeln!(out, "{id}").map_err(stdout_error)?;
    Ok(())
}

/// Reads at most [`MAX_IMPORT_BYTES`]; a longer input is `Err(size)`, with
/// its size when known, and is not read to the end.
fn read_limited(
    input: &mut dyn Read,
    size: Option<u64>,
) -> io::Result<Result<Vec<u8>, Option<u64>>> {
    if size.is_some_and(|s| s > MAX_IMPORT_BYTES as u64) {
        return Ok(Err(size));
    }
    let mut bytes = Vec::with_capacity(size.map_or(0, |s| s as usize));
    input
        .take(MAX_IMPORT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() > MAX_IMPORT_BYTES {
        // A device or a growing file reports a size it does not keep to.
        return Ok(Err(size.filter(|&s| s > MAX_IMPORT_BYTES as u64)));
    }
    Ok(Ok(bytes))
}

/// `zongjie templates`: built-in and user templates, a warning line for
/// each user template that cannot be read.
pub fn templates(
    templates_dir: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    let library = Library::load(templates_dir);
    for warning in library.warnings() {
        let line = crate::sanitize::escape_controls(&warning).into_owned();
        let _ = writeln!(err, "zongjie: {}{line}", lang.pick("注意：", "warning: "));
    }
    let width = library
        .templates
        .iter()
        .map(|t| t.name.width())
        .max()
        .unwrap_or(0);
    for t in &library.templates {
        let description = match t.origin {
            crate::templates::Origin::BuiltIn => t.description(lang).to_string(),
            crate::templates::Origin::User(_) => format!(
                "{}{}",
                lang.pick("（自定义）", "(yours) "),
                t.description(lang)
            ),
        };
        let line = format!("{}  {description}", pad(&t.name, width));
        writeln!(out, "{}", crate::sanitize::escape_controls(&line)).map_err(stdout_error)?;
    }
    Ok(())
}

/// `zongjie check`: the findings on `out` (one line each, or JSON), a
/// count on `err`. Returns the number of findings.
pub fn check(
    store: &Store,
    config_dir: Option<&Path>,
    args: &CheckArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<usize, CommandError> {
    let location = store.resolve(&args.draft)?;
    let doc = store.load(&location)?;
    let mut warnings = Vec::new();
    let options = CheckOptions {
        target_chars: args.target.map(|t| t as usize),
        wording: user_wording(config_dir, &mut warnings),
        promises: earlier_promises(store, &doc, &mut warnings),
    };
    for warning in &warnings {
        let line = crate::sanitize::escape_controls(warning).into_owned();
        let _ = writeln!(err, "zongjie: {}{line}", lang.pick("注意：", "warning: "));
    }
    let findings = crate::check::check(&doc, &options);
    if args.json {
        let json = crate::check::to_json(&doc, &findings, lang);
        out.write_all(json.as_bytes()).map_err(stdout_error)?;
    } else {
        for f in &findings {
            writeln!(out, "{}", finding_line(&doc, f, lang)).map_err(stdout_error)?;
        }
        let fixable = findings.iter().filter(|f| f.is_fixable()).count();
        let summary = match (lang, findings.len()) {
            (Lang::Zh, 0) => "未发现问题".to_string(),
            (Lang::En, 0) => "No findings".to_string(),
            (Lang::Zh, n) => format!("共{n}处问题，其中{fixable}处可自动修正"),
            (Lang::En, 1) => format!("1 finding, {fixable} fixable"),
            (Lang::En, n) => format!("{n} findings, {fixable} fixable"),
        };
        let _ = writeln!(err, "{summary}");
    }
    out.flush().map_err(stdout_error)?;
    Ok(findings.len())
}

/// The writer's `wording.toml` in the config directory (none when missing).
pub fn user_wording(
    config_dir: Option<&Path>,
    warnings: &mut Vec<String>,
) -> Vec<crate::check::WordingRule> {
    let Some(path) = config_dir.map(|d| d.join("wording.toml")) else {
        return Vec::new();
    };
    match fs::read_to_string(&path) {
        Ok(text) => {
            let (rules, found) = crate::check::parse_wording(&text, &path.display().to_string());
            warnings.extend(found);
            rules
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            warnings.push(format!("{}: {e}", path.display()));
            Vec::new()
        }
    }
}

/// The promises of the draft `doc` continues; a link that no longer leads
/// to a readable draft is a warning, not an error.
pub fn earlier_promises(
    store: &Store,
    doc: &Document,
    warnings: &mut Vec<String>,
) -> Vec<crate::document::Promise> {
    let Some(from) = doc.from.as_deref().filter(|f| !f.trim().is_empty()) else {
        return Vec::new();
    };
    match store.resolve(from).and_then(|l| store.load(&l)) {
        Ok(earlier) => crate::document::promises(&earlier),
        Err(e) => {
            warnings.push(format!("from = \"{from}\": {e}"));
            Vec::new()
        }
    }
}

/// `二、存在问题 › （一） 正文 12: 占位符“XX”尚未填写 [placeholder]`: the place,
/// the 1-based character position in that field, the message and the code.
pub fn finding_line(doc: &Document, finding: &Finding, lang: Lang) -> String {
    let place = finding.long_location(doc, lang);
    let line = if finding.code.is_document_wide() {
        format!(
            "{place}: {} [{}]",
            finding.message(lang),
            finding.code.key()
        )
    } else {
        format!(
            "{place} {}: {} [{}]",
            finding.location.start + 1,
            finding.message(lang),
            finding.code.key()
        )
    };
    crate::sanitize::escape_controls(&line).into_owned()
}

fn stdout_error(source: io::Error) -> CommandError {
    CommandError::Io {
        path: PathBuf::from("<stdout>"),
        source,
    }
}

/// `zongjie themes`
pub fn themes(
    user_dir: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CommandError> {
    for (name, origin) in crate::settings::theme::Theme::available(user_dir) {
        let origin = match origin {
            "built-in" => lang.pick("内置", "built-in"),
            _ => lang.pick("自定义", "user"),
        };
        writeln!(out, "{name:<16} {origin}").map_err(stdout_error)?;
    }
    Ok(())
}

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
