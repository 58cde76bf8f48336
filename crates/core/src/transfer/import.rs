//! Reading an export document back. Three passes: parse every record, validate every record with
//! the same validators the forms use, then write them all in one transaction. The first offending
//! record is reported by its place in the file (`sessions[42].distanceM`), and nothing is written.
//!
//! Each record's `startUtc`/`atUtc` is the truth; the wall time is re-derived from it for the
//! validators, so a run logged at 01:30 on the night the clocks go back keeps the instant it had.
//! Records are judged as of their own `updatedAt`: a race planned last year was valid then, and
//! importing it must not fail because time moved on.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{named_params, OptionalExtension, Transaction};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::{tick, ExportedReminder, ImportCounts, ImportReport, Progress, FORMAT, VERSION};
use crate::error::{Error, FieldError, Result};
use crate::marks::{self, Mark};
use crate::sessions::{self, validate::Valid, Session};
use crate::settings::Settings;
use crate::storage::backup::{self, Reason};
use crate::storage::db::Db;
use crate::time;

/// The document's outline, before any record is trusted.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Outline {
    format: String,
    version: u32,
    #[serde(default)]
    sessions: Vec<Value>,
    #[serde(default)]
    marks: Vec<Value>,
    #[serde(default)]
    reminders: Vec<Value>,
    #[serde(default)]
    settings: Option<Value>,
}

/// An error about one record, named by its place in the file.
fn at(path: String, code: &str, message: &str) -> Error {
    Error::Invalid(vec![FieldError::new(&path, code, format!("{path}: {message}"))])
}

fn place(table: &str, i: usize, field: &str) -> String {
    if field.is_empty() {
        format!("{table}[{i}]")
    } else {
        format!("{table}[{i}].{field}")
    }
}

/// Re-labels a validator's first field error with the record's place and the document's name
/// for the field.
fn relabel(e: Error, table: &str, i: usize, names: &[(&str, &str)]) -> Error {
    match e {
        Error::Invalid(fields) => {
            let f = fields
                .into_iter()
                .next()
                .unwrap_or_else(|| FieldError::new("", "invalid", "Invalid."));
            let name = names
                .iter()
                .find(|(form, _)| *form == f.field)
                .map_or(f.field.as_str(), |(_, doc)| doc);
            at(place(table, i, name), &f.code, &f.message)
        }
        other => other,
    }
}

const SESSION_FIELDS: &[(&str, &str)] = &[
    ("start", "startUtc"),
    ("duration", "durationS"),
    ("distance", "distanceM"),
    ("raceName", "details.name"),
    ("finishTime", "details.finishTimeS"),
    ("raceStatus", "details.status"),
    ("therapist", "details.therapist"),
    ("feltAfter", "details.feltAfter"),
    ("focusRegions", "details.focusRegions"),
];
const MARK_FIELDS: &[(&str, &str)] = &[("region", "regionId"), ("at", "atUtc"), ("session", "sessionId")];

fn record<T: DeserializeOwned>(table: &str, i: usize, v: Value) -> Result<T> {
    serde_path_to_error::deserialize(v).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." { String::new() } else { path };
        at(place(table, i, &field), "invalid_format", &e.into_inner().to_string())
    })
}

fn instant(table: &str, i: usize, field: &str, text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            at(
                place(table, i, field),
                "invalid_format",
                "must be an RFC 3339 date and time.",
            )
        })
}

fn uuid(table: &str, i: usize, id: &str, seen: &mut HashSet<String>) -> Result<()> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(at(place(table, i, "id"), "invalid_format", "must be a UUID."));
    }
    if !seen.insert(id.to_owned()) {
        return Err(at(
            place(table, i, "id"),
            "duplicate",
            "appears more than once in the file.",
        ));
    }
    Ok(())
}

struct SessionRec {
    id: String,
    valid: Valid,
    created: i64,
    updated: i64,
}

struct MarkRec {
    mark: Mark,
    at: i64,
    session: Option<String>,
    note: String,
    created: i64,
    updated: i64,
}

struct ReminderRec {
    r: ExportedReminder,
    due: i64,
    snoozed: Option<i64>,
    fired: Option<i64>,
    created: i64,
    updated: i64,
}

/// Everything in a document, validated and ready to write.
pub struct Checked {
    sessions: Vec<SessionRec>,
    marks: Vec<MarkRec>,
    reminders: Vec<ReminderRec>,
    settings: Option<serde_json::Map<String, Value>>,
}

impl Checked {
    fn len(&self) -> usize {
        self.sessions.len() + self.marks.len() + self.reminders.len()
    }
}

/// Parses and validates a document without touching any database.
pub fn parse(text: &str, progress: &mut dyn FnMut(Progress)) -> Result<Checked> {
    let outline: Outline = serde_json::from_str(text).map_err(|e| {
        Error::field(
            "file",
            "invalid_format",
            format!("This file is not an Aftermile export ({e})."),
        )
    })?;
    if outline.format != FORMAT {
        return Err(Error::field(
            "format",
            "invalid_format",
            "This file is not an Aftermile export.",
        ));
    }
    if outline.version > VERSION || outline.version == 0 {
        return Err(Error::field(
            "version",
            "unsupported",
            format!(
                "This export is format version {}; this version of Aftermile reads up to {VERSION}. Update Aftermile to import it.",
                outline.version
            ),
        ));
    }
    let total = outline.sessions.len() + outline.marks.len() + outline.reminders.len();
    let mut done = 0;
    progress(Progress::new("checking", 0, total));

    let mut seen = HashSet::new();
    let mut out_sessions = Vec::with_capacity(outline.sessions.len());
    for (i, v) in outline.sessions.into_iter().enumerate() {
        out_sessions.push(session(i, v, &mut seen)?);
        done += 1;
        tick(progress, "checking", done, total);
    }
    let mut seen = HashSet::new();
    let mut out_marks = Vec::with_capacity(outline.marks.len());
    for (i, v) in outline.marks.into_iter().enumerate() {
        out_marks.push(mark(i, v, &mut seen)?);
        done += 1;
        tick(progress, "checking", done, total);
    }
    let mut seen = HashSet::new();
    let mut out_reminders = Vec::with_capacity(outline.reminders.len());
    for (i, v) in outline.reminders.into_iter().enumerate() {
        out_reminders.push(reminder(i, v, &mut seen)?);
        done += 1;
        tick(progress, "checking", done, total);
    }
    let settings = outline.settings.map(settings).transpose()?;
    Ok(Checked {
        sessions: out_sessions,
        marks: out_marks,
        reminders: out_reminders,
        settings,
    })
}

fn session(i: usize, v: Value, seen: &mut HashSet<String>) -> Result<SessionRec> {
    let s: Session = record("sessions", i, v)?;
    uuid("sessions", i, &s.id, seen)?;
    let start = instant("sessions", i, "startUtc", &s.start_utc)?;
    let created = instant("sessions", i, "createdAt", &s.created_at)?;
    let updated = instant("sessions", i, "updatedAt", &s.updated_at)?;
    let tz = time::parse_zone("zone", &s.zone).map_err(|e| relabel(e, "sessions", i, SESSION_FIELDS))?;
    let mut input = s.to_input();
    input.start_local = time::utc_to_wall(start, tz);
    let mut valid =
        sessions::validate::session(&input, updated).map_err(|e| relabel(e, "sessions", i, SESSION_FIELDS))?;
    valid.start_utc = start;
    Ok(SessionRec {
        id: s.id,
        valid,
        created: created.timestamp(),
        updated: updated.timestamp(),
    })
}

fn mark(i: usize, v: Value, seen: &mut HashSet<String>) -> Result<MarkRec> {
    let m: Mark = record("marks", i, v)?;
    uuid("marks", i, &m.id, seen)?;
    let at_utc = instant("marks", i, "atUtc", &m.at_utc)?;
    let created = instant("marks", i, "createdAt", &m.created_at)?;
    let updated = instant("marks", i, "updatedAt", &m.updated_at)?;
    let tz = time::parse_zone("zone", &m.zone).map_err(|e| relabel(e, "marks", i, MARK_FIELDS))?;
    let mut input = m.to_input();
    input.at_local = time::utc_to_wall(at_utc, tz);
    let valid = marks::validate::mark(&input, updated).map_err(|e| relabel(e, "marks", i, MARK_FIELDS))?;
    let session = m.session_id.clone().filter(|s| !s.trim().is_empty());
    Ok(MarkRec {
        at: at_utc.timestamp(),
        note: valid.note,
        session,
        created: created.timestamp(),
        updated: updated.timestamp(),
        mark: m,
    })
}

fn reminder(i: usize, v: Value, seen: &mut HashSet<String>) -> Result<ReminderRec> {
    let r: ExportedReminder = record("reminders", i, v)?;
    uuid("reminders", i, &r.id, seen)?;
    let t = |field: &str, text: &str| instant("reminders", i, field, text);
    let due = t("dueUtc", &r.due_utc)?;
    let snoozed = r.snoozed_until.as_deref().map(|s| t("snoozedUntil", s)).transpose()?;
    let fired = r.fired_at.as_deref().map(|s| t("firedAt", s)).transpose()?;
    let created = t("createdAt", &r.created_at)?;
    let updated = t("updatedAt", &r.updated_at)?;
    let names = &[
        ("text", "text"),
        ("zone", "zone"),
        ("wallLocal", "wallLocal"),
        ("source", "source"),
    ];
    let relabel = |e| relabel(e, "reminders", i, names);
    sessions::validate::text("text", "Reminder text", r.text.trim(), crate::reminders::TEXT_MAX, true)
        .map_err(relabel)?;
    sessions::validate::text("source", "Source", &r.source, 100, true).map_err(relabel)?;
    time::parse_zone("zone", &r.zone).map_err(relabel)?;
    time::parse_wall("wallLocal", "Date and time", &r.wall_local).map_err(relabel)?;
    if (r.state == crate::reminders::ReminderState::Snoozed) != snoozed.is_some() {
        return Err(at(
            place("reminders", i, "snoozedUntil"),
            "invalid_format",
            "must be set exactly when the reminder is snoozed.",
        ));
    }
    Ok(ReminderRec {
        due: due.timestamp(),
        snoozed: snoozed.map(|s| s.timestamp()),
        fired: fired.map(|s| s.timestamp()),
        created: created.timestamp(),
        updated: updated.timestamp(),
        r,
    })
}

fn settings(v: Value) -> Result<serde_json::Map<String, Value>> {
    let Value::Object(given) = v else {
        return Err(at("settings".into(), "invalid_format", "must be an object."));
    };
    let Ok(Value::Object(mut merged)) = serde_json::to_value(Settings::default()) else {
        return Err(Error::Migration("settings did not serialize to an object".into()));
    };
    let known: Vec<String> = given.keys().filter(|k| merged.contains_key(*k)).cloned().collect();
    for k in &known {
        merged.insert(k.clone(), given[k].clone());
    }
    let s: Settings = serde_path_to_error::deserialize(Value::Object(merged)).map_err(|e| {
        at(
            format!("settings.{}", e.path()),
            "invalid_format",
            &e.into_inner().to_string(),
        )
    })?;
    s.validate().map_err(|e| match e {
        Error::Invalid(f) => {
            let f = &f[0];
            at(format!("settings.{}", f.field), &f.code, &f.message)
        }
        other => other,
    })?;
    let Ok(Value::Object(normalised)) = serde_json::to_value(&s) else {
        return Err(Error::Migration("settings did not serialize to an object".into()));
    };
    Ok(normalised.into_iter().filter(|(k, _)| known.contains(k)).collect())
}

/// Imports `text` into `db`: validates everything, takes a backup if the database has data, then
/// writes in one transaction.
pub fn import_json(
    db: &mut Db,
    text: &str,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport> {
    progress(Progress::new("reading", 0, 1));
    let checked = parse(text, progress)?;
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
        progress(Progress::new("writing", 0, total));
        let mut step = |done: &mut usize| {
            *done += 1;
            tick(progress, "writing", *done, total);
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
fn decide(existing: Option<i64>, incoming: i64) -> Outcome {
    match existing {
        None => Outcome::Added,
        Some(have) if incoming > have => Outcome::Updated,
        Some(_) => Outcome::Skipped,
    }
}

fn write_session(tx: &Transaction, s: &SessionRec) -> Result<Outcome> {
    let existing: Option<(i64, i64)> = tx
        .prepare_cached("SELECT created_at, updated_at FROM sessions WHERE id = ?1")?
        .query_row([&s.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let outcome = decide(existing.map(|e| e.1), s.updated);
    if !matches!(outcome, Outcome::Skipped) {
        tx.prepare_cached("DELETE FROM session_focus_regions WHERE session_id = ?1")?
            .execute([&s.id])?;
        let created = existing.map_or(s.created, |e| e.0);
        sessions::insert(tx, &s.id, &s.valid, created, s.updated)?;
    }
    Ok(outcome)
}

fn write_mark(tx: &Transaction, i: usize, m: &MarkRec) -> Result<Outcome> {
    if let Some(sid) = &m.session {
        let known: bool = tx
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?1)")?
            .query_row([sid], |r| r.get(0))?;
        if !known {
            return Err(at(
                place("marks", i, "sessionId"),
                "unknown_value",
                "names a session that is neither in the file nor in your log.",
            ));
        }
    }
    let existing: Option<i64> = tx
        .prepare_cached("SELECT updated_at FROM marks WHERE id = ?1")?
        .query_row([&m.mark.id], |r| r.get(0))
        .optional()?;
    let outcome = decide(existing, m.updated);
    if !matches!(outcome, Outcome::Skipped) {
        marks::upsert(
            tx,
            &marks::MarkRow {
                id: &m.mark.id,
                region: &m.mark.region_id,
                sensation: m.mark.sensation,
                intensity: m.mark.intensity,
                swelling: m.mark.swelling,
                bruising: m.mark.bruising,
                note: &m.note,
                at: m.at,
                zone: &m.mark.zone,
                session: m.session.as_deref(),
                created: m.created,
                updated: m.updated,
            },
        )?;
    }
    Ok(outcome)
}

fn write_reminder(tx: &Transaction, rec: &ReminderRec) -> Result<Outcome> {
    let r = &rec.r;
    // A plan reminder is one per (session, rule): a copy made elsewhere under another id is the
    // same reminder, so it merges into the one here instead of breaking the unique index.
    let existing: Option<(String, i64)> = tx
        .query_row("SELECT id, updated_at FROM reminders WHERE id = ?1", [&r.id], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?;
    let existing = match (existing, &r.session_id) {
        (Some(e), _) => Some(e),
        (None, Some(sid)) => tx
            .prepare_cached("SELECT id, updated_at FROM reminders WHERE session_id = ?1 AND source = ?2")?
            .query_row([sid, &r.source], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?,
        (None, None) => None,
    };
    let outcome = decide(existing.as_ref().map(|e| e.1), rec.updated);
    if matches!(outcome, Outcome::Skipped) {
        return Ok(outcome);
    }
    let id = existing.map_or(r.id.clone(), |e| e.0);
    tx.prepare_cached(
        "INSERT INTO reminders (id, kind, text, source, session_id, due_utc, wall_local, zone, state,
            snoozed_until, fired_at, missed, delivery_error, created_at, updated_at)
         VALUES (:id, :kind, :text, :source, :session, :due, :wall, :zone, :state,
            :snoozed, :fired, :missed, :error, :created, :updated)
         ON CONFLICT (id) DO UPDATE SET
            kind = excluded.kind, text = excluded.text, source = excluded.source,
            session_id = excluded.session_id, due_utc = excluded.due_utc, wall_local = excluded.wall_local,
            zone = excluded.zone, state = excluded.state, snoozed_until = excluded.snoozed_until,
            fired_at = excluded.fired_at, missed = excluded.missed, delivery_error = excluded.delivery_error,
            updated_at = excluded.updated_at",
    )?
    .execute(named_params! {
        ":id": id,
        ":kind": r.kind.as_str(),
        ":text": r.text.trim(),
        ":source": r.source,
        ":session": r.session_id,
        ":due": rec.due,
        ":wall": r.wall_local,
        ":zone": r.zone,
        ":state": r.state.as_str(),
        ":snoozed": rec.snoozed,
        ":fired": rec.fired,
        ":missed": r.missed,
        ":error": r.delivery_error,
        ":created": rec.created,
        ":updated": rec.updated,
    })?;
    Ok(outcome)
}
