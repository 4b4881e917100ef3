//! Figures of a unit the 2025 reform made, for the years before it, from the provinces it was
//! made of: estimates, labelled as such wherever they are shown, never stored as figures.
//!
//! The rule is the indicator's ([`Aggregation`]): a sum for counts, a mean weighted by another
//! indicator's figures (population, births) for rates, nothing for indices such as HDI. A year
//! gets an estimate only when every predecessor has a figure that year (and a weight, for a
//! mean): a sum of some of the parts would be a smaller number that looks like the whole.
//! Weights of the year are used when every predecessor has one, else those of the nearest year
//! within [`WEIGHT_YEARS`] where every predecessor has one (a census every ten years weighs
//! the years around it: shares of population change slowly); each part names the year of
//! its weight.

use std::collections::HashMap;

use super::{ChartData, unit_suffix};
use crate::locale::Numbers;
use crate::model::{Aggregation, Indicator, Observation};

/// One year's estimate on the new boundaries, with what it was made of.
#[derive(Clone, Debug, PartialEq)]
pub struct Estimate {
    pub year: i32,
    pub value: f64,
    /// The provinces it was computed from, with their figure and weight (1 for a sum).
    pub parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    pub area: String,
    pub value: f64,
    pub weight: f64,
    /// The year of the weight (the estimate's own, or the nearest with every weight).
    pub weight_year: i32,
    /// The source of the weight (empty for a sum), to be cited beside the figures'.
    pub weight_source: String,
}

/// How many years from an estimate's year its weights may be.
pub const WEIGHT_YEARS: i32 = 5;

/// Why no estimate can be made at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NoEstimate {
    #[error(
        "the indicator is an index, a rank or a change, which cannot be computed from the provinces' figures"
    )]
    NotFromParts,
    #[error("a mean of the provinces needs their weights (population, births): none are chosen")]
    NoWeights,
    #[error("the unit was not made by merging provinces")]
    NoPredecessors,
}

/// The estimates of the unit made of `predecessors`, by `rule`: `figures` are the
/// predecessors' figures of one subgroup and source, `weights` the weighing indicator's figures
/// for them (any source: the first by source code is taken). Years are those where every
/// predecessor has what the rule needs.
pub fn estimate(
    rule: Aggregation,
    predecessors: &[String],
    figures: &[Observation],
    weights: &[Observation],
) -> Result<Vec<Estimate>, NoEstimate> {
    if predecessors.is_empty() {
        return Err(NoEstimate::NoPredecessors);
    }
    match rule {
        Aggregation::None => return Err(NoEstimate::NotFromParts),
        Aggregation::WeightedMean if weights.is_empty() => return Err(NoEstimate::NoWeights),
        _ => {}
    }
    let values = by_cell(figures);
    let weighed = by_cell(weights);
    let mut years: Vec<i32> = values.keys().map(|(_, year)| *year).collect();
    years.sort_unstable();
    years.dedup();
    let mut estimates = Vec::new();
    let weighed_in = |year: i32| {
        predecessors.iter().all(|a| {
            weighed
                .get(&(a.as_str(), year))
                .is_some_and(|(_, w)| *w > 0.0)
        })
    };
    'years: for year in years {
        let weight_year = match rule {
            Aggregation::Sum => year,
            // The year itself, then 1 year before, 1 after, 2 before…
            _ => match (0..=WEIGHT_YEARS)
                .flat_map(|d| [year - d, year + d])
                .find(|y| weighed_in(*y))
            {
                Some(y) => y,
                None => continue 'years,
            },
        };
        let mut parts = Vec::with_capacity(predecessors.len());
        for area in predecessors {
            let Some((_, value)) = values.get(&(area.as_str(), year)) else {
                continue 'years;
            };
            let (weight_source, weight) = match rule {
                Aggregation::Sum => ("", 1.0),
                _ => weighed
                    .get(&(area.as_str(), weight_year))
                    .copied()
                    .unwrap_or(("", 0.0)),
            };
            parts.push(Part {
                area: area.clone(),
                value: *value,
                weight,
                weight_year,
                weight_source: weight_source.to_owned(),
            });
        }
        let value = match rule {
            Aggregation::Sum => parts.iter().map(|p| p.value).sum(),
            _ => {
                let total: f64 = parts.iter().map(|p| p.weight).sum();
                parts.iter().map(|p| p.value * p.weight).sum::<f64>() / total
            }
        };
        estimates.push(Estimate { year, value, parts });
    }
    Ok(estimates)
}

/// Each (area, year)'s value, the first source by code where several give one; periods of
/// several years are not combined.
fn by_cell(observations: &[Observation]) -> HashMap<(&str, i32), (&str, f64)> {
    let mut cells: HashMap<(&str, i32), (&str, f64)> = HashMap::new();
    for o in observations.iter().filter(|o| o.period.label.is_empty()) {
        let key = (o.area_code.as_str(), o.period.year);
        let entry = cells
            .entry(key)
            .or_insert((o.source_code.as_str(), o.value));
        if o.source_code.as_str() < entry.0 {
            *entry = (o.source_code.as_str(), o.value);
        }
    }
    cells
}

/// The predecessors of an estimate in words: "Hà Giang 45,1‰ × 854.679 (2019)", the weight's
/// year when it is not the estimate's.
pub(super) fn parts_in_words(
    estimate: &Estimate,
    data: &ChartData,
    indicator: &Indicator,
) -> Vec<String> {
    let numbers = Numbers::of(data.language);
    let summed = estimate.parts.iter().all(|p| p.weight == 1.0);
    estimate
        .parts
        .iter()
        .map(|p| {
            let value = format!(
                "{}{}",
                numbers.format(p.value, indicator.decimals),
                unit_suffix(indicator, data.language)
            );
            let weight = numbers.format(p.weight, 0);
            match (summed, p.weight_year == estimate.year) {
                (true, _) => format!("{} {value}", super::area_name(data, &p.area)),
                (false, true) => format!("{} {value} × {weight}", super::area_name(data, &p.area)),
                // A weight of another year says so: a census weighs the years around it.
                (false, false) => {
                    format!(
                        "{} {value} × {weight} ({})",
                        super::area_name(data, &p.area),
                        p.weight_year
                    )
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Name, Unit};

    fn figure(indicator: &str, area: &str, year: i32, value: f64) -> Observation {
        Observation::yearly(indicator, area, "GSO", year, value)
    }

    fn tuyen_quang() -> Vec<String> {
        vec!["VN-03".into(), "VN-07".into()]
    }

    #[test]
    fn counts_are_summed_for_the_years_every_part_has() {
        let figures = [
            figure("HOUSES", "VN-03", 2023, 1200.0),
            figure("HOUSES", "VN-07", 2023, 800.0),
            figure("HOUSES", "VN-03", 2024, 1300.0),
        ];
        let got = estimate(Aggregation::Sum, &tuyen_quang(), &figures, &[]).unwrap();
        assert_eq!(
            got.len(),
            1,
            "2024 lacks Tuyên Quang's own figure: no estimate"
        );
        assert_eq!((got[0].year, got[0].value), (2023, 2000.0));
        assert_eq!(got[0].parts.len(), 2);
    }

    #[test]
    fn rates_are_weighted_by_the_weights_figures() {
        let figures = [
            figure("U5MR", "VN-03", 2016, 40.0),
            figure("U5MR", "VN-07", 2016, 20.0),
        ];
        let births = [
            figure("BIRTHS", "VN-03", 2016, 3.0),
            figure("BIRTHS", "VN-07", 2016, 1.0),
        ];
        let got = estimate(Aggregation::WeightedMean, &tuyen_quang(), &figures, &births).unwrap();
        assert_eq!(got[0].value, 35.0, "(40×3 + 20×1) / 4");
        assert_eq!(got[0].parts[0].weight, 3.0);
        assert_eq!(
            estimate(Aggregation::WeightedMean, &tuyen_quang(), &figures, &[]),
            Err(NoEstimate::NoWeights)
        );
        // A year without a weight for one part has no estimate.
        let partial = [figure("BIRTHS", "VN-03", 2016, 3.0)];
        let got = estimate(
            Aggregation::WeightedMean,
            &tuyen_quang(),
            &figures,
            &partial,
        );
        assert_eq!(got, Ok(vec![]));
    }

    #[test]
    fn an_index_such_as_hdi_is_refused() {
        let figures = [
            figure("HDI", "VN-03", 2019, 0.6),
            figure("HDI", "VN-07", 2019, 0.7),
        ];
        assert_eq!(
            estimate(Aggregation::None, &tuyen_quang(), &figures, &[]),
            Err(NoEstimate::NotFromParts)
        );
        let unit = |code: &str, symbol: &str| Unit {
            code: code.into(),
            name: Name::only(code),
            symbol: Name::only(symbol),
        };
        assert_eq!(
            Aggregation::default_for(&unit("INDEX", "")),
            Aggregation::None
        );
        assert_eq!(
            Aggregation::default_for(&unit("RANK", "rank")),
            Aggregation::None
        );
        assert_eq!(
            Aggregation::default_for(&unit("PER_1000", "‰")),
            Aggregation::WeightedMean
        );
        assert_eq!(
            Aggregation::default_for(&unit("PERCENT", "%")),
            Aggregation::WeightedMean
        );
        assert_eq!(
            Aggregation::default_for(&unit("PERCENT_GROWTH", "%")),
            Aggregation::None
        );
        assert_eq!(
            Aggregation::default_for(&unit("HOUSES", "houses")),
            Aggregation::Sum
        );
    }
}
