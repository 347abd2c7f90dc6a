//! Generated documents for property tests: every field drawn from a text
//! strategy the test chooses (its own alphabet of troublemakers).

use proptest::prelude::*;
use zongjie::document::{Document, Item, NumberingStyle, Section, SectionKind, Signature};

/// Any document: up to 4 sections of up to 4 items, every field from `text`.
pub fn document<S>(text: fn() -> S) -> impl Strategy<Value = Document>
where
    S: Strategy<Value = String> + 'static,
{
    let item = (text(), text()).prop_map(|(heading, body)| Item::new(heading, body));
    let section = (
        prop::sample::select(SectionKind::ALL.to_vec()),
        prop::sample::select(NumberingStyle::ALL.to_vec()),
        text(),
        text(),
        (
            prop::collection::vec(item, 0..4),
            prop::option::of(0u32..100_000),
        ),
    )
        .prop_map(
            |(kind, style, title, intro, (items, target_chars))| Section {
                kind,
                title,
                style,
                intro,
                items,
                target_chars,
            },
        );
    (
        (text(), text(), text(), text(), text()),
        (prop::option::of(0u32..100_000), prop::option::of(text())),
        prop::collection::vec(section, 0..4),
        (text(), text()),
    )
        .prop_map(
            |(
                (title, organization, period, preamble, notes),
                (target_chars, from),
                sections,
                (o, d),
            )| {
                Document {
                    title,
                    organization,
                    period,
                    preamble,
                    notes,
                    target_chars,
                    from,
                    top_style: Default::default(),
                    sections,
                    signature: Signature {
                        organization: o,
                        date: d,
                    },
                }
            },
        )
}
