//! Bytes of a text file → text for the importer: UTF-8 with or without a
//! BOM, UTF-16 with a BOM, or GB18030 (told by validity, never guessed from
//! a name); line ends become `\n`; control characters are removed and
//! reported. Anything else is refused with one clear reason.

use std::borrow::Cow;

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_16BE, UTF_16LE};

use super::warning::Warning;

/// The largest input `import` reads: 8 MiB, some 2.8 million Chinese
/// characters, hundreds of times a real summary. A bigger file is refused
/// rather than turned into a draft no editor pane can hold comfortably.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// Why a text could not be imported. Nothing is created when this happens.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the input is empty: there is nothing to import")]
    Empty,
    #[error(
        "the input is larger than the import limit of 8 MiB{}; a summary is far smaller — is this the right file?",
        describe_size(.size)
    )]
    TooLarge { size: Option<u64> },
    #[error(
        "the input looks like UTF-16 text without a byte-order mark; save it as UTF-8 or GB18030 and import it again"
    )]
    Utf16WithoutBom,
    #[error("the input is UTF-32 text; save it as UTF-8 or GB18030 and import it again")]
    Utf32,
    #[error("the input looks like a binary file, not text (byte 0x{byte:02X} at offset {offset})")]
    Binary { offset: usize, byte: u8 },
    #[error(
        "the input is neither UTF-8 nor GB18030 text (invalid byte 0x{byte:02X} at offset {offset})"
    )]
    InvalidEncoding { offset: usize, byte: u8 },
    #[error(
        "the input starts with a {encoding} byte-order mark but has invalid bytes at offset {offset}"
    )]
    InvalidAfterBom {
        encoding: &'static str,
        offset: usize,
    },
}

fn describe_size(size: &Option<u64>) -> String {
    match size {
        Some(bytes) => format!(" ({:.1} MiB)", *bytes as f64 / (1024.0 * 1024.0)),
        // A stream, or a device such as /dev/zero: only the limit was read.
        None => " (reading stopped there)".to_string(),
    }
}

/// Decodes a whole input file. The text has `\n` line ends and no control
/// characters; what was changed on the way is in the warnings.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<Warning>), ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            size: Some(bytes.len() as u64),
        });
    }
    let mut warnings = Vec::new();
    let text = decode_encoding(bytes, &mut warnings)?;
    let (clean, removed) = clean_text(&text);
    if let Some(removed) = removed {
        // A file that is mostly control characters was never a summary.
        let chars = text.chars().count();
        if removed.count >= 4 && removed.count * 10 > chars {
            let offset = bytes
                .iter()
                .position(|b| *b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
                .unwrap_or(0);
            return Err(ImportError::Binary {
                offset,
                byte: bytes.get(offset).copied().unwrap_or(0),
            });
        }
        warnings.push(removed.into_warning());
    }
    if clean.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok((clean.into_owned(), warnings))
}

/// Picks the encoding: a BOM decides; then UTF-16 without a BOM is refused;
/// then valid UTF-8; then valid GB18030.
fn decode_encoding<'a>(
    bytes: &'a [u8],
    warnings: &mut Vec<Warning>,
) -> Result<Cow<'a, str>, ImportError> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(ImportError::Utf32);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return crate::document::from_utf8(rest)
            .map(Cow::Borrowed)
            .map_err(|e| ImportError::InvalidAfterBom {
                encoding: "UTF-8",
                offset: 3 + e.valid_up_to(),
            });
    }
    for (bom, encoding) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let text =
                strict_decode(encoding, rest).map_err(|offset| ImportError::InvalidAfterBom {
                    encoding: "UTF-16",
                    offset: 2 + offset,
                })?;
            warnings.push(Warning::ReadAs("UTF-16"));
            return Ok(Cow::Owned(text));
        }
    }
    if looks_like_utf16(bytes) {
        return Err(ImportError::Utf16WithoutBom);
    }
    if let Ok(text) = crate::document::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    match strict_decode(GB18030, bytes) {
        Ok(text) => {
            warnings.push(Warning::ReadAs("GB18030"));
            Ok(Cow::Owned(text))
        }
        Err(offset) => {
            let byte = bytes.get(offset).copied().unwrap_or(0);
            if let Some(nul) = bytes.iter().position(|b| *b == 0) {
                return Err(ImportError::Binary {
                    offset: nul,
                    byte: 0,
                });
            }
            Err(ImportError::InvalidEncoding { offset, byte })
        }
    }
}

/// Decodes without replacement characters; on failure, the offset of the
/// first malformed byte.
fn strict_decode(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3);
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, extra) => {
            Err(read.saturating_sub(usize::from(bad) + usize::from(extra)))
        }
        // The buffer was sized for the worst case; treat the impossible as damage.
        DecoderResult::OutputFull => Err(read),
    }
}

/// UTF-16 without a BOM: zero bytes in the high half of code units (every
/// ASCII character, line ends included, has one — and so do 一 U+4E00 and
/// 开 U+5F00 on the other side), and the bytes read as clean UTF-16 text
/// with line breaks. UTF-8 or GB18030 text with a stray NUL does not pass:
/// its bytes, paired up, almost never give a `\n` and few controls.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.len() < 4 {
        return false;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    if even + odd < 2 {
        return false;
    }
    // ASCII-heavy UTF-16 is also valid UTF-8 full of NULs; real UTF-8 has
    // at most a few.
    if crate::document::from_utf8(bytes).is_ok() && (even + odd) * 10 < bytes.len() {
        return false;
    }
    // The side with more zeros is usually the high byte, but a text full of
    // 一 can say otherwise: try both.
    let order = if odd >= even {
        [UTF_16LE, UTF_16BE]
    } else {
        [UTF_16BE, UTF_16LE]
    };
    let units = bytes.get(..bytes.len() & !1).unwrap_or(bytes);
    order.into_iter().any(|encoding| {
        strict_decode(encoding, units).is_ok_and(|text| {
            let controls = text
                .chars()
                .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                .count();
            text.contains('\n') && controls * 100 <= text.chars().count()
        })
    })
}

/// What [`clean_text`] removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Removed {
    pub count: usize,
    pub first: char,
    pub line: usize,
    pub column: usize,
}

impl Removed {
    pub fn into_warning(self) -> Warning {
        Warning::ControlCharacters {
            count: self.count,
            first: self.first,
            line: self.line,
            column: self.column,
        }
    }
}

/// Normalises line ends (`\r\n`, `\r`, U+2028/2029 → `\n`) and tabs (→ a
/// space), and removes control characters, bidi overrides and stray BOMs.
pub(crate) fn clean_text(text: &str) -> (Cow<'_, str>, Option<Removed>) {
    if !text.chars().any(needs_cleaning) {
        return (Cow::Borrowed(text), None);
    }
    let mut out = String::with_capacity(text.len());
    let mut removed: Option<Removed> = None;
    let (mut line, mut column) = (1, 1);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\t' => out.push(' '),
            c if is_removed(c) => {
                match &mut removed {
                    Some(r) => r.count += 1,
                    None => {
                        removed = Some(Removed {
                            count: 1,
                            first: c,
                            line,
                            column,
                        })
                    }
                }
                continue;
            }
            c => out.push(c),
        }
        if out.ends_with('\n') {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (Cow::Owned(out), removed)
}

fn needs_cleaning(c: char) -> bool {
    matches!(c, '\r' | '\t' | '\u{2028}' | '\u{2029}') || is_removed(c)
}

fn is_removed(c: char) -> bool {
    c != '\n' && c != '\r' && c != '\t' && (crate::sanitize::needs_escape(c) || c == '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plain_text::{TextEncoding, encode};

    const SAMPLE: &str =
        "XX党支部2020年上半年党建工作总结\n一、工作开展情况\n（一）政治建设。学习12次。\n";

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if little {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let (text, warnings) = decode(SAMPLE.as_bytes()).unwrap();
        assert_eq!(text, SAMPLE);
        assert!(warnings.is_empty());
        let bom = encode(SAMPLE, TextEncoding::Utf8Bom);
        assert_eq!(decode(&bom).unwrap().0, SAMPLE);
    }

    #[test]
    fn gb18030_is_told_by_validity() {
        let bytes = encode(SAMPLE, TextEncoding::Gb18030);
        assert!(std::str::from_utf8(&bytes).is_err());
        let (text, warnings) = decode(&bytes).unwrap();
        assert_eq!(text, SAMPLE);
        assert_eq!(warnings, [Warning::ReadAs("GB18030")]);
    }

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        let (text, warnings) = decode("标题\r\n一、甲\r乙\n".as_bytes()).unwrap();
        assert_eq!(text, "标题\n一、甲\n乙\n");
        assert!(warnings.is_empty());
    }

    #[test]
    fn utf16_with_bom_is_read_without_it_refused() {
        for little in [true, false] {
            let mut bytes = if little {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            };
            bytes.extend(utf16(SAMPLE, little));
            assert_eq!(decode(&bytes).unwrap().0, SAMPLE);
            assert_eq!(
                decode(&utf16(SAMPLE, little)),
                Err(ImportError::Utf16WithoutBom)
            );
        }
        // 一 and 开 have a zero low byte: many of them do not hide UTF-16.
        let many_yi = "一一开展一一工作\n".repeat(20);
        assert_eq!(
            decode(&utf16(&many_yi, true)),
            Err(ImportError::Utf16WithoutBom)
        );
        // Mostly ASCII UTF-16 is valid UTF-8 full of NULs: still refused.
        let ascii = utf16("Summary 2020\nline two\n", true);
        assert_eq!(decode(&ascii), Err(ImportError::Utf16WithoutBom));
    }

    #[test]
    fn stray_nuls_in_utf8_and_gb18030_are_stripped_and_reported() {
        let with_nul = "标题\n一、甲\0乙\n\u{1b}[31m丙\n";
        let (text, warnings) = decode(with_nul.as_bytes()).unwrap();
        assert_eq!(text, "标题\n一、甲乙\n[31m丙\n");
        assert_eq!(
            warnings,
            [Warning::ControlCharacters {
                count: 2,
                first: '\0',
                line: 2,
                column: 4
            }]
        );
        let mut gb = encode(SAMPLE, TextEncoding::Gb18030);
        gb.insert(2, 0); // between XX and 党: a character boundary
        let (text, warnings) = decode(&gb).unwrap();
        assert!(!text.contains('\0'));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn bad_input_is_refused_with_a_reason() {
        assert_eq!(decode(b""), Err(ImportError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF \n\t\n"), Err(ImportError::Empty));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"),
            Err(ImportError::Binary { .. })
        ));
        assert!(matches!(
            decode(&[0u8; 64]),
            Err(ImportError::Binary { .. })
        ));
        assert_eq!(
            decode(b"abc\xFF\xFFdef"),
            Err(ImportError::InvalidEncoding {
                offset: 3,
                byte: 0xFF
            })
        );
        assert!(matches!(
            decode(b"\xEF\xBB\xBFab\xC3"),
            Err(ImportError::InvalidAfterBom { offset: 5, .. })
        ));
        assert_eq!(decode(b"\xFF\xFE\0\0a\0\0\0"), Err(ImportError::Utf32));
        let big = vec![b'a'; MAX_IMPORT_BYTES + 1];
        assert!(matches!(decode(&big), Err(ImportError::TooLarge { .. })));
    }

    #[test]
    fn messages_are_one_line() {
        let errors = [
            ImportError::Empty,
            ImportError::TooLarge {
                size: Some(20_000_000),
            },
            ImportError::Utf16WithoutBom,
            ImportError::InvalidEncoding {
                offset: 3,
                byte: 0xFF,
            },
        ];
        for e in errors {
            assert!(!e.to_string().contains('\n'));
        }
        assert!(
            ImportError::TooLarge {
                size: Some(20 * 1024 * 1024)
            }
            .to_string()
            .contains("(20.0 MiB)")
        );
    }
}
