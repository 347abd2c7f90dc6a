//! Checks on any text: no panic, every location inside its field, and every
//! fix applies and is undone exactly.

mod common;

use common::strategies;
use proptest::prelude::*;
use zongjie::check::{CheckOptions, check, fix_all};
use zongjie::document::History;

/// Text made of the characters the checks look at, and some that they do not.
fn text() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> =
        "XＸx某_＿【】（）()“”\"《》〈〉,.;:?!，。；：？！一二三十第是、1２0年月日号度上下半季 \n\u{3000}党建工作abcAhttp:/w@-~—至以来较XMLⅩ①⑴\u{1b}"
            .chars()
            .collect();
    prop::collection::vec(prop::sample::select(alphabet), 0..40)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_document_checks_fixes_and_undoes(doc in strategies::document(text)) {
        let findings = check(&doc, &CheckOptions::default());
        for f in &findings {
            let text = doc.text(f.location.field);
            prop_assert!(text.is_some(), "{f:?}");
            let chars = text.unwrap_or("").chars().count();
            prop_assert!(f.location.start + f.location.len <= chars, "{f:?}");
            prop_assert!(!f.message(zongjie::i18n::Lang::Zh).is_empty());
            prop_assert!(!f.message(zongjie::i18n::Lang::En).is_empty());
            if let Some(edit) = f.fix(&doc) {
                let mut fixed = doc.clone();
                let mut history = History::default();
                prop_assert!(history.apply(&mut fixed, edit).is_some());
                history.undo(&mut fixed);
                prop_assert_eq!(&fixed, &doc);
            } else {
                prop_assert!(!f.is_fixable(), "{f:?}");
            }
        }
        if let Some(edit) = fix_all(&doc, &findings) {
            let mut fixed = doc.clone();
            let mut history = History::default();
            prop_assert!(history.apply(&mut fixed, edit).is_some());
            history.undo(&mut fixed);
            prop_assert_eq!(&fixed, &doc);
        }
        let json = zongjie::check::to_json(&doc, &findings, zongjie::i18n::Lang::En);
        prop_assert!(!json.chars().any(|c| c.is_control() && c != '\n'));
    }
}
