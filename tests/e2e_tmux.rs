//! The real binary in a real terminal (tmux), as a person uses it: keys
//! typed, the screen read back, the draft on disk checked afterwards.
//! tmux is required: its absence fails the tests (`.ci/run` installs it).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;

use common::tmux::Tmux;

/// Starts `command` in a detached 100×30 session, in Chinese, with `env`.
fn start(name: &str, command: &str, env: &[(&str, &Path)]) -> Tmux {
    start_sized(name, command, env, (100, 30))
}

/// Starts `command` in a detached session of `size`, in Chinese, with `env`.
fn start_sized(name: &str, command: &str, env: &[(&str, &Path)], size: (u16, u16)) -> Tmux {
    let mut full = String::new();
    for (k, v) in env {
        full.push_str(&format!("{k}='{}' ", v.display()));
    }
    full.push_str("LANG=zh_CN.UTF-8 ");
    full.push_str(command);
    Tmux::start_sized(name, &full, size)
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
    let t = start("open", &cmd, &[]);
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
        let t = start("first", &cmd, &[]);
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
    let t = start("again", &cmd, &[]);
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
    let first = start("first-window", &cmd, &[]);
    first.wait_for("大纲");
    let second = start("second-window", &cmd, &[]);
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
    let t = start("disk", &cmd, &[]);
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
        let t = start(&format!("sig-{name}"), &cmd, &[]);
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
        let t = start("hist-edit", &open, &[]);
        t.wait_for("大纲");
        t.keys(&["Enter", "End"]);
        t.text("（改过）");
        t.keys(&["C-q"]);
        t.wait_exit();
    }
    assert!(draft_text(&data, "hist").contains("（改过）"));

    let picker = format!("{} --data-dir '{}'", zongjie(), data.display());
    let t = start("hist-picker", &picker, &[]);
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
    let t = start("typed", &cmd, &[("ZONGJIE_CONFIG_DIR", &config)]);
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
    let t = start("typed-again", &cmd, &[("ZONGJIE_CONFIG_DIR", &config)]);
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
    let t = start("docx", &cmd, &[]);
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
    let t = start("docx-stdout", &cmd, &[]);
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
    let t = start("next-period", &cmd, &[]);
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
    let t = start("reference", &cmd, &[]);
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
    let t = start("save-template", &cmd, &[("ZONGJIE_CONFIG_DIR", &config)]);
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

// ---- Issue 15: the editor tells the truth and never stalls. ----

/// The zongjie process in the session: the pane's process, or its child
/// when a shell runs it.
fn zongjie_pid(t: &Tmux) -> String {
    let pane = t.tmux(&["display", "-p", "#{pane_pid}"]).trim().to_string();
    let comm = std::fs::read_to_string(format!("/proc/{pane}/comm")).unwrap_or_default();
    if comm.trim() == "zongjie" {
        return pane;
    }
    let out = Command::new("pgrep")
        .args(["-P", &pane, "-x", "zongjie"])
        .output()
        .unwrap();
    let child = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!child.is_empty(), "zongjie's pid under {pane}");
    child
}

/// CPU time the process has used, in clock ticks (user + system).
fn cpu_ticks(pid: &str) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // The fields after the command name, which is in parentheses.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

fn resize(t: &Tmux, width: u16, height: u16) {
    t.tmux(&[
        "resize-window",
        "-x",
        &width.to_string(),
        "-y",
        &height.to_string(),
    ]);
}

/// Waits until the screen is `rows` rows tall with the status bar on the
/// last row and the panes' bottom border just above it: a whole frame.
fn wait_for_frame(t: &Tmux, rows: usize) -> String {
    let start = Instant::now();
    loop {
        let screen = t.screen();
        let lines: Vec<&str> = screen.lines().collect();
        if lines.len() == rows && lines[rows - 1].contains("F1") && lines[rows - 2].starts_with('└')
        {
            return screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no whole {rows}-row frame; screen:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn open_new_draft(name: &str, data: &Path) -> Tmux {
    new_draft(data, name);
    let cmd = format!("{} --data-dir '{}' open {name}", zongjie(), data.display());
    let t = start(name, &cmd, &[]);
    t.wait_for("大纲");
    t
}

#[test]
fn after_a_resize_the_next_key_is_handled_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let t = open_new_draft("resize-key", &dir.path().join("data"));
    resize(&t, 100, 26);
    // Drawn for the new size without a key.
    wait_for_frame(&t, 26);
    std::thread::sleep(Duration::from_millis(300));
    t.tmux(&["send-keys", "j"]);
    t.wait_for("▶导语");
    t.keys(&["C-q"]);
    t.wait_exit();
}

#[test]
fn a_storm_of_resizes_leaves_the_editor_idle_and_answering() {
    let dir = tempfile::tempdir().unwrap();
    let t = open_new_draft("storm", &dir.path().join("data"));
    let pid = zongjie_pid(&t);
    for i in 0..100u16 {
        match i % 3 {
            0 => resize(&t, 10, 3),
            1 => resize(&t, 1, 1),
            _ => resize(&t, 60 + i % 40, 20 + i % 10),
        }
    }
    resize(&t, 100, 30);
    // Drawn whole at the last size without a key.
    wait_for_frame(&t, 30);
    // Idle: a busy loop would use a whole second of CPU in a second.
    std::thread::sleep(Duration::from_millis(300));
    let before = cpu_ticks(&pid);
    std::thread::sleep(Duration::from_secs(1));
    let used = cpu_ticks(&pid) - before;
    assert!(
        used < 50,
        "{used} ticks of CPU in one idle second after the storm"
    );
    // The next key is handled, and Ctrl+Q quits.
    t.tmux(&["send-keys", "j"]);
    t.wait_for("▶导语");
    t.keys(&["C-q"]);
    t.wait_exit();
}

#[test]
fn a_larger_window_is_drawn_whole_without_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let t = open_new_draft("grow", &dir.path().join("data"));
    resize(&t, 60, 20);
    wait_for_frame(&t, 20);
    resize(&t, 100, 30);
    let screen = wait_for_frame(&t, 30);
    assert!(screen.lines().all(|l| !l.contains("┘┐")), "{screen}");
    t.keys(&["C-q"]);
    t.wait_exit();
}

#[test]
fn the_picker_after_a_resize_looks_as_if_started_at_that_size() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    new_draft(&data, "pick-a");
    new_draft(&data, "pick-b");
    let cmd = format!("{} --data-dir '{}'", zongjie(), data.display());
    let resized = start("pick-resized", &cmd, &[]);
    resized.wait_for("pick-a");
    resize(&resized, 90, 28);
    resized.keys(&["Down"]);
    let fresh = start_sized("pick-fresh", &cmd, &[], (90, 28));
    fresh.wait_for("pick-a");
    fresh.keys(&["Down"]);
    // Once both have drawn, they show the same screen.
    let start = Instant::now();
    loop {
        let (a, b) = (resized.screen(), fresh.screen());
        if a == b && a.lines().count() == 28 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "resized:\n{a}\nstarted at 90×28:\n{b}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    for t in [resized, fresh] {
        t.keys(&["C-q"]);
        t.wait_exit();
    }
}

#[cfg(unix)]
#[test]
fn suspend_and_continue_leave_and_restore_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    new_draft(&data, "tstp");
    let t = start("tstp", "bash --norc --noprofile", &[]);
    std::thread::sleep(Duration::from_millis(300));
    t.text(&format!(
        "{} --data-dir '{}' open tstp",
        zongjie(),
        data.display()
    ));
    t.keys(&["Enter"]);
    t.wait_for("大纲");
    let pid = zongjie_pid(&t);
    Command::new("kill").args(["-TSTP", &pid]).status().unwrap();
    // The shell's own screen, with its note, and the mouse given back.
    let screen = t.wait_for("Stopped");
    assert!(!screen.contains("大纲"), "{screen}");
    let flags = |t: &Tmux| t.tmux(&["display", "-p", "#{alternate_on} #{mouse_any_flag}"]);
    assert_eq!(flags(&t).trim(), "0 0");
    // Resized while stopped: drawn at the new size on continue.
    resize(&t, 90, 28);
    t.text("fg");
    t.keys(&["Enter"]);
    wait_for_frame(&t, 28);
    assert_eq!(flags(&t).trim(), "1 1");
    // Raw mode again: keys reach the editor and are not echoed.
    t.tmux(&["send-keys", "j"]);
    t.wait_for("▶导语");
    t.keys(&["C-q"]);
    // Back in the shell: the alternate screen and the mouse given back.
    let start = Instant::now();
    while flags(&t).trim() != "0 0" {
        assert!(start.elapsed() < Duration::from_secs(10), "{}", t.screen());
        std::thread::sleep(Duration::from_millis(50));
    }
    let screen = t.screen();
    assert!(!screen.contains("大纲"), "{screen}");
}

/// The draft's title as `export` writes it and as `list` shows it.
fn exported_title(data: &Path, id: &str) -> (String, String) {
    let export = Command::new(zongjie())
        .arg("--data-dir")
        .arg(data)
        .args(["export", id, "-o", "-"])
        .output()
        .unwrap();
    let text = String::from_utf8(export.stdout).unwrap();
    let list = Command::new(zongjie())
        .arg("--data-dir")
        .arg(data)
        .arg("list")
        .output()
        .unwrap();
    (
        text.lines().next().unwrap_or("").to_string(),
        String::from_utf8(list.stdout).unwrap(),
    )
}

#[test]
fn text_typed_and_taken_back_is_saved_as_shown() {
    const TITLE: &str = "XX党支部2020年上半年党建工作总结";
    // Typed then deleted; typed then undone; pasted then undone.
    type Edit<'a> = &'a dyn Fn(&Tmux);
    let cases: [(&str, Edit); 3] = [
        ("backspace", &|t: &Tmux| {
            t.text("Z");
            t.wait_for("总结Z");
            t.keys(&["BSpace"]);
        }),
        ("undo", &|t: &Tmux| {
            t.text("Z");
            t.wait_for("总结Z");
            t.keys(&["C-z"]);
        }),
        ("paste", &|t: &Tmux| {
            t.tmux(&["set-buffer", "（贴入）"]);
            t.tmux(&["paste-buffer", "-p"]);
            t.wait_for("总结（贴入）");
            t.keys(&["C-z"]);
        }),
    ];
    for (name, edit) in cases {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let t = open_new_draft(&format!("back-{name}"), &data);
        t.keys(&["Enter", "End"]);
        edit(&t);
        let start = Instant::now();
        loop {
            let screen = t.screen();
            let shown = screen.lines().filter(|l| l.contains(TITLE)).count();
            if !screen.contains("总结Z") && !screen.contains("（贴入）") && shown >= 2 {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{name}: the screen still shows the change:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        t.keys(&["C-q"]);
        t.wait_exit();
        let (exported, list) = exported_title(&data, &format!("back-{name}"));
        assert_eq!(exported, TITLE, "{name}: export");
        assert!(
            list.contains(TITLE) && !list.contains("总结Z") && !list.contains("贴入"),
            "{name}: list\n{list}"
        );
    }
}

/// The character at display column `left` of `line`; `None` where a wide
/// character covers that column or the line is shorter.
fn char_at(line: &str, left: usize) -> Option<char> {
    let mut column = 0;
    for c in line.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if column == left {
            return Some(c);
        }
        if column + w > left {
            return None;
        }
        column += w;
    }
    None
}

#[test]
fn help_over_chinese_text_keeps_its_left_border_whole() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let t = open_new_draft("wide", &data);
    // Long Chinese outline rows under the help, at several widths so that
    // the border falls on the second half of a character somewhere.
    t.keys(&["j", "j", "j", "j"]);
    for width in 116..=124u16 {
        resize(&t, width, 40);
        wait_for_frame(&t, 40);
        t.keys(&["F1"]);
        // The whole popup on screen: its top and bottom corners.
        let start = Instant::now();
        let (screen, left, top, bottom) = loop {
            let screen = t.wait_for("┌ 帮助");
            // The popup's left edge: the display column of its top-left corner.
            let top_line = screen.lines().find(|l| l.contains("┌ 帮助")).unwrap();
            let before = &top_line[..top_line.find("┌ 帮助").unwrap()];
            let left = unicode_width::UnicodeWidthStr::width(before);
            let lines: Vec<&str> = screen.lines().collect();
            let top = lines.iter().position(|l| char_at(l, left) == Some('┌'));
            let bottom = lines.iter().rposition(|l| char_at(l, left) == Some('└'));
            if let (Some(top), Some(bottom)) = (top, bottom) {
                break (screen.clone(), left, top, bottom);
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no whole popup at column {left} at {width}×40:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let lines: Vec<&str> = screen.lines().collect();
        for line in &lines[top + 1..bottom] {
            assert_eq!(char_at(line, left), Some('│'), "at {width}×40:\n{screen}");
        }
        t.keys(&["Escape"]);
    }
    t.keys(&["C-q"]);
    t.wait_exit();
}

#[test]
fn a_burst_of_typing_is_shown_whole_without_another_key() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let t = open_new_draft("burst", &data);
    t.keys(&["Enter", "End"]);
    // An input method's phrase, or a fast typist: many keys at once, and
    // then nothing more.
    let burst = "，坚持学习贯彻党的二十大精神，不断提高政治站位和理论水平";
    t.tmux(&["send-keys", "-l", burst]);
    t.wait_for("理论水平");
    t.keys(&["C-q"]);
    t.wait_exit();
    assert!(draft_text(&data, "burst").contains(burst));
}

/// Voluntary and involuntary context switches of all threads of `pid`.
fn context_switches(pid: i32) -> u64 {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap_or_else(|e| panic!("/proc/{pid}/task is needed to count wake-ups: {e}"));
    let mut total = 0;
    for task in tasks {
        let status = std::fs::read_to_string(task.unwrap().path().join("status")).unwrap();
        for line in status.lines() {
            if let Some(n) = line
                .strip_prefix("voluntary_ctxt_switches:")
                .or_else(|| line.strip_prefix("nonvoluntary_ctxt_switches:"))
            {
                total += n.trim().parse::<u64>().unwrap();
            }
        }
    }
    total
}

/// An idle editor sleeps (issue 23): with nothing due, the event loop waits
/// on the terminal and the signal pipes without a timer. Counted by the
/// kernel (the context switches of every thread), not by timing.
#[test]
fn an_idle_editor_does_not_wake_up() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    new_draft(&data, "idle");
    // `exec`: the pane's process is zongjie itself.
    let cmd = format!(
        "exec {} --data-dir '{}' open idle",
        zongjie(),
        data.display()
    );
    let t = start("idle", &cmd, &[]);
    t.wait_for("大纲");
    // Into the editor, a key typed: then nothing more.
    t.keys(&["j", "Enter"]);
    t.text("字");
    t.wait_for("未保存");
    // The autosave (a deadline: the one timer) and the work that waits for
    // a pause (checking the draft) run first.
    t.wait_for("已保存");
    let pid = t.pid();
    std::thread::sleep(Duration::from_millis(600));
    let before = context_switches(pid);
    std::thread::sleep(Duration::from_secs(2));
    let woke = context_switches(pid) - before;
    // A timer of 250 ms would wake it 8 times in these 2 seconds.
    assert!(woke <= 2, "the idle editor woke up {woke} times in 2 s");
    // And it still answers at once after sleeping.
    t.text("好");
    t.wait_for("字好");
    t.keys(&["C-q"]);
    t.wait_exit();
}
