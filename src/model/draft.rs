//! Figures as read from a file, before their codes are matched to a database, and the
//! contract between the readers of files (`import`) and what takes their figures (the store's
//! import, a test's collector): the [`Sink`] a reader streams into and the [`FileReader`] the
//! store is given. Plain values and traits, so neither side knows the other.

use std::fmt;
use std::path::Path;

use super::{Period, Qualifier, Status};

/// A problem with one cell or row of an input file, located so a person can find it.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub file: String,
    /// 1-based line of the file where the record starts; 0 for the file as a whole.
    pub line: u64,
    /// The column's name, when the problem is with one cell.
    pub column: Option<String>,
    pub raw: String,
    pub reason: Reason,
}

/// Why a cell, a row or a file could not be read. (Two texts of a variant are `Box<str>`, so that
/// a `Problem` stays small enough to return by value.) Typed, so that the window words it in its
/// language; `Display` is the command line's English. Details quoted from a parser (`csv`,
/// `serde_json`, the system) are kept as they come.
#[derive(Clone, Debug, PartialEq, PartialOrd, thiserror::Error)]
pub enum Reason {
    #[error("not valid CSV: {0}")]
    BadCsv(String),
    #[error("not valid JSON: {0}")]
    BadJson(String),
    #[error("the file has no header row")]
    NoHeader,
    #[error("no header row starting with \"Country Name\" was found")]
    NoWdiHeader,
    #[error(
        "the header names the `{0}` column twice; keep one, so that it is clear which one holds the figures"
    )]
    ColumnTwice(String),
    #[error("no `{column}` column; the header must name {required}")]
    NoColumn {
        column: Box<str>,
        required: Box<str>,
    },
    #[error("no `period` (or `year`) column")]
    NoPeriodColumn,
    #[error("not a year (2023) or a range of years (2021-2025)")]
    NotAPeriod,
    #[error("not a year")]
    NotAYear,
    #[error("observation {0}: not a year (quarterly and monthly figures are not imported)")]
    NotAYearlyDate(u64),
    #[error("not a number")]
    NotANumber,
    /// A problem of the n-th observation of a JSON answer, which has no lines a person counts.
    #[error("observation {at}: {reason}")]
    InObservation { at: u64, reason: Box<Reason> },
    #[error("too large: Chiso keeps values between -1e300 and 1e300")]
    TooLarge,
    #[error(
        "too small to keep exactly (below 2.2e-308, the number would become 0 or lose digits): write it in a larger unit"
    )]
    TooSmall,
    /// Cells past the header's last column that are not empty: the row does not line up with
    /// the header. `split`: two neighbouring cells that read as one number with a decimal
    /// comma (`16,9`), the likeliest cause.
    #[error(
        "{count} cell(s) past the header's last column{}: the row does not line up with the header, so none of it is read. Quote values that hold a comma, or write decimals with a point",
        .split.as_ref().map(|s| format!("; looks like a decimal comma: `{s}`")).unwrap_or_default()
    )]
    PastHeader { count: usize, split: Option<String> },
    #[error(
        "the row has {cells} cells and ends before this column (the header has {header}): a separator or a quote may be missing"
    )]
    ShortRow { cells: usize, header: usize },
    #[error("{chars} characters long; Chiso keeps up to {limit} here: shorten it")]
    TooLong { chars: usize, limit: usize },
    #[error("not valid UTF-8 text: save the file as UTF-8")]
    NotUtf8,
    /// A byte that is not UTF-8 in a file that otherwise is: its text is kept, the byte named.
    #[error(
        "the byte 0x{byte:02X} is not UTF-8 (the rest of the file is): retype the character shown as \u{FFFD}, or save the file as UTF-8"
    )]
    StrayByte { byte: u8 },
    #[error("unknown status; use one of {0}")]
    UnknownStatus(String),
    #[error("unknown qualifier; leave it empty or use {0}")]
    UnknownQualifier(String),
    #[error("empty: a code is needed")]
    NoCode,
    #[error("the code holds a control or invisible character (shown escaped): retype it")]
    HiddenCharacter,
    #[error(
        "the name holds a control or invisible character (shown escaped), which would garble lists and terminals: retype it"
    )]
    HiddenInName,
    #[error("a value is missing")]
    MissingValue,
    #[error("no iso3 column")]
    NoIso3Column,
    #[error("not a World Bank API v2 response ({0})")]
    NotWbApi(WbApiShape),
    #[error(
        "the World Bank API answered with an error instead of figures: {0}. The indicator code may be retired or archived: look up its replacement on data.worldbank.org and download it again. Nothing was imported from this file"
    )]
    WbApiError(String),
    #[error(
        "this is page {page} of {pages} of the API's answer: only its figures are imported. Download with per_page=20000 to get them all"
    )]
    WbApiPage { page: u64, pages: u64 },
    #[error("the response holds no figures (its data part is empty)")]
    WbApiEmpty,
    #[error("it is OData JSON but not an answer of the WHO GHO API (no `value` list of figures)")]
    NotGhoOdata,
    #[error("unknown area `{0}`: add it first, or give its name in an area_name column")]
    UnknownArea(String),
    #[error("unknown subgroup `{0}`")]
    UnknownSubgroup(String),
    #[error("unknown source `{0}`: add it first, or describe it in source_* columns")]
    UnknownSource(String),
    #[error(
        "its metadata file {file} cannot be read ({why}): units and citation are unknown; download the chart's metadata again"
    )]
    OwidMetadataUnreadable { file: Box<str>, why: Box<str> },
    #[error(
        "no .metadata.json beside the file: units and citation are unknown; download the chart's metadata too, or give the unit of the figures (--unit)"
    )]
    OwidNoMetadata,
    #[error(
        "the table's title names no year (its reference date, as in \"…, 01/4/2019\"): add the year to the title cell"
    )]
    TableWithoutYear,
    #[error("the workbook has no sheet `{sheet}`; its sheets are {sheets}")]
    NoSuchSheet { sheet: Box<str>, sheets: Box<str> },
    #[error(
        "{} is about {} times the figure of {} for the same cell ({}): the unit given may be wrong (per cent or per 1,000? thousands or units?); check it, or map the figures onto another indicator",
        .0.value, .0.factor, .0.against, .0.other
    )]
    FactorAgainst(Box<FactorMismatch>),
    #[error("refused by the database's constraints")]
    RefusedByConstraints,
    #[error("duplicate row in the file: the same indicator, area, subgroup and period again")]
    DuplicateRow,
    #[error(
        "differs from the figure already stored for this source ({stored}); import with replace to overwrite it"
    )]
    DiffersFromStored { stored: String },
    #[error(
        "differs from the figure already stored for this source only in its flags ({status} {qualifier}); import with replace to overwrite it"
    )]
    FlagsDifferFromStored {
        status: Box<str>,
        qualifier: Box<str>,
    },
    #[error("outside the valid range ({low} to {high})")]
    OutsideValidRange { low: Box<str>, high: Box<str> },
    #[error(
        "not a format Chiso imports ({0}). Chiso reads its long CSV, World Bank CSV, Excel and API JSON, UNDP HDR, Our World in Data, GSO PX-Web, SDMX-CSV, ILOSTAT and WHO GHO files"
    )]
    UnknownFormat(String),
    /// The system's or a parser's own words (a file that cannot be opened, a stopped read).
    #[error("{0}")]
    Said(String),
}

/// A figure whose unit was assumed, about 10, 100 or 1000 times another source's figure for
/// the same cell.
#[derive(Clone, Debug, PartialEq, PartialOrd)]
pub struct FactorMismatch {
    pub value: f64,
    /// "100", "1/100"…
    pub factor: &'static str,
    /// The other source's short name.
    pub against: String,
    pub other: f64,
}

/// What a file taken for World Bank API JSON turned out to hold instead.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, thiserror::Error)]
pub enum WbApiShape {
    #[error("expected a list")]
    NotAList,
    #[error("the response is an empty list")]
    EmptyList,
    #[error("its data part is not a list")]
    DataNotAList,
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
            reason: Reason::BadCsv(error.to_string()),
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
    /// The language the file names things in, when the reader knows it: names of a file in
    /// Vietnamese are kept as Vietnamese names. `None`: English, or not known.
    pub language: Option<super::Language>,
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
    /// The unit is the user's word (`--unit`), not the file's: the figures are checked
    /// against other sources' for a factor of 10, 100 or 1000 before they are written.
    pub unit_assumed: bool,
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
    /// The file names the area and gives no code (GSO's tables): the store matches
    /// `area_name` to an area's name, with or without diacritics.
    pub area_by_name: bool,
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
            area_by_name: false,
        }
    }

    /// [`RawFigure::total`] of a file that names its areas without codes.
    pub fn by_name(
        line: u64,
        column: String,
        indicator: String,
        area_name: String,
        year: i32,
        value: f64,
    ) -> RawFigure {
        RawFigure {
            area_by_name: true,
            ..RawFigure::total(
                line,
                column,
                indicator,
                String::new(),
                area_name,
                year,
                value,
            )
        }
    }
}

/// A sink's reason to stop, when a reason in words is all it has.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct Stop(pub String);

/// Where a reader sends what it finds.
pub trait Sink {
    /// Why the sink asks the reader to stop: the user cancelled, or it cannot go on (a write
    /// failed). The reader hands it back unchanged inside [`ReadError::Stopped`], so the sink's
    /// owner gets its own typed error again ([`ReadError::into_stop`]).
    type Error: std::error::Error + Send + Sync + 'static;
    /// The file's own publication, once, before any figure that uses it.
    fn source(&mut self, source: SourceDraft);
    /// An indicator of the file, before its first figure.
    fn indicator(&mut self, indicator: IndicatorDraft);
    /// An area code known to be an aggregate (a region of the world, an income group).
    fn aggregate(&mut self, code: &str);
    /// The file holds one indicator only (an OWID chart of one variable, a World Bank
    /// download of one indicator): importing it plainly means wanting that indicator, so the
    /// store creates it when it has no match, where a file of many waits to be told which.
    fn single_indicator(&mut self) {}
    /// The sheet of a workbook being read is in Chiso's own long form (a workbook Chiso
    /// wrote): its codes are Chiso's and its descriptions may create what the file lacks, as
    /// for Chiso's CSV. Called before its first figure.
    fn own_format(&mut self) {}
    /// Whether the user gave the unit of a file that does not say it (`--unit`): a reader
    /// of such a file then reads it rather than refusing it.
    fn unit_given(&self) -> bool {
        false
    }
    /// The sheet of a workbook the user chose (a name or a number from 1); `None`: the first
    /// sheet in a layout Chiso reads.
    fn sheet(&self) -> Option<String> {
        None
    }
    fn figure(&mut self, figure: RawFigure) -> Result<(), Self::Error>;
    fn problem(&mut self, problem: Problem);
    /// Whether figures of `indicator` (the file's key; `None`: any) for `area` would be taken.
    /// A reader asks before calling a bad cell or row a problem, so that the rows and columns
    /// the user did not choose (other countries, aggregates, other indicators) never block an
    /// import; it counts them with [`Sink::left_out_problem`] instead. Default: all are.
    fn wants(&mut self, _indicator: Option<&str>, _area: &str) -> bool {
        true
    }
    /// A bad cell or row that the import leaves out anyway: counted, not a problem.
    fn left_out_problem(&mut self) {}
    /// A column that is not an indicator: its metadata calls it `kind` (`Ordinal`,
    /// `Categorical`), or does not describe it at all (`None`).
    fn left_out_column(&mut self, _column: &str, _kind: Option<&str>) {}
    /// A value cell that was empty or marked missing (`..`, `""`, `null`).
    fn missing(&mut self) {
        self.missing_many(1);
    }
    /// `n` missing cells at once: the cells a short row of a wide file lacks, counted without
    /// a call each (a crafted file of 10,000 year columns and 10,000 short rows is 10^8 cells).
    fn missing_many(&mut self, _n: u64) {}
    /// How far into the file the reader is, in bytes, for a progress bar.
    fn progress(&mut self, _bytes: u64) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// Why a whole file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {detail}")]
    Unreadable { path: String, detail: String },
    #[error(
        "{path}: not a format Chiso imports ({detail}). Chiso reads its long CSV, World Bank \
         CSV, Excel and API JSON, UNDP HDR, Our World in Data, GSO PX-Web, SDMX-CSV and WHO \
         GHO files"
    )]
    UnknownFormat { path: String, detail: String },
    #[error("{0}")]
    Problem(Problem),
    /// The sink asked to stop; its own error, boxed.
    #[error("{0}")]
    Stopped(Box<dyn std::error::Error + Send + Sync>),
}

impl ReadError {
    /// The sink's own error, to hand back to its owner.
    pub fn stopped(error: impl std::error::Error + Send + Sync + 'static) -> ReadError {
        ReadError::Stopped(Box::new(error))
    }

    /// The sink's error of type `E` when the read stopped for it; any other error as it is.
    pub fn into_stop<E: std::error::Error + 'static>(self) -> Result<E, ReadError> {
        match self {
            ReadError::Stopped(boxed) => match boxed.downcast::<E>() {
                Ok(e) => Ok(*e),
                Err(other) => Err(ReadError::Stopped(other)),
            },
            other => Err(other),
        }
    }

    /// A whole file refused for `reason`, named as a report names it.
    pub fn refusal(path: &Path, reason: Reason) -> ReadError {
        ReadError::Problem(Problem {
            file: display_name(path),
            line: 1,
            column: None,
            raw: String::new(),
            reason,
        })
    }

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
            ReadError::Unreadable { detail, .. } => Reason::Said(detail),
            ReadError::UnknownFormat { detail, .. } => Reason::UnknownFormat(detail),
            ReadError::Stopped(why) => Reason::Said(why.to_string()),
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

/// The readers of files, as the store's import is given them: it tells a file's format and
/// reads it into a sink, and the store never names a reader.
pub trait FileReader {
    /// A format this reader knows.
    type Format: Copy;
    /// The format of `path`, told from its content.
    fn detect(&self, path: &Path) -> Result<Self::Format, ReadError>;
    /// The format's name, for reports ("World Bank WDI CSV").
    fn name(&self, format: Self::Format) -> &'static str;
    /// Whether `format` is Chiso's own long CSV, whose rows name codes of a Chiso database:
    /// all its areas and indicators are taken unless the user chose otherwise.
    fn is_own_format(&self, format: Self::Format) -> bool;
    /// Reads `path`, known to be in `format`, into `sink`. Errors that make the whole file
    /// unreadable are returned; problems with rows go to the sink.
    fn read<S: Sink + ?Sized>(
        &self,
        path: &Path,
        format: Self::Format,
        sink: &mut S,
    ) -> Result<(), ReadError>;
}

/// A file name for messages: the name alone, which is what a person recognises.
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// One figure as the file gives it, with codes not yet matched to the database.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureRecord {
    pub line: u64,
    pub indicator: String,
    pub area: String,
    pub subgroup: String,
    pub period: Period,
    pub value: f64,
    pub status: Status,
    pub qualifier: Qualifier,
    pub footnote: String,
    pub source: String,
}

/// The columns of Chiso's long CSV, in the order `export::long_csv` writes them; a reader
/// needs only the first nine (the figure), the rest describe its codes.
pub const LONG_CSV_COLUMNS: &[&str] = &[
    "indicator",
    "area",
    "subgroup",
    "period",
    "value",
    "status",
    "qualifier",
    "footnote",
    "source",
    "indicator_name",
    "unit",
    "unit_symbol",
    "decimals",
    "direction",
    "area_name",
    "subgroup_name",
    "source_name",
    "source_publisher",
    "source_title",
    "source_edition",
    "source_published",
    "source_url",
    "source_citation",
    "source_licence",
];
