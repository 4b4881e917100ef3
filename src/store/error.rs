//! What can go wrong with a user's file, said so that the user knows what to do.
//!
//! Every message names the file first in the `Display` of the caller (the path is part of each
//! variant) and ends with what to do about it.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{}: no such file. Check the path, or create a database with `chiso new FILE`", .path.display())]
    Missing { path: PathBuf },

    #[error("{}: is a folder, not a database file. Choose a file inside it", .path.display())]
    Directory { path: PathBuf },

    #[error("{}: is not a regular file (a pipe, socket or device), so not a database. Open a database file", .path.display())]
    NotAFile { path: PathBuf },

    #[error("{}: the file is empty, not a Chiso database. Create one with `chiso new FILE`", .path.display())]
    Empty { path: PathBuf },

    #[error(
        "{}: not a SQLite database ({looks_like}). Open a Chiso database instead, or create one \
         with `chiso new FILE`"
    , .path.display())]
    NotSqlite {
        path: PathBuf,
        looks_like: &'static str,
    },

    #[error(
        "{}: a SQLite database of another application (tables: {tables}), not a Chiso file. \
         It was not changed. Open a Chiso database, or create one with `chiso new FILE`"
    , .path.display())]
    Foreign { path: PathBuf, tables: String },

    #[error(
        "{}: the database is damaged ({detail}). It was not changed. {}"
    , .path.display(), restore_advice(.backup.as_deref()))]
    Corrupt {
        path: PathBuf,
        detail: String,
        /// The newest backup of the file that SQLite finds sound.
        backup: Option<PathBuf>,
    },

    #[error(
        "{}: another program was writing to the database when it stopped, and its unfinished \
         change is still in {}-journal beside it. {}"
    , .path.display(), .path.display(), if *.read_only_file {
        "SQLite undoes that change when the file can be written: make it writable (or copy it \
         with its -journal to a folder you can write) and open it again"
    } else {
        "Open it for editing once (in the window, or with chiso set or import) and SQLite \
         undoes that change; a command that only reads does not change the file"
    })]
    Interrupted { path: PathBuf, read_only_file: bool },

    #[error(
        "{}: the database is locked by another program. \
         Close the other program (or wait for it to finish) and try again"
    , .path.display())]
    Locked { path: PathBuf },

    #[error("{}: cannot be read ({detail}). Check the path and the file's permissions", .path.display())]
    Unreadable { path: PathBuf, detail: String },

    #[error("{}: already exists. Chiso will not overwrite it: choose another name", .path.display())]
    AlreadyExists { path: PathBuf },

    #[error("{}: {detail}", .path.display())]
    Sqlite { path: PathBuf, detail: String },
}

/// What to do about a damaged file: restore its newest good backup, named.
pub fn restore_advice(backup: Option<&std::path::Path>) -> String {
    match backup {
        Some(backup) => format!(
            "Its newest good backup is {}: put it back with `chiso restore FILE {}` \
             (the damaged file is kept as a backup too)",
            backup.display(),
            backup.display()
        ),
        None => "No backup of it was found: restore it from a copy you keep".to_owned(),
    }
}

impl ReadOnlyReason {
    /// Whether the reason is the file itself (its permissions, its medium), which no caller's
    /// choice can change.
    pub fn is_about_the_file(&self) -> bool {
        matches!(
            self,
            ReadOnlyReason::FileReadOnly | ReadOnlyReason::ReadOnlyMedium { .. }
        )
    }
}

/// Why a file is open for reading only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The file's permissions forbid writing.
    FileReadOnly,
    /// Written by a newer Chiso, whose schema this build does not know.
    NewerSchema { found: i64, known: i64 },
    /// The caller asked for read-only access.
    Requested,
    /// The file is on a medium mounted read-only (a CD, a write-protected stick); read as
    /// immutable. `unread_log`: a `-wal` beside it holds changes that cannot be read there.
    ReadOnlyMedium { unread_log: bool },
    /// The file holds triggers, views, indexes or planner statistics (`sqlite_stat1`…) that
    /// Chiso's migrations did not create (each named as `trigger NAME`, `index NAME`…). A
    /// trigger runs on every write, an index's expressions on every write and full check, so
    /// the file is not written until they are gone; on a read-only connection triggers and
    /// views are turned off, `info` runs the quick check (which evaluates no index), and
    /// Chiso's reads name their index, so no statistics can change their plan.
    ForeignSchemaObjects { objects: Vec<String> },
    /// SQLite's quick check found damage (its words in `detail`): writing into a damaged file
    /// can spread the damage, so it is open for viewing only.
    Damaged {
        detail: String,
        backup: Option<PathBuf>,
    },
}

impl std::fmt::Display for ReadOnlyReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadOnlyReason::FileReadOnly => f.write_str(
                "the file is read-only, so it is open for viewing only. \
                 To edit it, make it writable (or save a copy) and open it again",
            ),
            ReadOnlyReason::NewerSchema { found, known } => write!(
                f,
                "the file was written by a newer Chiso (schema version {found}; this Chiso \
                 knows up to {known}), so it is open for viewing only. Update Chiso to edit it"
            ),
            ReadOnlyReason::Requested => f.write_str("opened for viewing only"),
            ReadOnlyReason::ReadOnlyMedium { unread_log } => {
                f.write_str(
                    "the file is on a disk that cannot be written (a CD, or a read-only \
                     mount), so it is open for viewing only. To edit it, copy it to a folder \
                     you can write",
                )?;
                if *unread_log {
                    f.write_str(
                        " (with its -wal file: the latest changes in it cannot be read here)",
                    )?;
                }
                Ok(())
            }
            ReadOnlyReason::ForeignSchemaObjects { objects } => {
                const SHOWN: usize = 5;
                let listed: Vec<&str> = objects.iter().take(SHOWN).map(String::as_str).collect();
                let more = match objects.len().saturating_sub(SHOWN) {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                write!(
                    f,
                    "the file holds triggers, views, indexes or planner statistics that Chiso \
                     did not create ({}{more}); they could change or delete figures whenever \
                     the file is written, or slow every read, so it is open for viewing only, \
                     with them kept from running. To edit it, look at them \
                     with `sqlite3 FILE .schema` and drop them if they are not needed, or copy \
                     the figures into a new file with `chiso export-data` and `chiso import`",
                    listed.join(", ")
                )
            }
            ReadOnlyReason::Damaged { detail, backup } => write!(
                f,
                "SQLite finds the file damaged ({detail}), so it is open for viewing only. {}",
                restore_advice(backup.as_deref())
            ),
        }
    }
}

/// Errors of reading and writing an open database.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot change this database: {0}")]
    ReadOnly(ReadOnlyReason),

    #[error("no indicator with code `{0}`; `chiso list FILE` shows the codes")]
    UnknownIndicator(String),

    #[error("no area with code `{0}`")]
    UnknownArea(String),

    #[error("no subgroup with code `{0}`")]
    UnknownSubgroup(String),

    #[error("no source with code `{0}`")]
    UnknownSource(String),

    /// A figure that was not written, and why.
    #[error("{0}")]
    Refused(Refusal),

    /// A recorded change that cannot be taken back.
    #[error("{0}")]
    Revert(RevertRefusal),

    /// A record of a list (indicator, unit, area…) that was not saved or deleted.
    #[error("{0}")]
    Record(RecordRefusal),

    /// A saved view that was not saved or renamed.
    #[error("{0}")]
    View(ViewRefusal),

    /// A chart asked for that has nothing to draw (`chiso export`).
    #[error("{indicator} has no figures {}", .series.as_ref().map_or("to draw".to_owned(), |s| format!("for {s}")))]
    NothingToDraw {
        indicator: String,
        /// "area VNM, subgroup T, source WB" when the request named them.
        series: Option<String>,
    },

    /// A figure of a file (the sample's fixtures) that could not be written.
    #[error("{file}, line {line}: {source}")]
    AtLine {
        file: String,
        line: u64,
        source: Box<StoreError>,
    },

    /// What `chiso gen-sample` was asked for cannot be made.
    #[error("{0}")]
    Generate(GenerateRefusal),

    #[error("the database is busy: another program is writing to it. Try again in a moment")]
    Busy,

    #[error("import cancelled: nothing was changed")]
    Cancelled,

    #[error("cannot write{}: {detail}", .path.as_ref().map_or(String::new(), |p| format!(" {}", p.display())))]
    Write {
        path: Option<std::path::PathBuf>,
        detail: String,
    },

    #[error(
        "conflict: the figure is {} now, not {} as expected; someone changed it meanwhile. \
         Nothing was written: look at both values and set it again",
        current.map_or("missing".to_owned(), |v| v.to_string()),
        expected.map_or("missing".to_owned(), |v| v.to_string())
    )]
    Conflict {
        expected: Option<f64>,
        current: Option<f64>,
    },

    #[error(
        "the database is damaged ({0}). Nothing was changed. `chiso check FILE` names the \
         damage and the newest good backup; `chiso restore FILE BACKUP` puts one back"
    )]
    Corrupt(rusqlite::Error),

    #[error(
        "a value in the file is not of the kind Chiso keeps there ({0}): another program changed \
         the file without Chiso's checks. Nothing was changed. Correct that row with `sqlite3 \
         FILE`, or restore the file from a backup"
    )]
    WrongType(String),

    #[error(
        "{0}. Nothing was changed: Chiso backs a file up before its first change of a session. \
         Free some space, or send backups elsewhere (CHISO_BACKUPS=FOLDER, or `off` to write \
         without one)"
    )]
    Backup(super::backup::BackupError),

    /// A copy or a package of changes that was not made or applied.
    #[error("{0}")]
    Exchange(Box<super::exchange::ExchangeError>),

    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<super::exchange::ExchangeError> for StoreError {
    fn from(error: super::exchange::ExchangeError) -> Self {
        StoreError::Exchange(Box::new(error))
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => {
                StoreError::Corrupt(error)
            }
            _ => match error {
                rusqlite::Error::InvalidColumnType(_, column, found) => {
                    StoreError::WrongType(format!("the column `{column}` holds {found}"))
                }
                rusqlite::Error::FromSqlConversionFailure(_, _, why) => {
                    StoreError::WrongType(why.to_string())
                }
                rusqlite::Error::IntegralValueOutOfRange(index, value) => StoreError::WrongType(
                    format!("column {index} holds {value}, out of the range Chiso keeps"),
                ),
                error => StoreError::Sqlite(error),
            },
        }
    }
}

fn bound(v: Option<f64>, none: &str) -> String {
    v.map_or(none.to_owned(), |v| v.to_string())
}

/// Why a figure was not written. Each surface adds what to do in its own terms (the command
/// line names its options, the window its fields).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("{year} is not a year Chiso keeps (1000 to 9999); nothing was written")]
    Year { year: i32 },
    #[error("not a number")]
    NotANumber,
    /// A typed value that is not a number in the language's convention, with the cell it
    /// was typed in and the form expected.
    #[error("{indicator} {year}: {reason}")]
    Typed {
        indicator: String,
        year: i32,
        reason: crate::locale::NumberError,
    },
    #[error(
        "{value} is too large: Chiso keeps values between -1e300 and 1e300; nothing was written"
    )]
    TooLarge { value: f64 },
    #[error(
        "{value} is outside the valid range of {indicator} ({} to {}); nothing was written",
        bound(*low, "−∞"),
        bound(*high, "∞")
    )]
    OutsideValidRange {
        value: f64,
        indicator: String,
        low: Option<f64>,
        high: Option<f64>,
    },
    /// No area was named and the file has no country to default to.
    #[error("the file has no country area, so the figure's area must be named")]
    NoCountryArea,
    /// No source was named and this editor has written none before.
    #[error("every figure needs a source, and none was named or used before")]
    NoSource,
    /// `figure` names the cell: "U5MR VNM T 2024 from WB".
    #[error("{figure}: a figure is already stored for this cell and source")]
    AlreadyStored { figure: String },
    #[error("{figure}: {detail}")]
    NotAllowed { figure: String, detail: String },
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum RevertRefusal {
    #[error("no change #{id} in the audit log")]
    NoSuchChange { id: i64 },
    #[error("only changes of figures can be reverted here")]
    NotAFigure,
    #[error("the figure no longer exists: nothing to revert")]
    FigureGone,
    #[error("a figure for that cell exists again: edit it instead")]
    CellTaken,
    #[error("this change cannot be reverted")]
    NotRevertible,
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum RecordRefusal {
    #[error("no list called {table}")]
    NoSuchList { table: String },
    #[error("{field} is needed")]
    Needed { field: &'static str },
    #[error("{field}: {reason}")]
    Number {
        field: &'static str,
        reason: crate::locale::NumberError,
    },
    #[error("{field}: {raw:?} is not a whole number")]
    NotWhole { field: &'static str, raw: String },
    #[error("{field}: use one of {}", .choices.join(", "))]
    NotAChoice {
        field: &'static str,
        choices: &'static [&'static str],
    },
    #[error("{field}: no {table} with code {raw:?}")]
    NoSuchCode {
        field: &'static str,
        table: &'static str,
        raw: String,
    },
    #[error("another record has this code already")]
    CodeTaken,
    #[error("a value is not allowed here ({detail})")]
    NotAllowed { detail: String },
    #[error("{count} figures or indicators use it: nothing was deleted")]
    InUse { count: i64 },
    #[error("cannot delete it: other records still use it ({detail})")]
    StillUsed { detail: String },
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ViewRefusal {
    #[error("a view needs a name")]
    NoName,
    #[error("a view named “{name}” exists already")]
    NameTaken { name: String },
    #[error("the view cannot be saved ({detail})")]
    NotSaved { detail: String },
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum GenerateRefusal {
    #[error("at least one indicator is needed")]
    NoIndicators,
    #[error(
        "{observations} figures do not fit {indicators} indicators × {series} series × {years} \
         years ({most} at most): ask for more indicators"
    )]
    TooManyFigures {
        observations: u64,
        indicators: usize,
        series: usize,
        years: i32,
        most: u64,
    },
}

/// The kind of constraint a write broke, from SQLite's extended result code (never from the
/// words of its message, which change between versions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Broken {
    Unique,
    Check,
    ForeignKey,
    NotNull,
    Other,
}

/// The constraint `error` reports breaking, if it is a constraint violation.
pub fn broken_constraint(error: &rusqlite::Error) -> Option<Broken> {
    use rusqlite::ffi;
    let rusqlite::Error::SqliteFailure(failure, _) = error else {
        return None;
    };
    if failure.code != rusqlite::ErrorCode::ConstraintViolation {
        return None;
    }
    Some(match failure.extended_code {
        ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY => Broken::Unique,
        ffi::SQLITE_CONSTRAINT_CHECK => Broken::Check,
        ffi::SQLITE_CONSTRAINT_FOREIGNKEY => Broken::ForeignKey,
        ffi::SQLITE_CONSTRAINT_NOTNULL => Broken::NotNull,
        _ => Broken::Other,
    })
}
