//! The sample database: the store's reference tables and deck (`store::sample`) with the
//! figures of the CSV files in `fixtures/sample/`, read by Chiso's own long-CSV reader.

use std::fs;
use std::path::{Path, PathBuf};

use crate::import::long_csv;
pub use crate::store::sample::{SAMPLE_EDITOR, SampleError};
use crate::store::{Store, sample};

/// The figures: (file name for messages, CSV text).
const FIGURE_FILES: &[(&str, &str)] = &[
    (
        "fixtures/sample/news_observations.csv",
        include_str!("../../fixtures/sample/news_observations.csv"),
    ),
    (
        "fixtures/sample/realdata_observations.csv",
        include_str!("../../fixtures/sample/realdata_observations.csv"),
    ),
];

/// Creates a new file at `path` holding the sample data. Refuses an existing path.
pub fn create_sample(path: &Path) -> Result<Store, SampleError> {
    let mut figures = Vec::new();
    for (file, text) in FIGURE_FILES {
        let records = long_csv::parse(file, text).map_err(|problem| SampleError::Figures {
            path: path.into(),
            problem: Box::new(problem),
        })?;
        figures.push((*file, records));
    }
    sample::create_from(path, &figures)
}

/// Where the user's own copy of the sample lives: the platform's data folder.
pub fn default_sample_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Chiso").map(|dirs| dirs.data_dir().join("sample.db"))
}

/// Opens the user's copy of the sample at `path`, building it on first use. The copy is built
/// under a temporary name and renamed into place, so a run cut short leaves no half-built file.
pub fn open_or_create_sample(path: &Path) -> Result<Store, SampleError> {
    if path.exists() {
        return Ok(Store::open(path)?);
    }
    let io_error = |e: std::io::Error| SampleError::Io {
        path: path.into(),
        detail: e.to_string(),
    };
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(io_error)?;
    }
    let mut partial = path.as_os_str().to_owned();
    partial.push(format!(".building-{}", std::process::id()));
    let partial = PathBuf::from(partial);
    crate::store::remove_database_files(&partial);
    let store = create_sample(&partial)?;
    // Fold the write-ahead log into the file before it moves.
    drop(store);
    fs::rename(&partial, path).map_err(io_error)?;
    Ok(Store::open(path)?)
}
