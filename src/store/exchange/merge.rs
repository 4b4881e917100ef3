//! Applying a changeset: on the keyed form of the rows it touches, with a conflict handler
//! that passes over what is already here and records, and decides, every real conflict.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use rusqlite::hooks::Action;
use rusqlite::session::{ChangesetItem, ChangesetIter, ConflictAction, ConflictType, Session};
use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, Transaction};

use super::keyed::{
    Codes, EXCHANGED, Exchanged, KeyedRow, current_row_reader, exchanged, exchanged_of, key_id,
    value_text,
};
use super::{
    Change, ChangeAction, Choice, Conflict, ConflictCell, ConflictKind, Decisions, ExchangeError,
    Missing, RowKind,
};
use crate::store::StoreError;

/// What the merge of a changeset into this file's rows gives.
pub(super) struct Merged {
    pub(super) changes: Vec<Change>,
    pub(super) conflicts: Vec<Conflict>,
    pub(super) already: u64,
}

/// What the conflict handler learns, shared with it (SQLite calls it from inside the apply).
#[derive(Default)]
struct Handled {
    conflicts: Vec<Conflict>,
    already: u64,
    /// Rows the package changes that were deleted here, and re-made as the package has them.
    remake: Vec<(&'static Exchanged, KeyedRow, Vec<Option<Value>>)>,
}

pub(super) fn merge(
    conn: &Connection,
    codes: &Codes,
    changeset: &[u8],
    decisions: &Decisions,
) -> Result<Merged, StoreError> {
    // The keyed form of this file's rows that the package touches.
    let keyed = Connection::open_in_memory()?;
    for table in &EXCHANGED {
        keyed.execute_batch(&table.create_sql("main"))?;
    }
    let mut keys: Vec<(&'static Exchanged, KeyedRow)> = Vec::new();
    for_each_change(changeset, |table, _, item| {
        keys.push((table, key_of(table, item, false)?));
        Ok(())
    })?;
    {
        // One transaction for all the rows, as in `package::changes_since`.
        let filling = keyed.unchecked_transaction()?;
        let mut readers = HashMap::new();
        for table in &EXCHANGED {
            readers.insert(table.name, current_row_reader(conn, table, codes)?);
        }
        for (table, key) in &keys {
            let read = readers
                .get_mut(table.name)
                .expect("every table has a reader");
            if let Some(row) = read(key)? {
                keyed
                    .prepare_cached(&table.insert_sql("INSERT OR IGNORE"))?
                    .execute(rusqlite::params_from_iter(key.iter().chain(&row)))?;
            }
        }
        drop(readers);
        filling.commit()?;
    }

    let handled = Arc::new(Mutex::new(Handled::default()));
    let mut session = Session::new(&keyed)?;
    session.attach(None::<&str>)?;
    {
        let handled = Arc::clone(&handled);
        let decisions = decisions.clone();
        keyed.apply_strm(
            &mut &changeset[..],
            None::<fn(&str) -> bool>,
            move |kind, item| {
                let mut handled = handled.lock().unwrap_or_else(|p| p.into_inner());
                on_conflict(&mut handled, &decisions, kind, &item)
            },
        )?;
    }
    let mut handled = std::mem::take(&mut *handled.lock().unwrap_or_else(|p| p.into_inner()));
    for (table, key, values) in std::mem::take(&mut handled.remake) {
        let row: Vec<Value> = values
            .into_iter()
            .map(|v| v.unwrap_or(Value::Null))
            .collect();
        keyed
            .prepare_cached(&table.insert_sql("INSERT"))?
            .execute(rusqlite::params_from_iter(key.iter().chain(&row)))?;
    }
    let mut effective = Vec::new();
    session.changeset_strm(&mut effective)?;
    drop(session);
    let mut changes = Vec::new();
    for_each_change(&effective, |table, action, item| {
        let key = key_of(table, item, false)?;
        let (action, values) = match action {
            Action::SQLITE_INSERT => (ChangeAction::Add, data_values(table, item, false)?),
            Action::SQLITE_UPDATE => (ChangeAction::Change, data_values(table, item, true)?),
            _ => (ChangeAction::Delete, Vec::new()),
        };
        let before = if action == ChangeAction::Change {
            values
                .iter()
                .filter_map(|(column, _)| {
                    let i = table.keys.len() + table.data.iter().position(|c| c == column)?;
                    Some((*column, owned(item.old_value(i).ok()?)))
                })
                .collect()
        } else {
            Vec::new()
        };
        changes.push(Change {
            row: RowKind::of(table.name).expect("exchanged"),
            action,
            key,
            values,
            before,
        });
        Ok(())
    })?;
    // Sources before figures, as the package orders them; within a kind, in key order.
    changes.sort_by_key(|c| {
        EXCHANGED
            .iter()
            .position(|t| RowKind::of(t.name) == Some(c.row))
    });
    Ok(Merged {
        changes,
        conflicts: handled.conflicts,
        already: handled.already,
    })
}

/// The conflict handler: a change already made here is passed over; a change met by another
/// here is recorded, and decided as `decisions` say (undecided: this file's value stays).
fn on_conflict(
    handled: &mut Handled,
    decisions: &Decisions,
    kind: ConflictType,
    item: &ChangesetItem,
) -> ConflictAction {
    let decide = |handled: &mut Handled| -> Result<ConflictAction, rusqlite::Error> {
        let op = item.op()?;
        let table = exchanged(op.table_name()).ok_or(rusqlite::Error::InvalidQuery)?;
        let action = op.code();
        let n = table.columns();
        let here = |col: usize| item.conflict(col).ok().map(owned);
        let old = |col: usize| item.old_value(col).ok().map(owned);
        let new = |col: usize| item.new_value(col).ok().map(owned);
        let key = key_of(table, item, action == Action::SQLITE_INSERT)?;
        let id = format!("{}:{}", table.name, key_id(&key));
        let conflict_kind = match (kind, action) {
            // The same change made on both sides (or this package applied before).
            (ConflictType::SQLITE_CHANGESET_DATA, Action::SQLITE_UPDATE)
                if (table.keys.len()..n).all(|c| new(c).is_none_or(|v| Some(v) == here(c))) =>
            {
                handled.already += 1;
                return Ok(ConflictAction::SQLITE_CHANGESET_OMIT);
            }
            (ConflictType::SQLITE_CHANGESET_CONFLICT, Action::SQLITE_INSERT)
                if (table.keys.len()..n).all(|c| new(c) == here(c)) =>
            {
                handled.already += 1;
                return Ok(ConflictAction::SQLITE_CHANGESET_OMIT);
            }
            (ConflictType::SQLITE_CHANGESET_NOTFOUND, Action::SQLITE_DELETE) => {
                handled.already += 1;
                return Ok(ConflictAction::SQLITE_CHANGESET_OMIT);
            }
            (ConflictType::SQLITE_CHANGESET_DATA, Action::SQLITE_DELETE) => {
                ConflictKind::DeletedThere
            }
            (ConflictType::SQLITE_CHANGESET_DATA, _) => ConflictKind::BothChanged,
            (ConflictType::SQLITE_CHANGESET_NOTFOUND, _) => ConflictKind::DeletedHere,
            (ConflictType::SQLITE_CHANGESET_CONFLICT, _) => ConflictKind::BothAdded,
            // Constraints of the keyed form (it has none but the key) or anything else:
            // stop, and the whole apply fails.
            _ => return Ok(ConflictAction::SQLITE_CHANGESET_ABORT),
        };
        let has_here = conflict_kind != ConflictKind::DeletedHere;
        let cells = (table.keys.len()..n)
            .filter_map(|c| {
                let package = if action == Action::SQLITE_DELETE {
                    None
                } else {
                    new(c)
                };
                let base = if action == Action::SQLITE_INSERT {
                    None
                } else {
                    old(c)
                };
                let here = if has_here { here(c) } else { None };
                // An update names only the columns it changed; a delete and an insert, all.
                if action == Action::SQLITE_UPDATE && package.is_none() {
                    return None;
                }
                if action != Action::SQLITE_UPDATE && package == here && base == here {
                    return None;
                }
                Some(ConflictCell {
                    column: table.data[c - table.keys.len()],
                    base,
                    package,
                    here,
                })
            })
            .collect();
        let choice = decisions.of(&id);
        handled.conflicts.push(Conflict {
            id,
            row: RowKind::of(table.name).expect("exchanged"),
            key: key.clone(),
            kind: conflict_kind,
            cells,
        });
        Ok(match (choice, conflict_kind) {
            (Some(Choice::Package), ConflictKind::DeletedHere) => {
                // SQLite cannot replace a row that is not there: it is made again after the
                // apply, from the package's values (and the values it started from).
                let values = (table.keys.len()..n)
                    .map(|c| new(c).or_else(|| old(c)))
                    .collect();
                handled.remake.push((table, key, values));
                ConflictAction::SQLITE_CHANGESET_OMIT
            }
            (Some(Choice::Package), _) => ConflictAction::SQLITE_CHANGESET_REPLACE,
            _ => ConflictAction::SQLITE_CHANGESET_OMIT,
        })
    };
    decide(handled).unwrap_or(ConflictAction::SQLITE_CHANGESET_ABORT)
}

fn owned(v: ValueRef<'_>) -> Value {
    v.into()
}

/// The natural key of a change: the new row's for an insert, else the old row's.
fn key_of(table: &Exchanged, item: &ChangesetItem, insert: bool) -> rusqlite::Result<KeyedRow> {
    let insert = insert || item.op()?.code() == Action::SQLITE_INSERT;
    (0..table.keys.len())
        .map(|c| {
            let v = if insert {
                item.new_value(c)?
            } else {
                item.old_value(c)?
            };
            Ok(owned(v))
        })
        .collect()
}

/// The data columns a change writes: each defined new value (an update defines only those it
/// changed).
fn data_values(
    table: &'static Exchanged,
    item: &ChangesetItem,
    only_defined: bool,
) -> rusqlite::Result<Vec<(&'static str, Value)>> {
    let mut values = Vec::new();
    for (i, column) in table.data.iter().enumerate() {
        match item.new_value(table.keys.len() + i) {
            Ok(v) => values.push((*column, owned(v))),
            Err(_) if only_defined => {}
            Err(e) => return Err(e),
        }
    }
    Ok(values)
}

/// Calls `f` with each change of a changeset, its table's description and its action.
pub(super) fn for_each_change(
    changeset: &[u8],
    mut f: impl FnMut(&'static Exchanged, Action, &ChangesetItem) -> rusqlite::Result<()>,
) -> Result<(), StoreError> {
    let mut input: &[u8] = changeset;
    let reader: &mut dyn std::io::Read = &mut input;
    let mut iter = ChangesetIter::start_strm(&reader)?;
    while let Some(item) = iter.next()? {
        let op = item.op()?;
        let table = exchanged(op.table_name()).ok_or_else(|| {
            ExchangeError::Unreadable(format!(
                "a change to an unknown table `{}`",
                op.table_name()
            ))
        })?;
        let action = op.code();
        f(table, action, item)?;
    }
    Ok(())
}

/// The indicators, areas, subgroups and sources the changes name that this file lacks (a
/// source the package adds is not lacking).
pub(super) fn missing_codes(codes: &Codes, changes: &[Change]) -> Vec<Missing> {
    let added_sources: HashSet<String> = changes
        .iter()
        .filter(|c| c.row == RowKind::Source && c.action == ChangeAction::Add)
        .map(|c| value_text(&c.key[0]))
        .collect();
    let mut missing: Vec<Missing> = Vec::new();
    for change in changes.iter().filter(|c| c.action != ChangeAction::Delete) {
        let table = exchanged_of(change.row);
        for (i, (_, reference)) in table.keys.iter().enumerate() {
            let Some(reference) = reference else { continue };
            let code = value_text(&change.key[i]);
            let known = codes.id(reference, &code).is_some()
                || (*reference == "source" && added_sources.contains(&code));
            if !known {
                match missing
                    .iter_mut()
                    .find(|m| m.table == *reference && m.code == code)
                {
                    Some(m) => m.rows += 1,
                    None => missing.push(Missing {
                        table: reference,
                        code,
                        rows: 1,
                    }),
                }
            }
        }
    }
    missing
}

/// Writes one change of a plan to the file's own table, by natural key.
pub(super) fn write_change(
    tx: &Transaction,
    change: &Change,
    editor: &str,
) -> Result<(), StoreError> {
    let table = exchanged_of(change.row);
    let figure = table.table == "observation";
    match change.action {
        ChangeAction::Add => {
            let mut columns: Vec<&str> = table.keys.iter().map(|(c, _)| *c).collect();
            let mut places: Vec<String> = table
                .keys
                .iter()
                .enumerate()
                .map(|(i, (_, reference))| match reference {
                    Some(t) => format!("(SELECT id FROM {t} WHERE code = ?{})", i + 1),
                    None => format!("?{}", i + 1),
                })
                .collect();
            let mut values: Vec<Value> = change.key.clone();
            // A row made again from an update names only what changed: the file's defaults
            // stand for the rest.
            for (column, value) in change.values.iter().filter(|(_, v)| *v != Value::Null) {
                columns.push(column);
                values.push(value.clone());
                places.push(format!("?{}", values.len()));
            }
            if figure {
                columns.push("updated_by");
                values.push(Value::Text(editor.to_owned()));
                places.push(format!("?{}", values.len()));
            }
            tx.prepare_cached(&format!(
                "INSERT INTO {} ({}) VALUES ({})",
                table.table,
                columns.join(", "),
                places.join(", ")
            ))?
            .execute(rusqlite::params_from_iter(values))?;
        }
        ChangeAction::Change => {
            let mut values: Vec<Value> = change.key.clone();
            let mut sets: Vec<String> = Vec::new();
            for (column, value) in &change.values {
                values.push(value.clone());
                sets.push(format!("{column} = ?{}", values.len()));
            }
            if figure {
                values.push(Value::Text(editor.to_owned()));
                sets.push(format!(
                    "updated_by = ?{}, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                    values.len()
                ));
            }
            if sets.is_empty() {
                return Ok(());
            }
            tx.prepare_cached(&format!(
                "UPDATE {} SET {} WHERE {}",
                table.table,
                sets.join(", "),
                table.key_where()
            ))?
            .execute(rusqlite::params_from_iter(values))?;
        }
        ChangeAction::Delete => {
            tx.prepare_cached(&format!(
                "DELETE FROM {} WHERE {}",
                table.table,
                table.key_where()
            ))?
            .execute(rusqlite::params_from_iter(change.key.iter()))?;
        }
    }
    Ok(())
}
