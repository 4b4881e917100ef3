//! SDMX-CSV, as SDMX warehouses serve it (UNICEF's data warehouse, the UN SDG database):
//! one observation per row, `REF_AREA`, `INDICATOR`, the dimensions (`SEX`, `RESIDENCE`,
//! `WEALTH_QUINTILE`, `AGE`…), `TIME_PERIOD`, `OBS_VALUE`, attributes (`UNIT_MEASURE`,
//! `UNIT_MULT`, `OBS_STATUS`), with the codes' labels in columns of their own (`Geographic
//! area`) or in `CODE: label` cells. The labels-only variant of UNICEF's data explorer has no
//! codes at all: its areas are sent by name, for the store to match.
//!
//! A row's dimensions other than area, indicator and time are its subgroup: all totals
//! (`_T`) is the whole population (`T`); `SEX` F or M and `RESIDENCE` U or R are Chiso's own
//! subgroups; any other combination is a subgroup named by its labels (`F, Q1`).

use std::collections::HashSet;
use std::path::Path;

use super::text;
use super::{IndicatorDraft, RawFigure, ReadError, Reason, Sink, SourceDraft, display_name};
use crate::model::Status;

/// Columns that are not dimensions of a subgroup.
const NOT_DIMENSIONS: &[&str] = &[
    "dataflow",
    "ref_area",
    "geographicarea",
    "geographic area",
    "indicator",
    "time_period",
    "obs_value",
    "unit_measure",
    "unit of measure",
    "unit_mult",
    "unit multiplier",
    "obs_status",
    "observation status",
    "obs_conf",
    "observation confidentaility",
    "observation confidentiality",
    "lower_bound",
    "upper_bound",
    "wgtd_sampl_size",
    "obs_footnote",
    "series_footnote",
    "data_source",
    "source_link",
    "custodian",
    "ref_period",
    "coverage_time",
    "country_notes",
    "time period activity related to when the data are collected",
];

/// Whether a header row is SDMX-CSV's: it names `TIME_PERIOD` and `OBS_VALUE`.
pub fn is_header(row: &[String]) -> bool {
    let has = |name: &str| row.iter().any(|c| c.eq_ignore_ascii_case(name));
    has("TIME_PERIOD") && has("OBS_VALUE")
}

/// A cell's code and label: `F: Female` → (`F`, `Female`); a plain cell is both.
fn code_and_label(cell: &str) -> (String, String) {
    match cell.split_once(": ") {
        Some((code, label)) if !code.contains(' ') && !code.is_empty() => {
            (code.trim().to_owned(), label.trim().to_owned())
        }
        _ => (cell.trim().to_owned(), cell.trim().to_owned()),
    }
}

/// Chiso's subgroup for a row's dimensions (code, label): the total, a sex, a residence,
/// or the combination of the labels that are not totals.
pub(super) fn subgroup(dims: &[(String, String, String)]) -> (String, String) {
    let parts: Vec<&(String, String, String)> = dims
        .iter()
        .filter(|(_, code, _)| !(code.is_empty() || code == "_T" || code == "_Z"))
        .collect();
    match parts.as_slice() {
        [] => ("T".into(), "Total".into()),
        [(dim, code, label)] if dim == "SEX" && (code == "F" || code == "M") => {
            (code.clone(), label.clone())
        }
        [(dim, code, label)] if dim == "RESIDENCE" && (code == "U" || code == "R") => {
            (code.clone(), label.clone())
        }
        parts => (
            text::code_from(
                &parts
                    .iter()
                    .map(|(dim, code, _)| format!("{dim}_{code}"))
                    .collect::<Vec<_>>()
                    .join("_"),
            ),
            parts
                .iter()
                .map(|(_, _, label)| label.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

fn status_of(code: &str) -> Status {
    match code {
        "E" => Status::Estimated,
        "P" => Status::Provisional,
        "F" => Status::Forecast,
        "B" => Status::Break,
        _ => Status::Normal,
    }
}

/// "thousand", "million", "billion" for a `UNIT_MULT` of 3, 6, 9.
fn multiplier_word(raw: &str) -> Option<&'static str> {
    let (code, label) = code_and_label(raw);
    match (code.as_str(), label.to_ascii_lowercase().as_str()) {
        ("3", _) | (_, "thousands") => Some("thousand"),
        ("6", _) | (_, "millions") => Some("million"),
        ("9", _) | (_, "billions") => Some("billion"),
        _ => None,
    }
}

pub fn read<S: Sink + ?Sized>(path: &Path, sha256: &str, sink: &mut S) -> Result<(), ReadError> {
    let file = display_name(path);
    let (encoding, header, mut records, crlf) = text::header_or_refuse(path)?;
    let lower: Vec<String> = header
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let at = |names: &[&str]| lower.iter().position(|h| names.contains(&h.as_str()));
    let (Some(time), Some(value)) = (at(&["time_period"]), at(&["obs_value"])) else {
        return Err(ReadError::refusal(path, Reason::NoPeriodColumn));
    };
    let area_code = at(&["ref_area"]);
    let area_label = at(&["geographic area", "geographicarea"]);
    let indicator_code = at(&["indicator"]);
    let unit = at(&["unit of measure", "unit_measure"]);
    let mult = at(&["unit multiplier", "unit_mult"]);
    let status = at(&["obs_status"]);
    let dataflow = at(&["dataflow"]);
    // The label column that follows a code column (`REF_AREA,Geographic area`): a code
    // column is named in capitals, its label column is not.
    let code_like = |h: &str| {
        !h.is_empty()
            && h.chars()
                .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
    };
    let label_after = |i: usize| {
        (code_like(&header[i])
            && header
                .get(i + 1)
                .is_some_and(|h| !code_like(h) && !h.is_empty()))
        .then_some(i + 1)
    };
    // Dimensions: columns in upper case with a code (`SEX`), not one of the known others,
    // not a label column.
    let dimensions: Vec<(usize, String, Option<usize>)> = header
        .iter()
        .enumerate()
        .filter(|(i, h)| !NOT_DIMENSIONS.contains(&lower[*i].as_str()) && code_like(h))
        .map(|(i, h)| (i, h.clone(), label_after(i)))
        .collect();
    let mut indicators: HashSet<String> = HashSet::new();
    let mut source_sent = false;
    while let Some(record) = text::next_row(&mut records, &file, sink) {
        let line = text::row_line(&record, crlf, sink)?;
        let cell = |i: usize| text::field(&record, i, encoding);
        if !source_sent {
            let flow = dataflow.map(cell).unwrap_or_default();
            sink.source(source(path, &flow, sha256));
            source_sent = true;
        }
        // The indicator: its code (and label after it), or the label alone.
        let (key, name) = match indicator_code {
            Some(i) => {
                let (code, label) = code_and_label(&cell(i));
                let label = label_after(i).map(cell).unwrap_or(label);
                (code, label)
            }
            None => {
                let label = at(&["indicator"]).map(cell).unwrap_or_default();
                (label.clone(), label)
            }
        };
        if key.is_empty() {
            continue;
        }
        if !indicators.contains(&key) {
            let mut unit_name = unit
                .map(|i| {
                    let (code, label) = code_and_label(&cell(i));
                    let label = label_after(i).map(cell).unwrap_or(label);
                    if label.trim().is_empty() {
                        code
                    } else {
                        label.trim().to_owned()
                    }
                })
                .unwrap_or_default();
            if let Some(word) = mult.map(cell).as_deref().and_then(multiplier_word) {
                unit_name = format!("{word} {unit_name}");
            }
            sink.indicator(IndicatorDraft {
                key: key.clone(),
                name: name.clone(),
                unit: unit_name,
                ..Default::default()
            });
            indicators.insert(key.clone());
        }
        // The area: its code, or (labels only) its name for the store to match.
        let (area, area_name, by_name) = match (area_code, area_label) {
            (Some(i), label) => {
                let (code, name) = code_and_label(&cell(i));
                (code, label.map(cell).unwrap_or(name), false)
            }
            (None, Some(i)) => (String::new(), cell(i), true),
            (None, None) => continue,
        };
        let here = |column: usize| text::At {
            file: &file,
            line,
            column: &header[column],
            indicator: Some(&key),
            area: &area,
        };
        let Some(year) = here(time).year(sink, &cell(time)) else {
            continue;
        };
        let Some(v) = here(value).number(sink, &cell(value)) else {
            continue;
        };
        let dims: Vec<(String, String, String)> = dimensions
            .iter()
            .map(|(i, dim, label)| {
                let (code, label_in_cell) = code_and_label(&cell(*i));
                let label = label.map(cell).unwrap_or(label_in_cell);
                (dim.clone(), code, label)
            })
            .collect();
        let (subgroup, subgroup_name) = subgroup(&dims);
        let mut figure = if by_name {
            RawFigure::by_name(line, header[value].clone(), key.clone(), area_name, year, v)
        } else {
            RawFigure::total(
                line,
                header[value].clone(),
                key.clone(),
                area,
                area_name,
                year,
                v,
            )
        };
        figure.subgroup = subgroup;
        figure.subgroup_name = subgroup_name;
        if let Some(i) = status {
            figure.status = status_of(&code_and_label(&cell(i)).0);
        }
        sink.figure(figure).map_err(ReadError::stopped)?;
    }
    Ok(())
}

/// The warehouse as the source: UNICEF's files say so in their dataflow or their name.
fn source(path: &Path, dataflow: &str, sha256: &str) -> SourceDraft {
    let name = display_name(path);
    let agency = dataflow
        .split([':', ','])
        .next()
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .or_else(|| {
            (name.starts_with("CME_") || name.contains("UNICEF")).then(|| "UNICEF".to_owned())
        });
    let publisher = match agency.as_deref() {
        Some("UNICEF") => "UNICEF data warehouse".to_owned(),
        Some(other) => other.to_owned(),
        None => "SDMX data (publisher not named in the file)".to_owned(),
    };
    SourceDraft {
        code: format!(
            "SDMX_{}",
            text::code_from(agency.as_deref().unwrap_or("FILE"))
        ),
        short_name: format!("{}, SDMX", agency.as_deref().unwrap_or("SDMX")),
        publisher,
        title: if dataflow.is_empty() {
            name.clone()
        } else {
            dataflow.to_owned()
        },
        edition: format!("file {}", &sha256[..12.min(sha256.len())]),
        published: String::new(),
        url: String::new(),
        citation: String::new(),
        licence: String::new(),
        file_sha256: sha256.to_owned(),
        language: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimensions_become_subgroups() {
        let d = |dim: &str, code: &str, label: &str| (dim.into(), code.into(), label.into());
        assert_eq!(
            subgroup(&[d("SEX", "_T", "Total"), d("WEALTH_QUINTILE", "_T", "Total")]).0,
            "T"
        );
        assert_eq!(
            subgroup(&[d("SEX", "F", "Female"), d("WEALTH_QUINTILE", "_T", "Total")]),
            ("F".into(), "Female".into())
        );
        assert_eq!(
            subgroup(&[
                d("SEX", "F", "Female"),
                d("WEALTH_QUINTILE", "Q1", "Lowest")
            ]),
            ("SEX_F_WEALTH_QUINTILE_Q1".into(), "Female, Lowest".into())
        );
        assert_eq!(code_and_label("F: Female"), ("F".into(), "Female".into()));
    }
}
