//! The acceptance test of import (docs/design/export-import.md, "Import"):
//! every real document of the corpus as it was received (copies in
//! `tests/corpus/raw`), and a generated benchmark document (a copy in
//! `tests/bench_docs`), imported and exported again give back the original
//! text from its title line on, byte for byte after the stated
//! normalisations (blank lines, indentation and trailing whitespace
//! dropped).

use std::fs;
use std::path::{Path, PathBuf};

use zongjie::document::{Document, NumberingStyle, SectionKind, chinese_numeral};
use zongjie::plain_text::{
    ExportOptions, ImportError, TextEncoding, Warning, encode, export_text, import_bytes,
};

/// A folder of documents shipped with the tests; its absence fails.
fn fixtures(dir: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    assert!(
        path.is_dir(),
        "{} is missing: the test documents ship with the repository",
        path.display()
    );
    path
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The lines as the export writes them: no indentation, no trailing
/// whitespace, no blank lines, `\n` after each.
fn normalised(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect()
}

/// Lines opening section 一、, 二、, … in order, by a plain scan.
fn section_lines(lines: &[&str]) -> Vec<usize> {
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line
            .trim()
            .starts_with(&format!("{}、", chinese_numeral(found.len() as u64 + 1)))
        {
            found.push(i);
        }
    }
    found
}

fn export(doc: &Document) -> String {
    export_text(doc, &ExportOptions::default())
}

#[test]
fn corpus_round_trips_from_the_title_on() {
    let dir = fixtures("corpus/raw");
    let files = txt_files(&dir);
    assert!(!files.is_empty(), "no corpus files in {}", dir.display());
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = fs::read(&path).unwrap();
        let imported = import_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let doc = &imported.document;
        let text = String::from_utf8(bytes).unwrap();
        let lines: Vec<&str> = text.lines().collect();

        // Every title of the genre names itself a 总结; the lines above are
        // advertising, which goes to the notes with a warning.
        let title_at = lines.iter().position(|l| l.contains("总结")).unwrap();
        assert_eq!(doc.title, lines[title_at].trim(), "{name}");
        assert_eq!(
            export(doc),
            normalised(&lines[title_at..]),
            "{name}: export differs"
        );
        let above = lines[..title_at].join("\n");
        assert_eq!(doc.notes, above.trim_matches('\n'), "{name}: notes");
        let warned = imported
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::LinesAboveTitle { .. }));
        assert_eq!(
            warned,
            !doc.notes.is_empty(),
            "{name}: {:?}",
            imported.warnings
        );

        // The structure, checked against a plain scan of the file.
        let body = &lines[title_at..];
        let starts = section_lines(body);
        assert_eq!(doc.sections.len(), starts.len(), "{name}");
        for (k, section) in doc.sections.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(body.len());
            let paren_lines = body[starts[k] + 1..end]
                .iter()
                .filter(|l| l.trim_start().starts_with('（'))
                .count();
            if section.style == NumberingStyle::Paren {
                assert_eq!(
                    section.items.len(),
                    paren_lines,
                    "{name}: {}",
                    section.title
                );
            }
            assert_eq!(section.kind, SectionKind::classify(&section.title));
            for item in &section.items {
                assert!(item.heading.chars().count() <= 40, "{name}: {item:?}");
                if section.style == NumberingStyle::Paren {
                    assert!(!item.heading.is_empty(), "{name}: {item:?}");
                }
            }
        }
        let kinds: Vec<SectionKind> = doc.sections.iter().map(|s| s.kind).collect();
        assert!(kinds.contains(&SectionKind::Next), "{name}: {kinds:?}");
    }
}

/// The generated documents of the benchmark: sections past 十、, items past
/// （十）, an ordinal-inline 存在问题 section with an intro, a signature.
#[test]
fn benchmark_documents_round_trip() {
    let dir = fixtures("bench_docs");
    let files = txt_files(&dir);
    assert!(!files.is_empty(), "no documents in {}", dir.display());
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = fs::read(&path).unwrap();
        let imported = import_bytes(&bytes).unwrap();
        let doc = &imported.document;
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            export(doc),
            normalised(&text.lines().collect::<Vec<_>>()),
            "{name}"
        );
        assert!(
            imported.warnings.is_empty(),
            "{name}: {:?}",
            imported.warnings
        );

        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(doc.title, lines[0]);
        assert_eq!(doc.sections.len(), section_lines(&lines).len(), "{name}");
        assert!(doc.sections.len() >= 11, "{name}");
        assert!(doc.sections.iter().any(|s| s.items.len() >= 11), "{name}");
        // The generator writes 工作亮点, 存在问题, 下一步打算 last.
        let problems = &doc.sections[doc.sections.len() - 2];
        assert_eq!(problems.kind, SectionKind::Problems, "{name}");
        assert_eq!(problems.style, NumberingStyle::OrdinalInline, "{name}");
        assert!(problems.intro.ends_with('：'), "{name}: {}", problems.intro);
        assert!(problems.items.len() >= 4, "{name}");
        let signature = &doc.signature;
        assert_eq!(signature.organization, lines[lines.len() - 2], "{name}");
        assert_eq!(signature.date, lines[lines.len() - 1], "{name}");
        assert!(!doc.organization.is_empty() && doc.period.ends_with("上半年"));
    }
}

/// The same documents saved as a Windows tool would: GB18030, CRLF, a UTF-8
/// or UTF-16 BOM, give the same draft; UTF-16 without a BOM is refused.
#[test]
fn corpus_in_other_encodings() {
    let dir = fixtures("corpus/raw");
    for path in txt_files(&dir) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(&path).unwrap();
        let want = import_bytes(text.as_bytes()).unwrap().document;
        let crlf = text.replace('\n', "\r\n");
        let utf16le: Vec<u8> = crlf.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let utf16be: Vec<u8> = crlf.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            encode(&crlf, TextEncoding::Gb18030),
            encode(&crlf, TextEncoding::Utf8Bom),
            [&[0xFF, 0xFE][..], &utf16le].concat(),
            [&[0xFE, 0xFF][..], &utf16be].concat(),
        ] {
            let got = import_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(got.document, want, "{name}");
        }
        for bytes in [utf16le, utf16be] {
            assert_eq!(
                import_bytes(&bytes),
                Err(ImportError::Utf16WithoutBom),
                "{name}"
            );
        }
    }
}
