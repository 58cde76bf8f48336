//! Looking at a database file without changing it: its header, read before SQLite touches the
//! file (merely opening a file in WAL mode rewrites header bytes), and SQLite's own quick check.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rusqlite::Connection;

use super::migrations::latest_version;
use crate::error::{Error, Result};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// `PRAGMA quick_check`, keeping SQLite's errors apart from its verdict: `Ok(Ok(()))` sound,
/// `Ok(Err(what))` damaged, `Err` the check itself could not run (busy, locked, damaged header).
pub fn run_quick_check(conn: &Connection) -> rusqlite::Result<std::result::Result<(), String>> {
    let mut stmt = conn.prepare("PRAGMA quick_check")?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if rows.len() == 1 && rows[0] == "ok" {
        Ok(Ok(()))
    } else {
        Ok(Err(rows.into_iter().take(5).collect::<Vec<_>>().join("; ")))
    }
}

/// The tables of a database Aftermile did not make (no schema version, but tables of its own),
/// named for a message; `None` for an empty file or one of Aftermile's.
pub fn foreign(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > 0 {
        return Ok(None);
    }
    let mut stmt =
        conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?;
    let tables = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((!tables.is_empty()).then(|| {
        let mut list: Vec<String> = tables.iter().take(3).map(|t| format!("\"{t}\"")).collect();
        if tables.len() > 3 {
            list.push(format!("{} more", tables.len() - 3));
        }
        format!("the tables {}", list.join(", "))
    }))
}

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
