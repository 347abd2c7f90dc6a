//! Shell completions and man pages, generated from the clap definition in
//! [`crate::cli`] so they can never drift from the real command line.
//! The `.deb` build runs the binary to produce them (`scripts/build-deb`).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_mangen::Man;

use crate::cli::help;
use crate::cli::{Cli, CompletionShell};
use crate::i18n::Lang;
use crate::settings::keymap::Context;

/// The generator clap_complete has for `shell`.
fn generator(shell: CompletionShell) -> clap_complete::Shell {
    match shell {
        CompletionShell::Bash => clap_complete::Shell::Bash,
        CompletionShell::Zsh => clap_complete::Shell::Zsh,
        CompletionShell::Fish => clap_complete::Shell::Fish,
    }
}

const BIN_NAME: &str = "zongjie";

/// Writes the completion script for `shell`.
pub fn write_completions(shell: CompletionShell, out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = Cli::command();
    // clap_complete panics on a broken pipe; render into memory and write once.
    let mut script = Vec::new();
    clap_complete::generate(generator(shell), &mut cmd, BIN_NAME, &mut script);
    out.write_all(&script)?;
    out.flush()
}

/// Sections the clap definition cannot express; added after SUBCOMMANDS.
/// Each has an English and a Chinese heading and entries of a term and its
/// explanation in both languages, rendered as a roff `.TP` list.
type Section = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

const EXTRA_SECTIONS: &[Section] = &[
    (
        "ENVIRONMENT",
        "环境变量",
        &[
            (
                "ZONGJIE_DATA_DIR",
                "Data directory to use when --data-dir is not given, e.g. a folder on a USB stick.",
                "未给出 --data-dir 时使用的数据目录，例如U盘上的文件夹。",
            ),
            (
                "ZONGJIE_CONFIG_DIR",
                "Folder of config.toml and your own themes, instead of ~/.config/zongjie.",
                "存放 config.toml 和自定义主题的文件夹，代替 ~/.config/zongjie。",
            ),
            (
                "XDG_DATA_HOME, XDG_CONFIG_HOME",
                "Move the default folders (~/.local/share and ~/.config).",
                "改变默认文件夹（~/.local/share 和 ~/.config）的位置。",
            ),
            (
                "LC_ALL, LC_MESSAGES, LANG",
                "A locale starting with zh gives the Chinese interface, any other the English one; --lang and lang in config.toml override it.",
                "以 zh 开头的区域设置使用中文界面，其他使用英文界面；--lang 和 config.toml 中的 lang 优先。",
            ),
        ],
    ),
    (
        "FILES",
        "文件",
        &[
            (
                "~/.local/share/zongjie/drafts/ID.toml",
                "One draft, a plain TOML file: copy it to back it up or to move it to another machine. zongjie doctor shows the folders in use.",
                "一篇草稿，即一个普通的 TOML 文件：复制它即可备份或换到另一台机器。zongjie doctor 显示正在使用的文件夹。",
            ),
            (
                "~/.local/share/zongjie/backups/",
                "The version of each draft before its last save.",
                "每篇草稿最近一次保存之前的版本。",
            ),
            (
                "~/.local/share/zongjie/trash/",
                "Deleted drafts, until restored from the draft picker.",
                "已删除的草稿，可在草稿选择界面中恢复。",
            ),
            (
                "~/.config/zongjie/config.toml",
                "Settings (theme, language, export defaults, key bindings); a missing file means defaults. Command-line flags win over it.",
                "设置（主题、语言、导出默认值、快捷键）；没有该文件即使用默认设置。命令行选项优先于它。",
            ),
        ],
    ),
    (
        "EXIT STATUS",
        "退出状态",
        &[
            ("0", "Success.", "成功。"),
            (
                "1",
                "zongjie check found something to fix.",
                "zongjie check 发现了需要修改的地方。",
            ),
            (
                "2",
                "Error: bad arguments, a missing or damaged draft, a file that cannot be written. The reason is one line on standard error.",
                "出错：参数有误、草稿不存在或已损坏、文件无法写入等。原因在标准错误输出中，占一行。",
            ),
        ],
    ),
];

/// clap_mangen's section headings, and the ones above, in Chinese.
const ZH_HEADINGS: &[(&str, &str)] = &[
    ("NAME", "名称"),
    ("SYNOPSIS", "概要"),
    ("DESCRIPTION", "描述"),
    ("OPTIONS", "选项"),
    ("EXTRA", "说明"),
    ("VERSION", "版本"),
    ("AUTHORS", "作者"),
];

/// The command as the man pages show it, in `lang`: `help` is not a page
/// of its own, and the examples have a section of their own.
fn man_command(lang: Lang) -> clap::Command {
    help::localized(Cli::command().disable_help_subcommand(true), lang).after_help(None::<&str>)
}

/// Renders one page as clap_mangen does.
fn render_page(cmd: clap::Command) -> io::Result<Vec<u8>> {
    let mut page = Vec::new();
    Man::new(cmd).render(&mut page)?;
    Ok(page)
}

/// A finished page in `lang`. In Chinese the section headings are
/// translated, lines are set ragged-right, and a break point (`\:`) follows
/// every Chinese character, since roff only breaks lines at spaces and a
/// long Chinese line would not fit (groff: "can't break line").
fn in_language(page: Vec<u8>, lang: Lang) -> Vec<u8> {
    if lang == Lang::En {
        return page;
    }
    let text = String::from_utf8_lossy(&page);
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.split_inclusive('\n') {
        if let Some(heading) = line.strip_prefix(".SH ") {
            let heading = heading.trim_end().trim_matches('"');
            match ZH_HEADINGS.iter().find(|(en, _)| *en == heading) {
                Some((_, zh)) => out.push_str(&format!(".SH {zh}\n")),
                None => out.push_str(line),
            }
        } else if line.starts_with(".TH ") {
            out.push_str(line);
            out.push_str(".ad l\n");
        } else if line.starts_with(['.', '\'']) {
            out.push_str(line);
        } else {
            for c in line.chars() {
                out.push(c);
                if is_wide(c) {
                    out.push_str("\\:");
                }
            }
        }
    }
    out.into_bytes()
}

/// Chinese characters and full-width punctuation: a line may break after them.
fn is_wide(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}')
}

/// Writes the main page, `zongjie(1)`, as roff in `lang`: clap_mangen's page
/// with the examples and the [`EXTRA_SECTIONS`] before its VERSION section.
pub fn write_man_page(lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut page = render_page(man_command(lang))?;
    let mut extra = Vec::new();
    let examples: Vec<(&str, &str)> = help::EXAMPLES
        .iter()
        .map(|(command, en, zh)| (*command, lang.pick(zh, en)))
        .collect();
    render_definition_list(&mut extra, lang.pick("示例", "EXAMPLES"), &examples)?;
    let keys = key_bindings(lang);
    let keys: Vec<(&str, &str)> = keys.iter().map(|(t, e)| (t.as_str(), e.as_str())).collect();
    render_definition_list(&mut extra, lang.pick("快捷键", "KEY BINDINGS"), &keys)?;
    for (heading_en, heading_zh, entries) in EXTRA_SECTIONS {
        let entries: Vec<(&str, &str)> = entries
            .iter()
            .map(|(term, en, zh)| (*term, lang.pick(zh, en)))
            .collect();
        render_definition_list(&mut extra, lang.pick(heading_zh, heading_en), &entries)?;
    }
    let version = format!("\n.SH {}", lang.pick("版本", "VERSION"));
    let at = find(&page, version.as_bytes()).map_or(page.len(), |i| i + 1);
    page.splice(at..at, extra);
    out.write_all(&in_language(page, lang))?;
    out.flush()
}

/// `[keys]` of config.toml: the two reaches of a binding and which wins,
/// with the contexts' names as the keymap knows them.
fn key_bindings(lang: Lang) -> Vec<(String, String)> {
    let contexts: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
    let contexts = contexts.join(", ");
    vec![
        (
            "[keys] ACTION = \"KEY\"".to_string(),
            lang.pick(
                "在这个操作所在的每处绑定它，如 save = \"C-w\"、move_down = [\"J\", \"A-Down\"]；列表取代它原有的全部按键，[] 使它没有按键。帮助页列出当前界面的操作名。",
                "Binds the action in every context where it is, e.g. save = \"C-w\" or move_down = [\"J\", \"A-Down\"]; the list replaces all its keys, [] leaves it none. The help screen lists the actions where you are.",
            )
            .to_string(),
        ),
        (
            "[keys.CONTEXT] ACTION = \"KEY\"".to_string(),
            match lang {
                Lang::Zh => format!(
                    "只在这一个界面里绑定，并在那里优先于 [keys] 的绑定，如 [keys.find] find_next = \"C-n\"（也可写成 [keys] 下的 find.find_next）。界面名：{contexts}。"
                ),
                Lang::En => format!(
                    "Binds it in that context only, where it wins over [keys], e.g. [keys.find] find_next = \"C-n\" (or find.find_next under [keys]). Contexts: {contexts}."
                ),
            },
        ),
        (
            lang.pick("冲突", "Clashes").to_string(),
            lang.pick(
                "[keys] 下的按键不会拿走别的操作在某个界面里仅剩的按键（find_next = \"Enter\" 时，替换栏里的 Enter 仍是替换并到下一处）；[keys.界面名] 下的按键会拿走，并给出提示。不认识的界面、操作或按键，以及同一处两个绑定用同一个键，都给出提示（zongjie doctor 列出），该操作保留默认按键。",
                "A key bound under [keys] never takes another action's last key in a context (with find_next = \"Enter\", Enter still replaces in the replace bar); one bound under [keys.CONTEXT] does, with a warning. Unknown contexts, actions and keys, and two bindings of one key in one place are warnings (zongjie doctor lists them); the action keeps its default keys.",
            )
            .to_string(),
        ),
    ]
}

/// A page written as exports are: atomically, readable by all.
fn publish(path: &Path, bytes: &[u8]) -> io::Result<()> {
    crate::storage::publish_atomically(&crate::storage::OsFs, path, bytes, true)
        .map_err(|e| io::Error::new(e.source.kind(), e))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Writes `zongjie.1` and one page per visible subcommand (`zongjie-export.1`,
/// …, which the main page refers to) into `dir`, in `lang`; returns the
/// files written.
pub fn write_man_pages(dir: &Path, lang: Lang) -> io::Result<Vec<PathBuf>> {
    fs::create_dir_all(dir)?;
    let cmd = man_command(lang);
    let mut written = Vec::new();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let path = dir.join(Man::new(sub.clone()).get_filename());
        publish(&path, &in_language(render_page(sub.clone())?, lang))?;
        written.push(path);
    }
    let main = dir.join(format!("{BIN_NAME}.1"));
    let mut page = Vec::new();
    write_man_page(lang, &mut page)?;
    publish(&main, &page)?;
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
        let written = write_man_pages(dir.path(), Lang::En).unwrap();
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

    #[test]
    fn the_key_bindings_section_names_every_context() {
        for lang in [Lang::En, Lang::Zh] {
            let mut page = Vec::new();
            write_man_page(lang, &mut page).unwrap();
            // Chinese pages have break points after wide characters.
            let page = String::from_utf8(page).unwrap().replace("\\:", "");
            let heading = lang.pick("快捷键", "KEY BINDINGS");
            assert!(page.contains(&format!("\n.SH {heading}\n")), "{page}");
            for context in Context::ALL {
                let name = roff_escape(context.name());
                assert!(page.contains(&name), "{lang:?}: {name}");
            }
        }
    }
}
