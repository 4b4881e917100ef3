//! Drawing the time-series kind inside the frame: one plot per panel (small multiples), each
//! with its unit above, its value ticks at the left, its years below, its target and baseline
//! lines and its series.

use super::layout::Sizes;
use super::text::width;
use super::words;
use super::writer::{Ink, Stroke, Svg, Type};
use crate::chart::labels::{self, Obstacles, Rect, Request};
use crate::chart::style::{self, Marker};
use crate::chart::{BoundaryBreak, Panel, TimeSeries, axis, unit_symbol_suffix};
use crate::chart::{qualifier_prefix, shown_decimals};
use crate::locale::{Language, Messages, Numbers};

/// The panels of `t` in `plot` (left, top, right, bottom), sharing its height.
pub(super) fn draw(
    out: &mut Svg,
    t: &TimeSeries,
    plot: (f32, f32, f32, f32),
    (z, ink): (&Sizes, &Ink),
    (s, language, labelled): (f32, Language, bool),
) {
    let numbers = Numbers::of(language);
    let (left, plot_top, right, plot_bottom) = plot;
    let n = t.panels.len().max(1) as f32;
    let gap = 18.0 * s;
    let panel_h = (plot_bottom - plot_top - gap * (n - 1.0)) / n;
    // One left edge for every panel's plot, so that their years stand one above the other.
    let label_w = t
        .panels
        .iter()
        .filter_map(|panel| {
            let (y_lo, y_hi) = panel.y_range()?;
            let room = axis::label_room(panel_h - z.tick * 3.3, z.tick);
            let ticks = axis::value_ticks(y_lo, y_hi, panel.log_scale, room, numbers);
            ticks
                .iter()
                .map(|t| width(&t.label, z.tick, false))
                .reduce(f32::max)
        })
        .fold(0.0, f32::max);
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
            (numbers, labelled, label_w),
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
    (numbers, labelled, label_w): (&Numbers, bool, f32),
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
    let mut obstacles = Obstacles::default();
    reference_lines(out, panel, &at, (z, ink), &mut obstacles);
    boundary_breaks(out, breaks, &at, (z, ink), &mut obstacles);
    series(out, panel, &at, (z, ink), (numbers, labelled), obstacles);
}

/// A vertical mark where boundaries changed, its words at the top on the side with room.
fn boundary_breaks(
    out: &mut Svg,
    (breaks, labelled): (&[BoundaryBreak], bool),
    at: &Scales,
    (z, ink): (&Sizes, &Ink),
    obstacles: &mut Obstacles,
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
        obstacles
            .segments
            .push(((x, at.plot_top), (x, at.plot_bottom)));
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
            let w = width(&mark.label, t.size, false);
            let baseline = at.plot_top + z.tick * 0.8;
            let x0 = if right_half { tx - w } else { tx };
            obstacles.boxes.push(Rect::new(
                x0,
                baseline - t.size,
                x0 + w,
                baseline + t.size * 0.25,
            ));
            out.text_on((tx, baseline), t, &mark.label, &ink.background);
        }
    }
}

fn reference_lines(
    out: &mut Svg,
    panel: &Panel,
    at: &Scales,
    (z, ink): (&Sizes, &Ink),
    obstacles: &mut Obstacles,
) {
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
        obstacles
            .segments
            .push(((at.plot_left, y), (at.plot_right, y)));
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
        let x = at.plot_left + 10.0 * s;
        let w = width(&line.label, t.size, true);
        obstacles
            .boxes
            .push(Rect::new(x, ty - t.size, x + w, ty + t.size * 0.25));
        out.text((x, ty), t, &line.label);
    }
}

/// The series: their lines, then their markers, then the value labels the placement rule
/// (`chart::labels`) finds room for: every figure of a series of a few, and the latest of
/// every series, which is always shown.
fn series(
    out: &mut Svg,
    panel: &Panel,
    at: &Scales,
    (z, ink): (&Sizes, &Ink),
    (numbers, labelled): (&Numbers, bool),
    mut obstacles: Obstacles,
) {
    let words = Messages::of(numbers.language());
    let s = z.tick / 26.0;
    let order: Vec<_> = panel.drawing_order().collect();
    if panel.single_year() {
        bars(out, &order, at, (z, ink), (numbers, labelled));
        return;
    }
    for series in &order {
        let color = ink.series(series.color);
        for run in &series.runs {
            let stroke = Stroke {
                color: &color,
                width: z.line,
                dash: style::run_dash(run.dashed).scaled(s),
            };
            let points: Vec<(f32, f32)> = run
                .points
                .iter()
                .map(|[x, y]| (at.x(*x), at.y(*y)))
                .collect();
            obstacles.polyline(&points);
            out.polyline(points.into_iter(), stroke);
        }
    }
    let r = z.marker;
    let mut requests: Vec<Request> = Vec::new();
    let mut texts: Vec<(String, String)> = Vec::new();
    for (rank, series) in order.iter().enumerate() {
        let few = series.points.len() <= 4;
        let latest = series.points.iter().map(|p| p.year).max();
        for p in &series.points {
            let (x, y) = (at.x(f64::from(p.year)), at.y(p.y));
            obstacles.boxes.push(Rect::around((x, y), r));
            let is_latest = Some(p.year) == latest;
            // A series of a few scattered figures reads better with its values written on
            // it; a long one has its latest written, the figure a presenter reads out.
            // The grey series beyond the eight coloured are the background a comparison is
            // read against: their figures are not written.
            let muted = series.color == style::MUTED;
            if !labelled || !(few || is_latest) || !series.visible || muted {
                continue;
            }
            let text = value_label(words, numbers, series, p);
            // Two sources with the same figure at the same point: written once.
            let same = requests.iter().zip(&texts).position(|(q, (t, _))| {
                *t == text && (q.at.0 - x).abs() <= r && (q.at.1 - y).abs() <= r
            });
            // The latest figures first, the newest of them first; then series drawn on top.
            let year = u32::try_from(p.year.clamp(0, 9999)).unwrap_or(0);
            let priority = u32::from(is_latest) * 1_000_000 + year * 64 + rank.min(63) as u32;
            let request = Request {
                at: (x, y),
                size: (width(&text, z.tick, true), z.tick * 1.05),
                gap: r * 1.6,
                priority,
                must: is_latest,
            };
            match same {
                Some(i) if requests[i].priority >= priority => {}
                Some(i) => {
                    requests[i] = request;
                    texts[i] = (text, ink.series(series.color));
                }
                None => {
                    requests.push(request);
                    texts.push((text, ink.series(series.color)));
                }
            }
        }
    }
    let plot = Rect::new(at.plot_left, at.plot_top, at.plot_right, at.plot_bottom);
    let placed = labels::place(&requests, &obstacles, &plot);
    for series in &order {
        let color = ink.series(series.color);
        for p in &series.points {
            let (x, y) = (at.x(f64::from(p.year)), at.y(p.y));
            match style::marker(p.status) {
                Marker::Square => out.square((x, y), r, &color),
                Marker::Hollow => {
                    out.circle((x, y), r, &ink.background, Some((&color, z.line * 0.6)))
                }
                Marker::Diamond => out.diamond((x, y), r, &ink.background, (&color, z.line * 0.6)),
                Marker::Filled => out.circle((x, y), r, &color, None),
            }
        }
    }
    for ((place, (text, color)), request) in placed.iter().zip(&texts).zip(&requests) {
        let Some(place) = place else { continue };
        if let Some(end) = place.leader(request.at, request.gap) {
            out.line(request.at, end, Stroke::solid(color, 1.5 * s));
        }
        let t = Type {
            size: z.tick,
            fill: color,
            anchor: "start",
            bold: true,
        };
        // The box's top is the text's ascent above its baseline.
        let baseline = (place.rect.x0, place.rect.y1 - z.tick * 0.25);
        if place.halo {
            out.text_on(baseline, t, text, &ink.background);
        } else {
            out.text(baseline, t, text);
        }
    }
}

/// The figures of one year as bars from zero side by side, each with its value above: a
/// single figure (houses built, the poverty rate of the year) as a lone point on an axis far
/// from zero would say nothing of its size.
fn bars(
    out: &mut Svg,
    order: &[&crate::chart::SeriesDescription],
    at: &Scales,
    (z, ink): (&Sizes, &Ink),
    (numbers, labelled): (&Numbers, bool),
) {
    let words = Messages::of(numbers.language());
    let s = z.tick / 26.0;
    let shown: Vec<_> = order
        .iter()
        .filter(|series| series.visible && !series.points.is_empty())
        .collect();
    let n = shown.len().max(1) as f32;
    let room = (at.plot_right - at.plot_left) * 0.6;
    let bar_w = (room / n).min(140.0 * s);
    let gap = bar_w * 0.25;
    let total = n * bar_w + (n - 1.0) * gap;
    let zero = at.y(0.0_f64.clamp(at.y_lo, at.y_hi));
    for (i, series) in shown.iter().enumerate() {
        let p = &series.points[0];
        let centre = at.x(f64::from(p.year)) - total / 2.0 + bar_w / 2.0 + i as f32 * (bar_w + gap);
        let top = at.y(p.y);
        let color = ink.series(series.color);
        // A figure that is not final is a paler bar with its outline, as its marker is hollow.
        let fill = match style::marker(p.status) {
            Marker::Filled => color.clone(),
            _ => ink.background.clone(),
        };
        out.rect(
            (centre - bar_w / 2.0, top.min(zero)),
            (bar_w, (zero - top).abs().max(1.0)),
            &fill,
            Some(Stroke::solid(&color, z.line * 0.6)),
        );
        if !labelled {
            continue;
        }
        let text = value_label(words, numbers, series, p);
        let t = Type {
            size: z.tick,
            fill: &color,
            anchor: "middle",
            bold: true,
        };
        let y = if p.y >= 0.0 {
            top - 10.0 * s
        } else {
            top + z.tick + 10.0 * s
        };
        out.text((centre, y), t, &text);
    }
}

/// A figure as written on the chart: "about 11%", "16.9‰", "334,000 houses".
fn value_label(
    words: &Messages,
    numbers: &Numbers,
    series: &crate::chart::SeriesDescription,
    p: &crate::chart::ChartPoint,
) -> String {
    format!(
        "{}{}{}",
        qualifier_prefix(words, p.qualifier),
        numbers.format(
            p.value,
            shown_decimals(p.value, series.decimals, p.qualifier)
        ),
        unit_symbol_suffix(&series.unit_symbol)
    )
}
