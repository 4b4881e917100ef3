//! File dialogs, behind a small trait so that tests replace them, and the path field the
//! window offers where no native dialog can open.
//!
//! A widget never opens a dialog: it pushes [`Command::AskFile`] with a [`FileRequest`], and
//! [`ChisoApp::apply`] asks the app's [`FileDialogs`]. What was chosen becomes the request's
//! follow-up command ([`FileRequest::then`]). On a desktop with neither the XDG desktop portal
//! nor `zenity`, a native dialog would return at once as if cancelled; the window says so and
//! shows a [`PathPrompt`] instead of doing nothing.
//!
//! [`ChisoApp::apply`]: super::ChisoApp::apply

use std::path::{Path, PathBuf};

use super::app::Command;
use super::export_dialog::ChartOrder;
use crate::export::Format;
use crate::locale::{Language, Messages};

/// What a file is asked for, and what is done with it.
#[derive(Clone, Debug, PartialEq)]
pub enum FileRequest {
    OpenDatabase,
    /// Files of figures to import (several at once).
    Import,
    /// Where to save the chart shown.
    SaveChart {
        file_name: String,
        format: Format,
        order: ChartOrder,
    },
    /// Where to write figures: those on the chart, or all; as Chiso's long CSV, or as an
    /// Excel workbook when the name chosen ends in `.xlsx` (`workbook`: proposed first).
    SaveData {
        selection_only: bool,
        workbook: bool,
    },
    /// The folder the deck's slides go into, and the language of their words (`None`: the
    /// window's).
    DeckFolder {
        language: Option<Language>,
    },
    /// Where the deck goes as one PDF, in `language`.
    SaveDeckPdf {
        language: Language,
    },
    /// Where an entry form for the provinces goes.
    SaveForm,
    /// Where a copy of the open file for `name` goes.
    SaveCopy {
        name: String,
    },
    /// Where a package of the changes for the file `to` (its copy id) goes.
    SavePackage {
        to: String,
        to_name: String,
        since: crate::workspace::exchange::Since,
    },
    /// A package of changes to merge.
    OpenPackage,
}

/// How a request is answered: one file to open, several, a file to save, or a folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickKind {
    OpenOne,
    OpenMany,
    Save,
    Folder,
}

impl FileRequest {
    pub fn title(&self, t: &Messages) -> String {
        t.get(match self {
            FileRequest::OpenDatabase => "pick-open-database",
            FileRequest::Import => "pick-import",
            FileRequest::SaveChart { .. } => "pick-save-chart",
            FileRequest::SaveData {
                selection_only: true,
                ..
            } => "pick-save-chart-data",
            FileRequest::SaveData {
                selection_only: false,
                ..
            } => "pick-save-all-data",
            FileRequest::DeckFolder { .. } => "pick-deck-folder",
            FileRequest::SaveDeckPdf { .. } => "pick-deck-pdf",
            FileRequest::SaveForm => "pick-save-form",
            FileRequest::SaveCopy { .. } => "pick-save-copy",
            FileRequest::SavePackage { .. } => "pick-save-package",
            FileRequest::OpenPackage => "pick-open-package",
        })
    }

    pub fn kind(&self) -> PickKind {
        match self {
            FileRequest::OpenDatabase | FileRequest::OpenPackage => PickKind::OpenOne,
            FileRequest::Import => PickKind::OpenMany,
            FileRequest::SaveChart { .. }
            | FileRequest::SaveData { .. }
            | FileRequest::SaveDeckPdf { .. }
            | FileRequest::SaveForm
            | FileRequest::SaveCopy { .. }
            | FileRequest::SavePackage { .. } => PickKind::Save,
            FileRequest::DeckFolder { .. } => PickKind::Folder,
        }
    }

    /// The name a save dialog proposes.
    pub fn file_name(&self, t: &Messages) -> Option<String> {
        match self {
            FileRequest::SaveChart { file_name, .. } => Some(file_name.clone()),
            FileRequest::SaveData {
                selection_only,
                workbook,
            } => {
                let stem = t.get(if *selection_only {
                    "file-chart-data"
                } else {
                    "file-all-data"
                });
                Some(format!("{stem}.{}", if *workbook { "xlsx" } else { "csv" }))
            }
            FileRequest::SaveForm => {
                let stem = t.get("file-form-stem");
                Some(format!("{stem}.{}", "xlsx"))
            }
            FileRequest::SaveDeckPdf { language } => {
                let stem = Messages::of(*language).get("file-deck-stem");
                Some(format!("{stem}.{}", "pdf"))
            }
            FileRequest::SaveCopy { name } => {
                Some(crate::text::file_name(name, "db", &mut Default::default()))
            }
            FileRequest::SavePackage { to_name, .. } => {
                let stem = t.with("file-package-stem", &[("to", to_name.as_str().into())]);
                let extension = crate::workspace::exchange::PACKAGE_EXTENSION;
                Some(crate::text::file_name(
                    &stem,
                    extension,
                    &mut Default::default(),
                ))
            }
            _ => None,
        }
    }

    /// The dialog's filters: (name, extensions).
    pub fn filters(&self, t: &Messages) -> Vec<(String, Vec<&'static str>)> {
        let all = || (t.get("filter-all-files"), vec!["*"]);
        match self {
            FileRequest::OpenDatabase => vec![
                (
                    t.get("filter-database"),
                    vec!["db", "sqlite", "sqlite3", "chiso"],
                ),
                all(),
            ],
            FileRequest::Import => {
                let kinds = vec!["csv", "json", "txt", "xlsx", "xls", "ods"];
                vec![(t.get("filter-figures"), kinds), all()]
            }
            FileRequest::SaveChart { format, .. } => match format {
                Format::Svg => vec![("SVG".to_owned(), vec!["svg"])],
                Format::Png => vec![("PNG".to_owned(), vec!["png"])],
            },
            FileRequest::SaveData { workbook, .. } => {
                let csv = (t.get("filter-csv"), vec!["csv"]);
                let xlsx = (t.get("filter-workbook"), vec!["xlsx"]);
                if *workbook {
                    vec![xlsx, csv]
                } else {
                    vec![csv, xlsx]
                }
            }
            FileRequest::DeckFolder { .. } => Vec::new(),
            FileRequest::SaveDeckPdf { .. } => vec![("PDF".to_owned(), vec!["pdf"])],
            FileRequest::SaveForm => vec![(t.get("filter-workbook"), vec!["xlsx"])],
            FileRequest::SaveCopy { .. } => vec![(t.get("filter-database"), vec!["db"])],
            FileRequest::SavePackage { .. } | FileRequest::OpenPackage => vec![
                (
                    t.get("filter-package"),
                    vec![crate::workspace::exchange::PACKAGE_EXTENSION],
                ),
                all(),
            ],
        }
    }

    /// What is done with the chosen paths; `None` when nothing was chosen.
    pub fn then(self, mut paths: Vec<PathBuf>) -> Option<Command> {
        if paths.is_empty() {
            return None;
        }
        let first = paths.swap_remove(0);
        Some(match self {
            FileRequest::OpenDatabase => Command::Open(first),
            FileRequest::Import => {
                paths.insert(0, first);
                Command::StartImport(paths)
            }
            FileRequest::SaveChart { format, order, .. } => Command::ExportChart {
                path: first,
                format,
                order,
            },
            FileRequest::SaveData { selection_only, .. } => Command::ExportData {
                path: first,
                selection_only,
            },
            FileRequest::DeckFolder { language } => Command::ExportDeck(first, language),
            FileRequest::SaveDeckPdf { language } => Command::ExportDeckPdf(first, language),
            FileRequest::SaveForm => Command::WriteForm(first),
            FileRequest::SaveCopy { name } => Command::MakeCopy { path: first, name },
            FileRequest::SavePackage { to, since, .. } => Command::SendChanges {
                path: first,
                to,
                since,
            },
            FileRequest::OpenPackage => Command::OpenPackage(first),
        })
    }
}

/// What a dialog gave back.
#[derive(Clone, Debug, PartialEq)]
pub enum Picked {
    Chosen(Vec<PathBuf>),
    Cancelled,
    /// No dialog can open on this desktop: ask for a path in the window instead.
    Unavailable,
}

/// The file dialogs the window uses. The native ones in the app; tests give their own.
pub trait FileDialogs {
    fn pick(&mut self, request: &FileRequest, t: &Messages) -> Picked;
}

/// The desktop's own dialogs, through rfd (the XDG desktop portal, or `zenity`, on Linux).
#[derive(Clone, Copy, Debug, Default)]
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick(&mut self, request: &FileRequest, t: &Messages) -> Picked {
        if !native_dialogs_available() {
            return Picked::Unavailable;
        }
        let mut dialog = rfd::FileDialog::new().set_title(request.title(t));
        for (name, extensions) in request.filters(t) {
            dialog = dialog.add_filter(name, &extensions);
        }
        if let Some(name) = request.file_name(t) {
            dialog = dialog.set_file_name(name);
        }
        let chosen = match request.kind() {
            PickKind::OpenOne => dialog.pick_file().map(|p| vec![p]),
            PickKind::OpenMany => dialog.pick_files(),
            PickKind::Save => dialog.save_file().map(|p| vec![p]),
            PickKind::Folder => dialog.pick_folder().map(|p| vec![p]),
        };
        match chosen {
            Some(paths) if !paths.is_empty() => Picked::Chosen(paths),
            _ => Picked::Cancelled,
        }
    }
}

/// Whether rfd can show a dialog here. On Linux it needs the XDG desktop portal (on the
/// session's D-Bus) or `zenity`; without both, it returns at once as if cancelled.
fn native_dialogs_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(name).is_file()))
    };
    let session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
    let portal = [
        "/usr/libexec/xdg-desktop-portal",
        "/usr/lib/xdg-desktop-portal",
    ]
    .iter()
    .any(|p| Path::new(p).exists());
    on_path("zenity") || (session_bus && portal)
}

/// A path typed in the window, for a request no dialog could answer.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPrompt {
    pub request: FileRequest,
    pub text: String,
}

impl PathPrompt {
    /// A prompt for `request`, proposing its file name in `folder` (the open database's).
    pub fn new(request: FileRequest, folder: Option<&Path>, t: &Messages) -> PathPrompt {
        let text = match (request.file_name(t), folder) {
            (Some(name), Some(folder)) => folder.join(name).display().to_string(),
            (Some(name), None) => name,
            (None, Some(folder)) if request.kind() == PickKind::Folder => {
                folder.join(t.get("file-deck-folder")).display().to_string()
            }
            _ => String::new(),
        };
        PathPrompt { request, text }
    }

    /// The paths typed: one, or for an import several separated by `;`.
    fn paths(&self) -> Vec<PathBuf> {
        let parts: Vec<&str> = if self.request.kind() == PickKind::OpenMany {
            self.text.split(';').collect()
        } else {
            vec![self.text.as_str()]
        };
        parts
            .into_iter()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .collect()
    }

    /// One frame of the prompt. Returns false when it is closed (chosen or cancelled).
    pub fn ui(&mut self, ctx: &egui::Context, t: &Messages, commands: &mut Vec<Command>) -> bool {
        let mut open = true;
        let mut done = false;
        egui::Window::new(self.request.title(t))
            .id(egui::Id::unique("path prompt"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(t.get("prompt-no-dialog"));
                if self.request.kind() == PickKind::OpenMany {
                    ui.label(egui::RichText::new(t.get("prompt-several-files")).weak());
                }
                let label = ui.label(t.get("prompt-path"));
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.text).desired_width(420.0))
                    .labelled_by(label.id);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.horizontal(|ui| {
                    let paths = self.paths();
                    if ui
                        .add_enabled(!paths.is_empty(), egui::Button::new(t.get("ok")))
                        .clicked()
                        || (entered && !paths.is_empty())
                    {
                        if let Some(command) = self.request.clone().then(paths) {
                            commands.push(command);
                        }
                        done = true;
                    }
                    if ui.button(t.get("cancel")).clicked() {
                        done = true;
                    }
                });
            });
        open && !done
    }
}
