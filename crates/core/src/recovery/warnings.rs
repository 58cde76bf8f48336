//! Warnings when a logged or planned session goes against the recovery rules: a massage too close
//! before a race or too soon after one, a hard session right after deep tissue work, or massage on
//! a region marked with swelling or bruising. They inform; nothing is refused.
//!
//! Pure: the session, the races and massages around it and the regions marked as acutely injured
//! come in, warnings go out. `ops::warnings` gathers those from the database.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::rules::RecoveryRules;
use crate::regions;
use crate::sessions::{MassageType, Session, SessionDetails};

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
            massage_vs_races(rules, s, s.start_utc, m.massage_type, nearby, &mut out);
            massage_vs_injuries(rules, &m.focus_regions, injured, &mut out);
        }
        SessionDetails::Workout | SessionDetails::Race(_) => hard_vs_deep(rules, s.start_utc, nearby, &mut out),
        _ => {}
    }
    out
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
        let race_start = race.start_utc;
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
