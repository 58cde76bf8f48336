//! Writes the benchmarks' ten years of a runner's log into a data folder, for trying the app (and
//! measuring it) on a heavy history:
//!
//!   ten_years DATA_DIR
//!
//! DATA_DIR/db/aftermile.sqlite3 gets a run a day, a massage a week and a half marathon every
//! eight weeks up to yesterday, and two soreness marks a day (the seed of `make bench`).

// A tool, not the app: the real clock is what it is for.
#![allow(clippy::disallowed_methods)]

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::PathBuf;

use aftermile_core::storage::{paths, Db};
use chrono::{Duration, Utc};

fn main() {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: ten_years DATA_DIR");
        std::process::exit(2);
    };
    let path = paths::prepare_db_path(&dir).unwrap_or_else(|e| fail(&e.to_string()));
    if path.exists() {
        fail(&format!("{} exists already; give an empty folder", path.display()));
    }
    let mut db = Db::open(&path).unwrap_or_else(|e| fail(&e.to_string()));
    let now = Utc::now();
    let first = (now - Duration::days(365 * common::YEARS)).date_naive();
    let sessions = common::seed(&mut db, first, now);
    let marks = common::seed_marks(&mut db, first, now);
    println!("{}: {sessions} sessions and {marks} marks from {first}", path.display());
}

fn fail(why: &str) -> ! {
    eprintln!("ten_years: {why}");
    std::process::exit(1);
}
