//! Keeps a session's plan reminders in step with the session, inside the same transaction as the
//! session write. Re-deriving is idempotent: reminders are matched by (session, rule), waiting ones
//! move to their new time, and ones that already fired, were done or dismissed are left alone, so
//! editing a race never fires a rule twice.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use crate::error::Result;
use crate::recovery::{self, Context, MassageFacts, PlannedReminder, RaceFacts};
use crate::sessions::{self, MassageType, RaceStatus, Session, SessionDetails};
use crate::settings::{self, Settings};

/// Sessions whose plans are refreshed when the rules change: anything this recent or later.
const RESYNC_WINDOW: Duration = Duration::days(120);

pub(crate) fn sync_session(tx: &Connection, session_id: &str, now: DateTime<Utc>) -> Result<()> {
    let s = settings::read(tx)?;
    let planned = match sessions::fetch_in(tx, session_id)? {
        Some(session) => derive(&session, &s, now),
        None => Vec::new(),
    };
    apply(tx, session_id, &planned, now)
}

/// After the rules or the morning time change, re-derive every recent or future plan.
pub(crate) fn resync_all(tx: &Connection, now: DateTime<Utc>) -> Result<()> {
    let since = (now - RESYNC_WINDOW).timestamp();
    let ids: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT id FROM sessions WHERE start_utc >= ?1 AND (kind = 'race' OR massage_type = 'deep_tissue')
             UNION SELECT session_id FROM reminders WHERE session_id IS NOT NULL AND state IN ('pending', 'snoozed')",
        )?;
        let rows = stmt
            .query_map([since], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows
    };
    for id in ids {
        sync_session(tx, &id, now)?;
    }
    Ok(())
}

pub(crate) fn derive(session: &Session, s: &Settings, now: DateTime<Utc>) -> Vec<PlannedReminder> {
    let Ok(start) = DateTime::parse_from_rfc3339(&session.start_utc).map(|t| t.with_timezone(&Utc)) else {
        return Vec::new();
    };
    let zone = session.zone.parse().unwrap_or(chrono_tz::UTC);
    let cx = Context {
        rules: &s.rules,
        morning: s.morning_or_default(),
        now,
    };
    match &session.details {
        SessionDetails::Race(r) => recovery::for_race(
            &RaceFacts {
                name: r.name.clone(),
                distance_m: session.distance_m.or(r.distance.metres()).unwrap_or(0.0),
                start,
                zone,
                finish_s: r.finish_time_s.or(session.duration_s),
                planned: r.status == RaceStatus::Planned,
            },
            &cx,
        ),
        SessionDetails::Massage(m) if m.massage_type == MassageType::DeepTissue => recovery::for_deep_massage(
            &MassageFacts {
                start,
                zone,
                duration_s: session.duration_s,
            },
            &cx,
        ),
        _ => Vec::new(),
    }
}

fn apply(tx: &Connection, session_id: &str, planned: &[PlannedReminder], now: DateTime<Utc>) -> Result<()> {
    let existing: HashMap<String, (String, String, i64)> = {
        let mut stmt = tx.prepare_cached("SELECT source, id, state, due_utc FROM reminders WHERE session_id = ?1")?;
        let rows = stmt
            .query_map([session_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?
            .collect::<rusqlite::Result<HashMap<_, _>>>()?;
        rows
    };
    for p in planned {
        let wall = p.wall.format("%Y-%m-%dT%H:%M").to_string();
        match existing.get(&p.rule) {
            None => {
                tx.execute(
                    "INSERT INTO reminders (id, kind, text, source, session_id, due_utc, wall_local, zone, state,
                        created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'pending', ?9, ?9)",
                    rusqlite::params![
                        uuid::Uuid::new_v4().to_string(),
                        p.kind.as_str(),
                        p.text,
                        p.rule,
                        session_id,
                        p.due.timestamp(),
                        wall,
                        p.zone.name(),
                        now.timestamp()
                    ],
                )?;
            }
            Some((id, state, due)) if state == "pending" || state == "snoozed" => {
                // A snooze survives a re-derivation that leaves the time alone (e.g. a notes edit).
                let moved = *due != p.due.timestamp();
                tx.execute(
                    "UPDATE reminders SET kind = ?2, text = ?3, due_utc = ?4, wall_local = ?5, zone = ?6,
                        state = CASE WHEN ?7 THEN 'pending' ELSE state END,
                        snoozed_until = CASE WHEN ?7 THEN NULL ELSE snoozed_until END,
                        updated_at = ?8
                     WHERE id = ?1",
                    rusqlite::params![
                        id,
                        p.kind.as_str(),
                        p.text,
                        p.due.timestamp(),
                        wall,
                        p.zone.name(),
                        moved,
                        now.timestamp()
                    ],
                )?;
            }
            Some(_) => {} // fired, done or dismissed: it has had its moment.
        }
    }
    for (rule, (id, state, _)) in &existing {
        let still_planned = planned.iter().any(|p| &p.rule == rule);
        if !still_planned && (state == "pending" || state == "snoozed") {
            tx.execute("DELETE FROM reminders WHERE id = ?1", [id])?;
        }
    }
    Ok(())
}
