//! Keeps a session's plan reminders in step with the session, inside the same transaction as the
//! session write. It reads sessions and settings and writes reminders, so it lives here, above
//! those domains, rather than in any of them.
//!
//! Re-deriving is idempotent: reminders are matched by (session, rule), waiting ones move to their
//! new time, and ones that already fired, were done or dismissed are left alone, so editing a race
//! never fires a rule twice.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use crate::error::Result;
use crate::marks;
use crate::recovery::{self, Cautions, Context, MassageFacts, PlannedReminder, RaceFacts};
use crate::reminders::{self, Reminder, ReminderState};
use crate::sessions::{self, MassageType, RaceStatus, Session, SessionDetails, SessionKind};
use crate::settings::{self, Settings};

/// Sessions whose plans are refreshed when the rules change: anything this recent or later.
const RESYNC_WINDOW: Duration = Duration::days(120);

/// Re-derives the plan of one session (none, when the session is gone).
pub fn sync_session(tx: &Connection, session_id: &str, now: DateTime<Utc>) -> Result<()> {
    let s = settings::read(tx)?;
    let planned = match sessions::fetch_opt(tx, session_id)? {
        Some(session) => {
            let cautions = cautions(tx, &session, &s)?;
            derive(&session, &s, cautions, now)
        }
        None => Vec::new(),
    };
    apply(tx, session_id, &planned, now)
}

/// What keeps the massage after `session` gentle: a fresh swelling or bruising mark, and the next
/// planned race after it.
fn cautions(tx: &Connection, session: &Session, s: &Settings) -> Result<Cautions> {
    if !matches!(session.details, SessionDetails::Race(_)) {
        return Ok(Cautions::default());
    }
    let acute = Duration::hours(i64::from(s.rules.acute_injury_no_massage_hours));
    let acute_until = marks::latest_acute(tx)?.map(|at| at + acute);
    let next_race = sessions::between(
        tx,
        &[SessionKind::Race],
        session.start_utc + Duration::minutes(1),
        session.start_utc + NEXT_RACE_AHEAD,
        50,
    )?
    .into_iter()
    .rev()
    .find_map(|r| match &r.details {
        SessionDetails::Race(d) if d.status == RaceStatus::Planned => Some((r.start_utc, r.zone, d.name.clone())),
        _ => None,
    });
    Ok(Cautions { acute_until, next_race })
}

/// How far back a race's plan looks for the next planned race (`cautions`).
const NEXT_RACE_AHEAD: Duration = Duration::days(60);

/// After a race was saved, moved or removed (`at` is each start it had): the plans of the races
/// before it, whose "deeper work is fine" depends on the next planned race.
pub fn sync_races_before(tx: &Connection, at: &[DateTime<Utc>], except: &str, now: DateTime<Utc>) -> Result<()> {
    let mut ids: Vec<String> = Vec::new();
    for start in at {
        for r in sessions::between(tx, &[SessionKind::Race], *start - NEXT_RACE_AHEAD, *start, 200)? {
            if r.id != except && !ids.contains(&r.id) {
                ids.push(r.id);
            }
        }
    }
    for id in ids {
        sync_session(tx, &id, now)?;
    }
    Ok(())
}

/// After a swelling or bruising mark was saved, changed or removed: the plans it can soften.
pub fn resync_after_mark(tx: &Connection, now: DateTime<Utc>) -> Result<()> {
    let races = sessions::between(
        tx,
        &[SessionKind::Race],
        now - Duration::days(14),
        DateTime::<Utc>::MAX_UTC,
        u32::MAX,
    )?;
    for race in races {
        sync_session(tx, &race.id, now)?;
    }
    Ok(())
}

/// After the rules or the morning time change, re-derive every recent or future plan.
pub fn resync_all(tx: &Connection, now: DateTime<Utc>) -> Result<()> {
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

/// The reminders a session's plan holds, by the rules as they are now.
pub fn derive(session: &Session, s: &Settings, cautions: Cautions, now: DateTime<Utc>) -> Vec<PlannedReminder> {
    let cx = Context {
        rules: &s.rules,
        morning: s.morning_or_default(),
        now,
        cautions,
    };
    match &session.details {
        SessionDetails::Race(r) => recovery::for_race(
            &RaceFacts {
                name: r.name.clone(),
                distance_m: session.distance_m.or(r.distance.metres()).unwrap_or(0.0),
                start: session.start_utc,
                zone: session.zone,
                finish_s: r.finish_time_s.or(session.duration_s),
                planned: r.status == RaceStatus::Planned,
            },
            &cx,
        ),
        SessionDetails::Massage(m) if m.massage_type == MassageType::DeepTissue => recovery::for_deep_massage(
            &MassageFacts {
                start: session.start_utc,
                zone: session.zone,
                duration_s: session.duration_s,
            },
            &cx,
        ),
        _ => Vec::new(),
    }
}

fn apply(tx: &Connection, session_id: &str, planned: &[PlannedReminder], now: DateTime<Utc>) -> Result<()> {
    let existing = reminders::for_session(tx, session_id)?;
    for p in planned {
        match existing.iter().find(|r| r.source == p.rule) {
            None => reminders::upsert(
                tx,
                &Reminder {
                    id: uuid::Uuid::new_v4().to_string(),
                    kind: p.kind,
                    text: p.text.clone(),
                    source: p.rule.clone(),
                    session_id: Some(session_id.to_owned()),
                    due_utc: p.due,
                    wall_local: p.wall,
                    zone: p.zone,
                    state: ReminderState::Pending,
                    snoozed_until: None,
                    fired_at: None,
                    missed: false,
                    delivery_error: None,
                    created_at: now,
                    updated_at: now,
                    delivered_at: None,
                    fires_at: None,
                },
            )?,
            Some(r) if r.state.is_waiting() => {
                // A snooze survives a re-derivation that leaves the time alone (e.g. a notes edit).
                let moved = r.due_utc != p.due;
                reminders::upsert(
                    tx,
                    &Reminder {
                        kind: p.kind,
                        text: p.text.clone(),
                        due_utc: p.due,
                        wall_local: p.wall,
                        zone: p.zone,
                        state: if moved { ReminderState::Pending } else { r.state },
                        snoozed_until: if moved { None } else { r.snoozed_until },
                        updated_at: now,
                        ..r.clone()
                    },
                )?
            }
            Some(_) => {} // fired, done or dismissed: it has had its moment.
        }
    }
    for r in &existing {
        let still_planned = planned.iter().any(|p| p.rule == r.source);
        if !still_planned && r.state.is_waiting() {
            reminders::delete_in(tx, &r.id)?;
        }
    }
    Ok(())
}
