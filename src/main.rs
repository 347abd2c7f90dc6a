//! The `zongjie` binary: parse the command line, run the command, turn any
//! error into one line on stderr and a non-zero exit.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use zongjie::app::{App, Settings};
use zongjie::cli::commands::{self, CommandError};
use zongjie::cli::doctor::{self, DoctorInput, TerminalFacts};
use zongjie::cli::manual;
use zongjie::cli::{Cli, Command};
use zongjie::i18n::{Lang, SettingWarning};
use zongjie::settings::config::{Config, config_dir};
use zongjie::settings::theme::Theme;
use zongjie::storage::{Store, default_data_dir};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let config_dir = config_dir();
    let (config, config_warnings) = Config::load(config_dir.as_deref());
    // Known before parsing, so that --help speaks it: flag, config, locale.
    let lang = zongjie::cli::lang_flag(&args)
        .or(config.lang)
        .unwrap_or_else(|| Lang::from_locale(|k| std::env::var(k).ok()));
    let cli = match zongjie::cli::help::parse(&args, lang) {
        Ok(cli) => cli,
        // --help and --version end up here too, and print as clap wants.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
        Err(e) => {
            let line = zongjie::cli::one_line_error(&e);
            let _ = writeln!(io::stderr(), "zongjie: {line}");
            return ExitCode::from(2);
        }
    };
    match run(cli, config_dir, config, config_warnings, lang) {
        Ok(code) => code,
        // `zongjie list | head -1`: the reader has gone, nothing went wrong.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let message = match lang {
                Lang::Zh => zongjie::cli::commands::in_chinese(&*e).unwrap_or_else(|| one_line(&e)),
                Lang::En => one_line(&e),
            };
            let line = zongjie::sanitize::escape_controls(&message).replace('\n', " ");
            let _ = writeln!(io::stderr(), "zongjie: {line}");
            ExitCode::from(2)
        }
    }
}

/// The terminal a thread prepared; its panic, should it have one, as an error.
fn joined(
    prepared: std::thread::JoinHandle<io::Result<zongjie::tui::Prepared>>,
) -> io::Result<zongjie::tui::Prepared> {
    prepared
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("the terminal could not be prepared")))
}

/// Success, or the status a stop signal asks for (128 + its number).
fn exit_code(signal: Option<i32>) -> ExitCode {
    signal.map_or(ExitCode::SUCCESS, |code| {
        ExitCode::from(u8::try_from(code).unwrap_or(1))
    })
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}

/// The error and its causes, each said once: messages such as
/// `{path}: {source}` already quote their cause, which `{e:#}` would repeat.
fn one_line(e: &anyhow::Error) -> String {
    let mut line = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !line.contains(&cause) {
            line.push_str(": ");
            line.push_str(&cause);
        }
    }
    line
}

fn run(
    cli: Cli,
    config_dir: Option<std::path::PathBuf>,
    config: Config,
    config_warnings: Vec<SettingWarning>,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Some(Command::Completions(args)) => {
            manual::write_completions(args.shell, &mut io::stdout().lock())?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Man(args)) => {
            match &args.out_dir {
                Some(dir) => {
                    for page in manual::write_man_pages(dir, lang)? {
                        println!("{}", page.display());
                    }
                }
                None => manual::write_man_page(lang, &mut io::stdout().lock())?,
            }
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Doctor) => {
            let env = |k: &str| std::env::var(k).ok();
            let mut input = DoctorInput::resolve(
                lang,
                cli.lang.as_deref(),
                config.lang,
                cli.data_dir.as_deref(),
                &env,
            );
            // Every warning the editor would show: config, theme and keys.
            input.config_warnings = settings(&cli, lang, &config, config_warnings).1;
            let terminal = TerminalFacts::detect();
            doctor::write_report(&input, &terminal, &env, &mut io::stdout().lock())?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let data_dir = cli
        .data_dir
        .clone()
        .or_else(default_data_dir)
        .ok_or(CommandError::NoDataDir)?;
    let store = Store::new(data_dir);
    // Tidy up after a save or restore that a crash cut short.
    if let Err(e) = store.recover() {
        let line = zongjie::i18n::localized(&e, lang);
        let line = zongjie::sanitize::escape_controls(&line).into_owned();
        let lead = lang.pick("注意：", "warning: ");
        let _ = writeln!(io::stderr(), "zongjie: {lead}{line}");
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut err = io::stderr();
    let interactive = io::stdout().is_terminal() && io::stdin().is_terminal();
    match &cli.command {
        Some(Command::Open(args)) => {
            // The terminal-reading thread writes too (a typed character
            // shown at once): the full-screen session holds no lock on it.
            drop(out);
            if !interactive {
                anyhow::bail!("`zongjie open` needs a terminal (standard input and output)");
            }
            let location = store.resolve(&args.draft)?;
            let (doc, opened) = zongjie::run::open_draft(&store, &location)?;
            // The terminal's frames are made while the editor is: not
            // sooner, or they would add to the file's bytes, still held
            // while the draft is read, in the peak memory.
            let prepared = zongjie::tui::prepare_in_background();
            let (settings, warnings) = settings(&cli, lang, &config, config_warnings);
            let mut app = App::with_editor(settings, doc, location);
            show_warnings(&mut app, &warnings);
            let prepared = joined(prepared)?;
            return Ok(exit_code(zongjie::run::run(app, &store, opened, prepared)?));
        }
        None if interactive => {
            drop(out);
            let drafts = store.list()?;
            let prepared = zongjie::tui::prepare_in_background();
            let (settings, warnings) = settings(&cli, lang, &config, config_warnings);
            let mut app = App::with_picker(settings, drafts);
            show_warnings(&mut app, &warnings);
            let prepared = joined(prepared)?;
            return Ok(exit_code(zongjie::run::run(
                app,
                &store,
                Default::default(),
                prepared,
            )?));
        }
        Some(Command::New(args)) => {
            let templates_dir = config_dir.as_ref().map(|d| d.join("templates"));
            commands::new_draft(
                &store,
                templates_dir.as_deref(),
                args,
                lang,
                &mut out,
                &mut err,
            )?
        }
        Some(Command::List(args)) => commands::list(&store, args, lang, &mut out, &mut err)?,
        None => commands::list(&store, &Default::default(), lang, &mut out, &mut err)?,
        // Text shown in a terminal is never sent raw; a pipe or file gets it as is.
        Some(Command::Export(args))
            if args.output.as_deref() == Some(std::path::Path::new("-"))
                && io::stdout().is_terminal() =>
        {
            if commands::export_format(args) == zongjie::docx::ExportFormat::Docx {
                return Err(CommandError::DocxToTerminal.into());
            }
            let mut text = Vec::new();
            commands::export(&store, args, &config, lang, &mut text, &mut err)?;
            out.write_all(&zongjie::sanitize::escape_for_terminal(&text))?;
            out.flush()?;
        }
        Some(Command::Export(args)) => {
            commands::export(&store, args, &config, lang, &mut out, &mut err)?
        }
        Some(Command::Import(args)) => commands::import(
            &store,
            args,
            lang,
            &mut io::stdin().lock(),
            &mut out,
            &mut err,
        )?,
        Some(Command::Restore(args)) => commands::restore(&store, args, lang, &mut err)?,
        Some(Command::History(args)) => commands::history(&store, args, lang, &mut out, &mut err)?,
        Some(Command::Templates) => {
            let templates_dir = config_dir.as_ref().map(|d| d.join("templates"));
            commands::templates(templates_dir.as_deref(), lang, &mut out, &mut err)?
        }
        Some(Command::Themes) => {
            let themes_dir = config_dir.as_ref().map(|d| d.join("themes"));
            commands::themes(themes_dir.as_deref(), lang, &mut out)?
        }
        Some(Command::Check(args)) => {
            if commands::check(
                &store,
                config_dir.as_deref(),
                args,
                lang,
                &mut out,
                &mut err,
            )? > 0
            {
                return Ok(ExitCode::from(1));
            }
        }
        Some(Command::Diff(args)) => {
            if commands::diff(&store, args, lang, &mut out)? {
                return Ok(ExitCode::from(1));
            }
        }
        Some(Command::Completions(_) | Command::Man(_) | Command::Doctor) => {
            unreachable!("handled before the data directory is needed")
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The interface settings: command line over config over defaults. Returns
/// every warning (config, theme, keys) for the writer to see.
fn settings(
    cli: &Cli,
    lang: Lang,
    config: &Config,
    config_warnings: Vec<SettingWarning>,
) -> (Settings, Vec<String>) {
    let mut warnings: Vec<String> = config_warnings.iter().map(|w| w.text(lang)).collect();
    let themes_dir = config_dir().map(|d| d.join("themes"));
    let name = cli
        .theme
        .as_deref()
        .or(config.theme.as_deref())
        .unwrap_or("default");
    let (mut theme, theme_warnings) = Theme::load(name, themes_dir.as_deref());
    // A theme named in config.toml is a config problem there; one named by
    // --theme is the command line's.
    if cli.theme.is_none() {
        warnings.extend(
            theme_warnings
                .into_iter()
                .map(|w| config.locate_theme_warning(w).text(lang)),
        );
    } else {
        warnings.extend(theme_warnings.iter().map(|w| w.text(lang)));
    }
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        theme = theme.without_colors();
    }
    let (keymap, key_warnings) = config.keymap();
    warnings.extend(key_warnings.iter().map(|w| w.text(lang)));
    let defaults = Settings::default();
    let settings = Settings {
        lang,
        theme,
        keymap,
        export: config.export.clone(),
        export_dir: config.export_dir.clone(),
        docx_fonts: config.docx_fonts.clone(),
        autosave: config.autosave.unwrap_or(defaults.autosave),
    };
    (settings, warnings)
}

/// Warnings go to stderr (seen after quitting) and to the status bar.
fn show_warnings(app: &mut App, warnings: &[String]) {
    let lead = app.lang().pick("注意：", "warning: ");
    for w in warnings {
        let _ = writeln!(
            io::stderr(),
            "zongjie: {lead}{}",
            zongjie::sanitize::escape_controls(w)
        );
    }
    if let Some(first) = warnings.first() {
        let more = if warnings.len() > 1 {
            format!(" (+{})", warnings.len() - 1)
        } else {
            String::new()
        };
        app.warn(format!("{first}{more}"));
    }
}
