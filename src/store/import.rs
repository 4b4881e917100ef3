//! Bringing figures read from files into the database: matching codes, converting units,
//! finding or creating sources, and counting what would be added, changed, left or skipped.
//!
//! An import runs in one transaction over all its files. A dry run is the same import rolled
//! back, so the preview counts exactly what the real run will do. By default an import with
//! problems is rolled back too (all or nothing); `skip_problems` keeps the good rows.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::{OptionalExtension, Transaction, params};

use rusqlite::config::DbConfig;

use super::edit::now_stamp;
use super::{Store, StoreError, schema};
use crate::model::draft::{
    FileReader, IndicatorDraft, Problem, RawFigure, Sink, SourceDraft, display_name,
};
use crate::model::units::{conversion, symbol_of};
use crate::text::code_from;

/// Publishers' codes that stand for the sample's indicators.
const KNOWN_EQUIVALENTS: &[(&str, &str)] = &[
    ("SH.DYN.MORT", "U5MR"),
    ("IT.NET.USER.ZS", "INTERNET_USERS"),
    ("hdi", "HDI"),
    ("hdi_rank", "HDI_RANK"),
    ("Human Development Index", "HDI"),
    (
        "Individuals using the Internet (% of population)",
        "INTERNET_USERS",
    ),
    (
        "Share of the population using the Internet",
        "INTERNET_USERS",
    ),
    ("Under-five mortality rate", "U5MR"),
    ("Child mortality rate", "U5MR"),
];

/// The page cache during an import, as SQLite counts it: negative is KiB (64 MiB).
const IMPORT_CACHE_KIB: i64 = -65536;

/// How many problems a report keeps in full; the rest are counted.
const PROBLEMS_KEPT: usize = 2000;

#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Area codes to bring in, created if missing. `None`: the areas already in the database
    /// (for Chiso's own CSV: every area the file names).
    pub areas: Option<Vec<String>>,
    /// Indicators to bring in, by the file's key or Chiso's code, created if missing. `None`:
    /// those that match indicators already in the database (Chiso's CSV: all).
    pub indicators: Option<Vec<String>>,
    /// (file's key, Chiso code): map a file's indicator onto an existing one.
    pub mappings: Vec<(String, String)>,
    /// Overwrite figures that differ from those stored for the same source.
    pub replace: bool,
    /// Roll back at the end, whatever happened: a preview.
    pub dry_run: bool,
    /// Commit the good rows even when some rows have problems.
    pub skip_problems: bool,
}

/// What an import did, or would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
    /// Figures left out, by reason, with how many.
    pub skipped: BTreeMap<String, u64>,
    pub missing_values: u64,
    /// Problems with file, row, column, raw value and reason (the first [`PROBLEMS_KEPT`]).
    pub problems: Vec<Problem>,
    pub problem_count: u64,
    /// What else the user should know: conversions, sources, indicators and areas created.
    pub notes: Vec<String>,
    /// The files' indicators that match none in the database and were not chosen:
    /// (the file's key, its name), to offer creating or mapping them.
    pub unmatched_indicators: Vec<(String, String)>,
    pub committed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    pub path: PathBuf,
    pub format: Option<&'static str>,
    pub source: Option<String>,
    pub figures: u64,
}

impl ImportReport {
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }
}

/// How far an import is, for a progress bar, and a way to cancel it from another thread.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    pub cancel: Arc<AtomicBool>,
    /// Bytes read of all files, and their total size.
    pub done: Arc<std::sync::atomic::AtomicU64>,
    pub total: Arc<std::sync::atomic::AtomicU64>,
}

impl Store {
    /// Imports `files` as `editor`, each read by `reader`. See the module's documentation for
    /// the transaction rules.
    pub fn import<R: FileReader>(
        &mut self,
        reader: &R,
        files: &[PathBuf],
        options: &ImportOptions,
        editor: &str,
        progress: &Progress,
    ) -> Result<ImportReport, StoreError> {
        if let Some(reason) = self.read_only() {
            return Err(StoreError::ReadOnly(reason.clone()));
        }
        let total: u64 = files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum();
        progress.total.store(total, Ordering::Relaxed);
        progress.done.store(0, Ordering::Relaxed);
        self.without_triggers(|store| {
            store.import_without_triggers(reader, files, options, editor, progress)
        })
    }

    /// Runs `f` with this connection's triggers off and a larger page cache, for writing many
    /// figures at once: per-row audit triggers would double the cost of a large write, so the
    /// caller records its inserts with [`audit_bulk_inserts`] before commit instead. Other
    /// connections keep their triggers. The cache is bounded, so memory does not grow with
    /// the file, but large enough that a big transaction does not spill pages before commit.
    pub(crate) fn without_triggers<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let cache: i64 = self
            .conn
            .pragma_query_value(None, "cache_size", |r| r.get(0))?;
        self.conn
            .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
        let result = f(self);
        self.conn
            .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true)?;
        self.conn.pragma_update(None, "cache_size", cache)?;
        result
    }

    fn import_without_triggers<R: FileReader>(
        &mut self,
        reader: &R,
        files: &[PathBuf],
        options: &ImportOptions,
        editor: &str,
        progress: &Progress,
    ) -> Result<ImportReport, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let max_ids_before = max_audited_ids(&tx)?;
        let mut report = ImportReport::default();
        let mut done_before = 0;
        for path in files {
            // The format is told once, from the content; a file of no known format is a
            // problem of the report, like a bad row.
            let format = match reader.detect(path) {
                Ok(format) => format,
                Err(e) => {
                    push_problem(&mut report, e.into_problem(path));
                    report.files.push(FileReport {
                        path: path.clone(),
                        format: None,
                        source: None,
                        figures: 0,
                    });
                    done_before += std::fs::metadata(path).map_or(0, |m| m.len());
                    continue;
                }
            };
            // What the file brought, to tell an empty file from one whose rows all had problems.
            let seen_before = (
                report.problem_count,
                report.skipped_total(),
                report.missing_values,
            );
            let mut applier = Applier::new(
                &tx,
                options,
                (path, reader.is_own_format(format), done_before),
                &mut report,
                progress,
                editor,
            )?;
            let result = reader.read(path, format, &mut applier);
            let figures = applier.figures;
            let source = applier.source_code.clone();
            drop(applier);
            let format = match result.map_err(|e| e.into_stop::<StoreError>()) {
                Ok(()) => Some(reader.name(format)),
                // The applier stopped the reading: a failed write, or the user cancelled.
                Err(Ok(stopped)) => return Err(stopped),
                Err(Err(e)) => {
                    push_problem(&mut report, e.into_problem(path));
                    None
                }
            };
            let seen = (
                report.problem_count,
                report.skipped_total(),
                report.missing_values,
            );
            if format.is_some() && figures == 0 && seen == seen_before {
                report.notes.push(format!(
                    "{}: no figures in the file (only a header?); nothing was taken from it",
                    display_name(path)
                ));
            }
            report.files.push(FileReport {
                path: path.clone(),
                format,
                source,
                figures,
            });
            done_before += std::fs::metadata(path).map_or(0, |m| m.len());
        }
        audit_bulk_inserts(&tx, editor, &max_ids_before)?;
        let commit = !options.dry_run && (report.problem_count == 0 || options.skip_problems);
        if commit {
            tx.commit()?;
        } else {
            tx.rollback()?;
        }
        report.committed = commit;
        Ok(report)
    }
}

/// The highest id of each audited table, in [`schema::audited_tables`] order: rows above them
/// are the ones a bulk write added.
pub(crate) fn max_audited_ids(tx: &Transaction) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::new();
    for (table, _) in schema::audited_tables() {
        let max: i64 = tx.query_row(
            &format!("SELECT coalesce(max(id), 0) FROM {table}"),
            [],
            |r| r.get(0),
        )?;
        ids.push(max);
    }
    Ok(ids)
}

/// Writes the audit rows of every row added since `max_ids_before`, in one statement a table:
/// what the triggers would have written, had they been on.
pub(crate) fn audit_bulk_inserts(
    tx: &Transaction,
    editor: &str,
    max_ids_before: &[i64],
) -> Result<(), StoreError> {
    for ((table, json), max) in schema::audited_tables().zip(max_ids_before) {
        // Added figures are recorded without a copy of their values: those are the row's own
        // until its next change, whose entry holds them as old values (see
        // `Store::audit_log`). A million-row import would otherwise double the file.
        let values = if table == "observation" {
            "NULL".to_owned()
        } else {
            json
        };
        tx.execute(
            &format!(
                "INSERT INTO audit_log (editor, table_name, row_id, action, new_values) \
                 SELECT ?1, '{table}', id, 'insert', {values} FROM {table} WHERE id > ?2 ORDER BY id"
            ),
            params![editor, max],
        )?;
    }
    Ok(())
}

fn push_problem(report: &mut ImportReport, problem: Problem) {
    report.problem_count += 1;
    if report.problems.len() < PROBLEMS_KEPT {
        report.problems.push(problem);
    }
}

/// What an indicator of the file became.
#[derive(Clone, Debug)]
enum Target {
    Skip(String),
    Into {
        id: i64,
        factor: f64,
        valid: (Option<f64>, Option<f64>),
    },
}

/// The sink that writes one file's figures into the transaction.
struct Applier<'a, 'r> {
    tx: &'a Transaction<'a>,
    options: &'a ImportOptions,
    file: String,
    chiso_format: bool,
    report: &'r mut ImportReport,
    progress: &'a Progress,
    done_before: u64,
    editor: &'a str,
    /// The highest observation id before the import: rows above it were added by it.
    max_id_before: i64,
    /// Rows this import has updated, to tell a duplicate row in the file from a change.
    touched: BTreeSet<i64>,
    drafts: HashMap<String, IndicatorDraft>,
    indicators: HashMap<String, Target>,
    areas: HashMap<String, Option<i64>>,
    aggregates: BTreeSet<String>,
    subgroups: HashMap<String, Option<i64>>,
    sources: HashMap<String, i64>,
    file_source: Option<SourceDraft>,
    file_source_id: Option<i64>,
    source_code: Option<String>,
    figures: u64,
    /// One time stamp for the whole import: its figures were all updated at once.
    stamp: String,
}

impl<'a, 'r> Applier<'a, 'r> {
    fn new(
        tx: &'a Transaction<'a>,
        options: &'a ImportOptions,
        // The file, whether it is in Chiso's own format, and how many bytes of earlier files
        // were read.
        (path, chiso_format, done_before): (&Path, bool, u64),
        report: &'r mut ImportReport,
        progress: &'a Progress,
        editor: &'a str,
    ) -> Result<Self, StoreError> {
        let max_id_before =
            tx.query_row("SELECT coalesce(max(id), 0) FROM observation", [], |r| {
                r.get(0)
            })?;
        Ok(Applier {
            tx,
            options,
            file: display_name(path),
            chiso_format,
            report,
            progress,
            done_before,
            editor,
            max_id_before,
            touched: BTreeSet::new(),
            drafts: HashMap::new(),
            indicators: HashMap::new(),
            areas: HashMap::new(),
            aggregates: BTreeSet::new(),
            subgroups: HashMap::new(),
            sources: HashMap::new(),
            file_source: None,
            file_source_id: None,
            source_code: None,
            figures: 0,
            stamp: now_stamp(),
        })
    }

    fn skip(&mut self, reason: impl Into<String>) {
        *self.report.skipped.entry(reason.into()).or_default() += 1;
    }

    fn problem(&mut self, figure: &RawFigure, reason: String) {
        push_problem(
            self.report,
            Problem {
                file: self.file.clone(),
                line: figure.line,
                column: Some(figure.column.clone()),
                raw: crate::model::format_value(figure.value, 6)
                    .trim_end_matches('0')
                    .trim_end_matches('.')
                    .to_owned(),
                reason,
            },
        );
    }

    fn note(&mut self, note: String) {
        if !self.report.notes.contains(&note) {
            self.report.notes.push(note);
        }
    }

    /// Which indicator a file's key goes into, decided once per key.
    fn indicator_target(&mut self, key: &str) -> Result<Target, StoreError> {
        if let Some(target) = self.indicators.get(key) {
            return Ok(target.clone());
        }
        let draft = self
            .drafts
            .get(key)
            .cloned()
            .unwrap_or_else(|| IndicatorDraft {
                key: key.to_owned(),
                name: key.to_owned(),
                ..Default::default()
            });
        let target = self.decide_indicator(&draft)?;
        self.indicators.insert(key.to_owned(), target.clone());
        Ok(target)
    }

    fn decide_indicator(&mut self, draft: &IndicatorDraft) -> Result<Target, StoreError> {
        let key = draft.key.as_str();
        let chosen = |list: &Option<Vec<String>>| {
            list.as_ref().map(|l| {
                l.iter()
                    .any(|c| c.eq_ignore_ascii_case(key) || c.eq_ignore_ascii_case(&code_from(key)))
            })
        };
        let selected = chosen(&self.options.indicators);
        if selected == Some(false) {
            return Ok(Target::Skip(format!("indicator `{key}` not chosen")));
        }
        // An explicit mapping, the same code, a known equivalent, or the same name.
        let mapped = self
            .options
            .mappings
            .iter()
            .find(|(from, _)| from.eq_ignore_ascii_case(key))
            .map(|(_, to)| to.clone());
        let own_code = if self.chiso_format {
            key.to_owned()
        } else {
            code_from(key)
        };
        let candidates: Vec<String> = mapped
            .into_iter()
            .chain([own_code.clone()])
            .chain(
                KNOWN_EQUIVALENTS
                    .iter()
                    .filter(|(k, _)| {
                        k.eq_ignore_ascii_case(key) || k.eq_ignore_ascii_case(&draft.name)
                    })
                    .map(|(_, c)| (*c).to_owned()),
            )
            .collect();
        for code in &candidates {
            if let Some(target) = self.existing_indicator(code, draft)? {
                return Ok(target);
            }
        }
        let by_name: Option<String> = self
            .tx
            .query_row(
                "SELECT code FROM indicator WHERE lower(name) = lower(?1)",
                [&draft.name],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(code) = by_name
            && let Some(target) = self.existing_indicator(&code, draft)?
        {
            return Ok(target);
        }
        if selected != Some(true) && !self.chiso_format {
            let pair = (key.to_owned(), draft.name.clone());
            if !self.report.unmatched_indicators.contains(&pair) {
                self.report.unmatched_indicators.push(pair);
            }
            return Ok(Target::Skip(
                "indicator not in the database and not chosen (choose it to create it, or map it onto an existing one)".into(),
            ));
        }
        self.create_indicator(&own_code, draft)
    }

    fn existing_indicator(
        &mut self,
        code: &str,
        draft: &IndicatorDraft,
    ) -> Result<Option<Target>, StoreError> {
        type Row = (i64, String, String, Option<f64>, Option<f64>);
        let found: Option<Row> = self
            .tx
            .query_row(
                "SELECT i.id, u.symbol, u.name, i.valid_min, i.valid_max FROM indicator i JOIN unit u ON u.id = i.unit_id WHERE i.code = ?1",
                [code],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((id, symbol, unit_name, lo, hi)) = found else {
            return Ok(None);
        };
        let file_symbol = if draft.unit_symbol.is_empty() {
            symbol_of(&draft.unit)
        } else {
            draft.unit_symbol.clone()
        };
        let ours = if symbol.is_empty() {
            symbol_of(&unit_name)
        } else {
            symbol.clone()
        };
        let factor = if file_symbol.is_empty() || ours.is_empty() {
            Some(1.0)
        } else {
            conversion(&file_symbol, &ours)
        };
        let Some(factor) = factor else {
            return Ok(Some(Target::Skip(format!(
                "`{}` is in {file_symbol} but {code} is in {ours}, and Chiso cannot convert between them",
                draft.key
            ))));
        };
        if factor != 1.0 {
            self.note(format!(
                "{}: values of `{}` converted from {file_symbol} to {ours} (×{factor}) to match {code}",
                self.file, draft.key
            ));
        }
        if code != draft.key && !self.chiso_format {
            self.note(format!("{}: `{}` imported as {code}", self.file, draft.key));
        }
        Ok(Some(Target::Into {
            id,
            factor,
            valid: (lo, hi),
        }))
    }

    fn create_indicator(
        &mut self,
        code: &str,
        draft: &IndicatorDraft,
    ) -> Result<Target, StoreError> {
        let unit_name = if draft.unit.is_empty() {
            draft.unit_symbol.clone()
        } else {
            draft.unit.clone()
        };
        let unit_name = if unit_name.is_empty() {
            "Unit not given".to_owned()
        } else {
            unit_name
        };
        let symbol = if draft.unit_symbol.is_empty() {
            symbol_of(&unit_name)
        } else {
            draft.unit_symbol.clone()
        };
        let unit_id: i64 = match self
            .tx
            .query_row(
                "SELECT id FROM unit WHERE lower(name) = lower(?1)",
                [&unit_name],
                |r| r.get(0),
            )
            .optional()?
        {
            Some(id) => id,
            None => {
                let unit_code = unique_code(self.tx, "unit", &code_from(&unit_name))?;
                self.tx.execute(
                    "INSERT INTO unit (code, name, symbol) VALUES (?1, ?2, ?3)",
                    params![unit_code, unit_name, symbol],
                )?;
                self.tx.last_insert_rowid()
            }
        };
        let name: String = draft.name.chars().take(500).collect();
        let short: String = name.chars().take(120).collect();
        let direction = draft
            .direction
            .as_deref()
            .filter(|d| crate::model::Direction::from_word(d).is_some())
            .unwrap_or("neutral");
        let decimals = draft
            .decimals
            .unwrap_or(if symbol == "%" || symbol == "‰" {
                1
            } else {
                2
            })
            .min(6);
        let code = unique_code(self.tx, "indicator", code)?;
        self.tx.execute(
            "INSERT INTO indicator (code, name, short_name, unit_id, decimals, direction, description, theme) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'Imported')",
            params![code, name, short, unit_id, decimals, direction, format!("Imported from {}", self.file)],
        )?;
        let id = self.tx.last_insert_rowid();
        self.note(format!("new indicator {code}: {name}"));
        Ok(Target::Into {
            id,
            factor: 1.0,
            valid: (None, None),
        })
    }

    fn area_id(&mut self, figure: &RawFigure) -> Result<Option<i64>, StoreError> {
        if let Some(id) = self.areas.get(&figure.area) {
            return Ok(*id);
        }
        let existing: Option<i64> = self
            .tx
            .query_row("SELECT id FROM area WHERE code = ?1", [&figure.area], |r| {
                r.get(0)
            })
            .optional()?;
        let wanted = match &self.options.areas {
            Some(list) => list.iter().any(|a| a.eq_ignore_ascii_case(&figure.area)),
            None => self.chiso_format && !figure.area_name.is_empty(),
        };
        let id = match (existing, &self.options.areas) {
            (Some(id), Some(_)) if wanted => Some(id),
            (Some(_), Some(_)) => None,
            (Some(id), None) => Some(id),
            (None, _) if wanted => {
                let name = if figure.area_name.is_empty() {
                    figure.area.clone()
                } else {
                    figure.area_name.clone()
                };
                let level = if self.aggregates.contains(&figure.area) {
                    "aggregate"
                } else {
                    "country"
                };
                self.tx.execute(
                    "INSERT INTO area (code, name, level) VALUES (?1, ?2, ?3)",
                    params![figure.area, name, level],
                )?;
                self.note(format!("new area {}: {name}", figure.area));
                Some(self.tx.last_insert_rowid())
            }
            (None, _) => None,
        };
        self.areas.insert(figure.area.clone(), id);
        Ok(id)
    }

    fn subgroup_id(&mut self, figure: &RawFigure) -> Result<Option<i64>, StoreError> {
        if let Some(id) = self.subgroups.get(&figure.subgroup) {
            return Ok(*id);
        }
        let mut id: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM subgroup WHERE code = ?1",
                [&figure.subgroup],
                |r| r.get(0),
            )
            .optional()?;
        let total = figure.subgroup == "T" && !self.chiso_format;
        if id.is_none() && (total || !figure.subgroup_name.is_empty()) {
            let (name, dimension) = if total {
                ("Total".to_owned(), "total")
            } else {
                (figure.subgroup_name.clone(), "imported")
            };
            let dimension = if figure.subgroup == "T" {
                "total"
            } else {
                dimension
            };
            self.tx.execute(
                "INSERT INTO subgroup (code, name, dimension) VALUES (?1, ?2, ?3)",
                params![figure.subgroup, name, dimension],
            )?;
            id = Some(self.tx.last_insert_rowid());
        }
        self.subgroups.insert(figure.subgroup.clone(), id);
        Ok(id)
    }

    fn source_id(&mut self, figure: &RawFigure) -> Result<Option<i64>, StoreError> {
        match &figure.source {
            None => {
                if let Some(id) = self.file_source_id {
                    return Ok(Some(id));
                }
                let Some(draft) = self.file_source.clone() else {
                    return Ok(None);
                };
                let id = self.find_or_create_source(&draft)?;
                self.file_source_id = Some(id);
                Ok(Some(id))
            }
            Some(draft) => {
                if let Some(id) = self.sources.get(&draft.code) {
                    return Ok(Some(*id));
                }
                let existing: Option<i64> = self
                    .tx
                    .query_row(
                        "SELECT id FROM source WHERE code = ?1",
                        [&draft.code],
                        |r| r.get(0),
                    )
                    .optional()?;
                let id = match existing {
                    Some(id) => Some(id),
                    None if !draft.short_name.is_empty() || !draft.title.is_empty() => {
                        Some(self.insert_source(&draft.code, draft)?)
                    }
                    None => None,
                };
                if let Some(id) = id {
                    self.sources.insert(draft.code.clone(), id);
                }
                Ok(id)
            }
        }
    }

    /// The same file, or the same publication and edition, is the same source; anything else
    /// is a new one, so editions stand side by side.
    fn find_or_create_source(&mut self, draft: &SourceDraft) -> Result<i64, StoreError> {
        let found: Option<(i64, String)> = self
            .tx
            .query_row(
                "SELECT id, code FROM source WHERE (file_sha256 <> '' AND file_sha256 = ?1) \
                 OR (publisher = ?2 AND title = ?3 AND edition = ?4) ORDER BY file_sha256 = ?1 DESC LIMIT 1",
                params![draft.file_sha256, draft.publisher, draft.title, draft.edition],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((id, code)) = found {
            self.source_code = Some(code);
            return Ok(id);
        }
        let code = unique_code(self.tx, "source", &draft.code)?;
        let id = self.insert_source(&code, draft)?;
        self.note(format!(
            "new source {code}: {} — {} ({})",
            draft.publisher, draft.title, draft.edition
        ));
        Ok(id)
    }

    fn insert_source(&mut self, code: &str, d: &SourceDraft) -> Result<i64, StoreError> {
        let short = if d.short_name.is_empty() {
            code
        } else {
            d.short_name.as_str()
        };
        self.tx.execute(
            "INSERT INTO source (code, short_name, publisher, title, edition, published, url, citation, licence, file_sha256) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![code, short, d.publisher, d.title, d.edition, d.published, d.url, d.citation, d.licence, d.file_sha256],
        )?;
        self.source_code = Some(code.to_owned());
        Ok(self.tx.last_insert_rowid())
    }

    fn apply(&mut self, figure: RawFigure) -> Result<(), StoreError> {
        let (indicator, factor, valid) = match self.indicator_target(&figure.indicator)? {
            Target::Skip(reason) => {
                self.skip(reason);
                return Ok(());
            }
            Target::Into { id, factor, valid } => (id, factor, valid),
        };
        if figure.area.is_empty() {
            self.skip("no ISO3 code (a region or group without one)");
            return Ok(());
        }
        let Some(area) = self.area_id(&figure)? else {
            if self.chiso_format && self.options.areas.is_none() {
                self.problem(
                    &figure,
                    format!(
                        "unknown area `{}`: add it first, or give its name in an area_name column",
                        figure.area
                    ),
                );
            } else if self.aggregates.contains(&figure.area) {
                self.skip("aggregate (region or income group) not chosen");
            } else {
                self.skip("area not in the database and not chosen");
            }
            return Ok(());
        };
        let Some(subgroup) = self.subgroup_id(&figure)? else {
            self.problem(&figure, format!("unknown subgroup `{}`", figure.subgroup));
            return Ok(());
        };
        let Some(source) = self.source_id(&figure)? else {
            let code = figure
                .source
                .as_ref()
                .map_or("", |s| s.code.as_str())
                .to_owned();
            self.problem(
                &figure,
                format!(
                    "unknown source `{code}`: add it first, or describe it in source_* columns"
                ),
            );
            return Ok(());
        };
        let value = figure.value * factor;
        if valid.0.is_some_and(|lo| value < lo) || valid.1.is_some_and(|hi| value > hi) {
            let range = format!(
                "{} to {}",
                valid.0.map_or("−∞".into(), |v| v.to_string()),
                valid.1.map_or("∞".into(), |v| v.to_string())
            );
            self.problem(&figure, format!("outside the valid range ({range})"));
            return Ok(());
        }
        // The common case, a new figure, is one statement; only a conflict is looked into.
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT INTO observation (indicator_id, area_id, subgroup_id, source_id, year, period_label, \
                 value, status, qualifier, footnote, updated_at, updated_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT DO NOTHING",
            )?
            .execute(params![
                indicator,
                area,
                subgroup,
                source,
                figure.period.year,
                figure.period.label,
                value,
                figure.status.as_str(),
                figure.qualifier.as_str(),
                figure.footnote,
                self.stamp,
                self.editor
            ])?;
        if inserted == 1 {
            self.report.added += 1;
            self.figures += 1;
            return Ok(());
        }
        let existing: Option<(i64, f64, String, String, String)> = {
            let mut stmt = self.tx.prepare_cached(
                "SELECT id, value, status, qualifier, footnote FROM observation WHERE indicator_id = ?1 \
                 AND area_id = ?2 AND subgroup_id = ?3 AND source_id = ?4 AND year = ?5 AND period_label = ?6",
            )?;
            stmt.query_row(
                params![
                    indicator,
                    area,
                    subgroup,
                    source,
                    figure.period.year,
                    figure.period.label
                ],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?
        };
        // A footnote added in Chiso to a publisher's figure is not a disagreement with the file.
        let flags_same = |status: &str, qualifier: &str, footnote: &str| {
            status == figure.status.as_str()
                && qualifier == figure.qualifier.as_str()
                && (figure.footnote.is_empty() || footnote == figure.footnote)
        };
        match existing {
            None => {
                self.problem(&figure, "refused by the database's constraints".into());
            }
            Some((id, ..)) if id > self.max_id_before || self.touched.contains(&id) => {
                self.problem(&figure, "duplicate row in the file: the same indicator, area, subgroup and period again".into());
            }
            Some((_, old, status, qualifier, footnote))
                if old == value && flags_same(&status, &qualifier, &footnote) =>
            {
                self.report.unchanged += 1;
                self.figures += 1;
            }
            Some((id, ..)) if self.options.replace => {
                let json = schema::audited_tables()
                    .find(|(t, _)| *t == "observation")
                    .map(|(_, json)| json)
                    .unwrap_or_default();
                let old: String = self.tx.query_row(
                    &format!("SELECT {json} FROM observation WHERE id = ?1"),
                    [id],
                    |r| r.get(0),
                )?;
                self.tx.execute(
                    "UPDATE observation SET value = ?2, status = ?3, qualifier = ?4, footnote = ?5, \
                     updated_at = ?6, updated_by = ?7 WHERE id = ?1",
                    params![
                        id,
                        value,
                        figure.status.as_str(),
                        figure.qualifier.as_str(),
                        figure.footnote,
                        self.stamp,
                        self.editor
                    ],
                )?;
                self.tx.execute(
                    &format!(
                        "INSERT INTO audit_log (editor, table_name, row_id, action, old_values, new_values) \
                         SELECT ?1, 'observation', id, 'update', ?2, {json} FROM observation WHERE id = ?3"
                    ),
                    params![self.editor, old, id],
                )?;
                self.touched.insert(id);
                self.report.changed += 1;
                self.figures += 1;
            }
            Some((_, old, status, qualifier, _)) => {
                let stored = if old == value {
                    format!("the same value, flagged {status} {qualifier}")
                } else {
                    format!("{old}")
                };
                self.problem(
                    &figure,
                    format!("differs from the figure already stored for this source ({stored}); import with replace to overwrite it"),
                );
            }
        }
        Ok(())
    }
}

impl Sink for Applier<'_, '_> {
    /// A write that failed, or the user's cancel: the import stops and rolls back.
    type Error = StoreError;

    fn source(&mut self, source: SourceDraft) {
        self.file_source = Some(source);
    }

    fn indicator(&mut self, indicator: IndicatorDraft) {
        self.drafts.insert(indicator.key.clone(), indicator);
    }

    fn aggregate(&mut self, code: &str) {
        self.aggregates.insert(code.to_owned());
    }

    fn figure(&mut self, figure: RawFigure) -> Result<(), StoreError> {
        self.apply(figure)
    }

    fn problem(&mut self, problem: Problem) {
        push_problem(self.report, problem);
    }

    fn missing_many(&mut self, n: u64) {
        self.report.missing_values += n;
    }

    fn progress(&mut self, bytes: u64) -> Result<(), StoreError> {
        self.progress
            .done
            .store(self.done_before + bytes, Ordering::Relaxed);
        if self.progress.cancel.load(Ordering::Relaxed) {
            return Err(StoreError::Cancelled);
        }
        Ok(())
    }
}

/// `base`, or `base_2`, `base_3`… whichever is free in `table`.
fn unique_code(tx: &Transaction, table: &str, base: &str) -> Result<String, StoreError> {
    let base: String = base.chars().take(60).collect();
    let base = if base.is_empty() {
        "IMPORTED".to_owned()
    } else {
        base
    };
    // The table name comes from this module, never from a file.
    let sql = format!("SELECT 1 FROM {table} WHERE code = ?1");
    let taken = |code: &str| -> Result<bool, StoreError> {
        Ok(tx.query_row(&sql, [code], |_| Ok(())).optional()?.is_some())
    };
    if !taken(&base)? {
        return Ok(base);
    }
    for n in 2.. {
        let code = format!("{base}_{n}");
        if !taken(&code)? {
            return Ok(code);
        }
    }
    unreachable!("an unbounded range always yields a free code")
}
