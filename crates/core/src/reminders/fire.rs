//! Firing: which reminder is next, claiming the due ones, and recording their delivery.
//!
//! A claim marks a reminder fired in the same IMMEDIATE transaction that finds it due, before any
//! notification is sent, so a reminder fires once however often the scheduler wakes, restarts or
//! races another process. Sending happens after the commit, in the shell, which then records the
//! delivery (`record_delivered`). A crash between the two leaves a fired reminder with no delivery
//! record; the next start delivers it again (`undelivered`), and the window, which keys reminders
//! by id, shows it once. So a reminder reaches the runner at least once and is shown once.

use chrono::{DateTime, Duration, Utc};

use super::model::{Reminder, ReminderState};
use super::repo::{from_row, upsert, COLUMNS};
use crate::error::Result;
use crate::settings;
use crate::storage::Db;

/// A reminder claimed later than this after its time was missed (the app was closed, the laptop
/// asleep), and says so.
pub const MISSED_AFTER: Duration = Duration::minutes(2);

/// When the next waiting reminder fires, after snoozes and quiet hours.
pub fn next_fire_at(db: &Db) -> Result<Option<DateTime<Utc>>> {
    let quiet = settings::get(db)?.quiet_hours;
    Ok(waiting(db.conn())?.iter().filter_map(|r| r.fire_time(&quiet)).min())
}

/// Marks every reminder due by `now` as fired and returns them, oldest first.
pub fn claim_due(db: &mut Db, now: DateTime<Utc>) -> Result<Vec<Reminder>> {
    let quiet = settings::get(db)?.quiet_hours;
    db.with_tx(|tx| {
        let mut out = Vec::new();
        // Read inside the IMMEDIATE transaction, so no other process can claim these meanwhile.
        for r in waiting(tx)? {
            let Some(at) = r.fire_time(&quiet) else { continue };
            if at > now {
                continue;
            }
            let fired = Reminder {
                state: ReminderState::Fired,
                fired_at: Some(now),
                missed: now - at > MISSED_AFTER,
                snoozed_until: None,
                delivery_error: None,
                delivered_at: None,
                updated_at: now,
                ..r
            };
            upsert(tx, &fired)?;
            out.push(fired.with_fire_time(&quiet));
        }
        Ok(out)
    })
}

/// Fired reminders whose delivery was never recorded (the app stopped in between), oldest first.
pub fn undelivered(db: &Db) -> Result<Vec<Reminder>> {
    let quiet = settings::get(db)?.quiet_hours;
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {COLUMNS} FROM reminders WHERE state = 'fired' AND delivered_at IS NULL ORDER BY fired_at, due_utc, id"
    ))?;
    let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().map(|r| r.with_fire_time(&quiet)).collect())
}

/// Records that a fired reminder reached the runner (a notification, or the window at least).
pub fn record_delivered(db: &mut Db, id: &str, now: DateTime<Utc>) -> Result<()> {
    db.with_tx(|tx| {
        tx.execute(
            "UPDATE reminders SET delivered_at = ?2 WHERE id = ?1 AND delivered_at IS NULL",
            rusqlite::params![id, now.timestamp()],
        )?;
        Ok(())
    })
}

/// After a restore or an import: reminders whose time passed while they were elsewhere are not
/// sent now (they may have been sent already, on another computer or before the backup): waiting
/// ones are marked fired and missed, and fired ones marked delivered. `only` limits this to the
/// reminders that came back (an import's); `None` means all of them (a restore's). Returns how many
/// changed.
pub fn settle_returned(tx: &rusqlite::Connection, now: DateTime<Utc>, only: Option<&[String]>) -> Result<usize> {
    let quiet = settings::read(tx)?.quiet_hours;
    let returned = |id: &str| only.is_none_or(|ids| ids.iter().any(|i| i == id));
    let mut n = 0;
    for r in waiting(tx)? {
        if returned(&r.id) && r.fire_time(&quiet).is_some_and(|at| at <= now) {
            upsert(
                tx,
                &Reminder {
                    state: ReminderState::Fired,
                    fired_at: Some(now),
                    delivered_at: Some(now),
                    missed: true,
                    snoozed_until: None,
                    updated_at: now,
                    ..r
                },
            )?;
            n += 1;
        }
    }
    let mut stmt = tx.prepare_cached("SELECT id FROM reminders WHERE state = 'fired' AND delivered_at IS NULL")?;
    let undelivered: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for id in undelivered.iter().filter(|id| returned(id)) {
        n += tx.execute(
            "UPDATE reminders SET delivered_at = ?2 WHERE id = ?1",
            rusqlite::params![id, now.timestamp()],
        )?;
    }
    Ok(n)
}

/// Records that a fired reminder's notification could not be shown, so the UI can say so.
pub fn record_delivery_error(db: &mut Db, id: &str, error: &str) -> Result<()> {
    db.with_tx(|tx| {
        tx.execute(
            "UPDATE reminders SET delivery_error = ?2 WHERE id = ?1",
            rusqlite::params![id, error],
        )?;
        Ok(())
    })
}

fn waiting(conn: &rusqlite::Connection) -> Result<Vec<Reminder>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM reminders WHERE state IN ('pending', 'snoozed') ORDER BY due_utc, id"
    ))?;
    let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
