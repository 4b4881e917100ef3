//! The sample database's reference tables and deck, from the reviewable SQL files in
//! `fixtures/sample/`, and the building of the file from them and the figures
//! (`workspace::sample` reads the figures' CSV files and calls [`create_from`]).
//!
//! The files are compiled into the binary, so `chiso new FILE --sample` and the first run
//! work from any folder. The sample is built afresh, never copied from a binary blob.

use std::path::{Path, PathBuf};

use super::{OpenError, Store, StoreError, edit};
use crate::model::draft::FigureRecord;

/// Units, indicators, areas, subgroups, sources and targets.
const REFERENCE_SQL: &str = include_str!("../../fixtures/sample/reference.sql");

/// Their names in Vietnamese, beside the English ones.
const NAMES_VI_SQL: &str = include_str!("../../fixtures/sample/names_vi.sql");

/// The deck of saved views, loaded after the figures.
const VIEWS_SQL: &str = include_str!("../../fixtures/sample/views.sql");

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
    #[error("{}: cannot build the sample database: {problem}", .path.display())]
    Figures {
        path: PathBuf,
        problem: Box<crate::model::draft::Problem>,
    },
}

/// Creates a new file at `path` holding the sample's reference tables, `figures` (by the file
/// they were read from) and its deck. Refuses an existing path; leaves no file on failure.
pub fn create_from(
    path: &Path,
    figures: &[(&str, Vec<FigureRecord>)],
) -> Result<Store, SampleError> {
    let mut store = Store::create(path)?;
    let filled = store.write(SAMPLE_EDITOR, |tx| {
        tx.execute_batch(REFERENCE_SQL)?;
        tx.execute_batch(NAMES_VI_SQL)?;
        for (file, records) in figures {
            for record in records {
                edit::insert_figure(tx, record, SAMPLE_EDITOR).map_err(|e| StoreError::AtLine {
                    file: (*file).to_owned(),
                    line: record.line,
                    source: Box::new(e),
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
