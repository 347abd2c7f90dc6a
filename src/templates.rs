//! Templates (docs/design/checks-and-templates.md, "Templates"): drafts in
//! the draft format. The built-in ones are the TOML files of the
//! repository's `templates/` folder, compiled into the binary; the user's
//! own are `<config dir>/templates/*.toml`, listed and used by name (a user
//! template of a built-in's name wins). A template's text follows the
//! period and organization of the title it is given: a 下半年 draft says 下半年
//! and is signed by its own organization.

use std::path::{Path, PathBuf};

use crate::document::period::{Period, Span, period_pairs, replace_all_at_once};
use crate::document::{Document, Field};
use crate::storage::{DraftFileError, DraftId, OsFs, create_atomically, parse_draft, write_draft};

pub use crate::document::split_title;

/// A built-in template.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    pub name: &'static str,
    pub description_zh: &'static str,
    pub description_en: &'static str,
    source: &'static str,
}

pub const TEMPLATES: [Template; 7] = [
    Template {
        name: "party-branch",
        description_zh: "党支部党建工作总结：基本情况、工作开展情况、存在的问题、下一步打算",
        description_en: "Party branch summary: basic facts, work done, problems, next steps",
        source: include_str!("../templates/party-branch.toml"),
    },
    Template {
        name: "party-committee",
        description_zh: "党委／党组／机关党建工作总结：工作开展情况、工作亮点、存在问题、下一步工作打算",
        description_en: "Party committee or office summary: work done, highlights, problems, next steps",
        source: include_str!("../templates/party-committee.toml"),
    },
    Template {
        name: "general",
        description_zh: "任何部门的工作总结：主要工作及成效、存在的问题、下半年工作计划",
        description_en: "Any department's work summary: achievements, problems, plans",
        source: include_str!("../templates/general.toml"),
    },
    Template {
        name: "year-end",
        description_zh: "党支部年度党建工作总结：全年工作开展情况、工作亮点、存在的问题、明年工作打算",
        description_en: "Party branch year-end summary: the year's work, highlights, problems, next year",
        source: include_str!("../templates/year-end.toml"),
    },
    Template {
        name: "village",
        description_zh: "村（社区）党组织党建工作总结：党建引领发展和基层治理",
        description_en: "Village or community Party organization: Party building for development and local governance",
        source: include_str!("../templates/village.toml"),
    },
    Template {
        name: "state-enterprise",
        description_zh: "国有企业党委党建工作总结：把方向、管大局、保落实，党建与生产经营融合",
        description_en: "State-owned enterprise Party committee: leadership in the company, Party work and business together",
        source: include_str!("../templates/state-enterprise.toml"),
    },
    Template {
        name: "school",
        description_zh: "学校党组织党建工作总结：党建引领办学治校、立德树人、师德师风",
        description_en: "School Party organization: leading the school, moral education, teachers' ethics",
        source: include_str!("../templates/school.toml"),
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
        fill(parse_draft(self.source).unwrap_or_default(), title)
    }
}

/// Where a template comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    User(PathBuf),
}

/// A template that can be used: its name, where it is from, what it says.
#[derive(Debug, Clone)]
pub struct Available {
    pub name: String,
    pub origin: Origin,
    /// For built-ins, the description in (Chinese, English); a user
    /// template is described by its title.
    pub description: (String, String),
    pub doc: Document,
}

impl Available {
    pub fn description(&self, lang: crate::i18n::Lang) -> &str {
        lang.pick(&self.description.0, &self.description.1)
    }

    /// A new document from the template, following `title`.
    pub fn document(&self, title: Option<&str>) -> Document {
        fill(self.doc.clone(), title)
    }
}

/// Why a template cannot be used or kept.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("unknown template `{0}` (see `zongjie templates`)")]
    Unknown(String),
    #[error("template {path}: {source}")]
    Broken {
        path: PathBuf,
        source: DraftFileError,
    },
    #[error("`{0}` is not a usable template name (letters, digits, - and _)")]
    BadName(String),
    #[error("no config directory to keep templates in: set ZONGJIE_CONFIG_DIR")]
    NoConfigDir,
    #[error("template `{0}` already exists ({1}); remove it first")]
    Exists(String, PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Storage(#[from] crate::storage::StorageError),
}

/// The built-in templates and the user's, with a warning for each user
/// template that cannot be read.
#[derive(Debug, Default)]
pub struct Library {
    pub templates: Vec<Available>,
    /// User templates that cannot be read: name, file, reason.
    pub broken: Vec<(String, PathBuf, DraftFileError)>,
}

impl Library {
    /// Reads the built-ins and `user_dir/*.toml` (usually
    /// `<config dir>/templates`); a missing folder is no user templates.
    pub fn load(user_dir: Option<&Path>) -> Library {
        let mut library = Library::default();
        let mut user = Vec::new();
        if let Some(dir) = user_dir
            && let Ok(entries) = std::fs::read_dir(dir)
        {
            let mut paths: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            paths.sort();
            for path in paths {
                let Some(name) = path.file_stem().map(|s| s.to_string_lossy().into_owned()) else {
                    continue;
                };
                let parsed = std::fs::read_to_string(&path)
                    .map_err(|e| DraftFileError::Syntax {
                        line: 1,
                        column: 1,
                        message: e.to_string(),
                    })
                    .and_then(|text| parse_draft(&text));
                match parsed {
                    Ok(doc) => user.push(Available {
                        description: (doc.title.clone(), doc.title.clone()),
                        name,
                        origin: Origin::User(path),
                        doc,
                    }),
                    Err(e) => library.broken.push((name, path, e)),
                }
            }
        }
        for t in TEMPLATES {
            if user.iter().any(|u| u.name == t.name) {
                continue;
            }
            library.templates.push(Available {
                name: t.name.to_string(),
                origin: Origin::BuiltIn,
                description: (t.description_zh.to_string(), t.description_en.to_string()),
                doc: parse_draft(t.source).unwrap_or_default(),
            });
        }
        library.templates.extend(user);
        library
    }

    /// The template called `name`: a broken one is an error of its own.
    pub fn find(&self, name: &str) -> Result<&Available, TemplateError> {
        if let Some(t) = self.templates.iter().find(|t| t.name == name) {
            return Ok(t);
        }
        match self.broken.iter().find(|(n, _, _)| n == name) {
            Some((_, path, e)) => Err(TemplateError::Broken {
                path: path.clone(),
                source: e.clone(),
            }),
            None => Err(TemplateError::Unknown(name.to_string())),
        }
    }

    /// One line per broken user template.
    pub fn warnings(&self) -> Vec<String> {
        self.broken
            .iter()
            .map(|(_, path, e)| format!("template {}: {e}", path.display()))
            .collect()
    }
}

/// Keeps `doc` as the user template `name` in `user_dir`; never replaces one.
pub fn save_user_template(
    user_dir: &Path,
    name: &str,
    doc: &Document,
) -> Result<PathBuf, TemplateError> {
    let id = DraftId::parse(name).map_err(|_| TemplateError::BadName(name.to_string()))?;
    let path = user_dir.join(id.file_name());
    if path.exists() {
        return Err(TemplateError::Exists(name.to_string(), path));
    }
    let io = |source| TemplateError::Io {
        path: user_dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(user_dir).map_err(io)?;
    // Created, never replacing one that appeared meanwhile.
    create_atomically(&OsFs, &path, write_draft(doc).as_bytes()).map_err(|e| {
        if e.source.kind() == std::io::ErrorKind::AlreadyExists {
            TemplateError::Exists(name.to_string(), path.clone())
        } else {
            TemplateError::Io {
                path: path.clone(),
                source: e.source,
            }
        }
    })?;
    Ok(path)
}

/// The template's text made to follow `title`: the title itself, the period
/// (`20XX年上半年` → `2026年下半年`, and 上半年 → 下半年 wherever the text
/// says it), the organization, the signature and its date.
pub fn fill(mut doc: Document, title: Option<&str>) -> Document {
    let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) else {
        return doc;
    };
    doc.title = title.to_string();
    let Some((organization, written)) = crate::document::split_title(title) else {
        return doc;
    };
    let Some(period) = Period::find(written).map(|f| f.period) else {
        return doc;
    };
    // The template's period has a placeholder year: read its span alone.
    let placeholder_year = 2000;
    let old = Period::find(&doc.period.replace("20XX", &placeholder_year.to_string()))
        .map_or(Period::new(placeholder_year, Span::Half(1)), |f| f.period);
    let mut pairs = vec![
        (doc.period.clone(), written.to_string()),
        ("20XX年".to_string(), format!("{}年", period.year)),
    ];
    if !organization.is_empty() && !doc.organization.is_empty() {
        pairs.push((doc.organization.clone(), organization.to_string()));
    }
    // One pass, so that 上半年 → 下半年 is not then read as the plan's 下半年.
    pairs.extend(period_pairs(&old.with_year(period.year), &period));
    let fields: Vec<_> = doc.fields().filter(|f| *f != Field::Title).collect();
    for field in fields {
        if let Some(text) = doc.text_mut(field) {
            *text = replace_all_at_once(text, &pairs);
        }
    }
    doc.period = written.to_string();
    if !organization.is_empty() {
        doc.organization = organization.to_string();
        doc.signature.organization = signature_name(organization);
    }
    doc.signature.date = period.signing_date();
    doc
}

/// How an organization signs: `XX党委` as `中共XX委员会`, a branch or
/// group with 中共 before it, anything else (a department) as it is.
pub fn signature_name(organization: &str) -> String {
    if organization.starts_with("中共") || !organization.contains('党') {
        return organization.to_string();
    }
    match organization.strip_suffix("党委") {
        Some(stem) => format!("中共{stem}委员会"),
        None => format!("中共{organization}"),
    }
}

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
            // The plan of a 下半年 summary is for next year, never for 下半年;
            // and nothing speaks of the 上半年 any more.
            for s in doc.sections.iter().filter(|s| s.kind == SectionKind::Next) {
                let text = format!("{}{}", s.title, s.intro);
                assert!(!text.contains("下半年"), "{}: {text}", t.name);
            }
            let text = crate::plain_text::export_text(&doc, &Default::default());
            assert!(!text.contains("上半年"), "{}: {text}", t.name);
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

    #[test]
    fn every_file_in_templates_is_built_in() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut names: Vec<String> = TEMPLATES
            .iter()
            .map(|t| format!("{}.toml", t.name))
            .collect();
        names.sort();
        assert_eq!(files, names);
        assert!(TEMPLATES.len() >= 7);
    }

    /// The example: a 下半年 draft of a committee said 上半年 and
    /// signed 中共XX委员会.
    #[test]
    fn template_text_follows_period_and_organization() {
        let title = "中共XX县税务局委员会2026年下半年党建工作总结";
        for t in TEMPLATES {
            let doc = t.document(Some(title));
            assert_eq!(doc.title, title);
            assert_eq!(doc.period, "2026年下半年", "{}", t.name);
            assert_eq!(doc.organization, "中共XX县税务局委员会", "{}", t.name);
            assert_eq!(
                doc.signature.organization, "中共XX县税务局委员会",
                "{}",
                t.name
            );
            assert_eq!(doc.signature.date, "2027年1月X日", "{}", t.name);
            for field in doc.fields().filter(|f| *f != Field::Title) {
                let text = doc.text(field).unwrap();
                assert!(!text.contains("上半年"), "{}: {field:?}: {text}", t.name);
                assert!(!text.contains("20XX"), "{}: {field:?}: {text}", t.name);
            }
        }
        let doc = Template::find("party-committee")
            .unwrap()
            .document(Some(title));
        assert!(
            doc.preamble.contains("现将下半年党建工作总结如下"),
            "{}",
            doc.preamble
        );
        assert!(
            doc.preamble
                .starts_with("2026年下半年，中共XX县税务局委员会坚持"),
            "{}",
            doc.preamble
        );
        let general = Template::find("general")
            .unwrap()
            .document(Some("市财政局2026年下半年工作总结"));
        assert!(general.sections.iter().any(|s| s.title == "明年工作计划"));
        let year = Template::find("year-end")
            .unwrap()
            .document(Some("XX村党支部2026年度党建工作总结"));
        assert!(
            year.preamble.starts_with("2026年，XX村党支部"),
            "{}",
            year.preamble
        );
        assert_eq!(year.signature.organization, "中共XX村党支部");
        assert_eq!(year.signature.date, "2027年1月X日");
    }

    #[test]
    fn signature_names() {
        assert_eq!(signature_name("XX县税务局党委"), "中共XX县税务局委员会");
        assert_eq!(signature_name("XX党支部"), "中共XX党支部");
        assert_eq!(signature_name("中共XX委员会"), "中共XX委员会");
        assert_eq!(signature_name("市财政局"), "市财政局");
    }

    #[test]
    fn user_templates_good_and_broken() {
        let dir = tempfile::tempdir().unwrap();
        let mut mine = Template::find("party-branch").unwrap().document(None);
        mine.title = "XX党支部20XX年上半年党建工作总结（我的）".into();
        let path = save_user_template(dir.path(), "mine", &mine).unwrap();
        assert!(path.ends_with("mine.toml"));
        assert!(matches!(
            save_user_template(dir.path(), "mine", &mine),
            Err(TemplateError::Exists(..))
        ));
        assert!(matches!(
            save_user_template(dir.path(), "../evil", &mine),
            Err(TemplateError::BadName(_))
        ));
        std::fs::write(
            dir.path().join("broken.toml"),
            "format = 1\ntitle = \"未闭合\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("general.toml"), write_draft(&mine)).unwrap();
        let library = Library::load(Some(dir.path()));
        assert_eq!(library.warnings().len(), 1);
        assert!(
            library.warnings()[0].contains("broken.toml"),
            "{:?}",
            library.warnings()
        );
        assert!(
            library.warnings()[0].contains("line 2"),
            "{:?}",
            library.warnings()
        );
        let used = library
            .find("mine")
            .unwrap()
            .document(Some("YY党支部2027年上半年党建工作总结"));
        assert_eq!(used.organization, "YY党支部");
        assert!(
            used.preamble.starts_with("2027年上半年，YY党支部"),
            "{}",
            used.preamble
        );
        // A user template of a built-in's name wins; the other built-ins stay.
        assert_eq!(
            library.find("general").unwrap().origin,
            Origin::User(dir.path().join("general.toml"))
        );
        assert_eq!(library.find("school").unwrap().origin, Origin::BuiltIn);
        assert!(matches!(
            library.find("broken"),
            Err(TemplateError::Broken { .. })
        ));
        assert!(matches!(
            library.find("nope"),
            Err(TemplateError::Unknown(_))
        ));
        assert_eq!(library.templates.len(), TEMPLATES.len() + 1);
        // No folder: the built-ins alone.
        let none = Library::load(Some(&dir.path().join("missing")));
        assert_eq!(none.templates.len(), TEMPLATES.len());
        assert!(none.warnings().is_empty());
    }
}
