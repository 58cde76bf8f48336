//! Saving a session: the row and its re-derived recovery plan in one transaction. Validation runs
//! before the transaction opens, so a refused input writes nothing.

use chrono::{DateTime, Utc};

use super::plans;
use crate::error::Result;
use crate::sessions::{self, validate, Session, SessionInput};
use crate::storage::Db;

pub fn create(db: &mut Db, input: &SessionInput, now: DateTime<Utc>) -> Result<Session> {
    let v = validate::session(input, now)?;
    db.with_tx(|tx| {
        let s = sessions::insert(tx, &v, now)?;
        plans::sync_session(tx, &s.id, now)?;
        Ok(s)
    })
}

pub fn update(db: &mut Db, id: &str, input: &SessionInput, now: DateTime<Utc>) -> Result<Session> {
    let mut v = validate::session(input, now)?;
    db.with_tx(|tx| {
        // The form cannot see or change what a watch measured: it stays as imported.
        v.measured = sessions::fetch(tx, id)?.measured;
        let s = sessions::replace(tx, id, &v, now)?;
        plans::sync_session(tx, id, now)?;
        Ok(s)
    })
}

/// Deletes a session and returns it whole, so the UI can offer Undo through `restore`. Its
/// waiting reminders go with it; fired ones stay as history.
pub fn delete(db: &mut Db, id: &str, now: DateTime<Utc>) -> Result<Session> {
    db.with_tx(|tx| {
        let gone = sessions::remove(tx, id)?;
        plans::sync_session(tx, id, now)?;
        Ok(gone)
    })
}

/// Puts back a session that `delete` returned, with its id and creation time.
pub fn restore(db: &mut Db, session: &Session, now: DateTime<Utc>) -> Result<Session> {
    // Judge it as of its last save: a planned race that has since passed was valid then, and
    // putting back what was there must not fail because time moved on.
    let mut v = validate::session(&session.to_input(), session.updated_at)?;
    if let Some(m) = &session.measured {
        validate::measured(m)?;
        v.measured = Some(m.clone());
    }
    db.with_tx(|tx| {
        let s = sessions::reinsert(tx, session, &v, now)?;
        plans::sync_session(tx, &s.id, now)?;
        Ok(s)
    })
}
