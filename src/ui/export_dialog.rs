//! "Export chart…": format, size, title and subtitle, then a save dialog; and "Copy chart".

use std::path::PathBuf;

use super::app::Command;
use super::dialogs::FileRequest;
use crate::export::{ExportOptions, Format, Preset};

/// What the user set in the dialog; kept while the window is open.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportDialog {
    pub format: Format,
    pub preset: Preset,
    pub scale: f32,
    pub dark: bool,
    pub title: String,
    pub subtitle: String,
    pub file_stem: String,
}

/// A chart to draw with these words and options.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOrder {
    pub title: String,
    pub subtitle: String,
    pub options: ExportOptions,
}

impl ExportDialog {
    pub fn new(title: &str, subtitle: &str, file_stem: &str) -> ExportDialog {
        ExportDialog {
            format: Format::Png,
            preset: Preset::Wide,
            scale: 1.0,
            dark: false,
            title: title.to_owned(),
            subtitle: subtitle.to_owned(),
            file_stem: file_stem.to_owned(),
        }
    }

    pub fn order(&self) -> ChartOrder {
        let (width, height) = self.preset.size();
        ChartOrder {
            title: self.title.clone(),
            subtitle: self.subtitle.clone(),
            options: ExportOptions {
                width,
                height,
                scale: self.scale,
                dark: self.dark,
                presentation: false,
            },
        }
    }

    /// Returns false when the dialog is closed.
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) -> bool {
        let mut open = true;
        let mut close = false;
        egui::Window::new("Export chart")
            .open(&mut open)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("export options")
                    .num_columns(2)
                    .show(ui, |ui| {
                        let label = ui.label("Title");
                        ui.add(egui::TextEdit::singleline(&mut self.title).desired_width(420.0))
                            .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label("Subtitle");
                        ui.add(egui::TextEdit::singleline(&mut self.subtitle).desired_width(420.0))
                            .labelled_by(label.id);
                        ui.end_row();
                        ui.label("Format");
                        ui.horizontal(|ui| {
                            ui.radio_value(&mut self.format, Format::Png, "PNG");
                            ui.radio_value(&mut self.format, Format::Svg, "SVG (editable text)");
                        });
                        ui.end_row();
                        ui.label("Size");
                        ui.horizontal(|ui| {
                            for preset in Preset::ALL {
                                ui.radio_value(&mut self.preset, preset, preset.label());
                            }
                        });
                        ui.end_row();
                        let label = ui.label("Scale");
                        ui.add(
                            egui::Slider::new(&mut self.scale, 1.0..=3.0)
                                .step_by(0.5)
                                .suffix("×"),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                        ui.label("Background");
                        ui.horizontal(|ui| {
                            ui.radio_value(&mut self.dark, false, "Light (projectors)");
                            ui.radio_value(&mut self.dark, true, "Dark");
                        });
                        ui.end_row();
                    });
                ui.horizontal(|ui| {
                    if ui.button("Save…").clicked() {
                        commands.push(Command::AskFile(self.save_request()));
                        close = true;
                    }
                    if ui.button("Copy chart").clicked() {
                        commands.push(Command::CopyChart(self.order()));
                    }
                    if ui.button("Close").clicked() {
                        close = true;
                    }
                });
            });
        open && !close
    }

    /// What the save dialog is asked for: a file named for the chart, in the format chosen.
    pub fn save_request(&self) -> FileRequest {
        let ext = match self.format {
            Format::Svg => "svg",
            Format::Png => "png",
        };
        FileRequest::SaveChart {
            file_name: format!("{}.{ext}", self.file_stem),
            format: self.format,
            order: self.order(),
        }
    }

    /// The command that saves to `path` (also what tests use in place of the save dialog).
    pub fn save_command(&self, path: PathBuf) -> Command {
        Command::ExportChart {
            path,
            format: self.format,
            order: self.order(),
        }
    }
}
