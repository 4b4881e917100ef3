//! From figures to a chart description: what to draw, computed without any drawing library.
//!
//! | module     | holds                                                         |
//! |------------|---------------------------------------------------------------|
//! | (this)     | [`ChartSpec`] (what the user chose) → [`ChartDescription`]     |
//! | `headline` | the headline card: latest value, changes, progress            |
//! | `progress` | progress towards a target, Open SDG's method                  |
//!
//! The window draws a description with egui_plot and chart export draws the same description
//! to a file, so both show what the user chose.

pub mod headline;
pub mod progress;
pub mod table;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::model::{Indicator, Observation, Qualifier, Source, Status, Target, format_value};

/// One line on a chart: an indicator's figures for one area, subgroup and source.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SeriesKey {
    pub indicator: String,
    pub area: String,
    pub subgroup: String,
    pub source: String,
}

impl SeriesKey {
    pub fn of(o: &Observation) -> SeriesKey {
        SeriesKey {
            indicator: o.indicator_code.clone(),
            area: o.area_code.clone(),
            subgroup: o.subgroup_code.clone(),
            source: o.source_code.clone(),
        }
    }
}

/// How values are shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Transform {
    #[default]
    Absolute,
    /// Each series as an index, its value in the base year = 100.
    Index { base_year: i32 },
    /// Each series as the % change since the base year.
    PercentChange { base_year: i32 },
}

/// What the user chose to see; saved between runs and in saved views.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChartSpec {
    pub series: Vec<SeriesKey>,
    pub transform: Transform,
    pub log_scale: bool,
    /// Inclusive first and last year shown; `None` shows every year with figures.
    pub years: Option<(i32, i32)>,
    /// Series turned off in the legend.
    pub hidden: BTreeSet<SeriesKey>,
    /// Replaces the computed title when set.
    pub title: Option<String>,
    /// Replaces the computed subtitle when set.
    pub subtitle: Option<String>,
    /// A note of the user's, shown under the chart (saved views, slides).
    pub note: String,
}

/// Everything a chart needs from the store, already fetched.
#[derive(Clone, Debug, Default)]
pub struct ChartData {
    pub indicators: Vec<Indicator>,
    /// The figures of every series in the spec (other figures are ignored).
    pub observations: Vec<Observation>,
    pub targets: Vec<Target>,
    pub sources: Vec<Source>,
    /// Area and subgroup names by code, for labels.
    pub area_names: BTreeMap<String, String>,
    pub subgroup_names: BTreeMap<String, String>,
}

/// A drawable chart: panels of series with reference lines, and the words around them.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartDescription {
    pub title: String,
    pub subtitle: String,
    /// One panel per unit (small multiples); one panel when a transform makes units comparable.
    pub panels: Vec<Panel>,
    /// The years on the x axis, inclusive.
    pub years: Option<(i32, i32)>,
    /// Every source with a figure on the chart, for the sources panel and the footer.
    pub sources: Vec<Source>,
    /// Footnotes of flagged figures (estimated, provisional, forecast, break, qualified).
    pub footnotes: Vec<String>,
    /// What the styles mean ("dashed: estimated…"), and what was left out and why.
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// The y axis label: the unit, or the transform's ("Index, 2000 = 100").
    pub y_label: String,
    /// y values are log10 of the value; axis ticks should read as powers of ten.
    pub log_scale: bool,
    pub series: Vec<SeriesDescription>,
    pub reference_lines: Vec<ReferenceLine>,
}

impl Panel {
    /// The y range to show: every visible point and reference line, with a margin; a single
    /// value gets room around it instead of a zero-height axis.
    pub fn y_range(&self) -> Option<(f64, f64)> {
        let ys = self
            .series
            .iter()
            .filter(|s| s.visible)
            .flat_map(|s| s.points.iter().map(|p| p.y))
            .chain(self.reference_lines.iter().map(|l| l.y));
        let (lo, hi) = ys.fold(None, |acc: Option<(f64, f64)>, y| match acc {
            None => Some((y, y)),
            Some((lo, hi)) => Some((lo.min(y), hi.max(y))),
        })?;
        let span = hi - lo;
        let pad = if span > f64::EPSILON * hi.abs().max(1.0) {
            span * 0.08
        } else if self.log_scale {
            0.1
        } else {
            (hi.abs() * 0.1).max(1.0)
        };
        Some((lo - pad, hi + pad))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeriesDescription {
    pub key: SeriesKey,
    pub label: String,
    /// Index into [`PALETTE`], stable for a series within one chart.
    pub color: usize,
    pub visible: bool,
    pub decimals: u8,
    pub unit_symbol: String,
    pub points: Vec<ChartPoint>,
    /// Runs of consecutive years to join with lines; a missing year starts a new run.
    pub runs: Vec<Run>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    pub year: i32,
    pub period_label: String,
    /// The plotted value, after transform and log scale.
    pub y: f64,
    /// The figure as stored.
    pub value: f64,
    pub status: Status,
    pub qualifier: Qualifier,
    pub footnote: String,
    pub source: String,
}

/// Consecutive points joined by a line; `dashed` when it leads to a tentative figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub points: Vec<[f64; 2]>,
    pub dashed: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceKind {
    Target,
    Baseline,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceLine {
    pub kind: ReferenceKind,
    pub y: f64,
    pub label: String,
}

/// Okabe–Ito colours, safe for the common kinds of colour blindness (sRGB).
pub const PALETTE: [[u8; 3]; 8] = [
    [0, 114, 178],
    [213, 94, 0],
    [0, 158, 115],
    [204, 121, 167],
    [230, 159, 0],
    [86, 180, 233],
    [120, 94, 240],
    [0, 0, 0],
];

/// Builds the description of `spec` from `data`.
pub fn describe(spec: &ChartSpec, data: &ChartData) -> ChartDescription {
    let indicator_of = |code: &str| data.indicators.iter().find(|i| i.code == code);
    let mut notes = Vec::new();
    let mut footnotes = Vec::new();
    let mut used_sources = BTreeSet::new();

    // Grouped by borrowed codes: no key is allocated per figure.
    type Codes<'a> = (&'a str, &'a str, &'a str, &'a str);
    let mut by_series: BTreeMap<Codes, Vec<&Observation>> = spec
        .series
        .iter()
        .map(|k| {
            (
                (
                    k.indicator.as_str(),
                    k.area.as_str(),
                    k.subgroup.as_str(),
                    k.source.as_str(),
                ),
                Vec::new(),
            )
        })
        .collect();
    for o in &data.observations {
        let key: Codes = (
            o.indicator_code.as_str(),
            o.area_code.as_str(),
            o.subgroup_code.as_str(),
            o.source_code.as_str(),
        );
        if let Some(figures) = by_series.get_mut(&key) {
            figures.push(o);
        }
    }
    // Labels name only what differs between the series on the chart.
    let differs =
        |f: fn(&SeriesKey) -> &String| spec.series.iter().map(f).collect::<BTreeSet<_>>().len() > 1;
    let (many_indicators, many_areas, many_subgroups, many_sources) = (
        differs(|k| &k.indicator),
        differs(|k| &k.area),
        differs(|k| &k.subgroup),
        differs(|k| &k.source),
    );

    let mut panels: Vec<Panel> = Vec::new();
    let mut panel_units: Vec<String> = Vec::new();
    let mut all_years: Vec<i32> = Vec::new();
    let mut any_tentative = BTreeSet::new();
    let mut dropped_for_log = false;

    for (color, key) in spec.series.iter().enumerate() {
        let Some(indicator) = indicator_of(&key.indicator) else {
            notes.push(format!("{}: no such indicator", key.indicator));
            continue;
        };
        let key_codes = (
            key.indicator.as_str(),
            key.area.as_str(),
            key.subgroup.as_str(),
            key.source.as_str(),
        );
        let mut figures: Vec<&Observation> = by_series.get(&key_codes).cloned().unwrap_or_default();
        figures.retain(|o| {
            spec.years
                .is_none_or(|(from, to)| (from..=to).contains(&o.period.year))
        });
        figures.sort_by(|a, b| a.period.cmp(&b.period));

        let base = match spec.transform {
            Transform::Absolute => None,
            Transform::Index { base_year } | Transform::PercentChange { base_year } => {
                match figures
                    .iter()
                    .find(|o| o.period.year == base_year && o.value != 0.0)
                {
                    Some(o) => Some(o.value),
                    None => {
                        notes.push(format!(
                            "{}: no figure for {base_year}, so it cannot be shown relative to it",
                            series_label(key, data, true, many_areas, many_subgroups, true)
                        ));
                        continue;
                    }
                }
            }
        };
        let mut points = Vec::with_capacity(figures.len());
        for o in &figures {
            let mut y = match (spec.transform, base) {
                (Transform::Index { .. }, Some(b)) => o.value / b * 100.0,
                (Transform::PercentChange { .. }, Some(b)) => (o.value / b - 1.0) * 100.0,
                _ => o.value,
            };
            if spec.log_scale {
                if y <= 0.0 {
                    dropped_for_log = true;
                    continue;
                }
                y = y.log10();
            }
            if o.status != Status::Normal {
                any_tentative.insert(o.status);
            }
            if !o.footnote.is_empty()
                && (o.status != Status::Normal || o.qualifier != Qualifier::Exact)
            {
                footnotes.push(format!(
                    "{} {}: {}",
                    indicator.short_name, o.period, o.footnote
                ));
            }
            used_sources.insert(o.source_code.clone());
            all_years.push(o.period.year);
            points.push(ChartPoint {
                year: o.period.year,
                period_label: o.period.label.clone(),
                y,
                value: o.value,
                status: o.status,
                qualifier: o.qualifier,
                footnote: o.footnote.clone(),
                source: o.source_code.clone(),
            });
        }
        let runs = runs_of(&points);
        let unit_label = match spec.transform {
            Transform::Absolute => unit_label(indicator),
            Transform::Index { base_year } => format!("Index, {base_year} = 100"),
            Transform::PercentChange { base_year } => format!("% change since {base_year}"),
        };
        let panel_index = match panel_units.iter().position(|u| *u == unit_label) {
            Some(i) => i,
            None => {
                panel_units.push(unit_label.clone());
                panels.push(Panel {
                    y_label: if spec.log_scale {
                        format!("{unit_label} (log scale)")
                    } else {
                        unit_label
                    },
                    log_scale: spec.log_scale,
                    series: Vec::new(),
                    reference_lines: Vec::new(),
                });
                panels.len() - 1
            }
        };
        panels[panel_index].series.push(SeriesDescription {
            label: series_label(
                key,
                data,
                many_indicators,
                many_areas,
                many_subgroups,
                many_sources,
            ),
            key: key.clone(),
            color: color % PALETTE.len(),
            visible: !spec.hidden.contains(key),
            decimals: indicator.decimals,
            unit_symbol: indicator.unit.symbol.clone(),
            points,
            runs,
        });
    }

    // Targets and baselines, in absolute mode only: they are levels of the indicator.
    if spec.transform == Transform::Absolute {
        for panel in &mut panels {
            let mut seen = BTreeSet::new();
            let series_keys: Vec<SeriesKey> = panel.series.iter().map(|s| s.key.clone()).collect();
            for key in &series_keys {
                for t in data.targets.iter().filter(|t| {
                    t.indicator_code == key.indicator
                        && t.area_code == key.area
                        && t.subgroup_code == key.subgroup
                }) {
                    if !seen.insert((
                        t.indicator_code.clone(),
                        t.target_year,
                        t.area_code.clone(),
                        t.subgroup_code.clone(),
                    )) {
                        continue;
                    }
                    let Some(indicator) = indicator_of(&t.indicator_code) else {
                        continue;
                    };
                    let fmt = |v: f64| {
                        format!(
                            "{}{}",
                            format_value(v, indicator.decimals),
                            unit_suffix(indicator)
                        )
                    };
                    let level = |v: f64| {
                        if spec.log_scale {
                            (v > 0.0).then(|| v.log10())
                        } else {
                            Some(v)
                        }
                    };
                    if let Some(y) = level(t.target_value) {
                        panel.reference_lines.push(ReferenceLine {
                            kind: ReferenceKind::Target,
                            y,
                            label: format!("Target {}: {}", t.target_year, fmt(t.target_value)),
                        });
                    }
                    if let Some((year, value)) = t.baseline
                        && let Some(y) = level(value)
                    {
                        panel.reference_lines.push(ReferenceLine {
                            kind: ReferenceKind::Baseline,
                            y,
                            label: format!("Baseline {year}: {}", fmt(value)),
                        });
                    }
                }
            }
        }
    }

    for status in &any_tentative {
        notes.push(match status {
            Status::Estimated => "Dashed line, hollow marker: estimated".to_owned(),
            Status::Provisional => "Dashed line, hollow marker: provisional".to_owned(),
            Status::Forecast => "Dashed line, hollow marker: forecast".to_owned(),
            Status::Break => "Square marker: break in series".to_owned(),
            Status::Normal => continue,
        });
    }
    if dropped_for_log {
        notes.push(
            "Zero and negative values cannot be shown on a log scale and are left out".to_owned(),
        );
    }

    let years = spec
        .years
        .or_else(|| Some((*all_years.iter().min()?, *all_years.iter().max()?)));
    footnotes.sort();
    footnotes.dedup();
    let sources = data
        .sources
        .iter()
        .filter(|s| used_sources.contains(&s.code))
        .cloned()
        .collect();

    let (title, subtitle) = titles(spec, data, years);
    let subtitle = spec
        .subtitle
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(subtitle);
    if !spec.note.trim().is_empty() {
        notes.insert(0, spec.note.clone());
    }
    ChartDescription {
        title: spec
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(title),
        subtitle,
        panels,
        years,
        sources,
        footnotes,
        notes,
    }
}

/// Splits points into runs of consecutive years; a run is dashed when it leads to a tentative figure.
fn runs_of(points: &[ChartPoint]) -> Vec<Run> {
    let mut runs = Vec::new();
    for pair in points.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if b.year - a.year != 1 {
            continue;
        }
        let dashed = b.status.is_tentative() || a.status.is_tentative();
        let segment = [[f64::from(a.year), a.y], [f64::from(b.year), b.y]];
        match runs.last_mut() {
            Some(Run { points, dashed: d })
                if *d == dashed && points.last() == Some(&segment[0]) =>
            {
                points.push(segment[1]);
            }
            _ => runs.push(Run {
                points: segment.to_vec(),
                dashed,
            }),
        }
    }
    runs
}

fn unit_label(indicator: &Indicator) -> String {
    if indicator.unit.symbol.is_empty() || indicator.unit.symbol == indicator.unit.name {
        indicator.unit.name.clone()
    } else {
        format!("{} ({})", indicator.unit.name, indicator.unit.symbol)
    }
}

/// " %" or " ‰" or " houses": what follows a number.
pub fn unit_suffix(indicator: &Indicator) -> String {
    match indicator.unit.symbol.as_str() {
        "" => String::new(),
        "%" | "‰" => indicator.unit.symbol.clone(),
        other => format!(" {other}"),
    }
}

fn series_label(
    key: &SeriesKey,
    data: &ChartData,
    indicator: bool,
    area: bool,
    subgroup: bool,
    source: bool,
) -> String {
    let mut parts = Vec::new();
    if indicator {
        let name = data.indicators.iter().find(|i| i.code == key.indicator);
        parts.push(name.map_or(key.indicator.clone(), |i| i.short_name.clone()));
    }
    if area {
        parts.push(
            data.area_names
                .get(&key.area)
                .cloned()
                .unwrap_or_else(|| key.area.clone()),
        );
    }
    if subgroup {
        parts.push(
            data.subgroup_names
                .get(&key.subgroup)
                .cloned()
                .unwrap_or_else(|| key.subgroup.clone()),
        );
    }
    if source || parts.is_empty() {
        let name = data.sources.iter().find(|s| s.code == key.source);
        parts.push(name.map_or(key.source.clone(), |s| s.short_name.clone()));
    }
    parts.join(" · ")
}

fn titles(spec: &ChartSpec, data: &ChartData, years: Option<(i32, i32)>) -> (String, String) {
    let codes: BTreeSet<&str> = spec.series.iter().map(|k| k.indicator.as_str()).collect();
    let names: Vec<String> = codes
        .iter()
        .map(|c| {
            data.indicators
                .iter()
                .find(|i| i.code == *c)
                .map_or((*c).to_owned(), |i| i.name.clone())
        })
        .collect();
    let title = if names.is_empty() {
        "No indicator chosen".to_owned()
    } else {
        names.join(", ")
    };
    let areas: BTreeSet<&str> = spec.series.iter().map(|k| k.area.as_str()).collect();
    let mut parts: Vec<String> = Vec::new();
    if !areas.is_empty() {
        parts.push(
            areas
                .iter()
                .map(|a| {
                    data.area_names
                        .get(*a)
                        .cloned()
                        .unwrap_or_else(|| (*a).to_owned())
                })
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if let Some((a, b)) = years {
        parts.push(if a == b {
            a.to_string()
        } else {
            format!("{a}–{b}")
        });
    }
    match spec.transform {
        Transform::Absolute => {}
        Transform::Index { base_year } => parts.push(format!("index, {base_year} = 100")),
        Transform::PercentChange { base_year } => parts.push(format!("% change since {base_year}")),
    }
    if spec.log_scale {
        parts.push("log scale".to_owned());
    }
    (title, parts.join(" · "))
}

/// What hovering a point shows: year, value with its decimals and unit, flags, source, footnote.
pub fn hover_text(series: &SeriesDescription, point: &ChartPoint, sources: &[Source]) -> String {
    let period = if point.period_label.is_empty() {
        point.year.to_string()
    } else {
        point.period_label.clone()
    };
    let unit = match series.unit_symbol.as_str() {
        "" => String::new(),
        "%" | "‰" => series.unit_symbol.clone(),
        other => format!(" {other}"),
    };
    let mut text = format!(
        "{}\n{period}: {}{}{unit}",
        series.label,
        point.qualifier.prefix(),
        format_value(point.value, series.decimals)
    );
    if point.status != Status::Normal {
        text.push_str(&format!(" ({})", point.status.as_str()));
    }
    let source = sources.iter().find(|s| s.code == point.source);
    text.push_str(&format!(
        "\nSource: {}",
        source.map_or(point.source.as_str(), |s| s.short_name.as_str())
    ));
    if !point.footnote.is_empty() {
        text.push_str(&format!("\nNote: {}", point.footnote));
    }
    text
}
