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

/// Text bound for a terminal that keeps its line breaks and tabs but shows
/// every other control character, escape sequence and bidi override
/// escaped. Bytes that are not UTF-8 (GB18030 output) keep everything but
/// the C0 controls and DEL, which no multi-byte character contains.
pub fn escape_for_terminal(bytes: &[u8]) -> Cow<'_, [u8]> {
    let kept = |c: char| matches!(c, '\n' | '\r' | '\t');
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.chars().any(|c| needs_escape(c) && !kept(c)) => Cow::Borrowed(bytes),
        Ok(text) => {
            let mut out = String::with_capacity(text.len() + 16);
            for c in text.chars() {
                if needs_escape(c) && !kept(c) {
                    out.push_str(&format!("\\u{{{:x}}}", c as u32));
                } else {
                    out.push(c);
                }
            }
            Cow::Owned(out.into_bytes())
        }
        Err(_) => {
            let bad = |b: u8| (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')) || b == 0x7f;
            if !bytes.iter().any(|&b| bad(b)) {
                return Cow::Borrowed(bytes);
            }
            let mut out = Vec::with_capacity(bytes.len() + 16);
            for &b in bytes {
                if bad(b) {
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
    }

    #[test]
    fn escapes_only_what_is_dangerous() {
        assert!(matches!(escape_controls("党建工作"), Cow::Borrowed(_)));
        assert_eq!(escape_controls("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_controls("x\u{202e}y\u{9b}"), "x\\u{202e}y\\u{9b}");
    }
}
