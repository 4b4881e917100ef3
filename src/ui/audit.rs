//! The audit trail: who changed which figure when, old → new, with a revert for each change.

use egui::RichText;

use super::app::Command;
use crate::model::format_value;
use crate::workspace::AuditEntry;

/// What the tab shows, and the entries read for it.
#[derive(Default)]
pub struct AuditState {
    pub only_selected: bool,
    pub editor: String,
    /// (only_selected, editor, data version) the entries were read for.
    pub read_for: Option<(bool, String, i64)>,
    pub entries: Vec<AuditEntry>,
}

pub fn ui(ui: &mut egui::Ui, state: &mut AuditState, read_only: bool, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.checkbox(&mut state.only_selected, "Only this indicator");
        let label = ui.label("Editor");
        ui.add(
            egui::TextEdit::singleline(&mut state.editor)
                .hint_text("anyone")
                .desired_width(140.0),
        )
        .labelled_by(label.id);
    });
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("audit")
                .striped(true)
                .spacing([14.0, 4.0])
                .show(ui, |ui| {
                    for h in [
                        "When (UTC)",
                        "Who",
                        "What",
                        "Year",
                        "Old value, new value",
                        "",
                    ] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for e in &state.entries {
                        ui.label(e.at.replace('T', " ").trim_end_matches('Z').to_owned());
                        ui.label(&e.editor);
                        ui.label(format!("{} {} #{}", e.action, e.table, e.row_id));
                        ui.label(e.year().map(|y| y.to_string()).unwrap_or_default());
                        let (old, new) = e.values();
                        let text = |v: Option<f64>| {
                            v.map_or("—".to_owned(), |v| {
                                format_value(v, 6)
                                    .trim_end_matches('0')
                                    .trim_end_matches('.')
                                    .to_owned()
                            })
                        };
                        ui.label(format!("{}, then {}", text(old), text(new)));
                        if e.table == "observation" && !read_only {
                            if ui
                                .button("Revert")
                                .on_hover_text(format!("Take back change #{}", e.id))
                                .clicked()
                            {
                                commands.push(Command::Revert(e.id));
                            }
                        } else {
                            ui.label("");
                        }
                        ui.end_row();
                    }
                });
        });
}
