//! Writes sample activity files for the end-to-end suite and for trying the import by hand:
//!
//!   activity_samples DIR
//!   activity_samples --runs N DIR
//!
//! DIR gets `morning-run.fit` (an hour's run that started two days ago, the hour before last, as
//! a Forerunner 935 records it), `morning-run.gpx` (the same run as Strava exports it),
//! `ride.fit` (a real ride from the fitparser fixtures) and `broken.fit` (a run cut off half-way).
//! Importing DIR gives one run, one duplicate, one cross-training and one skipped file.
//!
//! With `--runs N`, DIR gets N one-hour FIT runs instead, one a day ending a week ago: enough
//! for an import that takes a while, to watch its progress and cancel it.

// A tool, not the app: plain file writes and the real clock are what it is for.
#![allow(clippy::disallowed_methods)]

use std::path::PathBuf;

use aftermile_core::import::samples::{fit_run, gpx_run};
use chrono::{Duration, DurationRound, Utc};

const RIDE: &[u8] = include_bytes!("../tests/fixtures/activities/garmin-fenix-5-bike.fit");

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [dir] => four(&PathBuf::from(dir)),
        [flag, n, dir] if flag == "--runs" => match n.parse() {
            Ok(n) => runs(&PathBuf::from(dir), n),
            Err(_) => usage(),
        },
        _ => usage(),
    }
}

fn usage() {
    eprintln!("usage: activity_samples [--runs N] DIR");
    std::process::exit(2);
}

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) {
    if let Err(e) = std::fs::create_dir_all(dir).and_then(|()| std::fs::write(dir.join(name), bytes)) {
        eprintln!("activity_samples: {}: {e}", dir.join(name).display());
        std::process::exit(1);
    }
}

fn runs(dir: &std::path::Path, n: u32) {
    let last = (Utc::now() - Duration::days(7))
        .duration_trunc(Duration::days(1))
        .unwrap()
        + Duration::hours(6);
    for i in 0..n {
        let start = last - Duration::days(i64::from(i));
        write(dir, &format!("run-{i:04}.fit"), &fit_run(start, 3600, 0));
    }
}

fn four(dir: &std::path::Path) {
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
    for (name, bytes) in files {
        write(dir, name, bytes);
    }
    println!("{}", start.to_rfc3339());
}
