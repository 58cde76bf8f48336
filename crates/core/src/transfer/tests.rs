use chrono::{DateTime, TimeZone, Utc};
use rusqlite::types::ValueRef;

use super::*;
use crate::marks::{MarkInput, Sensation};
use crate::reminders::{self, ReminderAction, ReminderInput, Snooze};
use crate::sessions::{self, *};
use crate::settings::{self, Settings, Units};
use crate::storage::Db;

const TABLES: [&str; 5] = ["sessions", "session_focus_regions", "marks", "reminders", "settings"];

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 4, 19, 8, 0, 0).unwrap()
}

fn input(start: &str, details: SessionDetails) -> SessionInput {
    SessionInput {
        start_local: start.into(),
        zone: "Europe/London".into(),
        duration_s: Some(3600),
        distance_m: None,
        rpe: Some(5),
        notes: String::new(),
        details,
    }
}

/// One of everything, with text that stresses CSV and JSON: commas, quotes, line breaks, emoji.
pub(super) fn rich_db() -> Db {
    let mut db = Db::open_in_memory().unwrap();
    let mut s = Settings {
        units: Units::Mi,
        ..Default::default()
    };
    s.quiet_hours.start = "21:30".into();
    crate::ops::settings::update(&mut db, &s, crate::time::now()).unwrap();
    let easy = crate::ops::sessions::create(
        &mut db,
        &SessionInput {
            distance_m: Some(10_012.5),
            notes: "Felt \"great\", legs fresh,\nthen a stitch 🏃".into(),
            ..input("2026-04-01T07:00", SessionDetails::EasyRun)
        },
        now(),
    )
    .unwrap();
    // 01:30 on the night the clocks go back happens twice; keep the later one.
    let dst =
        crate::ops::sessions::create(&mut db, &input("2025-10-26T01:30", SessionDetails::LongRun), now()).unwrap();
    db.conn()
        .execute(
            "UPDATE sessions SET start_utc = start_utc + 3600 WHERE id = ?1",
            [&dst.id],
        )
        .unwrap();
    let massage = crate::ops::sessions::create(
        &mut db,
        &input(
            "2026-04-10T18:00",
            SessionDetails::Massage(MassageDetails {
                massage_type: MassageType::DeepTissue,
                therapist: "Sam, LMT".into(),
                pressure: Some(Pressure::Firm),
                focus_regions: vec!["calf_l".into(), "it_band_r".into()],
                felt_after: "looser".into(),
            }),
        ),
        now(),
    )
    .unwrap();
    crate::ops::sessions::create(
        &mut db,
        &input(
            "2026-03-01T09:00",
            SessionDetails::Race(RaceDetails {
                name: "Spring Half".into(),
                distance: RaceDistance::Half,
                status: RaceStatus::Done,
                finish_time_s: Some(5400),
            }),
        ),
        now(),
    )
    .unwrap();
    crate::ops::sessions::create(
        &mut db,
        &input(
            "2026-05-20T09:00",
            SessionDetails::Race(RaceDetails {
                name: "Summer 10K".into(),
                distance: RaceDistance::TenK,
                status: RaceStatus::Planned,
                finish_time_s: None,
            }),
        ),
        now(),
    )
    .unwrap();
    crate::ops::sessions::create(
        &mut db,
        &input(
            "2026-04-12T20:00",
            SessionDetails::OtherRecovery(RecoveryDetails {
                recovery_type: RecoveryType::IceBath,
            }),
        ),
        now(),
    )
    .unwrap();
    for (region, session) in [("calf_l", Some(massage.id.clone())), ("knee_r", None)] {
        crate::ops::marks::create(
            &mut db,
            &MarkInput {
                region_id: region.into(),
                sensation: Sensation::Pain,
                intensity: 6,
                swelling: true,
                bruising: false,
                note: "sharp, then dull".into(),
                at_local: "2026-04-11T08:00".into(),
                zone: "Europe/London".into(),
                session_id: session,
            },
            now(),
        )
        .unwrap();
    }
    let manual = reminders::create_manual(
        &mut db,
        &ReminderInput {
            text: "Buy new shoes, size 44".into(),
            wall_local: "2026-04-25T10:00".into(),
            zone: "Europe/London".into(),
        },
        now(),
    )
    .unwrap();
    reminders::snooze(&mut db, &manual.id, Snooze::OneHour, now()).unwrap();
    let planned = reminders::list(&db, &Default::default()).unwrap();
    assert!(planned.len() > 2, "the planned race made a plan");
    reminders::act(&mut db, &planned[0].id, ReminderAction::Done, now()).unwrap();
    let _ = easy;
    db
}

/// Every row of every table, as text.
pub(super) fn dump(db: &Db) -> Vec<(String, Vec<Vec<String>>)> {
    TABLES
        .iter()
        .map(|t| {
            let mut stmt = db.conn().prepare(&format!("SELECT * FROM {t} ORDER BY 1, 2")).unwrap();
            let n = stmt.column_count();
            let rows = stmt
                .query_map([], |r| {
                    (0..n)
                        .map(|i| {
                            Ok(match r.get_ref(i)? {
                                ValueRef::Null => "NULL".into(),
                                ValueRef::Integer(v) => format!("i{v}"),
                                ValueRef::Real(v) => format!("r{v:?}"),
                                ValueRef::Text(v) => format!("t{}", String::from_utf8_lossy(v)),
                                ValueRef::Blob(v) => format!("b{v:?}"),
                            })
                        })
                        .collect::<rusqlite::Result<Vec<String>>>()
                })
                .unwrap()
                .collect::<rusqlite::Result<Vec<_>>>()
                .unwrap();
            (t.to_string(), rows)
        })
        .collect()
}

fn text_of(db: &Db) -> String {
    serde_json::to_string(&collect(db, now(), &mut |_| {}).unwrap()).unwrap()
}

fn counts(db: &Db) -> Vec<i64> {
    TABLES
        .iter()
        .map(|t| {
            db.conn()
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                .unwrap()
        })
        .collect()
}

#[test]
fn export_then_import_into_a_fresh_database_gives_back_every_row() {
    let source = rich_db();
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("export.json");
    let summary = export_json(&source, &file, now(), &mut |_| {}).unwrap();
    assert_eq!((summary.sessions, summary.marks), (6, 2));
    let text = std::fs::read_to_string(&file).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["format"], FORMAT);
    assert_eq!(doc["version"], VERSION);

    let mut fresh = Db::open_in_memory().unwrap();
    let report = crate::ops::transfer::import_json(&mut fresh, &text, now(), &mut |_| {}).unwrap();
    assert_eq!(report.sessions.added, 6);
    assert_eq!(report.marks.added, 2);
    assert_eq!(report.settings_applied as usize, counts(&source)[4] as usize);
    assert_eq!(dump(&fresh), dump(&source));
    assert_eq!(settings::get(&fresh).unwrap(), settings::get(&source).unwrap());
}

#[test]
fn importing_twice_adds_nothing_and_newer_copies_win() {
    let source = rich_db();
    let text = text_of(&source);
    let mut db = Db::open_in_memory().unwrap();
    crate::ops::transfer::import_json(&mut db, &text, now(), &mut |_| {}).unwrap();
    let again = crate::ops::transfer::import_json(&mut db, &text, now(), &mut |_| {}).unwrap();
    assert_eq!(
        (again.sessions.added, again.sessions.updated, again.sessions.skipped),
        (0, 0, 6)
    );
    assert_eq!(again.settings_applied, 0);
    assert_eq!(dump(&db), dump(&source));

    // An edit here is newer than the file: the import keeps it.
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let id = doc["sessions"][0]["id"].as_str().unwrap().to_owned();
    let mut edited = sessions::get(&db, &id).unwrap().to_input();
    edited.notes = "edited here".into();
    crate::ops::sessions::update(&mut db, &id, &edited, now() + chrono::Duration::hours(1)).unwrap();
    crate::ops::transfer::import_json(&mut db, &text, now(), &mut |_| {}).unwrap();
    assert_eq!(sessions::get(&db, &id).unwrap().notes, "edited here");

    // A file whose copy is newer still: it wins.
    doc["sessions"][0]["notes"] = "edited on the other laptop".into();
    doc["sessions"][0]["updatedAt"] = "2026-04-19T10:00:00Z".into();
    let r = crate::ops::transfer::import_json(&mut db, &doc.to_string(), now(), &mut |_| {}).unwrap();
    assert_eq!(r.sessions.updated, 1);
    let s = sessions::get(&db, &id).unwrap();
    assert_eq!(s.notes, "edited on the other laptop");
    assert_eq!(crate::time::rfc3339(s.updated_at), "2026-04-19T10:00:00Z");
}

#[rstest::rstest]
#[case::distance("sessions", 2, "distanceM", serde_json::json!(-5.0), "sessions[2].distanceM: Distance must be more than 0.")]
#[case::rpe("sessions", 1, "rpe", serde_json::json!(11), "sessions[1].rpe: Effort must be from 1 to 10.")]
#[case::kind("sessions", 2, "details", serde_json::json!({"kind": "nap"}), "sessions[2].details")]
#[case::bad_id("sessions", 0, "id", serde_json::json!("42"), "sessions[0].id: must be a UUID.")]
#[case::start("sessions", 4, "startUtc", serde_json::json!("yesterday"), "sessions[4].startUtc: must be an RFC 3339")]
#[case::region("marks", 1, "regionId", serde_json::json!("elbow"), "marks[1].regionId: \"elbow\" is not a body region.")]
#[case::intensity("marks", 0, "intensity", serde_json::json!(12), "marks[0].intensity: Intensity must be from 0 to 10.")]
#[case::orphan_mark("marks", 0, "sessionId", serde_json::json!("7a1c8e6e-6f7e-4f4e-9a59-4d0f6c1f0c11"), "marks[0].sessionId: names a session")]
#[case::reminder_text("reminders", 0, "text", serde_json::json!(""), "reminders[0].text: Reminder text is required.")]
fn a_bad_record_is_named_and_nothing_is_written(
    #[case] table: &str,
    #[case] index: usize,
    #[case] field: &str,
    #[case] value: serde_json::Value,
    #[case] message: &str,
) {
    let source = rich_db();
    let mut doc: serde_json::Value = serde_json::from_str(&text_of(&source)).unwrap();
    doc[table][index][field] = value;
    let mut db = Db::open_in_memory().unwrap();
    let err = crate::ops::transfer::import_json(&mut db, &doc.to_string(), now(), &mut |_| {}).unwrap_err();
    let p = err.payload();
    assert_eq!(p.code, "invalid_input");
    assert!(p.message.starts_with(message), "{}", p.message);
    assert!(p.field.as_deref().unwrap().starts_with(&format!("{table}[{index}]")));
    assert_eq!(counts(&db), [0, 0, 0, 0, 0], "nothing partial");
}

#[test]
fn a_file_that_is_not_an_export_is_refused() {
    let mut db = Db::open_in_memory().unwrap();
    for (text, code) in [
        ("not json", "file"),
        (r#"{"format": "something-else", "version": 1}"#, "format"),
        (r#"{"format": "aftermile-export", "version": 99}"#, "version"),
    ] {
        let p = crate::ops::transfer::import_json(&mut db, text, now(), &mut |_| {})
            .unwrap_err()
            .payload();
        assert_eq!(p.field.as_deref(), Some(code), "{text}");
    }
    // An empty but well-formed document is fine.
    let r = crate::ops::transfer::import_json(
        &mut db,
        r#"{"format": "aftermile-export", "version": 1}"#,
        now(),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(r, ImportReport::default());
}

#[test]
fn a_full_disk_fails_the_import_with_nothing_partial() {
    let source = rich_db();
    // Many records, so the write outgrows the page limit part-way through.
    let mut doc: serde_json::Value = serde_json::from_str(&text_of(&source)).unwrap();
    let template = doc["sessions"][0].clone();
    let many: Vec<serde_json::Value> = (0..3000)
        .map(|i| {
            let mut s = template.clone();
            s["id"] = uuid::Uuid::new_v4().to_string().into();
            s["notes"] = format!("run {i} {}", "x".repeat(500)).into();
            s
        })
        .collect();
    doc["sessions"] = many.into();
    doc["marks"] = serde_json::json!([]);

    let mut db = Db::open_in_memory().unwrap();
    let before = dump(&db);
    let pages: i64 = db.conn().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    db.conn().pragma_update(None, "max_page_count", pages + 50).unwrap();
    let err = crate::ops::transfer::import_json(&mut db, &doc.to_string(), now(), &mut |_| {}).unwrap_err();
    assert_eq!(err.code(), "disk_full", "{err}");
    assert!(err.to_string().contains("disk is full"));
    assert_eq!(dump(&db), before);
    // And an ordinary write fails the same clear way rather than half-applying.
    db.conn().pragma_update(None, "max_page_count", pages).unwrap();
}

#[test]
fn progress_is_reported_every_500_records() {
    let mut db = Db::open_in_memory().unwrap();
    for i in 0..1234 {
        let day = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(i);
        crate::ops::sessions::create(&mut db, &input(&format!("{day}T07:00"), SessionDetails::EasyRun), now()).unwrap();
    }
    let mut seen = Vec::new();
    let doc = collect(&db, now(), &mut |p| seen.push((p.phase, p.done, p.total))).unwrap();
    let reading: Vec<u32> = seen.iter().filter(|p| p.0 == Phase::Reading).map(|p| p.1).collect();
    assert_eq!(reading, [0, 500, 1000, 1234]);
    let mut seen = Vec::new();
    let mut fresh = Db::open_in_memory().unwrap();
    crate::ops::transfer::import_json(&mut fresh, &serde_json::to_string(&doc).unwrap(), now(), &mut |p| {
        seen.push((p.phase, p.done))
    })
    .unwrap();
    let writing: Vec<u32> = seen.iter().filter(|p| p.0 == Phase::Writing).map(|p| p.1).collect();
    assert_eq!(writing, [0, 500, 1000, 1234]);
}

#[test]
fn a_backup_is_taken_before_importing_into_a_database_with_data() {
    let tmp = tempfile::tempdir().unwrap();
    let mut db = Db::open(&tmp.path().join("a.sqlite3")).unwrap();
    let text = text_of(&rich_db());
    let first = crate::ops::transfer::import_json(&mut db, &text, now(), &mut |_| {}).unwrap();
    assert_eq!(first.backup, None, "an empty database needs no backup");
    let second = crate::ops::transfer::import_json(&mut db, &text, now(), &mut |_| {}).unwrap();
    let name = second.backup.expect("backup before merging into data");
    assert!(name.ends_with("-pre-import.sqlite3"), "{name}");
    assert!(tmp.path().join("backups").join(name).exists());
}

#[test]
fn csv_has_one_file_per_table_with_quoting() {
    let db = rich_db();
    let tmp = tempfile::tempdir().unwrap();
    let s = export_csv(&db, tmp.path(), now(), &mut |_| {}).unwrap();
    assert!(s.path.ends_with("aftermile-csv-2026-04-19"));
    let dir = std::path::Path::new(&s.path);
    for t in TABLES {
        assert!(dir.join(format!("{t}.csv")).exists(), "{t}");
    }
    let sessions = std::fs::read_to_string(dir.join("sessions.csv")).unwrap();
    let header = sessions.lines().next().unwrap();
    assert!(
        header.starts_with("id,kind,start_utc,zone,duration_s,distance_m"),
        "{header}"
    );
    assert!(sessions.contains("\"Felt \"\"great\"\", legs fresh,\nthen a stitch 🏃\""));
    assert!(
        sessions.contains(",2025-10-26T01:30:00Z,"),
        "the later of the two 01:30s"
    );
    assert!(sessions.contains(",10012.5,"));
    assert_eq!(sessions.matches("\r\n").count(), 7, "header and six rows");
    let marks = std::fs::read_to_string(dir.join("marks.csv")).unwrap();
    assert!(marks.contains("\"sharp, then dull\""));
    // A second export the same day gets its own folder.
    let again = export_csv(&db, tmp.path(), now(), &mut |_| {}).unwrap();
    assert!(again.path.ends_with("aftermile-csv-2026-04-19-2"));
}

#[test]
fn a_file_too_big_to_be_an_export_is_refused_unread() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("huge.json");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(crate::ops::transfer::IMPORT_MAX_BYTES + 1).unwrap();
    let mut db = Db::open_in_memory().unwrap();
    let p = crate::ops::transfer::import_file(&mut db, &path, now(), &mut |_| {})
        .unwrap_err()
        .payload();
    assert_eq!(p.field.as_deref(), Some("file"));
    assert!(p.message.contains("MB"), "{}", p.message);
}

fn plan_reminder_index(doc: &serde_json::Value) -> usize {
    doc["reminders"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| !r["sessionId"].is_null() && r["state"] == "pending")
        .expect("a waiting plan reminder")
}

#[test]
fn a_waiting_reminder_of_a_session_nowhere_is_refused_by_field() {
    let source = rich_db();
    let mut doc: serde_json::Value = serde_json::from_str(&text_of(&source)).unwrap();
    let i = plan_reminder_index(&doc);
    doc["reminders"][i]["sessionId"] = serde_json::json!("7a1c8e6e-6f7e-4f4e-9a59-4d0f6c1f0c11");
    let mut db = Db::open_in_memory().unwrap();
    let p = crate::ops::transfer::import_json(&mut db, &doc.to_string(), now(), &mut |_| {})
        .unwrap_err()
        .payload();
    assert_eq!(p.field.as_deref(), Some(format!("reminders[{i}].sessionId").as_str()));
    assert_eq!(counts(&db), [0, 0, 0, 0, 0], "nothing partial");
}

#[test]
fn two_copies_of_one_plan_reminder_in_a_file_are_named_not_a_database_error() {
    let source = rich_db();
    let mut doc: serde_json::Value = serde_json::from_str(&text_of(&source)).unwrap();
    let i = plan_reminder_index(&doc);
    let mut twin = doc["reminders"][i].clone();
    twin["id"] = serde_json::json!("3c7d1b0e-2a4f-4c8e-9b1d-5e6f7a8b9c0d");
    doc["reminders"].as_array_mut().unwrap().push(twin);
    let n = doc["reminders"].as_array().unwrap().len();
    let mut db = Db::open_in_memory().unwrap();
    let p = crate::ops::transfer::import_json(&mut db, &doc.to_string(), now(), &mut |_| {})
        .unwrap_err()
        .payload();
    assert_eq!(p.code, "invalid_input");
    assert_eq!(
        p.field.as_deref(),
        Some(format!("reminders[{}].source", n - 1).as_str())
    );
    assert!(p.message.contains("same plan reminder"), "{}", p.message);
}

#[test]
fn imported_reminders_whose_time_passed_are_marked_missed_not_sent() {
    let source = rich_db();
    let text = text_of(&source);
    let mut db = Db::open_in_memory().unwrap();
    // Imported a year later: every waiting reminder in the file is long past.
    let later = now() + chrono::Duration::days(365);
    crate::ops::transfer::import_json(&mut db, &text, later, &mut |_| {}).unwrap();
    assert!(
        reminders::claim_due(&mut db, later).unwrap().is_empty(),
        "nothing is sent"
    );
    assert!(reminders::undelivered(&db).unwrap().is_empty());
    let missed = reminders::list(&db, &Default::default())
        .unwrap()
        .into_iter()
        .filter(|r| r.missed)
        .count();
    assert!(missed > 0);
}

#[cfg(unix)]
#[test]
fn exports_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let tmp = tempfile::tempdir().unwrap();
    let mut db = Db::open_in_memory().unwrap();
    crate::ops::sessions::create(&mut db, &input("2026-04-01T07:00", SessionDetails::EasyRun), now()).unwrap();
    let json = tmp.path().join("export.json");
    export_json(&db, &json, now(), &mut |_| {}).unwrap();
    assert_eq!(mode(&json), 0o600, "the JSON export");
    let csv = export_csv(&db, tmp.path(), now(), &mut |_| {}).unwrap();
    let folder = std::path::PathBuf::from(&csv.path);
    assert_eq!(mode(&folder), 0o700, "the CSV folder");
    for f in std::fs::read_dir(&folder).unwrap().flatten() {
        assert_eq!(mode(&f.path()), 0o600, "{}", f.path().display());
    }
}
