//! Writing figures: the checks, conflicts between editors, concurrent processes and crashes.

use std::process::Command;
use std::time::Duration;

mod common;

use chiso::store::edit::{SetOutcome, SetRequest};
use chiso::store::query::SeriesFilter;
use chiso::store::{Store, StoreError};
use chiso::workspace::sample;

fn sample_path(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("s.db");
    sample::create_sample(&path).unwrap();
    path
}

fn request(year: i32, value: f64) -> SetRequest {
    SetRequest {
        indicator: "MPI_RATE".into(),
        source: Some("NEWS_WVR_2026".into()),
        year,
        value,
        ..Default::default()
    }
}

fn value_of(path: &std::path::Path, year: i32) -> Option<f64> {
    let store = Store::open_read_only(path).unwrap();
    let filter = SeriesFilter {
        area: Some("VNM".into()),
        subgroup: Some("T".into()),
        source: Some("NEWS_WVR_2026".into()),
    };
    store
        .series("MPI_RATE", &filter)
        .unwrap()
        .into_iter()
        .find(|o| o.period.year == year)
        .map(|o| o.value)
}

#[test]
fn checks_refuse_impossible_values_and_warn_about_unlikely_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_path(&dir);
    let mut store = Store::open(&path).unwrap();
    let refused = store.set_figure("Lan", &request(2024, 120.0)).unwrap_err();
    assert!(
        refused.to_string().contains("outside the valid range"),
        "{refused}"
    );
    assert_eq!(value_of(&path, 2024), None, "a refused value stays out");

    let (outcome, warnings) = store.set_figure("Lan", &request(2024, 70.0)).unwrap();
    assert_eq!(outcome, SetOutcome::Added);
    assert!(
        warnings
            .iter()
            .any(|w| w.to_string().contains("plausible range")),
        "{warnings:?}"
    );
    let (outcome, warnings) = store.set_figure("Lan", &request(2025, 1.3)).unwrap();
    assert_eq!(outcome, SetOutcome::Unchanged, "the same value again");
    assert!(
        warnings
            .iter()
            .any(|w| w.to_string().contains("70 in 2024")),
        "a fall from 70 is marked: {warnings:?}"
    );
    let (_, warnings) = store.set_figure("Lan", &request(2025, 30.0)).unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.to_string().contains("more than 50 %")),
        "{warnings:?}"
    );
    let last = &store.audit_log(1).unwrap()[0];
    assert_eq!(
        (last.editor.as_str(), last.action.as_str()),
        ("Lan", "update")
    );
}

#[test]
fn an_edit_based_on_a_stale_value_is_a_conflict_not_a_lost_update() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_path(&dir);
    let mut first = Store::open(&path).unwrap();
    let mut second = Store::open(&path).unwrap();
    // Both editors saw 1.3 for 2025.
    first
        .set_figure(
            "Lan",
            &SetRequest {
                expect: Some(Some(1.3)),
                ..request(2025, 1.4)
            },
        )
        .unwrap();
    let late = second.set_figure(
        "Minh",
        &SetRequest {
            expect: Some(Some(1.3)),
            ..request(2025, 1.5)
        },
    );
    match late {
        Err(StoreError::Conflict { expected, current }) => {
            assert_eq!((expected, current), (Some(1.3), Some(1.4)))
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(value_of(&path, 2025), Some(1.4));
}

fn chiso() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chiso"));
    command.env("HOME", std::env::temp_dir());
    command
}

#[test]
fn concurrent_set_processes_all_land() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_path(&dir);
    let children: Vec<_> = (2000..2012)
        .map(|year| {
            chiso()
                .args([
                    "set",
                    path.to_str().unwrap(),
                    "MPI_RATE",
                    &year.to_string(),
                    "4.5",
                    "--source",
                    "NEWS_WVR_2026",
                    "--by",
                    "p",
                ])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for year in 2000..2012 {
        assert_eq!(value_of(&path, year), Some(4.5), "{year}");
    }
}

#[test]
fn a_set_killed_at_any_moment_leaves_the_file_whole_and_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_path(&dir);
    let mut seed: u64 = 0x5eed;
    for round in 0..20 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let before = value_of(&path, 2025);
        let new = 2.0 + f64::from(round) / 10.0;
        let mut child = chiso()
            .args([
                "set",
                path.to_str().unwrap(),
                "MPI_RATE",
                "2025",
                &new.to_string(),
                "--source",
                "NEWS_WVR_2026",
                "--by",
                "k",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros((seed >> 33) % 30_000));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let conn = rusqlite::Connection::open(&path).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "round {round}");
        drop(conn);
        let after = value_of(&path, 2025);
        assert!(
            after == before || after == Some(new),
            "round {round}: {before:?} → {after:?}"
        );
    }
}

#[test]
fn reverting_an_insert_an_update_and_a_delete() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_path(&dir);
    let mut store = Store::open(&path).unwrap();
    store.set_figure("Lan", &request(2024, 1.9)).unwrap();
    let insert = store.audit_log(1).unwrap()[0].id;
    store.set_figure("Lan", &request(2025, 1.4)).unwrap();
    let update = store.audit_log(1).unwrap()[0].id;
    store
        .set_figure(
            "Lan",
            &SetRequest {
                clear: true,
                ..request(2025, 0.0)
            },
        )
        .unwrap();
    let delete = store.audit_log(1).unwrap()[0].id;
    assert_eq!(value_of(&path, 2025), None);
    store.revert("Minh", delete).unwrap();
    assert_eq!(value_of(&path, 2025), Some(1.4));
    store.revert("Minh", update).unwrap();
    assert_eq!(value_of(&path, 2025), Some(1.3));
    store.revert("Minh", insert).unwrap();
    assert_eq!(value_of(&path, 2024), None);
    let log = store
        .audit_entries(Some("MPI_RATE"), Some("Minh"), 10)
        .unwrap();
    assert_eq!(log.len(), 3, "each revert is recorded: {log:?}");
}

#[test]
fn the_lists_are_created_edited_and_deleted_with_their_figures_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_path(&dir);
    let mut store = Store::open(&path).unwrap();
    let s = common::form;
    let unit = store
        .save_record(
            "Lan",
            "unit",
            None,
            &s(
                "unit",
                &[
                    ("code", "HOUSEHOLDS"),
                    ("name", "Households"),
                    ("symbol", "households"),
                    ("symbol_vi", "hộ"),
                ],
            ),
        )
        .unwrap();
    let indicator = store
        .save_record(
            "Lan",
            "indicator",
            None,
            &s(
                "indicator",
                &[
                    ("code", "POOR_HH"),
                    ("name_vi", "Hộ nghèo"),
                    ("short_name_vi", "Hộ nghèo"),
                    ("unit_id", "HOUSEHOLDS"),
                    ("decimals", "0"),
                    ("direction", "lower_is_better"),
                    ("valid_min", "0"),
                    ("theme", "Poverty"),
                    ("sdg_target", "1.2.2"),
                ],
            ),
        )
        .unwrap();
    let poor = store.indicator("POOR_HH").unwrap();
    assert_eq!(poor.unit.symbol.en, "households");
    assert_eq!(
        poor.unit.symbol.get(chiso::model::Language::Vietnamese),
        "hộ"
    );
    assert_eq!(
        poor.name.get(chiso::model::Language::English),
        "Hộ nghèo",
        "a name given in Vietnamese only is the name in both languages"
    );
    let bad = store.save_record(
        "Lan",
        "indicator",
        None,
        &s(
            "indicator",
            &[
                ("code", "X"),
                ("name", "X"),
                ("short_name", "X"),
                ("unit_id", "NOPE"),
                ("decimals", "0"),
                ("direction", "neutral"),
            ],
        ),
    );
    assert!(
        bad.unwrap_err()
            .to_string()
            .contains("no unit with code \"NOPE\"")
    );
    let dup = store.save_record(
        "Lan",
        "unit",
        None,
        &s("unit", &[("code", "HOUSEHOLDS"), ("name", "Again")]),
    );
    assert!(dup.unwrap_err().to_string().contains("code already"));
    store
        .save_record(
            "Lan",
            "unit",
            Some(unit),
            &s(
                "unit",
                &[
                    ("code", "HOUSEHOLDS"),
                    ("name", "Households (count)"),
                    ("symbol", "hh"),
                ],
            ),
        )
        .unwrap();
    let unit_now = store.indicator("POOR_HH").unwrap().unit;
    assert_eq!(unit_now.name.en, "Households (count)");
    assert_eq!(
        unit_now.symbol.vi, "",
        "a field emptied in the form is emptied"
    );
    let _ = indicator;

    let source = store.source("NEWS_HRD_2022").unwrap().id;
    let n = store.dependents("source", source).unwrap();
    assert!(n > 0);
    let refused = store
        .delete_record("Lan", "source", source, false)
        .unwrap_err();
    assert!(
        refused.to_string().contains("nothing was deleted"),
        "{refused}"
    );
    assert!(store.source("NEWS_HRD_2022").is_ok());
    store.delete_record("Lan", "source", source, true).unwrap();
    assert!(store.source("NEWS_HRD_2022").is_err());
    let integrity: String = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
}

#[test]
fn the_undo_stack_takes_back_values_deletes_and_pastes_and_refuses_over_others_changes() {
    use chiso::chart::SeriesKey;
    use chiso::workspace::editing::{CellInput, History, apply, cell_figures, redo, undo};
    let dir = tempfile::tempdir().unwrap();
    let path = sample_path(&dir);
    let mut store = Store::open(&path).unwrap();
    let key = SeriesKey {
        indicator: "MPI_RATE".into(),
        area: "VNM".into(),
        subgroup: "T".into(),
        source: "NEWS_WVR_2026".into(),
    };
    let input = |year: i32, text: &str| CellInput {
        key: key.clone(),
        year,
        text: text.into(),
        flags: None,
        based_on: None,
        written_in: None,
    };
    // The pasted figures are written the Vietnamese way (a decimal comma).
    let vi = chiso::locale::Numbers::new(chiso::locale::Language::Vietnamese);
    let shown = |store: &Store| {
        let filter = SeriesFilter {
            area: Some("VNM".into()),
            subgroup: Some("T".into()),
            source: Some("NEWS_WVR_2026".into()),
        };
        cell_figures(&store.series("MPI_RATE", &filter).unwrap())
    };
    let mut history = History::default();
    // A paste of two cells, then a delete.
    let seen = shown(&store);
    apply(
        &mut store,
        ("Lan", &vi),
        &mut history,
        &seen,
        &[input(2023, "2,5"), input(2024, "1,9")],
    )
    .unwrap();
    let seen = shown(&store);
    apply(
        &mut store,
        ("Lan", &vi),
        &mut history,
        &seen,
        &[input(2025, "")],
    )
    .unwrap();
    assert_eq!(
        (value_of(&path, 2023), value_of(&path, 2025)),
        (Some(2.5), None)
    );
    undo(&mut store, "Lan", &mut history).unwrap();
    assert_eq!(value_of(&path, 2025), Some(1.3), "the delete is undone");
    undo(&mut store, "Lan", &mut history).unwrap();
    assert_eq!(
        (value_of(&path, 2023), value_of(&path, 2024)),
        (None, None),
        "the paste is undone whole"
    );
    redo(&mut store, "Lan", &mut history).unwrap();
    assert_eq!(value_of(&path, 2024), Some(1.9));
    // Someone else changes 2024; undoing the paste now would lose their change: refused.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE observation SET value = 1.8 WHERE value = 1.9", [])
        .unwrap();
    let refused = undo(&mut store, "Lan", &mut history);
    assert!(
        matches!(refused, Err(StoreError::Conflict { .. })),
        "{refused:?}"
    );
    assert_eq!(value_of(&path, 2024), Some(1.8));
    assert!(history.can_undo(), "the edit stays on the stack");
}
