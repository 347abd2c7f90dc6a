//! The command line (docs/design/command-line.md, "The contract"), as clap
//! derive types.

pub mod commands;
pub mod doctor;
pub mod help;
pub mod manual;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::docx::ExportFormat;
use crate::plain_text::{ExportOptions, TextEncoding};

/// zongjie (总结): write Chinese work summaries in the terminal.
#[derive(Debug, Parser)]
#[command(name = "zongjie", version, about, long_about = None)]
pub struct Cli {
    /// Data directory holding drafts/ (default: the user data dir, or $ZONGJIE_DATA_DIR)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Interface language
    #[arg(long, global = true, value_parser = ["zh", "en"])]
    pub lang: Option<String>,
    /// Colour theme (see `zongjie themes`)
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a draft in the full-screen editor
    Open(OpenArgs),
    /// Create a draft from a template (or the next period's from an earlier draft) and print its id
    New(NewArgs),
    /// List drafts: id, title, modified, characters
    List(ListArgs),
    /// Export a draft as plain text or as a .docx in the official-document layout
    Export(ExportArgs),
    /// Turn a plain-text summary into a new draft and print its id
    Import(ImportArgs),
    /// Put back the previous version of a draft (run it again to undo), or an earlier one
    Restore(RestoreArgs),
    /// List the earlier versions kept of a draft (one per ten minutes of saving, the newest 20)
    History(HistoryArgs),
    /// List the templates (built-in and your own)
    Templates,
    /// List the colour themes (built-in and your own)
    Themes,
    /// Check a draft for what a reviewer would catch (exit 0 clean, 1 findings, 2 error)
    Check(CheckArgs),
    /// Compare a draft with an earlier version or another draft, paragraph by paragraph (exit 0 same, 1 different)
    Diff(DiffArgs),
    /// Print a shell completion script (bash, zsh or fish)
    Completions(CompletionsArgs),
    /// Print what support needs: version, folders, permissions, terminal, locale
    Doctor,
    /// Print the man page (roff; read it with `zongjie man | man -l -`)
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Template to start from (see `zongjie templates`), or a draft (id or path) to copy [default: party-branch]
    #[arg(long, value_name = "NAME")]
    pub template: Option<String>,
    /// Title of the summary, e.g. "XX党支部2020年上半年党建工作总结"
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// Id of the new draft (default: today's date and a number)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// The next period's draft from an earlier one: its 下一步 promises become the items to report on
    #[arg(long, value_name = "ID|PATH", conflicts_with = "template")]
    pub from: Option<String>,
    /// The period of the new draft (with --from; default: the one after the earlier draft's)
    #[arg(long, value_name = "TEXT", requires = "from")]
    pub period: Option<String>,
    /// Keep the result as your own template NAME instead of creating a draft
    #[arg(long, value_name = "NAME", conflicts_with = "id")]
    pub save_as_template: Option<String>,
}

/// Export options on the command line win over the `[export]` defaults of
/// config.toml: each setting has a flag that turns it on and one that turns
/// it off, and the last one given counts.
#[derive(Debug, Args)]
#[command(after_help = "Flags win over the [export] settings of config.toml.")]
pub struct ExportArgs {
    /// Draft id, or the path of a draft file (*.toml)
    #[arg(value_name = "ID|PATH")]
    pub draft: String,
    /// Output file, or - for standard output (default: <ID>.txt or <ID>.docx in the current directory)
    #[arg(short = 'o', long = "output", value_name = "FILE|-")]
    pub output: Option<PathBuf>,
    /// txt, or docx in the official-document layout (GB/T 9704); default: docx for a FILE.docx, else txt
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ExportFormat>,
    /// Overwrite the output file if it exists
    #[arg(long)]
    pub force: bool,
    /// Text encoding of the output
    #[arg(long, value_name = "ENCODING")]
    pub encoding: Option<TextEncoding>,
    /// Windows line ends (CRLF)
    #[arg(long, overrides_with = "no_crlf")]
    pub crlf: bool,
    /// Unix line ends (LF), even if config.toml asks for CRLF
    #[arg(long, overrides_with = "crlf")]
    pub no_crlf: bool,
    /// Indent paragraphs with two full-width spaces
    #[arg(long, overrides_with = "no_indent")]
    pub indent: bool,
    /// No indent, even if config.toml asks for one
    #[arg(long, overrides_with = "indent")]
    pub no_indent: bool,
    /// A blank line between paragraphs
    #[arg(long, overrides_with = "no_blank_lines")]
    pub blank_lines: bool,
    /// No blank line between paragraphs, even if config.toml asks for them
    #[arg(long, overrides_with = "blank_lines")]
    pub no_blank_lines: bool,
    /// Wrap lines at N display columns (a Chinese character is 2); 0 for no wrapping
    #[arg(long, value_name = "N", value_parser = parse_width, overrides_with = "no_wrap")]
    pub width: Option<u16>,
    /// One line per paragraph, even if config.toml sets a width (same as --width 0)
    #[arg(long, overrides_with = "width")]
    pub no_wrap: bool,
}

impl ExportArgs {
    /// The options to export with: these flags over `defaults` (config.toml).
    pub fn options(&self, defaults: &ExportOptions) -> ExportOptions {
        let pick = |on: bool, off: bool, default: bool| (on || default) && !off;
        let width = if self.no_wrap {
            None
        } else {
            match self.width {
                Some(0) => None,
                Some(w) => Some(usize::from(w)),
                None => defaults.width,
            }
        };
        ExportOptions {
            indent: pick(self.indent, self.no_indent, defaults.indent),
            blank_lines: pick(self.blank_lines, self.no_blank_lines, defaults.blank_lines),
            width,
            encoding: self.encoding.unwrap_or(defaults.encoding),
            crlf: pick(self.crlf, self.no_crlf, defaults.crlf),
        }
    }
}

/// `--width`: 0 (no wrapping) or at least 4 columns, the narrowest a line
/// of two Chinese characters fits in.
fn parse_width(text: &str) -> Result<u16, String> {
    match text.parse::<u16>() {
        Ok(w) if w == 0 || w >= 4 => Ok(w),
        Ok(_) => Err("expected 0 (no wrapping) or 4 or more columns".to_string()),
        Err(e) => Err(e.to_string()),
    }
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// Draft id, or the path of a draft file (*.toml)
    #[arg(value_name = "ID|PATH")]
    pub draft: String,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Text file to import (UTF-8 or GB18030), or - for standard input
    #[arg(value_name = "FILE|-")]
    pub file: PathBuf,
    /// Id of the new draft (default: today's date and a number)
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Replace the draft with this id if it exists (its previous version is kept as the backup)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Draft id, or the path of a draft file (*.toml)
    #[arg(value_name = "ID|PATH")]
    pub draft: String,
    /// Put back this earlier version instead (see `zongjie history`)
    #[arg(long, value_name = "YYYYMMDD-HHMMSS")]
    pub to: Option<String>,
    /// The argument is a rescue file (text a failed save left, see `zongjie doctor`): make it a new draft
    #[arg(long, conflicts_with = "to")]
    pub rescue: bool,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Draft id
    #[arg(value_name = "ID")]
    pub draft: String,
    /// Print the versions as one JSON object (schema in README.md)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Default, Args)]
pub struct ListArgs {
    /// Print the drafts as one JSON object (schema in README.md)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Draft id, or the path of a draft file (*.toml)
    #[arg(value_name = "ID|PATH")]
    pub draft: String,
    /// Print the findings as one JSON object (schema in README.md)
    #[arg(long)]
    pub json: bool,
    /// Target length in characters (default: the draft's own target, if set)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub target: Option<u32>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Draft id, or the path of a draft file (*.toml)
    #[arg(value_name = "ID|PATH")]
    pub draft: String,
    /// The earlier version to compare with (see `zongjie history`; default: the newest one)
    #[arg(long, value_name = "YYYYMMDD-HHMMSS", conflicts_with = "with")]
    pub to: Option<String>,
    /// Another draft to compare with (shown as the older side)
    #[arg(long, value_name = "ID|PATH")]
    pub with: Option<String>,
}

/// The shells `zongjie completions` writes scripts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: CompletionShell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write zongjie.1 and a page per subcommand into DIR instead of printing zongjie.1
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// The language `--lang` asks for, read before the command line is parsed
/// so that `--help` can already speak it: `--lang zh` or `--lang=zh`.
pub fn lang_flag(args: &[std::ffi::OsString]) -> Option<crate::i18n::Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = args.next() {
        match arg {
            Some("--") => return None,
            Some("--lang") => return args.next().flatten().and_then(crate::i18n::Lang::parse),
            Some(a) if a.starts_with("--lang=") => return crate::i18n::Lang::parse(&a[7..]),
            _ => {}
        }
    }
    None
}

/// A command-line error from clap as one line for stderr: the reason and any
/// possible values or tip, without the usage block clap prints after it.
pub fn one_line_error(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let mut line = String::new();
    for part in rendered.lines().map(str::trim) {
        if part.is_empty() || part.starts_with("Usage:") || part.starts_with("For more information")
        {
            continue;
        }
        if line.is_empty() {
            line.push_str(part.strip_prefix("error:").map_or(part, str::trim_start));
        } else {
            line.push_str(if part.starts_with("tip:") { "; " } else { " " });
            line.push_str(part);
        }
    }
    line.push_str(" (see `zongjie --help`)");
    line
}
