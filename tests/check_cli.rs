//! `zongjie check` as scripts use it: exit 0 clean, 1 with findings, 2 on
//! error (one line on stderr); the human lines and the `--json` schema exactly.

mod common;

use common::Env;

use std::fs;
use std::path::PathBuf;

use zongjie::document::{Document, Item, Section, SectionKind, Signature};
use zongjie::storage::write_draft;

impl Env {
    /// Stores `doc` as draft `id` and returns the file's path.
    fn put(&self, id: &str, doc: &Document) -> PathBuf {
        let drafts = self.data().join("drafts");
        fs::create_dir_all(&drafts).unwrap();
        let path = drafts.join(format!("{id}.toml"));
        fs::write(&path, write_draft(doc)).unwrap();
        path
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd().args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }
}

fn section(kind: SectionKind, title: &str, items: &[(&str, &str)]) -> Section {
    let mut s = Section::new(kind, title);
    s.items = items.iter().map(|(h, b)| Item::new(*h, *b)).collect();
    s
}

fn clean() -> Document {
    Document {
        title: "县自然资源局党支部2020年上半年党建工作总结".into(),
        period: "2020年上半年".into(),
        preamble: "2020年上半年，县自然资源局党支部坚持以习近平新时代中国特色社会主义思想为指导，现将有关情况总结如下：".into(),
        sections: vec![
            section(
                SectionKind::Work,
                "工作开展情况",
                &[(
                    "坚持强化理论武装",
                    "上半年组织集中学习12次、专题研讨4次，重点学习了《习近平谈治国理政（第二卷）》。",
                )],
            ),
            section(
                SectionKind::Problems,
                "存在的问题",
                &[("党建工作方法上缺乏创新", "党建品牌创建载体单一。")],
            ),
            section(
                SectionKind::Next,
                "下一步打算",
                &[("强化党员教育管理", "做好新党员的培养和发展工作。")],
            ),
        ],
        signature: Signature {
            organization: "中共县自然资源局党支部".into(),
            date: "2020年7月10日".into(),
        },
        ..Document::default()
    }
}

/// A typed number, a placeholder, a half-width comma, and no 下一步 section.
fn flawed() -> Document {
    let mut doc = clean();
    doc.sections[0].items[0] = Item::new(
        "（一）坚持强化理论武装",
        "上半年组织集中学习XX次,专题研讨4次。",
    );
    doc.sections.pop();
    doc
}

#[test]
fn clean_draft_exits_0_with_nothing_on_stdout() {
    let env = Env::new();
    env.put("clean", &clean());
    let (code, out, err) = env.run(&["--lang", "en", "check", "clean"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", "No findings\n"));
    let (code, out, _) = env.run(&["check", "clean", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(out, "{\"version\":1,\"findings\":[]}\n");
}

#[test]
fn findings_exit_1_one_line_each_in_the_ui_language() {
    let env = Env::new();
    let path = env.put("flawed", &flawed());
    let before = fs::read(&path).unwrap();
    let (code, out, err) = env.run(&["--lang", "zh", "check", "flawed"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "全文: 缺少“下一步打算”部分 [missing-next]\n\
         一、工作开展情况 › （一） 小标题 1: 开头手动输入了编号“（一）”，导出时会再编一次号 [hand-typed-number]\n\
         一、工作开展情况 › （一） 正文 10: 占位符“XX”尚未填写 [placeholder]\n\
         一、工作开展情况 › （一） 正文 13: 中文里用了半角逗号“,”，应为全角逗号“，” [half-width-punctuation]\n"
    );
    assert_eq!(err, "共4处问题，其中2处可自动修正\n");
    let (code, out, err) = env.run(&["--lang", "en", "check", "flawed"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "document: No section on next steps (下一步打算) [missing-next]\n\
         一、工作开展情况 › （一） heading 1: Hand-typed number “（一）”: the export numbers it again [hand-typed-number]\n\
         一、工作开展情况 › （一） body 10: Placeholder “XX” not filled in [placeholder]\n\
         一、工作开展情况 › （一） body 13: Half-width comma “,” in Chinese text; use full-width “，” [half-width-punctuation]\n"
    );
    assert_eq!(err, "4 findings, 2 fixable\n");
    assert_eq!(fs::read(&path).unwrap(), before, "check never writes");
}

#[test]
fn json_schema_exactly() {
    let env = Env::new();
    env.put("flawed", &flawed());
    let (code, out, err) = env.run(&["--lang", "en", "check", "flawed", "--json"]);
    assert_eq!(code, 1);
    assert_eq!(err, "", "JSON mode keeps stderr for errors");
    assert_eq!(
        out,
        concat!(
            r#"{"version":1,"findings":["#,
            r#"{"code":"missing-next","severity":"warning","message":"No section on next steps (下一步打算)","section":null,"item":null,"field":"document","offset":0,"length":0,"text":"","fixable":false},"#,
            r#"{"code":"hand-typed-number","severity":"error","message":"Hand-typed number “（一）”: the export numbers it again","section":0,"item":0,"field":"item-heading","offset":0,"length":3,"text":"（一）","fixable":true},"#,
            r#"{"code":"placeholder","severity":"error","message":"Placeholder “XX” not filled in","section":0,"item":0,"field":"item-body","offset":9,"length":2,"text":"XX","fixable":false},"#,
            r#"{"code":"half-width-punctuation","severity":"warning","message":"Half-width comma “,” in Chinese text; use full-width “，”","section":0,"item":0,"field":"item-body","offset":12,"length":1,"text":",","fixable":true}"#,
            "]}\n"
        )
    );
}

#[test]
fn json_escapes_what_the_draft_holds() {
    let env = Env::new();
    let mut doc = clean();
    let sentence = "学习\"党章\"\\和\u{1b}条例的内容要点。";
    doc.sections[1].items[0].body = format!("{sentence}{sentence}");
    env.put("odd", &doc);
    let (code, out, _) = env.run(&["--lang", "en", "check", "odd", "--json"]);
    assert_eq!(code, 1);
    assert!(
        out.contains(concat!(
            r#"{"code":"duplicate-sentence","severity":"warning","#,
            r#""message":"Repeats a sentence from 二、（一） body: “学习\"党章\"\\和\u001b条例的内容要点…”","#,
            r#""section":1,"item":0,"field":"item-body","offset":17,"length":17,"#,
            r#""text":"学习\"党章\"\\和\u001b条例的内容要点。","fixable":false}"#
        )),
        "{out}"
    );
    assert!(
        !out.contains('\u{1b}'),
        "no raw escape reaches the terminal"
    );
}

#[test]
fn target_length_from_the_option_or_the_draft() {
    let env = Env::new();
    let mut doc = clean();
    let chars = doc.char_count();
    env.put("plain", &doc);
    let target = (chars * 2).to_string();
    let (code, out, _) = env.run(&["--lang", "en", "check", "plain", "--target", &target]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "document: {chars} characters, {chars} fewer than the target of {target} [length]\n"
        )
    );
    doc.target_chars = Some(chars as u32 * 2);
    env.put("targeted", &doc);
    assert_eq!(env.run(&["check", "targeted"]).0, 1);
    let exact = chars.to_string();
    assert_eq!(env.run(&["check", "targeted", "--target", &exact]).0, 0);
    // A target of 0 is a usage error.
    assert_eq!(env.run(&["check", "plain", "--target", "0"]).0, 2);
}

#[test]
fn a_draft_named_by_path() {
    let env = Env::new();
    let path = env.put("flawed", &flawed());
    let (code, out, _) = env.run(&["check", path.to_str().unwrap(), "--json"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("{\"version\":1,\"findings\":[{\"code\":\"missing-next\""));
}

#[test]
fn template_drafts_list_their_placeholders() {
    let env = Env::new();
    let out = env
        .cmd()
        .args([
            "new",
            "--template",
            "party-branch",
            "--title",
            "XX党支部2020年上半年党建工作总结",
        ])
        .output()
        .unwrap();
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let (code, out, _) = env.run(&["--lang", "en", "check", &id]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("title 1: Placeholder “XX” not filled in [placeholder]\n"),
        "{out}"
    );
    assert!(
        // The date follows the period: July of the year, the day to fill in.
        out.contains("signature date 8: Placeholder “X日” not filled in [placeholder]\n"),
        "{out}"
    );
}

/// An error: exit 2, one line on stderr naming the problem, nothing on stdout.
fn assert_error(env: &Env, args: &[&str], needle: &str) {
    let (code, out, err) = env.run(args);
    assert_eq!(code, 2, "{args:?}: {err}");
    assert_eq!(out, "", "{args:?}");
    assert_eq!(err.lines().count(), 1, "{args:?}: {err:?}");
    assert!(err.contains(needle), "{args:?}: {err:?} lacks {needle:?}");
}

#[test]
fn errors_exit_2_with_one_line() {
    let env = Env::new();
    env.put("clean", &clean());
    assert_error(&env, &["check", "nope"], "no draft `nope`");
    assert_error(&env, &["check", "nope", "--json"], "no draft `nope`");
    assert_error(&env, &["check", "../x"], "may not contain");
    assert_error(&env, &["check", "missing.toml"], "no draft file");

    let damaged = env.data().join("drafts").join("damaged.toml");
    fs::write(&damaged, "format = 1\ntitle = 3\n").unwrap();
    assert_error(&env, &["check", "damaged"], "line 2");
    assert_eq!(
        fs::read_to_string(&damaged).unwrap(),
        "format = 1\ntitle = 3\n"
    );
    fs::write(&damaged, "format = 9\nshiny = true\n").unwrap();
    assert_error(&env, &["check", "damaged", "--json"], "newer zongjie");
}
