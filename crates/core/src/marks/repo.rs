//! The marks table: its one row mapper and one upsert, and the transaction-level writes that
//! `ops::marks` composes (a mark with swelling or bruising can change a recovery plan, so hosts
//! save marks through ops). Validation runs before the transaction opens, so a refused mark writes
//! nothing.

use chrono::{DateTime, Utc};
use rusqlite::{named_params, Connection, OptionalExtension, Row};

use super::model::{Mark, MarkInput, Sensation};
use super::validate::Valid;
use crate::error::{Error, FieldCode, Result};
use crate::storage::Db;
use crate::time;

pub const COLUMNS: &str = "m.id, m.region_id, m.sensation, m.intensity, m.swelling, m.bruising, m.note,
    m.at_utc, m.zone, m.session_id, m.created_at, m.updated_at";

/// A new mark's id and its timestamps: the first save creates, later ones keep `created`.
pub struct Saving<'a> {
    pub id: &'a str,
    pub created: DateTime<Utc>,
    pub now: DateTime<Utc>,
}

/// The creation time of an existing mark.
pub fn created_at(conn: &Connection, id: &str) -> Result<DateTime<Utc>> {
    let created: Option<i64> = conn
        .query_row("SELECT created_at FROM marks WHERE id = ?1", [id], |r| r.get(0))
        .optional()?;
    created.map(time::from_unix).ok_or(Error::NotFound { what: "Mark" })
}

/// Deletes a mark inside the caller's transaction and returns it, so the UI can offer Undo.
pub fn remove(tx: &Connection, id: &str) -> Result<Mark> {
    let gone = fetch(tx, id)?;
    tx.execute("DELETE FROM marks WHERE id = ?1", [id])?;
    Ok(gone)
}

/// Refuses to put back a mark whose id is not valid or is already on the chart.
pub fn check_restorable(conn: &Connection, mark: &Mark) -> Result<()> {
    if uuid::Uuid::parse_str(&mark.id).is_err() {
        return Err(Error::field(
            "id",
            FieldCode::InvalidFormat,
            "That mark can't be restored: its id is not valid.",
        ));
    }
    let exists: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM marks WHERE id = ?1)", [&mark.id], |r| {
        r.get(0)
    })?;
    if exists {
        return Err(Error::field(
            "id",
            FieldCode::Duplicate,
            "That mark is already on the chart.",
        ));
    }
    Ok(())
}

/// When a mark was last changed, if it exists: what a JSON import compares with.
pub fn updated_at(conn: &Connection, id: &str) -> Result<Option<DateTime<Utc>>> {
    Ok(conn
        .prepare_cached("SELECT updated_at FROM marks WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, i64>(0))
        .optional()?
        .map(time::from_unix))
}

pub fn get(db: &Db, id: &str) -> Result<Mark> {
    fetch(db.conn(), id)
}

/// Marks attached to one session, oldest first.
pub fn for_session(db: &Db, session_id: &str) -> Result<Vec<Mark>> {
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM marks m WHERE m.session_id = ?1 ORDER BY m.at_utc, m.id"
    ))?;
    let rows = stmt
        .query_map([session_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Writes a validated mark inside the caller's transaction (`ops::marks` opens it), checking that
/// the session it names still exists.
pub fn save(tx: &Connection, input: &MarkInput, v: &Valid, at: Saving) -> Result<Mark> {
    let session = input.session_id.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if let Some(sid) = session {
        if crate::sessions::fetch_opt(tx, sid)?.is_none() {
            return Err(Error::field(
                "session",
                FieldCode::UnknownValue,
                "The session this mark belongs to no longer exists.",
            ));
        }
    }
    upsert(
        tx,
        &MarkRow {
            id: at.id,
            region: &input.region_id,
            sensation: input.sensation,
            intensity: input.intensity,
            swelling: input.swelling,
            bruising: input.bruising,
            note: &v.note,
            at: v.at_utc.timestamp(),
            zone: v.zone.name(),
            session,
            created: at.created.timestamp(),
            updated: at.now.timestamp(),
        },
    )?;
    fetch(tx, at.id)
}

/// One mark row as stored, validated by the caller. The repo and the importer both write through
/// `upsert`, so the column list lives in one place.
pub struct MarkRow<'a> {
    pub id: &'a str,
    pub region: &'a str,
    pub sensation: Sensation,
    pub intensity: i32,
    pub swelling: bool,
    pub bruising: bool,
    pub note: &'a str,
    pub at: i64,
    pub zone: &'a str,
    pub session: Option<&'a str>,
    pub created: i64,
    pub updated: i64,
}

/// Inserts the mark, or rewrites every column but `id` and `created_at` when it exists.
pub fn upsert(conn: &Connection, r: &MarkRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO marks (id, region_id, sensation, intensity, swelling, bruising, note, at_utc, zone,
            session_id, created_at, updated_at)
         VALUES (:id, :region, :sensation, :intensity, :swelling, :bruising, :note, :at, :zone,
            :session, :created, :updated)
         ON CONFLICT (id) DO UPDATE SET
            region_id = excluded.region_id, sensation = excluded.sensation,
            intensity = excluded.intensity, swelling = excluded.swelling, bruising = excluded.bruising,
            note = excluded.note, at_utc = excluded.at_utc, zone = excluded.zone,
            session_id = excluded.session_id, updated_at = excluded.updated_at",
    )?
    .execute(named_params! {
        ":id": r.id,
        ":region": r.region,
        ":sensation": r.sensation.as_str(),
        ":intensity": r.intensity,
        ":swelling": r.swelling,
        ":bruising": r.bruising,
        ":note": r.note,
        ":at": r.at,
        ":zone": r.zone,
        ":session": r.session,
        ":created": r.created,
        ":updated": r.updated,
    })?;
    Ok(())
}

pub fn fetch(conn: &Connection, id: &str) -> Result<Mark> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM marks m WHERE m.id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "Mark" })
}

pub fn from_row(row: &Row) -> rusqlite::Result<Mark> {
    let sensation: String = row.get(2)?;
    let sensation = Sensation::parse(&sensation).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            2,
            rusqlite::types::Type::Text,
            format!("sensation {sensation:?}").into(),
        )
    })?;
    let at = time::from_unix(row.get(7)?);
    let zone: String = row.get(8)?;
    let tz = zone.parse::<chrono_tz::Tz>().unwrap_or(chrono_tz::UTC);
    Ok(Mark {
        id: row.get(0)?,
        region_id: row.get(1)?,
        sensation,
        intensity: row.get(3)?,
        swelling: row.get(4)?,
        bruising: row.get(5)?,
        note: row.get(6)?,
        at_utc: at,
        at_local: time::wall_in(at, tz),
        zone: tz,
        session_id: row.get(9)?,
        created_at: time::from_unix(row.get(10)?),
        updated_at: time::from_unix(row.get(11)?),
    })
}
