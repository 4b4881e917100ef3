//! What the user asked for during a frame: widgets push these, [`ChisoApp::apply`] runs them.
//!
//! [`ChisoApp::apply`]: super::ChisoApp::apply

use std::path::PathBuf;

use super::Tab;
use crate::chart::{ChartKind, SeriesKey, Transform};
use crate::locale::Language;
use crate::model::selection::RankingSpec;
use crate::ui::dialogs::FileRequest;
use crate::ui::export_dialog::ChartOrder;
use crate::workspace::{BackupPlace, CellInput, SeriesInfo};

/// What the user asked for during a frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Open(PathBuf),
    /// Asks the file dialogs for a file; what is chosen becomes the request's follow-up.
    AskFile(FileRequest),
    /// Closes the window.
    Quit,
    SelectIndicator(String),
    /// Adds an indicator's headline series beside what is shown.
    AddIndicator(String),
    /// Puts a series of an indicator on the chart, or takes it off.
    ToggleSeries(String, SeriesInfo),
    SetHidden(SeriesKey, bool),
    SetTransform(Transform),
    SetLogScale(bool),
    SetYears(Option<(i32, i32)>),
    /// Shows the indicator over time or as a ranking of its provinces.
    SetKind(ChartKind),
    /// The year, earlier year, boundaries and colours of the ranking shown.
    SetRanking(RankingSpec),
    /// A map's classes and the years beside it.
    SetMap(crate::model::selection::MapSpec),
    /// Shows this province over time beside the nation (a click on the map).
    ShowAreaOverTime(String),
    /// Picks or unpicks this province on the map (Ctrl+click), to show it with the next.
    PickArea(String),
    SetDark(bool),
    /// Reads and shows numbers (and, as they are translated, words) in this language.
    SetLanguage(Language),
    ShowTab(Tab),
    DismissError,
    /// Opens File → Backups….
    OpenBackups,
    /// Keeps backups there from now on.
    SetBackupPlace(BackupPlace),
    /// Takes a backup now.
    BackUpNow,
    /// Puts this backup back as the open file (asked first in the window).
    RestoreBackup(PathBuf),
    /// Opens the import dialog on these files and starts its dry run (a filled entry form
    /// among them opens the form's own dialog).
    StartImport(Vec<PathBuf>),
    /// Imports the filled entry form at the path, after its dry run was shown.
    ImportForm(PathBuf),
    /// Writes an entry form for the provinces, of the indicator shown, at the path.
    WriteForm(PathBuf),
    /// Runs the open import dialog's dry run (`true`) or its import, in a thread.
    RunImport {
        dry_run: bool,
    },
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
    /// The deck into a folder, in a language (`None`: the window's).
    ExportDeck(PathBuf, Option<Language>),
    /// Writes the deck as one PDF at the path, in the language.
    ExportDeckPdf(PathBuf, Language),
    /// Writes what was typed or pasted in the grid, as one undoable edit.
    EditCells(Vec<CellInput>),
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
    /// Opens File → Make a copy for… (`true`) or Send my changes… (`false`).
    OpenExchange(bool),
    /// Makes a copy of the open file for `name` at `path`.
    MakeCopy {
        path: PathBuf,
        name: String,
    },
    /// Writes the changes made here for the file `to` (its copy id) as a package at `path`.
    SendChanges {
        path: PathBuf,
        to: String,
        since: crate::workspace::exchange::Since,
    },
    /// Reads a package and shows what merging it would do.
    OpenPackage(PathBuf),
    /// Applies the package shown in the merge dialog, its conflicts as the user chose.
    ApplyPackage,
    /// Writes the figures on the chart (or all) as Chiso's long CSV, or as an Excel workbook
    /// when `path` ends in `.xlsx`.
    ExportData {
        path: PathBuf,
        selection_only: bool,
    },
}
