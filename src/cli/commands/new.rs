//! `zongjie new`: a draft from a template, a draft used as one, or an
//! earlier draft's next period.

use std::io::Write;
use std::path::Path;

use super::{CommandError, optional_id, stdout_error};
use crate::cli::NewArgs;
use crate::document::{Period, next_period_draft};
use crate::i18n::Lang;
use crate::storage::Store;
use crate::templates::{Library, TemplateError, save_user_template};

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
