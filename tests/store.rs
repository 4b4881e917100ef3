//! The store on real files: schema, safe opening, migrations, audit triggers, the sample.

use std::fs;
use std::path::{Path, PathBuf};

use chiso::model::{Language, Name, Qualifier, Status};
use chiso::store::query::SeriesFilter;
use chiso::store::{
    APPLICATION_ID, OUTSIDE_EDITOR, OpenError, ReadOnlyReason, SCHEMA_VERSION, Store, StoreError,
};
use chiso::workspace::sample;
use rusqlite::Connection;

fn sample_db(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("sample.db");
    sample::create_sample(&path).expect("sample builds");
    path
}

fn all_bytes(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap()
}

#[test]
fn a_new_file_is_marked_as_chiso_at_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    Store::create(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!((app, version), (APPLICATION_ID, SCHEMA_VERSION));
    let store = Store::open(&path).unwrap();
    assert!(store.read_only().is_none());
    assert!(store.catalogue().unwrap().is_empty());
}

#[test]
fn create_refuses_an_existing_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    fs::write(&path, "keep me").unwrap();
    assert!(matches!(
        Store::create(&path),
        Err(OpenError::AlreadyExists { .. })
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), "keep me");
}

#[test]
fn the_sample_holds_the_news_figures_with_their_sources() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&sample_db(&dir)).unwrap();
    let catalogue = store.catalogue().unwrap();
    let latest = |code: &str| {
        let entry = catalogue.iter().find(|e| e.indicator.code == code).unwrap();
        entry.latest.clone().unwrap()
    };
    for code in ["HDI", "U5MR", "MPI_RATE", "HOUSES_BUILT", "INTERNET_USERS"] {
        assert!(catalogue.iter().any(|e| e.indicator.code == code), "{code}");
    }
    let hdi = latest("HDI");
    assert_eq!((hdi.value, hdi.period.year), (0.766, 2023));
    assert_eq!(latest("HDI_RANK").value, 93.0);
    let u5 = latest("U5MR");
    assert_eq!(
        (u5.value, u5.period.year, u5.source_code.as_str()),
        (16.9, 2024, "NEWS_VNA_2025_12")
    );
    assert_eq!(latest("MPI_RATE").value, 1.3);
    assert_eq!(latest("HOUSES_BUILT").value, 334_000.0);
    assert_eq!(latest("INTERNET_USERS").value, 78.8);
    let apartments = latest("SOCIAL_HOUSING_APTS");
    assert_eq!(
        (apartments.value, apartments.qualifier),
        (100_000.0, Qualifier::MoreThan)
    );
    let groups = latest("EM_PROGRAMME_GROUPS_MET");
    assert_eq!(
        (groups.value, groups.period.label.as_str()),
        (6.0, "2021–2025")
    );
    assert!(groups.footnote.contains("9 target groups"));

    let em = store
        .series(
            "MPI_RATE",
            &SeriesFilter {
                subgroup: Some("EM".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!((em[0].value, em[0].qualifier), (11.0, Qualifier::About));
    let happiness = store
        .series("HAPPINESS_RANK", &SeriesFilter::default())
        .unwrap();
    let ranks: Vec<_> = happiness.iter().map(|o| (o.period.year, o.value)).collect();
    assert_eq!(ranks, [(2000, 83.0), (2025, 46.0)]);
    assert_eq!(
        store
            .series("SOCIAL_NETWORK_USERS", &SeriesFilter::default())
            .unwrap()[0]
            .status,
        Status::Estimated
    );
}

#[test]
fn the_sample_keeps_disagreeing_sources_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&sample_db(&dir)).unwrap();
    let u5_1990: Vec<_> = store
        .series("U5MR", &SeriesFilter::default())
        .unwrap()
        .into_iter()
        .filter(|o| o.period.year == 1990)
        .map(|o| (o.source_code, o.value))
        .collect();
    assert_eq!(
        u5_1990,
        [
            ("NEWS_VNA_2025_12".to_owned(), 58.0),
            ("WB_API_2025_10".to_owned(), 51.5),
            ("WB_WDI_2024_09".to_owned(), 51.6),
        ]
    );
    let hdi = store
        .series(
            "HDI",
            &SeriesFilter {
                source: Some("UNDP_HDR_2025".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(hdi.len(), 34, "HDI 1990–2023 from HDR 2025");
    assert_eq!((hdi[0].period.year, hdi[0].value), (1990, 0.499));
    let internet = store
        .series(
            "INTERNET_USERS",
            &SeriesFilter {
                source: Some("OWID_ITU_2025".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let last = internet.last().unwrap();
    assert_eq!((last.period.year, last.value), (2023, 78.08));
    let targets = store.targets("U5MR").unwrap();
    assert_eq!(
        (targets[0].target_year, targets[0].target_value),
        (2030, 25.0)
    );
    assert!(targets[0].reference.contains("SDG"));
    let source = store.source("UNDP_HDR_2025").unwrap();
    assert!(source.edition.en.contains("2025") && !source.citation.is_empty());
}

#[test]
fn one_cell_and_source_holds_one_figure() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_db(&dir);
    let conn = Connection::open(&path).unwrap();
    let duplicate = conn.execute(
        "INSERT INTO observation (indicator_id, area_id, subgroup_id, source_id, year, value) \
         SELECT indicator_id, area_id, subgroup_id, source_id, year, 1 FROM observation LIMIT 1",
        [],
    );
    assert!(
        duplicate.is_err(),
        "a second figure for the same cell and source is refused"
    );
}

#[test]
fn edits_made_with_another_tool_are_audited() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_db(&dir);
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE observation SET value = 0.767 WHERE year = 2023 AND source_id = \
         (SELECT id FROM source WHERE code = 'UNDP_HDR_2025') AND indicator_id = \
         (SELECT id FROM indicator WHERE code = 'HDI')",
        [],
    )
    .unwrap();
    conn.execute(
        "DELETE FROM target WHERE target_year = 2030 AND target_value = 0.7",
        [],
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path).unwrap();
    let log = store.audit_log(2).unwrap();
    assert_eq!(log[0].action, "delete");
    assert_eq!(log[0].table, "target");
    let update = &log[1];
    assert_eq!(
        (update.table.as_str(), update.action.as_str()),
        ("observation", "update")
    );
    assert_eq!(update.editor, OUTSIDE_EDITOR);
    assert!(
        update
            .old_values
            .as_deref()
            .unwrap()
            .contains("\"value\":0.766")
    );
    assert!(
        update
            .new_values
            .as_deref()
            .unwrap()
            .contains("\"value\":0.767")
    );
}

#[test]
fn edits_through_chiso_name_the_editor_and_roll_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&sample_db(&dir)).unwrap();
    let before = store.summary().unwrap().counts;
    let result: Result<(), StoreError> = store.write("Lan", |tx| {
        tx.execute(
            "UPDATE unit SET name = 'Per cent (%)' WHERE code = 'PERCENT'",
            [],
        )?;
        tx.execute(
            "INSERT INTO unit (code, name) VALUES ('PERCENT', 'dup')",
            [],
        )?;
        Ok(())
    });
    assert!(result.is_err());
    assert_eq!(
        store.summary().unwrap().counts,
        before,
        "nothing of a failed write lands"
    );

    store
        .write("Lan", |tx| {
            tx.execute(
                "UPDATE unit SET name = 'Per cent (%)' WHERE code = 'PERCENT'",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let last = &store.audit_log(1).unwrap()[0];
    assert_eq!((last.editor.as_str(), last.table.as_str()), ("Lan", "unit"));
    // The editor is not left behind for the next tool that writes.
    let conn = Connection::open(store.path()).unwrap();
    conn.execute("UPDATE unit SET symbol = 'pc' WHERE code = 'PERCENT'", [])
        .unwrap();
    drop(conn);
    assert_eq!(store.audit_log(1).unwrap()[0].editor, OUTSIDE_EDITOR);
}

#[test]
fn files_that_are_not_chiso_files_are_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    fs::write(&text, "indicator,value\nHDI,0.766\n").unwrap();
    let png = dir.path().join("chart.sqlite");
    fs::write(
        &png,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0",
    )
    .unwrap();
    let empty = dir.path().join("empty.db");
    fs::write(&empty, "").unwrap();
    let foreign = dir.path().join("contacts.db");
    {
        let conn = Connection::open(&foreign).unwrap();
        conn.execute_batch("CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Lan');")
            .unwrap();
    }
    type Expected = fn(&OpenError) -> bool;
    let cases: Vec<(PathBuf, Expected, &str)> = vec![
        (
            text,
            |e| matches!(e, OpenError::NotSqlite { .. }),
            "text file",
        ),
        (
            png,
            |e| matches!(e, OpenError::NotSqlite { .. }),
            "PNG image",
        ),
        (empty, |e| matches!(e, OpenError::Empty { .. }), "empty"),
        (
            foreign.clone(),
            |e| matches!(e, OpenError::Foreign { .. }),
            "another application",
        ),
    ];
    for (path, expected, what) in cases {
        let before = all_bytes(&path);
        let error = Store::open(&path).unwrap_err();
        assert!(expected(&error), "{what}: {error}");
        let message = error.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert_eq!(all_bytes(&path), before, "{what} left byte-identical");
    }
    assert!(
        Store::open(&foreign)
            .unwrap_err()
            .to_string()
            .contains("contact")
    );

    let missing = dir.path().join("nowhere.db");
    assert!(matches!(
        Store::open(&missing),
        Err(OpenError::Missing { .. })
    ));
    assert!(!missing.exists(), "opening a missing path creates nothing");
    assert!(matches!(
        Store::open(dir.path()),
        Err(OpenError::Directory { .. })
    ));
}

#[test]
fn a_file_from_a_newer_chiso_opens_read_only_and_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_db(&dir);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 5)
        .unwrap();
    let before = all_bytes(&path);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.read_only(),
        Some(&ReadOnlyReason::NewerSchema {
            found: SCHEMA_VERSION + 5,
            known: SCHEMA_VERSION
        })
    );
    assert!(
        store
            .read_only()
            .unwrap()
            .to_string()
            .contains("newer Chiso")
    );
    assert!(!store.catalogue().unwrap().is_empty(), "still readable");
    let write = store.write("Lan", |_| Ok(()));
    assert!(matches!(write, Err(StoreError::ReadOnly(_))));
    drop(store);
    assert_eq!(all_bytes(&path), before);
}

#[test]
fn a_read_only_file_opens_for_viewing_and_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_db(&dir);
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();
    let before = all_bytes(&path);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.read_only(), Some(&ReadOnlyReason::FileReadOnly));
    assert!(store.read_only().unwrap().to_string().contains("read-only"));
    assert!(store.write("Lan", |_| Ok(())).is_err());
    assert_eq!(
        store.series("HDI", &SeriesFilter::default()).unwrap().len(),
        35
    );
    drop(store);
    assert_eq!(all_bytes(&path), before);
}

#[test]
fn a_version_1_file_migrates_forward_keeping_its_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        // A file as Chiso's first schema left it, with a figure in it.
        let mut conn = Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        chiso::store::schema::migrate_for_tests(&tx, 0, 1).unwrap();
        tx.execute_batch(
            "INSERT INTO unit (code, name, symbol) VALUES ('PERCENT', 'Per cent', '%');
             INSERT INTO indicator (code, name, short_name, unit_id) VALUES ('MPI_RATE', 'Multidimensional poverty rate', 'MPI', 1);
             INSERT INTO area (code, name) VALUES ('VNM', 'Việt Nam');
             INSERT INTO subgroup (code, name) VALUES ('T', 'Total');
             INSERT INTO source (code, short_name) VALUES ('NEWS', 'News');
             INSERT INTO observation (indicator_id, area_id, subgroup_id, source_id, year, value) VALUES (1, 1, 1, 1, 2025, 1.3);",
        )
        .unwrap();
        tx.commit().unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, 1);
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.summary().unwrap().schema_version, SCHEMA_VERSION);
    let figures = store.series("MPI_RATE", &SeriesFilter::default()).unwrap();
    assert_eq!(figures[0].value, 1.3);
    store
        .write("Lan", |tx| {
            tx.execute("UPDATE observation SET value = 1.2", [])?;
            Ok(())
        })
        .unwrap();
    assert_eq!(
        store.audit_log(1).unwrap()[0].editor,
        "Lan",
        "the audit log works after migrating"
    );
}

#[test]
fn a_version_2_file_migrates_to_names_in_both_languages_keeping_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    {
        // A file as wave 1 left it: one name per thing, in English (or the only one known).
        let mut conn = Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        chiso::store::schema::migrate_for_tests(&tx, 0, 2).unwrap();
        tx.execute_batch(
            "INSERT INTO unit (code, name, symbol) VALUES ('PERCENT', 'Per cent', '%');
             INSERT INTO indicator (code, name, short_name, unit_id, theme) VALUES ('MPI_RATE', 'Multidimensional poverty rate', 'MPI', 1, 'Poverty');
             INSERT INTO area (code, name) VALUES ('VN-03', 'Hà Giang');
             INSERT INTO subgroup (code, name) VALUES ('T', 'Total');
             INSERT INTO source (code, short_name, title) VALUES ('NEWS', 'News', 'A report');
             INSERT INTO observation (indicator_id, area_id, subgroup_id, source_id, year, value) VALUES (1, 1, 1, 1, 2025, 1.3);",
        )
        .unwrap();
        tx.commit().unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.summary().unwrap().schema_version, SCHEMA_VERSION);
    let mpi = store.indicator("MPI_RATE").unwrap();
    assert_eq!(mpi.name, Name::only("Multidimensional poverty rate"));
    assert_eq!(mpi.theme.get(Language::Vietnamese), "Poverty", "falls back");
    assert_eq!(
        store.area("VN-03").unwrap().name.get(Language::English),
        "Hà Giang"
    );
    assert_eq!(store.source("NEWS").unwrap().title, Name::only("A report"));
    // The new columns are written, read and audited like the old ones.
    let id = store.indicator("MPI_RATE").unwrap().id;
    let mut values: Vec<String> = store
        .records("indicator")
        .unwrap()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap()
        .values;
    let fields = chiso::store::records::fields("indicator");
    let at = |column: &str| fields.iter().position(|f| f.column == column).unwrap();
    values[at("name_vi")] = "Tỷ lệ nghèo đa chiều".into();
    store
        .save_record("Lan", "indicator", Some(id), &values)
        .unwrap();
    let mpi = store.indicator("MPI_RATE").unwrap();
    assert_eq!(mpi.name.get(Language::Vietnamese), "Tỷ lệ nghèo đa chiều");
    assert_eq!(
        mpi.name.get(Language::English),
        "Multidimensional poverty rate"
    );
    let last = &store.audit_log(1).unwrap()[0];
    assert_eq!(last.editor, "Lan");
    assert!(
        last.new_values
            .as_deref()
            .unwrap_or("")
            .contains("Tỷ lệ nghèo đa chiều"),
        "{last:?}"
    );
}

#[test]
fn the_sqlite3_shell_edit_is_audited_when_the_shell_is_installed() {
    let Ok(output) = std::process::Command::new("sqlite3")
        .arg("--version")
        .output()
    else {
        eprintln!("skipped: no sqlite3 shell on PATH (CI installs it)");
        return;
    };
    assert!(output.status.success());
    let dir = tempfile::tempdir().unwrap();
    let path = sample_db(&dir);
    let status = std::process::Command::new("sqlite3")
        .arg(&path)
        .arg("UPDATE indicator SET name = 'Human Development Index (UNDP)' WHERE code = 'HDI';")
        .status()
        .unwrap();
    assert!(status.success());
    let store = Store::open(&path).unwrap();
    let last = &store.audit_log(1).unwrap()[0];
    assert_eq!(
        (last.table.as_str(), last.action.as_str()),
        ("indicator", "update")
    );
    assert_eq!(last.editor, OUTSIDE_EDITOR);
    assert!(last.new_values.as_deref().unwrap().contains("(UNDP)"));
}

#[test]
fn saved_views_are_renamed_reordered_and_deleted_in_the_file_and_audited() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&sample_db(&dir)).unwrap();
    let names = |store: &Store| {
        store
            .views()
            .unwrap()
            .into_iter()
            .map(|v| v.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&store).len(), 5);
    let spec = chiso::chart::ChartSpec {
        note: "Hà Giang".into(),
        ..Default::default()
    };
    let id = store.save_view("Lan", "Mine", &spec).unwrap();
    assert_eq!(names(&store).last().map(String::as_str), Some("Mine"));
    store.move_view("Lan", id, -10).unwrap();
    assert_eq!(names(&store)[0], "Mine");
    store.rename_view("Lan", id, "Của tôi").unwrap();
    assert_eq!(store.views().unwrap()[0].name, "Của tôi");
    assert_eq!(store.views().unwrap()[0].spec.note, "Hà Giang");
    let clash = store.rename_view("Lan", id, "Houses built").unwrap_err();
    assert!(clash.to_string().contains("exists already"), "{clash}");
    assert!(store.save_view("Lan", "  ", &spec).is_err());
    store.delete_view("Lan", id).unwrap();
    assert_eq!(names(&store).len(), 5);
    let last = &store.audit_log(1).unwrap()[0];
    assert_eq!(
        (
            last.table.as_str(),
            last.action.as_str(),
            last.editor.as_str()
        ),
        ("saved_view", "delete", "Lan")
    );
}

#[test]
fn a_version_3_file_gains_the_provinces_of_both_sides_of_the_2025_reform() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        chiso::store::schema::migrate_for_tests(&tx, 0, 3).unwrap();
        // A file of its own names: they are kept, and the areas gain their dates.
        tx.execute_batch(
            "INSERT INTO area (code, name, name_vi, level) VALUES ('VNM', 'Vietnam', 'Việt Nam', 'country');
             INSERT INTO area (code, name, parent_id, level) VALUES ('VN-03', 'Ha Giang province', 1, 'province');",
        )
        .unwrap();
        tx.commit().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.summary().unwrap().schema_version, SCHEMA_VERSION);
    let ha_giang = store.area("VN-03").unwrap();
    assert_eq!(ha_giang.name.get(Language::English), "Ha Giang province");
    assert_eq!(
        (ha_giang.gso_code.as_str(), ha_giang.valid_until.as_str()),
        ("02", "2025-06-30")
    );
    assert!(ha_giang.valid_in(2016) && ha_giang.valid_in(2025) && !ha_giang.valid_in(2026));
    let tuyen_quang = store.area("VN-2025-08").unwrap();
    assert_eq!(tuyen_quang.name.get(Language::English), "Tuyên Quang");
    assert_eq!(tuyen_quang.name.get(Language::Vietnamese), "Tuyên Quang");
    assert_eq!(tuyen_quang.valid_from, "2025-07-01");
    assert!(
        !tuyen_quang.valid_in(2024) && tuyen_quang.valid_in(2025) && tuyen_quang.valid_in(2030)
    );
    assert_eq!(tuyen_quang.parent_code.as_deref(), Some("VN-R-NMM"));
    // Hà Nội's territory did not change: one area, valid throughout.
    let ha_noi = store.area("VN-HN").unwrap();
    assert!(ha_noi.valid_from.is_empty() && ha_noi.valid_until.is_empty());
    let areas = store.areas().unwrap();
    let provinces_in = |year: i32| {
        areas
            .iter()
            .filter(|a| a.level == "province" && a.valid_in(year))
            .count()
    };
    assert_eq!(provinces_in(2024), 63);
    assert_eq!(provinces_in(2026), 34);
    // Each old province names its successor; the areas brought are credited in the log.
    let conn = Connection::open(&path).unwrap();
    let successors: Vec<String> = conn
        .prepare(
            "SELECT s.code FROM area_successor x JOIN area a ON a.id = x.area_id \
             JOIN area s ON s.id = x.successor_id WHERE a.code = 'VN-03'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(successors, ["VN-2025-08"]);
    let (merged, links): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM area WHERE valid_until = '2025-06-30'), \
                    (SELECT count(*) FROM area_successor)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((merged, links), (52, 52));
    let editor: String = conn
        .query_row(
            "SELECT editor FROM audit_log WHERE table_name = 'area' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(editor, "Chiso (schema 4: the provinces of 2025)");
}

#[test]
fn an_area_date_that_is_not_a_date_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    chiso::workspace::sample::create_sample(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    for bad in ["2025-13-01", "1/7/2025", "2025-07-01T00:00"] {
        assert!(
            conn.execute(
                "UPDATE area SET valid_from = ?1 WHERE code = 'VN-2025-08'",
                [bad]
            )
            .is_err(),
            "{bad}"
        );
    }
}

#[test]
fn a_merged_unit_gets_estimates_from_its_predecessors_by_the_indicators_rule() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    chiso::workspace::sample::create_sample(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let insert = |indicator: &str, area: &str, year: i32, value: f64| {
        conn.execute(
            "INSERT INTO observation (indicator_id, area_id, subgroup_id, source_id, year, value) \
             SELECT i.id, a.id, g.id, s.id, ?3, ?4 FROM indicator i, area a, subgroup g, source s \
             WHERE i.code = ?1 AND a.code = ?2 AND g.code = 'T' AND s.code = 'NEWS_VNA_2025_12'",
            rusqlite::params![indicator, area, year, value],
        )
        .unwrap();
    };
    // Tuyên Quang of 2025 was made of Hà Giang (VN-03) and Tuyên Quang (VN-07).
    insert("HOUSES_BUILT", "VN-03", 2023, 1200.0);
    insert("HOUSES_BUILT", "VN-07", 2023, 800.0);
    insert("HDI", "VN-03", 2023, 0.6);
    insert("HDI", "VN-07", 2023, 0.7);
    insert("MPI_RATE", "VN-03", 2023, 30.0);
    insert("MPI_RATE", "VN-07", 2023, 10.0);
    let store = Store::open_read_only(&path).unwrap();
    assert_eq!(
        store.predecessors("VN-2025-08").unwrap(),
        ["VN-03", "VN-07"]
    );
    let estimate = |indicator: &str| {
        chiso::workspace::estimates_on_new_boundaries(
            &store,
            indicator,
            "VN-2025-08",
            "T",
            "NEWS_VNA_2025_12",
        )
        .unwrap()
    };
    let houses = estimate("HOUSES_BUILT").unwrap();
    assert_eq!((houses[0].year, houses[0].value), (2023, 2000.0));
    assert_eq!(
        estimate("HDI"),
        Err(chiso::workspace::NoEstimate::NotFromParts),
        "an index is never computed from its parts"
    );
    // A rate needs weights: the sample's population is national only, so none yet.
    assert_eq!(
        estimate("MPI_RATE"),
        Err(chiso::workspace::NoEstimate::NoWeights)
    );
    drop(store);
    insert("POPULATION", "VN-03", 2023, 0.9);
    insert("POPULATION", "VN-07", 2023, 0.8);
    let store = Store::open_read_only(&path).unwrap();
    let mpi = chiso::workspace::estimates_on_new_boundaries(
        &store,
        "MPI_RATE",
        "VN-2025-08",
        "T",
        "NEWS_VNA_2025_12",
    )
    .unwrap()
    .unwrap();
    let expected = (30.0 * 0.9 + 10.0 * 0.8) / 1.7;
    assert!((mpi[0].value - expected).abs() < 1e-12, "{mpi:?}");
    // A unit the reform left as it was has no predecessors, so no estimates.
    assert!(store.predecessors("VN-HN").unwrap().is_empty());
}
