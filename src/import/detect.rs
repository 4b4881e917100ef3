//! Which format a file is, judged from its content, not its name.

use std::path::Path;

use super::text::{self, Encoding};
use super::{ReadError, display_name};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    ChisoCsv,
    WdiCsv,
    WbApiJson,
    UndpHdrCsv,
    OwidCsv,
    PxWebCsv,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::ChisoCsv => "Chiso long CSV",
            Format::WdiCsv => "World Bank WDI bulk CSV",
            Format::WbApiJson => "World Bank API v2 JSON",
            Format::UndpHdrCsv => "UNDP HDR composite indices CSV",
            Format::OwidCsv => "Our World in Data grapher CSV",
            Format::PxWebCsv => "GSO PX-Web table (semicolon-separated)",
        }
    }
}

/// The first header-like rows of a CSV file, decoded: the header of most formats is among them.
fn first_rows(head: &[u8], encoding: Encoding) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(head);
    reader
        .byte_records()
        .take(8)
        .map_while(Result::ok)
        .map(|r| {
            r.iter()
                .map(|f| {
                    text::decode(f, encoding)
                        .unwrap_or_else(|lossy| lossy)
                        .trim()
                        .to_owned()
                })
                .collect()
        })
        .collect()
}

pub fn detect(path: &Path) -> Result<Format, ReadError> {
    let unknown = |detail: String| ReadError::UnknownFormat {
        path: display_name(path),
        detail,
    };
    let meta = std::fs::metadata(path).map_err(|e| ReadError::io(path, e))?;
    if meta.is_dir() {
        return Err(ReadError::Unreadable {
            path: display_name(path),
            detail: "is a folder, not a file".into(),
        });
    }
    // A pipe would be read until its writer closes it (perhaps never), a device such as
    // /dev/zero for ever.
    if !meta.is_file() {
        return Err(ReadError::Unreadable {
            path: display_name(path),
            detail: "is not a regular file (a pipe, socket or device): save the figures to a \
                     file and import that"
                .into(),
        });
    }
    let head = text::head_of(path).map_err(|e| ReadError::io(path, e))?;
    if head.is_empty() {
        return Err(unknown("the file is empty".into()));
    }
    let body = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&head);
    if let Some(first) = body.iter().find(|b| !b.is_ascii_whitespace())
        && (*first == b'[' || *first == b'{')
    {
        return Ok(Format::WbApiJson);
    }
    if head.starts_with(b"SQLite format 3\0") {
        return Err(unknown(
            "it is a SQLite database; open it with File, Open… instead".into(),
        ));
    }
    const PACKED: &[(&[u8], &str)] = &[
        (b"\x1F\x8B", "it is gzip-compressed; unpack it first"),
        (
            b"PK\x03\x04",
            "it is a ZIP archive (or an .xlsx workbook); unpack it, or save the sheet as CSV",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "it is an old Excel (.xls) workbook; save the sheet as CSV",
        ),
        (b"%PDF", "it is a PDF document"),
        (b"\x89PNG", "it is a PNG image"),
    ];
    if let Some((_, what)) = PACKED.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Err(unknown((*what).to_owned()));
    }
    if head.iter().take(4096).filter(|b| **b == 0).count() > 0 {
        return Err(unknown("it is a binary file, not text".into()));
    }
    if super::px_web::looks_like(&head) {
        return Ok(Format::PxWebCsv);
    }
    let rows = first_rows(&head, text::sniff_encoding(&head));
    for row in &rows {
        let has = |name: &str| row.iter().any(|c| c.eq_ignore_ascii_case(name));
        if has("Country Name") && has("Country Code") {
            return Ok(Format::WdiCsv);
        }
        if row
            .first()
            .is_some_and(|c| c.eq_ignore_ascii_case("Data Source"))
        {
            return Ok(Format::WdiCsv);
        }
        if has("iso3")
            && row.iter().any(|c| {
                c.rsplit_once('_')
                    .is_some_and(|(_, y)| text::year_of(y).is_some())
            })
        {
            return Ok(Format::UndpHdrCsv);
        }
        if row.len() >= 4
            && row[0] == "Entity"
            && row[1] == "Code"
            && (row[2] == "Year" || row[2] == "Day")
        {
            return Ok(Format::OwidCsv);
        }
        if has("indicator") && has("area") && has("value") && has("source") {
            return Ok(Format::ChisoCsv);
        }
    }
    let first: String = rows
        .first()
        .map(|r| r.iter().take(6).cloned().collect::<Vec<_>>().join(","))
        .unwrap_or_default();
    Err(unknown(format!("its first row is {first:?}")))
}
