//! The outline pane: every entry with its live number.

use std::cell::RefCell;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::pane_cache::PaneCache;
use super::target::mark_text;
use super::truncate;
use crate::app::{App, EditorState, Entry, Focus, OUTLINE_TEXT_COLUMNS, entry_text, target_mark};
use crate::document::{Document, render_item_number, render_top_number};
use crate::i18n::Lang;
use crate::layout::outline_top;
use crate::sanitize::escape_controls;

/// The text of an outline entry, numbered.
pub fn entry_label(doc: &Document, entry: Entry, lang: Lang) -> (String, String) {
    let number = match entry {
        Entry::Title => lang.pick("标题 ", "Title ").into(),
        Entry::Preamble => lang.pick("导语 ", "Preamble ").into(),
        Entry::Section(s) => render_top_number(doc.top_style, s),
        Entry::Item(at) => match doc.sections.get(at.section) {
            Some(section) => format!("  {}", render_item_number(section.style, at.item)),
            None => return Default::default(),
        },
        Entry::Node(at) => {
            let indent = "  ".repeat(at.level() - 1);
            let style = match at.grandchild {
                None => doc
                    .sections
                    .get(at.section)
                    .and_then(|s| s.items.get(at.item)),
                Some(_) => doc.node(crate::document::NodeRef::child(
                    at.section, at.item, at.child,
                )),
            }
            .map(|parent| parent.child_style);
            match style {
                Some(style) => format!("{indent}{}", render_item_number(style, at.index())),
                None => return Default::default(),
            }
        }
        Entry::Signature => lang.pick("落款 ", "Signature ").into(),
        Entry::Notes => lang.pick("素材 ", "Notes ").into(),
    };
    (number, entry_text(doc, entry).to_string())
}

/// What the outline's drawing reads: the settings are the same for the
/// whole session, and the version changes with the entries and the text.
type Key = (u64, usize, bool);

thread_local! {
    static CACHE: RefCell<PaneCache<Key>> = const { RefCell::new(PaneCache::new()) };
}

pub fn draw(frame: &mut Frame, app: &App, e: &EditorState, area: Rect) {
    if area.width as usize > OUTLINE_TEXT_COLUMNS {
        return draw_pane(frame, app, e, area);
    }
    let key = (e.outline_version, e.selected, e.focus == Focus::Outline);
    let background = super::background(frame, area, &app.settings.theme);
    CACHE.with_borrow_mut(|cache| {
        cache.draw(frame, area, background, key, |f| draw_pane(f, app, e, area));
    });
}

fn draw_pane(frame: &mut Frame, app: &App, e: &EditorState, area: Rect) {
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
            // `+` marks a folded row: points below it are hidden.
            let marker = if i == e.selected {
                "▶"
            } else if e.folded.contains(entry) {
                "+"
            } else {
                " "
            };
            let text = escape_controls(&text);
            let mark = match entry {
                Entry::Section(s) => target_mark(&e.doc, *s).map(|m| mark_text(m, lang)),
                _ => None,
            }
            .unwrap_or("");
            let number_width = unicode_width::UnicodeWidthStr::width(number.as_str()) + 1;
            let mark_width = unicode_width::UnicodeWidthStr::width(mark);
            let text = truncate(&text, width.saturating_sub(number_width + mark_width));
            let number_style =
                if matches!(entry, Entry::Section(_) | Entry::Item(_) | Entry::Node(_)) {
                    theme.number
                } else {
                    theme.muted
                };
            let line = Line::from(vec![
                Span::raw(marker),
                Span::styled(number, number_style),
                Span::raw(text),
                Span::styled(mark, theme.warning),
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
