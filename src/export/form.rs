//! The entry form a province fills without Chiso (`chiso template`): an Excel workbook whose
//! first sheet has a header row and one row per area and year (year, area, its code, value,
//! status, note); figures already in the file are filled in and locked, the empty value cells
//! take only numbers in the indicator's valid range (Excel's data validation) and the status a
//! drop-down; instructions in Vietnamese and English; and a hidden sheet that says which file,
//! indicator, subgroup and source the form is for and the form's version, which
//! `import::form` reads back.

use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};

use super::ExportError;
use crate::locale::{Language, Messages};
use crate::model::{Indicator, Status};

use crate::model::form::{HEADER_ROW, KEY_SHEET, MARK, VALUE_COLUMN, VERSION};

/// What a form is for, and its rows.
pub struct FormSpec<'a> {
    pub indicator: &'a Indicator,
    pub subgroup: (&'a str, &'a str),
    /// The source's code and its name as the header block cites it.
    pub source: (&'a str, &'a str),
    /// The database the form's figures go back into, by its file name.
    pub database: &'a str,
    /// Who the form is for, in words ("Tuyên Quang", "34 tỉnh, thành phố").
    pub for_whom: &'a str,
    pub rows: Vec<FormRow>,
}

/// One area and year of a form; `existing` when the file has its figure.
pub struct FormRow {
    pub year: i32,
    pub area_code: String,
    pub area_name: String,
    pub existing: Option<(f64, Status, String)>,
}

/// The status words of the drop-down, in both languages, and the status each stands for.
pub fn status_choices() -> Vec<(String, Status)> {
    let (vi, en) = (
        Messages::of(Language::Vietnamese),
        Messages::of(Language::English),
    );
    [
        Status::Normal,
        Status::Estimated,
        Status::Provisional,
        Status::Forecast,
        Status::Break,
    ]
    .into_iter()
    .map(|s| {
        let id = format!("status-{}", s.as_str());
        (format!("{} / {}", vi.get(&id), en.get(&id)), s)
    })
    .collect()
}

/// Both languages' words for `id`: "Năm / Year".
fn both(id: &str) -> String {
    format!(
        "{} / {}",
        Messages::of(Language::Vietnamese).get(id),
        Messages::of(Language::English).get(id)
    )
}

/// Writes the form at `path`, through a temporary file renamed into place.
pub fn write(path: &Path, spec: &FormSpec) -> Result<usize, ExportError> {
    let cannot = |e: XlsxError| ExportError::Write(format!("{}: {e}", path.display()));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .set_name(sheet_name(&spec.indicator.code))
        .map_err(cannot)?;
    figures_sheet(sheet, spec).map_err(cannot)?;
    let help = workbook.add_worksheet();
    help.set_name(both("form-sheet-instructions").replace('/', "-"))
        .map_err(cannot)?;
    instructions_sheet(help, spec).map_err(cannot)?;
    let key = workbook.add_worksheet();
    key.set_name(KEY_SHEET).map_err(cannot)?;
    key_sheet(key, spec).map_err(cannot)?;
    key.set_very_hidden(true);
    let bytes = workbook.save_to_buffer().map_err(cannot)?;
    super::write_bytes(path, &bytes)?;
    Ok(spec.rows.len())
}

/// The indicator's code as Excel allows a sheet name (at most 31 characters, none of
/// `[]:*?/\`).
fn sheet_name(code: &str) -> String {
    code.chars()
        .map(|c| if "[]:*?/\\'".contains(c) { '_' } else { c })
        .take(31)
        .collect()
}

fn figures_sheet(sheet: &mut Worksheet, spec: &FormSpec) -> Result<(), XlsxError> {
    let ind = spec.indicator;
    let (vi, en) = (Language::Vietnamese, Language::English);
    let title = Format::new().set_bold().set_font_size(14);
    let weak = Format::new().set_font_color(0x44_44_44);
    let header = super::workbook::header_format().set_locked();
    let number = super::workbook::number_format(ind.decimals);
    let locked = Format::new().set_locked().set_font_color(0x55_55_55);
    let locked_number = locked.clone().set_num_format(&number);
    let year = locked
        .clone()
        .set_num_format("0")
        .set_align(FormatAlign::Left);
    let open = Format::new()
        .set_unlocked()
        .set_background_color(0xFF_F8_DC)
        .set_num_format(&number);
    let open_text = Format::new()
        .set_unlocked()
        .set_background_color(0xFF_F8_DC);

    let name = if ind.name.get(vi) == ind.name.get(en) {
        ind.name.get(vi).to_owned()
    } else {
        format!("{} / {}", ind.name.get(vi), ind.name.get(en))
    };
    sheet.write_string_with_format(0, 0, &name, &title)?;
    let unit = format!(
        "{}: {} ({})",
        both("form-unit"),
        ind.unit.name.get(vi),
        ind.unit.symbol.get(vi)
    );
    sheet.write_string_with_format(1, 0, &unit, &weak)?;
    let source = format!(
        "{}: {} · {}: {}",
        both("form-source"),
        spec.source.1,
        both("form-subgroup"),
        spec.subgroup.1
    );
    sheet.write_string_with_format(2, 0, &source, &weak)?;
    sheet.write_string_with_format(3, 0, both("form-fill"), &weak)?;
    let headers = [
        "form-year",
        "form-area",
        "form-area-code",
        "form-value",
        "form-status",
        "form-note",
    ];
    for (c, id) in headers.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, c as u16, both(id), &header)?;
    }
    sheet.set_row_height(HEADER_ROW, 34)?;
    for (c, width) in [(0, 9), (1, 26), (2, 14), (3, 16), (4, 24), (5, 44)] {
        sheet.set_column_width(c, width)?;
    }
    let choices = status_choices();
    let validation = value_validation(ind)?;
    let status_list = DataValidation::new()
        .allow_list_strings(&choices.iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>())?
        .set_error_title(both("form-status"))?
        .set_error_message(both("form-status-error"))?;
    for (i, row) in spec.rows.iter().enumerate() {
        let r = HEADER_ROW + 1 + i as u32;
        sheet.write_number_with_format(r, 0, f64::from(row.year), &year)?;
        sheet.write_string_with_format(r, 1, &row.area_name, &locked)?;
        sheet.write_string_with_format(r, 2, &row.area_code, &locked)?;
        match &row.existing {
            Some((value, status, note)) => {
                sheet.write_number_with_format(r, VALUE_COLUMN, *value, &locked_number)?;
                let word = choices
                    .iter()
                    .find(|(_, s)| s == status)
                    .map_or("", |(w, _)| w.as_str());
                sheet.write_string_with_format(r, 4, word, &locked)?;
                sheet.write_string_with_format(r, 5, note, &locked)?;
            }
            None => {
                sheet.write_blank(r, VALUE_COLUMN, &open)?;
                sheet.write_blank(r, 4, &open_text)?;
                sheet.write_blank(r, 5, &open_text)?;
                sheet.add_data_validation(r, VALUE_COLUMN, r, VALUE_COLUMN, &validation)?;
                sheet.add_data_validation(r, 4, r, 4, &status_list)?;
            }
        }
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    // Locked cells stay as the file has them; the yellow ones are the province's to fill.
    sheet.protect();
    Ok(())
}

/// Excel's check of a value cell: a number in the indicator's valid range, with a message
/// that says the range in both languages.
fn value_validation(ind: &Indicator) -> Result<DataValidation, XlsxError> {
    let rule = match ind.valid_range {
        (Some(lo), Some(hi)) => DataValidationRule::Between(lo, hi),
        (Some(lo), None) => DataValidationRule::GreaterThanOrEqualTo(lo),
        (None, Some(hi)) => DataValidationRule::LessThanOrEqualTo(hi),
        (None, None) => DataValidationRule::Between(
            -crate::model::units::MAX_VALUE,
            crate::model::units::MAX_VALUE,
        ),
    };
    let range = |l: Language| {
        let numbers = crate::locale::Numbers::new(l);
        let t = Messages::of(l);
        let bound = |b: Option<f64>| {
            b.map_or_else(
                || "…".to_owned(),
                |v| numbers.format(v, ind.decimals.max(1)),
            )
        };
        t.with(
            "form-value-range",
            &[
                ("low", bound(ind.valid_range.0).into()),
                ("high", bound(ind.valid_range.1).into()),
            ],
        )
    };
    let message = format!(
        "{}\n{}",
        range(Language::Vietnamese),
        range(Language::English)
    );
    DataValidation::new()
        .allow_decimal_number(rule)
        .set_input_title(both("form-value"))?
        .set_input_message(&message)?
        .set_error_title(both("form-value"))?
        .set_error_message(&message)
}

fn instructions_sheet(sheet: &mut Worksheet, spec: &FormSpec) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_font_size(13);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.set_column_width(0, 100)?;
    let mut r = 0;
    for language in [Language::Vietnamese, Language::English] {
        let t = Messages::of(language);
        sheet.write_string_with_format(r, 0, t.get("form-instructions-title"), &bold)?;
        r += 1;
        let text = t.with(
            "form-instructions",
            &[
                ("indicator", spec.indicator.name.get(language).into()),
                ("for", spec.for_whom.into()),
                ("sheet", sheet_name(&spec.indicator.code).into()),
                ("database", spec.database.into()),
            ],
        );
        for line in text.lines() {
            sheet.write_string_with_format(r, 0, line, &wrap)?;
            r += 1;
        }
        r += 1;
    }
    Ok(())
}

/// What the form is for, as `key = value` rows: what `import::form` reads back.
fn key_sheet(sheet: &mut Worksheet, spec: &FormSpec) -> Result<(), XlsxError> {
    let rows = [
        ("form", MARK.to_owned()),
        ("version", VERSION.to_string()),
        ("database", spec.database.to_owned()),
        ("indicator", spec.indicator.code.clone()),
        ("subgroup", spec.subgroup.0.to_owned()),
        ("source", spec.source.0.to_owned()),
        ("for", spec.for_whom.to_owned()),
        ("sheet", sheet_name(&spec.indicator.code)),
    ];
    for (r, (key, value)) in rows.iter().enumerate() {
        sheet.write_string(r as u32, 0, *key)?;
        sheet.write_string(r as u32, 1, value)?;
    }
    Ok(())
}
