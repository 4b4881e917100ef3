//! The frame of every chart, whatever its kind: the title and subtitle above, the legend and
//! the footer of sources and notes below, all wrapped to the canvas, and the room left for the
//! plot in between. When the words leave too little room, everything is drawn smaller.

use super::text::{width, wrap};
use super::writer::{Ink, Stroke, Svg, Type};
use super::{ExportError, ExportOptions, map, ranking, time_series, words};
use crate::chart::style::{self, Dash};
use crate::chart::{ChartBody, ChartDescription};
use crate::model::Status;

/// Sizes of the words and lines, all from one scale.
#[derive(Clone, Copy)]
pub(super) struct Sizes {
    pub pad: f32,
    pub title: f32,
    pub subtitle: f32,
    pub tick: f32,
    pub legend: f32,
    pub footer: f32,
    pub line: f32,
    pub marker: f32,
}

impl Sizes {
    fn at(s: f32, type_scale: f32) -> Sizes {
        Sizes {
            pad: 44.0 * s,
            title: 50.0 * s * type_scale,
            subtitle: 31.0 * s * type_scale,
            tick: 26.0 * s * type_scale,
            legend: 28.0 * s * type_scale,
            footer: 23.0 * s * type_scale,
            line: 4.5 * s,
            marker: 6.5 * s,
        }
    }
}

/// A legend entry: its words and its swatch.
struct Entry {
    label: String,
    swatch: Swatch,
}

/// How a bar is filled: a figure, or an estimate on new boundaries (hollow, dashed).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum BarLook {
    Filled,
    Hollow,
}

/// What stands before a legend entry's words.
#[derive(Clone)]
pub(super) enum Swatch {
    /// A line in the series' colour (`None`: the style of tentative figures), maybe dashed.
    Line { color: Option<usize>, dashed: bool },
    /// The style of estimated figures: a dashed line through a hollow diamond.
    Estimated,
    /// A bar of a colour (an sRGB triple), as a figure of its kind is drawn.
    Bar { color: style::Rgb, look: BarLook },
    /// The earlier year's mark of a ranking.
    Ring,
    /// A reference line across a ranking.
    Reference(crate::chart::ReferenceKind),
}

/// The words around the plot, wrapped for a canvas of width `w` at sizes `z`.
struct Words {
    title: Vec<String>,
    subtitle: Vec<String>,
    legend_rows: Vec<Vec<Entry>>,
    /// Lines of the footer, and whether each is weak (notes) or not (sources).
    footer: Vec<(String, bool)>,
}

/// Footnotes shown in full; the rest are counted.
const FOOTNOTES: usize = 4;

fn legend_entries(d: &ChartDescription, ink: &Ink) -> Vec<Entry> {
    // A map's legend is beside it, drawn with the map.
    if d.map().is_some() {
        return Vec::new();
    }
    if let Some(r) = d.ranking() {
        return ranking::legend(r, d.messages(), ink)
            .into_iter()
            .map(|(label, swatch)| Entry { label, swatch })
            .collect();
    }
    let visible = || d.series().filter(|s| s.visible);
    let muted = |s: &&crate::chart::SeriesDescription| s.color == style::MUTED;
    let mut entries: Vec<Entry> = visible()
        .filter(|s| !muted(s))
        .map(|s| Entry {
            label: s.label.clone(),
            swatch: Swatch::Line {
                color: Some(s.color),
                dashed: false,
            },
        })
        .collect();
    // The grey series are one entry: 55 provinces named under a chart took half the slide.
    let grey = visible().filter(muted).count();
    if grey > 0 {
        entries.push(Entry {
            label: d.messages().with("legend-muted", &[("count", grey.into())]),
            swatch: Swatch::Line {
                color: Some(style::MUTED),
                dashed: false,
            },
        });
    }
    let shown = |st: &Status| visible().flat_map(|s| &s.points).any(|p| p.status == *st);
    // Estimated figures have a shape of their own, and a legend entry of their own.
    if shown(&Status::Estimated) {
        entries.push(Entry {
            label: words::tentative_legend(d.messages(), &[Status::Estimated]),
            swatch: Swatch::Estimated,
        });
    }
    let tentative: Vec<Status> = [Status::Provisional, Status::Forecast]
        .into_iter()
        .filter(shown)
        .collect();
    if !tentative.is_empty() {
        entries.push(Entry {
            label: words::tentative_legend(d.messages(), &tentative),
            swatch: Swatch::Line {
                color: None,
                dashed: true,
            },
        });
    }
    entries
}

fn wrap_legend(entries: Vec<Entry>, inner: f32, z: &Sizes) -> Vec<Vec<Entry>> {
    let swatch = 46.0 * z.legend / 28.0;
    let mut rows: Vec<Vec<Entry>> = vec![Vec::new()];
    let mut used = 0.0;
    for entry in entries {
        let max_label = inner - swatch - 12.0;
        let label = wrap(&entry.label, z.legend, false, max_label)
            .into_iter()
            .next()
            .unwrap_or_default();
        let need = swatch + 12.0 + width(&label, z.legend, false) + 36.0 * z.legend / 28.0;
        if used + need > inner && rows.last().is_some_and(|r| !r.is_empty()) {
            rows.push(Vec::new());
            used = 0.0;
        }
        used += need;
        if let Some(row) = rows.last_mut() {
            row.push(Entry { label, ..entry });
        }
    }
    rows.retain(|r| !r.is_empty());
    rows
}

/// The footer: sources with edition and licence, then footnotes of flagged figures and notes.
fn footer(d: &ChartDescription, inner: f32, z: &Sizes) -> Vec<(String, bool)> {
    let t = d.messages();
    let mut footer = Vec::new();
    let mut add = |text: &str, weak: bool| {
        for l in wrap(text, z.footer, false, inner) {
            footer.push((l, weak));
        }
    };
    for s in &d.sources {
        add(&words::source_line(t, s), false);
    }
    for f in d.footnotes.iter().take(FOOTNOTES) {
        add(&words::footnote(t, f), true);
    }
    if d.footnotes.len() > FOOTNOTES {
        footer.push((
            words::more_footnotes(t, d.footnotes.len() - FOOTNOTES),
            true,
        ));
    }
    let mut add = |text: &str| {
        for l in wrap(text, z.footer, false, inner) {
            footer.push((l, true));
        }
    };
    for n in d.notes.iter().filter(|n| !n.in_legend()) {
        add(&words::note(t, n));
    }
    // Every map credits its boundaries.
    if d.map().is_some() {
        add(&t.get("map-attribution"));
    }
    footer
}

fn words(d: &ChartDescription, w: f32, z: &Sizes, ink: &Ink) -> Words {
    let inner = w - 2.0 * z.pad;
    Words {
        title: wrap(&d.title, z.title, true, inner),
        subtitle: wrap(&d.subtitle, z.subtitle, false, inner),
        legend_rows: wrap_legend(legend_entries(d, ink), inner, z),
        footer: footer(d, inner, z),
    }
}

pub(super) fn check_size(options: &ExportOptions) -> Result<(), ExportError> {
    let (w, h) = (options.width as f32, options.height as f32);
    if options.width < 320 || options.height < 240 {
        return Err(ExportError::TooSmall(options.width, options.height));
    }
    if w * options.scale > 16000.0 || h * options.scale > 16000.0 || options.scale <= 0.0 {
        return Err(ExportError::TooLarge(
            options.width,
            options.height,
            options.scale,
        ));
    }
    Ok(())
}

/// The sizes and wrapped words of a canvas, shrunk until the plot keeps at least 40 % of the
/// height, with the top and the height of the block under the plot.
fn fit(d: &ChartDescription, options: &ExportOptions, ink: &Ink) -> (f32, Sizes, Words, f32, f32) {
    let (w, h) = (options.width as f32, options.height as f32);
    // Type follows the height (a square slide reads like a wide one), narrowed for tall
    // canvases; long text wraps rather than shrinks.
    let mut s = (h / 1080.0).min(w / 1200.0).max(0.3);
    let type_scale = if options.presentation { 1.22 } else { 1.0 };
    loop {
        let z = Sizes::at(s, type_scale);
        let words = words(d, w, &z, ink);
        let top = z.pad
            + words.title.len() as f32 * z.title * 1.2
            + words.subtitle.len() as f32 * z.subtitle * 1.3
            + 14.0 * s;
        let bottom_block = words.legend_rows.len() as f32 * z.legend * 1.6
            + 34.0 * s
            + words.footer.len() as f32 * z.footer * 1.35
            + z.pad;
        if h - top - bottom_block >= 0.4 * h || s < 0.2 {
            return (s, z, words, top, bottom_block);
        }
        s *= 0.9;
    }
}

/// Draws `d` as SVG text.
pub fn svg(d: &ChartDescription, options: &ExportOptions) -> Result<String, ExportError> {
    check_size(options)?;
    let (w, h) = (options.width as f32, options.height as f32);
    let ink = Ink::of(options.dark);
    let (s, z, words, top, bottom_block) = fit(d, options, &ink);
    let mut out = Svg::new(w, h, &ink.background);
    titles(&mut out, &words, &z, &ink);
    let plot = (z.pad, top, w - z.pad, h - bottom_block);
    match &d.body {
        ChartBody::TimeSeries(t) => time_series::draw(
            &mut out,
            t,
            plot,
            (&z, &ink),
            (s, d.language, options.value_labels),
        ),
        ChartBody::Ranking(r) => ranking::draw(&mut out, r, plot, &z, &ink, (s, d.language)),
        ChartBody::Map(m) => map::draw(&mut out, m, plot, &z, &ink, (s, d.language)),
    }
    legend(&mut out, &words.legend_rows, plot.3, &z, &ink, s);
    footer_lines(&mut out, &words.footer, h, &z, &ink);
    Ok(out.finish())
}

/// The title in bold, then the subtitle, each line below the last at its own leading.
fn titles(out: &mut Svg, words: &Words, z: &Sizes, ink: &Ink) {
    let title = Type {
        size: z.title,
        fill: &ink.text,
        anchor: "start",
        bold: true,
    };
    let subtitle = Type {
        size: z.subtitle,
        fill: &ink.weak,
        anchor: "start",
        bold: false,
    };
    let mut y = z.pad;
    for (lines, t, after) in [(&words.title, title, 0.2), (&words.subtitle, subtitle, 0.3)] {
        for line in lines {
            y += t.size;
            out.text((z.pad, y), t, line);
            y += t.size * after;
        }
    }
}

fn legend(out: &mut Svg, rows: &[Vec<Entry>], plot_bottom: f32, z: &Sizes, ink: &Ink, s: f32) {
    let mut y = plot_bottom + 12.0 * s;
    let swatch = 46.0 * z.legend / 28.0;
    for row in rows {
        y += z.legend * 1.6;
        let mut x = z.pad;
        for entry in row {
            let ly = y - z.legend * 0.35;
            swatch_svg(out, &entry.swatch, (x, ly, swatch), z, ink, s);
            x += swatch + 12.0 * s;
            let t = Type {
                size: z.legend,
                fill: &ink.text,
                anchor: "start",
                bold: false,
            };
            out.text((x, y), t, &entry.label);
            x += width(&entry.label, z.legend, false) + 36.0 * z.legend / 28.0;
        }
    }
}

/// A legend entry's swatch, `w` wide from `x`, centred on `y`.
fn swatch_svg(
    out: &mut Svg,
    swatch: &Swatch,
    (x, y, w): (f32, f32, f32),
    z: &Sizes,
    ink: &Ink,
    s: f32,
) {
    match swatch {
        Swatch::Line { color, dashed } => {
            let stroke = match color {
                Some(index) => ink.series(*index),
                None => ink.weak.clone(),
            };
            let dash = if *dashed {
                style::LEGEND_DASH.scaled(s)
            } else {
                Dash::Solid
            };
            let line = Stroke {
                color: &stroke,
                width: z.line,
                dash,
            };
            out.line((x, y), (x + w, y), line);
            if *dashed {
                let outline = Some((stroke.as_str(), z.line * 0.6));
                out.circle((x + w / 2.0, y), z.marker, &ink.background, outline);
            }
        }
        Swatch::Estimated => {
            let line = Stroke {
                color: &ink.weak,
                width: z.line,
                dash: style::LEGEND_DASH.scaled(s),
            };
            out.line((x, y), (x + w, y), line);
            out.diamond(
                (x + w / 2.0, y),
                z.marker,
                &ink.background,
                (&ink.weak, z.line * 0.6),
            );
        }
        Swatch::Bar { color, look } => {
            let h = z.legend * 0.7;
            ranking::bar_shape(out, (x, y - h / 2.0, w, h), *color, *look, (ink, s));
        }
        Swatch::Ring => {
            out.line((x, y), (x + w, y), Stroke::solid(&ink.text, 1.6 * s));
            let ring = Some((ink.text.as_str(), 2.0 * s));
            out.circle((x + w * 0.25, y), z.legend * 0.22, &ink.background, ring);
        }
        Swatch::Reference(kind) => {
            let look = style::reference_style(*kind, ink.dark);
            let color = style::hex(look.color);
            let stroke = Stroke {
                color: &color,
                width: 2.4 * s,
                dash: look.dash.scaled(s),
            };
            let h = z.legend * 0.5;
            out.line((x + w / 2.0, y - h), (x + w / 2.0, y + h), stroke);
        }
    }
}

fn footer_lines(out: &mut Svg, footer: &[(String, bool)], h: f32, z: &Sizes, ink: &Ink) {
    let mut y = h - z.pad - footer.len() as f32 * z.footer * 1.35;
    for (line, weak) in footer {
        y += z.footer * 1.35;
        let t = Type {
            size: z.footer,
            fill: if *weak { &ink.weak } else { &ink.text },
            anchor: "start",
            bold: false,
        };
        out.text((z.pad, y - z.footer * 0.35), t, line);
    }
}
