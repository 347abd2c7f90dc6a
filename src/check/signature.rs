//! The signature (落款): an organization without a date, or a date without
//! an organization. A copy without any signature is common (many are
//! submitted through a system that adds it) and is not reported.

use super::{Code, Detail, Finding, Location};
use crate::document::{Document, Field};

pub(super) fn check(doc: &Document, out: &mut Vec<Finding>) {
    let organization = !doc.signature.organization.trim().is_empty();
    let date = !doc.signature.date.trim().is_empty();
    if organization && !date {
        out.push(Finding::new(
            Code::MissingDate,
            Location::at(Field::SignatureDate),
            Detail::None,
        ));
    }
    if date && !organization {
        out.push(Finding::new(
            Code::MissingSignature,
            Location::at(Field::SignatureOrganization),
            Detail::None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{CheckOptions, Code, check};
    use crate::document::Field;

    #[test]
    fn half_a_signature_is_reported() {
        let codes = |doc: &crate::document::Document| -> Vec<(Code, Field)> {
            check(doc, &CheckOptions::default())
                .iter()
                .filter(|f| matches!(f.code, Code::MissingDate | Code::MissingSignature))
                .map(|f| (f.code, f.location.field))
                .collect()
        };
        let mut doc = clean_document();
        assert!(!doc.signature.is_empty());
        assert_eq!(codes(&doc), vec![]);
        doc.signature.date = " ".into();
        assert_eq!(codes(&doc), vec![(Code::MissingDate, Field::SignatureDate)]);
        doc.signature.date = "2020年7月10日".into();
        doc.signature.organization.clear();
        assert_eq!(
            codes(&doc),
            vec![(Code::MissingSignature, Field::SignatureOrganization)]
        );
        doc.signature.date.clear();
        assert_eq!(codes(&doc), vec![]);
    }
}
