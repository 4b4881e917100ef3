//! Inputs the fuzz targets (`fuzz/`, see docs/RELIABILITY.md "Fuzzing") found to crash,
//! hang or exhaust memory, kept after the fix and run through the same path as the target,
//! on the stable toolchain with `cargo test`.
//!
//! `tests/fuzz_regressions/<target>/` holds each target's inputs: every file there is run
//! through that target's path and must end in a clean error or success. The inputs are the
//! fuzzer's bytes as they are: a reader's input may carry a side file after
//! [`SIDE_FILE`], and `import_store`'s first byte chooses the options and file name. The
//! targets' seeds in `fuzz/seeds/<target>/` are run the same way.

use std::fs;
use std::path::{Path, PathBuf};

use chiso::import::{self, Format, IndicatorDraft, Problem, RawFigure, Sink, SourceDraft, Stop};
use chiso::store::Store;
use chiso::store::import::{ImportOptions, Progress};
use chiso::workspace::Workspace;

/// The marker after which a reader's input holds its side file (as in `fuzz/src/lib.rs`).
const SIDE_FILE: &[u8] = b"\n@@side-file@@\n";

fn split_side(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.windows(SIDE_FILE.len()).position(|w| w == SIDE_FILE) {
        Some(at) => (&data[..at], Some(&data[at + SIDE_FILE.len()..])),
        None => (data, None),
    }
}

#[derive(Default)]
struct Collect {
    indicators: Vec<IndicatorDraft>,
    figures: Vec<RawFigure>,
    problems: Vec<Problem>,
}

impl Sink for Collect {
    type Error = Stop;

    fn source(&mut self, _source: SourceDraft) {}
    fn indicator(&mut self, indicator: IndicatorDraft) {
        self.indicators.push(indicator);
    }
    fn aggregate(&mut self, _code: &str) {}
    fn figure(&mut self, figure: RawFigure) -> Result<(), Stop> {
        assert!(figure.value.is_finite(), "not finite: {figure:?}");
        self.figures.push(figure);
        Ok(())
    }
    fn problem(&mut self, problem: Problem) {
        let _ = problem.to_string();
        self.problems.push(problem);
    }
}

/// The inputs kept for `target`, by name: the regressions, then the target's seeds (real
/// files' extracts in `fuzz/seeds/`, which must import as cleanly).
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/fuzz_regressions", "fuzz/seeds"] {
        let Ok(entries) = fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        found.sort();
        files.extend(found);
    }
    files
        .into_iter()
        .map(|p| {
            let bytes = fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

/// What the reader targets do: detection, then the format's reader, whatever detection said.
fn read_as(data: &[u8], format: Format, name: &str, side_name: Option<&str>) -> Collect {
    let dir = tempfile::tempdir().unwrap();
    let (data, side) = split_side(data);
    let path = dir.path().join(name);
    fs::write(&path, data).unwrap();
    if let (Some(side), Some(side_name)) = (side, side_name) {
        fs::write(dir.path().join(side_name), side).unwrap();
    }
    if let Err(e) = import::detect(&path) {
        let _ = e.to_string();
    }
    let mut sink = Collect::default();
    if let Err(e) = import::read_as(&path, format, &mut sink) {
        let _ = e.into_problem(&path).to_string();
    }
    sink
}

fn reader_target(target: &str, format: Format, name: &str, side_name: Option<&str>) {
    for (file, data) in inputs(target) {
        eprintln!("{target}: {}", file.display());
        read_as(&data, format, name, side_name);
    }
}

#[test]
fn import_long_csv_inputs() {
    for (file, data) in inputs("import_long_csv") {
        eprintln!("import_long_csv: {}", file.display());
        read_as(&data, Format::ChisoCsv, "figures.csv", None);
        if let Ok(text) = std::str::from_utf8(&data) {
            let _ = import::long_csv::parse("figures.csv", text);
        }
    }
}

#[test]
fn import_wdi_inputs() {
    reader_target(
        "import_wdi",
        Format::WdiCsv,
        "API_FUZZ_DS2_en_csv_v2_1.csv",
        Some("Metadata_Country_API_FUZZ_DS2_en_csv_v2_1.csv"),
    );
}

#[test]
fn import_wb_api_inputs() {
    reader_target("import_wb_api", Format::WbApiJson, "api.json", None);
}

#[test]
fn import_undp_hdr_inputs() {
    reader_target(
        "import_undp_hdr",
        Format::UndpHdrCsv,
        "HDR_composite_indices.csv",
        None,
    );
}

#[test]
fn import_owid_inputs() {
    reader_target(
        "import_owid",
        Format::OwidCsv,
        "grapher.csv",
        Some("grapher.metadata.json"),
    );
}

/// What `import_store` does: a dry-run import into the sample database.
#[test]
fn import_store_inputs() {
    let inputs = inputs("import_store");
    if inputs.is_empty() {
        return;
    }
    let db_dir = tempfile::tempdir().unwrap();
    let mut store =
        chiso::workspace::sample::create_sample(&db_dir.path().join("sample.db")).unwrap();
    for (file, data) in inputs {
        eprintln!("import_store: {}", file.display());
        let Some((&flags, data)) = data.split_first() else {
            continue;
        };
        let dir = tempfile::tempdir().unwrap();
        let (data, side) = split_side(data);
        let (name, side_name) = match flags >> 6 {
            0 => ("figures.csv", "figures.metadata.json"),
            1 => (
                "API_FUZZ_DS2_en_csv_v2_1.csv",
                "Metadata_Country_API_FUZZ_DS2_en_csv_v2_1.csv",
            ),
            2 => ("grapher.csv", "grapher.metadata.json"),
            _ => ("api.json", "other.metadata.json"),
        };
        let path = dir.path().join(name);
        fs::write(&path, data).unwrap();
        if let Some(side) = side {
            fs::write(dir.path().join(side_name), side).unwrap();
        }
        let mut seen = Collect::default();
        let _ = import::read(&path, &mut seen);
        let keys: Vec<String> = seen.indicators.iter().map(|i| i.key.clone()).collect();
        let mut areas: Vec<String> = seen.figures.iter().map(|f| f.area.clone()).collect();
        areas.sort();
        areas.dedup();
        let options = ImportOptions {
            areas: (flags & 0b1000 != 0).then_some(areas),
            indicators: (flags & 0b100 != 0).then(|| keys.clone()),
            mappings: if flags & 0b10000 != 0 {
                let to = if flags & 0b100000 != 0 { "HDI" } else { "U5MR" };
                keys.iter().map(|k| (k.clone(), to.to_owned())).collect()
            } else {
                Vec::new()
            },
            replace: flags & 0b1 != 0,
            dry_run: true,
            skip_problems: flags & 0b10 != 0,
            // A unit given reads files that say none (and checks their figures' factors).
            unit: (flags & 0b1000000 != 0).then(|| "%".to_owned()),
            sheet: None,
        };
        let before = store.summary().unwrap().counts;
        if let Ok(report) = store.import(
            &chiso::import::Readers,
            &[path],
            &options,
            "fuzz",
            &Progress::default(),
        ) {
            assert!(!report.committed);
        }
        assert_eq!(store.summary().unwrap().counts, before);
    }
}

/// What `open_db` does: open the bytes as a database, then read what the window reads.
#[test]
fn open_db_inputs() {
    for (file, data) in inputs("open_db") {
        eprintln!("open_db: {}", file.display());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fuzz.sqlite");
        fs::write(&path, &data).unwrap();
        let Ok(store) = Store::open(&path) else {
            continue;
        };
        let _ = store.summary();
        let _ = store.audit_log(20);
        let Ok(mut workspace) = Workspace::new(store) else {
            continue;
        };
        let first = workspace
            .catalogue()
            .first()
            .map(|row| row.entry.indicator.code.clone());
        if let Some(code) = first {
            let _ = workspace.select_indicator(&code);
            let _ = workspace.headline();
        }
    }
}
