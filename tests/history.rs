//! `zongjie history` and `zongjie restore --version`: a draft's earlier
//! versions, as a writer gets one back from the command line.

mod common;

use std::fs;

use common::Env;

fn run(env: &Env, args: &[&str]) -> (bool, String, String) {
    let out = env.cmd().args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A draft saved twice: once as 第一稿, then as 第二稿.
fn draft_saved_twice(env: &Env) -> String {
    let (ok, id, _) = run(env, &["new", "--title", "第一稿"]);
    assert!(ok);
    let id = id.trim().to_string();
    let text = env.dir.path().join("second.txt");
    fs::write(&text, "第二稿\n\n一、工作开展情况\n（一）学习。\n").unwrap();
    let (ok, _, err) = run(
        env,
        &["import", text.to_str().unwrap(), "--id", &id, "--force"],
    );
    assert!(ok, "{err}");
    id
}

#[test]
fn an_earlier_version_is_listed_and_comes_back() {
    let env = Env::new();
    let id = draft_saved_twice(&env);

    let (ok, listed, _) = run(&env, &["history", &id]);
    assert!(ok);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 1, "{listed}");
    assert!(lines[0].ends_with("第一稿"), "{listed}");
    let stamp = lines[0].split_whitespace().next().unwrap();
    assert_eq!(stamp.len(), "20261123-101500".len());

    let (ok, _, said) = run(&env, &["restore", &id, "--to", stamp]);
    assert!(ok, "{said}");
    assert!(
        said.contains(&format!("restored the version of {stamp}")),
        "{said}"
    );
    let (_, text, _) = run(&env, &["export", &id, "-o", "-"]);
    assert!(text.starts_with("第一稿\n"), "{text}");

    // `restore` alone undoes it: 第二稿 was kept as the backup.
    let (ok, _, _) = run(&env, &["restore", &id]);
    assert!(ok);
    let (_, text, _) = run(&env, &["export", &id, "-o", "-"]);
    assert!(text.starts_with("第二稿\n"), "{text}");
}

#[test]
fn a_version_that_is_not_there_or_damaged_changes_nothing() {
    let env = Env::new();
    let id = draft_saved_twice(&env);
    let before = env.snapshot();

    let (ok, _, err) = run(&env, &["restore", &id, "--to", "20000101-000000"]);
    assert!(!ok);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("has no earlier version 20000101-000000"),
        "{err}"
    );
    assert_eq!(env.snapshot(), before);

    let (_, listed, _) = run(&env, &["history", &id]);
    let stamp = listed.split_whitespace().next().unwrap().to_string();
    let kept = env
        .data()
        .join("history")
        .join(&id)
        .join(format!("{stamp}.toml"));
    fs::write(&kept, "title = [").unwrap();
    let before = env.snapshot();
    let (ok, _, err) = run(&env, &["--lang", "zh", "restore", &id, "--to", &stamp]);
    assert!(!ok);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(env.snapshot(), before, "a damaged version restores nothing");
    let (ok, listed, _) = run(&env, &["--lang", "zh", "history", &id]);
    assert!(ok);
    assert!(listed.contains("[已损坏]"), "{listed}");
}

#[test]
fn history_of_a_new_draft_or_no_draft() {
    let env = Env::new();
    let (_, id, _) = run(&env, &["new"]);
    let (ok, listed, said) = run(&env, &["history", id.trim()]);
    assert!(ok && listed.is_empty());
    assert!(said.starts_with("No earlier versions yet"), "{said}");
    let (ok, _, err) = run(&env, &["history", "nope"]);
    assert!(!ok);
    assert!(err.starts_with("zongjie: no draft `nope`"), "{err}");
    let (ok, _, _) = run(&env, &["history", "../x"]);
    assert!(!ok);
}
