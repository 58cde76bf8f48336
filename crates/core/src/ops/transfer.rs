//! Importing an export document: every table at once, in one transaction, after a backup.
//!
//! `transfer::parse` has already validated every record. Records carry their stable ids, which is
//! what lets an import merge instead of duplicate: same id means the same record, and the one with
//! the newer `updatedAt` wins (a tie keeps what is there). Each record is written through its
//! domain's one upsert.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::error::{Error, FieldCode, Result};
use crate::reminders::{self, Reminder};
use crate::sessions::{self, SessionRow};
use crate::storage::backup::{self, Reason};
use crate::storage::Db;
use crate::transfer::{self, at, place, tick, ImportCounts, ImportReport, MarkRec, Phase, Progress, SessionRec};
use crate::{marks, settings};

/// The largest export document Aftermile reads: ten years of data is a few megabytes, so anything
/// near this is not an export, and reading it whole would only tie up memory.
pub const IMPORT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Imports the export document at `path`, refusing a file over `IMPORT_MAX_BYTES` before reading it.
pub fn import_file(
    db: &mut Db,
    path: &std::path::Path,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport> {
    let size = std::fs::metadata(path)?.len();
    if size > IMPORT_MAX_BYTES {
        return Err(Error::field(
            "file",
            FieldCode::TooLong,
            format!(
                "This file is {} MB; an Aftermile export is never near {} MB, so it was not read.",
                size / (1024 * 1024),
                IMPORT_MAX_BYTES / (1024 * 1024)
            ),
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => Error::field(
            "file",
            FieldCode::InvalidFormat,
            "This file is not an Aftermile export (it is not text).",
        ),
        _ => e.into(),
    })?;
    import_json(db, &text, now, progress)
}

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
        for (i, s) in checked.sessions.iter().enumerate() {
            bump(
                &mut report.sessions,
                write_session(tx, s).map_err(|e| clash(e, "sessions", i, "id"))?,
            );
            step(&mut done);
        }
        for (i, m) in checked.marks.iter().enumerate() {
            bump(
                &mut report.marks,
                write_mark(tx, i, m).map_err(|e| clash(e, "marks", i, "id"))?,
            );
            step(&mut done);
        }
        for (i, r) in checked.reminders.iter().enumerate() {
            bump(
                &mut report.reminders,
                write_reminder(tx, i, r).map_err(|e| clash(e, "reminders", i, "source"))?,
            );
            step(&mut done);
        }
        // Reminders from the file whose time has passed are not sent now: they are marked missed.
        let ids: Vec<String> = checked.reminders.iter().map(|r| r.id.clone()).collect();
        reminders::settle_returned(tx, now, Some(&ids))?;
        if let Some(map) = &checked.settings {
            report.settings_applied += settings::write_missing(tx, map)?;
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
    let existing = marks::updated_at(tx, &m.id)?;
    let outcome = decide(existing, m.updated_at);
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

/// A uniqueness clash while writing record `i` (two records that must be one), named by the field
/// that clashed rather than reported as a database error.
fn clash(e: Error, table: &str, i: usize, field: &str) -> Error {
    match &e {
        Error::Storage(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::ConstraintViolation => {
            at(
                place(table, i, field),
                FieldCode::Duplicate,
                "clashes with another record in the file or in your log.",
            )
        }
        _ => e,
    }
}

fn write_reminder(tx: &Connection, i: usize, r: &Reminder) -> Result<Outcome> {
    // A waiting reminder belongs to a plan that must exist; history (fired, done, dismissed) may
    // outlive the race it came from.
    if let (Some(sid), true) = (&r.session_id, r.state.is_waiting()) {
        if sessions::fetch_opt(tx, sid)?.is_none() {
            return Err(at(
                place("reminders", i, "sessionId"),
                FieldCode::UnknownValue,
                "names a session that is neither in the file nor in your log.",
            ));
        }
    }
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
