//! Restoring a backup in place of the open database.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::backup::{file_name, open_validated};
use super::db::Db;
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

/// Replaces the open database with a copy of `backup`, reopening `db` in place.
///
/// The file is validated first and copied beside the database (`VACUUM INTO` from the validated
/// read-only connection, so a backup in WAL mode brings its log along); only then is the current
/// database closed and set aside, and the copy renamed into its place. Any failure before the
/// swap leaves the current database open and unchanged.
pub fn restore(db: &mut Db, backup: &Path, now: DateTime<Utc>) -> Result<RestoreOutcome> {
    if db.is_read_only() {
        return Err(Error::ReadOnly);
    }
    let path = db.path().ok_or(Error::NotFound { what: "Database file" })?.to_owned();
    let (src, schema_version) = open_validated(backup)?;
    let staged = PathBuf::from(format!("{}.restoring", path.display()));
    let _ = std::fs::remove_file(&staged);
    let staging = snapshot::copy_into(&src, &staged).and_then(|()| {
        files::make_private(&staged);
        files::sync_file(&staged)
    });
    drop(src);
    if let Err(e) = staging {
        let _ = std::fs::remove_file(&staged);
        return Err(e);
    }

    let opts = db.options().clone();
    // Closing checkpoints the WAL, so the set-aside file is whole on its own.
    drop(std::mem::replace(db, Db::open_in_memory()?));
    let moved = match files::set_aside(&path, "replaced", now) {
        Ok(m) => m,
        Err(e) => {
            let _ = std::fs::remove_file(&staged);
            *db = Db::open_with(&path, &opts)?;
            return Err(e);
        }
    };
    let swapped = std::fs::rename(&staged, &path).map_err(Error::from).and_then(|()| {
        files::sync_dir(path.parent().unwrap_or(Path::new(".")));
        Db::open_with(&path, &opts)
    });
    match swapped {
        Ok(new) => *db = new,
        Err(e) => {
            // Put the old database back where it was.
            let _ = std::fs::remove_file(&path);
            let _ = std::fs::remove_file(&staged);
            let [wal, shm] = files::sidecars(&path);
            for from in &moved {
                let name = from.to_string_lossy();
                let to = if name.ends_with("-wal") {
                    &wal
                } else if name.ends_with("-shm") {
                    &shm
                } else {
                    &path
                };
                let _ = std::fs::rename(from, to);
            }
            *db = Db::open_with(&path, &opts)?;
            return Err(e);
        }
    }
    Ok(RestoreOutcome {
        restored_from: file_name(backup),
        schema_version,
        set_aside: moved.iter().map(|p| file_name(p)).collect(),
    })
}
