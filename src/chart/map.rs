//! The map kind: the provinces of one year as a choropleth, on the boundaries valid on the
//! day mapped (the 63 provinces until 30 June 2025, the 34 units after), with Quần đảo Hoàng
//! Sa and Quần đảo Trường Sa always drawn and named. Its figures are the ranking's (the same
//! year, boundaries and estimates: `ranking::describe`), sorted into colour classes.
//!
//! The boundaries are vendored, projected once by `assets/geo/make_map.py` (geoBoundaries'
//! public-domain provinces, dissolved into the 2025 units; Natural Earth's islands) and parsed
//! once per process.

use std::sync::OnceLock;

use serde::Deserialize;

use super::ranking::{self, Ranking};
use super::style::Rgb;
use super::{ChartBody, ChartData, ChartDescription, ChartSpec};
use crate::model::Direction;
use crate::model::selection::MapClasses;

/// The projected boundaries (x east, y south, in 1/1000 of a projected degree).
#[derive(Debug)]
pub struct Geometry {
    /// The sets of boundaries, oldest first: the first with its last day, each later one with
    /// its first.
    pub sets: Vec<BoundarySet>,
    pub islands: Vec<Island>,
    /// min x, min y, max x, max y of everything drawn.
    pub bounds: [f32; 4],
}

#[derive(Debug)]
pub struct BoundarySet {
    /// ISO day the set is valid on (2025-06-30 for the 63, 2025-07-01 for the 34).
    pub valid_on: String,
    pub shapes: Vec<Shape>,
}

/// An area's polygons: each an outer ring then its holes, each ring a list of points.
#[derive(Debug)]
pub struct Shape {
    pub code: String,
    pub polygons: Vec<Vec<Vec<[f32; 2]>>>,
    pub bounds: [f32; 4],
    /// The fill as triangles, computed once: every ring's points in order, and three indices
    /// into them a triangle.
    pub mesh: Triangles,
}

/// Triangles over a list of points.
#[derive(Debug, Default)]
pub struct Triangles {
    pub points: Vec<[f32; 2]>,
    pub indices: Vec<u32>,
}

/// The triangles of `polygons` (each an outer ring and its holes), by earcut.
fn triangulate(polygons: &[Vec<Vec<[f32; 2]>>]) -> Triangles {
    let mut mesh = Triangles::default();
    for polygon in polygons {
        let base = mesh.points.len();
        let mut flat = Vec::new();
        let mut holes = Vec::new();
        for (i, ring) in polygon.iter().enumerate() {
            if i > 0 {
                holes.push(flat.len() / 2);
            }
            flat.extend(ring.iter().flat_map(|p| [f64::from(p[0]), f64::from(p[1])]));
            mesh.points.extend(ring.iter().copied());
        }
        // A ring earcut cannot cut is left unfilled rather than drawn wrong.
        if let Ok(indices) = earcutr::earcut(&flat, &holes, 2) {
            mesh.indices
                .extend(indices.into_iter().map(|i| (base + i) as u32));
        }
    }
    mesh
}

impl Shape {
    /// Whether the projected point `p` is inside the shape (even-odd over all its rings).
    pub fn contains(&self, p: [f32; 2]) -> bool {
        let [x0, y0, x1, y1] = self.bounds;
        if p[0] < x0 || p[0] > x1 || p[1] < y0 || p[1] > y1 {
            return false;
        }
        let mut inside = false;
        for ring in self.polygons.iter().flatten() {
            let n = ring.len();
            for i in 0..n {
                let (a, b) = (ring[i], ring[(i + 1) % n]);
                if (a[1] > p[1]) != (b[1] > p[1])
                    && p[0] < a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0])
                {
                    inside = !inside;
                }
            }
        }
        inside
    }
}

/// An archipelago: its polygons and where its name goes.
#[derive(Debug)]
pub struct Island {
    pub name: String,
    pub label: [f32; 2],
    pub polygons: Vec<Vec<Vec<[f32; 2]>>>,
}

#[derive(Deserialize)]
struct RawMap {
    sets: Vec<RawSet>,
    islands: Vec<RawIsland>,
}

#[derive(Deserialize)]
struct RawSet {
    valid_on: String,
    areas: Vec<RawShape>,
}

#[derive(Deserialize)]
struct RawShape {
    code: String,
    polygons: Vec<Vec<Vec<i32>>>,
}

#[derive(Deserialize)]
struct RawIsland {
    name_vi: String,
    label: [i32; 2],
    polygons: Vec<Vec<Vec<i32>>>,
}

fn rings(raw: Vec<Vec<Vec<i32>>>) -> Vec<Vec<Vec<[f32; 2]>>> {
    raw.into_iter()
        .map(|polygon| {
            polygon
                .into_iter()
                .map(|ring| {
                    ring.chunks_exact(2)
                        .map(|p| [p[0] as f32, p[1] as f32])
                        .collect()
                })
                .collect()
        })
        .collect()
}

fn bounds_of<'a>(points: impl Iterator<Item = &'a [f32; 2]>) -> [f32; 4] {
    points.fold(
        [f32::MAX, f32::MAX, f32::MIN, f32::MIN],
        |[x0, y0, x1, y1], p| [x0.min(p[0]), y0.min(p[1]), x1.max(p[0]), y1.max(p[1])],
    )
}

fn points(polygons: &[Vec<Vec<[f32; 2]>>]) -> impl Iterator<Item = &[f32; 2]> {
    polygons.iter().flatten().flatten()
}

/// The vendored boundaries, parsed at first use.
pub fn geometry() -> &'static Geometry {
    static GEOMETRY: OnceLock<Geometry> = OnceLock::new();
    GEOMETRY.get_or_init(|| {
        // Vendored and checked by the tests: a file that does not parse is a build's fault.
        let raw: RawMap = serde_json::from_str(include_str!("../../assets/geo/vn_map.json"))
            .unwrap_or(RawMap {
                sets: Vec::new(),
                islands: Vec::new(),
            });
        let sets: Vec<BoundarySet> = raw
            .sets
            .into_iter()
            .map(|s| BoundarySet {
                valid_on: s.valid_on,
                shapes: s
                    .areas
                    .into_iter()
                    .map(|a| {
                        let polygons = rings(a.polygons);
                        let bounds = bounds_of(points(&polygons));
                        let mesh = triangulate(&polygons);
                        Shape {
                            code: a.code,
                            polygons,
                            bounds,
                            mesh,
                        }
                    })
                    .collect(),
            })
            .collect();
        let islands: Vec<Island> = raw
            .islands
            .into_iter()
            .map(|i| Island {
                name: i.name_vi,
                label: [i.label[0] as f32, i.label[1] as f32],
                polygons: rings(i.polygons),
            })
            .collect();
        let bounds = bounds_of(
            sets.iter()
                .flat_map(|s| &s.shapes)
                .flat_map(|s| points(&s.polygons))
                .chain(islands.iter().flat_map(|i| points(&i.polygons))),
        );
        Geometry {
            sets,
            islands,
            bounds,
        }
    })
}

/// The room kept east of the islands for their names, as a share of the map's width: enough
/// for "Quần đảo Trường Sa" on one line on a slide, on two lines in a small window.
pub const ISLAND_NAMES: f32 = 0.25;

/// Where the projected points go in a rectangle: one scale for x and y (shapes stay true),
/// the whole country and its islands centred, then zoomed about the centre and moved. Both
/// renderers place the map with it, so the screen and the file agree.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    pub scale: f32,
    /// Where the projected point (`x0`, `y0`) lands.
    pub origin: [f32; 2],
    pub x0: f32,
    pub y0: f32,
}

impl Placement {
    /// The map in `rect` (left, top, right, bottom), `zoom` times the size that fits, moved
    /// by `pan`.
    pub fn fit(rect: [f32; 4], zoom: f32, pan: [f32; 2]) -> Placement {
        let [x0, y0, x1, y1] = geometry().bounds;
        // The islands are the map's eastern edge; their names go east of them, in this room.
        let x1 = x1 + (x1 - x0) * ISLAND_NAMES;
        let (w, h) = (rect[2] - rect[0], rect[3] - rect[1]);
        let scale = (w / (x1 - x0)).min(h / (y1 - y0)) * zoom;
        let centre = [
            (rect[0] + rect[2]) / 2.0 + pan[0],
            (rect[1] + rect[3]) / 2.0 + pan[1],
        ];
        Placement {
            scale,
            origin: [
                centre[0] - (x1 - x0) * scale / 2.0,
                centre[1] - (y1 - y0) * scale / 2.0,
            ],
            x0,
            y0,
        }
    }

    /// A projected point on the page or screen.
    pub fn place(&self, p: [f32; 2]) -> [f32; 2] {
        [
            self.origin[0] + (p[0] - self.x0) * self.scale,
            self.origin[1] + (p[1] - self.y0) * self.scale,
        ]
    }

    /// The projected point under a point of the page or screen.
    pub fn unplace(&self, p: [f32; 2]) -> [f32; 2] {
        [
            (p[0] - self.origin[0]) / self.scale + self.x0,
            (p[1] - self.origin[1]) / self.scale + self.y0,
        ]
    }
}

impl Geometry {
    /// The set of boundaries valid on `day` (ISO): the last whose day is not after it, the
    /// first for an earlier day.
    pub fn set_on(&self, day: &str) -> Option<&BoundarySet> {
        // The first set's day is its last (2025-06-30, the 63's); each later set's is its
        // first (2025-07-01, the 34's).
        self.sets
            .iter()
            .skip(1)
            .rev()
            .find(|s| day >= s.valid_on.as_str())
            .or_else(|| self.sets.first())
    }
}

/// The body of a map: the ranking's figures, their classes, the boundaries' day.
#[derive(Clone, Debug, PartialEq)]
pub struct Map {
    pub ranking: Ranking,
    /// The ISO day of the boundary set drawn (`Geometry::sets`).
    pub set_day: String,
    /// The colour classes, lowest values first.
    pub classes: Vec<Class>,
    /// Each province's class, by area code; absent: no data.
    pub class_of: std::collections::BTreeMap<String, usize>,
    /// The archipelagos every map draws and names, whatever its data: Quần đảo Hoàng Sa and
    /// Quần đảo Trường Sa.
    pub islands: Vec<String>,
    /// Earlier years drawn beside this one (small multiples), oldest first, in the same
    /// classes; each on the boundaries of its own year unless the map's are fixed.
    pub also: Vec<Map>,
}

impl Map {
    /// The classes' bounds, lowest first: what [`class_of`] sorts a value by.
    pub fn breaks(&self) -> Vec<f64> {
        self.classes
            .first()
            .map(|c| c.low)
            .into_iter()
            .chain(self.classes.iter().map(|c| c.high))
            .collect()
    }
}

/// One colour class: values from `low` to `high` (inclusive).
#[derive(Clone, Debug, PartialEq)]
pub struct Class {
    pub low: f64,
    pub high: f64,
    pub color: Rgb,
    /// "18,0–24,9‰"
    pub label: String,
}

/// Five classes of a colour-blind-safe sequential palette (ColorBrewer YlGnBu), light to dark.
pub const SEQUENTIAL: [Rgb; 5] = [
    [255, 255, 204],
    [161, 218, 180],
    [65, 182, 196],
    [44, 127, 184],
    [37, 52, 148],
];

/// The colour of no data: pale grey (and hatched where drawn).
pub const NO_DATA: Rgb = [225, 225, 225];

/// Class breaks by quantiles: `k` classes holding as near equal numbers of values as ties
/// allow; returns the `k + 1` bounds, lowest and highest values included.
pub fn quantile_breaks(values: &[f64], k: usize) -> Vec<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() || k == 0 {
        return Vec::new();
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let mut breaks: Vec<f64> = (0..=k)
        .map(|i| v[((i * (n - 1)) as f64 / k as f64).round() as usize])
        .collect();
    breaks.dedup();
    if breaks.len() == 1 {
        breaks.push(breaks[0]);
    }
    breaks
}

/// Class breaks of equal width between the lowest and highest values.
pub fn equal_breaks(values: &[f64], k: usize) -> Vec<f64> {
    let finite = values.iter().copied().filter(|x| x.is_finite());
    let (lo, hi) = finite.fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)));
    if lo > hi || k == 0 {
        return Vec::new();
    }
    if lo == hi {
        return vec![lo, hi];
    }
    (0..=k)
        .map(|i| lo + (hi - lo) * i as f64 / k as f64)
        .collect()
}

/// The user's breaks, sorted, with the lowest and highest figures as the outer bounds where
/// the breaks do not reach them: every province with a figure has a class.
pub fn own_breaks(own: &[f64], values: &[f64]) -> Vec<f64> {
    let mut breaks: Vec<f64> = own.iter().copied().filter(|x| x.is_finite()).collect();
    breaks.sort_by(f64::total_cmp);
    breaks.dedup();
    let finite = values.iter().copied().filter(|x| x.is_finite());
    let (lo, hi) = finite.fold((f64::MAX, f64::MIN), |(a, b), x| (a.min(x), b.max(x)));
    if lo <= hi {
        if breaks.first().is_none_or(|b| lo < *b) {
            breaks.insert(0, lo);
        }
        if breaks.last().is_none_or(|b| hi > *b) {
            breaks.push(hi);
        }
    }
    breaks
}

/// The class of `value` among `breaks` (classes `[b0, b1]`, `(b1, b2]`, …); `None` outside.
pub fn class_of(value: f64, breaks: &[f64]) -> Option<usize> {
    let (first, last) = (breaks.first()?, breaks.last()?);
    if value < *first || value > *last {
        return None;
    }
    Some(
        breaks[1..]
            .iter()
            .position(|b| value <= *b)
            .unwrap_or(breaks.len() - 2),
    )
}

/// The palette's colours for `classes` classes, the good end darkest: for an indicator where
/// lower is better the dark end is at the lowest values.
pub fn palette(classes: usize, direction: Direction) -> Vec<Rgb> {
    // Spread evenly over the palette, between its stops where they fall between them: 3
    // classes take light, middle and dark; 7 of a user's breaks get 7 distinct colours.
    let last = (SEQUENTIAL.len() - 1) as f32;
    let mut colors: Vec<Rgb> = (0..classes)
        .map(|i| {
            let at = if classes == 1 {
                last / 2.0
            } else {
                i as f32 * last / (classes - 1) as f32
            };
            let (a, b) = (
                SEQUENTIAL[at.floor() as usize],
                SEQUENTIAL[at.ceil() as usize],
            );
            let f = at.fract();
            [0, 1, 2]
                .map(|k| (f32::from(a[k]) + (f32::from(b[k]) - f32::from(a[k])) * f).round() as u8)
        })
        .collect();
    if direction == Direction::LowerIsBetter {
        colors.reverse();
    }
    colors
}

/// Builds the description of a map of `spec` from `data`: the ranking's figures in classes.
pub fn describe(spec: &ChartSpec, data: &ChartData) -> ChartDescription {
    let mut d = ranking::describe(spec, data);
    let numbers = crate::locale::Numbers::of(d.language);
    let ChartBody::Ranking(r) = d.body else {
        return d;
    };
    // Earlier years beside it: their own rankings (years with no figure left out).
    let mut also_years: Vec<i32> = spec
        .map
        .also_years
        .iter()
        .copied()
        .filter(|y| Some(*y) != r.year && r.years.contains(y))
        .collect();
    also_years.sort_unstable();
    also_years.dedup();
    let earlier: Vec<Ranking> = also_years
        .iter()
        .filter_map(|y| {
            let mut one = spec.clone();
            one.ranking.year = Some(*y);
            one.ranking.since = None;
            match ranking::describe(&one, data).body {
                ChartBody::Ranking(r) => Some(r),
                _ => None,
            }
        })
        .collect();
    // One set of classes for every year shown, so that a colour means the same in each.
    let values: Vec<f64> = r
        .bars
        .iter()
        .chain(earlier.iter().flat_map(|e| &e.bars))
        .map(|b| b.value)
        .collect();
    let k = 5.min(values.len().max(1));
    let breaks = match &spec.map.classes {
        MapClasses::Quantiles => quantile_breaks(&values, k),
        MapClasses::EqualIntervals => equal_breaks(&values, k),
        MapClasses::Breaks(own) => own_breaks(own, &values),
    };
    let count = breaks.len().saturating_sub(1);
    let colors = palette(count, r.direction);
    let unit = super::unit_symbol_suffix(
        data.indicators
            .first()
            .map_or("", |i| i.unit.symbol.get(data.language)),
    );
    let classes: Vec<Class> = (0..count)
        .map(|i| Class {
            low: breaks[i],
            high: breaks[i + 1],
            color: colors[i],
            label: format!(
                "{}–{}{unit}",
                numbers.format(breaks[i], r.decimals),
                numbers.format(breaks[i + 1], r.decimals)
            ),
        })
        .collect();
    let classes_of = |r: &Ranking| {
        r.bars
            .iter()
            .filter_map(|b| Some((b.area.clone(), class_of(b.value, &breaks)?)))
            .collect()
    };
    let set_of = |r: &Ranking| {
        geometry()
            .set_on(&r.boundaries)
            .map_or_else(|| r.boundaries.clone(), |s| s.valid_on.clone())
    };
    let islands: Vec<String> = geometry().islands.iter().map(|i| i.name.clone()).collect();
    let also = earlier
        .into_iter()
        .map(|e| Map {
            set_day: set_of(&e),
            class_of: classes_of(&e),
            classes: classes.clone(),
            islands: islands.clone(),
            also: Vec::new(),
            ranking: e,
        })
        .collect();
    let class_of = classes_of(&r);
    let set_day = set_of(&r);
    // The ranking's words for its estimates speak of bars; on a map they are hatched areas.
    for note in &mut d.notes {
        if let super::ChartNote::EstimatesOnNewBoundaries { from, count } = note {
            *note = super::ChartNote::EstimatesOnMap {
                from: std::mem::take(from),
                count: *count,
            };
        }
    }
    d.body = ChartBody::Map(Map {
        ranking: r,
        set_day,
        classes,
        class_of,
        islands,
        also,
    });
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_split_values_evenly_and_every_value_has_a_class() {
        let values: Vec<f64> = (1..=10).map(f64::from).collect();
        let b = quantile_breaks(&values, 5);
        assert_eq!(b, [1.0, 3.0, 5.0, 6.0, 8.0, 10.0]);
        assert!(values.iter().all(|v| class_of(*v, &b).is_some()));
        assert_eq!(class_of(1.0, &b), Some(0));
        assert_eq!(class_of(10.0, &b), Some(b.len() - 2));
        assert_eq!(class_of(11.0, &b), None);
    }

    #[test]
    fn equal_intervals_and_ties() {
        assert_eq!(
            equal_breaks(&[0.0, 10.0], 5),
            [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
        );
        assert_eq!(equal_breaks(&[3.0, 3.0], 5), [3.0, 3.0]);
        assert_eq!(class_of(3.0, &[3.0, 3.0]), Some(0));
        assert_eq!(quantile_breaks(&[2.0; 7], 5), [2.0, 2.0]);
        assert!(quantile_breaks(&[], 5).is_empty());
    }

    #[test]
    fn own_breaks_are_sorted_and_reach_every_figure() {
        assert_eq!(
            own_breaks(&[20.0, 15.0], &[11.3, 64.6]),
            [11.3, 15.0, 20.0, 64.6]
        );
        assert_eq!(
            own_breaks(&[0.0, 50.0, 100.0], &[11.3, 64.6]),
            [0.0, 50.0, 100.0]
        );
        assert_eq!(own_breaks(&[], &[2.0, 3.0]), [2.0, 3.0]);
    }

    #[test]
    fn the_good_end_is_dark_whichever_way_is_good() {
        let up = palette(5, Direction::HigherIsBetter);
        let down = palette(5, Direction::LowerIsBetter);
        assert_eq!(up.last(), Some(&SEQUENTIAL[4]));
        assert_eq!(down.first(), Some(&SEQUENTIAL[4]), "low mortality is dark");
        assert_eq!(
            palette(3, Direction::Neutral),
            [SEQUENTIAL[0], SEQUENTIAL[2], SEQUENTIAL[4]]
        );
        let seven = palette(7, Direction::HigherIsBetter);
        assert_eq!(seven.len(), 7);
        assert!(seven.windows(2).all(|w| w[0] != w[1]));
    }

    #[test]
    fn every_area_of_both_sets_has_a_shape_and_the_islands_are_there() {
        let g = geometry();
        assert_eq!(g.sets.len(), 2);
        assert_eq!(g.sets[0].shapes.len(), 63);
        assert_eq!(g.sets[1].shapes.len(), 34);
        assert!(
            g.sets
                .iter()
                .flat_map(|s| &s.shapes)
                .all(|s| !s.polygons.is_empty())
        );
        let names: Vec<&str> = g.islands.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["Quần đảo Hoàng Sa", "Quần đảo Trường Sa"]);
        assert_eq!(g.set_on("2016-12-31").map(|s| s.shapes.len()), Some(63));
        assert_eq!(g.set_on("2025-06-30").map(|s| s.shapes.len()), Some(63));
        assert_eq!(g.set_on("2025-07-01").map(|s| s.shapes.len()), Some(34));
        assert_eq!(g.set_on("2030-12-31").map(|s| s.shapes.len()), Some(34));
    }

    #[test]
    fn every_shape_is_triangulated_and_its_points_are_found_inside_it() {
        for shape in geometry().sets.iter().flat_map(|s| &s.shapes) {
            let m = &shape.mesh;
            assert!(
                !m.indices.is_empty() && m.indices.len() % 3 == 0,
                "{}",
                shape.code
            );
            // The triangles' area is the polygons' (holes taken off), within rounding.
            let area = |a: [f32; 2], b: [f32; 2], c: [f32; 2]| {
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() as f64 / 2.0
            };
            let meshed: f64 = m
                .indices
                .chunks_exact(3)
                .map(|t| {
                    area(
                        m.points[t[0] as usize],
                        m.points[t[1] as usize],
                        m.points[t[2] as usize],
                    )
                })
                .sum();
            let ring_area = |r: &Vec<[f32; 2]>| {
                (0..r.len())
                    .map(|i| {
                        let (a, b) = (r[i], r[(i + 1) % r.len()]);
                        f64::from(a[0]) * f64::from(b[1]) - f64::from(b[0]) * f64::from(a[1])
                    })
                    .sum::<f64>()
                    .abs()
                    / 2.0
            };
            let polygons: f64 = shape
                .polygons
                .iter()
                .map(|p| ring_area(&p[0]) - p[1..].iter().map(ring_area).sum::<f64>())
                .sum();
            assert!(
                (meshed - polygons).abs() <= polygons * 0.01 + 1.0,
                "{}: {meshed} vs {polygons}",
                shape.code
            );
            // A triangle's centre is inside its shape.
            let t = &m.indices[..3];
            let c = [0, 1].map(|k| {
                (m.points[t[0] as usize][k]
                    + m.points[t[1] as usize][k]
                    + m.points[t[2] as usize][k])
                    / 3.0
            });
            assert!(shape.contains(c), "{}", shape.code);
        }
    }
}
