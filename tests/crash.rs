//! Crash consistency: the real binary saves a draft over and over and is
//! killed with SIGKILL at random moments. After every kill the draft must
//! parse and be one of the saved versions, no version may be lost, and the
//! next start must clean up what the killed process left.
//!
//! Two saving commands are used, both real: `restore` (swaps the draft and
//! its backup, i.e. saves the backup's version) and `import --force`
//! (the editor's own `Store::save`). `ZONGJIE_CRASH_KILLS` sets the kills
//! per command (default 150) and `ZONGJIE_CRASH_SEED` replays a run.
#![cfg(unix)]

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use zongjie::document::{Document, Item, Section, SectionKind};
use zongjie::storage::{DraftId, Store, is_temp_name, parse_draft, write_draft};

const BIN: &str = env!("CARGO_BIN_EXE_zongjie");

/// xorshift64*: enough randomness for kill times, and replayable.
struct Rng(u64);

impl Rng {
    fn seeded() -> Rng {
        let seed = std::env::var("ZONGJIE_CRASH_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        eprintln!("ZONGJIE_CRASH_SEED={seed}");
        Rng(seed.max(1))
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

fn kills_per_command() -> usize {
    std::env::var("ZONGJIE_CRASH_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(150)
}

fn version(tag: &str) -> Document {
    let mut section = Section::new(SectionKind::Work, "工作开展情况");
    for i in 0..60 {
        section.items.push(Item::new(
            format!("{tag}第{i}项"),
            format!("{tag}：认真学习贯彻党的二十大精神。").repeat(20),
        ));
    }
    Document {
        title: format!("XX党支部{tag}党建工作总结"),
        sections: vec![section],
        ..Document::default()
    }
}

/// Temp and pending files in the data directory.
fn leftovers(root: &Path) -> Vec<PathBuf> {
    ["drafts", "backups"]
        .iter()
        .flat_map(|d| fs::read_dir(root.join(d)).into_iter().flatten().flatten())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            is_temp_name(&name) || name.ends_with(".pending")
        })
        .map(|e| e.path())
        .collect()
}

fn parse_file(path: &Path) -> Document {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    parse_draft(&text).unwrap_or_else(|e| panic!("{path:?} damaged after a kill: {e}"))
}

struct Tally {
    kills: usize,
    mid_write: usize,
    finished: usize,
}

/// Runs the command of `args(i)` again and again, killing each run after a
/// random delay of up to a full run; `check` looks at the files
/// after every kill.
fn kill_loop(
    root: &Path,
    args: impl Fn(usize) -> Vec<String>,
    mut check: impl FnMut(usize),
) -> Tally {
    let mut rng = Rng::seeded();
    let run = |args: Vec<String>| {
        Command::new(BIN)
            .arg("--data-dir")
            .arg(root)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long one uninterrupted run takes, to spread the kills over it.
    let started = Instant::now();
    for i in 0..4 {
        assert!(run(args(i)).wait().unwrap().success());
    }
    let full = started.elapsed().as_micros() as u64 / 4;
    let mut tally = Tally {
        kills: 0,
        mid_write: 0,
        finished: 0,
    };
    let mut i = 0;
    while tally.kills < kills_per_command() {
        let mut child = run(args(i));
        std::thread::sleep(Duration::from_micros(rng.below(full)));
        let done = child.try_wait().unwrap().is_some();
        child.kill().unwrap();
        child.wait().unwrap();
        if done {
            tally.finished += 1;
        } else {
            tally.kills += 1;
            if !leftovers(root).is_empty() {
                tally.mid_write += 1;
            }
        }
        check(i);
        i += 1;
    }
    // The next start cleans up after the last kill.
    let listed = Command::new(BIN)
        .arg("--data-dir")
        .arg(root)
        .arg("list")
        .output()
        .unwrap();
    assert!(listed.status.success());
    assert_eq!(leftovers(root), Vec::<PathBuf>::new(), "left after a start");
    eprintln!(
        "{:?}: {} kills ({} in the middle of writing), {} runs finished first, full run {full} µs",
        args(0),
        tally.kills,
        tally.mid_write,
        tally.finished
    );
    tally
}

#[test]
fn killed_restores_never_lose_or_damage_a_version() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    let store = Store::new(&root);
    let id = store
        .create(Some(DraftId::parse("crash").unwrap()), &version("甲"))
        .unwrap();
    let location = store.location(&id);
    store.save(&location, &version("乙")).unwrap();
    let both: HashSet<Vec<u8>> = [
        write_draft(&version("甲")).into_bytes(),
        write_draft(&version("乙")).into_bytes(),
    ]
    .into();

    let args = |_| vec!["restore".to_string(), "crash".to_string()];
    let tally = kill_loop(&root, args, |i| {
        let draft =
            fs::read(&location.path).unwrap_or_else(|e| panic!("kill {i}: draft unreadable: {e}"));
        assert!(both.contains(&draft), "kill {i}: draft is neither version");
        parse_file(&location.path);
        // Before any clean-up both versions are still on disk somewhere.
        let mut kept: HashSet<Vec<u8>> = [draft].into();
        for path in [&location.backup, &location.pending_backup_path()] {
            if let Ok(bytes) = fs::read(path) {
                kept.insert(bytes);
            }
        }
        assert_eq!(kept, both, "kill {i}: a version was lost");
    });
    let kept: HashSet<Vec<u8>> = [
        fs::read(&location.path).unwrap(),
        fs::read(&location.backup).unwrap(),
    ]
    .into();
    assert_eq!(kept, both);
    assert!(
        tally.mid_write > 0,
        "no kill hit a write: the test proves nothing"
    );
    // The lock of every killed run was taken over: restore still works.
    let before = fs::read(&location.path).unwrap();
    let status = Command::new(BIN)
        .arg("--data-dir")
        .arg(&root)
        .args(["restore", "crash"])
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(fs::read(&location.backup).unwrap(), before);
}

#[test]
fn killed_imports_leave_a_saved_version() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("data");
    let texts: Vec<PathBuf> = ["甲", "乙"]
        .iter()
        .map(|tag| {
            let path = dir.path().join(format!("{tag}.txt"));
            let mut text = format!("XX党支部{tag}党建工作总结\n今年以来，我支部认真开展工作。现将有关情况总结如下：\n一、工作开展情况\n");
            for i in 1..=60 {
                text.push_str(&format!("（{}）{tag}第{i}项工作。", zongjie::document::chinese_numeral(i)));
                text.push_str(&"认真学习贯彻党的二十大精神，不断提高政治站位。".repeat(15));
                text.push('\n');
            }
            text.push_str("二、存在问题\n一是学习不够深入。二是创新不足。\n");
            fs::write(&path, text).unwrap();
            path
        })
        .collect();
    // The two versions, as an uninterrupted import stores them.
    let mut versions = Vec::new();
    for text in &texts {
        let status = Command::new(BIN)
            .arg("--data-dir")
            .arg(&root)
            .args(["import", "--force", "--id", "crash"])
            .arg(text)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
        versions.push(fs::read(root.join("drafts/crash.toml")).unwrap());
    }
    assert_ne!(versions[0], versions[1]);
    let store = Store::new(&root);
    let location = store.location(&DraftId::parse("crash").unwrap());

    // Alternate the input so that every run saves a different version.
    let args = |i: usize| {
        let text = &texts[i % 2];
        vec![
            "import".to_string(),
            "--force".to_string(),
            "--id".to_string(),
            "crash".to_string(),
            text.to_string_lossy().into_owned(),
        ]
    };
    let tally = kill_loop(&root, args, |i| {
        let draft =
            fs::read(&location.path).unwrap_or_else(|e| panic!("kill {i}: draft unreadable: {e}"));
        assert!(
            versions.contains(&draft),
            "kill {i}: draft is neither version"
        );
        parse_file(&location.path);
        let backup = fs::read(&location.backup).unwrap();
        assert!(versions.contains(&backup), "kill {i}: backup damaged");
    });
    assert!(
        tally.mid_write > 0,
        "no kill hit a write: the test proves nothing"
    );
}
