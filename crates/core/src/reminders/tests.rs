//! Reminder tests on real SQLite: plans follow their race through logging, editing and deletion;
//! claiming fires each reminder exactly once; snooze, done, dismiss and quiet hours; and a
//! property test over random reminders and clock jumps.

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::recovery::ReminderKind;
use crate::sessions::{RaceDetails, RaceDistance, RaceStatus, SessionDetails, SessionInput};
use crate::settings;
use crate::storage::Db;

fn london(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    chrono_tz::Europe::London
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn race_input(start: &str, status: RaceStatus) -> SessionInput {
    SessionInput {
        start_local: start.into(),
        zone: "Europe/London".into(),
        duration_s: None,
        distance_m: None,
        rpe: None,
        notes: String::new(),
        details: SessionDetails::Race(RaceDetails {
            name: "London Marathon".into(),
            distance: RaceDistance::Marathon,
            status,
            finish_time_s: if status == RaceStatus::Done {
                Some(3 * 3600 + 30 * 60)
            } else {
                None
            },
        }),
    }
}

fn all(db: &Db) -> Vec<Reminder> {
    list(db, &ReminderQuery::default()).unwrap()
}

fn by_source<'a>(rs: &'a [Reminder], source: &str) -> &'a Reminder {
    rs.iter()
        .find(|r| r.source == source)
        .unwrap_or_else(|| panic!("no {source}"))
}

/// Sunday's marathon, logged that evening.
fn logged_marathon(db: &mut Db) -> (String, DateTime<Utc>) {
    let now = london(2026, 4, 26, 18, 0);
    let s = crate::ops::sessions::create(db, &race_input("2026-04-26T10:00", RaceStatus::Done), now).unwrap();
    (s.id, now)
}

#[test]
fn logging_a_race_makes_its_plan() {
    let mut db = Db::open_in_memory().unwrap();
    let (id, _) = logged_marathon(&mut db);
    let rs = all(&db);
    let sources: Vec<_> = rs.iter().map(|r| r.source.as_str()).collect();
    assert_eq!(
        sources,
        [
            "book_massage",
            "easy_days",
            "checkin_24",
            "checkin_48",
            "sports_massage",
            "checkin_72",
            "return_to_hard"
        ],
        "light_flush (15:30) was already past when logged at 18:00"
    );
    assert!(rs
        .iter()
        .all(|r| r.session_id.as_deref() == Some(id.as_str()) && r.state == ReminderState::Pending));
    let checkin = by_source(&rs, "checkin_24");
    assert_eq!(checkin.kind, ReminderKind::Checkin);
    assert_eq!(crate::time::wall_text(checkin.wall_local), "2026-04-27T13:30");
    assert_eq!(checkin.zone.name(), "Europe/London");
}

#[test]
fn a_race_edited_after_some_reminders_fired_does_not_fire_them_again() {
    let mut db = Db::open_in_memory().unwrap();
    let (id, _) = logged_marathon(&mut db);
    // Monday 14:00: the booking, easy-days and 24 h check-in reminders fire.
    let fired = claim_due(&mut db, london(2026, 4, 27, 14, 0)).unwrap();
    assert_eq!(fired.len(), 3);

    // Tuesday morning the runner corrects the finish time: 4:00 instead of 3:30.
    let mut input = race_input("2026-04-26T10:00", RaceStatus::Done);
    if let SessionDetails::Race(r) = &mut input.details {
        r.finish_time_s = Some(4 * 3600);
    }
    crate::ops::sessions::update(&mut db, &id, &input, london(2026, 4, 28, 9, 0)).unwrap();

    let rs = all(&db);
    assert_eq!(rs.len(), 7, "no duplicates");
    assert_eq!(by_source(&rs, "checkin_24").state, ReminderState::Fired, "stays fired");
    let c48 = by_source(&rs, "checkin_48");
    assert_eq!(
        (c48.state, crate::time::wall_text(c48.wall_local).as_str()),
        (ReminderState::Pending, "2026-04-28T14:00"),
        "moved 30 min"
    );
    assert!(
        claim_due(&mut db, london(2026, 4, 28, 9, 1)).unwrap().is_empty(),
        "nothing refires"
    );
}

#[test]
fn deleting_a_race_drops_waiting_reminders_and_undo_brings_back_only_those() {
    let mut db = Db::open_in_memory().unwrap();
    let (id, _) = logged_marathon(&mut db);
    claim_due(&mut db, london(2026, 4, 27, 14, 0)).unwrap();
    let gone = crate::ops::sessions::delete(&mut db, &id, crate::time::now()).unwrap();
    let rs = all(&db);
    assert_eq!(rs.len(), 3, "fired ones stay as history");
    assert!(rs.iter().all(|r| r.state == ReminderState::Fired));

    crate::ops::sessions::restore(&mut db, &gone, london(2026, 4, 27, 14, 5)).unwrap();
    let rs = all(&db);
    assert_eq!(rs.len(), 7);
    assert!(
        claim_due(&mut db, london(2026, 4, 27, 14, 6)).unwrap().is_empty(),
        "the fired three stay fired"
    );
}

#[test]
fn turning_a_race_into_a_run_removes_its_waiting_plan() {
    let mut db = Db::open_in_memory().unwrap();
    let (id, now) = logged_marathon(&mut db);
    let run = SessionInput {
        details: SessionDetails::LongRun,
        distance_m: Some(30_000.0),
        ..race_input("2026-04-26T10:00", RaceStatus::Done)
    };
    crate::ops::sessions::update(&mut db, &id, &run, now).unwrap();
    assert!(all(&db).is_empty());
}

#[test]
fn claiming_fires_each_reminder_once_and_flags_missed_ones() {
    let mut db = Db::open_in_memory().unwrap();
    logged_marathon(&mut db);
    // The app was closed until Tuesday 20:00: everything due since fires once, marked missed.
    let first = claim_due(&mut db, london(2026, 4, 28, 20, 0)).unwrap();
    assert_eq!(first.len(), 5);
    assert!(first.iter().all(|r| r.missed && r.state == ReminderState::Fired));
    assert!(claim_due(&mut db, london(2026, 4, 28, 20, 0)).unwrap().is_empty());
    // On time, not missed.
    let next = next_fire_at(&db).unwrap().unwrap();
    assert_eq!(next, london(2026, 4, 29, 13, 30));
    let on_time = claim_due(&mut db, next).unwrap();
    assert_eq!(on_time.len(), 1);
    assert!(!on_time[0].missed);
}

#[test]
fn a_fired_reminder_is_delivered_again_until_its_delivery_is_recorded() {
    let mut db = Db::open_in_memory().unwrap();
    logged_marathon(&mut db);
    let fired = claim_due(&mut db, london(2026, 4, 28, 20, 0)).unwrap();
    // The app stops here, before any notification went out: all of them wait for delivery.
    let again: Vec<String> = undelivered(&db).unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(again, fired.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    for r in &fired[..2] {
        record_delivered(&mut db, &r.id, london(2026, 4, 28, 20, 1)).unwrap();
    }
    assert_eq!(
        undelivered(&db).unwrap().len(),
        fired.len() - 2,
        "delivered ones are not sent again"
    );
    assert!(
        claim_due(&mut db, london(2026, 4, 28, 20, 2)).unwrap().is_empty(),
        "and none fires twice"
    );
}

#[test]
fn reminders_that_come_back_past_their_time_are_marked_missed_not_sent() {
    let mut db = Db::open_in_memory().unwrap();
    logged_marathon(&mut db);
    let later = london(2026, 4, 28, 20, 0);
    let n = db.with_tx(|tx| settle_returned(tx, later, None)).unwrap();
    assert_eq!(n, 5);
    assert!(
        claim_due(&mut db, later).unwrap().is_empty(),
        "nothing is sent for them"
    );
    assert!(undelivered(&db).unwrap().is_empty());
    let settled: Vec<Reminder> = all(&db)
        .into_iter()
        .filter(|r| r.state == ReminderState::Fired)
        .collect();
    assert_eq!(settled.len(), 5);
    assert!(settled.iter().all(|r| r.missed && r.delivered_at.is_some()));
    // Those still ahead wait as before.
    assert!(next_fire_at(&db).unwrap().is_some_and(|t| t > later));
}

#[test]
fn quiet_hours_hold_a_reminder_until_they_end() {
    let mut db = Db::open_in_memory().unwrap();
    let now = london(2026, 5, 1, 12, 0);
    let r = create_manual(
        &mut db,
        &ReminderInput {
            text: "Foam roll".into(),
            wall_local: "2026-05-01T23:15".into(),
            zone: "Europe/London".into(),
        },
        now,
    )
    .unwrap();
    assert_eq!(
        r.fires_at.map(crate::time::rfc3339).as_deref(),
        Some("2026-05-02T06:00:00Z"),
        "07:00 BST"
    );
    assert!(claim_due(&mut db, london(2026, 5, 1, 23, 30)).unwrap().is_empty());
    assert_eq!(claim_due(&mut db, london(2026, 5, 2, 7, 0)).unwrap().len(), 1);
}

#[test]
fn snooze_for_an_hour_or_until_tomorrow_morning() {
    let mut db = Db::open_in_memory().unwrap();
    let now = london(2026, 5, 1, 12, 0);
    let r = create_manual(
        &mut db,
        &ReminderInput {
            text: "Stretch".into(),
            wall_local: "2026-05-01T12:00".into(),
            zone: "Europe/London".into(),
        },
        now,
    )
    .unwrap();
    claim_due(&mut db, now).unwrap();
    let s = snooze(&mut db, &r.id, Snooze::OneHour, now).unwrap();
    assert_eq!(
        (s.state, s.fires_at.map(crate::time::rfc3339).as_deref()),
        (ReminderState::Snoozed, Some("2026-05-01T12:00:00Z"))
    );
    assert_eq!(
        claim_due(&mut db, london(2026, 5, 1, 13, 0)).unwrap().len(),
        1,
        "fires again when the snooze ends"
    );
    let s = snooze(&mut db, &r.id, Snooze::TomorrowMorning, london(2026, 5, 1, 13, 0)).unwrap();
    assert_eq!(
        s.fires_at.map(crate::time::rfc3339).as_deref(),
        Some("2026-05-02T07:00:00Z"),
        "08:00 BST"
    );
}

#[test]
fn done_and_dismissed_never_fire() {
    let mut db = Db::open_in_memory().unwrap();
    let now = london(2026, 5, 1, 12, 0);
    let mk = |db: &mut Db, t: &str| {
        create_manual(
            db,
            &ReminderInput {
                text: t.into(),
                wall_local: "2026-05-01T15:00".into(),
                zone: "Europe/London".into(),
            },
            now,
        )
        .unwrap()
    };
    let a = mk(&mut db, "a");
    let b = mk(&mut db, "b");
    assert_eq!(
        act(&mut db, &a.id, ReminderAction::Done, now).unwrap().state,
        ReminderState::Done
    );
    assert_eq!(
        act(&mut db, &b.id, ReminderAction::Dismiss, now).unwrap().state,
        ReminderState::Dismissed
    );
    assert!(claim_due(&mut db, london(2026, 5, 2, 12, 0)).unwrap().is_empty());
    assert_eq!(next_fire_at(&db).unwrap(), None);
}

#[test]
fn editing_a_reminder_moves_it_and_makes_it_wait_again() {
    let mut db = Db::open_in_memory().unwrap();
    let (_, now) = logged_marathon(&mut db);
    let c24 = by_source(&all(&db), "checkin_24").clone();
    let e = edit(
        &mut db,
        &c24.id,
        &ReminderInput {
            text: "Check in after work".into(),
            wall_local: "2026-04-27T18:30".into(),
            zone: "Europe/London".into(),
        },
        now,
    )
    .unwrap();
    assert_eq!(
        (crate::time::wall_text(e.wall_local).as_str(), e.text.as_str(), e.kind),
        ("2026-04-27T18:30", "Check in after work", ReminderKind::Checkin)
    );
}

#[test]
fn bad_manual_reminders_name_their_field_and_write_nothing() {
    let mut db = Db::open_in_memory().unwrap();
    let now = london(2026, 5, 1, 12, 0);
    for (input, field) in [
        (
            ReminderInput {
                text: " ".into(),
                wall_local: "2026-05-01T15:00".into(),
                zone: "Europe/London".into(),
            },
            "text",
        ),
        (
            ReminderInput {
                text: "x".repeat(501),
                wall_local: "2026-05-01T15:00".into(),
                zone: "Europe/London".into(),
            },
            "text",
        ),
        (
            ReminderInput {
                text: "ok".into(),
                wall_local: "tomorrow".into(),
                zone: "Europe/London".into(),
            },
            "wallLocal",
        ),
        (
            ReminderInput {
                text: "ok".into(),
                wall_local: "2999-05-01T15:00".into(),
                zone: "Europe/London".into(),
            },
            "wallLocal",
        ),
        (
            ReminderInput {
                text: "ok".into(),
                wall_local: "2026-05-01T15:00".into(),
                zone: "Moon/Base".into(),
            },
            "zone",
        ),
    ] {
        let p = create_manual(&mut db, &input, now).unwrap_err().payload();
        assert_eq!(p.field.as_deref(), Some(field), "{input:?}");
    }
    assert!(all(&db).is_empty());
}

#[test]
fn plan_reminders_are_dismissed_not_deleted() {
    let mut db = Db::open_in_memory().unwrap();
    logged_marathon(&mut db);
    let id = all(&db)[0].id.clone();
    assert!(delete_manual(&mut db, &id).is_err());
}

#[test]
fn changing_the_rules_in_settings_moves_the_plan() {
    let mut db = Db::open_in_memory().unwrap();
    logged_marathon(&mut db);
    let mut s = settings::get(&db).unwrap();
    s.rules.checkin_hours = vec![36];
    s.morning_time = "09:15".into();
    crate::ops::settings::update(&mut db, &s, crate::time::now()).unwrap();
    let rs = all(&db);
    assert!(rs.iter().all(|r| r.source != "checkin_24" && r.source != "checkin_72"));
    // The plan is re-derived from the real clock here, so only check what moved, not what is stale.
    if let Some(b) = rs.iter().find(|r| r.source == "return_to_hard") {
        assert!(crate::time::wall_text(b.wall_local).ends_with("09:15"));
    }
}

#[test]
fn ics_has_one_event_per_reminder_with_an_alarm() {
    let mut db = Db::open_in_memory().unwrap();
    logged_marathon(&mut db);
    let rs = all(&db);
    let text = ics::export(&rs, london(2026, 4, 26, 18, 0));
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), rs.len());
    assert_eq!(text.matches("BEGIN:VALARM").count(), rs.len());
    assert!(text.contains("DTSTART:20260427T123000Z"), "check-in at 13:30 BST");
}

proptest! {
    /// For any reminders and any sequence of clock readings (forwards, backwards, jumps of days),
    /// once the clock has passed them all, every reminder has fired exactly once, and none fired
    /// before its time.
    #[test]
    fn none_lost_none_twice(
        offsets in prop::collection::vec(0i64..(5 * 86_400), 1..12),
        clock in prop::collection::vec(-86_400i64..(6 * 86_400), 1..25),
    ) {
        let mut db = Db::open_in_memory().unwrap();
        let mut s = settings::get(&db).unwrap();
        s.quiet_hours.enabled = false;
        crate::ops::settings::update(&mut db, &s, crate::time::now()).unwrap();
        let base = london(2026, 6, 1, 0, 0);
        let mut due = std::collections::HashMap::new();
        for o in &offsets {
            let at = base + Duration::seconds(*o);
            let wall = at.with_timezone(&chrono_tz::Europe::London).format("%Y-%m-%dT%H:%M").to_string();
            let r = create_manual(&mut db, &ReminderInput { text: "r".into(), wall_local: wall, zone: "Europe/London".into() }, base).unwrap();
            due.insert(r.id.clone(), r.due_utc);
        }
        let mut fired: std::collections::HashMap<String, usize> = Default::default();
        let readings = clock.iter().map(|c| base + Duration::seconds(*c)).chain([base + Duration::days(6)]);
        for now in readings {
            for r in claim_due(&mut db, now).unwrap() {
                prop_assert!(due[&r.id] <= now, "fired early");
                *fired.entry(r.id).or_default() += 1;
            }
        }
        prop_assert_eq!(fired.len(), due.len(), "none lost");
        prop_assert!(fired.values().all(|n| *n == 1), "none twice");
    }
}
