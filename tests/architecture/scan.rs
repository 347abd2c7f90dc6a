//! Reads the crate's own sources and finds what each file uses of the crate:
//! a small lexer (comments, strings and chars dropped), `crate::`, `super::`,
//! `self::` and child-module paths (in `use` lines, `{a, b}` groups
//! included, and inline), each resolved through the `use` re-exports of the
//! module it names down to the file that defines the name.
//!
//! Test code (`#[cfg(test)]` items and files) is left out: tests use what
//! they test from any layer, and the layers are about what ships.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// One source file of the crate and the module path it defines.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the crate root, e.g. `src/app/editor.rs`.
    pub rel: String,
    /// Module path, e.g. `["app", "editor"]`; empty for `lib.rs`.
    pub module: Vec<String>,
    tokens: Vec<Token>,
    /// Child modules the file declares (`mod x;` or `mod x { … }`).
    children: BTreeSet<String>,
    /// Child modules declared under `#[cfg(test)]`: their files are tests.
    test_children: BTreeSet<String>,
    /// Names the file brings into scope with `use`, to the absolute path
    /// they stand for (crate paths only).
    uses: BTreeMap<String, Vec<String>>,
}

/// One use of the crate by a file: the path as written (made absolute) and
/// the file that defines what it names.
#[derive(Debug, Clone, PartialEq)]
pub struct Use {
    pub from: String,
    pub path: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Punct(char),
    Literal,
}

/// Every `.rs` file under `root/src` except `main.rs` (a separate crate
/// that only uses the library), with test files left out.
pub fn read_crate(root: &Path) -> Vec<SourceFile> {
    let mut files: Vec<SourceFile> = read_files(root, "src", "rs")
        .into_iter()
        .filter(|(rel, _)| rel != "src/main.rs")
        .map(|(rel, text)| {
            let module = module_path(Path::new(rel.strip_prefix("src/").unwrap()));
            parse(rel, module, &text)
        })
        .collect();
    let test_modules: Vec<Vec<String>> = files
        .iter()
        .flat_map(|f| {
            f.test_children.iter().map(move |c| {
                let mut m = f.module.clone();
                m.push(c.clone());
                m
            })
        })
        .collect();
    files.retain(|f| !test_modules.iter().any(|t| f.module.starts_with(t)));
    files
}

/// Every file ending in `.ext` under `root/dir`, sorted, as its path
/// relative to `root` (with `/`) and its text; none when `dir` is missing.
pub fn read_files(root: &Path, dir: &str, ext: &str) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    walk(&root.join(dir), ext, &mut paths);
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = fs::read_to_string(p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, text)
        })
        .collect()
}

fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            walk(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

/// Every use of the crate by every file, resolved to the defining file.
pub fn uses(files: &[SourceFile]) -> Vec<Use> {
    let by_module: BTreeMap<&[String], &SourceFile> =
        files.iter().map(|f| (f.module.as_slice(), f)).collect();
    let mut out = Vec::new();
    for file in files {
        for path in paths_of(file) {
            if let Some(to) = resolve(&by_module, &path, 0)
                && to != file.rel
            {
                let used = Use {
                    from: file.rel.clone(),
                    path: format!("crate::{}", path.join("::")),
                    to,
                };
                if !out.contains(&used) {
                    out.push(used);
                }
            }
        }
    }
    out
}

/// The file that defines what the absolute `path` names: the deepest module
/// it walks through, then that module's `use` of the next name, followed.
fn resolve(
    by_module: &BTreeMap<&[String], &SourceFile>,
    path: &[String],
    depth: u32,
) -> Option<String> {
    let mut len = 0;
    while len < path.len() && by_module.contains_key(&path[..=len]) {
        len += 1;
    }
    let module = by_module.get(&path[..len])?;
    if depth < 16
        && let Some(target) = path.get(len).and_then(|name| module.uses.get(name))
    {
        let mut next = target.clone();
        next.extend_from_slice(&path[len + 1..]);
        if next != path
            && let Some(found) = resolve(by_module, &next, depth + 1)
        {
            return Some(found);
        }
    }
    Some(module.rel.clone())
}

/// The absolute crate paths a file writes, in `use` lines and inline.
fn paths_of(file: &SourceFile) -> Vec<Vec<String>> {
    let t = &file.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if let Some(end) = re_export_end(t, i).or_else(|| visibility_end(t, i)) {
            i = end;
            continue;
        }
        let starts_path = matches!(&t[i], Token::Ident(_))
            && t.get(i + 1) == Some(&Token::PathSep)
            && !matches!(
                i.checked_sub(1).map(|p| &t[p]),
                Some(Token::PathSep | Token::Punct('.'))
            );
        if starts_path {
            let (trees, end) = path_tree(t, i);
            for (tree, _) in trees {
                if let Some(abs) = absolute(file, &tree) {
                    out.push(abs);
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// When `t[i]` starts a re-export (`pub use …;`, `pub(crate) use …;`), the
/// index after it. A re-export is a folder's front door, not a use: names
/// are followed through it to the file that defines them.
fn re_export_end(t: &[Token], i: usize) -> Option<usize> {
    if t[i] != Token::Ident("pub".into()) {
        return None;
    }
    let mut j = i + 1;
    if t.get(j) == Some(&Token::Punct('(')) {
        j += t[j..].iter().position(|x| *x == Token::Punct(')'))? + 1;
    }
    if t.get(j) != Some(&Token::Ident("use".into())) {
        return None;
    }
    Some(j + t[j..].iter().position(|x| *x == Token::Punct(';'))? + 1)
}

/// When `t[i]` starts a visibility with a path (`pub(in crate::app)`), the
/// index after it: who may see an item is not something the file uses.
fn visibility_end(t: &[Token], i: usize) -> Option<usize> {
    if t[i] != Token::Ident("pub".into()) || t.get(i + 1) != Some(&Token::Punct('(')) {
        return None;
    }
    Some(i + 1 + t[i + 1..].iter().position(|x| *x == Token::Punct(')'))? + 1)
}

/// `tree` (as written, from its first segment) made absolute, when it is a
/// path into the crate.
fn absolute(file: &SourceFile, tree: &[String]) -> Option<Vec<String>> {
    let first = tree.first()?;
    let mut base: Vec<String> = match first.as_str() {
        "crate" => Vec::new(),
        "self" => file.module.clone(),
        "super" => {
            let mut m = file.module.clone();
            m.pop()?;
            m
        }
        name if file.children.contains(name) => {
            let mut m = file.module.clone();
            m.push(name.to_string());
            m
        }
        name => {
            let mut m = file.uses.get(name)?.clone();
            m.extend(tree[1..].iter().cloned());
            return Some(m);
        }
    };
    let mut rest = tree[1..].iter().peekable();
    while rest.peek().is_some_and(|s| *s == "super") {
        base.pop()?;
        rest.next();
    }
    base.extend(rest.filter(|s| *s != "self" && *s != "*").cloned());
    Some(base)
}

/// A path as written and the name it is renamed to with `as`, if any.
type Tree = (Vec<String>, Option<String>);

/// Reads a path starting at `t[i]`: `a::b::{c, d::{e, f as g}}` gives
/// `[a,b,c]`, `[a,b,d,e]`, `[a,b,d,f]` (renamed `g`); returns them and the
/// index after.
fn path_tree(t: &[Token], i: usize) -> (Vec<Tree>, usize) {
    let mut prefix = Vec::new();
    let mut i = i;
    loop {
        match t.get(i) {
            Some(Token::Ident(name)) => {
                prefix.push(name.clone());
                i += 1;
            }
            Some(Token::Punct('*')) => {
                prefix.push("*".into());
                return (vec![(prefix, None)], i + 1);
            }
            Some(Token::Punct('{')) => {
                let mut out = Vec::new();
                i += 1;
                while let Some(tok) = t.get(i) {
                    match tok {
                        Token::Punct('}') => {
                            i += 1;
                            break;
                        }
                        Token::Punct(',') => i += 1,
                        _ => {
                            let (subs, end) = path_tree(t, i);
                            for (sub, alias) in subs {
                                let mut full = prefix.clone();
                                full.extend(sub.into_iter().skip_while(|s| s == "self"));
                                out.push((full, alias));
                            }
                            i = end.max(i + 1);
                        }
                    }
                }
                return (out, i);
            }
            _ => return (vec![(prefix, None)], i),
        }
        match t.get(i) {
            Some(Token::PathSep) => i += 1,
            Some(Token::Ident(word)) if word == "as" => {
                let alias = match t.get(i + 1) {
                    Some(Token::Ident(a)) => Some(a.clone()),
                    _ => None,
                };
                return (vec![(prefix, alias)], i + 2);
            }
            _ => return (vec![(prefix, None)], i),
        }
    }
}

fn parse(rel: String, module: Vec<String>, text: &str) -> SourceFile {
    let all = lex(text);
    let mut tokens = Vec::with_capacity(all.len());
    let mut children = BTreeSet::new();
    let mut test_children = BTreeSet::new();
    let mut i = 0;
    while i < all.len() {
        if is_cfg_test(&all, i) {
            let end = item_end(&all, i);
            if let Some(name) = declared_mod(&all[i..end]) {
                test_children.insert(name);
            }
            i = end;
            continue;
        }
        if all[i] == Token::Ident("mod".into())
            && let Some(Token::Ident(name)) = all.get(i + 1)
            && matches!(all.get(i + 2), Some(Token::Punct(';' | '{')))
        {
            children.insert(name.clone());
        }
        tokens.push(all[i].clone());
        i += 1;
    }
    let mut file = SourceFile {
        rel,
        module,
        tokens,
        children,
        test_children,
        uses: BTreeMap::new(),
    };
    file.uses = use_map(&file);
    file
}

/// Names brought into scope by the file's `use` declarations, to the
/// absolute crate path they stand for (`as` renames followed).
fn use_map(file: &SourceFile) -> BTreeMap<String, Vec<String>> {
    let t = &file.tokens;
    let mut map = BTreeMap::new();
    for (i, tok) in t.iter().enumerate() {
        if *tok != Token::Ident("use".into()) {
            continue;
        }
        let (trees, _) = path_tree(t, i + 1);
        for (tree, alias) in trees {
            let Some(last) = tree.last() else { continue };
            if last == "*" || last == "self" {
                continue;
            }
            if let Some(abs) = absolute(file, &tree) {
                map.insert(alias.unwrap_or_else(|| last.clone()), abs);
            }
        }
    }
    map
}

fn is_cfg_test(t: &[Token], i: usize) -> bool {
    let want = [
        Token::Punct('#'),
        Token::Punct('['),
        Token::Ident("cfg".into()),
        Token::Punct('('),
        Token::Ident("test".into()),
        Token::Punct(')'),
        Token::Punct(']'),
    ];
    t.len() >= i + want.len() && t[i..i + want.len()] == want
}

/// The index after the item an attribute at `t[i]` stands on: further
/// attributes skipped, then up to a `;` or a balanced `{ … }`.
fn item_end(t: &[Token], mut i: usize) -> usize {
    while t.get(i) == Some(&Token::Punct('#')) {
        let mut depth = 0;
        i += 1;
        while let Some(tok) = t.get(i) {
            i += 1;
            match tok {
                Token::Punct('[') => depth += 1,
                Token::Punct(']') => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    let mut depth = 0;
    while let Some(tok) = t.get(i) {
        i += 1;
        match tok {
            Token::Punct(';') if depth == 0 => return i,
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    i
}

fn declared_mod(item: &[Token]) -> Option<String> {
    let at = item.iter().position(|t| *t == Token::Ident("mod".into()))?;
    match item.get(at + 1) {
        Some(Token::Ident(name)) => Some(name.clone()),
        _ => None,
    }
}

/// Identifiers, `::` and single punctuation; comments dropped, string and
/// char literals reduced to one token, lifetimes to their name.
fn lex(text: &str) -> Vec<Token> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        if ch.is_whitespace() {
            i += 1;
        } else if ch == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && c.get(i + 1) == Some(&'*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if ch == '"' {
            i = skip_string(&c, i);
            out.push(Token::Literal);
        } else if ch == '\'' {
            if c.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push(Token::Literal);
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push(Token::Literal);
            } else {
                i += 1; // a lifetime: its name follows as an identifier
            }
        } else if ch.is_alphabetic() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            let next = c.get(i).copied();
            if (word == "r" || word == "br") && matches!(next, Some('"' | '#')) {
                i = skip_raw_string(&c, i);
                out.push(Token::Literal);
            } else if word == "b" && next == Some('"') {
                i = skip_string(&c, i);
                out.push(Token::Literal);
            } else if word == "b" && next == Some('\'') {
                i += 1;
                while i < c.len() && c[i] != '\'' {
                    i += if c[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push(Token::Literal);
            } else {
                out.push(Token::Ident(word));
            }
        } else if ch.is_ascii_digit() {
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            out.push(Token::Literal);
        } else if ch == ':' && c.get(i + 1) == Some(&':') {
            out.push(Token::PathSep);
            i += 2;
        } else {
            out.push(Token::Punct(ch));
            i += 1;
        }
    }
    out
}

/// From the opening `"` at `c[i]`, the index after the closing one.
fn skip_string(c: &[char], mut i: usize) -> usize {
    i += 1;
    while i < c.len() && c[i] != '"' {
        i += if c[i] == '\\' { 2 } else { 1 };
    }
    i + 1
}

/// From the `#…"` after `r` at `c[i]`, the index after the closing `"#…`.
fn skip_raw_string(c: &[char], mut i: usize) -> usize {
    let mut hashes = 0;
    while c.get(i) == Some(&'#') {
        hashes += 1;
        i += 1;
    }
    i += 1; // the opening quote
    while i < c.len() {
        if c[i] == '"' && (1..=hashes).all(|k| c.get(i + k) == Some(&'#')) {
            return i + 1 + hashes;
        }
        i += 1;
    }
    i
}
