//! ILOSTAT's CSV downloads: one observation per row, `ref_area`, `source` (the survey),
//! `indicator`, `sex`, `classif1`, `classif2`, `time`, `obs_value`, `obs_status`, notes. The
//! bulk files give codes (`VNM`, `SEX_F`, `GEO_COV_RUR`, `CUR_TYPE_PPP21`), the explorer's
//! downloads labels in `*.label` columns (`Viet Nam`, `Female`, `Area type: Rural`,
//! `Currency: 2021 PPP $`), some both.
//!
//! A currency is a unit, not a group of people: each currency of an indicator is an indicator
//! of its own (`… (2021 PPP $)`), so that figures in dollars and in dong never share a chart
//! axis. Sex and the other classifications are subgroups (`Area type: National` is the total).
//! The survey is the figure's source: ILOSTAT's series change survey within a country (LFS,
//! HIES), and each survey stays a source of its own.

use std::collections::HashSet;
use std::path::Path;

use super::sdmx_csv::subgroup;
use super::text;
use super::{IndicatorDraft, RawFigure, ReadError, Reason, Sink, SourceDraft, display_name};
use crate::model::Status;

/// Whether a header row is ILOSTAT's: `ref_area` (or its label), `indicator`, `time`,
/// `obs_value`.
pub fn is_header(row: &[String]) -> bool {
    let has = |name: &str| {
        row.iter().any(|c| {
            let c = c.trim().to_ascii_lowercase();
            c == name || c.strip_suffix(".label") == Some(name)
        })
    };
    has("ref_area") && has("indicator") && has("time") && has("obs_value")
}

/// A column's code and label cells, for a name such as `sex`: `sex` and `sex.label`.
#[derive(Clone, Copy, Default)]
struct Column {
    code: Option<usize>,
    label: Option<usize>,
}

impl Column {
    fn find(header: &[String], name: &str) -> Column {
        let lower: Vec<String> = header
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        Column {
            code: lower.iter().position(|h| h == name),
            label: lower.iter().position(|h| *h == format!("{name}.label")),
        }
    }

    fn exists(self) -> bool {
        self.code.is_some() || self.label.is_some()
    }

    /// (code, label) of the row; each falls back on the other.
    fn read(self, cell: &dyn Fn(usize) -> String) -> (String, String) {
        let code = self.code.map(cell).unwrap_or_default();
        let label = self.label.map(cell).unwrap_or_default();
        match (code.is_empty(), label.is_empty()) {
            (true, _) => (label.clone(), label),
            (false, true) => (code.clone(), code),
            (false, false) => (code, label),
        }
    }
}

/// A classification's (dimension, code, label) as the SDMX subgroups take it: totals are
/// `_T`, sexes and urban/rural Chiso's own codes.
fn dimension(kind: &str, code: &str, label: &str) -> (String, String, String) {
    let plain = label.split_once(": ").map_or(label, |(_, l)| l).trim();
    let (dim, code) = match (kind, code, plain) {
        ("SEX", "SEX_T", _) | ("SEX", _, "Total") => ("SEX", "_T".to_owned()),
        ("SEX", "SEX_F", _) | ("SEX", _, "Female") => ("SEX", "F".to_owned()),
        ("SEX", "SEX_M", _) | ("SEX", _, "Male") => ("SEX", "M".to_owned()),
        (_, "GEO_COV_NAT", _) | (_, _, "National") => ("RESIDENCE", "_T".to_owned()),
        (_, "GEO_COV_URB", _) | (_, _, "Urban") => ("RESIDENCE", "U".to_owned()),
        (_, "GEO_COV_RUR", _) | (_, _, "Rural") => ("RESIDENCE", "R".to_owned()),
        (_, code, "Total") => (kind, format!("{code}_T")),
        (_, code, _) if code.ends_with("_TOTAL") => (kind, "_T".to_owned()),
        (_, code, _) => (kind, code.to_owned()),
    };
    (dim.to_owned(), code, plain.to_owned())
}

/// Whether a classification is a currency (`CUR_TYPE_PPP21`, `Currency: 2021 PPP $`).
fn is_currency(code: &str, label: &str) -> bool {
    code.starts_with("CUR_") || label.starts_with("Currency:")
}

/// ILOSTAT's observation status, as Chiso's status and the words of a status Chiso has no
/// flag for ("Unreliable"), kept in the figure's footnote.
fn status_of(code: &str, label: &str) -> (Status, String) {
    match (code, label) {
        ("B", _) | (_, "Break in series") => (Status::Break, String::new()),
        ("E", _) | (_, "Estimate") | (_, "Estimated") => (Status::Estimated, String::new()),
        ("P", _) | (_, "Provisional") => (Status::Provisional, String::new()),
        ("F", _) | (_, "Forecast") | (_, "Projected") => (Status::Forecast, String::new()),
        ("", "") => (Status::Normal, String::new()),
        (code, "") => (Status::Normal, format!("ILOSTAT status {code}")),
        (_, label) => (Status::Normal, label.to_owned()),
    }
}

/// A row's indicator (key, name, unit) and the dimensions of its subgroup: the currency
/// makes the indicator, the other classifications the subgroup.
type RowIndicator = (String, String, String, Vec<(String, String, String)>);

fn row_indicator(
    indicator: Column,
    classifications: &[(&str, Column)],
    cell: &dyn Fn(usize) -> String,
) -> Option<RowIndicator> {
    let (code, name) = indicator.read(cell);
    if code.is_empty() {
        return None;
    }
    let mut currency: Option<(String, String)> = None;
    let mut dims = Vec::new();
    for (kind, c) in classifications {
        let (c_code, c_label) = c.read(cell);
        if c_code.is_empty() {
            continue;
        }
        if is_currency(&c_code, &c_label) {
            let plain = c_label.trim_start_matches("Currency:").trim().to_owned();
            currency = Some((c_code, plain));
        } else {
            dims.push(dimension(kind, &c_code, &c_label));
        }
    }
    Some(match currency {
        Some((c_code, plain)) => (
            format!("{code} {c_code}"),
            format!("{name} ({plain})"),
            plain,
            dims,
        ),
        None => {
            let unit = text::unit_in_name(&name);
            (code, name, unit, dims)
        }
    })
}

/// The date of the download, from ILOSTAT's file name (`…-filtered-2025-06-01.csv`).
fn download_date(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let tail = stem.get(stem.len().checked_sub(10)?..)?;
    let ok = tail.len() == 10
        && tail.chars().enumerate().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        });
    ok.then(|| tail.to_owned())
}

pub fn read<S: Sink + ?Sized>(path: &Path, sha256: &str, sink: &mut S) -> Result<(), ReadError> {
    let file = display_name(path);
    let (encoding, header, mut records, crlf) = text::header_or_refuse(path)?;
    let column = |name: &str| Column::find(&header, name);
    let (area, survey, indicator, time, value) = (
        column("ref_area"),
        column("source"),
        column("indicator"),
        column("time"),
        column("obs_value"),
    );
    let (Some(time_at), Some(value_at)) = (time.code.or(time.label), value.code) else {
        return Err(ReadError::refusal(path, Reason::NoPeriodColumn));
    };
    let status = column("obs_status");
    let classifications: Vec<(&str, Column)> = [
        ("SEX", column("sex")),
        ("CLASSIF1", column("classif1")),
        ("CLASSIF2", column("classif2")),
    ]
    .into_iter()
    .filter(|(_, c)| c.exists())
    .collect();
    let note = column("note_indicator");
    let edition = match download_date(path) {
        Some(day) => format!("download of {day}"),
        None => format!("download, file {}", &sha256[..12.min(sha256.len())]),
    };
    // An ILOSTAT download is of one indicator, in one currency or several: a first pass over
    // the indicator columns tells whether the file holds one (created by default) or many.
    {
        let (_, _, mut first_pass, _) = text::header_or_refuse(path)?;
        let mut keys: HashSet<String> = HashSet::new();
        for record in first_pass.by_ref().map_while(Result::ok) {
            let cell = |i: usize| text::field(&record, i, encoding);
            if let Some((key, ..)) = row_indicator(indicator, &classifications, &cell) {
                keys.insert(key);
                if keys.len() > 1 {
                    break;
                }
            }
        }
        if keys.len() == 1 {
            sink.single_indicator();
        }
    }
    let mut indicators: HashSet<String> = HashSet::new();
    while let Some(record) = text::next_row(&mut records, &file, sink) {
        let line = text::row_line(&record, crlf, sink)?;
        let cell = |i: usize| text::field(&record, i, encoding);
        let Some((key, name, unit, dims)) = row_indicator(indicator, &classifications, &cell)
        else {
            continue;
        };
        if indicators.insert(key.clone()) {
            sink.indicator(IndicatorDraft {
                key: key.clone(),
                name,
                unit,
                ..Default::default()
            });
        }
        let (area_code, area_name) = area.read(&cell);
        // Codes when the file has them (ISO3 for countries); names, for the store to match,
        // when it has labels only.
        let by_name = area.code.is_none();
        let here = |column: usize| text::At {
            file: &file,
            line,
            column: &header[column],
            indicator: Some(&key),
            area: &area_code,
        };
        let Some(year) = here(time_at).year(sink, &cell(time_at)) else {
            continue;
        };
        let Some(v) = here(value_at).number(sink, &cell(value_at)) else {
            continue;
        };
        let (survey_code, survey_label) = survey.read(&cell);
        let (group, group_name) = subgroup(&dims);
        let mut figure = if by_name {
            RawFigure::by_name(
                line,
                header[value_at].clone(),
                key.clone(),
                area_name,
                year,
                v,
            )
        } else {
            RawFigure::total(
                line,
                header[value_at].clone(),
                key.clone(),
                area_code,
                area_name,
                year,
                v,
            )
        };
        figure.subgroup = group;
        figure.subgroup_name = group_name;
        let (flag, words) = {
            let (s_code, s_label) = (
                status.code.map(cell).unwrap_or_default(),
                status.label.map(cell).unwrap_or_default(),
            );
            status_of(&s_code, &s_label)
        };
        figure.status = flag;
        let notes: Vec<String> = [words, note.read(&cell).1]
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect();
        figure.footnote = notes.join(" | ");
        figure.source = Some(source(&survey_code, &survey_label, &edition, sha256));
        sink.figure(figure).map_err(ReadError::stopped)?;
    }
    Ok(())
}

/// ILOSTAT as the source of one survey's figures (`LFS - Labour Force Survey`), in this
/// download.
fn source(survey_code: &str, survey: &str, edition: &str, sha256: &str) -> SourceDraft {
    // "LFS - Labour Force Survey" → "LFS"; a bulk file's code (`BA:449`) as it is.
    let short = survey.split(" - ").next().unwrap_or(survey).trim();
    let short = if short.is_empty() { survey_code } else { short };
    let day = edition.strip_prefix("download of ").unwrap_or("");
    SourceDraft {
        code: text::code_from(&format!(
            "ILOSTAT_{short}_{}",
            if day.is_empty() {
                &sha256[..8.min(sha256.len())]
            } else {
                day
            }
        )),
        short_name: if short.is_empty() {
            "ILOSTAT".into()
        } else {
            format!("ILOSTAT ({short})")
        },
        publisher: "International Labour Organization (ILO)".into(),
        title: if survey.is_empty() {
            "ILOSTAT".into()
        } else {
            format!("ILOSTAT: {survey}")
        },
        edition: edition.to_owned(),
        published: day.to_owned(),
        url: "https://ilostat.ilo.org/data/".into(),
        citation: format!(
            "International Labour Organization. ILOSTAT database{}. CC BY 4.0.",
            if survey.is_empty() {
                String::new()
            } else {
                format!(", {survey}")
            }
        ),
        licence: "CC BY 4.0".into(),
        file_sha256: sha256.to_owned(),
        language: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_sexes_and_areas_are_chisos_subgroups() {
        let total = [
            dimension("SEX", "Total", "Total"),
            dimension("CLASSIF1", "Area type: National", "Area type: National"),
        ];
        assert_eq!(subgroup(&total).0, "T");
        let rural_women = [
            dimension("SEX", "SEX_F", "Female"),
            dimension("CLASSIF1", "GEO_COV_RUR", "Area type: Rural"),
        ];
        assert_eq!(subgroup(&rural_women).1, "Female, Rural");
        assert_eq!(subgroup(&[dimension("SEX", "SEX_M", "Male")]).0, "M");
    }

    #[test]
    fn the_download_date_is_read_from_ilostats_file_name() {
        assert_eq!(
            download_date(Path::new(
                "EAR_4MTH_SEX_GEO_CUR_NB_A-filtered-2025-06-01.csv"
            )),
            Some("2025-06-01".into())
        );
        assert_eq!(download_date(Path::new("earnings.csv")), None);
        assert!(is_currency("CUR_TYPE_PPP21", ""));
        assert!(is_currency("Currency: 2021 PPP $", "Currency: 2021 PPP $"));
    }
}
