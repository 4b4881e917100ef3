//! A filled entry form, opened by File → Import…: what its dry run found, cell by cell (values
//! refused, warned of, unreadable), then *Import these figures* when nothing stops it.

use std::path::PathBuf;

use egui::{Color32, RichText};

use super::app::Command;
use super::errors;
use crate::locale::Messages;
use crate::workspace::entry_form::{CellReason, FormReport};

/// The form and what its dry run said.
pub struct FormDialog {
    pub path: PathBuf,
    pub report: Result<FormReport, String>,
}

/// Returns false when the dialog is closed.
pub fn ui(
    ctx: &egui::Context,
    t: &Messages,
    dialog: &FormDialog,
    commands: &mut Vec<Command>,
) -> bool {
    let mut open = true;
    let mut close = false;
    let name = dialog
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    egui::Window::new(t.with("form-import-title", &[("file", name.into())]))
        .id(egui::Id::unique("entry form import"))
        .open(&mut open)
        .collapsible(false)
        .default_width(560.0)
        .show(ctx, |ui| {
            let report = match &dialog.report {
                Ok(report) => report,
                Err(error) => {
                    ui.colored_label(Color32::RED, error);
                    if ui.button(t.get("close")).clicked() {
                        close = true;
                    }
                    return;
                }
            };
            let f = &report.form;
            ui.label(t.with(
                "form-import-what",
                &[
                    ("indicator", f.indicator.as_str().into()),
                    ("for", f.for_whom.as_str().into()),
                    ("source", f.source.as_str().into()),
                    ("database", f.database.as_str().into()),
                ],
            ));
            ui.label(t.with(
                "form-import-counts",
                &[
                    ("added", report.added.into()),
                    ("changed", report.changed.into()),
                    ("unchanged", report.unchanged.into()),
                ],
            ));
            egui::ScrollArea::vertical()
                .max_height(280.0)
                .show(ui, |ui| {
                    let red = Color32::from_rgb(190, 30, 30);
                    let amber = Color32::from_rgb(160, 95, 0);
                    for p in &f.problems {
                        let why = t.get(match p.reason {
                            CellReason::NotANumber => "form-cell-not-a-number",
                            CellReason::Ambiguous { .. } => "form-cell-ambiguous",
                            CellReason::UnknownStatus => "form-cell-unknown-status",
                            CellReason::RowChanged => "form-cell-row-changed",
                        });
                        ui.colored_label(red, format!("{} «{}»: {why}", p.cell, p.raw));
                    }
                    for (cell, refusal) in &report.refused {
                        ui.colored_label(red, format!("{cell}: {}", errors::refused(t, refusal)));
                    }
                    for (cell, warning) in &report.warned {
                        ui.colored_label(amber, format!("{cell}: {}", errors::warning(t, warning)));
                    }
                });
            let problems = report.problem_count();
            if problems > 0 {
                ui.label(
                    RichText::new(t.with("form-import-blocked", &[("count", problems.into())]))
                        .strong(),
                );
            }
            ui.horizontal(|ui| {
                let can = problems == 0 && report.added + report.changed > 0;
                if ui
                    .add_enabled(can, egui::Button::new(t.get("form-import-run")))
                    .clicked()
                {
                    commands.push(Command::ImportForm(dialog.path.clone()));
                    close = true;
                }
                if ui.button(t.get("close")).clicked() {
                    close = true;
                }
            });
        });
    open && !close
}
