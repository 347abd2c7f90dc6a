//! The command line as a user and a script use it: every command, and every
//! bad input giving one line on stderr, a non-zero exit and no changed file.

mod common;

use common::Env;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

impl Env {
    fn draft_path(&self, id: &str) -> PathBuf {
        self.data().join("drafts").join(format!("{id}.toml"))
    }
}

/// Runs a command that must fail: exit code, exactly one stderr line
/// containing `needle`, nothing on stdout, and no stored file changed.
fn assert_fails(env: &Env, args: &[&str], needle: &str) {
    let before = env.snapshot();
    let out = env.cmd().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} succeeded");
    assert_eq!(
        stderr.lines().count(),
        1,
        "{args:?}: one line expected, got {stderr:?}"
    );
    assert!(
        stderr.contains(needle),
        "{args:?}: {stderr:?} lacks {needle:?}"
    );
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    assert_eq!(env.snapshot(), before, "{args:?} changed a stored file");
}

#[test]
fn new_list_export_round() {
    let env = Env::new();
    let id = env.new_draft("XX党支部2020年上半年党建工作总结");
    assert!(env.draft_path(&id).is_file());

    let out = env.cmd().arg("list").output().unwrap();
    let list = String::from_utf8(out.stdout).unwrap();
    assert!(list.starts_with(&id), "{list}");
    assert!(list.contains("XX党支部2020年上半年党建工作总结"));

    env.cmd()
        .args(["export", &id, "-o", "summary.txt"])
        .assert()
        .success();
    let text = fs::read_to_string(env.dir.path().join("summary.txt")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "XX党支部2020年上半年党建工作总结");
    assert!(lines.contains(&"一、党支部基本情况"));
    // The template's writing hint （写…） is guidance, never exported.
    assert!(lines.contains(&"（一）坚持强化理论武装，不断提高政治站位。上半年组织集中学习XX次、专题研讨XX次，党员干部的政治判断力、政治领悟力、政治执行力进一步提升。"));
    assert!(lines.contains(&"四、下一步打算"));
    // The signature date follows the period: the month after it, the day to fill in.
    assert_eq!(lines.last(), Some(&"2020年7月X日"));
    // The period from the title reached the draft.
    assert!(
        fs::read_to_string(env.draft_path(&id))
            .unwrap()
            .contains("period = \"2020年上半年\"")
    );
}

#[test]
fn export_with_every_option_to_stdout() {
    let env = Env::new();
    let id = env.new_draft("XX党支部2020年上半年党建工作总结");
    let out = env
        .cmd()
        .args([
            "export",
            &id,
            "-o",
            "-",
            "--indent",
            "--blank-lines",
            "--width",
            "40",
            "--encoding",
            "gb18030",
            "--crlf",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let (text, _, errors) = encoding_rs::GB18030.decode(&out.stdout);
    assert!(!errors);
    assert!(text.starts_with("XX党支部2020年上半年党建工作总结\r\n\r\n\u{3000}\u{3000}"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
    for line in text.split("\r\n") {
        let width: usize = line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
        assert!(width <= 40, "{line:?} is {width} columns");
        assert!(
            !line.starts_with(['，', '。', '、', '；', '：', '？', '！', '”', '）', '》']),
            "{line:?}"
        );
        assert!(!line.ends_with(['“', '（', '《']), "{line:?}");
    }
    let bom = env
        .cmd()
        .args(["export", &id, "-o", "-", "--encoding", "utf-8-bom"])
        .output()
        .unwrap();
    assert!(bom.stdout.starts_with(b"\xEF\xBB\xBFXX"));
}

#[test]
fn export_by_path_and_default_output_name() {
    let env = Env::new();
    let id = env.new_draft("标题");
    let path = env.draft_path(&id);
    env.cmd()
        .args(["export", path.to_str().unwrap()])
        .assert()
        .success();
    assert!(env.dir.path().join(format!("{id}.txt")).is_file());
}

#[test]
fn existing_output_is_refused_unless_forced() {
    let env = Env::new();
    let id = env.new_draft("标题");
    let target = env.dir.path().join("out.txt");
    fs::write(&target, "keep me").unwrap();
    assert_fails(&env, &["export", &id, "-o", "out.txt"], "--force");
    assert_eq!(fs::read_to_string(&target).unwrap(), "keep me");
    env.cmd()
        .args(["export", &id, "-o", "out.txt", "--force"])
        .assert()
        .success();
    assert!(fs::read_to_string(&target).unwrap().starts_with("标题\n"));
}

#[test]
fn bad_ids_and_missing_drafts() {
    let env = Env::new();
    env.new_draft("标题");
    assert_fails(&env, &["export", "nope", "-o", "-"], "no draft `nope`");
    assert_fails(&env, &["export", "../x", "-o", "-"], "may not contain");
    assert_fails(&env, &["export", "/", "-o", "-"], "may not contain");
    assert_fails(&env, &["export", "", "-o", "-"], "cannot be empty");
    assert_fails(&env, &["export", &"长".repeat(65), "-o", "-"], "too long");
    assert_fails(
        &env,
        &["export", "missing.toml", "-o", "-"],
        "no draft file",
    );
    assert_fails(&env, &["new", "--id", "../evil"], "may not contain");
    assert_fails(&env, &["new", "--template", "nope"], "unknown template");
}

#[test]
fn an_existing_id_is_not_overwritten_by_new() {
    let env = Env::new();
    let id = env.new_draft("第一篇");
    assert_fails(
        &env,
        &["new", "--id", &id, "--title", "第二篇"],
        "already exists",
    );
}

#[test]
fn damaged_and_newer_drafts_are_reported_never_touched() {
    let env = Env::new();
    let id = env.new_draft("标题");
    let path = env.draft_path(&id);
    fs::write(
        &path,
        "format = 1\ntitle = \"ok\"\n[[sections]]\nkind = 5\n",
    )
    .unwrap();
    assert_fails(&env, &["export", &id, "-o", "-"], "line 4, column");
    fs::write(&path, "format = 7\ntitle = \"未来\"\nnew_field = 1\n").unwrap();
    assert_fails(&env, &["export", &id, "-o", "-"], "newer zongjie");

    // list flags it and goes on.
    let before = env.snapshot();
    let out = env.cmd().arg("list").output().unwrap();
    assert!(out.status.success());
    let list = String::from_utf8(out.stdout).unwrap();
    assert!(
        list.contains("damaged") && list.contains("newer zongjie"),
        "{list}"
    );
    assert_eq!(env.snapshot(), before);
}

#[test]
fn unwritable_data_dir_is_one_line() {
    let env = Env::new();
    // A file where the data directory should be: unwritable for every user,
    // root included (which ignores permission bits).
    let blocked = env.dir.path().join("blocked");
    fs::write(&blocked, "a file, not a directory").unwrap();
    let out = Command::cargo_bin("zongjie")
        .unwrap()
        .args(["--data-dir", blocked.to_str().unwrap(), "new"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("blocked"), "{stderr}");
    assert_eq!(
        fs::read_to_string(&blocked).unwrap(),
        "a file, not a directory"
    );
}

#[cfg(unix)]
#[test]
fn drafts_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let id = env.new_draft("标题");
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&env.data()), 0o700);
    assert_eq!(mode(&env.data().join("drafts")), 0o700);
    assert_eq!(mode(&env.draft_path(&id)), 0o600);
}

#[test]
fn environment_variable_names_the_data_dir() {
    let env = Env::new();
    let out = Command::cargo_bin("zongjie")
        .unwrap()
        .env("ZONGJIE_DATA_DIR", env.data())
        .args(["new", "--title", "环境变量"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(fs::read_dir(env.data().join("drafts")).unwrap().count(), 1);
}

#[test]
fn templates_and_help() {
    let env = Env::new();
    let out = env.cmd().arg("templates").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for name in ["party-branch", "party-committee", "general"] {
        assert!(text.contains(name), "{text}");
    }
    for args in [
        &["--help"][..],
        &["export", "--help"],
        &["new", "--help"],
        &["list", "--help"],
    ] {
        env.cmd().args(args).assert().success();
    }
    let zh = env
        .cmd()
        .args(["--lang", "zh", "templates"])
        .output()
        .unwrap();
    assert!(String::from_utf8(zh.stdout).unwrap().contains("党支部"));
}

#[test]
fn bad_arguments_are_rejected() {
    let env = Env::new();
    let id = env.new_draft("标题");
    let out = env
        .cmd()
        .args(["export", &id, "--width", "2"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let out = env
        .cmd()
        .args(["export", &id, "--encoding", "latin1"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn errors_speak_the_interface_language() {
    let env = Env::new();
    env.new_draft("标题");
    let out = env
        .cmd()
        .args(["--lang", "zh", "export", "nope", "-o", "-"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("里没有草稿 `nope`"), "{stderr}");
    let out = env
        .cmd()
        .args(["--lang", "zh", "export", "../x"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("草稿编号 `../x` 不能包含"));
}
