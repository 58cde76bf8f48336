//! Saving a session: the row and its re-derived recovery plan in one transaction. Validation runs
//! before the transaction opens, so a refused input writes nothing.

use chrono::{DateTime, Utc};

use super::plans;
use crate::error::Result;
use crate::sessions::{self, validate, Session, SessionInput, SessionKind};
use crate::storage::Db;

pub fn create(db: &mut Db, input: &SessionInput, now: DateTime<Utc>) -> Result<Session> {
    let v = validate::session(input, now)?;
    db.with_tx(|tx| {
        let s = sessions::insert(tx, &v, now)?;
        plans::sync_session(tx, &s.id, now)?;
        if s.kind() == SessionKind::Race {
            plans::sync_races_before(tx, &[s.start_utc], &s.id, now)?;
        }
        Ok(s)
    })
}

pub fn update(db: &mut Db, id: &str, input: &SessionInput, now: DateTime<Utc>) -> Result<Session> {
    let mut v = validate::session(input, now)?;
    db.with_tx(|tx| {
        // The form cannot see or change what a watch measured: it stays as imported.
        let before = sessions::fetch(tx, id)?;
        v.measured = before.measured.clone();
        let s = sessions::replace(tx, id, &v, now)?;
        plans::sync_session(tx, id, now)?;
        // A race added, moved or no longer planned changes what the races before it may allow.
        if s.kind() == SessionKind::Race || before.kind() == SessionKind::Race {
            plans::sync_races_before(tx, &[before.start_utc, s.start_utc], id, now)?;
        }
        Ok(s)
    })
}

/// Sets how hard a session felt (RPE 1–10), as Today asks after a run; everything else stays.
pub fn rate(db: &mut Db, id: &str, rpe: i32, now: DateTime<Utc>) -> Result<Session> {
    let mut input = sessions::get(db, id)?.to_input();
    input.rpe = Some(rpe);
    update(db, id, &input, now)
}

/// Deletes a session and returns it whole, so the UI can offer Undo through `restore`. Its
/// waiting reminders go with it; fired ones stay as history.
pub fn delete(db: &mut Db, id: &str, now: DateTime<Utc>) -> Result<Session> {
    db.with_tx(|tx| {
        let gone = sessions::remove(tx, id)?;
        plans::sync_session(tx, id, now)?;
        if gone.kind() == SessionKind::Race {
            plans::sync_races_before(tx, &[gone.start_utc], id, now)?;
        }
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
        if s.kind() == SessionKind::Race {
            plans::sync_races_before(tx, &[s.start_utc], &s.id, now)?;
        }
        Ok(s)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::sessions::SessionDetails;
    use chrono::TimeZone;

    #[test]
    fn a_planned_race_added_later_keeps_the_earlier_race_s_massage_gentle() {
        use crate::sessions::{RaceDetails, RaceDistance, RaceStatus};
        let mut db = Db::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 5, 10, 20, 0, 0).unwrap();
        let race = |start: &str, name: &str, status| SessionInput {
            start_local: start.into(),
            zone: "UTC".into(),
            duration_s: Some(2700),
            distance_m: None,
            rpe: None,
            notes: String::new(),
            details: SessionDetails::Race(RaceDetails {
                name: name.into(),
                distance: RaceDistance::TenK,
                status,
                finish_time_s: (status == RaceStatus::Done).then_some(2700),
            }),
        };
        let first = create(&mut db, &race("2026-05-10T09:00", "City 10K", RaceStatus::Done), now).unwrap();
        let window = |db: &Db| {
            crate::reminders::by_rule(db.conn(), &first.id, "sports_massage")
                .unwrap()
                .unwrap()
                .text
        };
        assert!(window(&db).contains("Deeper work is fine from now."), "{}", window(&db));
        // The sports massage window opens on the 12th; a race on the 15th is inside the no-deep days.
        let next = create(&mut db, &race("2026-05-15T09:00", "Park 10K", RaceStatus::Planned), now).unwrap();
        assert!(window(&db).contains("Not deeper work yet"), "{}", window(&db));
        // Moved out of reach, and then gone: the earlier plan follows.
        update(
            &mut db,
            &next.id,
            &race("2026-06-20T09:00", "Park 10K", RaceStatus::Planned),
            now,
        )
        .unwrap();
        assert!(window(&db).contains("Deeper work is fine from now."), "{}", window(&db));
        update(
            &mut db,
            &next.id,
            &race("2026-05-15T09:00", "Park 10K", RaceStatus::Planned),
            now,
        )
        .unwrap();
        delete(&mut db, &next.id, now).unwrap();
        assert!(window(&db).contains("Deeper work is fine from now."), "{}", window(&db));
    }

    #[test]
    fn rating_a_run_sets_only_its_rpe_and_a_bad_rating_names_the_field() {
        let mut db = Db::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 5, 20, 12, 0, 0).unwrap();
        let input = SessionInput {
            start_local: "2026-05-20T07:00".into(),
            zone: "UTC".into(),
            duration_s: Some(1800),
            distance_m: Some(5000.0),
            rpe: None,
            notes: "by the river".into(),
            details: SessionDetails::EasyRun,
        };
        let run = create(&mut db, &input, now).unwrap();
        let rated = rate(&mut db, &run.id, 4, now).unwrap();
        assert_eq!(rated.rpe, Some(4));
        assert_eq!((rated.notes.as_str(), rated.distance_m), ("by the river", Some(5000.0)));
        match rate(&mut db, &run.id, 11, now) {
            Err(Error::Invalid(f)) => assert_eq!(f[0].field, "rpe"),
            other => panic!("{other:?}"),
        }
        assert_eq!(sessions::get(&db, &run.id).unwrap().rpe, Some(4), "nothing written");
    }
}
