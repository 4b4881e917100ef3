//! The audit trail: who changed which figure when, old → new, with a revert for each change.

use egui::RichText;

use super::app::Command;
use crate::locale::{Language, Messages, Numbers, local_time};
use crate::workspace::AuditEntry;

/// What the tab shows, and the entries read for it.
#[derive(Default)]
pub struct AuditState {
    pub only_selected: bool,
    pub editor: String,
    /// (only_selected, editor, the workspace's revision) the entries were read for.
    pub read_for: Option<(bool, String, u64)>,
    pub entries: Vec<AuditEntry>,
    /// Each entry's figure named (indicator, area, subgroup, source), when it is a figure's.
    pub names: Vec<Option<String>>,
}

pub fn ui(
    ui: &mut egui::Ui,
    language: Language,
    state: &mut AuditState,
    read_only: bool,
    commands: &mut Vec<Command>,
) {
    let (t, numbers) = (Messages::of(language), Numbers::of(language));
    ui.horizontal(|ui| {
        ui.checkbox(&mut state.only_selected, t.get("audit-only-this"));
        let label = ui.label(t.get("audit-editor"));
        ui.add(
            egui::TextEdit::singleline(&mut state.editor)
                .hint_text(t.get("audit-anyone"))
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
                        "audit-when",
                        "audit-who",
                        "audit-what",
                        "audit-year",
                        "audit-values",
                    ] {
                        ui.label(RichText::new(t.get(h)).strong());
                    }
                    ui.label("");
                    ui.end_row();
                    for (i, e) in state.entries.iter().enumerate() {
                        // Stored in UTC; read in the reader's own time.
                        ui.label(local_time(language, &e.at));
                        ui.label(&e.editor);
                        let action = t.get(&format!("audit-{}", e.action));
                        let what = match state.names.get(i).cloned().flatten() {
                            Some(names) => t.with(
                                "audit-change-figure",
                                &[("action", action.into()), ("figure", names.into())],
                            ),
                            None => t.with(
                                "audit-change",
                                &[
                                    ("action", action.into()),
                                    ("table", t.get(&format!("audit-table-{}", e.table)).into()),
                                    ("row", e.row_id.to_string().into()),
                                ],
                            ),
                        };
                        ui.label(what);
                        ui.label(e.year().map(|y| y.to_string()).unwrap_or_default());
                        let (old, new) = e.values();
                        let text = |v: Option<f64>| {
                            v.map_or("—".to_owned(), |v| numbers.format_exact(v))
                        };
                        ui.label(t.with(
                            "audit-old-new",
                            &[("old", text(old).into()), ("new", text(new).into())],
                        ));
                        if e.table == "observation" && !read_only {
                            if ui
                                .button(t.get("audit-revert"))
                                .on_hover_text(
                                    t.with("audit-revert-tip", &[("id", e.id.to_string().into())]),
                                )
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
