//! UNDP HDR composite indices CSV (wide), read as a file and by detection.
#![no_main]

use chiso::import::Format;
use chiso_fuzz::{clear, detect_and_read, put};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    clear();
    let path = put("HDR_composite_indices.csv", data);
    detect_and_read(&path, Format::UndpHdrCsv);
});
