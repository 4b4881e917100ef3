//! File → Backups…: the open file's automatic backups, newest first, where they are kept, and
//! putting one back (asked first; the file as it is now is backed up before).

use egui::RichText;

use super::app::Command;
use crate::locale::{Messages, local_moment};
use crate::workspace::{BackupFile, BackupPlace, Workspace};

/// The window's state while it is open.
#[derive(Default)]
pub struct BackupsWindow {
    /// The backups, read when the window opened or after a change of place.
    pub list: Vec<BackupFile>,
    /// The folder they are in (`None`: backups are off).
    pub folder: Option<std::path::PathBuf>,
    /// A restore waiting for the user's yes.
    pub confirm: Option<BackupFile>,
    /// Whether `list` must be read again.
    pub stale: bool,
}

impl BackupsWindow {
    pub fn read(&mut self, ws: &Workspace) {
        let backups = ws.backups();
        self.folder = backups.map(|b| b.folder().to_path_buf());
        self.list = backups.map(|b| b.list()).unwrap_or_default();
        self.stale = false;
    }
}

/// Returns false when the window is closed.
pub fn ui(
    ctx: &egui::Context,
    t: &Messages,
    window: &mut BackupsWindow,
    place: &BackupPlace,
    commands: &mut Vec<Command>,
) -> bool {
    let mut open = true;
    egui::Window::new(t.get("backups-title"))
        .id(egui::Id::unique("backups window"))
        .open(&mut open)
        .default_size([640.0, 420.0])
        .show(ctx, |ui| {
            ui.label(t.get("backups-explained"));
            ui.horizontal(|ui| {
                ui.label(t.get("backups-place"));
                for (choice, label) in [
                    (BackupPlace::DataFolder, "backups-place-data"),
                    (BackupPlace::BesideFile, "backups-place-beside"),
                    (BackupPlace::Off, "backups-place-off"),
                ] {
                    if ui.radio(*place == choice, t.get(label)).clicked() && *place != choice {
                        commands.push(Command::SetBackupPlace(choice));
                    }
                }
                // A folder of the environment's (or of `chiso backups --keep FOLDER`).
                if matches!(place, BackupPlace::Folder(_)) {
                    let _ = ui.radio(true, t.get("backups-place-other"));
                }
            });
            match &window.folder {
                Some(folder) => {
                    ui.label(
                        RichText::new(t.with(
                            "backups-folder",
                            &[("folder", folder.display().to_string().into())],
                        ))
                        .weak(),
                    );
                }
                None => {
                    ui.label(RichText::new(t.get("backups-off")).color(ui.visuals().warn_fg_color));
                }
            }
            if window.folder.is_some() && ui.button(t.get("backups-take-now")).clicked() {
                commands.push(Command::BackUpNow);
            }
            ui.separator();
            if let Some(backup) = window.confirm.clone() {
                ui.label(
                    RichText::new(t.with(
                        "backups-confirm",
                        &[("taken", local_moment(t.language(), backup.taken).into())],
                    ))
                    .strong(),
                );
                ui.horizontal(|ui| {
                    if ui.button(t.get("backups-restore-yes")).clicked() {
                        commands.push(Command::RestoreBackup(backup.path));
                    }
                    if ui.button(t.get("cancel")).clicked() {
                        window.confirm = None;
                    }
                });
                return;
            }
            if window.list.is_empty() {
                ui.label(t.get("backups-none"));
                return;
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("backups list")
                    .num_columns(3)
                    .striped(true)
                    .show(ui, |ui| {
                        for backup in &window.list {
                            ui.label(local_moment(t.language(), backup.taken));
                            ui.label(size(t, backup.bytes));
                            if ui.button(t.get("backups-restore")).clicked() {
                                window.confirm = Some(backup.clone());
                            }
                            ui.end_row();
                        }
                    });
            });
        });
    open
}

fn size(t: &Messages, bytes: u64) -> String {
    // One decimal, and never "0 MB" for a file that holds something.
    let megabytes = (bytes as f64 / (1024.0 * 1024.0) * 10.0).round().max(1.0) / 10.0;
    t.with("backups-size", &[("megabytes", megabytes.into())])
}
