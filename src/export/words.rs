//! The sentences of a chart that a reader sees, written in one place for every surface that
//! shows a chart (the exported file, the slides, the window's legend): the footer's source
//! lines, the notes, the legend's entry for tentative figures.
//!
//! The chart description holds typed values ([`ChartNote`], [`Source`], [`Status`]); only
//! here do they become words, in the language of the translation files chosen
//! (`assets/i18n/<code>/chart.ftl`).

use crate::chart::{ChartNote, status_word};
use crate::locale::Messages;
use crate::model::{Source, Status};

/// A note as a sentence.
pub fn note(t: &Messages, note: &ChartNote) -> String {
    match note {
        ChartNote::User(text) => text.clone(),
        ChartNote::NoSuchIndicator { code } => {
            t.with("note-no-such-indicator", &[("code", code.into())])
        }
        ChartNote::NoBaseFigure { series, base_year } => t.with(
            "note-no-base-figure",
            &[
                ("series", series.into()),
                ("base", base_year.to_string().into()),
            ],
        ),
        ChartNote::StatusStyle(status) => match status {
            Status::Normal => String::new(),
            Status::Break => t.get("note-style-break"),
            Status::Estimated => t.get("note-style-estimated"),
            tentative => t.with(
                "note-style-tentative",
                &[("status", status_word(t, *tentative).into())],
            ),
        },
        ChartNote::LogScaleDropsNonPositive => t.get("note-log-drops"),
        ChartNote::NewBoundaries { from } => {
            let date = crate::locale::iso_date(t.language(), from);
            t.with("note-new-boundaries", &[("date", date.into())])
        }
        ChartNote::EstimatesOnMap { from, count } => {
            let date = crate::locale::iso_date(t.language(), from);
            t.with(
                "note-estimates-on-map",
                &[("date", date.into()), ("count", (*count).into())],
            )
        }
        ChartNote::EstimatesOnNewBoundaries { from, count } => {
            let date = crate::locale::iso_date(t.language(), from);
            t.with(
                "note-estimates-on-new-boundaries",
                &[("date", date.into()), ("count", (*count).into())],
            )
        }
        ChartNote::SeriesOnNewBoundaries { from, series } => {
            let date = crate::locale::iso_date(t.language(), from);
            t.with(
                "note-series-on-new-boundaries",
                &[("date", date.into()), ("series", series.join(", ").into())],
            )
        }
        ChartNote::TentativeFigures { status, areas } => t.with(
            "note-tentative-figures",
            &[
                ("status", status_word(t, *status).into()),
                ("areas", areas.join(", ").into()),
            ],
        ),
        ChartNote::NoData { areas } => {
            t.with("note-no-data", &[("areas", areas.join(", ").into())])
        }
    }
}

/// The legend's entry for the styles of tentative figures: "estimated, provisional".
pub fn tentative_legend(t: &Messages, statuses: &[Status]) -> String {
    statuses
        .iter()
        .map(|s| status_word(t, *s))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A source as the footer cites it: publisher, title, edition, and the licence when a CC BY
/// licence asks for attribution.
pub fn source_line(t: &Messages, s: &Source) -> String {
    let language = t.language();
    let mut citation = if s.publisher.is_empty() {
        s.short_name.get(language).to_owned()
    } else {
        s.publisher.get(language).to_owned()
    };
    if !s.title.is_empty() {
        citation.push_str(&format!(", {}", s.title.get(language)));
    }
    if !s.edition.is_empty() {
        citation.push_str(&format!(" ({})", s.edition.get(language)));
    }
    let mut line = t.with("footer-source", &[("citation", citation.into())]);
    if s.licence.to_ascii_uppercase().contains("CC BY") {
        line.push_str(". ");
        line.push_str(&t.with("footer-licence", &[("licence", (&s.licence).into())]));
    }
    line.push('.');
    line
}

/// A footnote of a flagged figure, in the footer.
pub fn footnote(t: &Messages, text: &str) -> String {
    t.with("footer-note", &[("text", text.into())])
}

/// The footer's last line when footnotes were left out for room.
pub fn more_footnotes(t: &Messages, n: usize) -> String {
    t.with("footer-more-notes", &[("count", n.into())])
}

/// What an empty chart says.
pub fn no_figures(t: &Messages) -> String {
    t.get("chart-no-figures")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Language;

    #[test]
    fn the_footer_says_source_and_note_in_the_charts_language() {
        let source = Source {
            code: "WB".into(),
            short_name: "WB".into(),
            publisher: "World Bank".into(),
            licence: "CC BY 4.0".into(),
            ..Default::default()
        };
        let vi = Messages::of(Language::Vietnamese);
        let line = source_line(vi, &source);
        assert!(line.starts_with("Nguồn: World Bank"), "{line}");
        assert!(
            footnote(vi, "x").starts_with("Ghi chú: "),
            "{}",
            footnote(vi, "x")
        );
        let en = Messages::of(Language::English);
        assert!(source_line(en, &source).starts_with("Source: World Bank"));
        assert_eq!(footnote(en, "x"), "Note: x");
        let estimated = note(vi, &ChartNote::StatusStyle(Status::Estimated));
        assert!(estimated.contains("ước tính"), "{estimated}");
    }
}
