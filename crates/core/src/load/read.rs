//! The load series of a span of days, read from the log.
//!
//! The averages need the days before the span: an EWMA remembers. Reading from the runner's first
//! session would cost ten years of rows for a chart of twelve weeks, so the series starts
//! `WARM_UP_DAYS` before the span (or at the first session, if later): with λ = 2/43 the weight
//! left on anything older is (41/43)^365 < 10⁻⁷ of a day's load.

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;

use super::daily::days;
use super::effort::{self, Effort};
use super::ewma::{series, Point};
use super::weekly::{weeks, Week};
use crate::error::Result;
use crate::sessions::{self, SessionKind};
use crate::time;

pub const WARM_UP_DAYS: i64 = 365;

/// The kinds that are training.
const TRAINING: [SessionKind; 5] = [
    SessionKind::EasyRun,
    SessionKind::LongRun,
    SessionKind::Workout,
    SessionKind::Race,
    SessionKind::CrossTraining,
];

/// The first day with any training, on the runner's calendar.
pub fn data_since(conn: &Connection) -> Result<Option<NaiveDate>> {
    Ok(sessions::first(conn, &TRAINING)?.map(|s| s.start_local.date()))
}

/// The training sessions on the days `from..=to`, as load.
pub fn efforts(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Effort>> {
    // Wall dates in any zone fall within a day of UTC's; the exact day is the session's own.
    let start = time::start_of_day(from - Duration::days(1), chrono_tz::UTC);
    let end = time::start_of_day(to + Duration::days(2), chrono_tz::UTC);
    let rows = sessions::between(conn, &TRAINING, start, end, u32::MAX)?;
    Ok(rows
        .iter()
        .filter_map(effort::of)
        .filter(|e| (from..=to).contains(&e.date))
        .collect())
}

/// The daily series for `from..=to`, warmed up on the days before.
pub fn daily(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Point>> {
    let since = data_since(conn)?;
    let warm_from = match since {
        Some(first) => (from - Duration::days(WARM_UP_DAYS)).max(first).min(from),
        None => from,
    };
    let all = series(days(&efforts(conn, warm_from, to)?, warm_from, to), since);
    Ok(all.into_iter().filter(|p| p.day.date >= from).collect())
}

/// The weeks touching `from..=to`, whole weeks where the span allows.
pub fn weekly(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Week>> {
    Ok(weeks(&days(&efforts(conn, from, to)?, from, to)))
}

/// The longest span one request may ask for: twenty years of weeks or days.
pub const SPAN_MAX_DAYS: i64 = 20 * 366;

/// `from..=to` checked: in order, and not longer than `SPAN_MAX_DAYS`.
pub fn check_span(from: NaiveDate, to: NaiveDate) -> Result<()> {
    use crate::error::{Error, FieldCode};
    if to < from {
        return Err(Error::field(
            "to",
            FieldCode::OutOfRange,
            "The end date must not be before the start date.",
        ));
    }
    if (to - from).num_days() > SPAN_MAX_DAYS {
        return Err(Error::field(
            "from",
            FieldCode::OutOfRange,
            "At most 20 years can be read at once.",
        ));
    }
    Ok(())
}

/// The weekly summaries for `from..=to` (text dates from the UI), as the Body page draws them
/// under a region's soreness.
pub fn week_summaries(conn: &Connection, from: &str, to: &str) -> Result<Vec<super::WeekSummary>> {
    let from = time::parse_date("from", "From", from)?;
    let to = time::parse_date("to", "To", to)?;
    check_span(from, to)?;
    Ok(weekly(conn, from, to)?.iter().map(super::WeekSummary::from).collect())
}

/// The daily series for `from..=to`, as the command line prints it.
pub fn load_points(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<super::LoadPoint>> {
    check_span(from, to)?;
    Ok(daily(conn, from, to)?.iter().map(super::LoadPoint::from).collect())
}
