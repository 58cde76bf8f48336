//! FIT on the real fixtures in crates/core/tests/fixtures/activities/ (from the fitparser crate;
//! see the README there): a run, a ride, a triathlon with chained files, non-activities, and a
//! file with developer fields and no times.

use chrono::{TimeZone, Utc};

use super::*;
use crate::import::fixtures_tests::fixture;
use crate::import::model::Sport;

#[test]
fn the_sdk_activity_is_a_short_run_with_its_utc_offset() {
    let a = parse(&fixture("Activity.fit")).unwrap();
    assert_eq!(a.len(), 1);
    let a = &a[0];
    assert_eq!(a.format, Format::Fit);
    assert_eq!(a.sport, Sport::Running);
    assert_eq!(a.start, Utc.with_ymd_and_hms(2012, 4, 9, 21, 22, 26).unwrap());
    assert_eq!((a.elapsed_s, a.moving_s), (Some(14), Some(14)), "13.749 s, rounded");
    assert_eq!(a.distance_m, Some(5.73));
    assert_eq!(
        a.utc_offset_s,
        Some(-4 * 3600),
        "local_timestamp 17:24:51 for 21:24:51 UTC"
    );
    assert_eq!(a.device.as_deref(), Some("HRM 1"));
    assert_eq!(a.sub, RunHint::None);
    assert!(a.hr.is_empty(), "no heart rate in this file");
}

#[test]
fn a_ride_has_its_device_heart_rate_and_no_step_cadence() {
    let a = &parse(&fixture("garmin-fenix-5-bike.fit")).unwrap()[0];
    assert_eq!(a.sport, Sport::Cycling);
    assert_eq!(a.device.as_deref(), Some("Fenix 5"));
    assert_eq!(a.distance_m, Some(459.52));
    assert_eq!((a.avg_hr, a.max_hr), (Some(101), Some(114)));
    assert_eq!(a.utc_offset_s, Some(-7 * 3600));
    assert_eq!(a.cadence_spm, None);
    assert!(!a.hr.is_empty());
    assert!(
        a.hr.windows(2).all(|w| w[0].offset_s < w[1].offset_s),
        "sorted, one per second"
    );
}

#[test]
fn a_triathlon_gives_one_activity_per_leg_without_transitions() {
    let legs = parse(&fixture("sample_mulitple_header.fit")).unwrap();
    let sports: Vec<Sport> = legs.iter().map(|a| a.sport).collect();
    assert_eq!(sports, vec![Sport::Swimming, Sport::Cycling, Sport::Running]);
    let (swim, bike, run) = (&legs[0], &legs[1], &legs[2]);
    assert_eq!(swim.start, Utc.with_ymd_and_hms(2018, 5, 27, 7, 33, 1).unwrap());
    assert_eq!(bike.start, Utc.with_ymd_and_hms(2018, 5, 27, 8, 8, 58).unwrap());
    assert_eq!(run.start, Utc.with_ymd_and_hms(2018, 5, 27, 9, 23, 41).unwrap());
    assert_eq!(run.distance_m, Some(9805.92));
    assert_eq!(run.elapsed_s, Some(2851));
    assert_eq!((run.avg_hr, run.max_hr), (Some(176), Some(187)));
    let cadence = run.cadence_spm.unwrap();
    assert!(
        (cadence - 167.03).abs() < 0.01,
        "83 + 0.515 strides per minute, doubled: {cadence}"
    );
    assert_eq!(swim.cadence_spm, None);
    assert_eq!(run.device.as_deref(), Some("Forerunner 920XT"));
    assert!(legs.iter().all(|a| a.utc_offset_s == Some(2 * 3600)));
    for leg in &legs {
        let last = leg.hr.last().expect("each leg has its own heart rate").offset_s;
        assert!(last <= leg.elapsed_s.unwrap() + 1, "samples stay inside their leg");
    }
    assert!(run.hr[0].offset_s < 5, "the run's samples start at the run's start");
}

#[test]
fn files_that_are_not_activities_say_what_they_are() {
    for (file, words) in [
        ("Settings.fit", "settings"),
        ("MonitoringFile.fit", "daily tracking (steps, sleep)"),
        ("WorkoutIndividualSteps.fit", "planned workout"),
    ] {
        assert_eq!(parse(&fixture(file)), Err(Fail::NotActivity(words.into())), "{file}");
    }
}

#[test]
fn developer_fields_parse_and_records_without_times_are_empty() {
    assert_eq!(
        parse(&fixture("DeveloperData.fit")),
        Err(Fail::Empty("no start time".into()))
    );
}

#[test]
fn a_damaged_file_is_corrupt_in_words() {
    let mut bytes = fixture("Activity.fit");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    let Err(Fail::Corrupt(why)) = parse(&bytes) else {
        panic!("a flipped byte must be caught")
    };
    assert!(why.contains("checksum") || why.contains("garbled"), "{why}");
    let cut = &fixture("Activity.fit")[..500];
    assert!(matches!(parse(cut), Err(Fail::Corrupt(_))));
}

#[test]
fn relative_times_are_no_start() {
    let boot = Utc
        .timestamp_opt(FIT_EPOCH_UNIX + 1000, 0)
        .unwrap()
        .with_timezone(&Local);
    assert_eq!(instant(&Value::Timestamp(boot)), None);
    let real = Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap();
    assert_eq!(instant(&Value::Timestamp(real.with_timezone(&Local))), Some(real));
}

#[test]
fn a_written_hour_long_run_reads_back_with_its_zone_totals_and_samples() {
    use crate::import::fixtures_tests::fit_run;
    let start = Utc.with_ymd_and_hms(2024, 3, 10, 6, 0, 0).unwrap();
    for offset in [5 * 3600 + 1800, -(3 * 3600 + 1800), 0] {
        let a = &parse(&fit_run(start, 3600, i64::from(offset))).unwrap()[0];
        assert_eq!(a.utc_offset_s, Some(offset));
        assert_eq!(a.start, start);
        assert_eq!((a.elapsed_s, a.moving_s), (Some(3599), Some(3599)));
        assert!((a.distance_m.unwrap() - 3599.0 * 3.3).abs() < 0.01);
        assert_eq!((a.avg_hr, a.max_hr, a.ascent_m), (Some(140), Some(159), Some(12.0)));
        assert_eq!(a.cadence_spm, Some(170.0));
        assert_eq!(a.device.as_deref(), Some("Forerunner 935"));
        assert_eq!(a.hr.len(), 3600);
        assert_eq!((a.hr[0].offset_s, a.hr[3599].offset_s), (0, 3599));
    }
}

#[test]
fn zero_padding_after_the_file_is_ignored_and_other_trailing_bytes_are_not() {
    let whole = fixture("Activity.fit");
    let padded = [whole.clone(), vec![0; 32]].concat();
    assert_eq!(parse(&padded), parse(&whole));
    let chained = fixture("sample_mulitple_header.fit");
    assert_eq!(
        parse(&[chained.clone(), vec![0; 7]].concat()),
        parse(&chained),
        "after the last chained part"
    );
    let junk = [whole, b"junk after the end".to_vec()].concat();
    assert!(matches!(parse(&junk), Err(Fail::Corrupt(_))));
}

#[test]
fn a_session_without_an_end_timestamp_ends_after_its_elapsed_time() {
    let start = Utc.with_ymd_and_hms(2024, 5, 1, 8, 0, 0).unwrap();
    let s = Session {
        start: Some(start),
        elapsed_s: Some(600.0),
        ..Session::default()
    };
    let at = |secs| Rec {
        time: Some(start + chrono::Duration::seconds(secs)),
        point: Point::default(),
    };
    assert!(within(&at(0), &s) && within(&at(600), &s));
    assert!(!within(&at(601), &s) && !within(&at(-1), &s));
}
