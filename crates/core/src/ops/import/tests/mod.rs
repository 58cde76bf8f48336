//! The import's second half: what activities become, duplicates, merges, and a file's all-or-
//! nothing write. Files are the samples (`import::samples`), the fitparser fixtures, or items
//! built by hand for the cases no file needs to show.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::import::samples::{fit_run, gpx_run};
use crate::import::{HrSample, SkipReason};
use crate::sessions::{SessionDetails, SessionInput};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 1, 12, 0, 0).unwrap()
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 9, 12, 6, 2, 0).unwrap()
}

/// A database whose import zone is London (so the tests do not depend on this computer's).
fn db() -> Db {
    let mut db = Db::open_in_memory().unwrap();
    let mut s = settings::get(&db).unwrap();
    s.import.zone = "Europe/London".into();
    crate::ops::settings::update(&mut db, &s, now()).unwrap();
    db
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/activities")
            .join(name),
    )
    .unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn import(db: &mut Db, paths: &[PathBuf]) -> ImportSummary {
    import_paths(db, paths, now(), &AtomicBool::new(false), &mut |_| {}).unwrap()
}

fn all_sessions(db: &Db) -> Vec<Session> {
    let far = Utc.with_ymd_and_hms(2100, 1, 1, 0, 0, 0).unwrap();
    let early = Utc.with_ymd_and_hms(1950, 1, 1, 0, 0, 0).unwrap();
    sessions::between(db.conn(), &[], early, far, 10_000).unwrap()
}

fn source(s: &Session) -> SourceFormat {
    s.measured.as_ref().unwrap().source.as_ref().unwrap().format
}

/// An activity built by hand, a one-hour easy run unless changed.
fn activity() -> Activity {
    Activity {
        format: Format::Fit,
        sport: FileSport::Running,
        sub: RunHint::None,
        name: None,
        description: None,
        start: start(),
        utc_offset_s: Some(3600),
        moving_s: Some(3600),
        elapsed_s: Some(3660),
        distance_m: Some(11_000.0),
        avg_hr: Some(150),
        max_hr: Some(170),
        ascent_m: Some(40.0),
        cadence_spm: Some(172.0),
        device: Some("Forerunner 935".into()),
        hr: (0..3600)
            .step_by(5)
            .map(|s| HrSample { offset_s: s, bpm: 150 })
            .collect(),
    }
}

fn item(name: &str, activities: Vec<Activity>) -> Item {
    Item {
        name: name.into(),
        // Names of different lengths stand for different files.
        sha256: Some(format!("{:064x}", name.len() + activities.len() * 7)),
        outcome: Outcome::Activities(activities),
    }
}

fn add(db: &mut Db, items: Vec<Item>) -> ImportSummary {
    let mut imp = Importer::start(db, now()).unwrap();
    for i in items {
        imp.add(db, i).unwrap();
    }
    imp.finish(&Totals::default())
}

mod files_tests;
mod same_tests;
