//! Reading figures from files. One module per file format; no egui, no SQL.
//!
//! | module     | reads                                                            |
//! |------------|------------------------------------------------------------------|
//! | `long_csv` | Chiso's own long CSV: one figure per row, codes for every column |

pub mod long_csv;

use std::fmt;

/// A problem with one cell or row of an input file, located so a person can find it.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub file: String,
    /// 1-based line of the file where the record starts.
    pub line: u64,
    /// The column's name, when the problem is with one cell.
    pub column: Option<String>,
    pub raw: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, line {}", self.file, self.line)?;
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        if !self.raw.is_empty() {
            write!(f, ", value {:?}", self.raw)?;
        }
        write!(f, ": {}", self.reason)
    }
}

impl std::error::Error for Problem {}
