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
            source: "A common coaching rule of thumb (5K → 3 days, marathon → 26), not a finding from trials. \
                     How fast legs recover varies from runner to runner and race to race, so treat it as a \
                     guide and let how your legs feel have the last word.",
            disputed: true,
        },
        RuleSource {
            rule: "no_massage_first_hours",
            title: "No massage in the first ~2 hours; only a light flush within 24 hours",
            source: "Common sports-massage practice, not a finding from trials: muscles are still recovering \
                     from the race in these hours, so early work stays light (a light flush is gentle, \
                     superficial strokes; nothing deep).",
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
            source: "Common sports-massage practice for the timing. Trials found massage had a small effect on \
                     delayed-onset muscle soreness (DOMS, the soreness that peaks a day or two after hard \
                     exercise) (Dupuy et al. 2018, Davis et al. 2020).",
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
            title:
                "No massage on an acute injury (swelling or bruising): at least 72 hours, and a clinician's all-clear",
            source: "Standard first-aid advice for soft-tissue injuries. The 72 hours are a minimum: a swollen or \
                     bruised area is seen by a doctor or physiotherapist first; see the red flags.",
            disputed: false,
        },
    ]
}

/// The range Settings accepts for one rule value. `min` is a floor where the rule guards the runner:
/// it can be made stricter, never switched off, and `why_min` says why the floor is there.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RuleLimit {
    /// The `RecoveryRules` field, as Settings and field errors name it (`rules.<field>`).
    pub field: &'static str,
    pub label: &'static str,
    pub min: f64,
    pub max: f64,
    /// Why the value cannot go lower, for a safety floor; `None` where any value in range is fine.
    pub why_min: Option<&'static str>,
}

const fn limit(
    field: &'static str,
    label: &'static str,
    min: f64,
    max: f64,
    why_min: Option<&'static str>,
) -> RuleLimit {
    RuleLimit {
        field,
        label,
        min,
        max,
        why_min,
    }
}

/// Every number Settings can change, with its range. Shared with the UI (generated into
/// `ui/src/lib/generated/rules.ts`), so the inputs show the same bounds the core enforces.
pub const RULE_LIMITS: &[RuleLimit] = &[
    limit("easyDaysPerMile", "Easy days per mile", 0.0, 3.0, None),
    limit(
        "noMassageHours",
        "Hours with no massage",
        1.0,
        48.0,
        Some("Common practice keeps massage off muscles straight after a race; at least the first hour stays free."),
    ),
    limit("lightFlushUntilHours", "Light flush until", 1.0, 96.0, None),
    limit(
        "sportsMassageFromHours",
        "Sports massage from",
        24.0,
        240.0,
        Some("Common practice keeps firm work out of the first day after a race; a sports massage waits at least 24 hours."),
    ),
    limit("sportsMassageToHours", "Sports massage until", 25.0, 336.0, None),
    limit("bookMassageDay", "Booking reminder day", 0.0, 14.0, None),
    limit(
        "preRaceNoDeepDays",
        "Days with no deep tissue before a race",
        2.0,
        30.0,
        Some("Deep work can leave muscles sore for a day or two, so it stops at least two days before a race."),
    ),
    limit(
        "preRaceLastMassageDays",
        "Days before a race for the last massage",
        1.0,
        30.0,
        Some("A massage the day before a race can leave legs heavy on the start line."),
    ),
    limit(
        "afterDeepNoHardHours",
        "Hours after deep tissue with no hard session",
        12.0,
        168.0,
        Some("Common practice leaves at least half a day between deep work and a hard session."),
    ),
    limit(
        "acuteInjuryNoMassageHours",
        "Hours with no massage on an acute injury",
        48.0,
        336.0,
        Some("Massage on a fresh injury can make bleeding and swelling worse; it waits at least 48 hours, and for a clinician's all-clear."),
    ),
];

/// Check-ins: how many, and how late.
pub const CHECKINS_MAX: usize = 6;
pub const CHECKIN_HOURS_MAX: i32 = 240;

impl RecoveryRules {
    fn value(&self, field: &str) -> f64 {
        match field {
            "easyDaysPerMile" => self.easy_days_per_mile,
            "noMassageHours" => f64::from(self.no_massage_hours),
            "lightFlushUntilHours" => f64::from(self.light_flush_until_hours),
            "sportsMassageFromHours" => f64::from(self.sports_massage_from_hours),
            "sportsMassageToHours" => f64::from(self.sports_massage_to_hours),
            "bookMassageDay" => f64::from(self.book_massage_day),
            "preRaceNoDeepDays" => f64::from(self.pre_race_no_deep_days),
            "preRaceLastMassageDays" => f64::from(self.pre_race_last_massage_days),
            "afterDeepNoHardHours" => f64::from(self.after_deep_no_hard_hours),
            "acuteInjuryNoMassageHours" => f64::from(self.acute_injury_no_massage_hours),
            _ => f64::NAN,
        }
    }

    pub fn validate(&self) -> Result<()> {
        let mut errs = Vec::new();
        let mut refuse = |field: &str, message: String| {
            errs.push(FieldError::new(
                &format!("rules.{field}"),
                FieldCode::OutOfRange,
                message,
            ));
        };
        for l in RULE_LIMITS {
            let v = self.value(l.field);
            if !v.is_finite() || v > l.max {
                refuse(l.field, format!("{} must be from {} to {}.", l.label, l.min, l.max));
            } else if v < l.min {
                let why = l.why_min.map(|w| format!(" {w}")).unwrap_or_default();
                refuse(l.field, format!("{} must be at least {}.{why}", l.label, l.min));
            }
        }
        if self.light_flush_until_hours < self.no_massage_hours {
            refuse(
                "lightFlushUntilHours",
                "The light-flush window must end after the no-massage hours.".into(),
            );
        }
        if self.sports_massage_from_hours < self.no_massage_hours
            || self.sports_massage_from_hours >= self.sports_massage_to_hours
        {
            refuse(
                "sportsMassageFromHours",
                "The sports massage window must start after the no-massage hours and before it ends.".into(),
            );
        }
        if self.pre_race_last_massage_days > self.pre_race_no_deep_days {
            refuse(
                "preRaceLastMassageDays",
                "The last massage before a race can't come before deep tissue stops.".into(),
            );
        }
        if self.checkin_hours.is_empty()
            || self.checkin_hours.len() > CHECKINS_MAX
            || !self.checkin_hours.iter().all(|h| (1..=CHECKIN_HOURS_MAX).contains(h))
        {
            refuse(
                "checkinHours",
                format!("Check-ins must be 1 to {CHECKINS_MAX} times, each from 1 to {CHECKIN_HOURS_MAX} hours after the race."),
            );
        }
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
    fn a_safety_rule_cannot_be_switched_off_and_says_why() {
        let off = RecoveryRules {
            acute_injury_no_massage_hours: 24,
            pre_race_no_deep_days: 0,
            ..Default::default()
        };
        let p = off.validate().unwrap_err().payload();
        let acute = p
            .fields
            .iter()
            .find(|f| f.field == "rules.acuteInjuryNoMassageHours")
            .unwrap();
        assert!(acute.message.contains("at least 48"), "{}", acute.message);
        assert!(
            acute.message.contains("clinician"),
            "the reason is shown: {}",
            acute.message
        );
        assert!(p.fields.iter().any(|f| f.field == "rules.preRaceNoDeepDays"));
        let stricter = RecoveryRules {
            acute_injury_no_massage_hours: 96,
            pre_race_no_deep_days: 7,
            ..Default::default()
        };
        assert!(stricter.validate().is_ok(), "stricter is always fine");
    }

    #[test]
    fn every_limit_names_a_rule_and_holds_its_default() {
        let d = RecoveryRules::default();
        for l in RULE_LIMITS {
            let v = d.value(l.field);
            assert!(v.is_finite(), "{} is not a rule field", l.field);
            assert!(
                (l.min..=l.max).contains(&v),
                "default {} = {v} outside {}..{}",
                l.field,
                l.min,
                l.max
            );
        }
        let json = serde_json::to_value(&d).unwrap();
        for key in json.as_object().unwrap().keys() {
            assert!(
                key == "checkinHours" || RULE_LIMITS.iter().any(|l| l.field == key),
                "{key} has no limit"
            );
        }
    }

    #[test]
    fn every_rule_has_a_source_and_easy_days_is_marked_disputed() {
        let s = sources();
        assert_eq!(s.len(), 7);
        assert!(s.iter().find(|r| r.rule == "easy_days").unwrap().disputed);
        assert!(s.iter().all(|r| !r.source.is_empty()));
    }
}
