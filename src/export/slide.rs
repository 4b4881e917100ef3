//! A slide as the deck writes it: the headline band that presentation mode shows above the
//! chart (the latest figure, its year, the change and the target), then the chart drawn by
//! [`super::svg`] in the room left, nested as an SVG of its own.

use super::text::width;
use super::writer::{Ink, Svg, Type};
use super::{ExportError, ExportOptions};
use crate::chart::ChartDescription;
use crate::chart::headline::Headline;
use crate::chart::style::{self, slide};

/// The band's share of the slide's height.
const BAND: f32 = 0.15;

/// Draws `d` under the band of `headline` (the chart alone without one), `options` sized.
pub fn svg(
    d: &ChartDescription,
    headline: Option<&Headline>,
    options: &ExportOptions,
) -> Result<String, ExportError> {
    let Some(h) = headline else {
        return super::svg(d, options);
    };
    super::layout::check_size(options)?;
    let (w, total) = (options.width as f32, options.height as f32);
    let band = (total * BAND).round();
    let chart = super::svg(
        d,
        &ExportOptions {
            height: options.height - band as u32,
            ..options.clone()
        },
    )?;
    let ink = Ink::of(options.dark);
    let mut out = Svg::new(w, total, &ink.background);
    band_svg(&mut out, h, d, (w, band), options.dark);
    out.nested(&chart, band);
    Ok(out.finish())
}

/// The headline band: the figure large, its year and change beside it, the target and its
/// progress on the right; words shrink to fit the width rather than run off the slide.
fn band_svg(out: &mut Svg, h: &Headline, d: &ChartDescription, (w, band): (f32, f32), dark: bool) {
    let t = d.messages();
    let text = if dark {
        "#f0f0f0".to_owned()
    } else {
        style::hex(slide::TEXT)
    };
    let pad = band * 0.3;
    let value_size = band * 0.5;
    let side_size = band * 0.2;
    let base = band * 0.68;
    let value = Type {
        size: value_size,
        fill: &text,
        anchor: "start",
        bold: true,
    };
    out.text((pad, base), value, &h.value_text);
    let x = pad + width(&h.value_text, value_size, true) + pad * 0.8;
    let period = Type {
        size: side_size,
        fill: &text,
        anchor: "start",
        bold: false,
    };
    out.text((x, base - side_size * 1.25), period, &h.period);
    if let Some(change) = h.since_previous.as_ref().or(h.since_baseline.as_ref()) {
        let color = style::hex(slide::verdict_color(change.verdict));
        let t = Type {
            fill: &color,
            ..period
        };
        out.text((x, base), t, &change.text);
    }
    if let (Some(target), Some(progress)) = (&h.target_text, h.progress) {
        let right = Type {
            anchor: "end",
            ..period
        };
        let label = progress.label(t);
        let room = w - x - width(&h.period, side_size, false).max(side_size * 12.0) - pad * 2.0;
        let widest = width(target, side_size, false).max(width(&label, side_size, false));
        let size = if widest > room && room > 0.0 {
            side_size * room / widest
        } else {
            side_size
        };
        let right = Type { size, ..right };
        out.text((w - pad, base - side_size * 1.25), right, target);
        let color = style::hex(slide::verdict_color(if progress.is_on_track() {
            crate::chart::headline::Verdict::Better
        } else {
            crate::chart::headline::Verdict::Worse
        }));
        out.text(
            (w - pad, base),
            Type {
                fill: &color,
                ..right
            },
            &label,
        );
    }
    let rule = style::hex([200; 3]);
    out.line(
        (pad, band - 2.0),
        (w - pad, band - 2.0),
        super::writer::Stroke::solid(&rule, 2.0),
    );
}

/// The deck's first page: its title, the date and where the figures come from, then the
/// slides that follow (`slides`: each already numbered, "2. Tỷ suất tử vong…").
pub fn title_svg(
    title: &str,
    subtitle: &str,
    slides: &[String],
    options: &ExportOptions,
) -> Result<String, ExportError> {
    super::layout::check_size(options)?;
    let (w, h) = (options.width as f32, options.height as f32);
    let ink = Ink::of(options.dark);
    let s = h / 1080.0;
    let pad = 110.0 * s;
    let mut out = Svg::new(w, h, &ink.background);
    // A long title gets smaller rather than run off the page.
    let mut size = 76.0 * s;
    while size > 30.0 * s && width(title, size, true) > w - 2.0 * pad {
        size *= 0.92;
    }
    let mut y = h * 0.3;
    let bold = Type {
        size,
        fill: &ink.text,
        anchor: "start",
        bold: true,
    };
    out.text((pad, y), bold, title);
    y += 64.0 * s;
    let weak = Type {
        size: 36.0 * s,
        fill: &ink.weak,
        anchor: "start",
        bold: false,
    };
    out.text((pad, y), weak, subtitle);
    y += 40.0 * s;
    let rule = style::hex([200; 3]);
    out.line(
        (pad, y),
        (w - pad, y),
        super::writer::Stroke::solid(&rule, 2.0 * s),
    );
    // The slides in as many columns as they need, so twenty still fit.
    let line = 46.0 * s;
    let rows = (((h - pad - y - line) / line).floor() as usize).max(1);
    let columns = slides.len().div_ceil(rows).max(1);
    let column_w = (w - 2.0 * pad) / columns as f32;
    let item = Type {
        size: 32.0 * s,
        fill: &ink.text,
        anchor: "start",
        bold: false,
    };
    for (i, name) in slides.iter().enumerate() {
        let (c, r) = (i / rows, i % rows);
        let text = super::text::fit(name, item.size, false, column_w - 20.0 * s);
        out.text(
            (pad + c as f32 * column_w, y + line * (r as f32 + 1.2)),
            item,
            &text,
        );
    }
    Ok(out.finish())
}
