//! `zongjie export`: a draft as plain text or a .docx, on stdout or in a file.

use std::io::Write;

use super::{CommandError, stdout_error};
use crate::cli::ExportArgs;
use crate::document::Document;
use crate::docx::ExportFormat;
use crate::i18n::Lang;
use crate::settings::config::Config;
use crate::storage::{ExportWriteError, Store};

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
            // It names the editor's check key as config.toml binds it.
            let keys = config.keymap().0;
            let _ = writeln!(err, "zongjie: {}", lang.placeholders_left(left, &keys));
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
    store
        .write_export(&target, &bytes, args.force, Some(&location))
        .map_err(|e| match e {
            ExportWriteError::Managed(path) => CommandError::ManagedFile(path),
            ExportWriteError::Exists(path) => CommandError::OutputExists(path),
            ExportWriteError::Io { path, source } => CommandError::Io { path, source },
            ExportWriteError::Folder { dir, source } => CommandError::Io { path: dir, source },
        })?;
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
/// （写…） are left in the exported fields of a draft. Counted as the
/// status bar counts them: a field where none can start is not checked
/// (at 200,000 characters the check took a sixth of the export).
pub fn placeholders_left(doc: &Document) -> usize {
    doc.fields()
        .filter(|f| f.is_exported())
        .map(|f| crate::check::text_counts(doc.text(f).unwrap_or("")).1)
        .sum()
}
