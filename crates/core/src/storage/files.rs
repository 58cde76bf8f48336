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

/// Sets `db` and whichever sidecars exist aside as `<stem>-<label>-<UTC time>.sqlite3[-wal|-shm]`
/// in the same directory, never over an existing file. Returns the new paths.
///
/// The three files must stay together: a database without its `-wal` silently loses whatever the
/// log held. So every file first gets its new name as a second link (or a copy, where the file
/// system has no hard links) and the directory is flushed; only then are the old names removed,
/// the main file's first. A crash before that leaves the originals whole and together (plus a
/// whole or partial set of extra names); a crash after it leaves the set-aside trio whole and
/// together, and at most orphan sidecars at the old name, which the next start sets aside too.
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
    let pairs: Vec<(PathBuf, PathBuf)> = std::iter::once(db.to_owned())
        .chain(sidecars(db))
        .zip(std::iter::once(target.clone()).chain(sidecars(&target)))
        .filter(|(from, _)| from.exists())
        .collect();
    for (i, (from, to)) in pairs.iter().enumerate() {
        link_or_copy(from, to)?;
        super::fault::point("set_aside", i as u32 + 1)?;
    }
    sync_dir(dir);
    for (i, (from, _)) in pairs.iter().enumerate() {
        std::fs::remove_file(from)?;
        super::fault::point("set_aside", 10 + i as u32)?;
    }
    sync_dir(dir);
    Ok(pairs.into_iter().map(|(_, to)| to).collect())
}

/// A second name for `from` at `to` (never replacing `to`): a hard link, or a flushed copy where
/// the file system has none.
pub fn link_or_copy(from: &Path, to: &Path) -> Result<()> {
    match std::fs::hard_link(from, to) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e.into()),
        Err(_) => {
            let mut src = std::fs::File::open(from)?;
            let mut dst = std::fs::OpenOptions::new().write(true).create_new(true).open(to)?;
            std::io::copy(&mut src, &mut dst)?;
            dst.sync_all()?;
            make_private(to);
            Ok(())
        }
    }
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

    /// A trio of files at `db`, distinguishable by content.
    fn trio(db: &Path) {
        std::fs::write(db, b"main").unwrap();
        std::fs::write(&sidecars(db)[0], b"wal").unwrap();
        std::fs::write(&sidecars(db)[1], b"shm").unwrap();
    }

    fn whole_at(db: &Path) -> bool {
        std::fs::read(db).ok().as_deref() == Some(b"main".as_slice())
            && std::fs::read(&sidecars(db)[0]).ok().as_deref() == Some(b"wal".as_slice())
    }

    #[test]
    fn a_failure_at_any_step_of_setting_aside_keeps_the_database_with_its_log() {
        let now = Utc.with_ymd_and_hms(2026, 4, 19, 7, 30, 0).unwrap();
        for step in [1, 2, 3, 10, 11, 12] {
            let dir = tempfile::tempdir().unwrap();
            let db = dir.path().join("aftermile.sqlite3");
            trio(&db);
            super::super::fault::fail_at("set_aside", step);
            let _ = set_aside(&db, "damaged", now);
            let aside = dir.path().join("aftermile-damaged-20260419T073000Z.sqlite3");
            assert!(
                whole_at(&db) || whole_at(&aside),
                "step {step}: neither the original nor the set-aside copy has its log beside it"
            );
        }
    }

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
