//! Chart export: golden SVG and PNG files for a fixture chart, escaping, presets, determinism.
//! After a deliberate change of drawing, regenerate with `UPDATE_GOLDEN=1 cargo test --test export`
//! and look at the pictures in `tests/golden/` before committing them.

mod common;
use chiso::locale::Language;
use std::path::{Path, PathBuf};

use chiso::chart::{ChartData, ChartSpec, SeriesKey, describe};
use chiso::export::{ExportOptions, Preset, png::png, svg};
use chiso::model::{
    Direction, Indicator, Name, Observation, Period, Qualifier, Source, Status, Target, Unit,
};

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

fn obs(source: &str, year: i32, value: f64, status: Status) -> Observation {
    Observation {
        id: 0,
        indicator_code: "U5MR".into(),
        area_code: "VN-03".into(),
        subgroup_code: "T".into(),
        source_code: source.into(),
        period: Period::year(year),
        value,
        status,
        qualifier: Qualifier::Exact,
        footnote: if status == Status::Estimated {
            "Ước tính của Sở Y tế Hà Giang".into()
        } else {
            String::new()
        },
        updated_at: String::new(),
        updated_by: String::new(),
    }
}

/// Two sources, a target and a baseline, an estimated figure, a gap, Vietnamese labels.
fn fixture(name: &str) -> (ChartSpec, ChartData) {
    let mut observations = Vec::new();
    for (i, year) in (2010..=2024).enumerate() {
        if year == 2016 || year == 2017 {
            continue; // the gap
        }
        let status = if year == 2024 {
            Status::Estimated
        } else {
            Status::Normal
        };
        observations.push(obs("GSO", year, 42.0 - i as f64 * 1.3, status));
    }
    for year in [2014, 2019, 2023] {
        observations.push(obs(
            "MICS",
            year,
            44.0 - f64::from(year - 2014) * 1.2,
            Status::Normal,
        ));
    }
    let indicator = Indicator {
        id: 1,
        code: "U5MR".into(),
        name: name.into(),
        short_name: "U5MR".into(),
        unit: Unit {
            code: "PER_1000".into(),
            name: "Deaths per 1,000 live births".into(),
            symbol: "‰".into(),
        },
        decimals: 1,
        direction: Direction::LowerIsBetter,
        valid_range: (Some(0.0), Some(1000.0)),
        plausible_range: (None, None),
        description: Name::default(),
        theme: "Health".into(),
        sdg_target: "3.2.1".into(),
        aggregation: chiso::model::Aggregation::WeightedMean,
        weight: None,
    };
    let source = |code: &str, name: &str, publisher: &str, licence: &str| Source {
        code: code.into(),
        short_name: name.into(),
        publisher: publisher.into(),
        title: format!("{name} — Xín Chải, Hà Giang").into(),
        edition: "2025".into(),
        licence: licence.into(),
        ..Default::default()
    };
    let data = ChartData {
        indicators: vec![indicator],
        observations,
        targets: vec![Target {
            indicator_code: "U5MR".into(),
            area_code: "VN-03".into(),
            subgroup_code: "T".into(),
            baseline: Some((2015, 33.0)),
            target_year: 2030,
            target_value: 25.0,
            reference: "SDG 3.2".into(),
        }],
        sources: vec![
            source("GSO", "GSO", "Tổng cục Thống kê", ""),
            source("MICS", "MICS", "UNICEF", "CC BY 4.0"),
        ],
        area_names: [("VN-03".to_owned(), Name::only("Hà Giang"))].into(),
        subgroup_names: Default::default(),
        area_levels: Default::default(),
        area_dates: Default::default(),
        language: Language::English,
        ..Default::default()
    };
    let key = |source: &str| SeriesKey {
        indicator: "U5MR".into(),
        area: "VN-03".into(),
        subgroup: "T".into(),
        source: source.into(),
    };
    (
        ChartSpec {
            series: vec![key("GSO"), key("MICS")],
            ..Default::default()
        },
        data,
    )
}

fn check_or_update(name: &str, bytes: &[u8], compare: impl Fn(&[u8], &[u8]) -> Result<(), String>) {
    let path = golden(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, bytes).unwrap();
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with UPDATE_GOLDEN=1", path.display()));
    if let Err(why) = compare(&expected, bytes) {
        let new = path.with_extension(format!(
            "new.{}",
            path.extension().unwrap().to_string_lossy()
        ));
        std::fs::write(&new, bytes).unwrap();
        panic!(
            "{name} differs from the golden file ({why}); the new one is {}",
            new.display()
        );
    }
}

fn decode(png_bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png_bytes))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

#[test]
fn the_fixture_chart_matches_its_golden_svg_and_png() {
    let (spec, data) = fixture("Tỷ lệ tử vong trẻ em dưới 5 tuổi (Under-five mortality rate)");
    let description = describe(&spec, &data);
    let options = ExportOptions::default();
    let svg_text = svg(&description, &options).unwrap();
    check_or_update("fixture_chart.svg", svg_text.as_bytes(), |a, b| {
        if a == b {
            Ok(())
        } else {
            Err("the text differs".into())
        }
    });
    let png_bytes = png(&svg_text, 1.0).unwrap();
    check_or_update("fixture_chart.png", &png_bytes, |a, b| {
        let ((wa, ha, pa), (wb, hb, pb)) = (decode(a), decode(b));
        if (wa, ha) != (wb, hb) {
            return Err(format!("size {wa}×{ha} became {wb}×{hb}"));
        }
        // A small tolerance for anti-aliasing differences between machines.
        let differing = pa
            .chunks(4)
            .zip(pb.chunks(4))
            .filter(|(x, y)| x.iter().zip(*y).any(|(p, q)| p.abs_diff(*q) > 8))
            .count();
        if differing > (wa * ha / 1000) as usize {
            return Err(format!("{differing} pixels differ"));
        }
        Ok(())
    });
    for word in [
        "Hà Giang",
        "Target 2030: 25.0‰",
        "Baseline 2015: 33.0‰",
        "estimated",
        "Licensed under CC BY 4.0",
        "Xín Chải",
    ] {
        assert!(svg_text.contains(word), "{word} is in the SVG as text");
    }
    // The gap: no line joins 2015 to 2018.
    assert_eq!(description.panels()[0].series[0].runs.len(), 3);
}

#[test]
fn the_fixture_chart_in_vietnamese_matches_its_golden_svg() {
    let (spec, data) = fixture("Tỷ suất tử vong trẻ em dưới 5 tuổi");
    let data = ChartData {
        language: Language::Vietnamese,
        ..data
    };
    let description = describe(&spec, &data);
    let svg_text = svg(&description, &ExportOptions::default()).unwrap();
    check_or_update("fixture_chart_vi.svg", svg_text.as_bytes(), |a, b| {
        if a == b {
            Ok(())
        } else {
            Err("the text differs".into())
        }
    });
    for word in [
        "Mục tiêu 2030: 25,0‰",
        "Mức cơ sở 2015: 33,0‰",
        "ước tính",
        "Nguồn: Tổng cục Thống kê",
        "Nguồn: UNICEF",
        "Giấy phép CC BY 4.0",
    ] {
        assert!(svg_text.contains(word), "{word} is in the Vietnamese SVG");
    }
    for english in ["Source:", "Target", "estimated", "Licensed"] {
        assert!(
            !svg_text.contains(english),
            "{english} is not in the Vietnamese SVG"
        );
    }
}

#[test]
fn hostile_names_give_valid_escaped_svg() {
    let (spec, data) = fixture("<script>alert(1)</script> & co");
    let svg_text = svg(&describe(&spec, &data), &ExportOptions::default()).unwrap();
    let doc = roxmltree::Document::parse(&svg_text).expect("valid XML");
    assert!(doc.descendants().all(|n| n.tag_name().name() != "script"));
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("<script>alert(1)</script> & co")),
        "{texts:?}"
    );
    assert!(png(&svg_text, 1.0).is_ok());
}

#[test]
fn every_preset_and_a_scale_fit_and_long_titles_wrap() {
    let long = "Tỷ lệ tử vong trẻ em dưới 5 tuổi theo nguồn số liệu, so sánh giữa Tổng cục Thống kê và điều tra MICS, tỉnh Hà Giang, giai đoạn 2010–2024";
    let (spec, data) = fixture(long);
    let description = describe(&spec, &data);
    for preset in Preset::ALL {
        let (width, height) = preset.size();
        let options = ExportOptions {
            width,
            height,
            ..Default::default()
        };
        let svg_text = svg(&description, &options).unwrap();
        let doc = roxmltree::Document::parse(&svg_text).unwrap();
        for node in doc.descendants().filter(|n| n.has_tag_name("text")) {
            let x: f32 = node.attribute("x").unwrap().parse().unwrap();
            let y: f32 = node.attribute("y").unwrap().parse().unwrap();
            let size: f32 = node.attribute("font-size").unwrap().parse().unwrap();
            let w = chiso::export::text::width(
                node.text().unwrap_or(""),
                size,
                node.attribute("font-weight") == Some("bold"),
            );
            let (left, right) = match node.attribute("text-anchor") {
                Some("end") => (x - w, x),
                Some("middle") => (x - w / 2.0, x + w / 2.0),
                _ => (x, x + w),
            };
            assert!(
                left >= 0.0 && right <= width as f32 + 0.5 && y - size >= 0.0 && y <= height as f32,
                "{preset:?}: {:?} clipped",
                node.text()
            );
        }
        let title_lines = doc
            .descendants()
            .filter(|n| {
                n.attribute("font-weight") == Some("bold")
                    && n.text().is_some_and(|t| long.contains(t))
            })
            .count();
        assert!(title_lines >= 2, "{preset:?}: the long title wraps");
    }
    let options = ExportOptions {
        width: 800,
        height: 450,
        scale: 2.0,
        dark: true,
        presentation: false,
        value_labels: true,
    };
    let (w, h, _) = decode(&png(&svg(&description, &options).unwrap(), 2.0).unwrap());
    assert_eq!((w, h), (1600, 900));
}

#[test]
fn the_same_chart_gives_the_same_bytes() {
    let (spec, data) = fixture("Under-five mortality rate");
    let description = describe(&spec, &data);
    let a = svg(&description, &ExportOptions::default()).unwrap();
    let b = svg(&describe(&spec, &data), &ExportOptions::default()).unwrap();
    assert_eq!(a, b);
    assert_eq!(png(&a, 1.0).unwrap(), png(&b, 1.0).unwrap());
}

/// A ranking of the sample's under-five mortality, as `chiso export --kind ranking` draws it.
fn sample_ranking(boundaries: Option<&str>, year: Option<i32>) -> chiso::chart::ChartDescription {
    sample_by_province(chiso::chart::ChartKind::Ranking, boundaries, year)
}

/// The sample's under-five mortality by province as `kind` (a ranking or a map), in Vietnamese.
fn sample_by_province(
    kind: chiso::chart::ChartKind,
    boundaries: Option<&str>,
    year: Option<i32>,
) -> chiso::chart::ChartDescription {
    use chiso::workspace::{ChartRequest, Workspace, sample};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.db");
    chiso::store::backup::set_process_default(chiso::store::backup::Place::Off);
    sample::create_sample(&path).unwrap();
    let store = chiso::store::Store::open_read_only(&path).unwrap();
    let mut ws = Workspace::new(store).unwrap();
    ws.set_language(Language::Vietnamese);
    ws.chart_for(&ChartRequest {
        indicator: "U5MR".into(),
        kind,
        ranking: chiso::model::selection::RankingSpec {
            year,
            boundaries: boundaries.map(str::to_owned),
            ..Default::default()
        },
        ..Default::default()
    })
    .unwrap()
}

/// The provinces' names in the order an SVG of a ranking writes its rows ("12. Hà Giang").
fn ranked_names(svg_text: &str) -> Vec<(usize, String)> {
    svg_text
        .lines()
        .filter(|l| l.contains("text-anchor=\"end\""))
        .filter_map(|l| {
            let text = l.split_once('>')?.1.split_once("</text>")?.0;
            let (rank, name) = text.split_once(". ")?;
            Some((rank.parse().ok()?, name.to_owned()))
        })
        .collect()
}

fn same_text(a: &[u8], b: &[u8]) -> Result<(), String> {
    if a == b {
        Ok(())
    } else {
        Err("the text differs".into())
    }
}

#[test]
fn a_ranking_of_the_63_provinces_matches_its_golden_svg() {
    let d = sample_ranking(None, Some(2016));
    let r = d.ranking().unwrap();
    assert_eq!(r.bars.len(), 63, "one bar per province valid in 2016");
    let svg_text = svg(&d, &ExportOptions::default()).unwrap();
    check_or_update("ranking_63.svg", svg_text.as_bytes(), same_text);
    let names = ranked_names(&svg_text);
    assert_eq!(names.len(), 63);
    assert_eq!(names[0], (1, "Đồng Nai".to_owned()));
    assert_eq!(names[62], (63, "Lai Châu".to_owned()));
    // Sorted: ranks never go down, and the values of the bars rise (lower mortality first).
    assert!(names.windows(2).all(|w| w[0].0 <= w[1].0));
    assert!(r.bars.windows(2).all(|w| w[0].value <= w[1].value));
    assert!(
        svg_text.contains("Việt Nam 2016: 21,8‰"),
        "the national line"
    );
    assert!(svg_text.contains("63 tỉnh, thành phố · 2016 (sơ bộ)"));
    assert!(!svg_text.contains("Tuyên Quang (mới)"));
}

#[test]
fn a_ranking_on_the_2025_boundaries_matches_its_golden_svg_with_labelled_estimates() {
    let d = sample_ranking(Some("2025-07-01"), Some(2016));
    let r = d.ranking().unwrap();
    assert_eq!(r.bars.len(), 34, "the 34 units of 1 July 2025");
    let estimated: Vec<&str> = r
        .bars
        .iter()
        .filter(|b| b.estimate.is_some())
        .map(|b| b.label.as_str())
        .collect();
    assert_eq!(estimated.len(), 23, "the 23 merged units: {estimated:?}");
    // Tuyên Quang of 2025 is the old Tuyên Quang and Hà Giang, weighed by the 2019 census.
    let tq = r
        .bars
        .iter()
        .find(|b| b.label == "Tuyên Quang" && b.estimate.is_some())
        .unwrap();
    let parts = tq.estimate.as_ref().unwrap().join("; ");
    assert!(parts.contains("Hà Giang 50,8‰ × 854.679 (2019)"), "{parts}");
    let expected = (50.8 * 854_679.0 + 27.5 * 784_811.0) / (854_679.0 + 784_811.0);
    assert!(
        (tq.value - expected).abs() < 1e-9,
        "{} vs {expected}",
        tq.value
    );
    let svg_text = svg(&d, &ExportOptions::default()).unwrap();
    check_or_update("ranking_34.svg", svg_text.as_bytes(), same_text);
    assert_eq!(ranked_names(&svg_text).len(), 34);
    assert!(
        svg_text.contains("Ước tính theo địa giới năm 2025"),
        "the legend"
    );
    assert!(svg_text.contains("TCTK, TĐTDS 2019") || svg_text.contains("Tổng điều tra"));
    assert!(svg_text.contains("theo địa giới từ 1/7/2025"));
}

#[test]
fn a_unit_the_reform_made_has_its_earlier_years_as_labelled_estimates_on_a_trend_chart() {
    use chiso::workspace::{ChartRequest, Workspace, sample};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.db");
    chiso::store::backup::set_process_default(chiso::store::backup::Place::Off);
    sample::create_sample(&path).unwrap();
    let mut ws = Workspace::new(chiso::store::Store::open_read_only(&path).unwrap()).unwrap();
    ws.set_language(Language::Vietnamese);
    ws.select_indicator("U5MR").unwrap();
    // The picker offers the new Tuyên Quang, which has no figure of its own.
    let offered = ws
        .available_series()
        .iter()
        .find(|s| s.area == "VN-2025-08")
        .expect("Tuyên Quang of 2025 is offered");
    assert_eq!(offered.figures, 0);
    let d = ws
        .chart_for(&ChartRequest {
            indicator: "U5MR".into(),
            area: Some("VN-2025-08".into()),
            source: Some("GSO_U5MR_2018".into()),
            ..Default::default()
        })
        .unwrap();
    let series: Vec<_> = d.series().collect();
    assert_eq!(series.len(), 1);
    let points = &series[0].points;
    // The 2019 census weighs the years within five of it: 2014 to 2016 of the GSO's series.
    assert_eq!(
        points.iter().map(|p| p.year).collect::<Vec<_>>(),
        [2014, 2015, 2016]
    );
    assert!(
        points
            .iter()
            .all(|p| p.estimate.is_some() && p.status == Status::Estimated)
    );
    // 2016: Hà Giang and Tuyên Quang of then, weighed by the 2019 census.
    let last = points.last().unwrap();
    let parts = last.estimate.as_ref().unwrap().parts.join("; ");
    assert!(
        parts.contains("Hà Giang") && parts.contains("854.679 (2019)"),
        "{parts}"
    );
    let expected = (50.8 * 854_679.0 + 27.5 * 784_811.0) / (854_679.0 + 784_811.0);
    assert!((last.value - expected).abs() < 1e-9, "{}", last.value);
    let hover = chiso::chart::hover_text(series[0], last, &d.sources, Language::Vietnamese);
    assert!(hover.contains("Ước tính theo địa giới năm 2025"), "{hover}");
    assert!(
        !hover.contains("Nguồn"),
        "an estimate has no publisher: {hover}"
    );
    let svg_text = svg(&d, &ExportOptions::default()).unwrap();
    assert!(
        svg_text.contains("ước tính theo địa giới từ 1/7/2025"),
        "the footer says what the hollow points are"
    );
    let table = chiso::chart::table::table(&d);
    let cell = table.rows.last().unwrap().1[0].as_ref().unwrap();
    assert!(
        cell.value.contains("ước tính theo địa giới năm 2025"),
        "{}",
        cell.value
    );
}

#[test]
fn a_ranking_of_a_year_without_figures_is_refused_naming_the_years_there_are() {
    use chiso::workspace::{ChartRequest, Workspace, sample};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.db");
    chiso::store::backup::set_process_default(chiso::store::backup::Place::Off);
    sample::create_sample(&path).unwrap();
    let mut ws = Workspace::new(chiso::store::Store::open_read_only(&path).unwrap()).unwrap();
    let ranking = |indicator: &str, year: i32| ChartRequest {
        indicator: indicator.into(),
        kind: chiso::chart::ChartKind::Ranking,
        ranking: chiso::model::selection::RankingSpec {
            year: Some(year),
            ..Default::default()
        },
        ..Default::default()
    };
    let error = ws
        .chart_for(&ranking("U5MR", 2025))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("in 2025 (years with figures: 2010–2016)"),
        "{error}"
    );
    // An index is not ranked from the provinces: the sample has none of HDI's.
    let error = ws.chart_for(&ranking("HDI", 2023)).unwrap_err().to_string();
    assert!(
        error.contains("HDI has no figures for provinces"),
        "{error}"
    );
    // A count on the new boundaries is the sum of its parts: 34 units in 2019.
    let mut census = ranking("POPULATION_CENSUS", 2019);
    census.ranking.boundaries = Some("2025-07-01".into());
    let d = ws.chart_for(&census).unwrap();
    let r = d.ranking().unwrap();
    assert_eq!(r.bars.len(), 34);
    let tq = r.bars.iter().find(|b| b.label == "Tuyên Quang").unwrap();
    assert_eq!(tq.value, 854_679.0 + 784_811.0);
    let total: f64 = r.bars.iter().map(|b| b.value).sum();
    assert_eq!(total, 96_208_984.0, "the 34 units sum to the nation");
}

/// The sample's under-five mortality as a map, in Vietnamese.
fn sample_map(boundaries: Option<&str>, year: Option<i32>) -> chiso::chart::ChartDescription {
    sample_by_province(chiso::chart::ChartKind::Map, boundaries, year)
}

/// The area codes of an SVG map's province paths, in order.
fn mapped_areas(svg_text: &str) -> Vec<String> {
    svg_text
        .split("data-area=\"")
        .skip(1)
        .filter_map(|rest| Some(rest.split_once('"')?.0.to_owned()))
        .collect()
}

#[test]
fn a_map_of_2016_has_a_path_per_province_of_then_and_the_islands_named() {
    let d = sample_map(None, Some(2016));
    let m = d.map().expect("a map");
    assert_eq!(m.set_day, "2025-06-30", "the 63 provinces' boundaries");
    assert_eq!(m.classes.len(), 5);
    // Every province with a figure is in a class; classes hold values within their range.
    for bar in &m.ranking.bars {
        let class = &m.classes[m.class_of[&bar.area]];
        assert!(
            class.low <= bar.value && bar.value <= class.high,
            "{}",
            bar.label
        );
    }
    // Lower is better for mortality: the darkest class is the lowest values.
    assert_eq!(m.classes[0].color, chiso::chart::map::SEQUENTIAL[4]);
    assert_eq!(m.islands, ["Quần đảo Hoàng Sa", "Quần đảo Trường Sa"]);
    let svg_text = svg(&d, &ExportOptions::default()).unwrap();
    check_or_update("map_63.svg", svg_text.as_bytes(), same_text);
    let areas = mapped_areas(&svg_text);
    assert_eq!(areas.len(), 63);
    assert!(areas.contains(&"VN-03".to_owned()), "Hà Giang of then");
    assert!(!areas.iter().any(|a| a.starts_with("VN-2025-")));
    for island in ["Quần đảo Hoàng Sa", "Quần đảo Trường Sa"] {
        assert!(
            svg_text.contains(&format!(">{island}</text>")),
            "{island} labelled"
        );
    }
    assert!(
        svg_text.contains("Việt Nam 2016: 21,8‰"),
        "the nation on the legend"
    );
    assert!(
        svg_text.contains("geoBoundaries"),
        "the boundaries credited"
    );
}

#[test]
fn a_map_on_the_2025_boundaries_hatches_its_estimates_and_an_english_one_keeps_the_names() {
    let d = sample_map(Some("2025-07-01"), Some(2016));
    let m = d.map().unwrap();
    assert_eq!(m.set_day, "2025-07-01");
    assert_eq!(m.islands.len(), 2, "the islands on every map");
    let svg_text = svg(&d, &ExportOptions::default()).unwrap();
    check_or_update("map_34.svg", svg_text.as_bytes(), same_text);
    let areas = mapped_areas(&svg_text);
    assert_eq!(areas.len(), 34);
    assert!(
        areas.contains(&"VN-2025-08".to_owned()),
        "Tuyên Quang of 2025"
    );
    assert!(
        !areas.contains(&"VN-03".to_owned()),
        "Hà Giang is part of it"
    );
    let hatched = svg_text.matches("fill=\"url(#estimate)\"").count();
    // 23 merged units, and the legend's swatch.
    assert_eq!(hatched, 23 + 1, "each estimate hatched");
    assert!(svg_text.contains("gạch chéo: ước tính theo địa giới từ 1/7/2025"));

    // In English the islands keep their Vietnamese names, as every area does.
    let mut english = d.clone();
    english.language = Language::English;
    let svg_text = svg(&english, &ExportOptions::default()).unwrap();
    assert!(svg_text.contains(">Quần đảo Trường Sa</text>"));
    assert!(svg_text.contains("Boundaries: geoBoundaries"));
}

#[test]
fn every_province_of_each_set_has_a_polygon_and_every_polygon_is_a_province_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.db");
    chiso::store::backup::set_process_default(chiso::store::backup::Place::Off);
    chiso::workspace::sample::create_sample(&path).unwrap();
    let areas = chiso::store::Store::open_read_only(&path)
        .unwrap()
        .areas()
        .unwrap();
    let g = chiso::chart::map::geometry();
    for (day, expected) in [("2025-06-30", 63), ("2025-07-01", 34)] {
        let valid: std::collections::BTreeSet<&str> = areas
            .iter()
            .filter(|a| a.level == "province")
            .filter(|a| {
                (a.valid_from.is_empty() || a.valid_from.as_str() <= day)
                    && (a.valid_until.is_empty() || a.valid_until.as_str() >= day)
            })
            .map(|a| a.code.as_str())
            .collect();
        let shapes: std::collections::BTreeSet<&str> = g
            .set_on(day)
            .unwrap()
            .shapes
            .iter()
            .map(|s| s.code.as_str())
            .collect();
        assert_eq!(valid.len(), expected, "provinces valid on {day}");
        assert_eq!(
            shapes, valid,
            "the polygons of {day} are its provinces, one each"
        );
    }
}

#[test]
fn earlier_years_beside_a_map_share_its_classes() {
    use chiso::workspace::{ChartRequest, Workspace, sample};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.db");
    chiso::store::backup::set_process_default(chiso::store::backup::Place::Off);
    sample::create_sample(&path).unwrap();
    let mut ws = Workspace::new(chiso::store::Store::open_read_only(&path).unwrap()).unwrap();
    let d = ws
        .chart_for(&ChartRequest {
            indicator: "LITERACY_15".into(),
            kind: chiso::chart::ChartKind::Map,
            ranking: chiso::model::selection::RankingSpec {
                year: Some(2016),
                ..Default::default()
            },
            map: chiso::model::selection::MapSpec {
                also_years: vec![2011, 2006, 1999],
                ..Default::default()
            },
            ..Default::default()
        })
        .unwrap();
    let m = d.map().unwrap();
    // 1999 has no figures: left out; the others oldest first.
    let years: Vec<Option<i32>> = m.also.iter().map(|a| a.ranking.year).collect();
    assert_eq!(years, [Some(2006), Some(2011)]);
    assert!(
        m.also.iter().all(|a| a.classes == m.classes),
        "one set of classes"
    );
    // Every figure of every year shown falls in a class.
    for one in m.also.iter().chain([m]) {
        assert_eq!(one.class_of.len(), one.ranking.bars.len());
    }
    let svg_text = svg(&d, &ExportOptions::default()).unwrap();
    assert_eq!(mapped_areas(&svg_text).len(), 3 * 63);
    for year in ["2006", "2011", "2016"] {
        assert!(
            svg_text.contains(&format!(">{year}</text>")),
            "{year} captioned"
        );
    }
    assert_eq!(
        svg_text.matches("class=\"island\"").count(),
        2 * 3,
        "islands on each map"
    );
    for name in ["Hoàng Sa</text>", "Trường Sa</text>"] {
        assert_eq!(
            svg_text.matches(name).count(),
            3,
            "{name} named on each map"
        );
    }
}

/// A text of an exported SVG and the box its letters take (from the bundled fonts' metrics).
struct TextBox {
    text: String,
    bold: bool,
    halo: bool,
    rect: chiso::chart::labels::Rect,
}

/// A line's stretch between two points.
type Segment = ((f32, f32), (f32, f32));

/// Every `<text>` of an SVG with its box, and every polyline's segments.
fn svg_geometry(svg: &str) -> (Vec<TextBox>, Vec<Segment>) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let num = |n: roxmltree::Node, a: &str| n.attribute(a).and_then(|v| v.parse::<f32>().ok());
    let mut texts = Vec::new();
    let mut segments = Vec::new();
    for node in doc.descendants() {
        match node.tag_name().name() {
            "text" => {
                let text: String = node
                    .descendants()
                    .filter(|d| d.is_text())
                    .filter_map(|d| d.text())
                    .collect();
                let (Some(x), Some(y), Some(size)) =
                    (num(node, "x"), num(node, "y"), num(node, "font-size"))
                else {
                    continue;
                };
                let bold = node.attribute("font-weight") == Some("bold");
                let w = chiso::export::text::width(&text, size, bold);
                let x0 = match node.attribute("text-anchor") {
                    Some("end") => x - w,
                    Some("middle") => x - w / 2.0,
                    _ => x,
                };
                // Ascent above the baseline, descent below it.
                let rect =
                    chiso::chart::labels::Rect::new(x0, y - size * 0.75, x0 + w, y + size * 0.2);
                let halo = node.attribute("stroke").is_some();
                texts.push(TextBox {
                    text,
                    bold,
                    halo,
                    rect,
                });
            }
            "polyline" => {
                let points: Vec<(f32, f32)> = node
                    .attribute("points")
                    .unwrap_or("")
                    .split_whitespace()
                    .filter_map(|p| {
                        let (x, y) = p.split_once(',')?;
                        Some((x.parse().ok()?, y.parse().ok()?))
                    })
                    .collect();
                segments.extend(points.windows(2).map(|w| (w[0], w[1])));
            }
            _ => {}
        }
    }
    (texts, segments)
}

/// Every sample indicator's chart, as `chiso export --all` writes it: no two texts overlap,
/// and no value label lies across a series' line (where no place is free, a label that must
/// show is drawn on a halo of the background, which the check accepts and counts).
#[test]
fn no_text_of_a_sample_chart_overlaps_another_or_lies_across_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_sample(dir.path());
    let out_dir = dir.path().join("charts");
    let out = common::chiso(&[
        "export",
        &db,
        "--all",
        "--format",
        "svg",
        "--out-dir",
        out_dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    let mut charts = 0;
    let mut labels = 0;
    let mut halos = Vec::new();
    for entry in std::fs::read_dir(&out_dir).unwrap() {
        let path = entry.unwrap().path();
        let svg = std::fs::read_to_string(&path).unwrap();
        let (texts, segments) = svg_geometry(&svg);
        charts += 1;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for (i, a) in texts.iter().enumerate() {
            for b in &texts[i + 1..] {
                assert!(
                    !a.rect.intersects(&b.rect),
                    "{name}: “{}” overlaps “{}”",
                    a.text,
                    b.text
                );
            }
            // Value labels are bold and at the tick size; a halo's letters stand clear of
            // the line under them.
            labels += usize::from(a.bold);
            if a.bold && !a.halo {
                let crossing = segments.iter().find(|(p, q)| a.rect.crossed_by(*p, *q));
                assert!(
                    crossing.is_none(),
                    "{name}: “{}” lies across a line",
                    a.text
                );
            }
            if a.halo && a.bold {
                halos.push(format!("{name}: {}", a.text));
            }
        }
    }
    assert!(charts >= 20, "{charts} charts");
    // Every chart has its latest figures written (and the titles are bold too).
    assert!(
        labels >= 2 * charts,
        "{labels} bold texts in {charts} charts"
    );
    assert!(halos.len() <= 2, "labels on a halo: {halos:?}");
}
