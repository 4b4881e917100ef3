//! What an import is asked to do, and what it did or would do.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use crate::model::draft::Problem;

/// How many problems a report keeps in full; the rest are counted.
const PROBLEMS_KEPT: usize = 2000;

#[derive(Clone, Debug, Default, PartialEq)]
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
    /// The unit of the figures of a file that does not say it (an Our World in Data CSV
    /// without its metadata): given to every indicator of the file that has none.
    pub unit: Option<String>,
    /// The sheet of a workbook to read (a name or a number from 1); `None`: the first in a
    /// layout Chiso reads.
    pub sheet: Option<String>,
}

/// What an import did, or would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
    /// Figures left out, by reason, with how many.
    pub skipped: BTreeMap<Skip, u64>,
    pub missing_values: u64,
    /// Problems with file, row, column, raw value and reason (the first [`PROBLEMS_KEPT`]).
    pub problems: Vec<Problem>,
    pub problem_count: u64,
    /// Bad cells and rows in what the import left out anyway (areas, aggregates, indicators
    /// not chosen): counted, never a problem.
    pub left_out_problems: u64,
    /// What else the user should know: conversions, sources, indicators and areas created.
    pub notes: Vec<Note>,
    /// The files' indicators that match none in the database and were not chosen:
    /// (the file's key, its name), to offer creating or mapping them.
    pub unmatched_indicators: Vec<(String, String)>,
    /// (the file's key, the database's code): indicators not imported whose name is that of
    /// an indicator of the database in a compatible unit, offered as a mapping, never taken.
    pub name_matches: Vec<(String, String)>,
    /// Area names a file gives that match no area of the database, in the file's order.
    pub unknown_area_names: Vec<String>,
    pub committed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    pub path: PathBuf,
    pub format: Option<&'static str>,
    pub source: Option<String>,
    pub figures: u64,
}

/// Why figures were left out. Typed, so the window words them in its language; `Display` is
/// the command line's English.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, thiserror::Error)]
pub enum Skip {
    #[error("indicator `{key}` not chosen")]
    IndicatorNotChosen { key: String },
    #[error(
        "indicator not in the database and not chosen (choose it to create it, or map it onto an existing one)"
    )]
    IndicatorNotInDatabase,
    #[error("`{key}` is in {from} but {code} is in {to}, and Chiso cannot convert between them")]
    Unconvertible {
        key: String,
        from: String,
        to: String,
        code: String,
    },
    #[error("no ISO3 code (a region or group without one)")]
    NoAreaCode,
    #[error("aggregate (region or income group) not chosen")]
    AggregateNotChosen,
    #[error("area not in the database and not chosen")]
    AreaNotChosen,
    #[error("the database has no area of that name (listed below)")]
    AreaNameUnknown,
    #[error("two areas of the database are named `{name}`: import with codes")]
    AreaNameAmbiguous { name: String },
}

/// What else an import tells the user, typed like [`Skip`].
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Note {
    #[error("{file}: no figures in the file (only a header?); nothing was taken from it")]
    NoFigures { file: String },
    #[error("{file}: values of `{key}` converted from {from} to {to} (×{factor}) to match {code}")]
    Converted {
        file: String,
        key: String,
        from: String,
        to: String,
        factor: f64,
        code: String,
    },
    #[error("{file}: `{key}` imported as {code}")]
    ImportedAs {
        file: String,
        key: String,
        code: String,
    },
    #[error("{file}: column `{column}` is not an indicator ({})", match kind {
        Some(kind) => format!("its metadata calls it {kind}, not a numeric variable"),
        None => "its metadata does not describe it".to_owned(),
    })]
    NotAnIndicator {
        file: String,
        column: String,
        kind: Option<String>,
    },
    #[error("new indicator {code}: {name}")]
    NewIndicator { code: String, name: String },
    #[error("new area {code}: {name}")]
    NewArea { code: String, name: String },
    #[error("new source {code}: {publisher} — {title} ({edition})")]
    NewSource {
        code: String,
        publisher: String,
        title: String,
        edition: String,
    },
}

impl ImportReport {
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }

    /// Files that could not be read at all (not found, not a known format, refused whole).
    pub fn unreadable_files(&self) -> usize {
        self.files.iter().filter(|f| f.format.is_none()).count()
    }

    /// What happened, in one word the last line and the exit code follow.
    pub fn outcome(&self, options: &ImportOptions) -> Outcome {
        if options.dry_run {
            return Outcome::DryRun;
        }
        self.outcome_of(self.committed)
    }

    /// What running the import this preview describes would end in.
    pub fn outcome_if_run(&self, skip_problems: bool) -> Outcome {
        let commits = self.unreadable_files() == 0 && (self.problem_count == 0 || skip_problems);
        self.outcome_of(commits)
    }

    fn outcome_of(&self, committed: bool) -> Outcome {
        let unreadable = self.unreadable_files();
        if unreadable > 0 {
            Outcome::Unreadable { files: unreadable }
        } else if !committed {
            Outcome::Problems {
                count: self.problem_count,
            }
        } else if self.added + self.changed > 0 {
            Outcome::Imported {
                added: self.added,
                changed: self.changed,
            }
        } else if self.unchanged > 0 {
            Outcome::UpToDate {
                unchanged: self.unchanged,
            }
        } else if self.problem_count > 0 {
            // Problems skipped, and nothing else there to import.
            Outcome::OnlyProblems {
                count: self.problem_count,
            }
        } else if let Some((skip, _)) = self.skipped.iter().max_by_key(|(_, n)| **n) {
            Outcome::AllLeftOut {
                skipped: self.skipped_total(),
                reason: skip.clone(),
            }
        } else {
            Outcome::NoFigures
        }
    }
}

/// How an import ended. `Display` is the command line's last line.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Outcome {
    #[error("Dry run: nothing was written")]
    DryRun,
    #[error(
        "Nothing imported: {files} file(s) could not be read (see above); the database is unchanged"
    )]
    Unreadable { files: usize },
    #[error(
        "Nothing imported: {count} problem(s) in the input (fix them, or use --skip-problems to import the other rows)"
    )]
    Problems { count: u64 },
    #[error("Nothing imported: every figure had a problem ({count}, skipped)")]
    OnlyProblems { count: u64 },
    #[error("Imported: {added} added, {changed} changed")]
    Imported { added: u64, changed: u64 },
    #[error("Already up to date: {unchanged} figures unchanged")]
    UpToDate { unchanged: u64 },
    #[error("Nothing imported: all {skipped} figures were left out (most: {reason})")]
    AllLeftOut { skipped: u64, reason: Skip },
    #[error("Nothing imported: the files hold no figures")]
    NoFigures,
}

impl Outcome {
    /// Whether the run did what was asked: something imported, or nothing needed.
    pub fn succeeded(&self) -> bool {
        matches!(
            self,
            Outcome::DryRun | Outcome::Imported { .. } | Outcome::UpToDate { .. }
        )
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

pub(super) fn push_problem(report: &mut ImportReport, problem: Problem) {
    report.problem_count += 1;
    if report.problems.len() < PROBLEMS_KEPT {
        report.problems.push(problem);
    }
}
