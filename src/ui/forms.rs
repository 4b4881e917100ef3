//! "Manage lists…": forms to create, edit and delete indicators, units, areas, subgroups,
//! sources and targets. Deleting a record that figures use says how many and asks first.

use egui::RichText;

use super::app::Command;
use crate::workspace::records::{Kind, Record, TABLES, fields};

pub struct Forms {
    pub table: &'static str,
    pub records: Vec<Record>,
    /// (table, data version) the records were read for.
    pub read_for: Option<(&'static str, i64)>,
    /// The record in the form: its id (None for a new one) and its fields as typed.
    pub editing: Option<(Option<i64>, Vec<String>)>,
    /// A delete waiting for the user's yes: (id, how many figures go with it).
    pub confirm: Option<(i64, i64)>,
}

impl Default for Forms {
    fn default() -> Self {
        Forms {
            table: "indicator",
            records: Vec::new(),
            read_for: None,
            editing: None,
            confirm: None,
        }
    }
}

/// Returns false when the window is closed.
pub fn ui(
    ctx: &egui::Context,
    forms: &mut Forms,
    read_only: bool,
    commands: &mut Vec<Command>,
) -> bool {
    let mut open = true;
    egui::Window::new("Manage lists")
        .open(&mut open)
        .default_size([720.0, 520.0])
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for (table, name) in TABLES {
                    if ui.selectable_label(forms.table == *table, *name).clicked()
                        && forms.table != *table
                    {
                        forms.table = table;
                        forms.editing = None;
                        forms.confirm = None;
                    }
                }
            });
            ui.separator();
            let defs = fields(forms.table);
            if let Some((id, count)) = forms.confirm {
                ui.label(
                    RichText::new(format!(
                        "{count} figures or indicators use this record. Delete it and them?"
                    ))
                    .strong(),
                );
                ui.horizontal(|ui| {
                    if ui.button("Delete all of it").clicked() {
                        commands.push(Command::DeleteRecord {
                            table: forms.table,
                            id,
                            with_figures: true,
                        });
                        forms.confirm = None;
                    }
                    if ui.button("Keep it").clicked() {
                        forms.confirm = None;
                    }
                });
                return;
            }
            if let Some((id, values)) = &mut forms.editing {
                egui::Grid::new("record form")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for (field, value) in defs.iter().zip(values.iter_mut()) {
                            let label = ui.label(if field.required {
                                format!("{} *", field.label)
                            } else {
                                field.label.to_owned()
                            });
                            match field.kind {
                                Kind::Choice(words) => {
                                    egui::ComboBox::from_id_salt(field.column)
                                        .selected_text(value.clone())
                                        .show_ui(ui, |ui| {
                                            for w in words {
                                                ui.selectable_value(value, (*w).to_owned(), *w);
                                            }
                                        });
                                }
                                _ => {
                                    let hint = match field.kind {
                                        Kind::Ref(table) => format!("{table} code"),
                                        _ => String::new(),
                                    };
                                    ui.add(
                                        egui::TextEdit::singleline(value)
                                            .hint_text(hint)
                                            .desired_width(360.0),
                                    )
                                    .labelled_by(label.id);
                                }
                            }
                            ui.end_row();
                        }
                    });
                let table = forms.table;
                let (save, cancel) = ui
                    .horizontal(|ui| {
                        (
                            ui.add_enabled(!read_only, egui::Button::new("Save"))
                                .clicked(),
                            ui.button("Cancel").clicked(),
                        )
                    })
                    .inner;
                if save {
                    commands.push(Command::SaveRecord {
                        table,
                        id: *id,
                        values: values.clone(),
                    });
                }
                if cancel {
                    forms.editing = None;
                }
                return;
            }
            if ui
                .add_enabled(!read_only, egui::Button::new("New"))
                .clicked()
            {
                let blank = defs
                    .iter()
                    .map(|f| match f.kind {
                        Kind::Choice(words) => words.last().copied().unwrap_or_default().to_owned(),
                        Kind::Integer if f.column == "decimals" => "1".to_owned(),
                        _ => String::new(),
                    })
                    .collect();
                forms.editing = Some((None, blank));
            }
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    egui::Grid::new("records").striped(true).show(ui, |ui| {
                        for record in &forms.records {
                            let name = record
                                .values
                                .iter()
                                .take(2)
                                .cloned()
                                .collect::<Vec<_>>()
                                .join(" — ");
                            ui.label(&name);
                            if ui
                                .add_enabled(!read_only, egui::Button::new("Edit"))
                                .on_hover_text(format!("Edit {name}"))
                                .clicked()
                            {
                                forms.editing = Some((Some(record.id), record.values.clone()));
                            }
                            if ui
                                .add_enabled(!read_only, egui::Button::new("Delete"))
                                .on_hover_text(format!("Delete {name}"))
                                .clicked()
                            {
                                commands.push(Command::AskDeleteRecord {
                                    table: forms.table,
                                    id: record.id,
                                });
                            }
                            ui.end_row();
                        }
                    });
                });
        });
    open
}
