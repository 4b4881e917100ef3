//! The words of the window and of exported charts, in Vietnamese and English, kept in Fluent
//! translation files (`assets/i18n/<code>/*.ftl`) and compiled into the binary: an offline
//! laptop has no other copy to lose.
//!
//! Why `fluent-bundle` alone, without `fluent-templates` or `i18n-embed`: Chiso has two
//! languages known at build time and files embedded with `include_str!`, which is all those
//! crates would add (a directory walker, proc-macros, language negotiation) at a cost in build
//! time. Numbers inside a message go through [`Numbers`], so `{ $count }` is written `1.234`
//! in Vietnamese and `1,234` in English, as everywhere else.
//!
//! A message is asked for by its id (`menu-file`, or `action-open.tooltip` for an attribute).
//! An id missing from a file gives the id itself, never a panic; `tests/translations.rs`
//! fails when a message is in one language and not the other, or when a window word is
//! written in the code instead of here.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{Language, Numbers};

/// The translation files of a language: the window's words and the chart's (which exports
/// share with the window).
pub fn sources(language: Language) -> [(&'static str, &'static str); 2] {
    match language {
        Language::English => [
            (
                "en/window.ftl",
                include_str!("../../assets/i18n/en/window.ftl"),
            ),
            (
                "en/chart.ftl",
                include_str!("../../assets/i18n/en/chart.ftl"),
            ),
        ],
        Language::Vietnamese => [
            (
                "vi/window.ftl",
                include_str!("../../assets/i18n/vi/window.ftl"),
            ),
            (
                "vi/chart.ftl",
                include_str!("../../assets/i18n/vi/chart.ftl"),
            ),
        ],
    }
}

/// A value given to a message: a text as it is, or a number written the language's way (and
/// chosen on by plural rules: "1 figure", "2 figures").
#[derive(Clone, Debug)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(usize, u64, u32, i64, i32, u16, f64);

/// The messages of one language.
pub struct Messages {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Messages({})", self.language.code())
    }
}

impl Messages {
    /// The messages of `language`, parsed once for the life of the process.
    pub fn of(language: Language) -> &'static Messages {
        static ENGLISH: OnceLock<Messages> = OnceLock::new();
        static VIETNAMESE: OnceLock<Messages> = OnceLock::new();
        let cell = match language {
            Language::English => &ENGLISH,
            Language::Vietnamese => &VIETNAMESE,
        };
        cell.get_or_init(|| Messages::load(language))
    }

    fn load(language: Language) -> Messages {
        let id: unic_langid::LanguageIdentifier = language.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around arguments: the window's font and the exported
        // SVG would show them as boxes, and neither language is written right to left.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(match language {
            Language::English => format_english,
            Language::Vietnamese => format_vietnamese,
        }));
        for (name, text) in sources(language) {
            // A file with a syntax error keeps the messages it could read; the test of the
            // files fails on the error, so a release never ships one.
            let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
            if let Err(errors) = bundle.add_resource(resource) {
                debug_assert!(false, "{name}: {errors:?}");
            }
        }
        Messages { language, bundle }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// The message `id` (or `id.attribute`), with no arguments.
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with its arguments: `t.with("import-added", &[("count", n.into())])`.
    pub fn with(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent.set(*name, FluentValue::from(text.as_ref())),
                Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
            }
        }
        self.format(id, Some(&fluent))
    }

    /// Whether the message `id` (or `id.attribute`) exists in this language.
    pub fn has(&self, id: &str) -> bool {
        let (message, attribute) = split(id);
        self.bundle
            .get_message(message)
            .is_some_and(|m| match attribute {
                None => m.value().is_some(),
                Some(a) => m.get_attribute(a).is_some(),
            })
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let (message, attribute) = split(id);
        let Some(found) = self.bundle.get_message(message) else {
            return id.to_owned();
        };
        let pattern = match attribute {
            None => found.value(),
            Some(a) => found.get_attribute(a).map(|a| a.value()),
        };
        let Some(pattern) = pattern else {
            return id.to_owned();
        };
        // An argument the message names but the code did not give shows as `{$name}`; the
        // tests of each message catch it, and the rest of the sentence is still worth showing.
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

fn split(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (id, None),
    }
}

fn format_number(value: &FluentValue, language: Language) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(Numbers::of(language).format_exact(n.value)),
        _ => None,
    }
}

// The bundle's formatter is a plain function, so each language has its own.
fn format_english<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, Language::English)
}

fn format_vietnamese<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, Language::Vietnamese)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_messages_are_written_the_languages_way() {
        let en = Messages::of(Language::English);
        let vi = Messages::of(Language::Vietnamese);
        let n = [("count", Arg::from(1234usize))];
        assert!(
            en.with("grid-rows", &n).contains("1,234"),
            "{}",
            en.with("grid-rows", &n)
        );
        assert!(
            vi.with("grid-rows", &n).contains("1.234"),
            "{}",
            vi.with("grid-rows", &n)
        );
    }

    #[test]
    fn english_plurals_choose_their_form() {
        let en = Messages::of(Language::English);
        assert_eq!(en.with("grid-rows", &[("count", 1usize.into())]), "1 row");
        assert_eq!(en.with("grid-rows", &[("count", 2usize.into())]), "2 rows");
    }

    #[test]
    fn a_missing_message_shows_its_id_and_no_panic() {
        let en = Messages::of(Language::English);
        assert_eq!(en.get("no-such-message"), "no-such-message");
        assert_eq!(
            en.get("menu-file.no-such-attribute"),
            "menu-file.no-such-attribute"
        );
        assert!(!en.has("no-such-message"));
        assert!(en.has("menu-file"));
    }
}
