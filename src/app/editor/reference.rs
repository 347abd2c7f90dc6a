//! `F9`: the reference pane (the earlier draft, `app/reference.rs`) shown
//! or hidden; the first time, the earlier draft asked of the runner and
//! its answer taken.

use crate::app::{App, Effect, Message, Reference, Screen};
use crate::document::Document;
use crate::i18n::Lang;
use crate::settings::keymap::{Action, Context};

/// `F9`: show or hide the earlier draft; the first time, ask for it.
pub(super) fn toggle(app: &mut App) -> Vec<Effect> {
    let lang = app.lang();
    let Screen::Editor(e) = &mut app.screen else {
        return Vec::new();
    };
    if e.reference.shown {
        e.reference.shown = false;
        return Vec::new();
    }
    match (&e.reference.doc, e.doc.from.as_deref()) {
        (Some(_), _) => {
            e.reference.shown = true;
            Vec::new()
        }
        (None, Some(from)) if !from.trim().is_empty() => {
            vec![Effect::LoadReference(from.to_string())]
        }
        _ => {
            let next = app
                .settings
                .keymap
                .key_label(Context::Picker, Action::NextPeriodDraft);
            let text = match (lang, next.is_empty()) {
                (Lang::Zh, true) => "这篇草稿不是由上一期生成的，没有可参考的上一期（用 zongjie new --from 生成）".into(),
                (Lang::Zh, false) => format!(
                    "这篇草稿不是由上一期生成的，没有可参考的上一期（在草稿列表按 {next} 或用 zongjie new --from 生成）"
                ),
                (Lang::En, true) => "This draft does not continue an earlier one (start one with zongjie new --from)".into(),
                (Lang::En, false) => format!(
                    "This draft does not continue an earlier one (start one with {next} in the drafts list or zongjie new --from)"
                ),
            };
            app.message = Some(Message { text, error: false });
            Vec::new()
        }
    }
}

impl App {
    /// The runner's answer to [`Effect::LoadReference`].
    pub fn reference_loaded(&mut self, result: Result<Document, String>) {
        self.dirty_screen = true;
        let Screen::Editor(e) = &mut self.screen else {
            return;
        };
        match result {
            Ok(doc) => {
                e.reference = Reference {
                    doc: Some(doc),
                    shown: true,
                };
                e.run_check();
            }
            Err(reason) => self.warn(reason),
        }
    }
}
