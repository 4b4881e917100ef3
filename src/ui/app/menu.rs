//! The menu bar: File, Editor, View, and the open file's name.

use super::{ChisoApp, Command, file_name};
use crate::ui::actions::Action;

impl ChisoApp {
    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            let ctx = ui.ctx().clone();
            let open = self.workspace.is_some();
            let writable = self
                .workspace
                .as_ref()
                .is_some_and(|ws| ws.read_only().is_none());
            ui.menu_button("File", |ui| {
                item(ui, &ctx, Action::Open, true, &mut self.commands);
                ui.menu_button("Open recent", |ui| {
                    if self.state.recent_files.is_empty() {
                        ui.label("No recent files");
                    }
                    for path in &self.state.recent_files {
                        if ui.button(path.display().to_string()).clicked() {
                            self.commands.push(Command::Open(path.clone()));
                        }
                    }
                });
                ui.separator();
                item(ui, &ctx, Action::Import, writable, &mut self.commands);
                item(ui, &ctx, Action::ExportChart, open, &mut self.commands);
                item(ui, &ctx, Action::ExportChartData, open, &mut self.commands);
                item(ui, &ctx, Action::ExportAllData, open, &mut self.commands);
                item(ui, &ctx, Action::ExportDeck, open, &mut self.commands);
                ui.separator();
                item(ui, &ctx, Action::Quit, true, &mut self.commands);
            });
            ui.menu_button("Editor", |ui| {
                item(ui, &ctx, Action::ManageLists, open, &mut self.commands);
                // The name the audit log gives this user's changes; asked once, kept.
                let label = ui.label("Your name, for the audit trail");
                ui.add(egui::TextEdit::singleline(&mut self.state.editor).desired_width(180.0))
                    .labelled_by(label.id);
            });
            ui.menu_button("View", |ui| {
                // Each language is named in itself, so either can be found.
                ui.label("Language");
                let mut language = self.state.language;
                for choice in crate::locale::Language::ALL {
                    if ui
                        .radio_value(&mut language, choice, choice.own_name())
                        .clicked()
                    {
                        self.commands.push(Command::SetLanguage(choice));
                    }
                }
                ui.separator();
                let mut dark = self.state.dark;
                if ui.radio_value(&mut dark, false, "Light theme").clicked()
                    || ui.radio_value(&mut dark, true, "Dark theme").clicked()
                {
                    self.commands.push(Command::SetDark(dark));
                }
            });
            if let Some(ws) = &self.workspace {
                ui.separator();
                ui.label(file_name(ws.path()));
                if ws.read_only().is_some() {
                    ui.label(egui::RichText::new("read-only").color(ui.visuals().warn_fg_color));
                }
            }
        });
    }
}

/// A menu entry of `action`, from the commands table.
fn item(
    ui: &mut egui::Ui,
    ctx: &egui::Context,
    action: Action,
    enabled: bool,
    commands: &mut Vec<Command>,
) {
    if ui.add_enabled(enabled, action.button(ctx)).clicked() {
        commands.push(action.command());
    }
}
