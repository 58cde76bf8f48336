//! What the recovery rules say about a saved session: gathers the races and massages around it
//! and the regions marked as acutely injured, and hands them to the pure `recovery::warnings`;
//! for training, adds the calm note when the load of its week has jumped (`load::notes`).

use chrono::Duration;

use crate::error::Result;
use crate::recovery::warnings::{self, Warning, HORIZON};
use crate::sessions::{self, SessionKind};
use crate::storage::Db;
use crate::{load, marks, settings};

pub fn for_session(db: &Db, id: &str) -> Result<Vec<Warning>> {
    let s = sessions::get(db, id)?;
    let rules = settings::get(db)?.rules;
    let nearby = sessions::between(
        db.conn(),
        &[SessionKind::Race, SessionKind::Massage],
        s.start_utc - HORIZON,
        s.start_utc + HORIZON,
        500,
    )?;
    let since = s.start_utc - Duration::hours(i64::from(rules.acute_injury_no_massage_hours));
    let injured = marks::acute_regions(db.conn(), since, s.start_utc)?;
    let mut out = warnings::check(&rules, &s, &nearby, &injured);
    if let Some(e) = load::effort::of(&s) {
        let day = load::read::daily(db.conn(), e.date, e.date)?;
        out.extend(load::notes::ratio(day.last().and_then(|p| p.ratio)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::{MarkInput, Sensation};
    use crate::ops;
    use crate::sessions::{MassageDetails, RaceDetails, RaceDistance, RaceStatus, SessionInput};
    use crate::sessions::{MassageType, SessionDetails};
    use chrono::TimeZone;
    use chrono::{DateTime, Utc};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap()
    }

    fn base(start: &str) -> SessionInput {
        SessionInput {
            start_local: start.into(),
            zone: "UTC".into(),
            duration_s: Some(3600),
            distance_m: None,
            rpe: None,
            notes: String::new(),
            details: SessionDetails::LongRun,
        }
    }

    fn race(db: &mut Db, start: &str, status: RaceStatus) {
        let input = SessionInput {
            details: SessionDetails::Race(RaceDetails {
                name: "City 10K".into(),
                distance: RaceDistance::TenK,
                status,
                finish_time_s: if status == RaceStatus::Done { Some(2700) } else { None },
            }),
            ..base(start)
        };
        ops::sessions::create(db, &input, now()).unwrap();
    }

    fn massage(db: &mut Db, start: &str, kind: MassageType, focus: &[&str]) -> String {
        let input = SessionInput {
            details: SessionDetails::Massage(MassageDetails {
                massage_type: kind,
                therapist: String::new(),
                pressure: None,
                focus_regions: focus.iter().map(|s| s.to_string()).collect(),
                felt_after: String::new(),
            }),
            ..base(start)
        };
        ops::sessions::create(db, &input, now()).unwrap().id
    }

    fn rules_of(db: &Db, id: &str) -> Vec<String> {
        for_session(db, id).unwrap().into_iter().map(|w| w.rule).collect()
    }

    #[test]
    fn deep_tissue_inside_the_pre_race_window_warns() {
        let mut db = Db::open_in_memory().unwrap();
        race(&mut db, "2026-06-14T09:00", RaceStatus::Planned);
        let deep = massage(&mut db, "2026-06-11T18:00", MassageType::DeepTissue, &[]);
        let w = for_session(&db, &deep).unwrap();
        assert_eq!(w.len(), 1);
        assert!(
            w[0].message.contains("Deep tissue 3 days before City 10K"),
            "{}",
            w[0].message
        );
        let early = massage(&mut db, "2026-06-05T18:00", MassageType::DeepTissue, &[]);
        assert!(rules_of(&db, &early).is_empty(), "9 days before is fine");
    }

    #[test]
    fn any_massage_in_the_last_two_days_warns() {
        let mut db = Db::open_in_memory().unwrap();
        race(&mut db, "2026-06-14T09:00", RaceStatus::Planned);
        let light = massage(&mut db, "2026-06-13T09:00", MassageType::Relaxation, &[]);
        assert_eq!(rules_of(&db, &light), ["pre_race"]);
        let fine = massage(&mut db, "2026-06-11T09:00", MassageType::Relaxation, &[]);
        assert!(rules_of(&db, &fine).is_empty());
    }

    #[test]
    fn massage_too_soon_after_a_race_warns() {
        let mut db = Db::open_in_memory().unwrap();
        race(&mut db, "2026-05-20T09:00", RaceStatus::Done);
        let at_once = massage(&mut db, "2026-05-20T10:00", MassageType::Sports, &[]);
        assert_eq!(rules_of(&db, &at_once), ["no_massage_first_hours"]);
        let deep_next_day = massage(&mut db, "2026-05-21T10:00", MassageType::DeepTissue, &[]);
        assert_eq!(rules_of(&db, &deep_next_day), ["sports_massage"]);
        let sports_day_three = massage(&mut db, "2026-05-22T18:00", MassageType::Sports, &[]);
        assert!(rules_of(&db, &sports_day_three).is_empty());
    }

    #[test]
    fn a_workout_the_day_after_deep_tissue_warns() {
        let mut db = Db::open_in_memory().unwrap();
        massage(&mut db, "2026-05-10T17:00", MassageType::DeepTissue, &[]);
        let w = ops::sessions::create(
            &mut db,
            &SessionInput {
                details: SessionDetails::Workout,
                ..base("2026-05-11T07:00")
            },
            now(),
        )
        .unwrap();
        assert_eq!(rules_of(&db, &w.id), ["after_deep"]);
        let long = ops::sessions::create(&mut db, &base("2026-05-11T08:00"), now()).unwrap();
        assert_eq!(rules_of(&db, &long.id), ["after_deep"], "a long run counts as hard");
        let easy = ops::sessions::create(
            &mut db,
            &SessionInput {
                details: SessionDetails::EasyRun,
                ..base("2026-05-11T07:30")
            },
            now(),
        )
        .unwrap();
        assert!(rules_of(&db, &easy.id).is_empty(), "easy running is fine");
    }

    #[test]
    fn massage_on_a_swollen_region_warns() {
        let mut db = Db::open_in_memory().unwrap();
        let mark = MarkInput {
            region_id: "calf_l".into(),
            sensation: Sensation::Pain,
            intensity: 6,
            swelling: true,
            bruising: false,
            note: String::new(),
            at_local: "2026-05-10T08:00".into(),
            zone: "UTC".into(),
            session_id: None,
        };
        crate::ops::marks::create(&mut db, &mark, now()).unwrap();
        let on_it = massage(&mut db, "2026-05-11T18:00", MassageType::Sports, &["calf_l", "calf_r"]);
        let w = for_session(&db, &on_it).unwrap();
        assert_eq!(w.len(), 1);
        assert!(w[0].message.starts_with("Left calf was marked with swelling"));
        let elsewhere = massage(&mut db, "2026-05-11T19:00", MassageType::Sports, &["neck_shoulders"]);
        assert!(rules_of(&db, &elsewhere).is_empty());
    }

    #[test]
    fn a_massage_at_18_00_two_days_before_a_09_00_race_agrees_with_the_last_day_reminder() {
        let mut db = Db::open_in_memory().unwrap();
        race(&mut db, "2026-06-14T09:00", RaceStatus::Planned);
        let m = massage(&mut db, "2026-06-12T18:00", MassageType::Relaxation, &[]);
        assert!(
            rules_of(&db, &m).is_empty(),
            "the plan calls this the last day for any massage"
        );
        let last_day = crate::reminders::list(&db, &Default::default())
            .unwrap()
            .into_iter()
            .find(|r| r.source == "pre_race_last_massage")
            .unwrap();
        assert_eq!(crate::time::date_text(last_day.wall_local.date()), "2026-06-12");
        let next_day = massage(&mut db, "2026-06-13T08:00", MassageType::Relaxation, &[]);
        assert_eq!(rules_of(&db, &next_day), ["pre_race"]);
    }

    #[test]
    fn deep_tissue_at_08_00_five_days_before_warns_as_the_plan_says() {
        let mut db = Db::open_in_memory().unwrap();
        race(&mut db, "2026-06-14T09:00", RaceStatus::Planned);
        let deep = massage(&mut db, "2026-06-09T08:00", MassageType::DeepTissue, &[]);
        assert_eq!(rules_of(&db, &deep), ["pre_race"]);
        let no_deep = crate::reminders::list(&db, &Default::default())
            .unwrap()
            .into_iter()
            .find(|r| r.source == "pre_race_no_deep")
            .unwrap();
        assert_eq!(
            crate::time::date_text(no_deep.wall_local.date()),
            "2026-06-09",
            "from today, says the plan"
        );
        let day_before_window = massage(&mut db, "2026-06-08T20:00", MassageType::DeepTissue, &[]);
        assert!(rules_of(&db, &day_before_window).is_empty());
    }

    #[test]
    fn firm_pressure_in_the_first_48_hours_warns_whatever_the_massage_type() {
        let mut db = Db::open_in_memory().unwrap();
        race(&mut db, "2026-05-20T09:00", RaceStatus::Done);
        let input = SessionInput {
            details: SessionDetails::Massage(MassageDetails {
                massage_type: MassageType::Sports,
                therapist: String::new(),
                pressure: Some(crate::sessions::Pressure::Firm),
                focus_regions: vec![],
                felt_after: String::new(),
            }),
            ..base("2026-05-21T10:00")
        };
        let firm = ops::sessions::create(&mut db, &input, now()).unwrap().id;
        assert_eq!(rules_of(&db, &firm), ["sports_massage"]);
    }

    fn run(db: &mut Db, start: &str, kind: SessionDetails, minutes: i32, rpe: Option<i32>) -> String {
        let input = SessionInput {
            duration_s: Some(minutes * 60),
            rpe,
            details: kind,
            ..base(start)
        };
        ops::sessions::create(db, &input, now()).unwrap().id
    }

    #[test]
    fn a_workout_on_day_two_after_a_marathon_gets_the_easy_days_note() {
        let mut db = Db::open_in_memory().unwrap();
        let input = SessionInput {
            distance_m: Some(42_195.0),
            details: SessionDetails::Race(RaceDetails {
                name: "Valencia Marathon".into(),
                distance: RaceDistance::Marathon,
                status: RaceStatus::Done,
                finish_time_s: Some(3 * 3600 + 30 * 60),
            }),
            ..base("2026-05-10T08:00")
        };
        ops::sessions::create(&mut db, &input, now()).unwrap();
        let w = run(&mut db, "2026-05-11T18:00", SessionDetails::Workout, 50, Some(8));
        let notes = for_session(&db, &w).unwrap();
        let easy = notes.iter().find(|n| n.rule == "easy_days").expect("an easy-days note");
        assert!(easy.message.contains("day 2 of 26"), "{}", easy.message);
        let easy_run = run(&mut db, "2026-05-12T18:00", SessionDetails::EasyRun, 30, Some(3));
        assert!(!rules_of(&db, &easy_run).contains(&"easy_days".to_owned()));
        let after = run(&mut db, "2026-06-05T18:00", SessionDetails::Workout, 50, Some(8));
        assert!(
            !rules_of(&db, &after).contains(&"easy_days".to_owned()),
            "day 27 is past the easy days"
        );
    }

    #[test]
    fn a_sudden_block_of_hard_days_gets_the_load_note_and_steady_training_does_not() {
        let mut db = Db::open_in_memory().unwrap();
        // Six weeks of 40 easy minutes a day at RPE 4 (160 AU).
        let first = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let mut last = String::new();
        for i in 0..42 {
            let d = first + Duration::days(i);
            last = run(&mut db, &format!("{d}T07:00"), SessionDetails::EasyRun, 40, Some(4));
        }
        assert!(!rules_of(&db, &last).contains(&"load_ratio".to_owned()), "steady load");
        // Then a week of 100 minutes a day at RPE 7 (700 AU).
        for i in 42..49 {
            let d = first + Duration::days(i);
            last = run(&mut db, &format!("{d}T07:00"), SessionDetails::EasyRun, 100, Some(7));
        }
        let notes = for_session(&db, &last).unwrap();
        let n = notes.iter().find(|n| n.rule == "load_ratio").expect("a load note");
        assert!(n.message.contains("not an injury risk"), "{}", n.message);
    }
}
