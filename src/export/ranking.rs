//! Drawing the ranking kind inside the frame: a row per province, its rank and name at the
//! left, its bar from zero, its value at the bar's end, the nation (and its target) as lines
//! across every row.
//!
//! Labels never collide because each has its own row: 63 rows that would be shorter than the
//! type are laid out in two or three columns instead (ranks 1–32, then 33–63), as printed
//! statistical yearbooks set long tables.

use super::layout::{BarLook, Sizes, Swatch};
use super::text::width;
use super::words;
use super::writer::{Ink, Stroke, Svg, Type};
use crate::chart::ReferenceKind;
use crate::chart::ranking::{Bar, Ranking};
use crate::chart::style;
use crate::locale::{Language, Messages};

/// The most columns of bars: more would make each too narrow for a name and a bar.
const MAX_COLUMNS: usize = 3;

/// A bar's rectangle (left, top, width, height) of `color` in `look`.
pub(super) fn bar_shape(
    out: &mut Svg,
    (x, y, w, h): (f32, f32, f32, f32),
    color: style::Rgb,
    look: BarLook,
    (ink, s): (&Ink, f32),
) {
    let hex = style::hex(color);
    let outline = Stroke {
        color: &hex,
        width: 2.0 * s,
        dash: style::ESTIMATE_DASH.scaled(s),
    };
    match look {
        BarLook::Filled => out.rect((x, y), (w, h), &hex, None),
        BarLook::Hollow => out.rect((x, y), (w, h), &ink.background, Some(outline)),
    }
}

/// The legend of a ranking: what the colours mean, the national line, the earlier year's
/// mark, and the hollow bars of estimates and tentative figures.
pub(super) fn legend(r: &Ranking, t: &Messages, ink: &Ink) -> Vec<(String, Swatch)> {
    let mut entries: Vec<(String, Swatch)> = r
        .legend
        .iter()
        .map(|(label, fill)| {
            let color = style::fill_color(*fill, ink.dark);
            let look = BarLook::Filled;
            (label.clone(), Swatch::Bar { color, look })
        })
        .collect();
    if r.national.is_some() {
        entries.push((
            t.get("ranking-national"),
            Swatch::Reference(ReferenceKind::National),
        ));
    }
    if let Some(since) = r.since {
        entries.push((since.to_string(), Swatch::Ring));
    }
    let outlined = |label: String, look: BarLook| {
        let color = style::theme(ink.dark).weak;
        (label, Swatch::Bar { color, look })
    };
    if r.bars.iter().any(|b| b.estimate.is_some()) {
        let year = r.boundaries.get(..4).unwrap_or_default();
        let label = t.with("ranking-estimate-legend", &[("year", year.into())]);
        entries.push(outlined(label, BarLook::Hollow));
    }
    entries
}

/// How the rows are laid out: columns, rows per column and the type of the labels.
struct Grid {
    columns: usize,
    rows: usize,
    pitch: f32,
    font: f32,
}

impl Grid {
    fn of(n: usize, height: f32, z: &Sizes) -> Grid {
        let font = z.tick;
        // A row at least as tall as its words with room between, at most twice that.
        let fits = ((height / (font * 1.45)).floor() as usize).max(1);
        let columns = n.div_ceil(fits).clamp(1, MAX_COLUMNS);
        let rows = n.div_ceil(columns).max(1);
        let pitch = (height / rows as f32).min(font * 2.2);
        Grid {
            columns,
            rows,
            pitch,
            font: font.min(pitch / 1.3),
        }
    }
}

/// The bars of `r` in `plot` (left, top, right, bottom).
pub(super) fn draw(
    out: &mut Svg,
    r: &Ranking,
    plot: (f32, f32, f32, f32),
    z: &Sizes,
    ink: &Ink,
    (s, language): (f32, Language),
) {
    let (left, top, right, bottom) = plot;
    if r.bars.is_empty() {
        let t = Type {
            size: z.legend,
            fill: &ink.weak,
            anchor: "middle",
            bold: false,
        };
        let middle = ((left + right) / 2.0, (top + bottom) / 2.0);
        out.text(middle, t, &words::no_figures(Messages::of(language)));
        return;
    }
    // One line above the rows per reference, for its label.
    let references: Vec<(&crate::chart::ranking::Reference, ReferenceKind)> = [
        r.national.as_ref().map(|n| (n, ReferenceKind::National)),
        r.target.as_ref().map(|t| (t, ReferenceKind::Target)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let header = references.len() as f32 * z.tick * 1.4;
    let rows_top = top + header;
    let grid = Grid::of(r.bars.len(), bottom - rows_top, z);
    let gap = 40.0 * s;
    let column_w = (right - left - gap * (grid.columns - 1) as f32) / grid.columns as f32;
    let name_w = r
        .bars
        .iter()
        .map(|b| width(&b.row_label(), grid.font, false))
        .fold(0.0, f32::max)
        .min(column_w * 0.55);
    let value_w = r
        .bars
        .iter()
        .map(|b| width(&b.text, grid.font, false))
        .fold(0.0, f32::max);
    let (lo, hi) = r.value_range();
    for (c, column) in r.bars.chunks(grid.rows).enumerate() {
        let x0 = left + c as f32 * (column_w + gap);
        let bar_left = x0 + name_w + 10.0 * s;
        let bar_right = (x0 + column_w - value_w - 12.0 * s).max(bar_left + 1.0);
        let x = |v: f64| bar_left + ((v - lo) / (hi - lo)) as f32 * (bar_right - bar_left);
        let rows_bottom = rows_top + column.len() as f32 * grid.pitch;
        // The zero line the bars start from.
        out.line(
            (x(0.0_f64.clamp(lo, hi)), rows_top),
            (x(0.0_f64.clamp(lo, hi)), rows_bottom),
            Stroke::solid(&ink.axis, 1.2 * s),
        );
        let ends: Vec<(f32, f32)> = column
            .iter()
            .enumerate()
            .map(|(i, bar)| {
                let y = rows_top + i as f32 * grid.pitch;
                draw_bar(
                    out,
                    bar,
                    (y, grid.pitch, grid.font),
                    (x0, name_w, &x),
                    ink,
                    s,
                )
            })
            .collect();
        for (k, (reference, kind)) in references.iter().enumerate() {
            let look = style::reference_style(*kind, ink.dark);
            let color = style::hex(look.color);
            let rx = x(reference.value);
            out.line(
                (rx, top + (k as f32 + 0.35) * z.tick * 1.4),
                (rx, rows_bottom),
                Stroke {
                    color: &color,
                    width: 2.4 * s,
                    dash: look.dash.scaled(s),
                },
            );
            if c > 0 {
                // Named once, in the first column; the legend names the line too.
                continue;
            }
            // The label beside its line, on the side with room.
            let label_w = width(&reference.label, z.tick * 0.9, false);
            let anchor = if rx + 8.0 * s + label_w <= x0 + column_w {
                "start"
            } else {
                "end"
            };
            let lx = if anchor == "start" {
                rx + 8.0 * s
            } else {
                rx - 8.0 * s
            };
            let t = Type {
                size: z.tick * 0.9,
                fill: &color,
                anchor,
                bold: false,
            };
            let at = (lx, top + (k as f32 + 0.85) * z.tick * 1.4);
            out.text_on(at, t, &reference.label, &ink.background);
        }
        // The values are written last, over the lines across the rows.
        let value = Type {
            size: grid.font,
            fill: &ink.text,
            anchor: "start",
            bold: false,
        };
        for (bar, at) in column.iter().zip(&ends) {
            out.text_on(*at, value, &bar.text, &ink.background);
        }
    }
}

/// One row: rank and name right-aligned before the bar, the bar, the earlier year's mark.
/// Returns where its value is to be written: after the longer of the two.
fn draw_bar(
    out: &mut Svg,
    bar: &Bar,
    (y, pitch, font): (f32, f32, f32),
    (x0, name_w, x): (f32, f32, &dyn Fn(f64) -> f32),
    ink: &Ink,
    s: f32,
) -> (f32, f32) {
    let middle = y + pitch / 2.0;
    let baseline = middle + font * 0.35;
    let name = Type {
        size: font,
        fill: &ink.text,
        anchor: "end",
        bold: false,
    };
    let label = super::text::fit(&bar.row_label(), font, false, name_w);
    out.text((x0 + name_w, baseline), name, &label);
    let height = pitch * 0.68;
    let (a, b) = (x(0.0).min(x(bar.value)), x(0.0).max(x(bar.value)));
    // A provisional figure's bar is filled like any other: faded palette colours look like
    // other palette colours (a faded blue region reads as the sky-blue one). The subtitle or
    // a note says which figures are tentative.
    let look = if bar.estimate.is_some() {
        BarLook::Hollow
    } else {
        BarLook::Filled
    };
    let color = style::fill_color(bar.fill, ink.dark);
    bar_shape(
        out,
        (a, middle - height / 2.0, b - a, height),
        color,
        look,
        (ink, s),
    );
    let mut end = b;
    if let Some(since) = bar.since {
        let sx = x(since);
        out.line(
            (sx, middle),
            (x(bar.value), middle),
            Stroke::solid(&ink.text, 1.6 * s),
        );
        let ring = Some((ink.text.as_str(), 2.0 * s));
        out.circle(
            (sx, middle),
            (height * 0.32).max(2.0),
            &ink.background,
            ring,
        );
        end = end.max(sx + (height * 0.32).max(2.0) + 2.0 * s);
    }
    (end + 8.0 * s, baseline)
}
