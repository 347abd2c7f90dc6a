//! Export files as the disk sees them (issue 21): written through storage,
//! atomically, with the mode other programs give a file (0644 less the
//! umask, not a draft's private 0600), and on failure one clear line, a
//! non-zero exit and nothing left behind. The oracle is the file system:
//! modes read back with stat, folders listed after the failure.
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::{PermissionsExt, chown};
use std::path::Path;
use std::process::{Command, Output};

use common::Env;

const NOBODY: u32 = 65534;

/// The real binary under `sh`, with this umask and locale, as `user`
/// (root runs it as `nobody`, for whom permissions bite).
fn zongjie(env: &Env, umask: &str, lang: &str, args: &[&str], as_nobody: bool) -> Output {
    let mut line = format!("umask {umask}; exec ");
    if as_nobody {
        line.push_str(&format!(
            "setpriv --reuid={NOBODY} --regid={NOBODY} --clear-groups "
        ));
    }
    line.push_str("\"$0\" \"$@\"");
    Command::new("sh")
        .arg("-c")
        .arg(line)
        .arg(env!("CARGO_BIN_EXE_zongjie"))
        .arg("--lang")
        .arg(lang)
        .arg("--data-dir")
        .arg(env.data())
        .args(args)
        .current_dir(env.dir.path())
        .env("ZONGJIE_CONFIG_DIR", env.dir.path().join("config"))
        .env_remove("ZONGJIE_DATA_DIR")
        .output()
        .expect("sh runs zongjie (setpriv from util-linux when root)")
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Exports are shared files: 0644 less the umask, for text and .docx,
/// new or replaced; the drafts stay 0600 whatever the umask.
#[test]
fn exports_get_the_usual_mode_less_the_umask() {
    let env = Env::new();
    let id = env.new_draft("导出权限");
    for (umask, expected) in [("022", 0o644), ("027", 0o640), ("077", 0o600)] {
        for name in [format!("{umask}.txt"), format!("{umask}.docx")] {
            // Written new, then replaced with --force: the same mode.
            for force in [false, true] {
                let mut args = vec!["export", &id, "-o", &name];
                if force {
                    args.push("--force");
                }
                let out = zongjie(&env, umask, "en", &args, false);
                assert!(out.status.success(), "{out:?}");
                let path = env.dir.path().join(&name);
                assert_eq!(mode(&path), expected, "{name} with umask {umask}");
            }
        }
    }
    let draft = env.data().join("drafts").join(format!("{id}.toml"));
    assert_eq!(mode(&draft), 0o600, "a draft stays private");
}

/// Checks a refused export: exit 2, one line on stderr naming the file and
/// saying `why`, nothing on stdout.
fn assert_refused(out: &Output, file: &str, why: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(file), "names {file}: {err}");
    assert!(err.contains(why), "says {why}: {err}");
    assert!(out.stdout.is_empty());
}

/// A folder the writer cannot write: refused in one line, in either
/// language, and the folder stays empty (no temp file either).
#[test]
fn a_read_only_folder_refuses_the_export_and_keeps_nothing() {
    let env = Env::new();
    let id = env.new_draft("只读目录");
    let out_dir = env.dir.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let root = is_root();
    if root {
        // `nobody` reads the draft and owns the folders it may not write.
        fs::set_permissions(env.dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        for path in walk(&env.data()).iter().chain([&out_dir]) {
            chown(path, Some(NOBODY), Some(NOBODY)).unwrap();
        }
    }
    fs::set_permissions(&out_dir, fs::Permissions::from_mode(0o555)).unwrap();
    for (lang, why) in [("en", "Permission denied"), ("zh", "权限不足")] {
        for format in ["txt", "docx"] {
            let out = zongjie(
                &env,
                "022",
                lang,
                &["export", &id, "-o", &format!("out/x.{format}"), "--force"],
                root,
            );
            assert_refused(&out, &format!("out/x.{format}"), why);
        }
    }
    assert!(names(&out_dir).is_empty(), "{:?}", names(&out_dir));
}

/// The data dir, its folders and files.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = vec![dir.to_path_buf()];
    for entry in fs::read_dir(dir).unwrap().flatten() {
        if entry.file_type().unwrap().is_dir() {
            found.extend(walk(&entry.path()));
        } else {
            found.push(entry.path());
        }
    }
    found
}

/// A folder where the export file should be: without --force it is a
/// name taken; with --force it is not replaced (a file never replaces a
/// folder). Either way one line, and the folder and its neighbours are as
/// they were.
#[test]
fn a_folder_where_the_file_should_be_is_left_alone() {
    let env = Env::new();
    let id = env.new_draft("文件夹占位");
    let out_dir = env.dir.path().join("out");
    fs::create_dir_all(out_dir.join("x.txt")).unwrap();
    fs::write(out_dir.join("x.txt/inside"), "keep").unwrap();
    let taken = zongjie(
        &env,
        "022",
        "en",
        &["export", &id, "-o", "out/x.txt"],
        false,
    );
    assert_refused(&taken, "out/x.txt", "already exists");
    let taken = zongjie(
        &env,
        "022",
        "zh",
        &["export", &id, "-o", "out/x.txt"],
        false,
    );
    assert_refused(&taken, "out/x.txt", "已存在");
    let forced = zongjie(
        &env,
        "022",
        "en",
        &["export", &id, "-o", "out/x.txt", "--force"],
        false,
    );
    assert_refused(&forced, "out/x.txt", "directory");
    let forced = zongjie(
        &env,
        "022",
        "zh",
        &["export", &id, "-o", "out/x.txt", "--force"],
        false,
    );
    assert_refused(&forced, "out/x.txt", "文件夹");
    assert_eq!(names(&out_dir), ["x.txt"], "no temp file left");
    assert_eq!(
        fs::read_to_string(out_dir.join("x.txt/inside")).unwrap(),
        "keep"
    );
}

/// Not even --force writes into the data directory.
#[test]
fn the_data_dir_is_refused_in_both_languages() {
    let env = Env::new();
    let id = env.new_draft("数据目录");
    let before = env.snapshot();
    for (lang, why) in [("en", "zongjie's own files"), ("zh", "zongjie 自己的文件")] {
        let out = zongjie(
            &env,
            "022",
            lang,
            &["export", &id, "-o", "data/drafts/x.txt", "--force"],
            false,
        );
        assert_refused(&out, "data/drafts/x.txt", why);
    }
    assert_eq!(env.snapshot(), before);
}
