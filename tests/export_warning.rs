//! Exporting a draft that still has placeholders or template hints: the
//! export is written, says how many are left (stderr, status bar), and the
//! template's writing hints （写…） never reach the exported text.

mod common;

use common::{Env, editor, press};
use zongjie::app::Effect;
use zongjie::docx::ExportFormat;
use zongjie::i18n::Lang;
use zongjie::templates::Template;

/// The placeholder findings `zongjie check --json` reports.
fn placeholder_findings(env: &Env, id: &str) -> usize {
    let out = env.cmd().args(["check", id, "--json"]).output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .matches(r#""code":"placeholder""#)
        .count()
}

#[test]
fn the_cli_says_how_many_are_left_in_both_languages_and_drops_hints() {
    let env = Env::new();
    let id = env.new_draft("XX党支部2020年上半年党建工作总结");
    let left = placeholder_findings(&env, &id);
    assert!(left > 0, "the template has placeholders");
    for (lang, needle) in [
        ("zh", format!("还有 {left} 处待填")),
        ("en", format!("{left} placeholders or template hints left")),
    ] {
        let out = env
            .cmd()
            .args(["--lang", lang, "export", &id, "-o", "-"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&needle), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.contains("（写"), "a hint was exported:\n{text}");
        // What followed a hint in the template is exported.
        assert!(text.contains("上半年组织集中学习XX次"), "{text}");
    }
    // To a file too, the warning comes with the file's name.
    let out = env.cmd().args(["export", &id]).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(env.dir.path().join(format!("{id}.txt")).is_file());
}

#[test]
fn a_finished_draft_exports_without_a_warning() {
    let env = Env::new();
    let path = env.dir.path().join("done.toml");
    std::fs::write(
        &path,
        "format = 1\ntitle = \"第一党支部总结\"\npreamble = \"今年上半年，支部认真学习。\"\n",
    )
    .unwrap();
    let out = env
        .cmd()
        .args(["export", path.to_str().unwrap(), "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(placeholder_findings(&env, path.to_str().unwrap()), 0);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "第一党支部总结\n今年上半年，支部认真学习。\n"
    );
}

#[test]
fn the_status_bar_says_how_many_are_left_after_ctrl_e() {
    for lang in [Lang::Zh, Lang::En] {
        let doc = Template::find("party-branch").unwrap().document(None);
        let mut app = editor(doc, lang);
        let left = app.editor().unwrap().counts.placeholders;
        assert!(left > 0);
        // Ctrl+E asks the format (issue 18); Enter takes .txt.
        assert_eq!(
            press(&mut app, "C-e Enter"),
            vec![Effect::Export(ExportFormat::Txt)]
        );
        app.export_done(Ok("/tmp/x.txt".into()));
        let message = app.message.clone().unwrap();
        assert!(message.error, "shown as a warning");
        let needle = match lang {
            Lang::Zh => format!("还有 {left} 处待填"),
            Lang::En => format!("{left} placeholders or hints left"),
        };
        assert!(message.text.contains(&needle), "{}", message.text);
        assert!(message.text.ends_with("/tmp/x.txt"));
    }
}
