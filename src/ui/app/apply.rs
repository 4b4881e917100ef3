//! Running the commands a frame queued: the only place the window's state changes.

use std::path::Path;

use super::{ChisoApp, Command, Tab};
use crate::locale::Messages;
use crate::ui::backups::BackupsWindow;
use crate::ui::dialogs::{PathPrompt, Picked};
use crate::ui::errors;
use crate::ui::export_dialog::{ExportDialog, ordered};
use crate::ui::import_dialog::ImportDialog;
use crate::ui::present::Presentation;
use crate::workspace::{StoreError, Workspace, restore_backup};

impl ChisoApp {
    /// Runs the queued commands.
    pub fn apply(&mut self) {
        // A command may queue its follow-up (a file chosen in a dialog, then opened): run
        // those too, in the same frame. No command queues itself, so this ends.
        for _ in 0..4 {
            if self.commands.is_empty() {
                break;
            }
            for command in std::mem::take(&mut self.commands) {
                if let Err(e) = self.run(command) {
                    self.error = Some(errors::store(self.t(), &e));
                }
            }
        }
        self.remember_selection();
        self.refresh_audit();
        self.refresh_forms();
    }

    /// Runs one command, by what it is about.
    fn run(&mut self, command: Command) -> Result<(), StoreError> {
        use Command as C;
        match command {
            C::Open(_)
            | C::AskFile(_)
            | C::Quit
            | C::SetDark(_)
            | C::SetLanguage(_)
            | C::ShowTab(_)
            | C::DismissError => {
                self.run_window(command);
                Ok(())
            }
            C::OpenBackups | C::SetBackupPlace(_) | C::BackUpNow | C::RestoreBackup(_) => {
                self.run_backups(command);
                Ok(())
            }
            C::StartImport(_)
            | C::ImportForm(_)
            | C::WriteForm(_)
            | C::RunImport { .. }
            | C::OpenExportChart
            | C::ExportChart { .. }
            | C::CopyChart(_)
            | C::ExportData { .. }
            | C::ExportDeck(..)
            | C::ExportDeckPdf(..) => self.run_files(command),
            C::OpenExchange(_)
            | C::MakeCopy { .. }
            | C::SendChanges { .. }
            | C::OpenPackage(_)
            | C::ApplyPackage => {
                self.run_exchange(command);
                Ok(())
            }
            C::EditCells(_)
            | C::ResolveConflict(_)
            | C::Undo
            | C::Redo
            | C::AddColumn(..)
            | C::OpenForms
            | C::SaveRecord { .. }
            | C::AskDeleteRecord { .. }
            | C::DeleteRecord { .. }
            | C::Revert(_) => self.run_editing(command),
            C::SaveView(_)
            | C::OpenView(_)
            | C::RenameView(..)
            | C::DeleteView(_)
            | C::MoveView(..)
            | C::Present(_)
            | C::Slide(_) => self.run_deck(command),
            C::SelectIndicator(_)
            | C::AddIndicator(_)
            | C::ToggleSeries(..)
            | C::SetHidden(..)
            | C::SetTransform(_)
            | C::SetLogScale(_)
            | C::SetYears(_)
            | C::SetKind(_)
            | C::SetRanking(_)
            | C::SetMap(_)
            | C::ShowAreaOverTime(_)
            | C::PickArea(_) => match self.workspace.as_mut() {
                Some(ws) => select(ws, command),
                None => Ok(()),
            },
        }
    }

    /// What the window does whether or not a file is open.
    fn run_window(&mut self, command: Command) {
        match command {
            Command::Open(path) => self.open(&path),
            Command::AskFile(request) => match self.dialogs.pick(&request, self.t()) {
                Picked::Chosen(paths) => self.commands.extend(request.then(paths)),
                Picked::Cancelled => {}
                Picked::Unavailable => {
                    let folder = self
                        .workspace
                        .as_ref()
                        .and_then(|ws| ws.path().parent().map(Path::to_path_buf));
                    self.path_prompt = Some(PathPrompt::new(request, folder.as_deref(), self.t()));
                }
            },
            Command::Quit => self.quit = true,
            Command::SetDark(dark) => self.state.dark = dark,
            Command::SetLanguage(language) => {
                self.state.language = language;
                if let Some(ws) = &mut self.workspace {
                    ws.set_language(language);
                }
                // Forms show numbers the language's way: read them again.
                if let Some(forms) = &mut self.forms {
                    forms.read_for = None;
                }
            }
            Command::ShowTab(tab) => self.state.tab = tab,
            Command::DismissError => self.error = None,
            _ => {}
        }
    }

    /// File → Backups…: the list, the place, a restore.
    fn run_backups(&mut self, command: Command) {
        let t = self.t();
        match command {
            Command::OpenBackups => {
                if let Some(ws) = &self.workspace {
                    let mut window = BackupsWindow::default();
                    window.read(ws);
                    self.backups = Some(window);
                }
            }
            Command::SetBackupPlace(place) => {
                if let Some(ws) = &mut self.workspace {
                    if let Err(e) = ws.set_backup_place(&place) {
                        self.error = Some(t.with(
                            "backups-place-not-saved",
                            &[("detail", e.to_string().into())],
                        ));
                    }
                    self.backup_place = place;
                    if let Some(window) = &mut self.backups {
                        window.read(ws);
                    }
                }
            }
            Command::BackUpNow => {
                if let Some(ws) = &self.workspace {
                    match ws.back_up_now() {
                        Ok(taken) => {
                            self.status =
                                Some(t.with("backups-taken", &[("backup", taken.name().into())]));
                        }
                        Err(e) => self.error = Some(errors::store(t, &e)),
                    }
                    if let Some(window) = &mut self.backups {
                        window.read(ws);
                    }
                }
            }
            Command::RestoreBackup(backup) => {
                if self.importing() {
                    self.error = Some(t.get("backups-busy-importing"));
                    return;
                }
                let Some(ws) = self.workspace.take() else {
                    return;
                };
                let path = ws.path().to_path_buf();
                // The file is closed while it is restored, and opened again as restored.
                drop(ws);
                let restored = restore_backup(&path, &backup);
                self.open(&path);
                match restored {
                    Ok(_) => {
                        let name = backup
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        self.status = Some(t.with("backups-restored", &[("backup", name.into())]));
                        self.backups = None;
                    }
                    Err(e) => {
                        self.error = Some(t.with(
                            "backups-restore-failed",
                            &[("detail", e.to_string().into())],
                        ));
                        if let (Some(window), Some(ws)) = (&mut self.backups, &self.workspace) {
                            window.confirm = None;
                            window.read(ws);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Copies of the open file and the packages of changes they exchange.
    fn run_exchange(&mut self, command: Command) {
        use crate::ui::exchange_dialog::{ExchangeWindow, MergeDialog};
        let t = self.t();
        let editor = self.state.editor_name(t);
        let Some(ws) = self.workspace.as_mut() else {
            return;
        };
        match command {
            Command::OpenExchange(true) => {
                self.exchange = Some(ExchangeWindow::Copy {
                    name: String::new(),
                })
            }
            Command::OpenExchange(false) => match ws.identity() {
                Ok(identity) => {
                    // A copy sends to where it came from first.
                    let to = identity.peers.iter().position(|p| p.origin).unwrap_or(0);
                    self.exchange = Some(ExchangeWindow::Send {
                        peers: identity.peers,
                        to,
                        since: Default::default(),
                    });
                }
                Err(e) => self.error = Some(errors::store(t, &e)),
            },
            Command::MakeCopy { path, name } => match ws.make_copy(&path, &name, &editor) {
                Ok(_) => {
                    let path = path.display().to_string();
                    self.status = Some(t.with(
                        "exchange-copy-made",
                        &[("name", name.into()), ("path", path.into())],
                    ));
                }
                Err(e) => self.error = Some(errors::store(t, &e)),
            },
            Command::SendChanges { path, to, since } => {
                match ws.send_changes(&path, Some(&to), since, &editor) {
                    Ok(header) => {
                        let path = path.display().to_string();
                        self.status = Some(t.with(
                            "exchange-sent",
                            &[
                                ("count", header.changes().into()),
                                ("to", header.to_name.into()),
                                ("path", path.into()),
                            ],
                        ));
                    }
                    Err(e) => self.error = Some(errors::store(t, &e)),
                }
            }
            Command::OpenPackage(path) => match ws.plan_package(&path) {
                Ok((package, plan)) => {
                    let dialog = MergeDialog::new(package, plan, ws, t);
                    self.exchange = Some(ExchangeWindow::Merge(Box::new(dialog)));
                }
                Err(e) => self.error = Some(errors::store(t, &e)),
            },
            Command::ApplyPackage => {
                let Some(ExchangeWindow::Merge(dialog)) = self.exchange.take() else {
                    return;
                };
                match ws.apply_package(&dialog.package, &dialog.decisions()) {
                    Ok(plan) => {
                        self.status = Some(t.with(
                            "exchange-applied",
                            &[
                                ("count", plan.changes.len().into()),
                                ("from", plan.header.from_name.into()),
                                ("editor", plan.header.editor.into()),
                            ],
                        ));
                    }
                    Err(e) => {
                        self.error = Some(errors::store(t, &e));
                        self.exchange = Some(ExchangeWindow::Merge(dialog));
                    }
                }
            }
            _ => {}
        }
    }

    /// Imports and exports: files in, charts and figures out.
    fn run_files(&mut self, command: Command) -> Result<(), StoreError> {
        let t = self.t();
        let Some(ws) = self.workspace.as_mut() else {
            return Ok(());
        };
        match command {
            Command::StartImport(files) => match ws.read_only() {
                None => {
                    // A filled entry form goes through the grid's checks in its own dialog.
                    let (forms, files): (Vec<_>, Vec<_>) = files
                        .into_iter()
                        .partition(|p| crate::workspace::entry_form::is_form(p));
                    if let Some(path) = forms.into_iter().next() {
                        let options = crate::workspace::entry_form::FormOptions {
                            dry_run: true,
                            skip_problems: false,
                            by: Some(self.state.editor_name(t)),
                        };
                        let report = ws
                            .import_form(&path, &options)
                            .map_err(|e| errors::form(t, &e));
                        self.form = Some(crate::ui::form_dialog::FormDialog { path, report });
                    }
                    if !files.is_empty() {
                        let mut dialog = ImportDialog::new(files);
                        dialog.start(ws.path(), &self.state.editor_name(t), true);
                        self.import = Some(dialog);
                    }
                }
                Some(reason) => {
                    let reason = errors::read_only(t, reason);
                    self.error = Some(t.with("import-refused", &[("reason", reason.into())]));
                }
            },
            Command::ImportForm(path) => {
                let options = crate::workspace::entry_form::FormOptions {
                    dry_run: false,
                    skip_problems: false,
                    by: Some(self.state.editor_name(t)),
                };
                match ws.import_form(&path, &options) {
                    Ok(report) => {
                        self.status = Some(t.with(
                            "form-imported",
                            &[
                                ("added", report.added.into()),
                                ("changed", report.changed.into()),
                                ("editor", report.editor.into()),
                            ],
                        ));
                    }
                    Err(e) => self.error = Some(errors::form(t, &e)),
                }
            }
            Command::WriteForm(path) => match ws.write_template(None, &path) {
                Ok(rows) => {
                    let path = path.display().to_string();
                    self.status = Some(t.with(
                        "form-written",
                        &[("count", rows.into()), ("path", path.into())],
                    ));
                }
                Err(e) => self.error = Some(errors::form(t, &e)),
            },
            Command::RunImport { dry_run } => {
                if let Some(dialog) = &mut self.import {
                    dialog.start(ws.path(), &self.state.editor_name(t), dry_run);
                }
            }
            Command::OpenExportChart => {
                let defaults = crate::locale::Language::ALL
                    .into_iter()
                    .map(|language| {
                        let d = ws.description_in(language);
                        (language, d.title, d.subtitle)
                    })
                    .collect();
                let stem = ws
                    .selected()
                    .map_or_else(|| t.get("file-chart-stem"), str::to_owned);
                let note = ws.spec().note.clone();
                self.export = Some(ExportDialog::new(defaults, (&stem, &note), t.language()));
            }
            Command::ExportChart {
                path,
                format,
                order,
            } => {
                let description = ordered(ws, &order);
                match crate::export::write_file(&description, format, &order.options, &path) {
                    Ok(()) => {
                        let path = path.display().to_string();
                        self.status = Some(t.with("chart-saved", &[("path", path.into())]));
                    }
                    Err(e) => self.error = Some(errors::export(t, &e)),
                }
            }
            Command::CopyChart(order) => {
                let description = ordered(ws, &order);
                let picture = crate::export::svg(&description, &order.options)
                    .and_then(|svg| crate::export::png::rgba(&svg, order.options.scale));
                match picture {
                    Ok((w, h, pixels)) => {
                        let size = [w as usize, h as usize];
                        self.clipboard_image =
                            Some(egui::ColorImage::from_rgba_unmultiplied(size, &pixels));
                        self.status = Some(t.get("chart-copied"));
                    }
                    Err(e) => self.error = Some(errors::export(t, &e)),
                }
            }
            Command::ExportData {
                path,
                selection_only,
            } => {
                let workbook = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
                let written = if workbook {
                    ws.export_workbook(&path, selection_only)
                        .map(|w| w.figures as u64)
                } else {
                    ws.export_data(&path, selection_only)
                        .map_err(crate::workspace::WorkbookError::Store)
                };
                match written {
                    Ok(n) => {
                        let path = path.display().to_string();
                        self.status = Some(t.with(
                            "data-written",
                            &[("count", n.into()), ("path", path.into())],
                        ));
                    }
                    Err(e) => self.error = Some(errors::workbook(t, &e)),
                }
            }
            Command::ExportDeck(dir, language) => {
                let options = crate::export::ExportOptions::default();
                let language = language.unwrap_or(t.language());
                match ws.export_deck(&dir, crate::export::Format::Png, &options, language) {
                    Ok(files) => {
                        let dir = dir.display().to_string();
                        self.status = Some(t.with(
                            "deck-written",
                            &[("count", files.len().into()), ("path", dir.into())],
                        ))
                    }
                    Err(e) => self.error = Some(errors::deck(t, &e)),
                }
            }
            Command::ExportDeckPdf(path, language) => {
                let options = crate::export::ExportOptions::default();
                let file = ws
                    .path()
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let title = crate::locale::Messages::of(language)
                    .with("deck-document-title", &[("file", file.into())]);
                let author = self.state.editor.clone();
                match ws.export_deck_pdf(&path, &options, language, (&title, &author), true) {
                    Ok(pages) => {
                        let path = path.display().to_string();
                        self.status = Some(t.with(
                            "deck-pdf-written",
                            &[("count", pages.into()), ("path", path.into())],
                        ))
                    }
                    Err(e) => self.error = Some(errors::deck(t, &e)),
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Figures typed, pasted, undone or reverted, and the lists of the file.
    fn run_editing(&mut self, command: Command) -> Result<(), StoreError> {
        let t = self.t();
        let Some(ws) = self.workspace.as_mut() else {
            return Ok(());
        };
        let editor = &self.state.editor_name(t);
        match command {
            Command::EditCells(inputs) => match ws.edit_cells(editor, &inputs) {
                // A refused value is marked on its cell, with the reason, as well as said.
                Err(refused @ StoreError::Refused(_)) => {
                    if let Some(first) = inputs.first() {
                        self.grid.refused = Some((
                            first.key.clone(),
                            first.year,
                            first.text.clone(),
                            errors::store(t, &refused),
                        ));
                        // A value typed into one cell stays there to be corrected.
                        self.grid.reopen_refused = inputs.len() == 1;
                    }
                    Err(refused)
                }
                // Someone else changed a cell meanwhile: show both and let the user choose.
                Err(conflict @ StoreError::Conflict { .. }) => {
                    self.conflict = Some((inputs, errors::store(t, &conflict)));
                    ws.reload()
                }
                // The value fixed: the cell's refusal and its message go.
                Ok(()) => {
                    let fixed = self.grid.refused.as_ref().is_some_and(|(key, year, ..)| {
                        inputs.iter().any(|i| &i.key == key && i.year == *year)
                    });
                    if fixed {
                        self.grid.refused = None;
                        self.error = None;
                    }
                    Ok(())
                }
                other => other,
            },
            Command::ResolveConflict(mine) => match self.conflict.take() {
                Some((mut inputs, _)) if mine => {
                    // Written over what is there now, knowingly.
                    inputs.iter_mut().for_each(|i| i.based_on = None);
                    ws.edit_cells(editor, &inputs)
                }
                _ => Ok(()),
            },
            Command::Undo => ws.undo(editor),
            Command::Redo => ws.redo(editor),
            Command::AddColumn(area, subgroup, source) => ws.add_column(&area, &subgroup, &source),
            Command::OpenForms => {
                self.forms.get_or_insert_with(Default::default).read_for = None;
                Ok(())
            }
            Command::SaveRecord { table, id, values } => {
                ws.save_record(editor, table, id, &values)?;
                if let Some(f) = &mut self.forms {
                    f.editing = None;
                }
                self.status = Some(t.get("record-saved"));
                Ok(())
            }
            Command::AskDeleteRecord { table, id } => match ws.dependents(table, id)? {
                0 => ws.delete_record(editor, table, id, false),
                n => {
                    if let Some(f) = &mut self.forms {
                        f.confirm = Some((id, n));
                    }
                    Ok(())
                }
            },
            Command::DeleteRecord {
                table,
                id,
                with_figures,
            } => ws.delete_record(editor, table, id, with_figures),
            Command::Revert(id) => ws.revert(editor, id),
            _ => Ok(()),
        }
    }

    /// The deck of saved views and the slide show.
    fn run_deck(&mut self, command: Command) -> Result<(), StoreError> {
        let Some(ws) = self.workspace.as_mut() else {
            return Ok(());
        };
        let editor = &self.state.editor_name(Messages::of(self.state.language));
        match command {
            Command::SaveView(name) => ws.save_view(editor, &name),
            Command::OpenView(i) => ws.open_view(i),
            Command::RenameView(id, name) => ws.rename_view(editor, id, &name),
            Command::DeleteView(id) => ws.delete_view(editor, id),
            Command::MoveView(id, by) => ws.move_view(editor, id, by),
            Command::Present(true) if !ws.views().is_empty() => {
                self.presentation = Some(Presentation::new(ws.spec().clone()));
                self.fullscreen = Some(true);
                ws.open_view(0)
            }
            Command::Present(true) => Ok(()),
            Command::Present(false) => {
                self.fullscreen = Some(false);
                match self.presentation.take() {
                    Some(show) => ws.set_spec(show.previous),
                    None => Ok(()),
                }
            }
            Command::Slide(n) => match &mut self.presentation {
                Some(show) => {
                    show.index = n.min(ws.views().len().saturating_sub(1));
                    ws.open_view(show.index)
                }
                None => Ok(()),
            },
            _ => Ok(()),
        }
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
            Err(e) => self.error = Some(errors::store(Messages::of(self.state.language), &e)),
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
            ws.revision(),
        );
        if self.audit.read_for.as_ref() == Some(&key) {
            return;
        }
        let editor = Some(key.1.as_str()).filter(|e| !e.is_empty());
        match ws.audit_entries(key.0, editor) {
            Ok(entries) => {
                let language = self.state.language;
                self.audit.names = entries
                    .iter()
                    .map(|e| ws.audit_row_names(e, language))
                    .collect();
                self.audit.entries = entries;
            }
            Err(e) => self.error = Some(errors::store(Messages::of(self.state.language), &e)),
        }
        self.audit.read_for = Some(key);
    }
}

/// What the user chose to see.
fn select(ws: &mut Workspace, command: Command) -> Result<(), StoreError> {
    match command {
        Command::SelectIndicator(code) => ws.select_indicator(&code),
        Command::AddIndicator(code) => ws.add_indicator(&code),
        Command::ToggleSeries(code, series) => ws.toggle_series(&code, &series),
        Command::SetHidden(key, hidden) => ws.set_hidden(&key, hidden),
        Command::SetTransform(t) => ws.set_transform(t),
        Command::SetLogScale(on) => ws.set_log_scale(on),
        Command::SetYears(years) => ws.set_years(years),
        Command::SetKind(kind) => ws.set_kind(kind),
        Command::SetRanking(ranking) => ws.set_ranking(ranking),
        Command::ShowAreaOverTime(area) => ws.show_area_over_time(&area),
        Command::PickArea(area) => ws.pick_area(&area),
        Command::SetMap(map) => ws.set_map(map),
        _ => Ok(()),
    }
}
