//! The sources panel: every source with a figure on screen, cited in full.

use egui::RichText;

use crate::chart::ChartDescription;
use crate::export::words;

pub fn ui(ui: &mut egui::Ui, description: &ChartDescription) {
    let t = description.messages();
    ui.add_space(2.0);
    ui.label(RichText::new(t.get("sources-heading")).strong());
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if description.sources.is_empty() {
                ui.label(RichText::new(t.get("sources-none")).weak());
            }
            for s in &description.sources {
                ui.horizontal_wrapped(|ui| {
                    let language = description.language;
                    ui.label(RichText::new(s.short_name.get(language)).strong());
                    if !s.edition.is_empty() {
                        let edition = s.edition.get(language);
                        ui.label(RichText::new(format!("({edition})")).weak());
                    }
                    let citation = if s.citation.is_empty() {
                        s.title.get(language)
                    } else {
                        &s.citation
                    };
                    ui.label(citation);
                    if !s.licence.is_empty() {
                        ui.label(
                            RichText::new(
                                t.with("sources-licence", &[("licence", (&s.licence).into())]),
                            )
                            .weak(),
                        );
                    }
                });
            }
            let notes = description.notes.iter().map(|n| words::note(t, n));
            for note in description.footnotes.iter().cloned().chain(notes) {
                ui.label(RichText::new(note).small().weak());
            }
        });
}
