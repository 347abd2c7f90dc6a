//! Find and replace across every field of the draft.

use crate::document::{Document, Edit, Field};

/// One match: a field and a char range in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub field: Field,
    /// Char offset of the match in the field's text.
    pub start: usize,
    /// Length in chars.
    pub len: usize,
}

/// Which line of the find bar is being typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindInput {
    Query,
    Replacement,
}

/// The state of the find (or find and replace) bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindState {
    pub query: String,
    /// `Some` when replacing.
    pub replacement: Option<String>,
    pub input: FindInput,
    pub matches: Vec<Match>,
    /// Index of the match the writer is at.
    pub current: Option<usize>,
    /// How many matches Enter has replaced since the bar opened (so that
    /// after the last one the bar says it is done, not "not found").
    pub replaced: usize,
    /// The query is the last one, brought back by Ctrl+F / Ctrl+R and
    /// shown selected: typing replaces it, any other key keeps it.
    pub recalled: bool,
}

impl FindState {
    pub fn new(replace: bool) -> FindState {
        FindState {
            query: String::new(),
            replacement: replace.then(String::new),
            input: FindInput::Query,
            matches: Vec::new(),
            current: None,
            replaced: 0,
            recalled: false,
        }
    }

    /// Searches the document again for the query.
    pub fn refresh(&mut self, doc: &Document) {
        self.matches = find_all(doc, &self.query);
        self.current = match self.current {
            _ if self.matches.is_empty() => None,
            Some(i) => Some(i.min(self.matches.len() - 1)),
            None => None,
        };
    }

    /// Steps to the next (or previous) match, wrapping around.
    pub fn step(&mut self, forward: bool) -> Option<Match> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let next = match self.current {
            None => {
                if forward {
                    0
                } else {
                    n - 1
                }
            }
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
        };
        self.current = Some(next);
        self.matches.get(next).copied()
    }
}

/// Every occurrence of `query` in the document, in reading order: the
/// order of the outline and of the fields in the editor pane (title,
/// organization, period, preamble, sections, signature, notes).
pub fn find_all(doc: &Document, query: &str) -> Vec<Match> {
    if query.is_empty() {
        return Vec::new();
    }
    let len = query.chars().count();
    let mut out = Vec::new();
    let reading_order = super::outline::entries(doc)
        .into_iter()
        .flat_map(|entry| entry.fields());
    for field in reading_order {
        let text = doc.text(field).unwrap_or("");
        let mut chars_before = 0;
        let mut last_byte = 0;
        for (byte, _) in text.match_indices(query) {
            chars_before += text[last_byte..byte].chars().count();
            last_byte = byte;
            out.push(Match {
                field,
                start: chars_before,
                len,
            });
        }
    }
    out
}

/// The edit that replaces one match.
pub fn replace_one(doc: &Document, m: Match, replacement: &str) -> Option<Edit> {
    let text = doc.text(m.field)?;
    let start = text.char_indices().nth(m.start).map(|(b, _)| b)?;
    let end = text[start..]
        .char_indices()
        .nth(m.len)
        .map_or(text.len(), |(b, _)| start + b);
    let mut new = String::with_capacity(text.len() + replacement.len());
    new.push_str(&text[..start]);
    new.push_str(replacement);
    new.push_str(&text[end..]);
    Some(Edit::SetText {
        field: m.field,
        text: new,
    })
}

/// One edit (undone as one step) that replaces every occurrence, and how many.
pub fn replace_all(doc: &Document, query: &str, replacement: &str) -> Option<(Edit, usize)> {
    if query.is_empty() {
        return None;
    }
    let mut edits = Vec::new();
    let mut count = 0;
    for field in doc.fields() {
        let text = doc.text(field).unwrap_or("");
        let n = text.matches(query).count();
        if n > 0 {
            count += n;
            edits.push(Edit::SetText {
                field,
                text: text.replace(query, replacement),
            });
        }
    }
    (count > 0).then_some((Edit::Batch(edits), count))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{History, Item, Section, SectionKind};

    fn doc() -> Document {
        let mut s1 = Section::new(SectionKind::Work, "工作开展情况");
        s1.items
            .push(Item::new("XX方面", "组织学习XX次，参加XX人。"));
        let mut s2 = Section::new(SectionKind::Problems, "存在问题");
        s2.items.push(Item::new("学习不够", "XX"));
        Document {
            title: "XX党支部总结".into(),
            sections: vec![s1, s2],
            ..Document::default()
        }
    }

    #[test]
    fn finds_in_every_field_in_reading_order() {
        let d = doc();
        let found = find_all(&d, "XX");
        let fields: Vec<Field> = found.iter().map(|m| m.field).collect();
        assert_eq!(
            fields,
            [
                Field::Title,
                Field::ItemHeading(0, 0),
                Field::ItemBody(0, 0),
                Field::ItemBody(0, 0),
                Field::ItemBody(1, 0)
            ]
        );
        assert_eq!(found[3].start, 10, "char offset, not byte offset");
        assert!(find_all(&d, "").is_empty());
    }

    #[test]
    fn replace_all_is_one_undoable_step_with_a_count() {
        let original = doc();
        let mut d = original.clone();
        let mut h = History::default();
        let (edit, count) = replace_all(&d, "XX", "第一").unwrap();
        assert_eq!(count, 5);
        h.apply(&mut d, edit);
        assert!(find_all(&d, "XX").is_empty());
        assert_eq!(d.sections[0].items[0].body, "组织学习第一次，参加第一人。");
        h.undo(&mut d);
        assert_eq!(d, original);
    }

    #[test]
    fn replace_one_and_step() {
        let mut d = doc();
        let mut state = FindState::new(true);
        state.query = "XX".into();
        state.refresh(&d);
        let m = state.step(true).unwrap();
        assert_eq!(m.field, Field::Title);
        replace_one(&d, state.step(false).unwrap(), "甲")
            .unwrap()
            .apply(&mut d);
        assert_eq!(d.sections[1].items[0].body, "甲");
    }
}
