//! Importing the publishers' real files from `../shared/realdata`, and Chiso's own CSV.

use std::fs;
use std::path::PathBuf;

use chiso::model::Name;
use chiso::store::Store;
use chiso::store::export::ExportFilter;
use chiso::store::import::{ImportOptions, ImportReport, Progress};
use chiso::store::query::SeriesFilter;
use chiso::workspace::sample;

#[path = "common/realdata.rs"]
mod realdata;
use realdata::realdata;

fn sample_store(dir: &tempfile::TempDir) -> Store {
    let path = dir.path().join("s.db");
    sample::create_sample(&path).unwrap();
    Store::open(&path).unwrap()
}

fn empty_store(dir: &tempfile::TempDir, name: &str) -> Store {
    Store::create(&dir.path().join(name)).unwrap()
}

fn import(store: &mut Store, files: &[PathBuf], options: &ImportOptions) -> ImportReport {
    store
        .import(
            &chiso::import::Readers,
            files,
            options,
            "tester",
            &Progress::default(),
        )
        .unwrap()
}

fn value(store: &Store, code: &str, area: &str, source: &str, year: i32) -> Option<f64> {
    let filter = SeriesFilter {
        area: Some(area.into()),
        subgroup: Some("T".into()),
        source: Some(source.into()),
    };
    store
        .series(code, &filter)
        .unwrap()
        .into_iter()
        .find(|o| o.period.year == year)
        .map(|o| o.value)
}

#[test]
fn undp_hdr_csv_in_windows_1252_with_chosen_indicators_and_areas() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = empty_store(&dir, "e.db");
    let file = real.join("undp_hdr/HDR25_Composite_indices_complete_time_series.csv");
    let options = ImportOptions {
        areas: Some(vec!["VNM".into(), "CIV".into(), "TUR".into()]),
        indicators: Some(vec!["hdi".into(), "le".into()]),
        ..Default::default()
    };
    let report = import(&mut store, std::slice::from_ref(&file), &options);
    assert!(report.committed, "{:?}", report.problems);
    assert_eq!(report.problem_count, 0);
    assert_eq!(
        value(&store, "HDI", "VNM", "UNDP_HDR_2025", 2023),
        Some(0.766)
    );
    assert_eq!(
        value(&store, "HDI", "VNM", "UNDP_HDR_2025", 1990),
        Some(0.499)
    );
    assert!(value(&store, "LE", "VNM", "UNDP_HDR_2025", 2023).is_some());
    // Windows-1252 names decoded: Côte d'Ivoire, Türkiye.
    assert_eq!(store.area("CIV").unwrap().name.en, "Côte d'Ivoire");
    assert_eq!(store.area("TUR").unwrap().name.en, "Türkiye");
    let source = store.source("UNDP_HDR_2025").unwrap();
    assert_eq!(source.edition.en, "HDR 2025 (data to 2023)");

    // The same file again changes nothing.
    let again = import(&mut store, &[file], &options);
    assert_eq!((again.added, again.changed), (0, 0));
    assert_eq!(again.unchanged, report.added);
}

#[test]
fn world_bank_bulk_csv_and_api_json_are_two_editions() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = empty_store(&dir, "e.db");
    let bulk = real.join("worldbank_wdi/bulk_csv/API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv");
    let api = real.join("worldbank_wdi/api_v2_json/wb_who_under5_mortality.json");
    let options = ImportOptions {
        areas: Some(vec!["VNM".into(), "WLD".into()]),
        indicators: Some(vec!["SH.DYN.MORT".into()]),
        ..Default::default()
    };
    let report = import(&mut store, &[bulk, api], &options);
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    assert_eq!(
        value(&store, "SH_DYN_MORT", "VNM", "WB_WDI_2024_09", 1990),
        Some(51.6)
    );
    assert_eq!(
        value(&store, "SH_DYN_MORT", "VNM", "WB_WDI_2024_09", 2023),
        None,
        "empty cell, not zero"
    );
    assert_eq!(
        value(&store, "SH_DYN_MORT", "VNM", "WB_API_2025_10", 1990),
        Some(51.5)
    );
    assert_eq!(
        value(&store, "SH_DYN_MORT", "VNM", "WB_API_2025_10", 2023),
        Some(20.0)
    );
    assert!(report.missing_values > 0);
    let unit = store.indicator("SH_DYN_MORT").unwrap().unit;
    assert_eq!(unit.symbol.en, "‰");
}

#[test]
fn the_sample_files_import_as_unchanged_into_the_sample() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let files = [
        real.join("undp_hdr/HDR25_Composite_indices_complete_time_series.csv"),
        real.join("worldbank_wdi/bulk_csv/API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv"),
        real.join("worldbank_wdi/api_v2_json/wb_who_under5_mortality.json"),
        real.join("owid/share-of-individuals-using-the-internet/internet.csv"),
    ];
    let options = ImportOptions {
        indicators: Some(vec![
            "hdi".into(),
            "SH.DYN.MORT".into(),
            "Individuals using the Internet (% of population)".into(),
        ]),
        ..Default::default()
    };
    let report = import(&mut store, &files, &options);
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    assert_eq!(
        report.added, 0,
        "the sample already holds these editions: {report:?}"
    );
    assert!(report.unchanged >= 180);
    assert_eq!(
        value(&store, "INTERNET_USERS", "VNM", "OWID_ITU_2025", 2023),
        Some(78.08)
    );
}

#[test]
fn owid_internet_users_match_viet_nam_by_code_and_keep_the_citation() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = empty_store(&dir, "e.db");
    let file = real.join("owid/share-of-individuals-using-the-internet/internet.csv");
    let options = ImportOptions {
        areas: Some(vec!["VNM".into()]),
        indicators: Some(vec![
            "Individuals using the Internet (% of population)".into(),
        ]),
        ..Default::default()
    };
    let report = import(&mut store, &[file], &options);
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    let code = store.indicators().unwrap()[0].code.clone();
    let source = report.files[0].source.clone().unwrap();
    assert_eq!(value(&store, &code, "VNM", &source, 2023), Some(78.08));
    assert_eq!(value(&store, &code, "VNM", &source, 2022), Some(78.59));
    assert_eq!(
        store.area("VNM").unwrap().name,
        Name {
            en: "Viet Nam".into(),
            vi: "Việt Nam".into()
        },
        "the country every file holds keeps its names"
    );
    let s = store.source(&source).unwrap();
    assert!(
        s.citation.contains("International Telecommunication Union"),
        "{}",
        s.citation
    );
    assert_eq!(s.licence, "CC BY 4.0");
    assert!(store.indicator(&code).unwrap().unit.symbol.en == "%");
}

#[test]
fn owid_in_percent_onto_an_indicator_in_per_mille_is_converted_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let csv = dir.path().join("child-mortality.csv");
    fs::write(&csv, "Entity,Code,Year,Under-five mortality rate\nVietnam,VNM,2015,2.19\nVietnam,VNM,2016,2.15\n").unwrap();
    fs::write(
        dir.path().join("child-mortality.metadata.json"),
        r#"{"chart":{"title":"Child mortality rate","citation":"UN IGME (2025)"},
            "columns":{"Under-five mortality rate":{"unit":"%","shortUnit":"%","type":"Numeric","lastUpdated":"2025-03-25","citationLong":"UN IGME (2025) – processed by OWID"}}}"#,
    )
    .unwrap();
    let report = import(&mut store, &[csv], &ImportOptions::default());
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    assert_eq!(report.added, 2);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.to_string().contains("converted from % to ‰ (×10)")),
        "{:?}",
        report.notes
    );
    let source = report.files[0].source.clone().unwrap();
    assert!((value(&store, "U5MR", "VNM", &source, 2015).unwrap() - 21.9).abs() < 1e-9);
}

#[test]
fn a_retired_indicator_is_said_not_imported_as_nothing() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let before = store.summary().unwrap().counts;
    let report = import(
        &mut store,
        &[real.join("worldbank_wdi/api_v2_json/wb_co2_emissions.json")],
        &ImportOptions::default(),
    );
    assert_eq!(report.problem_count, 1);
    let reason = report.problems[0].reason.to_string();
    assert!(
        reason.contains("error instead of figures") && reason.contains("deleted or archived"),
        "{reason}"
    );
    assert!(!report.committed);
    assert_eq!(store.summary().unwrap().counts, before);
}

#[test]
fn wdi_metadata_tells_aggregates_and_the_bom_is_read() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = empty_store(&dir, "e.db");
    let file = real.join("worldbank_wdi/bulk_csv/API_SH.XPD.CHEX.GD.ZS_DS2_en_csv_v2_127434.csv");
    let options = ImportOptions {
        areas: Some(vec!["VNM".into(), "WLD".into(), "AFE".into()]),
        indicators: Some(vec!["SH.XPD.CHEX.GD.ZS".into()]),
        ..Default::default()
    };
    let report = import(&mut store, &[file], &options);
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    assert_eq!(store.area("WLD").unwrap().level, "aggregate");
    assert_eq!(store.area("AFE").unwrap().level, "aggregate");
    assert_eq!(store.area("VNM").unwrap().level, "country");
    let source = store
        .source(report.files[0].source.as_deref().unwrap())
        .unwrap();
    assert!(
        source.published.starts_with("2025-") && source.edition.en.contains(&source.published),
        "{source:?}"
    );
    assert!(
        !store
            .series(
                "SH_XPD_CHEX_GD_ZS",
                &SeriesFilter {
                    area: Some("VNM".into()),
                    ..Default::default()
                }
            )
            .unwrap()
            .is_empty()
    );
}

#[test]
fn problems_name_file_row_column_value_and_reason_and_nothing_lands() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let csv = dir.path().join("figures.csv");
    fs::write(
        &csv,
        "indicator,area,subgroup,period,value,status,qualifier,footnote,source\n\
         MPI_RATE,VNM,T,2024,1.9,,,,NEWS_WVR_2026\n\
         MPI_RATE,VNM,T,2023,abc,,,,NEWS_WVR_2026\n\
         MPI_RATE,XXX,T,2023,2.0,,,,NEWS_WVR_2026\n\
         MPI_RATE,VNM,T,2022,120,,,,NEWS_WVR_2026\n\
         MPI_RATE,VNM,T,2024,1.9,,,,NEWS_WVR_2026\n\
         MPI_RATE,VNM,T,2025,1.4,,,,NEWS_WVR_2026\n",
    )
    .unwrap();
    let before = store.summary().unwrap().counts;
    let report = import(
        &mut store,
        std::slice::from_ref(&csv),
        &ImportOptions::default(),
    );
    let described: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        described,
        [
            "figures.csv, line 3, column value, value \"abc\": not a number",
            "figures.csv, line 4, column value, value \"2\": unknown area `XXX`: add it first, or give its name in an area_name column",
            "figures.csv, line 5, column value, value \"120\": outside the valid range (0 to 100)",
            "figures.csv, line 6, column value, value \"1.9\": duplicate row in the file: the same indicator, area, subgroup and period again",
            "figures.csv, line 7, column value, value \"1.4\": differs from the figure already stored for this source (1.3); import with replace to overwrite it",
        ]
    );
    assert!(!report.committed);
    assert_eq!(store.summary().unwrap().counts, before, "all or nothing");

    let report = import(
        &mut store,
        &[csv],
        &ImportOptions {
            skip_problems: true,
            ..Default::default()
        },
    );
    assert!(report.committed);
    assert_eq!(report.added, 1);
    assert_eq!(
        value(&store, "MPI_RATE", "VNM", "NEWS_WVR_2026", 2024),
        Some(1.9)
    );
}

#[test]
fn export_then_import_into_an_empty_database_gives_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let store = sample_store(&dir);
    let mut exported = Vec::new();
    let n =
        chiso::workspace::export_long_csv(&store, &ExportFilter::default(), &mut exported).unwrap();
    assert_eq!(
        n as usize,
        store
            .summary()
            .unwrap()
            .counts
            .iter()
            .find(|c| c.0 == "observation")
            .unwrap()
            .1 as usize
    );
    let csv = dir.path().join("all.csv");
    fs::write(&csv, &exported).unwrap();

    let mut empty = empty_store(&dir, "copy.db");
    let report = import(
        &mut empty,
        std::slice::from_ref(&csv),
        &ImportOptions::default(),
    );
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    assert_eq!(report.added, n);
    let mut again = Vec::new();
    chiso::workspace::export_long_csv(&empty, &ExportFilter::default(), &mut again).unwrap();
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(exported).unwrap()
    );
    let again = import(&mut empty, &[csv], &ImportOptions::default());
    assert_eq!((again.added, again.changed, again.unchanged), (0, 0, n));
}

#[test]
fn exported_text_cannot_run_as_a_formula_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    store
        .write("tester", |tx| {
            tx.execute(
                "UPDATE observation SET footnote = '=HYPERLINK(\"http://x\")' WHERE year = 2024",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let mut out = Vec::new();
    chiso::workspace::export_long_csv(
        &store,
        &ExportFilter {
            indicator: Some("U5MR".into()),
            series: None,
        },
        &mut out,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("\"'=HYPERLINK"), "{text}");
    assert!(!text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"));
    let csv = dir.path().join("u5.csv");
    fs::write(&csv, &text).unwrap();
    let mut empty = empty_store(&dir, "e.db");
    import(&mut empty, &[csv], &ImportOptions::default());
    let figures = empty.series("U5MR", &SeriesFilter::default()).unwrap();
    assert!(
        figures
            .iter()
            .any(|o| o.footnote == "=HYPERLINK(\"http://x\")")
    );
}

#[test]
fn a_file_that_is_no_known_format_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let notes = dir.path().join("notes.csv");
    fs::write(&notes, "a,b,c\n1,2,3\n").unwrap();
    let report = import(&mut store, &[notes], &ImportOptions::default());
    assert_eq!(report.problem_count, 1);
    let problem = report.problems[0].to_string();
    assert!(
        problem.starts_with("notes.csv") && problem.contains("not a format Chiso imports"),
        "{problem}"
    );
}

#[test]
fn every_imported_row_is_in_the_audit_log_and_replace_records_old_and_new() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let csv = dir.path().join("mpi.csv");
    fs::write(
        &csv,
        "indicator,area,subgroup,period,value,status,qualifier,footnote,source\n\
         MPI_RATE,VNM,T,2024,1.9,provisional,,,NEWS_WVR_2026\n\
         MPI_RATE,VNM,T,2025,1.4,,,,NEWS_WVR_2026\n",
    )
    .unwrap();
    let report = import(
        &mut store,
        &[csv],
        &ImportOptions {
            replace: true,
            ..Default::default()
        },
    );
    assert_eq!((report.added, report.changed), (1, 1), "{report:?}");
    let log = store.audit_log(2).unwrap();
    let update = log.iter().find(|e| e.action == "update").unwrap();
    assert_eq!(
        (update.editor.as_str(), update.table.as_str()),
        ("tester", "observation")
    );
    assert!(
        update
            .old_values
            .as_deref()
            .unwrap()
            .contains("\"value\":1.3")
    );
    assert!(
        update
            .new_values
            .as_deref()
            .unwrap()
            .contains("\"value\":1.4")
    );
    let insert = log.iter().find(|e| e.action == "insert").unwrap();
    assert!(
        insert
            .new_values
            .as_deref()
            .unwrap()
            .contains("\"status\":\"provisional\"")
    );
    // The triggers are back on for the next edit.
    store
        .write("Lan", |tx| {
            tx.execute("UPDATE unit SET symbol = 'pc' WHERE code = 'PERCENT'", [])?;
            Ok(())
        })
        .unwrap();
    assert_eq!(store.audit_log(1).unwrap()[0].editor, "Lan");
}

#[test]
fn a_file_with_a_header_and_no_rows_is_said_to_bring_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let csv = dir.path().join("header.csv");
    std::fs::write(
        &csv,
        "indicator,area,subgroup,period,value,status,qualifier,footnote,source\n",
    )
    .unwrap();
    let report = import(&mut store, &[csv], &ImportOptions::default());
    assert_eq!(report.added + report.changed + report.unchanged, 0);
    assert!(
        report
            .notes
            .contains(&chiso::store::import::Note::NoFigures {
                file: "header.csv".into()
            }),
        "{:?}",
        report.notes
    );
}

#[test]
fn gso_px_web_tables_import_on_the_areas_they_name_with_the_preliminary_year_provisional() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let table = real.join("vietnam_gso/Under five mortality rate by province.csv");
    assert_eq!(
        chiso::import::detect(&table).unwrap(),
        chiso::import::Format::PxWebCsv
    );
    let options = ImportOptions {
        mappings: vec![("Under five mortality rate".into(), "U5MR".into())],
        ..Default::default()
    };
    let report = import(&mut store, &[table], &options);
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    // The country, its six regions and the 63 provinces of 2008-2025 (every file holds them
    // since schema 4), six years each (2010-2016): figures of 2016 go to the An Giang of then,
    // not to the An Giang made on 1 July 2025.
    assert_eq!(report.added, 70 * 6, "{report:?}");
    assert!(
        report.unknown_area_names.is_empty(),
        "{:?}",
        report.unknown_area_names
    );
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert!(value(&store, "U5MR", "VN-44", &source_of(&report), 2016).is_some());
    assert_eq!(
        value(&store, "U5MR", "VN-2025-91", &source_of(&report), 2016),
        None
    );
    let source = report.files[0].source.clone().unwrap();
    // Known values (shared/realdata/README.md): " WHOLE COUNTRY" with its leading space is
    // Viet Nam, "Ha Giang" is Hà Giang, "Ho Chi Minh city" is Thành phố Hồ Chí Minh.
    assert_eq!(value(&store, "U5MR", "VNM", &source, 2010), Some(23.8));
    assert_eq!(value(&store, "U5MR", "VNM", &source, 2016), Some(21.8));
    assert_eq!(value(&store, "U5MR", "VN-03", &source, 2010), Some(57.6));
    assert_eq!(value(&store, "U5MR", "VN-HN", &source, 2016), Some(14.9));
    assert_eq!(value(&store, "U5MR", "VN-SG", &source, 2015), Some(12.3));
    assert_eq!(value(&store, "U5MR", "VN-R-RRD", &source, 2010), Some(18.4));
    let filter = SeriesFilter {
        area: Some("VN-03".into()),
        source: Some(source.clone()),
        ..Default::default()
    };
    let hg = store.series("U5MR", &filter).unwrap();
    let status = |year: i32| hg.iter().find(|o| o.period.year == year).unwrap().status;
    assert_eq!(
        status(2016),
        chiso::model::Status::Provisional,
        "Prel. 2016"
    );
    assert_eq!(status(2015), chiso::model::Status::Normal);
    // The table of three items (crude birth, death and natural increase rates) is three
    // indicators, offered to create or map.
    let rates = real.join(
        "vietnam_gso/Crude birth rate, crude death rate and natural increase rate by province.csv",
    );
    let report = import(
        &mut store,
        &[rates],
        &ImportOptions {
            dry_run: true,
            ..Default::default()
        },
    );
    let offered: Vec<&str> = report
        .unmatched_indicators
        .iter()
        .map(|(k, _)| k.as_str())
        .collect();
    assert_eq!(
        offered,
        [
            "Crude birth rate",
            "Crude death rate",
            "Natural increase rate"
        ]
    );
}

#[test]
fn a_national_gso_table_of_categories_is_indicators_of_the_country_with_units_and_footnotes() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let table = real.join("vietnam_gso/Số nhân lực y tế.csv");
    assert_eq!(
        chiso::import::detect(&table).unwrap(),
        chiso::import::Format::PxWebCsv
    );
    // Two label columns, group rows that carry the unit: each (group, category) is an
    // indicator of the whole country, never an area.
    let preview = import(
        &mut store,
        std::slice::from_ref(&table),
        &ImportOptions {
            dry_run: true,
            ..Default::default()
        },
    );
    assert_eq!(preview.problem_count, 0, "{:?}", preview.problems);
    assert!(preview.unknown_area_names.is_empty(), "{preview:?}");
    assert_eq!(preview.unmatched_indicators.len(), 16, "{preview:?}");
    let doctors = "Số nhân lực y tế, Tổng số: Cán bộ ngành y - Bác sĩ";
    let index = "Số nhân lực y tế, Chỉ số phát triển (Năm trước = 100): Cán bộ ngành y - Bác sĩ";
    let per_10000 =
        "Số nhân lực y tế, Tổng số: Cán bộ ngành y - Bác sĩ tính bình quân cho 1 vạn dân (Người)";
    let options = ImportOptions {
        indicators: Some(vec![doctors.into(), index.into(), per_10000.into()]),
        ..Default::default()
    };
    let report = import(&mut store, &[table], &options);
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    let source = report.files[0].source.clone().unwrap();
    let code_of = |name: &str| {
        store
            .indicators()
            .unwrap()
            .into_iter()
            .find(|i| i.name.get(chiso::model::Language::Vietnamese) == name)
            .unwrap_or_else(|| panic!("{name} created"))
    };
    let (doctors, index, per_10000) = (code_of(doctors), code_of(index), code_of(per_10000));
    // Known values (shared/realdata/README.md).
    assert_eq!(
        value(&store, &doctors.code, "VNM", &source, 2017),
        Some(74.4)
    );
    assert_eq!(
        value(&store, &doctors.code, "VNM", &source, 2019),
        Some(96.2)
    );
    assert_eq!(
        value(&store, &index.code, "VNM", &source, 2019),
        Some(113.4)
    );
    assert_eq!(
        value(&store, &per_10000.code, "VNM", &source, 2017),
        Some(7.9)
    );
    let unit = |indicator: &chiso::model::Indicator| {
        indicator
            .unit
            .name
            .get(chiso::model::Language::Vietnamese)
            .to_owned()
    };
    assert_eq!(unit(&doctors), "Nghìn Người");
    assert_eq!(unit(&index), "%");
    assert_eq!(unit(&per_10000), "Người");
    // The figure keeps the footnotes its title and label point to; 2019 is provisional.
    let filter = SeriesFilter {
        area: Some("VNM".into()),
        source: Some(source.clone()),
        ..Default::default()
    };
    let series = store.series(&doctors.code, &filter).unwrap();
    let y2019 = series.iter().find(|o| o.period.year == 2019).unwrap();
    assert_eq!(y2019.status, chiso::model::Status::Provisional);
    assert!(
        y2019
            .footnote
            .starts_with("(*) Chưa kể cơ sở tư nhân. (**) Số liệu năm 2019"),
        "{}",
        y2019.footnote
    );
    assert!(!y2019.footnote.contains("(***)"), "{}", y2019.footnote);
}

#[test]
fn a_gso_census_table_in_a_workbook_imports_its_headings_as_subgroups() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let book = real.join("excel/indepth_pop.xlsx");
    let sheet = |name: &str| ImportOptions {
        sheet: Some(name.into()),
        ..Default::default()
    };
    // Biểu 1: population by urban/rural × sex, the country, regions and provinces, 2019.
    let report = import(&mut store, std::slice::from_ref(&book), &sheet("Bieu 1"));
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    // The country, its regions and its 63 provinces (schema 4), nine subgroups each.
    assert_eq!(report.added, 70 * 9, "{report:?}");
    let population = store
        .indicators()
        .unwrap()
        .into_iter()
        .find(|i| i.name.get(chiso::model::Language::Vietnamese) == "Dân số")
        .expect("created");
    assert_eq!(population.code, "DAN_SO");
    assert_eq!(
        population.unit.name.get(chiso::model::Language::Vietnamese),
        "Người"
    );
    let source = report.files[0].source.clone().unwrap();
    let get = |area: &str, subgroup: &str| {
        let filter = SeriesFilter {
            area: Some(area.into()),
            subgroup: Some(subgroup.into()),
            source: Some(source.clone()),
        };
        store
            .series(&population.code, &filter)
            .unwrap()
            .into_iter()
            .find(|o| o.period.year == 2019)
            .map(|o| o.value)
    };
    // Known values (shared/realdata/README.md).
    assert_eq!(get("VNM", "T"), Some(96208984.0));
    assert_eq!(get("VNM", "M"), Some(47881061.0));
    assert_eq!(get("VNM", "F"), Some(48327923.0));
    assert_eq!(get("VN-HN", "T"), Some(8053663.0));
    assert_eq!(get("VN-SG", "T"), Some(8993082.0));
    assert_eq!(get("VNM", "U"), Some(33122548.0));
    // The sample's population is in millions: a name in common, in another unit, is neither
    // taken nor offered, and the census's count stays a figure of its own.
    assert!(report.name_matches.is_empty());
    // Biểu 7: households, by another sheet of the same workbook.
    let report = import(&mut store, &[book], &sheet("bieu 7"));
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    let source = report.files[0].source.clone().unwrap();
    assert_eq!(
        value(&store, "SO_HO", "VNM", &source, 2019),
        Some(26870079.0)
    );
    assert_eq!(
        value(&store, "SO_HO", "VN-HN", &source, 2019),
        Some(2224107.0)
    );
}

#[test]
fn aggregates_are_never_created_as_countries_even_without_the_metadata_file() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    // The World Bank file alone, without the Metadata_Country file that names aggregates.
    let alone = dir.path().join("API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv");
    fs::copy(
        real.join("worldbank_wdi/bulk_csv/API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv"),
        &alone,
    )
    .unwrap();
    let options = ImportOptions {
        areas: Some(vec!["THA".into(), "ARB".into(), "WLD".into()]),
        ..Default::default()
    };
    let report = import(&mut store, &[alone], &options);
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    assert_eq!(store.area("THA").unwrap().level, "country");
    assert_eq!(store.area("ARB").unwrap().level, "aggregate");
    assert_eq!(store.area("WLD").unwrap().level, "aggregate");
}

#[test]
fn an_owid_column_the_metadata_does_not_call_numeric_is_not_an_indicator() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let meta = r#"{"chart":{"title":"Democracy","citation":"V-Dem (2025)"},
"columns":{"Regime":{"type":"Ordinal","unit":""},"Score":{"type":"Numeric","unit":"","shortUnit":""}}}"#;
    fs::write(dir.path().join("regime.metadata.json"), meta).unwrap();
    let csv = dir.path().join("regime.csv");
    fs::write(
        &csv,
        "Entity,Code,Year,Regime,time,Score\nVietnam,VNM,2020,1,2020,0.2\nVietnam,VNM,2021,1,2021,0.25\n",
    )
    .unwrap();
    let report = import(&mut store, &[csv], &ImportOptions::default());
    let notes: Vec<String> = report.notes.iter().map(ToString::to_string).collect();
    assert!(
        notes
            .iter()
            .any(|n| n
                .contains("column `Regime` is not an indicator (its metadata calls it Ordinal")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n
                .contains("column `time` is not an indicator (its metadata does not describe it)")),
        "{notes:?}"
    );
    assert!(
        !notes.iter().any(|n| n.contains("only a header")),
        "{notes:?}"
    );
    // The one numeric variable is the file's one indicator, created and filled.
    assert_eq!(report.added, 2, "{report:?}");
    assert!(
        store
            .indicators()
            .unwrap()
            .iter()
            .all(|i| i.code != "TIME" && i.code != "REGIME")
    );
}

#[test]
fn refused_files_are_named_for_what_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let cases: [(&str, &str, &str); 6] = [
        (
            "page.csv",
            "<!DOCTYPE html><html><body>Sign in</body></html>",
            "web page (HTML)",
        ),
        (
            "gho.json",
            r#"{"@odata.context":"https://ghoapi.azureedge.net/api/$metadata#Dimension","error":{}}"#,
            "not an answer of the WHO GHO API",
        ),
        (
            "chart.metadata.json",
            r#"{"chart":{"title":"HDI"},"columns":{"hdi":{"type":"Numeric"}}}"#,
            "metadata of an Our World in Data chart",
        ),
        (
            "other.json",
            r#"{"data": [1, 2, 3]}"#,
            "not a World Bank API v2 response",
        ),
        (
            "labour.xml",
            r#"<?xml version="1.0"?><message:GenericData xmlns:message="http://www.SDMX.org/">"#,
            "SDMX-ML",
        ),
        (
            "wide.csv",
            &format!("{}\n1,2\n", "x".repeat(5000)),
            "its first row is",
        ),
    ];
    for (name, content, said) in cases {
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        let report = import(&mut store, &[path], &ImportOptions::default());
        assert_eq!(report.added, 0);
        let reason = report.problems[0].to_string();
        assert!(reason.contains(said), "{name}: {reason}");
        assert!(
            reason.chars().count() <= 400,
            "{name}: a line a person reads: {reason}"
        );
    }
}

#[test]
fn sdmx_csv_of_unicef_keeps_every_digit_sex_as_subgroups_and_aggregates_out() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let file = real.join("sdmx_csv/CME_MRY0T4_all_2020.csv");
    assert_eq!(
        chiso::import::detect(&file).unwrap(),
        chiso::import::Format::SdmxCsv
    );
    let options = ImportOptions {
        mappings: vec![("CME_MRY0T4".into(), "U5MR".into())],
        areas: Some(vec!["VNM".into(), "WORLD".into()]),
        ..Default::default()
    };
    let report = import(&mut store, &[file], &options);
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    let source = report.files[0].source.clone().unwrap();
    // Known values (shared/realdata/README.md): VNM 2020, every digit as published.
    let get = |subgroup: &str| {
        let filter = SeriesFilter {
            area: Some("VNM".into()),
            subgroup: Some(subgroup.into()),
            source: Some(source.clone()),
        };
        store.series("U5MR", &filter).unwrap()[0].value
    };
    assert_eq!(get("T"), 20.9729070951574);
    assert_eq!(get("F"), 17.0416747196273);
    assert_eq!(get("M"), 24.7162856247648);
    // The world, chosen, is an aggregate, not a country.
    assert_eq!(store.area("WORLD").unwrap().level, "aggregate");
    // The World Bank's figures for the same cell stay beside UNICEF's.
    assert_eq!(
        value(&store, "U5MR", "VNM", "WB_WDI_2024_09", 2020),
        Some(20.9)
    );
}

#[test]
fn who_gho_bulk_csv_reads_numeric_values_not_the_display_text() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let file = real.join("who_gho/WHOSIS_000003.csv");
    assert_eq!(
        chiso::import::detect(&file).unwrap(),
        chiso::import::Format::WhoGhoCsv
    );
    let options = ImportOptions {
        indicators: Some(vec!["WHOSIS_000003".into()]),
        areas: Some(vec!["VNM".into(), "AFR".into()]),
        ..Default::default()
    };
    let report = import(&mut store, &[file], &options);
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    let source = report.files[0].source.clone().unwrap();
    // Known values (shared/realdata/README.md): NumericValue, never "9.96 [7.05-14.04]".
    assert_eq!(
        value(&store, "WHOSIS_000003", "VNM", &source, 1990),
        Some(23.69425)
    );
    assert_eq!(
        value(&store, "WHOSIS_000003", "VNM", &source, 2000),
        Some(15.04313)
    );
    assert_eq!(
        value(&store, "WHOSIS_000003", "VNM", &source, 2020),
        Some(9.95846)
    );
    // A WHO region is a group of countries.
    assert_eq!(store.area("AFR").unwrap().level, "aggregate");
}

#[test]
fn ilostat_labels_keep_each_survey_as_a_source_and_each_currency_as_an_indicator() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let file = real.join("sdmx_csv/EAR_4MTH_SEX_GEO_CUR_NB_A-filtered-2025-06-01.csv");
    assert_eq!(
        chiso::import::detect(&file).unwrap(),
        chiso::import::Format::IlostatCsv
    );
    let preview = import(
        &mut store,
        std::slice::from_ref(&file),
        &ImportOptions {
            dry_run: true,
            ..Default::default()
        },
    );
    // One indicator, in one currency: created, as a single-indicator file's is.
    let key = "Average monthly earnings of employees by sex and rural / urban areas \
               Currency: 2021 PPP $";
    assert_eq!(preview.problem_count, 0, "{:?}", preview.problems);
    let report = import(
        &mut store,
        std::slice::from_ref(&file),
        &ImportOptions {
            indicators: Some(vec![key.into()]),
            ..Default::default()
        },
    );
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    let indicator = store
        .indicators()
        .unwrap()
        .into_iter()
        .find(|i| i.name.en.starts_with("Average monthly earnings"))
        .expect("created");
    assert!(
        indicator.name.en.ends_with("(2021 PPP $)"),
        "{:?}",
        indicator.name
    );
    assert_eq!(indicator.unit.name.en, "2021 PPP $");
    // Known values (shared/realdata/README.md): Viet Nam, LFS, Total, National.
    let lfs = "ILOSTAT_LFS_2025_06_01";
    assert_eq!(
        value(&store, &indicator.code, "VNM", lfs, 2014),
        Some(568.67)
    );
    assert_eq!(
        value(&store, &indicator.code, "VNM", lfs, 2023),
        Some(1103.908)
    );
    let women = SeriesFilter {
        area: Some("VNM".into()),
        subgroup: Some("F".into()),
        source: Some(lfs.into()),
    };
    let series = store.series(&indicator.code, &women).unwrap();
    let y2023 = series.iter().find(|o| o.period.year == 2023).unwrap();
    assert_eq!(y2023.value, 1025.062);
    assert_eq!(
        store.source(lfs).unwrap().publisher.en,
        "International Labour Organization (ILO)"
    );
}

#[test]
fn an_owid_csv_without_metadata_imports_with_the_unit_given_and_a_factor_of_100_is_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let csv = dir.path().join("internet.csv");
    // The sample's OWID/ITU figures for Viet Nam are 74.21, 78.59 (per cent); these are
    // shares, a hundredth of them, as a user's own extract might hold.
    fs::write(
        &csv,
        "Entity,Code,Year,Internet users\nVietnam,VNM,2021,0.7421\nVietnam,VNM,2024,0.80\n",
    )
    .unwrap();
    // Without its metadata and without a unit: refused, and the way out is named.
    let report = import(
        &mut store,
        std::slice::from_ref(&csv),
        &ImportOptions::default(),
    );
    assert!(!report.committed, "{report:?}");
    let said = report.problems[0].to_string();
    assert!(said.contains("--unit"), "{said}");
    // With the unit (wrongly) given as per cent, onto the sample's indicator: the figure a
    // hundredth of another source's for the same cell stops the import before it writes.
    let mapped = ImportOptions {
        unit: Some("%".into()),
        mappings: vec![("Internet users".into(), "INTERNET_USERS".into())],
        ..Default::default()
    };
    let report = import(&mut store, std::slice::from_ref(&csv), &mapped);
    assert!(!report.committed || report.added == 0, "{report:?}");
    let said = report.problems[0].to_string();
    assert!(said.contains("about 1/100 times"), "{said}");
    assert!(said.contains("0.7421"), "{said}");
    assert_eq!(report.problems[0].line, 2);
    // Figures in per cent, the unit given: imported, as a source of their own.
    fs::write(
        &csv,
        "Entity,Code,Year,Internet users\nVietnam,VNM,2021,74.2\nVietnam,VNM,2024,80\n",
    )
    .unwrap();
    let report = import(&mut store, &[csv], &mapped);
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    assert_eq!(report.added, 2, "{report:?}");
    let source = report.files[0].source.clone().unwrap();
    assert_eq!(
        value(&store, "INTERNET_USERS", "VNM", &source, 2021),
        Some(74.2)
    );
}

#[test]
fn a_name_in_common_is_offered_never_taken_and_never_across_units() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    // A WHO GHO file of one indicator named like the sample's: offered as a mapping.
    let gho = dir.path().join("gho.csv");
    fs::write(
        &gho,
        "IndicatorCode,SpatialDimension,SpatialDimensionValueCode,TimeDim,NumericValue\n\
         Multidimensional poverty rate,COUNTRY,VNM,2020,4.3\n",
    )
    .unwrap();
    let report = import(
        &mut store,
        std::slice::from_ref(&gho),
        &ImportOptions::default(),
    );
    assert_eq!(report.added, 0, "{report:?}");
    assert_eq!(
        report.name_matches,
        [(
            "Multidimensional poverty rate".to_owned(),
            "MPI_RATE".to_owned()
        )]
    );
    assert!(
        report
            .outcome(&ImportOptions::default())
            .to_string()
            .starts_with("Nothing imported")
    );
    // A name in common in a unit that cannot be the database's: not offered.
    let gdp = dir.path().join("gdp.csv");
    fs::write(
        &gdp,
        "IndicatorCode,SpatialDimension,SpatialDimensionValueCode,TimeDim,NumericValue\n\
         GDP per capita,COUNTRY,VNM,2020,11000\n",
    )
    .unwrap();
    let meta_unit = ImportOptions {
        unit: Some("PPP $".into()),
        ..Default::default()
    };
    let report = import(&mut store, std::slice::from_ref(&gdp), &meta_unit);
    assert!(report.name_matches.is_empty(), "{report:?}");
    // The user takes the offer: the figures go onto the sample's indicator.
    let taken = ImportOptions {
        mappings: vec![("Multidimensional poverty rate".into(), "MPI_RATE".into())],
        ..Default::default()
    };
    let report = import(&mut store, &[gho], &taken);
    assert_eq!(report.added, 1, "{report:?}");
}

#[test]
fn who_gho_odata_json_imports_like_the_bulk_csv() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    // The shape of https://ghoapi.azureedge.net/api/WHOSIS_000003 (figures of the bulk CSV).
    let answer = r#"{"@odata.context":"https://ghoapi.azureedge.net/api/$metadata#WHOSIS_000003","value":[
{"Id":1,"IndicatorCode":"WHOSIS_000003","SpatialDimType":"COUNTRY","SpatialDim":"VNM","TimeDimType":"YEAR","ParentLocationCode":"WPR","ParentLocation":"Western Pacific","Dim1Type":"SEX","TimeDim":2020,"Dim1":"SEX_BTSX","Dim2Type":null,"Dim2":null,"Value":"9.96 [7.05-14.04]","NumericValue":9.95846,"Low":7.05,"High":14.04,"Comments":null,"Date":"2022-01-18T13:31:27.413+01:00","TimeDimensionValue":"2020"},
{"Id":2,"IndicatorCode":"WHOSIS_000003","SpatialDimType":"COUNTRY","SpatialDim":"VNM","TimeDimType":"YEAR","Dim1Type":"SEX","TimeDim":1990,"Dim1":"SEX_BTSX","Value":"23.7 [21.0-26.8]","NumericValue":23.69425,"Date":"2022-01-18T13:31:27.413+01:00"},
{"Id":3,"IndicatorCode":"WHOSIS_000003","SpatialDimType":"REGION","SpatialDim":"AFR","TimeDimType":"YEAR","Dim1Type":"SEX","TimeDim":2020,"Dim1":"SEX_BTSX","Value":"27.0","NumericValue":27.0,"Date":"2022-01-18T13:31:27.413+01:00"},
{"Id":4,"IndicatorCode":"WHOSIS_000003","SpatialDimType":"COUNTRY","SpatialDim":"THA","TimeDimType":"YEAR","Dim1Type":"SEX","TimeDim":2020,"Dim1":"SEX_BTSX","Value":"No data","NumericValue":"n/a","Date":"2022-01-18T13:31:27.413+01:00"}
]}"#;
    let file = dir.path().join("WHOSIS_000003.json");
    fs::write(&file, answer).unwrap();
    assert_eq!(
        chiso::import::detect(&file).unwrap(),
        chiso::import::Format::WhoGhoJson
    );
    let options = ImportOptions {
        areas: Some(vec!["VNM".into(), "AFR".into()]),
        ..Default::default()
    };
    let report = import(&mut store, std::slice::from_ref(&file), &options);
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    assert_eq!(report.added, 3, "{report:?}");
    let source = report.files[0].source.clone().unwrap();
    assert_eq!(
        value(&store, "WHOSIS_000003", "VNM", &source, 2020),
        Some(9.95846)
    );
    assert_eq!(
        value(&store, "WHOSIS_000003", "VNM", &source, 1990),
        Some(23.69425)
    );
    assert_eq!(store.area("AFR").unwrap().level, "aggregate");
    assert!(
        store
            .source(&source)
            .unwrap()
            .edition
            .en
            .contains("OData API")
    );
    // An answer with no figures says so and changes nothing.
    let empty = dir.path().join("none.json");
    fs::write(
        &empty,
        r#"{"@odata.context":"https://ghoapi.azureedge.net/api/$metadata#X","value":[]}"#,
    )
    .unwrap();
    let report = import(&mut store, &[empty], &ImportOptions::default());
    assert_eq!(report.added, 0);
    assert!(
        report.problems[0].to_string().contains("holds no figures"),
        "{:?}",
        report.problems
    );
}

#[test]
fn an_excel_download_imports_like_its_csv_and_other_workbooks_are_named() {
    let Some(real) = realdata() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut store = sample_store(&dir);
    let xls = real.join("excel/API_NY.GDP.PCAP.CD_DS2_en_excel_v2_724.xls");
    assert_eq!(
        chiso::import::detect(&xls).unwrap(),
        chiso::import::Format::Workbook
    );
    let options = ImportOptions {
        areas: Some(vec!["VNM".into()]),
        ..Default::default()
    };
    let report = import(&mut store, &[xls], &options);
    assert_eq!(report.problem_count, 0, "{:?}", report.problems);
    let source = report.files[0].source.clone().unwrap();
    // Known values (shared/realdata/README.md): full-precision doubles, the date cell read as
    // the release it is.
    let code = "NY_GDP_PCAP_CD";
    assert_eq!(
        value(&store, code, "VNM", &source, 1985),
        Some(238.64780531340304)
    );
    assert_eq!(
        value(&store, code, "VNM", &source, 2024),
        Some(4717.290287324488)
    );
    assert_eq!(value(&store, code, "VNM", &source, 1984), None);
    assert_eq!(store.source(&source).unwrap().published, "2026-04-08");
    // A workbook in no layout Chiso reads says so and names its sheets.
    let annex = real.join("excel/HDR25_Statistical_Annex_HDI_Table.xlsx");
    let report = import(&mut store, &[annex], &ImportOptions::default());
    let said = report.problems[0].to_string();
    assert!(said.contains("sheets (Table 1. HDI)"), "{said}");
}

/// The source the first file of an import was given.
fn source_of(report: &chiso::store::import::ImportReport) -> String {
    report.files[0].source.clone().unwrap()
}
