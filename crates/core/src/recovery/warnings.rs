//! Warnings when a logged or planned session goes against the recovery rules: a massage too close
//! before a race or too soon after one, a hard session right after deep tissue work, or massage on
//! a region marked with swelling or bruising. They inform; nothing is refused.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::rules::RecoveryRules;
use crate::error::Result;
use crate::regions;
use crate::sessions::{self, MassageType, Session, SessionDetails, SessionKind};
use crate::settings;
use crate::storage::db::Db;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// The rule it comes from, as in `recovery::sources`.
    pub rule: String,
    pub message: String,
}

/// Looks this far either side of a session for races and massages that matter to it.
const HORIZON: Duration = Duration::days(31);

pub fn for_session(db: &Db, id: &str) -> Result<Vec<Warning>> {
    let s = sessions::get(db, id)?;
    let rules = settings::get(db)?.rules;
    let Some(start) = instant(&s.start_utc) else {
        return Ok(Vec::new());
    };
    let nearby = around(db, start)?;
    let mut out = Vec::new();
    match &s.details {
        SessionDetails::Massage(m) => {
            massage_vs_races(&rules, &s, start, m.massage_type, &nearby, &mut out);
            massage_vs_injuries(db, &rules, start, &m.focus_regions, &mut out)?;
        }
        SessionDetails::Workout | SessionDetails::Race(_) => hard_vs_deep(&rules, start, &nearby, &mut out),
        _ => {}
    }
    Ok(out)
}

fn around(db: &Db, start: DateTime<Utc>) -> Result<Vec<Session>> {
    let q = sessions::SessionQuery {
        kinds: vec![SessionKind::Race, SessionKind::Massage],
        from: Some((start - HORIZON).format("%Y-%m-%d").to_string()),
        to: Some((start + HORIZON).format("%Y-%m-%d").to_string()),
        zone: "UTC".into(),
        cursor: None,
        limit: Some(500),
    };
    Ok(sessions::list(db, &q)?.items)
}

fn instant(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

fn hours(d: Duration) -> f64 {
    d.num_minutes() as f64 / 60.0
}

fn massage_vs_races(
    rules: &RecoveryRules,
    massage: &Session,
    start: DateTime<Utc>,
    kind: MassageType,
    nearby: &[Session],
    out: &mut Vec<Warning>,
) {
    let deep = kind == MassageType::DeepTissue;
    for race in nearby.iter().filter(|r| r.id != massage.id) {
        let SessionDetails::Race(rd) = &race.details else {
            continue;
        };
        let Some(race_start) = instant(&race.start_utc) else {
            continue;
        };
        let name = &rd.name;
        if race_start > start {
            let days = hours(race_start - start) / 24.0;
            if deep && days < f64::from(rules.pre_race_no_deep_days) {
                out.push(Warning {
                    rule: "pre_race".into(),
                    message: format!(
                        "Deep tissue {:.0} days before {name}: the plan says no deep tissue in the last {} days.",
                        days.floor().max(0.0),
                        rules.pre_race_no_deep_days
                    ),
                });
            } else if days < f64::from(rules.pre_race_last_massage_days) {
                out.push(Warning {
                    rule: "pre_race".into(),
                    message: format!(
                        "A massage under {} days before {name}: keep the last one at least {} days before.",
                        rules.pre_race_last_massage_days, rules.pre_race_last_massage_days
                    ),
                });
            }
        } else {
            let finish = race_start + Duration::seconds(i64::from(rd.finish_time_s.or(race.duration_s).unwrap_or(0)));
            let after = hours(start - finish);
            if after < f64::from(rules.no_massage_hours) {
                out.push(Warning {
                    rule: "no_massage_first_hours".into(),
                    message: format!(
                        "Massage within {} hours of finishing {name}: give the muscles time to settle first.",
                        rules.no_massage_hours
                    ),
                });
            } else if deep && after < f64::from(rules.sports_massage_from_hours) {
                out.push(Warning {
                    rule: "sports_massage".into(),
                    message: format!(
                        "Deep tissue {after:.0} hours after {name}: nothing deep in the first {} hours.",
                        rules.sports_massage_from_hours
                    ),
                });
            }
        }
    }
}

fn hard_vs_deep(rules: &RecoveryRules, start: DateTime<Utc>, nearby: &[Session], out: &mut Vec<Warning>) {
    for m in nearby {
        let SessionDetails::Massage(md) = &m.details else {
            continue;
        };
        if md.massage_type != MassageType::DeepTissue {
            continue;
        }
        let Some(m_start) = instant(&m.start_utc) else { continue };
        let end = m_start + Duration::seconds(i64::from(m.duration_s.unwrap_or(3600)));
        if start >= end && start - end < Duration::hours(i64::from(rules.after_deep_no_hard_hours)) {
            out.push(Warning {
                rule: "after_deep".into(),
                message: format!(
                    "A hard session within {} hours after deep tissue work: keep it easy until then.",
                    rules.after_deep_no_hard_hours
                ),
            });
        }
    }
}

fn massage_vs_injuries(
    db: &Db,
    rules: &RecoveryRules,
    start: DateTime<Utc>,
    focus: &[String],
    out: &mut Vec<Warning>,
) -> Result<()> {
    let since = start - Duration::hours(i64::from(rules.acute_injury_no_massage_hours));
    let mut stmt = db.conn().prepare_cached(
        "SELECT region_id FROM marks WHERE (swelling = 1 OR bruising = 1) AND at_utc >= ?1 AND at_utc <= ?2
         GROUP BY region_id ORDER BY region_id",
    )?;
    let injured = stmt
        .query_map([since.timestamp(), start.timestamp()], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for region in injured.iter().filter(|r| focus.contains(r)) {
        let label = regions::find(region).map(|r| r.label).unwrap_or("That area");
        out.push(Warning {
            rule: "acute_injury".into(),
            message: format!(
                "{label} was marked with swelling or bruising in the {} hours before: no massage on it yet, \
                 and see the red flags.",
                rules.acute_injury_no_massage_hours
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::{self, MarkInput, Sensation};
    use crate::sessions::{MassageDetails, RaceDetails, RaceDistance, RaceStatus, SessionInput};
    use chrono::TimeZone;

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
        sessions::create(db, &input, now()).unwrap();
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
        sessions::create(db, &input, now()).unwrap().id
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
            w[0].message.contains("Deep tissue 2 days before City 10K"),
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
        let w = sessions::create(
            &mut db,
            &SessionInput {
                details: SessionDetails::Workout,
                ..base("2026-05-11T07:00")
            },
            now(),
        )
        .unwrap();
        assert_eq!(rules_of(&db, &w.id), ["after_deep"]);
        let easy = sessions::create(&mut db, &base("2026-05-11T07:30"), now()).unwrap();
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
        marks::create(&mut db, &mark, now()).unwrap();
        let on_it = massage(&mut db, "2026-05-11T18:00", MassageType::Sports, &["calf_l", "calf_r"]);
        let w = for_session(&db, &on_it).unwrap();
        assert_eq!(w.len(), 1);
        assert!(w[0].message.starts_with("Left calf was marked with swelling"));
        let elsewhere = massage(&mut db, "2026-05-11T19:00", MassageType::Sports, &["neck_shoulders"]);
        assert!(rules_of(&db, &elsewhere).is_empty());
    }
}
