//! A whole import into a Chiso database: detection, the reader, and the store's side
//! (matching codes, units, sources, creating indicators and areas), as a dry run into the
//! sample database, made once per process. The first byte chooses the options and the file
//! name; the rest is the file, with an optional side file after the side-file marker.
#![no_main]

use std::sync::Mutex;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use chiso::store::Store;
use chiso::store::import::{ImportOptions, Progress};
use chiso_fuzz::{Collect, clear, put, split_side, workdir};
use libfuzzer_sys::fuzz_target;

fn store() -> &'static Mutex<Store> {
    static STORE: OnceLock<Mutex<Store>> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = workdir().join("db");
        std::fs::create_dir_all(&dir).expect("cannot make the database folder");
        let store = chiso::workspace::sample::create_sample(&dir.join("sample.sqlite"))
            .expect("cannot build the sample database");
        Mutex::new(store)
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, data)) = data.split_first() else {
        return;
    };
    let mut store = store().lock().unwrap_or_else(|e| e.into_inner());
    clear();
    let (data, side) = split_side(data);
    let (name, side_name) = match flags >> 6 {
        0 => ("figures.csv", "figures.metadata.json"),
        1 => (
            "API_FUZZ_DS2_en_csv_v2_1.csv",
            "Metadata_Country_API_FUZZ_DS2_en_csv_v2_1.csv",
        ),
        2 => ("grapher.csv", "grapher.metadata.json"),
        _ => ("api.json", "other.metadata.json"),
    };
    let path = put(name, data);
    if let Some(side) = side {
        put(side_name, side);
    }

    // What the file holds, to choose it all as a user choosing every row would.
    let mut seen = Collect::default();
    let _ = chiso::import::read(&path, &mut seen);
    let keys: Vec<String> = seen.indicators.iter().map(|i| i.key.clone()).collect();
    let mut areas: Vec<String> = seen.figures.iter().map(|f| f.area.clone()).collect();
    areas.sort();
    areas.dedup();

    let options = ImportOptions {
        areas: (flags & 0b1000 != 0).then_some(areas),
        indicators: (flags & 0b100 != 0).then(|| keys.clone()),
        mappings: if flags & 0b10000 != 0 {
            let to = if flags & 0b100000 != 0 { "HDI" } else { "U5MR" };
            keys.iter().map(|k| (k.clone(), to.to_owned())).collect()
        } else {
            Vec::new()
        },
        replace: flags & 0b1 != 0,
        dry_run: true,
        skip_problems: flags & 0b10 != 0,
    };

    static RUNS: AtomicU64 = AtomicU64::new(0);
    let check = RUNS.fetch_add(1, Ordering::Relaxed).is_multiple_of(64);
    let before = check.then(|| store.summary().expect("summary of the sample").counts);
    match store.import(&chiso::import::Readers, &[path], &options, "fuzz", &Progress::default()) {
        Ok(report) => {
            assert!(!report.committed, "a dry run committed");
            for problem in &report.problems {
                let _ = problem.to_string();
            }
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
    if let Some(before) = before {
        let after = store.summary().expect("summary of the sample").counts;
        assert_eq!(before, after, "a dry run changed the database");
    }
});
