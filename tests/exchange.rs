//! Copies that exchange packages of changes (`chiso copy`, `changes`, `apply`): the centre and
//! two provinces' copies, real files and real processes.

mod common;

use std::path::{Path, PathBuf};

use common::{chiso, new_sample, text};

const SOURCE: &str = "NEWS_VNA_2025_12";

fn ok(args: &[&str]) -> String {
    let out = chiso(args);
    assert!(
        out.status.success(),
        "chiso {args:?} failed:\n{}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `chiso set FILE U5MR YEAR VALUE --area AREA` by `editor`.
fn set(db: &Path, year: &str, value: &str, area: &str, editor: &str) {
    ok(&[
        "set",
        p(db),
        "U5MR",
        year,
        value,
        "--area",
        area,
        "--source",
        SOURCE,
        "--by",
        editor,
    ]);
}

/// `chiso changes FROM --out PACKAGE --by EDITOR`: what it printed.
fn send(from: &Path, package: &Path, editor: &str) -> String {
    ok(&["changes", p(from), "--out", p(package), "--by", editor])
}

/// The U5MR figures of a file, as `chiso series` prints them (every area, every source).
fn figures(db: &Path) -> String {
    ok(&["series", p(db), "U5MR"])
}

/// The value of U5MR in `year` for `area`, as the file holds it.
fn value(db: &Path, year: &str, area: &str) -> Option<String> {
    let out = ok(&["series", p(db), "U5MR", "--area", area, "--source", SOURCE]);
    // indicator,area,subgroup,year,period,value,…
    out.lines().find_map(|line| {
        let cells: Vec<&str> = line.split(',').collect();
        (cells.get(3) == Some(&year)).then(|| cells[5].to_owned())
    })
}

struct Three {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    centre: PathBuf,
    lao_cai: PathBuf,
    dien_bien: PathBuf,
}

/// The centre (the sample) and two copies of it, for Lào Cai and Điện Biên.
fn three() -> Three {
    let dir = tempfile::tempdir().unwrap();
    let centre = PathBuf::from(new_sample(dir.path()));
    let lao_cai = dir.path().join("lao_cai.db");
    let dien_bien = dir.path().join("dien_bien.db");
    let made = ok(&[
        "copy",
        p(&centre),
        p(&lao_cai),
        "--for",
        "Lào Cai",
        "--by",
        "centre",
    ]);
    assert!(made.contains("for \"Lào Cai\""), "{made}");
    ok(&[
        "copy",
        p(&centre),
        p(&dien_bien),
        "--for",
        "Điện Biên",
        "--by",
        "centre",
    ]);
    Three {
        dir: dir.path().to_path_buf(),
        _dir: dir,
        centre,
        lao_cai,
        dien_bien,
    }
}

#[test]
fn copies_know_where_they_came_from() {
    let t = three();
    let centre = ok(&["info", p(&t.centre)]);
    let copy = ok(&["info", p(&t.lao_cai)]);
    let database = |info: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix("Database:"))
            .map(|s| s.trim().to_owned())
            .unwrap()
    };
    assert_eq!(
        database(&centre),
        database(&copy),
        "one database, two files"
    );
    assert_eq!(database(&centre).len(), 32);
    assert!(centre.contains("(the original, created"), "{centre}");
    assert!(centre.contains("\"Lào Cai\" (a copy made"), "{centre}");
    assert!(centre.contains("\"Điện Biên\" (a copy made"), "{centre}");
    assert!(copy.contains("for \"Lào Cai\", made"), "{copy}");
    assert!(copy.contains("(the file it was copied from"), "{copy}");
    // A copy is never written over an existing file.
    let again = chiso(&["copy", p(&t.centre), p(&t.lao_cai), "--for", "X"]);
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("already there"),
        "{}",
        text(&again.stderr)
    );
}

/// Each copy edits its own cells, one cell is edited by a copy and by the centre; the two
/// packages applied in either order give the same national file but for the decided conflict.
#[test]
fn packages_in_either_order_give_the_same_file() {
    let results: Vec<String> = [false, true]
        .into_iter()
        .map(|reverse| {
            let t = three();
            set(&t.lao_cai, "2024", "31.5", "VN-02", "Lò Thị Mai");
            set(&t.lao_cai, "2023", "33.0", "VN-02", "Lò Thị Mai");
            set(&t.dien_bien, "2024", "40.2", "VN-71", "Quàng Văn Dũng");
            // The cell both change: the national figure of 2024.
            set(&t.dien_bien, "2024", "16.5", "VNM", "Quàng Văn Dũng");
            set(&t.centre, "2024", "16.8", "VNM", "Trung ương");

            let lc = t.dir.join("lc.chisochanges");
            let db = t.dir.join("db.chisochanges");
            let wrote = send(&t.lao_cai, &lc, "Lò Thị Mai");
            assert!(wrote.contains("2 change(s)"), "{wrote}");
            send(&t.dien_bien, &db, "Quàng Văn Dũng");

            let order = if reverse { [&db, &lc] } else { [&lc, &db] };
            for package in order {
                let conflicting = package == &db;
                let before = std::fs::read(&t.centre).unwrap();
                let tried = chiso(&["apply", p(&t.centre), p(package)]);
                if conflicting {
                    // A conflict is never decided silently.
                    assert!(!tried.status.success());
                    let out = text(&tried.stdout);
                    assert!(out.contains("! conflict: figure U5MR · VNM · T"), "{out}");
                    assert!(
                        out.contains("value: started from \"16.9\"")
                            || out.contains("started from"),
                        "{out}"
                    );
                    assert!(out.contains("package \"16.5\", here \"16.8\""), "{out}");
                    assert!(
                        text(&tried.stderr).contains("conflict"),
                        "{}",
                        text(&tried.stderr)
                    );
                    assert_eq!(before, std::fs::read(&t.centre).unwrap(), "nothing written");
                    ok(&["apply", p(&t.centre), p(package), "--prefer", "centre"]);
                } else {
                    assert!(tried.status.success(), "{}", text(&tried.stderr));
                }
            }
            assert_eq!(value(&t.centre, "2024", "VN-02").as_deref(), Some("31.5"));
            assert_eq!(value(&t.centre, "2023", "VN-02").as_deref(), Some("33"));
            assert_eq!(value(&t.centre, "2024", "VN-71").as_deref(), Some("40.2"));
            assert_eq!(
                value(&t.centre, "2024", "VNM").as_deref(),
                Some("16.8"),
                "kept ours"
            );
            // The audit log names the province's editor and the package.
            let audit = ok(&["audit", p(&t.centre), "--limit", "10"]);
            assert!(audit.contains("Lò Thị Mai (Lào Cai, package "), "{audit}");
            figures(&t.centre)
        })
        .collect();
    assert_eq!(results[0], results[1]);
}

#[test]
fn a_dry_run_changes_nothing_and_a_package_applies_once() {
    let t = three();
    set(&t.lao_cai, "2024", "31.5", "VN-02", "Lò Thị Mai");
    let package = t.dir.join("lc.chisochanges");
    ok(&["changes", p(&t.lao_cai), "--out", p(&package)]);
    let before = std::fs::read(&t.centre).unwrap();
    let dry = ok(&["apply", p(&t.centre), p(&package), "--dry-run"]);
    assert!(
        dry.contains("Adds 0, changes 1, deletes 0") || dry.contains("Adds 1"),
        "{dry}"
    );
    assert!(dry.contains("Nothing was written (dry run)."), "{dry}");
    assert_eq!(before, std::fs::read(&t.centre).unwrap(), "byte-identical");

    let first = ok(&["apply", p(&t.centre), p(&package)]);
    assert!(first.contains("Applied: 1 change(s)"), "{first}");
    let after = figures(&t.centre);
    let audit = ok(&["audit", p(&t.centre), "--limit", "100"]);
    let second = ok(&["apply", p(&t.centre), p(&package)]);
    assert!(second.contains("Already applied here on"), "{second}");
    assert_eq!(after, figures(&t.centre));
    assert_eq!(
        audit,
        ok(&["audit", p(&t.centre), "--limit", "100"]),
        "no new entry"
    );
}

#[test]
fn foreign_and_tampered_packages_are_refused() {
    let t = three();
    set(&t.lao_cai, "2024", "31.5", "VN-02", "Lò Thị Mai");
    let package = t.dir.join("lc.chisochanges");
    send(&t.lao_cai, &package, "Lò Thị Mai");

    // Another database (a sample made apart) refuses it, naming both.
    let other_dir = tempfile::tempdir().unwrap();
    let other = new_sample(other_dir.path());
    let out = chiso(&["apply", &other, p(&package)]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("from another database"), "{err}");
    assert!(err.contains("\"Lào Cai\""), "{err}");

    // One byte of the changeset changed.
    let mut bytes = std::fs::read(&package).unwrap();
    let last = bytes.len() - 2;
    bytes[last] ^= 0x01;
    let tampered = t.dir.join("tampered.chisochanges");
    std::fs::write(&tampered, &bytes).unwrap();
    let before = std::fs::read(&t.centre).unwrap();
    let out = chiso(&["apply", p(&t.centre), p(&tampered)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("checksum does not match"),
        "{}",
        text(&out.stderr)
    );
    // The editor's name in the header changed.
    let mut forged = std::fs::read(&package).unwrap();
    let name = "Lò Thị Mai".as_bytes();
    let at = forged
        .windows(name.len())
        .position(|w| w == name)
        .expect("the header names the editor");
    forged.splice(at..at + name.len(), "Someone Else".bytes());
    std::fs::write(&tampered, &forged).unwrap();
    let out = chiso(&["apply", p(&t.centre), p(&tampered)]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("checksum does not match"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(before, std::fs::read(&t.centre).unwrap());
}

/// The centre sends back the national figures and the other province's accepted edits; the
/// copy that applies them holds the centre's figures.
#[test]
fn copies_converge_with_the_centre() {
    let t = three();
    set(&t.lao_cai, "2024", "31.5", "VN-02", "Lò Thị Mai");
    set(&t.dien_bien, "2024", "40.2", "VN-71", "Quàng Văn Dũng");
    set(&t.centre, "2022", "17.5", "VNM", "Trung ương");
    let lc = t.dir.join("lc.chisochanges");
    let db = t.dir.join("db.chisochanges");
    ok(&["changes", p(&t.lao_cai), "--out", p(&lc)]);
    ok(&["changes", p(&t.dien_bien), "--out", p(&db)]);
    ok(&["apply", p(&t.centre), p(&lc)]);
    ok(&["apply", p(&t.centre), p(&db)]);

    // With two copies, the centre must say which one a package is for.
    let which = chiso(&["changes", p(&t.centre), "--out", p(&t.dir.join("x"))]);
    assert!(!which.status.success());
    assert!(
        text(&which.stderr).contains("--to NAME"),
        "{}",
        text(&which.stderr)
    );

    let back = t.dir.join("back.chisochanges");
    ok(&[
        "changes",
        p(&t.centre),
        "--out",
        p(&back),
        "--to",
        "Lào Cai",
        "--since",
        "copy",
    ]);
    let applied = ok(&["apply", p(&t.lao_cai), p(&back)]);
    assert!(applied.contains("1 already made here"), "{applied}");
    assert_eq!(figures(&t.centre), figures(&t.lao_cai));
}

/// A process killed while applying leaves the file as it was.
#[test]
fn a_killed_apply_leaves_the_file_as_it_was() {
    let t = three();
    // Enough changes that the apply is still running when it is killed: the 63 provinces over
    // 40 years, imported into the copy as Chiso's long CSV.
    let areas = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/geo/vn_areas_2025.csv"),
    )
    .unwrap();
    let mut csv = String::from(
        "indicator,area,subgroup,year,period,value,status,qualifier,footnote,source\n",
    );
    for line in areas.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        if !cells[4].is_empty() {
            continue; // a unit of the 2025 reform
        }
        for year in 1985..2025 {
            let value = 20.0 + f64::from(year % 7) + 0.25;
            csv += &format!(
                "U5MR,{},T,{year},{year},{value},normal,,,{SOURCE}\n",
                cells[0]
            );
        }
    }
    let figures_csv = t.dir.join("many.csv");
    std::fs::write(&figures_csv, csv).unwrap();
    ok(&[
        "import",
        p(&t.lao_cai),
        p(&figures_csv),
        "--by",
        "Lò Thị Mai",
    ]);
    let package = t.dir.join("lc.chisochanges");
    let wrote = ok(&["changes", p(&t.lao_cai), "--out", p(&package)]);
    assert!(wrote.contains("2520 change(s)"), "{wrote}");
    let before = ok(&["series", p(&t.centre), "U5MR", "--area", "VN-02"]);
    let mut killed = 0;
    for delay_ms in [2u64, 10, 40, 80, 120, 200] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_chiso"))
            .args(["apply", p(&t.centre), p(&package)])
            .env("HOME", std::env::temp_dir())
            .env("CHISO_BACKUPS", "off")
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        // SIGKILL: no destructor runs, no rollback of its own.
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() {
            // It finished first: all of it is there, and applying again changes nothing.
            let again = ok(&["apply", p(&t.centre), p(&package)]);
            assert!(again.contains("Already applied"), "{again}");
            break;
        }
        killed += 1;
        // SQLite rolls back what the killed process left (its journal) at the next open.
        let check = ok(&["check", p(&t.centre)]);
        assert!(check.contains("ok"), "{check}");
        // All of it or none of it: killed after its commit, the package is whole and known.
        let now = ok(&["series", p(&t.centre), "U5MR", "--area", "VN-02"]);
        if now == before {
            continue;
        }
        let landed = (1985..2025)
            .filter(|y| {
                let value = 20.0 + f64::from(y % 7) + 0.25;
                now.contains(&format!(",{y},{y},{value},"))
            })
            .count();
        assert_eq!(
            landed, 40,
            "killed after {delay_ms} ms: a part of the package landed"
        );
        let again = ok(&["apply", p(&t.centre), p(&package)]);
        assert!(again.contains("Already applied"), "{again}");
        break;
    }
    assert!(killed > 0, "at least one apply was killed midway");
}

/// A file of schema 4 gets its identity when opened for writing, keeps it, and its figures of
/// before the migration travel in packages like any other.
#[test]
fn the_migration_gives_an_old_file_an_identity_it_keeps() {
    use chiso::store::Store;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        chiso::store::schema::migrate_for_tests(&tx, 0, 4).unwrap();
        tx.execute_batch(
            "INSERT INTO unit (code, name, symbol) VALUES ('PERCENT', 'Per cent', '%');
             INSERT INTO indicator (code, name, short_name, unit_id) VALUES ('MPI_RATE', 'Multidimensional poverty rate', 'MPI', 1);
             INSERT INTO subgroup (code, name) VALUES ('T', 'Total');
             INSERT INTO source (code, short_name) VALUES ('NEWS', 'News');
             INSERT INTO observation (indicator_id, area_id, subgroup_id, source_id, year, value)
             VALUES (1, (SELECT id FROM area WHERE code = 'VNM'), 1, 1, 2025, 1.3);",
        )
        .unwrap();
        tx.commit().unwrap();
    }
    // Read only, the file is not migrated and has no identity yet.
    let info = ok(&["info", p(&path)]);
    assert!(info.contains("no identity yet"), "{info}");
    let identity = Store::open(&path).unwrap().identity().unwrap();
    assert_eq!(identity.database_id.len(), 32);
    assert_ne!(identity.database_id, identity.copy_id);
    assert_eq!(identity.copied_from, None);
    assert_eq!(
        Store::open(&path).unwrap().identity().unwrap(),
        identity,
        "kept"
    );

    let copy = dir.path().join("copy.db");
    ok(&["copy", p(&path), p(&copy), "--for", "Hà Giang"]);
    ok(&[
        "set",
        p(&copy),
        "MPI_RATE",
        "2025",
        "1.1",
        "--source",
        "NEWS",
        "--by",
        "Hà Giang",
    ]);
    let package = dir.path().join("p.chisochanges");
    ok(&["changes", p(&copy), "--out", p(&package)]);
    let applied = ok(&["apply", p(&path), p(&package)]);
    assert!(
        applied.contains("~ figure MPI_RATE · VNM · T · NEWS · 2025: value 1.3 → 1.1"),
        "{applied}"
    );
}

/// Targets and saved views travel too: a province sets a target and saves a view; the centre
/// merges both.
#[test]
fn targets_and_saved_views_travel_in_a_package() {
    use chiso::store::Store;
    let t = three();
    {
        let mut copy = Store::open(&t.lao_cai).unwrap();
        copy.write("Lò Thị Mai", |tx| {
            tx.execute(
                "INSERT INTO target (indicator_id, area_id, subgroup_id, baseline_year, \
                 baseline_value, target_year, target_value, reference) \
                 SELECT i.id, a.id, s.id, 2020, 45.0, 2030, 30.0, 'Nghị quyết tỉnh Lào Cai' \
                 FROM indicator i, area a, subgroup s \
                 WHERE i.code = 'U5MR' AND a.code = 'VN-02' AND s.code = 'T'",
                [],
            )?;
            tx.execute(
                "INSERT INTO saved_view (name, position, spec) \
                 SELECT 'Lào Cai: tử vong trẻ em', 9, spec FROM saved_view ORDER BY id LIMIT 1",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    }
    let package = t.dir.join("lc.chisochanges");
    let wrote = send(&t.lao_cai, &package, "Lò Thị Mai");
    assert!(
        wrote.contains("1 target(s)") && wrote.contains("1 saved view(s)"),
        "{wrote}"
    );
    let applied = ok(&["apply", p(&t.centre), p(&package)]);
    assert!(
        applied.contains("+ target U5MR · VN-02 · T · 2030"),
        "{applied}"
    );
    assert!(
        applied.contains("+ saved view Lào Cai: tử vong trẻ em"),
        "{applied}"
    );
    let centre = Store::open_read_only(&t.centre).unwrap();
    let views = centre.views().unwrap();
    assert!(views.iter().any(|v| v.name == "Lào Cai: tử vong trẻ em"));
    let target: f64 = centre
        .all_targets()
        .unwrap()
        .iter()
        .find(|t| t.area_code == "VN-02" && t.indicator_code == "U5MR")
        .map(|t| t.target_value)
        .unwrap();
    assert_eq!(target, 30.0);
}
