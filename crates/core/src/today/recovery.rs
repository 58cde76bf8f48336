//! Recovery after the last race, as Today words it: which easy day this is, what the plan says
//! for today and next, the check-in in force, and where the massage windows stand. Pure: the race,
//! its plan, the next planned race and the clock come in.
//!
//! The day count and the windows use `recovery::days` and `recovery::warnings::easy_day_of`, the
//! same arithmetic as the plan's reminders and the Log's warnings, so "Day 2 of 26" here and the
//! note on a hard run that day always agree.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::model::{MassageWindow, PlanStep, RecoveryNow, WindowState};
use crate::recovery::{days, warnings, RecoveryRules};
use crate::reminders::{Reminder, ReminderState};
use crate::sessions::{RaceStatus, Session, SessionDetails};

/// After its easy days are over, a race stays on Today for this many days more.
pub const SHOWN_AFTER_EASY_DAYS: i64 = 7;
/// A check-in stays "in force" this long after its time, then the next one takes over.
const CHECKIN_GRACE: Duration = Duration::hours(12);

/// "Today 13:30", "Thu 10:00" within the coming week, else "Mon 24 May".
pub fn when(at: DateTime<Utc>, now: DateTime<Utc>, zone: Tz) -> String {
    let local = at.with_timezone(&zone);
    let today = now.with_timezone(&zone).date_naive();
    let days_ahead = (local.date_naive() - today).num_days();
    match days_ahead {
        0 => format!("Today {}", local.format("%H:%M")),
        1 => format!("Tomorrow {}", local.format("%H:%M")),
        -1 => format!("Yesterday {}", local.format("%H:%M")),
        2..=6 => local.format("%a %H:%M").to_string(),
        _ => local.format("%a %-d %b").to_string(),
    }
}

fn race_parts(race: &Session) -> Option<(&str, f64, Option<i32>)> {
    match &race.details {
        SessionDetails::Race(r) if r.status == RaceStatus::Done => Some((
            r.name.as_str(),
            race.distance_m.or(r.distance.metres()).unwrap_or(0.0),
            r.finish_time_s.or(race.duration_s),
        )),
        _ => None,
    }
}

/// Where recovery after `race` stands at `now`, or `None` once it no longer matters (or it is not
/// a race that was run). `plan` is the race's reminders; `next_race` the next planned one.
pub fn now_after(
    rules: &RecoveryRules,
    race: &Session,
    plan: &[Reminder],
    next_race: Option<&Session>,
    now: DateTime<Utc>,
    zone: Tz,
) -> Option<RecoveryNow> {
    let (name, metres, finish_s) = race_parts(race)?;
    if now < race.start_utc {
        return None;
    }
    let race_day = race.start_utc.with_timezone(&race.zone).date_naive();
    let easy = rules.easy_days(metres);
    let day_number = -days::days_before(now, race.start_utc, race.zone) + 1;
    if day_number > easy.max(1) + SHOWN_AFTER_EASY_DAYS {
        return None;
    }
    let day = warnings::easy_day_of(rules, race, now).map(|(d, _)| d);
    let headline = match day {
        Some(d) => format!("Day {d} of {easy} easy days after {name}"),
        None if easy > 0 => {
            let last = race_day + Duration::days(easy - 1);
            format!(
                "The {easy} easy days after {name} ended on {}: harder sessions can come back if your legs agree",
                last.format("%a %-d %b")
            )
        }
        None => format!("Day {day_number} after {name}"),
    };
    let finish = days::finish(race.start_utc, finish_s, metres);
    let today = now.with_timezone(&zone).date_naive();
    Some(RecoveryNow {
        race_id: race.id.clone(),
        race_name: name.to_owned(),
        race_date: crate::time::date_text(race_day),
        day: day.map(small),
        easy_days: small(easy),
        headline,
        today: steps_on(plan, today, now, zone),
        next: next_step(plan, today, zone, now),
        checkin: checkin(rules, plan, finish, now, zone),
        massage: massage_windows(rules, finish, next_race, now, zone),
    })
}

fn local_date(r: &Reminder, zone: Tz) -> NaiveDate {
    r.due_utc.with_timezone(&zone).date_naive()
}

fn step(r: &Reminder, now: DateTime<Utc>, zone: Tz) -> PlanStep {
    let at = r.fires_at.unwrap_or(r.due_utc);
    PlanStep {
        when: when(at, now, zone),
        text: r.text.clone(),
        due: !r.state.is_waiting() || at <= now,
        reminder_id: Some(r.id.clone()),
    }
}

/// The plan's reminders that fall on `today`, dismissed ones left out.
fn steps_on(plan: &[Reminder], today: NaiveDate, now: DateTime<Utc>, zone: Tz) -> Vec<PlanStep> {
    plan.iter()
        .filter(|r| r.state != ReminderState::Dismissed && local_date(r, zone) == today)
        .map(|r| step(r, now, zone))
        .collect()
}

fn next_step(plan: &[Reminder], today: NaiveDate, zone: Tz, now: DateTime<Utc>) -> Option<PlanStep> {
    plan.iter()
        .filter(|r| r.state.is_waiting() && local_date(r, zone) > today)
        .min_by_key(|r| r.fires_at.unwrap_or(r.due_utc))
        .map(|r| step(r, now, zone))
}

/// The check-in due now or next: the first whose time plus a grace of 12 hours is still ahead.
fn checkin(
    rules: &RecoveryRules,
    plan: &[Reminder],
    finish: DateTime<Utc>,
    now: DateTime<Utc>,
    zone: Tz,
) -> Option<PlanStep> {
    let mut hours = rules.checkin_hours.clone();
    hours.sort_unstable();
    let h = hours
        .into_iter()
        .find(|h| finish + Duration::hours(i64::from(*h)) + CHECKIN_GRACE > now)?;
    let reminder = plan.iter().find(|r| r.source == format!("checkin_{h}"));
    // Its reminder's own time when there is one: quiet hours may have moved it.
    let at = reminder
        .and_then(|r| r.fires_at.or(r.fired_at))
        .unwrap_or(finish + Duration::hours(i64::from(h)));
    Some(PlanStep {
        when: when(at, now, zone),
        text: format!("{h} h check-in: how do your legs feel? Mark any soreness on the body chart."),
        due: at <= now,
        reminder_id: reminder.map(|r| r.id.clone()),
    })
}

/// Where massage stands after the finish and before the next race, most pressing first.
fn massage_windows(
    rules: &RecoveryRules,
    finish: DateTime<Utc>,
    next_race: Option<&Session>,
    now: DateTime<Utc>,
    zone: Tz,
) -> Vec<MassageWindow> {
    let mut out = Vec::new();
    if let Some(w) = next_race.and_then(|r| before_race(rules, r, now, zone)) {
        out.push(w);
    }
    let hours = |h: i32| finish + Duration::hours(i64::from(h));
    let (none_until, flush_until) = (hours(rules.no_massage_hours), hours(rules.light_flush_until_hours));
    let (from, to) = (
        hours(rules.sports_massage_from_hours),
        hours(rules.sports_massage_to_hours),
    );
    if now < none_until {
        out.push(MassageWindow {
            state: WindowState::Wait,
            text: format!(
                "No massage until {}; a light flush is fine after that",
                when(none_until, now, zone)
            ),
        });
    } else if now < flush_until {
        out.push(MassageWindow {
            state: WindowState::Open,
            text: format!(
                "A light flush is fine until {}; nothing deep yet",
                when(flush_until, now, zone)
            ),
        });
    }
    if now < from {
        out.push(MassageWindow {
            state: WindowState::Wait,
            text: format!("Sports massage from {}", when(from, now, zone)),
        });
    } else if now < to {
        out.push(MassageWindow {
            state: WindowState::Open,
            text: format!("Sports massage window open until {}", when(to, now, zone)),
        });
    }
    out
}

/// The guard before a planned race: no deep tissue from a day, no massage at all from another.
pub fn before_race(rules: &RecoveryRules, race: &Session, now: DateTime<Utc>, zone: Tz) -> Option<MassageWindow> {
    let SessionDetails::Race(r) = &race.details else {
        return None;
    };
    let to_go = days::days_before(now, race.start_utc, race.zone);
    if r.status != RaceStatus::Planned || to_go < 0 {
        return None;
    }
    let name = r.name.as_str();
    let in_days = match to_go {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        d => format!("in {d} days"),
    };
    let race_day = race.start_utc.with_timezone(&race.zone).date_naive();
    let day_word = |d: NaiveDate| {
        let today = now.with_timezone(&zone).date_naive();
        match (d - today).num_days() {
            0 => "today".to_owned(),
            1 => "tomorrow".to_owned(),
            2..=6 => d.format("%a").to_string(),
            _ => d.format("%a %-d %b").to_string(),
        }
    };
    if days::in_no_massage_window(rules, to_go) {
        return Some(MassageWindow {
            state: WindowState::Avoid,
            text: format!("No massage now: {name} {in_days}"),
        });
    }
    if days::in_no_deep_window(rules, to_go) {
        return Some(MassageWindow {
            state: WindowState::Avoid,
            text: format!(
                "No deep tissue now; last massage of any kind {}: {name} {in_days}",
                day_word(days::last_massage_day(rules, race_day))
            ),
        });
    }
    // Only worth saying while the guard is within the coming fortnight.
    let no_deep = days::no_deep_from(rules, race_day);
    (to_go <= 14).then(|| MassageWindow {
        state: WindowState::Wait,
        text: format!("No deep tissue from {}: {name} {in_days}", day_word(no_deep)),
    })
}

/// Day counts as the UI takes them: a plain number (an i64 would cross as a bigint).
pub fn small(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX })
}
