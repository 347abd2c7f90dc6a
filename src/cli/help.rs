//! The command line's help in the interface language: [`crate::cli`] holds
//! the English text (its doc comments); this module lays the Chinese text
//! over it, for `--help`, the man pages and the usage examples alike.

use clap::{Arg, Command, CommandFactory};

use crate::cli::Cli;
use crate::i18n::Lang;

/// Usage examples: the command line, what it does in English and in Chinese.
/// `--help` shows them after the commands; the man page as EXAMPLES.
pub const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "zongjie",
        "pick a draft to edit (on a terminal; piped, list the drafts)",
        "选择要编辑的草稿（在终端中；输出到管道时列出草稿）",
    ),
    (
        "zongjie new --title \"XX党支部2026年上半年党建工作总结\"",
        "create a draft from the party-branch template and print its id",
        "用党支部模板新建草稿并输出其编号",
    ),
    (
        "zongjie import 总结.txt",
        "turn a summary saved from Word or WPS as plain text into a draft",
        "把从 Word 或 WPS 另存的纯文本总结转为草稿",
    ),
    (
        "zongjie export 20261205-1 --encoding gb18030 --crlf -o 总结.txt",
        "export for Windows tools",
        "导出给 Windows 上的软件使用",
    ),
    (
        "zongjie export 20261205-1 -o 总结.docx",
        "a Word file in the official-document layout (GB/T 9704)",
        "按公文格式（GB/T 9704）导出 Word 文件",
    ),
    (
        "zongjie new --from 20261205-1",
        "the next period's draft: the earlier promises become the items to report on",
        "新建下一期草稿：上一期的打算成为本期逐项汇报的条目",
    ),
    (
        "zongjie check 20261205-1",
        "list what a reviewer would point at",
        "列出审稿人会指出的问题",
    ),
    (
        "zongjie list --json",
        "the drafts as JSON, for scripts",
        "以 JSON 列出草稿，供脚本使用",
    ),
    (
        "zongjie --lang zh man | man -l -",
        "read the manual in Chinese",
        "阅读中文手册",
    ),
];

/// The Chinese help, keyed by `subcommand` (its about), `subcommand.arg`
/// (an argument's help; the root command is ``), and `subcommand@after`.
/// Global arguments (`data_dir`, `lang`, `theme`) are given once, at the root.
const ZH: &[(&str, &str)] = &[
    ("", "zongjie（总结）：在终端里撰写中文工作总结"),
    (
        ".data_dir",
        "存放 drafts/ 的数据目录（默认：用户数据目录，或 $ZONGJIE_DATA_DIR）",
    ),
    (".lang", "界面语言"),
    (".theme", "配色主题（见 `zongjie themes`）"),
    (".help", "显示帮助"),
    (".version", "显示版本"),
    ("open", "在全屏编辑器中打开草稿"),
    ("open.draft", "草稿编号，或草稿文件（*.toml）的路径"),
    (
        "new",
        "从模板新建草稿（或据上一期草稿新建下一期的）并输出其编号",
    ),
    (
        "new.template",
        "所用模板（见 `zongjie templates`），或要复制的草稿（编号或路径）［默认：party-branch］",
    ),
    (
        "new.from",
        "据上一期草稿新建下一期的：它的“下一步”打算成为本期要逐项汇报的条目",
    ),
    (
        "new.period",
        "新草稿的时段（与 --from 同用；默认：上一期之后的时段）",
    ),
    (
        "new.save_as_template",
        "不新建草稿，而把结果存为自己的模板 NAME",
    ),
    (
        "new.title",
        "总结的标题，如“XX党支部2020年上半年党建工作总结”",
    ),
    ("new.id", "新草稿的编号（默认：当天日期加序号）"),
    ("list", "列出草稿：编号、标题、修改时间、字数"),
    ("list.json", "以一个 JSON 对象输出草稿（格式见 README.md）"),
    (
        "export",
        "把草稿导出为纯文本，或按公文格式（GB/T 9704）导出为 .docx",
    ),
    (
        "export@after",
        "命令行选项优先于 config.toml 中 [export] 的设置。",
    ),
    ("export.draft", "草稿编号，或草稿文件（*.toml）的路径"),
    (
        "export.output",
        "输出文件，- 表示标准输出（默认：当前目录下的 <编号>.txt 或 <编号>.docx）",
    ),
    (
        "export.format",
        "txt，或按公文格式（GB/T 9704）排版的 docx；默认：输出文件名以 .docx 结尾时为 docx，否则为 txt",
    ),
    ("export.force", "输出文件已存在时覆盖它"),
    ("export.encoding", "输出的文本编码"),
    ("export.crlf", "使用 Windows 换行符（CRLF）"),
    (
        "export.no_crlf",
        "使用 Unix 换行符（LF），即使 config.toml 要求 CRLF",
    ),
    ("export.indent", "段首缩进两个全角空格"),
    ("export.no_indent", "段首不缩进，即使 config.toml 要求缩进"),
    ("export.blank_lines", "段落之间空一行"),
    (
        "export.no_blank_lines",
        "段落之间不空行，即使 config.toml 要求空行",
    ),
    (
        "export.width",
        "按 N 个显示列折行（一个汉字占 2 列）；0 表示不折行",
    ),
    (
        "export.no_wrap",
        "每段一行，即使 config.toml 设置了宽度（同 --width 0）",
    ),
    ("import", "把纯文本总结转为新草稿并输出其编号"),
    (
        "import.file",
        "要导入的文本文件（UTF-8 或 GB18030），- 表示标准输入",
    ),
    ("import.id", "新草稿的编号（默认：当天日期加序号）"),
    (
        "import.force",
        "该编号的草稿已存在时替换它（原有版本保留为备份）",
    ),
    (
        "restore",
        "恢复草稿的上一个版本（再运行一次即撤销），或更早的版本",
    ),
    ("restore.draft", "草稿编号，或草稿文件（*.toml）的路径"),
    (
        "restore.to",
        "改为恢复这个更早的版本（见 `zongjie history`）",
    ),
    (
        "restore.rescue",
        "参数是一个救援文件（保存失败时留下的文字，见 `zongjie doctor`）：把它变成新草稿",
    ),
    (
        "history",
        "列出草稿保留的早先版本（保存时每十分钟一个，保留最新 20 个）",
    ),
    ("history.draft", "草稿编号"),
    (
        "history.json",
        "以一个 JSON 对象输出这些版本（格式见 README.md）",
    ),
    ("templates", "列出模板（内置的和自己的）"),
    (
        "diff",
        "逐段比较草稿与早先的版本或另一篇草稿（相同退出码 0，不同 1）",
    ),
    ("diff.draft", "草稿编号，或草稿文件（*.toml）的路径"),
    (
        "diff.to",
        "要比较的早先版本（见 `zongjie history`；默认：最新的一个）",
    ),
    ("diff.with", "要比较的另一篇草稿（作为较早的一方）"),
    ("themes", "列出配色主题（内置的和自定义的）"),
    (
        "check",
        "检查草稿中审稿人会指出的问题（无问题退出码 0，有问题 1，出错 2）",
    ),
    ("check.draft", "草稿编号，或草稿文件（*.toml）的路径"),
    (
        "check.json",
        "以一个 JSON 对象输出检查结果（格式见 README.md）",
    ),
    (
        "check.target",
        "目标字数（默认：草稿自己设定的目标字数，如有）",
    ),
    ("completions", "输出 shell 补全脚本（bash、zsh 或 fish）"),
    ("completions.shell", "要补全的 shell"),
    (
        "doctor",
        "输出技术支持需要的信息：版本、目录、权限、终端、区域设置、配置问题",
    ),
    (
        "man",
        "输出手册页（roff 格式；用 `zongjie man | man -l -` 阅读）",
    ),
    (
        "man.out_dir",
        "把 zongjie.1 和每个子命令的手册页写入 DIR，而不是输出 zongjie.1",
    ),
    ("help", "显示本帮助，或指定子命令的帮助"),
];

fn zh(key: &str) -> Option<&'static str> {
    ZH.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
}

/// The examples as `--help` shows them after the commands.
fn examples_text(lang: Lang) -> String {
    let mut text = lang.pick("示例：\n", "Examples:\n").to_string();
    for (command, en, zh) in EXAMPLES {
        text.push_str(&format!("  {command}\n      {}\n", lang.pick(zh, en)));
    }
    text
}

/// The whole command line, built, with its help in `lang`.
pub fn command(lang: Lang) -> Command {
    localized(Cli::command(), lang)
}

/// The command line `args` parsed. A command line that parses is read
/// with clap's plain command: the help in `lang` (the whole tree built and
/// its text replaced) only shows in `--help`, `--version` and errors, and
/// building it took 0.4 ms of every start. Anything else goes through
/// [`command`], so that what is printed is in `lang`.
pub fn parse(args: &[std::ffi::OsString], lang: Lang) -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    let plain = Cli::command()
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    plain.or_else(|_| {
        command(lang)
            .try_get_matches_from(args)
            .and_then(|matches| Cli::from_arg_matches(&matches))
    })
}

/// `cmd` (the command line or a variant of it) built, with its help in
/// `lang` and the examples after the root command's help.
pub fn localized(cmd: Command, lang: Lang) -> Command {
    let mut cmd = cmd.after_help(examples_text(lang));
    if lang == Lang::Zh {
        cmd = cmd.help_template(ZH_TEMPLATE);
    }
    cmd.build();
    if lang == Lang::Zh {
        cmd = in_chinese(cmd, "");
    }
    cmd
}

/// Clap's headings (`Usage:`, `Options:`) are English; these say them in Chinese.
const ZH_TEMPLATE: &str =
    "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

fn in_chinese(cmd: Command, path: &str) -> Command {
    let mut cmd = cmd
        .help_template(ZH_TEMPLATE)
        .subcommand_help_heading("命令")
        .mut_args(|arg| chinese_arg(arg, path));
    if let Some(text) = zh(path) {
        cmd = cmd.about(text);
    }
    if let Some(text) = zh(&format!("{path}@after")) {
        cmd = cmd.after_help(text);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| in_chinese(sub, &name));
    }
    cmd
}

fn chinese_arg(arg: Arg, path: &str) -> Arg {
    let id = arg.get_id().as_str().to_string();
    // Global arguments are copied into every subcommand when built; their
    // text, like that of --help and --version, is given once at the root.
    let text = zh(&format!("{path}.{id}")).or_else(|| zh(&format!(".{id}")));
    let heading = if arg.is_positional() {
        "参数"
    } else {
        "选项"
    };
    let mut arg = arg.help_heading(heading);
    let Some(text) = text else {
        return arg;
    };
    let mut help = text.to_string();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_values = arg.get_action().takes_values();
    if takes_values && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        help.push_str(&format!("（默认：{}）", defaults.join("、")));
        arg = arg.hide_default_value(true);
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !possible.is_empty() && !arg.is_hide_possible_values_set() {
        help.push_str(&format!("（可选：{}）", possible.join("、")));
        arg = arg.hide_possible_values(true);
    }
    arg.help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A command line that parses reads the same without the Chinese
    /// text as with it; one that does not gets the same kind of error.
    #[test]
    fn parsing_does_not_depend_on_the_help_text() {
        let lines = [
            "zongjie",
            "zongjie open 20261205-1",
            "zongjie --data-dir /tmp/d --theme 护眼 open 1",
            "zongjie export 1 --encoding gb18030 --crlf -o x.txt",
            "zongjie new --title 总结 --template branch",
            "zongjie check 1 --json",
            "zongjie list --all",
            "zongjie --lang en history 1",
            "zongjie diff 1 2",
            "zongjie open",
            "zongjie opne 1",
            "zongjie export 1 --encoding latin1",
            "zongjie --help",
            "zongjie export --help",
            "zongjie --version",
        ];
        let mut parsed = 0;
        for line in lines {
            let args: Vec<std::ffi::OsString> = line.split(' ').map(Into::into).collect();
            for lang in [Lang::Zh, Lang::En] {
                let fast = parse(&args, lang);
                let full = command(lang)
                    .try_get_matches_from(&args)
                    .and_then(|matches| <Cli as clap::FromArgMatches>::from_arg_matches(&matches));
                match (fast, full) {
                    (Ok(a), Ok(b)) => {
                        assert_eq!(format!("{a:?}"), format!("{b:?}"), "{line}");
                        parsed += 1;
                    }
                    (Err(a), Err(b)) => {
                        assert_eq!(a.kind(), b.kind(), "{line}");
                        assert_eq!(a.to_string(), b.to_string(), "{line}");
                    }
                    (a, b) => panic!("{line}: {a:?} against {b:?}"),
                }
            }
        }
        // The first seven lines parse, in both languages.
        assert_eq!(parsed, 14);
    }

    fn has_hanzi(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    /// Every command and every argument, subcommands of subcommands too,
    /// has Chinese help: a new flag without it fails here.
    #[test]
    fn every_command_and_argument_has_chinese_help() {
        fn walk(cmd: &Command, path: &str, missing: &mut Vec<String>) {
            let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
            if !has_hanzi(&about) {
                missing.push(format!("{path}: {about}"));
            }
            for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                if !has_hanzi(&help) {
                    missing.push(format!("{path} {}: {help}", arg.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&command(Lang::Zh), "zongjie", &mut missing);
        assert!(
            missing.is_empty(),
            "no Chinese help (add it to ZH in src/cli/help.rs) for:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn every_chinese_key_names_something_real() {
        let cmd = command(Lang::En);
        for (key, _) in ZH {
            let (path, rest) = key.split_once(['.', '@']).unwrap_or((key, ""));
            let sub = if path.is_empty() {
                Some(&cmd)
            } else {
                cmd.find_subcommand(path)
            };
            let sub = sub.unwrap_or_else(|| panic!("{key}: no subcommand `{path}`"));
            if key.contains('.') {
                assert!(
                    sub.get_arguments().any(|a| a.get_id() == rest),
                    "{key}: no argument `{rest}`"
                );
            }
        }
    }

    #[test]
    fn english_help_is_left_as_written() {
        let cmd = command(Lang::En);
        let export = cmd.find_subcommand("export").unwrap();
        assert_eq!(
            export.get_about().unwrap().to_string(),
            "Export a draft as plain text or as a .docx in the official-document layout"
        );
    }
}
