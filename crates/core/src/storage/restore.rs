//! Restoring a backup in place of the open database, crash-safe at every step: the database path
//! always holds a whole database, the old one or the restored one, and the old one is kept.
//!
//! 1. The backup is validated (`backup::open_validated`) and copied beside the database as
//!    `<db>.restoring` (`VACUUM INTO` from the validated read-only connection, so a backup in WAL
//!    mode brings its log along), flushed.
//! 2. The live database is closed, which checkpoints its log into the file.
//! 3. The live file gets a second name, `aftermile-replaced-<time>.sqlite3` (a hard link, or a copy),
//!    and the directory is flushed.
//! 4. The staged copy is renamed over the database path: one atomic step, then flushed.
//! 5. The database is opened again. If that fails, the handle stays closed and says why.
//!
//! `fault::point("restore", n)` marks the end of steps 1–4, so the tests can kill the process
//! there.
//!
//! A crash before step 4 leaves the old database in place (and perhaps a stale `.restoring` and a
//! second name for the old file, which start-up tidies and reports); a crash after it leaves the
//! restored one, with the old one kept under its new name. Any failure before step 4 puts things
//! back as they were and reopens the old database.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::backup::{file_name, open_validated};
use super::fault;
use super::handle::Handle;
use super::{files, snapshot};
use crate::error::{Error, Result};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreOutcome {
    /// The file restored from.
    pub restored_from: String,
    pub schema_version: u32,
    /// Where the database that was replaced now lives (it is kept, renamed).
    pub set_aside: Vec<String>,
}

/// Where a restore stages the copy it is about to swap in.
pub fn staged_path(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.restoring", db.display()))
}

/// Replaces the open database with a copy of `backup`, as the module docs describe.
pub fn restore(handle: &mut Handle, backup: &Path, now: DateTime<Utc>) -> Result<RestoreOutcome> {
    restore_prepared(handle, backup, now, |_| Ok(()))
}

/// `restore`, with `prepare` run on the staged copy (in one transaction, before it is swapped in)
/// when its schema is this build's: a change the restored data needs is then in the file before
/// it becomes the database, so no crash or failed reopen can leave the data without it.
pub fn restore_prepared(
    handle: &mut Handle,
    backup: &Path,
    now: DateTime<Utc>,
    prepare: impl FnOnce(&Connection) -> Result<()>,
) -> Result<RestoreOutcome> {
    let db = handle.db()?;
    if db.is_read_only() {
        return Err(Error::ReadOnly);
    }
    let path = db.path().ok_or(Error::NotFound { what: "Database file" })?.to_owned();
    let (src, schema_version) = open_validated(backup)?;
    let staged = staged_path(&path);
    let _ = std::fs::remove_file(&staged);
    let staging = snapshot::copy_into(&src, &staged).and_then(|()| {
        files::make_private(&staged);
        if schema_version == super::latest_version() {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(&staged, flags)?;
            conn.execute_batch("BEGIN IMMEDIATE")?;
            prepare(&conn)?;
            conn.execute_batch("COMMIT")?;
        }
        files::sync_file(&staged)?;
        fault::point("restore", 1)
    });
    drop(src);
    if let Err(e) = staging {
        let _ = std::fs::remove_file(&staged);
        return Err(e);
    }

    handle.close("a restore was replacing it")?;
    let aside = set_aside_name(&path, now);
    let swapped = swap(&path, &staged, &aside);
    if let Err(e) = swapped {
        // Nothing was replaced: the old database is still at its path. Tidy and reopen it.
        let _ = std::fs::remove_file(&staged);
        if aside.exists() && path.exists() {
            let _ = std::fs::remove_file(&aside);
        }
        handle.reopen()?;
        return Err(e);
    }
    fault::point("restore", 4)
        .and_then(|()| handle.reopen())
        .map_err(|e| Error::Closed {
            why: format!(
                "the restored database could not be opened ({e}); your previous data is kept as {}",
                file_name(&aside)
            ),
        })?;
    Ok(RestoreOutcome {
        restored_from: file_name(backup),
        schema_version,
        set_aside: vec![file_name(&aside)],
    })
}

/// Steps 2–4, with the live database closed.
fn swap(path: &Path, staged: &Path, aside: &Path) -> Result<()> {
    fault::point("restore", 2)?;
    let [wal, shm] = files::sidecars(path);
    // Closing the last connection checkpoints the log and removes it. A log still holding frames
    // (another process has the file open) must not meet the new file: stop here.
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(Error::Busy);
    }
    files::link_or_copy(path, aside)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    files::sync_dir(dir);
    fault::point("restore", 3)?;
    let _ = std::fs::remove_file(&wal);
    let _ = std::fs::remove_file(&shm);
    std::fs::rename(staged, path)?;
    files::sync_dir(dir);
    Ok(())
}

fn set_aside_name(db: &Path, now: DateTime<Utc>) -> PathBuf {
    let dir = db.parent().unwrap_or(Path::new("."));
    let stem = db.file_stem().and_then(|s| s.to_str()).unwrap_or("aftermile");
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let mut target = dir.join(format!("{stem}-replaced-{stamp}.sqlite3"));
    let mut n = 2;
    while target.exists() {
        target = dir.join(format!("{stem}-replaced-{stamp}-{n}.sqlite3"));
        n += 1;
    }
    target
}

#[cfg(test)]
#[path = "restore_tests.rs"]
mod tests;
