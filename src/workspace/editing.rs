//! Editing figures from the window: cells of a grid, one edit (a cell, a paste, a delete) at a
//! time, each undoable. No egui here; the grid in `ui` draws this and sends it what was typed.

use std::collections::BTreeMap;

use super::Workspace;
use crate::chart::SeriesKey;
use crate::locale::{Language, Numbers};
use crate::model::{Observation, Qualifier, Status};
use crate::store::edit::SetRequest;
pub use crate::store::edit::Warning;
use crate::store::{Refusal, Store, StoreError};

/// A figure as a cell holds it: the value and its flags.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub status: Status,
    pub qualifier: Qualifier,
    pub footnote: String,
}

/// One cell written: its series and year, what it held and what it holds now.
#[derive(Clone, Debug, PartialEq)]
pub struct CellChange {
    pub key: SeriesKey,
    pub year: i32,
    pub before: Option<Figure>,
    pub after: Option<Figure>,
}

/// What the user typed in one cell: a number, or nothing (delete the figure); and, from the
/// side panel, new flags.
#[derive(Clone, Debug, PartialEq)]
pub struct CellInput {
    pub key: SeriesKey,
    pub year: i32,
    pub text: String,
    pub flags: Option<(Status, Qualifier, String)>,
    /// The value the user saw when starting to type (`None` inside: an empty cell), if the
    /// grid knows it: a cell changed since by someone else is a conflict, not overwritten.
    pub based_on: Option<Option<f64>>,
    /// The convention the text is written in, when not the window's language: a pasted
    /// block that is unambiguous about it.
    pub written_in: Option<Language>,
}

/// The undo and redo stacks of a session: each entry is one edit, however many cells.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Vec<CellChange>>,
    redo: Vec<Vec<CellChange>>,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

/// The figures of the cells, with their flags, by series and year.
pub fn cell_figures(observations: &[Observation]) -> BTreeMap<(SeriesKey, i32), Figure> {
    observations
        .iter()
        .filter(|o| o.period.label.is_empty())
        .map(|o| {
            let figure = Figure {
                value: o.value,
                status: o.status,
                qualifier: o.qualifier,
                footnote: o.footnote.clone(),
            };
            ((SeriesKey::of(o), o.period.year), figure)
        })
        .collect()
}

/// The figures of the cells the grid shows, by series and year.
pub fn cell_values(observations: &[Observation]) -> BTreeMap<(SeriesKey, i32), f64> {
    observations
        .iter()
        .filter(|o| o.period.label.is_empty())
        .map(|o| ((SeriesKey::of(o), o.period.year), o.value))
        .collect()
}

/// Figures worth a second look, by cell, with the reasons: outside the indicator's plausible
/// range, or more than half away from the previous year's figure of the same series. Derived
/// from the figures themselves, so a warning stays open until the figure is confirmed or fixed.
pub fn cell_warnings(
    indicator: &crate::model::Indicator,
    values: &BTreeMap<(SeriesKey, i32), f64>,
) -> BTreeMap<(SeriesKey, i32), Vec<Warning>> {
    let (low, high) = indicator.plausible_range;
    let mut warnings = BTreeMap::new();
    for ((key, year), value) in values
        .iter()
        .filter(|((k, _), _)| k.indicator == indicator.code)
    {
        let mut reasons = Vec::new();
        if low.is_some_and(|lo| *value < lo) || high.is_some_and(|hi| *value > hi) {
            reasons.push(Warning::Implausible {
                indicator: indicator.code.clone(),
                value: *value,
                low,
                high,
            });
        }
        if let Some(prev) = values.get(&(key.clone(), year - 1))
            && *prev != 0.0
            && ((value - prev) / prev).abs() > 0.5
        {
            reasons.push(Warning::Jump {
                value: *value,
                previous: *prev,
                previous_year: year - 1,
            });
        }
        if !reasons.is_empty() {
            warnings.insert((key.clone(), *year), reasons);
        }
    }
    warnings
}

/// Reads a pasted block (tab-separated, as Excel and LibreOffice copy) into rows of cells.
pub fn parse_block(text: &str) -> Vec<Vec<String>> {
    text.trim_end_matches(['\n', '\r'])
        .split('\n')
        .map(|line| {
            line.trim_end_matches('\r')
                .split('\t')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

/// Writes `inputs` as one edit, each based on the value the user saw (`shown`): a cell that
/// another editor changed meanwhile is a conflict, and nothing of the edit is written. Typed
/// numbers are read in `numbers`' convention (or the one an input says it is written in).
pub fn apply(
    store: &mut Store,
    (editor, numbers): (&str, &Numbers),
    history: &mut History,
    shown: &BTreeMap<(SeriesKey, i32), Figure>,
    inputs: &[CellInput],
) -> Result<Vec<Warning>, StoreError> {
    let mut changes = Vec::new();
    for input in inputs {
        let before = shown.get(&(input.key.clone(), input.year)).cloned();
        if let Some(seen) = input.based_on
            && seen != before.as_ref().map(|f| f.value)
        {
            return Err(StoreError::Conflict {
                expected: seen,
                current: before.map(|f| f.value),
            });
        }
        let value = if input.text.trim().is_empty() {
            None
        } else {
            let parsed = match input.written_in {
                Some(language) if language != numbers.language() => {
                    Numbers::new(language).parse(&input.text)
                }
                _ => numbers.parse(&input.text),
            };
            Some(parsed.map_err(|reason| {
                StoreError::Refused(Refusal::Typed {
                    indicator: input.key.indicator.clone(),
                    year: input.year,
                    reason,
                })
            })?)
        };
        // A typed value keeps the cell's flags; the side panel sets new ones.
        let after = value.map(|value| {
            let (status, qualifier, footnote) = match (&input.flags, &before) {
                (Some(flags), _) => flags.clone(),
                (None, Some(b)) => (b.status, b.qualifier, b.footnote.clone()),
                (None, None) => Default::default(),
            };
            Figure {
                value,
                status,
                qualifier,
                footnote,
            }
        });
        if before != after {
            changes.push(CellChange {
                key: input.key.clone(),
                year: input.year,
                before,
                after,
            });
        }
    }
    if changes.is_empty() {
        return Ok(Vec::new());
    }
    let warnings = write(store, editor, &changes, false)?;
    history.undo.push(changes);
    history.redo.clear();
    Ok(warnings)
}

/// Takes back the last edit. A cell changed since by someone else is a conflict.
pub fn undo(store: &mut Store, editor: &str, history: &mut History) -> Result<(), StoreError> {
    let History { undo, redo } = history;
    step(store, editor, undo, redo, true)
}

/// Makes the last undone edit again.
pub fn redo(store: &mut Store, editor: &str, history: &mut History) -> Result<(), StoreError> {
    let History { undo, redo } = history;
    step(store, editor, redo, undo, false)
}

/// Moves the top edit of `from` to `to`, writing it backwards (undo) or forwards (redo); on
/// failure it stays where it was.
fn step(
    store: &mut Store,
    editor: &str,
    from: &mut Vec<Vec<CellChange>>,
    to: &mut Vec<Vec<CellChange>>,
    backwards: bool,
) -> Result<(), StoreError> {
    let Some(changes) = from.pop() else {
        return Ok(());
    };
    match write(store, editor, &changes, backwards) {
        Ok(_) => {
            to.push(changes);
            Ok(())
        }
        Err(e) => {
            from.push(changes);
            Err(e)
        }
    }
}

/// Writes `changes` forwards (before → after) or backwards, in one transaction.
fn write(
    store: &mut Store,
    editor: &str,
    changes: &[CellChange],
    backwards: bool,
) -> Result<Vec<Warning>, StoreError> {
    let requests: Vec<SetRequest> = changes
        .iter()
        .map(|c| {
            let (from, to) = if backwards {
                (&c.after, &c.before)
            } else {
                (&c.before, &c.after)
            };
            SetRequest {
                indicator: c.key.indicator.clone(),
                area: Some(c.key.area.clone()),
                subgroup: Some(c.key.subgroup.clone()),
                source: Some(c.key.source.clone()),
                year: c.year,
                value: to.as_ref().map_or(0.0, |f| f.value),
                status: to.as_ref().map_or_else(Default::default, |f| f.status),
                qualifier: to.as_ref().map_or_else(Default::default, |f| f.qualifier),
                footnote: to.as_ref().map(|f| f.footnote.clone()),
                clear: to.is_none(),
                expect: Some(from.as_ref().map(|f| f.value)),
            }
        })
        .collect();
    Ok(store
        .set_figures(editor, &requests)?
        .into_iter()
        .flat_map(|(_, w)| w)
        .collect())
}

impl Workspace {
    /// Writes what was typed or pasted as one undoable edit (see `editing::apply`).
    pub fn edit_cells(&mut self, editor: &str, inputs: &[CellInput]) -> Result<(), StoreError> {
        let shown = cell_figures(&self.data.observations);
        self.warnings = apply(
            &mut self.store,
            (editor, &self.numbers),
            &mut self.history,
            &shown,
            inputs,
        )?;
        self.reload()
    }

    pub fn undo(&mut self, editor: &str) -> Result<(), StoreError> {
        undo(&mut self.store, editor, &mut self.history)?;
        // The warnings were of the edit undone.
        self.warnings.clear();
        self.reload()
    }

    pub fn redo(&mut self, editor: &str) -> Result<(), StoreError> {
        redo(&mut self.store, editor, &mut self.history)?;
        self.warnings.clear();
        self.reload()
    }

    /// A changed figure's indicator, area, subgroup and source, named in `language`, for the
    /// audit trail ("Under-five mortality rate · Hà Giang · Total · GSO, Sep 2018").
    pub fn audit_row_names(
        &self,
        entry: &crate::store::query::AuditEntry,
        language: Language,
    ) -> Option<String> {
        let [indicator, area, subgroup, source] = entry.figure_ids()?;
        let indicator = self
            .catalogue
            .iter()
            .find(|r| r.entry.indicator.id == indicator)?
            .entry
            .indicator
            .name
            .get(language)
            .to_owned();
        let area = self.areas.iter().find(|a| a.id == area)?.name.get(language);
        let subgroup = self
            .subgroups
            .iter()
            .find(|s| s.id == subgroup)?
            .name
            .get(language);
        let source = self
            .sources
            .iter()
            .find(|s| s.id == source)?
            .short_name
            .get(language);
        Some(format!("{indicator} · {area} · {subgroup} · {source}"))
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// The warnings of the last edit: saved figures worth a second look.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// Recorded changes of the selected indicator's figures (or of everything), newest first.
    pub fn audit_entries(
        &self,
        only_selected: bool,
        editor: Option<&str>,
    ) -> Result<Vec<crate::store::query::AuditEntry>, StoreError> {
        let indicator = if only_selected {
            self.selected.as_deref()
        } else {
            None
        };
        self.store.audit_entries(indicator, editor, 500)
    }

    /// Takes back a recorded change of a figure; the revert is itself recorded.
    pub fn revert(&mut self, editor: &str, audit_id: i64) -> Result<(), StoreError> {
        self.store.revert(editor, audit_id)?;
        self.reload()
    }

    /// The records of a list, their numbers written in the language's way (as a form shows
    /// and takes them).
    pub fn records(&self, table: &str) -> Result<Vec<crate::store::records::Record>, StoreError> {
        let fields = crate::store::records::fields(table);
        let mut records = self.store.records(table)?;
        for record in &mut records {
            for (field, value) in fields.iter().zip(&mut record.values) {
                if field.kind == crate::store::records::Kind::Number
                    && let Ok(v) = crate::locale::parse_plain(value)
                {
                    *value = self.numbers.format_exact(v);
                }
            }
        }
        Ok(records)
    }

    pub fn dependents(&self, table: &str, id: i64) -> Result<i64, StoreError> {
        self.store.dependents(table, id)
    }

    pub fn save_record(
        &mut self,
        editor: &str,
        table: &str,
        id: Option<i64>,
        values: &[String],
    ) -> Result<i64, StoreError> {
        // Numbers typed in the language's way reach the store in machine form.
        let fields = crate::store::records::fields(table);
        let mut plain = values.to_vec();
        for (field, value) in fields.iter().zip(&mut plain) {
            if field.kind == crate::store::records::Kind::Number && !value.trim().is_empty() {
                let v = self.numbers.parse(value).map_err(|reason| {
                    StoreError::Record(crate::store::RecordRefusal::Number {
                        field: field.label,
                        reason,
                    })
                })?;
                *value = v.to_string();
            }
        }
        let id = self.store.save_record(editor, table, id, &plain)?;
        self.reload()?;
        Ok(id)
    }

    pub fn delete_record(
        &mut self,
        editor: &str,
        table: &str,
        id: i64,
        with_figures: bool,
    ) -> Result<(), StoreError> {
        self.store.delete_record(editor, table, id, with_figures)?;
        self.reload()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_blocks_split_on_tabs_and_lines() {
        assert_eq!(
            parse_block("1,5\t2\r\n3\t4\r\n"),
            vec![vec!["1,5", "2"], vec!["3", "4"]]
        );
        assert_eq!(parse_block("7"), vec![vec!["7"]]);
    }
}
