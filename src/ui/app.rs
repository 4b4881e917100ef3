//! `ChisoApp`: what is kept between runs, what the user asked for, and the frame's layout.
//!
//! Widgets push [`Command`]s during the frame; [`ChisoApp::apply`] runs them afterwards, so
//! every change of state goes through one place and can be tested without a window.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::export_dialog::{ChartOrder, ExportDialog};
use super::import_dialog::{self, ImportDialog};
use super::present::{self, Presentation};
use super::{audit, card, catalogue, chart_view, forms, grid, sources, table, views};
use crate::chart::{ChartSpec, SeriesKey, Transform};
use crate::store::query::SeriesInfo;
use crate::workspace::Workspace;

/// How many files the File → Open recent menu remembers.
const RECENT_FILES: usize = 8;

/// How often the window looks for changes made to the file by other programs.
const RELOAD_CHECK_SECS: f64 = 1.0;

/// What is kept between runs (eframe persistence).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub recent_files: Vec<PathBuf>,
    pub dark: bool,
    pub filter: String,
    pub tab: Tab,
    /// The last chart shown, restored when the same file opens again.
    pub last_file: Option<PathBuf>,
    pub last_spec: Option<ChartSpec>,
    pub last_indicator: Option<String>,
    /// The name the audit log gives this user's changes; the operating-system user at first.
    pub editor: String,
    /// Whether the user has confirmed that name (asked once, in the Edit tab).
    pub editor_confirmed: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            recent_files: Vec::new(),
            dark: false,
            filter: String::new(),
            tab: Tab::default(),
            last_file: None,
            last_spec: None,
            last_indicator: None,
            editor: crate::store::edit::default_editor(),
            editor_confirmed: false,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tab {
    #[default]
    Chart,
    Table,
    Edit,
    Audit,
}

/// What the user asked for during a frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Open(PathBuf),
    SelectIndicator(String),
    /// Adds an indicator's headline series beside what is shown.
    AddIndicator(String),
    ToggleSeries(SeriesInfo),
    SetHidden(SeriesKey, bool),
    SetTransform(Transform),
    SetLogScale(bool),
    SetYears(Option<(i32, i32)>),
    SetDark(bool),
    ShowTab(Tab),
    DismissError,
    /// Opens the import dialog on these files; it starts with a dry run.
    StartImport(Vec<PathBuf>),
    /// Saves the chart shown as a view of the deck, under this name.
    SaveView(String),
    OpenView(usize),
    RenameView(i64, String),
    DeleteView(i64),
    /// Moves a view earlier (-1) or later (+1) in the deck.
    MoveView(i64, i64),
    /// Starts (true) or leaves (false) the slide show.
    Present(bool),
    /// Shows slide `n` of the deck.
    Slide(usize),
    /// Draws every slide into a folder, numbered in deck order.
    ExportDeck(PathBuf),
    /// Writes what was typed or pasted in the grid, as one undoable edit.
    EditCells(Vec<crate::editing::CellInput>),
    Undo,
    Redo,
    /// A grid column for figures not entered yet: area, subgroup, source.
    AddColumn(String, String, String),
    /// After a conflict: write the user's values over the others' (true), or keep theirs.
    ResolveConflict(bool),
    OpenForms,
    SaveRecord {
        table: &'static str,
        id: Option<i64>,
        values: Vec<String>,
    },
    /// Deleting: first count what goes with the record, and ask if anything does.
    AskDeleteRecord {
        table: &'static str,
        id: i64,
    },
    DeleteRecord {
        table: &'static str,
        id: i64,
        with_figures: bool,
    },
    /// Takes back the recorded change with this audit id.
    Revert(i64),
    /// Opens the "Export chart" dialog on the chart shown.
    OpenExportChart,
    /// Draws the chart shown to a file.
    ExportChart {
        path: PathBuf,
        format: crate::export::Format,
        order: ChartOrder,
    },
    /// Draws the chart shown and puts the picture on the clipboard, for pasting into slides.
    CopyChart(ChartOrder),
    /// Writes the figures on the chart (or all, with `None`) as Chiso's long CSV.
    ExportData {
        path: PathBuf,
        selection_only: bool,
    },
}

pub struct ChisoApp {
    pub state: State,
    workspace: Option<Workspace>,
    /// The last error, shown until dismissed, in words a person understands.
    error: Option<String>,
    commands: Vec<Command>,
    last_reload_check: f64,
    shown_title: String,
    import: Option<ImportDialog>,
    export: Option<ExportDialog>,
    /// A picture waiting to go to the clipboard at the next frame (the clipboard is the
    /// context's, which `apply` does not hold).
    clipboard_image: Option<egui::ColorImage>,
    presentation: Option<Presentation>,
    /// A change of full screen to ask of the window at the next frame.
    fullscreen: Option<bool>,
    views: views::Editing,
    /// A line saying what the last action did ("Imported: 34 added…").
    status: Option<String>,
    grid: grid::GridState,
    audit: audit::AuditState,
    forms: Option<forms::Forms>,
    /// An edit refused because a cell changed meanwhile: the inputs and the message.
    conflict: Option<(Vec<crate::editing::CellInput>, String)>,
}

impl ChisoApp {
    /// Opens `file`, or else the last file, or else `sample`. An error to open is shown in
    /// the window, not raised.
    pub fn new(state: State, file: Option<PathBuf>, sample: Option<PathBuf>) -> ChisoApp {
        let mut app = ChisoApp {
            state,
            workspace: None,
            error: None,
            commands: Vec::new(),
            last_reload_check: 0.0,
            shown_title: String::new(),
            import: None,
            export: None,
            clipboard_image: None,
            presentation: None,
            fullscreen: None,
            views: views::Editing::default(),
            grid: grid::GridState::default(),
            audit: audit::AuditState::default(),
            forms: None,
            conflict: None,
            status: None,
        };
        let first = file
            .or_else(|| app.state.last_file.clone().filter(|p| p.exists()))
            .or(sample);
        if let Some(path) = first {
            app.open(&path);
        }
        app
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        self.workspace.as_ref()
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Queues a command, as a widget would.
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    fn open(&mut self, path: &Path) {
        match Workspace::open(path) {
            Ok(mut workspace) => {
                let same_file = self.state.last_file.as_deref() == Some(path);
                if same_file {
                    // Restore the last chart of this file; a stale selection is just dropped.
                    if let Some(spec) = self.state.last_spec.clone() {
                        let _ = workspace.set_spec(spec);
                    } else if let Some(code) = self.state.last_indicator.clone() {
                        let _ = workspace.select_indicator(&code);
                    }
                }
                // Start on the indicator whose chart has the most figures: the richest chart
                // to begin with.
                if workspace.selected().is_none()
                    && let Some(first) = workspace
                        .catalogue()
                        .iter()
                        .rev() // the first of equals: the top of the list
                        .max_by_key(|r| r.entry.chart_figures)
                {
                    let code = first.entry.indicator.code.clone();
                    let _ = workspace.select_indicator(&code);
                }
                self.state.recent_files.retain(|p| p != path);
                self.state.recent_files.insert(0, path.to_path_buf());
                self.state.recent_files.truncate(RECENT_FILES);
                self.state.last_file = Some(path.to_path_buf());
                self.workspace = Some(workspace);
                self.error = None;
                self.remember_selection();
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    fn remember_selection(&mut self) {
        if let Some(ws) = &self.workspace {
            self.state.last_indicator = ws.selected().map(str::to_owned);
            self.state.last_spec = Some(ws.spec().clone());
        }
    }

    /// Runs the queued commands.
    pub fn apply(&mut self) {
        for command in std::mem::take(&mut self.commands) {
            let result = match (command, self.workspace.as_mut()) {
                (Command::Open(path), _) => {
                    self.open(&path);
                    Ok(())
                }
                (Command::SetDark(dark), _) => {
                    self.state.dark = dark;
                    Ok(())
                }
                (Command::ShowTab(tab), _) => {
                    self.state.tab = tab;
                    Ok(())
                }
                (Command::DismissError, _) => {
                    self.error = None;
                    Ok(())
                }
                (Command::StartImport(files), Some(ws)) if ws.read_only().is_none() => {
                    self.import = Some(ImportDialog::new(files));
                    Ok(())
                }
                (Command::StartImport(_), Some(ws)) => {
                    self.error = ws.read_only().map(|r| format!("Cannot import: {r}"));
                    Ok(())
                }
                (Command::EditCells(inputs), Some(ws)) => {
                    match ws.edit_cells(&self.state.editor, &inputs) {
                        // A refused value is marked on its cell, with the reason, as well as said.
                        Err(refused @ crate::store::StoreError::Invalid(_)) => {
                            if let Some(first) = inputs.first() {
                                self.grid.refused = Some((
                                    first.key.clone(),
                                    first.year,
                                    first.text.clone(),
                                    refused.to_string(),
                                ));
                            }
                            Err(refused)
                        }
                        // Someone else changed a cell meanwhile: show both and let the user choose.
                        Err(conflict @ crate::store::StoreError::Conflict { .. }) => {
                            self.conflict = Some((inputs, conflict.to_string()));
                            ws.reload()
                        }
                        other => other,
                    }
                }
                (Command::ResolveConflict(mine), Some(ws)) => match self.conflict.take() {
                    Some((mut inputs, _)) if mine => {
                        // Written over what is there now, knowingly.
                        inputs.iter_mut().for_each(|i| i.based_on = None);
                        ws.edit_cells(&self.state.editor, &inputs)
                    }
                    _ => Ok(()),
                },
                (Command::Undo, Some(ws)) => ws.undo(&self.state.editor),
                (Command::AddColumn(area, subgroup, source), Some(ws)) => {
                    ws.add_column(&area, &subgroup, &source)
                }
                (Command::OpenForms, Some(_)) => {
                    self.forms.get_or_insert_with(Default::default).read_for = None;
                    Ok(())
                }
                (Command::SaveRecord { table, id, values }, Some(ws)) => ws
                    .save_record(&self.state.editor, table, id, &values)
                    .map(|_| {
                        if let Some(f) = &mut self.forms {
                            f.editing = None;
                        }
                        self.status = Some("Saved".into());
                    }),
                (Command::AskDeleteRecord { table, id }, Some(ws)) => {
                    match ws.dependents(table, id) {
                        Ok(0) => ws.delete_record(&self.state.editor, table, id, false),
                        Ok(n) => {
                            if let Some(f) = &mut self.forms {
                                f.confirm = Some((id, n));
                            }
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                (
                    Command::DeleteRecord {
                        table,
                        id,
                        with_figures,
                    },
                    Some(ws),
                ) => ws.delete_record(&self.state.editor, table, id, with_figures),
                (Command::Revert(id), Some(ws)) => ws.revert(&self.state.editor, id),
                (Command::Redo, Some(ws)) => ws.redo(&self.state.editor),
                (Command::SaveView(name), Some(ws)) => ws.save_view(&self.state.editor, &name),
                (Command::OpenView(i), Some(ws)) => ws.open_view(i),
                (Command::RenameView(id, name), Some(ws)) => {
                    ws.rename_view(&self.state.editor, id, &name)
                }
                (Command::DeleteView(id), Some(ws)) => ws.delete_view(&self.state.editor, id),
                (Command::MoveView(id, by), Some(ws)) => ws.move_view(&self.state.editor, id, by),
                (Command::Present(true), Some(ws)) if !ws.views().is_empty() => {
                    self.presentation = Some(Presentation::new(ws.spec().clone()));
                    self.fullscreen = Some(true);
                    ws.open_view(0)
                }
                (Command::Present(true), Some(_)) => Ok(()),
                (Command::Present(false), Some(ws)) => {
                    self.fullscreen = Some(false);
                    match self.presentation.take() {
                        Some(show) => ws.set_spec(show.previous),
                        None => Ok(()),
                    }
                }
                (Command::Slide(n), Some(ws)) => match &mut self.presentation {
                    Some(show) => {
                        show.index = n.min(ws.views().len().saturating_sub(1));
                        ws.open_view(show.index)
                    }
                    None => Ok(()),
                },
                (Command::ExportDeck(dir), Some(ws)) => {
                    let options = crate::export::ExportOptions::default();
                    match ws.export_deck(&dir, crate::export::Format::Png, &options) {
                        Ok(files) => {
                            self.status = Some(format!(
                                "{} slides written to {}",
                                files.len(),
                                dir.display()
                            ))
                        }
                        Err(e) => self.error = Some(e),
                    }
                    Ok(())
                }
                (Command::OpenExportChart, Some(ws)) => {
                    let d = ws.description();
                    let stem = ws.selected().unwrap_or("chart").to_owned();
                    self.export = Some(ExportDialog::new(&d.title, &d.subtitle, &stem));
                    Ok(())
                }
                (
                    Command::ExportChart {
                        path,
                        format,
                        order,
                    },
                    Some(ws),
                ) => {
                    let description = ordered(ws, &order);
                    match crate::export::write_file(&description, format, &order.options, &path) {
                        Ok(()) => self.status = Some(format!("Chart saved to {}", path.display())),
                        Err(e) => self.error = Some(e.to_string()),
                    }
                    Ok(())
                }
                (Command::CopyChart(order), Some(ws)) => {
                    let description = ordered(ws, &order);
                    let picture = crate::export::svg(&description, &order.options)
                        .and_then(|svg| crate::export::png::rgba(&svg, order.options.scale));
                    match picture {
                        Ok((w, h, pixels)) => {
                            let size = [w as usize, h as usize];
                            self.clipboard_image =
                                Some(egui::ColorImage::from_rgba_unmultiplied(size, &pixels));
                            self.status = Some("Chart copied: paste it into your slides".into());
                        }
                        Err(e) => self.error = Some(e.to_string()),
                    }
                    Ok(())
                }
                (
                    Command::ExportData {
                        path,
                        selection_only,
                    },
                    Some(ws),
                ) => ws.export_data(&path, selection_only).map(|n| {
                    self.status = Some(format!("Wrote {n} figures to {}", path.display()));
                }),
                (_, None) => Ok(()),
                (Command::SelectIndicator(code), Some(ws)) => ws.select_indicator(&code),
                (Command::AddIndicator(code), Some(ws)) => ws.add_indicator(&code),
                (Command::ToggleSeries(series), Some(ws)) => ws.toggle_series(&series),
                (Command::SetHidden(key, hidden), Some(ws)) => ws.set_hidden(&key, hidden),
                (Command::SetTransform(t), Some(ws)) => ws.set_transform(t),
                (Command::SetLogScale(on), Some(ws)) => ws.set_log_scale(on),
                (Command::SetYears(years), Some(ws)) => ws.set_years(years),
            };
            if let Err(e) = result {
                self.error = Some(e.to_string());
            }
        }
        self.remember_selection();
        self.refresh_audit();
        self.refresh_forms();
    }

    /// Reads the records of the list shown again when the list or the file changed.
    fn refresh_forms(&mut self) {
        let (Some(forms), Some(ws)) = (&mut self.forms, &self.workspace) else {
            return;
        };
        let key = (forms.table, ws.data_version());
        if forms.read_for == Some(key) {
            return;
        }
        match ws.records(forms.table) {
            Ok(records) => forms.records = records,
            Err(e) => self.error = Some(e.to_string()),
        }
        forms.read_for = Some(key);
    }

    /// Reads the audit trail again when its filter or the file changed (never every frame).
    fn refresh_audit(&mut self) {
        let (Some(ws), Tab::Audit) = (&self.workspace, self.state.tab) else {
            return;
        };
        let key = (
            self.audit.only_selected,
            self.audit.editor.trim().to_owned(),
            ws.data_version(),
        );
        if self.audit.read_for.as_ref() == Some(&key) {
            return;
        }
        let editor = Some(key.1.as_str()).filter(|e| !e.is_empty());
        match ws.audit_entries(key.0, editor) {
            Ok(entries) => self.audit.entries = entries,
            Err(e) => self.error = Some(e.to_string()),
        }
        self.audit.read_for = Some(key);
    }

    /// One frame of the whole window.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let theme = if self.state.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        };
        // Setting the theme asks for a repaint: only when it changes, or the window would
        // never rest.
        if ctx.theme() != theme {
            ctx.set_theme(theme);
        }
        self.update_title(&ctx);
        self.watch_file(&ctx);
        self.take_dropped_files(&ctx);

        if let Some(on) = self.fullscreen.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        }
        if ctx.input(|i| i.key_pressed(egui::Key::F5)) && self.presentation.is_none() {
            self.commands.push(Command::Present(true));
        }
        if let (Some(show), Some(ws)) = (&mut self.presentation, &self.workspace) {
            present::keys(&ctx, show.index, ws.views().len(), &mut self.commands);
            egui::CentralPanel::default()
                .frame(
                    egui::Frame::new()
                        .fill(egui::Color32::WHITE)
                        .inner_margin(28.0),
                )
                .show(ui, |ui| present::ui(ui, ws, show));
            self.apply();
            return;
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        self.import_ui(&ctx);
        if let Some(f) = &mut self.forms {
            let read_only = self
                .workspace
                .as_ref()
                .is_none_or(|ws| ws.read_only().is_some());
            if !forms::ui(&ctx, f, read_only, &mut self.commands) {
                self.forms = None;
            }
        }
        if let Some(dialog) = &mut self.export
            && !dialog.ui(&ctx, &mut self.commands)
        {
            self.export = None;
        }
        if let Some(image) = self.clipboard_image.take() {
            ctx.copy_image(image);
        }
        if let Some(ws) = &self.workspace {
            egui::Panel::left("catalogue")
                .resizable(true)
                .default_size(330.0)
                .min_size(220.0)
                .show(ui, |ui| {
                    views::ui(ui, ws, &mut self.views, &mut self.commands);
                    ui.separator();
                    catalogue::ui(
                        ui,
                        ws,
                        &mut self.state.filter,
                        self.state.dark,
                        &mut self.commands,
                    );
                });
            egui::Panel::bottom("sources")
                .resizable(true)
                .default_size(120.0)
                .show(ui, |ui| sources::ui(ui, ws.description()));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(error) = &self.error {
                error_ui(ui, error, &mut self.commands);
            }
            if let Some((_, message)) = &self.conflict {
                egui::Frame::group(ui.style())
                    .stroke(egui::Stroke::new(1.5, ui.visuals().warn_fg_color))
                    .show(ui, |ui| {
                        ui.label(message);
                        ui.horizontal(|ui| {
                            if ui.button("Use my value").clicked() {
                                self.commands.push(Command::ResolveConflict(true));
                            }
                            if ui.button("Keep theirs").clicked() {
                                self.commands.push(Command::ResolveConflict(false));
                            }
                        });
                    });
            }
            if let Some(status) = &self.status {
                ui.label(egui::RichText::new(status).weak());
            }
            match &self.workspace {
                Some(ws) => {
                    if let Some(reason) = ws.read_only() {
                        ui.label(
                            egui::RichText::new(format!("Read-only: {reason}"))
                                .color(ui.visuals().warn_fg_color),
                        );
                    }
                    card::ui(ui, ws, self.state.dark);
                    ui.separator();
                    ui.horizontal(|ui| {
                        for (tab, name) in [
                            (Tab::Chart, "Chart"),
                            (Tab::Table, "Table"),
                            (Tab::Edit, "Edit"),
                            (Tab::Audit, "Audit trail"),
                        ] {
                            if ui.selectable_label(self.state.tab == tab, name).clicked() {
                                self.commands.push(Command::ShowTab(tab));
                            }
                        }
                    });
                    ui.horizontal(|ui| {
                        chart_view::controls_ui(ui, ws, &mut self.commands);
                        if ui.button("Export chart…").clicked() {
                            self.commands.push(Command::OpenExportChart);
                        }
                    });
                    match self.state.tab {
                        Tab::Chart => chart_view::ui(ui, ws, self.state.dark, &mut self.commands),
                        Tab::Table => table::ui(ui, ws),
                        Tab::Edit => {
                            if !self.state.editor_confirmed && ws.read_only().is_none() {
                                // Asked once: the name every change of this user is recorded under.
                                ui.horizontal(|ui| {
                                    let label = ui.label("Your name, for the audit trail");
                                    ui.add(
                                        egui::TextEdit::singleline(&mut self.state.editor)
                                            .desired_width(160.0),
                                    )
                                    .labelled_by(label.id);
                                    if ui.button("Keep this name").clicked()
                                        && !self.state.editor.trim().is_empty()
                                    {
                                        self.state.editor_confirmed = true;
                                    }
                                });
                            }
                            grid::ui(ui, ws, &mut self.grid, &mut self.commands)
                        }
                        Tab::Audit => audit::ui(
                            ui,
                            &mut self.audit,
                            ws.read_only().is_some(),
                            &mut self.commands,
                        ),
                    }
                }
                None => {
                    ui.vertical_centered(|ui| {
                        ui.add_space(80.0);
                        ui.heading("No database open");
                        ui.label("Use File, Open…, or drop a Chiso database onto this window");
                    });
                }
            }
        });
        self.apply();
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open…").clicked() {
                    let dialog = rfd::FileDialog::new()
                        .set_title("Open a Chiso database")
                        .add_filter("Chiso database", &["db", "sqlite", "sqlite3", "chiso"])
                        .add_filter("All files", &["*"]);
                    if let Some(path) = dialog.pick_file() {
                        self.commands.push(Command::Open(path));
                    }
                }
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
                let writable = self
                    .workspace
                    .as_ref()
                    .is_some_and(|ws| ws.read_only().is_none());
                if ui
                    .add_enabled(writable, egui::Button::new("Import…"))
                    .clicked()
                {
                    let dialog = rfd::FileDialog::new()
                        .set_title("Import figures")
                        .add_filter("Figures (CSV, JSON)", &["csv", "json", "txt"])
                        .add_filter("All files", &["*"]);
                    if let Some(files) = dialog.pick_files() {
                        self.commands.push(Command::StartImport(files));
                    }
                }
                let open = self.workspace.is_some();
                if ui
                    .add_enabled(open, egui::Button::new("Export chart…"))
                    .clicked()
                {
                    self.commands.push(Command::OpenExportChart);
                }
                for (label, selection_only) in
                    [("Export chart data…", true), ("Export all data…", false)]
                {
                    if ui.add_enabled(open, egui::Button::new(label)).clicked() {
                        let dialog = rfd::FileDialog::new()
                            .set_title(label.trim_end_matches('…'))
                            .set_file_name(if selection_only {
                                "chart-data.csv"
                            } else {
                                "all-data.csv"
                            })
                            .add_filter("CSV", &["csv"]);
                        if let Some(path) = dialog.save_file() {
                            self.commands.push(Command::ExportData {
                                path,
                                selection_only,
                            });
                        }
                    }
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Editor", |ui| {
                if ui
                    .add_enabled(self.workspace.is_some(), egui::Button::new("Manage lists…"))
                    .clicked()
                {
                    self.commands.push(Command::OpenForms);
                }
                // The name the audit log gives this user's changes; asked once, kept.
                let label = ui.label("Your name, for the audit trail");
                ui.add(egui::TextEdit::singleline(&mut self.state.editor).desired_width(180.0))
                    .labelled_by(label.id);
            });
            ui.menu_button("View", |ui| {
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

    fn import_ui(&mut self, ctx: &egui::Context) {
        let (Some(dialog), Some(ws)) = (&mut self.import, &self.workspace) else {
            return;
        };
        let indicators: Vec<_> = ws
            .catalogue()
            .iter()
            .map(|r| r.entry.indicator.clone())
            .collect();
        let path = ws.path().to_path_buf();
        match dialog.ui(ctx, &path, &self.state.editor, &indicators) {
            import_dialog::Outcome::Open => {}
            import_dialog::Outcome::Closed => self.import = None,
            import_dialog::Outcome::Imported(message) => {
                self.import = None;
                self.status = Some(message);
                if let Some(ws) = &mut self.workspace
                    && let Err(e) = ws.reload()
                {
                    self.error = Some(e.to_string());
                }
            }
        }
    }

    /// The slide shown, while presenting.
    pub fn slide(&self) -> Option<usize> {
        self.presentation.as_ref().map(|p| p.index)
    }

    /// Whether an import is running in the background.
    pub fn importing(&self) -> bool {
        self.import.as_ref().is_some_and(ImportDialog::is_running)
    }

    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.workspace {
            Some(ws) if ws.read_only().is_some() => {
                format!("{} (read-only) — Chiso", file_name(ws.path()))
            }
            Some(ws) => format!("{} — Chiso", file_name(ws.path())),
            None => "Chiso".to_owned(),
        };
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// Picks up edits made by another Chiso or another tool, about once a second.
    fn watch_file(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if now - self.last_reload_check < RELOAD_CHECK_SECS {
            return;
        }
        self.last_reload_check = now;
        if let Some(ws) = &mut self.workspace
            && let Err(e) = ws.reload_if_changed()
        {
            self.error = Some(e.to_string());
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(RELOAD_CHECK_SECS));
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        if let Some(path) = dropped {
            self.commands.push(Command::Open(path));
        }
    }

    /// The title shown for the open file.
    pub fn title(&self) -> &str {
        &self.shown_title
    }
}

impl eframe::App for ChisoApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ChisoApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
    }
}

/// The chart shown, with the title and subtitle the user gave for the export.
fn ordered(ws: &Workspace, order: &ChartOrder) -> crate::chart::ChartDescription {
    let mut description = ws.description().clone();
    if !order.title.trim().is_empty() {
        description.title = order.title.clone();
    }
    description.subtitle = order.subtitle.clone();
    description
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn error_ui(ui: &mut egui::Ui, error: &str, commands: &mut Vec<Command>) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().extreme_bg_color)
        .stroke(egui::Stroke::new(1.5, ui.visuals().error_fg_color))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(error).color(ui.visuals().error_fg_color));
                if ui.button("Dismiss").clicked() {
                    commands.push(Command::DismissError);
                }
            });
        });
}
