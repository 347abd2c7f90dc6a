//! Many `zongjie` processes creating drafts at the same moment, as scripts
//! and impatient writers do: every creator gets its own id and its own
//! draft, and of those asking for the same id exactly one wins while the
//! others fail with one clear line. The oracle is plain bookkeeping: the
//! ids printed, the files in the drafts folder and the titles inside them.
#![cfg(unix)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

const N: usize = 16;
const ROUNDS: usize = 3;

fn zongjie(data: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zongjie"));
    cmd.arg("--data-dir")
        .arg(data)
        .env("LANG", "C.UTF-8")
        .env("ZONGJIE_CONFIG_DIR", data.with_file_name("config"))
        .env_remove("ZONGJIE_DATA_DIR")
        .env_remove("LC_ALL")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Starts every command before waiting for any, so that they race.
fn race(commands: Vec<Command>) -> Vec<Output> {
    let children: Vec<Child> = commands
        .into_iter()
        .map(|mut c| c.spawn().expect("start zongjie"))
        .collect();
    children
        .into_iter()
        .map(|c| c.wait_with_output().expect("wait for zongjie"))
        .collect()
}

/// Id → title of every draft file in the data directory.
fn drafts(data: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(data.join("drafts")).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(id) = name.strip_suffix(".toml") else {
            continue;
        };
        assert!(!name.starts_with('.'), "a leftover file: {name}");
        let text = fs::read_to_string(entry.path()).unwrap();
        let doc = zongjie::storage::parse_draft(&text).unwrap();
        out.insert(id.to_string(), doc.title);
    }
    out
}

fn printed_id(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .trim()
        .to_string()
}

#[test]
fn concurrent_new_gives_each_creator_its_own_draft() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for round in 0..ROUNDS {
        let titles: Vec<String> = (0..N).map(|i| format!("第{round}轮标题{i}")).collect();
        let outputs = race(
            titles
                .iter()
                .map(|t| {
                    let mut c = zongjie(&data);
                    c.args(["new", "--title", t]);
                    c
                })
                .collect(),
        );
        let ids: Vec<String> = outputs.iter().map(printed_id).collect();
        let distinct: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), N, "round {round}: ids {ids:?}");
        let on_disk = drafts(&data);
        assert_eq!(on_disk.len(), N * (round + 1), "round {round}");
        for (id, title) in ids.iter().zip(&titles) {
            assert_eq!(on_disk.get(id), Some(title), "round {round}: draft {id}");
        }
    }
}

#[test]
fn concurrent_imports_keep_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for round in 0..ROUNDS {
        let files: Vec<(PathBuf, String)> = (0..N)
            .map(|i| {
                let title = format!("XX党支部第{round}轮第{i}份工作总结");
                let path = dir.path().join(format!("in-{round}-{i}.txt"));
                let text = format!(
                    "{title}\n今年以来，我支部认真开展各项工作。\n一、工作开展情况\n（一）学习方面。认真学习第{i}份。\n"
                );
                fs::write(&path, text).unwrap();
                (path, title)
            })
            .collect();
        let outputs = race(
            files
                .iter()
                .map(|(path, _)| {
                    let mut c = zongjie(&data);
                    c.arg("import").arg(path);
                    c
                })
                .collect(),
        );
        let ids: Vec<String> = outputs.iter().map(printed_id).collect();
        assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), N, "{ids:?}");
        let on_disk = drafts(&data);
        assert_eq!(on_disk.len(), N * (round + 1));
        for (id, (_, title)) in ids.iter().zip(&files) {
            assert_eq!(on_disk.get(id), Some(title), "draft {id}");
        }
    }
}

/// `new --id same` or `import --id same`, N at once: one wins.
fn exactly_one_wins(data: &Path, id: &str, make: impl Fn(usize) -> Command) {
    let outputs = race((0..N).map(make).collect());
    let (won, lost): (Vec<(usize, &Output)>, Vec<_>) = outputs
        .iter()
        .enumerate()
        .partition(|(_, o)| o.status.success());
    assert_eq!(won.len(), 1, "winners: {}", won.len());
    assert_eq!(printed_id(won[0].1), id);
    for (_, o) in &lost {
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains("already exists"), "{err}");
        assert!(o.stdout.is_empty());
        assert_ne!(o.status.code(), Some(0));
    }
    let on_disk = drafts(data);
    let title = on_disk.get(id).expect("the winner's draft");
    assert!(
        title.ends_with(&format!("#{}", won[0].0)),
        "the draft is the winner's: {title}"
    );
}

#[test]
fn the_same_explicit_id_is_given_to_exactly_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for round in 0..ROUNDS {
        let id = format!("same-new-{round}");
        exactly_one_wins(&data, &id, |i| {
            let mut c = zongjie(&data);
            c.args(["new", "--id", &id, "--title", &format!("标题#{i}")]);
            c
        });
        let id = format!("same-import-{round}");
        for i in 0..N {
            fs::write(
                dir.path().join(format!("same-{i}.txt")),
                format!(
                    "XX党支部工作总结#{i}\n今年以来，我支部认真开展各项工作。\n一、工作开展情况\n"
                ),
            )
            .unwrap();
        }
        exactly_one_wins(&data, &id, |i| {
            let mut c = zongjie(&data);
            c.args(["import", "--id", &id])
                .arg(dir.path().join(format!("same-{i}.txt")));
            c
        });
    }
}
