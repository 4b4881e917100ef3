//! What the window keeps between runs (eframe persistence): a plain value, apart from what
//! must not be saved (the open file, dialogs, work under way).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::chart::ChartSpec;
use crate::locale::Language;
use crate::locale::Messages;
use crate::workspace::system_user;

/// What is kept between runs (eframe persistence).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    pub recent_files: Vec<PathBuf>,
    pub dark: bool,
    /// The reader's language: the system's on the first run, then the user's choice.
    pub language: Language,
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
            language: Language::from_system(),
            filter: String::new(),
            tab: Tab::default(),
            last_file: None,
            last_spec: None,
            last_indicator: None,
            editor: system_user().unwrap_or_default(),
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

impl State {
    /// Who the audit log names for the window's edits: the name given, else "unnamed editor"
    /// in the window's language (the name banner asks for one before the first edit).
    pub fn editor_name(&self, t: &Messages) -> String {
        match self.editor.trim() {
            "" => t.get("editor-unnamed"),
            name => name.to_owned(),
        }
    }
}
