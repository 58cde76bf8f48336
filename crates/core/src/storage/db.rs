//! The database handle. `Db::open` and `Db::open_in_memory` both migrate, so a test needs one line
//! of setup. Every connection gets the same pragmas (DESIGN.md "Storage").
//!
//! Before SQLite touches an existing file, its header is read directly: a file from a newer app
//! version, or one that is not a database at all, is refused while still byte-for-byte intact.
//! (Merely opening it in WAL mode would rewrite header bytes.)
//!
//! An existing database whose schema is older than this build is copied into the backups folder
//! before its first migration runs (`OpenOptions::backups`), so a faulty upgrade can be undone.
//! A read-only open (`OpenOptions::read_only`) neither migrates nor changes the journal mode: it
//! serves a data folder the app can't write to, so the runner can still read their log.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use super::inspect::{check_header, quick_check};
use super::migrations::{self, latest_version};
use super::snapshot::{self, Reason};
use crate::error::{Error, Result};
/// Long enough to ride out a checkpoint or a second process reading, short enough to report.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Db {
    conn: Connection,
    path: Option<PathBuf>,
    opts: OpenOptions,
    /// The journal mode SQLite agreed to; WAL unless the file system can't (a network share).
    wal: bool,
}

/// How `Db::open_with` opens a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenOptions {
    /// Where the copy taken before a migration goes; `None` puts it in `backups/` beside the file.
    pub backups: Option<PathBuf>,
    /// Open without writing anything: no migration, no journal-mode change.
    pub read_only: bool,
}

impl Db {
    /// Opens (creating if missing) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Db> {
        Self::open_with(path, &OpenOptions::default())
    }

    pub fn open_with(path: &Path, opts: &OpenOptions) -> Result<Db> {
        check_header(path)?;
        // The header's version can be stale while a newer one waits in the -wal; a read-only
        // look sees both without writing a byte, so a newer or foreign file stays untouched.
        if path.exists() && !opts.read_only {
            precheck(path)?;
        }
        let mut opts = opts.clone();
        if opts.backups.is_none() {
            opts.backups = path.parent().map(|p| p.join(super::paths::BACKUPS_DIR));
        }
        if opts.read_only {
            let conn =
                Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
            return Self::init_read_only(conn, path.to_owned(), opts);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        Self::init(conn, Some(path.to_owned()), opts)
    }

    /// A private in-memory database, migrated: for tests and benchmarks.
    pub fn open_in_memory() -> Result<Db> {
        Self::init(Connection::open_in_memory()?, None, OpenOptions::default())
    }

    fn init(conn: Connection, path: Option<PathBuf>, opts: OpenOptions) -> Result<Db> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // WAL: readers never block the writer. FULL: health data and few writes, so fsync each commit.
        let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        let wal = mode.eq_ignore_ascii_case("wal");
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Foreign keys stay off while migrations run: a migration that rebuilds a table (SQLite's
        // 12-step procedure) must not cascade. They are checked, then switched on, after.
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if found > latest_version() {
            return Err(Error::SchemaTooNew {
                found,
                supported: latest_version(),
            });
        }
        // A database with data on an older schema is copied first (DESIGN.md: "after a backup").
        if found > 0 && found < latest_version() {
            if let (Some(_), Some(dir)) = (&path, &opts.backups) {
                snapshot::take(&conn, dir, Reason::PreMigration(found), crate::time::now())?;
            }
        }
        let mut conn = conn;
        migrations::all().to_latest(&mut conn).map_err(|e| match e {
            rusqlite_migration::Error::RusqliteError { err, .. } => Error::from(err),
            other => Error::Migration(other.to_string()),
        })?;
        if found < latest_version() {
            let broken: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
            if broken > 0 {
                return Err(Error::Migration(format!(
                    "{broken} rows lost their parent in the upgrade"
                )));
            }
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Db { conn, path, opts, wal })
    }

    fn init_read_only(conn: Connection, path: PathBuf, opts: OpenOptions) -> Result<Db> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if found > latest_version() {
            return Err(Error::SchemaTooNew {
                found,
                supported: latest_version(),
            });
        }
        if found < latest_version() {
            // Reading an old schema with this build's queries would fail in odd places.
            return Err(Error::ReadOnlyNeedsUpgrade);
        }
        let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
        Ok(Db {
            conn,
            path: Some(path),
            opts,
            wal: mode.eq_ignore_ascii_case("wal"),
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn options(&self) -> &OpenOptions {
        &self.opts
    }

    /// Whether SQLite runs this file in WAL mode, as every open asks it to.
    pub fn in_wal_mode(&self) -> bool {
        self.wal
    }

    pub fn is_read_only(&self) -> bool {
        self.opts.read_only
    }

    /// `PRAGMA quick_check`: `Ok(())` when SQLite finds the file sound, else what it found.
    pub fn quick_check(&self) -> std::result::Result<(), String> {
        quick_check(&self.conn)
    }

    pub fn schema_version(&self) -> Result<u32> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Runs `f` in one transaction: committed on `Ok`, rolled back on `Err`. IMMEDIATE takes the
    /// write lock up front, so a read-then-write (claiming a due reminder) can't interleave with
    /// another process's write and can't fail half-way on a lock upgrade.
    pub fn with_tx<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Read access. Reads that must agree with each other go through `with_tx`.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// Refuses, through a read-only connection, a file whose schema (counting the -wal) is newer than
/// this build, or that is another program's database.
fn precheck(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > latest_version() {
        return Err(Error::SchemaTooNew {
            found,
            supported: latest_version(),
        });
    }
    if super::inspect::foreign(&conn)?.is_some() {
        return Err(Error::NotADatabase {
            path: path.display().to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_sets_the_storage_pragmas() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("a.sqlite3")).unwrap();
        let c = db.conn();
        let mode: String = c.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        let sync: i64 = c.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
        let fk: i64 = c.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(sync, 2, "synchronous=FULL");
        assert_eq!(fk, 1);
        assert_eq!(db.schema_version().unwrap(), latest_version());
    }

    #[test]
    fn a_future_schema_is_refused_and_left_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.sqlite3");
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
                .unwrap();
            c.pragma_update(None, "user_version", latest_version() + 5).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Db::open(&path).err().expect("must refuse");
        assert_eq!(err.code(), "schema_too_new");
        assert!(err.to_string().contains("newer version of Aftermile"));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(!dir.path().join("future.sqlite3-wal").exists());
    }

    #[test]
    fn a_newer_schema_waiting_in_the_wal_is_refused_and_both_files_left_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.sqlite3");
        let wal = super::super::files::sidecars(&path)[0].clone();
        let writer = Connection::open(&path).unwrap();
        writer.pragma_update(None, "journal_mode", "WAL").unwrap();
        writer
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        writer.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        writer
            .pragma_update(None, "user_version", latest_version() + 1)
            .unwrap();
        // Copy the pair as a crash would leave it: the new version only in the -wal.
        let copy = dir.path().join("copy.sqlite3");
        let copy_wal = super::super::files::sidecars(&copy)[0].clone();
        std::fs::copy(&path, &copy).unwrap();
        std::fs::copy(&wal, &copy_wal).unwrap();
        drop(writer);
        let (before, before_wal) = (std::fs::read(&copy).unwrap(), std::fs::read(&copy_wal).unwrap());
        let err = Db::open(&copy).err().expect("must refuse");
        assert_eq!(err.code(), "schema_too_new");
        assert_eq!(std::fs::read(&copy).unwrap(), before);
        assert_eq!(std::fs::read(&copy_wal).unwrap(), before_wal);
    }

    #[test]
    fn another_programs_database_is_refused_and_gets_no_aftermile_tables() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("photos.sqlite3");
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch(
                "CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO albums VALUES (1, 'Alps');",
            )
            .unwrap();
        }
        let err = Db::open(&path).err().expect("must refuse");
        assert_eq!(err.code(), "not_a_database");
        let c = Connection::open(&path).unwrap();
        let tables: i64 = c
            .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(tables, 1, "no Aftermile table was added");
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.sqlite3");
        let garbage = b"these are my race notes, not a database".repeat(10);
        std::fs::write(&path, &garbage).unwrap();
        let err = Db::open(&path).err().expect("must refuse");
        assert_eq!(err.code(), "not_a_database");
        assert_eq!(std::fs::read(&path).unwrap(), garbage);
    }

    #[test]
    fn schema_1_database_migrates_with_data_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.sqlite3");
        {
            let mut c = Connection::open(&path).unwrap();
            migrations::up_to(1).to_latest(&mut c).unwrap();
            c.execute_batch(
                "INSERT INTO sessions (id, kind, start_utc, zone, distance_m, notes, created_at, updated_at)
                 VALUES ('a1', 'easy_run', 1700000000, 'Europe/London', 8000, 'felt good', 1, 1);
                 INSERT INTO sessions (id, kind, start_utc, zone, massage_type, therapist, created_at, updated_at)
                 VALUES ('m1', 'massage', 1700100000, 'Europe/London', 'sports', 'Sam', 1, 1);
                 INSERT INTO session_focus_regions VALUES ('m1', 'calf_l');",
            )
            .unwrap();
        }
        let db = Db::open(&path).unwrap();
        assert_eq!(db.schema_version().unwrap(), latest_version());
        let s = crate::sessions::get(&db, "a1").unwrap();
        assert_eq!(s.notes, "felt good");
        assert_eq!(s.distance_m, Some(8000.0));
        let m = crate::sessions::get(&db, "m1").unwrap();
        match m.details {
            crate::sessions::SessionDetails::Massage(d) => {
                assert_eq!(d.focus_regions, vec!["calf_l"])
            }
            other => panic!("wrong kind {other:?}"),
        }
    }
}
