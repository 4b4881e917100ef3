//! The deck: the saved views of the file, in order, and each slide drawn from its view alone.

use std::path::{Path, PathBuf};

use super::Workspace;
use crate::chart::{ChartData, ChartDescription, describe};
use crate::export::{ExportError, ExportOptions, Format};
use crate::locale::Language;
use crate::store::StoreError;
use crate::store::views::SavedView;
use crate::text;

/// Why a deck was not written whole.
#[derive(Debug, thiserror::Error)]
pub enum DeckError {
    #[error("cannot make the folder {}: {source}", .path.display())]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("slide {number} ({name}): {source}")]
    Slide {
        number: usize,
        name: String,
        source: SlideError,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum SlideError {
    #[error(transparent)]
    Store(StoreError),
    #[error(transparent)]
    Export(ExportError),
}

impl Workspace {
    /// The deck: saved views in order.
    pub fn views(&self) -> &[SavedView] {
        &self.views
    }

    /// Shows the view at `index` of the deck.
    pub fn open_view(&mut self, index: usize) -> Result<(), StoreError> {
        let Some(view) = self.views.get(index) else {
            return Ok(());
        };
        self.set_spec(view.spec.clone())
    }

    /// Saves the chart shown as a view named `name` (replacing a view of that name).
    pub fn save_view(&mut self, editor: &str, name: &str) -> Result<(), StoreError> {
        self.store.save_view(editor, name, &self.spec)?;
        self.after_write()
    }

    pub fn rename_view(&mut self, editor: &str, id: i64, name: &str) -> Result<(), StoreError> {
        self.store.rename_view(editor, id, name)?;
        self.after_write()
    }

    pub fn delete_view(&mut self, editor: &str, id: i64) -> Result<(), StoreError> {
        self.store.delete_view(editor, id)?;
        self.after_write()
    }

    pub fn move_view(&mut self, editor: &str, id: i64, by: i64) -> Result<(), StoreError> {
        self.store.move_view(editor, id, by)?;
        self.after_write()
    }

    fn after_write(&mut self) -> Result<(), StoreError> {
        self.views = self.store.views()?;
        self.last_source = self.store.last_used_source()?;
        self.data_version = self.store.data_version()?;
        Ok(())
    }

    /// The chart of slide `index`, drawn from its saved view alone: what the user has on
    /// screen is not touched. `None` past the end of the deck.
    pub fn slide(&self, index: usize) -> Result<Option<ChartDescription>, StoreError> {
        self.slide_in(index, self.numbers.language())
    }

    /// [`Workspace::slide`] in `language`'s words and numbers.
    pub fn slide_in(
        &self,
        index: usize,
        language: Language,
    ) -> Result<Option<ChartDescription>, StoreError> {
        let Some(view) = self.views.get(index) else {
            return Ok(None);
        };
        let data = ChartData {
            language,
            ..self.chart_data_of(&view.spec)?
        };
        Ok(Some(describe(&view.spec, &data)))
    }

    /// Draws every view of the deck into `dir`, numbered in deck order (`01-Name.png`…), with
    /// type sized for a projector. Returns the files written. The chart on screen stays as it
    /// is, whichever slide fails. The slides' words and numbers are in `language`, which
    /// need not be the window's.
    pub fn export_deck(
        &self,
        dir: &Path,
        format: Format,
        options: &ExportOptions,
        language: Language,
    ) -> Result<Vec<PathBuf>, DeckError> {
        std::fs::create_dir_all(dir).map_err(|source| DeckError::Folder {
            path: dir.to_path_buf(),
            source,
        })?;
        let options = ExportOptions {
            presentation: true,
            ..options.clone()
        };
        let ext = match format {
            Format::Svg => "svg",
            Format::Png => "png",
        };
        let mut written = Vec::new();
        // Two views of one name, or two names cut to the same length, are two files.
        let mut taken = std::collections::HashSet::new();
        for (i, view) in self.views.iter().enumerate() {
            let failed = |source| DeckError::Slide {
                number: i + 1,
                name: view.name.clone(),
                source,
            };
            let description = self
                .slide_in(i, language)
                .map_err(|e| failed(SlideError::Store(e)))?
                .unwrap_or_else(|| {
                    let data = ChartData {
                        language,
                        ..Default::default()
                    };
                    describe(&view.spec, &data)
                });
            let numbered = format!("{:02}-{}", i + 1, view.name);
            let path = dir.join(text::file_name(&numbered, ext, &mut taken));
            crate::export::write_file(&description, format, &options, &path)
                .map_err(|e| failed(SlideError::Export(e)))?;
            written.push(path);
        }
        Ok(written)
    }
}
