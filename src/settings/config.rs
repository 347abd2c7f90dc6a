//! `config.toml` in the config directory: theme, language, export defaults,
//! autosave delay and key bindings. A missing file means defaults; anything
//! unknown or wrong becomes a warning, never a failure.

use std::path::{Path, PathBuf};
use std::time::Duration;

use toml::{Table, Value};

use crate::docx::DocxFonts;
use crate::i18n::{KeyProblem, Lang, SettingProblem, SettingWarning, Wrong};
use crate::plain_text::{ExportOptions, TextEncoding};
use crate::settings::keymap::{KeyOverride, Keymap};

/// The settings a config file can hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub theme: Option<String>,
    pub lang: Option<Lang>,
    pub autosave: Option<Duration>,
    pub export: ExportOptions,
    pub export_dir: Option<PathBuf>,
    /// `[docx]`: the fonts of the .docx export.
    pub docx_fonts: DocxFonts,
    /// `[keys]` and its tables `[keys.CONTEXT]`, in the order of their names.
    pub keys: Vec<KeyOverride>,
    /// `config.toml:LINE` for each setting (`theme`, `export.width`,
    /// `keys.save`, `keys.find.find_next`), so that a warning found later
    /// can say where it is.
    pub places: Vec<(String, String)>,
}

/// The config directory: `ZONGJIE_CONFIG_DIR`, or the platform's.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ZONGJIE_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "zongjie").map(|d| d.config_dir().to_path_buf())
}

impl Config {
    /// Reads `<dir>/config.toml`; a missing file is the default config.
    pub fn load(dir: Option<&Path>) -> (Config, Vec<SettingWarning>) {
        let Some(path) = dir.map(|d| d.join("config.toml")) else {
            return (Config::default(), Vec::new());
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text, &path.display().to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
            Err(e) => (
                Config::default(),
                vec![SettingWarning::at(
                    path.display().to_string(),
                    SettingProblem::Unreadable(e.to_string()),
                )],
            ),
        }
    }

    pub fn parse(text: &str, origin: &str) -> (Config, Vec<SettingWarning>) {
        let mut warnings = Vec::new();
        let mut config = Config::default();
        let mut table: Table = match toml::from_str(text) {
            Ok(t) => t,
            Err(e) => {
                let (line, column) = e
                    .span()
                    .map_or((1, 1), |s| crate::document::line_column(text, s.start));
                warnings.push(SettingWarning::at(
                    format!("{origin}:{line}:{column}"),
                    SettingProblem::Syntax(e.message().trim().to_string()),
                ));
                return (config, warnings);
            }
        };
        config.places = setting_lines(text)
            .into_iter()
            .map(|(key, line)| (key, format!("{origin}:{line}")))
            .collect();
        let places = config.places.clone();
        let place = |key: &str| {
            places
                .iter()
                .find(|(k, _)| k == key)
                .map_or(origin, |(_, p)| p.as_str())
        };
        let mut warn = |key: &str, wrong: Wrong| {
            warnings.push(SettingWarning::at(
                place(key),
                SettingProblem::Setting {
                    key: key.to_string(),
                    wrong,
                },
            ))
        };
        if let Some(v) = table.remove("theme") {
            match v {
                Value::String(s) => config.theme = Some(s),
                _ => warn("theme", Wrong::ThemeName),
            }
        }
        if let Some(v) = table.remove("lang") {
            match v.as_str().and_then(Lang::parse) {
                Some(l) => config.lang = Some(l),
                None => warn("lang", Wrong::Lang),
            }
        }
        if let Some(v) = table.remove("autosave_seconds") {
            match v.as_float().or_else(|| v.as_integer().map(|i| i as f64)) {
                Some(s) if (0.2..=3600.0).contains(&s) => {
                    config.autosave = Some(Duration::from_secs_f64(s))
                }
                _ => warn("autosave_seconds", Wrong::Seconds),
            }
        }
        if let Some(v) = table.remove("export") {
            match v {
                Value::Table(mut export) => {
                    for (key, slot) in [
                        ("indent", &mut config.export.indent),
                        ("blank_lines", &mut config.export.blank_lines),
                        ("crlf", &mut config.export.crlf),
                    ] {
                        if let Some(v) = export.remove(key) {
                            match v.as_bool() {
                                Some(b) => *slot = b,
                                None => warn(&format!("export.{key}"), Wrong::Bool),
                            }
                        }
                    }
                    if let Some(v) = export.remove("width") {
                        match v.as_integer() {
                            Some(0) => config.export.width = None,
                            Some(w) if (4..=10_000).contains(&w) => {
                                config.export.width = Some(w as usize)
                            }
                            _ => warn("export.width", Wrong::Columns),
                        }
                    }
                    if let Some(v) = export.remove("encoding") {
                        match v.as_str().map(str::parse::<TextEncoding>) {
                            Some(Ok(e)) => config.export.encoding = e,
                            _ => warn("export.encoding", Wrong::Encoding),
                        }
                    }
                    if let Some(v) = export.remove("directory") {
                        match v.as_str() {
                            Some(d) => config.export_dir = Some(expand_home(d)),
                            None => warn("export.directory", Wrong::Path),
                        }
                    }
                    for key in export.keys() {
                        warn(&format!("export.{key}"), Wrong::Unknown);
                    }
                }
                _ => warn("export", Wrong::Table),
            }
        }
        if let Some(v) = table.remove("docx") {
            match v {
                Value::Table(docx) => parse_docx_fonts(docx, &mut config.docx_fonts, &mut warn),
                _ => warn("docx", Wrong::Table),
            }
        }
        if let Some(v) = table.remove("keys") {
            match v {
                Value::Table(keys) => parse_keys(keys, &mut config.keys, &mut warn),
                _ => warn("keys", Wrong::Table),
            }
        }
        for key in table.keys() {
            warn(key, Wrong::Unknown);
        }
        (config, warnings)
    }
}

impl Config {
    /// A warning about the theme named in the file (`theme \`x\` not
    /// found`) is placed at the file and line of its `theme` setting; one
    /// about a line of the theme's own file already says where it is.
    pub fn locate_theme_warning(&self, mut warning: SettingWarning) -> SettingWarning {
        if warning.place.is_none() {
            warning.place = self
                .places
                .iter()
                .find(|(k, _)| k == "theme")
                .map(|(_, place)| place.clone());
        }
        warning
    }

    /// The keymap of `[keys]` over the defaults, with its problems placed
    /// at their lines: what the editor, the doctor and the export use.
    pub fn keymap(&self) -> (Keymap, Vec<SettingWarning>) {
        let (keymap, problems) = Keymap::with_overrides(&self.keys);
        let warnings = problems
            .into_iter()
            .map(|p| self.locate_key_problem(p))
            .collect();
        (keymap, warnings)
    }

    /// A problem of `[keys]`, placed at the file and line of that binding,
    /// or of the `[keys]` table for one about several.
    pub fn locate_key_problem(&self, problem: KeyProblem) -> SettingWarning {
        let place = |key: &str| self.places.iter().find(|(k, _)| k == key);
        SettingWarning {
            place: place(&problem.setting())
                .or_else(|| place("keys"))
                .map(|(_, place)| place.clone()),
            problem: SettingProblem::Key(problem),
        }
    }
}

/// The 1-based line of every setting in the file, three levels deep
/// (`lang`, `export`, `export.width`, `keys.find.find_next`); empty when
/// the text does not parse.
pub(crate) fn setting_lines(text: &str) -> Vec<(String, usize)> {
    let Ok(table) = toml::de::DeTable::parse(text) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    add_lines(text, table.get_ref(), "", 3, &mut lines);
    lines
}

/// The lines of the settings of `table`, named under `prefix`, and of the
/// tables in it down to `depth` levels.
fn add_lines(
    text: &str,
    table: &toml::de::DeTable,
    prefix: &str,
    depth: usize,
    lines: &mut Vec<(String, usize)>,
) {
    for (key, value) in table {
        let name = format!("{prefix}{}", key.get_ref());
        lines.push((
            name.clone(),
            crate::document::line_column(text, key.span().start).0,
        ));
        if depth > 1
            && let Some(inner) = value.get_ref().as_table()
        {
            add_lines(text, inner, &format!("{name}."), depth - 1, lines);
        }
    }
}

/// `[keys]`: `save = "C-w"` or a list of keys for every context where the
/// action is, and tables `[keys.find]` of bindings for one context. A
/// quoted `"find.find_next"` is read as `[keys.find] find_next`.
fn parse_keys(keys: Table, into: &mut Vec<KeyOverride>, warn: &mut dyn FnMut(&str, Wrong)) {
    let list = |v: Value| match v {
        Value::String(s) => Some(vec![s]),
        Value::Array(a) => a
            .into_iter()
            .map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => None,
    };
    for (name, v) in keys {
        if let Value::Table(bindings) = v {
            for (action, v) in bindings {
                match list(v) {
                    Some(keys) => into.push(KeyOverride {
                        context: Some(name.clone()),
                        action,
                        keys,
                    }),
                    None => warn(&format!("keys.{name}.{action}"), Wrong::Keys),
                }
            }
            continue;
        }
        let (context, action) = match name.split_once('.') {
            Some((context, action)) => (Some(context.to_string()), action.to_string()),
            None => (None, name.clone()),
        };
        match list(v) {
            Some(keys) => into.push(KeyOverride {
                context,
                action,
                keys,
            }),
            None => warn(&format!("keys.{name}"), Wrong::Keys),
        }
    }
}

/// `[docx]`: `title_font = "方正小标宋简体"` and so on; a name must not be empty.
fn parse_docx_fonts(mut docx: Table, fonts: &mut DocxFonts, warn: &mut dyn FnMut(&str, Wrong)) {
    for (key, slot) in [
        ("title_font", &mut fonts.title),
        ("body_font", &mut fonts.body),
        ("level1_font", &mut fonts.level1),
        ("level2_font", &mut fonts.level2),
        ("page_number_font", &mut fonts.page_number),
    ] {
        if let Some(v) = docx.remove(key) {
            match v.as_str().map(str::trim) {
                Some(name) if !name.is_empty() => *slot = name.to_string(),
                _ => warn(&format!("docx.{key}"), Wrong::FontName),
            }
        }
    }
    for key in docx.keys() {
        warn(&format!("docx.{key}"), Wrong::Unknown);
    }
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_config() {
        let (config, warnings) = Config::parse(
            r#"
theme = "dark"
lang = "en"
autosave_seconds = 5
[export]
indent = true
width = 40
encoding = "gb18030"
crlf = true
directory = "/tmp/out"
[docx]
body_font = "仿宋"
level2_font = "楷体"
[keys]
move_down = ["J", "A-Down"]
save = "C-w"
replace.cancel = ["C-g", "Esc"]
[keys.find]
find_next = "C-n"
"#,
            "config.toml",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config.theme.as_deref(), Some("dark"));
        assert_eq!(config.lang, Some(Lang::En));
        assert_eq!(config.autosave, Some(Duration::from_secs(5)));
        assert!(config.export.indent && config.export.crlf && !config.export.blank_lines);
        assert_eq!(config.export.width, Some(40));
        assert_eq!(config.export.encoding, TextEncoding::Gb18030);
        assert_eq!(config.export_dir, Some(PathBuf::from("/tmp/out")));
        assert_eq!(config.docx_fonts.body, "仿宋");
        assert_eq!(config.docx_fonts.level2, "楷体");
        assert_eq!(config.docx_fonts.level1, DocxFonts::default().level1);
        assert_eq!(
            config.keys,
            [
                KeyOverride::within("find", "find_next", &["C-n"]),
                KeyOverride::everywhere("move_down", &["J", "A-Down"]),
                KeyOverride::within("replace", "cancel", &["C-g", "Esc"]),
                KeyOverride::everywhere("save", &["C-w"]),
            ]
        );
        let line = |key: &str| {
            config
                .places
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, place)| place.as_str())
        };
        assert_eq!(line("keys.find.find_next"), Some("config.toml:19"));
        assert_eq!(line("keys.replace.cancel"), Some("config.toml:17"));
    }

    #[test]
    fn unknown_and_wrong_settings_are_warnings() {
        let (config, warnings) = Config::parse(
            "colour = 1\nlang = \"fr\"\n[export]\nwidth = 2\nfancy = true\n[docx]\nbody_font = \" \"\nsize = 3\n[keys]\nsave = 3\n",
            "c.toml",
        );
        assert_eq!(
            Config {
                places: Vec::new(),
                ..config
            },
            Config::default()
        );
        let text: Vec<String> = warnings.iter().map(|w| w.text(Lang::En)).collect();
        let text = text.join("\n");
        for needle in [
            "`colour`",
            "`lang`",
            "`export.width`",
            "`export.fancy`",
            "`docx.body_font`",
            "`docx.size`",
            "`keys.save`",
        ] {
            assert!(text.contains(needle), "{needle} in {text}");
        }
        let (_, warnings) = Config::parse("theme = [", "c.toml");
        assert!(
            warnings[0].text(Lang::En).starts_with("c.toml:1:"),
            "{warnings:?}"
        );
        assert!(warnings[0].text(Lang::Zh).starts_with("c.toml:1:"));
        assert!(!warnings[0].text(Lang::En).contains("格式有误"));
        assert!(warnings[0].text(Lang::Zh).contains("格式有误"));
    }

    #[test]
    fn missing_file_is_defaults() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Config::load(Some(dir.path())),
            (Config::default(), Vec::new())
        );
    }
}
