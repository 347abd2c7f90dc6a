//! Text arithmetic the layers above share: characters counted as Chinese
//! word processors count them, a field's paragraphs, the templates'
//! writing hints, and the line and column of an offset (for messages
//! about a file's text).

/// Counts characters the way Chinese word processors do: every non-whitespace
/// character is one.
pub fn count_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Splits a multi-paragraph field into its non-empty paragraphs.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .map(|p| p.trim_end_matches('\r'))
        .filter(|p| !p.trim().is_empty())
}

/// A Chinese character (including 〇).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// The templates' `（写具体措施。）` at the start of a paragraph, up to its
/// matching `）` (the export leaves it out, the check reports it as a placeholder).
pub fn writing_hint(chars: &[char], start: usize) -> Option<usize> {
    if chars.get(start + 1) != Some(&'写') || !chars.get(start + 2).is_some_and(|&c| is_han(c)) {
        return None;
    }
    let mut depth = 0usize;
    for (i, &c) in chars.iter().enumerate().skip(start) {
        match c {
            '（' => depth += 1,
            '）' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("中文\n中文x", 13), (2, 3));
        assert_eq!(line_column("", 5), (1, 1));
    }

    #[test]
    fn a_writing_hint_runs_to_its_matching_bracket_on_its_line() {
        let chars: Vec<char> = "（写具体措施（如有）。）正文".chars().collect();
        assert_eq!(writing_hint(&chars, 0), Some(12));
        let open: Vec<char> = "（写具体措施\n。）".chars().collect();
        assert_eq!(writing_hint(&open, 0), None);
        let not_a_hint: Vec<char> = "（一）写作".chars().collect();
        assert_eq!(writing_hint(&not_a_hint, 0), None);
    }
}
