//! Draft ids: safe file stems, so an id can never reach outside the drafts folder.

use std::fmt;

/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// A validated draft id (the file stem of `drafts/<id>.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DraftId(String);

/// Why a string is not a usable id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("a draft id cannot be empty")]
    Empty,
    #[error("draft id `{0}` is too long (at most {MAX_ID_CHARS} characters)")]
    TooLong(String),
    #[error("draft id `{0}` may not contain `/`, `\\`, `..`, control characters or start with `.`")]
    Unsafe(String),
    #[error(
        "draft id `{0}` holds an invisible or direction-changing character (shown as \\u{{…}}); type it without"
    )]
    Invisible(String),
    #[error(
        "draft id `{0}` is not in Unicode normal form C (it has a letter written as two characters); retype it"
    )]
    NotNfc(String),
}

impl DraftId {
    pub fn parse(s: &str) -> Result<DraftId, IdError> {
        if s.is_empty() {
            return Err(IdError::Empty);
        }
        let shown: String = s
            .chars()
            .take(MAX_ID_CHARS)
            .flat_map(char::escape_debug)
            .collect();
        if s.chars().count() > MAX_ID_CHARS {
            return Err(IdError::TooLong(shown));
        }
        let unsafe_char = |c: char| {
            c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        };
        if s.starts_with('.') || s.contains("..") || s.chars().any(unsafe_char) || s.trim() != s {
            return Err(IdError::Unsafe(shown));
        }
        // An id that looks like another one, or like nothing, would let
        // one draft pass for another in every listing.
        if s.chars().any(crate::sanitize::is_invisible) {
            return Err(IdError::Invisible(escape_name(s)));
        }
        if !unicode_normalization::is_nfc(s) {
            return Err(IdError::NotNfc(escape_name(s)));
        }
        Ok(DraftId(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn file_name(&self) -> String {
        format!("{}.toml", self.0)
    }
}

/// Shown with anything untrustworthy escaped (a parsed id has nothing of
/// the kind, so this is the id itself).
impl fmt::Display for DraftId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::sanitize::escape_name(&self.0))
    }
}

fn escape_name(s: &str) -> String {
    crate::sanitize::escape_name(s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_ids_only() {
        for good in ["20201231-1", "党支部总结", "a.b", "x_y-z"] {
            assert!(DraftId::parse(good).is_ok(), "{good}");
        }
        assert_eq!(DraftId::parse(""), Err(IdError::Empty));
        for bad in [
            "../x", "/", "a/b", "..", ".hidden", "a\\b", "a\0b", " a", "a\nb",
        ] {
            assert!(
                matches!(DraftId::parse(bad), Err(IdError::Unsafe(_))),
                "{bad:?}"
            );
        }
        for bad in [
            "a\u{202e}txt.exe",
            "a\u{200b}b",
            "\u{feff}a",
            "a\u{2066}b",
            "a\u{ad}",
        ] {
            let err = DraftId::parse(bad).unwrap_err();
            assert!(matches!(err, IdError::Invisible(_)), "{bad:?}");
            assert!(err.to_string().is_ascii() || !err.to_string().contains(bad));
            assert!(!err.to_string().chars().any(crate::sanitize::is_invisible));
        }
        // é as e + combining acute: not NFC; the composed one is fine.
        assert!(matches!(
            DraftId::parse("caf\u{65}\u{301}"),
            Err(IdError::NotNfc(_))
        ));
        assert!(DraftId::parse("caf\u{e9}").is_ok());
        assert!(matches!(
            DraftId::parse(&"长".repeat(65)),
            Err(IdError::TooLong(_))
        ));
        assert!(DraftId::parse(&"长".repeat(64)).is_ok());
    }
}
