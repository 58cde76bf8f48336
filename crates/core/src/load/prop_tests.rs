//! Properties of the load series on random training: loads are never negative, adding a session
//! never lowers that day's load, and the ratio is undefined before 28 days of data.

use chrono::{Duration, NaiveDate};
use proptest::prelude::*;

use super::daily::days;
use super::effort::Effort;
use super::ewma::{series, RATIO_MIN_DAYS};

fn day0() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
}

fn effort() -> impl Strategy<Value = Effort> {
    (
        0i64..90,
        0.0f64..400.0,
        proptest::option::of(0i32..=10),
        proptest::option::of(0.0f64..500.0),
        any::<bool>(),
    )
        .prop_map(|(day, minutes, rpe, trimp, is_run)| Effort {
            date: day0() + Duration::days(day),
            minutes,
            rpe,
            trimp,
            running: is_run.then_some((minutes * 180.0, minutes * 60.0)),
            race: None,
            session_id: String::new(),
        })
}

proptest! {
    #[test]
    fn loads_are_never_negative(efforts in proptest::collection::vec(effort(), 0..60)) {
        let to = day0() + Duration::days(100);
        let first = efforts.iter().map(|e| e.date).min();
        for p in series(days(&efforts, day0(), to), first) {
            prop_assert!(p.day.srpe >= 0.0 && p.day.trimp >= 0.0);
            prop_assert!(p.acute >= 0.0 && p.chronic >= 0.0 && p.chronic28 >= 0.0);
            prop_assert!(p.ratio.is_none_or(|r| r >= 0.0 && r.is_finite()));
        }
    }

    #[test]
    fn adding_a_session_never_lowers_that_days_load(
        efforts in proptest::collection::vec(effort(), 0..40),
        extra in effort(),
    ) {
        let to = day0() + Duration::days(100);
        let first = efforts.iter().chain([&extra]).map(|e| e.date).min();
        let before = series(days(&efforts, day0(), to), first);
        let mut more = efforts.clone();
        more.push(extra.clone());
        let after = series(days(&more, day0(), to), first);
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(a.day.srpe >= b.day.srpe && a.day.trimp >= b.day.trimp);
            prop_assert!(a.acute >= b.acute - 1e-9 && a.chronic >= b.chronic - 1e-9);
            prop_assert!(a.day.sessions >= b.day.sessions);
        }
        let i = (extra.date - day0()).num_days() as usize;
        prop_assert_eq!(after[i].day.sessions, before[i].day.sessions + 1);
    }

    #[test]
    fn the_ratio_is_undefined_before_28_days(efforts in proptest::collection::vec(effort(), 1..40)) {
        let first = efforts.iter().map(|e| e.date).min().unwrap();
        for p in series(days(&efforts, day0(), day0() + Duration::days(100)), Some(first)) {
            if p.day.date < first + Duration::days(RATIO_MIN_DAYS - 1) {
                prop_assert!(p.ratio.is_none(), "{:?}", p.day.date);
            }
        }
    }
}
