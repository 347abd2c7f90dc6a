//! Text from a draft must never reach the terminal raw: control characters
//! and escape sequences are shown escaped instead.

use std::borrow::Cow;

/// Replaces control characters (C0, DEL, C1) and bidi overrides with visible
/// escapes such as `\u{1b}`. Text without them is returned as is.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Characters that could move the cursor, change colours or reorder text.
pub fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Characters that take no room and cannot be seen, or that change how
/// text around them is shown: the format characters (Unicode category Cf:
/// bidi controls, zero-width space and joiners, the byte-order mark, …),
/// the line and paragraph separators, variation selectors and fillers. A
/// name holding one looks like another name, or like nothing.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        // Format characters (Cf), Unicode 16.
        '\u{AD}'
            | '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{890}'..='\u{891}'
            | '\u{8E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
            // Separators that break lines, and invisible marks and fillers.
            | '\u{2028}'
            | '\u{2029}'
            | '\u{34F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFA0}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// A name (a draft id, a file name) as it may be shown: control and
/// invisible characters escaped, so that two names that differ never look
/// the same and none can move the cursor or reorder the line.
pub fn escape_name(name: &str) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() || is_invisible(c);
    if !name.chars().any(bad) {
        return Cow::Borrowed(name);
    }
    Cow::Owned(
        name.chars()
            .map(|c| {
                if bad(c) {
                    format!("\\u{{{:x}}}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Text bound for a terminal that keeps its line breaks (`\n`, and `\r\n`
/// for `--crlf`) and tabs but shows every other control character, escape
/// sequence and bidi override escaped; a lone `\r`, which would send the
/// cursor back over the line, too. Bytes that are not UTF-8 (GB18030
/// output) keep everything but those C0 controls and DEL, which no
/// multi-byte character contains.
pub fn escape_for_terminal(bytes: &[u8]) -> Cow<'_, [u8]> {
    let line_end = |i: usize| match bytes[i] {
        b'\n' | b'\t' => true,
        b'\r' => bytes.get(i + 1) == Some(&b'\n'),
        _ => false,
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let bad = |(i, c): (usize, char)| needs_escape(c) && !line_end(i);
            if !text.char_indices().any(bad) {
                return Cow::Borrowed(bytes);
            }
            let mut out = String::with_capacity(text.len() + 16);
            for (i, c) in text.char_indices() {
                if bad((i, c)) {
                    out.push_str(&format!("\\u{{{:x}}}", c as u32));
                } else {
                    out.push(c);
                }
            }
            Cow::Owned(out.into_bytes())
        }
        Err(_) => {
            let bad = |i: usize| (bytes[i] < 0x20 && !line_end(i)) || bytes[i] == 0x7f;
            if !(0..bytes.len()).any(bad) {
                return Cow::Borrowed(bytes);
            }
            let mut out = Vec::with_capacity(bytes.len() + 16);
            for (i, &b) in bytes.iter().enumerate() {
                if bad(i) {
                    out.extend_from_slice(format!("\\x{b:02x}").as_bytes());
                } else {
                    out.push(b);
                }
            }
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_text_keeps_lines_and_escapes_the_rest() {
        assert!(matches!(
            escape_for_terminal("一、\n\t（一）\r\n".as_bytes()),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            escape_for_terminal("a\u{1b}[2J\n\u{202e}b\u{9b}".as_bytes()).as_ref(),
            "a\\u{1b}[2J\n\\u{202e}b\\u{9b}".as_bytes()
        );
        // GB18030 for 党 is D5 FE; ESC and BEL are escaped around it.
        assert_eq!(
            escape_for_terminal(b"\xd5\xfe\x1b[m\x07\n").as_ref(),
            b"\xd5\xfe\\x1b[m\\x07\n"
        );
        // A lone CR would overwrite the start of the line; CRLF is a line end.
        assert_eq!(
            escape_for_terminal("覆盖\r前面\r\n".as_bytes()).as_ref(),
            "覆盖\\u{d}前面\r\n".as_bytes()
        );
        assert_eq!(
            escape_for_terminal(b"\xd5\xfe\r\xd5\xfe\r\n").as_ref(),
            b"\xd5\xfe\\x0d\xd5\xfe\r\n"
        );
    }

    #[test]
    fn names_show_every_invisible_character() {
        assert!(matches!(escape_name("20261205-1"), Cow::Borrowed(_)));
        assert_eq!(escape_name("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(escape_name("a\u{200b}\u{feff}"), "a\\u{200b}\\u{feff}");
        for c in ['\u{200d}', '\u{2066}', '\u{e0041}', '\u{fe0f}', '\u{ad}'] {
            assert!(is_invisible(c), "{c:?}");
        }
        for c in ['党', 'a', ' ', '　', '·'] {
            assert!(!is_invisible(c), "{c:?}");
        }
    }

    #[test]
    fn escapes_only_what_is_dangerous() {
        assert!(matches!(escape_controls("党建工作"), Cow::Borrowed(_)));
        assert_eq!(escape_controls("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_controls("x\u{202e}y\u{9b}"), "x\\u{202e}y\\u{9b}");
    }
}
