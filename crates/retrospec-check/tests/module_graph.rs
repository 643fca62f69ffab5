//! The core's imports between its own files point one way (ARCHITECTURE.md,
//! "Imports inside the core"): the registry at the top, `diagnostic.rs` and
//! `codes.rs` leaves, no circle. This test reads the `crate::` and `super::` paths
//! of every source file (tests and comments left out), builds the graph of files
//! and fails on a circle, so one that comes back is caught where it is written.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod support;

/// Files that may import only the files listed with them.
const LEAVES: &[(&str, &[&str])] = &[
    ("span.rs", &[]),
    ("tree.rs", &["span.rs"]),
    ("diagnostic.rs", &["span.rs"]),
    ("codes.rs", &["diagnostic.rs"]),
    ("suggest.rs", &["tree.rs"]),
    ("order.rs", &[]),
];

/// Imports that still close a circle, each a known debt; the test fails when one
/// disappears, so the list only shrinks. The codes the readers and the time
/// grammar's errors (`time_diag.rs`) report under a rule's name are declared in
/// `codes.rs`, a leaf, so no reader imports a rule's file. Empty: the Markdown
/// reader imports the free-form module's root (the `Reading`, foreign front
/// matter, evidence), which imports no reader; the directory-walk test that runs
/// the Markdown reader is `parse/freeform/detect.rs`, above both.
const KNOWN_BACK_EDGES: &[(&str, &str)] = &[];

type Graph = BTreeMap<String, BTreeSet<String>>;

fn module_of(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The paths of a use tree starting at `s` (after `crate::` or `super::`).
fn use_paths(s: &[u8], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix;
    loop {
        while *i < s.len() && s[*i].is_ascii_whitespace() {
            *i += 1;
        }
        if *i < s.len() && s[*i] == b'{' {
            *i += 1;
            loop {
                use_paths(s, i, path.clone(), out);
                while *i < s.len() && s[*i].is_ascii_whitespace() {
                    *i += 1;
                }
                match s.get(*i) {
                    Some(b',') => *i += 1,
                    Some(b'}') => {
                        *i += 1;
                        return;
                    }
                    _ => return,
                }
                while *i < s.len() && s[*i].is_ascii_whitespace() {
                    *i += 1;
                }
                if s.get(*i) == Some(&b'}') {
                    *i += 1;
                    return;
                }
            }
        }
        let start = *i;
        while *i < s.len() && (s[*i].is_ascii_alphanumeric() || s[*i] == b'_') {
            *i += 1;
        }
        if start == *i {
            out.push(path);
            return;
        }
        path.push(String::from_utf8_lossy(&s[start..*i]).into_owned());
        if s[*i..].starts_with(b"::") {
            *i += 2;
        } else {
            out.push(path);
            return;
        }
    }
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files: BTreeMap<String, String> = support::rust_files(&src)
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(&src).expect("under src");
            let text = std::fs::read_to_string(&path).expect("a source file");
            (rel.to_string_lossy().replace('\\', "/"), text)
        })
        .collect();
    let modules: BTreeMap<Vec<String>, String> =
        files.keys().map(|f| (module_of(f), f.clone())).collect();
    // What the crate root re-exports (`pub use analysis::Analysis;`) is its module's;
    // a crate it re-exports under a name (`pub use retrospec_time as time;`) is
    // outside the graph.
    let mut reexports: BTreeMap<String, String> = BTreeMap::new();
    let mut external: BTreeSet<String> = BTreeSet::new();
    for line in files["lib.rs"].lines() {
        let Some(rest) = line.strip_prefix("pub use ") else {
            continue;
        };
        if let Some((_, name)) = rest.trim_end_matches(';').split_once(" as ") {
            external.insert(name.trim().to_string());
            continue;
        }
        let mut paths = Vec::new();
        use_paths(rest.as_bytes(), &mut 0, Vec::new(), &mut paths);
        for p in paths {
            if let (Some(name), Some(file)) = (p.last(), modules.get(&p[..1])) {
                reexports.insert(name.clone(), file.clone());
            }
        }
    }
    let resolve = |path: &[String]| -> Option<String> {
        if path.first().is_some_and(|name| external.contains(name)) {
            return None;
        }
        if path.len() == 1
            && let Some(file) = reexports.get(&path[0])
        {
            return Some(file.clone());
        }
        (0..=path.len())
            .rev()
            .find_map(|n| modules.get(&path[..n]).cloned())
    };
    let mut graph = Graph::new();
    for (file, text) in &files {
        let code = support::code_of(text);
        let bytes = code.as_bytes();
        let module = module_of(file);
        let mut deps = BTreeSet::new();
        for (keyword, base) in [
            ("crate::", Vec::new()),
            ("super::", module[..module.len().saturating_sub(1)].to_vec()),
        ] {
            for (at, _) in code.match_indices(keyword) {
                if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                    continue;
                }
                let mut paths = Vec::new();
                use_paths(bytes, &mut (at + keyword.len()), base.clone(), &mut paths);
                for p in paths {
                    if let Some(target) = resolve(&p)
                        && &target != file
                    {
                        deps.insert(target);
                    }
                }
            }
        }
        graph.insert(file.clone(), deps);
    }
    graph
}

/// The circles of `graph` (strongly connected components of more than one file).
fn circles(graph: &Graph) -> Vec<Vec<String>> {
    // Kosaraju: finishing order on the graph, then components on the reverse.
    fn visit(g: &Graph, v: &str, seen: &mut BTreeSet<String>, order: &mut Vec<String>) {
        if !seen.insert(v.to_string()) {
            return;
        }
        for w in g.get(v).into_iter().flatten() {
            visit(g, w, seen, order);
        }
        order.push(v.to_string());
    }
    let mut seen = BTreeSet::new();
    let mut order = Vec::new();
    for v in graph.keys() {
        visit(graph, v, &mut seen, &mut order);
    }
    let mut reverse = Graph::new();
    for (v, ws) in graph {
        reverse.entry(v.clone()).or_default();
        for w in ws {
            reverse.entry(w.clone()).or_default().insert(v.clone());
        }
    }
    let mut assigned = BTreeSet::new();
    let mut out = Vec::new();
    for v in order.iter().rev() {
        let mut component = Vec::new();
        visit(&reverse, v, &mut assigned, &mut component);
        if component.len() > 1 {
            component.sort();
            out.push(component);
        }
    }
    out
}

#[test]
fn the_reader_sees_the_imports_it_should() {
    let graph = graph();
    let deps = |f: &str| graph[f].iter().map(String::as_str).collect::<Vec<_>>();
    assert_eq!(deps("diagnostic.rs"), ["span.rs"]);
    assert!(deps("registry.rs").contains(&"rules/mod.rs"));
    assert!(deps("rules/invalid_time.rs").contains(&"rules/mod.rs"));
    // `crate::time::` is the time crate, re-exported at the root: not the root's file.
    assert!(!deps("times.rs").contains(&"lib.rs"));
    assert!(deps("config/parse.rs").contains(&"registry.rs"));
    // A circle is found.
    let mut looped = graph.clone();
    looped
        .get_mut("diagnostic.rs")
        .expect("diagnostic.rs")
        .insert("registry.rs".into());
    assert!(!circles(&looped).is_empty());
}

#[test]
fn imports_between_the_files_of_the_core_form_no_circle() {
    let mut graph = graph();
    for (from, to) in KNOWN_BACK_EDGES {
        let removed = graph.get_mut(*from).is_some_and(|deps| deps.remove(*to));
        assert!(
            removed,
            "{from} no longer imports {to}: drop it from KNOWN_BACK_EDGES"
        );
    }
    assert_eq!(circles(&graph), Vec::<Vec<String>>::new());
}

#[test]
fn leaves_import_only_what_they_are_listed_with() {
    let graph = graph();
    for (leaf, allowed) in LEAVES {
        let extra: Vec<&String> = graph[*leaf]
            .iter()
            .filter(|d| !allowed.contains(&d.as_str()))
            .collect();
        assert!(extra.is_empty(), "{leaf} imports {extra:?}");
    }
}
