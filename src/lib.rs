//! zongjie (总结): a full-screen terminal editor for Chinese work summaries.
//!
//! - [`document`]: the summary as pure data, numbering and structural edits;
//! - [`plain_text`]: export to the genre's `.txt` (and import from it);
//! - [`docx`]: export to `.docx` in the official-document layout;
//! - [`storage`]: draft files, the data directory, atomic saves;
//! - [`check`]: findings a reviewer would point at, with safe fixes;
//! - [`diff`]: two versions compared paragraph by paragraph, sentence by sentence;
//! - [`cli`] and [`commands`]: the command line.
//! - [`manual`] and [`doctor`]: completions, man pages, the support report.

pub mod app;
pub mod check;
pub mod cli;
pub mod cli_help;
pub mod commands;
pub mod config;
pub mod diff;
pub mod doctor;
pub mod document;
pub mod docx;
pub mod i18n;
pub mod keymap;
pub mod manual;
pub mod plain_text;
pub mod run;
pub mod sanitize;
pub mod signals;
pub mod storage;
pub mod templates;
pub mod theme;
pub mod tui;
pub mod ui;
