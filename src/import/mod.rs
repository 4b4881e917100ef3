//! Reading figures from files as their publishers ship them. One module per format; no egui,
//! no SQL. Each reader streams what it finds into a [`Sink`] (from `model::draft`), so a file
//! of any size is read in constant memory; [`Readers`] is the `FileReader` the store's import
//! is given, so the store never names a reader.
//!
//! | module     | reads                                                                  |
//! |------------|------------------------------------------------------------------------|
//! | `detect`   | which format a file is, from its first bytes                            |
//! | `text`     | bytes to text (UTF-8 with or without BOM, Windows-1252), numbers, gaps  |
//! | `long_csv` | Chiso's own long CSV (written by `export::long_csv`)                    |
//! | `wdi`      | World Bank WDI bulk CSV, with its `Metadata_Country_…` file             |
//! | `wb_api`   | World Bank API v2 JSON, including its error objects                     |
//! | `undp_hdr` | UNDP HDR composite indices, wide CSV                                    |
//! | `owid`     | Our World in Data grapher CSV with its `.metadata.json`                 |
//! | `px_web`   | Viet Nam GSO's PX-Web tables (`;`, a title line, areas named as rows)   |
//! | `sdmx_csv` | SDMX-CSV of UNICEF's and the UN's warehouses, dimensions as subgroups   |
//! | `who_gho`  | WHO Global Health Observatory bulk CSV (with `codes/COUNTRY.csv`), OData |
//! | `gso_table`| GSO's own tables ("Biểu", census results): headings as subgroups        |
//! | `ilostat`  | ILOSTAT CSV, codes or labels; the survey as the source, currency as unit |
//! | `workbook` | `.xlsx`, `.xls`, `.ods` (calamine): each sheet read as the CSV it holds |

pub mod detect;
pub mod form;
pub mod gso_table;
pub mod ilostat;
pub mod long_csv;
pub mod owid;
pub mod px_web;
pub mod sdmx_csv;
pub mod text;
pub mod undp_hdr;
pub mod wb_api;
pub mod wdi;
pub mod who_gho;
pub mod workbook;

use std::path::Path;

pub use crate::model::draft::{
    FigureRecord, FileReader, IndicatorDraft, Problem, RawFigure, ReadError, Reason, Sink,
    SourceDraft, Stop, WbApiShape, display_name,
};
pub use detect::{Format, detect};

/// Reads `path` in whatever format it is, into `sink`. Errors that make the whole file
/// unreadable are returned; problems with rows go to the sink.
pub fn read<S: Sink + ?Sized>(path: &Path, sink: &mut S) -> Result<Format, ReadError> {
    let format = detect(path)?;
    read_as(path, format, sink)?;
    Ok(format)
}

/// Reads `path`, already known to be in `format`, into `sink`.
pub fn read_as<S: Sink + ?Sized>(
    path: &Path,
    format: Format,
    sink: &mut S,
) -> Result<(), ReadError> {
    let sha256 = text::sha256_of(path).map_err(|e| ReadError::io(path, e))?;
    match format {
        Format::ChisoCsv => long_csv::read(path, sink)?,
        Format::WdiCsv => wdi::read(path, &sha256, sink)?,
        Format::WbApiJson => wb_api::read(path, &sha256, sink)?,
        Format::UndpHdrCsv => undp_hdr::read(path, &sha256, sink)?,
        Format::OwidCsv => owid::read(path, &sha256, sink)?,
        Format::PxWebCsv => px_web::read(path, &sha256, sink)?,
        Format::SdmxCsv => sdmx_csv::read(path, &sha256, sink)?,
        Format::WhoGhoCsv => who_gho::read(path, &sha256, sink)?,
        Format::WhoGhoJson => who_gho::read_odata(path, &sha256, sink)?,
        Format::IlostatCsv => ilostat::read(path, &sha256, sink)?,
        Format::GsoTable => gso_table::read(path, &sha256, sink)?,
        Format::Workbook => workbook::read(path, sink)?,
    }
    Ok(())
}

/// Every reader of this module, as the store's import takes them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Readers;

impl FileReader for Readers {
    type Format = Format;

    fn detect(&self, path: &Path) -> Result<Format, ReadError> {
        detect(path)
    }

    fn name(&self, format: Format) -> &'static str {
        format.name()
    }

    fn is_own_format(&self, format: Format) -> bool {
        format == Format::ChisoCsv
    }

    fn read<S: Sink + ?Sized>(
        &self,
        path: &Path,
        format: Format,
        sink: &mut S,
    ) -> Result<(), ReadError> {
        read_as(path, format, sink)
    }
}
