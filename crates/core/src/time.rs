//! Wall-clock time to instants and back. Instants are stored in UTC with the IANA zone the runner
//! was in; a wall time that falls in a DST gap or overlap is handled here explicitly, never by
//! unwrapping a `LocalResult`.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

use crate::error::{Error, FieldCode, Result};

/// A moment in time. Everything the core stores is in UTC.
pub type Instant = DateTime<Utc>;

/// The current instant. Hosts pass it into the core, so tests can fix the clock.
pub fn now() -> Instant {
    #[allow(clippy::disallowed_methods)] // the one place the clock is read
    Utc::now()
}

/// This computer's IANA zone (UTC when the system does not say).
pub fn computer_zone() -> Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|z| z.parse::<Tz>().ok())
        .unwrap_or(chrono_tz::UTC)
}

/// `instant` in this computer's local zone, for labels such as the tray menu's next reminder.
pub fn local_label(instant: Instant) -> String {
    instant
        .with_timezone(&chrono::Local)
        .format("%a %-d %b, %H:%M")
        .to_string()
}

/// Parses an IANA zone name such as "Europe/London".
pub fn parse_zone(field: &str, zone: &str) -> Result<Tz> {
    zone.parse::<Tz>().map_err(|_| {
        Error::field(
            field,
            FieldCode::UnknownValue,
            format!("\"{}\" is not a known time zone.", clip(zone)),
        )
    })
}

/// Parses the `YYYY-MM-DDTHH:MM` (optionally `:SS`) a datetime-local input gives.
pub fn parse_wall(field: &str, label: &str, text: &str) -> Result<NaiveDateTime> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::field(
            field,
            FieldCode::Required,
            format!("{label} is required."),
        ));
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .ok_or_else(|| {
            Error::field(
                field,
                FieldCode::InvalidFormat,
                format!("{label} must be a date and time like 2026-04-19 09:30."),
            )
        })
}

pub fn parse_date(field: &str, label: &str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        Error::field(
            field,
            FieldCode::InvalidFormat,
            format!("{label} must be a date like 2026-04-19."),
        )
    })
}

/// The instant a wall time names in `tz`. In an overlap (clocks going back) the earlier instant is
/// taken, as a runner logging "01:30" most likely means the first one. In a gap (clocks going
/// forward) the time never happened, so it is refused with a message saying why.
pub fn wall_to_utc(field: &str, wall: NaiveDateTime, tz: Tz) -> Result<DateTime<Utc>> {
    match tz.from_local_datetime(&wall) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(earlier, _) => Ok(earlier.with_timezone(&Utc)),
        LocalResult::None => Err(Error::field(
            field,
            FieldCode::NonexistentTime,
            format!(
                "{} did not happen in {} (the clocks went forward). Pick a time an hour later.",
                wall.format("%Y-%m-%d %H:%M"),
                tz.name()
            ),
        )),
    }
}

/// The instant a wall time names for a reminder, which must fire even when the wall time falls in
/// a DST gap: a gap moves it forward to the first wall time that exists (02:30 on a spring-forward
/// night in New York fires at 03:00), and an overlap takes the earlier instant, so it fires once.
pub fn wall_to_utc_lenient(wall: NaiveDateTime, tz: Tz) -> DateTime<Utc> {
    let mut w = wall;
    // Gaps are at most a few hours; a day of minutes bounds the search in every zone.
    for _ in 0..(24 * 60) {
        match tz.from_local_datetime(&w) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => return t.with_timezone(&Utc),
            LocalResult::None => w += chrono::Duration::minutes(1),
        }
    }
    Utc.from_utc_datetime(&wall)
}

/// Midnight at the start of `date` in `tz`, for date-range filters. Midnight can itself fall in a
/// DST gap (some zones change at 00:00); then the first instant of that day is used.
pub fn start_of_day(date: NaiveDate, tz: Tz) -> DateTime<Utc> {
    wall_to_utc_lenient(date.and_time(chrono::NaiveTime::MIN), tz)
}

/// The wall time of `instant` in `tz`, to the minute (as a datetime-local input shows it).
pub fn wall_in(instant: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    let w = instant.with_timezone(&tz).naive_local();
    w.date().and_hms_opt(w.hour(), w.minute(), 0).unwrap_or(w)
}

/// The wall time of `instant` in `tz`, as `YYYY-MM-DDTHH:MM`.
pub fn utc_to_wall(instant: DateTime<Utc>, tz: Tz) -> String {
    wall_text(wall_in(instant, tz))
}

/// A wall time as `YYYY-MM-DDTHH:MM`.
pub fn wall_text(wall: NaiveDateTime) -> String {
    wall.format("%Y-%m-%dT%H:%M").to_string()
}

/// The instant SQLite stores (unix seconds). Out-of-range values (only a hand-edited database
/// has them) read as the epoch rather than failing the whole query.
pub fn from_unix(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or(DateTime::UNIX_EPOCH)
}

/// An instant as RFC 3339 in UTC, whole seconds: `2026-04-19T07:30:00Z`.
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Any RFC 3339 instant, in UTC.
pub fn parse_rfc3339(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// A calendar day as `YYYY-MM-DD`.
pub fn date_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Quotes user text in an error message without echoing a megabyte back.
pub(crate) fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// How instants, wall times, dates and zones look at the boundary (JSON to the UI and in exports).
/// The core works on `DateTime<Utc>`, `NaiveDateTime`, `NaiveDate` and `Tz`; these modules are the
/// only place their text forms are written and read, used as `#[serde(with = "…")]`.
pub mod serde_fmt {
    use std::fmt::Display;

    use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
    use chrono_tz::Tz;
    use serde::{Deserialize, Deserializer, Serializer};

    fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        String::deserialize(d)
    }

    fn refuse<E: serde::de::Error>(what: impl Display) -> E {
        E::custom(what)
    }

    /// An instant as RFC 3339 in UTC, whole seconds: `2026-04-19T07:30:00Z`.
    pub mod instant {
        use super::*;

        pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&crate::time::rfc3339(*t))
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
            crate::time::parse_rfc3339(&text(d)?).ok_or_else(|| refuse("must be an RFC 3339 date and time"))
        }

        /// `Option<DateTime<Utc>>`, as the instant or `null`.
        pub mod option {
            use super::*;

            pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
                match t {
                    Some(t) => s.serialize_str(&crate::time::rfc3339(*t)),
                    None => s.serialize_none(),
                }
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
                match Option::<String>::deserialize(d)? {
                    None => Ok(None),
                    Some(t) => crate::time::parse_rfc3339(&t)
                        .map(Some)
                        .ok_or_else(|| refuse("must be an RFC 3339 date and time")),
                }
            }
        }
    }

    /// A wall time as a datetime-local input gives it: `2026-04-19T07:30`.
    pub mod wall {
        use super::*;

        pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&crate::time::wall_text(*t))
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
            let t = text(d)?;
            crate::time::parse_wall("", "", &t).map_err(|_| refuse("must be a date and time like 2026-04-19T09:30"))
        }
    }

    /// A calendar day: `2026-04-19`.
    pub mod date {
        use super::*;

        pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(&crate::time::date_text(*d))
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
            let t = text(d)?;
            NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| refuse("must be a date like 2026-04-19"))
        }
    }

    /// An IANA zone by name: `Europe/London`.
    pub mod zone {
        use super::*;

        pub fn serialize<S: Serializer>(z: &Tz, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(z.name())
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Tz, D::Error> {
            let t = text(d)?;
            t.parse::<Tz>()
                .map_err(|_| refuse(format!("\"{}\" is not a known time zone", crate::time::clip(&t))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn wall(s: &str) -> NaiveDateTime {
        parse_wall("start", "Start", s).unwrap()
    }

    #[rstest]
    #[case::london_gap("Europe/London", "2026-03-29T01:30")]
    #[case::new_york_gap("America/New_York", "2026-03-08T02:30")]
    #[case::sydney_gap("Australia/Sydney", "2026-10-04T02:30")]
    fn a_wall_time_in_a_gap_is_refused_with_the_field(#[case] zone: &str, #[case] w: &str) {
        let tz = parse_zone("zone", zone).unwrap();
        let err = wall_to_utc("start", wall(w), tz).unwrap_err();
        assert_eq!(err.payload().field.as_deref(), Some("start"));
        assert_eq!(err.payload().fields[0].code, "nonexistent_time");
    }

    #[rstest]
    #[case::london_overlap("Europe/London", "2026-10-25T01:30", "2026-10-25T00:30:00+00:00")]
    #[case::new_york_overlap("America/New_York", "2026-11-01T01:30", "2026-11-01T05:30:00+00:00")]
    #[case::sydney_overlap("Australia/Sydney", "2026-04-05T02:30", "2026-04-04T15:30:00+00:00")]
    fn a_wall_time_in_an_overlap_takes_the_earlier_instant(#[case] zone: &str, #[case] w: &str, #[case] utc: &str) {
        let tz = parse_zone("zone", zone).unwrap();
        let got = wall_to_utc("start", wall(w), tz).unwrap();
        assert_eq!(got, DateTime::parse_from_rfc3339(utc).unwrap());
    }

    #[test]
    fn round_trips_a_plain_wall_time() {
        let tz = parse_zone("zone", "Europe/Berlin").unwrap();
        let t = wall_to_utc("start", wall("2026-07-01T07:05"), tz).unwrap();
        assert_eq!(utc_to_wall(t, tz), "2026-07-01T07:05");
    }

    #[test]
    fn refuses_unknown_zones_and_bad_formats() {
        assert!(parse_zone("zone", "Mars/Olympus").is_err());
        assert!(parse_wall("start", "Start", "yesterday").is_err());
        assert!(parse_wall("start", "Start", "2026-02-30T10:00").is_err());
        assert!(parse_wall("start", "Start", "").is_err());
    }

    #[rstest]
    #[case::new_york_gap("America/New_York", "2026-03-08T02:30", "2026-03-08T03:00")]
    #[case::london_gap("Europe/London", "2026-03-29T01:30", "2026-03-29T02:00")]
    #[case::sydney_gap("Australia/Sydney", "2026-10-04T02:30", "2026-10-04T03:00")]
    fn a_reminder_in_a_gap_moves_to_the_end_of_the_gap(#[case] zone: &str, #[case] w: &str, #[case] fires: &str) {
        let tz = parse_zone("zone", zone).unwrap();
        assert_eq!(utc_to_wall(wall_to_utc_lenient(wall(w), tz), tz), fires);
    }

    #[rstest]
    #[case::london("Europe/London", "2026-10-25T01:30")]
    #[case::new_york("America/New_York", "2026-11-01T01:30")]
    #[case::sydney("Australia/Sydney", "2026-04-05T02:30")]
    fn a_reminder_in_an_overlap_is_one_instant_the_first(#[case] zone: &str, #[case] w: &str) {
        let tz = parse_zone("zone", zone).unwrap();
        let t = wall_to_utc_lenient(wall(w), tz);
        assert_eq!(t, wall_to_utc("start", wall(w), tz).unwrap());
        // An hour later the same wall time comes round again: that is not a second firing time.
        assert_eq!(utc_to_wall(t + chrono::Duration::hours(1), tz), w);
    }

    #[test]
    fn start_of_day_survives_a_midnight_gap() {
        // Santiago springs forward at 00:00, so 00:00 does not exist that day.
        let tz = parse_zone("zone", "America/Santiago").unwrap();
        let d = NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
        let t = start_of_day(d, tz);
        assert_eq!(utc_to_wall(t, tz), "2026-09-06T01:00");
    }
}
