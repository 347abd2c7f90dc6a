//! Which rectangle of the screen is which pane of the editor, and which
//! rows of a list are in view. Drawing places the panes here and mouse
//! clicks are hit-tested against the same rectangles.

use ratatui::layout::Rect;

/// The pane that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Outline,
    Editor,
    Preview,
    Findings,
}

/// Where the editor's panes are; a hidden pane is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EditorLayout {
    pub outline: Option<Rect>,
    pub editor: Option<Rect>,
    pub preview: Option<Rect>,
    pub findings: Option<Rect>,
    pub status: Rect,
}

/// Wide terminals show outline, editor and preview; medium ones the outline
/// and the focused right pane; narrow ones only the focused pane.
///
/// Plain arithmetic, what ratatui's constraint solver gives for these few
/// splits (a test holds the two equal at every size): solving them was a
/// sixth of a frame's work, and the app asks for the layout on every key
/// (where the cursor is on screen), so no cache is needed anywhere.
pub fn editor_layout(area: Rect, focus: Focus, show_findings: bool) -> EditorLayout {
    let [body, status] = split_last_row(area);
    let mut layout = EditorLayout {
        status,
        ..Default::default()
    };
    if area.width >= 90 {
        let outline_width = (area.width * 3 / 10).clamp(24, 44);
        let [left, right] = split_columns(body, outline_width);
        layout.outline = Some(left);
        if right.height >= 14 {
            let [top, bottom] = split_55_45(right);
            layout.editor = Some(top);
            if show_findings {
                layout.findings = Some(bottom);
            } else {
                layout.preview = Some(bottom);
            }
        } else {
            layout.place_single(focus, right);
        }
    } else if area.width >= 56 {
        let outline_width = (area.width * 2 / 5).max(20);
        let [left, right] = split_columns(body, outline_width);
        layout.outline = Some(left);
        layout.place_single(focus, right);
    } else if focus == Focus::Outline {
        layout.outline = Some(body);
    } else {
        layout.place_single(focus, body);
    }
    layout
}

/// `Layout::vertical([Min(0), Length(1)])`: all rows but the last, and the last.
fn split_last_row(area: Rect) -> [Rect; 2] {
    split_rows(area, area.height.saturating_sub(1))
}

/// `Layout::vertical([Percentage(55), Percentage(45)])`: 55 % of the rows,
/// rounded to the nearest, and the rest.
fn split_55_45(area: Rect) -> [Rect; 2] {
    let top = u16::try_from((u32::from(area.height) * 55 + 50) / 100).unwrap_or(area.height);
    split_rows(area, top)
}

/// The first `top` rows of `area` (at most all), and the rest.
fn split_rows(area: Rect, top: u16) -> [Rect; 2] {
    let top = top.min(area.height);
    let mut rest = area;
    (rest.y, rest.height) = (area.y + top, area.height - top);
    [
        Rect {
            height: top,
            ..area
        },
        rest,
    ]
}

/// `Layout::horizontal([Length(left), Min(0)])`: `left` columns (or all
/// there are), and the rest.
fn split_columns(area: Rect, left: u16) -> [Rect; 2] {
    let left = left.min(area.width);
    let mut rest = area;
    (rest.x, rest.width) = (area.x + left, area.width - left);
    [
        Rect {
            width: left,
            ..area
        },
        rest,
    ]
}

impl EditorLayout {
    /// One right-hand pane: the focused one, or the editor.
    fn place_single(&mut self, focus: Focus, area: Rect) {
        match focus {
            Focus::Preview => self.preview = Some(area),
            Focus::Findings => self.findings = Some(area),
            Focus::Outline | Focus::Editor => self.editor = Some(area),
        }
    }
}

/// The first entry shown so that the selection stays in view, near the middle.
pub fn outline_top(selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    selected.saturating_sub(height / 2).min(len - height)
}

#[cfg(test)]
mod tests {
    use ratatui::layout::{Constraint, Layout};

    use super::*;

    /// The oracle: ratatui's solver gives what the arithmetic gives, at
    /// every width and every height a terminal can have (the splits of one
    /// direction do not depend on the other), at an offset too.
    #[test]
    fn the_splits_are_what_ratatui_solves() {
        let solved = |area: Rect, constraints: [Constraint; 2], vertical: bool| -> [Rect; 2] {
            if vertical {
                Layout::vertical(constraints).areas(area)
            } else {
                Layout::horizontal(constraints).areas(area)
            }
        };
        for n in 0..=600u16 {
            let tall = Rect::new(3, 2, 100, n);
            assert_eq!(
                split_last_row(tall),
                solved(tall, [Constraint::Min(0), Constraint::Length(1)], true),
                "{tall:?}"
            );
            assert_eq!(
                split_55_45(tall),
                solved(
                    tall,
                    [Constraint::Percentage(55), Constraint::Percentage(45)],
                    true
                ),
                "{tall:?}"
            );
            let wide = Rect::new(3, 2, n, 30);
            for left in [0, 20, 24, 44, n / 2, n, n.saturating_add(1)] {
                assert_eq!(
                    split_columns(wide, left),
                    solved(wide, [Constraint::Length(left), Constraint::Min(0)], false),
                    "{wide:?} {left}"
                );
            }
        }
    }

    #[test]
    fn layouts_adapt_to_width() {
        let wide = editor_layout(Rect::new(0, 0, 120, 40), Focus::Outline, false);
        assert!(wide.outline.is_some() && wide.editor.is_some() && wide.preview.is_some());
        let medium = editor_layout(Rect::new(0, 0, 80, 24), Focus::Outline, false);
        assert!(medium.outline.is_some() && medium.editor.is_some() && medium.preview.is_none());
        let narrow = editor_layout(Rect::new(0, 0, 40, 12), Focus::Editor, false);
        assert!(narrow.outline.is_none() && narrow.editor.is_some());
    }
}
