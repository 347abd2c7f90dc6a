//! Paste and mouse: pasted text into the active field, clicks and the wheel
//! hit-tested against the same layout drawing uses.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::{EditorState, Focus};
use crate::app::fields::FieldEditor;
use crate::app::outline::field_label;
use crate::app::{App, Effect, Screen};
use crate::layout::{
    FieldShape, FieldSlot, FieldView, editor_layout, field_slots, outline_top, text_position,
};

pub(in crate::app) fn handle_paste(app: &mut App, text: &str) -> Vec<Effect> {
    let Screen::Editor(e) = &mut app.screen else {
        return Vec::new();
    };
    if e.focus != Focus::Editor || e.read_only {
        return Vec::new();
    }
    let Some(fa) = e.fields.active_mut() else {
        return Vec::new();
    };
    // Pasted text is text: line ends become paragraph breaks in a body and
    // are joined in a one-line field; other controls are dropped.
    let cleaned = crate::app::clipboard::text_for_field(text, fa.field.is_multiline());
    // A paste is a step of its own.
    e.typing = None;
    if fa.area.insert_str(&cleaned) {
        e.text_changed(None);
    }
    Vec::new()
}

impl FieldEditor {
    /// Where each field sits inside the editor pane (`inner`: within its
    /// border), as drawn and as clicked.
    pub fn slots(&self, inner: ratatui::layout::Rect, lang: crate::i18n::Lang) -> Vec<FieldSlot> {
        let shapes: Vec<FieldShape> = self
            .fields
            .iter()
            .map(|fa| FieldShape {
                label: field_label(fa.field, lang),
                multiline: fa.field.is_multiline(),
                text: &fa.area,
                escaped_controls: fa.has_escaped_controls(),
            })
            .collect();
        field_slots(inner, &shapes, self.active)
    }

    /// The field `index` laid out in `slot`, scrolled to its cursor when
    /// `follow_cursor` (the active field).
    pub fn view(&self, index: usize, slot: &FieldSlot, follow_cursor: bool) -> Option<FieldView> {
        let fa = self.fields.get(index)?;
        let at = fa.area.cursor();
        Some(FieldView::new(
            &fa.area,
            (at.0, at.1),
            slot.text.width,
            slot.text.height,
            follow_cursor,
        ))
    }
}

/// A click in the editor pane: the field under it becomes active, with the
/// cursor where the click was (on a label: the field, cursor unchanged).
fn click_in_fields(
    e: &mut EditorState,
    pane: ratatui::layout::Rect,
    column: u16,
    row: u16,
    lang: crate::i18n::Lang,
) {
    let inner = pane.inner(ratatui::layout::Margin::new(1, 1));
    let at = ratatui::layout::Position::new(column, row);
    let slots = e.fields.slots(inner, lang);
    let Some(index) = slots
        .iter()
        .position(|s| s.text.contains(at) || s.label.contains(at))
    else {
        return;
    };
    let was_active = e.fields.active == index;
    e.fields.active = index;
    let slot = slots[index];
    if !slot.text.contains(at) {
        return;
    }
    // The view as drawn: scrolled to the cursor when it was the active field.
    let Some(view) = e.fields.view(index, &slot, was_active) else {
        return;
    };
    let Some(fa) = e.fields.active_mut() else {
        return;
    };
    let at = view.position_at(
        usize::from(row - slot.text.y),
        usize::from(column - slot.text.x),
    );
    fa.area.cancel_selection();
    jump_cursor(fa, at);
}

/// Puts the cursor at (line, character) of the field.
pub(super) fn jump_cursor(fa: &mut crate::app::FieldArea, (line, char): (usize, usize)) {
    fa.area.jump(line, char);
}

pub(in crate::app) fn handle_mouse(app: &mut App, mouse: MouseEvent) -> Vec<Effect> {
    let size = app.size;
    let lang = app.lang();
    let Screen::Editor(e) = &mut app.screen else {
        return Vec::new();
    };
    let area = ratatui::layout::Rect::new(0, 0, size.0, size.1);
    let layout = editor_layout(area, e.focus, e.show_findings);
    let hit = |r: Option<ratatui::layout::Rect>| {
        r.is_some_and(|r| r.contains(ratatui::layout::Position::new(mouse.column, mouse.row)))
    };
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if hit(layout.outline) {
                let area = layout.outline.unwrap_or_default();
                let inner_row = usize::from(mouse.row.saturating_sub(area.y + 1));
                let top = outline_top(
                    e.selected,
                    e.entries.len(),
                    usize::from(area.height.saturating_sub(2)),
                );
                let index = top + inner_row;
                if e.focus == Focus::Editor {
                    e.end_typing_run();
                }
                e.focus = Focus::Outline;
                if index < e.entries.len() {
                    e.select(index);
                }
            } else if let Some(pane) = layout.editor.filter(|_| hit(layout.editor)) {
                e.focus = Focus::Editor;
                click_in_fields(e, pane, mouse.column, mouse.row, lang);
            } else if hit(layout.preview) || hit(layout.findings) {
                if e.focus == Focus::Editor {
                    e.end_typing_run();
                }
                e.focus = if hit(layout.findings) {
                    Focus::Findings
                } else {
                    Focus::Preview
                };
            }
            app.dirty_screen = true;
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let down = mouse.kind == MouseEventKind::ScrollDown;
            if hit(layout.preview) {
                e.preview_scroll += if down { 3 } else { -3 };
            } else if hit(layout.outline) {
                let last = e.entries.len().saturating_sub(1);
                let target = if down {
                    (e.selected + 3).min(last)
                } else {
                    e.selected.saturating_sub(3)
                };
                e.select(target);
            } else if hit(layout.editor)
                && let Some(view) = e.active_view(size, lang)
                && let Some(fa) = e.fields.active_mut()
            {
                // The text follows the cursor: move it three rows.
                let (row, col) = view.cursor;
                let last = view.rows.len().saturating_sub(1);
                let row = if down {
                    (row + 3).min(last)
                } else {
                    row.saturating_sub(3)
                };
                jump_cursor(fa, text_position(&view.rows, row, col));
            }
            app.dirty_screen = true;
        }
        _ => {}
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyModifiers;
    use ratatui::layout::Rect;

    use super::*;
    use crate::app::editor::test_support::{app, editor, press};
    use crate::app::outline::Entry;

    fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) {
        app.handle_mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        });
    }

    fn click(app: &mut App, column: u16, row: u16) {
        mouse(app, MouseEventKind::Down(MouseButton::Left), column, row);
    }

    fn panes(app: &App) -> crate::layout::EditorLayout {
        let e = editor(app);
        editor_layout(
            Rect::new(0, 0, app.size.0, app.size.1),
            e.focus,
            e.show_findings,
        )
    }

    #[test]
    fn a_paste_goes_into_the_active_field_as_text() {
        let mut app = app();
        let title = editor(&app).doc.title.clone();
        // In the outline a paste does nothing.
        app.handle_paste("甲");
        assert_eq!(editor(&app).doc.title, title);
        press(&mut app, "Enter End");
        app.handle_paste("甲\r\n乙\u{7}");
        // A one-line field joins the lines; the bell is dropped.
        let pasted = &editor(&app).doc.title[title.len()..];
        assert!(
            pasted.starts_with('甲') && pasted.ends_with('乙'),
            "{pasted:?}"
        );
        assert!(!pasted.contains(['\n', '\r', '\u{7}']), "{pasted:?}");
        // One step of its own.
        press(&mut app, "C-z");
        assert_eq!(editor(&app).doc.title, title);
    }

    #[test]
    fn a_click_on_an_outline_row_selects_the_entry_drawn_there() {
        let mut app = app();
        let outline = panes(&app).outline.expect("an outline at 120x40");
        // The rows inside the border, from the top (all entries fit).
        for k in [3, 0, 5] {
            click(&mut app, outline.x + 2, outline.y + 1 + k);
            assert_eq!(editor(&app).selected, usize::from(k));
            assert_eq!(editor(&app).focus, Focus::Outline);
        }
    }

    #[test]
    fn a_click_in_a_field_puts_the_cursor_under_it() {
        let mut app = app();
        let pane = panes(&app).editor.expect("an editor at 120x40");
        let inner = pane.inner(ratatui::layout::Margin::new(1, 1));
        let slots = editor(&app).fields.slots(inner, app.lang());
        let title = editor(&app).doc.title.clone();
        // The title starts with ASCII `XX`: one column a character.
        assert!(title.starts_with("XX"));
        let slot = slots[0];
        click(&mut app, slot.text.x + 1, slot.text.y);
        let e = editor(&app);
        assert_eq!(e.focus, Focus::Editor);
        let at = e.fields.active().expect("the title").area.cursor();
        assert_eq!((at.0, at.1), (0, 1));
        // A click on another field's label makes it active.
        let other = slots[1];
        click(&mut app, other.label.x, other.label.y);
        assert_eq!(editor(&app).fields.active, 1);
    }

    #[test]
    fn the_wheel_scrolls_the_pane_under_it() {
        let mut app = app();
        let layout = panes(&app);
        let preview = layout.preview.expect("a preview at 120x40");
        mouse(
            &mut app,
            MouseEventKind::ScrollDown,
            preview.x + 2,
            preview.y + 2,
        );
        assert_eq!(editor(&app).preview_scroll, 3);
        let outline = layout.outline.expect("an outline");
        mouse(
            &mut app,
            MouseEventKind::ScrollDown,
            outline.x + 2,
            outline.y + 2,
        );
        assert_eq!(editor(&app).selected, 3);
        assert_eq!(editor(&app).selected_entry(), editor(&app).entries[3]);
        assert_ne!(editor(&app).selected_entry(), Entry::Title);
    }
}
