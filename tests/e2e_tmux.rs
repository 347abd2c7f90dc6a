//! The real binary in a real terminal (tmux), as a person uses it: keys
//! typed, the screen read back, the draft on disk checked afterwards.
//! Skipped when tmux is missing, except under CI (where .ci/run installs it).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `command` in a detached 100×30 session; `None` if tmux is absent.
    fn start(name: &str, command: &str, env: &[(&str, &Path)]) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is required under CI (.ci/run installs it)"
            );
            eprintln!("tmux not installed: skipping the end-to-end test");
            return None;
        }
        let socket = format!("zj-{name}-{}", std::process::id());
        let mut full = String::new();
        for (k, v) in env {
            full.push_str(&format!("{k}='{}' ", v.display()));
        }
        full.push_str("LANG=zh_CN.UTF-8 ");
        full.push_str(command);
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "100",
                "-y",
                "30",
                &full,
            ])
            .status()
            .unwrap();
        assert!(status.success());
        Some(Tmux { socket })
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
        std::thread::sleep(Duration::from_millis(100));
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    /// Waits until the screen shows `needle`.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {needle:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the program has exited (the session is gone).
    fn wait_exit(&self) {
        let start = Instant::now();
        while Command::new("tmux")
            .args(["-L", &self.socket, "has-session"])
            .output()
            .unwrap()
            .status
            .success()
        {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "zongjie did not quit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn zongjie() -> &'static str {
    env!("CARGO_BIN_EXE_zongjie")
}

#[test]
fn open_move_a_section_save_quit_export() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = Command::new(zongjie())
        .arg("--data-dir")
        .arg(&data)
        .args([
            "new",
            "--id",
            "e2e",
            "--title",
            "XX党支部2020年上半年党建工作总结",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let cmd = format!("{} --data-dir '{}' open e2e", zongjie(), data.display());
    let Some(t) = Tmux::start("open", &cmd, &[]) else {
        return;
    };
    t.wait_for("大纲");
    // Select 二、工作开展情况 and move it above 一、.
    t.keys(&["j", "j", "j"]);
    let screen = t.wait_for("▶二、工作开展情况");
    assert!(screen.contains("一、党支部基本情况"));
    t.keys(&["J"]);
    t.keys(&["K", "K"]);
    t.wait_for("▶一、工作开展情况");
    t.keys(&["C-s"]);
    t.wait_for("已保存");
    t.keys(&["C-q"]);
    t.wait_exit();
    let export = Command::new(zongjie())
        .arg("--data-dir")
        .arg(&data)
        .args(["export", "e2e", "-o", "-"])
        .output()
        .unwrap();
    let text = String::from_utf8(export.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let work = lines
        .iter()
        .position(|l| *l == "一、工作开展情况")
        .expect("moved section first");
    let basic = lines
        .iter()
        .position(|l| *l == "二、党支部基本情况")
        .expect("basic second");
    assert!(work < basic);
}

#[test]
fn first_start_create_type_a_title_quit_restart() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let cmd = format!("{} --data-dir '{}'", zongjie(), data.display());
    {
        let Some(t) = Tmux::start("first", &cmd, &[]) else {
            return;
        };
        // An empty data dir greets the writer with the templates.
        t.wait_for("选一个模板");
        t.keys(&["Enter"]);
        t.wait_for("已新建草稿");
        // The template title is selected: typing replaces it.
        t.text("第一党支部2026年下半年党建工作总结");
        t.wait_for("第一党支部2026年下半年党建工作总结");
        let cursor = t.tmux(&["display", "-p", "#{cursor_x} #{cursor_y}"]);
        let (x, _) = cursor.trim().split_once(' ').unwrap();
        let x: u16 = x.parse().unwrap();
        assert!(x > 40, "cursor after the typed title, at {cursor}");
        t.keys(&["C-q"]);
        t.wait_exit();
    }
    let Some(t) = Tmux::start("again", &cmd, &[]) else {
        return;
    };
    let screen = t.wait_for("第一党支部2026年下半年党建工作总结");
    assert!(screen.contains("草稿"), "{screen}");
    t.keys(&["C-q"]);
    t.wait_exit();
}

fn new_draft(data: &Path, id: &str) {
    let out = Command::new(zongjie())
        .arg("--data-dir")
        .arg(data)
        .args([
            "new",
            "--id",
            id,
            "--title",
            "XX党支部2020年上半年党建工作总结",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
}

fn draft_text(data: &Path, id: &str) -> String {
    std::fs::read_to_string(data.join("drafts").join(format!("{id}.toml"))).unwrap()
}

#[test]
fn a_second_window_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    new_draft(&data, "two");
    let cmd = format!("{} --data-dir '{}' open two", zongjie(), data.display());
    let Some(first) = Tmux::start("first-window", &cmd, &[]) else {
        return;
    };
    first.wait_for("大纲");
    let Some(second) = Tmux::start("second-window", &cmd, &[]) else {
        return;
    };
    second.wait_for("只读打开");
    // Typing in the second window changes nothing.
    second.keys(&["Enter"]);
    second.text("不该写入");
    second.keys(&["C-q"]);
    second.wait_exit();
    assert!(!draft_text(&data, "two").contains("不该写入"));
    first.keys(&["C-q"]);
    first.wait_exit();
}

#[test]
fn a_change_on_disk_is_not_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    new_draft(&data, "disk");
    let cmd = format!("{} --data-dir '{}' open disk", zongjie(), data.display());
    let Some(t) = Tmux::start("disk", &cmd, &[]) else {
        return;
    };
    t.wait_for("大纲");
    let path = data.join("drafts").join("disk.toml");
    let changed =
        draft_text(&data, "disk").replacen("XX党支部2020年上半年党建工作总结", "别处改过的标题", 1);
    std::fs::write(&path, &changed).unwrap();
    t.keys(&["j", "Enter"]);
    t.text("编辑器里的字");
    t.keys(&["C-s"]);
    t.wait_for("磁盘上的草稿已改变");
    // Keep both: the editor's text goes to a new draft.
    t.keys(&["c"]);
    t.wait_for("已另存为新草稿");
    t.keys(&["C-q"]);
    t.wait_exit();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        changed,
        "the other version is untouched"
    );
    let copies: Vec<_> = std::fs::read_dir(data.join("drafts"))
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name() != "disk.toml" && e.file_name().to_string_lossy().ends_with(".toml")
        })
        .collect();
    assert_eq!(copies.len(), 1);
    assert!(
        std::fs::read_to_string(copies[0].path())
            .unwrap()
            .contains("编辑器里的字")
    );
}

#[cfg(unix)]
#[test]
fn sigterm_and_a_closed_terminal_save_the_text() {
    for (name, how) in [("term", "TERM"), ("hup", "kill-server")] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        new_draft(&data, name);
        let status = dir.path().join("status");
        let cmd = format!(
            "{} --data-dir '{}' open {name}; echo $? > '{}'",
            zongjie(),
            data.display(),
            status.display()
        );
        let Some(t) = Tmux::start(&format!("sig-{name}"), &cmd, &[]) else {
            return;
        };
        t.wait_for("大纲");
        t.keys(&["j", "Enter"]);
        t.text("信号之前的字");
        let pid = t.tmux(&["display", "-p", "#{pane_pid}"]);
        let started = Instant::now();
        if how == "TERM" {
            // The pane's shell runs zongjie as its child.
            let out = Command::new("pgrep")
                .args(["-P", pid.trim(), "-x", "zongjie"])
                .output()
                .unwrap();
            let child = String::from_utf8_lossy(&out.stdout).trim().to_string();
            assert!(!child.is_empty(), "zongjie's pid");
            Command::new("kill")
                .args(["-TERM", &child])
                .status()
                .unwrap();
            while !status.exists() {
                assert!(
                    started.elapsed() < Duration::from_secs(3),
                    "no exit after SIGTERM"
                );
                std::thread::sleep(Duration::from_millis(20));
            }
            assert_eq!(std::fs::read_to_string(&status).unwrap().trim(), "143");
        } else {
            t.tmux(&["kill-server"]);
        }
        let deadline = Instant::now() + Duration::from_secs(3);
        while !draft_text(&data, name).contains("信号之前的字") {
            assert!(Instant::now() < deadline, "{how}: the text was not saved");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn an_earlier_version_comes_back_from_the_picker() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    new_draft(&data, "hist");
    // Type in it and save: the first save keeps the version it replaces.
    let open = format!("{} --data-dir '{}' open hist", zongjie(), data.display());
    {
        let Some(t) = Tmux::start("hist-edit", &open, &[]) else {
            return;
        };
        t.wait_for("大纲");
        t.keys(&["Enter", "End"]);
        t.text("（改过）");
        t.keys(&["C-q"]);
        t.wait_exit();
    }
    assert!(draft_text(&data, "hist").contains("（改过）"));

    let picker = format!("{} --data-dir '{}'", zongjie(), data.display());
    let Some(t) = Tmux::start("hist-picker", &picker, &[]) else {
        return;
    };
    t.wait_for("F4 早先版本");
    t.keys(&["F4"]);
    let screen = t.wait_for("早先的版本：hist");
    assert!(
        screen.contains("XX党支部2020年上半年党建工作总结"),
        "{screen}"
    );
    t.keys(&["Enter"]);
    t.wait_for("已恢复为所选的早先版本");
    assert!(!draft_text(&data, "hist").contains("（改过）"));
    // F6 undoes it: the edited version was kept as the backup.
    t.keys(&["F6"]);
    t.wait_for("已恢复为上一版本");
    assert!(draft_text(&data, "hist").contains("（改过）"));
    t.keys(&["C-q"]);
    t.wait_exit();
}

/// Issue 17: a whole short summary typed in the real binary with only
/// Enter, ↓ and typing — never Esc — exported to a folder named in
/// config.toml that does not exist yet; then reopened where it was left.
/// tmux is required here (.ci/run installs it): without it this fails.
#[test]
fn a_whole_summary_typed_with_enter_down_and_typing_alone() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let config = dir.path().join("config");
    let exports = dir.path().join("not yet").join("exports");
    std::fs::create_dir_all(data.join("drafts")).unwrap();
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        format!("[export]\ndirectory = \"{}\"\n", exports.display()),
    )
    .unwrap();
    // An empty skeleton: two sections, the first with two items.
    std::fs::write(
        data.join("drafts").join("typed.toml"),
        "format = 1\n\n[[sections]]\nkind = \"work\"\n\n[[sections.items]]\n\n[[sections.items]]\n\n\
         [[sections]]\nkind = \"next\"\nstyle = \"ordinal\"\n\n[[sections.items]]\n",
    )
    .unwrap();
    let cmd = format!("{} --data-dir '{}' open typed", zongjie(), data.display());
    let t = Tmux::start("typed", &cmd, &[("ZONGJIE_CONFIG_DIR", &config)])
        .expect("tmux is required for this test (.ci/run installs it)");
    t.wait_for("大纲");
    // Each step: text typed, then the key that goes on.
    let steps: &[(&str, &str)] = &[
        ("第一党支部2026年上半年党建工作总结", "Enter"), // title
        ("第一党支部", "Enter"),                         // organization
        ("2026年上半年", "Enter"),                       // period
        ("上半年，支部认真开展工作。", "Down"),          // preamble
        ("工作开展情况", "Enter"),                       // section title
        ("", "Down"),                                    // its intro, left empty
        ("加强理论学习", "Enter"),                       // heading → body
        ("集中学习12次。", "Down"),
        ("规范组织生活", "Enter"),
        ("召开支委会6次。", "Down"),
        ("下一步工作打算", "Enter"),
        ("", "Down"),
        ("抓好学习", "Enter"),
        ("每月学习一次。", "Down"),
        ("中共第一党支部", "Enter"), // signature
        ("2026年7月10日", "Enter"),
    ];
    t.keys(&["Enter"]);
    for (text, key) in steps {
        if !text.is_empty() {
            t.text(text);
            t.wait_for(text);
        }
        t.keys(&[key]);
    }
    t.wait_for("素材");
    // Ctrl+E asks the format (issue 18); t is plain text.
    t.keys(&["C-e"]);
    t.wait_for("导出为");
    t.keys(&["t"]);
    let screen = t.wait_for("已导出");
    assert!(!screen.contains("待填"), "nothing left to fill:\n{screen}");
    let file = exports.join("第一党支部2026年上半年党建工作总结.txt");
    let exported = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("{}: {e}\n{screen}", file.display()));
    assert_eq!(
        exported,
        "第一党支部2026年上半年党建工作总结\n\
         上半年，支部认真开展工作。\n\
         一、工作开展情况\n\
         （一）加强理论学习。集中学习12次。\n\
         （二）规范组织生活。召开支委会6次。\n\
         二、下一步工作打算\n\
         一是抓好学习。每月学习一次。\n\
         中共第一党支部\n\
         2026年7月10日\n"
    );
    // Back up to the end of the last body and leave; reopening returns there.
    t.keys(&["Up", "Up", "Up"]);
    t.wait_for("› 一是抓好学习 · 正文");
    // Ctrl+A Ctrl+C reaches the system clipboard through OSC 52 (tmux keeps
    // it as a paste buffer when set-clipboard is on).
    t.tmux(&["set", "-s", "set-clipboard", "on"]);
    t.keys(&["C-a", "C-c"]);
    t.wait_for("已复制");
    assert_eq!(t.tmux(&["show-buffer"]), "每月学习一次。");
    t.keys(&["C-q"]);
    t.wait_exit();
    let t = Tmux::start("typed-again", &cmd, &[("ZONGJIE_CONFIG_DIR", &config)])
        .expect("tmux is required for this test (.ci/run installs it)");
    t.wait_for("› 一是抓好学习 · 正文");
    t.text("全年不少于十二次。");
    t.wait_for("十二次");
    t.keys(&["C-q"]);
    t.wait_exit();
    assert!(
        draft_text(&data, "typed").contains("body = \"每月学习一次。全年不少于十二次。\""),
        "{}",
        draft_text(&data, "typed")
    );
}

/// Issue 18: Ctrl+E offers .txt and .docx, writes the chosen one beside
/// and shows its path; a .docx is never sent to the terminal itself.
#[test]
fn ctrl_e_exports_a_docx_and_shows_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    new_draft(&data, "docx");
    let cmd = format!(
        "cd '{}' && {} --lang zh --data-dir '{}' open docx",
        dir.path().display(),
        zongjie(),
        data.display()
    );
    let t = Tmux::start("docx", &cmd, &[])
        .expect("tmux is required for this test (.ci/run installs it)");
    t.wait_for("大纲");
    t.keys(&["C-e"]);
    let prompt = t.wait_for("导出为");
    assert!(
        prompt.contains(".docx") && prompt.contains(".txt"),
        "{prompt}"
    );
    t.keys(&["d"]);
    // The status bar names the file (cut at the screen's width here, after
    // the count of placeholders left in the template's text).
    let screen = t.wait_for("已导出");
    let written = dir.path().join("XX党支部2020年上半年党建工作总结.docx");
    assert!(
        screen.contains("./XX党支部2020年上半年党建工作总结"),
        "{screen}"
    );
    let bytes = std::fs::read(&written).expect("the .docx is written");
    assert!(bytes.starts_with(b"PK\x03\x04"));
    t.keys(&["C-q"]);
    t.wait_exit();

    let cmd = format!(
        "{} --lang zh --data-dir '{}' export docx --format docx -o -; echo exit=$?; sleep 30",
        zongjie(),
        data.display()
    );
    let t = Tmux::start("docx-stdout", &cmd, &[])
        .expect("tmux is required for this test (.ci/run installs it)");
    let screen = t.wait_for("exit=");
    assert!(screen.contains(".docx 文件不在终端中显示"), "{screen}");
    assert!(!screen.contains("exit=0"), "{screen}");
}

/// Issue 19: F3 in the picker starts the next period's draft from the
/// selected one; the earlier promises are the items of its work section.
#[test]
fn f3_starts_the_next_periods_draft() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    new_draft(&data, "h1");
    let cmd = format!("{} --data-dir '{}'", zongjie(), data.display());
    let t = Tmux::start("next-period", &cmd, &[])
        .expect("tmux is required for this test (.ci/run installs it)");
    t.wait_for("XX党支部2020年上半年党建工作总结");
    t.keys(&["F3"]);
    let screen = t.wait_for("XX党支部2020年下半年党建工作总结");
    assert!(screen.contains("下一期"), "{screen}");
    t.keys(&["Escape"]);
    t.keys(&["C-q"]);
    t.wait_exit();
    let drafts: Vec<_> = std::fs::read_dir(data.join("drafts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") && n != "h1.toml")
        .collect();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    let text = draft_text(&data, drafts[0].trim_end_matches(".toml"));
    assert!(text.contains("from = \"h1\""), "{text}");
    assert!(text.contains("period = \"2020年下半年\""), "{text}");
    // The template's three 下一步 promises, now the items of 工作开展情况.
    let work = &text[text.find("title = \"工作开展情况\"").unwrap()..];
    let work = &work[..work.find("title = \"存在的问题\"").unwrap()];
    for promise in ["强化党的政治建设", "强化党员教育管理", "强化纪律作风建设"]
    {
        assert!(work.contains(&format!("heading = \"{promise}\"")), "{work}");
    }
}

/// Issue 19: F9 shows the earlier draft's text for the selected part, and
/// hides it again; the earlier draft is not touched.
#[test]
fn f9_shows_the_earlier_draft_for_the_selected_part() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    new_draft(&data, "h1");
    let out = Command::new(zongjie())
        .arg("--data-dir")
        .arg(&data)
        .args(["new", "--from", "h1", "--id", "h2"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = draft_text(&data, "h1");
    let cmd = format!("{} --data-dir '{}' open h2", zongjie(), data.display());
    let t = Tmux::start("reference", &cmd, &[])
        .expect("tmux is required for this test (.ci/run installs it)");
    t.wait_for("大纲");
    // 标题, 导语, 一、党支部基本情况, 二、工作开展情况, its （一）.
    t.keys(&["j", "j", "j", "j"]);
    t.keys(&["F9"]);
    let screen = t.wait_for("参考（只读）");
    assert!(screen.contains("上一期的打算"), "{screen}");
    assert!(screen.contains("（一）强化党的政治建设。"), "{screen}");
    t.keys(&["F9"]);
    let start = Instant::now();
    while t.screen().contains("参考（只读）") {
        assert!(start.elapsed() < Duration::from_secs(10), "{}", t.screen());
        std::thread::sleep(Duration::from_millis(50));
    }
    t.keys(&["C-q"]);
    t.wait_exit();
    assert_eq!(draft_text(&data, "h1"), before);
}

/// Issue 19: Ctrl+T in the picker keeps the selected draft as a template of
/// one's own, which `zongjie templates` then lists and `new` uses.
#[test]
fn ctrl_t_keeps_a_draft_as_a_template() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let config = dir.path().join("config");
    new_draft(&data, "mine");
    let cmd = format!("{} --data-dir '{}'", zongjie(), data.display());
    let t = Tmux::start("save-template", &cmd, &[("ZONGJIE_CONFIG_DIR", &config)])
        .expect("tmux is required for this test (.ci/run installs it)");
    t.wait_for("XX党支部2020年上半年党建工作总结");
    t.keys(&["C-t"]);
    t.wait_for("模板名：");
    t.text("my-branch");
    t.keys(&["Enter"]);
    t.wait_for("已存为模板");
    t.keys(&["C-q"]);
    t.wait_exit();
    assert!(config.join("templates/my-branch.toml").is_file());
    let out = Command::new(zongjie())
        .env("ZONGJIE_CONFIG_DIR", &config)
        .args(["--lang", "en", "templates"])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.lines().any(|l| l.starts_with("my-branch")),
        "{listed}"
    );
}
