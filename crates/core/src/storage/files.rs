//! File writes and moves for the data-safety features: the one atomic, owner-only write every
//! save goes through (exports, the briefing sheet, calendar files, backups), setting a database
//! aside with its `-wal` and `-shm` files, and making a rename durable.
//!
//! An atomic write goes to a hidden `.<name>.partial` beside the target, is flushed, made
//! owner-only and renamed over the target in one step, so a crash or a full disk never leaves a
//! truncated file that looks complete, and an earlier file at that path stays whole until the new
//! one replaces it.
//!
//! A set-aside file is renamed, never copied or rewritten: renaming inside one directory is atomic,
//! keeps every byte, and is the one move that can't fail half-way on a full disk. The new name
//! keeps SQLite's sidecar naming (`X.sqlite3`, `X.sqlite3-wal`), so opening the set-aside copy
//! later still finds its write-ahead log.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::error::Result;

/// The `-wal` and `-shm` files SQLite keeps beside a database in WAL mode.
pub fn sidecars(db: &Path) -> [PathBuf; 2] {
    let s = db.as_os_str().to_owned();
    let with = |suffix: &str| {
        let mut p = s.clone();
        p.push(suffix);
        PathBuf::from(p)
    };
    [with("-wal"), with("-shm")]
}

/// Renames `db` and whichever sidecars exist to `<stem>-<label>-<UTC time>.sqlite3[-wal|-shm]`
/// in the same directory, never over an existing file. Returns the new paths. The main file
/// moves first: if the process dies before its sidecars follow, the next start finds sidecars
/// without a database and sets them aside too (see `health`), so they never attach to a new one.
pub fn set_aside(db: &Path, label: &str, now: DateTime<Utc>) -> Result<Vec<PathBuf>> {
    let dir = db.parent().unwrap_or(Path::new("."));
    let stem = db.file_stem().and_then(|s| s.to_str()).unwrap_or("aftermile");
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let mut target = dir.join(format!("{stem}-{label}-{stamp}.sqlite3"));
    let mut n = 2;
    while target.exists() || sidecars(&target).iter().any(|p| p.exists()) {
        target = dir.join(format!("{stem}-{label}-{stamp}-{n}.sqlite3"));
        n += 1;
    }
    let mut moved = Vec::new();
    let from = std::iter::once(db.to_owned()).chain(sidecars(db));
    let to = std::iter::once(target.clone()).chain(sidecars(&target));
    for (from, to) in from.zip(to) {
        if from.exists() {
            std::fs::rename(&from, &to)?;
            moved.push(to);
        }
    }
    sync_dir(dir);
    Ok(moved)
}

/// The hidden name an atomic write of `path` goes to first.
pub fn partial_of(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}{PARTIAL}"))
}

/// What every partial file's name ends with, so a sweep can find leftovers.
pub const PARTIAL: &str = ".partial";

/// Writes `path` atomically: `write` fills the temporary file it is given (creating it), then the
/// file is made owner-only, flushed and renamed over `path`. On any failure the temporary file
/// is removed and `path` is left as it was.
pub fn write_atomic(path: &Path, write: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let partial = partial_of(path);
    let _ = std::fs::remove_file(&partial);
    let done = write(&partial).and_then(|()| {
        make_private(&partial);
        sync_file(&partial)?;
        std::fs::rename(&partial, path)?;
        sync_dir(path.parent().unwrap_or(Path::new(".")));
        Ok(())
    });
    if done.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    done
}

/// Writes `bytes` to `path` atomically and owner-only (see `write_atomic`).
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic(path, |tmp| {
        let mut f = create_private(tmp)?;
        std::io::Write::write_all(&mut f, bytes)?;
        Ok(())
    })
}

/// Creates (or truncates) a file that only its owner can read, from the first byte on.
pub fn create_private(path: &Path) -> Result<std::fs::File> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    Ok(opts.open(path)?)
}

/// Makes a rename or unlink in `dir` durable. Best effort: not every platform can fsync a
/// directory, and the rename itself already happened.
pub fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Flushes a finished file to disk before it is renamed into place.
pub fn sync_file(path: &Path) -> Result<()> {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)?
        .sync_all()?;
    Ok(())
}

/// Owner-only permissions for a file holding health data.
pub fn make_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn an_atomic_write_replaces_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.json");
        write_private(&path, b"first").unwrap();
        let failed = write_atomic(&path, |tmp| {
            std::fs::write(tmp, b"half of the sec")?;
            Err(crate::Error::DiskFull)
        });
        assert_eq!(failed.unwrap_err().code(), "disk_full");
        assert_eq!(std::fs::read(&path).unwrap(), b"first", "the old file is untouched");
        assert!(!partial_of(&path).exists(), "no partial file is left behind");
        write_private(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn set_aside_moves_sidecars_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("aftermile.sqlite3");
        let now = Utc.with_ymd_and_hms(2026, 4, 19, 7, 30, 0).unwrap();
        for round in 0..2 {
            std::fs::write(&db, format!("main {round}")).unwrap();
            std::fs::write(sidecars(&db)[0].clone(), format!("wal {round}")).unwrap();
            std::fs::write(sidecars(&db)[1].clone(), format!("shm {round}")).unwrap();
            let moved = set_aside(&db, "damaged", now).unwrap();
            assert_eq!(moved.len(), 3);
            assert!(!db.exists() && sidecars(&db).iter().all(|p| !p.exists()));
            assert_eq!(std::fs::read_to_string(&moved[0]).unwrap(), format!("main {round}"));
            assert_eq!(std::fs::read_to_string(&moved[1]).unwrap(), format!("wal {round}"));
            assert!(moved[1].to_string_lossy().ends_with(".sqlite3-wal"));
        }
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 6, "the second set-aside got its own names");
        assert!(dir.path().join("aftermile-damaged-20260419T073000Z-2.sqlite3").exists());
    }
}
