//! The error of a command, printed as one line on stderr, and its words in
//! Chinese (English uses the messages below).

use std::io;
use std::path::PathBuf;

use crate::document::NextDraftError;
use crate::docx::DocxError;
use crate::plain_text::ImportError;
use crate::storage::{DraftId, LockError, StorageError};
use crate::templates::TemplateError;

/// A command that could not do its work; printed as one line on stderr.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("{0} already exists; use --force to overwrite it")]
    OutputExists(PathBuf),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("no data directory: pass --data-dir DIR or set ZONGJIE_DATA_DIR")]
    NoDataDir,
    #[error("{path}: {source}")]
    Import { path: PathBuf, source: ImportError },
    #[error(
        "draft `{0}` already exists; use --force to replace it (its current version is kept as the backup)"
    )]
    DraftExists(DraftId),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(
        "{0} is one of zongjie's own files (drafts, backups, history, trash, locks); export somewhere else"
    )]
    ManagedFile(PathBuf),
    #[error("a draft id does not end in .toml (that names a file): use --id {0}")]
    IdWithExtension(String),
    #[error("{0} is an option of plain text; a .docx has the official-document layout")]
    TextOnlyOption(&'static str),
    #[error(
        "a .docx is not shown in a terminal: write it with -o FILE.docx, or redirect the output"
    )]
    DocxToTerminal,
    #[error(transparent)]
    Docx(#[from] DocxError),
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error(transparent)]
    NextDraft(#[from] NextDraftError),
    #[error(
        "cannot read the period `{0}` (e.g. 2021年上半年, 2021年度, 2021年第一季度, 2021年1—6月)"
    )]
    BadPeriod(String),
    #[error(
        "{0} has no earlier versions yet: saving keeps one every ten minutes (see `zongjie history`)"
    )]
    NoEarlierVersion(String),
}

impl CommandError {
    /// The message in Chinese, where it has one.
    fn in_chinese(&self) -> Option<String> {
        match self {
            CommandError::Storage(e) => crate::i18n::in_chinese(e),
            CommandError::Lock(e) => crate::i18n::in_chinese(e),
            CommandError::Template(e) => crate::i18n::in_chinese(e),
            CommandError::NextDraft(e) => crate::i18n::in_chinese(e),
            CommandError::NoEarlierVersion(name) => Some(format!(
                "{name} 还没有早先的版本：保存时每十分钟留一个版本（查看：zongjie history）"
            )),
            CommandError::BadPeriod(text) => Some(format!(
                "读不懂时段“{text}”（可写作 2021年上半年、2021年度、2021年第一季度、2021年1—6月）"
            )),
            CommandError::Io { path, source } => Some(format!(
                "{}：{}",
                path.display(),
                crate::i18n::io_in_chinese(source)
            )),
            CommandError::OutputExists(path) => {
                Some(format!("{} 已存在；要覆盖请加 --force", path.display()))
            }
            CommandError::NoDataDir => {
                Some("找不到数据目录：请用 --data-dir 指定，或设置环境变量 ZONGJIE_DATA_DIR".into())
            }
            CommandError::ManagedFile(path) => Some(format!(
                "{} 是 zongjie 自己的文件（草稿、备份、历史版本、回收站、锁），请导出到别处",
                path.display()
            )),
            CommandError::TextOnlyOption(flag) => {
                Some(format!("{flag} 只用于纯文本导出；.docx 按公文格式排版"))
            }
            CommandError::DocxToTerminal => {
                Some(".docx 文件不在终端中显示：请用 -o 文件名.docx 写入文件，或重定向输出".into())
            }
            CommandError::DraftExists(id) => Some(format!(
                "草稿 `{id}` 已存在；要替换请加 --force（原来的版本会保存为备份）"
            )),
            CommandError::IdWithExtension(stem) => Some(format!(
                "草稿编号不以 .toml 结尾（那是文件名）：请用 --id {stem}"
            )),
            CommandError::Import { path, source } => Some(format!(
                "{}：{}",
                path.display(),
                crate::i18n::in_chinese(source).unwrap_or_else(|| source.to_string())
            )),
            _ => None,
        }
    }
}

/// An error from a command, or from what it called, in Chinese: a
/// [`CommandError`] by its own words, anything else as the rest of the
/// interface says it ([`crate::i18n::in_chinese`]).
pub fn in_chinese(error: &(dyn std::error::Error + 'static)) -> Option<String> {
    match error.downcast_ref::<CommandError>() {
        Some(e) => e.in_chinese(),
        None => crate::i18n::in_chinese(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_errors_in_chinese_with_the_storage_words_inside() {
        let e = CommandError::Storage(StorageError::NotFound {
            id: "x".into(),
            dir: PathBuf::from("/d"),
        });
        assert_eq!(
            in_chinese(&e).as_deref(),
            Some("/d 里没有草稿 `x`（查看全部草稿：zongjie list）")
        );
        let e = CommandError::OutputExists(PathBuf::from("/o.txt"));
        assert_eq!(
            in_chinese(&e).as_deref(),
            Some("/o.txt 已存在；要覆盖请加 --force")
        );
        assert_eq!(
            e.to_string(),
            "/o.txt already exists; use --force to overwrite it"
        );
        // Not a command's own error: the interface's words.
        let e = crate::templates::TemplateError::NoConfigDir;
        assert_eq!(in_chinese(&e), crate::i18n::in_chinese(&e));
        assert!(in_chinese(&e).is_some());
    }
}
