//! The text areas of the entry being edited: one `tui-textarea` per field,
//! written through into the document on every change, so the document is
//! the one truth: what the screen shows is what is saved. Undo lives in the
//! editor's one history, not in the text areas.

use ratatui::style::Style;
use tui_textarea::{CursorMove, TextArea, WrapMode};

use super::outline::Entry;
use crate::document::{Document, Field};
use crate::sanitize::escape_controls;

/// One field's text area.
pub struct FieldArea {
    pub field: Field,
    pub area: TextArea<'static>,
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
        // One history for text and structure: the editor's (see editor.rs).
        area.set_max_histories(0);
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

    /// Writes the active field's text into the document. Returns the field
    /// and the text it replaced, or `None` when the document already had it.
    pub fn write_active(&mut self, doc: &mut Document) -> Option<(Field, String)> {
        let fa = self.fields.get_mut(self.active)?;
        let text = fa.text();
        let slot = doc.text_mut(fa.field)?;
        if *slot == text {
            return None;
        }
        // The text is stored as shown from now on: escaped controls included.
        fa.escaped = false;
        Some((fa.field, std::mem::replace(slot, text)))
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
