//! The menu bar: File, Editor, View, and the open file's name.

use super::{ChisoApp, Command, file_name};
use crate::locale::Messages;
use crate::ui::actions::Action;
use crate::ui::dialogs::FileRequest;

impl ChisoApp {
    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            let ctx = ui.ctx().clone();
            let t = self.t();
            let open = self.workspace.is_some();
            let writable = self
                .workspace
                .as_ref()
                .is_some_and(|ws| ws.read_only().is_none());
            ui.menu_button(t.get("menu-file"), |ui| {
                item(ui, &ctx, t, Action::Open, true, &mut self.commands);
                ui.menu_button(t.get("menu-open-recent"), |ui| {
                    if self.state.recent_files.is_empty() {
                        ui.label(t.get("menu-no-recent-files"));
                    }
                    for path in &self.state.recent_files {
                        if ui.button(path.display().to_string()).clicked() {
                            self.commands.push(Command::Open(path.clone()));
                        }
                    }
                });
                item(ui, &ctx, t, Action::Backups, open, &mut self.commands);
                ui.separator();
                item(ui, &ctx, t, Action::Import, writable, &mut self.commands);
                item(ui, &ctx, t, Action::ExportChart, open, &mut self.commands);
                item(
                    ui,
                    &ctx,
                    t,
                    Action::ExportChartData,
                    open,
                    &mut self.commands,
                );
                item(ui, &ctx, t, Action::ExportAllData, open, &mut self.commands);
                // A deck in either language, whatever the window's: each named in itself.
                ui.add_enabled_ui(open, |ui| {
                    ui.menu_button(Action::ExportDeck.label(t), |ui| {
                        for language in crate::locale::Language::ALL {
                            let name = language.own_name();
                            let pdf = t.with("deck-as-pdf", &[("language", name.into())]);
                            if ui.button(pdf).clicked() {
                                let request = FileRequest::SaveDeckPdf { language };
                                self.commands.push(Command::AskFile(request));
                            }
                            let pictures = t.with("deck-as-pictures", &[("language", name.into())]);
                            if ui.button(pictures).clicked() {
                                let request = FileRequest::DeckFolder {
                                    language: Some(language),
                                };
                                self.commands.push(Command::AskFile(request));
                            }
                        }
                    });
                });
                ui.separator();
                // Copies for the provinces, and the packages of changes between them: each
                // records what it did in the open file, which must be writable.
                if ui
                    .add_enabled(writable, egui::Button::new(t.get("menu-make-copy")))
                    .clicked()
                {
                    self.commands.push(Command::OpenExchange(true));
                }
                if ui
                    .add_enabled(writable, egui::Button::new(t.get("menu-send-changes")))
                    .clicked()
                {
                    self.commands.push(Command::OpenExchange(false));
                }
                if ui
                    .add_enabled(writable, egui::Button::new(t.get("menu-merge-changes")))
                    .clicked()
                {
                    self.commands
                        .push(Command::AskFile(FileRequest::OpenPackage));
                }
                ui.separator();
                item(ui, &ctx, t, Action::Quit, true, &mut self.commands);
            });
            // The menu holds a text field: it closes on a click outside it (or Escape), not on
            // the click into the field nor on the keys typed there.
            let keep_open = egui::containers::menu::MenuConfig::new()
                .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
            egui::containers::menu::MenuButton::new(t.get("menu-editor"))
                .config(keep_open)
                .ui(ui, |ui| {
                    if ui
                        .add_enabled(open, Action::ManageLists.button(&ctx, t))
                        .clicked()
                    {
                        self.commands.push(Action::ManageLists.command());
                        ui.close();
                    }
                    // The name the audit log gives this user's changes; asked once, kept.
                    let label = ui.label(t.get("editor-name"));
                    ui.add(egui::TextEdit::singleline(&mut self.state.editor).desired_width(180.0))
                        .labelled_by(label.id);
                });
            ui.menu_button(t.get("menu-view"), |ui| {
                // Each language is named in itself, so either can be found.
                ui.label(t.get("menu-language"));
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
                if ui
                    .radio_value(&mut dark, false, t.get("menu-light-theme"))
                    .clicked()
                    || ui
                        .radio_value(&mut dark, true, t.get("menu-dark-theme"))
                        .clicked()
                {
                    self.commands.push(Command::SetDark(dark));
                }
            });
            ui.menu_button(t.get("menu-help"), |ui| {
                if ui.button(t.get("help-shortcuts")).clicked() {
                    self.help = Some(crate::ui::help::HelpWindow::Shortcuts);
                }
                if ui.button(t.get("help-about")).clicked() {
                    self.help = Some(crate::ui::help::HelpWindow::About);
                }
            });
            if let Some(ws) = &self.workspace {
                ui.separator();
                ui.label(file_name(ws.path()));
                if ws.read_only().is_some() {
                    ui.label(
                        egui::RichText::new(t.get("menu-read-only"))
                            .color(ui.visuals().warn_fg_color),
                    );
                }
            }
        });
    }
}

/// A menu entry of `action`, from the commands table.
fn item(
    ui: &mut egui::Ui,
    ctx: &egui::Context,
    t: &Messages,
    action: Action,
    enabled: bool,
    commands: &mut Vec<Command>,
) {
    if ui.add_enabled(enabled, action.button(ctx, t)).clicked() {
        commands.push(action.command());
    }
}
