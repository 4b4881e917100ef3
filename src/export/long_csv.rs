//! Writing Chiso's long CSV: one figure per row with every column of
//! [`LONG_CSV_COLUMNS`], so that a file written here can fill an empty database.

use std::io::Write;

use crate::model::draft::LONG_CSV_COLUMNS as COLUMNS;

/// Writes Chiso's long CSV with every column of [`LONG_CSV_COLUMNS`](crate::model::draft::LONG_CSV_COLUMNS).
pub struct Writer<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W) -> std::io::Result<Writer<W>> {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(COLUMNS)?;
        Ok(Writer { csv })
    }

    /// Writes one row, in [`LONG_CSV_COLUMNS`](crate::model::draft::LONG_CSV_COLUMNS) order. Text that a spreadsheet would run as a formula
    /// gets a leading apostrophe; the value is written as a number at full precision.
    pub fn row(&mut self, cells: &[&str; 24], value_index_is_number: bool) -> std::io::Result<()> {
        let safe: Vec<std::borrow::Cow<str>> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 4 && value_index_is_number {
                    std::borrow::Cow::Borrowed(*c)
                } else {
                    spreadsheet_safe(c)
                }
            })
            .collect();
        self.csv.write_record(safe.iter().map(|c| c.as_bytes()))?;
        Ok(())
    }

    pub fn finish(mut self) -> std::io::Result<W> {
        self.csv.flush()?;
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// Text that a spreadsheet would run as a formula gets a leading apostrophe, which
/// spreadsheets show as plain text; the reader takes it off again (see
/// [`crate::text::needs_apostrophe`]).
pub fn spreadsheet_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if crate::text::needs_apostrophe(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(spreadsheet_safe("=1+1"), "'=1+1");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("Hà Giang"), "Hà Giang");
        // After spaces too, and an apostrophe of the text's own is kept by doubling it.
        assert_eq!(spreadsheet_safe(" =1+1"), "' =1+1");
        assert_eq!(spreadsheet_safe("'=already"), "''=already");
        assert_eq!(spreadsheet_safe("it's"), "it's");
    }
}
