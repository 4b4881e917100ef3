//! Writing figures. Every function here runs inside a transaction from [`Store::write`], so
//! a batch of figures lands whole or not at all, with the editor named in the audit log.
//!
//! [`Store::write`]: super::Store::write

use chrono::{SecondsFormat, Utc};
use rusqlite::{OptionalExtension, Transaction, params};

use super::StoreError;
use crate::import::long_csv::FigureRecord;

/// The time stamp written in `updated_at`: UTC, to the second, ISO 8601.
pub fn now_stamp() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The operating-system user, the editor's name until one is given.
pub fn default_editor() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| !u.trim().is_empty()))
        .unwrap_or_else(|| "unknown editor".to_owned())
}

/// Looks up the row id of `code` in one of the coded tables.
fn id_of(tx: &Transaction, table: CodedTable, code: &str) -> Result<i64, StoreError> {
    let sql = match table {
        CodedTable::Indicator => "SELECT id FROM indicator WHERE code = ?1",
        CodedTable::Area => "SELECT id FROM area WHERE code = ?1",
        CodedTable::Subgroup => "SELECT id FROM subgroup WHERE code = ?1",
        CodedTable::Source => "SELECT id FROM source WHERE code = ?1",
    };
    let id = tx.query_row(sql, [code], |r| r.get(0)).optional()?;
    id.ok_or_else(|| match table {
        CodedTable::Indicator => StoreError::UnknownIndicator(code.to_owned()),
        CodedTable::Area => StoreError::UnknownArea(code.to_owned()),
        CodedTable::Subgroup => StoreError::UnknownSubgroup(code.to_owned()),
        CodedTable::Source => StoreError::UnknownSource(code.to_owned()),
    })
}

#[derive(Clone, Copy)]
enum CodedTable {
    Indicator,
    Area,
    Subgroup,
    Source,
}

/// Inserts a new figure. A figure already stored for the same indicator, area, subgroup,
/// period and source is an error, never silently replaced.
pub fn insert_figure(
    tx: &Transaction,
    figure: &FigureRecord,
    editor: &str,
) -> Result<i64, StoreError> {
    let indicator = id_of(tx, CodedTable::Indicator, &figure.indicator)?;
    let area = id_of(tx, CodedTable::Area, &figure.area)?;
    let subgroup = id_of(tx, CodedTable::Subgroup, &figure.subgroup)?;
    let source = id_of(tx, CodedTable::Source, &figure.source)?;
    let inserted = tx.execute(
        "INSERT INTO observation (indicator_id, area_id, subgroup_id, source_id, year, \
             period_label, value, status, qualifier, footnote, updated_at, updated_by) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            indicator,
            area,
            subgroup,
            source,
            figure.period.year,
            figure.period.label,
            figure.value,
            figure.status.as_str(),
            figure.qualifier.as_str(),
            figure.footnote,
            now_stamp(),
            editor,
        ],
    );
    match inserted {
        Ok(_) => Ok(tx.last_insert_rowid()),
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) => {
            Err(StoreError::Invalid(format!(
                "{} {} {} {} from {}: {}",
                figure.indicator,
                figure.area,
                figure.subgroup,
                figure.period,
                figure.source,
                if e.to_string().contains("UNIQUE") {
                    "a figure is already stored for this cell and source".to_owned()
                } else {
                    e.to_string()
                }
            )))
        }
        Err(e) => Err(e.into()),
    }
}
