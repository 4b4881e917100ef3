//! How a chart looks, decided once for every renderer: the palette, the light and dark themes,
//! the colours of verdicts and reference lines, and the line and marker of each status.
//!
//! The window (egui_plot), the SVG/PNG export and the slides all read these, so a series has
//! the same colour, dash and marker on screen and in the file. Colours are sRGB triples; each
//! renderer only converts them to its own type.

use super::ReferenceKind;
use super::headline::Verdict;
use crate::model::Status;

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Okabe–Ito colours, safe for the common kinds of colour blindness.
pub const PALETTE: [Rgb; 8] = [
    [0, 114, 178],
    [213, 94, 0],
    [0, 158, 115],
    [204, 121, 167],
    [230, 159, 0],
    [86, 180, 233],
    [120, 94, 240],
    [0, 0, 0],
];

/// The colours around the series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub background: Rgb,
    pub text: Rgb,
    /// Subtitles, axis labels, footnotes.
    pub weak: Rgb,
    pub grid: Rgb,
    pub axis: Rgb,
    pub target: Rgb,
    pub baseline: Rgb,
}

/// For projectors and paper: projectors wash out dark slides.
pub const LIGHT: Theme = Theme {
    background: [0xff, 0xff, 0xff],
    text: [0x1a, 0x1a, 0x1a],
    weak: [0x55, 0x55, 0x55],
    grid: [0xdd, 0xdd, 0xdd],
    axis: [0x77, 0x77, 0x77],
    // Brown, a hue no series has: a green target line read as the green series (issue 18.3).
    target: [0x7a, 0x4a, 0x1e],
    baseline: [0x66, 0x66, 0x66],
};

pub const DARK: Theme = Theme {
    background: [0x12, 0x12, 0x12],
    text: [0xf2, 0xf2, 0xf2],
    weak: [0xbb, 0xbb, 0xbb],
    grid: [0x3a, 0x3a, 0x3a],
    axis: [0x99, 0x99, 0x99],
    target: [0xe0, 0xb0, 0x7a],
    baseline: [0xaa, 0xaa, 0xaa],
};

pub fn theme(dark: bool) -> &'static Theme {
    if dark { &DARK } else { &LIGHT }
}

/// The colour index of a series beyond the palette's eight: light grey, behind the coloured
/// ones (a ninth hue would repeat the first, and 63 provinces in 8 colours tell nothing apart).
pub const MUTED: usize = usize::MAX;

/// The colour of the series at `index` of a chart: the same hues on both themes, lifted
/// towards white on dark so they stand out; [`MUTED`] is grey.
pub fn series_color(index: usize, dark: bool) -> Rgb {
    if index == MUTED {
        return if dark {
            [0x5a, 0x5a, 0x5a]
        } else {
            [0xc8, 0xc8, 0xc8]
        };
    }
    let lift = |c: u8| {
        if dark {
            c + ((255 - c) as f32 * 0.3) as u8
        } else {
            c
        }
    };
    PALETTE[index % PALETTE.len()].map(lift)
}

/// Green for good news, vermillion for bad, grey when neither: from the colour-blind-safe set.
pub fn verdict_color(verdict: Verdict, dark: bool) -> Rgb {
    match verdict {
        Verdict::Better => PALETTE[2],
        Verdict::Worse => PALETTE[1],
        Verdict::Unchanged | Verdict::Neutral => {
            if dark {
                [170; 3]
            } else {
                [110; 3]
            }
        }
    }
}

/// The colours of a projected slide: near-black type on white, and verdicts a shade darker
/// than on screen, since a projector washes light greens and oranges out.
pub mod slide {
    use super::Rgb;
    use crate::chart::headline::Verdict;

    pub const TEXT: Rgb = [10; 3];
    /// The slide number.
    pub const WEAK: Rgb = [80; 3];

    pub fn verdict_color(verdict: Verdict) -> Rgb {
        match verdict {
            Verdict::Better => [0, 122, 90],
            Verdict::Worse => [180, 60, 0],
            Verdict::Unchanged | Verdict::Neutral => [60; 3],
        }
    }
}

/// The outline of a ranking's bar that is an estimate on new boundaries (hollow).
pub const ESTIMATE_DASH: Dash = Dash::Dashed { on: 6.0, off: 4.0 };

/// A bar's colour on a theme: a palette colour (a region's), or a verdict's.
pub fn fill_color(fill: super::ranking::Fill, dark: bool) -> Rgb {
    match fill {
        super::ranking::Fill::Palette(i) => series_color(i, dark),
        super::ranking::Fill::Verdict(v) => verdict_color(v, dark),
    }
}

/// A catalogue row's sparkline: a quiet grey, not a series colour, so that it reads as a hint.
pub fn sparkline_color(dark: bool) -> Rgb {
    if dark { [190; 3] } else { [90; 3] }
}

/// `#rrggbb`, for SVG.
pub fn hex([r, g, b]: Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// How a line is stroked. Lengths are px of a 1920 × 1080 export; a renderer scales them with
/// its type, so a small chart keeps the same rhythm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Dash {
    Solid,
    /// Dashes of `on` and gaps of `off`.
    Dashed {
        on: f32,
        off: f32,
    },
}

impl Dash {
    /// The dash at `k` times its reference size.
    pub fn scaled(self, k: f32) -> Dash {
        match self {
            Dash::Solid => Dash::Solid,
            Dash::Dashed { on, off } => Dash::Dashed {
                on: on * k,
                off: off * k,
            },
        }
    }
}

/// The dash of a legend's swatch of tentative figures: shorter than the line's, so that a
/// swatch shows more than two dashes.
pub const LEGEND_DASH: Dash = Dash::Dashed { on: 10.0, off: 7.0 };

/// The mark of a change of boundaries across a time series: short dashes, unlike the target's
/// and the tentative figures' lines.
pub const BREAK_DASH: Dash = Dash::Dashed { on: 4.0, off: 6.0 };

/// The stroke of a series' segment: dashed where it leads to a tentative figure.
pub fn run_dash(dashed: bool) -> Dash {
    if dashed {
        Dash::Dashed { on: 12.0, off: 8.0 }
    } else {
        Dash::Solid
    }
}

/// The marker of a figure, by its status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// A figure as published.
    Filled,
    /// Provisional or forecast: hollow, so it reads as less certain.
    Hollow,
    /// Estimated: a hollow diamond, told apart from a provisional figure's ring by its shape
    /// as well as by the legend (a second cue beside colour for readers who see no colour).
    Diamond,
    /// A break in series: a square, so the step is not read as a change.
    Square,
}

pub fn marker(status: Status) -> Marker {
    match status {
        Status::Break => Marker::Square,
        Status::Estimated => Marker::Diamond,
        s if s.is_tentative() => Marker::Hollow,
        _ => Marker::Filled,
    }
}

/// The colour and stroke of a target or baseline line; the target's label sits above its
/// line and the baseline's below, so the two never overlap.
pub struct ReferenceStyle {
    pub color: Rgb,
    pub dash: Dash,
    pub label_above: bool,
}

pub fn reference_style(kind: ReferenceKind, dark: bool) -> ReferenceStyle {
    let theme = theme(dark);
    match kind {
        ReferenceKind::Target => ReferenceStyle {
            color: theme.target,
            dash: Dash::Dashed { on: 14.0, off: 8.0 },
            label_above: true,
        },
        ReferenceKind::Baseline => ReferenceStyle {
            color: theme.baseline,
            dash: Dash::Dashed { on: 3.0, off: 6.0 },
            label_above: false,
        },
        ReferenceKind::National => ReferenceStyle {
            color: theme.text,
            dash: Dash::Solid,
            label_above: true,
        },
    }
}
