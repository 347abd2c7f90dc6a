//! What a packaged zongjie promises beyond editing: `--version`, shell
//! completions and the man page generated from the command line, `doctor`
//! for support, and one-line errors for bad arguments.

mod common;

use common::Env;

use std::io::Write;
use std::path::Path;
use std::process::{Command as Process, Stdio};

/// The visible subcommands, from the clap definition itself; every
/// completion script and the man page must name them all.
fn subcommands() -> Vec<String> {
    use clap::CommandFactory;
    let names: Vec<String> = zongjie::cli::Cli::command()
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect();
    for expected in ["new", "list", "export", "completions", "doctor", "man"] {
        assert!(names.iter().any(|n| n == expected), "{expected} missing");
    }
    names
}

impl Env {
    fn stdout(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "zongjie {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs with bad arguments: a failure, nothing on stdout, one line on stderr.
    fn one_line_error(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "zongjie {args:?}");
        assert!(out.stdout.is_empty(), "zongjie {args:?} wrote to stdout");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "zongjie {args:?}: {stderr:?}");
        assert!(stderr.starts_with("zongjie: "), "{stderr:?}");
        stderr
    }
}

#[test]
fn version_is_the_crate_version() {
    let env = Env::new();
    let out = env.stdout(&["--version"]);
    assert_eq!(out, format!("zongjie {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn completion_scripts_name_every_subcommand() {
    let env = Env::new();
    for (shell, marker) in [
        ("bash", "complete -F _zongjie"),
        ("zsh", "#compdef zongjie"),
        ("fish", "complete -c zongjie"),
    ] {
        let script = env.stdout(&["completions", shell]);
        assert!(script.len() > 2000, "{shell}: only {} bytes", script.len());
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        for sub in &subcommands() {
            assert!(script.contains(sub), "{shell} script misses `{sub}`");
        }
        for flag in ["data-dir", "lang", "encoding", "gb18030"] {
            assert!(script.contains(flag), "{shell} script misses {flag}");
        }
    }
}

#[test]
fn bash_completion_loads_and_completes_subcommands() {
    let env = Env::new();
    let script = env.stdout(&["completions", "bash"]);
    let path = env.dir.path().join("zongjie.bash");
    std::fs::write(&path, script).unwrap();
    // Ask the function itself, as bash would after `zongjie d<Tab>`.
    let probe = format!(
        "source {}; COMP_WORDS=(zongjie d); COMP_CWORD=1; COMP_LINE='zongjie d'; COMP_POINT=9; \
         _zongjie zongjie d zongjie; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display()
    );
    let out = Process::new("bash")
        .args(["--norc", "-c", &probe])
        .output()
        .expect("bash runs the completion script (bash is needed for this test)");
    let replies = String::from_utf8_lossy(&out.stdout);
    assert!(
        replies.lines().any(|l| l == "doctor"),
        "bash offered {replies:?}; stderr {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn man_page_is_roff_naming_every_subcommand() {
    let env = Env::new();
    let page = env.stdout(&["man"]);
    assert!(page.contains("\n.TH zongjie 1 "), "no title: {page:.200}");
    for section in [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "SUBCOMMANDS",
        "ENVIRONMENT",
        "FILES",
        "EXIT STATUS",
    ] {
        assert!(page.contains(&format!("\n.SH {section}\n")), "no {section}");
    }
    for sub in &subcommands() {
        assert!(page.contains(&format!("zongjie\\-{sub}(1)")), "no {sub}");
    }
    assert!(page.contains("ZONGJIE_DATA_DIR"));
    assert_groff_accepts(&page);
}

#[test]
fn chinese_man_pages_format_without_a_warning() {
    let env = Env::new();
    let page = env.stdout(&["--lang", "zh", "man"]);
    for section in [
        "名称",
        "概要",
        "选项",
        "命令",
        "示例",
        "环境变量",
        "退出状态",
    ] {
        assert!(page.contains(&format!("\n.SH {section}\n")), "no {section}");
    }
    // Long Chinese lines have break points, so groff never says "can't break line".
    assert_groff_accepts(&page);
    let dir = env.dir.path().join("man-zh");
    env.stdout(&["--lang", "zh", "man", "--out-dir", dir.to_str().unwrap()]);
    for sub in &subcommands() {
        let page = std::fs::read_to_string(dir.join(format!("zongjie-{sub}.1"))).unwrap();
        assert_groff_accepts(&page);
    }
}

#[test]
fn man_pages_written_to_a_folder_one_per_subcommand() {
    let env = Env::new();
    let dir = env.dir.path().join("man");
    let listed = env.stdout(&["man", "--out-dir", dir.to_str().unwrap()]);
    assert_eq!(listed.lines().count(), subcommands().len() + 1, "{listed}");
    let export = std::fs::read_to_string(dir.join("zongjie-export.1")).unwrap();
    assert!(export.contains(".TH zongjie-export 1"));
    assert!(export.contains("\\-\\-encoding"));
    assert_groff_accepts(&export);
    assert_eq!(
        std::fs::read_to_string(dir.join("zongjie.1")).unwrap(),
        env.stdout(&["man"])
    );
}

/// Formats the page with groff (.ci/run installs groff-base) and fails on
/// any warning.
fn assert_groff_accepts(page: &str) {
    let child = Process::new("groff")
        .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn();
    let mut child =
        child.expect("groff is needed to check the man pages (apt-get install groff-base)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(page.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warnings");
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn doctor_reports_the_data_dir_and_its_permissions_in_english() {
    let env = Env::new();
    let id = env.stdout(&["new", "--title", "XX党支部2020年上半年党建工作总结"]);
    let data = env.data().display().to_string();
    let report = env.stdout(&["doctor", "--lang", "en"]);
    for line in [
        format!("version: zongjie {} (", env!("CARGO_PKG_VERSION")),
        format!("data directory: {data} (--data-dir)\n"),
        "data directory permissions: 0700\n".into(),
        format!("drafts: 1 in {data}/drafts\n"),
        "drafts folder permissions: 0700\n".into(),
        "interface language: English (--lang)\n".into(),
        "terminal size: not a terminal\n".into(),
        "LANG: C.UTF-8\n".into(),
        "locale UTF-8: yes (LANG=C.UTF-8)\n".into(),
        "terminal UTF-8: not checked (not a terminal)\n".into(),
    ] {
        assert!(report.contains(&line), "{line:?} not in\n{report}");
    }
    assert!(report.lines().all(|l| l.contains(": ")), "{report}");

    #[cfg(unix)]
    {
        set_mode(&env.data(), 0o755);
        set_mode(
            &env.data()
                .join("drafts")
                .join(format!("{}.toml", id.trim())),
            0o644,
        );
        let report = env.stdout(&["doctor", "--lang", "en"]);
        assert!(report.contains("data directory permissions: 0755 (expected 0700"));
        assert!(
            report.contains(&format!("(not 0600: {})", id.trim())),
            "{report}"
        );
    }
}

#[test]
fn doctor_speaks_chinese_and_creates_nothing() {
    let env = Env::new();
    let data = env.data().display().to_string();
    let report = env.stdout(&["doctor", "--lang", "zh"]);
    for line in [
        format!("数据目录：{data}（--data-dir）\n"),
        "数据目录权限：尚不存在（首次保存时创建）\n".into(),
        format!("草稿：0 篇，位于 {data}/drafts\n"),
        "界面语言：中文（--lang）\n".into(),
        "终端大小：无终端\n".into(),
        "区域设置 UTF-8：是（LANG=C.UTF-8）\n".into(),
    ] {
        assert!(report.contains(&line), "{line:?} not in\n{report}");
    }
    assert!(
        !report.contains("directory"),
        "English in the Chinese report"
    );
    assert!(!env.data().exists(), "doctor created the data directory");

    std::fs::create_dir_all(env.data()).unwrap();
    #[cfg(unix)]
    set_mode(&env.data(), 0o700);
    let report = env.stdout(&["doctor", "--lang", "zh"]);
    assert!(report.contains("数据目录权限：0700\n"), "{report}");
}

#[test]
fn doctor_names_a_non_utf8_locale() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["doctor"])
        .env("LANG", "zh_CN.GBK")
        .output()
        .unwrap();
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("界面语言：中文（来自区域设置）"),
        "{report}"
    );
    assert!(
        report.contains("区域设置 UTF-8：否（LANG=zh_CN.GBK）"),
        "{report}"
    );
}

#[test]
fn bad_arguments_are_one_line_and_exit_2() {
    let env = Env::new();
    let unsupported = env.one_line_error(&["completions", "powershell"]);
    assert!(unsupported.contains("'powershell'"), "{unsupported}");
    assert!(unsupported.contains("bash, zsh, fish"), "{unsupported}");
    env.one_line_error(&["completions"]);
    env.one_line_error(&["completions", "bash", "zsh"]);
    let unknown = env.one_line_error(&["doctr"]);
    assert!(
        unknown.contains("'doctr'") && unknown.contains("doctor"),
        "{unknown}"
    );
    env.one_line_error(&["man", "--out"]);
    env.one_line_error(&["--lang", "fr", "doctor"]);
}

#[test]
fn help_still_goes_to_stdout() {
    let env = Env::new();
    let help = env.stdout(&["--help"]);
    for sub in ["completions", "doctor", "man"] {
        assert!(help.contains(sub), "{help}");
    }
    let help = env.stdout(&["completions", "--help"]);
    assert!(help.contains("bash"), "{help}");
}
