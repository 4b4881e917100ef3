//! Figures out of the file and into it: Chiso's long CSV written from the store's rows, and
//! imports of publishers' files through every reader.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Workspace;
use crate::export::long_csv::Writer;
use crate::store::export::ExportFilter;
use crate::store::import::{ImportOptions, ImportReport, Progress};
use crate::store::{Store, StoreError};

/// Imports `files` into `store` as `editor`, each read by whichever of Chiso's readers its
/// content calls for (`store::import` says what is added, changed or refused).
pub fn import(
    store: &mut Store,
    files: &[PathBuf],
    options: &ImportOptions,
    editor: &str,
    progress: &Progress,
) -> Result<ImportReport, StoreError> {
    store.import(&crate::import::Readers, files, options, editor, progress)
}

/// The sheets of the workbooks among `files`, in order (empty when none is a workbook): the
/// import dialog offers them to choose from.
pub fn workbook_sheets(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .filter(|f| {
            matches!(
                crate::import::detect(f),
                Ok(crate::import::Format::Workbook)
            )
        })
        .filter_map(|f| crate::import::workbook::sheet_names(f))
        .flatten()
        .fold(Vec::new(), |mut all, sheet| {
            if !all.contains(&sheet) {
                all.push(sheet);
            }
            all
        })
}

/// Writes the figures that `filter` selects to `out` as Chiso's long CSV; returns how many.
pub fn export_long_csv(
    store: &Store,
    filter: &ExportFilter,
    out: impl Write,
) -> Result<u64, StoreError> {
    let cannot = |e: std::io::Error| StoreError::Write {
        path: None,
        detail: e.to_string(),
    };
    let mut writer = Writer::new(out).map_err(cannot)?;
    let written = store.figure_rows(filter, |cells| writer.row(cells, true).map_err(cannot))?;
    writer.finish().map_err(cannot)?;
    Ok(written)
}

/// Writes to the file at `path` through a temporary file renamed into place, so a failed
/// export never leaves half a file. Returns how many figures were written.
pub fn export_long_csv_to(
    store: &Store,
    filter: &ExportFilter,
    path: &Path,
) -> Result<u64, StoreError> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let at = |e: std::io::Error| StoreError::Write {
        path: Some(path.to_path_buf()),
        detail: e.to_string(),
    };
    let file = std::fs::File::create(&partial).map_err(at)?;
    match export_long_csv(store, filter, std::io::BufWriter::new(file)) {
        Ok(n) => {
            std::fs::rename(&partial, path).map_err(at)?;
            Ok(n)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(match e {
                StoreError::Write { path: None, detail } => StoreError::Write {
                    path: Some(path.to_path_buf()),
                    detail,
                },
                e => e,
            })
        }
    }
}

impl Workspace {
    /// Writes the figures of the series on the chart (`selection_only`) or of the whole file
    /// to `path` as Chiso's long CSV. Returns how many figures were written.
    pub fn export_data(&self, path: &Path, selection_only: bool) -> Result<u64, StoreError> {
        let filter = ExportFilter {
            indicator: None,
            series: selection_only.then(|| self.spec.series.clone()),
        };
        export_long_csv_to(&self.store, &filter, path)
    }
}
