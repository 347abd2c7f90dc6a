//! A hostile or careless user against the data directory, through the real
//! binary: export never writes over zongjie's own files (with or without
//! --force, directly or through a link) and writes other files whole; a
//! link planted inside the data directory is never written or pruned
//! through; ids that hide characters are refused; a carriage return in a
//! draft never reaches the output.
#![cfg(unix)]

mod common;

use common::Env;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use zongjie::document::Document;
use zongjie::storage::{DraftId, Store};

fn doc(title: &str) -> Document {
    Document {
        title: title.into(),
        preamble: "今年以来，我支部认真开展各项工作。".into(),
        ..Document::default()
    }
}

fn assert_one_line_refusal(out: &std::process::Output, needle: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "accepted: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(needle), "{err}");
}

/// A data directory with draft `d` saved twice (a backup, a version in the
/// history), one draft in the trash and `d` locked by nobody.
fn populated() -> (Env, Vec<PathBuf>) {
    let env = Env::new();
    let store = Store::new(env.data());
    let id = store
        .create(Some(DraftId::parse("d").unwrap()), &doc("一"))
        .unwrap();
    let location = store.location(&id);
    store.save(&location, &doc("二")).unwrap();
    let gone = store
        .create(Some(DraftId::parse("gone").unwrap()), &doc("删"))
        .unwrap();
    let trashed = store.trash(&gone).unwrap();
    fs::write(location.lock_path(), "").unwrap();
    let snapshot = store.snapshots(&id)[0].path.clone();
    let managed = vec![
        location.path.clone(),
        location.backup.clone(),
        snapshot,
        store.trash_dir().join(trashed),
        location.lock_path(),
        // A file that does not exist yet, inside the data directory.
        env.data().join("drafts").join("new.toml"),
    ];
    (env, managed)
}

#[test]
fn export_never_writes_into_the_data_directory() {
    let (env, managed) = populated();
    let before = env.snapshot();
    for target in &managed {
        let link = env.dir.path().join("innocent.txt");
        let _ = fs::remove_file(&link);
        symlink(target, &link).unwrap();
        for path in [target.clone(), link.clone()] {
            for force in [false, true] {
                let mut cmd = env.cmd();
                cmd.args(["export", "d", "-o"]).arg(&path);
                if force {
                    cmd.arg("--force");
                }
                let out = cmd.output().unwrap();
                assert_one_line_refusal(&out, "zongjie's own files");
                assert_eq!(env.snapshot(), before, "{path:?} force={force}");
            }
        }
    }
    // In Chinese too.
    let out = env
        .cmd()
        .args(["--lang", "zh", "export", "d", "--force", "-o"])
        .arg(&managed[0])
        .output()
        .unwrap();
    assert_one_line_refusal(&out, "zongjie 自己的文件");
    // A draft named by its path is not exported over itself either.
    let outside = env.dir.path().join("mine.toml");
    fs::copy(&managed[0], &outside).unwrap();
    let out = env
        .cmd()
        .arg("export")
        .arg(&outside)
        .arg("--force")
        .arg("-o")
        .arg(&outside)
        .output()
        .unwrap();
    assert_one_line_refusal(&out, "zongjie's own files");
    assert_eq!(fs::read(&outside).unwrap(), fs::read(&managed[0]).unwrap());
}

#[test]
fn export_elsewhere_is_whole_and_replaces_only_with_force() {
    let (env, _) = populated();
    let target = env.dir.path().join("out.txt");
    let first = env
        .cmd()
        .args(["export", "d", "-o", "out.txt"])
        .output()
        .unwrap();
    assert!(first.status.success());
    let text = fs::read_to_string(&target).unwrap();
    assert!(text.starts_with("二\n"), "{text:?}");
    let again = env
        .cmd()
        .args(["export", "d", "-o", "out.txt"])
        .output()
        .unwrap();
    assert_one_line_refusal(&again, "already exists");
    fs::write(&target, "旧内容").unwrap();
    let forced = env
        .cmd()
        .args(["export", "d", "-o", "out.txt", "--force"])
        .output()
        .unwrap();
    assert!(forced.status.success());
    assert_eq!(fs::read_to_string(&target).unwrap(), text);
    // No temp file left beside it.
    let names: Vec<String> = fs::read_dir(env.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_linked_history_folder_is_neither_written_nor_pruned() {
    let env = Env::new();
    let victim = env.dir.path().join("victim");
    fs::create_dir(&victim).unwrap();
    // Twenty files named like kept versions: a save would prune the oldest.
    for day in 1..=20 {
        fs::write(victim.join(format!("202001{day:02}-000000.toml")), "keep").unwrap();
    }
    let new = env
        .cmd()
        .args(["new", "--id", "d", "--title", "一"])
        .output()
        .unwrap();
    assert!(new.status.success());
    fs::create_dir_all(env.data().join("history")).unwrap();
    symlink(&victim, env.data().join("history").join("d")).unwrap();
    let before = files_in(&victim);
    // A save that replaces the draft: `import --force` over it.
    let text = env.dir.path().join("in.txt");
    fs::write(&text, "新标题\n今年以来，我支部认真开展各项工作。\n").unwrap();
    let saved = env
        .cmd()
        .args(["import", "--id", "d", "--force"])
        .arg(&text)
        .output()
        .unwrap();
    assert!(
        saved.status.success(),
        "{}",
        String::from_utf8_lossy(&saved.stderr)
    );
    assert_eq!(files_in(&victim), before, "the link was followed");
    let store = Store::new(env.data());
    let location = store.location(&DraftId::parse("d").unwrap());
    assert_eq!(store.load(&location).unwrap().title, "新标题");

    // A linked trash folder is refused, and the draft stays where it was.
    let trash_victim = env.dir.path().join("trash-victim");
    fs::create_dir(&trash_victim).unwrap();
    symlink(&trash_victim, store.trash_dir()).unwrap();
    assert!(store.trash(&DraftId::parse("d").unwrap()).is_err());
    assert!(location.path.is_file());
    assert!(files_in(&trash_victim).is_empty());
}

#[test]
fn a_linked_drafts_or_backups_folder_is_refused() {
    for folder in ["drafts", "backups"] {
        let env = Env::new();
        let victim = env.dir.path().join("victim");
        fs::create_dir_all(&victim).unwrap();
        fs::create_dir_all(env.data()).unwrap();
        symlink(&victim, env.data().join(folder)).unwrap();
        let out = env.cmd().args(["new", "--id", "d"]).output().unwrap();
        assert_one_line_refusal(&out, "symbolic link");
        assert!(files_in(&victim).is_empty(), "{folder}");
    }
    // The data directory itself may be a link the writer chose.
    let env = Env::new();
    let real = env.dir.path().join("stick");
    fs::create_dir(&real).unwrap();
    symlink(&real, env.data()).unwrap();
    let out = env.cmd().args(["new", "--id", "d"]).output().unwrap();
    assert!(out.status.success());
    assert!(real.join("drafts").join("d.toml").is_file());
}

#[test]
fn ids_that_hide_characters_are_refused_and_never_printed_raw() {
    let env = Env::new();
    let text = env.dir.path().join("in.txt");
    fs::write(&text, "标题\n今年以来，我支部认真开展各项工作。\n").unwrap();
    for id in [
        "report\u{202e}txt.exe",
        "a\u{200b}b",
        "\u{2066}a",
        "a\u{feff}",
        "cafe\u{301}",
    ] {
        for args in [vec!["new", "--id", id], vec!["import", "--id", id]] {
            let mut cmd = env.cmd();
            cmd.args(&args);
            if args[0] == "import" {
                cmd.arg(&text);
            }
            let out = cmd.output().unwrap();
            assert_one_line_refusal(&out, "draft id");
            let err = String::from_utf8(out.stderr).unwrap();
            assert!(
                !err.chars().any(zongjie::sanitize::is_invisible),
                "raw in: {err:?}"
            );
        }
    }
    assert!(!env.data().join("drafts").exists() || files_in(&env.data().join("drafts")).is_empty());
    // A file planted with such a name is not listed as a draft, raw or not.
    let store = Store::new(env.data());
    store
        .create(Some(DraftId::parse("ok").unwrap()), &doc("一"))
        .unwrap();
    fs::copy(
        env.data().join("drafts/ok.toml"),
        env.data().join("drafts/evil\u{202e}.toml"),
    )
    .unwrap();
    let list = env.cmd().arg("list").output().unwrap();
    let out = String::from_utf8(list.stdout).unwrap();
    assert!(out.starts_with("ok "), "{out:?}");
    assert!(!out.chars().any(zongjie::sanitize::is_invisible), "{out:?}");
    // It is not hidden either: one warning line names it, escaped.
    let err = String::from_utf8(list.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("evil\\u{202e}.toml"), "{err}");
    assert!(!err.chars().any(zongjie::sanitize::is_invisible), "{err:?}");
}

#[test]
fn a_carriage_return_in_a_draft_never_reaches_the_output() {
    let env = Env::new();
    fs::create_dir_all(env.data().join("drafts")).unwrap();
    // Written by hand (or on Windows): raw CRs in a title and a paragraph.
    fs::write(
        env.data().join("drafts/cr.toml"),
        "format = 1\ntitle = \"后半\\r前半\"\npreamble = \"\"\"\n第一段\r\n第二段\\r第三段\"\"\"\n",
    )
    .unwrap();
    let out = env
        .cmd()
        .args(["export", "cr", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\r'), "{text:?}");
    assert_eq!(text, "后半 前半\n第一段\n第二段\n第三段\n");
    // Only `--crlf` puts CRs in, each before a line feed.
    let out = env
        .cmd()
        .args(["export", "cr", "-o", "-", "--crlf"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches('\r').count(), text.matches("\r\n").count());
}
