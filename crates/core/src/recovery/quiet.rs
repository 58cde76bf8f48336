//! Quiet hours: a reminder due inside them waits until they end, in the reminder's own zone.
//! Applied when a reminder fires (and when the Plan page shows when it will), not when it is
//! created, so changing quiet hours moves every pending reminder at once.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldCode, Result};
use crate::time;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuietHours {
    pub enabled: bool,
    /// `HH:MM`, local time.
    pub start: String,
    /// `HH:MM`, local time; before `start` means the quiet hours run over midnight.
    pub end: String,
}

impl Default for QuietHours {
    fn default() -> Self {
        QuietHours {
            enabled: true,
            start: "22:00".into(),
            end: "07:00".into(),
        }
    }
}

pub fn parse_hhmm(field: &str, label: &str, text: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| {
        Error::field(
            field,
            FieldCode::InvalidFormat,
            format!("{label} must be a time like 07:30."),
        )
    })
}

impl QuietHours {
    pub fn validate(&self) -> Result<()> {
        let start = parse_hhmm("quietHours.start", "Quiet hours start", &self.start);
        let end = parse_hhmm("quietHours.end", "Quiet hours end", &self.end);
        match (start, end) {
            (Ok(s), Ok(e)) if s == e && self.enabled => Err(Error::field(
                "quietHours.end",
                FieldCode::OutOfRange,
                "Quiet hours must end at a different time than they start.",
            )),
            (Ok(_), Ok(_)) => Ok(()),
            (Err(e), _) | (_, Err(e)) => Err(e),
        }
    }

    /// When a reminder due at `due` should fire: `due` itself, or the end of the quiet hours it
    /// falls in. Invalid settings (refused on save, so only from a hand-edited database) mean none.
    pub fn release(&self, due: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
        let (Ok(start), Ok(end)) = (parse_hhmm("", "", &self.start), parse_hhmm("", "", &self.end)) else {
            return due;
        };
        if !self.enabled || start == end {
            return due;
        }
        let local = due.with_timezone(&tz).naive_local();
        let t = local.time();
        let end_date = if start < end {
            // Same-day window, e.g. 13:00–15:00.
            if t < start || t >= end {
                return due;
            }
            local.date()
        } else if t >= start {
            local.date() + Duration::days(1)
        } else if t < end {
            local.date()
        } else {
            return due;
        };
        time::wall_to_utc_lenient(end_date.and_time(end), tz).max(due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn at(tz: Tz, wall: &str) -> DateTime<Utc> {
        time::wall_to_utc_lenient(time::parse_wall("", "", wall).unwrap(), tz)
    }

    #[rstest]
    #[case::evening_waits_for_morning("2026-06-15T23:30", "2026-06-16T07:00")]
    #[case::small_hours_wait("2026-06-16T03:10", "2026-06-16T07:00")]
    #[case::start_is_quiet("2026-06-15T22:00", "2026-06-16T07:00")]
    #[case::end_is_not("2026-06-16T07:00", "2026-06-16T07:00")]
    #[case::day_is_untouched("2026-06-16T12:30", "2026-06-16T12:30")]
    fn default_quiet_hours(#[case] due: &str, #[case] fires: &str) {
        let tz: Tz = "Europe/London".parse().unwrap();
        let q = QuietHours::default();
        assert_eq!(time::utc_to_wall(q.release(at(tz, due), tz), tz), fires);
    }

    #[test]
    fn disabled_or_daytime_windows() {
        let tz: Tz = "America/New_York".parse().unwrap();
        let off = QuietHours {
            enabled: false,
            ..Default::default()
        };
        assert_eq!(off.release(at(tz, "2026-06-15T23:30"), tz), at(tz, "2026-06-15T23:30"));
        let nap = QuietHours {
            enabled: true,
            start: "13:00".into(),
            end: "15:00".into(),
        };
        assert_eq!(
            time::utc_to_wall(nap.release(at(tz, "2026-06-15T14:00"), tz), tz),
            "2026-06-15T15:00"
        );
    }

    #[test]
    fn end_of_quiet_hours_inside_a_dst_gap_still_fires() {
        // Quiet until 02:30 on the night New York springs forward: 02:30 does not exist, so 03:00.
        let tz: Tz = "America/New_York".parse().unwrap();
        let q = QuietHours {
            enabled: true,
            start: "22:00".into(),
            end: "02:30".into(),
        };
        let fires = q.release(at(tz, "2026-03-08T01:00"), tz);
        assert_eq!(time::utc_to_wall(fires, tz), "2026-03-08T03:00");
    }

    #[test]
    fn validation_names_the_field() {
        let bad = QuietHours {
            enabled: true,
            start: "25:00".into(),
            end: "07:00".into(),
        };
        assert_eq!(
            bad.validate().unwrap_err().payload().field.as_deref(),
            Some("quietHours.start")
        );
        let same = QuietHours {
            enabled: true,
            start: "07:00".into(),
            end: "07:00".into(),
        };
        assert!(same.validate().is_err());
    }
}
