//! The import dialog: a dry run first, its report and problem list, then the import itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use egui::RichText;

use crate::model::Indicator;
use crate::workspace::jobs::ImportJob;
use crate::workspace::{ImportOptions, ImportReport, Problem};

/// What the dialog tells the app after a frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Open,
    Closed,
    /// The import landed: the app reloads the file.
    Imported(String),
    /// The user asked for a dry run (`true`) or the import itself; the app starts it.
    Run(bool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortBy {
    File,
    Line,
    Column,
    Value,
    Reason,
}

pub struct ImportDialog {
    files: Vec<PathBuf>,
    areas: String,
    indicators: String,
    create: BTreeSet<String>,
    mapping: BTreeMap<String, String>,
    replace: bool,
    skip_problems: bool,
    job: Option<(ImportJob, bool)>,
    report: Option<ImportReport>,
    error: Option<String>,
    sort: (SortBy, bool),
}

impl ImportDialog {
    pub fn new(files: Vec<PathBuf>) -> ImportDialog {
        ImportDialog {
            files,
            areas: String::new(),
            indicators: String::new(),
            create: BTreeSet::new(),
            mapping: BTreeMap::new(),
            replace: false,
            skip_problems: false,
            job: None,
            report: None,
            error: None,
            sort: (SortBy::File, true),
        }
    }

    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    fn options(&self, dry_run: bool) -> ImportOptions {
        let list = |text: &str| -> Vec<String> {
            text.split([',', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let mut indicators = list(&self.indicators);
        indicators.extend(self.create.iter().cloned());
        let areas = list(&self.areas);
        ImportOptions {
            areas: (!areas.is_empty()).then_some(areas),
            indicators: (!indicators.is_empty()).then_some(indicators),
            mappings: self
                .mapping
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            replace: self.replace,
            dry_run,
            skip_problems: self.skip_problems,
        }
    }

    /// Starts the dry run (`dry_run`) or the import in a thread of its own. Called by the
    /// app's command, never from inside a frame.
    pub fn start(&mut self, db: &Path, editor: &str, dry_run: bool) {
        let job = ImportJob::start(
            db.to_path_buf(),
            self.files.clone(),
            self.options(dry_run),
            editor.to_owned(),
        );
        self.job = Some((job, dry_run));
        self.error = None;
    }

    /// One frame of the dialog: shows the job's progress or its report, and says what the
    /// user asked for.
    pub fn ui(&mut self, ctx: &egui::Context, indicators: &[Indicator]) -> Outcome {
        let mut outcome = Outcome::Open;
        if let Some((job, dry_run)) = &mut self.job
            && let Some(result) = job.poll()
        {
            let dry_run = *dry_run;
            self.job = None;
            match result {
                Ok(report) if !dry_run && report.committed => {
                    outcome = Outcome::Imported(format!(
                        "Imported: {} added, {} changed, {} unchanged",
                        report.added, report.changed, report.unchanged
                    ));
                }
                Ok(report) => self.report = Some(report),
                Err(e) => self.error = Some(e),
            }
        }
        if self.job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let mut open = true;
        let screen = ctx.content_rect();
        egui::Window::new("Import figures")
            .open(&mut open)
            .default_size([760.0, 560.0])
            .max_height(screen.height() - 60.0)
            .default_pos(screen.center() - egui::vec2(380.0, 300.0))
            .resizable(true)
            .collapsible(false)
            .show(ctx, |ui| {
                if let Some(o) = self.contents_ui(ui, indicators) {
                    outcome = o;
                }
            });
        if !open {
            if let Some((job, _)) = &self.job {
                job.cancel();
            }
            return Outcome::Closed;
        }
        outcome
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui, indicators: &[Indicator]) -> Option<Outcome> {
        for f in &self.files {
            ui.label(RichText::new(f.display().to_string()).monospace());
        }
        ui.separator();
        egui::Grid::new("import options")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label("Areas");
                ui.add(
                    egui::TextEdit::singleline(&mut self.areas)
                        .hint_text("codes, e.g. VNM, THA (empty: those in the database)")
                        .desired_width(380.0),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label("Indicators");
                ui.add(
                    egui::TextEdit::singleline(&mut self.indicators)
                        .hint_text("the file's codes, e.g. hdi, le (empty: those that match)")
                        .desired_width(380.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
        ui.checkbox(
            &mut self.replace,
            "Overwrite figures that differ from those stored for the same source",
        );
        let running = self.job.is_some();
        if let Some((job, dry_run)) = &self.job {
            ui.add(
                egui::ProgressBar::new(job.fraction())
                    .show_percentage()
                    .text(if *dry_run {
                        "Checking…"
                    } else {
                        "Importing…"
                    }),
            );
            if ui.button("Cancel").clicked() {
                job.cancel();
            }
            return None;
        }
        if let Some(error) = &self.error {
            ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
        }
        let mut result = None;
        if let Some(report) = self.report.clone() {
            // The report scrolls; the buttons below it stay in view.
            egui::ScrollArea::vertical()
                .id_salt("report")
                .max_height((ui.available_height() - 48.0).max(120.0))
                .show(ui, |ui| self.report_ui(ui, &report, indicators));
            ui.separator();
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!running, egui::Button::new("Check again"))
                    .clicked()
                {
                    result = Some(Outcome::Run(true));
                }
                if report.problem_count > 0 {
                    ui.checkbox(&mut self.skip_problems, "Leave out the rows with problems");
                }
                let can_import = report.problem_count == 0 || self.skip_problems;
                let verb = if report.committed {
                    "Import again"
                } else {
                    "Import"
                };
                if ui
                    .add_enabled(can_import && !running, egui::Button::new(verb))
                    .clicked()
                {
                    result = Some(Outcome::Run(false));
                }
                if ui.button("Close").clicked() {
                    result = Some(Outcome::Closed);
                }
            });
        }
        result
    }

    fn report_ui(&mut self, ui: &mut egui::Ui, report: &ImportReport, indicators: &[Indicator]) {
        ui.label(
            RichText::new(format!(
                "Would add {}, change {}, leave {} unchanged; {} skipped; {} missing values",
                report.added,
                report.changed,
                report.unchanged,
                report.skipped_total(),
                report.missing_values
            ))
            .strong(),
        );
        // Problems first: they decide whether the import can go ahead.
        if report.problem_count > 0 {
            self.problems_ui(ui, report);
        }
        for f in &report.files {
            let name = f
                .path
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            ui.label(format!(
                "{name}: {}{}",
                f.format.unwrap_or("not read"),
                f.source
                    .as_ref()
                    .map_or(String::new(), |s| format!(", source {s}"))
            ));
        }
        for (reason, n) in &report.skipped {
            ui.label(RichText::new(format!("Skipped {n}: {reason}")).weak());
        }
        for note in &report.notes {
            ui.label(RichText::new(note).weak());
        }
        if !report.unmatched_indicators.is_empty() {
            ui.collapsing(
                format!(
                    "Indicators not in the database ({})",
                    report.unmatched_indicators.len()
                ),
                |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("unmatched")
                        .max_height(140.0)
                        .show(ui, |ui| {
                            for (key, name) in &report.unmatched_indicators {
                                ui.horizontal(|ui| {
                                    let mut create = self.create.contains(key);
                                    if ui
                                        .checkbox(&mut create, format!("Create {key}: {name}"))
                                        .changed()
                                    {
                                        if create {
                                            self.create.insert(key.clone());
                                        } else {
                                            self.create.remove(key);
                                        }
                                    }
                                    let current =
                                        self.mapping.get(key).cloned().unwrap_or_default();
                                    egui::ComboBox::from_id_salt(("map", key))
                                        .selected_text(if current.is_empty() {
                                            "or map onto…".to_owned()
                                        } else {
                                            current.clone()
                                        })
                                        .show_ui(ui, |ui| {
                                            if ui
                                                .selectable_label(
                                                    current.is_empty(),
                                                    "(no mapping)",
                                                )
                                                .clicked()
                                            {
                                                self.mapping.remove(key);
                                            }
                                            for i in indicators {
                                                if ui
                                                    .selectable_label(
                                                        current == i.code,
                                                        format!("{} — {}", i.code, i.name),
                                                    )
                                                    .clicked()
                                                {
                                                    self.mapping
                                                        .insert(key.clone(), i.code.clone());
                                                }
                                            }
                                        });
                                });
                            }
                        });
                },
            );
        }
    }

    fn problems_ui(&mut self, ui: &mut egui::Ui, report: &ImportReport) {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!(
                    "{} problem{}",
                    report.problem_count,
                    if report.problem_count == 1 { "" } else { "s" }
                ))
                .color(ui.visuals().warn_fg_color)
                .strong(),
            );
            if ui.button("Copy problems").clicked() {
                ui.ctx().copy_text(problems_tsv(&report.problems));
            }
        });
        let mut problems: Vec<&Problem> = report.problems.iter().collect();
        let (by, ascending) = self.sort;
        problems.sort_by(|a, b| {
            let order = match by {
                SortBy::File => (&a.file, a.line).cmp(&(&b.file, b.line)),
                SortBy::Line => a.line.cmp(&b.line),
                SortBy::Column => a.column.cmp(&b.column),
                SortBy::Value => a.raw.cmp(&b.raw),
                SortBy::Reason => a.reason.cmp(&b.reason),
            };
            if ascending { order } else { order.reverse() }
        });
        egui::ScrollArea::both()
            .id_salt("problems")
            .max_height(220.0)
            .show(ui, |ui| {
                egui::Grid::new("problem list")
                    .striped(true)
                    .show(ui, |ui| {
                        for (column, name) in [
                            (SortBy::File, "File"),
                            (SortBy::Line, "Line"),
                            (SortBy::Column, "Column"),
                            (SortBy::Value, "Value"),
                            (SortBy::Reason, "Reason"),
                        ] {
                            let arrow = if self.sort.0 == column {
                                if self.sort.1 { " (a–z)" } else { " (z–a)" }
                            } else {
                                ""
                            };
                            if ui.button(format!("{name}{arrow}")).clicked() {
                                self.sort = (
                                    column,
                                    if self.sort.0 == column {
                                        !self.sort.1
                                    } else {
                                        true
                                    },
                                );
                            }
                        }
                        ui.end_row();
                        for p in problems {
                            ui.label(&p.file);
                            ui.label(if p.line > 0 {
                                p.line.to_string()
                            } else {
                                String::new()
                            });
                            ui.label(p.column.as_deref().unwrap_or(""));
                            ui.label(&p.raw);
                            ui.scope(|ui| {
                                ui.set_max_width(420.0);
                                ui.add(egui::Label::new(&p.reason).wrap());
                            });
                            ui.end_row();
                        }
                    });
            });
    }
}

/// The problems as tab-separated text, for pasting into a spreadsheet.
pub fn problems_tsv(problems: &[Problem]) -> String {
    let mut text = String::from("file\tline\tcolumn\tvalue\treason\n");
    for p in problems {
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            clean(&p.file),
            p.line,
            clean(p.column.as_deref().unwrap_or("")),
            clean(&p.raw),
            clean(&p.reason)
        ));
    }
    text
}
