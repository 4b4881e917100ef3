//! Reading the store: indicators, areas, sources, targets, a summary, and the row readers the
//! queries share.
//!
//! | module      | holds                                                          |
//! |-------------|----------------------------------------------------------------|
//! | (this)      | reference tables, the summary, read snapshots, row readers     |
//! | `catalogue` | every indicator with its headline figure, previous and sparkline |
//! | `series`    | the figures of an indicator, and the series it has             |
//! | `audit`     | the recorded changes, newest first                             |

mod audit;
mod catalogue;
mod series;

pub use audit::AuditEntry;
pub use catalogue::CatalogueEntry;
pub use series::{SeriesFilter, SeriesInfo};

use rusqlite::{OptionalExtension, Row};

use super::{Store, StoreError};
use crate::model::{
    Aggregation, Area, Direction, Indicator, Name, Observation, Period, Qualifier, Source, Status,
    Subgroup, Target, Unit,
};

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

/// A figure's (or a target's) year. The schema keeps years within 1000 to 9999, but a file
/// changed without its checks can hold 2,147,483,647, which an axis of years would lay out
/// without end: an error that says what is there.
fn year_of(row: &Row, index: usize) -> rusqlite::Result<i32> {
    let year: i64 = row.get(index)?;
    if let Ok(year) = i32::try_from(year)
        && crate::model::selection::YEARS.contains(&year)
    {
        return Ok(year);
    }
    Err(rusqlite::Error::FromSqlConversionFailure(
        index,
        rusqlite::types::Type::Integer,
        format!("its year is {year}, outside the years Chiso keeps (1000 to 9999)").into(),
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

/// A name from its English (or only) column at `index` and its Vietnamese one at `vi`.
fn name_of(row: &Row, index: usize, vi: usize, max: usize) -> rusqlite::Result<Name> {
    Ok(Name {
        en: text_of(row, index, max)?,
        vi: text_of(row, vi, max)?,
    })
}

const AREA_COLUMNS: &str = "a.id, a.code, a.name, p.code, a.level, a.name_vi, \
    coalesce(a.gso_code, ''), coalesce(a.valid_from, ''), coalesce(a.valid_until, '')";

fn area_from_row(r: &Row) -> rusqlite::Result<Area> {
    Ok(Area {
        id: r.get(0)?,
        code: r.get(1)?,
        name: name_of(r, 2, 5, SHORT_MAX)?,
        parent_code: r.get(3)?,
        level: r.get(4)?,
        gso_code: text_of(r, 6, 8)?,
        valid_from: text_of(r, 7, 10)?,
        valid_until: text_of(r, 8, 10)?,
    })
}

const SUBGROUP_COLUMNS: &str = "id, code, name, dimension, name_vi";

fn subgroup_from_row(r: &Row) -> rusqlite::Result<Subgroup> {
    Ok(Subgroup {
        id: r.get(0)?,
        code: r.get(1)?,
        name: name_of(r, 2, 4, SHORT_MAX)?,
        dimension: text_of(r, 3, 64)?,
    })
}

const INDICATOR_COLUMNS: &str = "i.id, i.code, i.name, i.short_name, u.code, u.name, u.symbol, \
    i.decimals, i.direction, i.valid_min, i.valid_max, i.plausible_min, i.plausible_max, \
    i.description, i.theme, i.sdg_target, i.name_vi, i.short_name_vi, u.name_vi, u.symbol_vi, \
    i.description_vi, i.theme_vi, coalesce(i.aggregation, ''), w.code";

/// The joins [`INDICATOR_COLUMNS`] reads through.
const INDICATOR_JOINS: &str = "indicator i JOIN unit u ON u.id = i.unit_id \
    LEFT JOIN indicator w ON w.id = i.weight_indicator_id";

fn indicator_from_row(row: &Row) -> rusqlite::Result<Indicator> {
    let direction: String = row.get(8)?;
    let decimals: i64 = row.get(7)?;
    let unit = Unit {
        code: row.get(4)?,
        name: name_of(row, 5, 18, SHORT_MAX)?,
        symbol: name_of(row, 6, 19, 32)?,
    };
    let aggregation: String = row.get(22)?;
    Ok(Indicator {
        id: row.get(0)?,
        code: row.get(1)?,
        name: name_of(row, 2, 16, NAME_MAX)?,
        short_name: name_of(row, 3, 17, SHORT_MAX)?,
        aggregation: Aggregation::from_word(&aggregation)
            .unwrap_or_else(|| Aggregation::default_for(&unit)),
        weight: row.get(23)?,
        unit,
        decimals: decimals.clamp(0, 6) as u8,
        direction: Direction::from_word(&direction).unwrap_or(Direction::Neutral),
        valid_range: (row.get(9)?, row.get(10)?),
        plausible_range: (row.get(11)?, row.get(12)?),
        description: name_of(row, 13, 20, LONG_MAX)?,
        theme: name_of(row, 14, 21, SHORT_MAX)?,
        sdg_target: text_of(row, 15, 64)?,
    })
}

const OBSERVATION_COLUMNS: &str = "o.id, i.code, a.code, g.code, s.code, o.year, o.period_label, \
    o.value, o.status, o.qualifier, o.footnote, o.updated_at, o.updated_by";

/// The figures and their codes: the figures' table first (CROSS JOIN keeps that order) and
/// through its index, whatever planner statistics the file holds. SQLite plans by the
/// `sqlite_stat1` a file carries, and statistics planted there (a table "of one row", an
/// index "that selects nothing") turned each of the catalogue's index seeks into a scan of
/// every figure: `chiso list` on 300,000 figures went from 0.06 s to 16 s.
const OBSERVATION_JOINS: &str = "observation o INDEXED BY sqlite_autoindex_observation_1 \
    CROSS JOIN indicator i ON i.id = o.indicator_id \
    CROSS JOIN area a ON a.id = o.area_id \
    CROSS JOIN subgroup g ON g.id = o.subgroup_id \
    CROSS JOIN source s ON s.id = o.source_id";

/// The figures' table through its index, for a lookup by indicator (see [`OBSERVATION_JOINS`]).
const OBSERVATIONS_BY_INDEX: &str = "observation INDEXED BY sqlite_autoindex_observation_1";

/// `error` of reading a figure of [`OBSERVATION_COLUMNS`], with the figure named.
fn name_observation(error: rusqlite::Error, row: &Row) -> rusqlite::Error {
    name_figure(error, || {
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
}

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
            year: year_of(row, 5).map_err(|e| name_observation(e, row))?,
            label: text_of(row, 6, 40)?,
        },
        value: value_of(row, 7).map_err(|e| name_observation(e, row))?,
        // The schema's CHECKs keep these to known words; a file edited past them reads as plain.
        status: Status::from_word(&status).unwrap_or_default(),
        qualifier: Qualifier::from_word(&qualifier).unwrap_or_default(),
        footnote: text_of(row, 10, LONG_MAX)?,
        updated_at: row.get(11)?,
        updated_by: text_of(row, 12, SHORT_MAX)?,
    })
}

const SOURCE_COLUMNS: &str = "id, code, short_name, publisher, title, edition, published, url, \
    citation, licence, short_name_vi, title_vi, publisher_vi, edition_vi";

fn source_from_row(row: &Row) -> rusqlite::Result<Source> {
    Ok(Source {
        id: row.get(0)?,
        code: row.get(1)?,
        short_name: name_of(row, 2, 10, SHORT_MAX)?,
        publisher: name_of(row, 3, 12, LONG_MAX)?,
        title: name_of(row, 4, 11, LONG_MAX)?,
        edition: name_of(row, 5, 13, SHORT_MAX)?,
        published: text_of(row, 6, 64)?,
        url: text_of(row, 7, LONG_MAX)?,
        citation: text_of(row, 8, LONG_MAX)?,
        licence: text_of(row, 9, LONG_MAX)?,
    })
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
            "SELECT {INDICATOR_COLUMNS} FROM {INDICATOR_JOINS} \
             ORDER BY i.theme, i.name, i.code"
        );
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map([], indicator_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The indicator with `code`.
    pub fn indicator(&self, code: &str) -> Result<Indicator, StoreError> {
        let sql = format!(
            "SELECT {INDICATOR_COLUMNS} FROM {INDICATOR_JOINS} \
             WHERE i.code = ?1"
        );
        self.conn()
            .prepare_cached(&sql)?
            .query_row([code], indicator_from_row)
            .optional()?
            .ok_or_else(|| StoreError::UnknownIndicator(code.to_owned()))
    }

    /// The area with `code`.
    pub fn area(&self, code: &str) -> Result<Area, StoreError> {
        self.conn()
            .prepare_cached(&format!(
                "SELECT {AREA_COLUMNS} FROM area a \
                 LEFT JOIN area p ON p.id = a.parent_id WHERE a.code = ?1"
            ))?
            .query_row([code], area_from_row)
            .optional()?
            .ok_or_else(|| StoreError::UnknownArea(code.to_owned()))
    }

    /// The areas `code` was made of (the provinces a 2025 unit merged), by code; none for an
    /// area that was not made by a merger.
    pub fn predecessors(&self, code: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT a.code FROM area_successor x JOIN area a ON a.id = x.area_id \
             JOIN area s ON s.id = x.successor_id WHERE s.code = ?1 ORDER BY a.code",
        )?;
        let rows = stmt.query_map([code], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The subgroup with `code`.
    pub fn subgroup(&self, code: &str) -> Result<Subgroup, StoreError> {
        self.conn()
            .prepare_cached(&format!(
                "SELECT {SUBGROUP_COLUMNS} FROM subgroup WHERE code = ?1"
            ))?
            .query_row([code], subgroup_from_row)
            .optional()?
            .ok_or_else(|| StoreError::UnknownSubgroup(code.to_owned()))
    }

    /// The source with `code`.
    pub fn source(&self, code: &str) -> Result<Source, StoreError> {
        self.conn()
            .prepare_cached(&format!(
                "SELECT {SOURCE_COLUMNS} FROM source WHERE code = ?1"
            ))?
            .query_row([code], source_from_row)
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
            let target = || {
                format!(
                    "the target of {} (table target)",
                    r.get::<_, String>(0).unwrap_or_default()
                )
            };
            let baseline_year = match r.get_ref(3)? {
                rusqlite::types::ValueRef::Null => None,
                _ => Some(year_of(r, 3).map_err(|e| name_figure(e, target))?),
            };
            let baseline_value: Option<f64> = r.get(4)?;
            Ok(Target {
                indicator_code: r.get(0)?,
                area_code: r.get(1)?,
                subgroup_code: r.get(2)?,
                baseline: baseline_year.zip(baseline_value),
                target_year: year_of(r, 5).map_err(|e| name_figure(e, target))?,
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
        // The full check evaluates every index's expressions: a file with indexes Chiso did not
        // make gets the quick check, which evaluates none, so `info` ends in bounded time.
        let check = match self.read_only() {
            Some(crate::store::ReadOnlyReason::ForeignSchemaObjects { .. }) => "quick_check",
            _ => "integrity_check",
        };
        let mut stmt = self.conn().prepare(&format!("PRAGMA {check}"))?;
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
}

impl Store {
    /// Every area, by level then name.
    pub fn areas(&self) -> Result<Vec<Area>, StoreError> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {AREA_COLUMNS} FROM area a \
             LEFT JOIN area p ON p.id = a.parent_id ORDER BY a.level, a.name"
        ))?;
        let rows = stmt.query_map([], area_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every subgroup, by dimension then name.
    pub fn subgroups(&self) -> Result<Vec<Subgroup>, StoreError> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT {SUBGROUP_COLUMNS} FROM subgroup \
             ORDER BY dimension <> 'total', dimension, name"
        ))?;
        let rows = stmt.query_map([], subgroup_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every target, of every indicator.
    pub fn all_targets(&self) -> Result<Vec<Target>, StoreError> {
        self.targets_of(None)
    }

    /// Whether the indicator has any figure for the area (one index seek).
    pub fn has_figures(&self, indicator_code: &str, area_code: &str) -> Result<bool, StoreError> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM observation INDEXED BY sqlite_autoindex_observation_1 \
                 WHERE indicator_id = (SELECT id FROM indicator WHERE code = ?1) \
                   AND area_id = (SELECT id FROM area WHERE code = ?2))",
            )?
            .query_row([indicator_code, area_code], |r| r.get(0))?)
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
