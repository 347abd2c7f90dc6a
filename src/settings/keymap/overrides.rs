//! The writer's `[keys]` over the default table: which key each action has
//! in each context once `config.toml` is read, and what to warn about.
//!
//! A binding has a reach: `[keys] save = "C-w"` holds in every context
//! where the action is, `[keys.find] find_next = "C-n"` in the find bar
//! only. In one context a key goes to the strongest claim on it: a binding
//! for that context, then one for everywhere, then the default. A binding
//! for everywhere never takes another action's last default key in a
//! context (Enter stays "replace and next" in the replace bar when
//! `find_next` is bound to Enter); a binding for one context does, and says
//! so when it leaves that action no key. Two bindings of the same reach on
//! one key in one context clash.

use std::collections::{HashMap, HashSet};

use super::table::Row;
use super::{Action, Context, KeyBinding};
use crate::i18n::{KeyProblem, Lang};

/// One binding of `[keys]`: `save = "C-w"` (no context: everywhere the
/// action is) or `find_next = "C-n"` under `[keys.find]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// The context's name in `config.toml` (`find`), or `None` for `[keys]`.
    pub context: Option<String>,
    pub action: String,
    pub keys: Vec<String>,
}

impl KeyOverride {
    /// A binding for every context where the action is.
    pub fn everywhere(action: &str, keys: &[&str]) -> KeyOverride {
        KeyOverride {
            context: None,
            action: action.to_string(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
        }
    }

    /// A binding for one context, by its name in `config.toml`.
    pub fn within(context: &str, action: &str, keys: &[&str]) -> KeyOverride {
        KeyOverride {
            context: Some(context.to_string()),
            ..KeyOverride::everywhere(action, keys)
        }
    }

    /// Where it is under `[keys]`: `save`, `find.find_next`.
    pub fn at(&self) -> String {
        match &self.context {
            Some(context) => format!("{context}.{}", self.action),
            None => self.action.clone(),
        }
    }
}

/// How strongly a row claims its keys; the stronger claim wins a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reach {
    Default,
    Everywhere,
    Here,
}

/// One row of the table with the keys it claims, and where they come from.
struct Claim {
    context: Context,
    action: Action,
    reach: Reach,
    keys: Vec<KeyBinding>,
    defaults: Vec<KeyBinding>,
    /// The binding under `[keys]` the keys come from, for warnings.
    at: Option<String>,
}

/// The keys of every row of `rows` once `overrides` are applied, in table
/// order, with the problems found.
pub(super) fn resolve(
    rows: &[&Row],
    overrides: &[KeyOverride],
) -> (Vec<Vec<KeyBinding>>, Vec<KeyProblem>) {
    let mut warnings = Vec::new();
    let (everywhere, here) = read(rows, overrides, &mut warnings);
    let claims: Vec<Claim> = rows
        .iter()
        .map(|row| {
            let defaults: Vec<KeyBinding> = row
                .keys
                .iter()
                .filter_map(|k| KeyBinding::parse(k).ok())
                .collect();
            let (reach, keys, at) = if let Some((at, keys)) = here.get(&(row.context, row.action)) {
                (Reach::Here, keys.clone(), Some(at.clone()))
            } else if let Some((at, keys)) = everywhere.get(&row.action) {
                (Reach::Everywhere, keys.clone(), Some(at.clone()))
            } else {
                (Reach::Default, defaults.clone(), None)
            };
            Claim {
                context: row.context,
                action: row.action,
                reach,
                keys,
                defaults,
                at,
            }
        })
        .collect();
    let mut won: Vec<Vec<KeyBinding>> = vec![Vec::new(); claims.len()];
    // Keys of `[keys]` that gave way somewhere: (action, key, to whom).
    let mut gave_way: Vec<(Action, KeyBinding, Action)> = Vec::new();
    for context in Context::ALL {
        let in_context: Vec<usize> = (0..claims.len())
            .filter(|&i| claims[i].context == *context)
            .collect();
        // Each key once, in the order the rows name it.
        let mut keys: Vec<KeyBinding> = Vec::new();
        for &i in &in_context {
            for key in &claims[i].keys {
                if !keys.contains(key) {
                    keys.push(*key);
                }
            }
        }
        // How many keys a default row still has: one for everywhere never
        // takes the last.
        let mut left: HashMap<usize, usize> = in_context
            .iter()
            .map(|&i| (i, claims[i].keys.len()))
            .collect();
        for key in keys {
            let mut rivals: Vec<usize> = in_context
                .iter()
                .copied()
                .filter(|&i| claims[i].keys.contains(&key))
                .collect();
            // Strongest first; the table's order among equals.
            rivals.sort_by_key(|&i| std::cmp::Reverse(claims[i].reach));
            let mut winner = rivals[0];
            if claims[winner].reach == Reach::Everywhere
                && let Some(&last) = rivals
                    .iter()
                    .find(|&&i| claims[i].reach == Reach::Default && left[&i] == 1)
            {
                for &i in rivals
                    .iter()
                    .filter(|&&i| claims[i].reach == Reach::Everywhere)
                {
                    gave_way.push((claims[i].action, key, claims[last].action));
                }
                winner = last;
            }
            won[winner].push(key);
            for &loser in rivals.iter().filter(|&&i| i != winner) {
                *left.get_mut(&loser).expect("a row of the context") -= 1;
                let (w, l) = (&claims[winner], &claims[loser]);
                if l.reach == w.reach {
                    warnings.push(KeyProblem::Conflict {
                        key: key.to_string(),
                        first: w.action.name().to_string(),
                        second: l.action.name().to_string(),
                        context: (context.title(Lang::Zh), context.title(Lang::En)),
                    });
                } else if l.reach == Reach::Default && left[&loser] == 0 {
                    warnings.push(KeyProblem::NoKeyLeft {
                        at: w.at.clone().unwrap_or_default(),
                        key: key.to_string(),
                        action: l.action.name().to_string(),
                        context: (context.title(Lang::Zh), context.title(Lang::En)),
                    });
                }
            }
        }
        // A binding for everywhere that gave way in this context with all
        // its keys leaves the action its default keys here, those still free.
        let taken: HashSet<KeyBinding> = in_context.iter().flat_map(|&i| won[i].clone()).collect();
        for &i in &in_context {
            let claim = &claims[i];
            if claim.reach != Reach::Everywhere || !won[i].is_empty() || claim.keys.is_empty() {
                continue;
            }
            won[i] = claim
                .defaults
                .iter()
                .filter(|k| !taken.contains(k))
                .copied()
                .collect();
            // Its defaults went to other bindings of the writer's: say so.
            if won[i].is_empty()
                && let Some((key, owner)) = claim.defaults.iter().find_map(|k| {
                    in_context
                        .iter()
                        .find(|&&o| won[o].contains(k))
                        .map(|&o| (k, o))
                })
            {
                warnings.push(KeyProblem::NoKeyLeft {
                    at: claims[owner].at.clone().unwrap_or_default(),
                    key: key.to_string(),
                    action: claim.action.name().to_string(),
                    context: (context.title(Lang::Zh), context.title(Lang::En)),
                });
            }
        }
    }
    // A key of `[keys]` that gave way in every context of its action does
    // nothing at all: say so.
    for (action, key, other) in &gave_way {
        let used = claims
            .iter()
            .zip(&won)
            .any(|(c, keys)| c.action == *action && keys.contains(key));
        let problem = KeyProblem::KeptByOther {
            at: everywhere
                .get(action)
                .map(|(at, _)| at.clone())
                .unwrap_or_default(),
            key: key.to_string(),
            other: other.name().to_string(),
        };
        if !used && !warnings.contains(&problem) {
            warnings.push(problem);
        }
    }
    (won, warnings)
}

/// The overrides read: the ones for everywhere by action, the ones for one
/// context by (context, action), each with where it is and its keys.
#[allow(clippy::type_complexity)]
fn read(
    rows: &[&Row],
    overrides: &[KeyOverride],
    warnings: &mut Vec<KeyProblem>,
) -> (
    HashMap<Action, (String, Vec<KeyBinding>)>,
    HashMap<(Context, Action), (String, Vec<KeyBinding>)>,
) {
    let mut everywhere = HashMap::new();
    let mut here = HashMap::new();
    let mut unknown_contexts = HashSet::new();
    for o in overrides {
        let at = o.at();
        let context = match &o.context {
            None => None,
            Some(name) => match Context::from_name(name) {
                Some(context) => Some(context),
                None => {
                    if unknown_contexts.insert(name.clone()) {
                        warnings.push(KeyProblem::UnknownContext {
                            name: name.clone(),
                            known: Context::ALL.iter().map(|c| c.name()).collect(),
                        });
                    }
                    continue;
                }
            },
        };
        let Some(action) = Action::from_name(&o.action) else {
            warnings.push(KeyProblem::UnknownAction {
                at,
                action: o.action.clone(),
            });
            continue;
        };
        if let Some(context) = context
            && !rows
                .iter()
                .any(|r| r.context == context && r.action == action)
        {
            warnings.push(KeyProblem::NotInContext {
                at,
                action: o.action.clone(),
                context: (context.title(Lang::Zh), context.title(Lang::En)),
            });
            continue;
        }
        let mut parsed = Vec::new();
        for key in &o.keys {
            match KeyBinding::parse(key) {
                Ok(k) if !parsed.contains(&k) => parsed.push(k),
                Ok(_) => {}
                Err(why) => warnings.push(KeyProblem::BadKey {
                    at: at.clone(),
                    why,
                }),
            }
        }
        // A binding none of whose keys can be read would leave the
        // action with no key at all: it keeps its default keys instead.
        if parsed.is_empty() && !o.keys.is_empty() {
            warnings.push(KeyProblem::NoUsableKey {
                at,
                action: o.action.clone(),
            });
            continue;
        }
        match context {
            Some(context) => here.insert((context, action), (at, parsed)),
            None => everywhere.insert(action, (at, parsed)),
        };
    }
    (everywhere, here)
}
