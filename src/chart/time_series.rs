//! The time-series kind: each series' figures over the years, in one panel per unit (small
//! multiples), with the target and baseline of each.

use std::collections::{BTreeMap, BTreeSet};

use super::boundaries::{Estimate, parts_in_words};
use super::{ChartBody, ChartData, ChartDescription, ChartNote, ChartSpec, SeriesKey, Transform};
use super::{PALETTE, unit_suffix};
use crate::locale::{Language, Messages, Numbers};
use crate::model::{Indicator, Name, Observation, Qualifier, Status};

/// The body of a time-series chart.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeSeries {
    /// One panel per unit (small multiples); one panel when a transform makes units comparable.
    pub panels: Vec<Panel>,
    /// The years on the x axis, inclusive.
    pub years: Option<(i32, i32)>,
    /// Changes of boundaries within the years shown, of the areas on the chart, drawn as a
    /// vertical mark across every panel.
    pub breaks: Vec<BoundaryBreak>,
}

/// A change of boundaries on the x axis: the day new units began (2025-07-01).
#[derive(Clone, Debug, PartialEq)]
pub struct BoundaryBreak {
    /// Where the day falls on the year axis: 2025-07-01 falls between the figures of
    /// 2025 and 2026 (about 2025.5).
    pub x: f64,
    /// The mark's words: "new boundaries from 1 July 2025".
    pub label: String,
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
    /// The visible series in the order they are drawn: the grey ones first, behind.
    pub fn drawing_order(&self) -> impl Iterator<Item = &SeriesDescription> {
        let visible = || self.series.iter().filter(|s| s.visible);
        let muted = |s: &&SeriesDescription| s.color == super::style::MUTED;
        visible()
            .filter(muted)
            .chain(visible().filter(move |s| !muted(s)))
    }

    /// The y range to show: every visible point and reference line, with a margin; a single
    /// value gets room around it instead of a zero-height axis.
    /// Whether every figure shown is of one year: such figures are bars from zero, since a
    /// lone point on an axis far from zero says nothing of its size (a log axis has no zero).
    pub fn single_year(&self) -> bool {
        let mut years = self
            .series
            .iter()
            .filter(|s| s.visible)
            .flat_map(|s| s.points.iter().map(|p| p.year));
        let first = years.next();
        first.is_some() && years.all(|y| Some(y) == first) && !self.log_scale
    }

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
        let (lo, hi) = if self.single_year() {
            (lo.min(0.0), hi.max(0.0))
        } else {
            (lo, hi)
        };
        let span = hi - lo;
        let pad = if span > f64::EPSILON * hi.abs().max(1.0) {
            span * 0.08
        } else if self.log_scale {
            0.1
        } else {
            (hi.abs() * 0.1).max(1.0)
        };
        // An axis of figures that are none below zero does not run below it (nor a log axis
        // below its lowest figure's decade).
        let low = if lo >= 0.0 && !self.log_scale {
            (lo - pad).max(0.0)
        } else {
            lo - pad
        };
        Some((low, hi + pad))
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
    /// Set when the figure is not observed but computed for a unit a reform made, for a year
    /// before it existed, from the provinces it was made of.
    pub estimate: Option<OnNewBoundaries>,
}

/// A figure on the boundaries of a unit a reform made, from before it existed.
#[derive(Clone, Debug, PartialEq)]
pub struct OnNewBoundaries {
    /// The day the unit began (ISO, 2025-07-01): the boundaries the figure is on.
    pub from: String,
    /// The provinces it was computed from, in words: "Hà Giang 50,8‰ × 854.679 (2019)".
    pub parts: Vec<String>,
}

/// A figure of a series before it is plotted: observed, or estimated on new boundaries.
struct Figure<'a> {
    year: i32,
    /// Empty for a calendar year; "2021–2025" for a multi-year period.
    label: &'a str,
    value: f64,
    status: Status,
    qualifier: Qualifier,
    footnote: &'a str,
    source: &'a str,
    estimate: Option<&'a Estimate>,
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
    /// The national figure a ranking's provinces are compared with.
    National,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceLine {
    pub kind: ReferenceKind,
    pub y: f64,
    pub label: String,
}

/// A series' figures, by borrowed codes: no key is allocated per figure.
type Codes<'a> = (&'a str, &'a str, &'a str, &'a str);

fn codes(key: &SeriesKey) -> Codes<'_> {
    (
        key.indicator.as_str(),
        key.area.as_str(),
        key.subgroup.as_str(),
        key.source.as_str(),
    )
}

/// What accumulates over the series while a chart is described.
#[derive(Default)]
struct Gathered {
    notes: Vec<ChartNote>,
    footnotes: Vec<String>,
    used_sources: BTreeSet<String>,
    years: Vec<i32>,
    statuses: BTreeSet<Status>,
    dropped_for_log: bool,
    /// The series with estimates on new boundaries, by the day the boundaries began.
    estimated: BTreeMap<String, Vec<String>>,
}

/// Builds the description of a time-series chart of `spec` from `data`.
pub fn describe(spec: &ChartSpec, data: &ChartData) -> ChartDescription {
    let t = Messages::of(data.language);
    let by_series = figures_by_series(spec, data);
    let labels = Labels::of(spec);
    // A series named in a note: its indicator and source always, area and subgroup when the
    // chart has several.
    let note_labels = Labels {
        indicator: true,
        source: true,
        ..labels
    };
    let mut gathered = Gathered::default();
    let mut panels: Vec<Panel> = Vec::new();
    let mut panel_units: Vec<String> = Vec::new();

    // Up to eight series have the palette's colours: the country's always, then the first
    // ones chosen; the rest are grey, drawn behind them.
    let is_country = |key: &SeriesKey| {
        data.area_levels
            .get(&key.area)
            .is_some_and(|l| l == "country")
    };
    let many = spec.series.len() > PALETTE.len();
    let countries = spec.series.iter().filter(|k| is_country(k)).count();
    let mut others_coloured = 0;
    let mut colors = 0;
    // Series that differ only by source keep their source's colour in every chart of the
    // file (the World Bank is not blue in one view and green in the next, nor in the window
    // and its export): the source's place among the file's sources, by code.
    let by_source = labels.source && !labels.indicator && !labels.area && !labels.subgroup;
    let mut source_codes: Vec<&str> = data.sources.iter().map(|s| s.code.as_str()).collect();
    source_codes.sort_unstable();
    let mut used = [false; PALETTE.len()];
    for key in &spec.series {
        let Some(indicator) = data.indicators.iter().find(|i| i.code == key.indicator) else {
            gathered.notes.push(ChartNote::NoSuchIndicator {
                code: key.indicator.clone(),
            });
            continue;
        };
        let figures = by_series.get(&codes(key)).map_or(&[][..], Vec::as_slice);
        let Some(points) = series_points(
            spec,
            data,
            (key, &note_labels),
            indicator,
            figures,
            &mut gathered,
        ) else {
            continue;
        };
        let panel = panel_of(t, spec, indicator, (&mut panels, &mut panel_units));
        let coloured = !many || is_country(key) || {
            others_coloured += 1;
            others_coloured + countries.min(PALETTE.len()) <= PALETTE.len()
        };
        let color = if !coloured {
            super::style::MUTED
        } else if by_source {
            let rank = source_codes
                .iter()
                .position(|c| *c == key.source)
                .unwrap_or(colors);
            colors += 1;
            // Two sources a palette apart take the next free colour. The palette's last, black,
            // is kept for an eighth series: a source drawn black read as an axis on a slide.
            let mut c = rank % (PALETTE.len() - 1);
            for _ in 0..PALETTE.len() {
                if !used[c] {
                    break;
                }
                c = (c + 1) % PALETTE.len();
            }
            used[c] = true;
            c
        } else {
            colors += 1;
            (colors - 1) % PALETTE.len()
        };
        panel.series.push(SeriesDescription {
            label: labels.label(key, data),
            key: key.clone(),
            color,
            visible: !spec.hidden.contains(key),
            decimals: indicator.decimals,
            unit_symbol: indicator.unit.symbol.get(data.language).to_owned(),
            runs: runs_of(&points),
            points,
        });
    }

    // Small multiples: each panel says whose figures it holds above its unit, which alone
    // ("Per cent") does not tell the panels apart.
    if panels.len() > 1 {
        for panel in &mut panels {
            let mut names: Vec<String> = Vec::new();
            for series in &panel.series {
                let name = data
                    .indicators
                    .iter()
                    .find(|i| i.code == series.key.indicator)
                    .map(|i| i.short_label(data.language).to_owned())
                    .unwrap_or_else(|| series.key.indicator.clone());
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            panel.y_label = format!("{} · {}", names.join(", "), panel.y_label);
        }
    }

    // Targets and baselines, in absolute mode only: they are levels of the indicator.
    if spec.transform == Transform::Absolute {
        for panel in &mut panels {
            panel.reference_lines = reference_lines(t, panel, spec, data);
        }
    }
    let Gathered {
        mut notes,
        mut footnotes,
        used_sources,
        years: all_years,
        statuses,
        dropped_for_log,
        estimated,
    } = gathered;
    notes.extend(
        statuses
            .into_iter()
            .filter(|s| *s != Status::Normal)
            .map(ChartNote::StatusStyle),
    );
    if dropped_for_log {
        notes.push(ChartNote::LogScaleDropsNonPositive);
    }
    notes.extend(
        estimated
            .into_iter()
            .map(|(from, series)| ChartNote::SeriesOnNewBoundaries { from, series }),
    );
    let years = spec
        .years
        .or_else(|| Some((*all_years.iter().min()?, *all_years.iter().max()?)));
    let days = boundary_changes(spec, data, years);
    let breaks = days
        .iter()
        .filter_map(|day| {
            let date = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
            let words = crate::locale::iso_date(t.language(), day);
            Some(BoundaryBreak {
                x: year_fraction(date),
                label: t.with("chart-new-boundaries-mark", &[("date", words.into())]),
            })
        })
        .collect();
    notes.extend(
        days.into_iter()
            .map(|from| ChartNote::NewBoundaries { from }),
    );
    footnotes.sort();
    footnotes.dedup();
    let sources = data
        .sources
        .iter()
        .filter(|s| used_sources.contains(&s.code))
        .cloned()
        .collect();
    let (title, subtitle) = titles(t, spec, data, years);
    if !spec.note.trim().is_empty() {
        notes.insert(0, ChartNote::User(spec.note.clone()));
    }
    let chosen = |t: &Option<String>| t.clone().filter(|t| !t.trim().is_empty());
    ChartDescription {
        title: chosen(&spec.title).unwrap_or(title),
        subtitle: chosen(&spec.subtitle).unwrap_or(subtitle),
        body: ChartBody::TimeSeries(TimeSeries {
            panels,
            years,
            breaks,
        }),
        sources,
        footnotes,
        notes,
        language: data.language,
    }
}

/// The panel of `indicator`'s unit (or the transform's, which all series share), made when
/// it is the first series in that unit.
fn panel_of<'p>(
    t: &Messages,
    spec: &ChartSpec,
    indicator: &Indicator,
    (panels, panel_units): (&'p mut Vec<Panel>, &mut Vec<String>),
) -> &'p mut Panel {
    let unit_label = match spec.transform {
        Transform::Absolute => unit_label(indicator, t.language()),
        Transform::Index { base_year } => t.with(
            "chart-index-axis",
            &[("base", base_year.to_string().into())],
        ),
        Transform::PercentChange { base_year } => t.with(
            "chart-change-axis",
            &[("base", base_year.to_string().into())],
        ),
    };
    let index = match panel_units.iter().position(|u| *u == unit_label) {
        Some(i) => i,
        None => {
            panel_units.push(unit_label.clone());
            panels.push(Panel {
                y_label: if spec.log_scale {
                    t.with("chart-log-axis", &[("unit", (&unit_label).into())])
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
    &mut panels[index]
}

/// The figures of each series of `spec`, grouped in one pass over the data.
fn figures_by_series<'a>(
    spec: &'a ChartSpec,
    data: &'a ChartData,
) -> BTreeMap<Codes<'a>, Vec<&'a Observation>> {
    let mut by_series: BTreeMap<Codes, Vec<&Observation>> =
        spec.series.iter().map(|k| (codes(k), Vec::new())).collect();
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
    by_series
}

/// The plotted points of one series, in the years shown, after the transform and the log
/// scale; `None` (with a note) when the series cannot be shown relative to its base year.
/// A unit a reform made has its estimates from its predecessors in the years before it
/// existed, where it has no figure of its own.
fn series_points(
    spec: &ChartSpec,
    data: &ChartData,
    (key, note_labels): (&SeriesKey, &Labels),
    indicator: &Indicator,
    observed: &[&Observation],
    gathered: &mut Gathered,
) -> Option<Vec<ChartPoint>> {
    let shown = |year: i32| {
        spec.years
            .is_none_or(|(from, to)| (from..=to).contains(&year))
    };
    let mut figures: Vec<Figure> = observed
        .iter()
        .filter(|o| shown(o.period.year))
        .map(|o| Figure {
            year: o.period.year,
            label: &o.period.label,
            value: o.value,
            status: o.status,
            qualifier: o.qualifier,
            footnote: &o.footnote,
            source: &o.source_code,
            estimate: None,
        })
        .collect();
    let began = data
        .area_dates
        .get(&key.area)
        .map(|(from, _)| from.as_str());
    let began_year = began.and_then(|d| d.get(..4)?.parse::<i32>().ok());
    let estimates = data.estimates.get(key).map_or(&[][..], Vec::as_slice);
    let mut estimated = false;
    for e in estimates {
        let before = began_year.is_some_and(|y| e.year <= y);
        if before && shown(e.year) && !figures.iter().any(|f| f.year == e.year) {
            estimated = true;
            figures.push(Figure {
                year: e.year,
                label: "",
                value: e.value,
                status: Status::Estimated,
                qualifier: Qualifier::Exact,
                footnote: "",
                source: &key.source,
                estimate: Some(e),
            });
        }
    }
    figures.sort_by(|a, b| (a.year, a.label).cmp(&(b.year, b.label)));
    if estimated && let Some(from) = began {
        gathered
            .estimated
            .entry(from.to_owned())
            .or_default()
            .push(note_labels.label(key, data));
    }

    let base = match spec.transform {
        Transform::Absolute => None,
        Transform::Index { base_year } | Transform::PercentChange { base_year } => {
            match figures
                .iter()
                .find(|f| f.year == base_year && f.value != 0.0)
            {
                Some(f) => Some(f.value),
                None => {
                    gathered.notes.push(ChartNote::NoBaseFigure {
                        series: note_labels.label(key, data),
                        base_year,
                    });
                    return None;
                }
            }
        }
    };
    let mut points = Vec::with_capacity(figures.len());
    for f in &figures {
        let mut y = match (spec.transform, base) {
            (Transform::Index { .. }, Some(b)) => f.value / b * 100.0,
            (Transform::PercentChange { .. }, Some(b)) => (f.value / b - 1.0) * 100.0,
            _ => f.value,
        };
        if spec.log_scale {
            if y <= 0.0 {
                gathered.dropped_for_log = true;
                continue;
            }
            y = y.log10();
        }
        gathered.statuses.insert(f.status);
        if !f.footnote.is_empty() && (f.status != Status::Normal || f.qualifier != Qualifier::Exact)
        {
            let period = if f.label.is_empty() {
                f.year.to_string()
            } else {
                f.label.to_owned()
            };
            gathered.footnotes.push(format!(
                "{} {period}: {}",
                indicator.short_name.get(data.language),
                f.footnote
            ));
        }
        gathered.used_sources.insert(f.source.to_owned());
        if let Some(e) = f.estimate {
            // The weights are figures too, and are cited.
            gathered.used_sources.extend(
                e.parts
                    .iter()
                    .filter(|p| !p.weight_source.is_empty())
                    .map(|p| p.weight_source.clone()),
            );
        }
        gathered.years.push(f.year);
        points.push(ChartPoint {
            year: f.year,
            period_label: f.label.to_owned(),
            y,
            value: f.value,
            status: f.status,
            qualifier: f.qualifier,
            footnote: f.footnote.to_owned(),
            source: f.source.to_owned(),
            estimate: f.estimate.map(|e| OnNewBoundaries {
                from: began.unwrap_or_default().to_owned(),
                parts: parts_in_words(e, data, indicator),
            }),
        });
    }
    Some(points)
}

/// The target and baseline lines of the series in `panel`, each once.
fn reference_lines(
    words: &Messages,
    panel: &Panel,
    spec: &ChartSpec,
    data: &ChartData,
) -> Vec<ReferenceLine> {
    let numbers = Numbers::of(data.language);
    let mut lines = Vec::new();
    let mut seen = BTreeSet::new();
    for key in panel.series.iter().map(|s| &s.key) {
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
            let Some(indicator) = data.indicators.iter().find(|i| i.code == t.indicator_code)
            else {
                continue;
            };
            let fmt = |v: f64| {
                format!(
                    "{}{}",
                    numbers.format(v, indicator.decimals),
                    unit_suffix(indicator, numbers.language())
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
                lines.push(ReferenceLine {
                    kind: ReferenceKind::Target,
                    y,
                    label: words.with(
                        "chart-target-line",
                        &[
                            ("year", t.target_year.to_string().into()),
                            ("value", fmt(t.target_value).into()),
                        ],
                    ),
                });
            }
            if let Some((year, value)) = t.baseline
                && let Some(y) = level(value)
            {
                lines.push(ReferenceLine {
                    kind: ReferenceKind::Baseline,
                    y,
                    label: words.with(
                        "chart-baseline-line",
                        &[
                            ("year", year.to_string().into()),
                            ("value", fmt(value).into()),
                        ],
                    ),
                });
            }
        }
    }
    lines
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

/// The unit as an axis names it: "Per 1,000 live births (‰)".
pub(super) fn unit_label(indicator: &Indicator, language: Language) -> String {
    let (name, symbol) = (
        indicator.unit.name.get(language),
        indicator.unit.symbol.get(language),
    );
    // A symbol in words that repeats the name ("Houses (houses)", "Million inhabitants
    // (million people)") says nothing more; a sign (%, ‰) or a code (USD) does.
    let words = |s: &str| -> Vec<String> {
        crate::text::fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().any(char::is_alphabetic))
            .map(str::to_owned)
            .collect()
    };
    let name_words = words(name);
    let repeats = words(symbol).iter().any(|w| name_words.contains(w));
    if symbol.is_empty() || symbol == name || repeats {
        name.to_owned()
    } else {
        format!("{name} ({symbol})")
    }
}

/// Which parts a series label names: only what differs between the series on the chart.
#[derive(Clone, Copy)]
struct Labels {
    indicator: bool,
    area: bool,
    subgroup: bool,
    source: bool,
}

impl Labels {
    fn of(spec: &ChartSpec) -> Labels {
        let differs = |f: fn(&SeriesKey) -> &String| {
            spec.series.iter().map(f).collect::<BTreeSet<_>>().len() > 1
        };
        Labels {
            indicator: differs(|k| &k.indicator),
            area: differs(|k| &k.area),
            subgroup: differs(|k| &k.subgroup),
            source: differs(|k| &k.source),
        }
    }

    fn label(&self, key: &SeriesKey, data: &ChartData) -> String {
        let mut parts = Vec::new();
        if self.indicator {
            let name = data.indicators.iter().find(|i| i.code == key.indicator);
            parts.push(name.map_or(key.indicator.clone(), |i| {
                i.short_name.get(data.language).to_owned()
            }));
        }
        let named = |names: &BTreeMap<String, Name>, code: &String| {
            names
                .get(code)
                .map_or_else(|| code.clone(), |n| n.get(data.language).to_owned())
        };
        if self.area {
            parts.push(named(&data.area_names, &key.area));
        }
        if self.subgroup {
            parts.push(named(&data.subgroup_names, &key.subgroup));
        }
        if self.source || parts.is_empty() {
            let name = data.sources.iter().find(|s| s.code == key.source);
            parts.push(name.map_or(key.source.clone(), |s| {
                s.short_name.get(data.language).to_owned()
            }));
        }
        parts.join(" · ")
    }
}

/// The changes of boundaries within the years shown, of the areas on the chart: the day an
/// area began (2025-07-01), or the day after it ended. Figures on either side are of
/// different areas, which a reader comparing them must know.
fn boundary_changes(
    spec: &ChartSpec,
    data: &ChartData,
    years: Option<(i32, i32)>,
) -> BTreeSet<String> {
    let Some((first, last)) = years else {
        return BTreeSet::new();
    };
    let mut days: BTreeSet<String> = BTreeSet::new();
    for key in &spec.series {
        let Some((from, until)) = data.area_dates.get(&key.area) else {
            continue;
        };
        let after_end = chrono::NaiveDate::parse_from_str(until, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.succ_opt())
            .map(|d| d.format("%Y-%m-%d").to_string());
        for day in [Some(from.clone()).filter(|d| !d.is_empty()), after_end]
            .into_iter()
            .flatten()
        {
            let year: i32 = day.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
            if (first..=last).contains(&year) {
                days.insert(day);
            }
        }
    }
    days
}

/// Where a day falls on an axis of years whose figures sit on the whole numbers: the year
/// plus the share of it gone by (2025-07-01 is 2025 + 181/365).
fn year_fraction(day: chrono::NaiveDate) -> f64 {
    use chrono::Datelike;
    let days_in_year = if chrono::NaiveDate::from_ymd_opt(day.year(), 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    f64::from(day.year()) + f64::from(day.ordinal0()) / days_in_year
}

/// The areas of a chart as its subtitle names them: each by name when they are few, else the
/// country (and any other named whole) by name and the rest counted by level ("Việt Nam, 11
/// tỉnh, thành phố, 1 vùng"): 63 names over five lines squeezed the plot to a strip.
fn areas_in_words(t: &Messages, data: &ChartData, areas: &BTreeSet<&str>) -> String {
    /// The most areas named one by one.
    const NAMED: usize = 4;
    let name = |a: &str| {
        data.area_names
            .get(a)
            .map_or_else(|| a.to_owned(), |n| n.get(data.language).to_owned())
    };
    if areas.len() <= NAMED {
        return areas.iter().map(|a| name(a)).collect::<Vec<_>>().join(", ");
    }
    let level = |a: &str| data.area_levels.get(a).map_or("", String::as_str);
    let mut words: Vec<String> = areas
        .iter()
        .filter(|a| matches!(level(a), "country" | "world" | "aggregate"))
        .map(|a| name(a))
        .collect();
    for (levels, id) in [
        (&["province"][..], "chart-count-provinces"),
        (&["region"][..], "chart-count-regions"),
        (&["district", "commune", ""][..], "chart-count-areas"),
    ] {
        let count = areas.iter().filter(|a| levels.contains(&level(a))).count();
        if count > 0 {
            words.push(t.with(id, &[("count", count.into())]));
        }
    }
    words.join(", ")
}

fn titles(
    t: &Messages,
    spec: &ChartSpec,
    data: &ChartData,
    years: Option<(i32, i32)>,
) -> (String, String) {
    let codes: BTreeSet<&str> = spec.series.iter().map(|k| k.indicator.as_str()).collect();
    let names: Vec<String> = codes
        .iter()
        .map(|c| {
            data.indicators
                .iter()
                .find(|i| i.code == *c)
                .map_or((*c).to_owned(), |i| i.name.get(data.language).to_owned())
        })
        .collect();
    let title = if names.is_empty() {
        t.get("chart-no-indicator")
    } else {
        names.join(", ")
    };
    let areas: BTreeSet<&str> = spec.series.iter().map(|k| k.area.as_str()).collect();
    let mut parts: Vec<String> = Vec::new();
    if !areas.is_empty() {
        parts.push(areas_in_words(t, data, &areas));
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
        Transform::Index { base_year } => parts.push(t.with(
            "chart-index-subtitle",
            &[("base", base_year.to_string().into())],
        )),
        Transform::PercentChange { base_year } => parts.push(t.with(
            "chart-change-subtitle",
            &[("base", base_year.to_string().into())],
        )),
    }
    if spec.log_scale {
        parts.push(t.get("chart-log-subtitle"));
    }
    (title, parts.join(" · "))
}
