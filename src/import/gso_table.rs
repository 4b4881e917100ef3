//! The statistics office's own tables ("Biểu"), as its publications and census results ship
//! them in workbooks: a title cell (`Biểu 1. DÂN SỐ THEO THÀNH THỊ, NÔNG THÔN, GIỚI TÍNH, …,
//! 01/4/2019`), a unit cell (`Đơn vị: Người`), one or two header rows whose upper cells span
//! the columns below them (`Tổng số` / `Thành thị` / `Nông thôn` × `Chung` / `Nam` / `Nữ`),
//! then one row per area (`TOÀN QUỐC`, the regions, the provinces), with label rows
//! (`Tỉnh, thành phố`) that have no values.
//!
//! A column's headings are its subgroup where they name a sex or urban/rural (`Tổng số`,
//! `Chung` are the total), and its indicator otherwise; the indicator's name is the title's
//! subject (`Dân số`). The year is the title's (the census's reference date). Areas are sent
//! by name, as PX-Web tables' are.

use std::path::Path;

use super::text::{self, Cell};
use super::{IndicatorDraft, Problem, RawFigure, ReadError, Reason, Sink, SourceDraft};
use crate::model::Language;

/// Whether a row is such a table's title: its first cell says `Biểu 1.` (`Bieu 1.`).
pub fn is_title(row: &[String]) -> bool {
    let Some(first) = row.iter().find(|c| !c.trim().is_empty()) else {
        return false;
    };
    number_after_word(first).is_some()
}

/// `Biểu 12. DÂN SỐ …` → (`Biểu 12`, `DÂN SỐ …`).
fn number_after_word(title: &str) -> Option<(String, String)> {
    let title = title.trim();
    let rest = ["Biểu", "Bieu", "BIỂU", "BIEU"]
        .iter()
        .find_map(|w| title.strip_prefix(w))?;
    let digits: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if digits.is_empty() {
        return None;
    }
    let after = rest.trim_start()[digits.len()..].trim_start();
    let after = after
        .strip_prefix('.')
        .or_else(|| after.strip_prefix(':'))?;
    Some((format!("Biểu {digits}"), after.trim().to_owned()))
}

/// The year a title ends with (`…, 01/4/2019`, `… năm 2019`): the last four digits that are
/// a year.
fn year_in(title: &str) -> Option<i32> {
    title
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(text::year_of)
        .next_back()
}

/// The title's subject, in sentence case: `DÂN SỐ THEO THÀNH THỊ, …` → `Dân số`.
fn subject(title: &str) -> String {
    let upper = title.to_uppercase();
    let end = [" PHÂN THEO ", " THEO ", " CHIA THEO "]
        .iter()
        .filter_map(|w| upper.find(w))
        .min()
        .unwrap_or(title.len());
    // The uppercase text may differ in length only outside ASCII; find a boundary.
    let end = (end..=title.len())
        .find(|i| title.is_char_boundary(*i))
        .unwrap_or(title.len());
    let subject = title[..end]
        .trim()
        .trim_end_matches(|c: char| c == ',' || c.is_ascii_digit() || c == '/');
    let lower = subject
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mut chars = lower.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// A heading's meaning: the total, a sex, urban or rural, or a word of the indicator.
#[derive(Clone, Debug, PartialEq)]
enum Heading {
    Total,
    Dimension(&'static str, &'static str),
    Other(String),
}

fn heading(cell: &str) -> Heading {
    let words = cell.split_whitespace().collect::<Vec<_>>().join(" ");
    match crate::text::fold(&words).as_str() {
        // Totals, and the names of a group of columns ("Giới tính" over Nam and Nữ).
        "tong so"
        | "chung"
        | "tong"
        | "total"
        | "ca nuoc"
        | "gioi tinh"
        | "sex"
        | "thanh thi, nong thon"
        | "thanh thi nong thon"
        | "thanh thi/nong thon" => Heading::Total,
        "nam" | "male" => Heading::Dimension("SEX", "M"),
        "nu" | "female" => Heading::Dimension("SEX", "F"),
        "thanh thi" | "urban" => Heading::Dimension("RESIDENCE", "U"),
        "nong thon" | "rural" => Heading::Dimension("RESIDENCE", "R"),
        _ => Heading::Other(words),
    }
}

/// The unit a cell gives (`Đơn vị: Người`, `Đơn vị tính: %`).
fn unit_in(cell: &str) -> Option<String> {
    let folded = crate::text::fold(cell);
    (folded.starts_with("don vi") || folded.starts_with("unit"))
        .then(|| cell.split_once(':').map(|(_, u)| u.trim().to_owned()))
        .flatten()
}

/// Whether a row has a number in a column after the label.
fn has_values(row: &[String]) -> bool {
    row.iter()
        .skip(1)
        .any(|c| matches!(text::value_of(c), Cell::Number(_)))
}

pub fn read<S: Sink + ?Sized>(path: &Path, sha256: &str, sink: &mut S) -> Result<(), ReadError> {
    let file = super::display_name(path);
    let (encoding, first, records, crlf) = text::header_or_refuse(path)?;
    let mut rows: Vec<(u64, Vec<String>)> = vec![(1, first)];
    for record in records {
        let record = record.map_err(|e| ReadError::io(path, std::io::Error::other(e)))?;
        rows.push((
            text::line_of(&record, crlf, None),
            text::fields(&record, encoding),
        ));
    }
    let title_cell = rows[0]
        .1
        .iter()
        .find(|c| !c.trim().is_empty())
        .cloned()
        .unwrap_or_default();
    let title = title_cell.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((number, rest)) = number_after_word(&title) else {
        return Err(ReadError::refusal(path, Reason::NoHeader));
    };
    let Some(year) = year_in(&rest) else {
        return Err(ReadError::refusal(path, Reason::TableWithoutYear));
    };
    let Some(data_at) = rows
        .iter()
        .position(|(_, r)| r.first().is_some_and(|c| !c.trim().is_empty()) && has_values(r))
    else {
        return Err(ReadError::refusal(path, Reason::NoHeader));
    };
    let mut unit = String::new();
    let mut headers: Vec<&Vec<String>> = Vec::new();
    for (_, row) in &rows[1..data_at] {
        if let Some(u) = row.iter().find_map(|c| unit_in(c)) {
            unit = u;
            continue;
        }
        if row.iter().skip(1).any(|c| !c.trim().is_empty()) {
            headers.push(row);
        }
    }
    let width = rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    // Upper heading rows span the columns after them (merged cells arrive as one cell and
    // empty ones); the lowest row names its own column only.
    let mut paths: Vec<Vec<String>> = vec![Vec::new(); width];
    for (level, row) in headers.iter().enumerate() {
        let spans = level + 1 < headers.len();
        let mut current = String::new();
        for (i, path) in paths.iter_mut().enumerate().skip(1) {
            let cell = row.get(i).map(|c| c.trim()).unwrap_or("");
            if !cell.is_empty() {
                current = cell.to_owned();
            } else if !spans {
                current.clear();
            }
            if !current.is_empty() {
                path.push(current.clone());
            }
        }
    }
    let name = subject(&rest);
    // (column, indicator, subgroup, subgroup's name) of every column with values.
    let mut columns: Vec<(usize, String, String, String)> = Vec::new();
    let mut indicators: Vec<(String, String)> = Vec::new();
    for (i, path) in paths.iter().enumerate().skip(1) {
        if !rows[data_at..].iter().any(|(_, r)| {
            r.get(i)
                .is_some_and(|c| matches!(text::value_of(c), Cell::Number(_)))
        }) {
            continue;
        }
        let mut dims: Vec<(String, String, String)> = Vec::new();
        let mut other: Vec<String> = Vec::new();
        for part in path {
            match heading(part) {
                Heading::Total => {}
                Heading::Dimension(dim, code) => {
                    dims.push((dim.to_owned(), code.to_owned(), part.clone()));
                }
                Heading::Other(words) => other.push(words),
            }
        }
        // Headings that are not a subgroup name the column's indicator (`Tỷ số giới tính
        // (Nam/100 nữ)`); without any, the column is of the title's subject.
        let indicator = if other.is_empty() {
            name.clone()
        } else {
            other.join(" - ")
        };
        let column_unit = other
            .iter()
            .map(|p| text::unit_in_name(p))
            .find(|u| !u.is_empty())
            .unwrap_or_else(|| unit.clone());
        let (group, group_name) = super::sdmx_csv::subgroup(&dims);
        if !indicators.iter().any(|(i, _)| *i == indicator) {
            indicators.push((indicator.clone(), column_unit));
        }
        columns.push((i, indicator, group, group_name));
    }
    if indicators.len() == 1 {
        sink.single_indicator();
    }
    sink.source(source(&number, &title, sha256));
    for (indicator, unit) in &indicators {
        sink.indicator(IndicatorDraft {
            key: indicator.clone(),
            name: indicator.clone(),
            unit: unit.clone(),
            ..Default::default()
        });
    }
    for (line, row) in &rows[data_at..] {
        let label = row.first().map(|c| c.trim()).unwrap_or("");
        // Label rows ("Tỉnh, thành phố"), notes under the table: no values.
        if label.is_empty() || !has_values(row) {
            continue;
        }
        let area = super::px_web::area_name(label);
        for (i, indicator, group, group_name) in &columns {
            let raw = row.get(*i).cloned().unwrap_or_default();
            match text::value_of(&raw) {
                Cell::Missing => sink.missing(),
                Cell::NotANumber => sink.problem(Problem {
                    file: file.clone(),
                    line: *line,
                    column: Some(paths[*i].join(" / ")),
                    reason: text::not_a_number(&raw),
                    raw,
                }),
                Cell::Number(value) => {
                    let mut figure = RawFigure::by_name(
                        *line,
                        paths[*i].join(" / "),
                        indicator.clone(),
                        area.clone(),
                        year,
                        value,
                    );
                    figure.subgroup = group.clone();
                    figure.subgroup_name = group_name.clone();
                    sink.figure(figure).map_err(ReadError::stopped)?;
                }
            }
        }
    }
    Ok(())
}

/// The table as a source: the statistics office, its number and title.
fn source(number: &str, title: &str, sha256: &str) -> SourceDraft {
    SourceDraft {
        code: format!("GSO_{}", &sha256[..8.min(sha256.len())].to_uppercase()),
        short_name: "GSO".into(),
        publisher: "General Statistics Office of Viet Nam (GSO)".into(),
        title: title.to_owned(),
        edition: format!("{number}, file {}", &sha256[..12.min(sha256.len())]),
        published: String::new(),
        url: String::new(),
        citation: format!("General Statistics Office of Viet Nam. {title}."),
        licence: String::new(),
        file_sha256: sha256.to_owned(),
        language: Some(Language::Vietnamese),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_gives_the_table_its_subject_and_year() {
        let title = "Biểu 1. DÂN SỐ THEO THÀNH THỊ, NÔNG THÔN, GIỚI TÍNH, VÙNG KINH TẾ - XÃ HỘI \
                     VÀ TỈNH, THÀNH PHỐ, 01/4/2019";
        let (number, rest) = number_after_word(title).unwrap();
        assert_eq!(number, "Biểu 1");
        assert_eq!(subject(&rest), "Dân số");
        assert_eq!(year_in(&rest), Some(2019));
        assert!(is_title(&["Bieu 7. SỐ HỘ".into()]));
        assert!(!is_title(&["Country Name".into()]));
        assert_eq!(unit_in("Đơn vị: Người").as_deref(), Some("Người"));
    }

    #[test]
    fn headings_are_totals_sexes_residences_or_words() {
        assert_eq!(heading("Tổng số"), Heading::Total);
        assert_eq!(heading("Nữ"), Heading::Dimension("SEX", "F"));
        assert_eq!(heading("Thành thị"), Heading::Dimension("RESIDENCE", "U"));
        assert_eq!(
            heading("Tỷ số  giới tính"),
            Heading::Other("Tỷ số giới tính".into())
        );
    }
}
