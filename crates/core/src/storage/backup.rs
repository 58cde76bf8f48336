//! Backups: consistent copies of the database in `<data dir>/backups/` (made by `snapshot`),
//! listing them, rotating them, and checking a file the way a restore must.
//!
//! Rotation keeps
//! the newest copy of each of the last 7 days that have one and of each of the last 4 weeks
//! (automatic and manual copies together). Copies taken before a migration or an import are
//! rotated separately, newest 3 of each, so a burst of daily copies never pushes out the one taken
//! just before an upgrade.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Duration, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::db::Db;
use super::files::{self, PARTIAL};
use super::inspect;
use super::snapshot::{self, parse_name};
pub use super::snapshot::{BackupReason, Reason};
use crate::error::{Error, Result};

pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;
pub const KEEP_EACH_SPECIAL: usize = 3;
/// An automatic copy is taken at start when the newest is older than this.
pub const AUTO_EVERY: Duration = Duration::days(1);

/// One backup file, as the Settings page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The file name inside the backups folder; `restore_backup` takes it back.
    pub name: String,
    #[serde(with = "crate::time::serde_fmt::instant")]
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "number")]
    pub size_bytes: u64,
    pub reason: BackupReason,
    /// The schema version in the file's header.
    pub schema_version: u32,
}

struct Entry {
    path: PathBuf,
    at: DateTime<Utc>,
    reason: Reason,
}

impl Entry {
    fn info(&self) -> Result<BackupInfo> {
        let meta = std::fs::metadata(&self.path)?;
        Ok(BackupInfo {
            name: file_name(&self.path),
            created_at: self.at,
            size_bytes: meta.len(),
            reason: self.reason.kind(),
            schema_version: inspect::header_version(&self.path).unwrap_or(0),
        })
    }
}

pub(super) fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Copies the database into `dir` (created owner-only if missing) and returns the new file.
pub fn create(db: &Db, dir: &Path, reason: Reason, now: DateTime<Utc>) -> Result<BackupInfo> {
    let path = snapshot::take(db.conn(), dir, reason, now)?;
    Entry { path, at: now, reason }.info()
}

fn entries(dir: &Path) -> Result<Vec<Entry>> {
    let read = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut out: Vec<Entry> = read
        .flatten()
        .filter_map(|e| {
            let (at, reason) = parse_name(e.file_name().to_str()?)?;
            e.file_type().ok()?.is_file().then(|| Entry {
                path: e.path(),
                at,
                reason,
            })
        })
        .collect();
    out.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.path.cmp(&a.path)));
    Ok(out)
}

/// Every backup in `dir`, newest first.
pub fn list(dir: &Path) -> Result<Vec<BackupInfo>> {
    entries(dir)?.iter().map(Entry::info).collect()
}

/// The path of a listed backup, refusing anything that is not a plain backup name in `dir`.
pub fn path_of(dir: &Path, name: &str) -> Result<PathBuf> {
    let plain = !name.contains(['/', '\\']) && !name.starts_with('.');
    if !plain || parse_name(name).is_none() {
        return Err(Error::NotFound { what: "Backup" });
    }
    let p = dir.join(name);
    if !p.is_file() {
        return Err(Error::NotFound { what: "Backup" });
    }
    Ok(p)
}

/// True when the newest copy is older than a day, or there is none. A copy dated after `now` (taken
/// while the clock was wrong) says nothing about today, so it does not count.
pub fn due(dir: &Path, now: DateTime<Utc>) -> Result<bool> {
    Ok(entries(dir)?
        .iter()
        .find(|e| e.at <= now)
        .is_none_or(|e| now - e.at >= AUTO_EVERY))
}

/// Deletes what the rotation does not keep (and any copy left half-written). Returns the deleted.
pub fn rotate(dir: &Path) -> Result<Vec<PathBuf>> {
    let all = entries(dir)?;
    let mut keep: BTreeSet<PathBuf> = BTreeSet::new();
    let rotating: Vec<&Entry> = all
        .iter()
        .filter(|e| matches!(e.reason, Reason::Auto | Reason::Manual))
        .collect();
    keep_newest_per(&rotating, KEEP_DAILY, |e| e.at.date_naive().to_string(), &mut keep);
    keep_newest_per(
        &rotating,
        KEEP_WEEKLY,
        |e| {
            let w = e.at.iso_week();
            format!("{}-{}", w.year(), w.week())
        },
        &mut keep,
    );
    for kind in [BackupReason::PreMigration, BackupReason::PreImport] {
        let special: Vec<&Entry> = all.iter().filter(|e| e.reason.kind() == kind).collect();
        keep.extend(special.iter().take(KEEP_EACH_SPECIAL).map(|e| e.path.clone()));
    }
    let mut removed = Vec::new();
    for e in &all {
        if !keep.contains(&e.path) {
            std::fs::remove_file(&e.path)?;
            removed.push(e.path.clone());
        }
    }
    if let Ok(read) = std::fs::read_dir(dir) {
        for e in read.flatten() {
            if e.file_name().to_string_lossy().ends_with(PARTIAL) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    files::sync_dir(dir);
    Ok(removed)
}

/// Keeps the newest entry of each of the `n` newest distinct periods. `sorted` is newest first.
fn keep_newest_per(sorted: &[&Entry], n: usize, period: impl Fn(&Entry) -> String, keep: &mut BTreeSet<PathBuf>) {
    let mut seen: Vec<String> = Vec::new();
    for e in sorted {
        let p = period(e);
        if !seen.contains(&p) {
            if seen.len() == n {
                break;
            }
            seen.push(p);
            keep.insert(e.path.clone());
        }
    }
}

/// Every table, index, view and trigger a database of `version` has, as `type name: sql` with
/// the SQL's whitespace collapsed: built by running this build's own migrations up to `version`.
fn expected_schema(version: u32) -> Result<BTreeSet<String>> {
    let mut conn = Connection::open_in_memory()?;
    super::migrations::up_to(version as usize)
        .to_latest(&mut conn)
        .map_err(|e| Error::Migration(e.to_string()))?;
    schema_of(&conn)
}

fn schema_of(conn: &Connection) -> Result<BTreeSet<String>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let (kind, name, sql): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            Ok(format!(
                "{kind} {name}: {}",
                sql.split_whitespace().collect::<Vec<_>>().join(" ")
            ))
        })?
        .collect::<rusqlite::Result<BTreeSet<_>>>()?;
    Ok(rows)
}

/// Opens `path` read-only after checking it the way a restore must: an SQLite file, a schema this
/// build understands, sound (`quick_check`), and holding exactly the tables, indexes, views and
/// triggers Aftermile's migrations make for its version, nothing more (a trigger slipped into a
/// file could act on every later write). Returns the connection and the schema version. Nothing
/// is written to the file.
pub fn open_validated(path: &Path) -> Result<(Connection, u32)> {
    let label = || file_name(path);
    let not_ours = || Error::NotADatabase { path: label() };
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() > 0 => {}
        Ok(_) => return Err(not_ours()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Error::NotFound { what: "Backup" }),
        Err(e) => return Err(e.into()),
    }
    inspect::check_header(path).map_err(|e| match e {
        Error::NotADatabase { .. } => not_ours(),
        other => other,
    })?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|_| not_ours())?;
    inspect::quick_check(&conn).map_err(|detail| Error::Corrupt { what: label(), detail })?;
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version == 0 {
        return Err(not_ours());
    }
    let have = schema_of(&conn)?;
    let want = expected_schema(version)?;
    if have != want {
        let odd: Vec<&String> = have.symmetric_difference(&want).take(2).collect();
        let what = odd
            .iter()
            .map(|s| s.split(':').next().unwrap_or(s).to_owned())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(Error::NotADatabase {
            path: format!("{} (its {what} differ from what Aftermile makes)", label()),
        });
    }
    Ok((conn, version))
}

/// The newest backup in `dir` that passes `open_validated`, if any.
pub fn newest_valid(dir: &Path) -> Option<BackupInfo> {
    entries(dir)
        .ok()?
        .iter()
        .find(|e| open_validated(&e.path).is_ok())
        .and_then(|e| e.info().ok())
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
