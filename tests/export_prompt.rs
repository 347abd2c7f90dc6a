//! The export prompt (Ctrl+E) as the writer sees it, in both languages and
//! at the sizes office terminals have; any size draws without a panic.

mod common;

use common::{editor, press, render, screen};
use zongjie::document::Document;
use zongjie::i18n::Lang;

fn document() -> Document {
    zongjie::plain_text::import_text(include_str!("corpus/party-branch-2020h1.txt")).document
}

#[test]
fn the_prompt_in_both_languages() {
    for (lang, name) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for (w, h) in [(80, 24), (40, 12)] {
            let mut app = editor(document(), lang);
            press(&mut app, "C-e Down");
            insta::assert_snapshot!(
                format!("export_prompt_{name}_{w}x{h}"),
                screen(&render(&mut app, w, h))
            );
        }
    }
}

#[test]
fn any_size_draws() {
    let mut app = editor(document(), Lang::Zh);
    press(&mut app, "C-e");
    for (w, h) in [(1, 1), (2, 3), (10, 4), (25, 6), (200, 60)] {
        let shown = screen(&render(&mut app, w, h));
        assert_eq!(shown.lines().count(), usize::from(h), "{w}x{h}");
    }
}
