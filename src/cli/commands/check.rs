//! `zongjie check`: the findings over a draft, with the writer's wording
//! rules and the promises of the draft it continues.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::{CommandError, stdout_error};
use crate::check::{CheckOptions, Finding};
use crate::cli::CheckArgs;
use crate::document::Document;
use crate::i18n::Lang;
use crate::storage::Store;

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
