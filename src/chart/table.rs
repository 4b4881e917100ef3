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
                    if let Some(estimate) = &point.estimate {
                        let year = estimate.from.get(..4).unwrap_or_default();
                        let words = t.with("estimate-on-boundaries", &[("year", year.into())]);
                        value.push_str(&format!(" ({words})"));
                    } else if point.status != Status::Normal {
                        value.push_str(&format!(" ({})", super::status_word(t, point.status)));
                    }
                    let (change, change_percent) = match i.checked_sub(1).map(|j| &s.points[j]) {
                        Some(prev)
                            if point.qualifier == Qualifier::Exact
                                && prev.qualifier == Qualifier::Exact =>
                        {
                            let d = point.value - prev.value;
                            let sign = sign_of(d);
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

/// The sign a change is written with: "+", "−" (a minus, not a hyphen) or "±" for none.
fn sign_of(d: f64) -> &'static str {
    if d > 0.0 {
        "+"
    } else if d < 0.0 {
        "−"
    } else {
        "±"
    }
}

fn period_text(year: i32, label: &str) -> String {
    if label.is_empty() {
        year.to_string()
    } else {
        label.to_owned()
    }
}

/// A column of the province table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RankColumn {
    Rank,
    Area,
    Region,
    Value,
    Since,
    Change,
    GapToNation,
    GapToTarget,
    Note,
}

/// The provinces of a ranking with their rank, value, change since the earlier year and gaps
/// to the nation and the target: the table a steering committee pastes into its report.
#[derive(Clone, Debug, PartialEq)]
pub struct ProvinceTable {
    /// The columns shown (change only with an earlier year, the target's gap only with a
    /// target), each with its header.
    pub columns: Vec<(RankColumn, String)>,
    pub rows: Vec<ProvinceRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProvinceRow {
    pub area: String,
    /// One text per column, as the reader reads it.
    pub cells: Vec<String>,
    /// One number per column where it has one, to sort by.
    keys: Vec<Option<f64>>,
}

/// The province table of a ranking's description, sorted by `column` (ascending unless
/// `descending`); `None` for other kinds.
pub fn province_table(
    description: &ChartDescription,
    (column, descending): (RankColumn, bool),
) -> Option<ProvinceTable> {
    let r = description.ranking()?;
    let (t, numbers) = (description.messages(), description.numbers());
    let signed = |d: f64| format!("{}{}", sign_of(d), numbers.format(d.abs(), r.decimals));
    let year = r.year.map_or_else(String::new, |y| y.to_string());
    let mut columns = vec![
        (RankColumn::Rank, t.get("table-rank")),
        (RankColumn::Area, t.get("table-province")),
        (RankColumn::Region, t.get("table-region")),
        (RankColumn::Value, year),
    ];
    if let Some(since) = r.since {
        columns.push((RankColumn::Since, since.to_string()));
        columns.push((
            RankColumn::Change,
            t.with("table-change-since", &[("year", since.to_string().into())]),
        ));
    }
    if r.national.is_some() {
        columns.push((RankColumn::GapToNation, t.get("table-gap-nation")));
    }
    if r.target.is_some() {
        columns.push((RankColumn::GapToTarget, t.get("table-gap-target")));
    }
    columns.push((RankColumn::Note, t.get("table-note")));
    let mut rows: Vec<ProvinceRow> = r
        .bars
        .iter()
        .map(|bar| {
            let (cells, keys) = columns
                .iter()
                .map(|(c, _)| match c {
                    RankColumn::Rank => (bar.rank.to_string(), Some(bar.rank as f64)),
                    RankColumn::Area => (bar.label.clone(), None),
                    RankColumn::Region => (bar.region.clone(), None),
                    RankColumn::Value => {
                        let mut text = bar.text.clone();
                        if bar.estimate.is_none() && bar.status != Status::Normal {
                            text.push_str(&format!(" ({})", super::status_word(t, bar.status)));
                        }
                        (text, Some(bar.value))
                    }
                    RankColumn::Since => (bar.since_text.clone().unwrap_or_default(), bar.since),
                    RankColumn::Change => match bar.since {
                        Some(s) => (signed(bar.value - s), Some(bar.value - s)),
                        None => (String::new(), None),
                    },
                    RankColumn::GapToNation => {
                        let gap = r.national.as_ref().map(|n| bar.value - n.value);
                        (gap.map(signed).unwrap_or_default(), gap)
                    }
                    RankColumn::GapToTarget => {
                        let gap = r.target.as_ref().map(|x| bar.value - x.value);
                        (gap.map(signed).unwrap_or_default(), gap)
                    }
                    RankColumn::Note => (
                        bar.estimate.as_ref().map_or_else(String::new, |parts| {
                            let year = r.boundaries.get(..4).unwrap_or_default();
                            t.with(
                                "estimate-from-parts",
                                &[("year", year.into()), ("parts", parts.join("; ").into())],
                            )
                        }),
                        None,
                    ),
                })
                .unzip();
            ProvinceRow {
                area: bar.area.clone(),
                cells,
                keys,
            }
        })
        .collect();
    if let Some(i) = columns.iter().position(|(c, _)| *c == column) {
        // Numbers by value (rows without one last), words in the order the ranking gives
        // them, which is already Vietnamese alphabetical for equal figures.
        let words = rows.iter().all(|row| row.keys[i].is_none());
        if words {
            // Areas keep their Vietnamese names in both languages: Vietnamese order.
            crate::locale::sort_vietnamese(&mut rows, |row| row.cells[i].as_str());
        } else {
            rows.sort_by(|a, b| match (a.keys[i], b.keys[i]) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
        }
        if descending {
            rows.reverse();
        }
    }
    Some(ProvinceTable { columns, rows })
}

impl ProvinceTable {
    /// Tab-separated, headers first: what a spreadsheet takes from the clipboard, numbers
    /// written as the table shows them (the reader's decimal sign).
    pub fn to_tsv(&self) -> String {
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        let mut out = String::new();
        let header: Vec<String> = self.columns.iter().map(|(_, h)| clean(h)).collect();
        out.push_str(&header.join("\t"));
        out.push('\n');
        for row in &self.rows {
            let cells: Vec<String> = row.cells.iter().map(|c| clean(c)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
        out
    }
}
