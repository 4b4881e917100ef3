//! Bytes to text and text to numbers, the way publishers' files need.

pub use crate::model::units::{MAX_VALUE, conversion, symbol_of};
pub use crate::text::code_from;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::model::draft::{Problem, Reason, Sink};

/// The text encoding of a file, judged from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, strictly: invalid bytes are a problem to report.
    Utf8,
    /// UTF-8 as far as the first 64 KiB show, but without a BOM to prove it: a field that is
    /// not valid UTF-8 is read as Windows-1252 (a file whose first accented letter comes late).
    Utf8OrWindows1252,
    /// Windows-1252 (a superset of Latin-1), as UNDP's files are.
    Windows1252,
}

/// How many bytes are looked at to judge the encoding.
const SNIFF_BYTES: usize = 1 << 16;

/// UTF-8 with a BOM; Windows-1252 when the first 64 KiB are not UTF-8; otherwise UTF-8 with
/// Windows-1252 for any field that turns out not to be UTF-8. A file of UTF-8 letters with a
/// stray byte or two among them is UTF-8 with those bytes wrong, not Windows-1252: read so,
/// every Vietnamese name in it would be garbled.
pub fn sniff_encoding(head: &[u8]) -> Encoding {
    if head.starts_with(b"\xEF\xBB\xBF") {
        return Encoding::Utf8;
    }
    let (letters, stray) = utf8_letters_and_stray_bytes(head);
    match stray {
        0 => Encoding::Utf8OrWindows1252,
        // Windows-1252 text almost never makes a valid UTF-8 sequence; UTF-8 text has many.
        n if letters >= 4 * n => Encoding::Utf8,
        _ => Encoding::Windows1252,
    }
}

/// How many characters beyond ASCII `bytes` holds as valid UTF-8, and how many bytes are not
/// UTF-8 (a character cut at the end is neither).
fn utf8_letters_and_stray_bytes(mut bytes: &[u8]) -> (usize, usize) {
    let wide = |s: &str| s.chars().filter(|c| !c.is_ascii()).count();
    let (mut letters, mut stray) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => return (letters + wide(text), stray),
            Err(e) => {
                let (good, rest) = bytes.split_at(e.valid_up_to());
                letters += wide(std::str::from_utf8(good).unwrap_or_default());
                let Some(n) = e.error_len() else {
                    return (letters, stray);
                };
                stray += 1;
                bytes = &rest[n..];
            }
        }
    }
}

/// The first byte of `bytes` that is not UTF-8, to name in a problem.
pub fn first_stray_byte(bytes: &[u8]) -> Option<u8> {
    match std::str::from_utf8(bytes) {
        Ok(_) => None,
        Err(e) => bytes.get(e.valid_up_to()).copied(),
    }
}

/// The first bytes of a file, for sniffing.
pub fn head_of(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    File::open(path)?
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)?;
    Ok(head)
}

/// Decodes one field. Invalid UTF-8 in a UTF-8 file is replaced (U+FFFD) and reported as
/// `Err` with the replaced text, so the caller can name the cell.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match encoding {
        Encoding::Utf8 => match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_owned()),
            Err(_) => Err(String::from_utf8_lossy(bytes).into_owned()),
        },
        Encoding::Utf8OrWindows1252 => match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_owned()),
            Err(_) => Ok(windows_1252(bytes)),
        },
        Encoding::Windows1252 => Ok(windows_1252(bytes)),
    }
}

fn windows_1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// Whether a file's lines end in CR LF, judged from its first line break.
pub fn crlf(head: &[u8]) -> bool {
    head.iter()
        .position(|b| *b == b'\n')
        .is_some_and(|i| i > 0 && head[i - 1] == b'\r')
}

/// The 1-based line where `record` starts. The CSV parser places a record where it began
/// reading: before the blank and comment lines it skipped and, in a CR LF file, before the LF
/// that ended the previous record. `line_after`, the parser's line once the record is read
/// (when the caller has the reader), counts back from the record's end instead; a file with
/// bare CR line ends is one line to the parser, so its records are counted.
pub fn line_of(record: &csv::ByteRecord, crlf: bool, line_after: Option<u64>) -> u64 {
    let Some(p) = record.position() else {
        return 0;
    };
    let behind = u64::from(crlf && p.record() > 0);
    let from_end = line_after.map_or(0, |after| {
        let inner = record.iter().flatten().filter(|b| **b == b'\n').count() as u64;
        // A CR LF record's LF is read with the next record: its end line is its last line.
        (after + u64::from(crlf)).saturating_sub(1 + inner)
    });
    (p.line() + behind).max(from_end).max(p.record() + 1)
}

/// Field `i` of a record, decoded (invalid bytes replaced) and trimmed; empty if absent.
pub fn field(record: &csv::ByteRecord, i: usize, encoding: Encoding) -> String {
    record
        .get(i)
        .map(|b| {
            decode(b, encoding)
                .unwrap_or_else(|lossy| lossy)
                .trim()
                .to_owned()
        })
        .unwrap_or_default()
}

/// Every field of a record, as [`field`] reads them.
pub fn fields(record: &csv::ByteRecord, encoding: Encoding) -> Vec<String> {
    (0..record.len())
        .map(|i| field(record, i, encoding))
        .collect()
}

/// The rows of a CSV file after its header, read as they come.
pub type Records = csv::ByteRecordsIntoIter<BufReader<File>>;

/// The next row of `records`, or `None` at the end or at a row the CSV reader cannot read,
/// which goes to `sink` as a problem of `file`: past a broken row, the rest cannot be trusted
/// to line up with the header.
pub fn next_row<S: super::Sink + ?Sized>(
    records: &mut Records,
    file: &str,
    sink: &mut S,
) -> Option<csv::ByteRecord> {
    match records.next()? {
        Ok(record) => Some(record),
        Err(e) => {
            sink.problem(super::Problem::bad_csv(file, &e));
            None
        }
    }
}

/// A file's encoding, its first row decoded, and an iterator over the rest: what a wide or
/// grapher CSV starts with. `None` for the header when the file has no first row.
pub fn with_header(path: &Path) -> std::io::Result<(Encoding, Option<Vec<String>>, Records)> {
    let encoding = sniff_encoding(&head_of(path)?);
    let mut records = csv_reader(path)?.into_byte_records();
    let header = match records.next() {
        Some(Ok(r)) => Some(fields(&r, encoding)),
        _ => None,
    };
    Ok((encoding, header, records))
}

/// A row's line in the file, and the reading's progress told every 256 rows (where the sink
/// may ask to stop).
pub fn row_line<S: Sink + ?Sized>(
    record: &csv::ByteRecord,
    crlf: bool,
    sink: &mut S,
) -> Result<u64, super::ReadError> {
    let line = line_of(record, crlf, None);
    if line.is_multiple_of(256) {
        sink.progress(record.position().map_or(0, |p| p.byte()))
            .map_err(super::ReadError::stopped)?;
    }
    Ok(line)
}

/// [`with_header`] for a reader that cannot go on without a header: the file's encoding,
/// header, rows and whether it ends lines with CR LF, or the refusal of a file without a row.
pub fn header_or_refuse(
    path: &Path,
) -> Result<(Encoding, Vec<String>, Records, bool), super::ReadError> {
    let (encoding, header, records) =
        with_header(path).map_err(|e| super::ReadError::io(path, e))?;
    let crlf = head_of(path).is_ok_and(|h| crlf(&h));
    match header {
        Some(header) => Ok((encoding, header, records, crlf)),
        None => Err(super::ReadError::refusal(path, Reason::NoHeader)),
    }
}

/// The file as JSON (a UTF-8 BOM allowed), or the parser's reason with its line.
pub fn read_json(path: &Path) -> Result<serde_json::Value, super::ReadError> {
    let bytes = std::fs::read(path).map_err(|e| super::ReadError::io(path, e))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    serde_json::from_slice(bytes).map_err(|e| {
        super::ReadError::Problem(Problem {
            file: super::display_name(path),
            line: e.line() as u64,
            column: None,
            raw: String::new(),
            reason: Reason::BadJson(e.to_string()),
        })
    })
}

/// Whether the file's column `at` holds one value only (empty cells aside): a first pass that
/// tells a file of one indicator from a file of several.
pub fn one_value_in(path: &Path, at: usize) -> Result<bool, super::ReadError> {
    let (encoding, _, records, _) = header_or_refuse(path)?;
    let mut first: Option<String> = None;
    for record in records.map_while(Result::ok) {
        let value = field(&record, at, encoding);
        if value.is_empty() {
            continue;
        }
        match &first {
            None => first = Some(value),
            Some(f) if *f != value => return Ok(false),
            Some(_) => {}
        }
    }
    Ok(first.is_some())
}

/// Where a cell is, and whose figure it would give: what a problem with it names, and what
/// decides whether it is a problem at all (see [`bad`]).
pub struct At<'a> {
    pub file: &'a str,
    pub line: u64,
    pub column: &'a str,
    pub indicator: Option<&'a str>,
    pub area: &'a str,
}

impl At<'_> {
    /// The problem of the cell holding `raw`, or only its count when nobody chose its figure.
    pub fn bad<S: Sink + ?Sized>(&self, sink: &mut S, raw: &str, reason: Reason) {
        let problem = Problem {
            file: self.file.to_owned(),
            line: self.line,
            column: Some(self.column.to_owned()),
            raw: raw.to_owned(),
            reason,
        };
        bad(sink, self.indicator, self.area, problem);
    }

    /// The number in a value cell; a missing one counted, a bad one reported.
    /// The cell is only copied when it is reported, so a wide file's cells cost no allocation.
    pub fn number<S: Sink + ?Sized>(&self, sink: &mut S, raw: &str) -> Option<f64> {
        match value_of(raw) {
            Cell::Missing => {
                sink.missing();
                None
            }
            Cell::NotANumber => {
                self.bad(sink, raw, not_a_number(raw));
                None
            }
            Cell::Number(v) => Some(v),
        }
    }

    /// The year in a year cell; a bad one reported.
    pub fn year<S: Sink + ?Sized>(&self, sink: &mut S, raw: &str) -> Option<i32> {
        let year = year_of(raw);
        if year.is_none() {
            self.bad(sink, raw, Reason::NotAYear);
        }
        year
    }
}

/// A CSV reader over a file, streaming, accepting rows of any length and any line ending.
pub fn csv_reader(path: &Path) -> std::io::Result<csv::Reader<BufReader<File>>> {
    let file = File::open(path)?;
    Ok(csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(BufReader::with_capacity(1 << 16, file)))
}

/// What a value cell holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Missing,
    Number(f64),
    NotANumber,
}

/// Reads a value: empty, `..`, `…`, `""`, `null`, `NA`, `n/a`, `NaN` and `-` are missing
/// (publishers write all of them for "no figure"); scientific notation is accepted; infinity
/// is not a number.
pub fn value_of(raw: &str) -> Cell {
    let t = raw.trim();
    let t = t
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(t)
        .trim();
    if t.is_empty()
        || matches!(
            t.to_ascii_lowercase().as_str(),
            ".." | "..." | "…" | "null" | "na" | "n/a" | "nan" | "-" | "–"
        )
    {
        return Cell::Missing;
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= MAX_VALUE && !underflows(t, v) => Cell::Number(v),
        _ => Cell::NotANumber,
    }
}

/// Whether `text`, read as `value`, lost its digits below the smallest normal double: `1e-400`
/// reads as 0, `4e-320` as a number of fewer digits. Neither is the figure the file holds.
fn underflows(text: &str, value: f64) -> bool {
    let mantissa = text.split(['e', 'E']).next().unwrap_or(text);
    let nonzero = mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b));
    nonzero && value.abs() < f64::MIN_POSITIVE
}

/// Cells past the header's `width` that are not empty, and, when two neighbouring cells from
/// column `values` on (where numbers start) read as one number split at a comma (`16`, `9` of
/// `16,9`), that number: the likeliest cause. `None` when the row ends within the header (or
/// only with empty cells).
pub fn past_header(
    record: &csv::ByteRecord,
    width: usize,
    values: usize,
) -> Option<(usize, Option<String>)> {
    let extra = record
        .iter()
        .skip(width)
        .filter(|cell| !cell.trim_ascii().is_empty())
        .count();
    if extra == 0 {
        return None;
    }
    let digits = |cell: &[u8]| {
        let cell = cell.trim_ascii();
        let cell = cell.strip_prefix(b"-").unwrap_or(cell);
        !cell.is_empty() && cell.iter().all(u8::is_ascii_digit)
    };
    let split = (values + 1..record.len()).find_map(|i| {
        let (left, right) = (record.get(i - 1)?, record.get(i)?);
        (digits(left) && digits(right) && !right.trim_ascii().starts_with(b"-")).then(|| {
            format!(
                "{},{}",
                String::from_utf8_lossy(left.trim_ascii()),
                String::from_utf8_lossy(right.trim_ascii())
            )
        })
    });
    Some((extra, split))
}

/// A bad cell or row: a problem when its figures would be taken, else only counted, so that
/// what the user did not choose never blocks an import.
pub fn bad<S: Sink + ?Sized>(sink: &mut S, indicator: Option<&str>, area: &str, problem: Problem) {
    if sink.wants(indicator, area) {
        sink.problem(problem);
    } else {
        sink.left_out_problem();
    }
}

/// Why a value cell that [`value_of`] calls [`Cell::NotANumber`] is refused.
pub fn not_a_number(raw: &str) -> Reason {
    let t = raw.trim().trim_matches('"').trim();
    match t.parse::<f64>() {
        Ok(v) if underflows(t, v) => Reason::TooSmall,
        Ok(v) if v.is_finite() => Reason::TooLarge,
        _ => Reason::NotANumber,
    }
}

/// A year column's name ("1990", "hdi_1990"'s suffix) as a year.
pub fn year_of(text: &str) -> Option<i32> {
    let t = text.trim();
    // 1000 to 9999, the years a Chiso file keeps: "0999" is not one.
    (t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) && !t.starts_with('0'))
        .then(|| t.parse().ok())
        .flatten()
}

/// SHA-256 of a file, in hex: the identity of an edition as downloaded.
pub fn sha256_of(path: &Path) -> std::io::Result<String> {
    let mut hasher = Sha256::new();
    let mut file = BufReader::with_capacity(1 << 16, File::open(path)?);
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// The unit in a World Bank indicator name: "Mortality rate, under-5 (per 1,000 live births)"
/// → "per 1,000 live births".
pub fn unit_in_name(name: &str) -> String {
    match (name.rfind('('), name.ends_with(')')) {
        (Some(open), true) => name[open + 1..name.len() - 1].trim().to_owned(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_missing_and_numbers() {
        assert_eq!(value_of(""), Cell::Missing);
        assert_eq!(value_of(".."), Cell::Missing);
        assert_eq!(value_of("\"\""), Cell::Missing);
        assert_eq!(value_of("null"), Cell::Missing);
        assert_eq!(value_of("1.5e3"), Cell::Number(1500.0));
        assert_eq!(value_of(" 0.766 "), Cell::Number(0.766));
        // Publishers write NaN for "no figure" (UNDP, pandas exports): missing, not a problem.
        for missing in ["NaN", "nan", "NA", "n/a", "-", "…", "..", "\"\""] {
            assert_eq!(value_of(missing), Cell::Missing, "{missing}");
        }
        assert_eq!(value_of("inf"), Cell::NotANumber);
        assert_eq!(value_of("abc"), Cell::NotANumber);
        assert_eq!(value_of("1e301"), Cell::NotANumber);
        assert_eq!(
            not_a_number("1e301").to_string(),
            "too large: Chiso keeps values between -1e300 and 1e300"
        );
        assert_eq!(not_a_number("1e999"), Reason::NotANumber);
        // Below the smallest normal double the digits are lost: a problem, never a 0.
        for tiny in ["1e-400", "-2.5E-330", "4e-320"] {
            assert_eq!(value_of(tiny), Cell::NotANumber, "{tiny}");
            assert_eq!(not_a_number(tiny), Reason::TooSmall, "{tiny}");
        }
        assert_eq!(value_of("0e-500"), Cell::Number(0.0));
        assert_eq!(value_of("1e-300"), Cell::Number(1e-300));
        assert_eq!(year_of("0999"), None);
        assert_eq!(year_of("1000"), Some(1000));
    }

    #[test]
    fn a_stray_byte_among_utf8_letters_keeps_the_file_utf8() {
        let text = "Hà Nội,Thừa Thiên Huế,Đắk Lắk\n".repeat(3);
        let mut bytes = text.into_bytes();
        bytes.extend_from_slice(b"B\xECnh D\xFFng\n");
        assert_eq!(sniff_encoding(&bytes), Encoding::Utf8);
        assert_eq!(first_stray_byte(b"B\xECnh"), Some(0xEC));
        // A Windows-1252 file with its accented letters is still one.
        assert_eq!(
            sniff_encoding(b"C\xF4te d'Ivoire,S\xE3o Tom\xE9\n"),
            Encoding::Windows1252
        );
    }

    #[test]
    fn cells_past_the_header_are_found_with_a_split_decimal_comma() {
        let record = |cells: &[&str]| csv::ByteRecord::from(cells.to_vec());
        assert_eq!(past_header(&record(&["U5MR", "2024", "16.9"]), 3, 2), None);
        assert_eq!(
            past_header(&record(&["U5MR", "2024", "16.9", " "]), 3, 2),
            None
        );
        // The year before the value is not half of a number.
        assert_eq!(
            past_header(&record(&["U5MR", "2024", "16", "9"]), 3, 2),
            Some((1, Some("16,9".to_owned())))
        );
        assert_eq!(
            past_header(&record(&["U5MR", "2024", "x", "y"]), 3, 2),
            Some((1, None))
        );
    }

    #[test]
    fn encodings_are_sniffed() {
        assert_eq!(
            sniff_encoding("Việt Nam".as_bytes()),
            Encoding::Utf8OrWindows1252
        );
        assert_eq!(
            decode(b"C\xF4te", Encoding::Utf8OrWindows1252).unwrap(),
            "Côte"
        );
        assert_eq!(sniff_encoding(b"C\xF4te d'Ivoire"), Encoding::Windows1252);
        assert_eq!(decode(b"C\xF4te", Encoding::Windows1252).unwrap(), "Côte");
        assert!(decode(b"C\xF4te", Encoding::Utf8).is_err());
        assert_eq!(decode(b"\xEF\xBB\xBFiso3", Encoding::Utf8).unwrap(), "iso3");
    }

    #[test]
    fn codes_units_and_conversions() {
        assert_eq!(code_from("SH.DYN.MORT"), "SH_DYN_MORT");
        assert_eq!(
            code_from("Human Development Index"),
            "HUMAN_DEVELOPMENT_INDEX"
        );
        assert_eq!(
            unit_in_name("Mortality rate, under-5 (per 1,000 live births)"),
            "per 1,000 live births"
        );
        assert_eq!(symbol_of("per 1,000 live births"), "‰");
        assert_eq!(symbol_of("% of population"), "%");
        assert_eq!(conversion("%", "‰"), Some(10.0));
        assert_eq!(conversion("%", "USD"), None);
    }
}
