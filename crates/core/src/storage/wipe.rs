//! "Delete all my data": the database with its sidecars and set-aside copies, the backups, the
//! logs, and the webview's own storage, then a fresh empty database in place of the old one.
//!
//! The typed confirmation is checked here too, not only in the UI, so no other caller can wipe
//! by accident. Deletion keeps going past a file it can't remove, reports what was left, and
//! always ends with an open database, so the app never sits on a closed handle.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use super::db::Db;
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
pub fn delete_all(db: &mut Db, confirm: &str, data_dir: &Path, webview_dirs: &[PathBuf]) -> Result<WipeReport> {
    check_confirm(confirm)?;
    if db.is_read_only() {
        return Err(Error::ReadOnly);
    }
    let path = db.path().ok_or(Error::NotFound { what: "Database file" })?.to_owned();
    let opts = db.options().clone();
    drop(std::mem::replace(db, Db::open_in_memory()?));

    let mut removed = Vec::new();
    let mut failed: Option<Error> = None;
    let db_dir = path.parent().unwrap_or(data_dir).to_owned();
    let mut targets = vec![db_dir, paths::backups_dir(data_dir), paths::logs_dir(data_dir)];
    targets.extend(webview_dirs.iter().cloned());
    for t in &targets {
        match remove(t) {
            Ok(true) => removed.push(t.display().to_string()),
            Ok(false) => {}
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    }
    paths::prepare_db_path(data_dir)?;
    *db = Db::open_with(&path, &opts)?;
    match failed {
        Some(e) => Err(e),
        None => Ok(WipeReport { removed }),
    }
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

    #[test]
    fn deletes_database_backups_logs_and_webview_storage_then_starts_empty() {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        let web = tmp.path().join("webkit");
        std::fs::create_dir_all(web.join("localstorage")).unwrap();
        std::fs::write(web.join("localstorage/file.localstorage"), b"prefs").unwrap();
        let now = crate::time::now();
        let mut s = start(&data, &Checks::default(), now).unwrap();
        let input = SessionInput {
            start_local: "2026-01-10T07:00".into(),
            zone: "UTC".into(),
            duration_s: None,
            distance_m: None,
            rpe: None,
            notes: "private".into(),
            details: SessionDetails::EasyRun,
        };
        let id = crate::ops::sessions::create(&mut s.db, &input, now).unwrap().id;
        crate::storage::backup::create(
            &s.db,
            &paths::backups_dir(&data),
            crate::storage::backup::Reason::Manual,
            now,
        )
        .unwrap();
        std::fs::create_dir_all(paths::logs_dir(&data)).unwrap();
        std::fs::write(paths::logs_dir(&data).join("panic.log"), b"trace").unwrap();
        let mut db = s.db;

        let err = delete_all(&mut db, "delete", &data, std::slice::from_ref(&web)).unwrap_err();
        assert_eq!(err.payload().field.as_deref(), Some("confirm"));
        assert_eq!(
            sessions::get(&db, &id).unwrap().notes,
            "private",
            "a wrong word deletes nothing"
        );

        let report = delete_all(&mut db, "DELETE", &data, std::slice::from_ref(&web)).unwrap();
        assert_eq!(report.removed.len(), 4, "{:?}", report.removed);
        assert!(!web.exists() && !paths::backups_dir(&data).exists() && !paths::logs_dir(&data).exists());
        assert_eq!(sessions::get(&db, &id).unwrap_err().code(), "not_found");
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
        crate::ops::sessions::create(&mut db, &input, now).unwrap();
    }
}
