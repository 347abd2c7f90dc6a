//! `zongjie export --format docx`: the package opens as a zip with the parts
//! Word needs, and its XML holds the GB/T 9704 layout — read back with a
//! zip reader and an XML parser, and checked against the figures of the
//! standard and against the .txt export of the same draft.

mod common;

use common::Env;
use common::docx::{Package, W, body_paragraphs, text_of, w_all, w_attr, w_child};

use std::fs;
use std::path::Path;

const TWIPS_PER_MM: f64 = 1440.0 / 25.4;

/// A draft with every kind of paragraph the layout sets differently.
const DRAFT: &str = r#"format = 1
title = "中共某某市市场监督管理局机关委员会2020年上半年党建工作总结"
preamble = "今年上半年，我局党委……现将有关情况总结如下：\u0007"

[[sections]]
kind = "work"
title = "工作开展情况"
style = "paren"

[[sections.items]]
heading = "坚持强化理论武装"
body = "制定《学习计划》。\n第二段落。"

[[sections.items]]
heading = "思想建设方面？"
body = "内容。"

[[sections]]
kind = "highlights"
title = "主要做法"
style = "arabic"

[[sections.items]]
heading = "建立台账"
body = "逐项落实。"

[[sections]]
kind = "problems"
title = "存在问题"
style = "arabic-paren"
intro = "主要有："

[[sections.items]]
heading = "学习不够深入"
body = "有差距。"

[[sections]]
kind = "next"
title = "下一步工作打算"
style = "ordinal"

[[sections.items]]
heading = "强化学习"
body = "坚持不懈。"

[signature]
organization = "中共某某市市场监督管理局机关委员会"
date = "2020年7月10日"
"#;

fn setup() -> (Env, std::path::PathBuf) {
    let env = Env::new();
    let draft = env.dir.path().join("layout.toml");
    fs::write(&draft, DRAFT).unwrap();
    (env, draft)
}

fn export(env: &Env, draft: &Path, extra: &[&str]) -> Vec<u8> {
    let out = env.dir.path().join("out.docx");
    let _ = fs::remove_file(&out);
    env.cmd()
        .arg("export")
        .arg(draft)
        .arg("-o")
        .arg(&out)
        .args(extra)
        .assert()
        .success();
    fs::read(&out).unwrap()
}

fn txt_lines(env: &Env, draft: &Path) -> Vec<String> {
    let out = env
        .cmd()
        .arg("export")
        .arg(draft)
        .args(["-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn mm(twips: &str) -> f64 {
    twips.parse::<f64>().unwrap() / TWIPS_PER_MM
}

fn int(node: roxmltree::Node, name: &str) -> i64 {
    w_attr(node, name)
        .unwrap_or_else(|| panic!("no w:{name} on {node:?}"))
        .parse()
        .unwrap()
}

/// Fonts of a run: (eastAsia, ascii, hAnsi) and the size in points.
fn run_font(run: roxmltree::Node) -> (String, f64) {
    let fonts = w_child(run, "rFonts").unwrap_or_else(|| panic!("a run without fonts: {run:?}"));
    let east = w_attr(fonts, "eastAsia").unwrap();
    assert_eq!(Some(east), w_attr(fonts, "ascii"), "ascii font of {run:?}");
    assert_eq!(Some(east), w_attr(fonts, "hAnsi"), "hAnsi font of {run:?}");
    let size = int(w_child(run, "sz").expect("w:sz"), "val") as f64 / 2.0;
    (east.to_string(), size)
}

fn text_runs<'a, 'i>(p: roxmltree::Node<'a, 'i>) -> Vec<roxmltree::Node<'a, 'i>> {
    w_all(p, "r")
        .filter(|r| w_child(*r, "t").is_some())
        .collect()
}

#[test]
fn the_package_has_the_parts_word_needs() {
    let (env, draft) = setup();
    let package = Package::open(&export(&env, &draft, &[]));
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/settings.xml",
    ] {
        assert!(package.parts.contains_key(part), "{part} missing");
    }
    // Deflated, as Word writes it (docx-rs alone stores the parts).
    let bytes = export(&env, &draft, &["--force"]);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let document = zip.by_name("word/document.xml").unwrap();
    assert_eq!(document.compression(), zip::CompressionMethod::Deflated);
    drop(document);
    let types = package.xml("[Content_Types].xml");
    let types = roxmltree::Document::parse(&types).unwrap();
    let main_type = types
        .descendants()
        .find(|n| n.attribute("PartName") == Some("/word/document.xml"))
        .and_then(|n| n.attribute("ContentType"));
    assert_eq!(
        main_type,
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    );
    // Every part that is XML parses.
    for (name, bytes) in &package.parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = std::str::from_utf8(bytes).unwrap();
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

#[test]
fn page_margins_and_grid_are_gb_t_9704() {
    let (env, draft) = setup();
    let package = Package::open(&export(&env, &draft, &[]));
    let xml = package.xml("word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let sect = w_child(doc.root(), "sectPr").expect("w:sectPr");
    let size = w_child(sect, "pgSz").unwrap();
    let (width, height) = (w_attr(size, "w").unwrap(), w_attr(size, "h").unwrap());
    assert!((mm(width) - 210.0).abs() < 0.1, "width {width}");
    assert!((mm(height) - 297.0).abs() < 0.1, "height {height}");
    assert_ne!(w_attr(size, "orient"), Some("landscape"));
    let margins = w_child(sect, "pgMar").unwrap();
    for (side, expected) in [
        ("top", 37.0),
        ("bottom", 35.0),
        ("left", 28.0),
        ("right", 26.0),
    ] {
        let value = mm(w_attr(margins, side).unwrap());
        assert!((value - expected).abs() < 0.1, "{side}: {value} mm");
    }
    // The type area, 156 × 225 mm, holds 22 lines of 28 characters.
    let type_width = width.parse::<i64>().unwrap() - int(margins, "left") - int(margins, "right");
    let type_height = height.parse::<i64>().unwrap() - int(margins, "top") - int(margins, "bottom");
    assert!((type_width as f64 / TWIPS_PER_MM - 156.0).abs() < 0.2);
    assert!((type_height as f64 / TWIPS_PER_MM - 225.0).abs() < 0.2);
    let grid = w_child(sect, "docGrid").unwrap();
    assert_eq!(w_attr(grid, "type"), Some("linesAndChars"));
    let pitch = int(grid, "linePitch");
    assert!(
        pitch * 22 <= type_height && pitch * 23 > type_height,
        "linePitch {pitch}"
    );
    // Word's character pitch: Normal's size plus charSpace (1/4096 pt).
    let styles = package.xml("word/styles.xml");
    let styles = roxmltree::Document::parse(&styles).unwrap();
    let normal = styles
        .descendants()
        .find(|n| n.tag_name().name() == "style" && w_attr(*n, "styleId") == Some("Normal"))
        .expect("a Normal style");
    let normal_pt = int(w_child(normal, "sz").expect("Normal has a size"), "val") as f64 / 2.0;
    assert_eq!(normal_pt, 16.0);
    let char_pt = normal_pt + int(grid, "charSpace") as f64 / 4096.0;
    let line_pt = type_width as f64 / 20.0;
    assert!(
        char_pt * 28.0 <= line_pt && char_pt * 29.0 > line_pt,
        "char pitch {char_pt} pt"
    );
}

#[test]
fn fonts_sizes_and_indents_follow_the_levels() {
    let (env, draft) = setup();
    let package = Package::open(&export(&env, &draft, &[]));
    let xml = package.xml("word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let paragraphs: Vec<_> = body_paragraphs(&doc)
        .into_iter()
        .filter(|p| !text_of(*p).is_empty())
        .collect();
    // The same paragraphs, in the same order, as the .txt export; the
    // control character of the preamble is left out of the XML.
    let expected: Vec<String> = txt_lines(&env, &draft)
        .into_iter()
        .map(|l| l.replace('\u{7}', ""))
        .collect();
    let texts: Vec<String> = paragraphs.iter().map(|p| text_of(*p)).collect();
    assert_eq!(texts, expected);

    let grid = w_child(doc.root(), "docGrid").unwrap();
    let char_twips = (16.0 + int(grid, "charSpace") as f64 / 4096.0) * 20.0;
    let count = paragraphs.len();
    for (i, p) in paragraphs.iter().enumerate() {
        let text = &texts[i];
        let runs = text_runs(*p);
        let fonts: Vec<(String, f64)> = runs.iter().map(|r| run_font(*r)).collect();
        let jc = w_child(*p, "jc").and_then(|j| w_attr(j, "val"));
        let ind = w_child(*p, "ind");
        let chars = |name: &str| {
            ind.and_then(|n| w_attr(n, name))
                .map_or(0.0, |v| v.parse::<f64>().unwrap() / char_twips)
        };
        if i == 0 {
            // The title: 2号 方正小标宋简体, centred, off the grid, two lines
            // broken before the period.
            assert!(
                fonts.iter().all(|f| *f == ("方正小标宋简体".into(), 22.0)),
                "{fonts:?}"
            );
            assert_eq!(jc, Some("center"));
            let snap = w_child(*p, "snapToGrid").and_then(|s| w_attr(s, "val"));
            assert!(matches!(snap, Some("false" | "0")), "title on the grid");
            assert_eq!(w_all(*p, "br").count(), 1, "a two-line title");
            assert_eq!(text_of(runs[1]), "2020年上半年党建工作总结");
            continue;
        }
        // No widow control on the grid: a full page is 22 lines.
        let widow = w_child(*p, "widowControl").and_then(|w| w_attr(w, "val"));
        assert!(
            matches!(widow, Some("0" | "false")),
            "{text}: widow control"
        );
        if i >= count - 2 {
            // Signature and date: right-aligned, two and four characters in.
            assert_eq!(jc, Some("right"), "{text}");
            let expected_in = if i == count - 1 { 4.0 } else { 2.0 };
            assert!(
                (chars("right") - expected_in).abs() < 0.02,
                "{text}: {}",
                chars("right")
            );
            assert!(fonts.iter().all(|f| *f == ("仿宋_GB2312".into(), 16.0)));
            continue;
        }
        assert!(
            (chars("firstLine") - 2.0).abs() < 0.02,
            "{text}: first line indent"
        );
        assert!(fonts.iter().all(|f| f.1 == 16.0), "{text}: {fonts:?}");
        let expected_fonts: Vec<(&str, &str)> = if text.starts_with(['一', '二', '三', '四'])
            && text.contains('、')
            && text.chars().nth(1) == Some('、')
        {
            vec![(text.as_str(), "黑体")]
        } else if text.starts_with('（') && !text.starts_with("（1") {
            let stop = text.find(['。', '？']).unwrap() + '。'.len_utf8();
            vec![
                (&text[..stop], "楷体_GB2312"),
                (&text[stop..], "仿宋_GB2312"),
            ]
        } else {
            vec![(text.as_str(), "仿宋_GB2312")]
        };
        let actual: Vec<(String, String)> = runs
            .iter()
            .zip(&fonts)
            .map(|(r, f)| (text_of(*r), f.0.clone()))
            .collect();
        let expected_fonts: Vec<(String, String)> = expected_fonts
            .into_iter()
            .filter(|(t, _)| !t.is_empty())
            .map(|(t, f)| (t.to_string(), f.to_string()))
            .collect();
        assert_eq!(actual, expected_fonts, "{text}");
    }
}

#[test]
fn page_numbers_odd_right_even_left() {
    let (env, draft) = setup();
    let package = Package::open(&export(&env, &draft, &[]));
    let settings = package.xml("word/settings.xml");
    let settings = roxmltree::Document::parse(&settings).unwrap();
    assert!(w_child(settings.root(), "evenAndOddHeaders").is_some());
    let xml = package.xml("word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let rels = package.xml("word/_rels/document.xml.rels");
    let rels = roxmltree::Document::parse(&rels).unwrap();
    let mut seen = Vec::new();
    for reference in w_all(doc.root(), "footerReference") {
        let kind = w_attr(reference, "type").unwrap();
        let id = reference
            .attribute((
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                "id",
            ))
            .unwrap();
        let target = rels
            .descendants()
            .find(|n| n.attribute("Id") == Some(id))
            .and_then(|n| n.attribute("Target"))
            .unwrap();
        let footer = package.xml(&format!("word/{target}"));
        let footer = roxmltree::Document::parse(&footer).unwrap();
        let p = w_child(footer.root(), "p").unwrap();
        let instr: String = w_all(p, "instrText").filter_map(|t| t.text()).collect();
        assert_eq!(instr.trim(), "PAGE");
        // "— N —": a dash each side of the field's result.
        assert_eq!(text_of(p), "— 1 —");
        for run in text_runs(p) {
            assert_eq!(run_font(run), ("宋体".into(), 14.0));
        }
        let jc = w_child(p, "jc").and_then(|j| w_attr(j, "val"));
        let ind = w_child(p, "ind").unwrap();
        let (side, align) = match kind {
            "default" => ("right", "right"),
            "even" => ("left", "left"),
            other => panic!("unexpected footer {other}"),
        };
        assert_eq!(jc, Some(align), "{kind} footer");
        // One 4号 character in from the edge.
        assert_eq!(int(ind, side), 14 * 20, "{kind} footer");
        seen.push(kind.to_string());
    }
    seen.sort();
    assert_eq!(seen, ["default", "even"]);
    let _ = W;
}

#[test]
fn fonts_come_from_config() {
    let (env, draft) = setup();
    let config = env.dir.path().join("config");
    fs::create_dir_all(&config).unwrap();
    fs::write(
        config.join("config.toml"),
        "[docx]\nbody_font = \"仿宋\"\nlevel2_font = \"楷体\"\ntitle_font = \"宋体\"\n",
    )
    .unwrap();
    let package = Package::open(&export(&env, &draft, &[]));
    let xml = package.xml("word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let fonts: Vec<String> = w_all(doc.root(), "r")
        .filter(|r| w_child(*r, "t").is_some())
        .map(|r| run_font(r).0)
        .collect();
    assert!(fonts.contains(&"仿宋".to_string()) && fonts.contains(&"楷体".to_string()));
    assert!(fonts.contains(&"宋体".to_string()) && fonts.contains(&"黑体".to_string()));
    assert!(
        !fonts
            .iter()
            .any(|f| f.ends_with("_GB2312") || f == "方正小标宋简体"),
        "{fonts:?}"
    );
}

fn is_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") && Package::open(bytes).parts.contains_key("word/document.xml")
}

/// A failing export: non-zero exit, one line on stderr naming `needle`,
/// nothing on stdout, the stored draft and `file` (if any) unchanged.
fn assert_refused(env: &Env, draft: &Path, args: &[&str], needle: &str, file: &Path) {
    let draft_before = fs::read(draft).unwrap();
    let file_before = fs::read(file).ok();
    let out = env
        .cmd()
        .arg("export")
        .arg(draft)
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} succeeded");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(needle), "{needle} in {stderr}");
    assert!(out.stdout.is_empty());
    assert_eq!(fs::read(draft).unwrap(), draft_before);
    assert_eq!(fs::read(file).ok(), file_before);
}

#[test]
fn the_format_comes_from_the_flag_or_the_extension() {
    let (env, draft) = setup();
    let dir = env.dir.path();
    // --format docx without -o: <name>.docx beside, its path on stderr.
    let out = env
        .cmd()
        .arg("export")
        .arg(&draft)
        .args(["--format", "docx"])
        .output()
        .unwrap();
    assert!(out.status.success());
    // The path written is the last line (a warning about placeholders left
    // may come before it).
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().last(), Some("layout.docx"), "{stderr}");
    assert!(is_docx(&fs::read(dir.join("layout.docx")).unwrap()));
    // A .docx name (any case) is enough.
    env.cmd()
        .arg("export")
        .arg(&draft)
        .args(["-o", "Upper.DOCX"])
        .assert()
        .success();
    assert!(is_docx(&fs::read(dir.join("Upper.DOCX")).unwrap()));
    // An explicit --format wins over the name; txt stays the default.
    env.cmd()
        .arg("export")
        .arg(&draft)
        .args(["--format", "txt", "-o", "text.docx"])
        .assert()
        .success();
    let text = fs::read_to_string(dir.join("text.docx")).unwrap();
    assert_eq!(text.lines().collect::<Vec<_>>(), txt_lines(&env, &draft));
    env.cmd().arg("export").arg(&draft).assert().success();
    assert!(fs::read_to_string(dir.join("layout.txt")).is_ok());
    // To a pipe, the package goes to standard output as is.
    let out = env
        .cmd()
        .arg("export")
        .arg(&draft)
        .args(["--format", "docx", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(is_docx(&out.stdout));
}

#[test]
fn refusals_leave_every_file_as_it_was() {
    let (env, draft) = setup();
    let target = env.dir.path().join("summary.docx");
    fs::write(&target, "someone's file").unwrap();
    assert_refused(&env, &draft, &["-o", "summary.docx"], "--force", &target);
    for flag in [
        &["--indent"][..],
        &["--crlf"],
        &["--blank-lines"],
        &["--width", "40"],
        &["--encoding", "gb18030"],
    ] {
        let mut args = vec!["--format", "docx", "-o", "new.docx"];
        args.extend_from_slice(flag);
        assert_refused(
            &env,
            &draft,
            &args,
            flag[0],
            &env.dir.path().join("new.docx"),
        );
    }
    // A damaged draft is reported as for .txt, and nothing is written.
    let damaged = env.dir.path().join("damaged.toml");
    fs::write(&damaged, "format = 1\ntitle = 3\n").unwrap();
    let nothing = env.dir.path().join("damaged.docx");
    assert_refused(
        &env,
        &damaged,
        &["-o", "damaged.docx"],
        "damaged.toml",
        &nothing,
    );
    // Never into the data directory's own files, not even with --force.
    env.cmd().args(["new", "--id", "kept"]).assert().success();
    let kept = env.data().join("drafts").join("kept.toml");
    let kept_arg = kept.to_string_lossy().into_owned();
    assert_refused(
        &env,
        &kept,
        &["--format", "docx", "--force", "-o", &kept_arg],
        "kept.toml",
        &kept,
    );
    let missing_dir = env.dir.path().join("no/such/dir/x.docx");
    let arg = missing_dir.to_string_lossy().into_owned();
    assert_refused(&env, &draft, &["-o", &arg], "x.docx", &missing_dir);
    // With --force the file is replaced, atomically: no temporary file is left.
    env.cmd()
        .arg("export")
        .arg(&draft)
        .args(["-o", "summary.docx", "--force"])
        .assert()
        .success();
    assert!(is_docx(&fs::read(&target).unwrap()));
    let leftovers: Vec<_> = fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
