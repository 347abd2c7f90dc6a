//! The lines of the picker's lists of files: the trash, a draft's kept
//! versions, the rescue files. Each is `(what selecting it restores, the
//! line shown)`.

use super::{Lang, local_time};
use crate::storage::{DraftSummary, RescueFile, Snapshot, TrashEntry};

/// `4,310`
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What the trash popup shows of each trashed draft: when it was deleted,
/// its title and id; paired with the file name that restores it.
pub fn trash_lines(entries: &[TrashEntry], lang: Lang) -> Vec<(String, String)> {
    entries
        .iter()
        .map(|e| {
            let when = e.deleted.clone().unwrap_or_else(|| "-".into());
            let title = match &e.title {
                Ok(t) => t.clone(),
                Err(_) => format!("[{}]", lang.damaged()),
            };
            (e.name.clone(), format!("{when}  {title} ({})", e.id))
        })
        .collect()
}

/// A draft's kept versions: when, how long, the title then (or that the
/// file is damaged).
pub fn version_lines(
    versions: &[(Snapshot, Option<DraftSummary>)],
    lang: Lang,
) -> Vec<(String, String)> {
    versions
        .iter()
        .map(|(snapshot, summary)| {
            let about = match summary {
                Some(s) => format!(
                    "{}  {} {}  {}",
                    snapshot.time(),
                    thousands(s.chars),
                    lang.pick("字", "chars"),
                    s.title
                ),
                None => format!("{}  [{}]", snapshot.time(), lang.damaged()),
            };
            (snapshot.stamp.clone(), about)
        })
        .collect()
}

/// The rescue files: the draft each holds text of, when, and where.
pub fn rescue_lines(files: Vec<RescueFile>) -> Vec<(std::path::PathBuf, String)> {
    files
        .into_iter()
        .map(|r| {
            let when = r.modified.map(local_time).unwrap_or_default();
            let about = format!("{}  {when}  {}", r.draft, r.path.display());
            (r.path, about)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(thousands(4310), "4,310");
        assert_eq!(thousands(200_005), "200,005");
        assert_eq!(thousands(12), "12");
    }

    #[test]
    fn a_damaged_version_says_so_in_either_language() {
        let snapshot = Snapshot {
            stamp: "20261123-140500".into(),
            path: "/h/x".into(),
        };
        let versions = [(snapshot, None)];
        assert_eq!(
            version_lines(&versions, Lang::Zh)[0],
            (
                "20261123-140500".into(),
                "2026-11-23 14:05  [已损坏]".into()
            )
        );
        assert_eq!(
            version_lines(&versions, Lang::En)[0].1,
            "2026-11-23 14:05  [damaged]"
        );
    }
}
