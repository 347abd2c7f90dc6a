//! Messages in the status bar are never cut off: a long one (a save error
//! naming a deep path, a read-only banner) wraps upwards over the panes, at
//! every size, in both languages, and short ones stay on the one row.

mod common;

use common::{editor, render, screen};
use zongjie::document::Document;
use zongjie::i18n::Lang;

/// The whole screen as one string, its rows joined without breaks: a
/// message wrapped over several rows reads whole in it.
fn bottom_text(screen: &str) -> String {
    screen
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .concat()
}

#[test]
fn a_long_message_wraps_and_shows_whole() {
    let long = format!(
        "cannot save /home/user/.local/share/zongjie/drafts/{}.toml: No space left on device (os error 28)",
        "很长的草稿编号".repeat(4)
    );
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(40, 12), (80, 24), (120, 40)] {
            let mut app = editor(Document::default(), lang);
            app.warn(long.clone());
            let s = screen(&render(&mut app, w, h));
            assert!(
                bottom_text(&s).contains(&long),
                "{w}x{h} {lang:?}: message cut off:\n{s}"
            );
            // A short one keeps to the bottom row.
            let mut app = editor(Document::default(), lang);
            app.warn("ok");
            let s = screen(&render(&mut app, w, h));
            let last = s.lines().last().unwrap();
            assert!(last.contains("ok"), "{w}x{h}: {last}");
        }
    }
}

#[test]
fn a_save_error_is_shown_whole_too() {
    let mut app = editor(Document::default(), Lang::En);
    if let Some(e) = app.editor_mut() {
        e.save_error = Some(format!(
            "{}: Read-only file system (os error 30)",
            "/mnt/深/".repeat(8)
        ));
    }
    let s = screen(&render(&mut app, 40, 12));
    assert!(
        bottom_text(&s).contains("Read-only file system (os error 30)"),
        "{s}"
    );
    assert!(bottom_text(&s).contains(&"/mnt/深/".repeat(8)), "{s}");
}

#[test]
fn a_long_message_in_the_picker_wraps_too() {
    use zongjie::app::{App, Settings};
    use zongjie::storage::{DraftEntry, DraftId, DraftSummary};
    let long = format!(
        "cannot rename: {}/drafts/x.toml: Read-only file system (os error 30)",
        "/media/user/U盘".repeat(3)
    );
    let entry = DraftEntry {
        id: DraftId::parse("x").unwrap(),
        path: "/nonexistent/drafts/x.toml".into(),
        modified: None,
        summary: Ok(DraftSummary {
            title: "标题".into(),
            organization: String::new(),
            period: String::new(),
            chars: 2,
        }),
    };
    for (w, h) in [(40, 12), (80, 24)] {
        let settings = Settings {
            lang: Lang::En,
            ..Settings::default()
        };
        let mut app = App::with_picker(settings, vec![entry.clone()]);
        app.warn(long.clone());
        let s = screen(&render(&mut app, w, h));
        assert!(bottom_text(&s).contains(&long), "{w}x{h}:\n{s}");
    }
}
