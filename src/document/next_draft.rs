//! The next period's draft from an earlier one
//! (docs/design/checks-and-templates.md, "The next period's draft"): the
//! period advances and the title, preamble, section titles and signature
//! date follow it; the sections and kinds are kept, item headings too, and
//! the bodies start empty; every promise of the earlier 下一步 section becomes
//! an item of the new 工作开展情况 section, so that the writer reports against
//! each one, and the new 下一步 section starts without items.

use super::period::{Period, period_pairs, replace_all_at_once, shift_date};
use super::{Document, Item, Section, SectionKind, paragraphs};

/// A promise of an earlier draft's 下一步 section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promise {
    /// The section and item it is in the earlier draft (`None`: an intro paragraph).
    pub section: usize,
    pub item: Option<usize>,
    /// What was promised: the item's heading, or its first sentence.
    pub text: String,
}

/// Why no next draft can be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NextDraftError {
    #[error(
        "the period of the earlier draft cannot be read from its period or title; give it with --period"
    )]
    NoPeriod,
}

/// The promises of `doc`'s 下一步 sections, in order: each item's heading
/// (or first sentence), or, where the section has no items, each paragraph.
pub fn promises(doc: &Document) -> Vec<Promise> {
    let mut out = Vec::new();
    for (s, section) in doc.sections.iter().enumerate() {
        if section.effective_kind() != SectionKind::Next {
            continue;
        }
        if section.items.is_empty() {
            out.extend(paragraphs(&section.intro).map(|p| Promise {
                section: s,
                item: None,
                text: first_sentence(p),
            }));
        }
        for (i, item) in section.items.iter().enumerate() {
            let text = match item.heading.trim() {
                "" => first_sentence(&item.body),
                heading => heading.trim_end_matches(['。', '；', ';']).to_string(),
            };
            if !text.is_empty() {
                out.push(Promise {
                    section: s,
                    item: Some(i),
                    text,
                });
            }
        }
    }
    out
}

/// A point with its heading and the headings below it, without the text:
/// the outline the next period's draft starts from.
fn heading_outline(item: &Item) -> Item {
    Item::new(item.heading.clone(), "").with_children(
        item.child_style,
        item.children.iter().map(heading_outline).collect(),
    )
}

fn first_sentence(text: &str) -> String {
    let text = text.trim();
    let end = text
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '；' | '！' | '？' | '\n'))
        .map_or(text.len(), |(i, _)| i);
    text[..end].trim().to_string()
}

/// The draft of the period after `earlier`'s (or of `period` when given),
/// linked to it by `from`.
pub fn next_period_draft(
    earlier: &Document,
    from: &str,
    period: Option<Period>,
) -> Result<Document, NextDraftError> {
    let found = Period::find(&earlier.period)
        .map(|f| (f.period, earlier.period[f.start..f.end].to_string()))
        .or_else(|| {
            Period::find(&earlier.title)
                .map(|f| (f.period, earlier.title[f.start..f.end].to_string()))
        });
    let (old, new) = match (found.as_ref().map(|(p, _)| *p), period) {
        (Some(old), Some(new)) => (Some(old), new),
        (Some(old), None) => (Some(old), old.next()),
        (None, Some(new)) => (None, new),
        (None, None) => return Err(NextDraftError::NoPeriod),
    };
    let mut pairs = Vec::new();
    if let (Some(old), Some((_, written))) = (old, &found) {
        // The period as this draft wrote it (`2020年1至6月`), then the words
        // for it (`上半年`, `下半年工作计划`).
        pairs.push((written.clone(), new.label()));
        pairs.extend(period_pairs(&old, &new));
    }
    let follow = |text: &str| replace_all_at_once(text, &pairs);
    let mut doc = Document {
        title: follow(&earlier.title),
        organization: earlier.organization.clone(),
        period: new.label(),
        preamble: follow(&earlier.preamble),
        // Notes are the writer's jottings about that draft (who to ask,
        // what a reviewer said); the new period starts with none.
        notes: String::new(),
        target_chars: earlier.target_chars,
        from: Some(from.to_string()),
        top_style: earlier.top_style,
        sections: earlier
            .sections
            .iter()
            .map(|s| Section {
                kind: s.kind,
                title: follow(&s.title),
                style: s.style,
                intro: String::new(),
                // The earlier plan becomes this period's work items; the
                // new plan is the writer's to write (F9 shows the old one).
                items: if s.effective_kind() == SectionKind::Next {
                    Vec::new()
                } else {
                    s.items.iter().map(heading_outline).collect()
                },
                target_chars: s.target_chars,
            })
            .collect(),
        signature: earlier.signature.clone(),
    };
    if old.is_none() && !doc.title.contains(&new.label()) {
        // No period in the earlier title to replace: the writer retitles.
        doc.title = earlier.title.clone();
    }
    let date = earlier.signature.date.trim();
    if !date.is_empty() {
        let months = old.map_or(new.len_months(), |old| new.months().0 - old.months().0);
        doc.signature.date = shift_date(date, months).unwrap_or_else(|| new.signing_date());
    }
    // A promise with points of its own below it (1. 2. under （一）) is
    // carried with their headings, so the writer reports on each point.
    let carried: Vec<Item> = promises(earlier)
        .into_iter()
        .map(|p| match p.item {
            Some(i) => {
                let mut item = heading_outline(&earlier.sections[p.section].items[i]);
                item.heading = p.text;
                item
            }
            None => Item::new(p.text, ""),
        })
        .collect();
    if !carried.is_empty() {
        let work = match doc
            .sections
            .iter()
            .position(|s| s.effective_kind() == SectionKind::Work)
        {
            Some(w) => w,
            None => {
                // Before the first of 亮点 / 问题 / 下一步, after 基本情况.
                let at = doc
                    .sections
                    .iter()
                    .position(|s| {
                        matches!(
                            s.effective_kind(),
                            SectionKind::Highlights | SectionKind::Problems | SectionKind::Next
                        )
                    })
                    .unwrap_or(doc.sections.len());
                let title = SectionKind::Work.standard_title();
                doc.sections
                    .insert(at, Section::new(SectionKind::Work, title));
                at
            }
        };
        doc.sections[work].items = carried;
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn earlier() -> Document {
        let mut work = Section::new(SectionKind::Work, "上半年工作开展情况");
        work.items.push(Item::new("理论学习", "学了十二次。"));
        let mut next = Section::new(SectionKind::Next, "下半年工作打算");
        next.intro = "下半年，支部将重点抓好以下工作：".into();
        next.items
            .push(Item::new("强化党的政治建设。", "具体措施。"));
        next.items
            .push(Item::new("", "做好换届准备。选好配强班子。"));
        Document {
            title: "XX党支部2020年1至6月党建工作总结".into(),
            organization: "XX党支部".into(),
            period: String::new(),
            preamble: "今年上半年，支部……现将上半年工作总结如下：".into(),
            sections: vec![work, Section::new(SectionKind::Problems, "存在问题"), next],
            signature: super::super::Signature {
                organization: "中共XX党支部".into(),
                date: "2020年7月10日".into(),
            },
            ..Document::default()
        }
    }

    #[test]
    fn the_period_advances_and_promises_become_work_items() {
        let doc = next_period_draft(&earlier(), "20200710-1", None).unwrap();
        assert_eq!(doc.title, "XX党支部2020年7—12月党建工作总结");
        assert_eq!(doc.period, "2020年7—12月");
        assert_eq!(doc.preamble, "今年下半年，支部……现将下半年工作总结如下：");
        assert_eq!(doc.from.as_deref(), Some("20200710-1"));
        assert_eq!(doc.signature.date, "2021年1月10日");
        assert_eq!(doc.sections[0].title, "下半年工作开展情况");
        let work: Vec<(&str, &str)> = doc.sections[0]
            .items
            .iter()
            .map(|i| (i.heading.as_str(), i.body.as_str()))
            .collect();
        assert_eq!(work, vec![("强化党的政治建设", ""), ("做好换届准备", "")]);
        let kinds: Vec<_> = doc.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            vec![SectionKind::Work, SectionKind::Problems, SectionKind::Next]
        );
        assert_eq!(doc.sections[2].title, "明年工作打算");
        assert!(
            doc.sections[2].items.is_empty(),
            "the new plan is written anew"
        );
        assert!(doc.sections.iter().all(|s| s.intro.is_empty()));
        assert!(
            doc.sections
                .iter()
                .flat_map(|s| &s.items)
                .all(|i| i.body.is_empty())
        );
    }

    #[test]
    fn a_promise_keeps_its_points_and_the_notes_stay_behind() {
        let mut e = earlier();
        e.notes = "问王书记要数字".into();
        let next = e.sections.len() - 1;
        e.sections[next].items[0] = Item::new("强化党的政治建设。", "").with_children(
            super::super::NumberingStyle::Arabic,
            vec![
                Item::new("深化理论学习", "每月一次。"),
                Item::new("严肃组织生活", "按时开会。"),
            ],
        );
        let doc = next_period_draft(&e, "x", None).unwrap();
        assert_eq!(doc.notes, "");
        let carried = &doc.sections[0].items[0];
        assert_eq!(carried.heading, "强化党的政治建设");
        let points: Vec<(&str, &str)> = carried
            .children
            .iter()
            .map(|c| (c.heading.as_str(), c.body.as_str()))
            .collect();
        assert_eq!(points, vec![("深化理论学习", ""), ("严肃组织生活", "")]);
    }

    #[test]
    fn a_given_period_wins_and_a_missing_one_is_an_error() {
        let h2 = Period::parse("2021年下半年").unwrap();
        let doc = next_period_draft(&earlier(), "x", Some(h2)).unwrap();
        assert_eq!(doc.title, "XX党支部2021年下半年党建工作总结");
        assert_eq!(doc.signature.date, "2022年1月10日");
        let mut undated = earlier();
        undated.title = "党建工作总结".into();
        assert_eq!(
            next_period_draft(&undated, "x", None),
            Err(NextDraftError::NoPeriod)
        );
        let doc = next_period_draft(&undated, "x", Some(h2)).unwrap();
        assert_eq!(doc.title, "党建工作总结");
        assert_eq!(doc.period, "2021年下半年");
    }

    #[test]
    fn a_work_section_is_added_when_there_is_none() {
        let mut e = earlier();
        e.sections.remove(0);
        e.period = "2020年下半年".into();
        let doc = next_period_draft(&e, "x", None).unwrap();
        assert_eq!(doc.period, "2021年上半年");
        assert_eq!(doc.sections[0].kind, SectionKind::Work);
        assert_eq!(doc.sections[0].items.len(), 2);
    }
}
