//! The text areas of the entry being edited: one [`FieldText`] per field,
//! written through into the document on every change (the paragraphs that
//! changed), so the document is the one truth: what the screen shows is
//! what is saved. Undo lives in the editor's one history, not in the text
//! areas.

use tui_textarea::CursorMove;

use super::field_text::FieldText;
use super::outline::Entry;
use crate::document::{Document, Field};
use crate::sanitize::escape_controls;

/// One field's text area.
pub struct FieldArea {
    pub field: Field,
    pub area: FieldText,
    /// Whether the field's stored text had control characters, shown escaped.
    escaped: bool,
}

/// The fields of the selected entry.
pub struct FieldEditor {
    pub entry: Entry,
    pub fields: Vec<FieldArea>,
    pub active: usize,
}

impl FieldArea {
    fn new(field: Field, text: &str) -> FieldArea {
        let shown = if field.is_multiline() {
            // A newline separates paragraphs; any other control is shown escaped.
            text.split('\n')
                .map(|l| escape_controls(l).into_owned())
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            escape_controls(text).into_owned()
        };
        let area = FieldText::new(&shown);
        FieldArea {
            field,
            escaped: shown != text,
            area,
        }
    }

    /// The text as it will be stored.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Characters and placeholders of the field's text in `doc`: kept per
    /// paragraph as it is edited, counted afresh only while the stored text
    /// differs from the shown one (escaped controls).
    pub fn counts(&self, doc: &Document) -> (usize, usize) {
        if self.escaped {
            crate::check::text_counts(doc.text(self.field).unwrap_or(""))
        } else {
            self.area.counts()
        }
    }

    /// Whether the stored text had control characters that are shown escaped.
    pub fn has_escaped_controls(&self) -> bool {
        self.escaped
    }
}

impl FieldEditor {
    pub fn new(doc: &Document, entry: Entry) -> FieldEditor {
        let fields = entry
            .fields()
            .into_iter()
            .map(|f| FieldArea::new(f, doc.text(f).unwrap_or("")))
            .collect();
        FieldEditor {
            entry,
            fields,
            active: 0,
        }
    }

    pub fn active(&self) -> Option<&FieldArea> {
        self.fields.get(self.active)
    }

    pub fn active_mut(&mut self) -> Option<&mut FieldArea> {
        self.fields.get_mut(self.active)
    }

    /// Writes the active field's changed paragraphs into the document.
    /// Returns the field and, if `keep_before` says so for it, the text it
    /// replaced; `None` when the document already had the text.
    pub fn write_active(
        &mut self,
        doc: &mut Document,
        keep_before: impl FnOnce(Field) -> bool,
    ) -> Option<(Field, Option<String>)> {
        let fa = self.fields.get_mut(self.active)?;
        let field = fa.field;
        let slot = doc.text_mut(field)?;
        let changed = fa.area.take_changed();
        let lines = fa.area.lines();
        let (start, end, text) = match changed {
            // Escaped controls: stored as shown from now on, all of it.
            _ if fa.escaped => (0, slot.len(), lines.join("\n")),
            Some((first, tail)) => changed_bytes(lines, first, tail, slot.len())
                .unwrap_or_else(|| (0, slot.len(), lines.join("\n"))),
            None => return None,
        };
        let (start, end, text) = match slot.get(start..end) {
            Some(_) => (start, end, text),
            None => (0, slot.len(), lines.join("\n")),
        };
        if slot[start..end] == text {
            return None;
        }
        let before = keep_before(field).then(|| slot.clone());
        // Grown by a little at a time: doubling a long field's string
        // would hold as much again unused.
        let needed = slot.len() - (end - start) + text.len();
        if needed > slot.capacity() {
            slot.reserve_exact(needed - slot.len() + 4096);
        }
        slot.replace_range(start..end, &text);
        fa.escaped = false;
        Some((field, before))
    }

    /// Makes `field` the active one, if this entry has it.
    pub fn activate(&mut self, field: Field) -> bool {
        match self.fields.iter().position(|fa| fa.field == field) {
            Some(i) => {
                self.active = i;
                true
            }
            None => false,
        }
    }

    /// Moves to the next field with the cursor at its start; false at the last.
    pub fn next_field(&mut self) -> bool {
        if self.active + 1 < self.fields.len() {
            self.active += 1;
            if let Some(fa) = self.active_mut() {
                fa.area.move_cursor(CursorMove::Top);
                fa.area.move_cursor(CursorMove::Head);
            }
            true
        } else {
            false
        }
    }

    /// Moves to the previous field with the cursor at its end; false at the first.
    pub fn prev_field(&mut self) -> bool {
        if self.active > 0 {
            self.active -= 1;
            if let Some(fa) = self.active_mut() {
                fa.area.move_cursor(CursorMove::Bottom);
                fa.area.move_cursor(CursorMove::End);
            }
            true
        } else {
            false
        }
    }

    /// The texts of all fields, for counting.
    pub fn texts(&self) -> impl Iterator<Item = String> + '_ {
        self.fields.iter().map(FieldArea::text)
    }
}

/// Where paragraphs `first..lines.len() - tail` of `lines` go in the text
/// they were joined into before (`old_len` bytes; the paragraphs before
/// and after those are the same in both): its byte range there and their
/// text now. At least one paragraph is rewritten, so the newlines around
/// them stay right; `None` if the numbers do not fit.
fn changed_bytes(
    lines: &[String],
    first: usize,
    tail: usize,
    old_len: usize,
) -> Option<(usize, usize, String)> {
    let first = first.min(lines.len().checked_sub(1)?);
    let tail = tail.min(lines.len() - first - 1);
    let last = lines.len() - tail;
    let start: usize = lines[..first].iter().map(|l| l.len() + 1).sum();
    let after: usize = lines[last..].iter().map(|l| l.len() + 1).sum();
    let end = old_len.checked_sub(after).filter(|&end| end >= start)?;
    Some((start, end, lines[first..last].join("\n")))
}
