//! The clipboard of Word and WPS habits: Ctrl+C / Ctrl+X / Ctrl+V in a
//! field copy text with its paragraphs; in the outline they copy whole
//! items and sections with their text. The text also goes to the system
//! clipboard through OSC 52 where the terminal allows it (`tui/osc52.rs`)
//! — never required: pasting inside zongjie works without it.

use crate::document::{Item, Section};

/// A part of the outline, copied with everything in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopiedPart {
    Item(Item),
    Section(Box<Section>),
}

/// What was last copied or cut: text in a field, or a part of the outline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clipboard {
    /// Text copied in a field; `\n` separates paragraphs.
    pub text: Option<String>,
    /// An item or section copied in the outline.
    pub part: Option<CopiedPart>,
}

/// Text fit for a field: in a body, line ends become paragraph breaks; in a
/// one-line field (a heading, a title) lines are joined — with nothing
/// between Chinese text, as it is written, and with a space only between
/// two Latin words or numbers. Other control characters are dropped.
pub fn text_for_field(text: &str, multiline: bool) -> String {
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    if multiline {
        return normalized
            .chars()
            .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
            .collect();
    }
    let mut out = String::with_capacity(normalized.len());
    for line in normalized.split('\n') {
        let line: String = line.chars().filter(|c| !c.is_control()).collect();
        let line = if out.is_empty() {
            line.trim_end()
        } else {
            line.trim()
        };
        if line.is_empty() {
            continue;
        }
        let ascii_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if ascii_word(out.chars().last()) && ascii_word(line.chars().next()) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_fields_join_lines_the_way_chinese_is_written() {
        assert_eq!(
            text_for_field("坚持强化理论武装\r\n不断提高政治站位", false),
            "坚持强化理论武装不断提高政治站位"
        );
        assert_eq!(
            text_for_field("Party\nbuilding 2020\n年", false),
            "Party building 2020年"
        );
        assert_eq!(text_for_field("一\n\n二\x07", true), "一\n\n二");
    }
}
