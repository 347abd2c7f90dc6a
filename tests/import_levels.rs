//! The genre's four levels (GB/T 9704: 一、 → （一） → 1. → （1）) through
//! plain text: written documents with three and four levels, with
//! `（一）` or `1、` as the top level, headings alone on a line and inline,
//! mixed `1.` and `1、`, each imported, checked for its structure, and
//! exported back byte for byte; and generated four-level documents for which
//! `import(export(doc)) == doc`.
//!
//! Generated documents stay within what plain text says unambiguously (as in
//! `import_roundtrip.rs`), and further: a level never numbers in a style of a
//! level above it; points numbered 一是…二是… in one run have at least two
//! points and no children (the export gives such children lines of their own,
//! which read back as the body of the last point); a point without children
//! keeps the default style for them.

mod common;

use common::genre::{SECTION_TITLES, paragraphs, phrase, signature};
use proptest::prelude::*;
use zongjie::document::{Document, Item, NumberingStyle, Section, SectionKind, TopStyle};
use zongjie::plain_text::{ExportOptions, Warning, export_text, import_text};

fn export(doc: &Document) -> String {
    export_text(doc, &ExportOptions::default())
}

/// Imports `text`, checks that it exports back exactly (it is written
/// normalised: no indentation, no blank lines) and returns the document.
fn round_trip(text: &str) -> (Document, Vec<Warning>) {
    let imported = import_text(text);
    assert_eq!(export(&imported.document), text);
    (imported.document, imported.warnings)
}

/// The outline of a point and its descendants: `heading` or the body's
/// start, indented by level.
fn outline(doc: &Document) -> Vec<String> {
    fn walk(out: &mut Vec<String>, items: &[Item], level: usize) {
        for item in items {
            let text = if item.heading.is_empty() {
                item.body.chars().take(6).collect()
            } else {
                item.heading.clone()
            };
            out.push(format!("{}{text}", "  ".repeat(level - 2)));
            walk(out, &item.children, level + 1);
        }
    }
    let mut out = Vec::new();
    for s in &doc.sections {
        out.push(format!("# {}", s.title));
        walk(&mut out, &s.items, 2);
    }
    out
}

const FOUR_LEVELS: &str = "\
XX市直机关工委2023年度党建工作总结
2023年，市直机关工委坚持以习近平新时代中国特色社会主义思想为指导，现将全年工作总结如下：
一、主要工作及成效
（一）加强思想建设。
1.抓好理论学习。全年组织集中学习24次。
2.开展主题教育。
（1）精心部署。制定实施方案。
（2）深入调研。形成调研报告12篇。
（3）检视整改。整改问题30个。
3.加强意识形态工作。落实意识形态工作责任制。
（二）加强组织建设。严格落实“三会一课”制度。
1.规范组织生活。
2.发展党员。全年发展党员15名。
（三）加强作风建设。开展作风纪律专项整治。
二、存在的问题
一是理论学习不够深入。二是创新意识不强。
三、下一步工作打算
（一）持续深化理论武装。
1、坚持第一议题制度。
2、用好学习强国平台。
（二）持续夯实基层基础。
中共XX市直机关工委
2024年1月10日
";

#[test]
fn four_levels_with_headings_alone_and_inline() {
    let (doc, warnings) = round_trip(FOUR_LEVELS);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(doc.top_style, TopStyle::Chinese);
    assert_eq!(
        outline(&doc),
        [
            "# 主要工作及成效",
            "加强思想建设",
            "  抓好理论学习",
            "  开展主题教育",
            "    精心部署",
            "    深入调研",
            "    检视整改",
            "  加强意识形态工作",
            "加强组织建设",
            "  规范组织生活",
            "  发展党员",
            "加强作风建设",
            "# 存在的问题",
            "理论学习不够深入",
            "创新意识不强",
            "# 下一步工作打算",
            "持续深化理论武装",
            "  坚持第一议题制度",
            "  用好学习强国平台",
            "持续夯实基层基础",
        ]
    );
    let work = &doc.sections[0];
    assert_eq!(work.style, NumberingStyle::Paren);
    let thought = &work.items[0];
    assert_eq!(
        (thought.heading.as_str(), thought.body.as_str()),
        ("加强思想建设", "")
    );
    assert_eq!(thought.child_style, NumberingStyle::Arabic);
    assert_eq!(thought.children[1].child_style, NumberingStyle::ArabicParen);
    assert_eq!(thought.children[1].children[1].body, "形成调研报告12篇。");
    // A heading inline with its body, children after the body.
    assert_eq!(work.items[1].body, "严格落实“三会一课”制度。");
    assert_eq!(work.items[1].children.len(), 2);
    assert_eq!(doc.sections[1].style, NumberingStyle::OrdinalInline);
    assert_eq!(
        doc.sections[2].items[0].child_style,
        NumberingStyle::ArabicComma
    );
    assert_eq!(doc.signature.date, "2024年1月10日");
}

/// A short branch summary numbered （一）（二）（三） at the top, 1、 below,
/// with an advertising line above the title.
const PAREN_TOP: &str = "\
本文由某某范文网整理，仅供参考
XX社区党支部2022年上半年工作总结
今年上半年，社区党支部围绕中心工作，扎实推进各项任务，现总结如下：
（一）政治理论学习
1、组织党员集中学习6次。
2、开展专题研讨2次。
（二）组织生活开展情况
1、召开支部党员大会2次。
2、开展主题党日活动6次。一是走访困难党员。二是开展志愿服务。
（三）存在的不足
部分党员参加活动不积极。
（四）下半年工作打算
1、加强学习。
2、规范管理。
XX社区党支部
2022年7月5日
";

#[test]
fn a_paren_top_level_with_arabic_points_below() {
    let imported = import_text(PAREN_TOP);
    let doc = &imported.document;
    assert_eq!(doc.title, "XX社区党支部2022年上半年工作总结");
    assert_eq!(doc.notes, "本文由某某范文网整理，仅供参考");
    assert!(matches!(
        imported.warnings.as_slice(),
        [Warning::LinesAboveTitle { count: 1, .. }]
    ));
    assert_eq!(doc.top_style, TopStyle::Paren);
    let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "政治理论学习",
            "组织生活开展情况",
            "存在的不足",
            "下半年工作打算"
        ]
    );
    let kinds: Vec<SectionKind> = doc.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds[2..], [SectionKind::Problems, SectionKind::Next]);
    assert_eq!(doc.sections[0].style, NumberingStyle::ArabicComma);
    assert_eq!(doc.sections[0].items.len(), 2);
    // 一是…二是… at level 3, inline after its item's text.
    let item = &doc.sections[1].items[1];
    assert_eq!(item.child_style, NumberingStyle::OrdinalInline);
    assert_eq!(item.children.len(), 2);
    assert_eq!(doc.sections[2].intro, "部分党员参加活动不积极。");
    assert_ne!(doc.sections[2].style, NumberingStyle::Paren);
    let from_title: String = PAREN_TOP
        .lines()
        .skip(1)
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(export(doc), from_title);
}

/// `1、` at the top, `（1）` below, and different depths in different sections.
const ARABIC_TOP: &str = "\
XX公司第一党支部2021年度工作总结
1、基本情况
支部现有党员23名。
2、主要工作
（1）抓学习。组织学习6次。
①原文照录的圆圈数字不是层级。
（2）抓队伍。发展党员1名，做到：一是培养入党积极分子3名。二是确定发展对象1名。
3、下一步打算
继续努力。
";

#[test]
fn an_arabic_comma_top_level() {
    let (doc, warnings) = round_trip(ARABIC_TOP);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(doc.top_style, TopStyle::ArabicComma);
    assert_eq!(doc.sections.len(), 3);
    let work = &doc.sections[1];
    assert_eq!(work.style, NumberingStyle::ArabicParen);
    assert_eq!(
        work.items[0].body,
        "组织学习6次。\n①原文照录的圆圈数字不是层级。"
    );
    let team = &work.items[1];
    assert_eq!(team.child_style, NumberingStyle::OrdinalInline);
    assert_eq!(team.body, "发展党员1名，做到：");
    assert_eq!(team.children[1].heading, "确定发展对象1名");
}

/// Mixed `1.` and `1、` in different items, a heading alone on its line with
/// `（1）` points directly below, ASCII brackets normalised.
#[test]
fn mixed_arabic_styles_and_ascii_brackets() {
    let text = "\
XX党委2020年工作总结
一、工作开展情况
(一)党建工作
1.支部建设。
(1)标准化。完成达标。
(2)规范化。
2.队伍建设。
(二)业务工作
1、生产经营。
2、安全管理。
二、下一步打算
坚持不懈。
";
    let imported = import_text(text);
    let doc = &imported.document;
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    let work = &doc.sections[0];
    assert_eq!(work.items[0].child_style, NumberingStyle::Arabic);
    assert_eq!(work.items[1].child_style, NumberingStyle::ArabicComma);
    assert_eq!(work.items[0].children[0].children.len(), 2);
    assert_eq!(work.items[0].heading, "");
    assert_eq!(work.items[0].body, "党建工作");
    assert_eq!(
        export(doc),
        text.replace("(一)", "（一）")
            .replace("(二)", "（二）")
            .replace("(1)", "（1）")
            .replace("(2)", "（2）")
    );
}

/// A `（一）` restarting inside a `（一）` point, or `1.5倍`, stays text.
#[test]
fn numbers_that_are_not_levels_stay_text() {
    let text = "\
XX支部2021年工作总结
一、工作开展情况
（一）学习。
1.5倍于去年。
（一）重复的编号。
（二）教育。
";
    let (doc, warnings) = round_trip(text);
    // The heading alone on its line stays the first line of the body.
    assert!(
        matches!(
            warnings.as_slice(),
            [Warning::HeadingsOnOwnLine { count: 1, .. }]
        ),
        "{warnings:?}"
    );
    let item = &doc.sections[0].items[0];
    assert!(item.children.is_empty());
    assert_eq!(item.body, "学习。\n1.5倍于去年。\n（一）重复的编号。");
}

fn heading() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(phrase(1..=3), 1..=2),
        prop::sample::select(vec!["", "", "！", "？", "；", "："]),
    )
        .prop_map(|(clauses, end)| format!("{}{end}", clauses.join("，")))
}

/// The styles a point's children may take below the styles `above`.
fn styles_below(above: &[NumberingStyle]) -> Vec<NumberingStyle> {
    let family = |s: NumberingStyle| match s {
        NumberingStyle::OrdinalInline => NumberingStyle::Ordinal,
        s => s,
    };
    NumberingStyle::ALL
        .into_iter()
        .filter(|s| !above.iter().any(|a| family(*a) == family(*s)))
        .collect()
}

/// Fixes a list of points numbered in `style`: one inline point is a
/// sentence (ordinal instead), inline points have no children.
fn fit(style: NumberingStyle, items: &mut [Item]) -> NumberingStyle {
    match (style, items.len()) {
        (NumberingStyle::OrdinalInline, 1) => NumberingStyle::Ordinal,
        (NumberingStyle::OrdinalInline, _) => {
            for item in items.iter_mut() {
                item.children.clear();
                item.child_style = Item::default().child_style;
            }
            style
        }
        (style, _) => style,
    }
}

/// A point at `level` (2 to 4) with children below the styles `above`.
fn point(level: usize, above: Vec<NumberingStyle>) -> BoxedStrategy<Item> {
    let leaf = (heading(), paragraphs(0..=2)).prop_map(|(h, b)| Item::new(h, b));
    if level == 4 {
        return leaf.boxed();
    }
    let choices = styles_below(&above);
    (leaf, prop::sample::select(choices), any::<bool>())
        .prop_flat_map(move |(item, style, has)| {
            let mut below = above.clone();
            below.push(style);
            let count = if has { 1..=4 } else { 0..=0 };
            prop::collection::vec(point(level + 1, below), count).prop_map(move |mut children| {
                let mut item = item.clone();
                if !children.is_empty() {
                    let style = fit(style, &mut children);
                    item = item.with_children(style, children);
                }
                item
            })
        })
        .boxed()
}

fn section(top: TopStyle) -> impl Strategy<Value = Section> {
    let above: Vec<NumberingStyle> = top.as_item_style().into_iter().collect();
    let styles = styles_below(&above);
    (
        prop::sample::select(SECTION_TITLES.to_vec()),
        prop::sample::select(styles),
        paragraphs(0..=2),
        any::<bool>(),
    )
        .prop_flat_map(move |(title, style, intro, has)| {
            let mut below = above.clone();
            below.push(style);
            let count = if has { 1..=5 } else { 0..=0 };
            let above = above.clone();
            prop::collection::vec(point(3, below), count).prop_map(move |mut items| {
                let kind = SectionKind::classify(title);
                let style = if items.is_empty() {
                    [
                        kind.default_style(),
                        NumberingStyle::ArabicComma,
                        NumberingStyle::Arabic,
                    ]
                    .into_iter()
                    .find(|s| styles_below(&above).contains(s))
                    .unwrap_or_default()
                } else {
                    fit(style, &mut items)
                };
                Section {
                    kind,
                    title: title.to_string(),
                    style,
                    intro: intro.clone(),
                    items,
                    target_chars: None,
                }
            })
        })
}

fn document() -> impl Strategy<Value = Document> {
    prop::sample::select(TopStyle::ALL.to_vec()).prop_flat_map(|top| {
        (
            phrase(1..=3),
            paragraphs(0..=2),
            prop::collection::vec(section(top), 1..=5),
            signature(),
        )
            .prop_map(move |(org, preamble, sections, signature)| Document {
                title: format!("{org}党委2021年度工作总结"),
                organization: format!("{org}党委"),
                period: "2021年度".into(),
                preamble,
                top_style: top,
                sections,
                signature,
                ..Document::default()
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn import_of_export_is_the_document_at_every_level(doc in document()) {
        let text = export(&doc);
        let imported = import_text(&text);
        prop_assert!(imported.warnings.is_empty(), "{:?}\n{}", imported.warnings, text);
        prop_assert_eq!(imported.document, doc, "{}", text);
    }
}
