//! Presentation mode: one saved view per slide, full screen, type sized for a projector.

use egui::{Color32, RichText};

use super::app::Command;
use super::{errors, style};
use crate::chart::style::slide;
use crate::export::{self, ExportOptions};
use crate::locale::{Language, Messages};
use crate::workspace::Workspace;

/// What a slide's picture was drawn for: slide, data version, width, height, language.
type SlideKey = (usize, i64, u32, u32, Language);

/// The slide show under way, and the drawing of the slide shown.
pub struct Presentation {
    pub index: usize,
    /// What the window showed before, restored on leaving.
    pub previous: crate::chart::ChartSpec,
    /// (slide, data version, width, height, language) of the texture, to redraw only when
    /// needed.
    drawn: Option<(SlideKey, egui::TextureHandle)>,
}

impl Presentation {
    pub fn new(previous: crate::chart::ChartSpec) -> Presentation {
        Presentation {
            index: 0,
            previous,
            drawn: None,
        }
    }
}

/// The keys of a slide show: → Space PageDown next, ← PageUp back, Home End, Esc leaves.
pub fn keys(ctx: &egui::Context, index: usize, count: usize, commands: &mut Vec<Command>) {
    use egui::Key;
    let last = count.saturating_sub(1);
    ctx.input(|i| {
        if i.key_pressed(Key::Escape) {
            commands.push(Command::Present(false));
        } else if i.key_pressed(Key::ArrowRight)
            || i.key_pressed(Key::Space)
            || i.key_pressed(Key::PageDown)
        {
            commands.push(Command::Slide((index + 1).min(last)));
        } else if i.key_pressed(Key::ArrowLeft) || i.key_pressed(Key::PageUp) {
            commands.push(Command::Slide(index.saturating_sub(1)));
        } else if i.key_pressed(Key::Home) {
            commands.push(Command::Slide(0));
        } else if i.key_pressed(Key::End) {
            commands.push(Command::Slide(last));
        }
    });
}

/// One slide: the headline card, then the chart drawn as it is exported, with its sources.
pub fn ui(ui: &mut egui::Ui, ws: &Workspace, show: &mut Presentation) {
    let t = Messages::of(ws.language());
    let black = style::color(slide::TEXT);
    let count = ws.views().len();
    ui.horizontal(|ui| {
        if let Some(h) = ws.headline() {
            ui.label(
                RichText::new(&h.value_text)
                    .size(64.0)
                    .strong()
                    .color(black),
            );
            ui.vertical(|ui| {
                ui.label(RichText::new(&h.period).size(30.0).color(black));
                let change = h.since_previous.as_ref().or(h.since_baseline.as_ref());
                if let Some(change) = change {
                    let color = style::color(slide::verdict_color(change.verdict));
                    ui.label(RichText::new(&change.text).size(30.0).color(color));
                }
            });
            if let (Some(target), Some(progress)) = (&h.target_text, h.progress) {
                ui.add_space(24.0);
                ui.label(
                    RichText::new(format!("{target}\n{}", progress.label(t)))
                        .size(30.0)
                        .color(black),
                );
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            ui.label(
                RichText::new(format!("{} / {count}", show.index + 1))
                    .size(28.0)
                    .color(style::color(slide::WEAK)),
            );
        });
    });
    ui.add_space(8.0);
    let size = ui.available_size();
    let ppp = ui.ctx().pixels_per_point();
    let (w, h) = ((size.x.max(320.0)) as u32, (size.y.max(240.0)) as u32);
    let key = (show.index, ws.data_version(), w, h, ws.language());
    if show.drawn.as_ref().is_none_or(|(k, _)| *k != key) {
        let options = ExportOptions {
            width: w,
            height: h,
            scale: ppp,
            dark: false,
            presentation: true,
            value_labels: true,
        };
        let picture =
            export::svg(ws.description(), &options).and_then(|svg| export::png::rgba(&svg, ppp));
        match picture {
            Ok((pw, ph, pixels)) => {
                let image =
                    egui::ColorImage::from_rgba_unmultiplied([pw as usize, ph as usize], &pixels);
                let texture = ui
                    .ctx()
                    .load_texture("slide", image, egui::TextureOptions::LINEAR);
                show.drawn = Some((key, texture));
            }
            Err(e) => {
                ui.label(
                    RichText::new(errors::export(t, &e))
                        .size(28.0)
                        .color(Color32::RED),
                );
                return;
            }
        }
    }
    if let Some((_, texture)) = &show.drawn {
        ui.add(egui::Image::new(texture).fit_to_exact_size(egui::vec2(w as f32, h as f32)))
            .on_hover_text(&ws.description().title);
    }
}
