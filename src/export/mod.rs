//! Chart export: a chart description drawn to SVG by Chiso's own renderer, and rasterised to
//! PNG by resvg with the bundled font, so the file is the same on every machine.
//!
//! | module        | holds                                                        |
//! |---------------|--------------------------------------------------------------|
//! | (this)        | sizes, presets, formats, writing a file safely                |
//! | `layout`      | the frame of any chart: type sizes, wrapped words, where the plot goes |
//! | `time_series` | drawing the time-series kind inside the frame                 |
//! | `writer`      | the SVG elements Chiso writes (text, lines, shapes), escaped  |
//! | `words`       | the sentences of a chart a reader sees: footer, legend, notes |
//! | `text`        | measuring, wrapping and escaping text with the bundled font  |
//! | `png`         | SVG → PNG                                                    |
//! | `long_csv`    | figures written as Chiso's long CSV (`chiso export-data`)     |
//!
//! Ticks come from `chart::axis` and colours, dashes and markers from `chart::style`: the
//! window reads the same decisions, so the file shows what the screen does.
//!
//! Contract of [`svg`]:
//! - the same description and options give the same bytes;
//! - every word is text (editable in Inkscape or PowerPoint), escaped;
//! - nothing is drawn outside the canvas: long titles wrap, and when words and legend leave
//!   too little room for the plot, everything is drawn smaller until it fits.

pub mod form;
mod layout;
pub mod long_csv;
mod map;
pub mod pdf;
pub mod png;
mod ranking;
pub mod slide;
pub mod text;
mod time_series;
pub mod words;
pub mod workbook;
mod writer;

use crate::chart::ChartDescription;

pub use layout::svg;

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
    /// Figures written on the chart (the latest of each series, every one of a short
    /// series); off, the chart shows only its axes' numbers.
    pub value_labels: bool,
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
            value_labels: true,
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
    write_bytes(path, &bytes)
}

/// Writes `bytes` to `path` through a temporary file renamed into place, so a failed write
/// never leaves half a file, nor the temporary one.
pub fn write_bytes(path: &std::path::Path, bytes: &[u8]) -> Result<(), ExportError> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    let at = |e: std::io::Error| ExportError::Write(format!("{}: {e}", path.display()));
    std::fs::write(&partial, bytes)
        .and_then(|()| std::fs::rename(&partial, path))
        .map_err(|e| {
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
    #[error("cannot make the PDF: {0}")]
    Pdf(String),
}
