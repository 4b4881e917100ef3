//! The reader's language, and the way of writing numbers that comes with it.
//!
//! Vietnamese writes `0,766` and `334.000`; English `0.766` and `334,000`. The same text
//! means different numbers in the two (`334.000` is 334 000 or 334), so a number typed by a
//! person is read only in the convention of the language chosen, strictly: text that the
//! convention cannot read (`0,770` in English) is refused with the form it expects, never
//! reinterpreted. Numbers for machines (the command line, CSV) are plain: a point, no grouping.
//!
//! Formatting uses ICU4X's `icu_decimal` with its compiled CLDR data, so the separators and
//! the grouping are the locale's, not string surgery.

mod messages;

use std::fmt;

use icu_decimal::input::Decimal;
use icu_decimal::{DecimalFormatter, DecimalFormatterPreferences};
use icu_locale_core::{Locale, locale};

pub use messages::{Arg, Messages, sources as translation_files};

pub use crate::model::Language;

impl Language {
    /// The system's language on a first run: Vietnamese when the locale says `vi*`, English
    /// otherwise (the POSIX order: `LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub fn from_system() -> Language {
        Language::from_environment(|name| std::env::var(name).ok())
    }

    /// [`Language::from_system`] with the environment given, for tests.
    pub fn from_environment(var: impl Fn(&str) -> Option<String>) -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| var(name).filter(|v| !v.is_empty()))
            .next()
            .and_then(|value| Language::from_code(&value))
            .unwrap_or(Language::English)
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Vietnamese => "Tiếng Việt",
        }
    }

    fn locale(self) -> Locale {
        match self {
            Language::English => locale!("en"),
            Language::Vietnamese => locale!("vi"),
        }
    }

    /// The character between whole and fraction.
    pub fn decimal_separator(self) -> char {
        match self {
            Language::English => '.',
            Language::Vietnamese => ',',
        }
    }

    /// The character between groups of three digits.
    pub fn group_separator(self) -> char {
        match self {
            Language::English => ',',
            Language::Vietnamese => '.',
        }
    }

    /// A number written the language's way, for messages: `1.234,5`, `1,234.5`.
    pub fn example(self) -> &'static str {
        match self {
            Language::English => "1,234.5",
            Language::Vietnamese => "1.234,5",
        }
    }
}

/// A moment stored in UTC (`2026-12-01T10:05:09.123Z`, as the audit log keeps it) in the
/// reader's local time and the language's form: `01/12/2026 17:05:09` in Vietnamese (day,
/// month, year), `1 Dec 2026, 17:05:09` in English. Text that is no such moment is shown as
/// it is.
pub fn local_time(language: Language, utc: &str) -> String {
    local_time_in(language, utc, &chrono::Local)
}

/// [`local_time`] in the time zone `zone`, for tests.
pub fn local_time_in<Z: chrono::TimeZone>(language: Language, utc: &str, zone: &Z) -> String
where
    Z::Offset: fmt::Display,
{
    let Ok(moment) = chrono::DateTime::parse_from_rfc3339(utc) else {
        return utc.to_owned();
    };
    local_moment(language, moment.with_timezone(zone).naive_local())
}

/// A day written `language`'s way: "1 July 2025", "1/7/2025".
pub fn date(language: Language, day: chrono::NaiveDate) -> String {
    match language {
        Language::Vietnamese => day.format("%-d/%-m/%Y").to_string(),
        Language::English => day.format("%-d %B %Y").to_string(),
    }
}

/// An ISO date ("2025-07-01") written `language`'s way; a text that is not one, as it is.
pub fn iso_date(language: Language, iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map_or_else(|_| iso.to_owned(), |d| date(language, d))
}

/// A moment already in local time (a backup's, from its file name), written `language`'s way.
pub fn local_moment(language: Language, local: chrono::NaiveDateTime) -> String {
    match language {
        Language::Vietnamese => local.format("%d/%m/%Y %H:%M:%S").to_string(),
        Language::English => local.format("%-d %b %Y, %H:%M:%S").to_string(),
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.own_name())
    }
}

/// Why a text is not a number.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum NumberError {
    #[error("no number given")]
    Empty,
    /// Text that is a number in the other language's convention but not in this one: the
    /// person probably typed it the other way, so it is not guessed at.
    #[error(
        "{text:?} is not a number written the {language} way ({}); write it as {}",
        .language.example(),
        .expected
    )]
    OtherConvention {
        text: String,
        language: Language,
        /// The value in this language's form, as it was probably meant.
        expected: String,
    },
    #[error("{text:?} is not a number written the {language} way ({})", .language.example())]
    NotANumber { text: String, language: Language },
    /// A machine number (command line, CSV) with grouping or a decimal comma.
    #[error(
        "{text:?} is not a plain number: write it with a point and no grouping (0.77, 334000), \
         or say which convention it follows"
    )]
    NotPlain { text: String },
    /// Text that is no number in any convention.
    #[error("{text:?} is not a number")]
    Invalid { text: String },
    #[error("{text:?} is too large: Chiso keeps values between -1e300 and 1e300")]
    TooLarge { text: String },
}

/// Numbers written and read the way of one language.
#[derive(Clone, Debug)]
pub struct Numbers {
    language: Language,
    formatter: Option<DecimalFormatter>,
}

impl Numbers {
    pub fn new(language: Language) -> Numbers {
        let prefs = DecimalFormatterPreferences::from(&language.locale());
        // Compiled data holds both locales; without it, numbers fall back to plain digits.
        let formatter = DecimalFormatter::try_new(prefs, Default::default()).ok();
        Numbers {
            language,
            formatter,
        }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The numbers of `language`, made once for the life of the process (a formatter holds
    /// compiled CLDR data; renderers ask for it every frame).
    pub fn of(language: Language) -> &'static Numbers {
        static ENGLISH: std::sync::OnceLock<Numbers> = std::sync::OnceLock::new();
        static VIETNAMESE: std::sync::OnceLock<Numbers> = std::sync::OnceLock::new();
        let cell = match language {
            Language::English => &ENGLISH,
            Language::Vietnamese => &VIETNAMESE,
        };
        cell.get_or_init(|| Numbers::new(language))
    }

    /// `value` with `decimals` digits after the separator and grouped thousands:
    /// `0,766`, `334.000` in Vietnamese; `0.766`, `334,000` in English. A value that rounds
    /// to zero has no minus sign.
    pub fn format(&self, value: f64, decimals: u8) -> String {
        self.format_text(&format!("{:.*}", decimals as usize, value))
    }

    /// `value` at full precision (as many digits as it takes to read it back exactly), in
    /// the language's way: what a cell shows while it is edited.
    pub fn format_exact(&self, value: f64) -> String {
        self.format_text(&value.to_string())
    }

    /// A number written plainly (`-1234.50`), in the language's way.
    fn format_text(&self, plain: &str) -> String {
        let zero = !plain.bytes().any(|b| (b'1'..=b'9').contains(&b));
        let plain = if zero {
            plain.trim_start_matches('-')
        } else {
            plain
        };
        match (&self.formatter, Decimal::try_from_str(plain)) {
            (Some(formatter), Ok(decimal)) => formatter.format(&decimal).to_string(),
            // Not a finite number (NaN, inf): shown as it is.
            _ => plain.to_owned(),
        }
    }

    /// Reads a number as a person of this language types it: `0,77`, `334.000`, `1.234,5`
    /// in Vietnamese; `0.77`, `334,000`, `1,234.5` in English; a sign and an exponent
    /// (`-1,5e3`) allowed. Anything else is refused, never guessed.
    pub fn parse(&self, text: &str) -> Result<f64, NumberError> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(NumberError::Empty);
        }
        if let Some(value) = read(trimmed, self.language)? {
            return Ok(value);
        }
        let other = match self.language {
            Language::English => Language::Vietnamese,
            Language::Vietnamese => Language::English,
        };
        match read(trimmed, other) {
            Ok(Some(value)) => Err(NumberError::OtherConvention {
                text: trimmed.to_owned(),
                language: self.language,
                expected: self.format_exact(value),
            }),
            _ => Err(NumberError::NotANumber {
                text: trimmed.to_owned(),
                language: self.language,
            }),
        }
    }
}

/// Reads a plain machine number: digits, one decimal point, a sign, an exponent; no
/// grouping and no decimal comma (`0.77`, `334000`, `-1.5e3`).
pub fn parse_plain(text: &str) -> Result<f64, NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    if trimmed.contains(',') {
        return Err(NumberError::NotPlain {
            text: trimmed.to_owned(),
        });
    }
    // Without commas, English's reading is the plain one: a point is the decimal point.
    let vietnamese = read(trimmed, Language::Vietnamese).ok().flatten();
    match read(trimmed, Language::English)? {
        // `334.000` is 334 plainly but 334 000 the Vietnamese way: a person wrote it, and
        // which they meant is theirs to say.
        Some(value) if vietnamese.is_some_and(|v| v != value) => Err(NumberError::NotPlain {
            text: trimmed.to_owned(),
        }),
        Some(value) => Ok(value),
        // Grouped the Vietnamese way (`334.000.000`): a convention, not a plain number.
        None if matches!(read(trimmed, Language::Vietnamese), Ok(Some(_))) => {
            Err(NumberError::NotPlain {
                text: trimmed.to_owned(),
            })
        }
        None => Err(NumberError::Invalid {
            text: trimmed.to_owned(),
        }),
    }
}

/// The convention a pasted block is written in, when the block itself says so: every cell
/// reads in one convention, and some cell does not read in the other. `None` when the block
/// reads the same in both (or in neither): then the window's language decides.
pub fn convention_of_block<'a>(
    cells: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<Language> {
    let reads_in = |language: Language| {
        cells
            .clone()
            .into_iter()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .all(|c| matches!(read(c, language), Ok(Some(_))))
    };
    match (reads_in(Language::Vietnamese), reads_in(Language::English)) {
        (true, false) => Some(Language::Vietnamese),
        (false, true) => Some(Language::English),
        _ => None,
    }
}

/// `text` (trimmed, not empty) read in `language`'s convention: `Ok(None)` when it is not a
/// number written that way.
fn read(text: &str, language: Language) -> Result<Option<f64>, NumberError> {
    let (decimal, group) = (language.decimal_separator(), language.group_separator());
    let (negative, unsigned) = match text.chars().next() {
        Some('-' | '\u{2212}') => (
            true,
            &text[text.char_indices().nth(1).map_or(0, |(i, _)| i)..],
        ),
        Some('+') => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    if let Some(e) = exponent {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(None);
        }
    }
    let mut parts = mantissa.split(decimal);
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    if parts.next().is_some() {
        return Ok(None);
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if let Some(f) = fraction
        && (f.is_empty() || !digits(f))
    {
        return Ok(None);
    }
    let whole_digits: String = if whole.contains(group) {
        // Grouped: 1 to 3 digits, not starting with 0, then groups of exactly three.
        let mut groups = whole.split(group);
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || !digits(first) || first.starts_with('0') {
            return Ok(None);
        }
        let rest: Vec<&str> = groups.collect();
        if rest.iter().any(|g| g.len() != 3 || !digits(g)) {
            return Ok(None);
        }
        std::iter::once(first).chain(rest).collect()
    } else {
        if !digits(whole) || (whole.is_empty() && fraction.is_none()) {
            return Ok(None);
        }
        whole.to_owned()
    };
    let mut plain = String::with_capacity(text.len() + 2);
    if negative {
        plain.push('-');
    }
    plain.push_str(if whole_digits.is_empty() {
        "0"
    } else {
        &whole_digits
    });
    if let Some(f) = fraction {
        plain.push('.');
        plain.push_str(f);
    }
    if let Some(e) = exponent {
        plain.push('e');
        plain.push_str(e);
    }
    match plain.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= crate::model::units::MAX_VALUE => Ok(Some(v)),
        // Past f64 (`1e999`): not a number anyone means.
        Ok(v) if !v.is_finite() => Ok(None),
        Ok(_) => Err(NumberError::TooLarge {
            text: text.to_owned(),
        }),
        Err(_) => Ok(None),
    }
}

/// Sorts `items` by the names `name` gives, in Vietnamese alphabetical order (ICU4X's CLDR
/// collation for `vi`): `Bắc Giang` before `Bình Dương`, `Đà Nẵng` after every `D…`. Area
/// names keep their Vietnamese spelling in both languages, so they sort this way in both.
pub fn sort_vietnamese<T>(items: &mut [T], name: impl Fn(&T) -> &str) {
    sort_in(Language::Vietnamese, items, |item| [name(item)]);
}

/// Sorts `items` by the words `keys` gives, the first word first, in `language`'s
/// alphabetical order (ICU4X's collation): the catalogue by theme then name, in the names of
/// the language shown.
pub fn sort_in<T, const N: usize>(
    language: Language,
    items: &mut [T],
    keys: impl Fn(&T) -> [&str; N],
) {
    use icu_collator::{CollatorBorrowed, CollatorPreferences, options::CollatorOptions};
    match CollatorBorrowed::try_new(
        CollatorPreferences::from(&language.locale()),
        CollatorOptions::default(),
    ) {
        Ok(collator) => items.sort_by(|a, b| {
            let (a, b) = (keys(a), keys(b));
            a.iter()
                .zip(&b)
                .map(|(x, y)| collator.compare(x, y))
                .find(|o| o.is_ne())
                .unwrap_or(std::cmp::Ordering::Equal)
        }),
        Err(_) => items.sort_by(|a, b| keys(a).cmp(&keys(b))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_show_in_local_time_the_languages_way() {
        let hanoi = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
        let at = "2026-12-01T20:05:09.123Z";
        assert_eq!(
            local_time_in(Language::Vietnamese, at, &hanoi),
            "02/12/2026 03:05:09"
        );
        assert_eq!(
            local_time_in(Language::English, at, &hanoi),
            "2 Dec 2026, 03:05:09"
        );
        assert_eq!(
            local_time_in(Language::English, "not a time", &hanoi),
            "not a time"
        );
    }

    #[test]
    fn areas_sort_in_vietnamese_order() {
        let mut names = vec![
            "Đà Nẵng",
            "Bình Dương",
            "Dak Lak",
            "Bắc Giang",
            "An Giang",
            "Điện Biên",
        ];
        sort_vietnamese(&mut names, |n| n);
        assert_eq!(
            names,
            [
                "An Giang",
                "Bắc Giang",
                "Bình Dương",
                "Dak Lak",
                "Đà Nẵng",
                "Điện Biên"
            ]
        );
    }

    const VI: Language = Language::Vietnamese;
    const EN: Language = Language::English;

    #[test]
    fn numbers_are_written_the_languages_way() {
        let (vi, en) = (Numbers::new(VI), Numbers::new(EN));
        assert_eq!(vi.format(0.766, 3), "0,766");
        assert_eq!(vi.format(16.9, 1), "16,9");
        assert_eq!(vi.format(334000.0, 0), "334.000");
        assert_eq!(vi.format(78.8, 1), "78,8");
        assert_eq!(en.format(0.766, 3), "0.766");
        assert_eq!(en.format(334000.0, 0), "334,000");
        assert_eq!(en.format(-1234.5, 1), "-1,234.5");
        assert_eq!(en.format(-0.01, 1), "0.0");
        assert_eq!(vi.format_exact(0.7662), "0,7662");
    }

    #[test]
    fn numbers_typed_the_users_way_are_read_exactly() {
        let (vi, en) = (Numbers::new(VI), Numbers::new(EN));
        assert_eq!(vi.parse("0,770"), Ok(0.77));
        assert_eq!(vi.parse("334.000"), Ok(334000.0));
        assert_eq!(vi.parse("1.234,5"), Ok(1234.5));
        assert_eq!(vi.parse("-1,5e3"), Ok(-1500.0));
        assert_eq!(vi.parse(" 16,9 "), Ok(16.9));
        assert_eq!(en.parse("334,000"), Ok(334000.0));
        assert_eq!(en.parse("1,234.5"), Ok(1234.5));
        assert_eq!(en.parse("0.77"), Ok(0.77));
        assert_eq!(en.parse(".5"), Ok(0.5));
    }

    #[test]
    fn the_other_conventions_numbers_are_refused_with_the_expected_form() {
        let (vi, en) = (Numbers::new(VI), Numbers::new(EN));
        for (numbers, text) in [
            (&en, "0,770"),
            (&en, "16,9"),
            (&vi, "0.770"),
            (&vi, "1,234.5"),
        ] {
            let error = numbers.parse(text).unwrap_err();
            assert!(
                matches!(error, NumberError::OtherConvention { .. }),
                "{text}: {error:?}"
            );
        }
        let message = en.parse("0,770").unwrap_err().to_string();
        assert!(message.contains("write it as 0.77"), "{message}");
        let message = vi.parse("1,234.5").unwrap_err().to_string();
        assert!(message.contains("write it as 1.234,5"), "{message}");
        assert!(matches!(
            en.parse("abc"),
            Err(NumberError::NotANumber { .. })
        ));
        assert!(matches!(
            vi.parse("1,2,3"),
            Err(NumberError::NotANumber { .. })
        ));
        assert_eq!(vi.parse(""), Err(NumberError::Empty));
        assert!(matches!(
            en.parse("1e301"),
            Err(NumberError::TooLarge { .. })
        ));
        assert!(matches!(
            en.parse("1e999"),
            Err(NumberError::NotANumber { .. })
        ));
        assert!(matches!(
            parse_plain("NaN"),
            Err(NumberError::Invalid { .. })
        ));
        assert!(en.parse("NaN").is_err() && en.parse("inf").is_err());
    }

    #[test]
    fn machine_numbers_are_plain() {
        assert_eq!(parse_plain("0.77"), Ok(0.77));
        assert_eq!(parse_plain("334000"), Ok(334000.0));
        assert_eq!(parse_plain("-1.5e3"), Ok(-1500.0));
        assert_eq!(parse_plain("0.770"), Ok(0.77));
        for grouped in ["334.000", "334.000.000", "334,000", "0,77", "1,234.5"] {
            assert!(
                matches!(parse_plain(grouped), Err(NumberError::NotPlain { .. })),
                "{grouped}"
            );
        }
    }

    #[test]
    fn a_block_says_its_convention_only_when_it_is_unambiguous() {
        assert_eq!(convention_of_block(["1,5", "334.000"]), Some(VI));
        assert_eq!(convention_of_block(["1,234.5", "2"]), Some(EN));
        assert_eq!(convention_of_block(["334.000", "12"]), None);
        assert_eq!(convention_of_block(["abc"]), None);
    }

    #[test]
    fn format_then_parse_gives_the_number_back_in_both_languages() {
        // A deterministic spread of magnitudes, signs and decimals (xorshift).
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for language in Language::ALL {
            let numbers = Numbers::new(language);
            for _ in 0..2000 {
                let digits = (next() % 12) as i32;
                let decimals = (next() % 5) as u8;
                let raw = (next() % 10u64.pow(digits as u32 % 10 + 1)) as f64;
                let sign = if next() % 3 == 0 { -1.0 } else { 1.0 };
                let value = sign * raw / 10f64.powi(decimals as i32);
                let text = numbers.format(value, decimals);
                let back = numbers
                    .parse(&text)
                    .unwrap_or_else(|e| panic!("{text}: {e}"));
                let expected: f64 = format!("{:.*}", decimals as usize, value).parse().unwrap();
                assert_eq!(back, expected, "{language:?} {value} → {text}");
                let exact = numbers.format_exact(value);
                assert_eq!(numbers.parse(&exact), Ok(value), "{language:?} {exact}");
            }
        }
    }

    #[test]
    fn the_first_run_follows_the_system_locale() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            Language::from_environment(env(&[("LANG", "vi_VN.UTF-8")])),
            VI
        );
        assert_eq!(
            Language::from_environment(env(&[("LANG", "en_GB.UTF-8")])),
            EN
        );
        assert_eq!(Language::from_environment(env(&[("LANG", "fr_FR")])), EN);
        assert_eq!(
            Language::from_environment(env(&[("LC_ALL", "vi"), ("LANG", "en_US")])),
            VI
        );
        assert_eq!(Language::from_environment(env(&[])), EN);
    }
}
