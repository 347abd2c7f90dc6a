//! Target lengths set from the editor: `t` in the outline asks for a number
//! of characters for the selected section (or, on the title, preamble,
//! signature or notes, for the whole draft); an empty answer clears it. The
//! status bar shows 本节 N/T 字 · 全文 N/T 字 and the outline marks sections
//! far under or over their target.

use crossterm::event::{KeyCode, KeyEvent};

use super::Effect;
use super::editor::{EditorState, Popup};
use crate::document::{Document, Edit};
use crate::settings::keymap::{Action, Context, Keymap};

/// A section is marked when its length is outside these shares of its target.
pub const FAR_UNDER: f64 = 0.5;
pub const FAR_OVER: f64 = 1.5;

/// How a section's length compares with its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetMark {
    FarUnder,
    FarOver,
}

/// The mark of section `s`, if it has a target and is far from it.
pub fn target_mark(doc: &Document, s: usize) -> Option<TargetMark> {
    let target = f64::from(doc.sections.get(s)?.target_chars?.max(1));
    let chars = doc.section_char_count(s) as f64;
    if chars < target * FAR_UNDER {
        Some(TargetMark::FarUnder)
    } else if chars > target * FAR_OVER {
        Some(TargetMark::FarOver)
    } else {
        None
    }
}

impl EditorState {
    /// The section the target prompt is about; `None` for the whole draft.
    pub fn target_scope(&self) -> Option<usize> {
        self.selected_entry().section()
    }

    /// The target of the selected section (or of the draft), as set.
    pub fn selected_target(&self) -> Option<u32> {
        match self.target_scope() {
            Some(s) => self.doc.sections.get(s).and_then(|s| s.target_chars),
            None => self.doc.target_chars,
        }
    }

    /// The target of the section the selection is in.
    pub fn section_target(&self) -> Option<u32> {
        let s = self.target_scope()?;
        self.doc.sections.get(s)?.target_chars
    }

    /// Opens the prompt with the current target.
    pub fn ask_target(&mut self) {
        if self.read_only {
            return;
        }
        let input = self
            .selected_target()
            .map_or(String::new(), |t| t.to_string());
        self.popup = Some(Popup::Target { input });
    }
}

/// A key in the target prompt: digits, Backspace, Enter to set (empty
/// clears), Esc to leave it as it was (Enter and Esc as the keymap says).
pub(super) fn handle_target_key(
    e: &mut EditorState,
    mut input: String,
    key: KeyEvent,
    keymap: &Keymap,
) -> Vec<Effect> {
    match keymap.action(Context::Target, &key) {
        Some(Action::Confirm) => {
            let target = input.parse::<u32>().ok().filter(|&t| t > 0);
            let edit = Edit::SetTarget {
                section: e.target_scope(),
                target,
            };
            let changed = target != e.selected_target() && e.apply(edit);
            return if changed {
                vec![Effect::Save]
            } else {
                Vec::new()
            };
        }
        Some(Action::Cancel) => return Vec::new(),
        _ => {}
    }
    match key.code {
        // No leading zero; seven digits are more than any summary.
        KeyCode::Char(c)
            if c.is_ascii_digit() && input.len() < 7 && !(input.is_empty() && c == '0') =>
        {
            input.push(c);
        }
        KeyCode::Backspace => {
            input.pop();
        }
        _ => {}
    }
    e.popup = Some(Popup::Target { input });
    Vec::new()
}
