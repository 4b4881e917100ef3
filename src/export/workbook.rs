//! Figures as an Excel workbook (`rust_xlsxwriter`): a sheet per indicator in the shape the
//! Table tab shows (years as rows, series as columns) with real numbers in the indicator's
//! decimals, the unit and sources above a frozen header row and flags as cell notes; then
//! every figure in Chiso's long form (the columns of the long CSV, so the workbook imports
//! back), and the sources.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Note, Workbook, Worksheet, XlsxError};

use super::ExportError;
use super::long_csv::spreadsheet_safe;
use crate::locale::{Language, Messages};
use crate::model::draft::LONG_CSV_COLUMNS;
use crate::model::{Area, Indicator, Qualifier, Source, Status, Subgroup};

/// What the sheets name by code, in the reader's language.
pub struct Names<'a> {
    pub indicators: &'a [Indicator],
    pub areas: &'a [Area],
    pub subgroups: &'a [Subgroup],
    pub sources: &'a [Source],
}

/// One figure of the long form, as the store hands it out (`LONG_CSV_COLUMNS` order).
pub type Row = [String; 24];

/// What a workbook holds: its figures and the sheets of indicators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub figures: usize,
    pub indicators: usize,
}

/// The widest a series column is made, in characters: longer names wrap.
const MAX_COLUMN: f64 = 36.0;
/// The row the header of an indicator's sheet is on (0-based), under the block of title,
/// unit, sources and the key to the notes.
const HEADER_ROW: u32 = 5;

/// Writes `rows` (sorted by indicator, as the store reads them) to a workbook at `path`,
/// through a temporary file renamed into place.
pub fn write(
    path: &Path,
    rows: &[Row],
    names: &Names,
    language: Language,
) -> Result<Written, ExportError> {
    let t = Messages::of(language);
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(t.get("workbook-title"))
            .set_author("Chiso")
            .set_comment(t.get("workbook-comment")),
    );
    let cannot = |e: XlsxError| ExportError::Write(format!("{}: {e}", path.display()));
    let mut taken = BTreeSet::new();
    let mut indicators = 0;
    let mut start = 0;
    while start < rows.len() {
        let code = &rows[start][0];
        let end = start + rows[start..].iter().take_while(|r| &r[0] == code).count();
        let sheet = workbook.add_worksheet();
        sheet
            .set_name(sheet_name(code, &mut taken))
            .map_err(cannot)?;
        wide_sheet(sheet, &rows[start..end], names, t).map_err(cannot)?;
        indicators += 1;
        start = end;
    }
    // Rows go to a temporary file as they are written: the long sheet is most of the cells.
    let long = workbook.add_worksheet_with_low_memory().map_err(cannot)?;
    long.set_name(sheet_name(&t.get("workbook-sheet-long"), &mut taken))
        .map_err(cannot)?;
    long_sheet(long, rows).map_err(cannot)?;
    let sources = workbook.add_worksheet();
    sources
        .set_name(sheet_name(&t.get("workbook-sheet-sources"), &mut taken))
        .map_err(cannot)?;
    sources_sheet(sources, rows, names, t).map_err(cannot)?;

    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    let saved = workbook.save(&partial).map_err(cannot).and_then(|()| {
        std::fs::rename(&partial, path)
            .map_err(|e| ExportError::Write(format!("{}: {e}", path.display())))
    });
    if saved.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    saved.map(|()| Written {
        figures: rows.len(),
        indicators,
    })
}

/// A sheet name Excel takes: at most 31 characters, none of `[]:*?/\`, unique in the book.
fn sheet_name(wanted: &str, taken: &mut BTreeSet<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim_matches('\'').trim();
    let clean = if clean.is_empty() { "_" } else { clean };
    for n in 1.. {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!(" ({n})")
        };
        let room = 31 - suffix.chars().count();
        let name: String = clean.chars().take(room).collect::<String>() + &suffix;
        // Excel compares sheet names without case.
        if taken.insert(name.to_lowercase()) {
            return name;
        }
    }
    unreachable!("some numbered name is free")
}

/// The number format of `decimals` places with grouped thousands: `#,##0.000`. Excel shows
/// the reader's own separators (`0,766` in a Vietnamese Excel).
pub(super) fn number_format(decimals: u8) -> String {
    if decimals == 0 {
        "#,##0".to_owned()
    } else {
        format!("#,##0.{}", "0".repeat(usize::from(decimals.min(10))))
    }
}

/// A header row's cells: bold on pale blue, wrapped, set at the top.
pub(super) fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(0xE8_EE_F4)
}

/// A series of an indicator's sheet: its columns are area, subgroup and source.
type SeriesOf<'r> = (&'r str, &'r str, &'r str);

/// An indicator's figures with years as rows and series as columns.
fn wide_sheet(
    sheet: &mut Worksheet,
    rows: &[Row],
    names: &Names,
    t: &Messages,
) -> Result<(), XlsxError> {
    let language = t.language();
    let code = rows[0][0].as_str();
    let indicator = names.indicators.iter().find(|i| i.code == code);
    let decimals = rows[0][12].parse::<u8>().unwrap_or(1);
    // Series in the order of area names (Vietnamese order), then subgroups and sources.
    let mut series: Vec<SeriesOf> = rows
        .iter()
        .map(|r| (r[1].as_str(), r[2].as_str(), r[8].as_str()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let label = |s: &SeriesOf| -> String {
        let area = names
            .areas
            .iter()
            .find(|a| a.code == s.0)
            .map_or(s.0, |a| a.name.get(language));
        let subgroup = names
            .subgroups
            .iter()
            .find(|g| g.code == s.1)
            .map_or(s.1, |g| g.name.get(language));
        let source = names
            .sources
            .iter()
            .find(|x| x.code == s.2)
            .map_or(s.2, |x| x.short_name.get(language));
        format!("{area} · {subgroup} · {source}")
    };
    let mut labelled: Vec<(String, SeriesOf)> = series.drain(..).map(|s| (label(&s), s)).collect();
    crate::locale::sort_vietnamese(&mut labelled, |(l, _)| l);
    // The country first, then its regions, then the provinces, each in Vietnamese order.
    let level = |code: &str| match names.areas.iter().find(|a| a.code == code) {
        Some(a) if a.level == "country" => 0,
        Some(a) if a.level == "region" => 1,
        _ => 2,
    };
    labelled.sort_by_key(|(_, s)| level(s.0));
    let column: BTreeMap<SeriesOf, u16> = labelled
        .iter()
        .enumerate()
        .map(|(i, (_, s))| (*s, u16::try_from(i + 1).unwrap_or(u16::MAX)))
        .collect();
    // Periods in time order: the year, then a range ending in it after the year alone.
    let periods: BTreeSet<(i32, &str)> = rows.iter().map(|r| period_key(&r[3])).collect();
    let row_of: BTreeMap<(i32, &str), u32> = periods
        .iter()
        .enumerate()
        .map(|(i, p)| (*p, HEADER_ROW + 1 + i as u32))
        .collect();

    let title = Format::new().set_bold().set_font_size(14);
    let weak = Format::new().set_font_color(0x55_55_55);
    let header = header_format();
    let number = Format::new().set_num_format(number_format(decimals));
    let flagged = number.clone().set_background_color(0xFF_F4_D6);
    let year = Format::new()
        .set_num_format("0")
        .set_align(FormatAlign::Left);

    let name = indicator.map_or(code, |i| i.name.get(language));
    sheet.write_string_with_format(0, 0, name, &title)?;
    if let Some(i) = indicator {
        let symbol = i.unit.symbol.get(language);
        let unit = if symbol.is_empty() || symbol == i.unit.name.get(language) {
            i.unit.name.get(language).to_owned()
        } else {
            format!("{} ({symbol})", i.unit.name.get(language))
        };
        sheet.write_string_with_format(
            1,
            0,
            t.with("workbook-unit", &[("unit", unit.into())]),
            &weak,
        )?;
    }
    let used: BTreeSet<&str> = rows.iter().map(|r| r[8].as_str()).collect();
    let cited: Vec<String> = used
        .iter()
        .map(|code| {
            names.sources.iter().find(|s| s.code == *code).map_or_else(
                || (*code).to_owned(),
                |s| {
                    let title = s.title.get(language);
                    if title.is_empty() {
                        s.short_name.get(language).to_owned()
                    } else {
                        format!("{}: {title}", s.short_name.get(language))
                    }
                },
            )
        })
        .collect();
    sheet.write_string_with_format(
        2,
        0,
        t.with("workbook-sources", &[("sources", cited.join("; ").into())]),
        &weak,
    )?;
    let any_flag = rows.iter().any(is_flagged);
    if any_flag {
        sheet.write_string_with_format(3, 0, t.get("workbook-notes-key"), &weak)?;
    }

    sheet.write_string_with_format(HEADER_ROW, 0, t.get("workbook-year"), &header)?;
    // Each name on two lines where it can, wrapped within its column; the header row as tall
    // as its longest name needs (a character is about one unit of width, a line 15 points).
    let mut lines: f64 = 1.0;
    for (l, s) in &labelled {
        sheet.write_string_with_format(HEADER_ROW, column[s], l, &header)?;
        let length = l.chars().count() as f64;
        let width = (length / 2.0 + 2.0).clamp(14.0, MAX_COLUMN);
        sheet.set_column_width(column[s], width)?;
        lines = lines.max((length * 1.1 / width).ceil());
    }
    sheet.set_row_height(HEADER_ROW, 15.0 * lines.min(5.0) + 4.0)?;
    sheet.set_column_width(0, 11)?;
    for (p, r) in &row_of {
        if p.1.is_empty() {
            sheet.write_number_with_format(*r, 0, f64::from(p.0), &year)?;
        } else {
            sheet.write_string(*r, 0, p.1)?;
        }
    }
    for r in rows {
        let Ok(value) = r[4].parse::<f64>() else {
            continue;
        };
        let at = (
            row_of[&period_key(&r[3])],
            column[&(r[1].as_str(), r[2].as_str(), r[8].as_str())],
        );
        if is_flagged(r) {
            sheet.write_number_with_format(at.0, at.1, value, &flagged)?;
            let note = Note::new(flags_in_words(r, t)).set_author("Chiso");
            sheet.insert_note(at.0, at.1, &note)?;
        } else {
            sheet.write_number_with_format(at.0, at.1, value, &number)?;
        }
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 1)?;
    Ok(())
}

/// A period's place in time: "2024" is (2024, ""), "2021-2025" is (2025, "2021-2025").
fn period_key(period: &str) -> (i32, &str) {
    match period.parse::<i32>() {
        Ok(year) => (year, ""),
        Err(_) => {
            let last = period
                .rsplit(['-', '–'])
                .next()
                .and_then(|y| y.trim().parse().ok())
                .unwrap_or(0);
            (last, period)
        }
    }
}

/// Whether a figure carries a status, a qualifier or a footnote.
fn is_flagged(r: &Row) -> bool {
    !r[5].is_empty() || !r[6].is_empty() || !r[7].is_empty()
}

/// A figure's flags as a note says them: "Provisional · about · Estimated by the office".
fn flags_in_words(r: &Row, t: &Messages) -> String {
    let mut parts = Vec::new();
    if let Some(status) = Status::from_word(&r[5]).filter(|s| *s != Status::Normal) {
        parts.push(crate::chart::status_word(t, status));
    }
    if let Some(q) = Qualifier::from_word(&r[6]).filter(|q| *q != Qualifier::Exact) {
        parts.push(crate::chart::qualifier_prefix(t, q).trim().to_owned());
    }
    if !r[7].is_empty() {
        parts.push(r[7].clone());
    }
    parts.join(" · ")
}

/// Every figure, in the columns of Chiso's long CSV: the sheet `chiso import` reads back.
fn long_sheet(sheet: &mut Worksheet, rows: &[Row]) -> Result<(), XlsxError> {
    // Set before any row: a low-memory sheet writes its rows out in order as they come.
    sheet.set_freeze_panes(1, 0)?;
    for (c, width) in [
        (0, 16),
        (1, 10),
        (2, 9),
        (3, 9),
        (4, 12),
        (7, 30),
        (8, 18),
        (9, 36),
    ] {
        sheet.set_column_width(c, width)?;
    }
    let header = Format::new().set_bold();
    for (c, name) in LONG_CSV_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *name, &header)?;
    }
    // Values at full precision: the sheet is for machines, the indicator's sheet for people.
    let general = Format::new();
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        for (c, cell) in r.iter().enumerate() {
            let c = c as u16;
            if cell.is_empty() {
                continue;
            }
            let numeric = matches!(c, 3 | 4 | 12);
            match cell.parse::<f64>() {
                Ok(n) if numeric && n.is_finite() => {
                    sheet.write_number_with_format(row, c, n, &general)?;
                }
                _ => {
                    // As in the long CSV: text a spreadsheet would run gets an apostrophe,
                    // which the importer takes off again.
                    sheet.write_string(row, c, spreadsheet_safe(cell).as_ref())?;
                }
            }
        }
    }
    Ok(())
}

/// The sources of the figures, described in full.
fn sources_sheet(
    sheet: &mut Worksheet,
    rows: &[Row],
    names: &Names,
    t: &Messages,
) -> Result<(), XlsxError> {
    let language = t.language();
    let header = Format::new().set_bold().set_background_color(0xE8_EE_F4);
    let columns = [
        "workbook-source-code",
        "workbook-source-name",
        "workbook-source-publisher",
        "workbook-source-title",
        "workbook-source-edition",
        "workbook-source-published",
        "workbook-source-url",
        "workbook-source-citation",
        "workbook-source-licence",
    ];
    for (c, id) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, t.get(id), &header)?;
    }
    let used: BTreeSet<&str> = rows.iter().map(|r| r[8].as_str()).collect();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (i, code) in used.iter().enumerate() {
        let row = i as u32 + 1;
        let Some(s) = names.sources.iter().find(|s| s.code == *code) else {
            sheet.write_string(row, 0, *code)?;
            continue;
        };
        let cells = [
            s.code.as_str(),
            s.short_name.get(language),
            s.publisher.get(language),
            s.title.get(language),
            s.edition.get(language),
            s.published.as_str(),
            s.url.as_str(),
            s.citation.as_str(),
            s.licence.as_str(),
        ];
        for (c, cell) in cells.iter().enumerate() {
            sheet.write_string_with_format(
                row,
                c as u16,
                spreadsheet_safe(cell).as_ref(),
                &wrap,
            )?;
        }
    }
    for (c, width) in [
        (0, 18),
        (1, 20),
        (2, 28),
        (3, 40),
        (4, 16),
        (5, 12),
        (6, 30),
        (7, 50),
        (8, 24),
    ] {
        sheet.set_column_width(c, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let mut taken = BTreeSet::new();
        assert_eq!(sheet_name("U5MR", &mut taken), "U5MR");
        assert_eq!(sheet_name("u5mr", &mut taken), "u5mr (2)");
        assert_eq!(sheet_name("A/B:C", &mut taken), "A_B_C");
        let long = "X".repeat(40);
        assert_eq!(sheet_name(&long, &mut taken).chars().count(), 31);
        assert_eq!(
            sheet_name(&long, &mut taken),
            format!("{} (2)", "X".repeat(27))
        );
    }

    #[test]
    fn number_formats_follow_the_decimals() {
        assert_eq!(number_format(0), "#,##0");
        assert_eq!(number_format(3), "#,##0.000");
    }

    #[test]
    fn periods_sort_by_their_last_year() {
        assert_eq!(period_key("2024"), (2024, ""));
        assert_eq!(period_key("2021-2025"), (2025, "2021-2025"));
    }
}
