//! What the window remembers that the command line also needs: the reader's language, so that
//! `chiso export` without `--lang` draws in the window's language. One small text file in the
//! platform's configuration folder (`~/.config/chiso/language` on Linux), written by the
//! window when it saves its state; the window's own state stays in eframe's storage.

use std::path::PathBuf;

use crate::locale::Language;

fn language_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Chiso").map(|dirs| dirs.config_dir().join("language"))
}

/// The language the window was last used in, if it was ever saved and is one Chiso knows.
pub fn saved_language() -> Option<Language> {
    let text = std::fs::read_to_string(language_file()?).ok()?;
    Language::from_code(text.trim())
}

/// Keeps `language` for the command line. A failure to write it (a read-only home) costs
/// only that default, so it is not an error to show.
pub fn save_language(language: Language) {
    let Some(path) = language_file() else { return };
    if saved_language() == Some(language) {
        return;
    }
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(path, language.code());
}
