//! The editor's state: the open draft, the selection and focus, the typing
//! run that makes an undo step, autosave and the findings of the last check.

use std::time::{Duration, Instant};

use super::{Counts, Focus, Popup};
use crate::app::fields::FieldEditor;
use crate::app::outline::{Entry, entries, visible_entries};
use crate::check::{CheckOptions, Finding, check};
use crate::document::{Document, Edit, Field, History};
use crate::i18n::Lang;
use crate::layout::{FieldView, editor_layout};
use crate::storage::DraftLocation;

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
    /// The earlier draft shown in place of the preview (F9).
    pub reference: crate::app::Reference,
}

impl EditorState {
    pub fn new(doc: Document, location: DraftLocation) -> EditorState {
        let entries = entries(&doc);
        let fields = FieldEditor::new(&doc, Entry::Title);
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
            reference: crate::app::Reference::default(),
        };
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

    /// Selects an entry and loads its fields into the editor pane.
    pub(in crate::app) fn select_entry(&mut self, index: usize) {
        self.select(index);
    }

    /// Selects an entry and loads its fields into the editor pane.
    pub(in crate::app) fn select(&mut self, index: usize) {
        self.end_typing_run();
        self.selected = index.min(self.entries.len().saturating_sub(1));
        self.fields = FieldEditor::new(&self.doc, self.selected_entry());
        self.preview_scroll = 0;
        self.rebase_counts();
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

    /// The active field as the editor pane draws it at `size`, if it is
    /// shown: what screen-line keys and clicks in the field work on.
    pub(in crate::app) fn active_view(&self, size: (u16, u16), lang: Lang) -> Option<FieldView> {
        let area = ratatui::layout::Rect::new(0, 0, size.0, size.1);
        let pane = editor_layout(area, self.focus, self.show_findings).editor?;
        let inner = pane.inner(ratatui::layout::Margin::new(1, 1));
        let slots = self.fields.slots(inner, lang);
        let slot = slots.get(self.fields.active)?;
        self.fields.view(self.fields.active, slot, true)
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

    /// After a structural change: entries and counts from scratch.
    pub(super) fn rebuild(&mut self, focus: Option<Field>) {
        // What the change is about is never hidden in a fold.
        if let Some(field) = focus {
            for above in Entry::of_field(field).ancestors() {
                self.folded.remove(&above);
            }
        }
        let doc = &self.doc;
        self.folded.retain(|e| e.has_children(doc));
        self.entries = visible_entries(&self.doc, &self.folded);
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
        // Checked once the writer pauses: a move followed by its save would
        // otherwise check the whole draft twice.
        self.findings_pending = true;
        self.touch();
    }

    /// Counts the whole document again (after structural changes), and the
    /// baselines without the selected entry.
    pub(super) fn recount(&mut self) {
        self.counts.recount(&self.doc);
        self.rebase_counts();
    }

    /// The baselines without the selected entry: the totals, and the
    /// section it is in.
    pub(super) fn rebase_counts(&mut self) {
        let section = self
            .selected_entry()
            .section()
            .map(|s| self.doc.section_char_count(s));
        self.counts.rebase(self.entry_counts(), section);
    }

    /// The selected entry's own counts: (characters, placeholders).
    fn entry_counts(&self) -> (usize, usize) {
        self.fields
            .fields
            .iter()
            .filter(|fa| fa.field.is_exported())
            .map(|fa| fa.counts(&self.doc))
            .fold((0, 0), |(a, b), (c, d)| (a + c, b + d))
    }

    /// After typing: the live counts from the baseline plus the entry.
    pub(super) fn update_counts(&mut self) {
        self.counts.update(self.entry_counts());
    }

    fn touch(&mut self) {
        self.dirty = true;
        self.last_change = Some(Instant::now());
    }

    /// Text typed into the active field reaches the document and the counts
    /// — nothing else is redone (the preview renders what it shows from the
    /// document).
    /// The change joins the typing run of `kind` if one is going on in the
    /// same field without a pause; `None` makes it a step of its own.
    pub(in crate::app) fn text_changed(&mut self, kind: Option<RunKind>) {
        let now = Instant::now();
        self.end_typing_run_if_paused(now);
        let typing = self.typing;
        let continues = |field: Field| {
            matches!(
                (typing, kind),
                (Some(run), Some(kind)) if run.field == field && run.kind == kind
            )
        };
        // The text before is kept only when it starts an undo step.
        let Some((field, before)) = self
            .fields
            .write_active(&mut self.doc, |field| !continues(field))
        else {
            return;
        };
        if let Some(before) = before {
            self.history.record(
                &self.doc,
                Edit::SetText {
                    field,
                    text: before,
                },
            );
        }
        self.typing = kind.map(|kind| TypingRun {
            field,
            kind,
            last: now,
        });
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

    /// After creating a draft: the title selected for typing over.
    pub fn start_with_title(&mut self) {
        self.select(0);
        self.focus = Focus::Editor;
        if let Some(fa) = self.fields.active_mut() {
            fa.area.select_all();
        }
    }

    pub(super) fn start_editing(&mut self) {
        self.focus = Focus::Editor;
    }

    /// Leaves the editor pane for the outline, recording the typing as one step.
    pub(super) fn leave_editor(&mut self) {
        self.end_typing_run();
        self.focus = Focus::Outline;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::editor::test_support::{app, editor, press, state, type_text};

    #[test]
    fn typing_without_a_pause_is_one_undo_step() {
        let mut app = app();
        app.editor_mut().expect("editor").phrase_pause = Duration::from_secs(3600);
        let title = editor(&app).doc.title.clone();
        press(&mut app, "Enter End");
        type_text(&mut app, "甲乙丙");
        press(&mut app, "C-z");
        assert_eq!(editor(&app).doc.title, title);
    }

    #[test]
    fn a_pause_ends_the_typing_run() {
        let mut app = app();
        // Every key comes after the pause: each is a step of its own.
        app.editor_mut().expect("editor").phrase_pause = Duration::ZERO;
        let title = editor(&app).doc.title.clone();
        press(&mut app, "Enter End");
        type_text(&mut app, "甲乙丙");
        press(&mut app, "C-z");
        assert_eq!(editor(&app).doc.title, format!("{title}甲乙"));
    }

    #[test]
    fn autosave_waits_for_the_delay_and_never_on_a_conflict_or_read_only() {
        let mut e = state();
        let delay = Duration::from_secs(2);
        let start = Instant::now();
        assert_eq!(e.autosave_deadline(delay), None, "nothing to save");
        e.dirty = true;
        e.last_change = Some(start);
        assert!(!e.autosave_due(start + Duration::from_secs(1), delay));
        assert!(e.autosave_due(start + delay, delay));
        e.conflict = true;
        assert!(!e.autosave_due(start + delay, delay));
        e.conflict = false;
        e.read_only = true;
        assert!(!e.autosave_due(start + delay, delay));
        e.read_only = false;
        e.mark_saved("10:00".into());
        assert_eq!(e.autosave_deadline(delay), None);
        assert_eq!(e.saved_at.as_deref(), Some("10:00"));
    }

    #[test]
    fn selecting_a_field_selects_its_entry_and_activates_it() {
        let mut e = state();
        for field in [Field::ItemBody(1, 2), Field::SectionIntro(0), Field::Period] {
            e.select_field(field);
            assert_eq!(e.selected_entry(), Entry::of_field(field));
            assert_eq!(e.fields.active().map(|fa| fa.field), Some(field));
        }
    }
}
