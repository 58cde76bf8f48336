//! "Delete all my data": the database with its sidecars and set-aside copies, the backups, the
//! logs, and the webview's own storage, then a fresh empty database in place of the old one.
//!
//! Only Aftermile's own files go: the data folder may be a shared one (`AFTERMILE_DATA_DIR`
//! pointing at a synced folder), so `db/`, `backups/` and `logs/` lose the files Aftermile names
//! and are removed only if that leaves them empty.
//!
//! The typed confirmation is checked here too, not only in the UI, so no other caller can wipe
//! by accident. Deletion keeps going past a file it can't remove, reports what was left, and ends
//! with the fresh database open; if even that fails, the handle stays closed and says why.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use super::handle::Handle;
use super::paths;
use crate::error::{Error, FieldCode, Result};

/// What the runner must type.
pub const CONFIRM_WORD: &str = "DELETE";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WipeReport {
    /// Files and folders removed.
    pub removed: Vec<String>,
}

/// Deletes everything Aftermile stored under `data_dir`, and each of `webview_dirs` (the
/// webview's local storage, IndexedDB and caches), then reopens `db` as a new empty database.
pub fn delete_all(handle: &mut Handle, confirm: &str, data_dir: &Path, webview_dirs: &[PathBuf]) -> Result<WipeReport> {
    check_confirm(confirm)?;
    let (path, _) = handle.close("all data was being deleted")?;
    let mut removed = Vec::new();
    let mut failed: Option<Error> = None;
    let db_dir = path.parent().unwrap_or(data_dir).to_owned();
    let ours: [(PathBuf, Claims); 3] = [
        (db_dir, is_database_file),
        (paths::backups_dir(data_dir), is_backup_file),
        (paths::logs_dir(data_dir), is_log_file),
    ];
    for (dir, mine) in &ours {
        match remove_ours(dir, *mine) {
            Ok(mut r) => removed.append(&mut r),
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    }
    for t in webview_dirs {
        match remove(t) {
            Ok(true) => removed.push(t.display().to_string()),
            Ok(false) => {}
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    }
    paths::prepare_db_path(data_dir)?;
    handle.reopen()?;
    match failed {
        Some(e) => Err(e),
        None => Ok(WipeReport { removed }),
    }
}

/// Whether a file name in one of the data folder's subfolders is Aftermile's own.
type Claims = fn(&str) -> bool;

/// The database, its sidecars, a staged restore, and the copies set aside beside it.
fn is_database_file(name: &str) -> bool {
    name.starts_with("aftermile")
        && [".sqlite3", ".sqlite3-wal", ".sqlite3-shm", ".restoring", ".partial"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

fn is_backup_file(name: &str) -> bool {
    super::snapshot::parse_name(name).is_some() || (name.starts_with(".aftermile-") && name.ends_with(".partial"))
}

fn is_log_file(name: &str) -> bool {
    name.starts_with("panic-") && name.ends_with(".log")
}

/// Removes the files in `dir` that `mine` claims, then `dir` itself if nothing else is in it.
fn remove_ours(dir: &Path, mine: fn(&str) -> bool) -> Result<Vec<String>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut removed = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().is_ok_and(|t| t.is_file()) && mine(&name) {
            std::fs::remove_file(e.path())?;
            removed.push(e.path().display().to_string());
        }
    }
    if std::fs::read_dir(dir).is_ok_and(|mut r| r.next().is_none()) {
        std::fs::remove_dir(dir)?;
        removed.push(dir.display().to_string());
    }
    Ok(removed)
}

/// Refuses anything but the exact confirmation word.
pub fn check_confirm(confirm: &str) -> Result<()> {
    if confirm == CONFIRM_WORD {
        Ok(())
    } else {
        Err(Error::field(
            "confirm",
            FieldCode::Mismatch,
            format!("Type {CONFIRM_WORD} in capitals to confirm."),
        ))
    }
}

/// Removes a file or a whole folder; `Ok(false)` when it was not there.
fn remove(p: &Path) -> Result<bool> {
    let r = match std::fs::symlink_metadata(p) {
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(p),
        Ok(_) => std::fs::remove_file(p),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => Err(e),
    };
    r.map(|()| true).map_err(Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sessions::{self, SessionDetails, SessionInput};
    use crate::storage::health::{start, Checks};

    fn input() -> SessionInput {
        SessionInput {
            start_local: "2026-01-10T07:00".into(),
            zone: "UTC".into(),
            duration_s: None,
            distance_m: None,
            rpe: None,
            notes: "private".into(),
            details: SessionDetails::EasyRun,
        }
    }

    /// A data folder with a session, a backup and a panic log; the handle on it.
    fn filled(data: &Path) -> (Handle, String) {
        let now = crate::time::now();
        let mut s = start(data, &Checks::default(), now).unwrap();
        let id = crate::ops::sessions::create(&mut s.db, &input(), now).unwrap().id;
        crate::storage::backup::create(
            &s.db,
            &paths::backups_dir(data),
            crate::storage::backup::Reason::Manual,
            now,
        )
        .unwrap();
        std::fs::create_dir_all(paths::logs_dir(data)).unwrap();
        std::fs::write(paths::logs_dir(data).join("panic-1-2.log"), b"trace").unwrap();
        (Handle::new(s.db), id)
    }

    #[test]
    fn deletes_database_backups_logs_and_webview_storage_then_starts_empty() {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        let web = tmp.path().join("webkit");
        std::fs::create_dir_all(web.join("localstorage")).unwrap();
        std::fs::write(web.join("localstorage/file.localstorage"), b"prefs").unwrap();
        let (mut h, id) = filled(&data);

        let err = delete_all(&mut h, "delete", &data, std::slice::from_ref(&web)).unwrap_err();
        assert_eq!(err.payload().field.as_deref(), Some("confirm"));
        assert_eq!(
            sessions::get(h.db().unwrap(), &id).unwrap().notes,
            "private",
            "a wrong word deletes nothing"
        );

        delete_all(&mut h, "DELETE", &data, std::slice::from_ref(&web)).unwrap();
        assert!(!web.exists() && !paths::backups_dir(&data).exists() && !paths::logs_dir(&data).exists());
        assert_eq!(sessions::get(h.db().unwrap(), &id).unwrap_err().code(), "not_found");
        let left: Vec<_> = std::fs::read_dir(data.join("db"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert!(
            left.iter().all(|n| n.to_string_lossy().starts_with(paths::DB_FILE)),
            "{left:?}"
        );
        // The fresh database works.
        crate::ops::sessions::create(h.db().unwrap(), &input(), crate::time::now()).unwrap();
    }

    #[test]
    fn a_reopen_that_fails_after_deleting_leaves_the_database_closed_and_refuses_writes() {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        let (mut h, _) = filled(&data);
        crate::storage::fault::fail_at("reopen", 1);
        let err = delete_all(&mut h, "DELETE", &data, &[]).unwrap_err();
        assert!(!h.is_open(), "{err}");
        let write = h
            .db()
            .and_then(|db| crate::ops::sessions::create(db, &input(), crate::time::now()));
        assert_eq!(
            write.unwrap_err().code(),
            "closed",
            "a write is refused, not kept in memory"
        );
        h.reopen().unwrap();
        crate::ops::sessions::create(h.db().unwrap(), &input(), crate::time::now()).unwrap();
    }

    #[test]
    fn in_a_shared_folder_only_aftermiles_own_files_go() {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().to_owned();
        let (mut h, _) = filled(&data);
        let theirs = [
            data.join("db").join("notes.txt"),
            paths::backups_dir(&data).join("photos-2026.zip"),
            paths::logs_dir(&data).join("sync.log"),
            data.join("holiday.jpg"),
        ];
        for f in &theirs {
            std::fs::write(f, b"not Aftermile's").unwrap();
        }
        delete_all(&mut h, "DELETE", &data, &[]).unwrap();
        for f in &theirs {
            assert_eq!(
                std::fs::read(f).unwrap(),
                b"not Aftermile's",
                "{} was touched",
                f.display()
            );
        }
        let backups: Vec<_> = std::fs::read_dir(paths::backups_dir(&data))
            .unwrap()
            .flatten()
            .collect();
        assert_eq!(backups.len(), 1, "only the foreign file is left in backups/");
        assert!(!paths::logs_dir(&data).join("panic-1-2.log").exists());
    }
}
