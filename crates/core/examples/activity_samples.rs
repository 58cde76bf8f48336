//! Writes sample activity files for the end-to-end suite and for trying the import by hand:
//!
//!   activity_samples DIR
//!
//! DIR gets `morning-run.fit` (an hour's run that started two days ago, the hour before last, as
//! a Forerunner 935 records it), `morning-run.gpx` (the same run as Strava exports it),
//! `ride.fit` (a real ride from the fitparser fixtures) and `broken.fit` (a run cut off half-way).
//! Importing DIR gives one run, one duplicate, one cross-training and one skipped file.

// A tool, not the app: plain file writes and the real clock are what it is for.
#![allow(clippy::disallowed_methods)]

use std::path::PathBuf;

use aftermile_core::import::samples::{fit_run, gpx_run};
use chrono::{Duration, DurationRound, Utc};

const RIDE: &[u8] = include_bytes!("../tests/fixtures/activities/garmin-fenix-5-bike.fit");

fn main() {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: activity_samples DIR");
        std::process::exit(2);
    };
    let start = (Utc::now() - Duration::days(2))
        .duration_trunc(Duration::hours(1))
        .unwrap();
    let run = fit_run(start, 3600, 3600);
    let mut broken = fit_run(start - Duration::days(1), 1800, 3600);
    broken.truncate(broken.len() / 2);
    let gpx = gpx_run(start, 3600);
    let files: [(&str, &[u8]); 4] = [
        ("morning-run.fit", &run),
        ("morning-run.gpx", gpx.as_bytes()),
        ("ride.fit", RIDE),
        ("broken.fit", &broken),
    ];
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("activity_samples: {}: {e}", dir.display());
        std::process::exit(1);
    }
    for (name, bytes) in files {
        if let Err(e) = std::fs::write(dir.join(name), bytes) {
            eprintln!("activity_samples: {name}: {e}");
            std::process::exit(1);
        }
    }
    println!("{}", start.to_rfc3339());
}
