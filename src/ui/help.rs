//! Help: the keyboard shortcuts (from the commands table, so they cannot disagree with the
//! menus) and About Chiso: the version, the licence, and the credits of what ships with it —
//! the Noto Sans fonts and the map's boundaries.

use egui::RichText;

use super::actions::{ACTIONS, Scope};
use crate::locale::Messages;

/// Which help window is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpWindow {
    Shortcuts,
    About,
}

/// The open help window; returns false when it is closed.
pub fn ui(ctx: &egui::Context, t: &Messages, which: HelpWindow) -> bool {
    let mut open = true;
    let title = t.get(match which {
        HelpWindow::Shortcuts => "help-shortcuts",
        HelpWindow::About => "help-about",
    });
    egui::Window::new(title)
        .id(egui::Id::unique("help window"))
        .open(&mut open)
        .collapsible(false)
        .default_width(520.0)
        .show(ctx, |ui| match which {
            HelpWindow::Shortcuts => shortcuts_ui(ui, t),
            HelpWindow::About => about_ui(ui, t),
        });
    open
}

fn shortcuts_ui(ui: &mut egui::Ui, t: &Messages) {
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for entry in ACTIONS.iter().filter(|e| !e.shortcuts.is_empty()) {
                let keys: Vec<String> = entry
                    .shortcuts
                    .iter()
                    .map(|s| ui.ctx().format_shortcut(s))
                    .collect();
                ui.label(RichText::new(keys.join(", ")).monospace());
                let label = t.get(entry.label);
                if entry.scope == Scope::Grid {
                    ui.label(t.with("help-in-grid", &[("action", label.into())]));
                } else {
                    ui.label(label);
                }
                ui.end_row();
            }
            // The keys that are not commands of the table: presenting and the map.
            for (keys, id) in [
                ("help-keys-present-keys", "help-keys-present"),
                ("help-keys-map-keys", "help-keys-map"),
                ("help-keys-grid-keys", "help-keys-grid"),
            ] {
                ui.label(RichText::new(t.get(keys)).monospace());
                ui.label(t.get(id));
                ui.end_row();
            }
        });
}

fn about_ui(ui: &mut egui::Ui, t: &Messages) {
    let version = env!("CARGO_PKG_VERSION");
    ui.label(
        RichText::new(t.with("help-about-version", &[("version", version.into())]))
            .size(20.0)
            .strong(),
    );
    ui.label(t.get("help-about-what"));
    ui.add_space(6.0);
    for id in [
        "help-about-licence",
        "help-about-fonts",
        "help-about-boundaries",
        "help-about-islands",
        "help-about-data",
    ] {
        ui.label(t.get(id));
        ui.add_space(4.0);
    }
}
