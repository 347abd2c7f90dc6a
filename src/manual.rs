//! Shell completions and man pages, generated from the clap definition in
//! [`crate::cli`] so they can never drift from the real command line.
//! The `.deb` build runs the binary to produce them (`scripts/build-deb`).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_mangen::Man;

use crate::cli::Cli;

/// The shells `zongjie completions` writes scripts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
}

impl CompletionShell {
    fn generator(self) -> clap_complete::Shell {
        match self {
            CompletionShell::Bash => clap_complete::Shell::Bash,
            CompletionShell::Zsh => clap_complete::Shell::Zsh,
            CompletionShell::Fish => clap_complete::Shell::Fish,
        }
    }
}

const BIN_NAME: &str = "zongjie";

/// Writes the completion script for `shell`.
pub fn write_completions(shell: CompletionShell, out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = Cli::command();
    // clap_complete panics on a broken pipe; render into memory and write once.
    let mut script = Vec::new();
    clap_complete::generate(shell.generator(), &mut cmd, BIN_NAME, &mut script);
    out.write_all(&script)?;
    out.flush()
}

/// Sections the clap definition cannot express; added after SUBCOMMANDS.
/// Each entry is a term and its explanation, rendered as a roff `.TP` list.
const EXTRA_SECTIONS: &[(&str, &[(&str, &str)])] = &[
    (
        "ENVIRONMENT",
        &[
            (
                "ZONGJIE_DATA_DIR",
                "Data directory to use when --data-dir is not given, e.g. a folder on a USB stick.",
            ),
            (
                "ZONGJIE_CONFIG_DIR",
                "Folder of config.toml and your own themes, instead of ~/.config/zongjie.",
            ),
            (
                "XDG_DATA_HOME, XDG_CONFIG_HOME",
                "Move the default folders (~/.local/share and ~/.config).",
            ),
            (
                "LC_ALL, LC_MESSAGES, LANG",
                "A locale starting with zh gives the Chinese interface, any other the English one; --lang and lang in config.toml override it.",
            ),
        ],
    ),
    (
        "FILES",
        &[
            (
                "~/.local/share/zongjie/drafts/ID.toml",
                "One draft, a plain TOML file: copy it to back it up or to move it to another machine. zongjie doctor shows the folders in use.",
            ),
            (
                "~/.local/share/zongjie/backups/",
                "The version of each draft before its last save.",
            ),
            (
                "~/.local/share/zongjie/trash/",
                "Deleted drafts, until restored from the draft picker.",
            ),
            (
                "~/.config/zongjie/config.toml",
                "Settings (theme, language, export defaults, key bindings); a missing file means defaults.",
            ),
        ],
    ),
    (
        "EXIT STATUS",
        &[
            ("0", "Success."),
            ("1", "zongjie check found something to fix."),
            (
                "2",
                "Error: bad arguments, a missing or damaged draft, a file that cannot be written. The reason is one line on standard error.",
            ),
        ],
    ),
];

/// The command as the man pages show it: `help` is not a page of its own.
fn man_command() -> clap::Command {
    Cli::command().disable_help_subcommand(true)
}

/// Writes the main page, `zongjie(1)`, as roff: clap_mangen's page with the
/// [`EXTRA_SECTIONS`] before its VERSION section.
pub fn write_man_page(out: &mut dyn Write) -> io::Result<()> {
    let mut page = Vec::new();
    Man::new(man_command()).render(&mut page)?;
    let mut extra = Vec::new();
    for (heading, entries) in EXTRA_SECTIONS {
        render_definition_list(&mut extra, heading, entries)?;
    }
    let at = find(&page, b"\n.SH VERSION").map_or(page.len(), |i| i + 1);
    page.splice(at..at, extra);
    out.write_all(&page)?;
    out.flush()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Writes `zongjie.1` and one page per visible subcommand (`zongjie-export.1`,
/// …, which the main page refers to) into `dir`; returns the files written.
pub fn write_man_pages(dir: &Path) -> io::Result<Vec<PathBuf>> {
    fs::create_dir_all(dir)?;
    let mut cmd = man_command();
    cmd.build();
    let mut written = Vec::new();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        written.push(Man::new(sub.clone()).generate_to(dir)?);
    }
    let main = dir.join(format!("{BIN_NAME}.1"));
    let mut file = fs::File::create(&main)?;
    write_man_page(&mut file)?;
    file.sync_all()?;
    written.insert(0, main);
    Ok(written)
}

fn render_definition_list(
    out: &mut dyn Write,
    heading: &str,
    entries: &[(&str, &str)],
) -> io::Result<()> {
    writeln!(out, ".SH {heading}")?;
    for (term, text) in entries {
        writeln!(out, ".TP")?;
        writeln!(out, "\\fB{}\\fR", roff_escape(term))?;
        writeln!(out, "{}", roff_escape(text))?;
    }
    Ok(())
}

/// Text safe inside a roff line: backslashes and hyphens escaped, and a
/// leading `.` or `'` kept from being read as a request.
fn roff_escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_escaping() {
        assert_eq!(roff_escape("--data-dir"), "\\-\\-data\\-dir");
        assert_eq!(roff_escape(".config"), "\\&.config");
        assert_eq!(roff_escape("a\\b"), "a\\eb");
    }

    #[test]
    fn man_pages_cover_every_visible_subcommand() {
        let dir = tempfile::tempdir().unwrap();
        let written = write_man_pages(dir.path()).unwrap();
        let names: Vec<String> = written
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names[0], "zongjie.1");
        for sub in Cli::command()
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
        {
            let page = format!("zongjie-{}.1", sub.get_name());
            assert!(names.contains(&page), "{page} missing from {names:?}");
        }
        assert!(!names.iter().any(|n| n == "zongjie-help.1"));
    }
}
