//! World Bank WDI bulk CSV, with its Metadata_Country_ file after the side-file marker.
#![no_main]

use chiso::import::Format;
use chiso_fuzz::{clear, detect_and_read, put, split_side};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    clear();
    let (data, side) = split_side(data);
    let path = put("API_FUZZ_DS2_en_csv_v2_1.csv", data);
    if let Some(side) = side {
        put("Metadata_Country_API_FUZZ_DS2_en_csv_v2_1.csv", side);
    }
    detect_and_read(&path, Format::WdiCsv);
});
