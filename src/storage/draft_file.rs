//! The one place that knows the draft file format: TOML with `format = 1`,
//! written by hand so that long text is a multi-line string, one paragraph a
//! line, pleasant to read and to diff; read with `toml` + serde.

use serde::Deserialize;

use crate::document::{Document, Item, Section, Signature, TopStyle, line_column};

mod fast;

/// The newest schema version this build writes and reads. Format 2 added
/// nodes below items (`[[sections.items.children]]`, levels 3 and 4) and the
/// top level's numbering (`top_style`). A draft that uses neither is still
/// written as format 1, so that older builds keep opening it.
pub const FORMAT_VERSION: u32 = 2;

/// The oldest format this build reads.
const OLDEST_FORMAT: u32 = 1;

/// The format a document needs: 2 when it has levels 3 and 4 or a top
/// level not numbered `一、`, else 1.
pub fn format_for(doc: &Document) -> u32 {
    let default = Item::default().child_style;
    let deep = doc.sections.iter().any(|s| {
        s.items
            .iter()
            .any(|i| !i.children.is_empty() || i.child_style != default)
    });
    if deep || doc.top_style != TopStyle::default() {
        2
    } else {
        1
    }
}

/// Why a draft file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftFileError {
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "written by a newer zongjie (format {found}; this version reads format {FORMAT_VERSION}); update zongjie to open it"
    )]
    NewerFormat { found: u64 },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftFile {
    format: u32,
    #[serde(default)]
    title: String,
    #[serde(default)]
    organization: String,
    #[serde(default)]
    period: String,
    #[serde(default)]
    preamble: String,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    target_chars: Option<u32>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    top_style: TopStyle,
    #[serde(default)]
    sections: Vec<Section>,
    #[serde(default)]
    signature: Signature,
}

/// Reads a draft from its TOML text.
pub fn parse_draft(text: &str) -> Result<Document, DraftFileError> {
    if let Some(found) = probe_format(text)
        && found > u64::from(FORMAT_VERSION)
    {
        return Err(DraftFileError::NewerFormat { found });
    }
    // Drafts as zongjie writes them take a fast path; anything else, TOML.
    let mut doc = match fast::read(text) {
        Some(doc) => doc,
        None => parse_with_toml(text)?,
    };
    too_deep(text, &doc)?;
    without_carriage_returns(&mut doc);
    Ok(doc)
}

/// Points nest four levels deep at most (一、（一）1.（1））: a hand-edited
/// file with a fifth is refused, naming the line, rather than shown in part.
fn too_deep(text: &str, doc: &Document) -> Result<(), DraftFileError> {
    let deeper = doc.sections.iter().any(|s| {
        s.items
            .iter()
            .any(|i| i.children.iter().any(|c| c.depth_below() > 1))
    });
    if !deeper {
        return Ok(());
    }
    let (line, column) = text
        .find("children.children.children")
        .map_or((1, 1), |at| line_column(text, at));
    Err(DraftFileError::Syntax {
        line,
        column,
        message: "points nest at most four levels deep (一、（一）1.（1）)".into(),
    })
}

/// A carriage return in a field (a file edited on Windows, or by hand)
/// would move a terminal's cursor back over the line: in fields of several
/// paragraphs `\r\n` and `\r` become paragraph breaks, in one-line fields
/// a space.
fn without_carriage_returns(doc: &mut Document) {
    let fields: Vec<_> = doc.fields().collect();
    for field in fields {
        let Some(text) = doc.text_mut(field) else {
            continue;
        };
        if !text.contains('\r') {
            continue;
        }
        let break_ = if field.is_multiline() { "\n" } else { " " };
        *text = text.replace("\r\n", break_).replace('\r', break_);
    }
}

/// Reads a draft with the general TOML parser.
fn parse_with_toml(text: &str) -> Result<Document, DraftFileError> {
    let file: DraftFile = toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((1, 1), |span| line_column(text, span.start));
        DraftFileError::Syntax {
            line,
            column,
            // The message may quote the file (a key, a value): keep it one
            // line and free of anything a terminal would act on.
            message: crate::sanitize::escape_controls(&e.message().trim().replace('\n', " "))
                .into_owned(),
        }
    })?;
    if !(OLDEST_FORMAT..=FORMAT_VERSION).contains(&file.format) {
        // 0 is never written.
        return Err(DraftFileError::Syntax {
            line: 1,
            column: 1,
            message: format!("unknown format {}", file.format),
        });
    }
    Ok(Document {
        title: file.title,
        organization: file.organization,
        period: file.period,
        preamble: file.preamble,
        notes: file.notes,
        target_chars: file.target_chars,
        from: file.from,
        top_style: file.top_style,
        sections: file.sections,
        signature: file.signature,
    })
}

/// Finds `format = N` among the top-level keys without parsing the whole
/// file, so that a newer draft is refused clearly even when the rest of it
/// no longer fits this version's schema.
fn probe_format(text: &str) -> Option<u64> {
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            return None;
        }
        if let Some(rest) = line.strip_prefix("format") {
            let value = rest.trim_start().strip_prefix('=')?;
            let digits: String = value
                .trim()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            return digits.parse().ok();
        }
    }
    None
}

/// Writes a draft as TOML.
pub fn write_draft(doc: &Document) -> String {
    let mut out = String::with_capacity(doc.title.len() + doc.preamble.len() * 2 + 4096);
    let format = format_for(doc);
    out.push_str(&format!("format = {format}\n"));
    key(&mut out, "title", &doc.title);
    key(&mut out, "organization", &doc.organization);
    key(&mut out, "period", &doc.period);
    if let Some(target) = doc.target_chars {
        out.push_str(&format!("target_chars = {target}\n"));
    }
    if let Some(from) = &doc.from {
        key(&mut out, "from", from);
    }
    key(&mut out, "preamble", &doc.preamble);
    key(&mut out, "notes", &doc.notes);
    if format >= 2 {
        key(&mut out, "top_style", doc.top_style.key());
    }
    for section in &doc.sections {
        out.push_str("\n[[sections]]\n");
        key(&mut out, "kind", section.kind.key());
        key(&mut out, "title", &section.title);
        key(&mut out, "style", section.style.key());
        if let Some(target) = section.target_chars {
            out.push_str(&format!("target_chars = {target}\n"));
        }
        key(&mut out, "intro", &section.intro);
        for item in &section.items {
            write_item(&mut out, item, "sections.items");
        }
    }
    out.push_str("\n[signature]\n");
    key(&mut out, "organization", &doc.signature.organization);
    key(&mut out, "date", &doc.signature.date);
    out
}

/// An item or node as the table `[[path]]`, then its children as nested
/// tables (`[[sections.items.children]]`); `child_style` only when it is
/// not the default.
fn write_item(out: &mut String, item: &Item, path: &str) {
    out.push_str("\n[[");
    out.push_str(path);
    out.push_str("]]\n");
    key(out, "heading", &item.heading);
    key(out, "body", &item.body);
    if item.child_style != Item::default().child_style {
        key(out, "child_style", item.child_style.key());
    }
    let path = format!("{path}.children");
    for child in &item.children {
        write_item(out, child, &path);
    }
}

/// Text longer than this many characters, or with a line break, is written
/// as a multi-line string.
const LONG: usize = 30;

fn key(out: &mut String, name: &str, value: &str) {
    out.push_str(name);
    out.push_str(" = ");
    if value.contains('\n') || value.chars().count() > LONG {
        out.push_str("\"\"\"\n");
        escape_into(out, value, true);
        out.push_str("\"\"\"\n");
    } else {
        out.push('"');
        escape_into(out, value, false);
        out.push_str("\"\n");
    }
}

/// Escapes for a TOML basic string; in a multi-line one, `\n` stays a line break.
pub(crate) fn escape_into(out: &mut String, value: &str, multiline: bool) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' if multiline => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{NumberingStyle, SectionKind};

    fn sample() -> Document {
        let mut s = Section::new(SectionKind::Work, "工作开展情况");
        s.style = NumberingStyle::OrdinalInline;
        s.items.push(Item::new(
            "政治建设",
            "第一段“引号”\\反斜杠\n第二段\t制表\u{1b}[31m",
        ));
        Document {
            title: "XX党支部2020年上半年党建工作总结".into(),
            preamble: "\n以换行开头的导语，足够长足够长足够长足够长足够长足够长足够长足够长。"
                .into(),
            notes: "\"\"\"三个引号\"\"\"".into(),
            target_chars: Some(3000),
            from: Some("20200710-1".into()),
            sections: vec![s],
            ..Document::default()
        }
    }

    #[test]
    fn round_trip_is_lossless() {
        let doc = sample();
        let text = write_draft(&doc);
        assert_eq!(parse_draft(&text), Ok(doc));
    }

    #[test]
    fn long_text_is_multiline_and_escapes_are_visible() {
        let text = write_draft(&sample());
        assert!(text.contains("preamble = \"\"\"\n\n以换行开头"), "{text}");
        assert!(text.contains("\\u001B[31m"));
        assert!(!text.contains('\u{1b}'));
        assert!(text.starts_with("format = 1\n"));
    }

    #[test]
    fn newer_format_is_refused_even_with_unknown_fields() {
        let err = parse_draft("format = 3\nshiny = true\n").unwrap_err();
        assert_eq!(err, DraftFileError::NewerFormat { found: 3 });
        assert!(err.to_string().contains("newer zongjie"));
    }

    #[test]
    fn damage_is_reported_with_line_and_column() {
        let err = parse_draft("format = 1\ntitle = \"ok\"\nsections = 3\n").unwrap_err();
        let DraftFileError::Syntax { line, .. } = err else {
            panic!("{err:?}")
        };
        assert_eq!(line, 3);
        let err = parse_draft("format = 1\ntitle = \"未闭合\n").unwrap_err();
        assert!(
            matches!(err, DraftFileError::Syntax { line: 2, .. }),
            "{err:?}"
        );
        let err = parse_draft("format = 1\ntitel = \"x\"\n").unwrap_err();
        assert!(err.to_string().contains("titel"), "{err}");
        assert!(parse_draft("title = \"x\"\n").is_err());
    }

    #[test]
    fn carriage_returns_are_paragraph_breaks_or_spaces_when_loaded() {
        let mut doc = sample();
        doc.title = "标题\r\n续".into();
        doc.preamble = "一\r\n二\r三".into();
        doc.sections[0].items[0].heading = "小\r标题".into();
        let loaded = parse_draft(&write_draft(&doc)).unwrap();
        assert_eq!(loaded.title, "标题 续");
        assert_eq!(loaded.preamble, "一\n二\n三");
        assert_eq!(loaded.sections[0].items[0].heading, "小 标题");
        // Written by hand, as a raw CR inside a multi-line string.
        let raw = "format = 1\ntitle = \"t\"\npreamble = \"\"\"\na\r\nb\"\"\"\n";
        assert_eq!(parse_draft(raw).unwrap().preamble, "a\nb");
    }

    fn deep() -> Document {
        let mut doc = sample();
        doc.sections[0].items[0].children = vec![
            Item::new("抓学习", "一段\n二段").with_children(
                NumberingStyle::ArabicParen,
                vec![Item::new("党课", ""), Item::new("", "“引号”")],
            ),
            Item::new("抓教育", ""),
        ];
        doc.sections[0].items[0].child_style = NumberingStyle::ArabicComma;
        doc
    }

    #[test]
    fn levels_three_and_four_are_nested_tables_of_format_2() {
        let doc = deep();
        let text = write_draft(&doc);
        assert!(text.starts_with("format = 2\n"), "{text}");
        assert!(text.contains("\n[[sections.items.children]]\nheading = \"抓学习\""));
        assert!(text.contains("\n[[sections.items.children.children]]\nheading = \"党课\""));
        assert!(text.contains("child_style = \"arabic-comma\"\n"));
        assert_eq!(parse_draft(&text), Ok(doc.clone()));
        assert_eq!(parse_with_toml(&text), Ok(doc.clone()));
        let mut top = sample();
        top.top_style = TopStyle::Paren;
        let text = write_draft(&top);
        assert!(text.contains("top_style = \"paren\"\n"), "{text}");
        assert_eq!(parse_draft(&text), Ok(top));
    }

    #[test]
    fn a_fifth_level_is_refused_with_its_line() {
        let mut doc = deep();
        let fifth = vec![Item::new("第五级", "")];
        doc.sections[0].items[0].children[0].children[0].children = fifth;
        let text = write_draft(&doc);
        let err = parse_draft(&text).unwrap_err();
        let want = text
            .lines()
            .position(|l| l == "[[sections.items.children.children.children]]")
            .unwrap()
            + 1;
        assert!(
            matches!(err, DraftFileError::Syntax { line, .. } if line == want),
            "{err:?}"
        );
        assert!(err.to_string().contains("four levels"), "{err}");
    }

    #[test]
    fn format_1_is_still_written_and_read_when_it_fits() {
        let text = write_draft(&sample());
        assert!(text.starts_with("format = 1\n"));
        assert!(!text.contains("top_style") && !text.contains("child_style"));
        // A format-1 draft written by hand, as older builds wrote them.
        let old = "format = 1\ntitle = \"t\"\n\n[[sections]]\nkind = \"work\"\ntitle = \"工作\"\nstyle = \"paren\"\nintro = \"\"\n\n[[sections.items]]\nheading = \"甲\"\nbody = \"1.乙\"\n";
        let doc = parse_draft(old).unwrap();
        assert_eq!(doc.sections[0].items[0].body, "1.乙");
        assert!(doc.sections[0].items[0].children.is_empty());
        assert_eq!(doc.top_style, TopStyle::Chinese);
        assert!(parse_draft("format = 0\n").is_err());
    }
}
