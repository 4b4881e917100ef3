//! From figures to a chart description: what to draw, computed without any drawing library.
//!
//! | module        | holds                                                            |
//! |---------------|------------------------------------------------------------------|
//! | (this)        | [`ChartDescription`]: the words around a chart and its [`ChartBody`] |
//! | `time_series` | the time-series kind: panels of series over years                 |
//! | `ranking`     | the ranking kind: every province of a year as a sorted bar       |
//! | `boundaries`  | estimates for units the 2025 reform made, from their predecessors |
//! | `axis`        | ticks: whole years, 1-2-5 values, log ticks, and their labels     |
//! | `style`       | palette, themes, verdict and reference colours, dashes, markers   |
//! | `note`        | [`ChartNote`]: what a reader should know, as typed values         |
//! | `headline`    | the headline card: latest value, changes, progress                |
//! | `progress`    | progress towards a target, Open SDG's method                      |
//! | `table`       | the table of a chart: years as rows, changes                      |
//!
//! [`describe`] turns what the user chose ([`ChartSpec`], from `model`) and the figures
//! ([`ChartData`]) into a description; every renderer (the window's egui_plot, the SVG/PNG
//! export, the slides, the table) draws that description and reads its axis and style from
//! `axis` and `style`, so the window and the exported file cannot disagree. A new kind of chart
//! is a variant of [`ChartKind`] and of [`ChartBody`], a module here that describes it, and a
//! drawing of it in each renderer.

pub mod axis;
pub mod boundaries;
pub mod headline;
pub mod labels;
pub mod map;
pub mod note;
pub mod progress;
pub mod ranking;
pub mod style;
pub mod table;
pub mod time_series;

use std::collections::BTreeMap;

use crate::locale::{Language, Messages, Numbers};
pub use crate::model::selection::{ChartKind, ChartSpec, SeriesKey, Transform};
use crate::model::{Area, Indicator, Name, Observation, Qualifier, Source, Status, Target};
pub use note::ChartNote;
pub use style::PALETTE;
pub use time_series::{
    BoundaryBreak, ChartPoint, OnNewBoundaries, Panel, ReferenceKind, ReferenceLine, Run,
    SeriesDescription, TimeSeries,
};

/// Everything a chart needs from the store, already fetched.
#[derive(Clone, Debug, Default)]
pub struct ChartData {
    pub indicators: Vec<Indicator>,
    /// The figures of every series in the spec (other figures are ignored).
    pub observations: Vec<Observation>,
    pub targets: Vec<Target>,
    pub sources: Vec<Source>,
    /// Area and subgroup names by code, for labels.
    pub area_names: BTreeMap<String, Name>,
    /// Area levels by code (country, region, province…), for a subtitle that counts them.
    pub area_levels: BTreeMap<String, String>,
    /// The dates areas were valid, by code, for those valid only for a time (ISO dates,
    /// empty: open): a chart across a change of boundaries says so.
    pub area_dates: BTreeMap<String, (String, String)>,
    pub subgroup_names: BTreeMap<String, Name>,
    /// Every area of the file, in Vietnamese alphabetical order: a ranking ranks the
    /// provinces valid on its day, coloured by their region.
    pub areas: Vec<Area>,
    /// Estimates on new boundaries of the units a reform made, by series (its area the new
    /// unit): the years before a unit existed, computed from its predecessors (never stored
    /// as figures).
    pub estimates: BTreeMap<SeriesKey, Vec<boundaries::Estimate>>,
    /// The language of the chart's words and numbers.
    pub language: Language,
}

/// A drawable chart: the words around it, common to every kind, and its kind's body.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartDescription {
    pub title: String,
    pub subtitle: String,
    pub body: ChartBody,
    /// Every source with a figure on the chart, for the sources panel and the footer.
    pub sources: Vec<Source>,
    /// Footnotes of flagged figures (estimated, provisional, forecast, break, qualified).
    pub footnotes: Vec<String>,
    /// What the styles mean, and what was left out and why.
    pub notes: Vec<ChartNote>,
    /// The language its words are in, and its numbers are to be written in by every
    /// renderer (`0,766` or `0.766`).
    pub language: Language,
}

/// What is drawn inside the frame of words, by kind of chart.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartBody {
    TimeSeries(TimeSeries),
    Ranking(ranking::Ranking),
    Map(map::Map),
}

impl ChartDescription {
    /// The chart's words.
    pub fn messages(&self) -> &'static Messages {
        Messages::of(self.language)
    }

    /// How the chart's numbers are written.
    pub fn numbers(&self) -> &'static Numbers {
        Numbers::of(self.language)
    }

    pub fn kind(&self) -> ChartKind {
        match self.body {
            ChartBody::TimeSeries(_) => ChartKind::TimeSeries,
            ChartBody::Ranking(_) => ChartKind::Ranking,
            ChartBody::Map(_) => ChartKind::Map,
        }
    }

    /// The panels of a time series (none for other kinds).
    pub fn panels(&self) -> &[Panel] {
        match &self.body {
            ChartBody::TimeSeries(t) => &t.panels,
            ChartBody::Ranking(_) | ChartBody::Map(_) => &[],
        }
    }

    /// The changes of boundaries a time series crosses.
    pub fn breaks(&self) -> &[BoundaryBreak] {
        match &self.body {
            ChartBody::TimeSeries(t) => &t.breaks,
            ChartBody::Ranking(_) | ChartBody::Map(_) => &[],
        }
    }

    /// The years on the x axis of a time series, inclusive.
    pub fn years(&self) -> Option<(i32, i32)> {
        match &self.body {
            ChartBody::TimeSeries(t) => t.years,
            ChartBody::Ranking(r) | ChartBody::Map(map::Map { ranking: r, .. }) => {
                r.year.map(|y| (r.since.unwrap_or(y).min(y), y))
            }
        }
    }

    /// The provinces' figures of a ranking, or of a map (none for a time series).
    pub fn ranking(&self) -> Option<&ranking::Ranking> {
        match &self.body {
            ChartBody::Ranking(r) => Some(r),
            ChartBody::Map(m) => Some(&m.ranking),
            ChartBody::TimeSeries(_) => None,
        }
    }

    /// The map's body (none for other kinds).
    pub fn map(&self) -> Option<&map::Map> {
        match &self.body {
            ChartBody::Map(m) => Some(m),
            _ => None,
        }
    }

    /// Every series on the chart, in order.
    pub fn series(&self) -> impl Iterator<Item = &SeriesDescription> {
        self.panels().iter().flat_map(|p| &p.series)
    }
}

/// Builds the description of `spec` from `data`, by the kind of chart chosen.
pub fn describe(spec: &ChartSpec, data: &ChartData) -> ChartDescription {
    match spec.kind {
        ChartKind::TimeSeries => time_series::describe(spec, data),
        ChartKind::Ranking => ranking::describe(spec, data),
        ChartKind::Map => map::describe(spec, data),
    }
}

/// " %" or " ‰" or " houses": what follows a number.
pub fn unit_suffix(indicator: &Indicator, language: Language) -> String {
    unit_symbol_suffix(indicator.unit.symbol.get(language))
}

/// What follows a number of a unit with `symbol`: "%" and "‰" stick to it, words are spaced.
pub fn unit_symbol_suffix(symbol: &str) -> String {
    match symbol {
        "" => String::new(),
        "%" | "‰" => symbol.to_owned(),
        other => format!(" {other}"),
    }
}

/// The words put before a figure: "about 11 %", "khoảng 11 %".
pub fn qualifier_prefix(t: &Messages, qualifier: Qualifier) -> String {
    match qualifier {
        Qualifier::Exact => String::new(),
        q => format!(
            "{} ",
            t.get(&format!("qualifier-{}", q.as_str().replace('_', "-")))
        ),
    }
}

/// The decimals to write a figure with: the indicator's, but none for a round figure quoted
/// as such ("about 11 %", "more than 100,000"), which was never measured to a decimal.
pub fn shown_decimals(value: f64, decimals: u8, qualifier: Qualifier) -> u8 {
    if qualifier != Qualifier::Exact && value.fract() == 0.0 {
        0
    } else {
        decimals
    }
}

/// A figure's status as a reader calls it: "estimated", "sơ bộ".
pub fn status_word(t: &Messages, status: Status) -> String {
    t.get(&format!("status-{}", status.as_str()))
}

/// An area's name in the chart's language, else its code.
fn area_name(data: &ChartData, code: &str) -> String {
    data.area_names
        .get(code)
        .map_or_else(|| code.to_owned(), |n| n.get(data.language).to_owned())
}

/// What hovering a point shows: year, value with its decimals and unit, flags, source, footnote.
pub fn hover_text(
    series: &SeriesDescription,
    point: &ChartPoint,
    sources: &[Source],
    language: Language,
) -> String {
    let (t, numbers) = (Messages::of(language), Numbers::of(language));
    let period = if point.period_label.is_empty() {
        point.year.to_string()
    } else {
        point.period_label.clone()
    };
    let unit = unit_symbol_suffix(&series.unit_symbol);
    let mut text = format!(
        "{}\n{period}: {}{}{unit}",
        series.label,
        qualifier_prefix(t, point.qualifier),
        numbers.format(point.value, series.decimals)
    );
    if let Some(estimate) = &point.estimate {
        // Not a figure anyone published: what it was computed from instead of a source.
        let year = estimate.from.get(..4).unwrap_or_default();
        text.push('\n');
        text.push_str(&t.with(
            "estimate-from-parts",
            &[
                ("year", year.into()),
                ("parts", estimate.parts.join("; ").into()),
            ],
        ));
        return text;
    }
    if point.status != Status::Normal {
        text.push_str(&format!(" ({})", status_word(t, point.status)));
    }
    let source = sources.iter().find(|s| s.code == point.source);
    let source = source.map_or(point.source.as_str(), |s| s.short_name.get(language));
    text.push('\n');
    text.push_str(&t.with("hover-source", &[("source", source.into())]));
    if !point.footnote.is_empty() {
        text.push('\n');
        text.push_str(&t.with("hover-note", &[("note", (&point.footnote).into())]));
    }
    text
}
