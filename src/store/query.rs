//! Reading the store: the catalogue, series of figures, sources, targets and a summary.

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreError};
use crate::model::{
    Area, Direction, Indicator, Observation, Period, Qualifier, Source, Status, Subgroup, Target,
    Unit,
};

/// An indicator with its headline figure: the latest one for the country as a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogueEntry {
    pub indicator: Indicator,
    /// The latest figure of the headline series, if the indicator has any figures.
    pub latest: Option<Observation>,
    /// The figure before `latest` in the same series (same area, subgroup and source).
    pub previous: Option<Observation>,
    /// The headline series' figures (year, value), oldest first: the sparkline.
    pub headline: Vec<(i32, f64)>,
    /// The figures of the headline area and subgroup from every source: what the indicator's
    /// chart shows first.
    pub chart_figures: i64,
}

/// Which figures of one indicator to read; `None` means all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SeriesFilter {
    pub area: Option<String>,
    pub subgroup: Option<String>,
    pub source: Option<String>,
}

/// What `chiso info` prints.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub schema_version: i64,
    /// (table, rows), in schema order.
    pub counts: Vec<(&'static str, i64)>,
    pub sources: Vec<Source>,
    /// "ok", or the problems `PRAGMA integrity_check` found.
    pub integrity: Vec<String>,
}

/// The longest names the schema allows, and a bound for the texts it leaves open (footnotes,
/// citations, descriptions) that no real one comes near.
const NAME_MAX: usize = 500;
const SHORT_MAX: usize = 200;
const LONG_MAX: usize = 4000;

/// A text column, cut at `max` characters. A file changed without Chiso's checks can hold
/// megabytes in a name, which no screen or chart can show and whose layout would stall the
/// window and the chart export for minutes; the file itself is not touched.
fn text_of(row: &Row, index: usize, max: usize) -> rusqlite::Result<String> {
    Ok(crate::text::clip(row.get(index)?, max))
}

/// A figure's value. The schema keeps values numbers within ±1e300, but a file changed without
/// its checks can hold text, NULL or infinity, which no axis can show: an error that says what
/// is there.
fn value_of(row: &Row, index: usize) -> rusqlite::Result<f64> {
    use rusqlite::types::ValueRef;
    let found = match row.get_ref(index)? {
        ValueRef::Real(v) if v.is_finite() => return Ok(v),
        ValueRef::Integer(i) => return Ok(i as f64),
        ValueRef::Real(v) => format!("{v}"),
        ValueRef::Text(t) => format!(
            "the text \"{}\"",
            crate::text::clip(String::from_utf8_lossy(t).into_owned(), 40)
        ),
        ValueRef::Blob(_) => "binary data".to_owned(),
        ValueRef::Null => "empty (NULL)".to_owned(),
    };
    Err(rusqlite::Error::FromSqlConversionFailure(
        index,
        rusqlite::types::Type::Real,
        format!("its value is {found}, not a number").into(),
    ))
}

/// `error` of reading a figure's value, with the figure named: which to correct.
fn name_figure(error: rusqlite::Error, figure: impl FnOnce() -> String) -> rusqlite::Error {
    match error {
        rusqlite::Error::FromSqlConversionFailure(i, t, why) => {
            rusqlite::Error::FromSqlConversionFailure(i, t, format!("{}: {why}", figure()).into())
        }
        error => error,
    }
}

fn area_from_row(r: &Row) -> rusqlite::Result<Area> {
    Ok(Area {
        id: r.get(0)?,
        code: r.get(1)?,
        name: text_of(r, 2, SHORT_MAX)?,
        parent_code: r.get(3)?,
        level: r.get(4)?,
    })
}

fn subgroup_from_row(r: &Row) -> rusqlite::Result<Subgroup> {
    Ok(Subgroup {
        id: r.get(0)?,
        code: r.get(1)?,
        name: text_of(r, 2, SHORT_MAX)?,
        dimension: text_of(r, 3, 64)?,
    })
}

const INDICATOR_COLUMNS: &str = "i.id, i.code, i.name, i.short_name, u.code, u.name, u.symbol, \
    i.decimals, i.direction, i.valid_min, i.valid_max, i.plausible_min, i.plausible_max, \
    i.description, i.theme, i.sdg_target";

fn indicator_from_row(row: &Row) -> rusqlite::Result<Indicator> {
    let direction: String = row.get(8)?;
    let decimals: i64 = row.get(7)?;
    Ok(Indicator {
        id: row.get(0)?,
        code: row.get(1)?,
        name: text_of(row, 2, NAME_MAX)?,
        short_name: text_of(row, 3, SHORT_MAX)?,
        unit: Unit {
            code: row.get(4)?,
            name: text_of(row, 5, SHORT_MAX)?,
            symbol: text_of(row, 6, 32)?,
        },
        decimals: decimals.clamp(0, 6) as u8,
        direction: Direction::from_word(&direction).unwrap_or(Direction::Neutral),
        valid_range: (row.get(9)?, row.get(10)?),
        plausible_range: (row.get(11)?, row.get(12)?),
        description: text_of(row, 13, LONG_MAX)?,
        theme: text_of(row, 14, SHORT_MAX)?,
        sdg_target: text_of(row, 15, 64)?,
    })
}

const OBSERVATION_COLUMNS: &str = "o.id, i.code, a.code, g.code, s.code, o.year, o.period_label, \
    o.value, o.status, o.qualifier, o.footnote, o.updated_at, o.updated_by";

const OBSERVATION_JOINS: &str = "observation o \
    JOIN indicator i ON i.id = o.indicator_id \
    JOIN area a ON a.id = o.area_id \
    JOIN subgroup g ON g.id = o.subgroup_id \
    JOIN source s ON s.id = o.source_id";

fn observation_from_row(row: &Row) -> rusqlite::Result<Observation> {
    let status: String = row.get(8)?;
    let qualifier: String = row.get(9)?;
    Ok(Observation {
        id: row.get(0)?,
        indicator_code: row.get(1)?,
        area_code: row.get(2)?,
        subgroup_code: row.get(3)?,
        source_code: row.get(4)?,
        period: Period {
            year: row.get(5)?,
            label: text_of(row, 6, 40)?,
        },
        value: value_of(row, 7).map_err(|e| {
            name_figure(e, || {
                let text = |i| row.get::<_, String>(i).unwrap_or_default();
                format!(
                    "the figure of {} for {}, {}, {} from {} (row {} of table observation)",
                    text(1),
                    text(2),
                    text(3),
                    row.get::<_, i64>(5).unwrap_or_default(),
                    text(4),
                    row.get::<_, i64>(0).unwrap_or_default()
                )
            })
        })?,
        // The schema's CHECKs keep these to known words; a file edited past them reads as plain.
        status: Status::from_word(&status).unwrap_or_default(),
        qualifier: Qualifier::from_word(&qualifier).unwrap_or_default(),
        footnote: text_of(row, 10, LONG_MAX)?,
        updated_at: row.get(11)?,
        updated_by: text_of(row, 12, SHORT_MAX)?,
    })
}

const SOURCE_COLUMNS: &str =
    "id, code, short_name, publisher, title, edition, published, url, citation, licence";

fn source_from_row(row: &Row) -> rusqlite::Result<Source> {
    Ok(Source {
        id: row.get(0)?,
        code: row.get(1)?,
        short_name: text_of(row, 2, SHORT_MAX)?,
        publisher: text_of(row, 3, LONG_MAX)?,
        title: text_of(row, 4, LONG_MAX)?,
        edition: text_of(row, 5, SHORT_MAX)?,
        published: text_of(row, 6, 64)?,
        url: text_of(row, 7, LONG_MAX)?,
        citation: text_of(row, 8, LONG_MAX)?,
        licence: text_of(row, 9, LONG_MAX)?,
    })
}

/// Area ids grouped by how national they are: the country first, then the world,
/// aggregates, regions, and the rest (provinces, districts, communes).
fn area_ids_by_rank(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<Vec<i64>>> {
    let mut stmt = conn.prepare(
        "SELECT id, CASE level WHEN 'country' THEN 0 WHEN 'world' THEN 1 \
                WHEN 'aggregate' THEN 2 WHEN 'region' THEN 3 ELSE 4 END AS rank \
         FROM area ORDER BY rank, id",
    )?;
    let mut ranks: Vec<Vec<i64>> = vec![Vec::new(); 5];
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, usize>(1)?)))? {
        let (id, rank) = row?;
        ranks[rank].push(id);
    }
    Ok(ranks)
}

/// A read transaction, ended when dropped (see [`Store::snapshot`]).
pub struct Snapshot<'a>(#[allow(dead_code)] Option<rusqlite::Transaction<'a>>);

impl Store {
    /// Starts one read transaction, unless one is open already: every query until the
    /// snapshot is dropped sees the file as it was at the start, and SQLite takes its file
    /// lock once instead of at each query (for the catalogue's thousands of small queries,
    /// the locking was most of their time). Nothing is written; dropping it rolls back.
    pub fn snapshot(&self) -> Result<Snapshot<'_>, StoreError> {
        if !self.conn().is_autocommit() {
            return Ok(Snapshot(None));
        }
        Ok(Snapshot(Some(self.conn().unchecked_transaction()?)))
    }

    /// Every indicator, by theme then name.
    pub fn indicators(&self) -> Result<Vec<Indicator>, StoreError> {
        let sql = format!(
            "SELECT {INDICATOR_COLUMNS} FROM indicator i JOIN unit u ON u.id = i.unit_id \
             ORDER BY i.theme, i.name, i.code"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map([], indicator_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The indicator with `code`.
    pub fn indicator(&self, code: &str) -> Result<Indicator, StoreError> {
        let sql = format!(
            "SELECT {INDICATOR_COLUMNS} FROM indicator i JOIN unit u ON u.id = i.unit_id \
             WHERE i.code = ?1"
        );
        self.conn()
            .query_row(&sql, [code], indicator_from_row)
            .optional()?
            .ok_or_else(|| StoreError::UnknownIndicator(code.to_owned()))
    }

    /// The catalogue: every indicator with its latest headline figure.
    ///
    /// The headline series of an indicator is the one of its national (or highest-level) area
    /// and total subgroup that has the latest figure; between sources with figures for the
    /// same latest year, the most recently published wins. The entry names that source: other
    /// sources are not merged into it.
    ///
    /// The work per indicator does not grow with its figures: areas and subgroups are tried
    /// highest level first through the (indicator, area, subgroup, …) index, so only the
    /// headline area's and subgroup's few rows are read, never the provinces'.
    pub fn catalogue(&self) -> Result<Vec<CatalogueEntry>, StoreError> {
        let _snapshot = self.snapshot()?;
        let indicators = self.indicators()?;
        let conn = self.conn();
        let ranks = area_ids_by_rank(conn)?;
        let subgroups: Vec<(i64, bool)> = conn
            .prepare("SELECT id, dimension = 'total' FROM subgroup ORDER BY id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut has_area = conn.prepare(
            "SELECT EXISTS (SELECT 1 FROM observation WHERE indicator_id = ?1 AND area_id = ?2)",
        )?;
        let mut has_subgroup = conn.prepare(
            "SELECT EXISTS (SELECT 1 FROM observation \
             WHERE indicator_id = ?1 AND area_id = ?2 AND subgroup_id = ?3)",
        )?;
        let sources: Vec<(i64, String)> = conn
            .prepare("SELECT id, published FROM source ORDER BY id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        // With the source named, the latest year is one step down the index; sorting a
        // cell's figures of every source by year would read them all.
        let mut last_year = conn.prepare(
            "SELECT max(year) FROM observation \
             WHERE indicator_id = ?1 AND area_id = ?2 AND subgroup_id = ?3 AND source_id = ?4",
        )?;
        let mut latest_stmt = conn.prepare(&format!(
            "SELECT {OBSERVATION_COLUMNS} FROM {OBSERVATION_JOINS} \
             WHERE o.indicator_id = ?1 AND o.area_id = ?2 AND o.subgroup_id = ?3 \
               AND o.source_id = ?4 AND o.year = ?5 \
             ORDER BY o.period_label DESC LIMIT 1"
        ))?;
        let mut headline_stmt = conn.prepare(
            "SELECT year, value FROM observation \
             WHERE indicator_id = ?1 AND area_id = ?2 AND subgroup_id = ?3 AND source_id = ?4 \
             ORDER BY year, period_label",
        )?;
        let mut cell_count = conn.prepare(
            "SELECT count(*) FROM observation \
             WHERE indicator_id = ?1 AND area_id = ?2 AND subgroup_id = ?3",
        )?;
        let mut previous_stmt = conn.prepare(&format!(
            "SELECT {OBSERVATION_COLUMNS} FROM {OBSERVATION_JOINS} \
             WHERE o.indicator_id = ?1 AND o.area_id = ?2 AND o.subgroup_id = ?3 \
               AND o.source_id = ?4 AND o.year < ?5 \
             ORDER BY o.year DESC LIMIT 1"
        ))?;
        let mut entries = Vec::with_capacity(indicators.len());
        for indicator in indicators {
            let id = indicator.id;
            // The areas of the highest level that has figures of this indicator.
            let mut areas = Vec::new();
            for rank in &ranks {
                for &area in rank {
                    if has_area.query_row(params![id, area], |r| r.get(0))? {
                        areas.push(area);
                    }
                }
                if !areas.is_empty() {
                    break;
                }
            }
            // Their subgroups with figures, totals only when there are totals.
            let mut cells = Vec::new();
            for &area in &areas {
                for &(subgroup, total) in &subgroups {
                    if has_subgroup.query_row(params![id, area, subgroup], |r| r.get(0))? {
                        cells.push((area, subgroup, total));
                    }
                }
            }
            if cells.iter().any(|c| c.2) {
                cells.retain(|c| c.2);
            }
            // The latest figure among those cells: latest year, then latest published source.
            let mut best: Option<(i32, &str, i64, (i64, i64))> = None;
            for (area, subgroup, _) in cells {
                for (source, published) in &sources {
                    let year: Option<i32> =
                        last_year.query_row(params![id, area, subgroup, source], |r| r.get(0))?;
                    let Some(year) = year else { continue };
                    let better = best.is_none_or(|(b_year, b_published, b_source, _)| {
                        (year, published.as_str(), -source) > (b_year, b_published, -b_source)
                    });
                    if better {
                        best = Some((year, published, *source, (area, subgroup)));
                    }
                }
            }
            let best = match best {
                Some((year, _, source, (area, subgroup))) => latest_stmt
                    .query_row(params![id, area, subgroup, source, year], |r| {
                        observation_from_row(r)
                    })
                    .optional()?
                    .map(|latest| (latest, (area, subgroup, source))),
                None => None,
            };
            let (latest, previous, headline, chart_figures) = match best {
                Some((latest, (area, subgroup, source))) => {
                    let previous = previous_stmt
                        .query_row(
                            params![id, area, subgroup, source, latest.period.year],
                            observation_from_row,
                        )
                        .optional()?;
                    let headline = headline_stmt
                        .query_map(params![id, area, subgroup, source], |r| {
                            let year: i32 = r.get(0)?;
                            let value = value_of(r, 1).map_err(|e| {
                                name_figure(e, || {
                                    format!("a figure of {} for {year}", indicator.code)
                                })
                            })?;
                            Ok((year, value))
                        })?
                        .collect::<rusqlite::Result<_>>()?;
                    let chart_figures =
                        cell_count.query_row(params![id, area, subgroup], |r| r.get(0))?;
                    (Some(latest), previous, headline, chart_figures)
                }
                None => (None, None, Vec::new(), 0),
            };
            entries.push(CatalogueEntry {
                indicator,
                latest,
                previous,
                headline,
                chart_figures,
            });
        }
        Ok(entries)
    }

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

    /// The area with `code`.
    pub fn area(&self, code: &str) -> Result<Area, StoreError> {
        self.conn()
            .query_row(
                "SELECT a.id, a.code, a.name, p.code, a.level FROM area a \
                 LEFT JOIN area p ON p.id = a.parent_id WHERE a.code = ?1",
                [code],
                area_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownArea(code.to_owned()))
    }

    /// The subgroup with `code`.
    pub fn subgroup(&self, code: &str) -> Result<Subgroup, StoreError> {
        self.conn()
            .query_row(
                "SELECT id, code, name, dimension FROM subgroup WHERE code = ?1",
                [code],
                subgroup_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownSubgroup(code.to_owned()))
    }

    /// The source with `code`.
    pub fn source(&self, code: &str) -> Result<Source, StoreError> {
        self.conn()
            .query_row(
                &format!("SELECT {SOURCE_COLUMNS} FROM source WHERE code = ?1"),
                [code],
                source_from_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::UnknownSource(code.to_owned()))
    }

    /// Every source, newest publication first.
    pub fn sources(&self) -> Result<Vec<Source>, StoreError> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {SOURCE_COLUMNS} FROM source ORDER BY published DESC, code"
        ))?;
        let rows = stmt.query_map([], source_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The targets set for an indicator, earliest target year first.
    pub fn targets(&self, indicator_code: &str) -> Result<Vec<Target>, StoreError> {
        self.targets_of(Some(indicator_code))
    }

    /// The targets of one indicator, or of all (`None`), in one query.
    fn targets_of(&self, indicator_code: Option<&str>) -> Result<Vec<Target>, StoreError> {
        let mut stmt = self.conn().prepare(
            "SELECT i.code, a.code, g.code, t.baseline_year, t.baseline_value, t.target_year, \
                    t.target_value, t.reference \
             FROM target t JOIN indicator i ON i.id = t.indicator_id \
             JOIN area a ON a.id = t.area_id JOIN subgroup g ON g.id = t.subgroup_id \
             WHERE ?1 IS NULL OR i.code = ?1 ORDER BY i.code, t.target_year, a.code, g.code",
        )?;
        let rows = stmt.query_map([indicator_code], |r| {
            let baseline_year: Option<i32> = r.get(3)?;
            let baseline_value: Option<f64> = r.get(4)?;
            Ok(Target {
                indicator_code: r.get(0)?,
                area_code: r.get(1)?,
                subgroup_code: r.get(2)?,
                baseline: baseline_year.zip(baseline_value),
                target_year: r.get(5)?,
                target_value: r.get(6)?,
                reference: text_of(r, 7, LONG_MAX)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Schema version, row counts, sources and the result of SQLite's integrity check.
    pub fn summary(&self) -> Result<Summary, StoreError> {
        let schema_version = self
            .conn()
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        let mut counts = Vec::new();
        for table in [
            "indicator",
            "unit",
            "area",
            "subgroup",
            "source",
            "observation",
            "target",
            "saved_view",
            "audit_log",
        ] {
            // Table names come from the list above, never from the file.
            let n = self
                .conn()
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .optional()
                .unwrap_or(None)
                .unwrap_or(0);
            counts.push((table, n));
        }
        let mut stmt = self.conn().prepare("PRAGMA integrity_check")?;
        let integrity = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(Summary {
            schema_version,
            counts,
            sources: self.sources()?,
            integrity,
        })
    }

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
        let current = super::schema::audited_tables()
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

    /// The year of the figure changed.
    pub fn year(&self) -> Option<i64> {
        [&self.new_values, &self.old_values]
            .into_iter()
            .flatten()
            .filter_map(|j| serde_json::from_str::<serde_json::Value>(j).ok())
            .find_map(|v| v.get("year").and_then(serde_json::Value::as_i64))
    }
}

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
    /// Every series the indicator has figures in, by area, subgroup and source.
    pub fn series_list(&self, indicator_code: &str) -> Result<Vec<SeriesInfo>, StoreError> {
        let indicator = self.indicator(indicator_code)?;
        let mut stmt = self.conn().prepare(
            "SELECT a.code, g.code, s.code, count(*), min(o.year), max(o.year) \
             FROM observation o JOIN area a ON a.id = o.area_id \
             JOIN subgroup g ON g.id = o.subgroup_id JOIN source s ON s.id = o.source_id \
             WHERE o.indicator_id = ?1 \
             GROUP BY o.area_id, o.subgroup_id, o.source_id ORDER BY a.code, g.code, s.code",
        )?;
        let rows = stmt.query_map([indicator.id], |r| {
            Ok(SeriesInfo {
                area: r.get(0)?,
                subgroup: r.get(1)?,
                source: r.get(2)?,
                figures: r.get(3)?,
                first_year: r.get(4)?,
                last_year: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every area, by level then name.
    pub fn areas(&self) -> Result<Vec<Area>, StoreError> {
        let mut stmt = self.conn().prepare(
            "SELECT a.id, a.code, a.name, p.code, a.level FROM area a \
             LEFT JOIN area p ON p.id = a.parent_id ORDER BY a.level, a.name",
        )?;
        let rows = stmt.query_map([], area_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every subgroup, by dimension then name.
    pub fn subgroups(&self) -> Result<Vec<Subgroup>, StoreError> {
        let mut stmt = self.conn().prepare(
            "SELECT id, code, name, dimension FROM subgroup \
             ORDER BY dimension <> 'total', dimension, name",
        )?;
        let rows = stmt.query_map([], subgroup_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every target, of every indicator.
    pub fn all_targets(&self) -> Result<Vec<Target>, StoreError> {
        self.targets_of(None)
    }

    /// The source of the figure written last: the default source of a new figure.
    pub fn last_used_source(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn()
            .query_row(
                // The audit log is in the order of writing, so the newest entries are read
                // first and the search stops at once; `+` keeps SQLite from using the
                // (table, row) index, which would sort every figure's entry. Sorting the
                // figures by their time stamp instead read the whole table.
                "SELECT s.code FROM audit_log l JOIN observation o ON o.id = l.row_id \
                 JOIN source s ON s.id = o.source_id \
                 WHERE +l.table_name = 'observation' AND l.action <> 'delete' \
                 ORDER BY l.id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A number that changes whenever any connection commits a change to the file, so a
    /// window can notice edits made by another process and reload.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn()
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }
}
