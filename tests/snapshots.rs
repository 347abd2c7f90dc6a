//! Whole screens as a writer sees them, in both languages and at the sizes
//! office terminals have: the editor, the picker, help and the themes.

mod common;

use std::time::{Duration, SystemTime};

use common::{editor, press, render, screen};
use zongjie::app::{App, Settings};
use zongjie::document::Document;
use zongjie::i18n::Lang;
use zongjie::settings::theme::Theme;
use zongjie::storage::{DraftEntry, DraftId, DraftSummary};

/// The summary the screens show: a corpus document, imported.
fn document() -> Document {
    let text = include_str!("corpus/party-branch-2020h1.txt");
    zongjie::plain_text::import_text(text).document
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

#[test]
fn editor_at_three_sizes_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(120, 40), (80, 24), (40, 12)] {
            let mut app = editor(document(), lang);
            // Select （二） of 二、工作开展情况 and start editing it.
            press(&mut app, "j j j j j");
            let outline = screen(&render(&mut app, w, h));
            insta::assert_snapshot!(
                format!("editor_{}_{w}x{h}_outline", lang_name(lang)),
                outline
            );
            press(&mut app, "Enter");
            let editing = screen(&render(&mut app, w, h));
            insta::assert_snapshot!(
                format!("editor_{}_{w}x{h}_editing", lang_name(lang)),
                editing
            );
        }
    }
}

fn entry(id: &str, title: Result<&str, &str>, minutes_ago: u64) -> DraftEntry {
    DraftEntry {
        id: DraftId::parse(id).unwrap(),
        path: format!("/data/drafts/{id}.toml").into(),
        // A fixed clock for stable snapshots: 2020-07-10 02:00 UTC minus the minutes.
        modified: Some(
            SystemTime::UNIX_EPOCH + Duration::from_secs(1_594_346_400 - minutes_ago * 60),
        ),
        summary: title
            .map(|t| DraftSummary {
                title: t.to_string(),
                organization: String::new(),
                period: String::new(),
                chars: 4310,
            })
            .map_err(str::to_string),
    }
}

fn picker(lang: Lang, drafts: Vec<DraftEntry>) -> App {
    App::with_picker(
        Settings {
            lang,
            ..Settings::default()
        },
        drafts,
    )
}

fn drafts() -> Vec<DraftEntry> {
    vec![
        entry("20200710-1", Ok("XX党支部2020年上半年党建工作总结"), 5),
        entry(
            "20200701-1",
            Ok("市X局2020年上半年党建工作总结及下半年工作打算"),
            600,
        ),
        entry("broken", Err("line 3, column 9: invalid string"), 9000),
    ]
}

/// The time column depends on the machine's time zone; replace it.
fn without_times(s: String) -> String {
    s.lines()
        .map(|l| match l.find("2020-0") {
            Some(i) => format!("{}YYYY-MM-DD HH:MM{}", &l[..i], &l[i + 16..]),
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn picker_empty_several_damaged_filtered() {
    for lang in [Lang::Zh, Lang::En] {
        let l = lang_name(lang);
        let mut app = picker(lang, Vec::new());
        insta::assert_snapshot!(
            format!("picker_{l}_empty"),
            screen(&render(&mut app, 100, 20))
        );
        let mut app = picker(lang, drafts());
        insta::assert_snapshot!(
            format!("picker_{l}_several"),
            without_times(screen(&render(&mut app, 100, 20)))
        );
        press(&mut app, "Down Down Enter");
        let damaged = without_times(screen(&render(&mut app, 100, 20)));
        insta::assert_snapshot!(format!("picker_{l}_damaged_refused"), damaged);
        let mut app = picker(lang, drafts());
        for c in "市X".chars() {
            app.handle_key(crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Char(c),
                crossterm::event::KeyModifiers::NONE,
            ));
        }
        insta::assert_snapshot!(
            format!("picker_{l}_filtered"),
            without_times(screen(&render(&mut app, 100, 20)))
        );
    }
}

#[test]
fn help_in_both_languages() {
    for lang in [Lang::Zh, Lang::En] {
        let mut app = editor(document(), lang);
        press(&mut app, "F1");
        insta::assert_snapshot!(
            format!("help_{}_outline", lang_name(lang)),
            screen(&render(&mut app, 100, 40))
        );
        // The editing model is explained where the editing keys are.
        let mut app = editor(document(), lang);
        press(&mut app, "Enter F1");
        insta::assert_snapshot!(
            format!("help_{}_editor", lang_name(lang)),
            screen(&render(&mut app, 100, 40))
        );
        // On 80×24 every key is still there, several a line.
        let small = screen(&render(&mut app, 80, 24));
        for needle in [
            "Ctrl+R",
            "F7",
            "Ctrl+A",
            lang.pick("按任意键关闭", "Press any key to close"),
        ] {
            assert!(small.contains(needle), "{needle}:\n{small}");
        }
        insta::assert_snapshot!(format!("help_{}_editor_80x24", lang_name(lang)), small);
    }
}

#[test]
fn each_built_in_theme() {
    for name in ["default", "light", "dark", "high-contrast"] {
        let (theme, warnings) = Theme::load(name, None);
        assert!(warnings.is_empty(), "{warnings:?}");
        let settings = Settings {
            lang: Lang::Zh,
            theme,
            ..Settings::default()
        };
        let mut app = App::with_editor(settings, document(), common::location());
        press(&mut app, "j j j j");
        let t = render(&mut app, 60, 14);
        insta::assert_debug_snapshot!(format!("theme_{name}"), t.backend().buffer());
    }
}

#[test]
fn a_long_list_in_a_small_window_keeps_the_selection_in_view() {
    let mut app = picker(Lang::Zh, drafts());
    let id = DraftId::parse("20200710-1").unwrap();
    let items = (0..20)
        .map(|i| (format!("stamp{i}"), format!("第{i}个版本")))
        .collect();
    if let zongjie::app::Screen::Picker(p) = &mut app.screen {
        p.show_history(id, items);
    }
    for _ in 0..15 {
        press(&mut app, "Down");
    }
    let shown = screen(&render(&mut app, 60, 12));
    assert!(shown.contains("第15个版本"), "{shown}");
    assert!(!shown.contains("第0个版本"), "{shown}");
    // Enter restores the one in view.
    let effects = press(&mut app, "Enter");
    assert_eq!(
        effects,
        [zongjie::app::Effect::RestoreVersion {
            id: DraftId::parse("20200710-1").unwrap(),
            stamp: "stamp15".into()
        }]
    );
}

/// The footer always says how to get help and how to quit, and the ids are
/// whole, at 80 and 120 columns in both languages.
#[test]
fn picker_footer_and_ids_at_80_and_120_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let l = lang_name(lang);
        for width in [80u16, 120] {
            let mut app = picker(lang, drafts());
            let shown = screen(&render(&mut app, width, 12));
            let quit = lang.pick("Ctrl+Q 退出", "Ctrl+Q quit");
            let help = lang.pick("F1 帮助", "F1 help");
            assert!(shown.contains(quit) && shown.contains(help), "{shown}");
            for id in ["(20200710-1)", "(20200701-1)"] {
                assert!(shown.contains(id), "{id} cut at {width}:\n{shown}");
            }
            insta::assert_snapshot!(format!("picker_{l}_footer_{width}"), without_times(shown));
        }
    }
}
