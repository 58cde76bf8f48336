//! Start-up: open the runner's database, or recover from a bad one without losing a byte.
//!
//! In order:
//! 1. If the data folder can't be written (a read-only mount, a locked-down folder), the database
//!    is opened read-only: the runner can still read their log, and every write says why it fails.
//! 2. Sidecars (`-wal`, `-shm`) without a database are set aside, so they can't attach to a new one.
//! 3. The file is checked before SQLite writes anything to it: a file that is not SQLite, or that
//!    fails `PRAGMA quick_check` (read through a read-only connection), is set aside intact with its
//!    sidecars, a new empty database is created, and the newest backup that validates is offered.
//!    (The `-shm` file is only SQLite's index of the `-wal`, with no data of its own: the read-only
//!    check may rebuild it. The database file and its `-wal` are set aside byte for byte.)
//!    A file from a newer app version is refused and left alone (`Error::SchemaTooNew`).
//! 4. A zero-byte file is what SQLite leaves when it created a database but never wrote to it, so
//!    with no backups around it is simply a new database. With backups around, the runner had data
//!    before, and something emptied the file (a sync tool, a failing disk): that is treated like a
//!    damaged file, so the runner is offered their backup instead of silently starting empty.
//! 5. The database is opened (migrating after a backup), and if the newest backup is more than a
//!    day old a new one is taken and the backups are rotated. A failed backup (a full disk) does not
//!    stop the app: it becomes a notice. A full disk during opening falls back to read-only.
//!
//! Before any of that the data folder's lock is taken (`lock`): a second process is told the data
//! is in use and touches nothing. Only SQLite's own verdicts (corrupt, not a database, a quick
//! check that is not "ok") or a file that is plainly not Aftermile's set a file aside; anything
//! else (the file is busy, locked, unreadable) is reported with the file left where it is.
//! A restore that was interrupted leaves its staged copy (`<db>.restoring`): with the database in
//! place it is removed and reported; with no database, it is kept as a backup and offered.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::backup::{self, BackupInfo};
use super::db::{Db, OpenOptions};
use super::inspect;
use super::lock::{self, DataLock};
use super::{files, paths, restore, snapshot};
use crate::error::{Error, Result};

/// What happened at start, for the UI.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartupReport {
    /// Where the data lives.
    pub data_dir: String,
    /// The database is open read-only; `notices` says why.
    pub read_only: bool,
    /// Things the runner should know, in words (a failed daily backup, read-only mode).
    pub notices: Vec<String>,
    /// Set when the database was damaged and set aside.
    pub recovery: Option<Recovery>,
}

/// Why start-up needs the runner to choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RecoveryProblem {
    /// SQLite found the file damaged.
    Corrupt,
    /// Not an SQLite file, or another program's database.
    NotADatabase,
    /// The file was emptied although backups show there was data.
    EmptyFile,
    /// A restore stopped before its copy was in place; the copy is offered.
    InterruptedRestore,
    /// No database at its path, but a copy Aftermile set aside earlier is there; it is offered.
    MissingDatabase,
}

impl RecoveryProblem {
    pub fn as_str(self) -> &'static str {
        match self {
            RecoveryProblem::Corrupt => "corrupt",
            RecoveryProblem::NotADatabase => "not_a_database",
            RecoveryProblem::EmptyFile => "empty_file",
            RecoveryProblem::InterruptedRestore => "interrupted_restore",
            RecoveryProblem::MissingDatabase => "missing_database",
        }
    }
}

/// A damaged database that was set aside at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Recovery {
    pub problem: RecoveryProblem,
    /// What SQLite or the header check found.
    pub detail: String,
    /// The set-aside files, in the database folder.
    pub set_aside: Vec<String>,
    /// The newest backup that validates, to offer.
    pub newest_backup: Option<BackupInfo>,
}

pub struct Startup {
    pub db: Db,
    pub report: StartupReport,
    /// The data folder's lock, held for as long as the database is in use (none when read-only).
    pub lock: Option<DataLock>,
}

/// Environment checks, injectable so tests can take paths that root (which ignores permissions)
/// can't otherwise reach.
pub struct Checks {
    /// Whether files can be created in this directory.
    pub writable: fn(&Path) -> bool,
}

impl Default for Checks {
    fn default() -> Self {
        Checks {
            writable: probe_writable,
        }
    }
}

/// Tries to create and remove a file: permissions alone don't tell (root, read-only mounts, ACLs).
pub fn probe_writable(dir: &Path) -> bool {
    let probe = dir.join(".aftermile-write-probe");
    let ok = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(&probe)
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"x"))
        .is_ok();
    let _ = std::fs::remove_file(&probe);
    ok
}

/// Opens the database under `data_dir` as described in the module docs.
pub fn start(data_dir: &Path, checks: &Checks, now: DateTime<Utc>) -> Result<Startup> {
    let path = data_dir.join("db").join(paths::DB_FILE);
    let backups = paths::backups_dir(data_dir);
    let mut report = StartupReport {
        data_dir: data_dir.display().to_string(),
        ..Default::default()
    };
    let prepared = paths::prepare_db_path(data_dir);
    let writable = prepared.is_ok() && (checks.writable)(path.parent().unwrap_or(data_dir));
    if !writable {
        return open_read_only(&path, backups, report, "The data folder can't be written to");
    }
    let lock = lock::acquire(data_dir)?;
    let opts = OpenOptions {
        backups: Some(backups.clone()),
        read_only: false,
    };

    let [wal, shm] = files::sidecars(&path);
    if !path.exists() && (wal.exists() || shm.exists()) {
        // With the main file gone, set_aside moves just the sidecars, under one new name.
        let moved = files::set_aside(&path, "orphan", now)?;
        report.notices.push(format!(
            "Leftover database files without a database were set aside: {}.",
            names(&moved).join(", ")
        ));
    }

    let staged = restore::staged_path(&path);
    if staged.exists() {
        if path.exists() {
            let _ = std::fs::remove_file(&staged);
            report.notices.push(
                "A restore was interrupted before it finished; your data is as it was. Restore again from \
                 Settings if you still want to."
                    .into(),
            );
        } else if let Some(kept) = keep_staged(&staged, &backups, now) {
            report.recovery = Some(Recovery {
                problem: RecoveryProblem::InterruptedRestore,
                detail: "Aftermile stopped while it was restoring a backup, before the database was in place.".into(),
                set_aside: Vec::new(),
                newest_backup: Some(kept),
            });
        } else {
            // The copy is incomplete: kept under a name of its own, and the newest backup offered,
            // rather than starting on an empty database as if nothing had been there.
            let moved = files::set_aside(&staged, "unfinished-restore", now)?;
            report.recovery = Some(Recovery {
                problem: RecoveryProblem::InterruptedRestore,
                detail: "Aftermile stopped while it was restoring a backup, and the copy it was putting in place \
                         is incomplete."
                    .into(),
                set_aside: names(&moved),
                newest_backup: backup::newest_valid(&backups),
            });
        }
    }

    if report.recovery.is_none() && !path.exists() {
        report.recovery = lone_set_aside(&path, &backups, now);
    }

    if let Some((problem, detail)) = diagnose(&path, &backups)? {
        let moved = files::set_aside(&path, "damaged", now)?;
        report.recovery = Some(Recovery {
            problem,
            detail,
            set_aside: names(&moved),
            newest_backup: backup::newest_valid(&backups),
        });
    }

    let db = match Db::open_with(&path, &opts) {
        Ok(db) => db,
        Err(Error::DiskFull) if path.exists() => {
            return open_read_only(&path, backups, report, "The disk is full");
        }
        Err(e) => return Err(e),
    };
    if !db.in_wal_mode() {
        report.notices.push(
            "This folder's file system can't keep Aftermile's write-ahead log, so saving is slower and a \
             power cut is riskier. Move the data folder to a local disk if you can."
                .into(),
        );
    }
    if report.recovery.is_none() {
        if let Err(e) = daily_backup(&db, &backups, now) {
            report
                .notices
                .push(format!("Today's automatic backup could not be made: {e}"));
        }
    }
    Ok(Startup {
        db,
        report,
        lock: Some(lock),
    })
}

/// Moves a whole staged restore into the backups folder, where the recovery screen can offer it.
fn keep_staged(staged: &Path, backups: &Path, now: DateTime<Utc>) -> Option<BackupInfo> {
    backup::open_validated(staged).ok()?;
    paths::create_private_dir(backups).ok()?;
    let name = snapshot::name_for(now, snapshot::Reason::Manual);
    let target = backups.join(&name);
    std::fs::rename(staged, &target).ok()?;
    files::sync_dir(backups);
    backup::list(backups).ok()?.into_iter().find(|b| b.name == name)
}

/// With no database at `db`: the newest copy Aftermile set aside beside it (the one a restore
/// replaced, else a damaged one), offered through the backups folder. A replaced copy that is
/// whole is itself offered; otherwise the newest good backup is.
fn lone_set_aside(db: &Path, backups: &Path, now: DateTime<Utc>) -> Option<Recovery> {
    let dir = db.parent()?;
    let stem = db.file_stem()?.to_str()?;
    let mut found: Vec<(bool, String)> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".sqlite3"))
        .filter_map(|n| {
            let replaced = n.starts_with(&format!("{stem}-replaced-"));
            let damaged = n.starts_with(&format!("{stem}-damaged-"));
            (replaced || damaged).then_some((replaced, n))
        })
        .collect();
    // Replaced copies first, then the newest (the names end in their time).
    found.sort();
    let (replaced, newest) = found.pop()?;
    let offered = if replaced {
        keep_copy(&dir.join(&newest), backups, now).or_else(|| backup::newest_valid(backups))
    } else {
        backup::newest_valid(backups)
    };
    Some(Recovery {
        problem: RecoveryProblem::MissingDatabase,
        detail: format!("The database file is missing; Aftermile's own earlier copy {newest} is still there."),
        set_aside: vec![newest],
        newest_backup: offered,
    })
}

/// A whole copy of `file` in the backups folder, where the recovery screen can offer it; `file`
/// stays where it is.
fn keep_copy(file: &Path, backups: &Path, now: DateTime<Utc>) -> Option<BackupInfo> {
    backup::open_validated(file).ok()?;
    paths::create_private_dir(backups).ok()?;
    let name = snapshot::name_for(now, snapshot::Reason::Manual);
    let target = backups.join(&name);
    files::link_or_copy(file, &target).ok()?;
    files::sync_dir(backups);
    backup::list(backups).ok()?.into_iter().find(|b| b.name == name)
}

fn names(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect()
}

/// `Some((problem, detail))` when the file at `path` must be set aside.
/// `Some((problem, detail))` when the file at `path` must be set aside; `Err` when it could not be
/// checked (busy, locked, unreadable), in which case nothing is moved.
fn diagnose(path: &Path, backups: &Path) -> Result<Option<(RecoveryProblem, String)>> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if meta.len() == 0 {
        let had_data = !backup::list(backups).unwrap_or_default().is_empty();
        return Ok(had_data.then(|| (RecoveryProblem::EmptyFile, "The database file was empty.".to_owned())));
    }
    match inspect::check_header(path) {
        Ok(()) => {}
        Err(Error::NotADatabase { .. }) => {
            return Ok(Some((
                RecoveryProblem::NotADatabase,
                "The file does not start like an SQLite database.".into(),
            )))
        }
        Err(e) => return Err(e),
    }
    let damaged = |e: &rusqlite::Error| {
        matches!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
        )
    };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    // Another process writing (or a checkpoint) is not damage: wait a little, then report it.
    conn.busy_timeout(CHECK_BUSY_TIMEOUT)?;
    match inspect::run_quick_check(&conn) {
        Ok(Ok(())) => {}
        Ok(Err(detail)) => return Ok(Some((RecoveryProblem::Corrupt, detail))),
        Err(e) if damaged(&e) => return Ok(Some((RecoveryProblem::Corrupt, e.to_string()))),
        Err(e) => return Err(e.into()),
    }
    match inspect::foreign(&conn) {
        Ok(Some(tables)) => Ok(Some((
            RecoveryProblem::NotADatabase,
            format!("The file is another program's database (it holds {tables})."),
        ))),
        Ok(None) => Ok(None),
        Err(e) if damaged(&e) => Ok(Some((RecoveryProblem::Corrupt, e.to_string()))),
        Err(e) => Err(e.into()),
    }
}

/// How long the start-up check waits for another process's write before giving up (and moving
/// nothing).
const CHECK_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);

fn open_read_only(path: &Path, backups: PathBuf, mut report: StartupReport, why: &str) -> Result<Startup> {
    if !path.exists() {
        return Err(Error::ReadOnly);
    }
    let opts = OpenOptions {
        backups: Some(backups),
        read_only: true,
    };
    let db = Db::open_with(path, &opts)?;
    report.read_only = true;
    report.notices.push(format!(
        "{why}, so Aftermile opened your data read-only. You can browse everything; changes can't be saved until that is fixed."
    ));
    Ok(Startup { db, report, lock: None })
}

/// Takes the daily copy when due, then rotates. An empty database is not worth a copy, and must
/// not push a good one out of the rotation.
fn daily_backup(db: &Db, dir: &Path, now: DateTime<Utc>) -> Result<()> {
    let has_data: bool = db.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM sessions) OR EXISTS (SELECT 1 FROM marks)
            OR EXISTS (SELECT 1 FROM reminders)",
        [],
        |r| r.get(0),
    )?;
    if has_data && backup::due(dir, now)? {
        backup::create(db, dir, backup::Reason::Auto, now)?;
        backup::rotate(dir)?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "health_tests.rs"]
mod tests;
