//! `ChisoApp`: the window's state and the frame's layout.
//!
//! | module    | holds                                                        |
//! |-----------|--------------------------------------------------------------|
//! | (this)    | [`ChisoApp`]: what is open and shown, and one frame's layout  |
//! | `state`   | [`State`]: what is kept between runs                          |
//! | `command` | [`Command`]: what the user asked for during a frame           |
//! | `apply`   | [`ChisoApp::apply`]: running the commands, the only place state changes |
//! | `menu`    | the menu bar                                                  |
//!
//! Widgets push [`Command`]s during the frame; [`ChisoApp::apply`] runs them afterwards, so
//! every change of state goes through one place and can be tested without a window.

mod apply;
mod command;
mod menu;
mod state;

use std::path::{Path, PathBuf};

pub use command::Command;
pub use state::{State, Tab};

use super::actions::{self, Action};
use super::dialogs::{FileDialogs, NativeDialogs, PathPrompt};
use super::export_dialog::ExportDialog;
use super::import_dialog::{self, ImportDialog};
use super::present::{self, Presentation};
use super::{
    audit, card, catalogue, chart_view, errors, forms, grid, ranking_view, sources, table, views,
};
use crate::chart::ChartKind;
use crate::locale::Messages;
use crate::workspace::{CellInput, Workspace};

/// How many files the File → Open recent menu remembers.
const RECENT_FILES: usize = 8;

/// How long the status line stays, in seconds.
const STATUS_SECS: f64 = 8.0;

/// How often the window looks for changes made to the file by other programs.
const RELOAD_CHECK_SECS: f64 = 1.0;

pub struct ChisoApp {
    pub state: State,
    workspace: Option<Workspace>,
    /// The last error, shown until dismissed, in words a person understands.
    error: Option<String>,
    commands: Vec<Command>,
    last_reload_check: f64,
    shown_title: String,
    import: Option<ImportDialog>,
    /// A filled entry form being imported.
    form: Option<super::form_dialog::FormDialog>,
    /// The help window open (shortcuts or About).
    help: Option<super::help::HelpWindow>,
    /// Making a copy, sending changes or merging a package, while open.
    exchange: Option<super::exchange_dialog::ExchangeWindow>,
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
    /// The status line shown, and since when (the input's time): it goes after a while.
    status_since: Option<(String, f64)>,
    grid: grid::GridState,
    audit: audit::AuditState,
    forms: Option<forms::Forms>,
    /// File → Backups…, while open.
    backups: Option<crate::ui::backups::BackupsWindow>,
    /// Where backups go (the user's choice, or the environment's).
    backup_place: crate::workspace::BackupPlace,
    /// An edit refused because a cell changed meanwhile: the inputs and the message.
    conflict: Option<(Vec<CellInput>, String)>,
    /// The file dialogs: the desktop's, or a test's.
    dialogs: Box<dyn FileDialogs>,
    /// A path asked for in the window, where no file dialog can open.
    path_prompt: Option<PathPrompt>,
    /// The user asked to close the window.
    quit: bool,
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
            form: None,
            help: None,
            exchange: None,
            export: None,
            clipboard_image: None,
            presentation: None,
            fullscreen: None,
            views: views::Editing::default(),
            grid: grid::GridState::default(),
            audit: audit::AuditState::default(),
            forms: None,
            backups: None,
            backup_place: crate::workspace::BackupPlace::chosen(),
            conflict: None,
            status: None,
            status_since: None,
            dialogs: Box::new(NativeDialogs),
            path_prompt: None,
            quit: false,
        };
        let first = file
            .or_else(|| app.state.last_file.clone().filter(|p| p.exists()))
            .or(sample);
        if let Some(path) = first {
            app.open(&path);
        }
        app
    }

    /// Uses `dialogs` in place of the desktop's file dialogs (tests answer them).
    pub fn with_dialogs(mut self, dialogs: impl FileDialogs + 'static) -> ChisoApp {
        self.dialogs = Box::new(dialogs);
        self
    }

    /// The path field shown because no file dialog can open, if any.
    pub fn path_prompt(&self) -> Option<&PathPrompt> {
        self.path_prompt.as_ref()
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
                workspace.set_language(self.state.language);
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
            Err(e) => self.error = Some(errors::open(self.t(), &e)),
        }
    }

    /// The window's words, in the language chosen.
    pub(super) fn t(&self) -> &'static Messages {
        Messages::of(self.state.language)
    }

    fn remember_selection(&mut self) {
        if let Some(ws) = &self.workspace {
            self.state.last_indicator = ws.selected().map(str::to_owned);
            self.state.last_spec = Some(ws.spec().clone());
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.window_ui(&ctx);
        if let (Some(show), Some(ws)) = (&mut self.presentation, &self.workspace) {
            present::keys(&ctx, show.index, ws.views().len(), &mut self.commands);
            egui::CentralPanel::default()
                .frame(
                    egui::Frame::new()
                        .fill(egui::Color32::WHITE)
                        .inner_margin(28.0),
                )
                .show(ui, |ui| present::ui(ui, ws, show));
            self.apply_and_repaint(&ctx);
            return;
        }
        let t = self.t();
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        self.dialogs_ui(&ctx);
        self.side_panels_ui(ui);
        egui::CentralPanel::default().show(ui, |ui| {
            self.banners_ui(ui);
            if self.workspace.is_some() {
                self.workspace_ui(ui);
            } else {
                ui.vertical_centered(|ui| {
                    ui.add_space(80.0);
                    ui.heading(t.get("no-database"));
                    ui.label(t.get("no-database-hint"));
                    // A file refused at start leaves the window here: the way on, at hand.
                    ui.add_space(12.0);
                    if ui.button(Action::Open.label(t)).clicked() {
                        self.commands.push(Action::Open.command());
                    }
                });
            }
        });
        self.apply_and_repaint(&ctx);
    }

    /// Runs the frame's commands; the frame drawn before them is out of date, so another is
    /// asked for (a language switched in the menu shows at once, not at the next mouse move).
    fn apply_and_repaint(&mut self, ctx: &egui::Context) {
        let any = !self.commands.is_empty();
        self.apply();
        if any {
            ctx.request_repaint();
        }
    }

    /// What the window itself does each frame: theme, title, the file watched, dropped files,
    /// full screen, closing, and the window-wide shortcuts.
    fn window_ui(&mut self, ctx: &egui::Context) {
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
        self.update_title(ctx);
        self.watch_file(ctx);
        self.take_dropped_files(ctx);
        if let Some(on) = self.fullscreen.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        }
        if self.quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.presentation.is_none() {
            let writable = self
                .workspace
                .as_ref()
                .is_some_and(|ws| ws.read_only().is_none());
            let open = self.workspace.is_some();
            let shortcuts = actions::window_shortcuts(ctx, |action| match action {
                Action::Import => writable,
                Action::Open | Action::Quit => true,
                _ => open,
            });
            self.commands.extend(shortcuts);
        }
    }

    /// The windows over the main one: import, lists, path field, chart export.
    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let t = self.t();
        self.import_ui(ctx);
        if let Some(f) = &mut self.forms {
            let read_only = self
                .workspace
                .as_ref()
                .is_none_or(|ws| ws.read_only().is_some());
            if !forms::ui(ctx, t, f, read_only, &mut self.commands) {
                self.forms = None;
            }
        }
        if let Some(window) = &mut self.backups
            && !crate::ui::backups::ui(ctx, t, window, &self.backup_place, &mut self.commands)
        {
            self.backups = None;
        }
        if let Some(prompt) = &mut self.path_prompt
            && !prompt.ui(ctx, t, &mut self.commands)
        {
            self.path_prompt = None;
        }
        if let Some(which) = self.help
            && !super::help::ui(ctx, t, which)
        {
            self.help = None;
        }
        if let Some(dialog) = &self.form
            && !super::form_dialog::ui(ctx, t, dialog, &mut self.commands)
        {
            self.form = None;
        }
        if let Some(window) = &mut self.exchange
            && !super::exchange_dialog::ui(ctx, t, window, &mut self.commands)
        {
            self.exchange = None;
        }
        if let Some(dialog) = &mut self.export
            && !dialog.ui(ctx, t, self.workspace.as_ref(), &mut self.commands)
        {
            self.export = None;
        }
        if let Some(image) = self.clipboard_image.take() {
            ctx.copy_image(image);
        }
    }

    /// The deck and catalogue at the left, the sources at the bottom.
    fn side_panels_ui(&mut self, ui: &mut egui::Ui) {
        let Some(ws) = &self.workspace else {
            return;
        };
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

    /// The error, a conflict to resolve, and what the last action did.
    fn banners_ui(&mut self, ui: &mut egui::Ui) {
        let t = self.t();
        if let Some(error) = &self.error {
            error_ui(ui, t, error, &mut self.commands);
        }
        if let Some((_, message)) = &self.conflict {
            egui::Frame::group(ui.style())
                .stroke(egui::Stroke::new(1.5, ui.visuals().warn_fg_color))
                .show(ui, |ui| {
                    ui.label(message);
                    ui.horizontal(|ui| {
                        if ui.button(t.get("conflict-use-mine")).clicked() {
                            self.commands.push(Command::ResolveConflict(true));
                        }
                        if ui.button(t.get("conflict-keep-theirs")).clicked() {
                            self.commands.push(Command::ResolveConflict(false));
                        }
                    });
                });
        }
        self.status_ui(ui.ctx());
    }

    /// What the last action did ("Imported…", "Chart saved to…"), over the window's bottom
    /// right corner rather than in the layout, which it would push under the pointer; it goes
    /// by itself after a while, or on a click.
    fn status_ui(&mut self, ctx: &egui::Context) {
        let Some(status) = self.status.clone() else {
            self.status_since = None;
            return;
        };
        let now = ctx.input(|i| i.time);
        let since = match &self.status_since {
            Some((shown, since)) if *shown == status => *since,
            _ => {
                self.status_since = Some((status.clone(), now));
                now
            }
        };
        if now - since > STATUS_SECS {
            self.status = None;
            self.status_since = None;
            return;
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(
            (STATUS_SECS - (now - since)).max(0.1),
        ));
        let clicked = egui::Area::new(egui::Id::unique("status line"))
            .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -16.0])
            .order(egui::Order::Foreground)
            .interactable(true)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style())
                    .show(ui, |ui| {
                        ui.set_max_width(520.0);
                        ui.label(&status)
                    })
                    .response
            })
            .inner
            .interact(egui::Sense::click())
            .clicked();
        if clicked {
            self.status = None;
            self.status_since = None;
        }
    }

    /// The open file: its headline card, the tabs, the chart's controls and the tab shown.
    fn workspace_ui(&mut self, ui: &mut egui::Ui) {
        let t = self.t();
        let Some(ws) = &self.workspace else {
            return;
        };
        if let Some(reason) = ws.read_only() {
            let reason = errors::read_only(t, reason);
            ui.label(
                egui::RichText::new(t.with("read-only-because", &[("reason", reason.into())]))
                    .color(ui.visuals().warn_fg_color),
            );
        }
        card::ui(ui, ws, self.state.dark);
        ui.separator();
        ui.horizontal(|ui| {
            for (tab, name) in [
                (Tab::Chart, "tab-chart"),
                (Tab::Table, "tab-table"),
                (Tab::Edit, "tab-edit"),
                (Tab::Audit, "tab-audit"),
            ] {
                if ui
                    .selectable_label(self.state.tab == tab, t.get(name))
                    .clicked()
                {
                    self.commands.push(Command::ShowTab(tab));
                }
            }
        });
        chart_view::controls_ui(ui, ws, &mut self.commands);
        match self.state.tab {
            Tab::Chart if ws.spec().kind == ChartKind::Ranking => {
                ranking_view::ui(ui, ws, self.state.dark)
            }
            Tab::Chart if ws.spec().kind == ChartKind::Map => {
                super::map_view::ui(ui, ws, &mut self.commands)
            }
            Tab::Chart => chart_view::ui(ui, ws, self.state.dark, &mut self.commands),
            Tab::Table => table::ui(ui, ws, &mut self.commands),
            Tab::Edit => {
                if !self.state.editor_confirmed && ws.read_only().is_none() {
                    // Asked once: the name every change of this user is recorded under.
                    ui.horizontal(|ui| {
                        let label = ui.label(t.get("editor-name"));
                        ui.add(
                            egui::TextEdit::singleline(&mut self.state.editor).desired_width(160.0),
                        )
                        .labelled_by(label.id);
                        if ui.button(t.get("editor-keep-name")).clicked()
                            && !self.state.editor.trim().is_empty()
                        {
                            self.state.editor_confirmed = true;
                        }
                    });
                }
                // A form for the provinces to fill in Excel, of what the grid shows.
                if ui
                    .button(t.get("form-make"))
                    .on_hover_text(t.get("form-make-hint"))
                    .clicked()
                {
                    self.commands
                        .push(Command::AskFile(super::dialogs::FileRequest::SaveForm));
                }
                grid::ui(ui, ws, &mut self.grid, &mut self.commands)
            }
            Tab::Audit => audit::ui(
                ui,
                ws.language(),
                &mut self.audit,
                ws.read_only().is_some(),
                &mut self.commands,
            ),
        }
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
        match dialog.ui(ctx, Messages::of(self.state.language), &indicators) {
            import_dialog::Outcome::Open => {}
            import_dialog::Outcome::Run(dry_run) => {
                self.commands.push(Command::RunImport { dry_run });
            }
            import_dialog::Outcome::Closed => self.import = None,
            import_dialog::Outcome::Imported(message) => {
                self.import = None;
                self.status = Some(message);
                if let Some(ws) = &mut self.workspace
                    && let Err(e) = ws.reload()
                {
                    self.error = Some(errors::store(Messages::of(self.state.language), &e));
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
            Some(ws) if ws.read_only().is_some() => self.t().with(
                "window-title-read-only",
                &[("file", file_name(ws.path()).into())],
            ),
            Some(ws) => self
                .t()
                .with("window-title", &[("file", file_name(ws.path()).into())]),
            None => "Chiso".to_owned(),
        };
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    /// Picks up edits made by another Chiso or another tool, about once a second.
    fn watch_file(&mut self, ctx: &egui::Context) {
        if let Some(ws) = &mut self.workspace {
            ws.poll_integrity();
        }
        let now = ctx.input(|i| i.time);
        if now - self.last_reload_check < RELOAD_CHECK_SECS {
            return;
        }
        self.last_reload_check = now;
        if let Some(ws) = &mut self.workspace
            && let Err(e) = ws.reload_if_changed()
        {
            self.error = Some(errors::store(Messages::of(self.state.language), &e));
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
        crate::workspace::preferences::save_language(self.state.language);
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn error_ui(ui: &mut egui::Ui, t: &Messages, error: &str, commands: &mut Vec<Command>) {
    egui::Frame::group(ui.style())
        .fill(ui.visuals().extreme_bg_color)
        .stroke(egui::Stroke::new(1.5, ui.visuals().error_fg_color))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(error).color(ui.visuals().error_fg_color));
                if ui.button(t.get("dismiss")).clicked() {
                    commands.push(Command::DismissError);
                }
            });
        });
}
