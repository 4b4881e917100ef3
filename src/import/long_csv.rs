//! Chiso's long CSV: one figure per row. Read here, and written by [`Writer`].
//!
//! Columns, by name, in any order: `indicator, area, subgroup, period, value, status,
//! qualifier, footnote, source` (`year` may stand for `period`). Codes name the indicator,
//! area, subgroup and source; `period` is a year (`2023`) or a range (`2021-2025`); `status`
//! and `qualifier` are the stored words (empty means normal and exact). Lines starting with `#`
//! are comments. Values use a decimal point and no thousands separators.
//!
//! Optional columns describe what the codes stand for, so that a file can fill an empty
//! database: `indicator_name, unit, unit_symbol, decimals, direction, area_name,
//! subgroup_name, source_name, source_publisher, source_title, source_edition,
//! source_published, source_url, source_citation, source_licence`.

use std::io::{Read, Write};
use std::path::Path;

use super::text::{self, Cell, Encoding};
use super::{IndicatorDraft, Problem, RawFigure, ReadError, Sink, SourceDraft, Stop, display_name};
use crate::model::{Period, Qualifier, Status};

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

const REQUIRED: &[&str] = &["indicator", "area", "subgroup", "value", "source"];

/// Every column the writer writes, in order.
pub const COLUMNS: &[&str] = &[
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

/// Reads a file into `sink`.
pub fn read(path: &Path, sink: &mut dyn Sink) -> Result<(), ReadError> {
    let head = text::head_of(path).map_err(|e| ReadError::io(path, e))?;
    let file = std::fs::File::open(path).map_err(|e| ReadError::io(path, e))?;
    // Chiso's CSV is documented as UTF-8: bytes that are not are reported, not guessed at,
    // unless the file as a whole is plainly Windows-1252.
    let encoding = match text::sniff_encoding(&head) {
        Encoding::Utf8OrWindows1252 => Encoding::Utf8,
        other => other,
    };
    read_from(
        &display_name(path),
        std::io::BufReader::with_capacity(1 << 16, file),
        encoding,
        sink,
    )
}

/// Reads CSV text from `input`; `file` names it in problems.
pub fn read_from(
    file: &str,
    input: impl Read,
    encoding: Encoding,
    sink: &mut dyn Sink,
) -> Result<(), ReadError> {
    let problem = |line: u64, column: Option<&str>, raw: &str, reason: String| Problem {
        file: file.to_owned(),
        line,
        column: column.map(str::to_owned),
        raw: raw.to_owned(),
        reason,
    };
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(true)
        .has_headers(false)
        .from_reader(input);
    let mut record = csv::ByteRecord::new();
    // The header: the first row that is not a comment.
    let header: Vec<String> = match reader.read_byte_record(&mut record) {
        Ok(true) => record
            .iter()
            .map(|b| {
                text::decode(b, encoding)
                    .unwrap_or_else(|l| l)
                    .trim()
                    .to_ascii_lowercase()
            })
            .collect(),
        Ok(false) => {
            return Err(ReadError::Problem(problem(
                1,
                None,
                "",
                "the file has no header row".into(),
            )));
        }
        Err(e) => {
            return Err(ReadError::Problem(problem(
                1,
                None,
                "",
                format!("not valid CSV: {e}"),
            )));
        }
    };
    let index = |name: &str| header.iter().position(|h| h == name);
    for name in REQUIRED {
        if index(name).is_none() {
            let reason = format!(
                "no `{name}` column; the header must name {}",
                REQUIRED.join(", ")
            );
            return Err(ReadError::Problem(problem(1, None, "", reason)));
        }
    }
    let (period_index, period_name) = index("period")
        .map(|i| (i, "period"))
        .or_else(|| index("year").map(|i| (i, "year")))
        .ok_or_else(|| {
            ReadError::Problem(problem(
                1,
                None,
                "",
                "no `period` (or `year`) column".into(),
            ))
        })?;
    let columns: Vec<Option<usize>> = COLUMNS.iter().map(|c| index(c)).collect();
    let col = |name: &str| {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|i| columns[i])
    };
    let mut indicators_sent: Vec<String> = Vec::new();

    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                sink.problem(problem(line, None, "", format!("not valid CSV: {e}")));
                break;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if line.is_multiple_of(1024) {
            sink.progress(record.position().map_or(0, |p| p.byte()))?;
        }
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let mut bad_text: Option<&str> = None;
        let mut cell = |i: Option<usize>, name: &'static str| -> String {
            let bytes = i.and_then(|i| record.get(i)).unwrap_or(b"");
            match text::decode(bytes, encoding) {
                Ok(t) => t.trim().to_owned(),
                Err(lossy) => {
                    bad_text.get_or_insert(name);
                    lossy.trim().to_owned()
                }
            }
        };
        let raw_period = cell(Some(period_index), "period");
        let raw_value = cell(col("value"), "value");
        let raw_status = cell(col("status"), "status");
        let raw_qualifier = cell(col("qualifier"), "qualifier");
        // The writer defuses formulas with a leading apostrophe: take it off again.
        let fields: Vec<String> = COLUMNS
            .iter()
            .map(|c| {
                let text = cell(col(c), "text");
                match text.strip_prefix('\'') {
                    Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => {
                        rest.to_owned()
                    }
                    _ => text,
                }
            })
            .collect();
        let get = |name: &str| {
            COLUMNS
                .iter()
                .position(|c| *c == name)
                .map_or("", |i| fields[i].as_str())
        };
        if let Some(column) = bad_text {
            sink.problem(problem(
                line,
                Some(column),
                "",
                "not valid UTF-8 text: save the file as UTF-8".into(),
            ));
            continue;
        }
        let Some(period) = Period::parse(&raw_period) else {
            sink.problem(problem(
                line,
                Some(period_name),
                &raw_period,
                "not a year (2023) or a range of years (2021-2025)".into(),
            ));
            continue;
        };
        let value = match text::value_of(&raw_value) {
            Cell::Number(v) => v,
            Cell::Missing => {
                sink.missing();
                continue;
            }
            Cell::NotANumber => {
                sink.problem(problem(
                    line,
                    Some("value"),
                    &raw_value,
                    "not a number".into(),
                ));
                continue;
            }
        };
        let status = if raw_status.is_empty() {
            Status::Normal
        } else if let Some(s) = Status::from_word(&raw_status.to_ascii_lowercase()) {
            s
        } else {
            let words: Vec<_> = Status::ALL.iter().map(|s| s.as_str()).collect();
            sink.problem(problem(
                line,
                Some("status"),
                &raw_status,
                format!("unknown status; use one of {}", words.join(", ")),
            ));
            continue;
        };
        let Some(qualifier) = Qualifier::from_word(&raw_qualifier.to_ascii_lowercase()) else {
            let words: Vec<_> = Qualifier::ALL[1..].iter().map(|q| q.as_str()).collect();
            sink.problem(problem(
                line,
                Some("qualifier"),
                &raw_qualifier,
                format!(
                    "unknown qualifier; leave it empty or use {}",
                    words.join(", ")
                ),
            ));
            continue;
        };
        if let Some(empty) = ["indicator", "area", "subgroup", "source"]
            .into_iter()
            .find(|c| get(c).is_empty())
        {
            sink.problem(problem(
                line,
                Some(empty),
                "",
                "empty: a code is needed".into(),
            ));
            continue;
        }
        let indicator = get("indicator").to_owned();
        if !indicators_sent.contains(&indicator) {
            sink.indicator(IndicatorDraft {
                key: indicator.clone(),
                name: Some(get("indicator_name"))
                    .filter(|n| !n.is_empty())
                    .unwrap_or(&indicator)
                    .to_owned(),
                unit: get("unit").to_owned(),
                unit_symbol: get("unit_symbol").to_owned(),
                decimals: get("decimals").parse().ok(),
                direction: Some(get("direction").to_owned()).filter(|d| !d.is_empty()),
            });
            indicators_sent.push(indicator.clone());
        }
        let source = SourceDraft {
            code: get("source").to_owned(),
            short_name: get("source_name").to_owned(),
            publisher: get("source_publisher").to_owned(),
            title: get("source_title").to_owned(),
            edition: get("source_edition").to_owned(),
            published: get("source_published").to_owned(),
            url: get("source_url").to_owned(),
            citation: get("source_citation").to_owned(),
            licence: get("source_licence").to_owned(),
            file_sha256: String::new(),
        };
        sink.figure(RawFigure {
            line,
            column: "value".into(),
            indicator,
            area: get("area").to_owned(),
            area_name: get("area_name").to_owned(),
            subgroup: get("subgroup").to_owned(),
            subgroup_name: get("subgroup_name").to_owned(),
            period,
            value,
            status,
            qualifier,
            footnote: get("footnote").to_owned(),
            source: Some(source),
        })?;
    }
    Ok(())
}

/// Collects records; the first problem ends the reading.
struct Collect {
    records: Vec<FigureRecord>,
    problem: Option<Problem>,
}

impl Sink for Collect {
    fn source(&mut self, _: SourceDraft) {}
    fn indicator(&mut self, _: IndicatorDraft) {}
    fn aggregate(&mut self, _: &str) {}
    fn figure(&mut self, f: RawFigure) -> Result<(), Stop> {
        self.records.push(FigureRecord {
            line: f.line,
            indicator: f.indicator,
            area: f.area,
            subgroup: f.subgroup,
            period: f.period,
            value: f.value,
            status: f.status,
            qualifier: f.qualifier,
            footnote: f.footnote,
            source: f.source.map(|s| s.code).unwrap_or_default(),
        });
        Ok(())
    }
    fn problem(&mut self, problem: Problem) {
        self.problem.get_or_insert(problem);
    }
    fn missing(&mut self) {
        self.problem.get_or_insert(Problem {
            file: String::new(),
            line: 0,
            column: Some("value".into()),
            raw: String::new(),
            reason: "a value is missing".into(),
        });
    }
}

/// Reads every row of `text`, a file that must be free of problems (the sample's fixtures).
pub fn parse(file: &str, text: &str) -> Result<Vec<FigureRecord>, Problem> {
    let mut sink = Collect {
        records: Vec::new(),
        problem: None,
    };
    match read_from(file, text.as_bytes(), Encoding::Utf8, &mut sink) {
        Ok(()) => {}
        Err(ReadError::Problem(p)) => return Err(p),
        Err(e) => {
            return Err(Problem {
                file: file.to_owned(),
                line: 0,
                column: None,
                raw: String::new(),
                reason: e.to_string(),
            });
        }
    }
    match sink.problem {
        Some(mut p) => {
            p.file = file.to_owned();
            Err(p)
        }
        None => Ok(sink.records),
    }
}

/// Writes Chiso's long CSV with every column of [`COLUMNS`].
pub struct Writer<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W) -> std::io::Result<Writer<W>> {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(COLUMNS)?;
        Ok(Writer { csv })
    }

    /// Writes one row, in [`COLUMNS`] order. Text that a spreadsheet would run as a formula
    /// gets a leading apostrophe; the value is written as a number at full precision.
    pub fn row(&mut self, cells: &[&str; 24], value_index_is_number: bool) -> std::io::Result<()> {
        let safe: Vec<std::borrow::Cow<str>> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 4 && value_index_is_number {
                    std::borrow::Cow::Borrowed(*c)
                } else {
                    spreadsheet_safe(c)
                }
            })
            .collect();
        self.csv.write_record(safe.iter().map(|c| c.as_bytes()))?;
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<W> {
        self.csv.flush()?;
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// Text that a spreadsheet would run as a formula gets a leading apostrophe, which
/// spreadsheets show as plain text; the reader takes it off again.
pub fn spreadsheet_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "indicator,area,subgroup,period,value,status,qualifier,footnote,source\n";

    #[test]
    fn reads_rows_with_flags_and_multi_year_periods() {
        let text = format!(
            "# a comment\n{HEADER}U5MR,VNM,T,2024,16.9,,,\"said \"\"16.9‰\"\"\",NEWS\n\
             MPI_RATE,VNM,EM,2021-2025,11,provisional,about,,NEWS\n"
        );
        let rows = parse("t.csv", &text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].value, 16.9);
        assert_eq!(rows[0].footnote, "said \"16.9‰\"");
        assert_eq!(rows[1].period.label, "2021–2025");
        assert_eq!(rows[1].period.year, 2025);
        assert_eq!(rows[1].status, Status::Provisional);
        assert_eq!(rows[1].qualifier, Qualifier::About);
    }

    #[test]
    fn problems_name_line_column_and_value() {
        let text =
            format!("{HEADER}U5MR,VNM,T,2024,16.9,,,,NEWS\nU5MR,VNM,T,2023,n/a-ish,,,,NEWS\n");
        let p = parse("t.csv", &text).unwrap_err();
        assert_eq!(
            (p.line, p.column.as_deref(), p.raw.as_str()),
            (3, Some("value"), "n/a-ish")
        );
        assert_eq!(
            p.to_string(),
            "t.csv, line 3, column value, value \"n/a-ish\": not a number"
        );

        let text = format!("{HEADER}U5MR,VNM,T,2024,inf,,,,NEWS\n");
        assert_eq!(
            parse("t.csv", &text).unwrap_err().column.as_deref(),
            Some("value")
        );
        let text = format!("{HEADER}U5MR,VNM,T,24,1,,,,NEWS\n");
        assert_eq!(
            parse("t.csv", &text).unwrap_err().column.as_deref(),
            Some("period")
        );
        let text = format!("{HEADER}U5MR,VNM,T,2024,1,final,,,NEWS\n");
        assert_eq!(
            parse("t.csv", &text).unwrap_err().column.as_deref(),
            Some("status")
        );
        let text = "indicator,area,value\n";
        assert!(
            parse("t.csv", text)
                .unwrap_err()
                .reason
                .contains("subgroup")
        );
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(spreadsheet_safe("=1+1"), "'=1+1");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("Hà Giang"), "Hà Giang");
    }
}
