//! A top-level part whose text runs on from its title on the same line —
//! `（三）存在问题。一是学习不够深入……二是……` — imports as a part titled
//! `存在问题。` with that text as its first paragraph, read by the rules
//! that read a paragraph below a title (`一是…二是…` inline, an intro, `1.`
//! points). The oracle is the same summary with each title on a line of
//! its own, a layout the importer already reads: both give one draft.
//! No character is lost (the mark after a title stays with it), and the
//! export, imported again, gives the same draft.

mod common;

use common::genre::{SECTION_TITLES, comparable, phrase};
use proptest::prelude::*;
use zongjie::document::{Document, NumberingStyle, SectionKind, TopStyle};
use zongjie::plain_text::{ExportOptions, export_text, import_text};

fn export(doc: &Document) -> String {
    export_text(doc, &ExportOptions::default())
}

/// The run-on lines of `text` with each title on a line of its own:
/// `titles[k]` (its mark included) right after the number of part k.
fn titles_on_their_own_lines(text: &str, titles: &[&str]) -> String {
    let mut out = String::new();
    let mut next = titles.iter().peekable();
    for line in text.lines() {
        let found = next.peek().and_then(|t| {
            let at = line.find(*t)?;
            (line[..at].chars().count() <= 4).then_some(at + t.len())
        });
        if let Some(at) = found {
            next.next();
            out.push_str(&line[..at]);
            out.push('\n');
            out.push_str(&line[at..]);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    assert!(next.peek().is_none(), "every title found in {text}");
    out
}

/// Imports `text`; checks it is the draft of `own_lines` (the same text,
/// titles on their own lines), that nothing is lost, and that the export
/// is `own_lines` and imports again as the same draft.
fn import_checked(text: &str, own_lines: &str) -> Document {
    let imported = import_text(text);
    let doc = imported.document;
    let oracle = import_text(own_lines);
    assert_eq!(doc, oracle.document, "{text}");
    assert_eq!(imported.warnings, oracle.warnings);
    let exported = export(&doc);
    assert_eq!(
        comparable(&format!("{}{exported}", doc.notes)),
        comparable(text)
    );
    let expected: String = own_lines
        .lines()
        .filter(|l| !l.trim().is_empty())
        .skip_while(|l| !doc.title.is_empty() && *l != doc.title)
        .map(|l| format!("{}\n", l.trim()))
        .collect();
    assert_eq!(exported, expected);
    assert_eq!(import_text(&exported).document, doc, "{exported}");
    doc
}

const PAREN_TOP: &str = "\
XX社区党支部2023年上半年党建工作总结
今年以来，支部坚持以党建引领社区治理，现将有关情况总结如下：
（一）工作开展情况。支部全年组织集中学习12次，开展主题党日6次。
1.抓学习。组织党员集中学习。
2.抓队伍。发展党员1名。
（二）存在问题。一是学习不够深入，个别党员满足于读原文、抄笔记。二是活动形式单一，吸引力不强。三是制度执行不严，“三会一课”偶有推迟。
（三）下一步打算：一是加强理论学习。二是丰富活动载体。
XX社区党支部
2023年7月5日
";

#[test]
fn a_paren_top_level_with_its_text_on_the_title_line() {
    let own =
        titles_on_their_own_lines(PAREN_TOP, &["工作开展情况。", "存在问题。", "下一步打算："]);
    let doc = import_checked(PAREN_TOP, &own);
    assert_eq!(doc.top_style, TopStyle::Paren);
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["工作开展情况。", "存在问题。", "下一步打算："]);
    let kinds: Vec<SectionKind> = doc.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [SectionKind::Work, SectionKind::Problems, SectionKind::Next]
    );
    let work = &doc.sections[0];
    assert_eq!(work.intro, "支部全年组织集中学习12次，开展主题党日6次。");
    assert_eq!(work.items.len(), 2);
    let problems = &doc.sections[1];
    assert_eq!(problems.intro, "");
    assert_eq!(problems.style, NumberingStyle::OrdinalInline);
    assert_eq!(problems.items.len(), 3);
    assert!(problems.items[2].heading.contains("“三会一课”"));
    assert_eq!(doc.sections[2].style, NumberingStyle::OrdinalInline);
    assert_eq!(doc.sections[2].items.len(), 2);
    assert_eq!(doc.signature.date, "2023年7月5日");
}

/// No mark between title and text: the words before `一是` that name a
/// standard part are its title.
const NO_MARK: &str = "\
XX党支部2023年度工作总结
（一）工作开展情况
全年组织集中学习12次。
（二）存在问题一是学习不够深入。二是活动形式单一。
（三）下一步打算一是加强学习，二是规范管理。
";

#[test]
fn without_a_mark_the_words_naming_the_part_are_its_title() {
    let own = titles_on_their_own_lines(NO_MARK, &["存在问题", "下一步打算"]);
    let doc = import_checked(NO_MARK, &own);
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["工作开展情况", "存在问题", "下一步打算"]);
    assert_eq!(doc.sections[1].items.len(), 2);
    assert_eq!(doc.sections[2].items.len(), 2);
    assert_eq!(doc.sections[2].style, NumberingStyle::OrdinalInline);
}

/// `一、` parts too, with `。`, `：` and nothing between title and text.
const CHINESE_TOP: &str = "\
市X局2023年上半年党建工作总结
上半年，局党组认真落实全面从严治党主体责任，现总结如下：
一、工作开展情况
（一）政治建设方面。制定年度学习计划。
（二）思想建设方面。开展专题研讨4次。
二、存在的问题。一是理论学习不够系统。二是基层党建发展不平衡。
三、下半年工作计划：（一）强化政治建设。坚持第一议题制度。
（二）强化队伍建设。开展轮训。
四、问题与不足一是作风不实，二是创新不够。
";

#[test]
fn chinese_numbered_parts_with_their_text_on_the_title_line() {
    let own = titles_on_their_own_lines(
        CHINESE_TOP,
        &["存在的问题。", "下半年工作计划：", "问题与不足"],
    );
    let doc = import_checked(CHINESE_TOP, &own);
    assert_eq!(doc.top_style, TopStyle::Chinese);
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "工作开展情况",
            "存在的问题。",
            "下半年工作计划：",
            "问题与不足"
        ]
    );
    assert_eq!(doc.sections[1].items.len(), 2);
    let plan = &doc.sections[2];
    assert_eq!(plan.kind, SectionKind::Next);
    assert_eq!(plan.style, NumberingStyle::Paren);
    assert_eq!(plan.items[0].heading, "强化政治建设");
    assert_eq!(plan.items[1].body, "开展轮训。");
    assert_eq!(doc.sections[3].items.len(), 2);
}

/// What stays a title alone, as before: a title with a colon inside it and
/// no numbered point after, one ending with its mark, and a first sentence
/// too long for a title.
#[test]
fn titles_that_merely_hold_a_mark_stay_whole() {
    let long = "长".repeat(41);
    let text = format!(
        "XX党支部2023年工作总结\n\
         一、强化政治引领：把牢正确方向\n正文。\n\
         二、存在问题。\n一是甲。二是乙。\n\
         三、{long}。正文。\n"
    );
    let doc = import_text(&text).document;
    let titles: Vec<String> = doc.sections.iter().map(|s| s.title.clone()).collect();
    assert_eq!(
        titles,
        [
            "强化政治引领：把牢正确方向".to_string(),
            "存在问题。".to_string(),
            format!("{long}。正文。"),
        ]
    );
    assert_eq!(
        comparable(&export(&doc)),
        comparable(&text),
        "every character kept"
    );
}

fn top_number(style: TopStyle, n: usize) -> String {
    let numerals = ["一", "二", "三", "四", "五", "六"];
    match style {
        TopStyle::Chinese => format!("{}、", numerals[n]),
        TopStyle::Paren => format!("（{}）", numerals[n]),
        TopStyle::ArabicComma => format!("{}、", n + 1),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Parts of any standard title, any mark (or none where the title names
    /// a standard part), `一是…二是…` or a sentence after it: the same draft
    /// as with the titles on their own lines, every character kept, and the
    /// export imported again is the same draft.
    #[test]
    fn run_on_parts_read_as_titles_on_their_own_lines(
        top in prop::sample::select(vec![TopStyle::Chinese, TopStyle::Paren, TopStyle::ArabicComma]),
        parts in prop::collection::vec(
            (
                prop::sample::select(SECTION_TITLES.to_vec()),
                prop::sample::select(vec!["。", "：", ""]),
                prop::collection::vec(phrase(1..=3), 1..=4),
                any::<bool>(),
            ),
            1..=6,
        ),
    ) {
        let mut text = String::from("XX党支部2023年度工作总结\n导语。\n");
        let mut titles = Vec::new();
        for (title, mark, points, inline) in &parts {
            // Without a mark only a standard part's name ends a title, and
            // only before 一是…二是….
            let inline = *inline || mark.is_empty();
            let points = if inline && points.len() < 2 {
                vec![points[0].clone(), points[0].clone()]
            } else {
                points.clone()
            };
            if mark.is_empty() && SectionKind::classify(title) == SectionKind::Custom {
                continue;
            }
            let body: String = if inline {
                points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| format!("{}是{p}。", ["一", "二", "三", "四"][i]))
                    .collect()
            } else {
                points.iter().map(|p| format!("{p}。")).collect()
            };
            // A colon ends a title only before a numbered point.
            let mark = if *mark == "：" && !inline { "。" } else { *mark };
            text.push_str(&format!("{}{title}{mark}{body}\n", top_number(top, titles.len())));
            titles.push(format!("{title}{mark}"));
        }
        prop_assume!(!titles.is_empty());
        let title_refs: Vec<&str> = titles.iter().map(String::as_str).collect();
        let own = titles_on_their_own_lines(&text, &title_refs);
        let doc = import_checked(&text, &own);
        let read: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
        prop_assert_eq!(read, title_refs);
    }
}
