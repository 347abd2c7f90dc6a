//! What each subcommand does, on top of the library. Output goes to the
//! writers passed in, so tests and the binary share one path.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthStr;

use crate::check::{CheckOptions, Finding};
use crate::cli::{CheckArgs, ExportArgs, NewArgs};
use crate::document::Document;
use crate::i18n::Lang;
use crate::plain_text::{ExportOptions, encode, export_text};
use crate::storage::{DraftId, StorageError, Store};
use crate::templates::{TEMPLATES, Template};

/// A command that could not do its work; printed as one line on stderr.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("unknown template `{0}` (see `zongjie templates`)")]
    UnknownTemplate(String),
    #[error("{0} already exists; use --force to overwrite it")]
    OutputExists(PathBuf),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("no data directory: pass --data-dir DIR or set ZONGJIE_DATA_DIR")]
    NoDataDir,
}

/// `zongjie new`
pub fn new_draft(store: &Store, args: &NewArgs, out: &mut dyn Write) -> Result<(), CommandError> {
    let template = Template::find(&args.template)
        .ok_or_else(|| CommandError::UnknownTemplate(args.template.clone()))?;
    let id = args
        .id
        .as_deref()
        .map(DraftId::parse)
        .transpose()
        .map_err(StorageError::from)?;
    let doc = template.document(args.title.as_deref());
    let id = store.create(id, &doc)?;
    writeln!(out, "{id}").map_err(stdout_error)?;
    Ok(())
}

/// `zongjie list`
pub fn list(
    store: &Store,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    let drafts = store.list()?;
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
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), CommandError> {
    let location = store.resolve(&args.draft)?;
    let doc = store.load(&location)?;
    let options = ExportOptions {
        indent: args.indent,
        blank_lines: args.blank_lines,
        width: args.width.map(usize::from),
        encoding: args.encoding.unwrap_or_default(),
        crlf: args.crlf,
    };
    let bytes = encode(&export_text(&doc, &options), options.encoding);
    let target = match &args.output {
        Some(p) if p.as_os_str() == "-" => {
            out.write_all(&bytes)
                .and_then(|_| out.flush())
                .map_err(stdout_error)?;
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
            PathBuf::from(format!("{stem}.txt"))
        }
    };
    write_output(&target, &bytes, args.force)?;
    let _ = writeln!(err, "{}", target.display());
    Ok(())
}

/// Writes an export file, refusing to replace one unless `force`.
pub fn write_output(target: &Path, bytes: &[u8], force: bool) -> Result<(), CommandError> {
    let io_error = |source| CommandError::Io {
        path: target.to_path_buf(),
        source,
    };
    if force {
        return fs::write(target, bytes).map_err(io_error);
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)
        .map_err(|e| {
            if e.kind() == io::ErrorKind::AlreadyExists {
                CommandError::OutputExists(target.to_path_buf())
            } else {
                io_error(e)
            }
        })?;
    file.write_all(bytes).map_err(io_error)
}

/// `zongjie templates`
pub fn templates(lang: Lang, out: &mut dyn Write) -> Result<(), CommandError> {
    let width = TEMPLATES.iter().map(|t| t.name.len()).max().unwrap_or(0);
    for t in TEMPLATES {
        let description = match lang {
            Lang::Zh => t.description_zh,
            Lang::En => t.description_en,
        };
        writeln!(out, "{:width$}  {description}", t.name).map_err(stdout_error)?;
    }
    Ok(())
}

/// `zongjie check`: the findings on `out` (one line each, or JSON), a
/// count on `err`. Returns the number of findings.
pub fn check(
    store: &Store,
    args: &CheckArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<usize, CommandError> {
    let location = store.resolve(&args.draft)?;
    let doc = store.load(&location)?;
    let options = CheckOptions {
        target_chars: args.target.map(|t| t as usize),
    };
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
