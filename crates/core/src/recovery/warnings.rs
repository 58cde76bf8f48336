//! Warnings when a logged or planned session goes against the recovery rules: a massage too close
//! before a race or too soon after one, a hard session right after deep tissue work, or massage on
//! a region marked with swelling or bruising. They inform; nothing is refused.
//!
//! Pure: the session, the races and massages around it and the regions marked as acutely injured
//! come in, warnings go out. `ops::warnings` gathers those from the database.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::days;
use super::rules::RecoveryRules;
use crate::regions;
use crate::sessions::{MassageDetails, MassageType, Pressure, RaceStatus, Session, SessionDetails};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    /// The rule it comes from, as in `recovery::sources`.
    pub rule: String,
    pub message: String,
}

/// How far either side of a session the races and massages that matter to it are looked for.
pub const HORIZON: Duration = Duration::days(31);

/// What the rules say about `s`, given the races and massages within `HORIZON` of it (`nearby`,
/// which may include `s` itself) and the regions marked with swelling or bruising in the
/// acute-injury window before it.
pub fn check(rules: &RecoveryRules, s: &Session, nearby: &[Session], injured: &[String]) -> Vec<Warning> {
    let mut out = Vec::new();
    match &s.details {
        SessionDetails::Massage(m) => {
            massage_vs_races(rules, s, m, nearby, &mut out);
            massage_vs_injuries(rules, &m.focus_regions, injured, &mut out);
        }
        // A long run is hard work for muscles fresh from deep tissue, however easy its pace.
        SessionDetails::Workout | SessionDetails::LongRun | SessionDetails::Race(_) => {
            hard_vs_deep(rules, s.start_utc, nearby, &mut out)
        }
        _ => {}
    }
    if is_hard(s) {
        hard_in_easy_days(rules, s, nearby, &mut out);
    }
    out
}

/// A session that is not easy: a workout, a long run, a race, or anything rated 7 or more.
pub fn is_hard(s: &Session) -> bool {
    let done_race = matches!(&s.details, SessionDetails::Race(r) if r.status == RaceStatus::Done);
    matches!(s.details, SessionDetails::Workout | SessionDetails::LongRun)
        || done_race
        || (s.kind().is_run() && s.rpe.is_some_and(|r| r >= HARD_RPE))
}

/// RPE from which a run counts as hard, whatever its kind ("hard" on the CR-10 scale is 5; 7 is
/// "very hard", which no easy day should be).
pub const HARD_RPE: i32 = 7;

/// The day of the easy days after `race` that `at` falls on (day 1 is race day), if it does.
pub fn easy_day_of(rules: &RecoveryRules, race: &Session, at: DateTime<Utc>) -> Option<(i64, i64)> {
    let SessionDetails::Race(rd) = &race.details else {
        return None;
    };
    if rd.status != RaceStatus::Done || at <= race.start_utc {
        return None;
    }
    let metres = race.distance_m.or(rd.distance.metres()).unwrap_or(0.0);
    let of = rules.easy_days(metres);
    let day = -days::days_before(at, race.start_utc, race.zone) + 1;
    (of > 0 && (1..=of).contains(&day)).then_some((day, of))
}

/// A hard session during the easy days after a race: a note, not a block.
fn hard_in_easy_days(rules: &RecoveryRules, s: &Session, nearby: &[Session], out: &mut Vec<Warning>) {
    let during = nearby
        .iter()
        .filter(|r| r.id != s.id)
        .filter_map(|r| easy_day_of(rules, r, s.start_utc).map(|d| (r, d)))
        .max_by_key(|(r, _)| r.start_utc);
    if let Some((race, (day, of))) = during {
        let name = match &race.details {
            SessionDetails::Race(rd) => rd.name.as_str(),
            _ => "the race",
        };
        out.push(Warning {
            rule: "easy_days".into(),
            message: format!(
                "A hard session on day {day} of {of} easy days after {name}. The plan keeps these days easy \
                 while the legs recover; an easy run or a rest day would suit them better."
            ),
        });
    }
}

fn massage_vs_races(
    rules: &RecoveryRules,
    massage: &Session,
    m: &MassageDetails,
    nearby: &[Session],
    out: &mut Vec<Warning>,
) {
    let start = massage.start_utc;
    let deep = m.massage_type == MassageType::DeepTissue;
    // Firm pressure is deep work whatever the massage is called.
    let deep_or_firm = deep || m.pressure == Some(Pressure::Firm);
    for race in nearby.iter().filter(|r| r.id != massage.id) {
        let SessionDetails::Race(rd) = &race.details else {
            continue;
        };
        let name = &rd.name;
        if race.start_utc > start {
            // The plan's own arithmetic: calendar days in the race's zone (recovery::days).
            let d = days::days_before(start, race.start_utc, race.zone);
            if deep && days::in_no_deep_window(rules, d) {
                out.push(Warning {
                    rule: "pre_race".into(),
                    message: format!(
                        "Deep tissue {d} days before {name}: the plan says no deep tissue in the last {} days.",
                        rules.pre_race_no_deep_days
                    ),
                });
            } else if days::in_no_massage_window(rules, d) {
                out.push(Warning {
                    rule: "pre_race".into(),
                    message: format!(
                        "A massage {} before {name}: keep the last one at least {} days before.",
                        if d == 0 {
                            "on race day".to_owned()
                        } else {
                            format!("{d} day{} before", if d == 1 { "" } else { "s" })
                        },
                        rules.pre_race_last_massage_days
                    ),
                });
            }
        } else {
            let finish_s = rd.finish_time_s.or(race.duration_s);
            let finish = days::finish(race.start_utc, finish_s, race.distance_m.unwrap_or(0.0));
            let after = days::hours_after(finish, start);
            if after < f64::from(rules.no_massage_hours) {
                out.push(Warning {
                    rule: "no_massage_first_hours".into(),
                    message: format!(
                        "Massage within {} hours of finishing {name}: give the muscles time to settle first.",
                        rules.no_massage_hours
                    ),
                });
            } else if deep_or_firm && after < f64::from(rules.sports_massage_from_hours) {
                let what = if deep { "Deep tissue" } else { "Firm pressure" };
                out.push(Warning {
                    rule: "sports_massage".into(),
                    message: format!(
                        "{what} {after:.0} hours after {name}: nothing deep or firm in the first {} hours.",
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
        let end = m.start_utc + Duration::seconds(i64::from(m.duration_s.unwrap_or(3600)));
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

fn massage_vs_injuries(rules: &RecoveryRules, focus: &[String], injured: &[String], out: &mut Vec<Warning>) {
    for region in injured.iter().filter(|r| focus.contains(r)) {
        let label = regions::find(region).map(|r| r.label).unwrap_or("That area");
        out.push(Warning {
            rule: "acute_injury".into(),
            message: format!(
                "{label} was marked with swelling or bruising in the {} hours before: no massage on it until a \
                 clinician has seen it and given the all-clear (see the red flags).",
                rules.acute_injury_no_massage_hours
            ),
        });
    }
}
