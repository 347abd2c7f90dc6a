//! `zongjie import` as a user runs it: the id on stdout, one warning a line
//! on stderr, `--id` and `--force`, standard input; and every bad input
//! giving exit code 2, one line on stderr, nothing on stdout and no stored
//! file created or changed.

mod common;

use common::Env;

use std::fs;

use zongjie::plain_text::{MAX_IMPORT_BYTES, TextEncoding, encode};

const SUMMARY: &str = "\
内部资料
XX党支部2021年上半年党建工作总结
上半年，我支部扎实开展各项工作。现将有关情况总结如下：
一、工作开展情况
(一)加强理论学习。组织集中学习12次。
(二)规范组织生活。落实“三会一课”制度。
二、存在问题
一是学习不够深入；二是创新不足。
三、下一步打算
1、持续加强学习。
2、推进标准化建设。
中共XX党支部
2021年7月1日
";

/// SUMMARY from its title on, as the export writes it.
fn exported_summary() -> String {
    SUMMARY
        .lines()
        .skip(1)
        .map(|l| l.replace("(一)", "（一）").replace("(二)", "（二）") + "\n")
        .collect()
}

impl Env {
    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        path.to_string_lossy().into_owned()
    }

    fn draft(&self, id: &str) -> String {
        fs::read_to_string(self.data().join("drafts").join(format!("{id}.toml"))).unwrap()
    }

    /// Runs a successful import; returns (id, stderr lines).
    fn import(&self, args: &[&str]) -> (String, Vec<String>) {
        let out = self.cmd().arg("import").args(args).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(out.status.success(), "{args:?}: {stderr}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(stdout.lines().count(), 1, "{stdout:?}");
        (
            stdout.trim().to_string(),
            stderr.lines().map(str::to_string).collect(),
        )
    }

    fn export(&self, id: &str) -> String {
        let out = self.cmd().args(["export", id, "-o", "-"]).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    }

    /// An import that must fail: exit code 2, exactly one stderr line
    /// containing `needle`, nothing on stdout, no stored file changed.
    fn import_fails(&self, args: &[&str], stdin: Option<Vec<u8>>, needle: &str) {
        let before = self.snapshot();
        let mut cmd = self.cmd();
        cmd.arg("import").args(args);
        if let Some(stdin) = stdin {
            cmd.write_stdin(stdin);
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr:?}");
        assert!(stderr.starts_with("zongjie: "), "{stderr:?}");
        assert!(
            stderr.contains(needle),
            "{args:?}: {stderr:?} lacks {needle:?}"
        );
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
        assert_eq!(self.snapshot(), before, "{args:?} changed a stored file");
    }
}

#[test]
fn import_prints_the_id_and_export_gives_the_text_back() {
    let env = Env::new();
    let file = env.file("summary.txt", SUMMARY.as_bytes());
    let (id, warnings) = env.import(&[&file]);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].starts_with("zongjie: warning: line 1 above the title"));
    assert_eq!(env.export(&id), exported_summary());
    let draft = env.draft(&id);
    assert!(draft.contains("notes = \"内部资料\""), "{draft}");
    assert!(draft.contains("style = \"ordinal-inline\""));
    assert!(draft.contains("style = \"arabic-comma\""));
    assert!(draft.contains("period = \"2021年上半年\""));
}

#[test]
fn import_reads_standard_input_and_gb18030() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["import", "-", "--id", "from-stdin"])
        .write_stdin(encode(SUMMARY, TextEncoding::Gb18030))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "from-stdin\n");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.lines().any(|l| l.contains("read as GB18030")),
        "{stderr}"
    );
    assert_eq!(env.export("from-stdin"), exported_summary());
}

#[test]
fn an_existing_id_is_replaced_only_with_force() {
    let env = Env::new();
    let first = env.file(
        "first.txt",
        "甲支部2020年工作总结\n一、工作开展情况\n".as_bytes(),
    );
    let second = env.file("second.txt", SUMMARY.as_bytes());
    env.import(&[&first, "--id", "mine"]);
    let old = env.draft("mine");

    env.import_fails(
        &[&second, "--id", "mine"],
        None,
        "already exists; use --force",
    );
    assert_eq!(env.draft("mine"), old);

    env.import(&[&second, "--id", "mine", "--force"]);
    assert!(
        env.draft("mine")
            .contains("XX党支部2021年上半年党建工作总结")
    );
    let backup = fs::read_to_string(env.data().join("backups/mine.toml")).unwrap();
    assert_eq!(backup, old, "the replaced version is the backup");
}

#[test]
fn text_without_structure_becomes_the_preamble() {
    let env = Env::new();
    let text = "今年以来，我们做了很多工作。\n也存在一些不足，今后继续努力。\n";
    let file = env.file("prose.txt", text.as_bytes());
    let (id, warnings) = env.import(&[&file]);
    assert_eq!(
        warnings,
        [
            "zongjie: warning: no numbered sections (一、, （一） or 1、) found; the text is kept as the preamble"
        ]
    );
    assert_eq!(env.export(&id), text);
}

#[test]
fn control_characters_are_stripped_and_reported() {
    let env = Env::new();
    let text =
        "XX党支部2021年工作总结\n一、工作\0开展情况\n（一）学习\u{1b}[31m。按计划\u{7}学习。\n";
    let file = env.file("controls.txt", text.as_bytes());
    let (id, warnings) = env.import(&[&file]);
    assert_eq!(
        warnings,
        ["zongjie: warning: removed 3 control characters (the first, U+0000, at line 2, column 5)"]
    );
    let draft = env.draft(&id);
    assert!(!draft.contains("\\u00"), "{draft}");
    assert_eq!(
        env.export(&id),
        "XX党支部2021年工作总结\n一、工作开展情况\n（一）学习[31m。按计划学习。\n"
    );
}

#[test]
fn bad_input_is_refused_with_one_line_and_nothing_stored() {
    let env = Env::new();
    // A draft already there must survive every failed import untouched.
    let ok = env.file("ok.txt", SUMMARY.as_bytes());
    env.import(&[&ok, "--id", "kept"]);

    let empty = env.file("empty.txt", b"");
    env.import_fails(&[&empty], None, "the input is empty");
    let blank = env.file("blank.txt", "\u{feff}\r\n　　\r\n".as_bytes());
    env.import_fails(&[&blank], None, "the input is empty");
    env.import_fails(&["-"], Some(Vec::new()), "<stdin>: the input is empty");

    let invalid = env.file("latin1.txt", b"Caf\xe9 \xff\xfe summary\n");
    env.import_fails(&[&invalid], None, "neither UTF-8 nor GB18030");

    let utf16: Vec<u8> = SUMMARY.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16 = env.file("utf16.txt", &utf16);
    env.import_fails(&[&utf16], None, "UTF-16 text without a byte-order mark");

    let binary = env.file(
        "image.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\xff\xd8",
    );
    env.import_fails(&[&binary], None, "binary file");

    env.import_fails(&["missing.txt"], None, "missing.txt");
    env.import_fails(&[&ok, "--id", "../escape"], None, "may not contain");
    env.import_fails(&[&ok, "--id", "kept"], None, "already exists");
}

/// 20 MB is far above the 8 MiB limit: refused before it is read whole,
/// from a file and from standard input alike.
#[test]
fn twenty_megabytes_are_refused_clearly() {
    let env = Env::new();
    let line = "（一）加强理论学习。组织集中学习12次，专题研讨4次。\n";
    let big = line.repeat(20_000_000 / line.len() + 1);
    assert!(big.len() >= 20_000_000 && big.len() > MAX_IMPORT_BYTES);
    let file = env.file("big.txt", big.as_bytes());
    env.import_fails(
        &[&file],
        None,
        "larger than the import limit of 8 MiB (19.1 MiB)",
    );
    env.import_fails(
        &["-"],
        Some(big.into_bytes()),
        "larger than the import limit of 8 MiB",
    );
    assert!(!env.data().join("drafts").exists());
}

#[test]
fn warnings_and_the_restore_message_speak_the_writers_language() {
    let env = Env::new();
    let file = env.file("summary.txt", SUMMARY.as_bytes());
    let out = env
        .cmd()
        .args(["--lang", "zh", "import", &file])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("zongjie: 注意：标题上方的第 1 行（“"),
        "{stderr}"
    );
    assert!(stderr.contains("放进了草稿的素材，不会导出"), "{stderr}");
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();

    // A second save makes a backup to go back to.
    let again = env
        .cmd()
        .args(["import", &file, "--id", &id, "--force"])
        .output()
        .unwrap();
    assert!(again.status.success());
    let restored = env
        .cmd()
        .args(["restore", &id])
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(restored.status.success());
    let message = String::from_utf8(restored.stderr).unwrap();
    assert_eq!(
        message.trim_end(),
        format!(
            "{id}：已恢复上一个版本，被替换的版本成了备份（再运行 `zongjie restore {id}` 可撤销）"
        )
    );
}
