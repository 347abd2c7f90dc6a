//! What an import tells its reader: each change, move or unread part as
//! one [`Warning`], rendered in either interface language. Decoding and
//! parsing both report through it, so it sits below both.

use std::fmt;

use crate::document::chinese_numeral;
use crate::i18n::Lang;

/// Something the import changed, moved or could not read; one line each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The text was not UTF-8 and was read in this encoding.
    ReadAs(&'static str),
    /// Control characters were removed; where the first one was.
    ControlCharacters {
        count: usize,
        first: char,
        line: usize,
        column: usize,
    },
    /// Lines above the title (advertising, notes) went to the notes;
    /// `count` of them are not blank.
    LinesAboveTitle {
        count: usize,
        first_line: usize,
        last_line: usize,
        first_text: String,
    },
    /// No line reads as a title; the text before `一、` is the preamble.
    NoTitle,
    /// No `一、` was found; the text is the preamble.
    NoSections,
    /// A section's items could not be read back exactly; they are its intro text.
    ItemsKeptAsText { section: usize, line: usize },
    /// The title was set on two lines (the organization, then the rest):
    /// they are one title now, on one line.
    TitleJoined { first_line: usize },
    /// Items whose heading stands on its own line: it stays the first body
    /// line. The first such item is in section `section`, titled at `line`.
    HeadingsOnOwnLine {
        count: usize,
        section: usize,
        line: usize,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::ReadAs(encoding) => {
                write!(f, "the text is not UTF-8; it was read as {encoding}")
            }
            Warning::ControlCharacters {
                count,
                first,
                line,
                column,
            } => write!(
                f,
                "removed {count} control character{} (the first, U+{:04X}, at line {line}, column {column})",
                plural(*count),
                *first as u32
            ),
            Warning::LinesAboveTitle {
                first_line,
                last_line,
                first_text,
                ..
            } => {
                if first_line == last_line {
                    write!(f, "line {first_line}")?;
                } else {
                    write!(f, "lines {first_line}–{last_line}")?;
                }
                write!(
                    f,
                    " above the title (“{first_text}”…) kept in the draft's notes, which are not exported"
                )
            }
            Warning::TitleJoined { first_line } => write!(
                f,
                "the title on lines {first_line}–{} was joined into one line",
                first_line + 1
            ),
            Warning::NoTitle => {
                write!(
                    f,
                    "no title line found; the text before 一、 is the preamble"
                )
            }
            Warning::NoSections => write!(
                f,
                "no numbered sections (一、, （一） or 1、) found; the text is kept as the preamble"
            ),
            Warning::ItemsKeptAsText { section, line } => write!(
                f,
                "section {}、 (line {line}): its items could not be told apart exactly; its text is kept as the section's intro",
                chinese_numeral(*section as u64)
            ),
            Warning::HeadingsOnOwnLine {
                count,
                section,
                line,
            } => write!(
                f,
                "{count} item heading{} on a line of {} own (the first in section {}、, line {line}) kept as the first line of the item's body, so the layout is unchanged",
                plural(*count),
                if *count == 1 { "its" } else { "their" },
                chinese_numeral(*section as u64)
            ),
        }
    }
}

impl Warning {
    /// The warning in the writer's language (English is its `Display`).
    pub fn describe(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Warning::ReadAs(encoding) => format!("文本不是 UTF-8 编码，已按 {encoding} 读入"),
            Warning::ControlCharacters {
                count,
                first,
                line,
                column,
            } => format!(
                "删去了 {count} 个控制字符（第一个是 U+{:04X}，在第 {line} 行第 {column} 列）",
                *first as u32
            ),
            Warning::LinesAboveTitle {
                first_line,
                last_line,
                first_text,
                ..
            } => {
                let lines = if first_line == last_line {
                    format!("第 {first_line} 行")
                } else {
                    format!("第 {first_line}–{last_line} 行")
                };
                format!("标题上方的{lines}（“{first_text}”…）放进了草稿的素材，不会导出")
            }
            Warning::TitleJoined { first_line } => {
                format!("第 {first_line}–{} 行的标题合成了一行", first_line + 1)
            }
            Warning::NoTitle => "没有找到标题行，“一、”之前的文字作为导语".to_string(),
            Warning::NoSections => {
                "没有找到“一、”“（一）”或“1、”这样编号的部分，全文作为导语保留".to_string()
            }
            Warning::ItemsKeptAsText { section, line } => format!(
                "第{}部分（第 {line} 行）的条目无法准确分开，原文保留为该部分的引言",
                chinese_numeral(*section as u64)
            ),
            Warning::HeadingsOnOwnLine {
                count,
                section,
                line,
            } => format!(
                "{count} 个条目的小标题单独成行（第一个在第{}部分，第 {line} 行），保留为条目正文的第一行，版式不变",
                chinese_numeral(*section as u64)
            ),
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_warning_is_said_in_chinese_too() {
        let all = [
            Warning::ReadAs("GB18030"),
            Warning::ControlCharacters {
                count: 2,
                first: '\u{7}',
                line: 3,
                column: 4,
            },
            Warning::LinesAboveTitle {
                count: 1,
                first_line: 1,
                last_line: 2,
                first_text: "来源：某网站".into(),
            },
            Warning::TitleJoined { first_line: 1 },
            Warning::NoTitle,
            Warning::NoSections,
            Warning::ItemsKeptAsText {
                section: 2,
                line: 9,
            },
            Warning::HeadingsOnOwnLine {
                count: 2,
                section: 1,
                line: 5,
            },
        ];
        for w in all {
            let zh = w.describe(Lang::Zh);
            assert_eq!(w.describe(Lang::En), w.to_string());
            // No English left in it.
            assert!(!zh.contains(|c: char| c.is_ascii_lowercase()), "{zh}");
        }
    }
}
