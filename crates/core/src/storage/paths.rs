//! Where the data lives: `<app data dir>/db/aftermile.sqlite3`, or under `AFTERMILE_DATA_DIR` when
//! set (tests, portable installs). The directory holds health data, so it is created owner-only.

use std::path::{Path, PathBuf};

use crate::error::Result;

pub const DATA_DIR_ENV: &str = "AFTERMILE_DATA_DIR";
pub const DB_FILE: &str = "aftermile.sqlite3";
/// The folder under the data dir that holds backups.
pub const BACKUPS_DIR: &str = "backups";

/// The data directory: the override if set and non-empty, else the platform's app data dir.
pub fn data_dir(platform_default: &Path) -> PathBuf {
    #[allow(clippy::disallowed_methods)] // the core's one environment read
    match std::env::var_os(DATA_DIR_ENV) {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => platform_default.to_owned(),
    }
}

/// Where the database of `data_dir` is, whether or not it exists yet.
pub fn db_path(data_dir: &Path) -> PathBuf {
    data_dir.join("db").join(DB_FILE)
}

/// Creates `<data_dir>/db` with mode 0700 and returns the database path inside it.
pub fn prepare_db_path(data_dir: &Path) -> Result<PathBuf> {
    let path = db_path(data_dir);
    if let Some(dir) = path.parent() {
        create_private_dir(dir)?;
    }
    Ok(path)
}

/// `<data_dir>/backups`, where automatic and manual backups go.
pub fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUPS_DIR)
}

/// `<data_dir>/logs`, where a panic is written down.
pub fn logs_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// Creates `dir` (and its parents) owner-only: it holds health data.
#[cfg(unix)]
pub fn create_private_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    // An existing directory keeps its old mode with `create`; tighten it explicitly.
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    Ok(())
}

#[cfg(not(unix))]
pub fn create_private_dir(dir: &Path) -> Result<()> {
    // Windows and others: the per-user app data dir is already private to the user.
    std::fs::create_dir_all(dir)?;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn db_dir_is_owner_only() {
        let tmp = tempfile::tempdir().unwrap();
        let path = prepare_db_path(&tmp.path().join("data")).unwrap();
        assert_eq!(path.file_name().unwrap(), DB_FILE);
        let mode = std::fs::metadata(path.parent().unwrap()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
