//! The drawing cache is a pure memo: random keys go through `App` as the
//! terminal's events do (moving, folding, editing, structural edits, undo,
//! targets, popups, pane focus, the findings and reference panes), with
//! resizes in between, and after every key the frame drawn with the cache
//! kept since the first frame equals, cell by cell and style by style, the
//! frame drawn from nothing with an empty cache (`ui::draw_fresh`).
//!
//! The oracle is the uncached drawing itself: every memo in the cache is
//! bypassed when it is empty, so any input a memo's key forgets (a fold, a
//! target mark, a width, the theme) shows up as a differing frame.

mod common;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use zongjie::app::{App, Settings};
use zongjie::document::{Document, Section, SectionKind};
use zongjie::i18n::Lang;
use zongjie::settings::theme::Theme;
use zongjie::ui::DrawCache;

use common::{location, press, strategies, type_text};

/// One thing the writer does.
#[derive(Debug, Clone)]
enum Step {
    /// A key by its config spelling.
    Key(&'static str),
    /// A character typed (in the outline, some are commands).
    Type(char),
    /// Characters typed one after the other.
    TypeRun(String),
    /// The terminal is resized to one of [`SIZES`].
    Resize(usize),
}

/// Three panes, two, one, and the smallest editor.
const SIZES: &[(u16, u16)] = &[(120, 40), (90, 26), (80, 24), (40, 12), (150, 50), (24, 6)];

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => prop::sample::select(vec!['中', '文', '，', 'a', 'x', '1', '0', ' '])
            .prop_map(Step::Type),
        10 => prop::sample::select(vec![
            "Enter", "Esc", "Backspace", "Delete", "Left", "Right", "Up", "Down", "Home",
            "End", "PageUp", "PageDown", "j", "k", "J", "K", "a", "d", "i", "n", "t", "A",
            "c", "u", "C-z", "C-y", "Tab", "S-Tab", "A-Left", "A-Right", "F7", "F9",
            "Space",
        ])
        .prop_map(Step::Key),
        2 => "[中文a]{1,6}".prop_map(Step::TypeRun),
        1 => (0..SIZES.len()).prop_map(Step::Resize),
    ]
}

/// Field texts: short, with a control character now and then (drawn
/// escaped, wider than it is long) and a long run that outline rows cut.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::string::string_regex("[a-z中文，。 ]{0,8}").unwrap(),
        1 => proptest::string::string_regex("[中a\u{7}\u{202e}]{0,3}").unwrap(),
        1 => proptest::string::string_regex("[中文党建]{30,60}").unwrap(),
    ]
}

/// How a section's target is set: none, small, or where one character
/// deleted or typed turns its outline mark on or off.
#[derive(Debug, Clone, Copy)]
enum Target {
    None,
    Small(u32),
    AtFarUnder,
    AtFarOver,
}

/// A document whose sections have targets near their lengths, so that
/// typing and deleting turn their outline marks on and off.
fn document() -> impl Strategy<Value = Document> {
    let target = prop_oneof![
        Just(Target::None),
        (0u32..40).prop_map(Target::Small),
        Just(Target::AtFarUnder),
        Just(Target::AtFarOver),
    ];
    (strategies::document(text), prop::collection::vec(target, 4)).prop_map(|(mut doc, targets)| {
        for (s, target) in targets.into_iter().enumerate().take(doc.sections.len()) {
            let chars = u32::try_from(doc.section_char_count(s)).unwrap_or(u32::MAX);
            doc.sections[s].target_chars = match target {
                Target::None => None,
                Target::Small(n) => Some(n),
                // Far under below half the target; far over above 1.5 times.
                Target::AtFarUnder => Some(chars.saturating_mul(2)),
                Target::AtFarOver => Some((chars.saturating_mul(2)).div_ceil(3)),
            };
        }
        doc
    })
}

fn frame(terminal: &mut Terminal<TestBackend>, app: &App, cache: &mut DrawCache) -> Buffer {
    terminal
        .draw(|f| zongjie::ui::draw(f, app, cache))
        .expect("draw")
        .buffer
        .clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn a_frame_drawn_with_the_kept_cache_equals_one_drawn_fresh(
        doc in document(),
        steps in prop::collection::vec(step(), 1..40),
        size in 0..SIZES.len(),
        english in prop::bool::ANY,
        theme in prop::sample::select(vec!["default", "dark", "light", "high-contrast"]),
    ) {
        let (theme, warnings) = Theme::load(theme, None);
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        let settings = Settings {
            lang: if english { Lang::En } else { Lang::Zh },
            theme,
            ..Settings::default()
        };
        let mut app = App::with_editor(settings, doc, location());
        let (mut width, mut height) = SIZES[size];
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut cache = DrawCache::new();
        for step in &steps {
            match step.clone() {
                Step::Key(key) => {
                    press(&mut app, key);
                }
                Step::Type(c) => type_text(&mut app, &c.to_string()),
                Step::TypeRun(text) => type_text(&mut app, &text),
                Step::Resize(i) => {
                    (width, height) = SIZES[i];
                    terminal.backend_mut().resize(width, height);
                }
            }
            app.size = (width, height);
            app.idle();
            let kept = frame(&mut terminal, &app, &mut cache);
            let mut fresh_terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
            let fresh = frame(&mut fresh_terminal, &app, &mut DrawCache::new());
            prop_assert_eq!(kept, fresh, "after {:?}", step);
        }
    }
}

/// A mark that only the section's length changes (typing in its intro,
/// its title unchanged) reaches the kept frame.
#[test]
fn a_target_mark_turned_on_by_typing_is_drawn() {
    let mut section = Section::new(SectionKind::Work, "一项工作");
    // 4 characters; far over a target of 3 above 4.5.
    section.target_chars = Some(3);
    let doc = Document {
        title: "标题".into(),
        sections: vec![section],
        ..Document::default()
    };
    let mut app = App::with_editor(Settings::default(), doc, location());
    app.size = (120, 40);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut cache = DrawCache::new();
    press(&mut app, "j j");
    press(&mut app, "Enter Down");
    let before = frame(&mut terminal, &app, &mut cache);
    type_text(&mut app, "中中");
    let kept = frame(&mut terminal, &app, &mut cache);
    let fresh = frame(
        &mut Terminal::new(TestBackend::new(120, 40)).unwrap(),
        &app,
        &mut DrawCache::new(),
    );
    // The mark shows on the section's row, which did not change else.
    let row = |b: &Buffer| (0..36).map(|x| b[(x, 3)].symbol()).collect::<String>();
    assert!(!row(&before).contains('↑'), "{}", row(&before));
    assert!(row(&kept).contains('↑'), "{}", row(&kept));
    assert_eq!(kept, fresh);
}

/// Structural edits (a section and an item moved, an item added and
/// deleted, undo and redo) reach the preview, and PgDn stops at its end:
/// after every key the kept frame is the fresh one, and at the end the
/// preview's last row is the last row of the export, wrapped as the pane
/// wraps it.
#[test]
fn the_preview_after_structural_edits_and_at_its_end_is_drawn_fresh() {
    let doc = zongjie::templates::Template::find("party-branch")
        .expect("the built-in party-branch template")
        .document(Some("XX党支部2026年上半年党建工作总结"));
    let mut app = App::with_editor(Settings::default(), doc, location());
    let (width, height) = (120, 40);
    app.size = (width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut cache = DrawCache::new();
    let page_downs = vec!["PageDown"; 12];
    let steps = [
        &[
            "j j", "J", "K", "j", "J", "a", "d", "u", "u", "C-y", "C-z", "Tab Tab",
        ][..],
        &page_downs,
        &["PageUp", "Down", "Esc", "j j j J", "Tab Tab"],
        &page_downs,
    ]
    .concat();
    let mut last = None;
    for step in &steps {
        press(&mut app, step);
        app.idle();
        let kept = frame(&mut terminal, &app, &mut cache);
        let mut fresh_terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let fresh = frame(&mut fresh_terminal, &app, &mut DrawCache::new());
        assert_eq!(kept, fresh, "after {step}");
        last = Some(kept);
    }
    let last = last.expect("a frame");
    let e = app.editor().expect("the editor");
    let pane = zongjie::layout::editor_layout(
        ratatui::layout::Rect::new(0, 0, width, height),
        e.focus,
        e.show_findings,
    )
    .preview
    .expect("the preview at 120x40");
    let export = zongjie::plain_text::export_text(&e.doc, &app.settings.export);
    let last_line = export.lines().last().expect("an exported line");
    let inner_width = usize::from(pane.width - 2);
    let wrapped = zongjie::plain_text::wrap_screen_line(last_line, inner_width);
    let bottom = common::row_text(&last, pane.bottom() - 2, pane.x + 1..pane.right() - 1);
    assert_eq!(
        bottom.trim_end(),
        wrapped.last().expect("a row").trim_end(),
        "PgDn stops with the export's last row at the bottom"
    );
    // One more PgDn moves nothing.
    press(&mut app, "PageDown");
    assert_eq!(frame(&mut terminal, &app, &mut cache), last);
}
