//! Rows that moved together on the screen (a paragraph gained or lost a
//! row and everything below it shifted) are moved on the terminal with a
//! scroll region and insert/delete-line instead of being sent again: which
//! shift, if any, saves enough cells to be worth its escape sequences.

use ratatui::buffer::{Buffer, Cell};

/// Fewer changed cells than this: no rows can have moved worth moving.
pub(super) const SHIFT_MIN_CELLS: usize = 160;
/// A shift is sent only when it saves at least this many cells (its
/// sequences cost about 20 bytes, a cell of Chinese text 1.5 to 3).
const SHIFT_MIN_SAVING: i64 = 48;

/// Rows `top..=bottom` move down `by` rows (lines inserted at `top`) or up
/// `-by` rows (lines deleted at `top`); rows pushed out of the region are
/// lost, rows left empty are blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shift {
    pub top: u16,
    pub bottom: u16,
    pub by: i16,
}

/// Moves the rows of `buffer` as the terminal does for `shift`.
pub(crate) fn apply_shift(buffer: &mut Buffer, shift: Shift) {
    let width = usize::from(buffer.area.width);
    let (top, bottom) = (usize::from(shift.top), usize::from(shift.bottom));
    let n = usize::from(shift.by.unsigned_abs()).min(bottom + 1 - top);
    let region = &mut buffer.content[top * width..(bottom + 1) * width];
    if shift.by > 0 {
        region.rotate_right(n * width);
        region[..n * width].fill(Cell::EMPTY);
    } else {
        region.rotate_left(n * width);
        let len = region.len();
        region[len - n * width..].fill(Cell::EMPTY);
    }
}

/// The rows that moved together from `screen` to `next`, if moving them on
/// the terminal saves enough cells: every region of rows and shift by one
/// or two rows either way is weighed by the cells that would still differ
/// afterwards (rows of a pane beside the moved one differ then, and count).
///
/// `same` holds the cells each row sends as things stand (the diff's
/// updates per row). Each shift is first tried on the three rows that
/// change most: only one under which one of them matches is weighed on
/// every row, so a frame that reflowed a paragraph (nothing moved by whole
/// rows) costs little.
pub(super) fn plan_shift(
    screen: &Buffer,
    next: &Buffer,
    same: &[i64],
    unsure: &[bool],
) -> Option<Shift> {
    let width = usize::from(screen.area.width);
    let height = usize::from(screen.area.height);
    if next.area != screen.area
        || height < 3
        || width == 0
        || unsure.len() != height
        || same.len() != height
    {
        return None;
    }
    // Unsure rows before each row: a region holding one is never moved.
    let mut unsure_before = vec![0; height + 1];
    for (y, u) in unsure.iter().enumerate() {
        unsure_before[y + 1] = unsure_before[y] + usize::from(*u);
    }
    fn row(b: &Buffer, y: usize, width: usize) -> &[Cell] {
        &b.content[y * width..(y + 1) * width]
    }
    let differ = |a: &[Cell], b: &[Cell]| a.iter().zip(b).filter(|(a, b)| a != b).count() as i64;
    let first = same.iter().position(|&d| d > 0)?;
    let last = same.iter().rposition(|&d| d > 0)?;
    if last < first + 2 {
        return None;
    }
    // What each row gains made blank by the shift (lines inserted or
    // deleted come blank): the cells then to send, less those sent now.
    let blank: Vec<i64> = (0..height)
        .map(|y| {
            if (first..=last).contains(&y) {
                let cells = row(next, y, width)
                    .iter()
                    .filter(|c| **c != Cell::EMPTY)
                    .count();
                cells as i64 - same[y]
            } else {
                0
            }
        })
        .collect();
    // Rows that would take content from outside the changed rows never gain.
    const NEVER: i64 = 1 << 40;
    let prefix = |gains: &[i64]| {
        let mut sums = vec![0; gains.len() + 1];
        for (i, g) in gains.iter().enumerate() {
            sums[i + 1] = sums[i] + g;
        }
        sums
    };
    let blank_sums = prefix(&blank);
    // The three rows with the most cells to send.
    let mut probes: Vec<usize> = (first..=last).collect();
    probes.sort_by_key(|&y| std::cmp::Reverse(same[y]));
    probes.truncate(3);
    let mut best: Option<(i64, Shift)> = None;
    for by in [1i16, -1, 2, -2] {
        let n = usize::from(by.unsigned_abs());
        if last < first + 2 * n {
            continue;
        }
        // The rows that change most first: does one of them match its
        // neighbour's old content? (A band that moved is where most cells
        // change; the rows of other panes around it do not match.)
        let matches = probes.iter().any(|&y| {
            let from = if by > 0 {
                y.checked_sub(n)
            } else {
                Some(y + n)
            };
            from.is_some_and(|from| {
                from >= first
                    && from <= last
                    && differ(row(next, y, width), row(screen, from, width)) * 2 < same[y]
            })
        });
        if !matches {
            continue;
        }
        // What row y gains taking the screen row its content comes from.
        let moved: Vec<i64> = (0..height)
            .map(|y| {
                let from = if by > 0 {
                    y.checked_sub(n)
                } else {
                    Some(y + n)
                };
                match from {
                    Some(from) if from >= first && from <= last && (first..=last).contains(&y) => {
                        differ(row(next, y, width), row(screen, from, width)) - same[y]
                    }
                    _ => NEVER,
                }
            })
            .collect();
        let moved_sums = prefix(&moved);
        let sum = |sums: &[i64], from: usize, to: usize| sums[to + 1] - sums[from];
        for top in first..=last {
            for bottom in top + n..=last {
                let gain = if by > 0 {
                    sum(&blank_sums, top, top + n - 1) + sum(&moved_sums, top + n, bottom)
                } else {
                    sum(&moved_sums, top, bottom - n) + sum(&blank_sums, bottom + 1 - n, bottom)
                };
                let sure = unsure_before[bottom + 1] == unsure_before[top];
                if sure && gain <= -SHIFT_MIN_SAVING && best.is_none_or(|(g, _)| gain < g) {
                    let shift = Shift {
                        top: u16::try_from(top).ok()?,
                        bottom: u16::try_from(bottom).ok()?,
                        by,
                    };
                    best = Some((gain, shift));
                }
            }
        }
    }
    best.map(|(_, shift)| shift)
}
