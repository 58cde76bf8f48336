//! Mark validation: the same rules for the UI, imports and any other host.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::model::MarkInput;
use crate::error::{Error, FieldCode, FieldError, Result};
use crate::input::text;
use crate::limits::{INTENSITY_MAX, INTENSITY_MIN, MARK_NOTE_MAX};
use crate::{regions, time};

/// A mark records how the body felt; a little slack covers a clock set slightly wrong.
const FUTURE_SLACK_MIN: i64 = 10;

pub struct Valid {
    pub at_utc: DateTime<Utc>,
    pub zone: Tz,
    pub note: String,
}

pub fn mark(input: &MarkInput, now: DateTime<Utc>) -> Result<Valid> {
    let mut errs: Vec<FieldError> = Vec::new();
    let mut push = |r: Result<()>| {
        if let Err(Error::Invalid(mut f)) = r {
            errs.append(&mut f);
        }
    };
    if !regions::is_known(&input.region_id) {
        push(Err(Error::field(
            "region",
            FieldCode::UnknownValue,
            format!("\"{}\" is not a body region.", time::clip(&input.region_id)),
        )));
    }
    if !(INTENSITY_MIN..=INTENSITY_MAX).contains(&input.intensity) {
        push(Err(Error::field(
            "intensity",
            FieldCode::OutOfRange,
            "Intensity must be from 0 to 10.",
        )));
    }
    push(text("note", "Note", &input.note, MARK_NOTE_MAX, false));

    let zone = time::parse_zone("zone", &input.zone);
    let at = match &zone {
        Ok(tz) => at_instant(&input.at_local, *tz, now).map(Some),
        Err(_) => time::parse_wall("at", "Date and time", &input.at_local).map(|_| None),
    };
    let at = match at {
        Ok(v) => v,
        Err(e) => {
            push(Err(e));
            None
        }
    };
    let zone = match zone {
        Ok(z) => Some(z),
        Err(e) => {
            push(Err(e));
            None
        }
    };
    let (Some(at_utc), Some(zone), true) = (at, zone, errs.is_empty()) else {
        return Err(Error::Invalid(errs));
    };
    Ok(Valid {
        at_utc,
        zone,
        note: input.note.trim_end().to_owned(),
    })
}

fn at_instant(text: &str, tz: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let wall = time::parse_wall("at", "Date and time", text)?;
    if wall.date() < NaiveDate::from_ymd_opt(1950, 1, 1).expect("valid date") {
        return Err(Error::field(
            "at",
            FieldCode::OutOfRange,
            "Date and time must be in 1950 or later.",
        ));
    }
    let at = time::wall_to_utc("at", wall, tz)?;
    if at > now + Duration::minutes(FUTURE_SLACK_MIN) {
        return Err(Error::field(
            "at",
            FieldCode::OutOfRange,
            "A mark records how it feels now or earlier, not in the future.",
        ));
    }
    Ok(at)
}
