//! Words in the interface language ([`Lang`], defined in [`crate::lang`]):
//! error messages for every error the program can meet, and the phrases
//! several screens share.

mod errors;
mod lists;
mod notices;
mod setting_warnings;

pub use crate::lang::Lang;
pub use errors::{in_chinese, io_in_chinese, localized};
pub use lists::{rescue_lines, thousands, trash_lines, version_lines};
pub use notices::{KeyFor, KeyNames, Notice, ReadOnly};
pub use setting_warnings::{BadKey, KeyProblem, SettingProblem, SettingWarning, StyleWrong, Wrong};

use std::path::Path;

/// Local time as `2026-11-23 19:50`, the same in both languages.
pub fn local_time(t: std::time::SystemTime) -> String {
    chrono::DateTime::<chrono::Local>::from(t)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

impl Lang {
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

    pub fn damaged(self) -> &'static str {
        self.pick("已损坏", "damaged")
    }

    /// The warning of an export with placeholders or template hints left
    /// (the CLI's stderr and the editor's status bar say the same), naming
    /// the editor's check key as `keys` has it bound.
    pub fn placeholders_left(self, n: usize, keys: &dyn KeyNames) -> String {
        let check = keys.key_name(KeyFor::Check);
        let (zh_or, en_or) = match check.is_empty() {
            true => (String::new(), String::new()),
            false => (format!(" 或 {check}"), format!(" or {check}")),
        };
        match self {
            Lang::Zh => format!(
                "注意：还有 {n} 处待填（占位符或模板提示），导出的文字里占位符照原样保留、模板提示不导出；用 zongjie check{zh_or} 查看位置"
            ),
            Lang::En => format!(
                "warning: {n} placeholders or template hints left to fill in (placeholders are exported as they are, hints are left out); zongjie check{en_or} lists them"
            ),
        }
    }
}
