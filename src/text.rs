//! Text matching for people: search that ignores accents and case.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text for accent- and case-insensitive matching: "Hà Giang" → "ha giang",
/// "Việt Nam" → "viet nam", "Đắk Lắk" → "dak lak".
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            // Đ is a letter of its own, not D with a mark: NFD leaves it whole.
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether every word of `query` appears in one of `fields`, ignoring accents and case.
pub fn matches(query: &str, fields: &[&str]) -> bool {
    let haystack: Vec<String> = fields.iter().map(|f| fold(f)).collect();
    fold(query)
        .split_whitespace()
        .all(|word| haystack.iter().any(|h| h.contains(word)))
}

/// Fields folded once for many searches: [`matches`] without folding them again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Folded(String);

impl Folded {
    pub fn of(fields: &[&str]) -> Folded {
        // A query word has no white space, so it cannot span two fields joined by a newline.
        Folded(
            fields
                .iter()
                .map(|f| fold(f))
                .collect::<Vec<_>>()
                .join("\n"),
        )
    }

    /// Whether every word of `query`, folded already, is in one of the fields.
    pub fn matches(&self, folded_query: &str) -> bool {
        folded_query
            .split_whitespace()
            .all(|word| self.contains(word))
    }

    /// Whether one folded word is in one of the fields.
    pub fn contains(&self, folded_word: &str) -> bool {
        self.0.contains(folded_word)
    }
}

/// `text` cut to at most `max` characters, the cut marked with "…".
pub fn clip(mut text: String, max: usize) -> String {
    if let Some((end, _)) = text.char_indices().nth(max) {
        text.truncate(end);
        text.pop();
        text.push('…');
    }
    text
}

/// `text` cut to at most `max` bytes of UTF-8, at a character boundary: file systems limit a
/// name in bytes, and a Vietnamese letter takes two or three.
pub fn clip_bytes(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let end = (0..=max)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    &text[..end]
}

/// A character that changes what a screen shows without being seen itself: a control
/// character (an escape sequence starts with one), a right-to-left override, a zero-width
/// space. Codes and names must not hold one.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// `text` for a terminal: each [`is_hidden`] character written escaped (`\u{1b}`), so that a
/// name in a file can neither recolour nor rewrite the screen it is listed on.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if is_hidden(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// Whether a CSV cell's text needs the apostrophe that spreadsheets show as plain text: it
/// would run as a formula (`=1+1`, also after spaces: ` =1+1`), or it starts with an
/// apostrophe of its own (`'=already`), which would otherwise be taken off on the way back.
/// A writer puts one apostrophe before such text, a reader takes one off when what follows
/// needs it: the round trip gives back every text exactly.
pub fn needs_apostrophe(text: &str) -> bool {
    text.trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
        || text.starts_with('\'')
}

/// The most bytes of a file's name on the file systems Chiso writes to (ext4, NTFS, APFS).
pub const FILE_NAME_BYTES: usize = 255;

/// `name` as a file's name: letters (Vietnamese ones too), digits and `-`, anything else `_`,
/// and `.extension`, the whole within [`FILE_NAME_BYTES`] (a view named in 90 Vietnamese
/// letters is 250 bytes), with room left for the `-2` of a name already taken. Two names
/// that differ only in case are taken as one, as on Windows and macOS.
pub fn file_name(
    name: &str,
    extension: &str,
    taken: &mut std::collections::HashSet<String>,
) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    // Room for ".extension" and a "-99" suffix.
    let room = FILE_NAME_BYTES.saturating_sub(extension.len() + 1 + 4);
    let stem = clip_bytes(&stem, room);
    let mut candidate = format!("{stem}.{extension}");
    let mut n = 2;
    while !taken.insert(candidate.to_lowercase()) {
        candidate = format!("{stem}-{n}.{extension}");
        n += 1;
    }
    candidate
}

/// A code Chiso can use for an external one: `SH.DYN.MORT` → `SH_DYN_MORT`, `hdi` → `HDI`.
pub fn code_from(external: &str) -> String {
    // Vietnamese letters as their base letters (`Số hộ` → `SO_HO`), not as gaps.
    let mut code: String = fold(external.trim())
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    while code.contains("__") {
        code = code.replace("__", "_");
    }
    let code = code.trim_matches('_').chars().take(60).collect::<String>();
    if code.is_empty() {
        "IMPORTED".to_owned()
    } else {
        code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_cuts_by_characters_and_marks_the_cut() {
        assert_eq!(clip("Hà Giang".into(), 8), "Hà Giang");
        assert_eq!(clip("Hà Giang".into(), 4), "Hà …");
        assert_eq!(clip("ĐĐĐĐĐ".into(), 3), "ĐĐ…");
    }

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Hà Giang"), "ha giang");
        assert_eq!(fold("Việt Nam"), "viet nam");
        assert_eq!(fold("Đắk Lắk"), "dak lak");
        assert_eq!(fold("Xín Chải"), "xin chai");
    }

    #[test]
    fn matches_words_anywhere() {
        assert!(matches("viet nam", &["Việt Nam"]));
        assert!(matches("ha giang", &["Hà Giang"]));
        assert!(matches(
            "mortality u5",
            &["Under-five mortality rate", "U5MR"]
        ));
        assert!(!matches("poverty", &["Under-five mortality rate", "U5MR"]));
        assert!(matches("", &["anything"]));
    }
}
