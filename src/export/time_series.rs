//! Drawing the time-series kind inside the frame: one plot per panel (small multiples), each
//! with its unit above, its value ticks at the left, its years below, its target and baseline
//! lines and its series.

use super::layout::Sizes;
use super::text::width;
use super::words;
use super::writer::{Ink, Stroke, Svg, Type};
use crate::chart::qualifier_prefix;
use crate::chart::style::{self, Marker};
use crate::chart::{BoundaryBreak, Panel, TimeSeries, axis, unit_symbol_suffix};
use crate::locale::{Language, Messages, Numbers};

/// The panels of `t` in `plot` (left, top, right, bottom), sharing its height.
pub(super) fn draw(
    out: &mut Svg,
    t: &TimeSeries,
    plot: (f32, f32, f32, f32),
    z: &Sizes,
    ink: &Ink,
    (s, language): (f32, Language),
) {
    let numbers = Numbers::of(language);
    let (left, plot_top, right, plot_bottom) = plot;
    let n = t.panels.len().max(1) as f32;
    let gap = 18.0 * s;
    let panel_h = (plot_bottom - plot_top - gap * (n - 1.0)) / n;
    for (i, panel) in t.panels.iter().enumerate() {
        let y0 = plot_top + i as f32 * (panel_h + gap);
        let years = t.years.unwrap_or((2000, 2001));
        // The mark's words once, on the top panel; the line crosses every panel.
        let breaks = (&t.breaks[..], i == 0);
        panel_svg(
            out,
            panel,
            (years, breaks),
            (left, y0, right, y0 + panel_h),
            (z, ink),
            numbers,
        );
    }
    if t.panels.is_empty() {
        let t = Type {
            size: z.legend,
            fill: &ink.weak,
            anchor: "middle",
            bold: false,
        };
        let middle = ((left + right) / 2.0, (plot_top + plot_bottom) / 2.0);
        out.text(middle, t, &words::no_figures(Messages::of(language)));
    }
}

/// Where values and years fall in a panel's plot.
struct Scales {
    plot_left: f32,
    plot_right: f32,
    plot_top: f32,
    plot_bottom: f32,
    y_lo: f64,
    y_hi: f64,
    from: i32,
    to: i32,
}

impl Scales {
    fn y(&self, v: f64) -> f32 {
        self.plot_bottom
            - ((v - self.y_lo) / (self.y_hi - self.y_lo)) as f32
                * (self.plot_bottom - self.plot_top)
    }

    fn x(&self, year: f64) -> f32 {
        self.plot_left
            + ((year - (f64::from(self.from) - 0.5)) / (f64::from(self.to - self.from) + 1.0))
                as f32
                * (self.plot_right - self.plot_left)
    }
}

fn panel_svg(
    out: &mut Svg,
    panel: &Panel,
    ((from, to), breaks): ((i32, i32), (&[BoundaryBreak], bool)),
    (left, top, right, bottom): (f32, f32, f32, f32),
    (z, ink): (&Sizes, &Ink),
    numbers: &Numbers,
) {
    let s = z.tick / 26.0;
    let weak = |size: f32, anchor| Type {
        size,
        fill: &ink.weak,
        anchor,
        bold: false,
    };
    // The unit above the plot, read without turning the head.
    out.text((left, top + z.tick), weak(z.tick, "start"), &panel.y_label);
    let plot_top = top + z.tick * 1.7;
    let plot_bottom = bottom - z.tick * 1.6;
    let Some((y_lo, y_hi)) = panel.y_range() else {
        return;
    };
    let room = axis::label_room(plot_bottom - plot_top, z.tick);
    let ticks = axis::value_ticks(y_lo, y_hi, panel.log_scale, room, numbers);
    let label_w = ticks
        .iter()
        .map(|t| width(&t.label, z.tick, false))
        .fold(0.0, f32::max);
    let at = Scales {
        plot_left: left + label_w + 14.0 * s,
        plot_right: right,
        plot_top,
        plot_bottom,
        y_lo,
        y_hi,
        from,
        to,
    };
    let (plot_left, plot_right) = (at.plot_left, at.plot_right);

    for tick in &ticks {
        let y = at.y(tick.value);
        out.line(
            (plot_left, y),
            (plot_right, y),
            Stroke::solid(&ink.grid, 1.5 * s),
        );
        let pos = (plot_left - 10.0 * s, y + z.tick * 0.35);
        out.text(pos, weak(z.tick, "end"), &tick.label);
    }
    // Whole years only, spaced so their labels never touch.
    let year_w = width("2000", z.tick, false) * 1.8;
    let max_ticks = ((plot_right - plot_left) / year_w).max(1.0) as i32;
    for year in axis::year_ticks(from, to, max_ticks) {
        let x = at.x(f64::from(year));
        let tick = Stroke::solid(&ink.axis, 2.0 * s);
        out.line((x, plot_bottom), (x, plot_bottom + 8.0 * s), tick);
        let pos = (x, plot_bottom + 8.0 * s + z.tick);
        out.text(pos, weak(z.tick, "middle"), &year.to_string());
    }
    out.line(
        (plot_left, plot_bottom),
        (plot_right, plot_bottom),
        Stroke::solid(&ink.axis, 2.0 * s),
    );
    reference_lines(out, panel, &at, z, ink);
    boundary_breaks(out, breaks, &at, z, ink);
    series(out, panel, &at, (z, ink), numbers);
}

/// A vertical mark where boundaries changed, its words at the top on the side with room.
fn boundary_breaks(
    out: &mut Svg,
    (breaks, labelled): (&[BoundaryBreak], bool),
    at: &Scales,
    z: &Sizes,
    ink: &Ink,
) {
    let s = z.tick / 26.0;
    for mark in breaks {
        let x = at.x(mark.x);
        let stroke = Stroke {
            color: &ink.axis,
            width: 2.0 * s,
            dash: style::BREAK_DASH.scaled(s),
        };
        out.line((x, at.plot_top), (x, at.plot_bottom), stroke);
        if labelled {
            let right_half = x > (at.plot_left + at.plot_right) / 2.0;
            let (tx, anchor) = if right_half {
                (x - 8.0 * s, "end")
            } else {
                (x + 8.0 * s, "start")
            };
            let t = Type {
                size: z.tick * 0.8,
                fill: &ink.weak,
                anchor,
                bold: false,
            };
            out.text_on(
                (tx, at.plot_top + z.tick * 0.8),
                t,
                &mark.label,
                &ink.background,
            );
        }
    }
}

fn reference_lines(out: &mut Svg, panel: &Panel, at: &Scales, z: &Sizes, ink: &Ink) {
    let s = z.tick / 26.0;
    for line in &panel.reference_lines {
        let y = at.y(line.y);
        let look = style::reference_style(line.kind, ink.dark);
        let color = style::hex(look.color);
        let stroke = Stroke {
            color: &color,
            width: 3.0 * s,
            dash: look.dash.scaled(s),
        };
        out.line((at.plot_left, y), (at.plot_right, y), stroke);
        let ty = if look.label_above {
            y - 8.0 * s
        } else {
            y + z.tick * 0.8 + 8.0 * s
        };
        let t = Type {
            size: z.tick * 0.85,
            fill: &color,
            anchor: "start",
            bold: true,
        };
        out.text((at.plot_left + 10.0 * s, ty), t, &line.label);
    }
}

fn series(out: &mut Svg, panel: &Panel, at: &Scales, (z, ink): (&Sizes, &Ink), numbers: &Numbers) {
    let words = Messages::of(numbers.language());
    let s = z.tick / 26.0;
    for series in panel.drawing_order() {
        let color = ink.series(series.color);
        for run in &series.runs {
            let stroke = Stroke {
                color: &color,
                width: z.line,
                dash: style::run_dash(run.dashed).scaled(s),
            };
            let points = run.points.iter().map(|[x, y]| (at.x(*x), at.y(*y)));
            out.polyline(points, stroke);
        }
        // A series of a few scattered figures reads better with its values written on it.
        let label_points = series.points.len() <= 4;
        for p in &series.points {
            let (x, y) = (at.x(f64::from(p.year)), at.y(p.y));
            let r = z.marker;
            if label_points {
                let text = format!(
                    "{}{}{}",
                    qualifier_prefix(words, p.qualifier),
                    numbers.format(p.value, series.decimals),
                    unit_symbol_suffix(&series.unit_symbol)
                );
                let end = x > (at.plot_left + at.plot_right) / 2.0;
                let dx = if end { -r * 2.0 } else { r * 2.0 };
                let t = Type {
                    size: z.tick,
                    fill: &color,
                    anchor: if end { "end" } else { "start" },
                    bold: true,
                };
                out.text((x + dx, y - r * 1.5), t, &text);
            }
            match style::marker(p.status) {
                Marker::Square => out.square((x, y), r, &color),
                Marker::Hollow => {
                    out.circle((x, y), r, &ink.background, Some((&color, z.line * 0.6)))
                }
                Marker::Filled => out.circle((x, y), r, &color, None),
            }
        }
    }
}
