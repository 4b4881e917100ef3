//! The SVG elements Chiso writes, one function each, so every element of every chart kind is
//! written (and escaped) the same way. Coordinates are written to a tenth of a px: the same
//! description gives the same bytes.

use std::fmt::Write as _;

use super::text::escape;
use crate::chart::style::{self, Dash, Theme};

/// The theme's colours as SVG writes them, and the series' colours on it.
pub struct Ink {
    pub background: String,
    pub text: String,
    pub weak: String,
    pub grid: String,
    pub axis: String,
    pub dark: bool,
}

impl Ink {
    pub fn of(dark: bool) -> Ink {
        let Theme {
            background,
            text,
            weak,
            grid,
            axis,
            ..
        } = *style::theme(dark);
        Ink {
            background: style::hex(background),
            text: style::hex(text),
            weak: style::hex(weak),
            grid: style::hex(grid),
            axis: style::hex(axis),
            dark,
        }
    }

    pub fn series(&self, index: usize) -> String {
        style::hex(style::series_color(index, self.dark))
    }
}

/// How a piece of text is set.
#[derive(Clone, Copy)]
pub struct Type<'a> {
    pub size: f32,
    pub fill: &'a str,
    /// `start`, `middle` or `end`.
    pub anchor: &'a str,
    pub bold: bool,
}

/// A stroke: colour, width, and a dash already scaled to the canvas ([`Dash::scaled`]).
#[derive(Clone, Copy)]
pub struct Stroke<'a> {
    pub color: &'a str,
    pub width: f32,
    pub dash: Dash,
}

impl<'a> Stroke<'a> {
    pub fn solid(color: &'a str, width: f32) -> Stroke<'a> {
        Stroke {
            color,
            width,
            dash: Dash::Solid,
        }
    }
}

/// ` stroke-dasharray="…"` of a dash already scaled to the canvas.
fn dasharray(dash: Dash) -> String {
    match dash {
        Dash::Solid => String::new(),
        Dash::Dashed { on, off } => format!(" stroke-dasharray=\"{on:.1} {off:.1}\""),
    }
}

/// An SVG document being written.
pub struct Svg {
    out: String,
}

impl Svg {
    pub fn new(w: f32, h: f32, background: &str) -> Svg {
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             font-family=\"Noto Sans, sans-serif\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"{background}\"/>\n"
        );
        Svg { out }
    }

    pub fn text(&mut self, (x, y): (f32, f32), t: Type, text: &str) {
        let weight = if t.bold { " font-weight=\"bold\"" } else { "" };
        let _ = writeln!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{:.1}\" fill=\"{}\" text-anchor=\"{}\"{weight}>{}</text>",
            t.size,
            t.fill,
            t.anchor,
            escape(text)
        );
    }

    /// Text with a band of `background` around its letters, so that a line it crosses stops
    /// short of them (a ranking's value labels over the national line).
    pub fn text_on(&mut self, (x, y): (f32, f32), t: Type, text: &str, background: &str) {
        let weight = if t.bold { " font-weight=\"bold\"" } else { "" };
        let _ = writeln!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{:.1}\" fill=\"{}\" text-anchor=\"{}\" stroke=\"{background}\" stroke-width=\"{:.1}\" stroke-linejoin=\"round\" paint-order=\"stroke\"{weight}>{}</text>",
            t.size,
            t.fill,
            t.anchor,
            t.size * 0.22,
            escape(text)
        );
    }

    pub fn line(&mut self, (x1, y1): (f32, f32), (x2, y2): (f32, f32), stroke: Stroke) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{}\" stroke-width=\"{:.1}\"{}/>",
            stroke.color,
            stroke.width,
            dasharray(stroke.dash)
        );
    }

    /// A line through `points`, with round joins and caps.
    pub fn polyline(&mut self, points: impl Iterator<Item = (f32, f32)>, stroke: Stroke) {
        let points: Vec<String> = points.map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = writeln!(
            self.out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{:.1}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"{}/>",
            points.join(" "),
            stroke.color,
            stroke.width,
            dasharray(stroke.dash)
        );
    }

    /// A circle filled with `fill`, outlined when `outline` is given.
    pub fn circle(&mut self, (x, y): (f32, f32), r: f32, fill: &str, outline: Option<(&str, f32)>) {
        match outline {
            Some((stroke, width)) => {
                let _ = writeln!(
                    self.out,
                    "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width:.1}\"/>"
                );
            }
            None => {
                let _ = writeln!(
                    self.out,
                    "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{fill}\"/>"
                );
            }
        }
    }

    /// A diamond of half-diagonal `r` (a little larger than a circle's radius, for the same
    /// weight), filled with `fill` and outlined.
    pub fn diamond(
        &mut self,
        (x, y): (f32, f32),
        r: f32,
        fill: &str,
        (stroke, width): (&str, f32),
    ) {
        let r = r * 1.25;
        let _ = writeln!(
            self.out,
            "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width:.1}\"/>",
            x,
            y - r,
            x + r,
            y,
            x,
            y + r,
            x - r,
            y
        );
    }

    pub fn square(&mut self, (x, y): (f32, f32), r: f32, fill: &str) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"/>",
            x - r,
            y - r,
            2.0 * r,
            2.0 * r
        );
    }

    /// A rectangle from its top-left corner, filled, outlined when `outline` is given.
    pub fn rect(
        &mut self,
        (x, y): (f32, f32),
        (w, h): (f32, f32),
        fill: &str,
        outline: Option<Stroke>,
    ) {
        let outline = outline.map_or(String::new(), |s| {
            format!(
                " stroke=\"{}\" stroke-width=\"{:.1}\"{}",
                s.color,
                s.width,
                dasharray(s.dash)
            )
        });
        let _ = writeln!(
            self.out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{fill}\"{outline}/>"
        );
    }

    /// A path of SVG path data `d`, with `attrs` written as they are (already escaped) and a
    /// `<title>` a viewer shows on hover.
    pub fn path(
        &mut self,
        d: &str,
        fill: &str,
        stroke: Option<Stroke>,
        attrs: &str,
        title: Option<&str>,
    ) {
        let stroke = stroke.map_or(String::new(), |s| {
            format!(
                " stroke=\"{}\" stroke-width=\"{:.1}\" stroke-linejoin=\"round\"{}",
                s.color,
                s.width,
                dasharray(s.dash)
            )
        });
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" {attrs}")
        };
        match title {
            Some(title) => {
                let _ = writeln!(
                    self.out,
                    "<path d=\"{d}\" fill=\"{fill}\" fill-rule=\"evenodd\"{stroke}{attrs}><title>{}</title></path>",
                    escape(title)
                );
            }
            None => {
                let _ = writeln!(
                    self.out,
                    "<path d=\"{d}\" fill=\"{fill}\" fill-rule=\"evenodd\"{stroke}{attrs}/>"
                );
            }
        }
    }

    /// A pattern of thin diagonal lines named `id`, `spacing` apart, to fill over a colour
    /// (`fill="url(#id)"`): what marks no data and estimates on a map.
    pub fn hatch(&mut self, id: &str, color: &str, spacing: f32) {
        let _ = writeln!(
            self.out,
            "<defs><pattern id=\"{id}\" width=\"{spacing:.1}\" height=\"{spacing:.1}\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"{spacing:.1}\" stroke=\"{color}\" stroke-width=\"{:.1}\"/></pattern></defs>",
            spacing * 0.25
        );
    }

    /// Places a whole SVG document (one [`Svg::finish`] wrote) `y` down, as a nested `<svg>`
    /// whose own width, height and view box it keeps.
    pub fn nested(&mut self, svg: &str, y: f32) {
        match svg.strip_prefix("<svg ") {
            Some(rest) => {
                let _ = write!(self.out, "<svg x=\"0\" y=\"{y:.1}\" {rest}");
            }
            None => self.out.push_str(svg),
        }
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}
