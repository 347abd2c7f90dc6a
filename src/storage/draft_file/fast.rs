//! A fast reader for drafts exactly as [`super::write_draft`] writes them:
//! the same keys in the same order, the same string forms. Opening a
//! 200,000-character draft this way takes a fraction of a general TOML
//! parse (which also builds a token list several times the file's size).
//!
//! It never decides anything on its own: whatever it does not recognise —
//! a hand-edited file, CRLF line ends, another escape, a damaged file —
//! makes it answer `None`, and the TOML parser reads the file (and reports
//! any damage with its line and column). Where it answers, it answers what
//! the TOML parser would (tested against it on generated and mangled drafts).

use crate::document::{Document, Item, NumberingStyle, Section, SectionKind, TopStyle};

/// The draft, if `text` has exactly the shape `write_draft` gives it.
pub(super) fn read(text: &str) -> Option<Document> {
    let mut r = Reader { rest: text };
    if !r.eat("format = 1\n") {
        r.expect("format = 2\n")?;
    }
    let mut doc = Document {
        title: r.key("title")?,
        organization: r.key("organization")?,
        period: r.key("period")?,
        ..Document::default()
    };
    if r.eat("target_chars = ") {
        doc.target_chars = Some(r.number()?);
    }
    if r.rest.starts_with("from = ") {
        doc.from = Some(r.key("from")?);
    }
    doc.preamble = r.key("preamble")?;
    doc.notes = r.key("notes")?;
    if r.rest.starts_with("top_style = ") {
        let style = r.key("top_style")?;
        doc.top_style = *TopStyle::ALL.iter().find(|s| s.key() == style)?;
    }
    loop {
        r.expect("\n")?;
        if r.eat("[[sections]]\n") {
            let kind = r.key("kind")?;
            let kind = *SectionKind::ALL.iter().find(|k| k.key() == kind)?;
            let title = r.key("title")?;
            let style = r.key("style")?;
            let style = *NumberingStyle::ALL.iter().find(|s| s.key() == style)?;
            let target_chars = if r.eat("target_chars = ") {
                Some(r.number()?)
            } else {
                None
            };
            let intro = r.key("intro")?;
            doc.sections.push(Section {
                kind,
                title,
                style,
                intro,
                items: Vec::new(),
                target_chars,
            });
        } else if r.eat("[[sections.items]]\n") {
            let item = r.item()?;
            doc.sections.last_mut()?.items.push(item);
        } else if r.eat("[[sections.items.children]]\n") {
            let item = r.item()?;
            let parent = doc.sections.last_mut()?.items.last_mut()?;
            parent.children.push(item);
        } else if r.eat("[[sections.items.children.children]]\n") {
            let item = r.item()?;
            let item_ = doc.sections.last_mut()?.items.last_mut()?;
            item_.children.last_mut()?.children.push(item);
        } else if r.eat("[signature]\n") {
            doc.signature.organization = r.key("organization")?;
            doc.signature.date = r.key("date")?;
            return r.rest.is_empty().then_some(doc);
        } else {
            return None;
        }
    }
}

struct Reader<'a> {
    rest: &'a str,
}

impl Reader<'_> {
    /// An item's keys: heading, body and, when not the default, the
    /// numbering of its children (missing, it is the default, as for TOML).
    fn item(&mut self) -> Option<Item> {
        let mut item = Item::new(self.key("heading")?, self.key("body")?);
        if self.rest.starts_with("child_style = ") {
            let style = self.key("child_style")?;
            item.child_style = *NumberingStyle::ALL.iter().find(|s| s.key() == style)?;
        }
        Some(item)
    }

    fn eat(&mut self, prefix: &str) -> bool {
        match self.rest.strip_prefix(prefix) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn expect(&mut self, prefix: &str) -> Option<()> {
        self.eat(prefix).then_some(())
    }

    /// A plain decimal `u32` and the end of the line.
    fn number(&mut self) -> Option<u32> {
        let end = self.rest.find('\n')?;
        let digits = &self.rest[..end];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // No leading zeros: TOML refuses them.
        if digits.len() > 1 && digits.starts_with('0') {
            return None;
        }
        let n = digits.parse().ok()?;
        self.rest = &self.rest[end + 1..];
        Some(n)
    }

    /// `name = "…"` or `name = """` newline `…"""`, and the end of the line.
    fn key(&mut self, name: &str) -> Option<String> {
        self.expect(name)?;
        self.expect(" = ")?;
        let multiline = self.eat("\"\"\"\n");
        if !multiline {
            self.expect("\"")?;
        }
        let value = self.string(multiline)?;
        self.expect(if multiline { "\"\"\"\n" } else { "\"\n" })?;
        Some(value)
    }

    /// The body of a basic string up to its closing quote, unescaped. Only
    /// the escapes `write_draft` writes are known; a raw quote must close it.
    fn string(&mut self, multiline: bool) -> Option<String> {
        let bytes = self.rest.as_bytes();
        let mut out = String::new();
        let mut start = 0;
        let mut i = 0;
        loop {
            // Skip the plain bytes, the bulk of any text, 16 at a time.
            i += first_special(&bytes[i..])?;
            match bytes[i] {
                b'"' => {
                    out.push_str(&self.rest[start..i]);
                    self.rest = &self.rest[i..];
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(&self.rest[start..i]);
                    let (c, len) = unescape(&bytes[i + 1..])?;
                    out.push(c);
                    i += 1 + len;
                    start = i;
                }
                b'\n' if multiline => i += 1,
                // A raw C1 control (U+0080..U+009F) is never written either.
                0xC2 if !bytes.get(i + 1).is_some_and(|b| (0x80..=0x9F).contains(b)) => i += 1,
                // Other controls are never written: let TOML judge.
                _ => return None,
            }
        }
    }
}

/// Whether `b` ends a run of plain text in a string: quote, backslash,
/// the controls but tab, and 0xC2 (the lead byte of C1 controls).
fn is_special(b: u8) -> bool {
    (b < 0x20 && b != b'\t') | (b == 0x7F) | (b == b'"') | (b == b'\\') | (b == 0xC2)
}

/// Where the first special byte of `bytes` is. Each 16 bytes are tested
/// with no branch per byte, which the compiler makes a few vector
/// instructions: a byte at a time, this loop took half the parse of a
/// 200,000-character draft.
fn first_special(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(16);
    let mut start = 0;
    for chunk in &mut chunks {
        if chunk.iter().fold(false, |any, &b| any | is_special(b)) {
            break;
        }
        start += 16;
    }
    bytes[start..]
        .iter()
        .position(|&b| is_special(b))
        .map(|p| start + p)
}

/// The character of an escape (after its backslash) and the bytes it took.
fn unescape(bytes: &[u8]) -> Option<(char, usize)> {
    match bytes.first()? {
        b'\\' => Some(('\\', 1)),
        b'"' => Some(('"', 1)),
        b'n' => Some(('\n', 1)),
        b'r' => Some(('\r', 1)),
        b'u' => {
            let hex = std::str::from_utf8(bytes.get(1..5)?).ok()?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
            Some((c, 5))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
