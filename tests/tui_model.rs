//! Screen = document = disk, proven against a plain reference model.
//!
//! Random sequences of keys (typing CJK and ASCII, Backspace, Delete,
//! Enter, arrows, paste, undo and redo in and out of fields, Esc, moving
//! in the outline, new and deleted items, replace all, pauses and saves)
//! go through `App::handle_event`, the path the terminal's events take.
//! A reference model written here, with nothing but strings, a cursor and
//! a stack of whole documents for undo, is driven by the same steps. After
//! every step:
//! - the application's document equals the model's;
//! - every field's text area shows its field's text in that document, and
//!   the cursor and selection are where the model says;
//! - the preview equals a fresh export of the document, and the frame
//!   drawn with the drawing cache kept since the first step equals one
//!   drawn with an empty cache;
//! - after a save, the file loads to the model's document.
//!
//! Shrunk failures are kept in `tui_model.proptest-regressions`.

mod common;

use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use zongjie::app::{App, Effect, Focus, Settings};
use zongjie::document::{Document, Field, Item, ItemRef};
use zongjie::i18n::Lang;
use zongjie::storage::{DraftId, FileSystem, NewFile, OsFs, Store};
use zongjie::ui::DrawCache;

use common::{keys, strategies};

/// One thing the writer does.
#[derive(Debug, Clone)]
enum Step {
    /// A key by its config spelling.
    Key(&'static str),
    /// A character typed (in the outline, some are commands).
    Type(char),
    /// Bracketed paste.
    Paste(String),
    /// A pause long enough to end an undo step.
    Pause,
    /// Ctrl+S.
    Save,
    /// Ctrl+R, the query, Tab, the replacement, Ctrl+A (then Esc if open).
    ReplaceAll(char, String),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => prop::sample::select(vec!['中', '文', '，', '。', 'a', 'd', 'j', 'k', 'u', 'X', ' '])
            .prop_map(Step::Type),
        8 => prop::sample::select(vec![
            "Enter", "Esc", "Backspace", "Delete", "Left", "Right", "j", "k", "a", "d", "u",
            "C-z", "C-y",
        ])
        .prop_map(Step::Key),
        1 => "[中文a\n]{0,4}".prop_map(Step::Paste),
        1 => Just(Step::Pause),
        1 => Just(Step::Save),
        1 => (prop::sample::select(vec!['中', 'a', '。']), "[中x]{0,2}")
            .prop_map(|(q, r)| Step::ReplaceAll(q, r)),
    ]
}

/// Field texts of the generated drafts: no newline and no control, so
/// what a field shows is exactly its text.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-z中文，。 ]{0,8}").unwrap()
}

/// What the outline lists, in order, and the fields each entry shows.
fn model_entries(doc: &Document) -> Vec<Vec<Field>> {
    let mut out = vec![
        vec![Field::Title, Field::Organization, Field::Period],
        vec![Field::Preamble],
    ];
    for (s, section) in doc.sections.iter().enumerate() {
        out.push(vec![Field::SectionTitle(s), Field::SectionIntro(s)]);
        for i in 0..section.items.len() {
            out.push(vec![Field::ItemHeading(s, i), Field::ItemBody(s, i)]);
        }
    }
    out.push(vec![Field::SignatureOrganization, Field::SignatureDate]);
    out.push(vec![Field::Notes]);
    out
}

fn multiline(field: Field) -> bool {
    matches!(
        field,
        Field::Preamble | Field::SectionIntro(_) | Field::ItemBody(..) | Field::Notes
    )
}

/// Every text of a document, to replace in.
fn all_texts(doc: &mut Document) -> Vec<&mut String> {
    let mut out = vec![
        &mut doc.title,
        &mut doc.organization,
        &mut doc.period,
        &mut doc.preamble,
        &mut doc.notes,
        &mut doc.signature.organization,
        &mut doc.signature.date,
    ];
    for section in &mut doc.sections {
        out.push(&mut section.title);
        out.push(&mut section.intro);
        for item in &mut section.items {
            out.push(&mut item.heading);
            out.push(&mut item.body);
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Typing,
    Deleting,
}

/// The reference: a document of plain strings, where the writer is, and
/// undo as a stack of whole documents.
struct Model {
    doc: Document,
    in_editor: bool,
    selected: usize,
    active: usize,
    /// (row, column) in characters.
    cursor: (usize, usize),
    undo: Vec<Document>,
    redo: Vec<Document>,
    run: Option<(Field, Kind)>,
}

impl Model {
    fn new(doc: Document) -> Model {
        Model {
            doc,
            in_editor: false,
            selected: 0,
            active: 0,
            cursor: (0, 0),
            undo: Vec::new(),
            redo: Vec::new(),
            run: None,
        }
    }

    fn entries(&self) -> Vec<Vec<Field>> {
        model_entries(&self.doc)
    }

    fn field(&self) -> Field {
        self.entries()[self.selected][self.active]
    }

    fn lines(&self) -> Vec<Vec<char>> {
        let text = self.doc.text(self.field()).unwrap_or("");
        text.split('\n').map(|l| l.chars().collect()).collect()
    }

    fn set_lines(&mut self, lines: &[Vec<char>]) {
        let text = lines
            .iter()
            .map(|l| l.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("\n");
        let field = self.field();
        *self.doc.text_mut(field).unwrap() = text;
    }

    fn select(&mut self, index: usize) {
        self.run = None;
        self.selected = index.min(self.entries().len() - 1);
        self.active = 0;
        self.cursor = (0, 0);
    }

    /// A new undo step, unless the change continues the typing run.
    fn record(&mut self, before: Document, kind: Option<Kind>) {
        let field = self.field();
        let continues =
            matches!((self.run, kind), (Some((f, k)), Some(k2)) if f == field && k == k2);
        if !continues {
            self.undo.push(before);
            self.redo.clear();
        }
        self.run = kind.map(|k| (field, k));
    }

    /// A structural change: its own step.
    fn structural(&mut self, before: Document) {
        self.run = None;
        self.undo.push(before);
        self.redo.clear();
    }

    /// Whether deleting the selection asks first: a section with text
    /// besides its title.
    fn delete_asks(&self) -> bool {
        match self.entries()[self.selected][0] {
            Field::SectionTitle(s) => {
                let section = &self.doc.sections[s];
                !section.intro.trim().is_empty()
                    || section
                        .items
                        .iter()
                        .any(|i| !i.heading.trim().is_empty() || !i.body.trim().is_empty())
            }
            _ => false,
        }
    }

    fn entry_index(&self, fields: &[Field]) -> Option<usize> {
        self.entries().iter().position(|e| e == fields)
    }

    /// A key in the outline.
    fn outline_key(&mut self, key: &str) {
        let last = self.entries().len() - 1;
        let entry = self.entries()[self.selected].clone();
        match key {
            "j" | "Down" => self.select((self.selected + 1).min(last)),
            "k" | "Up" => self.select(self.selected.saturating_sub(1)),
            "Enter" => self.in_editor = true,
            "a" => {
                let at = match entry[0] {
                    Field::ItemHeading(s, i) => Some(ItemRef::new(s, i + 1)),
                    Field::SectionTitle(s) => {
                        Some(ItemRef::new(s, self.doc.sections[s].items.len()))
                    }
                    _ => self
                        .doc
                        .sections
                        .len()
                        .checked_sub(1)
                        .map(|s| ItemRef::new(s, self.doc.sections[s].items.len())),
                };
                self.run = None;
                if let Some(at) = at {
                    let before = self.doc.clone();
                    self.doc.sections[at.section]
                        .items
                        .insert(at.item, Item::default());
                    self.structural(before);
                    let heading = Field::ItemHeading(at.section, at.item);
                    self.selected = self
                        .entry_index(&[heading, Field::ItemBody(at.section, at.item)])
                        .unwrap();
                    self.active = 0;
                    self.cursor = (0, 0);
                    self.in_editor = true;
                }
            }
            "d" | "Delete" => {
                self.run = None;
                // The selection stays in place: the next item (else the
                // previous, else the section); the next section (else the
                // previous, else the preamble).
                let stay = match entry[0] {
                    Field::ItemHeading(s, i) => {
                        let before = self.doc.clone();
                        self.doc.sections[s].items.remove(i);
                        self.structural(before);
                        Some(match self.doc.sections[s].items.len() {
                            0 => vec![Field::SectionTitle(s), Field::SectionIntro(s)],
                            n => {
                                let i = i.min(n - 1);
                                vec![Field::ItemHeading(s, i), Field::ItemBody(s, i)]
                            }
                        })
                    }
                    Field::SectionTitle(s) => {
                        let before = self.doc.clone();
                        self.doc.sections.remove(s);
                        self.structural(before);
                        Some(match self.doc.sections.len() {
                            0 => vec![Field::Preamble],
                            n => vec![
                                Field::SectionTitle(s.min(n - 1)),
                                Field::SectionIntro(s.min(n - 1)),
                            ],
                        })
                    }
                    _ => None,
                };
                if let Some(stay) = stay {
                    self.selected = self.entry_index(&stay).unwrap();
                    self.active = 0;
                    self.cursor = (0, 0);
                }
            }
            _ => {}
        }
    }

    /// A key in a field.
    fn editor_key(&mut self, key: &str) {
        let before = self.doc.clone();
        let mut lines = self.lines();
        let (row, col) = self.cursor;
        match key {
            "Esc" => {
                self.run = None;
                self.in_editor = false;
            }
            // Enter ends a one-line field: on to the next field, and from
            // the last one on to the next part of the outline.
            "Enter" if !multiline(self.field()) => {
                self.run = None;
                if self.active + 1 < self.entries()[self.selected].len() {
                    self.active += 1;
                    self.cursor = (0, 0);
                } else if self.selected + 1 < self.entries().len() {
                    self.select(self.selected + 1);
                }
            }
            "Enter" => {
                let rest = lines[row].split_off(col);
                lines.insert(row + 1, rest);
                self.set_lines(&lines);
                self.cursor = (row + 1, 0);
                self.record(before, Some(Kind::Typing));
                self.run = None;
            }
            "Backspace" => {
                if col > 0 {
                    lines[row].remove(col - 1);
                    self.cursor = (row, col - 1);
                } else if row > 0 {
                    let line = lines.remove(row);
                    let len = lines[row - 1].len();
                    lines[row - 1].extend(line);
                    self.cursor = (row - 1, len);
                } else {
                    self.run = None;
                    return;
                }
                self.set_lines(&lines);
                self.record(before, Some(Kind::Deleting));
            }
            "Delete" => {
                if col < lines[row].len() {
                    lines[row].remove(col);
                } else if row + 1 < lines.len() {
                    let line = lines.remove(row + 1);
                    lines[row].extend(line);
                } else {
                    self.run = None;
                    return;
                }
                self.set_lines(&lines);
                self.record(before, Some(Kind::Deleting));
            }
            "Left" => {
                self.run = None;
                if col > 0 {
                    self.cursor = (row, col - 1);
                } else if row > 0 {
                    self.cursor = (row - 1, lines[row - 1].len());
                }
            }
            "Right" => {
                self.run = None;
                if col < lines[row].len() {
                    self.cursor = (row, col + 1);
                } else if row + 1 < lines.len() {
                    self.cursor = (row + 1, 0);
                }
            }
            _ => {
                let mut chars = key.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => {
                        lines[row].insert(col, c);
                        self.set_lines(&lines);
                        self.cursor = (row, col + 1);
                        self.record(before, Some(Kind::Typing));
                    }
                    _ => self.run = None,
                }
            }
        }
    }

    fn paste(&mut self, text: &str) {
        self.run = None;
        if !self.in_editor {
            return;
        }
        // In a one-line field the lines are joined as Chinese is written:
        // nothing between, a space only between two Latin words.
        let text = if multiline(self.field()) {
            text.to_string()
        } else {
            let latin = |c: char| c.is_ascii_alphanumeric();
            let mut joined = String::new();
            for line in text.split('\n').filter(|l| !l.is_empty()) {
                if joined.ends_with(latin) && line.starts_with(latin) {
                    joined.push(' ');
                }
                joined.push_str(line);
            }
            joined
        };
        if text.is_empty() {
            return;
        }
        let before = self.doc.clone();
        let mut lines = self.lines();
        let (row, col) = self.cursor;
        let rest = lines[row].split_off(col);
        let mut pieces = text.split('\n');
        lines[row].extend(pieces.next().unwrap().chars());
        let mut at = row;
        for piece in pieces {
            at += 1;
            lines.insert(at, piece.chars().collect());
        }
        let end = lines[at].len();
        lines[at].extend(rest);
        self.set_lines(&lines);
        self.cursor = (at, end);
        self.record(before, None);
    }

    /// Undo (or redo) of the last step; whether there was one.
    fn step_history(&mut self, undo: bool) -> bool {
        self.run = None;
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        match from.pop() {
            Some(doc) => {
                to.push(std::mem::replace(&mut self.doc, doc));
                true
            }
            None => false,
        }
    }

    fn replace_all(&mut self, query: char, replacement: &str) -> bool {
        self.run = None;
        let before = self.doc.clone();
        let q = query.to_string();
        let mut found = false;
        for text in all_texts(&mut self.doc) {
            if text.contains(&q) {
                found = true;
                *text = text.replace(&q, replacement);
            }
        }
        if found {
            self.structural(before);
            self.in_editor = false;
        }
        found
    }

    /// Where the application put the writer after an undo, redo or replace
    /// (the document itself is checked, never taken from it).
    fn follow(&mut self, app: &App) {
        let e = app.editor().unwrap();
        self.selected = e.selected;
        self.active = e.fields.active;
        self.cursor = e.fields.active().map_or((0, 0), |fa| {
            let c = fa.area.cursor();
            (c.0, c.1)
        });
    }
}

fn key_event(spec: &str) -> Event {
    Event::Key(keys(spec)[0])
}

fn char_event(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// The real file system without the flushes to the disk: the same files,
/// renames and reads, thousands of saves in seconds. (Durability is
/// storage's own tests' business; this test asks what a save writes.)
#[derive(Debug)]
struct NoFsync;

struct UnsyncedFile(Box<dyn NewFile>);

impl NewFile for UnsyncedFile {
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.0.write_all(bytes)
    }

    fn sync_all(self: Box<Self>) -> std::io::Result<()> {
        Ok(())
    }
}

impl FileSystem for NoFsync {
    fn create_new(&self, path: &std::path::Path) -> std::io::Result<Box<dyn NewFile>> {
        Ok(Box::new(UnsyncedFile(OsFs.create_new(path)?)))
    }
    fn rename(&self, from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
        OsFs.rename(from, to)
    }
    fn sync_dir(&self, _dir: &std::path::Path) -> std::io::Result<()> {
        Ok(())
    }
    fn read(&self, path: &std::path::Path) -> std::io::Result<Vec<u8>> {
        OsFs.read(path)
    }
    fn remove_file(&self, path: &std::path::Path) -> std::io::Result<()> {
        OsFs.remove_file(path)
    }
    fn metadata(&self, path: &std::path::Path) -> std::io::Result<std::fs::Metadata> {
        OsFs.metadata(path)
    }
    fn create_dir_all(&self, dir: &std::path::Path) -> std::io::Result<()> {
        OsFs.create_dir_all(dir)
    }
}

/// Sends events the way the terminal does; performs the saves they ask for
/// and checks that each saved file loads to the model's document.
struct Harness {
    app: App,
    store: Store,
    id: DraftId,
    _dir: tempfile::TempDir,
}

impl Harness {
    fn new(doc: Document) -> Harness {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::with_fs(dir.path(), std::sync::Arc::new(NoFsync));
        let id = DraftId::parse("model").unwrap();
        let location = store.location(&id);
        let mut app = App::with_editor(
            Settings {
                lang: Lang::Zh,
                ..Settings::default()
            },
            doc,
            location,
        );
        // Pauses are explicit steps here, not the test machine's speed.
        app.editor_mut().unwrap().phrase_pause = Duration::from_secs(3600);
        Harness {
            app,
            store,
            id,
            _dir: dir,
        }
    }

    fn send(&mut self, event: Event, model: &Model) -> Result<(), TestCaseError> {
        let effects = self.app.handle_event(event);
        self.perform(effects, model)
    }

    fn perform(&mut self, effects: Vec<Effect>, model: &Model) -> Result<(), TestCaseError> {
        for effect in effects {
            if matches!(effect, Effect::Save | Effect::SaveAndQuit) {
                self.save_and_load(model)?;
            }
        }
        Ok(())
    }

    fn save_and_load(&mut self, model: &Model) -> Result<(), TestCaseError> {
        let location = self.store.location(&self.id);
        let doc = &self.app.editor().unwrap().doc;
        self.store.save(&location, doc).unwrap();
        let loaded = self.store.load(&location).unwrap();
        prop_assert_eq!(
            &loaded,
            &model.doc,
            "the saved file loads to another document"
        );
        self.app.save_done(Ok("12:00".into()));
        Ok(())
    }
}

/// One step through both; the model follows the application's placement
/// only where the step asks the application where it put the writer.
fn apply(h: &mut Harness, m: &mut Model, step: &Step) -> Result<(), TestCaseError> {
    match step {
        Step::Key(spec) => {
            let history = matches!(*spec, "C-z" | "C-y") || (!m.in_editor && *spec == "u");
            let asks = !m.in_editor && matches!(*spec, "d" | "Delete") && m.delete_asks();
            if history {
                m.step_history(*spec != "C-y");
            } else if m.in_editor {
                m.editor_key(spec);
            } else {
                m.outline_key(spec);
            }
            h.send(key_event(spec), m)?;
            if asks {
                // Yes to "delete the section with its text?".
                h.send(char_event('y'), m)?;
            }
            if history {
                m.follow(&h.app);
            }
        }
        Step::Type(c) => {
            let history = !m.in_editor && *c == 'u';
            let asks = !m.in_editor && *c == 'd' && m.delete_asks();
            if history {
                m.step_history(true);
            } else if m.in_editor {
                m.editor_key(&c.to_string());
            } else {
                m.outline_key(&c.to_string());
            }
            h.send(char_event(*c), m)?;
            if asks {
                h.send(char_event('y'), m)?;
            }
            if history {
                m.follow(&h.app);
            }
        }
        Step::Paste(text) => {
            m.paste(text);
            h.send(Event::Paste(text.clone()), m)?;
        }
        Step::Pause => {
            m.run = None;
            let effects = h.app.tick(Instant::now() + Duration::from_secs(7200));
            h.perform(effects, m)?;
        }
        Step::Save => {
            m.run = None;
            h.send(key_event("C-s"), m)?;
        }
        Step::ReplaceAll(query, replacement) => {
            let found = m.replace_all(*query, replacement);
            h.send(key_event("C-r"), m)?;
            h.send(char_event(*query), m)?;
            h.send(key_event("Tab"), m)?;
            for c in replacement.chars() {
                h.send(char_event(c), m)?;
            }
            h.send(key_event("C-a"), m)?;
            if !found {
                h.send(key_event("Esc"), m)?;
            }
            let e = h.app.editor().unwrap();
            prop_assert!(e.popup.is_none());
            m.in_editor = e.focus == Focus::Editor;
            m.follow(&h.app);
        }
    }
    Ok(())
}

/// Everything the application keeps, against the model and against
/// computing it again from the document.
fn check(
    h: &mut Harness,
    m: &Model,
    terminal: &mut Terminal<TestBackend>,
    cache: &mut DrawCache,
) -> Result<(), TestCaseError> {
    let e = h.app.editor().unwrap();
    prop_assert_eq!(&e.doc, &m.doc, "document");
    prop_assert_eq!(e.focus == Focus::Editor, m.in_editor, "focus");
    prop_assert_eq!(e.selected, m.selected, "selection");
    prop_assert_eq!(
        e.fields
            .fields
            .iter()
            .map(|fa| fa.field)
            .collect::<Vec<_>>(),
        m.entries()[m.selected].clone(),
        "fields of the selected entry"
    );
    if m.in_editor {
        prop_assert_eq!(e.fields.active, m.active, "active field");
        let fa = e.fields.active().unwrap();
        let c = fa.area.cursor();
        prop_assert_eq!((c.0, c.1), m.cursor, "cursor");
    }
    // Screen = document: every text area shows its field's text.
    for fa in &e.fields.fields {
        prop_assert_eq!(
            fa.text(),
            m.doc.text(fa.field).unwrap_or(""),
            "field {:?}",
            fa.field
        );
    }
    // The frame drawn with the cache kept since the first step equals one
    // drawn from nothing, with an empty cache.
    h.app.size = (90, 26);
    h.app.idle();
    let kept = terminal
        .draw(|f| zongjie::ui::draw(f, &h.app, cache))
        .unwrap()
        .buffer
        .clone();
    let mut t = Terminal::new(TestBackend::new(90, 26)).unwrap();
    let fresh = t
        .draw(|f| zongjie::ui::draw_fresh(f, &h.app))
        .unwrap()
        .buffer
        .clone();
    prop_assert_eq!(kept, fresh, "frame");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn screen_document_and_disk_agree_with_the_model(
        doc in strategies::document(text),
        steps in prop::collection::vec(step(), 1..48),
    ) {
        let mut h = Harness::new(doc.clone());
        let mut m = Model::new(doc);
        let mut terminal = Terminal::new(TestBackend::new(90, 26)).unwrap();
        let mut cache = DrawCache::new();
        for step in &steps {
            apply(&mut h, &mut m, step)?;
            check(&mut h, &m, &mut terminal, &mut cache)?;
        }
        h.save_and_load(&m)?;
    }
}
