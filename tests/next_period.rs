//! From one summary to the next (`zongjie new --from`): the promise
//! carry-over from every corpus document with a 下一步 section, checked
//! against the promises read straight off the raw text (not through the
//! importer), and the command line of `new --from`, `--period`, user
//! templates, `--save-as-template`, `wording.toml` and the promise check.

mod common;

use common::Env;

use std::fs;

use zongjie::check::{CheckOptions, Code, check};
use zongjie::document::{SectionKind, next_period_draft, promises};
use zongjie::plain_text::import_text;
use zongjie::storage::{parse_draft, write_draft};

const CORPUS: [(&str, &str); 3] = [
    (
        "city-bureau-2020h1-with-plan",
        include_str!("corpus/city-bureau-2020h1-with-plan.txt"),
    ),
    (
        "city-bureau-2020h1",
        include_str!("corpus/city-bureau-2020h1.txt"),
    ),
    (
        "party-branch-2020h1",
        include_str!("corpus/party-branch-2020h1.txt"),
    ),
];

/// The oracle: the lines after the last top-level heading that names a plan
/// (下一步 / 计划 / 打算), each `（一）heading。…` read as its heading.
fn raw_promises(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let top = ["一、", "二、", "三、", "四、", "五、", "六、"];
    let Some(start) = lines.iter().rposition(|l| {
        top.iter().any(|t| l.starts_with(t))
            && ["下一步", "计划", "打算"].iter().any(|w| l.contains(w))
    }) else {
        return Vec::new();
    };
    lines[start + 1..]
        .iter()
        .take_while(|l| !top.iter().any(|t| l.starts_with(t)))
        .filter(|l| l.starts_with('（'))
        .map(|l| {
            let after = &l[l.find('）').unwrap() + '）'.len_utf8()..];
            after.split('。').next().unwrap().to_string()
        })
        .collect()
}

#[test]
fn every_corpus_plan_becomes_the_next_drafts_work_items() {
    let mut with_plans = 0;
    for (name, text) in CORPUS {
        let expected = raw_promises(text);
        if expected.is_empty() {
            continue;
        }
        with_plans += 1;
        let earlier = import_text(text).document;
        let next = next_period_draft(&earlier, name, None).unwrap();
        // Every corpus document is of 2020年上半年.
        assert_eq!(next.period, "2020年下半年", "{name}");
        assert!(
            next.title.contains("2020年下半年"),
            "{name}: {}",
            next.title
        );
        assert!(!next.title.contains("上半年"), "{name}: {}", next.title);
        assert_eq!(next.from.as_deref(), Some(name));
        // Titles that name the period follow it: no 2020年上半年 left, no 2020年明年.
        for s in &next.sections {
            assert!(
                !s.title.contains("2020年上半年") && !s.title.contains("年明年"),
                "{name}: {}",
                s.title
            );
        }
        let work = next
            .sections
            .iter()
            .find(|s| s.effective_kind() == SectionKind::Work)
            .unwrap_or_else(|| panic!("{name}: no work section"));
        let headings: Vec<&str> = work.items.iter().map(|i| i.heading.as_str()).collect();
        assert_eq!(headings, expected, "{name}");
        assert!(work.items.iter().all(|i| i.body.is_empty()), "{name}");
        // The structure and kinds are kept, the bodies start empty.
        let kinds = |d: &zongjie::document::Document| -> Vec<SectionKind> {
            d.sections.iter().map(|s| s.effective_kind()).collect()
        };
        assert_eq!(kinds(&next), kinds(&earlier), "{name}");
        assert!(
            next.sections
                .iter()
                .all(|s| s.intro.is_empty() && s.items.iter().all(|i| i.body.is_empty())),
            "{name}"
        );
        // Reported on, item by item: no promise is missing; drop one and it is.
        let options = CheckOptions {
            promises: promises(&earlier),
            ..CheckOptions::default()
        };
        let unreported = |d: &zongjie::document::Document| -> usize {
            check(d, &options)
                .iter()
                .filter(|f| f.code == Code::UnreportedPromise)
                .count()
        };
        assert_eq!(unreported(&next), 0, "{name}");
        let mut dropped = next.clone();
        let w = dropped
            .sections
            .iter()
            .position(|s| s.effective_kind() == SectionKind::Work)
            .unwrap();
        dropped.sections[w].items.remove(0);
        assert_eq!(unreported(&dropped), 1, "{name}");
        // And the draft file keeps the link.
        assert_eq!(parse_draft(&write_draft(&next)).unwrap(), next);
    }
    assert_eq!(with_plans, 3, "every corpus document has a plan section");
}

impl Env {
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.cmd().args(args).output().unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        out.trim().to_string()
    }

    fn load(&self, id: &str) -> zongjie::document::Document {
        let path = self.data().join("drafts").join(format!("{id}.toml"));
        parse_draft(&fs::read_to_string(path).unwrap()).unwrap()
    }
}

#[test]
fn new_from_an_earlier_draft_by_id_and_by_path() {
    let env = Env::new();
    let corpus = env.dir.path().join("branch.txt");
    fs::write(&corpus, CORPUS[2].1).unwrap();
    let earlier = env.ok(&["import", corpus.to_str().unwrap(), "--id", "h1"]);
    let next = env.ok(&["new", "--from", &earlier]);
    let doc = env.load(&next);
    assert_eq!(doc.title, "XX党支部2020年下半年党建工作总结");
    assert_eq!(doc.from.as_deref(), Some("h1"));
    let raw = fs::read_to_string(env.data().join("drafts").join(format!("{next}.toml"))).unwrap();
    assert!(raw.contains("\nfrom = \"h1\"\n"), "{raw}");

    // The new draft reports on every promise; remove one and check says so.
    let (code, out, _) = env.run(&["check", &next, "--json"]);
    assert!(!out.contains("unreported-promise"), "{code} {out}");
    let mut cut = doc.clone();
    let w = cut
        .sections
        .iter()
        .position(|s| s.kind == SectionKind::Work)
        .unwrap();
    let gone = cut.sections[w].items.remove(1).heading;
    fs::write(
        env.data().join("drafts").join(format!("{next}.toml")),
        write_draft(&cut),
    )
    .unwrap();
    let (code, out, _) = env.run(&["--lang", "en", "check", &next, "--json"]);
    assert_eq!(code, 1);
    assert_eq!(
        out.matches("\"code\":\"unreported-promise\"").count(),
        1,
        "{out}"
    );
    assert!(out.contains(&gone), "{out}");

    // By path, with a period of one's own.
    let path = env.data().join("drafts").join("h1.toml");
    let year = env.ok(&[
        "new",
        "--from",
        path.to_str().unwrap(),
        "--period",
        "2021年度",
    ]);
    let doc = env.load(&year);
    assert_eq!(doc.period, "2021年度");
    assert_eq!(doc.title, "XX党支部2021年度党建工作总结");
    assert_eq!(doc.from.as_deref(), Some(path.to_str().unwrap()));

    // A link to a draft that is gone: a warning, the check still runs.
    fs::remove_file(&path).unwrap();
    let (code, _, err) = env.run(&["--lang", "en", "check", &year]);
    assert_eq!(code, 1);
    assert!(err.starts_with("zongjie: warning: from = "), "{err}");
}

#[test]
fn bad_input_is_one_line_and_changes_nothing() {
    let env = Env::new();
    let earlier = env.ok(&["new", "--title", "XX党支部2020年上半年党建工作总结"]);
    let undated = env.ok(&["new", "--title", "党建工作总结"]);
    let before = env.snapshot();
    for (args, needle) in [
        (vec!["new", "--from", &earlier, "--period", "明年"], "明年"),
        (vec!["new", "--from", &undated], "--period"),
        (vec!["new", "--from", "nope"], "nope"),
        (vec!["new", "--template", "nope"], "nope"),
        (vec!["new", "--period", "2021年度"], "--from"),
        (
            vec!["new", "--from", &earlier, "--template", "school"],
            "--template",
        ),
        (vec!["new", "--save-as-template", "../x"], "../x"),
    ] {
        let (code, out, err) = env.run(&args);
        assert_ne!(code, 0, "{args:?}");
        assert_eq!(out, "", "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    assert_eq!(env.snapshot(), before);
    let (_, _, err) = env.run(&[
        "--lang", "zh", "new", "--from", &earlier, "--period", "明年",
    ]);
    assert!(err.contains("读不懂时段"), "{err}");
}

#[test]
fn user_templates_listed_used_kept_and_a_broken_one_warns() {
    let env = Env::new();
    let listed = env.ok(&["--lang", "en", "templates"]);
    for name in [
        "party-branch",
        "year-end",
        "village",
        "state-enterprise",
        "school",
    ] {
        assert!(listed.lines().any(|l| l.starts_with(name)), "{listed}");
    }
    // A draft of one's own becomes a template, and is used by name.
    let draft = env.ok(&[
        "new",
        "--template",
        "school",
        "--title",
        "实验小学党支部2026年上半年党建工作总结",
    ]);
    let (code, out, err) = env.run(&[
        "new",
        "--template",
        &draft,
        "--save-as-template",
        "my-school",
    ]);
    assert_eq!((code, out.trim()), (0, "my-school"), "{err}");
    let file = env.dir.path().join("config/templates/my-school.toml");
    assert!(err.trim().ends_with("my-school.toml"), "{err}");
    assert!(parse_draft(&fs::read_to_string(&file).unwrap()).is_ok());
    fs::write(
        env.dir.path().join("config/templates/broken.toml"),
        "format = 1\ntitle = [\n",
    )
    .unwrap();
    let (code, out, err) = env.run(&["--lang", "en", "templates"]);
    assert_eq!(code, 0);
    assert!(
        out.lines()
            .any(|l| l.starts_with("my-school") && l.contains("(yours)")),
        "{out}"
    );
    assert!(!out.contains("broken"), "{out}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("broken.toml") && err.contains("line 2"),
        "{err}"
    );
    let id = env.ok(&[
        "new",
        "--template",
        "my-school",
        "--title",
        "二中党总支2026年下半年党建工作总结",
    ]);
    let doc = env.load(&id);
    assert_eq!(doc.organization, "二中党总支");
    assert_eq!(doc.signature.organization, "中共二中党总支");
    assert!(
        doc.preamble.starts_with("2026年下半年，二中党总支"),
        "{}",
        doc.preamble
    );
    let (code, _, err) = env.run(&["new", "--template", "broken"]);
    assert_eq!(code, 2);
    assert!(err.contains("broken.toml"), "{err}");
    // Never replaced.
    let (code, _, err) = env.run(&["new", "--save-as-template", "my-school"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn the_writers_wording_list_extends_the_built_in_one() {
    let env = Env::new();
    let id = env.ok(&["new", "--title", "XX党支部2020年上半年党建工作总结"]);
    let mut doc = env.load(&id);
    doc.preamble = "截止目前，我们深入开展“两学一作”学习教育。".into();
    fs::write(
        env.data().join("drafts").join(format!("{id}.toml")),
        write_draft(&doc),
    )
    .unwrap();
    let wording = |out: &str| out.matches("\"code\":\"wording\"").count();
    let (_, out, _) = env.run(&["check", &id, "--json"]);
    assert_eq!(wording(&out), 1, "{out}");
    fs::create_dir_all(env.dir.path().join("config")).unwrap();
    fs::write(
        env.dir.path().join("config/wording.toml"),
        "[[rule]]\nwrong = \"两学一作\"\nright = \"两学一做\"\nnote = \"专有名词\"\n[[rule]]\nwrong = \"只有错的\"\n",
    )
    .unwrap();
    let (code, out, err) = env.run(&["--lang", "zh", "check", &id, "--json"]);
    assert_eq!(code, 1);
    assert_eq!(wording(&out), 2, "{out}");
    assert!(
        out.contains("“两学一作”应为“两学一做”（专有名词）"),
        "{out}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("wording.toml") && err.contains("rule 2"),
        "{err}"
    );
}
