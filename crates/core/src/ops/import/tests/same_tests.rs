//! Duplicates: the same run from several files, a re-import, a typed entry, near misses.

use super::*;

#[test]
fn the_same_run_as_fit_gpx_and_tcx_imports_once_and_keeps_the_richest() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db();
    // GPX first, then FIT: the FIT replaces what the GPX measured.
    let gpx = write(dir.path(), "a-run.gpx", gpx_run(start(), 3600).as_bytes());
    let fit = write(dir.path(), "b-run.fit", &fit_run(start(), 3600, 3600));
    let sum = import(&mut db, &[dir.path().to_owned()]);
    assert_eq!(sum.imported.len(), 1, "{sum:?}");
    assert_eq!(sum.duplicates.len(), 1);
    assert_eq!(sum.duplicates[0].outcome, DuplicateOutcome::Upgraded);
    assert_eq!(sum.duplicates[0].file, "b-run.fit");
    assert!(
        sum.duplicates[0].matched.contains("(from a GPX file)"),
        "{}",
        sum.duplicates[0].matched
    );
    let all = all_sessions(&db);
    assert_eq!(all.len(), 1);
    assert_eq!(source(&all[0]), SourceFormat::Fit);
    assert!(all[0].measured.as_ref().unwrap().zone_from_file);

    // Each again, alone: nothing changes, and the summary says what each matched.
    for f in [&gpx, &fit] {
        let again = import(&mut db, std::slice::from_ref(f));
        assert!(again.imported.is_empty());
        assert_eq!(again.duplicates[0].outcome, DuplicateOutcome::Unchanged);
        assert!(again.duplicates[0].matched.contains("(from a FIT file)"));
    }
    assert_eq!(all_sessions(&db), all, "re-importing changed nothing");
}

#[test]
fn re_importing_a_folder_adds_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = db();
    for d in 0..3 {
        write(
            dir.path(),
            &format!("{d}.fit"),
            &fit_run(start() + chrono::Duration::days(d), 1800, 3600),
        );
    }
    assert_eq!(import(&mut db, &[dir.path().to_owned()]).imported.len(), 3);
    let again = import(&mut db, &[dir.path().to_owned()]);
    assert_eq!((again.imported.len(), again.duplicates.len()), (0, 3));
    assert!(again
        .duplicates
        .iter()
        .all(|d| d.outcome == DuplicateOutcome::Unchanged));
    assert_eq!(all_sessions(&db).len(), 3);
}

#[test]
fn a_typed_session_is_merged_and_the_runners_words_win() {
    let mut db = db();
    let typed = crate::ops::sessions::create(
        &mut db,
        &SessionInput {
            start_local: "2026-09-12T07:03".into(),
            zone: "Europe/London".into(),
            duration_s: Some(3500),
            distance_m: None,
            rpe: Some(7),
            notes: "Hills felt heavy".into(),
            details: SessionDetails::Workout,
        },
        now(),
    )
    .unwrap();
    let sum = add(&mut db, vec![item("run.fit", vec![activity()])]);
    assert!(sum.imported.is_empty());
    assert_eq!(sum.duplicates[0].outcome, DuplicateOutcome::Merged);
    assert!(
        sum.duplicates[0].matched.contains("Workout"),
        "{}",
        sum.duplicates[0].matched
    );
    assert!(sum.duplicates[0].matched.contains("(typed in)"));
    let s = sessions::get(&db, &typed.id).unwrap();
    assert_eq!(s.kind(), SessionKind::Workout);
    assert_eq!((s.rpe, s.notes.as_str()), (Some(7), "Hills felt heavy"));
    assert_eq!(s.duration_s, Some(3500), "what the runner typed stays");
    assert_eq!(s.distance_m, Some(11_000.0), "what they left out is filled in");
    assert_eq!(s.measured.as_ref().unwrap().avg_hr, Some(150));
    assert_eq!(all_sessions(&db).len(), 1);
}

#[test]
fn near_misses_are_separate_activities() {
    let mut db = db();
    add(&mut db, vec![item("a.fit", vec![activity()])]);
    let later = Activity {
        start: start() + chrono::Duration::minutes(3),
        ..activity()
    };
    let longer = Activity {
        moving_s: Some(4000),
        elapsed_s: Some(4100),
        ..activity()
    };
    let further = Activity {
        distance_m: Some(12_000.0),
        ..activity()
    };
    let ride = Activity {
        sport: FileSport::Cycling,
        ..activity()
    };
    let sum = add(
        &mut db,
        vec![
            item("later.fit", vec![later]),
            item("longer.fit", vec![longer]),
            item("further.fit", vec![further]),
            item("ride.fit", vec![ride]),
        ],
    );
    assert_eq!(sum.imported.len(), 4, "{:?}", sum.duplicates);
    // Within the tolerances: the same run.
    let close = Activity {
        start: start() + chrono::Duration::seconds(90),
        moving_s: Some(3700),
        elapsed_s: Some(3750),
        distance_m: Some(11_400.0),
        ..activity()
    };
    let sum = add(&mut db, vec![item("close.fit", vec![close])]);
    assert_eq!((sum.imported.len(), sum.duplicates.len()), (0, 1));
}

#[test]
fn gpx_then_tcx_then_fit_upgrades_twice_and_the_zone_follows_the_file_that_records_one() {
    let mut db = db();
    let gpx = Activity {
        format: Format::Gpx,
        utc_offset_s: None,
        ..activity()
    };
    let first = add(&mut db, vec![item("run.gpx", vec![gpx])]);
    let id = first.imported[0].session_id.clone();
    let zone = |db: &Db| {
        let s = sessions::get(db, &id).unwrap();
        (s.zone.name().to_owned(), s.measured.unwrap().zone_from_file)
    };
    assert_eq!(zone(&db), ("Europe/London".to_owned(), false));
    // TCX ranks above GPX; it records no local time either, so the zone stays as it was.
    let tcx = Activity {
        format: Format::Tcx,
        utc_offset_s: None,
        ..activity()
    };
    let sum = add(&mut db, vec![item("run-2.tcx", vec![tcx.clone()])]);
    assert_eq!(sum.duplicates[0].outcome, DuplicateOutcome::Upgraded);
    assert_eq!(zone(&db), ("Europe/London".to_owned(), false));
    // A FIT recorded abroad (UTC+3): the richest source, and its zone comes with it.
    let fit = Activity {
        utc_offset_s: Some(3 * 3600),
        ..activity()
    };
    let sum = add(&mut db, vec![item("run-333.fit", vec![fit])]);
    assert_eq!(sum.duplicates[0].outcome, DuplicateOutcome::Upgraded);
    let (name, from_file) = zone(&db);
    assert!(from_file, "the zone is the FIT's now");
    assert_ne!(name, "Europe/London");
    let s = sessions::get(&db, &id).unwrap();
    assert_eq!(time::wall_in(s.start_utc, s.zone).format("%H:%M").to_string(), "09:02");
    // The TCX again is poorer than the FIT: nothing changes.
    let again = add(&mut db, vec![item("run-4444.tcx", vec![tcx])]);
    assert_eq!(again.duplicates[0].outcome, DuplicateOutcome::Unchanged);
    assert!(zone(&db).1);
}
