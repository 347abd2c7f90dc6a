//! The reference pane as the app sees it: F9 asks the runner for the
//! earlier draft (`from`), shows it, hides it; the findings then include the
//! earlier promises the draft never mentions; a draft without `from` says so.

mod common;

use common::{editor, press, render, screen};
use zongjie::app::Effect;
use zongjie::check::Code;
use zongjie::document::next_period_draft;
use zongjie::i18n::Lang;
use zongjie::templates::Template;

#[test]
fn f9_loads_shows_and_hides_the_earlier_draft() {
    let earlier = Template::find("party-branch")
        .unwrap()
        .document(Some("XX党支部2020年上半年党建工作总结"));
    let mut doc = next_period_draft(&earlier, "h1", None).unwrap();
    // The writer dropped the second promise.
    let dropped = doc.sections[1].items.remove(1).heading;
    let mut app = editor(doc, Lang::Zh);
    assert_eq!(
        press(&mut app, "F9"),
        vec![Effect::LoadReference("h1".into())]
    );
    app.reference_loaded(Ok(earlier));
    let shown = screen(&render(&mut app, 120, 30));
    assert!(shown.contains("参考（只读）"), "{shown}");
    assert!(
        shown.contains("XX党支部2020年上半年党建工作总结"),
        "{shown}"
    );
    let unreported: Vec<String> = app
        .editor()
        .unwrap()
        .findings
        .iter()
        .filter(|f| f.code == Code::UnreportedPromise)
        .map(|f| f.message(Lang::Zh))
        .collect();
    assert_eq!(
        unreported,
        vec![format!("上一期承诺的“{dropped}”在本期总结中没有提到")]
    );
    // Hidden and shown again without loading it twice.
    assert!(press(&mut app, "F9").is_empty());
    assert!(!screen(&render(&mut app, 120, 30)).contains("参考（只读）"));
    assert!(press(&mut app, "F9").is_empty());
    assert!(screen(&render(&mut app, 120, 30)).contains("参考（只读）"));

    // A draft that continues nothing: a message, no effect.
    let mut app = editor(Template::find("general").unwrap().document(None), Lang::En);
    assert!(press(&mut app, "F9").is_empty());
    let shown = screen(&render(&mut app, 120, 30));
    assert!(
        shown.contains("does not continue an earlier one"),
        "{shown}"
    );
}
