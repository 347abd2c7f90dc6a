//! Comparing two versions of a summary (`zongjie diff`): paragraph by
//! paragraph of the exported text, as the reader sees it (numbers
//! included), and inside a changed paragraph, sentence by sentence, so the
//! sentences that changed are marked. The algorithm is `similar`'s patience
//! diff; nothing here does I/O.

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::document::Document;
use crate::i18n::Lang;
use crate::plain_text::{ExportOptions, export_text};

/// A run of a paragraph's text, changed or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub changed: bool,
}

/// One paragraph of the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    /// In both versions; `number` is its 1-based place in the newer one.
    Same { number: usize, text: String },
    /// Only in the older version (or its older form), at `number` in it.
    Removed { number: usize, pieces: Vec<Piece> },
    /// Only in the newer version (or its newer form), at `number` in it.
    Added { number: usize, pieces: Vec<Piece> },
}

impl DiffLine {
    pub fn is_change(&self) -> bool {
        !matches!(self, DiffLine::Same { .. })
    }
}

/// The paragraphs of `doc` as exported: title, preamble, headings, items.
pub fn paragraphs_of(doc: &Document) -> Vec<String> {
    export_text(doc, &ExportOptions::default())
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// Compares `old` with `new` paragraph by paragraph; a paragraph changed in
/// place shows as its old and new forms with the changed sentences marked.
pub fn diff_documents(old: &Document, new: &Document) -> Vec<DiffLine> {
    diff_paragraphs(&paragraphs_of(old), &paragraphs_of(new))
}

pub fn diff_paragraphs(old: &[String], new: &[String]) -> Vec<DiffLine> {
    let mut out = Vec::new();
    // Neighbouring deletes and inserts are one block of change.
    let mut block: Option<(std::ops::Range<usize>, std::ops::Range<usize>)> = None;
    for op in capture_diff_slices(Algorithm::Patience, old, new) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag != DiffTag::Equal {
            block = Some(match block {
                Some((bo, bn)) => (bo.start..o.end.max(bo.end), bn.start..n.end.max(bn.end)),
                None => (o, n),
            });
            continue;
        }
        if let Some((bo, bn)) = block.take() {
            replaced(old, new, bo, bn, &mut out);
        }
        out.extend(n.map(|j| DiffLine::Same {
            number: j + 1,
            text: new[j].clone(),
        }));
    }
    if let Some((bo, bn)) = block {
        replaced(old, new, bo, bn, &mut out);
    }
    out
}

/// Blocks larger than this (old × new paragraphs) are not paired up.
const MAX_PAIRING: usize = 400;

/// A block of old paragraphs replaced by new ones: pairs of an old and a
/// new paragraph that are mostly the same text (the pairing, in order, with
/// the most in common) show as that paragraph changed, sentence by
/// sentence; the others as removed or added whole.
fn replaced(
    old: &[String],
    new: &[String],
    o: std::ops::Range<usize>,
    n: std::ops::Range<usize>,
    out: &mut Vec<DiffLine>,
) {
    let whole = |text: &str| {
        vec![Piece {
            text: text.to_string(),
            changed: true,
        }]
    };
    let pairs = if o.len() * n.len() <= MAX_PAIRING {
        best_pairs(&old[o.clone()], &new[n.clone()])
    } else {
        Vec::new()
    };
    let (mut i, mut j) = (0, 0);
    for (pi, pj) in pairs.into_iter().chain([(o.len(), n.len())]) {
        out.extend((i..pi).map(|k| DiffLine::Removed {
            number: o.start + k + 1,
            pieces: whole(&old[o.start + k]),
        }));
        out.extend((j..pj).map(|k| DiffLine::Added {
            number: n.start + k + 1,
            pieces: whole(&new[n.start + k]),
        }));
        if pi < o.len() {
            let (before, after) = diff_sentences(&old[o.start + pi], &new[n.start + pj]);
            out.push(DiffLine::Removed {
                number: o.start + pi + 1,
                pieces: before,
            });
            out.push(DiffLine::Added {
                number: n.start + pj + 1,
                pieces: after,
            });
        }
        (i, j) = (pi + 1, pj + 1);
    }
}

/// The pairs (old, new), in order on both sides, of paragraphs with at
/// least half their characters in common, the most in common overall.
fn best_pairs(old: &[String], new: &[String]) -> Vec<(usize, usize)> {
    let ratio = |a: &str, b: &str| {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
        similar::get_diff_ratio(&ops, a.len(), b.len())
    };
    let (h, w) = (old.len(), new.len());
    let mut r = vec![vec![0f32; w]; h];
    for (i, row) in r.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            let x = ratio(&old[i], &new[j]);
            *cell = if x >= 0.5 { x } else { 0.0 };
        }
    }
    // score[i][j]: the best total of pairs among old[i..] and new[j..].
    let mut score = vec![vec![0f32; w + 1]; h + 1];
    for i in (0..h).rev() {
        for j in (0..w).rev() {
            let pair = if r[i][j] > 0.0 {
                r[i][j] + score[i + 1][j + 1]
            } else {
                0.0
            };
            score[i][j] = pair.max(score[i + 1][j]).max(score[i][j + 1]);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < h && j < w {
        if r[i][j] > 0.0 && score[i][j] == r[i][j] + score[i + 1][j + 1] {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if score[i][j] == score[i + 1][j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Splits a paragraph after each 。！？；(and the closing quote or bracket
/// that follows one), keeping the marks.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?') {
            let mut end = i + c.len_utf8();
            while let Some(&(j, next)) = chars.peek() {
                if !matches!(next, '”' | '’' | '）' | '」' | '』') {
                    break;
                }
                end = j + next.len_utf8();
                chars.next();
            }
            out.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The old and new paragraph as pieces, the sentences that differ marked.
fn diff_sentences(old: &str, new: &str) -> (Vec<Piece>, Vec<Piece>) {
    let (a, b) = (sentences(old), sentences(new));
    let mut before: Vec<Piece> = Vec::new();
    let mut after: Vec<Piece> = Vec::new();
    let push = |pieces: &mut Vec<Piece>, text: &str, changed: bool| match pieces.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(text),
        _ => pieces.push(Piece {
            text: text.to_string(),
            changed,
        }),
    };
    for op in capture_diff_slices(Algorithm::Patience, &a, &b) {
        let (tag, o, n) = op.as_tag_tuple();
        let changed = tag != DiffTag::Equal;
        for i in o {
            push(&mut before, a[i], changed);
        }
        for j in n {
            push(&mut after, b[j], changed);
        }
    }
    (before, after)
}

/// The comparison as text: for each changed place `@@ 第N段 @@`, then
/// `- ` the older form and `+ ` the newer one, the changed sentences in
/// `[-…-]` and `{+…+}`. Unchanged paragraphs are not printed.
pub fn render_diff(lines: &[DiffLine], old_name: &str, new_name: &str, lang: Lang) -> String {
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    let mut previous_change = false;
    for line in lines {
        let (sign, number, pieces, open, close) = match line {
            DiffLine::Same { .. } => {
                previous_change = false;
                continue;
            }
            DiffLine::Removed { number, pieces } => ('-', number, pieces, "[-", "-]"),
            DiffLine::Added { number, pieces } => ('+', number, pieces, "{+", "+}"),
        };
        if !previous_change {
            let header = match lang {
                Lang::Zh => format!("@@ 第{number}段 @@\n"),
                Lang::En => format!("@@ paragraph {number} @@\n"),
            };
            out.push_str(&header);
        }
        previous_change = true;
        out.push(sign);
        out.push(' ');
        // A whole paragraph added or removed needs no marks inside it.
        let marked = pieces.len() > 1;
        for piece in pieces {
            if piece.changed && marked {
                out.push_str(open);
                out.push_str(&piece.text);
                out.push_str(close);
            } else {
                out.push_str(&piece.text);
            }
        }
        out.push('\n');
    }
    out
}

/// For each kept version of draft `id`, newest first (as `history` lists
/// them), what restoring it would do: the lines of the diff from the
/// current draft (`-`, what goes) to the version (`+`, what comes back),
/// without the `---`/`+++` header; empty where they are the same.
pub fn changes_since_versions(
    store: &crate::storage::Store,
    id: &crate::storage::DraftId,
    lang: Lang,
) -> Vec<Vec<String>> {
    let current = store.load(&store.location(id)).ok();
    store
        .snapshots(id)
        .iter()
        .map(|snapshot| {
            let (Some(current), Ok(older)) = (&current, store.load_snapshot(snapshot)) else {
                return vec![lang.pick("（无法比较）", "(cannot compare)").to_string()];
            };
            render_diff(&diff_documents(current, &older), "", "", lang)
                .lines()
                .skip(2)
                .map(str::to_string)
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn sentences_keep_their_marks_and_closing_quotes() {
        assert_eq!(
            sentences("他说：“好。”我们走！还有；最后"),
            vec!["他说：“好。”", "我们走！", "还有；", "最后"]
        );
        assert_eq!(sentences(""), Vec::<&str>::new());
    }

    #[test]
    fn a_known_pair_of_versions() {
        let old = lines("标题\n第一段。不变。\n要删的一段。\n第三段。旧的一句。结尾。");
        let new = lines("标题\n第一段。不变。\n第三段。新的一句。结尾。\n新加的一段。");
        let diff = diff_paragraphs(&old, &new);
        assert_eq!(
            render_diff(&diff, "旧", "新", Lang::Zh),
            "--- 旧\n+++ 新\n\
             @@ 第3段 @@\n\
             - 要删的一段。\n\
             - 第三段。[-旧的一句。-]结尾。\n\
             + 第三段。{+新的一句。+}结尾。\n\
             + 新加的一段。\n"
        );
        assert_eq!(diff.iter().filter(|l| l.is_change()).count(), 4);
        assert!(diff_paragraphs(&old, &old).iter().all(|l| !l.is_change()));
    }
}
