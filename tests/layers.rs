//! The layers of `docs/ARCHITECTURE.md`, checked on the source: every `crate::…` path in a
//! module of `src/` must name a module its layer may use. A module that reaches up (the store
//! naming the chart, the window naming the store or the command line) fails here, with the
//! file and line.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// What each top-level module may use, besides itself. Lower layers first.
const ALLOWED: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("model", &["text"]),
    ("locale", &["model", "text"]),
    ("store", &["locale", "model", "text"]),
    ("import", &["locale", "model", "text"]),
    ("chart", &["locale", "model", "text"]),
    ("export", &["chart", "locale", "model", "text"]),
    (
        "workspace",
        &[
            "store", "import", "chart", "export", "locale", "model", "text",
        ],
    ),
    (
        "ui",
        &["workspace", "chart", "export", "locale", "model", "text"],
    ),
    (
        "cli",
        &[
            "workspace",
            "store",
            "import",
            "chart",
            "export",
            "locale",
            "model",
            "text",
        ],
    ),
];

/// The top-level module a file of `src/` belongs to (`src/store/query.rs` → `store`); `None`
/// for the crate's roots (`lib.rs`, `main.rs`), which may use everything.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_owned())
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules a line names through `crate::` (also inside `use crate::{a::X, b::Y}`), with
/// comments left out.
fn named_modules(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut names = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(inner) = rest.strip_prefix('{') {
            // `crate::{a::X, b}`: the first word of each item at the top level of the braces.
            let mut depth = 0;
            let mut item_start = true;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        rest = &inner[i..];
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => {
                        let word: String = inner[i..]
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        names.push(word);
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            names.push(word);
        }
    }
    names
}

/// Every use of a module that the layers forbid: (file, line number, line, module named).
fn violations(src: &Path) -> Vec<(PathBuf, usize, String, String)> {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut found = Vec::new();
    for file in files {
        let Some(module) = module_of(src, &file) else {
            continue;
        };
        let may = allowed
            .get(module.as_str())
            .unwrap_or_else(|| panic!("{}: module `{module}` is not in ALLOWED", file.display()));
        let text = fs::read_to_string(&file).expect("source is UTF-8");
        for (n, line) in text.lines().enumerate() {
            for named in named_modules(line) {
                if named != module && !may.contains(&named.as_str()) {
                    found.push((file.clone(), n + 1, line.trim().to_owned(), named));
                }
            }
        }
    }
    found
}

fn report(found: &[(PathBuf, usize, String, String)]) -> String {
    found
        .iter()
        .map(|(file, line, text, named)| {
            format!(
                "{}:{line}: uses `{named}`, a layer it may not use: {text}",
                file.display()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = violations(&src);
    assert!(
        found.is_empty(),
        "imports against docs/ARCHITECTURE.md's layers:\n{}",
        report(&found)
    );
}

#[test]
fn a_backward_import_is_caught() {
    // A copy of `src` with one import planted where it must not be: the store naming the chart,
    // the window naming the store and the command line, a reader naming the store.
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    for (file, line) in [
        ("store/query.rs", "use crate::chart::ChartSpec;"),
        ("ui/app.rs", "use crate::{cli::Args, store::Store};"),
        ("import/wdi.rs", "fn f(s: &crate::store::Store) {}"),
        (
            "model/mod.rs",
            "use crate::model::Status; // crate::ui in a comment is not a use",
        ),
    ] {
        let path = src.join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, format!("{line}\n")).unwrap();
    }
    let found: Vec<(String, String)> = violations(&src)
        .into_iter()
        .map(|(file, _, _, named)| {
            let file = file.strip_prefix(&src).unwrap().display().to_string();
            (file, named)
        })
        .collect();
    assert_eq!(
        found,
        [
            ("import/wdi.rs".to_owned(), "store".to_owned()),
            ("store/query.rs".to_owned(), "chart".to_owned()),
            ("ui/app.rs".to_owned(), "cli".to_owned()),
            ("ui/app.rs".to_owned(), "store".to_owned()),
        ]
    );
}

#[test]
fn the_real_tree_has_every_module_in_the_table() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for file in files {
        if let Some(module) = module_of(&src, &file) {
            assert!(
                ALLOWED.iter().any(|(m, _)| *m == module),
                "{}: add `{module}` to ALLOWED and to docs/ARCHITECTURE.md",
                file.display()
            );
        }
    }
}
