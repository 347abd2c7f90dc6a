//! The reference pane: the earlier draft this one continues (`from`), shown
//! read-only in place of the preview, at the part that matches the
//! selection — the section of the same kind, the 下一步 promise an item of
//! the work section came from, the same item by its heading. `F9` toggles
//! it (`editor/reference.rs`); the runner loads the earlier draft
//! ([`crate::app::Effect::LoadReference`]).

use super::outline::Entry;
use crate::document::{Document, SectionKind};
use crate::i18n::Lang;
use crate::plain_text::{head_paragraphs, item_paragraphs, section_paragraphs, tail_paragraphs};

/// The earlier draft, once loaded, and whether the pane shows it.
#[derive(Debug, Clone, Default)]
pub struct Reference {
    pub doc: Option<Document>,
    pub shown: bool,
}

/// What the pane shows for `entry` of `doc`: a label saying which part of
/// the earlier draft it is, and its paragraphs as exported.
pub fn reference_text(
    earlier: &Document,
    doc: &Document,
    entry: Entry,
    lang: Lang,
) -> (String, Vec<String>) {
    let texts =
        |ps: Vec<crate::plain_text::Paragraph>| ps.into_iter().map(|p| p.text).collect::<Vec<_>>();
    let whole = || {
        let mut all = texts(head_paragraphs(earlier));
        for s in 0..earlier.sections.len() {
            all.extend(texts(section_paragraphs(earlier, s)));
        }
        all.extend(texts(tail_paragraphs(earlier)));
        (
            lang.pick("上一期全文", "The earlier draft").to_string(),
            all,
        )
    };
    let Some(s) = entry.section() else {
        return match entry {
            Entry::Signature => (
                lang.pick("上一期落款", "Earlier signature").into(),
                texts(tail_paragraphs(earlier)),
            ),
            _ => whole(),
        };
    };
    let Some(section) = doc.sections.get(s) else {
        return whole();
    };
    let kind = section.effective_kind();
    // An item of the work section that carries a promise: that promise.
    if let Entry::Item(at) = entry
        && let Some(item) = section.items.get(at.item)
    {
        let heading = item.heading.trim();
        let promise = crate::document::promises(earlier)
            .into_iter()
            .find(|p| p.text == heading);
        if kind == SectionKind::Work
            && let Some(p) = promise
            && let Some(i) = p.item
            && let Some(ps) = item_paragraphs(earlier, p.section, i)
        {
            return (
                lang.pick("上一期的打算", "The earlier promise").into(),
                texts(ps),
            );
        }
    }
    // The section of the same kind, the n-th of that kind as here.
    let nth = doc.sections[..s]
        .iter()
        .filter(|x| x.effective_kind() == kind)
        .count();
    let matching = earlier
        .sections
        .iter()
        .enumerate()
        .filter(|(_, x)| x.effective_kind() == kind)
        .nth(nth)
        .map(|(k, _)| k);
    let Some(k) = matching else {
        return whole();
    };
    if let Entry::Item(at) = entry
        && let Some(item) = section.items.get(at.item)
        && let Some(i) = earlier.sections[k]
            .items
            .iter()
            .position(|x| x.heading.trim() == item.heading.trim())
        && let Some(ps) = item_paragraphs(earlier, k, i)
    {
        return (
            lang.pick("上一期同一项", "The same item, earlier").into(),
            texts(ps),
        );
    }
    (
        lang.pick("上一期同类部分", "The same part, earlier").into(),
        texts(section_paragraphs(earlier, k)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ItemRef, next_period_draft};

    fn earlier() -> Document {
        let mut doc = crate::templates::Template::find("party-branch")
            .unwrap()
            .document(Some("XX党支部2020年上半年党建工作总结"));
        doc.sections[1].items[0].body = "上半年学习十二次。".into();
        doc.sections[3].items[0].body = "建立“第一议题”制度。".into();
        doc
    }

    #[test]
    fn each_part_finds_its_earlier_text() {
        let earlier = earlier();
        let doc = next_period_draft(&earlier, "h1", None).unwrap();
        // 二、工作开展情况 › （一）: the promise it came from (四、下一步打算 › （一）).
        let (label, text) =
            reference_text(&earlier, &doc, Entry::Item(ItemRef::new(1, 0)), Lang::Zh);
        assert_eq!(label, "上一期的打算");
        assert_eq!(text, vec!["（一）强化党的政治建设。建立“第一议题”制度。"]);
        // 二、工作开展情况 itself: the earlier work section.
        let (label, text) = reference_text(&earlier, &doc, Entry::Section(1), Lang::Zh);
        assert_eq!(label, "上一期同类部分");
        assert_eq!(text[0], "二、工作开展情况");
        assert!(text[1].contains("上半年学习十二次。"), "{text:?}");
        // 三、存在的问题 › （一）: the same item by its heading.
        let (label, text) =
            reference_text(&earlier, &doc, Entry::Item(ItemRef::new(2, 0)), Lang::En);
        assert_eq!(label, "The same item, earlier");
        assert!(text[0].starts_with("（一）理论学习不够深入。"), "{text:?}");
        // The title: the whole earlier draft.
        let (label, text) = reference_text(&earlier, &doc, Entry::Title, Lang::Zh);
        assert_eq!(label, "上一期全文");
        assert_eq!(text[0], "XX党支部2020年上半年党建工作总结");
    }
}
