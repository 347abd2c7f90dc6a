//! Plain text → a draft (docs/design/export-import.md, "Import"): the
//! title, lines above it kept in the notes, the preamble, sections at
//! `一、二、…`, their intros and items in every numbering style, and a trailing
//! signature. The exact inverse of the export: importing and exporting
//! again gives the text back, after the normalisations listed on
//! [`import_text`]. Nothing is ever dropped; what could not be read as
//! structure stays text where it stood.

mod heading;
mod items;
mod markers;

use super::decode::{ImportError, clean_text, decode};
use super::warning::Warning;
use crate::document::{Document, Signature, TopStyle};
use crate::templates::split_title;

/// A draft made from text, and what the reader should know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub document: Document,
    pub warnings: Vec<Warning>,
}

/// A non-blank line of the input: its 1-based number and its text without
/// indentation (ASCII or full-width) and trailing whitespace.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    number: usize,
    text: &'a str,
}

/// Decodes and imports a whole file (see [`decode`] and [`import_text`]);
/// more than [`MAX_IMPORT_BYTES`](super::MAX_IMPORT_BYTES) is refused.
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    let (text, mut warnings) = decode(bytes)?;
    let mut imported = import_text(&text);
    warnings.append(&mut imported.warnings);
    imported.warnings = warnings;
    Ok(imported)
}

/// Reads the structure of a summary. Exporting the result gives the text
/// back from the title line on, with these normalisations: blank lines,
/// indentation and trailing whitespace are dropped; line ends are `\n`;
/// control characters are removed; `(一)` and `(1)` become `（一）` and
/// `（1）`, `1．` becomes `1.`; whitespace right after a number is dropped;
/// a part's title with its text on the same line (`三、存在问题。一是…`) gets
/// a line of its own.
pub fn import_text(text: &str) -> Imported {
    let mut warnings = Vec::new();
    let (text, removed) = clean_text(text);
    if let Some(removed) = removed {
        warnings.push(removed.into_warning());
    }
    let lines: Vec<Line> = text
        .split('\n')
        .enumerate()
        .filter_map(|(i, raw)| {
            let trimmed = raw.trim();
            (!trimmed.is_empty()).then_some(Line {
                number: i + 1,
                text: trimmed,
            })
        })
        .collect();
    let mut doc = Document::default();
    if lines.is_empty() {
        return Imported {
            document: doc,
            warnings,
        };
    }

    // The top level is numbered 一、 or, in short summaries, （一） or 1、:
    // whichever first opens a line, 一、 if it opens one anywhere.
    let top_style = [TopStyle::Chinese, TopStyle::Paren, TopStyle::ArabicComma]
        .into_iter()
        .filter_map(|style| {
            let at = lines
                .iter()
                .position(|l| markers::top_title(l.text, style, 1).is_some())?;
            Some((style, at))
        })
        .min_by_key(|&(style, at)| (style != TopStyle::Chinese, at))
        .map(|(style, _)| style)
        .unwrap_or_default();
    doc.top_style = top_style;
    let first_section = lines
        .iter()
        .position(|l| markers::top_title(l.text, top_style, 1).is_some());
    let head = &lines[..first_section.unwrap_or(lines.len())];
    let title = match first_section {
        Some(_) => find_title(head),
        None => find_title_of_prose(head),
    };
    match title {
        Some(t) => {
            let first = match two_line_title(head, t) {
                Some(joined) => {
                    doc.title = joined;
                    t - 1
                }
                None => {
                    doc.title = head[t].text.to_string();
                    t
                }
            };
            if let Some((organization, period)) = split_title(&doc.title) {
                doc.organization = organization.to_string();
                doc.period = period.to_string();
            }
            doc.notes = notes_above(&text, head[first].number, &mut warnings);
            if first < t {
                warnings.push(Warning::TitleJoined {
                    first_line: head[first].number,
                });
            }
        }
        None if first_section.is_some() => warnings.push(Warning::NoTitle),
        None => {}
    }
    let preamble_start = title.map_or(0, |t| t + 1);

    // Sections: each `N、` line that continues the numbering starts one.
    let mut starts = Vec::new();
    if let Some(first) = first_section {
        for (i, line) in lines.iter().enumerate().skip(first) {
            if markers::top_title(line.text, top_style, starts.len() + 1).is_some() {
                starts.push(i);
            }
        }
    } else {
        warnings.push(Warning::NoSections);
    }
    let body_start = starts.last().map_or(preamble_start, |last| last + 1);
    let end = read_signature(&lines[body_start..], &mut doc.signature) + body_start;

    doc.preamble = join(&lines[preamble_start..first_section.unwrap_or(end)]);
    let mut headings_in_body: Option<Warning> = None;
    for (k, &start) in starts.iter().enumerate() {
        let stop = starts.get(k + 1).copied().unwrap_or(end);
        let line = markers::top_title(lines[start].text, top_style, k + 1).unwrap_or_default();
        // `（三）存在问题。一是…`: the title, its text the first paragraph.
        let (title, run_on) = heading::split_top_title(line);
        let paragraphs: Vec<&str> = run_on
            .into_iter()
            .chain(lines[start + 1..stop].iter().map(|l| l.text))
            .collect();
        let body = items::read_section(title, &paragraphs, doc.top_style.as_item_style());
        if body.kept_as_text {
            warnings.push(Warning::ItemsKeptAsText {
                section: k + 1,
                line: lines[start].number,
            });
        }
        if body.headings_in_body > 0 {
            match &mut headings_in_body {
                Some(Warning::HeadingsOnOwnLine { count, .. }) => *count += body.headings_in_body,
                _ => {
                    headings_in_body = Some(Warning::HeadingsOnOwnLine {
                        count: body.headings_in_body,
                        section: k + 1,
                        line: lines[start].number,
                    })
                }
            }
        }
        doc.sections.push(body.section);
    }
    warnings.extend(headings_in_body);
    Imported {
        document: doc,
        warnings,
    }
}

/// The title among the lines before `一、`: the last short line that does
/// not end like a sentence — unless a line just above it, in the same run of
/// short lines, names the genre (`…总结`) and it does not: then it is a
/// subtitle or a date under the title, and opens the preamble.
fn find_title(head: &[Line]) -> Option<usize> {
    const RUN: usize = 3;
    let last = head.iter().rposition(|l| markers::is_title_like(l.text))?;
    let run_start = head[..last]
        .iter()
        .rposition(|l| !markers::is_title_like(l.text))
        .map_or(0, |i| i + 1)
        .max(last.saturating_sub(RUN - 1));
    let genre: [&[&str]; 2] = [&["总结"], &["报告", "汇报", "计划", "打算", "要点", "述职"]];
    for words in genre {
        if let Some(i) = (run_start..=last)
            .rev()
            .find(|&i| words.iter().any(|w| head[i].text.contains(w)))
        {
            return Some(i);
        }
    }
    Some(last)
}

/// The title of a text without numbered sections: among the short lines
/// that open it, the one naming the genre (`…总结`, `…报告`), else the first
/// when it reads as a title.
fn find_title_of_prose(head: &[Line]) -> Option<usize> {
    const OPENING: usize = 4;
    let run = head
        .iter()
        .take(OPENING)
        .take_while(|l| markers::is_title_like(l.text))
        .count();
    let genre = ["总结", "报告", "汇报", "述职"];
    (0..run)
        .find(|&i| genre.iter().any(|w| head[i].text.contains(w)))
        .or((run > 0).then_some(0))
}

/// A title set on two lines, the organization right above the rest
/// (`中共XX县委组织部` / `2023年度党建工作总结`), as one title. The title
/// line must not name an organization of its own.
fn two_line_title(head: &[Line], t: usize) -> Option<String> {
    let above = head.get(t.checked_sub(1)?)?;
    let title = head[t].text;
    let names_its_own =
        split_title(title).is_some_and(|(organization, _)| !organization.is_empty());
    (above.number + 1 == head[t].number
        && markers::is_title_like(above.text)
        && markers::names_organization(above.text)
        && !names_its_own)
        .then(|| format!("{}{title}", above.text))
}

/// The raw lines above the title, for the notes; reported when there are any.
fn notes_above(text: &str, title_line: usize, warnings: &mut Vec<Warning>) -> String {
    let above: Vec<(usize, &str)> = text
        .split('\n')
        .take(title_line - 1)
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .collect();
    let kept: Vec<&(usize, &str)> = above.iter().filter(|(_, l)| !l.trim().is_empty()).collect();
    let (Some(first), Some(last)) = (kept.first(), kept.last()) else {
        return String::new();
    };
    warnings.push(Warning::LinesAboveTitle {
        count: kept.len(),
        first_line: first.0,
        last_line: last.0,
        first_text: first.1.trim().chars().take(20).collect(),
    });
    let lines: Vec<&str> = above[first.0 - 1..last.0].iter().map(|(_, l)| *l).collect();
    lines.join("\n")
}

/// Finds a signature at the end of `tail` — a date line, and an
/// organization line just above it — and returns where the text before it ends.
fn read_signature(tail: &[Line], signature: &mut Signature) -> usize {
    let mut end = tail.len();
    let Some(last) = tail.last() else {
        return end;
    };
    if !markers::is_date_line(last.text) {
        return end;
    }
    *signature = Signature {
        organization: String::new(),
        date: last.text.to_string(),
    };
    end -= 1;
    if let Some(organization) = end.checked_sub(1).map(|i| tail[i])
        && markers::is_organization_like(organization.text)
    {
        signature.organization = organization.text.to_string();
        end -= 1;
    }
    end
}

fn join(lines: &[Line]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.text.len() + 1).sum());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(line.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_is_an_empty_document() {
        for text in ["", "\n\n", "　　\n \t\n"] {
            let imported = import_text(text);
            assert_eq!(imported.document, Document::default());
            assert!(imported.warnings.is_empty());
        }
    }

    #[test]
    fn control_characters_are_removed_here_too() {
        let imported = import_text("标题\n一、工作\u{0}开展情况\n");
        assert_eq!(imported.document.sections[0].title, "工作开展情况");
        assert!(matches!(
            imported.warnings.as_slice(),
            [Warning::ControlCharacters {
                count: 1,
                line: 2,
                column: 5,
                ..
            }]
        ));
    }

    #[test]
    fn signature_needs_a_date_and_takes_a_short_line_above_it() {
        let doc = import_text("标题\n一、下一步打算\n一是加强学习\n2020年7月10日\n").document;
        assert_eq!(doc.signature.organization, "");
        assert_eq!(doc.signature.date, "2020年7月10日");
        assert_eq!(doc.sections[0].items.len(), 1);

        let doc = import_text("标题\n一、下一步打算\n2020年7月10日\n").document;
        assert_eq!(
            doc.signature.organization, "",
            "a section title is not an organization"
        );
        assert_eq!(doc.sections[0].title, "下一步打算");

        let doc = import_text("标题\n一、打算\n正文。\nXX党支部\n").document;
        assert!(doc.signature.is_empty(), "no date, no signature");
        assert_eq!(doc.sections[0].intro, "正文。\nXX党支部");

        let doc = import_text("标题\n导语。\n中共XX党支部\n2020年7月10日\n").document;
        assert_eq!(doc.signature.organization, "中共XX党支部");
        assert_eq!(doc.preamble, "导语。");
    }

    #[test]
    fn title_is_the_last_short_line_before_the_preamble() {
        let imported =
            import_text("广告一行\n\n市X局2020年工作总结\n一年来，……总结如下：\n一、工作\n");
        assert_eq!(imported.document.title, "市X局2020年工作总结");
        assert_eq!(imported.document.notes, "广告一行");
        assert_eq!(imported.document.preamble, "一年来，……总结如下：");
        assert_eq!(imported.document.organization, "市X局");
        assert_eq!(imported.document.period, "2020年");
        let message = imported.warnings[0].to_string();
        assert!(
            message.starts_with("line 1 above the title (“广告一行”…)"),
            "{message}"
        );
    }

    #[test]
    fn the_title_of_prose_names_the_genre_not_the_advertising_above_it() {
        let imported =
            import_text("精品范文下载\nXX党支部2020年工作总结\n今年以来，我们做了很多工作。\n");
        assert_eq!(imported.document.title, "XX党支部2020年工作总结");
        assert_eq!(imported.document.notes, "精品范文下载");
        assert_eq!(imported.document.preamble, "今年以来，我们做了很多工作。");
        // Without a genre word, the first line is the title when it reads as one.
        assert_eq!(import_text("标题\n正文。\n").document.title, "标题");
    }

    #[test]
    fn a_subtitle_or_date_under_the_title_opens_the_preamble() {
        for subtitle in ["（2020年7月10日）", "——在支部党员大会上的报告"] {
            let text = format!(
                "海量总结范文下载\nXX党支部2020年上半年党建工作总结\n{subtitle}\n今年以来，……总结如下：\n一、工作\n"
            );
            let doc = import_text(&text).document;
            assert_eq!(doc.title, "XX党支部2020年上半年党建工作总结");
            assert_eq!(doc.notes, "海量总结范文下载");
            assert!(doc.preamble.starts_with(subtitle), "{}", doc.preamble);
        }
        // Without a genre word anywhere, the last short line is the title.
        let doc = import_text("甲\n乙\n导语。\n一、工作\n").document;
        assert_eq!(doc.title, "乙");
    }

    #[test]
    fn warnings_are_single_lines() {
        let warnings = [
            Warning::ReadAs("GB18030"),
            Warning::ControlCharacters {
                count: 2,
                first: '\0',
                line: 3,
                column: 4,
            },
            Warning::LinesAboveTitle {
                count: 8,
                first_line: 1,
                last_line: 9,
                first_text: "仅供学习".into(),
            },
            Warning::NoTitle,
            Warning::NoSections,
            Warning::ItemsKeptAsText {
                section: 11,
                line: 40,
            },
            Warning::HeadingsOnOwnLine {
                count: 2,
                section: 1,
                line: 3,
            },
        ];
        for w in warnings {
            let text = w.to_string();
            assert!(!text.contains('\n') && !text.is_empty(), "{text}");
        }
        assert!(
            Warning::ItemsKeptAsText {
                section: 11,
                line: 40
            }
            .to_string()
            .starts_with("section 十一、 (line 40)")
        );
    }
}
