//! Promises of the earlier draft (`from = "ID"`) that the new one never
//! mentions: the reviewer's first question is "what did you promise last
//! time, and did you do it?". A promise counts as mentioned when the new
//! draft's text outside its own 下一步 section holds it, or at least half of
//! its four-character runs (a heading reworded: 强化党员教育管理 →
//! 党员教育管理进一步强化).

use super::{Code, Detail, Finding, Location};
use crate::document::{Document, Field, Promise, SectionKind};

/// Runs of this many characters are compared.
const RUN: usize = 4;

pub(super) fn check(doc: &Document, promises: &[Promise], out: &mut Vec<Finding>) {
    if promises.is_empty() {
        return;
    }
    let reported: String = doc
        .fields()
        .filter(|f| f.is_exported())
        .filter(|f| {
            f.section()
                .is_none_or(|s| doc.sections[s].effective_kind() != SectionKind::Next)
        })
        .filter_map(|f| doc.text(f))
        .collect::<Vec<_>>()
        .join("\n");
    for promise in promises {
        if !is_mentioned(&promise.text, &reported) {
            out.push(Finding::new(
                Code::UnreportedPromise,
                Location::at(Field::Title),
                Detail::Promise(promise.text.clone()),
            ));
        }
    }
}

fn is_mentioned(promise: &str, text: &str) -> bool {
    let core: Vec<char> = promise
        .chars()
        .filter(|c| !c.is_whitespace() && !is_punctuation(*c))
        .collect();
    if core.is_empty() {
        return true;
    }
    if text.contains(&core.iter().collect::<String>()) {
        return true;
    }
    if core.len() < RUN {
        return false;
    }
    let runs: Vec<String> = core.windows(RUN).map(|w| w.iter().collect()).collect();
    let found = runs.iter().filter(|r| text.contains(r.as_str())).count();
    found * 2 >= runs.len()
}

fn is_punctuation(c: char) -> bool {
    "，。；：、！？“”‘’（）《》—…,.;:!?\"'()".contains(c)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{CheckOptions, Code, check};
    use crate::document::{Item, Section, SectionKind, promises};

    #[test]
    fn promises_the_new_draft_never_mentions_are_reported() {
        let mut earlier = clean_document();
        let next = earlier
            .sections
            .iter_mut()
            .find(|s| s.kind == SectionKind::Next)
            .unwrap();
        next.items = vec![
            Item::new("强化党员教育管理", "措施。"),
            Item::new("推进“三会一课”规范化", "措施。"),
            Item::new("建设党员活动阵地", "措施。"),
        ];
        let options = CheckOptions {
            promises: promises(&earlier),
            ..CheckOptions::default()
        };
        let mut doc = clean_document();
        doc.sections[1].items.push(Item::new(
            "党员教育管理进一步强化",
            "全年组织集中学习12次。",
        ));
        doc.preamble.push_str("推进三会一课规范化，成效明显。");
        // Only in the new plan: promised again is not reported on.
        let mut plan = Section::new(SectionKind::Next, "下一步打算");
        plan.items.push(Item::new("建设党员活动阵地", "措施。"));
        doc.sections.push(plan);
        let unreported: Vec<String> = check(&doc, &options)
            .iter()
            .filter(|f| f.code == Code::UnreportedPromise)
            .map(|f| f.message(crate::i18n::Lang::Zh))
            .collect();
        assert_eq!(
            unreported,
            vec!["上一期承诺的“建设党员活动阵地”在本期总结中没有提到"]
        );
        assert!(
            check(&doc, &CheckOptions::default())
                .iter()
                .all(|f| f.code != Code::UnreportedPromise)
        );
    }
}
