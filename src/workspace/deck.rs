//! The deck: the saved views of the file, in order, and each slide drawn from its view alone.

use std::path::{Path, PathBuf};

use super::Workspace;
use crate::chart::headline::Headline;
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
    #[error("the deck has no saved views: save a view of each chart to present first")]
    Empty,
    /// The PDF could not be made or written.
    #[error(transparent)]
    Pdf(ExportError),
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
            let (svg, _) = self.slide_svg(i, language, &options)?;
            let numbered = format!("{:02}-{}", i + 1, view.name);
            let path = dir.join(text::file_name(&numbered, ext, &mut taken));
            let failed = |source| DeckError::Slide {
                number: i + 1,
                name: view.name.clone(),
                source,
            };
            let bytes = match format {
                Format::Svg => Ok(svg.into_bytes()),
                Format::Png => crate::export::png::png(&svg, options.scale),
            };
            bytes
                .and_then(|b| crate::export::write_bytes(&path, &b))
                .map_err(|e| failed(SlideError::Export(e)))?;
            written.push(path);
        }
        Ok(written)
    }

    /// Slide `index` drawn as the deck writes it (headline band, chart, notes, sources), from
    /// its saved view alone, in `language`, and its title; a view whose figures are gone is
    /// drawn empty.
    fn slide_svg(
        &self,
        index: usize,
        language: Language,
        options: &ExportOptions,
    ) -> Result<(String, String), DeckError> {
        let view = &self.views[index];
        let failed = |source| DeckError::Slide {
            number: index + 1,
            name: view.name.clone(),
            source,
        };
        let description = self
            .slide_in(index, language)
            .map_err(|e| failed(SlideError::Store(e)))?
            .unwrap_or_else(|| {
                let data = ChartData {
                    language,
                    ..Default::default()
                };
                describe(&view.spec, &data)
            });
        let headline = self.slide_headline(index, language);
        let svg = crate::export::slide::svg(&description, headline.as_ref(), options)
            .map_err(|e| failed(SlideError::Export(e)))?;
        Ok((svg, description.title))
    }

    /// The headline band of slide `index`: its indicator's latest figure, change and target,
    /// as presentation mode shows them above the chart.
    pub fn slide_headline(&self, index: usize, language: Language) -> Option<Headline> {
        let code = &self.views.get(index)?.spec.series.first()?.indicator;
        self.headline_of(code, &crate::locale::Numbers::new(language))
    }

    /// Writes the deck as one PDF at `path`: a page a view in deck order (after a title page
    /// when `title_page`), each drawn as its slide (headline band, chart, notes, sources), in
    /// `language`, `options` sized (wide or standard); `title` and `author` are the
    /// document's. Returns how many pages were written.
    pub fn export_deck_pdf(
        &self,
        path: &Path,
        options: &ExportOptions,
        language: Language,
        (title, author): (&str, &str),
        title_page: bool,
    ) -> Result<usize, DeckError> {
        if self.views.is_empty() {
            return Err(DeckError::Empty);
        }
        let options = ExportOptions {
            presentation: true,
            ..options.clone()
        };
        let mut svgs = Vec::with_capacity(self.views.len() + 1);
        let mut names = Vec::with_capacity(self.views.len() + 1);
        // Each slide with its title in the deck's language: what its page shows, and what the
        // title page and the bookmarks call it (a view's name may be in the other language).
        for i in 0..self.views.len() {
            let (svg, slide_title) = self.slide_svg(i, language, &options)?;
            svgs.push(svg);
            names.push(format!("{}. {slide_title}", i + 1));
        }
        if title_page {
            let t = crate::locale::Messages::of(language);
            let today = chrono::Local::now()
                .date_naive()
                .format("%Y-%m-%d")
                .to_string();
            let subtitle = t.with(
                "deck-title-page",
                &[
                    ("date", crate::locale::iso_date(language, &today).into()),
                    ("count", self.views.len().into()),
                ],
            );
            let svg = crate::export::slide::title_svg(title, &subtitle, &names, &options)
                .map_err(DeckError::Pdf)?;
            svgs.insert(0, svg);
            names.insert(0, title.to_owned());
        }
        let pages: Vec<crate::export::pdf::Page> = svgs
            .iter()
            .zip(&names)
            .map(|(svg, name)| crate::export::pdf::Page { svg, name })
            .collect();
        let info = crate::export::pdf::DeckInfo {
            title,
            author,
            language,
        };
        let bytes = crate::export::pdf::deck(&pages, &info).map_err(DeckError::Pdf)?;
        crate::export::write_bytes(path, &bytes).map_err(DeckError::Pdf)?;
        Ok(pages.len())
    }
}
