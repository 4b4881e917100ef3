//! One full egui frame of the dashboard on the sample database: layout and tessellation-free
//! UI pass through kittest, no rendering. Run: `cargo bench --bench frame`.

use chiso::store::sample;
use chiso::ui::ChisoApp;
use chiso::ui::app::State;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    sample::create_sample(&path).expect("sample");
    let app = ChisoApp::new(State::default(), Some(path), None);
    let mut harness = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_context_setup(chiso::ui::style::install_fonts)
        .build_ui_state(|ui, app: &mut ChisoApp| app.ui(ui), app);
    harness.run();
    c.bench_function("dashboard frame, U5MR with 3 sources", |b| {
        b.iter(|| harness.step())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
