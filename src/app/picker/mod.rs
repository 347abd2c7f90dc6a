//! The draft picker: the drafts in the data directory, filtered as the
//! writer types; open, create from a template, copy, rename, delete to the
//! trash and restore. Its state (`state`) and its keys (`keys`).

mod keys;
mod state;

pub(super) use keys::{handle_key, handle_mouse};
pub use state::{PickerPopup, PickerState, RenameWhat};
