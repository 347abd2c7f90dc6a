//! Which rectangle of the screen is which pane of the editor, and which
//! rows of a list are in view. Drawing places the panes here and mouse
//! clicks are hit-tested against the same rectangles.

use ratatui::layout::{Constraint, Layout, Rect};

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
/// A pure function of its arguments; drawing keeps the last answer in its
/// `ui::DrawCache` (solving the constraints is a sixth of a frame's work).
pub fn editor_layout(area: Rect, focus: Focus, show_findings: bool) -> EditorLayout {
    let [body, status] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    let mut layout = EditorLayout {
        status,
        ..Default::default()
    };
    if area.width >= 90 {
        let outline_width = (area.width * 3 / 10).clamp(24, 44);
        let [left, right] =
            Layout::horizontal([Constraint::Length(outline_width), Constraint::Min(0)]).areas(body);
        layout.outline = Some(left);
        if right.height >= 14 {
            let [top, bottom] =
                Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(right);
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
        let [left, right] =
            Layout::horizontal([Constraint::Length(outline_width), Constraint::Min(0)]).areas(body);
        layout.outline = Some(left);
        layout.place_single(focus, right);
    } else if focus == Focus::Outline {
        layout.outline = Some(body);
    } else {
        layout.place_single(focus, body);
    }
    layout
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
    use super::*;

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
