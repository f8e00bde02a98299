//! The house rules a reviewer would otherwise check by hand: no source file over 500 lines
//! (its unit tests apart), and the interface's files importing one way — no file of `tui/`
//! reaches back to a file that reaches it, and its rooms depend only on those below them:
//! `action` ← `config` ← `app` ← `panes` ← `layers` ← `view`, `update` ← `runtime`.
//! Functions over 120 lines are clippy's to catch (`too_many_lines`, see clippy.toml).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Lines a file may have before its unit tests.
const MAX_LINES: usize = 500;

/// The rooms of `tui/`, lowest first: a file may use its own room and those before it.
const ROOMS: &[&[&str]] = &[
    &["action"],
    &["config"],
    &["app"],
    &["panes"],
    &["layers"],
    &["view", "update"],
    &["runtime"],
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source tree") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's text before its unit tests (`#[cfg(test)]` at the start of a line).
fn code_of(text: &str) -> &str {
    text.find("\n#[cfg(test)]").map_or(text, |i| &text[..i])
}

#[test]
fn no_source_file_is_over_500_lines() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let mut long: Vec<String> = files
        .iter()
        .filter(|f| !f.ends_with("tests.rs"))
        .filter_map(|f| {
            let text = std::fs::read_to_string(f).expect("readable");
            let n = code_of(&text).lines().count();
            (n > MAX_LINES).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    long.sort();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:#?}");
}

/// The module path of a file under `src/` (`src/tui/update/fit.rs` → tui::update::fit).
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix("src").expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Every path a file names (`use` lists expanded one level), as module paths from the crate
/// root.
fn paths_named(text: &str, module: &[String], children: &BTreeSet<String>) -> Vec<Vec<String>> {
    let parent = |levels: usize| module[..module.len().saturating_sub(levels)].to_vec();
    // Comments name paths too (doc links); they import nothing.
    let code: String = code_of(text)
        .lines()
        .map(|l| l.find("//").map_or(l, |i| &l[..i]))
        .collect::<Vec<_>>()
        .join("\n");
    let code = code.as_str();
    let mut out = Vec::new();
    let mut expanded = String::new();
    // `use a::{b, c::d};` → `use a::b; use a::c::d;`, one level deep, which is how these
    // files are written (rustfmt keeps deeper nesting rare).
    let mut rest = code;
    while let Some(open) = rest.find("::{") {
        let head_start = rest[..open]
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .map_or(0, |i| i + 1);
        let head = &rest[head_start..open];
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        expanded.push_str(&rest[..head_start]);
        for item in rest[open + 3..open + close].split(',') {
            let item = item.split_whitespace().next().unwrap_or_default();
            if !item.is_empty() {
                expanded.push_str(&format!(" {head}::{item} "));
            }
        }
        rest = &rest[open + close + 1..];
    }
    expanded.push_str(rest);
    let is_path_char = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    for token in expanded.split(|c: char| !is_path_char(c)) {
        let path: Vec<&str> = token.split("::").filter(|s| !s.is_empty()).collect();
        if path.len() < 2 {
            continue;
        }
        let mut resolved: Vec<String> = match path[0] {
            "crate" => Vec::new(),
            "self" => module.to_vec(),
            "super" => {
                let supers = path.iter().take_while(|s| **s == "super").count();
                let mut base = parent(supers);
                base.extend(path[supers..].iter().map(ToString::to_string));
                out.push(base);
                continue;
            }
            // A path from a child module of this one ("fit::fit", "layout::{...}").
            first if children.contains(first) => {
                let mut base = module.to_vec();
                base.extend(path.iter().map(ToString::to_string));
                out.push(base);
                continue;
            }
            _ => continue,
        };
        resolved.extend(path[1..].iter().map(ToString::to_string));
        out.push(resolved);
    }
    out
}

/// The files of `tui/` and, for each, the files of `tui/` it names.
fn tui_graph() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let mut files = Vec::new();
    rust_files(Path::new("src/tui"), &mut files);
    let modules: BTreeMap<Vec<String>, PathBuf> =
        files.iter().map(|f| (module_of(f), f.clone())).collect();
    let mut graph = BTreeMap::new();
    for (module, file) in &modules {
        if module.len() < 2 {
            continue; // tui/mod.rs only declares the rooms and re-exports
        }
        let text = std::fs::read_to_string(file).expect("readable");
        let children: BTreeSet<String> = modules
            .keys()
            .filter(|m| m.len() == module.len() + 1 && m.starts_with(module))
            .filter_map(|m| m.last().cloned())
            .collect();
        let mut to = BTreeSet::new();
        for path in paths_named(&text, module, &children) {
            // The longest prefix that is a file of tui/.
            let target = (1..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| modules.contains_key(p) && p.len() >= 2);
            if let Some(t) = target
                && &t != module
            {
                to.insert(t);
            }
        }
        graph.insert(module.clone(), to);
    }
    graph
}

fn room(module: &[String]) -> Option<usize> {
    let name = module.get(1)?;
    ROOMS.iter().position(|r| r.contains(&name.as_str()))
}

#[test]
fn the_tui_rooms_depend_only_on_those_below() {
    let graph = tui_graph();
    assert!(
        graph.len() > 30,
        "the graph was read: {} files",
        graph.len()
    );
    let mut wrong = Vec::new();
    for (from, targets) in &graph {
        for to in targets {
            if let (Some(a), Some(b)) = (room(from), room(to))
                && b > a
            {
                wrong.push(format!("{} uses {}", from.join("::"), to.join("::")));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the rooms' order: {wrong:#?}"
    );
}

#[test]
fn no_circle_of_imports_inside_tui() {
    let graph = tui_graph();
    // Depth-first search for a back edge; report the circle found.
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            return Some(stack[at..].iter().map(|n| n.join("::")).collect());
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, stack, done) {
                return Some(circle);
            }
        }
        stack.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(circle) = visit(node, &graph, &mut Vec::new(), &mut done) {
            panic!("a circle of imports: {}", circle.join(" → "));
        }
    }
}

#[test]
fn the_reader_of_paths_resolves_super_crate_and_use_lists() {
    let module: Vec<String> = ["tui", "update", "fit"].map(String::from).to_vec();
    let text = "use super::{navigation, fit::fit};\nuse crate::tui::panes::reader;\n\
                fn f() { super::results::written(); }";
    let none = BTreeSet::new();
    let named: Vec<String> = paths_named(text, &module, &none)
        .iter()
        .map(|p| p.join("::"))
        .collect();
    for wanted in [
        "tui::update::navigation",
        "tui::update::fit::fit",
        "tui::panes::reader",
        "tui::update::results::written",
    ] {
        assert!(named.iter().any(|n| n == wanted), "{wanted} in {named:?}");
    }
    // From a folder's mod.rs, `super` is the folder's parent, and its children are named
    // without a prefix.
    let children: BTreeSet<String> = ["input".to_string()].into();
    let named: Vec<String> = paths_named(
        "use super::action::Action; fn f() { input::update(); }",
        &module[..2],
        &children,
    )
    .iter()
    .map(|p| p.join("::"))
    .collect();
    assert_eq!(named, ["tui::action::Action", "tui::update::input::update"]);
}
