//! "Export chart…": format, size, title and subtitle, then a save dialog; and "Copy chart".

use std::path::PathBuf;

use super::app::Command;
use super::dialogs::FileRequest;
use crate::export::{ExportOptions, Format, Preset};
use crate::locale::{Language, Messages};
use crate::workspace::Workspace;

/// What the user set in the dialog; kept while the window is open.
#[derive(Clone)]
pub struct ExportDialog {
    pub format: Format,
    pub preset: Preset,
    pub scale: f32,
    pub dark: bool,
    pub title: String,
    pub subtitle: String,
    /// The note under the chart (a saved view's, or the user's for this file).
    pub note: String,
    /// Figures written on the chart.
    pub value_labels: bool,
    pub file_stem: String,
    /// The language of the chart's words and numbers, the window's by default: a presenter
    /// can make a Vietnamese chart from an English window.
    pub language: Language,
    /// The chart's own title and subtitle in each language, so that choosing a language
    /// rewrites the words the user has not changed.
    defaults: Vec<(Language, String, String)>,
    /// The picture of what will be written, drawn again when the order or the figures change.
    preview: Preview,
}

/// What the dialog last drew: the order and the file's data version it drew, and the picture.
#[derive(Clone, Default)]
struct Preview {
    drawn: Option<((ChartOrder, i64), egui::TextureHandle)>,
}

/// How wide the preview is drawn, in points: enough to read the layout, not the fine print.
const PREVIEW_WIDTH: f32 = 440.0;

/// A chart to draw with these words and options.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOrder {
    pub title: String,
    pub subtitle: String,
    /// The user's note under the chart (empty: none).
    pub note: String,
    pub language: Language,
    pub options: ExportOptions,
}

impl ExportDialog {
    /// `defaults`: the chart's (language, title, subtitle) in every language; the dialog
    /// opens on `language`'s.
    pub fn new(
        defaults: Vec<(Language, String, String)>,
        (file_stem, note): (&str, &str),
        language: Language,
    ) -> ExportDialog {
        let (title, subtitle) = defaults
            .iter()
            .find(|(l, ..)| *l == language)
            .map(|(_, t, s)| (t.clone(), s.clone()))
            .unwrap_or_default();
        ExportDialog {
            format: Format::Png,
            preset: Preset::Wide,
            scale: 1.0,
            dark: false,
            title,
            subtitle,
            note: note.to_owned(),
            value_labels: true,
            file_stem: file_stem.to_owned(),
            language,
            defaults,
            preview: Preview::default(),
        }
    }

    /// Draws the chart in `language`: a title or subtitle still the chart's own becomes the
    /// chart's own in that language; one the user wrote is kept.
    pub fn set_language(&mut self, language: Language) {
        let find = |l: Language| self.defaults.iter().find(|(d, ..)| *d == l).cloned();
        if let (Some((_, old_title, old_subtitle)), Some((_, title, subtitle))) =
            (find(self.language), find(language))
        {
            if self.title == old_title {
                self.title = title;
            }
            if self.subtitle == old_subtitle {
                self.subtitle = subtitle;
            }
        }
        self.language = language;
    }

    pub fn order(&self) -> ChartOrder {
        let (width, height) = self.preset.size();
        ChartOrder {
            title: self.title.clone(),
            subtitle: self.subtitle.clone(),
            note: self.note.clone(),
            language: self.language,
            options: ExportOptions {
                width,
                height,
                scale: self.scale,
                dark: self.dark,
                presentation: false,
                value_labels: self.value_labels,
            },
        }
    }

    /// Returns false when the dialog is closed. `ws`, when a file is open, gives the preview.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        t: &Messages,
        ws: Option<&Workspace>,
        commands: &mut Vec<Command>,
    ) -> bool {
        let mut open = true;
        let mut close = false;
        egui::Window::new(t.get("export-title"))
            .id(egui::Id::unique("export chart"))
            .open(&mut open)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("export options")
                    .num_columns(2)
                    .show(ui, |ui| {
                        // Each language named in itself, as in the View menu.
                        ui.label(t.get("export-language"));
                        ui.horizontal(|ui| {
                            let mut language = self.language;
                            for choice in Language::ALL {
                                ui.radio_value(&mut language, choice, choice.own_name());
                            }
                            if language != self.language {
                                self.set_language(language);
                            }
                        });
                        ui.end_row();
                        let label = ui.label(t.get("export-chart-title"));
                        ui.add(egui::TextEdit::singleline(&mut self.title).desired_width(420.0))
                            .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label(t.get("export-subtitle"));
                        ui.add(egui::TextEdit::singleline(&mut self.subtitle).desired_width(420.0))
                            .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label(t.get("export-note"));
                        ui.add(
                            egui::TextEdit::multiline(&mut self.note)
                                .desired_rows(2)
                                .desired_width(420.0),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                        ui.label("");
                        ui.checkbox(&mut self.value_labels, t.get("export-value-labels"));
                        ui.end_row();
                        ui.label(t.get("export-format"));
                        ui.horizontal(|ui| {
                            ui.radio_value(&mut self.format, Format::Png, "PNG");
                            ui.radio_value(&mut self.format, Format::Svg, t.get("export-svg"));
                        });
                        ui.end_row();
                        ui.label(t.get("export-size"));
                        ui.horizontal(|ui| {
                            for preset in Preset::ALL {
                                ui.radio_value(&mut self.preset, preset, preset_label(t, preset));
                            }
                        });
                        ui.end_row();
                        let label = ui.label(t.get("export-scale"));
                        ui.add(
                            egui::Slider::new(&mut self.scale, 1.0..=3.0)
                                .step_by(0.5)
                                .suffix("×"),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                        ui.label(t.get("export-background"));
                        ui.horizontal(|ui| {
                            ui.radio_value(&mut self.dark, false, t.get("export-light"));
                            ui.radio_value(&mut self.dark, true, t.get("export-dark"));
                        });
                        ui.end_row();
                    });
                if let Some(ws) = ws {
                    self.preview_ui(ui, t, ws);
                }
                ui.horizontal(|ui| {
                    if ui.button(t.get("export-save")).clicked() {
                        commands.push(Command::AskFile(self.save_request()));
                        close = true;
                    }
                    if ui.button(t.get("export-copy")).clicked() {
                        commands.push(Command::CopyChart(self.order()));
                    }
                    if ui.button(t.get("close")).clicked() {
                        close = true;
                    }
                });
            });
        open && !close
    }

    /// The chart as it will be written, small: drawn by the export itself (SVG, then resvg),
    /// so that what the user sees is the file's picture, not the window's.
    fn preview_ui(&mut self, ui: &mut egui::Ui, t: &Messages, ws: &Workspace) {
        let order = self.order();
        let key = (order.clone(), ws.data_version());
        let fresh = self.preview.drawn.as_ref().is_some_and(|(k, _)| *k == key);
        if !fresh {
            let options = &order.options;
            let scale = PREVIEW_WIDTH * ui.ctx().pixels_per_point() / options.width as f32;
            let picture = crate::export::svg(&ordered(ws, &order), options)
                .and_then(|svg| crate::export::png::rgba(&svg, scale));
            self.preview.drawn = picture.ok().map(|(w, h, pixels)| {
                let size = [w as usize, h as usize];
                let image = egui::ColorImage::from_rgba_unmultiplied(size, &pixels);
                let texture =
                    ui.ctx()
                        .load_texture("export preview", image, egui::TextureOptions::LINEAR);
                (key, texture)
            });
        }
        ui.add_space(6.0);
        ui.label(egui::RichText::new(t.get("export-preview")).strong());
        if let Some((_, texture)) = &self.preview.drawn {
            let [w, h] = texture.size();
            let height = PREVIEW_WIDTH * h as f32 / w.max(1) as f32;
            ui.add(
                egui::Image::new(texture)
                    .fit_to_exact_size(egui::vec2(PREVIEW_WIDTH, height))
                    .alt_text(t.get("export-preview")),
            );
        }
        ui.add_space(6.0);
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

/// A size as the dialog offers it: "16:9 (1920 × 1080)", "Vuông (1080 × 1080)".
fn preset_label(t: &Messages, preset: Preset) -> String {
    let (width, height) = preset.size();
    let id = match preset {
        Preset::Wide => "export-preset-wide",
        Preset::Standard => "export-preset-standard",
        Preset::Square => "export-preset-square",
    };
    // Pixel sizes are not quantities to group: 1920, not 1.920.
    let size = format!("{width} × {height}");
    t.with(id, &[("size", size.into())])
}

/// The chart shown, with the title and subtitle the user gave for the export.
pub fn ordered(ws: &Workspace, order: &ChartOrder) -> crate::chart::ChartDescription {
    let mut description = ws.description_in(order.language);
    if !order.title.trim().is_empty() {
        description.title = order.title.clone();
    }
    description.subtitle = order.subtitle.clone();
    // The note as the dialog has it, in place of the view's.
    description
        .notes
        .retain(|n| !matches!(n, crate::chart::ChartNote::User(_)));
    if !order.note.trim().is_empty() {
        description.notes.insert(
            0,
            crate::chart::ChartNote::User(order.note.trim().to_owned()),
        );
    }
    description
}
