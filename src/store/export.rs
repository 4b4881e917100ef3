//! Figures read out for Chiso's long CSV, with everything needed to import them into an
//! empty database: names, units, flags and full source descriptions. The store yields the
//! rows; `export::long_csv` writes them (see `workspace::data`).

use rusqlite::params;

use super::{Store, StoreError};
use crate::model::selection::SeriesKey;

/// Which figures to write; the default writes them all.
#[derive(Clone, Debug, Default)]
pub struct ExportFilter {
    pub indicator: Option<String>,
    /// Only these series (the window's current selection).
    pub series: Option<Vec<SeriesKey>>,
}

impl Store {
    /// Hands each figure that `filter` selects to `row`, as the cells of a long-CSV row in
    /// `LONG_CSV_COLUMNS` order; returns how many. Rows stream from the database, so the whole
    /// database can be written in constant memory. `row`'s error stops the reading.
    pub fn figure_rows<E: From<StoreError>>(
        &self,
        filter: &ExportFilter,
        mut row: impl FnMut(&[&str; 24]) -> Result<(), E>,
    ) -> Result<u64, E> {
        if let Some(code) = &filter.indicator {
            self.indicator(code)?;
        }
        let mut stmt = self.conn().prepare(
            "SELECT i.code, a.code, g.code, o.year, o.period_label, o.value, o.status, o.qualifier, o.footnote, s.code, \
                    i.name, u.name, u.symbol, i.decimals, i.direction, a.name, g.name, \
                    s.short_name, s.publisher, s.title, s.edition, s.published, s.url, s.citation, s.licence \
             FROM observation o INDEXED BY sqlite_autoindex_observation_1 \
             CROSS JOIN indicator i ON i.id = o.indicator_id CROSS JOIN unit u ON u.id = i.unit_id \
             CROSS JOIN area a ON a.id = o.area_id CROSS JOIN subgroup g ON g.id = o.subgroup_id \
             CROSS JOIN source s ON s.id = o.source_id \
             WHERE o.indicator_id IN (SELECT id FROM indicator WHERE ?1 IS NULL OR code = ?1) \
             ORDER BY i.code, a.code, g.code, s.code, o.year, o.period_label",
        ).map_err(StoreError::from)?;
        let mut rows = stmt
            .query(params![filter.indicator])
            .map_err(StoreError::from)?;
        let mut written = 0;
        while let Some(r) = rows.next().map_err(StoreError::from)? {
            let text = |i: usize| -> Result<String, StoreError> { Ok(r.get(i)?) };
            let (indicator, area, subgroup, source) = (text(0)?, text(1)?, text(2)?, text(9)?);
            if let Some(series) = &filter.series
                && !series.iter().any(|k| {
                    k.indicator == indicator
                        && k.area == area
                        && k.subgroup == subgroup
                        && k.source == source
                })
            {
                continue;
            }
            let year: i32 = r.get(3).map_err(StoreError::from)?;
            let label = text(4)?;
            let period = if label.is_empty() {
                year.to_string()
            } else {
                label
            };
            let value: f64 = r.get(5).map_err(StoreError::from)?;
            let decimals: i64 = r.get(13).map_err(StoreError::from)?;
            let status = text(6)?;
            let cells = [
                indicator,
                area,
                subgroup,
                period,
                value.to_string(),
                // A figure as published is written with an empty status.
                if status == "normal" {
                    String::new()
                } else {
                    status
                },
                text(7)?,
                text(8)?,
                source,
                text(10)?,
                text(11)?,
                text(12)?,
                decimals.to_string(),
                text(14)?,
                text(15)?,
                text(16)?,
                text(17)?,
                text(18)?,
                text(19)?,
                text(20)?,
                text(21)?,
                text(22)?,
                text(23)?,
                text(24)?,
            ];
            row(&cells.each_ref().map(String::as_str))?;
            written += 1;
        }
        Ok(written)
    }
}
