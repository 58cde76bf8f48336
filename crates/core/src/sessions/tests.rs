//! Session log tests on real SQLite databases: every kind round-trips, every bad input is refused
//! with its field and writes nothing, and listing pages through the log newest first.

use chrono::{DateTime, TimeZone, Utc};
use rstest::rstest;

use super::*;
use crate::ops::sessions::{create, restore, update};
use crate::storage::Db;

fn delete(db: &mut Db, id: &str) -> crate::Result<Session> {
    crate::ops::sessions::delete(db, id, now())
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 15, 12, 0, 0).unwrap()
}

fn run(start: &str) -> SessionInput {
    SessionInput {
        start_local: start.into(),
        zone: "Europe/London".into(),
        duration_s: Some(3600),
        distance_m: Some(10_000.0),
        rpe: Some(4),
        notes: "steady".into(),
        details: SessionDetails::EasyRun,
    }
}

fn race() -> SessionInput {
    SessionInput {
        details: SessionDetails::Race(RaceDetails {
            name: "Valencia Marathon".into(),
            distance: RaceDistance::Marathon,
            status: RaceStatus::Done,
            finish_time_s: Some(3 * 3600 + 29 * 60),
        }),
        distance_m: None,
        ..run("2026-06-07T08:30")
    }
}

fn massage() -> SessionInput {
    SessionInput {
        distance_m: None,
        details: SessionDetails::Massage(MassageDetails {
            massage_type: MassageType::Sports,
            therapist: "Sam".into(),
            pressure: Some(Pressure::Medium),
            focus_regions: vec!["calf_r".into(), "calf_l".into(), "calf_l".into()],
            felt_after: "Legs lighter".into(),
        }),
        ..run("2026-06-10T18:00")
    }
}

fn count(db: &Db) -> i64 {
    db.conn()
        .query_row("SELECT count(*) FROM sessions", [], |r| r.get(0))
        .unwrap()
}

fn temp_db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("t.sqlite3")).unwrap();
    (dir, db)
}

#[rstest]
#[case::easy_run(run("2026-06-01T07:00"))]
#[case::long_run(SessionInput { details: SessionDetails::LongRun, ..run("2026-06-02T07:00") })]
#[case::workout(SessionInput { details: SessionDetails::Workout, ..run("2026-06-03T07:00") })]
#[case::race(race())]
#[case::planned_race(SessionInput {
    details: SessionDetails::Race(RaceDetails {
        name: "Berlin".into(), distance: RaceDistance::Half, status: RaceStatus::Planned, finish_time_s: None,
    }),
    ..run("2026-09-27T09:15")
})]
#[case::massage(massage())]
#[case::recovery(SessionInput {
    distance_m: None,
    details: SessionDetails::OtherRecovery(RecoveryDetails { recovery_type: RecoveryType::IceBath }),
    ..run("2026-06-04T20:00")
})]
fn every_kind_round_trips(#[case] input: SessionInput) {
    let (_dir, mut db) = temp_db();
    let saved = create(&mut db, &input, now()).unwrap();
    assert!(uuid::Uuid::parse_str(&saved.id).is_ok());
    assert_eq!(crate::time::wall_text(saved.start_local), input.start_local);
    assert_eq!(saved.kind(), input.details.kind());
    assert_eq!(get(&db, &saved.id).unwrap(), saved);
}

#[test]
fn standard_race_distance_fills_in_metres_and_focus_regions_are_a_sorted_set() {
    let mut db = Db::open_in_memory().unwrap();
    assert_eq!(create(&mut db, &race(), now()).unwrap().distance_m, Some(42_195.0));
    let m = create(&mut db, &massage(), now()).unwrap();
    let SessionDetails::Massage(d) = m.details else {
        panic!("not a massage")
    };
    assert_eq!(d.focus_regions, vec!["calf_l", "calf_r"]);
}

#[test]
fn start_is_stored_in_utc_with_its_zone() {
    let mut db = Db::open_in_memory().unwrap();
    let s = create(&mut db, &run("2026-06-01T07:00"), now()).unwrap();
    assert_eq!(crate::time::rfc3339(s.start_utc), "2026-06-01T06:00:00Z");
    assert_eq!(s.zone.name(), "Europe/London");
}

fn with_notes(n: &str) -> SessionInput {
    SessionInput {
        notes: n.into(),
        ..run("2026-06-01T07:00")
    }
}

fn race_with(f: impl FnOnce(&mut RaceDetails)) -> SessionInput {
    let mut r = race();
    if let SessionDetails::Race(d) = &mut r.details {
        f(d);
    }
    r
}

fn massage_with(f: impl FnOnce(&mut MassageDetails)) -> SessionInput {
    let mut m = massage();
    if let SessionDetails::Massage(d) = &mut m.details {
        f(d);
    }
    m
}

#[rstest]
#[case::empty_start(run(""), "start")]
#[case::garbage_start(run("last tuesday"), "start")]
#[case::absurd_past(run("0001-01-01T00:00"), "start")]
#[case::absurd_future(run("9999-12-31T23:59"), "start")]
#[case::impossible_date(run("2026-02-30T10:00"), "start")]
#[case::dst_gap(run("2026-03-29T01:30"), "start")]
#[case::unknown_zone(SessionInput { zone: "Atlantis/Capital".into(), ..run("2026-06-01T07:00") }, "zone")]
#[case::empty_zone(SessionInput { zone: "".into(), ..run("2026-06-01T07:00") }, "zone")]
#[case::negative_distance(SessionInput { distance_m: Some(-5.0), ..run("2026-06-01T07:00") }, "distance")]
#[case::zero_distance(SessionInput { distance_m: Some(0.0), ..run("2026-06-01T07:00") }, "distance")]
#[case::nan_distance(SessionInput { distance_m: Some(f64::NAN), ..run("2026-06-01T07:00") }, "distance")]
#[case::huge_distance(SessionInput { distance_m: Some(5e9), ..run("2026-06-01T07:00") }, "distance")]
#[case::massage_with_distance(SessionInput { distance_m: Some(100.0), ..massage() }, "distance")]
#[case::negative_duration(SessionInput { duration_s: Some(-60), ..run("2026-06-01T07:00") }, "duration")]
#[case::zero_duration(SessionInput { duration_s: Some(0), ..run("2026-06-01T07:00") }, "duration")]
#[case::month_long_duration(SessionInput { duration_s: Some(30 * 86_400), ..run("2026-06-01T07:00") }, "duration")]
#[case::rpe_zero(SessionInput { rpe: Some(0), ..run("2026-06-01T07:00") }, "rpe")]
#[case::rpe_eleven(SessionInput { rpe: Some(11), ..run("2026-06-01T07:00") }, "rpe")]
#[case::rpe_negative(SessionInput { rpe: Some(-3), ..run("2026-06-01T07:00") }, "rpe")]
#[case::megabyte_notes(with_notes(&"a".repeat(1 << 20)), "notes")]
#[case::notes_with_nul(with_notes("before\0after"), "notes")]
#[case::notes_with_escape(with_notes("bell\u{7}"), "notes")]
#[case::race_without_name(race_with(|r| r.name = "   ".into()), "raceName")]
#[case::race_name_too_long(race_with(|r| r.name = "x".repeat(201)), "raceName")]
#[case::negative_finish(race_with(|r| r.finish_time_s = Some(-1)), "finishTime")]
#[case::planned_race_in_the_past(race_with(|r| { r.status = RaceStatus::Planned; r.finish_time_s = None; }), "raceStatus")]
#[case::custom_race_without_distance(race_with(|r| r.distance = RaceDistance::Custom), "distance")]
#[case::unknown_focus_region(massage_with(|m| m.focus_regions = vec!["tail".into()]), "focusRegions")]
#[case::sql_in_focus_region(massage_with(|m| m.focus_regions = vec!["calf_l'); DROP TABLE sessions;--".into()]), "focusRegions")]
#[case::therapist_too_long(massage_with(|m| m.therapist = "é".repeat(201)), "therapist")]
#[case::felt_after_megabyte(massage_with(|m| m.felt_after = "😀".repeat(300_000)), "feltAfter")]
fn bad_input_is_refused_with_its_field_and_writes_nothing(#[case] input: SessionInput, #[case] field: &str) {
    let (_dir, mut db) = temp_db();
    let existing = create(&mut db, &run("2026-05-01T07:00"), now()).unwrap();
    let err = create(&mut db, &input, now()).unwrap_err();
    let p = err.payload();
    assert_eq!(p.code, "invalid_input");
    assert!(
        p.fields.iter().any(|f| f.field == field),
        "expected {field}, got {:?}",
        p.fields
    );
    assert!(p.fields.iter().all(|f| !f.message.is_empty()));
    assert_eq!(count(&db), 1, "nothing written");

    // The same input as an edit leaves the existing row exactly as it was.
    assert!(update(&mut db, &existing.id, &input, now()).is_err());
    assert_eq!(get(&db, &existing.id).unwrap(), existing);
}

#[test]
fn several_bad_fields_are_all_reported() {
    let mut db = Db::open_in_memory().unwrap();
    let input = SessionInput {
        distance_m: Some(-1.0),
        rpe: Some(12),
        duration_s: Some(-5),
        ..run("nope")
    };
    let p = create(&mut db, &input, now()).unwrap_err().payload();
    let fields: Vec<_> = p.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["start", "duration", "distance", "rpe"]);
}

#[rstest]
#[case::sql("Robert'); DROP TABLE sessions;--")]
#[case::html("<img src=x onerror=alert(1)><script>alert(2)</script>")]
#[case::odd_unicode("e\u{301} \u{202E}sdrawkcab\u{202C} 👩🏽‍🦰 \u{200B}zero-width 𝔘𝔫𝔦𝔠𝔬𝔡𝔢")]
#[case::newlines("line one\nline two\r\n\ttabbed")]
#[case::exactly_the_limit(&"n".repeat(crate::limits::SESSION_NOTES_MAX))]
fn awkward_but_valid_text_is_stored_verbatim(#[case] notes: &str) {
    let mut db = Db::open_in_memory().unwrap();
    let s = create(&mut db, &with_notes(notes), now()).unwrap();
    assert_eq!(get(&db, &s.id).unwrap().notes, notes);
    assert_eq!(count(&db), 1);
}

#[test]
fn update_keeps_id_and_creation_time() {
    let mut db = Db::open_in_memory().unwrap();
    let s = create(&mut db, &massage(), now()).unwrap();
    let later = now() + chrono::Duration::hours(1);
    let u = update(
        &mut db,
        &s.id,
        &SessionInput {
            notes: "better".into(),
            ..race()
        },
        later,
    )
    .unwrap();
    assert_eq!(u.id, s.id);
    assert_eq!(u.created_at, s.created_at);
    assert_ne!(u.updated_at, s.updated_at);
    assert_eq!(u.kind(), SessionKind::Race);
    let focus: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM session_focus_regions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(focus, 0, "a massage turned race keeps no focus regions");
}

#[test]
fn missing_ids_are_not_found() {
    let mut db = Db::open_in_memory().unwrap();
    assert_eq!(get(&db, "nope").unwrap_err().code(), "not_found");
    assert_eq!(
        update(&mut db, "nope", &run("2026-06-01T07:00"), now())
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(delete(&mut db, "nope").unwrap_err().code(), "not_found");
}

#[test]
fn delete_then_restore_gives_back_the_same_entry() {
    let (_dir, mut db) = temp_db();
    let s = create(&mut db, &massage(), now()).unwrap();
    let gone = delete(&mut db, &s.id).unwrap();
    assert_eq!(gone, s);
    assert_eq!(count(&db), 0);
    let focus: i64 = db
        .conn()
        .query_row("SELECT count(*) FROM session_focus_regions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(focus, 0, "focus regions go with their session");

    let back = restore(&mut db, &gone, now()).unwrap();
    assert_eq!(back.id, s.id);
    assert_eq!(back.details, s.details);
    assert_eq!(back.created_at, s.created_at);
    assert_eq!(
        restore(&mut db, &gone, now()).unwrap_err().payload().fields[0].code,
        "duplicate"
    );
}

#[test]
fn a_planned_race_that_has_since_passed_can_still_be_restored() {
    let mut db = Db::open_in_memory().unwrap();
    let planned = SessionInput {
        details: SessionDetails::Race(RaceDetails {
            name: "Spring 10K".into(),
            distance: RaceDistance::TenK,
            status: RaceStatus::Planned,
            finish_time_s: None,
        }),
        ..run("2026-06-20T09:00")
    };
    let s = create(&mut db, &planned, now()).unwrap();
    let gone = delete(&mut db, &s.id).unwrap();
    let after_race = now() + chrono::Duration::days(10);
    assert_eq!(restore(&mut db, &gone, after_race).unwrap().id, s.id);
}

mod listing {
    use super::*;

    fn seeded() -> Db {
        let mut db = Db::open_in_memory().unwrap();
        for day in 1..=30 {
            create(&mut db, &run(&format!("2026-04-{day:02}T07:00")), now()).unwrap();
        }
        create(&mut db, &SessionInput { ..massage() }, now()).unwrap();
        db
    }

    fn q() -> SessionQuery {
        SessionQuery {
            zone: "Europe/London".into(),
            ..Default::default()
        }
    }

    #[test]
    fn ids_narrow_the_list_to_those_sessions_and_still_page() {
        let db = seeded();
        let all = list(
            &db,
            &SessionQuery {
                limit: Some(500),
                ..q()
            },
        )
        .unwrap()
        .items;
        let chosen: Vec<String> = all.iter().step_by(3).map(|s| s.id.clone()).collect();
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = list(
                &db,
                &SessionQuery {
                    ids: chosen.clone(),
                    limit: Some(4),
                    cursor,
                    ..q()
                },
            )
            .unwrap();
            seen.extend(page.items.into_iter().map(|s| s.id));
            cursor = page.next_cursor;
            if cursor.is_none() {
                break;
            }
        }
        assert_eq!(seen, chosen);
        let none = list(
            &db,
            &SessionQuery {
                ids: vec!["no-such-id".into()],
                ..q()
            },
        )
        .unwrap();
        assert!(none.items.is_empty(), "an unknown id matches nothing, not everything");
    }

    #[test]
    fn pages_newest_first_without_gaps_or_repeats() {
        let db = seeded();
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = list(
                &db,
                &SessionQuery {
                    limit: Some(7),
                    cursor,
                    ..q()
                },
            )
            .unwrap();
            seen.extend(page.items.into_iter().map(|s| s.start_utc));
            cursor = page.next_cursor;
            if cursor.is_none() {
                break;
            }
        }
        assert_eq!(seen.len(), 31);
        let mut sorted = seen.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(seen, sorted);
        assert_eq!(crate::time::rfc3339(seen[0]), "2026-06-10T17:00:00Z", "newest first");
    }

    #[test]
    fn filters_by_kind() {
        let db = seeded();
        let page = list(
            &db,
            &SessionQuery {
                kinds: vec![SessionKind::Massage],
                ..q()
            },
        )
        .unwrap();
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.items[0].kind(), SessionKind::Massage);
    }

    #[test]
    fn date_range_includes_both_days_in_the_runners_zone() {
        let db = seeded();
        let page = list(
            &db,
            &SessionQuery {
                from: Some("2026-04-10".into()),
                to: Some("2026-04-12".into()),
                ..q()
            },
        )
        .unwrap();
        let days: Vec<_> = page
            .items
            .iter()
            .map(|s| crate::time::date_text(s.start_local.date()))
            .collect();
        assert_eq!(days, ["2026-04-12", "2026-04-11", "2026-04-10"]);
    }

    #[rstest]
    #[case::reversed(Some("2026-04-12"), Some("2026-04-10"), "to")]
    #[case::bad_from(Some("April"), None, "from")]
    #[case::bad_to(None, Some("2026-13-01"), "to")]
    fn bad_ranges_name_their_field(#[case] from: Option<&str>, #[case] to: Option<&str>, #[case] field: &str) {
        let db = seeded();
        let query = SessionQuery {
            from: from.map(Into::into),
            to: to.map(Into::into),
            ..q()
        };
        assert_eq!(list(&db, &query).unwrap_err().payload().field.as_deref(), Some(field));
    }

    #[test]
    fn bad_limit_and_cursor_are_refused() {
        let db = seeded();
        assert!(list(&db, &SessionQuery { limit: Some(0), ..q() }).is_err());
        assert!(list(
            &db,
            &SessionQuery {
                limit: Some(10_000),
                ..q()
            }
        )
        .is_err());
        assert!(list(
            &db,
            &SessionQuery {
                cursor: Some("garbage".into()),
                ..q()
            }
        )
        .is_err());
    }
}
