//! The interface language: Chinese or English, one at a time, chosen by
//! `--lang`, the config, or the locale.

mod errors;
mod lists;
mod notices;
mod setting_warnings;

pub use errors::{in_chinese, io_in_chinese, localized};
pub use lists::{rescue_lines, thousands, trash_lines, version_lines};
pub use notices::{Notice, ReadOnly};
pub use setting_warnings::{BadKey, KeyProblem, SettingProblem, SettingWarning, StyleWrong, Wrong};

use std::path::Path;

/// Local time as `2026-11-23 19:50`, the same in both languages.
pub fn local_time(t: std::time::SystemTime) -> String {
    chrono::DateTime::<chrono::Local>::from(t)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `zh`/`en`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "cn" | "chinese" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// From the locale variables, in POSIX order of precedence: a locale
    /// starting with `zh` means Chinese; any other set locale means English.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = var(name).filter(|v| !v.is_empty()) {
                return if value.to_ascii_lowercase().starts_with("zh") {
                    Lang::Zh
                } else {
                    Lang::En
                };
            }
        }
        Lang::Zh
    }

    /// The text of `zh` or `en` for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn no_drafts_hint(self, dir: &Path) -> String {
        match self {
            Lang::Zh => format!(
                "{} 里还没有草稿。新建一篇：zongjie new --template party-branch --title \"XX党支部2020年上半年党建工作总结\"（模板列表：zongjie templates）",
                dir.display()
            ),
            Lang::En => format!(
                "No drafts yet in {}. Start one with: zongjie new --template party-branch --title \"XX党支部2020年上半年党建工作总结\" (templates: zongjie templates)",
                dir.display()
            ),
        }
    }

    /// Like `pick`, for lists of lines.
    pub fn pick_slice<'a, T>(self, zh: &'a [T], en: &'a [T]) -> &'a [T] {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn damaged(self) -> &'static str {
        self.pick("已损坏", "damaged")
    }

    /// The warning of an export with placeholders or template hints left
    /// (the CLI's stderr and the editor's status bar say the same).
    pub fn placeholders_left(self, n: usize) -> String {
        match self {
            Lang::Zh => format!(
                "注意：还有 {n} 处待填（占位符或模板提示），导出的文字里占位符照原样保留、模板提示不导出；用 zongjie check 或 F7 查看位置"
            ),
            Lang::En => format!(
                "warning: {n} placeholders or template hints left to fill in (placeholders are exported as they are, hints are left out); zongjie check or F7 lists them"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_choice() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "C.UTF-8"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "zh_TW"), ("LANG", "C")])),
            Lang::Zh
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::Zh);
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
    }
}
