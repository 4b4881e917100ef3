//! Entry forms for the provinces: a workbook made from the file for one indicator, areas and
//! years (`export::form`), filled in Excel without Chiso, and brought back through the same
//! checks as a figure typed in the grid (`Store::check_figure`, `Store::set_figures`): a value
//! outside the valid range refused, an unlikely one warned of, each named by its cell; a dry
//! run first; all or nothing; the audit trail naming the form ("form from Tuyên Quang").

use std::collections::BTreeMap;
use std::path::Path;

use crate::export::form::{FormRow, FormSpec, status_choices};
pub use crate::import::form::{CellProblem, CellReason, FilledForm, is_form};
use crate::locale::Language;
use crate::store::Refusal;
use crate::store::edit::{SetOutcome, SetRequest, Warning};
use crate::store::query::SeriesFilter;
use crate::store::{Store, StoreError};

/// What a form is made for.
#[derive(Clone, Debug, Default)]
pub struct TemplateRequest {
    pub indicator: String,
    /// Every area of this level valid in a year gets a row for it (default: `province`).
    pub area_level: Option<String>,
    /// One area only (a province's own form), instead of a level.
    pub area: Option<String>,
    /// First and last year, inclusive (default: last year).
    pub years: Option<(i32, i32)>,
    /// Default: `T`, the total.
    pub subgroup: Option<String>,
    /// Default: the source of the indicator's most recent figures.
    pub source: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    #[error(transparent)]
    Read(#[from] crate::import::ReadError),
    #[error("no area of level {0} was valid in those years: choose another --area-level or --area")]
    NoAreas(String),
    #[error("{0} has no figures to take a source from: give --source")]
    NoSource(String),
}

/// Writes the entry form `request` asks for at `out`, from `store` (the file `database`).
/// Returns how many rows (areas × years) it has.
pub fn write_template(
    store: &Store,
    database: &Path,
    request: &TemplateRequest,
    out: &Path,
) -> Result<usize, FormError> {
    let indicator = store.indicator(&request.indicator)?;
    let subgroup = request.subgroup.clone().unwrap_or_else(|| "T".to_owned());
    let subgroups = store.subgroups()?;
    let subgroup_row = subgroups
        .iter()
        .find(|g| g.code == subgroup)
        .ok_or_else(|| StoreError::UnknownSubgroup(subgroup.clone()))?;
    let source = match &request.source {
        Some(code) => code.clone(),
        None => store
            .series_list(&indicator.code)?
            .into_iter()
            .max_by_key(|s| (s.last_year, s.figures))
            .map(|s| s.source)
            .ok_or_else(|| FormError::NoSource(indicator.code.clone()))?,
    };
    let sources = store.sources()?;
    let source_row = sources
        .iter()
        .find(|s| s.code == source)
        .ok_or_else(|| StoreError::UnknownSource(source.clone()))?;
    let this_year = chrono::Local::now().date_naive().format("%Y").to_string();
    let last_year = this_year.parse::<i32>().unwrap_or(2026) - 1;
    let (first, last) = request.years.unwrap_or((last_year, last_year));
    let level = request
        .area_level
        .clone()
        .unwrap_or_else(|| "province".to_owned());
    let mut areas = store.areas()?;
    crate::locale::sort_vietnamese(&mut areas, |a| a.name.get(Language::Vietnamese));
    let chosen: Vec<_> = match &request.area {
        Some(code) => {
            let found = areas
                .iter()
                .find(|a| &a.code == code)
                .ok_or_else(|| StoreError::UnknownArea(code.clone()))?;
            vec![found.clone()]
        }
        None => areas.into_iter().filter(|a| a.level == level).collect(),
    };
    let filter = SeriesFilter {
        area: request.area.clone(),
        subgroup: Some(subgroup.clone()),
        source: Some(source.clone()),
    };
    let existing: BTreeMap<(String, i32), (f64, crate::model::Status, String)> = store
        .series(&indicator.code, &filter)?
        .into_iter()
        .filter(|o| o.period.label.is_empty())
        .map(|o| {
            (
                (o.area_code, o.period.year),
                (o.value, o.status, o.footnote),
            )
        })
        .collect();
    let mut rows = Vec::new();
    for year in first..=last {
        // The areas of the year's last day: a year's figure is of the boundaries it ended on
        // (2025's of the 34 units), as rankings take them; one area asked for, in every year
        // it existed.
        let day = format!("{year:04}-12-31");
        let valid = |a: &&crate::model::Area| match request.area {
            Some(_) => a.valid_in(year),
            None => {
                (a.valid_from.is_empty() || a.valid_from <= day)
                    && (a.valid_until.is_empty() || a.valid_until >= day)
            }
        };
        for area in chosen.iter().filter(valid) {
            rows.push(FormRow {
                year,
                area_code: area.code.clone(),
                area_name: area.name.get(Language::Vietnamese).to_owned(),
                existing: existing.get(&(area.code.clone(), year)).cloned(),
            });
        }
    }
    if rows.is_empty() {
        return Err(FormError::NoAreas(request.area.clone().unwrap_or(level)));
    }
    let for_whom = match chosen.as_slice() {
        [one] => one.name.get(Language::Vietnamese).to_owned(),
        _ => {
            // Counted as the charts count them: "63 tỉnh, thành phố".
            let count = rows
                .iter()
                .map(|r| &r.area_code)
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            let id = if level == "province" {
                "chart-count-provinces"
            } else {
                "chart-count-areas"
            };
            crate::locale::Messages::of(Language::Vietnamese).with(id, &[("count", count.into())])
        }
    };
    let database_name = database
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let spec = FormSpec {
        indicator: &indicator,
        subgroup: (&subgroup, subgroup_row.name.get(Language::Vietnamese)),
        source: (&source, source_row.short_name.get(Language::Vietnamese)),
        database: &database_name,
        for_whom: &for_whom,
        rows,
    };
    Ok(crate::export::form::write(out, &spec)?)
}

/// What importing a form did, or would do.
#[derive(Clone, Debug, Default)]
pub struct FormReport {
    pub form: FilledForm,
    /// The editor the audit trail names.
    pub editor: String,
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// Values the checks refused, by cell.
    pub refused: Vec<(String, Refusal)>,
    /// Values saved (or that would be) with a warning, by cell.
    pub warned: Vec<(String, Warning)>,
    /// Whether anything was written.
    pub written: bool,
}

impl FormReport {
    /// Cells that stop the import: unreadable and refused.
    pub fn problem_count(&self) -> usize {
        self.form.problems.len() + self.refused.len()
    }
}

/// Options of a form's import.
#[derive(Clone, Debug, Default)]
pub struct FormOptions {
    pub dry_run: bool,
    /// Import the readable, accepted values even when other cells have problems.
    pub skip_problems: bool,
    /// Who imports it; the audit trail says "NAME (form from PROVINCE)".
    pub by: Option<String>,
}

/// Reads the filled form at `path` and writes its figures into `store` as the grid would:
/// nothing when a cell is unreadable or refused (unless `skip_problems`), nothing on a dry run.
pub fn import_form(
    store: &mut Store,
    path: &Path,
    options: &FormOptions,
) -> Result<FormReport, FormError> {
    let form = crate::import::form::read(path, &status_choices())?;
    store.indicator(&form.indicator)?;
    let from = format!("form from {}", form.for_whom);
    let editor = match &options.by {
        Some(by) => format!("{by} ({from})"),
        None => from,
    };
    let mut report = FormReport {
        editor: editor.clone(),
        ..Default::default()
    };
    let mut requests = Vec::new();
    let mut cells = Vec::new();
    for entry in &form.entries {
        let request = SetRequest {
            indicator: form.indicator.clone(),
            area: Some(entry.area.clone()),
            subgroup: Some(form.subgroup.clone()),
            source: Some(form.source.clone()),
            year: entry.year,
            value: entry.value,
            status: entry.status,
            qualifier: crate::model::Qualifier::Exact,
            footnote: Some(entry.note.clone()),
            expect: None,
            clear: false,
        };
        match store.check_figure(&request) {
            Ok(_) => {
                requests.push(request);
                cells.push(entry.cell.clone());
            }
            Err(StoreError::Refused(refusal)) => report.refused.push((entry.cell.clone(), refusal)),
            Err(e) => return Err(e.into()),
        }
    }
    report.form = form;
    let blocked = report.problem_count() > 0 && !options.skip_problems;
    let outcomes = if options.dry_run || blocked {
        store.preview_figures(&editor, &requests)?
    } else {
        let done = store.set_figures(&editor, &requests)?;
        report.written = true;
        done
    };
    for (cell, (outcome, warnings)) in cells.into_iter().zip(outcomes) {
        match outcome {
            SetOutcome::Added => report.added += 1,
            SetOutcome::Changed { .. } => report.changed += 1,
            SetOutcome::Unchanged | SetOutcome::Deleted { .. } => report.unchanged += 1,
        }
        report
            .warned
            .extend(warnings.into_iter().map(|w| (cell.clone(), w)));
    }
    Ok(report)
}

impl super::Workspace {
    /// An entry form for the indicator shown, at `out`: the provinces valid in `years`
    /// (default: last year), in the subgroup and source of the first series on the chart.
    pub fn write_template(
        &self,
        years: Option<(i32, i32)>,
        out: &Path,
    ) -> Result<usize, FormError> {
        let Some(first) = self.spec.series.first() else {
            return Err(FormError::NoSource(
                self.selected.clone().unwrap_or_default(),
            ));
        };
        let request = TemplateRequest {
            indicator: first.indicator.clone(),
            area_level: Some("province".to_owned()),
            area: None,
            years,
            subgroup: Some(first.subgroup.clone()),
            source: Some(first.source.clone()),
        };
        write_template(&self.store, self.path(), &request, out)
    }

    /// Imports the filled form at `path` into the open file (see [`import_form`]); what is on
    /// screen is read again when figures were written.
    pub fn import_form(
        &mut self,
        path: &Path,
        options: &FormOptions,
    ) -> Result<FormReport, FormError> {
        let report = import_form(&mut self.store, path, options)?;
        if report.written {
            self.reload()?;
        }
        Ok(report)
    }
}
