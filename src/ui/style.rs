//! Fonts, and the chart style's colours as egui's: the colours themselves are decided in
//! `chart::style`, for the window and the exported files alike.

use egui::{Color32, FontData, FontDefinitions, FontFamily};

use crate::chart::headline::Verdict;
use crate::chart::style::{self as chart_style, Rgb};

/// The family name of the bold face, for headline figures.
pub const BOLD: &str = "bold";

/// Noto Sans: egui's default fonts lack many Vietnamese glyphs (ệ, ả, ơ…).
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto".to_owned(),
        FontData::from_static(include_bytes!("../../assets/fonts/NotoSans-Regular.ttf")).into(),
    );
    fonts.font_data.insert(
        "noto-bold".to_owned(),
        FontData::from_static(include_bytes!("../../assets/fonts/NotoSans-Bold.ttf")).into(),
    );
    if let Some(proportional) = fonts.families.get_mut(&FontFamily::Proportional) {
        proportional.insert(0, "noto".to_owned());
    }
    if let Some(monospace) = fonts.families.get_mut(&FontFamily::Monospace) {
        monospace.push("noto".to_owned());
    }
    let mut bold = vec!["noto-bold".to_owned()];
    bold.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts.families.insert(FontFamily::Name(BOLD.into()), bold);
    ctx.set_fonts(fonts);
    // egui's small text is 9 px: catalogue lines, the headline's source, legend notes and
    // reference lines' words must read on a laptop, so nothing is drawn under 11 px.
    ctx.all_styles_mut(|style| {
        style
            .text_styles
            .insert(egui::TextStyle::Small, egui::FontId::proportional(MIN_TEXT));
    });
}

/// The smallest text the window draws, in points.
pub const MIN_TEXT: f32 = 11.0;

pub fn color([r, g, b]: Rgb) -> Color32 {
    Color32::from_rgb(r, g, b)
}

pub fn series_color(index: usize, dark: bool) -> Color32 {
    color(chart_style::series_color(index, dark))
}

/// Green for good news, vermillion for bad, grey when neither.
pub fn verdict_color(verdict: Verdict, dark: bool) -> Color32 {
    color(chart_style::verdict_color(verdict, dark))
}

/// Paints a small triangle pointing up (rise), down (fall) or right (no change), in `color`.
/// Drawn, not typed: the bundled font has no arrow glyphs.
pub fn arrow(ui: &mut egui::Ui, from: f64, to: f64, color: Color32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    let c = rect.center();
    let r = 5.0;
    let points = if to > from {
        vec![
            c + egui::vec2(0.0, -r),
            c + egui::vec2(r, r * 0.8),
            c + egui::vec2(-r, r * 0.8),
        ]
    } else if to < from {
        vec![
            c + egui::vec2(0.0, r),
            c + egui::vec2(-r, -r * 0.8),
            c + egui::vec2(r, -r * 0.8),
        ]
    } else {
        vec![
            c + egui::vec2(r, 0.0),
            c + egui::vec2(-r * 0.8, -r),
            c + egui::vec2(-r * 0.8, r),
        ]
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
    response
}

/// A short line in a series' colour, for legends.
pub fn swatch(ui: &mut egui::Ui, color: Color32, dashed: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
    let y = rect.center().y;
    let stroke = egui::Stroke::new(3.0, color);
    if dashed {
        ui.painter().add(egui::Shape::dashed_line(
            &[egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
            stroke,
            5.0,
            3.0,
        ));
    } else {
        ui.painter().line_segment(
            [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
            stroke,
        );
    }
}
