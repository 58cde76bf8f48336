//! One test per rule, and the cases the issue names: a marathon, a 5K, a race logged late.

use chrono::{NaiveTime, TimeZone};
use chrono_tz::Tz;

use super::*;
use crate::recovery::Cautions;

fn london() -> Tz {
    "Europe/London".parse().unwrap()
}

/// Sunday 26 April 2026, 10:00 in London, 3:30 chip time: finish 13:30 local.
fn marathon(planned: bool) -> RaceFacts {
    RaceFacts {
        name: "London Marathon".into(),
        distance_m: 42_195.0,
        start: london()
            .with_ymd_and_hms(2026, 4, 26, 10, 0, 0)
            .unwrap()
            .with_timezone(&Utc),
        zone: london(),
        finish_s: Some(3 * 3600 + 30 * 60),
        planned,
    }
}

fn cx(rules: &RecoveryRules, now: DateTime<Utc>) -> Context<'_> {
    Context {
        rules,
        morning: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
        now,
        cautions: Cautions::default(),
    }
}

fn just_after(race: &RaceFacts) -> DateTime<Utc> {
    race.start + Duration::hours(5)
}

fn find<'a>(plan: &'a [PlannedReminder], rule: &str) -> &'a PlannedReminder {
    plan.iter()
        .find(|p| p.rule == rule)
        .unwrap_or_else(|| panic!("no {rule} in {plan:#?}"))
}

fn local(p: &PlannedReminder) -> String {
    p.due.with_timezone(&p.zone).format("%a %H:%M").to_string()
}

#[test]
fn a_sunday_marathon_gets_monday_to_thursday_reminders_at_sensible_local_times() {
    let rules = RecoveryRules::default();
    let race = marathon(false);
    let plan = for_race(&race, &cx(&rules, just_after(&race)));
    assert_eq!(local(find(&plan, "book_massage")), "Mon 08:00");
    assert_eq!(local(find(&plan, "easy_days")), "Mon 08:00");
    assert_eq!(local(find(&plan, "checkin_24")), "Mon 13:30");
    assert_eq!(local(find(&plan, "checkin_48")), "Tue 13:30");
    assert_eq!(local(find(&plan, "sports_massage")), "Tue 13:30");
    assert_eq!(local(find(&plan, "checkin_72")), "Wed 13:30");
    let back = find(&plan, "return_to_hard");
    assert_eq!(
        back.wall.date(),
        NaiveDate::from_ymd_opt(2026, 5, 22).unwrap(),
        "26 easy days counting race day, hard on day 27"
    );
    assert!(find(&plan, "easy_days").text.contains("26 easy days"));
    assert!(find(&plan, "easy_days").text.contains("until Thu 21 May"));
    // Sorted by due time, and none before the finish + 2 h.
    assert!(plan.windows(2).all(|w| w[0].due <= w[1].due));
    assert!(plan
        .iter()
        .all(|p| p.due >= race.start + Duration::minutes(210) + Duration::hours(2)));
}

#[test]
fn light_flush_comes_after_the_no_massage_hours() {
    let rules = RecoveryRules::default();
    let race = marathon(false);
    let plan = for_race(&race, &cx(&rules, just_after(&race)));
    let flush = find(&plan, "light_flush");
    assert_eq!(local(flush), "Sun 15:30");
    assert!(flush.text.contains("Nothing deep"));
}

#[test]
fn a_5k_gets_three_easy_days() {
    let rules = RecoveryRules::default();
    let race = RaceFacts {
        name: "parkrun".into(),
        distance_m: 5_000.0,
        finish_s: Some(22 * 60),
        ..marathon(false)
    };
    let plan = for_race(&race, &cx(&rules, just_after(&race)));
    assert!(find(&plan, "easy_days").text.contains("3 easy days"));
    assert_eq!(
        find(&plan, "return_to_hard").wall.date(),
        NaiveDate::from_ymd_opt(2026, 4, 29).unwrap()
    );
    assert_eq!(local(find(&plan, "checkin_24")), "Mon 10:22");
}

#[test]
fn a_race_logged_three_days_late_skips_what_is_already_past() {
    let rules = RecoveryRules::default();
    let race = marathon(false);
    let three_days_late = race.start + Duration::days(3) + Duration::hours(6);
    let plan = for_race(&race, &cx(&rules, three_days_late));
    let rules_left: Vec<_> = plan.iter().map(|p| p.rule.as_str()).collect();
    assert_eq!(rules_left, ["return_to_hard"], "no burst of stale reminders");
}

#[test]
fn a_reminder_due_just_now_is_kept_so_it_fires_at_once() {
    let rules = RecoveryRules::default();
    let race = marathon(false);
    let finish = race.start + Duration::minutes(210);
    let plan = for_race(&race, &cx(&rules, finish + Duration::hours(24) + Duration::minutes(30)));
    assert_eq!(plan[0].rule, "checkin_24");
}

#[test]
fn a_planned_race_gets_pre_race_guards() {
    let rules = RecoveryRules::default();
    let race = marathon(true);
    let plan = for_race(&race, &cx(&rules, race.start - Duration::days(30)));
    let no_deep = find(&plan, "pre_race_no_deep");
    assert_eq!(no_deep.wall.to_string(), "2026-04-21 08:00:00");
    assert_eq!(
        find(&plan, "pre_race_last_massage").wall.to_string(),
        "2026-04-24 08:00:00"
    );
    assert_eq!(no_deep.kind, ReminderKind::PreRace);
    // A done race needs no guard.
    assert!(for_race(&marathon(false), &cx(&rules, race.start - Duration::days(30)))
        .iter()
        .all(|p| p.kind != ReminderKind::PreRace));
}

#[test]
fn changed_rule_values_change_the_plan() {
    let rules = RecoveryRules {
        checkin_hours: vec![12, 36],
        easy_days_per_mile: 0.0,
        ..Default::default()
    };
    let race = marathon(false);
    let plan = for_race(&race, &cx(&rules, just_after(&race)));
    let checkins: Vec<_> = plan
        .iter()
        .filter(|p| p.kind == ReminderKind::Checkin)
        .map(|p| p.rule.as_str())
        .collect();
    assert_eq!(checkins, ["checkin_12", "checkin_36"]);
    assert!(plan
        .iter()
        .all(|p| p.kind != ReminderKind::EasyDays && p.kind != ReminderKind::ReturnToHard));
}

#[test]
fn no_finish_time_estimates_one_from_the_distance() {
    let rules = RecoveryRules::default();
    let race = RaceFacts {
        finish_s: None,
        distance_m: 10_000.0,
        ..marathon(false)
    };
    let plan = for_race(&race, &cx(&rules, race.start));
    // 10 km at 6:00/km = 1 h; check-in 24 h after an 11:00 finish.
    assert_eq!(local(find(&plan, "checkin_24")), "Mon 11:00");
}

#[test]
fn morning_reminders_on_a_spring_forward_day_still_fire() {
    // New York springs forward at 02:00 on Sunday 8 March 2026. A 02:30 morning time does not
    // exist that day, so the reminder moves to 03:00 instead of never firing.
    let ny: Tz = "America/New_York".parse().unwrap();
    let rules = RecoveryRules::default();
    let race = RaceFacts {
        start: ny.with_ymd_and_hms(2026, 3, 7, 8, 0, 0).unwrap().with_timezone(&Utc),
        zone: ny,
        ..marathon(false)
    };
    let c = Context {
        rules: &rules,
        morning: NaiveTime::from_hms_opt(2, 30, 0).unwrap(),
        now: race.start,
        cautions: Cautions::default(),
    };
    let plan = for_race(&race, &c);
    assert_eq!(local(find(&plan, "book_massage")), "Sun 03:00");
}

#[test]
fn deep_tissue_massage_warns_off_hard_sessions() {
    let rules = RecoveryRules::default();
    let m = MassageFacts {
        start: london()
            .with_ymd_and_hms(2026, 5, 5, 17, 0, 0)
            .unwrap()
            .with_timezone(&Utc),
        zone: london(),
        duration_s: Some(3600),
    };
    let plan = for_deep_massage(&m, &cx(&rules, m.start));
    assert_eq!(plan.len(), 1);
    assert_eq!(local(&plan[0]), "Tue 18:00");
    assert!(plan[0].text.contains("Wed 6 May 18:00"));
}

#[test]
fn deeper_work_is_not_offered_while_a_swelling_is_fresh_or_a_race_is_close() {
    let rules = RecoveryRules::default();
    let race = marathon(false);
    let plain = for_race(&race, &cx(&rules, race.start));
    let text = |plan: &[PlannedReminder]| plan.iter().find(|p| p.rule == "sports_massage").unwrap().text.clone();
    assert!(text(&plain).contains("Deeper work is fine from now."));

    let mut swollen = cx(&rules, race.start);
    swollen.cautions.acute_until = Some(race.start + Duration::days(5));
    let t = text(&for_race(&race, &swollen));
    assert!(!t.contains("Deeper work is fine"), "{t}");
    assert!(t.contains("swelling or bruising"), "{t}");

    let mut racing = cx(&rules, race.start);
    racing.cautions.next_race = Some((race.start + Duration::days(6), race.zone, "Parkside 10K".into()));
    let t = text(&for_race(&race, &racing));
    assert!(t.contains("Parkside 10K is 4 days away"), "{t}");
}
