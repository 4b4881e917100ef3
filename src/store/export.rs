//! Writing figures out as Chiso's long CSV, with everything needed to import them into an
//! empty database: names, units, flags and full source descriptions.

use std::io::Write;

use rusqlite::params;

use super::{Store, StoreError};
use crate::chart::SeriesKey;
use crate::import::long_csv::Writer;

/// Which figures to write; the default writes them all.
#[derive(Clone, Debug, Default)]
pub struct ExportFilter {
    pub indicator: Option<String>,
    /// Only these series (the window's current selection).
    pub series: Option<Vec<SeriesKey>>,
}

impl Store {
    /// Writes the figures that `filter` selects to `out`; returns how many. Rows stream from
    /// the database to the writer, so the whole database can be written in constant memory.
    pub fn export_long_csv(
        &self,
        filter: &ExportFilter,
        out: impl Write,
    ) -> Result<u64, StoreError> {
        if let Some(code) = &filter.indicator {
            self.indicator(code)?;
        }
        let mut writer = Writer::new(out).map_err(io)?;
        let mut stmt = self.conn().prepare(
            "SELECT i.code, a.code, g.code, o.year, o.period_label, o.value, o.status, o.qualifier, o.footnote, s.code, \
                    i.name, u.name, u.symbol, i.decimals, i.direction, a.name, g.name, \
                    s.short_name, s.publisher, s.title, s.edition, s.published, s.url, s.citation, s.licence \
             FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN unit u ON u.id = i.unit_id \
             JOIN area a ON a.id = o.area_id JOIN subgroup g ON g.id = o.subgroup_id JOIN source s ON s.id = o.source_id \
             WHERE (?1 IS NULL OR i.code = ?1) \
             ORDER BY i.code, a.code, g.code, s.code, o.year, o.period_label",
        )?;
        let mut rows = stmt.query(params![filter.indicator])?;
        let mut written = 0;
        while let Some(r) = rows.next()? {
            let text = |i: usize| -> rusqlite::Result<String> { r.get(i) };
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
            let year: i32 = r.get(3)?;
            let label = text(4)?;
            let period = if label.is_empty() {
                year.to_string()
            } else {
                label
            };
            let value: f64 = r.get(5)?;
            let decimals: i64 = r.get(13)?;
            let cells = [
                indicator,
                area,
                subgroup,
                period,
                value.to_string(),
                text(6)?,
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
            let status = if cells[5] == "normal" {
                String::new()
            } else {
                cells[5].clone()
            };
            let mut refs: [&str; 24] = cells.each_ref().map(String::as_str);
            refs[5] = &status;
            writer.row(&refs, true).map_err(io)?;
            written += 1;
        }
        writer.finish().map_err(io)?;
        Ok(written)
    }
}

impl Store {
    /// Writes to the file at `path` through a temporary file renamed into place, so a failed
    /// export never leaves half a file. Returns how many figures were written.
    pub fn export_long_csv_to(
        &self,
        filter: &ExportFilter,
        path: &std::path::Path,
    ) -> Result<u64, StoreError> {
        let mut partial = path.as_os_str().to_owned();
        partial.push(".partial");
        let partial = std::path::PathBuf::from(partial);
        let at = |e: std::io::Error| StoreError::Invalid(format!("{}: {e}", path.display()));
        let file = std::fs::File::create(&partial).map_err(at)?;
        match self.export_long_csv(filter, std::io::BufWriter::new(file)) {
            Ok(n) => {
                std::fs::rename(&partial, path).map_err(at)?;
                Ok(n)
            }
            Err(e) => {
                let _ = std::fs::remove_file(&partial);
                Err(e)
            }
        }
    }
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Invalid(format!("cannot write: {e}"))
}
