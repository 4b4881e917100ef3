//! The indicator store: a Chiso SQLite file, opened safely, read and written in transactions.
//!
//! | module     | holds                                                         |
//! |------------|---------------------------------------------------------------|
//! | (this)     | [`Store`]: safe opening, read-only reasons, one transaction a write |
//! | `schema`   | tables, audit triggers, forward migrations                    |
//! | `error`    | typed errors and refusals, with the values in them            |
//! | `query`    | the catalogue, series, audit trail, sources, targets, summary |
//! | `edit`     | writing figures through the checks, revert                    |
//! | `records`  | the lists (indicators, units, areas…) as forms edit them      |
//! | `views`    | saved views, the deck                                          |
//! | `backup`   | the copies taken before a session's first write, their rotation, restore |
//! | `integrity`| SQLite's quick and full checks                                 |
//! | `import`   | figures read by any `FileReader`, applied in one transaction  |
//! | `export`   | figures read out as long-CSV rows                             |
//! | `sample`   | the sample's reference tables and deck                        |
//! | `generate` | a large generated database for measuring                      |
//!
//! Opening never changes a file that is not a Chiso file: a file is first looked at through
//! its header bytes and a read-only connection, and only a Chiso file that may be written is
//! reopened for writing.

pub mod backup;
pub mod edit;
mod error;
pub mod exchange;
pub mod export;
pub mod generate;
pub mod import;
pub mod integrity;
pub mod query;
pub mod records;
pub mod sample;
pub mod schema;
pub mod views;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use backup::{Backups, Place, mark_backed_up, needs_backup};
pub use error::{
    Broken, GenerateRefusal, OpenError, ReadOnlyReason, RecordRefusal, Refusal, RevertRefusal,
    StoreError, ViewRefusal, broken_constraint, restore_advice,
};
pub use integrity::Integrity;
pub use schema::{APPLICATION_ID, OUTSIDE_EDITOR, SCHEMA_VERSION};

/// How long a write waits for another process's write to finish before saying "busy".
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open Chiso database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: Option<ReadOnlyReason>,
    /// What SQLite's quick check found; a file is checked before its first write.
    integrity: Integrity,
    /// Where this file's backups go (`None`: nowhere).
    backups: Option<Backups>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .field("integrity", &self.integrity)
            .finish()
    }
}

impl Store {
    /// Opens an existing Chiso file: for writing when the file allows it and its schema is
    /// known (older schemas are migrated forward), for reading otherwise.
    pub fn open(path: &Path) -> Result<Store, OpenError> {
        Self::open_with(path, false)
    }

    /// Opens an existing Chiso file for reading only; the file is never written.
    pub fn open_read_only(path: &Path) -> Result<Store, OpenError> {
        Self::open_with(path, true)
    }

    fn open_with(path: &Path, read_only_requested: bool) -> Result<Store, OpenError> {
        let access = check_file(path)?;
        // SQLite makes `-wal` and `-shm` files beside a WAL database even to read it. A file
        // that is refused (another application's, a damaged one) is left as it was found.
        let side_files = SideFiles::present(path);
        // Why the file must not be written, before looking inside it; what is inside (a newer
        // schema, foreign triggers) comes first when both apply.
        let outside_reason = if access == Access::ReadOnlyBits {
            Some(ReadOnlyReason::FileReadOnly)
        } else if access == Access::ReadOnlyMedium {
            Some(ReadOnlyReason::ReadOnlyMedium {
                unread_log: fs::metadata(SideFiles::path(path, "-wal")).is_ok_and(|m| m.len() > 0),
            })
        } else if read_only_requested {
            Some(ReadOnlyReason::Requested)
        } else {
            None
        };
        let opened = Self::open_checked(path, outside_reason);
        if opened.is_err() {
            side_files.remove_new(path);
        }
        opened
    }

    fn open_checked(
        path: &Path,
        outside_reason: Option<ReadOnlyReason>,
    ) -> Result<Store, OpenError> {
        let path = path.to_path_buf();
        // On a medium nothing can be written to (a CD, a read-only mount), SQLite cannot make
        // the `-shm` a WAL file needs even to be read: the file is read as immutable.
        let medium = matches!(outside_reason, Some(ReadOnlyReason::ReadOnlyMedium { .. }));
        let look = || {
            let probe = if medium {
                connect_immutable(&path)?
            } else {
                connect(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)?
            };
            let version = inspect(&probe, &path)?;
            Ok((probe, version))
        };
        let (probe, version) = match look() {
            // A writer that stopped mid-transaction in rollback-journal mode left a hot journal:
            // a read-only connection cannot undo it. A file opened for writing lets SQLite undo
            // it (what any writer does first) and is then looked at as usual.
            Err(OpenError::Interrupted { .. }) if outside_reason.is_none() => {
                roll_back_interrupted_write(&path)?;
                look()?
            }
            Err(OpenError::Interrupted { path, .. }) => {
                return Err(OpenError::Interrupted {
                    path,
                    read_only_file: outside_reason
                        .as_ref()
                        .is_some_and(ReadOnlyReason::is_about_the_file),
                });
            }
            other => other?,
        };

        let foreign = foreign_objects(&probe, version).map_err(|e| sqlite_open_error(&path, e))?;
        let read_only = if version > SCHEMA_VERSION {
            Some(ReadOnlyReason::NewerSchema {
                found: version,
                known: SCHEMA_VERSION,
            })
        } else if !foreign.is_empty() {
            Some(ReadOnlyReason::ForeignSchemaObjects { objects: foreign })
        } else {
            outside_reason
        };
        let backups = Backups::of(&path, &Place::chosen());
        if read_only.is_some() {
            return Ok(Store {
                conn: probe,
                path,
                read_only,
                integrity: Integrity::Unchecked,
                backups,
            });
        }
        drop(probe);

        let conn = connect(&path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        let mut store = Store {
            conn,
            path,
            read_only: None,
            integrity: Integrity::Unchecked,
            backups,
        };
        if version < SCHEMA_VERSION {
            // A migration is a write: the file is checked and backed up first, and a damaged
            // file is not migrated but opened for viewing.
            match store.prepare_first_write() {
                Ok(()) => {}
                Err(StoreError::ReadOnly(_)) => return Ok(store),
                Err(e) => return Err(store_open_error(&store.path, e)),
            }
            let Store { conn, path, .. } = &mut store;
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|e| sqlite_open_error(path, e))?;
            schema::migrate(&tx, version, SCHEMA_VERSION)
                .and_then(|()| tx.commit())
                .map_err(|e| sqlite_open_error(path, e))?;
        }
        Ok(store)
    }

    /// Creates a new, empty Chiso file. Refuses to touch a path that already exists.
    pub fn create(path: &Path) -> Result<Store, OpenError> {
        let path = path.to_path_buf();
        if fs::symlink_metadata(&path).is_ok() {
            return Err(OpenError::AlreadyExists { path });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE;
        let mut conn = connect(&path, flags)?;
        let result = conn
            .pragma_update(None, "journal_mode", "wal")
            .and_then(|()| {
                let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                schema::migrate(&tx, 0, SCHEMA_VERSION)?;
                tx.commit()
            });
        if let Err(e) = result {
            drop(conn);
            remove_database_files(&path);
            return Err(sqlite_open_error(&path, e));
        }
        // A new file has nothing to back up, and is sound.
        mark_backed_up(&path);
        let backups = Backups::of(&path, &Place::chosen());
        Ok(Store {
            conn,
            path,
            read_only: None,
            integrity: Integrity::Sound,
            backups,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the file is open for reading only, or `None` when it may be edited.
    pub fn read_only(&self) -> Option<&ReadOnlyReason> {
        self.read_only.as_ref()
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// SQLite's full integrity and foreign-key checks, through this connection (read-only for
    /// `chiso check`); `None` when sound.
    pub fn full_check(&self) -> rusqlite::Result<Option<String>> {
        integrity::full_check(&self.conn)
    }

    /// What SQLite's quick check found so far.
    pub fn integrity(&self) -> &Integrity {
        &self.integrity
    }

    /// Takes the result of a quick check run elsewhere (the window runs it in a thread): a
    /// damaged file becomes read-only, named with its newest good backup.
    pub fn set_integrity(&mut self, integrity: Integrity) {
        let backup = match integrity {
            Integrity::Damaged(_) => self.newest_good_backup(),
            _ => None,
        };
        self.set_checked(integrity, backup);
    }

    /// [`Store::set_integrity`] with the newest good backup already found, by the thread that
    /// ran the check: checking every backup of a large file takes seconds, which a window
    /// must not spend between two frames.
    pub fn set_checked(&mut self, integrity: Integrity, backup: Option<PathBuf>) {
        if let Integrity::Damaged(detail) = &integrity
            && !matches!(self.read_only, Some(ReadOnlyReason::Damaged { .. }))
        {
            self.read_only = Some(ReadOnlyReason::Damaged {
                detail: detail.clone(),
                backup,
            });
        }
        self.integrity = integrity;
    }

    /// This file's backups, or `None` when backups are off.
    pub fn backups(&self) -> Option<&Backups> {
        self.backups.as_ref()
    }

    /// Sends this file's backups to `place` from now on.
    pub fn set_backup_place(&mut self, place: &Place) {
        self.backups = Backups::of(&self.path, place);
    }

    /// Takes a backup now (before a risky import, say), whether or not this session has one.
    pub fn back_up_now(&self) -> Result<backup::BackupFile, StoreError> {
        let backups = self
            .backups
            .as_ref()
            .ok_or(StoreError::Backup(backup::BackupError::Off))?;
        let taken = backups.take(&self.conn).map_err(StoreError::Backup)?;
        mark_backed_up(&self.path);
        Ok(taken)
    }

    /// The name of the newest backup that passes the quick check, for a damage message.
    fn newest_good_backup(&self) -> Option<PathBuf> {
        self.backups.as_ref()?.newest_good().map(|b| b.path)
    }

    /// What must hold before the first write of a session: the file may be written, SQLite
    /// finds it sound, and a backup of it has been taken (once per file and process).
    fn prepare_first_write(&mut self) -> Result<(), StoreError> {
        self.check_writable()?;
        if let Some(backups) = &self.backups
            && needs_backup(&self.path)
        {
            backups.take(&self.conn).map_err(StoreError::Backup)?;
            mark_backed_up(&self.path);
        }
        self.restore_own_objects()
    }

    /// That the file may be written and SQLite finds it sound (the quick check runs once).
    pub(crate) fn check_writable(&mut self) -> Result<(), StoreError> {
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly(reason.clone()));
        }
        if self.integrity == Integrity::Unchecked {
            let checked = integrity::from_result(integrity::quick_check(&self.conn));
            self.set_integrity(checked);
            if let Some(reason) = &self.read_only {
                return Err(StoreError::ReadOnly(reason.clone()));
            }
        }
        Ok(())
    }

    /// What must hold before an import: a dry run only reads (in a transaction it rolls
    /// back), so it needs a sound file but takes no backup.
    pub(crate) fn prepare_import(&mut self, dry_run: bool) -> Result<(), StoreError> {
        if dry_run {
            self.check_writable()
        } else {
            self.prepare_first_write()
        }
    }

    /// Makes again Chiso's own triggers and indexes that the file lacks (deleted by hand or by
    /// another program): without its audit triggers a change would be recorded nowhere, or
    /// as nobody's. Done before the first write of a session, after its backup.
    fn restore_own_objects(&mut self) -> Result<(), StoreError> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        let Some(own) = schema::own_objects(version) else {
            return Ok(());
        };
        let found = schema::schema_objects(&self.conn)?;
        let missing: Vec<&schema::SchemaObject> = own
            .iter()
            .filter(|(kind, name, sql)| {
                !sql.is_empty() && !found.iter().any(|(k, n, _)| k == kind && n == name)
            })
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (_, _, sql) in missing {
            tx.execute_batch(sql)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Runs `f` in one immediate transaction, with `editor` named in the audit log of every
    /// change it makes. Either all of it lands or none of it does.
    pub fn write<T>(
        &mut self,
        editor: &str,
        f: impl FnOnce(&Transaction) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.prepare_first_write()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // The audit triggers read the editor from this one row. A file whose row was deleted
        // (by hand, or by another program) would credit every change to "(outside Chiso)":
        // the row is put back, in the same transaction as the change.
        tx.execute(
            "INSERT INTO audit_context (id, editor) VALUES (1, ?1) \
             ON CONFLICT (id) DO UPDATE SET editor = excluded.editor",
            [editor],
        )?;
        let written = f(&tx).and_then(|value| {
            tx.execute("UPDATE audit_context SET editor = NULL WHERE id = 1", [])?;
            tx.commit()?;
            Ok(value)
        });
        if let Err(StoreError::Corrupt(e)) = &written {
            // Damage the quick check did not see: no further write this session.
            let detail = e.to_string();
            self.set_integrity(Integrity::Damaged(detail));
        }
        written
    }
}

/// Whether a file may be written, as far as the operating system says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    Writable,
    /// Its permission bits forbid writing.
    ReadOnlyBits,
    /// It is on a file system mounted read-only (a CD, a write-protected stick).
    ReadOnlyMedium,
}

/// Looks at the path before SQLite does: returns whether the file may be written.
fn check_file(path: &Path) -> Result<Access, OpenError> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(OpenError::Missing { path: path.into() });
        }
        Err(e) => {
            return Err(OpenError::Unreadable {
                path: path.into(),
                detail: e.to_string(),
            });
        }
    };
    if meta.is_dir() {
        return Err(OpenError::Directory { path: path.into() });
    }
    if !meta.is_file() {
        return Err(OpenError::NotAFile { path: path.into() });
    }
    if meta.len() == 0 {
        return Err(OpenError::Empty { path: path.into() });
    }
    let mut header = [0u8; 16];
    let read = fs::File::open(path).and_then(|mut f| f.read(&mut header));
    match read {
        Ok(n) if n == header.len() && &header == b"SQLite format 3\0" => {}
        Ok(n) => {
            return Err(OpenError::NotSqlite {
                path: path.into(),
                looks_like: describe_header(&header[..n]),
            });
        }
        Err(e) => {
            return Err(OpenError::Unreadable {
                path: path.into(),
                detail: e.to_string(),
            });
        }
    }
    // The permission bits, not a write attempt: root may write a read-only file, and a user
    // who made a file read-only meant it.
    if meta.permissions().readonly() {
        return Ok(Access::ReadOnlyBits);
    }
    // A read-only mount shows writable bits. Opening for writing (without writing, truncating
    // or creating) is how to ask the file system.
    let medium = fs::OpenOptions::new()
        .write(true)
        .open(path)
        .is_err_and(|e| e.kind() == std::io::ErrorKind::ReadOnlyFilesystem);
    Ok(if medium {
        Access::ReadOnlyMedium
    } else {
        Access::Writable
    })
}

/// A guess at what a non-SQLite file is, to make the message concrete.
fn describe_header(header: &[u8]) -> &'static str {
    const KNOWN: &[(&[u8], &str)] = &[
        (b"\x89PNG", "it is a PNG image"),
        (b"%PDF", "it is a PDF document"),
        (
            b"PK\x03\x04",
            "it is a ZIP archive, such as an .xlsx or .docx file",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "it is an old Office document, such as an .xls file",
        ),
        (b"\xFF\xD8\xFF", "it is a JPEG image"),
        (b"SQLite format", "its header is damaged"),
    ];
    if let Some((_, what)) = KNOWN.iter().find(|(magic, _)| header.starts_with(magic)) {
        return what;
    }
    // The first bytes may end inside a multi-byte character: judge the complete ones.
    let complete = match std::str::from_utf8(header) {
        Ok(t) => Some(t),
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&header[..e.valid_up_to()]).ok(),
        Err(_) => None,
    };
    let text = complete.is_some_and(|t| {
        !t.is_empty()
            && t.chars()
                .all(|c| !c.is_control() || c.is_ascii_whitespace())
    });
    if text {
        "it looks like a text file"
    } else if header.len() < 16 {
        "it is too short to be a database"
    } else {
        "its contents are not a database"
    }
}

/// Opens a connection with Chiso's safety settings.
fn connect(path: &Path, flags: OpenFlags) -> Result<Connection, OpenError> {
    let flags = flags | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_EXRESCODE;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite_open_error(path, e))?;
    let read_only = flags.contains(OpenFlags::SQLITE_OPEN_READ_ONLY);
    configure(&conn, read_only).map_err(|e| sqlite_open_error(path, e))?;
    Ok(conn)
}

/// A read-only connection to a file on a read-only medium, as SQLite's `immutable` URI: no
/// locks and no `-shm`, which such a medium cannot hold (nobody can write the file there).
fn connect_immutable(path: &Path) -> Result<Connection, OpenError> {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_EXRESCODE;
    let conn = Connection::open_with_flags(&uri, flags).map_err(|e| sqlite_open_error(path, e))?;
    configure(&conn, true).map_err(|e| sqlite_open_error(path, e))?;
    Ok(conn)
}

/// Safety settings for every connection: a file's schema is data, not code. A read-only
/// connection also turns triggers and views off, so that nothing a file holds can run while it
/// is only looked at (Chiso's own queries name tables, never views).
fn configure(conn: &Connection, read_only: bool) -> rusqlite::Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    if read_only {
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false)?;
    }
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}

/// Reads the file's identity through a read-only connection; returns its schema version.
fn inspect(conn: &Connection, path: &Path) -> Result<i64, OpenError> {
    let read = || -> rusqlite::Result<(i32, i64, Vec<String>)> {
        let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let mut stmt = conn.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             ORDER BY name",
        )?;
        let tables = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok((app_id, version, tables))
    };
    let (app_id, version, tables) = read().map_err(|e| sqlite_open_error(path, e))?;
    if app_id != APPLICATION_ID {
        let mut listed: Vec<&str> = tables.iter().take(6).map(String::as_str).collect();
        if tables.len() > listed.len() {
            listed.push("…");
        }
        let tables = if listed.is_empty() {
            "none".to_owned()
        } else {
            listed.join(", ")
        };
        return Err(OpenError::Foreign {
            path: path.into(),
            tables,
        });
    }
    // Chiso writes versions from 1 up; a negative one is no version any Chiso wrote.
    if version < 0 {
        return Err(OpenError::Corrupt {
            path: path.into(),
            detail: format!("its schema version is {version}, which no Chiso writes"),
            backup: newest_good_backup_of(path),
        });
    }
    if version <= SCHEMA_VERSION {
        let missing: Vec<&str> = schema::CORE_TABLES
            .iter()
            .filter(|t| version >= 1 && !tables.iter().any(|have| have == *t))
            .copied()
            .collect();
        if !missing.is_empty() {
            return Err(OpenError::Corrupt {
                path: path.into(),
                detail: format!("tables missing: {}", missing.join(", ")),
                backup: newest_good_backup_of(path),
            });
        }
    }
    Ok(version)
}

/// The triggers and views of a Chiso file at `version` that its migrations did not create,
/// described for a message (`trigger "name"`). Empty for a file of a newer version, whose
/// objects this build cannot know (it is opened read-only anyway).
fn foreign_objects(conn: &Connection, version: i64) -> rusqlite::Result<Vec<String>> {
    let Some(own) = schema::own_objects(version) else {
        return Ok(Vec::new());
    };
    let found = schema::schema_objects(conn)?;
    Ok(found
        .iter()
        .filter(|object| !own.contains(object))
        .map(|(kind, name, _)| {
            // The name is the file's text: shown escaped and short, so that control characters
            // or a right-to-left override cannot disguise it.
            let short: String = name.chars().take(60).collect();
            let cut = if short.len() < name.len() { "…" } else { "" };
            format!("{kind} {short:?}{cut}")
        })
        .collect())
}

/// Lets SQLite undo the unfinished transaction of a hot journal: the first read of a
/// read-write connection rolls it back, before any of the file's SQL can run.
fn roll_back_interrupted_write(path: &Path) -> Result<(), OpenError> {
    let conn = connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| sqlite_open_error(path, e))?;
    Ok(())
}

/// The newest sound backup of the file at `path` where the user keeps backups.
fn newest_good_backup_of(path: &Path) -> Option<PathBuf> {
    Backups::of(path, &Place::chosen())?
        .newest_good()
        .map(|b| b.path)
}

/// A store error met while opening (a migration's check or backup) as an open error.
fn store_open_error(path: &Path, error: StoreError) -> OpenError {
    match error {
        StoreError::Sqlite(e) | StoreError::Corrupt(e) => sqlite_open_error(path, e),
        other => OpenError::Sqlite {
            path: path.to_path_buf(),
            detail: other.to_string(),
        },
    }
}

fn sqlite_open_error(path: &Path, error: rusqlite::Error) -> OpenError {
    use rusqlite::ErrorCode;
    let path = path.to_path_buf();
    if let rusqlite::Error::SqliteFailure(e, _) = &error
        && e.extended_code == rusqlite::ffi::SQLITE_READONLY_ROLLBACK
    {
        return OpenError::Interrupted {
            path,
            read_only_file: false,
        };
    }
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => OpenError::NotSqlite {
            path,
            looks_like: "its contents are not a database",
        },
        Some(ErrorCode::DatabaseCorrupt) => OpenError::Corrupt {
            backup: newest_good_backup_of(&path),
            path,
            detail: error.to_string(),
        },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => OpenError::Locked { path },
        Some(ErrorCode::PermissionDenied | ErrorCode::CannotOpen | ErrorCode::ReadOnly) => {
            OpenError::Unreadable {
                path,
                detail: error.to_string(),
            }
        }
        _ => OpenError::Sqlite {
            path,
            detail: error.to_string(),
        },
    }
}

/// Which of a database's side files existed before it was opened.
struct SideFiles([bool; 3]);

impl SideFiles {
    const SUFFIXES: [&str; 3] = ["-wal", "-shm", "-journal"];

    fn path(path: &Path, suffix: &str) -> PathBuf {
        side_file(path, suffix)
    }

    fn present(path: &Path) -> SideFiles {
        SideFiles(Self::SUFFIXES.map(|s| fs::symlink_metadata(Self::path(path, s)).is_ok()))
    }

    /// Removes the side files that appeared since [`SideFiles::present`], once this process's
    /// connections are closed, when they hold nothing: a log that is not empty was written by
    /// someone else meanwhile and is left alone, and so is the `-shm` beside it.
    fn remove_new(&self, path: &Path) {
        let [had_wal, had_shm, had_journal] = self.0;
        let empty = |suffix: &str| {
            fs::symlink_metadata(Self::path(path, suffix))
                .is_ok_and(|m| m.is_file() && m.len() == 0)
        };
        let wal = Self::path(path, "-wal");
        if !had_wal && empty("-wal") {
            // Best effort: what cannot be removed stays, as SQLite left it.
            let _ = fs::remove_file(&wal);
        }
        if !had_shm && fs::symlink_metadata(&wal).is_err() {
            let _ = fs::remove_file(Self::path(path, "-shm"));
        }
        if !had_journal && empty("-journal") {
            let _ = fs::remove_file(Self::path(path, "-journal"));
        }
    }
}

/// Removes a database this process failed to create (or an unfinished copy), with its side
/// files.
pub(crate) fn remove_database_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        // Best effort: the file may never have been made.
        let _ = fs::remove_file(side_file(path, suffix));
    }
}

/// `path` with `suffix` after its name: `data.db-wal`.
pub(crate) fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
