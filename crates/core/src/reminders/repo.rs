//! Reading and changing reminders: list, manual create, edit, snooze, done, dismiss, delete.

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Tz;
use rusqlite::{named_params, Connection, OptionalExtension, Row};

use super::model::*;
use crate::error::{Error, Result};
use crate::recovery::{QuietHours, ReminderKind};
use crate::sessions::validate::text;
use crate::settings::{self, Settings};
use crate::storage::db::Db;
use crate::time;

pub const TEXT_MAX: usize = 500;

pub(super) const COLUMNS: &str = "id, kind, text, source, session_id, due_utc, wall_local, zone, state,
    snoozed_until, fired_at, missed, delivery_error";

/// A row as stored; `fires_at` needs the quiet hours, so it is computed on the way out.
pub(super) struct Stored {
    pub id: String,
    pub kind: ReminderKind,
    pub text: String,
    pub source: String,
    pub session_id: Option<String>,
    pub due: i64,
    pub wall_local: String,
    pub zone: String,
    pub state: ReminderState,
    pub snoozed_until: Option<i64>,
    pub fired_at: Option<i64>,
    pub missed: bool,
    pub delivery_error: Option<String>,
}

impl Stored {
    pub fn tz(&self) -> Tz {
        self.zone.parse().unwrap_or(chrono_tz::UTC)
    }

    /// When it fires: its due time (or snooze), moved past quiet hours; `None` once it no longer waits.
    pub fn fires_at(&self, quiet: &QuietHours) -> Option<DateTime<Utc>> {
        if !self.state.is_waiting() {
            return None;
        }
        let raw = instant(self.snoozed_until.unwrap_or(self.due));
        Some(quiet.release(raw, self.tz()))
    }

    pub fn into_reminder(self, quiet: &QuietHours) -> Reminder {
        let fires_at = self.fires_at(quiet).map(rfc3339);
        Reminder {
            fires_at,
            id: self.id,
            kind: self.kind,
            text: self.text,
            source: self.source,
            session_id: self.session_id,
            due_utc: rfc3339(instant(self.due)),
            wall_local: self.wall_local,
            zone: self.zone,
            state: self.state,
            snoozed_until: self.snoozed_until.map(|s| rfc3339(instant(s))),
            fired_at: self.fired_at.map(|s| rfc3339(instant(s))),
            missed: self.missed,
            delivery_error: self.delivery_error,
        }
    }
}

pub(super) fn instant(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(secs, 0).single().unwrap_or(DateTime::UNIX_EPOCH)
}

pub(super) fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub(super) fn from_row(row: &Row) -> rusqlite::Result<Stored> {
    let bad = |i: usize, s: &str| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, format!("unknown value {s:?}").into())
    };
    let kind: String = row.get(1)?;
    let state: String = row.get(8)?;
    Ok(Stored {
        id: row.get(0)?,
        kind: ReminderKind::parse(&kind).ok_or_else(|| bad(1, &kind))?,
        text: row.get(2)?,
        source: row.get(3)?,
        session_id: row.get(4)?,
        due: row.get(5)?,
        wall_local: row.get(6)?,
        zone: row.get(7)?,
        state: ReminderState::parse(&state).ok_or_else(|| bad(8, &state))?,
        snoozed_until: row.get(9)?,
        fired_at: row.get(10)?,
        missed: row.get(11)?,
        delivery_error: row.get(12)?,
    })
}

pub(super) fn fetch(conn: &Connection, id: &str) -> Result<Stored> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM reminders WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "Reminder" })
}

pub fn get(db: &Db, id: &str) -> Result<Reminder> {
    let quiet = settings::get(db)?.quiet_hours;
    Ok(fetch(db.conn(), id)?.into_reminder(&quiet))
}

/// Reminders by due time, oldest first.
pub fn list(db: &Db, q: &ReminderQuery) -> Result<Vec<Reminder>> {
    let quiet = settings::get(db)?.quiet_hours;
    let mut sql = format!("SELECT {COLUMNS} FROM reminders WHERE 1");
    if q.waiting_only {
        sql.push_str(" AND state IN ('pending', 'snoozed')");
    }
    if q.session_id.is_some() {
        sql.push_str(" AND session_id = :session");
    }
    sql.push_str(" ORDER BY due_utc, source, id");
    let mut stmt = db.conn().prepare_cached(&sql)?;
    let rows = if let Some(sid) = &q.session_id {
        stmt.query_map(named_params! { ":session": sid }, from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
    } else {
        stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?
    };
    Ok(rows.into_iter().map(|r| r.into_reminder(&quiet)).collect())
}

struct ValidInput {
    text: String,
    due: DateTime<Utc>,
    wall: String,
    zone: Tz,
}

fn validate(input: &ReminderInput, now: DateTime<Utc>) -> Result<ValidInput> {
    let mut errs = Vec::new();
    let t = input.text.trim().to_owned();
    if let Err(Error::Invalid(mut f)) = text("text", "Reminder text", &t, TEXT_MAX, true) {
        errs.append(&mut f);
    }
    let zone = time::parse_zone("zone", &input.zone);
    let wall = time::parse_wall("wallLocal", "Date and time", &input.wall_local);
    for e in [zone.as_ref().err(), wall.as_ref().err()].into_iter().flatten() {
        if let Error::Invalid(f) = e {
            errs.extend(f.iter().cloned());
        }
    }
    let (Ok(zone), Ok(wall), true) = (zone, wall, errs.is_empty()) else {
        return Err(Error::Invalid(errs));
    };
    let due = time::wall_to_utc_lenient(wall, zone);
    if due > now + Duration::days(2 * 366) {
        return Err(Error::field(
            "wallLocal",
            "out_of_range",
            "A reminder must be within the next two years.",
        ));
    }
    if due.timestamp() < 0 {
        return Err(Error::field(
            "wallLocal",
            "out_of_range",
            "That date is too far in the past.",
        ));
    }
    Ok(ValidInput {
        text: t,
        due,
        wall: wall.format("%Y-%m-%dT%H:%M").to_string(),
        zone,
    })
}

/// A reminder the runner writes by hand.
pub fn create_manual(db: &mut Db, input: &ReminderInput, now: DateTime<Utc>) -> Result<Reminder> {
    let v = validate(input, now)?;
    let id = uuid::Uuid::new_v4().to_string();
    db.with_tx(|tx| {
        tx.execute(
            "INSERT INTO reminders (id, kind, text, source, session_id, due_utc, wall_local, zone, state,
                created_at, updated_at)
             VALUES (?1, 'manual', ?2, 'manual', NULL, ?3, ?4, ?5, 'pending', ?6, ?6)",
            rusqlite::params![id, v.text, v.due.timestamp(), v.wall, v.zone.name(), now.timestamp()],
        )?;
        Ok(())
    })?;
    get(db, &id)
}

/// Changes a reminder's text and time. It waits again from its new time, even if it had fired.
pub fn edit(db: &mut Db, id: &str, input: &ReminderInput, now: DateTime<Utc>) -> Result<Reminder> {
    let v = validate(input, now)?;
    db.with_tx(|tx| {
        fetch(tx, id)?;
        tx.execute(
            "UPDATE reminders SET text = ?2, due_utc = ?3, wall_local = ?4, zone = ?5, state = 'pending',
                snoozed_until = NULL, fired_at = NULL, missed = 0, delivery_error = NULL, updated_at = ?6
             WHERE id = ?1",
            rusqlite::params![id, v.text, v.due.timestamp(), v.wall, v.zone.name(), now.timestamp()],
        )?;
        Ok(())
    })?;
    get(db, id)
}

pub fn snooze(db: &mut Db, id: &str, how: Snooze, now: DateTime<Utc>) -> Result<Reminder> {
    let s: Settings = settings::get(db)?;
    db.with_tx(|tx| {
        let r = fetch(tx, id)?;
        let until = match how {
            Snooze::OneHour => now + Duration::hours(1),
            Snooze::TomorrowMorning => {
                let tz = r.tz();
                let tomorrow = now.with_timezone(&tz).date_naive() + Duration::days(1);
                time::wall_to_utc_lenient(tomorrow.and_time(s.morning_or_default()), tz)
            }
        };
        tx.execute(
            "UPDATE reminders SET state = 'snoozed', snoozed_until = ?2, updated_at = ?3 WHERE id = ?1",
            rusqlite::params![id, until.timestamp(), now.timestamp()],
        )?;
        Ok(())
    })?;
    get(db, id)
}

pub fn act(db: &mut Db, id: &str, action: ReminderAction, now: DateTime<Utc>) -> Result<Reminder> {
    let state = match action {
        ReminderAction::Done => ReminderState::Done,
        ReminderAction::Dismiss => ReminderState::Dismissed,
    };
    db.with_tx(|tx| {
        fetch(tx, id)?;
        tx.execute(
            "UPDATE reminders SET state = ?2, snoozed_until = NULL, updated_at = ?3 WHERE id = ?1",
            rusqlite::params![id, state.as_str(), now.timestamp()],
        )?;
        Ok(())
    })?;
    get(db, id)
}

/// Deletes a reminder the runner made. Plan reminders are dismissed instead, so re-deriving the
/// plan does not bring them back.
pub fn delete_manual(db: &mut Db, id: &str) -> Result<Reminder> {
    let r = get(db, id)?;
    if r.kind != ReminderKind::Manual {
        return Err(Error::field(
            "id",
            "not_allowed",
            "Reminders from a recovery plan can be dismissed, not deleted.",
        ));
    }
    db.with_tx(|tx| {
        tx.execute("DELETE FROM reminders WHERE id = ?1", [id])?;
        Ok(())
    })?;
    Ok(r)
}
