//! The outline pane: every entry with its live number.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthChar;

use super::line_cache::LineCache;
use super::pane_cache::PaneCache;
use super::target::mark_text;
use super::truncate;
use crate::app::{App, EditorState, Entry, Focus, TargetMark, entry_text, target_mark};
use crate::document::{Document, render_item_number, render_top_number};
use crate::i18n::Lang;
use crate::layout::outline_top;
use crate::sanitize::{escape_controls, needs_escape};
use crate::settings::theme::Theme;

/// The text of an outline entry, numbered.
pub fn entry_label(doc: &Document, entry: Entry, lang: Lang) -> (String, String) {
    match entry_number(doc, entry, lang) {
        Some(number) => (number, entry_text(doc, entry).to_string()),
        None => Default::default(),
    }
}

/// The number (or name) an outline entry starts with; `None` for an entry
/// that is not in `doc`.
fn entry_number(doc: &Document, entry: Entry, lang: Lang) -> Option<String> {
    Some(match entry {
        Entry::Title => lang.pick("标题 ", "Title ").into(),
        Entry::Preamble => lang.pick("导语 ", "Preamble ").into(),
        Entry::Section(s) => render_top_number(doc.top_style, s),
        Entry::Item(at) => {
            let section = doc.sections.get(at.section)?;
            format!("  {}", render_item_number(section.style, at.item))
        }
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
            .map(|parent| parent.child_style)?;
            format!("{indent}{}", render_item_number(style, at.index()))
        }
        Entry::Signature => lang.pick("落款 ", "Signature ").into(),
        Entry::Notes => lang.pick("素材 ", "Notes ").into(),
    })
}

/// What the outline kept from the frames before: the pane's cells with
/// the data they were drawn from, and its rows.
#[derive(Default)]
pub struct OutlineCache {
    pane: PaneCache<OutlineKey>,
    lines: LineCache,
    /// This frame's key, built in place so that a frame allocates nothing.
    key: OutlineKey,
}

/// Everything the outline's drawing reads, for the rows it shows: while
/// the writer types in a body, none of it changes, and the pane is copied.
#[derive(Default, Clone, PartialEq)]
struct OutlineKey {
    theme: Theme,
    lang: Lang,
    focused: bool,
    /// The selected row among those shown.
    selected: Option<usize>,
    rows: Vec<RowKey>,
    /// The rows' numbers, each followed by the start of its text that
    /// decides how the text is drawn cut to the pane ([`drawn_prefix`]).
    texts: String,
}

#[derive(Clone, PartialEq)]
struct RowKey {
    entry: Entry,
    folded: bool,
    mark: Option<TargetMark>,
    /// Where its number and its text end in [`OutlineKey::texts`].
    number_end: usize,
    text_end: usize,
}

impl OutlineKey {
    /// The key of the outline of `e` drawn with `inner` inside its border.
    fn fill(&mut self, app: &App, e: &EditorState, inner: Rect) {
        if self.theme != app.settings.theme {
            self.theme.clone_from(&app.settings.theme);
        }
        self.lang = app.lang();
        self.focused = e.focus == Focus::Outline;
        let height = usize::from(inner.height);
        let top = outline_top(e.selected, e.entries.len(), height);
        self.selected = e.selected.checked_sub(top).filter(|row| *row < height);
        self.rows.clear();
        self.texts.clear();
        for entry in e.entries.iter().skip(top).take(height) {
            let number = entry_number(&e.doc, *entry, self.lang);
            self.texts.push_str(number.as_deref().unwrap_or(""));
            let number_end = self.texts.len();
            if number.is_some() {
                let text = entry_text(&e.doc, *entry);
                self.texts
                    .push_str(drawn_prefix(text, usize::from(inner.width)));
            }
            self.rows.push(RowKey {
                entry: *entry,
                folded: e.folded.contains(entry),
                mark: outline_mark(&e.doc, *entry),
                number_end,
                text_end: self.texts.len(),
            });
        }
    }
}

/// The start of `text` that decides how [`truncate`] cuts it, once its
/// controls are escaped, to `columns` or fewer: up to and including the
/// first character past `columns`. Two texts with the same prefix are
/// drawn alike in any room up to `columns`, however long they are.
fn drawn_prefix(text: &str, columns: usize) -> &str {
    let mut used = 0;
    let end = text
        .char_indices()
        .find(|&(_, c)| {
            used += if needs_escape(c) {
                escape_controls(c.encode_utf8(&mut [0; 4])).len()
            } else {
                c.width().unwrap_or(0)
            };
            used > columns
        })
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    &text[..end]
}

/// The mark a section's row shows when its length is far from its target.
fn outline_mark(doc: &Document, entry: Entry) -> Option<TargetMark> {
    match entry {
        Entry::Section(s) => target_mark(doc, s),
        _ => None,
    }
}

pub fn draw(frame: &mut Frame, app: &App, e: &EditorState, area: Rect, cache: &mut OutlineCache) {
    let OutlineCache { pane, lines, key } = cache;
    key.fill(app, e, Block::bordered().inner(area));
    let background = super::background(frame, area, &app.settings.theme);
    pane.draw(frame, area, background, key, |f| {
        draw_pane(f, app, e, area, lines);
    });
}

fn draw_pane(frame: &mut Frame, app: &App, e: &EditorState, area: Rect, cache: &mut LineCache) {
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
            let mark = outline_mark(&e.doc, *entry)
                .map(|m| mark_text(m, lang))
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
    cache.render_lines(frame, inner, lines);
}
