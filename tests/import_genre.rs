//! Import of summaries of the genre that are not in the corpus, written for
//! these tests: other section titles, every item style, ASCII brackets,
//! numbers past ten, inline points with and without an intro, sections
//! without items, signatures, Windows line ends and GB18030, and the
//! traps of the genre (`1.5倍`, `2020年`, `二、三季度`, a restarted `一、`).
//! Each is imported, exported again and compared with its normalised text.

use zongjie::document::{Document, NumberingStyle, SectionKind};
use zongjie::plain_text::{
    ExportOptions, TextEncoding, Warning, encode, export_text, import_bytes, import_text,
};

/// What the export of an import must give: the lines trimmed, blank lines
/// gone, and `(十一)` / `(3)` item numbers written with full-width brackets.
fn normalised(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let ascii_number = line.strip_prefix('(').and_then(|rest| {
            let close = rest.find(')')?;
            let inner = &rest[..close];
            let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
            (!inner.is_empty() && inner.chars().all(numeral)).then(|| (inner, &rest[close + 1..]))
        });
        match ascii_number {
            Some((inner, rest)) => out.push_str(&format!("（{inner}）{rest}")),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

fn export(doc: &Document) -> String {
    export_text(doc, &ExportOptions::default())
}

/// Imports `text`, checks the round trip and returns the document.
fn round_trip(text: &str) -> (Document, Vec<Warning>) {
    let imported = import_text(text);
    assert_eq!(export(&imported.document), normalised(text));
    (imported.document, imported.warnings)
}

fn styles(doc: &Document) -> Vec<NumberingStyle> {
    doc.sections.iter().map(|s| s.style).collect()
}

fn kinds(doc: &Document) -> Vec<SectionKind> {
    doc.sections.iter().map(|s| s.kind).collect()
}

fn item_counts(doc: &Document) -> Vec<usize> {
    doc.sections.iter().map(|s| s.items.len()).collect()
}

const COMMITTEE: &str = "\
中共XX县委组织部2021年度党建工作总结

　　2021年，部机关党支部在县委的坚强领导下，认真贯彻落实新时代党的建设总要求，现将全年工作总结如下：
一、主要工作及成效
　　全年共召开支部委员会会议12次，党员大会4次。
(一)突出政治引领。坚持第一议题制度。
(二)抓实理论学习。开展集中学习24次，参学率1.5倍于去年。
1.5倍的增长主要来自线上学习。
(三)严格组织生活。落实“三会一课”制度。
(四)规范发展党员。发展党员2名。
(五)加强教育管理。组织党员培训3期。
(六)推进标准化建设。完成达标创建。
(七)深化融合发展。党建与业务同谋划。
(八)强化作风建设。开展专项整治。
(九)严明纪律规矩。开展警示教育。
(十)做好宣传工作。编发简报20期。
(十一)加强群团工作。支持工会开展活动。
(十二)落实主体责任！签订责任书15份。
二、特色亮点
一是打造“红色先锋”品牌。各支部结合实际创建品牌。
二是推行积分制管理。党员积分与评先评优挂钩。
三、存在的主要问题
一是理论学习不够深入；二是党建业务融合不够紧密；三是党员作用发挥不够充分。
四、2022年工作思路
1.持续加强政治建设。把党的政治建设摆在首位。
2.持续深化理论武装。深入学习。
2020年以来形成的学习制度要坚持。
3.持续夯实组织基础。推进标准化建设。
中共XX县委组织部
2022年1月5日
";

#[test]
fn committee_year_end_summary() {
    let (doc, warnings) = round_trip(COMMITTEE);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(doc.title, "中共XX县委组织部2021年度党建工作总结");
    assert_eq!(doc.organization, "中共XX县委组织部");
    assert_eq!(doc.period, "2021年度");
    assert!(doc.preamble.ends_with("总结如下："));
    use NumberingStyle::*;
    use SectionKind::*;
    assert_eq!(kinds(&doc), [Work, Highlights, Problems, Next]);
    assert_eq!(styles(&doc), [Paren, Ordinal, OrdinalInline, Arabic]);
    assert_eq!(item_counts(&doc), [12, 2, 3, 3]);
    let work = &doc.sections[0];
    assert_eq!(work.intro, "全年共召开支部委员会会议12次，党员大会4次。");
    assert_eq!(
        work.items[1].body,
        "开展集中学习24次，参学率1.5倍于去年。\n1.5倍的增长主要来自线上学习。"
    );
    assert_eq!(work.items[10].heading, "加强群团工作");
    assert_eq!(work.items[11].heading, "落实主体责任！");
    let problems = &doc.sections[2];
    assert_eq!(problems.intro, "");
    assert_eq!(problems.items[0].heading, "理论学习不够深入；");
    assert_eq!(problems.items[2].heading, "党员作用发挥不够充分");
    assert_eq!(
        doc.sections[3].items[1].body,
        "深入学习。\n2020年以来形成的学习制度要坚持。"
    );
    assert_eq!(doc.signature.organization, "中共XX县委组织部");
    assert_eq!(doc.signature.date, "2022年1月5日");
}

/// A department's general summary: sections past ten, sections without
/// items, `1、` and `（1）` items, an intro sentence before 一是…二是….
const GENERAL: &str = "\
XX市统计局2023年上半年工作总结
上半年，我局紧紧围绕全年目标任务，扎实推进各项工作。
现将有关情况汇报如下：
一、基本概况
全局共有干部职工56人，其中党员41人。
二、统计调查工作
1、完成月度调查。按时报送各类报表。
2、开展专项调查。完成农业普查前期准备。
3、加强数据质量管理。
三、统计服务工作
（1）编印统计手册。发放至各部门。
（2）开展统计分析。形成分析报告8篇。
四、法治统计
五、队伍建设
六、党风廉政
七、信息化建设
八、宣传工作
九、保密工作
十、安全生产
十一、存在的不足
对照上级要求，还存在一些差距：一是统计基础还不够扎实，部分企业报表质量不高。二是分析研究的深度不够。
十二、下半年工作安排
（1）全力抓好年报准备。
（2）深化统计改革。推进数据共享。
二〇二三年七月三日
";

#[test]
fn general_summary_past_ten_sections() {
    let (doc, warnings) = round_trip(GENERAL);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(doc.sections.len(), 12);
    assert_eq!(doc.preamble.lines().count(), 2);
    use NumberingStyle::*;
    assert_eq!(doc.sections[0].kind, SectionKind::Basic);
    assert_eq!(doc.sections[1].style, ArabicComma);
    assert_eq!(doc.sections[2].style, ArabicParen);
    for section in &doc.sections[3..10] {
        assert!(section.items.is_empty() && section.intro.is_empty());
    }
    let problems = &doc.sections[10];
    assert_eq!(problems.kind, SectionKind::Problems);
    assert_eq!(problems.style, OrdinalInline);
    assert_eq!(problems.intro, "对照上级要求，还存在一些差距：");
    assert_eq!(problems.items[1].heading, "分析研究的深度不够");
    assert_eq!(doc.sections[11].kind, SectionKind::Next);
    assert_eq!(doc.signature.organization, "");
    assert_eq!(doc.signature.date, "二〇二三年七月三日");
}

#[test]
fn windows_line_ends_and_gb18030_give_the_same_draft() {
    let utf8 = import_text(GENERAL).document;
    let crlf = GENERAL.replace('\n', "\r\n");
    for bytes in [
        crlf.as_bytes().to_vec(),
        encode(&crlf, TextEncoding::Gb18030),
        encode(GENERAL, TextEncoding::Utf8Bom),
    ] {
        let imported = import_bytes(&bytes).unwrap();
        assert_eq!(imported.document, utf8);
    }
    let gb = import_bytes(&encode(COMMITTEE, TextEncoding::Gb18030)).unwrap();
    assert_eq!(gb.warnings, [Warning::ReadAs("GB18030")]);
    assert_eq!(gb.document, import_text(COMMITTEE).document);
}

/// Inline points whose body runs over several paragraphs, the export's
/// layout: the next point continues on the line of the last paragraph.
#[test]
fn inline_points_over_several_paragraphs() {
    let text = "\
XX党支部2022年党建工作总结
一、存在问题
主要表现在：一是学习不够深入。部分党员学习流于形式。
具体表现为笔记多、思考少。二是创新不足。三是作用发挥不够。
";
    let (doc, warnings) = round_trip(text);
    assert!(warnings.is_empty(), "{warnings:?}");
    let s = &doc.sections[0];
    assert_eq!(s.style, NumberingStyle::OrdinalInline);
    assert_eq!(s.intro, "主要表现在：");
    assert_eq!(s.items.len(), 3);
    assert_eq!(s.items[0].heading, "学习不够深入");
    assert_eq!(
        s.items[0].body,
        "部分党员学习流于形式。\n具体表现为笔记多、思考少。"
    );
}

/// A paren item's text may itself say 一是…二是…: those are its points one
/// level down (ordinal-inline at level 3), and a later paragraph that starts
/// with 一是 stays in the body of the point before it.
#[test]
fn points_inside_an_item_are_its_children() {
    let text = "\
XX局机关党委2020年工作总结
一、工作开展情况
（一）加强教育管理。一是认真开展组织生活。二是搞好创先争优。
一是这一段也属于第一项。
（二）改进作风。统一是前提，二是关键。
";
    let (doc, warnings) = round_trip(text);
    // The second point's heading ends its line: it stays in its body.
    assert!(
        matches!(
            warnings.as_slice(),
            [Warning::HeadingsOnOwnLine { count: 1, .. }]
        ),
        "{warnings:?}"
    );
    let s = &doc.sections[0];
    assert_eq!(s.style, NumberingStyle::Paren);
    assert_eq!(s.items.len(), 2);
    let item = &s.items[0];
    assert_eq!(
        (item.heading.as_str(), item.body.as_str()),
        ("加强教育管理", "")
    );
    assert_eq!(item.child_style, NumberingStyle::OrdinalInline);
    let children: Vec<(&str, &str)> = item
        .children
        .iter()
        .map(|c| (c.heading.as_str(), c.body.as_str()))
        .collect();
    assert_eq!(
        children,
        [
            ("认真开展组织生活", ""),
            ("", "搞好创先争优。\n一是这一段也属于第一项。")
        ]
    );
    assert_eq!(s.items[1].body, "统一是前提，二是关键。");
}

#[test]
fn numbers_that_are_not_structure_stay_text() {
    let text = "\
XX支部2021年上半年工作总结
一、工作开展情况
二、三季度的任务已提前部署。
一、二月份完成了换届。
（二）这不是第一项。
2.这也不是。
二、存在问题
一、这是小标题式的重复编号，不开新节。
三、下一步打算
";
    let (doc, warnings) = round_trip(text);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(doc.sections.len(), 3);
    assert!(doc.sections[0].items.is_empty());
    assert_eq!(doc.sections[0].intro.lines().count(), 4);
    assert_eq!(
        doc.sections[1].intro,
        "一、这是小标题式的重复编号，不开新节。"
    );
}

#[test]
fn heading_on_its_own_line_keeps_the_layout() {
    let text = "\
XX党支部2020年上半年党建工作总结
一、工作开展情况
（一）政治建设方面
制定了学习计划。
（二）思想建设方面。开展学习。
";
    let (doc, warnings) = round_trip(text);
    assert_eq!(
        warnings,
        [Warning::HeadingsOnOwnLine {
            count: 1,
            section: 1,
            line: 2
        }]
    );
    let items = &doc.sections[0].items;
    assert_eq!(items[0].heading, "");
    assert_eq!(items[0].body, "政治建设方面\n制定了学习计划。");
    assert_eq!(items[1].heading, "思想建设方面");
}

/// The export would join an intro paragraph with the 一是… paragraph after
/// it, so that section keeps its text as intro, with a warning.
#[test]
fn inline_points_after_a_separate_intro_paragraph_stay_text() {
    let text = "\
XX党支部2020年上半年党建工作总结
一、存在问题
对照要求，我们还存在一些不足。
一是学习不够。二是创新不够。
二、下一步打算
（一）加强学习。
";
    let (doc, warnings) = round_trip(text);
    assert_eq!(
        warnings,
        [Warning::ItemsKeptAsText {
            section: 1,
            line: 2
        }]
    );
    assert!(doc.sections[0].items.is_empty());
    assert_eq!(doc.sections[0].intro.lines().count(), 2);
    assert_eq!(doc.sections[1].items.len(), 1);
}

#[test]
fn lines_above_the_title_go_to_the_notes() {
    let text = "\
内部资料 注意保存
素材：去年的总结见附件


XX党支部2020年上半年党建工作总结
今年以来，我支部扎实开展工作。现将有关情况总结如下：
一、工作开展情况
（一）学习。按计划学习。
";
    let imported = import_text(text);
    let doc = &imported.document;
    assert_eq!(doc.title, "XX党支部2020年上半年党建工作总结");
    assert_eq!(doc.notes, "内部资料 注意保存\n素材：去年的总结见附件");
    assert!(matches!(
        imported.warnings.as_slice(),
        [Warning::LinesAboveTitle {
            count: 2,
            first_line: 1,
            last_line: 2,
            ..
        }]
    ));
    let from_title: String = text.lines().skip(4).map(|l| format!("{l}\n")).collect();
    assert_eq!(export(doc), from_title);
}

#[test]
fn no_title_and_no_sections_are_reported() {
    let (doc, warnings) = round_trip("一、工作开展情况\n（一）学习。按计划学习。\n");
    assert_eq!(warnings, [Warning::NoTitle]);
    assert_eq!(doc.title, "");
    assert_eq!(doc.sections.len(), 1);

    let prose = "今年以来，我们做了很多工作。\n取得了一定成效，也存在一些不足。\n";
    let (doc, warnings) = round_trip(prose);
    assert_eq!(warnings, [Warning::NoSections]);
    assert_eq!(doc.preamble, prose.trim_end());
    assert!(doc.sections.is_empty() && doc.title.is_empty());
}

/// Indentation (full-width and ASCII), blank lines between paragraphs,
/// spaces after numbers: dropped, as the export never writes them.
#[test]
fn layout_of_word_processors_is_normalised() {
    let text = [
        "　　XX党支部2020年上半年党建工作总结",
        "",
        "　　今年以来，我支部扎实开展工作。",
        "",
        "    一、 工作开展情况",
        "",
        "\t（一）学习。按计划学习。   ",
        "",
        "　　(二)　组织。按期换届。",
    ]
    .join("\n");
    let imported = import_text(&text);
    assert_eq!(
        export(&imported.document),
        "XX党支部2020年上半年党建工作总结\n今年以来，我支部扎实开展工作。\n一、工作开展情况\n（一）学习。按计划学习。\n（二）组织。按期换届。\n"
    );
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn a_title_set_on_two_lines_is_one_title() {
    let text = "\
中共XX县自然资源局机关支部委员会
2023年度党建工作总结
2023年，机关支部扎实开展工作。现将全年工作总结如下：
一、主要工作及成效
（一）强化政治引领。全年开展集中学习24次。
";
    let imported = import_text(text);
    let doc = &imported.document;
    assert_eq!(
        doc.title,
        "中共XX县自然资源局机关支部委员会2023年度党建工作总结"
    );
    assert_eq!(doc.organization, "中共XX县自然资源局机关支部委员会");
    assert_eq!(doc.period, "2023年度");
    assert_eq!(doc.notes, "");
    assert_eq!(imported.warnings, [Warning::TitleJoined { first_line: 1 }]);
    // Exported, it is one line; read back, the same draft.
    let exported = export(doc);
    assert!(exported.starts_with("中共XX县自然资源局机关支部委员会2023年度党建工作总结\n2023年"));
    assert_eq!(&import_text(&exported).document, doc);
}

#[test]
fn only_an_organization_right_above_a_title_without_one_is_joined() {
    for (above, title) in [
        // Its own organization: the line above is something else.
        ("中共XX县委组织部", "XX党支部2020年上半年党建工作总结"),
        // Not an organization.
        ("内部资料", "2020年上半年党建工作总结"),
        ("来源：XX县人民政府门户网", "2020年上半年党建工作总结"),
        ("2020年7月10日", "2020年上半年党建工作总结"),
    ] {
        let text = format!("{above}\n{title}\n导语。\n一、工作\n（一）学习。按计划学习。\n");
        let doc = import_text(&text).document;
        assert_eq!(doc.title, title, "{above}");
        assert_eq!(doc.notes, above);
    }
    // A blank line between them: the organization line stays above.
    let doc = import_text("XX市委组织部\n\n2020年工作总结\n导语。\n一、工作\n").document;
    assert_eq!(doc.title, "2020年工作总结");
    assert_eq!(doc.notes, "XX市委组织部");
}
