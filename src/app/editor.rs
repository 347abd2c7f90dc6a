//! The editor screen: outline selection, editing fields, structural edits
//! with undo, counts and the preview kept current without redoing the whole
//! document on every key.

use std::cell::OnceCell;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use tui_textarea::{CursorMove, Input};

use super::counts::text_counts;
use super::fields::FieldEditor;
use super::find::{FindInput, FindState, Match, replace_all, replace_one};
use super::outline::{Entry, entries, field_label, outline_text_key, visible_entries};
use super::{App, Effect, Screen};
use crate::check::{CheckOptions, Finding, check};
use crate::document::{
    Document, Edit, Field, History, Item, ItemRef, Point, Section, SectionKind, item_move_down,
    item_move_up, section_move_down, section_move_up,
};
pub use crate::layout::Focus;
use crate::layout::{
    FieldShape, FieldSlot, FieldView, editor_layout, field_slots, outline_top, text_position,
};
use crate::plain_text::{
    Paragraph, head_paragraphs, item_paragraphs, section_paragraphs, tail_paragraphs,
};
use crate::settings::keymap::{Action, Context};
use crate::storage::DraftLocation;

/// A small window over the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// Choose the kind of a new section.
    NewSection { selected: usize },
    /// The find (and replace) bar.
    Find(FindState),
    /// The draft was changed on disk by someone else: overwrite, reload or copy?
    ChangedOnDisk,
    /// Delete a section that still has text? (y/n)
    ConfirmDeleteSection { section: usize },
    /// Choose the kind of the selected section (the same list as for a new one).
    ChangeKind { section: usize, selected: usize },
    /// Export as .txt or .docx?
    Export { selected: crate::docx::ExportFormat },
    /// The target length being typed (for the selected section, or the draft).
    Target { input: String },
}

/// The export as paragraphs, cut in parts so that typing in one section
/// renders only that section again: [head, section 0, …, section n-1, tail].
/// A part is rendered when it is first shown, so opening a long draft and
/// every structural edit cost nothing here, and memory holds only what was
/// on screen.
#[derive(Debug, Default)]
pub struct PreviewParts {
    parts: Vec<OnceCell<Vec<Paragraph>>>,
}

impl PreviewParts {
    fn build(doc: &Document) -> PreviewParts {
        PreviewParts {
            parts: (0..doc.sections.len() + 2)
                .map(|_| OnceCell::new())
                .collect(),
        }
    }

    /// Renders again what `field` of `doc` shows: the paragraphs of its
    /// item, or else the whole part that holds it, when it is next shown.
    fn refresh(&mut self, doc: &Document, field: Field) {
        if let Some((s, i)) = field.item()
            && let Some(paragraphs) = self.parts.get_mut(s + 1).and_then(OnceCell::get_mut)
            && let Some(start) = paragraphs
                .iter()
                .position(|p| p.origin.item() == Some((s, i)))
            && let Some(fresh) = item_paragraphs(doc, s, i)
        {
            let end = start
                + paragraphs[start..]
                    .iter()
                    .take_while(|p| p.origin.item() == Some((s, i)))
                    .count();
            paragraphs.splice(start..end, fresh);
            return;
        }
        let part = match field.section() {
            Some(s) => s + 1,
            None if matches!(field, Field::SignatureOrganization | Field::SignatureDate) => {
                self.parts.len() - 1
            }
            None if matches!(field, Field::Title | Field::Preamble) => 0,
            None => return, // not exported
        };
        if let Some(slot) = self.parts.get_mut(part) {
            slot.take();
        }
    }

    /// How many parts there are.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The paragraphs of part `p` of `doc` (the document these parts are of).
    pub fn part(&self, doc: &Document, p: usize) -> &[Paragraph] {
        let Some(slot) = self.parts.get(p) else {
            return &[];
        };
        slot.get_or_init(|| match p {
            0 => head_paragraphs(doc),
            p if p == self.parts.len() - 1 => tail_paragraphs(doc),
            p => section_paragraphs(doc, p - 1),
        })
    }

    /// The part and paragraph where an entry is shown.
    pub fn anchor(&self, doc: &Document, entry: Entry) -> (usize, usize) {
        let part = match entry {
            Entry::Title | Entry::Preamble => 0,
            Entry::Section(s) => s + 1,
            Entry::Item(at) => at.section + 1,
            Entry::Node(at) => at.section + 1,
            Entry::Signature | Entry::Notes => self.parts.len().saturating_sub(1),
        };
        if part >= self.parts.len() {
            return (0, 0);
        }
        let paragraphs = self.part(doc, part);
        let field = entry.fields()[0];
        let index = match entry {
            Entry::Item(_) | Entry::Node(_) | Entry::Preamble => {
                crate::plain_text::paragraph_index_for(paragraphs, field)
            }
            _ => paragraphs
                .iter()
                .position(|p| p.origin == field)
                .unwrap_or(0),
        };
        (part, index)
    }
}

/// How far the preview can scroll down from the selected entry: the rows
/// from there to the end, less one pane — so PgDn stops at the end.
pub fn preview_max_scroll(
    e: &EditorState,
    size: (u16, u16),
    options: &crate::plain_text::ExportOptions,
) -> isize {
    let layout = editor_layout(
        ratatui::layout::Rect::new(0, 0, size.0, size.1),
        e.focus,
        e.show_findings,
    );
    let Some(area) = layout.preview else {
        return 0;
    };
    let width = usize::from(area.width.saturating_sub(2));
    let height = usize::from(area.height.saturating_sub(2));
    if width == 0 {
        return 0;
    }
    let (part, index) = e.preview.anchor(&e.doc, e.selected_entry());
    let mut rows = 0usize;
    for p in part..e.preview.len() {
        let paragraphs = e.preview.part(&e.doc, p);
        let start = if p == part { index } else { 0 };
        for para in paragraphs.iter().skip(start) {
            if options.blank_lines && rows > 0 {
                rows += 1;
            }
            rows += crate::layout::paragraph_rows(para, width, options.indent).len();
        }
    }
    rows.saturating_sub(height) as isize
}

/// How long a pause in typing ends an undo step, as in Word.
pub const PHRASE_PAUSE: Duration = Duration::from_secs(1);

/// What a run of keys does to a field's text. Typing and deleting are
/// separate undo steps, as in Word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunKind {
    Typing,
    Deleting,
}

/// The undo step that typing is growing: text typed without a pause is
/// one step, so an input method's phrase, which arrives at once, is undone
/// at once. A pause, a cursor move, Enter, a paste, a structural edit,
/// undo or redo end it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypingRun {
    field: Field,
    kind: RunKind,
    last: Instant,
}

/// Counts shown in the status bar, kept without recounting the document on
/// every key: the totals of everything but the entry being edited, plus the
/// entry's own live counts.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub total: usize,
    pub placeholders: usize,
    /// Characters of the section the selection is in.
    pub section: Option<usize>,
    base_total: usize,
    base_placeholders: usize,
    base_section: usize,
}

/// Everything about the open draft.
pub struct EditorState {
    pub doc: Document,
    pub location: DraftLocation,
    /// One history for text and structure: Ctrl+Z undoes the last thing
    /// the writer did, wherever the focus is.
    pub history: History,
    /// The undo step typing is adding to, if any.
    pub typing: Option<TypingRun>,
    /// The pause that ends a typing run ([`PHRASE_PAUSE`]; tests that must
    /// not depend on the machine's speed make it long and pause by `tick`).
    pub phrase_pause: Duration,
    pub entries: Vec<Entry>,
    pub selected: usize,
    pub focus: Focus,
    pub fields: FieldEditor,
    pub preview: PreviewParts,
    /// Lines scrolled in the preview away from the selection (when focused).
    pub preview_scroll: isize,
    pub counts: Counts,
    pub popup: Option<Popup>,
    /// Outline rows whose points below are hidden (Tab, Shift+Tab).
    pub folded: std::collections::HashSet<Entry>,
    /// Changed since the last save.
    pub dirty: bool,
    pub last_change: Option<Instant>,
    pub saved_at: Option<String>,
    pub save_error: Option<String>,
    pub read_only: bool,
    /// Why the draft is read-only, in a few words for the status bar.
    pub read_only_why: Option<String>,
    /// The draft on disk changed under us; autosave waits for the writer's choice.
    pub conflict: bool,
    /// The findings of the last check (once the first frame is drawn after
    /// opening, then after each save and each structural change) and
    /// whether their pane is shown.
    pub findings: Vec<Finding>,
    pub findings_selected: usize,
    pub show_findings: bool,
    /// The draft has not been checked yet (just opened).
    pub findings_pending: bool,
    /// Changes whenever what the outline shows may have changed (its
    /// entries, the selection, the selected entry's text), so a drawing
    /// cache keyed on it is never stale. Unique in the process: two drafts
    /// never share a version.
    pub outline_version: u64,
    /// The selected entry's outline text, as far as any outline pane
    /// can show it, at `outline_version`.
    outline_text: String,
    /// The earlier draft shown in place of the preview (F9).
    pub reference: super::Reference,
}

/// A version no other state has had.
fn next_version() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl EditorState {
    pub fn new(doc: Document, location: DraftLocation) -> EditorState {
        let entries = entries(&doc);
        let fields = FieldEditor::new(&doc, Entry::Title);
        let preview = PreviewParts::build(&doc);
        let mut state = EditorState {
            doc,
            location,
            history: History::default(),
            typing: None,
            phrase_pause: PHRASE_PAUSE,
            entries,
            selected: 0,
            focus: Focus::Outline,
            fields,
            preview,
            preview_scroll: 0,
            counts: Counts::default(),
            popup: None,
            folded: Default::default(),
            dirty: false,
            last_change: None,
            saved_at: None,
            save_error: None,
            read_only: false,
            read_only_why: None,
            conflict: false,
            findings: Vec::new(),
            findings_selected: 0,
            show_findings: false,
            findings_pending: true,
            outline_version: 0,
            outline_text: String::new(),
            reference: super::Reference::default(),
        };
        state.outline_changed();
        // Checking a long draft takes milliseconds: it waits until the
        // first frame is on screen (App::idle).
        state.recount();
        state
    }

    pub fn selected_entry(&self) -> Entry {
        self.entries
            .get(self.selected)
            .copied()
            .unwrap_or(Entry::Title)
    }

    /// Characters of the section the selection is in.
    pub fn section_chars(&self) -> Option<usize> {
        self.counts.section
    }

    /// Counts the whole document again (after structural changes), and the
    /// baseline without the selected entry.
    fn recount(&mut self) {
        let mut total = 0;
        let mut placeholders = 0;
        for field in self.doc.fields() {
            if field.is_exported() {
                let (chars, found) = text_counts(self.doc.text(field).unwrap_or(""));
                total += chars;
                placeholders += found;
            }
        }
        self.counts.total = total;
        self.counts.placeholders = placeholders;
        self.rebase_counts();
    }

    /// The baselines without the selected entry: the totals, and the
    /// section it is in (counted once, when it is selected).
    fn rebase_counts(&mut self) {
        let (own_total, own_placeholders) = self.entry_counts();
        let section = self
            .selected_entry()
            .section()
            .map(|s| self.doc.section_char_count(s));
        let c = &mut self.counts;
        c.base_total = c.total - own_total.min(c.total);
        c.base_placeholders = c.placeholders - own_placeholders.min(c.placeholders);
        c.section = section;
        c.base_section = c.section.map_or(0, |n| n - own_total.min(n));
    }

    fn entry_counts(&self) -> (usize, usize) {
        self.fields
            .fields
            .iter()
            .filter(|fa| fa.field.is_exported())
            .map(|fa| text_counts(self.doc.text(fa.field).unwrap_or("")))
            .fold((0, 0), |(a, b), (c, d)| (a + c, b + d))
    }

    /// After typing: the live counts from the baseline plus the entry.
    fn update_counts(&mut self) {
        let (own_total, own_placeholders) = self.entry_counts();
        let c = &mut self.counts;
        c.total = c.base_total + own_total;
        c.placeholders = c.base_placeholders + own_placeholders;
        if let Some(section) = &mut c.section {
            *section = c.base_section + own_total;
        }
    }

    /// Selects an entry and loads its fields into the editor pane.
    pub(super) fn select_entry(&mut self, index: usize) {
        self.select(index);
    }

    /// Selects an entry and loads its fields into the editor pane.
    pub(super) fn select(&mut self, index: usize) {
        self.end_typing_run();
        self.selected = index.min(self.entries.len().saturating_sub(1));
        self.fields = FieldEditor::new(&self.doc, self.selected_entry());
        self.preview_scroll = 0;
        self.rebase_counts();
        self.outline_changed();
    }

    /// The outline may show something else: a new version.
    pub(super) fn outline_changed(&mut self) {
        self.outline_version = next_version();
        self.outline_text = outline_text_key(&self.doc, self.selected_entry());
    }

    /// Selects the entry that shows `field`.
    pub fn select_field(&mut self, field: Field) {
        let entry = Entry::of_field(field);
        let index = self.entries.iter().position(|e| *e == entry).unwrap_or(0);
        self.select(index);
        if let Some(i) = self.fields.fields.iter().position(|fa| fa.field == field) {
            self.fields.active = i;
        }
    }

    /// Ends the undo step typing was growing: what comes next is a new step.
    pub fn end_typing_run(&mut self) {
        self.typing = None;
    }

    /// Ends the typing run if the writer paused for `phrase_pause` by `now`.
    pub fn end_typing_run_if_paused(&mut self, now: Instant) {
        let pause = self.phrase_pause;
        if self
            .typing
            .is_some_and(|run| now.saturating_duration_since(run.last) >= pause)
        {
            self.typing = None;
        }
    }

    /// After a structural change: entries, preview and counts from scratch.
    fn rebuild(&mut self, focus: Option<Field>) {
        // What the change is about is never hidden in a fold.
        if let Some(field) = focus {
            for above in Entry::of_field(field).ancestors() {
                self.folded.remove(&above);
            }
        }
        let doc = &self.doc;
        self.folded.retain(|e| e.has_children(doc));
        self.entries = visible_entries(&self.doc, &self.folded);
        self.preview = PreviewParts::build(&self.doc);
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
        self.fields = FieldEditor::new(&self.doc, self.selected_entry());
        if let Some(field) = focus {
            let entry = Entry::of_field(field);
            let index = self
                .entries
                .iter()
                .position(|e| *e == entry)
                .unwrap_or(self.selected);
            self.selected = index;
            // The entry at the selection: the one asked for may be gone
            // (the last section deleted).
            self.fields = FieldEditor::new(&self.doc, self.selected_entry());
        }
        self.recount();
        self.outline_changed();
        // Checked once the writer pauses: a move followed by its save would
        // otherwise check the whole draft twice.
        self.findings_pending = true;
        self.touch();
    }

    fn touch(&mut self) {
        self.dirty = true;
        self.last_change = Some(Instant::now());
    }

    /// Applies a structural edit through the history; false if it did not apply.
    pub fn apply(&mut self, edit: Edit) -> bool {
        self.end_typing_run();
        if self.read_only {
            return false;
        }
        match self.history.apply(&mut self.doc, edit) {
            Some(focus) => {
                self.rebuild(focus);
                true
            }
            None => false,
        }
    }

    fn undo(&mut self) -> bool {
        self.step_history(true)
    }

    fn redo(&mut self) -> bool {
        self.step_history(false)
    }

    /// Undoes (or redoes) the last step, text or structure alike, and
    /// shows where it happened: an undone text change puts the cursor at
    /// the end of what changed in that field.
    fn step_history(&mut self, undo: bool) -> bool {
        self.end_typing_run();
        if self.read_only {
            return false;
        }
        let stepped = if undo {
            self.history.undo(&mut self.doc)
        } else {
            self.history.redo(&mut self.doc)
        };
        let Some(focus) = stepped else {
            return false;
        };
        // The inverse of what was just done holds the text it replaced.
        let replaced = if undo {
            self.history.next_redo()
        } else {
            self.history.next_undo()
        };
        let replaced = match replaced {
            Some(Edit::SetText { field, text }) => Some((*field, text.clone())),
            _ => None,
        };
        self.rebuild(focus);
        if let Some((field, before)) = replaced
            && self.fields.activate(field)
        {
            let after = self.doc.text(field).unwrap_or("").to_string();
            let (row, col) = end_of_change(&before, &after);
            if let Some(fa) = self.fields.active_mut() {
                fa.area.move_cursor(CursorMove::Jump(row, col));
            }
        }
        true
    }

    /// Text typed into the active field reaches the document, the counts and
    /// the preview of its section — nothing else is redone.
    /// The change joins the typing run of `kind` if one is going on in the
    /// same field without a pause; `None` makes it a step of its own.
    pub(super) fn text_changed(&mut self, kind: Option<RunKind>) {
        let now = Instant::now();
        self.end_typing_run_if_paused(now);
        let Some((field, before)) = self.fields.write_active(&mut self.doc) else {
            return;
        };
        let continues = matches!(
            (self.typing, kind),
            (Some(run), Some(kind)) if run.field == field && run.kind == kind
        );
        if !continues {
            self.history.record(Edit::SetText {
                field,
                text: before,
            });
        }
        self.typing = kind.map(|kind| TypingRun {
            field,
            kind,
            last: now,
        });
        self.preview.refresh(&self.doc, field);
        // Typing in a body mostly changes nothing the outline can show.
        let text = outline_text_key(&self.doc, self.selected_entry());
        if text != self.outline_text {
            self.outline_text = text;
            self.outline_version = next_version();
        }
        self.update_counts();
        self.touch();
    }

    /// Checks the whole document again.
    pub fn run_check(&mut self) {
        self.findings_pending = false;
        // With the earlier draft loaded (F9), its promises are checked too.
        let options = CheckOptions {
            promises: (self.reference.doc.as_ref())
                .map_or_else(Vec::new, crate::document::promises),
            ..CheckOptions::default()
        };
        self.findings = check(&self.doc, &options);
        self.findings_selected = self
            .findings_selected
            .min(self.findings.len().saturating_sub(1));
    }

    pub fn mark_saved(&mut self, time: String) {
        self.findings_pending = true;
        self.conflict = false;
        self.dirty = false;
        self.last_change = None;
        self.saved_at = Some(time);
        self.save_error = None;
    }

    pub fn autosave_deadline(&self, delay: Duration) -> Option<Instant> {
        if self.read_only || self.conflict || !self.dirty {
            return None;
        }
        self.last_change.map(|t| t + delay)
    }

    pub fn autosave_due(&self, now: Instant, delay: Duration) -> bool {
        self.autosave_deadline(delay).is_some_and(|d| now >= d)
    }

    /// The section to act on for the selection, if any.
    fn current_section(&self) -> Option<usize> {
        self.selected_entry().section()
    }

    fn move_selected(&mut self, down: bool) -> bool {
        let edit = match self.selected_entry() {
            Entry::Node(at) => crate::document::point_move(&self.doc, Point::Node(at), down),
            Entry::Item(at) => {
                if down {
                    item_move_down(&self.doc, at)
                } else {
                    item_move_up(&self.doc, at)
                }
            }
            Entry::Section(s) => {
                if down {
                    section_move_down(&self.doc, s)
                } else {
                    section_move_up(&self.doc, s)
                }
            }
            _ => None,
        };
        edit.is_some_and(|e| self.apply(e))
    }

    fn new_item(&mut self) -> bool {
        if let Entry::Node(at) = self.selected_entry() {
            // A sibling right after the node.
            let Some(at) = Point::Node(at)
                .parent()
                .and_then(|parent| parent.child(at.index() + 1))
            else {
                return false;
            };
            return self.apply(Edit::InsertPoint {
                at,
                item: Item::default(),
            });
        }
        let at = match self.selected_entry() {
            Entry::Item(at) => ItemRef::new(at.section, at.item + 1),
            Entry::Section(s) => ItemRef::new(s, self.doc.sections[s].items.len()),
            _ => match self.doc.sections.len() {
                0 => return false,
                n => ItemRef::new(n - 1, self.doc.sections[n - 1].items.len()),
            },
        };
        self.apply(Edit::InsertItem {
            at,
            item: Item::default(),
        })
    }

    fn new_section(&mut self, kind: SectionKind) -> bool {
        let at = self
            .current_section()
            .map_or(self.doc.sections.len(), |s| s + 1);
        self.apply(Edit::InsertSection {
            at,
            section: Box::new(Section::new(kind, kind.standard_title())),
        })
    }

    /// Deletes the selected item or section; the selection stays where it
    /// was: on the next item (or section), else the previous one.
    pub(super) fn delete_selected(&mut self) -> bool {
        let (done, stay) = match self.selected_entry() {
            Entry::Item(at) => {
                let done = self.apply(Edit::DeleteItem { at });
                let left = self
                    .doc
                    .sections
                    .get(at.section)
                    .map_or(0, |s| s.items.len());
                let stay = match left {
                    0 => Entry::Section(at.section),
                    n => Entry::Item(ItemRef::new(at.section, at.item.min(n - 1))),
                };
                (done, stay)
            }
            Entry::Section(s) => {
                let done = self.apply(Edit::DeleteSection { at: s });
                let stay = match self.doc.sections.len() {
                    0 => Entry::Preamble,
                    n => Entry::Section(s.min(n - 1)),
                };
                (done, stay)
            }
            Entry::Node(at) => {
                let point = Point::Node(at);
                let done = self.apply(Edit::DeletePoint { at: point });
                let parent = point.parent();
                let left = parent
                    .and_then(|p| self.doc.point(p))
                    .map_or(0, |p| p.children.len());
                // The point now in its place, else the one above, else the parent.
                let stay = match left {
                    0 => parent.map_or(Entry::Section(at.section), Entry::of_point),
                    n => parent
                        .and_then(|p| p.child(point.index().min(n - 1)))
                        .map_or(Entry::Section(at.section), Entry::of_point),
                };
                (done, stay)
            }
            _ => return false,
        };
        if done && let Some(index) = self.entries.iter().position(|e| *e == stay) {
            self.select(index);
        }
        done
    }

    /// Whether a section has text besides its title (deleting it asks first).
    pub(super) fn section_has_text(&self, s: usize) -> bool {
        self.doc.sections.get(s).is_some_and(|section| {
            !section.intro.trim().is_empty()
                // Text at any level below the item counts too.
                || section.items.iter().any(|i| i.char_count() > 0)
        })
    }

    fn cycle_style(&mut self) -> bool {
        // A node's list is numbered by its parent.
        if let Some(parent) = self.selected_entry().point().and_then(Point::parent) {
            let Some(style) = self.doc.point(parent).map(|p| p.child_style.next()) else {
                return false;
            };
            return self.apply(Edit::SetChildStyle { at: parent, style });
        }
        let Some(s) = self.current_section() else {
            return false;
        };
        let style = self.doc.sections[s].style.next();
        self.apply(Edit::SetStyle { section: s, style })
    }

    fn set_kind(&mut self, section: usize, kind: SectionKind) -> bool {
        self.doc
            .sections
            .get(section)
            .is_some_and(|s| s.kind != kind)
            && self.apply(Edit::SetKind { section, kind })
    }

    /// After creating a draft: the title selected for typing over.
    pub fn start_with_title(&mut self) {
        self.select(0);
        self.focus = Focus::Editor;
        if let Some(fa) = self.fields.active_mut() {
            fa.area.select_all();
        }
    }

    fn start_editing(&mut self) {
        self.focus = Focus::Editor;
    }

    /// Leaves the editor pane for the outline, recording the typing as one step.
    fn leave_editor(&mut self) {
        self.end_typing_run();
        self.focus = Focus::Outline;
    }
}

pub(super) fn handle_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let keymap = &app.settings.keymap;
    let lang = app.lang();
    let Screen::Editor(e) = &mut app.screen else {
        return Vec::new();
    };

    if let Some(popup) = e.popup.take() {
        let effects = handle_popup(e, popup, key, lang, &mut app.message);
        // The query is remembered for the next Ctrl+F or Ctrl+R.
        if let Some(Popup::Find(state)) = &e.popup {
            app.typing.last_query.clone_from(&state.query);
        }
        return effects;
    }
    if keymap.action(Context::Global, &key) == Some(Action::ToggleReference) {
        return super::reference::toggle(app);
    }
    // In the outline, Tab folds a row with points below it (else it moves
    // focus, as everywhere) and Shift+Tab folds the whole outline.
    if e.focus == Focus::Outline
        && let Some(action @ (Action::Fold | Action::FoldAll)) =
            keymap.action(Context::Outline, &key)
        && (action == Action::FoldAll || e.selected_entry().has_children(&e.doc))
    {
        let text = if action == Action::Fold {
            e.cycle_fold()
        } else {
            e.cycle_fold_all()
        };
        app.message = Some(super::Message {
            text: text.say(lang).to_string(),
            error: false,
        });
        return Vec::new();
    }
    if let Some(action) = keymap.action(Context::Global, &key) {
        match action {
            Action::Save => {
                e.end_typing_run();
                return vec![Effect::Save];
            }
            Action::Quit => {
                e.end_typing_run();
                return vec![Effect::SaveAndQuit];
            }
            Action::Export => {
                e.end_typing_run();
                e.popup = Some(Popup::Export {
                    selected: crate::docx::ExportFormat::Txt,
                });
                return Vec::new();
            }
            Action::Help => {
                app.help = true;
                return Vec::new();
            }
            Action::Check => {
                e.end_typing_run();
                e.run_check();
                e.show_findings = !e.show_findings || e.focus != Focus::Findings;
                e.focus = if e.show_findings {
                    Focus::Findings
                } else {
                    Focus::Outline
                };
                let n = e.findings.len();
                app.message = Some(super::Message {
                    text: match lang {
                        crate::i18n::Lang::Zh if n == 0 => "检查完毕，没有发现问题".to_string(),
                        crate::i18n::Lang::Zh => format!("检查发现 {n} 处（Enter 跳转，f 修正）"),
                        crate::i18n::Lang::En if n == 0 => "Checked: nothing found".to_string(),
                        crate::i18n::Lang::En => format!("{n} findings (Enter jumps, f fixes)"),
                    },
                    error: false,
                });
                return Vec::new();
            }
            Action::Find | Action::Replace => {
                e.end_typing_run();
                let mut state = FindState::new(action == Action::Replace);
                super::typing::continue_search(&mut state, &app.typing, &e.doc);
                e.popup = Some(Popup::Find(state));
                return Vec::new();
            }
            Action::FocusNext | Action::FocusPrev => {
                let last = if e.show_findings {
                    Focus::Findings
                } else {
                    Focus::Preview
                };
                let order = [Focus::Outline, Focus::Editor, last];
                let i = order.iter().position(|f| *f == e.focus).unwrap_or(0);
                let step = if action == Action::FocusNext {
                    1
                } else {
                    order.len() - 1
                };
                let next = order[(i + step) % order.len()];
                if e.focus == Focus::Editor {
                    e.end_typing_run();
                }
                e.focus = next;
                e.preview_scroll = 0;
                // A change of focus is a moment to save.
                return if e.dirty {
                    vec![Effect::Save]
                } else {
                    Vec::new()
                };
            }
            _ => {}
        }
    }
    let context = match e.focus {
        Focus::Outline => Context::Outline,
        Focus::Editor => Context::Editor,
        Focus::Preview => Context::Preview,
        Focus::Findings => Context::Findings,
    };
    let action = keymap.action(context, &key);
    match e.focus {
        Focus::Outline => {
            let Some(action) = action else {
                if is_typing(&key) {
                    say_why_not_typed(&mut app.message, lang);
                }
                return Vec::new();
            };
            if matches!(action, Action::Copy | Action::Cut | Action::Paste) {
                let changed = super::typing::outline_clipboard(
                    e,
                    &mut app.typing,
                    action,
                    lang,
                    &mut app.message,
                );
                return if changed {
                    vec![Effect::Save]
                } else {
                    Vec::new()
                };
            }
            outline_action(e, action, app.size.1, lang, &mut app.message)
        }
        Focus::Editor => {
            if let Some(effects) = super::typing::field_key(
                e,
                &mut app.typing,
                app.size,
                action,
                key,
                lang,
                &mut app.message,
            ) {
                // A cursor move, a selection or the clipboard: the typing
                // run ends (a cut or paste is a step of its own already).
                e.end_typing_run();
                return effects;
            }
            editor_key(e, action, key, app.size, lang, &mut app.message)
        }
        Focus::Findings => findings_action(e, action),
        Focus::Preview => {
            match action {
                Some(Action::Up) => e.preview_scroll -= 1,
                Some(Action::Down) => e.preview_scroll += 1,
                Some(Action::PageUp) => e.preview_scroll -= page(app.size.1) as isize,
                Some(Action::PageDown) => e.preview_scroll += page(app.size.1) as isize,
                None if is_typing(&key) => say_why_not_typed(&mut app.message, lang),
                Some(Action::Leave) => {
                    e.focus = Focus::Outline;
                    e.preview_scroll = 0;
                }
                _ => {}
            }
            // PgDn and ↓ stop at the end of the text.
            let end = preview_max_scroll(e, app.size, &app.settings.export);
            e.preview_scroll = e.preview_scroll.min(end);
            Vec::new()
        }
    }
}

/// A letter typed where it cannot go (the outline, the preview, a
/// read-only draft): say why nothing happened, and what to do instead.
fn say_why_not_typed(message: &mut Option<super::Message>, lang: crate::i18n::Lang) {
    *message = Some(super::Message {
        text: lang
            .pick(
                "这里不能输入文字：按 Enter 编辑所选部分（Tab 切换窗格，F1 帮助）",
                "Text cannot be typed here: Enter edits the selection (Tab moves between panes, F1 help)",
            )
            .to_string(),
        error: false,
    });
}

fn findings_action(e: &mut EditorState, action: Option<Action>) -> Vec<Effect> {
    let last = e.findings.len().saturating_sub(1);
    match action {
        Some(Action::Up) => e.findings_selected = e.findings_selected.saturating_sub(1),
        Some(Action::Down) => e.findings_selected = (e.findings_selected + 1).min(last),
        Some(Action::Edit) => {
            if let Some(f) = e.findings.get(e.findings_selected) {
                let location = f.location;
                jump_to(
                    e,
                    Match {
                        field: location.field,
                        start: location.start,
                        len: location.len,
                    },
                );
            }
        }
        Some(Action::ApplyFix) => {
            let fix = e
                .findings
                .get(e.findings_selected)
                .and_then(|f| f.fix(&e.doc));
            if let Some(edit) = fix
                && !e.read_only
                && e.apply(edit)
            {
                // apply() checked again; stay in the findings pane.
                e.focus = Focus::Findings;
                return vec![Effect::Save];
            }
        }
        Some(Action::Leave) => e.focus = Focus::Outline,
        _ => {}
    }
    Vec::new()
}

fn page(height: u16) -> usize {
    usize::from(height.saturating_sub(4)).max(1)
}

fn outline_action(
    e: &mut EditorState,
    action: Action,
    height: u16,
    lang: crate::i18n::Lang,
    message: &mut Option<super::Message>,
) -> Vec<Effect> {
    let last = e.entries.len().saturating_sub(1);
    let structural = match action {
        Action::Up => {
            e.select(e.selected.saturating_sub(1));
            false
        }
        Action::Down => {
            e.select((e.selected + 1).min(last));
            false
        }
        Action::First => {
            e.select(0);
            false
        }
        Action::Last => {
            e.select(last);
            false
        }
        Action::PageUp => {
            e.select(e.selected.saturating_sub(page(height)));
            false
        }
        Action::PageDown => {
            e.select((e.selected + page(height)).min(last));
            false
        }
        Action::Edit => {
            e.start_editing();
            false
        }
        Action::MoveUp => e.move_selected(false),
        Action::MoveDown => e.move_selected(true),
        Action::NewItem => {
            let done = e.new_item();
            if done {
                e.start_editing();
            }
            done
        }
        Action::NewSection => {
            e.popup = Some(Popup::NewSection { selected: 0 });
            false
        }
        Action::NewChild => {
            let done = e.new_child();
            if done {
                e.start_editing();
            } else if let Some(why) = e.why_no_child() {
                *message = Some(super::Message {
                    text: why.say(lang).to_string(),
                    error: true,
                });
            }
            done
        }
        Action::Promote | Action::Demote => {
            let up = action == Action::Promote;
            let done = e.change_level(up);
            if !done && let Some(why) = e.why_not_level(up) {
                *message = Some(super::Message {
                    text: why.say(lang).to_string(),
                    error: true,
                });
            }
            done
        }
        Action::Delete if matches!(e.selected_entry(), Entry::Section(s) if e.section_has_text(s)) =>
        {
            if let Entry::Section(section) = e.selected_entry() {
                e.popup = Some(Popup::ConfirmDeleteSection { section });
            }
            false
        }
        Action::Delete => {
            let done = e.delete_selected();
            if done {
                *message = Some(super::Message {
                    text: lang
                        .pick("已删除，按 u 撤销", "Deleted; press u to undo")
                        .to_string(),
                    error: false,
                });
            }
            done
        }
        Action::Undo => e.undo(),
        Action::Redo => e.redo(),
        Action::CycleStyle => e.cycle_style(),
        Action::CycleKind => {
            if let Some(section) = e.current_section() {
                let kind = e.doc.sections[section].kind;
                let selected = SectionKind::ALL
                    .iter()
                    .position(|k| *k == kind)
                    .unwrap_or(0);
                e.popup = Some(Popup::ChangeKind { section, selected });
            }
            false
        }
        Action::SetTarget => {
            e.ask_target();
            false
        }
        _ => false,
    };
    // Every structural change is saved at once.
    if structural && !e.read_only {
        vec![Effect::Save]
    } else {
        Vec::new()
    }
}

/// A key that types a character.
fn is_typing(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(_))
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

fn editor_key(
    e: &mut EditorState,
    action: Option<Action>,
    key: KeyEvent,
    size: (u16, u16),
    lang: crate::i18n::Lang,
    message: &mut Option<super::Message>,
) -> Vec<Effect> {
    match action {
        Some(Action::Leave) => {
            e.leave_editor();
            return if e.dirty && !e.read_only {
                vec![Effect::Save]
            } else {
                Vec::new()
            };
        }
        // One history: the last thing done, text or structure.
        Some(Action::Undo | Action::Redo) => {
            let done = if action == Some(Action::Undo) {
                e.undo()
            } else {
                e.redo()
            };
            return if done { vec![Effect::Save] } else { Vec::new() };
        }
        _ => {}
    }
    if e.read_only {
        if is_typing(&key)
            || matches!(
                key.code,
                KeyCode::Enter | KeyCode::Backspace | KeyCode::Delete
            )
        {
            super::typing::say(message, super::typing::read_only_here(lang), true);
        }
        return Vec::new();
    }
    let Some(fa) = e.fields.active_mut() else {
        return Vec::new();
    };
    let multiline = fa.field.is_multiline();
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        // A one-line field ends at Enter: go on to the next field (from a
        // heading to its body), and on to the next part after the last.
        KeyCode::Enter if !multiline => {
            e.end_typing_run();
            super::typing::move_across_parts(e, true);
            return Vec::new();
        }
        KeyCode::Up | KeyCode::Down if plain => {
            e.typing = None;
            let up = key.code == KeyCode::Up;
            // By screen rows as drawn (wrapped by the line-breaking rule).
            let target = active_view(e, size, lang).and_then(|view| {
                let (row, col) = view.cursor;
                let next = if up {
                    row.checked_sub(1)
                } else {
                    Some(row + 1)
                };
                next.filter(|&r| r < view.rows.len())
                    .map(|r| text_position(&view.rows, r, col))
            });
            match (target, e.fields.active_mut()) {
                (Some(at), Some(fa)) => jump_cursor(fa, at),
                // At the edge of the field: move to the neighbouring field,
                // and on to the neighbouring part.
                _ => {
                    super::typing::move_across_parts(e, !up);
                }
            }
            return Vec::new();
        }
        KeyCode::Tab => return Vec::new(),
        _ => {}
    }
    if fa.area.input(Input::from(key)) {
        let kind = match key.code {
            KeyCode::Char(_) | KeyCode::Enter if plain => Some(RunKind::Typing),
            KeyCode::Backspace | KeyCode::Delete if plain => Some(RunKind::Deleting),
            _ => None,
        };
        e.text_changed(kind);
        // Enter ends the step it belongs to.
        if key.code == KeyCode::Enter {
            e.end_typing_run();
        }
    } else {
        // A cursor move (or a key that did nothing) ends the typing run.
        e.end_typing_run();
    }
    Vec::new()
}

/// Where the cursor goes after `before` became `after`: the end of the
/// changed part in `after`, as (row, column) in characters.
fn end_of_change(before: &str, after: &str) -> (u16, u16) {
    let b: Vec<char> = before.chars().collect();
    let a: Vec<char> = after.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let end = a.len() - suffix;
    let row = a[..end].iter().filter(|c| **c == '\n').count();
    let col = a[..end].iter().rev().take_while(|c| **c != '\n').count();
    let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    (clamp(row), clamp(col))
}

fn handle_popup(
    e: &mut EditorState,
    popup: Popup,
    key: KeyEvent,
    lang: crate::i18n::Lang,
    message: &mut Option<super::Message>,
) -> Vec<Effect> {
    match popup {
        Popup::Find(state) => handle_find(e, state, key, lang, message),
        Popup::Export { selected } => super::export_prompt::handle_key(selected, key)
            .unwrap_or_else(|selected| {
                e.popup = Some(Popup::Export { selected });
                Vec::new()
            }),
        Popup::Target { input } => super::target::handle_target_key(e, input, key),
        Popup::ChangedOnDisk => match key.code {
            KeyCode::Char('o' | 'O') => vec![Effect::SaveOverwrite],
            KeyCode::Char('r' | 'R') => vec![Effect::Reload],
            KeyCode::Char('c' | 'C') => vec![Effect::SaveAsCopy],
            KeyCode::Esc => {
                *message = Some(super::Message {
                    text: lang
                        .pick(
                            "未保存：草稿在磁盘上已被修改，Ctrl+S 重新选择",
                            "Not saved: the draft changed on disk; Ctrl+S to choose again",
                        )
                        .into(),
                    error: true,
                });
                Vec::new()
            }
            _ => {
                e.popup = Some(Popup::ChangedOnDisk);
                Vec::new()
            }
        },
        Popup::ConfirmDeleteSection { section } => match key.code {
            KeyCode::Char('y' | 'Y') => {
                if e.delete_selected() {
                    *message = Some(super::Message {
                        text: lang
                            .pick("已删除，按 u 撤销", "Deleted; press u to undo")
                            .to_string(),
                        error: false,
                    });
                    return vec![Effect::Save];
                }
                Vec::new()
            }
            KeyCode::Char('n' | 'N') | KeyCode::Esc => Vec::new(),
            _ => {
                e.popup = Some(Popup::ConfirmDeleteSection { section });
                Vec::new()
            }
        },
        Popup::NewSection { selected } => {
            match choose_kind(selected, key) {
                KindChoice::Keep(selected) => e.popup = Some(Popup::NewSection { selected }),
                KindChoice::Chosen(kind) => {
                    if e.new_section(kind) {
                        return vec![Effect::Save];
                    }
                }
                KindChoice::Cancel => {}
            }
            Vec::new()
        }
        Popup::ChangeKind { section, selected } => {
            match choose_kind(selected, key) {
                KindChoice::Keep(selected) => {
                    e.popup = Some(Popup::ChangeKind { section, selected })
                }
                KindChoice::Chosen(kind) => {
                    if e.set_kind(section, kind) {
                        return vec![Effect::Save];
                    }
                }
                KindChoice::Cancel => {}
            }
            Vec::new()
        }
    }
}

/// What a key does in the list of section kinds.
enum KindChoice {
    Keep(usize),
    Chosen(SectionKind),
    Cancel,
}

/// The list of section kinds (for a new section, or to change one's kind):
/// ↑↓ (k/j) move, Enter or a digit chooses, Esc cancels.
fn choose_kind(selected: usize, key: KeyEvent) -> KindChoice {
    let n = SectionKind::ALL.len();
    match key.code {
        KeyCode::Up | KeyCode::Char('k') => KindChoice::Keep((selected + n - 1) % n),
        KeyCode::Down | KeyCode::Char('j') => KindChoice::Keep((selected + 1) % n),
        KeyCode::Enter => KindChoice::Chosen(SectionKind::ALL[selected.min(n - 1)]),
        KeyCode::Char(c) if c.is_ascii_digit() => {
            let i = c.to_digit(10).unwrap_or(0) as usize;
            if (1..=n).contains(&i) {
                KindChoice::Chosen(SectionKind::ALL[i - 1])
            } else {
                KindChoice::Keep(selected)
            }
        }
        KeyCode::Esc => KindChoice::Cancel,
        _ => KindChoice::Keep(selected),
    }
}

fn handle_find(
    e: &mut EditorState,
    mut state: FindState,
    key: KeyEvent,
    lang: crate::i18n::Lang,
    message: &mut Option<super::Message>,
) -> Vec<Effect> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let mut effects = Vec::new();
    // A recalled query is selected: typing replaces it, other keys keep it.
    if std::mem::take(&mut state.recalled)
        && state.input == FindInput::Query
        && matches!(key.code, KeyCode::Char(_) | KeyCode::Backspace)
        && !ctrl
    {
        state.query.clear();
    }
    match key.code {
        KeyCode::Esc => return effects,
        // Ctrl+R in the find bar: replace what is being found.
        KeyCode::Char('r') if ctrl && state.replacement.is_none() => {
            state.replacement = Some(String::new());
            state.input = FindInput::Replacement;
        }
        KeyCode::Tab | KeyCode::BackTab if state.replacement.is_some() => {
            state.input = match state.input {
                FindInput::Query => FindInput::Replacement,
                FindInput::Replacement => FindInput::Query,
            };
        }
        KeyCode::Char('a') if ctrl && state.replacement.is_some() => {
            let replacement = state.replacement.clone().unwrap_or_default();
            let replaced = replace_all(&e.doc, &state.query, &replacement)
                .filter(|_| !e.read_only)
                .and_then(|(edit, count)| e.apply(edit).then_some(count));
            match replaced {
                Some(count) => {
                    *message = Some(super::Message {
                        text: match lang {
                            crate::i18n::Lang::Zh => {
                                format!("已替换 {count} 处（在大纲按 u 可撤销）")
                            }
                            crate::i18n::Lang::En => {
                                format!("Replaced {count} (u in the outline undoes it)")
                            }
                        },
                        error: false,
                    });
                    e.focus = Focus::Outline;
                    return vec![Effect::Save];
                }
                None => {
                    *message = Some(super::Message {
                        text: lang.pick("没有找到", "Not found").into(),
                        error: true,
                    });
                }
            }
        }
        KeyCode::Enter
            if state.replacement.is_some() && state.current.is_some() && !e.read_only =>
        {
            let replacement = state.replacement.clone().unwrap_or_default();
            let current = state.current.unwrap_or(0);
            if let Some(m) = state.matches.get(current).copied()
                && let Some(edit) = replace_one(&e.doc, m, &replacement)
                && e.apply(edit)
            {
                effects.push(Effect::Save);
                state.replaced += 1;
                state.refresh(&e.doc);
                // The next match now has the index of the replaced one.
                if let Some(m) = state.matches.get(current).copied() {
                    state.current = Some(current);
                    jump_to(e, m);
                } else {
                    state.current = None;
                    if let Some(m) = state.step(true) {
                        jump_to(e, m);
                    }
                }
            }
        }
        KeyCode::Enter | KeyCode::Down => {
            if let Some(m) = state.step(true) {
                jump_to(e, m);
            }
        }
        KeyCode::Up => {
            if let Some(m) = state.step(false) {
                jump_to(e, m);
            }
        }
        KeyCode::Backspace => {
            edit_find_input(&mut state, |s| {
                s.pop();
            });
            refresh_find(e, &mut state);
        }
        KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
            edit_find_input(&mut state, |s| s.push(c));
            refresh_find(e, &mut state);
        }
        _ => {}
    }
    e.popup = Some(Popup::Find(state));
    effects
}

fn edit_find_input(state: &mut FindState, f: impl FnOnce(&mut String)) {
    match state.input {
        FindInput::Query => f(&mut state.query),
        FindInput::Replacement => {
            if let Some(r) = state.replacement.as_mut() {
                f(r)
            }
        }
    }
}

/// After the query changed: search again and show the first match.
fn refresh_find(e: &mut EditorState, state: &mut FindState) {
    if state.input == FindInput::Query {
        state.current = None;
        state.refresh(&e.doc);
        if let Some(m) = state.step(true) {
            jump_to(e, m);
        }
    }
}

/// Shows a match: its entry selected, the editor on its field, the match selected.
fn jump_to(e: &mut EditorState, m: Match) {
    e.select_field(m.field);
    e.focus = Focus::Editor;
    let Some(fa) = e.fields.active_mut() else {
        return;
    };
    let text = fa.text();
    let before: String = text.chars().take(m.start).collect();
    let row = before.matches('\n').count();
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    fa.area.cancel_selection();
    fa.area.move_cursor(CursorMove::Jump(
        row.min(u16::MAX as usize) as u16,
        col.min(u16::MAX as usize) as u16,
    ));
    fa.area.start_selection();
    for _ in 0..m.len {
        fa.area.move_cursor(CursorMove::Forward);
    }
}

pub(super) fn handle_paste(app: &mut App, text: &str) -> Vec<Effect> {
    let Screen::Editor(e) = &mut app.screen else {
        return Vec::new();
    };
    if e.focus != Focus::Editor || e.read_only {
        return Vec::new();
    }
    let Some(fa) = e.fields.active_mut() else {
        return Vec::new();
    };
    // Pasted text is text: line ends become paragraph breaks in a body and
    // are joined in a one-line field; other controls are dropped.
    let cleaned = super::clipboard::text_for_field(text, fa.field.is_multiline());
    // A paste is a step of its own.
    e.typing = None;
    if fa.area.insert_str(&cleaned) {
        e.text_changed(None);
    }
    Vec::new()
}

impl FieldEditor {
    /// Where each field sits inside the editor pane (`inner`: within its
    /// border), as drawn and as clicked.
    pub fn slots(&self, inner: ratatui::layout::Rect, lang: crate::i18n::Lang) -> Vec<FieldSlot> {
        let shapes: Vec<FieldShape> = self
            .fields
            .iter()
            .map(|fa| FieldShape {
                label: field_label(fa.field, lang),
                multiline: fa.field.is_multiline(),
                lines: fa.area.lines(),
                escaped_controls: fa.has_escaped_controls(),
            })
            .collect();
        field_slots(inner, &shapes)
    }

    /// The field `index` laid out in `slot`, scrolled to its cursor when
    /// `follow_cursor` (the active field).
    pub fn view(&self, index: usize, slot: &FieldSlot, follow_cursor: bool) -> Option<FieldView> {
        let fa = self.fields.get(index)?;
        let at = fa.area.cursor();
        Some(FieldView::new(
            fa.area.lines(),
            (at.0, at.1),
            slot.text.width,
            slot.text.height,
            follow_cursor,
        ))
    }
}

/// A click in the editor pane: the field under it becomes active, with the
/// cursor where the click was (on a label: the field, cursor unchanged).
fn click_in_fields(
    e: &mut EditorState,
    pane: ratatui::layout::Rect,
    column: u16,
    row: u16,
    lang: crate::i18n::Lang,
) {
    let inner = pane.inner(ratatui::layout::Margin::new(1, 1));
    let at = ratatui::layout::Position::new(column, row);
    let slots = e.fields.slots(inner, lang);
    let Some(index) = slots
        .iter()
        .position(|s| s.text.contains(at) || s.label.contains(at))
    else {
        return;
    };
    let was_active = e.fields.active == index;
    e.fields.active = index;
    let slot = slots[index];
    if !slot.text.contains(at) {
        return;
    }
    // The view as drawn: scrolled to the cursor when it was the active field.
    let Some(view) = e.fields.view(index, &slot, was_active) else {
        return;
    };
    let Some(fa) = e.fields.active_mut() else {
        return;
    };
    let at = view.position_at(
        usize::from(row - slot.text.y),
        usize::from(column - slot.text.x),
    );
    fa.area.cancel_selection();
    jump_cursor(fa, at);
}

/// Puts the cursor at (line, character) of the field.
fn jump_cursor(fa: &mut super::FieldArea, (line, char): (usize, usize)) {
    let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    fa.area
        .move_cursor(CursorMove::Jump(clamp(line), clamp(char)));
}

/// The active field as the editor pane draws it at `size`, if it is shown.
pub(super) fn active_view(
    e: &EditorState,
    size: (u16, u16),
    lang: crate::i18n::Lang,
) -> Option<FieldView> {
    let area = ratatui::layout::Rect::new(0, 0, size.0, size.1);
    let pane = editor_layout(area, e.focus, e.show_findings).editor?;
    let inner = pane.inner(ratatui::layout::Margin::new(1, 1));
    let slots = e.fields.slots(inner, lang);
    let slot = slots.get(e.fields.active)?;
    e.fields.view(e.fields.active, slot, true)
}

pub(super) fn handle_mouse(app: &mut App, mouse: MouseEvent) -> Vec<Effect> {
    let size = app.size;
    let lang = app.lang();
    let Screen::Editor(e) = &mut app.screen else {
        return Vec::new();
    };
    let area = ratatui::layout::Rect::new(0, 0, size.0, size.1);
    let layout = editor_layout(area, e.focus, e.show_findings);
    let hit = |r: Option<ratatui::layout::Rect>| {
        r.is_some_and(|r| r.contains(ratatui::layout::Position::new(mouse.column, mouse.row)))
    };
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            if hit(layout.outline) {
                let area = layout.outline.unwrap_or_default();
                let inner_row = usize::from(mouse.row.saturating_sub(area.y + 1));
                let top = outline_top(
                    e.selected,
                    e.entries.len(),
                    usize::from(area.height.saturating_sub(2)),
                );
                let index = top + inner_row;
                if e.focus == Focus::Editor {
                    e.end_typing_run();
                }
                e.focus = Focus::Outline;
                if index < e.entries.len() {
                    e.select(index);
                }
            } else if let Some(pane) = layout.editor.filter(|_| hit(layout.editor)) {
                e.focus = Focus::Editor;
                click_in_fields(e, pane, mouse.column, mouse.row, lang);
            } else if hit(layout.preview) || hit(layout.findings) {
                if e.focus == Focus::Editor {
                    e.end_typing_run();
                }
                e.focus = if hit(layout.findings) {
                    Focus::Findings
                } else {
                    Focus::Preview
                };
            }
            app.dirty_screen = true;
        }
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
            let down = mouse.kind == MouseEventKind::ScrollDown;
            if hit(layout.preview) {
                e.preview_scroll += if down { 3 } else { -3 };
            } else if hit(layout.outline) {
                let last = e.entries.len().saturating_sub(1);
                let target = if down {
                    (e.selected + 3).min(last)
                } else {
                    e.selected.saturating_sub(3)
                };
                e.select(target);
            } else if hit(layout.editor)
                && let Some(view) = active_view(e, size, lang)
                && let Some(fa) = e.fields.active_mut()
            {
                // The text follows the cursor: move it three rows.
                let (row, col) = view.cursor;
                let last = view.rows.len().saturating_sub(1);
                let row = if down {
                    (row + 3).min(last)
                } else {
                    row.saturating_sub(3)
                };
                jump_cursor(fa, text_position(&view.rows, row, col));
            }
            app.dirty_screen = true;
        }
        _ => {}
    }
    Vec::new()
}
