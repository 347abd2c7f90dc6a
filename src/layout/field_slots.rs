//! Where each field of the editor pane sits: its label, the rows of its
//! text and the note under it, shared by drawing and by mouse clicks.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::{Paragraphs, rows_needed};

/// What the placement of a field depends on.
#[derive(Debug, Clone, Copy)]
pub struct FieldShape<'a> {
    /// Its label as shown, without the colon.
    pub label: &'a str,
    /// Whether it takes paragraphs (below its label) or one line (beside it).
    pub multiline: bool,
    /// Its text, paragraph by paragraph, with their wraps.
    pub text: &'a dyn Paragraphs,
    /// Whether a note says its control characters are shown escaped.
    pub escaped_controls: bool,
}

/// Where one field of the editor pane is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSlot {
    pub label: Rect,
    pub text: Rect,
    /// The line saying control characters are shown escaped, if any.
    pub note: Option<Rect>,
}

impl FieldSlot {
    /// The row below it.
    pub fn bottom(&self) -> u16 {
        self.note
            .map_or(self.text.y + self.text.height, |n| n.y + 1)
    }
}

/// The layout of the fields inside the editor pane (`inner`: within its
/// border), shared by drawing and by mouse clicks. One-line fields sit
/// beside their label and take the rows their wrapped text needs (up to
/// 3); a multi-line field takes the rest, below its label. Fields that do
/// not fit are left out. When the `active` field would be one of them (a
/// small window), the fields before it are left out instead, as slots of
/// no size, so that the field being typed in is always on screen.
pub fn field_slots(inner: Rect, fields: &[FieldShape], active: usize) -> Vec<FieldSlot> {
    let slots = stack(inner, fields);
    let shown = |slots: &[FieldSlot], i: usize| slots.get(i).is_some_and(|s| s.text.height > 0);
    if active >= fields.len() || shown(&slots, active) {
        return slots;
    }
    let nowhere = Rect::new(inner.x, inner.y, 0, 0);
    let hidden = FieldSlot {
        label: nowhere,
        text: nowhere,
        note: None,
    };
    let mut slots = vec![hidden; active];
    slots.extend(stack(inner, &fields[active..]));
    slots
}

/// The fields stacked from the top of `inner`, as many as fit.
fn stack(inner: Rect, fields: &[FieldShape]) -> Vec<FieldSlot> {
    let mut slots = Vec::new();
    if inner.width < 4 || inner.height == 0 {
        return slots;
    }
    let label_width = fields
        .iter()
        .filter(|fa| !fa.multiline)
        .map(|fa| fa.label.width() + 2)
        .max()
        .unwrap_or(0) as u16;
    let multiline_count = fields.iter().filter(|fa| fa.multiline).count() as u16;
    let bottom = inner.y + inner.height;
    let mut y = inner.y;
    for fa in fields {
        if y >= bottom {
            break;
        }
        let (label, text) = if fa.multiline {
            let label = Rect::new(inner.x, y, inner.width, 1);
            let rows_left = bottom.saturating_sub(y + 1);
            let height = (rows_left / multiline_count.max(1)).max(u16::from(rows_left > 0));
            (label, Rect::new(inner.x, y + 1, inner.width, height))
        } else {
            let label_cols = label_width.min(inner.width / 2);
            let width = inner.width - label_cols;
            let wrapped = rows_needed(fa.text, usize::from(width.max(1)));
            let rows = (wrapped as u16).clamp(1, 3).min(bottom - y);
            (
                Rect::new(inner.x, y, label_cols, 1),
                Rect::new(inner.x + label_cols, y, width, rows),
            )
        };
        if text.height == 0 || text.width == 0 {
            break;
        }
        let after = text.y + text.height;
        let note = (fa.escaped_controls && after < bottom)
            .then(|| Rect::new(inner.x, after, inner.width, 1));
        let slot = FieldSlot { label, text, note };
        y = slot.bottom();
        slots.push(slot);
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_active_field_is_shown_in_a_small_pane() {
        let (heading, intro) = (lines(&"重点党建工作".repeat(4)), lines("引言的文字"));
        let fields = [
            FieldShape {
                label: "部分标题",
                multiline: false,
                text: &heading,
                escaped_controls: false,
            },
            FieldShape {
                label: "引言",
                multiline: true,
                text: &intro,
                escaped_controls: false,
            },
        ];
        // 22 columns, 4 rows: the heading wraps to 3 rows, the intro's label
        // takes the 4th and its text would get none.
        let inner = Rect::new(1, 1, 22, 4);
        let first = field_slots(inner, &fields, 0);
        assert_eq!(first[0].text.height, 3);
        assert!(first.get(1).is_none_or(|s| s.text.height == 0));
        let second = field_slots(inner, &fields, 1);
        assert_eq!(second.len(), 2);
        assert_eq!(second[0].text.height, 0, "the heading steps aside");
        assert_eq!(second[1].label.y, inner.y);
        assert_eq!(second[1].text, Rect::new(1, 2, 22, 3));
    }

    fn lines(text: &str) -> Vec<String> {
        text.split('\n').map(str::to_string).collect()
    }

    #[test]
    fn slots_stack_inside_the_pane_without_overlapping() {
        let (title, heading, body) = (lines("标题"), lines(&"很长".repeat(40)), lines("甲\n乙"));
        let fields = [
            FieldShape {
                label: "标题",
                multiline: false,
                text: &title,
                escaped_controls: false,
            },
            FieldShape {
                label: "小标题",
                multiline: false,
                text: &heading,
                escaped_controls: true,
            },
            FieldShape {
                label: "正文",
                multiline: true,
                text: &body,
                escaped_controls: false,
            },
        ];
        let inner = Rect::new(1, 1, 40, 20);
        let slots = field_slots(inner, &fields, 0);
        assert_eq!(slots.len(), 3);
        // One-line fields beside their labels, as wide as the widest label.
        let label = u16::try_from("小标题".width() + 2).unwrap();
        assert_eq!(slots[0].label.width, label);
        assert_eq!(slots[0].text, Rect::new(1 + label, 1, 40 - label, 1));
        // 160 columns of heading: three rows at most, then its note.
        assert_eq!(slots[1].text.height, 3);
        assert_eq!(slots[1].note, Some(Rect::new(1, 5, 40, 1)));
        // The body below its label takes the rest.
        assert_eq!(slots[2].label, Rect::new(1, 6, 40, 1));
        assert_eq!(slots[2].text, Rect::new(1, 7, 40, 14));
        let mut rows = [false; 40];
        for s in &slots {
            for r in [Some(s.label), Some(s.text), s.note].into_iter().flatten() {
                assert!(inner.contains(r.as_position()) && r.bottom() <= inner.bottom());
                for y in r.y..r.bottom() {
                    if r == s.label && s.label.y == s.text.y {
                        continue;
                    }
                    assert!(!rows[usize::from(y)], "row {y} twice");
                    rows[usize::from(y)] = true;
                }
            }
        }
        // A pane too small shows nothing rather than slivers.
        assert!(field_slots(Rect::new(0, 0, 3, 10), &fields, 0).is_empty());
    }
}
