//! The same sentence twice in the document: a paragraph pasted twice, two
//! items with one heading. Sentences are hashed, so a long draft costs one
//! pass. Short ones (`高度重视。`) are set phrases, not repetition.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::location::short_location;
use super::scan::FieldText;
use super::{Bilingual, Code, Detail, Finding, Location};
use crate::document::{Document, Field};
use crate::i18n::Lang;

/// Sentences shorter than this (in characters, without spaces and the final mark) are ignored.
pub const MIN_SENTENCE_CHARS: usize = 8;

const ENDS: [char; 5] = ['。', '！', '？', '!', '?'];
/// Closing marks that belong to the sentence before them: `……。”`
const CLOSERS: [char; 6] = ['”', '’', '）', '》', '」', ')'];

pub(super) fn check(doc: &Document, texts: &[FieldText], out: &mut Vec<Finding>) {
    let mut seen: HashMap<&[char], Location> = HashMap::new();
    for text in texts {
        // The title and signature name the organization again, by design.
        if matches!(
            text.field,
            Field::Title | Field::SignatureOrganization | Field::SignatureDate
        ) {
            continue;
        }
        for (start, key_end, end) in sentences(text) {
            let key = &text.chars[start..key_end];
            if key.iter().filter(|c| !c.is_whitespace()).count() < MIN_SENTENCE_CHARS {
                continue;
            }
            let here = Location::new(text.field, start, end - start);
            match seen.entry(key) {
                Entry::Vacant(v) => {
                    v.insert(here);
                }
                Entry::Occupied(o) => {
                    let first = *o.get();
                    out.push(Finding::new(
                        Code::DuplicateSentence,
                        here,
                        Detail::Duplicate {
                            sentence: text.string(start, end),
                            first,
                            first_at: Bilingual {
                                zh: short_location(doc, first.field, Lang::Zh),
                                en: short_location(doc, first.field, Lang::En),
                            },
                        },
                    ));
                }
            }
        }
    }
}

/// Each sentence as (start, end of the words, end with its final marks).
fn sentences(text: &FieldText) -> Vec<(usize, usize, usize)> {
    let chars = &text.chars;
    let mut out = Vec::new();
    for (p_start, p_end) in text.paragraphs() {
        let mut start = p_start;
        let mut i = p_start;
        while i <= p_end {
            let at_end = i == p_end;
            if at_end || ENDS.contains(&chars[i]) {
                let key_end = i;
                let mut end = i;
                while end < p_end && (ENDS.contains(&chars[end]) || CLOSERS.contains(&chars[end])) {
                    end += 1;
                }
                let lead = chars[start..key_end]
                    .iter()
                    .take_while(|c| c.is_whitespace() || CLOSERS.contains(c))
                    .count();
                let trail = chars[start + lead..key_end]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_whitespace())
                    .count();
                if start + lead < key_end - trail {
                    out.push((start + lead, key_end - trail, end.max(key_end)));
                }
                start = end.max(i + 1);
                i = start;
                continue;
            }
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::document::Item;

    #[test]
    fn splits_sentences_with_their_closing_marks() {
        let t = FieldText::new(
            Field::Preamble,
            "开展“党员之星”评选。提出“学有目标！”后来呢？\n  末句没有句号",
        );
        let s: Vec<String> = sentences(&t)
            .into_iter()
            .map(|(a, _, e)| t.string(a, e))
            .collect();
        assert_eq!(
            s,
            [
                "开展“党员之星”评选。",
                "提出“学有目标！”",
                "后来呢？",
                "末句没有句号"
            ]
        );
    }

    #[test]
    fn a_sentence_pasted_twice_is_found_with_the_first_place() {
        let mut doc = clean_document();
        let repeated = "严格执行党内组织生活制度，每月利用主题党日时间开展党性分析。";
        doc.sections[1].items[0].body.push_str(repeated);
        doc.sections[2].items[0].body = format!("另起一句说明问题所在。{repeated}");
        let found = findings(&doc, Code::DuplicateSentence);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(f.location.field, Field::ItemBody(2, 0));
        assert_eq!(f.location.start, 11);
        assert_eq!(f.location.len, repeated.chars().count());
        let Detail::Duplicate {
            first, first_at, ..
        } = &f.detail
        else {
            panic!("{f:?}")
        };
        assert_eq!(first.field, Field::ItemBody(1, 0));
        assert_eq!(first_at.zh, "二、（一）正文");
    }

    #[test]
    fn two_items_with_one_heading() {
        let mut doc = clean_document();
        let heading = doc.sections[1].items[0].heading.clone();
        doc.sections[1]
            .items
            .push(Item::new(heading, "另一项工作的具体内容和成效。"));
        let found = findings(&doc, Code::DuplicateSentence);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].location.field, Field::ItemHeading(1, 2));
    }

    #[test]
    fn short_set_phrases_and_the_signature_are_not_repetition() {
        let mut doc = clean_document();
        doc.sections[1].items[0]
            .body
            .push_str("高度重视。狠抓落实。");
        doc.sections[1].items[1]
            .body
            .push_str("高度重视。狠抓落实。");
        doc.signature.organization = doc.organization.clone();
        doc.preamble.push_str(&doc.organization.clone());
        assert!(findings(&doc, Code::DuplicateSentence).is_empty());
        assert!(findings(&clean_document(), Code::DuplicateSentence).is_empty());
    }
}
