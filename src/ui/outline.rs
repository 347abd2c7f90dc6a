//! The outline pane: every entry with its live number.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::truncate;
use crate::app::{App, EditorState, Entry, Focus};
use crate::document::{Document, render_item_number, render_section_number};
use crate::i18n::Lang;
use crate::sanitize::escape_controls;

/// The first entry shown so that the selection stays in view, near the middle.
pub fn outline_top(selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    selected.saturating_sub(height / 2).min(len - height)
}

/// The text of an outline entry, numbered.
pub fn entry_label(doc: &Document, entry: Entry, lang: Lang) -> (String, String) {
    let first_line = |t: &str| {
        t.lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string()
    };
    match entry {
        Entry::Title => (lang.pick("标题 ", "Title ").into(), doc.title.clone()),
        Entry::Preamble => (
            lang.pick("导语 ", "Preamble ").into(),
            first_line(&doc.preamble),
        ),
        Entry::Section(s) => {
            let title = doc
                .sections
                .get(s)
                .map(|x| x.title.clone())
                .unwrap_or_default();
            (render_section_number(s), title)
        }
        Entry::Item(at) => {
            let Some(section) = doc.sections.get(at.section) else {
                return Default::default();
            };
            let item = section.items.get(at.item);
            let text = item.map_or(String::new(), |i| {
                if i.heading.trim().is_empty() {
                    first_line(&i.body)
                } else {
                    i.heading.clone()
                }
            });
            (
                format!("  {}", render_item_number(section.style, at.item)),
                text,
            )
        }
        Entry::Signature => (
            lang.pick("落款 ", "Signature ").into(),
            doc.signature.organization.clone(),
        ),
        Entry::Notes => (lang.pick("素材 ", "Notes ").into(), first_line(&doc.notes)),
    }
}

pub fn draw(frame: &mut Frame, app: &App, e: &EditorState, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let focused = e.focus == Focus::Outline;
    let block = super::pane_block(
        theme,
        Line::from(format!(" {} ", lang.pick("大纲", "Outline"))),
        focused,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    let top = outline_top(e.selected, e.entries.len(), height);
    let lines: Vec<Line> = e
        .entries
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(i, entry)| {
            let (number, text) = entry_label(&e.doc, *entry, lang);
            let marker = if i == e.selected { "▶" } else { " " };
            let text = escape_controls(&text);
            let number_width = unicode_width::UnicodeWidthStr::width(number.as_str()) + 1;
            let text = truncate(&text, width.saturating_sub(number_width));
            let number_style = if matches!(entry, Entry::Section(_) | Entry::Item(_)) {
                theme.number
            } else {
                theme.muted
            };
            let line = Line::from(vec![
                Span::raw(marker),
                Span::styled(number, number_style),
                Span::raw(text),
            ]);
            if i == e.selected {
                line.style(theme.selection)
            } else {
                line
            }
        })
        .collect();
    super::line_cache::render_lines(frame, inner, lines);
}
