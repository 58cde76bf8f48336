//! Importing an export document: every table at once, in one transaction, after a backup.
//!
//! `transfer::parse` has already validated every record. Records carry their stable ids, which is
//! what lets an import merge instead of duplicate: same id means the same record, and the one with
//! the newer `updatedAt` wins (a tie keeps what is there). Each record is written through its
//! domain's one upsert.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use crate::error::{FieldCode, Result};
use crate::reminders::{self, Reminder};
use crate::sessions::{self, SessionRow};
use crate::storage::backup::{self, Reason};
use crate::storage::Db;
use crate::transfer::{self, at, place, tick, ImportCounts, ImportReport, MarkRec, Phase, Progress, SessionRec};
use crate::{marks, time};

/// Imports `text` into `db`: validates everything, takes a backup if the database has data, then
/// writes in one transaction.
pub fn import_json(
    db: &mut Db,
    text: &str,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport> {
    progress(Progress::new(Phase::Reading, 0, 1));
    let checked = transfer::parse(text, progress)?;
    let mut report = ImportReport::default();
    let has_data: bool = db.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM sessions) OR EXISTS (SELECT 1 FROM marks) OR EXISTS (SELECT 1 FROM reminders)",
        [],
        |r| r.get(0),
    )?;
    if has_data && db.path().is_some() && !db.is_read_only() {
        if let Some(dir) = db.options().backups.clone() {
            report.backup = Some(backup::create(db, &dir, Reason::PreImport, now)?.name);
        }
    }
    let total = checked.len();
    db.with_tx(|tx| {
        let mut done = 0;
        progress(Progress::new(Phase::Writing, 0, total));
        let mut step = |done: &mut usize| {
            *done += 1;
            tick(progress, Phase::Writing, *done, total);
        };
        for s in &checked.sessions {
            bump(&mut report.sessions, write_session(tx, s)?);
            step(&mut done);
        }
        for (i, m) in checked.marks.iter().enumerate() {
            bump(&mut report.marks, write_mark(tx, i, m)?);
            step(&mut done);
        }
        for r in &checked.reminders {
            bump(&mut report.reminders, write_reminder(tx, r)?);
            step(&mut done);
        }
        if let Some(map) = &checked.settings {
            let mut stmt = tx.prepare_cached("INSERT OR IGNORE INTO settings (key, value) VALUES (?1, ?2)")?;
            for (k, v) in map {
                report.settings_applied += stmt.execute([k, &v.to_string()])? as u32;
            }
        }
        Ok(())
    })?;
    Ok(report)
}

#[derive(Clone, Copy)]
enum Outcome {
    Added,
    Updated,
    Skipped,
}

fn bump(c: &mut ImportCounts, o: Outcome) {
    match o {
        Outcome::Added => c.added += 1,
        Outcome::Updated => c.updated += 1,
        Outcome::Skipped => c.skipped += 1,
    }
}

/// Same id: the newer `updatedAt` wins; a tie keeps what is there.
fn decide(existing: Option<DateTime<Utc>>, incoming: DateTime<Utc>) -> Outcome {
    match existing {
        None => Outcome::Added,
        Some(have) if incoming > have => Outcome::Updated,
        Some(_) => Outcome::Skipped,
    }
}

fn write_session(tx: &Connection, rec: &SessionRec) -> Result<Outcome> {
    let s = &rec.session;
    let existing = sessions::fetch_opt(tx, &s.id)?;
    let outcome = decide(existing.as_ref().map(|e| e.updated_at), s.updated_at);
    if !matches!(outcome, Outcome::Skipped) {
        sessions::upsert(
            tx,
            &SessionRow {
                id: &s.id,
                valid: &rec.valid,
                created: existing.map_or(s.created_at, |e| e.created_at),
                updated: s.updated_at,
            },
        )?;
    }
    Ok(outcome)
}

fn write_mark(tx: &Connection, i: usize, rec: &MarkRec) -> Result<Outcome> {
    let m = &rec.mark;
    if let Some(sid) = &m.session_id {
        if sessions::fetch_opt(tx, sid)?.is_none() {
            return Err(at(
                place("marks", i, "sessionId"),
                FieldCode::UnknownValue,
                "names a session that is neither in the file nor in your log.",
            ));
        }
    }
    let existing: Option<i64> = tx
        .prepare_cached("SELECT updated_at FROM marks WHERE id = ?1")?
        .query_row([&m.id], |r| r.get(0))
        .optional()?;
    let outcome = decide(existing.map(time::from_unix), m.updated_at);
    if !matches!(outcome, Outcome::Skipped) {
        marks::upsert(
            tx,
            &marks::MarkRow {
                id: &m.id,
                region: &m.region_id,
                sensation: m.sensation,
                intensity: m.intensity,
                swelling: m.swelling,
                bruising: m.bruising,
                note: &rec.note,
                at: m.at_utc.timestamp(),
                zone: m.zone.name(),
                session: m.session_id.as_deref(),
                created: m.created_at.timestamp(),
                updated: m.updated_at.timestamp(),
            },
        )?;
    }
    Ok(outcome)
}

fn write_reminder(tx: &Connection, r: &Reminder) -> Result<Outcome> {
    // A plan reminder is one per (session, rule): a copy made elsewhere under another id is the
    // same reminder, so it merges into the one here instead of breaking the unique index.
    let existing = match (reminders::fetch_opt(tx, &r.id)?, &r.session_id) {
        (Some(e), _) => Some(e),
        (None, Some(sid)) => reminders::by_rule(tx, sid, &r.source)?,
        (None, None) => None,
    };
    let outcome = decide(existing.as_ref().map(|e| e.updated_at), r.updated_at);
    if matches!(outcome, Outcome::Skipped) {
        return Ok(outcome);
    }
    let id = existing.map_or(r.id.clone(), |e| e.id);
    reminders::upsert(
        tx,
        &Reminder {
            id,
            fires_at: None,
            ..r.clone()
        },
    )?;
    Ok(outcome)
}
