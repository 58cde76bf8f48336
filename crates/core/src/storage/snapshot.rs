//! A consistent copy of a database, the way every backup is made: `VACUUM INTO` reads one
//! snapshot in a read transaction, so the copy is consistent even while the app keeps writing,
//! and the result is a single self-contained file (no `-wal`). It goes through the atomic write
//! in `files`, so a half-written copy never looks like a backup.
//!
//! This module is a leaf: it takes a plain connection, not the `Db` it copies, so `db` can take
//! the copy before a migration without the two needing each other.
//!
//! Names carry the time and the reason: `aftermile-20260419T073000Z-auto.sqlite3`.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::{files, paths};
use crate::error::{Error, Result};

const PREFIX: &str = "aftermile-";
const EXT: &str = ".sqlite3";
const STAMP: &str = "%Y%m%dT%H%M%SZ";

/// Why a copy was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Auto,
    Manual,
    /// Before migrating from this schema version.
    PreMigration(u32),
    PreImport,
}

/// `Reason` without its data, as the UI lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    Auto,
    Manual,
    PreMigration,
    PreImport,
}

impl Reason {
    fn tag(self) -> String {
        match self {
            Reason::Auto => "auto".into(),
            Reason::Manual => "manual".into(),
            Reason::PreMigration(v) => format!("pre-migration-v{v}"),
            Reason::PreImport => "pre-import".into(),
        }
    }

    fn parse(tag: &str) -> Option<Reason> {
        match tag {
            "auto" => Some(Reason::Auto),
            "manual" => Some(Reason::Manual),
            "pre-import" => Some(Reason::PreImport),
            t => t
                .strip_prefix("pre-migration-v")?
                .parse()
                .ok()
                .map(Reason::PreMigration),
        }
    }

    pub fn kind(self) -> BackupReason {
        match self {
            Reason::Auto => BackupReason::Auto,
            Reason::Manual => BackupReason::Manual,
            Reason::PreMigration(_) => BackupReason::PreMigration,
            Reason::PreImport => BackupReason::PreImport,
        }
    }
}

/// Copies the database behind `conn` into `dir` (created owner-only if missing) under a new name
/// for `now` and `reason`, never over an existing file. Returns the new file.
pub fn take(conn: &Connection, dir: &Path, reason: Reason, now: DateTime<Utc>) -> Result<PathBuf> {
    paths::create_private_dir(dir)?;
    let mut target = dir.join(name_for(now, reason));
    let mut n = 2;
    while target.exists() {
        target = dir.join(format!("{PREFIX}{}-{}-{n}{EXT}", now.format(STAMP), reason.tag()));
        n += 1;
    }
    files::write_atomic(&target, |tmp| copy_into(conn, tmp))?;
    Ok(target)
}

/// The file name a backup taken at `now` for `reason` gets (before any same-second counter).
pub fn name_for(now: DateTime<Utc>, reason: Reason) -> String {
    format!("{PREFIX}{}-{}{EXT}", now.format(STAMP), reason.tag())
}

/// `VACUUM INTO`: one consistent snapshot, written as a fresh single-file database at `target`.
pub fn copy_into(conn: &Connection, target: &Path) -> Result<()> {
    let target = target
        .to_str()
        .ok_or_else(|| Error::Io(std::io::Error::other("the backup path is not valid UTF-8")))?;
    conn.execute("VACUUM INTO ?1", [target])?;
    Ok(())
}

/// The time and reason in a backup's file name, or `None` for any other name.
pub fn parse_name(name: &str) -> Option<(DateTime<Utc>, Reason)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(EXT)?;
    let (stamp, tag) = rest.split_once('-')?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    // A same-second duplicate carries a counter: "manual-2".
    let reason = Reason::parse(tag).or_else(|| Reason::parse(tag.rsplit_once('-')?.0))?;
    Some((at, reason))
}
