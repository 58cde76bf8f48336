//! Migration safety: a fixture database for every released schema version, each opened with the
//! current code, migrated, and checked row by row.
//!
//! The fixtures in `tests/fixtures/schema-N.sqlite3` are built by `build_fixture` below from the
//! migration files and sample rows, in the SQL of that version. They are committed and frozen: a
//! released user's file never changes, so neither do they. `UPDATE_FIXTURES=1 cargo test -p
//! aftermile-core --test fixtures` writes the missing ones (after adding a migration, add its
//! version's rows to `SAMPLE` first). The test also rebuilds each fixture in memory and compares
//! schema and rows with the committed file, so an edit to a shipped migration fails here.

// A test, benchmark or fixture tool: plain file writes, the real clock and the environment are fine here.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};

use aftermile_core::settings::Units;
use aftermile_core::storage::backup;
use aftermile_core::storage::latest_version;
use aftermile_core::{marks, reminders, sessions, settings, Db};
use rusqlite::types::ValueRef;
use rusqlite::Connection;

const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_sessions.sql"),
    include_str!("../migrations/0002_marks.sql"),
    include_str!("../migrations/0003_reminders.sql"),
    include_str!("../migrations/0004_reminder_delivery.sql"),
    include_str!("../migrations/0005_imported_activities.sql"),
];

/// Rows written with the SQL of each version; a fixture for version N holds those of 1..=N.
const SAMPLE: &[&str] = &[
    // Schema 1: one session of each kind family, a massage's focus regions, settings as schema 1
    // stored them (units as bare text).
    "INSERT INTO sessions (id, kind, start_utc, zone, duration_s, distance_m, rpe, notes, created_at, updated_at)
        VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0001', 'easy_run', 1700000000, 'Europe/London', 2700, 8000.5, 4,
                'felt good, \"really\"', 1700000100, 1700000200);
     INSERT INTO sessions (id, kind, start_utc, zone, duration_s, rpe, notes, massage_type, therapist, pressure,
                felt_after, created_at, updated_at)
        VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0002', 'massage', 1700100000, 'America/New_York', 3600, 6, '',
                'sports', 'Sam', 'firm', 'looser calves', 1700100100, 1700100100);
     INSERT INTO session_focus_regions VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0002', 'calf_l');
     INSERT INTO session_focus_regions VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0002', 'hamstring_r');
     INSERT INTO sessions (id, kind, start_utc, zone, duration_s, distance_m, notes, race_name, race_distance,
                race_status, finish_time_s, created_at, updated_at)
        VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0003', 'race', 1700200000, 'Europe/Berlin', 5400, 21097.5,
                'PB!', 'City Half', 'half', 'done', 5400, 1700200100, 1700200100);
     INSERT INTO sessions (id, kind, start_utc, zone, notes, recovery_type, created_at, updated_at)
        VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0004', 'other_recovery', 1700300000, 'UTC', 'cold',
                'ice_bath', 1700300100, 1700300100);
     INSERT INTO settings VALUES ('units', 'mi');",
    // Schema 2: soreness marks, one attached to the massage.
    "INSERT INTO marks (id, region_id, sensation, intensity, swelling, bruising, note, at_utc, zone, session_id,
                created_at, updated_at)
        VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0101', 'calf_l', 'sore', 6, 0, 0, 'after the half',
                1700210000, 'Europe/Berlin', '0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0002', 1700210000, 1700210000);
     INSERT INTO marks (id, region_id, sensation, intensity, swelling, bruising, note, at_utc, zone, session_id,
                created_at, updated_at)
        VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0102', 'knee_r', 'pain', 8, 1, 1, '', 1700220000, 'UTC', NULL,
                1700220000, 1700220500);",
    // Schema 3: a manual reminder and a fired plan reminder.
    "INSERT INTO reminders (id, kind, text, source, session_id, due_utc, wall_local, zone, state, created_at, updated_at)
        VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0201', 'manual', 'Book a massage', 'manual', NULL, 1800000000,
                '2027-01-15T09:00', 'Europe/London', 'pending', 1700400000, 1700400000);
     INSERT INTO reminders (id, kind, text, source, session_id, due_utc, wall_local, zone, state, fired_at, missed,
                created_at, updated_at)
        VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0202', 'checkin', 'How do your legs feel?', 'checkin_24h',
                '0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0003', 1700286400, '2023-11-18T07:06', 'Europe/Berlin', 'fired',
                1700286400, 1, 1700200100, 1700286400);",
    // Schema 4: a fired reminder whose delivery was recorded, and one fired but never delivered
    // (the app stopped in between).
    "INSERT INTO reminders (id, kind, text, source, session_id, due_utc, wall_local, zone, state, fired_at, missed,
                created_at, updated_at, delivered_at)
        VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0203', 'manual', 'Foam roll', 'manual', NULL, 1700500000,
                '2023-11-20T16:26', 'UTC', 'fired', 1700500000, 0, 1700400000, 1700500000, 1700500002);
     INSERT INTO reminders (id, kind, text, source, session_id, due_utc, wall_local, zone, state, fired_at, missed,
                created_at, updated_at, delivered_at)
        VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0204', 'manual', 'Stretch', 'manual', NULL, 1700600000,
                '2023-11-21T20:13', 'UTC', 'fired', 1700600000, 0, 1700400000, 1700600000, NULL);",
    // Schema 5: an imported run with what the watch measured, and an imported ride.
    "INSERT INTO sessions (id, kind, start_utc, zone, duration_s, distance_m, notes, moving_s, elapsed_s, avg_hr,
                max_hr, ascent_m, cadence_spm, trimp, device, source_format, source_name, source_sha256,
                zone_from_file, created_at, updated_at)
        VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0005', 'easy_run', 1700700000, 'Europe/London', 3600, 10012.5, '',
                3540, 3600, 148, 171, 84.5, 172.0, 71.3, 'Forerunner 935', 'fit', 'morning-run.fit',
                'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778', 1, 1700700100, 1700700100);
     INSERT INTO sessions (id, kind, start_utc, zone, duration_s, distance_m, notes, sport, moving_s, avg_hr,
                source_format, source_name, source_sha256, created_at, updated_at)
        VALUES ('0b6f7a4e-1d1c-4c59-9d0e-6c1f4b1b0006', 'cross_training', 1700800000, 'UTC', 5400, 40100.0, '',
                'cycling', 5300, 131, 'gpx', 'ride.gpx',
                'b3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778', 1700800100, 1700800100);",
];

fn fixture_path(version: usize) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-{version}.sqlite3"))
}

/// Builds the schema-`version` fixture the way a user of that release had it.
fn build_fixture(conn: &mut Connection, version: usize) {
    let steps =
        rusqlite_migration::Migrations::from_iter(MIGRATIONS[..version].iter().map(|m| rusqlite_migration::M::up(m)));
    steps.to_latest(conn).unwrap();
    for rows in &SAMPLE[..version] {
        conn.execute_batch(rows).unwrap();
    }
}

type Table = (String, Vec<String>, Vec<Vec<String>>);

/// Schema SQL and every row of every table, as text, by column name.
fn dump(conn: &Connection, columns_of: Option<&[Table]>) -> (Vec<String>, Vec<Table>) {
    let mut schema: Vec<String> = conn
        .prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    schema.sort();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        // Compare the columns the old version had, so added columns don't count as changes.
        let cols: Vec<String> = match columns_of.and_then(|c| c.iter().find(|x| x.0 == t)) {
            Some((_, cols, _)) => cols.clone(),
            None if columns_of.is_some() => continue,
            None => {
                let stmt = conn.prepare(&format!("SELECT * FROM {t}")).unwrap();
                stmt.column_names().into_iter().map(str::to_owned).collect()
            }
        };
        let mut stmt = conn
            .prepare(&format!("SELECT {} FROM {t} ORDER BY 1, 2", cols.join(", ")))
            .unwrap();
        let rows = stmt
            .query_map([], |r| {
                (0..cols.len())
                    .map(|i| {
                        Ok(match r.get_ref(i)? {
                            ValueRef::Null => "NULL".to_owned(),
                            ValueRef::Integer(v) => format!("i{v}"),
                            ValueRef::Real(v) => format!("r{v:?}"),
                            ValueRef::Text(v) => format!("t{}", String::from_utf8_lossy(v)),
                            ValueRef::Blob(v) => format!("b{v:?}"),
                        })
                    })
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        out.push((t, cols, rows));
    }
    (schema, out)
}

#[test]
fn there_is_a_fixture_for_every_released_schema() {
    assert_eq!(MIGRATIONS.len() as u32, latest_version(), "list the new migration here");
    assert_eq!(
        SAMPLE.len(),
        MIGRATIONS.len(),
        "add sample rows for the new schema version"
    );
    for v in 1..=MIGRATIONS.len() {
        let path = fixture_path(v);
        if !path.exists() && std::env::var_os("UPDATE_FIXTURES").is_some() {
            let mut c = Connection::open(&path).unwrap();
            build_fixture(&mut c, v);
            // A self-contained file (rollback journal), as small as it gets.
            c.execute_batch("VACUUM").unwrap();
        }
        assert!(
            path.exists(),
            "{} missing: run UPDATE_FIXTURES=1 cargo test -p aftermile-core --test fixtures",
            path.display()
        );
    }
}

#[test]
fn committed_fixtures_match_the_shipped_migrations() {
    for v in 1..=MIGRATIONS.len() {
        let committed =
            Connection::open_with_flags(fixture_path(v), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let mut fresh = Connection::open_in_memory().unwrap();
        build_fixture(&mut fresh, v);
        assert_eq!(
            dump(&committed, None),
            dump(&fresh, None),
            "schema {v}: a shipped migration or fixture changed"
        );
    }
}

#[test]
fn every_fixture_migrates_to_the_latest_schema_with_every_row_intact() {
    for v in 1..=MIGRATIONS.len() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("aftermile.sqlite3");
        std::fs::copy(fixture_path(v), &path).unwrap();
        let (_, before) = dump(&Connection::open(&path).unwrap(), None);
        assert!(before.iter().map(|t| t.2.len()).sum::<usize>() > 0);

        let db = Db::open(&path).unwrap();
        assert_eq!(db.schema_version().unwrap(), latest_version(), "schema {v}");
        let (_, after) = dump(db.conn(), Some(&before));
        assert_eq!(after, before, "schema {v}: rows changed in migration");
        let fk: i64 = db
            .conn()
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 0);

        // The current code reads every row.
        for (table, _, rows) in &before {
            for row in rows {
                let id = row[0].trim_start_matches('t');
                match table.as_str() {
                    "sessions" => drop(sessions::get(&db, id).unwrap()),
                    "marks" => drop(marks::get(&db, id).unwrap()),
                    "reminders" => drop(reminders::get(&db, id).unwrap()),
                    _ => {}
                }
            }
        }
        assert_eq!(settings::get(&db).unwrap().units, Units::Mi);

        // A copy was taken before the upgrade.
        let backups = backup::list(&tmp.path().join("backups")).unwrap();
        if (v as u32) < latest_version() {
            assert_eq!(backups.len(), 1, "schema {v}");
            assert_eq!(backups[0].reason, backup::BackupReason::PreMigration);
            assert_eq!(backups[0].schema_version, v as u32);
        } else {
            assert!(backups.is_empty(), "no migration, no copy");
        }
    }
}
