//! The editor screen, one job a file: the state of the open draft
//! (`state`), its live counts (`live_counts`), every change through the
//! history by one path (`history`), structural edits of the selection
//! (`structure`), the preview memo (`preview`), key dispatch for the panes
//! (`keys`), the popups (`popups`) and the find bar (`find_bar`), paste and
//! the mouse (`pointer`).

mod find_bar;
mod history;
mod keys;
mod live_counts;
mod pointer;
mod popups;
mod preview;
mod state;
mod structure;

pub use crate::layout::Focus;
pub(super) use keys::handle_key;
pub use live_counts::Counts;
pub(super) use pointer::{active_view, handle_mouse, handle_paste};
pub use popups::Popup;
pub use preview::{PreviewParts, preview_max_scroll};
pub use state::{EditorState, PHRASE_PAUSE, RunKind, TypingRun};
