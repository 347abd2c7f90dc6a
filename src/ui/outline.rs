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
use crate::document::{Document, NumberingStyle, TopStyle, render_item_number, render_top_number};
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
    Some(match entry_numbering(doc, entry)? {
        Numbering::Name => match entry {
            Entry::Title => lang.pick("标题 ", "Title "),
            Entry::Preamble => lang.pick("导语 ", "Preamble "),
            Entry::Signature => lang.pick("落款 ", "Signature "),
            _ => lang.pick("素材 ", "Notes "),
        }
        .into(),
        Numbering::Top(style, s) => render_top_number(style, s),
        Numbering::List {
            style,
            index,
            indent,
        } => format!(
            "{}{}",
            "  ".repeat(indent),
            render_item_number(style, index)
        ),
    })
}

/// What an outline entry's number is made of (with the entry and the
/// language, all it depends on).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Numbering {
    /// A part named, not numbered: title, preamble, signature, notes.
    Name,
    Top(TopStyle, usize),
    List {
        style: NumberingStyle,
        index: usize,
        indent: usize,
    },
}

fn entry_numbering(doc: &Document, entry: Entry) -> Option<Numbering> {
    Some(match entry {
        Entry::Title | Entry::Preamble | Entry::Signature | Entry::Notes => Numbering::Name,
        Entry::Section(s) => Numbering::Top(doc.top_style, s),
        Entry::Item(at) => Numbering::List {
            style: doc.sections.get(at.section)?.style,
            index: at.item,
            indent: 1,
        },
        Entry::Node(at) => {
            let parent = match at.grandchild {
                None => doc
                    .sections
                    .get(at.section)
                    .and_then(|s| s.items.get(at.item)),
                Some(_) => doc.node(crate::document::NodeRef::child(
                    at.section, at.item, at.child,
                )),
            }?;
            Numbering::List {
                style: parent.child_style,
                index: at.index(),
                indent: at.level() - 1,
            }
        }
    })
}

/// What the outline kept from the frames before: the pane's cells with
/// the data they were drawn from, and its rows.
#[derive(Default)]
pub struct OutlineCache {
    pane: PaneCache<OutlineKey>,
    lines: LineCache,
}

/// Everything the outline's drawing reads, for the rows it shows: while
/// the writer types in a body, none of it changes, and the pane is copied.
#[derive(Clone, PartialEq)]
struct OutlineKey {
    theme: Theme,
    lang: Lang,
    focused: bool,
    /// The selected row among those shown.
    selected: Option<usize>,
    rows: Vec<RowKey>,
    /// The start of each row's text that decides how it is drawn cut to
    /// the pane ([`drawn_prefix`]), one after the other.
    texts: String,
}

#[derive(Clone, PartialEq)]
struct RowKey {
    entry: Entry,
    numbering: Option<Numbering>,
    folded: bool,
    mark: Option<TargetMark>,
    /// Where its text ends in [`OutlineKey::texts`].
    text_end: usize,
    /// Whether the text goes on past that start (it is cut on screen).
    cut: bool,
}

/// The outline's rows in view, with the data each shows.
fn rows_in_view(
    e: &EditorState,
    inner: Rect,
) -> (
    Option<usize>,
    impl Iterator<Item = (Entry, Option<Numbering>, &str)>,
) {
    let height = usize::from(inner.height);
    let top = outline_top(e.selected, e.entries.len(), height);
    let selected = e.selected.checked_sub(top).filter(|row| *row < height);
    let rows = e.entries.iter().skip(top).take(height).map(|&entry| {
        let numbering = entry_numbering(&e.doc, entry);
        // An entry not in the document draws no text.
        let text = if numbering.is_some() {
            entry_text(&e.doc, entry)
        } else {
            ""
        };
        (entry, numbering, text)
    });
    (selected, rows)
}

impl OutlineKey {
    /// The key of the outline of `e` drawn with `inner` inside its border.
    fn new(app: &App, e: &EditorState, inner: Rect) -> OutlineKey {
        let (selected, rows) = rows_in_view(e, inner);
        let mut key = OutlineKey {
            theme: app.settings.theme.clone(),
            lang: app.lang(),
            focused: e.focus == Focus::Outline,
            selected,
            rows: Vec::new(),
            texts: String::new(),
        };
        for (entry, numbering, text) in rows {
            let prefix = drawn_prefix(text, usize::from(inner.width));
            key.texts.push_str(prefix);
            key.rows.push(RowKey {
                entry,
                numbering,
                folded: e.folded.contains(&entry),
                mark: outline_mark(&e.doc, entry),
                text_end: key.texts.len(),
                cut: prefix.len() < text.len(),
            });
        }
        key
    }

    /// Whether the outline of `e` in `inner` has this key, found without
    /// measuring any text: a text has the same [`drawn_prefix`] as the
    /// one kept if it starts with it and, unless that was cut short,
    /// ends there too.
    fn matches(&self, app: &App, e: &EditorState, inner: Rect) -> bool {
        let (selected, mut rows) = rows_in_view(e, inner);
        if (self.lang, self.focused, self.selected)
            != (app.lang(), e.focus == Focus::Outline, selected)
            || self.theme != app.settings.theme
        {
            return false;
        }
        let mut start = 0;
        for kept in &self.rows {
            let Some((entry, numbering, text)) = rows.next() else {
                return false;
            };
            let prefix = &self.texts[start..kept.text_end];
            start = kept.text_end;
            let same = kept.entry == entry
                && kept.numbering == numbering
                && text.starts_with(prefix)
                && (kept.cut || text.len() == prefix.len())
                && kept.folded == (!e.folded.is_empty() && e.folded.contains(&entry))
                && kept.mark == outline_mark(&e.doc, entry);
            if !same {
                return false;
            }
        }
        rows.next().is_none()
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
    let inner = Block::bordered().inner(area);
    let background = super::background(frame, area, &app.settings.theme);
    let OutlineCache { pane, lines } = cache;
    pane.draw(
        frame,
        area,
        background,
        |kept| kept.matches(app, e, inner),
        || OutlineKey::new(app, e, inner),
        |f| draw_pane(f, app, e, area, lines),
    );
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
