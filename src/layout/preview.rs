//! How a paragraph of the preview wraps into rows, as the export lays it
//! out: drawing shows these rows and scrolling counts them.

use crate::plain_text::{INDENT, Paragraph as Para, Role, wrap_line};
use crate::sanitize::escape_controls;

/// The display lines of one paragraph, as the export options lay it out.
pub fn paragraph_rows(p: &Para, width: usize, indent: bool) -> Vec<String> {
    let text = escape_controls(&p.text);
    let text = if indent && p.role == Role::Body {
        format!("{INDENT}{text}")
    } else {
        text.into_owned()
    };
    wrap_line(&text, width)
        .into_iter()
        .map(str::to_string)
        .collect()
}
