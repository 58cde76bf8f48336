//! What a file becomes, and a file written whole or not at all.

use super::*;

#[test]
fn a_fit_run_becomes_an_easy_run_with_what_the_watch_measured() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db();
    let f = write(dir.path(), "run.fit", &fit_run(start(), 3600, 3600));
    let sum = import(&mut db, &[f]);
    assert_eq!(sum.imported.len(), 1, "{sum:?}");
    let s = &all_sessions(&db)[0];
    assert_eq!(s.kind(), SessionKind::EasyRun);
    assert_eq!(s.start_utc, start());
    // London is on summer time in September: the file's +1:00 agrees with Settings.
    assert_eq!(s.zone, chrono_tz::Europe::London);
    let m = s.measured.as_ref().unwrap();
    assert!(m.zone_from_file);
    assert_eq!(m.moving_s, Some(3599));
    assert_eq!(s.duration_s, Some(3599));
    assert!(
        (s.distance_m.unwrap() - 3599.0 * 3.3).abs() < 20.0,
        "{:?}",
        s.distance_m
    );
    assert_eq!((m.avg_hr, m.max_hr), (Some(140), Some(159)));
    assert!(m.trimp.unwrap() > 50.0 && m.trimp.unwrap() < 150.0, "{:?}", m.trimp);
    assert_eq!(m.device.as_deref(), Some("Forerunner 935"));
    let src = m.source.as_ref().unwrap();
    assert_eq!((src.format, src.name.as_str()), (SourceFormat::Fit, "run.fit"));
    assert_eq!(src.sha256.len(), 64);
    assert_eq!(sum.imported[0].trimp, m.trimp);
}

#[test]
fn other_sports_become_cross_training_and_a_multisport_file_gives_each_leg() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db();
    let bike = write(dir.path(), "ride.fit", &fixture("garmin-fenix-5-bike.fit"));
    let tri = write(dir.path(), "tri.fit", &fixture("sample_mulitple_header.fit"));
    let sum = import(&mut db, &[bike, tri]);
    let kinds: Vec<_> = sum
        .imported
        .iter()
        .map(|e| (e.file.as_str(), e.kind, e.sport))
        .collect();
    assert!(
        kinds.contains(&("ride.fit", SessionKind::CrossTraining, Some(Sport::Cycling))),
        "{kinds:?}"
    );
    let tri_legs: Vec<_> = kinds.iter().filter(|k| k.0 == "tri.fit").collect();
    assert_eq!(tri_legs.len(), 3, "{kinds:?}");
    assert!(tri_legs.iter().any(|k| k.2 == Some(Sport::Swimming)));
    assert!(tri_legs.iter().any(|k| k.2 == Some(Sport::Cycling)));
    assert!(tri_legs.iter().any(|k| k.1.is_run()));
    assert_eq!(sum.cross_training, 3);
}

#[test]
fn a_corrupt_or_non_activity_file_costs_a_line_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db();
    let mut cut = fit_run(start(), 600, 3600);
    cut.truncate(cut.len() / 2);
    let paths = [
        write(dir.path(), "cut.fit", &cut),
        write(dir.path(), "settings.fit", &fixture("Settings.fit")),
        write(dir.path(), "notes.txt", b"hello"),
    ];
    let sum = import(&mut db, &paths);
    assert!(sum.imported.is_empty());
    let whys: Vec<_> = sum.skipped.iter().map(|s| (s.file.as_str(), s.why)).collect();
    assert_eq!(
        whys,
        [
            ("cut.fit", SkipWhy::Corrupt),
            ("settings.fit", SkipWhy::NotActivity),
            ("notes.txt", SkipWhy::Unsupported)
        ]
    );
    assert!(sum.skipped.iter().all(|s| s.message.contains(s.file.as_str())));
    assert!(all_sessions(&db).is_empty());
}

#[test]
fn a_file_is_written_whole_or_not_at_all() {
    let mut db = db();
    // The second leg starts in 1940: the file is skipped, and its good first leg with it.
    let bad = Activity {
        start: Utc.with_ymd_and_hms(1940, 1, 1, 0, 0, 0).unwrap(),
        ..activity()
    };
    let sum = add(&mut db, vec![item("two-legs.fit", vec![activity(), bad])]);
    assert!(sum.imported.is_empty());
    assert_eq!(sum.skipped[0].why, SkipWhy::Corrupt);
    assert!(
        sum.skipped[0].message.contains("watch's clock"),
        "{}",
        sum.skipped[0].message
    );
    assert!(all_sessions(&db).is_empty());
}

#[test]
fn implausible_readings_are_dropped_not_the_run() {
    let mut db = db();
    let glitchy = Activity {
        avg_hr: Some(300),
        max_hr: Some(255),
        ascent_m: Some(-5.0),
        cadence_spm: Some(f64::NAN),
        device: Some("x".repeat(500)),
        description: Some("y".repeat(20_000)),
        ..activity()
    };
    let sum = add(&mut db, vec![item("g.fit", vec![glitchy])]);
    assert_eq!(sum.imported.len(), 1, "{:?}", sum.skipped);
    let s = &all_sessions(&db)[0];
    let m = s.measured.as_ref().unwrap();
    assert_eq!(
        (m.avg_hr, m.max_hr, m.ascent_m, m.cadence_spm),
        (None, Some(255), None, None)
    );
    assert_eq!(
        m.device.as_ref().unwrap().chars().count(),
        crate::limits::SHORT_TEXT_MAX
    );
    assert_eq!(s.notes.chars().count(), SESSION_NOTES_MAX);
}

#[test]
fn kinds_follow_the_source_and_the_long_run_rule() {
    let mut db = db();
    let day = |d: i64| start() + chrono::Duration::days(d);
    let long = Activity {
        start: day(1),
        moving_s: Some(95 * 60),
        elapsed_s: Some(96 * 60),
        distance_m: Some(18_000.0),
        ..activity()
    };
    let race = Activity {
        start: day(2),
        sub: RunHint::Race,
        name: Some("Berlin Marathon".into()),
        distance_m: Some(42_450.0),
        moving_s: Some(3 * 3600 + 200),
        elapsed_s: Some(3 * 3600 + 260),
        ..activity()
    };
    let workout = Activity {
        start: day(3),
        sub: RunHint::Workout,
        ..activity()
    };
    let sum = add(
        &mut db,
        vec![
            item("easy.fit", vec![activity()]),
            item("long.fit", vec![long]),
            item("race.fit", vec![race]),
            item("workout.fit", vec![workout]),
        ],
    );
    let kinds: Vec<_> = sum.imported.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            SessionKind::EasyRun,
            SessionKind::LongRun,
            SessionKind::Race,
            SessionKind::Workout
        ]
    );
    let race = sessions::get(&db, &sum.imported[2].session_id).unwrap();
    let SessionDetails::Race(r) = &race.details else {
        panic!()
    };
    assert_eq!(
        (r.name.as_str(), r.distance, r.status),
        ("Berlin Marathon", RaceDistance::Marathon, RaceStatus::Done)
    );
    assert_eq!(r.finish_time_s, Some(3 * 3600 + 260));
    // A race gets its recovery plan, as one typed in does.
    let reminders: i64 = db
        .conn()
        .query_row(
            "SELECT count(*) FROM reminders WHERE session_id = ?1",
            [&race.id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(reminders > 0);

    // The threshold is the runner's.
    let mut s = settings::get(&db).unwrap();
    s.import.long_run_minutes = 120;
    crate::ops::settings::update(&mut db, &s, now()).unwrap();
    let long2 = Activity {
        start: day(9),
        moving_s: Some(95 * 60),
        elapsed_s: Some(96 * 60),
        ..activity()
    };
    assert_eq!(
        add(&mut db, vec![item("l2.fit", vec![long2])]).imported[0].kind,
        SessionKind::EasyRun
    );
}

#[test]
fn the_zone_comes_from_a_fit_offset_or_from_settings() {
    let mut db = db();
    let day = |d: i64| start() + chrono::Duration::days(d);
    let abroad = Activity {
        start: day(1),
        utc_offset_s: Some(3 * 3600),
        ..activity()
    };
    let india = Activity {
        start: day(2),
        utc_offset_s: Some(5 * 3600 + 1800),
        ..activity()
    };
    let gpx = Activity {
        start: day(3),
        format: Format::Gpx,
        utc_offset_s: None,
        ..activity()
    };
    let sum = add(
        &mut db,
        vec![
            item("a.fit", vec![abroad]),
            item("i.fit", vec![india]),
            item("g.gpx", vec![gpx]),
        ],
    );
    let got: Vec<_> = sum
        .imported
        .iter()
        .map(|e| {
            let s = sessions::get(&db, &e.session_id).unwrap();
            (
                time::wall_in(s.start_utc, s.zone).format("%H:%M").to_string(),
                s.measured.unwrap().zone_from_file,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("09:02".to_owned(), true),
            ("11:32".to_owned(), true),
            ("07:02".to_owned(), false)
        ]
    );
}

#[test]
fn cancel_stops_between_files_and_progress_counts_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db();
    for d in 0..4 {
        write(
            dir.path(),
            &format!("{d}.fit"),
            &fit_run(start() + chrono::Duration::days(d), 600, 3600),
        );
    }
    let cancel = AtomicBool::new(false);
    let mut seen = Vec::new();
    let sum = import_paths(&mut db, &[dir.path().to_owned()], now(), &cancel, &mut |p| {
        seen.push((p.done, p.total));
        if p.done == 2 {
            cancel.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    })
    .unwrap();
    assert_eq!(seen, [(1, 4), (2, 4)]);
    assert!(sum.cancelled);
    assert_eq!(sum.imported.len(), 2);
    assert_eq!(all_sessions(&db).len(), 2, "what was imported before the cancel stays");
}

#[test]
fn a_skipped_item_keeps_its_kind() {
    let mut db = db();
    let skipped = Item {
        name: "big.fit".into(),
        sha256: None,
        outcome: Outcome::Skipped(SkipReason::new(SkipKind::TooLarge, "\"big.fit\" is too large")),
    };
    let sum = add(&mut db, vec![skipped]);
    assert_eq!(sum.skipped[0].why, SkipWhy::TooLarge);
}

#[test]
fn race_distances_are_recognised_within_three_percent() {
    assert_eq!(race_distance(Some(21_300.0)), RaceDistance::Half);
    assert_eq!(race_distance(Some(10_250.0)), RaceDistance::TenK);
    assert_eq!(race_distance(Some(5_600.0)), RaceDistance::Custom);
    assert_eq!(race_distance(None), RaceDistance::Custom);
}

#[test]
fn an_activity_s_name_and_description_become_its_notes_and_a_race_s_name_its_race_name() {
    let mut db = db();
    let hills = Activity {
        name: Some("Hill reps".into()),
        description: Some("felt strong".into()),
        ..activity()
    };
    let race = Activity {
        start: start() + chrono::Duration::days(2),
        sub: RunHint::Race,
        name: Some("Harbour 10K".into()),
        description: None,
        ..activity()
    };
    let sum = add(&mut db, vec![item("a.fit", vec![hills]), item("bb.fit", vec![race])]);
    let notes: Vec<String> = sum
        .imported
        .iter()
        .map(|e| sessions::get(&db, &e.session_id).unwrap().notes)
        .collect();
    assert_eq!(notes, ["Hill reps\nfelt strong", ""]);
}
