//! The one set of day arithmetic every recovery rule uses: the plan's reminders, the warnings on a
//! logged session and the briefing sheet's advice all ask these functions, so "today is the last
//! day for any massage" and the warning about a massage that day can never disagree.
//!
//! - "Days before a race" counts calendar days in the race's own zone: a massage on the Thursday
//!   before a Saturday race is 2 days before it, at 08:00 or at 18:00. A rule of "the last N days
//!   before a race" covers the days 1..=N before it (and race day).
//! - "Hours after the finish" counts from the finish: the chip time if logged, else the session's
//!   duration, else an estimate from the distance (6:00 per km), the same estimate everywhere.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::rules::RecoveryRules;

/// An estimate for a race with no time logged: 6:00 per km, a comfortable club-runner pace.
pub fn estimated_finish_s(distance_m: f64) -> i64 {
    (distance_m / 1000.0 * 360.0).round() as i64
}

/// When a race ended.
pub fn finish(start: DateTime<Utc>, finish_s: Option<i32>, distance_m: f64) -> DateTime<Utc> {
    start
        + Duration::seconds(
            finish_s
                .map(i64::from)
                .unwrap_or_else(|| estimated_finish_s(distance_m)),
        )
}

/// Whole calendar days from `day` to race day, in the race's zone (0 on race day, negative after).
pub fn days_before_on(day: NaiveDate, race_start: DateTime<Utc>, zone: Tz) -> i64 {
    (race_start.with_timezone(&zone).date_naive() - day).num_days()
}

/// Whole calendar days from the moment `at` to race day, in the race's zone.
pub fn days_before(at: DateTime<Utc>, race_start: DateTime<Utc>, zone: Tz) -> i64 {
    days_before_on(at.with_timezone(&zone).date_naive(), race_start, zone)
}

/// Hours from the finish to `at`, to the minute (negative before the finish).
pub fn hours_after(finish: DateTime<Utc>, at: DateTime<Utc>) -> f64 {
    (at - finish).num_minutes() as f64 / 60.0
}

/// No deep tissue in the last `pre_race_no_deep_days` days before a race.
pub fn in_no_deep_window(rules: &RecoveryRules, days_before: i64) -> bool {
    (0..=i64::from(rules.pre_race_no_deep_days)).contains(&days_before)
}

/// No massage of any kind closer to a race than `pre_race_last_massage_days`.
pub fn in_no_massage_window(rules: &RecoveryRules, days_before: i64) -> bool {
    (0..i64::from(rules.pre_race_last_massage_days)).contains(&days_before)
}

/// The first day of the no-deep-tissue window before a race on `race_day`.
pub fn no_deep_from(rules: &RecoveryRules, race_day: NaiveDate) -> NaiveDate {
    race_day - Duration::days(i64::from(rules.pre_race_no_deep_days))
}

/// The last day a massage of any kind fits before a race on `race_day`.
pub fn last_massage_day(rules: &RecoveryRules, race_day: NaiveDate) -> NaiveDate {
    race_day - Duration::days(i64::from(rules.pre_race_last_massage_days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time;

    fn london() -> Tz {
        "Europe/London".parse().unwrap()
    }

    fn at(wall: &str) -> DateTime<Utc> {
        time::wall_to_utc_lenient(time::parse_wall("", "", wall).unwrap(), london())
    }

    #[test]
    fn six_pm_two_days_before_a_nine_am_race_is_two_days_and_still_allowed() {
        let r = RecoveryRules::default();
        let race = at("2026-06-14T09:00");
        let d = days_before(at("2026-06-12T18:00"), race, london());
        assert_eq!(d, 2);
        assert!(!in_no_massage_window(&r, d), "the last day for any massage is this day");
        assert_eq!(
            last_massage_day(&r, race.with_timezone(&london()).date_naive()).to_string(),
            "2026-06-12"
        );
        assert!(in_no_massage_window(
            &r,
            days_before(at("2026-06-13T08:00"), race, london())
        ));
    }

    #[test]
    fn eight_am_five_days_before_is_inside_the_no_deep_window() {
        let r = RecoveryRules::default();
        let race = at("2026-06-14T09:00");
        let d = days_before(at("2026-06-09T08:00"), race, london());
        assert_eq!(d, 5, "5 days and an hour, but the fifth day before");
        assert!(in_no_deep_window(&r, d));
        assert!(!in_no_deep_window(
            &r,
            days_before(at("2026-06-08T20:00"), race, london())
        ));
        assert_eq!(
            no_deep_from(&r, race.with_timezone(&london()).date_naive()).to_string(),
            "2026-06-09"
        );
    }

    #[test]
    fn days_count_in_the_races_zone_across_a_clock_change() {
        // The clocks go forward on 29 March in London; the day count does not care.
        let race = at("2026-03-30T09:00");
        assert_eq!(days_before(at("2026-03-28T23:30"), race, london()), 2);
    }

    #[test]
    fn a_race_without_a_time_ends_at_the_same_estimate_everywhere() {
        let start = at("2026-06-14T09:00");
        assert_eq!(finish(start, None, 10_000.0), start + Duration::minutes(60));
        assert_eq!(finish(start, Some(2_700), 10_000.0), start + Duration::minutes(45));
        assert_eq!(
            hours_after(finish(start, Some(2_700), 10_000.0), start + Duration::hours(3)),
            2.25
        );
    }
}
