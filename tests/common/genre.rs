//! The genre's vocabulary for generated documents: words, section titles,
//! sentences and paragraphs ending as the genre's do, and signatures. No
//! numeral is in it, so generated text never holds item numbers of its own.

use proptest::prelude::*;
use zongjie::document::Signature;

pub const WORDS: [&str; 32] = [
    "党建",
    "工作",
    "组织",
    "学习",
    "教育",
    "管理",
    "制度",
    "落实",
    "思想",
    "政治",
    "作风",
    "廉政",
    "基层",
    "活动",
    "服务",
    "群众",
    "责任",
    "创新",
    "支部",
    "党员",
    "干部",
    "建设",
    "加强",
    "推进",
    "深化",
    "提升",
    "规范",
    "完善",
    "“主题党日”",
    "《条例》",
    "质量",
    "阵地",
];

pub const SECTION_TITLES: [&str; 14] = [
    "工作开展情况",
    "主要工作及成效",
    "重点党建工作任务完成情况",
    "党支部基本情况",
    "工作亮点",
    "主要经验",
    "存在的问题",
    "问题与不足",
    "下一步工作打算",
    "下半年工作计划",
    "其他事项",
    "党风廉政建设",
    "意识形态工作",
    "群团工作",
];

pub fn phrase(words: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS.to_vec()), words).prop_map(|w| w.concat())
}

/// `加强学习，推进建设。` — clauses joined by ，、 ending with 。
pub fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (phrase(1..=3), prop::sample::select(vec!["，", "、"])),
        1..=3,
    )
    .prop_map(|clauses| {
        let mut s: String = clauses.iter().map(|(c, sep)| format!("{c}{sep}")).collect();
        s.pop();
        s.push('。');
        s
    })
}

/// One paragraph of one to three sentences, ending with 。 or ：.
pub fn paragraph() -> impl Strategy<Value = String> {
    (prop::collection::vec(sentence(), 1..=3), any::<bool>()).prop_map(|(sentences, colon)| {
        let mut p = sentences.concat();
        if colon {
            p.pop();
            p.push('：');
        }
        p
    })
}

pub fn paragraphs(count: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(paragraph(), count).prop_map(|ps| ps.join("\n"))
}

pub fn signature() -> impl Strategy<Value = Signature> {
    (
        prop::option::of(phrase(1..=3)),
        prop::sample::select(vec![
            "2020年7月10日",
            "2021年12月31日",
            "二〇二二年一月五日",
        ]),
        any::<bool>(),
    )
        .prop_map(|(organization, date, present)| match present {
            false => Signature::default(),
            true => Signature {
                organization: organization.map_or(String::new(), |o| format!("中共{o}党支部")),
                date: date.to_string(),
            },
        })
}

/// Text as the normalisations leave it comparable: no whitespace, and
/// brackets and the full-width full stop of numbers in one form.
pub fn comparable(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '．' => '.',
            c => c,
        })
        .collect()
}
