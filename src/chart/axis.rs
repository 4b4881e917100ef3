//! Axis ticks, decided once for every renderer: whole years spaced so their labels never
//! touch, round values at 1-2-5 steps on a linear axis, powers of ten (with 2 and 5 between
//! them) on a log axis, and the label of each tick.
//!
//! The renderers only say how much room they have (in ticks); what the ticks are, and how
//! they read, comes from here, so the window and the exported file show the same axis.

use crate::locale::Numbers;

/// A tick: where it is, on the axis' own scale (log10 of the value on a log axis), and how it
/// reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub label: String,
}

/// The steps between year ticks, smallest first.
const YEAR_STEPS: [i32; 8] = [1, 2, 5, 10, 20, 25, 50, 100];

/// The step between year ticks for `span` years when at most `max_ticks` labels fit.
pub fn year_step(span: i32, max_ticks: i32) -> i32 {
    YEAR_STEPS
        .into_iter()
        .find(|st| span / st < max_ticks.max(1))
        .unwrap_or(200)
}

/// Whole years from `from` to `to` (inclusive) at a round step that fits `max_ticks` labels.
pub fn year_ticks(from: i32, to: i32, max_ticks: i32) -> Vec<i32> {
    let step = year_step(to - from + 1, max_ticks);
    let first = from + (step - from.rem_euclid(step)) % step;
    (first..=to).step_by(step as usize).collect()
}

/// Round values covering `lo..=hi`, about `count` of them, at steps of 1, 2, 2.5 or 5 times a
/// power of ten.
pub fn linear_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let step = linear_step(lo, hi, count);
    let mut ticks = Vec::new();
    let mut t = (lo / step).ceil() * step;
    while t <= hi + step * 1e-9 && ticks.len() < 50 {
        ticks.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        t += step;
    }
    ticks
}

/// The step of [`linear_ticks`].
pub fn linear_step(lo: f64, hi: f64, count: usize) -> f64 {
    let span = (hi - lo).abs().max(f64::MIN_POSITIVE);
    let raw = span / count.max(2) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|st| *st >= raw)
        .unwrap_or(10.0 * magnitude)
}

/// Ticks of a log axis whose values are log10 of the figures: 1, 2 and 5 times each power of
/// ten, or the powers alone when those would be too many.
pub fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut ticks: Vec<f64> = (lo.floor() as i32..=hi.ceil() as i32)
        .flat_map(|e| [0.0, 2f64.log10(), 5f64.log10()].map(|m| f64::from(e) + m))
        .filter(|v| *v >= lo && *v <= hi)
        .collect();
    if ticks.len() > 8 {
        ticks.retain(|v| v.fract().abs() < 1e-9);
    }
    ticks
}

/// A linear tick's label with as many decimals as the step between ticks needs, written the
/// reader's way (`0,55` in Vietnamese).
pub fn tick_label(value: f64, step: f64, numbers: &Numbers) -> String {
    let mut decimals = 0u8;
    let off_whole = |x: f64| (x - x.round()).abs() > 1e-6;
    while decimals < 6 && off_whole(step * 10f64.powi(i32::from(decimals))) {
        decimals += 1;
    }
    numbers.format(value, decimals)
}

/// A log tick's label: the figure whose log10 is `y`, without trailing zeros.
pub fn log_label(y: f64, numbers: &Numbers) -> String {
    let v = 10f64.powf(y);
    let decimals = if v >= 10.0 {
        0
    } else if v >= 1.0 {
        1
    } else {
        3
    };
    // The digits that are not trailing zeros, counted on the plain number, then written the
    // reader's way.
    let plain = format!("{v:.decimals$}");
    let kept = plain
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.trim_end_matches('0').len());
    numbers.format(v, kept as u8)
}

/// The ticks of a value axis over `lo..=hi` with room for about `count` labels.
pub fn value_ticks(
    lo: f64,
    hi: f64,
    log_scale: bool,
    count: usize,
    numbers: &Numbers,
) -> Vec<Tick> {
    if log_scale {
        return log_ticks(lo, hi)
            .into_iter()
            .map(|value| Tick {
                value,
                label: log_label(value, numbers),
            })
            .collect();
    }
    let ticks = linear_ticks(lo, hi, count);
    let step = match ticks.as_slice() {
        [a, b, ..] => b - a,
        _ => 1.0,
    };
    ticks
        .into_iter()
        .map(|value| Tick {
            value,
            label: tick_label(value, step, numbers),
        })
        .collect()
}

/// How many value labels fit in `length` (px) of axis with labels of `font` px: one every
/// 2.6 lines of type, between 3 and 8.
pub fn label_room(length: f32, font: f32) -> usize {
    (length / (font * 2.6)).clamp(3.0, 8.0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Language;

    #[test]
    fn ticks_are_round() {
        assert_eq!(
            linear_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        let ticks = linear_ticks(0.48, 0.78, 5);
        assert_eq!(ticks.len(), 3, "{ticks:?}");
        assert!(
            ticks
                .iter()
                .zip([0.5, 0.6, 0.7])
                .all(|(a, b)| (a - b).abs() < 1e-9)
        );
        let en = Numbers::of(Language::English);
        assert_eq!(tick_label(0.55, 0.05, en), "0.55");
        assert_eq!(tick_label(20.0, 20.0, en), "20");
        assert_eq!(tick_label(2.5, 2.5, en), "2.5");
        assert_eq!(tick_label(0.7, 0.6 - 0.5, en), "0.7");
        assert_eq!(tick_label(40000.0, 20000.0, en), "40,000");
        let vi = Numbers::of(Language::Vietnamese);
        assert_eq!(tick_label(0.55, 0.05, vi), "0,55");
        assert_eq!(tick_label(40000.0, 20000.0, vi), "40.000");
    }

    #[test]
    fn years_are_whole_and_round() {
        assert_eq!(
            year_ticks(1990, 2023, 8),
            vec![1990, 1995, 2000, 2005, 2010, 2015, 2020]
        );
        assert_eq!(year_ticks(2020, 2023, 10), vec![2020, 2021, 2022, 2023]);
        assert_eq!(year_step(34, 3), 20);
    }

    #[test]
    fn log_ticks_are_1_2_5() {
        let labels = |lo, numbers| -> Vec<String> {
            value_ticks(lo, 2.0, true, 5, numbers)
                .into_iter()
                .map(|t| t.label)
                .collect()
        };
        let en = Numbers::of(Language::English);
        assert_eq!(labels(0.0, en), ["1", "2", "5", "10", "20", "50", "100"]);
        assert_eq!(labels(-1.0, en)[..2], ["0.1", "1"]);
        let vi = Numbers::of(Language::Vietnamese);
        assert_eq!(labels(-1.0, vi)[..2], ["0,1", "1"]);
    }
}
