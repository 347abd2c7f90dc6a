//! An idle editor sleeps (issue 23): with nothing due, the event loop waits
//! on the terminal and the signal pipes without a timer, so it does not
//! wake up while the writer thinks. Counted by the kernel (the context
//! switches of every thread of the real binary in tmux), not by timing.
//! tmux is required: its absence fails the test (`.ci/run` installs it).

use std::path::Path;
use std::process::Command;
use std::time::Duration;

mod common;

use common::tmux::Tmux;

fn zongjie() -> &'static str {
    env!("CARGO_BIN_EXE_zongjie")
}

/// Voluntary and involuntary context switches of all threads of `pid`.
fn switches(pid: i32) -> u64 {
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

fn new_draft(data: &Path) {
    let out = Command::new(zongjie())
        .arg("--data-dir")
        .arg(data)
        .args([
            "new",
            "--id",
            "idle",
            "--title",
            "XX党支部2026年上半年党建工作总结",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn an_idle_editor_does_not_wake_up() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    new_draft(&data);
    // `exec`: the pane's process is zongjie itself.
    let cmd = format!(
        "exec {} --data-dir '{}' open idle",
        zongjie(),
        data.display()
    );
    let t = Tmux::start("idle", &format!("LANG=zh_CN.UTF-8 {cmd}"));
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
    let before = switches(pid);
    std::thread::sleep(Duration::from_secs(2));
    let after = switches(pid);
    // A timer of 250 ms would wake it 8 times in these 2 seconds.
    assert!(
        after - before <= 2,
        "the idle editor woke up {} times in 2 s",
        after - before
    );
    // And it still answers at once after sleeping.
    t.text("好");
    t.wait_for("字好");
    t.keys(&["C-q"]);
    t.wait_exit();
}
