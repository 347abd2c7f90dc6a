//! Colour themes: TOML files, the built-in ones from `themes/` compiled in,
//! the user's own from the config directory. A bad theme never stops the
//! program: the loader returns warnings and falls back to the default.

use std::path::Path;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::i18n::{SettingProblem, SettingWarning, StyleWrong};

const BUILT_IN: [(&str, &str); 4] = [
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("dark", include_str!("../../themes/dark.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
];

/// The styles the interface draws with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: String,
    pub text: Style,
    pub muted: Style,
    pub border: Style,
    pub border_focus: Style,
    pub title: Style,
    pub selection: Style,
    pub number: Style,
    pub placeholder: Style,
    pub status: Style,
    pub ok: Style,
    pub warning: Style,
    pub error: Style,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: Option<String>,
    text: Option<String>,
    muted: Option<String>,
    border: Option<String>,
    border_focus: Option<String>,
    title: Option<String>,
    selection: Option<String>,
    number: Option<String>,
    placeholder: Option<String>,
    status: Option<String>,
    ok: Option<String>,
    warning: Option<String>,
    error: Option<String>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            name: "default".into(),
            text: Style::default(),
            muted: Style::default().fg(Color::DarkGray),
            border: Style::default(),
            border_focus: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            title: Style::default().add_modifier(Modifier::BOLD),
            selection: Style::default().add_modifier(Modifier::REVERSED),
            number: Style::default().fg(Color::Cyan),
            placeholder: Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::UNDERLINED),
            status: Style::default().add_modifier(Modifier::REVERSED),
            ok: Style::default().fg(Color::Green),
            warning: Style::default().fg(Color::Yellow),
            error: Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
        }
    }
}

/// Parses `"#c9d1d9 on #0d1117 bold"`: a foreground, optionally `on` a
/// background, then modifiers.
pub fn parse_style(text: &str) -> Result<Style, StyleWrong> {
    let mut style = Style::default();
    let words = text.split_whitespace();
    let mut expect_bg = false;
    let mut seen_fg = false;
    for word in words {
        let lower = word.to_ascii_lowercase();
        let modifier = match lower.as_str() {
            "bold" => Some(Modifier::BOLD),
            "dim" => Some(Modifier::DIM),
            "italic" => Some(Modifier::ITALIC),
            "underlined" | "underline" => Some(Modifier::UNDERLINED),
            "reversed" | "reverse" => Some(Modifier::REVERSED),
            _ => None,
        };
        if let Some(m) = modifier {
            style = style.add_modifier(m);
            continue;
        }
        if lower == "on" {
            expect_bg = true;
            continue;
        }
        let color =
            Color::from_str(&lower).map_err(|_| StyleWrong::UnknownColour(word.to_string()))?;
        if expect_bg {
            style = style.bg(color);
            expect_bg = false;
        } else if !seen_fg {
            style = style.fg(color);
            seen_fg = true;
        } else {
            return Err(StyleWrong::TwoForegrounds(text.to_string()));
        }
    }
    if expect_bg {
        return Err(StyleWrong::OnWithoutColour(text.to_string()));
    }
    Ok(style)
}

impl Theme {
    /// Reads a theme file; unknown keys and bad values are warnings, and
    /// the default fills whatever is missing or wrong.
    pub fn from_toml(source: &str, origin: &str) -> (Theme, Vec<SettingWarning>) {
        let mut warnings = Vec::new();
        let file: ThemeFile = match toml::from_str(source) {
            Ok(f) => f,
            Err(e) => {
                let line = e
                    .span()
                    .map_or(1, |s| crate::document::line_column(source, s.start).0);
                warnings.push(SettingWarning::at(
                    format!("{origin}:{line}"),
                    SettingProblem::Syntax(e.message().trim().to_string()),
                ));
                return (Theme::default(), warnings);
            }
        };
        let lines = crate::settings::config::setting_lines(source);
        let mut theme = Theme::default();
        if let Some(name) = file.name {
            theme.name = name;
        }
        let slots: [(&str, Option<String>, &mut Style); 12] = [
            ("text", file.text, &mut theme.text),
            ("muted", file.muted, &mut theme.muted),
            ("border", file.border, &mut theme.border),
            ("border_focus", file.border_focus, &mut theme.border_focus),
            ("title", file.title, &mut theme.title),
            ("selection", file.selection, &mut theme.selection),
            ("number", file.number, &mut theme.number),
            ("placeholder", file.placeholder, &mut theme.placeholder),
            ("status", file.status, &mut theme.status),
            ("ok", file.ok, &mut theme.ok),
            ("warning", file.warning, &mut theme.warning),
            ("error", file.error, &mut theme.error),
        ];
        for (key, value, slot) in slots {
            if let Some(value) = value {
                match parse_style(&value) {
                    Ok(style) => *slot = style,
                    Err(wrong) => {
                        let place = lines.iter().find(|(k, _)| k == key).map_or_else(
                            || origin.to_string(),
                            |(_, line)| format!("{origin}:{line}"),
                        );
                        let key = key.to_string();
                        let problem = SettingProblem::Style { key, wrong };
                        warnings.push(SettingWarning::at(place, problem));
                    }
                }
            }
        }
        (theme, warnings)
    }

    /// Names of the built-in themes and of the user's, in that order.
    pub fn available(user_dir: Option<&Path>) -> Vec<(String, &'static str)> {
        let mut names: Vec<(String, &'static str)> = BUILT_IN
            .iter()
            .map(|(n, _)| (n.to_string(), "built-in"))
            .collect();
        if let Some(dir) = user_dir
            && let Ok(entries) = std::fs::read_dir(dir)
        {
            let mut user: Vec<String> = entries
                .flatten()
                .filter_map(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .strip_suffix(".toml")
                        .map(str::to_string)
                })
                .collect();
            user.sort();
            names.extend(user.into_iter().map(|n| (n, "user")));
        }
        names
    }

    /// Loads a theme by name: the user's file `<dir>/<name>.toml` first,
    /// then the built-in ones. Unknown names fall back to the default with
    /// a warning.
    pub fn load(name: &str, user_dir: Option<&Path>) -> (Theme, Vec<SettingWarning>) {
        if let Some(dir) = user_dir
            && !name.contains(['/', '\\'])
        {
            let path = dir.join(format!("{name}.toml"));
            if let Ok(source) = std::fs::read_to_string(&path) {
                return Theme::from_toml(&source, &path.display().to_string());
            }
        }
        match BUILT_IN.iter().find(|(n, _)| *n == name) {
            Some((n, source)) => Theme::from_toml(source, &format!("themes/{n}.toml")),
            None => (
                Theme::default(),
                vec![SettingWarning {
                    place: None,
                    problem: SettingProblem::ThemeNotFound(name.to_string()),
                }],
            ),
        }
    }

    /// Drops every colour, keeping bold, reversed and the like (NO_COLOR).
    pub fn without_colors(mut self) -> Theme {
        for style in [
            &mut self.text,
            &mut self.muted,
            &mut self.border,
            &mut self.border_focus,
            &mut self.title,
            &mut self.selection,
            &mut self.number,
            &mut self.placeholder,
            &mut self.status,
            &mut self.ok,
            &mut self.warning,
            &mut self.error,
        ] {
            style.fg = None;
            style.bg = None;
        }
        // Without colours, the selection and the status bar still need to stand out.
        self.selection = self.selection.add_modifier(Modifier::REVERSED);
        self.status = self.status.add_modifier(Modifier::REVERSED);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_theme_loads_without_warnings() {
        for (name, _) in BUILT_IN {
            let (theme, warnings) = Theme::load(name, None);
            assert!(warnings.is_empty(), "{name}: {warnings:?}");
            assert_eq!(theme.name, name);
        }
    }

    #[test]
    fn every_file_in_themes_is_built_in() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".toml").unwrap();
            assert!(
                BUILT_IN.iter().any(|(n, _)| *n == stem),
                "{name} is not compiled in"
            );
        }
    }

    #[test]
    fn bad_themes_warn_and_fall_back() {
        let (theme, warnings) =
            Theme::from_toml("text = \"purple-ish\"\nsparkle = 1\n", "mine.toml");
        assert_eq!(theme, Theme::default());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let (theme, warnings) =
            Theme::from_toml("text = \"purple-ish\"\nnumber = \"red\"\n", "mine.toml");
        assert_eq!(theme.number, Style::default().fg(Color::Red));
        let words = |lang| warnings[0].text(lang);
        assert_eq!(
            words(crate::i18n::Lang::En),
            "mine.toml:1: text: unknown colour `purple-ish`"
        );
        assert_eq!(
            words(crate::i18n::Lang::Zh),
            "mine.toml:1：text：不认识的颜色 `purple-ish`"
        );
        let (_, warnings) = Theme::load("nope", None);
        assert_eq!(
            warnings[0].text(crate::i18n::Lang::Zh),
            "找不到主题 `nope`，使用默认主题"
        );
    }

    #[test]
    fn styles_parse() {
        assert_eq!(
            parse_style("white on black bold"),
            Ok(Style::default()
                .fg(Color::White)
                .bg(Color::Black)
                .add_modifier(Modifier::BOLD))
        );
        assert!(parse_style("on").is_err());
        assert!(parse_style("red blue").is_err());
        let plain = Theme::load("dark", None).0.without_colors();
        assert_eq!(plain.text.fg, None);
        assert!(plain.selection.add_modifier.contains(Modifier::REVERSED));
    }
}
