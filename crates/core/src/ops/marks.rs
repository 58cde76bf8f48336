//! Saving a soreness mark. A mark with swelling or bruising (or one that had it) changes what the
//! recent race plans may say ("deeper work is fine from now" waits while it is fresh), so those
//! plans are re-derived in the same transaction as the mark.

use chrono::{DateTime, Utc};

use super::plans;
use crate::error::Result;
use crate::marks::{self, validate, Mark, MarkInput, Saving};
use crate::storage::Db;

fn acute(swelling: bool, bruising: bool) -> bool {
    swelling || bruising
}

pub fn create(db: &mut Db, input: &MarkInput, now: DateTime<Utc>) -> Result<Mark> {
    let v = validate::mark(input, now)?;
    let id = uuid::Uuid::new_v4().to_string();
    db.with_tx(|tx| {
        let m = marks::save(
            tx,
            input,
            &v,
            Saving {
                id: &id,
                created: now,
                now,
            },
        )?;
        if acute(m.swelling, m.bruising) {
            plans::resync_after_mark(tx, now)?;
        }
        Ok(m)
    })
}

pub fn update(db: &mut Db, id: &str, input: &MarkInput, now: DateTime<Utc>) -> Result<Mark> {
    let v = validate::mark(input, now)?;
    db.with_tx(|tx| {
        let was = marks::fetch(tx, id)?;
        let created = marks::created_at(tx, id)?;
        let m = marks::save(tx, input, &v, Saving { id, created, now })?;
        if acute(m.swelling, m.bruising) || acute(was.swelling, was.bruising) {
            plans::resync_after_mark(tx, now)?;
        }
        Ok(m)
    })
}

/// Deletes a mark and returns it, so the UI can offer Undo through `restore`.
pub fn delete(db: &mut Db, id: &str, now: DateTime<Utc>) -> Result<Mark> {
    db.with_tx(|tx| {
        let gone = marks::remove(tx, id)?;
        if acute(gone.swelling, gone.bruising) {
            plans::resync_after_mark(tx, now)?;
        }
        Ok(gone)
    })
}

/// Puts back a deleted mark with its id, judged as of its last save.
pub fn restore(db: &mut Db, mark: &Mark, now: DateTime<Utc>) -> Result<Mark> {
    marks::check_restorable(db.conn(), mark)?;
    let saved = mark.updated_at.max(now);
    let v = validate::mark(&mark.to_input(), saved)?;
    db.with_tx(|tx| {
        let m = marks::save(
            tx,
            &mark.to_input(),
            &v,
            Saving {
                id: &mark.id,
                created: mark.created_at,
                now: saved,
            },
        )?;
        if acute(m.swelling, m.bruising) {
            plans::resync_after_mark(tx, now)?;
        }
        Ok(m)
    })
}
