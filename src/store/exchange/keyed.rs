//! The keyed forms of the exchanged tables: each table with its natural key as primary key,
//! the codes a key names, and rows of the file read by natural key.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::RowKind;
use crate::store::StoreError;

/// One table that packages carry, and its keyed form.
pub(super) struct Exchanged {
    /// The keyed form's name, as a package names it.
    pub(super) name: &'static str,
    /// The file's table.
    pub(super) table: &'static str,
    /// The natural key: the file's column and, for a row id of another table, that table
    /// (its `code` travels instead of the id).
    pub(super) keys: &'static [(&'static str, Option<&'static str>)],
    /// The columns a change may touch.
    pub(super) data: &'static [&'static str],
}

impl Exchanged {
    /// The keyed form's name of a key column: the referenced table's, for a row id.
    pub(super) fn key_name(&self, i: usize) -> &'static str {
        let (column, reference) = self.keys[i];
        reference.unwrap_or(column)
    }

    pub(super) fn columns(&self) -> usize {
        self.keys.len() + self.data.len()
    }

    pub(super) fn create_sql(&self, schema: &str) -> String {
        let keys: Vec<&str> = (0..self.keys.len()).map(|i| self.key_name(i)).collect();
        // No column types: a value keeps the storage class the file gave it, so that the
        // comparisons the session extension makes are the file's own.
        let columns: Vec<&str> = keys.iter().chain(self.data).copied().collect();
        format!(
            "CREATE TABLE {schema}.{} ({}, PRIMARY KEY ({}))",
            self.name,
            columns.join(", "),
            keys.join(", ")
        )
    }

    /// `verb INTO` the keyed form (in the connection's main schema) a whole row, key first.
    pub(super) fn insert_sql(&self, verb: &str) -> String {
        format!(
            "{verb} INTO {} VALUES ({})",
            self.name,
            vec!["?"; self.columns()].join(", ")
        )
    }

    /// `WHERE` over the natural key in the file's table (`?1`…), codes looked up.
    pub(super) fn key_where(&self) -> String {
        self.keys
            .iter()
            .enumerate()
            .map(|(i, (column, reference))| match reference {
                Some(table) => {
                    format!(
                        "{column} = (SELECT id FROM {table} WHERE code = ?{})",
                        i + 1
                    )
                }
                None => format!("{column} = ?{}", i + 1),
            })
            .collect::<Vec<_>>()
            .join(" AND ")
    }
}

/// Sources first: a figure of a source a copy defined needs that source at the centre.
pub(super) const EXCHANGED: [Exchanged; 4] = [
    Exchanged {
        name: "source",
        table: "source",
        keys: &[("code", None)],
        data: &[
            "short_name",
            "short_name_vi",
            "publisher",
            "publisher_vi",
            "title",
            "title_vi",
            "edition",
            "edition_vi",
            "published",
            "url",
            "citation",
            "licence",
            "file_sha256",
        ],
    },
    Exchanged {
        name: "figure",
        table: "observation",
        keys: &[
            ("indicator_id", Some("indicator")),
            ("area_id", Some("area")),
            ("subgroup_id", Some("subgroup")),
            ("source_id", Some("source")),
            ("year", None),
            ("period_label", None),
        ],
        data: &["value", "status", "qualifier", "footnote"],
    },
    Exchanged {
        name: "target",
        table: "target",
        keys: &[
            ("indicator_id", Some("indicator")),
            ("area_id", Some("area")),
            ("subgroup_id", Some("subgroup")),
            ("target_year", None),
        ],
        data: &[
            "baseline_year",
            "baseline_value",
            "target_value",
            "reference",
        ],
    },
    Exchanged {
        name: "view",
        table: "saved_view",
        keys: &[("name", None)],
        data: &["position", "spec"],
    },
];

pub(super) fn exchanged(name: &str) -> Option<&'static Exchanged> {
    EXCHANGED.iter().find(|t| t.name == name)
}

pub(super) fn exchanged_of(row: RowKind) -> &'static Exchanged {
    EXCHANGED
        .iter()
        .find(|t| RowKind::of(t.name) == Some(row))
        .expect("every kind is exchanged")
}

/// A row of a keyed form: the natural key and the data columns.
pub(super) type KeyedRow = Vec<Value>;

/// A reader of rows of `table` as they are now in the file, by natural key.
pub(super) fn current_row_reader<'c>(
    conn: &'c Connection,
    table: &'static Exchanged,
    codes: &'c Codes,
) -> Result<impl FnMut(&[Value]) -> Result<Option<KeyedRow>, StoreError> + 'c, StoreError> {
    // Codes are turned into row ids here rather than by subqueries: the lookup is then one
    // probe of the table's unique index.
    let columns: Vec<String> = table
        .keys
        .iter()
        .enumerate()
        .map(|(i, (column, _))| format!("{column} = ?{}", i + 1))
        .collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT {} FROM {} WHERE {}",
        table.data.join(", "),
        table.table,
        columns.join(" AND ")
    ))?;
    Ok(
        move |key: &[Value]| -> Result<Option<KeyedRow>, StoreError> {
            let mut by_id = Vec::with_capacity(key.len());
            for (value, (_, reference)) in key.iter().zip(table.keys) {
                match (reference, value) {
                    (Some(referenced), Value::Text(code)) => match codes.id(referenced, code) {
                        Some(id) => by_id.push(Value::Integer(id)),
                        // A code this file does not have: no such row here.
                        None => return Ok(None),
                    },
                    (_, value) => by_id.push(value.clone()),
                }
            }
            Ok(stmt
                .query_row(rusqlite::params_from_iter(by_id), |r| {
                    (0..table.data.len())
                        .map(|i| r.get::<_, Value>(i))
                        .collect()
                })
                .optional()?)
        },
    )
}

/// A natural key as one string, to tell rows apart.
pub(super) fn key_id(key: &[Value]) -> String {
    let parts: Vec<String> = key.iter().map(value_text).collect();
    parts.join("\u{1f}")
}

/// A value as the command line and the window write it in a package's lists.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Integer(i) => i.to_string(),
        Value::Real(x) => x.to_string(),
        Value::Text(s) => s.clone(),
        Value::Blob(b) => format!("({} bytes)", b.len()),
    }
}

/// The row ids and codes of the tables a natural key names.
pub(super) struct Codes {
    pub(super) by_table: HashMap<&'static str, HashMap<i64, String>>,
    /// The other way, for the rows the file has now.
    pub(super) ids: HashMap<&'static str, HashMap<String, i64>>,
}

impl Codes {
    pub(super) fn read(conn: &Connection) -> rusqlite::Result<Codes> {
        let mut by_table = HashMap::new();
        let mut ids = HashMap::new();
        for table in ["indicator", "area", "subgroup", "source"] {
            let mut stmt = conn.prepare(&format!("SELECT id, code FROM {table}"))?;
            let map = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<HashMap<i64, String>>>()?;
            ids.insert(
                table,
                map.iter().map(|(id, code)| (code.clone(), *id)).collect(),
            );
            by_table.insert(table, map);
        }
        // A row deleted since the mark is still named by the audit log's record of it.
        let mut stmt = conn.prepare(
            "SELECT table_name, row_id, json_extract(old_values, '$.code') FROM audit_log \
             WHERE action = 'delete' AND table_name IN ('indicator', 'area', 'subgroup', 'source')",
        )?;
        let deleted = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        for row in deleted {
            let (table, id, code) = row?;
            if let (Some(map), Some(code)) = (by_table.get_mut(table.as_str()), code) {
                map.entry(id).or_insert(code);
            }
        }
        Ok(Codes { by_table, ids })
    }

    pub(super) fn id(&self, table: &str, code: &str) -> Option<i64> {
        self.ids.get(table)?.get(code).copied()
    }

    pub(super) fn code(&self, table: &str, id: i64) -> Option<&str> {
        self.by_table.get(table)?.get(&id).map(String::as_str)
    }
}
