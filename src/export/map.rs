//! Drawing the map kind inside the frame: one SVG path per province of the boundary set (its
//! class's colour, thin white borders, the province, value and rank in its `<title>`), the
//! provinces without a figure pale grey and hatched, estimates on new boundaries hatched over
//! their colour; Quần đảo Hoàng Sa and Quần đảo Trường Sa drawn and named at every size; and
//! at the right the legend: the unit, the classes, the national figure marked, no data.
//!
//! The points are those of `chart::map::geometry()`, projected once; the window draws the
//! same geometry.

use std::fmt::Write as _;

use super::layout::Sizes;
use super::text::{escape, width};
use super::writer::{Ink, Stroke, Svg, Type};
use crate::chart::map::{Map, NO_DATA, Placement, Shape, geometry};
use crate::chart::style;
use crate::locale::{Language, Messages};

/// The share of the plot's width the legend takes.
const LEGEND_SHARE: f32 = 0.3;

/// Where the map's points go on the page.
struct Fit(Placement);

impl Fit {
    fn point(&self, p: [f32; 2]) -> (f32, f32) {
        let [x, y] = self.0.place(p);
        (x, y)
    }
}

/// The SVG path data of `polygons`: each ring a closed subpath, holes cut by the even-odd rule.
fn path_data(polygons: &[Vec<Vec<[f32; 2]>>], fit: &Fit) -> String {
    let mut d = String::new();
    for ring in polygons.iter().flatten() {
        for (i, p) in ring.iter().enumerate() {
            let (x, y) = fit.point(*p);
            let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
        }
        d.push('Z');
    }
    d
}

pub(super) fn draw(
    out: &mut Svg,
    m: &Map,
    plot: (f32, f32, f32, f32),
    z: &Sizes,
    ink: &Ink,
    (s, language): (f32, Language),
) {
    let t = Messages::of(language);
    let (left, top, right, bottom) = plot;
    // Maps side by side need the width more than the legend does.
    let share = if m.also.is_empty() {
        LEGEND_SHARE
    } else {
        LEGEND_SHARE * 0.75
    };
    let legend_w = (right - left) * share;
    let map_right = right - legend_w;
    out.hatch("no-data", &ink.weak, 6.0 * s);
    out.hatch("estimate", &ink.text, 5.0 * s);
    // Small multiples: the earlier years first, left to right, each captioned with its year.
    let maps: Vec<&Map> = m.also.iter().chain(std::iter::once(m)).collect();
    let panel = (map_right - left) / maps.len() as f32;
    let caption = if maps.len() > 1 { z.legend * 1.6 } else { 0.0 };
    for (i, one) in maps.iter().enumerate() {
        let x = left + panel * i as f32;
        if let (true, Some(year)) = (maps.len() > 1, one.ranking.year) {
            let bold = Type {
                size: z.legend,
                fill: &ink.text,
                anchor: "middle",
                bold: true,
            };
            out.text((x + panel / 2.0, top + z.legend), bold, &year.to_string());
        }
        // The placement keeps room east of the islands for their names.
        let right = x + panel - 8.0 * s;
        let room = [x, top + caption, right, bottom];
        let fit = Fit(Placement::fit(room, 1.0, [0.0, 0.0]));
        one_map(out, one, (&fit, right, t), z, ink, s);
    }
    legend(
        out,
        m,
        (map_right + 16.0 * s, top, right, bottom),
        z,
        ink,
        t,
    );
}

/// One year's provinces and the islands, placed by `fit`.
fn one_map(
    out: &mut Svg,
    m: &Map,
    (fit, right, t): (&Fit, f32, &Messages),
    z: &Sizes,
    ink: &Ink,
    s: f32,
) {
    let Some(set) = geometry().set_on(&m.set_day) else {
        return;
    };
    let bars: std::collections::BTreeMap<&str, &crate::chart::ranking::Bar> = m
        .ranking
        .bars
        .iter()
        .map(|b| (b.area.as_str(), b))
        .collect();
    let border = Stroke::solid("#ffffff", 1.2 * s);
    for shape in &set.shapes {
        province(out, shape, (&bars, m), fit, border, t);
    }
    islands(out, (fit, right), z, ink, s);
}

/// One province: its path, filled by class (or hatched for no data), its words in `<title>`.
fn province(
    out: &mut Svg,
    shape: &Shape,
    (bars, m): (
        &std::collections::BTreeMap<&str, &crate::chart::ranking::Bar>,
        &Map,
    ),
    fit: &Fit,
    border: Stroke,
    t: &Messages,
) {
    let d = path_data(&shape.polygons, fit);
    let bar = bars.get(shape.code.as_str());
    let class = m.class_of.get(&shape.code).and_then(|c| m.classes.get(*c));
    let fill = class.map_or_else(|| style::hex(NO_DATA), |c| style::hex(c.color));
    let title = match bar {
        Some(b) => {
            let mut words = format!(
                "{}: {} ({}/{})",
                b.label,
                b.text,
                b.rank,
                m.ranking.bars.len()
            );
            if b.estimate.is_some() {
                let year = m.ranking.boundaries.get(..4).unwrap_or_default();
                words.push_str(" · ");
                words.push_str(&t.with("estimate-on-boundaries", &[("year", year.into())]));
            }
            words
        }
        None => format!("{}: {}", shape.code, t.get("map-no-data")),
    };
    out.path(
        &d,
        &fill,
        Some(border),
        &format!("data-area=\"{}\"", escape(&shape.code)),
        Some(&title),
    );
    // Hatching over the colour: no figure at all, or one computed, not published.
    let hatch = match (bar, class) {
        (None, _) | (_, None) => Some("no-data"),
        (Some(b), _) if b.estimate.is_some() => Some("estimate"),
        _ => None,
    };
    if let Some(id) = hatch {
        out.path(&d, &format!("url(#{id})"), None, "", None);
    }
}

/// Quần đảo Hoàng Sa and Quần đảo Trường Sa: their islands, too small to see at this scale,
/// each ringed and named, so that they read at every size.
fn islands(out: &mut Svg, (fit, right): (&Fit, f32), z: &Sizes, ink: &Ink, s: f32) {
    for island in &geometry().islands {
        let d = path_data(&island.polygons, fit);
        out.path(
            &d,
            &ink.weak,
            Some(Stroke::solid(&ink.weak, 1.0 * s)),
            "class=\"island\"",
            Some(&island.name),
        );
        let (x, y) = fit.point(island.label);
        out.circle((x, y), 14.0 * s, "none", Some((&ink.weak, 1.2 * s)));
        // Named to the east, over the sea: under it the name would cross the coast. Where the
        // map's room ends first (maps side by side), on two lines: "Quần đảo" / "Trường Sa".
        let label = Type {
            size: z.legend * 0.8,
            fill: &ink.text,
            anchor: "start",
            bold: false,
        };
        let x = x + 14.0 * s + 6.0 * s;
        let one_line = width(&island.name, label.size, false) <= right - x;
        let lines: Vec<&str> = match island.name.split_once(' ').and_then(|(a, rest)| {
            let (b, rest) = rest.split_once(' ')?;
            Some((format!("{a} {b}"), rest))
        }) {
            Some((_, rest)) if !one_line => {
                let first = &island.name[..island.name.len() - rest.len()];
                vec![first.trim_end(), rest]
            }
            _ => vec![island.name.as_str()],
        };
        let first_y = y + z.legend * 0.28 - (lines.len() - 1) as f32 * label.size * 0.55;
        for (k, line) in lines.iter().enumerate() {
            let at = (x, first_y + k as f32 * label.size * 1.1);
            out.text_on(at, label, line, &ink.background);
        }
    }
}

/// The legend at the right: the unit, a swatch and range per class (best at the top), the
/// national figure beside its class, and the swatches of no data and of estimates.
fn legend(
    out: &mut Svg,
    m: &Map,
    (left, top, right, _bottom): (f32, f32, f32, f32),
    z: &Sizes,
    ink: &Ink,
    t: &Messages,
) {
    let size = z.legend;
    let line = size * 1.5;
    let box_w = size * 1.6;
    let mut y = top + size;
    let strong = Type {
        size,
        fill: &ink.text,
        anchor: "start",
        bold: true,
    };
    let plain = Type {
        bold: false,
        ..strong
    };
    let room = right - left;
    for l in super::text::wrap(&m.ranking.value_label, size, true, room) {
        out.text((left, y), strong, &l);
        y += line;
    }
    y += size * 0.3;
    let national = m.ranking.national.as_ref();
    let breaks = m.breaks();
    // The highest values at the top, as a reader scans a scale.
    for (i, class) in m.classes.iter().enumerate().rev() {
        let hex = style::hex(class.color);
        out.rect(
            (left, y - size * 0.85),
            (box_w, size * 1.1),
            &hex,
            Some(Stroke::solid(&ink.weak, 1.0)),
        );
        out.text((left + box_w + size * 0.5, y), plain, &class.label);
        if let Some(n) = national
            && crate::chart::map::class_of(n.value, &breaks) == Some(i)
        {
            // A small triangle pointing at the class, then the nation's figure.
            let x = left + box_w + size * 0.5 + width(&class.label, size, false) + size * 0.5;
            let (h, cy) = (size * 0.35, y - size * 0.3);
            let d = format!(
                "M{x:.1} {cy:.1}L{:.1} {:.1}L{:.1} {:.1}Z",
                x + h * 1.6,
                cy - h,
                x + h * 1.6,
                cy + h
            );
            out.path(&d, &ink.text, None, "", None);
            // The nation's figure under its class, where it has the legend's width.
            y += line;
            let indent = left + box_w + size * 0.5;
            let label = super::text::fit(&n.label, size, false, right - indent);
            out.text((indent, y), plain, &label);
        }
        y += line;
    }
    y += size * 0.3;
    let year = m.ranking.boundaries.get(..4).unwrap_or_default();
    let estimate = t.with("ranking-estimate-legend", &[("year", year.into())]);
    for (id, words) in [("no-data", t.get("map-no-data")), ("estimate", estimate)] {
        if id == "estimate" && !m.ranking.bars.iter().any(|b| b.estimate.is_some()) {
            continue;
        }
        if id == "no-data" && m.ranking.no_data.is_empty() {
            continue;
        }
        let fill = if id == "no-data" {
            style::hex(NO_DATA)
        } else {
            ink.background.clone()
        };
        out.rect(
            (left, y - size * 0.85),
            (box_w, size * 1.1),
            &fill,
            Some(Stroke::solid(&ink.weak, 1.0)),
        );
        out.rect(
            (left, y - size * 0.85),
            (box_w, size * 1.1),
            &format!("url(#{id})"),
            None,
        );
        for (k, l) in super::text::wrap(&words, size, false, room - box_w - size * 0.5)
            .iter()
            .enumerate()
        {
            out.text((left + box_w + size * 0.5, y + k as f32 * line), plain, l);
        }
        y += line * 1.2;
    }
}
