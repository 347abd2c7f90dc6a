//! The draft picker screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{centered, thousands, truncate};
use crate::app::{App, PickerPopup, PickerState, RenameWhat};
use crate::i18n::Lang;
use crate::sanitize::escape_controls;
use crate::settings::keymap::Keymap;
use crate::settings::keymap::{Action, Context};
use crate::templates::TEMPLATES;

pub fn draw(frame: &mut Frame, app: &App, p: &PickerState, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let hint_lines = picker_hint_lines(&app.settings.keymap, lang, usize::from(area.width));
    let [header, filter, list, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(hint_lines.len() as u16),
    ])
    .areas(area);
    let title = format!(" zongjie 总结 · {}", lang.pick("草稿", "Drafts"));
    frame.render_widget(
        Paragraph::new(Line::from(title)).style(theme.status),
        header,
    );
    let filter_text = if p.filter.is_empty() {
        Span::styled(
            lang.pick(" 输入文字即可筛选", " Type to filter"),
            theme.muted,
        )
    } else {
        Span::raw(format!(
            " {}{}",
            lang.pick("筛选：", "Filter: "),
            escape_controls(&p.filter)
        ))
    };
    frame.render_widget(Paragraph::new(Line::from(filter_text)), filter);

    let width = usize::from(list.width);
    let visible = p.visible();
    let height = usize::from(list.height.saturating_sub(1));
    let top = crate::layout::outline_top(p.selected, visible.len(), height);
    let mut lines = vec![Line::from(Span::styled(
        truncate(
            &format!(
                "  {} {}  {}",
                pad(lang.pick("修改时间", "Modified"), 16),
                pad_left(lang.pick("字数", "Chars"), 8),
                lang.pick("标题（编号）", "Title (id)")
            ),
            width,
        ),
        theme.muted,
    ))];
    if p.drafts.is_empty() {
        lines.push(Line::from(""));
        let new = app
            .settings
            .keymap
            .key_label(Context::Picker, Action::NewDraft);
        lines.push(Line::from(match (lang, new.is_empty()) {
            (Lang::Zh, true) => "  还没有草稿。".to_string(),
            (Lang::Zh, false) => format!("  还没有草稿。按 {new} 用模板新建一篇。"),
            (Lang::En, true) => "  No drafts yet.".to_string(),
            (Lang::En, false) => {
                format!("  No drafts yet. Press {new} to start one from a template.")
            }
        }));
    } else if visible.is_empty() {
        lines.push(Line::from(Span::styled(
            lang.pick("  没有匹配的草稿", "  No draft matches"),
            theme.muted,
        )));
    }
    for (i, d) in visible.iter().enumerate().skip(top).take(height) {
        let modified = d
            .modified
            .map(crate::i18n::local_time)
            .unwrap_or_else(|| "-".into());
        // The id is never cut: the title gives way to it.
        let id_part = format!(" ({})", d.id);
        let title_room = width
            .saturating_sub(29)
            .saturating_sub(id_part.width())
            .max(4);
        let (chars, title, style) = match &d.summary {
            Ok(s) => (
                thousands(s.chars),
                format!(
                    "{}{id_part}",
                    truncate_middle(&escape_controls(&s.title), title_room)
                ),
                theme.text,
            ),
            Err(reason) => (
                "-".into(),
                format!(
                    "[{}] {} — {}",
                    lang.damaged(),
                    d.id,
                    escape_controls(reason)
                ),
                theme.error,
            ),
        };
        let marker = if i == p.selected { "▶ " } else { "  " };
        let text = truncate(
            &format!("{marker}{modified:<16} {chars:>8}  {title}"),
            width,
        );
        let line = Line::from(text).style(style);
        lines.push(if i == p.selected {
            line.style(theme.selection)
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), list);

    frame.render_widget(
        Paragraph::new(hint_lines.into_iter().map(Line::from).collect::<Vec<_>>())
            .style(theme.status),
        hints,
    );
    if let Some(m) = &app.message {
        let style = if m.error { theme.error } else { theme.ok };
        let text = escape_controls(&m.text);
        if text.width() > width {
            // Too long for its row: wrapped above the hints, never cut.
            let text = format!(" {text}");
            super::status::draw_wrapped(frame, &[(&text, theme.status.patch(style))], hints);
        } else {
            frame.render_widget(Paragraph::new(Line::from(text).style(style)), filter);
        }
    }
    if let Some(popup) = &p.popup {
        draw_popup(frame, app, p, popup, area);
    }
}

fn draw_popup(frame: &mut Frame, app: &App, p: &PickerState, popup: &PickerPopup, area: Rect) {
    let theme = &app.settings.theme;
    let keymap = &app.settings.keymap;
    let lang = app.lang();
    let (title, lines): (String, Vec<Line>) = match popup {
        PickerPopup::Templates { selected } => {
            let mut lines = Vec::new();
            if p.drafts.is_empty() {
                lines.push(Line::from(lang.pick(
                    "欢迎使用 zongjie！选一个模板开始第一篇总结：",
                    "Welcome! Pick a template for your first summary:",
                )));
                lines.push(Line::from(""));
            }
            for (i, t) in TEMPLATES.iter().enumerate() {
                let description = lang.pick(t.description_zh, t.description_en);
                let line = Line::from(format!(" {} — {}", t.name, description));
                lines.push(if i == *selected {
                    line.style(theme.selection)
                } else {
                    line
                });
            }
            lines.push(Line::from(""));
            lines.push(Line::from(Span::styled(
                keymap.hint_line(
                    Context::Templates,
                    &[Action::Up, Action::Down, Action::Choose, Action::Cancel],
                    lang,
                ),
                theme.muted,
            )));
            (
                lang.pick(" 用模板新建 ", " New from template ").to_string(),
                lines,
            )
        }
        PickerPopup::Rename { id, input, what } => {
            let hint = |action| keymap.hint(Context::Rename, action, lang);
            let keys = |action| keymap.hint_keys(Context::Rename, action);
            // Enter · Tab switches to the other · Esc.
            let switching = |instead: &str| {
                format!(
                    "{} · {} {instead} · {}",
                    hint(Action::Confirm),
                    keys(Action::SwitchInput),
                    hint(Action::Cancel)
                )
            };
            let (label, help) = match what {
                RenameWhat::Title => (
                    lang.pick("新标题：", "New title: "),
                    switching(lang.pick("改为修改编号", "change the id instead")),
                ),
                RenameWhat::Id => (
                    lang.pick("新编号：", "New id: "),
                    switching(lang.pick("改为修改标题", "change the title instead")),
                ),
                RenameWhat::Template => (
                    lang.pick("模板名：", "Template name: "),
                    format!(
                        "{} {} · {}",
                        keys(Action::Confirm),
                        lang.pick(
                            "存为自己的模板（zongjie templates 可见）",
                            "keep it as your template (see zongjie templates)"
                        ),
                        hint(Action::Cancel)
                    ),
                ),
            };
            let action = match what {
                RenameWhat::Template => lang.pick("存为模板", "Keep as a template:"),
                _ => lang.pick("重命名", "Rename"),
            };
            (
                format!(" {action} {id} "),
                vec![
                    Line::from(format!("{label}{}▏", escape_controls(input))),
                    Line::from(Span::styled(help, theme.muted)),
                ],
            )
        }
        PickerPopup::ConfirmDelete { id } => (
            lang.pick(" 删除草稿 ", " Delete draft ").to_string(),
            vec![
                Line::from({
                    let title = p
                        .drafts
                        .iter()
                        .find(|d| &d.id == id)
                        .and_then(|d| d.summary.as_ref().ok())
                        .map(|s| escape_controls(&s.title).into_owned())
                        .unwrap_or_default();
                    match lang {
                        Lang::Zh => format!("把“{title}”（{id}）移入回收站？"),
                        Lang::En => format!("Move \"{title}\" ({id}) to the trash?"),
                    }
                }),
                Line::from(Span::styled(
                    keymap.hint_line(
                        Context::DeleteDraft,
                        &[Action::Confirm, Action::Cancel],
                        lang,
                    ),
                    theme.muted,
                )),
            ],
        ),
        PickerPopup::Trash { items, selected } => {
            let about = items.iter().map(|(_, about)| about.as_str());
            let mut lines = list_lines(about, *selected, theme);
            if items.is_empty() {
                lines.push(Line::from(
                    lang.pick(" 回收站是空的", " The trash is empty"),
                ));
            }
            lines.push(Line::from(Span::styled(
                keymap.hint_line(Context::Trash, &[Action::Restore, Action::Cancel], lang),
                theme.muted,
            )));
            (lang.pick(" 回收站 ", " Trash ").to_string(), lines)
        }
        PickerPopup::Rescue { items, selected } => {
            let mut lines = vec![Line::from(lang.pick(
                " 上次保存失败时，未保存的文字存进了抢救文件：",
                " When a save failed, the unsaved text went to rescue files:",
            ))];
            lines.extend(list_lines(
                items.iter().map(|(_, about)| about.as_str()),
                *selected,
                theme,
            ));
            lines.push(Line::from(Span::styled(
                keymap.hint_line(Context::Rescue, &[Action::Restore, Action::Cancel], lang),
                theme.muted,
            )));
            (lang.pick(" 抢救文件 ", " Rescued text ").to_string(), lines)
        }
        PickerPopup::History {
            id,
            items,
            selected,
            changes,
        } => {
            let about = items.iter().map(|(_, about)| about.as_str());
            let mut lines = list_lines(about, *selected, theme);
            if let Some(diff) = changes.get(*selected) {
                lines.extend(super::diff_lines::version_changes(diff, lang, theme));
            }
            if items.is_empty() {
                lines.push(Line::from(lang.pick(
                    " 还没有早先的版本：保存时每十分钟留一个版本",
                    " No earlier versions yet: saving keeps one every ten minutes",
                )));
            }
            lines.push(Line::from(Span::styled(
                keymap.hint_line(Context::History, &[Action::Restore, Action::Cancel], lang),
                theme.muted,
            )));
            let title = format!(
                " {}{} ",
                lang.pick("早先的版本：", "Earlier versions: "),
                escape_controls(id.as_str())
            );
            (title, lines)
        }
    };
    let content_width = lines
        .iter()
        .map(|l| l.width())
        .max()
        .unwrap_or(0)
        .max(title.width()) as u16;
    let rect = centered(area, content_width + 4, lines.len() as u16 + 2);
    let inner_width = usize::from(rect.width.saturating_sub(2));
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            if l.width() > inner_width {
                let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
                Line::from(truncate(&text, inner_width)).style(l.style)
            } else {
                l
            }
        })
        .collect();
    // A list longer than the window scrolls to keep the selection in view.
    let selected = match popup {
        PickerPopup::Templates { selected } => {
            Some(selected + usize::from(p.drafts.is_empty()) * 2)
        }
        PickerPopup::Trash { selected, .. } | PickerPopup::History { selected, .. } => {
            Some(*selected)
        }
        PickerPopup::Rescue { selected, .. } => Some(selected + 1),
        _ => None,
    };
    let inner_height = usize::from(rect.height.saturating_sub(2)).max(1);
    let scroll = selected.map_or(0, |s| s.saturating_sub(inner_height - 1));
    super::clear_popup_area(frame, rect);
    let block = super::popup_block(theme, Line::from(truncate(&title, inner_width)));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        rect,
    );
}

/// A popup's list, one line an entry, the selected one highlighted.
fn list_lines<'a>(
    entries: impl Iterator<Item = &'a str>,
    selected: usize,
    theme: &crate::settings::theme::Theme,
) -> Vec<Line<'static>> {
    entries
        .enumerate()
        .map(|(i, entry)| {
            let line = Line::from(format!(" {}", escape_controls(entry)));
            if i == selected {
                line.style(theme.selection)
            } else {
                line
            }
        })
        .collect()
}

/// Cuts a title to `width` columns in the middle, keeping its end: drafts
/// of one kind differ at the end (“…（修订）”, “…（副本）”).
fn truncate_middle(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let tail_width = (width / 3).min(12);
    let mut tail = String::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > tail_width {
            break;
        }
        used += w;
        tail.insert(0, c);
    }
    let head = truncate(text, width.saturating_sub(used));
    format!("{head}{tail}")
}

/// Pads to `width` display columns (format's padding counts chars).
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn pad_left(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}

/// The picker's key hints as one line, or two when one does not fit. When
/// even two do not, the rarer keys give way: how to get help and how to
/// quit are always shown, at the end.
pub fn picker_hint_lines(keymap: &Keymap, lang: Lang, width: usize) -> Vec<String> {
    // An action with no key bound has no hint.
    let hint = |action: Action, zh: &str, en: &str| {
        let key = keymap.key_label(Context::Picker, action);
        (!key.is_empty()).then(|| format!("{key} {}", lang.pick(zh, en)))
    };
    // What a writer new to zongjie needs first comes first: open a draft,
    // start one, start the next period's from it (the genre comes every
    // half-year); then looking after drafts, and the rarest last. On a
    // narrow screen they give way from the end.
    let mut hints = [
        hint(Action::Open, "打开", "open"),
        hint(Action::NewDraft, "新建", "new"),
        hint(Action::NextPeriodDraft, "下一期", "next period"),
        hint(Action::RenameDraft, "改标题", "rename"),
        hint(Action::CopyDraft, "复制", "copy"),
        hint(Action::DeleteDraft, "删除", "delete"),
        hint(Action::ShowTrash, "回收站", "trash"),
        hint(Action::ShowHistory, "早先版本", "history"),
        hint(Action::RestoreBackup, "恢复上一版", "restore backup"),
        hint(Action::SaveAsTemplate, "存为模板", "as template"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<String>>();
    let tail: Vec<String> = [
        hint(Action::Help, "帮助", "help"),
        hint(Action::Exit, "退出", "quit"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let fits = |parts: &[String]| format!(" {}", parts.join(" · ")).width() <= width;
    loop {
        let all: Vec<String> = hints.iter().chain(tail.iter()).cloned().collect();
        if fits(&all) {
            return vec![format!(" {}", all.join(" · "))];
        }
        // Two lines: as many as fit on the first, the rest and the tail on the second.
        let mut split = 0;
        while split < hints.len() && fits(&hints[..=split]) {
            split += 1;
        }
        let second: Vec<String> = hints[split..].iter().chain(tail.iter()).cloned().collect();
        if split > 0 && fits(&second) {
            return vec![
                format!(" {}", hints[..split].join(" · ")),
                format!(" {}", second.join(" · ")),
            ];
        }
        if hints.pop().is_none() {
            // Not even help and quit fit: show them cut rather than nothing.
            return vec![truncate(&format!(" {}", tail.join(" · ")), width)];
        }
    }
}
