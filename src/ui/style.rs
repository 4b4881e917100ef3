//! Fonts and colours.

use egui::{Color32, FontData, FontDefinitions, FontFamily};

use crate::chart::PALETTE;
use crate::chart::headline::Verdict;

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
}

pub fn series_color(index: usize, dark: bool) -> Color32 {
    let [r, g, b] = PALETTE[index % PALETTE.len()];
    if dark && [r, g, b] == [0, 0, 0] {
        Color32::from_gray(230)
    } else {
        Color32::from_rgb(r, g, b)
    }
}

/// Green for good news, vermillion for bad, grey when neither: from the colour-blind-safe set.
pub fn verdict_color(verdict: Verdict, dark: bool) -> Color32 {
    match verdict {
        Verdict::Better => Color32::from_rgb(0, 158, 115),
        Verdict::Worse => Color32::from_rgb(213, 94, 0),
        Verdict::Unchanged | Verdict::Neutral => {
            if dark {
                Color32::from_gray(170)
            } else {
                Color32::from_gray(110)
            }
        }
    }
}

/// The arrow for a change: up, down or level.
pub fn arrow(from: f64, to: f64) -> &'static str {
    if to > from {
        "▲"
    } else if to < from {
        "▼"
    } else {
        "▶"
    }
}
