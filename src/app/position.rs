//! Where the writer was in a draft — the part, the field, the cursor — as
//! stored between sessions, so that reopening a draft goes back there.

use super::editor::{EditorState, Focus};
use super::outline::Entry;
use crate::document::Field;
use crate::storage::Position;

/// The field's stable name, as `check --json` writes it.
fn field_name(field: Field) -> &'static str {
    crate::check::field_key(field)
}

fn field_from(name: &str, section: Option<usize>, item: Option<usize>) -> Option<Field> {
    let both = section.zip(item);
    Some(match name {
        "title" => Field::Title,
        "organization" => Field::Organization,
        "period" => Field::Period,
        "preamble" => Field::Preamble,
        "section-title" => Field::SectionTitle(section?),
        "section-intro" => Field::SectionIntro(section?),
        "item-heading" => both.map(|(s, i)| Field::ItemHeading(s, i))?,
        "item-body" => both.map(|(s, i)| Field::ItemBody(s, i))?,
        "signature-organization" => Field::SignatureOrganization,
        "signature-date" => Field::SignatureDate,
        "notes" => Field::Notes,
        _ => return None,
    })
}

impl EditorState {
    /// Where the writer is now.
    pub fn position(&self) -> Position {
        let (field, (row, column)) = match self.fields.active() {
            Some(fa) => {
                let c = fa.area.cursor();
                (fa.field, (c.0, c.1))
            }
            None => (self.selected_entry().fields()[0], (0, 0)),
        };
        Position {
            field: field_name(field).to_string(),
            section: field.section(),
            item: field.item().map(|(_, i)| i),
            row,
            column,
            editing: self.focus == Focus::Editor,
            at: 0,
        }
    }

    /// Goes back to a stored position, as far as the draft still has it:
    /// a part that is gone leaves the selection at the start.
    pub fn go_to_position(&mut self, position: &Position) {
        let Some(field) = field_from(&position.field, position.section, position.item) else {
            return;
        };
        let entry = Entry::of_field(field);
        if !self.entries.contains(&entry) {
            return;
        }
        self.select_field(field);
        if let Some(fa) = self.fields.active_mut() {
            let lines = fa.area.lines();
            let row = position.row.min(lines.len().saturating_sub(1));
            let column = position
                .column
                .min(lines.get(row).map_or(0, |l| l.chars().count()));
            fa.area.jump(row, column);
        }
        if position.editing && !self.read_only {
            self.focus = Focus::Editor;
        }
    }
}
