//! `zongjie diff`: a known pair of versions from a draft's history, two
//! drafts compared, the errors; and the paragraph diff against the plain
//! reading of it: the unchanged and removed paragraphs, in order, are the
//! older text, the unchanged and added ones the newer text.

mod common;

use std::fs;

use common::Env;
use proptest::prelude::*;
use zongjie::diff::{DiffLine, diff_paragraphs};

fn run(env: &Env, args: &[&str]) -> (i32, String, String) {
    let out = env.cmd().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn import(env: &Env, text: &str, id: &str, force: bool) {
    let file = env.dir.path().join("in.txt");
    fs::write(&file, text).unwrap();
    let mut args = vec!["import", file.to_str().unwrap(), "--id", id];
    if force {
        args.push("--force");
    }
    let (code, _, err) = run(env, &args);
    assert_eq!(code, 0, "{err}");
}

const FIRST: &str = "XX党支部2020年上半年党建工作总结\n今年上半年，支部扎实开展工作。现将情况总结如下：\n一、工作开展情况\n（一）理论学习。组织学习5次。参学率100%。\n（二）组织建设。召开支委会3次。\n二、存在问题\n（一）学习不够深入。\n";
const SECOND: &str = "XX党支部2020年上半年党建工作总结\n今年上半年，支部扎实开展工作。现将情况总结如下：\n一、工作开展情况\n（一）理论学习。组织学习6次。参学率100%。\n（二）作风建设。开展廉政教育2次。\n二、存在问题\n（一）学习不够深入。\n";

#[test]
fn a_known_pair_of_versions() {
    let env = Env::new();
    import(&env, FIRST, "d", false);
    import(&env, SECOND, "d", true);
    let (code, out, err) = run(&env, &["--lang", "zh", "diff", "d"]);
    assert_eq!(code, 1, "{err}");
    let body: Vec<&str> = out.lines().skip(2).collect();
    assert_eq!(
        body,
        vec![
            "@@ 第4段 @@",
            "- （一）理论学习。[-组织学习5次。-]参学率100%。",
            "+ （一）理论学习。{+组织学习6次。+}参学率100%。",
            "- （二）组织建设。召开支委会3次。",
            "+ （二）作风建设。开展廉政教育2次。",
        ],
        "{out}"
    );
    assert!(out.starts_with("--- d @ "), "{out}");
    assert!(
        out.lines().nth(1).unwrap().starts_with("+++ d (当前版本)"),
        "{out}"
    );
    // The same version by its stamp; and the draft against itself.
    let (_, listed, _) = run(&env, &["history", "d"]);
    let stamp = listed.split_whitespace().next().unwrap().to_string();
    let (code, again, _) = run(&env, &["--lang", "zh", "diff", "d", "--to", &stamp]);
    assert_eq!((code, again), (1, out));
    let (code, same, _) = run(&env, &["diff", "d", "--with", "d"]);
    assert_eq!(code, 0);
    assert_eq!(same.lines().count(), 2, "{same}");
}

#[test]
fn two_drafts_and_the_errors() {
    let env = Env::new();
    import(&env, FIRST, "a", false);
    import(&env, SECOND, "b", false);
    let (code, out, _) = run(&env, &["--lang", "en", "diff", "b", "--with", "a"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("--- a\n+++ b (current)\n@@ paragraph 4 @@\n"),
        "{out}"
    );
    let before = env.snapshot();
    for (args, needle) in [
        (vec!["diff", "a"], "no earlier versions yet"),
        (
            vec!["diff", "a", "--to", "20000101-000000"],
            "20000101-000000",
        ),
        (vec!["diff", "nope"], "nope"),
        (vec!["diff", "a", "--with", "nope"], "nope"),
        (vec!["diff", "a", "--with", "b", "--to", "x"], "--to"),
    ] {
        let (code, out, err) = run(&env, &args);
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(out, "");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    assert_eq!(env.snapshot(), before);
}

fn joined(line: &DiffLine) -> String {
    match line {
        DiffLine::Same { text, .. } => text.clone(),
        DiffLine::Removed { pieces, .. } | DiffLine::Added { pieces, .. } => {
            pieces.iter().map(|p| p.text.as_str()).collect()
        }
    }
}

fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    let sentence = prop::sample::select(vec!["甲。", "乙。", "丙；", "丁！", "戊", "“己。”"]);
    prop::collection::vec(
        prop::collection::vec(sentence, 1..4).prop_map(|s| s.concat()),
        0..8,
    )
}

proptest! {
    #[test]
    fn the_diff_gives_back_both_versions(old in paragraphs(), new in paragraphs()) {
        let lines = diff_paragraphs(&old, &new);
        let older: Vec<String> = lines
            .iter()
            .filter(|l| !matches!(l, DiffLine::Added { .. }))
            .map(joined)
            .collect();
        let newer: Vec<String> = lines
            .iter()
            .filter(|l| !matches!(l, DiffLine::Removed { .. }))
            .map(joined)
            .collect();
        prop_assert_eq!(older, old.clone());
        prop_assert_eq!(newer, new.clone());
        prop_assert_eq!(lines.iter().any(|l| l.is_change()), old != new);
    }
}
