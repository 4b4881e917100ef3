//! The headline card: the latest figure, how it changed, and progress to the target.

use egui::RichText;

use super::style;
use crate::chart::headline::Change;
use crate::locale::Messages;
use crate::workspace::Workspace;

pub fn ui(ui: &mut egui::Ui, ws: &Workspace, dark: bool) {
    let t = Messages::of(ws.language());
    let Some(h) = ws.headline() else {
        if let Some(indicator) = ws.selected_indicator() {
            ui.heading(indicator.name.get(ws.language()));
            ui.label(t.get("card-no-figures"));
        }
        return;
    };
    let source = ws
        .sources()
        .iter()
        .find(|s| s.code == h.source_code)
        .map_or(h.source_code.clone(), |s| {
            s.short_name.get(ws.language()).to_owned()
        });
    ui.horizontal_wrapped(|ui| {
        ui.vertical(|ui| {
            ui.label(RichText::new(&h.indicator_name).size(18.0).strong());
            ui.horizontal(|ui| {
                // The figure in the theme's strongest ink: egui's usual text is grey on the
                // dark theme, where the one figure read out must stand out most.
                let strong = ui.visuals().strong_text_color();
                ui.label(
                    RichText::new(&h.value_text)
                        .size(34.0)
                        .color(strong)
                        .family(egui::FontFamily::Name(style::BOLD.into())),
                );
                ui.vertical(|ui| {
                    ui.label(RichText::new(&h.period).size(16.0));
                    ui.label(
                        RichText::new(t.with("hover-source", &[("source", (&source).into())]))
                            .small()
                            .weak(),
                    );
                });
            });
        });
        ui.add_space(24.0);
        ui.vertical(|ui| {
            change_ui(ui, h.since_previous.as_ref(), dark);
            change_ui(ui, h.since_baseline.as_ref(), dark);
            if let Some(target) = &h.target_text {
                let progress = h
                    .progress
                    .map_or_else(|| t.get("progress-unmeasurable"), |p| p.label(t));
                let color = match h.progress {
                    Some(p) if p.is_on_track() => {
                        style::verdict_color(crate::chart::headline::Verdict::Better, dark)
                    }
                    Some(_) => style::verdict_color(crate::chart::headline::Verdict::Worse, dark),
                    None => ui.visuals().weak_text_color(),
                };
                ui.label(RichText::new(format!("{target} · {progress}")).color(color));
            }
        });
    });
}

fn change_ui(ui: &mut egui::Ui, change: Option<&Change>, dark: bool) {
    if let Some(change) = change {
        ui.label(RichText::new(&change.text).color(style::verdict_color(change.verdict, dark)));
    }
}
