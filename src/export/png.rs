//! SVG to PNG with resvg, using only the bundled fonts: the same pixels on every machine.

use std::sync::{Arc, OnceLock};

use super::ExportError;

fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = resvg::usvg::fontdb::Database::new();
            db.load_font_data(super::text::REGULAR.to_vec());
            db.load_font_data(super::text::BOLD.to_vec());
            db.set_sans_serif_family("Noto Sans");
            Arc::new(db)
        })
        .clone()
}

/// Rasterises `svg` at `scale` pixels per SVG px, and encodes it as PNG. Charts are flat
/// colours, so fast compression costs little in size and saves most of the time.
pub fn png(svg: &str, scale: f32) -> Result<Vec<u8>, ExportError> {
    let (width, height, pixels) = rgba(svg, scale)?;
    let mut out = Vec::new();
    let mut encoder = ::png::Encoder::new(&mut out, width, height);
    encoder.set_color(::png::ColorType::Rgba);
    encoder.set_depth(::png::BitDepth::Eight);
    encoder.set_compression(::png::Compression::Fast);
    let raster = |e: ::png::EncodingError| ExportError::Raster(e.to_string());
    let mut writer = encoder.write_header().map_err(raster)?;
    writer.write_image_data(&pixels).map_err(raster)?;
    writer.finish().map_err(raster)?;
    Ok(out)
}

/// Rasterises `svg`: (width, height, RGBA pixels without premultiplied alpha), for the clipboard.
pub fn rgba(svg: &str, scale: f32) -> Result<(u32, u32, Vec<u8>), ExportError> {
    let pixmap = pixmap(svg, scale)?;
    let pixels = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Ok((pixmap.width(), pixmap.height(), pixels))
}

fn pixmap(svg: &str, scale: f32) -> Result<resvg::tiny_skia::Pixmap, ExportError> {
    let options = resvg::usvg::Options {
        fontdb: fonts(),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &options)
        .map_err(|e| ExportError::Raster(e.to_string()))?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).round() as u32,
        (size.height() * scale).round() as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| ExportError::Raster(format!("cannot make a {w} × {h} image")))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}
