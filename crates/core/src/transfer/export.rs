//! Writing the JSON document. All tables are read in one read transaction, so the document is one
//! consistent snapshot even while reminders fire, and the file is written under a temporary name
//! and renamed, so a failed export never leaves a truncated document that looks complete.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::Connection;

use super::{tick, ExportDoc, ExportSummary, ExportedReminder, Progress, FORMAT, VERSION};
use crate::error::{Error, Result};
use crate::recovery::ReminderKind;
use crate::reminders::ReminderState;
use crate::storage::db::Db;
use crate::storage::files;
use crate::{marks, sessions, settings};

fn rfc3339(secs: i64) -> String {
    Utc.timestamp_opt(secs, 0)
        .single()
        .unwrap_or(DateTime::UNIX_EPOCH)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

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
    progress(Progress::new("reading", 0, total));

    let mut stmt = tx.prepare(&format!(
        "SELECT {} FROM sessions s ORDER BY s.start_utc, s.id",
        sessions::COLUMNS
    ))?;
    let mut rows = stmt.query([])?;
    let mut all_sessions = Vec::new();
    while let Some(row) = rows.next()? {
        all_sessions.push(sessions::from_row(row)?);
        done += 1;
        tick(progress, "reading", done, total);
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
        tick(progress, "reading", done, total);
    }
    drop(rows);
    drop(stmt);

    let mut stmt = tx.prepare(
        "SELECT id, kind, text, source, session_id, due_utc, wall_local, zone, state, snoozed_until,
            fired_at, missed, delivery_error, created_at, updated_at
         FROM reminders ORDER BY due_utc, id",
    )?;
    let mut rows = stmt.query([])?;
    let mut all_reminders = Vec::new();
    while let Some(row) = rows.next()? {
        all_reminders.push(reminder(row)?);
        done += 1;
        tick(progress, "reading", done, total);
    }
    drop(rows);
    drop(stmt);

    let settings = settings::read(&tx)?;
    let schema_version = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    tx.finish()?;
    Ok(ExportDoc {
        format: FORMAT.into(),
        version: VERSION,
        exported_at: rfc3339(now.timestamp()),
        schema_version,
        app_version: env!("CARGO_PKG_VERSION").into(),
        sessions: all_sessions,
        marks: all_marks,
        reminders: all_reminders,
        settings,
    })
}

fn reminder(row: &rusqlite::Row) -> Result<ExportedReminder> {
    let bad = |what: &str, v: &str| Error::Migration(format!("reminder {what} {v:?} is not known"));
    let kind: String = row.get(1)?;
    let state: String = row.get(8)?;
    Ok(ExportedReminder {
        id: row.get(0)?,
        kind: ReminderKind::parse(&kind).ok_or_else(|| bad("kind", &kind))?,
        text: row.get(2)?,
        source: row.get(3)?,
        session_id: row.get(4)?,
        due_utc: rfc3339(row.get(5)?),
        wall_local: row.get(6)?,
        zone: row.get(7)?,
        state: ReminderState::parse(&state).ok_or_else(|| bad("state", &state))?,
        snoozed_until: row.get::<_, Option<i64>>(9)?.map(rfc3339),
        fired_at: row.get::<_, Option<i64>>(10)?.map(rfc3339),
        missed: row.get(11)?,
        delivery_error: row.get(12)?,
        created_at: rfc3339(row.get(13)?),
        updated_at: rfc3339(row.get(14)?),
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
    progress(Progress::new("writing", 0, total));
    let partial = path.with_file_name(format!(
        ".{}.partial",
        path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
    ));
    let written = (|| -> Result<()> {
        let file = std::fs::File::create(&partial)?;
        let mut out = std::io::BufWriter::new(file);
        serde_json::to_writer_pretty(&mut out, &doc).map_err(|e| Error::from(std::io::Error::from(e)))?;
        out.write_all(b"\n")?;
        let file = out.into_inner().map_err(|e| Error::from(e.into_error()))?;
        file.sync_all()?;
        std::fs::rename(&partial, path)?;
        if let Some(dir) = path.parent() {
            files::sync_dir(dir);
        }
        Ok(())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    progress(Progress::new("writing", total, total));
    Ok(ExportSummary {
        path: path.display().to_string(),
        sessions: doc.sessions.len() as u32,
        marks: doc.marks.len() as u32,
        reminders: doc.reminders.len() as u32,
    })
}
