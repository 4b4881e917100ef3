//! A filled entry form (`chiso template`, `export::form`) read back: its hidden sheet says
//! which indicator, subgroup and source its figures are of; its first sheet gives one figure
//! per row whose value cell holds a number. A value Chiso cannot read for sure is a problem
//! named by its cell (`U5MR!D7`), never a guess; the checks of the figures themselves (valid
//! and plausible ranges) are the store's, as for a typed entry.

use std::path::Path;

use calamine::{Data, Reader};

use super::ReadError;
use crate::locale::{Language, Numbers};
use crate::model::Status;
use crate::model::draft::display_name;

use crate::model::form::{HEADER_ROW, KEY_SHEET, MARK, VERSION as FORM_VERSION};

/// The value's column, as calamine counts columns.
const VALUE_COLUMN: u32 = crate::model::form::VALUE_COLUMN as u32;

/// A form as filled.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FilledForm {
    /// The file name of the database the form was made from.
    pub database: String,
    pub indicator: String,
    pub subgroup: String,
    pub source: String,
    /// Who the form was for ("Tuyên Quang").
    pub for_whom: String,
    pub entries: Vec<Entry>,
    pub problems: Vec<CellProblem>,
}

/// One figure of a form, with the cell it was typed in.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub cell: String,
    pub year: i32,
    pub area: String,
    pub value: f64,
    pub status: Status,
    pub note: String,
}

/// A cell Chiso could not read for sure.
#[derive(Clone, Debug, PartialEq)]
pub struct CellProblem {
    pub cell: String,
    pub raw: String,
    pub reason: CellReason,
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CellReason {
    #[error("not a number")]
    NotANumber,
    /// Text that reads as different numbers in Vietnamese and English (`1,234`).
    #[error("reads as {vi} the Vietnamese way and {en} the English way: type it as a number")]
    Ambiguous { vi: f64, en: f64 },
    #[error("not a status of the list")]
    UnknownStatus,
    #[error("the row's year or area code was changed")]
    RowChanged,
}

/// Whether `path` is a workbook holding a Chiso entry form. Asked of any file given to
/// import, so what is not a regular file (a pipe, a device) is never opened here: detection
/// refuses it first.
pub fn is_form(path: &Path) -> bool {
    matches!(super::detect(path), Ok(super::Format::Workbook))
        && super::workbook::sheet_names(path)
            .is_some_and(|names| names.iter().any(|n| n == KEY_SHEET))
}

/// A cell reference as a spreadsheet writes it: `U5MR!D7`, quoted when the name needs it.
pub fn cell_ref(sheet: &str, row: u32, column: u32) -> String {
    let letter = char::from(b'A' + (column % 26) as u8);
    let plain = sheet.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        format!("{sheet}!{letter}{}", row + 1)
    } else {
        format!("'{}'!{letter}{}", sheet.replace('\'', "''"), row + 1)
    }
}

/// Reads the filled form at `path`. `statuses` are the drop-down's words and what each
/// stands for (`export::form::status_choices`).
pub fn read(path: &Path, statuses: &[(String, Status)]) -> Result<FilledForm, ReadError> {
    let unreadable = |detail: String| ReadError::Unreadable {
        path: display_name(path),
        detail,
    };
    let mut book = calamine::open_workbook_auto(path).map_err(|e| unreadable(e.to_string()))?;
    let key = book
        .worksheet_range(KEY_SHEET)
        .map_err(|e| unreadable(format!("no sheet {KEY_SHEET}: {e}")))?;
    let value_of = |name: &str| {
        key.rows()
            .find(|r| r.first().is_some_and(|c| *c == name))
            .and_then(|r| r.get(1))
            .map(|c| c.to_string())
            .unwrap_or_default()
    };
    let version: u32 = value_of("version").parse().unwrap_or(0);
    if value_of("form") != MARK || version == 0 {
        return Err(unreadable(format!(
            "its sheet {KEY_SHEET} is not a Chiso form's: make a new form with `chiso template`"
        )));
    }
    if version > FORM_VERSION {
        return Err(unreadable(format!(
            "the form is of version {version}, made by a newer Chiso: import it with that version"
        )));
    }
    let sheet = value_of("sheet");
    let mut form = FilledForm {
        database: value_of("database"),
        indicator: value_of("indicator"),
        subgroup: value_of("subgroup"),
        source: value_of("source"),
        for_whom: value_of("for"),
        ..Default::default()
    };
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| unreadable(format!("no sheet {sheet}, where the figures were: {e}")))?;
    let (vi, en) = (
        Numbers::new(Language::Vietnamese),
        Numbers::new(Language::English),
    );
    let start = range.start().map_or(0, |(r, _)| r);
    for (i, row) in range.rows().enumerate() {
        let r = start + i as u32;
        if r <= HEADER_ROW {
            continue;
        }
        let cell = |c: usize| row.get(c).cloned().unwrap_or(Data::Empty);
        let at = |c: u32| cell_ref(&sheet, r, c);
        let value = cell(VALUE_COLUMN as usize);
        if matches!(value, Data::Empty) || value.to_string().trim().is_empty() {
            continue;
        }
        let year = match cell(0) {
            Data::Float(f) if f.fract() == 0.0 => f as i32,
            Data::Int(i) => i as i32,
            other => other.to_string().trim().parse().unwrap_or(0),
        };
        let area = cell(2).to_string().trim().to_owned();
        if year == 0 || area.is_empty() {
            form.problems.push(CellProblem {
                cell: at(0),
                raw: format!("{} {area}", cell(0)),
                reason: CellReason::RowChanged,
            });
            continue;
        }
        let number = match &value {
            Data::Float(f) => Ok(*f),
            Data::Int(i) => Ok(*i as f64),
            other => {
                let text = other.to_string();
                match (vi.parse(&text), en.parse(&text)) {
                    (Ok(a), Ok(b)) if a != b => Err(CellReason::Ambiguous { vi: a, en: b }),
                    (Ok(a), _) | (_, Ok(a)) => Ok(a),
                    _ => Err(CellReason::NotANumber),
                }
            }
        };
        let value = match number {
            Ok(v) => v,
            Err(reason) => {
                form.problems.push(CellProblem {
                    cell: at(VALUE_COLUMN),
                    raw: value.to_string(),
                    reason,
                });
                continue;
            }
        };
        let word = cell(4).to_string();
        let word = word.trim();
        let status = if word.is_empty() {
            Some(Status::Normal)
        } else {
            statuses
                .iter()
                .find(|(w, _)| {
                    w == word || w.split(" / ").any(|half| half.eq_ignore_ascii_case(word))
                })
                .map(|(_, s)| *s)
                .or_else(|| Status::from_word(word))
        };
        let Some(status) = status else {
            form.problems.push(CellProblem {
                cell: at(4),
                raw: word.to_owned(),
                reason: CellReason::UnknownStatus,
            });
            continue;
        };
        form.entries.push(Entry {
            cell: at(VALUE_COLUMN),
            year,
            area,
            value,
            status,
            note: cell(5).to_string().trim().to_owned(),
        });
    }
    Ok(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(cell_ref("U5MR", 6, 3), "U5MR!D7");
        assert_eq!(cell_ref("Số liệu", 9, 4), "'Số liệu'!E10");
    }
}
