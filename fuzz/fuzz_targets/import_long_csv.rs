//! Chiso's own long CSV: read as a file (detection, then the reader), and as text through
//! `long_csv::parse`, the path the sample database is built by.
#![no_main]

use chiso::import::{Format, long_csv};
use chiso_fuzz::{clear, detect_and_read, put};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    clear();
    let path = put("figures.csv", data);
    detect_and_read(&path, Format::ChisoCsv);
    if let Ok(text) = std::str::from_utf8(data)
        && let Err(problem) = long_csv::parse("figures.csv", text)
    {
        let _ = problem.to_string();
    }
});
