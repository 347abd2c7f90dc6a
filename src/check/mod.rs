//! Checks (docs/design/checks-and-templates.md, "Checks"): what a reviewer
//! would catch in a summary, found before the reviewer does. [`check`]
//! reads a [`Document`] and returns [`Finding`]s, each with a stable
//! [`Code`], a [`Location`] (field and character offset) the editor can
//! jump to, a message in either language and, where the change is safe, a
//! [`Finding::fix`] to apply through the history.

mod counts;
mod dates;
mod finding;
mod fix;
mod json;
mod location;
mod messages;
mod numbers;
mod options;
mod placeholders;
mod promises;
mod punctuation;
mod repetition;
mod scan;
mod signature;
mod structure;
mod wording;

pub use counts::text_counts;
pub use dates::{Period, parse_period};
pub use finding::{Bilingual, Code, Detail, Finding, Location, Mark, Severity};
pub use fix::fix_all;
pub use json::{json_string, to_json};
pub use location::{field_key, long_location, short_location};
pub use numbers::typed_number_len;
pub use options::CheckOptions;
pub use wording::{WordingRule, built_in_wording, parse_wording};

use std::collections::HashSet;

use crate::document::{Document, Field};

/// How many placeholders are left in one field's text (for the status bar,
/// which counts as the writer types without checking the whole document).
pub fn count_placeholders(text: &str) -> usize {
    let mut out = Vec::new();
    placeholders::check(&scan::FieldText::new(Field::Preamble, text), &mut out);
    out.len()
}

/// Every finding in `doc`, in reading order (document-wide ones first).
pub fn check(doc: &Document, options: &CheckOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    structure::check(doc, options, &mut out);
    signature::check(doc, &mut out);
    promises::check(doc, &options.promises, &mut out);
    let mut rules = built_in_wording();
    rules.extend(options.wording.iter().cloned());
    let wrong_words = wording::WrongWords::new(&rules);
    let period = dates::document_period(doc);
    let plans = dates::plan_sections(doc);
    let mut quotes = punctuation::Quotes::default();
    let mut repeats = repetition::Repeats::default();
    for text in scan::exported_texts(doc) {
        let text = &text;
        wrong_words.find(text, &mut out);
        wording::quoted_list_comma(text, &mut out);
        wording::stray_spaces(text, &mut out);
        placeholders::check(text, &mut out);
        // The typed number is one finding; its brackets are not also half-width.
        let number = numbers::find(doc, text);
        let number_end = number.as_ref().map_or(0, |f| f.location.range().end);
        out.extend(number);
        punctuation::half_width(text, number_end, &mut out);
        punctuation::unbalanced(text, &mut out);
        if let Some(period) = &period {
            dates::check(period, &plans, text, &mut out);
        }
        quotes.count(text);
        repeats.check(doc, text, &mut out);
    }
    quotes.finish(&mut out);
    drop_overlaps(&mut out);
    out.sort_by_key(|f| (reading_key(f), f.location.start, f.code));
    out
}

/// A body that repeats its heading is one mistake, not also a duplicate sentence.
fn drop_overlaps(out: &mut Vec<Finding>) {
    let repeated: HashSet<(Field, usize)> = out
        .iter()
        .filter(|f| f.code == Code::BodyRepeatsHeading)
        .map(|f| (f.location.field, f.location.start))
        .collect();
    if repeated.is_empty() {
        return;
    }
    out.retain(|f| {
        f.code != Code::DuplicateSentence
            || !repeated.contains(&(f.location.field, f.location.start))
    });
}

/// Orders fields as they are read: document-wide findings, title, preamble,
/// each section's title, intro and items, the signature, then the rest.
type ReadingKey = (u8, u8, usize, u8, usize, (usize, usize), u8);

fn reading_key(finding: &Finding) -> ReadingKey {
    const NO_NODE: (usize, usize) = (0, 0);
    if finding.code.is_document_wide() {
        return (0, 0, 0, 0, 0, NO_NODE, 0);
    }
    let node = |n: crate::document::NodeRef| (n.child + 1, n.grandchild.map_or(0, |g| g + 1));
    match finding.location.field {
        Field::Title => (1, 0, 0, 0, 0, NO_NODE, 0),
        Field::Preamble => (1, 1, 0, 0, 0, NO_NODE, 0),
        Field::SectionTitle(s) => (1, 2, s, 0, 0, NO_NODE, 0),
        Field::SectionIntro(s) => (1, 2, s, 1, 0, NO_NODE, 0),
        Field::ItemHeading(s, i) => (1, 2, s, 2, i, NO_NODE, 0),
        Field::ItemBody(s, i) => (1, 2, s, 2, i, NO_NODE, 1),
        Field::NodeHeading(n) => (1, 2, n.section, 2, n.item, node(n), 0),
        Field::NodeBody(n) => (1, 2, n.section, 2, n.item, node(n), 1),
        Field::SignatureOrganization => (1, 3, 0, 0, 0, NO_NODE, 0),
        Field::SignatureDate => (1, 4, 0, 0, 0, NO_NODE, 0),
        Field::Organization => (1, 5, 0, 0, 0, NO_NODE, 0),
        Field::Period => (1, 6, 0, 0, 0, NO_NODE, 0),
        Field::Notes => (1, 7, 0, 0, 0, NO_NODE, 0),
    }
}

#[cfg(test)]
pub(crate) mod test_support;

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn codes_have_unique_stable_keys() {
        for code in Code::ALL {
            assert_eq!(Code::parse(code.key()), Some(code));
            assert!(
                code.key()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-')
            );
        }
        assert_eq!(Code::HalfWidthPunctuation.key(), "half-width-punctuation");
    }

    #[test]
    fn findings_come_in_reading_order() {
        let mut doc = clean_document();
        doc.sections[1].items[1].body = "截至X月末。".into();
        doc.preamble.push_str("共XX次。");
        doc.sections.pop();
        let findings = check(&doc, &CheckOptions::default());
        let order: Vec<(Code, Field)> = findings
            .iter()
            .map(|f| (f.code, f.location.field))
            .collect();
        assert_eq!(
            order,
            vec![
                (Code::MissingNext, Field::Title),
                (Code::Placeholder, Field::Preamble),
                (Code::Placeholder, Field::ItemBody(1, 1)),
            ]
        );
    }

    #[test]
    fn checks_that_look_at_items_look_at_every_level() {
        use crate::document::{Item, NodeRef, NumberingStyle};
        let mut doc = clean_document();
        let grandchildren = vec![Item::new("党课", "讲党课。"), Item::new("警示", "")];
        doc.sections[1].items[0].children = vec![
            Item::new("", ""),
            Item::new("1.抓学习", "组织学习XX次。"),
            Item::new("抓教育", "").with_children(NumberingStyle::ArabicParen, grandchildren),
            Item::new("抓纪律", ""),
        ];
        let findings = check(&doc, &CheckOptions::default());
        let order: Vec<(Code, Field)> = findings
            .iter()
            .map(|f| (f.code, f.location.field))
            .collect();
        let node = |c| NodeRef::child(1, 0, c);
        assert_eq!(
            order,
            vec![
                (Code::EmptyItem, Field::NodeHeading(node(0))),
                (Code::HandTypedNumber, Field::NodeHeading(node(1))),
                (Code::Placeholder, Field::NodeBody(node(1))),
                // 抓教育 has points below it: not unfinished.
                (
                    Code::UnfinishedItem,
                    Field::NodeBody(NodeRef::grandchild(1, 0, 2, 1))
                ),
                (Code::UnfinishedItem, Field::NodeBody(node(3))),
            ]
        );
        let typed = findings.iter().find(|f| f.code == Code::HandTypedNumber);
        assert_eq!(
            typed.map(|f| f.location.text_in(&doc)).as_deref(),
            Some("1.")
        );
    }

    #[test]
    fn line_and_column_for_the_cursor() {
        let text = "第一段。\n第二段XX。";
        let at = Location::new(Field::ItemBody(0, 0), 8, 2);
        assert_eq!(at.line_column(text), (1, 3));
        assert_eq!(Location::at(Field::Title).line_column(text), (0, 0));
        assert_eq!(Location::new(Field::Title, 99, 0).line_column("短"), (0, 1));
    }

    #[test]
    fn a_clean_document_has_no_findings() {
        let findings = check(&clean_document(), &CheckOptions::default());
        assert_eq!(findings, vec![]);
    }
}
