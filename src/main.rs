//! The `zongjie` binary: parse the command line, run the command, turn any
//! error into one line on stderr and a non-zero exit.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use zongjie::app::{App, Settings};
use zongjie::cli::{Cli, Command};
use zongjie::commands::{self, CommandError};
use zongjie::i18n::Lang;
use zongjie::storage::{Store, default_data_dir};
use zongjie::theme::Theme;

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
        Some(Command::Open(args)) => {
            let location = store.resolve(&args.draft)?;
            let doc = store.load(&location)?;
            let app = App::with_editor(settings(&cli, lang), doc, location);
            zongjie::run::run(app, &store)?;
        }
        None if io::stdout().is_terminal() && io::stdin().is_terminal() => {
            let drafts = store.list()?;
            let app = App::with_picker(settings(&cli, lang), drafts);
            zongjie::run::run(app, &store)?;
        }
        Some(Command::New(args)) => commands::new_draft(&store, args, &mut out)?,
        Some(Command::List) | None => commands::list(&store, lang, &mut out, &mut err)?,
        Some(Command::Export(args)) => commands::export(&store, args, &mut out, &mut err)?,
        Some(Command::Templates) => commands::templates(lang, &mut out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The interface settings from the command line (and, later, the config).
fn settings(cli: &Cli, lang: Lang) -> Settings {
    let (mut theme, _warnings) = Theme::load(cli.theme.as_deref().unwrap_or("default"), None);
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        theme = theme.without_colors();
    }
    Settings {
        lang,
        theme,
        ..Settings::default()
    }
}
