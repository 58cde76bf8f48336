//! Session validation. Every rule lives here, so the UI, imports and any other host refuse the same
//! things with the same words. All problems are collected, not just the first, so the form can show
//! each beside its field at once.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::model::{RaceStatus, SessionDetails, SessionInput};
use crate::error::{Error, FieldError, Result};
use crate::regions;
use crate::time;

pub const NOTES_MAX: usize = 10_000;
pub const SHORT_TEXT_MAX: usize = 200;
pub const FELT_AFTER_MAX: usize = 2_000;
/// A week: longer than any ultra, short enough to catch a misplaced digit.
pub const DURATION_MAX_S: i32 = 7 * 24 * 3600;
/// 1,000 km: longer than any single run, race or stage.
pub const DISTANCE_MAX_M: f64 = 1_000_000.0;
/// Earliest start accepted; anything before is a typo.
pub const EARLIEST_YEAR: i32 = 1950;
/// How far ahead a planned session may be.
pub const MAX_AHEAD_DAYS: i64 = 2 * 366;

/// A session input that passed every rule, normalised for storage.
#[derive(Debug, Clone)]
pub struct Valid {
    pub start_utc: DateTime<Utc>,
    pub zone: Tz,
    pub duration_s: Option<i32>,
    pub distance_m: Option<f64>,
    pub rpe: Option<i32>,
    pub notes: String,
    pub details: SessionDetails,
}

pub fn session(input: &SessionInput, now: DateTime<Utc>) -> Result<Valid> {
    let mut errs = Vec::new();
    let zone = collect(&mut errs, time::parse_zone("zone", &input.zone));
    let start = match zone {
        Some(tz) => collect(&mut errs, start_instant(&input.start_local, tz, now)),
        // Without a zone there is no instant, but the format can still be checked.
        None => collect(&mut errs, time::parse_wall("start", "Start", &input.start_local)).and(None),
    };
    let mut keep = |r: Result<()>| {
        collect(&mut errs, r);
    };

    let kind = input.details.kind();
    keep(duration("duration", "Duration", input.duration_s));
    keep(distance(input, kind.is_run()));
    if let Some(rpe) = input.rpe {
        if !(1..=10).contains(&rpe) {
            keep(Err(Error::field("rpe", "out_of_range", "Effort must be from 1 to 10.")));
        }
    }
    keep(text("notes", "Notes", &input.notes, NOTES_MAX, false));

    let mut details = input.details.clone();
    match &mut details {
        SessionDetails::Race(r) => {
            r.name = r.name.trim().to_owned();
            keep(text("raceName", "Race name", &r.name, SHORT_TEXT_MAX, true));
            keep(duration("finishTime", "Finish time", r.finish_time_s));
            if let Some(start) = start {
                keep(race_timing(r.status, start, r.finish_time_s, now));
            }
            if r.distance.metres().is_none() && input.distance_m.is_none() {
                keep(Err(Error::field(
                    "distance",
                    "required",
                    "A custom race needs its distance.",
                )));
            }
        }
        SessionDetails::Massage(m) => {
            m.therapist = m.therapist.trim().to_owned();
            m.felt_after = m.felt_after.trim().to_owned();
            keep(text("therapist", "Therapist", &m.therapist, SHORT_TEXT_MAX, false));
            keep(text(
                "feltAfter",
                "How it felt after",
                &m.felt_after,
                FELT_AFTER_MAX,
                false,
            ));
            keep(focus_regions(&mut m.focus_regions));
        }
        _ => {}
    }

    let (Some(zone), Some(start_utc), true) = (zone, start, errs.is_empty()) else {
        return Err(Error::Invalid(errs));
    };
    // A standard race distance is known, so the runner need not type it.
    let distance_m = match &details {
        SessionDetails::Race(r) => input.distance_m.or(r.distance.metres()),
        _ => input.distance_m,
    };
    Ok(Valid {
        start_utc,
        zone,
        duration_s: input.duration_s,
        distance_m,
        rpe: input.rpe,
        notes: input.notes.clone(),
        details,
    })
}

/// Moves a field error into `errs`, giving back the value when there was none.
fn collect<T>(errs: &mut Vec<FieldError>, r: Result<T>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(Error::Invalid(mut f)) => {
            errs.append(&mut f);
            None
        }
        Err(other) => {
            errs.push(FieldError::new("", other.code(), other.to_string()));
            None
        }
    }
}

fn start_instant(text: &str, tz: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let wall = time::parse_wall("start", "Start", text)?;
    let earliest = NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1).expect("valid date");
    if wall.date() < earliest {
        return Err(Error::field(
            "start",
            "out_of_range",
            format!("Start must be in {EARLIEST_YEAR} or later."),
        ));
    }
    let instant = time::wall_to_utc("start", wall, tz)?;
    if instant > now + Duration::days(MAX_AHEAD_DAYS) {
        return Err(Error::field(
            "start",
            "out_of_range",
            "Start must be within the next two years.",
        ));
    }
    Ok(instant)
}

fn race_timing(status: RaceStatus, start: DateTime<Utc>, finish: Option<i32>, now: DateTime<Utc>) -> Result<()> {
    match status {
        RaceStatus::Planned if start <= now => Err(Error::field(
            "raceStatus",
            "not_allowed",
            "A planned race must be in the future. Mark it as done, or change its date.",
        )),
        RaceStatus::Planned if finish.is_some() => Err(Error::field(
            "finishTime",
            "not_allowed",
            "A planned race has no finish time yet.",
        )),
        RaceStatus::Done if start > now => Err(Error::field(
            "raceStatus",
            "not_allowed",
            "A race in the future can't be done yet. Mark it as planned.",
        )),
        _ => Ok(()),
    }
}

fn duration(field: &str, label: &str, value: Option<i32>) -> Result<()> {
    match value {
        Some(s) if s <= 0 => Err(Error::field(
            field,
            "out_of_range",
            format!("{label} must be more than 0."),
        )),
        Some(s) if s > DURATION_MAX_S => Err(Error::field(
            field,
            "out_of_range",
            format!("{label} must be under a week."),
        )),
        _ => Ok(()),
    }
}

fn distance(input: &SessionInput, is_run: bool) -> Result<()> {
    let Some(d) = input.distance_m else {
        return Ok(());
    };
    if !is_run {
        return Err(Error::field(
            "distance",
            "not_allowed",
            "Only runs and races have a distance.",
        ));
    }
    if !d.is_finite() || d <= 0.0 {
        return Err(Error::field(
            "distance",
            "out_of_range",
            "Distance must be more than 0.",
        ));
    }
    if d > DISTANCE_MAX_M {
        return Err(Error::field(
            "distance",
            "out_of_range",
            "Distance must be under 1,000 km (621 mi).",
        ));
    }
    Ok(())
}

/// Free text: a length limit in characters, and no control characters other than line breaks and
/// tabs (they are invisible in the UI and break CSV exports and the printed sheet).
pub(crate) fn text(field: &str, label: &str, value: &str, max: usize, required: bool) -> Result<()> {
    if required && value.trim().is_empty() {
        return Err(Error::field(field, "required", format!("{label} is required.")));
    }
    let len = value.chars().count();
    if len > max {
        return Err(Error::field(
            field,
            "too_long",
            format!("{label} must be at most {max} characters (it has {len})."),
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(Error::field(
            field,
            "invalid_format",
            format!("{label} contains an invisible control character."),
        ));
    }
    Ok(())
}

fn focus_regions(ids: &mut Vec<String>) -> Result<()> {
    let mut errs: Vec<FieldError> = Vec::new();
    if let Some(bad) = ids.iter().find(|id| !regions::is_known(id)) {
        errs.push(FieldError::new(
            "focusRegions",
            "unknown_value",
            format!("\"{}\" is not a body region.", time::clip(bad)),
        ));
    }
    if errs.is_empty() {
        // Order is irrelevant and repeats mean nothing, so store a sorted set.
        ids.sort();
        ids.dedup();
        Ok(())
    } else {
        Err(Error::Invalid(errs))
    }
}
