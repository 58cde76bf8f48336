//! Each formula against a worked example done by hand from its definition (the sources are in
//! each module's docs; the numbers here are ours, worked from those definitions), and the edge
//! cases: no data, one day, gaps of weeks, a sudden block, sessions without RPE or heart rate.

use chrono::{Duration, NaiveDate};

use super::daily::{days, Day};
use super::effort::{self, srpe, Effort};
use super::ewma::{lambda, series, RATIO_MIN_DAYS};
use super::weekly::{monday, monotony_and_strain, weeks};

fn d(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap() + Duration::days(n)
}

fn run(day: i64, minutes: f64, rpe: Option<i32>) -> Effort {
    Effort {
        date: d(day),
        minutes,
        rpe,
        trimp: None,
        running: Some((minutes * 200.0, minutes * 60.0)),
        race: None,
        session_id: format!("s{day}"),
    }
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn session_load_is_rpe_times_minutes() {
    // Foster 2001's definition: CR-10 rating × minutes. A 60-minute run rated 5 is 300 AU.
    assert_eq!(srpe(5, 60.0), 300.0);
    assert_eq!(run(0, 45.0, Some(7)).srpe(), Some(315.0));
    assert_eq!(run(0, 45.0, None).srpe(), None, "unrated is unknown, not zero");
}

#[test]
fn lambda_is_two_over_n_plus_one() {
    assert_eq!(lambda(7), 0.25);
    assert!(close(lambda(42), 2.0 / 43.0, 1e-15));
    assert!(close(lambda(28), 2.0 / 29.0, 1e-15));
}

#[test]
fn one_day_then_rest_by_hand() {
    let pts = series(days(&[run(0, 60.0, Some(5))], d(0), d(2)), Some(d(0)));
    // Day 0: acute = 0.25 × 300 = 75; chronic = 300 × 2/43 = 13.953; 28-day = 300 × 2/29 = 20.690.
    assert!(close(pts[0].acute, 75.0, 1e-9));
    assert!(close(pts[0].chronic, 13.953_488, 1e-5));
    assert!(close(pts[0].chronic28, 20.689_655, 1e-5));
    assert!(close(pts[0].form, 13.953_488 - 75.0, 1e-5));
    // Day 1, rest: each decays by (1 − λ): acute 56.25, chronic 13.304.
    assert!(close(pts[1].acute, 56.25, 1e-9));
    assert!(close(pts[1].chronic, 13.953_488 * 41.0 / 43.0, 1e-5));
    assert!(pts.iter().all(|p| p.ratio.is_none()), "one day is not 28 days of data");
}

#[test]
fn steady_training_settles_at_a_ratio_of_one() {
    let efforts: Vec<_> = (0..400).map(|i| run(i, 50.0, Some(4))).collect();
    let pts = series(days(&efforts, d(0), d(399)), Some(d(0)));
    let last = pts.last().unwrap();
    assert!(
        close(last.acute, 200.0, 1e-6) && close(last.chronic, 200.0, 1e-3),
        "{last:?}"
    );
    assert!(close(last.ratio.unwrap(), 1.0, 1e-6));
    assert!(close(last.form, 0.0, 1e-3));
}

#[test]
fn a_sudden_block_raises_the_ratio_as_the_formula_says() {
    // 200 days at 300 AU, then a week at 600.
    let mut efforts: Vec<_> = (0..200).map(|i| run(i, 60.0, Some(5))).collect();
    efforts.extend((200..207).map(|i| run(i, 60.0, Some(10))));
    let pts = series(days(&efforts, d(0), d(206)), Some(d(0)));
    let last = pts.last().unwrap();
    // After 7 days at 600 from a settled 300: acute = 600 − 300 × 0.75^7; the 28-day average =
    // 600 − 300 × (27/29)^7 (the settled 300 is exact to 1e-6 after 200 days).
    let acute = 600.0 - 300.0 * 0.75f64.powi(7);
    let c28 = 600.0 - 300.0 * (27.0f64 / 29.0).powi(7);
    assert!(close(last.acute, acute, 1e-3), "{} vs {acute}", last.acute);
    assert!(close(last.ratio.unwrap(), acute / c28, 1e-4), "{:?}", last.ratio);
    assert!(last.ratio.unwrap() > 1.3 && last.form < 0.0);
}

#[test]
fn the_ratio_waits_for_28_days_of_data_and_survives_a_gap() {
    let efforts: Vec<_> = (0..10).map(|i| run(i, 40.0, Some(5))).collect();
    let pts = series(days(&efforts, d(0), d(70)), Some(d(0)));
    for p in &pts {
        let day = (p.day.date - d(0)).num_days();
        assert_eq!(p.ratio.is_some(), day >= RATIO_MIN_DAYS - 1, "day {day}");
    }
    // Weeks of nothing: everything decays towards zero, never below.
    let last = pts.last().unwrap();
    assert!(last.acute >= 0.0 && last.acute < 0.01 && last.chronic > last.acute);
    // A ratio near zero after a long rest describes the rest; it is not an error.
    assert!(last.ratio.unwrap() < 0.01);
}

#[test]
fn no_data_gives_no_series_and_a_day_range_backwards_gives_nothing() {
    assert!(series(Vec::new(), None).is_empty());
    assert!(days(&[], d(5), d(1)).is_empty());
    let empty = series(days(&[], d(0), d(30)), None);
    assert!(empty.iter().all(|p| p.acute == 0.0 && p.ratio.is_none()));
}

#[test]
fn unrated_sessions_are_counted_not_guessed_and_trimp_is_kept_apart() {
    let mut imported = run(0, 60.0, None);
    imported.trimp = Some(88.0);
    let ds = days(&[imported, run(0, 30.0, Some(3))], d(0), d(0));
    assert_eq!(ds[0].sessions, 2);
    assert_eq!(ds[0].unrated, 1);
    assert_eq!(ds[0].srpe, 90.0);
    assert_eq!(ds[0].trimp, 88.0);
}

#[test]
fn cross_training_counts_in_load_never_in_running() {
    let ride = Effort {
        running: None,
        ..run(0, 90.0, Some(4))
    };
    let ds = days(&[ride, run(0, 30.0, Some(3))], d(0), d(0));
    assert_eq!(ds[0].srpe, 360.0 + 90.0);
    assert_eq!(ds[0].run_m, 30.0 * 200.0);
    assert_eq!(ds[0].run_s, 30.0 * 60.0);
    assert_eq!(ds[0].cross_s, 90.0 * 60.0);
}

#[test]
fn monotony_and_strain_by_hand() {
    // Loads 300, 0, 300, 0, 300, 0, 600: mean 214.286, population SD 209.956,
    // monotony 1.02062, strain 1500 × 1.02062 = 1530.93.
    let (m, s) = monotony_and_strain(&[300.0, 0.0, 300.0, 0.0, 300.0, 0.0, 600.0]);
    assert!(close(m.unwrap(), 1.020_62, 1e-4), "{m:?}");
    assert!(close(s.unwrap(), 1530.93, 0.05), "{s:?}");
    // The same load every day cannot vary: no monotony to speak of (not infinity).
    assert_eq!(monotony_and_strain(&[200.0; 7]), (None, None));
    assert_eq!(monotony_and_strain(&[0.0; 7]), (None, None));
    assert_eq!(monotony_and_strain(&[]), (None, None));
}

#[test]
fn weeks_run_monday_to_sunday_with_their_races() {
    // d(0) is Monday 5 January 2026.
    assert_eq!(monday(d(0)), d(0));
    assert_eq!(monday(d(6)), d(0));
    assert_eq!(monday(d(7)), d(7));
    let mut race = run(9, 200.0, Some(9));
    race.race = Some("Valencia Marathon".into());
    let ws = weeks(&days(
        &[run(1, 30.0, Some(3)), run(6, 60.0, Some(4)), race],
        d(0),
        d(13),
    ));
    assert_eq!(ws.len(), 2);
    assert_eq!(ws[0].start, d(0));
    assert_eq!(ws[0].run_s, 90.0 * 60.0);
    assert_eq!(ws[0].srpe, 90.0 + 240.0);
    assert_eq!(ws[1].races, ["Valencia Marathon"]);
    assert!(ws[0].monotony.is_some());
}

#[test]
fn massage_recovery_and_planned_races_are_not_training() {
    use crate::sessions::*;
    let base = |details: SessionDetails| Session {
        id: "x".into(),
        start_utc: chrono::DateTime::from_timestamp(1_767_600_000, 0).unwrap(),
        zone: chrono_tz::Europe::London,
        start_local: d(0).and_hms_opt(7, 0, 0).unwrap(),
        duration_s: Some(3600),
        distance_m: Some(10_000.0),
        rpe: Some(5),
        notes: String::new(),
        details,
        measured: None,
        created_at: chrono::DateTime::from_timestamp(0, 0).unwrap(),
        updated_at: chrono::DateTime::from_timestamp(0, 0).unwrap(),
    };
    let race = |status| {
        SessionDetails::Race(RaceDetails {
            name: "Parkside 10K".into(),
            distance: RaceDistance::TenK,
            status,
            finish_time_s: None,
        })
    };
    assert!(effort::of(&base(SessionDetails::OtherRecovery(RecoveryDetails {
        recovery_type: RecoveryType::Yoga
    })))
    .is_none());
    assert!(effort::of(&base(race(RaceStatus::Planned))).is_none());
    let done = effort::of(&base(race(RaceStatus::Done))).unwrap();
    assert_eq!(done.race.as_deref(), Some("Parkside 10K"));
    assert_eq!(done.srpe(), Some(300.0));
    // An imported run's moving time is its minutes; the logged duration includes the pauses.
    let mut imported = base(SessionDetails::EasyRun);
    imported.measured = Some(Measured {
        moving_s: Some(3000),
        trimp: Some(70.0),
        ..Measured::default()
    });
    let e = effort::of(&imported).unwrap();
    assert_eq!((e.minutes, e.trimp), (50.0, Some(70.0)));
    assert_eq!(e.running, Some((10_000.0, 3000.0)));
    let ride = effort::of(&base(SessionDetails::CrossTraining(CrossTrainingDetails {
        sport: Sport::Cycling,
    })))
    .unwrap();
    assert_eq!(ride.running, None);
}

#[test]
fn days_are_zero_filled_and_ignore_what_falls_outside() {
    let ds = days(
        &[run(-1, 30.0, Some(3)), run(2, 30.0, Some(3)), run(9, 30.0, Some(3))],
        d(0),
        d(3),
    );
    assert_eq!(ds.len(), 4);
    assert_eq!(
        ds.iter().map(|x| x.sessions).collect::<Vec<_>>(),
        [0, 0, 1, 0],
        "{:?}",
        ds.iter().map(|x: &Day| x.date).collect::<Vec<_>>()
    );
}
