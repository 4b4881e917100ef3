//! What the user chose to see: the series, the kind of chart and how values are shown.
//!
//! Plain values, saved between runs and in the database's saved views, so they sit at the
//! bottom of the layers: the store keeps them without knowing how a chart is drawn.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::Observation;

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

/// The kind of chart. Each kind has its description (`chart::ChartBody`) and its drawing in
/// every renderer; a saved view without a kind is a time series (the only kind before there
/// were others).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Years along the x axis, a line per series.
    #[default]
    TimeSeries,
    /// One indicator in one year: every province valid that year as a sorted bar, the
    /// nation as a line ([`RankingSpec`] says which year and boundaries).
    Ranking,
    /// The same figures as a ranking, on a map of the provinces valid on its day, in colour
    /// classes ([`MapSpec`]).
    Map,
}

impl ChartKind {
    /// Whether the kind shows every province of one year (a ranking or a map), from the
    /// figures of the chart's first series' indicator, subgroup and source.
    pub fn by_province(self) -> bool {
        matches!(self, ChartKind::Ranking | ChartKind::Map)
    }
}

/// How a map sorts its provinces into colour classes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MapClasses {
    /// Five classes of as near equal numbers of provinces as ties allow.
    #[default]
    Quantiles,
    /// Five classes of equal width between the lowest and highest figures.
    EqualIntervals,
    /// The user's own breaks, lowest first (the lowest and highest figure bound the ends).
    Breaks(Vec<f64>),
}

/// What a map shows beside the ranking's year and boundaries.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MapSpec {
    pub classes: MapClasses,
    /// Earlier years drawn beside the year mapped (small multiples), at most
    /// [`MAX_MAP_YEARS`]` - 1`, in the same classes.
    pub also_years: Vec<i32>,
}

/// The most maps drawn side by side: three still read on a slide.
pub const MAX_MAP_YEARS: usize = 3;

/// What a ranking shows beside its indicator, subgroup and source (the chart's first series).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RankingSpec {
    /// The year ranked; `None`: the latest year with the most provinces.
    pub year: Option<i32>,
    /// An earlier year, drawn as a second mark on each bar (a dumbbell).
    pub since: Option<i32>,
    /// The day whose boundaries are ranked (ISO date); `None`: those valid in the year. A day
    /// after a reform ranks the new units for earlier years as estimates from their parts.
    pub boundaries: Option<String>,
    pub colour: RankingColour,
}

/// What the colour of a bar says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RankingColour {
    /// The province's region: where in the country the gaps are.
    #[default]
    Region,
    /// Better or worse than the national figure, by the indicator's direction.
    VersusNation,
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
    pub kind: ChartKind,
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
    /// The year, boundaries and colours of a ranking, and of a map (other kinds ignore it).
    pub ranking: RankingSpec,
    /// A map's colour classes (other kinds ignore it).
    pub map: MapSpec,
}

/// The most class breaks a map keeps (a map of more classes than this is not read).
pub const MAX_BREAKS: usize = 12;

/// The most series one chart keeps (see [`ChartSpec::keep_within_bounds`]).
pub const MAX_SERIES: usize = 1000;

/// The years a Chiso file keeps: a year outside them is no figure's.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

impl ChartSpec {
    /// Keeps the years shown within [`YEARS`], first before last, and at most [`MAX_SERIES`]
    /// series. A saved view another program wrote can ask for the years 1 to 2,147,483,647,
    /// which an axis of years would lay out one by one, without end.
    pub fn keep_within_bounds(&mut self) {
        // And a bounded number of series: every province and subgroup of an indicator is a few
        // hundred; a view written elsewhere could name millions, each a query and a line.
        self.series.truncate(MAX_SERIES);
        self.years = self.years.map(|(from, to)| {
            let from = from.clamp(*YEARS.start(), *YEARS.end());
            let to = to.clamp(*YEARS.start(), *YEARS.end());
            (from.min(to), from.max(to))
        });
        let year = |y: i32| y.clamp(*YEARS.start(), *YEARS.end());
        self.ranking.year = self.ranking.year.map(year);
        self.ranking.since = self.ranking.since.map(year);
        // A day is ten characters; anything else is no date a boundary began.
        if let Some(day) = &self.ranking.boundaries
            && chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_err()
        {
            self.ranking.boundaries = None;
        }
        // Breaks a person sets: a handful, each a number.
        self.map.also_years = self.map.also_years.iter().map(|y| year(*y)).collect();
        self.map.also_years.truncate(MAX_MAP_YEARS - 1);
        if let MapClasses::Breaks(breaks) = &mut self.map.classes {
            breaks.retain(|b| b.is_finite());
            breaks.truncate(MAX_BREAKS);
        }
    }
}
