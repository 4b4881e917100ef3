//! Measuring and wrapping text with the bundled font, so an exported chart is laid out the
//! same on every machine and nothing is clipped.

use std::sync::OnceLock;

pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// Advance widths per em of the bundled faces, for the characters they have.
struct Metrics {
    regular: ttf_parser::Face<'static>,
    bold: ttf_parser::Face<'static>,
}

fn metrics() -> Option<&'static Metrics> {
    static METRICS: OnceLock<Option<Metrics>> = OnceLock::new();
    METRICS
        .get_or_init(|| {
            Some(Metrics {
                regular: ttf_parser::Face::parse(REGULAR, 0).ok()?,
                bold: ttf_parser::Face::parse(BOLD, 0).ok()?,
            })
        })
        .as_ref()
}

/// The characters of `text` the bundled faces cannot draw (a picture or the window would show
/// a box for each).
pub fn missing_glyphs(text: &str) -> Vec<char> {
    let Some(m) = metrics() else {
        return Vec::new();
    };
    text.chars()
        .filter(|c| !c.is_control() && m.regular.glyph_index(*c).is_none())
        .collect()
}

/// The width of `text` at `size` px.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    let Some(m) = metrics() else {
        // Cannot happen with the bundled fonts; an estimate keeps layout going.
        return text.chars().count() as f32 * size * 0.55;
    };
    let face = if bold { &m.bold } else { &m.regular };
    let per_em = f32::from(face.units_per_em().max(1));
    let units: f32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(per_em * 0.55, f32::from)
        })
        .sum();
    units * size / per_em
}

/// `text` cut to `max` px with an ellipsis when it is wider.
pub fn fit(text: &str, size: f32, bold: bool, max: f32) -> String {
    if width(text, size, bold) <= max {
        return text.to_owned();
    }
    let mut kept: String = text.to_owned();
    while !kept.is_empty() && width(&format!("{kept}…"), size, bold) > max {
        kept.pop();
    }
    format!("{}…", kept.trim_end())
}

/// Breaks `text` into lines no wider than `max` px, at spaces; a word longer than a line is
/// cut where it must be.
pub fn wrap(text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size, bold) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A single word wider than the line: cut it by characters.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if width(&piece, size, bold) > max && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        line = piece;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Escapes text for SVG: it stays text, and nothing in it is read as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0 (C1 and DEL are discouraged).
            c if c.is_control() && c != '\t' && c != '\n' && c != '\r' => out.push(' '),
            // U+FFFE and U+FFFF are not XML characters at all, and an SVG holding one is not
            // XML (resvg refuses it, so the PNG fails too); the other non-characters are
            // discouraged. Each is shown as the replacement character.
            c if is_noncharacter(c) => out.push('\u{FFFD}'),
            // The bundled Noto Sans has no minus sign (U+2212), which the changes on the
            // headline band are written with: the en dash is drawn in its place, the width a
            // minus takes in type that has none.
            '\u{2212}' => out.push('\u{2013}'),
            c => out.push(c),
        }
    }
    out
}

/// Unicode's non-characters: U+FDD0 to U+FDEF and the last two code points of every plane.
fn is_noncharacter(c: char) -> bool {
    let n = c as u32;
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_characters_and_controls_never_reach_the_svg() {
        assert_eq!(
            escape("a\u{FFFE}b\u{FFFF}c\u{FDD0}\u{1FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}"
        );
        assert_eq!(escape("x\u{7F}y\u{85}z\u{1B}[31m"), "x y z [31m");
    }

    #[test]
    fn every_character_written_has_a_glyph_in_the_bundled_font() {
        // The headline's changes are written with a minus sign, which the font lacks.
        let written = escape("−41,1‰ (−70,9 %) so với 1990 · Đã đạt mục tiêu");
        let face = ttf_parser::Face::parse(REGULAR, 0).unwrap();
        let missing: Vec<char> = written
            .chars()
            .filter(|c| face.glyph_index(*c).is_none())
            .collect();
        assert!(missing.is_empty(), "{missing:?} in {written}");
    }

    #[test]
    fn wraps_within_the_width() {
        let text = "Under-five mortality rate, Việt Nam, every source side by side since 1960";
        let lines = wrap(text, 40.0, true, 600.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width(l, 40.0, true) <= 600.0));
        assert_eq!(lines.join(" "), text);
        assert!(width("Hà Giang", 20.0, false) > width("Hà", 20.0, false));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert(1)</script> & co"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
        );
    }
}
