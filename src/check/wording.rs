//! Wording a reviewer corrects: common wrong words of the genre (截止目前 →
//! 截至目前, 做为 → 作为, 的/地/得 in set phrases), extended by the writer's
//! own `wording.toml`; 顿号 between quoted items (“A”、“B”, 《A》、《B》,
//! which GB/T 15834 writes without it); and ASCII spaces typed between two
//! Chinese characters. A slogan in quotes (“党旗飘扬 XX战役”) keeps its
//! spaces: they are meant.

use super::scan::{FieldText, is_han};
use super::{Code, Detail, Finding, Location};

/// One wrong → right pair, with an optional note on why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordingRule {
    pub wrong: String,
    pub right: String,
    pub note: Option<String>,
}

/// The built-in pairs: (wrong, right, note). Each is wrong wherever it
/// appears, so a match is never a false alarm.
const BUILT_IN: &[(&str, &str, &str)] = &[
    ("截止目前", "截至目前", "“截至”后接时间点，“截止”表示停止"),
    ("截止到目前", "截至目前", "“截至”后接时间点，“截止”表示停止"),
    ("截止当前", "截至当前", "“截至”后接时间点，“截止”表示停止"),
    ("截止今年", "截至今年", "“截至”后接时间点，“截止”表示停止"),
    ("截止年底", "截至年底", "“截至”后接时间点，“截止”表示停止"),
    (
        "截止上半年",
        "截至上半年",
        "“截至”后接时间点，“截止”表示停止",
    ),
    ("做为", "作为", ""),
    ("认真的学习贯彻", "认真地学习贯彻", "修饰动词用“地”"),
    ("扎实的开展", "扎实地开展", "修饰动词用“地”"),
    ("积极的开展", "积极地开展", "修饰动词用“地”"),
    ("深入的开展", "深入地开展", "修饰动词用“地”"),
    ("有效的推进", "有效地推进", "修饰动词用“地”"),
    ("切实的加强", "切实地加强", "修饰动词用“地”"),
    ("不断的提高", "不断地提高", "修饰动词用“地”"),
    ("不断的加强", "不断地加强", "修饰动词用“地”"),
    ("取的成效", "取得成效", "“取得”"),
    ("取的成绩", "取得成绩", "“取得”"),
    ("取的了", "取得了", "“取得”"),
    ("落实的不够", "落实得不够", "补语前用“得”"),
    ("做的不够", "做得不够", "补语前用“得”"),
    ("按排", "安排", ""),
    ("部暑", "部署", ""),
    ("布署", "部署", ""),
    ("贯切落实", "贯彻落实", ""),
    ("学习贯切", "学习贯彻", ""),
    ("再接再励", "再接再厉", ""),
    ("以身做则", "以身作则", ""),
    ("按步就班", "按部就班", ""),
    ("既往开来", "继往开来", ""),
    ("融汇贯通", "融会贯通", ""),
    ("坚苦奋斗", "艰苦奋斗", ""),
    ("松驰", "松弛", ""),
    ("党风廉正", "党风廉政", ""),
    ("牢记使名", "牢记使命", ""),
    ("批平与自我批评", "批评与自我批评", ""),
    ("坐谈会", "座谈会", ""),
    ("签定责任书", "签订责任书", ""),
    ("党费收交", "党费收缴", ""),
];

/// The built-in rules.
pub fn built_in_wording() -> Vec<WordingRule> {
    BUILT_IN
        .iter()
        .map(|(wrong, right, note)| WordingRule {
            wrong: wrong.to_string(),
            right: right.to_string(),
            note: (!note.is_empty()).then(|| note.to_string()),
        })
        .collect()
}

/// Reads a `wording.toml` (`[[rule]] wrong = "…" right = "…" note = "…"`):
/// the rules it holds and a warning line for each it cannot use.
pub fn parse_wording(text: &str, origin: &str) -> (Vec<WordingRule>, Vec<String>) {
    let table: toml::Table = match toml::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            let (line, column) = e
                .span()
                .map_or((1, 1), |s| crate::document::line_column(text, s.start));
            return (
                Vec::new(),
                vec![format!("{origin}:{line}:{column}: {}", e.message().trim())],
            );
        }
    };
    let mut rules = Vec::new();
    let mut warnings = Vec::new();
    for (key, value) in &table {
        let Some(list) = value.as_array().filter(|_| key == "rule") else {
            warnings.push(format!(
                "{origin}: `{key}`: unknown key (expected [[rule]])"
            ));
            continue;
        };
        for (n, entry) in list.iter().enumerate() {
            let get = |k: &str| {
                entry
                    .get(k)
                    .and_then(|v| v.as_str())
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
            };
            match (get("wrong"), get("right")) {
                (Some(wrong), Some(right)) if wrong != right => rules.push(WordingRule {
                    wrong: wrong.to_string(),
                    right: right.to_string(),
                    note: get("note").map(str::to_string),
                }),
                _ => warnings.push(format!(
                    "{origin}: rule {}: needs `wrong` and `right`, two different texts",
                    n + 1
                )),
            }
        }
    }
    (rules, warnings)
}

/// The wrong words of a list of rules, found by their first character:
/// a draft is checked against every rule at every character, and most
/// characters start none (at 200k characters, trying each of the 45 rules
/// at each was two thirds of the check).
pub(super) struct WrongWords<'a> {
    /// Each rule's wrong word, in the rules' order; none empty.
    words: Vec<(Vec<char>, &'a WordingRule)>,
    /// The first characters, sorted, each with its words (indices into
    /// `words`, in the rules' order).
    first: Vec<(char, Vec<usize>)>,
}

impl<'a> WrongWords<'a> {
    pub fn new(rules: &'a [WordingRule]) -> Self {
        let words: Vec<(Vec<char>, &WordingRule)> = rules
            .iter()
            .map(|r| (r.wrong.chars().collect::<Vec<char>>(), r))
            .filter(|(w, _)| !w.is_empty())
            .collect();
        let mut first: Vec<(char, Vec<usize>)> = Vec::new();
        for (n, (word, _)) in words.iter().enumerate() {
            match first.binary_search_by_key(&word[0], |(c, _)| *c) {
                Ok(at) => first[at].1.push(n),
                Err(at) => first.insert(at, (word[0], vec![n])),
            }
        }
        WrongWords { words, first }
    }

    /// The longest wrong word starting at `chars[i]` (of equally long ones,
    /// the last rule's: a user's rule overrides a built-in one).
    fn longest_at(&self, chars: &[char], i: usize) -> Option<&(Vec<char>, &'a WordingRule)> {
        let at = self
            .first
            .binary_search_by_key(&chars[i], |(c, _)| *c)
            .ok()?;
        self.first[at]
            .1
            .iter()
            .map(|&n| &self.words[n])
            .filter(|(w, _)| chars[i..].starts_with(w))
            .max_by_key(|(w, _)| w.len())
    }

    /// Every wrong word in `text`, the longest where several start at one
    /// place; book titles are quoted as published and left alone.
    pub fn find(&self, text: &FieldText, out: &mut Vec<Finding>) {
        let chars = &text.chars;
        let mut i = 0;
        while i < chars.len() {
            match self.longest_at(chars, i) {
                Some((w, rule))
                    if !(i..i + w.len()).any(|k| text.book_title[k] || text.address[k]) =>
                {
                    out.push(wording_finding(text, i, w.len(), rule));
                    i += w.len();
                }
                _ => i += 1,
            }
        }
    }
}

/// The finding for `rule`'s wrong word at `start..start + len` of `text`.
fn wording_finding(text: &FieldText, start: usize, len: usize, rule: &WordingRule) -> Finding {
    Finding::new(
        Code::Wording,
        Location::new(text.field, start, len),
        Detail::Wording {
            wrong: rule.wrong.clone(),
            right: rule.right.clone(),
            note: rule.note.clone(),
        },
    )
}

/// `”、“` and `》、《`: the 顿号 between quoted or titled items.
pub(super) fn quoted_list_comma(text: &FieldText, out: &mut Vec<Finding>) {
    let chars = &text.chars;
    for i in 1..chars.len().saturating_sub(1) {
        let pair = (chars[i - 1], chars[i], chars[i + 1]);
        if matches!(pair, ('”', '、', '“') | ('》', '、', '《')) {
            out.push(Finding::new(
                Code::QuotedListComma,
                Location::new(text.field, i, 1),
                Detail::Removable("、".into()),
            ));
        }
    }
}

/// ASCII spaces between two Chinese characters, outside quotes.
pub(super) fn stray_spaces(text: &FieldText, out: &mut Vec<Finding>) {
    let chars = &text.chars;
    let mut quoted = false;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '“' => quoted = true,
            '”' | '\n' => quoted = false,
            _ => {}
        }
        if chars[i] != ' ' {
            i += 1;
            continue;
        }
        let start = i;
        while chars.get(i) == Some(&' ') {
            i += 1;
        }
        let between_han =
            start > 0 && is_han(chars[start - 1]) && chars.get(i).is_some_and(|&c| is_han(c));
        if between_han && !quoted && !text.book_title[start] && !text.address[start] {
            out.push(Finding::new(
                Code::StraySpace,
                Location::new(text.field, start, i - start),
                Detail::Removable(" ".repeat(i - start)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::test_support::*;
    use super::super::{CheckOptions, check};
    use super::*;
    use crate::document::Field;

    /// Every rule tried at every character: what `WrongWords` must find.
    fn wrong_words_by_trying_each(rules: &[WordingRule], text: &FieldText) -> Vec<Finding> {
        let chars = &text.chars;
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let found = rules
                .iter()
                .map(|r| (r.wrong.chars().collect::<Vec<char>>(), r))
                .filter(|(w, _)| !w.is_empty() && chars[i..].starts_with(w))
                .max_by_key(|(w, _)| w.len());
            match found {
                Some((w, rule))
                    if !(i..i + w.len()).any(|k| text.book_title[k] || text.address[k]) =>
                {
                    out.push(wording_finding(text, i, w.len(), rule));
                    i += w.len();
                }
                _ => i += 1,
            }
        }
        out
    }

    proptest! {
        /// Texts and rules from a few characters, so that words overlap,
        /// share first characters, nest, repeat (the later rule wins) and
        /// meet book titles and addresses.
        #[test]
        fn wrong_words_are_what_trying_every_rule_finds(
            words in prop::collection::vec("[截止至目前的《》bc.]{0,4}", 0..8),
            text in prop::collection::vec(prop::sample::select(vec![
                "截", "止", "至", "目前", "的", "《", "》", " ", "www.abc.cn", "截止目前",
            ]), 0..16),
        ) {
            let text = text.concat();
            let rules: Vec<WordingRule> = words
                .iter()
                .enumerate()
                .map(|(n, w)| WordingRule { wrong: w.clone(), right: format!("对{n}"), note: None })
                .collect();
            let text = FieldText::new(Field::Preamble, &text);
            let mut found = Vec::new();
            WrongWords::new(&rules).find(&text, &mut found);
            prop_assert_eq!(found, wrong_words_by_trying_each(&rules, &text));
        }
    }

    fn found(doc: &crate::document::Document, code: Code) -> Vec<String> {
        check(doc, &CheckOptions::default())
            .into_iter()
            .filter(|f| f.code == code)
            .map(|f| f.location.text_in(doc))
            .collect()
    }

    #[test]
    fn every_built_in_rule_is_found_and_fixed() {
        for rule in built_in_wording() {
            let mut doc = clean_document();
            doc.preamble = format!("我们{}这项工作。", rule.wrong);
            let findings: Vec<_> = check(&doc, &CheckOptions::default())
                .into_iter()
                .filter(|f| f.code == Code::Wording)
                .collect();
            assert_eq!(findings.len(), 1, "{}", rule.wrong);
            assert_eq!(findings[0].location.text_in(&doc), rule.wrong);
            let Some(crate::document::Edit::SetText { text, .. }) = findings[0].fix(&doc) else {
                panic!("{} has no fix", rule.wrong)
            };
            assert_eq!(text, format!("我们{}这项工作。", rule.right));
            // The right word is never itself wrong.
            doc.preamble = text;
            assert!(found(&doc, Code::Wording).is_empty(), "{}", rule.right);
        }
    }

    #[test]
    fn right_usage_is_not_reported() {
        let mut doc = clean_document();
        doc.preamble = "报名截止日期为7月1日，截至目前已报名20人。认真的学习态度、扎实的工作作风值得肯定，各项工作落实得很好，取得成效。".into();
        assert!(found(&doc, Code::Wording).is_empty());
        // A book title is quoted as published.
        doc.preamble = "学习了《做为党员的责任》。".into();
        assert!(found(&doc, Code::Wording).is_empty());
    }

    #[test]
    fn user_rules_extend_the_list_and_bad_ones_warn() {
        let (rules, warnings) = parse_wording(
            "[[rule]]\nwrong = \"两学一作\"\nright = \"两学一做\"\nnote = \"专有名词\"\n\n[[rule]]\nwrong = \"缺右边\"\n",
            "wording.toml",
        );
        assert_eq!(rules.len(), 1);
        assert_eq!(rules[0].note.as_deref(), Some("专有名词"));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("rule 2"), "{warnings:?}");
        let (none, warnings) = parse_wording("[[rule]\n", "wording.toml");
        assert!(none.is_empty());
        assert!(warnings[0].starts_with("wording.toml:1:"), "{warnings:?}");
        let mut doc = clean_document();
        doc.preamble = "深入开展“两学一作”学习教育。".into();
        let mut options = CheckOptions::default();
        assert!(
            check(&doc, &options)
                .iter()
                .all(|f| f.code != Code::Wording)
        );
        options.wording = rules;
        let findings = check(&doc, &options);
        let f = findings.iter().find(|f| f.code == Code::Wording).unwrap();
        assert_eq!(f.location.text_in(&doc), "两学一作");
        assert!(f.message(crate::i18n::Lang::Zh).contains("两学一做"));
        assert!(f.message(crate::i18n::Lang::Zh).contains("专有名词"));
    }

    #[test]
    fn comma_between_quoted_items() {
        let mut doc = clean_document();
        doc.preamble = "落实“三会一课”、“主题党日”，学习《党章》、《准则》。".into();
        let findings: Vec<_> = check(&doc, &CheckOptions::default())
            .into_iter()
            .filter(|f| f.code == Code::QuotedListComma)
            .collect();
        assert_eq!(findings.len(), 2);
        assert_eq!(
            crate::check::fix_all(&doc, &findings),
            Some(crate::document::Edit::Batch(vec![
                crate::document::Edit::SetText {
                    field: Field::Preamble,
                    text: "落实“三会一课”“主题党日”，学习《党章》《准则》。".into()
                }
            ]))
        );
        // Something between the quotes: the 顿号 stays (GB/T 15834 4.5.3.5).
        doc.preamble =
            "落实“三会一课”制度、“主题党日”制度，学习《党章》（2017年）、《准则》。".into();
        assert!(found(&doc, Code::QuotedListComma).is_empty());
    }

    #[test]
    fn stray_spaces_between_chinese_characters() {
        let mut doc = clean_document();
        doc.preamble = "支部 组织学习，党员  参加。\n开展“党旗飘扬 XX战役”和“战疫情 保用工”活动，用 Word 排版，共 12 人。".into();
        assert_eq!(found(&doc, Code::StraySpace), vec![" ", "  "]);
        let findings: Vec<_> = check(&doc, &CheckOptions::default())
            .into_iter()
            .filter(|f| f.code == Code::StraySpace)
            .collect();
        let Some(crate::document::Edit::Batch(edits)) = crate::check::fix_all(&doc, &findings)
        else {
            panic!()
        };
        let crate::document::Edit::SetText { text, .. } = &edits[0] else {
            panic!()
        };
        assert!(
            text.starts_with("支部组织学习，党员参加。\n开展“党旗飘扬 XX战役”"),
            "{text}"
        );
    }
}
