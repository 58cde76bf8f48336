//! Reading an export document back, without touching any database. Every record is parsed and
//! validated with the same validators the forms use; the first offending record is reported by
//! its place in the file (`sessions[42].distanceM`). `ops::transfer` then writes what this
//! returns in one transaction, so a refused file writes nothing.
//!
//! Each record's `startUtc`/`atUtc` is the truth; the wall time is re-derived from it for the
//! validators, so a run logged at 01:30 on the night the clocks go back keeps the instant it had.
//! Records are judged as of their own `updatedAt`: a race planned last year was valid then, and
//! importing it must not fail because time moved on.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::{tick, Phase, Progress, FORMAT, VERSION};
use crate::error::{Error, FieldCode, FieldError, Result};
use crate::marks::{self, Mark};
use crate::reminders::{Reminder, ReminderState};
use crate::sessions::{self, validate::Valid, Session};
use crate::settings::Settings;
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
pub fn at(path: String, code: FieldCode, message: &str) -> Error {
    Error::Invalid(vec![FieldError::new(&path, code, format!("{path}: {message}"))])
}

pub fn place(table: &str, i: usize, field: &str) -> String {
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
                .unwrap_or_else(|| FieldError::new("", FieldCode::Invalid, "Invalid."));
            let name = names
                .iter()
                .find(|(form, _)| *form == f.field)
                .map_or(f.field.as_str(), |(_, doc)| doc);
            at(place(table, i, name), f.code, &f.message)
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
        at(
            place(table, i, &field),
            FieldCode::InvalidFormat,
            &e.into_inner().to_string(),
        )
    })
}

fn uuid(table: &str, i: usize, id: &str, seen: &mut HashSet<String>) -> Result<()> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(at(place(table, i, "id"), FieldCode::InvalidFormat, "must be a UUID."));
    }
    if !seen.insert(id.to_owned()) {
        return Err(at(
            place(table, i, "id"),
            FieldCode::Duplicate,
            "appears more than once in the file.",
        ));
    }
    Ok(())
}

/// A session from the file, validated.
pub struct SessionRec {
    pub session: Session,
    pub valid: Valid,
}

/// A mark from the file, validated; `note` is the normalised note.
pub struct MarkRec {
    pub mark: Mark,
    pub note: String,
}

/// Everything in a document, validated and ready to write.
pub struct Checked {
    pub sessions: Vec<SessionRec>,
    pub marks: Vec<MarkRec>,
    pub reminders: Vec<Reminder>,
    /// Only the keys the file had, each normalised.
    pub settings: Option<serde_json::Map<String, Value>>,
}

impl Checked {
    pub fn len(&self) -> usize {
        self.sessions.len() + self.marks.len() + self.reminders.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Parses and validates a document without touching any database.
pub fn parse(text: &str, progress: &mut dyn FnMut(Progress)) -> Result<Checked> {
    let outline: Outline = serde_json::from_str(text).map_err(|e| {
        Error::field(
            "file",
            FieldCode::InvalidFormat,
            format!("This file is not an Aftermile export ({e})."),
        )
    })?;
    if outline.format != FORMAT {
        return Err(Error::field(
            "format",
            FieldCode::InvalidFormat,
            "This file is not an Aftermile export.",
        ));
    }
    if outline.version > VERSION || outline.version == 0 {
        return Err(Error::field(
            "version",
            FieldCode::Unsupported,
            format!(
                "This export is format version {}; this version of Aftermile reads up to {VERSION}. Update Aftermile to import it.",
                outline.version
            ),
        ));
    }
    let total = outline.sessions.len() + outline.marks.len() + outline.reminders.len();
    let mut done = 0;
    progress(Progress::new(Phase::Checking, 0, total));

    let mut seen = HashSet::new();
    let mut out_sessions = Vec::with_capacity(outline.sessions.len());
    for (i, v) in outline.sessions.into_iter().enumerate() {
        out_sessions.push(session(i, v, &mut seen)?);
        done += 1;
        tick(progress, Phase::Checking, done, total);
    }
    let mut seen = HashSet::new();
    let mut out_marks = Vec::with_capacity(outline.marks.len());
    for (i, v) in outline.marks.into_iter().enumerate() {
        out_marks.push(mark(i, v, &mut seen)?);
        done += 1;
        tick(progress, Phase::Checking, done, total);
    }
    let mut seen = HashSet::new();
    let mut rules: HashMap<(String, String), usize> = HashMap::new();
    let mut out_reminders = Vec::with_capacity(outline.reminders.len());
    for (i, v) in outline.reminders.into_iter().enumerate() {
        let r = reminder(i, v, &mut seen)?;
        // A plan holds one reminder per rule (the database's unique index): two in one file clash.
        if let Some(sid) = &r.session_id {
            if let Some(first) = rules.insert((sid.clone(), r.source.clone()), i) {
                return Err(at(
                    place("reminders", i, "source"),
                    FieldCode::Duplicate,
                    &format!("is the same plan reminder as reminders[{first}] (same session and rule)."),
                ));
            }
        }
        out_reminders.push(r);
        done += 1;
        tick(progress, Phase::Checking, done, total);
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
    let mut input = s.to_input();
    input.start_local = time::utc_to_wall(s.start_utc, s.zone);
    let mut valid =
        sessions::validate::session(&input, s.updated_at).map_err(|e| relabel(e, "sessions", i, SESSION_FIELDS))?;
    valid.start_utc = s.start_utc;
    if let Some(m) = &s.measured {
        sessions::validate::measured(m).map_err(|e| relabel(e, "sessions", i, &[]))?;
        valid.measured = Some(m.clone());
    }
    Ok(SessionRec { session: s, valid })
}

fn mark(i: usize, v: Value, seen: &mut HashSet<String>) -> Result<MarkRec> {
    let mut m: Mark = record("marks", i, v)?;
    uuid("marks", i, &m.id, seen)?;
    let mut input = m.to_input();
    input.at_local = time::utc_to_wall(m.at_utc, m.zone);
    let valid = marks::validate::mark(&input, m.updated_at).map_err(|e| relabel(e, "marks", i, MARK_FIELDS))?;
    m.session_id = m.session_id.filter(|s| !s.trim().is_empty());
    Ok(MarkRec {
        mark: m,
        note: valid.note,
    })
}

fn reminder(i: usize, v: Value, seen: &mut HashSet<String>) -> Result<Reminder> {
    let mut r: Reminder = record("reminders", i, v)?;
    uuid("reminders", i, &r.id, seen)?;
    let names = &[("text", "text"), ("source", "source")];
    let relabel = |e| relabel(e, "reminders", i, names);
    r.text = r.text.trim().to_owned();
    crate::input::text("text", "Reminder text", &r.text, crate::limits::REMINDER_TEXT_MAX, true).map_err(relabel)?;
    crate::input::text("source", "Source", &r.source, 100, true).map_err(relabel)?;
    if (r.state == ReminderState::Snoozed) != r.snoozed_until.is_some() {
        return Err(at(
            place("reminders", i, "snoozedUntil"),
            FieldCode::InvalidFormat,
            "must be set exactly when the reminder is snoozed.",
        ));
    }
    Ok(r)
}

fn settings(v: Value) -> Result<serde_json::Map<String, Value>> {
    let Value::Object(given) = v else {
        return Err(at("settings".into(), FieldCode::InvalidFormat, "must be an object."));
    };
    let Ok(Value::Object(mut merged)) = serde_json::to_value(Settings::default()) else {
        return Err(Error::Internal("settings did not serialize to an object".into()));
    };
    let known: Vec<String> = given.keys().filter(|k| merged.contains_key(*k)).cloned().collect();
    for k in &known {
        merged.insert(k.clone(), given[k].clone());
    }
    let s: Settings = serde_path_to_error::deserialize(Value::Object(merged)).map_err(|e| {
        at(
            format!("settings.{}", e.path()),
            FieldCode::InvalidFormat,
            &e.into_inner().to_string(),
        )
    })?;
    s.validate().map_err(|e| match e {
        Error::Invalid(f) => {
            let f = &f[0];
            at(format!("settings.{}", f.field), f.code, &f.message)
        }
        other => other,
    })?;
    let Ok(Value::Object(normalised)) = serde_json::to_value(&s) else {
        return Err(Error::Internal("settings did not serialize to an object".into()));
    };
    Ok(normalised.into_iter().filter(|(k, _)| known.contains(k)).collect())
}
