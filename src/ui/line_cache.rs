//! Lines of text drawn as ratatui's `Paragraph` draws them (no wrap), but a
//! line that was on the same row in the last frame is copied instead of
//! being laid out again. While the writer types, the outline does not
//! change at all and the preview changes by a line or two; laying out text
//! (grapheme by grapheme) was a third of every keystroke's work.
//!
//! A pure memo: a copied line is cell for cell what drawing it gives, since
//! the key is the line itself and the blank row it is drawn on.

use ratatui::Frame;
use ratatui::buffer::Cell;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// A drawn row: the line, the style of the blank row it was drawn on, and
/// the cells it made.
type Row = (Line<'static>, Style, Vec<Cell>);

/// What one area showed in the last frame, row by row.
#[derive(Default)]
struct AreaCache {
    area: Rect,
    rows: Vec<Option<Row>>,
}

/// A few areas (the panes on screen) are remembered; a resize starts afresh.
const AREAS: usize = 4;

/// The rows drawn in the last frames, per area.
#[derive(Default)]
pub struct LineCache {
    areas: Vec<AreaCache>,
}

impl LineCache {
    /// Draws `lines` from the top of `area`, one per row, cut at its width.
    pub fn render_lines(&mut self, frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>) {
        let buf = frame.buffer_mut();
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let caches = &mut self.areas;
        let index = match caches.iter().position(|c| c.area == area) {
            Some(i) => i,
            None => {
                if caches.len() == AREAS {
                    caches.remove(0);
                }
                caches.push(AreaCache {
                    area,
                    rows: Vec::new(),
                });
                caches.len() - 1
            }
        };
        let cache = &mut caches[index];
        cache.rows.resize(usize::from(area.height), None);
        let width = usize::from(area.width);
        for ((line, y), slot) in lines
            .into_iter()
            .zip(area.top()..area.bottom())
            .zip(cache.rows.iter_mut())
        {
            let start = buf.index_of(area.x, y);
            let row = &mut buf.content[start..start + width];
            // Only a blank row of one style is a known background.
            let base = row[0].clone();
            if base.symbol() != " " || row.iter().any(|c| *c != base) {
                *slot = None;
                Paragraph::new(line).render(Rect::new(area.x, y, area.width, 1), buf);
                continue;
            }
            let style = base.style();
            match slot {
                Some((last, last_style, cells)) if *last == line && *last_style == style => {
                    row.clone_from_slice(cells);
                }
                _ => {
                    let rect = Rect::new(area.x, y, area.width, 1);
                    Paragraph::new(line.clone()).render(rect, buf);
                    *slot = Some((line, style, buf.content[start..start + width].to_vec()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::{Color, Modifier, Stylize};
    use ratatui::text::Span;

    use super::*;

    fn sample(selected: usize) -> Vec<Line<'static>> {
        (0..6)
            .map(|i| {
                let line = Line::from(vec![
                    Span::raw(if i == selected { "▶" } else { " " }),
                    Span::styled(format!("（{i}）"), Style::default().fg(Color::Cyan)),
                    Span::raw("加强党员教育管理，先锋模范作用充分发挥😀e\u{301}"),
                ]);
                if i == selected {
                    line.add_modifier(Modifier::REVERSED)
                } else {
                    line
                }
            })
            .collect()
    }

    #[test]
    fn draws_what_a_paragraph_draws_frame_after_frame() {
        let area = Rect::new(3, 1, 25, 5);
        let mut cached = Terminal::new(TestBackend::new(30, 8)).expect("terminal");
        let mut plain = Terminal::new(TestBackend::new(30, 8)).expect("terminal");
        let mut cache = LineCache::default();
        for (selected, background) in [(0, false), (1, false), (1, false), (1, true), (4, true)] {
            let mut draw = |frame: &mut Frame, use_cache: bool| {
                if background {
                    frame.render_widget(ratatui::widgets::Block::new().on_blue(), frame.area());
                }
                if use_cache {
                    cache.render_lines(frame, area, sample(selected));
                } else {
                    frame.render_widget(Paragraph::new(sample(selected)), area);
                }
            };
            cached.draw(|f| draw(f, true)).expect("draw");
            plain.draw(|f| draw(f, false)).expect("draw");
            assert_eq!(cached.backend().buffer(), plain.backend().buffer());
        }
    }
}
