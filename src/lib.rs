//! zongjie (总结): a full-screen terminal editor for Chinese work summaries.
//!
//! The modules, from the bottom layer up; each imports only from those
//! listed before it (docs/architecture.md, "The layers"; checked by
//! `tests/architecture.rs`):
//!
//! - [`document`]: the summary as pure data, numbering and structural edits;
//!   [`lang`]: the interface language; [`sanitize`]: text made safe for the terminal;
//! - [`storage`]: draft files, the data directory, atomic saves, every byte on disk;
//! - [`check`]: findings a reviewer would point at, with safe fixes;
//! - [`plain_text`]: export to the genre's `.txt` (and import from it);
//!   [`templates`]: built-in and user templates;
//! - [`diff`]: two versions compared paragraph by paragraph, sentence by sentence;
//!   [`docx`]: export to `.docx` in the official-document layout;
//!   [`i18n`]: the words said in the interface language;
//! - [`settings`]: the user's configuration, key bindings and themes;
//!   [`layout`]: screen geometry (panes, field slots, wrapped rows) that
//!   drawing and mouse handling both read;
//! - [`app`]: the editor and picker state, updated by keys, returning effects;
//! - [`ui`]: drawing that state into a ratatui frame; [`tui`]: the terminal
//!   itself (raw mode, the byte-thrifty backend, signals); [`cli`]: the
//!   command line, its commands, the manual and `doctor`;
//! - [`run`]: the loop that ties them together and performs the effects.

pub mod app;
pub mod check;
pub mod cli;
pub mod diff;
pub mod document;
pub mod docx;
pub mod i18n;
pub mod lang;
pub mod layout;
pub mod plain_text;
pub mod run;
pub mod sanitize;
pub mod settings;
pub mod storage;
pub mod templates;
pub mod tui;
pub mod ui;
