//! Saved chart views: the deck that travels inside the file.

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, ViewRefusal};
use crate::model::selection::ChartSpec;

/// A chart saved under a name, at a place in the deck.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedView {
    pub id: i64,
    pub name: String,
    pub position: i64,
    pub spec: ChartSpec,
}

impl Store {
    /// The deck, in order. A view whose spec this Chiso cannot read is skipped, not fatal.
    pub fn views(&self) -> Result<Vec<SavedView>, StoreError> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id, name, position, spec FROM saved_view ORDER BY position, id")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?))
        })?;
        let mut views = Vec::new();
        for row in rows {
            let (id, name, position, spec) = row?;
            // A view another program wrote may not parse, or hold absurd text: skipped, or
            // cut to what the schema allows (see `query::text_of`).
            if let Ok(mut spec) = serde_json::from_str::<ChartSpec>(&spec) {
                spec.title = spec.title.map(|t| crate::text::clip(t, 500));
                spec.keep_within_bounds();
                views.push(SavedView {
                    id,
                    name: crate::text::clip(name, 200),
                    position,
                    spec,
                });
            }
        }
        Ok(views)
    }

    /// Saves `spec` under `name`, at the end of the deck, or over the view of that name.
    pub fn save_view(
        &mut self,
        editor: &str,
        name: &str,
        spec: &ChartSpec,
    ) -> Result<i64, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::View(ViewRefusal::NoName));
        }
        let json = serde_json::to_string(spec).map_err(|e| {
            StoreError::View(ViewRefusal::NotSaved {
                detail: e.to_string(),
            })
        })?;
        self.write(editor, |tx| {
            let existing: Option<i64> = tx.query_row("SELECT id FROM saved_view WHERE name = ?1", [name], |r| r.get(0)).optional()?;
            match existing {
                Some(id) => {
                    tx.execute("UPDATE saved_view SET spec = ?2, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1", params![id, json])?;
                    Ok(id)
                }
                None => {
                    tx.execute(
                        "INSERT INTO saved_view (name, position, spec) VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM saved_view), ?2)",
                        params![name, json],
                    )?;
                    Ok(tx.last_insert_rowid())
                }
            }
        })
    }

    pub fn rename_view(&mut self, editor: &str, id: i64, name: &str) -> Result<(), StoreError> {
        let name = name.trim().to_owned();
        if name.is_empty() {
            return Err(StoreError::View(ViewRefusal::NoName));
        }
        self.write(editor, |tx| {
            tx.execute(
                "UPDATE saved_view SET name = ?2 WHERE id = ?1",
                params![id, name],
            )
            .map_err(|e| match super::broken_constraint(&e) {
                Some(super::Broken::Unique) => {
                    StoreError::View(ViewRefusal::NameTaken { name: name.clone() })
                }
                _ => e.into(),
            })?;
            Ok(())
        })
    }

    pub fn delete_view(&mut self, editor: &str, id: i64) -> Result<(), StoreError> {
        self.write(editor, |tx| {
            tx.execute("DELETE FROM saved_view WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// Moves a view one place earlier (`-1`) or later (`+1`) in the deck.
    pub fn move_view(&mut self, editor: &str, id: i64, by: i64) -> Result<(), StoreError> {
        let mut order: Vec<i64> = self.views()?.into_iter().map(|v| v.id).collect();
        let Some(from) = order.iter().position(|v| *v == id) else {
            return Ok(());
        };
        let to = (from as i64 + by).clamp(0, order.len() as i64 - 1) as usize;
        if to == from {
            return Ok(());
        }
        let moved = order.remove(from);
        order.insert(to, moved);
        self.write(editor, |tx| {
            for (position, id) in order.iter().enumerate() {
                tx.execute(
                    "UPDATE saved_view SET position = ?2 WHERE id = ?1 AND position <> ?2",
                    params![id, position as i64 + 1],
                )?;
            }
            Ok(())
        })
    }
}
