//! The chart description: gaps, styles of tentative figures, transforms, references, panels.

use chiso::chart::table::table;
use chiso::chart::{
    ChartData, ChartSpec, ReferenceKind, SeriesKey, Transform, describe, hover_text,
};
use chiso::export::words::note;
use chiso::locale::Language::{English, Vietnamese};
use chiso::locale::Messages;
use chiso::model::{
    Direction, Indicator, Name, Observation, Period, Qualifier, Source, Status, Target, Unit,
};

fn indicator(code: &str, unit: &str, symbol: &str, decimals: u8) -> Indicator {
    Indicator {
        id: 1,
        code: code.into(),
        name: format!("{code} name").into(),
        short_name: code.into(),
        unit: Unit {
            code: unit.into(),
            name: unit.into(),
            symbol: symbol.into(),
        },
        decimals,
        direction: Direction::LowerIsBetter,
        valid_range: (None, None),
        plausible_range: (None, None),
        description: Name::default(),
        theme: Name::default(),
        sdg_target: String::new(),
        aggregation: chiso::model::Aggregation::WeightedMean,
        weight: None,
    }
}

fn obs(code: &str, source: &str, year: i32, value: f64, status: Status) -> Observation {
    Observation {
        id: 0,
        indicator_code: code.into(),
        area_code: "VNM".into(),
        subgroup_code: "T".into(),
        source_code: source.into(),
        period: Period::year(year),
        value,
        status,
        qualifier: Qualifier::Exact,
        footnote: if status == Status::Normal {
            String::new()
        } else {
            format!("{status:?} by the office")
        },
        updated_at: String::new(),
        updated_by: String::new(),
    }
}

fn key(code: &str, source: &str) -> SeriesKey {
    SeriesKey {
        indicator: code.into(),
        area: "VNM".into(),
        subgroup: "T".into(),
        source: source.into(),
    }
}

fn data() -> ChartData {
    let mut observations = vec![
        obs("U5MR", "WB", 2000, 30.0, Status::Normal),
        obs("U5MR", "WB", 2001, 29.0, Status::Normal),
        // 2002 missing: a gap.
        obs("U5MR", "WB", 2003, 27.0, Status::Normal),
        obs("U5MR", "WB", 2004, 26.0, Status::Estimated),
        obs("U5MR", "NEWS", 2000, 35.0, Status::Normal),
        obs("U5MR", "NEWS", 2004, 25.0, Status::Normal),
        obs("HDI", "UNDP", 2000, 0.6, Status::Normal),
        obs("HDI", "UNDP", 2001, 0.61, Status::Normal),
    ];
    observations[4].qualifier = Qualifier::About;
    ChartData {
        indicators: vec![
            indicator("U5MR", "Per 1,000", "‰", 1),
            indicator("HDI", "Index", "", 3),
        ],
        observations,
        targets: vec![Target {
            indicator_code: "U5MR".into(),
            area_code: "VNM".into(),
            subgroup_code: "T".into(),
            baseline: Some((2000, 30.0)),
            target_year: 2030,
            target_value: 25.0,
            reference: "SDG 3.2".into(),
        }],
        sources: ["WB", "NEWS", "UNDP"]
            .iter()
            .map(|c| Source {
                code: (*c).into(),
                short_name: format!("{c} short").into(),
                ..Default::default()
            })
            .collect(),
        area_names: [("VNM".to_owned(), Name::both("Việt Nam", "Viet Nam"))].into(),
        area_levels: Default::default(),
        area_dates: Default::default(),
        subgroup_names: Default::default(),
        language: English,
        ..Default::default()
    }
}

#[test]
fn a_missing_year_is_a_gap_and_tentative_figures_are_dashed() {
    let spec = ChartSpec {
        series: vec![key("U5MR", "WB")],
        ..Default::default()
    };
    let d = describe(&spec, &data());
    let series = &d.panels()[0].series[0];
    assert_eq!(series.points.len(), 4, "no zero invented for 2002");
    let runs: Vec<(Vec<f64>, bool)> = series
        .runs
        .iter()
        .map(|r| (r.points.iter().map(|p| p[0]).collect(), r.dashed))
        .collect();
    assert_eq!(
        runs,
        [(vec![2000.0, 2001.0], false), (vec![2003.0, 2004.0], true)]
    );
    assert!(
        d.notes
            .iter()
            .any(|n| note(Messages::of(English), n).contains("estimated")),
        "{:?}",
        d.notes
    );
    assert!(d.footnotes.iter().any(|f| f.contains("2004")));
}

#[test]
fn two_sources_are_two_series_with_their_source_named() {
    let spec = ChartSpec {
        series: vec![key("U5MR", "WB"), key("U5MR", "NEWS")],
        ..Default::default()
    };
    let d = describe(&spec, &data());
    let labels: Vec<&str> = d.panels()[0]
        .series
        .iter()
        .map(|s| s.label.as_str())
        .collect();
    assert_eq!(labels, ["WB short", "NEWS short"]);
    assert_ne!(d.panels()[0].series[0].color, d.panels()[0].series[1].color);
    assert_eq!(d.sources.len(), 2);
    assert_eq!(d.title, "U5MR name");
    assert_eq!(d.subtitle, "Viet Nam · 2000–2004", "the English name");
    let kinds: Vec<_> = d.panels()[0]
        .reference_lines
        .iter()
        .map(|l| (l.kind, l.y))
        .collect();
    assert_eq!(
        kinds,
        [
            (ReferenceKind::Target, 25.0),
            (ReferenceKind::Baseline, 30.0)
        ]
    );
    assert_eq!(d.panels()[0].reference_lines[0].label, "Target 2030: 25.0‰");
}

#[test]
fn different_units_are_small_multiples_until_indexed() {
    let spec = ChartSpec {
        series: vec![key("U5MR", "WB"), key("HDI", "UNDP")],
        ..Default::default()
    };
    let d = describe(&spec, &data());
    assert_eq!(d.panels().len(), 2);
    let spec = ChartSpec {
        transform: Transform::Index { base_year: 2000 },
        ..spec
    };
    let d = describe(&spec, &data());
    assert_eq!(d.panels().len(), 1);
    assert_eq!(d.panels()[0].y_label, "Index, 2000 = 100");
    let hdi = &d.panels()[0].series[1];
    assert!((hdi.points[1].y - 101.666_666).abs() < 1e-3);
    assert!(
        d.panels()[0].reference_lines.is_empty(),
        "targets are levels, not indices"
    );
}

#[test]
fn percent_change_log_scale_and_years() {
    let spec = ChartSpec {
        series: vec![key("U5MR", "WB")],
        transform: Transform::PercentChange { base_year: 2000 },
        ..Default::default()
    };
    let d = describe(&spec, &data());
    let ys: Vec<f64> = d.panels()[0].series[0].points.iter().map(|p| p.y).collect();
    assert!((ys[3] - (26.0 / 30.0 - 1.0) * 100.0).abs() < 1e-9);

    let spec = ChartSpec {
        series: vec![key("U5MR", "WB")],
        log_scale: true,
        years: Some((2001, 2003)),
        ..Default::default()
    };
    let d = describe(&spec, &data());
    let points = &d.panels()[0].series[0].points;
    assert_eq!(
        points.iter().map(|p| p.year).collect::<Vec<_>>(),
        [2001, 2003]
    );
    assert!((points[0].y - 29f64.log10()).abs() < 1e-12);
    assert!(d.panels()[0].y_label.contains("log"));

    let spec = ChartSpec {
        series: vec![key("U5MR", "WB")],
        transform: Transform::Index { base_year: 1990 },
        ..Default::default()
    };
    let d = describe(&spec, &data());
    assert!(d.panels().is_empty());
    assert!(
        note(Messages::of(English), &d.notes[0]).contains("no figure for 1990"),
        "{:?}",
        d.notes
    );
}

#[test]
fn hidden_series_stay_described_but_invisible() {
    let mut spec = ChartSpec {
        series: vec![key("U5MR", "WB"), key("U5MR", "NEWS")],
        ..Default::default()
    };
    spec.hidden.insert(key("U5MR", "NEWS"));
    let d = describe(&spec, &data());
    assert!(d.panels()[0].series[0].visible);
    assert!(!d.panels()[0].series[1].visible);
    assert!(d.panels()[0].y_range().unwrap().1 < 35.0 + 5.0);
}

#[test]
fn hover_says_year_value_unit_status_source_and_footnote() {
    let spec = ChartSpec {
        series: vec![key("U5MR", "WB"), key("U5MR", "NEWS")],
        ..Default::default()
    };
    let d = describe(&spec, &data());
    let wb = &d.panels()[0].series[0];
    let text = hover_text(wb, &wb.points[3], &d.sources, English);
    assert_eq!(
        text,
        "WB short\n2004: 26.0‰ (estimated)\nSource: WB short\nNote: Estimated by the office"
    );
    let news = &d.panels()[0].series[1];
    assert!(hover_text(news, &news.points[0], &d.sources, English).contains("2000: about 35.0‰"));
    assert_eq!(
        hover_text(wb, &wb.points[3], &d.sources, Vietnamese),
        "WB short\n2004: 26,0‰ (ước tính)\nNguồn: WB short\nGhi chú: Estimated by the office"
    );
    let news_vi = hover_text(news, &news.points[0], &d.sources, Vietnamese);
    assert!(news_vi.contains("2000: khoảng 35,0‰"), "{news_vi}");
}

#[test]
fn a_chart_described_in_vietnamese_says_its_words_and_numbers_the_vietnamese_way() {
    let spec = ChartSpec {
        series: vec![key("U5MR", "WB")],
        transform: Transform::Index { base_year: 2000 },
        ..Default::default()
    };
    let d = describe(
        &spec,
        &ChartData {
            language: Vietnamese,
            ..data()
        },
    );
    assert_eq!(d.language, Vietnamese);
    assert_eq!(d.panels()[0].y_label, "Chỉ số, năm 2000 = 100");
    assert!(
        d.subtitle.contains("chỉ số, năm 2000 = 100"),
        "{}",
        d.subtitle
    );
    let absolute = describe(
        &ChartSpec {
            series: vec![key("U5MR", "WB")],
            ..Default::default()
        },
        &ChartData {
            language: Vietnamese,
            ..data()
        },
    );
    let labels: Vec<&str> = absolute.panels()[0]
        .reference_lines
        .iter()
        .map(|l| l.label.as_str())
        .collect();
    assert_eq!(labels, ["Mục tiêu 2030: 25,0‰", "Mức cơ sở 2000: 30,0‰"]);
    let t = table(&absolute);
    assert_eq!(t.rows[1].1[0].as_ref().unwrap().value, "29,0");
    assert_eq!(t.rows[3].1[0].as_ref().unwrap().value, "26,0 (ước tính)");
}

#[test]
fn the_table_has_years_as_rows_and_changes() {
    let spec = ChartSpec {
        series: vec![key("U5MR", "WB"), key("U5MR", "NEWS")],
        ..Default::default()
    };
    let t = table(&describe(&spec, &data()));
    assert_eq!(t.series, ["WB short", "NEWS short"]);
    let periods: Vec<&str> = t.rows.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(periods, ["2000", "2001", "2003", "2004"]);
    let wb_2001 = t.rows[1].1[0].as_ref().unwrap();
    assert_eq!(
        (
            wb_2001.value.as_str(),
            wb_2001.change.as_str(),
            wb_2001.change_percent.as_str()
        ),
        ("29.0", "−1.0", "−3.3 %")
    );
    assert!(t.rows[1].1[1].is_none(), "no NEWS figure for 2001");
    assert_eq!(t.rows[3].1[0].as_ref().unwrap().value, "26.0 (estimated)");
}

#[test]
fn many_areas_are_counted_in_the_subtitle_not_listed() {
    let mut data = data();
    let mut spec = ChartSpec::default();
    let areas: Vec<String> = std::iter::once("VNM".to_owned())
        .chain((1..=11).map(|i| format!("VN-P{i:02}")))
        .chain(["VN-R-RRD".to_owned()])
        .collect();
    for area in &areas {
        add_area_series(&mut data, &mut spec, area, 2010);
        let level = match area.as_str() {
            "VNM" => "country",
            "VN-R-RRD" => "region",
            _ => "province",
        };
        data.area_levels.insert(area.clone(), level.into());
    }
    data.area_names.insert(
        "VNM".into(),
        Name {
            en: "Viet Nam".into(),
            vi: "Việt Nam".into(),
        },
    );
    let english = describe(&spec, &data);
    assert!(
        english
            .subtitle
            .starts_with("Viet Nam, 11 provinces, 1 region"),
        "{}",
        english.subtitle
    );
    data.language = Vietnamese;
    let vietnamese = describe(&spec, &data);
    assert!(
        vietnamese
            .subtitle
            .starts_with("Việt Nam, 11 tỉnh, thành phố, 1 vùng"),
        "{}",
        vietnamese.subtitle
    );
    // A few areas are still named.
    spec.series.truncate(3);
    let few = describe(&spec, &data);
    assert!(
        !few.subtitle.contains("provinces") && !few.subtitle.contains("tỉnh"),
        "{}",
        few.subtitle
    );
}

#[test]
fn beyond_eight_series_the_rest_are_grey_and_the_country_keeps_a_colour() {
    let mut data = data();
    let mut spec = ChartSpec::default();
    // Twelve provinces, then the country last.
    let areas: Vec<String> = (1..=12)
        .map(|i| format!("VN-P{i:02}"))
        .chain(["VNM".to_owned()])
        .collect();
    for area in &areas {
        add_area_series(&mut data, &mut spec, area, 2010);
        let level = if area == "VNM" { "country" } else { "province" };
        data.area_levels.insert(area.clone(), level.into());
    }
    let description = describe(&spec, &data);
    let colors: Vec<usize> = description.series().map(|s| s.color).collect();
    let muted = chiso::chart::style::MUTED;
    assert_eq!(
        colors.iter().filter(|c| **c != muted).count(),
        8,
        "{colors:?}"
    );
    assert_eq!(
        &colors[..7],
        &[0, 1, 2, 3, 4, 5, 6],
        "the first seven chosen"
    );
    assert!(colors[7..12].iter().all(|c| *c == muted), "{colors:?}");
    assert_eq!(colors[12], 7, "the country, distinct");
    // Drawn behind: the grey ones first.
    let order: Vec<usize> = description.panels()[0]
        .drawing_order()
        .map(|s| s.color)
        .collect();
    assert!(order[..5].iter().all(|c| *c == muted) && order[5..].iter().all(|c| *c != muted));
    // Eight or fewer keep their colours as before.
    spec.series.truncate(8);
    let few = describe(&spec, &data);
    assert!(few.series().all(|s| s.color != muted));
}

#[test]
fn a_chart_across_the_2025_reform_says_the_boundaries_changed() {
    let mut data = data();
    let mut spec = ChartSpec::default();
    for (area, year) in [("VN-03", 2024), ("VN-2025-08", 2025)] {
        add_area_series(&mut data, &mut spec, area, year);
    }
    data.area_dates
        .insert("VN-03".into(), (String::new(), "2025-06-30".into()));
    data.area_dates
        .insert("VN-2025-08".into(), ("2025-07-01".into(), String::new()));
    let description = describe(&spec, &data);
    let found: Vec<String> = description
        .notes
        .iter()
        .map(|n| note(Messages::of(English), n))
        .filter(|n| n.contains("boundaries"))
        .collect();
    assert_eq!(
        found,
        [
            "New boundaries from 1 July 2025: the figures of provinces before and after it are of different areas"
        ]
    );
    let vietnamese = description
        .notes
        .iter()
        .map(|n| note(Messages::of(Vietnamese), n))
        .find(|n| n.starts_with("Địa giới mới"))
        .unwrap();
    assert!(
        vietnamese.starts_with("Địa giới mới từ 1/7/2025"),
        "{vietnamese}"
    );
    // Years before the reform only: nothing to say.
    spec.years = Some((2010, 2024));
    let before = describe(&spec, &data);
    assert!(
        !before
            .notes
            .iter()
            .any(|n| matches!(n, chiso::chart::ChartNote::NewBoundaries { .. }))
    );
}

/// Under-five mortality of `area`, one figure in `year`, on the chart.
fn add_area_series(data: &mut ChartData, spec: &mut ChartSpec, area: &str, year: i32) {
    let mut o = obs("U5MR", "WB", year, 20.0, Status::Normal);
    o.area_code = area.into();
    data.observations.push(o);
    spec.series.push(SeriesKey {
        area: area.into(),
        ..key("U5MR", "WB")
    });
}

/// Small multiples: each panel names its indicators above its unit, and the panels' years
/// stand one above the other.
#[test]
fn small_multiples_have_panel_titles_and_aligned_years() {
    let spec = ChartSpec {
        series: vec![key("U5MR", "WB"), key("HDI", "UNDP")],
        ..Default::default()
    };
    let d = describe(&spec, &data());
    let labels: Vec<&str> = d.panels().iter().map(|p| p.y_label.as_str()).collect();
    assert!(labels[0].starts_with("U5MR · "), "{labels:?}");
    assert!(labels[1].starts_with("HDI · "), "{labels:?}");
    let svg = chiso::export::svg(&d, &chiso::export::ExportOptions::default()).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let xs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.text() == Some("2001"))
        .filter_map(|n| n.attribute("x"))
        .collect();
    assert_eq!(xs.len(), 2, "a year axis a panel");
    assert_eq!(xs[0], xs[1], "2001 at the same place in both panels");
}
