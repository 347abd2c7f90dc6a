//! Where each draft was left in the editor — the part, the field and the
//! cursor — so that reopening it goes back there. Kept in
//! `state/positions.toml` in the data directory, apart from the drafts:
//! it is not the writer's text, and losing it loses nothing.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use super::location::DraftLocation;
use super::store::Store;

/// How many drafts' positions are kept; the file stays small.
const KEPT: usize = 200;

/// A place in a draft. `field` is the field's stable name (as in `check
/// --json`), with its section and item where it has them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Position {
    pub field: String,
    #[serde(default)]
    pub section: Option<usize>,
    #[serde(default)]
    pub item: Option<usize>,
    pub row: usize,
    pub column: usize,
    /// Whether the cursor was in the editor pane (else the outline).
    pub editing: bool,
    /// When it was left (seconds since 1970), to keep the newest.
    #[serde(default)]
    pub at: u64,
}

#[derive(Debug, Default, Deserialize)]
struct PositionsFile {
    #[serde(default)]
    drafts: BTreeMap<String, Position>,
}

impl Store {
    fn positions_path(&self) -> PathBuf {
        self.root().join("state").join("positions.toml")
    }

    fn read_positions(&self) -> PositionsFile {
        std::fs::read_to_string(self.positions_path())
            .ok()
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Where the draft was left, if known.
    pub fn position(&self, location: &DraftLocation) -> Option<Position> {
        self.read_positions()
            .drafts
            .remove(&location.path.to_string_lossy().into_owned())
    }

    /// Remembers where the draft was left. Best effort: a failure here
    /// must never stand in the way of saving or quitting.
    pub fn remember_position(
        &self,
        location: &DraftLocation,
        mut position: Position,
    ) -> std::io::Result<()> {
        let mut file = self.read_positions();
        position.at = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        file.drafts
            .insert(location.path.to_string_lossy().into_owned(), position);
        while file.drafts.len() > KEPT {
            let oldest = file
                .drafts
                .iter()
                .min_by_key(|(_, p)| p.at)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => file.drafts.remove(&k),
                None => break,
            };
        }
        let text = write_positions(&file);
        let path = self.positions_path();
        if let Some(dir) = path.parent() {
            super::store::create_private_dir(dir)?;
        }
        super::atomic::write_atomically(self.fs(), &path, text.as_bytes())
            .map_err(|e| std::io::Error::new(e.source.kind(), e.to_string()))
    }
}

/// The file as TOML, written by hand like the drafts (the `toml` crate is
/// built here to read only).
fn write_positions(file: &PositionsFile) -> String {
    let mut out =
        String::from("# Where each draft was left in the editor (zongjie reopens it there).\n");
    for (path, p) in &file.drafts {
        out.push_str(&format!("\n[drafts.{}]\n", quoted(path)));
        out.push_str(&format!("field = {}\n", quoted(&p.field)));
        if let Some(s) = p.section {
            out.push_str(&format!("section = {s}\n"));
        }
        if let Some(i) = p.item {
            out.push_str(&format!("item = {i}\n"));
        }
        out.push_str(&format!(
            "row = {}\ncolumn = {}\nediting = {}\nat = {}\n",
            p.row, p.column, p.editing, p.at
        ));
    }
    out
}

/// A TOML basic string, escaped as the drafts are.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    super::draft_file::escape_into(&mut out, text, false);
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::DraftId;

    #[test]
    fn positions_are_kept_per_draft_and_survive_a_damaged_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let a = store.location(&DraftId::parse("a").unwrap());
        let b = store.location(&DraftId::parse("b").unwrap());
        assert_eq!(store.position(&a), None);
        let here = Position {
            field: "item-body".into(),
            section: Some(1),
            item: Some(2),
            row: 3,
            column: 4,
            editing: true,
            at: 0,
        };
        store.remember_position(&a, here.clone()).unwrap();
        let back = store.position(&a).unwrap();
        assert_eq!(
            (back.field.as_str(), back.section, back.item),
            ("item-body", Some(1), Some(2))
        );
        assert_eq!((back.row, back.column, back.editing), (3, 4, true));
        assert_eq!(store.position(&b), None);
        // A path with quotes, backslashes and controls is written as TOML reads it.
        let odd = DraftLocation {
            id: None,
            path: dir.path().join("a \"b\" \\ \u{1b}.toml"),
            backup: dir.path().join("x"),
        };
        store.remember_position(&odd, back.clone()).unwrap();
        assert_eq!(store.position(&odd).map(|p| p.row), Some(3));
        assert_eq!(store.position(&a).map(|p| p.row), Some(3));
        std::fs::write(store.positions_path(), "not = [toml").unwrap();
        assert_eq!(store.position(&a), None, "a damaged file is no position");
        store.remember_position(&b, here).unwrap();
        assert!(store.position(&b).is_some(), "and is replaced");
    }
}
