//! zongjie (总结): a full-screen terminal editor for Chinese work summaries.
//!
//! - [`document`]: the summary as pure data, numbering and structural edits;
//! - [`plain_text`]: export to the genre's `.txt` (and import from it);
//! - [`docx`]: export to `.docx` in the official-document layout;
//! - [`storage`]: draft files, the data directory, atomic saves;
//! - [`check`]: findings a reviewer would point at, with safe fixes;
//! - [`diff`]: two versions compared paragraph by paragraph, sentence by sentence;
//! - [`cli`]: the command line, its commands, the manual and `doctor`;
//! - [`settings`]: the user's configuration, key bindings and themes;
//! - [`lang`]: the interface language; [`i18n`]: the words said in it;
//! - [`layout`]: screen geometry (panes, field slots, wrapped rows) that
//!   drawing and mouse handling both read;
//! - [`app`]: the editor and picker state, updated by keys, returning effects;
//! - [`ui`]: drawing that state into a ratatui frame;
//! - [`tui`]: the terminal itself (raw mode, the byte-thrifty backend, signals);
//! - [`run`]: the loop that ties them together and performs the effects.
//!
//! Five single-file modules stay at the top because each is one idea used
//! across folders: [`lang`], [`diff`], [`templates`], [`sanitize`] and [`run`].

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
