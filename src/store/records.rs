//! The lists behind the figures (units, indicators, areas, subgroups, sources, targets) as
//! plain records of text fields, for the forms that create and edit them.
//!
//! Table and column names come from [`fields`] only, never from a user or a file.

use rusqlite::{OptionalExtension, params_from_iter};

use super::{RecordRefusal, Store, StoreError};
use crate::model::{Language, Name};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    Text,
    Number,
    Integer,
    Choice(&'static [&'static str]),
    /// A code of another table.
    Ref(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Field {
    pub column: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub required: bool,
}

const fn f(column: &'static str, label: &'static str, kind: Kind, required: bool) -> Field {
    Field {
        column,
        label,
        kind,
        required,
    }
}

pub const TABLES: &[(&str, &str)] = &[
    ("indicator", "Indicators"),
    ("unit", "Units"),
    ("area", "Areas"),
    ("subgroup", "Subgroups"),
    ("source", "Sources"),
    ("target", "Targets"),
];

const DIRECTIONS: &[&str] = &["higher_is_better", "lower_is_better", "neutral"];
/// Empty (NULL): the rule the indicator's unit suggests (`model::Aggregation::default_for`).
const AGGREGATIONS: &[&str] = &["", "sum", "weighted_mean", "none"];
const LEVELS: &[&str] = &[
    "world",
    "aggregate",
    "country",
    "region",
    "province",
    "district",
    "commune",
];

use Kind::{Choice, Integer, Number, Ref, Text};

// Each name has its Vietnamese column beside it. The English one is required by the schema,
// but a form that gives only the Vietnamese name keeps it in both (see `save_record`).
const UNIT_FIELDS: &[Field] = &[
    f("code", "Code", Text, true),
    f("name_vi", "Name in Vietnamese", Text, false),
    f("name", "Name in English", Text, true),
    f("symbol", "Symbol", Text, false),
    f("symbol_vi", "Symbol in Vietnamese", Text, false),
];
const INDICATOR_FIELDS: &[Field] = &[
    f("code", "Code", Text, true),
    f("name_vi", "Name in Vietnamese", Text, false),
    f("name", "Name in English", Text, true),
    f("short_name_vi", "Short name in Vietnamese", Text, false),
    f("short_name", "Short name in English", Text, true),
    f("unit_id", "Unit", Ref("unit"), true),
    f("decimals", "Decimals", Integer, true),
    f("direction", "Direction", Choice(DIRECTIONS), true),
    f("valid_min", "Valid from", Number, false),
    f("valid_max", "Valid to", Number, false),
    f("plausible_min", "Plausible from", Number, false),
    f("plausible_max", "Plausible to", Number, false),
    f("theme_vi", "Theme in Vietnamese", Text, false),
    f("theme", "Theme in English", Text, false),
    f("sdg_target", "SDG target", Text, false),
    f("description_vi", "Description in Vietnamese", Text, false),
    f("description", "Description in English", Text, false),
    f("aggregation", "Aggregation", Choice(AGGREGATIONS), false),
    f(
        "weight_indicator_id",
        "Weighted by",
        Ref("indicator"),
        false,
    ),
];
const AREA_FIELDS: &[Field] = &[
    f("code", "Code", Text, true),
    f("name_vi", "Name in Vietnamese", Text, false),
    f("name", "Name in English", Text, true),
    f("parent_id", "Parent", Ref("area"), false),
    f("level", "Level", Choice(LEVELS), true),
    f("gso_code", "GSO code", Text, false),
    f("valid_from", "Area valid from", Text, false),
    f("valid_until", "Area valid until", Text, false),
];
const SUBGROUP_FIELDS: &[Field] = &[
    f("code", "Code", Text, true),
    f("name_vi", "Name in Vietnamese", Text, false),
    f("name", "Name in English", Text, true),
    f("dimension", "Dimension", Text, true),
];
const SOURCE_FIELDS: &[Field] = &[
    f("code", "Code", Text, true),
    f("short_name_vi", "Short name in Vietnamese", Text, false),
    f("short_name", "Short name in English", Text, true),
    f("publisher_vi", "Publisher in Vietnamese", Text, false),
    f("publisher", "Publisher in English", Text, false),
    f("title_vi", "Title in Vietnamese", Text, false),
    f("title", "Title in English", Text, false),
    f("edition_vi", "Edition in Vietnamese", Text, false),
    f("edition", "Edition in English", Text, false),
    f("published", "Published", Text, false),
    f("url", "URL", Text, false),
    f("citation", "Citation", Text, false),
    f("licence", "Licence", Text, false),
];
const TARGET_FIELDS: &[Field] = &[
    f("indicator_id", "Indicator", Ref("indicator"), true),
    f("area_id", "Area", Ref("area"), true),
    f("subgroup_id", "Subgroup", Ref("subgroup"), true),
    f("baseline_year", "Baseline year", Integer, false),
    f("baseline_value", "Baseline value", Number, false),
    f("target_year", "Target year", Integer, true),
    f("target_value", "Target value", Number, true),
    f("reference", "Reference", Text, false),
];

/// The fields a form shows for `table`, in order.
pub fn fields(table: &str) -> &'static [Field] {
    match table {
        "unit" => UNIT_FIELDS,
        "indicator" => INDICATOR_FIELDS,
        "area" => AREA_FIELDS,
        "subgroup" => SUBGROUP_FIELDS,
        "source" => SOURCE_FIELDS,
        "target" => TARGET_FIELDS,
        _ => &[],
    }
}

/// One row, its fields as text (references as codes).
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub id: i64,
    pub values: Vec<String>,
}

/// A record as the list names it: its code and its name in the window's language, or in the
/// other when it has none in that one (a target, which has no name: its first two fields).
pub fn label(table: &str, record: &Record, language: Language) -> String {
    let defs = fields(table);
    let value = |column: &str| {
        defs.iter()
            .position(|f| f.column == column)
            .and_then(|i| record.values.get(i))
            .filter(|v| !v.trim().is_empty())
    };
    let name = ["name", "short_name"].iter().find_map(|column| {
        let name = Name {
            en: value(column).cloned().unwrap_or_default(),
            vi: value(&format!("{column}_vi")).cloned().unwrap_or_default(),
        };
        (!name.is_empty()).then(|| name.get(language).to_owned())
    });
    // An area that existed only for a time says when: the Tuyên Quang of until 30 June 2025
    // and the one since 1 July are two areas of one name.
    let dates = match (value("valid_from"), value("valid_until")) {
        (None, None) => String::new(),
        (from, until) => format!(
            " ({}–{})",
            from.map_or("", String::as_str),
            until.map_or("", String::as_str)
        ),
    };
    match (value("code"), name) {
        (Some(code), Some(name)) => format!("{code} — {name}{dates}"),
        _ => record
            .values
            .iter()
            .take(2)
            .cloned()
            .collect::<Vec<_>>()
            .join(" — "),
    }
}

fn known(table: &str) -> Result<&'static [Field], StoreError> {
    let fields = fields(table);
    if fields.is_empty() {
        return Err(StoreError::Record(RecordRefusal::NoSuchList {
            table: table.to_owned(),
        }));
    }
    Ok(fields)
}

impl Store {
    pub fn records(&self, table: &str) -> Result<Vec<Record>, StoreError> {
        let fields = known(table)?;
        let columns: Vec<String> = fields
            .iter()
            .map(|f| match f.kind {
                Kind::Ref(other) => {
                    format!("(SELECT code FROM {other} r WHERE r.id = t.{})", f.column)
                }
                _ => format!("t.{}", f.column),
            })
            .collect();
        let sql = format!(
            "SELECT t.id, {} FROM {table} t ORDER BY t.id",
            columns.join(", ")
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            let mut values = Vec::with_capacity(fields.len());
            for i in 0..fields.len() {
                let v: rusqlite::types::Value = r.get(i + 1)?;
                values.push(match v {
                    rusqlite::types::Value::Null => String::new(),
                    rusqlite::types::Value::Integer(n) => n.to_string(),
                    rusqlite::types::Value::Real(x) => x.to_string(),
                    rusqlite::types::Value::Text(t) => t,
                    rusqlite::types::Value::Blob(_) => String::new(),
                });
            }
            Ok(Record {
                id: r.get(0)?,
                values,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Creates (`id` None) or updates a record from the form's text; returns its id.
    pub fn save_record(
        &mut self,
        editor: &str,
        table: &str,
        id: Option<i64>,
        values: &[String],
    ) -> Result<i64, StoreError> {
        let fields = known(table)?;
        let mut params: Vec<rusqlite::types::Value> = Vec::new();
        for (field, raw) in fields.iter().zip(values) {
            let mut raw = raw.trim();
            if raw.is_empty() {
                // A name given in Vietnamese only is the name in every language.
                let vietnamese = format!("{}_vi", field.column);
                if let Some(vi) = fields
                    .iter()
                    .zip(values)
                    .find(|(f, _)| f.column == vietnamese)
                    .map(|(_, v)| v.trim())
                    .filter(|v| !v.is_empty())
                {
                    raw = vi;
                }
            }
            if raw.is_empty() {
                if field.required {
                    return Err(StoreError::Record(RecordRefusal::Needed {
                        field: field.label,
                    }));
                }
                // Text columns are NOT NULL with '' for "none": emptying a field empties it.
                params.push(match field.kind {
                    Kind::Text => rusqlite::types::Value::Text(String::new()),
                    _ => rusqlite::types::Value::Null,
                });
                continue;
            }
            params.push(match field.kind {
                Kind::Text => rusqlite::types::Value::Text(raw.to_owned()),
                // The window gives numbers in machine form (`workspace` reads what was typed
                // in the user's language).
                Kind::Number => crate::locale::parse_plain(raw)
                    .map(rusqlite::types::Value::Real)
                    .map_err(|reason| {
                        StoreError::Record(RecordRefusal::Number {
                            field: field.label,
                            reason,
                        })
                    })?,
                Kind::Integer => raw
                    .parse::<i64>()
                    .map(rusqlite::types::Value::Integer)
                    .map_err(|_| {
                        StoreError::Record(RecordRefusal::NotWhole {
                            field: field.label,
                            raw: raw.to_owned(),
                        })
                    })?,
                Kind::Choice(words) => {
                    if !words.contains(&raw) {
                        return Err(StoreError::Record(RecordRefusal::NotAChoice {
                            field: field.label,
                            choices: words,
                        }));
                    }
                    rusqlite::types::Value::Text(raw.to_owned())
                }
                Kind::Ref(other) => {
                    let found: Option<i64> = self
                        .conn()
                        .query_row(
                            &format!("SELECT id FROM {other} WHERE code = ?1"),
                            [raw],
                            |r| r.get(0),
                        )
                        .optional()?;
                    rusqlite::types::Value::Integer(found.ok_or_else(|| {
                        StoreError::Record(RecordRefusal::NoSuchCode {
                            field: field.label,
                            table: other,
                            raw: raw.to_owned(),
                        })
                    })?)
                }
            });
        }
        let columns: Vec<&str> = fields.iter().map(|f| f.column).collect();
        let values = params;
        let table = table.to_owned();
        self.write(editor, move |tx| {
            let result = match id {
                None => {
                    let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
                    tx.execute(
                        &format!(
                            "INSERT INTO {table} ({}) VALUES ({})",
                            columns.join(", "),
                            marks.join(", ")
                        ),
                        params_from_iter(values.iter()),
                    )
                    .map(|_| tx.last_insert_rowid())
                }
                Some(id) => {
                    let sets: Vec<String> = columns
                        .iter()
                        .enumerate()
                        .map(|(i, c)| format!("{c} = ?{}", i + 1))
                        .collect();
                    tx.execute(
                        &format!("UPDATE {table} SET {} WHERE id = {id}", sets.join(", ")),
                        params_from_iter(values.iter()),
                    )
                    .map(|_| id)
                }
            };
            result.map_err(|e| match super::broken_constraint(&e) {
                Some(super::Broken::Unique) => StoreError::Record(RecordRefusal::CodeTaken),
                Some(_) => StoreError::Record(RecordRefusal::NotAllowed {
                    detail: e.to_string(),
                }),
                None => e.into(),
            })
        })
    }

    /// How many figures (and, for a unit, indicators) would go with this record.
    pub fn dependents(&self, table: &str, id: i64) -> Result<i64, StoreError> {
        known(table)?;
        let sql = match table {
            "unit" => "SELECT count(*) FROM indicator WHERE unit_id = ?1",
            "indicator" => "SELECT count(*) FROM observation WHERE indicator_id = ?1",
            "area" => "SELECT count(*) FROM observation WHERE area_id = ?1",
            "subgroup" => "SELECT count(*) FROM observation WHERE subgroup_id = ?1",
            "source" => "SELECT count(*) FROM observation WHERE source_id = ?1",
            _ => return Ok(0),
        };
        Ok(self.conn().query_row(sql, [id], |r| r.get(0))?)
    }

    /// Deletes a record; with `with_figures`, the figures that use it first (the user was told
    /// how many and agreed). Without it, a record that has figures is refused.
    pub fn delete_record(
        &mut self,
        editor: &str,
        table: &str,
        id: i64,
        with_figures: bool,
    ) -> Result<(), StoreError> {
        known(table)?;
        let n = self.dependents(table, id)?;
        if n > 0 && !with_figures {
            return Err(StoreError::Record(RecordRefusal::InUse { count: n }));
        }
        let table = table.to_owned();
        self.write(editor, move |tx| {
            if with_figures && table != "unit" && table != "target" {
                tx.execute(
                    &format!("DELETE FROM observation WHERE {table}_id = ?1"),
                    [id],
                )?;
                if table != "source" {
                    tx.execute(&format!("DELETE FROM target WHERE {table}_id = ?1"), [id])?;
                }
            }
            tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])
                .map_err(|e| match super::broken_constraint(&e) {
                    Some(_) => StoreError::Record(RecordRefusal::StillUsed {
                        detail: e.to_string(),
                    }),
                    None => e.into(),
                })?;
            Ok(())
        })
    }
}
