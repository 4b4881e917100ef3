//! Backups taken without being asked, restores, and damaged files that are not made worse: the
//! real binary on real files (a part of the bad-input corpus, beside `bad_inputs.rs`).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chiso::store::backup::{Backups, Place, check_backup};
use chiso::store::query::SeriesFilter;
use chiso::store::{OpenError, ReadOnlyReason, Store, StoreError};
use rusqlite::Connection;

/// `chiso` with its backups in `backups`.
fn chiso_with(backups: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(args)
        .env("HOME", std::env::temp_dir())
        .env("CHISO_BACKUPS", backups)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the sample in `dir`, and the folder its backups go to.
fn sample(dir: &Path) -> (PathBuf, PathBuf) {
    let db = dir.join("chỉ số.db");
    let backups = dir.join("backups");
    let out = chiso_with(&backups, &["new", db.to_str().unwrap(), "--sample"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (db, backups)
}

fn backups_of(db: &Path, folder: &Path) -> Backups {
    Backups::of(db, &Place::Folder(folder.to_path_buf())).unwrap()
}

/// The under-five mortality figure of 2024 in the file at `path`, read without writing.
fn u5mr_2024(path: &Path) -> Option<f64> {
    let store = Store::open_read_only(path).unwrap();
    let filter = SeriesFilter {
        area: Some("VNM".into()),
        subgroup: Some("T".into()),
        source: Some("NEWS_VNA_2025_12".into()),
    };
    store
        .series("U5MR", &filter)
        .unwrap()
        .into_iter()
        .find(|o| o.period.year == 2024)
        .map(|o| o.value)
}

fn set(backups: &Path, db: &Path, value: &str) -> Output {
    chiso_with(
        backups,
        &[
            "set",
            db.to_str().unwrap(),
            "U5MR",
            "2024",
            value,
            "--source",
            "NEWS_VNA_2025_12",
            "--by",
            "test",
        ],
    )
}

#[test]
fn each_session_backs_the_file_up_before_its_first_write_and_backups_lists_them() {
    let dir = tempfile::tempdir().unwrap();
    let (db, folder) = sample(dir.path());
    let before = u5mr_2024(&db);
    assert!(before.is_some(), "the sample has the figure");
    assert!(
        backups_of(&db, &folder).list().is_empty(),
        "a new file has nothing to back up"
    );

    let out = set(&folder, &db, "19.5");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = backups_of(&db, &folder).list();
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(
        u5mr_2024(&list[0].path),
        before,
        "the backup is the file as it was before the write"
    );
    assert!(check_backup(&list[0].path).is_ok());
    assert!(
        list[0].name().starts_with("chỉ số.db."),
        "a backup is named for its file: {}",
        list[0].name()
    );

    // Another session, another backup: of the file with the first change.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let out = set(&folder, &db, "19.4");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = backups_of(&db, &folder).list();
    assert_eq!(list.len(), 2, "{list:?}");
    assert_eq!(u5mr_2024(&list[0].path), Some(19.5), "newest first");

    let out = chiso_with(&folder, &["backups", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    for backup in &list {
        assert!(listing.contains(&backup.name()), "{listing}");
    }
    assert!(listing.contains("keeps the newest 10"), "{listing}");

    // Reads take no backup, nor does an import's dry run; an import does.
    let out = chiso_with(&folder, &["list", db.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(backups_of(&db, &folder).list().len(), 2);
    let csv = db.with_file_name("one.csv");
    fs::write(
        &csv,
        "indicator,area,subgroup,period,value,status,qualifier,footnote,source
         U5MR,VNM,T,2025,16.1,,,,NEWS_VNA_2025_12
",
    )
    .unwrap();
    let import = |dry_run: bool| {
        let mut args = vec!["import", db.to_str().unwrap(), csv.to_str().unwrap()];
        if dry_run {
            args.push("--dry-run");
        }
        chiso_with(&folder, &args)
    };
    assert!(import(true).status.success());
    assert_eq!(backups_of(&db, &folder).list().len(), 2);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let out = import(false);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let list = backups_of(&db, &folder).list();
    assert_eq!(list.len(), 3);
    assert_eq!(
        u5mr_2024(&list[0].path),
        Some(19.4),
        "the file before the import"
    );
}

#[test]
fn restore_puts_a_backup_back_and_keeps_the_file_as_it_was_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (db, folder) = sample(dir.path());
    let original = u5mr_2024(&db);
    assert!(set(&folder, &db, "19.5").status.success());
    let first = backups_of(&db, &folder).list().remove(0);

    let out = chiso_with(&folder, &["restore", db.to_str().unwrap(), &first.name()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(u5mr_2024(&db), original, "the backup's figures are back");
    let list = backups_of(&db, &folder).list();
    assert_eq!(list.len(), 2, "{list:?}");
    assert!(
        list.iter().any(|b| u5mr_2024(&b.path) == Some(19.5)),
        "the file as it was before the restore is a backup too"
    );
    assert!(text(&out.stdout).contains("kept as backup"));
    // The restored file is a sound Chiso file that takes writes.
    let out = chiso_with(&folder, &["check", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(set(&folder, &db, "19.3").status.success());

    // A file that is not a backup is refused, and nothing changes.
    let bytes = fs::read(&db).unwrap();
    let not_a_backup = dir.path().join("notes.txt");
    fs::write(&not_a_backup, "hello").unwrap();
    let out = chiso_with(
        &folder,
        &[
            "restore",
            db.to_str().unwrap(),
            not_a_backup.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("not a backup of a Chiso database"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read(&db).unwrap(), bytes);
    let out = chiso_with(&folder, &["restore", db.to_str().unwrap(), "nonesuch"]);
    assert!(text(&out.stderr).contains("no such backup"));
}

#[test]
fn a_damaged_file_is_never_written_and_the_messages_name_its_newest_good_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (db, folder) = sample(dir.path());
    assert!(set(&folder, &db, "19.5").status.success());
    let good = backups_of(&db, &folder).list().remove(0);
    common::damage_page(&db, "observation");
    let bytes = fs::read(&db).unwrap();

    let out = set(&folder, &db, "19.1");
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("SQLite finds the file damaged") && stderr.contains(&good.name()),
        "{stderr}"
    );
    assert!(!stderr.contains(".recover"), "{stderr}");
    assert_eq!(fs::read(&db).unwrap(), bytes, "not a byte written");
    // An import too, and its dry run.
    let csv = dir.path().join("one.csv");
    fs::write(
        &csv,
        "indicator,area,subgroup,period,value,status,qualifier,footnote,source
         U5MR,VNM,T,2025,16.1,,,,NEWS_VNA_2025_12
",
    )
    .unwrap();
    for dry_run in [true, false] {
        let mut args = vec!["import", db.to_str().unwrap(), csv.to_str().unwrap()];
        if dry_run {
            args.push("--dry-run");
        }
        let out = chiso_with(&folder, &args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains("SQLite finds the file damaged"), "{stderr}");
    }
    assert_eq!(fs::read(&db).unwrap(), bytes, "not a byte written");
    assert_eq!(
        backups_of(&db, &folder).list().len(),
        1,
        "a damaged file does not push good backups out of the rotation"
    );

    let out = chiso_with(&folder, &["check", db.to_str().unwrap()]);
    assert!(!out.status.success(), "check fails on damage");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("damaged") && stderr.contains(&good.name()),
        "{stderr}"
    );
    assert_eq!(fs::read(&db).unwrap(), bytes, "the check writes nothing");

    // In the library: open for writing, the first write is refused with the reason.
    let mut store = Store::open(&db).unwrap();
    let refused = store.write("test", |_| Ok(()));
    match refused {
        Err(StoreError::ReadOnly(ReadOnlyReason::Damaged { backup, .. })) => {
            assert_eq!(backup.as_deref(), None, "none where this process looks");
        }
        other => panic!("{other:?}"),
    }
    drop(store);

    // And the damaged file is restored from its backup; the damaged one is kept.
    let out = chiso_with(&folder, &["restore", db.to_str().unwrap(), &good.name()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(u5mr_2024(&db), u5mr_2024(&good.path));
    assert!(
        chiso_with(&folder, &["check", db.to_str().unwrap()])
            .status
            .success()
    );
    let kept: Vec<_> = backups_of(&db, &folder).list();
    assert_eq!(kept.len(), 2);
    assert!(
        kept.iter().any(|b| matches!(
            check_backup(&b.path),
            Err(chiso::store::backup::BackupError::Damaged { .. })
        )),
        "the damaged file is kept, damage and all, for whoever wants to recover from it"
    );
}

#[test]
fn a_negative_schema_version_is_damage_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let (db, folder) = sample(dir.path());
    Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", -3)
        .unwrap();
    for args in [
        vec!["set", db.to_str().unwrap(), "U5MR", "2024", "1"],
        vec!["info", db.to_str().unwrap()],
        vec!["list", db.to_str().unwrap()],
    ] {
        let out = chiso_with(&folder, &args);
        assert!(!out.status.success(), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("the database is damaged (its schema version is -3")
                && !stderr.contains("panicked"),
            "{args:?}: {stderr}"
        );
    }
    assert!(matches!(Store::open(&db), Err(OpenError::Corrupt { .. })));
}

/// A kill in the middle of a backup: the database, and the backups taken before, are intact,
/// and no half-written copy is listed as a backup.
#[test]
fn a_kill_during_a_backup_leaves_the_file_and_the_older_backups_intact() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("big.db");
    let folder = dir.path().join("backups");
    // Large enough that a debug build takes a while to copy it.
    let out = chiso_with(
        &folder,
        &[
            "gen-sample",
            db.to_str().unwrap(),
            "--observations",
            "200000",
            "--indicators",
            "20",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let store = Store::open_read_only(&db).unwrap();
    let code = store.indicators().unwrap().remove(0).code;
    let source = store.sources().unwrap().remove(0).code;
    let area = store.areas().unwrap().remove(0).code;
    drop(store);
    let set_args = |value: &str| {
        vec![
            "set".to_owned(),
            db.to_str().unwrap().to_owned(),
            code.clone(),
            "2030".to_owned(),
            value.to_owned(),
            "--area".to_owned(),
            area.clone(),
            "--source".to_owned(),
            source.clone(),
        ]
    };
    let out = chiso_with(
        &folder,
        &set_args("1").iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let first = backups_of(&db, &folder).list();
    assert_eq!(first.len(), 1);
    let first_bytes = fs::read(&first[0].path).unwrap();

    let mut killed_during = 0;
    for round in 0..8 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_chiso"))
            .args(set_args(&format!("{}", round + 2)))
            .env("HOME", std::env::temp_dir())
            .env("CHISO_BACKUPS", &folder)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill it as soon as its copy appears, half-written (the loop polls without pause).
        let started = std::time::Instant::now();
        while started.elapsed() < std::time::Duration::from_secs(20) {
            let partial = fs::read_dir(backups_of(&db, &folder).folder())
                .unwrap()
                .filter_map(Result::ok)
                .any(|e| e.file_name().to_string_lossy().ends_with(".partial"));
            if partial {
                killed_during += 1;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
        }
        child.kill().ok();
        child.wait().unwrap();

        let conn =
            Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round}: the database is intact");
        for backup in backups_of(&db, &folder).list() {
            assert!(
                check_backup(&backup.path).is_ok(),
                "round {round}: every listed backup is sound: {}",
                backup.name()
            );
        }
        assert_eq!(
            fs::read(&first[0].path).unwrap(),
            first_bytes,
            "round {round}: the older backup is untouched"
        );
    }
    assert!(killed_during > 0, "no kill landed during a backup");
}

/// A sample whose copy `hot.db` has a hot journal: a writer that stopped mid-transaction in
/// rollback-journal mode, its change half in the file. (Copied while the live transaction
/// holds its lock, so that nobody holds the copy's.)
fn with_hot_journal(dir: &Path) -> (PathBuf, PathBuf) {
    let (live, folder) = sample(dir);
    let conn = Connection::open(&live).unwrap();
    conn.pragma_update(None, "journal_mode", "delete").unwrap();
    conn.pragma_update(None, "cache_size", 1).unwrap();
    conn.execute_batch("BEGIN; UPDATE observation SET value = value + 1000;")
        .unwrap();
    let hot = dir.join("hot.db");
    fs::copy(&live, &hot).unwrap();
    fs::copy(dir.join("chỉ số.db-journal"), dir.join("hot.db-journal")).unwrap();
    drop(conn);
    (hot, folder)
}

#[test]
fn a_write_interrupted_in_rollback_journal_mode_is_undone_by_a_writer_and_explained_to_a_reader() {
    let dir = tempfile::tempdir().unwrap();
    let (hot, folder) = with_hot_journal(dir.path());
    let journal = dir.path().join("hot.db-journal");
    let bytes = fs::read(&hot).unwrap();

    let out = chiso_with(&folder, &["list", hot.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("another program was writing to the database when it stopped")
            && stderr.contains("Open it for editing once")
            && !stderr.contains("permissions"),
        "{stderr}"
    );
    assert_eq!(fs::read(&hot).unwrap(), bytes, "a read changes nothing");
    assert!(journal.exists());

    let out = set(&folder, &hot, "16.5");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(u5mr_2024(&hot), Some(16.5));
    let store = Store::open_read_only(&hot).unwrap();
    let filter = SeriesFilter {
        area: Some("VNM".into()),
        subgroup: Some("T".into()),
        source: Some("NEWS_VNA_2025_12".into()),
    };
    let of_1990 = store
        .series("U5MR", &filter)
        .unwrap()
        .into_iter()
        .find(|o| o.period.year == 1990)
        .map(|o| o.value);
    assert_eq!(of_1990, Some(58.0), "the unfinished change was undone");
    assert!(!journal.exists());
}

#[test]
fn a_hot_journal_beside_a_read_only_file_says_to_make_it_writable() {
    let dir = tempfile::tempdir().unwrap();
    let (hot, folder) = with_hot_journal(dir.path());
    let mut permissions = fs::metadata(&hot).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&hot, permissions).unwrap();
    let bytes = fs::read(&hot).unwrap();
    for args in [
        vec!["list", hot.to_str().unwrap()],
        vec!["set", hot.to_str().unwrap(), "U5MR", "2024", "1"],
    ] {
        let out = chiso_with(&folder, &args);
        assert!(!out.status.success());
        let stderr = text(&out.stderr);
        assert!(stderr.contains("make it writable"), "{args:?}: {stderr}");
    }
    assert_eq!(fs::read(&hot).unwrap(), bytes);
}

/// A WAL-mode file on a disk mounted read-only (a CD, a write-protected stick): SQLite cannot
/// make the `-shm` it needs to read it, so Chiso reads it as immutable. The mount is made in
/// a user and mount namespace of its own (`unshare -rm`); where the machine allows none, the
/// test says so and stops.
#[test]
fn a_wal_file_on_a_read_only_disk_opens_for_viewing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, folder) = sample(dir.path());
    let mount = dir.path().join("cd");
    fs::create_dir(&mount).unwrap();
    let bin = env!("CARGO_BIN_EXE_chiso");
    let on_cd = mount.join("s.db");
    let script = format!(
        "mount -t tmpfs tmpfs '{m}' && cp '{db}' '{m}/s.db' && mount -o remount,ro '{m}' && \
         echo MOUNTED && '{bin}' list '{cd}'; echo LIST=$?; '{bin}' set '{cd}' U5MR 2024 1; \
         echo SET=$?",
        m = mount.display(),
        db = db.display(),
        cd = on_cd.display(),
    );
    let Ok(out) = Command::new("unshare")
        .args(["-rm", "sh", "-c", &script])
        .env("CHISO_BACKUPS", &folder)
        .output()
    else {
        eprintln!("no unshare here: the read-only disk is not tried");
        return;
    };
    let stdout = text(&out.stdout);
    if !stdout.contains("MOUNTED") {
        eprintln!(
            "no read-only mount here ({}): not tried",
            text(&out.stderr).trim()
        );
        return;
    }
    let stderr = text(&out.stderr);
    assert!(
        stdout.contains("LIST=0") && stdout.contains("U5MR"),
        "{stdout}\n{stderr}"
    );
    assert!(stdout.contains("SET=1"), "{stdout}");
    assert!(
        stderr
            .contains("the file is on a disk that cannot be written (a CD, or a read-only mount)")
            && !stderr.contains("permissions"),
        "{stderr}"
    );
}
