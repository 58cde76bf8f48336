//! The core's layering rule (docs/architecture.md): no two modules import each other, directly or
//! in a circle. Steps that span domains live in `ops/`, which calls the domains; storage sits below
//! them all. This test reads the source tree, so a new `use crate::…` that closes a circle fails
//! `make test` with the circle spelled out.
//!
//! How it reads the tree: each `foo.rs` or `foo/mod.rs` under src/ is a module, named by its path.
//! Every path a file names (`crate::a::b`, `super::x`, `self::y`, including `use crate::{a, b::c}`
//! groups) is resolved to the deepest module it reaches. A reference from module M to module T
//! becomes an edge between the two children of their closest common ancestor that lead to M and to
//! T, so `storage::db` using `storage::backup` is an edge db → backup among storage's children, and
//! `sessions::repo` using `reminders::sync` is an edge sessions → reminders at the top. A parent
//! naming its own child (mod.rs re-exports) is not an edge. Test modules (`tests.rs`, `*_tests.rs`)
//! may reach anywhere and are left out. Then every level's graph must be acyclic.

// A test, benchmark or fixture tool: plain file writes, the real clock and the environment are fine here.
#![allow(clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type ModPath = Vec<String>;

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every non-test module under `src`, with its source text.
fn modules(src: &Path) -> BTreeMap<ModPath, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            if stem == "tests" || stem.ends_with("_tests") || stem == "bindings" {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap();
            let mut name: ModPath = rel
                .parent()
                .into_iter()
                .flat_map(|p| p.components())
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if stem != "mod" && stem != "lib" {
                name.push(stem);
            }
            out.insert(name, strip(&std::fs::read_to_string(&path).expect("read source")));
        }
    }
    out
}

/// The source without comments, string and char literals, and inline `#[cfg(test)] mod … { … }`
/// blocks (tests may reach anywhere).
fn strip(src: &str) -> String {
    drop_test_modules(&strip_literals(src))
}

fn drop_test_modules(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = rest[at + "#[cfg(test)]".len()..].trim_start();
        // `#[cfg(test)] mod tests;` (a file, skipped in `modules`) has `;` before any `{`.
        let is_inline_mod =
            after.starts_with("mod ") && after.find(['{', ';']).is_some_and(|i| after.as_bytes()[i] == b'{');
        if !is_inline_mod {
            rest = &rest[at + "#[cfg(test)]".len()..];
            continue;
        }
        let open = rest.len() - after.len() + after.find('{').unwrap();
        let mut depth = 0;
        let mut end = rest.len();
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn strip_literals(src: &str) -> String {
    let b = src.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b'r' if b.get(i + 1) == Some(&b'#') || (b.get(i + 1) == Some(&b'"') && !ident_byte(b, i)) => {
                // Raw string r"…" or r#"…"#.
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    out.push(b'r');
                    i += 1;
                    continue;
                }
                j += 1;
                let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
                while j < b.len() && !b[j..].starts_with(&close) {
                    j += 1;
                }
                i = j + close.len();
                out.extend_from_slice(b"\"\"");
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.extend_from_slice(b"\"\"");
            }
            b'\'' if b.get(i + 2) == Some(&b'\'') || (b.get(i + 1) == Some(&b'\\')) => {
                // A char literal ('x', '\n', '\''); a lifetime ('a) has no closing quote here.
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn ident_byte(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

/// Every path that starts with `crate::`, `super::` or `self::`, resolved against `here` and
/// expanded through `{…}` groups.
fn referenced_paths(here: &ModPath, text: &str) -> Vec<ModPath> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if ident_byte(b, i) || (i > 0 && b[i - 1] == b':') {
            i += 1;
            continue;
        }
        let rest = &b[i..];
        let base: Option<(ModPath, usize)> = if rest.starts_with(b"crate::") {
            Some((Vec::new(), "crate::".len()))
        } else if rest.starts_with(b"super::") {
            let mut p = here.clone();
            let mut len = 0;
            let mut r = rest;
            while let Some(next) = r.strip_prefix(b"super::".as_slice()) {
                p.pop();
                len += "super::".len();
                r = next;
            }
            Some((p, len))
        } else if rest.starts_with(b"self::") {
            Some((here.clone(), "self::".len()))
        } else {
            None
        };
        match base {
            Some((prefix, len)) => {
                let (paths, used) = parse_tree(&text[i + len..]);
                for p in paths {
                    let mut full = prefix.clone();
                    full.extend(p);
                    out.push(full);
                }
                i += len + used.max(1);
            }
            None => i += 1,
        }
    }
    out
}

/// Parses `a::b::{c, d::e}` (the part after `crate::`) into its paths; returns them and the bytes
/// used.
fn parse_tree(s: &str) -> (Vec<ModPath>, usize) {
    let b = s.as_bytes();
    let mut i = 0;
    let mut prefix: ModPath = Vec::new();
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) == Some(&b'{') {
            i += 1;
            let mut out = Vec::new();
            loop {
                while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
                    i += 1;
                }
                if i >= b.len() || b[i] == b'}' {
                    i += 1;
                    break;
                }
                let (inner, used) = parse_tree(&s[i..]);
                for p in inner {
                    let mut full = prefix.clone();
                    full.extend(p);
                    out.push(full);
                }
                if used == 0 {
                    i += 1;
                } else {
                    i += used;
                }
            }
            return (out, i);
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
        }
        if i == start {
            return (vec![prefix], i);
        }
        let seg = &s[start..i];
        if seg != "self" {
            prefix.push(seg.to_owned());
        }
        if s[i..].starts_with("::") {
            i += 2;
        } else {
            return (vec![prefix], i);
        }
    }
}

/// The deepest known module `path` names.
fn resolve(known: &BTreeSet<ModPath>, path: &ModPath) -> ModPath {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| known.contains(p))
        .unwrap_or_default()
}

/// Edges between siblings: parent module → set of (from child, to child).
fn edges(mods: &BTreeMap<ModPath, String>) -> BTreeMap<ModPath, BTreeSet<(String, String)>> {
    let known: BTreeSet<ModPath> = mods.keys().cloned().collect();
    let mut out: BTreeMap<ModPath, BTreeSet<(String, String)>> = BTreeMap::new();
    for (here, text) in mods {
        // Modules are named by path, so `super` means the same for foo.rs and foo/mod.rs.
        for path in referenced_paths(here, text) {
            let target = resolve(&known, &path);
            let common = here.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if common == here.len() || common == target.len() {
                continue; // self, a parent, or a child
            }
            out.entry(here[..common].to_vec())
                .or_default()
                .insert((here[common].clone(), target[common].clone()));
        }
    }
    out
}

/// A cycle in `edges`, as the modules in order, if there is one.
fn find_cycle(edges: &BTreeSet<(String, String)>) -> Option<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges {
        next.entry(a).or_default().push(b);
    }
    fn visit<'a>(
        n: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        state.insert(n, 1);
        path.push(n);
        for &m in next.get(n).map(Vec::as_slice).unwrap_or(&[]) {
            match state.get(m).copied().unwrap_or(0) {
                1 => {
                    let start = path.iter().position(|p| *p == m).unwrap();
                    let mut cycle: Vec<String> = path[start..].iter().map(|s| s.to_string()).collect();
                    cycle.push(m.to_string());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(m, next, state, path) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(n, 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in next.keys() {
        if state.get(n).copied().unwrap_or(0) == 0 {
            if let Some(c) = visit(n, &next, &mut state, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_two_core_modules_import_each_other() {
    let mods = modules(&src_dir());
    assert!(mods.len() > 20, "found only {} modules under src/", mods.len());
    let mut cycles = Vec::new();
    for (parent, e) in edges(&mods) {
        if let Some(c) = find_cycle(&e) {
            let at = if parent.is_empty() {
                "crate".to_owned()
            } else {
                format!("crate::{}", parent.join("::"))
            };
            cycles.push(format!("in {at}: {}", c.join(" → ")));
        }
    }
    assert!(cycles.is_empty(), "module cycles:\n  {}", cycles.join("\n  "));
}

#[test]
fn the_checker_sees_a_circle_and_reads_use_groups() {
    let mut mods = BTreeMap::new();
    let m = |s: &str| s.split("::").map(str::to_owned).collect::<ModPath>();
    mods.insert(Vec::new(), String::new());
    mods.insert(
        m("a"),
        strip("use crate::{b::{x, y}, c};\n// crate::d in a comment is no edge"),
    );
    mods.insert(m("b"), strip("fn f() { crate::c::go(); let s = \"crate::a\"; }"));
    mods.insert(m("c"), strip("use super::a::Thing;"));
    mods.insert(m("d"), strip("#[cfg(test)]\nmod tests {\n    use crate::a::X;\n}\n"));
    mods.insert(m("a::inner"), strip("use super::super::d;"));
    let e = edges(&mods);
    let top = &e[&Vec::new()];
    assert!(top.contains(&("a".into(), "b".into())));
    assert!(top.contains(&("a".into(), "c".into())));
    assert!(top.contains(&("b".into(), "c".into())));
    assert!(top.contains(&("c".into(), "a".into())));
    assert!(top.contains(&("a".into(), "d".into())), "super::super from a::inner");
    assert!(!top.contains(&("b".into(), "a".into())), "strings are no edge");
    assert!(!top.contains(&("d".into(), "a".into())), "test modules are no edge");
    let cycle = find_cycle(top).expect("a → c → a");
    assert_eq!(cycle.first(), cycle.last());
}
