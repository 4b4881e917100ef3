//! World Bank API v2 JSON: `[ {page, pages, lastupdated, …}, [ {indicator, country,
//! countryiso3code, date, value, obs_status, …}, … ] ]`, or, for a retired or wrong indicator
//! code, `[ {"message": [ {id, key, value} ]} ]`, which is said, never imported as nothing.

use std::path::Path;

use serde_json::Value;

use super::wdi::month_name;
use super::{
    IndicatorDraft, Problem, RawFigure, ReadError, Reason, Sink, SourceDraft, WbApiShape,
    display_name, text,
};
use crate::model::Status;

pub fn read<S: Sink + ?Sized>(path: &Path, sha256: &str, sink: &mut S) -> Result<(), ReadError> {
    let file = display_name(path);
    let problem = |reason: Reason| {
        ReadError::Problem(Problem {
            file: file.clone(),
            line: 0,
            column: None,
            raw: String::new(),
            reason,
        })
    };
    let json = text::read_json(path)?;
    let parts = json
        .as_array()
        .ok_or_else(|| problem(Reason::NotWbApi(WbApiShape::NotAList)))?;
    let meta = parts
        .first()
        .ok_or_else(|| problem(Reason::NotWbApi(WbApiShape::EmptyList)))?;
    if let Some(messages) = meta.get("message").and_then(Value::as_array) {
        let said: Vec<String> = messages
            .iter()
            .map(|m| {
                format!(
                    "{} (error {}: {})",
                    m.get("value")
                        .and_then(Value::as_str)
                        .unwrap_or("no details"),
                    m.get("id").and_then(Value::as_str).unwrap_or("?"),
                    m.get("key").and_then(Value::as_str).unwrap_or("?"),
                )
            })
            .collect();
        return Err(problem(Reason::WbApiError(said.join("; "))));
    }
    let updated = meta
        .get("lastupdated")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    let (page, pages) = (
        meta.get("page").and_then(Value::as_u64).unwrap_or(1),
        meta.get("pages").and_then(Value::as_u64).unwrap_or(1),
    );
    if pages > page {
        sink.problem(Problem {
            file: file.clone(),
            line: 0,
            column: None,
            raw: String::new(),
            reason: Reason::WbApiPage { page, pages },
        });
    }
    let observations = match parts.get(1) {
        Some(Value::Array(observations)) => observations,
        Some(Value::Null) | None => {
            return Err(problem(Reason::WbApiEmpty));
        }
        Some(_) => {
            return Err(problem(Reason::NotWbApi(WbApiShape::DataNotAList)));
        }
    };
    let mut source_sent = false;
    let mut indicators: Vec<String> = Vec::new();
    let mut codes = observations
        .iter()
        .filter_map(|o| o.pointer("/indicator/id").and_then(Value::as_str));
    if let Some(first) = codes.next()
        && codes.all(|c| c == first)
    {
        sink.single_indicator();
    }
    for (i, o) in observations.iter().enumerate() {
        let at = i as u64 + 1;
        let str_of = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").trim().to_owned();
        let code = str_of(o.pointer("/indicator/id"));
        let name = str_of(o.pointer("/indicator/value"));
        if !source_sent {
            sink.source(source(&updated, &name, &code, sha256));
            source_sent = true;
        }
        if !indicators.contains(&code) {
            sink.indicator(IndicatorDraft {
                key: code.clone(),
                unit: text::unit_in_name(&name),
                name: name.clone(),
                ..Default::default()
            });
            indicators.push(code.clone());
        }
        let area = str_of(o.get("countryiso3code"));
        let date = str_of(o.get("date"));
        let located = |column: &str, raw: String, reason: Reason| Problem {
            file: file.clone(),
            line: at,
            column: Some(column.into()),
            raw,
            reason,
        };
        let Some(year) = text::year_of(&date) else {
            let problem = located("date", date, Reason::NotAYearlyDate(at));
            text::bad(sink, Some(&code), &area, problem);
            continue;
        };
        if area.is_empty() {
            // An aggregate without a code: never taken, so never a problem.
            sink.left_out_problem();
            continue;
        }
        let value = match o.get("value") {
            None | Some(Value::Null) => {
                sink.missing();
                continue;
            }
            Some(Value::Number(n)) => n.as_f64(),
            Some(Value::String(s)) => match text::value_of(s) {
                text::Cell::Missing => {
                    sink.missing();
                    continue;
                }
                text::Cell::Number(v) => Some(v),
                text::Cell::NotANumber => None,
            },
            Some(_) => None,
        };
        let Some(value) = value.filter(|v| v.is_finite() && v.abs() <= text::MAX_VALUE) else {
            let raw = o.get("value").map(Value::to_string).unwrap_or_default();
            let reason = text::not_a_number(&raw);
            let problem = located(
                "value",
                raw,
                Reason::InObservation {
                    at,
                    reason: Box::new(reason),
                },
            );
            text::bad(sink, Some(&code), &area, problem);
            continue;
        };
        let status = match str_of(o.get("obs_status")).as_str() {
            "E" | "e" => Status::Estimated,
            "P" | "p" => Status::Provisional,
            "F" | "f" => Status::Forecast,
            "B" | "b" => Status::Break,
            _ => Status::Normal,
        };
        let figure = RawFigure::total(
            at,
            "value".into(),
            code.clone(),
            area,
            str_of(o.pointer("/country/value")),
            year,
            value,
        );
        sink.figure(RawFigure { status, ..figure })
            .map_err(ReadError::stopped)?;
    }
    Ok(())
}

fn source(updated: &str, name: &str, code: &str, sha256: &str) -> SourceDraft {
    let month = updated.get(..7).unwrap_or("");
    SourceDraft {
        code: format!("WB_API_{}", month.replace('-', "_"))
            .trim_end_matches('_')
            .to_owned(),
        short_name: if month.is_empty() {
            "World Bank API".into()
        } else {
            format!("World Bank API, {}", month_name(month))
        },
        publisher: "World Bank".into(),
        title: format!("World Development Indicators API v2: {name}, {code}"),
        edition: format!(
            "API v2, last updated {}",
            if updated.is_empty() {
                "unknown"
            } else {
                updated
            }
        ),
        published: updated.to_owned(),
        url: format!("https://api.worldbank.org/v2/indicator/{code}"),
        citation: format!(
            "World Bank. World Development Indicators, {code}, API v2. Last updated {}. CC BY 4.0.",
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
