//! Restore tests: the swap, a refused file, a reopen that fails, and a kill at every step.

use std::path::Path;
use std::process::Command;

use chrono::{Duration, TimeZone};
use rusqlite::Connection;

use super::*;
use crate::sessions::{self, SessionDetails, SessionInput};
use crate::storage::backup::{create, Reason};
use crate::storage::Db;

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

/// A database holding `kept` (also in the backup) and `later` (written after the backup).
struct Scene {
    path: PathBuf,
    backup: PathBuf,
    kept: String,
    later: String,
}

fn scene(dir: &Path) -> Scene {
    let path = dir.join("aftermile.sqlite3");
    let mut db = Db::open(&path).unwrap();
    let kept = crate::ops::sessions::create(&mut db, &run("before the backup"), at(0, 12))
        .unwrap()
        .id;
    let b = create(&db, &dir.join("backups"), Reason::Manual, at(0, 12)).unwrap();
    let later = crate::ops::sessions::create(&mut db, &run("after the backup"), at(0, 13))
        .unwrap()
        .id;
    Scene {
        path,
        backup: dir.join("backups").join(b.name),
        kept,
        later,
    }
}

fn has(db: &Db, id: &str) -> bool {
    sessions::get(db, id).is_ok()
}

#[test]
fn restore_swaps_in_the_backup_and_keeps_the_replaced_database() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("aftermile.sqlite3");
    let mut db = Handle::new(Db::open(&path).unwrap());
    let kept = crate::ops::sessions::create(db.db().unwrap(), &run("before the backup"), at(0, 12)).unwrap();
    let dir = tmp.path().join("backups");
    let b = create(db.db().unwrap(), &dir, Reason::Manual, at(0, 12)).unwrap();
    crate::ops::sessions::delete(db.db().unwrap(), &kept.id, crate::time::now()).unwrap();
    let later = crate::ops::sessions::create(db.db().unwrap(), &run("after the backup"), at(0, 13)).unwrap();

    let out = restore(&mut db, &dir.join(&b.name), at(0, 14)).unwrap();
    assert_eq!(out.restored_from, b.name);
    assert_eq!(
        sessions::get(db.db().unwrap(), &kept.id).unwrap().notes,
        "before the backup"
    );
    assert_eq!(
        sessions::get(db.db().unwrap(), &later.id).unwrap_err().code(),
        "not_found"
    );
    assert_eq!(db.db().unwrap().path(), Some(path.as_path()));
    // Still the real file, in WAL mode, writable.
    crate::ops::sessions::create(db.db().unwrap(), &run("after the restore"), at(0, 15)).unwrap();
    assert_eq!(out.set_aside, ["aftermile-replaced-20260301T140000Z.sqlite3"]);
    let old = Connection::open(tmp.path().join(&out.set_aside[0])).unwrap();
    let n: i64 = old
        .query_row("SELECT count(*) FROM sessions WHERE id = ?1", [&later.id], |r| r.get(0))
        .unwrap();
    assert_eq!(
        n, 1,
        "the replaced database still holds what was written after the backup"
    );
    assert!(!tmp.path().join("aftermile.sqlite3.restoring").exists());
}

#[test]
fn a_refused_restore_leaves_the_open_database_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("aftermile.sqlite3");
    let mut db = Handle::new(Db::open(&path).unwrap());
    let s = crate::ops::sessions::create(db.db().unwrap(), &run("mine"), at(0, 12)).unwrap();
    let bad = tmp.path().join("aftermile-20260301T010000Z-manual.sqlite3");
    std::fs::write(&bad, b"not a database at all, sorry").unwrap();
    assert_eq!(restore(&mut db, &bad, at(0, 13)).unwrap_err().code(), "not_a_database");
    assert_eq!(sessions::get(db.db().unwrap(), &s.id).unwrap().notes, "mine");
    let files: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("replaced") || n.ends_with(".restoring"))
        .collect();
    assert!(files.is_empty(), "{files:?}");
}

#[test]
fn a_reopen_that_fails_leaves_the_database_closed_and_refuses_writes() {
    let tmp = tempfile::tempdir().unwrap();
    let s = scene(tmp.path());
    let mut handle = Handle::new(Db::open(&s.path).unwrap());
    fault::fail_at("reopen", 1);
    let err = restore(&mut handle, &s.backup, at(0, 14)).unwrap_err();
    assert_eq!(err.code(), "closed", "{err}");
    assert!(
        err.to_string().contains("previous data is kept as aftermile-replaced-"),
        "{err}"
    );
    assert!(!handle.is_open());
    let write = handle
        .db()
        .and_then(|db| crate::ops::sessions::create(db, &run("lost?"), at(0, 15)));
    assert_eq!(
        write.unwrap_err().code(),
        "closed",
        "a write is refused, not taken by a stand-in"
    );
    // Retrying works once the cause is gone, and the restored data is there.
    handle.reopen().unwrap();
    let db = handle.db().unwrap();
    assert!(has(db, &s.kept) && !has(db, &s.later));
}

#[test]
fn a_failure_before_the_swap_reopens_the_old_database_as_it_was() {
    for step in [1, 2, 3] {
        let tmp = tempfile::tempdir().unwrap();
        let s = scene(tmp.path());
        let mut handle = Handle::new(Db::open(&s.path).unwrap());
        fault::fail_at("restore", step);
        assert!(restore(&mut handle, &s.backup, at(0, 14)).is_err(), "step {step}");
        let db = handle.db().unwrap();
        assert!(
            has(db, &s.kept) && has(db, &s.later),
            "step {step}: the old data is open"
        );
        let left: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("replaced") || n.ends_with(".restoring"))
            .collect();
        assert!(left.is_empty(), "step {step}: {left:?}");
    }
}

const CHILD_ENV: &str = "AFTERMILE_RESTORE_CHILD";

/// The child process of `a_kill_at_any_step_leaves_either_database_whole`: restores, and is
/// aborted by `AFTERMILE_FAULT` part-way. Does nothing in a normal test run.
#[test]
fn restore_child() {
    #[allow(clippy::disallowed_methods)]
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let mut handle = Handle::new(Db::open(&dir.join("aftermile.sqlite3")).unwrap());
    let backup = std::fs::read_to_string(dir.join("backup-path")).unwrap();
    let _ = restore(&mut handle, Path::new(&backup), at(0, 14));
    // Reaching here means the fault was not hit: the restore finished.
    std::process::exit(3);
}

#[cfg(unix)]
#[test]
fn a_kill_at_any_step_leaves_either_database_whole() {
    for step in 1..=4 {
        let tmp = tempfile::tempdir().unwrap();
        let s = scene(tmp.path());
        std::fs::write(tmp.path().join("backup-path"), s.backup.to_string_lossy().as_bytes()).unwrap();
        let status = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "storage::restore::tests::restore_child",
                "--test-threads=1",
                "--nocapture",
            ])
            .env(CHILD_ENV, tmp.path())
            .env("AFTERMILE_FAULT", format!("restore:{step}"))
            .output()
            .unwrap();
        assert!(!status.status.success(), "step {step}: the child was not killed");
        assert_ne!(
            status.status.code(),
            Some(3),
            "step {step}: the fault point was never reached"
        );

        // The next start finds one whole database at the path: the old one or the restored one.
        let started = crate::storage::health::start(tmp.path(), &crate::storage::health::Checks::default(), at(0, 15));
        let _ = started;
        let db = Db::open(&s.path).unwrap();
        assert!(has(&db, &s.kept), "step {step}: the data both databases share is there");
        let old = has(&db, &s.later);
        if step < 4 {
            assert!(old, "step {step}: before the swap the old database is in place");
        } else {
            assert!(!old, "step {step}: after the swap the restored database is in place");
            let aside: Vec<_> = std::fs::read_dir(tmp.path())
                .unwrap()
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().contains("-replaced-"))
                .collect();
            assert_eq!(aside.len(), 1, "step {step}: the replaced database is kept");
            let c = Connection::open(aside[0].path()).unwrap();
            let n: i64 = c
                .query_row("SELECT count(*) FROM sessions WHERE id = ?1", [&s.later], |r| r.get(0))
                .unwrap();
            assert_eq!(n, 1, "step {step}: and it is whole");
        }
    }
}
