//! What a finding says and where it is, in Chinese or English. Places are
//! named with the document's live numbers (`二、（一）正文`), so they match
//! the preview and the export.

use super::location::{long_location, short_location};
use super::{Code, Detail, Finding, Mark};
use crate::document::{Document, Field, SectionKind};
use crate::i18n::Lang;

/// Quoted excerpts longer than this are cut with `…`.
const EXCERPT_CHARS: usize = 16;

impl Finding {
    /// The message in the interface language.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match (&self.code, &self.detail) {
            (Code::Placeholder, Detail::Placeholder(p)) => {
                let p = excerpt(p);
                if zh {
                    format!("占位符“{p}”尚未填写")
                } else {
                    format!("Placeholder “{p}” not filled in")
                }
            }
            (Code::EmptyTitle, _) => match (self.location.field, zh) {
                (Field::Title, true) => "标题为空".into(),
                (Field::Title, false) => "The title is empty".into(),
                (_, true) => "这一部分没有标题".into(),
                (_, false) => "This section has no title".into(),
            },
            (Code::EmptySection, _) => {
                pick(lang, "这一部分没有内容", "This section has no content")
            }
            (Code::EmptyItem, _) => pick(lang, "这一项没有内容", "This item is empty"),
            (Code::UnfinishedItem, _) => pick(
                lang,
                "这一项只有小标题，还没有正文",
                "This item has a heading but no body yet",
            ),
            (Code::BodyRepeatsHeading, Detail::RepeatedHeading(h)) => {
                let h = excerpt(h);
                if zh {
                    format!("正文开头重复了小标题“{h}”")
                } else {
                    format!("The body starts by repeating the heading “{h}”")
                }
            }
            (Code::MissingProblems, _) => pick(
                lang,
                "缺少“存在问题”部分",
                "No section on problems (存在问题)",
            ),
            (Code::MissingNext, _) => pick(
                lang,
                "缺少“下一步打算”部分",
                "No section on next steps (下一步打算)",
            ),
            (Code::SectionOrder, Detail::SectionOrder { kind, after }) => {
                let (k, a) = (kind_name(*kind, lang), kind_name(*after, lang));
                if zh {
                    format!("“{k}”部分排在“{a}”部分之后")
                } else {
                    format!("The {k} section comes after the {a} section")
                }
            }
            (Code::HalfWidthPunctuation, Detail::HalfWidth(marks)) => {
                let found: String = marks.iter().map(|m: &Mark| m.found).collect();
                let full: String = marks.iter().map(|m| m.replacement).collect();
                let (name_zh, name_en) = mark_name(marks.first().map_or(' ', |m| m.found));
                // Quotes are not quoted again: 半角引号""，应为全角引号“”
                let (found, full) = if found.starts_with('"') {
                    (found, full)
                } else {
                    (format!("“{found}”"), format!("“{full}”"))
                };
                if zh && name_zh == "句号" {
                    // The Chinese full stop is 句号, not a full-width 点号.
                    format!("中文里用了英文句点{found}，应为句号{full}")
                } else if zh {
                    format!("中文里用了半角{name_zh}{found}，应为全角{name_zh}{full}")
                } else {
                    format!("Half-width {name_en} {found} in Chinese text; use full-width {full}")
                }
            }
            (Code::MixedQuotes, Detail::MixedQuotes { curly, straight }) => {
                if zh {
                    format!("引号混用：弯引号“”{curly}个，直引号\"\"{straight}个")
                } else {
                    format!("Mixed quotes: {curly} curly “” and {straight} straight \"\"")
                }
            }
            (
                Code::UnbalancedPair,
                Detail::Unbalanced {
                    found,
                    partner,
                    opening,
                },
            ) => {
                let (open, close) = if *opening {
                    (*found, *partner)
                } else {
                    (*partner, *found)
                };
                let (name_zh, name_en) = pair_name(open);
                match (zh, opening) {
                    (true, true) => format!("左{name_zh} {open} 之后缺少右{name_zh} {close}"),
                    (true, false) => format!("右{name_zh} {close} 之前缺少左{name_zh} {open}"),
                    (false, true) => {
                        format!("Opening {name_en} {open} is never closed (no {close} after it)")
                    }
                    (false, false) => {
                        format!("Closing {name_en} {close} closes nothing (no {open} before it)")
                    }
                }
            }
            (Code::HandTypedNumber, Detail::TypedNumber(n)) => {
                let n = n.trim();
                if zh {
                    format!("开头手动输入了编号“{n}”，导出时会再编一次号")
                } else {
                    format!("Hand-typed number “{n}”: the export numbers it again")
                }
            }
            (
                Code::DuplicateSentence,
                Detail::Duplicate {
                    sentence, first_at, ..
                },
            ) => {
                let s = excerpt(sentence);
                if zh {
                    format!("这句话与{}重复：“{s}”", first_at.zh)
                } else {
                    format!("Repeats a sentence from {}: “{s}”", first_at.en)
                }
            }
            (Code::DateOutsidePeriod, Detail::Date { found, period }) => {
                if zh {
                    format!("日期“{found}”不在本总结的时段（{period}）内")
                } else {
                    format!("Date “{found}” is outside the period of this summary ({period})")
                }
            }
            (Code::Length, Detail::Length { chars, target }) => {
                let diff = chars.abs_diff(*target);
                match (zh, chars < target) {
                    (true, true) => format!("全文{chars}字，比目标{target}字少{diff}字"),
                    (true, false) => format!("全文{chars}字，比目标{target}字多{diff}字"),
                    (false, true) => {
                        format!("{chars} characters, {diff} fewer than the target of {target}")
                    }
                    (false, false) => {
                        format!("{chars} characters, {diff} more than the target of {target}")
                    }
                }
            }
            (Code::Wording, Detail::Wording { wrong, right, note }) => {
                let note = note
                    .as_deref()
                    .map_or(String::new(), |n| format!("（{n}）"));
                if zh {
                    format!("“{wrong}”应为“{right}”{note}")
                } else {
                    format!("“{wrong}” should be “{right}”{note}")
                }
            }
            (Code::QuotedListComma, _) => pick(
                lang,
                "引号或书名号标出的并列项之间一般不用顿号",
                "No 顿号 (、) between items in quotes or book-title marks",
            ),
            (Code::StraySpace, _) => pick(
                lang,
                "汉字之间多了空格",
                "Stray space between Chinese characters",
            ),
            (Code::MissingSignature, _) => pick(
                lang,
                "落款有日期，但没有署名单位",
                "The signature has a date but no organization",
            ),
            (Code::MissingDate, _) => pick(
                lang,
                "落款有署名单位，但没有日期",
                "The signature has an organization but no date",
            ),
            (Code::UnreportedPromise, Detail::Promise(promise)) => {
                let p = excerpt(promise);
                if zh {
                    format!("上一期承诺的“{p}”在本期总结中没有提到")
                } else {
                    format!("The earlier promise “{p}” is not mentioned in this summary")
                }
            }
            // A detail that does not belong to its code: say at least what kind it is.
            (code, _) => code.key().to_string(),
        }
    }

    /// Where the finding is, briefly: `二、（一）正文`, or `全文` for the whole document.
    pub fn short_location(&self, doc: &Document, lang: Lang) -> String {
        if self.code.is_document_wide() {
            return pick(lang, "全文", "document");
        }
        short_location(doc, self.location.field, lang)
    }

    /// Where the finding is, with the section's title: `二、存在问题 › （一） 正文`.
    pub fn long_location(&self, doc: &Document, lang: Lang) -> String {
        if self.code.is_document_wide() {
            return pick(lang, "全文", "document");
        }
        long_location(doc, self.location.field, lang)
    }
}

fn pick(lang: Lang, zh: &str, en: &str) -> String {
    lang.pick(zh, en).to_string()
}

fn excerpt(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= EXCERPT_CHARS {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(EXCERPT_CHARS).collect();
    cut.push('…');
    cut
}

/// The name of a punctuation mark, in Chinese and English.
fn mark_name(mark: char) -> (&'static str, &'static str) {
    match mark {
        ',' => ("逗号", "comma"),
        '.' => ("句号", "full stop"),
        ';' => ("分号", "semicolon"),
        ':' => ("冒号", "colon"),
        '?' => ("问号", "question mark"),
        '!' => ("叹号", "exclamation mark"),
        '(' | ')' => ("括号", "brackets"),
        '"' => ("引号", "quotes"),
        _ => ("标点", "punctuation"),
    }
}

/// The name of a pair of marks by its opening mark, in Chinese and English.
fn pair_name(open: char) -> (&'static str, &'static str) {
    match open {
        '“' => ("引号", "quote"),
        '（' => ("括号", "bracket"),
        '《' => ("书名号", "book-title mark"),
        '【' => ("方头括号", "square bracket"),
        _ => ("标点", "mark"),
    }
}

fn kind_name(kind: SectionKind, lang: Lang) -> &'static str {
    match kind {
        SectionKind::Basic => lang.pick("基本情况", "basic facts"),
        SectionKind::Work => lang.pick("工作开展情况", "work done"),
        SectionKind::Highlights => lang.pick("工作亮点", "highlights"),
        SectionKind::Problems => lang.pick("存在问题", "problems"),
        SectionKind::Next => lang.pick("下一步打算", "next steps"),
        SectionKind::Custom => lang.pick("其他", "other"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{Bilingual, CheckOptions, Location, check};
    use super::*;

    #[test]
    fn every_code_has_a_message_in_both_languages() {
        let doc = clean_document();
        let at = Location::at(Field::Title);
        let details = [
            (
                Code::Placeholder,
                Detail::Placeholder("XX".into()),
                "占位符“XX”尚未填写",
                "Placeholder “XX” not filled in",
            ),
            (
                Code::EmptyTitle,
                Detail::None,
                "标题为空",
                "The title is empty",
            ),
            (
                Code::EmptySection,
                Detail::None,
                "这一部分没有内容",
                "This section has no content",
            ),
            (
                Code::EmptyItem,
                Detail::None,
                "这一项没有内容",
                "This item is empty",
            ),
            (
                Code::UnfinishedItem,
                Detail::None,
                "这一项只有小标题，还没有正文",
                "This item has a heading but no body yet",
            ),
            (
                Code::BodyRepeatsHeading,
                Detail::RepeatedHeading("政治建设方面".into()),
                "正文开头重复了小标题“政治建设方面”",
                "The body starts by repeating the heading “政治建设方面”",
            ),
            (
                Code::MissingProblems,
                Detail::None,
                "缺少“存在问题”部分",
                "No section on problems (存在问题)",
            ),
            (
                Code::MissingNext,
                Detail::None,
                "缺少“下一步打算”部分",
                "No section on next steps (下一步打算)",
            ),
            (
                Code::SectionOrder,
                Detail::SectionOrder {
                    kind: SectionKind::Problems,
                    after: SectionKind::Next,
                },
                "“存在问题”部分排在“下一步打算”部分之后",
                "The problems section comes after the next steps section",
            ),
            (
                Code::HalfWidthPunctuation,
                Detail::HalfWidth(vec![
                    Mark {
                        offset: 0,
                        found: '(',
                        replacement: '（',
                    },
                    Mark {
                        offset: 3,
                        found: ')',
                        replacement: '）',
                    },
                ]),
                "中文里用了半角括号“()”，应为全角括号“（）”",
                "Half-width brackets “()” in Chinese text; use full-width “（）”",
            ),
            (
                Code::MixedQuotes,
                Detail::MixedQuotes {
                    curly: 4,
                    straight: 2,
                },
                "引号混用：弯引号“”4个，直引号\"\"2个",
                "Mixed quotes: 4 curly “” and 2 straight \"\"",
            ),
            (
                Code::UnbalancedPair,
                Detail::Unbalanced {
                    found: '（',
                    partner: '）',
                    opening: true,
                },
                "左括号 （ 之后缺少右括号 ）",
                "Opening bracket （ is never closed (no ） after it)",
            ),
            (
                Code::HandTypedNumber,
                Detail::TypedNumber("（一） ".into()),
                "开头手动输入了编号“（一）”，导出时会再编一次号",
                "Hand-typed number “（一）”: the export numbers it again",
            ),
            (
                Code::DuplicateSentence,
                Detail::Duplicate {
                    sentence: "严格执行党内组织生活制度，每月利用主题党日时间开展。".into(),
                    first: at,
                    first_at: Bilingual {
                        zh: "二、（一）正文".into(),
                        en: "二、（一） body".into(),
                    },
                },
                "这句话与二、（一）正文重复：“严格执行党内组织生活制度，每月利…”",
                "Repeats a sentence from 二、（一） body: “严格执行党内组织生活制度，每月利…”",
            ),
            (
                Code::DateOutsidePeriod,
                Detail::Date {
                    found: "2019年".into(),
                    period: "2020年上半年".into(),
                },
                "日期“2019年”不在本总结的时段（2020年上半年）内",
                "Date “2019年” is outside the period of this summary (2020年上半年)",
            ),
            (
                Code::Length,
                Detail::Length {
                    chars: 900,
                    target: 1000,
                },
                "全文900字，比目标1000字少100字",
                "900 characters, 100 fewer than the target of 1000",
            ),
            (
                Code::Wording,
                Detail::Wording {
                    wrong: "截止目前".into(),
                    right: "截至目前".into(),
                    note: None,
                },
                "“截止目前”应为“截至目前”",
                "“截止目前” should be “截至目前”",
            ),
            (
                Code::QuotedListComma,
                Detail::Removable("、".into()),
                "引号或书名号标出的并列项之间一般不用顿号",
                "No 顿号 (、) between items in quotes or book-title marks",
            ),
            (
                Code::StraySpace,
                Detail::Removable(" ".into()),
                "汉字之间多了空格",
                "Stray space between Chinese characters",
            ),
            (
                Code::MissingSignature,
                Detail::None,
                "落款有日期，但没有署名单位",
                "The signature has a date but no organization",
            ),
            (
                Code::MissingDate,
                Detail::None,
                "落款有署名单位，但没有日期",
                "The signature has an organization but no date",
            ),
            (
                Code::UnreportedPromise,
                Detail::Promise("强化党员教育管理".into()),
                "上一期承诺的“强化党员教育管理”在本期总结中没有提到",
                "The earlier promise “强化党员教育管理” is not mentioned in this summary",
            ),
        ];
        assert_eq!(details.len(), Code::ALL.len());
        for (code, detail, zh, en) in details {
            let f = Finding::new(code, at, detail);
            assert_eq!(f.message(Lang::Zh), zh);
            assert_eq!(f.message(Lang::En), en);
        }
        let closing = Finding::new(
            Code::UnbalancedPair,
            at,
            Detail::Unbalanced {
                found: '”',
                partner: '“',
                opening: false,
            },
        );
        assert_eq!(closing.message(Lang::Zh), "右引号 ” 之前缺少左引号 “");
        assert_eq!(
            closing.message(Lang::En),
            "Closing quote ” closes nothing (no “ before it)"
        );
        let found = check(
            &doc,
            &CheckOptions {
                target_chars: Some(10),
                ..CheckOptions::default()
            },
        );
        assert_eq!(found[0].short_location(&doc, Lang::Zh), "全文");
        assert_eq!(found[0].long_location(&doc, Lang::En), "document");
    }
}
