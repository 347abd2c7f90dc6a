//! The real editor in tmux, with a drafts folder it cannot write: the save
//! fails, and then a stop signal (SIGTERM) or a closed terminal (SIGHUP)
//! ends it. The unsaved text must go to a rescue file (beside the draft,
//! else the state folder, else the temp folder) named by one line on
//! stderr, or, when nothing at all can be written, to stderr itself. The
//! picker then offers the rescue file and makes it a new draft; a draft in
//! a read-only folder opens read-only, saying why.
//!
//! Permissions must bite: as root, the editor runs as `nobody` through
//! `setpriv` (util-linux, on every Debian); as anyone else, as they are.
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::tmux::{Tmux, wait_gone};
use zongjie::storage::parse_draft;

const NOBODY: u32 = 65534;
const TYPED: &str = "抢救测试的文字";

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// A folder tree the unprivileged writer owns: data/, state/, tmp/, home/.
struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        for sub in ["data", "state", "tmp", "home", "config"] {
            fs::create_dir(dir.path().join(sub)).unwrap();
        }
        let place = Place { dir };
        place.give_to_writer();
        let out = place.zongjie_as_writer(&["new", "--id", "d", "--title", "原来的标题"]);
        assert!(out.status.success(), "{out:?}");
        place
    }

    fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    fn give_to_writer(&self) {
        if is_root() {
            let status = Command::new("chown")
                .args(["-R", &format!("{NOBODY}:{NOBODY}")])
                .arg(self.dir.path())
                .status()
                .unwrap();
            assert!(status.success());
        }
    }

    /// Makes a folder read-only (0500) or writable again (0700).
    fn writable(&self, sub: &str, yes: bool) {
        let mode = if yes { 0o700 } else { 0o500 };
        fs::set_permissions(self.path(sub), fs::Permissions::from_mode(mode)).unwrap();
    }

    /// The environment and user the editor runs with, as a shell prefix.
    fn prefix(&self) -> String {
        let user = if is_root() {
            format!("setpriv --reuid={NOBODY} --regid={NOBODY} --clear-groups ")
        } else {
            String::new()
        };
        format!(
            "exec {user}env HOME='{}' XDG_STATE_HOME='{}' TMPDIR='{}' ZONGJIE_CONFIG_DIR='{}' \
             LANG=zh_CN.UTF-8 '{}' --data-dir '{}'",
            self.path("home").display(),
            self.path("state").display(),
            self.path("tmp").display(),
            self.path("config").display(),
            env!("CARGO_BIN_EXE_zongjie"),
            self.path("data").display(),
        )
    }

    fn zongjie_as_writer(&self, args: &[&str]) -> std::process::Output {
        let line = format!("{} {}", self.prefix(), args.join(" "));
        Command::new("sh").arg("-c").arg(line).output().unwrap()
    }

    /// `zongjie open d` in tmux, stderr to err.txt.
    fn open(&self, name: &str) -> Tmux {
        let err = self.path("err.txt");
        let t = Tmux::start(
            name,
            &format!("{} open d 2>'{}'", self.prefix(), err.display()),
        );
        t.wait_for("大纲");
        t
    }

    fn stderr(&self) -> String {
        fs::read_to_string(self.path("err.txt")).unwrap_or_default()
    }

    fn draft(&self) -> String {
        fs::read_to_string(self.path("data/drafts/d.toml")).unwrap()
    }
}

/// Types into the title, saves (which fails), and checks it said so.
fn type_and_fail_to_save(t: &Tmux) {
    t.keys(&["Enter", "End"]);
    t.text(TYPED);
    t.wait_for(TYPED);
    t.keys(&["C-s"]);
    t.wait_for("保存失败");
}

/// The rescue file named on the one line of `stderr`, which must be in `dir`.
fn rescue_named(stderr: &str, dir: &Path) -> PathBuf {
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    let line = stderr.lines().next().unwrap();
    assert!(line.contains("抢救文件"), "{line}");
    let start = line.find(dir.to_str().unwrap()).expect("the rescue folder");
    let path: String = line[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '（')
        .collect();
    let path = PathBuf::from(path);
    let doc = parse_draft(&fs::read_to_string(&path).unwrap()).unwrap();
    assert!(doc.title.contains(TYPED), "rescued: {}", doc.title);
    path
}

#[test]
fn sigterm_after_a_failed_save_writes_a_rescue_file_to_the_state_folder() {
    let place = Place::new();
    let before = place.draft();
    let t = place.open("term");
    place.writable("data/drafts", false);
    type_and_fail_to_save(&t);
    let pid = t.pid();
    // SAFETY: sends a signal to the editor this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    wait_gone(pid);
    place.writable("data/drafts", true);
    let rescue = rescue_named(&place.stderr(), &place.path("state"));
    assert_eq!(place.draft(), before, "the draft is untouched");

    // The picker offers it and makes it a new draft.
    let picker = Tmux::start("term-picker", &place.prefix());
    picker.wait_for("抢救文件");
    picker.keys(&["Enter"]);
    picker.wait_for("已把抢救文件恢复为新草稿");
    picker.keys(&["C-q"]);
    let list = place.zongjie_as_writer(&["list"]);
    let list = String::from_utf8(list.stdout).unwrap();
    assert!(list.contains(TYPED), "{list}");
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(!rescue.exists(), "restored, so removed");
}

#[test]
fn a_closed_terminal_after_a_failed_save_falls_back_to_the_temp_folder() {
    let place = Place::new();
    let t = place.open("hup");
    place.writable("data/drafts", false);
    place.writable("state", false);
    type_and_fail_to_save(&t);
    let pid = t.pid();
    t.close();
    wait_gone(pid);
    let rescue = rescue_named(&place.stderr(), &place.path("tmp"));
    // `zongjie doctor` lists it with the command that restores it.
    let doctor = place.zongjie_as_writer(&["doctor"]);
    let report = String::from_utf8(doctor.stdout).unwrap();
    let command = format!("zongjie restore --rescue {}", rescue.display());
    assert!(report.contains(&command), "{report}");
    // Restoring needs a folder it can write: refused clearly while not.
    let refused = place.zongjie_as_writer(&["restore", "--rescue", &rescue.display().to_string()]);
    assert!(!refused.status.success());
    assert!(rescue.exists());
    place.writable("data/drafts", true);
    let restored = place.zongjie_as_writer(&["restore", "--rescue", &rescue.display().to_string()]);
    assert!(restored.status.success(), "{restored:?}");
    let list = String::from_utf8(place.zongjie_as_writer(&["list"]).stdout).unwrap();
    assert!(list.contains(TYPED), "{list}");
}

#[test]
fn with_nowhere_to_write_the_text_goes_to_stderr() {
    let place = Place::new();
    let t = place.open("nowhere");
    for sub in ["data/drafts", "state", "tmp"] {
        place.writable(sub, false);
    }
    type_and_fail_to_save(&t);
    let pid = t.pid();
    // SAFETY: sends a signal to the editor this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    wait_gone(pid);
    let err = place.stderr();
    assert!(err.contains("以下是未保存的全文"), "{err}");
    let toml = &err[err.find("format = 1").expect("the draft in full")..];
    assert!(parse_draft(toml).unwrap().title.contains(TYPED), "{err}");
}

#[test]
fn a_draft_in_a_read_only_folder_opens_read_only_saying_why() {
    let place = Place::new();
    // A lock file left by an earlier session that could not remove it:
    // taking the lock works, but the folder still takes no save.
    fs::write(place.path("data/drafts/.d.toml.lock"), "").unwrap();
    place.give_to_writer();
    place.writable("data/drafts", false);
    let err = place.path("err.txt");
    let t = Tmux::start(
        "ro",
        &format!("{} open d 2>'{}'", place.prefix(), err.display()),
    );
    let screen = t.wait_for("只读");
    assert!(screen.contains("原来的标题"), "{screen}");
    assert!(screen.contains("无法写入"), "the reason: {screen}");
    let pid = t.pid();
    t.keys(&["C-q"]);
    wait_gone(pid);
    assert!(place.stderr().is_empty(), "{}", place.stderr());
}

/// The editor exports into the folder config.toml names, which this writer
/// cannot write: the status bar says so in one line naming the file, for
/// text and .docx, and the folder stays empty (issue 21).
#[test]
fn an_export_into_a_read_only_folder_fails_in_the_status_bar() {
    let place = Place::new();
    let out = place.path("out");
    fs::create_dir(&out).unwrap();
    fs::write(
        place.path("config/config.toml"),
        format!("[export]\ndirectory = \"{}\"\n", out.display()),
    )
    .unwrap();
    place.give_to_writer();
    place.writable("out", false);
    let t = place.open("export");
    for (key, file) in [("t", "原来的标题.txt"), ("d", "原来的标题.docx")] {
        t.keys(&["C-e", key]);
        let screen = t.wait_for("导出失败：无法写入");
        assert!(screen.contains(file), "{screen}");
        assert!(screen.contains("权限不足"), "{screen}");
    }
    t.keys(&["C-q"]);
    t.wait_exit();
    place.writable("out", true);
    assert_eq!(
        fs::read_dir(&out).unwrap().count(),
        0,
        "nothing left behind"
    );
}
