//! Mark tests on real SQLite: round trips, refusals that write nothing, the heat map's window and
//! one-per-region rule, and history with massage markers.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rstest::rstest;

use super::*;
use crate::ops::marks::{create, restore, update};
use crate::sessions::{self, MassageDetails, MassageType, SessionDetails, SessionInput};
use crate::storage::Db;

fn delete(db: &mut Db, id: &str) -> crate::Result<Mark> {
    crate::ops::marks::delete(db, id, now())
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 15, 12, 0, 0).unwrap()
}

fn sore(region: &str, at: &str, intensity: i32) -> MarkInput {
    MarkInput {
        region_id: region.into(),
        sensation: Sensation::Sore,
        intensity,
        swelling: false,
        bruising: false,
        note: "after hills".into(),
        at_local: at.into(),
        zone: "Europe/London".into(),
        session_id: None,
    }
}

fn count(db: &Db) -> i64 {
    db.conn()
        .query_row("SELECT count(*) FROM marks", [], |r| r.get(0))
        .unwrap()
}

fn massage(db: &mut Db, at: &str, focus: &[&str]) -> String {
    let input = SessionInput {
        start_local: at.into(),
        zone: "Europe/London".into(),
        duration_s: Some(3600),
        distance_m: None,
        rpe: None,
        notes: String::new(),
        details: SessionDetails::Massage(MassageDetails {
            massage_type: MassageType::Sports,
            therapist: "Sam".into(),
            pressure: None,
            focus_regions: focus.iter().map(|s| s.to_string()).collect(),
            felt_after: String::new(),
        }),
    };
    crate::ops::sessions::create(db, &input, now()).unwrap().id
}

#[test]
fn a_mark_round_trips_and_can_be_edited_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(&dir.path().join("m.sqlite3")).unwrap();
    let m = create(&mut db, &sore("calf_l", "2026-06-14T08:00", 6), now()).unwrap();
    assert_eq!(get(&db, &m.id).unwrap(), m);
    assert_eq!(crate::time::rfc3339(m.at_utc), "2026-06-14T07:00:00Z");
    assert!(!m.raises_red_flags());

    let edited = update(
        &mut db,
        &m.id,
        &MarkInput {
            intensity: 3,
            ..sore("calf_l", "2026-06-14T08:00", 0)
        },
        now(),
    )
    .unwrap();
    assert_eq!(
        (edited.id.as_str(), edited.intensity, edited.created_at),
        (m.id.as_str(), 3, m.created_at)
    );

    let gone = delete(&mut db, &m.id).unwrap();
    assert_eq!(count(&db), 0);
    assert_eq!(restore(&mut db, &gone, now()).unwrap().id, m.id);
}

#[rstest]
#[case::unknown_region(MarkInput { region_id: "tail".into(), ..sore("calf_l", "2026-06-14T08:00", 5) }, "region")]
#[case::intensity_eleven(sore("calf_l", "2026-06-14T08:00", 11), "intensity")]
#[case::intensity_negative(sore("calf_l", "2026-06-14T08:00", -1), "intensity")]
#[case::far_future(sore("calf_l", "2999-01-01T08:00", 5), "at")]
#[case::tomorrow(sore("calf_l", "2026-06-16T08:00", 5), "at")]
#[case::ancient(sore("calf_l", "1200-01-01T08:00", 5), "at")]
#[case::garbage_time(sore("calf_l", "soon", 5), "at")]
#[case::bad_zone(MarkInput { zone: "Nowhere/Else".into(), ..sore("calf_l", "2026-06-14T08:00", 5) }, "zone")]
#[case::megabyte_note(MarkInput { note: "x".repeat(1 << 20), ..sore("calf_l", "2026-06-14T08:00", 5) }, "note")]
#[case::missing_session(MarkInput { session_id: Some("no-such-session".into()), ..sore("calf_l", "2026-06-14T08:00", 5) }, "session")]
fn bad_marks_are_refused_and_nothing_is_written(#[case] input: MarkInput, #[case] field: &str) {
    let mut db = Db::open_in_memory().unwrap();
    let kept = create(&mut db, &sore("shin_r", "2026-06-13T08:00", 2), now()).unwrap();
    let p = create(&mut db, &input, now()).unwrap_err().payload();
    assert!(
        p.fields.iter().any(|f| f.field == field),
        "expected {field}, got {:?}",
        p.fields
    );
    assert_eq!(count(&db), 1);
    assert!(update(&mut db, &kept.id, &input, now()).is_err());
    assert_eq!(get(&db, &kept.id).unwrap(), kept);
}

#[test]
fn pain_injury_swelling_and_bruising_raise_red_flags() {
    let mut db = Db::open_in_memory().unwrap();
    for (input, flagged) in [
        (
            MarkInput {
                sensation: Sensation::Pain,
                ..sore("shin_r", "2026-06-14T08:00", 4)
            },
            true,
        ),
        (
            MarkInput {
                sensation: Sensation::Injury,
                ..sore("shin_r", "2026-06-14T08:00", 4)
            },
            true,
        ),
        (
            MarkInput {
                swelling: true,
                ..sore("shin_r", "2026-06-14T08:00", 1)
            },
            true,
        ),
        (
            MarkInput {
                bruising: true,
                ..sore("shin_r", "2026-06-14T08:00", 1)
            },
            true,
        ),
        (
            MarkInput {
                sensation: Sensation::Tight,
                ..sore("shin_r", "2026-06-14T08:00", 9)
            },
            false,
        ),
    ] {
        assert_eq!(
            create(&mut db, &input, now()).unwrap().raises_red_flags(),
            flagged,
            "{input:?}"
        );
    }
}

#[test]
fn a_mark_can_belong_to_a_session_and_outlives_it() {
    let mut db = Db::open_in_memory().unwrap();
    let sid = massage(&mut db, "2026-06-14T18:00", &["calf_l"]);
    let m = create(
        &mut db,
        &MarkInput {
            session_id: Some(sid.clone()),
            ..sore("calf_l", "2026-06-14T19:00", 3)
        },
        now(),
    )
    .unwrap();
    assert_eq!(for_session(&db, &sid).unwrap(), vec![m.clone()]);
    crate::ops::sessions::delete(&mut db, &sid, crate::time::now()).unwrap();
    assert_eq!(get(&db, &m.id).unwrap().session_id, None, "the mark stays, unlinked");
}

#[test]
fn editing_a_session_keeps_its_marks_linked() {
    let mut db = Db::open_in_memory().unwrap();
    let sid = massage(&mut db, "2026-06-14T18:00", &["calf_l"]);
    let m = create(
        &mut db,
        &MarkInput {
            session_id: Some(sid.clone()),
            ..sore("calf_l", "2026-06-14T19:00", 3)
        },
        now(),
    )
    .unwrap();
    let mut input = sessions::get(&db, &sid).unwrap().to_input();
    input.notes = "edited".into();
    crate::ops::sessions::update(&mut db, &sid, &input, now()).unwrap();
    assert_eq!(get(&db, &m.id).unwrap().session_id.as_deref(), Some(sid.as_str()));
}

#[test]
fn heat_map_takes_the_latest_mark_per_region_inside_the_window() {
    let mut db = Db::open_in_memory().unwrap();
    create(&mut db, &sore("calf_l", "2026-06-10T08:00", 7), now()).unwrap();
    create(&mut db, &sore("calf_l", "2026-06-14T08:00", 3), now()).unwrap();
    create(&mut db, &sore("shin_r", "2026-06-01T08:00", 9), now()).unwrap(); // outside 7 days
    create(&mut db, &sore("glute_r", "2026-06-09T08:00", 5), now()).unwrap();

    let map = heat_map(&db, &HeatMapQuery { days: None }, now()).unwrap();
    let got: Vec<_> = map.iter().map(|m| (m.region_id.as_str(), m.intensity)).collect();
    assert_eq!(got, [("calf_l", 3), ("glute_r", 5)]);

    let month = heat_map(&db, &HeatMapQuery { days: Some(30) }, now()).unwrap();
    assert_eq!(month.len(), 3);
    assert!(heat_map(&db, &HeatMapQuery { days: Some(0) }, now()).is_err());
    assert!(heat_map(&db, &HeatMapQuery { days: Some(10_000) }, now()).is_err());
}

#[test]
fn history_is_oldest_first_with_massages_flagged_by_focus() {
    let mut db = Db::open_in_memory().unwrap();
    for (day, i) in [(1, 8), (3, 6), (6, 2)] {
        create(&mut db, &sore("calf_l", &format!("2026-06-{day:02}T08:00"), i), now()).unwrap();
    }
    create(&mut db, &sore("shin_r", "2026-06-02T08:00", 4), now()).unwrap();
    let on_calf = massage(&mut db, "2026-06-04T18:00", &["calf_l", "calf_r"]);
    let elsewhere = massage(&mut db, "2026-06-05T18:00", &["neck_shoulders"]);

    let h = history(&db, "calf_l").unwrap();
    assert_eq!(h.marks.iter().map(|m| m.intensity).collect::<Vec<_>>(), [8, 6, 2]);
    let flags: Vec<_> = h.massages.iter().map(|m| (m.session_id.clone(), m.focused)).collect();
    assert_eq!(flags, [(on_calf, true), (elsewhere, false)]);
    assert!(history(&db, "nope").is_err());
    assert!(history(&db, "knee_l").unwrap().marks.is_empty());
}

#[test]
fn now_minus_window_edge_is_included() {
    let mut db = Db::open_in_memory().unwrap();
    let edge = now() - Duration::days(7) + Duration::minutes(1);
    let local = edge
        .with_timezone(&chrono_tz::Europe::London)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    create(&mut db, &sore("knee_r", &local, 4), now()).unwrap();
    assert_eq!(heat_map(&db, &HeatMapQuery { days: Some(7) }, now()).unwrap().len(), 1);
}

#[test]
fn marks_in_the_same_minute_go_by_which_was_saved_last() {
    let mut db = Db::open_in_memory().unwrap();
    create(&mut db, &sore("calf_l", "2026-06-14T08:00", 6), now()).unwrap();
    create(
        &mut db,
        &MarkInput {
            sensation: Sensation::Tight,
            ..sore("calf_l", "2026-06-14T08:00", 3)
        },
        now(),
    )
    .unwrap();
    let map = heat_map(&db, &HeatMapQuery { days: None }, now()).unwrap();
    assert_eq!(map[0].intensity, 3);
    assert_eq!(history(&db, "calf_l").unwrap().marks.last().unwrap().intensity, 3);
}
