//! Whether SQLite finds a file sound: the quick check before the first write of a session, the
//! full check of `chiso check`.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

/// How many of SQLite's complaints a message quotes.
const QUOTED: usize = 3;

/// What the check of an open file found, as far as it has gone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Integrity {
    /// Not checked yet in this session.
    Unchecked,
    Sound,
    /// SQLite's own words for the damage.
    Damaged(String),
}

/// `PRAGMA quick_check`: the structure of every page and index, without comparing indexes to
/// their tables (which `integrity_check` does and is several times slower). `None` when sound.
pub fn quick_check(conn: &Connection) -> rusqlite::Result<Option<String>> {
    run(conn, "quick_check")
}

/// `PRAGMA integrity_check` and `PRAGMA foreign_key_check`: everything SQLite can verify.
pub fn full_check(conn: &Connection) -> rusqlite::Result<Option<String>> {
    if let Some(damage) = run(conn, "integrity_check")? {
        return Ok(Some(damage));
    }
    let broken = conn
        .prepare("PRAGMA foreign_key_check")
        .and_then(|mut stmt| {
            stmt.query_map([], |r| {
                Ok(format!(
                    "a row of {} refers to a missing row of {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(2)?
                ))
            })?
            .collect::<rusqlite::Result<Vec<String>>>()
        });
    match broken {
        Ok(broken) => Ok(summarise(broken)),
        Err(e) if is_damage(&e) => Ok(Some(e.to_string())),
        Err(e) => Err(e),
    }
}

fn run(conn: &Connection, pragma: &str) -> rusqlite::Result<Option<String>> {
    // The pragma's argument is the number of errors it stops at.
    let lines = conn
        .prepare(&format!("PRAGMA {pragma}(100)"))
        .and_then(|mut stmt| {
            stmt.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        });
    let lines = match lines {
        Ok(lines) => lines,
        // Damage that stops the check where it stands is what the check looks for.
        Err(e) if is_damage(&e) => return Ok(Some(e.to_string())),
        Err(e) => return Err(e),
    };
    if lines.len() == 1 && lines[0] == "ok" {
        return Ok(None);
    }
    // SQLite heads its findings with the schema they are in: not a finding.
    Ok(summarise(
        lines
            .into_iter()
            .filter(|l| !l.starts_with("*** in database"))
            .collect(),
    ))
}

fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

fn summarise(problems: Vec<String>) -> Option<String> {
    if problems.is_empty() {
        return None;
    }
    let mut text: Vec<String> = problems
        .iter()
        .take(QUOTED)
        .map(|p| crate::text::clip(p.clone(), 120))
        .collect();
    if problems.len() > QUOTED {
        text.push(format!("{} more", problems.len() - QUOTED));
    }
    Some(text.join("; "))
}

/// The quick check of the file at `path`, through a read-only connection of its own, so that
/// the window can run it in a thread while the first frame is drawn. An error that stops the
/// check (a page that cannot be read) is damage too.
pub fn quick_check_file(path: &Path) -> Integrity {
    let checked = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .and_then(|conn| {
        conn.busy_timeout(super::BUSY_TIMEOUT)?;
        quick_check(&conn)
    });
    from_result(checked)
}

pub(super) fn from_result(checked: rusqlite::Result<Option<String>>) -> Integrity {
    match checked {
        Ok(None) => Integrity::Sound,
        Ok(Some(damage)) => Integrity::Damaged(damage),
        // Another program's lock is not damage: the check runs again before the first write.
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ) =>
        {
            Integrity::Unchecked
        }
        Err(e) => Integrity::Damaged(e.to_string()),
    }
}
