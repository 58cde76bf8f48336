//! Create, read, update, delete and restore. Each write is one transaction covering the session
//! row and its focus regions, and validation happens before the transaction opens, so a refused
//! input writes nothing.

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{named_params, OptionalExtension, Row, Transaction};

use super::model::*;
use super::validate::{self, Valid};
use crate::error::{Error, Result};
use crate::reminders;
use crate::storage::db::Db;
use crate::time;

/// Columns in the order `from_row` reads them.
pub(crate) const COLUMNS: &str = "s.id, s.kind, s.start_utc, s.zone, s.duration_s, s.distance_m, s.rpe, s.notes,
    s.race_name, s.race_distance, s.race_status, s.finish_time_s,
    s.massage_type, s.therapist, s.pressure, s.felt_after, s.recovery_type, s.created_at, s.updated_at,
    (SELECT group_concat(f.region_id, ',') FROM session_focus_regions f WHERE f.session_id = s.id)";

pub fn create(db: &mut Db, input: &SessionInput, now: DateTime<Utc>) -> Result<Session> {
    let v = validate::session(input, now)?;
    let id = uuid::Uuid::new_v4().to_string();
    db.with_tx(|tx| {
        insert(tx, &id, &v, now.timestamp(), now.timestamp())?;
        reminders::sync::sync_session(tx, &id, now)?;
        fetch(tx, &id)
    })
}

pub fn get(db: &Db, id: &str) -> Result<Session> {
    fetch(db.conn(), id)
}

/// A session on any connection (inside a transaction too), or `None`.
pub(crate) fn fetch_in(conn: &rusqlite::Connection, id: &str) -> Result<Option<Session>> {
    match fetch(conn, id) {
        Ok(s) => Ok(Some(s)),
        Err(Error::NotFound { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn update(db: &mut Db, id: &str, input: &SessionInput, now: DateTime<Utc>) -> Result<Session> {
    let v = validate::session(input, now)?;
    db.with_tx(|tx| {
        let created: i64 = tx
            .query_row("SELECT created_at FROM sessions WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or(Error::NotFound { what: "Session" })?;
        tx.execute("DELETE FROM session_focus_regions WHERE session_id = ?1", [id])?;
        // An upsert, not delete-and-insert: deleting the row would unlink the soreness marks
        // that reference it (ON DELETE SET NULL).
        insert(tx, id, &v, created, now.timestamp())?;
        reminders::sync::sync_session(tx, id, now)?;
        fetch(tx, id)
    })
}

/// Deletes a session and returns it whole, so the UI can offer Undo through `restore`.
pub fn delete(db: &mut Db, id: &str) -> Result<Session> {
    db.with_tx(|tx| {
        let gone = fetch(tx, id)?;
        tx.execute("DELETE FROM sessions WHERE id = ?1", [id])?;
        // Its waiting reminders go with it; fired ones stay as history (see reminders::sync).
        reminders::sync::sync_session(tx, id, Utc::now())?;
        Ok(gone)
    })
}

/// Puts back a session that `delete` returned, with its id and creation time.
pub fn restore(db: &mut Db, session: &Session, now: DateTime<Utc>) -> Result<Session> {
    // Judge it as of its last save: a planned race that has since passed was valid then, and
    // putting back what was there must not fail because time moved on.
    let saved = rfc3339(&session.updated_at).unwrap_or(now);
    let v = validate::session(&session.to_input(), saved)?;
    put_back(db, session, &v, now)
}

fn rfc3339(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| t.with_timezone(&Utc))
}

fn put_back(db: &mut Db, session: &Session, v: &Valid, now: DateTime<Utc>) -> Result<Session> {
    if uuid::Uuid::parse_str(&session.id).is_err() {
        return Err(Error::field(
            "id",
            "invalid_format",
            "That entry can't be restored: its id is not valid.",
        ));
    }
    let created = rfc3339(&session.created_at).unwrap_or(now).timestamp();
    db.with_tx(|tx| {
        let exists: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?1)",
            [&session.id],
            |r| r.get(0),
        )?;
        if exists {
            return Err(Error::field("id", "duplicate", "That entry is already in the log."));
        }
        insert(tx, &session.id, v, created, now.timestamp())?;
        reminders::sync::sync_session(tx, &session.id, now)?;
        fetch(tx, &session.id)
    })
}

/// Inserts the session, or rewrites every column but `id` and `created_at` when it exists.
pub(crate) fn insert(tx: &Transaction, id: &str, v: &Valid, created: i64, updated: i64) -> Result<()> {
    let (mut race_name, mut race_distance, mut race_status, mut finish) = (None, None, None, None);
    let (mut massage_type, mut therapist, mut pressure, mut felt_after, mut regions) = (None, None, None, None, None);
    let mut recovery_type = None;
    match &v.details {
        SessionDetails::Race(r) => {
            race_name = Some(r.name.as_str());
            race_distance = Some(r.distance.as_str());
            race_status = Some(r.status.as_str());
            finish = r.finish_time_s;
        }
        SessionDetails::Massage(m) => {
            massage_type = Some(m.massage_type.as_str());
            therapist = Some(m.therapist.as_str());
            pressure = m.pressure.map(Pressure::as_str);
            felt_after = Some(m.felt_after.as_str());
            regions = Some(&m.focus_regions);
        }
        SessionDetails::OtherRecovery(r) => recovery_type = Some(r.recovery_type.as_str()),
        SessionDetails::EasyRun | SessionDetails::LongRun | SessionDetails::Workout => {}
    }
    // Cached: imports call this once per session.
    tx.prepare_cached(
        "INSERT INTO sessions (id, kind, start_utc, zone, duration_s, distance_m, rpe, notes,
            race_name, race_distance, race_status, finish_time_s,
            massage_type, therapist, pressure, felt_after, recovery_type, created_at, updated_at)
         VALUES (:id, :kind, :start, :zone, :duration, :distance, :rpe, :notes,
            :race_name, :race_distance, :race_status, :finish,
            :massage_type, :therapist, :pressure, :felt_after, :recovery_type, :created, :updated)
         ON CONFLICT (id) DO UPDATE SET
            kind = excluded.kind, start_utc = excluded.start_utc, zone = excluded.zone,
            duration_s = excluded.duration_s, distance_m = excluded.distance_m, rpe = excluded.rpe,
            notes = excluded.notes, race_name = excluded.race_name, race_distance = excluded.race_distance,
            race_status = excluded.race_status, finish_time_s = excluded.finish_time_s,
            massage_type = excluded.massage_type, therapist = excluded.therapist,
            pressure = excluded.pressure, felt_after = excluded.felt_after,
            recovery_type = excluded.recovery_type, updated_at = excluded.updated_at",
    )?
    .execute(named_params! {
        ":id": id,
        ":kind": v.details.kind().as_str(),
        ":start": v.start_utc.timestamp(),
        ":zone": v.zone.name(),
        ":duration": v.duration_s,
        ":distance": v.distance_m,
        ":rpe": v.rpe,
        ":notes": v.notes,
        ":race_name": race_name,
        ":race_distance": race_distance,
        ":race_status": race_status,
        ":finish": finish,
        ":massage_type": massage_type,
        ":therapist": therapist,
        ":pressure": pressure,
        ":felt_after": felt_after,
        ":recovery_type": recovery_type,
        ":created": created,
        ":updated": updated,
    })?;
    for region in regions.into_iter().flatten() {
        tx.prepare_cached("INSERT INTO session_focus_regions (session_id, region_id) VALUES (?1, ?2)")?
            .execute([id, region])?;
    }
    Ok(())
}

fn fetch(conn: &rusqlite::Connection, id: &str) -> Result<Session> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM sessions s WHERE s.id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "Session" })
}

fn instant(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(secs, 0).single().unwrap_or(DateTime::UNIX_EPOCH)
}

fn text_enum<T>(row: &Row, idx: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    parse(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unknown value {s:?}").into(),
        )
    })
}

/// Reads a row selected with `COLUMNS`.
pub(crate) fn from_row(row: &Row) -> rusqlite::Result<Session> {
    let kind = text_enum(row, 1, SessionKind::parse)?;
    let start = instant(row.get(2)?);
    let zone: String = row.get(3)?;
    let tz = zone.parse::<chrono_tz::Tz>().unwrap_or(chrono_tz::UTC);
    let details = match kind {
        SessionKind::EasyRun => SessionDetails::EasyRun,
        SessionKind::LongRun => SessionDetails::LongRun,
        SessionKind::Workout => SessionDetails::Workout,
        SessionKind::Race => SessionDetails::Race(RaceDetails {
            name: row.get(8)?,
            distance: text_enum(row, 9, RaceDistance::parse)?,
            status: text_enum(row, 10, RaceStatus::parse)?,
            finish_time_s: row.get(11)?,
        }),
        SessionKind::Massage => SessionDetails::Massage(MassageDetails {
            massage_type: text_enum(row, 12, MassageType::parse)?,
            therapist: row.get::<_, Option<String>>(13)?.unwrap_or_default(),
            pressure: row.get::<_, Option<String>>(14)?.as_deref().and_then(Pressure::parse),
            felt_after: row.get::<_, Option<String>>(15)?.unwrap_or_default(),
            focus_regions: row
                .get::<_, Option<String>>(19)?
                .map(|s| {
                    let mut v: Vec<String> = s.split(',').map(str::to_owned).collect();
                    v.sort();
                    v
                })
                .unwrap_or_default(),
        }),
        SessionKind::OtherRecovery => SessionDetails::OtherRecovery(RecoveryDetails {
            recovery_type: text_enum(row, 16, RecoveryType::parse)?,
        }),
    };
    Ok(Session {
        id: row.get(0)?,
        start_utc: start.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        start_local: time::utc_to_wall(start, tz),
        zone,
        duration_s: row.get(4)?,
        distance_m: row.get(5)?,
        rpe: row.get(6)?,
        notes: row.get(7)?,
        details,
        created_at: instant(row.get(17)?).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        updated_at: instant(row.get(18)?).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}
