//! The `chiso` binary as a user runs it: output, messages, exit codes, files left alone.

use chiso::store::SCHEMA_VERSION;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn chiso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(args)
        .env("HOME", std::env::temp_dir())
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn new_sample(dir: &Path) -> String {
    let path = dir.join("s.db");
    let out = chiso(&["new", path.to_str().unwrap(), "--sample"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    path.to_str().unwrap().to_owned()
}

#[test]
fn list_shows_latest_figures_with_units_periods_and_sources() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let out = chiso(&["list", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let line = |code: &str| {
        stdout
            .lines()
            .find(|l| l.starts_with(&format!("{code} ")))
            .unwrap_or_else(|| panic!("no {code} in\n{stdout}"))
            .to_owned()
    };
    let hdi = line("HDI");
    assert!(hdi.contains("0.766") && hdi.contains("2023"), "{hdi}");
    let u5 = line("U5MR");
    assert!(
        u5.contains("16.9") && u5.contains("‰") && u5.contains("2024") && u5.contains("VNA"),
        "{u5}"
    );
    assert!(line("MPI_RATE").contains("1.3"));
    assert!(line("HOUSES_BUILT").contains("334,000"));
    assert!(line("INTERNET_USERS").contains("78.8"));
    assert!(line("SOCIAL_HOUSING_APTS").contains("more than 100,000"));
    assert!(line("HAPPINESS_RANK").contains("46"));
    assert!(line("EM_PROGRAMME_GROUPS_MET").contains("2021–2025"));
}

#[test]
fn series_is_csv_with_every_source_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let out = chiso(&["series", &db, "U5MR", "--area", "VNM"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let mut rows = csv::Reader::from_reader(stdout.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
            "indicator",
            "area",
            "subgroup",
            "year",
            "period",
            "value",
            "status",
            "qualifier",
            "footnote",
            "source"
        ]
    );
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let of_1990: Vec<(String, String)> = records
        .iter()
        .filter(|r| &r[3] == "1990")
        .map(|r| (r[9].to_owned(), r[5].to_owned()))
        .collect();
    assert!(of_1990.contains(&("NEWS_VNA_2025_12".into(), "58".into())));
    assert!(of_1990.contains(&("WB_WDI_2024_09".into(), "51.6".into())));
    assert!(of_1990.contains(&("WB_API_2025_10".into(), "51.5".into())));

    let only = chiso(&["series", &db, "U5MR", "--source", "WB_API_2025_10"]);
    let stdout = text(&only.stdout);
    assert!(
        stdout
            .lines()
            .skip(1)
            .all(|l| l.ends_with(",WB_API_2025_10")),
        "{stdout}"
    );
    assert!(stdout.contains(",2023,2023,20,"));
}

#[test]
fn unknown_codes_are_errors_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let out = chiso(&["series", &db, "NOPE"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("no indicator with code `NOPE`"));
    let out = chiso(&["series", &db, "HDI", "--area", "XYZ"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("XYZ"));
}

#[test]
fn info_reports_version_counts_sources_and_integrity() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let out = chiso(&["info", &db]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(&format!("Schema version:  {SCHEMA_VERSION}")),
        "{stdout}"
    );
    assert!(stdout.contains("Integrity check: ok"));
    assert!(stdout.contains("UNDP_HDR_2025"));
    assert!(stdout.contains("Observations:"));
}

#[test]
fn bad_files_get_their_own_message_a_failure_exit_and_stay_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let text_file = dir.path().join("notes.txt");
    fs::write(&text_file, "HDI 0.766\n").unwrap();
    let foreign = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE invoices (id INTEGER, total REAL);")
        .unwrap();
    let missing = dir.path().join("missing.db");
    let cases = [
        (text_file.clone(), "not a SQLite database"),
        (foreign.clone(), "another application"),
        (missing.clone(), "no such file"),
        (dir.path().to_path_buf(), "is a folder"),
    ];
    for (path, expected) in &cases {
        let before = fs::read(path).ok();
        for command in ["info", "list"] {
            let out = chiso(&[command, path.to_str().unwrap()]);
            assert_eq!(out.status.code(), Some(1), "{command} {}", path.display());
            let stderr = text(&out.stderr);
            assert!(stderr.contains(expected), "{stderr}");
            assert!(
                stderr.contains(&path.display().to_string()),
                "the message names the file: {stderr}"
            );
            assert!(!stderr.contains("panicked"));
        }
        // `chiso FILE` says why on the terminal and opens the window, which says it too (the
        // window's side is tests/ui.rs's); without a display the window cannot open.
        let out = Command::new(env!("CARGO_BIN_EXE_chiso"))
            .arg(path)
            .env("HOME", std::env::temp_dir())
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert!(stderr.contains(expected), "{stderr}");
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(fs::read(path).ok(), before, "{} unchanged", path.display());
    }
    assert!(!missing.exists());
}

#[test]
fn read_only_and_newer_files_are_shown_with_a_note_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let newer = dir.path().join("newer.db");
    fs::copy(&db, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let read_only = dir.path().join("ro.db");
    fs::copy(&db, &read_only).unwrap();
    let mut permissions = fs::metadata(&read_only).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&read_only, permissions).unwrap();

    for (path, note) in [(&newer, "newer Chiso"), (&read_only, "read-only")] {
        let before = fs::read(path).unwrap();
        let out = chiso(&["list", path.to_str().unwrap()]);
        assert!(out.status.success());
        assert!(text(&out.stderr).contains(note), "{}", text(&out.stderr));
        assert!(text(&out.stdout).contains("0.766"));
        assert_eq!(fs::read(path).unwrap(), before);
    }
}

#[test]
fn new_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let before = fs::read(&db).unwrap();
    let out = chiso(&["new", &db]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("already exists"));
    assert_eq!(fs::read(&db).unwrap(), before);
    let empty = dir.path().join("empty.db");
    let out = chiso(&["new", empty.to_str().unwrap()]);
    assert!(out.status.success());
    let out = chiso(&["list", empty.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn audit_shows_an_edit_made_with_another_tool() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE source SET edition = 'revised' WHERE code = 'NEWS_WVR_2026'",
            [],
        )
        .unwrap();
    let out = chiso(&["audit", &db, "--limit", "1"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("(outside Chiso)  update source"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\"edition\":\"\"") && stdout.contains("\"edition\":\"revised\""),
        "{stdout}"
    );
}

#[test]
fn import_dry_run_reports_and_writes_nothing_then_export_data_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let csv = dir.path().join("figures.csv");
    fs::write(
        &csv,
        "indicator,area,subgroup,period,value,status,qualifier,footnote,source\n\
         MPI_RATE,VNM,T,2024,1.9,,,,NEWS_WVR_2026\n",
    )
    .unwrap();
    let before = fs::read(&db).unwrap();
    let out = chiso(&["import", &db, csv.to_str().unwrap(), "--dry-run"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("1 would be added") && stdout.contains("Dry run: nothing was written"),
        "{stdout}"
    );
    assert_eq!(fs::read(&db).unwrap(), before);

    let out = chiso(&["import", &db, csv.to_str().unwrap(), "--by", "Lan"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = chiso(&["import", &db, csv.to_str().unwrap()]);
    assert!(
        text(&out.stdout).contains("0 added, 0 changed, 1 unchanged"),
        "{}",
        text(&out.stdout)
    );

    let exported = dir.path().join("all.csv");
    let out = chiso(&["export-data", &db, "--out", exported.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let copy = dir.path().join("copy.db");
    assert!(chiso(&["new", copy.to_str().unwrap()]).status.success());
    let out = chiso(&["import", copy.to_str().unwrap(), exported.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let original = chiso(&["export-data", &db]).stdout;
    let copied = chiso(&["export-data", copy.to_str().unwrap()]).stdout;
    assert_eq!(text(&original), text(&copied));
}

#[test]
fn import_problems_exit_non_zero_unless_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let csv = dir.path().join("bad.csv");
    fs::write(&csv, "indicator,area,subgroup,period,value,status,qualifier,footnote,source\nMPI_RATE,VNM,T,2024,lots,,,,NEWS_WVR_2026\nMPI_RATE,VNM,T,2023,2.1,,,,NEWS_WVR_2026\n").unwrap();
    let out = chiso(&["import", &db, csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("bad.csv, line 2, column value, value \"lots\": not a number")
    );
    assert!(
        text(&out.stdout)
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("Nothing imported: 1 problem(s)")),
        "{}",
        text(&out.stdout)
    );
    let out = chiso(&["import", &db, csv.to_str().unwrap(), "--skip-problems"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("1 added"));
    // Only a bad row left: skipping it imports nothing, and says why.
    let bad = dir.path().join("only_bad.csv");
    fs::write(&bad, "indicator,area,subgroup,period,value,status,qualifier,footnote,source\nMPI_RATE,VNM,T,2022,lots,,,,NEWS_WVR_2026\n").unwrap();
    let out = chiso(&["import", &db, bad.to_str().unwrap(), "--skip-problems"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).ends_with("Nothing imported: every figure had a problem (1, skipped)\n"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn export_draws_png_and_svg_byte_identical_each_time_and_all_by_code() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let png = dir.path().join("u5.png");
    let args = [
        "export",
        &db,
        "--indicator",
        "U5MR",
        "--size",
        "1600x1200",
        "--scale",
        "1.5",
        "--out",
    ];
    let out = chiso(&[&args[..], &[png.to_str().unwrap()]].concat());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let first = fs::read(&png).unwrap();
    assert_eq!(&first[..8], b"\x89PNG\r\n\x1a\n");
    let decoder = png::Decoder::new(std::io::Cursor::new(&first))
        .read_info()
        .unwrap();
    assert_eq!((decoder.info().width, decoder.info().height), (2400, 1800));
    assert!(
        chiso(&[&args[..], &[png.to_str().unwrap()]].concat())
            .status
            .success()
    );
    assert_eq!(fs::read(&png).unwrap(), first, "byte-identical");

    let svg = dir.path().join("hdi.svg");
    let out = chiso(&[
        "export",
        &db,
        "--indicator",
        "HDI",
        "--from",
        "2000",
        "--relative",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let svg_text = fs::read_to_string(&svg).unwrap();
    assert!(svg_text.contains("Index, 2000 = 100") && svg_text.contains("UNDP HDR 2025"));

    let all = dir.path().join("deck");
    let out = chiso(&[
        "export",
        &db,
        "--all",
        "--out-dir",
        all.to_str().unwrap(),
        "--format",
        "svg",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for code in ["HDI", "U5MR", "MPI_RATE", "HOUSES_BUILT", "INTERNET_USERS"] {
        assert!(all.join(format!("{code}.svg")).is_file(), "{code}");
    }
    let out = chiso(&[
        "export",
        &db,
        "--indicator",
        "NOPE",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("NOPE"));
}

#[test]
fn the_deck_exports_in_deck_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE saved_view SET position = 0 WHERE name = 'Internet users'",
            [],
        )
        .unwrap();
    let out_dir = dir.path().join("deck");
    let out = chiso(&[
        "export",
        &db,
        "--deck",
        "--out-dir",
        out_dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut files: Vec<String> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "01-Internet_users.png",
            "02-Human_Development_Index.png",
            "03-Under-five_mortality.png",
            "04-Multidimensional_poverty.png",
            "05-Houses_built.png"
        ]
    );
}

#[test]
fn gen_sample_makes_the_figures_asked_for_and_the_same_ones_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("big.db");
    let db = db.to_str().unwrap();
    let out = chiso(&[
        "gen-sample",
        db,
        "--observations",
        "12345",
        "--indicators",
        "7",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("12345 generated figures: 7 indicators"));

    let info = text(&chiso(&["info", db]).stdout);
    assert!(info.contains("Observations:    12345"), "{info}");
    assert!(info.contains("Integrity check: ok"), "{info}");

    // Every indicator's headline is the country's total, 2024, from the source published
    // last among those with 2024 figures.
    let list = text(&chiso(&["list", db]).stdout);
    let rows: Vec<&str> = list.lines().skip(1).collect();
    assert_eq!(rows.len(), 7, "{list}");
    for row in rows {
        assert!(
            row.contains(" 2024 ") && row.ends_with("World Bank WDI [VN]"),
            "{row}"
        );
    }
    let province = chiso(&["series", db, "U5MR", "--area", "VN-HG"]);
    assert!(province.status.success(), "{}", text(&province.stderr));
    assert!(text(&province.stdout).contains("VN-HG"));

    // The same seed gives the same figures.
    let again = dir.path().join("again.db");
    let again = again.to_str().unwrap();
    chiso(&[
        "gen-sample",
        again,
        "--observations",
        "12345",
        "--indicators",
        "7",
    ]);
    let series = |file| text(&chiso(&["series", file, "MMR"]).stdout);
    assert_eq!(series(db), series(again));

    // An existing file is never overwritten, and an impossible request says what to do.
    let before = fs::read(db).unwrap();
    let out = chiso(&["gen-sample", db, "--observations", "10"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("already exists"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read(db).unwrap(), before);
    let too_many = dir.path().join("too-many.db");
    let out = chiso(&[
        "gen-sample",
        too_many.to_str().unwrap(),
        "--observations",
        "1000000",
        "--indicators",
        "2",
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("ask for more indicators"),
        "{}",
        text(&out.stderr)
    );
    assert!(!too_many.exists(), "nothing is left behind");
}

#[test]
fn set_reads_plain_numbers_and_a_grouped_one_only_with_its_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let set = |value: &str, lang: Option<&str>| {
        let mut args = vec![
            "set",
            db.as_str(),
            "HOUSES_BUILT",
            "2030",
            value,
            "--source",
            "UNDP_HDR_2025",
        ];
        if let Some(lang) = lang {
            args.extend(["--lang", lang]);
        }
        chiso(&args)
    };
    let stored = || {
        let out = chiso(&[
            "series",
            db.as_str(),
            "HOUSES_BUILT",
            "--source",
            "UNDP_HDR_2025",
        ]);
        text(&out.stdout)
            .lines()
            .find(|l| l.contains("2030"))
            .map(str::to_owned)
    };
    // A grouped number without --lang is refused, naming the way to give it.
    for grouped in ["334.000", "334,000", "0,77"] {
        let out = set(grouped, None);
        assert!(!out.status.success(), "{grouped}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("--lang vi or --lang en"),
            "{grouped}: {stderr}"
        );
        assert_eq!(stored(), None, "{grouped}: nothing written");
    }
    assert!(set("334.000", Some("vi")).status.success());
    assert!(stored().unwrap().contains(",334000,"), "{:?}", stored());
    assert!(set("335,000", Some("en")).status.success());
    assert!(stored().unwrap().contains(",335000,"), "{:?}", stored());
    assert!(set("336000", None).status.success());
    assert!(stored().unwrap().contains(",336000,"), "{:?}", stored());
    // The English way in Vietnamese is refused with the Vietnamese form.
    let out = set("1,234.5", Some("vi"));
    assert!(
        text(&out.stderr).contains("write it as 1.234,5"),
        "{}",
        text(&out.stderr)
    );
    let out = set("1", Some("fr"));
    assert!(text(&out.stderr).contains("unknown language \"fr\""));
}

#[test]
fn without_lang_the_command_line_speaks_the_windows_language_else_the_systems() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    let home = tempfile::tempdir().unwrap();
    let list = || {
        let out = Command::new(env!("CARGO_BIN_EXE_chiso"))
            .args(["list", &db])
            .env("HOME", home.path())
            .env_remove("XDG_CONFIG_HOME")
            .env("LANG", "en_GB.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    assert!(list().contains("Under-five mortality rate"), "the system's");
    // What the window writes when it saves its state, in Vietnamese.
    let config = home.path().join(".config/chiso");
    fs::create_dir_all(&config).unwrap();
    fs::write(config.join("language"), "vi").unwrap();
    let vietnamese = list();
    assert!(
        vietnamese.contains("Tỷ suất tử vong trẻ em dưới 5 tuổi") && vietnamese.contains("16,9"),
        "{vietnamese}"
    );
}

/// An OWID grapher CSV of one variable, with its metadata beside it.
fn owid_file(dir: &Path, stem: &str, variable: &str, rows: &str) -> String {
    let meta = format!(
        r#"{{"chart":{{"title":"{variable}","citation":"Test survey (2026)"}},
"columns":{{"{variable}":{{"unit":"%","shortUnit":"%","type":"Numeric","lastUpdated":"2026-06-01","citationLong":"Test survey (2026) – processed by OWID"}}}}}}"#
    );
    fs::write(dir.join(format!("{stem}.metadata.json")), meta).unwrap();
    let csv = dir.join(format!("{stem}.csv"));
    fs::write(&csv, format!("Entity,Code,Year,{variable}\n{rows}")).unwrap();
    csv.to_str().unwrap().to_owned()
}

fn last_line(out: &Output) -> String {
    text(&out.stdout).lines().last().unwrap_or("").to_owned()
}

#[test]
fn what_the_user_did_not_choose_never_blocks_an_import_and_a_new_single_indicator_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    // Viet Nam's two figures; Thailand (not in the database) with a BCE year and a text, an
    // entity without a code with a text, and NaN for "no figure".
    let csv = owid_file(
        dir.path(),
        "fridges",
        "Share of households with a refrigerator",
        "Vietnam,VNM,2020,80.1\nVietnam,VNM,2022,NaN\nVietnam,VNM,2024,85.5\n\
         Thailand,THA,-500,1\nThailand,THA,2020,abc\nWorld,,2020,xyz\n",
    );
    let out = chiso(&["import", &db, &csv]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert_eq!(last_line(&out), "Imported: 2 added, 0 changed", "{stdout}");
    assert!(stdout.contains("1 missing values"), "{stdout}");
    assert!(
        stdout.contains("note: 3 bad cell(s) in rows and columns not imported"),
        "{stdout}"
    );
    assert!(
        stdout.contains("new indicator SHARE_OF_HOUSEHOLDS_WITH_A_REFRIGERATOR"),
        "a file of one indicator creates it: {stdout}"
    );
    // The same file again: nothing to do, and that is a success.
    let again = chiso(&["import", &db, &csv]);
    assert!(again.status.success(), "{}", text(&again.stdout));
    assert_eq!(last_line(&again), "Already up to date: 2 figures unchanged");
}

#[test]
fn an_import_that_adds_nothing_says_so_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_sample(dir.path());
    // Only countries the database does not have.
    let csv = owid_file(
        dir.path(),
        "others",
        "Share of households with a refrigerator",
        "Thailand,THA,2020,70\nLaos,LAO,2020,40\n",
    );
    let out = chiso(&["import", &db, &csv]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert_eq!(
        last_line(&out),
        "Nothing imported: all 2 figures were left out (most: area not in the database and not chosen)"
    );
    // --skip-problems skips rows, never a file that could not be read at all.
    let good = owid_file(
        dir.path(),
        "fridges",
        "Share of households with a refrigerator",
        "Vietnam,VNM,2020,80.1\n",
    );
    let garbage = dir.path().join("notes.csv");
    fs::write(&garbage, "\u{0}\u{1}binary\u{2}").unwrap();
    let before = fs::read(dir.path().join("s.db")).unwrap();
    let out = chiso(&[
        "import",
        &db,
        &good,
        garbage.to_str().unwrap(),
        "--skip-problems",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let last = last_line(&out);
    assert!(
        last.starts_with("Nothing imported: 1 file(s) could not be read"),
        "{last}"
    );
    assert!(
        !text(&out.stderr).contains("--skip-problems"),
        "no suggestion to skip a whole file"
    );
    assert_eq!(
        fs::read(dir.path().join("s.db")).unwrap(),
        before,
        "nothing written"
    );
}
