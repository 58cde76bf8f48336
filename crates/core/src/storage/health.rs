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

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::backup::{self, BackupInfo};
use super::db::{Db, OpenOptions};
use super::inspect;
use super::{files, paths};
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

/// A damaged database that was set aside at start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Recovery {
    /// "corrupt", "not_a_database" or "empty_file".
    pub problem: String,
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

    if let Some((problem, detail)) = diagnose(&path, &backups)? {
        let moved = files::set_aside(&path, "damaged", now)?;
        report.recovery = Some(Recovery {
            problem: problem.into(),
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
    if report.recovery.is_none() {
        if let Err(e) = daily_backup(&db, &backups, now) {
            report
                .notices
                .push(format!("Today's automatic backup could not be made: {e}"));
        }
    }
    Ok(Startup { db, report })
}

fn names(paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect()
}

/// `Some((problem, detail))` when the file at `path` must be set aside.
fn diagnose(path: &Path, backups: &Path) -> Result<Option<(&'static str, String)>> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if meta.len() == 0 {
        let had_data = !backup::list(backups).unwrap_or_default().is_empty();
        return Ok(had_data.then(|| ("empty_file", "The database file was empty.".to_owned())));
    }
    match inspect::check_header(path) {
        Ok(()) => {}
        Err(Error::NotADatabase { .. }) => {
            return Ok(Some((
                "not_a_database",
                "The file does not start like an SQLite database.".into(),
            )))
        }
        Err(e) => return Err(e),
    }
    let checked = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| e.to_string())
        .and_then(|c| inspect::quick_check(&c));
    Ok(checked.err().map(|detail| ("corrupt", detail)))
}

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
    Ok(Startup { db, report })
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
