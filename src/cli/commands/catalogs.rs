//! `zongjie templates` and `zongjie themes`: what there is to choose from.

use std::io::Write;
use std::path::Path;

use unicode_width::UnicodeWidthStr;

use super::{CommandError, pad, stdout_error};
use crate::i18n::Lang;
use crate::templates::Library;

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
