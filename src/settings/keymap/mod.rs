//! Key bindings as data: every action with its name and description, the
//! default keys per context (the panes, the picker and every popup), user
//! overrides from the config. The help screen and every hint a popup or a
//! footer shows are generated from the same table that dispatches keys.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent};

use crate::i18n::{KeyFor, KeyNames, KeyProblem, Lang};

mod actions;
mod binding;
pub mod overrides;
mod table;

pub use actions::{Action, Context};
pub use binding::KeyBinding;
pub use overrides::KeyOverride;
use table::{DEFAULTS, POPUP_KEYS};

/// The outline's Tab and Shift+Tab fold (the genre's outline as org-mode
/// folds it); Tab still moves focus from a row with nothing to fold.
fn folds_instead_of_focus(pane: Action, global: Action) -> bool {
    matches!(
        (pane, global),
        (
            Action::Fold | Action::FoldAll,
            Action::FocusNext | Action::FocusPrev
        )
    )
}

/// The bindings in force: defaults with the user's overrides.
#[derive(Debug, Clone)]
pub struct Keymap {
    by_key: HashMap<(Context, KeyBinding), Action>,
    /// For help: each context's actions in order, with their keys.
    listing: Vec<(Context, Action, Vec<KeyBinding>)>,
    /// What hints call an action in a context, where not its description.
    said: HashMap<(Context, Action), (&'static str, &'static str)>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::with_overrides(&[]).0
    }
}

impl Keymap {
    /// Builds the keymap from the default table and the writer's `[keys]`
    /// (see [`overrides`] for which binding wins a key). Returns warnings
    /// for unknown contexts and actions, bad keys and clashes.
    pub fn with_overrides(overrides: &[KeyOverride]) -> (Keymap, Vec<KeyProblem>) {
        let rows: Vec<&table::Row> = DEFAULTS.iter().chain(POPUP_KEYS).collect();
        let (keys, mut warnings) = overrides::resolve(&rows, overrides);
        let mut listing: Vec<(Context, Action, Vec<KeyBinding>)> = Vec::new();
        let mut said = HashMap::new();
        for (row, keys) in rows.iter().zip(keys) {
            listing.push((row.context, row.action, keys));
            if let Some(words) = row.says {
                said.insert((row.context, row.action), words);
            }
        }
        // One action a key in a context: `resolve` gave each key to one row.
        let mut by_key = HashMap::new();
        for (context, action, keys) in &listing {
            for key in keys {
                by_key.insert((*context, *key), *action);
            }
        }
        // A pane key that shadows a global one would make the global unreachable there.
        for ((context, key), action) in &by_key {
            if context.is_pane()
                && let Some(global) = by_key.get(&(Context::Global, *key))
                && global != action
                && !folds_instead_of_focus(*action, *global)
            {
                warnings.push(KeyProblem::Shadows {
                    key: key.to_string(),
                    global: global.name().to_string(),
                    action: action.name().to_string(),
                    context: (context.title(Lang::Zh), context.title(Lang::En)),
                });
            }
        }
        warnings.sort_by_key(|w| w.text(Lang::En));
        (
            Keymap {
                by_key,
                listing,
                said,
            },
            warnings,
        )
    }

    /// Whether `key` does something in any context.
    pub fn binds(&self, key: &KeyEvent) -> bool {
        let key = KeyBinding::from_event(key);
        Context::ALL
            .iter()
            .any(|context| self.by_key.contains_key(&(*context, key)))
    }

    pub fn action(&self, context: Context, key: &KeyEvent) -> Option<Action> {
        self.by_key
            .get(&(context, KeyBinding::from_event(key)))
            .copied()
    }

    /// The keys of an action in a context, for hints.
    pub fn keys(&self, context: Context, action: Action) -> &[KeyBinding] {
        self.listing
            .iter()
            .find(|(c, a, _)| *c == context && *a == action)
            .map_or(&[], |(_, _, keys)| keys.as_slice())
    }

    /// The first key of an action as text, e.g. `Ctrl+S`.
    pub fn key_label(&self, context: Context, action: Action) -> String {
        self.keys(context, action)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_default()
    }

    /// What an action is called in a context: the words of its row in the
    /// table, else its description.
    pub fn words(&self, context: Context, action: Action, lang: Lang) -> &'static str {
        match self.said.get(&(context, action)) {
            Some((zh, en)) => lang.pick(zh, en),
            None => action.description(lang),
        }
    }

    /// The keys of an action in a context as a hint shows them: `Enter/↓`,
    /// a letter once (not also its capital), a run of digits as `1-9`.
    pub fn hint_keys(&self, context: Context, action: Action) -> String {
        let keys = self.keys(context, action);
        let digits: Vec<char> = keys
            .iter()
            .filter_map(|k| match k.code {
                KeyCode::Char(c) if c.is_ascii_digit() && k.modifiers.is_empty() => Some(c),
                _ => None,
            })
            .collect();
        if digits.len() > 2 && digits.len() == keys.len() {
            return format!("{}-{}", digits[0], digits[digits.len() - 1]);
        }
        let twin = |k: &KeyBinding| match k.code {
            KeyCode::Char(c) if c.is_ascii_uppercase() => keys.iter().any(|o| {
                o.code == KeyCode::Char(c.to_ascii_lowercase()) && o.modifiers == k.modifiers
            }),
            _ => false,
        };
        let shown: Vec<String> = keys
            .iter()
            .filter(|k| !twin(k))
            .map(|k| k.to_string())
            .collect();
        shown.join("/")
    }

    /// One hint: the action's keys in the context and what it does there,
    /// e.g. `Esc 关闭`. Empty when the action has no key there.
    pub fn hint(&self, context: Context, action: Action, lang: Lang) -> String {
        let keys = self.hint_keys(context, action);
        if keys.is_empty() {
            return String::new();
        }
        let words = self.words(context, action, lang);
        // A description is capitalised as a sentence; in a hint it is not.
        let words = match (lang, self.said.contains_key(&(context, action))) {
            (Lang::En, false) => {
                let mut chars = words.chars();
                chars.next().map_or(String::new(), |first| {
                    first.to_lowercase().chain(chars).collect::<String>()
                })
            }
            _ => words.to_string(),
        };
        format!("{keys} {words}")
    }

    /// Hints for `actions` of a context, joined with ` · `.
    pub fn hint_line(&self, context: Context, actions: &[Action], lang: Lang) -> String {
        let hints: Vec<String> = actions
            .iter()
            .map(|a| self.hint(context, *a, lang))
            .filter(|h| !h.is_empty())
            .collect();
        hints.join(" · ")
    }

    /// Every binding of a context, in table order, for the help screen.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = (Action, &[KeyBinding])> {
        self.listing
            .iter()
            .filter(move |(c, _, _)| *c == context)
            .map(|(_, a, keys)| (*a, keys.as_slice()))
    }
}

/// The keys the status bar's notices name (in `i18n/`, which cannot see
/// the keymap), by what they do.
impl KeyNames for Keymap {
    fn key_name(&self, key: KeyFor) -> String {
        let (context, action) = match key {
            KeyFor::Check => (Context::Global, Action::Check),
            KeyFor::NextField => (Context::Editor, Action::NextField),
            KeyFor::LeaveEditor => (Context::Editor, Action::Leave),
            KeyFor::ShowTrash => (Context::Picker, Action::ShowTrash),
            KeyFor::RestoreBackup => (Context::Picker, Action::RestoreBackup),
        };
        self.key_label(context, action)
    }
}

#[cfg(test)]
mod tests;
