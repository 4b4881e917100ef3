//! The translation files: every message in both languages, with the same attributes and the
//! same arguments, none failing to parse; every message id the code asks for exists; and no
//! word for a person written in the window's code instead of the files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chiso::locale::{Language, Messages, translation_files};
use fluent_syntax::ast;

/// id (or id.attribute) → the variables its pattern uses.
type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn variables(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, into: &mut BTreeSet<String>) {
    let inline = |e: &ast::InlineExpression<&str>, into: &mut BTreeSet<String>| match e {
        ast::InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, into),
        _ => {}
    };
    match expression {
        ast::Expression::Inline(e) => inline(e, into),
        ast::Expression::Select { selector, variants } => {
            inline(selector, into);
            for v in variants {
                variables(&v.value, into);
            }
        }
    }
}

fn catalogue(language: Language) -> Catalogue {
    let mut messages = Catalogue::new();
    for (name, text) in translation_files(language) {
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{name} does not parse: {errors:?}"));
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let id = m.id.name.to_owned();
                    let mut used = BTreeSet::new();
                    if let Some(value) = &m.value {
                        variables(value, &mut used);
                    }
                    for a in &m.attributes {
                        let mut used = BTreeSet::new();
                        variables(&a.value, &mut used);
                        messages.insert(format!("{id}.{}", a.id.name), used);
                    }
                    assert!(
                        messages.insert(id.clone(), used).is_none(),
                        "{name}: {id} is defined twice"
                    );
                }
                ast::Entry::Junk { content } => panic!("{name}: cannot read {content:?}"),
                _ => {}
            }
        }
    }
    messages
}

#[test]
fn every_message_is_in_both_languages_with_the_same_arguments() {
    let en = catalogue(Language::English);
    let vi = catalogue(Language::Vietnamese);
    let only_en: Vec<_> = en.keys().filter(|k| !vi.contains_key(*k)).collect();
    let only_vi: Vec<_> = vi.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "in English only: {only_en:?}");
    assert!(only_vi.is_empty(), "in Vietnamese only: {only_vi:?}");
    for (id, args) in &en {
        assert_eq!(
            args, &vi[id],
            "{id}: the two languages take different arguments"
        );
    }
    assert!(
        en.len() > 300,
        "{} messages: the files were not all read",
        en.len()
    );
}

#[test]
fn vietnamese_messages_are_not_english_left_untranslated() {
    let en = Messages::of(Language::English);
    let vi = Messages::of(Language::Vietnamese);
    // Words the same in both: codes, formats, the name of the program, a size.
    let same_in_both = [
        "audit-change",
        "audit-change-figure",
        "window-title",
        "chart-log-axis",
        "export-preset-wide",
        "export-preset-standard",
        "open-sqlite",
        "refused-not-allowed",
        "record-number",
        "grid-rows",
        "backups-size",
        // Keys are labelled the same on Vietnamese keyboards.
        "help-keys-grid-keys",
    ];
    for id in catalogue(Language::English).keys() {
        if same_in_both.contains(&id.as_str()) {
            continue;
        }
        let (e, v) = (en.get(id), vi.get(id));
        if e.chars().any(char::is_alphabetic) {
            assert_ne!(e, v, "{id} is the same in Vietnamese as in English");
        }
    }
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// The string literals of `code` (comments and `#[cfg(test)]` modules left out), each with
/// its line and the code just before it on that line.
fn literals(code: &str) -> Vec<(usize, String, String)> {
    let code = match code.find("#[cfg(test)]") {
        Some(at) => &code[..at],
        None => code,
    };
    let mut found = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let (mut i, mut line, mut line_start) = (0, 1, 0);
    while i < bytes.len() {
        let c = bytes[i];
        if c == '\n' {
            line += 1;
            line_start = i + 1;
            i += 1;
        } else if c == '/' && bytes.get(i + 1) == Some(&'/') {
            while i < bytes.len() && bytes[i] != '\n' {
                i += 1;
            }
        } else if c == '\'' {
            // A char literal ('"', '\n') or a lifetime ('a): skip a char literal whole.
            if bytes.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < bytes.len() && bytes[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if bytes.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == '"' {
            let before: String = bytes[line_start..i].iter().collect();
            let start = line;
            let mut text = String::new();
            i += 1;
            while i < bytes.len() && bytes[i] != '"' {
                if bytes[i] == '\\' {
                    text.push(bytes[i]);
                    i += 1;
                }
                if bytes[i] == '\n' {
                    line += 1;
                    line_start = i + 1;
                }
                text.push(bytes[i]);
                i += 1;
            }
            i += 1;
            found.push((start, text, before));
        } else {
            i += 1;
        }
    }
    found
}

/// Calls whose string argument is an identifier for egui or a file bundled, not a word shown.
const ID_CALLS: &[&str] = &[
    "Id::unique(",
    "Id::unique((",
    "id_salt(",
    "from_id_salt(",
    "from_id_salt((",
    "include_bytes!(",
    "env!(",
    "Panel::top(",
    "Panel::bottom(",
    "Panel::left(",
    "Panel::right(",
    "Plot::new((",
    "Grid::new(",
    "load_texture(",
    "with((",
];

/// Literals of the window's code that are not words for a person, each with why.
const NOT_WORDS: &[(&str, &str)] = &[
    ("Chiso", "the program's name, the same in every language"),
    ("country", "an area level code, compared with the store's"),
    ("T", "the code of the total subgroup"),
    ("svg", "a file extension"),
    ("png", "a file extension"),
    ("csv", "a file extension"),
    ("xlsx", "a file extension"),
    ("pdf", "a file extension"),
    ("xls", "a file extension"),
    ("ods", "a file extension"),
    ("PDF", "a format's name"),
    ("json", "a file extension"),
    ("txt", "a file extension"),
    ("db", "a file extension"),
    ("sqlite", "a file extension"),
    ("sqlite3", "a file extension"),
    ("chiso", "a file extension"),
    ("SVG", "a format's name"),
    ("PNG", "a format's name"),
    ("CSV", "a format's name"),
    ("indicator", "the list the forms open on, a table name"),
    ("observation", "a table name, compared with the audit log's"),
    ("bold", "a font family's name inside egui"),
    ("noto", "a font's name inside egui"),
    ("noto-bold", "a font's name inside egui"),
    ("zenity", "a program looked for on PATH"),
    ("PATH", "an environment variable"),
    ("DBUS_SESSION_BUS_ADDRESS", "an environment variable"),
    ("XDG_RUNTIME_DIR", "an environment variable"),
    ("bus", "a socket's file name"),
    ("linux", "a target name"),
    ("/usr/libexec/xdg-desktop-portal", "a program's path"),
    ("/usr/lib/xdg-desktop-portal", "a program's path"),
    (
        "cannot open the window: {e}",
        "printed on the terminal, before any window exists",
    ),
    ("decimals", "a column name"),
    (
        "higher_is_better",
        "a stored choice, shown through choice-* messages",
    ),
    ("1", "a default typed into a form"),
];

#[test]
fn the_window_writes_no_word_of_its_own() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    assert!(files.len() > 10);
    let en = Messages::of(Language::English);
    let vi = Messages::of(Language::Vietnamese);
    let placeholder = regex_free_strip;
    let en_catalogue = catalogue(Language::English);
    let ids: Vec<&String> = en_catalogue.keys().collect();
    let arguments: BTreeSet<String> = en_catalogue.values().flatten().cloned().collect();
    let mut wrong = Vec::new();
    for file in &files {
        let code = std::fs::read_to_string(file).unwrap();
        for (line, text, before) in literals(&code) {
            let at = format!("{}:{line}", file.strip_prefix(&ui).unwrap().display());
            if ID_CALLS
                .iter()
                .any(|call| before.trim_end().ends_with(call))
            {
                continue;
            }
            if NOT_WORDS.iter().any(|(w, _)| *w == text) {
                continue;
            }
            // A message, an argument a message takes, or the start of an id made in code
            // (`format!("list-{table}")`) that some message has.
            if en.has(&text) && vi.has(&text) || arguments.contains(&text) {
                continue;
            }
            let stem = placeholder(&text);
            if text.contains('{')
                && stem.ends_with('-')
                && ids.iter().any(|id| id.starts_with(&stem))
            {
                continue;
            }
            let looks_like_id = text.starts_with(|c: char| c.is_ascii_lowercase())
                && text
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
                && text.contains('-')
                && !text.contains('{');
            if looks_like_id {
                wrong.push(format!("{at}: message {text:?} is not in both files"));
                continue;
            }
            if placeholder(&text).chars().any(char::is_alphabetic) {
                wrong.push(format!("{at}: {text:?} is written in the code"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "words belong in assets/i18n/*/*.ftl:\n{}",
        wrong.join("\n")
    );
}

/// `text` without its `{…}` placeholders and escapes: what a person would read of it.
fn regex_free_strip(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => depth += 1,
            '}' => depth = (depth - 1).max(0),
            '\\' => {
                chars.next();
            }
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_scan_finds_a_word_written_in_the_code() {
    // The test above must be able to fail: a label written in the code is found.
    let code = "fn f(ui: &mut egui::Ui) {\n    ui.label(\"Open warnings\");\n    \
                ui.label(t.get(\"grid-year\")); // \"a comment\"\n}\n#[cfg(test)]\nmod tests { \"x y\" }";
    let found: Vec<String> = literals(code).into_iter().map(|(_, t, _)| t).collect();
    assert_eq!(found, ["Open warnings", "grid-year"]);
    assert_eq!(regex_free_strip("{year}, {}: {reason}"), ", : ");
}

#[test]
fn dynamic_message_ids_exist_in_both_languages() {
    // Ids the code makes from stored words: statuses, qualifiers, choices, lists, fields.
    let mut ids = Vec::new();
    for s in chiso::model::Status::ALL {
        ids.push(format!("status-{}", s.as_str()));
    }
    for q in chiso::model::Qualifier::ALL.iter().skip(1) {
        ids.push(format!("qualifier-{}", q.as_str().replace('_', "-")));
    }
    for (table, _) in chiso::store::records::TABLES {
        ids.push(format!("list-{table}"));
        ids.push(format!("audit-table-{table}"));
        for f in chiso::store::records::fields(table) {
            ids.push(format!(
                "field-{}",
                f.label.to_lowercase().replace(' ', "-")
            ));
            if let chiso::store::records::Kind::Choice(words) = f.kind {
                for w in words {
                    // The empty choice is "as the unit suggests" (ui::forms).
                    ids.push(if w.is_empty() {
                        "choice-by-unit".to_owned()
                    } else {
                        format!("choice-{}", w.replace('_', "-"))
                    });
                }
            }
            if let chiso::store::records::Kind::Ref(t) = f.kind {
                ids.push(format!("forms-code-of-{t}"));
            }
        }
    }
    for action in ["insert", "update", "delete"] {
        ids.push(format!("audit-{action}"));
    }
    for format in chiso::import::Format::ALL {
        ids.push(format!("format-{}", format.key()));
    }
    for l in Language::ALL {
        ids.push(format!("numbers-way-{}", l.code()));
    }
    for language in Language::ALL {
        let t = Messages::of(language);
        let missing: Vec<_> = ids.iter().filter(|id| !t.has(id)).collect();
        assert!(missing.is_empty(), "{language}: missing {missing:?}");
    }
}

/// Every letter and sign of every message, in both languages, is in the bundled font: the
/// window would draw a box for one that is not (an arrow in "File → Backups…" did).
#[test]
fn every_message_can_be_drawn_with_the_bundled_font() {
    let mut missing = Vec::new();
    for language in [Language::English, Language::Vietnamese] {
        for (name, text) in translation_files(language) {
            for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
                let lacking = chiso::export::text::missing_glyphs(line);
                if !lacking.is_empty() {
                    missing.push(format!("{name}: {lacking:?} in {line}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}
