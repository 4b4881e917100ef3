//! The WHO Global Health Observatory's bulk CSV: one file per indicator, one row per figure
//! (`IndicatorCode`, `SpatialDimension` COUNTRY or REGION, `SpatialDimensionValueCode`,
//! `TimeDim`, `DisaggregatingDimension1` SEX…, `NumericValue`, and `Value` as display text
//! with the interval, `9.96 [7.05-14.04]`, which is not read). The country names are in the
//! theme download's `codes/COUNTRY.csv`, read when it sits beside the file.
//!
//! The GHO's OData API (`ghoapi.azureedge.net/api/<indicator>`) answers the same figures as
//! JSON, `{"@odata.context": …, "value": [ {IndicatorCode, SpatialDimType, SpatialDim,
//! TimeDim, Dim1Type, Dim1 (`SEX_BTSX`), NumericValue, Value, Low, High, Date…}, … ]}`: the same
//! columns under shorter names, the dimensions' codes prefixed with their type.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::text;
use super::{IndicatorDraft, RawFigure, ReadError, Reason, Sink, SourceDraft, display_name};

/// Whether a header row is the GHO bulk CSV's.
pub fn is_header(row: &[String]) -> bool {
    let has = |name: &str| row.iter().any(|c| c == name);
    has("IndicatorCode") && has("SpatialDimensionValueCode") && has("NumericValue")
}

/// Chiso's subgroup for a GHO disaggregation (dimension, code).
fn subgroup(dimension: &str, code: &str) -> (String, String) {
    match (dimension, code) {
        ("", _) | (_, "") | ("SEX", "BTSX") => ("T".into(), "Total".into()),
        ("SEX", "FMLE") => ("F".into(), "Female".into()),
        ("SEX", "MLE") => ("M".into(), "Male".into()),
        ("RESIDENCEAREATYPE", "URB") => ("U".into(), "Urban".into()),
        ("RESIDENCEAREATYPE", "RUR") => ("R".into(), "Rural".into()),
        (dimension, code) => (
            text::code_from(&format!("{dimension}_{code}")),
            format!("{dimension} {code}"),
        ),
    }
}

/// An OData dimension's code without its type's prefix: `SEX_BTSX` → `BTSX`, as in the
/// bulk CSV.
fn unprefixed<'a>(dimension: &str, code: &'a str) -> &'a str {
    code.strip_prefix(dimension)
        .and_then(|c| c.strip_prefix('_'))
        .unwrap_or(code)
}

/// A GHO figure of `place`, named from `codes/COUNTRY.csv`, in the subgroup of its
/// disaggregation (dimension, code), whichever of the two layouts it came from.
fn gho_figure(
    line: u64,
    code: &str,
    place: String,
    names: &HashMap<String, String>,
    year: i32,
    value: f64,
    (dimension, dimension_code): &(String, String),
) -> RawFigure {
    let name = names.get(&place).cloned().unwrap_or_default();
    let mut figure = RawFigure::total(
        line,
        "NumericValue".into(),
        code.to_owned(),
        place,
        name,
        year,
        value,
    );
    (figure.subgroup, figure.subgroup_name) = subgroup(dimension, dimension_code);
    figure
}

/// `codes/COUNTRY.csv` beside the file (or in its folder): code → name.
fn country_names(path: &Path) -> HashMap<String, String> {
    let folder = path.parent().unwrap_or(Path::new("."));
    let candidate: PathBuf = folder.join("codes").join("COUNTRY.csv");
    let mut names = HashMap::new();
    let Ok(mut reader) = text::csv_reader(&candidate) else {
        return names;
    };
    for record in reader.records().map_while(Result::ok) {
        if record.get(0) == Some("COUNTRY")
            && let (Some(code), Some(title)) = (record.get(1), record.get(2))
        {
            names.insert(code.to_owned(), title.to_owned());
        }
    }
    names
}

pub fn read<S: Sink + ?Sized>(path: &Path, sha256: &str, sink: &mut S) -> Result<(), ReadError> {
    let file = display_name(path);
    let (encoding, header, mut records, crlf) = text::header_or_refuse(path)?;
    let at = |name: &str| header.iter().position(|h| h == name);
    let (Some(indicator), Some(kind), Some(area), Some(value)) = (
        at("IndicatorCode"),
        at("SpatialDimension"),
        at("SpatialDimensionValueCode"),
        at("NumericValue"),
    ) else {
        return Err(ReadError::refusal(path, Reason::NoHeader));
    };
    let time = at("TimeDim");
    let (dimension, dimension_code) = (
        at("DisaggregatingDimension1"),
        at("DisaggregatingDimension1ValueCode"),
    );
    let names = country_names(path);
    // The GHO ships one indicator a file: a first pass over its code column says so, and
    // the indicator is then created by default.
    if text::one_value_in(path, indicator)? {
        sink.single_indicator();
    }
    let mut sent: Vec<String> = Vec::new();
    let mut source_sent = false;
    while let Some(record) = text::next_row(&mut records, &file, sink) {
        let line = text::row_line(&record, crlf, sink)?;
        let cell = |i: usize| text::field(&record, i, encoding);
        let code = cell(indicator);
        if code.is_empty() {
            continue;
        }
        if !source_sent {
            let dated = at("Date").map(cell).unwrap_or_default();
            sink.source(source(&code, &dated, sha256));
            source_sent = true;
        }
        if !sent.contains(&code) {
            sink.indicator(IndicatorDraft {
                key: code.clone(),
                name: code.clone(),
                ..Default::default()
            });
            sent.push(code.clone());
        }
        let place = cell(area);
        if cell(kind) != "COUNTRY" {
            // WHO regions, income groups, the world: groups of countries.
            sink.aggregate(&place);
        }
        let here = |column: &'static str| text::At {
            file: &file,
            line,
            column,
            indicator: Some(&code),
            area: &place,
        };
        let Some(year) = here("TimeDim").year(sink, &time.map(cell).unwrap_or_default()) else {
            continue;
        };
        let Some(v) = here("NumericValue").number(sink, &cell(value)) else {
            continue;
        };
        let disaggregation = (
            dimension.map(cell).unwrap_or_default(),
            dimension_code.map(cell).unwrap_or_default(),
        );
        let figure = gho_figure(line, &code, place, &names, year, v, &disaggregation);
        sink.figure(figure).map_err(ReadError::stopped)?;
    }
    Ok(())
}

/// Reads an answer of the GHO's OData API. Its observations have no lines: a problem names
/// the observation's place in the answer.
pub fn read_odata<S: Sink + ?Sized>(
    path: &Path,
    sha256: &str,
    sink: &mut S,
) -> Result<(), ReadError> {
    use serde_json::Value;
    let file = display_name(path);
    let json = text::read_json(path)?;
    let Some(observations) = json.get("value").and_then(Value::as_array) else {
        return Err(ReadError::refusal(path, Reason::NotGhoOdata));
    };
    if observations.is_empty() {
        return Err(ReadError::refusal(path, Reason::WbApiEmpty));
    }
    let str_of = |o: &Value, key: &str| match o.get(key) {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let names = country_names(path);
    let mut codes = observations.iter().map(|o| str_of(o, "IndicatorCode"));
    if let Some(first) = codes.next()
        && codes.all(|c| c == first)
    {
        sink.single_indicator();
    }
    let mut sent: Vec<String> = Vec::new();
    let mut source_sent = false;
    for (i, o) in observations.iter().enumerate() {
        let line = i as u64 + 1;
        let code = str_of(o, "IndicatorCode");
        if code.is_empty() {
            continue;
        }
        if !source_sent {
            let mut draft = source(&code, &str_of(o, "Date"), sha256);
            draft.edition = draft.edition.replace("bulk download", "OData API");
            sink.source(draft);
            source_sent = true;
        }
        if !sent.contains(&code) {
            sink.indicator(IndicatorDraft {
                key: code.clone(),
                name: code.clone(),
                ..Default::default()
            });
            sent.push(code.clone());
        }
        let place = str_of(o, "SpatialDim");
        if str_of(o, "SpatialDimType") != "COUNTRY" {
            sink.aggregate(&place);
        }
        let here = |column: &'static str| text::At {
            file: &file,
            line,
            column,
            indicator: Some(&code),
            area: &place,
        };
        if !matches!(str_of(o, "TimeDimType").as_str(), "" | "YEAR") {
            let problem = super::Problem {
                file: file.clone(),
                line,
                column: Some("TimeDim".into()),
                raw: str_of(o, "TimeDim"),
                reason: Reason::NotAYearlyDate(line),
            };
            text::bad(sink, Some(&code), &place, problem);
            continue;
        }
        let Some(year) = here("TimeDim").year(sink, &str_of(o, "TimeDim")) else {
            continue;
        };
        let Some(v) = here("NumericValue").number(sink, &str_of(o, "NumericValue")) else {
            continue;
        };
        let dimension = str_of(o, "Dim1Type");
        let disaggregation = (
            dimension.clone(),
            unprefixed(&dimension, &str_of(o, "Dim1")).to_owned(),
        );
        let figure = gho_figure(line, &code, place, &names, year, v, &disaggregation);
        sink.figure(figure).map_err(ReadError::stopped)?;
    }
    Ok(())
}

/// The GHO as the source of one indicator's download, dated by its figures' time stamp.
fn source(code: &str, dated: &str, sha256: &str) -> SourceDraft {
    let day = dated.get(..10).unwrap_or("");
    SourceDraft {
        code: format!("WHO_GHO_{}", text::code_from(code)),
        short_name: if day.is_empty() {
            "WHO GHO".into()
        } else {
            format!("WHO GHO, {day}")
        },
        publisher: "World Health Organization (WHO)".into(),
        title: format!("Global Health Observatory: {code}"),
        edition: if day.is_empty() {
            format!("bulk download, file {}", &sha256[..12.min(sha256.len())])
        } else {
            format!("bulk download, values dated {day}")
        },
        published: day.to_owned(),
        url: format!("https://www.who.int/data/gho/data/indicators/indicator-details/GHO/{code}"),
        citation: format!(
            "World Health Organization. Global Health Observatory, indicator {code}."
        ),
        licence: "CC BY-NC-SA 3.0 IGO".into(),
        file_sha256: sha256.to_owned(),
        language: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sexes_are_chisos_subgroups() {
        assert_eq!(subgroup("SEX", "BTSX").0, "T");
        assert_eq!(subgroup("SEX", "FMLE").0, "F");
        assert_eq!(subgroup("", "").0, "T");
        assert_eq!(subgroup("AGEGROUP", "YEARS0-4").0, "AGEGROUP_YEARS0_4");
        assert_eq!(unprefixed("SEX", "SEX_FMLE"), "FMLE");
        assert_eq!(unprefixed("SEX", "BTSX"), "BTSX");
    }
}
