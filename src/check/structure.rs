//! The outline: empty titles, sections and items, an item with a heading but
//! no body, a body that repeats its heading, a missing 存在问题 or 下一步
//! section, sections in an unusual order, and the length against a target.

use super::{CheckOptions, Code, Detail, Finding, Location};
use crate::document::{Document, Field, Item, NodeRef, NumberingStyle, Section, SectionKind};

pub(super) fn check(doc: &Document, options: &CheckOptions, out: &mut Vec<Finding>) {
    if doc.title.trim().is_empty() {
        out.push(Finding::new(
            Code::EmptyTitle,
            Location::at(Field::Title),
            Detail::None,
        ));
    }
    for (s, section) in doc.sections.iter().enumerate() {
        check_section(s, section, out);
    }
    missing_sections(doc, out);
    section_order(doc, out);
    length(doc, options, out);
}

fn check_section(s: usize, section: &Section, out: &mut Vec<Finding>) {
    let blank = |t: &str| t.trim().is_empty();
    if section.items.is_empty() && blank(&section.intro) {
        out.push(Finding::new(
            Code::EmptySection,
            Location::at(Field::SectionTitle(s)),
            Detail::None,
        ));
        return;
    }
    if blank(&section.title) {
        out.push(Finding::new(
            Code::EmptyTitle,
            Location::at(Field::SectionTitle(s)),
            Detail::None,
        ));
    }
    check_points(
        &section.items,
        section.style,
        &|i| ItemFields::item(s, i),
        out,
    );
}

/// The heading and body fields of a point at any level.
#[derive(Debug, Clone, Copy)]
struct ItemFields {
    heading: Field,
    body: Field,
}

impl ItemFields {
    fn item(s: usize, i: usize) -> Self {
        ItemFields {
            heading: Field::ItemHeading(s, i),
            body: Field::ItemBody(s, i),
        }
    }

    fn node(at: NodeRef) -> Self {
        ItemFields {
            heading: Field::NodeHeading(at),
            body: Field::NodeBody(at),
        }
    }

    /// The fields of child `c` of this point.
    fn child(self, c: usize) -> Option<Self> {
        match self.heading {
            Field::ItemHeading(s, i) => Some(Self::node(NodeRef::child(s, i, c))),
            Field::NodeHeading(n) if n.grandchild.is_none() => Some(Self::node(
                NodeRef::grandchild(n.section, n.item, n.child, c),
            )),
            _ => None,
        }
    }
}

/// The points of one list (a section's items, a point's children) and,
/// recursively, theirs: every level is checked alike.
fn check_points(
    items: &[Item],
    style: NumberingStyle,
    at: &dyn Fn(usize) -> ItemFields,
    out: &mut Vec<Finding>,
) {
    let blank = |t: &str| t.trim().is_empty();
    // 一是…。二是…。 points are often one sentence: a heading alone is
    // complete. So are the items of a list of headings only (a plan's
    // （一）加强理论武装。（二）提升组织力。): one is unfinished when others
    // in its list have a body. A point with points below it is complete
    // with its heading alone: they are its content.
    let heading_may_stand_alone = matches!(
        style,
        NumberingStyle::Ordinal | NumberingStyle::OrdinalInline
    ) || items.iter().all(|i| blank(&i.body));
    for (i, item) in items.iter().enumerate() {
        let fields = at(i);
        let has_children = !item.children.is_empty();
        match (blank(&item.heading), blank(&item.body)) {
            (true, true) if !has_children => out.push(Finding::new(
                Code::EmptyItem,
                Location::at(fields.heading),
                Detail::None,
            )),
            (false, true) if !heading_may_stand_alone && !has_children => out.push(Finding::new(
                Code::UnfinishedItem,
                Location::at(fields.body),
                Detail::None,
            )),
            (false, false) => repeated_heading(fields.body, &item.heading, &item.body, out),
            _ => {}
        }
        if has_children {
            check_points(
                &item.children,
                item.child_style,
                &|c| fields.child(c).unwrap_or(fields),
                out,
            );
        }
    }
}

/// Marks the export puts after a heading, or that a heading may end with.
const HEADING_ENDS: [char; 9] = ['。', '！', '？', '；', '：', '.', '!', '?', ';'];

/// A heading shorter than this is not reported when the body starts with it.
const MIN_REPEATED_HEADING_CHARS: usize = 4;

/// `（一）政治建设方面。政治建设方面。…`: the body starts with its heading.
fn repeated_heading(body_field: Field, heading: &str, body: &str, out: &mut Vec<Finding>) {
    // (一)政治建设方面 / 政治建设方面。…: the typed number is reported on its own.
    let heading = heading.trim();
    let number = super::numbers::typed_number_len(heading).unwrap_or(0);
    let heading: String = heading.chars().skip(number).collect();
    let heading = heading.trim_end_matches(HEADING_ENDS);
    // 党建。党建工作…: two characters in common are a coincidence, not a repeat.
    if heading.chars().count() < MIN_REPEATED_HEADING_CHARS {
        return;
    }
    let lead = body.chars().take_while(|c| c.is_whitespace()).count();
    let rest = body.trim_start();
    let Some(after) = rest.strip_prefix(heading) else {
        return;
    };
    let mut len = heading.chars().count();
    if after.starts_with(HEADING_ENDS) || after.starts_with('，') {
        len += 1;
    }
    out.push(Finding::new(
        Code::BodyRepeatsHeading,
        Location::new(body_field, lead, len),
        Detail::RepeatedHeading(heading.to_string()),
    ));
}

/// The kind a section plays: its own, or for a custom one, what its title says.
pub(super) fn effective_kind(section: &Section) -> SectionKind {
    section.effective_kind()
}

fn missing_sections(doc: &Document, out: &mut Vec<Finding>) {
    for (kind, code) in [
        (SectionKind::Problems, Code::MissingProblems),
        (SectionKind::Next, Code::MissingNext),
    ] {
        if !doc.sections.iter().any(|s| effective_kind(s) == kind) {
            out.push(Finding::new(code, Location::at(Field::Title), Detail::None));
        }
    }
}

/// The usual order: 基本情况, 工作开展情况, 工作亮点, 存在问题, 下一步打算.
fn rank(kind: SectionKind) -> Option<u8> {
    match kind {
        SectionKind::Basic => Some(0),
        SectionKind::Work => Some(1),
        SectionKind::Highlights => Some(2),
        SectionKind::Problems => Some(3),
        SectionKind::Next => Some(4),
        SectionKind::Custom => None,
    }
}

/// A section that comes after one that usually follows it (存在问题 after
/// 下一步打算). Each kind is placed by its last section: a long summary's
/// work sections may mention 问题 or 亮点 in their titles (and be taken
/// for that kind), but its real closing sections come last. Custom
/// sections go anywhere.
fn section_order(doc: &Document, out: &mut Vec<Finding>) {
    let kinds: Vec<SectionKind> = doc.sections.iter().map(effective_kind).collect();
    let mut last: Vec<(u8, usize, SectionKind)> = Vec::new();
    for (s, &kind) in kinds.iter().enumerate() {
        if let Some(r) = rank(kind) {
            last.retain(|&(lr, _, _)| lr != r);
            last.push((r, s, kind));
        }
    }
    for &(r, s, kind) in &last {
        // The latest-ranked kind placed before this one, if any.
        let after = last
            .iter()
            .filter(|&&(other_r, other_s, _)| other_r > r && other_s < s)
            .max_by_key(|&&(other_r, _, _)| other_r);
        if let Some(&(_, _, after)) = after {
            out.push(Finding::new(
                Code::SectionOrder,
                Location::at(Field::SectionTitle(s)),
                Detail::SectionOrder { kind, after },
            ));
        }
    }
}

/// More than this share off the target (in per cent) is reported.
const LENGTH_TOLERANCE_PERCENT: usize = 10;

fn length(doc: &Document, options: &CheckOptions, out: &mut Vec<Finding>) {
    let Some(target) = options
        .target_chars
        .or(doc.target_chars.map(|t| t as usize))
        .filter(|&t| t > 0)
    else {
        return;
    };
    let chars = doc.char_count();
    let off = chars.abs_diff(target);
    if off * 100 > target * LENGTH_TOLERANCE_PERCENT {
        out.push(Finding::new(
            Code::Length,
            Location::at(Field::Title),
            Detail::Length { chars, target },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::check::{CheckOptions, check};
    use crate::document::Item;

    #[test]
    fn empty_title() {
        let mut doc = clean_document();
        doc.title = "  ".into();
        assert_eq!(
            locations(&doc, Code::EmptyTitle),
            vec![Location::at(Field::Title)]
        );
        let mut doc = clean_document();
        doc.sections[2].title.clear();
        assert_eq!(
            locations(&doc, Code::EmptyTitle),
            vec![Location::at(Field::SectionTitle(2))]
        );
        assert!(locations(&clean_document(), Code::EmptyTitle).is_empty());
    }

    #[test]
    fn empty_section() {
        let mut doc = clean_document();
        doc.sections
            .insert(2, Section::new(SectionKind::Highlights, "工作亮点"));
        assert_eq!(
            locations(&doc, Code::EmptySection),
            vec![Location::at(Field::SectionTitle(2))]
        );
        // An intro alone is content (the 基本情况 section has no items).
        assert!(clean_document().sections[0].items.is_empty());
        assert!(locations(&clean_document(), Code::EmptySection).is_empty());
    }

    #[test]
    fn empty_item() {
        let mut doc = clean_document();
        doc.sections[1].items.push(Item::new(" ", "\n"));
        assert_eq!(
            locations(&doc, Code::EmptyItem),
            vec![Location::at(Field::ItemHeading(1, 2))]
        );
        assert!(locations(&clean_document(), Code::EmptyItem).is_empty());
    }

    #[test]
    fn unfinished_item_unless_the_style_allows_one_sentence_points() {
        let mut doc = clean_document();
        doc.sections[1]
            .items
            .push(Item::new("强化党员教育管理", ""));
        assert_eq!(
            locations(&doc, Code::UnfinishedItem),
            vec![Location::at(Field::ItemBody(1, 2))]
        );
        doc.sections[1].style = NumberingStyle::OrdinalInline;
        assert!(locations(&doc, Code::UnfinishedItem).is_empty());
        assert!(locations(&clean_document(), Code::UnfinishedItem).is_empty());
        // A list of headings only is a list, not unfinished items.
        doc.sections[1].style = NumberingStyle::Paren;
        for item in &mut doc.sections[1].items {
            item.body.clear();
        }
        assert!(locations(&doc, Code::UnfinishedItem).is_empty());
    }

    #[test]
    fn body_repeats_heading() {
        let mut doc = clean_document();
        let item = &mut doc.sections[1].items[0];
        item.heading = "坚持强化理论武装，不断提高政治站位。".into();
        item.body = "坚持强化理论武装，不断提高政治站位。认真学习党的创新理论。".into();
        let found = findings(&doc, Code::BodyRepeatsHeading);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].location,
            Location::new(Field::ItemBody(1, 0), 0, 18)
        );
        // The heading is a sentence of its own too, but this is one mistake, not two.
        assert!(findings(&doc, Code::DuplicateSentence).is_empty());
        let mut doc = clean_document();
        doc.sections[1].items[0].heading = "政治建设方面".into();
        doc.sections[1].items[0].body = "政治建设方面的工作扎实推进。".into();
        // A typed number before the heading does not hide the repeat.
        let mut numbered = doc.clone();
        numbered.sections[1].items[0].heading = "(一)政治建设方面".into();
        assert_eq!(findings(&numbered, Code::BodyRepeatsHeading).len(), 1);
        // Starting with the same words is a repeat too; a different start is not.
        assert_eq!(findings(&doc, Code::BodyRepeatsHeading).len(), 1);
        doc.sections[1].items[0].heading = "党建".into();
        doc.sections[1].items[0].body = "党建工作扎实推进。".into();
        assert!(findings(&doc, Code::BodyRepeatsHeading).is_empty());
        assert!(findings(&clean_document(), Code::BodyRepeatsHeading).is_empty());
    }

    #[test]
    fn missing_problems_and_next() {
        let mut doc = clean_document();
        doc.sections.retain(|s| s.kind != SectionKind::Problems);
        assert_eq!(codes(&doc), vec![Code::MissingProblems]);
        let mut doc = clean_document();
        doc.sections.retain(|s| s.kind != SectionKind::Next);
        assert_eq!(codes(&doc), vec![Code::MissingNext]);
        // A custom section whose title says 下一步 counts.
        let mut doc = clean_document();
        doc.sections[3].kind = SectionKind::Custom;
        assert!(codes(&doc).is_empty());
    }

    #[test]
    fn section_order() {
        let mut doc = clean_document();
        doc.sections.swap(2, 3);
        let found = findings(&doc, Code::SectionOrder);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].location, Location::at(Field::SectionTitle(3)));
        assert_eq!(
            found[0].detail,
            Detail::SectionOrder {
                kind: SectionKind::Problems,
                after: SectionKind::Next
            }
        );
        // 下一步 first: every section after it is out of place.
        let mut doc = clean_document();
        let next = doc.sections.pop().unwrap();
        doc.sections.insert(0, next);
        let found = findings(&doc, Code::SectionOrder);
        let places: Vec<Location> = found.iter().map(|f| f.location).collect();
        assert_eq!(
            places,
            (1..4)
                .map(|s| Location::at(Field::SectionTitle(s)))
                .collect::<Vec<_>>()
        );
        // A work section whose title says 问题 or 亮点, in the middle of a
        // long summary, does not make the rest out of order.
        let mut doc = clean_document();
        let mut middle = doc.sections[1].clone();
        middle.title = "强化巡察整改，问题清单逐项销号".into();
        // Classified by hand: a writer may set any kind on any title.
        middle.kind = SectionKind::Problems;
        doc.sections.insert(2, middle);
        let mut shining = doc.sections[1].clone();
        shining.title = "守牢意识形态阵地，宣传思想工作亮点纷呈".into();
        shining.kind = SectionKind::classify(&shining.title);
        assert_eq!(shining.kind, SectionKind::Highlights);
        doc.sections.insert(3, shining);
        assert!(findings(&doc, Code::SectionOrder).is_empty());
        // Custom sections and repeated kinds are fine anywhere.
        let mut doc = clean_document();
        let mut custom = Section::new(SectionKind::Custom, "其他事项");
        custom.intro = "无。".into();
        doc.sections.insert(0, custom.clone());
        doc.sections.push(custom);
        let mut work = doc.sections[2].clone();
        work.title = "重点工作落实情况".into();
        doc.sections.insert(3, work);
        assert!(findings(&doc, Code::SectionOrder).is_empty());
    }

    #[test]
    fn length_against_target_from_options_or_draft() {
        let doc = clean_document();
        let chars = doc.char_count();
        let with = |target: usize| {
            check(
                &doc,
                &CheckOptions {
                    target_chars: Some(target),
                    ..CheckOptions::default()
                },
            )
        };
        assert!(with(chars).is_empty());
        assert!(with(chars * 105 / 100).is_empty());
        let found = with(chars * 2);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].detail,
            Detail::Length {
                chars,
                target: chars * 2
            }
        );
        assert_eq!(with(chars / 2)[0].code, Code::Length);
        let mut doc = doc.clone();
        doc.target_chars = Some(5000);
        assert_eq!(codes(&doc), vec![Code::Length]);
        // The option overrides the draft.
        let found = check(
            &doc,
            &CheckOptions {
                target_chars: Some(chars),
                ..CheckOptions::default()
            },
        );
        assert!(found.is_empty());
    }
}
