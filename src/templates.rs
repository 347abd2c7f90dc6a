//! The built-in templates (DESIGN.md §7): drafts in the draft format,
//! compiled into the binary, with guidance text and XX placeholders.

use crate::document::{Document, Field};
use crate::storage::parse_draft;

/// A built-in template.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    pub name: &'static str,
    pub description_zh: &'static str,
    pub description_en: &'static str,
    source: &'static str,
}

pub const TEMPLATES: [Template; 3] = [
    Template {
        name: "party-branch",
        description_zh: "党支部党建工作总结：基本情况、工作开展情况、存在的问题、下一步打算",
        description_en: "Party branch summary: basic facts, work done, problems, next steps",
        source: include_str!("templates/party-branch.toml"),
    },
    Template {
        name: "party-committee",
        description_zh: "党委／党组／机关党建工作总结：工作开展情况、工作亮点、存在问题、下一步工作打算",
        description_en: "Party committee or office summary: work done, highlights, problems, next steps",
        source: include_str!("templates/party-committee.toml"),
    },
    Template {
        name: "general",
        description_zh: "任何部门的工作总结：主要工作及成效、存在的问题、下半年工作计划",
        description_en: "Any department's work summary: achievements, problems, plans",
        source: include_str!("templates/general.toml"),
    },
];

impl Template {
    pub fn find(name: &str) -> Option<Template> {
        TEMPLATES.iter().copied().find(|t| t.name == name)
    }

    /// A new document from the template, with `title` (and the organization
    /// and period read from it) when given.
    pub fn document(&self, title: Option<&str>) -> Document {
        // The sources are checked by a test; a broken one still yields a draft.
        let mut doc = parse_draft(self.source).unwrap_or_default();
        if let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) {
            doc.title = title.to_string();
            if let Some((organization, period)) = split_title(title) {
                let mut replacements = vec![(doc.period.clone(), period.to_string())];
                // The templates' plans are for "下半年", the period after a
                // 上半年 summary; after any other period it is just "下一步"
                // (replaced first, before the period itself is written in).
                if !period.ends_with("上半年") {
                    replacements.insert(0, ("下半年".to_string(), "下一步".to_string()));
                }
                if !organization.is_empty() {
                    replacements.push((doc.organization.clone(), organization.to_string()));
                }
                // The template's own placeholders for the period and the
                // organization are filled in wherever they appear.
                let fields: Vec<_> = doc.fields().filter(|f| *f != Field::Title).collect();
                for field in fields {
                    if let Some(text) = doc.text_mut(field) {
                        for (from, to) in &replacements {
                            if !from.is_empty() && text.contains(from.as_str()) {
                                *text = text.replace(from.as_str(), to);
                            }
                        }
                    }
                }
            }
        }
        doc
    }
}

pub use crate::document::split_title;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SectionKind;

    #[test]
    fn every_template_parses_and_has_the_standard_sections() {
        for t in TEMPLATES {
            let doc = parse_draft(t.source).unwrap_or_else(|e| panic!("{}: {e}", t.name));
            let kinds: Vec<_> = doc.sections.iter().map(|s| s.kind).collect();
            assert!(kinds.contains(&SectionKind::Problems), "{}", t.name);
            assert!(kinds.contains(&SectionKind::Next), "{}", t.name);
            assert!(doc.title.contains("XX"), "{}", t.name);
            for s in &doc.sections {
                assert_eq!(
                    SectionKind::classify(&s.title),
                    s.kind,
                    "{}: {}",
                    t.name,
                    s.title
                );
            }
        }
    }

    #[test]
    fn a_second_half_year_draft_does_not_plan_for_the_second_half_year() {
        for t in TEMPLATES {
            let doc = t.document(Some("XX党支部2020年下半年党建工作总结"));
            let text = crate::plain_text::export_text(&doc, &Default::default());
            // The period itself is 下半年; nothing else may be.
            let body = text.replace("2020年下半年", "");
            assert!(!body.contains("下半年"), "{}: {body}", t.name);
            assert_eq!(doc.period, "2020年下半年");
            let first_half = t.document(Some("XX党支部2020年上半年党建工作总结"));
            let next = first_half
                .sections
                .iter()
                .find(|s| s.kind == SectionKind::Next);
            assert!(next.is_some(), "{}", t.name);
        }
    }

    #[test]
    fn title_gives_organization_and_period() {
        let doc = Template::find("party-branch")
            .unwrap()
            .document(Some("XX党支部2020年上半年党建工作总结"));
        assert_eq!(doc.organization, "XX党支部");
        assert_eq!(doc.period, "2020年上半年");
        assert!(
            doc.preamble.starts_with("2020年上半年，XX党支部"),
            "{}",
            doc.preamble
        );
        let doc = Template::find("general")
            .unwrap()
            .document(Some("市财政局2021年度工作总结"));
        assert_eq!(doc.organization, "市财政局");
        assert!(doc.preamble.contains("市财政局"), "{}", doc.preamble);
        assert_eq!(
            split_title("市X局2020年度工作总结"),
            Some(("市X局", "2020年度"))
        );
        assert_eq!(split_title("没有年份"), None);
    }
}
