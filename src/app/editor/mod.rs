//! The editor screen, one job a file: the state of the open draft
//! (`state`), its live counts (`live_counts`), every change through the
//! history by one path (`history`), structural edits of the selection
//! (`structure`), folding the outline (`folds`), how far the preview
//! scrolls (`preview`), key dispatch for the panes (`keys`), the popup
//! that is open (`popup`), the popups' keys (`popups`) and the find bar
//! (`find_bar`), paste and the mouse (`pointer`), the reference pane
//! toggled (`reference`).

mod field_keys;
mod find_bar;
mod folds;
mod history;
mod keys;
mod live_counts;
mod pointer;
mod popup;
mod popups;
mod preview;
mod reference;
mod state;
mod structure;
mod typed;

pub use crate::layout::Focus;
pub(super) use keys::handle_key;
pub use live_counts::Counts;
pub(super) use pointer::{handle_mouse, handle_paste};
pub use popup::Popup;
pub use preview::preview_scroll_within;
pub use state::{EditorState, PHRASE_PAUSE, RunKind, TypingRun};
pub use typed::typed_by;
pub(in crate::app) use typed::typing_here;

/// What the editor's unit tests start from: the party-branch template as a
/// draft, in an editor or in a whole app, and keys by their config spelling.
#[cfg(test)]
pub(in crate::app) mod test_support {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::EditorState;
    use crate::app::{App, Settings};
    use crate::document::Document;
    use crate::settings::keymap::KeyBinding;
    use crate::storage::{DraftId, DraftLocation};

    pub fn sample() -> Document {
        crate::templates::Template::find("party-branch")
            .expect("the built-in party-branch template")
            .document(Some("XX党支部2020年上半年党建工作总结"))
    }

    fn location() -> DraftLocation {
        DraftLocation {
            id: DraftId::parse("unit").ok(),
            path: "/nonexistent/drafts/unit.toml".into(),
            backup: "/nonexistent/backups/unit.toml".into(),
        }
    }

    pub fn state() -> EditorState {
        EditorState::new(sample(), location())
    }

    /// The sample in an app at 120×40.
    pub fn app() -> App {
        let mut app = App::with_editor(Settings::default(), sample(), location());
        app.size = (120, 40);
        app
    }

    pub fn editor(app: &App) -> &EditorState {
        app.editor().expect("the editor screen")
    }

    /// `"J C-s A-Down"` → key events, Shift added to capitals.
    pub fn keys(spec: &str) -> Vec<KeyEvent> {
        spec.split_whitespace()
            .map(|k| {
                KeyBinding::parse(k)
                    .unwrap_or_else(|e| panic!("{e:?}"))
                    .event()
            })
            .collect()
    }

    /// Presses the keys; every effect they asked for.
    pub fn press(app: &mut App, spec: &str) -> Vec<crate::app::Effect> {
        keys(spec)
            .into_iter()
            .flat_map(|k| app.handle_key(k))
            .collect()
    }

    pub fn type_text(app: &mut App, text: &str) {
        for c in text.chars() {
            app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }
}
