//! The recorded changes of the file, newest first, with the values before and after.

use rusqlite::params;

use crate::store::{Store, StoreError};

/// One recorded change.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub editor: String,
    pub table: String,
    pub row_id: i64,
    pub action: String,
    /// JSON object of the row before the change (none for an insert).
    pub old_values: Option<String>,
    /// JSON object of the row after the change (none for a delete).
    pub new_values: Option<String>,
}

impl AuditEntry {
    /// The figure's value before and after the change, for a change of a figure.
    pub fn values(&self) -> (Option<f64>, Option<f64>) {
        let value = |json: &Option<String>| {
            json.as_deref()
                .and_then(|j| serde_json::from_str::<serde_json::Value>(j).ok())
                .and_then(|v| v.get("value").and_then(serde_json::Value::as_f64))
        };
        (value(&self.old_values), value(&self.new_values))
    }

    /// The row ids of a changed figure's indicator, area, subgroup and source, from what the
    /// entry recorded (a figure added by a bulk import is recorded without them).
    pub fn figure_ids(&self) -> Option<[i64; 4]> {
        [&self.new_values, &self.old_values]
            .into_iter()
            .flatten()
            .filter_map(|j| serde_json::from_str::<serde_json::Value>(j).ok())
            .find_map(|v| {
                let id = |k: &str| v.get(k).and_then(serde_json::Value::as_i64);
                Some([
                    id("indicator_id")?,
                    id("area_id")?,
                    id("subgroup_id")?,
                    id("source_id")?,
                ])
            })
    }

    /// The year of the figure changed.
    pub fn year(&self) -> Option<i64> {
        [&self.new_values, &self.old_values]
            .into_iter()
            .flatten()
            .filter_map(|j| serde_json::from_str::<serde_json::Value>(j).ok())
            .find_map(|v| v.get("year").and_then(serde_json::Value::as_i64))
    }
}

impl Store {
    /// The latest audit entries, newest first.
    pub fn audit_log(&self, limit: usize) -> Result<Vec<AuditEntry>, StoreError> {
        self.audit_entries(None, None, limit)
    }

    /// The latest changes of figures of `indicator` (all tables when `None`), by `editor`
    /// (anyone when `None`), newest first.
    pub fn audit_entries(
        &self,
        indicator: Option<&str>,
        editor: Option<&str>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        // An import records its figures' insertion without their values (store::import):
        // they are the old values of the row's next change, or else the row as it is now.
        let current = crate::store::schema::audited_tables()
            .find(|(t, _)| *t == "observation")
            .map(|(_, json)| json)
            .unwrap_or_default();
        let mut stmt = self.conn().prepare(&format!(
            "SELECT a.id, a.at, a.editor, a.table_name, a.row_id, a.action, a.old_values, \
                    coalesce(a.new_values, CASE WHEN a.action = 'insert' THEN coalesce( \
                        (SELECT b.old_values FROM audit_log b WHERE b.table_name = a.table_name \
                         AND b.row_id = a.row_id AND b.id > a.id ORDER BY b.id LIMIT 1), \
                        (SELECT {current} FROM observation WHERE observation.id = a.row_id \
                         AND a.table_name = 'observation')) END) \
             FROM audit_log a \
             WHERE (?2 IS NULL OR a.editor = ?2) \
               AND (?3 IS NULL OR (a.table_name = 'observation' AND coalesce( \
                    json_extract(coalesce(a.new_values, a.old_values), '$.indicator_id'), \
                    (SELECT indicator_id FROM observation WHERE observation.id = a.row_id)) \
                    = (SELECT id FROM indicator WHERE code = ?3))) \
             ORDER BY a.id DESC LIMIT ?1"
        ))?;
        let rows = stmt.query_map(params![limit as i64, editor, indicator], |r| {
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                editor: r.get(2)?,
                table: r.get(3)?,
                row_id: r.get(4)?,
                action: r.get(5)?,
                old_values: r.get(6)?,
                new_values: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
