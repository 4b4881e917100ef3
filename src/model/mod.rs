//! The plain values Chiso works with: indicators, figures and their flags.
//!
//! Nothing here knows of SQLite or egui; the store fills these, the chart and the UI read them.
//!
//! | module      | holds                                                             |
//! |-------------|-------------------------------------------------------------------|
//! | (this)      | indicators, units, areas, subgroups, sources, figures, periods, flags |
//! | `selection` | what the user chose to see: `ChartSpec`, `ChartKind`, `SeriesKey`  |
//! | `draft`     | figures as a file gives them; the `Sink` and `FileReader` contracts |
//! | `units`     | unit symbols and conversions, the largest figure kept             |
//! | `countries` | which area codes are countries (ISO 3166-1), not groups of them    |

use std::fmt;

pub mod countries;
pub mod draft;
pub mod form;
pub mod selection;
pub mod units;

/// The languages of the window and of exports.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "vi")]
    Vietnamese,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Vietnamese, Language::English];

    /// The language's code: `vi`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Vietnamese => "vi",
        }
    }

    /// The language named as a person or a system names it: `vi`, `vi-VN`, `vi_VN.UTF-8`,
    /// `en`, `en_GB`…; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim().to_ascii_lowercase();
        let primary = code.split(['-', '_', '.', '@']).next().unwrap_or("");
        match primary {
            "vi" => Some(Language::Vietnamese),
            "en" => Some(Language::English),
            _ => None,
        }
    }
}

/// A name in Vietnamese and in English, as a Chiso file keeps it: the English name, or the
/// only one known (a publisher's file names things in its own language), and the Vietnamese
/// name, empty when there is none. Areas keep their Vietnamese names in both (`Hà Giang`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Name {
    pub en: String,
    pub vi: String,
}

impl Name {
    /// A name known in one language only, kept where the other falls back to it.
    pub fn only(name: impl Into<String>) -> Name {
        Name {
            en: name.into(),
            vi: String::new(),
        }
    }

    pub fn both(vi: impl Into<String>, en: impl Into<String>) -> Name {
        Name {
            en: en.into(),
            vi: vi.into(),
        }
    }

    /// The name in `language`, or in the other when it has none in that one.
    pub fn get(&self, language: Language) -> &str {
        let (wanted, other) = match language {
            Language::Vietnamese => (&self.vi, &self.en),
            Language::English => (&self.en, &self.vi),
        };
        if wanted.trim().is_empty() {
            other
        } else {
            wanted
        }
    }

    /// Both names, for a search that looks in either language.
    pub fn all(&self) -> [&str; 2] {
        [&self.vi, &self.en]
    }

    pub fn is_empty(&self) -> bool {
        self.en.trim().is_empty() && self.vi.trim().is_empty()
    }
}

/// A name known in one language only (see [`Name::only`]).
impl From<&str> for Name {
    fn from(name: &str) -> Name {
        Name::only(name)
    }
}

impl From<String> for Name {
    fn from(name: String) -> Name {
        Name::only(name)
    }
}

/// Whether a rising value is good news.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
    Neutral,
}

/// SDMX-style observation status.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Normal,
    Estimated,
    Provisional,
    Forecast,
    /// The series changes method here: do not read the step as a change.
    Break,
}

/// How exactly a figure is meant: "about 11%", "more than 100,000".
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    About,
    MoreThan,
    LessThan,
    AtLeast,
    AtMost,
}

/// Ties each enum to the word stored in the database and written in CSV files.
macro_rules! stored_words {
    ($ty:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The word stored in the database.
            pub fn as_str(self) -> &'static str {
                match self { $($ty::$variant => $word),+ }
            }

            /// Parses the stored word; `None` for anything else.
            pub fn from_word(word: &str) -> Option<Self> {
                match word { $($word => Some($ty::$variant),)+ _ => None }
            }
        }
    };
}

stored_words!(Direction {
    HigherIsBetter => "higher_is_better",
    LowerIsBetter => "lower_is_better",
    Neutral => "neutral",
});
stored_words!(Status {
    Normal => "normal",
    Estimated => "estimated",
    Provisional => "provisional",
    Forecast => "forecast",
    Break => "break",
});
stored_words!(Qualifier {
    Exact => "",
    About => "about",
    MoreThan => "more_than",
    LessThan => "less_than",
    AtLeast => "at_least",
    AtMost => "at_most",
});

impl Indicator {
    /// The indicator's short name in `language`, or its name where it has none: what a
    /// list, a panel or a dialog names it by where room is short.
    pub fn short_label(&self, language: Language) -> &str {
        let short = self.short_name.get(language);
        if short.is_empty() {
            self.name.get(language)
        } else {
            short
        }
    }
}

impl Status {
    /// Figures that are not final and are drawn differently.
    pub fn is_tentative(self) -> bool {
        matches!(
            self,
            Status::Estimated | Status::Provisional | Status::Forecast
        )
    }
}

/// A unit of measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub code: String,
    pub name: Name,
    /// `%`, `‰` are the same in both languages (no Vietnamese symbol); `houses` is `căn`.
    pub symbol: Name,
}

/// An indicator with what is needed to show and check its figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub id: i64,
    pub code: String,
    pub name: Name,
    pub short_name: Name,
    pub unit: Unit,
    pub decimals: u8,
    pub direction: Direction,
    pub valid_range: (Option<f64>, Option<f64>),
    pub plausible_range: (Option<f64>, Option<f64>),
    pub description: Name,
    pub theme: Name,
    pub sdg_target: String,
    /// How figures of several areas make the figure of the area they form (the file's
    /// choice, else [`Aggregation::default_for`] its unit).
    pub aggregation: Aggregation,
    /// The indicator whose figures weigh a [`Aggregation::WeightedMean`] (population,
    /// births), by code; `None`: the file's `POPULATION`, if it has one.
    pub weight: Option<String>,
}

/// How an indicator's figures for several areas make the figure of the area they form: what
/// Chiso may compute for a unit the 2025 reform made, from the provinces it was made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Aggregation {
    /// Counts and totals: houses built, people, cases.
    Sum,
    /// Rates and shares, weighted by another indicator's figures (population, births).
    WeightedMean,
    /// Indices, ranks and growth rates (HDI, MPI): nothing can be computed from the parts.
    #[default]
    None,
}

impl Aggregation {
    /// The word the file keeps.
    pub fn as_str(self) -> &'static str {
        match self {
            Aggregation::Sum => "sum",
            Aggregation::WeightedMean => "weighted_mean",
            Aggregation::None => "none",
        }
    }

    pub fn from_word(word: &str) -> Option<Aggregation> {
        match word {
            "sum" => Some(Aggregation::Sum),
            "weighted_mean" => Some(Aggregation::WeightedMean),
            "none" => Some(Aggregation::None),
            _ => None,
        }
    }

    /// What a unit suggests when the file says nothing: a share or a rate (`%`, `‰`, "per
    /// 1,000") is a weighted mean; an index, a rank, a change or an amount of money (which may
    /// be a total or a mean) is nothing; anything else counts something and sums.
    pub fn default_for(unit: &Unit) -> Aggregation {
        let code = unit.code.to_ascii_uppercase();
        let symbol = unit.symbol.en.as_str();
        let any = |words: &[&str]| words.iter().any(|w| code.contains(w));
        if any(&[
            "INDEX", "RANK", "GROWTH", "CHANGE", "USD", "VND", "EUR", "PPP",
        ]) {
            Aggregation::None
        } else if matches!(symbol, "%" | "‰") || any(&["PERCENT", "PER_", "RATE", "RATIO"]) {
            Aggregation::WeightedMean
        } else {
            Aggregation::Sum
        }
    }
}

/// A place figures are about: the country, a region, a province.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    pub id: i64,
    pub code: String,
    pub name: Name,
    pub parent_code: Option<String>,
    pub level: String,
    /// The statistics office's code ("02" for Hà Giang), empty when none.
    pub gso_code: String,
    /// The first and last days the area was valid (ISO dates, inclusive); empty: open.
    pub valid_from: String,
    pub valid_until: String,
}

impl Area {
    /// Whether the area was valid at some time in `year`.
    pub fn valid_in(&self, year: i32) -> bool {
        let (first, last) = (format!("{year:04}-01-01"), format!("{year:04}-12-31"));
        (self.valid_from.is_empty() || self.valid_from <= last)
            && (self.valid_until.is_empty() || self.valid_until >= first)
    }
}

/// A part of the population: total, female, rural, ethnic minority…
#[derive(Clone, Debug, PartialEq)]
pub struct Subgroup {
    pub id: i64,
    pub code: String,
    pub name: Name,
    pub dimension: String,
}

/// Where figures come from. A new edition of a publication is a new source.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Source {
    pub id: i64,
    pub code: String,
    pub short_name: Name,
    pub publisher: Name,
    pub title: Name,
    pub edition: Name,
    pub published: String,
    pub url: String,
    pub citation: String,
    pub licence: String,
}

/// When a figure is for: a year, or a multi-year period ending in `year`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    /// Empty for a calendar year; "2021–2025" for a multi-year period.
    pub label: String,
}

impl Period {
    pub fn year(year: i32) -> Self {
        Period {
            year,
            label: String::new(),
        }
    }

    /// Reads "2023", "2021-2025" or "2021–2025"; a range is filed under its last year.
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        let year = |t: &str| {
            let t = t.trim();
            // 1000 to 9999, the years a Chiso file keeps: "0999" is not one.
            (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) && !t.starts_with('0'))
                .then(|| t.parse::<i32>().ok())
                .flatten()
        };
        if let Some(y) = year(text) {
            return Some(Period::year(y));
        }
        let (first, last) = text.split_once(['-', '–', '/'])?;
        let (first, last) = (year(first)?, year(last)?);
        (first < last).then(|| Period {
            year: last,
            label: format!("{first}–{last}"),
        })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.label.is_empty() {
            write!(f, "{}", self.year)
        } else {
            f.write_str(&self.label)
        }
    }
}

/// One figure with its flags and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    pub id: i64,
    pub indicator_code: String,
    pub area_code: String,
    pub subgroup_code: String,
    pub source_code: String,
    pub period: Period,
    pub value: f64,
    pub status: Status,
    pub qualifier: Qualifier,
    pub footnote: String,
    pub updated_at: String,
    pub updated_by: String,
}

impl Observation {
    /// A plain figure of a calendar year, total subgroup, as computations and their tests and
    /// benchmarks make them (never read from a file: it has no id).
    pub fn yearly(indicator: &str, area: &str, source: &str, year: i32, value: f64) -> Observation {
        Observation {
            id: 0,
            indicator_code: indicator.into(),
            area_code: area.into(),
            subgroup_code: "T".into(),
            source_code: source.into(),
            period: Period::year(year),
            value,
            status: Status::Normal,
            qualifier: Qualifier::Exact,
            footnote: String::new(),
            updated_at: String::new(),
            updated_by: String::new(),
        }
    }
}

/// A goal for an indicator, with the baseline progress is measured from.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub indicator_code: String,
    pub area_code: String,
    pub subgroup_code: String,
    pub baseline: Option<(i32, f64)>,
    pub target_year: i32,
    pub target_value: f64,
    pub reference: String,
}

/// Formats `value` with `decimals` places and thousands separators: 334000 → "334,000".
pub fn format_value(value: f64, decimals: u8) -> String {
    let text = format!("{:.*}", decimals as usize, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::with_capacity(text.len() + whole.len() / 3 + 1);
    if value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        grouped.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if !fraction.is_empty() {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_parse_years_and_ranges() {
        assert_eq!(Period::parse("2023"), Some(Period::year(2023)));
        let range = Period::parse("2021-2025").unwrap();
        assert_eq!((range.year, range.label.as_str()), (2025, "2021–2025"));
        assert_eq!(Period::parse("2021–2025"), Some(range));
        assert_eq!(Period::parse("2025-2021"), None);
        assert_eq!(Period::parse("23"), None);
        assert_eq!(Period::parse("abcd"), None);
    }

    #[test]
    fn values_get_thousands_separators_and_decimals() {
        assert_eq!(format_value(334000.0, 0), "334,000");
        assert_eq!(format_value(0.766, 3), "0.766");
        assert_eq!(format_value(-1234.5, 1), "-1,234.5");
        assert_eq!(format_value(-0.01, 1), "0.0");
        assert_eq!(format_value(16.9, 1), "16.9");
    }

    #[test]
    fn stored_words_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_word(s.as_str()), Some(*s));
        }
        for q in Qualifier::ALL {
            assert_eq!(Qualifier::from_word(q.as_str()), Some(*q));
        }
        assert_eq!(Direction::from_word("sideways"), None);
    }
}
