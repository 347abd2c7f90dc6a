//! An item's paragraphs → its heading and body: the heading is the first
//! sentence of its first paragraph (up to `。！？；：` outside quotes and
//! brackets), when it is short enough to be one.

use super::markers::{LINE_STYLES, find_inline, item_text, ordinal_marker};
use crate::document::{Item, SectionKind};
use crate::plain_text::export::HEADING_ENDS;

/// The longest heading: a longer first sentence is the start of the body of
/// an item without a heading (the outline and the heading line stay short).
const HEADING_MAX_CHARS: usize = 40;

/// An item from its paragraphs, the first being the text after its number.
/// The flag says the heading stood alone on its line and stays in the body
/// (the export joins heading and body on one line).
pub(super) fn make_item(paragraphs: &[&str]) -> Option<(Item, bool)> {
    let (first, rest) = paragraphs.split_first()?;
    if first.trim().is_empty() {
        // `（一）` alone on its line, its text below, cannot be written back.
        return rest.is_empty().then(|| (Item::default(), false));
    }
    let joined = |start: &str| {
        let mut body = String::from(start);
        for p in rest {
            body.push('\n');
            body.push_str(p);
        }
        body
    };
    match split_heading(first) {
        Some((heading, body)) if !body.trim().is_empty() || rest.is_empty() => {
            Some((Item::new(heading, joined(body)), false))
        }
        _ => {
            let reads_as_heading = first.chars().count() <= HEADING_MAX_CHARS + 1;
            Some((
                Item::new("", joined(first)),
                reads_as_heading && !rest.is_empty(),
            ))
        }
    }
}

/// A top-level part's line that runs on into its text (`（三）存在问题。一是…`,
/// `三、存在问题：一是…`, `存在问题一是…二是…`): its title and that text,
/// which opens the part's first paragraph. The title ends at its first
/// `。` (a title never holds one), or at a `！？；：` when a numbered point
/// follows (`：一是`, `：（一）`); the mark stays with the title, so that no
/// character is lost. Without punctuation, the title is the words before a
/// `一是` that a `二是` follows, when they name a standard part (`存在问题`,
/// `下一步打算`…). A line that is all title, or whose first sentence is too
/// long for one, is the title alone (`强化政治引领：把牢方向` stays whole).
pub(super) fn split_top_title(text: &str) -> (&str, Option<&str>) {
    let by_mark = split_heading(text).and_then(|(_, rest)| {
        let body = rest.trim_start();
        let title = &text[..text.len() - rest.len()];
        let numbered = LINE_STYLES
            .iter()
            .any(|style| item_text(body, *style, 1).is_some());
        (!body.is_empty() && (title.ends_with('。') || numbered)).then_some((title, body))
    });
    let one = ordinal_marker(1);
    let by_points = text
        .find(&one)
        .map(|at| (text[..at].trim_end(), &text[at..]))
        .filter(|(title, body)| {
            !title.is_empty()
                && title.chars().count() <= HEADING_MAX_CHARS
                && SectionKind::classify(title) != SectionKind::Custom
                && find_inline(body, &ordinal_marker(2), one.len()).is_some()
        });
    // The earlier end: `存在问题一是…。二是…` ends before 一是, not at 。.
    let split = match (by_mark, by_points) {
        (Some(mark), Some(points)) if points.0.len() < mark.0.len() => Some(points),
        (mark, points) => mark.or(points),
    };
    match split {
        Some((title, body)) => (title, Some(body)),
        None => (text, None),
    }
}

/// Splits `heading。body` at the first `。` (dropped: the export adds it
/// back) or the first `！？；：` (kept), outside quotes and brackets when
/// there is one there. Nothing to split on, an empty heading or one longer
/// than [`HEADING_MAX_CHARS`]: `None`.
fn split_heading(text: &str) -> Option<(&str, &str)> {
    let mut depth = 0usize;
    let mut first_any = None;
    let mut first_outside = None;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' | '“' | '‘' | '《' | '「' | '『' | '【' => depth += 1,
            '）' | ')' | '”' | '’' | '》' | '」' | '』' | '】' => {
                depth = depth.saturating_sub(1)
            }
            c if HEADING_ENDS.contains(&c) => {
                first_any.get_or_insert((i, c));
                if depth == 0 {
                    first_outside = Some((i, c));
                    break;
                }
            }
            _ => {}
        }
    }
    let (i, c) = first_outside.or(first_any)?;
    let (heading, body) = if c == '。' {
        (&text[..i], &text[i + c.len_utf8()..])
    } else {
        text.split_at(i + c.len_utf8())
    };
    let valid = !heading.trim().is_empty()
        && heading.trim() == heading
        && heading.chars().count() <= HEADING_MAX_CHARS
        && !(c == '。' && heading.ends_with(HEADING_ENDS));
    valid.then_some((heading, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_is_the_first_sentence_outside_quotes() {
        let cases = [
            (
                "政治建设方面。制定计划。",
                Some(("政治建设方面", "制定计划。")),
            ),
            (
                "政治建设“铸魂”。建立制度。",
                Some(("政治建设“铸魂”", "建立制度。")),
            ),
            (
                "学习“两学一做。”活动。其他",
                Some(("学习“两学一做。”活动", "其他")),
            ),
            ("学习不够深入；", Some(("学习不够深入；", ""))),
            ("关于学习：认真学习。", Some(("关于学习：", "认真学习。"))),
            (
                "落实责任！签订责任书。",
                Some(("落实责任！", "签订责任书。")),
            ),
            ("。以句号开头", None),
            ("没有标点的一行", None),
            (" 前面有空格。正文", None),
        ];
        for (text, want) in cases {
            assert_eq!(split_heading(text), want, "{text}");
        }
        let long = format!("{}。正文", "长".repeat(HEADING_MAX_CHARS + 1));
        assert_eq!(split_heading(&long), None);
        let just_fits = format!("{}。正文", "长".repeat(HEADING_MAX_CHARS));
        assert!(split_heading(&just_fits).is_some());
    }

    #[test]
    fn a_top_title_runs_on_into_its_text_at_a_mark_or_before_its_points() {
        let cases = [
            (
                "存在问题。一是甲。二是乙。",
                ("存在问题。", Some("一是甲。二是乙。")),
            ),
            (
                "存在问题：一是甲。二是乙。",
                ("存在问题：", Some("一是甲。二是乙。")),
            ),
            (
                "下一步打算：（一）甲。",
                ("下一步打算：", Some("（一）甲。")),
            ),
            (
                "存在问题一是甲。二是乙。",
                ("存在问题", Some("一是甲。二是乙。")),
            ),
            (
                "工作开展情况。全年学习，一是甲，二是乙。",
                ("工作开展情况。", Some("全年学习，一是甲，二是乙。")),
            ),
            ("强化政治引领：把牢方向", ("强化政治引领：把牢方向", None)),
            ("存在问题。", ("存在问题。", None)),
            ("工作开展情况", ("工作开展情况", None)),
            // Before 一是, words that name no standard part are no title.
            (
                "思想统一是基础，二是关键",
                ("思想统一是基础，二是关键", None),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(split_top_title(text), want, "{text}");
        }
    }

    #[test]
    fn items_keep_every_paragraph() {
        let (item, alone) = make_item(&["学习。第一段。", "第二段。"]).unwrap();
        assert_eq!(item, Item::new("学习", "第一段。\n第二段。"));
        assert!(!alone);
        // A heading alone on its line stays in the body, flagged.
        let (item, alone) = make_item(&["政治建设方面", "正文。"]).unwrap();
        assert_eq!(item, Item::new("", "政治建设方面\n正文。"));
        assert!(alone);
        let (item, alone) = make_item(&["政治建设方面。", "正文。"]).unwrap();
        assert_eq!(item, Item::new("", "政治建设方面。\n正文。"));
        assert!(alone);
        // A long first sentence is body, not a heading standing alone.
        let long = "长".repeat(60) + "。";
        let (item, alone) = make_item(&[&long, "正文。"]).unwrap();
        assert_eq!(item.heading, "");
        assert!(!alone);
        assert_eq!(make_item(&[""]).unwrap().0, Item::default());
        // `（一）` alone, its text on the next line: no exact reading.
        assert!(make_item(&["", "正文。"]).is_none());
    }
}
