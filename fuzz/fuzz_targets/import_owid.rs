//! Our World in Data grapher CSV, with its .metadata.json after the side-file marker.
#![no_main]

use chiso::import::Format;
use chiso_fuzz::{clear, detect_and_read, put, split_side};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    clear();
    let (data, side) = split_side(data);
    let path = put("grapher.csv", data);
    if let Some(side) = side {
        put("grapher.metadata.json", side);
    }
    detect_and_read(&path, Format::OwidCsv);
});
