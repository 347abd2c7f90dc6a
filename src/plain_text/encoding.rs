//! Encodings a Chinese office's tools read: UTF-8 (with or without a BOM) and GB18030.

use std::fmt;
use std::str::FromStr;

/// The encoding of exported text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    #[default]
    #[value(name = "utf-8")]
    #[serde(rename = "utf-8")]
    Utf8,
    #[value(name = "utf-8-bom")]
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    #[value(name = "gb18030")]
    Gb18030,
}

impl TextEncoding {
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf8Bom => "utf-8-bom",
            TextEncoding::Gb18030 => "gb18030",
        }
    }
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for TextEncoding {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(TextEncoding::Utf8),
            "utf-8-bom" | "utf8-bom" => Ok(TextEncoding::Utf8Bom),
            "gb18030" | "gbk" | "gb2312" => Ok(TextEncoding::Gb18030),
            other => Err(format!(
                "unknown encoding `{other}` (utf-8, utf-8-bom, gb18030)"
            )),
        }
    }
}

/// Encodes text. GB18030 covers all of Unicode, so nothing is ever lost.
pub fn encode(text: &str, encoding: TextEncoding) -> Vec<u8> {
    match encoding {
        TextEncoding::Utf8 => text.as_bytes().to_vec(),
        TextEncoding::Utf8Bom => {
            let mut out = Vec::with_capacity(text.len() + 3);
            out.extend_from_slice(b"\xEF\xBB\xBF");
            out.extend_from_slice(text.as_bytes());
            out
        }
        TextEncoding::Gb18030 => encode_gb18030(text),
    }
}

/// [`encode`] for text that is not needed afterwards: UTF-8 is then the
/// text's own bytes, not a copy (at 200,000 characters a copy is 580 kB of
/// fresh pages, a tenth of an export's time).
pub fn encode_owned(text: String, encoding: TextEncoding) -> Vec<u8> {
    match encoding {
        TextEncoding::Utf8 => text.into_bytes(),
        _ => encode(&text, encoding),
    }
}

/// GB18030, each distinct character encoded once by encoding_rs and then
/// looked up. A summary repeats a few thousand characters many times over,
/// and encoding_rs's per-character path (with the fast-gb-hanzi-encode
/// table) took twice as long as iconv for a whole 200k-character export;
/// `Encoding::encode` also zero-fills an output twice the text's size
/// first. GB18030 has no state between characters, so a character's bytes
/// never depend on its neighbours.
fn encode_gb18030(text: &str) -> Vec<u8> {
    // GB18030 is at most 4/3 the size of UTF-8 (and 2/3 for Chinese).
    let mut out = Vec::with_capacity(text.len());
    // Per BMP code point: its length in GB18030 (0: not met yet; NOT_KEPT:
    // longer than four bytes, encoded each time) and its bytes.
    const NOT_KEPT: u8 = u8::MAX;
    let mut known: Vec<(u8, [u8; 4])> = Vec::new();
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        let Ok(point) = u16::try_from(u32::from(c)) else {
            // Outside the BMP: four bytes, rare enough to encode each time.
            encode_char_gb18030(c, &mut out);
            continue;
        };
        if known.is_empty() {
            known = vec![(0, [0; 4]); 0x10000];
        }
        let slot = &mut known[usize::from(point)];
        if slot.0 == 0 {
            let start = out.len();
            encode_char_gb18030(c, &mut out);
            let bytes = &out[start..];
            // encoding_rs writes the few characters GB18030 lacks (U+E5E5)
            // as a numeric character reference: longer than four bytes.
            *slot = match <[u8; 4]>::try_from(bytes) {
                Ok(four) => (4, four),
                Err(_) if bytes.len() < 4 => {
                    let mut short = [0; 4];
                    short[..bytes.len()].copy_from_slice(bytes);
                    (bytes.len() as u8, short)
                }
                Err(_) => (NOT_KEPT, [0; 4]),
            };
        } else if slot.0 == NOT_KEPT {
            encode_char_gb18030(c, &mut out);
        } else {
            out.extend_from_slice(&slot.1[..usize::from(slot.0)]);
        }
    }
    out
}

/// Appends one character in GB18030, as encoding_rs writes it.
fn encode_char_gb18030(c: char, out: &mut Vec<u8>) {
    let mut utf8 = [0u8; 4];
    let (encoded, _, _) = encoding_rs::GB18030.encode(c.encode_utf8(&mut utf8));
    out.extend_from_slice(&encoded);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The oracle: encoding_rs's own one-call encoder, on long mixed text
    /// and on every character.
    #[test]
    fn gb18030_equals_the_one_call_encoder() {
        let text: String = "党建a工作，“总结”😀𠀀é\n"
            .chars()
            .cycle()
            .take(60_000)
            .collect();
        for cut in [0, 1, 2, 3, 16 * 1024 - 1, 16 * 1024, 40_000] {
            let text: String = text.chars().skip(cut).collect();
            let (expected, _, _) = encoding_rs::GB18030.encode(&text);
            assert_eq!(encode(&text, TextEncoding::Gb18030), expected.as_ref());
        }
        assert_eq!(encode("", TextEncoding::Gb18030), b"");
        assert_eq!(encode("abc", TextEncoding::Gb18030), b"abc");
        // Every character there is, twice (the second time from the table).
        let every: String = (0..=0x10FFFFu32).filter_map(char::from_u32).collect();
        let twice = format!("{every}{every}");
        let (expected, _, _) = encoding_rs::GB18030.encode(&twice);
        let ours = encode(&twice, TextEncoding::Gb18030);
        let first_difference = ours.iter().zip(expected.iter()).position(|(a, b)| a != b);
        assert_eq!(
            first_difference,
            None,
            "of {} and {} bytes",
            ours.len(),
            expected.len()
        );
        assert_eq!(ours.len(), expected.len());
    }

    proptest::proptest! {
        #[test]
        fn gb18030_of_any_text_equals_encoding_rs(text in "\\PC*") {
            let (expected, _, _) = encoding_rs::GB18030.encode(&text);
            proptest::prop_assert_eq!(encode(&text, TextEncoding::Gb18030), expected.as_ref());
        }

        /// The owned text's bytes are what encoding_rs writes for UTF-8
        /// (with its BOM where asked) and for GB18030.
        #[test]
        fn owned_text_encodes_as_encoding_rs_does(text in "\\PC*") {
            let (gb, _, _) = encoding_rs::GB18030.encode(&text);
            let utf8 = encoding_rs::UTF_8.encode(&text).0;
            let bom = [&b"\xEF\xBB\xBF"[..], &utf8].concat();
            for (encoding, expected) in [
                (TextEncoding::Utf8, &utf8[..]),
                (TextEncoding::Utf8Bom, &bom[..]),
                (TextEncoding::Gb18030, &gb[..]),
            ] {
                proptest::prop_assert_eq!(encode_owned(text.clone(), encoding), expected);
            }
        }
    }

    #[test]
    fn gb18030_round_trips_chinese_and_rare_characters() {
        let text = "党建工作总结，“两学一做”😀𠀀\n";
        let bytes = encode(text, TextEncoding::Gb18030);
        assert_eq!(&bytes[..4], &[0xB5, 0xB3, 0xBD, 0xA8]); // 党建
        let (back, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(&bytes);
        assert!(!had_errors);
        assert_eq!(back, text);
    }

    #[test]
    fn bom_is_prefixed() {
        assert_eq!(encode("a", TextEncoding::Utf8Bom), b"\xEF\xBB\xBFa");
        assert_eq!("GBK".parse::<TextEncoding>(), Ok(TextEncoding::Gb18030));
        assert!("latin1".parse::<TextEncoding>().is_err());
    }
}
