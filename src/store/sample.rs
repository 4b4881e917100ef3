//! The sample database, built from the reviewable text files in `fixtures/sample/`.
//!
//! The files are compiled into the binary, so `chiso new FILE --sample` and the first run
//! work from any folder. The sample is built afresh, never copied from a binary blob.

use std::fs;
use std::path::{Path, PathBuf};

use super::{OpenError, Store, StoreError, edit};
use crate::import::long_csv;

/// Units, indicators, areas, subgroups, sources and targets.
const REFERENCE_SQL: &str = include_str!("../../fixtures/sample/reference.sql");

/// The deck of saved views, loaded after the figures.
const VIEWS_SQL: &str = include_str!("../../fixtures/sample/views.sql");

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

/// The editor the audit log names for the sample's figures.
pub const SAMPLE_EDITOR: &str = "Chiso sample";

#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    #[error(transparent)]
    Open(#[from] OpenError),
    #[error("{}: cannot build the sample database: {source}", .path.display())]
    Build { path: PathBuf, source: StoreError },
    #[error("{}: cannot build the sample database: {detail}", .path.display())]
    Io { path: PathBuf, detail: String },
}

/// Creates a new file at `path` holding the sample data. Refuses an existing path.
pub fn create_sample(path: &Path) -> Result<Store, SampleError> {
    let mut store = Store::create(path)?;
    let filled = store.write(SAMPLE_EDITOR, |tx| {
        tx.execute_batch(REFERENCE_SQL)?;
        for (file, text) in FIGURE_FILES {
            let records = long_csv::parse(file, text)
                .map_err(|problem| StoreError::Invalid(problem.to_string()))?;
            for record in &records {
                edit::insert_figure(tx, record, SAMPLE_EDITOR).map_err(|e| {
                    StoreError::Invalid(format!("{file}, line {}: {e}", record.line))
                })?;
            }
        }
        tx.execute_batch(VIEWS_SQL)?;
        Ok(())
    });
    match filled {
        Ok(()) => Ok(store),
        Err(source) => {
            drop(store);
            super::remove_database_files(path);
            Err(SampleError::Build {
                path: path.into(),
                source,
            })
        }
    }
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
    super::remove_database_files(&partial);
    let store = create_sample(&partial)?;
    // Fold the write-ahead log into the file before it moves.
    drop(store);
    fs::rename(&partial, path).map_err(io_error)?;
    Ok(Store::open(path)?)
}
