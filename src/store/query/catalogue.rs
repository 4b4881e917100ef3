//! The catalogue: every indicator with its headline figure (the latest for the country as a
//! whole), the figure before it and a sparkline, read by index seeks in one snapshot.

use rusqlite::{OptionalExtension, params};

use super::*;
use crate::model::{Indicator, Observation};
use crate::store::{Store, StoreError};

/// An indicator with its headline figure: the latest one for the country as a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct CatalogueEntry {
    pub indicator: Indicator,
    /// The latest figure of the headline series, if the indicator has any figures.
    pub latest: Option<Observation>,
    /// The figure before `latest` in the same series (same area, subgroup and source), or,
    /// when that series has none (a report quoting one year), in the trend series.
    pub previous: Option<Observation>,
    /// The trend series' figures (year, value), oldest first: the sparkline. The trend series
    /// is the headline series, unless that one has a single figure and another source has
    /// more of the same area and subgroup (HDI: the news report's 2023 figure, UNDP's series
    /// from 1990): then the longest of those.
    pub headline: Vec<(i32, f64)>,
    /// The source of `previous` and the sparkline, when it is not `latest`'s.
    pub trend_source: Option<String>,
    /// The figures of the headline area and subgroup from every source: what the indicator's
    /// chart shows first.
    pub chart_figures: i64,
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

impl Store {
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
            &format!("SELECT EXISTS (SELECT 1 FROM {OBSERVATIONS_BY_INDEX} WHERE indicator_id = ?1 AND area_id = ?2)"),
        )?;
        let mut has_subgroup = conn.prepare(&format!(
            "SELECT EXISTS (SELECT 1 FROM {OBSERVATIONS_BY_INDEX} \
             WHERE indicator_id = ?1 AND area_id = ?2 AND subgroup_id = ?3)"
        ))?;
        let sources: Vec<(i64, String)> = conn
            .prepare("SELECT id, published FROM source ORDER BY id")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        // With the source named, the latest year is one step down the index; sorting a
        // cell's figures of every source by year would read them all.
        let mut last_year = conn.prepare(&format!(
            "SELECT max(year) FROM {OBSERVATIONS_BY_INDEX} \
             WHERE indicator_id = ?1 AND area_id = ?2 AND subgroup_id = ?3 AND source_id = ?4"
        ))?;
        let mut latest_stmt = conn.prepare(&format!(
            "SELECT {OBSERVATION_COLUMNS} FROM {OBSERVATION_JOINS} \
             WHERE o.indicator_id = ?1 AND o.area_id = ?2 AND o.subgroup_id = ?3 \
               AND o.source_id = ?4 AND o.year = ?5 \
             ORDER BY o.period_label DESC LIMIT 1"
        ))?;
        let mut headline_stmt = conn.prepare(&format!(
            "SELECT year, value FROM {OBSERVATIONS_BY_INDEX} \
             WHERE indicator_id = ?1 AND area_id = ?2 AND subgroup_id = ?3 AND source_id = ?4 \
             ORDER BY year, period_label"
        ))?;
        let mut cell_count = conn.prepare(&format!(
            "SELECT count(*) FROM {OBSERVATIONS_BY_INDEX} \
             WHERE indicator_id = ?1 AND area_id = ?2 AND subgroup_id = ?3"
        ))?;
        let mut source_count = conn.prepare(&format!(
            "SELECT count(*) FROM {OBSERVATIONS_BY_INDEX} \
             WHERE indicator_id = ?1 AND area_id = ?2 AND subgroup_id = ?3 AND source_id = ?4"
        ))?;
        let mut source_code = conn.prepare("SELECT code FROM source WHERE id = ?1")?;
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
            let (latest, previous, headline, chart_figures, trend_source) = match best {
                Some((latest, (area, subgroup, source))) => {
                    let mut source = source;
                    let mut trend_source = None;
                    let mut previous = previous_stmt
                        .query_row(
                            params![id, area, subgroup, source, latest.period.year],
                            observation_from_row,
                        )
                        .optional()?;
                    if previous.is_none() {
                        // The longest other series of the cell with a figure before the
                        // latest year gives the change and the sparkline, named as such.
                        let mut longest: Option<(i64, i64)> = None;
                        for (other, _) in sources.iter().filter(|(s, _)| *s != source) {
                            let n: i64 = source_count
                                .query_row(params![id, area, subgroup, other], |r| r.get(0))?;
                            if n >= 2 && longest.is_none_or(|(best_n, _)| n > best_n) {
                                longest = Some((n, *other));
                            }
                        }
                        if let Some((_, other)) = longest {
                            let earlier = previous_stmt
                                .query_row(
                                    params![id, area, subgroup, other, latest.period.year],
                                    observation_from_row,
                                )
                                .optional()?;
                            if earlier.is_some() {
                                previous = earlier;
                                source = other;
                                trend_source = Some(source_code.query_row([other], |r| r.get(0))?);
                            }
                        }
                    }
                    let headline = headline_stmt
                        .query_map(params![id, area, subgroup, source], |r| {
                            let year = year_of(r, 0).map_err(|e| {
                                name_figure(e, || format!("a figure of {}", indicator.code))
                            })?;
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
                    (
                        Some(latest),
                        previous,
                        headline,
                        chart_figures,
                        trend_source,
                    )
                }
                None => (None, None, Vec::new(), 0, None),
            };
            entries.push(CatalogueEntry {
                indicator,
                latest,
                previous,
                headline,
                chart_figures,
                trend_source,
            });
        }
        Ok(entries)
    }
}
