//! The schema of a Chiso file and its forward migrations.
//!
//! A Chiso file is marked by `PRAGMA application_id` ([`APPLICATION_ID`]) and carries its
//! schema version in `PRAGMA user_version`. Migrations only ever move forward, each in the
//! transaction that applies it, so a file is always at one version or the next, never between.
//! The SQL of a released version never changes: a change of schema is a new migration.

use std::sync::OnceLock;

use rusqlite::{Connection, Transaction};

/// `PRAGMA application_id` of every Chiso file: "CHSO" in ASCII.
pub const APPLICATION_ID: i32 = 0x4348_534F;

/// Each entry takes a file from version `index` to `index + 1`.
const MIGRATIONS: &[fn(&Transaction) -> rusqlite::Result<()>] = &[
    migrate_to_1,
    migrate_to_2,
    migrate_to_3,
    migrate_to_4,
    migrate_to_5,
];

/// The newest schema this build knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies every migration after `from` up to `to`, each with its own version bump.
pub(crate) fn migrate(tx: &Transaction, from: i64, to: i64) -> rusqlite::Result<()> {
    debug_assert!(0 <= from && from <= to && to <= SCHEMA_VERSION);
    if from == 0 {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    for version in from..to {
        MIGRATIONS[version as usize](tx)?;
        tx.pragma_update(None, "user_version", version + 1)?;
    }
    Ok(())
}

/// A trigger or view as `sqlite_schema` holds it: (type, name, SQL).
pub(crate) type SchemaObject = (String, String, String);

/// The triggers and views Chiso's migrations create, by schema version (index 0 to
/// [`SCHEMA_VERSION`]), read from a fresh in-memory database migrated to each version. A file's
/// triggers and views are compared with these, by name and SQL: anything else was put there
/// by someone else.
pub(crate) fn own_objects(version: i64) -> Option<&'static [SchemaObject]> {
    static BY_VERSION: OnceLock<Vec<Vec<SchemaObject>>> = OnceLock::new();
    let all = BY_VERSION.get_or_init(|| {
        (0..=SCHEMA_VERSION)
            .map(|v| objects_at(v).expect("Chiso's own migrations run on an empty database"))
            .collect()
    });
    usize::try_from(version)
        .ok()
        .and_then(|v| all.get(v))
        .map(Vec::as_slice)
}

fn objects_at(version: i64) -> rusqlite::Result<Vec<SchemaObject>> {
    let mut conn = Connection::open_in_memory()?;
    let tx = conn.transaction()?;
    migrate(&tx, 0, version)?;
    let objects = schema_objects(&tx)?;
    tx.commit()?;
    Ok(objects)
}

/// The triggers, views and indexes of the database of `conn`, and its planner statistics
/// tables (Chiso never runs ANALYZE), sorted.
pub(crate) fn schema_objects(conn: &Connection) -> rusqlite::Result<Vec<SchemaObject>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, sql FROM main.sqlite_schema \
         WHERE type IN ('trigger', 'view', 'index') \
            OR (type = 'table' AND name LIKE 'sqlite\\_stat%' ESCAPE '\\') \
         ORDER BY type, name",
    )?;
    // A damaged or hand-edited schema may hold names that are not text: read them as they are.
    let text = |r: &rusqlite::Row, i: usize| -> rusqlite::Result<String> {
        use rusqlite::types::ValueRef;
        Ok(match r.get_ref(i)? {
            ValueRef::Text(b) | ValueRef::Blob(b) => String::from_utf8_lossy(b).into_owned(),
            ValueRef::Integer(n) => n.to_string(),
            ValueRef::Real(x) => x.to_string(),
            ValueRef::Null => String::new(),
        })
    };
    let rows = stmt.query_map([], |r| Ok((text(r, 0)?, text(r, 1)?, text(r, 2)?)))?;
    rows.collect()
}

/// [`migrate`] for tests that need a file at an older version.
#[doc(hidden)]
pub fn migrate_for_tests(tx: &Transaction, from: i64, to: i64) -> rusqlite::Result<()> {
    migrate(tx, from, to)
}

/// Version 1: the indicator × area × subgroup × period × source cube.
fn migrate_to_1(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        r#"
CREATE TABLE unit (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    name    TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    symbol  TEXT NOT NULL DEFAULT '' CHECK (length(symbol) <= 32)
);

CREATE TABLE indicator (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
    short_name    TEXT NOT NULL CHECK (length(short_name) BETWEEN 1 AND 120),
    unit_id       INTEGER NOT NULL REFERENCES unit (id) ON DELETE RESTRICT,
    decimals      INTEGER NOT NULL DEFAULT 1 CHECK (decimals BETWEEN 0 AND 6),
    direction     TEXT NOT NULL DEFAULT 'neutral'
                  CHECK (direction IN ('higher_is_better', 'lower_is_better', 'neutral')),
    valid_min     REAL,
    valid_max     REAL,
    plausible_min REAL,
    plausible_max REAL,
    description   TEXT NOT NULL DEFAULT '',
    theme         TEXT NOT NULL DEFAULT '',
    sdg_target    TEXT NOT NULL DEFAULT '',
    CHECK (valid_min IS NULL OR valid_max IS NULL OR valid_min <= valid_max),
    CHECK (plausible_min IS NULL OR plausible_max IS NULL OR plausible_min <= plausible_max)
);

CREATE TABLE area (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    parent_id INTEGER REFERENCES area (id) ON DELETE RESTRICT,
    level     TEXT NOT NULL DEFAULT 'country'
              CHECK (level IN ('world', 'aggregate', 'country', 'region', 'province', 'district', 'commune'))
);

CREATE TABLE subgroup (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    dimension TEXT NOT NULL DEFAULT 'total' CHECK (length(dimension) BETWEEN 1 AND 64)
);

CREATE TABLE source (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    short_name  TEXT NOT NULL CHECK (length(short_name) BETWEEN 1 AND 200),
    publisher   TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    edition     TEXT NOT NULL DEFAULT '',
    published   TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    citation    TEXT NOT NULL DEFAULT '',
    licence     TEXT NOT NULL DEFAULT '',
    file_sha256 TEXT NOT NULL DEFAULT ''
);

-- One figure per indicator × area × subgroup × source × period. Two sources for one cell are
-- two rows. `year` is the period's last year; `period_label` names a multi-year period.
CREATE TABLE observation (
    id           INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE RESTRICT,
    area_id      INTEGER NOT NULL REFERENCES area (id) ON DELETE RESTRICT,
    subgroup_id  INTEGER NOT NULL REFERENCES subgroup (id) ON DELETE RESTRICT,
    source_id    INTEGER NOT NULL REFERENCES source (id) ON DELETE RESTRICT,
    year         INTEGER NOT NULL CHECK (typeof(year) = 'integer' AND year BETWEEN 1000 AND 9999),
    period_label TEXT NOT NULL DEFAULT '' CHECK (length(period_label) <= 40),
    value        REAL NOT NULL CHECK (typeof(value) IN ('real', 'integer') AND value BETWEEN -1e300 AND 1e300),
    -- OR chains, not IN lists: SQLite checks an IN list several times slower per row, which
    -- shows in a million-row import.
    status       TEXT NOT NULL DEFAULT 'normal'
                 CHECK (status = 'normal' OR status = 'estimated' OR status = 'provisional'
                        OR status = 'forecast' OR status = 'break'),
    qualifier    TEXT NOT NULL DEFAULT ''
                 CHECK (qualifier = '' OR qualifier = 'about' OR qualifier = 'more_than'
                        OR qualifier = 'less_than' OR qualifier = 'at_least' OR qualifier = 'at_most'),
    footnote     TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_by   TEXT NOT NULL DEFAULT '',
    UNIQUE (indicator_id, area_id, subgroup_id, source_id, year, period_label)
);
-- No index on source_id, area_id or subgroup_id alone: every query of figures names the
-- indicator first (the UNIQUE index above serves it), and each such index costs a quarter of a
-- large import's time. Deleting a source, area or subgroup, which is rare, scans the table.
"#,
    )
}

/// Version 2: targets, saved chart views and the audit log.
fn migrate_to_2(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        r#"
CREATE TABLE target (
    id             INTEGER PRIMARY KEY,
    indicator_id   INTEGER NOT NULL REFERENCES indicator (id) ON DELETE RESTRICT,
    area_id        INTEGER NOT NULL REFERENCES area (id) ON DELETE RESTRICT,
    subgroup_id    INTEGER NOT NULL REFERENCES subgroup (id) ON DELETE RESTRICT,
    baseline_year  INTEGER CHECK (baseline_year BETWEEN 1000 AND 9999),
    baseline_value REAL,
    target_year    INTEGER NOT NULL CHECK (target_year BETWEEN 1000 AND 9999),
    target_value   REAL NOT NULL,
    reference      TEXT NOT NULL DEFAULT '',
    UNIQUE (indicator_id, area_id, subgroup_id, target_year)
);

CREATE TABLE saved_view (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    position   INTEGER NOT NULL DEFAULT 0,
    spec       TEXT NOT NULL CHECK (json_valid(spec)),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

-- Who is editing, for the audit triggers. Chiso fills the one row at the start of each of its
-- write transactions and empties it before commit, so an edit made with another tool is
-- recorded as such instead of being credited to Chiso's last editor.
CREATE TABLE audit_context (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    editor TEXT
);
INSERT INTO audit_context (id, editor) VALUES (1, NULL);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    editor     TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    old_values TEXT,
    new_values TEXT
);
CREATE INDEX audit_log_by_row ON audit_log (table_name, row_id);
"#,
    )?;
    for (table, columns) in AUDITED_TABLES_2 {
        tx.execute_batch(&audit_triggers(table, columns))?;
    }
    Ok(())
}

/// The names in Vietnamese beside the names as they were (`name` is the English name, or the
/// only one known): `(table, column, longest)`. A new column per name rather than a table of
/// translations, so that a row stays one row for the forms, the audit log and the queries.
const VIETNAMESE_NAMES: &[(&str, &str, u32)] = &[
    ("unit", "name_vi", 200),
    ("unit", "symbol_vi", 32),
    ("indicator", "name_vi", 500),
    ("indicator", "short_name_vi", 120),
    ("indicator", "description_vi", 4000),
    ("indicator", "theme_vi", 200),
    ("area", "name_vi", 200),
    ("subgroup", "name_vi", 200),
    ("source", "short_name_vi", 200),
    ("source", "publisher_vi", 4000),
    ("source", "title_vi", 4000),
    ("source", "edition_vi", 200),
];

/// Version 3: names in Vietnamese and English. The audit triggers are made anew to record
/// the new columns too.
fn migrate_to_3(tx: &Transaction) -> rusqlite::Result<()> {
    for (table, column, longest) in VIETNAMESE_NAMES {
        tx.execute_batch(&format!(
            "ALTER TABLE {table} ADD COLUMN {column} TEXT NOT NULL DEFAULT '' \
             CHECK (length({column}) <= {longest});"
        ))?;
    }
    for (table, columns) in audited_tables_3() {
        tx.execute_batch(&format!(
            "DROP TRIGGER {table}_audit_insert; DROP TRIGGER {table}_audit_update; \
             DROP TRIGGER {table}_audit_delete;"
        ))?;
        tx.execute_batch(&audit_triggers(table, &columns))?;
    }
    Ok(())
}

/// The provinces of Viet Nam before and after the reform of 1 July 2025 (Resolution
/// 202/2025/QH15), as `assets/geo/make_areas.py` made them from the project's geo folder. Read
/// by migration 4: like its SQL, it never changes once released.
const VN_AREAS_2025: &str = include_str!("../../assets/geo/vn_areas_2025.csv");

/// The columns version 4 adds to `area` and `indicator`, audited like the others.
const AREA_COLUMNS_4: &[&str] = &["gso_code", "valid_from", "valid_until"];
const INDICATOR_COLUMNS_4: &[&str] = &["aggregation", "weight_indicator_id"];

/// The editor the audit log names for the areas migration 4 brings.
const MIGRATION_4_EDITOR: &str = "Chiso (schema 4: the provinces of 2025)";

/// Version 4: areas over time, and how an indicator's figures of several areas make one. An
/// area has the dates it was valid (`valid_from`, `valid_until`, ISO dates, inclusive, NULL for
/// "always"), its successors and its GSO code; an indicator its `aggregation` (NULL: as its
/// unit suggests) and the indicator that weighs its means.
/// The country, its six regions, the 63 provinces until 30 June 2025 and the 23 units the
/// reform made are brought into every file (by code: an area the file has keeps its names, and
/// gains its dates and GSO code), so that figures of either side of the reform have their
/// areas.
fn migrate_to_4(tx: &Transaction) -> rusqlite::Result<()> {
    let date_check = |column: &str| {
        format!(
            "ALTER TABLE area ADD COLUMN {column} TEXT \
             CHECK ({column} IS NULL OR (length({column}) = 10 AND date({column}) IS {column}));"
        )
    };
    tx.execute_batch(&format!(
        "ALTER TABLE indicator ADD COLUMN aggregation TEXT \
             CHECK (aggregation IS NULL OR aggregation IN ('sum', 'weighted_mean', 'none')); \
         ALTER TABLE indicator ADD COLUMN weight_indicator_id INTEGER \
             REFERENCES indicator (id) ON DELETE SET NULL; \
         DROP TRIGGER indicator_audit_insert; DROP TRIGGER indicator_audit_update; \
         DROP TRIGGER indicator_audit_delete; \
         ALTER TABLE area ADD COLUMN gso_code TEXT CHECK (length(gso_code) BETWEEN 1 AND 8); \
         {} {} \
         CREATE TABLE area_successor ( \
             id           INTEGER PRIMARY KEY, \
             area_id      INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE, \
             successor_id INTEGER NOT NULL REFERENCES area (id) ON DELETE CASCADE, \
             UNIQUE (area_id, successor_id), \
             CHECK (area_id <> successor_id) \
         ); \
         DROP TRIGGER area_audit_insert; DROP TRIGGER area_audit_update; \
         DROP TRIGGER area_audit_delete;",
        date_check("valid_from"),
        date_check("valid_until")
    ))?;
    for (table, columns) in audited_tables_4() {
        if ["indicator", "area", "area_successor"].contains(&table) {
            tx.execute_batch(&audit_triggers(table, &columns))?;
        }
    }
    tx.execute(
        "UPDATE audit_context SET editor = ?1 WHERE id = 1",
        [MIGRATION_4_EDITOR],
    )?;
    tx.execute_batch(
        "INSERT INTO area (code, name, name_vi, level) VALUES ('VNM', 'Viet Nam', 'Việt Nam', 'country') \
             ON CONFLICT (code) DO NOTHING;",
    )?;
    // The statistics office's regions; areas keep their Vietnamese names in both languages.
    const REGIONS: [(&str, &str); 6] = [
        ("VN-R-NMM", "Trung du và miền núi phía Bắc"),
        ("VN-R-RRD", "Đồng bằng sông Hồng"),
        ("VN-R-NCC", "Bắc Trung Bộ và duyên hải miền Trung"),
        ("VN-R-CH", "Tây Nguyên"),
        ("VN-R-SE", "Đông Nam Bộ"),
        ("VN-R-MRD", "Đồng bằng sông Cửu Long"),
    ];
    for (code, name) in REGIONS {
        tx.execute(
            "INSERT INTO area (code, name, name_vi, parent_id, level) \
             VALUES (?1, ?2, ?2, (SELECT id FROM area WHERE code = 'VNM'), 'region') \
             ON CONFLICT (code) DO NOTHING",
            [code, name],
        )?;
    }
    let mut rows = csv::Reader::from_reader(VN_AREAS_2025.as_bytes());
    let rows: Vec<csv::StringRecord> = rows
        .records()
        .collect::<Result<_, _>>()
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    for row in &rows {
        let [code, gso, name, region, from, until] = [0, 1, 2, 3, 4, 5].map(|i| &row[i]);
        // Provinces keep their Vietnamese names in both languages.
        tx.execute(
            "INSERT INTO area (code, name, name_vi, parent_id, level, gso_code, valid_from, valid_until) \
             VALUES (?1, ?3, ?3, (SELECT id FROM area WHERE code = ?4), 'province', \
                     nullif(?2, ''), nullif(?5, ''), nullif(?6, '')) \
             ON CONFLICT (code) DO UPDATE SET gso_code = excluded.gso_code, \
                 valid_from = excluded.valid_from, valid_until = excluded.valid_until",
            [code, gso, name, region, from, until],
        )?;
    }
    for row in &rows {
        for successor in row[6].split(';').filter(|s| !s.is_empty()) {
            tx.execute(
                "INSERT INTO area_successor (area_id, successor_id) \
                 SELECT a.id, s.id FROM area a, area s WHERE a.code = ?1 AND s.code = ?2 \
                 ON CONFLICT DO NOTHING",
                [&row[0], successor],
            )?;
        }
    }
    tx.execute("UPDATE audit_context SET editor = NULL WHERE id = 1", [])?;
    Ok(())
}

/// Version 5: which database a file is, and the packages of changes it exchanges with its
/// copies (`store::exchange`). `database_id` is shared by a file and every copy made of it, so
/// a package from another database is refused; `copy_id` is the file's own. Both are made once
/// here, at random, and no later migration changes them.
fn migrate_to_5(tx: &Transaction) -> rusqlite::Result<()> {
    tx.execute_batch(
        r#"
CREATE TABLE database_identity (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    database_id TEXT NOT NULL CHECK (length(database_id) = 32),
    copy_id     TEXT NOT NULL CHECK (length(copy_id) = 32),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    -- Set in a copy: the copy_id of the file it was made from, when, and for whom.
    copied_from TEXT,
    copied_at   TEXT,
    copied_for  TEXT
);
INSERT INTO database_identity (id, database_id, copy_id)
VALUES (1, lower(hex(randomblob(16))), lower(hex(randomblob(16))));

-- The files this one exchanges packages with: the one it was copied from ('origin') and the
-- copies made of it ('copy'). A package carries the changes after a mark in this file's audit
-- log: the last entry when the copy was made, or when the last package to that file was made.
CREATE TABLE exchange_peer (
    copy_id     TEXT PRIMARY KEY CHECK (length(copy_id) = 32),
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role = 'origin' OR role = 'copy'),
    copied_at   TEXT NOT NULL,
    copied_mark INTEGER NOT NULL,
    sent_mark   INTEGER,
    sent_at     TEXT
);

-- Every package applied to this file, so that one applied again changes nothing.
CREATE TABLE exchange_applied (
    package_id TEXT PRIMARY KEY,
    from_copy  TEXT NOT NULL,
    from_name  TEXT NOT NULL,
    editor     TEXT NOT NULL,
    made_at    TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    changes    INTEGER NOT NULL
);
"#,
    )
}

/// Tables whose changes the triggers record, with their columns, from version 4: version 3's,
/// the area's dates and GSO code, and the successors of areas.
fn audited_tables_4() -> Vec<(&'static str, Vec<&'static str>)> {
    let mut tables = audited_tables_3();
    for (table, columns) in &mut tables {
        if *table == "area" {
            columns.extend_from_slice(AREA_COLUMNS_4);
        }
        if *table == "indicator" {
            columns.extend_from_slice(INDICATOR_COLUMNS_4);
        }
    }
    tables.push(("area_successor", vec!["area_id", "successor_id"]));
    tables
}

/// The columns the audit triggers recorded from version 2 to 3. Kept as released: a
/// migration's SQL never changes.
const AUDITED_TABLES_2: &[(&str, &[&str])] = &[
    ("unit", &["code", "name", "symbol"]),
    (
        "indicator",
        &[
            "code",
            "name",
            "short_name",
            "unit_id",
            "decimals",
            "direction",
            "valid_min",
            "valid_max",
            "plausible_min",
            "plausible_max",
            "description",
            "theme",
            "sdg_target",
        ],
    ),
    ("area", &["code", "name", "parent_id", "level"]),
    ("subgroup", &["code", "name", "dimension"]),
    (
        "source",
        &[
            "code",
            "short_name",
            "publisher",
            "title",
            "edition",
            "published",
            "url",
            "citation",
            "licence",
            "file_sha256",
        ],
    ),
    (
        "observation",
        &[
            "indicator_id",
            "area_id",
            "subgroup_id",
            "source_id",
            "year",
            "period_label",
            "value",
            "status",
            "qualifier",
            "footnote",
            "updated_at",
            "updated_by",
        ],
    ),
    (
        "target",
        &[
            "indicator_id",
            "area_id",
            "subgroup_id",
            "baseline_year",
            "baseline_value",
            "target_year",
            "target_value",
            "reference",
        ],
    ),
    ("saved_view", &["name", "position", "spec"]),
];

/// Tables whose every insert, update and delete the triggers record, with the columns recorded
/// (from version 3): version 2's and the Vietnamese names.
fn audited_tables_3() -> Vec<(&'static str, Vec<&'static str>)> {
    AUDITED_TABLES_2
        .iter()
        .map(|(table, columns)| {
            let names = VIETNAMESE_NAMES
                .iter()
                .filter(|(t, _, _)| t == table)
                .map(|(_, column, _)| *column);
            (*table, columns.iter().copied().chain(names).collect())
        })
        .collect()
}

/// What the audit log names as the editor of a change made outside Chiso.
pub const OUTSIDE_EDITOR: &str = "(outside Chiso)";

/// The three triggers that record changes to `table` in `audit_log`.
fn audit_triggers(table: &str, columns: &[&str]) -> String {
    let json = |row: &str| row_json(columns, row);
    let editor =
        format!("coalesce((SELECT editor FROM audit_context WHERE id = 1), '{OUTSIDE_EDITOR}')");
    let (old, new) = (json("OLD"), json("NEW"));
    format!(
        r#"
CREATE TRIGGER {table}_audit_insert AFTER INSERT ON {table} BEGIN
    INSERT INTO audit_log (editor, table_name, row_id, action, new_values)
    VALUES ({editor}, '{table}', NEW.id, 'insert', {new});
END;
CREATE TRIGGER {table}_audit_update AFTER UPDATE ON {table} BEGIN
    INSERT INTO audit_log (editor, table_name, row_id, action, old_values, new_values)
    VALUES ({editor}, '{table}', NEW.id, 'update', {old}, {new});
END;
CREATE TRIGGER {table}_audit_delete AFTER DELETE ON {table} BEGIN
    INSERT INTO audit_log (editor, table_name, row_id, action, old_values)
    VALUES ({editor}, '{table}', OLD.id, 'delete', {old});
END;
"#
    )
}

/// `json_object('col', row.col, …)` over `columns`.
fn row_json(columns: &[&str], row: &str) -> String {
    let pairs: Vec<String> = columns
        .iter()
        .map(|c| format!("'{c}', {row}.{c}"))
        .collect();
    format!("json_object({})", pairs.join(", "))
}

/// What the audit triggers record of a row of an audited table, for bulk writes that record
/// their inserts themselves (see `store::import`): `(table, json of the row named table)`.
pub(crate) fn audited_tables() -> impl Iterator<Item = (&'static str, String)> {
    audited_tables_4()
        .into_iter()
        .map(|(table, columns)| (table, row_json(&columns, table)))
}

/// The tables a file must hold to be taken for a Chiso file, whatever its version.
pub(crate) const CORE_TABLES: &[&str] = &[
    "unit",
    "indicator",
    "area",
    "subgroup",
    "source",
    "observation",
];
