//! The recovery rules after a race (DESIGN.md "Recovery rules after a race") as data: each value
//! has a default the runner can change in Settings, and each rule names its source so the Plan
//! page can show where the advice comes from and how firm it is.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldCode, FieldError, Result};

/// The values the plan is derived from. Field names are what Settings shows and what field errors
/// name (as `rules.<field>`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryRules {
    /// Easy days (no hard running) per mile raced.
    pub easy_days_per_mile: f64,
    /// No massage at all in the first hours after the finish.
    pub no_massage_hours: i32,
    /// A light flush or gentle self-massage is fine up to this many hours after the finish.
    pub light_flush_until_hours: i32,
    /// Soreness check-ins, hours after the finish.
    pub checkin_hours: Vec<i32>,
    /// The sports massage window, hours after the finish.
    pub sports_massage_from_hours: i32,
    pub sports_massage_to_hours: i32,
    /// The day after the race (1 = the next day) when the "book your massage" reminder comes.
    pub book_massage_day: i32,
    /// No deep tissue in the last days before the next race.
    pub pre_race_no_deep_days: i32,
    /// The last massage of any kind at least this many days before a race.
    pub pre_race_last_massage_days: i32,
    /// No hard session for this many hours after deep tissue work.
    pub after_deep_no_hard_hours: i32,
    /// No massage on a region marked with swelling or bruising for this many hours.
    pub acute_injury_no_massage_hours: i32,
}

impl Default for RecoveryRules {
    fn default() -> Self {
        RecoveryRules {
            easy_days_per_mile: 1.0,
            no_massage_hours: 2,
            light_flush_until_hours: 24,
            checkin_hours: vec![24, 48, 72],
            sports_massage_from_hours: 48,
            sports_massage_to_hours: 72,
            book_massage_day: 1,
            pre_race_no_deep_days: 5,
            pre_race_last_massage_days: 2,
            after_deep_no_hard_hours: 24,
            acute_injury_no_massage_hours: 72,
        }
    }
}

/// Where a rule comes from, shown beside it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RuleSource {
    pub rule: &'static str,
    pub title: &'static str,
    pub source: &'static str,
    /// True where the advice is a contested rule of thumb rather than settled.
    pub disputed: bool,
}

pub fn sources() -> Vec<RuleSource> {
    vec![
        RuleSource {
            rule: "easy_days",
            title: "One easy day per mile raced",
            source: "A long-standing coaching rule of thumb (5K → 3 days, marathon → 26). Disputed: Noakes, \
                     among others, argues recovery depends more on the runner than on the distance.",
            disputed: true,
        },
        RuleSource {
            rule: "no_massage_first_hours",
            title: "No massage in the first ~2 hours; only a light flush within 24 hours",
            source: "Common sports-massage practice: muscles are inflamed right after a race, so early work \
                     stays light.",
            disputed: false,
        },
        RuleSource {
            rule: "checkins",
            title: "Soreness check-ins at 24, 48 and 72 hours",
            source: "Delayed-onset muscle soreness peaks in these days; Guo et al. 2017 measured massage's \
                     effect at these points.",
            disputed: false,
        },
        RuleSource {
            rule: "sports_massage",
            title: "Sports massage 48–72 hours after the race, nothing deep before 48 hours",
            source: "Common sports-massage practice; massage eases DOMS (Dupuy et al. 2018, Davis et al. 2020).",
            disputed: false,
        },
        RuleSource {
            rule: "pre_race",
            title: "No deep tissue in the last 5 days before a race; last massage 2 days before",
            source: "Common sports-massage practice: deep work can leave muscles sore for a day or two.",
            disputed: false,
        },
        RuleSource {
            rule: "after_deep",
            title: "No hard session for 24 hours after deep tissue work",
            source: "Common sports-massage practice.",
            disputed: false,
        },
        RuleSource {
            rule: "acute_injury",
            title: "No massage on an acute injury (swelling or bruising) for 72 hours",
            source: "Standard first-aid advice for soft-tissue injuries; see the red flags.",
            disputed: false,
        },
    ]
}

impl RecoveryRules {
    pub fn validate(&self) -> Result<()> {
        let mut errs = Vec::new();
        let mut check = |ok: bool, field: &str, message: &str| {
            if !ok {
                errs.push(FieldError::new(
                    &format!("rules.{field}"),
                    FieldCode::OutOfRange,
                    message,
                ));
            }
        };
        check(
            self.easy_days_per_mile.is_finite() && (0.0..=3.0).contains(&self.easy_days_per_mile),
            "easyDaysPerMile",
            "Easy days per mile must be from 0 to 3.",
        );
        check(
            (0..=48).contains(&self.no_massage_hours),
            "noMassageHours",
            "Hours with no massage must be from 0 to 48.",
        );
        check(
            (self.no_massage_hours..=96).contains(&self.light_flush_until_hours),
            "lightFlushUntilHours",
            "The light-flush window must end after the no-massage hours, and within 96 hours.",
        );
        check(
            !self.checkin_hours.is_empty()
                && self.checkin_hours.len() <= 6
                && self.checkin_hours.iter().all(|h| (1..=240).contains(h)),
            "checkinHours",
            "Check-ins must be 1 to 6 times, each from 1 to 240 hours after the race.",
        );
        check(
            (0..=240).contains(&self.sports_massage_from_hours)
                && self.sports_massage_from_hours < self.sports_massage_to_hours
                && self.sports_massage_to_hours <= 336,
            "sportsMassageFromHours",
            "The sports massage window must start before it ends, within two weeks.",
        );
        check(
            (0..=14).contains(&self.book_massage_day),
            "bookMassageDay",
            "The booking reminder day must be from 0 to 14.",
        );
        check(
            (0..=30).contains(&self.pre_race_no_deep_days),
            "preRaceNoDeepDays",
            "Days with no deep tissue must be from 0 to 30.",
        );
        check(
            (0..=30).contains(&self.pre_race_last_massage_days),
            "preRaceLastMassageDays",
            "Days before a race for the last massage must be from 0 to 30.",
        );
        check(
            (0..=168).contains(&self.after_deep_no_hard_hours),
            "afterDeepNoHardHours",
            "Hours after deep tissue must be from 0 to 168.",
        );
        check(
            (0..=336).contains(&self.acute_injury_no_massage_hours),
            "acuteInjuryNoMassageHours",
            "Hours with no massage on an injury must be from 0 to 336.",
        );
        if errs.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(errs))
        }
    }

    /// Easy days after a race of `distance_m` metres, rounded to whole days.
    pub fn easy_days(&self, distance_m: f64) -> i64 {
        let miles = distance_m / 1609.344;
        (miles * self.easy_days_per_mile).round() as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case::five_k(5_000.0, 3)]
    #[case::ten_k(10_000.0, 6)]
    #[case::half(21_097.5, 13)]
    #[case::marathon(42_195.0, 26)]
    fn one_easy_day_per_mile(#[case] metres: f64, #[case] days: i64) {
        assert_eq!(RecoveryRules::default().easy_days(metres), days);
    }

    #[test]
    fn defaults_are_valid_and_nonsense_is_refused_by_field() {
        assert!(RecoveryRules::default().validate().is_ok());
        let bad = RecoveryRules {
            easy_days_per_mile: -1.0,
            checkin_hours: vec![],
            ..Default::default()
        };
        let fields: Vec<_> = bad
            .validate()
            .unwrap_err()
            .payload()
            .fields
            .into_iter()
            .map(|f| f.field)
            .collect();
        assert_eq!(fields, ["rules.easyDaysPerMile", "rules.checkinHours"]);
    }

    #[test]
    fn every_rule_has_a_source_and_easy_days_is_marked_disputed() {
        let s = sources();
        assert_eq!(s.len(), 7);
        assert!(s.iter().find(|r| r.rule == "easy_days").unwrap().disputed);
        assert!(s.iter().all(|r| !r.source.is_empty()));
    }
}
