//! Gathering the sheet for one appointment day. Reads only; every query is bounded by date or
//! limit, so ten years of data cost about what two weeks do.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::concerns::concerns;
use super::flags::sheet_flags;
use super::format::{self};
use super::model::*;
use crate::content;
use crate::error::{Error, FieldCode, FieldError, Result};
use crate::limits::BRIEFING_NOTE_MAX;
use crate::recovery::{days, RecoveryRules};
use crate::sessions::{self, Pressure, RaceStatus, Session, SessionDetails, SessionKind};
use crate::settings::{self, Settings};
use crate::storage::Db;
use crate::{regions, time};

/// Upcoming races this far ahead are listed.
const RACES_AHEAD_DAYS: i64 = 183;
/// An appointment may be this far either side of today.
const APPOINTMENT_RANGE_DAYS: i64 = 366;

pub(super) struct Valid {
    pub(super) day: NaiveDate,
    pub(super) tz: Tz,
}

fn validate(req: &BriefingRequest, now: DateTime<Utc>) -> Result<Valid> {
    let mut errs: Vec<FieldError> = Vec::new();
    let mut take = |r: Result<()>| {
        if let Err(Error::Invalid(mut f)) = r {
            errs.append(&mut f);
        }
    };
    let tz = time::parse_zone("zone", &req.zone);
    let day = time::parse_date("appointment", "The appointment date", &req.appointment);
    if let (Ok(day), Ok(tz)) = (&day, &tz) {
        let today = now.with_timezone(tz).date_naive();
        if (*day - today).num_days().abs() > APPOINTMENT_RANGE_DAYS {
            take(Err(Error::field(
                "appointment",
                FieldCode::OutOfRange,
                "The appointment must be within a year of today.",
            )));
        }
    }
    take(day.as_ref().map(|_| ()).map_err(clone_err));
    take(tz.as_ref().map(|_| ()).map_err(clone_err));

    let known: Vec<&str> = content::benefits().iter().map(|b| b.id).collect();
    if let Some(bad) = req.goals.iter().find(|g| !known.contains(&g.as_str())) {
        take(Err(Error::field(
            "goals",
            FieldCode::UnknownValue,
            format!("\"{}\" is not one of the benefits.", time::clip(bad)),
        )));
    } else if (1..req.goals.len()).any(|i| req.goals[..i].contains(&req.goals[i])) {
        take(Err(Error::field(
            "goals",
            FieldCode::Duplicate,
            "Each goal can be chosen once.",
        )));
    }
    let flag_ids: Vec<&str> = content::red_flags().iter().map(|f| f.id).collect();
    if let Some(bad) = req.flags.iter().find(|f| !flag_ids.contains(&f.as_str())) {
        take(Err(Error::field(
            "flags",
            FieldCode::UnknownValue,
            format!("\"{}\" is not one of the red flags.", time::clip(bad)),
        )));
    }
    if req.note.chars().count() > BRIEFING_NOTE_MAX {
        take(Err(Error::field(
            "note",
            FieldCode::TooLong,
            format!("The note can be at most {BRIEFING_NOTE_MAX} characters."),
        )));
    }
    match (day, tz) {
        (Ok(day), Ok(tz)) if errs.is_empty() => Ok(Valid { day, tz }),
        _ => Err(Error::Invalid(errs)),
    }
}

fn clone_err(e: &Error) -> Error {
    match e {
        Error::Invalid(f) => Error::Invalid(f.clone()),
        other => Error::Internal(other.to_string()),
    }
}

/// The sheet for `req`, as of `now`.
pub fn compose(db: &Db, req: &BriefingRequest, now: DateTime<Utc>) -> Result<Briefing> {
    let v = validate(req, now)?;
    let settings = settings::get(db)?;
    let today = now.with_timezone(&v.tz).date_naive();
    // What is known by the appointment: nothing after it, and nothing after now.
    let until = v.day.min(today);

    let races = races(db, &v, now)?;
    let upcoming: Vec<RaceLine> = races
        .iter()
        .filter(|(s, d, _)| planned(s) && *d >= v.day)
        .take(3)
        .map(|(s, d, _)| race_line(s, *d, (*d - v.day).num_days(), &settings))
        .collect();
    let last = races
        .iter()
        .rev()
        .find(|(s, d, at)| !planned(s) && *d <= v.day && *at <= now);
    let last_race = last.map(|(s, d, _)| race_line(s, *d, (v.day - *d).num_days(), &settings));
    // The day arithmetic every rule shares (recovery::days): days before a race in its own zone;
    // hours after a finish counted at the start of the appointment day, the cautious end of it.
    let next_days = races
        .iter()
        .find(|(s, d, _)| planned(s) && *d >= v.day)
        .map(|(s, _, _)| days::days_before_on(v.day, s.start_utc, s.zone));
    let last_hours = last.map(|(s, _, _)| {
        let finish_s = match &s.details {
            SessionDetails::Race(r) => r.finish_time_s.or(s.duration_s),
            _ => s.duration_s,
        };
        let distance = s.distance_m.unwrap_or(0.0);
        days::hours_after(
            days::finish(s.start_utc, finish_s, distance),
            time::start_of_day(v.day, v.tz),
        )
    });
    let next = upcoming.first().zip(next_days);
    let prev = last_race.as_ref().zip(last_hours);
    let race_advice = race_advice(&settings.rules, next, prev);

    let last_massage = last_massage(db, &v, until, now, req.share_massage_feedback)?;
    let concerns = concerns(
        db,
        v.tz,
        until,
        now,
        last_massage.as_ref().map(|m| m.1),
        req.share_mark_notes,
    )?;
    let red_flags = sheet_flags(&settings.rules, &concerns, &req.flags);
    let profile = &settings.profile;
    let mut health = Vec::new();
    for (ticked, label, text) in [
        (req.share_health.injuries, "Injuries", &profile.injuries),
        (req.share_health.medication, "Medication", &profile.medication),
        (req.share_health.allergies, "Allergies", &profile.allergies),
    ] {
        if ticked && !text.trim().is_empty() {
            health.push(HealthNote {
                label: label.into(),
                text: text.trim().into(),
            });
        }
    }
    let benefits = content::benefits();
    let goals = req
        .goals
        .iter()
        .filter_map(|g| benefits.iter().find(|b| b.id == g))
        .map(|b| Goal {
            id: b.id.into(),
            title: b.title.into(),
        })
        .collect();
    let contact = profile.contact.trim();

    Ok(Briefing {
        appointment: time::date_text(v.day),
        appointment_label: v.day.format("%A %-d %B %Y").to_string(),
        paper: profile.paper,
        units: settings.units,
        name: profile.name.trim().into(),
        contact: (req.share_contact && !contact.is_empty()).then(|| contact.into()),
        pressure_caution: pressure_caution(&settings.rules, req.pressure, next_days, last_hours),
        upcoming_races: upcoming,
        last_race,
        race_advice,
        training: training(db, &v, until, now, &settings)?,
        concerns,
        goals,
        pressure: req.pressure,
        health,
        last_massage: last_massage.map(|m| m.0),
        red_flags,
        note: req.note.trim().into(),
    })
}

fn planned(s: &Session) -> bool {
    matches!(&s.details, SessionDetails::Race(r) if r.status == RaceStatus::Planned)
}

fn local_day(s: &Session, tz: Tz) -> NaiveDate {
    s.start_utc.with_timezone(&tz).date_naive()
}

/// Sessions of `kinds` on the days `from..=to` in `tz`, newest first.
fn on_days(db: &Db, kinds: &[SessionKind], from: NaiveDate, to: NaiveDate, tz: Tz, limit: u32) -> Result<Vec<Session>> {
    sessions::between(
        db.conn(),
        kinds,
        time::start_of_day(from, tz),
        time::start_of_day(to + Duration::days(1), tz),
        limit,
    )
}

/// Races from a year before the appointment to half a year after, oldest first, with their day.
fn races(db: &Db, v: &Valid, _now: DateTime<Utc>) -> Result<Vec<(Session, NaiveDate, DateTime<Utc>)>> {
    let mut out: Vec<_> = on_days(
        db,
        &[SessionKind::Race],
        v.day - Duration::days(APPOINTMENT_RANGE_DAYS),
        v.day + Duration::days(RACES_AHEAD_DAYS),
        v.tz,
        500,
    )?
    .into_iter()
    .map(|s| {
        let d = local_day(&s, v.tz);
        let at = s.start_utc;
        (s, d, at)
    })
    .collect();
    out.reverse();
    Ok(out)
}

fn race_line(s: &Session, day: NaiveDate, days: i64, settings: &Settings) -> RaceLine {
    let SessionDetails::Race(r) = &s.details else {
        unreachable!("races() lists races only")
    };
    let distance = match r.distance.metres() {
        Some(_) => format::race_distance(r.distance).to_owned(),
        None => s
            .distance_m
            .map(|m| format::distance(m, settings.units))
            .unwrap_or_else(|| "Custom".into()),
    };
    RaceLine {
        name: if r.name.trim().is_empty() {
            "Race".into()
        } else {
            r.name.trim().into()
        },
        date: time::date_text(day),
        days,
        distance,
        finish_time: (r.status == RaceStatus::Done)
            .then_some(r.finish_time_s)
            .flatten()
            .map(format::clock),
    }
}

fn days_words(d: i64) -> String {
    match d {
        0 => "today".into(),
        1 => "1 day".into(),
        n => format!("{n} days"),
    }
}

/// What the recovery rules say about pressure on this day: `next` is the coming race with its days
/// to go, `last` the last race with the hours since its finish (both from `recovery::days`).
pub(super) fn race_advice(
    rules: &RecoveryRules,
    next: Option<(&RaceLine, i64)>,
    last: Option<(&RaceLine, f64)>,
) -> Vec<String> {
    let mut out = Vec::new();
    if let Some((r, d)) = next {
        let when = if d == 0 {
            "is today".to_string()
        } else {
            format!("is in {}", days_words(d))
        };
        let last_days = rules.pre_race_last_massage_days;
        let deep_days = i64::from(rules.pre_race_no_deep_days);
        if days::in_no_massage_window(rules, d) {
            out.push(format!(
                "{} {when}: the last massage should be at least {last_days} days before a race. A light flush at most.",
                r.name
            ));
        } else if days::in_no_deep_window(rules, d) {
            out.push(format!(
                "{} {when}: no deep tissue in the last {deep_days} days before a race. Light to medium pressure only.",
                r.name
            ));
        } else if d <= deep_days + 14 {
            out.push(format!(
                "{} {when}: deep work is still fine today; the no-deep-tissue window starts {} days before the race.",
                r.name, deep_days
            ));
        }
    }
    if let Some((r, hours)) = last {
        if hours < f64::from(rules.no_massage_hours) {
            out.push(format!(
                "{} was today: no massage in the first {} hours after the finish, then a light flush only.",
                r.name, rules.no_massage_hours
            ));
        } else if hours < f64::from(rules.sports_massage_from_hours) {
            out.push(format!(
                "{} was {} ago: nothing deep or firm in the first {} hours after a race. A light flush is fine.",
                r.name,
                days_words(r.days),
                rules.sports_massage_from_hours
            ));
        } else if hours <= f64::from(rules.sports_massage_to_hours) {
            out.push(format!(
                "{} was {} ago: the usual time for a sports massage ({}–{} hours after a race).",
                r.name,
                days_words(r.days),
                rules.sports_massage_from_hours,
                rules.sports_massage_to_hours
            ));
        }
    }
    out
}

/// A caution when the preferred pressure goes against a race rule.
fn pressure_caution(
    rules: &RecoveryRules,
    pressure: Option<Pressure>,
    next_days: Option<i64>,
    last_hours: Option<f64>,
) -> Option<String> {
    let pressure = pressure?;
    let near_race = next_days.is_some_and(|d| days::in_no_deep_window(rules, d));
    let just_raced = last_hours.is_some_and(|h| h < f64::from(rules.sports_massage_from_hours));
    match pressure {
        Pressure::Firm if near_race || just_raced => {
            Some("Firm pressure is preferred, but the race timing above calls for light to medium today.".into())
        }
        Pressure::Medium if next_days.is_some_and(|d| days::in_no_massage_window(rules, d)) => {
            Some("With the race this close, keep it light.".into())
        }
        _ => None,
    }
}

fn training(db: &Db, v: &Valid, until: NaiveDate, now: DateTime<Utc>, settings: &Settings) -> Result<Training> {
    let from = until - Duration::days(WINDOW_DAYS - 1);
    let items = on_days(db, &[], from, until, v.tz, 500)?;
    let done: Vec<&Session> = items.iter().filter(|s| s.start_utc <= now && !planned(s)).collect();
    let runs: Vec<&Session> = done.iter().copied().filter(|s| s.kind().is_run()).collect();
    // Summing no floats gives -0.0, which would print as "-0.0 km".
    let distance: f64 = runs.iter().filter_map(|s| s.distance_m).fold(0.0, |a, b| a + b);
    let secs: i64 = runs.iter().filter_map(|s| s.duration_s).map(i64::from).sum();
    let mut hard: Vec<&Session> = runs.clone();
    // Hardest first: effort, then races and workouts over easy runs, then distance.
    let weight = |s: &Session| match s.kind() {
        SessionKind::Race => 3,
        SessionKind::Workout => 2,
        SessionKind::LongRun => 1,
        _ => 0,
    };
    hard.sort_by(|a, b| {
        b.rpe
            .unwrap_or(0)
            .cmp(&a.rpe.unwrap_or(0))
            .then(weight(b).cmp(&weight(a)))
            .then(b.distance_m.unwrap_or(0.0).total_cmp(&a.distance_m.unwrap_or(0.0)))
            .then(b.start_utc.cmp(&a.start_utc))
    });
    let hardest = hard
        .into_iter()
        .filter(|s| s.rpe.is_some_and(|r| r >= 6) || weight(s) >= 2)
        .take(3)
        .map(|s| HardSession {
            date: time::date_text(local_day(s, v.tz)),
            kind: format::session_kind(s),
            distance: s.distance_m.map(|m| format::distance(m, settings.units)),
            duration: s.duration_s.map(|d| format::duration(i64::from(d))),
            rpe: s.rpe,
        })
        .collect();
    Ok(Training {
        from: time::date_text(from),
        to: time::date_text(until),
        runs: runs.len() as u32,
        distance: format::distance(distance, settings.units),
        time: format::duration(secs),
        hardest,
        recovery_sessions: done
            .iter()
            .filter(|s| matches!(s.kind(), SessionKind::Massage | SessionKind::OtherRecovery))
            .count() as u32,
    })
}

/// The newest massage on or before `until` that has happened, and when it ended.
fn last_massage(
    db: &Db,
    v: &Valid,
    until: NaiveDate,
    now: DateTime<Utc>,
    share_feedback: bool,
) -> Result<Option<(LastMassage, DateTime<Utc>)>> {
    let items = on_days(
        db,
        &[SessionKind::Massage],
        until - Duration::days(APPOINTMENT_RANGE_DAYS),
        until,
        v.tz,
        10,
    )?;
    let Some(s) = items.into_iter().find(|s| s.start_utc <= now) else {
        return Ok(None);
    };
    let SessionDetails::Massage(m) = &s.details else {
        return Ok(None);
    };
    let day = local_day(&s, v.tz);
    let ended = s.end_utc();
    Ok(Some((
        LastMassage {
            date: time::date_text(day),
            days_ago: (v.day - day).num_days(),
            massage_type: format::massage_type(m.massage_type).into(),
            pressure: m.pressure,
            focus: m
                .focus_regions
                .iter()
                .filter_map(|id| regions::find(id))
                .map(|r| r.label.to_owned())
                .collect(),
            // Like the health notes: only when the runner ticked it.
            felt_after: if share_feedback {
                m.felt_after.trim().into()
            } else {
                String::new()
            },
        },
        ended,
    )))
}
