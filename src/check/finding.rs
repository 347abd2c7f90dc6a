//! What a check finds, as values: a [`Finding`] is a [`Code`], its
//! [`Severity`], a [`Location`] and the [`Detail`] its message is made from.
//! No words here: `messages.rs` and `location.rs` say them in either
//! language, `json.rs` for scripts.

use crate::document::{Document, Field, SectionKind};

/// What kind of mistake a finding is. The key (`placeholder`, …) is stable:
/// scripts read it from `zongjie check --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Placeholder,
    EmptyTitle,
    EmptySection,
    EmptyItem,
    UnfinishedItem,
    BodyRepeatsHeading,
    MissingProblems,
    MissingNext,
    SectionOrder,
    HalfWidthPunctuation,
    MixedQuotes,
    UnbalancedPair,
    HandTypedNumber,
    DuplicateSentence,
    DateOutsidePeriod,
    Length,
    Wording,
    QuotedListComma,
    StraySpace,
    MissingSignature,
    MissingDate,
    UnreportedPromise,
}

impl Code {
    pub const ALL: [Code; 22] = [
        Code::Placeholder,
        Code::EmptyTitle,
        Code::EmptySection,
        Code::EmptyItem,
        Code::UnfinishedItem,
        Code::BodyRepeatsHeading,
        Code::MissingProblems,
        Code::MissingNext,
        Code::SectionOrder,
        Code::HalfWidthPunctuation,
        Code::MixedQuotes,
        Code::UnbalancedPair,
        Code::HandTypedNumber,
        Code::DuplicateSentence,
        Code::DateOutsidePeriod,
        Code::Length,
        Code::Wording,
        Code::QuotedListComma,
        Code::StraySpace,
        Code::MissingSignature,
        Code::MissingDate,
        Code::UnreportedPromise,
    ];

    /// The stable kebab-case name.
    pub fn key(self) -> &'static str {
        match self {
            Code::Placeholder => "placeholder",
            Code::EmptyTitle => "empty-title",
            Code::EmptySection => "empty-section",
            Code::EmptyItem => "empty-item",
            Code::UnfinishedItem => "unfinished-item",
            Code::BodyRepeatsHeading => "body-repeats-heading",
            Code::MissingProblems => "missing-problems",
            Code::MissingNext => "missing-next",
            Code::SectionOrder => "section-order",
            Code::HalfWidthPunctuation => "half-width-punctuation",
            Code::MixedQuotes => "mixed-quotes",
            Code::UnbalancedPair => "unbalanced-pair",
            Code::HandTypedNumber => "hand-typed-number",
            Code::DuplicateSentence => "duplicate-sentence",
            Code::DateOutsidePeriod => "date-outside-period",
            Code::Length => "length",
            Code::Wording => "wording",
            Code::QuotedListComma => "quoted-list-comma",
            Code::StraySpace => "stray-space",
            Code::MissingSignature => "missing-signature",
            Code::MissingDate => "missing-date",
            Code::UnreportedPromise => "unreported-promise",
        }
    }

    pub fn parse(key: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.key() == key)
    }

    /// How bad it is: an error would be printed as is (a placeholder, a
    /// doubled number); a warning is likely a mistake; info is advice.
    pub fn severity(self) -> Severity {
        match self {
            Code::Placeholder
            | Code::EmptyTitle
            | Code::EmptyItem
            | Code::UnfinishedItem
            | Code::HandTypedNumber => Severity::Error,
            Code::Length => Severity::Info,
            _ => Severity::Warning,
        }
    }

    /// Whether the finding is about the whole document rather than a place in it.
    pub fn is_document_wide(self) -> bool {
        matches!(
            self,
            Code::MissingProblems | Code::MissingNext | Code::Length | Code::UnreportedPromise
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Where a finding is: a field and a span of characters (not bytes) in its
/// text. Document-wide findings point at the title with `len == 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Location {
    pub field: Field,
    /// Character offset in the field's text.
    pub start: usize,
    /// Length in characters; 0 for "here" rather than "this text".
    pub len: usize,
}

impl Location {
    pub fn new(field: Field, start: usize, len: usize) -> Location {
        Location { field, start, len }
    }

    /// The place of a whole-field finding (an empty field, a missing body).
    pub fn at(field: Field) -> Location {
        Location::new(field, 0, 0)
    }

    /// The text at this location in `doc` (empty if the field is gone).
    pub fn text_in(&self, doc: &Document) -> String {
        doc.text(self.field)
            .unwrap_or("")
            .chars()
            .skip(self.start)
            .take(self.len)
            .collect()
    }

    /// The character range `start..start + len`.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.start + self.len
    }

    /// Where `start` is in the field's `text` as (line, column), both
    /// 0-based and in characters: where an editor puts its cursor.
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        let mut line = 0;
        let mut column = 0;
        for c in text.chars().take(self.start) {
            if c == '\n' {
                line += 1;
                column = 0;
            } else {
                column += 1;
            }
        }
        (line, column)
    }
}

/// One half-width mark and its full-width replacement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Character offset in the field.
    pub offset: usize,
    pub found: char,
    pub replacement: char,
}

/// A text in both interface languages, made when the finding is made
/// (for references to another place in the document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bilingual {
    pub zh: String,
    pub en: String,
}

/// What a finding knows beyond its code and location, for the message and the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    None,
    /// The placeholder as written: `XX`, `X月X日`, `某某`, `（写…）`.
    Placeholder(String),
    /// The heading the body starts with again.
    RepeatedHeading(String),
    /// A section of `kind` comes after one of `after`.
    SectionOrder {
        kind: SectionKind,
        after: SectionKind,
    },
    /// Half-width marks to make full-width (a pair of brackets or quotes is one finding).
    HalfWidth(Vec<Mark>),
    /// Counts of curly “” and straight "" quotes in the document.
    MixedQuotes {
        curly: usize,
        straight: usize,
    },
    /// A bracket or quote without its partner.
    Unbalanced {
        found: char,
        partner: char,
        /// `found` opens (its closing partner is missing) rather than closes.
        opening: bool,
    },
    /// The number as typed, with the spaces after it (all of it is removed by the fix).
    TypedNumber(String),
    /// A sentence seen before at `first`.
    Duplicate {
        sentence: String,
        first: Location,
        first_at: Bilingual,
    },
    /// A date and the period of the summary.
    Date {
        found: String,
        period: String,
    },
    /// Characters counted and the target.
    Length {
        chars: usize,
        target: usize,
    },
    /// A wrong word, the right one and why.
    Wording {
        wrong: String,
        right: String,
        note: Option<String>,
    },
    /// Text the fix removes (a 顿号, stray spaces).
    Removable(String),
    /// A promise of the earlier draft's 下一步 section.
    Promise(String),
}

/// One thing a reviewer would point at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    pub location: Location,
    pub detail: Detail,
}

impl Finding {
    pub fn new(code: Code, location: Location, detail: Detail) -> Finding {
        Finding {
            code,
            severity: code.severity(),
            location,
            detail,
        }
    }
}
