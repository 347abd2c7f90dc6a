//! `zongjie check --json`: findings as one JSON object, written by hand (the
//! schema is small and must not change by accident). The schema is described
//! in README.md; `version` changes when it does.

use std::fmt::Write;

use std::collections::HashMap;

use super::Finding;
use super::location::field_key;
use crate::document::{Document, Field};
use crate::i18n::Lang;

/// The version of the JSON schema.
pub const JSON_VERSION: u32 = 1;

/// `{"version":1,"findings":[…]}` and a line break. Messages are in `lang`.
pub fn to_json(doc: &Document, findings: &[Finding], lang: Lang) -> String {
    let mut out = String::with_capacity(64 + findings.len() * 200);
    let _ = write!(out, "{{\"version\":{JSON_VERSION},\"findings\":[");
    // Each field as characters once, however many findings it has.
    let mut fields: HashMap<Field, Vec<char>> = HashMap::new();
    for (n, f) in findings.iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        let chars = fields
            .entry(f.location.field)
            .or_insert_with(|| doc.text(f.location.field).unwrap_or("").chars().collect());
        finding(&mut out, chars, f, lang);
    }
    out.push_str("]}\n");
    out
}

fn finding(out: &mut String, field_chars: &[char], f: &Finding, lang: Lang) {
    let whole = f.code.is_document_wide();
    let field = f.location.field;
    let number = |n: Option<usize>| {
        n.filter(|_| !whole)
            .map_or("null".to_string(), |n| n.to_string())
    };
    let text: String = if whole {
        String::new()
    } else {
        field_chars
            .get(f.location.range())
            .unwrap_or_default()
            .iter()
            .collect()
    };
    let _ = write!(
        out,
        "{{\"code\":{},\"severity\":{},\"message\":{},\"section\":{},\"item\":{},\"field\":{},\"offset\":{},\"length\":{},\"text\":{},\"fixable\":{}}}",
        json_string(f.code.key()),
        json_string(f.severity.key()),
        json_string(&f.message(lang)),
        number(field.section()),
        number(field.item().map(|(_, i)| i)),
        json_string(if whole { "document" } else { field_key(field) }),
        if whole { 0 } else { f.location.start },
        if whole { 0 } else { f.location.len },
        json_string(&text),
        f.is_fixable(),
    );
}

/// `s` as a JSON string literal. Besides `"` and `\`, every control
/// character, DEL, the C1 controls, bidi overrides and U+2028/U+2029 are
/// written as `\u` escapes, so the output is valid JSON and safe to print to
/// a terminal; everything else stays UTF-8.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if crate::sanitize::needs_escape(c) || c == '\u{2028}' || c == '\u{2029}' => {
                // Every such character is in the Basic Multilingual Plane.
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{CheckOptions, check};
    use super::*;

    #[test]
    fn strings_are_escaped() {
        assert_eq!(json_string("党建"), "\"党建\"");
        assert_eq!(json_string("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(json_string("1\n2\r3\t4"), r#""1\n2\r3\t4""#);
        assert_eq!(json_string("\u{1b}[31m\u{0}"), r#""\u001b[31m\u0000""#);
        assert_eq!(
            json_string("\u{7f}\u{9b}\u{202e}"),
            r#""\u007f\u009b\u202e""#
        );
        assert_eq!(json_string("\u{2028}\u{2029}"), r#""\u2028\u2029""#);
        assert_eq!(json_string("\u{8}\u{c}"), r#""\b\f""#);
        assert_eq!(json_string("𠀀“”"), "\"𠀀“”\"");
        assert_eq!(json_string(""), "\"\"");
    }

    #[test]
    fn document_schema_exactly() {
        let mut doc = clean_document();
        doc.sections[2].items[0].body = "党员XX名,\u{1b}".into();
        doc.sections.pop();
        let findings = check(&doc, &CheckOptions::default());
        assert_eq!(
            to_json(&doc, &findings, Lang::Zh),
            concat!(
                r#"{"version":1,"findings":["#,
                r#"{"code":"missing-next","severity":"warning","message":"缺少“下一步打算”部分","section":null,"item":null,"field":"document","offset":0,"length":0,"text":"","fixable":false},"#,
                r#"{"code":"placeholder","severity":"error","message":"占位符“XX”尚未填写","section":2,"item":0,"field":"item-body","offset":2,"length":2,"text":"XX","fixable":false},"#,
                r#"{"code":"half-width-punctuation","severity":"warning","message":"中文里用了半角逗号“,”，应为全角逗号“，”","section":2,"item":0,"field":"item-body","offset":5,"length":1,"text":",","fixable":true}"#,
                "]}\n"
            )
        );
        assert_eq!(
            to_json(&doc, &[], Lang::En),
            "{\"version\":1,\"findings\":[]}\n"
        );
    }
}
