//! Drawing the sample's under-five mortality chart (three sources, target and baseline) to
//! SVG and to a 1920×1080 PNG. Run: `cargo bench --bench export`.

use std::hint::black_box;

use chiso::export::{ExportOptions, png, svg};
use chiso::store::Store;
use chiso::workspace::sample;
use chiso::workspace::{ChartRequest, Workspace};
use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    sample::create_sample(&path).expect("sample");
    let mut ws = Workspace::new(Store::open(&path).expect("open")).expect("workspace");
    let request = ChartRequest {
        indicator: "U5MR".into(),
        ..Default::default()
    };
    let description = ws.chart_for(&request).expect("chart");
    let options = ExportOptions::default();
    let text = svg(&description, &options).expect("svg");
    c.bench_function("svg of U5MR, every source", |b| {
        b.iter(|| svg(black_box(&description), &options))
    });
    c.bench_function("rasterise 1920x1080", |b| {
        b.iter(|| png::rgba(black_box(&text), 1.0))
    });
    c.bench_function("png of U5MR 1920x1080 (rasterise + encode)", |b| {
        b.iter(|| png::png(black_box(&text), 1.0))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
