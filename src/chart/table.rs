//! The table of a chart: years as rows, each series' value with its change since the figure
//! before it.

use super::ChartDescription;
use crate::model::{Qualifier, Status};

#[derive(Clone, Debug, PartialEq)]
pub struct TableCell {
    /// The figure as a person reads it, with qualifier and status: "about 11", "70.3 (est.)".
    pub value: String,
    /// Change since the series' previous figure: "+0.002".
    pub change: String,
    /// Relative change since the previous figure: "+0.3 %".
    pub change_percent: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// One label per series, in chart order.
    pub series: Vec<String>,
    /// (period, one cell per series), oldest first.
    pub rows: Vec<(String, Vec<Option<TableCell>>)>,
}

/// The table of `description`, in its language.
pub fn table(description: &ChartDescription) -> Table {
    let (t, numbers) = (description.messages(), description.numbers());
    let series: Vec<_> = description.series().collect();
    let mut periods: Vec<(i32, String)> = series
        .iter()
        .flat_map(|s| {
            s.points
                .iter()
                .map(|p| (p.year, period_text(p.year, &p.period_label)))
        })
        .collect();
    periods.sort();
    periods.dedup();
    let rows = periods
        .into_iter()
        .map(|(year, period)| {
            let cells = series
                .iter()
                .map(|s| {
                    let i = s.points.iter().position(|p| p.year == year)?;
                    let point = &s.points[i];
                    let mut value = format!(
                        "{}{}",
                        super::qualifier_prefix(t, point.qualifier),
                        numbers.format(point.value, s.decimals)
                    );
                    if point.status != Status::Normal {
                        value.push_str(&format!(" ({})", super::status_word(t, point.status)));
                    }
                    let (change, change_percent) = match i.checked_sub(1).map(|j| &s.points[j]) {
                        Some(prev)
                            if point.qualifier == Qualifier::Exact
                                && prev.qualifier == Qualifier::Exact =>
                        {
                            let d = point.value - prev.value;
                            let sign = if d > 0.0 {
                                "+"
                            } else if d < 0.0 {
                                "−"
                            } else {
                                "±"
                            };
                            let pct = if prev.value != 0.0 {
                                format!(
                                    "{sign}{} %",
                                    numbers.format((d / prev.value.abs() * 100.0).abs(), 1)
                                )
                            } else {
                                String::new()
                            };
                            (
                                format!("{sign}{}", numbers.format(d.abs(), s.decimals)),
                                pct,
                            )
                        }
                        _ => (String::new(), String::new()),
                    };
                    Some(TableCell {
                        value,
                        change,
                        change_percent,
                    })
                })
                .collect();
            (period, cells)
        })
        .collect();
    Table {
        series: series.iter().map(|s| s.label.clone()).collect(),
        rows,
    }
}

fn period_text(year: i32, label: &str) -> String {
    if label.is_empty() {
        year.to_string()
    } else {
        label.to_owned()
    }
}
