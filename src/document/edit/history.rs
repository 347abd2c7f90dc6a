//! Undo and redo: the inverses of applied edits, bounded in number.

use super::Edit;
use crate::document::{Document, Field};

/// Undo and redo of edits, bounded so a long session cannot grow without
/// end. A change of a field's text is kept as the stretch that changed
/// ([`Edit::Splice`]), whatever form it was applied in: 500 steps of typing
/// in a field of a million characters hold what was typed, not 500 copies
/// of the field.
#[derive(Debug, Default, Clone)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
}

const HISTORY_LIMIT: usize = 500;

impl History {
    /// Applies a new edit and records it. Returns the field it is about, or
    /// `None` (and records nothing) when the edit did not apply.
    pub fn apply(&mut self, doc: &mut Document, edit: Edit) -> Option<Option<Field>> {
        let focus = edit.focus();
        self.close_open_step(doc, None);
        let inverse = edit.apply(doc)?;
        self.push(compact(inverse, doc));
        Some(focus)
    }

    /// Records an edit that was already made to `doc` (e.g. typing in a
    /// field), given its inverse, so that it can be undone as one step.
    /// The step stays open (kept whole) while typing goes on in it; the
    /// next step closes it.
    pub fn record(&mut self, doc: &Document, inverse: Edit) {
        // `inverse` holds its field's text before this step: where the
        // open step's text ended, if it is the same field.
        let before = match &inverse {
            Edit::SetText { field, text } => Some((*field, text.as_str())),
            _ => None,
        };
        self.close_open_step(doc, before);
        self.push(inverse);
    }

    fn push(&mut self, inverse: Edit) {
        self.undo.push(inverse);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// A step recorded whole (typing went on in it after it was recorded)
    /// kept as the stretch it changed, now that its text is final: the
    /// field's text in `doc`, or `before` where the next step already
    /// changed that field.
    fn close_open_step(&mut self, doc: &Document, before: Option<(Field, &str)>) {
        let Some(Edit::SetText { field, .. }) = self.undo.last() else {
            return;
        };
        let field = *field;
        let now = match before {
            Some((f, text)) if f == field => Some(text),
            _ => doc.text(field),
        };
        if let (Some(now), Some(top)) = (now, self.undo.pop()) {
            self.undo.push(compact_against(top, now));
        }
    }

    /// Undoes the last edit; returns the field it touched.
    pub fn undo(&mut self, doc: &mut Document) -> Option<Option<Field>> {
        let edit = self.undo.pop()?;
        let focus = edit.focus();
        let inverse = edit.apply(doc)?;
        self.redo.push(compact(inverse, doc));
        Some(focus)
    }

    /// Redoes the last undone edit; returns the field it touched.
    pub fn redo(&mut self, doc: &mut Document) -> Option<Option<Field>> {
        let edit = self.redo.pop()?;
        let focus = edit.focus();
        let inverse = edit.apply(doc)?;
        self.undo.push(compact(inverse, doc));
        Some(focus)
    }

    /// The edit the next undo applies (the inverse of the last change).
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last()
    }

    /// The edit the next redo applies.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

/// `inverse` as the history keeps it: an inverse that would set a whole
/// field's text back becomes the splice of the stretch where that text
/// differs from the field's text now in `doc`.
fn compact(inverse: Edit, doc: &Document) -> Edit {
    match &inverse {
        Edit::SetText { field, .. } => match doc.text(*field) {
            Some(now) => compact_against(inverse, now),
            None => inverse,
        },
        _ => inverse,
    }
}

/// A `SetText` inverse as the splice that turns `now` into its text.
fn compact_against(inverse: Edit, now: &str) -> Edit {
    let Edit::SetText { field, text } = inverse else {
        return inverse;
    };
    let (at, now_end, text_end) = differing_stretch(now, &text);
    Edit::Splice {
        field,
        at,
        remove: now_end - at,
        insert: text[at..text_end].to_string(),
    }
}

/// Where `a` and `b` differ: the byte where the difference starts (the same
/// in both) and where it ends in each, on character boundaries.
pub fn differing_stretch(a: &str, b: &str) -> (usize, usize, usize) {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut start = common_prefix(x, y);
    // The same bytes before `start` in both: it is a boundary in both or in neither.
    while !a.is_char_boundary(start) {
        start -= 1;
    }
    let room = x.len().min(y.len()) - start;
    let mut tail = common_suffix(&x[x.len() - room..], &y[y.len() - room..]);
    while !a.is_char_boundary(x.len() - tail) {
        tail -= 1;
    }
    (start, x.len() - tail, y.len() - tail)
}

/// Compares in blocks (memcmp) before byte by byte: a field can hold
/// millions of bytes.
fn common_prefix(x: &[u8], y: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let n = x.len().min(y.len());
    let mut i = 0;
    while i + BLOCK <= n && x[i..i + BLOCK] == y[i..i + BLOCK] {
        i += BLOCK;
    }
    i + x[i..n]
        .iter()
        .zip(&y[i..n])
        .take_while(|(p, q)| p == q)
        .count()
}

fn common_suffix(x: &[u8], y: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let n = x.len().min(y.len());
    let (x, y) = (&x[x.len() - n..], &y[y.len() - n..]);
    let mut i = 0;
    while i + BLOCK <= n && x[n - i - BLOCK..n - i] == y[n - i - BLOCK..n - i] {
        i += BLOCK;
    }
    i + x[..n - i]
        .iter()
        .rev()
        .zip(y[..n - i].iter().rev())
        .take_while(|(p, q)| p == q)
        .count()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn text() -> impl Strategy<Value = String> {
        // Few letters, many repeats: long shared prefixes and suffixes.
        prop::collection::vec(
            prop::sample::select(vec!['中', '文', 'a', '\n', '。', '𠀀']),
            0..600,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        /// The oracle: splicing the stretch of `b` into `a` gives `b`, the
        /// stretch is as short as character-wise common ends make it.
        #[test]
        fn the_differing_stretch_is_minimal_and_splices_back(a in text(), b in text()) {
            let (at, a_end, b_end) = differing_stretch(&a, &b);
            let mut spliced = a.clone();
            spliced.replace_range(at..a_end, &b[at..b_end]);
            prop_assert_eq!(&spliced, &b);
            let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let prefix = ac.iter().zip(&bc).take_while(|(p, q)| p == q).count();
            let suffix = ac[prefix..].iter().rev().zip(bc[prefix..].iter().rev())
                .take_while(|(p, q)| p == q).count();
            prop_assert_eq!(a[..at].chars().count(), prefix);
            prop_assert_eq!(a[a_end..].chars().count(), suffix);
        }

        /// Undo and redo through the history give back each text exactly,
        /// whatever was typed between (fields of any length).
        #[test]
        fn text_steps_undo_and_redo_exactly(texts in prop::collection::vec(text(), 1..8)) {
            let mut doc = Document::default();
            let mut history = History::default();
            let mut seen = vec![doc.preamble.clone()];
            for t in &texts {
                history.apply(&mut doc, Edit::SetText { field: Field::Preamble, text: t.clone() });
                seen.push(t.clone());
            }
            for expected in seen.iter().rev().skip(1) {
                history.undo(&mut doc).expect("undo");
                prop_assert_eq!(&doc.preamble, expected);
            }
            for expected in seen.iter().skip(1) {
                history.redo(&mut doc).expect("redo");
                prop_assert_eq!(&doc.preamble, expected);
            }
        }
    }

    /// Typing goes on after its step is recorded (one step per phrase):
    /// the step undoes the whole phrase, and is kept small once closed.
    #[test]
    fn an_open_step_takes_the_whole_phrase_back() {
        let mut doc = Document {
            title: "总结".into(),
            ..Document::default()
        };
        let mut history = History::default();
        for phrase in ["（修订）", "稿"] {
            let before = doc.title.clone();
            let mut chars = phrase.chars();
            doc.title.push(chars.next().unwrap());
            history.record(
                &doc,
                Edit::SetText {
                    field: Field::Title,
                    text: before,
                },
            );
            doc.title.extend(chars);
        }
        assert!(
            matches!(history.undo.first(), Some(Edit::Splice { .. })),
            "closed"
        );
        history.undo(&mut doc);
        assert_eq!(doc.title, "总结（修订）");
        history.undo(&mut doc);
        assert_eq!(doc.title, "总结");
        history.redo(&mut doc);
        history.redo(&mut doc);
        assert_eq!(doc.title, "总结（修订）稿");
    }

    #[test]
    fn a_key_in_a_big_field_keeps_a_small_step() {
        let mut doc = Document {
            preamble: "党建".repeat(500_000),
            ..Document::default()
        };
        let mut history = History::default();
        let before = doc.preamble.clone();
        doc.preamble.insert(3_000, '中');
        history.record(
            &doc,
            Edit::SetText {
                field: Field::Preamble,
                text: before.clone(),
            },
        );
        // The next step closes it.
        doc.title.push('甲');
        history.record(
            &doc,
            Edit::SetText {
                field: Field::Title,
                text: String::new(),
            },
        );
        let Some(Edit::Splice {
            at, remove, insert, ..
        }) = history.undo.first()
        else {
            panic!("kept as a splice: {:?}", history.undo.first().map(|_| ()));
        };
        assert_eq!((*at, *remove, insert.as_str()), (3_000, 3, ""));
        history.undo(&mut doc);
        history.undo(&mut doc);
        assert_eq!(doc.preamble, before);
    }
}
