//! Editing the way Word and WPS users expect, on top of the text widget:
//! the clipboard keys, Home/End by screen line then paragraph, Ctrl+←/→
//! by words and Chinese punctuation, Ctrl+Home/End, and moving on from one
//! field and item to the next with Enter, ↓ and ↑ — so that a whole draft
//! is written without going back to the outline.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_textarea::{CursorMove, DataCursor};

use super::clipboard::{Clipboard, CopiedPart, text_for_field};
use super::editor::EditorState;
use super::field_text::FieldText;
use super::find::FindState;
use super::outline::Entry;
use super::{Effect, Message};
use crate::document::{Document, Edit, Field, ItemRef};
use crate::i18n::Lang;
use crate::layout::FieldView;
use crate::settings::keymap::{Action, Context, Keymap};

/// What the editing keys remember between presses.
#[derive(Debug, Default)]
pub struct Typing {
    pub clipboard: Clipboard,
    /// Where the last End left the cursor: a second End there goes on to
    /// the end of the paragraph.
    end_pressed_at: Option<(Field, (usize, usize))>,
    /// The last text searched for: Ctrl+R (and Ctrl+F again) start with it.
    pub last_query: String,
}

/// A new find or replace bar starts with the last query, its matches
/// counted, selected as Word shows it: typing replaces it, `Tab` goes on
/// to the replacement with it.
pub(super) fn continue_search(state: &mut FindState, typing: &Typing, doc: &Document) {
    if typing.last_query.is_empty() {
        return;
    }
    state.query.clone_from(&typing.last_query);
    state.refresh(doc);
    state.recalled = true;
}

/// Why a change did nothing in a draft opened read-only.
pub(super) fn read_only_here(lang: Lang) -> &'static str {
    lang.pick(
        "只读：这篇草稿正在另一个 zongjie 窗口中编辑，这里不能修改",
        "Read-only: this draft is open in another zongjie window and cannot be changed here",
    )
}

/// Nothing to copy or cut: how to select (Shift and the arrows are the
/// widget's, select-all is the keymap's).
fn select_first(keymap: &Keymap, lang: Lang) -> String {
    let all = keymap.key_label(Context::Editor, Action::SelectAll);
    match (lang, all.is_empty()) {
        (Lang::Zh, true) => "先选中文字（Shift+方向键）".into(),
        (Lang::Zh, false) => format!("先选中文字（Shift+方向键，{all} 全选）"),
        (Lang::En, true) => "Select text first (Shift+arrows)".into(),
        (Lang::En, false) => format!("Select text first (Shift+arrows, {all} for all)"),
    }
}

/// `Ctrl+V 粘贴，u 撤销`: the outline's keys for what can follow a copy or
/// a cut, those that are bound, in `lang`.
fn outline_next_steps(keymap: &Keymap, lang: Lang, steps: &[(Action, &str, &str)]) -> String {
    let steps: Vec<String> = steps
        .iter()
        .map(|(action, zh, en)| {
            (
                keymap.key_label(Context::Outline, *action),
                lang.pick(zh, en),
            )
        })
        .filter(|(key, _)| !key.is_empty())
        .map(|(key, words)| format!("{key} {words}"))
        .collect();
    steps.join(lang.pick("，", ", "))
}

pub(super) fn say(message: &mut Option<Message>, text: &str, error: bool) {
    *message = Some(Message {
        text: text.to_string(),
        error,
    });
}

/// The clipboard keys and the cursor keys of Word inside a field. Returns
/// `None` when the key is not one of them (the widget's own keys apply).
#[allow(clippy::too_many_arguments)]
pub(super) fn field_key(
    e: &mut EditorState,
    typing: &mut Typing,
    size: (u16, u16),
    keymap: &Keymap,
    action: Option<Action>,
    key: KeyEvent,
    lang: Lang,
    message: &mut Option<Message>,
) -> Option<Vec<Effect>> {
    let read_only = e.read_only;
    // The screen lines as the editor pane draws them.
    let view = e.active_view(size, lang);
    let fa = e.fields.active_mut()?;
    let field = fa.field;
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    if key.code != KeyCode::End {
        typing.end_pressed_at = None;
    }
    match action {
        Some(Action::SelectAll) => {
            fa.area.select_all();
            return Some(Vec::new());
        }
        Some(Action::Copy) => {
            let Some(text) = selected_text(&mut fa.area) else {
                say(message, &select_first(keymap, lang), false);
                return Some(Vec::new());
            };
            typing.clipboard.text = Some(text.clone());
            say(message, lang.pick("已复制", "Copied"), false);
            return Some(vec![Effect::CopyToSystem(text)]);
        }
        Some(Action::Cut) | Some(Action::Paste) if read_only => {
            say(message, read_only_here(lang), true);
            return Some(Vec::new());
        }
        Some(Action::Cut) => {
            let Some(text) = selected_text(&mut fa.area) else {
                say(message, &select_first(keymap, lang), false);
                return Some(Vec::new());
            };
            fa.area.cut();
            typing.clipboard.text = Some(text.clone());
            // A cut is an undo step of its own.
            e.end_typing_run();
            e.text_changed(None);
            return Some(vec![Effect::CopyToSystem(text)]);
        }
        Some(Action::Paste) => {
            match typing.clipboard.text.clone() {
                Some(text) => {
                    let text = text_for_field(&text, field.is_multiline());
                    if fa.area.is_selecting() {
                        fa.area.cut();
                    }
                    fa.area.insert_str(&text);
                    // A paste is an undo step of its own.
                    e.end_typing_run();
                    e.text_changed(None);
                }
                None => say(
                    message,
                    lang.pick(
                        "剪贴板是空的；从别的程序粘贴请用终端的粘贴键（常为 Ctrl+Shift+V）",
                        "The clipboard is empty; to paste from another program use the terminal's paste (often Ctrl+Shift+V)",
                    ),
                    false,
                ),
            }
            return Some(Vec::new());
        }
        _ => {}
    }
    let area = &mut fa.area;
    let with_shift = |area: &mut FieldText| {
        if shift && !area.is_selecting() {
            area.start_selection();
        } else if !shift {
            area.cancel_selection();
        }
    };
    match key.code {
        KeyCode::Home | KeyCode::End if ctrl => {
            with_shift(area);
            if key.code == KeyCode::Home {
                area.move_cursor(CursorMove::Top);
                area.move_cursor(CursorMove::Head);
            } else {
                area.move_cursor(CursorMove::Bottom);
                area.move_cursor(CursorMove::End);
            }
        }
        KeyCode::Home => {
            with_shift(area);
            let DataCursor(row, col) = area.cursor();
            let start = view
                .as_ref()
                .map_or_else(|| screen_line_start(area), screen_line_start_in);
            // At the start of a screen line already: the paragraph's start.
            let target = if start == (row, col) { (row, 0) } else { start };
            jump(area, target);
        }
        KeyCode::End => {
            with_shift(area);
            let DataCursor(r, c) = area.cursor();
            let here = (r, c);
            let again = typing.end_pressed_at == Some((field, here));
            let target = if again {
                (here.0, area.lines()[here.0].chars().count())
            } else {
                view.as_ref()
                    .map_or_else(|| screen_line_end(area), screen_line_end_in)
            };
            jump(area, target);
            typing.end_pressed_at = Some((field, target));
        }
        KeyCode::Left | KeyCode::Right if ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
            with_shift(area);
            let DataCursor(row, col) = area.cursor();
            let line: Vec<char> = area.lines()[row].chars().collect();
            let target = if key.code == KeyCode::Right {
                match next_word_stop(&line, col) {
                    Some(c) => (row, c),
                    None if row + 1 < area.lines().len() => (row + 1, 0),
                    None => (row, col),
                }
            } else {
                match prev_word_stop(&line, col) {
                    Some(c) => (row, c),
                    None if row > 0 => (row - 1, area.lines()[row - 1].chars().count()),
                    None => (row, col),
                }
            };
            jump(area, target);
        }
        _ => return None,
    }
    Some(Vec::new())
}

/// The selected text with its paragraphs, leaving the selection as it was.
fn selected_text(area: &mut FieldText) -> Option<String> {
    let ((r0, c0), (r1, c1)) = area.selection_range()?;
    if (r0, c0) == (r1, c1) {
        return None;
    }
    let lines = area.lines();
    let mut out = String::new();
    for (r, line) in lines.iter().enumerate().take(r1 + 1).skip(r0) {
        let from = if r == r0 { c0 } else { 0 };
        let to = if r == r1 { c1 } else { usize::MAX };
        out.extend(line.chars().skip(from).take(to.saturating_sub(from)));
        if r < r1 {
            out.push('\n');
        }
    }
    Some(out)
}

fn jump(area: &mut FieldText, (row, col): (usize, usize)) {
    area.jump(row, col);
}

/// Where the cursor's row starts, in the view the editor pane draws.
fn screen_line_start_in(view: &FieldView) -> (usize, usize) {
    view.rows
        .get(view.cursor.0)
        .map_or((0, 0), |r| (r.line, r.start))
}

/// Where the cursor's row ends, in the view the editor pane draws: after
/// its last character, or on it inside a wrapped paragraph (after it is
/// the next row's start).
fn screen_line_end_in(view: &FieldView) -> (usize, usize) {
    view.rows.get(view.cursor.0).map_or((0, 0), |r| {
        let len = r.text.chars().count();
        let back = usize::from(!r.last && len > 0);
        (r.line, r.start + len - back)
    })
}

/// Where the cursor's paragraph starts, when the field is not shown.
fn screen_line_start(area: &FieldText) -> (usize, usize) {
    (area.cursor().0, 0)
}

/// Where the cursor's paragraph ends, when the field is not shown.
fn screen_line_end(area: &FieldText) -> (usize, usize) {
    let row = area.cursor().0;
    (row, area.lines()[row].chars().count())
}

/// What a character is, for Ctrl+←/→: a word runs over characters of one
/// kind; every punctuation mark is a stop of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharKind {
    Space,
    Punctuation,
    /// Chinese, Japanese, Korean characters.
    Ideograph,
    /// Letters and digits of other scripts (English words, numbers).
    Word,
}

fn char_kind(c: char) -> CharKind {
    if c.is_whitespace() {
        CharKind::Space
    } else if c.is_alphanumeric() {
        if unicode_width::UnicodeWidthChar::width(c) == Some(2) {
            CharKind::Ideograph
        } else {
            CharKind::Word
        }
    } else {
        CharKind::Punctuation
    }
}

/// Ctrl+→: past the run of characters of the cursor's kind (or past one
/// punctuation mark) and the spaces after it; `None` at the line's end.
pub fn next_word_stop(line: &[char], col: usize) -> Option<usize> {
    if col >= line.len() {
        return None;
    }
    let kind = char_kind(line[col]);
    let mut i = col + 1;
    if kind != CharKind::Punctuation {
        while i < line.len() && char_kind(line[i]) == kind {
            i += 1;
        }
    }
    while i < line.len() && char_kind(line[i]) == CharKind::Space {
        i += 1;
    }
    Some(i)
}

/// Ctrl+←: to the start of the word (or punctuation mark) before the
/// cursor, over the spaces before it; `None` at the line's start.
pub fn prev_word_stop(line: &[char], col: usize) -> Option<usize> {
    let col = col.min(line.len());
    if col == 0 {
        return None;
    }
    let mut i = col;
    while i > 0 && char_kind(line[i - 1]) == CharKind::Space {
        i -= 1;
    }
    if i == 0 {
        return Some(0);
    }
    let kind = char_kind(line[i - 1]);
    i -= 1;
    if kind != CharKind::Punctuation {
        while i > 0 && char_kind(line[i - 1]) == kind {
            i -= 1;
        }
    }
    Some(i)
}

/// ↓ at the last line of the last field, or Enter at the end of the last
/// one-line field, goes on to the next part of the outline (its first
/// field, cursor at the start); ↑ at the first line of the first field
/// goes back to the previous part (its last field, cursor at the end).
/// Returns whether it moved.
pub(super) fn move_across_parts(e: &mut EditorState, down: bool) -> bool {
    let moved_within = if down {
        e.fields.next_field()
    } else {
        e.fields.prev_field()
    };
    if moved_within {
        return true;
    }
    let target = if down {
        e.selected + 1
    } else {
        match e.selected.checked_sub(1) {
            Some(i) => i,
            None => return false,
        }
    };
    if target >= e.entries.len() {
        return false;
    }
    e.select_entry(target);
    if !down {
        e.fields.active = e.fields.fields.len().saturating_sub(1);
        if let Some(fa) = e.fields.active_mut() {
            fa.area.move_cursor(CursorMove::Bottom);
            fa.area.move_cursor(CursorMove::End);
        }
    }
    true
}

/// Ctrl+C / Ctrl+X / Ctrl+V in the outline: whole items and sections, with
/// their text. A copied item is pasted after the selected item (or as the
/// first item of the selected section); a copied section after the
/// selected section. Returns whether the document changed.
pub(super) fn outline_clipboard(
    e: &mut EditorState,
    typing: &mut Typing,
    keymap: &Keymap,
    action: Action,
    lang: Lang,
    message: &mut Option<Message>,
) -> bool {
    match action {
        Action::Copy | Action::Cut => {
            let part = match e.selected_entry() {
                Entry::Item(at) => e
                    .doc
                    .sections
                    .get(at.section)
                    .and_then(|s| s.items.get(at.item))
                    .cloned()
                    .map(CopiedPart::Item),
                Entry::Section(s) => e
                    .doc
                    .sections
                    .get(s)
                    .cloned()
                    .map(|s| CopiedPart::Section(Box::new(s))),
                // A point of level 3 or 4, with the points below it.
                Entry::Node(at) => e.doc.node(at).cloned().map(CopiedPart::Item),
                _ => None,
            };
            let Some(part) = part else {
                say(
                    message,
                    lang.pick(
                        "大纲里只能复制、剪切条目和部分；文字请在编辑栏里复制",
                        "The outline copies and cuts items and sections; copy text in the editor",
                    ),
                    false,
                );
                return false;
            };
            let what = match &part {
                CopiedPart::Item(_) => lang.pick("条目", "the item"),
                CopiedPart::Section(_) => lang.pick("部分", "the section"),
            };
            typing.clipboard.part = Some(part);
            if action == Action::Copy {
                let paste = outline_next_steps(
                    keymap,
                    lang,
                    &[(
                        Action::Paste,
                        "粘贴到所选位置之后",
                        "pastes it after the selection",
                    )],
                );
                say(
                    message,
                    &match (lang, paste.is_empty()) {
                        (Lang::Zh, true) => format!("已复制{what}"),
                        (Lang::Zh, false) => format!("已复制{what}，{paste}"),
                        (Lang::En, true) => format!("Copied {what}"),
                        (Lang::En, false) => format!("Copied {what}; {paste}"),
                    },
                    false,
                );
                return false;
            }
            if e.read_only {
                say(message, read_only_here(lang), true);
                return false;
            }
            let done = e.delete_selected();
            if done {
                let steps = outline_next_steps(
                    keymap,
                    lang,
                    &[
                        (Action::Paste, "粘贴", "pastes it"),
                        (Action::Undo, "撤销", "undoes"),
                    ],
                );
                say(
                    message,
                    &match (lang, steps.is_empty()) {
                        (Lang::Zh, true) => format!("已剪切{what}"),
                        (Lang::Zh, false) => format!("已剪切{what}，{steps}"),
                        (Lang::En, true) => format!("Cut {what}"),
                        (Lang::En, false) => format!("Cut {what}; {steps}"),
                    },
                    false,
                );
            }
            done
        }
        Action::Paste => {
            let edit = match (typing.clipboard.part.clone(), e.selected_entry()) {
                (Some(CopiedPart::Item(item)), Entry::Item(at)) => Some(Edit::InsertItem {
                    at: ItemRef::new(at.section, at.item + 1),
                    item,
                }),
                // After a node, at its level (refused below level 4).
                (Some(CopiedPart::Item(item)), Entry::Node(at)) => {
                    let point = crate::document::Point::Node(at);
                    point
                        .parent()
                        .and_then(|parent| parent.child(point.index() + 1))
                        .map(|at| Edit::InsertPoint { at, item })
                }
                (Some(CopiedPart::Item(item)), Entry::Section(s)) => Some(Edit::InsertItem {
                    at: ItemRef::new(s, 0),
                    item,
                }),
                (Some(CopiedPart::Section(section)), entry) => Some(Edit::InsertSection {
                    at: entry.section().map_or(e.doc.sections.len(), |s| s + 1),
                    section,
                }),
                (Some(CopiedPart::Item(_)), _) => {
                    say(
                        message,
                        lang.pick(
                            "条目要粘贴到某个部分里：先选中一个部分或条目",
                            "An item goes into a section: select a section or an item first",
                        ),
                        false,
                    );
                    None
                }
                (None, _) => {
                    let copy = keymap.key_label(Context::Outline, Action::Copy);
                    let text = match (lang, copy.is_empty()) {
                        (Lang::Zh, true) => "还没有复制条目或部分".into(),
                        (Lang::Zh, false) => format!("还没有复制条目或部分（在大纲里按 {copy}）"),
                        (Lang::En, true) => "No item or section copied yet".into(),
                        (Lang::En, false) => {
                            format!("No item or section copied yet ({copy} in the outline)")
                        }
                    };
                    say(message, &text, false);
                    None
                }
            };
            edit.is_some_and(|edit| e.apply(edit))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stops(text: &str) -> Vec<usize> {
        let line: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut col = 0;
        while let Some(next) = next_word_stop(&line, col) {
            out.push(next);
            col = next;
        }
        out
    }

    #[test]
    fn ctrl_right_stops_at_chinese_punctuation_and_words() {
        // 认真学习|，|贯彻|《|条例|》|，|2020 |年|
        assert_eq!(
            stops("认真学习，贯彻《条例》，2020 年"),
            vec![4, 5, 7, 8, 10, 11, 12, 17, 18]
        );
        assert_eq!(stops("Party building"), vec![6, 14]);
    }

    #[test]
    fn ctrl_left_retraces_ctrl_right() {
        for text in ["认真学习，贯彻《条例》，2020 年", "Party building, 党建"] {
            let line: Vec<char> = text.chars().collect();
            let mut forward = vec![0];
            forward.extend(stops(text));
            let mut back = vec![line.len()];
            let mut col = line.len();
            while let Some(prev) = prev_word_stop(&line, col) {
                back.push(prev);
                col = prev;
            }
            back.reverse();
            // Every stop going back is a stop going forward (spaces aside).
            for b in &back {
                assert!(forward.contains(b), "{text}: {b} in {forward:?} / {back:?}");
            }
        }
    }
}
