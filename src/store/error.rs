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
        "{}: the database is damaged ({detail}). It was not changed. \
         Restore it from a backup, or try `sqlite3 FILE .recover` on a copy"
    , .path.display())]
    Corrupt { path: PathBuf, detail: String },

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

/// Why a file is open for reading only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The file's permissions forbid writing.
    FileReadOnly,
    /// Written by a newer Chiso, whose schema this build does not know.
    NewerSchema { found: i64, known: i64 },
    /// The caller asked for read-only access.
    Requested,
    /// The file holds triggers or views that Chiso's migrations did not create (each named as
    /// `trigger NAME` or `view NAME`). A trigger runs on every write, whoever makes it, so the
    /// file is not written until they are gone; on a read-only connection they are turned off.
    ForeignSchemaObjects { objects: Vec<String> },
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
            ReadOnlyReason::ForeignSchemaObjects { objects } => {
                const SHOWN: usize = 5;
                let listed: Vec<&str> = objects.iter().take(SHOWN).map(String::as_str).collect();
                let more = match objects.len().saturating_sub(SHOWN) {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                write!(
                    f,
                    "the file holds triggers or views that Chiso did not create ({}{more}); \
                     they could change or delete figures whenever the file is written, so it \
                     is open for viewing only, with them turned off. To edit it, look at them \
                     with `sqlite3 FILE .schema` and drop them if they are not needed, or copy \
                     the figures into a new file with `chiso export-data` and `chiso import`",
                    listed.join(", ")
                )
            }
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

    #[error("{0}")]
    Invalid(String),

    #[error("the database is busy: another program is writing to it. Try again in a moment")]
    Busy,

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
        "the database is damaged ({0}). Nothing was changed. Restore it from a backup, or try \
         `sqlite3 FILE .recover` on a copy; `chiso info FILE` runs SQLite's integrity check"
    )]
    Corrupt(rusqlite::Error),

    #[error(
        "a value in the file is not of the kind Chiso keeps there ({0}): another program changed \
         the file without Chiso's checks. Nothing was changed. Correct that row with `sqlite3 \
         FILE`, or restore the file from a backup"
    )]
    WrongType(String),

    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
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
