//! A Strava bulk export's activities.csv: one row per activity, naming its file, and carrying
//! what the runner set on Strava (the name, the type, the description, the workout type).
//!
//! The CSV has grown over the years, so columns are found by header name, never by position:
//! - Old exports have ~10 columns; newer ones ~80, with rows that may be shorter than the header.
//! - Names repeat: the first "Elapsed Time" and "Distance" sit in the summary, a second of each
//!   in the detail columns added later. The first Distance is in km, the second in metres; the
//!   second wins when present, being exact.
//! - "Activity Date" is UTC in US form ("Sep 12, 2018, 3:02:23 PM"); day-first and ISO forms from
//!   other locales are read too.
//! - Strava's workout type means, for runs: 1 race, 2 long run, 3 workout (0 is a plain run; rides
//!   use 10–12). It applies only to runs.
//!
//! The row's name, type and description replace the file's: they are what the runner last chose
//! on Strava. Its times and distance stand in only where the file has none.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};

use super::model::{Activity, RunHint, Sport};
use super::sport;

/// One row, as far as Aftermile uses it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Row {
    /// The file's path inside the export ("activities/123.fit.gz"), `/`-separated.
    pub filename: Option<String>,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub description: Option<String>,
    pub workout_type: Option<u8>,
    pub start: Option<DateTime<Utc>>,
    pub elapsed_s: Option<u32>,
    pub moving_s: Option<u32>,
    pub distance_m: Option<f64>,
}

/// Every row of an activities.csv, in order; `None` when the CSV is not Strava's (it has neither
/// a Filename nor an Activity ID column). Cells are read as UTF-8 with bad bytes replaced, so one
/// stray byte in a description does not cost the whole export.
pub(super) fn parse_csv(bytes: &[u8]) -> Option<Vec<Row>> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = reader.byte_headers().ok()?.clone();
    let mut columns: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        columns
            .entry(String::from_utf8_lossy(h).trim().to_ascii_lowercase())
            .or_default()
            .push(i);
    }
    let nth = |name: &str, n: usize| columns.get(name).and_then(|v| v.get(n)).copied();
    nth("filename", 0).or(nth("activity id", 0))?;
    let mut rows = Vec::new();
    // A record the csv crate cannot read (only an I/O failure, on a slice) ends the list.
    for record in reader.byte_records().map_while(Result::ok) {
        let cell = |col: Option<usize>| {
            col.and_then(|i| record.get(i))
                .map(|b| String::from_utf8_lossy(b).trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        let num = |col: Option<usize>| {
            cell(col)
                .and_then(|s| s.replace(',', "").parse::<f64>().ok())
                .filter(|v| v.is_finite() && *v >= 0.0)
        };
        let secs = |col: Option<usize>| num(col).filter(|v| *v < f64::from(u32::MAX)).map(|v| v.round() as u32);
        let distance_m = num(nth("distance", 1)).or(num(nth("distance", 0)).map(|km| km * 1000.0));
        rows.push(Row {
            filename: cell(nth("filename", 0)).map(|f| f.replace('\\', "/")),
            name: cell(nth("activity name", 0)),
            kind: cell(nth("activity type", 0)),
            description: cell(nth("activity description", 0)),
            workout_type: num(nth("workout type", 0))
                .filter(|v| *v < 256.0)
                .map(|v| v.round() as u8),
            start: cell(nth("activity date", 0)).as_deref().and_then(date),
            elapsed_s: secs(nth("elapsed time", 0)).or(secs(nth("elapsed time", 1))),
            moving_s: secs(nth("moving time", 0)),
            distance_m,
        });
    }
    Some(rows)
}

/// "Sep 12, 2018, 3:02:23 PM" (and the day-first and ISO forms), as UTC.
pub(super) fn date(s: &str) -> Option<DateTime<Utc>> {
    [
        "%b %d, %Y, %I:%M:%S %p",
        "%b %d, %Y %I:%M:%S %p",
        "%d %b %Y, %H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%SZ",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s.trim(), f).ok())
    .map(|n| n.and_utc())
}

/// What a Strava workout type says about a run.
pub(super) fn run_hint(workout_type: Option<u8>) -> RunHint {
    match workout_type {
        Some(1) => RunHint::Race,
        Some(2) => RunHint::LongRun,
        Some(3) => RunHint::Workout,
        _ => RunHint::None,
    }
}

/// Lays a row over what its file gave. A multisport file's legs all take the row's name; only a
/// single activity takes its type, which describes the whole.
pub(super) fn apply(row: &Row, activities: &mut [Activity]) {
    let single = activities.len() == 1;
    for a in activities.iter_mut() {
        if let Some(n) = &row.name {
            a.name = Some(n.clone());
        }
        if let Some(d) = &row.description {
            a.description = Some(d.clone());
        }
        if single {
            if let Some(k) = &row.kind {
                a.sport = sport::from_name(k);
            }
            a.sub = if a.sport == Sport::Running {
                run_hint(row.workout_type)
            } else {
                RunHint::None
            };
            a.elapsed_s = a.elapsed_s.or(row.elapsed_s);
            a.moving_s = a.moving_s.or(row.moving_s);
            a.distance_m = a.distance_m.or(row.distance_m);
        }
    }
}

#[cfg(test)]
#[path = "strava_tests.rs"]
mod tests;
