//! The sink that writes one file's figures into the import's transaction, and what it does
//! when a figure is already stored.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::atomic::Ordering;

use rusqlite::{OptionalExtension, Transaction, params};

use super::report::{ImportOptions, ImportReport, Note, Progress, Skip, push_problem};
use super::resolve::Target;
use crate::model::draft::{
    FactorMismatch, IndicatorDraft, Problem, RawFigure, Reason, Sink, SourceDraft, display_name,
};
use crate::store::edit::now_stamp;
use crate::store::{StoreError, schema};

/// A figure's cell (indicator, area, subgroup, source ids) and its value in Chiso's unit.
struct Cell {
    ids: [i64; 4],
    value: f64,
}

/// A figure already stored: id, value, status, qualifier, footnote.
type Stored = (i64, f64, String, String, String);

/// The sink that writes one file's figures into the transaction.
pub(super) struct Applier<'a, 'r> {
    pub(super) tx: &'a Transaction<'a>,
    pub(super) options: &'a ImportOptions,
    pub(super) file: String,
    pub(super) chiso_format: bool,
    pub(super) report: &'r mut ImportReport,
    pub(super) progress: &'a Progress,
    pub(super) done_before: u64,
    pub(super) editor: &'a str,
    /// The highest observation id before the import: rows above it were added by it.
    pub(super) max_id_before: i64,
    /// Rows this import has updated, to tell a duplicate row in the file from a change.
    pub(super) touched: BTreeSet<i64>,
    pub(super) drafts: HashMap<String, IndicatorDraft>,
    pub(super) indicators: HashMap<String, Target>,
    pub(super) areas: HashMap<String, Option<i64>>,
    pub(super) aggregates: BTreeSet<String>,
    /// Areas by their names folded for matching (see [`name_key`]), both languages, with the
    /// dates they were valid. Read once, when a file names its areas without codes.
    pub(super) area_names: Option<HashMap<String, Vec<NamedArea>>>,
    /// The reader said the file holds one indicator (see [`Sink::single_indicator`]).
    pub(super) single_indicator: bool,
    pub(super) subgroups: HashMap<String, Option<i64>>,
    pub(super) sources: HashMap<String, i64>,
    pub(super) file_source: Option<SourceDraft>,
    pub(super) file_source_id: Option<i64>,
    pub(super) source_code: Option<String>,
    pub(super) figures: u64,
    /// One time stamp for the whole import: its figures were all updated at once.
    pub(super) stamp: String,
}

impl<'a, 'r> Applier<'a, 'r> {
    pub(super) fn new(
        tx: &'a Transaction<'a>,
        options: &'a ImportOptions,
        // The file, whether it is in Chiso's own format, and how many bytes of earlier files
        // were read.
        (path, chiso_format, done_before): (&Path, bool, u64),
        report: &'r mut ImportReport,
        progress: &'a Progress,
        editor: &'a str,
    ) -> Result<Self, StoreError> {
        let max_id_before =
            tx.query_row("SELECT coalesce(max(id), 0) FROM observation", [], |r| {
                r.get(0)
            })?;
        Ok(Applier {
            tx,
            options,
            file: display_name(path),
            chiso_format,
            report,
            progress,
            done_before,
            editor,
            max_id_before,
            touched: BTreeSet::new(),
            drafts: HashMap::new(),
            indicators: HashMap::new(),
            areas: HashMap::new(),
            aggregates: BTreeSet::new(),
            subgroups: HashMap::new(),
            sources: HashMap::new(),
            file_source: None,
            single_indicator: false,
            area_names: None,
            file_source_id: None,
            source_code: None,
            figures: 0,
            stamp: now_stamp(),
        })
    }

    pub(super) fn skip(&mut self, reason: Skip) {
        *self.report.skipped.entry(reason).or_default() += 1;
    }

    pub(super) fn problem(&mut self, figure: &RawFigure, reason: Reason) {
        push_problem(
            self.report,
            Problem {
                file: self.file.clone(),
                line: figure.line,
                column: Some(figure.column.clone()),
                raw: crate::model::format_value(figure.value, 6)
                    .trim_end_matches('0')
                    .trim_end_matches('.')
                    .to_owned(),
                reason,
            },
        );
    }

    pub(super) fn note(&mut self, note: Note) {
        if !self.report.notes.contains(&note) {
            self.report.notes.push(note);
        }
    }

    /// The code of the area a file names (`Ha Giang`, `Hà Giang`, `Ho Chi Minh city`) for a
    /// figure of `year`, or why none: no area has that name, or two valid that year have. A
    /// name two areas share across the 2025 reform (An Giang until 30 June 2025, the new An
    /// Giang since 1 July) is the one valid at the end of the figure's year.
    fn area_code_by_name(
        &mut self,
        name: &str,
        year: i32,
    ) -> Result<Result<String, Skip>, StoreError> {
        if self.area_names.is_none() {
            let mut names: HashMap<String, Vec<NamedArea>> = HashMap::new();
            let mut stmt = self.tx.prepare(
                "SELECT code, name, name_vi, coalesce(valid_from, ''), \
                     coalesce(valid_until, '') FROM area",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    NamedArea {
                        code: r.get(0)?,
                        from: r.get(3)?,
                        until: r.get(4)?,
                    },
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (area, en, vi) = row?;
                let mut keys = vec![name_key(&en)];
                if !vi.trim().is_empty() && name_key(&vi) != keys[0] {
                    keys.push(name_key(&vi));
                }
                for key in keys {
                    let known = names.entry(key).or_default();
                    if !known.iter().any(|k| k.code == area.code) {
                        known.push(area.clone());
                    }
                }
            }
            self.area_names = Some(names);
        }
        let candidates = self
            .area_names
            .as_ref()
            .and_then(|names| names.get(&name_key(name)));
        let end_of_year = format!("{year:04}-12-31");
        let found = candidates.map(|all| match all.as_slice() {
            [one] => Some(one.code.clone()),
            _ => {
                let valid: Vec<&NamedArea> =
                    all.iter().filter(|a| a.valid_on(&end_of_year)).collect();
                match valid.as_slice() {
                    [one] => Some(one.code.clone()),
                    _ => None,
                }
            }
        });
        Ok(match found {
            Some(Some(code)) => Ok(code),
            Some(None) => Err(Skip::AreaNameAmbiguous {
                name: name.to_owned(),
            }),
            None => {
                if !self.report.unknown_area_names.iter().any(|n| n == name) {
                    self.report.unknown_area_names.push(name.to_owned());
                }
                Err(Skip::AreaNameUnknown)
            }
        })
    }

    /// Whether a figure for `area` would be taken, without creating the area: what
    /// [`Applier::area_id`] decides, asked ahead of it.
    fn area_wanted(&mut self, area: &str) -> bool {
        if area.is_empty() {
            return false;
        }
        if let Some(id) = self.areas.get(area) {
            return id.is_some();
        }
        if let Some(list) = &self.options.areas {
            return list.iter().any(|a| a.eq_ignore_ascii_case(area));
        }
        if self.chiso_format {
            return true;
        }
        self.tx
            .query_row("SELECT 1 FROM area WHERE code = ?1", [area], |_| Ok(()))
            .optional()
            .map_or(true, |found| found.is_some())
    }

    /// Writes one figure: its codes resolved, its value checked, then added, left, changed
    /// or refused by what is already stored.
    pub(super) fn apply(&mut self, mut figure: RawFigure) -> Result<(), StoreError> {
        if figure.area_by_name {
            match self.area_code_by_name(&figure.area_name, figure.period.year)? {
                Ok(code) => figure.area = code,
                Err(skip) => {
                    self.skip(skip);
                    return Ok(());
                }
            }
        }
        let Some(cell) = self.resolve(&figure)? else {
            return Ok(());
        };
        // The common case, a new figure, is one statement; only a conflict is looked into.
        if self.insert_new(&cell, &figure)? {
            self.report.added += 1;
            self.figures += 1;
            return Ok(());
        }
        let existing = self.stored(&cell, &figure)?;
        self.settle(&cell, &figure, existing)
    }

    /// The figure's ids and value in Chiso's unit, or `None` when it was skipped or is a
    /// problem (both already counted).
    fn resolve(&mut self, figure: &RawFigure) -> Result<Option<Cell>, StoreError> {
        let (indicator, factor, valid, assumed) = match self.indicator_target(&figure.indicator)? {
            Target::Skip(reason) => {
                self.skip(reason);
                return Ok(None);
            }
            Target::Into {
                id,
                factor,
                valid,
                assumed,
            } => (id, factor, valid, assumed),
        };
        if figure.area.is_empty() {
            self.skip(Skip::NoAreaCode);
            return Ok(None);
        }
        let Some(area) = self.area_id(figure)? else {
            if self.chiso_format && self.options.areas.is_none() {
                self.problem(figure, Reason::UnknownArea(figure.area.clone()));
            } else if self.aggregates.contains(&figure.area)
                || !crate::model::countries::is_country(&figure.area)
            {
                self.skip(Skip::AggregateNotChosen);
            } else {
                self.skip(Skip::AreaNotChosen);
            }
            return Ok(None);
        };
        let Some(subgroup) = self.subgroup_id(figure)? else {
            self.problem(figure, Reason::UnknownSubgroup(figure.subgroup.clone()));
            return Ok(None);
        };
        let Some(source) = self.source_id(figure)? else {
            let code = figure
                .source
                .as_ref()
                .map_or("", |s| s.code.as_str())
                .to_owned();
            self.problem(figure, Reason::UnknownSource(code));
            return Ok(None);
        };
        let value = figure.value * factor;
        if assumed
            && let Some(reason) =
                self.factor_against_others(figure, [indicator, area, subgroup, source], value)?
        {
            self.problem(figure, reason);
            return Ok(None);
        }
        if valid.0.is_some_and(|lo| value < lo) || valid.1.is_some_and(|hi| value > hi) {
            self.problem(
                figure,
                Reason::OutsideValidRange {
                    low: valid.0.map_or("−∞".into(), |v| v.to_string().into()),
                    high: valid.1.map_or("∞".into(), |v| v.to_string().into()),
                },
            );
            return Ok(None);
        }
        Ok(Some(Cell {
            ids: [indicator, area, subgroup, source],
            value,
        }))
    }

    /// Adds the figure unless its cell already has one for this source; whether it did.
    fn insert_new(&mut self, cell: &Cell, figure: &RawFigure) -> Result<bool, StoreError> {
        let [indicator, area, subgroup, source] = cell.ids;
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT INTO observation (indicator_id, area_id, subgroup_id, source_id, year, period_label, \
                 value, status, qualifier, footnote, updated_at, updated_by) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT DO NOTHING",
            )?
            .execute(params![
                indicator,
                area,
                subgroup,
                source,
                figure.period.year,
                figure.period.label,
                cell.value,
                figure.status.as_str(),
                figure.qualifier.as_str(),
                figure.footnote,
                self.stamp,
                self.editor
            ])?;
        Ok(inserted == 1)
    }

    /// When the unit is assumed: a reason to stop if the value is about 10, 100 or 1000 times
    /// (or a 10th, 100th, 1000th of) another source's figure for the same cell, the mark of
    /// a per cent read as a share, a per 1,000 as a per cent, thousands as units.
    fn factor_against_others(
        &mut self,
        figure: &RawFigure,
        [indicator, area, subgroup, source]: [i64; 4],
        value: f64,
    ) -> Result<Option<Reason>, StoreError> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT o.value, s.short_name FROM observation o JOIN source s ON s.id = o.source_id \
             WHERE o.indicator_id = ?1 AND o.area_id = ?2 AND o.subgroup_id = ?3 \
             AND o.source_id <> ?4 AND o.year = ?5 AND o.period_label = ?6 AND o.value <> 0",
        )?;
        let others: Vec<(f64, String)> = stmt
            .query_map(
                params![
                    indicator,
                    area,
                    subgroup,
                    source,
                    figure.period.year,
                    figure.period.label
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
            .collect::<Result<_, _>>()?;
        Ok(others.into_iter().find_map(|(other, name)| {
            let factor = suspicious_factor(value, other)?;
            Some(Reason::FactorAgainst(Box::new(FactorMismatch {
                value,
                factor,
                against: name,
                other,
            })))
        }))
    }

    /// The figure already stored in the cell: id, value, status, qualifier, footnote.
    fn stored(&mut self, cell: &Cell, figure: &RawFigure) -> Result<Option<Stored>, StoreError> {
        let [indicator, area, subgroup, source] = cell.ids;
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, value, status, qualifier, footnote FROM observation WHERE indicator_id = ?1 \
             AND area_id = ?2 AND subgroup_id = ?3 AND source_id = ?4 AND year = ?5 AND period_label = ?6",
        )?;
        Ok(stmt
            .query_row(
                params![
                    indicator,
                    area,
                    subgroup,
                    source,
                    figure.period.year,
                    figure.period.label
                ],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?)
    }

    /// What a figure whose cell is taken becomes: unchanged, changed (with replace), or a
    /// problem (a duplicate row, or a disagreement with what an editor may have corrected).
    fn settle(
        &mut self,
        cell: &Cell,
        figure: &RawFigure,
        existing: Option<Stored>,
    ) -> Result<(), StoreError> {
        let value = cell.value;
        // A footnote added in Chiso to a publisher's figure is not a disagreement with the file.
        let flags_same = |status: &str, qualifier: &str, footnote: &str| {
            status == figure.status.as_str()
                && qualifier == figure.qualifier.as_str()
                && (figure.footnote.is_empty() || footnote == figure.footnote)
        };
        match existing {
            None => {
                self.problem(figure, Reason::RefusedByConstraints);
            }
            Some((id, ..)) if id > self.max_id_before || self.touched.contains(&id) => {
                self.problem(figure, Reason::DuplicateRow);
            }
            Some((_, old, status, qualifier, footnote))
                if old == value && flags_same(&status, &qualifier, &footnote) =>
            {
                self.report.unchanged += 1;
                self.figures += 1;
            }
            Some((id, ..)) if self.options.replace => {
                self.replace(id, value, figure)?;
                self.touched.insert(id);
                self.report.changed += 1;
                self.figures += 1;
            }
            Some((_, old, status, qualifier, _)) => {
                let reason = if old == value {
                    Reason::FlagsDifferFromStored {
                        status: status.into(),
                        qualifier: qualifier.into(),
                    }
                } else {
                    Reason::DiffersFromStored {
                        stored: old.to_string(),
                    }
                };
                self.problem(figure, reason);
            }
        }
        Ok(())
    }

    /// Overwrites figure `id` with the file's, recording the change in the audit log (the
    /// triggers are off during an import).
    fn replace(&mut self, id: i64, value: f64, figure: &RawFigure) -> Result<(), StoreError> {
        let json = schema::audited_tables()
            .find(|(t, _)| *t == "observation")
            .map(|(_, json)| json)
            .unwrap_or_default();
        let old: String = self.tx.query_row(
            &format!("SELECT {json} FROM observation WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )?;
        self.tx.execute(
            "UPDATE observation SET value = ?2, status = ?3, qualifier = ?4, footnote = ?5, \
             updated_at = ?6, updated_by = ?7 WHERE id = ?1",
            params![
                id,
                value,
                figure.status.as_str(),
                figure.qualifier.as_str(),
                figure.footnote,
                self.stamp,
                self.editor
            ],
        )?;
        self.tx.execute(
            &format!(
                "INSERT INTO audit_log (editor, table_name, row_id, action, old_values, new_values) \
                 SELECT ?1, 'observation', id, 'update', ?2, {json} FROM observation WHERE id = ?3"
            ),
            params![self.editor, old, id],
        )?;
        Ok(())
    }
}

impl Sink for Applier<'_, '_> {
    /// A write that failed, or the user's cancel: the import stops and rolls back.
    type Error = StoreError;

    fn own_format(&mut self) {
        self.chiso_format = true;
    }

    fn source(&mut self, source: SourceDraft) {
        self.file_source = Some(source);
    }

    fn indicator(&mut self, mut indicator: IndicatorDraft) {
        if indicator.unit.is_empty()
            && indicator.unit_symbol.is_empty()
            && let Some(unit) = &self.options.unit
        {
            indicator.unit = unit.clone();
            indicator.unit_assumed = true;
        }
        self.drafts.insert(indicator.key.clone(), indicator);
    }

    fn unit_given(&self) -> bool {
        self.options.unit.is_some()
    }

    fn sheet(&self) -> Option<String> {
        self.options.sheet.clone()
    }

    fn aggregate(&mut self, code: &str) {
        self.aggregates.insert(code.to_owned());
    }

    fn single_indicator(&mut self) {
        self.single_indicator = true;
    }

    fn figure(&mut self, figure: RawFigure) -> Result<(), StoreError> {
        self.apply(figure)
    }

    fn problem(&mut self, problem: Problem) {
        push_problem(self.report, problem);
    }

    fn wants(&mut self, indicator: Option<&str>, area: &str) -> bool {
        if !self.area_wanted(area) {
            return false;
        }
        match indicator {
            // A failed read says so when the figure is written; here it counts as wanted.
            Some(key) => !matches!(self.indicator_target(key), Ok(Target::Skip(_))),
            None => true,
        }
    }

    fn left_out_problem(&mut self) {
        self.report.left_out_problems += 1;
    }

    fn left_out_column(&mut self, column: &str, kind: Option<&str>) {
        self.note(Note::NotAnIndicator {
            file: self.file.clone(),
            column: column.to_owned(),
            kind: kind.map(str::to_owned),
        });
    }

    fn missing_many(&mut self, n: u64) {
        self.report.missing_values += n;
    }

    fn progress(&mut self, bytes: u64) -> Result<(), StoreError> {
        self.progress
            .done
            .store(self.done_before + bytes, Ordering::Relaxed);
        if self.progress.cancel.load(Ordering::Relaxed) {
            return Err(StoreError::Cancelled);
        }
        Ok(())
    }
}

/// An area's name as names are compared: without diacritics, case, hyphens or doubled spaces,
/// and without the words "city", "province" or "thành phố", "tỉnh" that tables add or drop
/// (`Ho Chi Minh city` is `Thành phố Hồ Chí Minh`, `Thua Thien-Hue` is `Thừa Thiên Huế`).
fn name_key(name: &str) -> String {
    let folded = crate::text::fold(name).replace(['-', '.', ','], " ");
    let words: Vec<&str> = folded.split_whitespace().collect();
    let words: &[&str] = match words.as_slice() {
        ["thanh", "pho", rest @ ..] | ["tinh", rest @ ..] | ["tp", rest @ ..]
            if !rest.is_empty() =>
        {
            rest
        }
        all => all,
    };
    let words: &[&str] = match words {
        [rest @ .., "city"] | [rest @ .., "province"] if !rest.is_empty() => rest,
        all => all,
    };
    words.join(" ")
}

/// "100" when `value` is within 10% of 100 times `other`, "1/100" for a hundredth; `None`
/// when the two are of one size.
fn suspicious_factor(value: f64, other: f64) -> Option<&'static str> {
    const FACTORS: [(f64, &str, &str); 4] = [
        (10.0, "10", "1/10"),
        (100.0, "100", "1/100"),
        (1000.0, "1,000", "1/1,000"),
        (1e6, "1,000,000", "1/1,000,000"),
    ];
    if value == 0.0 || other == 0.0 || value.signum() != other.signum() {
        return None;
    }
    let ratio = value / other;
    let near = |r: f64, f: f64| (r / f - 1.0).abs() < 0.1;
    FACTORS.iter().find_map(|(f, times, part)| {
        if near(ratio, *f) {
            Some(*times)
        } else if near(1.0 / ratio, *f) {
            Some(*part)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::suspicious_factor;

    #[test]
    fn a_factor_of_ten_hundred_or_thousand_is_suspicious_a_difference_is_not() {
        assert_eq!(suspicious_factor(78.8, 0.7859), Some("100"));
        assert_eq!(suspicious_factor(0.788, 78.59), Some("1/100"));
        assert_eq!(suspicious_factor(16.9, 1.69), Some("10"));
        assert_eq!(suspicious_factor(96_208.984, 96.2), Some("1,000"));
        assert_eq!(suspicious_factor(58.0, 51.6), None);
        assert_eq!(suspicious_factor(20.0, 21.0), None);
        assert_eq!(suspicious_factor(-5.0, 50.0), None);
    }
}

/// An area a name may mean, with the dates it was valid (ISO dates, empty: open).
#[derive(Clone, Debug)]
pub(super) struct NamedArea {
    code: String,
    from: String,
    until: String,
}

impl NamedArea {
    fn valid_on(&self, date: &str) -> bool {
        (self.from.is_empty() || self.from.as_str() <= date)
            && (self.until.is_empty() || self.until.as_str() >= date)
    }
}
