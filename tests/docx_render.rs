//! A real renderer reads the .docx: LibreOffice converts the export of every
//! corpus document to PDF, and poppler's pdftotext reads it back. The text
//! must be the .txt export's (whitespace aside), every page numbered
//! "— N —", and every full page 22 lines. LibreOffice and poppler-utils are
//! required (`.ci/run` installs them): without them this test fails.

mod common;

use common::Env;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn require(tool: &str, package: &str) -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(tool))
            .find(|p| p.is_file())
    });
    found.unwrap_or_else(|| {
        panic!("`{tool}` is missing: install the Debian package {package} (.ci/run does)")
    })
}

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus in {}", dir.display());
    files
}

/// Every corpus document as `<name>.txt` and `<name>.docx` in `out`.
fn export_corpus(env: &Env, out: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for file in corpus() {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        env.cmd()
            .arg("import")
            .arg(&file)
            .args(["--id", &name])
            .assert()
            .success();
        for format in ["txt", "docx"] {
            env.cmd()
                .args(["export", &name, "-o"])
                .arg(out.join(format!("{name}.{format}")))
                .assert()
                .success();
        }
        names.push(name);
    }
    names
}

/// All the .docx files to PDF in one LibreOffice run, with a profile of its
/// own so that parallel runs never share one.
fn convert_to_pdf(soffice: &Path, dir: &Path, names: &[String]) {
    let profile = dir.join("lo-profile");
    let mut child = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .args(names.iter().map(|n| dir.join(format!("{n}.docx"))))
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start soffice");
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "soffice failed: {status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("soffice did not finish converting within 180 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn pdftotext(tool: &Path, pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(["-layout", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8(out.stdout).unwrap()
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn libreoffice_renders_the_corpus_as_the_txt_export() {
    let soffice = require("soffice", "libreoffice-writer-nogui");
    let pdftotext_tool = require("pdftotext", "poppler-utils");
    let env = Env::new();
    let out = env.dir.path().join("out");
    fs::create_dir_all(&out).unwrap();
    let names = export_corpus(&env, &out);
    convert_to_pdf(&soffice, &out, &names);
    let mut full_pages = 0;
    for name in &names {
        let pdf = out.join(format!("{name}.pdf"));
        assert!(pdf.is_file(), "LibreOffice wrote no {}", pdf.display());
        let text = pdftotext(&pdftotext_tool, &pdf);
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert!(pages.len() >= 3, "{name}: {} pages", pages.len());
        let mut body = String::new();
        for (i, page) in pages.iter().enumerate() {
            let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
            // The page number closes the page: "— N —".
            let number = lines.pop().map(squeeze);
            assert_eq!(
                number,
                Some(format!("—{}—", i + 1)),
                "{name}, page {}",
                i + 1
            );
            if i > 0 && i + 1 < pages.len() {
                assert_eq!(
                    lines.len(),
                    22,
                    "{name}, page {}:\n{}",
                    i + 1,
                    lines.join("\n")
                );
                full_pages += 1;
            }
            for line in lines {
                body.push_str(line);
            }
        }
        let txt = fs::read_to_string(out.join(format!("{name}.txt"))).unwrap();
        assert_eq!(squeeze(&body), squeeze(&txt), "{name}: the PDF's text");
    }
    assert!(full_pages > 0);
}
