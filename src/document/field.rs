//! Addresses of the text fields of a document, so that the editor, find and
//! replace and the checks can name "where" without borrowing the document.

use super::Document;

/// One editable text field of a [`Document`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Organization,
    Period,
    Preamble,
    SectionTitle(usize),
    SectionIntro(usize),
    ItemHeading(usize, usize),
    ItemBody(usize, usize),
    SignatureOrganization,
    SignatureDate,
    Notes,
}

impl Field {
    /// Whether the field's text appears in the exported summary.
    pub fn is_exported(self) -> bool {
        !matches!(self, Field::Notes | Field::Organization | Field::Period)
    }

    /// Whether the field holds several paragraphs (a newline is allowed).
    pub fn is_multiline(self) -> bool {
        matches!(
            self,
            Field::Preamble | Field::SectionIntro(_) | Field::ItemBody(..) | Field::Notes
        )
    }

    /// The section the field belongs to, if any.
    pub fn section(self) -> Option<usize> {
        match self {
            Field::SectionTitle(s)
            | Field::SectionIntro(s)
            | Field::ItemHeading(s, _)
            | Field::ItemBody(s, _) => Some(s),
            _ => None,
        }
    }

    /// The item the field belongs to, if any, as (section, item).
    pub fn item(self) -> Option<(usize, usize)> {
        match self {
            Field::ItemHeading(s, i) | Field::ItemBody(s, i) => Some((s, i)),
            _ => None,
        }
    }
}

impl Document {
    /// The text of a field, or `None` when it names a section or item that
    /// does not exist.
    pub fn text(&self, field: Field) -> Option<&str> {
        Some(match field {
            Field::Title => &self.title,
            Field::Organization => &self.organization,
            Field::Period => &self.period,
            Field::Preamble => &self.preamble,
            Field::Notes => &self.notes,
            Field::SectionTitle(s) => &self.sections.get(s)?.title,
            Field::SectionIntro(s) => &self.sections.get(s)?.intro,
            Field::ItemHeading(s, i) => &self.sections.get(s)?.items.get(i)?.heading,
            Field::ItemBody(s, i) => &self.sections.get(s)?.items.get(i)?.body,
            Field::SignatureOrganization => &self.signature.organization,
            Field::SignatureDate => &self.signature.date,
        })
    }

    /// Mutable access to the text of a field.
    pub fn text_mut(&mut self, field: Field) -> Option<&mut String> {
        Some(match field {
            Field::Title => &mut self.title,
            Field::Organization => &mut self.organization,
            Field::Period => &mut self.period,
            Field::Preamble => &mut self.preamble,
            Field::Notes => &mut self.notes,
            Field::SectionTitle(s) => &mut self.sections.get_mut(s)?.title,
            Field::SectionIntro(s) => &mut self.sections.get_mut(s)?.intro,
            Field::ItemHeading(s, i) => &mut self.sections.get_mut(s)?.items.get_mut(i)?.heading,
            Field::ItemBody(s, i) => &mut self.sections.get_mut(s)?.items.get_mut(i)?.body,
            Field::SignatureOrganization => &mut self.signature.organization,
            Field::SignatureDate => &mut self.signature.date,
        })
    }

    /// Every field in reading order: title, preamble, each section's title,
    /// intro and items, the signature, then organization, period and notes.
    pub fn fields(&self) -> impl Iterator<Item = Field> + '_ {
        let head = [Field::Title, Field::Preamble].into_iter();
        let body = self.sections.iter().enumerate().flat_map(|(s, section)| {
            [Field::SectionTitle(s), Field::SectionIntro(s)]
                .into_iter()
                .chain(
                    (0..section.items.len())
                        .flat_map(move |i| [Field::ItemHeading(s, i), Field::ItemBody(s, i)]),
                )
        });
        let tail = [
            Field::SignatureOrganization,
            Field::SignatureDate,
            Field::Organization,
            Field::Period,
            Field::Notes,
        ]
        .into_iter();
        head.chain(body).chain(tail)
    }
}
