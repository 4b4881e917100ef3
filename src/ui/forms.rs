//! "Manage lists…": forms to create, edit and delete indicators, units, areas, subgroups,
//! sources and targets. Deleting a record that figures use says how many and asks first.

use egui::RichText;

use super::app::Command;
use super::errors::field as field_name;
use crate::locale::Messages;
use crate::workspace::records::{self, Kind, Record, TABLES, fields};

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
    t: &Messages,
    forms: &mut Forms,
    read_only: bool,
    commands: &mut Vec<Command>,
) -> bool {
    let mut open = true;
    egui::Window::new(t.get("forms-title"))
        .id(egui::Id::unique("manage lists"))
        .open(&mut open)
        .default_size([720.0, 520.0])
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for (table, _) in TABLES {
                    let name = t.get(&format!("list-{table}"));
                    if ui.selectable_label(forms.table == *table, name).clicked()
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
                    RichText::new(t.with("forms-confirm-delete", &[("count", count.into())]))
                        .strong(),
                );
                ui.horizontal(|ui| {
                    if ui.button(t.get("forms-delete-all")).clicked() {
                        commands.push(Command::DeleteRecord {
                            table: forms.table,
                            id,
                            with_figures: true,
                        });
                        forms.confirm = None;
                    }
                    if ui.button(t.get("forms-keep")).clicked() {
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
                            let name = field_name(t, field.label);
                            let label = ui.label(if field.required {
                                format!("{name} *")
                            } else {
                                name
                            });
                            match field.kind {
                                Kind::Choice(words) => {
                                    egui::ComboBox::from_id_salt(field.column)
                                        .selected_text(choice(t, value))
                                        .show_ui(ui, |ui| {
                                            for w in words {
                                                let shown = choice(t, w);
                                                ui.selectable_value(value, (*w).to_owned(), shown);
                                            }
                                        });
                                }
                                _ => {
                                    let hint = match field.kind {
                                        Kind::Ref(table) => {
                                            t.get(&format!("forms-code-of-{table}"))
                                        }
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
                            ui.add_enabled(!read_only, egui::Button::new(t.get("forms-save")))
                                .clicked(),
                            ui.button(t.get("cancel")).clicked(),
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
                .add_enabled(!read_only, egui::Button::new(t.get("forms-new")))
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
                            let name = records::label(forms.table, record, t.language());
                            ui.label(&name);
                            if ui
                                .add_enabled(!read_only, egui::Button::new(t.get("forms-edit")))
                                .on_hover_text(
                                    t.with("forms-edit-record", &[("name", (&name).into())]),
                                )
                                .clicked()
                            {
                                forms.editing = Some((Some(record.id), record.values.clone()));
                            }
                            if ui
                                .add_enabled(!read_only, egui::Button::new(t.get("forms-delete")))
                                .on_hover_text(
                                    t.with("forms-delete-record", &[("name", (&name).into())]),
                                )
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

/// A choice of a list's field (`higher_is_better`, `province`) in the window's language; the
/// store keeps the code.
fn choice(t: &Messages, code: &str) -> String {
    if code.is_empty() {
        return t.get("choice-by-unit");
    }
    let id = format!("choice-{}", code.replace('_', "-"));
    if t.has(&id) {
        t.get(&id)
    } else {
        code.to_owned()
    }
}
