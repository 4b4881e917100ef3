//! The import dialog: a dry run first, its report and problem list, then the import itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use egui::RichText;

use crate::locale::Messages;
use crate::model::Indicator;
use crate::workspace::jobs::ImportJob;
use crate::workspace::{ImportOptions, ImportOutcome, ImportReport, Problem};

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
    /// The unit of figures whose file does not say it, as the user typed it.
    unit: String,
    /// The workbook's sheets, and the one chosen (`None`: the first Chiso reads).
    sheets: Vec<String>,
    sheet: Option<String>,
    job: Option<(ImportJob, bool)>,
    report: Option<ImportReport>,
    /// The options the running job and the report shown were made with: a report of other
    /// options than those on screen is out of date, and imports nothing until checked again.
    running_for: Option<ImportOptions>,
    report_for: Option<ImportOptions>,
    error: Option<String>,
    sort: (SortBy, bool),
}

impl ImportDialog {
    pub fn new(files: Vec<PathBuf>) -> ImportDialog {
        ImportDialog {
            sheets: crate::workspace::workbook_sheets(&files),
            sheet: None,
            unit: String::new(),
            files,
            areas: String::new(),
            indicators: String::new(),
            create: BTreeSet::new(),
            mapping: BTreeMap::new(),
            replace: false,
            skip_problems: false,
            job: None,
            report: None,
            running_for: None,
            report_for: None,
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
            unit: Some(self.unit.trim().to_owned()).filter(|u| !u.is_empty()),
            sheet: self.sheet.clone(),
        }
    }

    /// Whether the last check found a file that says no unit: the dialog then asks for it.
    fn asks_unit(&self) -> bool {
        !self.unit.is_empty()
            || self.report.as_ref().is_some_and(|r| {
                r.problems
                    .iter()
                    .any(|p| p.reason == crate::workspace::Reason::OwidNoMetadata)
            })
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
        self.running_for = Some(self.checked_options());
        self.error = None;
    }

    /// The options as a check sees them (skipping problems changes what an import would do,
    /// which the report already says, not what the check finds).
    fn checked_options(&self) -> ImportOptions {
        ImportOptions {
            skip_problems: false,
            ..self.options(true)
        }
    }

    /// One frame of the dialog: shows the job's progress or its report, and says what the
    /// user asked for.
    pub fn ui(&mut self, ctx: &egui::Context, t: &Messages, indicators: &[Indicator]) -> Outcome {
        let mut outcome = Outcome::Open;
        if let Some((job, dry_run)) = &mut self.job
            && let Some(result) = job.poll()
        {
            let dry_run = *dry_run;
            self.job = None;
            match result {
                Ok(report)
                    if !dry_run
                        && report.committed
                        && report.added + report.changed + report.unchanged > 0 =>
                {
                    let said = report.outcome(&ImportOptions::default());
                    outcome = Outcome::Imported(super::errors::import_outcome(t, &said));
                }
                Ok(report) => {
                    self.report = Some(report);
                    self.report_for = self.running_for.take();
                }
                Err(e) => self.error = Some(e),
            }
        }
        if self.job.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let mut open = true;
        let screen = ctx.content_rect();
        egui::Window::new(t.get("pick-import"))
            .id(egui::Id::unique("import figures"))
            .open(&mut open)
            .default_size([760.0, 560.0])
            .max_height(screen.height() - 60.0)
            .default_pos(screen.center() - egui::vec2(380.0, 300.0))
            .resizable(true)
            .collapsible(false)
            .show(ctx, |ui| {
                if let Some(o) = self.contents_ui(ui, t, indicators) {
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

    fn contents_ui(
        &mut self,
        ui: &mut egui::Ui,
        t: &Messages,
        indicators: &[Indicator],
    ) -> Option<Outcome> {
        for f in &self.files {
            ui.label(RichText::new(f.display().to_string()).monospace());
        }
        ui.separator();
        egui::Grid::new("import options")
            .num_columns(2)
            .show(ui, |ui| {
                let label = ui.label(t.get("import-areas"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.areas)
                        .hint_text(t.get("import-areas-hint"))
                        .desired_width(380.0),
                )
                .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(t.get("import-indicators"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.indicators)
                        .hint_text(t.get("import-indicators-hint"))
                        .desired_width(380.0),
                )
                .labelled_by(label.id);
                ui.end_row();
                if self.sheets.len() > 1 {
                    let label = ui.label(t.get("import-sheet"));
                    let first = t.get("import-sheet-first");
                    egui::ComboBox::from_id_salt("import sheet")
                        .selected_text(self.sheet.clone().unwrap_or_else(|| first.clone()))
                        .width(380.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut self.sheet, None, first);
                            for sheet in &self.sheets {
                                ui.selectable_value(
                                    &mut self.sheet,
                                    Some(sheet.clone()),
                                    sheet.as_str(),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                }
                if self.asks_unit() {
                    let label = ui.label(t.get("import-unit"));
                    ui.add(
                        egui::TextEdit::singleline(&mut self.unit)
                            .hint_text(t.get("import-unit-hint"))
                            .desired_width(380.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                }
            });
        ui.checkbox(&mut self.replace, t.get("import-replace"));
        let running = self.job.is_some();
        if let Some((job, dry_run)) = &self.job {
            ui.add(
                egui::ProgressBar::new(job.fraction())
                    .show_percentage()
                    .text(t.get(if *dry_run {
                        "import-checking"
                    } else {
                        "import-importing"
                    })),
            );
            if ui.button(t.get("cancel")).clicked() {
                job.cancel();
            }
            return None;
        }
        if let Some(error) = &self.error {
            ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
        }
        let mut result = None;
        let stale = self.report_for.as_ref() != Some(&self.checked_options());
        if let Some(report) = self.report.clone() {
            // The report scrolls; the buttons below it stay in view.
            egui::ScrollArea::vertical()
                .id_salt("report")
                .max_height((ui.available_height() - 48.0).max(120.0))
                .show(ui, |ui| self.report_ui(ui, t, &report, indicators));
            ui.separator();
            if stale {
                ui.label(RichText::new(t.get("import-stale")).color(ui.visuals().warn_fg_color));
            }
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!running, egui::Button::new(t.get("import-check-again")))
                    .clicked()
                {
                    result = Some(Outcome::Run(true));
                }
                if report.problem_count > 0 {
                    ui.checkbox(&mut self.skip_problems, t.get("import-skip-problems"));
                }
                // Only a run that would import something, or find it all there already.
                let can_import = matches!(
                    report.outcome_if_run(self.skip_problems),
                    ImportOutcome::Imported { .. } | ImportOutcome::UpToDate { .. }
                );
                let verb = t.get(if report.committed {
                    "import-again"
                } else {
                    "import-run"
                });
                if ui
                    .add_enabled(can_import && !running && !stale, egui::Button::new(verb))
                    .clicked()
                {
                    result = Some(Outcome::Run(false));
                }
                if ui.button(t.get("close")).clicked() {
                    result = Some(Outcome::Closed);
                }
            });
        }
        result
    }

    fn report_ui(
        &mut self,
        ui: &mut egui::Ui,
        t: &Messages,
        report: &ImportReport,
        indicators: &[Indicator],
    ) {
        ui.label(
            RichText::new(t.with(
                "import-would",
                &[
                    ("added", report.added.into()),
                    ("changed", report.changed.into()),
                    ("unchanged", report.unchanged.into()),
                    ("skipped", report.skipped_total().into()),
                    ("missing", report.missing_values.into()),
                ],
            ))
            .strong(),
        );
        let would = report.outcome_if_run(self.skip_problems);
        if !matches!(would, ImportOutcome::Imported { .. }) {
            ui.label(RichText::new(super::errors::import_outcome(t, &would)).strong());
        }
        // Problems first: they decide whether the import can go ahead.
        if report.problem_count > 0 {
            self.problems_ui(ui, t, report);
        }
        for f in &report.files {
            let name = f
                .path
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            let format = f.format.map_or_else(
                || t.get("import-not-read"),
                |name| super::errors::import_format(t, name),
            );
            ui.label(match &f.source {
                Some(source) => t.with(
                    "import-file-source",
                    &[
                        ("file", name.into()),
                        ("format", format.into()),
                        ("source", source.into()),
                    ],
                ),
                None => format!("{name}: {format}"),
            });
        }
        for (reason, n) in &report.skipped {
            let text = t.with(
                "import-skipped",
                &[
                    ("count", (*n).into()),
                    ("reason", super::errors::import_skip(t, reason).into()),
                ],
            );
            ui.label(RichText::new(text).weak());
        }
        if !report.unknown_area_names.is_empty() {
            let names = crate::text::clip(report.unknown_area_names.join(", "), 200);
            let text = t.with(
                "import-unknown-areas",
                &[
                    ("count", report.unknown_area_names.len().into()),
                    ("names", names.into()),
                ],
            );
            ui.label(RichText::new(text).weak());
        }
        if report.left_out_problems > 0 {
            let text = t.with(
                "import-left-out-problems",
                &[("count", report.left_out_problems.into())],
            );
            ui.label(RichText::new(text).weak());
        }
        for note in &report.notes {
            ui.label(RichText::new(super::errors::import_note(t, note)).weak());
        }
        // A name in common is offered, never taken: the user maps it below, or creates it.
        for (key, code) in &report.name_matches {
            let text = t.with(
                "import-same-name",
                &[("key", key.into()), ("code", code.into())],
            );
            ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
        }
        if !report.unmatched_indicators.is_empty() {
            ui.collapsing(
                t.with(
                    "import-unmatched",
                    &[("count", report.unmatched_indicators.len().into())],
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
                                        .checkbox(
                                            &mut create,
                                            t.with(
                                                "import-create",
                                                &[("code", key.into()), ("name", name.into())],
                                            ),
                                        )
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
                                            t.get("import-map-onto")
                                        } else {
                                            current.clone()
                                        })
                                        .show_ui(ui, |ui| {
                                            if ui
                                                .selectable_label(
                                                    current.is_empty(),
                                                    t.get("import-no-mapping"),
                                                )
                                                .clicked()
                                            {
                                                self.mapping.remove(key);
                                            }
                                            for i in indicators {
                                                if ui
                                                    .selectable_label(
                                                        current == i.code,
                                                        format!(
                                                            "{} — {}",
                                                            i.code,
                                                            i.name.get(t.language())
                                                        ),
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

    fn problems_ui(&mut self, ui: &mut egui::Ui, t: &Messages, report: &ImportReport) {
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(t.with("import-problems", &[("count", report.problem_count.into())]))
                    .color(ui.visuals().warn_fg_color)
                    .strong(),
            );
            if ui.button(t.get("import-copy-problems")).clicked() {
                ui.ctx().copy_text(problems_tsv(t, &report.problems));
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
                SortBy::Reason => super::errors::import_reason(t, &a.reason)
                    .cmp(&super::errors::import_reason(t, &b.reason)),
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
                            (SortBy::File, "problem-file"),
                            (SortBy::Line, "problem-line"),
                            (SortBy::Column, "problem-column"),
                            (SortBy::Value, "problem-value"),
                            (SortBy::Reason, "problem-reason"),
                        ] {
                            let name = t.get(name);
                            let arrow = if self.sort.0 == column {
                                format!(
                                    " ({})",
                                    t.get(if self.sort.1 {
                                        "sort-ascending"
                                    } else {
                                        "sort-descending"
                                    })
                                )
                            } else {
                                String::new()
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
                                let reason = super::errors::import_reason(t, &p.reason);
                                ui.add(egui::Label::new(reason).wrap());
                            });
                            ui.end_row();
                        }
                    });
            });
    }
}

/// The problems as tab-separated text, for pasting into a spreadsheet.
pub fn problems_tsv(t: &Messages, problems: &[Problem]) -> String {
    let heading = [
        "problem-file",
        "problem-line",
        "problem-column",
        "problem-value",
        "problem-reason",
    ]
    .map(|h| t.get(h))
    .join("\t");
    let mut text = heading + "\n";
    for p in problems {
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            clean(&p.file),
            p.line,
            clean(p.column.as_deref().unwrap_or("")),
            clean(&p.raw),
            clean(&super::errors::import_reason(t, &p.reason))
        ));
    }
    text
}
