//! The `zongjie` binary: parse the command line, run the command, turn any
//! error into one line on stderr and a non-zero exit.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use zongjie::cli::{Cli, Command};
use zongjie::commands::{self, CommandError};
use zongjie::i18n::Lang;
use zongjie::storage::{Store, default_data_dir};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let line = zongjie::sanitize::escape_controls(&format!("{e:#}")).replace('\n', " ");
            let _ = writeln!(io::stderr(), "zongjie: {line}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let lang = cli
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_else(|| Lang::from_locale(|k| std::env::var(k).ok()));
    let data_dir = cli
        .data_dir
        .clone()
        .or_else(default_data_dir)
        .ok_or(CommandError::NoDataDir)?;
    let store = Store::new(data_dir);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut err = io::stderr();
    match &cli.command {
        Some(Command::New(args)) => commands::new_draft(&store, args, &mut out)?,
        Some(Command::List) | None => commands::list(&store, lang, &mut out, &mut err)?,
        Some(Command::Export(args)) => commands::export(&store, args, &mut out, &mut err)?,
        Some(Command::Templates) => commands::templates(lang, &mut out)?,
        Some(Command::Check(args)) => {
            if commands::check(&store, args, lang, &mut out, &mut err)? > 0 {
                return Ok(ExitCode::from(1));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
