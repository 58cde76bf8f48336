//! The reminders table: its one row mapper (`from_row` over `COLUMNS`) and its one writer
//! (`upsert`), used by the runner's own reminders here, by plans (`ops::plans`) and by the JSON
//! importer. Plus the reads and changes the Plan page makes: list, manual create, edit, snooze,
//! done, dismiss, delete.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{named_params, Connection, OptionalExtension, Row};

use super::model::*;
use crate::error::{Error, FieldCode, Result};
use crate::input::text;
use crate::limits::{MAX_AHEAD_DAYS, REMINDER_TEXT_MAX};
use crate::recovery::ReminderKind;
use crate::settings::{self, Settings};
use crate::storage::Db;
use crate::time;

/// Columns in the order `from_row` reads them.
pub const COLUMNS: &str = "id, kind, text, source, session_id, due_utc, wall_local, zone, state,
    snoozed_until, fired_at, missed, delivery_error, created_at, updated_at, delivered_at";

fn bad(i: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, format!("unknown value {what:?}").into())
}

/// Reads a row selected with `COLUMNS`. `fires_at` is left for `Reminder::with_fire_time`.
pub fn from_row(row: &Row) -> rusqlite::Result<Reminder> {
    let kind: String = row.get(1)?;
    let state: String = row.get(8)?;
    let wall: String = row.get(6)?;
    let zone: String = row.get(7)?;
    let due = time::from_unix(row.get(5)?);
    let tz = zone.parse::<Tz>().unwrap_or(chrono_tz::UTC);
    Ok(Reminder {
        id: row.get(0)?,
        kind: ReminderKind::parse(&kind).ok_or_else(|| bad(1, &kind))?,
        text: row.get(2)?,
        source: row.get(3)?,
        session_id: row.get(4)?,
        due_utc: due,
        // Written by `upsert` from a NaiveDateTime; a hand-edited value falls back to the due
        // time's own wall clock.
        wall_local: time::parse_wall("", "", &wall).unwrap_or_else(|_| time::wall_in(due, tz)),
        zone: tz,
        state: ReminderState::parse(&state).ok_or_else(|| bad(8, &state))?,
        snoozed_until: row.get::<_, Option<i64>>(9)?.map(time::from_unix),
        fired_at: row.get::<_, Option<i64>>(10)?.map(time::from_unix),
        missed: row.get(11)?,
        delivery_error: row.get(12)?,
        created_at: time::from_unix(row.get(13)?),
        updated_at: time::from_unix(row.get(14)?),
        delivered_at: row.get::<_, Option<i64>>(15)?.map(time::from_unix),
        fires_at: None,
    })
}

/// Inserts the reminder, or rewrites every column but `id` and `created_at` when it exists.
pub fn upsert(conn: &Connection, r: &Reminder) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO reminders (id, kind, text, source, session_id, due_utc, wall_local, zone, state,
            snoozed_until, fired_at, missed, delivery_error, created_at, updated_at, delivered_at)
         VALUES (:id, :kind, :text, :source, :session, :due, :wall, :zone, :state,
            :snoozed, :fired, :missed, :error, :created, :updated, :delivered)
         ON CONFLICT (id) DO UPDATE SET
            kind = excluded.kind, text = excluded.text, source = excluded.source,
            session_id = excluded.session_id, due_utc = excluded.due_utc, wall_local = excluded.wall_local,
            zone = excluded.zone, state = excluded.state, snoozed_until = excluded.snoozed_until,
            fired_at = excluded.fired_at, missed = excluded.missed, delivery_error = excluded.delivery_error,
            updated_at = excluded.updated_at, delivered_at = excluded.delivered_at",
    )?
    .execute(named_params! {
        ":id": r.id,
        ":kind": r.kind.as_str(),
        ":text": r.text,
        ":source": r.source,
        ":session": r.session_id,
        ":due": r.due_utc.timestamp(),
        ":wall": time::wall_text(r.wall_local),
        ":zone": r.zone.name(),
        ":state": r.state.as_str(),
        ":snoozed": r.snoozed_until.map(|t| t.timestamp()),
        ":fired": r.fired_at.map(|t| t.timestamp()),
        ":missed": r.missed,
        ":error": r.delivery_error,
        ":created": r.created_at.timestamp(),
        ":updated": r.updated_at.timestamp(),
        ":delivered": r.delivered_at.map(|t| t.timestamp()),
    })?;
    Ok(())
}

/// A reminder on any connection (inside a transaction too).
pub fn fetch(conn: &Connection, id: &str) -> Result<Reminder> {
    fetch_opt(conn, id)?.ok_or(Error::NotFound { what: "Reminder" })
}

pub fn fetch_opt(conn: &Connection, id: &str) -> Result<Option<Reminder>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM reminders WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// The reminders of one session's plan.
pub fn for_session(conn: &Connection, session_id: &str) -> Result<Vec<Reminder>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM reminders WHERE session_id = ?1 ORDER BY due_utc, source, id"
    ))?;
    let rows = stmt
        .query_map([session_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// What is due by `until`: reminders fired since `fired_since` and not yet answered, and those
/// still to fire before `until` (after snoozing and quiet hours), by when they fire.
pub fn due_by(db: &Db, fired_since: DateTime<Utc>, until: DateTime<Utc>) -> Result<Vec<Reminder>> {
    let quiet = settings::get(db)?.quiet_hours;
    // Quiet hours only ever move a reminder later, so `until` bounds the candidates.
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM reminders
         WHERE (state = 'fired' AND fired_at >= ?1)
            OR (state IN ('pending', 'snoozed') AND coalesce(snoozed_until, due_utc) < ?2)
         ORDER BY due_utc, source, id"
    ))?;
    let rows = stmt
        .query_map([fired_since.timestamp(), until.timestamp()], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out: Vec<Reminder> = rows
        .into_iter()
        .map(|r| r.with_fire_time(&quiet))
        .filter(|r| r.fires_at.is_none_or(|t| t < until))
        .collect();
    out.sort_by_key(|r| (r.fires_at.or(r.fired_at).unwrap_or(r.due_utc), r.id.clone()));
    Ok(out)
}

/// The plan reminder a session's rule made, whatever its id.
pub fn by_rule(conn: &Connection, session_id: &str, source: &str) -> Result<Option<Reminder>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM reminders WHERE session_id = ?1 AND source = ?2"
        ))?
        .query_row([session_id, source], from_row)
        .optional()?)
}

pub fn delete_in(conn: &Connection, id: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM reminders WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

pub fn get(db: &Db, id: &str) -> Result<Reminder> {
    let quiet = settings::get(db)?.quiet_hours;
    Ok(fetch(db.conn(), id)?.with_fire_time(&quiet))
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
    Ok(rows.into_iter().map(|r| r.with_fire_time(&quiet)).collect())
}

struct ValidInput {
    text: String,
    due: DateTime<Utc>,
    wall: NaiveDateTime,
    zone: Tz,
}

fn validate(input: &ReminderInput, now: DateTime<Utc>) -> Result<ValidInput> {
    let mut errs = Vec::new();
    let t = input.text.trim().to_owned();
    if let Err(Error::Invalid(mut f)) = text("text", "Reminder text", &t, REMINDER_TEXT_MAX, true) {
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
    if due > now + Duration::days(MAX_AHEAD_DAYS) {
        return Err(Error::field(
            "wallLocal",
            FieldCode::OutOfRange,
            "A reminder must be within the next two years.",
        ));
    }
    if due.timestamp() < 0 {
        return Err(Error::field(
            "wallLocal",
            FieldCode::OutOfRange,
            "That date is too far in the past.",
        ));
    }
    Ok(ValidInput {
        text: t,
        due,
        wall,
        zone,
    })
}

/// A reminder the runner writes by hand.
pub fn create_manual(db: &mut Db, input: &ReminderInput, now: DateTime<Utc>) -> Result<Reminder> {
    let v = validate(input, now)?;
    let r = Reminder {
        id: uuid::Uuid::new_v4().to_string(),
        kind: ReminderKind::Manual,
        text: v.text,
        source: "manual".into(),
        session_id: None,
        due_utc: v.due,
        wall_local: v.wall,
        zone: v.zone,
        state: ReminderState::Pending,
        snoozed_until: None,
        fired_at: None,
        missed: false,
        delivery_error: None,
        created_at: now,
        updated_at: now,
        delivered_at: None,
        fires_at: None,
    };
    db.with_tx(|tx| upsert(tx, &r))?;
    get(db, &r.id)
}

/// Changes a reminder's text and time. It waits again from its new time, even if it had fired.
pub fn edit(db: &mut Db, id: &str, input: &ReminderInput, now: DateTime<Utc>) -> Result<Reminder> {
    let v = validate(input, now)?;
    db.with_tx(|tx| {
        let r = fetch(tx, id)?;
        upsert(
            tx,
            &Reminder {
                text: v.text,
                due_utc: v.due,
                wall_local: v.wall,
                zone: v.zone,
                state: ReminderState::Pending,
                snoozed_until: None,
                fired_at: None,
                missed: false,
                delivery_error: None,
                delivered_at: None,
                updated_at: now,
                ..r
            },
        )
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
                let tomorrow = now.with_timezone(&r.zone).date_naive() + Duration::days(1);
                time::wall_to_utc_lenient(tomorrow.and_time(s.morning_or_default()), r.zone)
            }
        };
        upsert(
            tx,
            &Reminder {
                state: ReminderState::Snoozed,
                snoozed_until: Some(until),
                updated_at: now,
                ..r
            },
        )
    })?;
    get(db, id)
}

pub fn act(db: &mut Db, id: &str, action: ReminderAction, now: DateTime<Utc>) -> Result<Reminder> {
    let state = match action {
        ReminderAction::Done => ReminderState::Done,
        ReminderAction::Dismiss => ReminderState::Dismissed,
    };
    db.with_tx(|tx| {
        let r = fetch(tx, id)?;
        upsert(
            tx,
            &Reminder {
                state,
                snoozed_until: None,
                updated_at: now,
                ..r
            },
        )
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
            FieldCode::NotAllowed,
            "Reminders from a recovery plan can be dismissed, not deleted.",
        ));
    }
    db.with_tx(|tx| delete_in(tx, id))?;
    Ok(r)
}
