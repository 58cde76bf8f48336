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
use crate::sessions::{MassageDetails, MassageType, Pressure, Session, SessionDetails};

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
    out
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
                "{label} was marked with swelling or bruising in the {} hours before: no massage on it yet, \
                 and see the red flags.",
                rules.acute_injury_no_massage_hours
            ),
        });
    }
}
