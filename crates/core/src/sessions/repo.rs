//! The sessions table: its one row mapper (`from_row` over `COLUMNS`) and its one writer
//! (`upsert`), which the form's writes, the JSON importer and activity imports all go through.
//!
//! The write functions here take a transaction and change only this table and its focus regions.
//! A saved session also needs its recovery plan re-derived in the same transaction; that step
//! spans two domains, so it lives in `ops::sessions`, which is what hosts call.

use chrono::{DateTime, Utc};
use rusqlite::{named_params, Connection, OptionalExtension, Row};

use super::model::*;
use super::validate::Valid;
use crate::error::{Error, FieldCode, Result};
use crate::storage::Db;
use crate::time;

/// Columns in the order `from_row` reads them.
pub const COLUMNS: &str = "s.id, s.kind, s.start_utc, s.zone, s.duration_s, s.distance_m, s.rpe, s.notes,
    s.race_name, s.race_distance, s.race_status, s.finish_time_s,
    s.massage_type, s.therapist, s.pressure, s.felt_after, s.recovery_type, s.created_at, s.updated_at,
    (SELECT group_concat(f.region_id, ',') FROM session_focus_regions f WHERE f.session_id = s.id),
    s.sport, s.moving_s, s.elapsed_s, s.avg_hr, s.max_hr, s.ascent_m, s.cadence_spm, s.trimp, s.device,
    s.source_format, s.source_name, s.source_sha256, s.zone_from_file";

/// One session row as stored: a validated session with its id and timestamps.
pub struct SessionRow<'a> {
    pub id: &'a str,
    pub valid: &'a Valid,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

pub fn get(db: &Db, id: &str) -> Result<Session> {
    fetch(db.conn(), id)
}

/// A session on any connection (inside a transaction too).
pub fn fetch(conn: &Connection, id: &str) -> Result<Session> {
    fetch_opt(conn, id)?.ok_or(Error::NotFound { what: "Session" })
}

/// A session on any connection, or `None`.
pub fn fetch_opt(conn: &Connection, id: &str) -> Result<Option<Session>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM sessions s WHERE s.id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// A new session under a new id.
pub fn insert(tx: &Connection, v: &Valid, now: DateTime<Utc>) -> Result<Session> {
    let id = uuid::Uuid::new_v4().to_string();
    upsert(
        tx,
        &SessionRow {
            id: &id,
            valid: v,
            created: now,
            updated: now,
        },
    )?;
    fetch(tx, &id)
}

/// Rewrites an existing session, keeping its id and creation time.
pub fn replace(tx: &Connection, id: &str, v: &Valid, now: DateTime<Utc>) -> Result<Session> {
    let created: i64 = tx
        .query_row("SELECT created_at FROM sessions WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "Session" })?;
    upsert(
        tx,
        &SessionRow {
            id,
            valid: v,
            created: time::from_unix(created),
            updated: now,
        },
    )?;
    fetch(tx, id)
}

/// Deletes a session and returns it whole, so the UI can offer Undo.
pub fn remove(tx: &Connection, id: &str) -> Result<Session> {
    let gone = fetch(tx, id)?;
    tx.execute("DELETE FROM sessions WHERE id = ?1", [id])?;
    Ok(gone)
}

/// Puts back a session that `remove` returned, with its id and creation time.
pub fn reinsert(tx: &Connection, session: &Session, v: &Valid, now: DateTime<Utc>) -> Result<Session> {
    if uuid::Uuid::parse_str(&session.id).is_err() {
        return Err(Error::field(
            "id",
            FieldCode::InvalidFormat,
            "That entry can't be restored: its id is not valid.",
        ));
    }
    if fetch_opt(tx, &session.id)?.is_some() {
        return Err(Error::field(
            "id",
            FieldCode::Duplicate,
            "That entry is already in the log.",
        ));
    }
    upsert(
        tx,
        &SessionRow {
            id: &session.id,
            valid: v,
            created: session.created_at,
            updated: now,
        },
    )?;
    fetch(tx, &session.id)
}

/// Inserts the session, or rewrites every column but `id` and `created_at` when it exists, and
/// replaces its focus regions.
pub fn upsert(tx: &Connection, row: &SessionRow) -> Result<()> {
    let v = row.valid;
    let (mut race_name, mut race_distance, mut race_status, mut finish) = (None, None, None, None);
    let (mut massage_type, mut therapist, mut pressure, mut felt_after, mut regions) = (None, None, None, None, None);
    let mut recovery_type = None;
    let mut sport = None;
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
        SessionDetails::CrossTraining(c) => sport = Some(c.sport.as_str()),
        SessionDetails::EasyRun | SessionDetails::LongRun | SessionDetails::Workout => {}
    }
    let m = v.measured.clone().unwrap_or_default();
    let src = m.source.as_ref();
    // Cached: imports call this once per session. An upsert, not delete-and-insert: deleting the
    // row would unlink the soreness marks that reference it (ON DELETE SET NULL).
    tx.prepare_cached(
        "INSERT INTO sessions (id, kind, start_utc, zone, duration_s, distance_m, rpe, notes,
            race_name, race_distance, race_status, finish_time_s,
            massage_type, therapist, pressure, felt_after, recovery_type, created_at, updated_at,
            sport, moving_s, elapsed_s, avg_hr, max_hr, ascent_m, cadence_spm, trimp, device,
            source_format, source_name, source_sha256, zone_from_file)
         VALUES (:id, :kind, :start, :zone, :duration, :distance, :rpe, :notes,
            :race_name, :race_distance, :race_status, :finish,
            :massage_type, :therapist, :pressure, :felt_after, :recovery_type, :created, :updated,
            :sport, :moving, :elapsed, :avg_hr, :max_hr, :ascent, :cadence, :trimp, :device,
            :source_format, :source_name, :source_sha256, :zone_from_file)
         ON CONFLICT (id) DO UPDATE SET
            kind = excluded.kind, start_utc = excluded.start_utc, zone = excluded.zone,
            duration_s = excluded.duration_s, distance_m = excluded.distance_m, rpe = excluded.rpe,
            notes = excluded.notes, race_name = excluded.race_name, race_distance = excluded.race_distance,
            race_status = excluded.race_status, finish_time_s = excluded.finish_time_s,
            massage_type = excluded.massage_type, therapist = excluded.therapist,
            pressure = excluded.pressure, felt_after = excluded.felt_after,
            recovery_type = excluded.recovery_type, updated_at = excluded.updated_at,
            sport = excluded.sport, moving_s = excluded.moving_s, elapsed_s = excluded.elapsed_s,
            avg_hr = excluded.avg_hr, max_hr = excluded.max_hr, ascent_m = excluded.ascent_m,
            cadence_spm = excluded.cadence_spm, trimp = excluded.trimp, device = excluded.device,
            source_format = excluded.source_format, source_name = excluded.source_name,
            source_sha256 = excluded.source_sha256, zone_from_file = excluded.zone_from_file",
    )?
    .execute(named_params! {
        ":id": row.id,
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
        ":created": row.created.timestamp(),
        ":updated": row.updated.timestamp(),
        ":sport": sport,
        ":moving": m.moving_s,
        ":elapsed": m.elapsed_s,
        ":avg_hr": m.avg_hr,
        ":max_hr": m.max_hr,
        ":ascent": m.ascent_m,
        ":cadence": m.cadence_spm,
        ":trimp": m.trimp,
        ":device": m.device,
        ":source_format": src.map(|s| s.format.as_str()),
        ":source_name": src.map(|s| s.name.as_str()),
        ":source_sha256": src.map(|s| s.sha256.as_str()),
        ":zone_from_file": m.zone_from_file,
    })?;
    tx.prepare_cached("DELETE FROM session_focus_regions WHERE session_id = ?1")?
        .execute([row.id])?;
    for region in regions.into_iter().flatten() {
        tx.prepare_cached("INSERT INTO session_focus_regions (session_id, region_id) VALUES (?1, ?2)")?
            .execute([row.id, region])?;
    }
    Ok(())
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
pub fn from_row(row: &Row) -> rusqlite::Result<Session> {
    let kind = text_enum(row, 1, SessionKind::parse)?;
    let start = time::from_unix(row.get(2)?);
    let zone: String = row.get(3)?;
    // The zone was valid when written; a build whose tz database lost it shows UTC.
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
        SessionKind::CrossTraining => SessionDetails::CrossTraining(CrossTrainingDetails {
            sport: text_enum(row, 20, Sport::parse)?,
        }),
    };
    let source = match (row.get::<_, Option<String>>(29)?, row.get::<_, Option<String>>(31)?) {
        (Some(format), Some(sha256)) => Some(SourceFile {
            format: SourceFormat::parse(&format).unwrap_or(SourceFormat::Gpx),
            name: row.get::<_, Option<String>>(30)?.unwrap_or_default(),
            sha256,
        }),
        _ => None,
    };
    let measured = Measured {
        moving_s: row.get(21)?,
        elapsed_s: row.get(22)?,
        avg_hr: row.get(23)?,
        max_hr: row.get(24)?,
        ascent_m: row.get(25)?,
        cadence_spm: row.get(26)?,
        trimp: row.get(27)?,
        device: row.get(28)?,
        source,
        zone_from_file: row.get(32)?,
    };
    Ok(Session {
        id: row.get(0)?,
        start_utc: start,
        start_local: time::wall_in(start, tz),
        zone: tz,
        duration_s: row.get(4)?,
        distance_m: row.get(5)?,
        rpe: row.get(6)?,
        notes: row.get(7)?,
        details,
        measured: (!measured.is_empty()).then_some(measured),
        created_at: time::from_unix(row.get(17)?),
        updated_at: time::from_unix(row.get(18)?),
    })
}
