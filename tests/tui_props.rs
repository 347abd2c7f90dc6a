//! Any text, any size, any keys: the editor never panics and never puts a
//! control character on the screen.

mod common;

use common::{editor, press, render, strategies};
use proptest::prelude::*;
use zongjie::i18n::Lang;

fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[a-zX中文“”（）。，\\n\\t\\u{1b}\\u{7}\\u{9b}\\u{202e}😀\\u{301}\\u{200d} ]{0,60}",
    )
    .unwrap()
}

const KEYS: &[&str] = &[
    "j",
    "k",
    "J",
    "K",
    "Enter",
    "Esc",
    "a",
    "A",
    "1",
    "d",
    "u",
    "C-y",
    "n",
    "c",
    "Tab",
    "S-Tab",
    "Down",
    "Up",
    "End",
    "Home",
    "Backspace",
    "x",
    "F1",
    "F7",
    "f",
    "C-f",
    "C-z",
    "PageDown",
    "G",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn no_panic_no_raw_controls(
        doc in strategies::document(text),
        keys in prop::collection::vec(prop::sample::select(KEYS), 0..30),
        width in 1u16..140,
        height in 1u16..50,
        lang in prop::bool::ANY,
    ) {
        let mut app = editor(doc, if lang { Lang::Zh } else { Lang::En });
        for key in keys {
            press(&mut app, key);
            let t = render(&mut app, width, height);
            for cell in t.backend().buffer().content() {
                prop_assert!(!cell.symbol().chars().any(zongjie::sanitize::needs_escape), "{:?}", cell.symbol());
            }
        }
        render(&mut app, width, height);
    }
}
