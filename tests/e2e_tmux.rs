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
