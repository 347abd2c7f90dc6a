//! What is wrong in config.toml or a theme file, in both languages. The
//! files are read before the interface language is known (config.toml may
//! choose it), so a warning is kept as a value and put in words once it is.

/// One problem in a settings file; the setting keeps its default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingWarning {
    /// `config.toml:3` or `mine.toml:2:7`; `None` until known (a theme
    /// that is not found is placed at config.toml's `theme` line, if any).
    pub place: Option<String>,
    pub problem: SettingProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingProblem {
    /// The TOML parser's own message (English).
    Syntax(String),
    /// The file is there but cannot be read; the system's reason.
    Unreadable(String),
    /// A setting of config.toml with a value of the wrong kind, or unknown.
    Setting {
        key: String,
        wrong: Wrong,
    },
    /// A style of a theme file that cannot be read.
    Style {
        key: String,
        wrong: StyleWrong,
    },
    ThemeNotFound(String),
    /// A binding of `[keys]` that cannot be used as written.
    Key(KeyProblem),
}

/// What is wrong with `[keys]`: the keymap keeps its defaults where a
/// binding cannot be used. `at` is where the binding is under `[keys]`:
/// `save`, or `find.find_next` for one of `[keys.find]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyProblem {
    /// `keys.fly`: no action has that name.
    UnknownAction { at: String, action: String },
    /// `[keys.fnd]`: no context has that name; `known` are the names.
    UnknownContext {
        name: String,
        known: Vec<&'static str>,
    },
    /// `[keys.find] save`: the action does nothing in that context.
    NotInContext {
        at: String,
        action: String,
        context: (&'static str, &'static str),
    },
    /// A key of the action's list that does not read.
    BadKey { at: String, why: BadKey },
    /// None of the action's keys read: it keeps its default keys.
    NoUsableKey { at: String, action: String },
    /// One key for two actions in one place (`context` in (zh, en)), both
    /// bound by the writer with the same reach.
    Conflict {
        key: String,
        first: String,
        second: String,
        context: (&'static str, &'static str),
    },
    /// A pane's key hides a key that works everywhere else.
    Shadows {
        key: String,
        global: String,
        action: String,
        context: (&'static str, &'static str),
    },
    /// A key bound in one context was another action's last key there.
    NoKeyLeft {
        at: String,
        key: String,
        action: String,
        context: (&'static str, &'static str),
    },
    /// A key bound under `[keys]` is `other`'s only key in every context
    /// where the action is, so it stays `other`'s and does nothing here.
    KeptByOther {
        at: String,
        key: String,
        other: String,
    },
}

/// Why a key as written in `[keys]` does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BadKey {
    /// `Q-q`: the modifier before the dash is not C, A (M) or S.
    Modifier { modifier: String, key: String },
    /// `F13`, `Foo`: no such key.
    Key(String),
}

impl KeyProblem {
    /// The setting it is about: `keys.save`, `keys.find.find_next`, or
    /// `keys` for one about two bindings.
    pub fn setting(&self) -> String {
        match self {
            KeyProblem::UnknownAction { at, .. }
            | KeyProblem::NotInContext { at, .. }
            | KeyProblem::BadKey { at, .. }
            | KeyProblem::NoUsableKey { at, .. }
            | KeyProblem::NoKeyLeft { at, .. }
            | KeyProblem::KeptByOther { at, .. } => format!("keys.{at}"),
            KeyProblem::UnknownContext { name, .. } => format!("keys.{name}"),
            KeyProblem::Conflict { .. } | KeyProblem::Shadows { .. } => "keys".to_string(),
        }
    }

    /// The problem in `lang`, without the file and line.
    pub fn text(&self, lang: super::Lang) -> String {
        let setting = self.setting();
        let (zh, en) = match self {
            KeyProblem::UnknownAction { action, .. } => (
                format!("没有名为 `{action}` 的操作"),
                format!("unknown action `{action}`"),
            ),
            KeyProblem::UnknownContext { name, known } => (
                format!("没有名为 `{name}` 的界面（可用：{}）", known.join("、")),
                format!("unknown context `{name}` (one of: {})", known.join(", ")),
            ),
            KeyProblem::NotInContext {
                action,
                context: (zh, en),
                ..
            } => (
                format!("`{action}` 在“{zh}”中不起作用（那里的帮助列出能用的操作）"),
                format!("`{action}` does nothing in {en} (the help there lists what does)"),
            ),
            KeyProblem::BadKey {
                why: BadKey::Modifier { modifier, key },
                ..
            } => (
                format!("`{key}` 里的修饰键 `{modifier}` 不认识（可用 C-、A-、S-）"),
                format!("unknown modifier `{modifier}` in `{key}` (C-, A-, S-)"),
            ),
            KeyProblem::BadKey {
                why: BadKey::Key(key),
                ..
            } => (
                format!("不认识的按键 `{key}`"),
                format!("unknown key `{key}`"),
            ),
            KeyProblem::NoUsableKey { action, .. } => (
                format!("没有可用的按键，`{action}` 仍用默认按键"),
                format!("no usable key; `{action}` keeps its default keys"),
            ),
            KeyProblem::Conflict {
                key,
                first,
                second,
                context: (zh, en),
            } => (
                format!("在“{zh}”中 {key} 同时绑定了 `{first}` 和 `{second}`"),
                format!("{key} is bound to both `{first}` and `{second}` in {en}"),
            ),
            KeyProblem::Shadows {
                key,
                global,
                action,
                context: (zh, en),
            } => (
                format!("{key} 在各处是 `{global}`，在“{zh}”中却是 `{action}`"),
                format!("{key} is bound to `{global}` everywhere and to `{action}` in {en}"),
            ),
            KeyProblem::NoKeyLeft {
                key,
                action,
                context: (zh, en),
                ..
            } => (
                format!(
                    "{key} 原是“{zh}”中 `{action}` 仅剩的按键，现在 `{action}` 在那里没有按键了"
                ),
                format!("{key} was the last key of `{action}` in {en}, which now has none there"),
            ),
            KeyProblem::KeptByOther { key, other, .. } => (
                format!(
                    "{key} 在这个操作所在的每处都是 `{other}` 仅有的按键，仍归 `{other}`；要在某处改用它，请写在 [keys.界面名] 下"
                ),
                format!(
                    "{key} stays the only key of `{other}` wherever this action is; to take it in one place, bind it under [keys.CONTEXT]"
                ),
            ),
        };
        match lang {
            super::Lang::Zh => format!("{setting}：{zh}"),
            super::Lang::En => format!("{setting}: {en}"),
        }
    }
}

/// What a config.toml setting should have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrong {
    ThemeName,
    Lang,
    Seconds,
    Bool,
    Columns,
    Encoding,
    Path,
    /// A table such as `[export]`.
    Table,
    Keys,
    FontName,
    Unknown,
}

/// Why a theme's style does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StyleWrong {
    UnknownColour(String),
    TwoForegrounds(String),
    OnWithoutColour(String),
}

impl SettingWarning {
    pub fn at(place: impl Into<String>, problem: SettingProblem) -> SettingWarning {
        SettingWarning {
            place: Some(place.into()),
            problem,
        }
    }

    /// The warning in `lang`: the place, then what is wrong.
    pub fn text(&self, lang: super::Lang) -> String {
        let (what, colon) = match lang {
            super::Lang::Zh => (self.problem.in_chinese(), "："),
            super::Lang::En => (self.problem.in_english(), ": "),
        };
        match &self.place {
            Some(place) => format!("{place}{colon}{what}"),
            None => what,
        }
    }
}

impl SettingProblem {
    fn in_english(&self) -> String {
        match self {
            SettingProblem::Syntax(message) | SettingProblem::Unreadable(message) => {
                message.clone()
            }
            SettingProblem::Setting { key, wrong } => {
                let what = match wrong {
                    Wrong::ThemeName => "expected a theme name",
                    Wrong::Lang => "expected \"zh\" or \"en\"",
                    Wrong::Seconds => "expected a number of seconds between 0.2 and 3600",
                    Wrong::Bool => "expected true or false",
                    Wrong::Columns => "expected a number of columns (4 or more, 0 for none)",
                    Wrong::Encoding => "expected \"utf-8\", \"utf-8-bom\" or \"gb18030\"",
                    Wrong::Path => "expected a path",
                    Wrong::Table => return format!("`{key}`: expected a table [{key}]"),
                    Wrong::Keys => "expected a key or a list of keys",
                    Wrong::FontName => "expected a font name",
                    Wrong::Unknown => "unknown setting",
                };
                format!("`{key}`: {what}")
            }
            SettingProblem::Style { key, wrong } => {
                let what = match wrong {
                    StyleWrong::UnknownColour(word) => format!("unknown colour `{word}`"),
                    StyleWrong::TwoForegrounds(text) => {
                        format!("two foreground colours in `{text}`")
                    }
                    StyleWrong::OnWithoutColour(text) => {
                        format!("`on` without a colour in `{text}`")
                    }
                };
                format!("{key}: {what}")
            }
            SettingProblem::ThemeNotFound(name) => {
                format!("theme `{name}` not found; using the default")
            }
            SettingProblem::Key(problem) => problem.text(super::Lang::En),
        }
    }

    fn in_chinese(&self) -> String {
        match self {
            SettingProblem::Syntax(message) => format!("格式有误：{message}"),
            SettingProblem::Unreadable(reason) => format!("无法读取：{reason}"),
            SettingProblem::Setting { key, wrong } => {
                let what = match wrong {
                    Wrong::ThemeName => "应为主题名".to_string(),
                    Wrong::Lang => "应为 \"zh\" 或 \"en\"".to_string(),
                    Wrong::Seconds => "应为 0.2 到 3600 之间的秒数".to_string(),
                    Wrong::Bool => "应为 true 或 false".to_string(),
                    Wrong::Columns => "应为每行字数（至少 4，0 表示不折行）".to_string(),
                    Wrong::Encoding => "应为 \"utf-8\"、\"utf-8-bom\" 或 \"gb18030\"".to_string(),
                    Wrong::Path => "应为路径".to_string(),
                    Wrong::Table => format!("应为表 [{key}]"),
                    Wrong::Keys => "应为一个按键或按键列表".to_string(),
                    Wrong::FontName => "应为字体名".to_string(),
                    Wrong::Unknown => "未知的设置，已忽略".to_string(),
                };
                format!("`{key}`：{what}")
            }
            SettingProblem::Style { key, wrong } => {
                let what = match wrong {
                    StyleWrong::UnknownColour(word) => format!("不认识的颜色 `{word}`"),
                    StyleWrong::TwoForegrounds(text) => format!("`{text}` 里有两个前景色"),
                    StyleWrong::OnWithoutColour(text) => {
                        format!("`{text}` 里的 `on` 后面缺少颜色")
                    }
                };
                format!("{key}：{what}")
            }
            SettingProblem::ThemeNotFound(name) => format!("找不到主题 `{name}`，使用默认主题"),
            SettingProblem::Key(problem) => problem.text(super::Lang::Zh),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn every_problem() -> Vec<SettingProblem> {
        let setting = |wrong| SettingProblem::Setting {
            key: "k".into(),
            wrong,
        };
        let style = |wrong| SettingProblem::Style {
            key: "text".into(),
            wrong,
        };
        vec![
            SettingProblem::Syntax("invalid string".into()),
            SettingProblem::Unreadable("permission denied".into()),
            setting(Wrong::ThemeName),
            setting(Wrong::Lang),
            setting(Wrong::Seconds),
            setting(Wrong::Bool),
            setting(Wrong::Columns),
            setting(Wrong::Encoding),
            setting(Wrong::Path),
            setting(Wrong::Table),
            setting(Wrong::Keys),
            setting(Wrong::FontName),
            setting(Wrong::Unknown),
            style(StyleWrong::UnknownColour("x".into())),
            style(StyleWrong::TwoForegrounds("red blue".into())),
            style(StyleWrong::OnWithoutColour("red on".into())),
            SettingProblem::ThemeNotFound("nope".into()),
            SettingProblem::Key(KeyProblem::UnknownAction {
                at: "fly".into(),
                action: "fly".into(),
            }),
            SettingProblem::Key(KeyProblem::UnknownContext {
                name: "fnd".into(),
                known: vec!["find", "replace"],
            }),
            SettingProblem::Key(KeyProblem::NotInContext {
                at: "find.save".into(),
                action: "save".into(),
                context: ("查找栏", "Find bar"),
            }),
            SettingProblem::Key(KeyProblem::BadKey {
                at: "save".into(),
                why: BadKey::Modifier {
                    modifier: "Q".into(),
                    key: "Q-q".into(),
                },
            }),
            SettingProblem::Key(KeyProblem::BadKey {
                at: "save".into(),
                why: BadKey::Key("F13".into()),
            }),
            SettingProblem::Key(KeyProblem::NoUsableKey {
                at: "save".into(),
                action: "save".into(),
            }),
            SettingProblem::Key(KeyProblem::NoKeyLeft {
                at: "replace.find_next".into(),
                key: "Enter".into(),
                action: "replace_one".into(),
                context: ("替换栏", "Replace bar"),
            }),
            SettingProblem::Key(KeyProblem::KeptByOther {
                at: "choose".into(),
                key: "Esc".into(),
                other: "cancel".into(),
            }),
            SettingProblem::Key(KeyProblem::Conflict {
                key: "Ctrl+S".into(),
                first: "save".into(),
                second: "undo".into(),
                context: ("全局", "Everywhere"),
            }),
            SettingProblem::Key(KeyProblem::Shadows {
                key: "Ctrl+S".into(),
                global: "save".into(),
                action: "undo".into(),
                context: ("大纲", "Outline"),
            }),
        ]
    }

    #[test]
    fn every_problem_has_words_in_both_languages() {
        let chinese = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let mut seen = std::collections::HashSet::new();
        for problem in every_problem() {
            let warning = SettingWarning::at("c.toml:3", problem);
            let (zh, en) = (warning.text(Lang::Zh), warning.text(Lang::En));
            assert!(zh.starts_with("c.toml:3：") && chinese(&zh), "{zh}");
            assert!(en.starts_with("c.toml:3: ") && en.is_ascii(), "{en}");
            assert!(seen.insert(zh) && seen.insert(en), "{warning:?}");
        }
    }
}
