//! Session validation. Every rule lives here, so the UI, imports and any other host refuse the same
//! things with the same words. All problems are collected, not just the first, so the form can show
//! each beside its field at once.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::model::{Measured, RaceStatus, SessionDetails, SessionInput};
use crate::error::{Error, FieldCode, FieldError, Result};
use crate::input::{collect, text};
use crate::limits::{
    DISTANCE_MAX_M, DURATION_MAX_S, EARLIEST_YEAR, FELT_AFTER_MAX, MAX_AHEAD_DAYS, RPE_MAX, RPE_MIN, SESSION_NOTES_MAX,
    SHORT_TEXT_MAX,
};
use crate::regions;
use crate::time;

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
    /// Set by imports (and kept by edits through the form, which cannot change it).
    pub measured: Option<Measured>,
}

/// The bounds measured values are held to (the database's CHECKs say the same).
pub const HR_RANGE: std::ops::RangeInclusive<i32> = 20..=260;

/// Checks what an import (or an export file) says was measured, naming the field.
pub fn measured(m: &Measured) -> Result<()> {
    let mut errs = Vec::new();
    let mut check = |ok: bool, field: &str, message: &str| {
        if !ok {
            errs.push(FieldError::new(field, FieldCode::OutOfRange, message));
        }
    };
    let positive = |v: Option<i32>| v.is_none_or(|s| (1..=DURATION_MAX_S).contains(&s));
    check(
        positive(m.moving_s),
        "measured.movingS",
        "Moving time must be more than 0 and under a week.",
    );
    check(
        positive(m.elapsed_s),
        "measured.elapsedS",
        "Elapsed time must be more than 0 and under a week.",
    );
    for (v, field, label) in [
        (m.avg_hr, "measured.avgHr", "Average heart rate"),
        (m.max_hr, "measured.maxHr", "Maximum heart rate"),
    ] {
        check(
            v.is_none_or(|h| HR_RANGE.contains(&h)),
            field,
            &format!("{label} must be from {} to {} bpm.", HR_RANGE.start(), HR_RANGE.end()),
        );
    }
    check(
        m.ascent_m
            .is_none_or(|a| a.is_finite() && (0.0..=20_000.0).contains(&a)),
        "measured.ascentM",
        "Elevation gain must be from 0 to 20,000 m.",
    );
    check(
        m.cadence_spm.is_none_or(|c| c.is_finite() && c > 0.0 && c < 400.0),
        "measured.cadenceSpm",
        "Cadence must be more than 0 and under 400 steps a minute.",
    );
    check(
        m.trimp.is_none_or(|t| t.is_finite() && t >= 0.0),
        "measured.trimp",
        "TRIMP must be 0 or more.",
    );
    if let Some(src) = &m.source {
        check(
            src.sha256.len() == 64 && src.sha256.bytes().all(|b| b.is_ascii_hexdigit()),
            "measured.source.sha256",
            "The source file's digest must be 64 hex digits.",
        );
    }
    for (v, field, label) in [
        (m.device.as_deref(), "measured.device", "Device"),
        (
            m.source.as_ref().map(|s| s.name.as_str()),
            "measured.source.name",
            "Source file name",
        ),
    ] {
        if let Some(v) = v {
            if let Err(Error::Invalid(mut f)) = text(field, label, v, SHORT_TEXT_MAX, false) {
                errs.append(&mut f);
            }
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errs))
    }
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
    keep(distance(input, kind.has_distance()));
    if let Some(rpe) = input.rpe {
        if !(RPE_MIN..=RPE_MAX).contains(&rpe) {
            keep(Err(Error::field(
                "rpe",
                FieldCode::OutOfRange,
                "Effort must be from 1 to 10.",
            )));
        }
    }
    keep(text("notes", "Notes", &input.notes, SESSION_NOTES_MAX, false));

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
                    FieldCode::Required,
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
        measured: None,
    })
}

fn start_instant(text: &str, tz: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let wall = time::parse_wall("start", "Start", text)?;
    let earliest = NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1).expect("valid date");
    if wall.date() < earliest {
        return Err(Error::field(
            "start",
            FieldCode::OutOfRange,
            format!("Start must be in {EARLIEST_YEAR} or later."),
        ));
    }
    let instant = time::wall_to_utc("start", wall, tz)?;
    if instant > now + Duration::days(MAX_AHEAD_DAYS) {
        return Err(Error::field(
            "start",
            FieldCode::OutOfRange,
            "Start must be within the next two years.",
        ));
    }
    Ok(instant)
}

fn race_timing(status: RaceStatus, start: DateTime<Utc>, finish: Option<i32>, now: DateTime<Utc>) -> Result<()> {
    match status {
        RaceStatus::Planned if start <= now => Err(Error::field(
            "raceStatus",
            FieldCode::NotAllowed,
            "A planned race must be in the future. Mark it as done, or change its date.",
        )),
        RaceStatus::Planned if finish.is_some() => Err(Error::field(
            "finishTime",
            FieldCode::NotAllowed,
            "A planned race has no finish time yet.",
        )),
        RaceStatus::Done if start > now => Err(Error::field(
            "raceStatus",
            FieldCode::NotAllowed,
            "A race in the future can't be done yet. Mark it as planned.",
        )),
        _ => Ok(()),
    }
}

fn duration(field: &str, label: &str, value: Option<i32>) -> Result<()> {
    match value {
        Some(s) if s <= 0 => Err(Error::field(
            field,
            FieldCode::OutOfRange,
            format!("{label} must be more than 0."),
        )),
        Some(s) if s > DURATION_MAX_S => Err(Error::field(
            field,
            FieldCode::OutOfRange,
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
            FieldCode::NotAllowed,
            "Only runs, races and cross-training have a distance.",
        ));
    }
    if !d.is_finite() || d <= 0.0 {
        return Err(Error::field(
            "distance",
            FieldCode::OutOfRange,
            "Distance must be more than 0.",
        ));
    }
    if d > DISTANCE_MAX_M {
        return Err(Error::field(
            "distance",
            FieldCode::OutOfRange,
            "Distance must be under 1,000 km (621 mi).",
        ));
    }
    Ok(())
}

fn focus_regions(ids: &mut Vec<String>) -> Result<()> {
    let mut errs: Vec<FieldError> = Vec::new();
    if let Some(bad) = ids.iter().find(|id| !regions::is_known(id)) {
        errs.push(FieldError::new(
            "focusRegions",
            FieldCode::UnknownValue,
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
