//! How a paragraph of the preview wraps into rows, as the export lays it
//! out: drawing shows these rows and scrolling counts them.

use crate::plain_text::{INDENT, Paragraph as Para, Role, wrap_screen_line};
use crate::sanitize::escape_controls;

/// The display lines of one paragraph, as the export options lay it out.
pub fn paragraph_rows(p: &Para, width: usize, indent: bool) -> Vec<String> {
    wrap_screen_line(&shown_text(p, indent), width)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// How many display lines [`paragraph_rows`] gives, without making them:
/// what scrolling counts.
pub fn paragraph_row_count(p: &Para, width: usize, indent: bool) -> usize {
    wrap_screen_line(&shown_text(p, indent), width).len()
}

/// The paragraph's text as the preview shows it: escaped, indented as
/// exported.
fn shown_text(p: &Para, indent: bool) -> String {
    let text = escape_controls(&p.text);
    if indent && p.role == Role::Body {
        format!("{INDENT}{text}")
    } else {
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Field;

    #[test]
    fn rows_put_together_are_the_paragraph_indented_as_exported() {
        let text = "上半年组织集中学习十二次，专题研讨四次，党员干部的政治判断力进一步提升。";
        for (role, indent, prefix) in [
            (Role::Body, true, INDENT),
            (Role::Body, false, ""),
            (Role::Title, true, ""),
        ] {
            let para = Para {
                text: text.into(),
                role,
                origin: Field::Preamble,
            };
            let rows = paragraph_rows(&para, 20, indent);
            assert!(rows.len() > 1);
            assert_eq!(paragraph_row_count(&para, 20, indent), rows.len());
            assert_eq!(rows.concat(), format!("{prefix}{text}"));
        }
    }
}
