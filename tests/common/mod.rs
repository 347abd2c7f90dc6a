//! Helpers for driving the application in tests: keys from their config
//! spelling, and the screen as text.
#![allow(dead_code)]

pub mod docx;
mod env;
pub mod genre;
pub mod strategies;
#[cfg(unix)]
pub mod tmux;
#[allow(unused_imports)]
pub use env::Env;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use zongjie::app::{App, Effect, Settings};
use zongjie::document::Document;
use zongjie::i18n::Lang;
use zongjie::settings::keymap::KeyBinding;
use zongjie::storage::{DraftId, DraftLocation};

/// `"J C-s A-Down"` → key events. A lone `␣` is a space.
pub fn keys(spec: &str) -> Vec<KeyEvent> {
    spec.split_whitespace()
        .map(|k| {
            KeyBinding::parse(k)
                .unwrap_or_else(|e| panic!("{e:?}"))
                .event()
        })
        .collect()
}

/// Sends keys; returns every effect they asked for.
pub fn press(app: &mut App, spec: &str) -> Vec<Effect> {
    keys(spec)
        .into_iter()
        .flat_map(|k| app.handle_key(k))
        .collect()
}

/// Types text as individual character keys.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

pub fn location() -> DraftLocation {
    DraftLocation {
        id: Some(DraftId::parse("test").unwrap()),
        path: "/nonexistent/drafts/test.toml".into(),
        backup: "/nonexistent/backups/test.toml".into(),
    }
}

pub fn editor(doc: Document, lang: Lang) -> App {
    let settings = Settings {
        lang,
        ..Settings::default()
    };
    App::with_editor(settings, doc, location())
}

/// Draws the app on a `width`×`height` test terminal.
pub fn render(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.size = (width, height);
    // The screen as it settles once no key is waiting (the first check done).
    app.idle();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| zongjie::ui::draw_fresh(f, app)).unwrap();
    terminal
}

/// The screen as lines of text (wide characters once, without the
/// placeholder cell after them).
pub fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        out.push_str(&row_text(buffer, y, 0..buffer.area.width));
        out.push('\n');
    }
    out
}

/// The text of row `y` of `buffer` over `columns`, wide characters once.
pub fn row_text(buffer: &ratatui::buffer::Buffer, y: u16, columns: std::ops::Range<u16>) -> String {
    let mut out = String::new();
    let mut skip = 0;
    for x in columns {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = buffer[(x, y)].symbol();
        out.push_str(symbol);
        skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
    }
    out
}

/// Where the terminal cursor is, if shown.
pub fn cursor(terminal: &mut Terminal<TestBackend>) -> (u16, u16) {
    let p = terminal.get_cursor_position().unwrap();
    (p.x, p.y)
}
