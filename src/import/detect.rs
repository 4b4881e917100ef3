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
    SdmxCsv,
    WhoGhoCsv,
    WhoGhoJson,
    IlostatCsv,
    GsoTable,
    Workbook,
}

impl Format {
    pub const ALL: [Format; 12] = [
        Format::ChisoCsv,
        Format::WdiCsv,
        Format::WbApiJson,
        Format::UndpHdrCsv,
        Format::OwidCsv,
        Format::PxWebCsv,
        Format::SdmxCsv,
        Format::WhoGhoCsv,
        Format::WhoGhoJson,
        Format::IlostatCsv,
        Format::GsoTable,
        Format::Workbook,
    ];

    /// The format that [`Format::name`] names, for the window to word it in its language.
    pub fn named(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// A stable key, the end of the window's message id (`format-px-web`).
    pub fn key(self) -> &'static str {
        match self {
            Format::ChisoCsv => "chiso-csv",
            Format::WdiCsv => "wdi-csv",
            Format::WbApiJson => "wb-api-json",
            Format::UndpHdrCsv => "undp-hdr-csv",
            Format::OwidCsv => "owid-csv",
            Format::PxWebCsv => "px-web",
            Format::SdmxCsv => "sdmx-csv",
            Format::WhoGhoCsv => "who-gho-csv",
            Format::WhoGhoJson => "who-gho-json",
            Format::IlostatCsv => "ilostat-csv",
            Format::GsoTable => "gso-table",
            Format::Workbook => "workbook",
        }
    }

    /// The command line's English name.
    pub fn name(self) -> &'static str {
        match self {
            Format::ChisoCsv => "Chiso long CSV",
            Format::WdiCsv => "World Bank WDI bulk CSV",
            Format::WbApiJson => "World Bank API v2 JSON",
            Format::UndpHdrCsv => "UNDP HDR composite indices CSV",
            Format::OwidCsv => "Our World in Data grapher CSV",
            Format::PxWebCsv => "GSO PX-Web table (semicolon-separated)",
            Format::SdmxCsv => "SDMX-CSV",
            Format::WhoGhoCsv => "WHO GHO bulk CSV",
            Format::WhoGhoJson => "WHO GHO OData JSON",
            Format::IlostatCsv => "ILOSTAT CSV",
            Format::GsoTable => "GSO statistical table (Biểu)",
            Format::Workbook => "Excel or OpenDocument workbook",
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
        .map(|r| text::fields(&r, encoding))
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
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&[][..], |i| &body[i..]);
    let has = |needle: &str| {
        start
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    };
    // JSON: the World Bank API answers with a list whose first element is its paging (or
    // its error message); other JSON is named for what it is.
    if start.first() == Some(&b'[') && (has("\"page\"") || has("\"message\"")) {
        return Ok(Format::WbApiJson);
    }
    if start.first() == Some(&b'{') && has("\"@odata.context\"") {
        return Ok(Format::WhoGhoJson);
    }
    if matches!(start.first(), Some(b'[' | b'{')) {
        return Err(unknown(
            if has("\"columns\"") && has("\"chart\"") {
                "it is the metadata of an Our World in Data chart (.metadata.json); import the \
                 CSV beside it, and Chiso reads this file with it"
            } else {
                "it is a JSON file but not a World Bank API v2 response"
            }
            .into(),
        ));
    }
    if start.len() > 5
        && (start[..5].eq_ignore_ascii_case(b"<!doc") || start[..5].eq_ignore_ascii_case(b"<html"))
    {
        return Err(unknown(
            "it is a web page (HTML), not a data file; the site may have answered with an \
             error or a login page: download the data file itself"
                .into(),
        ));
    }
    if start.starts_with(b"<?xml") || start.starts_with(b"<") {
        return Err(unknown(
            if has("sdmx") || has("message:") {
                "it is SDMX-ML (XML); download the same data as SDMX-CSV"
            } else {
                "it is an XML file"
            }
            .into(),
        ));
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
            "it is a ZIP archive but not a workbook Chiso can open (a damaged .xlsx?); unpack it, \
             or save the sheet again",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "it is an Office file that is not a workbook Chiso can open; save the sheet as CSV",
        ),
        (b"%PDF", "it is a PDF document"),
        (b"\x89PNG", "it is a PNG image"),
    ];
    // A ZIP or an old Office file that opens as a workbook (.xlsx, .ods, .xls).
    if (head.starts_with(b"PK\x03\x04") || head.starts_with(b"\xD0\xCF\x11\xE0"))
        && super::workbook::opens(path)
    {
        return Ok(Format::Workbook);
    }
    if let Some((_, what)) = PACKED.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Err(unknown((*what).to_owned()));
    }
    // Excel's "Unicode Text" and Windows' "Unicode" are UTF-16: a BOM, or ASCII letters each
    // followed (or preceded) by a zero byte.
    let zeros_at = |parity: usize| {
        head.iter()
            .take(4096)
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let pairs = head.len().min(4096) / 2;
    if head.starts_with(b"\xFF\xFE")
        || head.starts_with(b"\xFE\xFF")
        || (pairs >= 4 && (zeros_at(0) * 10 >= pairs * 9 || zeros_at(1) * 10 >= pairs * 9))
    {
        return Err(unknown(
            "it is UTF-16 text (Excel's \"Unicode Text\"), and Chiso reads CSV in UTF-8: in \
             Excel choose Save As, \"CSV UTF-8 (Comma delimited)\"; in a text editor, save it \
             with the encoding UTF-8"
                .into(),
        ));
    }
    if head.iter().take(4096).filter(|b| **b == 0).count() > 0 {
        return Err(unknown("it is a binary file, not text".into()));
    }
    if super::px_web::looks_like(&head) {
        return Ok(Format::PxWebCsv);
    }
    let rows = first_rows(&head, text::sniff_encoding(&head));
    if rows.first().is_some_and(|r| super::gso_table::is_title(r)) {
        return Ok(Format::GsoTable);
    }
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
        if super::who_gho::is_header(row) {
            return Ok(Format::WhoGhoCsv);
        }
        if super::ilostat::is_header(row) {
            return Ok(Format::IlostatCsv);
        }
        if super::sdmx_csv::is_header(row) {
            return Ok(Format::SdmxCsv);
        }
        if has("indicator") && has("area") && has("value") && has("source") {
            return Ok(Format::ChisoCsv);
        }
    }
    // A line of a report stays readable: the first row is quoted cut, never whole.
    let first: String = rows
        .first()
        .map(|r| r.iter().take(6).cloned().collect::<Vec<_>>().join(","))
        .unwrap_or_default();
    let first = crate::text::clip(first, 80);
    Err(unknown(format!("its first row is {first:?}")))
}
