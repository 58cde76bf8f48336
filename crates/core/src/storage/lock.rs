//! The data folder's lock: `aftermile.lock`, held for as long as a process uses the folder. The
//! single-instance plugin keeps a second window from starting where there is a session bus; this
//! covers everything else (a desktop without one, the command-line importer, a second copy run by
//! hand), so two processes never migrate, restore or wipe the same data at once. The lock is an
//! advisory OS lock on an open file, so it goes away with the process, even after a crash.

use std::fs::{File, TryLockError};
use std::path::Path;

use super::{files, paths};
use crate::error::{Error, Result};

pub const LOCK_FILE: &str = "aftermile.lock";

/// Holds the lock until dropped.
#[derive(Debug)]
pub struct DataLock {
    _file: File,
}

/// Takes the folder's lock, or says who holds it.
pub fn acquire(data_dir: &Path) -> Result<DataLock> {
    paths::create_private_dir(data_dir)?;
    let path = data_dir.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)?;
    files::make_private(&path);
    match file.try_lock() {
        Ok(()) => Ok(DataLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(Error::InUse {
            detail: format!("{} is held", path.display()),
        }),
        Err(TryLockError::Error(e)) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_told_the_folder_is_in_use_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let first = acquire(dir.path()).unwrap();
        let err = acquire(dir.path()).unwrap_err();
        assert_eq!(err.code(), "in_use");
        assert!(err.to_string().contains("in use by another program"), "{err}");
        drop(first);
        acquire(dir.path()).unwrap();
    }
}
