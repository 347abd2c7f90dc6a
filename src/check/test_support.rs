//! Documents for the checks' tests: a clean summary in the genre's usual
//! shape, and small helpers to ask what was found.

use super::{CheckOptions, Code, Finding, Location, check};
use crate::document::{Document, Item, Section, SectionKind, Signature};

/// A complete 2020年上半年 summary with correct usage throughout
/// (book titles with full-width brackets, “” quotes, numbers, percentages).
pub fn clean_document() -> Document {
    let section = |kind, title: &str, intro: &str, items: &[(&str, &str)]| {
        let mut s = Section::new(kind, title);
        s.intro = intro.into();
        s.items = items.iter().map(|(h, b)| Item::new(*h, *b)).collect();
        s
    };
    Document {
        title: "县自然资源局党支部2020年上半年党建工作总结".into(),
        organization: "县自然资源局党支部".into(),
        period: "2020年上半年".into(),
        preamble: "2020年上半年，县自然资源局党支部在局党委的正确领导下，以习近平新时代中国特色社会主义思想为指导，深入推进“不忘初心、牢记使命”主题教育常态化制度化，扎实推进党建工作取得了新成效。现将有关情况总结如下：".into(),
        sections: vec![
            section(
                SectionKind::Basic,
                "党支部基本情况",
                "党支部现有党员23名，其中正式党员21名、预备党员2名，下设3个党小组。",
                &[],
            ),
            section(
                SectionKind::Work,
                "工作开展情况",
                "",
                &[
                    (
                        "坚持强化理论武装，不断提高政治站位",
                        "重点学习了《习近平谈治国理政（第二卷）》《习近平新时代中国特色社会主义思想三十讲》，上半年组织集中学习12次。积极探索“互联网+”教育模式，督促全体人员利用“学习强国”平台做好在线学习。",
                    ),
                    (
                        "坚持规范组织建设，不断提高标准化规范化水平",
                        "依据《2020年党建工作要点》，研究细化了“三会一课”、主题党日等8个方面26项落实措施，党费收缴率达到100%。",
                    ),
                ],
            ),
            section(
                SectionKind::Problems,
                "存在的问题",
                "",
                &[
                    (
                        "党建工作方法上缺乏创新",
                        "党建与业务融合度不够，党建品牌创建载体单一，特色不够突出。",
                    ),
                    (
                        "党员作用发挥有待加强",
                        "个别党员宗旨意识不够强，缺乏服务群众的主动性。",
                    ),
                ],
            ),
            section(
                SectionKind::Next,
                "下一步打算",
                "",
                &[
                    (
                        "强化党的政治建设",
                        "坚持把党的政治建设摆在首位，不断强化“四个意识”，落实七项组织生活制度。",
                    ),
                    (
                        "强化党员教育管理",
                        "筹划组织纪念“七一”系列活动，做好新党员的培养和发展工作。",
                    ),
                ],
            ),
        ],
        signature: Signature {
            organization: "中共县自然资源局党支部".into(),
            date: "2020年7月10日".into(),
        },
        ..Document::default()
    }
}

/// A short 2020年上半年 summary whose only item has `body` (at `ItemBody(0, 0)`).
pub fn doc_with_body(body: &str) -> Document {
    let mut s = Section::new(SectionKind::Work, "工作开展情况");
    s.items.push(Item::new("加强理论学习", body));
    Document {
        title: "县自然资源局党支部2020年上半年党建工作总结".into(),
        period: "2020年上半年".into(),
        sections: vec![s],
        ..Document::default()
    }
}

/// The findings of one code.
pub fn findings(doc: &Document, code: Code) -> Vec<Finding> {
    check(doc, &CheckOptions::default())
        .into_iter()
        .filter(|f| f.code == code)
        .collect()
}

pub fn locations(doc: &Document, code: Code) -> Vec<Location> {
    findings(doc, code).iter().map(|f| f.location).collect()
}

/// The codes of every finding, in order.
pub fn codes(doc: &Document) -> Vec<Code> {
    check(doc, &CheckOptions::default())
        .iter()
        .map(|f| f.code)
        .collect()
}

/// The text at each finding of `code`.
pub fn texts_of(doc: &Document, code: Code) -> Vec<String> {
    findings(doc, code)
        .iter()
        .map(|f| f.location.text_in(doc))
        .collect()
}

/// The placeholders found in a body text.
pub fn placeholders_in(body: &str) -> Vec<String> {
    texts_of(&doc_with_body(body), Code::Placeholder)
}
