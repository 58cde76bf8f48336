//! A fixed, typical data set for the sheet: the snapshot tests, the PDF checks (`make pdf-check`
//! through `examples/briefing_fixture.rs`) and the PDF crate's tests all render this one. Public so
//! those hosts can reach it; the app never calls it.

use chrono::{DateTime, TimeZone, Utc};

use super::model::{BriefingRequest, ShareHealth};
use crate::error::Result;
use crate::marks::{MarkInput, Sensation};
use crate::sessions::*;
use crate::settings::{Paper, Settings};
use crate::storage::Db;

pub const ZONE: &str = "Europe/London";

/// The fixture's clock: Sunday 29 November 2026, noon UTC.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap()
}

/// Free text the fixture puts in every field the sheet shows.
pub struct Texts {
    pub name: &'static str,
    pub contact: &'static str,
    pub injuries: &'static str,
    pub medication: &'static str,
    pub allergies: &'static str,
    pub race: &'static str,
    pub felt_after: &'static str,
    pub mark_note: &'static str,
    pub request_note: &'static str,
}

pub const TYPICAL: Texts = Texts {
    name: "Alex Morgan",
    contact: "alex.morgan@example.com · 07700 900123",
    injuries: "Left Achilles tendinopathy in spring 2025, settled with calf raises.",
    medication: "Ibuprofen occasionally after long runs.",
    allergies: "Nut oils (almond, walnut): please use a nut-free oil.",
    race: "Winter Half Marathon",
    felt_after: "Calves much looser; tender for a day.",
    mark_note: "Sharp on the outside of the knee on downhills",
    request_note: "Half marathon on Saturday: please keep it light around the right knee.",
};

/// A database with two weeks of training, a race behind and one ahead, a massage, and marks on
/// the body chart; and the request the form would send for an appointment on 1 December 2026.
pub fn typical(paper: Paper) -> Result<(Db, BriefingRequest)> {
    seeded(paper, &TYPICAL)
}

pub fn seeded(paper: Paper, t: &Texts) -> Result<(Db, BriefingRequest)> {
    let mut db = Db::open_in_memory()?;
    let now = now();
    let mut s = Settings::default();
    s.profile.name = t.name.into();
    s.profile.contact = t.contact.into();
    s.profile.injuries = t.injuries.into();
    s.profile.medication = t.medication.into();
    s.profile.allergies = t.allergies.into();
    s.profile.paper = paper;
    crate::ops::settings::update(&mut db, &s, now)?;

    let run = |at: &str, details: SessionDetails, km: f64, mins: i32, rpe: i32| SessionInput {
        start_local: at.into(),
        zone: ZONE.into(),
        duration_s: Some(mins * 60),
        distance_m: Some(km * 1000.0),
        rpe: Some(rpe),
        notes: String::new(),
        details,
    };
    let runs = [
        run("2026-11-16T07:00", SessionDetails::EasyRun, 8.0, 44, 3),
        run("2026-11-17T18:30", SessionDetails::Workout, 11.0, 55, 8),
        run("2026-11-19T07:00", SessionDetails::EasyRun, 10.0, 55, 4),
        run("2026-11-22T08:00", SessionDetails::LongRun, 24.0, 130, 7),
        run("2026-11-24T18:30", SessionDetails::Workout, 12.0, 58, 8),
        run("2026-11-26T07:00", SessionDetails::EasyRun, 8.0, 45, 3),
        run("2026-11-28T08:00", SessionDetails::LongRun, 16.0, 88, 6),
    ];
    for r in &runs {
        crate::ops::sessions::create(&mut db, r, now)?;
    }
    let race = |at: &str, name: &str, distance: RaceDistance, status: RaceStatus, finish: Option<i32>| SessionInput {
        start_local: at.into(),
        zone: ZONE.into(),
        duration_s: finish,
        distance_m: None,
        rpe: finish.map(|_| 9),
        notes: String::new(),
        details: SessionDetails::Race(RaceDetails {
            name: name.into(),
            distance,
            status,
            finish_time_s: finish,
        }),
    };
    crate::ops::sessions::create(
        &mut db,
        &race(
            "2026-11-08T09:00",
            "Autumn 10K",
            RaceDistance::TenK,
            RaceStatus::Done,
            Some(2_550),
        ),
        now,
    )?;
    crate::ops::sessions::create(
        &mut db,
        &race(
            "2026-12-05T09:30",
            t.race,
            RaceDistance::Half,
            RaceStatus::Planned,
            None,
        ),
        now,
    )?;
    crate::ops::sessions::create(
        &mut db,
        &SessionInput {
            start_local: "2026-11-20T17:00".into(),
            zone: ZONE.into(),
            duration_s: Some(3_600),
            distance_m: None,
            rpe: None,
            notes: String::new(),
            details: SessionDetails::Massage(MassageDetails {
                massage_type: MassageType::Sports,
                therapist: "Jo".into(),
                pressure: Some(Pressure::Medium),
                focus_regions: vec!["calf_l".into(), "calf_r".into(), "hamstring_r".into()],
                felt_after: t.felt_after.into(),
            }),
        },
        now,
    )?;

    let mark = |region: &str, at: &str, sensation: Sensation, intensity: i32, note: &str| MarkInput {
        region_id: region.into(),
        sensation,
        intensity,
        swelling: false,
        bruising: false,
        note: note.into(),
        at_local: at.into(),
        zone: ZONE.into(),
        session_id: None,
    };
    for m in [
        // Before the massage: the baseline for the trend.
        mark("calf_l", "2026-11-20T16:30", Sensation::Sore, 6, ""),
        mark("hamstring_r", "2026-11-20T16:30", Sensation::Tight, 3, ""),
        // Now.
        mark(
            "calf_l",
            "2026-11-28T19:00",
            Sensation::Sore,
            4,
            "Tight low in the calf after the long run",
        ),
        mark("hamstring_r", "2026-11-28T19:00", Sensation::Tight, 3, ""),
        mark("it_band_r", "2026-11-28T19:00", Sensation::Pain, 5, t.mark_note),
        mark("lower_back", "2026-11-27T21:00", Sensation::Tight, 2, ""),
    ] {
        crate::ops::marks::create(&mut db, &m, now)?;
    }

    let req = BriefingRequest {
        appointment: "2026-12-01".into(),
        zone: ZONE.into(),
        goals: vec![
            "muscle_recovery".into(),
            "flexibility".into(),
            "injury_prevention".into(),
        ],
        pressure: Some(Pressure::Medium),
        share_contact: true,
        share_health: ShareHealth {
            injuries: true,
            medication: true,
            allergies: true,
        },
        share_mark_notes: true,
        share_massage_feedback: true,
        flags: Vec::new(),
        note: t.request_note.into(),
    };
    Ok((db, req))
}
