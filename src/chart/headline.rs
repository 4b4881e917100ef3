//! The headline card: what a presenter reads out about one indicator.

use super::progress::{Progress, progress};
use crate::locale::{Messages, Numbers};
use crate::model::{Direction, Indicator, Observation, Target};

/// Whether a change is good news, given the indicator's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Better,
    Worse,
    Unchanged,
    /// The indicator has no better direction.
    Neutral,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub since_year: i32,
    pub absolute: f64,
    /// Relative change in %, when the earlier value is not zero.
    pub percent: Option<f64>,
    pub verdict: Verdict,
    /// "−1.8 ‰ (−9.6 %) since 2022"
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub indicator_name: String,
    /// "16.9 ‰", "about 11 %", "more than 100,000 apartments"
    pub value_text: String,
    pub period: String,
    pub source_code: String,
    pub since_previous: Option<Change>,
    pub since_baseline: Option<Change>,
    pub target_text: Option<String>,
    pub progress: Option<Progress>,
}

/// Whether going from `from` to `to` is good news for an indicator with `direction`.
pub fn verdict(direction: Direction, from: f64, to: f64) -> Verdict {
    if to == from {
        return Verdict::Unchanged;
    }
    match direction {
        Direction::Neutral => Verdict::Neutral,
        Direction::HigherIsBetter if to > from => Verdict::Better,
        Direction::LowerIsBetter if to < from => Verdict::Better,
        _ => Verdict::Worse,
    }
}

fn change(
    indicator: &Indicator,
    since_year: i32,
    (from, to): (f64, f64),
    numbers: &Numbers,
) -> Change {
    let absolute = to - from;
    let percent = (from != 0.0).then(|| absolute / from.abs() * 100.0);
    let sign = if absolute > 0.0 {
        "+"
    } else if absolute < 0.0 {
        "−"
    } else {
        "±"
    };
    let t = Messages::of(numbers.language());
    // A change of a percentage is in percentage points: from 10 % to 12 % is +2 points, a
    // rise of 20 %, not "+2 %".
    let unit = if indicator.unit.symbol.get(numbers.language()) == "%" {
        format!(" {}", t.get("unit-percentage-points"))
    } else {
        super::unit_suffix(indicator, numbers.language())
    };
    let mut text = format!(
        "{sign}{}{unit}",
        numbers.format(absolute.abs(), indicator.decimals)
    );
    if let Some(p) = percent {
        let sign = if p > 0.0 {
            "+"
        } else if p < 0.0 {
            "−"
        } else {
            "±"
        };
        text.push_str(&format!(" ({sign}{} %)", numbers.format(p.abs(), 1)));
    }
    text.push(' ');
    text.push_str(&t.with("change-since", &[("year", since_year.to_string().into())]));
    Change {
        since_year,
        absolute,
        percent,
        verdict: verdict(indicator.direction, from, to),
        text,
    }
}

/// The card for `latest` (with the figure before it in the same series) against `target`.
pub fn headline(
    indicator: &Indicator,
    latest: &Observation,
    previous: Option<&Observation>,
    target: Option<&Target>,
    numbers: &Numbers,
) -> Headline {
    let t = Messages::of(numbers.language());
    let decimals = super::shown_decimals(latest.value, indicator.decimals, latest.qualifier);
    let value_text = format!(
        "{}{}{}",
        super::qualifier_prefix(t, latest.qualifier),
        numbers.format(latest.value, decimals),
        super::unit_suffix(indicator, numbers.language())
    );
    let since_previous =
        previous.map(|p| change(indicator, p.period.year, (p.value, latest.value), numbers));
    let since_baseline = target
        .and_then(|t| t.baseline)
        .filter(|(year, _)| *year < latest.period.year)
        .map(|(year, value)| change(indicator, year, (value, latest.value), numbers));
    let target_text = target.map(|target| {
        let value = format!(
            "{}{}",
            numbers.format(target.target_value, indicator.decimals),
            super::unit_suffix(indicator, numbers.language())
        );
        t.with(
            "chart-target-line",
            &[
                ("year", target.target_year.to_string().into()),
                ("value", value.into()),
            ],
        )
    });
    let progress =
        target.and_then(|t| progress(t, indicator.direction, (latest.period.year, latest.value)));
    Headline {
        indicator_name: indicator.name.get(numbers.language()).to_owned(),
        value_text,
        period: latest.period.to_string(),
        source_code: latest.source_code.clone(),
        since_previous,
        since_baseline,
        target_text,
        progress,
    }
}
