//! Progress towards a target, measured the way Open SDG does (UN ESCAP's method).
//!
//! The observed compound annual growth rate since the baseline is compared with the rate that
//! would reach the target on time. Their ratio sorts progress into: target achieved, on track
//! (≥ 95 % of the needed pace), moderate (≥ 50 %), limited (≥ 0 %) or moving away.

use crate::locale::Messages;
use crate::model::{Direction, Target};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    TargetAchieved,
    OnTrack,
    Moderate,
    Limited,
    Deteriorating,
}

impl Progress {
    /// The verdict as a reader calls it: "On track", "Đúng tiến độ".
    pub fn label(self, t: &Messages) -> String {
        t.get(match self {
            Progress::TargetAchieved => "progress-achieved",
            Progress::OnTrack => "progress-on-track",
            Progress::Moderate => "progress-moderate",
            Progress::Limited => "progress-limited",
            Progress::Deteriorating => "progress-deteriorating",
        })
    }

    /// Whether a presenter may call it good news.
    pub fn is_on_track(self) -> bool {
        matches!(self, Progress::TargetAchieved | Progress::OnTrack)
    }
}

/// Progress of `latest` (year, value) towards `target`, or `None` when it cannot be measured
/// (no baseline, the latest figure not after the baseline, or non-positive values).
pub fn progress(target: &Target, direction: Direction, latest: (i32, f64)) -> Option<Progress> {
    let (base_year, base) = target.baseline?;
    let (year, value) = latest;
    let goal = target.target_value;
    // Which side of the target is good: from the indicator's direction, or, for a neutral
    // indicator, from where the target lies relative to the baseline.
    let wants_higher = match direction {
        Direction::HigherIsBetter => true,
        Direction::LowerIsBetter => false,
        Direction::Neutral => goal >= base,
    };
    let achieved = if wants_higher {
        value >= goal
    } else {
        value <= goal
    };
    if achieved {
        return Some(Progress::TargetAchieved);
    }
    if year <= base_year
        || target.target_year <= base_year
        || base <= 0.0
        || value <= 0.0
        || goal <= 0.0
    {
        return None;
    }
    let observed = (value / base).powf(1.0 / f64::from(year - base_year)) - 1.0;
    let needed = (goal / base).powf(1.0 / f64::from(target.target_year - base_year)) - 1.0;
    if needed == 0.0 {
        return None;
    }
    let ratio = observed / needed;
    Some(if ratio >= 0.95 {
        Progress::OnTrack
    } else if ratio >= 0.5 {
        Progress::Moderate
    } else if ratio >= 0.0 {
        Progress::Limited
    } else {
        Progress::Deteriorating
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(baseline: (i32, f64), target_year: i32, target_value: f64) -> Target {
        Target {
            indicator_code: "X".into(),
            area_code: "VNM".into(),
            subgroup_code: "T".into(),
            baseline: Some(baseline),
            target_year,
            target_value,
            reference: String::new(),
        }
    }

    #[test]
    fn lower_is_better_on_and_off_track() {
        // Needs to fall from 40 to 25 over 15 years.
        let t = target((2015, 40.0), 2030, 25.0);
        assert_eq!(
            progress(&t, Direction::LowerIsBetter, (2020, 34.0)),
            Some(Progress::OnTrack)
        );
        assert_eq!(
            progress(&t, Direction::LowerIsBetter, (2020, 38.0)),
            Some(Progress::Limited)
        );
        assert_eq!(
            progress(&t, Direction::LowerIsBetter, (2020, 42.0)),
            Some(Progress::Deteriorating)
        );
        assert_eq!(
            progress(&t, Direction::LowerIsBetter, (2020, 20.0)),
            Some(Progress::TargetAchieved)
        );
    }

    #[test]
    fn higher_is_better_and_unmeasurable_cases() {
        let t = target((2020, 50.0), 2030, 80.0);
        assert_eq!(
            progress(&t, Direction::HigherIsBetter, (2025, 64.0)),
            Some(Progress::OnTrack)
        );
        assert_eq!(
            progress(&t, Direction::HigherIsBetter, (2025, 60.0)),
            Some(Progress::Moderate)
        );
        assert_eq!(progress(&t, Direction::HigherIsBetter, (2020, 50.0)), None);
        let mut no_baseline = t.clone();
        no_baseline.baseline = None;
        assert_eq!(
            progress(&no_baseline, Direction::HigherIsBetter, (2025, 60.0)),
            None
        );
    }
}
