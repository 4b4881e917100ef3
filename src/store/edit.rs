//! Writing figures. Every function here runs inside a transaction from [`Store::write`], so
//! a batch of figures lands whole or not at all, with the editor named in the audit log.
//!
//! [`Store::write`]: super::Store::write

use chrono::{SecondsFormat, Utc};
use rusqlite::{OptionalExtension, Transaction, params};

use super::{Refusal, RevertRefusal, StoreError};
use crate::model::draft::FigureRecord;

/// The time stamp written in `updated_at`: UTC, to the second, ISO 8601.
pub fn now_stamp() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The operating-system user, the editor's name until one is given.
pub fn default_editor() -> String {
    system_user().unwrap_or_else(|| "unknown editor".to_owned())
}

/// The system's name of the user, if it has one.
pub fn system_user() -> Option<String> {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| !u.trim().is_empty()))
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
        Err(e) if let Some(broken) = super::broken_constraint(&e) => {
            let figure = format!(
                "{} {} {} {} from {}",
                figure.indicator, figure.area, figure.subgroup, figure.period, figure.source
            );
            Err(StoreError::Refused(match broken {
                super::Broken::Unique => Refusal::AlreadyStored { figure },
                _ => Refusal::NotAllowed {
                    figure,
                    detail: e.to_string(),
                },
            }))
        }
        Err(e) => Err(e.into()),
    }
}

/// One figure to write, as `chiso set` and the grid give it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SetRequest {
    pub indicator: String,
    /// Default: the country (the first area of level `country`).
    pub area: Option<String>,
    /// Default: `T`, the total.
    pub subgroup: Option<String>,
    /// Default: the source of the editor's last figure.
    pub source: Option<String>,
    pub year: i32,
    pub value: f64,
    pub status: crate::model::Status,
    pub qualifier: crate::model::Qualifier,
    pub footnote: Option<String>,
    /// Refuse unless the stored value is this one (`None` inside: refuse unless there is none).
    pub expect: Option<Option<f64>>,
    /// Delete the figure instead of writing `value`.
    pub clear: bool,
}

/// What a write did.
#[derive(Clone, Debug, PartialEq)]
pub enum SetOutcome {
    Added,
    Changed { old: f64 },
    Unchanged,
    Deleted { old: f64 },
}

/// A figure saved but worth a second look: outside the plausible range, or a jump. Typed, so
/// that each surface says it in its own language; `Display` is the command line's English.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// Outside the indicator's plausible range (`None`: no bound on that side).
    Implausible {
        indicator: String,
        value: f64,
        low: Option<f64>,
        high: Option<f64>,
    },
    /// More than half away from the figure of the year before in the same series.
    Jump {
        value: f64,
        previous: f64,
        previous_year: i32,
    },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let bound = |v: &Option<f64>, none: &str| v.map_or(none.to_owned(), |v| v.to_string());
        match self {
            Warning::Implausible {
                indicator,
                value,
                low,
                high,
            } => write!(
                f,
                "{value} is outside the plausible range of {indicator} ({} to {}): saved, \
                 please check it",
                bound(low, "−∞"),
                bound(high, "∞")
            ),
            Warning::Jump {
                value,
                previous,
                previous_year,
            } => write!(
                f,
                "{value} differs from {previous} in {previous_year} by more than {:.0} %: saved, \
                 please check it",
                JUMP_SHARE * 100.0
            ),
        }
    }
}

/// Share of change from the previous year's figure above which a figure is marked.
const JUMP_SHARE: f64 = 0.5;

impl super::Store {
    /// Writes one figure after the checks every edit goes through: a value outside the hard
    /// valid range is refused with the reason; outside the plausible range, or jumping more
    /// than half from the previous year, it is saved and the warnings are returned. With
    /// `expect`, a figure changed meanwhile (by another editor or process) is a conflict.
    pub fn set_figure(
        &mut self,
        editor: &str,
        request: &SetRequest,
    ) -> Result<(SetOutcome, Vec<Warning>), StoreError> {
        let mut results = self.set_figures(editor, std::slice::from_ref(request))?;
        Ok(results.pop().unwrap_or((SetOutcome::Unchanged, Vec::new())))
    }

    /// Writes several figures in one transaction: all of them, or none when one is refused.
    pub fn set_figures(
        &mut self,
        editor: &str,
        requests: &[SetRequest],
    ) -> Result<Vec<(SetOutcome, Vec<Warning>)>, StoreError> {
        let checked = self.check_figures(requests)?;
        self.write(editor, |tx| {
            checked
                .iter()
                .map(|(indicator, request)| set_in(tx, editor, indicator, request))
                .collect()
        })
    }

    /// What [`Store::set_figures`] would do and warn of, in a transaction rolled back: nothing
    /// is written and no backup is taken (a dry run). Refused as it would be.
    pub fn preview_figures(
        &mut self,
        editor: &str,
        requests: &[SetRequest],
    ) -> Result<Vec<(SetOutcome, Vec<Warning>)>, StoreError> {
        let checked = self.check_figures(requests)?;
        let tx = self.conn.transaction()?;
        let found = checked
            .iter()
            .map(|(indicator, request)| set_in(&tx, editor, indicator, request))
            .collect();
        tx.rollback()?;
        found
    }

    /// Each request with its indicator, once every value passed the hard checks; the first
    /// refusal otherwise.
    fn check_figures<'r>(
        &self,
        requests: &'r [SetRequest],
    ) -> Result<Vec<(crate::model::Indicator, &'r SetRequest)>, StoreError> {
        requests
            .iter()
            .map(|request| Ok((self.check_figure(request)?, request)))
            .collect()
    }

    /// The indicator of `request`, once its value passed the hard checks every edit goes
    /// through (its year, a finite number, the valid range); the refusal otherwise.
    pub fn check_figure(
        &self,
        request: &SetRequest,
    ) -> Result<crate::model::Indicator, StoreError> {
        let indicator = self.indicator(&request.indicator)?;
        if !(1000..=9999).contains(&request.year) {
            return Err(StoreError::Refused(Refusal::Year { year: request.year }));
        }
        if request.clear {
            return Ok(indicator);
        }
        if !request.value.is_finite() {
            return Err(StoreError::Refused(Refusal::NotANumber));
        }
        if request.value.abs() > crate::model::units::MAX_VALUE {
            return Err(StoreError::Refused(Refusal::TooLarge {
                value: request.value,
            }));
        }
        let (lo, hi) = indicator.valid_range;
        if lo.is_some_and(|lo| request.value < lo) || hi.is_some_and(|hi| request.value > hi) {
            return Err(StoreError::Refused(Refusal::OutsideValidRange {
                value: request.value,
                indicator: indicator.code,
                low: lo,
                high: hi,
            }));
        }
        Ok(indicator)
    }
}

/// One figure written inside `tx` (see [`Store::set_figures`]).
///
/// [`Store::set_figures`]: super::Store::set_figures
fn set_in(
    tx: &Transaction,
    editor: &str,
    indicator: &crate::model::Indicator,
    request: &SetRequest,
) -> Result<(SetOutcome, Vec<Warning>), StoreError> {
    let area = match &request.area {
        Some(code) => code.clone(),
        None => tx
            .query_row(
                "SELECT code FROM area WHERE level = 'country' ORDER BY id LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::Refused(Refusal::NoCountryArea))?,
    };
    let subgroup = request.subgroup.clone().unwrap_or_else(|| "T".into());
    let source = match &request.source {
        Some(code) => code.clone(),
        None => tx
            .query_row(
                "SELECT s.code FROM observation o JOIN source s ON s.id = o.source_id \
                 WHERE o.updated_by = ?1 ORDER BY o.updated_at DESC, o.id DESC LIMIT 1",
                [editor],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::Refused(Refusal::NoSource))?,
    };
    let ids = (
        id_of(tx, CodedTable::Indicator, &request.indicator)?,
        id_of(tx, CodedTable::Area, &area)?,
        id_of(tx, CodedTable::Subgroup, &subgroup)?,
        id_of(tx, CodedTable::Source, &source)?,
    );
    let current: Option<(i64, f64, String)> = tx
        .query_row(
            "SELECT id, value, footnote FROM observation WHERE indicator_id = ?1 AND area_id = ?2 \
             AND subgroup_id = ?3 AND source_id = ?4 AND year = ?5 AND period_label = ''",
            params![ids.0, ids.1, ids.2, ids.3, request.year],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    if let Some(expected) = request.expect {
        let now = current.as_ref().map(|c| c.1);
        if now != expected {
            return Err(StoreError::Conflict {
                expected,
                current: now,
            });
        }
    }
    if request.clear {
        return Ok(match current {
            Some((id, old, _)) => {
                tx.execute("DELETE FROM observation WHERE id = ?1", [id])?;
                (SetOutcome::Deleted { old }, Vec::new())
            }
            None => (SetOutcome::Unchanged, Vec::new()),
        });
    }
    let mut warnings = Vec::new();
    let (plo, phi) = indicator.plausible_range;
    if plo.is_some_and(|lo| request.value < lo) || phi.is_some_and(|hi| request.value > hi) {
        warnings.push(Warning::Implausible {
            indicator: indicator.code.clone(),
            value: request.value,
            low: plo,
            high: phi,
        });
    }
    let previous: Option<f64> = tx
        .query_row(
            "SELECT value FROM observation WHERE indicator_id = ?1 AND area_id = ?2 AND subgroup_id = ?3 \
             AND source_id = ?4 AND year = ?5 - 1",
            params![ids.0, ids.1, ids.2, ids.3, request.year],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(prev) = previous
        && prev != 0.0
        && ((request.value - prev) / prev).abs() > JUMP_SHARE
    {
        warnings.push(Warning::Jump {
            value: request.value,
            previous: prev,
            previous_year: request.year - 1,
        });
    }
    let outcome = match current {
        None => {
            tx.execute(
                "INSERT INTO observation (indicator_id, area_id, subgroup_id, source_id, year, value, status, \
                 qualifier, footnote, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    ids.0,
                    ids.1,
                    ids.2,
                    ids.3,
                    request.year,
                    request.value,
                    request.status.as_str(),
                    request.qualifier.as_str(),
                    request.footnote.clone().unwrap_or_default(),
                    now_stamp(),
                    editor
                ],
            )?;
            SetOutcome::Added
        }
        Some((id, old, old_footnote)) => {
            let changed = tx.execute(
                "UPDATE observation SET value = ?2, status = ?3, qualifier = ?4, footnote = ?5, updated_at = ?6, \
                 updated_by = ?7 WHERE id = ?1 AND NOT (value = ?2 AND status = ?3 AND qualifier = ?4 AND footnote = ?5)",
                params![
                    id,
                    request.value,
                    request.status.as_str(),
                    request.qualifier.as_str(),
                    request.footnote.clone().unwrap_or(old_footnote),
                    now_stamp(),
                    editor
                ],
            )?;
            if changed == 0 {
                SetOutcome::Unchanged
            } else {
                SetOutcome::Changed { old }
            }
        }
    };
    Ok((outcome, warnings))
}

impl super::Store {
    /// Takes back one recorded change of a figure: an insert is deleted, an update restores
    /// the old value and flags, a delete puts the figure back. The revert is itself audited.
    pub fn revert(&mut self, editor: &str, audit_id: i64) -> Result<(), StoreError> {
        self.write(editor, |tx| {
            let entry: Option<(String, i64, String, Option<String>)> = tx
                .query_row(
                    "SELECT table_name, row_id, action, old_values FROM audit_log WHERE id = ?1",
                    [audit_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            let Some((table, row, action, old)) = entry else {
                return Err(StoreError::Revert(RevertRefusal::NoSuchChange { id: audit_id }));
            };
            if table != "observation" {
                return Err(StoreError::Revert(RevertRefusal::NotAFigure));
            }
            match (action.as_str(), old) {
                ("insert", _) => {
                    tx.execute("DELETE FROM observation WHERE id = ?1", [row])?;
                }
                ("update", Some(old)) => {
                    // The figure by its cell, not its row id: a delete and its revert give
                    // the same figure a new row.
                    let n = tx.execute(
                        "UPDATE observation SET value = json_extract(?1, '$.value'), status = json_extract(?1, '$.status'), \
                         qualifier = json_extract(?1, '$.qualifier'), footnote = json_extract(?1, '$.footnote'), \
                         updated_at = ?2, updated_by = ?3 \
                         WHERE indicator_id = json_extract(?1, '$.indicator_id') AND area_id = json_extract(?1, '$.area_id') \
                           AND subgroup_id = json_extract(?1, '$.subgroup_id') AND source_id = json_extract(?1, '$.source_id') \
                           AND year = json_extract(?1, '$.year') AND period_label = json_extract(?1, '$.period_label')",
                        params![old, now_stamp(), editor],
                    )?;
                    if n == 0 {
                        return Err(StoreError::Revert(RevertRefusal::FigureGone));
                    }
                }
                ("delete", Some(old)) => {
                    tx.execute(
                        "INSERT INTO observation (indicator_id, area_id, subgroup_id, source_id, year, period_label, value, \
                         status, qualifier, footnote, updated_at, updated_by) \
                         SELECT json_extract(?1, '$.indicator_id'), json_extract(?1, '$.area_id'), json_extract(?1, '$.subgroup_id'), \
                         json_extract(?1, '$.source_id'), json_extract(?1, '$.year'), json_extract(?1, '$.period_label'), \
                         json_extract(?1, '$.value'), json_extract(?1, '$.status'), json_extract(?1, '$.qualifier'), \
                         json_extract(?1, '$.footnote'), ?2, ?3",
                        params![old, now_stamp(), editor],
                    )
                    .map_err(|e| match super::broken_constraint(&e) {
                        Some(super::Broken::Unique) => StoreError::Revert(RevertRefusal::CellTaken),
                        _ => e.into(),
                    })?;
                }
                _ => return Err(StoreError::Revert(RevertRefusal::NotRevertible)),
            }
            Ok(())
        })
    }
}
