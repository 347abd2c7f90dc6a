//! Safe fixes as edits: full-width punctuation for half-width marks, and
//! removing a hand-typed number. A fix is an [`Edit::SetText`] of the whole
//! field, so the editor applies it through the history and can undo it.
//! A fix checks that the text it changes is still there; a finding made
//! before the field changed gives no fix rather than a wrong one.

use std::collections::BTreeMap;

use super::{Detail, Finding};
use crate::document::{Document, Edit, Field};

/// One replacement in a field: the characters expected at `start` and what replaces them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Replacement {
    start: usize,
    expected: Vec<char>,
    with: String,
}

impl Finding {
    /// Whether [`Finding::fix`] can offer a change for this kind of finding.
    pub fn is_fixable(&self) -> bool {
        !self.replacements().is_empty()
    }

    /// The edit that fixes this finding in `doc`, or `None` when the finding
    /// has no safe fix or the text has changed since it was found.
    pub fn fix(&self, doc: &Document) -> Option<Edit> {
        let replacements = self.replacements();
        if replacements.is_empty() {
            return None;
        }
        fixed_field(doc, self.location.field, replacements)
    }

    fn replacements(&self) -> Vec<Replacement> {
        match &self.detail {
            Detail::HalfWidth(marks) => marks
                .iter()
                .map(|m| Replacement {
                    start: m.offset,
                    expected: vec![m.found],
                    with: m.replacement.to_string(),
                })
                .collect(),
            Detail::Wording { wrong, right, .. } => vec![Replacement {
                start: self.location.start,
                expected: wrong.chars().collect(),
                with: right.clone(),
            }],
            Detail::Removable(text) => vec![Replacement {
                start: self.location.start,
                expected: text.chars().collect(),
                with: String::new(),
            }],
            Detail::TypedNumber(number) => vec![Replacement {
                start: self.location.start,
                expected: number.chars().collect(),
                with: String::new(),
            }],
            _ => Vec::new(),
        }
    }
}

/// One edit that applies every safe fix among `findings` (undone as one),
/// or `None` if there is none.
pub fn fix_all(doc: &Document, findings: &[Finding]) -> Option<Edit> {
    let mut by_field: BTreeMap<Field, Vec<Replacement>> = BTreeMap::new();
    for f in findings {
        by_field
            .entry(f.location.field)
            .or_default()
            .extend(f.replacements());
    }
    let edits: Vec<Edit> = by_field
        .into_iter()
        .filter(|(_, r)| !r.is_empty())
        .filter_map(|(field, r)| fixed_field(doc, field, r))
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// The field's text with the replacements made; overlapping ones after the
/// first are skipped, and any that no longer matches the text cancels all.
fn fixed_field(doc: &Document, field: Field, mut replacements: Vec<Replacement>) -> Option<Edit> {
    let chars: Vec<char> = doc.text(field)?.chars().collect();
    replacements.sort_by_key(|r| r.start);
    let mut kept: Vec<Replacement> = Vec::with_capacity(replacements.len());
    for r in replacements {
        if kept
            .last()
            .is_some_and(|k| k.start + k.expected.len() > r.start)
        {
            continue;
        }
        kept.push(r);
    }
    // One pass over the text: many fixes in one long field stay linear.
    let mut text = String::with_capacity(chars.len() * 3);
    let mut at = 0;
    for r in &kept {
        let end = r.start + r.expected.len();
        if chars.get(r.start..end) != Some(&r.expected[..]) {
            return None;
        }
        text.extend(&chars[at..r.start]);
        text.push_str(&r.with);
        at = end;
    }
    text.extend(&chars[at..]);
    Some(Edit::SetText { field, text })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{CheckOptions, Code, check};
    use super::*;
    use crate::document::History;

    #[test]
    fn fix_all_then_undo_restores_the_document() {
        let mut original = clean_document();
        original.sections[1].items[0].heading = "(一)坚持强化理论武装".into();
        original.sections[1].items[0].body = "明规守纪,自觉构建自律防线.学习《条例(试行)》".into();
        original.sections[2].items[1].body = "开展\"读一本好书\"活动".into();
        let mut doc = original.clone();
        let findings = check(&doc, &CheckOptions::default());
        let edit = fix_all(&doc, &findings).expect("something to fix");
        let mut history = History::default();
        history.apply(&mut doc, edit);
        assert_eq!(doc.sections[1].items[0].heading, "坚持强化理论武装");
        assert_eq!(
            doc.sections[1].items[0].body,
            "明规守纪，自觉构建自律防线。学习《条例(试行)》"
        );
        assert_eq!(doc.sections[2].items[1].body, "开展“读一本好书”活动");
        let left = check(&doc, &CheckOptions::default());
        assert!(left.iter().all(|f| !f.is_fixable()), "{left:?}");
        history.undo(&mut doc);
        assert_eq!(doc, original);
    }

    #[test]
    fn a_stale_finding_gives_no_fix() {
        let mut doc = clean_document();
        doc.preamble = "明规守纪,自觉构建".into();
        let finding = findings(&doc, Code::HalfWidthPunctuation).remove(0);
        assert!(finding.fix(&doc).is_some());
        doc.preamble = "另外的文字".into();
        assert_eq!(finding.fix(&doc), None);
        doc.sections.clear();
        let stale = Finding::new(
            Code::HandTypedNumber,
            super::super::Location::new(Field::ItemHeading(5, 0), 0, 3),
            Detail::TypedNumber("（一）".into()),
        );
        assert_eq!(stale.fix(&doc), None);
    }

    #[test]
    fn only_safe_kinds_are_fixable() {
        let mut doc = clean_document();
        doc.preamble.push_str("XX同志");
        let f = findings(&doc, Code::Placeholder).remove(0);
        assert!(!f.is_fixable());
        assert_eq!(f.fix(&doc), None);
    }
}
