//! The window's commands that have a label and perhaps a shortcut, in one table: the menus,
//! the buttons and the keyboard all read it, so a label or a key is changed in one place.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::app::Command;
use super::dialogs::FileRequest;
use crate::locale::Messages;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Open,
    Backups,
    Import,
    ExportChart,
    ExportChartData,
    ExportAllData,
    ExportDeck,
    Quit,
    ManageLists,
    Present,
    Undo,
    Redo,
}

/// Where a shortcut is heard: everywhere in the window, or only in the Edit tab's grid (where
/// Ctrl+Z is the figures' undo, not a text field's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Window,
    Grid,
}

pub struct Entry {
    pub action: Action,
    /// The id of its label in the translation files.
    pub label: &'static str,
    /// The first is the one menus show.
    pub shortcuts: &'static [KeyboardShortcut],
    pub scope: Scope,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

pub const ACTIONS: &[Entry] = &[
    Entry {
        action: Action::Open,
        label: "action-open",
        shortcuts: &[key(CTRL, Key::O)],
        scope: Scope::Window,
    },
    Entry {
        action: Action::Backups,
        label: "action-backups",
        shortcuts: &[],
        scope: Scope::Window,
    },
    Entry {
        action: Action::Import,
        label: "action-import",
        shortcuts: &[key(CTRL, Key::I)],
        scope: Scope::Window,
    },
    Entry {
        action: Action::ExportChart,
        label: "action-export-chart",
        shortcuts: &[key(CTRL, Key::E)],
        scope: Scope::Window,
    },
    Entry {
        action: Action::ExportChartData,
        label: "action-export-chart-data",
        shortcuts: &[],
        scope: Scope::Window,
    },
    Entry {
        action: Action::ExportAllData,
        label: "action-export-all-data",
        shortcuts: &[],
        scope: Scope::Window,
    },
    Entry {
        action: Action::ExportDeck,
        label: "action-export-deck",
        shortcuts: &[],
        scope: Scope::Window,
    },
    Entry {
        action: Action::Quit,
        label: "action-quit",
        shortcuts: &[key(CTRL, Key::Q)],
        scope: Scope::Window,
    },
    Entry {
        action: Action::ManageLists,
        label: "action-manage-lists",
        shortcuts: &[],
        scope: Scope::Window,
    },
    Entry {
        action: Action::Present,
        label: "action-present",
        shortcuts: &[key(Modifiers::NONE, Key::F5)],
        scope: Scope::Window,
    },
    Entry {
        action: Action::Undo,
        label: "action-undo",
        shortcuts: &[key(CTRL, Key::Z)],
        scope: Scope::Grid,
    },
    Entry {
        action: Action::Redo,
        label: "action-redo",
        shortcuts: &[key(CTRL_SHIFT, Key::Z), key(CTRL, Key::Y)],
        scope: Scope::Grid,
    },
];

impl Action {
    pub fn entry(self) -> &'static Entry {
        ACTIONS
            .iter()
            .find(|e| e.action == self)
            .unwrap_or(&ACTIONS[0])
    }

    pub fn label(self, t: &Messages) -> String {
        t.get(self.entry().label)
    }

    /// The label with the first shortcut, for a button outside the menus: "Present (F5)".
    pub fn label_with_key(self, ctx: &egui::Context, t: &Messages) -> String {
        match self.entry().shortcuts.first() {
            Some(s) => format!("{} ({})", self.label(t), ctx.format_shortcut(s)),
            None => self.label(t),
        }
    }

    /// A menu or toolbar button for the action, with its shortcut shown.
    pub fn button(self, ctx: &egui::Context, t: &Messages) -> egui::Button<'static> {
        let button = egui::Button::new(self.label(t));
        match self.entry().shortcuts.first() {
            Some(s) => button.shortcut_text(ctx.format_shortcut(s)),
            None => button,
        }
    }

    /// What the action asks the app to do.
    pub fn command(self) -> Command {
        match self {
            Action::Open => Command::AskFile(FileRequest::OpenDatabase),
            Action::Backups => Command::OpenBackups,
            Action::Import => Command::AskFile(FileRequest::Import),
            Action::ExportChart => Command::OpenExportChart,
            Action::ExportChartData => Command::AskFile(FileRequest::SaveData {
                selection_only: true,
                workbook: false,
            }),
            Action::ExportAllData => Command::AskFile(FileRequest::SaveData {
                selection_only: false,
                workbook: false,
            }),
            Action::ExportDeck => Command::AskFile(FileRequest::DeckFolder { language: None }),
            Action::Quit => Command::Quit,
            Action::ManageLists => Command::OpenForms,
            Action::Present => Command::Present(true),
            Action::Undo => Command::Undo,
            Action::Redo => Command::Redo,
        }
    }

    /// Whether one of the action's shortcuts was pressed this frame (and consumes it).
    pub fn pressed(self, ctx: &egui::Context) -> bool {
        ctx.input_mut(|i| self.entry().shortcuts.iter().any(|s| i.consume_shortcut(s)))
    }
}

/// The commands of the window-wide shortcuts pressed this frame. `allowed` says which actions
/// may run now (an import needs a writable file).
pub fn window_shortcuts(ctx: &egui::Context, allowed: impl Fn(Action) -> bool) -> Vec<Command> {
    ACTIONS
        .iter()
        .filter(|e| e.scope == Scope::Window && allowed(e.action))
        .filter(|e| e.action.pressed(ctx))
        .map(|e| e.action.command())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_in_the_table_once_with_distinct_keys() {
        let all = [
            Action::Open,
            Action::Backups,
            Action::Import,
            Action::ExportChart,
            Action::ExportChartData,
            Action::ExportAllData,
            Action::ExportDeck,
            Action::Quit,
            Action::ManageLists,
            Action::Present,
            Action::Undo,
            Action::Redo,
        ];
        for action in all {
            assert_eq!(ACTIONS.iter().filter(|e| e.action == action).count(), 1);
        }
        let keys: Vec<_> = ACTIONS.iter().flat_map(|e| e.shortcuts).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{k:?} is bound twice");
        }
    }
}
