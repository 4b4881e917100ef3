//! The open file and what the user is looking at: everything the window shows, with no egui.
//!
//! The window holds one [`Workspace`], asks it for what to draw and tells it what the user
//! chose. Queries run when something changes, never once per frame.

use std::collections::BTreeMap;
use std::path::Path;

use crate::chart::headline::{Headline, headline};
use crate::chart::{ChartData, ChartDescription, ChartSpec, SeriesKey, Transform, describe};
use crate::model::{Area, Indicator, Observation, Source, Subgroup, Target};
use crate::store::query::{CatalogueEntry, SeriesFilter, SeriesInfo};
use crate::store::views::SavedView;
use crate::store::{OpenError, ReadOnlyReason, Store, StoreError};
use crate::text;

/// What `chiso export` asks to draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartRequest {
    pub indicator: String,
    /// Defaults: the headline series' area and subgroup, and every source.
    pub area: Option<String>,
    pub subgroup: Option<String>,
    pub source: Option<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// Index, first year shown = 100.
    pub relative: bool,
    pub log: bool,
    pub title: Option<String>,
}

/// A catalogue row, ready to show (the headline series in it draws the sparkline).
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogueRow {
    pub entry: CatalogueEntry,
}

/// The store and the user's selection, with what is derived from them.
pub struct Workspace {
    store: Store,
    data_version: i64,
    catalogue: Vec<CatalogueRow>,
    areas: Vec<Area>,
    subgroups: Vec<Subgroup>,
    sources: Vec<Source>,
    targets: Vec<Target>,
    selected: Option<String>,
    available: Vec<SeriesInfo>,
    spec: ChartSpec,
    data: ChartData,
    description: ChartDescription,
    views: Vec<SavedView>,
    history: crate::editing::History,
    last_source: Option<String>,
    /// Warnings of the last edits, shown until the next edit: the list of open warnings.
    warnings: Vec<String>,
}

impl Workspace {
    pub fn open(path: &Path) -> Result<Workspace, OpenError> {
        let store = Store::open(path)?;
        Workspace::new(store).map_err(|e| OpenError::Sqlite {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })
    }

    pub fn new(store: Store) -> Result<Workspace, StoreError> {
        let mut workspace = Workspace {
            data_version: store.data_version()?,
            store,
            catalogue: Vec::new(),
            areas: Vec::new(),
            subgroups: Vec::new(),
            sources: Vec::new(),
            targets: Vec::new(),
            selected: None,
            available: Vec::new(),
            spec: ChartSpec::default(),
            data: ChartData::default(),
            description: describe(&ChartSpec::default(), &ChartData::default()),
            views: Vec::new(),
            history: Default::default(),
            last_source: None,
            warnings: Vec::new(),
        };
        workspace.reload()?;
        Ok(workspace)
    }

    /// Reads everything again from the file, keeping the selection where it still exists.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        let _snapshot = self.store.snapshot()?;
        self.areas = self.store.areas()?;
        self.subgroups = self.store.subgroups()?;
        self.sources = self.store.sources()?;
        self.targets = self.store.all_targets()?;
        let catalogue: Vec<CatalogueRow> = self
            .store
            .catalogue()?
            .into_iter()
            .map(|entry| CatalogueRow { entry })
            .collect();
        self.catalogue = catalogue;
        self.views = self.store.views()?;
        self.last_source = self.store.last_used_source()?;
        if let Some(code) = self.selected.clone() {
            if self
                .catalogue
                .iter()
                .any(|r| r.entry.indicator.code == code)
            {
                self.available = self.store.series_list(&code)?;
            } else {
                self.selected = None;
                self.available.clear();
                self.spec.series.clear();
            }
        }
        self.data_version = self.store.data_version()?;
        drop(_snapshot);
        self.refresh_chart()
    }

    /// Reloads when another process or tool has changed the file since the last look.
    /// Returns whether it did.
    pub fn reload_if_changed(&mut self) -> Result<bool, StoreError> {
        if self.store.data_version()? == self.data_version {
            return Ok(false);
        }
        self.reload()?;
        Ok(true)
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    pub fn read_only(&self) -> Option<&ReadOnlyReason> {
        self.store.read_only()
    }

    pub fn catalogue(&self) -> &[CatalogueRow] {
        &self.catalogue
    }

    /// Catalogue rows whose indicator name, short name, code or theme match `query`,
    /// ignoring accents and case.
    pub fn filtered_catalogue(&self, query: &str) -> Vec<&CatalogueRow> {
        self.catalogue
            .iter()
            .filter(|row| {
                let i = &row.entry.indicator;
                text::matches(query, &[&i.name, &i.short_name, &i.code, &i.theme])
            })
            .collect()
    }

    /// Areas whose name or code match `query`, ignoring accents and case.
    pub fn filtered_areas(&self, query: &str) -> Vec<&Area> {
        self.areas
            .iter()
            .filter(|a| text::matches(query, &[&a.name, &a.code]))
            .collect()
    }

    pub fn areas(&self) -> &[Area] {
        &self.areas
    }

    pub fn subgroups(&self) -> &[Subgroup] {
        &self.subgroups
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    pub fn selected_indicator(&self) -> Option<&Indicator> {
        let code = self.selected.as_deref()?;
        self.catalogue
            .iter()
            .map(|r| &r.entry.indicator)
            .find(|i| i.code == code)
    }

    /// The series the selected indicator has, to choose from.
    pub fn available_series(&self) -> &[SeriesInfo] {
        &self.available
    }

    pub fn spec(&self) -> &ChartSpec {
        &self.spec
    }

    pub fn description(&self) -> &ChartDescription {
        &self.description
    }

    /// Shows `code`: every source's series for its headline area and subgroup, side by side.
    pub fn select_indicator(&mut self, code: &str) -> Result<(), StoreError> {
        let available = self.store.series_list(code)?;
        let headline = self
            .catalogue
            .iter()
            .find(|r| r.entry.indicator.code == code)
            .and_then(|r| r.entry.latest.clone());
        let series = match headline {
            Some(latest) => available
                .iter()
                .filter(|s| s.area == latest.area_code && s.subgroup == latest.subgroup_code)
                .map(|s| key(code, s))
                .collect(),
            None => Vec::new(),
        };
        self.selected = Some(code.to_owned());
        self.available = available;
        self.spec.series = series;
        self.spec.hidden.clear();
        self.spec.title = None;
        self.refresh_chart()
    }

    /// Shows what `request` asks for and returns its description, as `chiso export` draws it.
    pub fn chart_for(&mut self, request: &ChartRequest) -> Result<ChartDescription, StoreError> {
        self.select_indicator(&request.indicator)?;
        let Some(first) = self
            .spec
            .series
            .first()
            .cloned()
            .or_else(|| self.available.first().map(|s| key(&request.indicator, s)))
        else {
            return Err(StoreError::Invalid(format!(
                "{} has no figures to draw",
                request.indicator
            )));
        };
        let area = request.area.clone().unwrap_or(first.area);
        let subgroup = request.subgroup.clone().unwrap_or(first.subgroup);
        let series: Vec<SeriesKey> = self
            .available
            .iter()
            .filter(|s| s.area == area && s.subgroup == subgroup)
            .filter(|s| request.source.as_ref().is_none_or(|src| *src == s.source))
            .map(|s| key(&request.indicator, s))
            .collect();
        if series.is_empty() {
            return Err(StoreError::Invalid(format!(
                "{} has no figures for area {area}, subgroup {subgroup}{}",
                request.indicator,
                request
                    .source
                    .as_ref()
                    .map_or(String::new(), |s| format!(", source {s}"))
            )));
        }
        let bounds = self
            .data_years(&series)
            .unwrap_or((request.from.unwrap_or(2000), request.to.unwrap_or(2000)));
        let years = (request.from.is_some() || request.to.is_some()).then(|| {
            (
                request.from.unwrap_or(bounds.0),
                request.to.unwrap_or(bounds.1),
            )
        });
        let first_year = years.map_or(bounds.0, |y| y.0);
        self.spec = ChartSpec {
            series,
            transform: if request.relative {
                Transform::Index {
                    base_year: first_year,
                }
            } else {
                Transform::Absolute
            },
            log_scale: request.log,
            years,
            hidden: Default::default(),
            title: request.title.clone(),
            ..Default::default()
        };
        self.refresh_chart()?;
        Ok(self.description.clone())
    }

    fn data_years(&self, series: &[SeriesKey]) -> Option<(i32, i32)> {
        let years = self.available.iter().filter(|s| {
            series
                .iter()
                .any(|k| k.area == s.area && k.subgroup == s.subgroup && k.source == s.source)
        });
        let first = years.clone().map(|s| s.first_year).min()?;
        Some((first, years.map(|s| s.last_year).max()?))
    }

    /// Replaces what is shown, as a saved view or a restored session would.
    pub fn set_spec(&mut self, spec: ChartSpec) -> Result<(), StoreError> {
        if let Some(first) = spec.series.first()
            && self.selected.as_deref() != Some(&first.indicator)
        {
            self.available = self.store.series_list(&first.indicator)?;
            self.selected = Some(first.indicator.clone());
        }
        self.spec = spec;
        self.refresh_chart()
    }

    /// The source of the figure written last, the default for a new one.
    pub fn last_used_source(&self) -> Option<&str> {
        self.last_source.as_deref()
    }

    /// Adds a column for figures not entered yet: the selected indicator for `area`,
    /// `subgroup` and `source`, shown even while it has no figures.
    pub fn add_column(
        &mut self,
        area: &str,
        subgroup: &str,
        source: &str,
    ) -> Result<(), StoreError> {
        let Some(code) = self.selected.clone() else {
            return Ok(());
        };
        let key = SeriesKey {
            indicator: code,
            area: area.to_owned(),
            subgroup: subgroup.to_owned(),
            source: source.to_owned(),
        };
        if !self.spec.series.contains(&key) {
            self.spec.series.push(key);
        }
        self.refresh_chart()
    }

    /// Adds a series of the selected indicator to the chart, or takes it off.
    pub fn toggle_series(&mut self, series: &SeriesInfo) -> Result<(), StoreError> {
        let Some(code) = self.selected.clone() else {
            return Ok(());
        };
        let key = key(&code, series);
        if let Some(i) = self.spec.series.iter().position(|k| *k == key) {
            self.spec.series.remove(i);
            self.spec.hidden.remove(&key);
        } else {
            self.spec.series.push(key);
        }
        self.refresh_chart()
    }

    /// Adds another indicator's headline series (for comparing indicators).
    pub fn add_indicator(&mut self, code: &str) -> Result<(), StoreError> {
        let Some(latest) = self
            .catalogue
            .iter()
            .find(|r| r.entry.indicator.code == code)
            .and_then(|r| r.entry.latest.clone())
        else {
            return Ok(());
        };
        let key = SeriesKey::of(&latest);
        if !self.spec.series.contains(&key) {
            self.spec.series.push(key);
        }
        self.refresh_chart()
    }

    /// Turns a series on or off without taking it off the chart (the legend's check box).
    pub fn set_hidden(&mut self, key: &SeriesKey, hidden: bool) -> Result<(), StoreError> {
        if hidden {
            self.spec.hidden.insert(key.clone());
        } else {
            self.spec.hidden.remove(key);
        }
        self.refresh_chart()
    }

    pub fn set_transform(&mut self, transform: Transform) -> Result<(), StoreError> {
        self.spec.transform = transform;
        self.refresh_chart()
    }

    pub fn set_log_scale(&mut self, log_scale: bool) -> Result<(), StoreError> {
        self.spec.log_scale = log_scale;
        self.refresh_chart()
    }

    pub fn set_years(&mut self, years: Option<(i32, i32)>) -> Result<(), StoreError> {
        self.spec.years = years.map(|(a, b)| (a.min(b), a.max(b)));
        self.refresh_chart()
    }

    /// The first and last year any figure of the selected series has.
    pub fn year_bounds(&self) -> Option<(i32, i32)> {
        let years = self.data.observations.iter().map(|o| o.period.year);
        Some((years.clone().min()?, years.max()?))
    }

    /// The headline card of the selected indicator.
    pub fn headline(&self) -> Option<Headline> {
        let row = self
            .catalogue
            .iter()
            .find(|r| Some(r.entry.indicator.code.as_str()) == self.selected.as_deref())?;
        let latest = row.entry.latest.as_ref()?;
        let target = self.targets.iter().find(|t| {
            t.indicator_code == latest.indicator_code
                && t.area_code == latest.area_code
                && t.subgroup_code == latest.subgroup_code
        });
        Some(headline(
            &row.entry.indicator,
            latest,
            row.entry.previous.as_ref(),
            target,
        ))
    }

    /// The figures of the series on the chart, as the table shows them.
    pub fn chart_observations(&self) -> &[Observation] {
        &self.data.observations
    }

    fn refresh_chart(&mut self) -> Result<(), StoreError> {
        let _snapshot = self.store.snapshot()?;
        let mut observations = Vec::new();
        let mut indicators: Vec<Indicator> = Vec::new();
        for key in &self.spec.series {
            if !indicators.iter().any(|i| i.code == key.indicator) {
                match self.store.indicator(&key.indicator) {
                    Ok(i) => indicators.push(i),
                    Err(StoreError::UnknownIndicator(_)) => continue,
                    Err(e) => return Err(e),
                }
            }
            observations.extend(
                self.store
                    .series(
                        &key.indicator,
                        &SeriesFilter {
                            area: Some(key.area.clone()),
                            subgroup: Some(key.subgroup.clone()),
                            source: Some(key.source.clone()),
                        },
                    )
                    .or_else(|e| match e {
                        StoreError::UnknownArea(_)
                        | StoreError::UnknownSubgroup(_)
                        | StoreError::UnknownSource(_) => Ok(Vec::new()),
                        e => Err(e),
                    })?,
            );
        }
        self.data = ChartData {
            indicators,
            observations,
            targets: self.targets.clone(),
            sources: self.sources.clone(),
            area_names: names(self.areas.iter().map(|a| (&a.code, &a.name))),
            subgroup_names: names(self.subgroups.iter().map(|g| (&g.code, &g.name))),
        };
        self.description = describe(&self.spec, &self.data);
        Ok(())
    }

    /// Writes the figures of the series on the chart (`selection_only`) or of the whole file
    /// to `path` as Chiso's long CSV. Returns how many figures were written.
    pub fn export_data(&self, path: &Path, selection_only: bool) -> Result<u64, StoreError> {
        let filter = crate::store::export::ExportFilter {
            indicator: None,
            series: selection_only.then(|| self.spec.series.clone()),
        };
        self.store.export_long_csv_to(&filter, path)
    }

    /// Writes what was typed or pasted as one undoable edit (see `editing::apply`).
    pub fn edit_cells(
        &mut self,
        editor: &str,
        inputs: &[crate::editing::CellInput],
    ) -> Result<(), StoreError> {
        let shown = crate::editing::cell_figures(&self.data.observations);
        self.warnings =
            crate::editing::apply(&mut self.store, editor, &mut self.history, &shown, inputs)?;
        self.reload()
    }

    pub fn undo(&mut self, editor: &str) -> Result<(), StoreError> {
        crate::editing::undo(&mut self.store, editor, &mut self.history)?;
        self.reload()
    }

    pub fn redo(&mut self, editor: &str) -> Result<(), StoreError> {
        crate::editing::redo(&mut self.store, editor, &mut self.history)?;
        self.reload()
    }

    pub fn history(&self) -> &crate::editing::History {
        &self.history
    }

    /// The warnings of the last edit: saved figures worth a second look.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Recorded changes of the selected indicator's figures (or of everything), newest first.
    pub fn audit_entries(
        &self,
        only_selected: bool,
        editor: Option<&str>,
    ) -> Result<Vec<crate::store::query::AuditEntry>, StoreError> {
        let indicator = if only_selected {
            self.selected.as_deref()
        } else {
            None
        };
        self.store.audit_entries(indicator, editor, 500)
    }

    /// Takes back a recorded change of a figure; the revert is itself recorded.
    pub fn revert(&mut self, editor: &str, audit_id: i64) -> Result<(), StoreError> {
        self.store.revert(editor, audit_id)?;
        self.reload()
    }

    pub fn records(&self, table: &str) -> Result<Vec<crate::store::records::Record>, StoreError> {
        self.store.records(table)
    }

    pub fn dependents(&self, table: &str, id: i64) -> Result<i64, StoreError> {
        self.store.dependents(table, id)
    }

    pub fn save_record(
        &mut self,
        editor: &str,
        table: &str,
        id: Option<i64>,
        values: &[String],
    ) -> Result<i64, StoreError> {
        let id = self.store.save_record(editor, table, id, values)?;
        self.reload()?;
        Ok(id)
    }

    pub fn delete_record(
        &mut self,
        editor: &str,
        table: &str,
        id: i64,
        with_figures: bool,
    ) -> Result<(), StoreError> {
        self.store.delete_record(editor, table, id, with_figures)?;
        self.reload()
    }

    /// The deck: saved views in order.
    pub fn views(&self) -> &[SavedView] {
        &self.views
    }

    /// A number that changes whenever the file's data changes, for caches of drawings.
    pub fn data_version(&self) -> i64 {
        self.data_version
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

    /// Draws every view of the deck into `dir`, numbered in deck order (`01-Name.png`…), with
    /// type sized for a projector. Returns the files written.
    pub fn export_deck(
        &mut self,
        dir: &Path,
        format: crate::export::Format,
        options: &crate::export::ExportOptions,
    ) -> Result<Vec<std::path::PathBuf>, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let shown = self.spec.clone();
        let options = crate::export::ExportOptions {
            presentation: true,
            ..options.clone()
        };
        let ext = if format == crate::export::Format::Svg {
            "svg"
        } else {
            "png"
        };
        let mut written = Vec::new();
        for (i, view) in self.views.clone().iter().enumerate() {
            self.set_spec(view.spec.clone())
                .map_err(|e| e.to_string())?;
            let name: String = view
                .name
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() || c == '-' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let path = dir.join(format!("{:02}-{name}.{ext}", i + 1));
            crate::export::write_file(&self.description, format, &options, &path)
                .map_err(|e| e.to_string())?;
            written.push(path);
        }
        self.set_spec(shown).map_err(|e| e.to_string())?;
        Ok(written)
    }

    /// The chart's input, for drawing it elsewhere (export, benchmarks).
    pub fn chart_data(&self) -> &ChartData {
        &self.data
    }
}

fn key(indicator: &str, series: &SeriesInfo) -> SeriesKey {
    SeriesKey {
        indicator: indicator.to_owned(),
        area: series.area.clone(),
        subgroup: series.subgroup.clone(),
        source: series.source.clone(),
    }
}

fn names<'a>(pairs: impl Iterator<Item = (&'a String, &'a String)>) -> BTreeMap<String, String> {
    pairs.map(|(c, n)| (c.clone(), n.clone())).collect()
}
