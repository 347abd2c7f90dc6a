//! What scripts and support rely on: `list --json` and `history --json`
//! read back by a real JSON parser, export flags over config.toml, config
//! mistakes shown with their file and line, help in both languages, and
//! clear refusals for unbounded input and ids that name files.

mod common;

use std::fs;
use std::path::PathBuf;

use common::Env;
use serde_json::Value;

fn run(env: &Env, args: &[&str]) -> (i32, String, String) {
    let out = env.cmd().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn ok(env: &Env, args: &[&str]) -> String {
    let (code, out, err) = run(env, args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

fn config_file(env: &Env, text: &str) -> PathBuf {
    let dir = env.dir.path().join("config");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    fs::write(&path, text).unwrap();
    path
}

fn import(env: &Env, id: &str, text: &str) {
    let file = env.dir.path().join(format!("{id}.txt"));
    fs::write(&file, text).unwrap();
    ok(env, &["import", file.to_str().unwrap(), "--id", id]);
}

const SUMMARY: &str = "中共XX党支部2026年上半年党建工作总结\n\n今年以来，支部坚持以学习为先。\n\n一、工作开展情况\n（一）加强理论学习。全年组织集中学习十二次，覆盖全体党员。\n（二）严格组织生活。按时召开支部委员会和党员大会，认真开展主题党日活动。\n二、下一步打算\n（一）继续抓好学习。\n\n中共XX党支部\n2026年7月1日\n";

#[test]
fn list_json_holds_every_draft_as_stored() {
    let env = Env::new();
    import(&env, "first", SUMMARY);
    ok(
        &env,
        &["new", "--id", "second", "--title", "引号\"与\\反斜杠"],
    );
    fs::write(env.data().join("drafts").join("broken.toml"), "title = [").unwrap();

    let out = ok(&env, &["list", "--json"]);
    let json: Value = serde_json::from_str(&out).expect("list --json is JSON");
    assert_eq!(json["version"], 1);
    let drafts = json["drafts"].as_array().unwrap();
    assert_eq!(drafts.len(), 3, "{out}");
    let by_id = |id: &str| drafts.iter().find(|d| d["id"] == id).unwrap();

    for id in ["first", "second"] {
        let entry = by_id(id);
        // The oracle: the draft file itself, read by the toml crate.
        let path = env.data().join("drafts").join(format!("{id}.toml"));
        let stored: toml::Table = fs::read_to_string(&path).unwrap().parse().unwrap();
        for key in ["title", "organization", "period"] {
            let expected = stored.get(key).and_then(|v| v.as_str()).unwrap_or("");
            assert_eq!(entry[key], expected, "{id}.{key}");
        }
        assert_eq!(entry["damaged"], false);
        assert_eq!(entry["reason"], Value::Null);
        assert!(entry["characters"].as_u64().unwrap() > 0);
        let modified = chrono::DateTime::parse_from_rfc3339(entry["modified"].as_str().unwrap())
            .expect("modified is RFC 3339");
        let mtime: chrono::DateTime<chrono::Utc> =
            fs::metadata(&path).unwrap().modified().unwrap().into();
        assert_eq!(modified.timestamp(), mtime.timestamp(), "{id}.modified");
    }
    assert_eq!(by_id("second")["title"], "引号\"与\\反斜杠");
    // The same count as the table `list` prints.
    let table = ok(&env, &["list"]);
    let row = table.lines().find(|l| l.starts_with("first ")).unwrap();
    let chars: u64 = row.split_whitespace().nth(3).unwrap().parse().unwrap();
    assert_eq!(by_id("first")["characters"], chars);

    let broken = by_id("broken");
    assert_eq!(broken["damaged"], true);
    assert_eq!(broken["title"], Value::Null);
    assert!(!broken["reason"].as_str().unwrap().is_empty());

    let empty = Env::new();
    let json: Value = serde_json::from_str(&ok(&empty, &["list", "--json"])).unwrap();
    assert_eq!(json["drafts"], Value::Array(Vec::new()));
}

#[test]
fn history_json_lists_the_kept_versions() {
    let env = Env::new();
    ok(&env, &["new", "--id", "d", "--title", "第一稿"]);
    let json: Value = serde_json::from_str(&ok(&env, &["history", "d", "--json"])).unwrap();
    assert_eq!(json["versions"], Value::Array(Vec::new()));

    import(&env, "other", SUMMARY);
    let file = env.dir.path().join("other.txt");
    ok(
        &env,
        &["import", file.to_str().unwrap(), "--id", "d", "--force"],
    );
    let out = ok(&env, &["history", "d", "--json"]);
    let json: Value = serde_json::from_str(&out).unwrap();
    let versions = json["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 1, "{out}");
    let stamp = versions[0]["stamp"].as_str().unwrap();
    let kept = env
        .data()
        .join("history")
        .join("d")
        .join(format!("{stamp}.toml"));
    assert!(kept.is_file(), "{kept:?}");
    assert_eq!(versions[0]["title"], "第一稿");
    assert_eq!(versions[0]["damaged"], false);

    fs::write(&kept, "title = [").unwrap();
    let json: Value = serde_json::from_str(&ok(&env, &["history", "d", "--json"])).unwrap();
    assert_eq!(json["versions"][0]["damaged"], true);

    let (code, out, err) = run(&env, &["history", "nope", "--json"]);
    assert_eq!(
        (code, out.as_str(), err.lines().count()),
        (2, "", 1),
        "{err}"
    );
}

#[test]
fn export_flags_win_over_config() {
    let env = Env::new();
    import(&env, "d", SUMMARY);
    let plain = ok(&env, &["export", "d", "-o", "-"]);
    config_file(
        &env,
        "[export]\nindent = true\nblank_lines = true\nwidth = 20\ncrlf = true\n",
    );
    let configured = ok(&env, &["export", "d", "-o", "-"]);
    assert!(configured.contains("\r\n\r\n　　"), "{configured}");
    for flags in [
        &["--no-indent", "--no-blank-lines", "--no-wrap", "--no-crlf"][..],
        &[
            "--no-indent",
            "--no-blank-lines",
            "--width",
            "0",
            "--no-crlf",
        ],
        // The last of a pair counts.
        &[
            "--indent",
            "--no-indent",
            "--no-blank-lines",
            "--width",
            "30",
            "--no-wrap",
            "--no-crlf",
        ],
    ] {
        let mut args = vec!["export", "d", "-o", "-"];
        args.extend_from_slice(flags);
        assert_eq!(ok(&env, &args), plain, "{flags:?}");
    }
    // A flag that turns one thing on keeps the rest of the config.
    let indented = ok(&env, &["export", "d", "-o", "-", "--no-crlf", "--no-wrap"]);
    assert!(indented.contains("\n\n　　") && !indented.contains('\r'));

    let (code, _, err) = run(&env, &["export", "d", "--width", "3"]);
    assert_eq!(code, 2);
    assert!(err.contains("0 (no wrapping) or 4 or more"), "{err}");
    let (_, help, _) = run(&env, &["--lang", "en", "export", "--help"]);
    assert!(help.contains("Flags win over the [export] settings of config.toml"));
}

#[test]
fn doctor_lists_every_config_warning_with_file_and_line() {
    let env = Env::new();
    let path = config_file(
        &env,
        "theme = \"default\"\ncolour = 1\n\n[export]\nwidth = 2\n\n[keys]\nsave = \"Ctrl+Ctrl+Ctrl\"\nfly = \"F9\"\n",
    );
    let file = path.display().to_string();
    let report = ok(&env, &["--lang", "en", "doctor"]);
    for expected in [
        format!("config problem: {file}:2: `colour`: unknown setting"),
        format!("config problem: {file}:5: `export.width`: expected"),
        format!("config problem: {file}:8: keys.save: "),
        format!(
            "config problem: {file}:8: keys.save: no usable key; `save` keeps its default keys"
        ),
        format!("config problem: {file}:9: keys.fly: unknown action `fly`"),
    ] {
        assert!(report.contains(&expected), "{expected:?} not in\n{report}");
    }
    let zh = ok(&env, &["--lang", "zh", "doctor"]);
    // In Chinese, what is wrong is said in Chinese too (issue 21).
    assert!(
        zh.contains(&format!("配置问题：{file}:2：`colour`：未知的设置")),
        "{zh}"
    );
    assert!(
        zh.contains(&format!("配置问题：{file}:5：`export.width`：应为每行字数")),
        "{zh}"
    );
    assert!(
        zh.contains(&format!(
            "配置问题：{file}:9：keys.fly：没有名为 `fly` 的操作"
        )),
        "{zh}"
    );

    // A theme that is not there, and a theme file with mistakes.
    fs::write(&path, "\ntheme = \"nope\"\n").unwrap();
    let report = ok(&env, &["--lang", "en", "doctor"]);
    assert!(
        report.contains(&format!("config problem: {file}:2: theme `nope` not found")),
        "{report}"
    );
    let themes = env.dir.path().join("config").join("themes");
    fs::create_dir_all(&themes).unwrap();
    fs::write(
        themes.join("mine.toml"),
        "name = \"mine\"\ntext = \"purple-ish\"\n",
    )
    .unwrap();
    fs::write(&path, "theme = \"mine\"\n").unwrap();
    let report = ok(&env, &["--lang", "en", "doctor"]);
    let theme_file = themes.join("mine.toml").display().to_string();
    assert!(
        report.contains(&format!(
            "config problem: {theme_file}:2: text: unknown colour"
        )),
        "{report}"
    );

    fs::write(&path, "lang = [\n").unwrap();
    let report = ok(&env, &["--lang", "en", "doctor"]);
    assert!(
        report.contains(&format!("config problem: {file}:1:")),
        "{report}"
    );
}

/// The data directory is there but this user cannot list it (mode 0000).
/// Root reads anything, so as root the check runs as `nobody`.
#[cfg(unix)]
#[test]
fn doctor_says_cannot_read_for_an_unreadable_data_dir() {
    use std::os::unix::fs::{PermissionsExt, chown};
    let env = Env::new();
    ok(&env, &["new", "--id", "d"]);
    let root = unsafe { libc::geteuid() } == 0;
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("zongjie"));
    if root {
        // `nobody` must reach the folder (not list it) and own the data dir.
        fs::set_permissions(env.dir.path(), fs::Permissions::from_mode(0o711)).unwrap();
        chown(env.data(), Some(65534), Some(65534)).unwrap();
        cmd = std::process::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(assert_cmd::cargo::cargo_bin("zongjie"));
    }
    fs::set_permissions(env.data(), fs::Permissions::from_mode(0o000)).unwrap();
    let out = cmd
        .args(["--lang", "en", "--data-dir"])
        .arg(env.data())
        .arg("doctor")
        .env("ZONGJIE_CONFIG_DIR", env.dir.path().join("config"))
        .output()
        .expect("setpriv (util-linux) runs the check as nobody");
    fs::set_permissions(env.data(), fs::Permissions::from_mode(0o700)).unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        report.contains("data directory permissions: cannot read: "),
        "{report}"
    );
    assert!(!report.contains("others can read"), "{report}");
}

#[test]
fn help_speaks_the_interface_language() {
    let env = Env::new();
    let (_, en, _) = run(&env, &["--help"]);
    assert!(
        en.contains("Usage: zongjie") && en.contains("Examples:"),
        "{en}"
    );
    let (_, zh, _) = run(&env, &["--lang", "zh", "--help"]);
    for needle in [
        "用法：zongjie",
        "命令",
        "选项",
        "示例：",
        "把草稿导出为纯文本",
        "显示帮助",
    ] {
        assert!(zh.contains(needle), "{needle} not in\n{zh}");
    }
    // From the locale, and for a subcommand's options.
    let out = env
        .cmd()
        .env("LANG", "zh_CN.UTF-8")
        .args(["export", "--help"])
        .output()
        .unwrap();
    let zh = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "段首不缩进",
        "（可选：utf-8、utf-8-bom、gb18030）",
        "命令行选项优先于",
    ] {
        assert!(zh.contains(needle), "{needle} not in\n{zh}");
    }
    assert!(!zh.contains("Print help"), "{zh}");
}

#[test]
fn man_pages_in_the_chosen_language() {
    let env = Env::new();
    // The Chinese pages have a break point (`\:`) after each character.
    let zh = ok(&env, &["--lang", "zh", "man"]).replace("\\:", "");
    for needle in [".SH 名称", ".SH 示例", ".SH 环境变量", "界面语言"] {
        assert!(zh.contains(needle), "{needle} not in the Chinese page");
    }
    let en = ok(&env, &["--lang", "en", "man"]);
    assert!(en.contains(".SH NAME") && en.contains(".SH EXAMPLES") && !en.contains("名称"));
    let dir = env.dir.path().join("man-zh");
    ok(
        &env,
        &["--lang", "zh", "man", "--out-dir", dir.to_str().unwrap()],
    );
    let export = fs::read_to_string(dir.join("zongjie-export.1"))
        .unwrap()
        .replace("\\:", "");
    assert!(export.contains(".SH 选项") && export.contains("段首不缩进"));
}

#[cfg(unix)]
#[test]
fn an_endless_input_stops_at_the_limit() {
    let env = Env::new();
    let (code, out, err) = run(&env, &["import", "/dev/zero"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("larger than the import limit of 8 MiB (reading stopped there)"),
        "{err}"
    );
    assert!(env.snapshot().is_empty(), "nothing stored");
    let (code, _, err) = run(&env, &["--lang", "zh", "import", "/dev/zero"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("超过导入上限 8 MiB（读到上限即停止）"),
        "{err}"
    );
}

#[test]
fn an_id_ending_in_toml_is_refused() {
    let env = Env::new();
    for args in [
        &["new", "--id", "x.toml"][..],
        &["import", "-", "--id", "x.toml"],
    ] {
        let (code, out, err) = run(&env, args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("use --id x"), "{err}");
    }
    let (_, _, err) = run(&env, &["--lang", "zh", "new", "--id", "x.toml"]);
    assert!(err.contains("请用 --id x"), "{err}");
    assert!(env.snapshot().is_empty());
}
