//! The window: egui only. It draws what the [`Workspace`] holds and sends it what the user
//! chose; no SQL and no file reading here.
//!
//! | module       | holds                                                      |
//! |--------------|------------------------------------------------------------|
//! | `app`        | `ChisoApp`: persisted state, commands, the frame's layout   |
//! | `actions`    | the commands with a label or a shortcut, in one table      |
//! | `dialogs`    | file dialogs behind a trait, and the path field without them |
//! | `catalogue`  | the left panel: indicators by theme, filter, sparklines    |
//! | `chart_view` | a chart description drawn with egui_plot, and its legend   |
//! | `card`       | the headline card                                          |
//! | `table`      | the table tab: years as rows, changes                      |
//! | `audit`      | the audit trail tab, with revert                           |
//! | `forms`      | "Manage lists…": indicators, units, areas, sources, targets |
//! | `grid`       | the Edit tab: typing, pasting, undo and redo of figures    |
//! | `views`      | the deck of saved views                                    |
//! | `present`    | presentation mode: one view per slide, full screen         |
//! | `exchange_dialog` | File → Make a copy for…, Send my changes…, Merge changes…: a package's changes and conflicts, each decided |
//! | `form_dialog` | a filled entry form's dry run, cell by cell, then its import |
//! | `map_view` | a map: the provinces as meshes, hover, click, ← → through the years |
//! | `help` | the keyboard shortcuts and About Chiso (version, licence, credits) |
//! | `export_dialog` | "Export chart…" and "Copy chart"                        |
//! | `import_dialog` | the import dialog: dry run, report, problems, import    |
//! | `sources`    | the sources panel: full citations                          |
//! | `backups`    | File → Backups…: the file's backups, where, restore         |
//! | `series_picker` | "Series…": search, tick all shown, a count, stays open    |
//! | `ranking_view`  | a ranking: a row per province, the nation's line, its controls |
//! | `style`      | fonts, colours, light and dark themes                      |
//!
//! [`Workspace`]: crate::workspace::Workspace

pub mod actions;
pub mod app;
mod audit;
mod backups;
mod card;
mod catalogue;
mod chart_view;
pub mod dialogs;
pub mod errors;
mod exchange_dialog;
pub mod export_dialog;
mod form_dialog;
mod forms;
mod grid;
mod help;
mod import_dialog;
mod map_view;
mod present;
mod ranking_view;
mod series_picker;
mod sources;
mod sticky;
pub mod style;
mod table;
mod views;

use std::path::PathBuf;

pub use app::ChisoApp;

/// Opens the window on `file` (or the last file, or the sample) and runs until it closes.
pub fn run(file: Option<PathBuf>, sample: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Chiso")
            .with_inner_size([1280.0, 760.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Chiso",
        options,
        Box::new(move |cc| {
            style::install_fonts(&cc.egui_ctx);
            let state = cc
                .storage
                .and_then(|s| eframe::get_value::<app::State>(s, eframe::APP_KEY))
                .unwrap_or_default();
            Ok(Box::new(ChisoApp::new(state, file, sample)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
