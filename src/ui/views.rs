//! The deck: saved views, opened with a click, renamed, reordered, deleted; and Present.

use egui::RichText;

use super::actions::Action;
use super::app::Command;
use crate::locale::Messages;
use crate::workspace::Workspace;

/// What is being typed in the panel: a new view's name, or a view's new name.
#[derive(Default)]
pub struct Editing {
    pub new_name: String,
    pub renaming: Option<(i64, String)>,
}

pub fn ui(ui: &mut egui::Ui, ws: &Workspace, editing: &mut Editing, commands: &mut Vec<Command>) {
    let t = Messages::of(ws.language());
    let writable = ws.read_only().is_none();
    egui::CollapsingHeader::new(
        RichText::new(t.with("deck-heading", &[("count", ws.views().len().into())])).strong(),
    )
    .id_salt("deck")
    .default_open(true)
    .show(ui, |ui| {
        for (i, view) in ws.views().iter().enumerate() {
            ui.horizontal(|ui| {
                if let Some((id, name)) = &mut editing.renaming
                    && *id == view.id
                {
                    let label = ui.label(t.get("deck-new-name"));
                    let edit = ui
                        .add(egui::TextEdit::singleline(name).desired_width(140.0))
                        .labelled_by(label.id);
                    if ui.button(t.get("ok")).clicked()
                        || (edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
                    {
                        commands.push(Command::RenameView(view.id, name.clone()));
                        editing.renaming = None;
                    }
                    return;
                }
                if ui
                    .button(format!("{}. {}", i + 1, view.name))
                    .on_hover_text(t.get("deck-show-view"))
                    .clicked()
                {
                    commands.push(Command::OpenView(i));
                }
                if writable {
                    ui.menu_button("…", |ui| {
                        if ui.button(t.get("deck-move-up")).clicked() {
                            commands.push(Command::MoveView(view.id, -1));
                        }
                        if ui.button(t.get("deck-move-down")).clicked() {
                            commands.push(Command::MoveView(view.id, 1));
                        }
                        if ui.button(t.get("deck-rename")).clicked() {
                            editing.renaming = Some((view.id, view.name.clone()));
                        }
                        if ui.button(t.get("deck-delete")).clicked() {
                            commands.push(Command::DeleteView(view.id));
                        }
                    })
                    .response
                    .on_hover_text(t.get("deck-view-menu"));
                }
            });
        }
        if writable {
            ui.horizontal(|ui| {
                let label = ui.label(t.get("deck-view-name"));
                ui.add(egui::TextEdit::singleline(&mut editing.new_name).desired_width(130.0))
                    .labelled_by(label.id);
                let name = editing.new_name.trim().to_owned();
                if ui
                    .add_enabled(!name.is_empty(), egui::Button::new(t.get("deck-save-view")))
                    .clicked()
                {
                    commands.push(Command::SaveView(name));
                    editing.new_name.clear();
                }
            });
        }
        if ui
            .add_enabled(
                !ws.views().is_empty(),
                egui::Button::new(Action::Present.label_with_key(ui.ctx(), t)),
            )
            .clicked()
        {
            commands.push(Action::Present.command());
        }
    });
}
