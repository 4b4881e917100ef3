//! The map shown in the window: for now the exported picture itself (the same SVG as a file,
//! rasterised at the window's size and pixel density, drawn again only when the chart, the
//! figures, the language or the room change), with the provinces' figures in the Table tab.
//! Hover, click and zoom on the map's own meshes come next (issue 17).

use egui::RichText;

use crate::export::{self, ExportOptions};
use crate::workspace::Workspace;

/// What the texture was drawn for: (data version, chart, language, width, height).
type Key = (i64, String, crate::locale::Language, u32, u32);

/// The map's picture, kept between frames.
#[derive(Clone, Default)]
struct Drawn {
    key: Option<Key>,
    texture: Option<egui::TextureHandle>,
    error: Option<String>,
}

pub fn ui(ui: &mut egui::Ui, ws: &Workspace, dark: bool) {
    let id = egui::Id::unique("map picture");
    let mut drawn: Drawn = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let size = ui.available_size();
    let ppp = ui.ctx().pixels_per_point();
    let (w, h) = (size.x.max(320.0) as u32, size.y.max(240.0) as u32);
    let d = ws.description();
    // The description's words and figures say all that changes the picture.
    let key = (
        ws.data_version(),
        format!("{}{}{:?}{dark}", d.title, d.subtitle, d.map()),
        d.language,
        w,
        h,
    );
    if drawn.key.as_ref() != Some(&key) {
        let options = ExportOptions {
            width: w,
            height: h,
            scale: ppp,
            dark,
            presentation: false,
        };
        match export::svg(d, &options).and_then(|svg| export::png::rgba(&svg, ppp)) {
            Ok((pw, ph, pixels)) => {
                let image =
                    egui::ColorImage::from_rgba_unmultiplied([pw as usize, ph as usize], &pixels);
                drawn.texture = Some(ui.ctx().load_texture(
                    "map",
                    image,
                    egui::TextureOptions::LINEAR,
                ));
                drawn.error = None;
            }
            Err(e) => drawn.error = Some(super::errors::export(d.messages(), &e)),
        }
        drawn.key = Some(key);
    }
    if let Some(error) = &drawn.error {
        ui.label(RichText::new(error).color(egui::Color32::RED));
    } else if let Some(texture) = &drawn.texture {
        ui.add(
            egui::Image::new(texture)
                .fit_to_exact_size(egui::vec2(w as f32, h as f32))
                .alt_text(&d.title),
        );
    }
    ui.data_mut(|data| data.insert_temp(id, drawn));
}
