//! zongjie (总结): a full-screen terminal editor for Chinese work summaries.
//!
//! - [`document`]: the summary as pure data, numbering and structural edits;
//! - [`plain_text`]: export to the genre's `.txt` (and import from it);
//! - [`storage`]: draft files, the data directory, atomic saves;
//! - [`cli`] and [`commands`]: the command line.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod document;
pub mod i18n;
pub mod keymap;
pub mod plain_text;
pub mod run;
pub mod sanitize;
pub mod signals;
pub mod storage;
pub mod templates;
pub mod theme;
pub mod tui;
pub mod ui;
