//! Bringing figures read from files into the database: matching codes, converting units,
//! finding or creating sources, and counting what would be added, changed, left or skipped.
//!
//! An import runs in one transaction over all its files. A dry run is the same import rolled
//! back, so the preview counts exactly what the real run will do. By default an import with
//! problems is rolled back too (all or nothing); `skip_problems` keeps the good rows.
//!
//! | module    | holds                                                             |
//! |-----------|-------------------------------------------------------------------|
//! | (this)    | [`Store::import`]: the transaction over the files, the bulk audit  |
//! | `report`  | what an import is asked ([`ImportOptions`]) and what it did ([`ImportReport`]) |
//! | `resolve` | what a file's codes become: indicators, areas, subgroups, sources  |
//! | `apply`   | the sink that writes each figure, and what it does with a conflict |

mod apply;
mod report;
mod resolve;

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use rusqlite::{Transaction, params};

use rusqlite::config::DbConfig;

use super::{Store, StoreError, schema};
use crate::model::draft::{FileReader, display_name};

pub use report::{FileReport, ImportOptions, ImportReport, Note, Outcome, Progress, Skip};

use apply::Applier;
use report::push_problem;

/// The page cache during an import, as SQLite counts it: negative is KiB (64 MiB).
const IMPORT_CACHE_KIB: i64 = -65536;

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
        // Checked, backed up and repaired like any first write; the triggers are off during
        // the import, so Chiso's own must be whole before it.
        self.prepare_import(options.dry_run)?;
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
        let batch = Batch {
            tx: &tx,
            options,
            editor,
            progress,
        };
        let mut done_before = 0;
        for path in files {
            import_file(&batch, reader, path, done_before, &mut report)?;
            done_before += std::fs::metadata(path).map_or(0, |m| m.len());
        }
        audit_bulk_inserts(&tx, editor, &max_ids_before)?;
        // `skip_problems` skips problem rows, never a file that could not be read at all.
        let commit = !options.dry_run
            && report.unreadable_files() == 0
            && (report.problem_count == 0 || options.skip_problems);
        if commit {
            tx.commit()?;
        } else {
            tx.rollback()?;
        }
        report.committed = commit;
        Ok(report)
    }
}

/// What the files of one import share.
struct Batch<'a> {
    tx: &'a Transaction<'a>,
    options: &'a ImportOptions,
    editor: &'a str,
    progress: &'a Progress,
}

/// Reads one file into the import's transaction, its outcome added to `report`. An error
/// is the import's end (a failed write, a cancel); a file that cannot be read is a problem of
/// the report, like a bad row.
fn import_file<R: FileReader>(
    batch: &Batch,
    reader: &R,
    path: &Path,
    done_before: u64,
    report: &mut ImportReport,
) -> Result<(), StoreError> {
    // The format is told once, from the content.
    let format = match reader.detect(path) {
        Ok(format) => format,
        Err(e) => {
            push_problem(report, e.into_problem(path));
            report.files.push(FileReport {
                path: path.to_path_buf(),
                format: None,
                source: None,
                figures: 0,
            });
            return Ok(());
        }
    };
    // What the file brought, to tell an empty file from one whose rows all had problems.
    // What the file gave, figures aside: a file that gave nothing at all is only a header.
    let seen = |r: &ImportReport| {
        (
            r.problem_count,
            r.skipped_total(),
            r.missing_values + r.left_out_problems,
            r.notes.len(),
        )
    };
    let seen_before = seen(report);
    let mut applier = Applier::new(
        batch.tx,
        batch.options,
        (path, reader.is_own_format(format), done_before),
        report,
        batch.progress,
        batch.editor,
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
            push_problem(report, e.into_problem(path));
            None
        }
    };
    if format.is_some() && figures == 0 && seen(report) == seen_before {
        report.notes.push(Note::NoFigures {
            file: display_name(path),
        });
    }
    report.files.push(FileReport {
        path: path.to_path_buf(),
        format,
        source,
        figures,
    });
    Ok(())
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
