//! The editor pane: the fields of the selected entry, each a text area with
//! soft wrap; while editing, the terminal's cursor sits at the insertion
//! point so that an input method opens its window there.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::outline::entry_label;
use super::{centered, truncate};
use crate::app::{
    App, EditorState, Entry, FieldArea, FindInput, FindState, Focus, Popup, field_label,
};
use crate::document::{Field, NumberingStyle, SectionKind};
use crate::i18n::Lang;
use crate::layout::FieldView;
use crate::sanitize::escape_controls;
use crate::settings::keymap::{Action, Context};

pub fn kind_name(kind: SectionKind, lang: Lang) -> &'static str {
    match kind {
        SectionKind::Basic => lang.pick("基本情况", "Basic facts"),
        SectionKind::Work => lang.pick("工作开展情况", "Work done"),
        SectionKind::Highlights => lang.pick("工作亮点", "Highlights"),
        SectionKind::Problems => lang.pick("存在问题", "Problems"),
        SectionKind::Next => lang.pick("下一步打算", "Next steps"),
        SectionKind::Custom => lang.pick("其他", "Other"),
    }
}

pub fn style_name(style: NumberingStyle, lang: Lang) -> &'static str {
    match style {
        NumberingStyle::Paren => "（一）",
        NumberingStyle::Ordinal => lang.pick("一是（分段）", "一是 (paragraphs)"),
        NumberingStyle::OrdinalInline => lang.pick("一是（同段）", "一是 (one paragraph)"),
        NumberingStyle::Arabic => "1.",
        NumberingStyle::ArabicParen => "（1）",
        NumberingStyle::ArabicComma => "1、",
    }
}

/// The pane's title says plainly what is being edited: where it is and
/// which field, `二、工作开展情况 › （一）坚持… · 正文`. A long heading gives
/// way (cut with …) so that the field's name is always seen.
pub fn pane_title(e: &EditorState, lang: Lang, width: usize) -> String {
    let entry = e.fields.entry;
    let mut place = match entry {
        Entry::Item(at) => {
            let (number, text) = entry_label(&e.doc, Entry::Section(at.section), lang);
            format!("{number}{} › ", escape_controls(&text))
        }
        _ => String::new(),
    };
    let (number, text) = entry_label(&e.doc, entry, lang);
    let number = number.trim_start();
    // While its heading is typed in, a part is named by its number alone:
    // the heading is in full just below, and the rest of the title then
    // stays where it is instead of moving along with every key (issue 23).
    let typing_heading = e.focus == Focus::Editor
        && e.fields.active().is_some_and(|fa| {
            matches!(
                fa.field,
                Field::SectionTitle(_) | Field::ItemHeading(..) | Field::NodeHeading(_)
            )
        });
    let own = match entry {
        // "标题 …" and "落款 …" name the part themselves.
        Entry::Title | Entry::Preamble | Entry::Signature | Entry::Notes => String::new(),
        _ if typing_heading && !number.is_empty() => number.trim_end().to_string(),
        _ => format!("{number}{}", escape_controls(&text)),
    };
    let mut field = e
        .fields
        .active()
        .map(|fa| field_label(fa.field, lang).to_string())
        .unwrap_or_default();
    if let Entry::Section(s) = entry
        && let Some(section) = e.doc.sections.get(s)
    {
        field = format!(
            "{field} · {} · {}",
            kind_name(section.kind, lang),
            style_name(section.style, lang)
        );
    }
    if e.read_only {
        field.push_str(lang.pick(" · 只读", " · read-only"));
    }
    let tail = if own.is_empty() {
        format!("{field} ")
    } else {
        format!(" · {field} ")
    };
    let room = width
        .saturating_sub(tail.width())
        .saturating_sub(place.width() + 1);
    if room < 6 {
        // Too narrow for the place: the field alone.
        place.clear();
    }
    let room = width.saturating_sub(tail.width() + place.width() + 1);
    format!(" {place}{}{tail}", truncate(&own, room))
}

/// Draws the editor pane; returns the text area of the field the cursor
/// was left in, if it was.
pub fn draw(frame: &mut Frame, app: &App, e: &EditorState, area: Rect) -> Option<Rect> {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let focused = e.focus == Focus::Editor;
    let entry = e.fields.entry;
    let title = pane_title(e, lang, usize::from(area.width.saturating_sub(2)));
    let block = super::pane_block(theme, Line::from(title), focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 4 || inner.height == 0 {
        return None;
    }

    let mut typing_area = None;
    let slots = e.fields.slots(inner, lang);
    for (i, (fa, slot)) in e.fields.fields.iter().zip(&slots).enumerate() {
        if slot.text.height == 0 {
            continue; // stepped aside for the active field in a small pane
        }
        let active = i == e.fields.active;
        let label = format!("{}{}", field_label(fa.field, lang), lang.pick("：", ": "));
        let label_style = if active && focused {
            theme.border_focus
        } else {
            theme.muted
        };
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                truncate(&label, usize::from(slot.label.width)),
                label_style,
            ))),
            slot.label,
        );
        let text_area = slot.text;
        let Some(view) = e.fields.view(i, slot, active) else {
            break;
        };
        draw_field_text(frame, app, fa, &view, text_area);
        if active && focused {
            let (row, col) = view.cursor;
            let row = row.saturating_sub(view.top);
            let col = col.min(usize::from(text_area.width.saturating_sub(1)));
            if row < usize::from(text_area.height) {
                frame.set_cursor_position(Position::new(
                    text_area.x + col as u16,
                    text_area.y + row as u16,
                ));
                typing_area = Some(text_area);
            }
        }
        if let Some(note_area) = slot.note {
            let note = lang.pick(
                "（含控制字符，已转义显示）",
                "(control characters shown escaped)",
            );
            frame.render_widget(
                Paragraph::new(Line::from(Span::styled(note, theme.warning))),
                note_area,
            );
        }
    }
    let y = slots.last().map_or(inner.y, |s| s.bottom());
    let bottom = inner.y + inner.height;
    if entry == Entry::Notes && y < bottom {
        let note = lang.pick(
            "素材只保存在草稿里，不会导出。",
            "Notes stay in the draft and are never exported.",
        );
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(note, theme.muted))),
            Rect::new(inner.x, bottom - 1, inner.width, 1),
        );
    }
    typing_area
}

pub fn draw_popup(frame: &mut Frame, app: &App, popup: &Popup, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    match popup {
        Popup::Find(state) => draw_find(frame, app, state, area),
        Popup::Export { selected } => super::export_prompt::draw(frame, app, *selected, area),
        Popup::Target { input } => super::target::draw_prompt(frame, app, input, area),
        Popup::ChangedOnDisk => {
            let lines = vec![
                Line::from(lang.pick(
                    "这篇草稿在磁盘上被别的程序改过了（或在另一个窗口里保存过）。",
                    "This draft was changed on disk by another program (or another window).",
                )),
                Line::from(lang.pick(
                    "编辑器里的文字还没有保存。怎么办？",
                    "The text in the editor is not saved yet. What now?",
                )),
                Line::from(""),
            ];
            let keymap = &app.settings.keymap;
            let choices = [
                Action::SaveCopy,
                Action::Overwrite,
                Action::Reload,
                Action::Cancel,
            ];
            let lines: Vec<Line> = lines
                .into_iter()
                .chain(choices.into_iter().map(|action| {
                    let keys = keymap.hint_keys(Context::ChangedOnDisk, action);
                    let words = keymap.words(Context::ChangedOnDisk, action, lang);
                    Line::from(format!("  {keys:<2} {words}"))
                }))
                .collect();
            let rect = super::popup_area_for(frame, area, &lines, 4);
            let block = super::popup_block(
                theme,
                Line::from(lang.pick(" 磁盘上的草稿已改变 ", " Changed on disk "))
                    .style(theme.error),
            )
            .border_style(theme.error)
            .style(theme.text);
            frame.render_widget(Paragraph::new(lines).block(block), rect);
        }
        Popup::NewSection { selected } => draw_kinds(
            frame,
            app,
            *selected,
            lang.pick(" 新增部分：选择类型 ", " New section: kind "),
            area,
        ),
        Popup::ChangeKind { selected, .. } => draw_kinds(
            frame,
            app,
            *selected,
            lang.pick(" 本部分的类型 ", " Kind of this section "),
            area,
        ),
        Popup::ConfirmDeleteSection { section } => {
            let title = app
                .editor()
                .and_then(|e| e.doc.sections.get(*section))
                .map(|s| escape_controls(&s.title).into_owned())
                .unwrap_or_default();
            let lines = vec![
                Line::from(match lang {
                    Lang::Zh => format!("“{title}”里还有文字，确定删除整个部分吗？"),
                    Lang::En => format!("\"{title}\" still has text. Delete the whole section?"),
                }),
                Line::from(Span::styled(
                    app.settings.keymap.hint_line(
                        Context::DeleteSection,
                        &[Action::Confirm, Action::Cancel],
                        lang,
                    ),
                    theme.muted,
                )),
            ];
            let rect = super::popup_area_for(frame, area, &lines, 4);
            let inner = usize::from(rect.width.saturating_sub(2));
            let lines: Vec<Line> = lines
                .into_iter()
                .map(|l| {
                    let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
                    Line::from(truncate(&text, inner)).style(l.style)
                })
                .collect();
            let block = super::popup_block(
                theme,
                Line::from(lang.pick(" 删除部分 ", " Delete section ")),
            );
            frame.render_widget(Paragraph::new(lines).block(block), rect);
        }
    }
}

/// The list of section kinds, numbered for a digit key: the kind's name
/// once (the English UI adds the Chinese title a new section gets).
fn draw_kinds(frame: &mut Frame, app: &App, selected: usize, title: &str, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let hint = app.settings.keymap.hint_line(
        Context::KindList,
        &[Action::Choose, Action::ChooseNumber, Action::Cancel],
        lang,
    );
    let width = (hint.width() as u16 + 2).max(36);
    let rect = centered(area, width, SectionKind::ALL.len() as u16 + 3);
    super::clear_popup_area(frame, rect);
    let block = super::popup_block(theme, Line::from(title.to_string()));
    let mut lines: Vec<Line> = SectionKind::ALL
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            let name = kind_name(*kind, lang);
            let standard = kind.standard_title();
            let text = match lang {
                Lang::En if !standard.is_empty() => format!(" {} {name} ({standard})", i + 1),
                _ => format!(" {} {name}", i + 1),
            };
            let line = Line::from(text);
            if i == selected {
                line.style(theme.selection)
            } else {
                line
            }
        })
        .collect();
    lines.push(Line::from(Span::styled(
        truncate(&hint, usize::from(rect.width.saturating_sub(2))),
        theme.muted,
    )));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// The find bar, just above the status bar.
fn draw_find(frame: &mut Frame, app: &App, state: &FindState, area: Rect) {
    let theme = &app.settings.theme;
    let lang = app.lang();
    let rows = if state.replacement.is_some() { 3 } else { 2 };
    if area.height < rows + 2 {
        return;
    }
    let rect = Rect::new(area.x, area.y + area.height - 1 - rows, area.width, rows);
    super::clear_popup_area(frame, rect);
    let width = usize::from(rect.width);
    let count = match (state.current, state.matches.len()) {
        (_, 0) if state.query.is_empty() => String::new(),
        (_, 0) if state.replaced > 0 => match lang {
            Lang::Zh => format!("  已全部替换（{} 处）", state.replaced),
            Lang::En => format!("  all replaced ({})", state.replaced),
        },
        (_, 0) => lang.pick("  没有找到", "  not found").to_string(),
        (Some(i), n) => format!("  {}/{n}", i + 1),
        (None, n) => format!("  {n}"),
    };
    let active = |input: FindInput| {
        if state.input == input {
            theme.border_focus
        } else {
            theme.muted
        }
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(lang.pick("查找：", "Find: "), active(FindInput::Query)),
        // A recalled query shows selected: typing replaces it.
        Span::styled(
            escape_controls(&state.query).into_owned(),
            if state.recalled {
                theme.selection
            } else {
                ratatui::style::Style::default()
            },
        ),
        Span::styled(count, theme.muted),
    ])];
    if let Some(r) = &state.replacement {
        lines.push(Line::from(vec![
            Span::styled(
                lang.pick("替换为：", "Replace with: "),
                active(FindInput::Replacement),
            ),
            Span::raw(escape_controls(r).into_owned()),
        ]));
    }
    let keymap = &app.settings.keymap;
    let hint = if state.replacement.is_some() {
        keymap.hint_line(
            Context::Replace,
            &[
                Action::ReplaceOne,
                Action::FindPrev,
                Action::FindNext,
                Action::SwitchInput,
                Action::ReplaceAll,
                Action::Cancel,
            ],
            lang,
        )
    } else {
        keymap.hint_line(
            Context::Find,
            &[
                Action::FindNext,
                Action::FindPrev,
                Action::Replace,
                Action::Cancel,
            ],
            lang,
        )
    };
    lines.push(Line::from(Span::styled(
        truncate(&hint, width),
        theme.muted,
    )));
    frame.render_widget(Paragraph::new(lines).style(theme.text), rect);
    // The cursor in the line being typed, for the input method.
    let (row, typed) = match state.input {
        FindInput::Query => (
            0,
            format!(
                "{}{}",
                lang.pick("查找：", "Find: "),
                escape_controls(&state.query)
            ),
        ),
        FindInput::Replacement => (
            1,
            format!(
                "{}{}",
                lang.pick("替换为：", "Replace with: "),
                escape_controls(state.replacement.as_deref().unwrap_or(""))
            ),
        ),
    };
    let col = (typed.width() as u16).min(rect.width.saturating_sub(1));
    frame.set_cursor_position(Position::new(rect.x + col, rect.y + row));
}

/// The rows of a field's text in view, the selection (shift+arrows, a
/// find match) highlighted.
fn draw_field_text(frame: &mut Frame, app: &App, fa: &FieldArea, view: &FieldView, area: Rect) {
    let theme = &app.settings.theme;
    let selection = fa.area.selection_range();
    let selected = |line: usize, char: usize| {
        selection.is_some_and(|(from, to)| (line, char) >= from && (line, char) < to)
    };
    // The rows are wrapped to the width already: each is written straight
    // into the buffer, which a Paragraph would also do, after measuring
    // every grapheme again to wrap or truncate it (issue 23: a fifth of a
    // frame's time).
    let buf = frame.buffer_mut();
    buf.set_style(area, theme.text);
    let width = usize::from(area.width);
    let rows = view
        .rows
        .iter()
        .skip(view.top)
        .take(usize::from(area.height));
    for (y, row) in (area.y..).zip(rows) {
        if selection.is_none() {
            buf.set_stringn(area.x, y, &row.text, width, theme.text);
            continue;
        }
        let mut x = area.x;
        let end = area.x.saturating_add(area.width);
        for (k, c) in row.text.chars().enumerate() {
            if x >= end {
                break;
            }
            let style = if selected(row.line, row.start + k) {
                theme.selection
            } else {
                theme.text
            };
            let mut bytes = [0; 4];
            let (next, _) =
                buf.set_stringn(x, y, c.encode_utf8(&mut bytes), usize::from(end - x), style);
            x = next;
        }
    }
}
