use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Tz;

use super::*;
use crate::marks::{MarkInput, Sensation};
use crate::ops;
use crate::sessions::{RaceDetails, RaceDistance, RaceStatus, SessionDetails, SessionInput};
use crate::storage::Db;

fn london() -> Tz {
    "Europe/London".parse().unwrap()
}

/// Wednesday 20 May 2026, 12:00 in London.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 20, 11, 0, 0).unwrap()
}

fn input(start: &str, minutes: i32, rpe: Option<i32>, details: SessionDetails) -> SessionInput {
    SessionInput {
        start_local: start.into(),
        zone: "Europe/London".into(),
        duration_s: Some(minutes * 60),
        distance_m: None,
        rpe,
        notes: String::new(),
        details,
    }
}

fn race(name: &str, distance: RaceDistance, status: RaceStatus) -> SessionDetails {
    SessionDetails::Race(RaceDetails {
        name: name.into(),
        distance,
        status,
        finish_time_s: None,
    })
}

fn add(db: &mut Db, i: SessionInput, created: DateTime<Utc>) -> String {
    ops::sessions::create(db, &i, created).unwrap().id
}

#[test]
fn a_new_data_folder_is_empty_and_says_so() {
    let db = Db::open_in_memory().unwrap();
    let t = compose(&db, now(), london()).unwrap();
    assert!(t.empty);
    assert!(t.recovery.is_none());
    assert_eq!(t.load.ratio, None);
    assert!(
        t.load.sentence.starts_with("No training logged yet"),
        "{}",
        t.load.sentence
    );
    assert_eq!(t.weeks.len(), WEEKS_SHOWN);
    assert_eq!(t.series.len(), SERIES_DAYS as usize);
    assert_eq!(t.series.last().unwrap().date, "2026-05-20");
    assert!(t.series.iter().all(|p| p.srpe == 0.0 && p.ratio.is_none()));
    assert_eq!(t.weeks.last().unwrap().start, "2026-05-18", "this week's Monday");
}

#[test]
fn the_day_after_a_marathon_with_two_easy_runs() {
    let mut db = Db::open_in_memory().unwrap();
    // Logged the evening of the race, as a runner would.
    let race_at = "2026-05-19T09:00";
    add(
        &mut db,
        SessionInput {
            distance_m: Some(42_195.0),
            ..input(
                race_at,
                215,
                Some(9),
                race("Valencia Marathon", RaceDistance::Marathon, RaceStatus::Done),
            )
        },
        Utc.with_ymd_and_hms(2026, 5, 19, 15, 0, 0).unwrap(),
    );
    let easy = |d: &str| SessionInput {
        distance_m: Some(5000.0),
        ..input(d, 30, Some(3), SessionDetails::EasyRun)
    };
    add(&mut db, easy("2026-05-17T07:00"), now());
    add(&mut db, easy("2026-05-20T07:00"), now());
    let unrated = add(
        &mut db,
        SessionInput {
            distance_m: Some(3000.0),
            ..input("2026-05-20T08:00", 20, None, SessionDetails::EasyRun)
        },
        now(),
    );
    let t = compose(&db, now(), london()).unwrap();
    assert!(!t.empty);
    let r = t.recovery.expect("recovery after the marathon");
    assert_eq!(r.headline, "Day 2 of 26 easy days after Valencia Marathon");
    assert_eq!((r.day, r.easy_days), (Some(2), 26));
    // Finished 12:35 yesterday (09:00 + 3:35): the 24 h check-in is today at 12:35.
    let c = r.checkin.expect("a check-in");
    assert_eq!(c.when, "Today 12:35");
    assert!(c.text.starts_with("24 h check-in"));
    assert!(!c.due);
    assert!(c.reminder_id.is_some(), "the plan's reminder behind it");
    assert!(r.today.iter().any(|s| s.text.contains("24 h after")), "{:?}", r.today);
    let windows: Vec<_> = r.massage.iter().map(|w| w.text.as_str()).collect();
    assert!(
        windows.contains(&"A light flush is fine until Today 12:35; nothing deep yet"),
        "{windows:?}"
    );
    assert!(windows.contains(&"Sports massage from Tomorrow 12:35"), "{windows:?}");
    // Load: this week is Monday 18 May on; the runs count, the race too (215 min × 9).
    assert_eq!(t.load.week_run_m, 42_195.0 + 5000.0 + 3000.0);
    assert_eq!(t.load.unrated, 1);
    assert_eq!(
        t.load.to_rate.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        [unrated.as_str()]
    );
    assert!(t.load.acute > 0.0 && t.load.chronic > 0.0);
    assert_eq!(t.load.ratio, None, "4 days of data");
    assert!(t.load.sentence.contains("you have 4 so far"), "{}", t.load.sentence);
    assert_eq!(t.load.days_of_data, Some(3));
    let today = t.series.last().unwrap();
    assert_eq!((today.srpe, today.unrated, today.sessions), (90.0, 1, 2));
    assert_eq!(t.weeks.last().unwrap().races, ["Valencia Marathon"]);
    // The check-in reminder is due today.
    assert!(t.due.iter().any(|d| d.source == "checkin_24"), "{:?}", t.due);
}

#[test]
fn a_hard_run_in_the_easy_days_gets_a_calm_note() {
    let mut db = Db::open_in_memory().unwrap();
    add(
        &mut db,
        input(
            "2026-05-16T09:00",
            215,
            Some(9),
            race("Valencia Marathon", RaceDistance::Marathon, RaceStatus::Done),
        ),
        now(),
    );
    add(
        &mut db,
        input("2026-05-19T18:00", 50, Some(8), SessionDetails::Workout),
        now(),
    );
    let t = compose(&db, now(), london()).unwrap();
    assert_eq!(t.notes.len(), 1, "{:?}", t.notes);
    assert!(t.notes[0].message.contains("day 4 of 26"), "{}", t.notes[0].message);
}

#[test]
fn the_next_race_sets_the_no_deep_tissue_window() {
    let mut db = Db::open_in_memory().unwrap();
    add(
        &mut db,
        input(
            "2026-05-17T09:00",
            25,
            Some(9),
            race("Park 5K", RaceDistance::FiveK, RaceStatus::Done),
        ),
        now(),
    );
    // Monday 25 May: five days to go; no deep tissue from Wednesday 20 May (today).
    add(
        &mut db,
        input(
            "2026-05-25T10:00",
            50,
            None,
            race("Parkside 10K", RaceDistance::TenK, RaceStatus::Planned),
        ),
        now(),
    );
    let t = compose(&db, now(), london()).unwrap();
    let next = t.next_race.expect("the next race");
    assert_eq!((next.name.as_str(), next.days_to_go), ("Parkside 10K", 5));
    assert_eq!(
        next.massage.unwrap().text,
        "No deep tissue now; last massage of any kind Sat: Parkside 10K in 5 days"
    );
    let later = compose(&db, now() - Duration::days(3), london()).unwrap();
    assert_eq!(
        later.next_race.unwrap().massage.unwrap().text,
        "No deep tissue from Wed: Parkside 10K in 8 days"
    );
    // Day 4 of the 5K's 3 easy days: over, and said so.
    let r = t.recovery.expect("still shown for a week after");
    assert_eq!(r.day, None);
    assert!(
        r.headline
            .starts_with("The 3 easy days after Park 5K ended on Tue 19 May"),
        "{}",
        r.headline
    );
    // The race's guard is among the massage windows too.
    assert!(r.massage.iter().any(|w| w.state == WindowState::Avoid));
}

#[test]
fn a_swollen_calf_is_urgent_and_first() {
    let mut db = Db::open_in_memory().unwrap();
    let mark = |region: &str, sensation, intensity, swelling| MarkInput {
        region_id: region.into(),
        sensation,
        intensity,
        swelling,
        bruising: false,
        note: String::new(),
        at_local: "2026-05-19T20:00".into(),
        zone: "Europe/London".into(),
        session_id: None,
    };
    ops::marks::create(&mut db, &mark("quadriceps_l", Sensation::Pain, 6, false), now()).unwrap();
    ops::marks::create(&mut db, &mark("calf_r", Sensation::Sore, 4, true), now()).unwrap();
    ops::marks::create(&mut db, &mark("hamstring_l", Sensation::Tight, 3, false), now()).unwrap();
    let t = compose(&db, now(), london()).unwrap();
    assert!(!t.empty);
    let names: Vec<_> = t.body.worst.iter().map(|w| w.label.as_str()).collect();
    assert_eq!(names, ["Left quadriceps", "Right calf", "Left hamstring"]);
    assert_eq!(t.body.flags.len(), 2);
    assert!(t.body.flags[0].urgent && t.body.flags[0].region_id == "calf_r");
    assert!(t.body.flags[0].advice.starts_with("Get urgent medical care today"));
    assert!(!t.body.flags[1].urgent);
    assert_eq!(t.body.flags[1].what, "pain 6");
}

#[test]
fn six_weeks_in_the_ratio_is_defined_and_described_calmly() {
    let mut db = Db::open_in_memory().unwrap();
    for i in 0..42 {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 4, 8).unwrap() + Duration::days(i);
        add(
            &mut db,
            input(&format!("{d}T07:00"), 40, Some(4), SessionDetails::EasyRun),
            now(),
        );
    }
    let t = compose(&db, now(), london()).unwrap();
    let r = t.load.ratio.expect("a ratio after 42 days");
    assert!((0.8..=1.3).contains(&r), "steady training: {r}");
    assert!(
        t.load
            .sentence
            .starts_with("The last week is in line with the month before it"),
        "{}",
        t.load.sentence
    );
    assert!(t.notes.is_empty());
    assert!(t
        .explainers
        .iter()
        .any(|e| e.id == "ratio" && e.source.contains("Impellizzeri")));
}
