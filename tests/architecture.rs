//! The shape of the code, checked (issue 21; docs/architecture.md says why):
//!
//! - imports run one way between the folders of `src/` (top-level modules):
//!   no cycle, and on failure the cycle is printed with the files and the
//!   paths that tie it;
//! - inside a folder, files use each other one way too (`mod.rs` counted as a
//!   file of its own; a `pub use` re-export is the folder's front door, and
//!   a visibility such as `pub(in crate::app)` is not a use);
//! - no file under `src/` is longer than 600 lines unless a `//! Long
//!   because …` line near its top says why.
//!
//! The scanner reads the sources itself (`architecture/scan.rs`), so the
//! check needs no tool beyond the test; the tests at the bottom feed it a
//! made-up crate with a cycle and a long file to show that it can fail.

mod architecture {
    pub mod scan;
}

use architecture::scan::{self, Use};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The layers of docs/architecture.md, bottom first: a folder imports only
/// from layers below its own.
const LAYERS: &[&[&str]] = &[
    &["document", "lang", "sanitize"],
    &["storage", "check", "plain_text", "tui"],
    &["templates", "diff", "docx", "layout"],
    &["i18n"],
    &["settings"],
    &["app", "cli"],
    &["ui"],
    &["run"],
];

/// Longest a source file may be without a written reason.
const MAX_LINES: usize = 600;

/// How a long file says why it is long: a line of its leading `//!` docs.
const LONG_BECAUSE: &str = "//! Long because";

#[test]
fn folders_import_one_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The layers as found, for `cargo test --test architecture -- --nocapture`.
    for (from, to) in folder_graph(root) {
        println!(
            "{from:>10} → {}",
            to.into_iter().collect::<Vec<_>>().join(", ")
        );
    }
    if let Some(report) = folder_cycles(root) {
        panic!("{report}");
    }
}

#[test]
fn folders_import_only_from_layers_below() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Some(report) = layer_breaches(root, LAYERS) {
        panic!("{report}");
    }
}

#[test]
fn files_inside_a_folder_import_one_way() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Some(report) = file_cycles(root) {
        panic!("{report}");
    }
}

#[test]
fn the_design_pages_the_code_cites_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        root.join("docs/architecture.md").is_file(),
        "docs/architecture.md is missing"
    );
    if let Some(report) = broken_doc_references(root) {
        panic!("{report}");
    }
}

#[test]
fn long_files_say_why() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Some(report) = long_files(root) {
        panic!("{report}");
    }
}

/// The folder (top-level module) a file belongs to: `src/app/editor.rs` →
/// `app`, `src/run.rs` → `run`; `None` for `lib.rs`.
fn folder(rel: &str) -> Option<&str> {
    let inner = rel.strip_prefix("src/")?;
    let first = inner.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then_some(name)
}

/// Which folders each folder uses.
fn folder_graph(root: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for u in scan::uses(&scan::read_crate(root)) {
        if let (Some(a), Some(b)) = (folder(&u.from), folder(&u.to)) {
            let used = graph.entry(a.to_string()).or_default();
            if a != b {
                used.insert(b.to_string());
            }
        }
    }
    graph
}

/// A report of the folders with no layer and of the uses of a folder in
/// the same layer or above, with the files and paths; `None` when clean.
fn layer_breaches(root: &Path, layers: &[&[&str]]) -> Option<String> {
    let layer_of = |folder: &str| layers.iter().position(|l| l.contains(&folder));
    let mut report = String::new();
    let files = scan::read_crate(root);
    let mut folders: BTreeSet<&str> = files.iter().filter_map(|f| folder(&f.rel)).collect();
    folders.retain(|f| layer_of(f).is_none());
    for f in folders {
        report.push_str(&format!(
            "src/{f} has no layer: give it one in LAYERS (tests/architecture.rs) and in docs/architecture.md\n"
        ));
    }
    for u in scan::uses(&files) {
        let (Some(a), Some(b)) = (folder(&u.from), folder(&u.to)) else {
            continue;
        };
        if let (Some(la), Some(lb)) = (layer_of(a), layer_of(b))
            && a != b
            && lb >= la
        {
            report.push_str(&format!(
                "{a} (layer {la}) uses {b} (layer {lb}): {} uses {} ({})\n",
                u.from, u.path, u.to
            ));
        }
    }
    (!report.is_empty()).then_some(report)
}

/// A report of the cycles between folders, or `None` when there is none.
fn folder_cycles(root: &Path) -> Option<String> {
    let files = scan::read_crate(root);
    let mut edges: BTreeMap<(String, String), Vec<Use>> = BTreeMap::new();
    for u in scan::uses(&files) {
        let (Some(a), Some(b)) = (folder(&u.from), folder(&u.to)) else {
            continue;
        };
        if a != b {
            edges
                .entry((a.to_string(), b.to_string()))
                .or_default()
                .push(u.clone());
        }
    }
    report_cycles("folders", &edges)
}

/// A report of the cycles between files of one folder, or `None`.
fn file_cycles(root: &Path) -> Option<String> {
    let files = scan::read_crate(root);
    let mut edges: BTreeMap<(String, String), Vec<Use>> = BTreeMap::new();
    for u in scan::uses(&files) {
        let (Some(a), Some(b)) = (folder(&u.from), folder(&u.to)) else {
            continue;
        };
        if a == b {
            edges
                .entry((u.from.clone(), u.to.clone()))
                .or_default()
                .push(u.clone());
        }
    }
    report_cycles("files", &edges)
}

/// One cycle per strongly connected group of `edges`, each step with the
/// files and paths that make it; `None` when the graph has no cycle.
fn report_cycles(what: &str, edges: &BTreeMap<(String, String), Vec<Use>>) -> Option<String> {
    let mut next: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        next.entry(a.as_str()).or_default().insert(b.as_str());
    }
    let mut seen_groups: BTreeSet<BTreeSet<&str>> = BTreeSet::new();
    let mut report = String::new();
    for &start in next.keys() {
        let Some(cycle) = shortest_cycle(&next, start) else {
            continue;
        };
        let group: BTreeSet<&str> = cycle.iter().copied().collect();
        if seen_groups
            .iter()
            .any(|g| g.is_superset(&group) || group.is_superset(g))
        {
            continue;
        }
        seen_groups.insert(group);
        report.push_str(&format!("cycle between {what}: {}\n", cycle.join(" → ")));
        for pair in cycle.windows(2) {
            let uses = &edges[&(pair[0].to_string(), pair[1].to_string())];
            report.push_str(&format!("  {} → {}:\n", pair[0], pair[1]));
            for u in uses.iter().take(4) {
                report.push_str(&format!("    {} uses {} ({})\n", u.from, u.path, u.to));
            }
            if uses.len() > 4 {
                report.push_str(&format!("    … and {} more\n", uses.len() - 4));
            }
        }
    }
    (!report.is_empty()).then_some(report)
}

/// The shortest path from `start` back to itself, both ends included.
fn shortest_cycle<'a>(
    next: &BTreeMap<&'a str, BTreeSet<&'a str>>,
    start: &'a str,
) -> Option<Vec<&'a str>> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &to in next.get(node).into_iter().flatten() {
            if to == start {
                let mut path = vec![node];
                while let Some(&before) = came_from.get(path[path.len() - 1]) {
                    path.push(before);
                }
                path.reverse();
                path.push(start);
                return Some(path);
            }
            if to != start && !came_from.contains_key(to) {
                came_from.insert(to, node);
                queue.push_back(to);
            }
        }
    }
    None
}

/// A report of the files over `MAX_LINES` lines with no reason at their top.
fn long_files(root: &Path) -> Option<String> {
    let mut report = String::new();
    for (rel, text) in scan::read_files(root, "src", "rs") {
        let lines = text.lines().count();
        let says_why = text
            .lines()
            .take_while(|l| l.starts_with("//!") || l.trim().is_empty())
            .any(|l| l.starts_with(LONG_BECAUSE));
        if lines > MAX_LINES && !says_why {
            report.push_str(&format!(
                "{rel}: {lines} lines (over {MAX_LINES}); split it by meaning, or say why at its top with a `{LONG_BECAUSE} …` line\n"
            ));
        }
    }
    (!report.is_empty()).then_some(report)
}

/// A report of the `docs/….md` citations in `src/` and `tests/` whose page
/// or quoted heading (the page, then `, "Heading"`) is missing, and of the
/// relative links between docs pages that lead nowhere.
fn broken_doc_references(root: &Path) -> Option<String> {
    let mut report = String::new();
    let sources = ["src", "tests"].map(|dir| scan::read_files(root, dir, "rs"));
    for (rel, text) in sources.iter().flatten() {
        // Citations are in comments, which wrap lines: read the comment
        // lines joined, without their marks.
        let joined: String = text
            .lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .map(|l| {
                l.trim_start()
                    .trim_start_matches("//!")
                    .trim_start_matches("///")
                    .trim_start_matches("//")
            })
            .collect::<Vec<_>>()
            .join(" ");
        let mut rest = joined.as_str();
        while let Some(at) = rest.find("docs/") {
            rest = &rest[at..];
            let end = rest.find(".md").map(|e| e + 3);
            let Some(end) = end.filter(|&e| {
                rest[..e]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "/-_.".contains(c))
            }) else {
                rest = &rest[5..];
                continue;
            };
            let page = &rest[..end];
            let heading = rest[end..]
                .strip_prefix(", \"")
                .and_then(|h| h.split('"').next());
            match fs::read_to_string(root.join(page)) {
                Err(_) => report.push_str(&format!("{rel}: cites {page}, which does not exist\n")),
                Ok(doc) => {
                    if let Some(h) = heading
                        && !doc
                            .lines()
                            .any(|l| l.starts_with('#') && l.trim_start_matches('#').trim() == h)
                    {
                        report.push_str(&format!(
                            "{rel}: cites \"{h}\" in {page}, which has no such heading\n"
                        ));
                    }
                }
            }
            rest = &rest[end..];
        }
    }
    for (rel, text) in scan::read_files(root, "docs", "md") {
        let page = root.join(&rel);
        for link in text.split("](").skip(1) {
            let target = link.split(')').next().unwrap_or("");
            let target = target.split('#').next().unwrap_or("");
            if target.is_empty() || target.contains("://") {
                continue;
            }
            if !page.parent().unwrap().join(target).exists() {
                report.push_str(&format!("{rel}: links to {target}, which does not exist\n"));
            }
        }
    }
    (!report.is_empty()).then_some(report)
}

/// A made-up crate in a temporary directory: `(path, text)` pairs.
fn made_up_crate(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (path, text) in files {
        let full = dir.path().join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    }
    dir
}

#[test]
fn a_cycle_between_folders_is_reported_with_its_files_and_paths() {
    let dir = made_up_crate(&[
        ("src/lib.rs", "pub mod a;\npub mod b;\npub mod c;\n"),
        ("src/a/mod.rs", "mod inner;\npub use inner::Thing;\n"),
        (
            "src/a/inner.rs",
            "use crate::b::{Other, more::{Deep as D}};\npub struct Thing;\n",
        ),
        (
            "src/b/mod.rs",
            "pub mod more;\npub struct Other;\npub fn f() { let _ = crate::a::Thing; }\n",
        ),
        ("src/b/more.rs", "pub struct Deep;\n"),
        ("src/c.rs", "use crate::a::Thing;\n"),
    ]);
    let report = folder_cycles(dir.path()).expect("the cycle a → b → a is found");
    assert!(
        report.contains("cycle between folders: a → b → a"),
        "{report}"
    );
    // The re-export in a/mod.rs is followed down to the file that defines Thing.
    assert!(
        report.contains("src/b/mod.rs uses crate::a::Thing (src/a/inner.rs)"),
        "{report}"
    );
    assert!(
        report.contains("src/a/inner.rs uses crate::b::more::Deep (src/b/more.rs)"),
        "{report}"
    );
    assert!(
        report.contains("src/a/inner.rs uses crate::b::Other (src/b/mod.rs)"),
        "{report}"
    );
    assert!(
        !report.contains("c →") && !report.contains("→ c"),
        "c is in no cycle: {report}"
    );
}

#[test]
fn a_use_of_a_layer_above_or_alongside_is_reported() {
    let dir = made_up_crate(&[
        (
            "src/lib.rs",
            "pub mod low;\npub mod mid;\npub mod high;\npub mod loose;\n",
        ),
        ("src/low.rs", "pub fn f() { crate::high::g(); }\n"),
        (
            "src/mid.rs",
            "use crate::low::f;\npub fn h() { crate::loose::k(); }\n",
        ),
        ("src/high.rs", "pub fn g() { crate::mid::h(); }\n"),
        ("src/loose.rs", "pub fn k() {}\n"),
    ]);
    let report = layer_breaches(dir.path(), &[&["low"], &["mid", "loose"], &["high"]])
        .expect("low's use of high and mid's of loose are found");
    assert!(
        report.contains(
            "low (layer 0) uses high (layer 2): src/low.rs uses crate::high::g (src/high.rs)"
        ),
        "{report}"
    );
    assert!(
        report.contains("mid (layer 1) uses loose (layer 1)"),
        "{report}"
    );
    assert_eq!(report.lines().count(), 2, "{report}");
    let unknown = layer_breaches(dir.path(), &[&["low"], &["mid"], &["high"]]).unwrap();
    assert!(unknown.contains("src/loose has no layer"), "{unknown}");
}

#[test]
fn a_cycle_inside_a_folder_is_reported() {
    let dir = made_up_crate(&[
        ("src/lib.rs", "pub mod a;\n"),
        (
            "src/a/mod.rs",
            "mod x;\nmod y;\npub struct Top;\nfn g() { x::f(); }\n",
        ),
        ("src/a/x.rs", "use super::y::Why;\npub fn f() {}\n"),
        ("src/a/y.rs", "pub struct Why(super::Top);\n"),
    ]);
    let report = file_cycles(dir.path()).expect("the cycle mod.rs → x → y → mod.rs is found");
    assert!(
        report
            .contains("cycle between files: src/a/mod.rs → src/a/x.rs → src/a/y.rs → src/a/mod.rs"),
        "{report}"
    );
    assert!(
        report.contains("src/a/y.rs uses crate::a::Top (src/a/mod.rs)"),
        "{report}"
    );
}

/// Which file uses which, in the crate at `root`.
fn file_uses(root: &Path) -> Vec<(String, String)> {
    scan::uses(&scan::read_crate(root))
        .into_iter()
        .map(|u| (u.from, u.to))
        .collect()
}

#[test]
fn a_re_export_is_a_front_door_not_a_use() {
    let dir = made_up_crate(&[
        ("src/lib.rs", "pub mod a;\n"),
        (
            "src/a/mod.rs",
            "mod x;\nmod y;\npub use x::Ex;\npub(crate) use y::{Why as W};\npub struct Top;\n",
        ),
        ("src/a/x.rs", "pub struct Ex(super::Top, super::W);\n"),
        ("src/a/y.rs", "pub struct Why;\n"),
    ]);
    // x uses mod.rs's Top, and y's Why through mod.rs: mod.rs only opens the door.
    let used = file_uses(dir.path());
    assert_eq!(
        used,
        [
            ("src/a/x.rs".to_string(), "src/a/mod.rs".to_string()),
            ("src/a/x.rs".to_string(), "src/a/y.rs".to_string())
        ]
    );
    assert_eq!(file_cycles(dir.path()), None);
}

#[test]
fn a_visibility_with_a_path_is_not_a_use() {
    let dir = made_up_crate(&[
        ("src/lib.rs", "pub mod a;\n"),
        (
            "src/a/mod.rs",
            "mod x;\npub struct Top;\nfn g() { x::f(); }\n",
        ),
        (
            "src/a/x.rs",
            "pub(in crate::a) fn f() {}\npub(crate) fn h() {}\n",
        ),
    ]);
    let used = file_uses(dir.path());
    assert_eq!(
        used,
        [("src/a/mod.rs".to_string(), "src/a/x.rs".to_string())]
    );
}

#[test]
fn test_code_strings_and_comments_tie_no_folders() {
    let dir = made_up_crate(&[
        ("src/lib.rs", "pub mod a;\npub mod b;\n"),
        ("src/a.rs", "pub fn f() { crate::b::g(); }\n"),
        (
            "src/b/mod.rs",
            concat!(
                "#[cfg(test)]\nmod tests;\n",
                "#[cfg(test)]\nmod inline { use crate::a::f; }\n",
                "// crate::a::f\n/* crate::a::f */\n",
                "pub fn g() { let _ = \"crate::a::f\"; let _ = r#\"crate::a::f\"#; let _c = 'c'; }\n",
                "fn h<'a>(s: &'a str) -> &'a str { s }\n",
            ),
        ),
        ("src/b/tests.rs", "use crate::a::f;\n"),
    ]);
    assert_eq!(folder_cycles(dir.path()), None);
}

#[test]
fn a_long_file_needs_a_reason_at_its_top() {
    let body = "fn f() {}\n".repeat(MAX_LINES);
    let with_reason = format!("//! A table.\n//! Long because it is one table.\n{body}");
    let dir = made_up_crate(&[
        ("src/lib.rs", "mod long;\nmod reasoned;\n"),
        ("src/long.rs", &format!("//! A module.\n{body}")),
        ("src/reasoned.rs", &with_reason),
    ]);
    let report = long_files(dir.path()).expect("the long file is reported");
    assert!(report.contains("src/long.rs: 601 lines"), "{report}");
    assert!(!report.contains("reasoned"), "{report}");
}

#[test]
fn a_citation_of_a_missing_page_or_heading_is_reported() {
    let dir = made_up_crate(&[
        (
            "docs/a.md",
            "# A\n\n## Here\n\nSee [b](b.md) and [a](a.md#here).\n",
        ),
        (
            "src/lib.rs",
            "//! See docs/a.md, \"Here\", docs/a.md, \"Gone\" and\n//! docs/none.md.\n",
        ),
    ]);
    let report = broken_doc_references(dir.path()).expect("the broken references are found");
    assert!(
        report.contains("src/lib.rs: cites \"Gone\" in docs/a.md"),
        "{report}"
    );
    assert!(
        report.contains("src/lib.rs: cites docs/none.md"),
        "{report}"
    );
    assert!(report.contains("docs/a.md: links to b.md"), "{report}");
    assert!(!report.contains("\"Here\""), "{report}");
    assert_eq!(report.lines().count(), 3, "{report}");
}
