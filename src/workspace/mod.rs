//! The open file and what the user is looking at: everything the window shows, with no egui.
//!
//! The window holds one [`Workspace`], asks it for what to draw and tells it what the user
//! chose. Queries run when something changes, never once per frame. The workspace is the
//! window's only way to the layers below: what the window needs of the store (a report, an
//! audit entry, a record's fields) it names through the re-exports here.
//!
//! | module      | holds                                                              |
//! |-------------|--------------------------------------------------------------------|
//! | (this)      | [`Workspace`]: the open store, the catalogue, the chart shown       |
//! | `selection` | what the user chooses to see: indicators, series, transform, years  |
//! | `deck`      | the saved views, and each slide drawn from its view alone           |
//! | `editing`   | typed and pasted figures, undo and redo, the audit trail, the lists |
//! | `data`      | figures written out as long CSV; imports, in a thread of their own   |
//! | `sample`    | the sample database, built from `fixtures/sample/`                  |
//! | `exchange`  | copies of the file and the packages of changes they exchange        |

mod data;
mod deck;
pub mod editing;
pub mod entry_form;
pub mod exchange;
pub mod jobs;
pub mod preferences;
pub mod sample;
mod selection;

use std::collections::BTreeMap;
use std::path::Path;

use crate::chart::headline::{Headline, headline};
use crate::chart::{ChartData, ChartDescription, ChartKind, ChartSpec, SeriesKey, describe};
use crate::model::{Area, Indicator, Name, Observation, Source, Subgroup, Target};
use crate::store::query::{CatalogueEntry, SeriesFilter};
use crate::text;

pub use crate::chart::boundaries::{Estimate, NoEstimate};
pub use crate::import::Format as ImportFormat;
pub use crate::model::draft::{Problem, Reason, WbApiShape};
pub use crate::store::backup::{BackupError, BackupFile, Backups, Place as BackupPlace, Restored};
pub use crate::store::edit::{default_editor, system_user};
pub use crate::store::import::{
    ImportOptions, ImportReport, Note as ImportNote, Outcome as ImportOutcome, Progress,
    Skip as ImportSkip,
};
pub use crate::store::query::{AuditEntry, SeriesInfo};
pub use crate::store::views::SavedView;
pub use crate::store::{
    GenerateRefusal, Integrity, OpenError, ReadOnlyReason, RecordRefusal, Refusal, RevertRefusal,
    Store, StoreError, ViewRefusal, records,
};
pub use data::{
    UTF8_BOM, WorkbookError, export_long_csv, export_long_csv_to, export_workbook_to, import,
    workbook_sheets,
};
pub use deck::{DeckError, SlideError};
pub use editing::CellInput;
pub use selection::ChartRequest;

/// Puts `backup` back as the database at `db` (which must not be open in this process: the
/// window closes it first), backing the file up as it is now first.
pub fn restore_backup(db: &Path, backup: &Path) -> Result<Restored, BackupError> {
    let backups = Backups::for_restore(db).ok_or_else(|| BackupError::NotABackup {
        path: db.to_path_buf(),
        detail: "not a file name".into(),
    })?;
    backups.restore(backup)
}

/// A catalogue row, ready to show (the headline series in it draws the sparkline).
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogueRow {
    pub entry: CatalogueEntry,
    /// What a search looks in, folded once (see [`Workspace::filtered_catalogue`]): a frame
    /// with a filter typed folds only the query.
    search: text::Folded,
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
    history: editing::History,
    last_source: Option<String>,
    /// Warnings of the last edits, shown until the next edit: the list of open warnings.
    warnings: Vec<editing::Warning>,
    /// The reader's language: how typed numbers are read and cells show them.
    numbers: crate::locale::Numbers,
    /// Each area's code with its names folded for search, made when the file is read.
    area_search: Vec<(String, text::Folded)>,
    /// Whether an indicator has figures for an area, as searches for area names asked it:
    /// (indicator, area) codes. Asked only for the few areas a query names, kept until the
    /// file is read again, so a frame with a filter typed does not touch the file.
    has_figures: std::cell::RefCell<std::collections::HashMap<(String, String), bool>>,
    /// The quick check of a file opened for writing, while it runs.
    integrity_check: Option<jobs::IntegrityJob>,
    /// Whether the selected indicator has provincial figures to rank, found with the chart.
    rankable: bool,
    /// Counts the times the file was read again: what a view of the file (the audit trail)
    /// compares to know it is out of date, this window's own writes included (SQLite's
    /// data_version counts only other connections' writes).
    revision: u64,
}

impl Workspace {
    /// Opens the file at `path`; a file that may be written gets SQLite's quick check in a
    /// thread (see [`Workspace::poll_integrity`]).
    pub fn open(path: &Path) -> Result<Workspace, OpenError> {
        let store = Store::open(path)?;
        let check = (store.read_only().is_none() && *store.integrity() == Integrity::Unchecked)
            .then(|| jobs::IntegrityJob::start(path.to_path_buf(), store.backups().cloned()));
        let mut workspace = Workspace::new(store).map_err(|e| OpenError::Sqlite {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        workspace.integrity_check = check;
        Ok(workspace)
    }

    /// Takes the quick check's finding once it has come: a damaged file turns read-only.
    /// Returns whether it came now.
    pub fn poll_integrity(&mut self) -> bool {
        let Some((found, backup)) = self
            .integrity_check
            .as_mut()
            .and_then(jobs::IntegrityJob::poll)
        else {
            return false;
        };
        self.integrity_check = None;
        // A write may have checked the file meanwhile; damage is taken whenever it is found.
        if *self.store.integrity() == Integrity::Unchecked || matches!(found, Integrity::Damaged(_))
        {
            self.store.set_checked(found, backup);
        }
        true
    }

    /// The open file's backups, or `None` when backups are off.
    pub fn backups(&self) -> Option<&Backups> {
        self.store.backups()
    }

    /// Sends backups to `place` from now on, for this file and the next sessions.
    pub fn set_backup_place(&mut self, place: &BackupPlace) -> std::io::Result<()> {
        crate::store::backup::save_place(place)?;
        self.store.set_backup_place(place);
        Ok(())
    }

    /// Takes a backup now, whether or not this session has one.
    pub fn back_up_now(&self) -> Result<BackupFile, StoreError> {
        self.store.back_up_now()
    }

    /// Whether the quick check of the file is still running.
    pub fn checking_integrity(&self) -> bool {
        self.integrity_check.is_some()
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
            numbers: crate::locale::Numbers::new(Default::default()),
            area_search: Vec::new(),
            has_figures: Default::default(),
            integrity_check: None,
            rankable: false,
            revision: 0,
        };
        workspace.reload()?;
        Ok(workspace)
    }

    /// Reads everything again from the file, keeping the selection where it still exists.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        self.revision += 1;
        let _snapshot = self.store.snapshot()?;
        self.areas = self.store.areas()?;
        // Pickers list areas as a Vietnamese reader looks for them: in Vietnamese order.
        crate::locale::sort_vietnamese(&mut self.areas, |a| {
            a.name.get(crate::locale::Language::Vietnamese)
        });
        self.subgroups = self.store.subgroups()?;
        self.sources = self.store.sources()?;
        self.targets = self.store.all_targets()?;
        self.area_search = self
            .areas
            .iter()
            .map(|a| (a.code.clone(), text::Folded::of(&a.name.all())))
            .collect();
        self.has_figures.borrow_mut().clear();
        let catalogue: Vec<CatalogueRow> = self
            .store
            .catalogue()?
            .into_iter()
            .map(|entry| {
                let i = &entry.indicator;
                let mut fields: Vec<&str> = vec![&i.code];
                for name in [&i.name, &i.short_name, &i.theme] {
                    fields.extend(name.all());
                }
                let search = text::Folded::of(&fields);
                CatalogueRow { entry, search }
            })
            .collect();
        self.catalogue = catalogue;
        sort_catalogue(&mut self.catalogue, self.numbers.language());
        self.views = self.store.views()?;
        self.last_source = self.store.last_used_source()?;
        if let Some(code) = self.selected.clone() {
            if self
                .catalogue
                .iter()
                .any(|r| r.entry.indicator.code == code)
            {
                self.available = self.series_of(&code)?;
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

    /// Reads typed numbers, and shows cells and forms, in `language`'s way from now on.
    /// The chart is described again in that language (words and numbers), without reading
    /// the file.
    pub fn set_language(&mut self, language: crate::locale::Language) {
        if self.numbers.language() != language {
            self.numbers = crate::locale::Numbers::new(language);
            self.data.language = language;
            self.description = describe(&self.spec, &self.data);
            sort_catalogue(&mut self.catalogue, language);
        }
    }

    /// The chart shown, described in `language`: what an export in another language than
    /// the window's draws.
    pub fn description_in(&self, language: crate::locale::Language) -> ChartDescription {
        if language == self.description.language {
            return self.description.clone();
        }
        let data = ChartData {
            language,
            ..self.data.clone()
        };
        describe(&self.spec, &data)
    }

    /// The reader's language.
    pub fn language(&self) -> crate::locale::Language {
        self.numbers.language()
    }

    /// Numbers written and read in the reader's language.
    pub fn numbers(&self) -> &crate::locale::Numbers {
        &self.numbers
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

    /// Catalogue rows whose indicator name, short name, code or theme, in either language, or
    /// the names of the areas it has figures for match `query`, ignoring accents and case:
    /// `tu vong`, `ha giang` and `viet nam` all find indicators.
    pub fn filtered_catalogue(&self, query: &str) -> Vec<&CatalogueRow> {
        let query = text::fold(query);
        let words: Vec<&str> = query.split_whitespace().collect();
        // The areas the query names at least in part: usually none, or one or two.
        let named: Vec<&(String, text::Folded)> = self
            .area_search
            .iter()
            .filter(|(_, names)| words.iter().any(|w| names.contains(w)))
            .collect();
        self.catalogue
            .iter()
            .filter(|row| {
                let rest: Vec<&str> = words
                    .iter()
                    .copied()
                    .filter(|w| !row.search.contains(w))
                    .collect();
                rest.is_empty()
                    || named.iter().any(|(area, names)| {
                        rest.iter().all(|w| names.contains(w))
                            && self.has_figures(&row.entry.indicator.code, area)
                    })
            })
            .collect()
    }

    /// [`Store::has_figures`], remembered; a failed read counts as no figures (the search
    /// shows fewer rows, the error shows where the figures are read).
    fn has_figures(&self, indicator: &str, area: &str) -> bool {
        let key = (indicator.to_owned(), area.to_owned());
        if let Some(known) = self.has_figures.borrow().get(&key) {
            return *known;
        }
        let found = self.store.has_figures(indicator, area).unwrap_or(false);
        self.has_figures.borrow_mut().insert(key, found);
        found
    }

    /// Areas whose name or code match `query`, ignoring accents and case.
    pub fn filtered_areas(&self, query: &str) -> Vec<&Area> {
        self.areas
            .iter()
            .filter(|a| {
                let [vi, en] = a.name.all();
                text::matches(query, &[vi, en, &a.code])
            })
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

    /// The series the selected indicator has, to choose from: those with figures, and those
    /// of units a reform made that can be estimated from their predecessors (`figures` 0).
    pub fn available_series(&self) -> &[SeriesInfo] {
        &self.available
    }

    /// The series of `code` with figures, then those of units a reform made, for the years
    /// before they existed, when the indicator's rule allows an estimate from parts.
    /// The series of indicator `code`: those of the selected one as read with the chart, those
    /// of another on the chart (added to compare) read now.
    pub fn series_of_indicator(&self, code: &str) -> Result<Vec<SeriesInfo>, StoreError> {
        if self.selected.as_deref() == Some(code) {
            return Ok(self.available.clone());
        }
        self.series_of(code)
    }

    fn series_of(&self, code: &str) -> Result<Vec<SeriesInfo>, StoreError> {
        let mut series = self.store.series_list(code)?;
        let rule = self.store.indicator(code)?;
        let estimable = match rule.aggregation {
            crate::model::Aggregation::Sum => true,
            crate::model::Aggregation::WeightedMean => weight_of(&self.store, &rule).is_some(),
            crate::model::Aggregation::None => false,
        };
        if estimable {
            series.extend(self.store.series_on_new_boundaries(code)?);
        }
        Ok(series)
    }

    pub fn spec(&self) -> &ChartSpec {
        &self.spec
    }

    pub fn description(&self) -> &ChartDescription {
        &self.description
    }

    /// The source of the figure written last, the default for a new one.
    pub fn last_used_source(&self) -> Option<&str> {
        self.last_source.as_deref()
    }

    /// The headline card of the selected indicator.
    pub fn headline(&self) -> Option<Headline> {
        self.headline_of(self.selected.as_deref()?, &self.numbers)
    }

    /// The headline card of indicator `code`, its numbers written with `numbers`.
    pub fn headline_of(&self, code: &str, numbers: &crate::locale::Numbers) -> Option<Headline> {
        let row = self
            .catalogue
            .iter()
            .find(|r| r.entry.indicator.code == code)?;
        let latest = row.entry.latest.as_ref()?;
        let target = self.targets.iter().find(|t| {
            t.indicator_code == latest.indicator_code
                && t.area_code == latest.area_code
                && t.subgroup_code == latest.subgroup_code
        });
        let mut card = headline(
            &row.entry.indicator,
            latest,
            row.entry.previous.as_ref(),
            target,
            numbers,
        );
        // A change read from another source than the latest figure's says which.
        if let (Some(change), Some(code)) = (&mut card.since_previous, &row.entry.trend_source) {
            let name = self
                .sources
                .iter()
                .find(|s| &s.code == code)
                .map_or(code.as_str(), |s| s.short_name.get(numbers.language()));
            change.text = format!("{} · {name}", change.text);
        }
        Some(card)
    }

    /// The figures of the series on the chart, as the table shows them.
    pub fn chart_observations(&self) -> &[Observation] {
        &self.data.observations
    }

    fn refresh_chart(&mut self) -> Result<(), StoreError> {
        self.rankable = self.ranking_series(None, None).is_some();
        self.data = self.chart_data_of(&self.spec)?;
        self.description = describe(&self.spec, &self.data);
        Ok(())
    }

    /// The figures and names a chart of `spec` needs, read in one snapshot. A series whose
    /// indicator, area, subgroup or source is gone (a stale saved view) is simply empty.
    fn chart_data_of(&self, spec: &ChartSpec) -> Result<ChartData, StoreError> {
        let _snapshot = self.store.snapshot()?;
        let mut observations = Vec::new();
        let mut indicators: Vec<Indicator> = Vec::new();
        let mut estimates = BTreeMap::new();
        if spec.kind.by_province()
            && let Some(key) = spec.series.first()
        {
            // Every area's figures of the ranking's indicator, subgroup and source.
            match self.store.indicator(&key.indicator) {
                Ok(i) => indicators.push(i),
                Err(StoreError::UnknownIndicator(_)) => {}
                Err(e) => return Err(e),
            }
            if let Some(indicator) = indicators.first() {
                let filter = SeriesFilter {
                    area: None,
                    subgroup: Some(key.subgroup.clone()),
                    source: Some(key.source.clone()),
                };
                observations = self
                    .store
                    .series(&key.indicator, &filter)
                    .or_else(|e| match e {
                        StoreError::UnknownSubgroup(_) | StoreError::UnknownSource(_) => {
                            Ok(Vec::new())
                        }
                        e => Err(e),
                    })?;
                if let Some(day) = &spec.ranking.boundaries {
                    estimates = self.estimates_on(day, indicator, key, &observations)?;
                }
            }
        }
        for key in spec
            .series
            .iter()
            .filter(|_| spec.kind == ChartKind::TimeSeries)
        {
            if !indicators.iter().any(|i| i.code == key.indicator) {
                match self.store.indicator(&key.indicator) {
                    Ok(i) => indicators.push(i),
                    Err(StoreError::UnknownIndicator(_)) => continue,
                    Err(e) => return Err(e),
                }
            }
            let filter = SeriesFilter {
                area: Some(key.area.clone()),
                subgroup: Some(key.subgroup.clone()),
                source: Some(key.source.clone()),
            };
            observations.extend(self.store.series(&key.indicator, &filter).or_else(
                |e| match e {
                    StoreError::UnknownArea(_)
                    | StoreError::UnknownSubgroup(_)
                    | StoreError::UnknownSource(_) => Ok(Vec::new()),
                    e => Err(e),
                },
            )?);
            // A unit a reform made has, for the years before it, estimates from the provinces
            // it was made of, which the chart draws as such.
            let made = self
                .areas
                .iter()
                .any(|a| a.code == key.area && !a.valid_from.is_empty());
            if made {
                let found = estimates_on_new_boundaries(
                    &self.store,
                    &key.indicator,
                    &key.area,
                    &key.subgroup,
                    &key.source,
                );
                match found {
                    Ok(Ok(found)) if !found.is_empty() => {
                        estimates.insert(key.clone(), found);
                    }
                    Ok(_)
                    | Err(
                        StoreError::UnknownArea(_)
                        | StoreError::UnknownSubgroup(_)
                        | StoreError::UnknownSource(_),
                    ) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(ChartData {
            indicators,
            observations,
            targets: self.targets.clone(),
            sources: self.sources.clone(),
            area_names: names(self.areas.iter().map(|a| (&a.code, &a.name))),
            area_levels: self
                .areas
                .iter()
                .map(|a| (a.code.clone(), a.level.clone()))
                .collect(),
            area_dates: self
                .areas
                .iter()
                .filter(|a| !a.valid_from.is_empty() || !a.valid_until.is_empty())
                .map(|a| {
                    (
                        a.code.clone(),
                        (a.valid_from.clone(), a.valid_until.clone()),
                    )
                })
                .collect(),
            subgroup_names: names(self.subgroups.iter().map(|g| (&g.code, &g.name))),
            areas: if spec.kind.by_province() {
                self.areas.clone()
            } else {
                Vec::new()
            },
            estimates,
            language: self.numbers.language(),
        })
    }

    /// The estimates of every unit valid on `day` that a reform made, for the years before it,
    /// from its predecessors' `figures` (every area's, of the subgroup and source of `series`)
    /// by the indicator's rule; units whose figures cannot be estimated have none.
    fn estimates_on(
        &self,
        day: &str,
        indicator: &Indicator,
        series: &SeriesKey,
        figures: &[Observation],
    ) -> Result<BTreeMap<SeriesKey, Vec<Estimate>>, StoreError> {
        let weights = match weight_of(&self.store, indicator) {
            Some(code) => self.store.series(&code, &weight_filter())?,
            None => Vec::new(),
        };
        let mut estimates = BTreeMap::new();
        let made = self.areas.iter().filter(|a| {
            !a.valid_from.is_empty()
                && a.valid_from.as_str() <= day
                && (a.valid_until.is_empty() || a.valid_until.as_str() >= day)
        });
        for area in made {
            let predecessors = self.store.predecessors(&area.code)?;
            let of_them = |o: &&Observation| predecessors.contains(&o.area_code);
            let parts: Vec<Observation> = figures.iter().filter(of_them).cloned().collect();
            let weights: Vec<Observation> = weights.iter().filter(of_them).cloned().collect();
            if let Ok(found) = crate::chart::boundaries::estimate(
                indicator.aggregation,
                &predecessors,
                &parts,
                &weights,
            ) && !found.is_empty()
            {
                let key = SeriesKey {
                    area: area.code.clone(),
                    ..series.clone()
                };
                estimates.insert(key, found);
            }
        }
        Ok(estimates)
    }

    /// A number that changes whenever the file's data changes, for caches of drawings.
    pub fn data_version(&self) -> i64 {
        self.data_version
    }

    /// How many times the file was read again (see the field).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The chart's input, for drawing it elsewhere (export, benchmarks).
    pub fn chart_data(&self) -> &ChartData {
        &self.data
    }
}

/// The catalogue by theme, then name, in the names and the alphabet of the language shown.
fn sort_catalogue(catalogue: &mut [CatalogueRow], language: crate::locale::Language) {
    sort_entries(catalogue, language, |row| &row.entry);
}

/// Catalogue entries in the order the window lists them in `language`: by theme, then name,
/// in that language's names and alphabet (what `chiso list` prints too).
pub fn sort_entries<T>(
    items: &mut [T],
    language: crate::locale::Language,
    entry: impl Fn(&T) -> &CatalogueEntry,
) {
    crate::locale::sort_in(language, items, |item| {
        let i = &entry(item).indicator;
        [i.theme.get(language), i.name.get(language), &i.code]
    });
}

fn names<'a>(pairs: impl Iterator<Item = (&'a String, &'a Name)>) -> BTreeMap<String, Name> {
    pairs.map(|(c, n)| (c.clone(), n.clone())).collect()
}

/// The estimates, on its own boundaries, of the unit `area` the 2025 reform made, for an
/// indicator's figures of one subgroup and source: computed from the provinces it was made
/// of by the indicator's rule, never stored. `Ok(Err)` says why there are none.
pub fn estimates_on_new_boundaries(
    store: &Store,
    indicator: &str,
    area: &str,
    subgroup: &str,
    source: &str,
) -> Result<Result<Vec<Estimate>, NoEstimate>, StoreError> {
    let rule = store.indicator(indicator)?;
    let predecessors = store.predecessors(area)?;
    let mut figures = Vec::new();
    let mut weights = Vec::new();
    let weight = weight_of(store, &rule);
    for predecessor in &predecessors {
        let filter = SeriesFilter {
            area: Some(predecessor.clone()),
            subgroup: Some(subgroup.to_owned()),
            source: Some(source.to_owned()),
        };
        figures.extend(store.series(indicator, &filter)?);
        if let Some(weight) = &weight {
            let filter = SeriesFilter {
                area: Some(predecessor.clone()),
                ..weight_filter()
            };
            weights.extend(store.series(weight, &filter)?);
        }
    }
    Ok(crate::chart::boundaries::estimate(
        rule.aggregation,
        &predecessors,
        &figures,
        &weights,
    ))
}

/// The indicator whose figures weigh a mean of `rule`'s provinces: its own choice, else the
/// file's population; none for a sum or an index.
fn weight_of(store: &Store, rule: &Indicator) -> Option<String> {
    match (&rule.weight, rule.aggregation) {
        (_, crate::model::Aggregation::Sum | crate::model::Aggregation::None) => None,
        (Some(code), _) => Some(code.clone()),
        // A file's population weighs its rates when the indicator names no weight.
        (None, _) => store.indicator("POPULATION").ok().map(|i| i.code),
    }
}

/// The weights' figures: the whole population (subgroup `T`), of any source.
fn weight_filter() -> SeriesFilter {
    SeriesFilter {
        area: None,
        subgroup: Some("T".to_owned()),
        source: None,
    }
}
