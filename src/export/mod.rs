//! Chart export: a chart description drawn to SVG by Chiso's own renderer, and rasterised to
//! PNG by resvg with the bundled font, so the file is the same on every machine.
//!
//! | module | holds                                                       |
//! |--------|-------------------------------------------------------------|
//! | (this) | sizes, presets, and the SVG drawing of a description         |
//! | `text` | measuring, wrapping and escaping text with the bundled font |
//! | `png`  | SVG → PNG                                                   |
//!
//! Contract of [`svg`]:
//! - the same description and options give the same bytes;
//! - every word is text (editable in Inkscape or PowerPoint), escaped;
//! - nothing is drawn outside the canvas: long titles wrap, and when words and legend leave
//!   too little room for the plot, everything is drawn smaller until it fits.

pub mod png;
pub mod text;

use std::fmt::Write as _;

use crate::chart::{ChartDescription, PALETTE, Panel, ReferenceKind};
use crate::model::{Status, format_value};
use text::{escape, width, wrap};

/// The output sizes a presenter needs most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// 1920 × 1080, a 16:9 slide.
    Wide,
    /// 1600 × 1200, a 4:3 slide.
    Standard,
    /// 1080 × 1080.
    Square,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Wide, Preset::Standard, Preset::Square];

    pub fn size(self) -> (u32, u32) {
        match self {
            Preset::Wide => (1920, 1080),
            Preset::Standard => (1600, 1200),
            Preset::Square => (1080, 1080),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Preset::Wide => "16:9 (1920 × 1080)",
            Preset::Standard => "4:3 (1600 × 1200)",
            Preset::Square => "Square (1080 × 1080)",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

impl Format {
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }
}

/// How to draw: canvas size in px, the PNG's pixels per px, and the background.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOptions {
    pub width: u32,
    pub height: u32,
    /// PNG pixels per SVG px (2 for a high-DPI screen). The SVG itself is `width × height`.
    pub scale: f32,
    /// Light by default: projectors wash out dark slides.
    pub dark: bool,
    /// Larger type, for slides read from the back of a room (body text ≥ 28 px at 1080).
    pub presentation: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        let (width, height) = Preset::Wide.size();
        ExportOptions {
            width,
            height,
            scale: 1.0,
            dark: false,
            presentation: false,
        }
    }
}

/// Draws `description` and writes it to `path` in `format`, through a temporary file renamed
/// into place, so a failed export never leaves half a picture.
pub fn write_file(
    description: &ChartDescription,
    format: Format,
    options: &ExportOptions,
    path: &std::path::Path,
) -> Result<(), ExportError> {
    let svg = svg(description, options)?;
    let bytes = match format {
        Format::Svg => svg.into_bytes(),
        Format::Png => png::png(&svg, options.scale)?,
    };
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    let at = |e: std::io::Error| ExportError::Write(format!("{}: {e}", path.display()));
    std::fs::write(&partial, &bytes).map_err(at)?;
    std::fs::rename(&partial, path).map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        at(e)
    })
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {0}")]
    Write(String),
    #[error("the size {0} × {1} is too small for a chart: use at least 320 × 240")]
    TooSmall(u32, u32),
    #[error("the size {0} × {1} × scale {2} is too large: use at most 16,000 pixels a side")]
    TooLarge(u32, u32, f32),
    #[error("cannot draw the PNG: {0}")]
    Raster(String),
}

struct Colors {
    background: &'static str,
    text: &'static str,
    weak: &'static str,
    grid: &'static str,
    axis: &'static str,
    target: &'static str,
    baseline: &'static str,
}

const LIGHT: Colors = Colors {
    background: "#ffffff",
    text: "#1a1a1a",
    weak: "#555555",
    grid: "#dddddd",
    axis: "#777777",
    target: "#007a5a",
    baseline: "#666666",
};

const DARK: Colors = Colors {
    background: "#121212",
    text: "#f2f2f2",
    weak: "#bbbbbb",
    grid: "#3a3a3a",
    axis: "#999999",
    target: "#33c49a",
    baseline: "#aaaaaa",
};

fn color(index: usize, dark: bool) -> String {
    let [r, g, b] = PALETTE[index % PALETTE.len()];
    let lift = |c: u8| {
        if dark {
            c + ((255 - c) as f32 * 0.3) as u8
        } else {
            c
        }
    };
    format!("#{:02x}{:02x}{:02x}", lift(r), lift(g), lift(b))
}

/// Sizes of the words and lines, all from one scale.
#[derive(Clone, Copy)]
struct Sizes {
    pad: f32,
    title: f32,
    subtitle: f32,
    tick: f32,
    legend: f32,
    footer: f32,
    line: f32,
    marker: f32,
}

impl Sizes {
    fn at(s: f32) -> Sizes {
        Sizes {
            pad: 44.0 * s,
            title: 50.0 * s,
            subtitle: 31.0 * s,
            tick: 26.0 * s,
            legend: 28.0 * s,
            footer: 23.0 * s,
            line: 4.5 * s,
            marker: 6.5 * s,
        }
    }
}

/// The words around the plot, wrapped for a canvas of width `w` at sizes `z`.
struct Words {
    title: Vec<String>,
    subtitle: Vec<String>,
    legend_rows: Vec<Vec<(String, usize, bool)>>,
    footer: Vec<(String, bool)>,
}

fn words(d: &ChartDescription, w: f32, z: &Sizes) -> Words {
    let inner = w - 2.0 * z.pad;
    let title = wrap(&d.title, z.title, true, inner);
    let subtitle = wrap(&d.subtitle, z.subtitle, false, inner);
    // Legend: the visible series, then the styles of tentative figures; wrapped into rows.
    let mut entries: Vec<(String, usize, bool)> = d
        .panels
        .iter()
        .flat_map(|p| &p.series)
        .filter(|s| s.visible)
        .map(|s| (s.label.clone(), s.color, false))
        .collect();
    let tentative: Vec<&str> = [Status::Estimated, Status::Provisional, Status::Forecast]
        .into_iter()
        .filter(|st| {
            d.panels
                .iter()
                .flat_map(|p| &p.series)
                .filter(|s| s.visible)
                .flat_map(|s| &s.points)
                .any(|p| p.status == *st)
        })
        .map(|st| st.as_str())
        .collect();
    if !tentative.is_empty() {
        entries.push((tentative.join(", "), usize::MAX, true));
    }
    let swatch = 46.0 * z.legend / 28.0;
    let mut legend_rows: Vec<Vec<(String, usize, bool)>> = vec![Vec::new()];
    let mut used = 0.0;
    for (label, color, dashed) in entries {
        let max_label = inner - swatch - 12.0;
        let label = wrap(&label, z.legend, false, max_label)
            .into_iter()
            .next()
            .unwrap_or_default();
        let need = swatch + 12.0 + width(&label, z.legend, false) + 36.0 * z.legend / 28.0;
        if used + need > inner && legend_rows.last().is_some_and(|r| !r.is_empty()) {
            legend_rows.push(Vec::new());
            used = 0.0;
        }
        used += need;
        if let Some(row) = legend_rows.last_mut() {
            row.push((label, color, dashed));
        }
    }
    legend_rows.retain(|r| !r.is_empty());
    // Footer: sources with edition and licence, then footnotes of flagged figures and notes.
    let mut footer = Vec::new();
    for s in &d.sources {
        let mut line = format!(
            "Source: {}",
            if s.publisher.is_empty() {
                &s.short_name
            } else {
                &s.publisher
            }
        );
        if !s.title.is_empty() {
            line.push_str(&format!(", {}", s.title));
        }
        if !s.edition.is_empty() {
            line.push_str(&format!(" ({})", s.edition));
        }
        if s.licence.to_ascii_uppercase().contains("CC BY") {
            line.push_str(&format!(". Licensed under {}", s.licence));
        }
        line.push('.');
        for l in wrap(&line, z.footer, false, inner) {
            footer.push((l, false));
        }
    }
    const FOOTNOTES: usize = 4;
    for f in d.footnotes.iter().take(FOOTNOTES) {
        for l in wrap(&format!("Note: {f}"), z.footer, false, inner) {
            footer.push((l, true));
        }
    }
    if d.footnotes.len() > FOOTNOTES {
        footer.push((
            format!(
                "… and {} more notes in Chiso",
                d.footnotes.len() - FOOTNOTES
            ),
            true,
        ));
    }
    for n in d.notes.iter().filter(|n| !n.starts_with("Dashed")) {
        for l in wrap(n, z.footer, false, inner) {
            footer.push((l, true));
        }
    }
    Words {
        title,
        subtitle,
        legend_rows,
        footer,
    }
}

/// Draws `d` as SVG text.
pub fn svg(d: &ChartDescription, options: &ExportOptions) -> Result<String, ExportError> {
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
    let colors = if options.dark { &DARK } else { &LIGHT };
    // Shrink the words until the plot keeps at least 40 % of the height.
    // Type follows the height (a square slide reads like a wide one), narrowed for tall
    // canvases; long text wraps rather than shrinks.
    let mut s = (h / 1080.0).min(w / 1200.0).max(0.3);
    let type_scale = if options.presentation { 1.22 } else { 1.0 };
    let (z, words, top, bottom_block) = loop {
        let mut z = Sizes::at(s);
        for size in [
            &mut z.title,
            &mut z.subtitle,
            &mut z.tick,
            &mut z.legend,
            &mut z.footer,
        ] {
            *size *= type_scale;
        }
        let words = words(d, w, &z);
        let top = z.pad
            + words.title.len() as f32 * z.title * 1.2
            + words.subtitle.len() as f32 * z.subtitle * 1.3
            + 14.0 * s;
        let bottom_block = words.legend_rows.len() as f32 * z.legend * 1.6
            + 34.0 * s
            + words.footer.len() as f32 * z.footer * 1.35
            + z.pad;
        if h - top - bottom_block >= 0.4 * h || s < 0.2 {
            break (z, words, top, bottom_block);
        }
        s *= 0.9;
    };

    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"Noto Sans, sans-serif\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>\n",
        colors.background
    );
    let mut y = z.pad;
    for line in &words.title {
        y += z.title;
        text_at(
            &mut out,
            z.pad,
            y,
            z.title,
            colors.text,
            "start",
            true,
            line,
        );
        y += z.title * 0.2;
    }
    for line in &words.subtitle {
        y += z.subtitle;
        text_at(
            &mut out,
            z.pad,
            y,
            z.subtitle,
            colors.weak,
            "start",
            false,
            line,
        );
        y += z.subtitle * 0.3;
    }

    // The panels share the space between the words; each has its unit above it and its years
    // below it.
    let plot_top = top;
    let plot_bottom = h - bottom_block;
    let n = d.panels.len().max(1) as f32;
    let gap = 18.0 * s;
    let panel_h = (plot_bottom - plot_top - gap * (n - 1.0)) / n;
    for (i, panel) in d.panels.iter().enumerate() {
        let y0 = plot_top + i as f32 * (panel_h + gap);
        panel_svg(
            &mut out,
            d,
            panel,
            (z.pad, y0, w - z.pad, y0 + panel_h),
            &z,
            colors,
            options.dark,
        );
    }
    if d.panels.is_empty() {
        text_at(
            &mut out,
            w / 2.0,
            (plot_top + plot_bottom) / 2.0,
            z.legend,
            colors.weak,
            "middle",
            false,
            "No figures to show",
        );
    }

    // Legend rows, then the footer.
    let mut y = plot_bottom + 12.0 * s;
    for row in &words.legend_rows {
        y += z.legend * 1.6;
        let mut x = z.pad;
        for (label, color_index, dashed) in row {
            let swatch = 46.0 * z.legend / 28.0;
            let stroke = if *color_index == usize::MAX {
                colors.weak.to_owned()
            } else {
                color(*color_index, options.dark)
            };
            let dash = if *dashed {
                format!(" stroke-dasharray=\"{:.1} {:.1}\"", 10.0 * s, 7.0 * s)
            } else {
                String::new()
            };
            let ly = y - z.legend * 0.35;
            let _ = writeln!(
                out,
                "<line x1=\"{:.1}\" y1=\"{ly:.1}\" x2=\"{:.1}\" y2=\"{ly:.1}\" stroke=\"{stroke}\" stroke-width=\"{:.1}\"{dash}/>",
                x,
                x + swatch,
                z.line
            );
            if *dashed {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{:.1}\" cy=\"{ly:.1}\" r=\"{:.1}\" fill=\"{}\" stroke=\"{stroke}\" stroke-width=\"{:.1}\"/>",
                    x + swatch / 2.0,
                    z.marker,
                    colors.background,
                    z.line * 0.6
                );
            }
            x += swatch + 12.0 * s;
            text_at(&mut out, x, y, z.legend, colors.text, "start", false, label);
            x += width(label, z.legend, false) + 36.0 * z.legend / 28.0;
        }
    }
    let mut y = h - z.pad - words.footer.len() as f32 * z.footer * 1.35;
    for (line, weak) in &words.footer {
        y += z.footer * 1.35;
        let fill = if *weak { colors.weak } else { colors.text };
        text_at(
            &mut out,
            z.pad,
            y - z.footer * 0.35,
            z.footer,
            fill,
            "start",
            false,
            line,
        );
    }
    out.push_str("</svg>\n");
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn text_at(
    out: &mut String,
    x: f32,
    y: f32,
    size: f32,
    fill: &str,
    anchor: &str,
    bold: bool,
    text: &str,
) {
    let weight = if bold { " font-weight=\"bold\"" } else { "" };
    let _ = writeln!(
        out,
        "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size:.1}\" fill=\"{fill}\" text-anchor=\"{anchor}\"{weight}>{}</text>",
        escape(text)
    );
}

/// Round tick values covering `lo..hi`, about `count` of them.
fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    let span = (hi - lo).abs().max(f64::MIN_POSITIVE);
    let raw = span / count.max(2) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|st| *st >= raw)
        .unwrap_or(10.0 * magnitude);
    let mut ticks = Vec::new();
    let mut t = (lo / step).ceil() * step;
    while t <= hi + step * 1e-9 && ticks.len() < 50 {
        ticks.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        t += step;
    }
    ticks
}

/// A tick's label with as many decimals as the step between ticks needs.
fn tick_text(value: f64, step: f64) -> String {
    let mut decimals = 0u8;
    let off_whole = |x: f64| (x - x.round()).abs() > 1e-6;
    while decimals < 6 && off_whole(step * 10f64.powi(i32::from(decimals))) {
        decimals += 1;
    }
    format_value(value, decimals)
}

#[allow(clippy::too_many_arguments)]
fn panel_svg(
    out: &mut String,
    d: &ChartDescription,
    panel: &Panel,
    area: (f32, f32, f32, f32),
    z: &Sizes,
    colors: &Colors,
    dark: bool,
) {
    let (left, top, right, bottom) = area;
    let s = z.tick / 26.0;
    // The unit above the plot, read without turning the head.
    text_at(
        out,
        left,
        top + z.tick,
        z.tick,
        colors.weak,
        "start",
        false,
        &panel.y_label,
    );
    let plot_top = top + z.tick * 1.7;
    let plot_bottom = bottom - z.tick * 1.6;
    let Some((y_lo, y_hi)) = panel.y_range() else {
        return;
    };
    let ticks: Vec<f64> = if panel.log_scale {
        let mut t: Vec<f64> = (y_lo.floor() as i32..=y_hi.ceil() as i32)
            .flat_map(|e| [0.0, 2f64.log10(), 5f64.log10()].map(|m| f64::from(e) + m))
            .filter(|v| *v >= y_lo && *v <= y_hi)
            .collect();
        if t.len() > 8 {
            t.retain(|v| v.fract().abs() < 1e-9);
        }
        t
    } else {
        nice_ticks(
            y_lo,
            y_hi,
            ((plot_bottom - plot_top) / (z.tick * 2.6)).clamp(3.0, 8.0) as usize,
        )
    };
    let step = if ticks.len() > 1 {
        ticks[1] - ticks[0]
    } else {
        1.0
    };
    let label = |v: f64| {
        if panel.log_scale {
            axis_log_label(v)
        } else {
            tick_text(v, step)
        }
    };
    let labels: Vec<String> = ticks.iter().map(|t| label(*t)).collect();
    let label_w = labels
        .iter()
        .map(|l| width(l, z.tick, false))
        .fold(0.0, f32::max);
    let plot_left = left + label_w + 14.0 * s;
    let plot_right = right;
    let y_of =
        |v: f64| plot_bottom - ((v - y_lo) / (y_hi - y_lo)) as f32 * (plot_bottom - plot_top);
    let (from, to) = d.years.unwrap_or((2000, 2001));
    let x_of = |year: f64| {
        plot_left
            + ((year - (f64::from(from) - 0.5)) / (f64::from(to - from) + 1.0)) as f32
                * (plot_right - plot_left)
    };

    for (t, l) in ticks.iter().zip(&labels) {
        let y = y_of(*t);
        let _ = writeln!(
            out,
            "<line x1=\"{plot_left:.1}\" y1=\"{y:.1}\" x2=\"{plot_right:.1}\" y2=\"{y:.1}\" stroke=\"{}\" stroke-width=\"{:.1}\"/>",
            colors.grid,
            1.5 * s
        );
        text_at(
            out,
            plot_left - 10.0 * s,
            y + z.tick * 0.35,
            z.tick,
            colors.weak,
            "end",
            false,
            l,
        );
    }
    // Whole years only, spaced so their labels never touch.
    let year_w = width("2000", z.tick, false) * 1.8;
    let max_ticks = ((plot_right - plot_left) / year_w).max(1.0) as i32;
    let span = to - from + 1;
    let year_step = [1, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(|st| span / st < max_ticks)
        .unwrap_or(200);
    let mut year = from + (year_step - from.rem_euclid(year_step)) % year_step;
    while year <= to {
        let x = x_of(f64::from(year));
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{plot_bottom:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"{:.1}\"/>",
            plot_bottom + 8.0 * s,
            colors.axis,
            2.0 * s
        );
        text_at(
            out,
            x,
            plot_bottom + 8.0 * s + z.tick,
            z.tick,
            colors.weak,
            "middle",
            false,
            &year.to_string(),
        );
        year += year_step;
    }
    let _ = writeln!(
        out,
        "<line x1=\"{plot_left:.1}\" y1=\"{plot_bottom:.1}\" x2=\"{plot_right:.1}\" y2=\"{plot_bottom:.1}\" stroke=\"{}\" stroke-width=\"{:.1}\"/>",
        colors.axis,
        2.0 * s
    );

    for line in &panel.reference_lines {
        let y = y_of(line.y);
        let (stroke, dash, above) = match line.kind {
            ReferenceKind::Target => (
                colors.target,
                format!("{:.1} {:.1}", 14.0 * s, 8.0 * s),
                true,
            ),
            ReferenceKind::Baseline => (
                colors.baseline,
                format!("{:.1} {:.1}", 3.0 * s, 6.0 * s),
                false,
            ),
        };
        let _ = writeln!(
            out,
            "<line x1=\"{plot_left:.1}\" y1=\"{y:.1}\" x2=\"{plot_right:.1}\" y2=\"{y:.1}\" stroke=\"{stroke}\" stroke-width=\"{:.1}\" stroke-dasharray=\"{dash}\"/>",
            3.0 * s
        );
        let ty = if above {
            y - 8.0 * s
        } else {
            y + z.tick * 0.8 + 8.0 * s
        };
        text_at(
            out,
            plot_left + 10.0 * s,
            ty,
            z.tick * 0.85,
            stroke,
            "start",
            true,
            &line.label,
        );
    }
    for series in panel.series.iter().filter(|s| s.visible) {
        let stroke = color(series.color, dark);
        for run in &series.runs {
            let points: Vec<String> = run
                .points
                .iter()
                .map(|[x, y]| format!("{:.1},{:.1}", x_of(*x), y_of(*y)))
                .collect();
            let dash = if run.dashed {
                format!(" stroke-dasharray=\"{:.1} {:.1}\"", 12.0 * s, 8.0 * s)
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{:.1}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"{dash}/>",
                points.join(" "),
                z.line
            );
        }
        // A series of a few scattered figures reads better with its values written on it.
        let label_points = series.points.len() <= 4;
        for p in &series.points {
            let (x, y) = (x_of(f64::from(p.year)), y_of(p.y));
            let r = z.marker;
            if label_points {
                let unit = match series.unit_symbol.as_str() {
                    "" => String::new(),
                    "%" | "‰" => series.unit_symbol.clone(),
                    other => format!(" {other}"),
                };
                let text = format!(
                    "{}{}{unit}",
                    p.qualifier.prefix(),
                    format_value(p.value, series.decimals)
                );
                let anchor = if x > (plot_left + plot_right) / 2.0 {
                    "end"
                } else {
                    "start"
                };
                let dx = if anchor == "end" { -r * 2.0 } else { r * 2.0 };
                text_at(
                    out,
                    x + dx,
                    y - r * 1.5,
                    z.tick,
                    &stroke,
                    anchor,
                    true,
                    &text,
                );
            }
            match p.status {
                Status::Break => {
                    let _ = writeln!(
                        out,
                        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{stroke}\"/>",
                        x - r,
                        y - r,
                        2.0 * r,
                        2.0 * r
                    );
                }
                st if st.is_tentative() => {
                    let _ = writeln!(
                        out,
                        "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{}\" stroke=\"{stroke}\" stroke-width=\"{:.1}\"/>",
                        colors.background,
                        z.line * 0.6
                    );
                }
                _ => {
                    let _ = writeln!(
                        out,
                        "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{stroke}\"/>"
                    );
                }
            }
        }
    }
}

fn axis_log_label(y: f64) -> String {
    let v = 10f64.powf(y);
    let decimals = if v >= 10.0 {
        0
    } else if v >= 1.0 {
        1
    } else {
        3
    };
    let text = format_value(v, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(
            nice_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        let ticks = nice_ticks(0.48, 0.78, 5);
        assert_eq!(ticks.len(), 3, "{ticks:?}");
        assert!(
            ticks
                .iter()
                .zip([0.5, 0.6, 0.7])
                .all(|(a, b)| (a - b).abs() < 1e-9)
        );
        assert_eq!(tick_text(0.55, 0.05), "0.55");
        assert_eq!(tick_text(20.0, 20.0), "20");
        assert_eq!(tick_text(2.5, 2.5), "2.5");
        assert_eq!(tick_text(0.7, 0.6 - 0.5), "0.7");
    }
}
