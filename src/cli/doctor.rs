//! `zongjie doctor`: the facts a support person asks for first — version,
//! folders and their permissions, the terminal and the locale — one per line
//! in the interface language, so a user can read them out or paste them.
//! It only looks: nothing is created or changed.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

mod terminal;

pub use terminal::{TerminalFacts, Utf8Probe};

use crate::i18n::Lang;
use crate::sanitize::escape_controls;
use crate::storage::Store;

/// Where a folder's path came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirSource {
    Flag,
    Env(&'static str),
    Default,
}

/// Why the interface speaks the language it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangSource {
    Flag,
    Config,
    Locale,
    Default,
}

/// What the command line decided before the report was asked for.
#[derive(Debug, Clone)]
pub struct DoctorInput {
    pub lang: Lang,
    pub lang_source: LangSource,
    pub data_dir: Option<(PathBuf, DirSource)>,
    pub config_dir: Option<(PathBuf, DirSource)>,
    /// What was wrong in config.toml, as [`crate::settings::config::Config::load`] said.
    pub config_warnings: Vec<String>,
}

impl DoctorInput {
    /// Resolves the folders the way the rest of zongjie does — `--data-dir`,
    /// then `ZONGJIE_DATA_DIR` (`ZONGJIE_CONFIG_DIR`), then the platform's
    /// user directories — and says where each choice came from.
    pub fn resolve(
        lang: Lang,
        lang_flag: Option<&str>,
        config_lang: Option<Lang>,
        data_dir_flag: Option<&Path>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> DoctorInput {
        let dirs = directories::ProjectDirs::from("", "", "zongjie");
        let from_env = |name: &'static str| {
            env(name)
                .filter(|d| !d.is_empty())
                .map(|d| (PathBuf::from(d), DirSource::Env(name)))
        };
        let data_dir = data_dir_flag
            .map(|d| (d.to_path_buf(), DirSource::Flag))
            .or_else(|| from_env("ZONGJIE_DATA_DIR"))
            .or_else(|| {
                dirs.as_ref()
                    .map(|d| (d.data_dir().to_path_buf(), DirSource::Default))
            });
        let config_dir = from_env("ZONGJIE_CONFIG_DIR").or_else(|| {
            dirs.as_ref()
                .map(|d| (d.config_dir().to_path_buf(), DirSource::Default))
        });
        let lang_source = if lang_flag.and_then(Lang::parse).is_some() {
            LangSource::Flag
        } else if config_lang.is_some() {
            LangSource::Config
        } else if ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .any(|k| env(k).is_some_and(|v| !v.is_empty()))
        {
            LangSource::Locale
        } else {
            LangSource::Default
        };
        DoctorInput {
            lang,
            lang_source,
            data_dir,
            config_dir,
            config_warnings: Vec::new(),
        }
    }
}

const LOCALE_VARS: [&str; 4] = ["LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES"];

/// Writes the report, one `label: value` line per fact.
pub fn write_report(
    input: &DoctorInput,
    terminal: &TerminalFacts,
    env: &dyn Fn(&str) -> Option<String>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = input.lang;
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en).to_string();
    let mut facts: Vec<(String, String)> = Vec::new();

    facts.push((
        t("版本", "version"),
        format!(
            "zongjie {} ({} {})",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS,
            std::env::consts::ARCH
        ),
    ));
    let exe = std::env::current_exe()
        .map(|p| shown(&p))
        .unwrap_or_else(|_| t("未知", "unknown"));
    facts.push((t("程序", "executable"), exe));

    let lang_source = match input.lang_source {
        LangSource::Flag => "--lang".to_string(),
        LangSource::Config => "config.toml".to_string(),
        LangSource::Locale => t("来自区域设置", "from the locale"),
        LangSource::Default => t("默认", "default"),
    };
    facts.push((
        t("界面语言", "interface language"),
        format!("{}{}", t("中文", "English"), aside(lang, &lang_source)),
    ));

    match &input.data_dir {
        Some((dir, source)) => {
            facts.push((
                t("数据目录", "data directory"),
                format!(
                    "{}{}",
                    shown(dir),
                    aside(lang, &source_name(*source, "--data-dir", lang))
                ),
            ));
            facts.push((
                t("数据目录权限", "data directory permissions"),
                describe_dir(dir, DirRole::Data, lang),
            ));
            draft_facts(&Store::new(dir), lang, &mut facts);
        }
        None => facts.push((
            t("数据目录", "data directory"),
            t(
                "无（未设置 HOME）：请用 --data-dir 或 ZONGJIE_DATA_DIR 指定",
                "none (HOME is not set): pass --data-dir or set ZONGJIE_DATA_DIR",
            ),
        )),
    }

    match &input.config_dir {
        Some((dir, source)) => {
            facts.push((
                t("配置目录", "config directory"),
                format!(
                    "{}{}",
                    shown(dir),
                    aside(lang, &source_name(*source, "", lang))
                ),
            ));
            facts.push((
                t("配置目录权限", "config directory permissions"),
                describe_dir(dir, DirRole::Config, lang),
            ));
            let config = dir.join("config.toml");
            let state = if config.is_file() {
                t("存在", "present")
            } else {
                t("不存在（使用默认设置）", "absent (defaults apply)")
            };
            facts.push((
                t("配置文件", "config file"),
                format!("{} {state}", shown(&config)),
            ));
        }
        None => facts.push((
            t("配置目录", "config directory"),
            t("无（未设置 HOME）", "none (HOME is not set)"),
        )),
    }
    for warning in &input.config_warnings {
        facts.push((
            t("配置问题", "config problem"),
            escape_controls(warning).replace('\n', " "),
        ));
    }

    let yes_no = |b: bool| if b { t("是", "yes") } else { t("否", "no") };
    facts.push((
        t("连接终端", "attached to a terminal"),
        format!(
            "stdin {}{sep}stdout {}{sep}stderr {}",
            yes_no(terminal.stdin),
            yes_no(terminal.stdout),
            yes_no(terminal.stderr),
            sep = lang.pick("，", ", ")
        ),
    ));
    facts.push((
        t("终端大小", "terminal size"),
        match terminal.size {
            Some((cols, rows)) => format!("{cols}×{rows}"),
            None => t("无终端", "not a terminal"),
        },
    ));
    for name in ["TERM", "COLORTERM"].into_iter().chain(LOCALE_VARS) {
        facts.push((name.to_string(), env_value(env, name, lang)));
    }
    facts.push((t("区域设置 UTF-8", "locale UTF-8"), locale_utf8(env, lang)));
    facts.push((
        t("终端 UTF-8", "terminal UTF-8"),
        match terminal.utf8 {
            Utf8Probe::Yes => t("是（中文占两列）", "yes (Chinese is two columns wide)"),
            Utf8Probe::NarrowCjk => t(
                "是，但中文只占一列：界面会错位",
                "yes, but Chinese is one column wide: the layout will break",
            ),
            Utf8Probe::No => t(
                "否：请把终端的字符编码设为 UTF-8",
                "no: set the terminal's character encoding to UTF-8",
            ),
            Utf8Probe::NoAnswer => t(
                "未知（终端没有回应）",
                "unknown (the terminal did not answer)",
            ),
            Utf8Probe::NotATerminal => t("未检查（不是终端）", "not checked (not a terminal)"),
        },
    ));

    let separator = lang.pick("：", ": ");
    for (label, value) in facts {
        writeln!(out, "{label}{separator}{value}")?;
    }
    out.flush()
}

fn draft_facts(store: &Store, lang: Lang, facts: &mut Vec<(String, String)>) {
    let t = |zh: &'static str, en: &'static str| lang.pick(zh, en).to_string();
    let drafts_dir = store.drafts_dir();
    let value = match store.list() {
        Ok(drafts) => {
            let damaged = drafts.iter().filter(|d| d.summary.is_err()).count();
            let not_private: Vec<String> = drafts
                .iter()
                .filter(|d| mode(&d.path).is_some_and(|m| m != 0o600))
                .map(|d| d.id.to_string())
                .collect();
            let mut value = match lang {
                Lang::Zh => format!("{} 篇，位于 {}", drafts.len(), shown(&drafts_dir)),
                Lang::En => format!("{} in {}", drafts.len(), shown(&drafts_dir)),
            };
            if damaged > 0 {
                value += &match lang {
                    Lang::Zh => format!("（{damaged} 篇已损坏）"),
                    Lang::En => format!(" ({damaged} damaged)"),
                };
            }
            if !not_private.is_empty() {
                value += &match lang {
                    Lang::Zh => format!("（权限不是 0600：{}）", not_private.join("、")),
                    Lang::En => format!(" (not 0600: {})", not_private.join(", ")),
                };
            }
            value
        }
        Err(e) => format!(
            "{}{}",
            t("无法读取：", "cannot read: "),
            escape_controls(&e.to_string())
        ),
    };
    facts.push((t("草稿", "drafts"), value));
    let trashed = store.trashed().len();
    facts.push((
        t("回收站", "trash"),
        match lang {
            Lang::Zh => format!("{trashed} 篇，位于 {}", shown(&store.trash_dir())),
            Lang::En => format!("{trashed} in {}", shown(&store.trash_dir())),
        },
    ));
    facts.push((
        t("草稿目录权限", "drafts folder permissions"),
        describe_dir(&drafts_dir, DirRole::Data, lang),
    ));
    rescue_facts(store, lang, facts);
}

/// Rescue files (text a failed save left when zongjie had to stop), each
/// with the command that makes it a draft again.
fn rescue_facts(store: &Store, lang: Lang, facts: &mut Vec<(String, String)>) {
    let rescues = store.rescue_files();
    let title = lang.pick("抢救文件", "rescue files").to_string();
    if rescues.is_empty() {
        facts.push((title, lang.pick("无", "none").to_string()));
        return;
    }
    facts.push((
        title,
        match lang {
            Lang::Zh => format!(
                "{} 个：保存失败时留下的未保存文字，可在草稿列表中恢复，或运行下面的命令",
                rescues.len()
            ),
            Lang::En => format!(
                "{}: unsaved text left when a save failed; restore from the draft list, or run the command below",
                rescues.len()
            ),
        },
    ));
    for r in rescues {
        let when = r.modified.map(crate::i18n::local_time).unwrap_or_default();
        facts.push((
            format!("  {}", crate::sanitize::escape_name(&r.draft)),
            format!(
                "{when}  zongjie restore --rescue {}",
                crate::sanitize::escape_name(&r.path.display().to_string())
            ),
        ));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DirRole {
    /// Holds drafts: created by zongjie on the first save, must be private.
    Data,
    /// Written by the user; missing means defaults.
    Config,
}

/// `0700`, or what is wrong with the folder.
fn describe_dir(dir: &Path, role: DirRole, lang: Lang) -> String {
    match fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => lang.pick("不是目录", "not a directory").to_string(),
        // Permission bits alone do not say whether this user can list it.
        Ok(_)
            if role == DirRole::Data
                && let Err(e) = fs::read_dir(dir) =>
        {
            format!(
                "{}{}",
                lang.pick("无法读取：", "cannot read: "),
                escape_controls(&e.to_string())
            )
        }
        Ok(_) => match (mode(dir), role) {
            (Some(0o700), _) => "0700".to_string(),
            (Some(m), DirRole::Data) if m & 0o077 != 0 => match lang {
                Lang::Zh => format!("{m:04o}（应为 0700，否则别人也能读草稿）"),
                Lang::En => format!("{m:04o} (expected 0700: others can read the drafts)"),
            },
            (Some(m), DirRole::Data) => match lang {
                Lang::Zh => format!("{m:04o}（应为 0700，否则无法保存草稿）"),
                Lang::En => format!("{m:04o} (expected 0700: drafts cannot be saved)"),
            },
            (Some(m), DirRole::Config) => match lang {
                Lang::Zh => format!("{m:04o}（建议 0700）"),
                Lang::En => format!("{m:04o} (0700 recommended)"),
            },
            (None, _) => "-".to_string(),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => match role {
            DirRole::Data => lang.pick(
                "尚不存在（首次保存时创建）",
                "does not exist yet (created on the first save)",
            ),
            DirRole::Config => lang.pick("不存在", "does not exist"),
        }
        .to_string(),
        Err(e) => format!(
            "{}{}",
            lang.pick("无法读取：", "cannot read: "),
            escape_controls(&e.to_string())
        ),
    }
}

#[cfg(unix)]
fn mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o777)
}

#[cfg(not(unix))]
fn mode(_path: &Path) -> Option<u32> {
    None
}

fn source_name(source: DirSource, flag: &str, lang: Lang) -> String {
    match source {
        DirSource::Flag => flag.to_string(),
        DirSource::Env(name) => name.to_string(),
        DirSource::Default => lang.pick("默认", "default").to_string(),
    }
}

/// A remark after a value: `（…）` in Chinese text, ` (…)` in English.
fn aside(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Zh => format!("（{text}）"),
        Lang::En => format!(" ({text})"),
    }
}

fn shown(path: &Path) -> String {
    escape_controls(&path.display().to_string()).into_owned()
}

fn env_value(env: &dyn Fn(&str) -> Option<String>, name: &str, lang: Lang) -> String {
    match env(name) {
        Some(v) => escape_controls(&v).into_owned(),
        None => lang.pick("（未设置）", "(unset)").to_string(),
    }
}

/// The character set locale, in POSIX order: LC_ALL, LC_CTYPE, LANG.
fn locale_utf8(env: &dyn Fn(&str) -> Option<String>, lang: Lang) -> String {
    let effective = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|k| env(k).filter(|v| !v.is_empty()).map(|v| (k, v)));
    let Some((name, value)) = effective else {
        return lang
            .pick(
                "否（未设置区域，即 C/POSIX），请设置 LANG=zh_CN.UTF-8",
                "no (no locale set, so C/POSIX); set LANG=zh_CN.UTF-8",
            )
            .to_string();
    };
    let value = escape_controls(&value).into_owned();
    if is_utf8_locale(&value) {
        format!(
            "{}{}",
            lang.pick("是", "yes"),
            aside(lang, &format!("{name}={value}"))
        )
    } else {
        match lang {
            Lang::Zh => format!("否（{name}={value}），请改用 UTF-8 区域，如 zh_CN.UTF-8"),
            Lang::En => format!("no ({name}={value}); use a UTF-8 locale such as zh_CN.UTF-8"),
        }
    }
}

/// `zh_CN.UTF-8`, `C.utf8`, `en_US.UTF-8@euro` are UTF-8; `zh_CN.GBK`, `C` are not.
fn is_utf8_locale(value: &str) -> bool {
    let codeset = value
        .split_once('.')
        .map(|(_, rest)| rest.split('@').next().unwrap_or(rest))
        .unwrap_or("");
    let codeset = codeset.to_ascii_lowercase().replace('-', "");
    codeset == "utf8"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn utf8_locales() {
        for yes in ["zh_CN.UTF-8", "C.utf8", "en_US.UTF-8@euro", "zh_CN.utf-8"] {
            assert!(is_utf8_locale(yes), "{yes}");
        }
        for no in ["zh_CN.GBK", "zh_CN.GB18030", "C", "POSIX", "zh_CN", ""] {
            assert!(!is_utf8_locale(no), "{no}");
        }
    }

    #[test]
    fn lc_all_wins_over_lang() {
        let env = env_of(&[("LC_ALL", "zh_CN.GB18030"), ("LANG", "zh_CN.UTF-8")]);
        assert!(locale_utf8(&env, Lang::En).starts_with("no (LC_ALL=zh_CN.GB18030)"));
        let env = env_of(&[("LC_CTYPE", "C.UTF-8"), ("LANG", "C")]);
        assert!(locale_utf8(&env, Lang::En).starts_with("yes (LC_CTYPE=C.UTF-8)"));
        let env = env_of(&[]);
        assert!(locale_utf8(&env, Lang::Zh).starts_with("否"));
    }

    #[test]
    fn report_in_english_names_every_fact_once() {
        let dir = tempfile::tempdir().unwrap();
        let env = env_of(&[("TERM", "xterm-256color"), ("LANG", "en_US.UTF-8")]);
        let input = DoctorInput {
            lang: Lang::En,
            lang_source: LangSource::Locale,
            data_dir: Some((dir.path().join("data"), DirSource::Env("ZONGJIE_DATA_DIR"))),
            config_dir: Some((dir.path().join("config"), DirSource::Default)),
            config_warnings: vec!["config.toml: `lang`: expected \"zh\" or \"en\"".into()],
        };
        let terminal = TerminalFacts {
            stdin: true,
            stdout: false,
            stderr: true,
            size: Some((120, 40)),
            utf8: Utf8Probe::NotATerminal,
        };
        let mut out = Vec::new();
        write_report(&input, &terminal, &env, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        for expected in [
            "interface language: English (from the locale)",
            "(ZONGJIE_DATA_DIR)",
            "data directory permissions: does not exist yet",
            "drafts: 0 in ",
            "attached to a terminal: stdin yes, stdout no, stderr yes",
            "terminal size: 120×40",
            "TERM: xterm-256color",
            "LC_ALL: (unset)",
            "locale UTF-8: yes (LANG=en_US.UTF-8)",
            "terminal UTF-8: not checked (not a terminal)",
            "config problem: config.toml: `lang`",
        ] {
            assert!(text.contains(expected), "{expected:?} not in\n{text}");
        }
        assert!(
            !dir.path().join("data").exists(),
            "doctor must not create folders"
        );
    }
}
