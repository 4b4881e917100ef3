//! Our World in Data grapher downloads: `Entity,Code,Year,<value column>…`, UTF-8, with a
//! `.metadata.json` beside them giving each column's unit and the citation. Aggregates have an
//! empty code or an `OWID_` one; names differ from other publishers' (`Vietnam`), so areas are
//! matched on the ISO3 code.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::text;
use super::{
    IndicatorDraft, Problem, RawFigure, ReadError, Reason, Sink, SourceDraft, display_name,
};

pub fn read<S: Sink + ?Sized>(path: &Path, sha256: &str, sink: &mut S) -> Result<(), ReadError> {
    let file = display_name(path);
    let beside = metadata_beside(path);
    let metadata = beside.as_deref().map(|p| {
        let text = std::fs::read(p).map_err(|e| e.to_string())?;
        serde_json::from_slice::<Value>(&text).map_err(|e| format!("not valid JSON: {e}"))
    });
    let metadata = match metadata {
        Some(Ok(m)) => Some(m),
        // Without its metadata the file says no unit: it is read when the user gives one
        // (the store checks the figures against other sources' for a factor of 10, 100, 1000).
        None if sink.unit_given() => None,
        other => {
            let reason = match (other, &beside) {
                (Some(Err(why)), Some(p)) => Reason::OwidMetadataUnreadable {
                    file: display_name(p).into(),
                    why: why.to_string().into(),
                },
                _ => Reason::OwidNoMetadata,
            };
            sink.problem(Problem {
                file: file.clone(),
                line: 0,
                column: None,
                raw: String::new(),
                reason,
            });
            None
        }
    };
    let (encoding, header, mut records, crlf) = text::header_or_refuse(path)?;
    let column_meta = |name: &str| {
        metadata.as_ref().and_then(|m| {
            m.pointer(&format!(
                "/columns/{}",
                name.replace('~', "~0").replace('/', "~1")
            ))
        })
    };
    // Value columns: after Entity, Code, Year. With the metadata, only those it describes as
    // numeric variables: a column it does not describe (`time`) or calls ordinal or
    // categorical is not an indicator, and the report says so.
    let mut values: Vec<(usize, String)> = Vec::new();
    for (i, name) in header.iter().enumerate().skip(3) {
        if name.is_empty() {
            continue;
        }
        let kind = column_meta(name).map(|c| {
            c.get("type")
                .and_then(Value::as_str)
                .unwrap_or("Numeric")
                .to_owned()
        });
        match kind {
            Some(kind) if !kind.eq_ignore_ascii_case("numeric") => {
                sink.left_out_column(name, Some(&kind));
            }
            None if metadata.is_some() => sink.left_out_column(name, None),
            _ => values.push((i, name.clone())),
        }
    }
    if values.len() == 1 {
        sink.single_indicator();
    }
    let first_column = values.first().map(|(_, n)| n.as_str()).unwrap_or("");
    sink.source(source(
        path,
        metadata.as_ref(),
        column_meta(first_column),
        sha256,
    ));
    for (_, name) in &values {
        let meta = column_meta(name);
        let unit = ["unit", "shortUnit"]
            .iter()
            .filter_map(|k| meta.and_then(|m| m.get(*k)).and_then(Value::as_str))
            .find(|u| !u.is_empty())
            .unwrap_or("")
            .to_owned();
        sink.indicator(IndicatorDraft {
            key: name.clone(),
            name: meta
                .and_then(|m| m.get("titleShort"))
                .and_then(Value::as_str)
                .unwrap_or(name)
                .to_owned(),
            unit_symbol: meta
                .and_then(|m| m.get("shortUnit"))
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            unit,
            ..Default::default()
        });
    }
    while let Some(record) = text::next_row(&mut records, &file, sink) {
        let line = text::row_line(&record, crlf, sink)?;
        let cell = |i: usize| text::field(&record, i, encoding);
        let code = cell(1);
        if code.starts_with("OWID_") {
            sink.aggregate(&code);
        }
        let mut here = text::At {
            file: &file,
            line,
            column: "Year",
            indicator: None,
            area: &code,
        };
        // Historical rows (negative years, before 1000) of countries not chosen are no one's
        // problem.
        let Some(year) = here.year(sink, &cell(2)) else {
            continue;
        };
        for (i, name) in &values {
            (here.column, here.indicator) = (name.as_str(), Some(name.as_str()));
            let Some(value) = here.number(sink, &cell(*i)) else {
                continue;
            };
            sink.figure(RawFigure::total(
                line,
                name.clone(),
                name.clone(),
                code.clone(),
                cell(0),
                year,
                value,
            ))
            .map_err(ReadError::stopped)?;
        }
    }
    Ok(())
}

/// `<stem>.metadata.json`, or the only `*.metadata.json` in the folder.
fn metadata_beside(path: &Path) -> Option<PathBuf> {
    let stem = path.file_stem()?.to_str()?;
    let same = path.with_file_name(format!("{stem}.metadata.json"));
    if same.is_file() {
        return Some(same);
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut found = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".metadata.json"))
        });
    let only = found.next()?;
    found.next().is_none().then_some(only)
}

fn source(
    path: &Path,
    metadata: Option<&Value>,
    column: Option<&Value>,
    sha256: &str,
) -> SourceDraft {
    let s = |v: Option<&Value>, key: &str| {
        v.and_then(|v| v.get(key))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    let chart = metadata.and_then(|m| m.get("chart"));
    let title = Some(s(chart, "title"))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| display_name(path));
    let updated = s(column, "lastUpdated");
    let citation = s(chart, "citation");
    let short_name = s(column, "shortName");
    let year = updated.get(..4).unwrap_or("");
    SourceDraft {
        code: format!(
            "OWID_{}_{year}",
            text::code_from(if short_name.is_empty() {
                &title
            } else {
                &short_name
            })
        )
        .trim_end_matches('_')
        .to_owned(),
        short_name: if citation.is_empty() {
            "Our World in Data".into()
        } else {
            format!("{citation}, via OWID")
        },
        publisher: "Our World in Data".into(),
        edition: match (citation.is_empty(), updated.is_empty()) {
            (false, false) => format!("{citation}, last updated {updated}"),
            (false, true) => citation.clone(),
            (true, false) => format!("last updated {updated}"),
            (true, true) => format!("file {}", &sha256[..12.min(sha256.len())]),
        },
        title,
        published: updated,
        url: s(chart, "originalChartUrl")
            .split('?')
            .next()
            .unwrap_or("")
            .to_owned(),
        citation: s(column, "citationLong"),
        licence: "CC BY 4.0".into(),
        file_sha256: sha256.to_owned(),
        language: None,
    }
}
