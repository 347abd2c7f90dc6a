//! The text areas of the entry being edited: one `tui-textarea` per field,
//! synchronised into the document as the writer types.

use ratatui::style::Style;
use tui_textarea::{CursorMove, TextArea, WrapMode};

use super::outline::Entry;
use crate::document::{Document, Edit, Field};
use crate::sanitize::escape_controls;

/// One field's text area and the text it started with.
pub struct FieldArea {
    pub field: Field,
    pub area: TextArea<'static>,
    /// The field's text when editing started (after escaping controls).
    original: String,
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
        let mut area = TextArea::new(shown.split('\n').map(str::to_string).collect());
        area.set_wrap_mode(WrapMode::Glyph);
        // The terminal's own cursor marks the insertion point (for the input
        // method); the widget's drawn cursor would be a second one.
        area.set_cursor_style(Style::default());
        area.set_cursor_line_style(Style::default());
        area.set_max_histories(200);
        FieldArea {
            field,
            escaped: shown != text,
            original: shown,
            area,
        }
    }

    /// The text as it will be stored.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_changed(&self) -> bool {
        self.area.lines().len() != self.original.split('\n').count() || self.text() != self.original
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

    /// Puts the active field's text into the document.
    pub fn sync_active(&self, doc: &mut Document) {
        if let Some(fa) = self.active()
            && fa.is_changed()
            && let Some(slot) = doc.text_mut(fa.field)
        {
            *slot = fa.text();
        }
    }

    /// Ends this editing round: returns the inverse of what changed, to be
    /// recorded as one undo step, and takes the new text as the baseline.
    pub fn commit(&mut self) -> Option<Edit> {
        let mut inverses = Vec::new();
        for fa in &mut self.fields {
            if fa.is_changed() {
                inverses.push(Edit::SetText {
                    field: fa.field,
                    text: fa.original.clone(),
                });
                fa.original = fa.text();
                fa.escaped = false;
            }
        }
        match inverses.len() {
            0 => None,
            1 => inverses.pop(),
            _ => Some(Edit::Batch(inverses)),
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
