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
    excel: bool,
) -> Result<u64, StoreError> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let at = |e: std::io::Error| StoreError::Write {
        path: Some(path.to_path_buf()),
        detail: e.to_string(),
    };
    let mut file = std::io::BufWriter::new(std::fs::File::create(&partial).map_err(at)?);
    if excel {
        file.write_all(UTF8_BOM).map_err(at)?;
    }
    match export_long_csv(store, filter, file) {
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

/// Why a workbook was not written.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    #[error("there are no figures to write{}", .0.as_ref().map_or(String::new(), |c| format!(" for {c}")))]
    Empty(Option<String>),
}

/// Writes the figures that `filter` selects to an Excel workbook at `path`, its words in
/// `language` (see `export::workbook`). The rows are read in one snapshot, then written: a
/// workbook is built whole in memory before it is saved.
pub fn export_workbook_to(
    store: &Store,
    filter: &ExportFilter,
    path: &Path,
    language: crate::locale::Language,
) -> Result<crate::export::workbook::Written, WorkbookError> {
    let _snapshot = store.snapshot()?;
    let mut rows: Vec<crate::export::workbook::Row> = Vec::new();
    store.figure_rows(filter, |cells| {
        rows.push(cells.map(str::to_owned));
        Ok::<(), StoreError>(())
    })?;
    if rows.is_empty() {
        return Err(WorkbookError::Empty(filter.indicator.clone()));
    }
    let (indicators, areas) = (store.indicators()?, store.areas()?);
    let (subgroups, sources) = (store.subgroups()?, store.sources()?);
    let names = crate::export::workbook::Names {
        indicators: &indicators,
        areas: &areas,
        subgroups: &subgroups,
        sources: &sources,
    };
    Ok(crate::export::workbook::write(
        path, &rows, &names, language,
    )?)
}

/// The byte-order mark that makes Excel on Windows read a CSV as UTF-8 (else `Việt Nam` shows as `Viá»‡t Nam`). Chiso's importer skips it.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

impl Workspace {
    /// Writes the figures of the series on the chart (`selection_only`) or of the whole file
    /// to `path` as Chiso's long CSV, with the byte-order mark Excel needs: whoever saves a
    /// CSV from the window most likely opens it in Excel, which garbles Việt Nam without one.
    /// Returns how many figures were written.
    pub fn export_data(&self, path: &Path, selection_only: bool) -> Result<u64, StoreError> {
        let filter = ExportFilter {
            indicator: None,
            series: selection_only.then(|| self.spec.series.clone()),
        };
        export_long_csv_to(&self.store, &filter, path, true)
    }

    /// Writes the series on the chart (`selection_only`) or the whole file to an Excel
    /// workbook at `path`, in the window's language.
    pub fn export_workbook(
        &self,
        path: &Path,
        selection_only: bool,
    ) -> Result<crate::export::workbook::Written, WorkbookError> {
        let filter = ExportFilter {
            indicator: None,
            series: selection_only.then(|| self.spec.series.clone()),
        };
        export_workbook_to(&self.store, &filter, path, self.numbers.language())
    }
}
