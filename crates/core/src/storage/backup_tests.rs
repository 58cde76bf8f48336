use chrono::TimeZone;

use super::*;
use crate::sessions::{SessionDetails, SessionInput};
use crate::storage::snapshot::copy_into;

fn at(d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, h, 0, 0).unwrap() + Duration::days(i64::from(d))
}

fn run(notes: &str) -> SessionInput {
    SessionInput {
        start_local: "2026-02-10T07:00".into(),
        zone: "Europe/London".into(),
        duration_s: Some(1800),
        distance_m: Some(5000.0),
        rpe: Some(3),
        notes: notes.into(),
        details: SessionDetails::EasyRun,
    }
}

fn names(dir: &Path) -> Vec<String> {
    list(dir).unwrap().into_iter().map(|b| b.name).collect()
}

#[test]
fn a_backup_is_a_sound_copy_with_every_row() {
    let tmp = tempfile::tempdir().unwrap();
    let mut db = Db::open(&tmp.path().join("a.sqlite3")).unwrap();
    let s = crate::ops::sessions::create(&mut db, &run("tempo"), at(0, 12)).unwrap();
    let dir = tmp.path().join("backups");
    let info = create(&db, &dir, Reason::Manual, at(0, 12)).unwrap();
    assert_eq!(info.name, "aftermile-20260301T120000Z-manual.sqlite3");
    assert_eq!(info.reason, BackupReason::Manual);
    assert_eq!(info.schema_version, crate::storage::latest_version());
    assert!(info.size_bytes > 0);
    let (conn, v) = open_validated(&dir.join(&info.name)).unwrap();
    assert_eq!(v, crate::storage::latest_version());
    let notes: String = conn
        .query_row("SELECT notes FROM sessions WHERE id = ?1", [&s.id], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, "tempo");
    // Same second, same reason: a second name, not an overwrite.
    let again = create(&db, &dir, Reason::Manual, at(0, 12)).unwrap();
    assert_ne!(again.name, info.name);
    assert_eq!(names(&dir).len(), 2);
    assert!(std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .all(|e| !e.file_name().to_string_lossy().ends_with(PARTIAL)));
}

#[test]
fn a_failed_copy_is_an_error_and_stale_partial_copies_are_swept() {
    let tmp = tempfile::tempdir().unwrap();
    let db = Db::open(&tmp.path().join("a.sqlite3")).unwrap();
    let dir = tmp.path().join("backups");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join(".aftermile-20260301T120000Z-auto.sqlite3.partial"), b"x").unwrap();
    let err = copy_into(db.conn(), &tmp.path().join("missing-dir/x.sqlite3")).unwrap_err();
    assert!(matches!(err, Error::Storage(_) | Error::Io(_)), "{err:?}");
    rotate(&dir).unwrap();
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "stale partial copies are swept"
    );
}

#[test]
fn due_when_the_newest_copy_is_a_day_old() {
    let tmp = tempfile::tempdir().unwrap();
    let db = Db::open(&tmp.path().join("a.sqlite3")).unwrap();
    let dir = tmp.path().join("backups");
    assert!(due(&dir, at(0, 12)).unwrap(), "no backup yet");
    create(&db, &dir, Reason::Auto, at(0, 12)).unwrap();
    assert!(!due(&dir, at(0, 23)).unwrap());
    assert!(due(&dir, at(1, 12)).unwrap());
}

#[test]
fn rotation_keeps_seven_daily_four_weekly_and_three_of_each_special() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let touch = |t: DateTime<Utc>, tag: &str| {
        std::fs::write(
            dir.join(format!("aftermile-{}-{tag}.sqlite3", t.format("%Y%m%dT%H%M%SZ"))),
            b"x",
        )
        .unwrap();
    };
    // Sixty days of one automatic copy a day at 06:00, plus a manual one at 18:00 on each.
    for d in 0..60 {
        touch(at(d, 6), "auto");
        touch(at(d, 18), "manual");
    }
    for v in 1..=5 {
        touch(at(v, 9), &format!("pre-migration-v{v}"));
    }
    touch(at(3, 9), "pre-import");
    std::fs::write(dir.join("unrelated.txt"), b"keep me").unwrap();

    rotate(dir).unwrap();
    let left = entries(dir).unwrap();
    let daily: Vec<_> = left
        .iter()
        .filter(|e| matches!(e.reason, Reason::Auto | Reason::Manual))
        .collect();
    // The newest of each of the last 7 days is the 18:00 manual copy.
    let days: BTreeSet<_> = daily.iter().map(|e| e.at.date_naive()).collect();
    assert!(days.contains(&at(59, 0).date_naive()) && days.contains(&at(53, 0).date_naive()));
    let weeks: BTreeSet<_> = daily.iter().map(|e| e.at.iso_week()).collect();
    assert_eq!(weeks.len(), 4, "{days:?}");
    assert!(daily.len() <= KEEP_DAILY + KEEP_WEEKLY && daily.len() >= KEEP_DAILY);
    assert!(daily.iter().all(|e| e.at.format("%H").to_string() == "18"));
    let migr: Vec<_> = left
        .iter()
        .filter(|e| matches!(e.reason, Reason::PreMigration(_)))
        .collect();
    assert_eq!(
        migr.iter().map(|e| e.reason).collect::<Vec<_>>(),
        [
            Reason::PreMigration(5),
            Reason::PreMigration(4),
            Reason::PreMigration(3)
        ]
    );
    assert_eq!(left.iter().filter(|e| e.reason == Reason::PreImport).count(), 1);
    assert!(dir.join("unrelated.txt").exists(), "rotation only touches backup names");
    // Rotating again changes nothing.
    assert!(rotate(dir).unwrap().is_empty());
}

#[test]
fn listed_names_are_the_only_restorable_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let db = Db::open(&tmp.path().join("a.sqlite3")).unwrap();
    let dir = tmp.path().join("backups");
    let b = create(&db, &dir, Reason::Manual, at(0, 1)).unwrap();
    assert!(path_of(&dir, &b.name).is_ok());
    for bad in [
        "../a.sqlite3",
        "/etc/passwd",
        "aftermile-x.sqlite3",
        ".aftermile-20260301T010000Z-manual.sqlite3.partial",
    ] {
        assert_eq!(path_of(&dir, bad).unwrap_err().code(), "not_found", "{bad}");
    }
}

#[rstest::rstest]
#[case::zero_bytes(b"".to_vec(), "not_a_database")]
#[case::garbage(b"my race notes, definitely not SQLite".repeat(200), "not_a_database")]
#[case::short_header(b"SQLite format 3\0tiny".to_vec(), "not_a_database")]
fn validation_refuses_files_that_are_not_ours(#[case] bytes: Vec<u8>, #[case] code: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("aftermile-20260301T010000Z-manual.sqlite3");
    std::fs::write(&p, &bytes).unwrap();
    assert_eq!(open_validated(&p).unwrap_err().code(), code);
    assert_eq!(std::fs::read(&p).unwrap(), bytes, "left untouched");
}

#[test]
fn validation_refuses_foreign_newer_truncated_and_corrupt_databases() {
    let tmp = tempfile::tempdir().unwrap();
    let foreign = tmp.path().join("foreign.sqlite3");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 2;")
        .unwrap();
    assert_eq!(open_validated(&foreign).unwrap_err().code(), "not_a_database");

    let newer = tmp.path().join("newer.sqlite3");
    Connection::open(&newer)
        .unwrap()
        .execute_batch(&format!(
            "CREATE TABLE t (x); PRAGMA user_version = {};",
            crate::storage::latest_version() + 1
        ))
        .unwrap();
    assert_eq!(open_validated(&newer).unwrap_err().code(), "schema_too_new");

    let good = tmp.path().join("good.sqlite3");
    let mut db = Db::open(&good).unwrap();
    for i in 0..300 {
        crate::ops::sessions::create(&mut db, &run(&format!("run {i} {}", "x".repeat(200))), at(0, 12)).unwrap();
    }
    let b = create(&db, &tmp.path().join("b"), Reason::Manual, at(0, 12)).unwrap();
    let bytes = std::fs::read(tmp.path().join("b").join(&b.name)).unwrap();

    let truncated = tmp.path().join("truncated.sqlite3");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(open_validated(&truncated).unwrap_err().code(), "corrupt");

    let mut damaged = bytes.clone();
    let page = 4096;
    for b in &mut damaged[page * 3..page * 3 + 600] {
        *b = 0xA5;
    }
    let corrupt = tmp.path().join("corrupt.sqlite3");
    std::fs::write(&corrupt, &damaged).unwrap();
    assert_eq!(open_validated(&corrupt).unwrap_err().code(), "corrupt");
}

#[test]
fn a_backup_dated_in_the_future_does_not_stop_daily_backups() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("backups");
    std::fs::create_dir_all(&dir).unwrap();
    // Taken while the clock said 2031.
    std::fs::write(dir.join("aftermile-20310101T000000Z-auto.sqlite3"), b"x").unwrap();
    assert!(due(&dir, at(0, 12)).unwrap(), "no copy from the past day: due");
    std::fs::write(dir.join("aftermile-20260301T080000Z-auto.sqlite3"), b"x").unwrap();
    assert!(!due(&dir, at(0, 12)).unwrap(), "a copy from this morning: not due");
}

#[test]
fn a_file_with_an_extra_trigger_or_view_is_not_restorable() {
    for extra in [
        "CREATE TRIGGER wipe AFTER INSERT ON sessions BEGIN DELETE FROM marks; END;",
        "CREATE VIEW everything AS SELECT * FROM sessions;",
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let db = Db::open(&tmp.path().join("a.sqlite3")).unwrap();
        let info = create(&db, &tmp.path().join("backups"), Reason::Manual, at(0, 12)).unwrap();
        let path = tmp.path().join("backups").join(&info.name);
        open_validated(&path).expect("a plain backup is fine");
        Connection::open(&path).unwrap().execute_batch(extra).unwrap();
        let err = open_validated(&path).unwrap_err();
        assert_eq!(err.code(), "not_a_database", "{extra}");
        assert!(err.to_string().contains("differ from what Aftermile makes"), "{err}");
    }
}
