//! What a reader of a chart should know beside the lines, as typed values: each surface (the
//! window's legend, the exported file's footer) words them itself.

use crate::model::Status;

#[derive(Clone, Debug, PartialEq)]
pub enum ChartNote {
    /// The user's own note on the chart (saved views, slides).
    User(String),
    /// A series names an indicator the file does not have (a stale saved view).
    NoSuchIndicator { code: String },
    /// A series has no figure in the base year of an index or % change, so it is left out.
    NoBaseFigure { series: String, base_year: i32 },
    /// Figures of this status are on the chart: what their style means.
    StatusStyle(Status),
    /// Zero and negative values were left out of a log scale.
    LogScaleDropsNonPositive,
    /// Provinces on the chart changed boundaries on `from` (an ISO date: 2025-07-01): their
    /// figures before and after it are of different areas.
    NewBoundaries { from: String },
    /// `count` bars of a ranking are estimates on the boundaries of `from` (ISO), computed from
    /// the provinces the units were made of.
    EstimatesOnNewBoundaries { from: String, count: usize },
    /// `count` provinces of a map are estimates on the boundaries of `from` (ISO), hatched.
    EstimatesOnMap { from: String, count: usize },
    /// Series of units a reform made (their labels) have estimates for the years before
    /// `from` (ISO), computed from the provinces each was made of.
    SeriesOnNewBoundaries { from: String, series: Vec<String> },
    /// Provinces of a ranking whose figure has a tentative status, by name.
    TentativeFigures { status: Status, areas: Vec<String> },
    /// Provinces of a ranking without a figure in its year, by name.
    NoData { areas: Vec<String> },
}

impl ChartNote {
    /// Whether the legend already shows what this note says (the style of tentative figures),
    /// so a footer need not repeat it.
    pub fn in_legend(&self) -> bool {
        matches!(self, ChartNote::StatusStyle(s) if s.is_tentative())
    }
}
