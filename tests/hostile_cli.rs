//! Hostile drafts through the command line: nothing a draft holds reaches
//! the terminal raw (list, errors), export to a file or a pipe writes the
//! text as is, and a damaged draft's bytes are never changed by anything
//! done to the other drafts, nor by starting zongjie.

mod common;

use common::Env;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use zongjie::document::{Document, Item, Section, SectionKind};
use zongjie::sanitize::needs_escape;
use zongjie::storage::{DraftId, Store, write_draft};

const HOSTILE: &str = "标题\u{1b}[2J\u{1b}]0;pwned\u{7}\u{0}\u{9b}31m\u{202e}cod.exe\u{200f}";

impl Env {
    fn store(&self) -> Store {
        Store::new(self.data())
    }

    fn draft(&self, id: &str, doc: &Document) -> PathBuf {
        let store = self.store();
        let id = store
            .create(Some(DraftId::parse(id).unwrap()), doc)
            .unwrap();
        store.location(&id).path
    }

    fn damaged(&self, id: &str, bytes: &[u8]) -> PathBuf {
        self.store().prepare().unwrap();
        let path = self.data().join("drafts").join(format!("{id}.toml"));
        fs::write(&path, bytes).unwrap();
        path
    }
}

fn hostile_doc() -> Document {
    let mut section = Section::new(SectionKind::Work, HOSTILE);
    section.items.push(Item::new(HOSTILE, HOSTILE));
    Document {
        title: HOSTILE.into(),
        preamble: HOSTILE.into(),
        sections: vec![section],
        ..Document::default()
    }
}

/// What a terminal would act on: any control but a line break, and bidi controls.
fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| needs_escape(c) && c != '\n')
        .collect();
    assert!(bad.is_empty(), "{what} has raw {bad:?}: {text:?}");
}

#[test]
fn list_and_errors_never_print_raw_controls() {
    let env = Env::new();
    env.draft("hostile", &hostile_doc());
    env.damaged(
        "damaged",
        "format = 1\n\"\\u001b]0;title\\u0007\u{202e}\" = 1\ntitle = \"\\u001b[31m\"\n".as_bytes(),
    );
    env.damaged("raw", b"format = 1\ntitle = \"\x1b[2J\x07\x9b\"\n");

    let out = env.cmd().arg("list").output().unwrap();
    assert!(out.status.success());
    assert_terminal_safe("list", &out.stdout);
    assert_terminal_safe("list stderr", &out.stderr);
    let list = String::from_utf8_lossy(&out.stdout);
    assert!(list.contains("\\u{1b}[2J"), "escaped, not dropped: {list}");
    assert_eq!(list.lines().count(), 3, "{list}");

    for id in ["damaged", "raw"] {
        let out = env.cmd().args(["export", id, "-o", "-"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        assert_terminal_safe("export error", &out.stderr);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("line 2, column"), "{stderr}");
    }
    // A hostile id on the command line is escaped in the error too.
    let out = env
        .cmd()
        .args(["export", "no\u{1b}[2Jsuch", "-o", "-"])
        .output()
        .unwrap();
    assert_terminal_safe("bad id error", &out.stderr);
    let out = env
        .cmd()
        .args(["restore", "x\u{1b}]0;y\u{7}"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_terminal_safe("restore error", &out.stderr);
}

#[test]
fn export_to_a_file_or_a_pipe_keeps_the_text_as_is() {
    let env = Env::new();
    env.draft("hostile", &hostile_doc());
    let out = env
        .cmd()
        .args(["export", "hostile", "-o", "out.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let file = fs::read_to_string(env.dir.path().join("out.txt")).unwrap();
    assert!(file.starts_with(HOSTILE), "{file:?}");
    let piped = env
        .cmd()
        .args(["export", "hostile", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(piped.stdout).unwrap(), file);
}

fn stamp(path: &Path) -> (Vec<u8>, SystemTime) {
    (
        fs::read(path).unwrap(),
        fs::metadata(path).unwrap().modified().unwrap(),
    )
}

#[test]
fn a_damaged_draft_is_never_changed_by_work_on_others() {
    let env = Env::new();
    let store = env.store();
    let good = env.draft("good", &Document::default());
    store
        .save(
            &store.location(&DraftId::parse("good").unwrap()),
            &hostile_doc(),
        )
        .unwrap();
    let damaged_bytes: &[u8] = b"format = 1\ntitle = \"\xff\xfe broken\n[[sections]\n\0\0";
    let damaged = env.damaged("damaged", damaged_bytes);
    // Its leftovers of an interrupted save, which the next start removes.
    let temp = env.data().join("drafts/.damaged.toml.tmp-4000000000-1");
    fs::write(&temp, "half a save").unwrap();
    let before = stamp(&damaged);
    std::thread::sleep(std::time::Duration::from_millis(20));

    for args in [
        &["list"][..],
        &["export", "good", "-o", "-"],
        &["export", "good", "-o", "good.txt"],
        &["restore", "good"],
        &["restore", "good"],
        &["new", "--id", "other"],
    ] {
        let out = env.cmd().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        assert_eq!(
            stamp(&damaged),
            before,
            "{args:?} touched the damaged draft"
        );
    }
    assert!(!temp.exists(), "the start did not clean the temp file");
    // Exporting or listing it reports the damage and changes nothing.
    let out = env
        .cmd()
        .args(["export", "damaged", "-o", "-"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));
    assert_eq!(stamp(&damaged), before);
    assert!(
        !store
            .location(&DraftId::parse("damaged").unwrap())
            .backup
            .exists()
    );
    assert!(good.exists());
}

#[test]
fn restore_brings_back_the_previous_version_and_undoes_itself() {
    let env = Env::new();
    let store = env.store();
    let one = Document {
        title: "第一版".into(),
        ..Document::default()
    };
    let two = Document {
        title: "第二版".into(),
        ..Document::default()
    };
    env.draft("d", &one);
    let location = store.location(&DraftId::parse("d").unwrap());
    store.save(&location, &two).unwrap();

    let out = env.cmd().args(["restore", "d"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("again to undo"));
    assert_eq!(store.load(&location).unwrap(), one);
    env.cmd().args(["restore", "d"]).assert().success();
    assert_eq!(store.load(&location).unwrap(), two);

    // A damaged draft is restored from its backup; its bytes become the backup.
    let broken = b"format = 1\ntitle = \"\xff";
    fs::write(&location.path, broken).unwrap();
    env.cmd().args(["restore", "d"]).assert().success();
    assert_eq!(store.load(&location).unwrap(), one);
    assert_eq!(fs::read(&location.backup).unwrap(), broken);
    // A damaged backup is refused and nothing changes.
    let draft_before = fs::read(&location.path).unwrap();
    let out = env.cmd().args(["restore", "d"]).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("backup") && stderr.contains("damaged"),
        "{stderr}"
    );
    assert_eq!(fs::read(&location.path).unwrap(), draft_before);
    assert_eq!(fs::read(&location.backup).unwrap(), broken);

    // A draft without a backup, and one that does not exist.
    env.draft("fresh", &one);
    let out = env.cmd().args(["restore", "fresh"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no backup"));
    let out = env.cmd().args(["restore", "nothing"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no draft"));

    // A draft whose file is gone comes back from its backup.
    fs::remove_file(&location.path).unwrap();
    fs::write(&location.backup, write_draft(&one)).unwrap();
    env.cmd().args(["restore", "d"]).assert().success();
    assert_eq!(store.load(&location).unwrap(), one);
}

#[test]
fn restore_is_refused_while_the_draft_is_open() {
    let env = Env::new();
    let store = env.store();
    env.draft("d", &Document::default());
    let location = store.location(&DraftId::parse("d").unwrap());
    store.save(&location, &hostile_doc()).unwrap();
    let lock = zongjie::storage::DraftLock::acquire(&location).unwrap();
    let before = fs::read(&location.path).unwrap();
    let out = env.cmd().args(["restore", "d"]).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("open in another zongjie")
            && stderr.contains(&std::process::id().to_string()),
        "{stderr}"
    );
    assert_eq!(fs::read(&location.path).unwrap(), before);
    drop(lock);
    env.cmd().args(["restore", "d"]).assert().success();
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let env = Env::new();
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(write_draft(&hostile_doc()).as_bytes());
    env.damaged("bom", &bytes);
    let out = env
        .cmd()
        .args(["export", "bom", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn import_force_is_refused_while_the_draft_is_open() {
    let env = Env::new();
    let store = env.store();
    let path = env.draft("d", &Document::default());
    let location = store.location(&DraftId::parse("d").unwrap());
    let text = env.dir.path().join("in.txt");
    fs::write(&text, "标题\n一、工作开展情况\n（一）学习。内容。\n").unwrap();
    let lock = zongjie::storage::DraftLock::acquire(&location).unwrap();
    let before = fs::read(&path).unwrap();
    let out = env
        .cmd()
        .args(["import", "--force", "--id", "d"])
        .arg(&text)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("open in another zongjie"));
    assert_eq!(fs::read(&path).unwrap(), before);
    drop(lock);
    env.cmd()
        .args(["import", "--force", "--id", "d"])
        .arg(&text)
        .assert()
        .success();
}
