//! Excel (`.xlsx`, `.xls`) and OpenDocument (`.ods`) workbooks, read with `calamine`: each
//! sheet is written out as CSV, cell by cell (numbers as the shortest text that reads back
//! the same `f64`), and read by the same detection and readers as a CSV file, so a World Bank
//! Excel download imports like its CSV form. The first sheet in a format Chiso reads is
//! imported, or the one the user chose (`--sheet`, by name or number); the others are named
//! in the report when none is.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader};

use super::{Format, ReadError, Sink, display_name};

/// Whether the file opens as a workbook.
pub fn opens(path: &Path) -> bool {
    calamine::open_workbook_auto(path).is_ok()
}

/// The names of a workbook's sheets, in its order, for the user to choose from; `None` when
/// the file is not a workbook.
pub fn sheet_names(path: &Path) -> Option<Vec<String>> {
    calamine::open_workbook_auto(path)
        .ok()
        .map(|w| w.sheet_names())
}

/// Whether `sheet` (a name, any case, or a number from 1) is `wanted`.
fn is_wanted(wanted: &str, sheet: &str, number: usize) -> bool {
    let wanted = wanted.trim();
    wanted.eq_ignore_ascii_case(sheet.trim()) || wanted.parse::<usize>() == Ok(number)
}

/// A cell as CSV text.
fn text_of(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        // A date cell (the WDI download's "Last Updated Date") as the ISO date it shows:
        // serial days since 1899-12-30 in Excel's 1900 date system.
        Data::DateTime(d) if d.is_datetime() => chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|epoch| {
                epoch.checked_add_signed(chrono::Duration::days(d.as_f64().floor() as i64))
            })
            .map_or_else(
                || format!("{}", d.as_f64()),
                |day| day.format("%Y-%m-%d").to_string(),
            ),
        Data::DateTime(d) => format!("{}", d.as_f64()),
    }
}

/// A folder of this process's own for the sheets' CSV, removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn read<S: Sink + ?Sized>(path: &Path, sink: &mut S) -> Result<(), ReadError> {
    let said = |e: calamine::Error| ReadError::Unreadable {
        path: display_name(path),
        detail: format!("the workbook cannot be read ({e})"),
    };
    let mut workbook = calamine::open_workbook_auto(path).map_err(said)?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let scratch =
        Scratch(std::env::temp_dir().join(format!("chiso-sheets-{}-{stamp}", std::process::id())));
    std::fs::create_dir_all(&scratch.0).map_err(|e| ReadError::io(path, e))?;
    let stem = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut tried: Vec<String> = Vec::new();
    let names = workbook.sheet_names();
    let chosen = sink.sheet();
    if let Some(wanted) = &chosen
        && !names
            .iter()
            .enumerate()
            .any(|(i, s)| is_wanted(wanted, s, i + 1))
    {
        return Err(ReadError::refusal(
            path,
            super::Reason::NoSuchSheet {
                sheet: crate::text::clip(wanted.clone(), 60).into(),
                sheets: crate::text::clip(names.join(", "), 160).into(),
            },
        ));
    }
    for (i, sheet) in names.into_iter().enumerate() {
        if chosen
            .as_deref()
            .is_some_and(|wanted| !is_wanted(wanted, &sheet, i + 1))
        {
            continue;
        }
        let Ok(range) = workbook.worksheet_range(&sheet) else {
            continue;
        };
        if range.is_empty() {
            continue;
        }
        // Named so that a problem names the workbook and the sheet.
        let safe: String = sheet
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == ' ' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let csv = scratch.0.join(format!("{stem} [{safe}].csv"));
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_path(&csv)
            .map_err(|e| ReadError::io(path, std::io::Error::other(e)))?;
        for row in range.rows() {
            writer
                .write_record(row.iter().map(text_of))
                .map_err(|e| ReadError::io(path, std::io::Error::other(e)))?;
        }
        writer
            .flush()
            .map_err(|e| ReadError::io(path, std::io::Error::other(e)))?;
        drop(writer);
        match super::detect(&csv) {
            Ok(format) if format != Format::Workbook => {
                if format == Format::ChisoCsv {
                    sink.own_format();
                }
                return super::read_as(&csv, format, sink);
            }
            // The sheet the user chose is refused for what it is.
            Err(ReadError::UnknownFormat { detail, .. }) if chosen.is_some() => {
                return Err(ReadError::UnknownFormat {
                    path: format!("{} [{sheet}]", display_name(path)),
                    detail,
                });
            }
            _ => tried.push(sheet),
        }
    }
    Err(ReadError::UnknownFormat {
        path: display_name(path),
        detail: format!(
            "a workbook none of whose sheets ({}) is in a layout Chiso reads",
            crate::text::clip(tried.join(", "), 120)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::is_wanted;

    #[test]
    fn a_sheet_is_chosen_by_name_in_any_case_or_by_number() {
        assert!(is_wanted("bieu 7", "Bieu 7", 7));
        assert!(is_wanted("2", "Metadata - Countries", 2));
        assert!(!is_wanted("Data", "Metadata - Countries", 2));
    }
}
