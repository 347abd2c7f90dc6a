//! What a check run is given besides the draft: a target length, the
//! writer's own wording rules, the promises of the earlier draft.

use super::wording::WordingRule;
use crate::document::Promise;

/// Settings of a check run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Target length in characters; `None` uses the draft's own `target_chars`.
    pub target_chars: Option<usize>,
    /// The writer's own wrong → right pairs (`wording.toml`), besides the built-in ones.
    pub wording: Vec<WordingRule>,
    /// The promises of the earlier draft this one continues (`from`).
    pub promises: Vec<Promise>,
}
