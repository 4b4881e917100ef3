//! Where value labels go on a chart: the one rule every renderer of labels follows.
//!
//! A label is tried at eight places around its point, nearest first, on the side of the plot
//! with room; it takes the first place that stays inside the plot and touches no label already
//! placed, no marker, no fixed text (reference lines' and marks' words) and no line of the
//! chart. Labels are placed in order of priority, so that the latest value of each series, the
//! one a presenter reads out, is placed first. A label that must be shown and finds no free
//! place takes the place crossing the fewest lines, with a halo of the background behind it,
//! but never over another label; one that need not be shown is left out. Pure geometry, in the
//! renderer's units (pixels, y down).

/// A rectangle: left, top, right, bottom (y grows down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    pub fn new(x0: f32, y0: f32, x1: f32, y1: f32) -> Rect {
        Rect {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }

    /// A square of half side `r` around a point (a marker).
    pub fn around((x, y): (f32, f32), r: f32) -> Rect {
        Rect::new(x - r, y - r, x + r, y + r)
    }

    pub fn intersects(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    pub fn contains(&self, other: &Rect) -> bool {
        self.x0 <= other.x0 && other.x1 <= self.x1 && self.y0 <= other.y0 && other.y1 <= self.y1
    }

    /// Whether the segment from `a` to `b` passes through the rectangle (Liang–Barsky).
    pub fn crossed_by(&self, a: (f32, f32), b: (f32, f32)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let mut t0 = 0.0f32;
        let mut t1 = 1.0f32;
        for (p, q) in [
            (-dx, a.0 - self.x0),
            (dx, self.x1 - a.0),
            (-dy, a.1 - self.y0),
            (dy, self.y1 - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// A label to place.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The point it names (a marker's centre).
    pub at: (f32, f32),
    /// Its text's width and height.
    pub size: (f32, f32),
    /// Room left between the point and the text.
    pub gap: f32,
    /// Placed in this order, highest first.
    pub priority: u32,
    /// Shown even where every place crosses a line (with a halo); never over another label.
    pub must: bool,
}

/// Where a label went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub rect: Rect,
    /// Lines pass under it: draw the background behind the text.
    pub halo: bool,
}

impl Placed {
    /// Where a leader line from the point `at` should end, when the label is placed away from
    /// it (more than `gap` and a line of text): the middle of the label's nearest side.
    pub fn leader(&self, at: (f32, f32), gap: f32) -> Option<(f32, f32)> {
        let r = &self.rect;
        let nx = at.0.clamp(r.x0, r.x1);
        let ny = at.1.clamp(r.y0, r.y1);
        let far = (nx - at.0).hypot(ny - at.1) > gap + (r.y1 - r.y0) * 0.9;
        far.then(|| {
            if at.1 < r.y0 {
                ((r.x0 + r.x1) / 2.0, r.y0)
            } else if at.1 > r.y1 {
                ((r.x0 + r.x1) / 2.0, r.y1)
            } else {
                (nx, (r.y0 + r.y1) / 2.0)
            }
        })
    }
}

/// What labels must keep clear of.
#[derive(Clone, Debug, Default)]
pub struct Obstacles {
    /// Lines of the chart: series, reference lines, marks.
    pub segments: Vec<((f32, f32), (f32, f32))>,
    /// Markers and fixed words.
    pub boxes: Vec<Rect>,
}

impl Obstacles {
    /// Adds the segments of a polyline.
    pub fn polyline(&mut self, points: &[(f32, f32)]) {
        self.segments
            .extend(points.windows(2).map(|w| (w[0], w[1])));
    }

    fn lines_through(&self, rect: &Rect) -> usize {
        self.segments
            .iter()
            .filter(|(a, b)| rect.crossed_by(*a, *b))
            .count()
    }
}

/// The places around a point, nearest first, starting on the side of the plot with more room
/// (a point in the right half is labelled on its left): eight touching it, then six a line
/// further out and five two lines out, for points crowded by others' lines and labels (a
/// renderer joins a label that far to its point with a leader line: [`Placed::leader`]).
fn candidates(r: &Request, plot: &Rect) -> [Rect; 19] {
    let (x, y) = r.at;
    let (w, h) = r.size;
    let g = r.gap;
    let right_first = x < (plot.x0 + plot.x1) / 2.0;
    let right = |top: f32| Rect::new(x + g, top, x + g + w, top + h);
    let left = |top: f32| Rect::new(x - g - w, top, x - g, top + h);
    let above = Rect::new(x - w / 2.0, y - g - h, x + w / 2.0, y - g);
    let below = Rect::new(x - w / 2.0, y + g, x + w / 2.0, y + g + h);
    let (near, far): (&dyn Fn(f32) -> Rect, &dyn Fn(f32) -> Rect) = if right_first {
        (&right, &left)
    } else {
        (&left, &right)
    };
    let up = Rect::new(above.x0, above.y0 - h, above.x1, above.y1 - h);
    let down = Rect::new(below.x0, below.y0 + h, below.x1, below.y1 + h);
    [
        near(y - g * 0.5 - h),
        near(y - h / 2.0),
        above,
        near(y + g * 0.5),
        below,
        far(y - g * 0.5 - h),
        far(y - h / 2.0),
        far(y + g * 0.5),
        near(y - g * 0.5 - 2.0 * h),
        near(y + g * 0.5 + h),
        up,
        down,
        far(y - g * 0.5 - 2.0 * h),
        far(y + g * 0.5 + h),
        near(y - g - 3.0 * h),
        Rect::new(up.x0, up.y0 - h, up.x1, up.y1 - h),
        far(y - g - 3.0 * h),
        near(y + g + 2.0 * h),
        Rect::new(down.x0, down.y0 + h, down.x1, down.y1 + h),
    ]
}

/// Places `requests` in `plot` around `obstacles`; the result is in the requests' order.
pub fn place(requests: &[Request], obstacles: &Obstacles, plot: &Rect) -> Vec<Option<Placed>> {
    let mut order: Vec<usize> = (0..requests.len()).collect();
    // Highest priority first; among equals, the first asked.
    order.sort_by_key(|&i| std::cmp::Reverse(requests[i].priority));
    let mut placed: Vec<Option<Placed>> = vec![None; requests.len()];
    let mut taken: Vec<Rect> = Vec::new();
    for i in order {
        let r = &requests[i];
        let options = candidates(r, plot);
        let fits = |rect: &Rect| plot.contains(rect) && !taken.iter().any(|t| t.intersects(rect));
        // A label placed away from its point is joined to it by a leader line, which must
        // not cross words either (its own marker aside).
        let leader_clear = |rect: &Rect| {
            let placed = Placed {
                rect: *rect,
                halo: false,
            };
            placed.leader(r.at, r.gap).is_none_or(|end| {
                let own = |b: &&Rect| {
                    b.x0 <= r.at.0 && r.at.0 <= b.x1 && b.y0 <= r.at.1 && r.at.1 <= b.y1
                };
                !obstacles
                    .boxes
                    .iter()
                    .chain(&taken)
                    .filter(|b| !own(b))
                    .any(|b| b.crossed_by(r.at, end))
            })
        };
        let clear = options.iter().find(|rect| {
            fits(rect)
                && !obstacles.boxes.iter().any(|b| b.intersects(rect))
                && obstacles.lines_through(rect) == 0
                && leader_clear(rect)
        });
        let chosen = match clear {
            Some(rect) => Some(Placed {
                rect: *rect,
                halo: false,
            }),
            None if r.must => options
                .iter()
                .filter(|rect| fits(rect))
                .min_by_key(|rect| {
                    let boxes = obstacles
                        .boxes
                        .iter()
                        .filter(|b| b.intersects(rect))
                        .count();
                    (boxes, obstacles.lines_through(rect))
                })
                .map(|rect| Placed {
                    rect: *rect,
                    halo: true,
                }),
            None => None,
        };
        if let Some(p) = chosen {
            taken.push(p.rect);
        }
        placed[i] = chosen;
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(at: (f32, f32), priority: u32, must: bool) -> Request {
        Request {
            at,
            size: (40.0, 10.0),
            gap: 4.0,
            priority,
            must,
        }
    }

    #[test]
    fn a_segment_through_or_beside_a_box() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(r.crossed_by((-5.0, 5.0), (15.0, 5.0)));
        assert!(r.crossed_by((2.0, 2.0), (3.0, 3.0)), "inside");
        assert!(!r.crossed_by((-5.0, 12.0), (15.0, 12.0)), "below");
        assert!(!r.crossed_by((-5.0, -5.0), (-1.0, 20.0)), "left of it");
        assert!(r.crossed_by((-5.0, -5.0), (15.0, 15.0)), "diagonal");
    }

    #[test]
    fn labels_never_overlap_and_keep_clear_of_lines() {
        let plot = Rect::new(0.0, 0.0, 400.0, 200.0);
        let mut obstacles = Obstacles::default();
        // A line running right through where the first label would go.
        obstacles.polyline(&[(0.0, 94.0), (400.0, 94.0)]);
        let requests = [
            request((100.0, 100.0), 1, false),
            request((104.0, 100.0), 2, true),
            request((108.0, 101.0), 0, false),
        ];
        let placed = place(&requests, &obstacles, &plot);
        let rects: Vec<Rect> = placed.iter().flatten().map(|p| p.rect).collect();
        for (i, a) in rects.iter().enumerate() {
            assert!(plot.contains(a));
            assert_eq!(obstacles.lines_through(a), 0, "{a:?}");
            for b in &rects[i + 1..] {
                assert!(!a.intersects(b), "{a:?} {b:?}");
            }
        }
        assert!(placed[1].is_some(), "the label that must show is placed");
    }

    #[test]
    fn a_label_that_must_show_gets_a_halo_where_lines_are_everywhere() {
        let plot = Rect::new(0.0, 0.0, 400.0, 200.0);
        let mut obstacles = Obstacles::default();
        for y in (0..200).step_by(4) {
            obstacles.polyline(&[(0.0, y as f32), (400.0, y as f32)]);
        }
        let placed = place(
            &[
                request((200.0, 100.0), 1, true),
                request((60.0, 50.0), 0, false),
            ],
            &obstacles,
            &plot,
        );
        assert!(placed[0].is_some_and(|p| p.halo));
        assert_eq!(placed[1], None, "a label that need not show is left out");
    }
}
