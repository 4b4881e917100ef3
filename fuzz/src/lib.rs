//! Helpers shared by Chiso's fuzz targets.
//!
//! The importers and `Store::open` take a path, so a target writes its input to a file in a
//! folder of its own process (under `/dev/shm` where there is one: no disk traffic), reused
//! for every run, and removed files left by the previous run first.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chiso::import::{IndicatorDraft, Problem, RawFigure, Sink, SourceDraft, Stop};

/// Splits a reader's input from a side file: the bytes after the first `SIDE_FILE` marker
/// are written beside the data file (WDI's `Metadata_Country_…`, OWID's `.metadata.json`).
pub const SIDE_FILE: &[u8] = b"\n@@side-file@@\n";

/// The folder of this process, made on first use.
pub fn workdir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = if Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("chiso-fuzz-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("cannot make the fuzz folder");
        dir
    })
}

/// Removes every file of the work folder: nothing of one run leaks into the next.
pub fn clear() {
    if let Ok(entries) = fs::read_dir(workdir()) {
        for entry in entries.flatten() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` as `name` in the work folder and returns its path.
pub fn put(name: &str, bytes: &[u8]) -> PathBuf {
    let path = workdir().join(name);
    fs::write(&path, bytes).expect("cannot write the fuzz input");
    path
}

/// `(data, side file)`: the input split at the first [`SIDE_FILE`] marker.
pub fn split_side(data: &[u8]) -> (&[u8], Option<&[u8]>) {
    match data.windows(SIDE_FILE.len()).position(|w| w == SIDE_FILE) {
        Some(at) => (&data[..at], Some(&data[at + SIDE_FILE.len()..])),
        None => (data, None),
    }
}

/// A sink that keeps what a reader sends and checks what the readers promise.
#[derive(Default, Debug)]
pub struct Collect {
    pub sources: Vec<SourceDraft>,
    pub indicators: Vec<IndicatorDraft>,
    pub aggregates: Vec<String>,
    pub figures: Vec<RawFigure>,
    pub problems: Vec<Problem>,
    pub missing: u64,
    pub last_progress: u64,
}

impl Sink for Collect {
    type Error = Stop;

    fn source(&mut self, source: SourceDraft) {
        self.sources.push(source);
    }
    fn indicator(&mut self, indicator: IndicatorDraft) {
        self.indicators.push(indicator);
    }
    fn aggregate(&mut self, code: &str) {
        self.aggregates.push(code.to_owned());
    }
    fn figure(&mut self, figure: RawFigure) -> Result<(), Stop> {
        // `text::value_of` documents that NaN and infinity are not numbers.
        assert!(
            figure.value.is_finite(),
            "a reader sent a value that is not finite: {figure:?}"
        );
        self.figures.push(figure);
        Ok(())
    }
    fn problem(&mut self, problem: Problem) {
        // Every problem must be printable, as the import report prints it.
        let _ = problem.to_string();
        self.problems.push(problem);
    }
    fn missing_many(&mut self, n: u64) {
        self.missing += n;
    }
    fn progress(&mut self, bytes: u64) -> Result<(), Stop> {
        self.last_progress = bytes;
        Ok(())
    }
}

/// Runs detection and then the reader of `format` on the file at `path`, whatever detection
/// said: each reader must cope with any bytes. Neither may panic.
pub fn detect_and_read(path: &Path, format: chiso::import::Format) -> Collect {
    if let Err(e) = chiso::import::detect(path) {
        let _ = e.to_string();
    }
    let mut sink = Collect::default();
    if let Err(e) = chiso::import::read_as(path, format, &mut sink) {
        let _ = e.into_problem(path).to_string();
    }
    sink
}
