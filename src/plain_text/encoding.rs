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
        TextEncoding::Gb18030 => {
            let (bytes, _, _) = encoding_rs::GB18030.encode(text);
            bytes.into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
