//! What the status bar says once the runner has done what the app asked
//! (saved, exported, copied or restored a draft, opened one read-only), in
//! both languages. The app chooses the notice; the words live here, as the
//! findings' live in `check/messages.rs` and the errors' in `errors.rs`.

use std::io;
use std::path::PathBuf;

use super::{Lang, io_in_chinese};
use crate::storage::DraftId;

/// A key a message names, by what it does. The keymap in force (which
/// lives above `i18n/`, in `settings/`) says which key that is, so that a
/// message never names a key the writer has bound to something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFor {
    /// Show the findings (`check`, F7).
    Check,
    /// From a one-line field to the next (`next_field` in the editor, Enter).
    NextField,
    /// From the editor back to the outline (`leave` in the editor, Esc).
    LeaveEditor,
    /// The picker's trash (`show_trash`, F8).
    ShowTrash,
    /// The picker's "restore the previous version" (`restore_backup`, F6).
    RestoreBackup,
}

impl KeyFor {
    pub const ALL: &'static [KeyFor] = &[
        KeyFor::Check,
        KeyFor::NextField,
        KeyFor::LeaveEditor,
        KeyFor::ShowTrash,
        KeyFor::RestoreBackup,
    ];
}

/// Names the keys a message mentions: the keymap does, from the bindings in
/// force.
pub trait KeyNames {
    /// The key as hints write it (`F7`, `Ctrl+S`); empty when none is bound,
    /// and then the message leaves the key out.
    fn key_name(&self, key: KeyFor) -> String;
}

/// `（Enter 到下一栏，Esc 回大纲）` or ` (Enter next field, Esc outline)`:
/// each bound key with what it does, in brackets; nothing when none is.
fn aside(lang: Lang, steps: &[(String, &str)]) -> String {
    let steps: Vec<String> = steps
        .iter()
        .filter(|(key, _)| !key.is_empty())
        .map(|(key, words)| format!("{key} {words}"))
        .collect();
    match (steps.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Zh) => format!("（{}）", steps.join("，")),
        (false, Lang::En) => format!(" ({})", steps.join(", ")),
    }
}

/// One thing to tell the writer after an effect.
#[derive(Debug)]
pub enum Notice {
    /// A save failed; `reason` is already in the interface language.
    SaveFailed {
        reason: String,
    },
    /// The export was written; `left` placeholders or hints were left in it.
    Exported {
        path: PathBuf,
        left: usize,
    },
    /// The export failed; `reason` is already in the interface language.
    ExportFailed {
        reason: String,
    },
    /// The draft was read from disk again, dropping the editor's changes.
    Reloaded,
    /// A new draft from a template is open, its title selected.
    DraftCreated,
    /// The next period's draft is open, its title selected.
    NextDraftCreated,
    /// The editor's text went to a new draft, which is open now.
    SavedAsCopy(DraftId),
    KeptAsTemplate(PathBuf),
    Copied(DraftId),
    Renamed(DraftId),
    Retitled(String),
    Trashed(DraftId),
    BackupRestored(DraftId),
    VersionRestored(DraftId),
    RescueRestored(DraftId),
    Untrashed(DraftId),
    /// The draft opened read-only, and why.
    ReadOnly(ReadOnly),
}

/// Why a draft opened read-only.
#[derive(Debug)]
pub enum ReadOnly {
    /// Another zongjie (this process, when known) has it open.
    Held { pid: Option<u32> },
    /// Its folder takes no new file (read-only, full, not ours).
    Unwritable { folder: PathBuf, source: io::Error },
}

impl ReadOnly {
    /// The short reason the status bar keeps showing.
    pub fn label(&self, lang: Lang) -> &'static str {
        match self {
            ReadOnly::Held { .. } => lang.pick("另一窗口在编辑", "open elsewhere"),
            ReadOnly::Unwritable { .. } => lang.pick("文件夹无法写入", "folder not writable"),
        }
    }
}

impl Notice {
    /// Whether it is shown as a warning (something the writer must act on).
    pub fn is_warning(&self) -> bool {
        match self {
            Notice::SaveFailed { .. } | Notice::ExportFailed { .. } | Notice::ReadOnly(_) => true,
            Notice::Exported { left, .. } => *left > 0,
            _ => false,
        }
    }

    /// The words, in `lang`, naming the keys `keys` has bound.
    pub fn text(&self, lang: Lang, keys: &dyn KeyNames) -> String {
        match lang {
            Lang::Zh => self.in_chinese(keys),
            Lang::En => self.in_english(keys),
        }
    }

    fn in_chinese(&self, keys: &dyn KeyNames) -> String {
        let key = |k| keys.key_name(k);
        match self {
            Notice::SaveFailed { reason } => format!("保存失败，文字仍在编辑器中：{reason}"),
            // Placeholders left: said before the path, so a narrow status
            // bar never cuts the warning off.
            Notice::Exported { path, left: 0 } => format!("已导出：{}", path.display()),
            Notice::Exported { path, left } => {
                let check = match key(KeyFor::Check) {
                    k if k.is_empty() => k,
                    k => format!("，{k} 查看"),
                };
                format!(
                    "已导出，但还有 {left} 处待填（占位符或模板提示{check}）：{}",
                    path.display()
                )
            }
            Notice::ExportFailed { reason } => format!("导出失败：{reason}"),
            Notice::Reloaded => "已重新载入磁盘上的版本".into(),
            Notice::DraftCreated => format!(
                "已新建草稿，先改标题吧{}",
                aside(
                    Lang::Zh,
                    &[
                        (key(KeyFor::NextField), "到下一栏"),
                        (key(KeyFor::LeaveEditor), "回大纲"),
                    ]
                )
            ),
            Notice::NextDraftCreated => {
                "已新建下一期草稿：上一期的每项打算都列在“工作开展情况”里，逐项写进展".into()
            }
            Notice::SavedAsCopy(id) => format!("已另存为新草稿 {id}"),
            Notice::KeptAsTemplate(path) => format!("已存为模板：{}", path.display()),
            Notice::Copied(id) => format!("已复制为 {id}"),
            Notice::Renamed(id) => format!("已重命名为 {id}"),
            Notice::Retitled(title) => format!("标题已改为：{title}"),
            Notice::Trashed(id) => format!(
                "{id} 已移入回收站{}",
                aside(Lang::Zh, &[(key(KeyFor::ShowTrash), "可恢复")])
            ),
            Notice::BackupRestored(id) => format!(
                "{id} 已恢复为上一版本{}",
                aside(Lang::Zh, &[(key(KeyFor::RestoreBackup), "再按一次可撤回")])
            ),
            Notice::VersionRestored(id) => format!(
                "{id} 已恢复为所选的早先版本{}",
                aside(Lang::Zh, &[(key(KeyFor::RestoreBackup), "可撤回")])
            ),
            Notice::RescueRestored(id) => format!("已把抢救文件恢复为新草稿 {id}"),
            Notice::Untrashed(id) => format!("已恢复：{id}"),
            Notice::ReadOnly(ReadOnly::Held { pid }) => format!(
                "只读打开：这篇草稿正在另一个 zongjie 窗口中编辑{}",
                pid.map(|p| format!(" ({p})")).unwrap_or_default()
            ),
            Notice::ReadOnly(ReadOnly::Unwritable { folder, source }) => format!(
                "只读打开：草稿所在的文件夹无法写入（只读或已满），改动无法保存。{}：{}",
                folder.display(),
                io_in_chinese(source)
            ),
        }
    }

    fn in_english(&self, keys: &dyn KeyNames) -> String {
        let key = |k| keys.key_name(k);
        match self {
            Notice::SaveFailed { reason } => {
                format!("Save failed, your text is still here: {reason}")
            }
            Notice::Exported { path, left: 0 } => format!("Exported: {}", path.display()),
            Notice::Exported { path, left } => format!(
                "Exported with {left} placeholders or hints left{}: {}",
                aside(Lang::En, &[(key(KeyFor::Check), "lists them")]),
                path.display()
            ),
            Notice::ExportFailed { reason } => format!("Export failed: {reason}"),
            Notice::Reloaded => "Reloaded the version on disk".into(),
            Notice::DraftCreated => format!(
                "Draft created: start with the title{}",
                aside(
                    Lang::En,
                    &[
                        (key(KeyFor::NextField), "next field"),
                        (key(KeyFor::LeaveEditor), "outline"),
                    ]
                )
            ),
            Notice::NextDraftCreated => {
                "Next period's draft created: each earlier promise is an item of the work section"
                    .into()
            }
            Notice::SavedAsCopy(id) => format!("Saved as a new draft: {id}"),
            Notice::KeptAsTemplate(path) => format!("Kept as a template: {}", path.display()),
            Notice::Copied(id) => format!("Copied as {id}"),
            Notice::Renamed(id) => format!("Renamed to {id}"),
            Notice::Retitled(title) => format!("Title changed to: {title}"),
            Notice::Trashed(id) => format!(
                "{id} moved to the trash{}",
                aside(Lang::En, &[(key(KeyFor::ShowTrash), "to restore")])
            ),
            Notice::BackupRestored(id) => format!(
                "{id} restored to the previous version{}",
                aside(Lang::En, &[(key(KeyFor::RestoreBackup), "again to undo")])
            ),
            Notice::VersionRestored(id) => format!(
                "{id} restored to the chosen earlier version{}",
                aside(Lang::En, &[(key(KeyFor::RestoreBackup), "to undo")])
            ),
            Notice::RescueRestored(id) => format!("The rescue file is now a new draft: {id}"),
            Notice::Untrashed(id) => format!("Restored: {id}"),
            Notice::ReadOnly(ReadOnly::Held { pid }) => format!(
                "Opened read-only: this draft is open in another zongjie{}",
                pid.map(|p| format!(" ({p})")).unwrap_or_default()
            ),
            Notice::ReadOnly(ReadOnly::Unwritable { folder, source }) => format!(
                "Opened read-only: the draft's folder cannot be written (read-only or full), so changes cannot be saved. {}: {source}",
                folder.display()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One notice of every kind, with data in ASCII so that any Chinese in
    /// the English words would show.
    fn every_notice() -> Vec<Notice> {
        let id = || DraftId::parse("d-1").unwrap();
        let notices = vec![
            Notice::SaveFailed {
                reason: "disk full".into(),
            },
            Notice::Exported {
                path: "/o/T.txt".into(),
                left: 0,
            },
            Notice::Exported {
                path: "/o/T.txt".into(),
                left: 3,
            },
            Notice::ExportFailed {
                reason: "disk full".into(),
            },
            Notice::Reloaded,
            Notice::DraftCreated,
            Notice::NextDraftCreated,
            Notice::SavedAsCopy(id()),
            Notice::KeptAsTemplate("/c/templates/t.toml".into()),
            Notice::Copied(id()),
            Notice::Renamed(id()),
            Notice::Retitled("T".into()),
            Notice::Trashed(id()),
            Notice::BackupRestored(id()),
            Notice::VersionRestored(id()),
            Notice::RescueRestored(id()),
            Notice::Untrashed(id()),
            Notice::ReadOnly(ReadOnly::Held { pid: Some(42) }),
            Notice::ReadOnly(ReadOnly::Unwritable {
                folder: "/d".into(),
                source: io::Error::from(io::ErrorKind::PermissionDenied),
            }),
        ];
        // A new kind of notice fails to compile here until it is listed above.
        for notice in &notices {
            match notice {
                Notice::SaveFailed { .. }
                | Notice::Exported { .. }
                | Notice::ExportFailed { .. }
                | Notice::Reloaded
                | Notice::DraftCreated
                | Notice::NextDraftCreated
                | Notice::SavedAsCopy(_)
                | Notice::KeptAsTemplate(_)
                | Notice::Copied(_)
                | Notice::Renamed(_)
                | Notice::Retitled(_)
                | Notice::Trashed(_)
                | Notice::BackupRestored(_)
                | Notice::VersionRestored(_)
                | Notice::RescueRestored(_)
                | Notice::Untrashed(_)
                | Notice::ReadOnly(_) => {}
            }
        }
        notices
    }

    /// Keys named by what they are for, so a text shows which it names.
    struct Named;

    impl KeyNames for Named {
        fn key_name(&self, key: KeyFor) -> String {
            format!("<{key:?}>")
        }
    }

    /// No key bound at all.
    struct Unbound;

    impl KeyNames for Unbound {
        fn key_name(&self, _: KeyFor) -> String {
            String::new()
        }
    }

    fn has_chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_notice_has_words_in_both_languages() {
        let notices = every_notice();
        let mut seen = std::collections::HashSet::new();
        for notice in &notices {
            let zh = notice.text(Lang::Zh, &Named);
            let en = notice.text(Lang::En, &Named);
            assert!(has_chinese(&zh), "{notice:?}: {zh}");
            assert!(!has_chinese(&en), "{notice:?}: {en}");
            assert!(en.is_ascii(), "{notice:?}: {en}");
            // Every kind says something of its own in each language.
            assert!(seen.insert(zh.clone()), "said twice: {zh}");
            assert!(seen.insert(en.clone()), "said twice: {en}");
        }
        assert_eq!(seen.len(), 2 * notices.len());
    }

    #[test]
    fn the_keys_named_are_the_ones_given_and_an_unbound_one_is_left_out() {
        let mut named = std::collections::HashSet::new();
        for notice in every_notice() {
            for lang in [Lang::Zh, Lang::En] {
                let text = notice.text(lang, &Named);
                for key in KeyFor::ALL {
                    if text.contains(&format!("<{key:?}>")) {
                        named.insert(format!("{key:?}"));
                    }
                }
                let bare = notice.text(lang, &Unbound);
                assert!(!bare.contains('<'), "{bare}");
                for empty in ["（）", "()", "（ ", "( ", "， ", ", )"] {
                    assert!(!bare.contains(empty), "{bare}");
                }
                // Without keys the words are those with keys, less the keys.
                if text != bare {
                    assert!(bare.chars().count() < text.chars().count(), "{bare}");
                }
            }
        }
        // Every key a notice can name is named by one.
        assert_eq!(named.len(), KeyFor::ALL.len(), "{named:?}");
    }

    #[test]
    fn the_data_is_in_the_words() {
        for lang in [Lang::Zh, Lang::En] {
            let text = Notice::Copied(DraftId::parse("d-1").unwrap()).text(lang, &Named);
            assert!(text.contains("d-1"), "{text}");
            let text = Notice::Exported {
                path: "/o/T.txt".into(),
                left: 3,
            }
            .text(lang, &Named);
            assert!(text.contains('3') && text.ends_with("/o/T.txt"), "{text}");
            let held = ReadOnly::Held { pid: None };
            assert_ne!(held.label(lang), "");
            assert!(!Notice::ReadOnly(held).text(lang, &Named).contains('('));
        }
        assert!(
            Notice::Exported {
                path: "/x".into(),
                left: 1
            }
            .is_warning()
        );
        assert!(
            !Notice::Exported {
                path: "/x".into(),
                left: 0
            }
            .is_warning()
        );
        assert!(!Notice::Reloaded.is_warning());
    }
}
