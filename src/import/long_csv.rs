//! Chiso's long CSV: one figure per row.
//!
//! Columns, by name, in any order: `indicator, area, subgroup, period, value, status,
//! qualifier, footnote, source` (`year` may stand for `period`). Codes name the indicator,
//! area, subgroup and source; `period` is a year (`2023`) or a range (`2021-2025`); `status`
//! and `qualifier` are the stored words (empty means normal and exact). Lines starting with `#`
//! are comments. Values use a decimal point and no thousands separators.

use crate::model::{Period, Qualifier, Status};

use super::Problem;

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

/// Reads every row of `text`; `file` names it in problems. Stops at the first problem.
pub fn parse(file: &str, text: &str) -> Result<Vec<FigureRecord>, Problem> {
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
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| problem(1, None, "", e.to_string()))?
        .clone();
    let index = |name: &str| headers.iter().position(|h| h.trim() == name);
    for name in REQUIRED {
        if index(name).is_none() {
            return Err(problem(
                1,
                None,
                "",
                format!(
                    "no `{name}` column; the header must name {}",
                    REQUIRED.join(", ")
                ),
            ));
        }
    }
    let period_column = index("period")
        .map(|i| (i, "period"))
        .or_else(|| index("year").map(|i| (i, "year")))
        .ok_or_else(|| problem(1, None, "", "no `period` (or `year`) column".into()))?;
    let column = |name: &str| index(name);

    let mut records = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            problem(line, None, "", e.to_string())
        })?;
        let line = row.position().map_or(0, |p| p.line());
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or("").trim();
        let text_of = |name: &str| cell(column(name)).to_owned();

        let raw_period = cell(Some(period_column.0));
        let period = Period::parse(raw_period).ok_or_else(|| {
            problem(
                line,
                Some(period_column.1),
                raw_period,
                "not a year (2023) or a range of years (2021-2025)".into(),
            )
        })?;
        let raw_value = cell(column("value"));
        let value = raw_value
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| problem(line, Some("value"), raw_value, "not a number".into()))?;
        let raw_status = cell(column("status"));
        let status = if raw_status.is_empty() {
            Status::Normal
        } else {
            Status::from_word(raw_status).ok_or_else(|| {
                let words: Vec<_> = Status::ALL.iter().map(|s| s.as_str()).collect();
                problem(
                    line,
                    Some("status"),
                    raw_status,
                    format!("unknown status; use one of {}", words.join(", ")),
                )
            })?
        };
        let raw_qualifier = cell(column("qualifier"));
        let qualifier = Qualifier::from_word(raw_qualifier).ok_or_else(|| {
            let words: Vec<_> = Qualifier::ALL[1..].iter().map(|q| q.as_str()).collect();
            problem(
                line,
                Some("qualifier"),
                raw_qualifier,
                format!(
                    "unknown qualifier; leave it empty or use {}",
                    words.join(", ")
                ),
            )
        })?;
        let record = FigureRecord {
            line,
            indicator: text_of("indicator"),
            area: text_of("area"),
            subgroup: text_of("subgroup"),
            period,
            value,
            status,
            qualifier,
            footnote: text_of("footnote"),
            source: text_of("source"),
        };
        for (name, code) in [
            ("indicator", &record.indicator),
            ("area", &record.area),
            ("subgroup", &record.subgroup),
            ("source", &record.source),
        ] {
            if code.is_empty() {
                return Err(problem(
                    line,
                    Some(name),
                    "",
                    "empty: a code is needed".into(),
                ));
            }
        }
        records.push(record);
    }
    Ok(records)
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
        let text = format!("{HEADER}U5MR,VNM,T,2024,16.9,,,,NEWS\nU5MR,VNM,T,2023,n/a,,,,NEWS\n");
        let p = parse("t.csv", &text).unwrap_err();
        assert_eq!(
            (p.line, p.column.as_deref(), p.raw.as_str()),
            (3, Some("value"), "n/a")
        );
        assert_eq!(
            p.to_string(),
            "t.csv, line 3, column value, value \"n/a\": not a number"
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
}
