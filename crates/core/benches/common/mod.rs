//! What the benchmarks share: ten years of a runner's log, seeded through the same writes the app
//! makes.

// Each bench uses what it needs of this.
#![allow(dead_code)]

use aftermile_core::marks::{MarkInput, Sensation};
use aftermile_core::sessions::*;
use aftermile_core::Db;
use chrono::{Duration as Days, NaiveDate, Utc};

pub const YEARS: i64 = 10;
pub const ZONE: &str = "Europe/London";

pub fn run(start: &str, notes: &str) -> SessionInput {
    SessionInput {
        start_local: start.into(),
        zone: ZONE.into(),
        duration_s: Some(3000),
        distance_m: Some(9_000.0),
        rpe: Some(4),
        notes: notes.into(),
        details: SessionDetails::EasyRun,
    }
}

/// A run every day, a massage every week and a race every eight weeks.
pub fn seed(db: &mut Db, first: NaiveDate, now: chrono::DateTime<Utc>) -> usize {
    // Seeding is set-up, not what is measured: skip the per-commit fsync, then restore FULL.
    db.conn().pragma_update(None, "synchronous", "OFF").expect("pragma");
    let mut n = 0;
    let mut d = first;
    while d < now.date_naive() {
        let day = d.format("%Y-%m-%d");
        aftermile_core::ops::sessions::create(db, &run(&format!("{day}T07:00"), "easy with strides"), now)
            .expect("seed run");
        n += 1;
        let i = (d - first).num_days();
        if i % 7 == 3 {
            let m = SessionInput {
                distance_m: None,
                details: SessionDetails::Massage(MassageDetails {
                    massage_type: MassageType::Sports,
                    therapist: "Sam".into(),
                    pressure: Some(Pressure::Medium),
                    focus_regions: vec!["calf_l".into(), "hamstring_r".into()],
                    felt_after: "looser".into(),
                }),
                ..run(&format!("{day}T18:00"), "")
            };
            aftermile_core::ops::sessions::create(db, &m, now).expect("seed massage");
            n += 1;
        }
        if i % 56 == 20 {
            let r = SessionInput {
                distance_m: None,
                details: SessionDetails::Race(RaceDetails {
                    name: format!("Race {i}"),
                    distance: RaceDistance::Half,
                    status: RaceStatus::Done,
                    finish_time_s: Some(5400),
                }),
                ..run(&format!("{day}T09:30"), "")
            };
            aftermile_core::ops::sessions::create(db, &r, now).expect("seed race");
            n += 1;
        }
        d += Days::days(1);
    }
    db.conn().pragma_update(None, "synchronous", "FULL").expect("pragma");
    n
}

pub const MARK_REGIONS: [&str; 6] = [
    "calf_l",
    "calf_r",
    "hamstring_l",
    "quadriceps_r",
    "it_band_l",
    "plantar_r",
];

/// Two marks a day on rotating regions: a heavy user of the body chart.
pub fn seed_marks(db: &mut Db, first: NaiveDate, now: chrono::DateTime<Utc>) -> usize {
    db.conn().pragma_update(None, "synchronous", "OFF").expect("pragma");
    let mut n = 0;
    let mut d = first;
    while d < now.date_naive() {
        for (k, hour) in [(0usize, "08:00"), (3, "20:00")] {
            let i = (d - first).num_days() as usize + k;
            let input = MarkInput {
                region_id: MARK_REGIONS[i % MARK_REGIONS.len()].into(),
                sensation: Sensation::Sore,
                intensity: (i % 11) as i32,
                swelling: false,
                bruising: false,
                note: "after the long run".into(),
                at_local: format!("{}T{hour}", d.format("%Y-%m-%d")),
                zone: ZONE.into(),
                session_id: None,
            };
            aftermile_core::ops::marks::create(db, &input, now).expect("seed mark");
            n += 1;
        }
        d += Days::days(1);
    }
    db.conn().pragma_update(None, "synchronous", "FULL").expect("pragma");
    n
}
