//! The preview pane: the exported text, numbered, scrolled to the selected
//! entry. Only the blocks of the export on screen are rendered from the
//! document, and only the paragraphs that fit on screen are wrapped.

use ratatui::Frame;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::app::{App, EditorState, Entry, Focus};
use crate::document::Field;
use crate::layout::{paragraph_row_count, paragraph_rows};
use crate::plain_text::{Paragraph as Para, Role, anchor};

pub fn draw(frame: &mut Frame, app: &App, e: &EditorState, area: Rect, cache: &mut Rows) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let focused = e.focus == Focus::Preview;
    let block = super::pane_block(
        theme,
        Line::from(format!(" {} ", lang.pick("预览", "Preview"))),
        focused,
    );
    let inner = block.inner(area).intersection(frame.area());
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    if height == 0 || width == 0 {
        return;
    }
    let background = super::background(frame, inner, theme);
    let options = &app.settings.export;
    let selected = e.selected_entry();
    let doc = &e.doc;
    // Only the blocks of the export on screen are rendered, from the
    // document as it is: nothing of the export is kept in the model.
    let at = anchor(doc, selected.fields()[0]);
    cache.start_frame(width, options.indent, &background);

    // A negative scroll first walks back from the anchor; what is above
    // the pane is only counted, never drawn.
    let mut skip = e.preview_scroll;
    let mut above = Vec::new();
    if skip < 0 {
        for para in at.before(doc) {
            let rows = paragraph_row_count(&para, width, options.indent);
            skip += rows as isize + isize::from(options.blank_lines);
            above.push(para);
            if skip >= 0 {
                break;
            }
        }
        skip = skip.max(0);
    }
    let mut skip = skip as usize;
    let shown = above.into_iter().rev().chain(at.from(doc));
    let buf = frame.buffer_mut();
    let mut y = inner.top();
    let mut first = true;
    for para in shown {
        let in_selected_item = matches!(
            (selected, para.origin.item()),
            (Entry::Item(at), Some((s, n))) if at.section == s && at.item == n
        );
        let own = Entry::of_field(para.origin) == selected || in_selected_item;
        let style = if own { theme.title } else { theme.text };
        if options.blank_lines && !first {
            // A blank row is the background already there.
            if skip > 0 {
                skip -= 1;
            } else {
                y += 1;
                if y >= inner.bottom() {
                    break;
                }
            }
        }
        first = false;
        // A paragraph scrolled out of view above is only counted.
        if skip > 0 {
            let rows = paragraph_row_count(&para, width, options.indent);
            if skip >= rows {
                skip -= rows;
                continue;
            }
        }
        let drawn = cache.paragraph(&para, style);
        for r in std::mem::take(&mut skip)..drawn.lines.len() {
            let row = drawn.row(r, inner.width, &background);
            let start = buf.index_of(inner.x, y);
            buf.content[start..start + row.len()].clone_from_slice(row);
            y += 1;
            if y >= inner.bottom() {
                return;
            }
        }
    }
}

/// The drawn rows of the paragraphs shown in the last frame: while the
/// writer types, only the paragraph typed in is wrapped again, and only
/// its rows whose text changed are drawn again. A row is drawn when it is
/// first on screen. A pure memo: the key is everything drawing a row reads.
#[derive(Default)]
pub struct Rows {
    width: usize,
    indent: bool,
    background: Cell,
    last: Vec<Drawn>,
    now: Vec<Drawn>,
}

struct Drawn {
    text: String,
    origin: Field,
    role: Role,
    style: Style,
    /// The text of each row, and its cells once drawn.
    lines: Vec<String>,
    rows: Vec<Option<Vec<Cell>>>,
}

impl Rows {
    /// Keeps what the last frame drew if it was drawn the same way.
    fn start_frame(&mut self, width: usize, indent: bool, background: &Cell) {
        if (self.width, self.indent, &self.background) != (width, indent, background) {
            self.now.clear();
            (self.width, self.indent, self.background) = (width, indent, background.clone());
        }
        self.last = std::mem::take(&mut self.now);
    }

    /// `para` in `style`, wrapped, with the rows already drawn of it.
    fn paragraph(&mut self, para: &Para, style: Style) -> &mut Drawn {
        let index = match self.now.iter().position(|d| d.is(para, style)) {
            Some(i) => i,
            None => {
                let drawn = match self.last.iter().position(|d| d.is(para, style)) {
                    Some(j) => self.last.swap_remove(j),
                    None => self.wrap(para, style),
                };
                self.now.push(drawn);
                self.now.len() - 1
            }
        };
        &mut self.now[index]
    }

    /// Wraps `para`; a row whose text is what the same field's paragraph
    /// showed on that row in the last frame keeps its cells (typing changes
    /// the row typed in, and those after it when they reflow).
    fn wrap(&mut self, para: &Para, style: Style) -> Drawn {
        let mut before = self
            .last
            .iter()
            .position(|d| d.origin == para.origin && d.role == para.role && d.style == style)
            .map(|i| self.last.swap_remove(i));
        let lines = paragraph_rows(para, self.width, self.indent);
        let rows = lines
            .iter()
            .enumerate()
            .map(|(y, line)| match &mut before {
                Some(before) if before.lines.get(y) == Some(line) => before.rows[y].take(),
                _ => None,
            })
            .collect();
        Drawn {
            text: para.text.clone(),
            origin: para.origin,
            role: para.role,
            style,
            lines,
            rows,
        }
    }
}

impl Drawn {
    fn is(&self, para: &Para, style: Style) -> bool {
        self.role == para.role && self.style == style && self.text == para.text
    }

    /// The cells of row `r` drawn on `background` (the first time), up to
    /// the last that is not background: the row is copied onto a blank
    /// row of it, so the rest would be copied for nothing.
    fn row(&mut self, r: usize, width: u16, background: &Cell) -> &[Cell] {
        let (line, style) = (&self.lines[r], self.style);
        self.rows[r].get_or_insert_with(|| {
            let mut row = Buffer::filled(Rect::new(0, 0, width, 1), background.clone());
            ratatui::widgets::Paragraph::new(Line::styled(line.as_str(), style))
                .render(row.area, &mut row);
            let mut cells = row.content;
            cells.truncate(super::pane_cache::trimmed(&cells, background).len());
            cells
        })
    }
}
