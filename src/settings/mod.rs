//! What the user sets: `config.toml` (language, export defaults, fonts),
//! key bindings and colour themes. Read once at start; nothing here draws
//! or edits a draft.

pub mod config;
pub mod keymap;
pub mod theme;
