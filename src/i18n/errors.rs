//! The errors a writer meets most, in Chinese. English uses the errors' own
//! messages; anything not listed here falls back to them too.

use std::error::Error;

use super::Lang;
use crate::plain_text::ImportError;
use crate::storage::{
    DraftFileError, ExportWriteError, IdError, LockError, StorageError, WriteError, WriteStep,
};

/// The error in the interface language.
pub fn localized(error: &(dyn Error + 'static), lang: Lang) -> String {
    match lang {
        Lang::En => error.to_string(),
        Lang::Zh => in_chinese(error).unwrap_or_else(|| error.to_string()),
    }
}

fn template_in_chinese(e: &crate::templates::TemplateError) -> String {
    use crate::templates::TemplateError;
    match e {
        TemplateError::Unknown(name) => {
            format!("没有名为 `{name}` 的模板（可用模板：zongjie templates）")
        }
        TemplateError::Broken { path, source } => format!(
            "模板 {} 无法读取：{}",
            path.display(),
            in_chinese(source).unwrap_or_else(|| source.to_string())
        ),
        TemplateError::BadName(name) => {
            format!("`{name}` 不能用作模板名（只用字母、数字、- 和 _）")
        }
        TemplateError::NoConfigDir => "找不到配置目录来存放模板：请设置 ZONGJIE_CONFIG_DIR".into(),
        TemplateError::Exists(name, path) => {
            format!("模板 `{name}` 已存在（{}）；请先删除它", path.display())
        }
        TemplateError::Io { path, source } => format!("{}：{source}", path.display()),
        TemplateError::Storage(e) => in_chinese(e).unwrap_or_else(|| e.to_string()),
    }
}

/// What went wrong on the disk, in Chinese where the kind says it (the
/// system's own words otherwise, which are English).
pub fn io_in_chinese(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let what = match error.kind() {
        ErrorKind::PermissionDenied => "权限不足",
        ErrorKind::ReadOnlyFilesystem => "文件系统是只读的",
        ErrorKind::StorageFull => "磁盘已满",
        ErrorKind::QuotaExceeded => "超出了磁盘配额",
        ErrorKind::NotFound => "文件或文件夹不存在",
        ErrorKind::IsADirectory => "那里是一个文件夹",
        ErrorKind::NotADirectory => "路径中有一段不是文件夹",
        ErrorKind::AlreadyExists => "已存在",
        ErrorKind::DirectoryNotEmpty => "那里是一个非空的文件夹",
        _ => return error.to_string(),
    };
    match error.raw_os_error() {
        Some(code) => format!("{what}（系统错误 {code}）"),
        None => what.to_string(),
    }
}

fn write_in_chinese(e: &WriteError) -> String {
    let step = match e.step {
        WriteStep::CreateTemp => "创建临时文件",
        WriteStep::Write => "写入临时文件",
        WriteStep::Sync => "把临时文件写入磁盘",
        WriteStep::Rename => "用临时文件替换它",
        WriteStep::Claim => "给新文件命名",
        WriteStep::SyncDir => "把所在文件夹写入磁盘",
    };
    let after = if e.replaced() {
        "新版本已经写入，但断电后可能丢失"
    } else {
        "磁盘上的文件没有改动"
    };
    format!(
        "无法保存 {}：{step}时出错：{}；{after}",
        e.target.display(),
        io_in_chinese(&e.source)
    )
}

fn import_in_chinese(e: &ImportError) -> String {
    let save_again = "请另存为 UTF-8 或 GB18030 后再导入";
    match e {
        ImportError::Empty => "输入是空的，没有可导入的内容".into(),
        ImportError::TooLarge { size } => {
            let size = match size {
                Some(bytes) => format!("（{:.1} MiB）", *bytes as f64 / (1024.0 * 1024.0)),
                None => "（读到上限即停止）".to_string(),
            };
            format!("输入超过导入上限 8 MiB{size}；一篇总结远没有这么大，是不是选错了文件？")
        }
        ImportError::Utf16WithoutBom => {
            format!("输入像是没有字节顺序标记（BOM）的 UTF-16 文本；{save_again}")
        }
        ImportError::Utf32 => format!("输入是 UTF-32 文本；{save_again}"),
        ImportError::Binary { offset, byte } => {
            format!("输入像是二进制文件，不是文本（第 {offset} 字节处为 0x{byte:02X}）")
        }
        ImportError::InvalidEncoding { offset, byte } => format!(
            "输入既不是 UTF-8 也不是 GB18030 文本（第 {offset} 字节处有无效字节 0x{byte:02X}）"
        ),
        ImportError::InvalidAfterBom { encoding, offset } => {
            format!("输入以 {encoding} 的字节顺序标记开头，但第 {offset} 字节处有无效字节")
        }
    }
}

pub fn in_chinese(error: &(dyn Error + 'static)) -> Option<String> {
    if let Some(e) = error.downcast_ref::<ImportError>() {
        return Some(import_in_chinese(e));
    }
    if let Some(e) = error.downcast_ref::<WriteError>() {
        return Some(write_in_chinese(e));
    }
    if let Some(e) = error.downcast_ref::<ExportWriteError>() {
        return Some(match e {
            ExportWriteError::Managed(path) => format!(
                "{} 是 zongjie 自己的文件（草稿、备份、历史版本、回收站、锁），请导出到别处",
                path.display()
            ),
            ExportWriteError::Exists(path) => format!("{} 已存在", path.display()),
            ExportWriteError::Io { path, source } => {
                format!("无法写入 {}：{}", path.display(), io_in_chinese(source))
            }
            ExportWriteError::Folder { dir, source } => format!(
                "导出目录 {} 不存在，也无法创建：{}",
                dir.display(),
                io_in_chinese(source)
            ),
        });
    }
    if let Some(e) = error.downcast_ref::<crate::templates::TemplateError>() {
        return Some(template_in_chinese(e));
    }
    if let Some(crate::document::NextDraftError::NoPeriod) = error.downcast_ref() {
        return Some(
            "读不出上一篇草稿的时段（period 字段和标题里都没有）；请用 --period 指定，如 --period 2021年上半年".into(),
        );
    }
    if let Some(e) = error.downcast_ref::<StorageError>() {
        return match e {
            StorageError::Id(e) => in_chinese(e),
            StorageError::Locked(e) => in_chinese(e),
            StorageError::NotFound { id, dir } => Some(format!(
                "{} 里没有草稿 `{id}`（查看全部草稿：zongjie list）",
                dir.display()
            )),
            StorageError::NoFile(path) => Some(format!("找不到草稿文件 {}", path.display())),
            StorageError::Io { path, source } => {
                Some(format!("{}：{}", path.display(), io_in_chinese(source)))
            }
            StorageError::Write(e) => Some(write_in_chinese(e)),
            StorageError::Backup { draft, source } => Some(format!(
                "{} 没有保存：保留上一版本时出错：{}",
                draft.display(),
                write_in_chinese(source)
            )),
            StorageError::DamagedBackup { path, source } => Some(format!(
                "备份 {} 已损坏，没有恢复：{}",
                path.display(),
                in_chinese(source).unwrap_or_else(|| source.to_string())
            )),
            StorageError::Exists { id } => Some(format!("草稿 `{id}` 已存在")),
            StorageError::Damaged { path, source } => Some(format!(
                "{}：{}",
                path.display(),
                in_chinese(source).unwrap_or_else(|| source.to_string())
            )),
            StorageError::ChangedOnDisk(path) => {
                Some(format!("{} 打开后在磁盘上被别的程序修改过", path.display()))
            }
            StorageError::NoBackup(path) => {
                Some(format!("{} 没有可恢复的上一版本", path.display()))
            }
            StorageError::NoSnapshot { draft, stamp } => Some(format!(
                "{} 没有 {stamp} 这个早先的版本（查看：zongjie history）",
                draft.display()
            )),
        };
    }
    if let Some(e) = error.downcast_ref::<IdError>() {
        return Some(match e {
            IdError::Empty => "草稿编号不能为空".into(),
            IdError::TooLong(id) => format!("草稿编号 `{id}` 太长（最多 64 个字符）"),
            IdError::Unsafe(id) => {
                format!("草稿编号 `{id}` 不能包含 `/`、`\\`、`..`、控制字符，也不能以 `.` 开头")
            }
            IdError::Invisible(id) => format!(
                "草稿编号 `{id}` 含有看不见或改变文字方向的字符（显示为 \\u{{…}}），请去掉后重输"
            ),
            IdError::NotNfc(id) => {
                format!(
                    "草稿编号 `{id}` 不是 Unicode NFC 规范形式（有字母由两个字符组成），请重新输入"
                )
            }
        });
    }
    if let Some(e) = error.downcast_ref::<LockError>() {
        return match e {
            LockError::Held { pid, draft } => Some(format!(
                "{} 正在另一个 zongjie 中编辑{}",
                draft.display(),
                pid.map(|p| format!("（进程 {p}）")).unwrap_or_default()
            )),
            LockError::Io { path, source } => Some(format!(
                "无法锁定 {}：{}",
                path.display(),
                io_in_chinese(source)
            )),
        };
    }
    if let Some(e) = error.downcast_ref::<DraftFileError>() {
        return Some(match e {
            DraftFileError::Syntax {
                line,
                column,
                message,
            } => {
                format!("第 {line} 行第 {column} 列：{message}")
            }
            DraftFileError::NewerFormat { found } => format!(
                "这篇草稿由更新版本的 zongjie 写成（格式 {found}，本版本只能读格式 {}），请先升级 zongjie",
                crate::storage::FORMAT_VERSION
            ),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn common_errors_in_chinese_others_fall_back() {
        let e = StorageError::NotFound {
            id: "x".into(),
            dir: PathBuf::from("/d"),
        };
        assert_eq!(
            localized(&e, Lang::Zh),
            "/d 里没有草稿 `x`（查看全部草稿：zongjie list）"
        );
        assert_eq!(localized(&e, Lang::En), "no draft `x` in /d");
        let e = StorageError::Damaged {
            path: PathBuf::from("/d/a.toml"),
            source: DraftFileError::NewerFormat { found: 2 },
        };
        assert!(localized(&e, Lang::Zh).contains("更新版本的 zongjie"));
        let e = StorageError::Id(IdError::Unsafe("../x".into()));
        assert!(localized(&e, Lang::Zh).starts_with("草稿编号 `../x`"));
        let io = std::io::Error::other("disk on fire");
        assert_eq!(localized(&io, Lang::Zh), "disk on fire");
    }

    #[test]
    fn import_and_write_failures_in_chinese() {
        let imports = [
            ImportError::Empty,
            ImportError::TooLarge {
                size: Some(9 << 20),
            },
            ImportError::TooLarge { size: None },
            ImportError::Utf16WithoutBom,
            ImportError::Utf32,
            ImportError::Binary { offset: 3, byte: 0 },
            ImportError::InvalidEncoding {
                offset: 3,
                byte: 0xff,
            },
            ImportError::InvalidAfterBom {
                encoding: "UTF-16LE",
                offset: 4,
            },
        ];
        let mut seen = std::collections::HashSet::new();
        for e in &imports {
            let zh = localized(e, Lang::Zh);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert!(seen.insert(zh), "{e:?}");
        }
        let write = WriteError {
            target: PathBuf::from("/d/a.toml"),
            step: WriteStep::Rename,
            source: std::io::Error::from_raw_os_error(libc::EROFS),
        };
        assert_eq!(
            localized(&StorageError::Write(write), Lang::Zh),
            "无法保存 /d/a.toml：用临时文件替换它时出错：文件系统是只读的（系统错误 30）；磁盘上的文件没有改动"
        );
        let full = std::io::Error::from_raw_os_error(libc::ENOSPC);
        let e = StorageError::Io {
            path: PathBuf::from("/d"),
            source: full,
        };
        assert_eq!(localized(&e, Lang::Zh), "/d：磁盘已满（系统错误 28）");
        assert_eq!(
            localized(&e, Lang::En),
            "/d: No space left on device (os error 28)"
        );
    }
}
