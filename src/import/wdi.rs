//! World Bank World Development Indicators bulk CSV (`API_<code>_DS2_en_csv_v2_<n>.csv`).
//!
//! What these files hold: optional preamble lines (`"Data Source",…`, `"Last Updated Date",…`),
//! then `Country Name, Country Code, Indicator Name, Indicator Code, 1960, …`; every field
//! quoted, a trailing comma on every line, `""` for missing, a BOM in newer downloads, CRLF.
//! Countries and aggregates (WLD, AFE…) are mixed: the `Metadata_Country_…` file beside the
//! data file, when present, tells them apart (its Region is empty for aggregates).

use std::path::{Path, PathBuf};

use super::text::{self, Encoding};
use super::{
    IndicatorDraft, Problem, RawFigure, ReadError, Reason, Sink, SourceDraft, display_name,
};

pub fn read<S: Sink + ?Sized>(path: &Path, sha256: &str, sink: &mut S) -> Result<(), ReadError> {
    let file = display_name(path);
    let head = text::head_of(path).map_err(|e| ReadError::io(path, e))?;
    let encoding = text::sniff_encoding(&head);
    let crlf = text::crlf(&head);
    if let Some(metadata) = country_metadata_beside(path) {
        read_aggregates(&metadata, sink);
    }
    // The World Bank names a download of one indicator `API_<code>_DS2_…`.
    if file.starts_with("API_") && file.contains("_DS2_") {
        sink.single_indicator();
    }
    let mut reader = text::csv_reader(path).map_err(|e| ReadError::io(path, e))?;
    let mut database = String::from("World Development Indicators");
    let mut updated = String::new();
    let mut header: Option<Header> = None;
    let mut source_sent = false;
    let mut indicators_sent: Vec<String> = Vec::new();
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                sink.problem(Problem::bad_csv(&file, &e));
                break;
            }
        }
        let line = text::line_of(&record, crlf, Some(reader.position().line()));
        let cell = |i: usize| text::field(&record, i, encoding);
        if line.is_multiple_of(64) {
            sink.progress(record.position().map_or(0, |p| p.byte()))
                .map_err(ReadError::stopped)?;
        }
        let Some(h) = &header else {
            match cell(0).as_str() {
                "Data Source" => database = cell(1),
                "Last Updated Date" => updated = cell(1),
                "Country Name" => header = Some(Header::from(&record, encoding)),
                _ => {}
            }
            continue;
        };
        let code = cell(h.country_code);
        let indicator_code = cell(h.indicator_code);
        if code.is_empty() || indicator_code.is_empty() {
            // Footer lines ("Data from database: …", "Last Updated: …") and blank lines.
            continue;
        }
        let indicator_name = cell(h.indicator_name);
        if !source_sent {
            sink.source(source(
                &database,
                &updated,
                &indicator_name,
                &indicator_code,
                sha256,
            ));
            source_sent = true;
        }
        if !indicators_sent.contains(&indicator_code) {
            sink.indicator(IndicatorDraft {
                key: indicator_code.clone(),
                unit: text::unit_in_name(&indicator_name),
                name: indicator_name,
                ..Default::default()
            });
            indicators_sent.push(indicator_code.clone());
        }
        // Cells past the header's end: a decimal comma (`16,9`) split a value and shifted the
        // years after it, so no figure of the row is where the header says.
        let values = h.years.first().map_or(0, |(i, _)| *i);
        if let Some((count, split)) = text::past_header(&record, h.width, values) {
            let raw = split.clone().unwrap_or_default();
            let problem = Problem {
                file: file.clone(),
                line,
                column: Some(format!("column {}", h.width + 1)),
                raw,
                reason: Reason::PastHeader { count, split },
            };
            text::bad(sink, Some(&indicator_code), &code, problem);
            continue;
        }
        let country_name = cell(h.country_name);
        // The years are in the header's order: those past a short row's end are missing.
        let present = h.years.partition_point(|(i, _)| *i < record.len());
        sink.missing_many((h.years.len() - present) as u64);
        for (i, year) in &h.years[..present] {
            let raw_bytes = record.get(*i).unwrap_or(b"");
            let raw = String::from_utf8_lossy(raw_bytes);
            let column = year.to_string();
            let here = text::At {
                file: &file,
                line,
                column: &column,
                indicator: Some(&indicator_code),
                area: &code,
            };
            let Some(value) = here.number(sink, &raw) else {
                continue;
            };
            sink.figure(RawFigure::total(
                line,
                column,
                indicator_code.clone(),
                code.clone(),
                country_name.clone(),
                *year,
                value,
            ))
            .map_err(ReadError::stopped)?;
        }
    }
    if header.is_none() {
        return Err(ReadError::Problem(Problem {
            file,
            line: 0,
            column: None,
            raw: String::new(),
            reason: Reason::NoWdiHeader,
        }));
    }
    Ok(())
}

struct Header {
    /// How many cells the header has.
    width: usize,
    country_name: usize,
    country_code: usize,
    indicator_name: usize,
    indicator_code: usize,
    years: Vec<(usize, i32)>,
}

impl Header {
    fn from(record: &csv::ByteRecord, encoding: Encoding) -> Header {
        let names: Vec<String> = text::fields(record, encoding);
        let find = |n: &str, default: usize| names.iter().position(|c| c == n).unwrap_or(default);
        Header {
            width: record.len(),
            country_name: find("Country Name", 0),
            country_code: find("Country Code", 1),
            indicator_name: find("Indicator Name", 2),
            indicator_code: find("Indicator Code", 3),
            years: names
                .iter()
                .enumerate()
                .filter_map(|(i, n)| text::year_of(n).map(|y| (i, y)))
                .collect(),
        }
    }
}

fn source(database: &str, updated: &str, name: &str, code: &str, sha256: &str) -> SourceDraft {
    let month = updated.get(..7).unwrap_or("").replace('-', "_");
    SourceDraft {
        code: format!("WB_WDI_{month}").trim_end_matches('_').to_owned(),
        short_name: match updated.get(..7) {
            Some(ym) => format!("World Bank WDI, {}", month_name(ym)),
            None => "World Bank WDI".to_owned(),
        },
        publisher: "World Bank".into(),
        title: format!("{database}: {name}, {code}"),
        edition: if updated.is_empty() {
            "Bulk download".into()
        } else {
            format!("Bulk download, last updated {updated}")
        },
        published: updated.to_owned(),
        url: format!("https://data.worldbank.org/indicator/{code}"),
        citation: format!(
            "World Bank. {database}, {code}. Last updated {}. CC BY 4.0.",
            if updated.is_empty() {
                "unknown"
            } else {
                updated
            }
        ),
        licence: "CC BY 4.0".into(),
        file_sha256: sha256.to_owned(),
        language: None,
    }
}

/// "2024-09" → "Sep 2024".
pub(crate) fn month_name(year_month: &str) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match year_month.split_once('-') {
        Some((y, m)) => match m.parse::<usize>() {
            Ok(m @ 1..=12) => format!("{} {y}", MONTHS[m - 1]),
            _ => year_month.to_owned(),
        },
        None => year_month.to_owned(),
    }
}

/// `Metadata_Country_<data file name>` in the same folder, if it is there.
fn country_metadata_beside(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    let candidate = path.with_file_name(format!("Metadata_Country_{name}"));
    candidate.is_file().then_some(candidate)
}

/// Tells the sink which codes are aggregates: those with an empty Region. The metadata file
/// has multi-line quoted cells, so it is read through the CSV parser, never split on lines.
fn read_aggregates<S: Sink + ?Sized>(path: &Path, sink: &mut S) {
    let Ok(mut reader) = text::csv_reader(path) else {
        return;
    };
    let encoding = text::head_of(path).map_or(Encoding::Utf8, |h| text::sniff_encoding(&h));
    let mut columns: Option<(usize, usize)> = None;
    for record in reader.byte_records().map_while(Result::ok) {
        let cell = |i: usize| text::field(&record, i, encoding);
        match columns {
            None => {
                let names: Vec<String> = (0..record.len()).map(cell).collect();
                let code = names.iter().position(|n| n == "Country Code");
                let region = names.iter().position(|n| n == "Region");
                columns = code.zip(region);
                if columns.is_none() {
                    return;
                }
            }
            Some((code, region)) => {
                if cell(region).is_empty() && !cell(code).is_empty() {
                    sink.aggregate(&cell(code));
                }
            }
        }
    }
}
