//! Backups taken without being asked: before the first write of a session, a consistent copy
//! of the database, kept in a rotation bounded in number (and so in space).
//!
//! The copy is made with SQLite's online backup API, not by copying the file: a copy of the
//! bytes taken while the WAL holds recent changes, or while another program writes, is not one
//! state of the database. A copy is written under a temporary name and renamed into place only
//! when complete, so a crash during a backup leaves the older backups as they were and no
//! half-written file that looks like a backup.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use chrono::{Datelike, Local, NaiveDateTime};
use rusqlite::backup::{Backup as SqliteBackup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::side_file;

/// How many of the newest backups are always kept.
pub const KEEP_NEWEST: usize = 10;
/// How many months keep their first backup besides the newest ones.
pub const KEEP_MONTHS: u32 = 12;

/// The file name of a backup: `<database name>.<taken, local time>.backup`, so that a folder
/// listing sorts them by time and says at a glance which file each belongs to.
const STAMP: &str = "%Y-%m-%d_%H%M%S";
const EXTENSION: &str = "backup";

/// The environment variable that overrides where backups go: `off`, `beside`, `data`, or a
/// folder. An office that keeps its own copies (or a test) says so here.
pub const PLACE_VARIABLE: &str = "CHISO_BACKUPS";

/// Where a database's backups are kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// In the user's data folder (`~/.local/share/chiso/backups/…` on Linux), one folder per
    /// database: the default, out of the way of shared folders and USB sticks.
    DataFolder,
    /// In a folder beside the database (`<name>.backups/`), so that they travel with it.
    BesideFile,
    /// In the given folder, one subfolder per database.
    Folder(PathBuf),
    /// No backups.
    Off,
}

impl Place {
    /// The place the user chose: [`PLACE_VARIABLE`] first, then the saved choice, then the data
    /// folder.
    pub fn chosen() -> Place {
        if let Some(place) = process_default() {
            return place;
        }
        if let Some(value) = std::env::var_os(PLACE_VARIABLE).filter(|v| !v.is_empty()) {
            return Place::parse(value);
        }
        saved_place().unwrap_or(Place::DataFolder)
    }

    /// A place as a person writes it: `off`, `beside`, `data`, or a folder (made absolute, so
    /// that it means the same from any working folder).
    pub fn parse(value: OsString) -> Place {
        match value.to_str() {
            Some("off") => Place::Off,
            Some("beside") => Place::BesideFile,
            Some("data") => Place::DataFolder,
            _ => {
                let folder = PathBuf::from(value);
                Place::Folder(std::path::absolute(&folder).unwrap_or(folder))
            }
        }
    }

    /// The folder of `database`'s backups here, or `None` when backups are off or the user has
    /// no data folder.
    pub fn folder_for(&self, database: &Path) -> Option<PathBuf> {
        let name = database.file_name()?;
        match self {
            Place::Off => None,
            Place::BesideFile => {
                let mut folder = name.to_owned();
                folder.push(".backups");
                Some(database.with_file_name(folder))
            }
            Place::DataFolder => {
                let dirs = directories::ProjectDirs::from("", "", "Chiso")?;
                Some(dirs.data_dir().join("backups").join(folder_name(database)))
            }
            Place::Folder(root) => Some(root.join(folder_name(database))),
        }
    }

    /// The words a preference file keeps for this place.
    fn saved_form(&self) -> OsString {
        match self {
            Place::DataFolder => "data".into(),
            Place::BesideFile => "beside".into(),
            Place::Off => "off".into(),
            Place::Folder(path) => path.clone().into_os_string(),
        }
    }
}

/// The process's own default, set by a program that embeds the store (the tests set `Off`, so
/// that they never write into the user's data folder).
static PROCESS_DEFAULT: OnceLock<Place> = OnceLock::new();

/// Sets the place every store of this process uses unless told otherwise; the first call wins.
pub fn set_process_default(place: Place) {
    let _ = PROCESS_DEFAULT.set(place);
}

fn process_default() -> Option<Place> {
    PROCESS_DEFAULT.get().cloned()
}

fn preference_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Chiso").map(|dirs| dirs.config_dir().join("backups"))
}

fn saved_place() -> Option<Place> {
    let text = fs::read_to_string(preference_file()?).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| Place::parse(text.into()))
}

/// Keeps the user's choice of place for later sessions.
pub fn save_place(place: &Place) -> std::io::Result<()> {
    let Some(path) = preference_file() else {
        return Ok(());
    };
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    fs::write(path, place.saved_form().as_encoded_bytes())
}

/// The folder of one database's backups inside a shared folder: its file name (so a person
/// finds it) and a hash of its full path (so two `data.sqlite` in different folders keep their
/// backups apart).
fn folder_name(database: &Path) -> String {
    let full = fs::canonicalize(database).unwrap_or_else(|_| database.to_path_buf());
    let stem = database
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = safe_file_name(&stem);
    let stem = crate::text::clip_bytes(&stem, 80);
    format!("{stem}-{:016x}", fnv1a(full.as_os_str().as_encoded_bytes()))
}

/// FNV-1a: a hash that, unlike std's, is the same in every build, so a database keeps its
/// backup folder across Chiso versions.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A name without the characters file systems refuse.
fn safe_file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// One backup of a database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupFile {
    pub path: PathBuf,
    /// When it was taken, local time (from its name).
    pub taken: NaiveDateTime,
    pub bytes: u64,
}

impl BackupFile {
    /// The file's name, as messages cite it.
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// What went wrong taking or restoring a backup.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("cannot write the backup folder {} ({detail})", .folder.display())]
    Folder { folder: PathBuf, detail: String },
    #[error("backups are off: choose where to keep them with `chiso backups FILE --keep data`")]
    Off,
    #[error("the backup could not be taken ({0})")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}: not a backup of a Chiso database ({detail})", .path.display())]
    NotABackup { path: PathBuf, detail: String },
    #[error("{}: this backup is damaged ({detail}); choose another with `chiso backups FILE`", .path.display())]
    Damaged { path: PathBuf, detail: String },
}

/// The backups of one database, in one folder.
#[derive(Clone, Debug)]
pub struct Backups {
    database: PathBuf,
    folder: PathBuf,
}

impl Backups {
    /// The backups of `database` at `place`, or `None` when backups are off.
    pub fn of(database: &Path, place: &Place) -> Option<Backups> {
        Some(Backups {
            database: database.to_path_buf(),
            folder: place.folder_for(database)?,
        })
    }

    /// The backups a restore of `database` reads and adds to: the user's place, or beside the
    /// file when backups are off (the file as it was is kept all the same). `None` only for a
    /// path without a file name.
    pub fn for_restore(database: &Path) -> Option<Backups> {
        Backups::of(database, &Place::chosen())
            .or_else(|| Backups::of(database, &Place::BesideFile))
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The backups, newest first. A missing folder is no backups; files of other names (a
    /// copy a person put there, an interrupted backup) are not listed.
    pub fn list(&self) -> Vec<BackupFile> {
        let Ok(entries) = fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let prefix = self.prefix();
        let mut found: Vec<(BackupFile, u32)> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let rest = name.strip_prefix(&prefix)?;
                let stamp = rest.strip_suffix(&format!(".{EXTENSION}"))?;
                // `…_063012-2` for a second backup in the same second.
                let (stamp, extra) = (stamp.get(..17)?, stamp.get(17..)?);
                let sequence = match extra.strip_prefix('-') {
                    None if extra.is_empty() => 1,
                    Some(n) => n.parse::<u32>().ok()?,
                    None => return None,
                };
                let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
                let meta = entry.metadata().ok().filter(fs::Metadata::is_file)?;
                let backup = BackupFile {
                    path: entry.path(),
                    taken,
                    bytes: meta.len(),
                };
                Some((backup, sequence))
            })
            .collect();
        // Newest first; within one second, the later numbered first.
        found.sort_by(|(a, m), (b, n)| b.taken.cmp(&a.taken).then(n.cmp(m)));
        let found: Vec<BackupFile> = found.into_iter().map(|(b, _)| b).collect();
        found
    }

    /// The newest backup that passes SQLite's quick check and is a Chiso file.
    pub fn newest_good(&self) -> Option<BackupFile> {
        self.list()
            .into_iter()
            .find(|b| check_backup(&b.path).is_ok())
    }

    /// `<database file name>.` — every backup's name starts with it.
    fn prefix(&self) -> String {
        let name = self
            .database
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!("{}.", crate::text::clip_bytes(&safe_file_name(&name), 120))
    }

    /// Takes a backup of the database open in `source`, then trims the rotation.
    pub fn take(&self, source: &Connection) -> Result<BackupFile, BackupError> {
        let folder_error = |e: std::io::Error| BackupError::Folder {
            folder: self.folder.clone(),
            detail: e.to_string(),
        };
        fs::create_dir_all(&self.folder).map_err(folder_error)?;
        let now = Local::now().naive_local();
        let stamp = now.format(STAMP).to_string();
        let mut name = format!("{}{stamp}.{EXTENSION}", self.prefix());
        let mut n = 2;
        while self.folder.join(&name).exists() {
            name = format!("{}{stamp}-{n}.{EXTENSION}", self.prefix());
            n += 1;
        }
        let target = self.folder.join(&name);
        // The process id keeps two Chisos backing up the same file apart until the rename.
        let partial = self
            .folder
            .join(format!(".{name}.{}.partial", std::process::id()));
        let _ = fs::remove_file(&partial);
        let copied = copy_database(source, &partial);
        if let Err(e) = copied {
            super::remove_database_files(&partial);
            return Err(e);
        }
        fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .and_then(|()| fs::rename(&partial, &target))
            .map_err(folder_error)?;
        // The rename is durable once the folder is: best effort where folders cannot be opened.
        if let Ok(dir) = fs::File::open(&self.folder) {
            let _ = dir.sync_all();
        }
        self.trim(now.date());
        self.remove_stale_partials();
        let bytes = fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
        Ok(BackupFile {
            path: target,
            taken: now,
            bytes,
        })
    }

    /// Keeps the newest [`KEEP_NEWEST`] and the first backup of each of the last
    /// [`KEEP_MONTHS`] months; removes the rest.
    fn trim(&self, today: chrono::NaiveDate) {
        for old in to_remove(&self.list(), today) {
            let _ = fs::remove_file(&old.path);
        }
    }

    /// Interrupted backups (a crash, a full disk) older than an hour.
    fn remove_stale_partials(&self) {
        let Ok(entries) = fs::read_dir(&self.folder) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > Duration::from_secs(3600));
            if name.starts_with('.') && name.contains(".partial") && stale {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// What a restore did.
#[derive(Debug)]
pub struct Restored {
    /// The backup of the file as it was before the restore (`None` when there was no file).
    pub previous: Option<BackupFile>,
}

impl Backups {
    /// Puts `backup` back as the database. The backup is checked first (a Chiso file, sound);
    /// the database as it is now is backed up first, through SQLite when it can read it and
    /// as a copy of its bytes when it cannot (a damaged file is kept, never lost). The copy
    /// goes through the backup API, so a program that has the file open sees one change;
    /// a file too damaged for SQLite to write into is replaced whole, by a rename.
    pub fn restore(&self, backup: &Path) -> Result<Restored, BackupError> {
        check_backup(backup)?;
        let database = &self.database;
        let previous = if database.exists() {
            Some(self.take_before_restore()?)
        } else {
            None
        };
        let source = Connection::open_with_flags(
            backup,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let in_place = Connection::open_with_flags(
            database,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )
        .map_err(BackupError::from)
        .and_then(|mut target| {
            copy_into(&source, &mut target)?;
            target.pragma_update(None, "journal_mode", "wal")?;
            Ok(())
        });
        if in_place.is_err() {
            self.replace_whole(backup)?;
        }
        mark_backed_up(database);
        Ok(Restored { previous })
    }

    /// The backup taken before a restore: through SQLite, else the file's bytes.
    fn take_before_restore(&self) -> Result<BackupFile, BackupError> {
        let through_sqlite = Connection::open_with_flags(
            &self.database,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(BackupError::from)
        .and_then(|conn| self.take(&conn));
        match through_sqlite {
            Ok(taken) => Ok(taken),
            Err(BackupError::Folder { folder, detail }) => {
                Err(BackupError::Folder { folder, detail })
            }
            Err(_) => self.take_bytes(),
        }
    }

    /// A copy of the database's bytes (and of its `-wal`, beside it as SQLite expects), for a
    /// file SQLite cannot read through.
    fn take_bytes(&self) -> Result<BackupFile, BackupError> {
        let folder_error = |e: std::io::Error| BackupError::Folder {
            folder: self.folder.clone(),
            detail: e.to_string(),
        };
        fs::create_dir_all(&self.folder).map_err(folder_error)?;
        let now = Local::now().naive_local();
        let name = format!("{}{}.{EXTENSION}", self.prefix(), now.format(STAMP));
        let target = self.folder.join(&name);
        fs::copy(&self.database, &target).map_err(folder_error)?;
        let wal = side_file(&self.database, "-wal");
        if wal.exists() {
            fs::copy(&wal, side_file(&target, "-wal")).map_err(folder_error)?;
        }
        let bytes = fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
        Ok(BackupFile {
            path: target,
            taken: now,
            bytes,
        })
    }

    /// Replaces the database file by a copy of `backup`: written beside it, then renamed over
    /// it, so the file is either the old one or the backup, never half of each.
    fn replace_whole(&self, backup: &Path) -> Result<(), BackupError> {
        let database = &self.database;
        let folder_error = |e: std::io::Error| BackupError::Folder {
            folder: database.parent().unwrap_or(Path::new(".")).to_path_buf(),
            detail: e.to_string(),
        };
        let partial = side_file(database, ".restoring");
        fs::copy(backup, &partial)
            .and_then(|_| fs::File::open(&partial)?.sync_all())
            .map_err(folder_error)?;
        // A log of the damaged file must not be replayed into the restored one; it was kept
        // with the backup taken before.
        for suffix in ["-wal", "-shm", "-journal"] {
            let _ = fs::remove_file(side_file(database, suffix));
        }
        fs::rename(&partial, database).map_err(folder_error)
    }
}

/// Which backups a rotation removes: all but the newest [`KEEP_NEWEST`] and the oldest one of
/// each of the [`KEEP_MONTHS`] months up to `today`'s. `backups` is newest first.
pub fn to_remove(backups: &[BackupFile], today: chrono::NaiveDate) -> Vec<BackupFile> {
    let month_index = |d: chrono::NaiveDate| d.year() * 12 + d.month0() as i32;
    let this_month = month_index(today);
    let mut monthly_kept = HashSet::new();
    let mut keep = vec![false; backups.len()];
    // Oldest first, so that each month keeps its first backup.
    for (i, backup) in backups.iter().enumerate().rev() {
        let month = month_index(backup.taken.date());
        let recent = (this_month - month) < KEEP_MONTHS as i32;
        if recent && monthly_kept.insert(month) {
            keep[i] = true;
        }
    }
    for k in keep.iter_mut().take(KEEP_NEWEST) {
        *k = true;
    }
    backups
        .iter()
        .zip(keep)
        .filter(|(_, keep)| !keep)
        .map(|(b, _)| b.clone())
        .collect()
}

/// Copies the database of `source` into a new file at `target` with the online backup API, in
/// one step (so the copy is one state of the database), in rollback-journal mode (so a backup
/// is one file).
fn copy_database(source: &Connection, target: &Path) -> Result<(), BackupError> {
    let mut copy = Connection::open_with_flags(
        target,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
    )?;
    copy_into(source, &mut copy)?;
    copy.pragma_update(None, "journal_mode", "delete")?;
    copy.close().map_err(|(_, e)| e)?;
    Ok(())
}

/// Every page of `source` into `target`, in one step, waiting a while for another program's
/// lock as a write would.
fn copy_into(source: &Connection, target: &mut Connection) -> Result<(), BackupError> {
    let backup = SqliteBackup::new(source, target)?;
    for _ in 0..50 {
        if backup.step(-1)? == StepResult::Done {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(BackupError::Sqlite(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
        Some("the database stayed busy for 5 s".into()),
    )))
}

/// Checks that `path` is a Chiso database SQLite finds sound, without changing it.
pub fn check_backup(path: &Path) -> Result<(), BackupError> {
    let not_a_backup = |detail: String| BackupError::NotABackup {
        path: path.to_path_buf(),
        detail,
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| not_a_backup(e.to_string()))?;
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| not_a_backup(e.to_string()))?;
    if app_id != super::APPLICATION_ID {
        return Err(not_a_backup("another application's file".into()));
    }
    match super::integrity::quick_check(&conn) {
        Ok(None) => Ok(()),
        Ok(Some(detail)) => Err(BackupError::Damaged {
            path: path.to_path_buf(),
            detail,
        }),
        Err(e) => Err(BackupError::Damaged {
            path: path.to_path_buf(),
            detail: e.to_string(),
        }),
    }
}

/// The databases this process has backed up already: one backup a session, whichever store
/// (the window's, an import's thread) writes first.
fn backed_up() -> &'static Mutex<HashSet<PathBuf>> {
    static SET: OnceLock<Mutex<HashSet<PathBuf>>> = OnceLock::new();
    SET.get_or_init(Default::default)
}

/// Whether `database` still needs its backup in this session; marks it as taken when `taken`.
pub(super) fn needs_backup(database: &Path) -> bool {
    let key = fs::canonicalize(database).unwrap_or_else(|_| database.to_path_buf());
    !backed_up()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .contains(&key)
}

pub(super) fn mark_backed_up(database: &Path) {
    let key = fs::canonicalize(database).unwrap_or_else(|_| database.to_path_buf());
    backed_up()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .insert(key);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> BackupFile {
        BackupFile {
            path: PathBuf::from(s),
            taken: NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap(),
            bytes: 1,
        }
    }

    #[test]
    fn the_rotation_keeps_the_newest_ten_and_the_first_of_each_of_twelve_months() {
        let mut backups: Vec<BackupFile> = Vec::new();
        // Two a month from January 2025 to December 2026, then 12 on 1 December.
        for year in [2025, 2026] {
            for month in 1..=12 {
                for day in [3, 20] {
                    backups.push(at(&format!("{year}-{month:02}-{day:02} 10:00")));
                }
            }
        }
        for hour in 11..23 {
            backups.push(at(&format!("2026-12-21 {hour}:00")));
        }
        backups.reverse();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 21).unwrap();
        let removed = to_remove(&backups, today);
        let kept: Vec<_> = backups.iter().filter(|b| !removed.contains(b)).collect();
        // 10 newest (all from 21 December) + the first of Jan–Dec 2026 (12).
        assert_eq!(kept.len(), 22, "{kept:?}");
        assert!(kept.iter().any(|b| b.path == Path::new("2026-01-03 10:00")));
        assert!(!kept.iter().any(|b| b.path == Path::new("2025-12-03 10:00")));
        assert!(!kept.iter().any(|b| b.path == Path::new("2026-11-20 10:00")));
    }

    #[test]
    fn two_backups_of_one_second_list_the_later_first_and_other_files_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("s.db");
        let backups = Backups::of(&db, &Place::Folder(dir.path().join("bk"))).unwrap();
        fs::create_dir_all(backups.folder()).unwrap();
        for name in [
            "s.db.2026-12-03_063012.backup",
            "s.db.2026-12-03_063012-2.backup",
            "s.db.2026-12-03_063012-10.backup",
            "s.db.2026-12-03_063011.backup",
            ".s.db.2026-12-03_063013.backup.77.partial",
            "s.db.2026-12-03_063013-x.backup",
            "notes.txt",
        ] {
            fs::write(backups.folder().join(name), b"x").unwrap();
        }
        let names: Vec<String> = backups.list().iter().map(BackupFile::name).collect();
        assert_eq!(
            names,
            [
                "s.db.2026-12-03_063012-10.backup",
                "s.db.2026-12-03_063012-2.backup",
                "s.db.2026-12-03_063012.backup",
                "s.db.2026-12-03_063011.backup",
            ]
        );
    }

    #[test]
    fn a_folder_name_keeps_the_file_name_and_tells_two_files_of_one_name_apart() {
        let a = folder_name(Path::new("/a/dữ liệu.sqlite"));
        let b = folder_name(Path::new("/b/dữ liệu.sqlite"));
        assert!(a.starts_with("dữ liệu-") && b.starts_with("dữ liệu-"));
        assert_ne!(a, b);
    }
}
