//! Where a finding is, in words: a field named briefly (`二、（一）正文`) or
//! with its section's title, in either language, and its stable key in
//! `--json` output. Numbers are the live ones, as the outline shows them.

use crate::document::{Document, Field, render_item_number, render_top_number};
use crate::i18n::Lang;

/// Section titles in a long location are cut at this many characters.
const TITLE_CHARS: usize = 12;

/// The name of a field's part, without its section and item.
fn part_name(field: Field, lang: Lang) -> &'static str {
    match field {
        Field::Title => lang.pick("标题", "title"),
        Field::Organization => lang.pick("单位", "organization"),
        Field::Period => lang.pick("时段", "period"),
        Field::Preamble => lang.pick("导语", "preamble"),
        Field::SectionTitle(_) => lang.pick("标题", "title"),
        Field::SectionIntro(_) => lang.pick("引言", "intro"),
        Field::ItemHeading(..) | Field::NodeHeading(_) => lang.pick("小标题", "heading"),
        Field::ItemBody(..) | Field::NodeBody(_) => lang.pick("正文", "body"),
        Field::SignatureOrganization => lang.pick("落款单位", "signature organization"),
        Field::SignatureDate => lang.pick("落款日期", "signature date"),
        Field::Notes => lang.pick("素材", "notes"),
    }
}

/// The live number of the field's section and item: `二、`, `二、（一）`,
/// `二、（一）1.（2）` at level 4.
fn numbers(doc: &Document, field: Field) -> (String, String) {
    let section = field
        .section()
        .map(|s| render_top_number(doc.top_style, s))
        .unwrap_or_default();
    let mut item = field
        .item()
        .map(|(s, i)| {
            let style = doc.sections.get(s).map(|s| s.style).unwrap_or_default();
            render_item_number(style, i)
        })
        .unwrap_or_default();
    if let Some(n) = field.node() {
        item.push_str(&doc.node_numbers(n));
    }
    (section, item)
}

/// A field named briefly: `二、（一）正文`, `二、标题`, `导语` (`二、（一） body` in English).
pub fn short_location(doc: &Document, field: Field, lang: Lang) -> String {
    let (section, item) = numbers(doc, field);
    let part = part_name(field, lang);
    if section.is_empty() {
        return part.to_string();
    }
    let gap = lang.pick("", " ");
    format!("{section}{item}{gap}{part}")
}

/// A field named with its section's title: `二、存在问题 › （一） 正文`.
pub fn long_location(doc: &Document, field: Field, lang: Lang) -> String {
    let Some(s) = field.section() else {
        return short_location(doc, field, lang);
    };
    let title = doc.sections.get(s).map_or("", |s| s.title.trim());
    let mut title_cut: String = title.chars().take(TITLE_CHARS).collect();
    if title.chars().count() > TITLE_CHARS {
        title_cut.push('…');
    }
    let (section, item) = numbers(doc, field);
    let part = part_name(field, lang);
    if item.is_empty() {
        format!("{section}{title_cut} › {part}")
    } else {
        format!("{section}{title_cut} › {item} {part}")
    }
}

/// The stable name of a field in `--json` output.
pub fn field_key(field: Field) -> &'static str {
    match field {
        Field::Title => "title",
        Field::Organization => "organization",
        Field::Period => "period",
        Field::Preamble => "preamble",
        Field::SectionTitle(_) => "section-title",
        Field::SectionIntro(_) => "section-intro",
        Field::ItemHeading(..) => "item-heading",
        Field::ItemBody(..) => "item-body",
        Field::NodeHeading(_) => "node-heading",
        Field::NodeBody(_) => "node-body",
        Field::SignatureOrganization => "signature-organization",
        Field::SignatureDate => "signature-date",
        Field::Notes => "notes",
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::document::NumberingStyle;

    #[test]
    fn locations_use_live_numbers() {
        let mut doc = clean_document();
        assert_eq!(
            short_location(&doc, Field::ItemBody(1, 0), Lang::Zh),
            "二、（一）正文"
        );
        assert_eq!(
            short_location(&doc, Field::ItemBody(1, 0), Lang::En),
            "二、（一） body"
        );
        assert_eq!(
            short_location(&doc, Field::SectionTitle(2), Lang::Zh),
            "三、标题"
        );
        assert_eq!(short_location(&doc, Field::Preamble, Lang::Zh), "导语");
        assert_eq!(
            long_location(&doc, Field::ItemHeading(2, 1), Lang::Zh),
            "三、存在的问题 › （二） 小标题"
        );
        assert_eq!(
            long_location(&doc, Field::SectionIntro(0), Lang::En),
            "一、党支部基本情况 › intro"
        );
        doc.sections[3].style = NumberingStyle::Ordinal;
        doc.sections.swap(2, 3);
        assert_eq!(
            short_location(&doc, Field::ItemBody(2, 1), Lang::Zh),
            "三、二是正文"
        );
        doc.sections[2].title = "二〇二〇年下半年工作计划与安排意见".into();
        assert_eq!(
            long_location(&doc, Field::SectionTitle(2), Lang::Zh),
            "三、二〇二〇年下半年工作计划… › 标题"
        );
    }
}
