//! Chiso's long CSV: one figure per row. Read here, and written by `export::long_csv`.
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

use std::io::Read;
use std::path::Path;

use super::text::{self, Cell, Encoding};
use super::{
    FigureRecord, IndicatorDraft, Problem, RawFigure, ReadError, Sink, SourceDraft, display_name,
};
use crate::model::draft::LONG_CSV_COLUMNS as COLUMNS;
use crate::model::draft::Reason;
use crate::model::{Period, Qualifier, Status};

const REQUIRED: &[&str] = &["indicator", "area", "subgroup", "value", "source"];

/// The longest text, in characters, each column may hold: what the schema allows for codes,
/// names and symbols, and a bound for the free text (a footnote, a citation).
const LIMITS: &[(&str, usize)] = &[
    ("indicator", 64),
    ("area", 64),
    ("subgroup", 64),
    ("source", 64),
    ("indicator_name", 500),
    ("unit", 200),
    ("unit_symbol", 32),
    ("area_name", 200),
    ("subgroup_name", 200),
    ("source_name", 200),
    ("footnote", 10_000),
    ("source_publisher", 10_000),
    ("source_title", 10_000),
    ("source_edition", 10_000),
    ("source_published", 10_000),
    ("source_url", 10_000),
    ("source_citation", 10_000),
    ("source_licence", 10_000),
];

/// Reads a file into `sink`.
pub fn read<S: Sink + ?Sized>(path: &Path, sink: &mut S) -> Result<(), ReadError> {
    let head = text::head_of(path).map_err(|e| ReadError::io(path, e))?;
    let file = std::fs::File::open(path).map_err(|e| ReadError::io(path, e))?;
    // Chiso's CSV is documented as UTF-8: bytes that are not are reported, not guessed at,
    // unless the file as a whole is plainly Windows-1252.
    let encoding = match text::sniff_encoding(&head) {
        Encoding::Utf8OrWindows1252 => Encoding::Utf8,
        other => other,
    };
    read_lines(
        &display_name(path),
        std::io::BufReader::with_capacity(1 << 16, file),
        (encoding, text::crlf(&head)),
        sink,
    )
}

/// Reads CSV text from `input`; `file` names it in problems.
pub fn read_from<S: Sink + ?Sized>(
    file: &str,
    input: impl Read,
    encoding: Encoding,
    sink: &mut S,
) -> Result<(), ReadError> {
    read_lines(file, input, (encoding, false), sink)
}

/// [`read_from`], told whether the text's lines end in CR LF (to number them right).
fn read_lines<S: Sink + ?Sized>(
    file: &str,
    input: impl Read,
    (encoding, crlf): (Encoding, bool),
    sink: &mut S,
) -> Result<(), ReadError> {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(true)
        .has_headers(false)
        .from_reader(input);
    let mut record = csv::ByteRecord::new();
    let layout = read_header(file, &mut reader, &mut record, encoding)?;
    let mut seen = Seen::default();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                sink.problem(problem(file, line, None, "", Reason::BadCsv(e.to_string())));
                break;
            }
        }
        let line = text::line_of(&record, crlf, Some(reader.position().line()));
        if line.is_multiple_of(1024) {
            sink.progress(record.position().map_or(0, |p| p.byte()))
                .map_err(ReadError::stopped)?;
        }
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        let row = Row {
            file,
            line,
            record: &record,
            encoding,
            layout: &layout,
        };
        match row.figure(&mut seen, sink) {
            Ok(figure) => sink.figure(figure).map_err(ReadError::stopped)?,
            Err(Some(problem)) => sink.problem(problem),
            Err(None) => sink.missing(),
        }
    }
    Ok(())
}

fn problem(file: &str, line: u64, column: Option<&str>, raw: &str, reason: Reason) -> Problem {
    Problem {
        file: file.to_owned(),
        line,
        column: column.map(str::to_owned),
        raw: raw.to_owned(),
        reason,
    }
}

/// Where the header puts each column.
struct Layout {
    /// How many cells the header has.
    width: usize,
    /// The position of each of [`COLUMNS`], when the file has it.
    columns: Vec<Option<usize>>,
    /// The column the period is read from (`period`, or `year`), and where it is.
    period: (&'static str, usize),
    /// The columns without which a row means nothing, with where they are.
    needed: Vec<(&'static str, usize)>,
}

impl Layout {
    fn col(&self, name: &str) -> Option<usize> {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|i| self.columns[i])
    }
}

/// The header, the first row that is not a comment: every required column once.
fn read_header<R: Read>(
    file: &str,
    reader: &mut csv::Reader<R>,
    record: &mut csv::ByteRecord,
    encoding: Encoding,
) -> Result<Layout, ReadError> {
    let refuse = |reason: Reason| ReadError::Problem(problem(file, 1, None, "", reason));
    let header: Vec<String> = match reader.read_byte_record(record) {
        Ok(true) => record
            .iter()
            .map(|b| {
                text::decode(b, encoding)
                    .unwrap_or_else(|l| l)
                    .trim()
                    .to_ascii_lowercase()
            })
            .collect(),
        Ok(false) => return Err(refuse(Reason::NoHeader)),
        Err(e) => return Err(refuse(Reason::BadCsv(e.to_string()))),
    };
    let index = |name: &str| header.iter().position(|h| h == name);
    if let Some(twice) = COLUMNS
        .iter()
        .chain(&["year"])
        .find(|c| header.iter().filter(|h| h == c).count() > 1)
    {
        return Err(refuse(Reason::ColumnTwice((*twice).to_owned())));
    }
    for name in REQUIRED {
        if index(name).is_none() {
            return Err(refuse(Reason::NoColumn {
                column: (*name).into(),
                required: REQUIRED.join(", ").into(),
            }));
        }
    }
    let (period_index, period_name) = index("period")
        .map(|i| (i, "period"))
        .or_else(|| index("year").map(|i| (i, "year")))
        .ok_or_else(|| refuse(Reason::NoPeriodColumn))?;
    let needed = REQUIRED
        .iter()
        .filter_map(|name| Some((*name, index(name)?)))
        .chain([(period_name, period_index)])
        .collect();
    Ok(Layout {
        width: header.len(),
        columns: COLUMNS.iter().map(|c| index(c)).collect(),
        period: (period_name, period_index),
        needed,
    })
}

/// One data row of the file.
struct Row<'a> {
    file: &'a str,
    line: u64,
    record: &'a csv::ByteRecord,
    encoding: Encoding,
    layout: &'a Layout,
}

/// The cells every row needs, decoded.
struct Core {
    indicator: String,
    area: String,
    subgroup: String,
    source: String,
    footnote: String,
    value: String,
    status: String,
    qualifier: String,
    period: String,
}

impl Row<'_> {
    fn problem(&self, column: &str, raw: &str, reason: Reason) -> Option<Problem> {
        Some(problem(self.file, self.line, Some(column), raw, reason))
    }

    /// The row's figure, with the names of codes seen for the first time; `Err(Some)` a
    /// problem of the row, `Err(None)` a missing value.
    fn figure(
        &self,
        seen: &mut Seen,
        sink: &mut (impl Sink + ?Sized),
    ) -> Result<RawFigure, Option<Problem>> {
        self.check_shape()?;
        let core = self.core()?;
        let (period_name, _) = self.layout.period;
        let Some(period) = Period::parse(&core.period) else {
            return Err(self.problem(period_name, &core.period, Reason::NotAPeriod));
        };
        let value = match text::value_of(&core.value) {
            Cell::Number(v) => v,
            Cell::Missing => return Err(None),
            Cell::NotANumber => {
                return Err(self.problem("value", &core.value, text::not_a_number(&core.value)));
            }
        };
        let (status, qualifier) = self.flags(&core)?;
        self.check_codes(&core)?;
        self.describe_codes(&core, seen, sink);
        let source = if seen.sources.insert(core.source.clone()) {
            SourceDraft {
                code: core.source,
                short_name: self.lossy("source_name"),
                publisher: self.lossy("source_publisher"),
                title: self.lossy("source_title"),
                edition: self.lossy("source_edition"),
                published: self.lossy("source_published"),
                url: self.lossy("source_url"),
                citation: self.lossy("source_citation"),
                licence: self.lossy("source_licence"),
                file_sha256: String::new(),
                language: None,
            }
        } else {
            SourceDraft {
                code: core.source,
                ..Default::default()
            }
        };
        let area_name = if seen.areas.insert(core.area.clone()) {
            self.lossy("area_name")
        } else {
            String::new()
        };
        let subgroup_name = if seen.subgroups.insert(core.subgroup.clone()) {
            self.lossy("subgroup_name")
        } else {
            String::new()
        };
        Ok(RawFigure {
            line: self.line,
            column: "value".into(),
            indicator: core.indicator,
            area: core.area,
            area_name,
            subgroup: core.subgroup,
            subgroup_name,
            period,
            value,
            status,
            qualifier,
            footnote: core.footnote,
            source: Some(source),
            area_by_name: false,
        })
    }

    /// A row that ends before a needed column, or a cell longer than a Chiso file keeps.
    fn check_shape(&self) -> Result<(), Option<Problem>> {
        let record = self.record;
        if let Some(name) = self
            .layout
            .needed
            .iter()
            .find(|(_, i)| *i >= record.len())
            .map(|(name, _)| *name)
        {
            return Err(self.problem(
                name,
                "",
                Reason::ShortRow {
                    cells: record.len(),
                    header: self.layout.width,
                },
            ));
        }
        // Cells past the header's end: the row does not line up with the header (a decimal
        // comma splits `16,9` into two cells and shifts the rest), so none of it is taken.
        let width = self.layout.width;
        let values = self.layout.col("value").unwrap_or(0);
        if let Some((count, split)) = text::past_header(record, width, values) {
            let first = record
                .iter()
                .skip(width)
                .find(|c| !c.trim_ascii().is_empty())
                .map(String::from_utf8_lossy)
                .unwrap_or_default();
            let raw = split.clone().unwrap_or_else(|| first.trim().to_owned());
            let column = format!("column {}", width + 1);
            return Err(self.problem(&column, &raw, Reason::PastHeader { count, split }));
        }
        // Bytes are counted first (never fewer than the characters), so that only a long
        // cell is decoded.
        if let Some((name, limit, chars)) = LIMITS.iter().find_map(|(name, limit)| {
            let bytes = self.layout.col(name).and_then(|i| record.get(i))?;
            if bytes.len() <= *limit {
                return None;
            }
            let chars = String::from_utf8_lossy(bytes).chars().count();
            (chars > *limit).then_some((*name, *limit, chars))
        }) {
            return Err(self.problem(name, "", Reason::TooLong { chars, limit }));
        }
        Ok(())
    }

    /// A cell's text, trimmed, with the apostrophe the writer puts before formulas taken
    /// off; the lossy text when it is not valid in the file's encoding.
    fn field(&self, name: &str) -> Result<String, String> {
        let bytes = self
            .layout
            .col(name)
            .and_then(|i| self.record.get(i))
            .unwrap_or(b"");
        let text = text::decode(bytes, self.encoding)?;
        // A footnote is given back as it was written, spaces and all; codes and names are
        // trimmed.
        let text = if name == "footnote" && !text.trim().is_empty() {
            text.as_str()
        } else {
            text.trim()
        };
        Ok(match text.strip_prefix('\'') {
            Some(rest) if crate::text::needs_apostrophe(rest) => rest.to_owned(),
            _ => text.to_owned(),
        })
    }

    fn lossy(&self, name: &str) -> String {
        self.field(name).unwrap_or_else(|l| l)
    }

    /// Only the columns every row needs are decoded on every row; names and descriptions
    /// are read the first time a code appears.
    fn core(&self) -> Result<Core, Option<Problem>> {
        let mut bad_text = None;
        let mut field = |name: &'static str| match self.field(name) {
            Ok(t) => t,
            Err(lossy) => {
                bad_text.get_or_insert(name);
                lossy
            }
        };
        let (indicator, area, subgroup, source) = (
            field("indicator"),
            field("area"),
            field("subgroup"),
            field("source"),
        );
        let (footnote, value, status, qualifier) = (
            field("footnote"),
            field("value"),
            field("status"),
            field("qualifier"),
        );
        let (period_name, period_index) = self.layout.period;
        let period = match text::decode(self.record.get(period_index).unwrap_or(b""), self.encoding)
        {
            Ok(t) => t.trim().to_owned(),
            Err(l) => {
                bad_text.get_or_insert(period_name);
                l
            }
        };
        if let Some(column) = bad_text {
            // The cell as far as it is UTF-8, the stray byte shown as U+FFFD and named.
            let bytes = match self.layout.col(column) {
                Some(i) => self.record.get(i).unwrap_or(b""),
                None => self.record.get(period_index).unwrap_or(b""),
            };
            let raw = String::from_utf8_lossy(bytes).trim().to_owned();
            let reason = match text::first_stray_byte(bytes) {
                Some(byte) => Reason::StrayByte { byte },
                None => Reason::NotUtf8,
            };
            return Err(self.problem(column, &raw, reason));
        }
        Ok(Core {
            indicator,
            area,
            subgroup,
            source,
            footnote,
            value,
            status,
            qualifier,
            period,
        })
    }

    fn flags(&self, core: &Core) -> Result<(Status, Qualifier), Option<Problem>> {
        let status = if core.status.is_empty() {
            Status::Normal
        } else if let Some(s) = Status::from_word(&core.status.to_ascii_lowercase()) {
            s
        } else {
            let words: Vec<_> = Status::ALL.iter().map(|s| s.as_str()).collect();
            return Err(self.problem(
                "status",
                &core.status,
                Reason::UnknownStatus(words.join(", ")),
            ));
        };
        let Some(qualifier) = Qualifier::from_word(&core.qualifier.to_ascii_lowercase()) else {
            let words: Vec<_> = Qualifier::ALL[1..].iter().map(|q| q.as_str()).collect();
            return Err(self.problem(
                "qualifier",
                &core.qualifier,
                Reason::UnknownQualifier(words.join(", ")),
            ));
        };
        Ok((status, qualifier))
    }

    /// Every code present, and none holding a character that cannot be seen.
    fn check_codes(&self, core: &Core) -> Result<(), Option<Problem>> {
        let codes = [
            ("indicator", &core.indicator),
            ("area", &core.area),
            ("subgroup", &core.subgroup),
            ("source", &core.source),
        ];
        if let Some((empty, _)) = codes.iter().find(|(_, c)| c.is_empty()) {
            return Err(self.problem(empty, "", Reason::NoCode));
        }
        if let Some((column, code)) = codes
            .iter()
            .find(|(_, c)| c.chars().any(crate::text::is_hidden))
        {
            return Err(self.problem(column, code, Reason::HiddenCharacter));
        }
        // Names are shown in lists, charts and terminals: an escape sequence in one could
        // recolour or rewrite a terminal's screen, a newline break a list. (Footnotes and
        // citations may hold line breaks.)
        for column in NAMES {
            let name = self.lossy(column);
            if name.chars().any(crate::text::is_hidden) {
                return Err(self.problem(column, &name, Reason::HiddenInName));
            }
        }
        Ok(())
    }

    /// An indicator seen for the first time is described to the sink, before its figure.
    fn describe_codes(&self, core: &Core, seen: &mut Seen, sink: &mut (impl Sink + ?Sized)) {
        if seen.indicators.insert(core.indicator.clone()) {
            let name = self.lossy("indicator_name");
            sink.indicator(IndicatorDraft {
                key: core.indicator.clone(),
                name: if name.is_empty() {
                    core.indicator.clone()
                } else {
                    name
                },
                unit: self.lossy("unit"),
                unit_symbol: self.lossy("unit_symbol"),
                decimals: self.lossy("decimals").parse().ok(),
                direction: Some(self.lossy("direction")).filter(|d| !d.is_empty()),
                unit_assumed: false,
            });
        }
    }
}

/// The columns of names and symbols, checked like codes.
const NAMES: [&str; 6] = [
    "indicator_name",
    "unit",
    "unit_symbol",
    "area_name",
    "subgroup_name",
    "source_name",
];

/// Codes already described to the sink: their names are read once.
#[derive(Default)]
struct Seen {
    indicators: std::collections::HashSet<String>,
    areas: std::collections::HashSet<String>,
    subgroups: std::collections::HashSet<String>,
    sources: std::collections::HashSet<String>,
}

/// Collects records; the first problem ends the reading.
struct Collect {
    records: Vec<FigureRecord>,
    problem: Option<Problem>,
}

impl Sink for Collect {
    /// Collecting never fails.
    type Error = std::convert::Infallible;

    fn source(&mut self, _: SourceDraft) {}
    fn indicator(&mut self, _: IndicatorDraft) {}
    fn aggregate(&mut self, _: &str) {}
    fn figure(&mut self, f: RawFigure) -> Result<(), Self::Error> {
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
            reason: Reason::MissingValue,
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
                reason: Reason::Said(e.to_string()),
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
                .to_string()
                .contains("subgroup")
        );
    }
}
