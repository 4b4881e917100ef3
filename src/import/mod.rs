//! Reading figures from files as their publishers ship them. One module per format; no egui,
//! no SQL. Each reader streams what it finds into a [`Sink`], so a file of any size is read
//! in constant memory; `store::import` is the sink that writes to a database.
//!
//! | module     | reads                                                                  |
//! |------------|------------------------------------------------------------------------|
//! | `detect`   | which format a file is, from its first bytes                            |
//! | `text`     | bytes to text (UTF-8 with or without BOM, Windows-1252), numbers, gaps  |
//! | `long_csv` | Chiso's own long CSV (and writing it)                                   |
//! | `wdi`      | World Bank WDI bulk CSV, with its `Metadata_Country_…` file             |
//! | `wb_api`   | World Bank API v2 JSON, including its error objects                     |
//! | `undp_hdr` | UNDP HDR composite indices, wide CSV                                    |
//! | `owid`     | Our World in Data grapher CSV with its `.metadata.json`                 |

pub mod detect;
pub mod long_csv;
pub mod owid;
pub mod text;
pub mod undp_hdr;
pub mod wb_api;
pub mod wdi;

use std::fmt;
use std::path::Path;

use crate::model::{Period, Qualifier, Status};

pub use detect::{Format, detect};

/// A problem with one cell or row of an input file, located so a person can find it.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub file: String,
    /// 1-based line of the file where the record starts; 0 for the file as a whole.
    pub line: u64,
    /// The column's name, when the problem is with one cell.
    pub column: Option<String>,
    pub raw: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if self.line > 0 {
            write!(f, ", line {}", self.line)?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        if !self.raw.is_empty() {
            let raw: String = self.raw.chars().take(80).collect();
            write!(f, ", value {raw:?}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

impl std::error::Error for Problem {}

impl Problem {
    /// A row the CSV parser could not read.
    pub fn bad_csv(file: &str, error: &csv::Error) -> Problem {
        Problem {
            file: file.to_owned(),
            line: error.position().map_or(0, |p| p.line()),
            column: None,
            raw: String::new(),
            reason: format!("not valid CSV: {error}"),
        }
    }
}

/// The publication a file comes from, as the file describes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceDraft {
    /// A suggested code, made unique by the store if taken by another publication.
    pub code: String,
    pub short_name: String,
    pub publisher: String,
    pub title: String,
    pub edition: String,
    pub published: String,
    pub url: String,
    pub citation: String,
    pub licence: String,
    pub file_sha256: String,
}

/// An indicator as a file names it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorDraft {
    /// The publisher's code (`SH.DYN.MORT`, `hdi`), or a column name where there is none.
    pub key: String,
    pub name: String,
    /// The unit as the file gives it ("per 1,000 live births", "%"), empty if unknown.
    pub unit: String,
    /// Chiso's own files also carry these.
    pub unit_symbol: String,
    pub decimals: Option<u8>,
    pub direction: Option<String>,
}

/// One figure as read, before its codes are matched to a database.
#[derive(Clone, Debug, PartialEq)]
pub struct RawFigure {
    pub line: u64,
    /// The column the value came from (for problems).
    pub column: String,
    pub indicator: String,
    /// ISO3 for the publishers' files, Chiso's area code for its own.
    pub area: String,
    pub area_name: String,
    pub subgroup: String,
    pub subgroup_name: String,
    pub period: Period,
    pub value: f64,
    pub status: Status,
    pub qualifier: Qualifier,
    pub footnote: String,
    /// `None`: the file's own source. `Some`: a source named on the row (Chiso's CSV).
    pub source: Option<SourceDraft>,
}

impl RawFigure {
    /// A figure of a publisher's file: the whole population (subgroup `T`), a calendar year,
    /// no flags, under the file's own source.
    pub fn total(
        line: u64,
        column: String,
        indicator: String,
        area: String,
        area_name: String,
        year: i32,
        value: f64,
    ) -> RawFigure {
        RawFigure {
            line,
            column,
            indicator,
            area,
            // A Chiso file keeps area names up to 200 characters; a publisher's longer name is
            // cut there rather than refusing the whole file.
            area_name: crate::text::clip(area_name, 200),
            subgroup: "T".into(),
            subgroup_name: String::new(),
            period: Period::year(year),
            value,
            status: Status::Normal,
            qualifier: Qualifier::Exact,
            footnote: String::new(),
            source: None,
        }
    }
}

/// Stop reading: the user cancelled, or the sink cannot go on.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop(pub String);

/// Where a reader sends what it finds.
pub trait Sink {
    /// The file's own publication, once, before any figure that uses it.
    fn source(&mut self, source: SourceDraft);
    /// An indicator of the file, before its first figure.
    fn indicator(&mut self, indicator: IndicatorDraft);
    /// An area code known to be an aggregate (a region of the world, an income group).
    fn aggregate(&mut self, code: &str);
    fn figure(&mut self, figure: RawFigure) -> Result<(), Stop>;
    fn problem(&mut self, problem: Problem);
    /// A value cell that was empty or marked missing (`..`, `""`, `null`).
    fn missing(&mut self) {
        self.missing_many(1);
    }
    /// `n` missing cells at once: the cells a short row of a wide file lacks, counted without
    /// a call each (a crafted file of 10,000 year columns and 10,000 short rows is 10^8 cells).
    fn missing_many(&mut self, _n: u64) {}
    /// How far into the file the reader is, in bytes, for a progress bar.
    fn progress(&mut self, _bytes: u64) -> Result<(), Stop> {
        Ok(())
    }
}

/// Reads `path` in whatever format it is, into `sink`. Errors that make the whole file
/// unreadable are returned; problems with rows go to the sink.
pub fn read(path: &Path, sink: &mut dyn Sink) -> Result<Format, ReadError> {
    let format = detect(path)?;
    read_as(path, format, sink)?;
    Ok(format)
}

/// Reads `path`, already known to be in `format`, into `sink`.
pub fn read_as(path: &Path, format: Format, sink: &mut dyn Sink) -> Result<(), ReadError> {
    let sha256 = text::sha256_of(path).map_err(|e| ReadError::io(path, e))?;
    match format {
        Format::ChisoCsv => long_csv::read(path, sink)?,
        Format::WdiCsv => wdi::read(path, &sha256, sink)?,
        Format::WbApiJson => wb_api::read(path, &sha256, sink)?,
        Format::UndpHdrCsv => undp_hdr::read(path, &sha256, sink)?,
        Format::OwidCsv => owid::read(path, &sha256, sink)?,
    }
    Ok(())
}

/// Why a whole file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {detail}")]
    Unreadable { path: String, detail: String },
    #[error(
        "{path}: not a format Chiso imports ({detail}). Chiso reads its own long CSV, World \
         Bank WDI bulk CSV and API JSON, UNDP HDR composite-indices CSV and Our World in Data \
         grapher CSV"
    )]
    UnknownFormat { path: String, detail: String },
    #[error("{0}")]
    Problem(Problem),
    #[error("{0}")]
    Stopped(String),
}

impl ReadError {
    pub fn io(path: &Path, error: std::io::Error) -> ReadError {
        ReadError::Unreadable {
            path: path.display().to_string(),
            detail: error.to_string(),
        }
    }
}

impl ReadError {
    /// The error as a problem of `path` for a report: the file named once, then the reason.
    pub fn into_problem(self, path: &Path) -> Problem {
        let reason = match self {
            ReadError::Problem(p) => return p,
            ReadError::Unreadable { detail, .. } => detail,
            ReadError::UnknownFormat { detail, .. } => format!(
                "not a format Chiso imports ({detail}). Chiso reads its own long CSV, World Bank WDI \
                 bulk CSV and API JSON, UNDP HDR composite-indices CSV and Our World in Data grapher CSV"
            ),
            ReadError::Stopped(why) => why,
        };
        Problem {
            file: display_name(path),
            line: 0,
            column: None,
            raw: String::new(),
            reason,
        }
    }
}

impl From<Stop> for ReadError {
    fn from(stop: Stop) -> Self {
        ReadError::Stopped(stop.0)
    }
}

/// A file name for messages: the name alone, which is what a person recognises.
pub(crate) fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
