//! Chiso with a million figures (`chiso gen-sample`): what a user waits for when opening the
//! file, and what `chiso list` and `chiso series` do. Run: `cargo bench --bench scale`.

#[path = "support/big_db.rs"]
mod support;

use chiso::store::Store;
use chiso::store::backup::Place;
use chiso::store::query::SeriesFilter;
use chiso::workspace::Workspace;
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let path = support::big_db();
    let mut group = c.benchmark_group("1M figures");
    // What the window does before its first frame: open the file, read the catalogue with
    // every headline figure and sparkline, and draw the first chart (all sources of the
    // headline series of the indicator it starts on).
    group.bench_function("open + catalogue + first chart", |b| {
        b.iter_custom(|iterations| {
            let mut timed = std::time::Duration::ZERO;
            for _ in 0..iterations {
                let started = std::time::Instant::now();
                let mut ws = Workspace::open(&path).expect("open");
                let first = ws
                    .catalogue()
                    .iter()
                    .max_by_key(|r| r.entry.chart_figures)
                    .map(|r| r.entry.indicator.code.clone())
                    .expect("an indicator");
                ws.select_indicator(&first).expect("chart");
                assert!(!ws.description().panels().is_empty());
                timed += started.elapsed();
                // The quick check the open started runs on beside the first frame; it is let
                // finish untimed, so that checks of earlier rounds do not pile up.
                while ws.checking_integrity() {
                    ws.poll_integrity();
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
            }
            timed
        })
    });
    let store = Store::open_read_only(&path).expect("open");
    group.bench_function("catalogue (chiso list)", |b| {
        b.iter(|| store.catalogue().expect("catalogue"))
    });
    group.bench_function(
        "series of one indicator, every area (chiso series, 5,000 figures)",
        |b| {
            b.iter(|| {
                store
                    .series("U5MR", &SeriesFilter::default())
                    .expect("series")
            })
        },
    );
    group.bench_function("one province's series", |b| {
        let filter = SeriesFilter {
            area: Some("VN-HG".into()),
            subgroup: Some("T".into()),
            source: None,
        };
        b.iter(|| store.series("U5MR", &filter).expect("series"))
    });
    // What a session's first write waits for (`chiso set`, the first edit in the window): the
    // quick check, then a backup with SQLite's online backup API into a fresh folder.
    group.bench_function("quick check (PRAGMA quick_check)", |b| {
        b.iter(|| chiso::store::integrity::quick_check_file(&path))
    });
    let folder = tempfile::tempdir().expect("a folder for the backups");
    let mut store = store;
    store.set_backup_place(&Place::Folder(folder.path().to_path_buf()));
    group.sample_size(10);
    group.bench_function("backup (online backup API, then rotation)", |b| {
        b.iter(|| store.back_up_now().expect("backup"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
