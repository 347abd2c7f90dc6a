//! Properties of the document core: drafts survive a save/load round trip
//! exactly, and moving an item away and back restores the document.

mod common;

use common::strategies;
use proptest::prelude::*;
use zongjie::document::{Edit, ItemRef, item_move_down, item_move_up};
use zongjie::storage::{parse_draft, write_draft};

fn text() -> impl Strategy<Value = String> {
    // Chinese, ASCII, quotes, backslashes, controls, newlines, emoji. No
    // CR: loading turns one into a paragraph break (tests/hostile_drafts.rs).
    proptest::string::string_regex("[a-z中文“”\"\\\\\\n\\t\\u{1b}\\u{7f}😀 。（）]{0,40}").unwrap()
}

proptest! {
    #[test]
    fn load_of_save_is_identity(doc in strategies::document(text)) {
        let text = write_draft(&doc);
        prop_assert_eq!(parse_draft(&text), Ok(doc));
    }

    #[test]
    fn moving_an_item_away_and_back_restores(doc in strategies::document(text), s in 0usize..5, i in 0usize..5, down in any::<bool>()) {
        let at = ItemRef::new(s, i);
        let there = if down { item_move_down(&doc, at) } else { item_move_up(&doc, at) };
        if let Some(edit) = there {
            let Edit::MoveItem { to, .. } = edit else { unreachable!() };
            let mut moved = doc.clone();
            edit.apply(&mut moved).expect("a computed move applies");
            let back = if down { item_move_up(&moved, to) } else { item_move_down(&moved, to) };
            back.expect("the move can be reversed").apply(&mut moved).expect("applies");
            prop_assert_eq!(moved, doc);
        }
    }
}
