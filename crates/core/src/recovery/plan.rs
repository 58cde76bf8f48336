//! Plan generation: pure code, a race (or a deep-tissue massage) and the rules in, reminders out.
//! No database and no clock of its own, so each rule can be tested on its own.
//!
//! Hour-based reminders (check-ins, the massage windows) count from the finish as instants.
//! Day-based ones ("book the massage", easy days) fall on a calendar day in the race's zone at the
//! runner's morning time, resolved through the DST-aware `wall_to_utc_lenient`.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::days;
use super::rules::RecoveryRules;
use crate::time;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// Mark soreness on the body chart; opens the chart.
    Checkin,
    BookMassage,
    MassageWindow,
    EasyDays,
    ReturnToHard,
    PreRace,
    AfterDeep,
    Manual,
}

impl ReminderKind {
    pub const ALL: [ReminderKind; 8] = [
        ReminderKind::Checkin,
        ReminderKind::BookMassage,
        ReminderKind::MassageWindow,
        ReminderKind::EasyDays,
        ReminderKind::ReturnToHard,
        ReminderKind::PreRace,
        ReminderKind::AfterDeep,
        ReminderKind::Manual,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::Checkin => "checkin",
            ReminderKind::BookMassage => "book_massage",
            ReminderKind::MassageWindow => "massage_window",
            ReminderKind::EasyDays => "easy_days",
            ReminderKind::ReturnToHard => "return_to_hard",
            ReminderKind::PreRace => "pre_race",
            ReminderKind::AfterDeep => "after_deep",
            ReminderKind::Manual => "manual",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What the plan needs to know about a race.
#[derive(Debug, Clone)]
pub struct RaceFacts {
    pub name: String,
    pub distance_m: f64,
    pub start: DateTime<Utc>,
    pub zone: Tz,
    /// Chip time, else the session's duration; else estimated from the distance.
    pub finish_s: Option<i32>,
    pub planned: bool,
}

/// What the plan needs to know about a deep-tissue massage.
#[derive(Debug, Clone)]
pub struct MassageFacts {
    pub start: DateTime<Utc>,
    pub zone: Tz,
    pub duration_s: Option<i32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlannedReminder {
    /// Which rule made it; with the session id it identifies the reminder across re-derivations.
    pub rule: String,
    pub kind: ReminderKind,
    pub due: DateTime<Utc>,
    pub wall: NaiveDateTime,
    pub zone: Tz,
    pub text: String,
}

/// Reminders that came due more than this long before the plan was derived are left out: a race
/// logged days late should not set off a burst of stale reminders.
pub const STALE_AFTER: Duration = Duration::hours(1);

pub struct Context<'a> {
    pub rules: &'a RecoveryRules,
    /// When day-based reminders come, local time.
    pub morning: NaiveTime,
    pub now: DateTime<Utc>,
    /// What else is going on that keeps massage gentle when the plan would allow deeper work.
    pub cautions: Cautions,
}

/// Things beyond the race itself that keep a massage gentle.
#[derive(Debug, Clone, Default)]
pub struct Cautions {
    /// Until when a fresh swelling or bruising mark rules out deeper work.
    pub acute_until: Option<DateTime<Utc>>,
    /// The next planned race after this one: its start, zone and name.
    pub next_race: Option<(DateTime<Utc>, Tz, String)>,
}

impl Cautions {
    /// Why deeper work is not fine at `at`, if it is not.
    fn against_deep(&self, rules: &RecoveryRules, at: DateTime<Utc>) -> Option<String> {
        if self.acute_until.is_some_and(|until| at < until) {
            return Some("a swelling or bruising mark is still fresh, so keep the pressure light".into());
        }
        let (start, zone, name) = self.next_race.as_ref()?;
        let d = days::days_before(at, *start, *zone);
        days::in_no_deep_window(rules, d)
            .then(|| format!("{name} is {d} days away, inside the no-deep-tissue window, so keep it light to medium"))
    }
}

pub fn for_race(race: &RaceFacts, cx: &Context) -> Vec<PlannedReminder> {
    let mut out = Vec::new();
    let r = cx.rules;
    let finish = days::finish(race.start, race.finish_s, race.distance_m);
    let race_day = race.start.with_timezone(&race.zone).date_naive();
    let name = race.name.as_str();
    let at_hours = |rule: &str, kind, hours: i32, text: String| PlannedReminder {
        rule: rule.to_owned(),
        kind,
        due: finish + Duration::hours(i64::from(hours)),
        wall: (finish + Duration::hours(i64::from(hours)))
            .with_timezone(&race.zone)
            .naive_local(),
        zone: race.zone,
        text,
    };
    let on_day = |rule: &str, kind, date: NaiveDate, text: String| {
        let wall = date.and_time(cx.morning);
        PlannedReminder {
            rule: rule.to_owned(),
            kind,
            due: time::wall_to_utc_lenient(wall, race.zone),
            wall,
            zone: race.zone,
            text,
        }
    };
    let day_name = |t: DateTime<Utc>| t.with_timezone(&race.zone).format("%a %-d %b %H:%M").to_string();

    out.push(at_hours(
        "light_flush",
        ReminderKind::MassageWindow,
        r.no_massage_hours,
        format!(
            "{name}: a light flush or gentle self-massage is fine from now until {}. Nothing deep yet.",
            day_name(finish + Duration::hours(i64::from(r.light_flush_until_hours)))
        ),
    ));
    let from = finish + Duration::hours(i64::from(r.sports_massage_from_hours));
    let to = finish + Duration::hours(i64::from(r.sports_massage_to_hours));
    out.push(on_day(
        "book_massage",
        ReminderKind::BookMassage,
        race_day + Duration::days(i64::from(r.book_massage_day)),
        format!(
            "Book a sports massage after {name}: the best window is {} to {}.",
            day_name(from),
            day_name(to)
        ),
    ));
    for h in &r.checkin_hours {
        out.push(at_hours(
            &format!("checkin_{h}"),
            ReminderKind::Checkin,
            *h,
            format!("{h} h after {name}: how do your legs feel? Mark any soreness on the body chart."),
        ));
    }
    let deeper = match cx.cautions.against_deep(r, from) {
        None => "Deeper work is fine from now.".to_owned(),
        Some(why) => format!("Not deeper work yet: {why}."),
    };
    out.push(at_hours(
        "sports_massage",
        ReminderKind::MassageWindow,
        r.sports_massage_from_hours,
        format!(
            "Your sports massage window after {name} is open until {}. {deeper}",
            day_name(to)
        ),
    ));
    let easy = r.easy_days(race.distance_m);
    if easy > 0 {
        // Race day is the first of the easy days, as Today counts them ("Day 2 of 26" the day
        // after a marathon).
        let last_easy = race_day + Duration::days(easy - 1);
        out.push(on_day(
            "easy_days",
            ReminderKind::EasyDays,
            race_day + Duration::days(1),
            format!(
                "Keep running easy until {}: {easy} easy days after {name}, race day the first. (One easy day \
                 per mile raced: a rule of thumb.)",
                last_easy.format("%a %-d %b")
            ),
        ));
        out.push(on_day(
            "return_to_hard",
            ReminderKind::ReturnToHard,
            last_easy + Duration::days(1),
            format!("Your {easy} easy days after {name} are done. Hard sessions can come back if your legs agree."),
        ));
    }
    if race.planned {
        out.extend(pre_race_guards(name, race_day, race.zone, cx));
    }
    fresh(out, cx.now)
}

fn pre_race_guards(name: &str, race_day: NaiveDate, zone: Tz, cx: &Context) -> Vec<PlannedReminder> {
    let r = cx.rules;
    let mk = |rule: &str, day: NaiveDate, text: String| {
        let wall = day.and_time(cx.morning);
        PlannedReminder {
            rule: rule.to_owned(),
            kind: ReminderKind::PreRace,
            due: time::wall_to_utc_lenient(wall, zone),
            wall,
            zone,
            text,
        }
    };
    let mut out = Vec::new();
    if r.pre_race_no_deep_days > 0 {
        out.push(mk(
            "pre_race_no_deep",
            days::no_deep_from(r, race_day),
            format!(
                "{name} is in {} days: no deep tissue massage from today.",
                r.pre_race_no_deep_days
            ),
        ));
    }
    out.push(mk(
        "pre_race_last_massage",
        days::last_massage_day(r, race_day),
        format!(
            "{name} is in {} days: today is the last day for any massage before it.",
            r.pre_race_last_massage_days
        ),
    ));
    out
}

pub fn for_deep_massage(m: &MassageFacts, cx: &Context) -> Vec<PlannedReminder> {
    let hours = cx.rules.after_deep_no_hard_hours;
    if hours == 0 {
        return Vec::new();
    }
    let end = m.start + Duration::seconds(i64::from(m.duration_s.unwrap_or(3600)));
    let until = end + Duration::hours(i64::from(hours));
    let out = vec![PlannedReminder {
        rule: "after_deep".into(),
        kind: ReminderKind::AfterDeep,
        due: end,
        wall: end.with_timezone(&m.zone).naive_local(),
        zone: m.zone,
        text: format!(
            "After deep tissue work, no hard session until {}. Easy running is fine.",
            until.with_timezone(&m.zone).format("%a %-d %b %H:%M")
        ),
    }];
    fresh(out, cx.now)
}

fn fresh(mut v: Vec<PlannedReminder>, now: DateTime<Utc>) -> Vec<PlannedReminder> {
    v.retain(|p| p.due >= now - STALE_AFTER);
    v.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.rule.cmp(&b.rule)));
    v
}

#[cfg(test)]
mod tests;
