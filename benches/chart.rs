//! Building the chart description for 20 series × 35 years.
//! Run: `cargo bench --bench chart`.

use std::hint::black_box;

use chiso::chart::{ChartData, ChartSpec, SeriesKey, Transform, describe};
use chiso::model::{Direction, Indicator, Name, Observation, Period, Qualifier, Status, Unit};
use criterion::{Criterion, criterion_group, criterion_main};

fn data() -> (ChartSpec, ChartData) {
    let indicator = Indicator {
        id: 1,
        code: "U5MR".into(),
        name: "Under-five mortality rate".into(),
        short_name: "Under-5 mortality".into(),
        unit: Unit {
            code: "PER_1000".into(),
            name: "Deaths per 1,000 live births".into(),
            symbol: "‰".into(),
        },
        decimals: 1,
        direction: Direction::LowerIsBetter,
        valid_range: (Some(0.0), Some(1000.0)),
        plausible_range: (Some(0.0), Some(350.0)),
        description: Name::default(),
        theme: "Health".into(),
        sdg_target: "3.2.1".into(),
        aggregation: chiso::model::Aggregation::WeightedMean,
        weight: None,
    };
    let mut spec = ChartSpec::default();
    let mut observations = Vec::new();
    for s in 0..20 {
        let key = SeriesKey {
            indicator: "U5MR".into(),
            area: format!("VN-{s:02}"),
            subgroup: "T".into(),
            source: "WB".into(),
        };
        for year in 1990..2025 {
            observations.push(Observation {
                id: 0,
                indicator_code: key.indicator.clone(),
                area_code: key.area.clone(),
                subgroup_code: "T".into(),
                source_code: "WB".into(),
                period: Period::year(year),
                value: 60.0 - f64::from(year - 1990) + f64::from(s),
                status: if year == 2024 {
                    Status::Estimated
                } else {
                    Status::Normal
                },
                qualifier: Qualifier::Exact,
                footnote: String::new(),
                updated_at: String::new(),
                updated_by: String::new(),
            });
        }
        spec.series.push(key);
    }
    let data = ChartData {
        indicators: vec![indicator],
        observations,
        ..Default::default()
    };
    (spec, data)
}

fn bench(c: &mut Criterion) {
    let (spec, data) = data();
    c.bench_function("describe 20 series x 35 years", |b| {
        b.iter(|| describe(black_box(&spec), black_box(&data)))
    });
    let indexed = ChartSpec {
        transform: Transform::Index { base_year: 2000 },
        ..spec
    };
    c.bench_function("describe 20 series x 35 years, index mode", |b| {
        b.iter(|| describe(black_box(&indexed), black_box(&data)))
    });
    // Issue 16: a ranking of the sample's 63 provinces (U5MR 2016, GSO), from its figures
    // already read; and the same on the 2025 boundaries, 23 of its 34 units estimated.
    for (name, boundaries) in [
        ("ranking description, 63 provinces", None),
        (
            "ranking description, 34 units of 2025, 23 estimated",
            Some("2025-07-01"),
        ),
    ] {
        let (spec, data) = ranking_data(boundaries);
        c.bench_function(name, |b| {
            b.iter(|| describe(black_box(&spec), black_box(&data)))
        });
    }
    // Issue 16: every unit of 2025 on its boundaries for 40 years, a rate weighted by
    // population, from its predecessors' figures (the 63 provinces' figures and weights).
    let units = boundaries_data();
    c.bench_function("estimates on 2025 boundaries, 34 units x 40 years", |b| {
        b.iter(|| {
            for (predecessors, figures, weights) in &units {
                let got = chiso::chart::boundaries::estimate(
                    chiso::model::Aggregation::WeightedMean,
                    black_box(predecessors),
                    black_box(figures),
                    black_box(weights),
                );
                assert_eq!(got.map(|e| e.len()), Ok(40));
            }
        })
    });
}

/// For each of 34 units, its two predecessors (63 provinces in all, as in 2025: 11 units of
/// one, 23 of two or three; two each here) and their figures and weights for 1985-2024.
fn boundaries_data() -> Vec<(Vec<String>, Vec<Observation>, Vec<Observation>)> {
    let figure = |indicator: &str, area: &str, year: i32, value: f64| {
        Observation::yearly(indicator, area, "GSO", year, value)
    };
    (0..34)
        .map(|unit| {
            let predecessors: Vec<String> =
                (0..2).map(|p| format!("VN-{:02}", unit * 2 + p)).collect();
            let mut figures = Vec::new();
            let mut weights = Vec::new();
            for area in &predecessors {
                for year in 1985..2025 {
                    figures.push(figure("U5MR", area, year, 20.0 + f64::from(year % 7)));
                    weights.push(figure("POPULATION", area, year, 1.0 + f64::from(unit)));
                }
            }
            (predecessors, figures, weights)
        })
        .collect()
}

criterion_group!(benches, bench);
criterion_main!(benches);

/// What a ranking of the sample's under-five mortality is described from.
fn ranking_data(boundaries: Option<&str>) -> (ChartSpec, ChartData) {
    use chiso::workspace::{ChartRequest, Workspace, sample};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sample.db");
    sample::create_sample(&path).expect("sample");
    let store = chiso::store::Store::open_read_only(&path).expect("open");
    let mut ws = Workspace::new(store).expect("workspace");
    let request = ChartRequest {
        indicator: "U5MR".into(),
        kind: chiso::chart::ChartKind::Ranking,
        ranking: chiso::model::selection::RankingSpec {
            boundaries: boundaries.map(str::to_owned),
            ..Default::default()
        },
        ..Default::default()
    };
    ws.chart_for(&request).expect("a ranking");
    (ws.spec().clone(), ws.chart_data().clone())
}
