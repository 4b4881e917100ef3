//! What a file's codes become in the database: an indicator matched or created (and the
//! factor its unit needs), an area, a subgroup, a source, each decided once per code.

use rusqlite::{OptionalExtension, Transaction, params};

use super::apply::Applier;
use super::report::{Note, Skip};
use crate::model::draft::{IndicatorDraft, RawFigure, SourceDraft};
use crate::model::units::{conversion, symbol_of};
use crate::store::StoreError;
use crate::text::code_from;

/// Publishers' codes that stand for the sample's indicators.
const KNOWN_EQUIVALENTS: &[(&str, &str)] = &[
    ("SH.DYN.MORT", "U5MR"),
    ("IT.NET.USER.ZS", "INTERNET_USERS"),
    ("hdi", "HDI"),
    ("hdi_rank", "HDI_RANK"),
    ("Human Development Index", "HDI"),
    (
        "Individuals using the Internet (% of population)",
        "INTERNET_USERS",
    ),
    (
        "Share of the population using the Internet",
        "INTERNET_USERS",
    ),
    ("Under-five mortality rate", "U5MR"),
    ("Child mortality rate", "U5MR"),
];

/// What an indicator of the file became.
#[derive(Clone, Debug)]
pub(super) enum Target {
    Skip(Skip),
    Into {
        id: i64,
        factor: f64,
        valid: (Option<f64>, Option<f64>),
        /// The file did not say the unit (or the user gave it): each figure is checked
        /// against the other sources' figures for its cell.
        assumed: bool,
    },
}

impl Applier<'_, '_> {
    /// Which indicator a file's key goes into, decided once per key.
    pub(super) fn indicator_target(&mut self, key: &str) -> Result<Target, StoreError> {
        if let Some(target) = self.indicators.get(key) {
            return Ok(target.clone());
        }
        let draft = self
            .drafts
            .get(key)
            .cloned()
            .unwrap_or_else(|| IndicatorDraft {
                key: key.to_owned(),
                name: key.to_owned(),
                ..Default::default()
            });
        let target = self.decide_indicator(&draft)?;
        self.indicators.insert(key.to_owned(), target.clone());
        Ok(target)
    }

    pub(super) fn decide_indicator(
        &mut self,
        draft: &IndicatorDraft,
    ) -> Result<Target, StoreError> {
        let key = draft.key.as_str();
        let chosen = |list: &Option<Vec<String>>| {
            list.as_ref().map(|l| {
                l.iter()
                    .any(|c| c.eq_ignore_ascii_case(key) || c.eq_ignore_ascii_case(&code_from(key)))
            })
        };
        let selected = chosen(&self.options.indicators);
        if selected == Some(false) {
            return Ok(Target::Skip(Skip::IndicatorNotChosen {
                key: key.to_owned(),
            }));
        }
        // An explicit mapping, the same code, a known equivalent, or the same name.
        let mapped = self
            .options
            .mappings
            .iter()
            .find(|(from, _)| from.eq_ignore_ascii_case(key))
            .map(|(_, to)| to.clone());
        let own_code = if self.chiso_format {
            key.to_owned()
        } else {
            code_from(key)
        };
        let candidates: Vec<String> = mapped
            .into_iter()
            .chain([own_code.clone()])
            .chain(
                KNOWN_EQUIVALENTS
                    .iter()
                    // The publisher's own code or column, never its name alone.
                    .filter(|(k, _)| k.eq_ignore_ascii_case(key))
                    .map(|(_, c)| (*c).to_owned()),
            )
            .collect();
        for code in &candidates {
            if let Some(target) = self.existing_indicator(code, draft)? {
                return Ok(target);
            }
        }
        let by_name: Option<String> = self
            .tx
            .query_row(
                "SELECT code FROM indicator WHERE lower(name) = lower(?1) OR lower(name_vi) = lower(?1)",
                [&draft.name],
                |r| r.get(0),
            )
            .optional()?;
        // The same name alone is offered, never taken: a name says nothing of the unit or the
        // price basis. Offered only where the units agree; the user maps it or creates it.
        if let Some(code) = by_name
            && selected.is_none()
            && !self.chiso_format
            && self.units_agree(&code, draft)?
        {
            let pair = (key.to_owned(), draft.name.clone());
            if !self.report.unmatched_indicators.contains(&pair) {
                self.report.unmatched_indicators.push(pair);
                self.report.name_matches.push((key.to_owned(), code));
            }
            return Ok(Target::Skip(Skip::IndicatorNotInDatabase));
        }
        // A file of one indicator creates it unless the user chose otherwise; a file of many
        // waits to be told which.
        let wanted = selected == Some(true) || (selected.is_none() && self.single_indicator);
        if !wanted && !self.chiso_format {
            let pair = (key.to_owned(), draft.name.clone());
            if !self.report.unmatched_indicators.contains(&pair) {
                self.report.unmatched_indicators.push(pair);
            }
            return Ok(Target::Skip(Skip::IndicatorNotInDatabase));
        }
        self.create_indicator(&own_code, draft)
    }

    /// Whether the file's unit for `draft` can be the unit of the database's indicator
    /// `code`: the same, convertible, or not said by the file.
    fn units_agree(&mut self, code: &str, draft: &IndicatorDraft) -> Result<bool, StoreError> {
        let (symbol, name): (String, String) = self.tx.query_row(
            "SELECT u.symbol, u.name FROM indicator i JOIN unit u ON u.id = i.unit_id WHERE i.code = ?1",
            [code],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let theirs = if draft.unit_symbol.is_empty() {
            symbol_of(&draft.unit)
        } else {
            draft.unit_symbol.clone()
        };
        let ours = if symbol.is_empty() {
            symbol_of(&name)
        } else {
            symbol
        };
        // A unit the file names but Chiso cannot read ("Người" against "million people")
        // agrees only when it is the same words.
        let same_words = crate::text::fold(&draft.unit) == crate::text::fold(&name);
        Ok(same_words
            || (theirs.is_empty() && draft.unit.is_empty())
            || (!theirs.is_empty() && !ours.is_empty() && conversion(&theirs, &ours).is_some()))
    }

    pub(super) fn existing_indicator(
        &mut self,
        code: &str,
        draft: &IndicatorDraft,
    ) -> Result<Option<Target>, StoreError> {
        type Row = (i64, String, String, Option<f64>, Option<f64>);
        let found: Option<Row> = self
            .tx
            .query_row(
                "SELECT i.id, u.symbol, u.name, i.valid_min, i.valid_max FROM indicator i JOIN unit u ON u.id = i.unit_id WHERE i.code = ?1",
                [code],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((id, symbol, unit_name, lo, hi)) = found else {
            return Ok(None);
        };
        let file_symbol = if draft.unit_symbol.is_empty() {
            symbol_of(&draft.unit)
        } else {
            draft.unit_symbol.clone()
        };
        let ours = if symbol.is_empty() {
            symbol_of(&unit_name)
        } else {
            symbol.clone()
        };
        let assumed = !self.chiso_format && (draft.unit_assumed || file_symbol.is_empty());
        let factor = if file_symbol.is_empty() || ours.is_empty() {
            Some(1.0)
        } else {
            conversion(&file_symbol, &ours)
        };
        let Some(factor) = factor else {
            return Ok(Some(Target::Skip(Skip::Unconvertible {
                key: draft.key.clone(),
                from: file_symbol,
                to: ours,
                code: code.to_owned(),
            })));
        };
        if factor != 1.0 {
            self.note(Note::Converted {
                file: self.file.clone(),
                key: draft.key.clone(),
                from: file_symbol,
                to: ours,
                factor,
                code: code.to_owned(),
            });
        }
        if code != draft.key && !self.chiso_format {
            self.note(Note::ImportedAs {
                file: self.file.clone(),
                key: draft.key.clone(),
                code: code.to_owned(),
            });
        }
        Ok(Some(Target::Into {
            id,
            factor,
            valid: (lo, hi),
            assumed,
        }))
    }

    pub(super) fn create_indicator(
        &mut self,
        code: &str,
        draft: &IndicatorDraft,
    ) -> Result<Target, StoreError> {
        let unit_name = if draft.unit.is_empty() {
            draft.unit_symbol.clone()
        } else {
            draft.unit.clone()
        };
        // Words the store writes itself are written in both languages.
        let (unit_name, unit_name_vi) = if unit_name.is_empty() {
            ("Unit not given".to_owned(), "Chưa rõ đơn vị".to_owned())
        } else {
            let vi = self.in_vietnamese(&unit_name);
            (unit_name, vi)
        };
        let symbol = if draft.unit_symbol.is_empty() {
            symbol_of(&unit_name)
        } else {
            draft.unit_symbol.clone()
        };
        let unit_id: i64 = match self
            .tx
            .query_row(
                "SELECT id FROM unit WHERE lower(name) = lower(?1) OR lower(name_vi) = lower(?1)",
                [&unit_name],
                |r| r.get(0),
            )
            .optional()?
        {
            Some(id) => id,
            None => {
                let unit_code = unique_code(self.tx, "unit", &code_from(&unit_name))?;
                self.tx.execute(
                    "INSERT INTO unit (code, name, symbol, name_vi) VALUES (?1, ?2, ?3, ?4)",
                    params![unit_code, unit_name, symbol, unit_name_vi],
                )?;
                self.tx.last_insert_rowid()
            }
        };
        let name: String = draft.name.chars().take(500).collect();
        let short: String = name.chars().take(120).collect();
        let (name_vi, short_vi) = (self.in_vietnamese(&name), self.in_vietnamese(&short));
        let direction = draft
            .direction
            .as_deref()
            .filter(|d| crate::model::Direction::from_word(d).is_some())
            .unwrap_or("neutral");
        let decimals = draft
            .decimals
            .unwrap_or(if symbol == "%" || symbol == "‰" {
                1
            } else {
                2
            })
            .min(6);
        let code = unique_code(self.tx, "indicator", code)?;
        self.tx.execute(
            "INSERT INTO indicator (code, name, short_name, unit_id, decimals, direction, description, theme, \
                                    name_vi, short_name_vi, description_vi, theme_vi) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'Imported', ?8, ?9, ?10, 'Nhập từ tệp')",
            params![code, name, short, unit_id, decimals, direction, format!("Imported from {}", self.file),
                    name_vi, short_vi, format!("Nhập từ tệp {}", self.file)],
        )?;
        let id = self.tx.last_insert_rowid();
        self.note(Note::NewIndicator {
            code: code.clone(),
            name,
        });
        Ok(Target::Into {
            id,
            factor: 1.0,
            valid: (None, None),
            assumed: false,
        })
    }

    pub(super) fn area_id(&mut self, figure: &RawFigure) -> Result<Option<i64>, StoreError> {
        if let Some(id) = self.areas.get(&figure.area) {
            return Ok(*id);
        }
        let existing: Option<i64> = self
            .tx
            .query_row("SELECT id FROM area WHERE code = ?1", [&figure.area], |r| {
                r.get(0)
            })
            .optional()?;
        let wanted = match &self.options.areas {
            Some(list) => list.iter().any(|a| a.eq_ignore_ascii_case(&figure.area)),
            None => self.chiso_format && !figure.area_name.is_empty(),
        };
        let id = match (existing, &self.options.areas) {
            (Some(id), Some(_)) if wanted => Some(id),
            (Some(_), Some(_)) => None,
            (Some(id), None) => Some(id),
            (None, _) if wanted => {
                let name = if figure.area_name.is_empty() {
                    figure.area.clone()
                } else {
                    figure.area_name.clone()
                };
                // A code the file calls an aggregate, or a publisher's code that is no
                // country's, is a group (Chiso's own codes, `VN-03`, are its areas).
                let group = self.aggregates.contains(&figure.area)
                    || (!self.chiso_format && !crate::model::countries::is_country(&figure.area));
                let level = if group { "aggregate" } else { "country" };
                let name_vi = self.in_vietnamese(&name);
                self.tx.execute(
                    "INSERT INTO area (code, name, level, name_vi) VALUES (?1, ?2, ?3, ?4)",
                    params![figure.area, name, level, name_vi],
                )?;
                self.note(Note::NewArea {
                    code: figure.area.clone(),
                    name,
                });
                Some(self.tx.last_insert_rowid())
            }
            (None, _) => None,
        };
        self.areas.insert(figure.area.clone(), id);
        Ok(id)
    }

    pub(super) fn subgroup_id(&mut self, figure: &RawFigure) -> Result<Option<i64>, StoreError> {
        if let Some(id) = self.subgroups.get(&figure.subgroup) {
            return Ok(*id);
        }
        let mut id: Option<i64> = self
            .tx
            .query_row(
                "SELECT id FROM subgroup WHERE code = ?1",
                [&figure.subgroup],
                |r| r.get(0),
            )
            .optional()?;
        let total = figure.subgroup == "T" && !self.chiso_format;
        if id.is_none() && (total || !figure.subgroup_name.is_empty()) {
            let (name, name_vi, dimension) = if total {
                ("Total".to_owned(), "Tổng số".to_owned(), "total")
            } else {
                let name = figure.subgroup_name.clone();
                let vi = self.in_vietnamese(&name);
                (name, vi, "imported")
            };
            let dimension = if figure.subgroup == "T" {
                "total"
            } else {
                dimension
            };
            self.tx.execute(
                "INSERT INTO subgroup (code, name, dimension, name_vi) VALUES (?1, ?2, ?3, ?4)",
                params![figure.subgroup, name, dimension, name_vi],
            )?;
            id = Some(self.tx.last_insert_rowid());
        }
        self.subgroups.insert(figure.subgroup.clone(), id);
        Ok(id)
    }

    pub(super) fn source_id(&mut self, figure: &RawFigure) -> Result<Option<i64>, StoreError> {
        match &figure.source {
            None => {
                if let Some(id) = self.file_source_id {
                    return Ok(Some(id));
                }
                let Some(draft) = self.file_source.clone() else {
                    return Ok(None);
                };
                let id = self.find_or_create_source(&draft)?;
                self.file_source_id = Some(id);
                Ok(Some(id))
            }
            Some(draft) => {
                if let Some(id) = self.sources.get(&draft.code) {
                    return Ok(Some(*id));
                }
                let existing: Option<i64> = self
                    .tx
                    .query_row(
                        "SELECT id FROM source WHERE code = ?1",
                        [&draft.code],
                        |r| r.get(0),
                    )
                    .optional()?;
                let id = match existing {
                    Some(id) => Some(id),
                    None if !draft.short_name.is_empty() || !draft.title.is_empty() => {
                        Some(self.insert_source(&draft.code, draft)?)
                    }
                    None => None,
                };
                if let Some(id) = id {
                    self.sources.insert(draft.code.clone(), id);
                }
                Ok(id)
            }
        }
    }

    /// The same file, or the same publication and edition, is the same source; anything else
    /// is a new one, so editions stand side by side.
    pub(super) fn find_or_create_source(&mut self, draft: &SourceDraft) -> Result<i64, StoreError> {
        let found: Option<(i64, String)> = self
            .tx
            .query_row(
                "SELECT id, code FROM source WHERE (file_sha256 <> '' AND file_sha256 = ?1) \
                 OR (publisher = ?2 AND title = ?3 AND edition = ?4) ORDER BY file_sha256 = ?1 DESC LIMIT 1",
                params![draft.file_sha256, draft.publisher, draft.title, draft.edition],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((id, code)) = found {
            self.source_code = Some(code);
            return Ok(id);
        }
        let code = unique_code(self.tx, "source", &draft.code)?;
        let id = self.insert_source(&code, draft)?;
        self.note(Note::NewSource {
            code,
            publisher: draft.publisher.clone(),
            title: draft.title.clone(),
            edition: draft.edition.clone(),
        });
        Ok(id)
    }

    pub(super) fn insert_source(&mut self, code: &str, d: &SourceDraft) -> Result<i64, StoreError> {
        let short = if d.short_name.is_empty() {
            code
        } else {
            d.short_name.as_str()
        };
        let (short_vi, title_vi) = match d.language {
            Some(crate::model::Language::Vietnamese) => (short, d.title.as_str()),
            _ => ("", ""),
        };
        self.tx.execute(
            "INSERT INTO source (code, short_name, publisher, title, edition, published, url, citation, licence, file_sha256, \
                                 short_name_vi, title_vi) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![code, short, d.publisher, d.title, d.edition, d.published, d.url, d.citation, d.licence, d.file_sha256,
                    short_vi, title_vi],
        )?;
        self.source_code = Some(code.to_owned());
        Ok(self.tx.last_insert_rowid())
    }
}

impl Applier<'_, '_> {
    /// A name the file gives, as the Vietnamese name too when the file names things in
    /// Vietnamese (a publisher's names are kept in the language they came in); empty
    /// otherwise. The English column always holds the file's name, the one every language
    /// falls back to.
    fn in_vietnamese(&self, name: &str) -> String {
        match self.file_source.as_ref().and_then(|s| s.language) {
            Some(crate::model::Language::Vietnamese) => name.to_owned(),
            _ => String::new(),
        }
    }
}

/// `base`, or `base_2`, `base_3`… whichever is free in `table`.
pub(super) fn unique_code(tx: &Transaction, table: &str, base: &str) -> Result<String, StoreError> {
    let base: String = base.chars().take(60).collect();
    let base = if base.is_empty() {
        "IMPORTED".to_owned()
    } else {
        base
    };
    // The table name comes from this module, never from a file.
    let sql = format!("SELECT 1 FROM {table} WHERE code = ?1");
    let taken = |code: &str| -> Result<bool, StoreError> {
        Ok(tx.query_row(&sql, [code], |_| Ok(())).optional()?.is_some())
    };
    if !taken(&base)? {
        return Ok(base);
    }
    for n in 2.. {
        let code = format!("{base}_{n}");
        if !taken(&code)? {
            return Ok(code);
        }
    }
    unreachable!("an unbounded range always yields a free code")
}
