//! The preview pane: the exported text, numbered, scrolled to the selected
//! entry. Only the paragraphs that fit on screen are wrapped.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::app::{App, EditorState, Entry, Focus};
use crate::plain_text::{INDENT, Paragraph as Para, Role, wrap_line};
use crate::sanitize::escape_controls;

/// The display lines of one paragraph, as the export options lay it out.
fn paragraph_lines(p: &Para, width: usize, indent: bool) -> Vec<String> {
    let text = escape_controls(&p.text);
    let text = if indent && p.role == Role::Body {
        format!("{INDENT}{text}")
    } else {
        text.into_owned()
    };
    wrap_line(&text, width)
        .into_iter()
        .map(str::to_string)
        .collect()
}

pub fn draw(frame: &mut Frame, app: &App, e: &EditorState, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let focused = e.focus == Focus::Preview;
    let block = super::pane_block(
        theme,
        Line::from(format!(" {} ", lang.pick("预览", "Preview"))),
        focused,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    if height == 0 || width == 0 {
        return;
    }
    let options = &app.settings.export;
    let selected = e.selected_entry();
    let preview = &e.preview;
    let part_of = |p: usize| preview.part(&e.doc, p);
    let (part, index) = preview.anchor(&e.doc, selected);

    // Walk the paragraphs from the anchor; a negative scroll first walks back.
    let mut lines: Vec<Line> = Vec::with_capacity(height);
    let mut skip = e.preview_scroll;
    let (mut p, mut i) = (part, index);
    while skip < 0 {
        let previous = if i > 0 {
            Some((p, i - 1))
        } else {
            (0..p)
                .rev()
                .find(|q| !part_of(*q).is_empty())
                .map(|q| (q, part_of(q).len() - 1))
        };
        let Some((q, j)) = previous else {
            skip = 0;
            break;
        };
        (p, i) = (q, j);
        skip += paragraph_lines(&part_of(p)[i], width, options.indent).len() as isize
            + isize::from(options.blank_lines);
    }
    let mut skip = skip as usize;
    let mut first = true;
    'parts: while p < preview.len() {
        let paragraphs = part_of(p);
        while i < paragraphs.len() {
            let para = &paragraphs[i];
            let own = Entry::of_field(para.origin) == selected
                || matches!((selected, para.origin.item()), (Entry::Item(at), Some((s, n))) if at.section == s && at.item == n);
            let style = if own { theme.title } else { theme.text };
            if options.blank_lines && !first {
                if skip > 0 {
                    skip -= 1;
                } else {
                    lines.push(Line::from(""));
                }
            }
            first = false;
            for text in paragraph_lines(para, width, options.indent) {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                lines.push(Line::styled(text, style));
                if lines.len() >= height {
                    break 'parts;
                }
            }
            i += 1;
        }
        p += 1;
        i = 0;
    }
    super::line_cache::render_lines(frame, inner, lines);
}
