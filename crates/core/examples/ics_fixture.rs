//! Writes an .ics holding one reminder of every kind, made the way the app makes them (a logged
//! race's plan, a deep-tissue massage, a manual reminder), for tests/ics/check.py to parse with a
//! real iCalendar parser. Usage: `cargo run -p aftermile-core --example ics_fixture -- out.ics`.

// A test, benchmark or fixture tool: plain file writes, the real clock and the environment are fine here.
#![allow(clippy::disallowed_methods)]

use aftermile_core::recovery::ReminderKind;
use aftermile_core::reminders::{self, ics, ReminderInput, ReminderQuery};
use aftermile_core::sessions::*;
use aftermile_core::Db;
use chrono::{Duration, Utc};

fn main() {
    let out = std::env::args().nth(1).expect("usage: ics_fixture OUT.ics");
    let mut db = Db::open_in_memory().expect("db");
    let now = Utc::now();
    let day = |d: i64, hm: &str| format!("{}T{hm}", (now + Duration::days(d)).format("%Y-%m-%d"));
    let base = |start: String, details| SessionInput {
        start_local: start,
        zone: "Europe/London".into(),
        duration_s: Some(3600),
        distance_m: None,
        rpe: None,
        notes: String::new(),
        details,
    };
    // A race just run (post-race plan), one planned in three weeks (pre-race guards), a deep-tissue
    // massage tomorrow, and a manual reminder with text that needs escaping.
    let race = |status, finish| {
        SessionDetails::Race(RaceDetails {
            name: "Riverside Half; \"fast\", flat".into(),
            distance: RaceDistance::Half,
            status,
            finish_time_s: finish,
        })
    };
    aftermile_core::ops::sessions::create(&mut db, &base(day(0, "00:01"), race(RaceStatus::Done, Some(5400))), now)
        .expect("race");
    aftermile_core::ops::sessions::create(&mut db, &base(day(21, "09:00"), race(RaceStatus::Planned, None)), now)
        .expect("planned");
    let deep = SessionDetails::Massage(MassageDetails {
        massage_type: MassageType::DeepTissue,
        therapist: "Sam".into(),
        pressure: Some(Pressure::Firm),
        focus_regions: vec!["calf_l".into()],
        felt_after: String::new(),
    });
    aftermile_core::ops::sessions::create(&mut db, &base(day(1, "17:00"), deep), now).expect("massage");
    let manual = ReminderInput {
        text: "Foam roll, then stretch\\rest; line two\nends here".into(),
        wall_local: day(2, "19:30"),
        zone: "America/New_York".into(),
    };
    reminders::create_manual(&mut db, &manual, now).expect("manual");

    let all = reminders::list(&db, &ReminderQuery::default()).expect("list");
    for kind in ReminderKind::ALL {
        assert!(
            all.iter().any(|r| r.kind == kind),
            "the fixture has no {kind:?} reminder"
        );
    }
    std::fs::write(&out, ics::export(&all, now)).expect("write");
    println!(
        "{} reminders of {} kinds written to {out}",
        all.len(),
        ReminderKind::ALL.len()
    );
}
