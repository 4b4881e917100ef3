//! Packages of changes between copies of one database, on SQLite's session extension.
//!
//! A province's editor works on a copy (`make_copy`); the changes made there since the copy
//! was made, or since the last package, travel to the centre as one file (`make_package`);
//! the centre looks at them, conflicts cell by cell, then applies all or nothing
//! (`plan`, `apply`). The centre sends its own back the same way, so copies converge.
//!
//! Rows travel by their natural keys, never by a file's row ids (two copies that both added
//! figures gave them the same ids): each exchanged table has a *keyed form*, a table whose
//! primary key is the natural key (a figure: indicator, area, subgroup and source codes, year,
//! period label), which is what the session extension identifies rows by. The keyed forms
//! live in a connection of their own, in memory:
//! - a package is SQLite's diff of two keyed forms: the rows as they were at the mark (read
//!   back from the audit log's old values, which record every change) and as they are now;
//! - applying it is SQLite's `changeset_apply` on the keyed form of the rows it touches, read
//!   from the file, with a conflict handler that sees every cell changed on both sides; a
//!   second session records what the apply really changed, and that is written to the file's
//!   own tables in one transaction, audited under the package's editor.
//!
//! What a package does not carry (new indicators, areas, subgroups or units, schema changes)
//! is named in `docs/EXCHANGE.md`; a figure of something the file does not define refuses
//! the whole package, naming it.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{Store, StoreError};

mod keyed;
mod merge;
mod package;

pub use keyed::value_text;
use merge::{merge, missing_codes, write_change};
use package::{changes_since, checksum, write_package};

/// The file name extension of a package.
pub const PACKAGE_EXTENSION: &str = "chisochanges";

/// What a package carries of a kind of row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    Source,
    Figure,
    Target,
    View,
}

impl RowKind {
    fn of(name: &str) -> Option<RowKind> {
        Some(match name {
            "source" => RowKind::Source,
            "figure" => RowKind::Figure,
            "target" => RowKind::Target,
            "view" => RowKind::View,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            RowKind::Source => "source",
            RowKind::Figure => "figure",
            RowKind::Target => "target",
            RowKind::View => "saved view",
        }
    }
}

/// Who this file is among the copies of its database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// Shared by a file and every copy made of it.
    pub database_id: String,
    /// This file's own.
    pub copy_id: String,
    pub created_at: String,
    /// For a copy: the file it was made from (its copy id), when, and for whom.
    pub copied_from: Option<String>,
    pub copied_at: Option<String>,
    pub copied_for: Option<String>,
    /// The files this one exchanges packages with.
    pub peers: Vec<Peer>,
    /// How many packages were applied here.
    pub packages_applied: i64,
}

/// A file this one exchanges packages with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Peer {
    pub copy_id: String,
    /// Whom a copy was made for; for the file a copy came from, "origin".
    pub name: String,
    /// `true` for the file this one was copied from.
    pub origin: bool,
    pub copied_at: String,
    pub sent_at: Option<String>,
}

/// What a package says of itself, before its changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageHeader {
    pub package_id: String,
    /// The database the package's file is a copy of.
    pub database_id: String,
    /// The file it was made in, and its name among the copies.
    pub from_copy: String,
    pub from_name: String,
    /// The file it was made for.
    pub to_copy: String,
    pub to_name: String,
    pub editor: String,
    pub made_at: String,
    /// The changes since the copy was made (`copy`) or since the last package (`last`).
    pub since: Since,
    pub counts: Vec<(RowKind, u64)>,
    /// SHA-256 of this header (with this field empty) followed by the changeset.
    pub checksum: String,
}

impl PackageHeader {
    pub fn changes(&self) -> u64 {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

/// Where a package's changes start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Since {
    /// Since the copy was made.
    Copy,
    /// Since the last package made for the same file (since the copy, when there was none).
    #[default]
    Last,
}

/// A package read from its file.
#[derive(Clone, Debug)]
pub struct Package {
    pub header: PackageHeader,
    changeset: Vec<u8>,
}

/// The side whose value a conflict keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// The package's value ("use theirs").
    Package,
    /// The file's value as it is ("keep ours").
    Here,
}

/// How the conflicts of an apply are decided.
#[derive(Clone, Debug, Default)]
pub struct Decisions {
    /// For every conflict not named in `each`.
    pub all: Option<Choice>,
    /// By [`Conflict::id`].
    pub each: HashMap<String, Choice>,
}

impl Decisions {
    fn of(&self, id: &str) -> Option<Choice> {
        self.each.get(id).copied().or(self.all)
    }
}

/// What kind of change met what here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictKind {
    /// Both sides changed the row since the package's mark, to different values.
    BothChanged,
    /// Both sides added the row, with different values.
    BothAdded,
    /// The package changes a row deleted here.
    DeletedHere,
    /// The package deletes a row changed here.
    DeletedThere,
}

/// A value on each side of a conflicting cell.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictCell {
    pub column: &'static str,
    /// The value the package's side started from (`None`: not known, or no row).
    pub base: Option<Value>,
    /// The package's value (`None`: the row deleted there).
    pub package: Option<Value>,
    /// The value here now (`None`: no row here).
    pub here: Option<Value>,
}

/// A row both sides changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Stable between a plan and its apply: the row kind and its natural key.
    pub id: String,
    pub row: RowKind,
    /// The natural key as codes and values (`HDI`, `VNM`, `T`, `UNDP`, `2023`, ``).
    pub key: Vec<Value>,
    pub kind: ConflictKind,
    pub cells: Vec<ConflictCell>,
}

/// One change an apply makes (or would make).
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub row: RowKind,
    pub action: ChangeAction,
    pub key: Vec<Value>,
    /// The columns written, with their new values (all of them for an added row).
    pub values: Vec<(&'static str, Value)>,
    /// For a changed row, the values those columns had here.
    pub before: Vec<(&'static str, Value)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeAction {
    Add,
    Change,
    Delete,
}

/// What applying a package does to this file, before anything is written.
#[derive(Clone, Debug)]
pub struct Plan {
    pub header: PackageHeader,
    /// When this package was applied here before (then nothing is to be done).
    pub applied_before: Option<String>,
    /// What would change, conflicts decided as asked (undecided ones keep this file's value).
    pub changes: Vec<Change>,
    pub conflicts: Vec<Conflict>,
    /// The package's changes already made here (the same value on both sides).
    pub already: u64,
    /// Rows that name what this file does not define: the package is refused while any.
    pub missing: Vec<Missing>,
}

impl Plan {
    pub fn count(&self, action: ChangeAction) -> usize {
        self.changes.iter().filter(|c| c.action == action).count()
    }

    /// The conflicts `decisions` leave open.
    pub fn undecided<'a>(&'a self, decisions: &'a Decisions) -> impl Iterator<Item = &'a Conflict> {
        self.conflicts
            .iter()
            .filter(|c| decisions.of(&c.id).is_none())
    }
}

/// A code a package's row needs that this file lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// `indicator`, `area` or `subgroup` (a source comes with the package or is missing too).
    pub table: &'static str,
    pub code: String,
    /// How many of the package's rows name it.
    pub rows: u64,
}

/// Why a copy or a package was not made or not applied. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error("{}: a file is already there; choose another name (nothing was overwritten)", .0.display())]
    Exists(PathBuf),
    #[error("{}: not a Chiso change package ({why})", .path.display())]
    NotAPackage { path: PathBuf, why: String },
    #[error(
        "{}: the package is damaged or was altered after it was made (its checksum does not \
         match). Ask its sender for the file again", .path.display()
    )]
    Checksum { path: PathBuf },
    #[error(
        "the package is from another database: it was made in \"{from_name}\", a copy of \
         database {package_db}, and this file is database {here_db}. Apply it to the file it \
         was made for (\"{to_name}\")"
    )]
    OtherDatabase {
        from_name: String,
        to_name: String,
        package_db: String,
        here_db: String,
    },
    #[error(
        "the package was made in this very file: apply it to the file it was made for (\"{to_name}\")"
    )]
    OwnPackage { to_name: String },
    #[error(
        "this file exchanges with no other file: make a copy first (`chiso copy FILE COPY --for \
         NAME`); a package is made in a copy or in the file copies were made from"
    )]
    NoPeer,
    #[error("this file has several copies ({names}): say which one the package is for (--to NAME)")]
    WhichPeer { names: String },
    #[error("no copy of this file is named \"{name}\" (its copies: {names})")]
    UnknownPeer { name: String, names: String },
    #[error(
        "the package names what this file does not define: {list}. A package carries figures, \
         targets, sources and views, not new indicators, areas or subgroups: define them here \
         (with the same codes) and apply the package again"
    )]
    Missing { list: String },
    #[error(
        "{count} conflict(s) undecided: choose the package's value or this file's for each \
         (--prefer package|centre on the command line). Nothing was changed"
    )]
    Undecided { count: usize },
    #[error("the audit log holds a change this package cannot name ({0}); nothing was written")]
    Unreadable(String),
}

impl Store {
    /// Who this file is, and whom it exchanges packages with.
    pub fn identity(&self) -> Result<Identity, StoreError> {
        identity(self.conn())
    }

    /// Makes `copy` (a new file) a copy of this one for `name`, recorded on both sides: the
    /// copy knows where it came from, and this file knows the copy, so each can make packages
    /// for the other. The copy is written beside its final name and renamed into place.
    pub fn make_copy(
        &mut self,
        copy: &Path,
        name: &str,
        editor: &str,
    ) -> Result<Identity, StoreError> {
        if std::fs::symlink_metadata(copy).is_ok() {
            return Err(ExchangeError::Exists(copy.to_path_buf()).into());
        }
        self.prepare_first_write()?;
        let own = identity(self.conn())?;
        let partial = super::side_file(copy, ".partial");
        super::remove_database_files(&partial);
        let mut write_copy = || -> Result<Identity, StoreError> {
            let mark = last_audit_id(self.conn())?;
            self.conn()
                .execute("VACUUM INTO ?1", [partial.to_string_lossy().as_ref()])?;
            let conn = Connection::open(&partial)?;
            // As every file Chiso makes: the window reads while the command line writes.
            conn.pragma_update(None, "journal_mode", "wal")?;
            conn.execute_batch(
                "UPDATE database_identity SET copy_id = lower(hex(randomblob(16))), \
                 copied_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'); \
                 DELETE FROM exchange_peer;",
            )?;
            conn.execute(
                "UPDATE database_identity SET copied_from = ?1, copied_for = ?2",
                params![own.copy_id, name],
            )?;
            conn.execute(
                "INSERT INTO exchange_peer (copy_id, name, role, copied_at, copied_mark) \
                 SELECT ?1, ?2, 'origin', copied_at, ?3 FROM database_identity",
                params![own.copy_id, own_name(&own, self.path()), mark],
            )?;
            let made = identity(&conn)?;
            drop(conn);
            self.write(editor, |tx| {
                tx.execute(
                    "INSERT INTO exchange_peer (copy_id, name, role, copied_at, copied_mark) \
                     VALUES (?1, ?2, 'copy', ?3, ?4)",
                    params![made.copy_id, name, made.copied_at, mark],
                )?;
                Ok(())
            })?;
            Ok(made)
        };
        let made = write_copy().inspect_err(|_| super::remove_database_files(&partial))?;
        std::fs::rename(&partial, copy).map_err(|e| StoreError::Write {
            path: Some(copy.to_path_buf()),
            detail: e.to_string(),
        })?;
        Ok(made)
    }

    /// Writes a package of the changes made here for `to` (a peer's name; `None`: the only
    /// peer) since the copy or the last package, and marks it sent. Returns its header.
    pub fn make_package(
        &mut self,
        out: &Path,
        to: Option<&str>,
        since: Since,
        editor: &str,
    ) -> Result<PackageHeader, StoreError> {
        let own = identity(self.conn())?;
        let peer = choose_peer(&own, to)?;
        let (copied_mark, sent_mark): (i64, Option<i64>) = self.conn().query_row(
            "SELECT copied_mark, sent_mark FROM exchange_peer WHERE copy_id = ?1",
            [&peer.copy_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mark = match since {
            Since::Copy => copied_mark,
            Since::Last => sent_mark.unwrap_or(copied_mark),
        };
        // The mark and the changes read in one snapshot: the package holds exactly the
        // changes up to the mark it records as sent.
        let (now_mark, (changeset, counts)) = {
            let _snapshot = self.snapshot()?;
            (
                last_audit_id(self.conn())?,
                changes_since(self.conn(), mark)?,
            )
        };
        let mut header = PackageHeader {
            package_id: random_id(self.conn())?,
            database_id: own.database_id.clone(),
            from_copy: own.copy_id.clone(),
            from_name: own_name(&own, self.path()),
            to_copy: peer.copy_id.clone(),
            to_name: peer.name.clone(),
            editor: editor.to_owned(),
            made_at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            since,
            counts,
            checksum: String::new(),
        };
        header.checksum = checksum(&header, &changeset);
        write_package(out, &header, &changeset)?;
        // Marked sent only once the file is whole: a package that failed is made again.
        self.write(editor, |tx| {
            tx.execute(
                "UPDATE exchange_peer SET sent_mark = ?2, sent_at = ?3 WHERE copy_id = ?1",
                params![peer.copy_id, now_mark, header.made_at],
            )?;
            Ok(())
        })?;
        Ok(header)
    }

    /// What applying `package` would do here; writes nothing.
    pub fn plan(&self, package: &Package, decisions: &Decisions) -> Result<Plan, StoreError> {
        // One read transaction for the whole plan: a statement outside one takes and drops
        // the file's lock, and may empty the page cache, each time (a third of the time of a
        // package of 100,000 figures).
        let _snapshot = self.snapshot()?;
        plan_in(self.conn(), package, decisions)
    }

    /// Applies `package` as `decisions` decide its conflicts: all of it, in one transaction,
    /// or nothing. The plan is made again inside that transaction, so that a change made here
    /// since the user looked at it is met as a conflict, not overwritten. Every change is
    /// audited under the package's editor and the package.
    pub fn apply_package(
        &mut self,
        package: &Package,
        decisions: &Decisions,
    ) -> Result<Plan, StoreError> {
        if applied_at(self.conn(), &package.header)?.is_some() {
            return self.plan(package, decisions);
        }
        let header = &package.header;
        let editor = format!(
            "{} ({}, package {})",
            header.editor,
            header.from_name,
            &header.package_id[..8.min(header.package_id.len())]
        );
        self.write(&editor, |tx| {
            let plan = plan_in(tx, package, decisions)?;
            let undecided = plan.undecided(decisions).count();
            if undecided > 0 {
                return Err(ExchangeError::Undecided { count: undecided }.into());
            }
            if !plan.missing.is_empty() {
                let list = plan
                    .missing
                    .iter()
                    .map(|m| format!("{} `{}` ({} row(s))", m.table, m.code, m.rows))
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(ExchangeError::Missing { list }.into());
            }
            for change in &plan.changes {
                write_change(tx, change, &header.editor)?;
            }
            tx.execute(
                "INSERT INTO exchange_applied (package_id, from_copy, from_name, editor, made_at, changes) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    header.package_id,
                    header.from_copy,
                    header.from_name,
                    header.editor,
                    header.made_at,
                    plan.changes.len() as i64
                ],
            )?;
            Ok(plan)
        })
    }
}

/// When the package was applied here, if it was; refuses a package of another database.
fn applied_at(conn: &Connection, header: &PackageHeader) -> Result<Option<String>, StoreError> {
    check_belongs(&identity(conn)?, header)?;
    Ok(conn
        .query_row(
            "SELECT applied_at FROM exchange_applied WHERE package_id = ?1",
            [&header.package_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// [`Store::plan`] on a connection (in a write transaction, for an apply).
fn plan_in(
    conn: &Connection,
    package: &Package,
    decisions: &Decisions,
) -> Result<Plan, StoreError> {
    let applied_before = applied_at(conn, &package.header)?;
    if applied_before.is_some() {
        return Ok(Plan {
            header: package.header.clone(),
            applied_before,
            changes: Vec::new(),
            conflicts: Vec::new(),
            already: package.header.changes(),
            missing: Vec::new(),
        });
    }
    // The codes of the file, read once for the merge and for what the package lacks.
    let codes = keyed::Codes::read(conn)?;
    let merged = merge(conn, &codes, &package.changeset, decisions)?;
    let missing = missing_codes(&codes, &merged.changes);
    Ok(Plan {
        header: package.header.clone(),
        applied_before: None,
        changes: merged.changes,
        conflicts: merged.conflicts,
        already: merged.already,
        missing,
    })
}

/// How packages name a file: a copy by whom it was made for, an original by its file's name
/// ("national" for `national.db`), which its users know it by.
fn own_name(own: &Identity, path: &Path) -> String {
    own.copied_for.clone().unwrap_or_else(|| {
        path.file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
    })
}

fn identity(conn: &Connection) -> Result<Identity, StoreError> {
    let mut identity = conn.query_row(
        "SELECT database_id, copy_id, created_at, copied_from, copied_at, copied_for \
         FROM database_identity WHERE id = 1",
        [],
        |r| {
            Ok(Identity {
                database_id: r.get(0)?,
                copy_id: r.get(1)?,
                created_at: r.get(2)?,
                copied_from: r.get(3)?,
                copied_at: r.get(4)?,
                copied_for: r.get(5)?,
                peers: Vec::new(),
                packages_applied: 0,
            })
        },
    )?;
    let mut stmt = conn.prepare(
        "SELECT copy_id, name, role, copied_at, sent_at FROM exchange_peer \
         ORDER BY role DESC, copied_at, name",
    )?;
    identity.peers = stmt
        .query_map([], |r| {
            Ok(Peer {
                copy_id: r.get(0)?,
                name: r.get(1)?,
                origin: r.get::<_, String>(2)? == "origin",
                copied_at: r.get(3)?,
                sent_at: r.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    identity.packages_applied =
        conn.query_row("SELECT count(*) FROM exchange_applied", [], |r| r.get(0))?;
    Ok(identity)
}

fn choose_peer<'a>(own: &'a Identity, to: Option<&str>) -> Result<&'a Peer, StoreError> {
    let names = || {
        own.peers
            .iter()
            .map(|p| format!("\"{}\"", p.name))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match to {
        Some(name) => own
            .peers
            .iter()
            .find(|p| p.name == name || p.copy_id == name)
            .ok_or_else(|| {
                ExchangeError::UnknownPeer {
                    name: name.to_owned(),
                    names: names(),
                }
                .into()
            }),
        None => match own.peers.as_slice() {
            [] => Err(ExchangeError::NoPeer.into()),
            [one] => Ok(one),
            peers => match peers.iter().find(|p| p.origin) {
                // A copy that made copies of its own sends to where it came from by default.
                Some(origin) => Ok(origin),
                None => Err(ExchangeError::WhichPeer { names: names() }.into()),
            },
        },
    }
}

fn check_belongs(own: &Identity, header: &PackageHeader) -> Result<(), StoreError> {
    if header.database_id != own.database_id {
        return Err(ExchangeError::OtherDatabase {
            from_name: header.from_name.clone(),
            to_name: header.to_name.clone(),
            package_db: header.database_id.clone(),
            here_db: own.database_id.clone(),
        }
        .into());
    }
    if header.from_copy == own.copy_id {
        return Err(ExchangeError::OwnPackage {
            to_name: header.to_name.clone(),
        }
        .into());
    }
    Ok(())
}

fn last_audit_id(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| {
        r.get(0)
    })
}

fn random_id(conn: &Connection) -> rusqlite::Result<String> {
    conn.query_row("SELECT lower(hex(randomblob(16)))", [], |r| r.get(0))
}

impl fmt::Display for ConflictKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ConflictKind::BothChanged => "changed on both sides",
            ConflictKind::BothAdded => "added on both sides",
            ConflictKind::DeletedHere => "changed there, deleted here",
            ConflictKind::DeletedThere => "deleted there, changed here",
        })
    }
}
