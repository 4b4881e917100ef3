//! One full egui frame of the dashboard: layout and tessellation-free UI pass through kittest,
//! no rendering. On the sample database, and on a generated million-figure file with and
//! without a catalogue filter typed. Run: `cargo bench --bench frame`.

#[path = "support/big_db.rs"]
mod support;

use std::path::PathBuf;

use chiso::ui::ChisoApp;
use chiso::ui::app::State;
use chiso::workspace::sample;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

fn harness(path: PathBuf, state: State) -> Harness<'static, ChisoApp> {
    let app = ChisoApp::new(state, Some(path), None);
    let mut harness = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_context_setup(chiso::ui::style::install_fonts)
        .build_ui_state(|ui, app: &mut ChisoApp| app.ui(ui), app);
    harness.run();
    harness
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    sample::create_sample(&path).expect("sample");
    let mut sample_harness = harness(path, State::default());
    c.bench_function("dashboard frame, sample, U5MR with every source", |b| {
        b.iter(|| sample_harness.step())
    });

    // Issue 16: the ranking of the sample's 63 provinces shown (rows, national line, legend).
    let ranking_path = dir.path().join("ranking.db");
    sample::create_sample(&ranking_path).expect("sample");
    let mut ranking_harness = harness(ranking_path, State::default());
    let app = ranking_harness.state_mut();
    app.push(chiso::ui::app::Command::SelectIndicator("U5MR".into()));
    app.push(chiso::ui::app::Command::SetKind(
        chiso::chart::ChartKind::Ranking,
    ));
    ranking_harness.run();
    c.bench_function("dashboard frame, ranking of 63 provinces", |b| {
        b.iter(|| ranking_harness.step())
    });

    // Issue 17: the map of the same 63 provinces (meshes, borders, islands, legend).
    let map_path = dir.path().join("map.db");
    sample::create_sample(&map_path).expect("sample");
    let mut map_harness = harness(map_path, State::default());
    let app = map_harness.state_mut();
    app.push(chiso::ui::app::Command::SelectIndicator("U5MR".into()));
    app.push(chiso::ui::app::Command::SetKind(
        chiso::chart::ChartKind::Map,
    ));
    map_harness.run();
    c.bench_function("dashboard frame, map of 63 provinces", |b| {
        b.iter(|| map_harness.step())
    });

    let big = support::big_db();
    let mut big_harness = harness(big.clone(), State::default());
    c.bench_function("dashboard frame, 1M figures, 200 indicators", |b| {
        b.iter(|| big_harness.step())
    });
    let filtered = State {
        filter: "mortality".into(),
        ..State::default()
    };
    let mut filtered_harness = harness(big, filtered);
    c.bench_function("dashboard frame, 1M figures, catalogue filtered", |b| {
        b.iter(|| filtered_harness.step())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
