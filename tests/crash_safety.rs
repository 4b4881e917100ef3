//! Crash safety: `chiso import` and `chiso set` killed with SIGKILL at random moments leave the
//! file whole (SQLite's integrity check says "ok") and the change all there or not at all,
//! with the audit log agreeing. The seed of the kill times is in every assertion message; set
//! `CHISO_CRASH_SEED` to replay a run. docs/RELIABILITY.md gives the results.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chiso::workspace::sample;
use rusqlite::{Connection, OpenFlags};

const KILLS: usize = 50;

/// The tests of this file run one at a time: a run's length is measured, then killed at
/// fractions of it, which another test's processes on the same cores would skew.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
/// Figures in the generated CSV: enough that a debug-build import takes about a second.
const INDICATORS: usize = 3;
const YEARS: std::ops::Range<i32> = 1000..5000;

fn chiso() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_chiso"));
    command
        .env("HOME", std::env::temp_dir())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// A small xorshift generator: the kill times are reproducible from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Uniform in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn seed() -> u64 {
    std::env::var("CHISO_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        })
}

/// `PRAGMA integrity_check`, figures and audit entries of the file, as a fresh opener sees
/// them (opening recovers from the log as any reader would).
fn inspect(path: &Path) -> (String, i64, i64) {
    let conn = Connection::open(path).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let figures = conn
        .query_row("SELECT count(*) FROM observation", [], |r| r.get(0))
        .unwrap();
    let audited = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE table_name = 'observation'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (integrity, figures, audited)
}

fn generated_csv(dir: &Path) -> (PathBuf, i64) {
    let path = dir.join("big.csv");
    let mut text = String::from(
        "indicator,area,subgroup,period,value,status,qualifier,footnote,source,indicator_name,unit\n",
    );
    let mut rng = Rng(0x0dd_ba11);
    for i in 0..INDICATORS {
        for year in YEARS {
            let value = (rng.below(1_000_000) as f64) / 10_000.0;
            text.push_str(&format!(
                "CRASH_{i},VNM,T,{year},{value},,,,NEWS_WVR_2026,Crash test {i},Per cent\n"
            ));
        }
    }
    fs::write(&path, text).unwrap();
    (path, (INDICATORS * YEARS.len()) as i64)
}

/// Where in its run a killed process was, as far as the outcome tells.
#[derive(Default, Debug)]
struct Stages {
    /// Killed before the commit was durable: the file as before.
    before: usize,
    /// Killed after the commit (while closing, or checkpointing): the file as after.
    after: usize,
    /// Already finished when the kill came.
    finished: usize,
    /// Of `before`, those that left a `-wal` with frames beside the file (killed mid-write).
    wal_left: usize,
    /// Kills by when they came: in each quarter of a full run, and after its end.
    by_quarter: [usize; 5],
}

impl Stages {
    fn count(&mut self, delay: Duration, full: Duration) {
        let quarter = (delay.as_secs_f64() / full.as_secs_f64() * 4.0) as usize;
        self.by_quarter[quarter.min(4)] += 1;
    }
}

#[test]
fn an_import_killed_at_any_moment_leaves_the_file_whole_and_all_or_nothing() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template.db");
    sample::create_sample(&template).unwrap();
    let (csv, n) = generated_csv(dir.path());
    let (_, old, old_audit) = inspect(&template);
    let db = dir.path().join("s.db");
    let import = |db: &Path| {
        chiso()
            .args(["import", db.to_str().unwrap(), csv.to_str().unwrap()])
            .args(["--by", "killer"])
            .spawn()
            .unwrap()
    };

    // Two runs to the end: how long an import takes (the faster, once caches are warm), and
    // what "after" looks like.
    let mut full = Duration::MAX;
    for _ in 0..2 {
        for suffix in ["", "-wal", "-shm"] {
            let _ = fs::remove_file(format!("{}{suffix}", db.display()));
        }
        fs::copy(&template, &db).unwrap();
        let started = Instant::now();
        let status = import(&db).wait().unwrap();
        full = full.min(started.elapsed());
        assert!(status.success());
        assert_eq!(inspect(&db), ("ok".to_owned(), old + n, old_audit + n));
    }

    let seed = seed();
    let mut rng = Rng(seed);
    let mut stages = Stages::default();
    // Kill times spread over the whole run and a little past it.
    let span = (full.as_micros() as u64) * 21 / 20;
    for round in 0..KILLS {
        for suffix in ["", "-wal", "-shm"] {
            let _ = fs::remove_file(format!("{}{suffix}", db.display()));
        }
        fs::copy(&template, &db).unwrap();
        let delay = Duration::from_micros(rng.below(span));
        let mut child = import(&db);
        std::thread::sleep(delay);
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let wal = fs::metadata(format!("{}-wal", db.display())).map_or(0, |m| m.len());
        let context = format!("seed {seed}, round {round}, killed after {delay:?} of {full:?}");
        stages.count(delay, full);
        let (integrity, figures, audited) = inspect(&db);
        assert_eq!(integrity, "ok", "{context}");
        if figures == old {
            assert_eq!(audited, old_audit, "{context}: no figure, no audit entry");
            stages.before += 1;
            if wal > 0 {
                stages.wal_left += 1;
            }
        } else {
            assert_eq!(figures, old + n, "{context}: all or nothing");
            assert_eq!(audited, old_audit + n, "{context}: every figure audited");
            if finished {
                stages.finished += 1;
            } else {
                stages.after += 1;
            }
        }
    }
    eprintln!("import, {KILLS} kills over {full:?} (seed {seed}): {stages:?}");
    assert!(
        stages.before >= KILLS / 4,
        "seed {seed}: too few kills landed during the import: {stages:?}"
    );
}

#[test]
fn a_set_killed_at_any_moment_leaves_the_value_old_or_new_with_its_audit_entry() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    sample::create_sample(&db).unwrap();
    let set = |value: &str| {
        chiso()
            .args(["set", db.to_str().unwrap(), "MPI_RATE", "2025", value])
            .args(["--source", "NEWS_WVR_2026", "--by", "killer"])
            .spawn()
            .unwrap()
    };
    let current = || -> (f64, i64, Option<String>) {
        let conn = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let (id, value): (i64, f64) = conn
            .query_row(
                "SELECT o.id, o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id \
                 JOIN source s ON s.id = o.source_id JOIN area a ON a.id = o.area_id \
                 JOIN subgroup g ON g.id = o.subgroup_id WHERE i.code = 'MPI_RATE' \
                 AND s.code = 'NEWS_WVR_2026' AND a.code = 'VNM' AND g.code = 'T' AND o.year = 2025",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        let entries: i64 = conn
            .query_row(
                "SELECT count(*) FROM audit_log WHERE table_name = 'observation' AND row_id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        let last: Option<String> = conn
            .query_row(
                "SELECT editor || ' ' || new_values FROM audit_log WHERE table_name = 'observation' \
                 AND row_id = ?1 ORDER BY id DESC LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .ok();
        (value, entries, last)
    };

    let started = Instant::now();
    assert!(set("1.3").wait().unwrap().success());
    let full = started.elapsed();
    let seed = seed();
    let mut rng = Rng(seed);
    let mut stages = Stages::default();
    let span = (full.as_micros() as u64) * 12 / 10;
    for round in 0..KILLS {
        let (before, entries, _) = current();
        // A value whose shortest decimal form is what SQLite's JSON writes too.
        let new: f64 = format!("2.{round:02}").parse().unwrap();
        let delay = Duration::from_micros(rng.below(span));
        let mut child = set(&new.to_string());
        std::thread::sleep(delay);
        let finished = child.try_wait().unwrap().is_some();
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let context = format!("seed {seed}, round {round}, killed after {delay:?} of {full:?}");
        stages.count(delay, full);
        let (integrity, _, _) = inspect(&db);
        assert_eq!(integrity, "ok", "{context}");
        let (after, entries_after, last) = current();
        if after == before {
            assert_eq!(
                entries_after, entries,
                "{context}: no change, no audit entry"
            );
            stages.before += 1;
        } else {
            assert_eq!(
                after, new,
                "{context}: old {before} or new {new}, got {after}"
            );
            assert_eq!(entries_after, entries + 1, "{context}: one audit entry");
            let last = last.unwrap();
            assert!(
                last.starts_with("killer ") && last.contains(&format!("\"value\":{new}")),
                "{context}: {last}"
            );
            if finished {
                stages.finished += 1;
            } else {
                stages.after += 1;
            }
        }
    }
    eprintln!("set, {KILLS} kills over {full:?} (seed {seed}): {stages:?}");
    assert!(
        stages.before >= 5 && stages.before + stages.after + stages.finished == KILLS,
        "seed {seed}: {stages:?}"
    );
}
