//! The package file (a header, its checksum and the changeset), and the changeset of a file's
//! changes since a mark: SQLite's diff of two keyed forms.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use rusqlite::session::Session;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::keyed::{Codes, EXCHANGED, Exchanged, KeyedRow, current_row_reader, key_id};
use super::merge::for_each_change;
use super::{ExchangeError, Package, PackageHeader, RowKind};
use crate::store::StoreError;

/// The first line of every package file.
const MAGIC: &[u8] = b"CHISO-CHANGES 1\n";

pub(super) fn checksum(header: &PackageHeader, changeset: &[u8]) -> String {
    let mut blank = header.clone();
    blank.checksum.clear();
    let mut hash = Sha256::new();
    hash.update(serde_json::to_vec(&blank).unwrap_or_default());
    hash.update(changeset);
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

pub(super) fn write_package(
    out: &Path,
    header: &PackageHeader,
    changeset: &[u8],
) -> Result<(), StoreError> {
    let failed = |e: std::io::Error| StoreError::Write {
        path: Some(out.to_path_buf()),
        detail: e.to_string(),
    };
    let partial = crate::store::side_file(out, ".partial");
    let mut bytes = MAGIC.to_vec();
    serde_json::to_writer(&mut bytes, header).map_err(|e| failed(e.into()))?;
    bytes.push(b'\n');
    bytes.extend_from_slice(changeset);
    let written = std::fs::File::create(&partial)
        .and_then(|mut f| f.write_all(&bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&partial, out));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(failed(e));
    }
    Ok(())
}

impl Package {
    /// Reads a package file and checks its checksum.
    pub fn read(path: &Path) -> Result<Package, StoreError> {
        let not = |why: &str| -> StoreError {
            ExchangeError::NotAPackage {
                path: path.to_path_buf(),
                why: why.to_owned(),
            }
            .into()
        };
        let bytes = std::fs::read(path).map_err(|e| not(&e.to_string()))?;
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or_else(|| not("it does not start as one; Chiso writes them with File › Send my changes… or `chiso changes`"))?;
        let end = rest
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| not("its header is cut short"))?;
        let header: PackageHeader = serde_json::from_slice(&rest[..end])
            .map_err(|e| not(&format!("its header does not read: {e}")))?;
        let changeset = rest[end + 1..].to_vec();
        if checksum(&header, &changeset) != header.checksum {
            return Err(ExchangeError::Checksum {
                path: path.to_path_buf(),
            }
            .into());
        }
        Ok(Package { header, changeset })
    }
}

/// How many rows of each kind a package holds.
type Counts = Vec<(RowKind, u64)>;

/// The changes to exchanged tables after audit entry `mark`, as one changeset, with the
/// count of rows of each kind.
pub(super) fn changes_since(conn: &Connection, mark: i64) -> Result<(Vec<u8>, Counts), StoreError> {
    let codes = Codes::read(conn)?;
    let keyed = Connection::open_in_memory()?;
    keyed.execute_batch("ATTACH ':memory:' AS base")?;
    for table in &EXCHANGED {
        keyed.execute_batch(&table.create_sql("main"))?;
        keyed.execute_batch(&table.create_sql("base"))?;
    }
    let mut counts = Vec::new();
    // One transaction for the keyed forms' rows: each insert on its own would be a
    // transaction of its own, even in memory.
    let filling = keyed.unchecked_transaction()?;
    for table in &EXCHANGED {
        let base = rows_at_mark(conn, table, mark, &codes)?;
        let insert = |schema: &str| {
            format!(
                "INSERT INTO {schema}.{} VALUES ({})",
                table.name,
                vec!["?"; table.columns()].join(", ")
            )
        };
        let mut into_base = keyed.prepare(&insert("base"))?;
        let mut into_now = keyed.prepare(&insert("main"))?;
        let mut now = current_row_reader(conn, table, &codes)?;
        for (key, row) in &base {
            if let Some(row) = row {
                into_base.execute(rusqlite::params_from_iter(key.iter().chain(row)))?;
            }
            if let Some(row) = now(key)? {
                into_now.execute(rusqlite::params_from_iter(key.iter().chain(&row)))?;
            }
        }
        counts.push((RowKind::of(table.name).expect("exchanged"), 0));
    }
    filling.commit()?;
    let mut session = Session::new(&keyed)?;
    for table in &EXCHANGED {
        session.attach(Some(table.name))?;
        session.diff::<&str, &str>("base", table.name)?;
    }
    let mut changeset = Vec::new();
    session.changeset_strm(&mut changeset)?;
    drop(session);
    for_each_change(&changeset, |table, _, _| {
        let kind = RowKind::of(table.name);
        if let Some(count) = counts.iter_mut().find(|(k, _)| Some(*k) == kind) {
            count.1 += 1;
        }
        Ok(())
    })?;
    counts.retain(|(_, n)| *n > 0);
    Ok((changeset, counts))
}

/// The rows of `table` touched after audit entry `mark`, each with its natural key and its
/// values at the mark (`None`: the row did not exist then), in the order first touched.
fn rows_at_mark(
    conn: &Connection,
    table: &Exchanged,
    mark: i64,
    codes: &Codes,
) -> Result<Vec<(KeyedRow, Option<KeyedRow>)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, row_id, action, old_values, new_values FROM audit_log \
         WHERE table_name = ?1 AND id > ?2 ORDER BY id",
    )?;
    // A row as it is now, by row id, as the audit log would record it: a bulk import records
    // its added figures without their values (`store::import::audit_bulk_inserts`).
    let columns: Vec<&str> = table
        .keys
        .iter()
        .map(|(c, _)| *c)
        .chain(table.data.iter().copied())
        .collect();
    let mut by_id = conn.prepare(&format!(
        "SELECT json_object({}) FROM {} WHERE id = ?1",
        columns
            .iter()
            .map(|c| format!("'{c}', {c}"))
            .collect::<Vec<_>>()
            .join(", "),
        table.table
    ))?;
    let mut rows = stmt.query(params![table.table, mark])?;
    let mut seen: HashSet<String> = HashSet::new();
    // Rows added after the mark: whatever key they had, it did not exist at the mark.
    let mut born: HashSet<i64> = HashSet::new();
    let mut base = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let row_id: i64 = r.get(1)?;
        let action: String = r.get(2)?;
        let old: Option<String> = r.get(3)?;
        let new: Option<String> = r.get(4)?;
        let parse = |json: &str| -> Result<(KeyedRow, KeyedRow), StoreError> {
            keyed_of_json(table, json, codes).map_err(|why| {
                ExchangeError::Unreadable(format!("audit entry {id} of {}: {why}", table.table))
                    .into()
            })
        };
        if let Some(old) = old.as_deref().filter(|_| action != "insert") {
            let (key, row) = parse(old)?;
            if seen.insert(key_id(&key)) {
                base.push((key, (!born.contains(&row_id)).then_some(row)));
            }
        }
        if action == "insert" {
            born.insert(row_id);
        }
        if action == "delete" {
            continue;
        }
        let new = match new {
            Some(json) => Some(json),
            None => by_id
                .query_row([row_id], |r| r.get::<_, String>(0))
                .optional()?,
        };
        // A row added and since deleted has no key here: its delete's entry names it.
        let Some(new) = new else { continue };
        let (key, _) = parse(&new)?;
        if seen.insert(key_id(&key)) {
            base.push((key, None));
        }
    }
    Ok(base)
}

/// A row as the audit log records it (JSON of the file's columns) in keyed form.
fn keyed_of_json(
    table: &Exchanged,
    json: &str,
    codes: &Codes,
) -> Result<(KeyedRow, KeyedRow), String> {
    let object: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(json).map_err(|e| e.to_string())?;
    let value = |column: &str| -> Result<Value, String> {
        Ok(match object.get(column) {
            None | Some(serde_json::Value::Null) => Value::Null,
            Some(serde_json::Value::String(s)) => Value::Text(s.clone()),
            Some(serde_json::Value::Number(n)) => match n.as_i64() {
                Some(i) if !n.is_f64() => Value::Integer(i),
                _ => Value::Real(n.as_f64().ok_or("a number out of range")?),
            },
            Some(other) => return Err(format!("`{column}` holds {other}")),
        })
    };
    let mut key = Vec::with_capacity(table.keys.len());
    for (column, reference) in table.keys {
        let v = value(column)?;
        key.push(match (reference, v) {
            (Some(referenced), Value::Integer(id)) => Value::Text(
                codes
                    .code(referenced, id)
                    .ok_or_else(|| format!("no {referenced} has row id {id} any more"))?
                    .to_owned(),
            ),
            (_, v) => v,
        });
    }
    let data = table
        .data
        .iter()
        .map(|c| value(c))
        .collect::<Result<_, _>>()?;
    Ok((key, data))
}
