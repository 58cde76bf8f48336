//! Looking at a database file without changing it: its header, read before SQLite touches the
//! file (merely opening a file in WAL mode rewrites header bytes), and SQLite's own quick check.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rusqlite::Connection;

use super::migrations::latest_version;
use crate::error::{Error, Result};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// `PRAGMA quick_check` on any connection. An error while checking (a truncated file often fails
/// the check itself) counts as a failed check.
pub fn quick_check(conn: &Connection) -> std::result::Result<(), String> {
    let run = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare("PRAGMA quick_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.collect()
    };
    match run() {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(()),
        Ok(rows) => Err(rows.into_iter().take(5).collect::<Vec<_>>().join("; ")),
        Err(e) => Err(e.to_string()),
    }
}

/// Refuses a non-empty file that is not SQLite, or whose `user_version` (header offset 60,
/// big-endian) is newer than this build, without opening it through SQLite.
pub fn check_header(path: &Path) -> Result<()> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    let mut header = [0u8; 100];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..])? {
            0 => break,
            n => read += n,
        }
    }
    if read == 0 {
        // A zero-byte file is what SQLite itself leaves after creating a database it never wrote.
        return Ok(());
    }
    if read < header.len() || &header[..16] != SQLITE_MAGIC {
        return Err(Error::NotADatabase {
            path: path.display().to_string(),
        });
    }
    let found = u32::from_be_bytes([header[60], header[61], header[62], header[63]]);
    if found > latest_version() {
        return Err(Error::SchemaTooNew {
            found,
            supported: latest_version(),
        });
    }
    Ok(())
}

/// The `user_version` in a file's header, if it has one.
pub fn header_version(path: &Path) -> Option<u32> {
    let mut h = [0u8; 64];
    File::open(path).ok()?.read_exact(&mut h).ok()?;
    Some(u32::from_be_bytes([h[60], h[61], h[62], h[63]]))
}
