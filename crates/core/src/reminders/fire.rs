//! Firing: which reminder is next, and claiming the due ones. A claim marks a reminder fired in
//! the same IMMEDIATE transaction that finds it due, before any notification is sent, so a
//! reminder fires exactly once however often the scheduler wakes, restarts or races another
//! process. Sending happens after the commit, in the shell.

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
                updated_at: now,
                ..r
            };
            upsert(tx, &fired)?;
            out.push(fired.with_fire_time(&quiet));
        }
        Ok(out)
    })
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
