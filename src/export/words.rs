//! The sentences of a chart that a reader sees, written in one place for every surface that
//! shows a chart (the exported file, the slides, the window's legend): the footer's source
//! lines, the notes, the legend's entry for tentative figures.
//!
//! The chart description holds typed values ([`ChartNote`], [`Source`], [`Status`]); only
//! here do they become words, so a language is added here and nowhere else.

use crate::chart::ChartNote;
use crate::model::{Source, Status};

/// A note as a sentence.
pub fn note(note: &ChartNote) -> String {
    match note {
        ChartNote::User(text) => text.clone(),
        ChartNote::NoSuchIndicator { code } => format!("{code}: no such indicator"),
        ChartNote::NoBaseFigure { series, base_year } => {
            format!("{series}: no figure for {base_year}, so it cannot be shown relative to it")
        }
        ChartNote::StatusStyle(status) => match status {
            Status::Estimated => "Dashed line, hollow marker: estimated".to_owned(),
            Status::Provisional => "Dashed line, hollow marker: provisional".to_owned(),
            Status::Forecast => "Dashed line, hollow marker: forecast".to_owned(),
            Status::Break => "Square marker: break in series".to_owned(),
            Status::Normal => String::new(),
        },
        ChartNote::LogScaleDropsNonPositive => {
            "Zero and negative values cannot be shown on a log scale and are left out".to_owned()
        }
    }
}

/// The legend's entry for the styles of tentative figures: "estimated, provisional".
pub fn tentative_legend(statuses: &[Status]) -> String {
    statuses
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A source as the footer cites it: publisher, title, edition, and the licence when a CC BY
/// licence asks for attribution.
pub fn source_line(s: &Source) -> String {
    let mut line = format!(
        "Source: {}",
        if s.publisher.is_empty() {
            &s.short_name
        } else {
            &s.publisher
        }
    );
    if !s.title.is_empty() {
        line.push_str(&format!(", {}", s.title));
    }
    if !s.edition.is_empty() {
        line.push_str(&format!(" ({})", s.edition));
    }
    if s.licence.to_ascii_uppercase().contains("CC BY") {
        line.push_str(&format!(". Licensed under {}", s.licence));
    }
    line.push('.');
    line
}

/// A footnote of a flagged figure, in the footer.
pub fn footnote(text: &str) -> String {
    format!("Note: {text}")
}

/// The footer's last line when footnotes were left out for room.
pub fn more_footnotes(n: usize) -> String {
    format!("… and {n} more notes in Chiso")
}

/// What an empty chart says.
pub const NO_FIGURES: &str = "No figures to show";
