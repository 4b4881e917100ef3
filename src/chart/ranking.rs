//! The ranking kind: one indicator in one year, every province valid that year as a sorted
//! bar, best at the top by the indicator's direction, the nation as a reference line; the
//! question a steering committee asks most ("which provinces are behind?").
//!
//! Which provinces are ranked is the data's, not the code's: the areas of level `province`
//! valid on the boundaries' day (by default the last day of the year ranked, the day an
//! import matches names on). A unit the 2025 reform made, ranked for a year before it, has an
//! estimate from its predecessors (`ChartData::estimates`), labelled wherever it is shown.

use std::collections::{BTreeMap, BTreeSet};

use super::area_name as name;
use super::boundaries::Estimate;
use super::headline::{Verdict, verdict};
use super::{ChartBody, ChartData, ChartDescription, ChartNote, ChartSpec, unit_suffix};
use crate::locale::{Messages, Numbers};
use crate::model::selection::RankingColour;
use crate::model::{Area, Direction, Observation, Qualifier, Status};

/// The body of a ranking chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    /// The year ranked; `None` when no province has a figure.
    pub year: Option<i32>,
    /// The earlier year of each bar's second mark.
    pub since: Option<i32>,
    /// The day whose boundaries are ranked (ISO).
    pub boundaries: String,
    /// Best first, by the indicator's direction (largest first when it has none).
    pub bars: Vec<Bar>,
    /// The national figure of the year, drawn as a line across the bars.
    pub national: Option<Reference>,
    /// The national target, when the file has one.
    pub target: Option<Reference>,
    /// The provinces valid that year without a figure, by name.
    pub no_data: Vec<String>,
    /// What the value axis measures: "Per 1,000 live births (‰)".
    pub value_label: String,
    /// How values are written: decimals of the indicator.
    pub decimals: u8,
    pub direction: Direction,
    /// What each colour of the bars means, in order.
    pub legend: Vec<(String, Fill)>,
    /// The years any province has a figure (or an estimate) in, for choosing another.
    pub years: Vec<i32>,
}

/// One province's bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub area: String,
    pub label: String,
    /// The name of the province's region (empty when it has none).
    pub region: String,
    /// 1 for the best; provinces with equal figures share a rank (1, 2, 2, 4).
    pub rank: usize,
    pub value: f64,
    /// The value as a reader reads it: "22,4‰", "khoảng 11 %".
    pub text: String,
    /// The figure of the earlier year, for the dumbbell's second mark.
    pub since: Option<f64>,
    pub since_text: Option<String>,
    pub fill: Fill,
    pub status: Status,
    pub source: String,
    /// When the value is an estimate on new boundaries: the predecessors it was computed from
    /// (name, figure, weight written out), for the tooltip and the table.
    pub estimate: Option<Vec<String>>,
}

impl Bar {
    /// "12. Hà Giang": what stands before the bar.
    pub fn row_label(&self) -> String {
        format!("{}. {}", self.rank, self.label)
    }
}

impl Ranking {
    /// The values a value axis spans: zero, every bar, earlier mark and line across.
    pub fn value_range(&self) -> (f64, f64) {
        let values = self
            .bars
            .iter()
            .flat_map(|b| std::iter::once(b.value).chain(b.since))
            .chain(self.national.iter().map(|n| n.value))
            .chain(self.target.iter().map(|t| t.value))
            .chain([0.0]);
        let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
        if hi - lo > f64::EPSILON {
            (lo, hi)
        } else {
            (lo, lo + 1.0)
        }
    }
}

/// How a bar is filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// A palette colour (a region's).
    Palette(usize),
    /// Better or worse than the nation.
    Verdict(Verdict),
}

/// A line across the bars: the nation's figure, or its target.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub value: f64,
    /// "Việt Nam 2016: 22,4‰"
    pub label: String,
}

/// The level of the areas a ranking ranks.
const PROVINCE: &str = "province";

/// Builds the description of a ranking of `spec` from `data`: the first series names the
/// indicator, subgroup and source (its area, the nation the bars are compared with).
pub fn describe(spec: &ChartSpec, data: &ChartData) -> ChartDescription {
    let t = Messages::of(data.language);
    let numbers = Numbers::of(data.language);
    let mut notes = Vec::new();
    let key = spec.series.first();
    let indicator = key.and_then(|k| data.indicators.iter().find(|i| i.code == k.indicator));
    let (Some(key), Some(indicator)) = (key, indicator) else {
        if let Some(key) = key {
            notes.push(ChartNote::NoSuchIndicator {
                code: key.indicator.clone(),
            });
        }
        return empty(spec, data, notes);
    };
    let figures = Figures::of(spec, data);
    let day = |year: i32| {
        spec.ranking
            .boundaries
            .clone()
            .unwrap_or_else(|| format!("{year:04}-12-31"))
    };
    // How many provinces each year has a figure for: the years to choose from, and the
    // default, the latest year with the most provinces.
    let counts = figures.counts(data, &day);
    let year = spec.ranking.year.or_else(|| {
        let best = counts.iter().max_by_key(|(year, count)| (**count, **year));
        best.map(|(year, _)| *year)
    });
    let boundaries = day(year.unwrap_or(0));
    let ranked: Vec<&Area> = data
        .areas
        .iter()
        .filter(|a| a.level == PROVINCE && valid_on(a, &boundaries))
        .collect();
    let nation = national_area(data, &key.area);
    // The status is not written on every bar (63 times "provisional"): the subtitle or a
    // note, the hover and the table say it.
    let value_text = |value: f64| {
        format!(
            "{}{}",
            numbers.format(value, indicator.decimals),
            unit_suffix(indicator, data.language)
        )
    };
    // "about 11 %": a figure published as approximate is never written as exact.
    let figure_text = |f: &Figure| {
        format!(
            "{}{}",
            super::qualifier_prefix(t, f.qualifier),
            value_text(f.value)
        )
    };
    let regions = regions_of(data, &ranked);
    let national = year.and_then(|y| {
        let o = figures.observed(nation?, y)?;
        Some((o.value, name(data, nation?), y, o.status))
    });
    let mut bars = Vec::new();
    let mut no_data = Vec::new();
    let mut estimated = 0;
    let mut used_sources = BTreeSet::new();
    let mut footnotes = Vec::new();
    for area in &ranked {
        let figure = year.and_then(|y| figures.of_area(&area.code, y));
        let Some(figure) = figure else {
            no_data.push(area.name.get(data.language).to_owned());
            continue;
        };
        let since = spec
            .ranking
            .since
            .and_then(|y| figures.of_area(&area.code, y));
        if let Some(source) = figure.source {
            used_sources.insert(source.to_owned());
            if let Some(o) = figures.observed(&area.code, figure.year) {
                footnote(&mut footnotes, o, data);
            }
        }
        let estimate = figure
            .estimate
            .map(|e| super::boundaries::parts_in_words(e, data, indicator));
        if let Some(e) = figure.estimate {
            estimated += 1;
            // Computed from the chart's own source, weighed by another's: both are cited.
            used_sources.insert(key.source.clone());
            used_sources.extend(
                e.parts
                    .iter()
                    .filter(|p| !p.weight_source.is_empty())
                    .map(|p| p.weight_source.clone()),
            );
        }
        let fill = match (spec.ranking.colour, &national) {
            (RankingColour::VersusNation, Some((n, ..))) => {
                Fill::Verdict(verdict(indicator.direction, *n, figure.value))
            }
            _ => Fill::Palette(
                area.parent_code
                    .as_ref()
                    .and_then(|p| regions.iter().position(|r| r.0 == *p))
                    .unwrap_or(super::style::MUTED),
            ),
        };
        bars.push(Bar {
            area: area.code.clone(),
            label: area.name.get(data.language).to_owned(),
            region: area
                .parent_code
                .as_ref()
                .and_then(|p| regions.iter().find(|r| r.0 == *p))
                .map_or_else(String::new, |r| r.1.clone()),
            rank: 0,
            value: figure.value,
            text: figure_text(&figure),
            since: since.as_ref().map(|s| s.value),
            since_text: since.as_ref().map(figure_text),
            fill,
            status: figure.status,
            source: figure.source.unwrap_or_default().to_owned(),
            estimate,
        });
    }
    sort_bars(&mut bars, indicator.direction);
    if let Some(source) = national
        .as_ref()
        .and_then(|_| figures.source_of(nation?, year?))
    {
        used_sources.insert(source.to_owned());
    }
    let drawn: BTreeSet<&str> = bars
        .iter()
        .filter_map(|b| ranked.iter().find(|a| a.code == b.area))
        .filter_map(|a| a.parent_code.as_deref())
        .collect();
    let regions: Vec<(String, String)> = regions
        .iter()
        .filter(|r| drawn.contains(r.0.as_str()))
        .cloned()
        .collect();
    let legend = legend(t, spec.ranking.colour, national.is_some(), &regions);
    // Tentative figures: said once in the subtitle when every bar has them ("2016, sơ bộ"),
    // else named in a note.
    let tentative = |b: &&Bar| b.estimate.is_none() && b.status.is_tentative();
    let all_status = bars
        .first()
        .map(|b| b.status)
        .filter(|s| s.is_tentative() && bars.iter().all(|b| tentative(&b) && b.status == *s));
    if all_status.is_none() {
        for status in [Status::Estimated, Status::Provisional, Status::Forecast] {
            let areas: Vec<String> = bars
                .iter()
                .filter(|b| tentative(b) && b.status == status)
                .map(|b| b.label.clone())
                .collect();
            if !areas.is_empty() {
                notes.push(ChartNote::TentativeFigures { status, areas });
            }
        }
    }
    let national = national.map(|(value, nation, y, _)| Reference {
        value,
        label: format!("{nation} {y}: {}", value_text(value)),
    });
    let target = nation.and_then(|n| {
        let target = data.targets.iter().find(|x| {
            x.indicator_code == indicator.code
                && x.area_code == n
                && x.subgroup_code == key.subgroup
        })?;
        Some(Reference {
            value: target.target_value,
            label: t.with(
                "chart-target-line",
                &[
                    ("year", target.target_year.to_string().into()),
                    ("value", value_text(target.target_value).into()),
                ],
            ),
        })
    });
    if estimated > 0 {
        notes.push(ChartNote::EstimatesOnNewBoundaries {
            from: boundaries.clone(),
            count: estimated,
        });
    }
    if !no_data.is_empty() {
        notes.push(ChartNote::NoData {
            areas: no_data.clone(),
        });
    }
    if !spec.note.trim().is_empty() {
        notes.insert(0, ChartNote::User(spec.note.clone()));
    }
    footnotes.sort();
    footnotes.dedup();
    let sources = data
        .sources
        .iter()
        .filter(|s| used_sources.contains(&s.code))
        .cloned()
        .collect();
    let subtitle = subtitle(
        t,
        data,
        (key, bars.len()),
        (year, spec.ranking.since, all_status),
        spec.ranking.boundaries.as_deref(),
    );
    let chosen = |t: &Option<String>| t.clone().filter(|t| !t.trim().is_empty());
    ChartDescription {
        title: chosen(&spec.title).unwrap_or_else(|| indicator.name.get(data.language).to_owned()),
        subtitle: chosen(&spec.subtitle).unwrap_or(subtitle),
        body: ChartBody::Ranking(Ranking {
            year,
            since: spec.ranking.since,
            boundaries,
            bars,
            national,
            target,
            no_data,
            value_label: super::time_series::unit_label(indicator, data.language),
            decimals: indicator.decimals,
            direction: indicator.direction,
            legend,
            years: counts.into_keys().collect(),
        }),
        sources,
        footnotes,
        notes,
        language: data.language,
    }
}

/// A ranking of nothing: no indicator chosen, or one the file lacks.
fn empty(spec: &ChartSpec, data: &ChartData, notes: Vec<ChartNote>) -> ChartDescription {
    let t = Messages::of(data.language);
    ChartDescription {
        title: spec
            .title
            .clone()
            .unwrap_or_else(|| t.get("chart-no-indicator")),
        subtitle: String::new(),
        body: ChartBody::Ranking(Ranking {
            year: None,
            since: None,
            boundaries: String::new(),
            bars: Vec::new(),
            national: None,
            target: None,
            no_data: Vec::new(),
            value_label: String::new(),
            decimals: 0,
            direction: Direction::Neutral,
            legend: Vec::new(),
            years: Vec::new(),
        }),
        sources: Vec::new(),
        footnotes: Vec::new(),
        notes,
        language: data.language,
    }
}

/// Best first; equal figures keep the order of the areas (Vietnamese alphabetical) and share
/// a rank.
fn sort_bars(bars: &mut [Bar], direction: Direction) {
    bars.sort_by(|a, b| match direction {
        Direction::LowerIsBetter => a.value.total_cmp(&b.value),
        Direction::HigherIsBetter | Direction::Neutral => b.value.total_cmp(&a.value),
    });
    for i in 0..bars.len() {
        bars[i].rank = if i > 0 && bars[i].value == bars[i - 1].value {
            bars[i - 1].rank
        } else {
            i + 1
        };
    }
}

/// Whether `area` was valid on `day` (ISO).
fn valid_on(area: &Area, day: &str) -> bool {
    (area.valid_from.is_empty() || area.valid_from.as_str() <= day)
        && (area.valid_until.is_empty() || area.valid_until.as_str() >= day)
}

/// The nation the provinces are compared with: the chart's own area when it is a country,
/// else the file's first country.
fn national_area<'a>(data: &'a ChartData, chosen: &'a str) -> Option<&'a str> {
    let is_country = |code: &str| {
        data.areas
            .iter()
            .any(|a| a.code == code && a.level == "country")
    };
    if is_country(chosen) {
        return Some(chosen);
    }
    data.areas
        .iter()
        .find(|a| a.level == "country")
        .map(|a| a.code.as_str())
}

/// The regions of the ranked provinces, in the order of their GSO codes, else the order the
/// file lists them (north to south in the sample), each with its name: the palette's colours
/// go to them in that order.
fn regions_of(data: &ChartData, ranked: &[&Area]) -> Vec<(String, String)> {
    let parents: BTreeSet<&str> = ranked
        .iter()
        .filter_map(|a| a.parent_code.as_deref())
        .collect();
    let mut regions: Vec<&Area> = data
        .areas
        .iter()
        .filter(|a| parents.contains(a.code.as_str()) && a.level == "region")
        .collect();
    regions.sort_by_key(|a| (a.gso_code.is_empty(), a.gso_code.clone(), a.id));
    regions
        .into_iter()
        .map(|r| (r.code.clone(), r.name.get(data.language).to_owned()))
        .collect()
}

fn legend(
    t: &Messages,
    colour: RankingColour,
    has_nation: bool,
    regions: &[(String, String)],
) -> Vec<(String, Fill)> {
    match colour {
        RankingColour::VersusNation if has_nation => vec![
            (
                t.get("ranking-better-than-nation"),
                Fill::Verdict(Verdict::Better),
            ),
            (
                t.get("ranking-worse-than-nation"),
                Fill::Verdict(Verdict::Worse),
            ),
        ],
        _ => regions
            .iter()
            .enumerate()
            .map(|(i, (_, name))| (name.clone(), Fill::Palette(i)))
            .collect(),
    }
}

fn subtitle(
    t: &Messages,
    data: &ChartData,
    (key, count): (&super::SeriesKey, usize),
    (year, since, status): (Option<i32>, Option<i32>, Option<Status>),
    boundaries: Option<&str>,
) -> String {
    let mut parts = vec![t.with("chart-count-provinces", &[("count", count.into())])];
    if let Some(year) = year {
        let year = match status {
            Some(status) => format!("{year} ({})", super::status_word(t, status)),
            None => year.to_string(),
        };
        parts.push(match since {
            Some(since) => t.with(
                "ranking-year-since",
                &[("year", year.into()), ("since", since.to_string().into())],
            ),
            None => year,
        });
    }
    if let Some(day) = boundaries {
        let date = crate::locale::iso_date(t.language(), day);
        parts.push(t.with("ranking-boundaries-of", &[("date", date.into())]));
    }
    if let Some(group) = data.subgroup_names.get(&key.subgroup) {
        parts.push(group.get(data.language).to_owned());
    }
    if let Some(source) = data.sources.iter().find(|s| s.code == key.source) {
        parts.push(source.short_name.get(data.language).to_owned());
    }
    parts.join(" · ")
}

/// The footnote of a flagged figure on the chart.
fn footnote(footnotes: &mut Vec<String>, o: &Observation, data: &ChartData) {
    if !o.footnote.is_empty() && o.status != Status::Normal {
        footnotes.push(format!(
            "{} {}: {}",
            name(data, &o.area_code),
            o.period,
            o.footnote
        ));
    }
}

/// A province's figure of a year: observed, or an estimate on new boundaries.
struct Figure<'a> {
    year: i32,
    value: f64,
    status: Status,
    qualifier: Qualifier,
    source: Option<&'a str>,
    estimate: Option<&'a Estimate>,
}

/// The figures of the ranking's indicator, subgroup and source, by area and year.
struct Figures<'a> {
    observed: BTreeMap<(&'a str, i32), &'a Observation>,
    /// The estimates of the units a reform made, by area.
    estimates: BTreeMap<&'a str, &'a [Estimate]>,
}

impl<'a> Figures<'a> {
    fn of(spec: &ChartSpec, data: &'a ChartData) -> Figures<'a> {
        let mut observed = BTreeMap::new();
        let mut estimates = BTreeMap::new();
        if let Some(key) = spec.series.first() {
            for (of, found) in data.estimates.iter().filter(|(k, _)| {
                k.indicator == key.indicator && k.subgroup == key.subgroup && k.source == key.source
            }) {
                estimates.insert(of.area.as_str(), found.as_slice());
            }
            for o in data.observations.iter().filter(|o| {
                o.indicator_code == key.indicator
                    && o.subgroup_code == key.subgroup
                    && o.source_code == key.source
                    && o.period.label.is_empty()
            }) {
                observed.insert((o.area_code.as_str(), o.period.year), o);
            }
        }
        Figures {
            observed,
            estimates,
        }
    }

    fn observed(&self, area: &str, year: i32) -> Option<&'a Observation> {
        self.observed.get(&(area, year)).copied()
    }

    fn source_of(&self, area: &str, year: i32) -> Option<&'a str> {
        self.observed(area, year).map(|o| o.source_code.as_str())
    }

    /// The figure of `area` in `year`: the one observed, else an estimate from its parts.
    fn of_area(&self, area: &str, year: i32) -> Option<Figure<'a>> {
        if let Some(o) = self.observed(area, year) {
            return Some(Figure {
                year,
                value: o.value,
                status: o.status,
                qualifier: o.qualifier,
                source: Some(&o.source_code),
                estimate: None,
            });
        }
        let e = self.estimates.get(area)?.iter().find(|e| e.year == year)?;
        Some(Figure {
            year,
            value: e.value,
            status: Status::Estimated,
            qualifier: Qualifier::Exact,
            source: None,
            estimate: Some(e),
        })
    }

    /// How many provinces valid on the year's boundaries have a figure, by year.
    fn counts(&self, data: &ChartData, day: &dyn Fn(i32) -> String) -> BTreeMap<i32, usize> {
        let mut years: BTreeSet<i32> = self.observed.keys().map(|(_, y)| *y).collect();
        years.extend(self.estimates.values().copied().flatten().map(|e| e.year));
        let mut counts = BTreeMap::new();
        for year in years {
            let day = day(year);
            let count = data
                .areas
                .iter()
                .filter(|a| a.level == PROVINCE && valid_on(a, &day))
                .filter(|a| self.of_area(&a.code, year).is_some())
                .count();
            if count > 0 {
                counts.insert(year, count);
            }
        }
        counts
    }
}

/// What hovering a bar shows: rank and name, the year's value, the earlier year's, and the
/// source or, for an estimate, the provinces it was computed from.
pub fn hover_text(
    ranking: &Ranking,
    bar: &Bar,
    sources: &[crate::model::Source],
    language: crate::locale::Language,
) -> String {
    let t = Messages::of(language);
    let mut text = bar.row_label();
    if let Some(year) = ranking.year {
        text.push_str(&format!("\n{year}: {}", bar.text));
        if bar.estimate.is_none() && bar.status != Status::Normal {
            text.push_str(&format!(" ({})", super::status_word(t, bar.status)));
        }
    }
    if let (Some(since), Some(since_text)) = (ranking.since, &bar.since_text) {
        text.push_str(&format!("\n{since}: {since_text}"));
    }
    match &bar.estimate {
        Some(parts) => {
            let year = ranking.boundaries.get(..4).unwrap_or_default();
            text.push('\n');
            text.push_str(&t.with(
                "estimate-from-parts",
                &[("year", year.into()), ("parts", parts.join("; ").into())],
            ));
        }
        None => {
            let source = sources.iter().find(|s| s.code == bar.source);
            let source = source.map_or(bar.source.as_str(), |s| s.short_name.get(language));
            text.push('\n');
            text.push_str(&t.with("hover-source", &[("source", source.into())]));
        }
    }
    text
}

/// A bar as a screen reader says it: "12. Hà Giang 45,1‰".
pub fn spoken(bar: &Bar) -> String {
    format!("{} {}", bar.row_label(), bar.text)
}
