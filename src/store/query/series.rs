//! The figures of one indicator, and the series (area, subgroup, source) it has.

use super::*;
use crate::model::Observation;
use crate::store::{Store, StoreError};

/// Which figures of one indicator to read; `None` means all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SeriesFilter {
    pub area: Option<String>,
    pub subgroup: Option<String>,
    pub source: Option<String>,
}

/// A series that exists for an indicator: one area, subgroup and source, with its size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeriesInfo {
    pub area: String,
    pub subgroup: String,
    pub source: String,
    pub figures: i64,
    pub first_year: i32,
    pub last_year: i32,
}

impl Store {
    /// The figures of one indicator, by area, subgroup, source and year.
    pub fn series(
        &self,
        indicator_code: &str,
        filter: &SeriesFilter,
    ) -> Result<Vec<Observation>, StoreError> {
        let indicator = self.indicator(indicator_code)?;
        // Ids, not codes, in the query, and only the conditions asked for: the index on
        // (indicator, area, subgroup, source, year) then reads just the rows wanted.
        let mut conditions = String::new();
        let mut ids = vec![indicator.id];
        if let Some(area) = &filter.area {
            ids.push(self.area(area)?.id);
            conditions.push_str(&format!(" AND o.area_id = ?{}", ids.len()));
        }
        if let Some(subgroup) = &filter.subgroup {
            ids.push(self.subgroup(subgroup)?.id);
            conditions.push_str(&format!(" AND o.subgroup_id = ?{}", ids.len()));
        }
        if let Some(source) = &filter.source {
            ids.push(self.source(source)?.id);
            conditions.push_str(&format!(" AND o.source_id = ?{}", ids.len()));
        }
        let sql = format!(
            "SELECT {OBSERVATION_COLUMNS} FROM {OBSERVATION_JOINS} \
             WHERE o.indicator_id = ?1{conditions} \
             ORDER BY a.code, g.code, s.code, o.year, o.period_label"
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(&ids), observation_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every series the indicator has figures in, by area, subgroup and source.
    pub fn series_list(&self, indicator_code: &str) -> Result<Vec<SeriesInfo>, StoreError> {
        let indicator = self.indicator(indicator_code)?;
        self.series_infos(
            &indicator,
            "SELECT a.code, g.code, s.code, count(*), min(o.year), max(o.year) \
             FROM observation o INDEXED BY sqlite_autoindex_observation_1 \
             CROSS JOIN area a ON a.id = o.area_id \
             CROSS JOIN subgroup g ON g.id = o.subgroup_id CROSS JOIN source s ON s.id = o.source_id \
             WHERE o.indicator_id = ?1 \
             GROUP BY o.area_id, o.subgroup_id, o.source_id ORDER BY a.code, g.code, s.code",
        )
    }

    /// The series a unit a reform made could have before it existed, estimated from its
    /// predecessors: one per unit, subgroup and source its predecessors have figures of, from
    /// before the year it began, with no figures of its own (`figures` 0). Whether the
    /// indicator's rule allows an estimate is the caller's to ask.
    pub fn series_on_new_boundaries(
        &self,
        indicator_code: &str,
    ) -> Result<Vec<SeriesInfo>, StoreError> {
        let indicator = self.indicator(indicator_code)?;
        self.series_infos(
            &indicator,
            "SELECT n.code, g.code, s.code, 0, min(o.year), max(o.year) \
             FROM observation o \
             JOIN area_successor x ON x.area_id = o.area_id \
             JOIN area n ON n.id = x.successor_id \
             JOIN subgroup g ON g.id = o.subgroup_id JOIN source s ON s.id = o.source_id \
             WHERE o.indicator_id = ?1 AND n.valid_from IS NOT NULL \
               AND o.year <= CAST(substr(n.valid_from, 1, 4) AS INTEGER) \
             GROUP BY n.id, o.subgroup_id, o.source_id ORDER BY n.code, g.code, s.code",
        )
    }

    /// The series `sql` selects for `indicator` (its ?1): area, subgroup and source codes,
    /// the count of figures and the first and last years.
    fn series_infos(
        &self,
        indicator: &crate::model::Indicator,
        sql: &str,
    ) -> Result<Vec<SeriesInfo>, StoreError> {
        let mut stmt = self.conn().prepare(sql)?;
        let rows = stmt.query_map([indicator.id], |r| {
            Ok(SeriesInfo {
                area: r.get(0)?,
                subgroup: r.get(1)?,
                source: r.get(2)?,
                figures: r.get(3)?,
                first_year: year_of(r, 4).map_err(|e| name_figure(e, || indicator.code.clone()))?,
                last_year: year_of(r, 5).map_err(|e| name_figure(e, || indicator.code.clone()))?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
