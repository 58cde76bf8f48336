//! The walk: list what the chosen paths hold (`plan`), then read, decode and report each file in
//! turn, checking the cancel flag before each one.
//!
//! Built to be called from a blocking thread: it holds one file's bytes at a time, never
//! touches the database, and hands each item to the caller as soon as it is ready, so the caller
//! can store it (or show it) and drop it. The callback returns a `Result` so that a failure on
//! the caller's side (a full disk while saving) stops the walk and comes back unchanged; the
//! walk itself never fails on bad input, which always becomes an item.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use super::caps::Limits;
use super::decode::{decode, sha256_hex};
use super::disk::read_file;
use super::model::{Item, Outcome, Progress, SkipReason, Totals};
use super::plan::{plan, Job};
use super::strava;
use super::zipped;
use crate::error::Result;

/// Reads every activity in `paths` (files, folders, zips, Strava exports), calling `on_item`
/// once per file in walk order with the progress so far. Stops before the next file once
/// `cancel` is set (`Totals::cancelled`), or when `on_item` fails (that error is returned).
pub fn read(
    paths: &[PathBuf],
    limits: &Limits,
    cancel: &AtomicBool,
    mut on_item: impl FnMut(Item, Progress) -> Result<()>,
) -> Result<Totals> {
    let mut plan = plan(paths, limits);
    let total = plan.jobs.len();
    let mut totals = Totals {
        strava_rows_without_file: plan.rows_without_file,
        ..Totals::default()
    };
    for (done, job) in plan.jobs.into_iter().enumerate() {
        if cancel.load(Ordering::Relaxed) {
            totals.cancelled = true;
            break;
        }
        let current = job.name().to_owned();
        let item = match job {
            Job::Refused { name, reason } => Item {
                name,
                sha256: None,
                outcome: Outcome::Skipped(reason),
            },
            Job::Disk { path, name, row } => {
                let bytes = read_file(&path, &name, limits);
                finish(name, bytes, row, limits)
            }
            Job::Entry { zip, entry, row } => {
                let bytes = zipped::read(&mut plan.zips[zip], &entry, limits);
                finish(entry.name, bytes, row, limits)
            }
        };
        totals.files += 1;
        match &item.outcome {
            Outcome::Activities(a) => totals.activities += a.len(),
            Outcome::Skipped(_) => totals.skipped += 1,
        }
        on_item(
            item,
            Progress {
                done: done + 1,
                total,
                current,
            },
        )?;
    }
    Ok(totals)
}

fn finish(name: String, bytes: Result<Vec<u8>, SkipReason>, row: Option<strava::Row>, limits: &Limits) -> Item {
    let bytes = match bytes {
        Ok(b) => b,
        Err(reason) => {
            return Item {
                name,
                sha256: None,
                outcome: Outcome::Skipped(reason),
            }
        }
    };
    let mut outcome = decode(&name, &bytes, limits);
    if let (Outcome::Activities(a), Some(row)) = (&mut outcome, &row) {
        strava::apply(row, a);
    }
    Item {
        sha256: Some(sha256_hex(&bytes)),
        name,
        outcome,
    }
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
