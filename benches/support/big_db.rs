//! The generated million-figure database the scale benchmarks share, made once and kept in
//! `target/bench-data/` (generating it takes about ten seconds).

use std::path::PathBuf;

use chiso::store::generate::{GenerateOptions, generate};

pub const OBSERVATIONS: u64 = 1_000_000;

/// The path of the generated file, generating it the first time.
pub fn big_db() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("bench data folder");
    let path = dir.join(format!("gen-{OBSERVATIONS}.db"));
    if !path.exists() {
        let partial = dir.join(format!("gen-{OBSERVATIONS}.db.partial"));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
        }
        let options = GenerateOptions {
            observations: OBSERVATIONS,
            ..GenerateOptions::default()
        };
        generate(&partial, &options).expect("generate the benchmark database");
        std::fs::rename(&partial, &path).expect("move the benchmark database into place");
    }
    path
}
