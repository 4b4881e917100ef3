//! The General Statistics Office's PX-Web tables, saved as "semicolon delimited with heading":
//! a quoted title line (`"Under five mortality rate by province by Cities, provincies and
//! Year"`), an empty line, a header whose cells end with a year (`"2015"`, `"Prel. 2016"`,
//! `"Sơ bộ 2019"`, `"Crude birth rate 2005"`), then one row per area: the country, its regions
//! and its provinces, named and not coded.
//!
//! Areas are sent by name ([`RawFigure::by_name`]) for the store to match with and without
//! diacritics; the country row and the English edition's region names are given the names a
//! Chiso file knows them by (`Việt Nam`, `Đồng bằng sông Hồng`). A year marked preliminary is
//! provisional. When the header's cells carry an item before the year, each item is an
//! indicator; otherwise the table is one, named by its title.

use std::path::Path;

use super::text::{self, Cell};
use super::{
    IndicatorDraft, Problem, RawFigure, ReadError, Reason, Sink, SourceDraft, display_name,
};
use crate::model::{Language, Status};

/// Whether `head` (the first bytes of a file) looks like a PX-Web table: a quoted title alone
/// on the first line, and a `;`-separated header of year columns on one of the next lines.
pub fn looks_like(head: &[u8]) -> bool {
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = String::from_utf8_lossy(body);
    let mut lines = text.lines();
    let Some(title) = lines.next().map(str::trim) else {
        return false;
    };
    let quoted_alone = title.len() > 2
        && title.starts_with('"')
        && title.ends_with('"')
        && !title[1..title.len() - 1].contains('"');
    quoted_alone
        && lines.take(3).any(|line| {
            let cells: Vec<&str> = line.split(';').collect();
            cells.len() >= 2 && cells.iter().any(|c| header_year(c).is_some())
        })
}

/// A header cell's (item, year, provisional): `"Prel. 2016"` → ("", 2016, true),
/// `"Crude birth rate 2005"` → ("Crude birth rate", 2005, false).
fn header_year(cell: &str) -> Option<(String, i32, bool)> {
    let cell = cell.trim().trim_matches('"').trim();
    let (rest, year) = cell.rsplit_once(' ').unwrap_or(("", cell));
    let year = text::year_of(year)?;
    let rest = rest.trim();
    let (item, provisional) = ["Prel.", "Sơ bộ", "Sơ Bộ", "Prel"]
        .iter()
        .find_map(|mark| rest.strip_suffix(mark).map(|item| (item.trim(), true)))
        .unwrap_or((rest, false));
    Some((item.to_owned(), year, provisional))
}

/// The names a Chiso file knows the country and GSO's regions by, for the English edition's
/// labels (the Vietnamese edition's are these already).
const AREA_NAMES: &[(&str, &str)] = &[
    ("whole country", COUNTRY),
    ("ca nuoc", COUNTRY),
    ("toan quoc", COUNTRY),
    ("red river delta", "Đồng bằng sông Hồng"),
    (
        "northern midlands and mountain areas",
        "Trung du và miền núi phía Bắc",
    ),
    (
        "northern central area and central coastal area",
        "Bắc Trung Bộ và duyên hải miền Trung",
    ),
    ("central highlands", "Tây Nguyên"),
    ("south east", "Đông Nam Bộ"),
    ("mekong river delta", "Đồng bằng sông Cửu Long"),
];

/// The name the country's row is given.
const COUNTRY: &str = "Việt Nam";

/// Whether the table's dimensions, as its title ("… by Cities, provincies and Year") and its
/// label columns' headings name them, include places.
fn names_areas(title: &str, label_headings: &[String]) -> bool {
    const PLACES: &[&str] = &[
        "province",
        "provincies",
        "cities",
        "region",
        "dia phuong",
        "tinh, thanh pho",
        "tinh/thanh pho",
        "tinh, thanh",
        "thanh pho",
        "vung",
    ];
    let dimensions = title.split_once(" by ").map_or("", |(_, d)| d);
    std::iter::once(dimensions)
        .chain(label_headings.iter().map(String::as_str))
        .map(crate::text::fold)
        .any(|d| PLACES.iter().any(|p| d.contains(p)))
}

/// A group row's heading and the unit after its last " - ": `"Tổng số - Nghìn Người"` →
/// (`Tổng số`, `Nghìn Người`).
fn group_and_unit(label: &str) -> (String, String) {
    match label.rsplit_once(" - ") {
        Some((heading, unit)) => (heading.trim().to_owned(), unit.trim().to_owned()),
        None => (label.trim().to_owned(), String::new()),
    }
}

/// A table's footnotes, from the lines after its last row of values: `(*) Chưa kể cơ sở tư
/// nhân. (**) Số liệu năm 2019 …`, split over lines mid-sentence, as (marker, note).
struct Footnotes(Vec<(String, String)>);

fn footnotes(body: &[(u64, Vec<String>)], labels: usize) -> Footnotes {
    let last_values = body.iter().rposition(|(_, r)| r.len() > labels);
    let after = last_values.map_or(body, |i| &body[i + 1..]);
    let text = after
        .iter()
        .flat_map(|(_, r)| r.iter())
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut notes = Vec::new();
    let mut rest = text.as_str();
    while let Some((marker, at)) = next_marker(rest) {
        let body = &rest[at + marker.len()..];
        let end = next_marker(body).map_or(body.len(), |(_, i)| i);
        notes.push((marker.to_owned(), body[..end].trim().to_owned()));
        rest = &body[end..];
    }
    Footnotes(notes)
}

/// The first footnote marker in `text` (`(*)`, `(**)`…) and where it starts.
fn next_marker(text: &str) -> Option<(&str, usize)> {
    let mut from = 0;
    while let Some(open) = text[from..].find("(*").map(|i| i + from) {
        let stars = text[open + 1..].chars().take_while(|c| *c == '*').count();
        if text[open + 1 + stars..].starts_with(')') {
            return Some((&text[open..open + stars + 2], open));
        }
        from = open + 1;
    }
    None
}

/// `label` without its footnote markers, spaces made single.
fn without_markers(label: &str) -> String {
    let mut out = String::new();
    let mut rest = label;
    while let Some((marker, at)) = next_marker(rest) {
        out.push_str(&rest[..at]);
        out.push(' ');
        rest = &rest[at + marker.len()..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Footnotes {
    /// The notes whose markers the title, the indicator or the row carry, in the table's
    /// order: a figure keeps the caveats printed under it.
    fn for_labels(&self, labels: &[&str]) -> String {
        self.0
            .iter()
            .filter(|(marker, _)| {
                labels.iter().any(|l| {
                    let mut rest = *l;
                    while let Some((found, at)) = next_marker(rest) {
                        if found == marker {
                            return true;
                        }
                        rest = &rest[at + found.len()..];
                    }
                    false
                })
            })
            .map(|(marker, note)| format!("{marker} {note}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// An area's label as the table writes it, spaces made single; the country and the regions
/// under the names a Chiso file gives them.
pub(super) fn area_name(label: &str) -> String {
    let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
    let folded = crate::text::fold(&label);
    AREA_NAMES
        .iter()
        .find(|(gso, _)| *gso == folded)
        .map_or(label, |(_, name)| (*name).to_owned())
}

pub fn read<S: Sink + ?Sized>(path: &Path, sha256: &str, sink: &mut S) -> Result<(), ReadError> {
    let file = display_name(path);
    let head = text::head_of(path).map_err(|e| ReadError::io(path, e))?;
    let encoding = text::sniff_encoding(&head);
    let crlf = text::crlf(&head);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(b';')
        .from_path(path)
        .map_err(|e| ReadError::io(path, std::io::Error::other(e)))?;
    let mut record = csv::ByteRecord::new();
    let mut rows: Vec<(u64, Vec<String>)> = Vec::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                sink.problem(Problem {
                    file: file.clone(),
                    line: e.position().map_or(0, |p| p.line()),
                    column: None,
                    raw: String::new(),
                    reason: Reason::BadCsv(e.to_string()),
                });
                break;
            }
        }
        let line = text::line_of(&record, crlf, None);
        rows.push((line, text::fields(&record, encoding)));
    }
    let title = rows
        .first()
        .map(|(_, r)| r.join(";").trim().to_owned())
        .unwrap_or_default();
    let Some(header_at) = rows.iter().position(|(_, r)| {
        r.iter().filter(|c| header_year(c).is_some()).count() >= 1 && r.len() >= 2
    }) else {
        return Err(ReadError::refusal(path, Reason::NoHeader));
    };
    let header = &rows[header_at].1;
    // (column, item, year, provisional) of every value column.
    let columns: Vec<(usize, String, i32, bool)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, c)| header_year(c).map(|(item, y, p)| (i, item, y, p)))
        .collect();
    let labels = columns.first().map_or(1, |(i, ..)| *i).max(1);
    // "Under five mortality rate by province by …": the indicator is before the first " by ".
    let name = title
        .split(" by ")
        .next()
        .unwrap_or(&title)
        .trim_end_matches("(*)")
        .trim()
        .to_owned();
    let body = &rows[header_at + 1..];
    let notes = footnotes(body, labels);
    // A table by province names its areas in its rows; a national table (GSO's health
    // workforce: "by Cách tính, Cán bộ and Năm") names categories there, under group rows
    // that carry their unit ("Tổng số - Nghìn Người"), and its figures are the country's.
    let by_area = names_areas(&title, &header[..labels.min(header.len())])
        || body
            .iter()
            .any(|(_, r)| r.first().is_some_and(|c| area_name(c) == COUNTRY));
    let mut group: Option<(String, String)> = None;
    // (line, row, indicator, area) of every row with values, in the file's order.
    let mut data: Vec<(u64, &Vec<String>, String, String)> = Vec::new();
    let mut items: Vec<(String, String)> = Vec::new();
    fn want(key: String, unit: String, items: &mut Vec<(String, String)>) {
        if !items.iter().any(|(k, _)| *k == key) {
            items.push((key, unit));
        }
    }
    for (line, row) in body {
        let label = row[..labels.min(row.len())]
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if label.is_empty() {
            continue;
        }
        // A row without a value cell: a group's heading, a footnote's line.
        if row.len() <= labels {
            if !by_area {
                group = Some(group_and_unit(&label));
            }
            continue;
        }
        if by_area {
            data.push((*line, row, String::new(), area_name(&label)));
            for (_, item, ..) in &columns {
                let item = if item.is_empty() { &name } else { item };
                want(item.clone(), text::unit_in_name(item), &mut items);
            }
        } else {
            // The markers stay with the footnotes they point to, out of the name.
            let label = without_markers(&label);
            let (key, unit) = match &group {
                Some((heading, unit)) => (format!("{name}, {heading}: {label}"), unit.clone()),
                None => (format!("{name}: {label}"), String::new()),
            };
            // A row in another unit says so at its end: "… cho 1 vạn dân (Người)".
            let unit = Some(text::unit_in_name(&label))
                .filter(|u| !u.is_empty() && !u.chars().all(|c| c == '*'))
                .unwrap_or(unit);
            want(key.clone(), unit, &mut items);
            data.push((*line, row, key, COUNTRY.to_owned()));
        }
    }
    if items.len() == 1 {
        sink.single_indicator();
    }
    sink.source(source(path, &title, &name, sha256));
    for (item, unit) in &items {
        sink.indicator(IndicatorDraft {
            key: item.clone(),
            name: item.clone(),
            unit: unit.clone(),
            ..Default::default()
        });
    }
    for (line, row, row_indicator, area) in data {
        for (i, item, year, provisional) in &columns {
            let raw = row.get(*i).cloned().unwrap_or_default();
            let indicator = match (by_area, item.is_empty()) {
                (false, _) => &row_indicator,
                (true, true) => &name,
                (true, false) => item,
            };
            match text::value_of(&raw) {
                Cell::Missing => sink.missing(),
                Cell::NotANumber => sink.problem(Problem {
                    file: file.clone(),
                    line,
                    column: Some(header[*i].clone()),
                    reason: text::not_a_number(&raw),
                    raw,
                }),
                Cell::Number(value) => {
                    let mut figure = RawFigure::by_name(
                        line,
                        header[*i].clone(),
                        indicator.clone(),
                        area.clone(),
                        *year,
                        value,
                    );
                    if *provisional {
                        figure.status = Status::Provisional;
                    }
                    figure.footnote = notes.for_labels(&[&title, indicator, &row.join(" ")]);
                    sink.figure(figure).map_err(ReadError::stopped)?;
                }
            }
        }
    }
    Ok(())
}

/// The table as a source: GSO, its title, the file's fingerprint (PX-Web exports carry no
/// date). A title with Vietnamese letters is the Vietnamese edition: its names are Vietnamese.
fn source(path: &Path, title: &str, name: &str, sha256: &str) -> SourceDraft {
    // The English edition's titles are plain ASCII; the Vietnamese edition's have diacritics.
    let vietnamese = !title.is_ascii();
    SourceDraft {
        code: format!("GSO_{}", &sha256[..8.min(sha256.len())].to_uppercase()),
        short_name: "GSO PX-Web".into(),
        publisher: "General Statistics Office of Viet Nam (GSO)".into(),
        title: if name.is_empty() {
            display_name(path)
        } else {
            name.to_owned()
        },
        edition: format!(
            "PX-Web table \"{title}\", file {}",
            &sha256[..12.min(sha256.len())]
        ),
        published: String::new(),
        url: String::new(),
        citation: format!("General Statistics Office of Viet Nam. \"{title}\" (PX-Web table)."),
        licence: String::new(),
        file_sha256: sha256.to_owned(),
        language: vietnamese.then_some(Language::Vietnamese),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_cells_give_item_year_and_preliminary() {
        assert_eq!(header_year("\"2015\""), Some((String::new(), 2015, false)));
        assert_eq!(header_year("Prel. 2016"), Some((String::new(), 2016, true)));
        assert_eq!(header_year("Sơ bộ 2019"), Some((String::new(), 2019, true)));
        assert_eq!(
            header_year("Crude birth rate Prel. 2016"),
            Some(("Crude birth rate".into(), 2016, true))
        );
        assert_eq!(header_year("Cities, provincies"), None);
    }

    #[test]
    fn the_country_and_regions_get_the_names_a_chiso_file_has() {
        assert_eq!(area_name(" WHOLE COUNTRY"), "Việt Nam");
        assert_eq!(area_name("Red River Delta"), "Đồng bằng sông Hồng");
        assert_eq!(area_name("Thai  Nguyen"), "Thai Nguyen");
    }

    #[test]
    fn a_table_by_province_is_told_from_a_national_one() {
        let none: [String; 0] = [];
        assert!(names_areas(
            "Under five mortality rate by province by Cities, provincies and Year",
            &none
        ));
        assert!(!names_areas(
            "Số nhân lực y tế(*) by Cách tính, Cán bộ and Năm",
            &[" ".into(), " ".into()]
        ));
        assert!(names_areas("Dân số by Tỉnh, thành phố and Năm", &none));
    }

    #[test]
    fn footnotes_split_over_lines_go_to_the_figures_they_mark() {
        let body: Vec<(u64, Vec<String>)> = vec![
            (4, vec![" ".into(), "Bác sĩ (**)".into(), "74.4".into()]),
            (
                5,
                vec!["(*) Chưa kể cơ sở tư nhân. (**) Số liệu năm 2019 không bao gồm ".into()],
            ),
            (6, vec!["số bác sĩ thuộc tuyến Trung ương.".into()]),
        ];
        let notes = footnotes(&body, 2);
        assert_eq!(
            notes.for_labels(&["Số nhân lực y tế(*)", "Bác sĩ (**)"]),
            "(*) Chưa kể cơ sở tư nhân. (**) Số liệu năm 2019 không bao gồm số bác sĩ thuộc \
             tuyến Trung ương."
        );
        assert_eq!(notes.for_labels(&["Y sĩ"]), "");
        assert_eq!(
            without_markers("Cán bộ ngành dược (***)- Dược tá"),
            "Cán bộ ngành dược - Dược tá"
        );
        assert_eq!(
            group_and_unit("Chỉ số phát triển (Năm trước = 100) - %"),
            ("Chỉ số phát triển (Năm trước = 100)".into(), "%".into())
        );
    }
}
