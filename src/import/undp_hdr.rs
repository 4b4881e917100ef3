//! UNDP Human Development Report composite indices, wide CSV: one row per country, one column
//! per indicator-year (`hdi_1990` … `hdi_2023`, `le_*`, `gnipc_*`, `hdi_rank_2023` …).
//! Windows-1252 (not UTF-8), CRLF, empty cells for missing values; aggregates have codes like
//! `ZZK.WORLD`. Each edition revises the whole history, so the edition is part of the source.

use std::path::Path;

use super::text;
use super::{
    IndicatorDraft, Problem, RawFigure, ReadError, Reason, Sink, SourceDraft, display_name,
};

/// Names and units of the HDR's indicator keys; others keep their key as name.
const KNOWN: &[(&str, &str, &str)] = &[
    ("hdi", "Human Development Index", "index"),
    ("hdi_rank", "Human Development Index rank", "rank"),
    ("le", "Life expectancy at birth", "years"),
    ("eys", "Expected years of schooling", "years"),
    ("mys", "Mean years of schooling", "years"),
    (
        "gnipc",
        "Gross national income per capita (2021 PPP$)",
        "2021 PPP$",
    ),
    ("gdi", "Gender Development Index", "index"),
    ("gii", "Gender Inequality Index", "index"),
    ("gii_rank", "Gender Inequality Index rank", "rank"),
    (
        "mmr",
        "Maternal mortality ratio (deaths per 100,000 live births)",
        "per 100,000 live births",
    ),
    (
        "abr",
        "Adolescent birth rate (births per 1,000 women ages 15-19)",
        "per 1,000 women ages 15-19",
    ),
    (
        "ihdi",
        "Inequality-adjusted Human Development Index",
        "index",
    ),
    ("coef_ineq", "Coefficient of human inequality", "%"),
    ("loss", "Overall loss in HDI due to inequality", "%"),
    ("phdi", "Planetary pressures-adjusted HDI", "index"),
    (
        "co2_prod",
        "Carbon dioxide emissions per capita (production)",
        "tonnes",
    ),
    ("mf", "Material footprint per capita", "tonnes"),
    ("pop_total", "Population", "millions"),
    ("le_f", "Life expectancy at birth, female", "years"),
    ("le_m", "Life expectancy at birth, male", "years"),
    ("gnipc_f", "GNI per capita, female (2021 PPP$)", "2021 PPP$"),
    ("gnipc_m", "GNI per capita, male (2021 PPP$)", "2021 PPP$"),
    ("pr_f", "Share of seats in parliament held by women", "%"),
    ("pr_m", "Share of seats in parliament held by men", "%"),
    ("lfpr_f", "Labour force participation rate, female", "%"),
    ("lfpr_m", "Labour force participation rate, male", "%"),
];

pub fn read<S: Sink + ?Sized>(path: &Path, sha256: &str, sink: &mut S) -> Result<(), ReadError> {
    let file = display_name(path);
    let (encoding, header, mut records, crlf) = text::header_or_refuse(path)?;
    let find = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(iso3), country) = (find("iso3"), find("country")) else {
        return Err(ReadError::Problem(Problem {
            file,
            line: 1,
            column: Some("iso3".into()),
            raw: String::new(),
            reason: Reason::NoIso3Column,
        }));
    };
    // Columns named <key>_<year>.
    let columns: Vec<(usize, String, i32)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let (key, year) = h.rsplit_once('_')?;
            Some((i, key.to_owned(), text::year_of(year)?))
        })
        .collect();
    let last_year = columns.iter().map(|c| c.2).max().unwrap_or(0);
    sink.source(source(path, last_year, sha256));
    let mut keys: Vec<&str> = columns.iter().map(|c| c.1.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    for key in keys {
        let (name, unit) = KNOWN
            .iter()
            .find(|k| k.0 == key)
            .map_or((key.to_owned(), String::new()), |k| {
                (k.1.to_owned(), k.2.to_owned())
            });
        sink.indicator(IndicatorDraft {
            key: key.to_owned(),
            name,
            unit,
            ..Default::default()
        });
    }

    while let Some(record) = text::next_row(&mut records, &file, sink) {
        let line = text::line_of(&record, crlf, None);
        sink.progress(record.position().map_or(0, |p| p.byte()))
            .map_err(ReadError::stopped)?;
        let cell = |i: usize| text::field(&record, i, encoding);
        let code = cell(iso3);
        if code.is_empty() {
            continue;
        }
        if code.starts_with("ZZ") {
            sink.aggregate(&code);
        }
        let name = country.map(cell).unwrap_or_default();
        // The columns are in the header's order: those past a short row's end are missing.
        let present = columns.partition_point(|(i, _, _)| *i < record.len());
        sink.missing_many((columns.len() - present) as u64);
        for (i, key, year) in &columns[..present] {
            let here = text::At {
                file: &file,
                line,
                column: &header[*i],
                indicator: Some(key),
                area: &code,
            };
            let Some(value) = here.number(sink, &cell(*i)) else {
                continue;
            };
            sink.figure(RawFigure::total(
                line,
                header[*i].clone(),
                key.clone(),
                code.clone(),
                name.clone(),
                *year,
                value,
            ))
            .map_err(ReadError::stopped)?;
        }
    }
    Ok(())
}

/// The edition from the file name (`HDR25_…` is the 2025 report) and the last year of data.
fn source(path: &Path, last_year: i32, sha256: &str) -> SourceDraft {
    let name = display_name(path);
    let report_year = name
        .strip_prefix("HDR")
        .and_then(|rest| rest.get(..2))
        .and_then(|yy| yy.parse::<i32>().ok())
        .map(|yy| 2000 + yy);
    let (code, short, title, edition) = match report_year {
        Some(y) => (
            format!("UNDP_HDR_{y}"),
            format!("UNDP HDR {y}"),
            format!("Human Development Report {y}: composite indices time series"),
            format!("HDR {y} (data to {last_year})"),
        ),
        None => (
            "UNDP_HDR".to_owned(),
            "UNDP HDR".to_owned(),
            "Human Development Report: composite indices time series".to_owned(),
            format!("data to {last_year}"),
        ),
    };
    SourceDraft {
        code,
        short_name: short,
        publisher: "United Nations Development Programme (UNDP)".into(),
        citation: format!(
            "UNDP (United Nations Development Programme). {}. Composite indices complete time series, to {last_year}. New York.",
            report_year.map_or("Human Development Report".to_owned(), |y| format!(
                "{y}. Human Development Report {y}"
            ))
        ),
        title,
        edition,
        published: report_year.map(|y| y.to_string()).unwrap_or_default(),
        url: "https://hdr.undp.org/data-center/documentation-and-downloads".into(),
        licence: "Free to use with attribution to UNDP".into(),
        file_sha256: sha256.to_owned(),
        language: None,
    }
}
