//! Writing the JSON document. All tables are read in one read transaction, so the document is one
//! consistent snapshot even while reminders fire, and the file is written under a temporary name
//! and renamed, so a failed export never leaves a truncated document that looks complete.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::{tick, ExportDoc, ExportSummary, Phase, Progress, FORMAT, VERSION};
use crate::error::{Error, Result};
use crate::storage::{files, Db};
use crate::{marks, reminders, sessions, settings};

fn count(conn: &Connection, table: &str) -> Result<usize> {
    let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
    Ok(n as usize)
}

/// Reads the whole database into an export document.
pub fn collect(db: &Db, now: DateTime<Utc>, progress: &mut dyn FnMut(Progress)) -> Result<ExportDoc> {
    // A deferred transaction: one read snapshot across every table, and no write lock.
    let tx = db.conn().unchecked_transaction()?;
    let total = count(&tx, "sessions")? + count(&tx, "marks")? + count(&tx, "reminders")?;
    let mut done = 0;
    progress(Progress::new(Phase::Reading, 0, total));

    let mut stmt = tx.prepare(&format!(
        "SELECT {} FROM sessions s ORDER BY s.start_utc, s.id",
        sessions::COLUMNS
    ))?;
    let mut rows = stmt.query([])?;
    let mut all_sessions = Vec::new();
    while let Some(row) = rows.next()? {
        all_sessions.push(sessions::from_row(row)?);
        done += 1;
        tick(progress, Phase::Reading, done, total);
    }
    drop(rows);
    drop(stmt);

    let mut stmt = tx.prepare(&format!(
        "SELECT {} FROM marks m ORDER BY m.at_utc, m.id",
        marks::COLUMNS
    ))?;
    let mut rows = stmt.query([])?;
    let mut all_marks = Vec::new();
    while let Some(row) = rows.next()? {
        all_marks.push(marks::from_row(row)?);
        done += 1;
        tick(progress, Phase::Reading, done, total);
    }
    drop(rows);
    drop(stmt);

    let quiet = settings::read(&tx)?.quiet_hours;
    let mut stmt = tx.prepare(&format!(
        "SELECT {} FROM reminders ORDER BY due_utc, id",
        reminders::COLUMNS
    ))?;
    let mut rows = stmt.query([])?;
    let mut all_reminders = Vec::new();
    while let Some(row) = rows.next()? {
        all_reminders.push(reminders::from_row(row)?.with_fire_time(&quiet));
        done += 1;
        tick(progress, Phase::Reading, done, total);
    }
    drop(rows);
    drop(stmt);

    let settings = settings::read(&tx)?;
    let schema_version = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    tx.finish()?;
    Ok(ExportDoc {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: crate::time::rfc3339(now),
        schema_version,
        app_version: env!("CARGO_PKG_VERSION").into(),
        sessions: all_sessions,
        marks: all_marks,
        reminders: all_reminders,
        settings,
    })
}

/// Writes the export document to `path` (replacing a file there only once the new one is whole).
pub fn export_json(
    db: &Db,
    path: &Path,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ExportSummary> {
    let doc = collect(db, now, progress)?;
    let total = doc.sessions.len() + doc.marks.len() + doc.reminders.len();
    progress(Progress::new(Phase::Writing, 0, total));
    files::write_atomic(path, |tmp| {
        let mut out = std::io::BufWriter::new(files::create_private(tmp)?);
        serde_json::to_writer_pretty(&mut out, &doc).map_err(|e| Error::from(std::io::Error::from(e)))?;
        out.write_all(b"\n")?;
        out.flush()?;
        Ok(())
    })?;
    progress(Progress::new(Phase::Writing, total, total));
    Ok(ExportSummary {
        path: path.display().to_string(),
        sessions: doc.sessions.len() as u32,
        marks: doc.marks.len() as u32,
        reminders: doc.reminders.len() as u32,
    })
}
