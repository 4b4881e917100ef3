//! The corpus of bad inputs: files that are not what they claim, damaged, hostile, locked, or
//! full of values no one should type. Each case says exactly what must happen: a message that
//! names the file (and the line and column where there is one) and says what to do, no panic,
//! and the file left byte for byte as it was (with no `-wal`, `-shm` or `-journal` left beside
//! a file that is not a Chiso file). Both the library and the `chiso` binary are checked.
//!
//! docs/RELIABILITY.md lists the cases as a table; keep the two in step.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use chiso::store::import::{ImportOptions, Progress};
use chiso::store::query::SeriesFilter;
use chiso::store::{OpenError, ReadOnlyReason, SCHEMA_VERSION, Store, StoreError};
use chiso::workspace::Workspace;
use chiso::workspace::sample;
use rusqlite::Connection;

#[path = "common/realdata.rs"]
mod realdata;
use realdata::realdata;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn chiso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chiso"))
        .args(args)
        .env("HOME", std::env::temp_dir())
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const SIDES: [&str; 3] = ["-wal", "-shm", "-journal"];

fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A path as it was: its bytes (none for a missing path or a folder) and its side files.
#[derive(Debug, PartialEq)]
struct State {
    bytes: Option<Vec<u8>>,
    exists: bool,
    sides: Vec<(String, Option<Vec<u8>>)>,
}

fn state(path: &Path) -> State {
    State {
        bytes: fs::read(path).ok(),
        exists: fs::symlink_metadata(path).is_ok(),
        sides: SIDES
            .iter()
            .map(|s| (s.to_string(), fs::read(side(path, s)).ok()))
            .collect(),
    }
}

/// The bytes of a Chiso file, which SQLite may give a `-wal` and `-shm` while reading it.
fn main_bytes(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap()
}

/// A fresh copy of the sample database, in a single file (no `-wal`).
fn sample_at(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    sample::create_sample(&path).unwrap();
    assert!(!side(&path, "-wal").exists());
    path
}

fn observations(path: &Path) -> i64 {
    let conn =
        Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row("SELECT count(*) FROM observation", [], |r| r.get(0))
        .unwrap()
}

fn assert_failed(out: &Output, what: &str, names: &Path, says: &[&str]) {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{what}: exit status; {stderr}");
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(
        stderr.contains(&names.display().to_string()),
        "{what}: the message names {}: {stderr}",
        names.display()
    );
    for s in says {
        assert!(
            stderr.contains(s),
            "{what}: the message says {s:?}: {stderr}"
        );
    }
}

/// A small valid long CSV, to give `chiso import` something to bring into a bad database.
fn good_csv(dir: &Path) -> PathBuf {
    let path = dir.join("good.csv");
    fs::write(
        &path,
        "indicator,area,subgroup,period,value,status,qualifier,footnote,source\n\
         MPI_RATE,VNM,T,2024,1.9,,,,NEWS_WVR_2026\n",
    )
    .unwrap();
    path
}

/// Every command a user may point at a database file, as arguments after the file.
fn commands(input: &Path) -> Vec<(&'static str, Vec<String>)> {
    vec![
        ("info", vec![]),
        ("list", vec![]),
        ("series", vec!["HDI".into()]),
        ("export-data", vec![]),
        ("audit", vec![]),
        (
            "set",
            ["HDI", "2023", "0.7", "--source", "UNDP_HDR_2025"]
                .map(String::from)
                .to_vec(),
        ),
        ("import", vec![input.display().to_string()]),
    ]
}

fn run_on(command: &str, db: &Path, rest: &[String]) -> Output {
    let mut args = vec![command.to_owned(), db.display().to_string()];
    args.extend(rest.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    chiso(&args)
}

// ---------------------------------------------------------------------------------------------
// Files that are not Chiso databases
// ---------------------------------------------------------------------------------------------

type Kind = fn(&OpenError) -> bool;

struct NotChiso {
    label: &'static str,
    path: PathBuf,
    kind: Kind,
    says: &'static str,
}

#[test]
fn files_that_are_not_chiso_databases_are_refused_by_every_command_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let input = good_csv(d);
    let chiso_file = sample_at(d, "real.db");
    let write = |name: &str, bytes: &[u8]| {
        let path = d.join(name);
        fs::write(&path, bytes).unwrap();
        path
    };

    let empty = write("empty.db", b"");
    let text_file = write(
        "notes.db",
        "indicator,value\nHDI,0.766\nHà Giang\n".as_bytes(),
    );
    let png = write(
        "chart.sqlite",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde",
    );
    let zip = write("figures.db", b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0");
    let bytes = main_bytes(&chiso_file);
    let truncated = write("half.db", &bytes[..bytes.len() / 2]);
    let header_only = write("header.db", &bytes[..100]);
    let foreign = d.join("contacts.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Lan');")
        .unwrap();
    let foreign_wal = d.join("invoices.db");
    Connection::open(&foreign_wal)
        .unwrap()
        .execute_batch(
            "PRAGMA journal_mode = wal; CREATE TABLE invoice (id INTEGER, total REAL); \
             CREATE TABLE customer (name TEXT);",
        )
        .unwrap();
    // Chiso's mark without its tables: a file someone stamped by hand, or a damaged one.
    let marked = d.join("marked.db");
    Connection::open(&marked)
        .unwrap()
        .execute_batch(
            "PRAGMA application_id = 1128813391; PRAGMA user_version = 2; \
             CREATE TABLE unit (id INTEGER);",
        )
        .unwrap();
    let folder = d.join("folder.db");
    fs::create_dir(&folder).unwrap();
    let missing = d.join("missing.db");
    let looped = d.join("loop.db");
    std::os::unix::fs::symlink(d.join("loop2.db"), &looped).unwrap();
    std::os::unix::fs::symlink(&looped, d.join("loop2.db")).unwrap();
    // A text file with a hot journal and a log beside it: neither is SQLite's business here.
    let with_sides = write("report.db", b"not a database at all\n");
    fs::write(side(&with_sides, "-journal"), b"journal bytes").unwrap();
    fs::write(side(&with_sides, "-wal"), b"wal bytes").unwrap();

    let cases = vec![
        NotChiso {
            label: "an empty file",
            path: empty,
            kind: |e| matches!(e, OpenError::Empty { .. }),
            says: "the file is empty, not a Chiso database. Create one with `chiso new FILE`",
        },
        NotChiso {
            label: "a text file",
            path: text_file,
            kind: |e| matches!(e, OpenError::NotSqlite { .. }),
            says: "not a SQLite database (it looks like a text file)",
        },
        NotChiso {
            label: "a PNG renamed .sqlite",
            path: png,
            kind: |e| matches!(e, OpenError::NotSqlite { .. }),
            says: "not a SQLite database (it is a PNG image)",
        },
        NotChiso {
            label: "a ZIP archive renamed .db",
            path: zip,
            kind: |e| matches!(e, OpenError::NotSqlite { .. }),
            says: "(it is a ZIP archive, such as an .xlsx or .docx file)",
        },
        NotChiso {
            label: "a Chiso file cut in half",
            path: truncated,
            kind: |e| matches!(e, OpenError::Corrupt { .. }),
            says: "the database is damaged (database disk image is malformed). It was not \
                   changed. No backup of it was found",
        },
        NotChiso {
            label: "the first 100 bytes of a Chiso file",
            path: header_only,
            kind: |e| matches!(e, OpenError::Corrupt { .. }),
            says: "the database is damaged",
        },
        NotChiso {
            label: "another application's SQLite file",
            path: foreign,
            kind: |e| matches!(e, OpenError::Foreign { .. }),
            says: "a SQLite database of another application (tables: contact), not a Chiso file",
        },
        NotChiso {
            label: "another application's SQLite file in WAL mode",
            path: foreign_wal,
            kind: |e| matches!(e, OpenError::Foreign { .. }),
            says: "(tables: customer, invoice)",
        },
        NotChiso {
            label: "Chiso's mark without Chiso's tables",
            path: marked,
            kind: |e| matches!(e, OpenError::Corrupt { .. }),
            says: "(tables missing: indicator, area, subgroup, source, observation)",
        },
        NotChiso {
            label: "a folder",
            path: folder,
            kind: |e| matches!(e, OpenError::Directory { .. }),
            says: "is a folder, not a database file. Choose a file inside it",
        },
        NotChiso {
            label: "a missing path",
            path: missing.clone(),
            kind: |e| matches!(e, OpenError::Missing { .. }),
            says: "no such file. Check the path, or create a database with `chiso new FILE`",
        },
        NotChiso {
            label: "a symbolic link loop",
            path: looped,
            kind: |e| matches!(e, OpenError::Unreadable { .. }),
            says: "cannot be read (Too many levels of symbolic links (os error 40)). Check the \
                   path and the file's permissions",
        },
        NotChiso {
            label: "a text file with a -journal and a -wal beside it",
            path: with_sides,
            kind: |e| matches!(e, OpenError::NotSqlite { .. }),
            says: "not a SQLite database (it looks like a text file)",
        },
    ];
    for case in &cases {
        let before = state(&case.path);
        let opened: Vec<(&str, Result<(), OpenError>)> = vec![
            ("Store::open", Store::open(&case.path).map(drop)),
            (
                "Store::open_read_only",
                Store::open_read_only(&case.path).map(drop),
            ),
            ("Workspace::open", Workspace::open(&case.path).map(drop)),
        ];
        for (how, result) in opened {
            let error = result.expect_err(case.label);
            assert!((case.kind)(&error), "{}: {how}: {error:?}", case.label);
            let message = error.to_string();
            assert!(
                message.starts_with(&case.path.display().to_string()),
                "{}: {how} names the file first: {message}",
                case.label
            );
            assert!(message.contains(case.says), "{}: {message}", case.label);
        }
        for (command, rest) in commands(&input) {
            let out = run_on(command, &case.path, &rest);
            assert_failed(
                &out,
                &format!("{}: chiso {command}", case.label),
                &case.path,
                &[case.says],
            );
        }
        assert_eq!(
            state(&case.path),
            before,
            "{}: left byte-identical, with no side file made or removed",
            case.label
        );
    }
    assert!(!missing.exists(), "nothing is created at a missing path");
}

// ---------------------------------------------------------------------------------------------
// Damaged, newer, read-only and locked Chiso files
// ---------------------------------------------------------------------------------------------

/// Pages of a table's b-tree, from SQLite's `dbstat`.
fn pages_of(path: &Path, table: &str) -> Vec<(i64, String)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT pageno, pagetype FROM dbstat WHERE name = ?1 ORDER BY pageno")
        .unwrap();
    stmt.query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_corrupted_page_is_reported_as_damage_by_info_and_by_reads_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_at(dir.path(), "damaged.db");
    let page_size = 4096;
    let leaves: Vec<i64> = pages_of(&path, "observation")
        .into_iter()
        .filter(|(_, kind)| kind == "leaf")
        .map(|(n, _)| n)
        .collect();
    assert!(leaves.len() >= 2, "{leaves:?}");
    // Overwrite the middle of the first leaf page of the figures' table with 0xFF bytes.
    let mut bytes = main_bytes(&path);
    let at = (leaves[0] as usize - 1) * page_size + 200;
    bytes[at..at + 300].fill(0xFF);
    fs::write(&path, &bytes).unwrap();

    let out = chiso(&["info", path.to_str().unwrap()]);
    assert_failed(
        &out,
        "chiso info",
        &path,
        &["the integrity check found problems (see above)"],
    );
    let report = text(&out.stdout);
    // SQLite's findings, one per line after the heading, name the damaged page.
    let integrity = &report[report.find("Integrity check: ").unwrap()..];
    assert!(
        integrity.contains(&format!("page {}", leaves[0]))
            && !integrity.starts_with("Integrity check: ok"),
        "{integrity}"
    );

    // Some indicator's figures live on the damaged page: reading them says so.
    let store = Store::open_read_only(&path).unwrap();
    let codes: Vec<String> = store
        .indicators()
        .unwrap()
        .into_iter()
        .map(|i| i.code)
        .collect();
    let damaged: Vec<&String> = codes
        .iter()
        .filter(|code| match store.series(code, &SeriesFilter::default()) {
            Ok(_) => false,
            Err(e @ StoreError::Corrupt(_)) => {
                let message = e.to_string();
                assert!(
                    message.contains("the database is damaged")
                        && message.contains(
                            "`chiso check FILE` names the damage and the newest good backup"
                        ),
                    "{message}"
                );
                true
            }
            Err(other) => panic!("{code}: {other:?}"),
        })
        .collect();
    assert!(!damaged.is_empty(), "no read reached the damaged page");
    drop(store);
    let out = chiso(&["series", path.to_str().unwrap(), damaged[0]]);
    assert_failed(
        &out,
        "chiso series",
        &path,
        &["the database is damaged (database disk image is malformed)"],
    );
    // Commands that read every figure meet the damaged page too. (`list` and `export-data`
    // do not name the file yet: src/cli.rs adds no context to their errors.)
    for command in ["list", "export-data"] {
        let out = chiso(&[command, path.to_str().unwrap()]);
        assert_failed(
            &out,
            command,
            Path::new(""),
            &[
                "the database is damaged (database disk image is malformed). Nothing was \
               changed. `chiso check FILE` names the damage and the newest good backup; \
               `chiso restore FILE BACKUP` puts one back",
            ],
        );
    }
    assert_eq!(main_bytes(&path), bytes, "the damaged file is not changed");
}

#[test]
fn a_file_of_a_newer_schema_is_shown_read_only_with_the_reason_and_writes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_at(dir.path(), "newer.db");
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let before = main_bytes(&path);
    let count = observations(&path);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.read_only(),
        Some(&ReadOnlyReason::NewerSchema {
            found: SCHEMA_VERSION + 1,
            known: SCHEMA_VERSION
        })
    );
    let refused = store
        .import(
            &chiso::import::Readers,
            &[good_csv(dir.path())],
            &ImportOptions::default(),
            "t",
            &Progress::default(),
        )
        .unwrap_err();
    assert!(
        refused.to_string().contains("newer Chiso") && refused.to_string().contains("Update"),
        "{refused}"
    );
    drop(store);
    let out = chiso(&["list", path.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains(&format!(
        "written by a newer Chiso (schema version {}",
        SCHEMA_VERSION + 1
    )));
    let out = chiso(&[
        "set",
        path.to_str().unwrap(),
        "HDI",
        "2023",
        "0.7",
        "--source",
        "UNDP_HDR_2025",
    ]);
    assert_failed(
        &out,
        "chiso set",
        &path,
        &["cannot change this database", "Update Chiso to edit it"],
    );
    assert_eq!(main_bytes(&path), before);
    assert_eq!(observations(&path), count);
}

#[test]
fn a_read_only_file_is_never_written_even_by_root() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_at(dir.path(), "ro.db");
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();
    let before = main_bytes(&path);
    // Root may write a 0444 file: Chiso goes by the permission bits, not by trying.
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.read_only(), Some(&ReadOnlyReason::FileReadOnly));
    assert!(matches!(
        store.write("t", |_| Ok(())),
        Err(StoreError::ReadOnly(ReadOnlyReason::FileReadOnly))
    ));
    drop(store);
    for (command, rest) in [
        (
            "set",
            vec!["HDI", "2023", "0.7", "--source", "UNDP_HDR_2025"],
        ),
        ("import", vec![good_csv(dir.path()).to_str().unwrap()]),
    ] {
        let rest: Vec<String> = rest.into_iter().map(String::from).collect();
        let out = run_on(command, &path, &rest);
        assert_failed(
            &out,
            command,
            &path,
            &["the file is read-only", "make it writable"],
        );
    }
    let out = chiso(&["series", path.to_str().unwrap(), "HDI"]);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("the file is read-only, so it is open for viewing only"));
    assert_eq!(main_bytes(&path), before);
    let wal = side(&path, "-wal");
    assert!(
        fs::metadata(&wal).map_or(true, |m| m.len() == 0),
        "nothing was logged to write later"
    );
}

/// A `sqlite3` shell holding `BEGIN EXCLUSIVE` on `path` until dropped.
struct Holder(std::process::Child);

impl Holder {
    fn exclusive(path: &Path) -> Option<Holder> {
        Command::new("sqlite3").arg("--version").output().ok()?;
        let mut child = Command::new("sqlite3")
            .arg(path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        use std::io::{BufRead, Write};
        let stdin = child.stdin.as_mut().unwrap();
        // The write makes the lock a real one in rollback-journal mode; the SELECT says when.
        writeln!(
            stdin,
            "BEGIN EXCLUSIVE; UPDATE unit SET name = name; SELECT 'held';"
        )
        .unwrap();
        stdin.flush().unwrap();
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.as_mut().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "held");
        Some(Holder(child))
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_file_locked_by_another_program_is_said_busy_within_the_timeout_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    // In WAL mode (Chiso's own) readers go on; a writer waits 5 s, then says busy.
    let wal = sample_at(dir.path(), "wal.db");
    // In rollback-journal mode (a file converted by another tool) even readers are locked out.
    let journal = sample_at(dir.path(), "journal.db");
    Connection::open(&journal)
        .unwrap()
        .pragma_update(None, "journal_mode", "delete")
        .unwrap();
    let Some(holder) = Holder::exclusive(&wal) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI installs the sqlite3 shell"
        );
        eprintln!("skipped: no sqlite3 shell");
        return;
    };
    let count = observations(&wal);
    let out = chiso(&["list", wal.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let started = Instant::now();
    let out = chiso(&[
        "set",
        wal.to_str().unwrap(),
        "HDI",
        "2023",
        "0.7",
        "--source",
        "UNDP_HDR_2025",
    ]);
    let waited = started.elapsed();
    assert_failed(
        &out,
        "chiso set on a locked WAL file",
        &wal,
        &["the database is busy: another program is writing to it. Try again in a moment"],
    );
    assert!(
        waited >= Duration::from_secs(4) && waited < Duration::from_secs(15),
        "{waited:?}"
    );
    drop(holder);
    assert_eq!(observations(&wal), count);

    let holder = Holder::exclusive(&journal).unwrap();
    let before = main_bytes(&journal);
    let started = Instant::now();
    let error = Store::open_read_only(&journal).unwrap_err();
    assert!(matches!(error, OpenError::Locked { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .contains("locked by another program. Close the other program"),
        "{error}"
    );
    for command in ["list", "set"] {
        let rest: Vec<String> = if command == "set" {
            ["HDI", "2023", "0.7", "--source", "UNDP_HDR_2025"]
                .map(String::from)
                .to_vec()
        } else {
            vec![]
        };
        let out = run_on(command, &journal, &rest);
        assert_failed(
            &out,
            &format!("chiso {command} on a locked file"),
            &journal,
            &["the database is locked by another program"],
        );
    }
    assert!(started.elapsed() < Duration::from_secs(30), "no hang");
    drop(holder);
    assert_eq!(main_bytes(&journal), before);
}

#[test]
fn a_log_left_beside_a_database_is_read_when_valid_and_ignored_when_garbage() {
    let dir = tempfile::tempdir().unwrap();
    // A writer that stopped with its committed change still in the -wal (no checkpoint).
    let path = sample_at(dir.path(), "crashed.db");
    let copy = dir.path().join("copy.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        conn.execute(
            "UPDATE observation SET value = 0.123 WHERE year = 2023 AND indicator_id = \
             (SELECT id FROM indicator WHERE code = 'HDI') AND source_id = \
             (SELECT id FROM source WHERE code = 'UNDP_HDR_2025')",
            [],
        )
        .unwrap();
        fs::copy(&path, &copy).unwrap();
        fs::copy(side(&path, "-wal"), side(&copy, "-wal")).unwrap();
    }
    let hdi_2023 = |p: &Path| {
        let store = Store::open_read_only(p).unwrap();
        store
            .series(
                "HDI",
                &SeriesFilter {
                    source: Some("UNDP_HDR_2025".into()),
                    ..Default::default()
                },
            )
            .unwrap()
            .into_iter()
            .find(|o| o.period.year == 2023)
            .unwrap()
            .value
    };
    assert_eq!(
        hdi_2023(&copy),
        0.123,
        "the committed change in the log is seen"
    );
    let out = chiso(&["info", copy.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Integrity check: ok"));

    // A -wal of garbage (another file's bytes under the name) is not a log: SQLite ignores it.
    let clean = sample_at(dir.path(), "clean.db");
    fs::write(side(&clean, "-wal"), vec![0xAB; 10_000]).unwrap();
    let before = main_bytes(&clean);
    assert_eq!(hdi_2023(&clean), 0.766);
    let out = chiso(&["info", clean.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Integrity check: ok"));
    assert_eq!(main_bytes(&clean), before);
}

// ---------------------------------------------------------------------------------------------
// Hostile schemas: triggers, views, indexes and statistics that Chiso did not create
// ---------------------------------------------------------------------------------------------

struct Hostile {
    label: &'static str,
    sql: &'static str,
    named: &'static [&'static str],
}

const HOSTILE: &[Hostile] = &[
    Hostile {
        label: "a trigger that deletes every figure when Chiso names its editor",
        sql: "CREATE TRIGGER wipe AFTER UPDATE ON audit_context BEGIN DELETE FROM observation; END;",
        named: &["trigger \"wipe\""],
    },
    Hostile {
        label: "a trigger and a view calling functions",
        sql: "CREATE TRIGGER spy AFTER INSERT ON observation BEGIN \
                  INSERT INTO audit_log (editor, table_name, row_id, action) \
                  VALUES (hex(randomblob(8)), 'x', 0, 'insert'); \
                  SELECT load_extension('/tmp/evil.so'); END; \
              CREATE VIEW slow AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) \
                  SELECT sum(x) FROM c;",
        named: &["trigger \"spy\"", "view \"slow\""],
    },
    Hostile {
        label: "one of Chiso's own audit triggers rewritten",
        sql: "DROP TRIGGER observation_audit_update; \
              CREATE TRIGGER observation_audit_update AFTER UPDATE ON observation BEGIN \
                  DELETE FROM audit_log; END;",
        named: &["trigger \"observation_audit_update\""],
    },
    Hostile {
        label: "a trigger whose name hides behind a right-to-left override",
        sql: "CREATE TRIGGER \"ok\u{202E}txt.exe\" BEFORE UPDATE ON audit_context \
              BEGIN SELECT RAISE(IGNORE); END;",
        named: &["trigger \"ok\\u{202e}txt.exe\""],
    },
    Hostile {
        label: "an index on an expression, evaluated on every write and full check",
        sql: "CREATE INDEX slow_index ON observation (length(hex(zeroblob(min(abs(value), 1000) * 1000))));",
        named: &["index \"slow_index\""],
    },
    Hostile {
        label: "planner statistics that make every index seek a scan of every figure",
        sql: "ANALYZE; \
              UPDATE sqlite_stat1 SET stat = '100000000 100000000 100000000 100000000 100000000 \
                  100000000 100000000' WHERE idx = 'sqlite_autoindex_observation_1'; \
              INSERT INTO sqlite_stat1 VALUES ('observation', NULL, '1');",
        named: &["table \"sqlite_stat1\""],
    },
];

#[test]
fn triggers_and_views_chiso_did_not_create_never_run_and_the_file_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = good_csv(dir.path());
    for (i, case) in HOSTILE.iter().enumerate() {
        let path = sample_at(dir.path(), &format!("hostile{i}.db"));
        Connection::open(&path)
            .unwrap()
            .execute_batch(case.sql)
            .unwrap();
        let count = observations(&path);
        let before = main_bytes(&path);

        for opened in [Store::open(&path), Store::open_read_only(&path)] {
            let mut store = opened.unwrap();
            let Some(ReadOnlyReason::ForeignSchemaObjects { objects }) = store.read_only() else {
                panic!("{}: {:?}", case.label, store.read_only());
            };
            for name in case.named {
                assert!(
                    objects.iter().any(|o| o == name),
                    "{}: {objects:?}",
                    case.label
                );
            }
            // Reading goes on, with nothing of the file's own running.
            assert!(!store.catalogue().unwrap().is_empty());
            assert!(store.summary().unwrap().integrity == ["ok"]);
            let refused = store.write("t", |_| Ok(())).unwrap_err();
            let message = refused.to_string();
            assert!(
                message.contains("did not create")
                    && message.contains(case.named[0])
                    && message.contains("drop them"),
                "{}: {message}",
                case.label
            );
        }
        let workspace = Workspace::open(&path).unwrap();
        assert!(workspace.read_only().is_some());
        drop(workspace);

        let out = chiso(&["list", path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("that Chiso did not create"),
            "{}",
            text(&out.stderr)
        );
        for (command, rest) in [
            (
                "set",
                ["HDI", "2023", "0.7", "--source", "UNDP_HDR_2025"]
                    .map(String::from)
                    .to_vec(),
            ),
            ("import", vec![input.display().to_string()]),
        ] {
            let out = run_on(command, &path, &rest);
            assert_failed(
                &out,
                &format!("{}: chiso {command}", case.label),
                &path,
                &[
                    "cannot change this database: the file holds triggers, views, indexes or \
                     planner statistics that Chiso did not create",
                    case.named[0],
                    "sqlite3 FILE .schema",
                ],
            );
        }
        assert_eq!(observations(&path), count, "{}: the data stays", case.label);
        assert_eq!(main_bytes(&path), before, "{}: the file stays", case.label);
    }
}

#[test]
fn a_hostile_trigger_in_an_old_file_stops_the_migration_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        chiso::store::schema::migrate_for_tests(&tx, 0, 1).unwrap();
        tx.execute_batch(
            "CREATE TRIGGER grow AFTER INSERT ON unit BEGIN DELETE FROM observation; END;",
        )
        .unwrap();
        tx.commit().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert!(matches!(
        store.read_only(),
        Some(ReadOnlyReason::ForeignSchemaObjects { .. })
    ));
    drop(store);
    let version: i64 = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "not migrated while a foreign trigger is there");
}

// ---------------------------------------------------------------------------------------------
// Import: every format, bad bytes and bad values
// ---------------------------------------------------------------------------------------------

enum Expect {
    /// Refused: exactly these problems, in order; nothing is written.
    Problems(Vec<String>),
    /// Read: this many figures added and values missing, no problem.
    Figures { added: u64, missing: u64 },
}

struct ImportCase {
    label: &'static str,
    file: &'static str,
    bytes: Vec<u8>,
    /// Files beside it (an OWID `.metadata.json`).
    beside: Vec<(&'static str, Vec<u8>)>,
    indicators: Option<&'static str>,
    /// Areas to create (`--areas`), besides those in the database.
    areas: Option<&'static str>,
    expect: Expect,
}

const LONG_HEADER: &str = "indicator,area,subgroup,period,value,status,qualifier,footnote,source";

fn long_csv(rows: &[&str]) -> Vec<u8> {
    let mut text = format!("{LONG_HEADER}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text.into_bytes()
}

fn problems(list: &[&str]) -> Expect {
    Expect::Problems(list.iter().map(|s| (*s).to_owned()).collect())
}

const WDI_HEAD: &str = "\"Data Source\",\"World Development Indicators\",\n\n\
    \"Last Updated Date\",\"2024-09-19\",\n\n\
    \"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"1990\",\"1991\",\n";

fn wdi(rows: &[&str]) -> Vec<u8> {
    let mut text = WDI_HEAD.to_owned();
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text.into_bytes()
}

const U5: &str = "\"Mortality rate, under-5 (per 1,000 live births)\",\"SH.DYN.MORT\"";

fn api(observations: &str) -> Vec<u8> {
    format!(
        "[{{\"page\":1,\"pages\":1,\"per_page\":50,\"total\":1,\"lastupdated\":\"2025-10-07\"}},[{observations}]]"
    )
    .into_bytes()
}

fn api_obs(date: &str, value: &str) -> String {
    format!(
        "{{\"indicator\":{{\"id\":\"SH.DYN.MORT\",\"value\":\"Mortality rate, under-5 (per 1,000 live births)\"}},\
         \"country\":{{\"id\":\"VN\",\"value\":\"Viet Nam\"}},\"countryiso3code\":\"VNM\",\"date\":\"{date}\",\
         \"value\":{value},\"unit\":\"\",\"obs_status\":\"\",\"decimal\":1}}"
    )
}

const OWID_META: &str = r#"{"chart":{"title":"Share of the population using the Internet","citation":"ITU (2025)"},
"columns":{"Share of the population using the Internet":{"unit":"%","shortUnit":"%","type":"Numeric","lastUpdated":"2025-06-01","citationLong":"ITU (2025) – processed by OWID"}}}"#;

fn owid(rows: &str) -> Vec<u8> {
    format!("Entity,Code,Year,Share of the population using the Internet\n{rows}").into_bytes()
}

fn import_cases(real: Option<&Path>) -> Vec<ImportCase> {
    let ten_mb = "N".repeat(10_000_000);
    let long_header_10mb =
        format!("{LONG_HEADER},indicator_name,area_name,source_name,source_title\n");
    let mut cases = vec![
        // ----- Chiso long CSV -----
        ImportCase {
            label: "NaN, infinities and a number beyond f64 in values",
            file: "nan.csv",
            bytes: long_csv(&[
                "MPI_RATE,VNM,T,2016,NaN,,,,NEWS_WVR_2026",
                "MPI_RATE,VNM,T,2017,inf,,,,NEWS_WVR_2026",
                "MPI_RATE,VNM,T,2018,-inf,,,,NEWS_WVR_2026",
                "MPI_RATE,VNM,T,2019,1e999,,,,NEWS_WVR_2026",
                "MPI_RATE,VNM,T,2020,-Infinity,,,,NEWS_WVR_2026",
            ]),
            beside: vec![],
            indicators: None,
            areas: None,
            // NaN is how publishers write "no figure": a missing value, not a problem.
            expect: problems(&[
                "nan.csv, line 3, column value, value \"inf\": not a number",
                "nan.csv, line 4, column value, value \"-inf\": not a number",
                "nan.csv, line 5, column value, value \"1e999\": not a number",
                "nan.csv, line 6, column value, value \"-Infinity\": not a number",
            ]),
        },
        ImportCase {
            label: "cells past the header: a decimal comma, and a stray cell",
            file: "past.csv",
            bytes: long_csv(&[
                "MPI_RATE,VNM,T,2016,16,9,,,,NEWS_WVR_2026",
                "MPI_RATE,VNM,T,2017,1.9,,,,NEWS_WVR_2026,extra",
                "MPI_RATE,VNM,T,2018,2.1,,,,NEWS_WVR_2026,,",
            ]),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "past.csv, line 2, column column 10, value \"16,9\": 1 cell(s) past the header's last column; looks like a decimal comma: `16,9`: the row does not line up with the header, so none of it is read. Quote values that hold a comma, or write decimals with a point",
                "past.csv, line 3, column column 10, value \"extra\": 1 cell(s) past the header's last column: the row does not line up with the header, so none of it is read. Quote values that hold a comma, or write decimals with a point",
            ]),
        },
        ImportCase {
            label: "a UTF-8 file with one stray byte keeps its Vietnamese names",
            file: "stray.csv",
            bytes: [
                format!("{LONG_HEADER},indicator_name,area_name\n").as_bytes(),
                "MPI_RATE,VNM,T,2016,2.0,,,Tỷ lệ hộ nghèo đa chiều — Hà Nội,NEWS_WVR_2026,Tỷ lệ nghèo,Việt Nam\n".as_bytes(),
                b"MPI_RATE,VNM,T,2017,1.9,,,H\xE0 N\xF4i,NEWS_WVR_2026,,\n",
            ]
            .concat(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "stray.csv, line 3, column footnote, value \"H\u{FFFD} N\u{FFFD}i\": the byte 0xE0 is not UTF-8 (the rest of the file is): retype the character shown as \u{FFFD}, or save the file as UTF-8",
            ]),
        },
        ImportCase {
            label: "UTF-16 text, as Excel saves \"Unicode Text\"",
            file: "unicode.txt",
            bytes: {
                let text = format!("{LONG_HEADER}\nMPI_RATE,VNM,T,2016,2.0,,,,NEWS_WVR_2026\n");
                let mut bytes = vec![0xFF, 0xFE];
                bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                bytes
            },
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "unicode.txt: not a format Chiso imports (it is UTF-16 text (Excel's \"Unicode Text\"), and Chiso reads CSV in UTF-8: in Excel choose Save As, \"CSV UTF-8 (Comma delimited)\"; in a text editor, save it with the encoding UTF-8). Chiso reads its long CSV, World Bank CSV, Excel and API JSON, UNDP HDR, Our World in Data, GSO PX-Web, SDMX-CSV, ILOSTAT and WHO GHO files",
            ]),
        },
        ImportCase {
            label: "underflows: 1e-400 and 4e-320",
            file: "tiny.csv",
            bytes: long_csv(&[
                "MPI_RATE,VNM,T,2016,1e-400,,,,NEWS_WVR_2026",
                "MPI_RATE,VNM,T,2017,4e-320,,,,NEWS_WVR_2026",
            ]),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "tiny.csv, line 2, column value, value \"1e-400\": too small to keep exactly (below 2.2e-308, the number would become 0 or lose digits): write it in a larger unit",
                "tiny.csv, line 3, column value, value \"4e-320\": too small to keep exactly (below 2.2e-308, the number would become 0 or lose digits): write it in a larger unit",
            ]),
        },
        ImportCase {
            label: "a number larger than a Chiso file keeps",
            file: "huge.csv",
            bytes: format!(
                "{LONG_HEADER},indicator_name\nNEW_BIG,VNM,T,2020,1e301,,,,NEWS_WVR_2026,Big\n\
                 NEW_BIG,VNM,T,2021,-2e300,,,,NEWS_WVR_2026,Big\n"
            )
            .into_bytes(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "huge.csv, line 2, column value, value \"1e301\": too large: Chiso keeps values between -1e300 and 1e300",
                "huge.csv, line 3, column value, value \"-2e300\": too large: Chiso keeps values between -1e300 and 1e300",
            ]),
        },
        ImportCase {
            label: "years 0999, 99999, negative and empty",
            file: "years.csv",
            bytes: long_csv(&[
                "MPI_RATE,VNM,T,0999,1,,,,NEWS_WVR_2026",
                "MPI_RATE,VNM,T,99999,1,,,,NEWS_WVR_2026",
                "MPI_RATE,VNM,T,-2020,1,,,,NEWS_WVR_2026",
                "MPI_RATE,VNM,T,,1,,,,NEWS_WVR_2026",
                "MPI_RATE,VNM,T,2025-2021,1,,,,NEWS_WVR_2026",
            ]),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "years.csv, line 2, column period, value \"0999\": not a year (2023) or a range of years (2021-2025)",
                "years.csv, line 3, column period, value \"99999\": not a year (2023) or a range of years (2021-2025)",
                "years.csv, line 4, column period, value \"-2020\": not a year (2023) or a range of years (2021-2025)",
                "years.csv, line 5, column period: not a year (2023) or a range of years (2021-2025)",
                "years.csv, line 6, column period, value \"2025-2021\": not a year (2023) or a range of years (2021-2025)",
            ]),
        },
        ImportCase {
            label: "a short row",
            file: "short.csv",
            bytes: long_csv(&["MPI_RATE,VNM,T,2020,1.5,,,,NEWS_WVR_2026", "MPI_RATE,VNM"]),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "short.csv, line 3, column subgroup: the row has 2 cells and ends before this column (the header has 9): a separator or a quote may be missing",
            ]),
        },
        ImportCase {
            label: "a 100,000-column line",
            file: "wide.csv",
            bytes: {
                let mut b = long_csv(&[]);
                b.extend_from_slice(b"MPI_RATE,VNM,T,2020,1.5,,,,NEWS_WVR_2026");
                b.extend(",x".repeat(100_000).bytes());
                b.push(b'\n');
                b
            },
            beside: vec![],
            indicators: None,
            areas: None,
            // Cells past the header's columns are a problem (the row may not line up with the
            // header), said at once, without reading 100,000 cells into the message.
            expect: problems(&[
                "wide.csv, line 2, column column 10, value \"x\": 100000 cell(s) past the header's last column: the row does not line up with the header, so none of it is read. Quote values that hold a comma, or write decimals with a point",
            ]),
        },
        ImportCase {
            label: "a 100,000-column header",
            file: "wide_header.csv",
            bytes: {
                let mut text = LONG_HEADER.to_owned();
                for i in 0..100_000 {
                    text.push_str(&format!(",extra{i}"));
                }
                text.push_str("\nMPI_RATE,VNM,T,2020,1.5,,,,NEWS_WVR_2026\n");
                text.into_bytes()
            },
            beside: vec![],
            indicators: None,
            areas: None,
            expect: Expect::Figures {
                added: 1,
                missing: 0,
            },
        },
        ImportCase {
            label: "a byte-order mark in the middle of the file",
            file: "bom.csv",
            bytes: {
                let mut b = long_csv(&["MPI_RATE,VNM,T,2020,1.5,,,,NEWS_WVR_2026"]);
                // A second file pasted on: its BOM starts a row, and one sits inside a value.
                b.extend_from_slice(b"\xEF\xBB\xBFMPI_RATE,VNM,T,2019,1.6,,,,NEWS_WVR_2026\n");
                b.extend_from_slice(b"MPI_RATE,VNM,T,2018,1\xEF\xBB\xBF.7,,,,NEWS_WVR_2026\n");
                b
            },
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "bom.csv, line 4, column value, value \"1\\u{feff}.7\": not a number",
            ]),
        },
        ImportCase {
            label: "invalid UTF-8 after the first 64 KiB",
            file: "latin.csv",
            bytes: {
                let mut text = format!("{LONG_HEADER}\n");
                for year in 0..1800 {
                    // Comments fill the first 64 KiB with plain ASCII.
                    text.push_str(&format!("# padding line {year:05} .............................\n"));
                }
                let mut b = text.into_bytes();
                b.extend_from_slice(b"MPI_RATE,VNM,T,2020,1.5,,,Ph\xFA Th\xE1i,NEWS_WVR_2026\n");
                b
            },
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "latin.csv, line 1802, column footnote, value \"Ph\u{FFFD} Th\u{FFFD}i\": the byte 0xFA is not UTF-8 (the rest of the file is): retype the character shown as \u{FFFD}, or save the file as UTF-8",
            ]),
        },
        ImportCase {
            label: "Windows-1252 text from the first line (read as such, not refused)",
            file: "cp1252.csv",
            bytes: {
                let mut b = format!("{LONG_HEADER},area_name\n").into_bytes();
                b.extend_from_slice(b"MPI_RATE,CIV,T,2020,1.5,,,,NEWS_WVR_2026,C\xF4te d'Ivoire\n");
                b
            },
            beside: vec![],
            indicators: None,
            areas: None,
            expect: Expect::Figures {
                added: 1,
                missing: 0,
            },
        },
        ImportCase {
            label: "10 MB of text in an indicator name",
            file: "name10mb.csv",
            bytes: format!("{long_header_10mb}NEW_IND,VNM,T,2020,1,,,,NEWS_WVR_2026,{ten_mb},,,\n")
                .into_bytes(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "name10mb.csv, line 2, column indicator_name: 10000000 characters long; Chiso keeps up to 500 here: shorten it",
            ]),
        },
        ImportCase {
            label: "10 MB of text in an area name",
            file: "area10mb.csv",
            bytes: format!("{long_header_10mb}MPI_RATE,NEWAREA,T,2020,1,,,,NEWS_WVR_2026,,{ten_mb},,\n")
                .into_bytes(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "area10mb.csv, line 2, column area_name: 10000000 characters long; Chiso keeps up to 200 here: shorten it",
            ]),
        },
        ImportCase {
            label: "10 MB of text in a source title",
            file: "title10mb.csv",
            bytes: format!("{long_header_10mb}MPI_RATE,VNM,T,2020,1,,,,NEW_SRC,,,New,{ten_mb}\n")
                .into_bytes(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "title10mb.csv, line 2, column source_title: 10000000 characters long; Chiso keeps up to 10000 here: shorten it",
            ]),
        },
        ImportCase {
            label: "a 10 MB code",
            file: "code10mb.csv",
            bytes: long_csv(&[&format!("MPI_RATE,{ten_mb},T,2020,1,,,,NEWS_WVR_2026")]),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "code10mb.csv, line 2, column area: 10000000 characters long; Chiso keeps up to 64 here: shorten it",
            ]),
        },
        ImportCase {
            label: "control characters and a right-to-left override in codes",
            file: "hidden.csv",
            bytes: long_csv(&[
                "MPI_R\u{1}ATE,VNM,T,2020,1,,,,NEWS_WVR_2026",
                "MPI_RATE,V\u{202E}NM,T,2020,1,,,,NEWS_WVR_2026",
                "MPI_RATE,VNM,T\u{200B},2020,1,,,,NEWS_WVR_2026",
            ]),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "hidden.csv, line 2, column indicator, value \"MPI_R\\u{1}ATE\": the code holds a control or invisible character (shown escaped): retype it",
                "hidden.csv, line 3, column area, value \"V\\u{202e}NM\": the code holds a control or invisible character (shown escaped): retype it",
                "hidden.csv, line 4, column subgroup, value \"T\\u{200b}\": the code holds a control or invisible character (shown escaped): retype it",
            ]),
        },
        ImportCase {
            label: "bare CR line ends",
            file: "cr.csv",
            bytes: format!(
                "{LONG_HEADER}\rMPI_RATE,VNM,T,2020,1.5,,,,NEWS_WVR_2026\rMPI_RATE,VNM,T,2019,abc,,,,NEWS_WVR_2026\r"
            )
            .into_bytes(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&["cr.csv, line 3, column value, value \"abc\": not a number"]),
        },
        ImportCase {
            label: "a zero-byte CSV",
            file: "zero.csv",
            bytes: vec![],
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "zero.csv: not a format Chiso imports (the file is empty). Chiso reads its long CSV, World Bank CSV, Excel and API JSON, UNDP HDR, Our World in Data, GSO PX-Web, SDMX-CSV, ILOSTAT and WHO GHO files",
            ]),
        },
        ImportCase {
            label: "a CSV with only its header",
            file: "header.csv",
            bytes: long_csv(&[]),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: Expect::Figures {
                added: 0,
                missing: 0,
            },
        },
        ImportCase {
            label: "the value column named twice",
            file: "twice.csv",
            bytes: b"indicator,area,subgroup,period,value,value,status,qualifier,footnote,source\n\
                     MPI_RATE,VNM,T,2020,1,2,,,,NEWS_WVR_2026\n"
                .to_vec(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "twice.csv, line 1: the header names the `value` column twice; keep one, so that it is clear which one holds the figures",
            ]),
        },
        ImportCase {
            label: "a .csv that is really gzip",
            file: "packed.csv",
            bytes: b"\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03\xcb\xcc\x4b\x49".to_vec(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "packed.csv: not a format Chiso imports (it is gzip-compressed; unpack it first). Chiso reads its long CSV, World Bank CSV, Excel and API JSON, UNDP HDR, Our World in Data, GSO PX-Web, SDMX-CSV, ILOSTAT and WHO GHO files",
            ]),
        },
        ImportCase {
            label: "an .xlsx saved under .csv",
            file: "sheet.csv",
            bytes: b"PK\x03\x04\x14\x00\x06\x00".to_vec(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "sheet.csv: not a format Chiso imports (it is a ZIP archive but not a workbook Chiso can open (a damaged .xlsx?); unpack it, or save the sheet again). Chiso reads its long CSV, World Bank CSV, Excel and API JSON, UNDP HDR, Our World in Data, GSO PX-Web, SDMX-CSV, ILOSTAT and WHO GHO files",
            ]),
        },
        ImportCase {
            label: "a Chiso database given as an input",
            file: "figures.csv",
            bytes: b"SQLite format 3\0".to_vec(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "figures.csv: not a format Chiso imports (it is a SQLite database; open it with File, Open… instead). Chiso reads its long CSV, World Bank CSV, Excel and API JSON, UNDP HDR, Our World in Data, GSO PX-Web, SDMX-CSV, ILOSTAT and WHO GHO files",
            ]),
        },
        ImportCase {
            label: "an unclosed quote running to the end of the file",
            file: "quote.csv",
            bytes: long_csv(&[
                "MPI_RATE,VNM,T,2020,1.5,,,\"a footnote that never ends,NEWS_WVR_2026",
                "MPI_RATE,VNM,T,2019,1.6,,,,NEWS_WVR_2026",
            ]),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "quote.csv, line 2, column source: the row has 8 cells and ends before this column (the header has 9): a separator or a quote may be missing",
            ]),
        },
        // ----- World Bank WDI bulk CSV -----
        ImportCase {
            label: "WDI: NaN and a text in year cells",
            file: "API_SH.DYN.MORT_nan.csv",
            bytes: wdi(&[&format!("\"Viet Nam\",\"VNM\",{U5},\"NaN\",\"about 50\",")]),
            beside: vec![],
            indicators: Some("SH.DYN.MORT"),
            areas: None,
            expect: problems(&[
                "API_SH.DYN.MORT_nan.csv, line 6, column 1991, value \"about 50\": not a number",
            ]),
        },
        ImportCase {
            label: "WDI: the preamble without a header",
            file: "API_SH.DYN.MORT_nohead.csv",
            bytes: b"\"Data Source\",\"World Development Indicators\",\n\n\"Last Updated Date\",\"2024-09-19\",\n".to_vec(),
            beside: vec![],
            indicators: Some("SH.DYN.MORT"),
            areas: None,
            expect: problems(&[
                "API_SH.DYN.MORT_nohead.csv: no header row starting with \"Country Name\" was found",
            ]),
        },
        ImportCase {
            label: "WDI: a short row and a 1e400 value",
            file: "API_SH.DYN.MORT_short.csv",
            bytes: wdi(&[
                &format!("\"Viet Nam\",\"VNM\",{U5},\"51.6\""),
                &format!("\"Viet Nam\",\"VNM\",{U5},\"\",\"1e400\","),
            ]),
            beside: vec![],
            indicators: Some("SH.DYN.MORT"),
            areas: None,
            expect: problems(&[
                "API_SH.DYN.MORT_short.csv, line 7, column 1991, value \"1e400\": not a number",
            ]),
        },
        ImportCase {
            label: "WDI: a decimal comma splits a value and shifts the years after it",
            file: "API_SH.DYN.MORT_comma.csv",
            bytes: wdi(&[&format!("\"Viet Nam\",\"VNM\",{U5},51,6,50,2,")]),
            beside: vec![],
            indicators: Some("SH.DYN.MORT"),
            areas: None,
            expect: problems(&[
                "API_SH.DYN.MORT_comma.csv, line 6, column column 8, value \"51,6\": 1 cell(s) past the header's last column; looks like a decimal comma: `51,6`: the row does not line up with the header, so none of it is read. Quote values that hold a comma, or write decimals with a point",
            ]),
        },
        ImportCase {
            label: "WDI: 1e-400, which would read as 0",
            file: "API_SH.DYN.MORT_tiny.csv",
            bytes: wdi(&[&format!("\"Viet Nam\",\"VNM\",{U5},\"1e-400\",\"\",")]),
            beside: vec![],
            indicators: Some("SH.DYN.MORT"),
            areas: None,
            expect: problems(&[
                "API_SH.DYN.MORT_tiny.csv, line 6, column 1990, value \"1e-400\": too small to keep exactly (below 2.2e-308, the number would become 0 or lose digits): write it in a larger unit",
            ]),
        },
        ImportCase {
            label: "WDI: 10 MB country name",
            file: "API_SH.DYN.MORT_name.csv",
            bytes: wdi(&[&format!("\"{ten_mb}\",\"XKX\",{U5},\"\",\"50.1\",")]),
            beside: vec![],
            indicators: Some("SH.DYN.MORT"),
            // A new area, named by the file: its name is cut to the 200 characters kept.
            areas: Some("XKX"),
            expect: Expect::Figures {
                added: 1,
                missing: 1,
            },
        },
        // ----- World Bank API JSON -----
        ImportCase {
            label: "API JSON: NaN as text, a number beyond f64 and one beyond 1e300",
            file: "api_nan.json",
            bytes: api(&[
                api_obs("2024", "\"NaN\""),
                api_obs("2023", "1e301"),
            ]
            .join(",")),
            beside: vec![],
            indicators: Some("SH.DYN.MORT"),
            areas: None,
            expect: problems(&[
                "api_nan.json, line 2, column value, value \"1e+301\": observation 2: too large: Chiso keeps values between -1e300 and 1e300",
            ]),
        },
        ImportCase {
            label: "API JSON: 1e999 (out of range for JSON numbers)",
            file: "api_inf.json",
            bytes: api(&api_obs("2024", "1e999")),
            beside: vec![],
            indicators: Some("SH.DYN.MORT"),
            areas: None,
            expect: problems(&[
                "api_inf.json, line 1: not valid JSON: number out of range at line 1 column 258",
            ]),
        },
        ImportCase {
            label: "API JSON: years 99999, 0999 and -2020",
            file: "api_years.json",
            bytes: api(&[
                api_obs("99999", "1"),
                api_obs("0999", "1"),
                api_obs("-2020", "1"),
            ]
            .join(",")),
            beside: vec![],
            indicators: Some("SH.DYN.MORT"),
            areas: None,
            expect: problems(&[
                "api_years.json, line 1, column date, value \"99999\": observation 1: not a year (quarterly and monthly figures are not imported)",
                "api_years.json, line 2, column date, value \"0999\": observation 2: not a year (quarterly and monthly figures are not imported)",
                "api_years.json, line 3, column date, value \"-2020\": observation 3: not a year (quarterly and monthly figures are not imported)",
            ]),
        },
        ImportCase {
            label: "API JSON: nested 100,000 deep",
            file: "deep.json",
            bytes: format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "deep.json: not a format Chiso imports (it is a JSON file but not a World Bank API v2 response). Chiso reads its long CSV, World Bank CSV, Excel and API JSON, UNDP HDR, Our World in Data, GSO PX-Web, SDMX-CSV, ILOSTAT and WHO GHO files",
            ]),
        },
        ImportCase {
            label: "API JSON: the header part only",
            file: "header.json",
            bytes: b"[{\"page\":1,\"pages\":1,\"per_page\":50,\"total\":0}]".to_vec(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "header.json: the response holds no figures (its data part is empty)",
            ]),
        },
        ImportCase {
            label: "API JSON: cut off in the middle",
            file: "cut.json",
            bytes: {
                let whole = api(&api_obs("2024", "20.1"));
                whole[..whole.len() / 2].to_vec()
            },
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "cut.json, line 1: not valid JSON: EOF while parsing a string at line 1 column 149",
            ]),
        },
        ImportCase {
            label: "API JSON: an object, not a list",
            file: "object.json",
            bytes: b"{\"message\":\"hello\"}".to_vec(),
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "object.json: not a format Chiso imports (it is a JSON file but not a World Bank API v2 response). Chiso reads its long CSV, World Bank CSV, Excel and API JSON, UNDP HDR, Our World in Data, GSO PX-Web, SDMX-CSV, ILOSTAT and WHO GHO files",
            ]),
        },
        // ----- UNDP HDR CSV -----
        ImportCase {
            label: "UNDP HDR: inf, -inf and 1e999 in index cells",
            file: "HDR25_bad.csv",
            bytes: b"iso3,country,hdicode,region,hdi_1990,hdi_1991,hdi_1992\r\nVNM,Viet Nam,Medium,EAP,inf,-inf,1e999\r\n".to_vec(),
            beside: vec![],
            indicators: Some("hdi"),
            areas: None,
            expect: problems(&[
                "HDR25_bad.csv, line 2, column hdi_1990, value \"inf\": not a number",
                "HDR25_bad.csv, line 2, column hdi_1991, value \"-inf\": not a number",
                "HDR25_bad.csv, line 2, column hdi_1992, value \"1e999\": not a number",
            ]),
        },
        ImportCase {
            label: "UNDP HDR: a year column 0999 is not a year",
            file: "HDR25_0999.csv",
            bytes: b"iso3,country,hdi_0999,hdi_2023\r\nVNM,Viet Nam,0.1,0.766\r\n".to_vec(),
            beside: vec![],
            indicators: Some("hdi"),
            areas: None,
            // Unchanged: the sample holds 0.766 for 2023 already; hdi_0999 is no figure.
            expect: Expect::Figures {
                added: 0,
                missing: 0,
            },
        },
        ImportCase {
            label: "UNDP HDR: a short row",
            file: "HDR25_short.csv",
            bytes: b"iso3,country,hdi_2020,hdi_2021,hdi_2022\r\nVNM,Viet Nam\r\n".to_vec(),
            beside: vec![],
            indicators: Some("hdi"),
            areas: None,
            expect: Expect::Figures {
                added: 0,
                missing: 3,
            },
        },
        // ----- Our World in Data grapher CSV -----
        ImportCase {
            label: "OWID: NaN, infinity and years 99999 and -500",
            file: "internet.csv",
            bytes: owid(
                "Vietnam,VNM,2016,NaN\nVietnam,VNM,2017,Infinity\nVietnam,VNM,99999,1\nVietnam,VNM,-500,1\n",
            ),
            beside: vec![("internet.metadata.json", OWID_META.as_bytes().to_vec())],
            indicators: Some("Share of the population using the Internet"),
            areas: None,
            expect: problems(&[
                "internet.csv, line 3, column Share of the population using the Internet, value \"Infinity\": not a number",
                "internet.csv, line 4, column Year, value \"99999\": not a year",
                "internet.csv, line 5, column Year, value \"-500\": not a year",
            ]),
        },
        ImportCase {
            label: "OWID: metadata that is not JSON",
            file: "internet2.csv",
            bytes: owid("Vietnam,VNM,2023,78.08\n"),
            beside: vec![("internet2.metadata.json", b"{\"chart\": ".to_vec())],
            indicators: Some("Share of the population using the Internet"),
            areas: None,
            expect: problems(&[
                "internet2.csv: its metadata file internet2.metadata.json cannot be read (not valid JSON: EOF while parsing a value at line 1 column 10): units and citation are unknown; download the chart's metadata again",
            ]),
        },
        ImportCase {
            label: "OWID: a header with no value column and invalid UTF-8",
            file: "owid_bytes.csv",
            bytes: b"Entity,Code,Year,Share of the population using the Internet\nVi\xFF\xFEt,VNM,2023,x\n".to_vec(),
            beside: vec![("owid_bytes.metadata.json", OWID_META.as_bytes().to_vec())],
            indicators: Some("Share of the population using the Internet"),
            areas: None,
            expect: problems(&[
                "owid_bytes.csv, line 2, column Share of the population using the Internet, value \"x\": not a number",
            ]),
        },
    ];

    if let Some(real) = real {
        // The real WDI file with Viet Nam's 1990 figure replaced by "inf".
        let name = "API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv";
        let original = fs::read(real.join("worldbank_wdi/bulk_csv").join(name)).unwrap();
        let text = String::from_utf8(original.clone()).unwrap();
        let at = text.find("\"Viet Nam\",\"VNM\"").unwrap();
        let line = text[..at].matches('\n').count() + 1;
        let row_end = at + text[at..].find('\n').unwrap();
        let row = text[at..row_end].replacen("\"51.6\"", "\"inf\"", 1);
        assert_ne!(row, text[at..row_end], "the row holds 51.6");
        let mutated = format!("{}{row}{}", &text[..at], &text[row_end..]);
        cases.push(ImportCase {
            label: "WDI (real file): inf in Viet Nam's 1990 cell",
            file: "API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv",
            bytes: mutated.into_bytes(),
            beside: vec![],
            indicators: Some("SH.DYN.MORT"),
            areas: None,
            expect: Expect::Problems(vec![format!(
                "API_SH.DYN.MORT_DS2_en_csv_v2_31650.csv, line {line}, column 1990, value \"inf\": not a number"
            )]),
        });
        // The real UNDP file cut in the middle of a row: the last, partial row reads as far
        // as it goes, nothing more, and the file is still known by its header.
        let name = "HDR25_Composite_indices_complete_time_series.csv";
        let original = fs::read(real.join("undp_hdr").join(name)).unwrap();
        let cut = original.len() / 2;
        let head = &original[..cut];
        let missing = missing_cells(head);
        cases.push(ImportCase {
            label: "UNDP HDR (real file): cut in half",
            file: "HDR25_Composite_indices_complete_time_series.csv",
            bytes: head.to_vec(),
            beside: vec![],
            indicators: Some("hdi"),
            areas: None,
            // Into the sample, whose HDI for VNM is the same edition: nothing new, no problem.
            expect: Expect::Figures { added: 0, missing },
        });
        // The real OWID file with a NUL byte in it: a binary file, refused by name.
        let dir = real.join("owid/share-of-individuals-using-the-internet");
        let mut bytes = fs::read(dir.join("internet.csv")).unwrap();
        bytes[100] = 0;
        cases.push(ImportCase {
            label: "OWID (real file): a NUL byte",
            file: "internet_nul.csv",
            bytes,
            beside: vec![],
            indicators: None,
            areas: None,
            expect: problems(&[
                "internet_nul.csv: not a format Chiso imports (it is a binary file, not text). Chiso reads its long CSV, World Bank CSV, Excel and API JSON, UNDP HDR, Our World in Data, GSO PX-Web, SDMX-CSV, ILOSTAT and WHO GHO files",
            ]),
        });
    }
    cases
}

/// Empty or absent cells of `<key>_<year>` columns in the rows of a UNDP file that have a code:
/// what the importer counts as missing values, counted here independently.
fn missing_cells(bytes: &[u8]) -> u64 {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut rows = reader.byte_records().map(Result::unwrap);
    let header = rows.next().unwrap();
    let years: Vec<usize> = header
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            std::str::from_utf8(h).is_ok_and(|h| {
                h.rsplit_once('_').is_some_and(|(_, y)| {
                    y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && !y.starts_with('0')
                })
            })
        })
        .map(|(i, _)| i)
        .collect();
    let iso3 = header.iter().position(|h| h == b"iso3").unwrap();
    rows.filter(|r| r.get(iso3).is_some_and(|c| !c.trim_ascii().is_empty()))
        .map(|r| {
            years
                .iter()
                .filter(|i| r.get(**i).is_none_or(|c| c.trim_ascii().is_empty()))
                .count() as u64
        })
        .sum()
}

#[test]
fn every_importer_reports_bad_inputs_by_file_line_and_column_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let template = sample_at(dir.path(), "template.db");
    let real = realdata();
    for (i, case) in import_cases(real.as_deref()).into_iter().enumerate() {
        let folder = dir.path().join(format!("case{i}"));
        fs::create_dir(&folder).unwrap();
        let input = folder.join(case.file);
        fs::write(&input, &case.bytes).unwrap();
        for (name, bytes) in &case.beside {
            fs::write(folder.join(name), bytes).unwrap();
        }
        let db = folder.join("s.db");
        fs::copy(&template, &db).unwrap();
        let input_before = state(&input);
        let db_before = main_bytes(&db);
        let count = observations(&db);
        let options = ImportOptions {
            indicators: case.indicators.map(|i| vec![i.to_owned()]),
            areas: case.areas.map(|a| vec![a.to_owned()]),
            ..Default::default()
        };

        // The preview, through the library.
        let mut store = Store::open(&db).unwrap();
        let preview = store
            .import(
                &chiso::import::Readers,
                std::slice::from_ref(&input),
                &ImportOptions {
                    dry_run: true,
                    ..options.clone()
                },
                "tester",
                &Progress::default(),
            )
            .unwrap_or_else(|e| panic!("{}: {e}", case.label));
        drop(store);
        let described: Vec<String> = preview.problems.iter().map(ToString::to_string).collect();
        match &case.expect {
            Expect::Problems(expected) => {
                assert_eq!(&described, expected, "{}", case.label);
                assert_eq!(
                    preview.problem_count,
                    expected.len() as u64,
                    "{}",
                    case.label
                );
            }
            Expect::Figures { added, missing } => {
                assert_eq!(described, Vec::<String>::new(), "{}", case.label);
                assert_eq!(
                    (preview.added, preview.missing_values),
                    (*added, *missing),
                    "{}: {preview:?}",
                    case.label
                );
            }
        }
        assert!(!preview.committed);
        assert_eq!(
            observations(&db),
            count,
            "{}: a dry run writes nothing",
            case.label
        );

        // The real thing, through the binary.
        let mut args = vec![
            "import".to_owned(),
            db.display().to_string(),
            input.display().to_string(),
        ];
        if let Some(indicators) = case.indicators {
            args.push(format!("--indicators={indicators}"));
        }
        if let Some(areas) = case.areas {
            args.push(format!("--areas={areas}"));
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = chiso(&args);
        let stdout = text(&out.stdout);
        match &case.expect {
            Expect::Problems(expected) => {
                // The report on standard output names the input, line and column; the
                // closing line on standard error counts the problems.
                // Problems of rows suggest skipping them; a file not read at all never does.
                let rows = format!(
                    "Nothing imported: {} problem(s) in the input (fix them, or use \
                     --skip-problems to import the other rows)",
                    expected.len()
                );
                let stderr = text(&out.stderr);
                let said = if stderr.contains("could not be read") {
                    assert!(
                        !stderr.contains("--skip-problems"),
                        "{}: {stderr}",
                        case.label
                    );
                    "file(s) could not be read (see above); the database is unchanged"
                } else {
                    rows.as_str()
                };
                assert_failed(&out, case.label, Path::new(""), &[said]);
                for problem in expected {
                    assert!(
                        stdout.contains(&format!("  {problem}\n")),
                        "{}: {problem}\n{stdout}",
                        case.label
                    );
                }
                assert!(stdout.contains("\nNothing imported: "), "{stdout}");
                assert_eq!(observations(&db), count, "{}", case.label);
                assert_eq!(
                    main_bytes(&db),
                    db_before,
                    "{}: database untouched",
                    case.label
                );
            }
            // A run that adds nothing says so, and fails unless all was there already.
            Expect::Figures { added: 0, .. } => {
                let last = stdout.lines().last().unwrap_or("");
                if last.starts_with("Already up to date: ") {
                    assert!(out.status.success(), "{}: {stdout}", case.label);
                } else {
                    assert_eq!(out.status.code(), Some(1), "{}: {stdout}", case.label);
                    assert!(
                        last.starts_with("Nothing imported: "),
                        "{}: {stdout}",
                        case.label
                    );
                }
                assert_eq!(observations(&db), count, "{}", case.label);
            }
            Expect::Figures { added, .. } => {
                assert!(
                    out.status.success(),
                    "{}: {}\n{stdout}",
                    case.label,
                    text(&out.stderr)
                );
                assert_eq!(observations(&db), count + *added as i64, "{}", case.label);
            }
        }
        assert!(!text(&out.stderr).contains("panicked"), "{}", case.label);
        assert_eq!(
            state(&input),
            input_before,
            "{}: input unchanged",
            case.label
        );
    }
}

#[test]
fn inputs_that_are_folders_missing_or_loops_are_named_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_at(dir.path(), "s.db");
    let folder = dir.path().join("data.csv");
    fs::create_dir(&folder).unwrap();
    let missing = dir.path().join("missing.csv");
    let looped = dir.path().join("loop.csv");
    std::os::unix::fs::symlink(dir.path().join("loop2.csv"), &looped).unwrap();
    std::os::unix::fs::symlink(&looped, dir.path().join("loop2.csv")).unwrap();
    let cases = [
        (&folder, "data.csv: is a folder, not a file"),
        (
            &missing,
            "missing.csv: No such file or directory (os error 2)",
        ),
        (
            &looped,
            "loop.csv: Too many levels of symbolic links (os error 40)",
        ),
    ];
    for (input, says) in cases {
        let out = chiso(&["import", db.to_str().unwrap(), input.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        let stdout = text(&out.stdout);
        assert!(stdout.contains(&format!("  {says}\n")), "{stdout}");
        assert!(!text(&out.stderr).contains("panicked"));
    }
    assert!(!missing.exists());
}

#[test]
fn chiso_set_refuses_years_and_values_a_file_cannot_keep_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_at(dir.path(), "s.db");
    let count = observations(&db);
    let cases: [(&str, &str, &str); 7] = [
        (
            "999",
            "0.5",
            "999 is not a year Chiso keeps (1000 to 9999); nothing was written",
        ),
        (
            "99999",
            "0.5",
            "99999 is not a year Chiso keeps (1000 to 9999); nothing was written",
        ),
        ("-2020", "0.5", "unexpected argument '-2'"),
        ("2020", "NaN", "\"NaN\" is not a number"),
        ("2020", "inf", "\"inf\" is not a number"),
        ("2020", "1e999", "\"1e999\" is not a number"),
        (
            "2020",
            "1e301",
            "is too large: Chiso keeps values between -1e300 and 1e300",
        ),
    ];
    for (year, value, says) in cases {
        // HOUSES_BUILT has no upper bound: the year and magnitude checks stand alone.
        let out2 = chiso(&[
            "set",
            db.to_str().unwrap(),
            "HOUSES_BUILT",
            year,
            value,
            "--source",
            "UNDP_HDR_2025",
        ]);
        let stderr = text(&out2.stderr);
        assert!(out2.status.code().is_some_and(|c| c != 0), "{year} {value}");
        assert!(stderr.contains(says), "{year} {value}: {stderr}");
        assert!(!stderr.contains("panicked") && !stderr.contains("CHECK constraint"));
    }
    assert_eq!(observations(&db), count);
}

// ---------------------------------------------------------------------------------------------
// Contents written past the schema's checks (by `sqlite3` with ignore_check_constraints)
// ---------------------------------------------------------------------------------------------

/// A copy of the sample with `sql` run on it by a plain connection, checks off.
fn tampered(dir: &Path, name: &str, sql: &str) -> PathBuf {
    let path = sample_at(dir, name);
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(&format!(
        "PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF; {sql}"
    ))
    .unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    drop(conn);
    path
}

#[test]
fn years_without_end_in_a_saved_view_or_on_the_command_line_are_kept_in_range() {
    let dir = tempfile::tempdir().unwrap();
    // A saved view asking for the years 1 to 2,147,483,647: the deck is drawn with the years
    // kept within 1000 to 9999 (before: an export that ran without end, growing to gigabytes).
    let db = tampered(
        dir.path(),
        "endless-view.db",
        "UPDATE saved_view SET spec = json_set(spec, '$.years', json('[1, 2147483647]'))",
    );
    let out_dir = dir.path().join("deck");
    let out = chiso(&[
        "export",
        db.to_str().unwrap(),
        "--deck",
        "--out-dir",
        out_dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        fs::read_dir(&out_dir).unwrap().count() >= 5,
        "every slide is drawn"
    );
    let views = Store::open_read_only(&db).unwrap().views().unwrap();
    assert!(
        views.iter().all(|v| v.spec.years == Some((1000, 9999))),
        "{:?}",
        views.iter().map(|v| v.spec.years).collect::<Vec<_>>()
    );
    // On the command line, such years are refused before anything is read.
    for (flag, year) in [("--from", "0"), ("--to", "2147483647"), ("--from", "-5")] {
        let out = chiso(&[
            "export",
            db.to_str().unwrap(),
            "--indicator",
            "HDI",
            &format!("{flag}={year}"),
            "--out",
            dir.path().join("x.png").to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{flag} {year}");
        assert!(
            text(&out.stderr).contains("1000..=9999"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn values_and_texts_written_past_the_checks_are_refused_or_cut_never_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let u5mr = "(SELECT id FROM indicator WHERE code = 'U5MR')";
    let hdi = "(SELECT id FROM indicator WHERE code = 'HDI')";
    // A value that is text, or infinity: every command that reads it says so, naming the
    // file and the column; the file stays as it was.
    for (name, sql) in [
        (
            "text-value.db",
            format!("UPDATE observation SET value = 'abc' WHERE indicator_id = {u5mr}"),
        ),
        (
            "infinite-value.db",
            format!("UPDATE observation SET value = 1e308 * 10 WHERE indicator_id = {u5mr}"),
        ),
        (
            "endless-year.db",
            format!(
                "UPDATE observation SET year = 2147483647 WHERE indicator_id = {u5mr} \
                 AND year = 2024"
            ),
        ),
    ] {
        let db = tampered(dir.path(), name, &sql);
        let before = main_bytes(&db);
        let file = db.to_str().unwrap();
        for args in [
            vec!["list", file],
            vec!["series", file, "U5MR"],
            vec!["export", file, "--indicator", "U5MR", "--out"],
        ] {
            let mut args = args;
            let out_path = dir.path().join(format!("{name}.svg"));
            if args.last() == Some(&"--out") {
                args.push(out_path.to_str().unwrap());
            }
            let out = chiso(&args);
            assert_failed(
                &out,
                &format!("{name}: {}", args[0]),
                &db,
                &[
                    "not of the kind Chiso keeps there",
                    "the figure of U5MR for ",
                    "(row ",
                    if name.starts_with("text") {
                        "its value is the text \"abc\", not a number"
                    } else if name.starts_with("endless") {
                        "its year is 2147483647, outside the years Chiso keeps (1000 to 9999)"
                    } else {
                        "its value is inf, not a number"
                    },
                    "sqlite3 FILE",
                ],
            );
            assert!(!out_path.exists(), "{name}: no chart is written");
        }
        let Err(error) = Workspace::open(&db) else {
            panic!("{name}: the window opened it")
        };
        let error = error.to_string();
        assert!(error.contains("not of the kind"), "{error}");
        assert_eq!(main_bytes(&db), before, "{name}: the file is unchanged");
    }

    // Megabytes in a name, a footnote and a citation: shown cut, quickly, and the chart of
    // that indicator is drawn with the cut texts.
    let huge = |c: char| format!("printf('%.*c', 10000000, '{c}')");
    let db = tampered(
        dir.path(),
        "huge-texts.db",
        &format!(
            "UPDATE indicator SET name = {} WHERE id = {hdi}; \
             UPDATE observation SET footnote = {} WHERE indicator_id = {hdi}; \
             UPDATE source SET citation = {}; UPDATE area SET name = {} WHERE code = 'VNM';",
            huge('x'),
            huge('y'),
            huge('z'),
            huge('w')
        ),
    );
    let before = main_bytes(&db);
    let file = db.to_str().unwrap();
    let started = Instant::now();
    let list = chiso(&["list", file]);
    assert!(list.status.success(), "{}", text(&list.stderr));
    let hdi_line = text(&list.stdout)
        .lines()
        .find(|l| l.starts_with("HDI "))
        .unwrap()
        .to_owned();
    assert!(
        hdi_line.len() < 1000,
        "the name is cut: {} bytes",
        hdi_line.len()
    );
    let svg = dir.path().join("hdi.svg");
    let out = chiso(&[
        "export",
        file,
        "--indicator",
        "HDI",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let svg_text = fs::read_to_string(&svg).unwrap();
    assert!(svg_text.contains("xxx…"), "the title is the cut name");
    assert!(svg_text.len() < 200_000, "{} bytes of SVG", svg_text.len());
    // Generous: the point is minutes before (a 10 MB title was wrapped and laid out).
    assert!(started.elapsed() < Duration::from_secs(30));
    let ws = Workspace::open(&db).unwrap();
    let name = &ws
        .catalogue()
        .iter()
        .find(|r| r.entry.indicator.code == "HDI")
        .unwrap()
        .entry
        .indicator
        .name;
    assert_eq!(name.en.chars().count(), 500);
    assert!(name.en.ends_with('…'));
    drop(ws);
    assert_eq!(main_bytes(&db), before, "reading cut nothing in the file");
}

#[test]
fn pipes_and_devices_are_refused_without_reading_them() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("figures.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let db = sample_at(dir.path(), "s.db");
    let before = observations(&db);
    // A pipe with no writer would block a reader for ever: these must return at once.
    for input in [fifo.as_path(), Path::new("/dev/zero")] {
        let out = chiso(&["import", db.to_str().unwrap(), input.to_str().unwrap()]);
        let stdout = text(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{stdout}");
        assert!(
            stdout.contains("is not a regular file (a pipe, socket or device)"),
            "{stdout}"
        );
        let as_db = chiso(&["info", input.to_str().unwrap()]);
        assert_failed(
            &as_db,
            "a pipe or device as the database",
            input,
            &["is not a regular file", "Open a database file"],
        );
    }
    assert_eq!(observations(&db), before);
}

#[test]
fn a_wide_file_of_short_rows_counts_its_missing_cells_at_once() {
    // Found by fuzzing the UNDP reader: 9,000 year columns and 20,000 rows holding only a
    // code are 180 million missing cells in 180 KB. Counted one call each, that took ~50 s
    // in a debug build (2.4 s released for half of it); counted per row, a moment.
    let dir = tempfile::tempdir().unwrap();
    let db = sample_at(dir.path(), "s.db");
    let csv = dir.path().join("hdr-wide.csv");
    let years: Vec<String> = (1000..10000).map(|y| format!("hdi_{y}")).collect();
    let rows: Vec<String> = (0..20_000).map(|i| format!("VN{}", i % 10)).collect();
    fs::write(
        &csv,
        format!(
            "iso3,country,hdicode,region,{}\n{}\n",
            years.join(","),
            rows.join("\n")
        ),
    )
    .unwrap();
    let mut store = Store::open(&db).unwrap();
    let started = Instant::now();
    let options = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let report = store
        .import(
            &chiso::import::Readers,
            &[csv],
            &options,
            "tester",
            &Progress::default(),
        )
        .unwrap();
    assert_eq!(report.missing_values, 180_000_000);
    assert_eq!(report.added, 0);
    // Generous, for a debug build on a busy machine: a guard against the quadratic path.
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

// ---------------------------------------------------------------------------------------------
// Attribution: the audit machinery missing a part
// ---------------------------------------------------------------------------------------------

#[test]
fn an_edit_is_never_credited_to_nobody_when_the_audit_machinery_lost_a_part() {
    let dir = tempfile::tempdir().unwrap();
    let last_entry = |path: &Path| -> (String, String) {
        Connection::open(path)
            .unwrap()
            .query_row(
                "SELECT editor, action FROM audit_log ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    for (name, sql) in [
        ("no-context.db", "DELETE FROM audit_context"),
        ("no-trigger.db", "DROP TRIGGER observation_audit_update"),
        (
            "neither.db",
            "DELETE FROM audit_context; DROP TRIGGER observation_audit_update",
        ),
    ] {
        let path = sample_at(dir.path(), name);
        Connection::open(&path).unwrap().execute_batch(sql).unwrap();
        let out = run_on(
            "set",
            &path,
            &[
                "HDI",
                "2023",
                "0.8",
                "--source",
                "UNDP_HDR_2025",
                "--by",
                "Nguyễn Thị Lan",
            ]
            .map(String::from),
        );
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        assert_eq!(
            last_entry(&path),
            ("Nguyễn Thị Lan".to_owned(), "update".to_owned()),
            "{name}: the change is recorded, and credited to its editor"
        );
        // The part is back: the next session's edits are recorded too.
        let out = run_on(
            "set",
            &path,
            &[
                "HDI",
                "2023",
                "0.81",
                "--source",
                "UNDP_HDR_2025",
                "--by",
                "Trần Văn Minh",
            ]
            .map(String::from),
        );
        assert!(out.status.success(), "{name}: {}", text(&out.stderr));
        assert_eq!(last_entry(&path).0, "Trần Văn Minh", "{name}");
    }
}

#[test]
fn an_export_and_import_round_trip_gives_back_footnotes_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_at(dir.path(), "footnotes.db");
    let footnotes = [
        "'=already",
        " =1+1",
        "=SUM(A1:A9)",
        "-5 as printed",
        "it's provisional",
        "'quoted'",
        "  two leading spaces",
    ];
    let ids: Vec<i64> = {
        let conn = Connection::open(&db).unwrap();
        let ids: Vec<i64> = conn
            .prepare("SELECT id FROM observation ORDER BY id LIMIT 7")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for (id, footnote) in ids.iter().zip(footnotes) {
            conn.execute(
                "UPDATE observation SET footnote = ?1 WHERE id = ?2",
                rusqlite::params![footnote, id],
            )
            .unwrap();
        }
        ids
    };
    let csv = dir.path().join("all.csv");
    let out = chiso(&[
        "export-data",
        db.to_str().unwrap(),
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE observation SET footnote = 'changed' WHERE id <= ?1",
            [ids[6]],
        )
        .unwrap();
    let out = chiso(&[
        "import",
        db.to_str().unwrap(),
        csv.to_str().unwrap(),
        "--replace",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let conn = Connection::open(&db).unwrap();
    for (id, footnote) in ids.iter().zip(footnotes) {
        let back: String = conn
            .query_row(
                "SELECT footnote FROM observation WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(back, footnote, "row {id}");
    }
}

#[test]
fn outputs_stay_valid_whatever_the_names_hold() {
    let dir = tempfile::tempdir().unwrap();
    // A name with non-characters and an escape sequence, another of 90 Vietnamese letters,
    // and two views whose names are one file name.
    let long_name = "Tỷ lệ hộ nghèo đa chiều ".repeat(4);
    let long_name = long_name.chars().take(90).collect::<String>();
    let db = tampered(
        dir.path(),
        "names.db",
        &format!(
            "UPDATE indicator SET name = 'HDI \u{FFFE}\u{FFFF} ' || char(27) || '[31mred' \
             WHERE code = 'HDI'; \
             UPDATE saved_view SET name = '{long_name}' WHERE position = 0; \
             UPDATE saved_view SET name = 'Tỷ lệ/nghèo' WHERE position = 1; \
             UPDATE saved_view SET name = 'Tỷ lệ nghèo' WHERE position = 2;"
        ),
    );
    for format in ["svg", "png"] {
        let out_path = dir.path().join(format!("hdi.{format}"));
        let out = chiso(&[
            "export",
            db.to_str().unwrap(),
            "--indicator",
            "HDI",
            "--out",
            out_path.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        if format == "svg" {
            let svg = fs::read_to_string(&out_path).unwrap();
            assert!(!svg.contains('\u{FFFE}') && !svg.contains('\u{1b}'));
            assert!(
                svg.contains("HDI \u{FFFD}\u{FFFD}"),
                "shown as replacement characters"
            );
        }
    }
    // The terminal never gets the escape sequence raw.
    let out = chiso(&["list", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    assert!(
        !listing.contains('\u{1b}') && listing.contains("\\u{1b}[31mred"),
        "{listing}"
    );
    // A deck's file names fit the file system and never overwrite each other.
    let deck = dir.path().join("deck");
    let out = chiso(&[
        "export",
        db.to_str().unwrap(),
        "--deck",
        "--out-dir",
        deck.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let names: Vec<String> = fs::read_dir(&deck)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let views = Store::open_read_only(&db).unwrap().views().unwrap().len();
    assert_eq!(names.len(), views, "one file a slide: {names:?}");
    assert!(names.iter().all(|n| n.len() <= 255), "{names:?}");
    // Names with control characters are refused on import, like codes.
    let csv = dir.path().join("names.csv");
    fs::write(
        &csv,
        format!(
            "{LONG_HEADER},indicator_name\nNEW_X,VNM,T,2020,1,,,,NEWS_WVR_2026,New\u{1b}[2Jindicator\n"
        ),
    )
    .unwrap();
    let out = chiso(&[
        "import",
        db.to_str().unwrap(),
        csv.to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr) + &text(&out.stdout);
    assert!(
        stderr.contains("column indicator_name")
            && stderr.contains("the name holds a control or invisible character"),
        "{stderr}"
    );
}
