use chrono::{Duration, TimeZone};

use super::*;
use crate::sessions::{self, SessionDetails, SessionInput};
use rusqlite::Connection;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 19, 8, 0, 0).unwrap()
}

fn run() -> SessionInput {
    SessionInput {
        start_local: "2026-04-18T07:00".into(),
        zone: "Europe/London".into(),
        duration_s: Some(1800),
        distance_m: Some(5000.0),
        rpe: Some(3),
        notes: "steady".into(),
        details: SessionDetails::EasyRun,
    }
}

fn db_path(data: &Path) -> PathBuf {
    data.join("db").join(paths::DB_FILE)
}

fn ls(dir: &Path) -> Vec<String> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// A data dir holding one session, started once (so it also has its first automatic backup).
fn with_data() -> (tempfile::TempDir, String) {
    let tmp = tempfile::tempdir().unwrap();
    let mut s = start(tmp.path(), &Checks::default(), now()).unwrap();
    let id = crate::ops::sessions::create(&mut s.db, &run(), now()).unwrap().id;
    drop(s);
    (tmp, id)
}

#[test]
fn a_fresh_folder_gets_an_empty_database_and_no_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let s = start(tmp.path(), &Checks::default(), now()).unwrap();
    assert_eq!(s.report.recovery, None);
    assert!(!s.report.read_only && s.report.notices.is_empty());
    assert!(
        ls(&tmp.path().join("backups")).is_empty(),
        "an empty database is not backed up"
    );
}

#[test]
fn a_daily_backup_is_taken_when_the_last_is_a_day_old() {
    let (tmp, _) = with_data();
    let backups = tmp.path().join("backups");
    drop(start(tmp.path(), &Checks::default(), now()).unwrap());
    assert_eq!(ls(&backups).len(), 1, "{:?}", ls(&backups));
    drop(start(tmp.path(), &Checks::default(), now() + Duration::hours(20)).unwrap());
    assert_eq!(ls(&backups).len(), 1, "less than a day later: no new copy");
    drop(start(tmp.path(), &Checks::default(), now() + Duration::hours(25)).unwrap());
    assert_eq!(ls(&backups).len(), 2);
}

#[rstest::rstest]
#[case::garbage("garbage", "not_a_database")]
#[case::truncated("truncated", "corrupt")]
#[case::damaged_page("damaged_page", "corrupt")]
fn a_bad_file_is_set_aside_intact_with_its_sidecars_and_a_backup_is_offered(#[case] how: &str, #[case] problem: &str) {
    let (tmp, id) = with_data();
    drop(start(tmp.path(), &Checks::default(), now() + Duration::days(1)).unwrap());
    let path = db_path(tmp.path());
    {
        // Enough rows for several pages worth damaging; closing checkpoints them into the file.
        let mut db = Db::open(&path).unwrap();
        for _ in 0..200 {
            crate::ops::sessions::create(
                &mut db,
                &SessionInput {
                    notes: "x".repeat(300),
                    ..run()
                },
                now(),
            )
            .unwrap();
        }
    }
    let good = std::fs::read(&path).unwrap();
    assert!(good.len() > 8 * 4096);
    let bad: Vec<u8> = match how {
        "garbage" => b"definitely not a database ".repeat(100),
        "truncated" => good[..good.len() / 2].to_vec(),
        _ => {
            let mut b = good.clone();
            b[4096 * 2..4096 * 2 + 700].fill(0xA5);
            b
        }
    };
    std::fs::write(&path, &bad).unwrap();
    let [wal, shm] = files::sidecars(&path);
    std::fs::write(&wal, b"wal bytes").unwrap();
    std::fs::write(&shm, b"shm bytes").unwrap();

    let s = start(tmp.path(), &Checks::default(), now() + Duration::days(2)).unwrap();
    let r = s.report.recovery.expect("recovery offered");
    assert_eq!(r.problem.as_str(), problem, "{}", r.detail);
    assert_eq!(r.set_aside.len(), 3);
    let dir = tmp.path().join("db");
    assert_eq!(
        std::fs::read(dir.join(&r.set_aside[0])).unwrap(),
        bad,
        "set aside byte for byte"
    );
    assert_eq!(std::fs::read(dir.join(&r.set_aside[1])).unwrap(), b"wal bytes");
    // The -shm file is SQLite's index of the -wal and holds no data of its own; reading the
    // database to check it may rebuild it, so only its presence is promised.
    assert!(r.set_aside[2].ends_with(".sqlite3-shm"));
    assert_eq!(
        sessions::get(&s.db, &id).unwrap_err().code(),
        "not_found",
        "a new, empty database"
    );
    let offered = r.newest_backup.expect("the newest good backup");
    assert_eq!(offered.name, "aftermile-20260420T080000Z-auto.sqlite3");
    assert_eq!(
        ls(&tmp.path().join("backups")).len(),
        1,
        "no backup of the empty replacement"
    );
}

#[test]
fn a_zero_byte_file_is_new_without_backups_and_a_loss_with_them() {
    let tmp = tempfile::tempdir().unwrap();
    let path = db_path(tmp.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, b"").unwrap();
    let s = start(tmp.path(), &Checks::default(), now()).unwrap();
    assert_eq!(
        s.report.recovery, None,
        "first run: SQLite leaves zero bytes before its first write"
    );
    drop(s);

    let (tmp, _) = with_data();
    drop(start(tmp.path(), &Checks::default(), now() + Duration::days(1)).unwrap());
    let path = db_path(tmp.path());
    for p in std::iter::once(path.clone()).chain(files::sidecars(&path)) {
        let _ = std::fs::remove_file(p);
    }
    std::fs::write(&path, b"").unwrap();
    let s = start(tmp.path(), &Checks::default(), now() + Duration::days(2)).unwrap();
    let r = s.report.recovery.expect("emptied file with backups around: offer them");
    assert_eq!(r.problem.as_str(), "empty_file");
    assert!(r.newest_backup.is_some());
}

#[test]
fn a_newer_schema_is_refused_and_untouched() {
    let (tmp, _) = with_data();
    let path = db_path(tmp.path());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", crate::storage::latest_version() + 1)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = start(tmp.path(), &Checks::default(), now()).err().unwrap();
    assert_eq!(err.code(), "schema_too_new");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(ls(&tmp.path().join("db")).iter().all(|n| !n.contains("damaged")));
}

#[test]
fn a_folder_that_cant_be_written_opens_read_only_for_reading() {
    let (tmp, id) = with_data();
    let not_writable = Checks { writable: |_| false };
    let mut s = start(tmp.path(), &not_writable, now()).unwrap();
    assert!(s.report.read_only && s.db.is_read_only());
    assert!(s.report.notices[0].contains("read-only"), "{:?}", s.report.notices);
    assert_eq!(sessions::get(&s.db, &id).unwrap().notes, "steady", "reading works");
    let err = crate::ops::sessions::create(&mut s.db, &run(), now()).unwrap_err();
    assert_eq!(err.code(), "read_only");
    assert!(err.to_string().contains("read-only"));

    let empty = tempfile::tempdir().unwrap();
    let err = start(empty.path(), &not_writable, now()).err().unwrap();
    assert_eq!(err.code(), "read_only", "nothing to read and nowhere to write");
}

#[test]
fn the_write_probe_sees_a_read_only_directory() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(probe_writable(tmp.path()));
    assert!(!probe_writable(&tmp.path().join("missing")));
    assert!(ls(tmp.path()).is_empty(), "the probe cleans up");
}

#[test]
fn stray_sidecars_without_a_database_are_set_aside() {
    let tmp = tempfile::tempdir().unwrap();
    let path = db_path(tmp.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(files::sidecars(&path)[0].clone(), b"old wal").unwrap();
    let s = start(tmp.path(), &Checks::default(), now()).unwrap();
    assert_eq!(s.report.notices.len(), 1, "{:?}", s.report.notices);
    let moved: Vec<_> = ls(&tmp.path().join("db"))
        .into_iter()
        .filter(|n| n.contains("orphan"))
        .collect();
    assert_eq!(moved, ["aftermile-orphan-20260419T080000Z.sqlite3-wal"]);
}

#[test]
fn a_database_busy_in_another_process_is_reported_and_nothing_is_moved() {
    let (tmp, id) = with_data();
    let path = db_path(tmp.path());
    // Another process holds the write lock, and in exclusive mode keeps readers out too.
    let other = Connection::open(&path).unwrap();
    other.pragma_update(None, "locking_mode", "EXCLUSIVE").unwrap();
    other
        .execute_batch("BEGIN EXCLUSIVE; UPDATE sessions SET notes = notes;")
        .unwrap();
    let before = ls(path.parent().unwrap());
    let err = start(tmp.path(), &Checks::default(), now())
        .err()
        .expect("busy is an error");
    assert_eq!(err.code(), "busy", "{err}");
    assert_eq!(ls(path.parent().unwrap()), before, "nothing was set aside");
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    let s = start(tmp.path(), &Checks::default(), now()).unwrap();
    assert!(s.report.recovery.is_none());
    assert_eq!(sessions::get(&s.db, &id).unwrap().notes, "steady");
}

#[test]
fn another_programs_database_is_set_aside_not_migrated() {
    let tmp = tempfile::tempdir().unwrap();
    let path = db_path(tmp.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
            .unwrap();
    }
    let s = start(tmp.path(), &Checks::default(), now()).unwrap();
    let r = s.report.recovery.expect("offered recovery");
    assert_eq!(r.problem.as_str(), "not_a_database");
    assert!(r.detail.contains("\"recipes\""), "{}", r.detail);
    let aside = path.parent().unwrap().join(&r.set_aside[0]);
    let c = Connection::open(&aside).unwrap();
    let soup: String = c.query_row("SELECT name FROM recipes", [], |r| r.get(0)).unwrap();
    assert_eq!(soup, "soup", "set aside whole");
    let tables: i64 = c
        .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(tables, 1, "no Aftermile tables were added to it");
}

#[test]
fn a_second_process_is_told_the_data_is_in_use() {
    let tmp = tempfile::tempdir().unwrap();
    let first = start(tmp.path(), &Checks::default(), now()).unwrap();
    let err = start(tmp.path(), &Checks::default(), now()).err().expect("in use");
    assert_eq!(err.code(), "in_use");
    drop(first);
    start(tmp.path(), &Checks::default(), now()).unwrap();
}

#[test]
fn an_interrupted_restore_with_no_database_is_offered_not_dropped() {
    let (tmp, id) = with_data();
    let path = db_path(tmp.path());
    // What an older build could leave: the staged copy, and no database at the path.
    std::fs::rename(&path, crate::storage::restore::staged_path(&path)).unwrap();
    for side in files::sidecars(&path) {
        let _ = std::fs::remove_file(side);
    }
    let s = start(tmp.path(), &Checks::default(), now() + Duration::hours(1)).unwrap();
    let r = s.report.recovery.expect("offered");
    assert_eq!(r.problem.as_str(), "interrupted_restore");
    let offered = r.newest_backup.expect("the staged copy is offered");
    let (conn, _) = crate::storage::backup::open_validated(&tmp.path().join("backups").join(&offered.name)).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM sessions WHERE id = ?1", [&id], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "the offered copy holds the data");
}

#[test]
fn a_stale_staged_restore_beside_the_database_is_removed_and_reported() {
    let (tmp, id) = with_data();
    let path = db_path(tmp.path());
    std::fs::write(crate::storage::restore::staged_path(&path), b"half a copy").unwrap();
    let s = start(tmp.path(), &Checks::default(), now()).unwrap();
    assert!(s.report.notices.iter().any(|n| n.contains("restore was interrupted")));
    assert!(!crate::storage::restore::staged_path(&path).exists());
    assert_eq!(sessions::get(&s.db, &id).unwrap().notes, "steady");
}

#[test]
fn an_incomplete_staged_restore_with_no_database_is_kept_and_the_newest_backup_offered() {
    let (tmp, _) = with_data();
    let path = db_path(tmp.path());
    // A backup to fall back on, then a crash mid-restore that left half a copy and no database.
    let s = start(tmp.path(), &Checks::default(), now() + Duration::days(2)).unwrap();
    crate::storage::backup::create(
        &s.db,
        &tmp.path().join("backups"),
        crate::storage::snapshot::Reason::Manual,
        now() + Duration::days(2),
    )
    .unwrap();
    drop(s);
    std::fs::remove_file(&path).unwrap();
    for side in files::sidecars(&path) {
        let _ = std::fs::remove_file(side);
    }
    std::fs::write(crate::storage::restore::staged_path(&path), b"half a copy").unwrap();
    let s = start(tmp.path(), &Checks::default(), now() + Duration::days(3)).unwrap();
    let r = s.report.recovery.expect("offered, not silently started empty");
    assert_eq!(r.problem.as_str(), "interrupted_restore");
    assert!(r.newest_backup.is_some(), "the newest backup is offered");
    assert_eq!(r.set_aside.len(), 1);
    assert!(
        ls(&tmp.path().join("db")).iter().any(|n| n == &r.set_aside[0]),
        "the half copy is kept"
    );
}

#[test]
fn a_replaced_copy_with_no_database_is_offered() {
    let (tmp, id) = with_data();
    let path = db_path(tmp.path());
    // What a crash between setting the live file aside and putting another in place would leave.
    let aside = path.with_file_name("aftermile-replaced-20260101T000000Z.sqlite3");
    let s = start(tmp.path(), &Checks::default(), now()).unwrap();
    drop(s);
    std::fs::rename(&path, &aside).unwrap();
    for side in files::sidecars(&path) {
        let _ = std::fs::remove_file(side);
    }
    let s = start(tmp.path(), &Checks::default(), now() + Duration::hours(1)).unwrap();
    let r = s.report.recovery.expect("offered");
    assert_eq!(r.problem.as_str(), "missing_database");
    assert_eq!(r.set_aside, ["aftermile-replaced-20260101T000000Z.sqlite3"]);
    let offered = r.newest_backup.expect("the replaced copy is offered");
    let (conn, _) = crate::storage::backup::open_validated(&tmp.path().join("backups").join(&offered.name)).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM sessions WHERE id = ?1", [&id], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "the offered copy holds the data");
    assert!(aside.exists(), "the set-aside copy stays where it was");
}
