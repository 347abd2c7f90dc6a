//! A private data directory for running the real binary, as a script would.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A temporary folder holding `data/` (the data directory) and `config/`;
/// commands run with it as their working directory and a neutral locale.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// `zongjie --data-dir <data>`, isolated from the user's environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("zongjie").unwrap();
        cmd.arg("--data-dir")
            .arg(self.data())
            .current_dir(self.dir.path())
            .env("LANG", "C.UTF-8")
            .env("ZONGJIE_CONFIG_DIR", self.dir.path().join("config"))
            .env_remove("ZONGJIE_DATA_DIR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        cmd
    }

    /// `zongjie new --template party-branch --title TITLE`; the new id.
    pub fn new_draft(&self, title: &str) -> String {
        let out = self
            .cmd()
            .args(["new", "--template", "party-branch", "--title", title])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    /// Every file under the data dir with its bytes, to prove nothing changed.
    pub fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
            let Ok(entries) = fs::read_dir(dir) else {
                return;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else {
                    out.push((p.clone(), fs::read(&p).unwrap()));
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.data(), &mut out);
        out.sort();
        out
    }
}
