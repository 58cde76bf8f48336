//! Backups: consistent copies of the database in `<data dir>/backups/`, and restoring one.
//!
//! A copy is made with `VACUUM INTO`, which reads one snapshot in a read transaction, so it is
//! consistent even while the app keeps writing, and the result is a single self-contained file
//! (no `-wal`). It is written under a temporary name, fsynced, then renamed, so a half-written
//! copy never looks like a backup.
//!
//! Names carry the time and the reason: `aftermile-20260419T073000Z-auto.sqlite3`. Rotation keeps
//! the newest copy of each of the last 7 days that have one and of each of the last 4 weeks
//! (automatic and manual copies together). Copies taken before a migration or an import are
//! rotated separately, newest 3 of each, so a burst of daily copies never pushes out the one taken
//! just before an upgrade.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::db::{self, Db};
use crate::error::{Error, Result};
use crate::files;

pub const DIR: &str = "backups";
const PREFIX: &str = "aftermile-";
const EXT: &str = ".sqlite3";
const PARTIAL: &str = ".partial";
const STAMP: &str = "%Y%m%dT%H%M%SZ";
pub const KEEP_DAILY: usize = 7;
pub const KEEP_WEEKLY: usize = 4;
pub const KEEP_EACH_SPECIAL: usize = 3;
/// An automatic copy is taken at start when the newest is older than this.
pub const AUTO_EVERY: Duration = Duration::days(1);

/// Why a copy was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    Auto,
    Manual,
    /// Before migrating from this schema version.
    PreMigration(u32),
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

    fn kind(self) -> &'static str {
        match self {
            Reason::Auto => "auto",
            Reason::Manual => "manual",
            Reason::PreMigration(_) => "pre_migration",
            Reason::PreImport => "pre_import",
        }
    }
}

/// One backup file, as the Settings page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The file name inside the backups folder; `restore_backup` takes it back.
    pub name: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// "auto", "manual", "pre_migration" or "pre_import".
    pub reason: String,
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
            created_at: self.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            size_bytes: meta.len(),
            reason: self.reason.kind().into(),
            schema_version: header_version(&self.path).unwrap_or(0),
        })
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Copies the database into `dir` (created owner-only if missing) and returns the new file.
pub fn create(db: &Db, dir: &Path, reason: Reason, now: DateTime<Utc>) -> Result<BackupInfo> {
    crate::paths::create_private_dir(dir)?;
    let stamp = now.format(STAMP).to_string();
    let mut target = dir.join(format!("{PREFIX}{stamp}-{}{EXT}", reason.tag()));
    let mut n = 2;
    while target.exists() {
        target = dir.join(format!("{PREFIX}{stamp}-{}-{n}{EXT}", reason.tag()));
        n += 1;
    }
    let partial = dir.join(format!(".{}{PARTIAL}", file_name(&target)));
    let _ = std::fs::remove_file(&partial);
    let written = copy_into(db.conn(), &partial).and_then(|()| {
        files::make_private(&partial);
        files::sync_file(&partial)?;
        std::fs::rename(&partial, &target)?;
        files::sync_dir(dir);
        Ok(())
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    Entry {
        path: target,
        at: now,
        reason,
    }
    .info()
}

/// `VACUUM INTO`: one consistent snapshot, written as a fresh single-file database.
fn copy_into(conn: &Connection, target: &Path) -> Result<()> {
    let target = target
        .to_str()
        .ok_or_else(|| Error::Io(std::io::Error::other("the backup path is not valid UTF-8")))?;
    conn.execute("VACUUM INTO ?1", [target])?;
    Ok(())
}

fn parse_name(name: &str) -> Option<(DateTime<Utc>, Reason)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(EXT)?;
    let (stamp, tag) = rest.split_once('-')?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    // A same-second duplicate carries a counter: "manual-2".
    let reason = Reason::parse(tag).or_else(|| Reason::parse(tag.rsplit_once('-')?.0))?;
    Some((at, reason))
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

/// True when the newest copy is older than a day, or there is none.
pub fn due(dir: &Path, now: DateTime<Utc>) -> Result<bool> {
    Ok(entries(dir)?.first().is_none_or(|e| now - e.at >= AUTO_EVERY))
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
    for kind in ["pre_migration", "pre_import"] {
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

/// The tables each schema version has; a file without them is not an Aftermile database.
fn required_tables(version: u32) -> &'static [&'static str] {
    match version {
        1 => &["sessions", "session_focus_regions", "settings"],
        2 => &["sessions", "session_focus_regions", "settings", "marks"],
        _ => &["sessions", "session_focus_regions", "settings", "marks", "reminders"],
    }
}

fn header_version(path: &Path) -> Option<u32> {
    use std::io::Read;
    let mut h = [0u8; 64];
    std::fs::File::open(path).ok()?.read_exact(&mut h).ok()?;
    Some(u32::from_be_bytes([h[60], h[61], h[62], h[63]]))
}

/// Opens `path` read-only after checking it the way a restore must: an SQLite file, a schema this
/// build understands, sound (`quick_check`), and holding Aftermile's tables. Returns the
/// connection and the schema version. Nothing is written to the file.
pub fn open_validated(path: &Path) -> Result<(Connection, u32)> {
    let label = || file_name(path);
    let not_ours = || Error::NotADatabase { path: label() };
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() > 0 => {}
        Ok(_) => return Err(not_ours()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Error::NotFound { what: "Backup" }),
        Err(e) => return Err(e.into()),
    }
    db::check_header(path).map_err(|e| match e {
        Error::NotADatabase { .. } => not_ours(),
        other => other,
    })?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|_| not_ours())?;
    db::quick_check(&conn).map_err(|detail| Error::Corrupt { what: label(), detail })?;
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version == 0 {
        return Err(not_ours());
    }
    for table in required_tables(version) {
        let found: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
            [table],
            |r| r.get(0),
        )?;
        if !found {
            return Err(not_ours());
        }
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
    let staging = copy_into(&src, &staged).and_then(|()| {
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

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;
