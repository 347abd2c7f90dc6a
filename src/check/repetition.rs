//! The same sentence twice in the document: a paragraph pasted twice, two
//! items with one heading. Sentences are hashed, so a long draft costs one
//! pass; what is kept of a field already read is where its sentences are,
//! not its text. Short ones (`高度重视。`) are set phrases, not repetition.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{DefaultHasher, Hash, Hasher};

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

/// The sentences of the fields read so far (fed in reading order), each
/// first one kept by the hash of its words. A 200,000-character draft
/// has some 6,000: kept as text, with every field's characters, they took
/// about 2 MB of a check's memory; kept so, 0.2 MB.
pub(super) struct Repeats {
    /// The fields with a sentence kept, which `Seen::field` counts in.
    fields: Vec<Field>,
    seen: HashMap<u64, Seen>,
    /// Sentences whose hash an earlier, different sentence has (rare).
    collided: Vec<(u64, Seen)>,
    /// The hash of a sentence's words (a test gives every sentence one).
    hash: fn(&[char]) -> u64,
}

impl Default for Repeats {
    fn default() -> Self {
        Repeats {
            fields: Vec::new(),
            seen: HashMap::new(),
            collided: Vec::new(),
            hash: |words| {
                let mut hasher = DefaultHasher::new();
                words.hash(&mut hasher);
                hasher.finish()
            },
        }
    }
}

/// Where a sentence was first: a field of `Repeats::fields`, the
/// character it starts at, its length with its final marks and without,
/// and the byte it starts at (its words are compared from there, without
/// counting the characters before them again).
#[derive(Clone, Copy)]
struct Seen {
    field: u32,
    start: u32,
    len: u32,
    words: u32,
    byte: u32,
}

impl Repeats {
    /// Reports each sentence of `text` that an earlier one (of an earlier
    /// field, or of this one) says word for word.
    pub(super) fn check(&mut self, doc: &Document, text: &FieldText, out: &mut Vec<Finding>) {
        // The title and signature name the organization again, by design.
        if matches!(
            text.field,
            Field::Title | Field::SignatureOrganization | Field::SignatureDate
        ) {
            return;
        }
        // This field's place in `fields`, once one of its sentences is kept.
        let mut field = None;
        // The byte of the field's text where character `counted` starts:
        // sentences come in order, so the bytes are counted once.
        let (mut counted, mut byte) = (0, 0);
        for (start, key_end, end) in sentences(text) {
            byte += text.chars[counted..start]
                .iter()
                .map(|c| c.len_utf8())
                .sum::<usize>();
            counted = start;
            let key = &text.chars[start..key_end];
            if key.iter().filter(|c| !c.is_whitespace()).count() < MIN_SENTENCE_CHARS {
                continue;
            }
            // Offsets past u32 (a field of 4 billion characters) are not compared.
            let (Ok(at), Ok(len), Ok(words), Ok(at_byte)) = (
                u32::try_from(start),
                u32::try_from(end - start),
                u32::try_from(key.len()),
                u32::try_from(byte),
            ) else {
                continue;
            };
            let hash = (self.hash)(key);
            let says_it = |seen: &Seen| {
                seen.words == words
                    && doc
                        .text(self.fields[seen.field as usize])
                        .and_then(|t| t.get(seen.byte as usize..))
                        .is_some_and(|t| t.chars().take(key.len()).eq(key.iter().copied()))
            };
            let first = match self.seen.get(&hash) {
                None => None,
                Some(seen) if says_it(seen) => Some(*seen),
                Some(_) => self
                    .collided
                    .iter()
                    .filter(|(h, _)| *h == hash)
                    .map(|(_, seen)| *seen)
                    .find(|seen| says_it(seen)),
            };
            let Some(first) = first else {
                let index = match field {
                    Some(index) => index,
                    None => {
                        let Ok(index) = u32::try_from(self.fields.len()) else {
                            continue;
                        };
                        self.fields.push(text.field);
                        *field.insert(index)
                    }
                };
                let here = Seen {
                    field: index,
                    start: at,
                    len,
                    words,
                    byte: at_byte,
                };
                match self.seen.entry(hash) {
                    Entry::Occupied(_) => self.collided.push((hash, here)),
                    Entry::Vacant(slot) => {
                        slot.insert(here);
                    }
                }
                continue;
            };
            let first_field = self.fields[first.field as usize];
            out.push(Finding::new(
                Code::DuplicateSentence,
                Location::new(text.field, start, end - start),
                Detail::Duplicate {
                    sentence: text.string(start, end),
                    first: Location::new(first_field, first.start as usize, first.len as usize),
                    first_at: Bilingual {
                        zh: short_location(doc, first_field, Lang::Zh),
                        en: short_location(doc, first_field, Lang::En),
                    },
                },
            ));
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
    use proptest::prelude::*;

    use super::super::test_support::*;
    use super::*;
    use crate::document::Item;

    /// Every sentence that repeats an earlier one, and that first one:
    /// each sentence compared with every one before it.
    fn repeated_by_pairs(doc: &Document) -> Vec<(Location, Location)> {
        let mut earlier: Vec<(Vec<char>, Location)> = Vec::new();
        let mut out = Vec::new();
        for text in super::super::scan::exported_texts(doc) {
            if matches!(
                text.field,
                Field::Title | Field::SignatureOrganization | Field::SignatureDate
            ) {
                continue;
            }
            for (start, key_end, end) in sentences(&text) {
                let key = text.chars[start..key_end].to_vec();
                if key.iter().filter(|c| !c.is_whitespace()).count() < MIN_SENTENCE_CHARS {
                    continue;
                }
                let here = Location::new(text.field, start, end - start);
                match earlier.iter().find(|(k, _)| *k == key) {
                    Some((_, first)) => out.push((here, *first)),
                    None => earlier.push((key, here)),
                }
            }
        }
        out
    }

    fn repeated_by(doc: &Document, repeats: &mut Repeats) -> Vec<(Location, Location)> {
        let mut out = Vec::new();
        for text in super::super::scan::exported_texts(doc) {
            repeats.check(doc, &text, &mut out);
        }
        out.into_iter()
            .map(|f| match f.detail {
                Detail::Duplicate { first, .. } => (f.location, first),
                _ => unreachable!("only duplicates"),
            })
            .collect()
    }

    proptest! {
        /// Bodies made of a few sentences, so that many repeat: the same
        /// findings as comparing every pair, with the real hash and with
        /// one that gives every sentence the same hash.
        #[test]
        fn repeats_are_what_comparing_every_pair_finds(
            bodies in prop::collection::vec(
                prop::collection::vec(prop::sample::select(vec![
                    "严格执行党内组织生活制度。",
                    "严格执行党内组织生活制度！",
                    "每月开展一次主题党日活动。",
                    "短句。",
                    "每月开展一次主题党日活动",
                    "\n",
                    "  ",
                ]), 0..6),
                1..6,
            ),
        ) {
            let mut doc = clean_document();
            let mut bodies = bodies.into_iter().map(|b| b.concat());
            for section in &mut doc.sections {
                for item in &mut section.items {
                    item.body = bodies.next().unwrap_or_default();
                }
            }
            let expected = repeated_by_pairs(&doc);
            prop_assert_eq!(repeated_by(&doc, &mut Repeats::default()), expected.clone());
            let mut colliding = Repeats { hash: |_| 7, ..Repeats::default() };
            prop_assert_eq!(repeated_by(&doc, &mut colliding), expected);
        }
    }

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
