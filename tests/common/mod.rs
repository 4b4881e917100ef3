//! What the UI tests share: a fixture database and the one way to build a harness.

#![allow(dead_code)] // Each test file uses its own part of this module.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chiso::ui::ChisoApp;
use chiso::ui::app::State;
use chiso::workspace::sample;
use egui_kittest::Harness;

/// A laptop screen: the size Chiso must be comfortable at.
pub const LAPTOP: [f32; 2] = [1366.0, 768.0];

/// A fresh copy of the sample database, in a folder removed with the returned guard.
pub fn fixture_db() -> (tempfile::TempDir, PathBuf) {
    no_backups();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fixture.db");
    sample::create_sample(&path).unwrap();
    (dir, path)
}

/// The app on `path`, as after `chiso FILE`, in a harness of the given size, in English
/// (whatever the machine's locale, so the tests read the same everywhere).
pub fn harness(path: &Path, size: [f32; 2]) -> Harness<'static, ChisoApp> {
    harness_in(path, size, chiso::locale::Language::English)
}

/// [`harness`] with the window in `language`.
pub fn harness_in(
    path: &Path,
    size: [f32; 2],
    language: chiso::locale::Language,
) -> Harness<'static, ChisoApp> {
    no_backups();
    let state = State {
        language,
        ..State::default()
    };
    let app = ChisoApp::new(state, Some(path.to_path_buf()), None);
    builder(size).build_ui_state(|ui, app: &mut ChisoApp| app.ui(ui), app)
}

pub fn builder(size: [f32; 2]) -> egui_kittest::HarnessBuilder<ChisoApp> {
    Harness::builder()
        .with_size(size)
        .with_render_cursor(false)
        .with_context_setup(chiso::ui::style::install_fonts)
}

/// A file dropped onto the window.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

pub fn drop_file(harness: &mut Harness<'static, ChisoApp>, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
}

/// The catalogue's button for `name`, scrolling the list down with the mouse wheel until it is
/// in view, as a person would: the catalogue lays out only the rows in view.
pub fn find_in_catalogue<'h>(
    h: &'h mut Harness<'static, ChisoApp>,
    name: &'h str,
) -> egui_kittest::Node<'h> {
    use egui_kittest::kittest::Queryable;
    let role = egui::accesskit::Role::Button;
    // The indicator's name in the window's language (tests name it in either).
    let name: &'h str = match h.state().workspace().and_then(|ws| {
        ws.catalogue()
            .iter()
            .map(|row| &row.entry.indicator.name)
            .find(|n| n.en == name || n.vi == name)
            .map(|n| n.get(ws.language()).to_owned())
    }) {
        // A test's few names, kept for the harness's lifetime.
        Some(shown) if shown != name => Box::leak(shown.into_boxed_str()),
        _ => name,
    };
    // Down to the end, then back up: the row may be above the one in view.
    for step in 0..120 {
        if h.query_by_role_and_label(role, name).is_some() {
            break;
        }
        // Any row of the list (under the filter box, as wide as it) scrolls the list.
        // The filter box, in whichever language the window speaks.
        let filter = h
            .query_by_label("Filter")
            .or_else(|| h.query_by_label("Lọc"))
            .expect("the catalogue's filter")
            .rect();
        let row = h.query_all_by_role(role).find(|n| {
            let r = n.rect();
            r.top() > filter.bottom() && r.left() < filter.right() && r.right() > filter.left()
        });
        let row = row.expect("a row of the catalogue");
        if step < 40 {
            row.scroll_down();
        } else {
            row.scroll_up();
        }
        h.run();
    }
    h.get_by_role_and_label(role, name).scroll_to_me();
    h.run();
    h.get_by_role_and_label(role, name)
}

/// Clicks an indicator in the catalogue, scrolling to it first.
pub fn pick(h: &mut Harness<'static, ChisoApp>, name: &str) {
    find_in_catalogue(h, name).click();
    h.run();
}

/// What the window calls `english` in the language it speaks now: the same message of the
/// translation files, so a test written with English labels drives a Vietnamese window.
pub fn label(h: &Harness<'static, ChisoApp>, english: &str) -> String {
    use chiso::locale::{Language, Messages, translation_files};
    let en = Messages::of(Language::English);
    let ids = translation_files(Language::English)
        .into_iter()
        .flat_map(|(_, text)| text.lines())
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id.trim()))
        .filter(|id| !id.starts_with('#') && !id.contains(' '))
        .collect::<Vec<_>>();
    match ids.iter().find(|id| en.get(id) == english) {
        Some(id) => Messages::of(h.state().state.language).get(id),
        None => panic!("no message reads {english:?} in English"),
    }
}

/// A name of the data (subgroup, area, source) in the window's language, from its English
/// name: the sample carries both.
pub fn data_name(h: &Harness<'static, ChisoApp>, english: &str) -> String {
    let ws = h.state().workspace().expect("a file is open");
    let names = ws
        .subgroups()
        .iter()
        .map(|g| &g.name)
        .chain(ws.areas().iter().map(|a| &a.name))
        .chain(ws.sources().iter().map(|s| &s.short_name));
    for name in names {
        if name.en == english {
            return name.get(ws.language()).to_owned();
        }
    }
    english.to_owned()
}

/// A form's values for `table`, by column, in the order of its fields; columns not given are
/// left empty.
pub fn form(table: &str, given: &[(&str, &str)]) -> Vec<String> {
    chiso::store::records::fields(table)
        .iter()
        .map(|f| {
            given
                .iter()
                .find(|(c, _)| *c == f.column)
                .map_or(String::new(), |(_, v)| (*v).to_owned())
        })
        .collect()
}

/// The tests' writes take no backup into the user's data folder (the backup tests give
/// theirs a folder of their own).
pub fn no_backups() {
    chiso::store::backup::set_process_default(chiso::store::backup::Place::Off);
}

/// Damages the file at `path` the way a failing disk does: the first leaf page of the b-tree
/// `name` (a table or an index) overwritten with 0xFF bytes. The file is put in
/// rollback-journal mode first, so that every page is in the main file.
pub fn damage_page(path: &Path, name: &str) {
    let leaf: i64 = {
        let conn = rusqlite::Connection::open(path).unwrap();
        conn.pragma_update(None, "journal_mode", "delete").unwrap();
        conn.query_row(
            "SELECT pageno FROM dbstat WHERE name = ?1 AND pagetype = 'leaf' \
             ORDER BY pageno LIMIT 1",
            [name],
            |r| r.get(0),
        )
        .unwrap()
    };
    let mut bytes = std::fs::read(path).unwrap();
    let at = (leaf as usize - 1) * 4096;
    bytes[at..at + 4096].fill(0xFF);
    std::fs::write(path, &bytes).unwrap();
}

/// A copy of the workbook at `from`, every sheet cell by cell, with `edits` (sheet, 0-based
/// row and column, value) typed in: a province filling the form in a spreadsheet.
pub fn fill(from: &Path, to: &Path, edits: &[(&str, u32, u16, calamine::Data)]) {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(from).unwrap();
    let mut out = rust_xlsxwriter::Workbook::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let sheet = out.add_worksheet();
        sheet.set_name(&name).unwrap();
        let write = |sheet: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, cell: &Data| match cell
        {
            Data::Float(f) => {
                sheet.write_number(r, c, *f).unwrap();
            }
            Data::Int(i) => {
                sheet.write_number(r, c, *i as f64).unwrap();
            }
            Data::Empty => {}
            other => {
                sheet.write_string(r, c, other.to_string()).unwrap();
            }
        };
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (i, row) in range.rows().enumerate() {
            for (j, cell) in row.iter().enumerate() {
                write(sheet, r0 + i as u32, (c0 as usize + j) as u16, cell);
            }
        }
        for (_, r, c, value) in edits.iter().filter(|(s, ..)| *s == name) {
            write(sheet, *r, *c, value);
        }
        if name == "chiso_form" {
            sheet.set_very_hidden(true);
        }
    }
    out.save(to).unwrap();
}

/// The `chiso` binary run as a user runs it, with no backups and a throwaway home.
pub fn chiso(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(args)
        .env("HOME", std::env::temp_dir())
        .env("CHISO_BACKUPS", "off")
        .output()
        .expect("the binary runs")
}

/// What a command printed, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `chiso new DIR/s.db --sample`, and its path.
pub fn new_sample(dir: &Path) -> String {
    let path = dir.join("s.db");
    let out = chiso(&["new", path.to_str().unwrap(), "--sample"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    path.to_str().unwrap().to_owned()
}
